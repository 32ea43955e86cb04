package request

import (
	"strings"

	"github.com/covetpy/covetgen/runtime/pyval"
)

// UploadFile is Starlette's UploadFile: a file part of a multipart form.
// The content is held in memory.
type UploadFile struct {
	Filename string
	// ContentType is the part's content-type header; HasContentType is
	// false when the part had none (content_type is None).
	ContentType    string
	HasContentType bool
	// Headers are the part's headers, names lower-case, values latin-1.
	Headers []Pair
	Data    []byte
	// py is the value PyValue gave (one object per part, as Starlette's form holds).
	py *pyval.UploadFile
}

// Size is UploadFile.size.
func (f *UploadFile) Size() int { return len(f.Data) }

// FormItem is one form field: a string Value, or a File.
type FormItem struct {
	Name  string
	Value string
	File  *UploadFile
}

// IsFile reports an UploadFile item.
func (it FormItem) IsFile() bool { return it.File != nil }

// Form is Starlette's FormData (an ImmutableMultiDict).
type Form struct {
	Items []FormItem
}

// Get returns the last item named name (form[name]).
func (f *Form) Get(name string) (FormItem, bool) {
	for i := len(f.Items) - 1; i >= 0; i-- {
		if f.Items[i].Name == name {
			return f.Items[i], true
		}
	}
	return FormItem{}, false
}

// All returns every item named name in order (form.getlist(name)).
func (f *Form) All(name string) []FormItem {
	var out []FormItem
	for _, it := range f.Items {
		if it.Name == name {
			out = append(out, it)
		}
	}
	return out
}

// FormLimits are request.form()'s limits; zero fields mean Starlette's
// defaults (1000 files, 1000 fields, 1 MiB per non-file part).
type FormLimits struct {
	MaxFiles, MaxFields, MaxPartSize int
}

func (l FormLimits) withDefaults() FormLimits {
	if l.MaxFiles <= 0 {
		l.MaxFiles = 1000
	}
	if l.MaxFields <= 0 {
		l.MaxFields = 1000
	}
	if l.MaxPartSize <= 0 {
		l.MaxPartSize = 1024 * 1024
	}
	return l
}

// Form parses the body as request.form() does with the default limits.
func (r *Request) Form() (*Form, error) { return r.FormWith(FormLimits{}) }

// FormWith is request.form(max_files=..., max_fields=..., max_part_size=...):
// multipart/form-data and application/x-www-form-urlencoded are parsed (the
// Content-Type compared as python-multipart's parse_options_header gives
// it); any other content type gives an empty form. Multipart errors are 400
// HTTPExceptions with Starlette's message, or FastAPI's "There was an error
// parsing the body".
func (r *Request) FormWith(limits FormLimits) (*Form, error) {
	if r.form.parsed { // Starlette parses once and keeps the FormData (form_cache.go)
		return r.form.form, r.form.err
	}
	f, err := r.parseForm(limits)
	r.form = formCache{form: f, err: err, parsed: true}
	return f, err
}

// parseForm parses the body as FormWith describes.
func (r *Request) parseForm(limits FormLimits) (*Form, error) {
	ct, _ := r.Header("Content-Type")
	ctype, params := ParseOptionsHeader(ct)
	switch ctype {
	case "multipart/form-data":
		body, err := r.Body()
		if err != nil {
			return nil, err
		}
		return parseMultipart(body, params, limits.withDefaults())
	case "application/x-www-form-urlencoded":
		body, err := r.Body()
		if err != nil {
			return nil, err
		}
		return parseURLEncoded(body), nil
	}
	return &Form{}, nil
}

// parseURLEncoded is Starlette's FormParser over python-multipart's
// QuerystringParser: fields split on '&', empty ones skipped, a field
// without '=' has an empty value, each side unquote_plus'ed after a latin-1
// decode -- the rules of ParseQS.
func parseURLEncoded(body []byte) *Form {
	pairs := ParseQS(nil, string(body))
	f := &Form{Items: make([]FormItem, len(pairs))}
	for i, p := range pairs {
		f.Items[i] = FormItem{Name: p.Name, Value: p.Value}
	}
	return f
}

// ParseOptionsHeader is python-multipart's parse_options_header over a
// (latin-1 decoded) header value: without ';' the whole value lower-cased
// and stripped; otherwise the first piece as _parseparam leaves it (not
// lower-cased) and the parameters, quotes removed, "key*" ones ignored.
func ParseOptionsHeader(value string) (string, map[string]string) {
	if value == "" {
		return "", nil
	}
	if !strings.Contains(value, ";") {
		return pyStrip(strings.ToLower(value)), nil
	}
	parts := parseParam(value)
	ctype := parts[0]
	opts := map[string]string{}
	for _, seg := range parts[1:] {
		key, val, _ := strings.Cut(seg, "=")
		if strings.Contains(key, "*") {
			continue
		}
		if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
			val = strings.ReplaceAll(val[1:len(val)-1], `\\`, `\`)
			val = strings.ReplaceAll(val, `\"`, `"`)
		}
		if key == "filename" && (sliceStr(val, 1, 3) == `:\` || sliceStr(val, 0, 2) == `\\`) {
			i := strings.LastIndex(val, `\`)
			val = val[i+1:]
		}
		opts[key] = val
	}
	return ctype, opts
}

// sliceStr is Python's s[i:j] (clamped).
func sliceStr(s string, i, j int) string {
	if i > len(s) {
		i = len(s)
	}
	if j > len(s) {
		j = len(s)
	}
	if i >= j {
		return ""
	}
	return s[i:j]
}

// pyFind is str.find(sub, start, end) with Python's clamping.
func pyFind(s, sub string, start, end int) int {
	if end > len(s) {
		end = len(s)
	}
	if start < 0 {
		start = 0
	}
	if start > end {
		return -1
	}
	if i := strings.Index(s[start:end], sub); i >= 0 {
		return start + i
	}
	return -1
}

// pyCount is str.count(sub, start, end).
func pyCount(s, sub string, start, end int) int {
	if end > len(s) {
		end = len(s)
	}
	if start < 0 {
		start = 0
	}
	if start > end {
		return 0
	}
	return strings.Count(s[start:end], sub)
}

// parseParam is python-multipart's vendored _parseparam, line for line.
func parseParam(v string) []string {
	s := ";" + v
	var plist []string
	start := 0
	for pyFind(s, ";", start, len(s)) == start {
		start++
		end := pyFind(s, ";", start, len(s))
		ind, diff := start, 0
		for end > 0 {
			diff += pyCount(s, `"`, ind, end) - pyCount(s, `\"`, ind, end)
			if diff%2 == 0 {
				break
			}
			end, ind = ind, pyFind(s, ";", end+1, len(s))
		}
		if end < 0 {
			end = len(s)
		}
		i := pyFind(s, "=", start, end)
		var f string
		if i == -1 {
			f = sliceStr(s, start, end)
		} else {
			f = strings.ToLower(strings.TrimRight(sliceStr(s, start, i), " \t\n\r\v\f")) + "=" + strings.TrimLeft(sliceStr(s, i+1, end), " \t\n\r\v\f")
		}
		plist = append(plist, pyStrip(f))
		start = end
	}
	return plist
}
