package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/parser"
	"github.com/covetpy/covetgen/parser/ast"
)

// ParseFunc parses one Python file (parser.ParseFile).
type ParseFunc func(filename string, src []byte) (*ast.File, error)

// Options configure Load.
type Options struct {
	// Parse parses a file; it is required.
	Parse ParseFunc
	// App is "module:attr" (uvicorn style, attr may be dotted); empty means find the
	// FastAPI() instance.
	App string
}

// Module is one parsed module of the app.
type Module struct {
	// Name is the dotted module name; Path the file; Rel the file relative to the root (used
	// in positions and diagnostics).
	Name, Path, Rel string
	// IsPackage is true for a package's __init__.py.
	IsPackage bool
	File      *ast.File
	// Err is the parse error, if the module could not be parsed.
	Err error
}

// Program is the set of modules read for one app.
type Program struct {
	// Root is the directory module names are relative to.
	Root string
	// AppModule and AppAttr locate the app instance (AppAttr is empty when it has to be found
	// by the lifter).
	AppModule, AppAttr string
	// Modules are the modules read, by dotted name.
	Modules map[string]*Module
	// Order lists the module names in the order they were read.
	Order []string
	Diags ir.Diagnostics
	// Found is the instance found under the root when no module:attr was given (nil
	// otherwise, and when the single file given holds no module-level instance).
	Found *AppCandidate
	parse ParseFunc
	// parsed keeps the files parsed while looking for the app, for Import.
	parsed map[string]*ast.File
	// scanErrs are the errors of files that did not parse while looking for the app.
	scanErrs []error
}

// ErrNoApp is returned when no app module can be determined.
var ErrNoApp = errors.New("no FastAPI app found")

// ParseErrors lists modules that do not parse (each a *parser.Error when the parser says
// where). Python cannot import an app whose modules do not parse, so neither can covetgen.
type ParseErrors []error

func (e ParseErrors) Error() string {
	msgs := make([]string, len(e))
	for i, err := range e {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "\n")
}

// ParseErrors returns the parse errors of the modules read, in the order they were read.
func (p *Program) ParseErrors() ParseErrors {
	var out ParseErrors
	for _, name := range p.Order {
		if m := p.Modules[name]; m.Err != nil && m.File == nil {
			out = append(out, m.Err)
		}
	}
	return out
}

// Load reads the app under root (a directory, or a single .py file) and every module of the
// root reachable from the app module through imports.
func Load(root string, opts Options) (*Program, error) {
	if opts.Parse == nil {
		return nil, errors.New("load: Options.Parse is required")
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	p := &Program{Modules: map[string]*Module{}, parse: opts.Parse, parsed: map[string]*ast.File{}}
	var appModule string
	if st.IsDir() {
		p.Root = root
	} else {
		p.Root = filepath.Dir(root)
		appModule = strings.TrimSuffix(filepath.Base(root), ".py")
	}
	if opts.App != "" {
		mod, attr, ok := strings.Cut(opts.App, ":")
		if !ok || mod == "" || attr == "" {
			return nil, fmt.Errorf("load: --app %q is not module:attr", opts.App)
		}
		appModule, p.AppAttr = mod, attr
	}
	if p.AppAttr == "" {
		// A directory: find the instance under it; a single file: the instance in it, or,
		// with none at module level, the lifter's pick among what the module defines.
		c, err := p.findApp(appModule)
		switch {
		case err == nil:
			appModule, p.AppAttr = c.Module, c.Attr
			p.Found = &c
		case appModule == "" || !errors.Is(err, ErrNoApp):
			return nil, err
		}
	}
	p.AppModule = appModule
	if p.Import(appModule) == nil {
		return nil, fmt.Errorf("load: module %s not found under %s: %w", appModule, p.Root, ErrNoApp)
	}
	return p, nil
}

// findFile returns the file of a dotted module under the root, and whether it is a package.
func (p *Program) findFile(name string) (string, bool) {
	rel := filepath.Join(strings.Split(name, ".")...)
	if f := filepath.Join(p.Root, rel+".py"); isFile(f) {
		return f, false
	}
	if f := filepath.Join(p.Root, rel, "__init__.py"); isFile(f) {
		return f, true
	}
	return "", false
}

// IsNamespacePackage reports whether name is a directory under the root without
// __init__.py (an implicit namespace package).
func (p *Program) IsNamespacePackage(name string) bool {
	if IsFramework(name) {
		return false
	}
	st, err := os.Stat(filepath.Join(p.Root, filepath.Join(strings.Split(name, ".")...)))
	return err == nil && st.IsDir()
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Exists reports whether name is a module of the app (a file or package under the root).
func (p *Program) Exists(name string) bool {
	if IsFramework(name) {
		return false
	}
	f, _ := p.findFile(name)
	return f != "" || p.IsNamespacePackage(name)
}

// Import reads the module called name (and its parent packages and, transitively, the
// modules it imports) unless it was read already. It returns nil for framework modules and
// for names that are not under the root.
func (p *Program) Import(name string) *Module {
	if IsFramework(name) {
		return nil
	}
	if m, ok := p.Modules[name]; ok {
		return m
	}
	// Parent packages are imported first, as Python does.
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		p.Import(name[:i])
	}
	path, isPkg := p.findFile(name)
	if path == "" {
		return nil
	}
	rel, err := filepath.Rel(p.Root, path)
	if err != nil {
		rel = path
	}
	m := &Module{Name: name, Path: path, Rel: rel, IsPackage: isPkg}
	p.Modules[name] = m
	p.Order = append(p.Order, name)
	src, err := os.ReadFile(path)
	if err != nil {
		m.Err = fmt.Errorf("%s: %w", rel, err)
		p.Diags.Add(ir.Pos{File: rel}, "cannot read module %s: %v", name, err)
		return m
	}
	f, ok := p.parsed[rel]
	if !ok {
		f, err = p.parse(rel, src)
	}
	delete(p.parsed, rel)
	if err != nil {
		m.Err = err
		var pe *parser.Error
		if errors.As(err, &pe) {
			p.Diags.Add(ir.Pos{File: rel, Line: pe.Line, Col: pe.Col}, "%s: %s (module %s is not read)", pe.Kind, pe.Msg, name)
		} else {
			p.Diags.Add(ir.Pos{File: rel}, "cannot parse module %s: %v", name, err)
		}
		return m
	}
	m.File = f
	for _, imp := range Imports(m) {
		p.importForStatement(m, imp)
	}
	return m
}

// importForStatement reads the modules one import statement may load.
func (p *Program) importForStatement(m *Module, st ast.Stmt) {
	switch s := st.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			p.Import(a.Name)
		}
	case *ast.ImportFrom:
		base, ok := p.ResolveFrom(m, s)
		if !ok {
			return
		}
		p.Import(base)
		for _, a := range s.Names {
			if a.Name != "*" && p.Exists(base+"."+a.Name) {
				p.Import(base + "." + a.Name)
			}
		}
	}
}

// ResolveFrom returns the absolute module name of a from-import, resolving relative
// imports against m. ok is false when the relative import climbs above the root.
func (p *Program) ResolveFrom(m *Module, s *ast.ImportFrom) (string, bool) {
	mod := ""
	if s.Module != nil {
		mod = *s.Module
	}
	if s.Level == 0 {
		return mod, true
	}
	pkg := m.Name
	if !m.IsPackage {
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			pkg = ""
		} else {
			pkg = pkg[:i]
		}
	}
	for range s.Level - 1 {
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			if pkg == "" {
				return "", false
			}
			pkg = ""
			continue
		}
		pkg = pkg[:i]
	}
	switch {
	case pkg == "" && mod == "":
		return "", false
	case pkg == "":
		return mod, true
	case mod == "":
		return pkg, true
	}
	return pkg + "." + mod, true
}

// Imports returns the import statements of a module anywhere in its body (functions
// included), in source order.
func Imports(m *Module) []ast.Stmt {
	if m.File == nil || m.File.Module == nil {
		return nil
	}
	var out []ast.Stmt
	var walk func([]ast.Stmt)
	walk = func(body []ast.Stmt) {
		for _, st := range body {
			switch s := st.(type) {
			case *ast.Import, *ast.ImportFrom:
				out = append(out, st)
			case *ast.FunctionDef:
				walk(s.Body)
			case *ast.AsyncFunctionDef:
				walk(s.Body)
			case *ast.ClassDef:
				walk(s.Body)
			case *ast.If:
				walk(s.Body)
				walk(s.Orelse)
			case *ast.Try:
				walk(s.Body)
				for _, h := range s.Handlers {
					walk(h.Body)
				}
				walk(s.Orelse)
				walk(s.Finalbody)
			case *ast.TryStar:
				walk(s.Body)
				walk(s.Orelse)
				walk(s.Finalbody)
			case *ast.With:
				walk(s.Body)
			case *ast.AsyncWith:
				walk(s.Body)
			case *ast.For:
				walk(s.Body)
			case *ast.While:
				walk(s.Body)
			}
		}
	}
	walk(m.File.Module.Body)
	return out
}

// Pos returns the position of a node in module m.
func (m *Module) Pos(n ast.Node) ir.Pos {
	if s, ok := n.(ast.Spanned); ok && s != nil {
		sp := s.GetSpan()
		return ir.Pos{File: m.Rel, Line: sp.Lineno, Col: sp.ColOffset + 1}
	}
	return ir.Pos{File: m.Rel}
}

// pyFiles lists the .py files under the root, skipping hidden directories, virtual
// environments and caches.
func (p *Program) pyFiles() []string {
	var files []string
	_ = filepath.WalkDir(p.Root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != p.Root && (strings.HasPrefix(name, ".") || name == "__pycache__" || name == "node_modules" ||
				name == "venv" || name == "site-packages" || isFile(filepath.Join(path, "pyvenv.cfg"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".py") {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

// moduleName returns the dotted module name of a file under the root.
func (p *Program) moduleName(path string) string {
	rel, err := filepath.Rel(p.Root, path)
	if err != nil {
		return ""
	}
	rel = strings.TrimSuffix(rel, ".py")
	parts := strings.Split(rel, string(filepath.Separator))
	if parts[len(parts)-1] == "__init__" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, ".")
}

// ParseExpr parses a Python expression given as source text (a string annotation), as the
// app's parser sees it.
func (p *Program) ParseExpr(src string) (ast.Expr, error) {
	f, err := p.parse("<annotation>", []byte("("+src+")\n"))
	if err != nil {
		return nil, err
	}
	if f == nil || f.Module == nil || len(f.Module.Body) != 1 {
		return nil, errors.New("not a single expression")
	}
	es, ok := f.Module.Body[0].(*ast.ExprStmt)
	if !ok {
		return nil, errors.New("not an expression")
	}
	return es.Value, nil
}

// ParseSource parses Python source that is not a file of the app (covetgen's own stubs).
func (p *Program) ParseSource(name string, src []byte) (*ast.File, error) {
	return p.parse(name, src)
}
