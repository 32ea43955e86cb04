package static_test

import (
	"net/http/httptest"
	"testing"

	"github.com/covetpy/covetgen/internal/replay"
	"github.com/covetpy/covetgen/runtime/request"
	"github.com/covetpy/covetgen/runtime/response"
	"github.com/covetpy/covetgen/runtime/router"
	"github.com/covetpy/covetgen/runtime/static"
)

// sendFile is how an endpoint returns a FileResponse: a response that
// serves itself. The file is looked up first, so that a missing one is the
// endpoint's 500 (runtime/router counts a handler response as started
// before it runs, and would abort the connection instead).
func sendFile(out *response.Out, f *static.FileResponse) error {
	if err := f.Stat(); err != nil {
		return err
	}
	return out.Send(&response.Response{Kind: response.KindHandler, Handler: f})
}

// streamingApp is the FileResponse side of testdata/fastapi_apps/streaming.
func streamingApp(t *testing.T) *router.Router {
	rt := router.New(router.Options{ErrorLog: func(string) {}})
	add := func(path string, h router.Handler) {
		if err := rt.API(path, nil, h); err != nil {
			t.Fatal(err)
		}
	}
	add("/events", func(rq *request.Request, out *response.Out) error { panic("not part of this test") })
	add("/report.csv", func(rq *request.Request, out *response.Out) error {
		return sendFile(out, &static.FileResponse{Path: "report.csv", MediaType: "text/csv", Filename: "report.csv"})
	})
	add("/report-inline", func(rq *request.Request, out *response.Out) error {
		return sendFile(out, &static.FileResponse{Path: "report.csv", ContentDispositionType: "inline", Filename: "résumé.csv"})
	})
	add("/report-guess", func(rq *request.Request, out *response.Out) error {
		return sendFile(out, &static.FileResponse{Path: "report.csv"})
	})
	add("/missing-file", func(rq *request.Request, out *response.Out) error {
		return sendFile(out, &static.FileResponse{Path: "nope.bin"})
	})
	return rt
}

func TestGoldenStreamingFiles(t *testing.T) {
	app := replay.AppDir(t, "streaming")
	replay.Prepare(t, app)
	srv := httptest.NewServer(streamingApp(t))
	defer srv.Close()
	replay.Run(t, app, srv.URL,
		replay.Skip("StreamingResponse / generator / SSE / Response bodies: runtime/response (helper A), not files",
			"sync-default", "sync-zero", "sync-too-many", "async-csv", "async-bad-n", "bytes-default-type",
			"generator-endpoint", "jsonl-typed", "jsonl-typed-empty", "jsonl-sync", "jsonl-untyped", "jsonl-bad-n",
			"sse-events", "sse-plain-models", "async-zero", "generator-endpoint-empty", "sse-events-none", "jsonl-sync-bad-n",
			"raw-bytes-png", "raw-xml", "raw-no-type", "raw-empty-204",
			"raw-text", "raw-text-error"))
}
