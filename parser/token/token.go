// Package token defines the lexical tokens of Python 3.13 source and source positions,
// in the manner of go/token. Kinds follow CPython's token module; keywords get kinds of
// their own, soft keywords (match, case, type, _) stay NAME.
package token

// Kind is the kind of a lexical token.
type Kind uint8

// Token kinds. Operator kinds carry CPython's token names.
const (
	ILLEGAL Kind = iota // a lexical error; the scanner reports it
	EOF
	COMMENT // never returned by Scan; comments are collected on the side
	NEWLINE // end of a logical line
	INDENT
	DEDENT
	NAME   // identifiers and soft keywords
	NUMBER // every numeric literal form, imaginary included
	STRING // a complete string or bytes literal, prefix and quotes included

	// PEP 701 f-strings: FSTRING_START (prefix and opening quote), FSTRING_MIDDLE
	// (literal text, escapes not yet decoded, "{{" still doubled), LBRACE, the tokens of the
	// replacement field's expression, optional EXCLAMATION NAME, optional COLON followed by
	// FSTRING_MIDDLE / nested fields of the format spec, RBRACE, and FSTRING_END.
	FSTRING_START
	FSTRING_MIDDLE
	FSTRING_END

	operatorBeg
	LPAR             // (
	RPAR             // )
	LSQB             // [
	RSQB             // ]
	COLON            // :
	COMMA            // ,
	SEMI             // ;
	PLUS             // +
	MINUS            // -
	STAR             // *
	SLASH            // /
	VBAR             // |
	AMPER            // &
	LESS             // <
	GREATER          // >
	EQUAL            // =
	DOT              // .
	PERCENT          // %
	LBRACE           // {
	RBRACE           // }
	EQEQUAL          // ==
	NOTEQUAL         // !=
	LESSEQUAL        // <=
	GREATEREQUAL     // >=
	TILDE            // ~
	CIRCUMFLEX       // ^
	LEFTSHIFT        // <<
	RIGHTSHIFT       // >>
	DOUBLESTAR       // **
	PLUSEQUAL        // +=
	MINEQUAL         // -=
	STAREQUAL        // *=
	SLASHEQUAL       // /=
	PERCENTEQUAL     // %=
	AMPEREQUAL       // &=
	VBAREQUAL        // |=
	CIRCUMFLEXEQUAL  // ^=
	LEFTSHIFTEQUAL   // <<=
	RIGHTSHIFTEQUAL  // >>=
	DOUBLESTAREQUAL  // **=
	DOUBLESLASH      // //
	DOUBLESLASHEQUAL // //=
	AT               // @
	ATEQUAL          // @=
	RARROW           // ->
	ELLIPSIS         // ...
	COLONEQUAL       // :=
	EXCLAMATION      // ! (only inside f-string replacement fields)
	operatorEnd

	keywordBeg
	FALSE    // False
	NONE     // None
	TRUE     // True
	AND      // and
	AS       // as
	ASSERT   // assert
	ASYNC    // async
	AWAIT    // await
	BREAK    // break
	CLASS    // class
	CONTINUE // continue
	DEF      // def
	DEL      // del
	ELIF     // elif
	ELSE     // else
	EXCEPT   // except
	FINALLY  // finally
	FOR      // for
	FROM     // from
	GLOBAL   // global
	IF       // if
	IMPORT   // import
	IN       // in
	IS       // is
	LAMBDA   // lambda
	NONLOCAL // nonlocal
	NOT      // not
	OR       // or
	PASS     // pass
	RAISE    // raise
	RETURN   // return
	TRY      // try
	WHILE    // while
	WITH     // with
	YIELD    // yield
	keywordEnd
)

var kindNames = [...]string{
	ILLEGAL: "ILLEGAL", EOF: "ENDMARKER", COMMENT: "COMMENT", NEWLINE: "NEWLINE",
	INDENT: "INDENT", DEDENT: "DEDENT", NAME: "NAME", NUMBER: "NUMBER", STRING: "STRING",
	FSTRING_START: "FSTRING_START", FSTRING_MIDDLE: "FSTRING_MIDDLE", FSTRING_END: "FSTRING_END",
	LPAR: "(", RPAR: ")", LSQB: "[", RSQB: "]", COLON: ":", COMMA: ",", SEMI: ";",
	PLUS: "+", MINUS: "-", STAR: "*", SLASH: "/", VBAR: "|", AMPER: "&", LESS: "<",
	GREATER: ">", EQUAL: "=", DOT: ".", PERCENT: "%", LBRACE: "{", RBRACE: "}",
	EQEQUAL: "==", NOTEQUAL: "!=", LESSEQUAL: "<=", GREATEREQUAL: ">=", TILDE: "~",
	CIRCUMFLEX: "^", LEFTSHIFT: "<<", RIGHTSHIFT: ">>", DOUBLESTAR: "**", PLUSEQUAL: "+=",
	MINEQUAL: "-=", STAREQUAL: "*=", SLASHEQUAL: "/=", PERCENTEQUAL: "%=", AMPEREQUAL: "&=",
	VBAREQUAL: "|=", CIRCUMFLEXEQUAL: "^=", LEFTSHIFTEQUAL: "<<=", RIGHTSHIFTEQUAL: ">>=",
	DOUBLESTAREQUAL: "**=", DOUBLESLASH: "//", DOUBLESLASHEQUAL: "//=", AT: "@", ATEQUAL: "@=",
	RARROW: "->", ELLIPSIS: "...", COLONEQUAL: ":=", EXCLAMATION: "!",
	FALSE: "False", NONE: "None", TRUE: "True", AND: "and", AS: "as", ASSERT: "assert",
	ASYNC: "async", AWAIT: "await", BREAK: "break", CLASS: "class", CONTINUE: "continue",
	DEF: "def", DEL: "del", ELIF: "elif", ELSE: "else", EXCEPT: "except", FINALLY: "finally",
	FOR: "for", FROM: "from", GLOBAL: "global", IF: "if", IMPORT: "import", IN: "in", IS: "is",
	LAMBDA: "lambda", NONLOCAL: "nonlocal", NOT: "not", OR: "or", PASS: "pass", RAISE: "raise",
	RETURN: "return", TRY: "try", WHILE: "while", WITH: "with", YIELD: "yield",
}

// String returns the operator or keyword text, or the CPython token name for other kinds.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "?"
}

// IsOperator reports whether k is an operator or delimiter.
func (k Kind) IsOperator() bool { return operatorBeg < k && k < operatorEnd }

// IsKeyword reports whether k is a (hard) keyword.
func (k Kind) IsKeyword() bool { return keywordBeg < k && k < keywordEnd }

var keywords = func() map[string]Kind {
	m := make(map[string]Kind, int(keywordEnd-keywordBeg))
	for k := keywordBeg + 1; k < keywordEnd; k++ {
		m[kindNames[k]] = k
	}
	return m
}()

// Lookup maps an identifier to its keyword kind, or NAME.
func Lookup(ident string) Kind {
	if k, ok := keywords[ident]; ok {
		return k
	}
	return NAME
}

// Pos is a position in a source file: a 1-based line and a 0-based column counted in UTF-8
// bytes from the start of the line, as CPython's lineno / col_offset; Offset is the byte
// offset into the (decoded, UTF-8) source.
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// Token is one lexical token: its kind, where it starts and ends (End is exclusive), and its
// source text.
type Token struct {
	Kind  Kind
	Start Pos
	End   Pos
	Lit   string
}
