package replay

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// ignoredHeaders are never compared (see the package comment).
var ignoredHeaders = map[string]bool{
	"date": true, "server": true, "connection": true, "keep-alive": true, "transfer-encoding": true,
}

// compare checks a wire response against the recorded one and returns the
// problems (mismatches) and notes (accepted differences).
func compare(want RecordedResp, got *WireResponse) (problems, notes []string) {
	if want.Status != got.Status {
		problems = append(problems, fmt.Sprintf("status: got %d, want %d", got.Status, want.Status))
	}
	wantRaw, err := want.Body()
	if err != nil {
		return append(problems, "golden body_b64: "+err.Error()), notes
	}
	wantEnc := headerValue(want.Headers, "content-encoding")
	gotEnc, _ := got.Get("content-encoding")
	wantBody, err := decodeBody(wantRaw, wantEnc)
	if err != nil {
		problems = append(problems, "golden body: "+err.Error())
	}
	gotBody, err := decodeBody(got.Body, gotEnc)
	if err != nil {
		problems = append(problems, "body: "+err.Error())
	}
	encoded := isCompressed(wantEnc) || isCompressed(gotEnc)

	bodyBytesEqual := bytes.Equal(wantBody, gotBody)
	bodyOK := bodyBytesEqual
	if !bodyBytesEqual {
		if isJSONType(headerValue(want.Headers, "content-type")) {
			eq, orderDiff, why := jsonEqual(wantBody, gotBody)
			if eq {
				bodyOK = true
				if orderDiff {
					notes = append(notes, "JSON body equal but object key order differs")
				}
			} else {
				problems = append(problems, "body (JSON): "+why+"\n  got:  "+clip(gotBody)+"\n  want: "+clip(wantBody))
			}
		} else {
			problems = append(problems, "body: "+firstDiff(wantBody, gotBody)+"\n  got:  "+clip(gotBody)+"\n  want: "+clip(wantBody))
		}
	}

	problems = append(problems, compareHeaders(want.Headers, got.Headers, bodyBytesEqual, bodyOK, encoded, len(got.Body))...)
	return problems, notes
}

func compareHeaders(want, got [][2]string, bytesEqual, bodyOK, encoded bool, gotLen int) []string {
	var problems []string
	names := []string{}
	seen := map[string]bool{}
	for _, h := range append(slices.Clone(want), got...) {
		n := strings.ToLower(h[0])
		if !seen[n] && !ignoredHeaders[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, n := range names {
		w, g := headerValues(want, n), headerValues(got, n)
		switch n {
		case "content-length":
			switch {
			case encoded:
				continue
			case bytesEqual || !bodyOK:
				// equal bodies: equal lengths; a differing body is already reported,
				// but say so when the length differs too.
			default:
				// JSON-equal bodies of different byte lengths: presence must match
				// and the value must be the service's own body length.
				if (len(w) == 0) != (len(g) == 0) {
					problems = append(problems, fmt.Sprintf("content-length: got %q, want %q", g, w))
				} else if len(g) > 0 && g[0] != strconv.Itoa(gotLen) {
					problems = append(problems, fmt.Sprintf("content-length: got %q for a %d-byte body", g[0], gotLen))
				}
				continue
			}
		case "allow":
			if !sameMethodSet(w, g) {
				problems = append(problems, fmt.Sprintf("allow: got %q, want %q (compared as sets)", g, w))
			}
			continue
		}
		if !slices.Equal(w, g) {
			switch {
			case len(g) == 0:
				problems = append(problems, fmt.Sprintf("header %s: missing, want %q", n, w))
			case len(w) == 0:
				problems = append(problems, fmt.Sprintf("header %s: unexpected %q", n, g))
			default:
				problems = append(problems, fmt.Sprintf("header %s: got %q, want %q", n, g, w))
			}
		}
	}
	return problems
}

func headerValues(hs [][2]string, name string) []string {
	var out []string
	for _, h := range hs {
		if strings.EqualFold(h[0], name) {
			out = append(out, h[1])
		}
	}
	return out
}

func headerValue(hs [][2]string, name string) string {
	if v := headerValues(hs, name); len(v) > 0 {
		return v[0]
	}
	return ""
}

func sameMethodSet(a, b []string) bool {
	set := func(vs []string) []string {
		var out []string
		for _, v := range vs {
			for _, m := range strings.Split(v, ",") {
				out = append(out, strings.TrimSpace(m))
			}
		}
		slices.Sort(out)
		return out
	}
	return len(a) == len(b) && slices.Equal(set(a), set(b))
}

func isCompressed(enc string) bool {
	enc = strings.ToLower(strings.TrimSpace(enc))
	return enc == "gzip" || enc == "deflate"
}

// decodeBody undoes a gzip or deflate content-encoding.
func decodeBody(b []byte, enc string) ([]byte, error) {
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return b, err
		}
		r = zr
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(b)); err == nil {
			r = zr
		} else {
			r = flate.NewReader(bytes.NewReader(b))
		}
	default:
		return b, nil
	}
	return io.ReadAll(r)
}

// isJSONType is the recorder's is_json_type.
func isJSONType(ct string) bool {
	main, _, _ := strings.Cut(ct, ";")
	main = strings.ToLower(strings.TrimSpace(main))
	kind, sub, ok := strings.Cut(main, "/")
	return ok && kind == "application" && (sub == "json" || strings.HasSuffix(sub, "+json"))
}

// jsonEqual compares two JSON documents: numbers by their exact text,
// objects as key sets (orderDiff reports a different key order).
func jsonEqual(a, b []byte) (eq, orderDiff bool, why string) {
	da, err := pyjson.Parse(a)
	if err != nil {
		return false, false, "golden body is not JSON: " + err.Error()
	}
	db, err := pyjson.Parse(b)
	if err != nil {
		return false, false, "not JSON: " + err.Error()
	}
	c := &jsonCmp{}
	if !c.equal(da.Root(), db.Root(), "$") {
		return false, false, c.why
	}
	return true, c.orderDiff, ""
}

type jsonCmp struct {
	orderDiff bool
	why       string
}

func (c *jsonCmp) fail(path, format string, args ...any) bool {
	c.why = path + ": " + fmt.Sprintf(format, args...)
	return false
}

func (c *jsonCmp) equal(want, got pyjson.Value, path string) bool {
	if want.Kind() != got.Kind() {
		return c.fail(path, "got %s %s, want %s %s", got.Kind(), show(got), want.Kind(), show(want))
	}
	switch want.Kind() {
	case pyjson.KindString:
		if want.Str() != got.Str() {
			return c.fail(path, "got %q, want %q", got.Str(), want.Str())
		}
	case pyjson.KindInt, pyjson.KindFloat, pyjson.KindNull, pyjson.KindTrue, pyjson.KindFalse:
		if want.Literal() != got.Literal() {
			return c.fail(path, "got %s, want %s", got.Literal(), want.Literal())
		}
	case pyjson.KindArray:
		if want.Len() != got.Len() {
			return c.fail(path, "got %d elements, want %d", got.Len(), want.Len())
		}
		wi, gi := want.Elems(), got.Elems()
		for wi.Next() && gi.Next() {
			if !c.equal(wi.Value(), gi.Value(), path+"["+strconv.Itoa(wi.Index())+"]") {
				return false
			}
		}
	case pyjson.KindObject:
		if want.Len() != got.Len() {
			return c.fail(path, "got keys %q, want %q", keys(got), keys(want))
		}
		wk, gk := keys(want), keys(got)
		if !slices.Equal(wk, gk) {
			c.orderDiff = true
		}
		for it := want.Members(); it.Next(); {
			gv, ok := got.Get(it.Key())
			if !ok {
				return c.fail(path, "missing key %q (got keys %q)", it.Key(), gk)
			}
			if !c.equal(it.Value(), gv, path+"."+it.Key()) {
				return false
			}
		}
	}
	return true
}

func keys(v pyjson.Value) []string {
	var out []string
	for it := v.Members(); it.Next(); {
		out = append(out, it.Key())
	}
	return out
}

func show(v pyjson.Value) string {
	b, err := pyjson.AppendValue(nil, v)
	if err != nil {
		return v.Literal()
	}
	return clip(b)
}

func clip(b []byte) string {
	const max = 300
	if len(b) > max {
		return strconv.Quote(string(b[:max])) + "..."
	}
	return strconv.Quote(string(b))
}

func firstDiff(want, got []byte) string {
	n := min(len(want), len(got))
	for i := 0; i < n; i++ {
		if want[i] != got[i] {
			return fmt.Sprintf("differs at byte %d (got %d bytes, want %d)", i, len(got), len(want))
		}
	}
	return fmt.Sprintf("got %d bytes, want %d", len(got), len(want))
}
