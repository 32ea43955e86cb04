package translate

import "testing"

// TestAsyncioRefusals checks what asyncio.gather / wait_for, map() and attribute += refuse.
func TestAsyncioRefusals(t *testing.T) {
	const sleepy = "import asyncio\n\nasync def a(x):\n    await asyncio.sleep(0.01)\n    return x\n\nasync def b(x):\n    return x\n\n"
	tests := []struct{ src, want string }{
		{sleepy + "async def f(x):\n    return await asyncio.gather(a(x), b(x))\n",
			"m.py:13:39: cannot translate asyncio.gather() of coroutines that suspend differently (their interleaving would show)"},
		{sleepy + "async def c(x):\n    await asyncio.sleep(0.02)\n    return x\n\nasync def f(x):\n    return await asyncio.gather(a(x), c(x))\n",
			"m.py:17:39: cannot translate asyncio.gather() of coroutines that suspend differently (their interleaving would show)"},
		{sleepy + "async def c(x):\n    y = await a(x)\n    return y\n\nasync def f(x):\n    return await asyncio.gather(c(x))\n",
			"m.py:17:33: cannot translate asyncio.gather() of c (it suspends elsewhere than at a first await asyncio.sleep(<constant>))"},
		{sleepy + "async def c(asyncio):\n    await asyncio.sleep(0.01)\n    return 1\n\nasync def f(x):\n    return await asyncio.gather(c(x))\n",
			"m.py:17:33: cannot translate asyncio.gather() of c (it suspends elsewhere than at a first await asyncio.sleep(<constant>))"},
		{sleepy + "async def f(x):\n    return await asyncio.gather(a(x), return_exceptions=True)\n",
			"m.py:13:18: cannot translate asyncio.gather() with keyword arguments other than return_exceptions=False"},
		{sleepy + "async def f(x):\n    t = asyncio.gather(a(x))\n    return await t\n",
			"m.py:13:9: cannot translate asyncio.gather() not awaited"},
		{sleepy + "def g(x):\n    return x\n\nasync def f(x):\n    return await asyncio.gather(g(x))\n",
			"m.py:16:33: cannot translate asyncio.gather() of g (not a call of an async app function)"},
		{sleepy + "async def f(x):\n    return await asyncio.wait_for(a(x), timeout=0.015)\n",
			"m.py:13:49: cannot translate asyncio.wait_for() timeout (only None or a constant above twice the coroutine's sleep)"},
		{sleepy + "async def f(x):\n    return await asyncio.wait_for(a(x), timeout=x)\n",
			"m.py:13:49: cannot translate asyncio.wait_for() timeout (only None or a constant above twice the coroutine's sleep)"},
		{sleepy + "async def f(x):\n    return await asyncio.gather(a(x), asyncio.sleep(x))\n",
			"m.py:13:53: cannot translate asyncio.sleep() of a delay that is not an int or float literal"},
		{sleepy + "async def f(xs: list):\n    async with asyncio.TaskGroup() as g:\n        ts = [g.create_task(a(x + 1)) for x in xs]\n    return ts\n",
			"m.py:14:9: cannot translate statement in an asyncio.TaskGroup block (only group.create_task(f(names or constants)), alone, assigned to a name, or in a list comprehension over a local list)"},
		{sleepy + "async def f(x):\n    async with asyncio.TaskGroup() as g:\n        t = g.create_task(a(x))\n    return g\n",
			"m.py:13:39: cannot translate use of g other than group.create_task() in its block"},
		{sleepy + "async def f(x):\n    async with asyncio.TaskGroup() as g:\n        t = g.create_task(a(x))\n        u = g.create_task(b(x))\n    return [t.result(), u.result()]\n",
			"m.py:15:27: cannot translate tasks of coroutines that suspend differently (their interleaving would show)"},
		{sleepy + "async def f(x):\n    try:\n        async with asyncio.TaskGroup() as g:\n            g.create_task(a(x))\n    except Exception:\n        return 1\n",
			"m.py:14:9: cannot translate async with asyncio.TaskGroup() inside a try statement"},
		{sleepy + "async def f(x):\n    async with asyncio.timeout(1):\n        return await a(x)\n",
			"m.py:13:5: cannot translate async with statement (only asyncio.TaskGroup())"},
		{"def f(s):\n    return sum(map(lambda c: 1, s))\n", "m.py:4:20: cannot translate map() of lambda (only a builtin or app function name)"},
		{"def f(s):\n    return map(ord, s)\n", "m.py:4:12: cannot translate map() outside sum(), min(), max(), any(), all(), sorted(), list() or tuple()"},
		{"async def q(item: Item):\n    return item.name\n\nasync def f(x):\n    return await q(x)\n", "m.py:7:18: cannot translate call of q (argument item not known to be a Item)"},
		{"class C:\n    def __init__(self):\n        self.n = 0\n\ndef f():\n    c = C()\n    c.n -= 1\n    return c.n\n", "m.py:9:5: cannot translate augmented assignment -= to an attribute"},
		{"class C:\n    def __init__(self):\n        self.n = 0\n\ndef f(x):\n    c = C()\n    c.n += x\n    return c.n\n", "m.py:9:12: cannot translate augmented assignment += to an attribute of a value not known to be a number"},
	}
	for _, tc := range tests {
		code, diags := translateSnippet(t, tc.src, map[string]bool{})
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
