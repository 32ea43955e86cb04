package codegen

import (
	"strings"
	"testing"
)

// TestDependencyValueTypes checks that a dependency's value is typed by what the
// dependency returns (FastAPI passes it to the parameter unchanged, its annotation
// unchecked): the fields of a model every return yields can be read; a dependency that
// may return something else, or whose end is reachable, leaves the value untyped and the
// route refused at the attribute.
func TestDependencyValueTypes(t *testing.T) {
	const head = "from typing import Annotated, Optional\nfrom fastapi import FastAPI, Depends, HTTPException\nfrom pydantic import BaseModel\napp = FastAPI()\n" +
		"class User(BaseModel):\n    name: str\n    admin: bool = False\n"
	tests := []struct {
		name, src string
		want      string // in the generated files, or (refused) in a refusal
		refused   bool
	}{
		{"model returned", "def cur(u: str):\n    if not u:\n        raise HTTPException(401)\n    return User(name=u)\n@app.get('/')\ndef f(user: Annotated[User, Depends(cur)]):\n    return user.name\n",
			"func py_cur(u pyval.Value) (pyval.Value, error) {", false},
		{"chained", "def cur(u: str):\n    return User(name=u)\ndef admin(user: User = Depends(cur)):\n    if not user.admin:\n        raise HTTPException(403)\n    return user\n@app.get('/')\ndef f(user: Annotated[User, Depends(admin)]):\n    return {'n': user.name}\n",
			"func py_admin(user pyval.Value) (pyval.Value, error) {", false},
		{"annotation only", "def cur(u: str) -> User:\n    return {'name': u}\n@app.get('/')\ndef f(user: Annotated[User, Depends(cur)]):\n    return user.name\n",
			"main.py:12:12: cannot translate attribute name of a value of unknown type", true},
		{"end reachable", "def cur(u: str):\n    if u:\n        return User(name=u)\n@app.get('/')\ndef f(user: Annotated[Optional[User], Depends(cur)]):\n    return user.name\n",
			"main.py:13:12: cannot translate attribute name of a value of unknown type", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src)
			var got strings.Builder
			for _, r := range rs {
				got.WriteString(r.String() + "\n")
			}
			if tt.refused {
				for _, ra := range analyze(t, head+tt.src).Routes {
					for _, r := range ra.Refusals {
						got.WriteString(r.String() + "\n")
					}
				}
			} else {
				if out == nil {
					t.Fatalf("refused:\n%s", got.String())
				}
				got.Reset()
				for _, b := range out.Files {
					got.Write(b)
				}
			}
			if !strings.Contains(got.String(), tt.want) {
				t.Errorf("missing %q in:\n%s", tt.want, got.String())
			}
		})
	}
}
