package pyval

import "strings"

// Object is an instance of a Python class the service has no Go type for (a pydantic
// model only bridged functions use, such as a settings class), as the bridge received
// it: its class ("module:QualName"), its fields by name, and its fields set. The bridge
// sends it back as an instance of the same class with the same fields and fields set;
// validation reads its fields, as pydantic's from_attributes reads an object's
// attributes.
type Object struct {
	Class  string
	Fields *Dict
	Set    []string
}

// TypeName is the class's name.
func (o *Object) TypeName() string {
	name := o.Class
	if i := strings.LastIndexAny(name, ":."); i >= 0 {
		name = name[i+1:]
	}
	return name
}
