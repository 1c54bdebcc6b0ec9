package extract

import (
	"slices"
	"testing"
)

// TestInitialisms: initials the tagger misses are the organisation the
// article names in full (GUM's news_iodine: "WHO say" after the World
// Health Organisation); in a sentence in capitals they are words.
func TestInitialisms(t *testing.T) {
	got := entitiesOf(t, "Professor Eastman says iodine is added to only 10 per cent of Australian salt in contravention of a "+
		"World Health Organisation recommendation that all salt be iodised. WHO say Iodine deficiency is the world’s most "+
		"prevalent, yet easily preventable, cause of brain damage.")
	if want := []string{"World Health Organisation"}; !slices.Equal(got["WHO"], want) {
		t.Errorf("WHO is %v, want %v (%v)", got["WHO"], want, got)
	}
	got = entitiesOf(t, "The World Health Organisation warned on Monday. THE ONLY DANGER IS BEING REPORTED BY THE GUARDS WHO PATROL THE CAMPUS.")
	if _, ok := got["WHO"]; ok {
		t.Errorf("WHO in capitals is a name: %v", got)
	}
}

// TestInitialismsNoCurrency: the Kremlin's meeting with Lukashenko
// (2022-05-23) names the Union State and trade of "US$38.5 billion"; the
// dollars' "US" had become a mention of the Union State, and "US" its
// alias across the press releases.
func TestInitialismsNoCurrency(t *testing.T) {
	got := entitiesOf(t, "I am not talking about subsequent processes linked with building the Union State. "+
		"Last year, we hit an all-time high– almost US$38.5 billion. Incidentally, the conversion to national currencies continues.")
	if names, ok := got["US"]; ok {
		t.Errorf("the dollars' US is a name of %v", names)
	}
	if _, ok := got["Union State"]; !ok {
		t.Errorf("the Union State is lost: %v", got)
	}
}
