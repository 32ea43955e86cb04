package scanner

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/covetpy/covetgen/parser/token"
)

// tokenizeScript prints, for every .py file under argv[1], "F path n" and the n tokens
// python's tokenize module produces (NL, COMMENT and ENCODING skipped) as
// "NAME sline scol eline ecol", or "X path ErrorType message" if tokenize rejects it.
const tokenizeScript = `
import sys, os, io, tokenize, token, _tokenize
root = sys.argv[1]
out = sys.stdout
for dirpath, dirs, files in os.walk(root):
    dirs.sort()
    for f in sorted(files):
        if not f.endswith('.py'):
            continue
        p = os.path.join(dirpath, f)
        toks = []
        try:
            with tokenize.open(p) as fh:
                text = fh.read()
            for t in tokenize.generate_tokens(io.StringIO(text).readline):
                if t.type in (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING):
                    continue
                toks.append("%s %d %d %d %d" % (token.tok_name[t.exact_type], t.start[0], t.start[1], t.end[0], t.end[1]))
        except Exception as e:
            out.write("X %s %s %s\n" % (p, type(e).__name__, str(e).replace("\n", " ")))
            continue
        out.write("F %s %d\n" % (p, len(toks)))
        # The tokenizer in the parser's mode checks more (identifiers, numbers).
        perr = "-"
        try:
            for t in _tokenize.TokenizerIter(io.StringIO(text).readline, extra_tokens=False):
                pass
        except SyntaxError as e:
            perr = "%s|%s|%s|%s" % (type(e).__name__, e.lineno, e.offset, e.msg)
        out.write("E %s\n" % perr)
        out.write("\n".join(toks))
        if toks:
            out.write("\n")
`

var cpythonNames = map[token.Kind]string{
	token.EOF: "ENDMARKER", token.NEWLINE: "NEWLINE", token.INDENT: "INDENT", token.DEDENT: "DEDENT",
	token.NAME: "NAME", token.NUMBER: "NUMBER", token.STRING: "STRING",
	token.FSTRING_START: "FSTRING_START", token.FSTRING_MIDDLE: "FSTRING_MIDDLE", token.FSTRING_END: "FSTRING_END",
	token.LPAR: "LPAR", token.RPAR: "RPAR", token.LSQB: "LSQB", token.RSQB: "RSQB", token.COLON: "COLON",
	token.COMMA: "COMMA", token.SEMI: "SEMI", token.PLUS: "PLUS", token.MINUS: "MINUS", token.STAR: "STAR",
	token.SLASH: "SLASH", token.VBAR: "VBAR", token.AMPER: "AMPER", token.LESS: "LESS", token.GREATER: "GREATER",
	token.EQUAL: "EQUAL", token.DOT: "DOT", token.PERCENT: "PERCENT", token.LBRACE: "LBRACE", token.RBRACE: "RBRACE",
	token.EQEQUAL: "EQEQUAL", token.NOTEQUAL: "NOTEQUAL", token.LESSEQUAL: "LESSEQUAL", token.GREATEREQUAL: "GREATEREQUAL",
	token.TILDE: "TILDE", token.CIRCUMFLEX: "CIRCUMFLEX", token.LEFTSHIFT: "LEFTSHIFT", token.RIGHTSHIFT: "RIGHTSHIFT",
	token.DOUBLESTAR: "DOUBLESTAR", token.PLUSEQUAL: "PLUSEQUAL", token.MINEQUAL: "MINEQUAL", token.STAREQUAL: "STAREQUAL",
	token.SLASHEQUAL: "SLASHEQUAL", token.PERCENTEQUAL: "PERCENTEQUAL", token.AMPEREQUAL: "AMPEREQUAL",
	token.VBAREQUAL: "VBAREQUAL", token.CIRCUMFLEXEQUAL: "CIRCUMFLEXEQUAL", token.LEFTSHIFTEQUAL: "LEFTSHIFTEQUAL",
	token.RIGHTSHIFTEQUAL: "RIGHTSHIFTEQUAL", token.DOUBLESTAREQUAL: "DOUBLESTAREQUAL", token.DOUBLESLASH: "DOUBLESLASH",
	token.DOUBLESLASHEQUAL: "DOUBLESLASHEQUAL", token.AT: "AT", token.ATEQUAL: "ATEQUAL", token.RARROW: "RARROW",
	token.ELLIPSIS: "ELLIPSIS", token.COLONEQUAL: "COLONEQUAL", token.EXCLAMATION: "EXCLAMATION",
}

func cpythonName(k token.Kind) string {
	if k.IsKeyword() {
		return "NAME"
	}
	if n, ok := cpythonNames[k]; ok {
		return n
	}
	return k.String()
}

// charCol converts a byte column to a character column, as tokenize reports them.
func charCol(src []byte, p token.Pos) int {
	ls := p.Offset - p.Col
	if ls < 0 || p.Offset > len(src) {
		return p.Col
	}
	return utf8.RuneCount(src[ls:p.Offset])
}

func python313(t testing.TB) (string, string) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	cmd := exec.Command(py, "-c", "import sys, sysconfig; assert sys.version_info[:2] == (3, 13); print(sysconfig.get_paths()['stdlib'])")
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.13.0")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("python3.13 not available: %v", err)
	}
	return py, strings.TrimSpace(string(out))
}

// scanAll tokenizes src and renders the tokens as tokenizeScript does.
func scanAll(src []byte) ([]string, *Error, error) {
	s, err := New(src)
	if err != nil {
		return nil, nil, err
	}
	var toks []string
	text := s.Source()
	for i := 0; ; i++ {
		t := s.Next()
		if t.Kind == token.ILLEGAL && s.Err() != nil {
			return toks, s.Err(), nil
		}
		name := cpythonName(t.Kind)
		if t.Kind == token.ILLEGAL || t.Lit == "<>" {
			name = "OP" // tokenize's exact type for '$', '?', '`' and '<>'
		}
		toks = append(toks, fmt.Sprintf("%s %d %d %d %d", name, t.Start.Line, charCol(text, t.Start), t.End.Line, charCol(text, t.End)))
		if t.Kind == token.EOF {
			break
		}
		if i > 10*len(text)+100 {
			panic("scanner does not terminate")
		}
	}
	return toks, s.Err(), nil
}

// TestStdlibTokens tokenizes every .py file of python3.13's standard library (or of the
// tree named by $SCANNER_ROOT) and compares the token streams with python3.13's tokenize.
func TestStdlibTokens(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	py, stdlib := python313(t)
	root := stdlib
	if r := os.Getenv("SCANNER_ROOT"); r != "" {
		root = r
	}
	agree, total := compareWithTokenize(t, py, root)
	t.Logf("%s: %d/%d files agree with python3.13's tokenize", root, agree, total)
}

// compareWithTokenize compares the scanner with python3.13's tokenize on every .py file
// under root, reporting disagreements as test errors.
func compareWithTokenize(t *testing.T, py, root string) (agree, total int) {
	cmd := exec.Command(py, "-c", tokenizeScript, root)
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.13.0")
	cmd.Stderr = os.Stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	r := bufio.NewReaderSize(pipe, 1<<20)
	readLine := func() (string, bool) {
		l, err := r.ReadString('\n')
		if err != nil && l == "" {
			return "", false
		}
		return strings.TrimSuffix(l, "\n"), true
	}
	failures := 0
	for {
		l, ok := readLine()
		if !ok {
			break
		}
		total++
		if strings.HasPrefix(l, "X ") {
			rest := l[2:]
			// path has no spaces in the stdlib
			path := rest
			if i := strings.IndexByte(rest, ' '); i >= 0 {
				path = rest[:i]
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, serr, nerr := scanAll(src)
			if serr != nil || nerr != nil {
				agree++
			} else if strings.Contains(rest, "unexpected EOF in multi-line statement") && openAtEOF(src) {
				// The scanner returns EOF inside brackets; the parser reports it.
				agree++
			} else if !utf8.Valid(src) {
				// CPython's compile() decodes UTF-8 lazily: undecodable bytes in a string
				// literal are the literal decoder's to report.
				agree++
				t.Logf("%s: tokenize rejects (%s); invalid UTF-8 left to the literal decoder", path, rest)
			} else {
				failures++
				if failures <= 20 {
					t.Errorf("%s: tokenize rejects (%s) but the scanner accepts", path, rest)
				}
			}
			continue
		}
		f := strings.Fields(l)
		if len(f) != 3 || f[0] != "F" {
			t.Fatalf("bad line %q", l)
		}
		path := f[1]
		n, _ := strconv.Atoi(f[2])
		eline, _ := readLine()
		perr := strings.TrimPrefix(eline, "E ")
		want := make([]string, n)
		for i := range want {
			want[i], _ = readLine()
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, serr, nerr := scanAll(src)
		msg := ""
		switch {
		case nerr != nil:
			msg = "New: " + nerr.Error()
		case perr != "-":
			// The parser-mode tokenizer rejects the file: we must report the same error.
			if serr == nil {
				msg = "accepted, CPython: " + perr
			} else if g := cpythonError(src, serr); g != perr {
				msg = fmt.Sprintf("error %q, CPython %q", g, perr)
			}
		case serr != nil:
			msg = "error: " + serr.Error()
		}
		if msg == "" && perr == "-" {
			for i := 0; i < len(want) || i < len(got); i++ {
				var w, g string
				if i < len(want) {
					w = want[i]
				}
				if i < len(got) {
					g = got[i]
				}
				if w != g {
					msg = fmt.Sprintf("token %d: got %q, want %q", i, g, w)
					break
				}
			}
		}
		if msg == "" {
			agree++
		} else {
			failures++
			if failures <= 30 {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s: %s", rel, msg)
			}
		}
	}
	if total == 0 {
		t.Fatal("no files")
	}
	return agree, total
}

// cpythonError renders e as the test script renders a SyntaxError: type, lineno, 1-based
// character offset, message.
func cpythonError(src []byte, e *Error) string {
	s, _ := New(src)
	text := s.Source()
	off := e.Pos.Col + 1
	if ls := e.Pos.Offset - e.Pos.Col; ls >= 0 && e.Pos.Offset <= len(text) {
		off = utf8.RuneCount(text[ls:e.Pos.Offset]) + 1
		if strings.HasPrefix(e.Msg, "leading zeros") {
			off = e.Pos.Col + 1
		}
		if strings.HasPrefix(e.Msg, "(unicode error)") {
			// CPython counts the characters of the first col_offset+1 bytes of the line
			// re-encoded after decoding it with errors="replace".
			end := ls
			for end < len(text) && text[end] != '\n' {
				end++
			}
			r := []byte(pyReplace(text[ls:end]))
			n := e.Pos.Col + 1
			if n > len(r) {
				n = len(r)
			}
			off = utf8.RuneCountInString(pyReplace(r[:n]))
		}
	}
	return fmt.Sprintf("%s|%d|%d|%s", e.Kind, e.Pos.Line, off, e.Msg)
}

// pyReplace decodes b as Python's bytes.decode("utf-8", "replace") does.
func pyReplace(b []byte) string {
	var sb strings.Builder
	for len(b) > 0 {
		i, _ := UTF8Error(b)
		if i < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:i])
		// the length of the bad sequence: what UTF8Error reports in its message
		_, msg := UTF8Error(b[i:])
		n := 1
		if j := strings.Index(msg, "in position 0-"); j >= 0 {
			fmt.Sscanf(msg[j+len("in position 0-"):], "%d", &n)
			n++
		}
		sb.WriteString("\uFFFD")
		b = b[i+n:]
	}
	return sb.String()
}

// openAtEOF reports whether scanning src ends at EOF with brackets open.
func openAtEOF(src []byte) bool {
	s, err := New(src)
	if err != nil {
		return false
	}
	for {
		switch s.Next().Kind {
		case token.EOF:
			_, _, open := s.OpenBracket()
			return open && s.Err() == nil
		case token.ILLEGAL:
			if s.Err() != nil {
				return false
			}
		}
	}
}
