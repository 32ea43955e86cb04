// Package pyjson reproduces CPython's json module as FastAPI uses it.
//
// Decoding: [Parse] accepts exactly the request bodies that json.loads(body)
// accepts (body being bytes): encoding detection (UTF-8, UTF-8 with BOM,
// UTF-16 and UTF-32 as json.detect_encoding picks them, all decoded with
// "surrogatepass"), NaN / Infinity / -Infinity, 1e400 -> inf, integers of
// any length up to CPython's 4300-digit int conversion limit, lone
// surrogates, duplicate keys (last value wins, first position kept, as a
// Python dict does). A syntax error comes back as a [*SyntaxError] carrying
// CPython's message and the character (code point) index that
// JSONDecodeError.pos reports. Failures that CPython raises as other
// exceptions (UnicodeDecodeError, RecursionError, the int digit limit) come
// back as an [*InputError]: FastAPI answers those with 400 "There was an
// error parsing the body" rather than a 422.
//
// Design: the decoder builds a value tree stored as a flat "tape" of
// fixed-size nodes ([Doc]) in one pass over the bytes, without recursion and
// without reflection. A tree rather than a streaming token API because
//   - CPython reports every syntax error before any validation happens, so a
//     generated decoder cannot act on a prefix of the document anyway;
//   - pydantic validates model fields in field declaration order, not input
//     order, reports missing fields with the whole object as input, and
//     needs duplicate keys resolved the Python way: all of that wants random
//     access to a parsed object.
//
// Strings without escapes are substrings of one copy of the input; escaped
// strings live in one shared buffer; so a parse costs a handful of
// allocations whatever the document size. Strings are "WTF-8": UTF-8 in
// which a lone surrogate (which a Python str can hold) is written as its
// 3-byte generalized UTF-8 form; [CharLen] counts code points the way
// Python's len does.
//
// Nesting: CPython 3.11's C scanner recurses once per array/object and
// raises RecursionError near the interpreter's recursion limit (1000) less
// the stack already in use. Measured through FastAPI 0.141.1: under uvicorn
// (h11) a body nested 959 levels deep parses and 960 levels give 400; under
// Starlette's TestClient the limit is 967. [DefaultMaxDepth] is 959.
//
// Encoding: [Marshal] and the Append* functions reproduce
// json.dumps(v, ensure_ascii=False, allow_nan=False, separators=(",", ":")),
// the encoder of Starlette's JSONResponse; [AppendFloatRepr] is Python's
// float repr and [AppendFloatPydantic] pydantic-core's JSON float format.
package pyjson
