package lift

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/covetpy/covetgen/ir"
)

// temporal evaluates datetime.date/time/datetime(...) and uuid.UUID("...") with constant
// arguments.
func temporal(name string, args []obj, kw []kwArg) (ir.Value, bool) {
	ints := func(names []string) ([]int, bool) {
		out := make([]int, len(names))
		for i, n := range names {
			var o obj
			if i < len(args) {
				o = args[i]
			} else if v, ok := kwGet(kw, n); ok {
				o = v
			} else {
				if i < 3 && name != "datetime.time" {
					return nil, false
				}
				continue
			}
			v, ok := o.(valObj)
			if !ok {
				return nil, false
			}
			iv, ok := v.v.(ir.Int)
			if !ok || !iv.V.IsInt64() {
				return nil, false
			}
			out[i] = int(iv.V.Int64())
		}
		return out, true
	}
	if len(kw) > 0 {
		if _, ok := kwGet(kw, "tzinfo"); ok {
			return nil, false
		}
	}
	clock := func(h, m, s, us int) string {
		t := fmt.Sprintf("%02d:%02d:%02d", h, m, s)
		if us != 0 {
			t += fmt.Sprintf(".%06d", us)
		}
		return t
	}
	switch name {
	case "datetime.date":
		v, ok := ints([]string{"year", "month", "day"})
		if !ok {
			return nil, false
		}
		return ir.Formatted{Kind: "date", Text: fmt.Sprintf("%04d-%02d-%02d", v[0], v[1], v[2])}, true
	case "datetime.time":
		v, ok := ints([]string{"hour", "minute", "second", "microsecond"})
		if !ok {
			return nil, false
		}
		return ir.Formatted{Kind: "time", Text: clock(v[0], v[1], v[2], v[3])}, true
	case "datetime.datetime":
		v, ok := ints([]string{"year", "month", "day", "hour", "minute", "second", "microsecond"})
		if !ok {
			return nil, false
		}
		return ir.Formatted{Kind: "datetime", Text: fmt.Sprintf("%04d-%02d-%02dT%s", v[0], v[1], v[2], clock(v[3], v[4], v[5], v[6]))}, true
	case "uuid.UUID":
		if len(args) == 1 {
			if s, ok := constStr(args[0]); ok {
				h := strings.ToLower(strings.NewReplacer("urn:uuid:", "", "{", "", "}", "", "-", "").Replace(strings.TrimSpace(s)))
				if hexRE.MatchString(h) {
					return ir.Formatted{Kind: "uuid", Text: h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]}, true
				}
			}
		}
	}
	return nil, false
}

var hexRE = regexp.MustCompile(`^[0-9a-f]{32}$`)
