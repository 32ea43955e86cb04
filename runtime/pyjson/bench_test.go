package pyjson

import (
	"strings"
	"testing"
)

// benchBody is a ~1 KB request body typical of an API: nested objects,
// arrays, strings with and without escapes, ints and floats.
var benchBody = []byte(`{"id":12345,"name":"Widget \"Pro\" édition","price":1999.99,"tags":["alpha","beta","gamma","delta"],` +
	`"dimensions":{"width":12.5,"height":7.25,"depth":3.0,"unit":"cm"},"in_stock":true,"discount":null,` +
	`"owner":{"id":"2f1c9a0e-5b7d-4c3e-9f8a-1b2c3d4e5f60","email":"someone@example.com","roles":["admin","editor"]},` +
	`"variants":[{"sku":"W-1","color":"red","qty":10,"price":1999.99},{"sku":"W-2","color":"green","qty":0,"price":2099.5},` +
	`{"sku":"W-3","color":"blue","qty":3,"price":1899.0}],"description":"A widget.\nIt does things\tand more things; ` +
	strings.Repeat("lorem ipsum dolor sit amet ", 8) + `","created_at":"2024-01-02T03:04:05Z","ratings":[5,4,4,5,3,5,4,4,5,5],` +
	`"metadata":{"source":"import","batch":42,"flags":{"a":true,"b":false,"c":true}}}`)

func BenchmarkDecode1KB(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	b.ReportAllocs()
	var d Doc
	for i := 0; i < b.N; i++ {
		if err := d.Parse(benchBody, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode1KBFresh(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(benchBody); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode1KB(b *testing.B) {
	d, err := Parse(benchBody)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	buf := make([]byte, 0, 2048)
	for i := 0; i < b.N; i++ {
		if buf, err = AppendValue(buf[:0], d.Root()); err != nil {
			b.Fatal(err)
		}
	}
}
