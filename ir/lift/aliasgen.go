package lift

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser/ast"
)

// applyAliasGenerator applies the model's alias_generator to its fields and computed fields
// as pydantic does (fields._apply_alias_generator_to_field_info): a field without an alias,
// or with a generated one (alias_priority 1, inherited from a base), takes the generated
// aliases; a field with an explicit alias keeps it and fills the aliases it lacks.
// pydantic's own generators (to_camel, to_pascal, to_snake), AliasGenerator(...) of them, and
// functions or lambdas whose result the interpreter computes are applied; anything else is
// reported, and the model is unresolved.
func (in *interp) applyAliasGenerator(c *classObj, m *ir.Model) {
	genObj, ok := c.config.get("alias_generator")
	if !ok || isNoneObj(genObj) {
		return
	}
	var alias, validation, serialization obj = genObj, nil, nil
	if call, ok := genObj.(fwCall); ok && call.name == "pydantic.AliasGenerator" {
		alias, validation, serialization = nil, nil, nil
		for i, a := range call.args {
			switch i {
			case 0:
				alias = a
			case 1:
				validation = a
			case 2:
				serialization = a
			}
		}
		for _, k := range call.kw {
			switch k.name {
			case "alias":
				alias = k.val
			case "validation_alias":
				validation = k.val
			case "serialization_alias":
				serialization = k.val
			}
		}
	}
	gen := func(f obj, name string) (*string, bool) {
		if f == nil || isNoneObj(f) {
			return nil, true
		}
		s, ok := in.generateAlias(f, name, c.pos)
		if !ok {
			in.report(c.pos, "model %s: alias_generator %s gives no alias known statically for field %s; field aliases may differ",
				m.Name, objName(genObj), name)
			return nil, false
		}
		return &s, true
	}
	first := func(a, b *string) *string {
		if a != nil {
			return a
		}
		return b
	}
	for i, f := range m.Fields {
		fi := f.Info
		// Field(alias=x) also sets the validation and serialization aliases.
		va, sa := fi.ValidationAlias, fi.SerializationAlias
		if fi.Alias != nil && va == nil && fi.ValidationAliasPaths == nil {
			va = fi.Alias
		}
		if fi.Alias != nil && sa == nil {
			sa = fi.Alias
		}
		hasVA := va != nil || fi.ValidationAliasPaths != nil
		if !(fi.AliasPriority <= 1 || fi.Alias == nil || !hasVA || sa == nil) {
			continue
		}
		a, ok1 := gen(alias, f.Name)
		v, ok2 := gen(validation, f.Name)
		s, ok3 := gen(serialization, f.Name)
		if !ok1 || !ok2 || !ok3 {
			return
		}
		if fi.AliasPriority <= 1 {
			fi.AliasPriority = 1
			sa, va, fi.Alias = first(s, a), first(v, a), a
			fi.ValidationAliasPaths = nil
			hasVA = va != nil
		}
		if fi.Alias == nil {
			fi.Alias = a
		}
		if sa == nil {
			sa = first(s, a)
		}
		if !hasVA {
			va = first(v, a)
		}
		fi.ValidationAlias, fi.SerializationAlias = va, sa
		cp := *f
		cp.Info = fi
		m.Fields[i] = &cp
	}
	for i, cf := range m.Computed {
		fi := cf.Info
		if !(fi.AliasPriority <= 1 || fi.Alias == nil) {
			continue
		}
		a, ok1 := gen(alias, cf.Name)
		s, ok2 := gen(serialization, cf.Name)
		if !ok1 || !ok2 {
			return
		}
		if fi.AliasPriority <= 1 {
			fi.AliasPriority = 1
			fi.Alias = first(s, a)
		}
		cp := *cf
		cp.Info = fi
		m.Computed[i] = &cp
	}
}

// generateAlias runs one alias generator on a field name.
func (in *interp) generateAlias(f obj, name string, pos ir.Pos) (string, bool) {
	arg := valObj{ir.Str(name)}
	var res obj
	switch x := f.(type) {
	case fwObj:
		switch x.name {
		case "pydantic.alias_generators.to_camel":
			return toCamel(name)
		case "pydantic.alias_generators.to_pascal":
			return toPascal(name)
		case "pydantic.alias_generators.to_snake":
			return toSnake(name)
		}
		return "", false
	case *funcObj:
		res = in.callFunc(x, []obj{arg}, nil, pos)
	case *lambdaObj:
		res = in.callLambda(x, []obj{arg})
	default:
		return "", false
	}
	return constStr(res)
}

// callLambda evaluates a lambda's body with its parameters bound to args.
func (in *interp) callLambda(l *lambdaObj, args []obj) obj {
	sc := newScope(l.ms.globals)
	params := append(append([]string{}, argNames(l.def.Args.Posonlyargs)...), argNames(l.def.Args.Args)...)
	for i, p := range params {
		if i < len(args) {
			sc.set(p, args[i])
		} else {
			sc.set(p, unknownObj{why: fmt.Sprintf("argument %s not given", p), pos: l.pos})
		}
	}
	return l.ms.eval(l.def.Body, sc)
}

// pydantic.alias_generators, for ASCII names (a name with other characters is left to the
// caller to report: Python's \d and str.title() differ from these there).

var (
	camelRE        = regexp.MustCompile(`^[a-z]+[A-Za-z0-9]*$`)
	digitLowerRE   = regexp.MustCompile(`[0-9][a-z]`)
	snakeUpperRunR = regexp.MustCompile(`([A-Z]+)([A-Z][a-z])`)
	snakeLowerUp   = regexp.MustCompile(`([a-z])([A-Z])`)
	snakeDigitUp   = regexp.MustCompile(`([0-9])([A-Z])`)
	snakeLowerDig  = regexp.MustCompile(`([a-z])([0-9])`)
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pyTitle is str.title() on ASCII: a letter after a letter is lowered, any other letter raised.
func pyTitle(s string) string {
	b := []byte(s)
	prevCased := false
	for i, c := range b {
		cased := unicode.IsLetter(rune(c))
		if cased {
			if prevCased {
				b[i] = byte(unicode.ToLower(rune(c)))
			} else {
				b[i] = byte(unicode.ToUpper(rune(c)))
			}
		}
		prevCased = cased
	}
	return string(b)
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// toPascal is to_pascal: title-case, then drop each "_" between an alphanumeric character
// and a digit or capital letter.
func toPascal(snake string) (string, bool) {
	if !isASCII(snake) {
		return "", false
	}
	camel := pyTitle(snake)
	var b strings.Builder
	for i := 0; i < len(camel); i++ {
		c := camel[i]
		if c == '_' && i > 0 && isAlnum(camel[i-1]) && i+1 < len(camel) {
			if n := camel[i+1]; n >= '0' && n <= '9' || n >= 'A' && n <= 'Z' {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// toCamel is to_camel: a camelCase name is kept; else to_pascal with the first capital
// (after leading underscores) lowered.
func toCamel(snake string) (string, bool) {
	if !isASCII(snake) {
		return "", false
	}
	if camelRE.MatchString(snake) && !digitLowerRE.MatchString(snake) {
		return snake, true
	}
	p, _ := toPascal(snake)
	i := 0
	for i < len(p) && p[i] == '_' {
		i++
	}
	if i < len(p) && p[i] >= 'A' && p[i] <= 'Z' {
		p = p[:i] + string(p[i]+'a'-'A') + p[i+1:]
	}
	return p, true
}

// toSnake is to_snake.
func toSnake(camel string) (string, bool) {
	if !isASCII(camel) {
		return "", false
	}
	s := snakeUpperRunR.ReplaceAllString(camel, "${1}_${2}")
	s = snakeLowerUp.ReplaceAllString(s, "${1}_${2}")
	s = snakeDigitUp.ReplaceAllString(s, "${1}_${2}")
	s = snakeLowerDig.ReplaceAllString(s, "${1}_${2}")
	return strings.ToLower(strings.ReplaceAll(s, "-", "_")), true
}

func argNames(args []*ast.Arg) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a.Arg
	}
	return out
}
