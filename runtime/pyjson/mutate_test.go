package pyjson

import (
	"math/rand/v2"
	"testing"
)

// TestMutationsMatchCPython runs seeded random mutations of the case table
// through both decoders: a cheap differential fuzz in one subprocess.
func TestMutationsMatchCPython(t *testing.T) {
	seeds := allDecodeInputs()
	r := rand.New(rand.NewPCG(7, 11))
	alphabet := []byte("[]{}\",:\\u0123456789abcdefABCDEFeE.+-ntrfalsNIy \t\n\r\x00\x1f\x7f\xc3\xa9\xed\xa0\x80\xff")
	var inputs [][]byte
	for len(inputs) < 3000 {
		s := append([]byte(nil), seeds[r.IntN(len(seeds))]...)
		if len(s) > 300 {
			continue
		}
		for n := 1 + r.IntN(3); n > 0; n-- {
			switch op := r.IntN(4); {
			case op == 0 && len(s) > 0: // delete
				i := r.IntN(len(s))
				s = append(s[:i], s[i+1:]...)
			case op == 1 && len(s) > 0: // replace
				s[r.IntN(len(s))] = alphabet[r.IntN(len(alphabet))]
			case op == 2: // insert
				i := r.IntN(len(s) + 1)
				s = append(s[:i], append([]byte{alphabet[r.IntN(len(alphabet))]}, s[i:]...)...)
			default: // splice two seeds
				o := seeds[r.IntN(len(seeds))]
				if len(o) < 200 {
					s = append(s, o...)
				}
			}
		}
		inputs = append(inputs, s)
	}
	runDecodeOracle(t, inputs)
}
