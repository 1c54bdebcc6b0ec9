// Package gum reads the GUM corpus (Georgetown University Multilayer
// corpus) in its CoNLL-U form: documents ("# newdoc id"), their metadata
// ("# meta::dateCreated", "# meta::title", "# meta::sourceURL"), tokens
// with their part of speech and dependency head, and the CorefUD entity
// annotation in the MISC column ("Entity=(4-person-new-…-coref-Barack_Obama"
// … "4)"), whose last field is the entity's Wikipedia identity: the same
// identity in two documents is one entity.
//
// The text of each document is rebuilt exactly from the tokens and their
// SpaceAfter=No marks, a new paragraph ("# newpar") starting after a
// blank line, so every token and mention has its byte span in it. See
// ../shared/corpora/SOURCES.md §2 for the corpus, its splits and licences
// (annotations CC BY 4.0; text licences vary by genre).
package gum

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"dateline/graph"
	"dateline/timeline"
)

// Token is one syntactic word of a document.
type Token struct {
	Form  string
	UPOS  string // universal part of speech: PROPN, NOUN, PRON, …
	XPOS  string // Penn tag: NNP, NN, PRP, …
	Head  int    // index into Document.Tokens of the syntactic head; -1 for the root
	Span  graph.Span
	Sent  int // index of the sentence in the document
	Space bool
}

// Mention is one entity mention: a bracketed span of the Entity
// annotation.
type Mention struct {
	Entity   string // the entity's number within the document (GRP)
	Type     string // etype: person, place, organization, abstract, …
	InfStat  string // information status: new, giv:act, acc:com, …
	MinSpan  []int  // the minimal span, as the corpus gives it (token numbers within the mention, from 1)
	Link     string // coref, sgl (singleton), ana, appos, pred, …
	Identity string // Wikipedia title ("Barack_Obama"), "" for an entity without one
	Start    int    // first token, index into Document.Tokens
	End      int    // one past the last token
}

// Document is one GUM document.
type Document struct {
	ID       string
	Genre    string // the second field of the ID: "news" in GUM_news_iodine
	Title    string
	URL      string
	Created  timeline.Date
	Text     string
	Tokens   []Token
	Mentions []Mention // in the order their brackets open
}

// ReadFile reads the documents of a CoNLL-U file, gzipped when its name
// ends in .gz.
func ReadFile(ctx context.Context, path string) ([]*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gum: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("gum: %s: %w", path, err)
		}
		defer z.Close()
		r = z
	}
	docs, err := Read(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return docs, nil
}

// reader holds the state of one Read.
type reader struct {
	docs   []*Document
	doc    *Document
	text   strings.Builder
	fields []string // the field names of the Entity annotation (global.Entity)
	open   map[string][]int
	sent   []int // Head column of the current sentence, 1-based, by token
	first  int   // index of the current sentence's first token
	newPar bool
	nSent  int
}

// Read parses CoNLL-U text into documents.
func Read(ctx context.Context, r io.Reader) ([]*Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	rd := &reader{fields: strings.Split("GRP-etype-infstat-salience-centering-minspan-link-identity", "-")}
	line := 0
	var mwt *mwtRange
	for sc.Scan() {
		line++
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		l := sc.Text()
		if err := rd.line(l, &mwt); err != nil {
			return nil, fmt.Errorf("gum: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gum: %w", err)
	}
	if err := rd.endDoc(); err != nil {
		return nil, fmt.Errorf("gum: at end: %w", err)
	}
	if len(rd.docs) == 0 {
		return nil, fmt.Errorf("gum: no documents")
	}
	return rd.docs, nil
}

// mwtRange is a multiword token line ("15-16 participants’") whose words
// follow it.
type mwtRange struct {
	from, to int
	form     string
	space    bool
	at       int // bytes of form already given to its words
	start    int // offset of form in the text
}

func (rd *reader) line(l string, mwt **mwtRange) error {
	switch {
	case strings.HasPrefix(l, "# newdoc id"):
		if err := rd.endDoc(); err != nil {
			return err
		}
		id := strings.TrimSpace(value(l))
		rd.doc = &Document{ID: id}
		if parts := strings.Split(id, "_"); len(parts) > 2 {
			rd.doc.Genre = parts[1]
		}
		rd.open = map[string][]int{}
		rd.text.Reset()
		rd.nSent = 0
		return nil
	case strings.HasPrefix(l, "# global.Entity"):
		rd.fields = strings.Split(strings.TrimSpace(value(l)), "-")
		return nil
	case strings.HasPrefix(l, "#"):
		if rd.doc == nil {
			return nil
		}
		switch {
		case strings.HasPrefix(l, "# newpar"):
			rd.newPar = true
		case strings.HasPrefix(l, "# meta::dateCreated"):
			if d, err := timeline.Parse(strings.TrimSpace(value(l))); err == nil {
				rd.doc.Created = d
			}
		case strings.HasPrefix(l, "# meta::title"):
			rd.doc.Title = strings.TrimSpace(value(l))
		case strings.HasPrefix(l, "# meta::sourceURL"):
			rd.doc.URL = strings.TrimSpace(value(l))
		}
		return nil
	case strings.TrimSpace(l) == "":
		return rd.endSentence()
	}
	if rd.doc == nil {
		return fmt.Errorf("token before any # newdoc id")
	}
	cols := strings.Split(l, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("want 10 tab-separated columns, got %d", len(cols))
	}
	id := cols[0]
	if strings.Contains(id, ".") {
		return nil // an empty node: no text
	}
	space := !strings.Contains("|"+cols[9]+"|", "|SpaceAfter=No|")
	if a, b, ok := strings.Cut(id, "-"); ok {
		from, err1 := strconv.Atoi(a)
		to, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || to < from {
			return fmt.Errorf("bad multiword token range %q", id)
		}
		rd.separate()
		*mwt = &mwtRange{from: from, to: to, form: cols[1], space: space, start: rd.text.Len()}
		rd.text.WriteString(cols[1])
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(rd.sent)+1 {
		return fmt.Errorf("token number %q out of sequence", id)
	}
	head, err := strconv.Atoi(cols[6])
	if err != nil {
		return fmt.Errorf("token %s: bad head %q", id, cols[6])
	}
	tok := Token{Form: cols[1], UPOS: cols[3], XPOS: cols[4], Sent: rd.nSent, Space: space}
	if m := *mwt; m != nil && n >= m.from && n <= m.to {
		// A word of a multiword token: its span is its part of the form
		// when the words spell the form, else the whole form.
		if strings.HasPrefix(m.form[m.at:], tok.Form) {
			tok.Span = graph.Span{Start: m.start + m.at, End: m.start + m.at + len(tok.Form)}
			m.at += len(tok.Form)
		} else {
			tok.Span = graph.Span{Start: m.start, End: m.start + len(m.form)}
		}
		if n == m.to {
			rd.doc.Tokens = append(rd.doc.Tokens, tok)
			rd.lastSpace(m.space)
			*mwt = nil
		} else {
			tok.Space = false
			rd.doc.Tokens = append(rd.doc.Tokens, tok)
		}
	} else {
		rd.separate()
		tok.Span = graph.Span{Start: rd.text.Len(), End: rd.text.Len() + len(tok.Form)}
		rd.text.WriteString(tok.Form)
		rd.doc.Tokens = append(rd.doc.Tokens, tok)
	}
	rd.sent = append(rd.sent, head)
	return rd.entities(cols[9])
}

// separate writes what comes between the previous token and the next:
// nothing after SpaceAfter=No, a blank line at a new paragraph, else a
// space.
func (rd *reader) separate() {
	toks := rd.doc.Tokens
	switch {
	case rd.text.Len() == 0:
	case rd.newPar:
		rd.text.WriteString("\n\n")
	case len(toks) > 0 && toks[len(toks)-1].Space:
		rd.text.WriteByte(' ')
	}
	rd.newPar = false
}

func (rd *reader) lastSpace(space bool) {
	rd.doc.Tokens[len(rd.doc.Tokens)-1].Space = space
}

// entities reads the Entity= part of a MISC column for the token just
// added.
func (rd *reader) entities(misc string) error {
	var ann string
	for _, kv := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(kv, "Entity="); ok {
			ann = v
		}
	}
	tok := len(rd.doc.Tokens) - 1
	for i := 0; i < len(ann); {
		if ann[i] == '(' {
			j := i + 1
			for j < len(ann) && ann[j] != '(' && ann[j] != ')' {
				j++
			}
			m, err := rd.mention(ann[i+1 : j])
			if err != nil {
				return err
			}
			m.Start, m.End = tok, -1
			rd.doc.Mentions = append(rd.doc.Mentions, m)
			k := len(rd.doc.Mentions) - 1
			if j < len(ann) && ann[j] == ')' {
				rd.doc.Mentions[k].End = tok + 1 // opens and closes on this token
				j++
			} else {
				rd.open[m.Entity] = append(rd.open[m.Entity], k)
			}
			i = j
			continue
		}
		j := strings.IndexByte(ann[i:], ')')
		if j < 0 {
			return fmt.Errorf("unterminated entity annotation %q", ann)
		}
		id := ann[i : i+j]
		stack := rd.open[id]
		if len(stack) == 0 {
			return fmt.Errorf("entity %s closes without opening", id)
		}
		rd.doc.Mentions[stack[len(stack)-1]].End = tok + 1
		rd.open[id] = stack[:len(stack)-1]
		i += j + 1
	}
	return nil
}

// mention parses the attributes of an opening bracket by the field
// names of global.Entity. The identity, the last field, may itself hold
// hyphens.
func (rd *reader) mention(attrs string) (Mention, error) {
	parts := strings.SplitN(attrs, "-", len(rd.fields))
	if parts[0] == "" {
		return Mention{}, fmt.Errorf("entity without a number in %q", attrs)
	}
	m := Mention{}
	for i, p := range parts {
		switch rd.fields[i] {
		case "GRP", "eid":
			m.Entity = p
		case "etype":
			m.Type = p
		case "infstat":
			m.InfStat = p
		case "minspan":
			for _, s := range strings.Split(p, ",") {
				if n, err := strconv.Atoi(s); err == nil {
					m.MinSpan = append(m.MinSpan, n)
				}
			}
		case "link":
			m.Link = p
		case "identity":
			m.Identity = p
		}
	}
	return m, nil
}

// endSentence turns the sentence's 1-based heads into token indexes.
func (rd *reader) endSentence() error {
	if rd.doc == nil || len(rd.sent) == 0 {
		return nil
	}
	for i, h := range rd.sent {
		t := &rd.doc.Tokens[rd.first+i]
		switch {
		case h == 0:
			t.Head = -1
		case h > len(rd.sent):
			return fmt.Errorf("token %d: head %d outside its sentence", i+1, h)
		default:
			t.Head = rd.first + h - 1
		}
	}
	rd.sent = rd.sent[:0]
	rd.first = len(rd.doc.Tokens)
	rd.nSent++
	return nil
}

// endDoc finishes the current document, if any.
func (rd *reader) endDoc() error {
	if rd.doc == nil {
		return nil
	}
	if err := rd.endSentence(); err != nil {
		return err
	}
	for id, stack := range rd.open {
		if len(stack) > 0 {
			return fmt.Errorf("document %s: entity %s never closes", rd.doc.ID, id)
		}
	}
	rd.doc.Text = rd.text.String()
	rd.docs = append(rd.docs, rd.doc)
	rd.doc = nil
	rd.first = 0
	return nil
}

// value returns what follows the first "=" of a comment line.
func value(l string) string {
	_, v, _ := strings.Cut(l, "=")
	return v
}
