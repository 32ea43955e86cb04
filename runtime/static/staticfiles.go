package static

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
)

// Config are StaticFiles' arguments and the hooks that connect it to the
// router.
type Config struct {
	// Directory is directory=; Packages' directories (packages=) may
	// follow in Directories, searched in order after it.
	Directory   string
	Directories []string
	HTML        bool // html=True
	// SkipCheckDir is check_dir=False.
	SkipCheckDir bool
	// FollowSymlink is follow_symlink=True: paths are made absolute
	// without resolving symlinks (which may then lead outside).
	FollowSymlink bool

	// Scope returns scope["path"] (the full percent-decoded path) and
	// scope["root_path"] (the app's root path plus the mount's path) of a
	// request. nil: the decoded r.URL.Path and "".
	Scope func(*http.Request) (path, rootPath string)
	// Error answers the HTTPExceptions StaticFiles raises (401, 404, 405)
	// and, with err set, the exceptions that end in a 500. nil: FastAPI's
	// default handlers ({"detail": "Not Found"} ...; plain 500).
	Error func(w http.ResponseWriter, r *http.Request, status int, err error)
}

// StaticFiles is starlette.staticfiles.StaticFiles as a mounted
// http.Handler: it serves GET and HEAD for the path below its mount.
type StaticFiles struct {
	cfg     Config
	dirs    []string
	checked atomic.Bool
}

// New checks the configuration as StaticFiles.__init__ does (the directory
// must exist unless SkipCheckDir).
func New(cfg Config) (*StaticFiles, error) {
	s := &StaticFiles{cfg: cfg}
	if cfg.Directory != "" {
		s.dirs = append(s.dirs, cfg.Directory)
	}
	s.dirs = append(s.dirs, cfg.Directories...)
	if len(s.dirs) == 0 {
		return nil, errors.New("static: either 'directory' or 'packages' arguments must be given")
	}
	if !cfg.SkipCheckDir && cfg.Directory != "" {
		if fi, err := os.Stat(cfg.Directory); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("Directory '%s' does not exist", cfg.Directory)
		}
	}
	return s, nil
}

func (s *StaticFiles) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	if s.cfg.Error != nil {
		s.cfg.Error(w, r, status, err)
		return
	}
	switch status {
	case http.StatusUnauthorized:
		starlette.WriteDetail(w, status, "Unauthorized")
	case http.StatusNotFound:
		starlette.WriteDetail(w, status, "Not Found")
	case http.StatusMethodNotAllowed:
		starlette.WriteDetail(w, status, "Method Not Allowed")
	default:
		starlette.WritePlain(w, http.StatusInternalServerError, "Internal Server Error")
	}
}

// ServeHTTP is StaticFiles.__call__: 405 for other methods than GET/HEAD,
// the file (or 304), in html mode a directory's index.html (after the
// trailing-slash redirect) or 404.html, else the 404.
func (s *StaticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.checked.Load() {
		if err := s.checkConfig(); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		s.checked.Store(true)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.fail(w, r, http.StatusMethodNotAllowed, nil)
		return
	}
	rel := s.getPath(r)
	full, fi, err := s.lookup(rel)
	if err != nil {
		// get_response maps these two OSErrors of the first lookup only.
		switch {
		case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
			s.fail(w, r, http.StatusUnauthorized, nil)
		case errors.Is(err, syscall.ENAMETOOLONG):
			s.fail(w, r, http.StatusNotFound, nil)
		default:
			s.fail(w, r, http.StatusInternalServerError, err)
		}
		return
	}
	if fi != nil && fi.Mode().IsRegular() {
		s.fileResponse(w, r, full, fi)
		return
	}
	if fi != nil && fi.IsDir() && s.cfg.HTML {
		full, fi, err = s.lookup(joinPath(rel, "index.html"))
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		if fi != nil && fi.Mode().IsRegular() {
			if full, _ := s.scope(r); !strings.HasSuffix(full, "/") {
				u := starlette.Split(starlette.RequestURL(r, full))
				u.Path += "/"
				starlette.WriteRedirect(w, http.StatusTemporaryRedirect, u.String())
				return
			}
			s.fileResponse(w, r, full, fi)
			return
		}
	}
	if s.cfg.HTML {
		full, fi, err = s.lookup("404.html")
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		if fi != nil && fi.Mode().IsRegular() {
			resp := &FileResponse{Path: full, Status: http.StatusNotFound, info: fi}
			_ = resp.Serve(w, r)
			return
		}
	}
	s.fail(w, r, http.StatusNotFound, nil)
}

func (s *StaticFiles) checkConfig() error {
	if s.cfg.Directory == "" {
		return nil
	}
	fi, err := os.Stat(s.cfg.Directory)
	if err != nil {
		return fmt.Errorf("StaticFiles directory '%s' does not exist.", s.cfg.Directory)
	}
	if !fi.IsDir() {
		return fmt.Errorf("StaticFiles path '%s' is not a directory.", s.cfg.Directory)
	}
	return nil
}

// getPath is StaticFiles.get_path: the route path below the mount,
// normalised (normpath of the "/"-joined parts, "." for the root).
func (s *StaticFiles) getPath(r *http.Request) string {
	p, root := s.scope(r)
	if root != "" && strings.HasPrefix(p, root) {
		switch {
		case p == root:
			p = ""
		case p[len(root)] == '/':
			p = p[len(root):]
		}
	}
	return path.Clean(strings.TrimLeft(p, "/"))
}

func (s *StaticFiles) scope(r *http.Request) (string, string) {
	if s.cfg.Scope != nil {
		return s.cfg.Scope(r)
	}
	return starlette.Path(r), ""
}

// lookup is StaticFiles.lookup_path: a nil FileInfo means not found in any
// directory; other stat errors are returned.
func (s *StaticFiles) lookup(rel string) (string, os.FileInfo, error) {
	for _, dir := range s.dirs {
		joined := joinPath(dir, rel)
		if strings.IndexByte(joined, 0) >= 0 {
			return "", nil, errors.New("embedded null byte") // Python's ValueError
		}
		var full string
		if s.cfg.FollowSymlink {
			full, dir = abspath(joined), abspath(dir)
		} else {
			full, dir = realpath(joined), realpath(dir)
		}
		if !within(full, dir) {
			continue
		}
		fi, err := os.Stat(full)
		if err == nil {
			return full, fi, nil
		}
		if errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ENOTDIR) {
			continue
		}
		return "", nil, err
	}
	return "", nil, nil
}

// within is os.path.commonpath([full, dir]) == dir for normalised absolute
// paths.
func within(full, dir string) bool {
	if dir == "/" {
		return strings.HasPrefix(full, "/")
	}
	return full == dir || strings.HasPrefix(full, dir+"/")
}

// fileResponse is StaticFiles.file_response: the file, or 304 when the
// request's validators match.
func (s *StaticFiles) fileResponse(w http.ResponseWriter, r *http.Request, full string, fi os.FileInfo) {
	mtime := statMTime(fi)
	etag := etagFor(mtime, fi.Size())
	if notModified(r, etag, httpDate(unixFloor(mtime))) {
		// NotModifiedResponse keeps only these of FileResponse's headers.
		w.Header().Set("Etag", etag)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	resp := &FileResponse{Path: full, info: fi}
	_ = resp.Serve(w, r)
}

// notModified is StaticFiles.is_not_modified.
func notModified(r *http.Request, etag, lastModified string) bool {
	if inm, ok := firstHeader(r, "If-None-Match"); ok {
		for _, tag := range strings.Split(inm, ",") {
			if strings.Trim(tag, " W/") == etag {
				return true
			}
		}
	}
	if ims, ok := firstHeader(r, "If-Modified-Since"); ok {
		a, okA := parseDate(ims)
		b, okB := parseDate(lastModified)
		if okA && okB && a.geq(b) {
			return true
		}
	}
	return false
}
