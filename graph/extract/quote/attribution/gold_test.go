package attribution

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dateline/timeline"
)

// readFixture reads the gold and the article text of the GUM crane
// article (Wikinews, CC BY 2.5) kept in testdata.
func readFixture(t *testing.T) (*Gold, map[string]string) {
	t.Helper()
	f, err := os.Open("testdata/crane-gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	af, err := os.Open("testdata/crane-articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer af.Close()
	texts := map[string]string{}
	sc := bufio.NewScanner(af)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var tx Text
		if err := json.Unmarshal(sc.Bytes(), &tx); err != nil {
			t.Fatal(err)
		}
		texts[tx.ID] = tx.Text
	}
	return g, texts
}

func TestReadFixture(t *testing.T) {
	g, texts := readFixture(t)
	if len(g.Articles) != 1 || g.Articles[0].ID != "gum/GUM_news_crane" || g.Articles[0].Source != "gum" {
		t.Fatalf("articles = %+v", g.Articles)
	}
	as := g.Attributions["gum/GUM_news_crane"]
	if len(as) != 3 {
		t.Fatalf("%d attributions, want 3", len(as))
	}
	// In content order: the ministry's report, al-Amr's quote, Al-Maeena's
	// quote of two parts.
	if as[0].Kind != Government || as[0].Direct || as[1].Speaker != "Suleiman al-Amr" || !as[1].Direct || len(as[2].Content) != 2 {
		t.Errorf("attributions = %+v", as)
	}
	if err := g.Verify(texts); err != nil {
		t.Errorf("Verify on the fixture's own text: %v", err)
	}
}

func TestVerifyFailsLoudly(t *testing.T) {
	g, texts := readFixture(t)
	id := g.Articles[0].ID
	text := texts[id]

	// A different text (one byte changed) fails on the hash.
	changed := map[string]string{id: strings.Replace(text, "storm", "Storm", 1)}
	if err := g.Verify(changed); err == nil || !strings.Contains(err.Error(), "hash") {
		t.Errorf("changed text: err = %v, want a hash mismatch", err)
	}
	// A missing article fails.
	if err := g.Verify(map[string]string{}); err == nil || !strings.Contains(err.Error(), "not in the articles file") {
		t.Errorf("missing text: err = %v", err)
	}
	// Offsets that no longer cover the recorded words fail, with every
	// mismatch reported.
	as := g.Attributions[id]
	as[0].Content[0][0]++
	as[1].CueSpan = [2]int{0, 3}
	err := g.Verify(texts)
	if err == nil || !strings.Contains(err.Error(), "content") || !strings.Contains(err.Error(), "cue") {
		t.Errorf("shifted spans: err = %v, want content and cue mismatches", err)
	}
}

func TestReadRejects(t *testing.T) {
	const art = `{"type":"article","article":"a","source":"gum","published":"2015-09-12","title":"t","publisher":"p","origin":"f#k","sha256":"` +
		"0000000000000000000000000000000000000000000000000000000000000000" + `"}`
	const ok = `{"type":"attribution","article":"a","direct":true,"content":[[0,5]],"content_text":["abcde"],"cue":"said","cue_span":[6,10],"speaker_text":"he","speaker_span":[11,13],"speaker":"X Y","kind":"person","date":"2015-09-12","date_how":"publication"}`
	if _, err := Read(strings.NewReader(art + "\n" + ok + "\n")); err != nil {
		t.Fatalf("valid gold: %v", err)
	}
	for _, tt := range []struct{ name, lines, want string }{
		{"attribution before its article", ok + "\n" + art, "before (or without) its article"},
		{"unknown type", art + "\n" + `{"type":"quote"}`, "type"},
		{"unknown field", art + "\n" + strings.Replace(ok, `"cue":`, `"cues":"x","cue":`, 1), "unknown field"},
		{"bad kind", art + "\n" + strings.Replace(ok, `"person"`, `"people"`, 1), "kind"},
		{"unnamed with a name", art + "\n" + strings.Replace(ok, `"person"`, `"unnamed"`, 1), "unnamed speaker"},
		{"named without a name", art + "\n" + strings.Replace(ok, `"X Y"`, `""`, 1), "without a canonical speaker"},
		{"bad date", art + "\n" + strings.Replace(ok, `"2015-09-12","date_how"`, `"12/09/2015","date_how"`, 1), "date"},
		{"bad date how", art + "\n" + strings.Replace(ok, `"publication"`, `"guessed"`, 1), "date_how"},
		{"reversed span", art + "\n" + strings.Replace(ok, `[[0,5]]`, `[[5,0]]`, 1), "reversed"},
		{"texts and spans disagree", art + "\n" + strings.Replace(ok, `["abcde"]`, `["abcde","f"]`, 1), "content texts"},
		{"article twice", art + "\n" + art, "twice"},
		{"bad hash", strings.Replace(art, `"sha256":"0`, `"sha256":"x`, 1), "sha256"},
	} {
		if _, err := Read(strings.NewReader(tt.lines)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		prec timeline.Precision
	}{
		{"2016-05-27", "2016-05-27", timeline.Day},
		{"2016-W19", "2016-05-09", timeline.Week}, // ISO week 19 of 2016 starts on Monday 9 May
		{"2021-W01", "2021-01-04", timeline.Week},
		{"2016-05", "2016-05-01", timeline.Month},
		{"2014", "2014-01-01", timeline.Year},
	} {
		d, err := ParseDate(tt.in)
		if err != nil || d.Start.Format("2006-01-02") != tt.want || d.Precision != tt.prec {
			t.Errorf("ParseDate(%q) = %v (%s), %v; want %s (%s)", tt.in, d.Start, d.Precision, err, tt.want, tt.prec)
		}
	}
	for _, bad := range []string{"", "2016-W54", "2015-W53x", "May 2016", "2016-05-27T10:00:00Z", "2016-13"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
}
