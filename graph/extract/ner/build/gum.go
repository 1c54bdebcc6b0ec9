package build

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/conll"
)

// gumGenres are the GUM genres whose texts are under CC BY or CC BY-SA
// (see gum/LICENSE.txt); the NC genres and those without a stated licence
// are not read.
var gumGenres = map[string]bool{"academic": true, "bio": true, "court": true, "interview": true, "news": true, "voyage": true}

// gumTypes maps GUM's entity types to CoNLL-2003's; the other types
// (event, abstract, object, time…) have no CoNLL counterpart but MISC,
// whose scope differs, so their words are left open (ner.TagNotName).
var gumTypes = map[string]string{"person": "PER", "place": "LOC", "organization": "ORG"}

// titles open a GUM person mention but stay outside a CoNLL name
// ("President Obama" is tagged PER on "Obama" only).
var titles = map[string]bool{
	"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true, "Dr": true, "Dr.": true,
	"President": true, "Prime": true, "Minister": true, "Senator": true, "Sen.": true, "Governor": true,
	"Gov.": true, "King": true, "Queen": true, "Prince": true, "Princess": true, "Pope": true,
	"General": true, "Gen.": true, "Colonel": true, "Col.": true, "Captain": true, "Capt.": true,
	"Judge": true, "Justice": true, "Professor": true, "Prof.": true, "Sir": true, "Lord": true,
	"Lady": true, "Rev.": true, "Reverend": true, "Chancellor": true, "Chairman": true, "Secretary": true,
	"Mayor": true, "Emperor": true, "Empress": true, "Saint": true, "St.": true, "Chief": true,
}

// nameJoiners may sit inside a name between capitalised words
// ("University of Portsmouth", "Procter & Gamble", "Bailey - Ross").
var nameJoiners = map[string]bool{"of": true, "&": true, "de": true, "for": true, "the": true, "-": true, "von": true, "van": true, "der": true, "la": true, "le": true, "du": true, "da": true, "al": true}

// reEntity matches one opening "(id-type-…" (closed at once when ")"
// follows) or one closing "id)" of a GUM Entity annotation.
var reEntity = regexp.MustCompile(`\(([^()]+)(\))?|(\d+)\)`)

// gumToken is one word of a GUM sentence.
type gumToken struct {
	form, upos string
}

// gumMention is one entity mention: its type and token range [start, end).
type gumMention struct {
	typ        string
	start, end int
}

// ReadGUM reads a GUM CoNLL-U file (gzipped) and returns its documents of
// the CC BY / BY-SA genres as CoNLL-2003 style documents: the names of
// GUM's person, place and organisation mentions become PER, LOC and ORG
// (the proper-noun run that opens the mention, without titles such as
// "President"); other capitalised words get ner.TagNotName (they may be
// MISC, which GUM does not annotate), the proper nouns of mentions with
// no name get ner.TagUnknown, and lower-case words outside names O.
func ReadGUM(path string) ([]conll.Document, error) {
	zr, closeFile, err := openGzip(path)
	if err != nil {
		return nil, err
	}
	defer closeFile()
	docs, err := readGUM(zr)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	return docs, nil
}

func readGUM(r io.Reader) ([]conll.Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var docs []conll.Document
	var doc *conll.Document
	var toks []gumToken
	var ments []gumMention
	open := map[string]gumMention{}
	flush := func() {
		if doc != nil && len(toks) > 0 {
			doc.Sentences = append(doc.Sentences, gumSentence(toks, ments))
		}
		toks, ments = toks[:0], ments[:0]
		clear(open)
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# newdoc id = ") {
			flush()
			if doc != nil && len(doc.Sentences) > 0 {
				docs = append(docs, *doc)
			}
			doc = nil
			parts := strings.Split(strings.TrimPrefix(line, "# newdoc id = "), "_")
			if len(parts) > 1 && gumGenres[parts[1]] {
				doc = &conll.Document{}
			}
			continue
		}
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 {
			return nil, fmt.Errorf("line %q: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], ".-") {
			continue // multi-word token ranges and empty nodes
		}
		i := len(toks)
		toks = append(toks, gumToken{form: cols[1], upos: cols[3]})
		for _, kv := range strings.Split(cols[9], "|") {
			v, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			for _, m := range reEntity.FindAllStringSubmatch(v, -1) {
				if m[1] != "" {
					fields := strings.Split(m[1], "-")
					if len(fields) < 2 {
						continue
					}
					gm := gumMention{typ: fields[1], start: i, end: i + 1}
					if m[2] != "" {
						ments = append(ments, gm)
					} else {
						open[fields[0]] = gm
					}
					continue
				}
				if gm, ok := open[m[3]]; ok {
					gm.end = i + 1
					ments = append(ments, gm)
					delete(open, m[3])
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	if doc != nil && len(doc.Sentences) > 0 {
		docs = append(docs, *doc)
	}
	return docs, nil
}

// gumSentence tags one sentence's tokens from its mentions.
func gumSentence(toks []gumToken, ments []gumMention) conll.Sentence {
	s := make(conll.Sentence, len(toks))
	named := make([]bool, len(toks))
	for i, t := range toks {
		s[i].Text = t.form
		s[i].Tag = "O"
		if capitalised(t.form) {
			s[i].Tag = ner.TagNotName
		}
	}
	// Outer mentions first, so that "Durham University" stays one ORG
	// rather than giving way to the place "Durham" inside it.
	ms := append([]gumMention(nil), ments...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].end-ms[a].start > ms[b].end-ms[b].start })
	var unnamed []gumMention
	for _, m := range ms {
		typ, ok := gumTypes[m.typ]
		if !ok {
			continue
		}
		a, b := nameRun(toks, m, typ)
		if a == b {
			unnamed = append(unnamed, m)
			continue
		}
		free := true
		for k := a; k < b; k++ {
			free = free && !named[k]
		}
		if !free {
			continue
		}
		for k := a; k < b; k++ {
			named[k] = true
			s[k].Tag = "I-" + typ
		}
		s[a].Tag = "B-" + typ
	}
	// A mention with no name ("the former President") may still hold a
	// name GUM did not mark as its own mention: leave its proper nouns
	// open.
	for _, m := range unnamed {
		for k := m.start; k < m.end; k++ {
			if !named[k] && toks[k].upos == "PROPN" {
				s[k].Tag = ner.TagUnknown
			}
		}
	}
	return s
}

// nameRun returns the name that opens a mention: after leading
// determiners and lower-case modifiers (and, for people, titles), the run
// of capitalised words (joined by nameJoiners) that holds a proper noun;
// a == b when the mention does not open with one.
func nameRun(toks []gumToken, m gumMention, typ string) (a, b int) {
	a = m.start
	for a < m.end && (toks[a].upos == "DET" || !capitalised(toks[a].form) && (toks[a].upos == "ADJ" || toks[a].upos == "ADV" || toks[a].upos == "NUM")) {
		a++
	}
	if typ == "PER" {
		for a+1 < m.end && titles[toks[a].form] && capitalised(toks[a+1].form) {
			a++
		}
	}
	if a >= m.end || !capitalised(toks[a].form) {
		return m.start, m.start
	}
	b = a + 1
	for b < m.end {
		if capitalised(toks[b].form) {
			b++
		} else if nameJoiners[toks[b].form] && b+1 < m.end && capitalised(toks[b+1].form) {
			b += 2
		} else {
			break
		}
	}
	if typ == "PER" && titles[toks[a].form] {
		return m.start, m.start // a title alone ("the former President")
	}
	for k := a; k < b; k++ {
		if toks[k].upos == "PROPN" {
			return a, b
		}
	}
	return m.start, m.start
}

// capitalised reports whether a word starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// gumFirstNames returns the given names GUM's annotation shows: the first
// word of a person's name of two words or more ("Claire Bailey-Ross"). GUM
// is not CoNLL training data, so unlike names read off eng.train's labels,
// the list does not fire on every training person and teach the tagger to
// trust it blindly.
func gumFirstNames(docs []conll.Document) []string {
	seen := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for i := 0; i+1 < len(s); i++ {
				if s[i].Tag == "B-PER" && s[i+1].Tag == "I-PER" && name(s[i].Text) {
					seen[s[i].Text] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// name reports whether w looks like a given name: a capital and then
// lower-case letters, at least three in all.
func name(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i, r := range w {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
