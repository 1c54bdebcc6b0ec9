// Package timeml reads TimeML 1.2 documents (TimeBank, AQUAINT, TempEval-3)
// and scores date-expression taggers against their TIMEX3 annotations. It
// also reads the EVENT annotations with their instances' tense, aspect,
// polarity and modality, which graph/extract/event/trigger is trained and
// scored on.
//
// It exists so that the tagger in timeline/timex is measured on the standard
// corpora rather than on hand-picked examples: the reader turns a .tml file
// into the plain text a tagger sees plus gold spans into that text, and the
// scorer computes the TempEval-3 style figures (relaxed and strict span
// match, value accuracy).
package timeml

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dateline/timeline"
	"dateline/timeline/timex"
)

// Timex is one gold TIMEX3 annotation inside a document's TEXT.
type Timex struct {
	ID    string     // tid attribute ("t12")
	Span  timex.Span // byte offsets into Document.Text
	Text  string     // the annotated words, tags stripped and entities decoded
	Type  string     // DATE, TIME, DURATION or SET
	Value string     // the TIMEX3 value attribute as annotated
}

// Event is one gold EVENT annotation inside a document's TEXT, with the
// attributes of its first MAKEINSTANCE (or of the EVENT itself, as TimeML
// 1.1 wrote them).
type Event struct {
	ID       string     // eid attribute ("e12")
	Span     timex.Span // byte offsets into Document.Text
	Text     string     // the annotated words
	Class    string     // OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL or PERCEPTION
	Tense    string     // PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART or NONE; "" when not annotated
	Aspect   string     // PROGRESSIVE, PERFECTIVE, PERFECTIVE_PROGRESSIVE or NONE; "" when not annotated
	Polarity string     // POS or NEG; "" when not annotated
	Modality string     // the modal as annotated ("would", "CAN"), "" for none
	POS      string     // VERB, NOUN, ADJECTIVE, PREPOSITION, OTHER or UNKNOWN
}

// Document is one TimeML file reduced to what a date tagger is measured on.
type Document struct {
	Path     string        // file the document was read from, "" for a reader
	ID       string        // DOCID element, when present
	DCT      timeline.Date // document creation time, the tagger's anchor
	DCTValue string        // the creation-time TIMEX3 value as written
	Text     string        // content of <TEXT> with tags stripped and entities decoded
	Timexes  []Timex       // TIMEX3 annotations inside <TEXT>, in text order
	Events   []Event       // EVENT annotations inside <TEXT>, in text order
}

// ErrNoDCT is returned (wrapped) when a document has no TIMEX3 with
// functionInDocument="CREATION_TIME": without an anchor, relative
// expressions cannot be scored.
var ErrNoDCT = errors.New("timeml: no creation time")

// Parse reads one TimeML document. Text is the character data inside the
// TEXT element with every tag removed and every entity decoded; gold spans
// are byte offsets into that text, so nested tags (EVENT inside TIMEX3,
// SIGNAL, …) and entities such as &amp; are accounted for. When the
// creation time is missing or not a calendar value, Parse returns the
// document read so far together with the error (wrapping ErrNoDCT in the
// first case), so that a caller may still use its text.
func Parse(r io.Reader) (*Document, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	doc := &Document{}
	var (
		text    strings.Builder
		inText  bool
		inDocID bool
		stack   []openTimex // TIMEX3 elements currently open inside TEXT
		dctOpen bool        // inside the creation-time TIMEX3
		depth   int
		events  []openEvent // EVENT elements currently open inside TEXT
		inst    = map[string]map[string]string{}
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("timeml: parse: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DOCID":
				inDocID = true
			case "TIMEX3":
				a := attrs(t.Attr)
				if a["functionInDocument"] == "CREATION_TIME" {
					if doc.DCTValue == "" {
						doc.DCTValue = a["value"]
					}
					dctOpen = true
				}
				if inText && !dctOpen {
					stack = append(stack, openTimex{start: text.Len(), id: a["tid"], typ: a["type"], value: a["value"]})
				}
			case "EVENT":
				if inText {
					events = append(events, openEvent{start: text.Len(), attrs: attrs(t.Attr)})
				}
			case "MAKEINSTANCE":
				a := attrs(t.Attr)
				if id := a["eventID"]; id != "" && inst[id] == nil {
					inst[id] = a
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DOCID":
				inDocID = false
			case "TIMEX3":
				if dctOpen {
					dctOpen = false
					continue
				}
				if inText && len(stack) > 0 {
					o := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					doc.Timexes = append(doc.Timexes, Timex{
						ID:    o.id,
						Span:  timex.Span{Start: o.start, End: text.Len()},
						Type:  o.typ,
						Value: o.value,
					})
				}
			case "EVENT":
				if inText && len(events) > 0 {
					o := events[len(events)-1]
					events = events[:len(events)-1]
					doc.Events = append(doc.Events, newEvent(o, text.Len()))
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			} else if inDocID {
				doc.ID += strings.TrimSpace(string(t))
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("timeml: parse: %d unclosed elements", depth)
	}
	doc.Text = text.String()
	for i := range doc.Timexes {
		doc.Timexes[i].Text = doc.Timexes[i].Span.Of(doc.Text)
	}
	sort.SliceStable(doc.Timexes, func(i, j int) bool { return doc.Timexes[i].Span.Start < doc.Timexes[j].Span.Start })
	for i := range doc.Events {
		e := &doc.Events[i]
		e.Text = e.Span.Of(doc.Text)
		if a := inst[e.ID]; a != nil {
			e.setInstance(a)
		}
	}
	sort.SliceStable(doc.Events, func(i, j int) bool { return doc.Events[i].Span.Start < doc.Events[j].Span.Start })
	if doc.DCTValue == "" {
		return doc, ErrNoDCT
	}
	d, err := ParseValue(doc.DCTValue)
	if err != nil {
		return doc, fmt.Errorf("timeml: creation time: %w", err)
	}
	doc.DCT = d
	return doc, nil
}

type openTimex struct {
	start          int
	id, typ, value string
}

type openEvent struct {
	start int
	attrs map[string]string
}

// newEvent closes an EVENT element that ends at byte end of the text.
func newEvent(o openEvent, end int) Event {
	e := Event{ID: o.attrs["eid"], Span: timex.Span{Start: o.start, End: end}, Class: o.attrs["class"]}
	e.setInstance(o.attrs) // TimeML 1.1 put the instance's attributes on EVENT
	return e
}

// setInstance copies the attributes of an event instance that a holds.
func (e *Event) setInstance(a map[string]string) {
	for _, f := range []struct {
		key string
		dst *string
	}{{"tense", &e.Tense}, {"aspect", &e.Aspect}, {"polarity", &e.Polarity}, {"modality", &e.Modality}, {"pos", &e.POS}} {
		if v, ok := a[f.key]; ok {
			*f.dst = v
		}
	}
}

func attrs(as []xml.Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name.Local] = a.Value
	}
	return m
}

// ParseValue turns a calendar TIMEX3 value ("1998-01-08", "1998-02-19T08:02:00",
// "1998-02", "1998", "1998-W05", "1998-Q3", "199") into a Date with the
// precision the value is written to. Times without a zone are taken as UTC.
// Values that are not calendar points (PRESENT_REF, P3Y, XXXX-…) are errors.
func ParseValue(v string) (timeline.Date, error) {
	layouts := []struct {
		layout string
		p      timeline.Precision
	}{
		{"2006-01-02T15:04:05Z07:00", timeline.Second},
		{"2006-01-02T15:04:05", timeline.Second},
		{"2006-01-02T15:04", timeline.Minute},
		{"2006-01-02T15", timeline.Hour},
		{"2006-01-02", timeline.Day},
		{"20060102", timeline.Day},
		{"2006-01", timeline.Month},
		{"2006", timeline.Year},
	}
	for _, l := range layouts {
		if len(v) < 4 {
			break
		}
		if t, err := time.Parse(l.layout, v); err == nil {
			return timeline.At(t, l.p), nil
		}
	}
	var y, n int
	if _, err := fmt.Sscanf(v, "%4d-W%d", &y, &n); err == nil && len(v) >= 7 && n >= 1 && n <= 53 {
		// ISO week n starts on the Monday of the week holding January 4.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := timeline.At(jan4, timeline.Week).Start
		return timeline.At(mon.AddDate(0, 0, 7*(n-1)), timeline.Week), nil
	}
	if _, err := fmt.Sscanf(v, "%4d-Q%d", &y, &n); err == nil && n >= 1 && n <= 4 {
		return timeline.At(time.Date(y, time.Month(3*n-2), 1, 0, 0, 0, 0, time.UTC), timeline.Quarter), nil
	}
	if len(v) == 3 && isDigits(v) {
		var d int
		fmt.Sscanf(v, "%d", &d)
		return timeline.At(time.Date(d*10, 1, 1, 0, 0, 0, 0, time.UTC), timeline.Decade), nil
	}
	return timeline.Date{}, fmt.Errorf("timeml: %q is not a calendar value", v)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ReadDir reads every .tml file under dir, recursively, in lexical path
// order. A file that fails to parse stops the walk with an error naming it.
func ReadDir(ctx context.Context, dir string) ([]*Document, error) {
	var docs []*Document
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), ".tml") || strings.HasPrefix(d.Name(), "._") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := Parse(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		doc.Path = path
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timeml: read %s: %w", dir, err)
	}
	return docs, nil
}
