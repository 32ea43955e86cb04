package codegen

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestStreamEndpoint checks the generator endpoints generated natively (stream.go) and
// the ones refused (bridged).
func TestStreamEndpoint(t *testing.T) {
	const head = "from collections.abc import AsyncIterable, Iterable\nfrom fastapi import Depends, FastAPI\n" +
		"from fastapi.responses import StreamingResponse\nfrom fastapi.sse import EventSourceResponse\n" +
		"from pydantic import BaseModel\nclass Item(BaseModel):\n    a: int\napp = FastAPI()\n"
	for _, tt := range []struct {
		name, src string
		want      []string // in the generated Go files; "refused: ..." for a refusal
	}{
		{"jsonl of a model", "@app.get('/', status_code=201)\nasync def f(n: int = 2) -> AsyncIterable[Item]:\n    for i in range(n):\n        yield Item(a=i)\n",
			[]string{`out.Stream(201, "application/jsonl"`, "func streamItemF(dst []byte, item pyval.Value) ([]byte, error)", "pyval.Stream(w, func(yield"}},
		{"jsonl untyped", "@app.get('/')\ndef f():\n    yield {'a': 1}\n    yield [1]\n",
			[]string{`out.Stream(200, "application/jsonl"`, "pyval.StreamJSONDumps"}},
		{"streaming response", "@app.get('/', response_class=StreamingResponse)\nasync def f(w: str = 'ab'):\n    for ch in w:\n        yield ch\n",
			[]string{`out.Stream(200, ""`, "pyval.StreamChunk"}},
		{"StreamingResponse of a generator", "def lines(n: int):\n    for i in range(n):\n        yield f'{i}\\n'\n" +
			"@app.get('/')\ndef f(n: int = 3):\n    r = StreamingResponse(lines(n), media_type='text/plain', headers={'X-A': '1'})\n    n = 0\n    return r\n",
			[]string{"func pyfn_gen_main_lines(yield func(pyval.Value) error, n pyval.Value) (pyval.Value, error)", "pyval.NewStreamingResponse(func(yield"}},
		{"StreamingResponse of iter", "@app.get('/')\ndef f():\n    return StreamingResponse(iter([b'a', b'b']))\n",
			[]string{"pyval.StreamIter(", "pyval.StreamIterable("}},
		{"StreamingResponse of a generator touching module state", "seen = []\ndef lines():\n    seen.append(1)\n    yield 'x'\n" +
			"@app.get('/')\ndef f():\n    return StreamingResponse(lines())\n",
			[]string{"refused: touching module state"}},
		{"response model", "@app.get('/', response_model=list[int])\ndef f():\n    yield 1\n",
			[]string{"refused: response model"}},
		{"server-sent events of a model", "@app.get('/', response_class=EventSourceResponse)\ndef f() -> Iterable[Item]:\n    yield Item(a=1)\n",
			[]string{"out.StreamSSE(200, func(w io.Writer) error", "pyval.SSEEncoder(streamItemF)", "pyval.SSEPing"}},
		{"server-sent events", "from fastapi.sse import ServerSentEvent\n@app.get('/', response_class=EventSourceResponse)\nasync def f(n: int = 1):\n" +
			"    yield ServerSentEvent(data={'n': n}, event='e', id=str(n), retry=10)\n    yield ServerSentEvent(raw_data='x', comment='c')\n    yield [1]\n",
			[]string{"pyval.NewServerSentEvent(", "pyval.SSEEncoder(pyval.SSEDumps)"}},
		{"ServerSentEvent not yielded", "from fastapi.sse import ServerSentEvent\n@app.get('/', response_class=EventSourceResponse)\nasync def f():\n" +
			"    e = ServerSentEvent(data=1)\n    yield e\n",
			[]string{"refused: ServerSentEvent other than yielded"}},
		{"ServerSentEvent event not a str", "from fastapi.sse import ServerSentEvent\n@app.get('/', response_class=EventSourceResponse)\nasync def f(n: int = 1):\n" +
			"    yield ServerSentEvent(event=n)\n",
			[]string{"refused: ServerSentEvent event that may not be a str"}},
		{"yield dependency", "def dep():\n    yield 1\n@app.get('/')\ndef f(d=Depends(dep)):\n    yield d\n",
			[]string{"refused: generator endpoint f with yield dependencies"}},
		{"module state", "seen = []\n@app.get('/')\ndef f():\n    seen.append(1)\n    yield len(seen)\n",
			[]string{"refused: "}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, rs := generateIn(t, head+tt.src, Input{})
			src := ""
			if out != nil {
				for _, name := range slices.Sorted(maps.Keys(out.Files)) {
					if strings.HasSuffix(name, ".go") {
						src += string(out.Files[name])
					}
				}
			}
			if r, refused := strings.CutPrefix(tt.want[0], "refused: "); refused {
				if strings.Contains(src, "out.Stream(") || !strings.Contains(src+fmt.Sprint(rs), r) {
					t.Errorf("not refused with %q: %v\n%s", r, rs, src)
				}
				return
			}
			if out == nil {
				t.Fatalf("generation failed: %v", rs)
			}
			for _, w := range tt.want {
				if !strings.Contains(src, w) {
					t.Errorf("the generated code lacks %q:\n%s", w, src)
				}
			}
		})
	}
}
