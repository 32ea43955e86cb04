package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

// runParse implements `covetgen parse [--dump] [--no-attributes] FILE...`: it parses every file
// and prints python3.13's ast.dump of each (with attributes unless --no-attributes); without
// --dump it only checks the files. Each file that fails prints FILE:LINE:COL: KIND: MSG.
func runParse(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dump := fs.Bool("dump", false, "print the AST dump of each file")
	noAttrs := fs.Bool("no-attributes", false, "leave position attributes out of the dump")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: covetgen parse [--dump] [--no-attributes] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	status := 0
	for _, name := range fs.Args() {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			status = 1
			continue
		}
		f, err := parser.ParseFile(name, src)
		if err != nil {
			out.Flush()
			fmt.Fprintln(stderr, err)
			status = 1
			continue
		}
		if *dump {
			if fs.NArg() > 1 {
				fmt.Fprintf(out, "# %s\n", name)
			}
			out.WriteString(ast.Dump(f.Module, !*noAttrs))
			out.WriteByte('\n')
		}
	}
	return status
}
