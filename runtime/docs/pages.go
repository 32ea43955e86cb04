package docs

import "strings"

// FastAPI's default asset URLs (fastapi/openapi/docs.py).
const (
	DefaultSwaggerJSURL  = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
	DefaultSwaggerCSSURL = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"
	DefaultFaviconURL    = "https://fastapi.tiangolo.com/img/favicon.png"
	DefaultRedocJSURL    = "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"
)

// SwaggerUI are get_swagger_ui_html's arguments. Empty asset URLs take
// FastAPI's defaults.
type SwaggerUI struct {
	OpenAPIURL        string
	Title             string
	JSURL             string
	CSSURL            string
	FaviconURL        string
	OAuth2RedirectURL string  // "": none
	InitOAuth         []Param // nil or empty: none
	// Parameters are swagger_ui_parameters, applied over FastAPI's
	// defaults (a default keeps its place when overridden).
	Parameters []Param
}

// defaultSwaggerParams is swagger_ui_default_parameters.
func defaultSwaggerParams() []Param {
	return []Param{
		{Key: "dom_id", Value: "#swagger-ui"},
		{Key: "layout", Value: "BaseLayout"},
		{Key: "deepLinking", Value: true},
		{Key: "showExtensions", Value: true},
		{Key: "showCommonExtensions", Value: true},
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// HTML renders the page. The error reports a parameter value of a type
// Param does not allow.
func (s SwaggerUI) HTML() (string, error) {
	params := defaultSwaggerParams()
	for _, p := range s.Parameters {
		found := false
		for i := range params {
			if params[i].Key == p.Key {
				params[i].Value, found = p.Value, true
				break
			}
		}
		if !found {
			params = append(params, p)
		}
	}
	var b strings.Builder
	b.WriteString("\n    <!DOCTYPE html>\n    <html>\n    <head>\n")
	b.WriteString(`    <meta name="viewport" content="width=device-width, initial-scale=1.0">` + "\n")
	b.WriteString(`    <link type="text/css" rel="stylesheet" href="` + orDefault(s.CSSURL, DefaultSwaggerCSSURL) + "\">\n")
	b.WriteString(`    <link rel="shortcut icon" href="` + orDefault(s.FaviconURL, DefaultFaviconURL) + "\">\n")
	b.WriteString("    <title>" + s.Title + "</title>\n")
	b.WriteString("    </head>\n    <body>\n    <div id=\"swagger-ui\">\n    </div>\n")
	b.WriteString(`    <script src="` + orDefault(s.JSURL, DefaultSwaggerJSURL) + "\"></script>\n")
	b.WriteString("    <!-- `SwaggerUIBundle` is now available on the page -->\n")
	b.WriteString("    <script>\n    const ui = SwaggerUIBundle({\n")
	b.WriteString("        url: '" + s.OpenAPIURL + "',\n    ")
	for _, p := range params {
		k, err := htmlSafeJSON(p.Key)
		if err != nil {
			return "", err
		}
		v, err := htmlSafeJSON(p.Value)
		if err != nil {
			return "", err
		}
		b.WriteString(k + ": " + v + ",\n")
	}
	if s.OAuth2RedirectURL != "" {
		b.WriteString("oauth2RedirectUrl: window.location.origin + '" + s.OAuth2RedirectURL + "',")
	}
	b.WriteString("\n    presets: [\n        SwaggerUIBundle.presets.apis,\n        SwaggerUIBundle.SwaggerUIStandalonePreset\n        ],\n    })")
	if len(s.InitOAuth) > 0 {
		v, err := htmlSafeJSON(s.InitOAuth)
		if err != nil {
			return "", err
		}
		b.WriteString("\n        ui.initOAuth(" + v + ")\n        ")
	}
	b.WriteString("\n    </script>\n    </body>\n    </html>\n    ")
	return b.String(), nil
}

// Redoc are get_redoc_html's arguments. Empty asset URLs take FastAPI's
// defaults; NoGoogleFonts is with_google_fonts=False.
type Redoc struct {
	OpenAPIURL    string
	Title         string
	JSURL         string
	FaviconURL    string
	NoGoogleFonts bool
}

// HTML renders the page.
func (r Redoc) HTML() string {
	var b strings.Builder
	b.WriteString("\n    <!DOCTYPE html>\n    <html>\n    <head>\n")
	b.WriteString("    <title>" + r.Title + "</title>\n")
	b.WriteString("    <!-- needed for adaptive design -->\n")
	b.WriteString("    <meta charset=\"utf-8\"/>\n")
	b.WriteString(`    <meta name="viewport" content="width=device-width, initial-scale=1">` + "\n    ")
	if !r.NoGoogleFonts {
		b.WriteString("\n    <link href=\"https://fonts.googleapis.com/css?family=Montserrat:300,400,700|Roboto:300,400,700\" rel=\"stylesheet\">\n    ")
	}
	b.WriteString("\n    <link rel=\"shortcut icon\" href=\"" + orDefault(r.FaviconURL, DefaultFaviconURL) + "\">\n")
	b.WriteString("    <!--\n    ReDoc doesn't change outer page styles\n    -->\n")
	b.WriteString("    <style>\n      body {\n        margin: 0;\n        padding: 0;\n      }\n    </style>\n")
	b.WriteString("    </head>\n    <body>\n    <noscript>\n")
	b.WriteString("        ReDoc requires Javascript to function. Please enable it to browse the documentation.\n")
	b.WriteString("    </noscript>\n")
	b.WriteString("    <redoc spec-url=\"" + r.OpenAPIURL + "\"></redoc>\n")
	b.WriteString("    <script src=\"" + orDefault(r.JSURL, DefaultRedocJSURL) + "\"> </script>\n")
	b.WriteString("    </body>\n    </html>\n    ")
	return b.String()
}

// OAuth2RedirectHTML is the Swagger UI OAuth2 redirect page.
func OAuth2RedirectHTML() string { return oauth2RedirectHTML }
