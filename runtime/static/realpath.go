package static

import (
	"os"
	"path/filepath"
	"strings"
)

// realpath is os.path.realpath (strict=False) of CPython 3.11: symlinks
// are resolved component by component; a component that cannot be lstat'ed
// is kept as is; a symlink loop leaves the looping link unresolved.
func realpath(p string) string {
	r, _ := joinRealpath("", p, map[string]*string{})
	return abspath(r)
}

// abspath is os.path.abspath: join with the working directory, normalise.
func abspath(p string) string {
	if !filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			p = wd + "/" + p
		}
	}
	return normpath(p)
}

// normpath is posixpath.normpath (which keeps two leading slashes, unlike
// filepath.Clean).
func normpath(p string) string {
	if p == "" {
		return "."
	}
	lead := ""
	if strings.HasPrefix(p, "/") {
		lead = "/"
		if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
			lead = "//"
		}
	}
	var out []string
	for _, c := range strings.Split(p, "/") {
		switch {
		case c == "" || c == ".":
		case c == "..":
			if lead == "" && (len(out) == 0 || out[len(out)-1] == "..") {
				out = append(out, c)
			} else if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, c)
		}
	}
	r := lead + strings.Join(out, "/")
	if r == "" {
		return "."
	}
	return r
}

func joinPath(a, b string) string {
	switch {
	case strings.HasPrefix(b, "/"):
		return b
	case a == "" || strings.HasSuffix(a, "/"):
		return a + b
	}
	return a + "/" + b
}

// splitPath is posixpath.split: head (trailing slashes removed unless it
// is all slashes) and tail.
func splitPath(p string) (head, tail string) {
	i := strings.LastIndexByte(p, '/') + 1
	head, tail = p[:i], p[i:]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head, tail
}

func joinRealpath(path, rest string, seen map[string]*string) (string, bool) {
	if strings.HasPrefix(rest, "/") {
		rest = rest[1:]
		path = "/"
	}
	for rest != "" {
		var name string
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			name, rest = rest[:i], rest[i+1:]
		} else {
			name, rest = rest, ""
		}
		if name == "" || name == "." {
			continue
		}
		if name == ".." {
			if path != "" {
				var tail string
				path, tail = splitPath(path)
				if tail == ".." {
					path = joinPath(joinPath(path, ".."), "..")
				}
			} else {
				path = ".."
			}
			continue
		}
		newpath := joinPath(path, name)
		fi, err := os.Lstat(newpath)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			path = newpath
			continue
		}
		if resolved, ok := seen[newpath]; ok {
			if resolved != nil {
				path = *resolved
				continue
			}
			return joinPath(newpath, rest), false
		}
		seen[newpath] = nil
		target, err := os.Readlink(newpath)
		if err != nil {
			path = newpath
			continue
		}
		var ok bool
		path, ok = joinRealpath(path, target, seen)
		if !ok {
			return joinPath(path, rest), false
		}
		resolved := path
		seen[newpath] = &resolved
	}
	return path, true
}
