package asgen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/validate"
)

// benchOrder is a ~1 KB order: a customer and eleven line items.
func benchOrder() []byte {
	lines := make([]string, 11)
	for i := range lines {
		lines[i] = fmt.Sprintf(`{"sku":"SKU-%d00%d","qty":%d,"unit_price":"%d.99","discount":0.%d}`, i, i, i+1, 10*i+3, i%10)
	}
	return []byte(`{"id":123456,"customer":{"name":"Ada Lovelace","email":"ada@analytical.engine"},"lines":[` +
		strings.Join(lines, ",") + `],"note":"leave at the door, ring twice; fragile items inside","created":"2024-01-02T03:04:05Z","paid":true}`)
}

// BenchmarkDecodeOrder decodes a parsed ~1 KB order into the typed struct.
func BenchmarkDecodeOrder(b *testing.B) {
	body := benchOrder()
	d, err := pyjson.Parse(body)
	if err != nil {
		b.Fatal(err)
	}
	s := validate.NewState()
	var o Order
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		s.Reset()
		if !DecodeOrder(s, d.Root(), &o) {
			b.Fatal(s.Errors()[0])
		}
	}
}

// BenchmarkParseDecodeEncodeOrder is the whole request/response path:
// pyjson parse, decode, pydantic-JSON encode.
func BenchmarkParseDecodeEncodeOrder(b *testing.B) {
	body := benchOrder()
	var d pyjson.Doc
	s := validate.NewState()
	var o Order
	var e validate.Encoder
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Parse(body, pyjson.Options{}); err != nil {
			b.Fatal(err)
		}
		s.Reset()
		if !DecodeOrder(s, d.Root(), &o) {
			b.Fatal(s.Errors()[0])
		}
		e.Reset(validate.ModePydantic, validate.DumpOptions{ByAlias: true})
		o.Encode(&e)
	}
}
