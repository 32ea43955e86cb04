package pyval

import "testing"

// TestFormData checks FormData's methods against ImmutableMultiDict's behaviour: the
// last value of a key for get and [], all of them for getlist, pairs in order.
func TestFormData(t *testing.T) {
	up := &UploadFile{Filename: "a.txt"}
	f := &FormData{Items: []FormPair{{"a", Str("1")}, {"f", up}, {"a", Str("2")}}}
	reprOf := func(v Value, err error) string {
		if err != nil {
			return "error " + err.Error()
		}
		if v == Value(up) {
			return "<upload>"
		}
		r, err := Repr(v)
		if err != nil {
			return "repr error"
		}
		return string(r)
	}
	tests := []struct {
		name string
		got  func() (Value, error)
		want string
	}{
		{"get last", func() (Value, error) { return FormGet(f, Str("a"), nil) }, "'2'"},
		{"get missing", func() (Value, error) { return FormGet(f, Str("z"), nil) }, "None"},
		{"get default", func() (Value, error) { return FormGet(f, Str("z"), Str("d")) }, "'d'"},
		{"get file", func() (Value, error) { return FormGet(f, Str("f"), nil) }, "<upload>"},
		{"getlist", func() (Value, error) { return FormGetList(f, Str("a")) }, "['1', '2']"},
		{"getlist missing", func() (Value, error) { return FormGetList(f, Str("z")) }, "[]"},
		{"item", func() (Value, error) { return FormItem(f, Str("a")) }, "'2'"},
		{"item missing", func() (Value, error) { return FormItem(f, Str("z")) }, "error KeyError: 'z'"},
		{"hasattr str", func() (Value, error) { return FormItemHasAttr(Str("x"), "filename") }, "False"},
		{"hasattr file", func() (Value, error) { return FormItemHasAttr(up, "filename") }, "True"},
	}
	for _, tt := range tests {
		if got := reprOf(tt.got()); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	items, err := FormMultiItems(f)
	if err != nil {
		t.Fatal(err)
	}
	l := items.(*List)
	if len(l.Items) != 3 || l.Items[1].(Tuple)[1] != Value(up) || l.Items[2].(Tuple)[0] != Str("a") {
		t.Errorf("multi_items: %v", l.Items)
	}
}
