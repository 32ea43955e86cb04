package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestUploadTranslate translates the operations of UploadFile parameters (file, an
// UploadFile; opt, an Optional[UploadFile]; files, a list of them).
func TestUploadTranslate(t *testing.T) {
	up := &ir.Type{Kind: ir.KindClass, Name: uploadClassName}
	vars := map[string]Var{
		"file":  {Go: jen.Id("file"), Type: up},
		"opt":   {Go: jen.Id("opt"), Type: &ir.Type{Kind: ir.KindUnion, Args: []*ir.Type{up, noneType}}},
		"files": {Go: jen.Id("files"), Type: listOf(up)},
	}
	tests := []struct {
		name, body string
		want       []string
		refuse     string
	}{
		{"read", "data = await file.read()\n    return len(data)", []string{"pyval.UploadRead(file, nil)"}, ""},
		{"read size", "return await file.read(size=3)", []string{"pyval.UploadRead(file, pyval.IntValue(3))"}, ""},
		{"seek", "await file.seek(0)\n    return await file.read()", []string{"pyval.UploadSeek(file, pyval.IntValue(0))"}, ""},
		{"attrs", "return [file.filename, file.content_type, file.size]", []string{`pyval.UploadAttr(file, "filename")`, `pyval.UploadAttr(file, "content_type")`, `pyval.UploadAttr(file, "size")`}, ""},
		{"optional", "if opt is None:\n        return None\n    return opt.filename", []string{`pyval.UploadAttr(opt, "filename")`}, ""},
		{"loop", "out = []\n    for f in files:\n        out.append(await f.read())\n    return out", []string{"pyval.UploadRead(f, nil)"}, ""},
		{"headers items", "return {k: v for k, v in file.headers.items() if k != 'x'}", []string{`pyval.UploadHeaders(file, "items")`}, ""},
		{"headers item", "return file.headers['content-type']", []string{`pyval.UploadHeaders(file, "[]"`}, ""},
		{"headers get", "return file.headers.get('a', 'b')", []string{`pyval.UploadHeaders(file, "get"`}, ""},
		{"read without await", "return file.read()", nil, "without await"},
		{"close", "await file.close()", nil, "method close of an UploadFile"},
		{"file attr", "return file.file", nil, "attribute file of an UploadFile"},
		{"headers value", "return file.headers", nil, "attribute headers of an UploadFile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, diags := translateWith(t, "async def f(file, opt, files):\n    "+tt.body+"\n", vars)
			if tt.refuse != "" {
				if len(diags) == 0 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags = %v, want %q", diags, tt.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			for _, w := range tt.want {
				if !strings.Contains(code, w) {
					t.Errorf("code lacks %q:\n%s", w, code)
				}
			}
		})
	}
}
