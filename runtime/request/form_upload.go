package request

import "github.com/covetpy/covetgen/runtime/pyval"

// PyValue is the file as the pyval value an UploadFile parameter holds (sharing the
// data, which is never mutated).
func (f *UploadFile) PyValue() *pyval.UploadFile {
	hs := make([]pyval.UploadHeader, len(f.Headers))
	for i, h := range f.Headers {
		hs[i] = pyval.UploadHeader{Name: h.Name, Value: h.Value}
	}
	return &pyval.UploadFile{Filename: f.Filename, Headers: hs, Data: f.Data}
}
