// Package meantime reads the NewsReader MEANTIME corpus (English,
// intra- and cross-document annotation) in its CAT XML form: tokens with
// their sentence numbers, entity mentions anchored to tokens, the ENTITY
// instances they refer to (REFERS_TO), with the corpus-wide instance_id
// that identifies an entity across documents, and the document creation
// time (the TIMEX3 whose functionInDocument is CREATION_TIME, or the date
// in the dateline when none is marked so).
//
// The corpus gives tokens but not the text they came from, so Read
// rebuilds it: the title (sentence 0) and the dateline (sentence 1) as
// paragraphs of their own, the other sentences joined by spaces, tokens
// separated by a space except around punctuation ("Boeing 's" is written
// "Boeing's", "Wal - Mart" "Wal-Mart"). Every token keeps its byte span in
// that text, so mentions can be compared with a system's by span. See
// ../shared/corpora/SOURCES.md §5 for the corpus and its licence (CC BY
// 4.0).
package meantime

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/timeline"
)

// Token is one token of a document.
type Token struct {
	ID       int    // t_id, unique within the document
	Sentence int    // 0 is the title, 1 the dateline
	Number   int    // position in the document, from 0
	Text     string // as written in Document.Text (`` and '' become “ and ”)
	Span     graph.Span
}

// EntityMention is one ENTITY_MENTION markable.
type EntityMention struct {
	ID            string // m_id
	SyntacticType string // NAM, NOM, PRO, APP, CONJ, PRE.NAM, …; "" when the annotation gives none
	Tokens        []int  // indexes into Document.Tokens, in text order
}

// Entity is one ENTITY markable: an entity instance, or (without
// InstanceID) an entity known to this document only.
type Entity struct {
	ID          string // m_id
	InstanceID  string // corpus-wide identifier; "" for a document-level entity
	Type        string // ent_type: PER, ORG, LOC, PRO, FIN
	ExternalRef string // DBpedia URI, when given
	Descriptor  string // TAG_DESCRIPTOR: the annotator's name for it
}

// Document is one MEANTIME article.
type Document struct {
	ID        string // doc_id
	Name      string // doc_name
	URL       string
	Subcorpus string // the folder it was read from, without "corpus_" ("airbus")
	Title     string // sentence 0
	Text      string // rebuilt text, see the package doc
	Created   timeline.Date
	Tokens    []Token
	Mentions  []EntityMention
	Entities  map[string]*Entity // by m_id
	// RefersTo maps a mention's m_id to the m_id of the entity it refers
	// to (the first REFERS_TO that names it).
	RefersTo map[string]string
}

type xmlDoc struct {
	DocID     string     `xml:"doc_id,attr"`
	DocName   string     `xml:"doc_name,attr"`
	URL       string     `xml:"url,attr"`
	Tokens    []xmlToken `xml:"token"`
	Markables struct {
		Mentions []xmlMention `xml:"ENTITY_MENTION"`
		Entities []xmlEntity  `xml:"ENTITY"`
		Timexes  []xmlTimex   `xml:"TIMEX3"`
	} `xml:"Markables"`
	Relations struct {
		RefersTo []xmlRefersTo `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

type xmlToken struct {
	ID       int    `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Number   int    `xml:"number,attr"`
	Text     string `xml:",chardata"`
}

type xmlAnchor struct {
	T int `xml:"t_id,attr"`
}

type xmlMention struct {
	ID      string      `xml:"m_id,attr"`
	Syn     string      `xml:"syntactic_type,attr"`
	Anchors []xmlAnchor `xml:"token_anchor"`
}

type xmlEntity struct {
	ID         string `xml:"m_id,attr"`
	InstanceID string `xml:"instance_id,attr"`
	Type       string `xml:"ent_type,attr"`
	External   string `xml:"external_ref,attr"`
	Descriptor string `xml:"TAG_DESCRIPTOR,attr"`
}

type xmlTimex struct {
	Function string      `xml:"functionInDocument,attr"`
	Value    string      `xml:"value,attr"`
	Anchors  []xmlAnchor `xml:"token_anchor"`
}

type xmlRefersTo struct {
	Sources []xmlMID `xml:"source"`
	Targets []xmlMID `xml:"target"`
}

type xmlMID struct {
	ID string `xml:"m_id,attr"`
}

// Read parses one CAT XML document.
func Read(r io.Reader) (*Document, error) {
	var x xmlDoc
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("meantime: parse: %w", err)
	}
	if len(x.Tokens) == 0 {
		return nil, fmt.Errorf("meantime: document %q has no tokens", x.DocID)
	}
	d := &Document{ID: x.DocID, Name: x.DocName, URL: x.URL, Entities: map[string]*Entity{}, RefersTo: map[string]string{}}
	sort.SliceStable(x.Tokens, func(i, j int) bool { return x.Tokens[i].Number < x.Tokens[j].Number })
	byTID := make(map[int]int, len(x.Tokens))
	for i, t := range x.Tokens {
		if _, dup := byTID[t.ID]; dup {
			return nil, fmt.Errorf("meantime: document %s: token t_id %d twice", x.DocID, t.ID)
		}
		byTID[t.ID] = i
		d.Tokens = append(d.Tokens, Token{ID: t.ID, Sentence: t.Sentence, Number: t.Number, Text: strings.TrimSpace(t.Text)})
	}
	// The creation time is the TIMEX3 marked CREATION_TIME; a few
	// documents mark none, and then the date of the dateline (sentence 1)
	// stands in for it.
	dateSentence := -1
	for pass := 0; pass < 2 && d.Created.IsZero(); pass++ {
		for _, tx := range x.Markables.Timexes {
			inDateline := len(tx.Anchors) > 0
			for _, a := range tx.Anchors {
				if i, ok := byTID[a.T]; !ok || d.Tokens[i].Sentence != 1 {
					inDateline = false
				}
			}
			if (pass == 0 && tx.Function != "CREATION_TIME") || (pass == 1 && !inDateline) {
				continue
			}
			dt, err := timeline.Parse(tx.Value)
			if err != nil {
				continue
			}
			d.Created = dt
			for _, a := range tx.Anchors {
				if i, ok := byTID[a.T]; ok {
					dateSentence = d.Tokens[i].Sentence
				}
			}
			break
		}
	}
	d.Text = layout(d.Tokens, dateSentence)
	for _, t := range d.Tokens {
		if t.Sentence == 0 {
			d.Title = d.Text[d.Tokens[0].Span.Start:t.Span.End]
		}
	}
	for _, m := range x.Markables.Mentions {
		em := EntityMention{ID: m.ID, SyntacticType: m.Syn}
		for _, a := range m.Anchors {
			i, ok := byTID[a.T]
			if !ok {
				return nil, fmt.Errorf("meantime: document %s: mention %s anchors unknown token %d", x.DocID, m.ID, a.T)
			}
			em.Tokens = append(em.Tokens, i)
		}
		if len(em.Tokens) == 0 {
			continue
		}
		sort.Ints(em.Tokens)
		d.Mentions = append(d.Mentions, em)
	}
	for _, e := range x.Markables.Entities {
		d.Entities[e.ID] = &Entity{ID: e.ID, InstanceID: e.InstanceID, Type: e.Type, ExternalRef: e.External, Descriptor: e.Descriptor}
	}
	for _, r := range x.Relations.RefersTo {
		var target string
		for _, t := range r.Targets {
			if _, ok := d.Entities[t.ID]; ok {
				target = t.ID
				break
			}
		}
		if target == "" {
			continue // an event's REFERS_TO
		}
		for _, s := range r.Sources {
			if _, ok := d.RefersTo[s.ID]; !ok {
				d.RefersTo[s.ID] = target
			}
		}
	}
	return d, nil
}

// ReadFile reads one document from a file.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("meantime: %w", err)
	}
	defer f.Close()
	d, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return d, nil
}

// ReadDir reads every .xml document of a MEANTIME directory: the
// corpus_* folders inside dir when there are any (the shared layout:
// corpus_airbus, corpus_apple, corpus_stock), else the files in dir
// itself. Documents come sorted by subcorpus and file name.
func ReadDir(ctx context.Context, dir string) ([]*Document, error) {
	subs, err := filepath.Glob(filepath.Join(dir, "corpus_*"))
	if err != nil {
		return nil, fmt.Errorf("meantime: %w", err)
	}
	if len(subs) == 0 {
		subs = []string{dir}
	}
	sort.Strings(subs)
	var docs []*Document
	for _, sub := range subs {
		files, err := filepath.Glob(filepath.Join(sub, "*.xml"))
		if err != nil {
			return nil, fmt.Errorf("meantime: %w", err)
		}
		sort.Strings(files)
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d, err := ReadFile(f)
			if err != nil {
				return nil, err
			}
			d.Subcorpus = strings.TrimPrefix(filepath.Base(sub), "corpus_")
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("meantime: no .xml documents in %s", dir)
	}
	return docs, nil
}

// layout writes the tokens out as text and fills in their spans: see
// the package doc.
func layout(toks []Token, dateSentence int) string {
	var b strings.Builder
	openQuote := false
	for i := range toks {
		t := &toks[i]
		switch t.Text {
		case "``":
			t.Text = "“"
		case "''":
			t.Text = "”"
		}
		if i > 0 {
			prev := toks[i-1]
			switch {
			case prev.Sentence != t.Sentence && (prev.Sentence == 0 || prev.Sentence == dateSentence):
				b.WriteString("\n\n")
			case prev.Sentence != t.Sentence:
				b.WriteByte(' ')
			case spaceBetween(prev.Text, t.Text, openQuote, i+1 < len(toks) && wordy(toks[i+1].Text)):
				b.WriteByte(' ')
			}
		}
		if t.Text == `"` {
			openQuote = !openQuote
		}
		t.Span = graph.Span{Start: b.Len(), End: b.Len() + len(t.Text)}
		b.WriteString(t.Text)
	}
	return b.String()
}

// spaceBetween says whether a space separates two tokens of a sentence.
// inQuote is true when a straight double quote is open before next;
// nextWordy says whether the token after next is a word.
func spaceBetween(prev, next string, inQuote, nextWordy bool) bool {
	switch next {
	case ",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "'s", "'", "’", "n't", "'re", "'ve", "'ll", "'d", "'m", "”", "...":
		return false
	case `"`:
		return !inQuote // a closing quote sticks to the word before
	case "-":
		return !(wordy(prev) && nextWordy) // "Wal - Mart" was "Wal-Mart"
	}
	switch prev {
	case "(", "[", "{", "$", "US$", "#", "£", "€", "¥", "“", "`":
		return false
	case `"`:
		return !inQuote // an opening quote sticks to the word after
	case "-":
		return !wordy(next)
	}
	return true
}

// wordy reports whether a token ends and starts with a letter or digit.
func wordy(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && (unicode.IsLetter(l) || unicode.IsDigit(l))
}
