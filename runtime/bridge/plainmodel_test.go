package bridge

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

// TestPlainModelRebuild runs testdata/plain/plain_check.py on every Python stack: worker.py
// rebuilds a model tag of a plain model tree (nested models where the class declares them,
// JSON values elsewhere, no validators...) with one model_validate instead of one per
// level; both ways must give the same instance at every level (class, fields set,
// values), and the plain path must take exactly the cases below.
func TestPlainModelRebuild(t *testing.T) {
	plain := map[string]bool{
		"order": true, "order backup": true, "order backup None": true, "leaf": true, "alias by name": true,
		// The level-by-level rebuild: a validator could see the nested instance, a tag
		// other than a model's, a field where a model stands for something else, a
		// model whose fields set Go sent.
		"field validator": false, "model validator": false, "date tag inside": false,
		"dict with tag key": false, "any field": false, "union of models": false, "strict": false,
		"recursive": false, "subclass in field": false, "object with set": false, "nested with set": false,
	}
	for stack, env := range stacks(t) {
		t.Run(stack, func(t *testing.T) {
			cmd := exec.Command(python(), filepath.Join("testdata", "plain", "plain_check.py"), ".")
			cmd.Env = env
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("plain_check.py: %v\n%s", err, stderrOf(err))
			}
			var got map[string]struct {
				Plain, Equal bool
				Got, Ref     json.RawMessage
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("plain_check.py output: %v\n%s", err, out)
			}
			names := make([]string, 0, len(plain))
			for name := range plain {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				c, ok := got[name]
				switch {
				case !ok:
					t.Errorf("%s: no such case in plain_check.py", name)
				case !c.Equal:
					t.Errorf("%s: the plain rebuild gives\n%s\nthe level-by-level one\n%s", name, c.Got, c.Ref)
				case c.Plain != plain[name]:
					t.Errorf("%s: plain path taken = %v, want %v", name, c.Plain, plain[name])
				}
			}
			if len(got) != len(plain) {
				t.Errorf("plain_check.py has %d cases, the test knows %d", len(got), len(plain))
			}
		})
	}
}

func stderrOf(err error) []byte {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.Stderr
	}
	return nil
}
