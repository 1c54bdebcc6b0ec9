package extract

import "testing"

// TestPossessiveNames: sentences of the Kremlin's Security Council
// meeting of 2022-02-21, of its Russia – Land of Opportunity board of
// 2022-04-20 and of its greetings to Pushilin of 2022-05-11. The tagger
// cuts the republics at "People" and reads "Republic" as a place of its
// own; the name taken in ends before a person's.
func TestPossessiveNames(t *testing.T) {
	got := entitiesOf(t, "Speaking about the situation surrounding the Donetsk People's Republic and the Lugansk People’s Republic, "+
		"it is quite clear – at least, I think so, and our colleagues have just confirmed this in their remarks. "+
		"But the tragedy that befell Donbass, including the Lugansk People's Republic, has actually made Russia launch this military operation. "+
		"Vladimir Putin sent greetings to Head of the Donetsk People's Republic Denis Pushilin on the Day of the Donetsk People's Republic.")
	for _, n := range []string{"Donetsk People's Republic", "Lugansk People’s Republic"} {
		if _, ok := got[n]; !ok {
			t.Errorf("%s is not a name: %v", n, got)
		}
	}
	if _, ok := got["Denis Pushilin"]; !ok {
		t.Errorf("Denis Pushilin is not a name of his own: %v", got)
	}
	for _, n := range []string{"Lugansk People", "Donetsk People", "Republic"} {
		if _, ok := got[n]; ok {
			t.Errorf("%s is a name: %v", n, got)
		}
	}
}
