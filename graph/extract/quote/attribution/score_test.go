package attribution

import (
	"math"
	"testing"
	"time"

	"dateline/graph"
	"dateline/timeline"
)

func day(s string) timeline.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return timeline.Date{Start: t, Precision: timeline.Day}
}

func attr(start, end int, direct bool, speaker, kind, date, how string, aliases ...string) Attribution {
	return Attribution{Content: [][2]int{{start, end}}, ContentText: []string{""}, Direct: direct,
		Speaker: speaker, Kind: kind, Aliases: aliases, Date: date, DateHow: how}
}

func TestMatchingThreshold(t *testing.T) {
	gold := []Attribution{attr(10, 20, false, "A B", Person, "2016-05-27", Publication)}
	for _, tt := range []struct {
		name  string
		span  graph.Span
		match bool
	}{
		{"same span", graph.Span{Start: 10, End: 20}, true},
		{"half of the shorter (the gold) overlaps", graph.Span{Start: 15, End: 40}, true},
		{"less than half overlaps", graph.Span{Start: 16, End: 40}, false},
		{"prediction inside the gold", graph.Span{Start: 12, End: 14}, true},
		{"touching, no overlap", graph.Span{Start: 20, End: 30}, false},
	} {
		c, _ := ScoreArticle("a", gold, []Prediction{{Span: tt.span}})
		if got := c.GoldMatched[0] == 1; got != tt.match {
			t.Errorf("%s: matched = %v, want %v", tt.name, got, tt.match)
		}
	}
}

// TestOneToOne checks that a partial quote inside an already matched
// reported statement counts against precision, as the issue asks: the
// same statement listed twice is an error.
func TestOneToOne(t *testing.T) {
	gold := []Attribution{attr(0, 100, false, "A B", Person, "2016-05-27", Publication)}
	preds := []Prediction{
		{Span: graph.Span{Start: 40, End: 50}, Direct: true}, // "realistic"
		{Span: graph.Span{Start: 0, End: 100}},               // the whole statement
	}
	c, fs := ScoreArticle("a", gold, preds)
	r := c.Result()
	if r.Quotes.Recall != 1 || r.Quotes.Precision != 0.5 || r.Direct.Predicted != 1 || r.Direct.Precision != 0 {
		t.Errorf("result = %+v", r.Quotes)
	}
	var spurious, matched int
	for _, f := range fs {
		switch {
		case f.Gold < 0:
			spurious++
			if f.Pred != 0 {
				t.Errorf("spurious prediction %d, want the partial quote 0", f.Pred)
			}
		case f.Pred >= 0:
			matched++
		}
	}
	if spurious != 1 || matched != 1 {
		t.Errorf("findings %+v", fs)
	}
}

// TestMultiPartContent checks that a gold quote interrupted by its
// attribution matches a prediction spanning both parts, overlap counted
// over the parts only.
func TestMultiPartContent(t *testing.T) {
	g := Attribution{Content: [][2]int{{0, 10}, {30, 40}}, ContentText: []string{"", ""}, Direct: true, Kind: Unnamed, Date: "2016", DateHow: Publication}
	c, _ := ScoreArticle("a", []Attribution{g}, []Prediction{{Span: graph.Span{Start: 0, End: 40}, Direct: true}})
	if c.GoldMatched[1] != 1 {
		t.Errorf("two-part quote not matched by its hull: %+v", c)
	}
	// A prediction of only the words between the parts (the attribution)
	// shares no byte with the content and does not match.
	if c, _ := ScoreArticle("a", []Attribution{g}, []Prediction{{Span: graph.Span{Start: 10, End: 30}}}); c.GoldMatched[1] != 0 {
		t.Errorf("a prediction of the attribution between the parts matched")
	}
}

func TestSpeakerAndDate(t *testing.T) {
	zel := attr(0, 10, false, "Volodymyr Zelenskyy", Person, "2022-02-22", Explicit, "Zelensky", "Zelenskiy")
	kremlin := attr(20, 30, false, "Kremlin", Government, "2022-02", Carried)
	unnamed := attr(40, 50, true, "", Unnamed, "2016-W19", Carried)
	ministry := attr(60, 70, false, "Ministry of Defence of Russia", Government, "2022-03-01", Publication, "Russian Defence Ministry")
	gold := []Attribution{zel, kremlin, unnamed, ministry}
	preds := []Prediction{
		// An alias of the system entity equals a gold alias, whatever the case and accents.
		{Span: graph.Span{Start: 0, End: 10}, Speaker: "Zelensky Volodymyr", Aliases: []string{"ZELENSKIY"}, Date: day("2022-02-22")},
		// "the Kremlin" normalises to the gold name; a day inside the gold month fits.
		{Span: graph.Span{Start: 20, End: 30}, Speaker: "the Kremlin", Date: day("2022-02-28")},
		// An unnamed source linked to an entity; Monday 9 May 2016 is in week 19.
		{Span: graph.Span{Start: 40, End: 50}, Direct: true, Speaker: "Ban Ki-moon", Date: day("2016-05-09"), FromPublication: true},
		// No speaker entity; a date a day off.
		{Span: graph.Span{Start: 60, End: 70}, Date: day("2022-03-02")},
	}
	c, _ := ScoreArticle("a", gold, preds)
	r := c.Result()
	check := func(name string, got Ratio, count, of int) {
		t.Helper()
		if got.Count != count || got.Of != of || (of > 0 && math.Abs(got.Value-float64(count)/float64(of)) > 1e-9) {
			t.Errorf("%s = %+v, want %d of %d", name, got, count, of)
		}
	}
	check("speaker", r.Speaker, 2, 3)
	check("person", r.SpeakerByKind[Person], 1, 1)
	check("government", r.SpeakerByKind[Government], 1, 2)
	check("unresolved", r.Unresolved, 1, 3)
	check("unnamed linked", r.UnnamedLinked, 1, 1)
	check("date", r.Date, 3, 4)
	check("date carried", r.DateByHow[Carried], 2, 2)
	check("date publication", r.DateByHow[Publication], 0, 1)
	check("flagged carried", r.PublicationFlagged[Carried], 1, 2)
	check("class agreement", r.ClassAgreement, 4, 4)
}

func TestDateFits(t *testing.T) {
	year := timeline.Date{Start: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), Precision: timeline.Year}
	for _, tt := range []struct {
		gold string
		got  timeline.Date
		want bool
	}{
		{"2016-05-27", day("2016-05-27"), true},
		{"2016-05-27", day("2016-05-26"), false},
		{"2016-05-27", timeline.Date{}, false},
		{"2016-05", day("2016-05-31"), true},
		{"2016-05", day("2016-06-01"), false},
		{"2016", year, true},
		{"2016-05", year, false}, // coarser than the gold
		{"2016-W19", day("2016-05-15"), true},
		{"2016-W19", day("2016-05-16"), false},
		{"2016-05-27", timeline.Date{Start: time.Date(2016, 5, 27, 23, 5, 0, 0, time.UTC), Precision: timeline.Minute}, true},
	} {
		if got := DateFits(tt.gold, tt.got); got != tt.want {
			t.Errorf("DateFits(%q, %s %s) = %v, want %v", tt.gold, tt.got, tt.got.Precision, got, tt.want)
		}
	}
}

func TestScoreBySource(t *testing.T) {
	g := &Gold{
		Articles: []Article{{ID: "p1", Source: "polnear"}, {ID: "g1", Source: "gum"}, {ID: "g2", Source: "gum"}},
		Attributions: map[string][]Attribution{
			"p1": {attr(0, 10, true, "A B", Person, "2016-05-27", Publication)},
			"g1": {attr(0, 10, false, "C D", Person, "2015-09-12", Publication)},
		},
	}
	preds := map[string][]Prediction{
		"p1": {{Span: graph.Span{Start: 0, End: 10}, Direct: true, Speaker: "A B", Date: day("2016-05-27")}},
		"g2": {{Span: graph.Span{Start: 5, End: 9}}}, // a quote in an article the gold says has none
	}
	r, fs := Score(g, preds)
	if r.Articles != 3 || r.Quotes.Gold != 2 || r.Quotes.Predicted != 2 || r.Quotes.F1 != 0.5 {
		t.Errorf("overall %+v", r.Quotes)
	}
	if p := r.BySource["polnear"]; p.Articles != 1 || p.Quotes.F1 != 1 || p.Speaker.Value != 1 || p.Date.Value != 1 {
		t.Errorf("polnear %+v", p)
	}
	if gm := r.BySource["gum"]; gm.Articles != 2 || gm.Quotes.Recall != 0 || gm.Quotes.Precision != 0 {
		t.Errorf("gum %+v", gm.Quotes)
	}
	if len(fs) != 3 {
		t.Errorf("%d findings, want a match, a miss and a spurious quote", len(fs))
	}
}
