package translate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

// translateSnippet translates function f of a module m.py holding src (after the
// snippet prelude, two lines), with models.py and app.py of the differential tests.
func translateSnippet(t *testing.T, src string, shared map[string]bool) ([]jen.Code, []ir.Diagnostic) {
	t.Helper()
	dir := t.TempDir()
	for _, n := range []string{"models.py", "app.py"} {
		b, err := os.ReadFile(filepath.Join("testdata/diff", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(snippetPrelude+src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	app, err := lift.Lift(prog, lift.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := prog.Modules["m"]
	if m == nil || m.File == nil {
		t.Fatalf("m.py not parsed: %v", m)
	}
	for _, st := range m.File.Module.Body {
		if d := asDef(st); d != nil && d.name == "f" {
			vars := map[string]Var{}
			for _, p := range params(d) {
				if n, ok := p.Annotation.(*ast.Name); ok && n.Id == "Request" {
					continue // a parameter the code generator gives no value
				}
				vars[p.Arg] = Var{Go: jen.Id(GoName(p.Arg)), Type: annotationType(p.Annotation, app), Shared: shared[p.Arg]}
			}
			return Func(st, &Scope{Vars: vars, App: app, Module: "m", Unit: NewUnit(prog, Names{})})
		}
	}
	t.Fatal("no f")
	return nil, nil
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"async def f(xs):\n    async for x in xs:\n        pass\n", "m.py:4:5: cannot translate async for loop"},
		{"def f(n):\n    while n:\n        del n.x\n", "m.py:5:13: cannot translate del of n.x"},
		{"def f():\n    try:\n        return 1\n    except StopIteration as e:\n        return 2\n", "m.py:6:12: cannot translate except clause for StopIteration"},
		{"class MyError(OSError):\n    pass\n\ndef f():\n    try:\n        return 1\n    except MyError:\n        return 2\n", "m.py:9:12: cannot translate use of class MyError (a subclass of OSError)"},
		{"class MyError(Exception):\n    def __str__(self):\n        return 'x'\n\ndef f():\n    try:\n        return 1\n    except MyError:\n        return 2\n", "m.py:10:12: cannot translate use of class MyError (a statement other than class constants and __init__ in its body)"},
		{"class MyError(Exception):\n    pass\n\ndef f(x):\n    try:\n        return int(x)\n    except MyError as e:\n        return e.__class__\n", "m.py:10:16: cannot translate attribute __class__ of an exception"},
		{"class MyError(Exception):\n    pass\n\ndef f(x):\n    try:\n        return int(x)\n    except (MyError, KeyError) as e:\n        return e.x\n", "m.py:10:16: cannot translate attribute x of a value of unknown type"},
		{"def f(d):\n    try:\n        return d[1]\n    except KeyError as e:\n        return e\n", "m.py:7:16: cannot translate use of exception e other than str(), repr(), an f-string or raise"},
		{"def f(d):\n    try:\n        x = d[1]\n    finally:\n        return 2\n", "m.py:7:9: cannot translate return inside a try statement with a finally clause"},
		{"def f(d):\n    try:\n        x = d[1]\n    except* KeyError:\n        pass\n", "m.py:4:5: cannot translate try statement"},
		{"def f(p):\n    with open(p) as fh:\n        return 1\n", "m.py:4:5: cannot translate with statement"},
		{"def f():\n    import os\n    return 1\n", "m.py:4:5: cannot translate import statement"},
		{"def f():\n    global X\n    return 1\n", "m.py:4:5: cannot translate global statement"},
		{"def f():\n    def g():\n        return 1\n    return g()\n", "m.py:4:5: cannot translate nested function definition"},
		{"def f():\n    class C:\n        pass\n    return 1\n", "m.py:4:5: cannot translate class definition"},
		{"def f(d: dict):\n    del d[1:]\n    return d\n", "m.py:4:9: cannot translate del of a slice"},
		{"def f(x):\n    match x:\n        case 1:\n            return 1\n", "m.py:4:5: cannot translate match statement"},
		{"def f(xs):\n    return {x for x in xs}\n", "m.py:4:12: cannot translate set comprehension (only as the argument of sorted() or len(), or the right operand of in)"},
		{"def f(xs):\n    return [x for *x, in xs]\n", "m.py:4:19: cannot translate starred assignment target"},
		{"def f(xs):\n    return (x for x in xs)\n", "m.py:4:12: cannot translate generator expression (outside list(), sorted(), sum(), any()... or str.join())"},
		{"def f(n):\n    return range(n)\n", "m.py:4:12: cannot translate range() outside a for loop, comprehension or consumer"},
		{"def f():\n    return lambda: 1\n", "m.py:4:12: cannot translate lambda (outside a key= argument)"},
		{"def f(x):\n    return sorted(x, key=lambda a, b: a)\n", "m.py:4:26: cannot translate lambda with other than one plain parameter"},
		{"def f(x):\n    return (y := x)\n", "m.py:4:13: cannot translate assignment expression (:=)"},
		{"def f(x):\n    return {x, 1}\n", "m.py:4:12: cannot translate set display (only as the argument of sorted() or len(), the right operand of in, or one item returned)"},
		{"def f():\n    return 1j\n", "m.py:4:12: cannot translate complex literal"},
		{"def f(a, b):\n    return a @ b\n", "m.py:4:12: cannot translate @ operator"},
		{"def f(x):\n    return x is 1\n", "m.py:4:12: cannot translate is comparison (only with None, True or False)"},
		{"def f(x):\n    print(x)\n    return x\n", "m.py:4:5: cannot translate name print (not defined)"},
		{"def f(x):\n    return set(x)\n", "m.py:4:12: cannot translate set() (only as the argument of sorted() or len(), or the right operand of in)"},
		{"import time\n\ndef f():\n    return time.time()\n", "m.py:6:12: cannot translate use of module time"},
		{"import json\n\ndef f(x):\n    return json.dump(x)\n", "m.py:6:12: cannot translate use of module json"},
		{"def f(x):\n    return undefined_name\n", "m.py:4:12: cannot translate name undefined_name (not defined)"},
		{"def f(request: Request):\n    return request\n", "m.py:4:12: cannot translate use of parameter request (no value is given for it)"},
		{"def f(*args):\n    return 1\n", "m.py:3:1: cannot translate variadic parameters (*args, **kwargs)"},
		{"def f(x):\n    return x.items()\n", "m.py:4:12: cannot translate call of method items()"},
		{"def f(x):\n    return x.name\n", "m.py:4:12: cannot translate attribute name of a value of unknown type"},
		{"def f(item: Item):\n    return item.nope\n", "m.py:4:12: cannot translate attribute nope (not a field of Item)"},
		{"def f(item: Item):\n    item.name = 'x'\n    return item\n", "m.py:4:5: cannot translate assignment to attribute name"},
		{"def f(x):\n    return x.model_dump()\n", "m.py:4:12: cannot translate call of method model_dump() on a value of unknown type"},
		{"def f(item: Item, k):\n    return getattr(item, k)\n", "m.py:4:26: cannot translate getattr() with a name not known statically (a constant or a Literal of field names)"},
		{"def f(item: Item):\n    return getattr(item, 'model_dump')\n", "m.py:4:26: cannot translate getattr() of model_dump (not a field of Item)"},
		{"def f(item: Item):\n    return getattr(item, 'copy', None)\n", "m.py:4:26: cannot translate getattr() of copy (an attribute of every model)"},
		{"def f(item: Item, n: str):\n    return getattr(item, n, None)\n", "m.py:4:26: cannot translate getattr() with a default and a name other than a string constant"},
		{"def f(x):\n    return getattr(x, 'name', None)\n", "m.py:4:20: cannot translate getattr() with a default of a value that is not statically a model or a union of models"},
		{"def f(x):\n    return getattr(x, 'name')\n", "m.py:4:12: cannot translate getattr() of a value that is not statically a model"},
		{"def f(owner: Owner):\n    return owner.model_dump(exclude_unset=True)\n", "m.py:4:29: cannot translate model_dump(exclude_unset=True) of Owner (field item may hold a model)"},
		{"def f(item: Item):\n    return item.model_dump(by_alias=True)\n", "m.py:4:28: cannot translate model_dump() keyword argument by_alias (only exclude_unset= and exclude_none=)"},
		{"def f(item: Item, b):\n    return item.model_dump(exclude_none=b)\n", "m.py:4:41: cannot translate model_dump(exclude_none=) of other than True or False"},
		{"def f(item: Item):\n    return item.model_copy(update={'price': 3})\n", "m.py:4:45: cannot translate model_copy(update=) of field price with a value that may not be a float (pydantic stores it unvalidated)"},
		{"def f(item: Item, d: dict):\n    return item.model_copy(update=d)\n", "m.py:4:35: cannot translate model_copy(update=) of other than a dict display or the model_dump() of a model parameter (its values are not validated)"},
		{"def f(item: Item):\n    return item.model_copy(update={'nope': 1})\n", "m.py:4:36: cannot translate model_copy(update=) of nope (not a field of Item)"},
		{"def f(item: Item):\n    return item.model_copy(update={'name': 'x'}, deep=True)\n", "m.py:4:12: cannot translate model_copy() with other arguments than update="},
		{"def f(owner: Owner):\n    return owner.model_copy(update={'name': 'x'})\n", "m.py:4:12: cannot translate model_copy() of Owner (field item of type Union[Item, None])"},
		{"from models import Ticket\n\ndef f(t: Ticket):\n    d = t.model_dump()\n    return d\n", "m.py:6:9: cannot translate model_dump() of Ticket here (it holds Enum members: only spread with ** into a model construction)"},
		{"from models import Ticket\n\ndef f(t: Ticket):\n    return t.model_dump()[\"region\"] + \"x\"\n", "m.py:6:12: cannot translate model_dump() of Ticket here (it holds Enum members: only spread with ** into a model construction)"},
		{"def f(item: Item):\n    return item.model_dump(0)\n", "m.py:4:12: cannot translate model_dump() with positional arguments"},
		{"def f():\n    return Item('a', 1)\n", "m.py:4:12: cannot translate positional arguments to Item"},
		{"ITEMS = {}\n\ndef f(k, v):\n    ITEMS[k] = v\n    return ITEMS\n", "m.py:6:5: cannot translate mutation of ITEMS (not owned by the function)"},
		{"ITEMS = {}\n\ndef f(k):\n    return ITEMS.get(k)\n\ndef g(k):\n    ITEMS.update({k: 1})\n", "m.py:6:12: cannot translate use of ITEMS (module state: mutated or rebound)"},
		{"COUNT = 0\n\ndef f():\n    return COUNT\n\ndef bump():\n    global COUNT\n    COUNT += 1\n", "m.py:6:12: cannot translate use of COUNT (module state: mutated or rebound)"},
		{"CACHE = {}\n\ndef f(k):\n    return CACHE[k]\n\ndef put(k):\n    c = CACHE\n    c[k] = 1\n", "m.py:6:12: cannot translate use of CACHE (module state: mutated or rebound)"},
		{"import os\nPATH = os.getenv('P')\n\ndef f():\n    return PATH\n", "m.py:7:12: cannot translate use of PATH (module-level value not computable at generation time)"},
		{"CONST = [1]\n\ndef f():\n    x = CONST\n    x.append(2)\n    return x\n", "m.py:6:9: cannot translate use of CONST (module state: mutated or rebound)"},
		{"def f(x):\n    x = [1] if x else [2]\n    y = x\n    y.append(3)\n    return x\n", "m.py:6:5: cannot translate mutation of y (not owned by the function)"},
		{"def f(d: dict):\n    d['a'] = 1\n    return d\n", ""},
		{"def f(d: dict):\n    d['a'] = 1\n    return d\n", "shared:m.py:4:5: cannot translate mutation of d (not owned by the function)"},
		{"def f(d: dict):\n    d['a']['b'] = 1\n    return d\n", "m.py:4:5: cannot translate mutation of d[...] (only local names can be mutated)"},
		{"def f(xs: list):\n    xs[1:2] = [3]\n    return xs\n", "m.py:4:5: cannot translate slice assignment"},
		{"def f(x):\n    x += [1]\n    return x\n", ""},
		{"def g(x):\n    x += [1]\n    return x\n\ndef f(x):\n    return g(x)\n", "m.py:8:12: cannot translate call of g (m.py:4:5: cannot translate augmented assignment to x (may mutate a list the function does not own))"},
		{"def g(xs):\n    with xs:\n        pass\n\ndef f(x):\n    return g(x)\n", "m.py:8:12: cannot translate call of g (m.py:4:5: cannot translate with statement)"},
		{"def g(n):\n    return g(n - 1) if n else 0\n\ndef f(x):\n    return g(x)\n", "m.py:7:12: cannot translate call of g (m.py:4:12: cannot translate recursive call of g)"},
		{"async def g():\n    return 1\n\ndef f():\n    return g()\n", "m.py:7:12: cannot translate call of async function g without await"},
		{"def g():\n    return 1\n\nasync def f():\n    return await g()\n", "m.py:7:18: cannot translate await of g (not an async function)"},
		{"def g(a):\n    return a\n\ndef f():\n    return g()\n", "m.py:7:12: cannot translate call of g (missing argument a)"},
		{"def g(a):\n    return a\n\ndef f():\n    return g(1, 2)\n", "m.py:7:12: cannot translate call of g (too many positional arguments)"},
		{"def g(a):\n    return a\n\ndef f():\n    return g(b=1)\n", "m.py:7:14: cannot translate call of g (no parameter b)"},
		{"import functools\n\n@functools.cache\ndef g(a):\n    return a\n\ndef f():\n    return g(1)\n", "m.py:10:12: cannot translate call of g (a decorated function)"},
		{"def f(x):\n    return len(*x)\n", "m.py:4:16: cannot translate call with *arguments"},
		{"def f(x):\n    return round(x, 2, 3)\n", "m.py:4:12: cannot translate call of round with 3 arguments"},
		{"def f(x):\n    return int(x, 16)\n", "m.py:4:12: cannot translate call of int with 2 arguments"},
		{"def f(x):\n    return max(x, kee=len)\n", "m.py:4:19: cannot translate keyword argument kee of max"},
		{"def f(x):\n    return isinstance(x, (Item, int))\n", "m.py:4:26: cannot translate isinstance with models and other classes together"},
		{"def f(x):\n    raise\n", "m.py:4:5: cannot translate bare raise outside an except clause"},
		{"def f(x):\n    raise ValueError('a') from ValueError('b')\n", "m.py:4:32: cannot translate raise ... from ValueError()"},
		{"class MyError(Exception):\n    x = []\n\ndef f(x):\n    raise MyError()\n", "m.py:7:11: cannot translate call of class MyError (a statement other than class constants and __init__ in its body)"},
		{"class MyError(Exception):\n    pass\n\ndef f(x):\n    raise MyError(x, code=1)\n", "m.py:7:11: cannot translate keyword arguments to MyError (BaseException.__init__ takes none)"},
		{"class MyError(Exception):\n    def __init__(self, m):\n        self.m = m\n\ndef f(x):\n    e = MyError(x)\n    e.m = 2\n    return e\n", "m.py:9:5: cannot translate assignment to attribute m of an exception outside its __init__"},
		{"class MyError(Exception):\n    def __init__(self, m):\n        self.m = m\n        return 1\n\ndef f(x):\n    raise MyError(x)\n", "m.py:9:11: cannot translate call of class MyError (its __init__ returns a value)"},
		{"def f(x):\n    e = HTTPException(404)\n    return e.args\n", "m.py:5:12: cannot translate attribute args of an HTTPException"},
		{"def f(x):\n    try:\n        raise HTTPException(x)\n    except HTTPException as e:\n        return e.headers\n", "m.py:7:16: cannot translate attribute headers of an HTTPException"},
		{"def f(x):\n    raise HTTPException(detail='x')\n", "m.py:4:11: cannot translate HTTPException without status_code"},
		{"def f(x):\n    raise HTTPException(404, foo=1)\n", "m.py:4:30: cannot translate HTTPException keyword foo"},
		{"def f(t):\n    *a, *b = t\n    return a\n", "m.py:4:9: cannot translate multiple starred expressions in assignment"},
		{"import json\n\ndef f(x):\n    return json.dumps(x, default=str)\n", "m.py:6:26: cannot translate keyword argument default of json.dumps()"},
		{"S = {1, 2}\n\ndef f():\n    return len(S)\n", "m.py:6:16: cannot translate use of the set S other than as the right operand of in / not in"},
		{"S = {1, 2}\n\ndef f(x):\n    S.add(x)\n    return x in S\n", "m.py:6:5: cannot translate use of S (module state: mutated or rebound)"},
		{"def f(s):\n    return s.encode('latin-1')\n", "m.py:4:21: cannot translate encode() argument 'latin-1' (only \"utf-8\", \"ascii\" and \"strict\")"},
		{"import hashlib\n\ndef f(b):\n    return hashlib.blake2s(b).hexdigest()\n", "m.py:6:12: cannot translate call of method hexdigest()"},
		{"import math\n\ndef f(x):\n    return math.log(x)\n", "m.py:6:12: cannot translate use of module math"},
		{"import base64\n\ndef f(x):\n    return base64.b32decode(x)\n", "m.py:6:12: cannot translate use of module base64"},
		{"import binascii\n\ndef f(d):\n    try:\n        return d[1]\n    except binascii.Incomplete:\n        return 0\n", "m.py:8:12: cannot translate except clause for binascii.Incomplete"},
		{"def f(x):\n    return (yield x)\n", "m.py:4:13: cannot translate yield"},
		{"def f(x):\n    return x.strip().startswith('a').upper().swapcase()\n", "m.py:4:12: cannot translate call of method swapcase()"},
		{"def f(x):\n    return Owner(name=x).item.price.real\n", "m.py:4:12: cannot translate attribute real of a value of unknown type"},
		{"from models import Item as I\n\ndef f(x):\n    return I(name=x, price=1).name\n", ""},
	}
	for _, tc := range tests {
		shared := map[string]bool{}
		want := tc.want
		if strings.HasPrefix(want, "shared:") {
			want = strings.TrimPrefix(want, "shared:")
			shared["d"] = true
		}
		code, diags := translateSnippet(t, tc.src, shared)
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if got != want {
			t.Errorf("%q:\n got: %s\nwant: %s", tc.src, got, want)
		}
		if (len(diags) == 0) != (code != nil) || len(diags) > 1 {
			t.Errorf("%q: code %v with %d diagnostics", tc.src, code != nil, len(diags))
		}
	}
}
