// Command covetgen converts a FastAPI application into a native Go service.
//
// Subcommands:
//
//	covetgen parse [--dump] [--no-attributes] FILE...   print the CPython-shaped AST of each file
//	covetgen openapi ROOT [--app m:a] [--env K=V]... [-o FILE]   print the app's OpenAPI document
//	covetgen migrate ROOT [--app m:a] [--env K=V]... -o OUT      write the app as a Go service module
//	covetgen coverage ROOT [--app m:a] [--env K=V]... [--min PCT] [--format text|json|markdown|github]
//	                                                   report which routes migrate serves natively
//
// Errors are printed one per line as FILE:LINE:COL: KIND: MESSAGE, and the exit status is 1.
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one covetgen subcommand: it returns the process exit status.
type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"parse", "parse Python files and print their AST as python3.13's ast.dump does", runParse},
		{"openapi", "print the OpenAPI document FastAPI would serve for an app", runOpenAPI},
		{"migrate", "convert a FastAPI app into a Go service module", runMigrate},
		{"coverage", "report which routes of a FastAPI app migrate serves natively", runCoverage},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "covetgen: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: covetgen COMMAND [ARGS]")
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
}
