package translate

import (
	"strings"
	"testing"
)

// TestLocalImport checks which import statements in a function body are no-ops (the name
// then resolves as the module-level name would) and which are refused.
func TestLocalImport(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // substring of the code ("" when refused)
		refuse     string // substring of the diagnostic
	}{
		{"in-branch", "if n < 0:\n        from fastapi import HTTPException\n\n        raise HTTPException(status_code=400, detail='negative')\n    return n",
			"pyval.HTTPException(pyval.IntValue(400)", ""},
		{"top", "from fastapi import HTTPException as E\n    if n < 0:\n        raise E(404)\n    return n", "pyval.HTTPException(pyval.IntValue(404)", ""},
		{"starlette", "from starlette.exceptions import HTTPException\n    raise HTTPException(status_code=418)", "pyval.HTTPException(pyval.IntValue(418)", ""},

		{"used-before", "if n:\n        return HTTPException\n    from fastapi import HTTPException\n    raise HTTPException(400)", "", "import statement"},
		{"used-in-other-branch", "if n:\n        from fastapi import HTTPException\n    else:\n        raise HTTPException(400)\n    return 1", "", "import statement"},
		{"rebound", "from fastapi import HTTPException\n    HTTPException = 1\n    return HTTPException", "", "import statement"},
		{"twice", "from fastapi import HTTPException\n    from fastapi import HTTPException\n    raise HTTPException(400)", "", "import statement"},
		{"parameter", "from fastapi import status as s\n    return s", "", "import statement"},
		{"app-module-not-imported", "from other import X\n    return X", "", "import statement"},
		{"relative", "from . import x\n    return x", "", "import statement"},
		{"star", "from fastapi import *\n    return 1", "", "import statement"},
		{"plain-import", "import fastapi\n    return 1", "", "import statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "from fastapi import BackgroundTasks\n\ndef f(tasks: BackgroundTasks, n: int, s: str):\n    " + tt.body + "\n"
			code, diags := translateTasks(t, src)
			if tt.refuse != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags %v, want %q", diags, tt.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			if !strings.Contains(code, tt.want) {
				t.Errorf("code lacks %q:\n%s", tt.want, code)
			}
		})
	}
}
