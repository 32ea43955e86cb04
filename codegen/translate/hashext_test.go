package translate

import "testing"

// TestHashExtRefusals checks what hmac, blake2b, model_dump_json() and decode(errors=)
// refuse.
func TestHashExtRefusals(t *testing.T) {
	tests := []struct{ src, want string }{
		{"import hmac\n\ndef f(k):\n    return hmac.new(k, b'm').hexdigest()\n",
			"m.py:6:12: cannot translate hmac.new() without digestmod (a TypeError in Python)"},
		{"import hmac\nimport hashlib\n\ndef f(k):\n    return hmac.new(k, b'm', hashlib.sha3_256).hexdigest()\n",
			"m.py:7:30: cannot translate digestmod hashlib.sha3_256 of hmac.new() (only hashlib.md5, sha1, sha224, sha256, sha384, sha512 or their names)"},
		{"import hashlib\n\ndef f(b):\n    return hashlib.blake2b(data=b).hexdigest()\n",
			"m.py:6:28: cannot translate keyword argument data of hashlib.blake2b() (positional-only: a TypeError in Python)"},
		{"import hashlib\n\ndef f(b):\n    return hashlib.blake2b(b, salt=b'x').hexdigest()\n",
			"m.py:6:31: cannot translate keyword argument salt of hashlib.blake2b()"},
		{"def f(item: Item):\n    return item.model_dump_json(indent=2)\n",
			"m.py:4:12: cannot translate model_dump_json() with arguments"},
		{"def f(x):\n    return x.model_dump_json()\n",
			"m.py:4:12: cannot translate call of method model_dump_json() on a value of unknown type"},
		{"def f(b):\n    return b.decode('latin-1', errors='replace')\n",
			"m.py:4:21: cannot translate decode() argument 'latin-1' (only \"utf-8\" and \"ascii\")"},
		{"def f(b):\n    return b.decode('utf-8', errors='surrogateescape')\n",
			"m.py:4:12: cannot translate decode() with keyword arguments"},
		{"import base64\n\ndef f(s):\n    return base64.b64decode(s, b'-_')\n",
			"m.py:6:12: cannot translate call of base64.b64decode() with 2 positional arguments"},
		{"import hashlib\n\ndef f(b):\n    h = hashlib.sha256(b)\n    return h\n",
			"m.py:7:12: cannot translate use of hash object h other than calling its update(), hexdigest() or digest()"},
		{"import hashlib\n\ndef f(b):\n    return [hashlib.md5(b)]\n",
			"m.py:6:13: cannot translate use of a hashlib object other than binding it to a name or calling its update(), hexdigest() or digest()"},
		{"import hashlib\n\ndef f(b):\n    h = hashlib.new('sha3_256', b)\n    return h.hexdigest()\n",
			"m.py:6:9: cannot translate hashlib.new() of other than a constant md5, sha1, sha224, sha256, sha384 or sha512"},
		{"import hashlib\n\ndef f(b):\n    h = hashlib.sha1(b)\n    x = h.copy()\n    return 1\n",
			"m.py:7:9: cannot translate call of method copy() of a hash object"},
		{"import hashlib\nH = hashlib.sha1()\n\ndef f(b):\n    return H.hexdigest()\n",
			"m.py:7:12: cannot translate use of H (module state: mutated or rebound)"},
	}
	for _, tc := range tests {
		code, diags := translateSnippet(t, tc.src, nil)
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if got != tc.want {
			t.Errorf("%q:\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
		if (len(diags) == 0) != (code != nil) {
			t.Errorf("%q: code %v with %d diagnostics", tc.src, code != nil, len(diags))
		}
	}
}
