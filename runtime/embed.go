// Package runtime carries the sources of covetgen's runtime libraries (the
// packages below this directory) so that covetgen can write them next to a
// generated service: the service then builds with nothing but Go and the
// module proxy, without a path back into covetgen's checkout.
//
// Sources holds every .go file of the sub-packages, tests included (the
// writer skips _test.go files and testdata), and the Python scripts the bridge
// embeds (bridge/*.py); deps.sum holds the go.sum lines
// of the third-party modules the runtime imports, copied from covetgen's
// go.sum (migrate's tests check that the two agree).
package runtime

import (
	"embed"
	"io/fs"
)

//go:embed */*.go */*/*.go */*/*/*.go bridge/*.py
var sources embed.FS

//go:embed deps.sum
var depsSum []byte

// Sources returns the runtime sources, paths relative to this directory
// ("router/router.go").
func Sources() fs.FS { return sources }

// DepsSum returns the go.sum lines of the modules the runtime imports.
func DepsSum() []byte { return append([]byte(nil), depsSum...) }
