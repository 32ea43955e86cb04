package bridge

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyval"
)

func TestEncodeUpload(t *testing.T) {
	cases := []struct {
		name string
		v    *pyval.UploadFile
		want string
	}{
		{"headers and data", &pyval.UploadFile{Filename: "résumé.md", Headers: []pyval.UploadHeader{
			{Name: "content-disposition", Value: `form-data; name="file"`}, {Name: "content-type", Value: "text/markdown"}},
			Data: []byte("# Ann\n")},
			`{"$t":"upload","v":{"filename":"r\u00e9sum\u00e9.md","headers":[["content-disposition","form-data; name=\"file\""],["content-type","text/markdown"]],"data":"IyBBbm4K"}}`},
		{"empty", &pyval.UploadFile{}, `{"$t":"upload","v":{"filename":"","headers":[],"data":""}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := encode(nil, pyval.Value(tc.v), 0)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// uploadProbe decodes the tagged argument on stdin with worker.py's decode (the stand-ins
// installed as the worker installs them) and prints what a FastAPI endpoint sees.
const uploadProbe = `
import asyncio, json, sys
sys.path.insert(0, sys.argv[1])
import covetgen_compat
covetgen_compat.install()
import worker
u = worker.decode(json.loads(sys.stdin.read()))
first = asyncio.run(u.read())
asyncio.run(u.seek(0))
print(json.dumps({
    "cls": type(u).__module__ + "." + type(u).__qualname__,
    "file": type(u.file).__name__,
    "filename": u.filename, "content_type": u.content_type, "size": u.size,
    "headers": [[k, v] for k, v in u.headers.items()],
    "raw": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in u.headers.raw],
    "read": first.decode("latin-1"), "again": asyncio.run(u.read(2)).decode("latin-1"),
}))
`

// TestUploadTagInPython requires the "upload" tag to become, in the worker, the
// Starlette UploadFile FastAPI hands an endpoint (on the compat stand-ins and, when the
// reference stack is present, on the real Starlette).
func TestUploadTagInPython(t *testing.T) {
	u := &pyval.UploadFile{Filename: "café.txt", Headers: []pyval.UploadHeader{
		{Name: "content-disposition", Value: `form-data; name="f"; filename="cafÃ©.txt"`},
		{Name: "x-note", Value: "vé"}, {Name: "content-type", Value: "text/plain"}, {Name: "content-type", Value: "second"}},
		Data: []byte("da\x00\xfft")}
	want := `{"cls": "starlette.datastructures.UploadFile", "file": "SpooledTemporaryFile", "filename": "caf\u00e9.txt", ` +
		`"content_type": "text/plain", "size": 5, "headers": [["content-disposition", "form-data; name=\"f\"; filename=\"caf\u00c3\u00a9.txt\""], ` +
		`["x-note", "v\u00e9"], ["content-type", "text/plain"], ["content-type", "second"]], ` +
		`"raw": [["content-disposition", "form-data; name=\"f\"; filename=\"caf\u00c3\u00a9.txt\""], ["x-note", "v\u00e9"], ` +
		`["content-type", "text/plain"], ["content-type", "second"]], "read": "da\u0000\u00fft", "again": "da"}`
	arg, err := encode(nil, pyval.Value(u), 0)
	if err != nil {
		t.Fatal(err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for stack, env := range stacks(t) {
		t.Run(stack, func(t *testing.T) {
			cmd := exec.Command(python(), "-c", uploadProbe, here)
			cmd.Env = env
			cmd.Stdin = bytes.NewReader(arg)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("python: %v\n%s", err, stderr.Bytes())
			}
			if got := strings.TrimSpace(string(out)); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
