package ojson

import (
	"fmt"
	"strconv"
)

// Equal reports whether a and b are the same JSON value: same keys (in any order), same
// strings, and numbers equal both in value and in lexical kind (integer or float).
func Equal(a, b Value) bool {
	return len(Diff(a, b, 1)) == 0
}

// Diff lists up to max differences between got and want as "path: message" lines; max <= 0
// means no limit. Key order is not compared.
func Diff(got, want Value, max int) []string {
	d := differ{max: max}
	d.diff("$", got, want)
	return d.out
}

// OrderDiff lists the objects whose keys are the same but in a different order.
func OrderDiff(got, want Value, max int) []string {
	d := differ{max: max, order: true}
	d.diff("$", got, want)
	return d.out
}

type differ struct {
	max   int
	order bool
	out   []string
}

func (d *differ) add(path, format string, args ...any) {
	if d.max > 0 && len(d.out) >= d.max {
		return
	}
	d.out = append(d.out, path+": "+fmt.Sprintf(format, args...))
}

func (d *differ) full() bool { return d.max > 0 && len(d.out) >= d.max }

func (d *differ) diff(path string, got, want Value) {
	if d.full() {
		return
	}
	switch w := want.(type) {
	case *Object:
		g, ok := got.(*Object)
		if !ok {
			d.add(path, "got %s, want an object", short(got))
			return
		}
		if d.order {
			same := g.Len() == w.Len()
			for i, k := range w.Keys() {
				if same && g.Keys()[i] != k {
					d.add(path, "key order %v, want %v", g.Keys(), w.Keys())
					break
				}
			}
		}
		for _, k := range w.Keys() {
			wv, _ := w.Get(k)
			gv, ok := g.Get(k)
			if !ok {
				if !d.order {
					d.add(path+"."+k, "missing (want %s)", short(wv))
				}
				continue
			}
			d.diff(path+"."+k, gv, wv)
		}
		if !d.order {
			for _, k := range g.Keys() {
				if !w.Has(k) {
					gv, _ := g.Get(k)
					d.add(path+"."+k, "unexpected (got %s)", short(gv))
				}
			}
		}
	case Array:
		g, ok := got.(Array)
		if !ok {
			d.add(path, "got %s, want an array", short(got))
			return
		}
		if len(g) != len(w) && !d.order {
			d.add(path, "got %d items, want %d: got %s, want %s", len(g), len(w), short(got), short(want))
			return
		}
		for i := range min(len(g), len(w)) {
			d.diff(path+"["+strconv.Itoa(i)+"]", g[i], w[i])
		}
	case Number:
		g, ok := got.(Number)
		if !ok {
			if !d.order {
				d.add(path, "got %s, want %s", short(got), w)
			}
			return
		}
		if d.order {
			return
		}
		if g.IsFloat() != w.IsFloat() {
			d.add(path, "got %s, want %s (int/float kind differs)", g, w)
			return
		}
		gr, wr := g.Rat(), w.Rat()
		if gr == nil || wr == nil {
			if g != w {
				d.add(path, "got %s, want %s", g, w)
			}
			return
		}
		if gr.Cmp(wr) != 0 {
			d.add(path, "got %s, want %s", g, w)
		}
	default:
		if d.order {
			return
		}
		if fmt.Sprintf("%T", got) != fmt.Sprintf("%T", want) || got != want {
			d.add(path, "got %s, want %s", short(got), short(want))
		}
	}
}

func short(v Value) string {
	s := string(Marshal(v, -1))
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}
