package codegen

import (
	"strings"
	"testing"
)

// TestBridgedDepsChain checks that a bridged route's dependencies are queued (py.Later)
// to run in the endpoint's round trip: plain, yield and dependencies= ones, those a
// security class sits between, and a cached one used twice; Go never reads their values.
func TestBridgedDepsChain(t *testing.T) {
	const head = "from typing import Annotated\nfrom fastapi import Depends, FastAPI, Header\n" +
		"from fastapi.security import OAuth2PasswordBearer\n\napp = FastAPI()\n" +
		"oauth2 = OAuth2PasswordBearer(tokenUrl='token')\n\n" +
		"async def token(x_token: Annotated[str, Header()]):\n    return x_token\n\n" +
		"def db():\n    yield 1\n\n" +
		"def user(t: Annotated[str, Depends(token)], b: Annotated[str, Depends(oauth2)]):\n    return {'t': t, 'b': b}\n\n"
	for _, tt := range []struct {
		name, src string
		later     int
	}{
		{"chain", "@app.get('/me')\nasync def me(u=Depends(user), d=Depends(db)):\n    return u\n", 3},
		{"dependencies=", "@app.get('/x', dependencies=[Depends(db)])\ndef x(t: Annotated[str, Depends(token)]):\n    return t\n", 2},
		// token's call is written twice, the second one behind the per-request cache.
		{"cached", "@app.get('/c')\ndef c(u=Depends(user), t: Annotated[str, Depends(token)] = ''):\n    return t\n", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generateIn(t, head+tt.src, Input{BridgeAll: true})
			if out == nil {
				t.Fatalf("refused: %v", rs)
			}
			src := string(out.Files["main_py.go"])
			if n := strings.Count(src, "py.Later("); n != tt.later {
				t.Errorf("%d py.Later calls, want %d:\n%s", n, tt.later, src)
			}
			if strings.Contains(src, "py.Dep(") {
				t.Errorf("a dependency's reply is waited for:\n%s", src)
			}
			if strings.Count(src, "py.Endpoint(") != 1 {
				t.Errorf("no endpoint call:\n%s", src)
			}
		})
	}
}
