package validate

import "testing"

func outURL(dst []byte, u URL) []byte { return u.AppendJSON(dst) }

// TestHTTPURLMatchesPydantic compares HttpUrl validation and serialization with
// pydantic's, parameter strings and JSON values.
func TestHTTPURLMatchesPydantic(t *testing.T) {
	long := "http://x.com/" + string(make([]byte, 0))
	for len(long) < 2083 {
		long += "a"
	}
	ins := flat(q("", "   ", "not a url", "HTTPS://EXAMPLE.com:443/b", "http://a/../b/./c?q=a b#f g", "ftp://x.com", "http://",
		"http://x:99999", `http:\\x.com\a`, "http://1.2.3", "http://0x7f.1/", "http://[::1]:80/", "http://ex ample.com",
		"http://münchen.de/ü", "http://a%41.com", "https://u:p@x.com", "http://x.com?", "http://x.com#", "http://x.com:/",
		" http://x.com ", "http://x\t.com", "http://xn--abc.com", "http://EXAMPLE.COM.", "http://256.1.1.1", "http://1.2.3.4.5",
		"http://a..b/", "http://x.com/%7e?%7e", "http://a<b.com", "http://a_b.com", "http://a*b.com", "http://a%25b.com",
		"http://a%20b.com", "http://a^b", "http://a|b", "http://a{b}", "http://a~b", "http://ab-.com", "http://-ab.com",
		"http://x.com/a^b`c{d}e|f\"g<h>i j", "http://x.com/?a^b`c{d}e|f\"g<h>i j'k", "http://x.com/#a^b`c{d}e|f\"g<h>i j'k",
		"http://u s:p^w@x.com", "http://@x.com", "http://u:@x.com", "http://:@x.com", "http://x.com/a/%2e%2E/b/.%2e/c/..",
		"http://x.com/a/.", "http:x.com", "http:/x.com", "http://[1:0:0:0:0:0:0:1]/", "http://[1:0:0:2:0:0:0:1]/",
		"http://[::ffff:1.2.3.4]/", "http://[1::]", "http://[::1", "http://[::1]x", "http://[1:2:3:4:5:6:7:8:9]/",
		"http://[0:0:0:0:0:0:0:0]/", "http://1.2.3.0x100/", "http://4294967295", "http://4294967296", "http://09.1",
		"http://x.09", "http://x.0x", "http://1.2.3.4.", "http://ÉCOLE.fr", "http://x.com:0080/", "http://x.com:８０/",
		"http://x.com:8a/", "http://x.com/é?é#é", "mailto:x@y.com", "foo", "foo:", "1http://x", "http://xn--mnchen-3ya.de",
		"http://xn--MNCHEN-3ya.de", "http://a.xn--.com", "http://.", "http://..", "http://a..", "javascript:alert(1)",
		`http://x.com/a\b`, `http://x.com\a?b\c`, "http:///x.com", "https://x.com:443", "https://x.com:80",
		"http://[::1]:99999", "foo://x:99999/", "ws://x.com", "https://www.external.org/events", "http://x.com/a%2Fb",
		"http://bücher.example/straße", "https://例え.jp/", long, long+"a"),
		j(`"http://example.com/a.png"`, "1", "null", `["http://x.com"]`, `"not a url"`))
	runTypeCases(t, []typeCase{mk("HttpUrl", HTTPURLFromString, HTTPURLFromJSON, nil, outURL, ins...)})
}

// TestAnyURLMatchesPydantic compares AnyUrl validation and serialization with
// pydantic's, non-special schemes and file URLs included.
func TestAnyURLMatchesPydantic(t *testing.T) {
	ins := flat(q("", "not a url", "HTTPS://EXAMPLE.com:443/b", "ftp://X.com:21/a", "ws://x.com:80", "wss://x.com:443/",
		"mailto:Someone@Example.com", "foo:", "foo://", "foo://Host:8080/a/../b/./c?q= 1#f g", "foo://host:99999",
		"foo://ho st/", "foo://h%41st/x y", "foo:/a/b/../c", "foo:/.//x", "foo:a b?c d#e f", "javascript:alert(1)",
		"urn:isbn:0451450523", "postgres://user:p@ss@localhost:5432/db", "redis://:pw@h:6379/0", "foo://[::1]:80/",
		"foo://[::1", "foo://u@/p", "file:///etc/passwd", "file://localhost/x", "file://Host/a\\b", "file:/x/../y",
		"file:x", "data:text/plain,hi", "foo://h/é?é#é", "foo://h/a^b`c{d}e|f\"g<h>i", "foo://h?a'b\"c", "x-y.z+w://h", "foo://@/p", "foo://:80/", "foo://u@:80/", "foo://h:/p"),
		j(`"http://x.com"`, "1", "null"))
	runTypeCases(t, []typeCase{mk("AnyUrl", AnyURLFromString, AnyURLFromJSON, nil, outURL, ins...)})
}
