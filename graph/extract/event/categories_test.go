package event

import (
	"strings"
	"testing"
)

// TestCategories checks the categories beyond diplomacy and conflict on
// one sentence each: the event of the given category and trigger, with
// its participants, mode and date as found renders them.
func TestCategories(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[General Motors|ORG] cut 1,000 jobs at its plant in [Ohio|LOC].", `job_cuts "cut" asserted - [General Motors]`},
		{"[General Motors|ORG] laid off 1,000 workers.", `job_cuts "laid off" asserted - [General Motors]`},
		{"[Ford|ORG] will close its factory in [Genk|LOC].", `closure "close" future - [Ford]`},
		{"[General Motors|ORG] filed for bankruptcy on Monday.", `bankruptcy "filed for bankruptcy" asserted 2022-02-07(text) [General Motors]`},
		{"[Toyota|ORG] recalled 1.1 million cars.", `recall "recalled" asserted - [Toyota]`},
		{"[Ukraine|LOC] recalled its ambassador from [Moscow|LOC].", `reduce_relations "recalled" asserted - [Ukraine]`},
		{"[Fiat|ORG] acquired [Chrysler|ORG] in 2009.", `merger "acquired" asserted 2009(text) [Fiat; Chrysler]`},
		{"[Boeing|ORG] reported a quarterly loss.", `results "reported" asserted - [Boeing]`},
		{"Shares of [Airbus|ORG] fell 5 % on Tuesday.", `market "fell" asserted 2022-02-08(text) [Airbus]`},
		{"Thousands of workers went on strike in [Detroit|LOC].", `strike "went on strike" asserted - []`},
		{"[Airbus|ORG] delivered 30 aircraft to [Lufthansa|ORG].", `sales "delivered" asserted - [Airbus; Lufthansa]`},
		{"[Apple|ORG] sued [Samsung|ORG] in [California|LOC].", `lawsuit "sued" asserted - [Apple; Samsung]`},
		{"A court convicted [John Smith|PER] of fraud on Friday.", `ruling "convicted" asserted 2022-02-04(text) [John Smith]`},
		{"The parliament passed the budget on Friday.", `legislation "passed" asserted 2022-02-04(text) []`},
		{"An earthquake struck [Turkey|LOC] on Monday.", `disaster "earthquake" asserted 2022-02-07(text) []`},
		{"A plane crashed near [Kathmandu|LOC].", `accident "crashed" asserted - []`},
		{"[Elon Musk|PER] stepped down as chief executive.", `resignation "stepped down" asserted - [Elon Musk]`},
		{"[Pfizer|ORG] began a vaccination campaign in [Israel|LOC].", `health "began a vaccination campaign" asserted - [Pfizer]`},
		{"[Microsoft|ORG] offered to buy [Yahoo|ORG] for $44.6 billion.", `offer "offered" asserted - [Microsoft; Yahoo]`},
		{"[Apple|ORG] unveiled a new iPhone on Tuesday.", `launch "unveiled" asserted 2022-02-08(text) [Apple]`},
	}
	for _, tt := range tests {
		got := found(t, tt.in, "2022-02-08")
		if !contains(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %s", tt.in, got, tt.want)
		}
	}
	// Words of several categories go by the words around them.
	for _, tt := range []struct{ in, not string }{
		{"An earthquake struck [Turkey|LOC] on Monday.", "force"},
		{"[Russia|LOC] was offered to cease fire on Easter.", "accident"},
		{"Air strikes hit [Kharkiv|LOC].", "strike"},
		{"The President and the First Lady struck the Bell of Dignity.", "force"},
		{"[Sony|ORG] struck a deal with [Toshiba|ORG].", "force"},
	} {
		for _, g := range found(t, tt.in, "2022-02-08") {
			if strings.HasPrefix(g, tt.not+" ") {
				t.Errorf("%s: %s", tt.in, g)
			}
		}
	}
}

// TestArguments checks that participants are the trigger's arguments,
// not every name of its clause.
func TestArguments(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[Vladimir Putin|PER] met [Emmanuel Macron|PER] at a table next to [Saudi Arabia|LOC] and [Mexico|LOC].",
			`meeting "met" asserted - [Vladimir Putin; Emmanuel Macron]`},
		{"[Emmanuel Macron|PER] said [Vladimir Putin|PER] had assured him.", `statement "said" asserted - [Emmanuel Macron]`},
		{"The talks between [Ukraine|LOC] and [Russia|LOC] resumed.", `meeting "talks" asserted - [Ukraine; Russia]`},
		{"[Joe Biden|PER] authorised the deployment of troops to [Poland|LOC] to support [NATO|ORG] allies.",
			`military_posture "authorised the deployment" asserted - [Joe Biden]`},
		{"[Emmanuel Macron|PER] told [Vladimir Putin|PER] that talks should continue.", `statement "told" asserted - [Emmanuel Macron; Vladimir Putin]`},
	}
	for _, tt := range tests {
		got := found(t, tt.in, "2022-02-08")
		if !contains(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestDates checks where dates come from beyond the trigger's own clause,
// and that past events are not dated after their publication.
func TestDates(t *testing.T) {
	tests := []struct{ in, pub, want string }{
		// The sentence before, in the same paragraph.
		{"[Ford|ORG] said on Tuesday it would close a plant. [Ford|ORG] also cut 1,000 jobs.", "2022-02-10",
			`job_cuts "cut" asserted 2022-02-08(context) [Ford]`},
		// Not across a paragraph, nor to a present perfect.
		{"[Ford|ORG] said on Tuesday it would close a plant.\n[Ford|ORG] also cut 1,000 jobs.", "2022-02-10",
			`job_cuts "cut" asserted - [Ford]`},
		{"[Ford|ORG] said on Tuesday it would close a plant. [Ford|ORG] has cut 1,000 jobs since 2019.", "2022-02-10",
			`job_cuts "cut" asserted - [Ford]`},
		// A related event: the announcement was on Tuesday.
		{"[Ford|ORG] announced the closure on Tuesday. [Ford|ORG] cut 1,000 jobs a day before the announcement.", "2022-02-10",
			`job_cuts "cut" asserted 2022-02-07(related) [Ford]`},
		{"[Ford|ORG] cut 1,000 jobs two days after the announcement on Tuesday.", "2022-02-10",
			`job_cuts "cut" asserted 2022-02-10(related) [Ford]`},
		// A past event is never after its publication.
		{"In March, [Ford|ORG] cut 500 jobs.", "2022-02-10", `job_cuts "cut" asserted 2021-03(text) [Ford]`},
		{"[Ford|ORG] will cut 500 jobs in March.", "2022-02-10", `job_cuts "cut" future 2022-03(text) [Ford]`},
		{"The legislature pushed through two bills on Wednesday.", "2022-02-10", `legislation "pushed through" asserted 2022-02-09(text) []`},
		// "Tomorrow" with a past verb has no past reading: no year earlier.
		{"Tomorrow [Russia|LOC] has officially announced the shelling of our territory.", "2022-03-06", `force "announced the shelling" asserted - [Russia]`},
		// A date that belongs to another participle dates nothing else.
		{"A gymnasium founded over a hundred years ago burned down in [Lysychansk|LOC] due to [Russian|MISC] shelling.", "2022-05-20",
			`force "shelling" asserted - [Russian]`},
		{"In an attempt to revive the worst-level tyranny seen in the twentieth century, [Russia|LOC] has become the greatest threat to the entire free world.", "2022-05-20",
			`threat "has become the greatest threat" asserted - [Russia]`},
		{"Back in 2014, [Russia|LOC] captured our [Crimean|MISC] peninsula.", "2022-05-20", `force "captured" asserted 2014(text) [Russia]`},
		// A date that names which agreement does not date the agreeing.
		{"[Ukraine|LOC] and [Turkey|LOC] agreed to initiate a revision of the provisions of the 1992 Agreement.", "2022-02-03", `agreement "agreed" asserted - [Ukraine; Turkey]`},
		{"[Russia|LOC] and [Ukraine|LOC] signed the agreement on 15 May 1992.", "2022-02-03", `agreement "signed the agreement" asserted 1992-05-15(text) [Russia; Ukraine]`},
	}
	for _, tt := range tests {
		got := found(t, tt.in, tt.pub)
		if !contains(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestNotForce: occupying a post is no use of force.
func TestNotForce(t *testing.T) {
	for _, in := range []string{
		"In 1922, [Stalin|PER] occupied the positions of both the General Secretary and the People's Commissar.",
		"[Viktor Orban|PER] has occupied the office of prime minister since 2010.",
	} {
		if got := found(t, in, "2022-05-20"); len(got) != 0 {
			t.Errorf("%q: events %q", in, got)
		}
	}
}

func contains(got []string, want string) bool {
	for _, g := range got {
		if g == want {
			return true
		}
	}
	return false
}
