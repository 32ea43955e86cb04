package static

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
)

const stdlibScript = `
import mimetypes, email.utils, os, hashlib
def handle(c):
    op = c["op"]
    if op == "mime":
        return mimetypes.guess_type(c["s"])[0] or ""
    if op == "date":
        t = email.utils.parsedate(c["s"])
        return None if t is None else list(t[:6])
    if op == "stat":
        st = os.stat(c["s"])
        base = str(st.st_mtime) + "-" + str(st.st_size)
        return {"etag": '"' + hashlib.md5(base.encode()).hexdigest() + '"',
                "lm": email.utils.formatdate(st.st_mtime, usegmt=True)}
    if op == "realpath":
        return os.path.realpath(c["s"])
`

func TestGuessTypeAgainstPython(t *testing.T) {
	names := []string{"a.html", "a.HTML", "b.css", "x.js", "x.mjs", "d.json", "e.txt", "f.csv", "g.svg", "g.svgz",
		"h.png", "i.JPG", "j.jpeg", "k.gif", "l.ico", "m.webp", "n.woff", "n.woff2", "o.ttf", "p.pdf", "q.zip",
		"r.tar.gz", "r.tgz", "s.gz", "t.xz", "t.tar.xz", "u.Z", "u.tar.Z", "v.mp4", "w.mp3", "x.wasm", "y.xml",
		"z.md", "noext", ".hidden", "..", "a.", "dir.d/file", "/abs/path/report.csv", "résumé.csv", "a.unknownext",
		"data:text/html,hello", "data:,x", "data:a=b,x", "data:text/plain;base64,QQ==", "http://x/y.png",
		"C:file.txt", "a:b/c.txt", "a.tar.bz2", "a.tbz2", "a.txz", "x.Gz", "x.json.br", "a.tsv", "a.ics",
		"a.xhtml", "a.rtf", "a.7z", "a.docx", "a.xlsx", "a.avif", "a.heic", "a.opus", "a.m4a", "a.flac",
		"a.py", "a.sh", "a.c", "a.ts", "a.webmanifest", "a.jsonld", "a.geojson", "a.rss", "a.atom", "a.exe"}
	var cases []any
	for _, n := range names {
		cases = append(cases, map[string]string{"op": "mime", "s": n})
	}
	for i, raw := range pyoracle.Run(t, stdlibScript, cases) {
		var py string
		_ = json.Unmarshal(raw, &py)
		if got := GuessType(names[i]); got != py {
			t.Errorf("GuessType(%q) = %q, Python %q", names[i], got, py)
		}
	}
}

func TestParseDateAgainstPython(t *testing.T) {
	inputs := []string{
		"Mon, 01 Jan 2024 00:00:00 GMT", "Mon, 01 Jan 2024 00:00:01 GMT", "Sun, 31 Dec 2023 23:59:59 GMT",
		"01 Jan 2024 00:00:00", "Monday, 01-Jan-24 00:00:00 GMT", "Mon Jan  1 00:00:00 2024",
		"Mon,01 Jan 2024 00:00:00 GMT", "1 jan 2024 10:20", "1 January 2024 10.20.30 +0100",
		"Jan 1 2024 10:20:30 -0500", "garbage", "", "   ", "Mon, 32 Foo 2024 00:00:00 GMT",
		"Mon, 01 Jan 24 00:00:00 GMT", "Mon, 01 Jan 69 00:00:00 GMT", "Mon, 01 Jan 2024 25:61:61 GMT",
		"Mon, 01 Jan 2024 00:00 GMT", "Mon, +1 Jan 2_024 0:0:0", "2024 Jan 01 00:00:00", "01 Jan 2024, 00:00:00",
		"Mon, 01 Jan 2024 00:00:00 +0000", "Mon, 01 Jan 2024 00:00:00+0100", "Tue, 1 Jan 2024 1.2",
		"x,01 Jan 2024 00:00:00", "01 Jan 2024 00:00:00 EST extra", "Jan 01", "01 Jan ,",
	}
	var cases []any
	for _, s := range inputs {
		cases = append(cases, map[string]string{"op": "date", "s": s})
	}
	for i, raw := range pyoracle.Run(t, stdlibScript, cases) {
		var py []int64
		_ = json.Unmarshal(raw, &py)
		got, ok := parseDate(inputs[i])
		if ok != (py != nil) {
			t.Errorf("parseDate(%q) ok=%v, Python %v", inputs[i], ok, py)
			continue
		}
		if ok {
			for k := range got {
				if got[k] != py[k] {
					t.Errorf("parseDate(%q) = %v, Python %v", inputs[i], got, py)
					break
				}
			}
		}
	}
}

func TestStatHeadersAgainstPython(t *testing.T) {
	dir := t.TempDir()
	times := []time.Time{
		time.Unix(1704067200, 0),
		time.Unix(1704067200, 123456789),
		time.Unix(1704067200, 999999999),
		time.Unix(1700000000, 1),
		time.Unix(1, 500000000),
		time.Unix(2000000000, 100),
	}
	var cases []any
	var files []string
	for i, mt := range times {
		p := filepath.Join(dir, "f"+string(rune('a'+i)))
		if err := os.WriteFile(p, []byte(strings.Repeat("x", i*7)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
		cases = append(cases, map[string]string{"op": "stat", "s": p})
	}
	for i, raw := range pyoracle.Run(t, stdlibScript, cases) {
		var py struct{ Etag, Lm string }
		_ = json.Unmarshal(raw, &py)
		fi, err := os.Stat(files[i])
		if err != nil {
			t.Fatal(err)
		}
		m := statMTime(fi)
		if got := etagFor(m, fi.Size()); got != py.Etag {
			t.Errorf("etag of %v = %s, Python %s", times[i], got, py.Etag)
		}
		if got := httpDate(unixFloor(m)); got != py.Lm {
			t.Errorf("last-modified of %v = %s, Python %s", times[i], got, py.Lm)
		}
	}
}

func TestRealpathAgainstPython(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "static", "sub"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "static", "a.txt"), []byte("a"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("s"), 0o644))
	must(os.Symlink("../secret.txt", filepath.Join(dir, "static", "out")))
	must(os.Symlink("sub", filepath.Join(dir, "static", "in")))
	must(os.Symlink("loop2", filepath.Join(dir, "static", "loop1")))
	must(os.Symlink("loop1", filepath.Join(dir, "static", "loop2")))
	must(os.Symlink("/nonexistent/x", filepath.Join(dir, "static", "dangling")))
	rels := []string{"static/a.txt", "static/out", "static/in/x", "static/loop1", "static/loop1/x", "static/dangling",
		"static/nope/../a.txt", "static/../static/./a.txt", "static//a.txt", "static/a.txt/x", "static/in/../a.txt",
		"static/..", ".", "static/in/..", "static/out/.."}
	var cases []any
	for _, r := range rels {
		cases = append(cases, map[string]string{"op": "realpath", "s": dir + "/" + r})
	}
	for i, raw := range pyoracle.Run(t, stdlibScript, cases) {
		var py string
		_ = json.Unmarshal(raw, &py)
		if got := realpath(dir + "/" + rels[i]); got != py {
			t.Errorf("realpath(%q) = %q, Python %q", rels[i], got, py)
		}
	}
}
