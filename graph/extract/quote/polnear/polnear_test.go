package polnear

import (
	"context"
	"math"
	"strings"
	"testing"

	"dateline/graph"
)

// mini is the hand-made corpus in testdata/mini: one article with
// non-ASCII text, annotated twice (the second file must be ignored).
func mini(t *testing.T) Document {
	t.Helper()
	docs, err := ReadDir(context.Background(), "testdata/mini")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1 (one article, two annotators)", len(docs))
	}
	return docs[0]
}

func TestReadDir(t *testing.T) {
	d := mini(t)
	if d.Name != "cafe" || d.Annotator != "x1" {
		t.Errorf("document %q by %q, want cafe by x1 (first file in name order)", d.Name, d.Annotator)
	}
	want := []struct {
		source, cue, content string
		speech, direct       bool
	}{
		{"Zoë Müller", "said", "that prices would rise", true, false},
		{"she", "added", "“We are worried,”", true, true},
		{"He", "feels", "it is fine", false, false},
		{"Müller", ":", "Good morning", true, false},
	}
	if len(d.Attributions) != len(want) {
		t.Fatalf("got %d attributions, want %d", len(d.Attributions), len(want))
	}
	for i, w := range want {
		a := d.Attributions[i]
		got := [3]string{a.Source[0].Of(d.Text), a.CueText, a.Content[0].Of(d.Text)}
		if got != [3]string{w.source, w.cue, w.content} {
			t.Errorf("attribution %d = %q, want %q", i, got, [3]string{w.source, w.cue, w.content})
		}
		if a.Speech != w.speech || a.Direct != w.direct {
			t.Errorf("attribution %d: speech %v direct %v, want %v %v", i, a.Speech, a.Direct, w.speech, w.direct)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, ann string }{
		{"offset past the text", "T1\tContent 0 99\tx\n"},
		{"bad offsets", "T1\tContent a b\tx\n"},
		{"unknown reference", "T1\tContent 0 2\tab\nE1\tAttribution:T1 Content:T7\n"},
	}
	for _, tc := range tests {
		if _, err := Parse("abcd", strings.NewReader(tc.ann)); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	// Discontinuous spans and several contents join into one attribution.
	got, err := Parse("ab cd ef", strings.NewReader("T1\tContent 0 2;6 8\tab ef\nT2\tContent 3 5\tcd\nT3\tCue 3 4\tc\nE1\tAttribution:T3 Content:T1 Content2:T2 Cue:T3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Content) != 3 {
		t.Fatalf("got %+v, want one attribution with three content fragments", got)
	}
}

func TestSpeechCue(t *testing.T) {
	tests := []struct {
		cue  string
		want bool
	}{
		{"said", true}, {"Said", true}, {"told reporters", true}, {"According to", true},
		{":", true}, {" : ", true}, {"feels", false}, {"don’t like", false}, {"believes", false}, {"thinks", true},
	}
	for _, tc := range tests {
		if got := SpeechCue(tc.cue); got != tc.want {
			t.Errorf("SpeechCue(%q) = %v, want %v", tc.cue, got, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	d := mini(t)
	at := func(s string) graph.Span {
		i := strings.Index(d.Text, s)
		return graph.Span{Start: i, End: i + len(s)}
	}
	preds := []Prediction{
		{Content: []graph.Span{at("prices would rise")}, Speaker: at("Zoë Müller")},           // matches the first, speaker right
		{Content: []graph.Span{at("We are worried")}, Speaker: at("she"), Direct: true},       // matches the second, speaker right
		{Content: []graph.Span{at("it is fine")}, Speaker: at("He")},                          // matches a belief: precision only
		{Content: []graph.Span{at("Café owner")}, Speaker: at("Café")},                        // matches nothing
		{Content: []graph.Span{at("that prices")}, Speaker: at("owner")},                      // the first is taken by a better overlap
		{Content: []graph.Span{at("Good morning.\n")}, Speaker: at("morning"), Direct: false}, // matches the colon turn, speaker wrong
	}
	c := Score(d, preds)
	r := c.Result()
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", name, got, want)
		}
	}
	near("precision", r.Content.Precision, 4.0/6)
	near("recall", r.Content.Recall, 3.0/3)
	near("f1", r.Content.F1, 2*(4.0/6)/(4.0/6+1))
	near("speaker accuracy", r.SpeakerAccuracy, 2.0/3)
	near("direct precision", r.Direct.Precision, 1)
	near("direct recall", r.Direct.Recall, 1)
	near("direct speaker accuracy", r.Direct.SpeakerAccuracy, 1)
	near("reported precision", r.Reported.Precision, 3.0/5)
	near("reported recall", r.Reported.Recall, 1)
	near("reported speaker accuracy", r.Reported.SpeakerAccuracy, 1.0/2)
	near("all attributions recall", r.AllAttributionsRecall, 4.0/4)
	if r.Articles != 1 {
		t.Errorf("articles = %d, want 1", r.Articles)
	}
	// Half of the shorter span is the threshold: "it is" (5 code points)
	// against "it is fine" (10) matches; so does "it", wholly inside; but
	// "fine.\n\nMüller: Good" overlaps "it is fine" by 4 of 10 and "Good
	// morning" by 4 of 12: no match.
	for _, tc := range []struct {
		s    string
		want int
	}{{"it is", 1}, {"it", 1}, {"fine.\n\nMüller: Good", 0}} {
		got := Score(d, []Prediction{{Content: []graph.Span{at(tc.s)}}})
		if got.AllMatched != tc.want {
			t.Errorf("prediction %q matched %d, want %d", tc.s, got.AllMatched, tc.want)
		}
	}
}

func TestPart(t *testing.T) {
	var docs []Document
	for _, n := range []string{"j", "c", "a", "h", "b", "e", "d", "i", "g", "f"} {
		docs = append(docs, Document{Name: n})
	}
	names := func(ds []Document) string {
		var b strings.Builder
		for _, d := range ds {
			b.WriteString(d.Name)
		}
		return b.String()
	}
	for part, want := range map[string]string{PartAll: "abcdefghij", PartTune: "abcdefgh", PartAside: "ij"} {
		got, err := Part(docs, part)
		if err != nil {
			t.Fatal(err)
		}
		if names(got) != want {
			t.Errorf("Part(%s) = %s, want %s", part, names(got), want)
		}
	}
	if names(docs) != "jcahbedigf" {
		t.Errorf("Part reordered its input: %s", names(docs))
	}
	if _, err := Part(docs, "test"); err == nil {
		t.Error("Part accepted an unknown part")
	}
}
