package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/covetpy/covetgen/migrate"
)

// runCoverage implements `covetgen coverage ROOT [--app module:attr] [--env KEY=VALUE]...
// [--min PCT] [--format text|json|markdown|github]`: it reports, without writing
// anything, which routes of the FastAPI app under ROOT `covetgen migrate` serves natively
// and which would run in CPython through the bridge, with every reason as
// FILE:LINE:COL: cannot translate CONSTRUCT, the refusals that block the whole app, and
// the totals by routes and by endpoint source lines (see package migrate). The exit status
// is 1 when the native percentage by routes is below --min or the app cannot be read, 2
// on a usage error.
func runCoverage(args []string, stdout, stderr io.Writer) int {
	fs, af := newAppFlagSet("coverage", "covetgen coverage ROOT [--app module:attr] [--env KEY=VALUE]... [--forward] [--min PCT] [--format text|json|markdown|github]", stderr)
	forward := fs.Bool("forward", false, "report the routes migrate --forward would forward (mode request-forwarding) instead of blocked")
	minFlag := fs.Float64("min", 0, "exit with status 1 when fewer than `PCT` percent of the routes are native")
	formatFlag := fs.String("format", "text", "output format: "+strings.Join(migrate.CoverageFormats, ", "))
	positional, ok := parseInterspersed(fs, args)
	if !ok {
		return 2
	}
	known := false
	for _, f := range migrate.CoverageFormats {
		known = known || f == *formatFlag
	}
	if len(positional) != 1 || !known || *minFlag < 0 || *minFlag > 100 {
		if !known {
			fmt.Fprintf(stderr, "covetgen coverage: unknown format %q\n", *formatFlag)
		}
		fs.Usage()
		return 2
	}
	cov, err := migrate.CoverageOf(migrate.CoverageOptions{Root: positional[0], App: af.app, Env: af.env, Forward: *forward})
	if err != nil {
		fmt.Fprintf(stderr, "covetgen coverage: %v\n", err)
		return 1
	}
	if err := migrate.WriteCoverage(stdout, cov, *formatFlag, *minFlag); err != nil {
		fmt.Fprintf(stderr, "covetgen coverage: %v\n", err)
		return 1
	}
	if cov.Below(*minFlag) {
		return 1
	}
	return 0
}
