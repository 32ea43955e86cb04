package response

import "github.com/covetpy/covetgen/runtime/validate"

// Encoder returns the request's validate.Encoder, reset for mode and opts, appending to the
// body buffer (Buf). It is part of o: its stacks are reused by later requests, so encoding a
// response model allocates nothing once they have grown; it must not be kept after the
// endpoint returns.
func (o *Out) Encoder(mode validate.Mode, opts validate.DumpOptions) *validate.Encoder {
	o.enc.Buf = o.Buf()
	o.enc.Reset(mode, opts)
	return &o.enc
}
