package pyval

import (
	"os"
	"path/filepath"
	"strings"
)

// Paths an app computes from its module's __file__ (Path(__file__).resolve().parent /
// "report.csv"), as str values: the generated main computes each once from the app's
// root directory with AppPath; a body joins more parts with PathOps. The operations are
// pathlib's on a POSIX system: parts split on "/", empty and "." parts dropped, ".."
// kept; .parent drops the last part lexically; .resolve() follows symlinks as
// os.path.realpath does (strict=False: a missing tail stays as written).

// AppPath is Path(<root>/<file>) followed by ops ("resolve", "parent", "join:PART"): root
// is the app's root directory (absolute), file the module's file relative to it.
func AppPath(root, file string, ops ...string) Value {
	p := pathNorm(root + "/" + file)
	for _, op := range ops {
		p = pathOp(p, op)
	}
	return Str(p)
}

// PathOps applies ops ("parent", "join:PART") to the path base (the str of a Path).
func PathOps(base Value, ops ...string) (Value, error) {
	s, ok := base.(Str)
	if !ok {
		return nil, raise("TypeError", "expected a path, not "+typeNameOf(base))
	}
	p := string(s)
	for _, op := range ops {
		if op == "resolve" {
			return nil, raise("NotImplementedError", "resolve() in a body")
		}
		p = pathOp(p, op)
	}
	return Str(p), nil
}

// pathOp applies one operation to the normalized absolute path p.
func pathOp(p, op string) string {
	switch {
	case op == "parent":
		i := strings.LastIndexByte(p, '/')
		if i <= 0 {
			return "/"
		}
		return p[:i]
	case op == "resolve":
		return realPath(p)
	case strings.HasPrefix(op, "join:"):
		part := op[len("join:"):]
		if strings.HasPrefix(part, "/") {
			return pathNorm(part)
		}
		if p == "/" {
			return pathNorm("/" + part)
		}
		return pathNorm(p + "/" + part)
	}
	return p
}

// pathNorm is str(PurePosixPath(p)) for an absolute p: duplicate slashes and "." parts
// dropped, ".." kept, no trailing slash. (A leading "//" is kept by pathlib; roots here
// never have one.)
func pathNorm(p string) string {
	var kept []string
	for _, part := range strings.Split(p, "/") {
		if part != "" && part != "." {
			kept = append(kept, part)
		}
	}
	return "/" + strings.Join(kept, "/")
}

// realPath is os.path.realpath(p) (strict=False): symlinks followed, and a part that does
// not exist kept with the rest of the path as written.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		abs, err := filepath.Abs(r)
		if err == nil {
			return abs
		}
		return r
	}
	if _, err := os.Lstat(p); err == nil || p == "/" {
		return p // exists but cannot be resolved (a loop, a permission): as written
	}
	dir, base := filepath.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" {
		dir = "/"
	}
	parent := realPath(dir)
	if base == ".." {
		return pathOp(parent, "parent")
	}
	return pathNorm(parent + "/" + base)
}
