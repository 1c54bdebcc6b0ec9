package ner

import (
	"fmt"
	"testing"

	"dateline/graph/extract/segment"
)

// TestMarkAcronyms checks which all-capitals words FeatAcronym links to a
// capitalised run of the document whose initials they spell.
func TestMarkAcronyms(t *testing.T) {
	m := newModel(10, NewLexicon())
	m.features = FeatAcronym
	text := "The UAW struck. Members of the United Auto Workers ( UAW ) met Bank of England staff. " +
		"The BOE said nothing, the BE said less, and the U.S. and GM said more. NATO met."
	sents := segment.Split(text)
	var d docInfo
	m.prepare(sents, &d)
	var words []string
	for _, s := range sents {
		for _, tk := range s.Tokens {
			words = append(words, tk.Text)
		}
	}
	got := map[string]string{}
	for i, ti := range d.toks {
		if ti.acro > 0 {
			got[fmt.Sprint(words[i], "@", i)] = words[ti.acro-1]
		}
	}
	want := map[string]string{"UAW@1": "United", "UAW@11": "United", "BE@25": "Bank"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("acronyms = %v, want %v", got, want)
	}
	m.features = 0
	m.prepare(sents, &d)
	for _, ti := range d.toks {
		if ti.acro != 0 {
			t.Fatal("acronym linked without FeatAcronym")
		}
	}
}

// TestTableShare checks the FeatTable buckets: the share of number tokens
// in the sentence (low two bits) and of results lines in the document.
func TestTableShare(t *testing.T) {
	m := newModel(10, NewLexicon())
	m.features = FeatTable
	text := "Bolton 3 Arsenal 1.\nLeeds 2 Chelsea 2.\nThe club said on Monday it would sign 2 players.\nNobody spoke."
	sents := segment.Split(text)
	var d docInfo
	m.prepare(sents, &d)
	var got []uint8
	for si := 0; si+1 < len(d.starts); si++ {
		got = append(got, d.toks[d.starts[si]].table)
	}
	// Two of four sentences are results lines: document share 3 (≥ 30%).
	want := []uint8{3 | 3<<2, 3 | 3<<2, 1 | 3<<2, 0 | 3<<2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("table buckets by sentence = %v, want %v", got, want)
	}
}

// TestHistory checks what setPredictions records for FeatHistory: the
// types the word's other occurrences received and its first occurrence.
func TestHistory(t *testing.T) {
	m := newModel(10, NewLexicon())
	m.features = FeatHistory
	text := "Ford Motor said. Ford rose. Ford fell."
	sents := segment.Split(text)
	var d docInfo
	m.prepare(sents, &d)
	labels := make([]label, len(d.toks))
	// Ford Motor (ORG) . Ford (PER) rose . Ford (O) fell .
	labels[0], labels[1], labels[4], labels[7] = lBOrg, lIOrg, lBPer, lO
	setPredictions(&d, labels)
	if got := d.toks[0]; got.first != 0 || got.predTypes != 1<<0 {
		t.Errorf("first Ford: first %d types %b, want 0 and PER only", got.first, got.predTypes)
	}
	if got := d.toks[7]; got.first != 1 || got.predTypes != 1<<0|1<<2 {
		t.Errorf("third Ford: first %d types %b, want 1 and PER|ORG", got.first, got.predTypes)
	}
	if got := d.toks[2]; got.first != 0 || got.predTypes != 0 {
		t.Errorf("lower-case word: first %d types %b, want none", got.first, got.predTypes)
	}
}

// TestGazetteerPrefixes checks that stopping a phrase match at the first
// missing prefix finds what trying every length finds.
func TestGazetteerPrefixes(t *testing.T) {
	lex := NewLexicon()
	for _, p := range []string{"Bank of England", "New York", "New York City", "York", "Rio de Janeiro"} {
		lex.AddPhrase(p, City)
	}
	text := "The Bank of England and the Bank of Japan met in New York City , York and Rio de Janeiro ."
	sents := segment.Split(text)
	marks := func(prefixed bool) string {
		lex.prefixed = prefixed
		m := newModel(10, lex)
		var d docInfo
		m.prepare(sents, &d)
		var out []uint16
		for _, ti := range d.toks {
			out = append(out, ti.gaz)
		}
		return fmt.Sprint(out)
	}
	got, want := marks(true), marks(false)
	if got != want {
		t.Errorf("gazetteer marks with prefixes %s, trying every length %s", got, want)
	}
	if want == fmt.Sprint(make([]uint16, len(sents[0].Tokens))) {
		t.Error("no gazetteer marks at all")
	}
}
