package timeml

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dateline/timeline"
	"dateline/timeline/timex"
)

func TestParseSmall(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "small.tml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if doc.ID != "SMALL001" {
		t.Errorf("ID = %q, want SMALL001", doc.ID)
	}
	wantDCT := timeline.At(time.Date(2022, 2, 8, 0, 0, 0, 0, time.UTC), timeline.Day)
	if doc.DCT != wantDCT || doc.DCTValue != "2022-02-08" {
		t.Errorf("DCT = %v (%q), want %v", doc.DCT, doc.DCTValue, wantDCT)
	}
	wantText := "\nAT&T said last week that \"prices\" rose.\nTalks lasted five hours <sic> on Monday – in Kyiv – and café owners since 2014.\n"
	if doc.Text != wantText {
		t.Errorf("Text =\n%q\nwant\n%q", doc.Text, wantText)
	}
	want := []struct {
		id, text, typ, value string
	}{
		{"t1", "last week", "DATE", "2022-W05"},
		{"t2", "five hours", "DURATION", "PT5H"},
		{"t3", "Monday", "DATE", "2022-02-07"},
		{"t4", "2014", "DATE", "2014"},
	}
	if len(doc.Timexes) != len(want) {
		t.Fatalf("got %d timexes %+v, want %d", len(doc.Timexes), doc.Timexes, len(want))
	}
	for i, w := range want {
		g := doc.Timexes[i]
		if g.ID != w.id || g.Text != w.text || g.Type != w.typ || g.Value != w.value {
			t.Errorf("timex %d = %+v, want %+v", i, g, w)
		}
		if got := g.Span.Of(doc.Text); got != w.text {
			t.Errorf("timex %d span %v covers %q, want %q", i, g.Span, got, w.text)
		}
	}
	// Events: the instance's attributes join their EVENT; an EVENT nested
	// in a TIMEX3 is read too.
	wantEv := []Event{
		{ID: "e1", Text: "rose", Class: "OCCURRENCE", Tense: "PAST"},
		{ID: "e2", Text: "five"},
	}
	if len(doc.Events) != len(wantEv) {
		t.Fatalf("got %d events %+v, want %d", len(doc.Events), doc.Events, len(wantEv))
	}
	for i, w := range wantEv {
		g := doc.Events[i]
		w.Span = g.Span
		if g != w || g.Span.Of(doc.Text) != w.Text {
			t.Errorf("event %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		noDCT    bool
	}{
		{"no creation time", `<TimeML><TEXT>on <TIMEX3 tid="t1" type="DATE" value="2014">2014</TIMEX3></TEXT></TimeML>`, true},
		{"unclosed", `<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2014-01-01">x</TIMEX3></DCT><TEXT>on`, false},
		{"bad creation time", `<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="PRESENT_REF">x</TIMEX3></DCT><TEXT>x</TEXT></TimeML>`, false},
		{"not xml", `<<>>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if got := errors.Is(err, ErrNoDCT); got != tt.noDCT {
				t.Errorf("errors.Is(%v, ErrNoDCT) = %v, want %v", err, got, tt.noDCT)
			}
			if !strings.HasPrefix(err.Error(), "timeml: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestParseValue(t *testing.T) {
	utc := func(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		in    string
		start time.Time
		p     timeline.Precision
	}{
		{"1998-01-08", utc(1998, 1, 8, 0, 0), timeline.Day},
		{"19980108", utc(1998, 1, 8, 0, 0), timeline.Day},
		{"1998-02-19T08:02:00", utc(1998, 2, 19, 8, 2), timeline.Second},
		{"1999-04-19T23:14", utc(1999, 4, 19, 23, 14), timeline.Minute},
		{"1998-02", utc(1998, 2, 1, 0, 0), timeline.Month},
		{"1998", utc(1998, 1, 1, 0, 0), timeline.Year},
		{"2022-W05", utc(2022, 1, 31, 0, 0), timeline.Week},
		{"2021-Q3", utc(2021, 7, 1, 0, 0), timeline.Quarter},
		{"199", utc(1990, 1, 1, 0, 0), timeline.Decade},
	}
	for _, tt := range tests {
		got, err := ParseValue(tt.in)
		if err != nil {
			t.Errorf("ParseValue(%q): %v", tt.in, err)
			continue
		}
		if !got.Start.Equal(tt.start) || got.Precision != tt.p {
			t.Errorf("ParseValue(%q) = %v %v, want %v %v", tt.in, got.Start, got.Precision, tt.start, tt.p)
		}
		if got.String() != tt.in && tt.p != timeline.Second && tt.in != "19980108" {
			t.Errorf("ParseValue(%q).String() = %q", tt.in, got.String())
		}
	}
	for _, bad := range []string{"", "PRESENT_REF", "P3Y", "XXXX-WXX-1", "2022-W60", "abc"} {
		if _, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q): no error", bad)
		}
	}
}

func TestReadDir(t *testing.T) {
	docs, err := ReadDir(context.Background(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Path != filepath.Join("testdata", "small.tml") {
		t.Fatalf("ReadDir = %d docs, want testdata/small.tml", len(docs))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadDir(ctx, "testdata"); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadDir with a cancelled context: %v", err)
	}
}

func span(s, e int) timex.Span { return timex.Span{Start: s, End: e} }

func TestCounts(t *testing.T) {
	gold := []Annotation{
		{span(0, 9), "DATE", "2022-W05"},     // exact match, right value
		{span(20, 26), "DATE", "2022-02-07"}, // overlapped, wrong value
		{span(40, 44), "DATE", "2014"},       // missed
		{span(50, 60), "DURATION", "P3Y"},    // not scored
	}
	pred := []Annotation{
		{span(0, 9), "DATE", "2022-W05"},
		{span(17, 26), "DATE", "2022-02-14"},
		{span(30, 35), "TIME", "2022-02-08T17:00"}, // spurious
		{span(50, 60), "DATE", "2022"},             // overlaps only a DURATION: spurious
		{span(70, 75), "SET", "P1W"},               // not scored
	}
	var c Counts
	c.Add(gold, pred)
	if c.Gold != 3 || c.Pred != 4 || c.Relaxed != 2 || c.Strict != 1 || c.ValueEqual != 1 {
		t.Fatalf("counts = %+v", c)
	}
	r := c.Result()
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(r.Relaxed.Precision, 0.5) || !near(r.Relaxed.Recall, 2.0/3) || !near(r.Relaxed.F1, 4.0/7) {
		t.Errorf("relaxed = %+v", r.Relaxed)
	}
	if !near(r.Strict.Precision, 0.25) || !near(r.Strict.Recall, 1.0/3) {
		t.Errorf("strict = %+v", r.Strict)
	}
	if !near(r.ValueAccuracy, 0.5) || r.Documents != 1 {
		t.Errorf("value accuracy %v, documents %d", r.ValueAccuracy, r.Documents)
	}
	var empty Counts
	if r := empty.Result(); r.Relaxed.F1 != 0 || r.ValueAccuracy != 0 {
		t.Errorf("empty result = %+v", r)
	}
}

func TestEvaluate(t *testing.T) {
	docs, err := ReadDir(context.Background(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	// A tagger that finds exactly the gold "last week" and "Monday" with
	// one wrong value, and nothing else.
	tag := func(text string, dct timeline.Date) []Annotation {
		if dct.String() != "2022-02-08" {
			t.Errorf("tagger got DCT %v", dct)
		}
		i := strings.Index(text, "last week")
		j := strings.Index(text, "Monday")
		return []Annotation{
			{span(i, i+len("last week")), "DATE", "2022-W05"},
			{span(j, j+len("Monday")), "DATE", "2022-02-14"},
		}
	}
	c, err := Evaluate(context.Background(), docs, tag)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Result()
	if r.Relaxed.Precision != 1 || r.Relaxed.Recall != 2.0/3 || r.ValueAccuracy != 0.5 || r.Documents != 1 {
		t.Errorf("Evaluate = %+v", r)
	}
}

func FuzzParse(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "small.tml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add(`<TimeML><TEXT><TIMEX3><TIMEX3>x</TIMEX3></TIMEX3></TEXT></TimeML>`)
	f.Add(`<TEXT>&amp;<TIMEX3 type="DATE">a</TIMEX3></TEXT>`)
	f.Fuzz(func(t *testing.T, in string) {
		doc, err := Parse(strings.NewReader(in))
		if doc == nil {
			if err == nil {
				t.Fatal("nil document without error")
			}
			return
		}
		for _, x := range doc.Timexes {
			if x.Span.Start < 0 || x.Span.Start > x.Span.End || x.Span.End > len(doc.Text) {
				t.Fatalf("span %v outside text of %d bytes", x.Span, len(doc.Text))
			}
			if x.Text != doc.Text[x.Span.Start:x.Span.End] {
				t.Fatalf("Text %q does not match its span", x.Text)
			}
		}
		for _, e := range doc.Events {
			if e.Span.Start < 0 || e.Span.Start > e.Span.End || e.Span.End > len(doc.Text) || e.Text != doc.Text[e.Span.Start:e.Span.End] {
				t.Fatalf("event %+v outside or unlike text of %d bytes", e, len(doc.Text))
			}
		}
	})
}
