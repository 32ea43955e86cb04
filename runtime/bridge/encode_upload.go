package bridge

import (
	"encoding/base64"

	"github.com/covetpy/covetgen/runtime/pyjson"
	"github.com/covetpy/covetgen/runtime/pyval"
)

// appendUpload writes an UploadFile as the "upload" tag: {"filename": str, "headers":
// [[name, value], ...] (wire order), "data": base64}; worker.py rebuilds a Starlette
// UploadFile over a spooled file holding the data.
func appendUpload(b []byte, u *pyval.UploadFile) ([]byte, error) {
	return appendTag(b, "upload", "", func(b []byte) ([]byte, error) {
		b = append(b, `{"filename":`...)
		b = pyjson.AppendStringASCII(b, u.Filename)
		b = append(b, `,"headers":[`...)
		for i, h := range u.Headers {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = pyjson.AppendStringASCII(b, h.Name)
			b = append(b, ',')
			b = pyjson.AppendStringASCII(b, h.Value)
			b = append(b, ']')
		}
		b = append(b, `],"data":"`...)
		b = base64.StdEncoding.AppendEncode(b, u.Data)
		return append(b, `"}`...), nil
	})
}
