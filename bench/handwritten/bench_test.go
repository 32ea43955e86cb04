package main

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkHandlers measures each benchmark request through the router alone (no network),
// to see how the hand-written service's CPU per request splits between handler and net/http.
func BenchmarkHandlers(b *testing.B) {
	var cases struct {
		Cases []struct {
			Name, Method, Path, Body string
			Timed                    bool
			Headers                  map[string]string
		}
	}
	readJSON(b, "../cases.json", &cases)
	h := newRouter()
	for _, c := range cases.Cases {
		if !c.Timed {
			continue
		}
		b.Run(c.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(c.Method, c.Path, strings.NewReader(c.Body))
				for k, v := range c.Headers {
					req.Header.Set(k, v)
				}
				h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}
