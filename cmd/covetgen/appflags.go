package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
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

// appFlags are the flags of every command that reads an app: --app and the repeated --env.
type appFlags struct {
	app string
	env envFlags
}

// newAppFlagSet returns the flag set of command name with --app and --env defined; usage is
// its one-line synopsis.
func newAppFlagSet(name, usage string, stderr io.Writer) (*flag.FlagSet, *appFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	af := &appFlags{env: envFlags{}}
	fs.StringVar(&af.app, "app", "", "the app as module:attr (default: find the FastAPI() instance)")
	fs.Var(af.env, "env", "set KEY=VALUE in the environment the app is read under (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: "+usage)
		fs.PrintDefaults()
	}
	return fs, af
}

// parseInterspersed parses args letting flags follow positional arguments (`ROOT --app m:a`),
// and returns the positional ones; ok is false on a flag error, already reported.
func parseInterspersed(fs *flag.FlagSet, args []string) (positional []string, ok bool) {
	for rest := args; len(rest) > 0; {
		if err := fs.Parse(rest); err != nil {
			return nil, false
		}
		rest = fs.Args()
		if len(rest) > 0 {
			positional = append(positional, rest[0])
			rest = rest[1:]
		}
	}
	return positional, true
}
