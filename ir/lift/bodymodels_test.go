package lift_test

import (
	"sort"
	"strings"
	"testing"
)

// TestBodyModels checks that models only constructed in function bodies are lifted when
// fully resolved, and left out (with no diagnostic for the app) otherwise.
func TestBodyModels(t *testing.T) {
	src := `from typing import Optional
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Out(BaseModel):
    name: str


class InDB(Out):
    secret: str


class Weird(BaseModel):
    x: "Undefined"


class Unused(BaseModel):
    y: int


@app.get("/u", response_model=Out)
def u():
    if not u:
        Weird(x=1)
    return InDB(name="a", secret="b")
`
	app, err := liftFiles(t, map[string]string{"main.py": src}, "main:app", nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range app.Models {
		names = append(names, m.Name)
	}
	sort.Strings(names)
	if got := strings.Join(names, ","); got != "InDB,Out" {
		t.Errorf("models %s, want InDB,Out", got)
	}
	if ds := app.AllDiagnostics(); len(ds) > 0 {
		t.Errorf("diagnostics: %v", ds)
	}
}
