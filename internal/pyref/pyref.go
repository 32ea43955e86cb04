// Package pyref runs CPython 3.13 itself to produce the reference AST dumps and syntax errors
// that the parser's conformance tests compare against. Nothing is recorded: every reference
// is computed at test time by the python3.13 on the machine.
package pyref

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed refdump.py
var refdumpPy []byte

// Result is CPython's verdict on one file: its dump, or the syntax error it raised.
type Result struct {
	Path string
	OK   bool
	Dump string // ast.dump(tree, include_attributes=...) when OK
	Err  PyError
}

// PyError is the exception compile() raised, with SyntaxError's position fields.
type PyError struct {
	Line, Offset, EndLine, EndOffset int
	Kind, Msg                        string
}

// Python313 returns the argv prefix and environment that run CPython 3.13: $COVETGEN_PYTHON313,
// else python3.13 on PATH, else pyenv's 3.13 through python3 with PYENV_VERSION set.
func Python313() (argv []string, env []string, err error) {
	if p := os.Getenv("COVETGEN_PYTHON313"); p != "" {
		return []string{p}, os.Environ(), nil
	}
	if p, err := exec.LookPath("python3.13"); err == nil {
		if exec.Command(p, "-c", "").Run() == nil {
			return []string{p}, os.Environ(), nil
		}
	}
	env = append(os.Environ(), "PYENV_VERSION=3.13.0")
	cmd := exec.Command("python3", "-c", "import sys; assert sys.version_info[:2] == (3, 13)")
	cmd.Env = env
	if cmd.Run() == nil {
		return []string{"python3"}, env, nil
	}
	return nil, nil, errors.New("python3.13 not found: set COVETGEN_PYTHON313, put python3.13 on PATH, or install it with pyenv as 3.13.0")
}

// Eval runs a Python expression's print under python3.13 and returns its output, trimmed.
func Eval(code string) (string, error) {
	argv, env, err := Python313()
	if err != nil {
		return "", err
	}
	cmd := exec.Command(argv[0], append(argv[1:], "-c", code)...)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("python3.13 -c %q: %w", code, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// StdlibDir returns python3.13's standard library directory.
func StdlibDir() (string, error) {
	return Eval("import sysconfig; print(sysconfig.get_path('stdlib'))")
}

// PyFiles lists the .py files under root (or root itself when it is a file), sorted, leaving out
// any directory named site-packages below root.
func PyFiles(root string) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var files []string
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "site-packages" && p != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// Dumps asks python3.13 for the reference of every path, spread over procs processes, and
// calls fn with each result as it arrives (from several goroutines at once).
func Dumps(paths []string, attrs bool, procs int, fn func(Result)) error {
	argv, env, err := Python313()
	if err != nil {
		return err
	}
	script, err := os.CreateTemp("", "refdump-*.py")
	if err != nil {
		return err
	}
	defer os.Remove(script.Name())
	if _, err := script.Write(refdumpPy); err != nil {
		return err
	}
	script.Close()
	if procs < 1 {
		procs = 1
	}
	args := append(argv[1:], script.Name())
	if !attrs {
		args = append(args, "--no-attributes")
	}
	var wg sync.WaitGroup
	errs := make([]error, procs)
	for w := 0; w < procs; w++ {
		var part []string
		for i := w; i < len(paths); i += procs {
			part = append(part, paths[i])
		}
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			errs[w] = run(argv[0], args, env, part, fn)
		}(w)
	}
	wg.Wait()
	return errors.Join(errs...)
}

func run(prog string, args, env, paths []string, fn func(Result)) error {
	cmd := exec.Command(prog, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\n") + "\n")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	r := bufio.NewReaderSize(out, 1<<20)
	n := 0
	for {
		res, err := readRecord(r)
		if err == io.EOF {
			break
		}
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return fmt.Errorf("reading python3.13 output: %w", err)
		}
		fn(res)
		n++
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("refdump.py: %w", err)
	}
	if n != len(paths) {
		return fmt.Errorf("refdump.py answered %d of %d files", n, len(paths))
	}
	return nil
}

func readRecord(r *bufio.Reader) (Result, error) {
	head, err := r.ReadString('\n')
	if err != nil {
		if err == io.EOF && head == "" {
			return Result{}, io.EOF
		}
		return Result{}, err
	}
	f := strings.Fields(head)
	if len(f) != 3 {
		return Result{}, fmt.Errorf("bad record header %q", head)
	}
	pl, err1 := strconv.Atoi(f[1])
	bl, err2 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil {
		return Result{}, fmt.Errorf("bad record header %q", head)
	}
	buf := make([]byte, pl+bl)
	if _, err := io.ReadFull(r, buf); err != nil {
		return Result{}, err
	}
	res := Result{Path: string(buf[:pl]), OK: f[0] == "OK"}
	body := string(buf[pl:])
	if res.OK {
		res.Dump = body
		return res, nil
	}
	parts := strings.SplitN(body, "\t", 6)
	if len(parts) != 6 {
		return Result{}, fmt.Errorf("bad error record %q", body)
	}
	res.Err.Line, _ = strconv.Atoi(parts[0])
	res.Err.Offset, _ = strconv.Atoi(parts[1])
	res.Err.EndLine, _ = strconv.Atoi(parts[2])
	res.Err.EndOffset, _ = strconv.Atoi(parts[3])
	res.Err.Kind, res.Err.Msg = parts[4], parts[5]
	return res, nil
}

// Eval311 runs code under the machine's python3 (3.11, the bridge's and CI's Python) and
// returns its output, trimmed.
func Eval311(code string) (string, error) {
	out, err := exec.Command("python3", "-c", code).Output()
	if err != nil {
		return "", fmt.Errorf("python3 -c %q: %w", code, err)
	}
	return strings.TrimSpace(string(out)), nil
}
