package bridge

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestCommonMeta checks the reflection-free decoding of the usual session metas against
// encoding/json's, and that other metas are left to encoding/json.
func TestCommonMeta(t *testing.T) {
	for _, tc := range []struct {
		meta string
		fast bool
	}{
		{`{"k":"V","bg":0}`, true},
		{`{"k":"B","bg":0}`, true},
		{`{"k":"N","bg":0}`, true},
		{`{"k":"N"}`, true},
		{`{"k":"V","bg":0,"st":1}`, true},
		{`{"k":"B","bg":0,"st":1}`, true},
		{`{"k":"B","bg":1,"st":1}`, true},
		{`{"k":"V","bg":1,"st":1}`, false},
		{`{"k":"P","status":200,"headers":[],"bg":0}`, false},
		{`{"k": "V", "bg": 0}`, false},
	} {
		got, ok := commonMeta([]byte(tc.meta))
		if ok != tc.fast {
			t.Errorf("commonMeta(%s): fast path %v, want %v", tc.meta, ok, tc.fast)
			continue
		}
		if !ok {
			continue
		}
		var want sessionMeta
		if err := json.Unmarshal([]byte(tc.meta), &want); err != nil {
			t.Fatalf("json.Unmarshal(%s): %v", tc.meta, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("commonMeta(%s) = %+v, want %+v", tc.meta, got, want)
		}
	}
}
