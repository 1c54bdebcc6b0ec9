// Package polnear reads the PolNeAR corpus of attribution relations
// (Newell, Margolin & Ruths 2018, github.com/networkdynamics/PolNeAR) and
// scores quote predictions against it, the way "dateline eval quotes"
// reports them.
//
// The layout is DIR/text/NAME.txt (UTF-8) and
// DIR/attributions/NAME_ANNOTATOR.ann (BRAT standoff). The standoff
// offsets count Unicode code points; Read converts them to byte offsets so
// that gold and predictions share graph.Span, and Score measures overlaps
// in code points again, as the corpus does.
package polnear

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/quote"
)

// Attribution is one gold attribution relation: who (Source) attributes
// what (Content) through which words (Cue). Spans are byte offsets into
// the document's text; an annotation may be discontinuous, hence slices.
type Attribution struct {
	Source  []graph.Span
	Cue     []graph.Span
	Content []graph.Span
	CueText string
	// Speech is true when the cue is a speech cue: it contains a word of
	// the SFU reporting-verb list, or "according to", or is a colon.
	Speech bool
	// Direct is true when the content opens with a quotation mark.
	Direct bool
}

// Document is one article with the attributions of one annotator.
type Document struct {
	Name         string
	Annotator    string
	Text         string
	Attributions []Attribution
}

// ReadDir reads every article of a PolNeAR directory. An article annotated
// by several annotators is read once, with the first annotation file in
// name order. Documents come in name order.
func ReadDir(ctx context.Context, dir string) ([]Document, error) {
	files, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("polnear: list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("polnear: no attributions/*.ann under %s", dir)
	}
	sort.Strings(files)
	var docs []Document
	seen := map[string]bool{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		base := strings.TrimSuffix(filepath.Base(f), ".ann")
		cut := strings.LastIndexByte(base, '_')
		if cut <= 0 {
			return nil, fmt.Errorf("polnear: %s: want NAME_ANNOTATOR.ann", f)
		}
		name, annotator := base[:cut], base[cut+1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, fmt.Errorf("polnear: text of %s: %w", f, err)
		}
		ann, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		attrs, err := Parse(string(text), ann)
		ann.Close()
		if err != nil {
			return nil, fmt.Errorf("polnear: %s: %w", f, err)
		}
		docs = append(docs, Document{Name: name, Annotator: annotator, Text: string(text), Attributions: attrs})
	}
	return docs, nil
}

// textBound is one T line of a BRAT file.
type textBound struct {
	typ   string
	spans []graph.Span
}

// Parse reads the BRAT standoff of text: T lines (Source, Cue, Content and
// the Attribution triggers) tied into relations by E lines. Lines of other
// kinds, and continuation lines of annotation texts that contain line
// breaks, are skipped. Attributions without content are dropped, since
// no prediction could match them.
func Parse(text string, r io.Reader) ([]Attribution, error) {
	offs := codePoints(text)
	tbs := map[string]textBound{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		fields := strings.SplitN(l, "\t", 3)
		if len(fields) < 2 || len(fields[0]) < 2 || !isID(fields[0][1:]) {
			continue
		}
		switch fields[0][0] {
		case 'T':
			tb, err := parseTextBound(fields[1], offs)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			tbs[fields[0]] = tb
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	var out []Attribution
	for _, ev := range events {
		if len(ev) == 0 || !strings.HasPrefix(ev[0], "Attribution") {
			continue
		}
		var a Attribution
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			tb, ok := tbs[id]
			if !ok {
				return nil, fmt.Errorf("event %v: unknown text-bound %s", ev, id)
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, tb.spans...)
			case "Cue":
				a.Cue = append(a.Cue, tb.spans...)
			case "Content":
				a.Content = append(a.Content, tb.spans...)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		var cue []string
		for _, s := range a.Cue {
			cue = append(cue, s.Of(text))
		}
		a.CueText = strings.Join(cue, " ")
		a.Speech = SpeechCue(a.CueText)
		a.Direct = opensWithMark(a.Content[0].Of(text))
		out = append(out, a)
	}
	return out, nil
}

// isID reports whether s is a BRAT id number.
func isID(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// parseTextBound reads "Type START END[;START END]…" with code-point
// offsets, returning byte spans.
func parseTextBound(s string, offs []int) (textBound, error) {
	typ, rest, ok := strings.Cut(s, " ")
	if !ok {
		return textBound{}, fmt.Errorf("text-bound %q: no offsets", s)
	}
	tb := textBound{typ: typ}
	for _, frag := range strings.Split(rest, ";") {
		var a, b int
		if _, err := fmt.Sscanf(frag, "%d %d", &a, &b); err != nil {
			return textBound{}, fmt.Errorf("text-bound %q: offsets %q: %w", s, frag, err)
		}
		if a < 0 || b < a || b >= len(offs) {
			return textBound{}, fmt.Errorf("text-bound %q: offsets %d-%d outside the text (%d code points)", s, a, b, len(offs)-1)
		}
		tb.spans = append(tb.spans, graph.Span{Start: offs[a], End: offs[b]})
	}
	return tb, nil
}

// codePoints returns the byte offset of every code point of text, plus
// len(text) at the end.
func codePoints(text string) []int {
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

// SpeechCue reports whether a cue is a speech cue in the sense of the
// evaluation: one of its words is in the SFU reporting-verb list (any
// case), or it contains "according to", or it is a colon.
func SpeechCue(cue string) bool {
	c := strings.TrimSpace(cue)
	if c == ":" {
		return true
	}
	if strings.Contains(strings.ToLower(c), "according to") {
		return true
	}
	for _, w := range strings.FieldsFunc(c, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if quote.IsCueWord(w) {
			return true
		}
	}
	return false
}

// opensWithMark reports whether s, past white space, opens with a
// quotation mark.
func opensWithMark(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '“', '”', '‘', '\'', '«', '„':
		return true
	}
	return false
}

// Parts of a PolNeAR directory for "dateline eval quotes --part": the
// rules are tuned on PartTune and only measured on PartAside, the last
// AsideShare of the articles in file-name order, which the hand-annotated
// attribution gold also draws from.
const (
	PartAll   = "all"
	PartTune  = "tune"
	PartAside = "aside"
)

// AsideShare is the share of a directory's articles, the last in
// file-name order, that PartAside holds.
const AsideShare = 0.2

// Part returns the documents of one part: PartAll (all of docs), PartTune
// (the first 80 % in text file-name order) or PartAside (the last 20 %).
// The cut is ⌊n·(1−AsideShare)⌋, so 840 train articles split 672/168.
func Part(docs []Document, part string) ([]Document, error) {
	sorted := append([]Document(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name+".txt" < sorted[j].Name+".txt" })
	cut := int(float64(len(sorted)) * (1 - AsideShare))
	switch part {
	case PartAll, "":
		return sorted, nil
	case PartTune:
		return sorted[:cut], nil
	case PartAside:
		return sorted[cut:], nil
	}
	return nil, fmt.Errorf("polnear: unknown part %q (want %s, %s or %s)", part, PartAll, PartTune, PartAside)
}
