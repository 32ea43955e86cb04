package spec

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/internal/pyoracle"
	"github.com/covetpy/covetgen/runtime/validate"
)

// Script builds the pydantic type of each case's schema and validates the
// input as FastAPI does (TypeAdapter.validate_python(value,
// from_attributes=True) on json.loads(body)), answering the dumps of the
// value or the error list encoded as FastAPI encodes it.
const Script = `
import re, uuid, datetime, enum, dataclasses
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union, Any, Sequence
import pydantic
from pydantic_core import PydanticSerializationError
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, StringConstraints, AliasChoices

def num(kind, s):
    return {"int": int, "float": float, "decimal": Decimal,
            "timedelta": lambda x: datetime.timedelta(seconds=float(x))}.get(kind, str)(s)

SCALARS = {"int": int, "float": float, "bool": bool, "bytes": bytes, "none": type(None), "any": Any,
           "uuid": uuid.UUID, "decimal": Decimal, "date": datetime.date, "time": datetime.time,
           "datetime": datetime.datetime, "timedelta": datetime.timedelta}

def T(t, ns):
    k = t["kind"]
    items = [T(x, ns) for x in t.get("items", [])]
    fk = {}
    for key in ("gt", "ge", "lt", "le", "multiple_of"):
        if key in t: fk[key] = num(k, t[key])
    for key in ("min_length", "max_length", "max_digits", "decimal_places", "allow_inf_nan"):
        if key in t: fk[key] = t[key]
    if k == "str":
        sc = {}
        if t.get("strip"): sc["strip_whitespace"] = True
        if t.get("lower"): sc["to_lower"] = True
        if t.get("upper"): sc["to_upper"] = True
        if "pattern" in t: sc["pattern"] = t["pattern"]
        for key in ("min_length", "max_length"):
            if key in t: sc[key] = t[key]
        return Annotated[str, StringConstraints(**sc)] if sc else str
    base = SCALARS.get(k)
    if base is None:
        if k == "literal": base = Literal[tuple(t["values"])]
        elif k in ("enum", "model"): base = ns[t["ref"]]
        elif k == "list": base = list[items[0]]
        elif k == "set": base = set[items[0]]
        elif k == "frozenset": base = frozenset[items[0]]
        elif k == "tuple": base = tuple[items[0], ...]
        elif k == "sequence": base = Sequence[items[0]]
        elif k == "tuplefix": base = tuple[tuple(items)] if items else tuple[()]
        elif k == "dict": base = dict[items[0], items[1]]
        elif k == "optional": base = Optional[items[0]]
        elif k in ("union", "tagged"): base = Union[tuple(items)]
        else: raise ValueError("kind " + k)
    if k == "tagged": fk["discriminator"] = t["disc"]
    if k == "union" and "mode" in t: fk["union_mode"] = t["mode"]
    return Annotated[base, Field(**fk)] if fk else base

def default_of(f, ns):
    return TypeAdapter(T(f["type"], ns)).validate_python(f["default"])

def build_model(m, ns):
    ann, attrs = {}, {}
    for f in m["fields"]:
        ann[f["name"]] = T(f["type"], ns)
        kw = {}
        if "alias" in f: kw["alias"] = f["alias"]
        if "val_alias" in f:
            va = f["val_alias"]
            kw["validation_alias"] = va[0] if len(va) == 1 else AliasChoices(*va)
        if "default" in f: kw["default"] = default_of(f, ns)
        if "factory" in f: kw["default_factory"] = {"list": list, "dict": dict}[f["factory"]]
        if kw: attrs[f["name"]] = Field(**kw)
    cfg = {}
    if "extra" in m: cfg["extra"] = m["extra"]
    if m.get("populate_by_name"): cfg["populate_by_name"] = True
    if m.get("dataclass"):
        fields = [(f["name"], ann[f["name"]], attrs[f["name"]]) if f["name"] in attrs else (f["name"], ann[f["name"]])
                  for f in m["fields"]]
        cls = dataclasses.make_dataclass(m["name"], fields)
        if cfg: cls = pydantic.dataclasses.dataclass(cls, config=ConfigDict(**cfg))
        return cls
    attrs["__annotations__"] = ann
    attrs["model_config"] = ConfigDict(**cfg)
    attrs["__module__"] = __name__
    return type(m["name"], (BaseModel,), attrs)

def build(schema):
    ns = {}
    for e in schema.get("enums", []):
        base = enum.IntEnum if e.get("int") else enum.Enum
        ns[e["name"]] = base(e["name"], [("m%d" % i, v) for i, v in enumerate(e["values"])])
    for m in schema.get("models", []):
        ns[m["name"]] = build_model(m, ns)
    return TypeAdapter(T(schema["root"], ns))

def enc(o):
    # jsonable_encoder on error items and plain values
    if isinstance(o, dict): return {str(enc(k)) if not isinstance(k, (int, float)) or isinstance(k, bool) else k: enc(v) for k, v in o.items()}
    if isinstance(o, (list, tuple, set, frozenset)): return [enc(x) for x in o]
    if isinstance(o, enum.Enum): return enc(o.value)
    if isinstance(o, BaseModel): return enc(o.model_dump(mode="json"))
    if dataclasses.is_dataclass(o): return enc(dataclasses.asdict(o))
    if o is None or isinstance(o, (str, int, float)): return o
    if isinstance(o, bytes): return o.decode()
    if isinstance(o, Decimal): return int(o) if isinstance(o.as_tuple().exponent, int) and o.as_tuple().exponent >= 0 else float(o)
    if isinstance(o, uuid.UUID): return str(o)
    if isinstance(o, (datetime.date, datetime.time)): return o.isoformat()
    if isinstance(o, datetime.timedelta): return o.total_seconds()
    if isinstance(o, BaseException): return {}
    if isinstance(o, re.Pattern): return o.pattern
    return str(o)

def dumps(o):
    s = json.dumps(o, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    s.encode("utf-8")
    return s

def filt(f):
    if f is None or f is True: return True
    return {(int(k) if k.isdigit() else k): filt(v) for k, v in f.items()}

_cache = {}
def handle(case):
    key = case["schema"]
    ta = _cache.get(key)
    if ta is None:
        ta = _cache[key] = build(json.loads(key))
    v = json.loads(case["in"])
    try:
        r = ta.validate_python(v, from_attributes=True)
    except ValidationError as e:
        try:
            return {"err": dumps(enc(e.errors(include_url=False)))}
        except ValueError:
            return {"err": "ENCODE_ERROR"}
    except Exception as e:
        return {"err": "EXCEPTION " + type(e).__name__}
    outs = []
    for d in case["dumps"]:
        kw = dict(by_alias=d.get("by_alias", False), exclude_unset=d.get("exclude_unset", False),
                  exclude_defaults=d.get("exclude_defaults", False), exclude_none=d.get("exclude_none", False))
        if "include" in d: kw["include"] = filt(d["include"])
        if "exclude" in d: kw["exclude"] = filt(d["exclude"])
        try:
            if d["mode"] == "A": outs.append(ta.dump_json(r, **kw).decode())
            elif d["mode"] == "B": outs.append(dumps(ta.dump_python(r, mode="json", **kw)))
            else: outs.append(dumps(enc(r)))
        except (ValueError, PydanticSerializationError) as e:
            outs.append("ENCODE_ERROR")
    return {"ok": outs}
`

// Dump is one way of writing the validated value: Mode "A" (pydantic JSON,
// FastAPI's response_model path), "B" (model_dump(mode="json") then
// json.dumps) or "C" (jsonable_encoder then json.dumps, plain values).
type Dump struct {
	Mode            string         `json:"mode"`
	ByAlias         bool           `json:"by_alias,omitempty"`
	ExcludeUnset    bool           `json:"exclude_unset,omitempty"`
	ExcludeDefaults bool           `json:"exclude_defaults,omitempty"`
	ExcludeNone     bool           `json:"exclude_none,omitempty"`
	Include         map[string]any `json:"include,omitempty"`
	Exclude         map[string]any `json:"exclude,omitempty"`
}

// Options converts d to the Encoder's mode and options.
func (d Dump) Options() (validate.Mode, validate.DumpOptions) {
	mode := map[string]validate.Mode{"A": validate.ModePydantic, "B": validate.ModeJSONMode, "C": validate.ModeJSONable}[d.Mode]
	return mode, validate.DumpOptions{ByAlias: d.ByAlias, ExcludeUnset: d.ExcludeUnset, ExcludeDefaults: d.ExcludeDefaults,
		ExcludeNone: d.ExcludeNone, Include: toFilter(d.Include), Exclude: toFilter(d.Exclude)}
}

func toFilter(m map[string]any) *validate.Filter {
	if m == nil {
		return nil
	}
	f := &validate.Filter{Keys: map[string]*validate.Filter{}}
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			f.Keys[k] = toFilter(sub)
		} else {
			f.Keys[k] = nil
		}
	}
	return f
}

// Case is one differential case: a body validated as Schema's root type,
// then written in each of Dumps.
type Case struct {
	Name   string
	Schema *Schema
	In     string
	Dumps  []Dump
}

// Answer is an outcome: Err is the FastAPI error list JSON, else Out holds
// one output per Dump ("ENCODE_ERROR" where FastAPI would fail with 500).
type Answer struct {
	Err string   `json:"err"`
	Out []string `json:"ok"`
}

func (a Answer) String() string {
	if a.Err != "" {
		return "err " + a.Err
	}
	return "ok " + strings.Join(a.Out, " | ")
}

// Oracle asks pydantic for the answer of every case.
func Oracle(t testing.TB, cases []Case) []Answer {
	t.Helper()
	schemas := map[*Schema]string{}
	var in []any
	for _, c := range cases {
		sj, ok := schemas[c.Schema]
		if !ok {
			b, err := json.Marshal(c.Schema)
			if err != nil {
				t.Fatal(err)
			}
			sj = string(b)
			schemas[c.Schema] = sj
		}
		dumps := c.Dumps
		if dumps == nil {
			dumps = []Dump{}
		}
		in = append(in, map[string]any{"schema": sj, "in": c.In, "dumps": dumps})
	}
	raw := pyoracle.Run(t, Script, in)
	out := make([]Answer, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &out[i]); err != nil {
			t.Fatalf("case %d: %v: %s", i, err, r)
		}
	}
	return out
}

// ErrorsJSON encodes errors as FastAPI does ("ENCODE_ERROR" when it
// cannot: FastAPI answers 500).
func ErrorsJSON(errs []*validate.Error) string {
	for _, e := range errs {
		if e.Type == validate.TypePythonException {
			return "EXCEPTION OverflowError"
		}
	}
	b, err := validate.AppendErrors(nil, errs)
	if err != nil {
		return "ENCODE_ERROR"
	}
	return string(b)
}

// Compare checks got against the oracle's answers, reporting mismatches.
func Compare(t *testing.T, cases []Case, want []Answer, impl func(c *Case) Answer) (passed int) {
	t.Helper()
	for i := range cases {
		c := &cases[i]
		got := safeRun(c, impl)
		if got.String() != want[i].String() {
			t.Errorf("%s: input %s\n got  %s\n want %s", c.Name, c.In, got, want[i])
			continue
		}
		passed++
	}
	return passed
}

func safeRun(c *Case, impl func(c *Case) Answer) (a Answer) {
	defer func() {
		if r := recover(); r != nil {
			a = Answer{Err: fmt.Sprint("PANIC ", r)}
		}
	}()
	return impl(c)
}

// Run validates and dumps c with the interpreter.
func (in *Interp) Run(c *Case) Answer {
	v, errs := in.ValidateJSON([]byte(c.In))
	if errs != nil {
		return Answer{Err: ErrorsJSON(errs)}
	}
	out := []string{}
	for _, d := range c.Dumps {
		mode, opts := d.Options()
		b, err := in.Dump(v, mode, opts)
		if err != nil {
			out = append(out, "ENCODE_ERROR")
			continue
		}
		out = append(out, string(b))
	}
	return Answer{Out: out}
}
