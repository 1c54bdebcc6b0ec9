package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// placesOf returns the gazetteer link of each place mention's entity,
// by the mention's text ("" for a place the gazetteer does not link).
func placesOf(t *testing.T, text string) map[string][]string {
	t.Helper()
	return byMention(t, text, func(e graph.Entity) (string, bool) {
		if e.Kind != graph.Place {
			return "", false
		}
		if e.Geo == nil {
			return "", true
		}
		return e.Geo.Name + "/" + e.Geo.Country, true
	})
}

// TestQualifiedTowns: a town written with its state is that state's town
// in the whole article (GUM's bio_marbles: Cambridge, Massachusetts, not
// Cambridge, England, the biggest Cambridge); a town with its country
// that already is the country's stays as it is; a town the tagger
// missed before its country is found when the gazetteer places it there.
func TestQualifiedTowns(t *testing.T) {
	got := placesOf(t, "In the summer of 2010, Marbles was sharing a three-bedroom apartment in Cambridge, Massachusetts. "+
		"She moved out of Cambridge a year later.")
	if want := []string{"Cambridge/US"}; !slices.Equal(got["Cambridge"], want) {
		t.Errorf("Cambridge is %v, want %v (%v)", got["Cambridge"], want, got)
	}
	got = placesOf(t, "The summit opened in Paris, France, on Monday. He studied at Trinity College, Cambridge, where he met Hobhouse.")
	if want := []string{"Paris/FR"}; !slices.Equal(got["Paris"], want) {
		t.Errorf("Paris is %v, want %v (%v)", got["Paris"], want, got)
	}
	got = placesOf(t, "Students at the Universidade da Coruña presented the work at the 2nd XoveTIC Congress, A Coruña, Spain, 5–6 September 2019.")
	if len(got["Coruña"])+len(got["A Coruña"]) == 0 {
		t.Errorf("A Coruña not found: %v", got)
	}
}

// TestStateCodesAfterTowns: after a town, a state's postal code is the
// state, the one the article names in full (GUM's voyage_tulsa); "OK" in
// an article with no such town is no state.
func TestStateCodesAfterTowns(t *testing.T) {
	got := placesOf(t, "Tulsa is the second largest city in Oklahoma. From the North / Kansas - US-75 South from "+
		"Bartlesville, OK, or US-169 South from Coffeyville, KS. The world's former largest McDonalds spans the roadway near Vinita, OK.")
	if want := []string{"Oklahoma/US"}; !slices.Equal(got["OK"], want) || !slices.Equal(got["Oklahoma"], want) {
		t.Errorf("OK is %v and Oklahoma %v, want %v (%v)", got["OK"], got["Oklahoma"], want, got)
	}
	if want := []string{"Kansas/US"}; !slices.Equal(got["KS"], want) {
		t.Errorf("KS is %v, want %v (%v)", got["KS"], want, got)
	}
	got = placesOf(t, "Stan commented on the creation of the Santorum cocktail, \"When he was winning in the polls, I thought, 'OK, I'll do a Santorum'.\" OK, I digress.")
	for _, link := range got["OK"] {
		if link != "" {
			t.Errorf("OK the word is %v", got)
		}
	}
}

// TestAdminPhrases: "the Municipality of Bogliasco" is Bogliasco, a
// mention of its own around the name (GUM's news_religion), and "City of
// Cleveland" read as an organisation is the city (GUM's voyage_cleveland);
// the City of London is not London, and "the State of Hawaii" inside a
// court's name is the court's.
func TestAdminPhrases(t *testing.T) {
	got := entitiesOf(t, "Requests have come from the Municipality of Bogliasco, next to Genova, and from the deputies of "+
		"Movimento 5 Stelle (M5S) of the regional counsel of Lombardy. The mayor of Bogliasco said the school would comply.")
	if want := []string{"Bogliasco"}; !slices.Equal(got["Municipality of Bogliasco"], want) || !slices.Equal(got["Bogliasco"], want) {
		t.Errorf("the Municipality of Bogliasco is %v and Bogliasco %v, want %v (%v)", got["Municipality of Bogliasco"], got["Bogliasco"], want, got)
	}
	places := placesOf(t, "Throughout the twentieth century, the City of Cleveland proper was ranked as one of the 10 largest cities in the U.S.")
	if want := []string{"Cleveland/US"}; !slices.Equal(places["City of Cleveland"], want) {
		t.Errorf("the City of Cleveland is %v, want %v (%v)", places["City of Cleveland"], want, places)
	}
	places = placesOf(t, "Trading in the City of London resumed on Monday. All persons having any business before this honorable "+
		"Supreme Court of the State of Hawaii, draw nigh.")
	if l := places["City of London"]; len(l) > 0 && l[0] == "London/GB" {
		t.Errorf("the City of London is London: %v", places)
	}
	if _, ok := places["State of Hawaii"]; ok {
		t.Errorf("the State of Hawaii found inside the court's name: %v", places)
	}
}

// TestCityAliasIsNoPlace: GeoNames lists "Google" among Topeka's names; a
// tagger that reads "Google headquarters" as a place does not mean Kansas
// (GUM's news_mohamed).
func TestCityAliasIsNoPlace(t *testing.T) {
	got := placesOf(t, "Yesterday Mohamed received VIP attention at Google headquarters in California at the Google Science Fair. "+
		"The Twitter attention led to outreach from Google and Mohamed was invited to their Google Science Fair.")
	for _, link := range got["Google"] {
		if link == "Topeka/US" {
			t.Errorf("Google is Topeka: %v", got)
		}
	}
}

// TestCompassCountry: in a report on the two Koreas (GUM's news_korea),
// "the North" is North Korea and "The South" South Korea; "the South" in
// an article on South Carolina is no state.
func TestCompassCountry(t *testing.T) {
	got := placesOf(t, "Yesterday, North Korea fired artillery rounds aimed at a loudspeaker in South Korea that broadcasts "+
		"anti-Pyongyang propaganda into the North. No injuries or deaths were reported in the attacks from either side, "+
		"but South Korea evacuated about 80 people in the town of Yeoncheon after at least one shell landed near the area. "+
		"The South retaliated by firing dozens of rounds of artillery into the north.")
	if want := []string{"North Korea/KP"}; !slices.Equal(got["North"], want) {
		t.Errorf("the North is %v, want %v (%v)", got["North"], want, got)
	}
	if want := []string{"South Korea/KR"}; !slices.Equal(got["South"], want) || !slices.Equal(got["South Korea"], want) {
		t.Errorf("the South is %v and South Korea %v, want %v (%v)", got["South"], got["South Korea"], want, got)
	}
	got = placesOf(t, "The governor of South Carolina said the South would not forget the storm.")
	for _, link := range got["South"] {
		if link == "South Carolina/US" {
			t.Errorf("the South is South Carolina: %v", got)
		}
	}
}

// TestCompanyShortForm: an airline's name without "Airlines", read as a
// place, is the airline (MEANTIME's China Eastern Airlines to purchase
// twenty new Airbus A320 jets).
func TestCompanyShortForm(t *testing.T) {
	got := entitiesOf(t, "China Eastern Airlines to purchase twenty new Airbus A320 jets\n\nJune 18, 2009\n\n"+
		"China Eastern Airlines stated on Thursday that it had signed a contract to purchase a score of Airbus A320 passenger "+
		"jets for 9.9 billion yuan (about US$1.4 billion). The airline, which is the third largest in China, signed the "+
		"agreement in Paris on June 15. The deal was approved unanimously by China Eastern's board of directors.")
	if want := []string{"China Eastern Airlines"}; !slices.Equal(got["China Eastern"], want) {
		t.Errorf("China Eastern is %v, want %v (%v)", got["China Eastern"], want, got)
	}
	if want := []string{"China"}; !slices.Equal(got["China"], want) {
		t.Errorf("China is %v, want %v", got["China"], want)
	}
}

// TestInstitutionPhrases: an institution named after a place, where the
// tagger found only the place's name, is an organisation of its own (GUM's
// bio_enfant: "the Society of the Cincinnati"); an institution the tagger
// found whole is left as it is.
func TestInstitutionPhrases(t *testing.T) {
	text := "After the war, L'Enfant designed the badge of the Society of the Cincinnati, an organization of former officers " +
		"of the Continental Army, shaped as an eagle, at the request of Washington. He studied at the University of Michigan."
	sents := segment.Split(text)
	var ms []ner.Mention
	for _, n := range []struct {
		s    string
		kind graph.Kind
	}{{"Cincinnati", graph.Org}, {"University of Michigan", graph.Org}} {
		i := strings.Index(text, n.s)
		ms = append(ms, ner.Mention{Kind: n.kind, Span: graph.Span{Start: i, End: i + len(n.s)}, Sentence: sentenceOfByte(sents, i), Text: n.s})
	}
	var got []string
	for _, m := range institutionPhrases(text, sents, ms) {
		got = append(got, m.Kind.String()+":"+m.Text)
	}
	if want := "org:Society of the Cincinnati|org:Cincinnati|org:University of Michigan"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestPeopleReadAsPlaces: a first name and a surname that is also a
// place's head word is the person when the article writes the surname
// alone (GUM's academic_evolution: Sharon Street); a street named after
// a first name stays a street.
func TestPeopleReadAsPlaces(t *testing.T) {
	got := entitiesOf(t, "Relatedly, Sharon Street, for example, argues that evolutionary explanations of morality show that moral realism is probably false. The kind of moral realism that Street has in mind is the view that moral properties exist as objective features of the world (to wit, whether stealing is wrong is independent of whether anyone thinks or feels that stealing is wrong). Street starts with the premise that our moral judgments are influenced by evolutionary forces. This fact, Street claims, gives rise to a dilemma for moral realists concerning the relation of the evolutionary forces that influenced our moral judgments and the moral facts claimed to exist by moral realists. If there is no relation between the evolutionary forces and the moral facts, then it would be an astonishing coincidence if many of our moral judgments were true. In light of the coincidence, we have no reason to assume that our moral judgments are true—an unpalatable conclusion for realists. Claiming that there is a relation, however, is empirically dubious, according to Street. Mirroring Ruse’s claim, moral facts could be purged from what we assume to exist because they do not perform an important explanatory function. So, we should reject moral realism. Street’s argument illustrates how evolutionary theory can be used to make a case about which metaethical theories we should adopt. Both Ruse’s and Street’s arguments rely on the idea that we should only accept that something exists if it plays an indispensable explanatory role and there are means to resist these arguments. [12] Both arguments, as presented here, rely on the correctness of the evolutionary explanation of morality they convey. In the next section, we turn to the relevance of evolutionary ethics for moral epistemology. E.g. Enoch (2010) Can We have Justified Moral Beliefs? The evolutionary argument by Sharon Street can also be interpreted as an argument about moral justification and moral knowledge. Suppose that moral realists assume that there is no relation between our moral judgments and the moral facts. It would seem like an incredible coincidence if the realists were right that our moral judgments are nonetheless true. There are just too many possible moral truths and too many ways in which evolution could have “pushed” our moral beliefs. Street claims that such a coincidence would be too much to believe. But what is the problem, exactly, with having beliefs that are only coincidentally true? Depending on how we understand “coincidence,” my belief that there is a bird outside my window is coincidentally true because had I looked a little later, the bird would have flown away already. Accidentally true beliefs do not seem problematic in every case. The question for proponents of Street’s argument is to show why the evolutionary influence on human moral beliefs makes for a particularly problematic case of coincidence.")
	if want := []string{"Sharon Street"}; !slices.Equal(got["Street"], want) {
		t.Errorf("Street is %v, want %v (%v)", got["Street"], want, got)
	}
	kinds := map[string]graph.Kind{}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := &graph.Document{Article: graph.Article{ID: 1, Text: "The parade went down Victoria Street on Sunday, past the old town hall."}}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Entities {
		kinds[e.Name] = e.Kind
	}
	if k, ok := kinds["Victoria Street"]; ok && k == graph.Person {
		t.Errorf("Victoria Street is a person: %v", kinds)
	}
}
