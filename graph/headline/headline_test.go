package headline

import (
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/store"
)

func TestOf(t *testing.T) {
	cases := []struct {
		name string
		e    Event
		want string
	}{
		{"a meeting by roles with its place", Event{Category: "meeting", Actor: "Vladimir Putin", Others: []string{"Vladimir Putin", "Emmanuel Macron"}, Place: "Moscow"},
			"Vladimir Putin and Emmanuel Macron met in Moscow"},
		{"an announced meeting", Event{Category: "meeting", Actor: "Olaf Scholz", Target: "Joe Biden", Future: true},
			"Olaf Scholz and Joe Biden to meet"},
		{"many at one table", Event{Category: "meeting", Others: []string{"A", "B", "C", "D", "E"}},
			"A, B, C and 2 others met"},
		{"one party to a meeting", Event{Category: "meeting", Others: []string{"Xi Jinping"}, Place: "Beijing"},
			"Xi Jinping held talks in Beijing"},
		{"an attack by roles", Event{Category: "force", Actor: "Russia", Target: "Ukraine", Place: "Donbas"},
			"Russia attacked Ukraine in Donbas"},
		{"an attack with no target", Event{Category: "force", Actor: "Russia", Others: []string{"Russia"}},
			"Russia launched an attack"},
		{"the headline passive", Event{Category: "sanctions", Target: "Russia", Others: []string{"Russia", "European Union"}},
			"Russia sanctioned"},
		{"a place that is a party is not repeated", Event{Category: "force", Actor: "Russia", Target: "Ukraine", Place: "Ukraine"},
			"Russia attacked Ukraine"},
		{"the place among participants is said once, at the end", Event{Category: "protest", Others: []string{"Moscow", "Greenpeace"}, Place: "Moscow"},
			"Protest involving Greenpeace in Moscow"},
		{"job cuts with their number", Event{Category: "job_cuts", Actor: "General Motors", Sentence: "General Motors said it would cut 2,000 jobs at its plants."},
			"General Motors cut 2,000 jobs"},
		{"job cuts without a number", Event{Category: "job_cuts", Actor: "General Motors", Sentence: "GM will shrink."},
			"General Motors cut jobs"},
		{"an intransitive phrase takes the target with its preposition", Event{Category: "demand", Actor: "Vladimir Putin", Target: "Emmanuel Macron"},
			"Vladimir Putin made demands of Emmanuel Macron"},
		{"an intransitive phrase with only a target names no doer", Event{Category: "demand", Target: "Europe", Place: "Georgia"},
			"Demands involving Europe in Georgia"},
		{"nobody but a place", Event{Category: "accident", Place: "Chornobyl"}, "Accident in Chornobyl"},
		{"nobody and no place: the sentence", Event{Category: "force", Sentence: "  Shelling resumed overnight.  "}, "Shelling resumed overnight"},
		{"participants without roles", Event{Category: "accident", Others: []string{"A", "B"}}, "Accident involving A and B"},
		{"an unknown category still reads as words", Event{Category: "space_launch", Actor: "NASA"}, "NASA was in the news"},
	}
	for _, c := range cases {
		if got := Of(c.e); got != c.want {
			t.Errorf("%s: Of(%+v) = %q, want %q", c.name, c.e, got, c.want)
		}
	}
}

// TestEveryCategoryReads checks that each known category, given only an
// actor, writes a sentence naming it rather than the category's word.
func TestEveryCategoryReads(t *testing.T) {
	for c, v := range verbs {
		got := Of(Event{Category: c, Actor: "Acme", Place: "Detroit"})
		if !strings.HasPrefix(got, "Acme ") || !strings.HasSuffix(got, " in Detroit") || strings.Contains(got, "_") {
			t.Errorf("%s: %q", c, got)
		}
		if v.shape != intransitive && (v.one == "" || v.oneBase == "") {
			t.Errorf("%s: a %v verb needs a phrase for a single participant", c, v.shape)
		}
		if v.shape == transitive && v.passed == "" {
			t.Errorf("%s: a transitive verb needs its participle", c)
		}
	}
}

func TestShorten(t *testing.T) {
	long := "The ministry said on Tuesday that it had recorded more than four hundred violations of the ceasefire along the contact line in the east of the country."
	got := shorten(long)
	if r := []rune(got); len(r) > maxSentence+1 || !strings.HasSuffix(got, "…") || strings.HasSuffix(strings.TrimSuffix(got, "…"), " ") {
		t.Errorf("shorten(long) = %q", got)
	}
	if !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("shorten cut inside the text: %q", got)
	}
	if got := shorten("“We will win.”"); got != "We will win" {
		t.Errorf("shorten(quote) = %q", got)
	}
}

// TestStored checks that a stored event is read by roles, with names the
// name function cannot give left out.
func TestStored(t *testing.T) {
	names := map[graph.ID]string{1: "Vladimir Putin", 2: "Emmanuel Macron", 3: "Moscow"}
	ev := &store.StoredEvent{Category: "meeting", Actor: 1, Place: 3, Participants: map[graph.ID]int64{1: 2, 2: 2, 3: 1, 4: 1}}
	got := Stored(ev, func(id graph.ID) string { return names[id] }, "")
	if got != "Vladimir Putin and Emmanuel Macron met in Moscow" {
		t.Errorf("Stored = %q", got)
	}
	ev.Mode = "future"
	if got := Stored(ev, func(id graph.ID) string { return names[id] }, ""); got != "Vladimir Putin and Emmanuel Macron to meet in Moscow" {
		t.Errorf("Stored, announced = %q", got)
	}
}
