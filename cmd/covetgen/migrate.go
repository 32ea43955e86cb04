package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/covetpy/covetgen/migrate"
)

// runMigrate implements `covetgen migrate ROOT [--app module:attr] [--env KEY=VALUE]...
// [--bridge-all] [--forward] -o OUT`: it converts the FastAPI app under ROOT into a Go module in OUT
// that builds with plain `go build`. Routes whose functions cannot be translated run them
// in CPython through the bridge (all routes with --bridge-all). When some part of the app
// can be served neither way, nothing is written: each reason is printed as
// FILE:LINE:COL: cannot translate CONSTRUCT and the exit status is 1.
func runMigrate(args []string, stdout, stderr io.Writer) int {
	fs, af := newAppFlagSet("migrate", "covetgen migrate ROOT [--app module:attr] [--env KEY=VALUE]... -o OUT", stderr)
	outFlag := fs.String("o", "", "the folder to write the Go module to (required)")
	bridgeAll := fs.Bool("bridge-all", false, "run every handler in CPython through the bridge")
	forward := fs.Bool("forward", false, "serve the routes that cannot run natively nor through handler calls by forwarding their requests to the app's FastAPI (needs FastAPI at run time)")
	positional, ok := parseInterspersed(fs, args)
	if !ok {
		return 2
	}
	if len(positional) != 1 || *outFlag == "" {
		fs.Usage()
		return 2
	}
	s, err := migrate.Run(migrate.Options{Root: positional[0], App: af.app, Out: *outFlag, Env: af.env, BridgeAll: *bridgeAll, Forward: *forward})
	if err != nil {
		var re *migrate.RefusedError
		if errors.As(err, &re) {
			for _, r := range re.Refusals {
				fmt.Fprintln(stderr, r)
			}
			fmt.Fprintf(stderr, "covetgen migrate: %d construct(s) cannot be translated; nothing written\n", len(re.Refusals))
			return 1
		}
		fmt.Fprintf(stderr, "covetgen migrate: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "migrated %s to %s (module %s)\n", s.App, *outFlag, s.Module)
	if s.Bridged+s.Forwarded > 0 {
		fmt.Fprintf(stdout, "  the bridged routes need python3 with the app's dependencies (and pydantic 2) at run time\n")
	}
	fmt.Fprintf(stdout, "  routes: %d native, %d through the bridge, 0 refused\n", s.Routes, s.Bridged)
	if s.Forwarded > 0 {
		fmt.Fprintf(stdout, "  %d route(s) forwarded whole to the app's FastAPI: the service needs fastapi importable by its Python\n", s.Forwarded)
	}
	fmt.Fprintf(stdout, "  models: %d\n", s.Models)
	fmt.Fprintf(stdout, "  files:  %d written (%d service files, %d in %s/)\n", len(s.Files), len(s.Files)-s.RuntimeFiles, s.RuntimeFiles, migrate.RuntimeDir)
	return 0
}
