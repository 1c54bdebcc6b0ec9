package semeval

import (
	"bytes"
	"strings"
	"testing"
)

func mustRead(t *testing.T, s string) *Timeline {
	t.Helper()
	tl, err := Read(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func TestReadWrite(t *testing.T) {
	in := "Airbus\n" +
		"0\tXXXX-XX-XX\t1173-12-owned\n" +
		"1\t2003\t4764-11-out-sold\n" +
		"2\t2007-10\t62929-9-Deliveries\t51682-3-delivery\n" +
		"3\tXXX-XX-XX\t61389-2-job_cuts\n"
	tl := mustRead(t, in)
	if tl.Target != "Airbus" || len(tl.Lines) != 4 {
		t.Fatalf("read %q with %d lines", tl.Target, len(tl.Lines))
	}
	if got := tl.Lines[1].Mentions[0]; got != (Mention{Doc: "4764", Sentence: 11, Word: "out-sold"}) {
		t.Errorf("mention with a dash: %+v", got)
	}
	wantDates := []string{"XXXX-XX-XX", "2003-XX-XX", "2007-10-XX", "XXXX-XX-XX"}
	for i, l := range tl.Lines {
		if l.Date != wantDates[i] {
			t.Errorf("line %d: date %q, want %q", i, l.Date, wantDates[i])
		}
	}
	var b bytes.Buffer
	if err := Write(&b, tl); err != nil {
		t.Fatal(err)
	}
	again := mustRead(t, b.String())
	if c := Score(tl, again); c.F1() != 1 {
		t.Errorf("written and read back: %+v", c)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"", "X\n1\t2005\n", "X\nfirst\t2005\t1-2-said\n", "X\n1\t2005\t1-two-said\n", "X\n1\t2005\tsaid\n"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q): no error", in)
		}
	}
}

// TestScoreByHand checks cases whose relations can be counted on paper.
func TestScoreByHand(t *testing.T) {
	gold := mustRead(t, "X\n"+
		"1\t2005-01-01\t1-1-a\n"+
		"2\t2005-02-01\t1-2-b\n")
	// Gold reduced: a SIMULTANEOUS 2005-01-01, b SIMULTANEOUS 2005-02-01,
	// a BEFORE b: 3 relations.
	tests := []struct {
		name   string
		system string
		want   Counts
	}{
		{"identical", "X\n1\t2005-01-01\t1-1-a\n2\t2005-02-01\t1-2-b\n", Counts{3, 3, 3, 3}},
		{"empty", "X\n", Counts{0, 0, 3, 0}},
		// System reduced: a and c SIMULTANEOUS 2005-01-01, right for a,
		// the gold lacks c: P 1/2. Its closure holds only the first gold
		// relation: R 1/3.
		{"one right, one spurious", "X\n1\t2005-01-01\t1-1-a\t1-1-c\n", Counts{2, 1, 3, 1}},
		// A wrong date: nothing of the system's is in the gold closure;
		// the order a BEFORE b is still found.
		{"wrong date", "X\n1\t2004-01-01\t1-1-a\n2\t2005-02-01\t1-2-b\n", Counts{3, 2, 3, 2}},
		// Reversed order: both anchors right, the order wrong.
		{"reversed", "X\n1\t2005-02-01\t1-2-b\n2\t2005-01-01\t1-1-a\n", Counts{3, 2, 3, 2}},
		// Undated and unordered: no relation at all.
		{"position 0", "X\n0\tXXXX-XX-XX\t1-1-a\n0\tXXXX-XX-XX\t1-2-b\n", Counts{0, 0, 3, 0}},
	}
	for _, tt := range tests {
		got := Score(gold, mustRead(t, tt.system))
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestScoreClosure checks that the scores go through closure: a BEFORE
// that skips a position is entailed by the gold chain (precision) but
// does not entail the two links it skips (recall).
func TestScoreClosure(t *testing.T) {
	gold := mustRead(t, "X\n1\tXXXX-XX-XX\t1-1-a\n2\tXXXX-XX-XX\t1-1-b\n3\tXXXX-XX-XX\t1-1-c\n")
	sys := mustRead(t, "X\n1\tXXXX-XX-XX\t1-1-a\n2\tXXXX-XX-XX\t1-1-c\n")
	got := Score(gold, sys)
	if want := (Counts{System: 1, SystemHit: 1, Gold: 2, GoldHit: 0}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Two positions on the same day are ordered within it, without
	// contradiction: each lies in the day and one precedes the other.
	day := mustRead(t, "X\n1\t2008-10-06\t1-1-a\n2\t2008-10-06\t1-2-b\n")
	c := Close(Relations(day))
	for _, r := range []Relation{
		{"e:1-1-a", "e:1-2-b", Before},
		{"e:1-2-b", "t:2008-10-06", IsIncluded},
	} {
		if !c.Entails(r) {
			t.Errorf("closure lacks %v", r)
		}
	}
	for _, r := range []Relation{
		{"e:1-2-b", "e:1-1-a", Before},
		{"e:1-1-a", "e:1-2-b", Simultaneous},
		{"t:2008-10-06", "e:1-1-a", Before},
	} {
		if c.Entails(r) {
			t.Errorf("closure holds %v", r)
		}
	}
	// Transitivity through SIMULTANEOUS: a = b, b BEFORE c gives a
	// BEFORE c.
	c = Close(Relations(mustRead(t, "X\n1\tXXXX-XX-XX\t1-1-a\t1-1-b\n2\tXXXX-XX-XX\t1-1-c\n")))
	if !c.Entails(Relation{"e:1-1-b", "e:1-1-c", Before}) {
		t.Error("b BEFORE c not entailed through a")
	}
}

func TestMicroAverage(t *testing.T) {
	a := Counts{System: 4, SystemHit: 2, Gold: 10, GoldHit: 1}
	b := Counts{System: 6, SystemHit: 3, Gold: 10, GoldHit: 3}
	s := a.Add(b)
	if s.Precision() != 0.5 || s.Recall() != 0.2 {
		t.Errorf("micro P %v R %v, want 0.5 0.2", s.Precision(), s.Recall())
	}
	if f := s.F1(); f < 0.2857 || f > 0.2858 {
		t.Errorf("F1 %v, want 2/7", f)
	}
}

func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{
		"2005-01-18": "2005-01-18", "1968": "1968-XX-XX", "2003-09": "2003-09-XX",
		"2007-10-XX": "2007-10-XX", "XXX-XX-XX": "XXXX-XX-XX", "2003-XX-05": "2003-XX-XX", "": "XXXX-XX-XX",
	} {
		if got := NormDate(in); got != want {
			t.Errorf("NormDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestScoreOrderInvariant checks that listing a position's mentions in
// another order, or over several lines, changes nothing.
func TestScoreOrderInvariant(t *testing.T) {
	gold := mustRead(t, "X\n1\t2005-01-01\t2-1-a\t10-1-b\t2-0-c\n2\t2005-02-01\t3-1-d\n")
	for _, sys := range []string{
		"X\n1\t2005-01-01\t10-1-b\t2-0-c\t2-1-a\n2\t2005-02-01\t3-1-d\n",
		"X\n2\t2005-02-01\t3-1-d\n1\t2005-01-01\t2-1-a\n1\t2005-01-01\t10-1-b\t2-0-c\n",
	} {
		if c := Score(gold, mustRead(t, sys)); c.F1() != 1 {
			t.Errorf("%q: %+v", sys, c)
		}
	}
	// Each mention of a position with its day to itself is related to
	// the day, not through the position's first mention (2-0-c): a
	// system without that mention still recovers the others' anchors.
	got := Score(gold, mustRead(t, "X\n1\t2005-01-01\t2-1-a\t10-1-b\n"))
	// System: a, b SIMULTANEOUS 2005-01-01: both in the gold closure.
	// Gold: a, b, c SIMULTANEOUS 2005-01-01, c BEFORE d, d SIMULTANEOUS
	// 2005-02-01: the system's closure entails the first two.
	if want := (Counts{System: 2, SystemHit: 2, Gold: 5, GoldHit: 2}); got != want {
		t.Errorf("without the first mention: %+v, want %+v", got, want)
	}
	// Where positions share a day (in either timeline), they hang on
	// their first mentions, through which the order within the day goes.
	shared := mustRead(t, "X\n1\t2005-01-01\t2-1-a\t2-0-c\n2\t2005-01-01\t3-1-d\n")
	// Gold: a SIMULTANEOUS c, c IS_INCLUDED the day, d IS_INCLUDED the
	// day, c BEFORE d. The system has a alone on the day, read in the
	// same form: a IS_INCLUDED the day, which the gold closure holds; its
	// closure entails none of the gold's, which go through c.
	if got, want := Score(shared, mustRead(t, "X\n1\t2005-01-01\t2-1-a\n")), (Counts{System: 1, SystemHit: 1, Gold: 4, GoldHit: 0}); got != want {
		t.Errorf("shared day without the first mention: %+v, want %+v", got, want)
	}
	if d := SharedDays(shared, nil); !d["2005-01-01"] || len(d) != 1 {
		t.Errorf("SharedDays = %v", d)
	}
}
