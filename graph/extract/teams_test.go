package extract

import (
	"slices"
	"testing"
)

// TestNationalTeams: in GUM's news_soccer the countries beside a score are
// teams, every time the report names them; a country named in an
// article with no score stays the country.
func TestNationalTeams(t *testing.T) {
	got := entitiesOf(t, "Yesterday, day five of the 2018 FIFA football World Cup, Sweden defeated South Korea 1 – 0; "+
		"Belgium defeated debutants Panama 3 – 0; and Tunisia lost 1 – 2 to England, with a late goal from English "+
		"captain Harry Kane.\n\nGroup F — Sweden 1 – 0 Korea Republic\n\nIn the first game of the day, Sweden faced "+
		"South Korea at the Nizhny Novgorod Stadium.\n\nGroup G — Belgium 3 – 0 Panama\n\nEngland had more of the ball.")
	for n, want := range map[string]string{"Sweden": "Sweden national team", "South Korea": "South Korea national team",
		"Panama": "Panama national team", "Belgium": "Belgium national team", "Tunisia": "Tunisia national team", "England": "England team"} {
		if !slices.Equal(got[n], []string{want}) {
			t.Errorf("%q is %v, want %q (%v)", n, got[n], want, got)
		}
	}
	got = entitiesOf(t, "Sweden and England signed a trade agreement; the vote was 3 - 0 in favour.")
	if !slices.Equal(got["Sweden"], []string{"Sweden"}) || !slices.Equal(got["England"], []string{"England"}) {
		t.Errorf("countries with no score beside them: %v", got)
	}
	for _, c := range []struct {
		w    string
		want bool
	}{{"3-0", true}, {"1–2", true}, {"2018-19", false}, {"1996-08-22", false}, {"A-1", false}} {
		if got := isScoreToken(c.w); got != c.want {
			t.Errorf("isScoreToken(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// TestTeamDemonyms: in a match report, the plural nationality of a country
// playing is its team (GUM's news_soccer: "putting the Belgians in the
// lead"); elsewhere it stays a people.
func TestTeamDemonyms(t *testing.T) {
	got := entitiesOf(t, "Group G — Belgium 3 – 0 Panama\n\nJust two minutes in the second half, Dries Mertens scored a goal "+
		"from a volley, putting the Belgians in the lead. The second half ended with the Belgians winning three points.")
	if want := []string{"Belgium national team"}; !slices.Equal(got["Belgians"], want) {
		t.Errorf("the Belgians are %v, want %v (%v)", got["Belgians"], want, got)
	}
	got = entitiesOf(t, "Belgium signed a trade agreement on Monday. The Belgians welcomed it.")
	if slices.Contains(got["Belgians"], "Belgium national team") {
		t.Errorf("the Belgians are a team with no match: %v", got)
	}
}
