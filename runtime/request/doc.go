// Package request reads a request's inputs the way Starlette and FastAPI
// read them: the percent-decoded path, path parameters, the query string
// (urllib.parse.parse_qsl with blank values kept), headers (latin-1, first
// value wins), cookies (Starlette's cookie_parser), the body with a size
// limit, JSON bodies (FastAPI's content-type rules, CPython's json via
// pyjson, its json_invalid 422 and 400 errors), urlencoded forms and
// multipart forms with python-multipart's semantics and Starlette's limits.
//
// ReceivedHeaders lists the header fields in the order the client sent them
// (request.headers.raw), where runtime/server tracked it on the connection
// (HTTP/1.x); callers fall back to another order when it reports none.
//
// A *Request is created and recycled by the router for each request; a
// generated endpoint reads it and must not keep it after returning. Strings
// it returns are ordinary immutable Go strings and may be kept.
package request
