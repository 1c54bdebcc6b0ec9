package build

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"dateline/graph/extract/event/trigger"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/token"
)

// gumGenres are the GUM genres whose texts are under CC BY or CC BY-SA
// (see gum/LICENSE.txt); the NC genres and those without a stated licence
// are not read.
var gumGenres = map[string]bool{"academic": true, "bio": true, "court": true, "interview": true, "news": true, "voyage": true}

// goldToken is one token of an annotated sentence.
type goldToken struct {
	text       string
	tag        trigger.POS
	spaceAfter bool
}

// GUM reads the part-of-speech tags (XPOS, Penn Treebank) of a GUM
// CoNLL-U file, keeping only the openly licensed genres.
func GUM(path string) ([]trigger.TaggedSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	out, err := readCoNLLU(zr)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	return out, nil
}

func readCoNLLU(r io.Reader) ([]trigger.TaggedSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var out []trigger.TaggedSentence
	var sent []goldToken
	allowed := false
	flush := func() {
		if len(sent) > 0 && allowed {
			out = append(out, align(sent))
		}
		sent = sent[:0]
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			flush()
			parts := strings.Split(strings.TrimPrefix(line, "# newdoc id = "), "_")
			allowed = len(parts) > 1 && gumGenres[parts[1]]
			continue
		case line == "":
			flush()
			continue
		case line[0] == '#':
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], ".-") {
			continue // multiword-token ranges and empty nodes
		}
		sent = append(sent, goldToken{text: cols[1], tag: trigger.ParsePOS(cols[4]), spaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")})
	}
	flush()
	return out, sc.Err()
}

// CoNLL reads the part-of-speech column of a CoNLL-2003 file. Its tags
// were assigned by a tagger, not by hand, but they are Reuters news.
func CoNLL(path string) ([]trigger.TaggedSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer f.Close()
	docs, err := conll.Read(f)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	var out []trigger.TaggedSentence
	for _, d := range docs {
		for _, s := range d.Sentences {
			sent := make([]goldToken, len(s))
			for i, t := range s {
				sent[i] = goldToken{text: t.Text, tag: trigger.ParsePOS(t.POS), spaceAfter: true}
				if i > 0 && noSpaceBefore(t.Text) {
					sent[i-1].spaceAfter = false
				}
				if noSpaceAfter(t.Text) {
					sent[i].spaceAfter = false
				}
			}
			out = append(out, align(sent))
		}
	}
	return out, nil
}

// noSpaceBefore and noSpaceAfter undo Penn Treebank tokenization where
// news text writes no space, so that the text rebuilt from a CoNLL
// sentence is cut by package token the way a real article would be.
func noSpaceBefore(w string) bool {
	switch strings.ToLower(w) {
	case ",", ".", ":", ";", "?", "!", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'":
		return true
	}
	return false
}

func noSpaceAfter(w string) bool { return w == "(" || w == "[" || w == "$" }

// align rebuilds a sentence's text, cuts it with package token and gives
// each token the tag of the gold token it starts in, so that training
// sees the tokens the tagger sees at run time.
func align(sent []goldToken) trigger.TaggedSentence {
	var b strings.Builder
	starts := make([]int, len(sent))
	for i, t := range sent {
		starts[i] = b.Len()
		b.WriteString(t.text)
		if t.spaceAfter && i+1 < len(sent) {
			b.WriteByte(' ')
		}
	}
	toks := token.Tokenize(b.String())
	ex := trigger.TaggedSentence{Tokens: toks, Tags: make([]trigger.POS, len(toks))}
	g := 0
	for i, t := range toks {
		for g+1 < len(sent) && starts[g+1] <= t.Span.Start {
			g++
		}
		ex.Tags[i] = sent[g].tag
	}
	return ex
}
