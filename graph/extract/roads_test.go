package extract

import (
	"testing"

	"dateline/graph"
)

// TestRoadNumbers: GUM's voyage_york and voyage_tulsa give the roads by
// their numbers; each is a place, one entity however often written
// ("the M1" twice, once with no word of roads in its sentence), and "US"
// in "US 75" is no mention of the United States. Numbers outside talk of
// roads stay what they are: the press releases' "M142 HIMARS" is a
// weapon, MEANTIME's A380 an aircraft.
func TestRoadNumbers(t *testing.T) {
	got := byMention(t, "From the south, the quickest route is probably to take the M1 northbound to junction 32, "+
		"then the M18 eastbound to junction 2, the A1M northbound to junction 44 and finally the A64 eastbound to "+
		"the York Outer Ring Road (A1237). Alternatively, you can take the M1 all the way to the A64.\n\n"+
		"Several freeways and bypasses can be used to easily get around the Tulsa Metro area: I-244, I-44, "+
		"US 169 (Mingo Valley Expressway), US 75, Hwy 51 (Broken Arrow Expressway), Creek Turnpike. "+
		"For the slow scenic route come in on old Route 66.",
		func(e graph.Entity) (string, bool) { return e.Kind.String() + ":" + e.Name, true })
	for _, road := range []string{"M1", "M18", "A1M", "A64", "A1237", "I-244", "I-44", "US 169", "US 75", "Hwy 51", "Route 66"} {
		if want := "place:" + road; len(got[road]) != 1 || got[road][0] != want {
			t.Errorf("%s is %v, want %s", road, got[road], want)
		}
	}
	if us := got["US"]; len(us) > 0 {
		t.Errorf("US in US 75 is a mention: %v", us)
	}
	got = byMention(t, "The United States will send Ukraine more of the M142 HIMARS multiple rocket launchers. "+
		"Singapore Airlines will receive the A380 late. Prices in the US 20 percent higher.",
		func(e graph.Entity) (string, bool) { return e.Kind.String(), true })
	for _, w := range []string{"M142", "A380", "US 20"} {
		if k := got[w]; len(k) > 0 && k[0] == "place" {
			t.Errorf("%s is a place", w)
		}
	}
}
