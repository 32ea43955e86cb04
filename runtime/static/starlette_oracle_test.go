package static_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/internal/oracletest"
	"github.com/covetpy/covetgen/runtime/internal/testmux"
	"github.com/covetpy/covetgen/runtime/static"
)

const starletteScript = `
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.responses import FileResponse

def build(kind, p):
    app = FastAPI(openapi_url=None)
    if kind == "static":
        app.mount("/s", StaticFiles(directory=p["dir"], html=p.get("html", False), follow_symlink=p.get("follow", False)))
    else:
        def endpoint(request):
            return FileResponse(p["path"], status_code=p.get("status", 200), headers=p.get("headers"),
                                media_type=p.get("media_type"), filename=p.get("filename"),
                                content_disposition_type=p.get("cdt", "attachment"))
        app.add_route("/f", endpoint, methods=["GET", "HEAD"])
    return app
`

type fileParams struct {
	Path      string            `json:"path"`
	Status    int               `json:"status,omitempty"`
	Headers   map[string]string `json:"headers,omitempty"`
	MediaType string            `json:"media_type,omitempty"`
	Filename  string            `json:"filename,omitempty"`
	CDT       string            `json:"cdt,omitempty"`
}

type staticParams struct {
	Dir    string `json:"dir"`
	HTML   bool   `json:"html,omitempty"`
	Follow bool   `json:"follow,omitempty"`
}

// fixture writes the files both sides serve, with pinned mtimes.
func fixture(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "root")
	files := map[string]string{
		"site/a.txt":           strings.Repeat("0123456789", 10),
		"site/index.html":      "<h1>home</h1>\n",
		"site/404.html":        "<p>custom 404</p>\n",
		"site/sub/index.html":  "<p>sub</p>\n",
		"site/sub/page.txt":    "page\n",
		"site/sub2/note.md":    "# note\n",
		"site/.hidden":         "dot\n",
		"site/my file.JSON":    `{"a": 1}`,
		"site/big.bin":         strings.Repeat("abcdefghij", 7000),
		"outside.txt":          "secret\n",
		"plain/only.css":       "body{}\n",
		"plain/archive.tar.gz": "gz",
	}
	pinned := time.Unix(1704067200, 250000000)
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, pinned, pinned); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../outside.txt", filepath.Join(dir, "site", "link-out")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestFilesAgainstStarlette(t *testing.T) {
	dir := fixture(t)
	a := filepath.Join(dir, "site", "a.txt")
	big := filepath.Join(dir, "site", "big.bin")
	fp := func(p fileParams) json.RawMessage { b, _ := json.Marshal(p); return b }
	sp := func(p staticParams) json.RawMessage { b, _ := json.Marshal(p); return b }
	req := func(method, path string, h ...[2]string) oracletest.Request {
		return oracletest.Request{Method: method, Path: path, Headers: h}
	}
	rng := func(v string) [2]string { return [2]string{"range", v} }
	plainA := fp(fileParams{Path: a})
	site := sp(staticParams{Dir: filepath.Join(dir, "site")})
	html := sp(staticParams{Dir: filepath.Join(dir, "site"), HTML: true})
	follow := sp(staticParams{Dir: filepath.Join(dir, "site"), Follow: true})
	plain := sp(staticParams{Dir: filepath.Join(dir, "plain"), HTML: true})
	const etagA = `"etag-placeholder"`
	_ = etagA
	cases := []oracletest.Case{
		{Name: "file-get", Kind: "file", Params: plainA, Request: req("GET", "/f")},
		{Name: "file-head", Kind: "file", Params: plainA, Request: req("HEAD", "/f")},
		{Name: "file-range-first", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=0-4"))},
		{Name: "file-range-suffix", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=-5"))},
		{Name: "file-range-open", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=95-"))},
		{Name: "file-range-end-past", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=90-1000"))},
		{Name: "file-range-empty", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=5-4"))},
		{Name: "file-range-reversed", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=6-4"))},
		{Name: "file-range-past-end", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=100-"))},
		{Name: "file-range-suffix-zero", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=-0"))},
		{Name: "file-range-suffix-big", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=-200"))},
		{Name: "file-range-huge", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=0-99999999999999999999999"))},
		{Name: "file-range-multi", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=0-4,10-14"))},
		{Name: "file-range-multi-merged", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=0-4,3-8"))},
		{Name: "file-range-multi-unsorted", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=20-24,0-4,2-3"))},
		{Name: "file-range-multi-head", Kind: "file", Params: plainA, Request: req("HEAD", "/f", rng("bytes=0-1,5-6"))},
		{Name: "file-range-units", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("items=0-4"))},
		{Name: "file-range-units-case", Kind: "file", Params: plainA, Request: req("GET", "/f", rng(" BYTES =0-1"))},
		{Name: "file-range-no-equals", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes"))},
		{Name: "file-range-no-spec", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=abc"))},
		{Name: "file-range-junk", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=x0-2y,-"))},
		{Name: "file-if-range-stale", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=0-4"), [2]string{"if-range", `"nope"`})},
		{Name: "file-if-range-date", Kind: "file", Params: plainA, Request: req("GET", "/f", rng("bytes=0-4"), [2]string{"if-range", "Mon, 01 Jan 2024 00:00:00 GMT"})},
		{Name: "file-headers-override", Kind: "file", Params: fp(fileParams{Path: a, Headers: map[string]string{"etag": `"mine"`, "content-type": "application/x-custom", "x-extra": "1"}}), Request: req("GET", "/f", rng("bytes=0-1"), [2]string{"if-range", `"mine"`})},
		{Name: "file-media-type", Kind: "file", Params: fp(fileParams{Path: a, MediaType: "text/html; Charset=latin-1"}), Request: req("GET", "/f")},
		{Name: "file-filename-space", Kind: "file", Params: fp(fileParams{Path: a, Filename: "my file.txt"}), Request: req("GET", "/f")},
		{Name: "file-filename-quote", Kind: "file", Params: fp(fileParams{Path: a, Filename: `a"b.css`, CDT: "inline"}), Request: req("GET", "/f")},
		{Name: "file-filename-slash", Kind: "file", Params: fp(fileParams{Path: a, Filename: "dir/x.svg"}), Request: req("GET", "/f")},
		{Name: "file-status-404-range", Kind: "file", Params: fp(fileParams{Path: a, Status: 404}), Request: req("GET", "/f", rng("bytes=1-2"))},
		{Name: "file-big", Kind: "file", Params: fp(fileParams{Path: big}), Request: req("GET", "/f")},
		{Name: "file-big-range", Kind: "file", Params: fp(fileParams{Path: big}), Request: req("GET", "/f", rng("bytes=1000-69998"))},

		{Name: "static-get", Kind: "static", Params: site, Request: req("GET", "/s/a.txt")},
		{Name: "static-head", Kind: "static", Params: site, Request: req("HEAD", "/s/a.txt")},
		{Name: "static-post", Kind: "static", Params: site, Request: req("POST", "/s/a.txt")},
		{Name: "static-trailing-slash", Kind: "static", Params: site, Request: req("GET", "/s/a.txt/")},
		{Name: "static-double-slash", Kind: "static", Params: site, Request: req("GET", "/s//sub/page.txt")},
		{Name: "static-dotfile", Kind: "static", Params: site, Request: req("GET", "/s/.hidden")},
		{Name: "static-space-upper-ext", Kind: "static", Params: site, Request: req("GET", "/s/my%20file.JSON")},
		{Name: "static-traversal", Kind: "static", Params: site, Request: req("GET", "/s/%2e%2e/outside.txt")},
		{Name: "static-dotdot-inside", Kind: "static", Params: site, Request: req("GET", "/s/sub/../a.txt")},
		{Name: "static-symlink-out", Kind: "static", Params: site, Request: req("GET", "/s/link-out")},
		{Name: "static-symlink-follow", Kind: "static", Params: follow, Request: req("GET", "/s/link-out")},
		{Name: "static-dir-no-html", Kind: "static", Params: site, Request: req("GET", "/s/sub/")},
		{Name: "static-root-no-html", Kind: "static", Params: site, Request: req("GET", "/s/")},
		{Name: "static-missing", Kind: "static", Params: site, Request: req("GET", "/s/nope.txt")},
		{Name: "static-inm", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-none-match", "ETAG"})},
		{Name: "static-inm-weak-list", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-none-match", `"x", W/ETAG`})},
		{Name: "static-inm-star", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-none-match", "*"})},
		{Name: "static-ims-equal", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-modified-since", "Mon, 01 Jan 2024 00:00:00 GMT"})},
		{Name: "static-ims-later", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-modified-since", "Tue, 02 Jan 2024 00:00:00 GMT"})},
		{Name: "static-ims-earlier", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-modified-since", "Sun, 31 Dec 2023 23:59:59 GMT"})},
		{Name: "static-ims-rfc850", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-modified-since", "Monday, 01-Jan-24 00:00:00 GMT"})},
		{Name: "static-ims-garbage", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", [2]string{"if-modified-since", "yesterday"})},
		{Name: "static-range", Kind: "static", Params: site, Request: req("GET", "/s/a.txt", rng("bytes=3-5"))},
		{Name: "static-html-root", Kind: "static", Params: html, Request: req("GET", "/s/")},
		{Name: "static-html-mount-root", Kind: "static", Params: html, Request: req("GET", "/s")},
		{Name: "static-html-dir-redirect", Kind: "static", Params: html, Request: req("GET", "/s/sub?x=1&y=%20")},
		{Name: "static-html-dir-index", Kind: "static", Params: html, Request: req("GET", "/s/sub/")},
		{Name: "static-html-index-explicit", Kind: "static", Params: html, Request: req("GET", "/s/sub/index.html")},
		{Name: "static-html-dir-without-index", Kind: "static", Params: html, Request: req("GET", "/s/sub2/")},
		{Name: "static-html-404", Kind: "static", Params: html, Request: req("GET", "/s/nope")},
		{Name: "static-html-404-range", Kind: "static", Params: html, Request: req("GET", "/s/nope", rng("bytes=0-2"))},
		{Name: "static-html-404-inm", Kind: "static", Params: html, Request: req("GET", "/s/nope", [2]string{"if-none-match", "*"})},
		{Name: "static-html-no-404-page", Kind: "static", Params: plain, Request: req("GET", "/s/nope")},
		{Name: "static-css", Kind: "static", Params: plain, Request: req("GET", "/s/only.css")},
		{Name: "static-tar-gz", Kind: "static", Params: plain, Request: req("GET", "/s/archive.tar.gz")},
	}
	// The etag is only known once the fixture exists; Python computes the
	// same value.
	fi, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	_ = fi
	etag := etagOf(t, a)
	for i := range cases {
		for k, h := range cases[i].Request.Headers {
			cases[i].Request.Headers[k][1] = strings.ReplaceAll(h[1], "ETAG", etag)
		}
	}
	cases = oracletest.Cases(t, "testdata/oracle.json", starletteScript, cases)
	for i, c := range cases {
		if c.Name == "file-range-multi" || c.Name == "file-range-multi-unsorted" {
			// Starlette declares a content-length one byte short of its
			// multipart body; TestClient reads it all, but a server (h11,
			// net/http) refuses the final "\n--boundary--\n" write, so that
			// is what a client of uvicorn gets too.
			b, _ := base64.StdEncoding.DecodeString(c.Response.BodyB64)
			if j := bytes.LastIndex(b, []byte("\n--")); j >= 0 {
				b = b[:j]
			}
			resp := *c.Response
			resp.BodyB64 = base64.StdEncoding.EncodeToString(b)
			cases[i].Response = &resp
			c = cases[i]
		}
		var h http.Handler
		switch c.Kind {
		case "file":
			var p fileParams
			_ = json.Unmarshal(c.Params, &p)
			p.Path = rebase(p.Path, dir)
			var hdr http.Header
			if p.Headers != nil {
				hdr = http.Header{}
				for k, v := range p.Headers {
					hdr.Set(k, v)
				}
			}
			fr := &static.FileResponse{Path: p.Path, Status: p.Status, Header: hdr, MediaType: p.MediaType,
				Filename: p.Filename, ContentDispositionType: p.CDT}
			mux := &testmux.Mux{}
			mux.Route("GET,HEAD", "/f", func(w http.ResponseWriter, r *http.Request, _ testmux.Params) { fr.ServeHTTP(w, r) })
			h = mux
		case "static":
			var p staticParams
			_ = json.Unmarshal(c.Params, &p)
			st, err := static.New(static.Config{Directory: rebase(p.Dir, dir), HTML: p.HTML, FollowSymlink: p.Follow, Scope: testmux.Scope})
			if err != nil {
				t.Fatal(err)
			}
			mux := &testmux.Mux{}
			mux.Mount("/s", st)
			h = mux
		}
		t.Run(c.Name, func(t *testing.T) { oracletest.Check(t, c, h) })
	}
}

// rebase moves a recorded fixture path (from the recording run's temp dir)
// under this run's fixture.
func rebase(p, dir string) string {
	i := strings.Index(p, "/root/")
	if i < 0 {
		if strings.HasSuffix(p, "/root") {
			return dir
		}
		return p
	}
	return filepath.Join(dir, p[i+len("/root/"):])
}

// etagOf serves the file once to learn its etag.
func etagOf(t *testing.T, path string) string {
	rec := &headerRecorder{h: http.Header{}}
	(&static.FileResponse{Path: path}).ServeHTTP(rec, &http.Request{Method: "HEAD", Header: http.Header{}})
	return rec.h.Get("Etag")
}

type headerRecorder struct{ h http.Header }

func (r *headerRecorder) Header() http.Header         { return r.h }
func (r *headerRecorder) Write(p []byte) (int, error) { return len(p), nil }
func (r *headerRecorder) WriteHeader(int)             {}
