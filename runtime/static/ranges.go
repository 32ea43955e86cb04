package static

import (
	"math"
	"strings"
)

// byteRange is a half-open [start, end) range of a file.
type byteRange struct{ start, end int64 }

// rangeError is FileResponse's answer to a Range header it refuses:
// a 400 with Message (MalformedRangeHeader) or, when notSatisfiable, 416.
type rangeError struct {
	msg            string
	notSatisfiable bool
}

// parseRange is FileResponse._parse_range_header.
func parseRange(header string, size int64) ([]byteRange, *rangeError) {
	eq := strings.IndexByte(header, '=')
	if eq < 0 {
		return nil, &rangeError{msg: "Malformed range header."}
	}
	units, spec := header[:eq], header[eq+1:]
	if strings.ToLower(stripLatin1(units)) != "bytes" {
		return nil, &rangeError{msg: "Only support bytes range"}
	}
	var ranges []byteRange
	for _, m := range findRanges(spec) {
		a, b := m[0], m[1]
		if a == "" && b == "" {
			continue
		}
		var r byteRange
		if a != "" {
			r.start = atoiSat(a)
		} else {
			r.start = size - atoiSat(b)
		}
		if a != "" && b != "" && atoiSat(b) < size {
			r.end = atoiSat(b) + 1
		} else {
			r.end = size
		}
		ranges = append(ranges, r)
	}
	if len(ranges) == 0 {
		return nil, &rangeError{msg: "Range header: range must be requested"}
	}
	for _, r := range ranges {
		if !(0 <= r.start && r.start < size) {
			return nil, &rangeError{notSatisfiable: true}
		}
	}
	for _, r := range ranges {
		if r.start > r.end {
			return nil, &rangeError{msg: "Range header: start must be less than end"}
		}
	}
	if len(ranges) == 1 {
		return ranges, nil
	}
	// Starlette's merge, kept as written (ranges are not sorted first).
	var result []byteRange
	for _, r := range ranges {
		merged := false
		for p := range result {
			q := result[p]
			if r.start > q.end {
				continue
			} else if r.end < q.start {
				result = append(result[:p], append([]byteRange{r}, result[p:]...)...)
			} else {
				result[p] = byteRange{min(r.start, q.start), max(r.end, q.end)}
			}
			merged = true
			break
		}
		if !merged {
			result = append(result, r)
		}
	}
	return result, nil
}

// findRanges is re.findall(r"(\d*)-(\d*)", spec).
func findRanges(s string) [][2]string {
	var out [][2]string
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '-' {
			k := j + 1
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			out = append(out, [2]string{s[i:j], s[j+1 : k]})
			i = k
			continue
		}
		if j > i {
			i = j // every start inside this digit run fails the same way
		} else {
			i++
		}
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// atoiSat parses ASCII digits, saturating at MaxInt64 (Python's int is
// unbounded; beyond any file size the comparisons come out the same).
func atoiSat(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		if n > (math.MaxInt64-9)/10 {
			return math.MaxInt64
		}
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// stripLatin1 is str.strip() of a header value decoded as latin-1.
func stripLatin1(s string) string {
	i, j := 0, len(s)
	for i < j && isLatin1Space(s[i]) {
		i++
	}
	for j > i && isLatin1Space(s[j-1]) {
		j--
	}
	return s[i:j]
}
