package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

// runOpenAPI implements `covetgen openapi ROOT [--app module:attr] [--env KEY=VALUE]...
// [-o FILE]`: it reads the FastAPI app under ROOT statically and prints the OpenAPI
// document FastAPI would serve, as json.dumps(indent=2) does. The app is read as if imported
// with exactly the given environment (os.environ holds only the --env values).
// Without --app, the one module-level FastAPI() instance under ROOT is used, and named on
// stderr; several instances are an error that lists them. Diagnostics (what could not be
// resolved) go to stderr as FILE:LINE:COL: MESSAGE. The exit status is 1 when there is no
// app: none found, several, or a module that does not parse (printed as
// FILE:LINE:COL: SyntaxError: MESSAGE).
func runOpenAPI(args []string, stdout, stderr io.Writer) int {
	fs, af := newAppFlagSet("openapi", "covetgen openapi ROOT [--app module:attr] [--env KEY=VALUE]... [-o FILE]", stderr)
	outFlag := fs.String("o", "", "write the document to FILE instead of stdout")
	positional, ok := parseInterspersed(fs, args)
	if !ok {
		return 2
	}
	if len(positional) != 1 {
		fs.Usage()
		return 2
	}
	root := positional[0]
	prog, err := load.Load(root, load.Options{Parse: parser.ParseFile, App: af.app})
	if err != nil {
		return failed(stderr, err)
	}
	app, err := lift.Lift(prog, lift.Options{Env: af.env})
	if err != nil {
		return failed(stderr, err)
	}
	if af.app == "" {
		pos := app.Pos
		if prog.Found != nil {
			pos = prog.Found.Pos
		}
		fmt.Fprintf(stderr, "covetgen: using app \"%s:%s\" (%s)\n", app.Module, app.Attr, pos)
	}
	doc, diags := openapi.Generate(app)
	seen := map[string]bool{}
	for _, d := range append(app.AllDiagnostics(), diags...) {
		if s := d.String(); !seen[s] {
			seen[s] = true
			fmt.Fprintln(stderr, s)
		}
	}
	out := ojson.MarshalIndent(doc)
	if *outFlag != "" {
		if err := os.WriteFile(*outFlag, out, 0o644); err != nil {
			fmt.Fprintf(stderr, "covetgen openapi: %v\n", err)
			return 1
		}
		return 0
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintf(stderr, "covetgen openapi: %v\n", err)
		return 1
	}
	return 0
}

// failed reports why there is no app and returns the exit status 1: each module that does
// not parse as the parser words it, anything else prefixed with the command.
func failed(stderr io.Writer, err error) int {
	var pe load.ParseErrors
	if errors.As(err, &pe) {
		for _, e := range pe {
			fmt.Fprintln(stderr, e)
		}
		return 1
	}
	fmt.Fprintf(stderr, "covetgen openapi: %v\n", err)
	return 1
}
