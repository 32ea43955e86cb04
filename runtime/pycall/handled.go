package pycall

import (
	"strconv"

	"github.com/covetpy/covetgen/runtime/response"
)

// Handled is an exception raised by a bridged function that one of the app's exception
// handlers (run in the worker) turned into Response.
type Handled struct {
	Response *response.Response
}

func (h *Handled) Error() string {
	return "pycall: exception handled by the app's exception handler (status " + strconv.Itoa(h.Response.Status) + ")"
}
