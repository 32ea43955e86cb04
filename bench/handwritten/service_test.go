package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestMatchesFastAPI replays bench/cases.json against the router and compares with
// bench/golden.json, FastAPI's answers recorded by bench/check.py (bench/run.sh checks
// the live servers the same way before timing them).
func TestMatchesFastAPI(t *testing.T) {
	var cases struct {
		Cases []struct {
			Name, Method, Path, Body string
			Headers                  map[string]string
		}
	}
	var golden map[string]struct {
		Status      int    `json:"status"`
		ContentType string `json:"content_type"`
		Body        string `json:"body"`
	}
	readJSON(t, "../cases.json", &cases)
	readJSON(t, "../golden.json", &golden)
	h := newRouter()
	for _, c := range cases.Cases {
		t.Run(c.Name, func(t *testing.T) {
			want, ok := golden[c.Name]
			if !ok {
				t.Fatalf("no golden answer for %s: re-record bench/golden.json", c.Name)
			}
			req := httptest.NewRequest(c.Method, c.Path, strings.NewReader(c.Body))
			for k, v := range c.Headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != want.Status {
				t.Errorf("status %d, FastAPI %d", rec.Code, want.Status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != want.ContentType {
				t.Errorf("content-type %q, FastAPI %q", ct, want.ContentType)
			}
			if got := rec.Body.String(); got != want.Body {
				t.Errorf("body\n got %s\nwant %s", got, want.Body)
			}
		})
	}
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
