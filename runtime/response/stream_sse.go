package response

import "io"

// StreamSSE produces the streaming response of a server-sent events endpoint as
// FastAPI 0.141 builds it: content-type text/event-stream, cache-control no-cache and
// x-accel-buffering no, then the Response parameter's headers; no content-length.
func (o *Out) StreamSSE(status int, fn func(w io.Writer) error) error {
	if err := o.Stream(status, "text/event-stream", fn); err != nil {
		return err
	}
	n := len(o.resp.Headers) - len(o.Param.Headers)
	sse := Headers{{"cache-control", "no-cache"}, {"x-accel-buffering", "no"}}
	o.resp.Headers = append(o.resp.Headers[:n], append(sse, o.Param.Headers...)...)
	return nil
}
