package event

import (
	"fmt"
	"strings"
	"testing"

	"dateline/graph/extract/segment"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// found runs Find on a marked sentence (see marked) published on pub and
// renders each event as "category trigger mode date(from) [participants]".
func found(t *testing.T, in, pub string) []string {
	t.Helper()
	text, ms := marked(t, in)
	sents := segment.Split(text)
	var published timeline.Date
	if pub != "" {
		published = day(pub)
	}
	dates := timex.Tag(text, published, timex.Options{})
	a := analysed{text: text, sents: sents, mentions: ms, dates: dates, published: published}
	a.events = Find(gaz(t), text, sents, ms, dates, published)
	var out []string
	for _, e := range a.events {
		var ps []string
		for _, p := range e.Participants {
			ps = append(ps, a.name(p))
		}
		mode := e.Mode
		if mode == "" {
			mode = "asserted"
		}
		date := "-"
		if !e.Date.IsZero() {
			date = e.Date.String() + "(" + e.DateFrom + ")"
		}
		out = append(out, fmt.Sprintf("%s %q %s %s [%s]", e.Category, e.Trigger, mode, date, strings.Join(ps, "; ")))
	}
	return out
}

func TestModes(t *testing.T) {
	tests := []struct {
		in   string
		want string // the event of the trigger, as found renders it, without date and participants
	}{
		{"US officials say that [Russia|LOC] could act on invading [Ukraine|LOC] any day now.", `force "invading" hypothetical`},
		{"[Russia|LOC] did not attack [Ukraine|LOC].", `force "attack" negated`},
		{"[Russia|LOC] continues to deny accusations of preparations for invading [Ukraine|LOC].", `force "invading" hypothetical`},
		{"Did [Russia|LOC] attack [Ukraine|LOC]?", `force "attack" hypothetical`},
		{"If [Russia|LOC] invades [Ukraine|LOC], the response will be severe.", `force "invades" hypothetical`},
		{"[Russia|LOC] will invade [Ukraine|LOC].", `force "invade" future`},
		{"[Germany|LOC] will supply weapons to [Ukraine|LOC].", `aid "supply" future`},
		{"[Vladimir Putin|PER] did not meet [Emmanuel Macron|PER].", `meeting "meet" negated`},
		{"[Vladimir Putin|PER] never met [Emmanuel Macron|PER].", `meeting "met" negated`},
		{"[Vladimir Putin|PER] wants to meet [Emmanuel Macron|PER].", `meeting "meet" hypothetical`},
		{"[Vladimir Putin|PER] met [Emmanuel Macron|PER].", `meeting "met" asserted`},
		{"[General Motors|ORG] would cut 1,000 jobs.", `job_cuts "cut" hypothetical`},
		{"[General Motors|ORG] cut 1,000 jobs.", `job_cuts "cut" asserted`},
		{"[General Motors|ORG] is going to close its plant in [Ohio|LOC].", `closure "close" future`},
	}
	for _, tt := range tests {
		got := found(t, tt.in, "2022-02-08")
		ok := false
		for _, g := range got {
			ok = ok || strings.HasPrefix(g, tt.want+" ")
		}
		if !ok {
			t.Errorf("%s:\n got %q\nwant an event %s", tt.in, got, tt.want)
		}
	}
}
