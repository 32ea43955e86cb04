package bridge

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/pyval"
	"github.com/covetpy/covetgen/runtime/response"
)

// stacks are the Python environments the tests run in: "compat" (no FastAPI: the
// worker's stand-ins) always, "real" when the reference stack is present.
func stacks(t testing.TB) map[string][]string {
	if os.Getenv("COVETGEN_SKIP_PYTHON") != "" {
		t.Skip("COVETGEN_SKIP_PYTHON set")
	}
	if _, err := exec.LookPath(python()); err != nil {
		t.Skip("no python3")
	}
	base := []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PYTHONPATH=") {
			base = append(base, kv)
		}
	}
	out := map[string][]string{"compat": base}
	if exec.Command(python(), "-c", "import fastapi").Run() == nil {
		// fastapi is importable without help: there is no "compat" run here.
		out = map[string][]string{"real": base}
	}
	ref := os.Getenv("COVETGEN_REFSTACK")
	if ref == "" {
		ref = "/work/refstack"
	}
	if _, err := os.Stat(filepath.Join(ref, "fastapi")); err == nil {
		out["real"] = append(append([]string(nil), base...), "PYTHONPATH="+ref)
	}
	return out
}

func python() string {
	if p := os.Getenv("COVETGEN_PYTHON"); p != "" {
		return p
	}
	return "python3"
}

type logBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuf) Logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.WriteString(strings.TrimSpace(strings.ReplaceAll(format, "%", "%%")))
	l.b.WriteByte('\n')
}

func startPool(t testing.TB, env []string, mod func(*Config)) *Pool {
	t.Helper()
	cfg := Config{Python: python(), AppDir: "testdata/app", App: "main:app", Workers: 2, Env: env,
		Timeout: 20 * time.Second, Logf: t.Logf}
	if mod != nil {
		mod(&cfg)
	}
	p, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := p.Shutdown(ctx); err != nil && !errors.Is(err, ErrClosed) {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return p
}

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

func TestCalls(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startPool(t, env, nil)
			tests := []struct {
				name string
				fn   string
				args []any
				want string // tagged JSON of the result
			}{
				{"hashlib", "digest", []any{"abc", "sha256"}, `{"algo":"sha256","hex":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}`},
				{"hashlib kw", "main:digest", []any{Kw("text", "abc"), Kw("algo", "md5")}, `{"algo":"md5","hex":"900150983cd24fb0d6963f7d28e17f72"}`},
				{"re", "words", []any{Kw("text", "héllo, wörld! 42")}, `["h\u00e9llo","w\u00f6rld","42"]`},
				{"async", "sleep", []any{Kw("seconds", 0.01)}, ``},
				{"model arg", "create_item", []any{Model{Class: "Item", Fields: map[string]any{"name": "pen", "price": 2.5, "tags": []any{"a"}}}, Kw("color", Tagged{Tag: "enum", Class: "main:Color", V: "blue"})},
					`{"name":"PEN","total":5.0,"tags":["a"],"color":{"$t":"enum","cls":"main:Color","v":"blue"},"type":"Item"}`},
				{"tagged args", "event", []any{Model{Class: "main:Event", Fields: map[string]any{"when": "2024-02-29", "id": "12345678-1234-4234-8234-123456789abc", "amount": "1.25"}},
					[]byte("\x00\xff"), time.Date(2024, 1, 2, 13, 4, 5, 0, time.UTC), Kw("pair", Tuple(1, Decimal("2.5")))},
					`{"day":"2024-02-29","id_version":4,"double":{"$t":"decimal","v":"2.50"},"raw":{"$t":"bytes","v":"AP8="},"hour":13,"pair":{"$t":"tuple","v":[1,{"$t":"decimal","v":"2.5"}]},"types":["date","bytes"]}`},
				{"generic model arg", "page_info", []any{Model{Class: "main:Page[Item]", Fields: map[string]any{"items": []any{Model{Class: "main:Item", Fields: map[string]any{"name": "pen", "price": 2.5}}}, "total": 1}}},
					`["Page[Item]",1,"Item",true]`},
				{"values", "values", nil, `{"tuple":{"$t":"tuple","v":[1,"a"]},"set":{"$t":"set","v":[3]},"bytes":{"$t":"bytes","v":"AGhp"},"date":{"$t":"date","v":"2024-02-29"},"dt":{"$t":"datetime","v":"2024-01-02T03:04:05"},"uuid":{"$t":"uuid","v":"00000000-0000-0000-0000-000000000001"},"dec":{"$t":"decimal","v":"1.50"},"td":{"$t":"timedelta","v":[1,2,0]},"enum":{"$t":"enum","cls":"main:Color","v":"blue"},"big":1267650600228229401496703205376,"nan":NaN,"intkeys":{"$t":"dict","v":[[1,"one"]]},"model":{"$t":"model","cls":"main:Item","v":{"name":"m","price":1.0,"tags":[],"note":null},"set":["name","price"]},"none":null,"dollar":{"$t":"dict","v":[["$t",1]]}}`},
				{"pyval args", "echo", []any{pyval.IntOf(7), pyval.Tuple{pyval.Str("x")}, pyval.DictOf(pyval.Str("$t"), pyval.None), pyval.DictOf(pyval.IntOf(1), pyval.True), Kw("f", pyval.Float(0.1))},
					`{"args":[7,{"$t":"tuple","v":["x"]},{"$t":"dict","v":[["$t",null]]},{"$t":"dict","v":[[1,true]]}],"kwargs":{"f":0.1}}`},
				{"compat names", "imports:check", nil, `{"decorated":true,"status":[404,422,418,1008],"exc":[true,"Not Found",404],"depends":true,"creds":"u","jsonable":{"a":[1,2],"b":"x"}}`},
				{"dependency object", "with_dep", []any{Kw("db", nil)}, `false`},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					res, err := p.Call(ctx(t), tc.fn, tc.args...)
					if err != nil {
						t.Fatalf("Call: %v", err)
					}
					if tc.want != "" && string(res.JSON()) != tc.want {
						t.Errorf("got  %s\nwant %s", res.JSON(), tc.want)
					}
				})
			}
		})
	}
}

func TestSQLiteAcrossCalls(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startPool(t, env, func(c *Config) { c.Workers = 1 })
			for _, text := range []string{"one", "two", "three"} {
				if _, err := p.Call(ctx(t), "add_note", Kw("text", text)); err != nil {
					t.Fatal(err)
				}
			}
			res, err := p.Call(ctx(t), "list_notes")
			if err != nil {
				t.Fatal(err)
			}
			want := `[{"id":1,"text":"one"},{"id":2,"text":"two"},{"id":3,"text":"three"}]`
			if string(res.JSON()) != want {
				t.Errorf("got %s, want %s", res.JSON(), want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startPool(t, env, nil)
			tests := []struct {
				name, fn string
				args     []any
				check    func(t *testing.T, err error)
			}{
				{"HTTPException with headers", "get_item", []any{0}, func(t *testing.T, err error) {
					var he *response.HTTPException
					if !errors.As(err, &he) {
						t.Fatalf("got %T %v", err, err)
					}
					detail, _ := response.AppendJSONable(nil, he.Detail)
					if xe, _ := he.Headers.Get("x-error"); he.Status != 404 || string(detail) != `"Item not found"` || xe != "gone" {
						t.Errorf("got %d %s %v", he.Status, detail, he.Headers)
					}
				}},
				{"HTTPException dict detail", "get_item", []any{-3}, func(t *testing.T, err error) {
					var he *response.HTTPException
					if !errors.As(err, &he) {
						t.Fatalf("got %T %v", err, err)
					}
					detail, _ := response.AppendJSONable(nil, he.Detail)
					if he.Status != 418 || string(detail) != `{"code":-3,"why":["neg"]}` {
						t.Errorf("got %d %s", he.Status, detail)
					}
				}},
				{"ValueError", "boom", nil, func(t *testing.T, err error) {
					var pe *PyError
					if !errors.As(err, &pe) {
						t.Fatalf("got %T %v", err, err)
					}
					if pe.Type != "ValueError" || pe.Msg != "bad value: 42" || !strings.Contains(pe.Traceback, `raise ValueError("bad value: 42")`) || !pe.IsInstance("Exception") {
						t.Errorf("got %+v", pe)
					}
					if e := pe.Exception(); !e.IsInstance("ValueError") {
						t.Errorf("Exception() = %v", e)
					}
				}},
				{"custom class MRO", "my_error", nil, func(t *testing.T, err error) {
					var pe *PyError
					if !errors.As(err, &pe) || pe.Type != "MyError" || !pe.IsInstance("LookupError") || pe.Msg != "'k'" {
						t.Fatalf("got %#v", err)
					}
				}},
				{"unserializable detail", "bad_detail", nil, func(t *testing.T, err error) {
					var pe *PyError
					if !errors.As(err, &pe) || pe.Type != "TypeError" {
						t.Fatalf("got %#v", err)
					}
				}},
				{"unknown function", "nope", nil, func(t *testing.T, err error) {
					var pe *PyError
					if !errors.As(err, &pe) || pe.Type != "AttributeError" {
						t.Fatalf("got %#v", err)
					}
				}},
				{"unbridgeable result", "raw_response", nil, func(t *testing.T, err error) {
					var pe *PyError
					if !errors.As(err, &pe) || pe.Type != "TypeError" {
						t.Fatalf("got %#v", err)
					}
				}},
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					_, err := p.Call(ctx(t), tc.fn, tc.args...)
					tc.check(t, err)
				})
			}
			// The pool is healthy after all of that.
			if _, err := p.Call(ctx(t), "trivial"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCallBody(t *testing.T) {
	for name, env := range stacks(t) {
		t.Run(name, func(t *testing.T) {
			p := startPool(t, env, nil)
			tests := []struct {
				fn   string
				args []any
				want string
			}{
				{"get_item", []any{2}, `{"name":"item2","price":3.0,"tags":[],"note":null}`},
				{"words", []any{"ünï code"}, `["ünï","code"]`},
				{"create_item", []any{Model{Class: "Item", Fields: map[string]any{"name": "a", "price": 1}}}, `{"name":"A","total":2.0,"tags":[],"color":"red","type":"Item"}`},
				{"fastapi_kind", nil, `"` + name + `"`},
			}
			for _, tc := range tests {
				body, err := p.CallBody(ctx(t), tc.fn, tc.args...)
				if err != nil {
					t.Fatalf("%s: %v", tc.fn, err)
				}
				if string(body) != tc.want {
					t.Errorf("%s: got %s, want %s", tc.fn, body, tc.want)
				}
			}
		})
	}
}

func TestValue(t *testing.T) {
	env := stacks(t)
	p := startPool(t, env[firstKey(env)], nil)
	res, err := p.Call(ctx(t), "values")
	if err != nil {
		t.Fatal(err)
	}
	var gotClass string
	var gotSet []string
	v, err := res.Value(func(class string, fields *pyval.Dict, set []string) (pyval.Value, error) {
		gotClass, gotSet = class, set
		return fields, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d := v.(*pyval.Dict)
	get := func(k string) pyval.Value { x, _ := d.GetStr(k); return x }
	tests := []struct {
		key, want string
	}{
		{"tuple", "(1, 'a')"}, {"set", "[3]"}, {"bytes", `b'\x00hi'`}, {"date", "'2024-02-29'"},
		{"uuid", "'00000000-0000-0000-0000-000000000001'"}, {"dec", "'1.50'"}, {"td", "datetime.timedelta(days=1, seconds=2)"},
		{"enum", "'blue'"}, {"big", "1267650600228229401496703205376"}, {"nan", "nan"},
		{"intkeys", "{1: 'one'}"}, {"model", "{'name': 'm', 'price': 1.0, 'tags': [], 'note': None}"},
		{"dollar", "{'$t': 1}"},
	}
	for _, tc := range tests {
		got, err := pyval.Repr(get(tc.key))
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: got %s (%v), want %s", tc.key, got, err, tc.want)
		}
	}
	if gotClass != "main:Item" || strings.Join(gotSet, ",") != "name,price" {
		t.Errorf("model hook got %q %v", gotClass, gotSet)
	}
}

func firstKey(m map[string][]string) string {
	for k := range m {
		return k
	}
	return ""
}
