package pycall

import (
	"crypto/tls"
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/runtime/request"
)

func TestWebSocketRequest(t *testing.T) {
	tests := []struct {
		name, target string
		tls          bool
		wantScheme   string
		wantQuery    string
	}{
		{"plain", "/ws/general?token=letmein", false, "ws", "token=letmein"},
		{"tls", "/ws/x", true, "wss", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hr := httptest.NewRequest("GET", tt.target, nil)
			if tt.tls {
				hr.TLS = &tls.ConnectionState{}
			}
			hr.Header.Set("Upgrade", "websocket")
			var rq request.Request
			rq.Reset(hr)
			info := Begin(nil, &Route{}, &rq).WebSocketRequest()
			if info.Scheme != tt.wantScheme || info.Method != "GET" || info.QueryString != tt.wantQuery || info.Body != nil {
				t.Errorf("WebSocketRequest() = scheme %q method %q query %q body %v", info.Scheme, info.Method, info.QueryString, info.Body)
			}
		})
	}
}
