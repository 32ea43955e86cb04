package request

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

func TestReceivedHeaders(t *testing.T) {
	names := func(ns ...string) []HeaderName {
		h := []HeaderName{}
		for _, n := range ns {
			h = append(h, HeaderName{Lower: n, Canon: http.CanonicalHeaderKey(n)})
		}
		return h
	}
	base := func() *http.Request {
		hr, _ := http.NewRequest("POST", "http://h/", nil)
		hr.Host = "h"
		hr.Header = http.Header{"X-B": {"1", "3"}, "X-A": {"2\xe9"}}
		return hr
	}
	chunked := base()
	chunked.TransferEncoding = []string{"chunked"}
	h2 := base()
	h2.ProtoMajor = 2
	tests := []struct {
		name  string
		hr    *http.Request
		names []HeaderName
		want  [][2]string
	}{
		{"received order, i-th value of a name", base(), names("x-b", "host", "x-a", "x-b"),
			[][2]string{{"x-b", "1"}, {"host", "h"}, {"x-a", "2é"}, {"x-b", "3"}}},
		{"transfer-encoding kept aside by net/http", chunked, names("transfer-encoding", "x-b", "x-a", "host", "x-b"),
			[][2]string{{"transfer-encoding", "chunked"}, {"x-b", "1"}, {"x-a", "2é"}, {"host", "h"}, {"x-b", "3"}}},
		{"a value net/http has not", base(), names("host", "x-a", "x-a", "x-b", "x-b"), nil},
		{"a value net/http has and the head not", base(), names("host", "x-a", "x-b"), nil},
		{"two hosts", base(), names("host", "host", "x-a", "x-b", "x-b"), nil},
		{"unknown", base(), nil, nil},
		{"HTTP/2", h2, names("x-b", "host", "x-a", "x-b"), nil},
	}
	for _, tt := range tests {
		var o HeaderOrder
		o.Set(tt.names, tt.names != nil)
		hr := tt.hr.WithContext(WithHeaderOrder(context.Background(), &o))
		got, ok := ReceivedHeaders(hr)
		if ok != (tt.want != nil) || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q %v, want %q", tt.name, got, ok, tt.want)
		}
	}
	if _, ok := ReceivedHeaders(base()); ok {
		t.Errorf("a request without a connection slot has an order")
	}
}
