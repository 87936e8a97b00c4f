package document

// TokenKind says what a Token of a tagged text is.
type TokenKind uint8

// Token kinds.
const (
	TextToken  TokenKind = iota + 1 // a run of text, entities decoded
	OpenToken                       // <b1>
	CloseToken                      // </b1>
	SelfToken                       // <x3/>
)

// Token is a piece of a tagged text: a run of text or one tag.
type Token struct {
	Kind TokenKind
	Name string // the tag's name ("b1"); "" for text
	Text string // the text, with character references decoded
}

// Tokens splits a tagged text (a segment's Text or a translation of it)
// into runs of text and tags, for writers of other formats (XLIFF).
func Tokens(tagged string) []Token {
	var out []Token
	var text []byte
	flush := func() {
		if len(text) > 0 {
			out = append(out, Token{Kind: TextToken, Text: string(text)})
			text = text[:0]
		}
	}
	for i := 0; i < len(tagged); {
		switch tagged[i] {
		case '<':
			if name, kind, n := parseTag(tagged[i:]); n > 0 {
				flush()
				k := OpenToken
				switch kind {
				case tagClose:
					k = CloseToken
				case tagSelf:
					k = SelfToken
				}
				out = append(out, Token{Kind: k, Name: name})
				i += n
				continue
			}
		case '&':
			if r, n := decodeEntity(tagged[i:]); n > 0 {
				text = append(text, r...)
				i += n
				continue
			}
		}
		text = append(text, tagged[i])
		i++
	}
	flush()
	return out
}

// EscapeText is plain text in the tagged form: the characters that would
// read as tags or character references escaped. Tokens undoes it.
func EscapeText(plain string) string { return escapeText(plain) }
