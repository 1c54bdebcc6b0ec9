package extract

import (
	"context"
	"testing"

	"dateline/graph"
)

// TestHeadKind: the last word of a name settles its kind, except for a
// seat of power and for surnames that are also place heads (unless a
// full name comes before them).
func TestHeadKind(t *testing.T) {
	cases := []struct {
		name   string
		tagged graph.Kind
		want   graph.Kind
		ok     bool
	}{
		{"Zmiinyi Island", graph.Person, graph.Place, true},
		{"Marshall Plan", graph.Person, graph.Misc, true},
		{"Jenna Julien Podcast", graph.Person, graph.Misc, true}, // GUM bio_marbles: the podcast is no person, and "Jenna" alone is Jenna Marbles
		{"Executive Order", graph.Org, graph.Misc, true},
		{"Budapest Memorandum", graph.Place, graph.Misc, true},
		{"Black Sea", graph.Org, graph.Place, true},
		{"Michael Bay", graph.Person, 0, false},
		{"Guantanamo Bay", graph.Place, graph.Place, true},
		{"Downing Street", graph.Org, 0, false},
		{"Island", graph.Place, 0, false},
		{"Emmanuel Macron", graph.Person, 0, false},
		{"Pittock Mansion", graph.Person, graph.Place, true},         // GUM voyage_portland
		{"Sheikh Lotfollah Mosque", graph.Person, graph.Place, true}, // GUM voyage_isfahan
		{"Fisht Stadium", graph.Org, graph.Place, true},
		{"Trump Tower", graph.Org, graph.Place, true},
		{"Shirley Temple", graph.Person, 0, false},
		{"George Washington Bridge", graph.Person, graph.Place, true}, // GUM voyage_fortlee: named after a person
		{"Ali Qapu Palace", graph.Person, graph.Place, true},          // GUM voyage_isfahan
		{"Mr Smith Palace", graph.Person, 0, false},
		{"Greek Orthodox Church", graph.Org, 0, false},                // GUM news_worship: the church speaks
		{"Office of the Head of State", graph.Place, graph.Org, true}, // the press releases' tagger read it as a place
		{"Ministry of Defence", graph.Place, graph.Org, true},
		{"Sea of Azov", graph.Org, graph.Place, true},
		{"Memorandum of Understanding", graph.Org, graph.Misc, true},
		{"Bank of England", graph.Org, 0, false},
		{"Oval Office", graph.Place, 0, false},
	}
	for _, c := range cases {
		if got, ok := headKind(c.name, c.tagged); ok != c.ok || got != c.want {
			t.Errorf("headKind(%q, %v) = %v, %v; want %v, %v", c.name, c.tagged, got, ok, c.want, c.ok)
		}
	}
}

// TestPlatformsAreOrganisations: PolNeAR's "Twitter" was a place in 91
// articles, "Facebook" in 44 ("said on Twitter", "posted on Facebook").
func TestPlatformsAreOrganisations(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &graph.Document{Article: graph.Article{Text: "Trump attacked Cruz on Twitter on Sunday. The campaign later posted a video on Facebook, and the Ukrainian president spoke on Telegram."}}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	kinds := kindsByName(doc)
	for _, n := range []string{"Twitter", "Facebook", "Telegram"} {
		if k := kinds[n]; k != graph.Org {
			t.Errorf("%s is %v, want an organisation (entities %v)", n, k, kinds)
		}
	}
}
