package lift

import (
	"regexp"
	"strings"

	"github.com/covetpy/covetgen/ir"
)

var nonWordRE = regexp.MustCompile(`[^\p{L}\p{N}_]`)

// defaultUniqueID is FastAPI's generate_unique_id.
func defaultUniqueID(route *ir.Route) string {
	id := nonWordRE.ReplaceAllString(route.Name+route.Path, "_")
	return id + "_" + strings.ToLower(route.Methods[0])
}

// uniqueID sets the route's operation id: operation_id=, else the unique id function.
func (rl *routeLifter) uniqueID(route *ir.Route, fn obj) {
	if route.OperationID != nil {
		return
	}
	var id string
	if fn == nil {
		id = defaultUniqueID(route)
	} else {
		s, ok := rl.runUniqueID(fn, route)
		if !ok {
			rl.app.OpenAPIUnresolved = true
			route.Diags.Add(route.Pos, "generate_unique_id_function %s not evaluated statically", objName(fn))
			id = defaultUniqueID(route)
		} else {
			id = s
		}
	}
	route.OperationID = &id
}

// routeView is the APIRoute a generate_unique_id_function receives.
type routeView struct{ r *ir.Route }

// runUniqueID runs a generate_unique_id_function on a view of the route.
func (rl *routeLifter) runUniqueID(fn obj, route *ir.Route) (string, bool) {
	f, ok := fn.(*funcObj)
	if !ok {
		return "", false
	}
	v := f.ms.in.callFunc(f, []obj{routeView{route}}, nil, route.Pos)
	return constStr(v)
}

func (v routeView) attr(name string) obj {
	switch name {
	case "name":
		return valObj{ir.Str(v.r.Name)}
	case "path", "path_format":
		return valObj{ir.Str(v.r.Path)}
	case "tags":
		items := make([]obj, len(v.r.Tags))
		for i, t := range v.r.Tags {
			items[i] = valObj{ir.Str(t)}
		}
		return seqObj{kind: "list", items: items}
	case "methods":
		items := make([]obj, len(v.r.Methods))
		for i, m := range v.r.Methods {
			items[i] = valObj{ir.Str(m)}
		}
		return seqObj{kind: "set", items: items}
	case "summary":
		if v.r.Summary != nil {
			return valObj{ir.Str(*v.r.Summary)}
		}
		return valObj{ir.None{}}
	}
	return unknownObj{why: "route." + name}
}
