package replay

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// PinnedMTime is the modification time the recorder gives every file of an
// app folder (goldens excepted): 2024-01-01T00:00:00Z.
var PinnedMTime = time.Unix(1704067200, 0)

// Meta is an app's meta.json.
type Meta struct {
	App         string            `json:"app"`
	Description string            `json:"description"`
	Covers      []string          `json:"covers"`
	Env         map[string]string `json:"env"`
}

// Exchange is one recorded request and FastAPI's response to it.
type Exchange struct {
	Name     string          `json:"name"`
	Request  RecordedRequest `json:"request"`
	Response RecordedResp    `json:"response"`
}

// RecordedRequest is the request as the app received it.
type RecordedRequest struct {
	Method  string      `json:"method"`
	Path    string      `json:"path"`
	Headers [][2]string `json:"headers"`
	BodyB64 string      `json:"body_b64"`
}

// RecordedResp is the response on the wire (date dropped).
type RecordedResp struct {
	Status  int         `json:"status"`
	Headers [][2]string `json:"headers"`
	BodyB64 string      `json:"body_b64"`
}

// Body returns the request body bytes.
func (r RecordedRequest) Body() ([]byte, error) { return base64.StdEncoding.DecodeString(r.BodyB64) }

// Body returns the response body bytes as sent.
func (r RecordedResp) Body() ([]byte, error) { return base64.StdEncoding.DecodeString(r.BodyB64) }

// Load reads an app folder's meta.json and golden/exchanges.json.
func Load(appDir string) (Meta, []Exchange, error) {
	var meta Meta
	b, err := os.ReadFile(filepath.Join(appDir, "meta.json"))
	if err != nil {
		return meta, nil, err
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		return meta, nil, fmt.Errorf("meta.json: %w", err)
	}
	b, err = os.ReadFile(filepath.Join(appDir, "golden", "exchanges.json"))
	if err != nil {
		return meta, nil, err
	}
	var ex []Exchange
	if err := json.Unmarshal(b, &ex); err != nil {
		return meta, nil, fmt.Errorf("exchanges.json: %w", err)
	}
	return meta, ex, nil
}

// PinMTimes gives every file of appDir outside golden/ the recorder's
// modification time, as tools/goldens/record.py does before recording.
func PinMTimes(appDir string) error {
	return filepath.WalkDir(appDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "golden" && p != appDir {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return os.Chtimes(p, PinnedMTime, PinnedMTime)
	})
}

// AppDir returns the absolute folder of a corpus app
// (testdata/fastapi_apps/<name>), found from the module root above the
// working directory.
func AppDir(t interface {
	Helper()
	Fatalf(string, ...any)
}, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "fastapi_apps", name)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("replay: no go.mod above the working directory")
		}
		dir = parent
	}
}
