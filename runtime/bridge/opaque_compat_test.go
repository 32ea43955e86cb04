package bridge

import (
	"testing"
)

// TestOpaqueGolden runs testdata/compat/opaque_cases.py with worker.py's validation of
// body parameters of opaque types (validate_body, the 422 items as the Go service
// writes them) and its serialization of response models (_serialize_response), under
// the stand-ins, and requires every case to equal what FastAPI itself gave when
// tools/goldens/record_compat.py recorded testdata/compat/opaque_golden.json.
func TestOpaqueGolden(t *testing.T) {
	checkCompatCases(t, "opaque_cases.py", "opaque_golden.json", "tools/goldens/record_compat.py")
}
