// Package ojson is a small JSON value model that keeps what encoding/json throws away and
// what FastAPI's OpenAPI documents depend on: the insertion order of object keys and the
// lexical kind of numbers (Python's json module writes the int 1 as "1" and the float 1.0
// as "1.0", and the two are different documents for covetgen's purposes).
//
// Values are Object, Array, String, Number, Bool and Null. Marshal writes a value the way
// Python's json.dumps(value, indent=2, ensure_ascii=False) does; Decode reads a document back
// keeping key order and number lexemes; Equal and Diff compare two values.
package ojson
