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
// # Sessions (bridge v2)
//
// A route whose app-defined callables cannot all be translated runs all of them (its
// dependencies in FastAPI's order, then the endpoint) through one Session per request:
//
//	s, err := pool.Session(ctx, pinned)  // pinned: worker slot 0 only (module state)
//	defer ... s.Close(ctx, raised)       // always, also on failure (see below)
//	db, err := s.Invoke(ctx, bridge.Invocation{Fn: "app.db:get_db", Generator: true})
//	v, _ := db.Result.Value(nil)         // a bridge.Ref: the sqlite3 connection stays in Python
//	r, err := s.Invoke(ctx, bridge.Invocation{Fn: "app.main:read", Args: []any{bridge.Kw("db", v)},
//		Body: true, Request: ri, ResponseParams: []string{"response"}, BackgroundParams: []string{"tasks"}})
//
// All calls of a session go to one worker (chosen at the first call; slot 0 when
// pinned), which keeps per-session state until Close: refs, the suspended generators,
// the Request (built once from Invocation.Request: an ASGI scope and a receive that
// returns RequestInfo.Body), the one sub-Response all Response parameters share
// (Response(status_code=None) without headers, as FastAPI makes it), the one
// BackgroundTasks. A session that leaves nothing in the worker costs one round trip per
// Invoke and none for Close.
//
// Refs: a result, or a part of one, that the tagged JSON cannot carry (a connection, a
// file, a client...) is kept in the session and arrives as a Ref (a pyval.Value); passing
// it back as an argument passes the very object. Refs die with Close; anywhere else
// the worker refuses them.
//
// Chains: s.Defer(inv) queues an invocation and returns a Step, its future result, to
// pass as an argument of later invocations; the next Invoke (or Flush) sends the queued
// invocations and its own in one frame, run in order in the worker with the same
// semantics as separate Invokes (generators entered and kept, an exception at step k
// ending the chain with step k's reply). A route's dependencies and endpoint then cost
// one round trip, and values Go never looks at stay in Python (chain.go).
//
//	tok := s.Defer(bridge.Invocation{Fn: "app.main:get_token", Args: []any{bridge.Kw("x_token", h)}})
//	usr := s.Defer(bridge.Invocation{Fn: "app.main:get_user", Args: []any{bridge.Kw("token", tok)}})
//	r, err := s.Invoke(ctx, bridge.Invocation{Fn: "app.main:read_me", Args: []any{bridge.Kw("user", usr)}, Body: true})
//
// Replies: Reply.Result (tagged JSON), Reply.Body (path B), or Reply.Response when the
// function returned a starlette Response (rendered as starlette sends it: status, raw
// headers in order, the body; a StreamingResponse's body_iterator streamed, sync or
// async (see Streamed responses); a FileResponse's stat headers and file, nothing for
// HEAD, Range and If-Range answered as starlette does: 206, multipart/byteranges, 400,
// 416) - Result then holds a Ref to the Response, for a dependency that returns one. With ResponseParams, SubStatus and
// SubHeaders give the sub-Response's whole state after the call: FastAPI uses its
// status when set and appends its raw headers to the response it renders (not to a
// Response the endpoint returned).
//
// Exceptions: when a session call raises, the worker at once throws the exception into
// the session's generators (function-scope ones, then request-scope ones, innermost
// first: FastAPI's two nested AsyncExitStacks), then looks up the app's exception
// handler for what comes out as Starlette does (an HTTPException's status-code key, then
// the class MRO, with Starlette's default for HTTPException; else the 500/Exception
// handler of ServerErrorMiddleware unless the app is in debug mode). A user handler's
// response becomes Reply.Response (the request is over; its background, if any, is what
// RunBackground runs). FastAPI's own default handlers (module fastapi.*) are left to Go:
// the error comes back as *response.HTTPException or *PyError. A generator that swallows
// the exception gives FastAPI's FastAPIError ("Response not awaited"); a scope="function"
// one that does gives the UnboundLocalError FastAPI then fails with. Pool.HandleException
// calls a user handler for an exception Go raised (HTTPException, RequestValidationError).
//
// When Go must call what (FastAPI 0.141, fastapi/routing.py request_response: the
// request-scope exit stack wraps sending the response and its background tasks; the
// function-scope one wraps only the handler, which resolves dependencies, runs the
// endpoint and serializes the response):
//
//  1. Invoke the dependencies and the endpoint; validate and serialize the result.
//  2. ExitFunctionScope(ctx, err): when some generator was FunctionScope, before sending;
//     err is the error of step 1 raised by Go (nil if none).
//  3. On an error (from Invoke, ExitFunctionScope, or Go's own): Close(ctx, err) before
//     answering. nil: answer err (Go's default handler or HandleException);
//     *HandledError: send its Response; another error: answer that one instead. An
//     error Invoke returned has already been through the generators: Close is then a
//     no-op.
//  4. Else send the response; then, if HasBackground, RunBackground (its error is the
//     raised for Close and is only logged); then Close(ctx, nil) (or the RunBackground
//     error): the request-scope exit code runs after the response, as in FastAPI, and
//     an error it returns can only be logged.
//
// A worker that dies fails the session's calls with ErrWorkerLost; Close then returns
// ErrWorkerLost at once when the session had state there (its exit code never ran).
// Close ignores a context that is already done (the exit code must run), bounded by
// Config.Timeout. Session methods must not be called concurrently.
//
// Values: besides the tags of Call, a session sends generated models with their fields
// set only (rebuilt with model_validate by name, so the instance has the same
// model_fields_set; a tree of plain models - no validators, models only where the class
// declares them - in one model_validate, which gives the same instances), a pyval.Object (an instance of a class Go has no type for, as a
// returned value came back: all fields and the fields set restored), an
// Invocation.Instance (a callable instance created inline, built once per worker from
// its constant arguments), and UploadFile values (the "upload" tag: a starlette
// UploadFile over a spooled file, as Starlette's form parser leaves it).
//
// # Opaque types and response models
//
// Values of types covetgen does not generate in Go (models with validators or computed
// fields, generic models, dataclasses, unions of models...) are validated and serialized
// by pydantic in the worker, as FastAPI 0.141 does it:
//
//   - Session.ValidateBody validates a body parameter: the TypeAdapter FastAPI's
//     ModelField builds from the declaring function's signature (analyze_param's
//     handling of Body() and Field() in Annotated included), applied with
//     from_attributes to the JSON body Go already read and checked (json.loads of the
//     same bytes; the value of a key for an embedded body; the raw bytes of a body that
//     is not JSON). The instance stays in the session (a Ref); the errors come back as
//     the 422 items FastAPI's handler renders, their input and ctx as its JSON text.
//   - Invocation.Response (a ResponseField) makes the worker run serialize_response on
//     the endpoint's result: validation against the response model (a failure raises
//     ResponseValidationError in the worker, through the generators and the app's
//     handlers), then dump_json (the default response class) or dump_python(mode="json")
//     rendered as JSONResponse, with the response_model_* options. Reply.Body is the body.
//
// In a session, an instance of such a model that a function returns stays in the worker
// as a Ref: rebuilding it from its fields would run its validators again.
// testdata/compat/opaque_cases.py checks both against FastAPI (opaque_golden.json).
//
// # Request forwarding
//
// Pool.Forward runs a whole request in the app's own route, for a route Go can serve
// neither natively nor through handler calls: the worker finds the route (following
// the mounts), lets it handle the request with its app's exception handlers (as
// Starlette's ExceptionMiddleware provides them) and replies with the response as soon
// as its last body message is sent (a body sent in several messages, more_body, comes
// as a Stream as soon as the second one starts it); the route's background tasks then
// run. This needs
// the real FastAPI in the worker: with Config.NeedFastAPI a worker that only has the
// stand-ins fails to start, saying so.
//
// # Streamed responses
//
// A response whose body is an iterator (a StreamingResponse a function returned, the
// stream of a generator endpoint built with ResponseClass, an exception handler's, a
// forwarded route's body sent in several messages) is not collected: RawResponse.Stream
// delivers its chunks as Python yields them (Stream.Next, WriteTo), the response head
// arriving first (Body empty, no content-length). Flow control: the worker sends at most
// a window of 8 chunks ahead of Go's acknowledgements (Next acknowledges the chunk it
// returned before, once the caller has written it), so a slow client stalls the
// generator instead of filling memory. A body that raises after the start ends the
// stream with a *StreamAbortError (the PyError and its traceback): FastAPI has sent 200
// and part of the body by then, and the caller aborts the connection as uvicorn does
// (runtime/pycall). Stream.Close, or the end of Next's context (the client went away),
// cancels the stream: the worker stops iterating and closes the iterator (aclose, or
// close in the thread pool for a sync one; its finally blocks run at once). Config.Timeout
// bounds the call up to the response's start, not the streaming (an event stream may
// last forever); a stream does not count against MaxInFlight. A Session's close and
// background-task operations wait in the worker until its stream has ended; Close with
// an error and RunBackground cancel a stream that was not read to its end.
//
// # Lifespan
//
// Each worker runs the app's lifespan (its lifespan function, or its startup and
// shutdown handlers) around serving, as uvicorn runs it in each worker process: a
// failing startup fails Start with the traceback; the lifespan state is copied into
// every request's scope, as Starlette does. Sync functions run on anyio-like threads:
// a call goes to the most recently idle thread, so the calls of one request (a sync
// yield dependency, then the endpoint) share a thread as under FastAPI.
//
// # Protocol
//
// One Unix socket pair per worker (the child's end on fd 3). Frames both ways: a 4-byte
// big-endian length, an 8-byte call id, a kind byte, a JSON payload; worker.py documents
// the kinds and the tagged JSON. A call has one reply frame, except a streamed response:
// a start frame, chunk frames, and an end or abort frame (streambody.go). Calls are multiplexed: async functions run concurrently
// on the worker's asyncio loop (uvloop's when the workers' Python has it, as uvicorn's
// default --loop auto runs the app: its transports send what a loop iteration wrote at the
// iteration's end, so the replies of calls that ran in one iteration leave together, as
// uvicorn's responses do), sync ones in a 40-thread pool (anyio's default).
//
// # Supervision
//
// Each of Config.Workers slots restarts its worker when it exits (crash, kill -9, timeout
// kill), failing only the calls in flight on it; calls are routed to the live worker with
// the fewest calls in flight, and wait (bounded by Config.QueueSize waiters and their
// context) while none is up or every slot has MaxInFlight calls. Shutdown stops new calls,
// waits for in-flight ones, then closes the sockets (the workers exit on EOF).
package bridge
