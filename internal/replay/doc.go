// Package replay replays the recorded FastAPI goldens of one corpus app
// (testdata/fastapi_apps/<app>/golden/exchanges.json, see
// tools/goldens/README.md) against a running service and compares what it
// answers with what FastAPI answered. It is a test helper:
//
//	replay.Prepare(t, appDir)          // pin mtimes, set meta.json env, cd appDir
//	srv := httptest.NewServer(handler) // start the service under test
//	replay.Run(t, appDir, srv.URL)     // one t.Error per differing exchange
//
// # Sending
//
// Each request is written on a raw TCP connection exactly as recorded: the
// method, the raw path and query, every header in recorded order (so Host is
// "testserver", as Starlette's TestClient sent it) and the exact body bytes.
// One keep-alive connection is reused across exchanges and replaced when the
// server closes it. Responses are parsed from the wire, so header fields,
// their values and framing are seen as a client sees them.
//
// # Comparing
//
//   - status: equal.
//   - body: byte-equal, after undoing a gzip/deflate content-encoding on both
//     sides. Otherwise, when the recorded content-type is JSON, the two bodies
//     are compared as JSON values: numbers by their exact text (so 2.0 and 2
//     differ, as they do for a Python client), strings, arrays in order,
//     objects as key sets; a different key order passes but is reported as a
//     note.
//   - headers: every recorded header must be present with the same values in
//     the same order among fields of that name, and the service may send no
//     header the recording lacks, except the exclusions below.
//   - content-length: equal when the bodies are byte-equal; when they are only
//     JSON-equal it must be present iff recorded and equal the body's length;
//     for a gzip/deflate body it is not compared (the compressed bytes differ).
//
// Exclusions, each a documented nondeterminism or transport artefact of the
// recording (shared/reference/fastapi-parity.md, "Cannot match exactly"):
//
//   - date: the recorder drops it; the service's is ignored.
//   - server: uvicorn adds "server: uvicorn", TestClient recordings have none;
//     ignored on the service's side.
//   - connection, keep-alive, transfer-encoding: framing chosen by the server
//     (uvicorn and net/http choose differently); ignored.
//   - allow: compared as a set of comma-separated methods (Starlette joins a
//     Python set, whose order is hash-randomized).
//   - gzip/deflate bodies: compared decoded (compressed bytes and their length
//     depend on the compressor).
//
// Header field order across different names is not compared: net/http writes
// header fields sorted by name, uvicorn in the application's order; no client
// of a FastAPI service can rely on it. Set-cookie and other repeated fields
// keep their relative order, which is compared.
//
// An exchange can be skipped only explicitly, with a reason, through
// [Skip]; skipped exchanges are counted and logged, never hidden.
package replay
