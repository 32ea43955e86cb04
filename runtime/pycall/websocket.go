package pycall

import "github.com/covetpy/covetgen/runtime/bridge"

// WebSocketRequest is the upgrade request of a websocket route as the bridge sends it
// (the scope of the endpoint's WebSocket, as uvicorn builds it): the request without a
// body, its scheme "ws" or "wss".
func (c *Call) WebSocketRequest() *bridge.RequestInfo {
	info := *c.headInfo()
	info.Method = "GET"
	info.Scheme = WebSocketScheme(info.Scheme)
	return &info
}

// WebSocketScheme is the websocket scope's scheme for an HTTP scheme: "wss" for
// "https", "ws" otherwise.
func WebSocketScheme(httpScheme string) string {
	if httpScheme == "https" {
		return "wss"
	}
	return "ws"
}

// Pool is the bridge pool the call runs on; RouteInfo the route it was begun with.
func (c *Call) Pool() *bridge.Pool { return c.pool }

// RouteInfo is the route the call was begun with.
func (c *Call) RouteInfo() *Route { return c.route }
