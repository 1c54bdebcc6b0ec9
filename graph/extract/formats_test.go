package extract

import (
	"testing"

	"dateline/graph"
)

// TestFormatNames: the Kremlin's news conference after the Russian-French
// talks (2022-02-08) and the Ukrainian president's office on the talks of
// the Normandy Four's advisers (2022-02-14): the Normandy format is no
// mention of Normandy, and it and the Normandy Four are names of no kind
// (the tagger reads the Four as a place).
func TestFormatNames(t *testing.T) {
	got := entitiesOf(t, "We continue working within the framework of the Normandy format to ensure full compliance with the Minsk agreements "+
		"and to achieve a complete settlement of the conflict in Donbass. The Normandy format is the right format. "+
		"It was emphasized that in a short time two rounds of talks were held between the political advisers of the Normandy Four in Paris and Berlin.")
	if _, ok := got["Normandy"]; ok {
		t.Errorf("Normandy is a name: %v", got)
	}
	kinds := kindsByName(process(t, "The Normandy format is the right format. "+
		"It was emphasized that in a short time two rounds of talks were held between the political advisers of the Normandy Four in Paris and Berlin.", "2022-02-14"))
	for _, n := range []string{"Normandy format", "Normandy Four"} {
		if kinds[n] != graph.Misc {
			t.Errorf("%s is %v, want a name of no kind (%v)", n, kinds[n], kinds)
		}
	}
}
