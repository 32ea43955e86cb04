package migrate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/codegen"
	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/lift"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/ir/ojson"
	"github.com/covetpy/covetgen/ir/openapi"
	"github.com/covetpy/covetgen/parser"
)

// Options configure Run.
type Options struct {
	// Root is the app's folder (or single .py file); App locates the instance as
	// module:attr ("" finds the FastAPI() instance).
	Root, App string
	// Out is the folder the Go module is written to.
	Out string
	// Env is the environment the app is read under (see covetgen openapi --env).
	Env map[string]string
	// BridgeAll runs every route's functions in CPython through the bridge (--bridge-all).
	BridgeAll bool
	// Forward serves the routes that can be served neither natively nor through handler
	// calls by request forwarding to the app's own FastAPI routes (--forward; the service
	// then needs FastAPI importable by its Python).
	Forward bool
}

// Summary describes a migration.
type Summary struct {
	// App is module:attr of the migrated app.
	App string
	// Module is the Go module path written; Routes the routes served natively, Bridged
	// those whose functions run through the bridge; Models the model types; Files the
	// files written, relative to Out.
	Module                  string
	Routes, Bridged, Models int
	Files                   []string
	// Forwarded counts the routes served by request forwarding.
	Forwarded int
	// RuntimeFiles counts the files of Files that are the runtime copy.
	RuntimeFiles int
}

// RefusedError is returned when the app cannot be migrated exactly: one refusal per
// reason, positions relative to the working directory (Root joined).
type RefusedError struct {
	Refusals []codegen.Refusal
}

func (e *RefusedError) Error() string {
	lines := make([]string, len(e.Refusals))
	for i, r := range e.Refusals {
		lines[i] = r.String()
	}
	return strings.Join(lines, "\n")
}

// Run migrates the app under opts.Root into a Go module in opts.Out.
func Run(opts Options) (*Summary, error) {
	prog, err := load.Load(opts.Root, load.Options{Parse: parser.ParseFile, App: opts.App})
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", opts.Root, err)
	}
	base := opts.Root
	if fi, err := os.Stat(opts.Root); err == nil && !fi.IsDir() {
		base = filepath.Dir(opts.Root)
	}
	refused := func(rs []codegen.Refusal) error {
		for i := range rs {
			if rs[i].Pos.File != "" && !filepath.IsAbs(rs[i].Pos.File) {
				rs[i].Pos.File = filepath.Join(base, rs[i].Pos.File)
			}
		}
		return &RefusedError{Refusals: rs}
	}
	var early []codegen.Refusal
	for _, d := range prog.Diags {
		early = append(early, codegen.Refusal{Pos: d.Pos, What: "unresolved construct: " + d.Msg})
	}
	app, err := lift.Lift(prog, lift.Options{Env: opts.Env})
	if err != nil {
		if len(early) > 0 {
			return nil, refused(early)
		}
		return nil, fmt.Errorf("lift %s: %w", opts.Root, err)
	}
	appDir, err := filepath.Abs(base)
	if err != nil {
		return nil, err
	}
	in := codegen.Input{App: app, Prog: prog, SubOpenAPI: map[*ir.Mount][]byte{}, BridgeAll: opts.BridgeAll,
		Forward: opts.Forward, Pragmas: bridgePragmas(prog), AppDir: appDir}
	in.Command = moduleName(opts.Out)
	doc, diags := openAPI(app)
	in.OpenAPI = doc
	for _, m := range app.Mounts {
		if m.Sub != nil {
			sdoc, sdiags := openAPI(m.Sub)
			in.SubOpenAPI[m] = sdoc
			diags = append(diags, sdiags...)
		}
	}
	for _, d := range diags {
		early = append(early, codegen.Refusal{Pos: d.Pos, What: "OpenAPI document: " + d.Msg})
	}
	out, rs := codegen.Generate(in)
	if rs = append(early, rs...); len(rs) > 0 {
		return nil, refused(rs)
	}
	rc, err := collectRuntime(out.Imports)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for name, src := range out.Files {
		files[name] = src
	}
	files["go.mod"] = serviceGoMod(in.Command, rc.Modules)
	files["go.sum"] = sumFile(rc.Sum)
	for p, src := range rc.Files {
		files[filepath.Join(RuntimeDir, "runtime", filepath.FromSlash(p))] = src
	}
	files[filepath.Join(RuntimeDir, "go.mod")] = runtimeGoMod(rc.Modules)
	files[filepath.Join(RuntimeDir, "go.sum")] = sumFile(rc.Sum)
	if err := writeOut(opts.Out, files); err != nil {
		return nil, err
	}
	s := &Summary{App: app.Module + ":" + app.Attr, Module: in.Command, Routes: out.Routes, Bridged: out.Bridged, Forwarded: out.Forwarded, Models: out.Models}
	for name := range files {
		s.Files = append(s.Files, name)
		if strings.HasPrefix(name, RuntimeDir+string(filepath.Separator)) {
			s.RuntimeFiles++
		}
	}
	sort.Strings(s.Files)
	return s, nil
}

// openAPI is app.openapi() as /openapi.json serves it (compact JSON, key order kept).
func openAPI(app *ir.App) ([]byte, ir.Diagnostics) {
	doc, diags := openapi.Generate(app)
	return ojson.Marshal(doc, -1), diags
}

// moduleName is the Go module path of the service: the output folder's name, reduced to
// the characters a module path element allows.
func moduleName(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	var b strings.Builder
	for _, r := range filepath.Base(abs) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), ".-")
	if s == "" {
		return "service"
	}
	return s
}

// writeOut replaces the generated files of out with files: the runtime copy and the
// service's .go files, go.mod, go.sum and openapi.json are removed first so that no stale
// file survives; anything else in out is left alone.
func writeOut(out string, files map[string][]byte) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.RemoveAll(filepath.Join(out, RuntimeDir)); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".go") || n == "go.mod" || n == "go.sum" || n == "openapi.json") {
			if err := os.Remove(filepath.Join(out, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("write %s: %w", out, err)
			}
		}
	}
	for name, b := range files {
		p := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
	}
	return nil
}

// sumFile is a go.sum holding lines.
func sumFile(lines []string) []byte {
	if len(lines) == 0 {
		return nil
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}
