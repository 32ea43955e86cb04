// Package bridge runs the handler bodies covetgen cannot translate to Go in real CPython:
// a Pool of worker processes (worker.py, embedded, written to a temp dir at start) that
// import the app once and call its functions on request, while Go keeps routing,
// validation and serialization.
//
// # Using it
//
//	pool, err := bridge.Start(ctx, cfg)        // cfg from Flags / FromEnv; fails with the
//	defer pool.Shutdown(ctx)                   // Python traceback if the app does not import
//	res, err := pool.Call(ctx, "app.main:read_item", bridge.Kw("item_id", 3), bridge.Kw("q", q))
//	v, err := res.Value(nil)                   // pyval.Value; models via a ModelFunc
//	body, err := pool.CallBody(ctx, fn, args...) // path B: jsonable_encoder + json.dumps bytes
//
// Arguments (Encode) are Go values: nil, bool, ints, float64, string, []byte, pyval.Value
// (generated models included: sent as their class and fields and rebuilt with
// model_validate), pyjson.Value, and the wrappers Model, Tagged (dates, UUIDs, Decimals,
// enums, tuples...) and Kw (a keyword argument). Pass every parameter the route declares:
// the worker calls the function as is, so a default like Query(None) or Depends(dep)
// would arrive as the marker object, not as FastAPI's resolved value. Call's errors are:
//
//   - *response.HTTPException: the function raised HTTPException (status, detail as its
//     json.dumps text, headers): the handler returns it as is;
//   - *PyError: another exception (class, MRO names, message, traceback): FastAPI's 500;
//     Exception() converts it to a *pyval.Exception for app exception handlers;
//   - ErrWorkerLost (the worker died with the call in flight), *TimeoutError (the call ran
//     past Config.Timeout: its worker was killed and is being replaced), ErrOverloaded
//     (the queue is full: answer 503), ErrClosed, or the context's error: all 500s.
//
// # Protocol
//
// One Unix socket pair per worker (the child's end on fd 3). Frames both ways: a 4-byte
// big-endian length, an 8-byte call id, a kind byte, a JSON payload; worker.py documents
// the kinds and the tagged JSON. Calls are multiplexed: async functions run concurrently
// on the worker's asyncio loop, sync ones in a 40-thread pool (anyio's default).
//
// # Supervision
//
// Each of Config.Workers slots restarts its worker when it exits (crash, kill -9, timeout
// kill), failing only the calls in flight on it; calls are routed to the live worker with
// the fewest calls in flight, and wait (bounded by Config.QueueSize waiters and their
// context) while none is up or every slot has MaxInFlight calls. Shutdown stops new calls,
// waits for in-flight ones, then closes the sockets (the workers exit on EOF).
package bridge
