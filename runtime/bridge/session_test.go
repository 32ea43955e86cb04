package bridge

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/response"
)

// golden is one exchange recorded from the real FastAPI by testdata/v2/record.py: what
// the app answered and what its generators, endpoints and tasks did (v2.EVENTS).
type golden struct {
	Status  int
	Headers [][2]string
	Body    string
	Events  []string
}

func loadGoldens(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	data, err := os.ReadFile("testdata/v2/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func goldenOf(t *testing.T, all map[string]json.RawMessage, name string) golden {
	t.Helper()
	var g golden
	if err := json.Unmarshal(all[name], &g); err != nil || all[name] == nil {
		t.Fatalf("golden %q: %v", name, err)
	}
	return g
}

func startV2(t *testing.T, env []string, mod func(*Config)) *Pool {
	return startPool(t, env, func(c *Config) {
		c.AppDir, c.App, c.Workers = "testdata/v2", "v2:app", 1
		if mod != nil {
			mod(c)
		}
	})
}

// takeEvents returns and clears v2.EVENTS of the (only) worker.
func takeEvents(t *testing.T, p *Pool) []string {
	t.Helper()
	res, err := p.Call(ctx(t), "v2:take_events")
	if err != nil {
		t.Fatalf("take_events: %v", err)
	}
	var ev []string
	if err := json.Unmarshal(res.JSON(), &ev); err != nil {
		t.Fatalf("take_events: %v", err)
	}
	return ev
}

func newSession(t *testing.T, p *Pool, pinned bool) *Session {
	t.Helper()
	s, err := p.Session(ctx(t), pinned)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func invoke(t *testing.T, s *Session, inv Invocation) Reply {
	t.Helper()
	r, err := s.Invoke(ctx(t), inv)
	if err != nil {
		t.Fatalf("Invoke %s: %v", inv.Fn, err)
	}
	return r
}

func checkResponse(t *testing.T, got *RawResponse, want golden) {
	t.Helper()
	if got == nil {
		t.Fatalf("no Response; want %d %s", want.Status, want.Body)
	}
	if err := got.ReadBody(context.Background()); err != nil {
		t.Fatalf("reading the streamed body: %v", err)
	}
	if got.Status != want.Status || string(got.Body) != want.Body || !reflect.DeepEqual(got.Headers, want.Headers) {
		t.Errorf("response\n got %d %q %q\nwant %d %q %q", got.Status, got.Headers, got.Body, want.Status, want.Headers, want.Body)
	}
}

func checkEvents(t *testing.T, p *Pool, want []string) {
	t.Helper()
	if got := takeEvents(t, p); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("events\n got %q\nwant %q", got, want)
	}
}

func reqInfo(method, path, query string) *RequestInfo {
	return &RequestInfo{Method: method, Scheme: "http", HTTPVersion: "1.1", Path: path, RawPath: path,
		QueryString: query, Headers: [][2]string{{"host", "testserver"}}, ClientHost: "127.0.0.1",
		ClientPort: 50000, ServerHost: "testserver", ServerPort: 80}
}

func withHeaders(ri *RequestInfo, kv ...string) *RequestInfo {
	for i := 0; i+1 < len(kv); i += 2 {
		ri.Headers = append(ri.Headers, [2]string{kv[i], kv[i+1]})
	}
	return ri
}

// unrandom replaces the random boundary of a multipart/byteranges answer by BOUNDARY,
// as record.py does.
func unrandom(r *RawResponse) *RawResponse {
	if r == nil {
		return nil
	}
	for _, h := range r.Headers {
		if _, b, ok := strings.Cut(h[1], "boundary="); ok && h[0] == "content-range" {
			out := &RawResponse{Status: r.Status, Body: []byte(strings.ReplaceAll(string(r.Body), b, "BOUNDARY"))}
			for _, h := range r.Headers {
				out.Headers = append(out.Headers, [2]string{h[0], strings.ReplaceAll(h[1], b, "BOUNDARY")})
			}
			return out
		}
	}
	return r
}

// TestSessionGenerators runs yield dependencies in sessions as FastAPI's routes of
// testdata/v2 run them, and compares the events and answers with the real FastAPI's.
func TestSessionGenerators(t *testing.T) {
	all := loadGoldens(t)
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startV2(t, env, nil)
			takeEvents(t, p)
			gen := func(fn string) Invocation { return Invocation{Fn: fn, Generator: true} }
			tests := []struct {
				name string
				run  func(t *testing.T, s *Session) // the calls of the route, Close included
			}{
				{"db", func(t *testing.T, s *Session) {
					db := invoke(t, s, gen("v2:get_db"))
					v, err := db.Result.Value(nil)
					ref, ok := v.(Ref)
					if err != nil || !ok || ref.TypeName() != "Connection" || ref.Class != "sqlite3:Connection" || ref.Session != s.id {
						t.Fatalf("get_db yielded %s (%v)", db.Result.JSON(), err)
					}
					if r := invoke(t, s, Invocation{Fn: "v2:insert", Args: []any{ref, 5}}); string(r.Result.JSON()) != `{"$t":"tuple","v":[1,5]}` {
						t.Errorf("first insert: %s", r.Result.JSON())
					}
					r := invoke(t, s, Invocation{Fn: "v2:insert", Args: []any{v, 6}, Body: true})
					if want := goldenOf(t, all, "db").Body; string(r.Body) != want {
						t.Errorf("body %s, want %s", r.Body, want)
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"order", func(t *testing.T, s *Session) {
					a := invoke(t, s, gen("v2:sync_dep"))
					b := invoke(t, s, gen("v2:async_dep"))
					r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{json.RawMessage(a.Result.JSON()), json.RawMessage(b.Result.JSON())}, Body: true})
					if want := goldenOf(t, all, "order").Body; string(r.Body) != want {
						t.Errorf("body %s, want %s", r.Body, want)
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"raise", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:sync_dep"))
					invoke(t, s, gen("v2:async_dep"))
					r := invoke(t, s, Invocation{Fn: "v2:boom", Args: []any{"s"}, Request: reqInfo("GET", "/raise", "")})
					checkResponse(t, r.Response, goldenOf(t, all, "raise"))
					if err := s.Close(ctx(t), errors.New("the request failed")); err != nil {
						t.Fatalf("Close after the generators exited: %v", err)
					}
				}},
				{"convert", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:sync_dep"))
					invoke(t, s, gen("v2:convert_dep"))
					_, err := s.Invoke(ctx(t), Invocation{Fn: "v2:boom", Args: []any{"c"}, Request: reqInfo("GET", "/convert", "")})
					var he *response.HTTPException
					if !errors.As(err, &he) {
						t.Fatalf("got %v, want an HTTPException", err)
					}
					detail, _ := response.AppendJSONable(nil, he.Detail)
					if g := goldenOf(t, all, "convert"); he.Status != g.Status || `{"detail":`+string(detail)+`}` != g.Body {
						t.Errorf("got %d %s, want %d %s", he.Status, detail, g.Status, g.Body)
					}
					if err := s.Close(ctx(t), err); err != nil {
						t.Fatal(err)
					}
				}},
				{"swallow", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:swallow_dep"))
					r := invoke(t, s, Invocation{Fn: "v2:boom", Args: []any{"w"}, Request: reqInfo("GET", "/swallow", "")})
					checkResponse(t, r.Response, goldenOf(t, all, "swallow"))
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"failing-exit", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:failing_exit_dep"))
					r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{"f", ""}, Body: true})
					if g := goldenOf(t, all, "failing-exit"); string(r.Body) != g.Body || g.Status != 200 {
						t.Errorf("body %s, want %s", r.Body, g.Body)
					}
					// The response is sent; the exit code's exception is only logged.
					var pe *PyError
					if err := s.Close(ctx(t), nil); !errors.As(err, &pe) || pe.Type != "MyError" || pe.Msg != "cleanup failed" {
						t.Errorf("Close: %v, want MyError", err)
					}
				}},
				{"forbidden", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:async_dep"))
					_, err := s.Invoke(ctx(t), Invocation{Fn: "v2:forbid"})
					var he *response.HTTPException
					if !errors.As(err, &he) || he.Status != goldenOf(t, all, "forbidden").Status {
						t.Fatalf("got %v", err)
					}
					if err := s.Close(ctx(t), err); err != nil {
						t.Fatal(err)
					}
				}},
				{"fn-scope", func(t *testing.T, s *Session) {
					a := invoke(t, s, gen("v2:sync_dep"))
					f := invoke(t, s, Invocation{Fn: "v2:fn_dep", Generator: true, FunctionScope: true})
					invoke(t, s, Invocation{Fn: "v2:log_task_later", Args: []any{"after"}, BackgroundParams: []string{"tasks"}})
					r := invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{json.RawMessage(a.Result.JSON()), json.RawMessage(f.Result.JSON())}, Body: true})
					if want := goldenOf(t, all, "fn-scope").Body; string(r.Body) != want {
						t.Errorf("body %s, want %s", r.Body, want)
					}
					if err := s.ExitFunctionScope(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
					if err := s.RunBackground(ctx(t)); err != nil {
						t.Fatal(err)
					}
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"fn-raise", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:sync_dep"))
					invoke(t, s, Invocation{Fn: "v2:fn_dep", Generator: true, FunctionScope: true})
					r := invoke(t, s, Invocation{Fn: "v2:boom", Args: []any{"f"}, Request: reqInfo("GET", "/fn-raise", "")})
					checkResponse(t, r.Response, goldenOf(t, all, "fn-raise"))
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
				{"fn-swallow", func(t *testing.T, s *Session) {
					invoke(t, s, gen("v2:sync_dep"))
					invoke(t, s, Invocation{Fn: "v2:fn_swallow_dep", Generator: true, FunctionScope: true})
					r := invoke(t, s, Invocation{Fn: "v2:boom", Args: []any{"w"}, Request: reqInfo("GET", "/fn-swallow", "")})
					checkResponse(t, r.Response, goldenOf(t, all, "fn-swallow"))
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				}},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					tc.run(t, newSession(t, p, false))
					checkEvents(t, p, goldenOf(t, all, tc.name).Events)
				})
			}
			// Go's own HTTPException (a security class) thrown into the generators.
			t.Run("forbidden raised by Go", func(t *testing.T) {
				s := newSession(t, p, false)
				invoke(t, s, gen("v2:async_dep"))
				he := response.NewHTTPException(403, "forbidden", [2]string{"X-Why", "policy"})
				if err := s.Close(ctx(t), he); err != nil {
					t.Fatalf("Close: %v (the exception passes through unchanged)", err)
				}
				var want []string
				for _, e := range goldenOf(t, all, "forbidden").Events {
					if e != "forbid" { // the Python forbid() did not run: Go raised
						want = append(want, e)
					}
				}
				checkEvents(t, p, want)
			})
		})
	}
}

// TestSessionResponses compares the Responses endpoints return, as the session renders
// them, with the bytes the real FastAPI sent for the same routes (testdata/v2/golden.json).
func TestSessionResponses(t *testing.T) {
	all := loadGoldens(t)
	var file struct {
		Content string
		Mtime   float64
	}
	if err := json.Unmarshal(all["file-meta"], &file); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "golden-file.txt")
	if err := os.WriteFile(path, []byte(file.Content), 0o600); err != nil {
		t.Fatal(err)
	}
	mtime := time.Unix(0, int64(file.Mtime*1e9))
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startV2(t, env, nil)
			tests := []struct {
				name, fn string
				args     []any
				req      *RequestInfo
			}{
				{"json", "v2:json_response", nil, nil},
				{"text", "v2:text_response", nil, nil},
				{"html", "v2:html_response", nil, nil},
				{"redirect", "v2:redirect_response", nil, nil},
				{"async-stream", "v2:async_stream", nil, nil},
				{"sync-stream", "v2:sync_stream", nil, nil},
				{"file", "v2:file_response", []any{path}, reqInfo("GET", "/file", "")},
				{"file-head", "v2:file_response", []any{path}, reqInfo("HEAD", "/file", "")},
				{"file-range", "v2:file_response", []any{path}, withHeaders(reqInfo("GET", "/file", ""), "range", "bytes=2-5")},
				{"file-ranges", "v2:file_response", []any{path}, withHeaders(reqInfo("GET", "/file", ""), "range", "bytes=0-1, 7-9, 8-10")},
				{"file-if-range", "v2:file_response", []any{path}, withHeaders(reqInfo("GET", "/file", ""), "range", "bytes=2-5", "if-range", `"other"`)},
				{"file-bad-range", "v2:file_response", []any{path}, withHeaders(reqInfo("GET", "/file", ""), "range", "items=1-2")},
				{"file-416", "v2:file_response", []any{path}, withHeaders(reqInfo("GET", "/file", ""), "range", "bytes=100-")},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					for _, body := range []bool{true, false} {
						s := newSession(t, p, false)
						r := invoke(t, s, Invocation{Fn: tc.fn, Args: tc.args, Body: body, Request: tc.req})
						checkResponse(t, unrandom(r.Response), goldenOf(t, all, tc.name))
						if !body {
							// A dependency may return a Response: it is also a ref.
							v, err := r.Result.Value(nil)
							if ref, ok := v.(Ref); err != nil || !ok || !strings.HasSuffix(ref.TypeName(), "Response") {
								t.Errorf("Result %s (%v), want a ref to the Response", r.Result.JSON(), err)
							}
						}
						if err := s.Close(ctx(t), nil); err != nil {
							t.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// TestSessionState covers the sub-Response, BackgroundTasks and the Request of a
// session against the real FastAPI's answers (testdata/v2/golden.json).
func TestSessionState(t *testing.T) {
	all := loadGoldens(t)
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startV2(t, env, nil)
			takeEvents(t, p)
			t.Run("cookie", func(t *testing.T) {
				g := goldenOf(t, all, "cookie")
				s := newSession(t, p, false)
				r := invoke(t, s, Invocation{Fn: "v2:cookie_dep", ResponseParams: []string{"response"}})
				if r.SubStatus != 0 || !reflect.DeepEqual(r.SubHeaders, g.Headers[2:3]) {
					t.Errorf("after the dependency: %d %q", r.SubStatus, r.SubHeaders)
				}
				r = invoke(t, s, Invocation{Fn: "v2:cookie_response", ResponseParams: []string{"response"}, Body: true})
				// FastAPI's response: its own content-length and content-type, then the
				// sub-Response's raw headers; the sub-Response's status.
				if r.SubStatus != g.Status || !reflect.DeepEqual(r.SubHeaders, g.Headers[2:]) || string(r.Body) != g.Body {
					t.Errorf("got %d %q %s\nwant %d %q %s", r.SubStatus, r.SubHeaders, r.Body, g.Status, g.Headers[2:], g.Body)
				}
				if err := s.Close(ctx(t), nil); err != nil {
					t.Fatal(err)
				}
			})
			t.Run("tasks", func(t *testing.T) {
				g := goldenOf(t, all, "tasks")
				s := newSession(t, p, false)
				invoke(t, s, Invocation{Fn: "v2:dep_with_task", BackgroundParams: []string{"tasks"}})
				db := invoke(t, s, Invocation{Fn: "v2:sync_dep", Generator: true})
				r := invoke(t, s, Invocation{Fn: "v2:add_tasks", Args: []any{Kw("db", json.RawMessage(db.Result.JSON()))}, BackgroundParams: []string{"tasks"}, Body: true})
				if string(r.Body) != g.Body || !s.HasBackground() {
					t.Errorf("body %s, HasBackground %v", r.Body, s.HasBackground())
				}
				if err := s.RunBackground(ctx(t)); err != nil {
					t.Fatal(err)
				}
				if err := s.Close(ctx(t), nil); err != nil {
					t.Fatal(err)
				}
				checkEvents(t, p, g.Events)
			})
			t.Run("own-task", func(t *testing.T) {
				g := goldenOf(t, all, "own-task")
				s := newSession(t, p, false)
				invoke(t, s, Invocation{Fn: "v2:dep_with_task", BackgroundParams: []string{"tasks"}})
				r := invoke(t, s, Invocation{Fn: "v2:response_with_own_task", Body: true})
				checkResponse(t, r.Response, g)
				if !s.HasBackground() {
					t.Error("HasBackground false")
				}
				if err := s.RunBackground(ctx(t)); err != nil {
					t.Fatal(err)
				}
				if err := s.Close(ctx(t), nil); err != nil {
					t.Fatal(err)
				}
				checkEvents(t, p, g.Events) // the Response's own task only
			})
			t.Run("no background", func(t *testing.T) {
				s := newSession(t, p, false)
				invoke(t, s, Invocation{Fn: "v2:endpoint", Args: []any{1, 2}})
				if s.HasBackground() || s.held {
					t.Errorf("HasBackground %v, held %v", s.HasBackground(), s.held)
				}
				if err := s.Close(ctx(t), nil); err != nil {
					t.Fatal(err)
				}
				takeEvents(t, p)
			})
			t.Run("request", func(t *testing.T) {
				g := goldenOf(t, all, "req")
				ri := reqInfo("POST", "/req/7", "q=a%20b&r=1")
				ri.Headers = append(ri.Headers, [2]string{"x-h", "hv"}, [2]string{"cookie", "c=cv"})
				ri.PathParams = []KwArg{Kw("item_id", "7")}
				ri.Body = []byte("payload \xc3\xa9")
				s := newSession(t, p, false)
				r := invoke(t, s, Invocation{Fn: "v2:describe_request", RequestParams: []string{"request"}, Request: ri, Body: true})
				if string(r.Body) != g.Body {
					t.Errorf("got  %s\nwant %s", r.Body, g.Body)
				}
				if err := s.Close(ctx(t), nil); err != nil {
					t.Fatal(err)
				}
			})
		})
	}
}

// TestSessionExceptionHandlers: exceptions raised in a session go to the app's handlers
// as Starlette looks them up; FastAPI's defaults are left to Go.
func TestSessionExceptionHandlers(t *testing.T) {
	all := loadGoldens(t)
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startV2(t, env, nil)
			takeEvents(t, p)
			for _, tc := range []struct{ name, path, fn string }{
				{"my", "/my", "v2:raise_my"},             // class handler
				{"teapot", "/teapot", "v2:raise_teapot"}, // a base class's handler (MRO)
				{"404", "/404", "v2:raise_404"},          // status-code handler
				{"zero", "/zero", "v2:raise_zero"},       // the Exception (500) handler
			} {
				t.Run(tc.name, func(t *testing.T) {
					s := newSession(t, p, false)
					r := invoke(t, s, Invocation{Fn: tc.fn, Request: reqInfo("GET", tc.path, "")})
					checkResponse(t, r.Response, goldenOf(t, all, tc.name))
					if err := s.Close(ctx(t), nil); err != nil {
						t.Fatal(err)
					}
				})
			}
			t.Run("400 default", func(t *testing.T) {
				s := newSession(t, p, false)
				_, err := s.Invoke(ctx(t), Invocation{Fn: "v2:raise_400", Request: reqInfo("GET", "/400", "")})
				var he *response.HTTPException
				if !errors.As(err, &he) || he.Status != goldenOf(t, all, "400").Status {
					t.Fatalf("got %v, want the HTTPException for Go's default handler", err)
				}
				s.Close(ctx(t), err)
			})
			t.Run("my-dep", func(t *testing.T) {
				g := goldenOf(t, all, "my-dep")
				s := newSession(t, p, false)
				a := invoke(t, s, Invocation{Fn: "v2:async_dep", Generator: true, Request: reqInfo("GET", "/my-dep", "")})
				r := invoke(t, s, Invocation{Fn: "v2:raise_my_after_dep", Args: []any{json.RawMessage(a.Result.JSON())}, Request: reqInfo("GET", "/my-dep", "")})
				checkResponse(t, r.Response, g)
				if err := s.Close(ctx(t), nil); err != nil {
					t.Fatal(err)
				}
				checkEvents(t, p, g.Events)
			})
			t.Run("HandleException validation", func(t *testing.T) {
				g := goldenOf(t, all, "validate")
				var body struct{ Errors json.RawMessage }
				if err := json.Unmarshal([]byte(g.Body), &body); err != nil {
					t.Fatal(err)
				}
				resp, err := p.HandleException(ctx(t), "v2:validation_handler", reqInfo("GET", "/validate", "n=abc"),
					ExceptionInfo{Kind: "validation", Errors: body.Errors})
				if err != nil {
					t.Fatal(err)
				}
				checkResponse(t, resp, g)
			})
			t.Run("HandleException http", func(t *testing.T) {
				resp, err := p.HandleException(ctx(t), "v2:not_found_handler", reqInfo("GET", "/404", ""),
					ExceptionInfo{Kind: "http", Status: 404, Detail: []byte(`"gone"`)})
				if err != nil {
					t.Fatal(err)
				}
				checkResponse(t, resp, goldenOf(t, all, "404"))
			})
		})
	}
}

func TestSessionRefs(t *testing.T) {
	p := startV2(t, anyEnv(t), nil)
	s1 := newSession(t, p, false)
	db := invoke(t, s1, Invocation{Fn: "v2:get_db", Generator: true})
	v, err := db.Result.Value(nil)
	if err != nil {
		t.Fatal(err)
	}
	// Outside its session a ref is refused, in a pool call or another session.
	var pe *PyError
	if _, err := p.Call(ctx(t), "v2:insert", v, 1); !errors.As(err, &pe) || !strings.Contains(pe.Msg, "outside its session") {
		t.Errorf("Call with a ref: %v", err)
	}
	s2 := newSession(t, p, false)
	// The app's Exception handler answers the ValueError, as for any other exception.
	if r, err := s2.Invoke(ctx(t), Invocation{Fn: "v2:insert", Args: []any{v, 1}}); err != nil || r.Response == nil ||
		r.Response.Status != 500 || string(r.Response.Body) != "oops: ValueError" {
		t.Errorf("another session: %v %+v", err, r.Response)
	}
	if err := s2.Close(ctx(t), nil); err != nil {
		t.Error(err)
	}
	if err := s1.Close(ctx(t), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s1.Invoke(ctx(t), Invocation{Fn: "v2:insert", Args: []any{v, 1}}); err == nil {
		t.Error("Invoke after Close succeeded")
	}
	takeEvents(t, p)
}

// TestSessionCloseCanceled: the exit code runs even when the request's context is done.
func TestSessionCloseCanceled(t *testing.T) {
	p := startV2(t, anyEnv(t), nil)
	takeEvents(t, p)
	c, cancel := context.WithCancel(context.Background())
	s := newSession(t, p, false)
	if _, err := s.Invoke(c, Invocation{Fn: "v2:get_db", Generator: true}); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := s.Close(c, nil); err != nil {
		t.Fatal(err)
	}
	checkEvents(t, p, []string{"db open", "db closed"})
}

func TestSessionWorkerKilled(t *testing.T) {
	p := startV2(t, anyEnv(t), func(c *Config) { c.Workers = 2 })
	s := newSession(t, p, true)
	db := invoke(t, s, Invocation{Fn: "v2:get_db", Generator: true})
	victim := p.Stats().PIDs[0]
	if s.w.pid != victim {
		t.Fatalf("pinned session on pid %d, slot 0 is %d", s.w.pid, victim)
	}
	if err := syscall.Kill(victim, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the worker's death", func() bool { return s.w.dead.Load() })
	if _, err := s.Invoke(ctx(t), Invocation{Fn: "v2:insert", Args: []any{json.RawMessage(db.Result.JSON()), 1}}); !errors.Is(err, ErrWorkerLost) {
		t.Errorf("Invoke: %v, want ErrWorkerLost", err)
	}
	start := time.Now()
	if err := s.Close(ctx(t), nil); !errors.Is(err, ErrWorkerLost) || time.Since(start) > 2*time.Second {
		t.Errorf("Close: %v after %v, want ErrWorkerLost at once", err, time.Since(start))
	}
	// A new pinned session waits for the replacement worker and works.
	s2 := newSession(t, p, true)
	invoke(t, s2, Invocation{Fn: "v2:get_db", Generator: true})
	if s2.w.pid == victim {
		t.Error("new session on the dead worker")
	}
	if err := s2.Close(ctx(t), nil); err != nil {
		t.Fatal(err)
	}
}

// TestSessionKilledMidCall kills the worker while a session's call runs.
func TestSessionKilledMidCall(t *testing.T) {
	p := startPool(t, anyEnv(t), func(c *Config) { c.Workers = 1 })
	s := newSession(t, p, false)
	done := make(chan error, 1)
	go func() {
		_, err := s.Invoke(context.Background(), Invocation{Fn: "sleep", Args: []any{Kw("seconds", 5.0)}})
		done <- err
	}()
	waitFor(t, "the call in flight", func() bool { return p.Stats().InFlight == 1 })
	if err := syscall.Kill(p.Stats().PIDs[0], syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := <-done; !errors.Is(err, ErrWorkerLost) {
		t.Errorf("Invoke: %v, want ErrWorkerLost", err)
	}
	if err := s.Close(ctx(t), ErrWorkerLost); !errors.Is(err, ErrWorkerLost) {
		t.Errorf("Close: %v", err)
	}
}

// BenchmarkSession compares a session call (with Close) with a pool call.
func BenchmarkSession(b *testing.B) {
	p := startPool(b, anyEnvB(b), func(c *Config) { c.AppDir, c.App, c.Workers = "testdata/v2", "v2:app", 1 })
	bg := context.Background()
	b.Run("Pool.Call", func(b *testing.B) {
		cpu := startCPU(p)
		for b.Loop() {
			if _, err := p.Call(bg, "v2:trivial"); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b, b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
	})
	b.Run("Session.Invoke", func(b *testing.B) {
		cpu := startCPU(p)
		for b.Loop() {
			s, _ := p.Session(bg, false)
			if _, err := s.Invoke(bg, Invocation{Fn: "v2:trivial"}); err != nil {
				b.Fatal(err)
			}
			if err := s.Close(bg, nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b, b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
	})
	b.Run("Session.Invoke+Request", func(b *testing.B) {
		ri := reqInfo("GET", "/trivial", "a=1")
		cpu := startCPU(p)
		for b.Loop() {
			s, _ := p.Session(bg, false)
			if _, err := s.Invoke(bg, Invocation{Fn: "v2:trivial", Request: ri}); err != nil {
				b.Fatal(err)
			}
			if err := s.Close(bg, nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b, b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
	})
	b.Run("Session.generator+Close", func(b *testing.B) {
		cpu := startCPU(p)
		for b.Loop() {
			s, _ := p.Session(bg, false)
			if _, err := s.Invoke(bg, Invocation{Fn: "v2:trivial_gen", Generator: true}); err != nil {
				b.Fatal(err)
			}
			if err := s.Close(bg, nil); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b, b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/call")
	})
}

// BenchmarkSessionOverhead alternates a Pool.Call and a one-call session (Invoke and
// Close) of the same function, so that the load of a shared machine weighs on both
// alike, and reports each one's mean time and the session's extra cost.
func BenchmarkSessionOverhead(b *testing.B) {
	p := startPool(b, anyEnvB(b), func(c *Config) { c.AppDir, c.App, c.Workers = "testdata/v2", "v2:app", 1 })
	bg := context.Background()
	var call, sess time.Duration
	n := 0
	cpu := startCPU(p)
	for b.Loop() {
		t0 := time.Now()
		if _, err := p.Call(bg, "v2:trivial"); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		s, _ := p.Session(bg, false)
		if _, err := s.Invoke(bg, Invocation{Fn: "v2:trivial"}); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(bg, nil); err != nil {
			b.Fatal(err)
		}
		sess += time.Since(t1)
		call += t1.Sub(t0)
		n++
	}
	cpu.report(b, n)
	us := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(n) }
	b.ReportMetric(us(call), "µs/Pool.Call")
	b.ReportMetric(us(sess), "µs/Session")
	b.ReportMetric(us(sess)-us(call), "µs/extra")
}
