package replay

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Result is the outcome of one exchange.
type Result struct {
	Name     string
	Skipped  string   // the reason, when skipped
	Problems []string // mismatches; empty means the exchange matches
	Notes    []string // accepted differences (e.g. JSON key order)
}

// OK reports a matching (or skipped) exchange.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Report is the outcome of replaying one app.
type Report struct {
	App                     string
	Results                 []Result
	Passed, Failed, Skipped int
}

// String is a one-line summary.
func (r *Report) String() string {
	return fmt.Sprintf("%s: %d/%d exchanges match, %d failed, %d skipped",
		r.App, r.Passed, len(r.Results), r.Failed, r.Skipped)
}

// Option tunes Run.
type Option func(*config)

type config struct {
	skip    map[string]string
	timeout time.Duration
}

// Skip excludes the named exchanges, with the reason reported for each.
func Skip(reason string, names ...string) Option {
	return func(c *config) {
		for _, n := range names {
			c.skip[n] = reason
		}
	}
}

// Timeout bounds each exchange (default 10s).
func Timeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// Prepare readies the environment the recorder gave the app, before the
// service under test starts: it pins the app folder's file mtimes, sets
// meta.json's env variables for the test and makes appDir the working
// directory (restored when the test ends). appDir becomes absolute first.
func Prepare(t testing.TB, appDir string) {
	t.Helper()
	abs, err := filepath.Abs(appDir)
	if err != nil {
		t.Fatal(err)
	}
	meta, _, err := Load(abs)
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	if err := PinMTimes(abs); err != nil {
		t.Fatalf("replay: pin mtimes: %v", err)
	}
	for k, v := range meta.Env {
		t.Setenv(k, v)
	}
	t.Chdir(abs)
}

// Run replays every exchange of appDir against baseURL ("http://host:port")
// in recorded order, reports each mismatch with t.Errorf and returns the
// report. appDir may be relative to the directory the test started in; Run
// can be called after Prepare changed it.
func Run(t testing.TB, appDir, baseURL string, opts ...Option) *Report {
	t.Helper()
	cfg := &config{skip: map[string]string{}, timeout: 10 * time.Second}
	for _, o := range opts {
		o(cfg)
	}
	_, exchanges, err := Load(appDir)
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	rep := &Report{App: filepath.Base(appDir)}
	c, err := newConn(baseURL, cfg.timeout)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	for _, ex := range exchanges {
		res := Result{Name: ex.Name}
		if reason, ok := cfg.skip[ex.Name]; ok {
			res.Skipped = reason
			rep.Skipped++
			rep.Results = append(rep.Results, res)
			t.Logf("%s: skipped: %s", ex.Name, reason)
			continue
		}
		res.Problems, res.Notes = replayOne(c, ex)
		rep.Results = append(rep.Results, res)
		if res.OK() {
			rep.Passed++
		} else {
			rep.Failed++
			t.Errorf("%s %s %s:\n  %s", ex.Name, ex.Request.Method, ex.Request.Path, strings.Join(res.Problems, "\n  "))
		}
		for _, n := range res.Notes {
			t.Logf("%s: note: %s", ex.Name, n)
		}
	}
	for name := range cfg.skip {
		found := false
		for _, ex := range exchanges {
			found = found || ex.Name == name
		}
		if !found {
			t.Errorf("replay: Skip names unknown exchange %q", name)
		}
	}
	t.Log(rep.String())
	return rep
}

// replayOne sends one recorded request on c and compares the answer.
func replayOne(c *conn, ex Exchange) (problems, notes []string) {
	raw, err := buildRequest(ex.Request)
	if err != nil {
		return []string{err.Error()}, nil
	}
	resp, err := c.do(raw, ex.Request.Method)
	if err != nil {
		return []string{"transport: " + err.Error()}, nil
	}
	return compare(ex.Response, resp)
}
