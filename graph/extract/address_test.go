package extract

import (
	"slices"
	"testing"
)

// TestFormsOfAddress: sentences of two New York Times articles in PolNeAR.
// On Bill Clinton campaigning in Iowa (2016-01-29) the paper writes "Mr.
// Clinton" for him and "Mrs. Clinton" for Hillary, whose six mentions had
// all been his. On the White House's holiday parties (2015-12-15) it
// writes "Mr. Obama" and "President Obama" beside only "the first lady,
// Michelle Obama", who had been all nine of them.
func TestFormsOfAddress(t *testing.T) {
	got := entitiesOf(t, "Bill Clinton came to the vote-rich city of Mason City on Wednesday night and recounted his wife's life experiences. "+
		"But what Mr. Clinton used to do so well - and what Hillary Clinton needs, only days before the Iowa caucuses on Monday - was nowhere to be found. "+
		"He may not electrify a room the way he once did, they say, but he is still an effective advocate for Mrs. Clinton. "+
		"Allies say that he does not see any need to fully engage either man, believing that Mrs. Clinton can handle them.")
	if want := []string{"Bill Clinton", "Hillary Clinton"}; !sameNames(got["Clinton"], want) {
		t.Errorf("Clinton is %v, want %v", got["Clinton"], want)
	}
	got = entitiesOf(t, "As President Obama faced public criticism over his Oval Office address on terrorism this month, one lawmaker took a private moment. "+
		"It was one of hundreds of seconds-long interactions that the president and the first lady, Michelle Obama, are having with guests. "+
		"Mr. Obama, who barely tolerates the schmoozing that is presidential tradition, does far fewer receiving lines than his predecessors. "+
		"''It's just long and tiring and pretty hard to get through,'' Tina Tchen, Mrs. Obama's chief of staff, said in an interview.")
	if len(got["Obama"]) != 2 || !slices.Contains(got["Obama"], "Michelle Obama") {
		t.Errorf("Obama is %v, want the first lady (Mrs. Obama) and her husband apart", got["Obama"])
	}
}

// TestMiddleInitialNames: the New York Times' "Donald J. Trump" (PolNeAR,
// 2015-12-18), which the tagger reads as "Donald" and "J. Trump".
func TestMiddleInitialNames(t *testing.T) {
	got := entitiesOf(t, "The two have emerged as perhaps the leading alternatives to Donald J. Trump. "+
		"Republicans vowed to do a better job courting Latinos, yet immigrants come under repeated assault by Mr. Trump.")
	if want := []string{"Donald J. Trump"}; !sameNames(got["Donald J. Trump"], want) || !sameNames(got["Trump"], want) {
		t.Errorf("got %v, want Donald J. Trump whole, and Mr. Trump his", got)
	}
	if _, ok := got["J. Trump"]; ok {
		t.Errorf("J. Trump is a name: %v", got)
	}
}

// sameNames reports whether two lists hold the same names, in any order.
func sameNames(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
