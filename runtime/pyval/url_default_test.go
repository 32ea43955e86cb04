package pyval

import (
	"testing"

	"github.com/covetpy/covetgen/runtime/validate"
)

// TestFromURL checks that a str default is a str in Python code and a validated URL a URL.
func TestFromURL(t *testing.T) {
	if v, ok := FromURL(validate.URLStrDefault("https://a.example", false)).(Str); !ok || v != "https://a.example" {
		t.Fatalf("str default: %#v", v)
	}
	u, err := validate.HTTPURLFromString("https://a.example")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := FromURL(u).(URL); !ok || v.TypeName() != "HttpUrl" {
		t.Fatalf("url: %#v", FromURL(u))
	}
}
