// Package static serves files the way Starlette does: [StaticFiles] (a
// mounted directory, optionally in html mode) and [FileResponse].
//
// Both send content-type (Python's mimetypes guess, see [GuessType]; text
// types get "; charset=utf-8"), accept-ranges, content-length,
// last-modified and etag = "md5 of {st_mtime}-{st_size}" exactly as
// Starlette computes them (st_mtime as Python's float repr), answer Range
// requests (206, Starlette's multi-range quirks included, 416 with
// content-range "*/size", 400 for malformed headers) and HEAD. StaticFiles
// adds 304 for If-None-Match / If-Modified-Since (email.utils.parsedate
// semantics), html mode (index.html, the trailing-slash redirect,
// 404.html), the path checks (realpath must stay below the directory) and
// FastAPI's JSON 404/405/401.
//
// Files go out in 64 KiB messages; every full message but the last is
// flushed, as Starlette sends them with more_body=True (which is what the
// GZip middleware keys on).
package static
