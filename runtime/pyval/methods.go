package pyval

import "strconv"

// CallMethod is recv.name(*args) for the methods translated code calls.
func CallMethod(recv Value, name string, args ...Value) (Value, error) {
	return CallMethodKw(recv, name, args)
}

func argCount(name string, args []Value, lo, hi int) error {
	n := len(args)
	if n >= lo && n <= hi {
		return nil
	}
	switch {
	case hi == 0:
		return typeError(name + "() takes no arguments (" + strconv.Itoa(n) + " given)")
	case lo == hi:
		return typeError(name + "() takes exactly one argument (" + strconv.Itoa(n) + " given)")
	case n < lo:
		return typeError(name + " expected at least " + strconv.Itoa(lo) + " argument, got " + strconv.Itoa(n))
	}
	return typeError(name + " expected at most " + strconv.Itoa(hi) + " arguments, got " + strconv.Itoa(n))
}

func noKw(name string, kw []KW) error {
	if len(kw) > 0 {
		return typeError(name + "() takes no keyword arguments")
	}
	return nil
}

func optArg(args []Value, i int) Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// CallMethodKw is recv.name(*args, **kw).
func CallMethodKw(recv Value, name string, args []Value, kw ...KW) (Value, error) {
	switch r := recv.(type) {
	case Str:
		return strMethod(string(r), name, args, kw)
	case *Dict:
		switch name {
		case "get":
			if err := noKw("get", kw); err != nil {
				return nil, err
			}
			if err := argCount("get", args, 1, 2); err != nil {
				return nil, err
			}
			v, ok, err := r.Get(args[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				if len(args) > 1 {
					return args[1], nil
				}
				return None, nil
			}
			return v, nil
		case "copy":
			if err := argCount("copy", args, 0, 0); err != nil {
				return nil, err
			}
			return r.Copy(), nil
		}
	case *List:
		switch name {
		case "append":
			if err := noKw("append", kw); err != nil {
				return nil, err
			}
			if err := argCount("list.append", args, 1, 1); err != nil {
				return nil, err
			}
			r.mutate()
			r.Items = append(r.Items, args[0])
			return None, nil
		case "copy":
			if err := argCount("copy", args, 0, 0); err != nil {
				return nil, err
			}
			return &List{Items: append([]Value(nil), r.Items...)}, nil
		}
	case Model:
		switch name {
		case "model_dump", "dict":
			if len(args) > 0 || len(kw) > 0 {
				return nil, typeError(name + "() takes 1 positional argument")
			}
			return ModelDump(r), nil
		}
	}
	switch r := recv.(type) {
	case *List:
		if v, ok, err := listMethod(r, name, args, kw); ok {
			return v, err
		}
	case *Dict:
		if v, ok, err := dictMethod(r, name, args, kw); ok {
			return v, err
		}
	case Tuple:
		if name == "count" || name == "index" {
			if v, ok, err := listMethod(&List{Items: r}, name, args, kw); ok {
				if e, isExc := err.(*Exception); isExc && name == "index" && e.Class == "ValueError" {
					err = valueError("tuple.index(x): x not in tuple")
				}
				return v, err
			}
		}
	case Bytes:
		if v, ok, err := bytesMethod(string(r), name, args, kw); ok {
			return v, err
		}
	}
	return nil, raise("AttributeError", "'"+recv.TypeName()+"' object has no attribute '"+name+"'")
}

func strMethod(s, name string, args []Value, kw []KW) (Value, error) {
	if name != "format" && name != "split" {
		if err := noKw(name, kw); err != nil {
			return nil, err
		}
	}
	switch name {
	case "upper", "lower", "title":
		if len(args) > 0 { // the message's name is only built for the error
			return nil, argCount("str."+name, args, 0, 0)
		}
		if name == "upper" {
			return Str(strUpper(s)), nil
		}
		if name == "title" {
			return Str(strTitle(s)), nil // str_title.go
		}
		return Str(strLower(s)), nil
	case "strip", "lstrip", "rstrip":
		if err := argCount(name, args, 0, 1); err != nil {
			return nil, err
		}
		return strStrip(s, optArg(args, 0), name != "rstrip", name != "lstrip", name)
	case "startswith", "endswith":
		if err := argCount(name, args, 1, 3); err != nil {
			return nil, err
		}
		return strAffix(s, args[0], optArg(args, 1), optArg(args, 2), name == "endswith", name)
	case "replace":
		if err := argCount("replace", args, 2, 3); err != nil {
			return nil, err
		}
		return strReplace(s, args[0], args[1], optArg(args, 2))
	case "join":
		if err := argCount("str.join", args, 1, 1); err != nil {
			return nil, err
		}
		return strJoin(s, args[0])
	case "split":
		var sep, maxsplit Value
		if err := argCount("split", args, 0, 2); err != nil {
			return nil, err
		}
		sep, maxsplit = optArg(args, 0), optArg(args, 1)
		for _, k := range kw {
			switch {
			case k.Name == "sep" && len(args) < 1:
				sep = k.Value
			case k.Name == "maxsplit" && len(args) < 2:
				maxsplit = k.Value
			case k.Name == "sep" || k.Name == "maxsplit":
				return nil, typeError("argument for split() given by name ('" + k.Name + "') and position")
			default:
				return nil, typeError("split() got an unexpected keyword argument '" + k.Name + "'")
			}
		}
		n := int64(-1)
		if maxsplit != nil {
			i, ok := asInt(maxsplit)
			if !ok {
				return nil, typeError("'%s' object cannot be interpreted as an integer", maxsplit.TypeName())
			}
			if i.big != nil {
				return nil, overflowError("Python int too large to convert to C ssize_t")
			}
			n = i.small
		}
		return strSplit(s, sep, n)
	case "format":
		return strFormat(s, args, kw)
	}
	if v, ok, err := strMethodMore(s, name, args); ok {
		return v, err
	}
	return nil, raise("AttributeError", "'str' object has no attribute '"+name+"'")
}
