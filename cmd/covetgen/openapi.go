package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

// envFlags collects repeated --env KEY=VALUE flags.
type envFlags map[string]string

func (e envFlags) String() string { return "" }

func (e envFlags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE, got %q", s)
	}
	e[k] = v
	return nil
}

// runOpenAPI implements `covetgen openapi ROOT [--app module:attr] [--env KEY=VALUE]...
// [-o FILE]`: it reads the FastAPI app under ROOT statically and prints the OpenAPI
// document FastAPI would serve, as json.dumps(indent=2) does. The app is read as if imported
// with exactly the given environment (os.environ holds only the --env values).
// Diagnostics (what could not be resolved) go to stderr as FILE:LINE:COL: MESSAGE; the exit
// status is 1 when no app can be found.
func runOpenAPI(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("openapi", flag.ContinueOnError)
	fs.SetOutput(stderr)
	appFlag := fs.String("app", "", "the app as module:attr (default: find the FastAPI() instance)")
	outFlag := fs.String("o", "", "write the document to FILE instead of stdout")
	env := envFlags{}
	fs.Var(env, "env", "set KEY=VALUE in the environment the app is read under (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: covetgen openapi ROOT [--app module:attr] [--env KEY=VALUE]... [-o FILE]")
		fs.PrintDefaults()
	}
	// Flags may follow ROOT.
	var positional []string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			return 2
		}
		rest = fs.Args()
		if len(rest) > 0 {
			positional = append(positional, rest[0])
			rest = rest[1:]
		}
	}
	if len(positional) != 1 {
		fs.Usage()
		return 2
	}
	root := positional[0]
	prog, err := load.Load(root, load.Options{Parse: parser.ParseFile, App: *appFlag})
	if err != nil {
		fmt.Fprintf(stderr, "covetgen openapi: %v\n", err)
		return 1
	}
	app, err := lift.Lift(prog, lift.Options{Env: env})
	if err != nil {
		for _, d := range prog.Diags {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "covetgen openapi: %v\n", err)
		return 1
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
