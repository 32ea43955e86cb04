// Package starlette holds the small pieces of Starlette's own behaviour that
// several runtime packages share: the request URL as starlette.datastructures.URL
// rebuilds it from the ASGI scope, urllib.parse.quote, the latin-1 view of
// header values, and the plain responses Starlette's middleware and
// StaticFiles write themselves (PlainTextResponse, RedirectResponse, the
// default HTTPException JSON body).
//
// It is internal to runtime: the public response types live in
// runtime/response.
package starlette
