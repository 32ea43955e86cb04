package translate

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
)

// TestReqFormTranslate translates await request.form() and the uses of its values, and
// refuses the rest.
func TestReqFormTranslate(t *testing.T) {
	vars := map[string]Var{"request": {Go: jen.Id("request"), Type: &ir.Type{Kind: ir.KindClass, Name: "fastapi.Request"}}}
	const loop = "form = await request.form()\n    out = {}\n    for key, value in form.multi_items():\n        "
	tests := []struct {
		name, body string
		want       []string
		refuse     string
	}{
		{"group by key", loop + "if hasattr(value, 'filename'):\n            data = await value.read()\n            " +
			"out.setdefault(key, []).append({'f': value.filename, 'n': len(data)})\n        else:\n            out.setdefault(key, []).append(value)\n    return out",
			[]string{"pyreq.Form(request)", "pyval.FormMultiItems(form)", `pyval.FormItemHasAttr(value, "filename")`,
				"pyval.UploadRead(value, nil)", `pyval.CallMethod(out, "setdefault", key, pyval.NewList())`}, ""},
		{"getlist and get", "form = await request.form()\n    return [form.getlist('a'), form.get('b'), form.get('c', 'd')]",
			[]string{`pyval.FormGetList(form, pyval.Str("a"))`, `pyval.FormGet(form, pyval.Str("b"), nil)`}, ""},
		{"no await", "form = request.form()\n    return 1", nil, "without await"},
		{"limits", "form = await request.form(max_files=2)\n    return 1", nil, "with arguments"},
		{"form returned", "form = await request.form()\n    return form", nil, "use of the form"},
		{"form subscript", "form = await request.form()\n    return form['a']", nil, "use of the form"},
		{"form keys", "form = await request.form()\n    return form.keys()", nil, "method keys of a form"},
		{"hasattr of a str attribute", loop + "out[key] = hasattr(value, 'upper')\n    return out", nil, "hasattr"},
		{"dict given a non-fresh item", loop + "out[key] = [value]\n        out.setdefault(key, []).append(value)\n    return out", nil, "only local names can be mutated"},
		{"dict aliased", loop + "alias = out\n        out.setdefault(key, []).append(value)\n    return alias", nil, "only local names can be mutated"},
		{"dict passed on", loop + "out.setdefault(key, []).append(value)\n    print(out)\n    return out", nil, "only local names can be mutated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, diags := translateWith(t, "async def f(request):\n    "+tt.body+"\n", vars)
			if tt.refuse != "" {
				if len(diags) == 0 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags = %v, want %q\n%s", diags, tt.refuse, code)
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
