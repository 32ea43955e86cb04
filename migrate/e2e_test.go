package migrate

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/covetpy/covetgen/internal/replay"
)

// e2eApp is the outcome of one corpus app in the end-to-end test.
type e2eApp struct {
	name, dir, out string
	refusals       []string
	buildErr       string
	report         *replay.Report
	exchanges      int
}

// TestE2E migrates every corpus app (testdata/fastapi_apps, and migrate/testdata/apps: apps
// written for the generator, which must all migrate), and for each one that migrates, builds
// the service, starts it as the recorder ran FastAPI (meta.json's env, pinned mtimes, the
// app folder as working directory) and replays every recorded exchange, all of which must
// match. Routes that do not translate run through the bridge (python3 workers). Apps that
// refuse must refuse with well-formed lines pointing into the app.
func TestE2E(t *testing.T) { e2e(t, Options{}) }

// TestE2EBridgeAll is TestE2E with --bridge-all: every route's functions run in CPython
// through the bridge, the proof that the bridge is a complete fallback.
func TestE2EBridgeAll(t *testing.T) { e2e(t, Options{BridgeAll: true}) }

// TestE2EForward is TestE2E with --forward: the routes a handler call cannot serve are
// forwarded whole to the app's own FastAPI routes in the workers. That needs FastAPI
// itself, which CI does not have, so it is a development test: it runs with
// COVETGEN_E2E_FORWARD=1 and the reference stack (COVETGEN_REFSTACK, default
// /work/refstack) put on the services' PYTHONPATH.
func TestE2EForward(t *testing.T) {
	if os.Getenv("COVETGEN_E2E_FORWARD") == "" {
		t.Skip("set COVETGEN_E2E_FORWARD=1 (and have FastAPI: COVETGEN_REFSTACK) to run it")
	}
	ref := os.Getenv("COVETGEN_REFSTACK")
	if ref == "" {
		ref = "/work/refstack"
	}
	if _, err := os.Stat(filepath.Join(ref, "fastapi", "__init__.py")); err != nil {
		t.Skip("request forwarding needs FastAPI: no reference stack at " + ref)
	}
	t.Setenv("PYTHONPATH", ref)
	e2e(t, Options{Forward: true})
}

func e2e(t *testing.T, mode Options) {
	bridgeAll := mode.BridgeAll
	if testing.Short() {
		t.Skip("builds and runs every migrated app")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	corpora := []struct {
		dir         string
		mustMigrate bool
	}{
		{filepath.Join("..", "testdata", "fastapi_apps"), false},
		{filepath.Join("testdata", "apps"), true},
	}
	if dir := os.Getenv("COVETGEN_E2E_CORPUS"); dir != "" { // another corpus, for development
		corpora = corpora[:1]
		corpora[0].dir = dir
	}
	only := os.Getenv("COVETGEN_E2E_APPS") // comma-separated subset, for development
	tmp := t.TempDir()
	var apps []*e2eApp
	for _, c := range corpora {
		corpus, err := filepath.Abs(c.dir)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(corpus)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.IsDir() || (only != "" && !slicesContains(strings.Split(only, ","), e.Name())) {
				continue
			}
			a := &e2eApp{name: e.Name(), dir: filepath.Join(corpus, e.Name()), out: filepath.Join(tmp, e.Name()+"-go")}
			if c.mustMigrate {
				a.name = "own/" + a.name
				a.out = filepath.Join(tmp, "own-"+e.Name()+"-go")
			}
			meta, ex, err := replay.Load(a.dir)
			if err != nil {
				t.Fatalf("%s: %v", a.name, err)
			}
			a.exchanges = len(ex)
			_, err = Run(Options{Root: a.dir, App: meta.App, Out: a.out, Env: meta.Env, BridgeAll: mode.BridgeAll, Forward: mode.Forward})
			var re *RefusedError
			switch {
			case errors.As(err, &re):
				for _, r := range re.Refusals {
					a.refusals = append(a.refusals, r.String())
				}
				checkRefusals(t, a)
				if c.mustMigrate && !bridgeAll && !mode.Forward {
					// (With --bridge-all a refusal is a gap of the bridge, listed in the summary.)
					t.Errorf("%s must migrate:\n%s", a.name, strings.Join(a.refusals, "\n"))
				}
			case err != nil:
				t.Errorf("%s: migrate: %v", a.name, err)
				a.buildErr = err.Error()
			}
			apps = append(apps, a)
		}
	}
	buildAll(t, apps)
	for _, a := range apps {
		if a.refusals != nil || a.buildErr != "" {
			continue
		}
		t.Run(a.name, func(t *testing.T) {
			t.Parallel()
			a.report = serveAndReplay(t, a)
		})
	}
	t.Cleanup(func() { logSummary(t, apps) })
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// refusalLine is FILE:LINE:COL: cannot translate CONSTRUCT.
var refusalLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): cannot translate \S.*$`)

// checkRefusals requires every refusal line to be well-formed and to point into the app.
func checkRefusals(t *testing.T, a *e2eApp) {
	t.Helper()
	if len(a.refusals) == 0 {
		t.Errorf("%s: refused without a reason", a.name)
	}
	for _, line := range a.refusals {
		m := refusalLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("%s: malformed refusal %q", a.name, line)
			continue
		}
		rel, err := filepath.Rel(a.dir, m[1])
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Errorf("%s: refusal outside the app: %q", a.name, line)
			continue
		}
		src, err := os.ReadFile(m[1])
		if err != nil {
			t.Errorf("%s: refusal names a file that cannot be read: %q: %v", a.name, line, err)
			continue
		}
		lines := strings.Split(string(src), "\n")
		n, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if n < 1 || n > len(lines) || col < 1 || col > len(lines[n-1])+1 {
			t.Errorf("%s: refusal position out of the file: %q", a.name, line)
		}
	}
}

// goEnv is the environment of the go commands: the shared build and module caches, and
// no network (the written go.sum must be complete and the runtime's modules cached).
func goEnv() []string {
	env := os.Environ()
	return append(env, "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
}

// buildAll builds (and vets) the migrated apps, a few at a time.
func buildAll(t *testing.T, apps []*e2eApp) {
	sem := make(chan struct{}, max(2, runtime.NumCPU()))
	var wg sync.WaitGroup
	for _, a := range apps {
		if a.refusals != nil || a.buildErr != "" {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			for _, args := range [][]string{{"build", "-o", "service", "."}, {"vet", "."}} {
				cmd := exec.Command("go", args...)
				cmd.Dir = a.out
				cmd.Env = goEnv()
				if out, err := cmd.CombinedOutput(); err != nil {
					a.buildErr = fmt.Sprintf("go %s: %v\n%s", args[0], err, out)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, a := range apps {
		if a.buildErr != "" && a.refusals == nil {
			t.Errorf("%s: %s", a.name, a.buildErr)
		}
	}
}

// serveAndReplay starts the built service on a free loopback port and replays the app's
// exchanges against it.
func serveAndReplay(t *testing.T, a *e2eApp) *replay.Report {
	meta, _, err := replay.Load(a.dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := replay.PinMTimes(a.dir); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, filepath.Join(a.out, "service"), "--host", "127.0.0.1", "--port", "0", "--no-access-log")
	// Stopped as an operator would (SIGINT: graceful shutdown, bridge workers drained and
	// their atexit handlers run), killed only if it does not exit.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	cmd.Dir = a.dir
	// One bridge worker per service: the tests run many services side by side.
	cmd.Env = append(os.Environ(), "COVETGEN_WORKERS=1")
	for k, v := range meta.Env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var logMu sync.Mutex
	var log bytes.Buffer
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			logMu.Lock()
			log.WriteString(line + "\n")
			logMu.Unlock()
			if _, rest, ok := strings.Cut(line, "Server running on "); ok {
				u, _, _ := strings.Cut(rest, " ")
				select {
				case addr <- u:
				default:
				}
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			logMu.Lock()
			t.Logf("service log:\n%s", log.String())
			logMu.Unlock()
		}
	})
	var url string
	select {
	case url = <-addr:
	case <-time.After(20 * time.Second):
		t.Fatalf("service did not start")
	}
	rep := replay.Run(t, a.dir, url)
	replayWebSockets(t, a.dir, url) // after the HTTP exchanges, as recorded (e2e_ws_test.go)
	return rep
}

// logSummary logs one line per app: migrated or refused, exchanges matched, reasons.
func logSummary(t *testing.T, apps []*e2eApp) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-26s %-9s %-9s %s\n", "app", "status", "matched", "refusal reasons (first 3)")
	total, matched, migrated := 0, 0, 0
	sort.Slice(apps, func(i, j int) bool { return apps[i].name < apps[j].name })
	for _, a := range apps {
		total += a.exchanges
		status, m := "refused", "-"
		switch {
		case a.report != nil:
			status = "migrated"
			migrated++
			matched += a.report.Passed
			m = fmt.Sprintf("%d/%d", a.report.Passed, a.exchanges)
		case a.buildErr != "":
			status = "broken"
		}
		reasons := a.refusals
		if len(reasons) > 3 {
			reasons = reasons[:3]
		}
		short := make([]string, len(reasons))
		for i, r := range reasons {
			short[i] = strings.TrimPrefix(r, a.dir+string(filepath.Separator))
		}
		more := ""
		if len(a.refusals) > 3 {
			more = fmt.Sprintf(" (+%d)", len(a.refusals)-3)
		}
		fmt.Fprintf(&b, "%-26s %-9s %-9s %s%s\n", a.name, status, m, strings.Join(short, "; "), more)
	}
	fmt.Fprintf(&b, "%d/%d apps migrated; %d/%d exchanges matched\n", migrated, len(apps), matched, total)
	t.Log(b.String())
}
