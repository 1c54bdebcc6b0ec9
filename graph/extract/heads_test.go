package extract

import (
	"testing"

	"dateline/graph"
)

// TestHeadKind: the last word of a name settles its kind, except for a
// seat of power and for surnames that are also place heads.
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
		{"Greek Orthodox Church", graph.Org, 0, false}, // GUM news_worship: the church speaks
	}
	for _, c := range cases {
		if got, ok := headKind(c.name, c.tagged); ok != c.ok || got != c.want {
			t.Errorf("headKind(%q, %v) = %v, %v; want %v, %v", c.name, c.tagged, got, ok, c.want, c.ok)
		}
	}
}
