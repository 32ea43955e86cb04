package server

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// trustedHosts is uvicorn's _TrustedHosts.
type trustedHosts struct {
	all      bool
	literals map[string]bool
	addrs    map[netip.Addr]bool
	nets     []netip.Prefix
}

func parseTrusted(spec string) *trustedHosts {
	t := &trustedHosts{literals: map[string]bool{}, addrs: map[netip.Addr]bool{}}
	if strings.TrimSpace(spec) == "*" {
		t.all = true
		return t
	}
	for _, h := range strings.Split(spec, ",") {
		h = strings.TrimSpace(h)
		if strings.Contains(h, "/") {
			if p, err := netip.ParsePrefix(h); err == nil && p.Masked() == p {
				t.nets = append(t.nets, p)
				continue
			}
			t.literals[h] = true
			continue
		}
		if a, err := netip.ParseAddr(h); err == nil {
			t.addrs[a.Unmap()] = true
			continue
		}
		t.literals[h] = true
	}
	return t
}

func (t *trustedHosts) contains(host string) bool {
	if t.all {
		return true
	}
	if host == "" {
		return false
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return t.literals[host]
	}
	a = a.Unmap()
	if t.addrs[a] {
		return true
	}
	for _, n := range t.nets {
		if n.Contains(a) {
			return true
		}
	}
	return false
}

// clientHost is the first untrusted host of X-Forwarded-For, scanning from
// the right (get_trusted_client_host).
func (t *trustedHosts) clientHost(xff string) string {
	hosts := strings.Split(xff, ",")
	for i := range hosts {
		hosts[i] = strings.TrimSpace(hosts[i])
	}
	if t.all {
		return hosts[0]
	}
	for i := len(hosts) - 1; i >= 0; i-- {
		if !t.contains(hosts[i]) {
			return hosts[i]
		}
	}
	return hosts[0]
}

// applyProxyHeaders is uvicorn's ProxyHeadersMiddleware: for a trusted
// peer, X-Forwarded-Proto sets the scheme (request.URL.Scheme) and
// X-Forwarded-For the client (RemoteAddr, port 0). A repeated header
// counts by its last value, as dict(scope["headers"]) does.
func (t *trustedHosts) apply(r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !t.contains(host) {
		return
	}
	if vs := r.Header["X-Forwarded-Proto"]; len(vs) > 0 {
		switch p := strings.TrimSpace(vs[len(vs)-1]); p {
		case "http", "https", "ws", "wss":
			r.URL.Scheme = p
		}
	}
	if vs := r.Header["X-Forwarded-For"]; len(vs) > 0 {
		if h := t.clientHost(vs[len(vs)-1]); h != "" {
			r.RemoteAddr = net.JoinHostPort(h, "0")
		}
	}
}
