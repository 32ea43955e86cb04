package literal

import (
	"strings"
	"testing"
)

func benchString(b *testing.B, lit string) {
	b.SetBytes(int64(len(lit)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := String(lit); err != nil {
			b.Fatal(err.Msg)
		}
	}
}

func BenchmarkStringPlain(b *testing.B) {
	benchString(b, `'`+strings.Repeat("The quick brown fox jumps over the lazy dog. ", 20)+`'`)
}

func BenchmarkStringEscapes(b *testing.B) {
	benchString(b, `'`+strings.Repeat(`line\tone\n\x41\u00e9\U0001F600 \\ \' \101\d `, 20)+`'`)
}

func BenchmarkStringNonASCII(b *testing.B) {
	benchString(b, `'`+strings.Repeat(`Grüße, 世界! 😀\n`, 40)+`'`)
}

func BenchmarkStringNames(b *testing.B) {
	loadNames()
	benchString(b, `'`+strings.Repeat(`\N{EM DASH}\N{latin small letter a}\N{HANGUL SYLLABLE GAG}\N{LF}`, 10)+`'`)
}

func BenchmarkBytesEscapes(b *testing.B) {
	benchString(b, `b'`+strings.Repeat(`\x00\xff\n\t\101abc\d`, 40)+`'`)
}

func BenchmarkRawString(b *testing.B) {
	benchString(b, `r'''`+strings.Repeat(`^\d+\s*(\w+)$\n`, 40)+`'''`)
}

func BenchmarkFStringMiddle(b *testing.B) {
	text := strings.Repeat(`value {{x}} = \x41\n`, 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FStringMiddle(text, false); err != nil {
			b.Fatal(err.Msg)
		}
	}
}

func BenchmarkNumber(b *testing.B) {
	lits := []string{"0", "1", "42", "1_000_000", "0xff", "3.14159", "1e-5", "2j", "123456789012345678901234567890"}
	n := 0
	for _, l := range lits {
		n += len(l)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lits {
			if _, err := Number(l); err != nil {
				b.Fatal(err.Msg)
			}
		}
	}
}

// BenchmarkLoadNames is the one-time cost of the first \N{...} escape.
func BenchmarkLoadNames(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeNames(namesZlib); err != nil {
			b.Fatal(err)
		}
	}
}
