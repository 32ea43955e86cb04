package bridge_test

import (
	"context"
	"errors"
	"flag"
	"log"
	"os"

	"github.com/covetpy/covetgen/runtime/bridge"
	"github.com/covetpy/covetgen/runtime/response"
)

// A generated service starts the pool in main and calls it from the handlers of
// the routes whose bodies stay in Python.
func Example() {
	cfg := bridge.Flags(flag.CommandLine) // --python, --workers, --app-dir, --python-timeout
	flag.Parse()
	cfg.App = "main:app"
	pool, err := bridge.Start(context.Background(), *cfg)
	if err != nil {
		log.Print(err) // an *ImportError carries the app's traceback
		os.Exit(1)
	}
	defer pool.Shutdown(context.Background())

	// Path B (no response model): the body is the JSONResponse bytes.
	handleReadItem := func(ctx context.Context, out *response.Out, itemID int64, q *string) error {
		var qv any // every parameter is passed, None included
		if q != nil {
			qv = *q
		}
		body, err := pool.CallBody(ctx, "main:read_item", bridge.Kw("item_id", itemID), bridge.Kw("q", qv))
		if err != nil {
			var pe *bridge.PyError
			if errors.As(err, &pe) {
				log.Print(pe.Traceback) // then FastAPI's 500
			}
			return err // *response.HTTPException as is; anything else a 500
		}
		return out.JSON(200, body)
	}
	_ = handleReadItem
}

// A route whose dependencies and endpoint stay in Python runs them through one session
// per request, in FastAPI's order, and closes it as FastAPI's request_response does.
func ExampleSession() {
	var pool *bridge.Pool                                      // started in main
	var sendRaw func(*response.Out, *bridge.RawResponse) error // writes status, raw headers, body
	handle := func(ctx context.Context, out *response.Out, ri *bridge.RequestInfo) (err error) {
		s, err := pool.Session(ctx, false)
		if err != nil {
			return err
		}
		sent := false
		defer func() {
			if sent {
				// After the response: exit code errors can only be logged.
				if cerr := s.Close(ctx, nil); cerr != nil {
					log.Print(cerr)
				}
				return
			}
			cerr := s.Close(ctx, err) // the generators see the error first
			var he *bridge.HandledError
			switch {
			case errors.As(cerr, &he):
				err = sendRaw(out, he.Response)
			case cerr != nil:
				err = cerr // a generator raised another exception: answer that one
			}
		}()
		db, err := s.Invoke(ctx, bridge.Invocation{Fn: "app.db:get_db", Generator: true, Request: ri})
		if err != nil {
			return err
		}
		dbv, err := db.Result.Value(nil) // a bridge.Ref
		if err != nil {
			return err
		}
		r, err := s.Invoke(ctx, bridge.Invocation{Fn: "app.main:read", Args: []any{bridge.Kw("db", dbv)},
			Body: true, Request: ri, BackgroundParams: []string{"tasks"}})
		if err != nil {
			return err
		}
		if r.Response != nil { // a returned Response, or an app handler's answer
			err = sendRaw(out, r.Response)
		} else {
			err = out.JSON(200, r.Body)
		}
		sent = true
		if s.HasBackground() {
			if berr := s.RunBackground(ctx); berr != nil {
				log.Print(berr)
			}
		}
		return err
	}
	_ = handle
}
