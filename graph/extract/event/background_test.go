package event

import (
	"strings"
	"testing"
)

// TestBackground: a past event the article recalls is marked background
// and dated only by its own date, never by the publication day or the
// sentence before, also when the recall dates from a phase of it ("since
// the first days of"); the news of the sentence stays asserted, and a
// possessor after "of" is a party, not a place.
func TestBackground(t *testing.T) {
	tests := []struct {
		in   string
		want []string // prefixes of events as found renders them; the trigger's event must be one
	}{
		{"Prices have risen since [Russia|LOC]'s invasion of [Ukraine|LOC].", []string{`force "invasion" background - [Russia; Ukraine]`}},
		{"Ukraine has held out since the first days of [Russia|LOC]'s full-scale invasion.", []string{`force "full-scale invasion" background - [Russia]`}},
		{"[Oleksandr Obedinsky|PER] moved to [Chernivtsi|LOC] after the beginning of [Russia|LOC]'s invasion.", []string{`force "invasion" background - [Russia]`}},
		{"The start of [Russia|LOC]'s invasion was hard.", []string{`force "invasion" asserted - [Russia]`}},
		{"Exports fell since the beginning of the invasion of [Ukraine|LOC].", []string{`force "invasion" background - [Ukraine]`}},
		{"Tensions grew after the 2014 invasion of [Crimea|LOC] by [Russia|LOC].", []string{`force "invasion" background 2014(text) [Crimea; Russia]`}},
		{"[Vladimir Putin|PER] met [Emmanuel Macron|PER] in [Moscow|LOC] on Monday.", []string{`meeting "met" asserted 2022-06-06(text)`}},
		// "after" alone does not make background: the talks are the news.
		{"After talks with [Vladimir Putin|PER] on Monday, [Emmanuel Macron|PER] flew to [Kyiv|LOC].", []string{`meeting "talks" asserted 2022-06-06(text)`}},
	}
	// A sentence that looks ahead recalls nothing.
	for _, in := range []string{"It will be too late to impose sanctions after the start of [Russia|LOC]'s invasion."} {
		for _, g := range found(t, in, "2021-12-17") {
			if strings.Contains(g, " background ") {
				t.Errorf("%s: %s is no recall", in, g)
			}
		}
	}
	for _, tt := range tests {
		got := found(t, tt.in, "2022-06-08")
		for _, w := range tt.want {
			ok := false
			for _, g := range got {
				ok = ok || strings.HasPrefix(g, w)
			}
			if !ok {
				t.Errorf("%s:\n got %q\nwant an event %s", tt.in, got, w)
			}
		}
	}
}

// TestUnnamedRecall: a recall of a use of force that names no party and
// no date ("since the beginning of the war", "since the first days of the
// full-scale invasion") takes the country the article names most as its
// party, so that the store can link it; a name in the phrase ("since the
// Nazi invasion") or no clear country keeps it no event, and "the war"
// outside a recall is none either. The sentences are the press releases'.
func TestUnnamedRecall(t *testing.T) {
	tests := []struct {
		in   string
		want string // the one event expected, "" for none
	}{
		{"[Portugal|LOC] has been helping [Ukraine|LOC]. [Ukraine|LOC] is grateful. Since the beginning of the war, almost 300,000 people have been evacuated.",
			`force "war" background - [Ukraine]`},
		{"[Ukraine|LOC] thanked its partners. [Ukraine|LOC] has held out since the first days of the full-scale invasion.",
			`force "full-scale invasion" background - [Ukraine]`},
		{"In [Mariupol|LOC], for the first time since the [Nazi|MISC] invasion, a child died. [Ukraine|LOC] mourns. [Ukraine|LOC] will not forget.", ""},
		{"[Poland|LOC] and [Ukraine|LOC] agreed. Since the beginning of the war, trade has grown.", ""},
		{"[Ukraine|LOC] is at war. [Ukraine|LOC] says the war goes on.", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range found(t, tt.in, "2022-04-16") {
			if strings.HasPrefix(g, "force ") {
				got = append(got, g)
			}
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s:\n got %q, want no use of force", tt.in, got)
		case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tt.want)):
			t.Errorf("%s:\n got %q\nwant %s", tt.in, got, tt.want)
		}
	}
}
