package request

import "github.com/covetpy/covetgen/runtime/pyval"

// PyValue is the file as the pyval value an UploadFile parameter holds (sharing the
// data, which is never mutated): the same object on every call, as every parameter
// naming the part receives Starlette's one UploadFile, whose position reads move.
func (f *UploadFile) PyValue() *pyval.UploadFile {
	if f.py != nil {
		return f.py
	}
	hs := make([]pyval.UploadHeader, len(f.Headers))
	for i, h := range f.Headers {
		hs[i] = pyval.UploadHeader{Name: h.Name, Value: h.Value}
	}
	f.py = &pyval.UploadFile{Filename: f.Filename, Headers: hs, Data: f.Data}
	return f.py
}
