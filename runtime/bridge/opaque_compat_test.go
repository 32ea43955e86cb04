package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// TestOpaqueGolden runs testdata/compat/opaque_cases.py with worker.py's validation of
// body parameters of opaque types (validate_body, the 422 items as the Go service
// writes them) and its serialization of response models (_serialize_response), under
// the stand-ins, and requires every case to equal what FastAPI itself gave when
// tools/goldens/record_compat.py recorded testdata/compat/opaque_golden.json.
func TestOpaqueGolden(t *testing.T) {
	env, ok := stacks(t)["compat"]
	if !ok {
		t.Skip("python3 imports fastapi by itself: the stand-ins are never installed here")
	}
	golden, err := readCompatGolden(filepath.Join("testdata", "compat", "opaque_golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python(), filepath.Join("testdata", "compat", "opaque_cases.py"), "compat", here)
	cmd.Env = append(append([]string(nil), env...), "PYTHONHASHSEED=0", "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("opaque_cases.py compat: %v\n%s", err, stderr.Bytes())
	}
	var got compatRun
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("opaque_cases.py compat output: %v", err)
	}
	names := make([]string, 0, len(golden.Cases))
	for name := range golden.Cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		compatCaseEqual(t, name, golden.Cases[name], got.Cases[name])
	}
	if len(got.Cases) != len(golden.Cases) {
		t.Errorf("the compat run has %d cases, the golden %d (re-record with tools/goldens/record_compat.py)", len(got.Cases), len(golden.Cases))
	}
}
