package server

import (
	"flag"
	"os"
)

// AppDirFlag registers --app-dir on fs for a service without bridge workers whose code
// uses paths the app computes from its module's __file__: the app's root directory,
// $COVETGEN_APP_DIR when set, else def (the root covetgen migrate was given). The bridge
// registers the same flag when the service has workers (runtime/bridge.Flags).
func AppDirFlag(fs *flag.FlagSet, def string) *string {
	if v := os.Getenv("COVETGEN_APP_DIR"); v != "" {
		def = v
	}
	return fs.String("app-dir", def, "directory of the Python app: paths it computes from __file__ are under it ($COVETGEN_APP_DIR)")
}
