package static

import "strings"

// GuessType is mimetypes.guess_type(path)[0] as Starlette's FileResponse
// uses it: "" when Python would return None (FileResponse then falls back
// to text/plain). It follows CPython 3.11's algorithm: an optional
// "scheme:" prefix (a data: URL gives its own type), the suffix map
// (.tgz -> .tar.gz, ...), the case-sensitive encodings map (.gz, .Z, .bz2,
// .xz, .br: the type is then the inner extension's), then the type table,
// looked up lower-cased.
//
// The type table covers common extensions with the values the reference
// machine's Python gives (CPython 3.11 reading Debian's /etc/mime.types, as
// when the goldens were recorded). A Python without /etc/mime.types differs
// for some of them (.js application/javascript, .xml text/xml, .webp and
// .woff2 unknown); extensions outside the table give "".
func GuessType(path string) string {
	if i := strings.IndexByte(path, ':'); i > 0 && !strings.ContainsRune(path[:i], '/') {
		if strings.ToLower(path[:i]) == "data" {
			return dataURLType(path[i+1:])
		}
		path = path[i+1:]
	}
	base, ext := splitExt(path)
	for {
		var repl string
		switch strings.ToLower(ext) {
		case ".svgz":
			repl = ".svg.gz"
		case ".tgz", ".taz", ".tz":
			repl = ".tar.gz"
		case ".tbz2":
			repl = ".tar.bz2"
		case ".txz":
			repl = ".tar.xz"
		}
		if repl == "" {
			break
		}
		base, ext = splitExt(base + repl)
	}
	switch ext {
	case ".gz", ".Z", ".bz2", ".xz", ".br":
		_, ext = splitExt(base)
	}
	return typeOf(strings.ToLower(ext))
}

// dataURLType is guess_type's answer for "data:" + rest.
func dataURLType(rest string) string {
	comma := strings.IndexByte(rest, ',')
	if comma < 0 {
		return ""
	}
	t := rest[:comma]
	if semi := strings.IndexByte(t, ';'); semi >= 0 {
		t = t[:semi]
	}
	if strings.ContainsRune(t, '=') || !strings.ContainsRune(t, '/') {
		return "text/plain"
	}
	return t
}

// splitExt is posixpath.splitext: the extension starts at the last dot of
// the last path component, unless that component is only dots before it.
func splitExt(p string) (base, ext string) {
	dot := strings.LastIndexByte(p, '.')
	slash := strings.LastIndexByte(p, '/')
	if dot <= slash {
		return p, ""
	}
	for i := slash + 1; i < dot; i++ {
		if p[i] != '.' {
			return p[:dot], p[dot:]
		}
	}
	return p, ""
}

func typeOf(ext string) string {
	switch ext {
	case ".html", ".htm", ".shtml":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "text/javascript"
	case ".txt", ".text", ".srt":
		return "text/plain"
	case ".csv":
		return "text/csv"
	case ".tsv":
		return "text/tab-separated-values"
	case ".md", ".markdown":
		return "text/markdown"
	case ".ics":
		return "text/calendar"
	case ".vcf":
		return "text/vcard"
	case ".vtt":
		return "text/vtt"
	case ".appcache", ".manifest":
		return "text/cache-manifest"
	case ".ts":
		return "text/vnd.trolltech.linguist"
	case ".c":
		return "text/x-csrc"
	case ".h":
		return "text/x-chdr"
	case ".cpp":
		return "text/x-c++src"
	case ".java":
		return "text/x-java"
	case ".py":
		return "text/x-python"
	case ".sh":
		return "text/x-sh"
	case ".tex":
		return "text/x-tex"
	case ".diff", ".patch":
		return "text/x-diff"

	case ".json":
		return "application/json"
	case ".jsonld":
		return "application/ld+json"
	case ".geojson":
		return "application/geo+json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml"
	case ".xsl":
		return "application/xslt+xml"
	case ".dtd":
		return "application/xml-dtd"
	case ".xhtml":
		return "application/xhtml+xml"
	case ".atom":
		return "application/atom+xml"
	case ".rss":
		return "application/x-rss+xml"
	case ".kml":
		return "application/vnd.google-earth.kml+xml"
	case ".wasm":
		return "application/wasm"
	case ".pdf":
		return "application/pdf"
	case ".rtf":
		return "application/rtf"
	case ".sql":
		return "application/sql"
	case ".ps", ".eps", ".ai":
		return "application/postscript"
	case ".zip":
		return "application/zip"
	case ".gz":
		return "application/gzip"
	case ".tar":
		return "application/x-tar"
	case ".tgz":
		return "application/x-gtar-compressed"
	case ".xz":
		return "application/x-xz"
	case ".7z":
		return "application/x-7z-compressed"
	case ".rar":
		return "application/vnd.rar"
	case ".zst":
		return "application/zstd"
	case ".jar":
		return "application/java-archive"
	case ".epub":
		return "application/epub+zip"
	case ".bin", ".so":
		return "application/octet-stream"
	case ".exe", ".dll":
		return "application/x-msdos-program"
	case ".msi":
		return "application/x-msi"
	case ".iso":
		return "application/x-iso9660-image"
	case ".dmg":
		return "application/x-apple-diskimage"
	case ".deb":
		return "application/vnd.debian.binary-package"
	case ".rpm":
		return "application/x-redhat-package-manager"
	case ".pyc":
		return "application/x-python-code"
	case ".doc":
		return "application/msword"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".ppt":
		return "application/vnd.ms-powerpoint"
	case ".pptx":
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	case ".odt":
		return "application/vnd.oasis.opendocument.text"
	case ".ods":
		return "application/vnd.oasis.opendocument.spreadsheet"
	case ".odp":
		return "application/vnd.oasis.opendocument.presentation"
	case ".eot":
		return "application/vnd.ms-fontobject"
	case ".pem":
		return "application/pem-certificate-chain"
	case ".crt":
		return "application/x-x509-ca-cert"
	case ".p12":
		return "application/pkcs12"
	case ".asc":
		return "application/pgp-keys"
	case ".sig":
		return "application/pgp-signature"
	case ".eml":
		return "message/rfc822"

	case ".png":
		return "image/png"
	case ".jpg", ".jpeg", ".jpe":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".svg":
		return "image/svg+xml"
	case ".ico":
		return "image/vnd.microsoft.icon"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".bmp":
		return "image/bmp"
	case ".tif", ".tiff":
		return "image/tiff"
	case ".heic":
		return "image/heic"
	case ".heif":
		return "image/heif"
	case ".psd":
		return "image/vnd.adobe.photoshop"

	case ".woff":
		return "font/woff"
	case ".woff2":
		return "font/woff2"
	case ".ttf":
		return "font/ttf"
	case ".otf":
		return "font/otf"

	case ".mp3":
		return "audio/mpeg"
	case ".m4a":
		return "audio/mp4"
	case ".ogg", ".oga", ".opus":
		return "audio/ogg"
	case ".wav":
		return "audio/x-wav"
	case ".flac":
		return "audio/flac"
	case ".aac":
		return "audio/aac"
	case ".3gp":
		return "audio/3gpp"
	case ".mp4", ".m4v":
		return "video/mp4"
	case ".webm":
		return "video/webm"
	case ".ogv":
		return "video/ogg"
	case ".mov":
		return "video/quicktime"
	case ".mpeg", ".mpg":
		return "video/mpeg"
	case ".avi":
		return "video/x-msvideo"
	case ".wmv":
		return "video/x-ms-wmv"
	case ".flv":
		return "video/x-flv"
	}
	return ""
}
