package parser_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/covetpy/covetgen/internal/pyref"
	"github.com/covetpy/covetgen/parser"
)

// syntaxErrorCases are sources python3.13 rejects; what it says about each (kind, line, column,
// message) is asked of python3.13 at test time, never written here.
var syntaxErrorCases = []struct{ name, src string }{
	{"invalid_syntax", "x = = 1\n"},
	{"expected_colon_if", "if x\n    pass\n"},
	{"expected_colon_def", "def f()\n    pass\n"},
	{"expected_colon_class", "class A\n    pass\n"},
	{"expected_colon_for", "for x in y\n    pass\n"},
	{"expected_indent_if", "if x:\npass\n"},
	{"expected_indent_def", "def f():\nreturn 1\n"},
	{"unexpected_indent", "x = 1\n    y = 2\n"},
	{"unindent_mismatch", "if x:\n        a = 1\n    b = 2\n"},
	{"tab_error", "if x:\n\ta = 1\n        b = 2\n"},
	{"unterminated_string", "x = 'abc\n"},
	{"unterminated_triple", "x = '''abc\n\ny = 1\n"},
	{"unterminated_fstring", "x = f'abc\n"},
	{"never_closed_paren", "x = (1,\n2\n"},
	{"never_closed_bracket", "x = [1, 2\n"},
	{"unmatched_paren", "x = 1)\n"},
	{"mismatched_paren", "x = (1, 2]\n"},
	{"assign_literal", "1 = x\n"},
	{"assign_call", "f() = 1\n"},
	{"assign_literal_eq", "if x = 1:\n    pass\n"},
	{"aug_assign_tuple", "a, b += 1\n"},
	{"del_literal", "del 1\n"},
	{"forgot_comma", "x = [1 2]\n"},
	{"pos_after_kw", "f(a=1, 2)\n"},
	{"nondefault_after_default", "def f(a=1, b):\n    pass\n"},
	{"duplicate_star", "def f(*a, *b):\n    pass\n"},
	{"bare_star", "def f(*):\n    pass\n"},
	{"lambda_default", "lambda a=1, b: 0\n"},
	{"import_from_wrong", "import a from b\n"},
	{"trailing_comma_import", "from a import b,\n"},
	{"invalid_decimal", "x = 1abc\n"},
	{"invalid_hex", "x = 0xg\n"},
	{"leading_zero", "x = 012\n"},
	{"invalid_octal_digit", "x = 0o8\n"},
	{"invalid_character", "x = 1 \u20ac 2\n"},
	{"line_continuation", "x = 1 \\ 2\n"},
	{"fstring_empty_expr", "f'{}'\n"},
	{"fstring_single_brace", "f'}'\n"},
	{"fstring_expecting_brace", "f'{x'\n"},
	{"fstring_bad_conversion", "f'{x!z}'\n"},
	{"bytes_nonascii", "x = b'\u00e9'\n"},
	{"mix_bytes", "x = b'a' 'b'\n"},
	{"walrus_target", "(a.b := 1)\n"},
	{"else_without_if", "else:\n    pass\n"},
	{"try_without_except", "try:\n    pass\nx = 1\n"},
	{"except_star_bare", "try:\n    pass\nexcept*:\n    pass\n"},
	{"match_bad_pattern", "match x:\n    case 1 + :\n        pass\n"},
	{"keyword_assign", "None = 1\n"},
	{"keyword_arg_repeat_expr", "f(x + 1 = 2)\n"},
	{"return_annotation_missing", "def f() -> :\n    pass\n"},
	{"missing_parens_print", "print 'hello'\n"},
	{"dict_missing_value", "{1: }\n"},
	{"generator_unparenthesized", "f(x for x in y, 1)\n"},
	{"null_byte", "x = 1\u0000\n"},
	{"too_many_parens", "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n"},
	{"unterminated_string_detected", "s = \"abc\nt = 2\n"},
	{"eof_in_def", "def f(:\n"},
	{"bad_dedent_eof", "class A:\n  def f(self):\n    pass\n pass\n"},
	{"type_params_empty", "def f[]():\n    pass\n"},
	{"with_items_bad", "with (a as b, c as ):\n    pass\n"},
	{"global_in_expr", "x = global\n"},
	{"comprehension_no_in", "[x for x y]\n"},
	{"chained_assign_expr", "x = yield = 1\n"},
	{"star_in_subscript_del", "del *a\n"},
	{"async_lambda", "async lambda: 1\n"},
}

// TestSyntaxErrorsMatchCPython requires the same kind, line, column and message as python3.13's
// compile(src, path, "exec", ast.PyCF_ONLY_AST) for each case.
func TestSyntaxErrorsMatchCPython(t *testing.T) {
	dir := t.TempDir()
	paths := make([]string, len(syntaxErrorCases))
	byPath := map[string]int{}
	for i, c := range syntaxErrorCases {
		paths[i] = filepath.Join(dir, c.name+".py")
		byPath[paths[i]] = i
		if err := os.WriteFile(paths[i], []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	refs := make([]pyref.Result, len(paths))
	if err := pyref.Dumps(paths, false, 1, func(r pyref.Result) { refs[byPath[r.Path]] = r }); err != nil {
		t.Fatal(err)
	}
	for i, c := range syntaxErrorCases {
		ref := refs[i]
		t.Run(c.name, func(t *testing.T) {
			if ref.OK {
				t.Fatalf("python3.13 accepts %q: the case is wrong", c.src)
			}
			_, err := parser.ParseFile(paths[i], []byte(c.src))
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want %s at %d:%d: %s", err, ref.Err.Kind, ref.Err.Line, ref.Err.Offset, ref.Err.Msg)
			}
			if pe.Kind != ref.Err.Kind || pe.Line != ref.Err.Line || pe.Col != ref.Err.Offset || pe.Msg != ref.Err.Msg {
				t.Errorf("got %s at %d:%d: %s\nwant %s at %d:%d: %s", pe.Kind, pe.Line, pe.Col, pe.Msg,
					ref.Err.Kind, ref.Err.Line, ref.Err.Offset, ref.Err.Msg)
			}
		})
	}
}
