package migrate

import (
	"bufio"
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	rtsrc "github.com/covetpy/covetgen/runtime"
)

// covetModule is covetgen's module path, which the runtime copy keeps.
const covetModule = "github.com/covetpy/covetgen"

// RuntimeDir is the folder of the output module holding the runtime copy.
const RuntimeDir = "covetgen-runtime"

// goDirective is the go line of the written modules (the runtime needs Go 1.24's
// net/http Protocols).
const goDirective = "1.24"

// modVersion is one third-party module the runtime imports.
type modVersion struct{ Path, Version string }

// runtimeCopy is the part of the runtime a service needs.
type runtimeCopy struct {
	// Files maps paths relative to the runtime folder ("router/router.go") to sources.
	Files map[string][]byte
	// Modules are the third-party modules the copied packages import; Sum their go.sum lines.
	Modules []modVersion
	Sum     []string
}

// collectRuntime returns the runtime packages the given import paths need, transitively,
// with the third-party modules they import.
func collectRuntime(imports []string) (*runtimeCopy, error) {
	src := rtsrc.Sources()
	sums := parseSum(rtsrc.DepsSum())
	rc := &runtimeCopy{Files: map[string][]byte{}}
	seenPkg := map[string]bool{}
	seenMod := map[string]bool{}
	queue := append([]string(nil), imports...)
	for len(queue) > 0 {
		imp := queue[0]
		queue = queue[1:]
		if seenPkg[imp] {
			continue
		}
		seenPkg[imp] = true
		rel, ok := strings.CutPrefix(imp, covetModule+"/runtime/")
		if !ok {
			return nil, fmt.Errorf("runtime copy: %s is not a runtime package", imp)
		}
		entries, err := fs.ReadDir(src, rel)
		if err != nil {
			return nil, fmt.Errorf("runtime copy: package %s: %w", imp, err)
		}
		n := 0
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasSuffix(name, "_test.go") {
				continue
			}
			p := path.Join(rel, name)
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return nil, fmt.Errorf("runtime copy: %w", err)
			}
			if !strings.HasSuffix(name, ".go") { // a file the package embeds (bridge's .py scripts)
				rc.Files[p] = b
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, b, parser.ImportsOnly)
			if err != nil {
				return nil, fmt.Errorf("runtime copy: %w", err)
			}
			rc.Files[p] = b
			n++
			for _, is := range f.Imports {
				ip, _ := strconv.Unquote(is.Path.Value)
				switch {
				case strings.HasPrefix(ip, covetModule+"/runtime/"):
					queue = append(queue, ip)
				case strings.HasPrefix(ip, covetModule+"/") || ip == covetModule:
					return nil, fmt.Errorf("runtime copy: %s imports %s, outside the runtime", p, ip)
				case isStdlib(ip):
				default:
					m, ok := moduleOf(ip, sums)
					if !ok {
						return nil, fmt.Errorf("runtime copy: %s imports %s, whose module is not in runtime/deps.sum", p, ip)
					}
					if !seenMod[m.Path] {
						seenMod[m.Path] = true
						rc.Modules = append(rc.Modules, m)
					}
				}
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("runtime copy: package %s has no sources", imp)
		}
	}
	sort.Slice(rc.Modules, func(i, j int) bool { return rc.Modules[i].Path < rc.Modules[j].Path })
	for _, m := range rc.Modules {
		for _, l := range sums[m.Path] {
			rc.Sum = append(rc.Sum, l)
		}
	}
	return rc, nil
}

// isStdlib reports a standard-library import path (no dot in its first element).
func isStdlib(ip string) bool {
	first, _, _ := strings.Cut(ip, "/")
	return !strings.Contains(first, ".")
}

// parseSum reads go.sum lines into module path -> lines (the version is the one of the
// module's h1 line).
func parseSum(b []byte) map[string][]string {
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		fields := strings.Fields(line)
		if len(fields) != 3 {
			continue
		}
		out[fields[0]] = append(out[fields[0]], line)
	}
	return out
}

// moduleOf finds the module of an import path among the go.sum modules (longest prefix).
func moduleOf(ip string, sums map[string][]string) (modVersion, bool) {
	best := ""
	for m := range sums {
		if (ip == m || strings.HasPrefix(ip, m+"/")) && len(m) > len(best) {
			best = m
		}
	}
	if best == "" {
		return modVersion{}, false
	}
	for _, l := range sums[best] {
		f := strings.Fields(l)
		if !strings.HasSuffix(f[1], "/go.mod") {
			return modVersion{Path: best, Version: f[1]}, true
		}
	}
	return modVersion{}, false
}

// runtimeGoMod is the go.mod of the runtime copy.
func runtimeGoMod(mods []modVersion) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n", covetModule, goDirective)
	if len(mods) > 0 {
		b.WriteString("\nrequire (\n")
		for _, m := range mods {
			fmt.Fprintf(&b, "\t%s %s\n", m.Path, m.Version)
		}
		b.WriteString(")\n")
	}
	return []byte(b.String())
}

// serviceGoMod is the go.mod of the generated service.
func serviceGoMod(module string, mods []modVersion) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\nrequire %s v0.0.0\n", module, goDirective, covetModule)
	if len(mods) > 0 {
		b.WriteString("\nrequire (\n")
		for _, m := range mods {
			fmt.Fprintf(&b, "\t%s %s // indirect\n", m.Path, m.Version)
		}
		b.WriteString(")\n")
	}
	fmt.Fprintf(&b, "\nreplace %s => ./%s\n", covetModule, RuntimeDir)
	return []byte(b.String())
}
