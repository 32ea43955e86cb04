package scanner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/covetpy/covetgen/parser/token"
)

// render renders the tokens of src as "KIND@line:col-line:col'lit'" strings; an error
// ends the list with "ERR line:col kind msg".
func render(src string) []string {
	s, err := New([]byte(src))
	if err != nil {
		return []string{"NEWERR " + err.Error()}
	}
	var out []string
	for {
		t := s.Next()
		if t.Kind == token.ILLEGAL && s.Err() != nil {
			e := s.Err()
			out = append(out, fmt.Sprintf("ERR %d:%d %s %s", e.Pos.Line, e.Pos.Col, e.Kind, e.Msg))
			return out
		}
		out = append(out, fmt.Sprintf("%s@%d:%d-%d:%d%q", t.Kind, t.Start.Line, t.Start.Col, t.End.Line, t.End.Col, t.Lit))
		if t.Kind == token.EOF {
			return out
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"", `ENDMARKER@1:0-1:0""`},
		{"x", `NAME@1:0-1:1"x" NEWLINE@1:1-1:2"\n" ENDMARKER@2:0-2:0""`},
		{"if x:\n  y\n", `if@1:0-1:2"if" NAME@1:3-1:4"x" :@1:4-1:5":" NEWLINE@1:5-1:6"\n" INDENT@2:0-2:2"  " NAME@2:2-2:3"y" NEWLINE@2:3-2:4"\n" DEDENT@3:0-3:0"" ENDMARKER@3:0-3:0""`},
		{"a = (1,\n 2) # c\n", `NAME@1:0-1:1"a" =@1:2-1:3"=" (@1:4-1:5"(" NUMBER@1:5-1:6"1" ,@1:6-1:7"," NUMBER@2:1-2:2"2" )@2:2-2:3")" NEWLINE@2:7-2:8"\n" ENDMARKER@3:0-3:0""`},
		{"x\r\ny\rz", `NAME@1:0-1:1"x" NEWLINE@1:1-1:2"\n" NAME@2:0-2:1"y" NEWLINE@2:1-2:2"\n" NAME@3:0-3:1"z" NEWLINE@3:1-3:2"\n" ENDMARKER@4:0-4:0""`},
		{"1.5e3j 0x_1f 0o17 0b1 1_0 .5 1.", `NUMBER@1:0-1:6"1.5e3j" NUMBER@1:7-1:12"0x_1f" NUMBER@1:13-1:17"0o17" NUMBER@1:18-1:21"0b1" NUMBER@1:22-1:25"1_0" NUMBER@1:26-1:28".5" NUMBER@1:29-1:31"1." NEWLINE@1:31-1:32"\n" ENDMARKER@2:0-2:0""`},
		{"1if x else 2", `NUMBER@1:0-1:1"1" if@1:1-1:3"if" NAME@1:4-1:5"x" else@1:6-1:10"else" NUMBER@1:11-1:12"2" NEWLINE@1:12-1:13"\n" ENDMARKER@2:0-2:0""`},
		{"rb'a' '''b\nc'''", `STRING@1:0-1:5"rb'a'" STRING@1:6-2:4"'''b\nc'''" NEWLINE@2:4-2:5"\n" ENDMARKER@3:0-3:0""`},
		{"f'a{{b{x!r:>{w}}c'", `FSTRING_START@1:0-1:2"f'" FSTRING_MIDDLE@1:2-1:4"a{" FSTRING_MIDDLE@1:5-1:6"b" {@1:6-1:7"{" NAME@1:7-1:8"x" !@1:8-1:9"!" NAME@1:9-1:10"r" :@1:10-1:11":" FSTRING_MIDDLE@1:11-1:12">" {@1:12-1:13"{" NAME@1:13-1:14"w" }@1:14-1:15"}" FSTRING_MIDDLE@1:15-1:15"" }@1:15-1:16"}" FSTRING_MIDDLE@1:16-1:17"c" FSTRING_END@1:17-1:18"'" NEWLINE@1:18-1:19"\n" ENDMARKER@2:0-2:0""`},
		{"f'{x=}'", `FSTRING_START@1:0-1:2"f'" {@1:2-1:3"{" NAME@1:3-1:4"x" =@1:4-1:5"=" }@1:5-1:6"}" FSTRING_END@1:6-1:7"'" NEWLINE@1:7-1:8"\n" ENDMARKER@2:0-2:0""`},
		{"a\\\n b", `NAME@1:0-1:1"a" NAME@2:1-2:2"b" NEWLINE@2:2-2:3"\n" ENDMARKER@3:0-3:0""`},
		{"é = 1", `NAME@1:0-1:2"é" =@1:3-1:4"=" NUMBER@1:5-1:6"1" NEWLINE@1:6-1:7"\n" ENDMARKER@2:0-2:0""`},
		{"x = 'abc", `NAME@1:0-1:1"x" =@1:2-1:3"=" ERR 1:4 SyntaxError unterminated string literal (detected at line 1)`},
		{"x = '''abc\n\n", `NAME@1:0-1:1"x" =@1:2-1:3"=" ERR 1:4 SyntaxError unterminated triple-quoted string literal (detected at line 2)`},
		{"012", `ERR 1:0 SyntaxError leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers`},
		{"1abc", `ERR 1:0 SyntaxError invalid decimal literal`},
		{"0o8", `ERR 1:2 SyntaxError invalid digit '8' in octal literal`},
		{"if x:\n    a\n  b\n", `if@1:0-1:2"if" NAME@1:3-1:4"x" :@1:4-1:5":" NEWLINE@1:5-1:6"\n" INDENT@2:0-2:4"    " NAME@2:4-2:5"a" NEWLINE@2:5-2:6"\n" ERR 3:3 IndentationError unindent does not match any outer indentation level`},
		{"if x:\n        a\n\tb\n", `if@1:0-1:2"if" NAME@1:3-1:4"x" :@1:4-1:5":" NEWLINE@1:5-1:6"\n" INDENT@2:0-2:8"        " NAME@2:8-2:9"a" NEWLINE@2:9-2:10"\n" ERR 3:0 TabError inconsistent use of tabs and spaces in indentation`},
		{"a\\ b", `NAME@1:0-1:1"a" ERR 1:2 SyntaxError unexpected character after line continuation character`},
		{"(]", `(@1:0-1:1"(" ERR 1:1 SyntaxError closing parenthesis ']' does not match opening parenthesis '('`},
		{"f'{'", `FSTRING_START@1:0-1:2"f'" {@1:2-1:3"{" ERR 1:3 SyntaxError f-string: expecting '}'`},
		{"f'}'", `FSTRING_START@1:0-1:2"f'" FSTRING_MIDDLE@1:2-1:2"" ERR 1:2 SyntaxError f-string: single '}' is not allowed`},
		{"a€b", `ERR 1:1 SyntaxError invalid character '€' (U+20AC)`},
		{"# coding: uft-8\n", `NEWERR 0:0: SyntaxError: unknown encoding: uft-8`},
		{"x = (", `NAME@1:0-1:1"x" =@1:2-1:3"=" (@1:4-1:5"(" ENDMARKER@2:0-2:0""`},
	}
	for _, tt := range tests {
		got := strings.Join(render(tt.src), " ")
		if got != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

func TestComments(t *testing.T) {
	s, _ := New([]byte("# a\nx = 1  # b\nif x:\n    # c\n    y\n"))
	for s.Next().Kind != token.EOF {
	}
	var got []string
	for _, c := range s.Comments() {
		got = append(got, fmt.Sprintf("%d:%d %s", c.Start.Line, c.Start.Col, c.Lit))
	}
	if want := "1:0 # a|2:7 # b|4:4 # c"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestEncodings(t *testing.T) {
	tests := []struct{ src, lit string }{
		{"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "'é'"},
		{"#!/bin/sh\n# vim: set fileencoding=koi8-r :\nx = '\xc1'\n", "'а'"},
		{"# coding: cp1252\nx = '\x80'\n", "'€'"},
		{"\xef\xbb\xbfx = 'é'\n", "'é'"},
		{"# coding: utf-8\nx = 'é'\n", "'é'"},
	}
	for _, tt := range tests {
		s, err := New([]byte(tt.src))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		var lit string
		for tk := s.Next(); tk.Kind != token.EOF && tk.Kind != token.ILLEGAL; tk = s.Next() {
			if tk.Kind == token.STRING {
				lit = tk.Lit
			}
		}
		if lit != tt.lit {
			t.Errorf("%q: got %q, want %q", tt.src, lit, tt.lit)
		}
	}
}

func TestNormalizeIdent(t *testing.T) {
	for in, want := range map[string]string{
		"abc": "abc", "ｗｉｄｔｈ": "width", "µ": "μ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢": "Unicode", "ﬁ": "fi",
		"e\u0301": "é", "\u1100\u1161": "\uac00", "Å": "Å", "x\u0327\u0301": "x\u0327\u0301",
	} {
		if got := NormalizeIdent(in); got != want {
			t.Errorf("NormalizeIdent(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkInvariants scans src and checks what must hold for any input: termination, token
// text equal to the source between its positions, consistent line/column numbers.
func checkInvariants(t *testing.T, src []byte) {
	s, err := New(src)
	if err != nil {
		return
	}
	text := s.Source()
	lineStarts := []int{0}
	for i, c := range text {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	check := func(p token.Pos, what string, tk token.Token) {
		if p.Line < 1 || p.Line > len(lineStarts) || p.Offset < 0 || p.Offset > len(text) || lineStarts[p.Line-1]+p.Col != p.Offset {
			t.Fatalf("%s of %v: bad position %+v", what, tk, p)
		}
	}
	prev := 0
	for i := 0; ; i++ {
		if i > 4*len(text)+10 {
			t.Fatalf("no end after %d tokens", i)
		}
		tk := s.Next()
		if tk.Kind == token.ILLEGAL && s.Err() != nil {
			for j := 0; j < 3; j++ {
				if k := s.Next().Kind; k != token.EOF {
					t.Fatalf("after ILLEGAL: %v", k)
				}
			}
			return
		}
		check(tk.Start, "start", tk)
		check(tk.End, "end", tk)
		if tk.Start.Offset < prev || tk.End.Offset < tk.Start.Offset {
			t.Fatalf("token %v out of order (prev end %d)", tk, prev)
		}
		if string(text[tk.Start.Offset:tk.End.Offset]) != tk.Lit {
			t.Fatalf("token %v: Lit differs from source %q", tk, text[tk.Start.Offset:tk.End.Offset])
		}
		prev = tk.End.Offset
		if tk.Kind == token.EOF {
			if s.Next().Kind != token.EOF {
				t.Fatal("no EOF after EOF")
			}
			return
		}
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range validSnippets {
		f.Add([]byte(s))
	}
	for _, s := range errorSnippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkInvariants(t, src)
	})
}

func TestInvariantsSnippets(t *testing.T) {
	for _, s := range append(append([]string{}, validSnippets...), errorSnippets...) {
		checkInvariants(t, []byte(s))
	}
}

func BenchmarkStdlib(b *testing.B) {
	_, stdlib := python313(b)
	var files [][]byte
	total := 0
	filepath.Walk(stdlib, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".py") && !strings.Contains(p, "site-packages") {
			if data, err := os.ReadFile(p); err == nil {
				files = append(files, data)
				total += len(data)
			}
		}
		return nil
	})
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			s, err := New(data)
			if err != nil {
				continue
			}
			for {
				k := s.Next().Kind
				if k == token.EOF || k == token.ILLEGAL && s.Err() != nil {
					break
				}
			}
		}
	}
	_ = bytes.MinRead
}
