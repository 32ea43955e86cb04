package codegen

import (
	"go/format"
	"strings"
	"testing"
)

// TestIPTypesGenerated checks that the ipaddress types and pydantic's IPvAny types are
// generated as fields and parameters with runtime/validate's validators and pyval.IP
// (their behaviour is proved against pydantic by runtime/validate's and runtime/pyval's
// oracle tests, against FastAPI by migrate's TestE2E on routers_nested_options), and
// that operations pyval does not model (`in`) put the route through the bridge.
func TestIPTypesGenerated(t *testing.T) {
	out, rs := generate(t, `from ipaddress import IPv4Address, IPv6Address, IPv4Network, IPv6Network, IPv4Interface, IPv6Interface
from typing import Optional
from fastapi import FastAPI
from pydantic import BaseModel, IPvAnyAddress, IPvAnyNetwork, IPvAnyInterface
app = FastAPI()

class M(BaseModel):
    a: IPv4Address
    b: Optional[IPv6Address] = None
    c: IPvAnyAddress
    d: list[IPv4Network] = []
    e: Optional[IPv6Network] = None
    f: IPvAnyNetwork
    g: IPv4Interface
    h: IPv6Interface
    i: IPvAnyInterface

@app.post("/m", response_model=M)
def m(x: M):
    return x

@app.get("/q/{addr}")
def q(addr: IPv4Address, net: Optional[IPv6Network] = None):
    return {"addr": str(addr), "same": addr == addr, "net": net}

@app.get("/in/{addr}")
def inside(addr: IPvAnyAddress, net: IPvAnyNetwork):
    return {"inside": addr in net}
`)
	if rs != nil {
		t.Fatalf("refused: %v", rs)
	}
	var all strings.Builder
	for name, src := range out.Files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if f, err := format.Source(src); err != nil || string(f) != string(src) {
			t.Errorf("%s is not gofmt'd (%v)", name, err)
		}
		all.Write(src)
	}
	src := all.String()
	for _, want := range []string{
		"validate.IPv4Address.FromString(raw)", "validate.IPv6Network.FromString(raw)", "validate.IPvAnyAddress.FromString(raw)",
		"validate.IPvAnyNetwork.FromString(raw)", "pyval.IP(v)", "validate.IPv4Address, ", "validate.IPv6Address, ",
		"validate.IPvAnyAddress, ", "validate.IPv4Network, ", "validate.IPvAnyNetwork, ", "validate.IPv4Interface, ",
		"validate.IPv6Interface, ", "validate.IPvAnyInterface, ", "e.IP(",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	// addr in net is network membership (pyval.Contains of an IP): all three are native.
	if out.Routes != 3 || out.Bridged != 0 {
		t.Errorf("Routes = %d, Bridged = %d; want 3 native", out.Routes, out.Bridged)
	}
}

// TestIPTypesRefused checks the constraints generated code does not reproduce on IP types.
func TestIPTypesRefused(t *testing.T) {
	out, rs := generate(t, `from ipaddress import IPv4Address
from typing import Annotated
from fastapi import FastAPI, Query
app = FastAPI()

@app.get("/")
def f(a: Annotated[IPv4Address, Query(max_length=9)]):
    return {"a": str(a)}
`)
	if out != nil {
		t.Fatal("generated, want a refusal")
	}
	var lines []string
	for _, r := range rs {
		lines = append(lines, r.String())
	}
	if want := "cannot translate a of type ipaddress.IPv4Address"; !strings.Contains(strings.Join(lines, "\n"), want) {
		t.Errorf("refusals:\n%s\nwant one containing %q", strings.Join(lines, "\n"), want)
	}
}
