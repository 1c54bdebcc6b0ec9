// Package conll reads CoNLL-2003 column files and scores entity tags the way
// the shared task's conlleval script does, so that Dateline's tagger is
// measured with the same arithmetic as the published results.
//
// A file holds lines "token POS chunk NER" (only the first and last columns
// are required), a blank line between sentences and a "-DOCSTART-" line
// between documents. Tags may be IOB1 (I- except where two entities of one
// type touch) or IOB2 (every entity starts with B-); Read normalises both
// to IOB2.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"dateline/graph"
)

// Token is one annotated token.
type Token struct {
	Text string
	POS  string // part of speech, "" when the file has fewer than three columns
	Tag  string // IOB2 entity tag: "O", "B-PER", "I-PER", …
}

// Sentence is one sentence's tokens.
type Sentence []Token

// Document is one -DOCSTART- delimited document.
type Document struct {
	Sentences []Sentence
}

// Tokens returns the number of tokens in the document.
func (d Document) Tokens() int {
	n := 0
	for _, s := range d.Sentences {
		n += len(s)
	}
	return n
}

// Read parses a CoNLL column file. A file without any -DOCSTART- line is one
// document. Tags are converted to IOB2.
func Read(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur Document
	var sent Sentence
	started := false
	flushSent := func() {
		if len(sent) > 0 {
			toIOB2(sent)
			cur.Sentences = append(cur.Sentences, sent)
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flushSent()
			continue
		case fields[0] == "-DOCSTART-":
			if started || len(cur.Sentences) > 0 || len(sent) > 0 {
				flushDoc()
			}
			started = true
			continue
		case len(fields) < 2:
			return nil, fmt.Errorf("conll: line %d: want at least a token and a tag, got %q", line, sc.Text())
		}
		tag := fields[len(fields)-1]
		if err := checkTag(tag); err != nil {
			return nil, fmt.Errorf("conll: line %d: %w", line, err)
		}
		tok := Token{Text: fields[0], Tag: tag}
		if len(fields) >= 3 {
			tok.POS = fields[1]
		}
		sent = append(sent, tok)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: read line %d: %w", line+1, err)
	}
	flushDoc()
	return docs, nil
}

func checkTag(tag string) error {
	if tag == "O" {
		return nil
	}
	if len(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' {
		return fmt.Errorf("bad tag %q (want O, B-TYPE or I-TYPE)", tag)
	}
	return nil
}

// toIOB2 rewrites an I- tag that starts an entity as B-.
func toIOB2(s Sentence) {
	prev := "O"
	for i := range s {
		t := s[i].Tag
		if t[0] == 'I' && (prev == "O" || prev[2:] != t[2:]) {
			s[i].Tag = "B" + t[1:]
		}
		prev = s[i].Tag
	}
}

// Chunk is one entity: its type and the token range [Start, End) within a
// sentence.
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks returns the entities in a sentence's tags with conlleval's rules,
// which accept IOB1 and IOB2 alike: an entity starts at B-X, or at I-X after
// O or after another type, and runs while I-X continues it.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	cur := -1
	typ := ""
	for i, t := range tags {
		tt, ttype := split(t)
		if cur >= 0 && (tt != 'I' || ttype != typ) {
			out = append(out, Chunk{Type: typ, Start: cur, End: i})
			cur = -1
		}
		if tt == 'B' || (tt == 'I' && cur < 0) {
			cur, typ = i, ttype
		}
	}
	if cur >= 0 {
		out = append(out, Chunk{Type: typ, Start: cur, End: len(tags)})
	}
	return out
}

func split(tag string) (byte, string) {
	if len(tag) < 3 || tag[1] != '-' {
		return 'O', ""
	}
	return tag[0], tag[2:]
}

// Metrics is precision, recall and F1 for one type or an average, with the
// number of gold entities (support) and the raw counts behind them.
type Metrics struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
	TP        int     `json:"-"`
	FP        int     `json:"-"`
	FN        int     `json:"-"`
}

func metrics(tp, fp, fn int) Metrics {
	m := Metrics{TP: tp, FP: fp, FN: fn, Support: tp + fn}
	if tp+fp > 0 {
		m.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		m.Recall = float64(tp) / float64(tp+fn)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m
}

// Scorer accumulates entity-level exact-match counts over sentences. The
// zero value is ready to use.
type Scorer struct {
	tp, fp, fn map[string]int
}

// Add scores one sentence's predicted tags against its gold tags. The two
// slices must have the same length; Add panics otherwise, since that is a
// programming error in the caller's alignment.
func (s *Scorer) Add(gold, pred []string) {
	if len(gold) != len(pred) {
		panic(fmt.Sprintf("conll: Scorer.Add: %d gold tags but %d predicted", len(gold), len(pred)))
	}
	if s.tp == nil {
		s.tp, s.fp, s.fn = map[string]int{}, map[string]int{}, map[string]int{}
	}
	g, p := Chunks(gold), Chunks(pred)
	inGold := make(map[Chunk]bool, len(g))
	for _, c := range g {
		inGold[c] = true
	}
	for _, c := range p {
		if inGold[c] {
			s.tp[c.Type]++
			delete(inGold, c)
		} else {
			s.fp[c.Type]++
		}
	}
	for c := range inGold {
		s.fn[c.Type]++
	}
}

// Type returns the metrics of one entity type ("PER", "LOC", …).
func (s *Scorer) Type(typ string) Metrics {
	return metrics(s.tp[typ], s.fp[typ], s.fn[typ])
}

// Types returns the entity types seen in gold or predictions.
func (s *Scorer) Types() []string {
	seen := map[string]bool{}
	for _, m := range []map[string]int{s.tp, s.fp, s.fn} {
		for k := range m {
			seen[k] = true
		}
	}
	var out []string
	for _, t := range []string{"PER", "LOC", "ORG", "MISC"} {
		if seen[t] {
			out = append(out, t)
			delete(seen, t)
		}
	}
	for t := range seen {
		out = append(out, t)
	}
	return out
}

// Micro returns micro-averaged metrics over the given types: counts are
// summed before precision and recall are computed, as conlleval does for
// its overall line.
func (s *Scorer) Micro(types ...string) Metrics {
	var tp, fp, fn int
	for _, t := range types {
		tp += s.tp[t]
		fp += s.fp[t]
		fn += s.fn[t]
	}
	return metrics(tp, fp, fn)
}

// Text rebuilds the document's text the way the evaluation feeds it to a
// tagger: tokens joined by single spaces, sentences by newlines. It returns
// the text and each token's byte span in it, sentence by sentence.
func (d Document) Text() (string, [][]graph.Span) {
	var b strings.Builder
	spans := make([][]graph.Span, len(d.Sentences))
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		spans[si] = make([]graph.Span, len(s))
		for i, t := range s {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(t.Text)
			spans[si][i] = graph.Span{Start: start, End: b.Len()}
		}
	}
	return b.String(), spans
}
