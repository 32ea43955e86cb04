package validate

import "testing"

// TestURLStrDefault checks that a str default stays the text given (pydantic does not
// normalize it: "https://a.example" keeps no trailing slash) and is told apart from a
// URL validated from the same text.
func TestURLStrDefault(t *testing.T) {
	d := URLStrDefault("https://a.example", false)
	if !d.IsStrDefault() || d.String() != "https://a.example" || string(d.AppendJSON(nil)) != `"https://a.example"` {
		t.Fatalf("default %+v", d)
	}
	u, err := HTTPURLFromString("https://a.example")
	if err != nil {
		t.Fatal(err)
	}
	if u.IsStrDefault() || u.String() != "https://a.example/" || u == d {
		t.Fatalf("validated %+v", u)
	}
}
