package lift

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser/ast"
)

// sigParam is one parameter of a callable's signature.
type sigParam struct {
	name string
	ann  obj // nil when not annotated
	def  obj // nil when no default
	pos  ir.Pos
	ms   *modState
	// typ and defVal replace ann and def for the synthesized signature of a model or
	// dataclass (inspect.signature of the class).
	typ    *ir.Type
	defVal ir.Value
}

var pathParamRE = regexp.MustCompile(`{(.*?)}`)

// pathParamNames returns the names in a path format ({name} and {name:conv} give name).
func pathParamNames(path string) map[string]bool {
	out := map[string]bool{}
	for _, m := range pathParamRE.FindAllStringSubmatch(path, -1) {
		name, _, _ := strings.Cut(m[1], ":")
		out[name] = true
	}
	return out
}

// pathFormat strips convertors: /items/{id:int} -> /items/{id}.
func pathFormat(path string) string {
	return pathParamRE.ReplaceAllStringFunc(path, func(s string) string {
		name, _, _ := strings.Cut(s[1:len(s)-1], ":")
		return "{" + name + "}"
	})
}

// stubs returns the state of covetgen's framework stub module.
func (in *interp) stubs() *modState {
	if ms, ok := in.mods["<fastapi-stubs>"]; ok {
		return ms
	}
	ms := &modState{in: in, mod: &load.Module{Name: "fastapi.security.oauth2", Rel: "<fastapi>"}, globals: newScope(nil)}
	in.mods["<fastapi-stubs>"] = ms
	f, err := in.prog.ParseSource("<fastapi>", []byte(frameworkStubs))
	if err == nil && f != nil && f.Module != nil {
		ms.execBody(f.Module.Body, ms.globals)
	}
	ms.done = true
	return ms
}

// dependencyTarget resolves a Depends() target to something with a signature.
func (in *interp) dependencyTarget(o obj) obj {
	if f, ok := o.(fwObj); ok {
		short := f.name[strings.LastIndexByte(f.name, '.')+1:]
		if strings.HasPrefix(f.name, "fastapi.security.") {
			if c, ok := in.stubs().globals.names[short].(*classObj); ok {
				return c
			}
		}
	}
	return o
}

// signature returns the parameters FastAPI sees for a dependency or endpoint callable.
func (in *interp) signature(o obj) ([]sigParam, bool) {
	switch x := o.(type) {
	case *funcObj:
		return funcSignature(x, x.self != nil), true
	case *classObj:
		if x.isModel() {
			// inspect.signature of a model or dataclass: one keyword per field, named by its
			// alias, annotated with its type (constraints kept, documentation lost).
			var out []sigParam
			m := in.liftModel(x)
			for _, f := range m.Fields {
				name := f.Name
				if f.Info.Alias != nil && m.Kind == ir.BaseModel {
					name = *f.Info.Alias
				}
				sp := sigParam{name: name, pos: f.Pos, ms: x.ms, typ: f.Type}
				if !f.Info.Required {
					sp.defVal = f.Info.Default
					if sp.defVal == nil {
						sp.defVal = ir.Opaque{Text: "<factory>", Pos: f.Pos}
					}
				}
				out = append(out, sp)
			}
			return out, true
		}
		if f, ok := x.method("__init__"); ok {
			return funcSignature(f, true), true
		}
		return nil, true
	case *instanceObj:
		if f, ok := x.cls.method("__call__"); ok {
			return funcSignature(f, true), true
		}
		return nil, false
	case *lambdaObj:
		f := &funcObj{ms: x.ms, name: "<lambda>", args: x.def.Args, pos: x.pos, defaults: map[string]obj{}}
		all := append(append([]*ast.Arg{}, x.def.Args.Posonlyargs...), x.def.Args.Args...)
		for i, d := range x.def.Args.Defaults {
			if j := len(all) - len(x.def.Args.Defaults) + i; j >= 0 {
				f.defaults[all[j].Arg] = x.ms.eval(d, x.ms.globals)
			}
		}
		return funcSignature(f, false), true
	case fwCall:
		if _, ok := securitySchemes[x.name]; ok {
			c := in.stubs().globals.names["SecurityCall"].(*classObj)
			f, _ := c.method("__call__")
			return funcSignature(f, true), true
		}
	}
	return nil, false
}

// funcSignature lists a function's parameters (without self/cls when skipSelf).
func funcSignature(f *funcObj, skipSelf bool) []sigParam {
	var args []*ast.Arg
	args = append(args, f.args.Posonlyargs...)
	args = append(args, f.args.Args...)
	if skipSelf && len(args) > 0 {
		args = args[1:]
	}
	// inspect.signature's order: positional, *args, keyword-only, **kwargs. FastAPI reads
	// *args and **kwargs as two more parameters called by their names.
	if f.args.Vararg != nil {
		args = append(args, f.args.Vararg)
	}
	args = append(args, f.args.Kwonlyargs...)
	if f.args.Kwarg != nil {
		args = append(args, f.args.Kwarg)
	}
	sc := f.annScope()
	var out []sigParam
	for _, a := range args {
		p := sigParam{name: a.Arg, pos: f.ms.pos(a), ms: f.ms}
		if a.Annotation != nil {
			p.ann = f.ms.eval(a.Annotation, sc)
		}
		if d, ok := f.defaults[a.Arg]; ok {
			p.def = d
		}
		out = append(out, p)
	}
	return out
}

// annScope is where a function's annotations were evaluated: the scope its def ran in (a
// factory's locals for a closure), else its module's globals.
func (f *funcObj) annScope() *scope {
	if f.scope != nil {
		return f.scope
	}
	return f.ms.globals
}

// dependantOpts are get_dependant's arguments.
type dependantOpts struct {
	path                    string
	name                    string
	ownScopes, parentScopes []string
	useCache                bool
	scope                   string
	isSecurity              bool
	pos                     ir.Pos
	depth                   int
}

// buildDependant is FastAPI's get_dependant.
func (in *interp) buildDependant(call obj, o dependantOpts, diags *ir.Diagnostics) *ir.Dependant {
	target := in.dependencyTarget(call)
	d := &ir.Dependant{Name: o.name, UseCache: o.useCache, Scope: o.scope, IsSecurity: o.isSecurity,
		OwnScopes: o.ownScopes, ParentScopes: o.parentScopes, Pos: o.pos}
	d.Call = in.callableOf(target)
	d.Call.Key = callKey(target)
	for _, n := range notesOf(target) {
		diags.Add(n.Pos, "%s", n.Msg)
	}
	if fc, ok := target.(fwCall); ok {
		if s, problems, ok := securityScheme(fc.name, fc.args, fc.kw); ok {
			d.Security = s
			for _, p := range problems {
				diags.Add(fc.pos, "%s", p)
			}
		}
	}
	if o.depth > 30 {
		diags.Add(o.pos, "dependencies nested too deeply")
		return d
	}
	params, ok := in.signature(target)
	if !ok {
		if u, isU := target.(unknownObj); isU {
			diags.Add(o.pos, "dependency not resolved: %s", u.why)
		} else {
			diags.Add(o.pos, "dependency %s has no signature covetgen can read", objName(target))
		}
	}
	current := append(append([]string{}, o.parentScopes...), o.ownScopes...)
	pathNames := pathParamNames(o.path)
	for _, sp := range params {
		in.analyzeParam(d, sp, pathNames[sp.name], current, o, diags)
	}
	return d
}

// callKey identifies the Python object a dependency calls.
func callKey(o obj) string {
	switch x := o.(type) {
	case *funcObj:
		if x.wrapper != nil {
			return callKey(x.wrapper)
		}
		key := x.ms.mod.Name + "." + x.name
		if x.cls != nil {
			key = x.ms.mod.Name + "." + x.cls.def.Name + "." + x.name
		}
		if x.serial > 0 {
			key += "#" + strconv.Itoa(x.serial)
		}
		return key
	case *classObj:
		return x.ms.mod.Name + "." + x.def.Name
	case *instanceObj:
		return "instance@" + x.pos.String()
	case fwCall:
		return "instance@" + x.pos.String()
	case fwObj:
		return x.name
	case *lambdaObj:
		return "lambda@" + x.pos.String()
	}
	return "?"
}

// analyzeParam is FastAPI's analyze_param plus get_dependant's handling of its result.
func (in *interp) analyzeParam(d *ir.Dependant, sp sigParam, isPath bool, currentScopes []string, o dependantOpts, diags *ir.Diagnostics) {
	ms := sp.ms
	if sp.typ != nil {
		in.synthesizedParam(d, sp, isPath, diags)
		return
	}
	var useAnn obj = fwObj{"typing.Any"}
	if sp.ann != nil {
		useAnn = ms.resolveForward(sp.ann, 0)
	}
	typeAnn := useAnn
	var meta []obj
	var depends *fwCall
	var fi *ir.FieldInfo
	var mk marker
	if a, ok := useAnn.(aliasObj); ok && isFw(a.origin, "typing.Annotated") {
		typeAnn, meta = splitAnnotated(useAnn)
		var last obj
		for _, m := range meta {
			if c, ok := isFieldInfoCall(m); ok && c.name != "pydantic.Field" {
				last = m
			} else if _, ok := isDependsCall(m); ok {
				last = m
			}
		}
		if c, ok := isDependsCall(last); ok {
			depends = &c
		} else if c, ok := isFieldInfoCall(last); ok {
			info := ms.fieldInfo(c, &mk)
			if !info.Required {
				diags.Add(sp.pos, "%s default value cannot be set in Annotated for %q", shortName(c.name), sp.name)
			}
			if sp.def != nil {
				v, ok := toValue(sp.def)
				if _, ell := v.(ir.Ellipsis); ell {
					info.Required = true
				} else {
					if !ok {
						diags.Add(sp.pos, "default of parameter %s not known statically", sp.name)
					}
					info.Required, info.Default = false, v
				}
			} else {
				info.Required, info.Default = true, nil
			}
			fi = &info
		}
	}
	if c, ok := isDependsCall(sp.def); ok {
		depends = &c
	} else if c, ok := isFieldInfoCall(sp.def); ok && fi == nil {
		info := ms.fieldInfo(c, &mk)
		fi = &info
		if c.name == "pydantic.Field" {
			mk.in, mk.isParam = ir.InQuery, true
		}
	}
	if depends != nil {
		var dep obj
		if len(depends.args) > 0 {
			dep = depends.args[0]
		}
		if v, ok := kwGet(depends.kw, "dependency"); ok {
			dep = v
		}
		if v, ok := dep.(valObj); ok {
			if _, none := v.v.(ir.None); none {
				dep = nil
			}
		}
		if dep == nil {
			dep = typeAnn
		}
		useCache, scope := dependsOptions(*depends, diags)
		var own []string
		isSec := depends.name == "fastapi.Security"
		if isSec {
			var sc obj
			if len(depends.args) > 1 {
				sc = depends.args[1]
			}
			if v, ok := kwGet(depends.kw, "scopes"); ok {
				sc = v
			}
			for _, it := range seqItems(sc) {
				if s, ok := constStr(it); ok {
					own = append(own, s)
				}
			}
		}
		sub := in.buildDependant(dep, dependantOpts{path: o.path, name: sp.name, ownScopes: own,
			parentScopes: currentScopes, useCache: useCache, scope: scope, isSecurity: isSec, pos: depends.pos,
			depth: o.depth + 1}, diags)
		d.Deps = append(d.Deps, sub)
		return
	}
	t := ms.typeOf(typeAnn, sp.pos)
	if special, ok := specialParam(t); ok && fi == nil {
		d.Params = append(d.Params, &ir.Param{Name: sp.name, In: special, Type: t, Pos: sp.pos, IncludeInSchema: true})
		return
	}
	// Non-FastAPI metadata of Annotated (constraints, pydantic.Field) belongs to the type:
	// it shapes the schema but not the parameter's own documentation.
	var typeMeta []obj
	for _, m := range meta {
		if c, ok := isFieldInfoCall(m); ok && c.name != "pydantic.Field" {
			continue
		}
		if _, ok := isDependsCall(m); ok {
			continue
		}
		typeMeta = append(typeMeta, m)
	}
	if len(typeMeta) > 0 {
		t = ms.applyTypeMeta(t, typeMeta, sp.pos)
		if fi != nil && t.Meta != nil {
			// With a FastAPI marker in the Annotated, FastAPI keeps only the metadata
			// (constraints) of a pydantic Field beside it (copy_field_info).
			cp := *t
			cp.Meta = nil
			t = &cp
		}
	}
	if fi == nil {
		info := ir.FieldInfo{Required: true, Pos: sp.pos}
		if sp.def != nil {
			v, ok := toValue(sp.def)
			if !ok {
				diags.Add(sp.pos, "default of parameter %s not known statically", sp.name)
			}
			info.Required, info.Default = false, v
		}
		mk = marker{includeInSchema: true, convertUnderscores: true, isParam: true}
		switch {
		case isPath:
			mk.in = ir.InPath
		case isUploadFile(t):
			mk.in, mk.mediaType = ir.InFile, "multipart/form-data"
		case !isScalarAnnotation(t):
			mk.in, mk.mediaType = ir.InBody, "application/json"
		default:
			mk.in = ir.InQuery
		}
		fi = &info
	}
	if isPath && mk.in != ir.InPath {
		diags.Add(sp.pos, "cannot use %s for path param %q", mk.in, sp.name)
		mk.in = ir.InPath
	}
	if !fi.HasDefault() && isPath {
		fi.Required = true
	}
	if fi.Alias == nil && mk.convertUnderscores && mk.in == ir.InHeader {
		a := strings.ReplaceAll(sp.name, "_", "-")
		fi.Alias = &a
	} else if fi.Alias == nil {
		a := sp.name
		fi.Alias = &a
	}
	t = withConstraints(t, fi.Constraints)
	if fi.Discriminator != "" {
		cp := *t
		cp.Discriminator = fi.Discriminator
		t = &cp
	}
	p := &ir.Param{Name: sp.name, In: mk.in, Type: t, Info: *fi, IncludeInSchema: mk.includeInSchema,
		ConvertUnderscores: mk.convertUnderscores, Embed: mk.embed, MediaType: mk.mediaType,
		OpenAPIExamples: mk.openapiExamples, Example: mk.example, Pos: sp.pos}
	if p := typeProblem(t); p != "" {
		diags.Add(sp.pos, "type of parameter %s %s", sp.name, p)
	}
	d.Params = append(d.Params, p)
}

func shortName(n string) string { return n[strings.LastIndexByte(n, '.')+1:] }

// specialParam reports whether a type is one FastAPI injects (Request, Response...).
func specialParam(t *ir.Type) (ir.ParamIn, bool) {
	if t.Kind != ir.KindClass {
		return 0, false
	}
	switch t.Name {
	case "fastapi.Request":
		return ir.InRequest, true
	case "fastapi.WebSocket":
		return ir.InWebSocket, true
	case "fastapi.requests.HTTPConnection":
		return ir.InHTTPConnection, true
	case "fastapi.BackgroundTasks":
		return ir.InBackgroundTasks, true
	case "fastapi.security.SecurityScopes":
		return ir.InSecurityScopes, true
	}
	if strings.HasPrefix(t.Name, "fastapi.responses.") {
		return ir.InResponse, true
	}
	return 0, false
}

// isUploadFile reports UploadFile, Optional[UploadFile] and sequences of UploadFile.
func isUploadFile(t *ir.Type) bool {
	isUF := func(t *ir.Type) bool { return t.Kind == ir.KindClass && t.Name == "fastapi.UploadFile" }
	if isUF(t) {
		return true
	}
	if t.Kind == ir.KindUnion {
		for _, a := range t.Args {
			if isUF(a) {
				return true
			}
		}
	}
	if t.IsSequence() && len(t.Args) == 1 && isUF(t.Args[0]) {
		return true
	}
	return false
}

// isScalarAnnotation is FastAPI's field_annotation_is_scalar.
func isScalarAnnotation(t *ir.Type) bool {
	return !isComplex(t)
}

func isComplex(t *ir.Type) bool {
	switch t.Kind {
	case ir.KindUnion:
		for _, a := range t.Args {
			if isComplex(a) {
				return true
			}
		}
		return false
	case ir.KindModel, ir.KindDict, ir.KindList, ir.KindSet, ir.KindFrozenSet:
		return true
	case ir.KindTuple:
		return true
	case ir.KindClass:
		return t.Name == "fastapi.UploadFile"
	}
	return false
}

// synthesizedParam classifies a parameter of a model's or dataclass's signature (a class
// used with Depends()): its type is known and it has no FastAPI marker.
func (in *interp) synthesizedParam(d *ir.Dependant, sp sigParam, isPath bool, diags *ir.Diagnostics) {
	t := sp.typ
	if special, ok := specialParam(t); ok {
		d.Params = append(d.Params, &ir.Param{Name: sp.name, In: special, Type: t, Pos: sp.pos, IncludeInSchema: true})
		return
	}
	info := ir.FieldInfo{Required: sp.defVal == nil, Default: sp.defVal, Pos: sp.pos}
	if ir.IsOpaque(sp.defVal) {
		diags.Add(sp.pos, "default of parameter %s not known statically", sp.name)
	}
	alias := sp.name
	info.Alias = &alias
	p := &ir.Param{Name: sp.name, Type: t, Info: info, IncludeInSchema: true, ConvertUnderscores: true, Pos: sp.pos}
	switch {
	case isPath:
		p.In = ir.InPath
		p.Info.Required = true
	case isUploadFile(t):
		p.In, p.MediaType = ir.InFile, "multipart/form-data"
	case !isScalarAnnotation(t):
		p.In, p.MediaType = ir.InBody, "application/json"
	default:
		p.In = ir.InQuery
	}
	d.Params = append(d.Params, p)
}

// dependsOptions reads Depends(use_cache=..., scope=...); a value not known statically is
// reported (the defaults, True and "", are used).
func dependsOptions(c fwCall, diags *ir.Diagnostics) (useCache bool, scope string) {
	useCache = true
	if v, ok := kwGet(c.kw, "use_cache"); ok {
		var known bool
		if useCache, known = truthValue(v); !known {
			useCache = true
			diags.Add(c.pos, "%s(use_cache=...) not known statically%s", shortName(c.name), whyUnknown(v))
		}
	}
	if v, ok := kwGet(c.kw, "scope"); ok && !isNoneObj(v) {
		var known bool
		if scope, known = constStr(v); !known {
			diags.Add(c.pos, "%s(scope=...) not known statically%s", shortName(c.name), whyUnknown(v))
		}
	}
	return useCache, scope
}
