package bridge

import (
	"errors"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// Ref is a value a session's worker could not send to Go (a DB connection, a file, a
// Response...): the object stays in the worker's session, and passing the Ref as an
// argument of a later call of the same session passes that very object. A Ref is only
// valid in its session until Close; the worker rejects it elsewhere (a *PyError).
//
// Ref implements pyval.Value (TypeName is the object's class name), so Result.Value
// returns refs inside decoded values; Go code can pass them on but not look inside.
type Ref struct {
	// Session is the id of the session the object lives in; ID its number there.
	Session uint64
	ID      int64
	// Class is the object's class as "module:Qualname".
	Class string
}

// TypeName is Python's type(obj).__name__.
func (r Ref) TypeName() string {
	name := r.Class
	if i := strings.LastIndexAny(name, ":."); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// appendJSON writes the ref tag worker.py decodes back to the object.
func (r Ref) appendJSON(b []byte) []byte {
	b = append(b, `{"$t":"ref","s":`...)
	b = strconv.AppendUint(b, r.Session, 10)
	b = append(b, `,"id":`...)
	b = strconv.AppendInt(b, r.ID, 10)
	return append(b, '}')
}

// refFromTag decodes {"$t":"ref","s":S,"id":N,"cls":C}.
func refFromTag(v pyjson.Value) (Ref, error) {
	var r Ref
	s, ok1 := v.Get("s")
	id, ok2 := v.Get("id")
	if !ok1 || !ok2 {
		return r, errors.New("bridge: bad result: ref without its session or id")
	}
	sid, ok1 := s.Int64()
	n, ok2 := id.Int64()
	if !ok1 || !ok2 || sid < 0 {
		return r, errors.New("bridge: bad result: bad ref numbers")
	}
	r.Session, r.ID = uint64(sid), n
	if c, ok := v.Get("cls"); ok {
		r.Class = c.Str()
	}
	return r, nil
}
