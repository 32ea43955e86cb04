// Package oracletest records Starlette/FastAPI's answers to small apps
// built from parameters, and replays the same requests against the Go
// equivalents: the runtime packages' oracle tests for behaviour the corpus
// goldens do not reach (CORS and GZip options, Range headers, odd Host
// headers, ...).
//
// The answers live in testdata files next to the tests, so CI needs no
// FastAPI. To re-record them, run the tests with COVETGEN_UPDATE_ORACLE=1
// and the reference stack importable (COVETGEN_REFSTACK, default
// /work/refstack, is put on PYTHONPATH).
package oracletest

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Request is one request, sent with exactly these headers.
type Request struct {
	Method  string      `json:"method"`
	Path    string      `json:"path"`
	Headers [][2]string `json:"headers,omitempty"`
	BodyB64 string      `json:"body_b64,omitempty"`
}

// Response is the recorded answer (body decoded from gzip).
type Response struct {
	Status  int         `json:"status"`
	Headers [][2]string `json:"headers"`
	BodyB64 string      `json:"body_b64"`
}

// Case is one app (Kind + Params, built by both sides) and one request.
type Case struct {
	Name     string          `json:"name"`
	Kind     string          `json:"kind"`
	Params   json.RawMessage `json:"params"`
	Request  Request         `json:"request"`
	Sent     [][2]string     `json:"sent,omitempty"` // headers the client actually sent
	Response *Response       `json:"response,omitempty"`
}

// Cases returns the recorded cases of file. With COVETGEN_UPDATE_ORACLE=1
// it first runs script (Python defining build(kind, params) -> ASGI app)
// over in and rewrites file.
func Cases(t *testing.T, file, script string, in []Case) []Case {
	t.Helper()
	if os.Getenv("COVETGEN_UPDATE_ORACLE") == "1" {
		record(t, file, script, in)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("oracle answers: %v (record them with COVETGEN_UPDATE_ORACLE=1)", err)
	}
	var out []Case
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("%s holds %d cases, the test has %d: re-record with COVETGEN_UPDATE_ORACLE=1", file, len(out), len(in))
	}
	for i := range out {
		if out[i].Name != in[i].Name || out[i].Kind != in[i].Kind {
			t.Fatalf("%s case %d is %s, the test's is %s: re-record", file, i, out[i].Name, in[i].Name)
		}
	}
	return out
}

const driver = `
import sys, json, base64
from starlette.testclient import TestClient
def main():
    out = []
    for line in sys.stdin:
        c = json.loads(line)
        app = build(c["kind"], c["params"])
        q = c["request"]
        client = TestClient(app, base_url="http://testserver", raise_server_exceptions=False, follow_redirects=False)
        hdrs = [(k, v) for k, v in q.get("headers", [])]
        body = base64.b64decode(q.get("body_b64", ""))
        with client:
            r = client.request(q["method"], q["path"], headers=hdrs, content=body)
        c["sent"] = [[k.decode("latin-1").lower(), v.decode("latin-1")] for k, v in r.request.headers.raw]
        c["response"] = {"status": r.status_code,
                         "headers": [[k.decode("latin-1").lower(), v.decode("latin-1")] for k, v in r.headers.raw],
                         "body_b64": base64.b64encode(r.content).decode()}
        out.append(c)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
main()
`

func record(t *testing.T, file, script string, in []Case) {
	t.Helper()
	var stdin bytes.Buffer
	for _, c := range in {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		stdin.Write(b)
		stdin.WriteByte('\n')
	}
	stack := os.Getenv("COVETGEN_REFSTACK")
	if stack == "" {
		stack = "/work/refstack"
	}
	cmd := exec.Command("python3", "-c", script+"\n"+driver)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+stack, "PYTHONHASHSEED=0")
	cmd.Stdin = &stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("recording oracle answers: %v\n%s", err, errb.String())
	}
	if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ignored are transport headers the two servers frame differently.
var ignored = map[string]bool{"date": true, "server": true, "connection": true, "keep-alive": true, "transfer-encoding": true}

// Check sends c's request (with the headers the Python client sent) to a
// real net/http server running h and reports differences from the
// recorded response. Header order across names is not compared; a gzip
// body is compared decoded, its content-length not at all.
func Check(t *testing.T, c Case, h http.Handler) {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	body, _ := base64.StdEncoding.DecodeString(c.Request.BodyB64)
	req, err := http.NewRequest(c.Request.Method, srv.URL+c.Request.Path, bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	if len(body) == 0 {
		req.Body = http.NoBody
	}
	for _, kv := range c.Sent {
		switch kv[0] {
		case "host":
			req.Host = kv[1]
		case "content-length", "transfer-encoding":
		default:
			req.Header.Add(kv[0], kv[1])
		}
	}
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Errorf("%s: %v", c.Name, err)
		return
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	want := c.Response
	var problems []string
	if resp.StatusCode != want.Status {
		problems = append(problems, fmt.Sprintf("status %d, want %d", resp.StatusCode, want.Status))
	}
	gz := resp.Header.Get("Content-Encoding") == "gzip"
	if gz {
		if zr, err := gzip.NewReader(bytes.NewReader(got)); err == nil {
			got, _ = io.ReadAll(zr)
		}
	}
	wantBody, _ := base64.StdEncoding.DecodeString(want.BodyB64)
	wb, gb := boundary(want.Headers), boundary(headerPairs(resp.Header))
	if wb != "" && gb != "" {
		// multipart/byteranges: a random boundary on each side
		wantBody = bytes.ReplaceAll(wantBody, []byte(wb), []byte("BOUNDARY"))
		got = bytes.ReplaceAll(got, []byte(gb), []byte("BOUNDARY"))
	}
	if c.Request.Method != "HEAD" && !bytes.Equal(got, wantBody) {
		problems = append(problems, fmt.Sprintf("body %q, want %q", clip(got), clip(wantBody)))
	}
	gotH := map[string][]string{}
	for k, v := range resp.Header {
		gotH[strings.ToLower(k)] = v
	}
	wantH := map[string][]string{}
	for _, kv := range want.Headers {
		wantH[kv[0]] = append(wantH[kv[0]], kv[1])
	}
	names := map[string]bool{}
	for k := range gotH {
		names[k] = true
	}
	for k := range wantH {
		names[k] = true
	}
	for k := range names {
		if ignored[k] || gz && k == "content-length" {
			continue
		}
		if k == "content-range" && strings.HasPrefix(strings.Join(wantH[k], ""), "multipart/byteranges; boundary=") &&
			strings.HasPrefix(strings.Join(gotH[k], ""), "multipart/byteranges; boundary=") {
			continue // a random boundary
		}
		if !slices.Equal(gotH[k], wantH[k]) {
			problems = append(problems, fmt.Sprintf("header %s: %q, want %q", k, gotH[k], wantH[k]))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		t.Errorf("%s (%s %s):\n  %s", c.Name, c.Request.Method, c.Request.Path, strings.Join(problems, "\n  "))
	}
}

func headerPairs(h http.Header) [][2]string {
	var out [][2]string
	for k, vs := range h {
		for _, v := range vs {
			out = append(out, [2]string{strings.ToLower(k), v})
		}
	}
	return out
}

func boundary(h [][2]string) string {
	for _, kv := range h {
		if kv[0] == "content-range" {
			if b, ok := strings.CutPrefix(kv[1], "multipart/byteranges; boundary="); ok {
				return b
			}
		}
	}
	return ""
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}
