package pyval

import (
	"io"
	"strings"
	"time"
)

// Server-sent events (FastAPI 0.141's generator endpoints with
// response_class=EventSourceResponse, fastapi/routing.py and fastapi/sse.py).
//
// FastAPI pulls the generator's items in a producer task and serializes each there,
// handing the event to the response through a one-item buffer; when no event comes for
// 15 seconds the response writes the keep-alive comment ": ping\n\n". When the generator
// raises, the task group is cancelled: the events not yet written are dropped and the
// response is aborted (no terminating chunk), as StreamSSE does.

// SSEPing is FastAPI's interval between keep-alive comments of an idle stream.
const SSEPing = 15 * time.Second

// sseKeepAlive is FastAPI's KEEPALIVE_COMMENT.
const sseKeepAlive = ": ping\n\n"

// ServerSentEvent is fastapi.sse.ServerSentEvent: a nil field is None.
type ServerSentEvent struct {
	Data                        Value
	RawData, Event, ID, Comment *string
	Retry                       *Int
}

// TypeName is "ServerSentEvent".
func (*ServerSentEvent) TypeName() string { return "ServerSentEvent" }

// NewServerSentEvent is ServerSentEvent(data=, raw_data=, event=, id=, retry=,
// comment=) (a nil argument is one not given, None its default) with the model's
// validation: str fields str or None, retry an int >= 0 or None, event and id single
// lines, id without NUL, not both data and raw_data. A failure is pydantic's
// ValidationError.
func NewServerSentEvent(data, rawData, event, id, retry, comment Value) (Value, error) {
	ev := &ServerSentEvent{}
	if data != nil && !IsNone(data) {
		ev.Data = data
	}
	strField := func(v Value, name string, check func(string) string) (*string, error) {
		if v == nil || IsNone(v) {
			return nil, nil
		}
		s, ok := v.(Str)
		if !ok {
			return nil, sseInvalid(name, "Input should be a valid string")
		}
		if check != nil {
			if msg := check(string(s)); msg != "" {
				return nil, sseInvalid(name, "Value error, "+msg)
			}
		}
		str := string(s)
		return &str, nil
	}
	singleLine := func(name string) func(string) string {
		return func(s string) string {
			if strings.ContainsAny(s, "\r\n") {
				return "SSE '" + name + "' must be a single line"
			}
			return ""
		}
	}
	var err error
	if ev.RawData, err = strField(rawData, "raw_data", nil); err != nil {
		return nil, err
	}
	if ev.Event, err = strField(event, "event", singleLine("event")); err != nil {
		return nil, err
	}
	if ev.ID, err = strField(id, "id", func(s string) string {
		if strings.ContainsRune(s, 0) {
			return "SSE 'id' must not contain null characters"
		}
		return singleLine("id")(s)
	}); err != nil {
		return nil, err
	}
	if retry != nil && !IsNone(retry) {
		n, ok := retry.(Int)
		if !ok {
			return nil, sseInvalid("retry", "Input should be a valid integer")
		}
		if n.Sign() < 0 {
			return nil, sseInvalid("retry", "Input should be greater than or equal to 0")
		}
		ev.Retry = &n
	}
	if ev.Comment, err = strField(comment, "comment", nil); err != nil {
		return nil, err
	}
	if ev.Data != nil && ev.RawData != nil {
		return nil, sseInvalid("", "Value error, Cannot set both 'data' and 'raw_data' on the same ServerSentEvent. Use 'data' for JSON-serialized payloads or 'raw_data' for pre-formatted strings.")
	}
	return ev, nil
}

// sseInvalid is the ValidationError of a ServerSentEvent field.
func sseInvalid(field, msg string) error {
	loc := ""
	if field != "" {
		loc = field + "\n  "
	}
	return NewException("ValidationError", Str("1 validation error for ServerSentEvent\n"+loc+msg))
}

// AppendSSE appends the wire format of one event (fastapi.sse's format_sse_event): the
// comment lines, event, the data lines, id, retry, then a blank line. data nil: no
// data field.
func AppendSSE(dst []byte, data *string, event, id *string, retry *Int, comment *string) []byte {
	lines := func(prefix, s string) {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		for _, l := range strings.Split(s, "\n") {
			dst = append(append(append(dst, prefix...), l...), '\n')
		}
	}
	if comment != nil {
		lines(": ", *comment)
	}
	if event != nil {
		dst = append(append(append(dst, "event: "...), *event...), '\n')
	}
	if data != nil {
		lines("data: ", *data)
	}
	if id != nil {
		dst = append(append(append(dst, "id: "...), *id...), '\n')
	}
	if retry != nil {
		r, _ := Repr(*retry)
		dst = append(append(append(dst, "retry: "...), r...), '\n')
	}
	return append(dst, '\n')
}

// SSEEncoder is the StreamEncoder of a server-sent events endpoint: a ServerSentEvent
// as its fields say (its data JSON-serialized: model_dump_json() of a model, else
// json.dumps(jsonable_encoder(data))), anything else as the data field of plain, which
// serializes it (validated as the endpoint's item type, or json.dumps).
func SSEEncoder(plain func(dst []byte, v Value) ([]byte, error)) StreamEncoder {
	return func(dst []byte, v Value) ([]byte, error) {
		if ev, ok := v.(*ServerSentEvent); ok {
			data := ev.RawData
			if data == nil && ev.Data != nil {
				var s string
				if _, isModel := ev.Data.(Model); isModel {
					j, err := ModelDumpJSON(ev.Data)
					if err != nil {
						return dst, err
					}
					s = string(j.(Str))
				} else {
					b, err := sseDumps(nil, ev.Data)
					if err != nil {
						return dst, err
					}
					s = string(b)
				}
				data = &s
			}
			return AppendSSE(dst, data, ev.Event, ev.ID, ev.Retry, ev.Comment), nil
		}
		b, err := plain(nil, v)
		if err != nil {
			return dst, err
		}
		s := string(b)
		return AppendSSE(dst, &s, nil, nil, nil, nil), nil
	}
}

// SSEDumps is json.dumps(jsonable_encoder(v)): a plain item of an endpoint without an
// item type.
func SSEDumps(dst []byte, v Value) ([]byte, error) { return sseDumps(dst, v) }

func sseDumps(dst []byte, v Value) ([]byte, error) {
	b, err := StreamJSONDumps(dst, v)
	if err != nil {
		return dst, err
	}
	return b[:len(b)-1], nil // without StreamJSONDumps' newline
}

// StreamSSE runs body in a producer goroutine, encoding each value it yields with enc,
// and writes the events to w as FastAPI does (see above): a keep-alive comment after
// ping of silence, the pending events dropped and the error returned when the
// generator raised. A failed write (the client went away) stops the generator (its
// finally clauses run) before StreamSSE returns.
func StreamSSE(w io.Writer, body StreamBody, enc StreamEncoder, ping time.Duration) error {
	events := make(chan []byte, 1)
	failed := make(chan struct{}) // closed when the generator raised (err is set)
	stop := make(chan struct{})   // closed when the consumer gives up
	finished := make(chan struct{})
	var err error
	go func() {
		defer close(finished)
		e := body(func(v Value) error {
			b, encErr := enc(nil, v)
			if encErr != nil {
				return &streamStop{encErr}
			}
			select {
			case events <- b:
				return nil
			case <-stop:
				return errGeneratorExit
			}
		})
		if s, ok := e.(*streamStop); ok {
			e = s.err
		}
		if e != nil {
			err = e
			close(failed)
			return
		}
		close(events)
	}()
	giveUp := func(werr error) error {
		close(stop)
		<-finished
		return werr
	}
	timer := time.NewTimer(ping)
	defer timer.Stop()
	for {
		select {
		case <-failed:
			return err
		case b, ok := <-events:
			if !ok {
				return nil
			}
			select {
			case <-failed:
				return err // the task group was cancelled before this event went out
			default:
			}
			if _, werr := w.Write(b); werr != nil {
				return giveUp(werr)
			}
		case <-timer.C:
			if _, werr := io.WriteString(w, sseKeepAlive); werr != nil {
				return giveUp(werr)
			}
		}
		timer.Reset(ping)
	}
}

// streamStop carries an item's encoding error out of the generator (not a Python
// exception: no except clause catches it).
type streamStop struct{ err error }

func (s *streamStop) Error() string { return s.err.Error() }
