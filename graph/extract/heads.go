package extract

import (
	"slices"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/names"
)

// headKinds are the last words of names whose kind they settle whatever
// the tagger made of the name: a name ending in "Island" or "River" is a
// place ("Zmiinyi Island" was read as a person), one ending in "Plan",
// "Memorandum" or "Agreement" is a document, not an organisation or a
// place ("Marshall Plan", "Budapest Memorandum"), so it is kept as a name
// of no kind that views leave out. Only names of two words or more: the
// head alone is a common noun.
var headKinds = map[string]graph.Kind{
	"island": graph.Place, "islands": graph.Place, "river": graph.Place, "sea": graph.Place,
	"lake": graph.Place, "bay": graph.Place, "gulf": graph.Place, "strait": graph.Place,
	"peninsula": graph.Place, "mountains": graph.Place, "mountain": graph.Place, "valley": graph.Place,
	"oblast": graph.Place, "region": graph.Place, "krai": graph.Place, "territory": graph.Place,
	"governorate": graph.Place, "prefecture": graph.Place, "province": graph.Place, "county": graph.Place, "district": graph.Place,
	"square": graph.Place, "street": graph.Place, "avenue": graph.Place, "boulevard": graph.Place,
	"bridge": graph.Place, "airport": graph.Place, "harbour": graph.Place, "harbor": graph.Place,
	// Buildings and grounds named after people ("Pittock Mansion", "Trump
	// Tower", "Sheikh Lotfollah Mosque", "Montmartre Cemetery").
	"mansion": graph.Place, "tower": graph.Place, "castle": graph.Place, "palace": graph.Place,
	"mosque": graph.Place, "cathedral": graph.Place, "temple": graph.Place, "cemetery": graph.Place,
	"stadium": graph.Place, "station": graph.Place, // not "Church" nor "Hall": the Greek Orthodox Church and City Hall speak
	"plan": graph.Misc, "memorandum": graph.Misc, "agreement": graph.Misc, "agreements": graph.Misc,
	"accord": graph.Misc, "accords": graph.Misc, "treaty": graph.Misc, "declaration": graph.Misc,
	"doctrine": graph.Misc, "protocol": graph.Misc, "format": graph.Misc, "charter": graph.Misc, "platform": graph.Misc,
	"act": graph.Misc, "bill": graph.Misc, "resolution": graph.Misc, "convention": graph.Misc,
	"war": graph.Misc, "revolution": graph.Misc, "prize": graph.Misc,
	"order": graph.Misc, "decree": graph.Misc, "law": graph.Misc,
	"podcast": graph.Misc, "show": graph.Misc, "award": graph.Misc, "awards": graph.Misc, // works and prizes named after people ("Jenna Julien Podcast")
}

// headWords are the heads of headKinds as names write them ("Mansion",
// "mansion"), for a look-up that costs nothing where no head ends a name.
var headWords = func() map[string]bool {
	out := make(map[string]bool, 2*len(headKinds))
	for k := range headKinds {
		out[k] = true
		out[strings.ToUpper(k[:1])+k[1:]] = true
	}
	return out
}()

// surnameHeads are heads that are also surnames ("Michael Bay", "Ricki
// Lake"): they settle no kind for a name the tagger reads as a person.
var surnameHeads = map[string]bool{"bay": true, "lake": true, "bridge": true, "valley": true,
	"mountain": true, "harbour": true, "harbor": true, "street": true, "river": true, "war": true,
	"tower": true, "castle": true, "temple": true, "palace": true}

// headKind returns the kind the last word of a name the tagger read as a
// kind settles, and whether it settles one. A seat of power keeps its kind
// ("Downing Street" speaks as an organisation: see gazetteer.Institution).
func headKind(name string, tagged graph.Kind) (graph.Kind, bool) {
	ws := strings.Fields(name)
	if len(ws) < 2 || gazetteer.Institution(name) {
		return 0, false
	}
	head := names.Key(ws[len(ws)-1])
	if of := slices.Index(ws, "of"); of > 0 {
		// "Office of the Head of State", "Sea of Azov": the head noun is
		// the word before the first "of".
		if k, ok := ofHeadKinds[names.Key(ws[of-1])]; ok {
			return k, true
		}
		head = names.Key(ws[of-1])
	}
	if tagged == graph.Person && surnameHeads[head] && (len(ws) < 3 || !names.IsFirstName(ws[0])) {
		// "Michael Bay" is a person; "George Washington Bridge", a full
		// name before the head, is named after one.
		return 0, false
	}
	k, ok := headKinds[head]
	return k, ok
}

// ofHeadKinds are head nouns that settle a name's kind only before an
// "of" phrase, where the phrase says whose body it is ("Office of the
// Head of State", "Ministry of Defence"); written last ("Oval Office",
// "Security Service") they may be a place or a part of another name.
var ofHeadKinds = map[string]graph.Kind{
	"office": graph.Org, "ministry": graph.Org, "committee": graph.Org, "council": graph.Org,
	"agency": graph.Org, "department": graph.Org, "commission": graph.Org, "directorate": graph.Org,
}

// platforms are online services news names as where something was said
// ("wrote on Twitter", "on Telegram", "told Wikinews"), which the tagger, trained on
// 1990s wire news, reads as places (and GeoNames gives "Google" to
// Topeka as an alternate name). They are the companies that run them.
var platforms = map[string]bool{"twitter": true, "facebook": true, "instagram": true, "telegram": true,
	"youtube": true, "tiktok": true, "whatsapp": true, "linkedin": true, "reddit": true, "snapchat": true,
	"weibo": true, "wechat": true, "vkontakte": true, "truth social": true, "google": true, "wikipedia": true, "wikinews": true}
