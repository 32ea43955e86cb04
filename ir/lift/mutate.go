package lift

import (
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// Lists, dicts and sets are values in the interpreter, so a statement that changes one in
// place (items.append(x), d[k] = v, del d[k]) rebinds the name that holds it to the new
// value. A change the interpreter cannot compute, or one made in a loop whose iterations are
// not known, makes the name unknown rather than leave it stale.

// mutatingMethods are the list, dict and set methods that change their receiver.
var mutatingMethods = map[string]bool{"append": true, "extend": true, "insert": true, "remove": true, "pop": true,
	"clear": true, "sort": true, "reverse": true, "update": true, "setdefault": true, "popitem": true, "add": true,
	"discard": true, "difference_update": true, "intersection_update": true}

// owner returns the scope that binds name (nil when none does).
func (ms *modState) owner(name string, sc *scope) *scope {
	for s := sc; s != nil; s = s.parent {
		if _, ok := s.names[name]; ok {
			return s
		}
	}
	if _, ok := ms.globals.names[name]; ok {
		return ms.globals
	}
	return nil
}

// mutationCall handles `NAME.method(...)` on a list, dict or set: it reports whether the
// statement was one.
func (ms *modState) mutationCall(e ast.Expr, sc *scope) bool {
	call, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	at, ok := call.Func.(*ast.Attribute)
	if !ok || !mutatingMethods[at.Attr] {
		return false
	}
	n, ok := at.Value.(*ast.Name)
	if !ok {
		return false
	}
	own := ms.owner(n.Id, sc)
	if own == nil {
		return false
	}
	recv := own.names[n.Id]
	switch recv.(type) {
	case seqObj, dictObj:
	default:
		return false
	}
	args := ms.evalElts(call.Args, sc)
	var kw []kwArg
	for _, k := range call.Keywords {
		if k.Arg != nil {
			kw = append(kw, kwArg{name: *k.Arg, val: ms.eval(k.Value, sc), pos: ms.pos(k)})
		}
	}
	own.set(n.Id, ms.mutated(recv, at.Attr, args, kw, n.Id, ms.pos(call)))
	return true
}

// mutated returns a container after a mutating method call.
func (ms *modState) mutated(recv obj, method string, args []obj, kw []kwArg, name string, pos ir.Pos) obj {
	unknown := unknownObj{why: name + " is changed by ." + method + "() in a way not followed statically", pos: pos}
	if len(ms.in.dynLoops) > 0 {
		return unknownObj{why: name + " is changed in a loop not known statically", pos: pos}
	}
	switch x := recv.(type) {
	case seqObj:
		switch {
		case method == "append" && len(args) == 1 && x.kind == "list":
			return seqObj{kind: x.kind, items: append(append([]obj{}, x.items...), args[0])}
		case method == "add" && len(args) == 1 && x.kind == "set":
			if found, ok := containsObj(x, args[0]); ok {
				if found {
					return x
				}
				return seqObj{kind: x.kind, items: append(append([]obj{}, x.items...), args[0])}
			}
		case method == "extend" && len(args) == 1 && x.kind == "list":
			if items, ok := iterItems(args[0]); ok {
				return seqObj{kind: x.kind, items: append(append([]obj{}, x.items...), items...)}
			}
		case method == "insert" && len(args) == 2 && x.kind == "list":
			if v, ok := args[0].(valObj); ok {
				if i, ok := v.v.(ir.Int); ok && i.V.IsInt64() {
					n := int(i.V.Int64())
					if n < 0 {
						n += len(x.items)
					}
					n = max(0, min(n, len(x.items)))
					items := append(append(append([]obj{}, x.items[:n]...), args[1]), x.items[n:]...)
					return seqObj{kind: x.kind, items: items}
				}
			}
		case method == "clear":
			return seqObj{kind: x.kind}
		}
	case dictObj:
		switch {
		case method == "update" && len(args) <= 1:
			d := x
			if len(args) == 1 {
				src, ok := args[0].(dictObj)
				if !ok {
					return unknown
				}
				for i := range src.keys {
					d = d.with(src.keys[i], src.vals[i])
				}
			}
			for _, k := range kw {
				d = d.with(valObj{ir.Str(k.name)}, k.val)
			}
			return d
		case method == "setdefault" && len(args) >= 1:
			if found, ok := containsObj(x, args[0]); ok {
				if found {
					return x
				}
				var v obj = valObj{ir.None{}}
				if len(args) > 1 {
					v = args[1]
				}
				return x.with(args[0], v)
			}
		case method == "clear":
			return dictObj{}
		}
	}
	return unknown
}

// assignItem handles `NAME[key] = value` on a dict or list.
func (ms *modState) assignItem(t *ast.Subscript, v obj, sc *scope) {
	n, ok := t.Value.(*ast.Name)
	if !ok {
		return
	}
	own := ms.owner(n.Id, sc)
	if own == nil {
		return
	}
	key := ms.eval(t.Slice, sc)
	pos := ms.pos(t)
	var out obj = unknownObj{why: n.Id + " is changed by an item assignment not followed statically", pos: pos}
	switch x := own.names[n.Id].(type) {
	case dictObj:
		if _, known := toValue(key); known && len(ms.in.dynLoops) == 0 {
			out = x.with(key, v)
		}
	case seqObj:
		if kv, ok := key.(valObj); ok && x.kind == "list" && len(ms.in.dynLoops) == 0 {
			if i, ok := kv.v.(ir.Int); ok && i.V.IsInt64() {
				idx := int(i.V.Int64())
				if idx < 0 {
					idx += len(x.items)
				}
				if idx >= 0 && idx < len(x.items) {
					items := append([]obj{}, x.items...)
					items[idx] = v
					out = seqObj{kind: x.kind, items: items}
				}
			}
		}
	default:
		return
	}
	own.set(n.Id, out)
}

// deleteItem handles `del NAME[key]`: the container is no longer known.
func (ms *modState) deleteItem(t *ast.Subscript, sc *scope) {
	n, ok := t.Value.(*ast.Name)
	if !ok {
		return
	}
	if own := ms.owner(n.Id, sc); own != nil {
		switch own.names[n.Id].(type) {
		case dictObj, seqObj:
			own.set(n.Id, unknownObj{why: n.Id + " is changed by del", pos: ms.pos(t)})
		}
	}
}
