package request

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http/httptest"
	"os"
	"testing"
)

// TestUploadPyValue requires the pyval UploadFile of every file of the recorded forms
// (testdata/forms.json, Starlette's request.form()) to carry Starlette's filename,
// content_type, size and data, and the part's headers in order.
func TestUploadPyValue(t *testing.T) {
	b, err := os.ReadFile("testdata/forms.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []formCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, c := range cases {
		if c.Want.Status != 0 {
			continue
		}
		body, _ := base64.StdEncoding.DecodeString(c.BodyB64)
		hr := httptest.NewRequest("POST", "/", bytes.NewReader(body))
		if c.ContentType != nil {
			hr.Header.Set("Content-Type", *c.ContentType)
		}
		var rq Request
		rq.Reset(hr)
		form, err := rq.FormWith(FormLimits{MaxFiles: c.Limits["max_files"], MaxFields: c.Limits["max_fields"], MaxPartSize: c.Limits["max_part_size"]})
		if err != nil || len(form.Items) != len(c.Want.Items) {
			t.Fatalf("%s: form %v, %v", c.Name, form, err)
		}
		for i, w := range c.Want.Items {
			if w.Value != nil {
				continue
			}
			files++
			f := form.Items[i].File
			u := f.PyValue()
			data, _ := base64.StdEncoding.DecodeString(w.Data)
			if u.TypeName() != "UploadFile" || u.Filename != w.Filename || !bytes.Equal(u.Data, data) || u.Size() != len(data) {
				t.Errorf("%s item %d: %q %q, want %q %q", c.Name, i, u.Filename, u.Data, w.Filename, data)
			}
			ct, ok := u.ContentType()
			if ok != (w.ContentType != nil) || ok && ct != *w.ContentType {
				t.Errorf("%s item %d: content type %q/%v, want %v", c.Name, i, ct, ok, w.ContentType)
			}
			if len(u.Headers) != len(f.Headers) {
				t.Fatalf("%s item %d: %d headers, want %d", c.Name, i, len(u.Headers), len(f.Headers))
			}
			for j, h := range f.Headers {
				if u.Headers[j].Name != h.Name || u.Headers[j].Value != h.Value {
					t.Errorf("%s item %d header %d: %v, want %v", c.Name, i, j, u.Headers[j], h)
				}
			}
		}
	}
	if files == 0 {
		t.Fatal("no file in the recorded forms")
	}
}
