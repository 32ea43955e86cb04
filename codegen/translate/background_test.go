package translate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/covetpy/covetgen/ir"
	"github.com/covetpy/covetgen/ir/load"
	"github.com/covetpy/covetgen/parser"
)

// translateTasks translates function f(tasks, n, s) of a module holding src: tasks is
// FastAPI's BackgroundTasks parameter, n an int and s a str.
func translateTasks(t *testing.T, src string) (string, []ir.Diagnostic) {
	t.Helper()
	vars := map[string]Var{
		"tasks": {Go: jen.Id("tasks"), Type: &ir.Type{Kind: ir.KindClass, Name: "fastapi.BackgroundTasks"}},
		"n":     {Go: jen.Id("n"), Type: intType},
		"s":     {Go: jen.Id("s"), Type: strType},
	}
	code, decls, diags := translateNamed(t, src, "f", vars)
	return code + decls, diags
}

func TestBackgroundTasks(t *testing.T) {
	const prelude = "import asyncio\nfrom fastapi import BackgroundTasks\nfrom fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse\n" +
		"from starlette.background import BackgroundTask\n\n" +
		"def log(msg: str, level: str = 'info'):\n    return f'{level}:{msg}'\n\n" +
		"async def send(to, subject, body=''):\n    await asyncio.sleep(0)\n    return to\n\n" +
		"class C:\n    def m(self):\n        return 1\n\n"
	tests := []struct {
		name, body string
		want       []string // substrings of the code
		refuse     string   // substring of the diagnostic ("" when it translates)
	}{
		{"positional-default", "tasks.add_task(log, s)\n    return 1",
			[]string{"pyval.AddTask(tasks, func() error {", `_t2 := pyval.Str("info")`, "pyfn_m_log(_t1, _t2)"}, ""},
		{"keyword", "tasks.add_task(log, f'q={s}', level='debug')\n    return 1",
			[]string{"pyfn_m_log(", `pyval.Str("debug")`}, ""},
		{"async-task", "tasks.add_task(send, s, subject='Hi', body='x')\n    return 1", []string{"pyfn_m_send("}, ""},
		// The argument is bound when add_task runs: the rebinding of s does not reach the task.
		{"bound-now", "tasks.add_task(log, s)\n    s = 'later'\n    return s", []string{"_t1 := s", "pyfn_m_log(_t1, "}, ""},
		{"value-none", "x = tasks.add_task(log, s)\n    return x", []string{"pyval.AddTask("}, ""},
		{"sleep-positive", "tasks.add_task(send, s, 'x')\n    return 1", []string{"pyfn_m_send"}, ""},

		{"local-tasks", "t = BackgroundTasks()\n    t.add_task(log, s)\n    return JSONResponse({'ok': 1}, background=t)",
			[]string{"t = pyval.NewBackgroundTasks()", "pyval.AddTask(t, func() error {", "pyval.WithBackground(_t"}, ""},
		{"one-task", "return PlainTextResponse('x', background=BackgroundTask(log, s, level='warn'))",
			[]string{"pyval.NewBackgroundTask(func() error {", `pyval.Str("warn")`, "pyval.WithBackground("}, ""},
		{"param-as-background", "tasks.add_task(log, s)\n    return RedirectResponse('/x', background=tasks)", []string{"pyval.WithBackground(_t", ", tasks)"}, ""},
		{"background-none", "return JSONResponse({}, background=None)", []string{"pyval.WithBackground(", "pyval.None)"}, ""},

		{"other-method", "tasks.add_tasks(log, s)\n    return 1", nil, "method add_tasks of a background tasks object"},
		{"task-method", "t = BackgroundTask(log, s)\n    t.add_task(log, s)\n    return 1", nil, "method add_task of a background task"},
		{"task-attribute", "t = BackgroundTask(log, s)\n    return t.func", nil, "attribute func of a background tasks object"},
		{"task-returned", "return BackgroundTask(log, s)", nil, "BackgroundTask(...) other than assigned to a name or given as background="},
		{"tasks-in-list", "x = [BackgroundTasks()]\n    return 1", nil, "BackgroundTasks(...) other than assigned"},
		{"tasks-args", "t = BackgroundTasks([])\n    return 1", nil, "BackgroundTasks() with arguments"},
		{"background-str", "return JSONResponse({}, background=s)", nil, "background= of a value that may not be"},
		{"local-passed", "t = BackgroundTasks()\n    return log(t)", nil, "use of background tasks object t"},
		{"no-fn", "tasks.add_task()\n    return 1", nil, "add_task() without a function"},
		{"builtin", "tasks.add_task(print, s)\n    return 1", nil, "background task print (only the app's module-level functions)"},
		{"method", "tasks.add_task(C().m)\n    return 1", nil, "background task C().m (only"},
		{"wrong-kw", "tasks.add_task(log, s, lvl='x')\n    return 1", nil, "no parameter lvl"},
		{"missing-arg", "tasks.add_task(send, s)\n    return 1", nil, "missing argument subject"},
		{"aliased", "t = tasks\n    return 1", nil, "use of background tasks object tasks"},
		{"passed-on", "return log(tasks)", nil, "use of background tasks object tasks"},
		{"attribute", "return len(tasks.tasks)", nil, "attribute tasks of a background tasks object"},
		{"star-args", "tasks.add_task(log, *[s])\n    return 1", nil, "*arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := prelude + "def f(tasks: BackgroundTasks, n: int, s: str):\n    " + tt.body + "\n"
			code, diags := translateTasks(t, src)
			if tt.refuse != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags %v, want %q", diags, tt.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			for _, w := range tt.want {
				if !strings.Contains(code, w) {
					t.Errorf("code lacks %q:\n%s", w, code)
				}
			}
		})
	}
}

func TestAsyncSleep(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
		absent     string
		refuse     string
	}{
		{"zero", "await asyncio.sleep(0)\n    return 1", nil, "time.Sleep", ""},
		{"negative", "await asyncio.sleep(-1)\n    return 1", nil, "time.Sleep", ""},
		{"positive", "await asyncio.sleep(0.25)\n    return 1", []string{"time.Sleep(time.Duration(int64(250000000)))"}, "", ""},
		{"keyword", "await asyncio.sleep(delay=1)\n    return 1", []string{"time.Sleep(time.Duration(int64(1000000000)))"}, "", ""},
		{"value", "x = await asyncio.sleep(0)\n    return x", []string{"pyval.None"}, "", ""},

		{"not-awaited", "asyncio.sleep(0)\n    return 1", nil, "", "asyncio.sleep() not awaited"},
		{"computed", "await asyncio.sleep(n)\n    return 1", nil, "", "not an int or float literal"},
		{"result", "return await asyncio.sleep(0, 5)", nil, "", "other arguments than the delay"},
		{"str", "await asyncio.sleep('1')\n    return 1", nil, "", "not an int or float literal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "import asyncio\nfrom fastapi import BackgroundTasks\n\nasync def f(tasks: BackgroundTasks, n: int, s: str):\n    " + tt.body + "\n"
			code, diags := translateTasks(t, src)
			if tt.refuse != "" {
				if len(diags) != 1 || !strings.Contains(diags[0].Msg, tt.refuse) {
					t.Fatalf("diags %v, want %q", diags, tt.refuse)
				}
				return
			}
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			for _, w := range tt.want {
				if !strings.Contains(code, w) {
					t.Errorf("code lacks %q:\n%s", w, code)
				}
			}
			if tt.absent != "" && strings.Contains(code, tt.absent) {
				t.Errorf("code has %q:\n%s", tt.absent, code)
			}
		})
	}
}

// TestBackgroundTaskState checks that a task takes the state mutex once module state
// lives in Go, even when its function does not refer to the state itself: an argument
// (here the state dict) may reach it, and the handler released the mutex.
func TestBackgroundTaskState(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.py"), []byte("from fastapi import FastAPI\napp = FastAPI()\n"), 0o644)
	src := "from fastapi import BackgroundTasks\n\nITEMS = {}\n\n" +
		"def count(d):\n    return len(d)\n\n" +
		"def f(tasks: BackgroundTasks):\n    ITEMS['a'] = 1\n    tasks.add_task(count, ITEMS)\n    return 1\n"
	os.WriteFile(filepath.Join(dir, "m.py"), []byte(src), 0o644)
	prog, err := load.Load(dir, load.Options{Parse: parser.ParseFile, App: "app:app"})
	if err != nil {
		t.Fatal(err)
	}
	prog.Import("m")
	m := prog.Modules["m"]
	u := NewUnit(prog, Names{})
	u.SetState([]string{"m.ITEMS"})
	vars := map[string]Var{"tasks": {Go: jen.Id("tasks"), Type: &ir.Type{Kind: ir.KindClass, Name: "fastapi.BackgroundTasks"}}}
	for _, st := range m.File.Module.Body {
		if d := asDef(st); d != nil && d.name == "f" {
			code, diags := Func(st, &Scope{Vars: vars, Module: "m", Unit: u})
			if len(diags) > 0 {
				t.Fatalf("refused: %v", diags)
			}
			got := fmt.Sprintf("%#v", jen.Block(code...))
			if !strings.Contains(got, "pyval.AddTask(tasks, func() error {\n\t\tpyc_state_mu.Lock()\n\t\tdefer pyc_state_mu.Unlock()\n\t\t_, err := pyfn_m_count(") {
				t.Errorf("the task does not hold the state mutex:\n%s", got)
			}
			return
		}
	}
	t.Fatal("no f")
}
