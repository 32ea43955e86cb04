package lift

import (
	"path"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// fsPathObj is a filesystem path computed from the module's __file__: a str (os.path
// functions) or a pathlib.Path. Rel is the path relative to the app root, cleaned ("." for
// the root itself, "../x" outside it). Its absolute value depends on where the app is
// installed, so it is not a constant: only StaticFiles(directory=...) reads it.
type fsPathObj struct {
	rel    string
	isPath bool
}

// fsMethod is a method of a pathlib.Path computed from __file__ (p.resolve, p.joinpath).
type fsMethod struct {
	recv fsPathObj
	name string
}

// fileObj is __file__ of the module.
func (ms *modState) fileObj() obj {
	return fsPathObj{rel: path.Clean(strings.ReplaceAll(ms.mod.Rel, "\\", "/"))}
}

func (p fsPathObj) parent() fsPathObj {
	switch {
	case p.rel == ".":
		p.rel = ".."
	case p.rel == ".." || strings.HasSuffix(p.rel, "/.."):
		p.rel += "/.."
	default:
		p.rel = path.Dir(p.rel)
	}
	return p
}

// join appends relative parts (str constants or pathlib parts); an absolute part or one not
// known statically makes the result unknown.
func (p fsPathObj) join(parts []obj, pos ir.Pos) obj {
	for _, a := range parts {
		if q, isFs := a.(fsPathObj); isFs {
			q.isPath = p.isPath
			p = q // an absolute path replaces what came before
			continue
		}
		s, ok := constStr(a)
		if !ok {
			return unknownObj{why: "path part not known statically" + whyUnknown(a), pos: pos}
		}
		if strings.HasPrefix(s, "/") {
			return unknownObj{why: "absolute path " + s + " joined to a path computed from __file__", pos: pos}
		}
		if s != "" {
			p.rel = path.Clean(p.rel + "/" + s)
		}
	}
	return p
}

// fsPathCall evaluates the os.path / pathlib calls on paths computed from __file__.
func (ms *modState) fsPathCall(name string, args []obj, kw []kwArg, pos ir.Pos) (obj, bool) {
	if len(args) == 0 || len(kw) > 0 {
		return nil, false
	}
	p, ok := args[0].(fsPathObj)
	if !ok {
		return nil, false
	}
	switch name {
	case "os.path.dirname":
		if len(args) == 1 {
			q := p.parent()
			q.isPath = false
			return q, true
		}
	case "os.path.abspath", "os.path.realpath", "os.path.normpath", "os.fspath", "builtins.str":
		if len(args) == 1 {
			p.isPath = false
			return p, true
		}
	case "os.path.join":
		p.isPath = false
		return p.join(args[1:], pos), true
	case "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath":
		p.isPath = true
		return p.join(args[1:], pos), true
	}
	return nil, false
}

// fsPathAttr evaluates p.name.
func fsPathAttr(p fsPathObj, name string, pos ir.Pos) obj {
	if p.isPath {
		switch name {
		case "parent":
			return p.parent()
		case "resolve", "absolute", "joinpath":
			return fsMethod{recv: p, name: name}
		}
	}
	return unknownObj{why: "attribute ." + name + " of a path computed from __file__ not known statically", pos: pos}
}

func (m fsMethod) call(args []obj, kw []kwArg, pos ir.Pos) obj {
	switch m.name {
	case "resolve", "absolute":
		if len(args) == 0 {
			return m.recv
		}
	case "joinpath":
		if len(kw) == 0 {
			return m.recv.join(args, pos)
		}
	}
	return unknownObj{why: "Path." + m.name + "() of a path computed from __file__ not evaluated statically", pos: pos}
}

// fsPathBinop evaluates p / "part".
func fsPathBinop(l obj, op ast.Operator, r obj, pos ir.Pos) (obj, bool) {
	p, ok := l.(fsPathObj)
	if !ok || !p.isPath {
		return nil, false
	}
	if op != ast.Div {
		return unknownObj{why: "operation on a path computed from __file__ not evaluated statically", pos: pos}, true
	}
	return p.join([]obj{r}, pos), true
}
