package request

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFormCached checks request.form() parses once per request, as Starlette keeps its
// FormData, and that Reset forgets it.
func TestFormCached(t *testing.T) {
	body := "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nxy\r\n--b--\r\n"
	hr := httptest.NewRequest("POST", "/", strings.NewReader(body))
	hr.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	var rq Request
	rq.Reset(hr)
	f1, err := rq.Form()
	if err != nil {
		t.Fatal(err)
	}
	f2, err := rq.Form()
	if err != nil || f1 != f2 || f1.Items[0].File.PyValue() != f2.Items[0].File.PyValue() {
		t.Fatalf("second form() is another FormData: %v %p %p", err, f1, f2)
	}
	hr2 := httptest.NewRequest("POST", "/", strings.NewReader("a=1"))
	hr2.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rq.Reset(hr2)
	f3, err := rq.Form()
	if err != nil || len(f3.Items) != 1 || f3.Items[0].Name != "a" {
		t.Fatalf("after Reset: %v %+v", err, f3)
	}
}
