// Command handwritten is the benchmark's baseline: the endpoints of bench/app/main.py written by
// hand on go-chi/chi and the standard library, as a Go developer would write them to answer the
// same requests with the same status and body bytes as FastAPI (encoding/json, explicit
// validation producing FastAPI's 422 shape).
//
//	go run ./bench/handwritten -addr 127.0.0.1:8080
package main

import (
	"flag"
	"log"
	"net/http"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	srv := &http.Server{
		Addr:              *addr,
		Handler:           newRouter(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	log.Printf("listening on http://%s", *addr)
	log.Fatal(srv.ListenAndServe())
}
