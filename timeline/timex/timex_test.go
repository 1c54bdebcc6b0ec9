package timex

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dateline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// anchor20220208 is the publication date of the team's sample article, a
// Tuesday.
var anchor20220208 = timeline.At(time.Date(2022, 2, 8, 0, 0, 0, 0, time.UTC), timeline.Day)

// want is one expected expression: its text, type, value, and the interval
// as Date.String() and precision ("" and Unknown for unanchored ones).
type want struct {
	text  string
	typ   Type
	value string
	date  string
	prec  timeline.Precision
}

func TestTag(t *testing.T) {
	a := anchor20220208
	sat := timeline.At(time.Date(2022, 2, 12, 0, 0, 0, 0, time.UTC), timeline.Day)
	tests := []struct {
		name   string
		text   string
		anchor timeline.Date
		opts   Options
		want   []want
	}{
		{"last week is the ISO week before", "US President Joe Biden last week authorised the deployment.", a,
			Options{}, []want{{"last week", Date, "2022-W05", "2022-W05", timeline.Week}}},
		{"on Monday from a Tuesday", "They met on Monday in Moscow.", a, Options{},
			[]want{{"Monday", Date, "2022-02-07", "2022-02-07", timeline.Day}}},
		{"in 2014 is the year", "Russia annexed Crimea in 2014.", a, Options{},
			[]want{{"2014", Date, "2014", "2014", timeline.Year}}},
		{"a law's number is no year", "The head of state signed Law of Ukraine No. 1915-IX \"On the Service of Military Chaplains,\" which was passed by Parliament on November 30.", a, Options{},
			[]want{{"November 30", Date, "2021-11-30", "2021-11-30", timeline.Day}}},
		{"a convocation's numeral", "Resolution 2047-VIII was adopted in 2017.", a, Options{},
			[]want{{"2017", Date, "2017", "2017", timeline.Year}}},
		{"decade", "It began in the 1990s.", a, Options{},
			[]want{{"the 1990s", Date, "199", "199", timeline.Decade}}},
		{"quarter with year", "Profit fell in Q3 2021.", a, Options{},
			[]want{{"Q3 2021", Date, "2021-Q3", "2021-Q3", timeline.Quarter}}},
		{"ordinal quarter of year", "Sales rose in the third quarter of 2021.", a, Options{},
			[]want{{"the third quarter of 2021", Date, "2021-Q3", "2021-Q3", timeline.Quarter}}},
		{"two days ago", "The talks ended two days ago.", a, Options{},
			[]want{{"two days ago", Date, "2022-02-06", "2022-02-06", timeline.Day}}},
		{"next Tuesday skips today", "They will meet again next Tuesday.", a, Options{},
			[]want{{"next Tuesday", Date, "2022-02-15", "2022-02-15", timeline.Day}}},
		{"yesterday", "Macron arrived yesterday.", a, Options{},
			[]want{{"yesterday", Date, "2022-02-07", "2022-02-07", timeline.Day}}},
		{"today and tomorrow", "Talks continue today and end tomorrow.", a, Options{}, []want{
			{"today", Date, "2022-02-08", "2022-02-08", timeline.Day},
			{"tomorrow", Date, "2022-02-09", "2022-02-09", timeline.Day}}},
		{"the following day chains", "On March 3 the envoys met. The following day they signed.", a, Options{}, []want{
			{"March 3", Date, "2022-03-03", "2022-03-03", timeline.Day},
			{"The following day", Date, "2022-03-04", "2022-03-04", timeline.Day}}},
		{"a week later chains", "The summit opened on Jan. 10. A week later it collapsed.", a, Options{}, []want{
			{"Jan. 10", Date, "2022-01-10", "2022-01-10", timeline.Day},
			{"A week later", Date, "2022-01-17", "2022-01-17", timeline.Day}}},
		{"range of months is two dates", "Exercises run from March to May.", a, Options{}, []want{
			{"March", Date, "2022-03", "2022-03", timeline.Month},
			{"May", Date, "2022-05", "2022-05", timeline.Month}}},
		{"range across new year", "The freeze lasted from November to February.", a, Options{}, []want{
			{"November", Date, "2021-11", "2021-11", timeline.Month},
			{"February", Date, "2022-02", "2022-02", timeline.Month}}},
		{"range of years", "He served between 2014 and 2022.", a, Options{}, []want{
			{"2014", Date, "2014", "2014", timeline.Year},
			{"2022", Date, "2022", "2022", timeline.Year}}},
		{"clock with city zone", "The talks started at 5pm Moscow time.", a, Options{},
			[]want{{"5pm Moscow time", Time, "2022-02-08T17:00", "2022-02-08T14:00", timeline.Minute}}},
		{"clock with zone abbreviation", "Markets closed at 10:30 a.m. EST.", a, Options{},
			[]want{{"10:30 a.m. EST", Time, "2022-02-08T10:30", "2022-02-08T15:30", timeline.Minute}}},
		{"clock then day", "The deadline is 9 a.m. Tuesday.", a, Options{},
			[]want{{"9 a.m. Tuesday", Time, "2022-02-08T09:00", "2022-02-08T09:00", timeline.Minute}}},
		{"duration is not anchored", "Putin said after his five-hour meeting with Macron.", a, Options{},
			[]want{{"five-hour", Duration, "PT5H", "", timeline.Unknown}}},
		{"duration in years", "The war has lasted three years.", a, Options{},
			[]want{{"three years", Duration, "P3Y", "", timeline.Unknown}}},
		{"set", "They meet every Monday.", a, Options{},
			[]want{{"every Monday", Set, "XXXX-WXX-1", "", timeline.Unknown}}},
		{"weekly set", "The report is published weekly.", a, Options{},
			[]want{{"weekly", Set, "P1W", "", timeline.Unknown}}},
		{"any day now is not a date", "Russia could invade Ukraine any day now.", a, Options{}, nil},
		{"present ref", "Kyiv is now calm.", a, Options{},
			[]want{{"now", Date, "PRESENT_REF", "", timeline.Unknown}}},
		{"past and future refs", "Recently, as in the past, talks failed; the future is open.", a, Options{}, []want{
			{"Recently", Date, "PAST_REF", "", timeline.Unknown},
			{"the past", Date, "PAST_REF", "", timeline.Unknown},
			{"the future", Date, "FUTURE_REF", "", timeline.Unknown}}},
		{"ISO date", "Published 2022-02-08.", a, Options{},
			[]want{{"2022-02-08", Date, "2022-02-08", "2022-02-08", timeline.Day}}},
		{"long date", "on February 8, 2022, in Moscow", a, Options{},
			[]want{{"February 8, 2022", Date, "2022-02-08", "2022-02-08", timeline.Day}}},
		{"day month", "on 8 Feb the leaders met", a, Options{},
			[]want{{"8 Feb", Date, "2022-02-08", "2022-02-08", timeline.Day}}},
		{"abbreviated month day", "on Feb. 8 the leaders met", a, Options{},
			[]want{{"Feb. 8", Date, "2022-02-08", "2022-02-08", timeline.Day}}},
		{"slashed month first", "signed on 8/2/2022", a, Options{},
			[]want{{"8/2/2022", Date, "2022-08-02", "2022-08-02", timeline.Day}}},
		{"slashed day first", "signed on 8/2/2022", a, Options{DayFirst: true},
			[]want{{"8/2/2022", Date, "2022-02-08", "2022-02-08", timeline.Day}}},
		{"bare month is the nearest past one", "Talks stalled in December.", a, Options{},
			[]want{{"December", Date, "2021-12", "2021-12", timeline.Month}}},
		{"this year", "Elections are due this year.", a, Options{},
			[]want{{"this year", Date, "2022", "2022", timeline.Year}}},
		{"the third quarter in February is last year's", "Output fell in the third quarter.", a, Options{},
			[]want{{"the third quarter", Date, "2021-Q3", "2021-Q3", timeline.Quarter}}},
		{"earlier this month", "Troops arrived earlier this month.", a, Options{},
			[]want{{"earlier this month", Date, "2022-02", "2022-02", timeline.Month}}},
		{"weekday in an article of the next day", "The ministers met Friday.", sat, Options{},
			[]want{{"Friday", Date, "2022-02-11", "2022-02-11", timeline.Day}}},
		{"weekday on its own day", "The ministers met Saturday.", sat, Options{},
			[]want{{"Saturday", Date, "2022-02-12", "2022-02-12", timeline.Day}}},
		{"weekday in future tense", "The ministers will meet on Friday.", a, Options{},
			[]want{{"Friday", Date, "2022-02-11", "2022-02-11", timeline.Day}}},
		{"weekday in past tense", "The ministers met on Friday.", a, Options{},
			[]want{{"Friday", Date, "2022-02-04", "2022-02-04", timeline.Day}}},
		{"last night is a time", "Shelling resumed last night.", a, Options{},
			[]want{{"last night", Time, "2022-02-07TNI", "2022-02-07", timeline.Day}}},
		{"holiday", "He was found on Thanksgiving Day.", a, Options{},
			[]want{{"Thanksgiving Day", Date, "2021-11-25", "2021-11-25", timeline.Day}}},
		{"the weekend", "Protests grew over the weekend.", a, Options{},
			[]want{{"the weekend", Date, "2022-W05-WE", "2022-W05", timeline.Week}}},
		{"spelled year", "In nineteen ninety-six a bomb exploded.", a, Options{},
			[]want{{"nineteen ninety-six", Date, "1996", "1996", timeline.Year}}},
		{"unanchored weekday", "They met on Friday.", timeline.Date{}, Options{},
			[]want{{"Friday", Date, "XXXX-WXX-5", "", timeline.Unknown}}},
		{"unanchored absolute date", "They met on February 8, 2022.", timeline.Date{}, Options{},
			[]want{{"February 8, 2022", Date, "2022-02-08", "2022-02-08", timeline.Day}}},
		{"counts are not years", "It deployed 3000 troops and paid $1990.", a, Options{}, nil},
		{"range start takes the end's year", "Profits rose from January through September 2021.", a, Options{}, []want{
			{"January", Date, "2021-01", "2021-01", timeline.Month},
			{"September 2021", Date, "2021-09", "2021-09", timeline.Month}}},
		{"conjoined day", "The summit is on April 24 and 25.", a, Options{}, []want{
			{"April 24", Date, "2022-04-24", "2022-04-24", timeline.Day},
			{"25", Date, "2022-04-25", "2022-04-25", timeline.Day}}},
		{"season as a name", "Xi opened the Winter Olympics.", a, Options{}, nil},
		{"approximator needs a count", "We must think about the future, as we did about two years ago.", a, Options{}, []want{
			{"the future", Date, "FUTURE_REF", "", timeline.Unknown},
			{"about two years ago", Date, "2020", "2020", timeline.Year}}},
		{"modal after the weekday", "On Monday I will speak to the Parliament.", a, Options{},
			[]want{{"Monday", Date, "2022-02-14", "2022-02-14", timeline.Day}}},
		{"modal of a relative clause after the weekday", "The legislature pushed through two bills on Monday that will limit his powers.", a, Options{},
			[]want{{"Monday", Date, "2022-02-07", "2022-02-07", timeline.Day}}},
		{"this weekday is in the current week", "I spoke this Monday and will speak this Friday.", a, Options{}, []want{
			{"this Monday", Date, "2022-02-07", "2022-02-07", timeline.Day},
			{"this Friday", Date, "2022-02-11", "2022-02-11", timeline.Day}}},
		{"24-hour clock", "The briefing starts at 19:00.", a, Options{},
			[]want{{"19:00", Time, "2022-02-08T19:00", "2022-02-08T19:00", timeline.Minute}}},
		{"century", "the worst war of the 21st century", a, Options{},
			[]want{{"the 21st century", Date, "20", "20", timeline.Century}}},
		{"day before yesterday", "They signed it the day before yesterday.", a, Options{},
			[]want{{"the day before yesterday", Date, "2022-02-06", "2022-02-06", timeline.Day}}},
		{"the day before an event is not dated", "They met the day before the vote.", a, Options{}, nil},
		{"quarter named by its end", "For the quarter ended Sept. 30, sales rose.", a, Options{}, []want{
			{"the quarter", Date, "2021-Q3", "2021-Q3", timeline.Quarter},
			{"Sept. 30", Date, "2021-09-30", "2021-09-30", timeline.Day}}},
		{"a year ago in a quarterly report", "Third-quarter profit rose from a year ago.", a, Options{}, []want{
			{"Third-quarter", Date, "2021-Q3", "2021-Q3", timeline.Quarter},
			{"a year ago", Date, "2020-Q3", "2020-Q3", timeline.Quarter}}},
		{"last with a month and day", "He was shot last Oct. 23 at home.", a, Options{},
			[]want{{"last Oct. 23", Date, "2021-10-23", "2021-10-23", timeline.Day}}},
		{"month with this year", "The talks began in February this year.", a, Options{},
			[]want{{"February this year", Date, "2022-02", "2022-02", timeline.Month}}},
		{"season of a spelled year", "prices we saw in the winter of nineteen ninety-four", a, Options{},
			[]want{{"the winter of nineteen ninety-four", Date, "1994-WI", "1994-Q4", timeline.Quarter}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tag(tt.text, tt.anchor, tt.opts)
			var gotW []want
			for _, x := range got {
				if x.Span.Of(tt.text) != x.Text {
					t.Errorf("span %v covers %q, Text is %q", x.Span, x.Span.Of(tt.text), x.Text)
				}
				gotW = append(gotW, want{x.Text, x.Type, x.Value, x.Date.String(), x.Date.Precision})
			}
			if fmt.Sprint(gotW) != fmt.Sprint(tt.want) {
				t.Errorf("Tag(%q)\n got %v\nwant %v", tt.text, gotW, tt.want)
			}
		})
	}
}

// TestIntervalHasPrecision checks that "in 2014" is the whole year, not its
// first day, and that a zoned clock time is converted to UTC.
func TestIntervalHasPrecision(t *testing.T) {
	x := Tag("in 2014", anchor20220208, Options{})
	if len(x) != 1 {
		t.Fatalf("got %d expressions, want 1", len(x))
	}
	d := x[0].Date
	if !d.Contains(time.Date(2014, 12, 31, 23, 0, 0, 0, time.UTC)) || d.Contains(time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("in 2014: interval [%v, %v) does not cover exactly the year", d.Start, d.End())
	}
	x = Tag("at 5pm Moscow time", anchor20220208, Options{})
	if len(x) != 1 || !x[0].Date.Start.Equal(time.Date(2022, 2, 8, 14, 0, 0, 0, time.UTC)) {
		t.Errorf("5pm Moscow time: got %+v, want 14:00 UTC", x)
	}
	if !x[0].Anchored() {
		t.Errorf("5pm Moscow time: not anchored")
	}
}

func readSample(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("testdata", "sample-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSampleArticle(t *testing.T) {
	text := readSample(t)
	xs := Tag(text, anchor20220208, Options{})
	var lastWeek *Timex
	for i, x := range xs {
		if x.Text == "last week" {
			lastWeek = &xs[i]
		}
		if strings.Contains(x.Text, "now") || x.Value == "PRESENT_REF" {
			t.Errorf("found %q (%s) in the sample article; \"any day now\" is not a date", x.Text, x.Value)
		}
	}
	if lastWeek == nil {
		t.Fatalf("\"last week\" not found in %v", xs)
	}
	if lastWeek.Value != "2022-W05" || lastWeek.Date.Precision != timeline.Week ||
		!lastWeek.Date.Start.Equal(time.Date(2022, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("last week = %s %v, want 2022-W05 starting Monday 2022-01-31", lastWeek.Value, lastWeek.Date)
	}
	if got := lastWeek.Span.Of(text); got != "last week" {
		t.Errorf("span %v covers %q", lastWeek.Span, got)
	}
}

// TestSampleGolden pins the whole output on the sample article; run with
// -update after an intended change.
func TestSampleGolden(t *testing.T) {
	text := readSample(t)
	var b strings.Builder
	for _, x := range Tag(text, anchor20220208, Options{}) {
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\t%s\n", x.Span.Start, x.Span.End, x.Text, x.Type, x.Value, x.Date.Precision)
	}
	golden := filepath.Join("testdata", "sample-article.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("sample article output differs from %s (run go test -update):\n got:\n%s\nwant:\n%s", golden, b.String(), want)
	}
}

func TestConcurrent(t *testing.T) {
	text := readSample(t)
	want := fmt.Sprint(Tag(text, anchor20220208, Options{}))
	done := make(chan string)
	for range 4 {
		go func() { done <- fmt.Sprint(Tag(text, anchor20220208, Options{})) }()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Tag differs")
		}
	}
}

func TestTypeString(t *testing.T) {
	for typ, want := range map[Type]string{Date: "DATE", Time: "TIME", Duration: "DURATION", Set: "SET", 0: "UNKNOWN", 9: "UNKNOWN"} {
		if got := typ.String(); got != want {
			t.Errorf("Type(%d).String() = %q, want %q", typ, got, want)
		}
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"last week", "on Monday", "8/2/2022", "February 8, 2022", "the 1990s", "Q3 2021",
		"at 5pm Moscow time", "10:30 a.m. EST Tuesday", "the day before last Tuesday", "April 24 and 25",
		"nineteen ninety-six", "the year two thousand", "2022-02-08T17:00", "\xff\xfe Feb. 31", "the week of",
		"Thanksgiving Day", "fiscal 1989's third quarter", "a year earlier", "the quarter ended Sept. 30",
	} {
		f.Add(s, int64(19044), uint8(timeline.Day))
	}
	f.Fuzz(func(t *testing.T, text string, days int64, prec uint8) {
		var anchor timeline.Date
		if p := timeline.Precision(prec % 11); p != timeline.Unknown {
			anchor = timeline.At(timeline.FromDay(days%200000), p)
		}
		xs := Tag(text, anchor, Options{DayFirst: days%2 == 0})
		// Rune boundaries as decoding sees them (an invalid byte is a
		// rune of its own), plus the end of the text.
		boundary := make([]bool, len(text)+1)
		for i := range text {
			boundary[i] = true
		}
		boundary[len(text)] = true
		prev := 0
		for _, x := range xs {
			s, e := x.Span.Start, x.Span.End
			if s < prev || s >= e || e > len(text) {
				t.Fatalf("bad span %v after %d in %q", x.Span, prev, text)
			}
			if !boundary[s] || !boundary[e] {
				t.Fatalf("span %v not on rune boundaries in %q", x.Span, text)
			}
			if x.Text != text[s:e] {
				t.Fatalf("Text %q != span text %q", x.Text, text[s:e])
			}
			if x.Type < Date || x.Type > Set {
				t.Fatalf("bad type %d", x.Type)
			}
			if (x.Type == Duration || x.Type == Set) && x.Anchored() {
				t.Fatalf("%s %q is anchored", x.Type, x.Text)
			}
			prev = e
		}
	})
}

func BenchmarkTag(b *testing.B) {
	text := readSample(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tag(text, anchor20220208, Options{})
	}
}
