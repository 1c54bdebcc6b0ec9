package coref

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// parts turns "abc defg" into [[a b c] [d e f g]]: one entity a word,
// one mention a letter.
func parts(s string) [][]string {
	var out [][]string
	for _, w := range strings.Fields(s) {
		out = append(out, strings.Split(w, ""))
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestWorkedExamples checks the scorers against examples computed by
// hand. The first is the worked example of Pradhan et al. (2014, §3):
// key {a b c} {d e f g}, response {a b} {c d} {f g h i}; its figures are
// derived below each row.
func TestWorkedExamples(t *testing.T) {
	tests := []struct {
		name          string
		key, response string
		muc, b3, ceaf [4]float64 // recall num, den, precision num, den
	}{
		{
			// MUC R: {abc} is cut into {ab}{c}: 3−2; {defg} into {d}{e}{fg}
			// (e twinless): 4−3; over (3−1)+(4−1) → 2/5. P: {ab} 2−1, {cd}
			// 2−2, {fghi} into {fg}{h}{i}: 4−3; over 1+1+3 → 2/5.
			// B³ R: (2²/3 + 1²/3) + (1²/4 + 2²/4) = 5/3 + 5/4 = 35/12 over 7.
			// B³ P: 2²/2 + (1²/2 + 1²/2) + 2²/4 = 4 over 8.
			// CEAF-e: φ4(abc,ab) = 4/5, φ4(defg,fghi) = 4/8; Φ = 1.3 over 2
			// key and 3 response entities.
			name: "Pradhan et al. 2014", key: "abc defg", response: "ab cd fghi",
			muc: [4]float64{2, 5, 2, 5}, b3: [4]float64{35.0 / 12, 7, 4, 8}, ceaf: [4]float64{1.3, 2, 1.3, 3},
		},
		{
			// Vilain et al. (1995): key {A B C D}, response {A B} {C D}:
			// recall (4−2)/3, precision (1+1)/(1+1).
			// B³ R: (4/4 + 4/4)/4 = 2/4; P: (4/2 + 4/2)/4 = 4/4.
			// CEAF-e: φ4(abcd, ab) = 4/6 = φ4(abcd, cd): Φ = 2/3.
			name: "Vilain et al. 1995", key: "abcd", response: "ab cd",
			muc: [4]float64{2, 3, 2, 2}, b3: [4]float64{2, 4, 4, 4}, ceaf: [4]float64{2.0 / 3, 1, 2.0 / 3, 2},
		},
		{
			// Identity.
			name: "identity", key: "abc de f", response: "abc de f",
			muc: [4]float64{3, 3, 3, 3}, b3: [4]float64{6, 6, 6, 6}, ceaf: [4]float64{3, 3, 3, 3},
		},
		{
			// Everything merged: MUC recall is perfect and precision loses
			// one link per extra key entity; B³ P = (9+4+1)/6 over 6.
			// CEAF-e: φ4(abc, abcdef) = 6/9 is the best single alignment.
			name: "all in one", key: "abc de f", response: "abcdef",
			muc: [4]float64{3, 3, 3, 5}, b3: [4]float64{6, 6, 14.0 / 6, 6}, ceaf: [4]float64{6.0 / 9, 3, 6.0 / 9, 1},
		},
		{
			// Singletons in the response: no links to recall or to be
			// wrong; B³ R = (1/3·3 + 1/2·2 + 1)/6 = 3/6.
			name: "all singletons", key: "abc de f", response: "a b c d e f",
			muc: [4]float64{0, 3, 0, 0}, b3: [4]float64{3, 6, 6, 6}, ceaf: [4]float64{2.0/4 + 2.0/3 + 1, 3, 2.0/4 + 2.0/3 + 1, 6},
		},
		{
			// Disjoint mentions: everything twinless.
			name: "disjoint", key: "ab", response: "xy",
			muc: [4]float64{0, 1, 0, 1}, b3: [4]float64{0, 2, 0, 2}, ceaf: [4]float64{0, 1, 0, 1},
		},
	}
	for _, tt := range tests {
		k, r := parts(tt.key), parts(tt.response)
		s := Evaluate(k, r)
		for _, c := range []struct {
			metric string
			got    Score
			want   [4]float64
		}{{"MUC", s.MUC, tt.muc}, {"B3", s.B3, tt.b3}, {"CEAFe", s.CEAFe, tt.ceaf}} {
			g := [4]float64{c.got.RecallNum, c.got.RecallDen, c.got.PrecisionNum, c.got.PrecisionDen}
			for i := range g {
				if !near(g[i], c.want[i]) {
					t.Errorf("%s %s = %v, want %v", tt.name, c.metric, g, c.want)
					break
				}
			}
		}
	}
}

// TestPradhanF1 checks the derived F1 scores and the CoNLL average of the
// Pradhan et al. example: MUC F1 0.4; B³ F1 2·(35/84)·0.5/(35/84+0.5) =
// 5/11; CEAF-e F1 2·0.65·(1.3/3)/(0.65+1.3/3) = 0.52; CoNLL 0.458182.
func TestPradhanF1(t *testing.T) {
	s := Evaluate(parts("abc defg"), parts("ab cd fghi"))
	if !near(s.MUC.F1(), 0.4) || !near(s.B3.F1(), 5.0/11) || !near(s.CEAFe.F1(), 0.52) {
		t.Errorf("F1 = %v %v %v", s.MUC.F1(), s.B3.F1(), s.CEAFe.F1())
	}
	if want := (0.4 + 5.0/11 + 0.52) / 3; !near(s.CoNLL(), want) {
		t.Errorf("CoNLL = %v, want %v", s.CoNLL(), want)
	}
	if got := s.MUC.String(); got != "R (2 / 5) 40.00%  P (2 / 5) 40.00%  F1 40.00%" {
		t.Errorf("String = %q", got)
	}
}

// TestAssignBeatsGreedy: a greedy alignment takes 0.9 then 0; the best
// one-to-one alignment takes 0.8 + 0.7.
func TestAssignBeatsGreedy(t *testing.T) {
	tests := []struct {
		sim  [][]float64
		want []int
	}{
		{[][]float64{{0.9, 0.8}, {0.7, 0}}, []int{1, 0}},
		{[][]float64{{0.9}, {0.95}, {0.1}}, []int{-1, 0, -1}},          // more rows than columns
		{[][]float64{{0.1, 0.5, 0.4}}, []int{1}},                       // more columns than rows
		{[][]float64{{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}, []int{0, 2, 1}}, // a permutation
		{nil, nil},
	}
	for _, tt := range tests {
		got := assign(tt.sim)
		if len(got) != len(tt.want) {
			t.Errorf("assign(%v) = %v, want %v", tt.sim, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("assign(%v) = %v, want %v", tt.sim, got, tt.want)
				break
			}
		}
	}
}

// TestAssignMatchesBruteForce compares the Hungarian result with every
// permutation on small random matrices.
func TestAssignMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n, m := 1+rng.IntN(5), 1+rng.IntN(5)
		sim := make([][]float64, n)
		for i := range sim {
			sim[i] = make([]float64, m)
			for j := range sim[i] {
				if rng.IntN(3) > 0 {
					sim[i][j] = float64(rng.IntN(10)) / 10
				}
			}
		}
		got := 0.0
		used := map[int]bool{}
		for i, j := range assign(sim) {
			if j >= 0 {
				if used[j] {
					t.Fatalf("column %d used twice in %v", j, sim)
				}
				used[j] = true
				got += sim[i][j]
			}
		}
		if want := bestBrute(sim, 0, make([]bool, m)); !near(got, want) {
			t.Fatalf("assign(%v) sums to %v, brute force %v", sim, got, want)
		}
	}
}

func bestBrute(sim [][]float64, row int, used []bool) float64 {
	if row == len(sim) {
		return 0
	}
	best := bestBrute(sim, row+1, used) // row left unaligned
	for j := range used {
		if !used[j] {
			used[j] = true
			best = max(best, sim[row][j]+bestBrute(sim, row+1, used))
			used[j] = false
		}
	}
	return best
}

func TestCheck(t *testing.T) {
	if err := Check(parts("ab cd")); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := Check(parts("ab bc")); err == nil || !strings.Contains(err.Error(), "mention b") {
		t.Errorf("Check(ab bc) = %v, want mention b in two entities", err)
	}
}

// FuzzScores checks that every score stays in [0, 1] for any pair of
// partitions, that a partition scored against itself gets 1 from B³ and
// CEAF-e (and from MUC when it has a link), and that the scores do not
// depend on the order of entities.
func FuzzScores(f *testing.F) {
	f.Add([]byte("abc defg"), []byte("ab cd fghi"))
	f.Add([]byte("a"), []byte(""))
	f.Add([]byte("aaa bb"), []byte("ab ba"))
	f.Fuzz(func(t *testing.T, kb, rb []byte) {
		k, r := fuzzPartition(kb), fuzzPartition(rb)
		s := Evaluate(k, r)
		for _, sc := range []Score{s.MUC, s.B3, s.CEAFe} {
			for _, v := range []float64{sc.Recall(), sc.Precision(), sc.F1()} {
				if v < 0 || v > 1+1e-9 || math.IsNaN(v) {
					t.Fatalf("score %v out of [0,1] for %v / %v", sc, k, r)
				}
			}
		}
		if c := s.CoNLL(); c < 0 || c > 1+1e-9 {
			t.Fatalf("CoNLL %v", c)
		}
		id := Evaluate(k, k)
		links := false
		for _, e := range k {
			links = links || len(e) > 1
		}
		if len(k) > 0 && (!near(id.B3.F1(), 1) || !near(id.CEAFe.F1(), 1) || (links && !near(id.MUC.F1(), 1))) {
			t.Fatalf("identity of %v scores %+v", k, id)
		}
		rev := make([][]string, len(r))
		for i := range r {
			rev[len(r)-1-i] = r[i]
		}
		s2 := Evaluate(k, rev)
		if !near(s.CoNLL(), s2.CoNLL()) {
			t.Fatalf("order of response entities changes CoNLL: %v vs %v", s.CoNLL(), s2.CoNLL())
		}
	})
}

// fuzzPartition reads bytes as a partition: a space ends an entity, any
// other byte is a mention (named by its value); a mention already placed
// is skipped, so the result is always a valid partition.
func fuzzPartition(b []byte) [][]string {
	var out [][]string
	seen := map[byte]bool{}
	var cur []string
	for _, c := range b {
		if c == ' ' {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if !seen[c] {
			seen[c] = true
			cur = append(cur, string(c))
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
