package translate

import (
	"strings"
	"testing"
)

// TestFileResponseTranslate translates FileResponse(...) calls and uses of paths computed
// from __file__, and refuses what could differ from Starlette.
func TestFileResponseTranslate(t *testing.T) {
	const head = "from pathlib import Path\nimport pathlib\nfrom fastapi.responses import FileResponse\n" +
		"HERE = Path(__file__).resolve().parent\nREPORT = HERE / 'data' / 'r.csv'\nUP = pathlib.Path(__file__).parent.joinpath('a', 'b')\n" +
		"NAME = 'x.bin'\nFILE = __file__\n"
	tests := []struct {
		name, body string
		want       []string
		decls      []string
		refuse     string
	}{
		{"path constant", "return FileResponse(REPORT, media_type='text/csv', filename='r.csv')",
			[]string{`pyfile.NewFileResponse(pyp_m_REPORT, nil, nil, pyval.Str("text/csv"), pyval.Str("r.csv"), nil)`},
			[]string{"var pyp_m_REPORT pyval.Value"}, ""},
		{"joined in the body", "return FileResponse(HERE / NAME)", []string{`pyval.PathOps(pyp_m_HERE, "join:x.bin")`}, nil, ""},
		{"parent in the body", "return FileResponse(path=HERE.parent / 'z')", []string{`pyval.PathOps(pyp_m_HERE, "parent", "join:z")`}, nil, ""},
		{"str of a path", "return str(UP)", []string{"pyval.StrOf(pyp_m_UP)"}, nil, ""},
		{"str path", "return FileResponse('static/a.txt', status_code=201, content_disposition_type='inline', filename=NAME)",
			[]string{`pyfile.NewFileResponse(pyval.Str("static/a.txt"), pyval.IntValue(201), nil, nil, pyc_m_NAME, pyval.Str("inline"))`}, nil, ""},
		{"status read", "r = FileResponse('a')\n    s = r.status_code\n    return r", []string{"pyval.RespStatus("}, nil, ""},
		{"path returned", "return REPORT", nil, nil, "use of a path computed from __file__"},
		{"path compared", "return REPORT == 'x'", nil, nil, "use of a path computed from __file__"},
		{"path attribute", "return REPORT.name", nil, nil, "use of a path computed from __file__"},
		{"resolve in body", "return FileResponse(HERE.resolve())", nil, nil, "call of"},
		{"__file__ string", "return FILE", nil, nil, ""},
		{"header change", "r = FileResponse('a')\n    r.headers['x'] = 'y'\n    return r", nil, nil, "change of a FileResponse"},
		{"cookie", "r = FileResponse('a')\n    r.set_cookie('a', 'b')\n    return r", nil, nil, "change of a FileResponse"},
		{"status change", "r = FileResponse('a')\n    r.status_code = 201\n    return r", nil, nil, "change of a FileResponse"},
		{"media type computed", "return FileResponse('a', media_type=NAME.upper())", nil, nil, "media_type"},
		{"empty media type", "return FileResponse('a', media_type='')", nil, nil, "media_type"},
		{"stat_result", "return FileResponse('a', stat_result=None)", nil, nil, "stat_result"},
		{"path not str", "return FileResponse(3)", nil, nil, "path that may not be a str"},
		{"in a list", "r = FileResponse('a')\n    return [r]", nil, nil, "use of response object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, decls, diags := translateNamed(t, head+"def f():\n    "+tt.body+"\n", "f", nil)
			if tt.refuse != "" {
				if len(diags) == 0 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags = %v, want %q\n%s", diags, tt.refuse, code)
				}
				return
			}
			if tt.name == "__file__ string" {
				// __file__ itself is a str the translator does not know: refused, not a path.
				if len(diags) == 0 {
					t.Fatalf("translated:\n%s", code)
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
			for _, w := range tt.decls {
				if !strings.Contains(decls, w) {
					t.Errorf("decls lack %q:\n%s", w, decls)
				}
			}
		})
	}
}

// TestAppPathInit checks the statements main runs to set the paths.
func TestAppPathInit(t *testing.T) {
	src := "from pathlib import Path\nfrom fastapi.responses import FileResponse\nHERE = Path(__file__).resolve().parent\n" +
		"def f():\n    return FileResponse(HERE / 'a')\n"
	_, decls, diags := translateNamed(t, src, "f", nil)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if !strings.Contains(decls, "a path computed from __file__: m.py under the app's root") {
		t.Errorf("decls:\n%s", decls)
	}
}
