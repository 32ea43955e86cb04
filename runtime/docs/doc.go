// Package docs serves what FastAPI.setup() adds to an app: the OpenAPI
// document (openapi_url), the Swagger UI page (docs_url), its OAuth2
// redirect page (swagger_ui_oauth2_redirect_url) and the ReDoc page
// (redoc_url), byte for byte as fastapi/openapi/docs.py renders them.
//
// The pages are generated from their parameters (title, URLs, the
// swagger_ui_parameters and init_oauth values, encoded as json.dumps does
// and made HTML-safe as FastAPI's _html_safe_json does). The OAuth2 redirect
// page is a fixed page upstream (Swagger UI's oauth2-redirect.html as
// FastAPI embeds it) and is a constant here too.
//
// The OpenAPI document is given as bytes (what app.openapi() returns,
// serialised in its key order); the handler serves it as JSONResponse does
// and applies FastAPI's root_path rule: when the request's root_path
// (stripped of trailing slashes) is set and is not already a server URL,
// {"url": root_path} is put first in "servers", the key being appended at
// the end of the document when it had none.
package docs
