package codegen

import (
	"strings"
	"testing"
)

// TestAliasModels checks which models with validation aliases are generated (the
// lookup of AliasChoices / AliasPath, the aliases of an alias_generator) and which stay
// with pydantic, their routes bridged with the reason. What the generated ones do is
// checked against FastAPI by migrate's TestE2E on the aliases_unions and
// routers_nested_options corpus apps.
func TestAliasModels(t *testing.T) {
	const head = "from typing import Optional\nfrom fastapi import FastAPI\n" +
		"from pydantic import AliasChoices, AliasPath, BaseModel, ConfigDict, Field, HttpUrl\n" +
		"from pydantic.alias_generators import to_camel\napp = FastAPI()\n"
	tests := []struct {
		name, src string
		native    bool
		want      string // in models.go when native, in the bridged route's reasons otherwise
	}{
		{"choices", "class M(BaseModel):\n    a: int = Field(validation_alias=AliasChoices('x', AliasPath('y', 0, 'z')))\n",
			true, `validate.Key("y"), validate.Index(0), validate.Key("z")`},
		{"generator", "class M(BaseModel):\n    model_config = ConfigDict(alias_generator=to_camel)\n    user_id: int\n",
			true, `case "userId":`},
		{"forbid", "class M(BaseModel):\n    model_config = ConfigDict(extra='forbid')\n    a: int = Field(validation_alias=AliasPath('x', 'y'))\n",
			false, `AliasChoices or AliasPath with extra="forbid"`},
		{"url str default", "class M(BaseModel):\n    u: Optional[HttpUrl] = 'https://a.example'\n",
			true, `validate.URLStrDefault("https://a.example", false)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generate(t, head+tt.src+"@app.post('/')\ndef f(m: M):\n    return 1\n")
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			if tt.native {
				if out.Routes != 1 {
					t.Fatalf("%d native routes, want 1: %v", out.Routes, rs)
				}
				if src := string(out.Files["models.go"]); !strings.Contains(src, tt.want) {
					t.Errorf("models.go lacks %q:\n%s", tt.want, src)
				}
				return
			}
			if out.Bridged != 1 || out.Routes != 0 {
				t.Fatalf("%d native, %d bridged routes; want the route bridged", out.Routes, out.Bridged)
			}
			if src := string(out.Files["main_py.go"]); !strings.Contains(src, tt.want) {
				t.Errorf("the bridged route's reasons lack %q:\n%s", tt.want, src)
			}
		})
	}
}
