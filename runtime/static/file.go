package static

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/covetpy/covetgen/runtime/internal/starlette"
	"github.com/covetpy/covetgen/runtime/pyjson"
)

// chunkSize is FileResponse.chunk_size: the body goes out in messages of
// this size, each but the last flushed (more_body=True).
const chunkSize = 64 * 1024

// FileResponse is starlette.responses.FileResponse (fastapi.responses).
type FileResponse struct {
	Path   string
	Status int // 0: 200
	// Header holds the headers= argument; its fields come first and win
	// over the ones FileResponse would add (setdefault).
	Header http.Header
	// MediaType is media_type; "" guesses from Filename, else Path, else
	// text/plain. A text/* type gets "; charset=utf-8".
	MediaType string
	// Filename, when set (or HasFilename: filename=""), adds content-disposition.
	Filename string
	// HasFilename is set when filename= was given, even as "".
	HasFilename bool
	// ContentDispositionType is "attachment" when empty.
	ContentDispositionType string

	info os.FileInfo // stat_result, when the caller already has it
	// rangeAnswered is set when Serve answered a bad Range header with an
	// error response (SkipsBackground).
	rangeAnswered bool
}

// FileError is what FileResponse raises (RuntimeError) for a path that is
// missing or not a regular file: the request ends in a 500.
type FileError struct {
	Path string
	Err  error // nil: exists but is not a regular file
}

func (e *FileError) Error() string {
	if e.Err != nil {
		return "File at path " + e.Path + " does not exist."
	}
	return "File at path " + e.Path + " is not a file."
}

func (e *FileError) Unwrap() error { return e.Err }

// ServeHTTP sends the file. A missing or irregular file panics with a
// *FileError before anything is written, the way Starlette's RuntimeError
// propagates to ServerErrorMiddleware's 500; use Serve to get the error
// instead.
func (f *FileResponse) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := f.Serve(w, r); err != nil {
		panic(err)
	}
}

// Stat looks the file up now rather than when the response is sent (and
// keeps the result for it): the *FileError it returns is the exception
// Starlette raises when it sends the response, so an endpoint may return it
// as its 500 before any response started.
func (f *FileResponse) Stat() error {
	if f.info != nil {
		return nil
	}
	fi, err := os.Stat(f.Path)
	if err != nil {
		return &FileError{Path: f.Path, Err: err}
	}
	if !fi.Mode().IsRegular() {
		return &FileError{Path: f.Path}
	}
	f.info = fi
	return nil
}

// Serve sends the file, or returns a *FileError having written nothing.
func (f *FileResponse) Serve(w http.ResponseWriter, r *http.Request) error {
	if err := f.Stat(); err != nil {
		return err
	}
	fi := f.info
	size := fi.Size()
	mtime := statMTime(fi)
	lastModified := httpDate(time.Unix(int64(math.Floor(mtime)), 0))
	etag := etagFor(mtime, size)

	// The headers FileResponse adds, unless headers= already has them.
	defaults := [...][2]string{
		{"Content-Type", ""},
		{"Accept-Ranges", "bytes"},
		{"Content-Disposition", ""},
		{"Content-Length", strconv.FormatInt(size, 10)},
		{"Last-Modified", lastModified},
		{"Etag", etag},
	}
	if _, ok := f.Header["Content-Type"]; !ok {
		defaults[0][1] = f.contentType()
	}
	if f.Filename != "" || f.HasFilename {
		defaults[2][1] = f.contentDisposition()
	}
	get := func(k string) string {
		if v, ok := f.Header[k]; ok {
			if len(v) > 0 {
				return v[0]
			}
			return ""
		}
		for _, d := range defaults {
			if d[0] == k {
				return d[1]
			}
		}
		return ""
	}

	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	head := r.Method == http.MethodHead
	rangeHdr, hasRange := firstHeader(r, "Range")
	ifRange, hasIfRange := firstHeader(r, "If-Range")
	useRange := hasRange && !(hasIfRange && ifRange != get("Last-Modified") && ifRange != get("Etag"))
	var ranges []byteRange
	if useRange {
		var rerr *rangeError
		if ranges, rerr = parseRange(rangeHdr, size); rerr != nil {
			f.rangeAnswered = true
			if rerr.notSatisfiable {
				starlette.WritePlain(w, http.StatusRequestedRangeNotSatisfiable, "",
					starlette.Header{Name: "Content-Range", Value: "*/" + strconv.FormatInt(size, 10)})
			} else {
				starlette.WritePlain(w, http.StatusBadRequest, rerr.msg)
			}
			return nil
		}
	}

	h := w.Header()
	for k, v := range f.Header {
		h[k] = append([]string(nil), v...)
	}
	for _, d := range defaults {
		if _, ok := f.Header[d[0]]; !ok && d[1] != "" {
			h.Set(d[0], d[1])
		}
	}
	if !useRange {
		w.WriteHeader(status)
		if head {
			return nil
		}
		return sendFile(w, f.Path, 0, -1)
	}
	if len(ranges) == 1 {
		rg := ranges[0]
		h.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", rg.start, rg.end-1, size))
		h.Set("Content-Length", strconv.FormatInt(rg.end-rg.start, 10))
		w.WriteHeader(http.StatusPartialContent)
		if head {
			return nil
		}
		return sendFile(w, f.Path, rg.start, rg.end)
	}
	return f.sendMultipart(w, h, ranges, size, head)
}

// sendMultipart is _handle_multiple_ranges, including Starlette's
// content-range (not content-type) multipart header and its content-length
// arithmetic.
func (f *FileResponse) sendMultipart(w http.ResponseWriter, h http.Header, ranges []byteRange, size int64, head bool) error {
	var rnd [13]byte
	_, _ = rand.Read(rnd[:])
	boundary := hex.EncodeToString(rnd[:])
	ctype := h.Get("Content-Type")
	sizeStr := strconv.FormatInt(size, 10)
	static := int64(44 + len(boundary) + len(ctype) + len(sizeStr))
	total := int64(5 + len(boundary))
	for _, rg := range ranges {
		total += int64(len(strconv.FormatInt(rg.start, 10))+len(strconv.FormatInt(rg.end-1, 10))) + static + (rg.end - rg.start)
	}
	h.Set("Content-Range", "multipart/byteranges; boundary="+boundary)
	h.Set("Content-Length", strconv.FormatInt(total, 10))
	w.WriteHeader(http.StatusPartialContent)
	if head {
		return nil
	}
	for _, rg := range ranges {
		part := "--" + boundary + "\nContent-Type: " + ctype + "\nContent-Range: bytes " +
			strconv.FormatInt(rg.start, 10) + "-" + strconv.FormatInt(rg.end-1, 10) + "/" + sizeStr + "\n\n"
		if _, err := io.WriteString(w, part); err != nil {
			return nil
		}
		flushW(w)
		if err := sendFile(w, f.Path, rg.start, rg.end); err != nil {
			return nil
		}
		_, _ = io.WriteString(w, "\n")
		flushW(w)
	}
	_, _ = io.WriteString(w, "\n--"+boundary+"--\n")
	return nil
}

func (f *FileResponse) contentType() string {
	mt := f.MediaType
	if mt == "" {
		name := f.Filename
		if name == "" {
			name = f.Path
		}
		if mt = GuessType(name); mt == "" {
			mt = "text/plain"
		}
	}
	if strings.HasPrefix(mt, "text/") && !strings.Contains(strings.ToLower(mt), "charset=") {
		mt += "; charset=utf-8"
	}
	return mt
}

func (f *FileResponse) contentDisposition() string {
	typ := f.ContentDispositionType
	if typ == "" {
		typ = "attachment"
	}
	q := starlette.Quote(f.Filename, "/")
	if q != f.Filename {
		return typ + "; filename*=utf-8''" + q
	}
	return typ + `; filename="` + f.Filename + `"`
}

// sendFile writes [start, end) of the file (end < 0: to EOF) in chunkSize
// messages, flushing after every full one, as FileResponse sends
// more_body=True messages. Errors after the head went out end the body
// (Starlette's exception there aborts the connection).
func sendFile(w http.ResponseWriter, path string, start, end int64) error {
	file, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer file.Close()
	if start > 0 {
		if _, err := file.Seek(start, io.SeekStart); err != nil {
			return nil
		}
	}
	buf := make([]byte, chunkSize)
	for {
		n := len(buf)
		if end >= 0 {
			if rem := end - start; rem < int64(n) {
				n = int(rem)
			}
		}
		if n == 0 {
			return nil
		}
		k, rerr := io.ReadFull(file, buf[:n])
		start += int64(k)
		if k > 0 {
			if _, err := w.Write(buf[:k]); err != nil {
				return nil
			}
		}
		more := k == chunkSize && (end < 0 || start < end)
		if !more || rerr != nil {
			return nil
		}
		flushW(w)
	}
}

func flushW(w http.ResponseWriter) { _ = http.NewResponseController(w).Flush() }

func firstHeader(r *http.Request, name string) (string, bool) {
	v, ok := r.Header[name]
	if !ok || len(v) == 0 {
		return "", false
	}
	return v[0], true
}

// statMTime is os.stat_result.st_mtime: the float seconds + ns * 1e-9 as
// CPython computes it.
func statMTime(fi os.FileInfo) float64 {
	t := fi.ModTime()
	ns := float64(float64(t.Nanosecond()) * 1e-9) // explicit conversion: no fused multiply-add
	return float64(t.Unix()) + ns
}

// etagFor is Starlette's etag: the md5 of str(st_mtime) + "-" + str(st_size).
func etagFor(mtime float64, size int64) string {
	base := pyjson.AppendFloatRepr(nil, mtime)
	base = append(base, '-')
	base = strconv.AppendInt(base, size, 10)
	sum := md5.Sum(base)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}
