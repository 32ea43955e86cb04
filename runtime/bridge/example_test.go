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
