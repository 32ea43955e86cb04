package pyval

// The operations translated bodies apply to an UploadFile (codegen/translate/upload.go),
// with Starlette 0.47.3's results: await file.read(size=-1), await file.seek(offset), its
// filename, content_type, size and headers attributes, and headers.items() / keys() /
// values() / get(key, default) / getlist(key) / [key]. The file's position is the
// SpooledTemporaryFile's: the form parser leaves it at 0, read advances it.

import "math"

// UploadAttr is file.<name> for name filename, content_type or size: AttributeError on
// a value that is not an UploadFile (None, when a parameter is optional).
func UploadAttr(v Value, name string) (Value, error) {
	u, ok := v.(*UploadFile)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute '"+name+"'")
	}
	switch name {
	case "filename":
		return Str(u.Filename), nil
	case "content_type":
		if ct, ok := u.ContentType(); ok {
			return Str(ct), nil
		}
		return None, nil
	case "size":
		return IntOf(int64(len(u.Data))), nil
	}
	return nil, raise("AttributeError", "'UploadFile' object has no attribute '"+name+"'")
}

// UploadRead is await file.read(size): the bytes from the position on (all of them when
// size is nil, None or negative, else at most size), the position advancing past them.
func UploadRead(v Value, size Value) (Value, error) {
	u, ok := v.(*UploadFile)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'read'")
	}
	n := int64(-1)
	switch s := size.(type) {
	case nil, NoneType:
	case Int:
		i, small := s.Int64()
		if !small {
			return nil, raise("OverflowError", "Python int too large to convert to C ssize_t")
		}
		n = i
	case Bool:
		if s {
			n = 1
		} else {
			n = 0
		}
	default:
		return nil, typeError("argument should be integer or None, not '%s'", size.TypeName())
	}
	rest := int64(len(u.Data) - u.pos)
	if rest < 0 {
		rest = 0
	}
	if n < 0 || n > rest {
		n = rest
	}
	start := u.pos
	if start > len(u.Data) {
		start = len(u.Data)
	}
	u.pos = start + int(n)
	return Bytes(u.Data[start:u.pos]), nil
}

// UploadSeek is await file.seek(offset): the position becomes offset (a negative one is
// a ValueError, as for the SpooledTemporaryFile's buffer). It returns None.
func UploadSeek(v Value, offset Value) (Value, error) {
	u, ok := v.(*UploadFile)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'seek'")
	}
	var n int64
	switch o := offset.(type) {
	case Int:
		i, small := o.Int64()
		if !small {
			return nil, raise("OverflowError", "Python int too large to convert to C ssize_t")
		}
		n = i
	case Bool:
		if o {
			n = 1
		}
	default:
		return nil, typeError("'%s' object cannot be interpreted as an integer", offset.TypeName())
	}
	if n < 0 {
		return nil, valueError("negative seek value " + IntOf(n).String())
	}
	if n > math.MaxInt32 {
		n = math.MaxInt32
	}
	u.pos = int(n)
	return None, nil
}

// UploadHeaders is file.headers.<method>(args...) for method items, keys, values, get,
// getlist and "[]" (file.headers[key]).
func UploadHeaders(v Value, method string, args ...Value) (Value, error) {
	u, ok := v.(*UploadFile)
	if !ok {
		return nil, raise("AttributeError", "'"+v.TypeName()+"' object has no attribute 'headers'")
	}
	switch method {
	case "items", "keys", "values":
		if err := argCount("Headers."+method, args, 0, 0); err != nil {
			return nil, err
		}
		out := &List{Items: make([]Value, len(u.Headers))}
		for i, h := range u.Headers {
			switch method {
			case "items":
				out.Items[i] = Tuple{Str(h.Name), Str(h.Value)}
			case "keys":
				out.Items[i] = Str(h.Name)
			default:
				out.Items[i] = Str(h.Value)
			}
		}
		return out, nil
	case "get", "[]":
		if len(args) < 1 || len(args) > 2 || method == "[]" && len(args) != 1 {
			return nil, typeError("Headers.%s takes 1 or 2 arguments", method)
		}
		key, err := headerKey(args[0])
		if err != nil {
			return nil, err
		}
		for _, h := range u.Headers {
			if h.Name == key {
				return Str(h.Value), nil
			}
		}
		if method == "get" {
			return getDefault(args), nil
		}
		return nil, NewException("KeyError", args[0])
	case "getlist":
		if err := argCount("Headers.getlist", args, 1, 1); err != nil {
			return nil, err
		}
		key, err := headerKey(args[0])
		if err != nil {
			return nil, err
		}
		out := NewList()
		for _, h := range u.Headers {
			if h.Name == key {
				out.Items = append(out.Items, Str(h.Value))
			}
		}
		return out, nil
	}
	return nil, raise("AttributeError", "'Headers' object has no attribute '"+method+"'")
}

func getDefault(args []Value) Value {
	if len(args) == 2 {
		return args[1]
	}
	return None
}

// headerKey is key.lower() checked to encode in latin-1, as Headers looks names up.
func headerKey(key Value) (string, error) {
	k, ok := key.(Str)
	if !ok {
		return "", raise("AttributeError", "'"+key.TypeName()+"' object has no attribute 'lower'")
	}
	low, err := CallMethod(k, "lower")
	if err != nil {
		return "", err
	}
	s := string(low.(Str))
	for _, c := range s {
		if c > 0xff {
			return "", raise("UnicodeEncodeError", "'latin-1' codec can't encode characters")
		}
	}
	return s, nil
}
