package codegen

import (
	"strings"
	"testing"
)

// nullableApp stores the dump of a NotePatch into a Note with model_copy (its title and
// done may then hold None); extra is added at its end.
const nullableApp = `from typing import Dict, List, Optional
from fastapi import FastAPI
from pydantic import BaseModel
app = FastAPI()


class Note(BaseModel):
    title: str
    done: bool = False


class NotePatch(BaseModel):
    title: Optional[str] = None
    done: Optional[bool] = None


class Page(BaseModel):
    items: List[Note]


class Box(BaseModel):
    notes: Dict[str, Note]


def get(i: int) -> Note:
    return Note(title="n")


@app.patch("/n/{i}", response_model=Note)
def patch(i: int, p: NotePatch):
    cur = get(i)
    changes = p.model_dump(exclude_unset=True)
    return cur.model_copy(update=changes)
`

func TestNullableModelGenerated(t *testing.T) {
	out, rs := generate(t, nullableApp+"\n\n@app.get('/page', response_model=Page)\ndef page():\n    return Page(items=[get(1)])\n")
	if len(rs) > 0 {
		t.Fatalf("refused: %v", rs)
	}
	models := string(out.Files["models.go"])
	for _, want := range []string{
		"validate.FieldsSet // fields holding a None stored unvalidated by model_copy(update=)",
		"func (o *Note) TypedField(i int) pyval.Value",
		"func (o *Note) SetNullField(i int)",
		"case 0, 1:",
		`e.Field("title", "", o.Set.Has(0), false, o.Null.Has(0))`,
		`e.Field("done", "", o.Set.Has(1), !o.Null.Has(1) && o.Done == false, o.Null.Has(1))`,
	} {
		if !strings.Contains(models, want) {
			t.Errorf("models.go lacks %q", want)
		}
	}
	if strings.Contains(models, "func (o *NotePatch) SetNullField") || strings.Contains(models, "func (o *Page) SetNullField") {
		t.Error("a model no update stores None into is nullable")
	}
	app := string(out.Files["app.go"]) + string(out.Files["main_py.go"])
	if !strings.Contains(app, "pyval.BeneathOf(res)") || !strings.Contains(app, "pyval.RestoreNulls(res, m)") {
		t.Error("path A of Page does not keep the Nones of its items")
	}
}

func TestNullableModelRefused(t *testing.T) {
	for _, tc := range []struct{ route, want string }{
		{"@app.get('/all', response_model=List[Note])\ndef all_notes():\n    return [get(1)]\n",
			"response model list[Note]: a response model other than a model class may hold an instance storing an unvalidated None"},
		{"@app.get('/box', response_model=Box)\ndef box():\n    return {'notes': {'a': get(1)}}\n",
			"response model Box: a value of type dict[str, Note] may hold an instance storing an unvalidated None"},
	} {
		an := analyze(t, nullableApp+"\n\n"+tc.route)
		found := false
		for _, r := range an.Routes {
			for _, x := range r.Refusals {
				if strings.Contains(x.What, tc.want) {
					found = true
				}
			}
		}
		if !found {
			var all []string
			for _, r := range an.Routes {
				for _, x := range r.Refusals {
					all = append(all, x.What)
				}
			}
			t.Errorf("no refusal %q in %v", tc.want, all)
		}
	}
}
