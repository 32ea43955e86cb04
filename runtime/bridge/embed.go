package bridge

//go:generate go run gen_scripts.go

import (
	"os"
	"path/filepath"
)

// writeScripts writes worker.py and its compat module (scripts_gen.go, generated from
// the .py files of this directory) into a new temp dir.
func writeScripts() (dir string, err error) {
	dir, err = os.MkdirTemp("", "covetgen-bridge-")
	if err != nil {
		return "", err
	}
	for name, data := range map[string]string{"worker.py": workerPy, "covetgen_compat.py": compatPy} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	return dir, nil
}
