package source

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/timeline"
)

// readText reads a plain text file as one article, in one of three forms:
//
//   - the form the project was seeded with: optional space, the word
//     "date", a date, then the article, whose headline runs into the text
//     undelimited (" date 2022-02-08 There is no security … Macron. In a …");
//   - a header block of "title:", "date:", "url:", "source:" lines (any
//     case; the usual field names of fields.go are understood too, and other
//     keys such as "author:" are skipped) ended by a blank line;
//   - plain text, undated unless the file's name holds a date
//     (fileNameDate).
//
// A hard-wrapped text's lines are joined into its paragraphs (unwrap).
//
// Without a title header the title is the first sentence (see firstSentence).
func readText(ctx context.Context, in *input, emit emitFunc) error {
	s, ok, err := readWhole(in, emit)
	if !ok {
		return err
	}
	var vals, field [numRoles]string
	line := 1
	if date, rest, ok := seedForm(s); ok {
		vals[roleDate], field[roleDate] = date, "date"
		s = rest
	} else if hdr, rest, ok := headerBlock(s); ok {
		for _, h := range hdr {
			if h.role >= 0 && vals[h.role] == "" {
				vals[h.role], field[h.role] = h.value, h.key
				if h.role == roleDate {
					line = h.line
				}
			}
		}
		s = rest
	}
	if vals[roleDate] == "" {
		if d := fileNameDate(in.file); d != "" {
			vals[roleDate], field[roleDate] = d, "file name"
		}
	}
	vals[roleText], field[roleText] = unwrap(s), "text"
	a, reason := in.article(&vals, &field, 0, 1)
	if a == nil {
		if vals[roleDate] == "" || strings.TrimSpace(s) == "" {
			line = 0 // the whole file is at fault
		}
		return emit.reject(in.file, line, "%s", reason)
	}
	a.Origin.Line = 1
	return emit(Item{Article: a})
}

// nameDate finds an ISO calendar date in a file name.
var nameDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])(?:[^0-9]|$)`)

// fileNameDate returns the date a text file's name carries
// ("breitbart_2015-11-11_the-ninth-circle.txt", "2022-02-24 kyiv.txt"),
// or "": collections saved from the web are often named so, and an
// undated article is left out of every timeline. A name with no such
// date, or an impossible one ("2015-13-45"), gives none.
func fileNameDate(path string) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	m := nameDate.FindStringSubmatch(base)
	if m == nil {
		return ""
	}
	if _, err := timeline.Parse(m[1]); err != nil {
		return ""
	}
	return m[1]
}

// readWhole reads a file that is one article, up to Options.MaxRecord.
// When ok is false the file has been rejected and err is emit's result.
func readWhole(in *input, emit emitFunc) (s string, ok bool, err error) {
	max := in.opts.maxRecord()
	data, err := io.ReadAll(io.LimitReader(in.r, max+1))
	if err != nil {
		return "", false, emit.reject(in.file, 0, "%s", in.ioReason(err))
	}
	if int64(len(data)) > max {
		return "", false, emit.reject(in.file, 0, "file larger than %s; one article a file is read whole", sizeName(max))
	}
	s = string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.ReplaceAll(s, "\r\n", "\n"), true, nil
}

// sizeName renders a byte limit for messages: "64 MiB", "512 bytes".
func sizeName(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

var seedRE = regexp.MustCompile(`^\s*(?i:date)[ \t]+(\S+)\s+`)

// seedForm recognises " date 2022-02-08 Text…" and returns the date and the
// text. The date must parse: "Date night is…" is an article, not a header.
func seedForm(s string) (date, rest string, ok bool) {
	m := seedRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", "", false
	}
	date = s[m[2]:m[3]]
	if _, err := timeline.Parse(date); err != nil {
		return "", "", false
	}
	return date, s[m[1]:], true
}

// header is one "key: value" line of a header block.
type header struct {
	key, value string
	role       role // -1 for keys that are not a role
	line       int
}

var headerRE = regexp.MustCompile(`^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*?)[ \t]*$`)

// maxHeaderLines bounds a header block, so that a first paragraph of short
// "Label: value" lines is not taken for one.
const maxHeaderLines = 20

// headerBlock recognises leading "key: value" lines ended by a blank line,
// at least one of which names a role; it returns them and the text after.
func headerBlock(s string) ([]header, string, bool) {
	var hdr []header
	known := false
	rest := s
	for n := 1; ; n++ {
		line, after, found := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			if n == 1 || !found {
				return nil, "", false
			}
			if !known {
				return nil, "", false
			}
			return hdr, after, true
		}
		if !found || n > maxHeaderLines {
			return nil, "", false
		}
		m := headerRE.FindStringSubmatch(line)
		if m == nil {
			return nil, "", false
		}
		key := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(m[1]), " ", "_"))
		h := header{key: m[1], value: m[2], role: -1, line: n}
		for r := range numRoles {
			for _, name := range usualNames[r] {
				if key == name {
					h.role = r
				}
			}
		}
		if h.role >= 0 {
			known = true
		}
		hdr = append(hdr, h)
		rest = after
	}
}

// maxTitle caps a title taken from the text, in bytes.
const maxTitle = 300

// firstSentence returns the headline of a text whose headline is not
// delimited: the first line, ended early by the first '.', '!' or '?'
// followed by a space, a quote or the end, unless the '.' ends an
// abbreviation or initial ("Mr.", "U.S.", "J.") or the next word starts in
// lower case. Closing quotes after the mark are kept. A title longer than
// maxTitle bytes is cut at a word boundary and ends in "…".
func firstSentence(text string) string {
	text = strings.TrimSpace(text)
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(line) {
			r, n := utf8.DecodeRuneInString(line[end:])
			if !isQuote(r) {
				break
			}
			end += n
		}
		if end < len(line) && line[end] != ' ' && line[end] != '\t' && end == i+1 {
			continue // "3.5", "example.com"
		}
		if c == '.' && isAbbrev(line[:i]) {
			continue
		}
		if next := strings.TrimLeft(line[end:], " \t"); next != "" {
			if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
				continue
			}
		}
		line = line[:end]
		break
	}
	if len(line) <= maxTitle {
		return line
	}
	cut := strings.LastIndexByte(line[:maxTitle], ' ')
	if cut <= 0 {
		cut = maxTitle
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
	}
	return strings.TrimRight(line[:cut], " ,;:") + "…"
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '“':
		return true
	}
	return false
}

// abbrevs are the short words news text ends with a '.' mid-sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"gen": true, "lt": true, "col": true, "capt": true, "sgt": true, "adm": true, "gov": true,
	"sen": true, "rep": true, "pres": true, "rev": true, "hon": true, "no": true, "vs": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "dept": true, "univ": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// isAbbrev reports whether the text before a '.' ends with an abbreviation,
// an initial or a dotted acronym.
func isAbbrev(before string) bool {
	word := before[strings.LastIndexAny(before, " \t(\"“")+1:]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true // "U.S", "a.m"
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbrevs[strings.ToLower(word)]
}
