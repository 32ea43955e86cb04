package request

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/covetpy/covetgen/runtime/response"
)

// testdata/forms.json was recorded from Starlette 0.47.3's request.form()
// with python-multipart (the recording stack) by feeding each body as one
// ASGI message; "want" is the FormData items or the HTTPException.
type formCase struct {
	Name        string         `json:"name"`
	ContentType *string        `json:"content_type"`
	BodyB64     string         `json:"body_b64"`
	Limits      map[string]int `json:"limits"`
	Want        struct {
		Status int    `json:"status"`
		Detail string `json:"detail"`
		Items  []struct {
			Name        string  `json:"name"`
			Value       *string `json:"value"`
			Filename    string  `json:"filename"`
			ContentType *string `json:"content_type"`
			Data        string  `json:"data"`
		} `json:"items"`
	} `json:"want"`
}

func TestFormsRecorded(t *testing.T) {
	b, err := os.ReadFile("testdata/forms.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []formCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			body, _ := base64.StdEncoding.DecodeString(c.BodyB64)
			hr := httptest.NewRequest("POST", "/", bytes.NewReader(body))
			if c.ContentType != nil {
				hr.Header.Set("Content-Type", *c.ContentType)
			}
			var rq Request
			rq.Reset(hr)
			form, err := rq.FormWith(FormLimits{MaxFiles: c.Limits["max_files"], MaxFields: c.Limits["max_fields"], MaxPartSize: c.Limits["max_part_size"]})
			if c.Want.Status != 0 {
				var he *response.HTTPException
				if !errors.As(err, &he) || he.Status != c.Want.Status || he.Detail != c.Want.Detail {
					t.Fatalf("got %v (%#v), want %d %q", err, he, c.Want.Status, c.Want.Detail)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if len(form.Items) != len(c.Want.Items) {
				t.Fatalf("got %d items %+v, want %d", len(form.Items), form.Items, len(c.Want.Items))
			}
			for i, w := range c.Want.Items {
				g := form.Items[i]
				if g.Name != w.Name {
					t.Errorf("item %d name %q, want %q", i, g.Name, w.Name)
				}
				if w.Value != nil {
					if g.File != nil || g.Value != *w.Value {
						t.Errorf("item %d value %q (file %v), want %q", i, g.Value, g.File != nil, *w.Value)
					}
					continue
				}
				if g.File == nil {
					t.Fatalf("item %d: want a file", i)
				}
				data, _ := base64.StdEncoding.DecodeString(w.Data)
				if g.File.Filename != w.Filename || !bytes.Equal(g.File.Data, data) {
					t.Errorf("item %d file %q %q, want %q %q", i, g.File.Filename, g.File.Data, w.Filename, data)
				}
				if (w.ContentType == nil) == g.File.HasContentType || (w.ContentType != nil && *w.ContentType != g.File.ContentType) {
					t.Errorf("item %d content type %q/%v, want %v", i, g.File.ContentType, g.File.HasContentType, w.ContentType)
				}
			}
		})
	}
}

func TestParseOptionsHeader(t *testing.T) {
	// Expectations from python-multipart's parse_options_header.
	tests := []struct {
		in    string
		ctype string
		opts  map[string]string
	}{
		{"multipart/form-data; boundary=abc", "multipart/form-data", map[string]string{"boundary": "abc"}},
		{`Multipart/Form-Data; boundary="a;b"; charset=utf-8`, "Multipart/Form-Data", map[string]string{"boundary": "a;b", "charset": "utf-8"}},
		{`form-data; name="f"; filename="C:\x\y.txt"`, "form-data", map[string]string{"name": "f", "filename": "y.txt"}},
		{`a; b="x\"y"; c=1`, "a", map[string]string{"b": `x"y`, "c": "1"}},
		{"x;;y=1", "x", map[string]string{"": "", "y": "1"}},
		{`x; q="a;b;c"; d="e"`, "x", map[string]string{"q": "a;b;c", "d": "e"}},
		{`x; a="`, "x", map[string]string{"a": `"`}},
		{`x; a="b;c`, "x", map[string]string{"a": `"b;c`}},
		{" Text/Plain ", "text/plain", nil},
	}
	for _, tt := range tests {
		ct, opts := ParseOptionsHeader(tt.in)
		if ct != tt.ctype || len(opts) != len(tt.opts) {
			t.Errorf("ParseOptionsHeader(%q) = %q %q, want %q %q", tt.in, ct, opts, tt.ctype, tt.opts)
			continue
		}
		for k, v := range tt.opts {
			if opts[k] != v {
				t.Errorf("ParseOptionsHeader(%q)[%q] = %q, want %q", tt.in, k, opts[k], v)
			}
		}
	}
}

func TestBodyLimit(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		length  int64 // ContentLength as sent (-1: chunked)
		limit   int64
		want413 bool
	}{
		{"under", "12345", 5, 10, false},
		{"exact", "1234567890", 10, 10, false},
		{"declared-over", "12345678901", 11, 10, true},
		{"chunked-over", "12345678901", -1, 10, true},
		{"chunked-under", "123", -1, 10, false},
		{"no-limit", "12345678901", 11, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hr := httptest.NewRequest("POST", "/", bytes.NewReader([]byte(tt.body)))
			hr.ContentLength = tt.length
			var rq Request
			rq.Reset(hr)
			rq.MaxBody = tt.limit
			b, err := rq.Body()
			var he *response.HTTPException
			if tt.want413 {
				if !errors.As(err, &he) || he.Status != 413 {
					t.Fatalf("got %q, %v; want 413", b, err)
				}
				return
			}
			if err != nil || string(b) != tt.body {
				t.Fatalf("got %q, %v", b, err)
			}
		})
	}
	// http.MaxBytesReader set by a server also answers 413.
	hr := httptest.NewRequest("POST", "/", bytes.NewReader([]byte("123456")))
	hr.Body = http.MaxBytesReader(httptest.NewRecorder(), hr.Body, 3)
	var rq Request
	rq.Reset(hr)
	var he *response.HTTPException
	if _, err := rq.Body(); !errors.As(err, &he) || he.Status != 413 {
		t.Fatalf("MaxBytesReader: got %v", err)
	}
}
