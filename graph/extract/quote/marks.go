package quote

import (
	"unicode"
	"unicode/utf8"

	"dateline/graph"
)

// segment is one stretch of quoted words: its parts (several when a quote
// runs over paragraphs, newswire style, without a closing mark before the
// break) and the positions of its first opening and last closing marks.
type quoted struct {
	parts []graph.Span // inside the marks, marks excluded
	open  graph.Span   // first opening mark
	close graph.Span   // last closing mark
}

// maxSingle bounds a single-quoted stretch: ‘…’ in news is a nested quote,
// a title or a scare quote, never a paragraph, and the bound keeps a stray
// ‘ from swallowing the text.
const maxSingle = 400

// scanMarks finds the quoted stretches of text. Curly and straight double
// quotes pair with each other in any combination (“…" as careless
// typing produces); a straight " after a digit with no quote open is an
// inch sign; a paragraph that ends inside a quote continues it only when
// the next paragraph opens with a quotation mark, otherwise the open mark
// is dropped. Single curly quotes count only outside double quotes and
// only when ‘ opens after a space and ’ is not followed by a letter, so
// apostrophes (don’t, Russia’s) never pair. A pair of apostrophes or of
// backquotes counts as a double quote, as typewriter archives write it.
func scanMarks(text string) []quoted {
	var (
		out    []quoted
		cur    quoted
		open   bool // a double quote is open
		single bool // a single quote is open
		start  int  // start of the current part
	)
	prev := ' '
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if i+1 < len(text) && (text[i:i+2] == "''" || text[i:i+2] == "``") {
			r, n = '"', 2 // the typewriter quotes of some archives: ''…'' and ``…''
			if text[i] == '`' {
				r = '“'
			}
		}
		next := rune(' ')
		if i+n < len(text) {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch {
		case r == '\n' && (open || single):
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t') {
				j++
			}
			nr, nn := utf8.DecodeRuneInString(text[j:])
			if j+1 < len(text) && (text[j:j+2] == "''" || text[j:j+2] == "``") {
				nr, nn = '"', 2
			}
			if open && j < len(text) && (nr == '“' || nr == '"' || nr == '«' || closesFirst(text, j)) {
				if end := trimRight(text, start, i); end > start {
					cur.parts = append(cur.parts, graph.Span{Start: start, End: end})
				}
				prev = ' '
				if nr == '“' || nr == '"' || nr == '«' {
					j += nn
					prev = nr
				}
				start = j
				i = j
				continue
			}
			open, single = false, false
			cur = quoted{}
		case r == '“' || r == '«' || (r == '"' && !open && opens(prev, next)):
			if single {
				single = false
			}
			open = true
			cur = quoted{open: graph.Span{Start: i, End: i + n}}
			start = i + n
		case open && (r == '”' || r == '»' || r == '"'):
			if end := trimRight(text, start, i); end > start {
				cur.parts = append(cur.parts, graph.Span{Start: start, End: end})
			}
			if len(cur.parts) > 0 {
				cur.close = graph.Span{Start: i, End: i + n}
				out = append(out, cur)
			}
			open = false
			cur = quoted{}
		case !open && r == '‘' && (unicode.IsSpace(prev) || prev == '(' || prev == '—' || prev == '-' || prev == ':') && !unicode.IsSpace(next):
			single = true
			cur = quoted{open: graph.Span{Start: i, End: i + n}}
			start = i + n
		case single && r == '’' && !unicode.IsLetter(next) && !unicode.IsDigit(next):
			if i-start > maxSingle {
				single = false
				cur = quoted{}
				break
			}
			if end := trimRight(text, start, i); end > start {
				cur.parts = append(cur.parts, graph.Span{Start: start, End: end})
				cur.close = graph.Span{Start: i, End: i + n}
				out = append(out, cur)
			}
			single = false
			cur = quoted{}
		}
		prev = r
		i += n
	}
	return out
}

// closesFirst reports whether the paragraph starting at byte j has a
// closing double quotation mark before any opening one: the quote left
// open by the paragraph before runs on into it, its opening mark lost
// (the soccer reports of GUM: said, "I think we have learned a lot.⏎⏎It
// was a very emotional day."). It reads at most the paragraph.
func closesFirst(text string, j int) bool {
	prev := ' '
	for i := j; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			return false
		}
		next := rune(' ')
		if i+n < len(text) {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch {
		case r == '“' || r == '«':
			return false
		case r == '”' || r == '»':
			return true
		case r == '"':
			return !opens(prev, next)
		}
		prev = r
		i += n
	}
	return false
}

// opens reports whether a straight double quote between prev and next
// opens a quote: it must follow a space, an opening bracket, a dash or
// the start of the text, must not follow a digit (an inch sign: 12"
// screens), and must be followed by a character that can start words.
func opens(prev, next rune) bool {
	if unicode.IsDigit(prev) || unicode.IsSpace(next) {
		return false
	}
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == ':' || prev == '/'
}

// trimRight returns the end of text[start:end] without trailing white
// space and without a trailing comma, which belongs to the attribution
// ("…for Russia," Macron said), not to the words quoted.
func trimRight(text string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		end -= n
	}
	return end
}
