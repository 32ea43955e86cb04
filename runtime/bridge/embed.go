package bridge

import (
	"embed"
	"os"
	"path/filepath"
)

// scripts holds the Python side of the bridge: the worker and the FastAPI stand-ins it
// installs when the real package is absent.
//
//go:embed worker.py covetgen_compat.py
var scripts embed.FS

// writeScripts writes worker.py and its compat module into a new temp dir.
func writeScripts() (dir string, err error) {
	dir, err = os.MkdirTemp("", "covetgen-bridge-")
	if err != nil {
		return "", err
	}
	for _, name := range []string{"worker.py", "covetgen_compat.py"} {
		data, err := scripts.ReadFile(name)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), data, 0o600)
		}
		if err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	return dir, nil
}
