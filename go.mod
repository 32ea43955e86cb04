module github.com/covetpy/covetgen

go 1.24

require github.com/go-chi/chi/v5 v5.2.3

require github.com/dave/jennifer v1.7.1

require github.com/coder/websocket v1.8.14
