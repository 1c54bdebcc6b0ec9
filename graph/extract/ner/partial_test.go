package ner

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph/extract/segment"
)

// TestPartialLabels trains on tiny.conll with every person's tags made
// open in one of the two ways GUM data uses, and checks what the latent
// update makes of them: the settled names are still learned, and when the
// people are open to O or MISC only, no token is ever tagged PER.
func TestPartialLabels(t *testing.T) {
	docs := readCoNLL(t, filepath.Join("testdata", "tiny.conll"))
	for _, open := range []string{TagUnknown, TagNotName} {
		var exs []Example
		for _, d := range docs {
			ex := FromCoNLL(d)
			for si := range ex.Tags {
				for i, tag := range ex.Tags[si] {
					if strings.HasSuffix(tag, "-PER") {
						ex.Tags[si][i] = open
					}
				}
			}
			exs = append(exs, ex)
		}
		m, err := Train(context.Background(), exs, NewLexicon(), TrainOptions{Epochs: 10, Seed: 3, Bits: 14, Folds: 2})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := New(m).Evaluate(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		// Open to any label, a person may come out as anything (precision
		// is not the test's business); the settled names must be found.
		if r := ev.Scorer.Micro("LOC", "ORG").Recall; r < 0.9 {
			t.Errorf("%s: LOC+ORG training-set recall %.3f, want ≥ 0.9", open, r)
		}
		if per := ev.Scorer.Type("PER"); per.Precision+per.Recall > 0 && open == TagNotName {
			t.Errorf("%s: PER tagged (%+v), but no person was ever allowed", open, per)
		}
	}
}

func TestPartialMask(t *testing.T) {
	for tag, want := range map[string]uint16{
		"B-PER":    0,
		"O":        0,
		TagUnknown: 1<<numLabels - 1,
		TagNotName: 1<<lO | 1<<lBMisc | 1<<lIMisc,
	} {
		if got := partialMask(tag); got != want {
			t.Errorf("partialMask(%q) = %b, want %b", tag, got, want)
		}
	}
}

// TestMarkRuns checks the capitalised runs and their organisation-keyword
// positions that the FeatOrgRun and FeatRunShape templates read.
func TestMarkRuns(t *testing.T) {
	m := newModel(10, NewLexicon())
	m.features = AllFeatures
	text := "Shares in Bank of England and Ford Motor Co rose as Peter Smith said."
	var d docInfo
	m.prepare(segment.Split(text), &d)
	sents := segment.Split(text)
	var got []string
	for i, tk := range sents[0].Tokens {
		ti := d.toks[i]
		got = append(got, tk.Text+"/"+string(rune('0'+ti.runLen))+string(rune('0'+ti.runPos))+string(rune('0'+ti.orgRel)))
	}
	want := "Shares/100 in/000 Bank/302 of/313 England/323 and/000 Ford/301 Motor/312 Co/322 rose/000 as/000 Peter/200 Smith/210 said/000 ./000"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("runs (length, position, organisation keyword) =\n%s\nwant\n%s", g, want)
	}
	m.prepare(segment.Split("He works for Goldman , Sachs & Co and Bailard , Biehl and Kaiser ."), &d)
	got = got[:0]
	for _, ti := range d.toks {
		got = append(got, string(rune('0'+ti.runLen)))
	}
	if g, want := strings.Join(got, ""), "100103330101010"; g != want {
		t.Errorf("run lengths %s, want %s (lists of names stay apart)", g, want)
	}
	// Headlines in capitals have no runs: every word is capitalised.
	m.prepare(segment.Split("BANK OF ENGLAND RAISES RATES"), &d)
	for _, ti := range d.toks {
		if ti.runLen != 0 {
			t.Errorf("capitals headline: run length %d, want none", ti.runLen)
		}
	}
}

// TestCaseVocab checks the FeatCaseVocab marks: whether a capitalised
// word's lower-case form and its written form are in the cluster
// vocabulary.
func TestCaseVocab(t *testing.T) {
	lex := NewLexicon()
	lex.AddCluster("additionally", 0b10, 2)
	lex.AddCluster("Zelenskyy", 0b11, 2)
	lex.AddCluster("Turkey", 0b01, 2)
	lex.AddCluster("turkey", 0b00, 2)
	m := newModel(10, lex)
	m.features = FeatCaseVocab
	text := "Additionally Zelenskyy ate turkey in Turkey and Xyzzy."
	var d docInfo
	m.prepare(segment.Split(text), &d)
	var got []uint8
	for _, ti := range d.toks {
		got = append(got, ti.caseVocab)
	}
	want := []uint8{2, 3, 0, 0, 0, 4, 0, 1, 0}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("caseVocab = %v, want %v", got, want)
	}
	m.features = 0
	m.prepare(segment.Split(text), &d)
	for _, ti := range d.toks {
		if ti.caseVocab != 0 {
			t.Fatal("caseVocab set without FeatCaseVocab")
		}
	}
}

// TestMargin trains with loss-augmented decoding: the model must still
// learn its training data, and differ from the plain perceptron's.
func TestMargin(t *testing.T) {
	docs := readCoNLL(t, filepath.Join("testdata", "tiny.conll"))
	var exs []Example
	for _, d := range docs {
		exs = append(exs, FromCoNLL(d))
	}
	var enc [2]string
	for i, margin := range []float32{0, 2} {
		m, err := Train(context.Background(), exs, NewLexicon(), TrainOptions{Epochs: 10, Seed: 7, Bits: 14, Folds: 2, Margin: margin})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := New(m).Evaluate(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		if f := ev.Scorer.Micro("PER", "LOC", "ORG", "MISC").F1; f < 0.9 {
			t.Errorf("margin %v: training-set F1 %.3f, want ≥ 0.9", margin, f)
		}
		var b strings.Builder
		if err := m.Encode(&b); err != nil {
			t.Fatal(err)
		}
		enc[i] = b.String()
	}
	if enc[0] == enc[1] {
		t.Error("margin 2 trained the same model as the plain perceptron")
	}
}
