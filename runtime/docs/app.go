package docs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/covetpy/covetgen/runtime/pyjson"
)

// App holds the FastAPI() arguments that shape the docs routes.
type App struct {
	Title string
	// OpenAPIURL is openapi_url ("/openapi.json" by default in FastAPI);
	// "" (None) disables every route here.
	OpenAPIURL string
	// DocsURL ("/docs"), RedocURL ("/redoc"): "" disables the page.
	DocsURL  string
	RedocURL string
	// OAuth2RedirectURL is swagger_ui_oauth2_redirect_url
	// ("/docs/oauth2-redirect"); "" disables the page and the parameter.
	OAuth2RedirectURL   string
	InitOAuth           []Param
	SwaggerUIParameters []Param
	// NoRootPathInServers is root_path_in_servers=False.
	NoRootPathInServers bool
	// RootPath returns scope["root_path"] for a request (the server's
	// --root-path, FastAPI(root_path=...), plus the mount path of a
	// mounted sub-app). nil: "".
	RootPath func(*http.Request) string
}

// Route is one route FastAPI.setup() registers: a Starlette Route answering
// GET and HEAD (the router answers other methods with 405).
type Route struct {
	Path    string
	Handler http.Handler
}

// Routes returns the docs routes in the order setup() adds them (they
// precede the app's own routes): openapi_url, docs_url, the OAuth2
// redirect, redoc_url. openapi is the document's JSON text (indented or
// compact; key order is kept).
func Routes(app App, openapi []byte) ([]Route, error) {
	if app.OpenAPIURL == "" {
		return nil, nil
	}
	doc, err := newDocument(openapi)
	if err != nil {
		return nil, err
	}
	if _, err := (SwaggerUI{Parameters: app.SwaggerUIParameters, InitOAuth: app.InitOAuth}).HTML(); err != nil {
		return nil, err
	}
	rootPath := func(r *http.Request) string {
		if app.RootPath == nil {
			return ""
		}
		return strings.TrimRight(app.RootPath(r), "/")
	}
	routes := []Route{{app.OpenAPIURL, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := doc.body
		if root := rootPath(r); root != "" && !app.NoRootPathInServers {
			body = doc.withServer(root)
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
	})}}
	if app.DocsURL != "" {
		routes = append(routes, Route{app.DocsURL, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			root := rootPath(r)
			page := SwaggerUI{
				OpenAPIURL: root + app.OpenAPIURL,
				Title:      app.Title + " - Swagger UI",
				InitOAuth:  app.InitOAuth,
				Parameters: app.SwaggerUIParameters,
			}
			if app.OAuth2RedirectURL != "" {
				page.OAuth2RedirectURL = root + app.OAuth2RedirectURL
			}
			html, _ := page.HTML() // the values were checked by Routes
			writeHTML(w, html)
		})})
		if app.OAuth2RedirectURL != "" {
			routes = append(routes, Route{app.OAuth2RedirectURL, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				writeHTML(w, oauth2RedirectHTML)
			})})
		}
	}
	if app.RedocURL != "" {
		routes = append(routes, Route{app.RedocURL, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeHTML(w, Redoc{OpenAPIURL: rootPath(r) + app.OpenAPIURL, Title: app.Title + " - ReDoc"}.HTML())
		})})
	}
	return routes, nil
}

// writeHTML writes an HTMLResponse.
func writeHTML(w http.ResponseWriter, html string) {
	w.Header().Set("Content-Length", strconv.Itoa(len(html)))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, html)
}

// document is the compacted OpenAPI text and where its top-level
// "servers" value lies.
type document struct {
	body       []byte
	serversAt  [2]int // value span; [0,0] when absent
	serverURLs []string
}

func newDocument(text []byte) (*document, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, text); err != nil {
		return nil, fmt.Errorf("docs: openapi document: %w", err)
	}
	d := &document{body: buf.Bytes()}
	dec := json.NewDecoder(bytes.NewReader(d.body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("docs: openapi document is not a JSON object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("docs: openapi document: %w", err)
		}
		key, _ := tok.(string)
		start := int(dec.InputOffset()) + 1 // past the ':' of compact JSON
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("docs: openapi document: %w", err)
		}
		if key != "servers" {
			continue
		}
		d.serversAt = [2]int{start, int(dec.InputOffset())}
		var servers []map[string]any
		if err := json.Unmarshal(raw, &servers); err != nil {
			return nil, fmt.Errorf("docs: openapi document: servers: %w", err)
		}
		for _, s := range servers {
			if u, ok := s["url"].(string); ok {
				d.serverURLs = append(d.serverURLs, u)
			}
		}
	}
	return d, nil
}

// withServer is the document as served under root_path root.
func (d *document) withServer(root string) []byte {
	for _, u := range d.serverURLs {
		if u == root {
			return d.body
		}
	}
	entry := []byte(`{"url":`)
	entry, err := pyjson.AppendString(entry, root)
	if err != nil {
		return d.body
	}
	entry = append(entry, '}')
	out := make([]byte, 0, len(d.body)+len(entry)+16)
	if d.serversAt[1] == 0 {
		// schema["servers"] = [...]: a new key, last.
		out = append(out, d.body[:len(d.body)-1]...)
		if len(d.body) > 2 {
			out = append(out, ',')
		}
		out = append(out, `"servers":[`...)
		out = append(out, entry...)
		return append(out, "]}"...)
	}
	old := d.body[d.serversAt[0]:d.serversAt[1]]
	out = append(out, d.body[:d.serversAt[0]]...)
	out = append(out, '[')
	out = append(out, entry...)
	if len(old) > 2 {
		out = append(out, ',')
		out = append(out, old[1:]...)
	} else {
		out = append(out, ']')
	}
	return append(out, d.body[d.serversAt[1]:]...)
}
