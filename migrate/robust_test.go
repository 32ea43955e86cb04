package migrate

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/server"
)

// The robustness tests run a GENERATED service, migrated from testdata/robust/app (a
// nested model with constraints as a JSON body), against what FastAPI users and attackers
// send: adversarial bodies compared with FastAPI's recorded answers
// (testdata/robust/cases.json, written by testdata/robust/record.py), a fuzz target
// written into the generated module and run there with go test -fuzz, slowloris clients
// and a SIGTERM with uploads in flight.

// robustBodyLimit is the --limit-body of the service that must answer 413 to body_10mb.
const robustBodyLimit = 1 << 20

// robustSegment is a piece of a recorded body: the bytes, repeated.
type robustSegment struct {
	B64    string `json:"b64"`
	Repeat int    `json:"repeat"`
}

// robustAnswer is what FastAPI answered.
type robustAnswer struct {
	Status      int    `json:"status"`
	ContentType string `json:"response_content_type"`
	BodyB64     string `json:"response_b64"`
}

// robustCase is one recorded request and FastAPI's answer.
type robustCase struct {
	Name        string          `json:"name"`
	Method      string          `json:"method"`
	Path        string          `json:"path"`
	ContentType string          `json:"content_type"`
	Body        []robustSegment `json:"body"`
	Size        int             `json:"size"`
	SHA256      string          `json:"sha256"`
	FuzzSeed    bool            `json:"fuzz_seed"`
	robustAnswer
}

// robustData is testdata/robust/cases.json.
type robustData struct {
	LimitBody robustAnswer `json:"limit_body"`
	Cases     []robustCase `json:"cases"`
}

// loadRobust reads the recorded cases and rebuilds their bodies, checked against the
// recorded size and SHA-256.
func loadRobust(t *testing.T) (*robustData, map[string][]byte) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "robust", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d robustData
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("testdata/robust/cases.json: %v", err)
	}
	bodies := map[string][]byte{}
	for _, c := range d.Cases {
		var b bytes.Buffer
		for _, s := range c.Body {
			piece, err := base64.StdEncoding.DecodeString(s.B64)
			if err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			b.Write(bytes.Repeat(piece, s.Repeat))
		}
		sum := sha256.Sum256(b.Bytes())
		if b.Len() != c.Size || hex.EncodeToString(sum[:]) != c.SHA256 {
			t.Fatalf("%s: rebuilt body differs from the recorded one (%d bytes, want %d)", c.Name, b.Len(), c.Size)
		}
		bodies[c.Name] = b.Bytes()
	}
	return &d, bodies
}

// robustService is the migrated and built robust app.
type robustService struct {
	app *e2eApp
}

// buildRobust migrates testdata/robust/app and builds it (as TestE2E does).
func buildRobust(t *testing.T) *robustService {
	t.Helper()
	if testing.Short() {
		t.Skip("migrates, builds and runs a service")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "robust", "app"))
	if err != nil {
		t.Fatal(err)
	}
	a := &e2eApp{name: "robust", dir: dir, out: filepath.Join(t.TempDir(), "robust-go")}
	if _, err := Run(Options{Root: a.dir, App: "main:app", Out: a.out}); err != nil {
		t.Fatalf("migrate %s: %v", a.dir, err)
	}
	buildAll(t, []*e2eApp{a})
	if a.buildErr != "" {
		t.FailNow()
	}
	return &robustService{app: a}
}

// runningService is a started service process.
type runningService struct {
	cmd  *exec.Cmd
	addr string // host:port
	done chan struct{}
	err  error // cmd.Wait's, once done is closed

	mu  sync.Mutex
	log bytes.Buffer
}

// start runs the built service on a free loopback port with extra flags and waits until
// it listens.
func (s *robustService) start(t *testing.T, flags ...string) *runningService {
	t.Helper()
	args := append([]string{"--host", "127.0.0.1", "--port", "0", "--no-access-log"}, flags...)
	r := &runningService{cmd: exec.Command(filepath.Join(s.app.out, "service"), args...), done: make(chan struct{})}
	r.cmd.Dir = s.app.dir
	stderr, err := r.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			r.mu.Lock()
			r.log.WriteString(line + "\n")
			r.mu.Unlock()
			if _, rest, ok := strings.Cut(line, "Server running on http://"); ok {
				u, _, _ := strings.Cut(rest, " ")
				select {
				case addr <- u:
				default:
				}
			}
		}
		r.err = r.cmd.Wait()
		close(r.done)
	}()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			_ = r.cmd.Process.Kill()
			<-r.done
		}
		if t.Failed() {
			t.Logf("service log:\n%s", r.logText())
		}
	})
	select {
	case r.addr = <-addr:
	case <-r.done:
		t.Fatalf("service exited before listening: %v\n%s", r.err, r.logText())
	case <-time.After(20 * time.Second):
		t.Fatal("service did not start")
	}
	return r
}

func (r *runningService) logText() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.log.String()
}

// post sends one request with body over a fresh connection and returns the answer. The
// body is written while the answer is read: a server refusing a large body answers
// before it has all arrived, then resets the connection.
func (r *runningService) post(c robustCase, body []byte) (robustAnswer, []byte, error) {
	conn, err := net.Dial("tcp", r.addr)
	if err != nil {
		return robustAnswer{}, nil, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	head := fmt.Sprintf("%s %s HTTP/1.1\r\nHost: robust\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
		c.Method, c.Path, c.ContentType, len(body))
	go func() {
		if _, err := conn.Write([]byte(head)); err == nil {
			_, _ = conn.Write(body) // a write error: the server stopped reading; its answer tells why
		}
	}()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return robustAnswer{}, nil, fmt.Errorf("%s %s: %w", c.Method, c.Path, err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return robustAnswer{}, nil, fmt.Errorf("%s %s: read body: %w", c.Method, c.Path, err)
	}
	return robustAnswer{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type")}, got, nil
}

// sameAnswer compares an answer with FastAPI's: status, content-type, and the body, as
// JSON values when JSON (numbers by their text, so 2.0 and 2 differ), else byte for byte.
func sameAnswer(want robustAnswer, got robustAnswer, gotBody []byte) error {
	wantBody, err := base64.StdEncoding.DecodeString(want.BodyB64)
	if err != nil {
		return err
	}
	if got.Status != want.Status || got.ContentType != want.ContentType {
		return fmt.Errorf("got %d %q %s, FastAPI answered %d %q %s", got.Status, got.ContentType, clipBytes(gotBody),
			want.Status, want.ContentType, clipBytes(wantBody))
	}
	if bytes.Equal(gotBody, wantBody) {
		return nil
	}
	if want.ContentType == "application/json" {
		wv, werr := decodeJSONNumbers(wantBody)
		gv, gerr := decodeJSONNumbers(gotBody)
		if werr == nil && gerr == nil && reflect.DeepEqual(wv, gv) {
			return nil
		}
	}
	return fmt.Errorf("body %s, FastAPI answered %s", clipBytes(gotBody), clipBytes(wantBody))
}

// decodeJSONNumbers decodes one JSON value keeping numbers as their text.
func decodeJSONNumbers(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

func clipBytes(b []byte) string {
	if len(b) > 300 {
		return strconv.Quote(string(b[:300])) + fmt.Sprintf("... (%d bytes)", len(b))
	}
	return strconv.Quote(string(b))
}

// TestRobust migrates and builds the robust app once and runs the robustness tests on it.
func TestRobust(t *testing.T) {
	d, bodies := loadRobust(t)
	svc := buildRobust(t)
	t.Run("bodies", func(t *testing.T) { testRobustBodies(t, svc, d, bodies) })
	t.Run("limit_body", func(t *testing.T) { testRobustLimit(t, svc, d, bodies) })
	t.Run("fuzz", func(t *testing.T) { testRobustFuzz(t, svc, d, bodies) })
	t.Run("slowloris", func(t *testing.T) { testSlowloris(t, svc) })
	t.Run("shutdown", func(t *testing.T) {
		i := slices.IndexFunc(d.Cases, func(c robustCase) bool { return c.Name == "valid_full" })
		if i < 0 {
			t.Fatal("no recorded case valid_full")
		}
		testShutdownInFlight(t, svc, d.Cases[i], bodies["valid_full"])
	})
}

// testRobustBodies sends every recorded body to the service (default limits) and
// requires FastAPI's answer.
func testRobustBodies(t *testing.T, svc *robustService, d *robustData, bodies map[string][]byte) {
	r := svc.start(t)
	for _, c := range d.Cases {
		t.Run(c.Name, func(t *testing.T) {
			got, body, err := r.post(c, bodies[c.Name])
			if err != nil {
				t.Fatal(err)
			}
			if err := sameAnswer(c.robustAnswer, got, body); err != nil {
				t.Errorf("%d-byte body: %v", c.Size, err)
			}
		})
	}
}

// testRobustLimit runs the service with --limit-body: a body over it gets the 413 FastAPI
// gives for HTTPException(413); the others are still answered as FastAPI does.
func testRobustLimit(t *testing.T, svc *robustService, d *robustData, bodies map[string][]byte) {
	r := svc.start(t, "--limit-body", strconv.Itoa(robustBodyLimit))
	over := 0
	for _, c := range d.Cases {
		want := c.robustAnswer
		if c.Size > robustBodyLimit {
			want = d.LimitBody
			over++
		}
		got, body, err := r.post(c, bodies[c.Name])
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		if err := sameAnswer(want, got, body); err != nil {
			t.Errorf("%s (%d-byte body, --limit-body %d): %v", c.Name, c.Size, robustBodyLimit, err)
		}
	}
	if over == 0 {
		t.Errorf("no recorded body is over %d bytes", robustBodyLimit)
	}
}

// robustFuzzTarget is written into the generated module as fuzz_test.go (package main):
// FuzzAssemblies builds the app's handler as main does (newApp) and sends each input as a
// JSON body of POST /assemblies through httptest. Every answer must be one the route can
// give in FastAPI: 201 with a body the response model and the constraints allow, 422 with
// FastAPI's error list shape, 400 "There was an error parsing the body", or the plain 500
// FastAPI answers when a 422 would have to echo what JSON cannot encode (NaN, infinities,
// lone surrogates), never from a Go panic. The error log (stderr) is captured to tell.
const robustFuzzTarget = `package main

// Written by covetgen's migrate/robust_test.go: a fuzz target over the generated decoders.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/covetpy/covetgen/runtime/server"
)

func FuzzAssemblies(f *testing.F) {
	cfg := server.Default()
	cfg.AccessLog = false
	h, err := newApp(cfg)
	if err != nil {
		f.Fatal(err)
	}
	logFile, err := os.CreateTemp(f.TempDir(), "stderr")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { logFile.Close() })
	f.Fuzz(func(t *testing.T, body []byte) {
		start, err := logFile.Seek(0, io.SeekEnd)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("POST", "/assemblies", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		stderr := os.Stderr // the error log, captured around the request only
		os.Stderr = logFile
		h.ServeHTTP(rec, req)
		os.Stderr = stderr
		end, err := logFile.Seek(0, io.SeekEnd)
		if err != nil {
			t.Fatal(err)
		}
		logged := make([]byte, end-start)
		if _, err := logFile.ReadAt(logged, start); err != nil && err != io.EOF {
			t.Fatal(err)
		}
		if err := checkAnswer(body, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Bytes(), string(logged)); err != nil {
			t.Fatalf("POST /assemblies %q: %v\nanswer %d %q\nlog: %s", body, err, rec.Code, rec.Body.Bytes(), logged)
		}
	})
}

// unencodable finds in a body what FastAPI's 422 answer cannot encode as JSON: NaN and
// infinities (literals, or numbers that overflow a float), lone surrogates (\\u escapes or
// encoded). Only such bodies may get a 500. The body is first decoded as json.loads
// decodes bytes (see pythonText).
var unencodableText = regexp.MustCompile("NaN|Infinity|[0-9][eE]|[0-9]{309}|\\\\u[dD][89a-fA-F]")

func unencodable(in []byte) bool {
	text := pythonText(in)
	for i := 0; i+1 < len(text); i++ {
		if text[i] == 0xed && text[i+1] >= 0xa0 && text[i+1] <= 0xbf {
			return true
		}
	}
	return unencodableText.Match(text)
}

// pythonText is in decoded as json.loads decodes bytes (json.detect_encoding: UTF-32 or
// UTF-16 by BOM or by zero bytes among the first four, else UTF-8; errors
// "surrogatepass"), re-encoded as UTF-8 with surrogates kept as their 3-byte form.
func pythonText(in []byte) []byte {
	var order binary.ByteOrder
	width := 0
	switch {
	case bytes.HasPrefix(in, []byte{0, 0, 0xfe, 0xff}):
		order, width, in = binary.BigEndian, 4, in[4:]
	case bytes.HasPrefix(in, []byte{0xff, 0xfe, 0, 0}):
		order, width, in = binary.LittleEndian, 4, in[4:]
	case bytes.HasPrefix(in, []byte{0xfe, 0xff}):
		order, width, in = binary.BigEndian, 2, in[2:]
	case bytes.HasPrefix(in, []byte{0xff, 0xfe}):
		order, width, in = binary.LittleEndian, 2, in[2:]
	case len(in) >= 4 && in[0] == 0 && in[1] != 0:
		order, width = binary.BigEndian, 2
	case len(in) >= 4 && in[0] == 0:
		order, width = binary.BigEndian, 4
	case len(in) >= 4 && in[1] == 0 && (in[2] != 0 || in[3] != 0):
		order, width = binary.LittleEndian, 2
	case len(in) >= 4 && in[1] == 0:
		order, width = binary.LittleEndian, 4
	case len(in) == 2 && in[0] == 0:
		order, width = binary.BigEndian, 2
	case len(in) == 2 && in[1] == 0:
		order, width = binary.LittleEndian, 2
	default:
		return in
	}
	var out []byte
	put := func(r rune) {
		if r >= 0xd800 && r <= 0xdfff {
			out = append(out, byte(0xe0|r>>12), byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
			return
		}
		out = utf8.AppendRune(out, r)
	}
	for i := 0; i+width <= len(in); i += width {
		if width == 4 {
			put(rune(order.Uint32(in[i:])))
			continue
		}
		u := rune(order.Uint16(in[i:]))
		if u >= 0xd800 && u < 0xdc00 && i+4 <= len(in) {
			if lo := rune(order.Uint16(in[i+2:])); lo >= 0xdc00 && lo <= 0xdfff {
				put(0x10000 + (u-0xd800)<<10 + (lo - 0xdc00))
				i += 2
				continue
			}
		}
		put(u)
	}
	return out
}

func checkAnswer(in []byte, status int, ctype string, body []byte, logged string) error {
	if status == 500 {
		switch {
		case ctype != "text/plain; charset=utf-8" || string(body) != "Internal Server Error":
			return fmt.Errorf("500 is not Starlette's plain one")
		case strings.Contains(logged, "panic"):
			return fmt.Errorf("a Go panic")
		case !unencodable(in):
			return fmt.Errorf("500 for a body FastAPI answers without error")
		}
		return nil
	}
	if ctype != "application/json" {
		return fmt.Errorf("content-type %q", ctype)
	}
	if !utf8.Valid(body) || !json.Valid(body) {
		return fmt.Errorf("the answer is not valid UTF-8 JSON")
	}
	v, err := decode(body)
	if err != nil {
		return err
	}
	switch status {
	case 201:
		return checkAssembly(v)
	case 422:
		return check422(v)
	case 400:
		if string(body) != "{\"detail\":\"There was an error parsing the body\"}" {
			return fmt.Errorf("400 body")
		}
		return nil
	}
	return fmt.Errorf("status %d: the route answers 201, 400, 422 or 500", status)
}

func decode(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// check422 requires FastAPI's shape: {"detail": [error, ...]}, each error with type, loc
// (starting at "body", strings and integers), msg, input and optionally ctx, nothing else.
func check422(v any) error {
	top, ok := v.(map[string]any)
	if !ok || len(top) != 1 {
		return fmt.Errorf("422: not {\"detail\": [...]}")
	}
	errs, ok := top["detail"].([]any)
	if !ok || len(errs) == 0 {
		return fmt.Errorf("422: detail is not a non-empty list")
	}
	for i, e := range errs {
		m, ok := e.(map[string]any)
		if !ok {
			return fmt.Errorf("422: error %d is not an object", i)
		}
		for k := range m {
			switch k {
			case "type", "loc", "msg", "input", "ctx":
			default:
				return fmt.Errorf("422: error %d has key %q", i, k)
			}
		}
		typ, ok1 := m["type"].(string)
		msg, ok2 := m["msg"].(string)
		loc, ok3 := m["loc"].([]any)
		_, ok4 := m["input"]
		if !ok1 || !ok2 || !ok3 || !ok4 || typ == "" || msg == "" || len(loc) == 0 || loc[0] != "body" {
			return fmt.Errorf("422: error %d lacks type, msg, input or a loc starting at body", i)
		}
		for _, l := range loc {
			switch x := l.(type) {
			case string:
			case json.Number:
				if _, err := x.Int64(); err != nil {
					return fmt.Errorf("422: error %d: loc item %v", i, x)
				}
			default:
				return fmt.Errorf("422: error %d: loc item %v", i, x)
			}
		}
		if c, has := m["ctx"]; has {
			if _, ok := c.(map[string]any); !ok {
				return fmt.Errorf("422: error %d: ctx is not an object", i)
			}
		}
	}
	return nil
}

// checkAssembly requires a 201 body the response model Assembly allows, holding values
// the constraints of Assembly admit.
func checkAssembly(v any) error {
	m, ok := v.(map[string]any)
	if !ok || !sameKeys(m, "name", "revision", "ratio", "active", "owner", "parts") {
		return fmt.Errorf("201: keys of %v", v)
	}
	if _, ok := m["active"].(bool); !ok {
		return fmt.Errorf("201: active %v", m["active"])
	}
	if !strOf(m["name"], 1, 50) || !intOf(m["revision"], 0, 1000) {
		return fmt.Errorf("201: name or revision out of its constraints")
	}
	if r, ok := m["ratio"].(json.Number); !ok {
		return fmt.Errorf("201: ratio")
	} else if f, err := r.Float64(); err != nil || f <= 0 || f > 100 || !strings.ContainsAny(string(r), ".eE") {
		return fmt.Errorf("201: ratio %v", r)
	}
	if o := m["owner"]; o != nil {
		om, ok := o.(map[string]any)
		if !ok || !sameKeys(om, "name", "email") || !strOf(om["name"], 1, 40) {
			return fmt.Errorf("201: owner %v", o)
		}
		if e := om["email"]; e != nil && !regexp.MustCompile("^[^@ ]+@[^@ ]+$").MatchString(fmt.Sprint(e)) {
			return fmt.Errorf("201: email %v", e)
		}
	}
	parts, ok := m["parts"].([]any)
	if !ok || len(parts) < 1 || len(parts) > 20 {
		return fmt.Errorf("201: parts")
	}
	sku := regexp.MustCompile("^[A-Z]{2}-[0-9]{3}$")
	for _, p := range parts {
		pm, ok := p.(map[string]any)
		if !ok || !sameKeys(pm, "sku", "qty", "color", "grade", "tags", "note") {
			return fmt.Errorf("201: part %v", p)
		}
		s, _ := pm["sku"].(string)
		if !sku.MatchString(s) || !intOf(pm["qty"], 1, 500) || (pm["note"] != nil && !strOf(pm["note"], 0, 40)) {
			return fmt.Errorf("201: part %v", p)
		}
		switch pm["color"] {
		case "red", "green", "blue":
		default:
			return fmt.Errorf("201: color %v", pm["color"])
		}
		if g := pm["grade"]; g != nil && !intOf(g, 1, 2) {
			return fmt.Errorf("201: grade %v", g)
		}
		tags, ok := pm["tags"].([]any)
		if !ok || len(tags) > 5 {
			return fmt.Errorf("201: tags %v", pm["tags"])
		}
		for _, tg := range tags {
			tm, ok := tg.(map[string]any)
			if !ok || !sameKeys(tm, "label", "weight") || !strOf(tm["label"], 1, 20) || !intOf(tm["weight"], 0, 10) {
				return fmt.Errorf("201: tag %v", tg)
			}
		}
	}
	return nil
}

func sameKeys(m map[string]any, keys ...string) bool {
	if len(m) != len(keys) {
		return false
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

func strOf(v any, lo, hi int) bool {
	s, ok := v.(string)
	n := utf8.RuneCountInString(s)
	return ok && n >= lo && n <= hi
}

func intOf(v any, lo, hi int64) bool {
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	i, err := n.Int64()
	return err == nil && i >= lo && i <= hi
}
`

// testRobustFuzz writes the fuzz target and its seed corpus (the recorded bodies small
// enough) into the generated module, runs the seeds as a plain test, then fuzzes for
// COVETGEN_FUZZTIME (10s).
func testRobustFuzz(t *testing.T, svc *robustService, d *robustData, bodies map[string][]byte) {
	out := svc.app.out
	if err := os.WriteFile(filepath.Join(out, "fuzz_test.go"), []byte(robustFuzzTarget), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(out, "testdata", "fuzz", "FuzzAssemblies")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	seeds := 0
	for _, c := range d.Cases {
		if !c.FuzzSeed {
			continue
		}
		src := "go test fuzz v1\n[]byte(" + strconv.Quote(string(bodies[c.Name])) + ")\n"
		if err := os.WriteFile(filepath.Join(corpus, "seed-"+c.Name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		seeds++
	}
	fuzztime := os.Getenv("COVETGEN_FUZZTIME")
	if fuzztime == "" {
		fuzztime = "10s"
	}
	for _, args := range [][]string{
		{"test", "-run=^FuzzAssemblies$", "."},
		{"test", "-v", "-run=^$", "-fuzz=^FuzzAssemblies$", "-fuzztime=" + fuzztime, "."},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = out
		cmd.Env = goEnv()
		start := time.Now()
		b, err := cmd.CombinedOutput()
		if err != nil {
			// a crasher is written under testdata/fuzz/FuzzAssemblies in the module
			t.Fatalf("go %s (%d seeds): %v\n%s", strings.Join(args, " "), seeds, err, b)
		}
		t.Logf("go %s (%d seeds, %s): %s", strings.Join(args, " "), seeds, time.Since(start).Round(time.Second), fuzzStats(string(b)))
	}
}

// fuzzStats is the last progress line of go test -fuzz ("elapsed: 10s, execs: ..."), or
// the last line of the output.
func fuzzStats(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "execs:") {
			return strings.TrimSpace(lines[i])
		}
	}
	return lines[len(lines)-1]
}

// testSlowloris opens connections that send a request head one byte at a time and never
// finish it: the server must close each once its read-header timeout
// (server.Default().ReadHeaderTimeout) has passed, while a client sending normal requests
// meanwhile is answered quickly.
func testSlowloris(t *testing.T, svc *robustService) {
	r := svc.start(t)
	timeout := server.Default().ReadHeaderTimeout
	const attackers = 64
	const quick = time.Second // the most a normal request may take during the attack
	head := "POST /assemblies HTTP/1.1\r\nHost: robust\r\nContent-Type: application/json\r\nX-Slow: " + strings.Repeat("a", 64) + "\r\n"
	type outcome struct {
		closedAfter time.Duration
		err         error
	}
	outcomes := make(chan outcome, attackers)
	var dialed sync.WaitGroup
	dialed.Add(attackers)
	for range attackers {
		go func() {
			conn, err := net.Dial("tcp", r.addr)
			dialed.Done()
			if err != nil {
				outcomes <- outcome{err: err}
				return
			}
			defer conn.Close()
			start := time.Now()
			closed := make(chan time.Duration, 1)
			go func() {
				_, _ = io.Copy(io.Discard, conn) // until the server closes the connection
				closed <- time.Since(start)
			}()
			tick := time.NewTicker(200 * time.Millisecond)
			defer tick.Stop()
			for i := 0; ; i++ {
				select {
				case d := <-closed:
					outcomes <- outcome{closedAfter: d}
					return
				case <-tick.C:
				}
				if time.Since(start) > 3*timeout {
					outcomes <- outcome{err: fmt.Errorf("still open after %s", time.Since(start).Round(time.Millisecond))}
					return
				}
				_, _ = conn.Write([]byte{head[i%len(head)]}) // a failed write: the reader sees the close
			}
		}()
	}
	dialed.Wait()

	// A normal client meanwhile: fresh connections, one request every 100ms.
	stop := make(chan struct{})
	var lat []time.Duration
	var normalErrs []error
	normalDone := make(chan struct{})
	go func() {
		defer close(normalDone)
		client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			start := time.Now()
			resp, err := client.Get("http://" + r.addr + "/ping")
			if err == nil {
				b, rerr := io.ReadAll(resp.Body)
				resp.Body.Close()
				if rerr == nil && (resp.StatusCode != 200 || string(b) != `{"ok":true}`) {
					rerr = fmt.Errorf("GET /ping: %d %q", resp.StatusCode, b)
				}
				err = rerr
			}
			lat = append(lat, time.Since(start))
			if err != nil {
				normalErrs = append(normalErrs, err)
			}
		}
	}()
	var closedAfter []time.Duration
	for range attackers {
		o := <-outcomes
		if o.err != nil {
			t.Errorf("slow client: %v", o.err)
			continue
		}
		closedAfter = append(closedAfter, o.closedAfter)
	}
	close(stop)
	<-normalDone
	for _, err := range normalErrs {
		t.Errorf("normal request during the attack: %v", err)
	}
	slices.Sort(lat)
	slices.Sort(closedAfter)
	if len(lat) == 0 {
		t.Fatal("no normal request was sent during the attack")
	}
	if worst := lat[len(lat)-1]; worst > quick {
		t.Errorf("a normal request took %s during the attack (limit %s)", worst, quick)
	}
	if len(closedAfter) > 0 {
		first, last := closedAfter[0], closedAfter[len(closedAfter)-1]
		if first < timeout-time.Second || last > timeout+5*time.Second {
			t.Errorf("slow clients closed after %s..%s, want about the read-header timeout %s", first, last, timeout)
		}
		t.Logf("%d slow clients closed after %s..%s (read-header timeout %s); %d normal requests meanwhile, p50 %s, max %s",
			len(closedAfter), first.Round(time.Millisecond), last.Round(time.Millisecond), timeout, len(lat),
			lat[len(lat)/2].Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond))
	}
}

// testShutdownInFlight starts uploads of c's body that trickle in, sends SIGTERM while
// they are in flight, and requires every one to be answered as FastAPI answered c, the
// listener to close, and the process to exit with status 0.
func testShutdownInFlight(t *testing.T, svc *robustService, c robustCase, body []byte) {
	want := c.robustAnswer
	r := svc.start(t)
	const uploads = 8
	const trickle = 2 * time.Second // how long each body takes to arrive after SIGTERM
	half := len(body) / 2
	signaled := make(chan struct{})
	var started sync.WaitGroup
	started.Add(uploads)
	errs := make(chan error, uploads)
	for i := range uploads {
		go func() {
			errs <- func() error {
				conn, err := net.Dial("tcp", r.addr)
				if err != nil {
					started.Done()
					return err
				}
				defer conn.Close()
				head := fmt.Sprintf("POST /assemblies HTTP/1.1\r\nHost: robust\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
				_, err = conn.Write(append([]byte(head), body[:half]...))
				started.Done()
				if err != nil {
					return fmt.Errorf("upload %d: %w", i, err)
				}
				<-signaled
				rest := body[half:]
				const chunks = 10
				for c := range chunks {
					time.Sleep(trickle / chunks)
					piece := rest[c*len(rest)/chunks : (c+1)*len(rest)/chunks]
					if _, err := conn.Write(piece); err != nil {
						return fmt.Errorf("upload %d: chunk %d after SIGTERM: %w", i, c, err)
					}
				}
				_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
				resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
				if err != nil {
					return fmt.Errorf("upload %d: no answer: %w", i, err)
				}
				defer resp.Body.Close()
				got, err := io.ReadAll(resp.Body)
				if err != nil {
					return fmt.Errorf("upload %d: %w", i, err)
				}
				if err := sameAnswer(want, robustAnswer{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type")}, got); err != nil {
					return fmt.Errorf("upload %d: %w", i, err)
				}
				return nil
			}()
		}()
	}
	started.Wait()
	time.Sleep(300 * time.Millisecond) // the server has read every request head
	if err := r.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	sent := time.Now()
	close(signaled)
	// The listener closes at once: a new client is refused while the uploads go on.
	time.Sleep(300 * time.Millisecond)
	if c, err := net.DialTimeout("tcp", r.addr, time.Second); err == nil {
		c.Close()
		t.Errorf("a new connection was accepted after SIGTERM")
	}
	for range uploads {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	select {
	case <-r.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the service did not exit after its in-flight requests finished")
	}
	if r.err != nil {
		t.Errorf("exit after SIGTERM: %v (want status 0)", r.err)
	}
	if took := time.Since(sent); took < trickle {
		t.Errorf("exited %s after SIGTERM, before the uploads could finish (%s)", took, trickle)
	}
	if log := r.logText(); !strings.Contains(log, "Shutting down") || !strings.Contains(log, "Finished server process") {
		t.Errorf("no graceful shutdown in the log:\n%s", log)
	}
	t.Logf("%d uploads in flight at SIGTERM all answered %d; exited 0 after %s", uploads, want.Status, time.Since(sent).Round(time.Millisecond))
}
