package conll

import (
	"math"
	"strings"
	"testing"
)

const iob2 = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
Paris NNP B-NP B-LOC
`

// The same annotation in IOB1: the two touching LOC entities need B- on the second.
const iob1 = `-DOCSTART- -X- -X- O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP I-NP I-LOC
Paris NNP I-NP B-LOC
`

func TestReadIOB1AndIOB2(t *testing.T) {
	a, err := Read(strings.NewReader(iob2))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(strings.NewReader(iob1))
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 2 || len(b) != 2 {
		t.Fatalf("got %d and %d documents, want 2", len(a), len(b))
	}
	if a[0].Tokens() != 6 || len(a[0].Sentences) != 2 {
		t.Fatalf("doc 0: %d tokens in %d sentences, want 6 in 2", a[0].Tokens(), len(a[0].Sentences))
	}
	for d := range a {
		for s := range a[d].Sentences {
			for i := range a[d].Sentences[s] {
				if ga, gb := a[d].Sentences[s][i], b[d].Sentences[s][i]; ga.Tag != gb.Tag || ga.Text != gb.Text {
					t.Errorf("doc %d sent %d tok %d: IOB2 %+v, IOB1 read as %+v", d, s, i, ga, gb)
				}
			}
		}
	}
	if got := a[0].Sentences[0][2].POS; got != "JJ" {
		t.Errorf("POS = %q, want JJ", got)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"EU\n", "EU NNP B-NP X-ORG\n"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q): want error", in)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		tags string
		want []Chunk
	}{
		{"B-PER I-PER O B-LOC", []Chunk{{"PER", 0, 2}, {"LOC", 3, 4}}},
		{"I-LOC B-LOC", []Chunk{{"LOC", 0, 1}, {"LOC", 1, 2}}},
		{"I-ORG I-PER", []Chunk{{"ORG", 0, 1}, {"PER", 1, 2}}},
		{"O O", nil},
	}
	for _, tt := range tests {
		got := Chunks(strings.Fields(tt.tags))
		if len(got) != len(tt.want) {
			t.Errorf("Chunks(%s) = %v, want %v", tt.tags, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Chunks(%s) = %v, want %v", tt.tags, got, tt.want)
			}
		}
	}
}

func TestScorer(t *testing.T) {
	var s Scorer
	// Gold: PER(0-2) LOC(3) ORG(5); predicted: PER(0-1) wrong boundary, LOC(3) right, ORG(5) right, MISC(6) spurious.
	s.Add(strings.Fields("B-PER I-PER O B-LOC O B-ORG O"), strings.Fields("B-PER O O B-LOC O B-ORG B-MISC"))
	// Gold: LOC; predicted: PER on the same token (type error).
	s.Add(strings.Fields("B-LOC"), strings.Fields("B-PER"))
	want := map[string][3]float64{ // precision, recall, f1
		"PER":  {0, 0, 0},
		"LOC":  {1, 0.5, 2.0 / 3},
		"ORG":  {1, 1, 1},
		"MISC": {0, 0, 0},
	}
	for typ, w := range want {
		m := s.Type(typ)
		if !near(m.Precision, w[0]) || !near(m.Recall, w[1]) || !near(m.F1, w[2]) {
			t.Errorf("%s = %+v, want P %.3f R %.3f F %.3f", typ, m, w[0], w[1], w[2])
		}
	}
	// Micro over PER+LOC+ORG: tp 2, fp 2 (PER twice), fn 2 (PER, LOC) → P .5 R .5 F .5.
	m := s.Micro("PER", "LOC", "ORG")
	if !near(m.Precision, 0.5) || !near(m.Recall, 0.5) || !near(m.F1, 0.5) || m.Support != 4 {
		t.Errorf("micro = %+v, want P R F 0.5 support 4", m)
	}
	if got := strings.Join(s.Types(), ","); got != "PER,LOC,ORG,MISC" {
		t.Errorf("Types = %s", got)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func FuzzRead(f *testing.F) {
	f.Add(iob1)
	f.Add(iob2)
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				tags := make([]string, len(s))
				for i, tk := range s {
					tags[i] = tk.Tag
				}
				for _, c := range Chunks(tags) {
					if c.Start < 0 || c.End > len(s) || c.Start >= c.End {
						t.Fatalf("bad chunk %+v", c)
					}
				}
			}
		}
	})
}
