package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/furniture"
	"dateline/graph/names"
)

// The repairs in this file read the text around the tagger's names before
// they become entities: page furniture and greetings are not news, a
// title with a person's name inside ("Twitter CEO Parag Agrawal") is an
// organisation, a role and a person, and an organisation's name goes on
// after its head noun ("Office of the President of Ukraine").

// furniturePrefixes start the lines a page wraps around the article: they
// name no one the article is about.
var furniturePrefixes = []string{
	"read more", "read also", "sign up", "photograph", "photo:", "photos:", "image:", "picture:",
	"copyright", "©", "follow us", "follow the", "subscribe", "share this", "share on", "related:",
	"watch:", "listen:", "click here", "most viewed", "advertisement", "first published",
	"last modified", "this article was", "reporting by", "editing by", "additional reporting",
}

// signOffs are the lines a wire story ends with: the agency's name alone
// (Reuters-21578 ends each story with "Reuter", which was the corpus's
// most mentioned person).
var signOffs = map[string]bool{"reuter": true, "reuters": true, "ap": true, "afp": true, "upi": true,
	"dpa": true, "ansa": true, "efe": true, "itar-tass": true, "tass": true, "xinhua": true}

// isFurniture reports whether a line of text is page furniture: a wire
// sign-off, one of the prefixes above as a whole word, or a short
// newsletter pitch. Long lines
// are article text (a whole article can be one line), read by its start.
func isFurniture(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) > maxFurnitureLine {
		line = line[:maxFurnitureLine]
	}
	l := strings.ToLower(line)
	if signOffs[strings.Trim(l, " .()-")] {
		return true
	}
	for _, p := range furniturePrefixes {
		// A whole word: "Subscriber penetration rose" is news.
		if rest, ok := strings.CutPrefix(l, p); ok && (rest == "" || !unicode.IsLetter(rune(rest[0])) || !unicode.IsLetter(rune(p[len(p)-1]))) {
			return true
		}
	}
	if len(line) >= maxFurnitureLine || !strings.Contains(l, "newsletter") {
		return false
	}
	// A newsletter's pitch, not a newsletter's forecast ("the Oil World
	// newsletter said" in Reuters-21578).
	for _, w := range newsletterPitch {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// newsletterPitch are the words of a line that offers a newsletter.
var newsletterPitch = []string{"sign up", "subscribe", "inbox", "free daily", "free weekly", "delivered", "get our"}

// maxFurnitureLine is the longest line a page's furniture takes: a
// newsletter pitch or a photo credit, not a paragraph of the article.
const maxFurnitureLine = 300

// furnitureLines returns the spans of the text's furniture lines, in text
// order: one pass over the text, whatever the number of names.
func furnitureLines(text string) []graph.Span {
	var out []graph.Span
	furniture.EachLine(text, func(start, end int) {
		if isFurniture(text[start:end]) {
			out = append(out, graph.Span{Start: start, End: end})
		}
	})
	return out
}

// inSpans reports whether offset i lies in one of spans (sorted, not
// overlapping).
func inSpans(spans []graph.Span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > i })
	return k < len(spans) && spans[k].Start <= i
}

// greetings are the openings of a speech or letter whose first word the
// tagger may take for a name ("Good afternoon", "Thank God").
var greetings = map[string]bool{"morning": true, "afternoon": true, "evening": true, "day": true, "night": true}

// notNames are words the tagger takes for people or places in greetings,
// blessings and page furniture; alone, they are never an entity.
var notNames = map[string]bool{"good": true, "thank god": true, "read": true, "dear": true,
	"hello": true, "thanks": true, "thank": true, "glory": true, "amen": true, "welcome": true,
	"colleagues": true, "friends": true, "ladies": true, "gentlemen": true,
	"fatherland": true, "motherland": true, "homeland": true,
	"western": true, "eastern": true, "northern": true, "southern": true,
	// holidays, read as people ("Easter", 20 mentions of a person in the
	// press releases; "Victory", 22)
	"easter": true, "christmas": true, "victory": true, "ramadan": true, "eid": true, "hanukkah": true,
	"thanksgiving": true, "passover": true, "diwali": true, "new year": true}

// notAnyNames are never an entity of any kind: currency codes ("UAH 125
// billion"), the adjective of a title ("Presidential Aide", "Mr Federal
// Chancellor"), the
// address of a speech, which taggers read as an organisation, the
// wishes of a holiday ("Merry Christmas", a person in PolNeAR) and
// acronyms used as common nouns ("super PACs", 99 organisations "PAC"
// in PolNeAR).
var notAnyNames = map[string]bool{"ladies and gentlemen": true, "dear ladies and gentlemen": true,
	"merry christmas": true, "happy new year": true, "happy easter": true, "happy holidays": true,
	"happy thanksgiving": true, "happy birthday": true, "happy independence day": true, "ap photo": true,
	"uah": true, "usd": true, "eur": true, "rub": true, "gbp": true,
	"cny": true, "jpy": true, "chf": true, "presidential": true, "ministerial": true, "parliamentary": true,
	"federal": true,
	// acronyms news writes as common nouns ("a super PAC", "NGOs"):
	// many of a kind, no one body
	"pac": true, "pacs": true, "super pac": true, "super pacs": true, "ngo": true, "ngos": true,
	"gdp": true, "ipo": true, "ipos": true, "etf": true, "etfs": true, "icbm": true, "icbms": true,
	"uav": true, "uavs": true, "suv": true, "suvs": true, "lng": true, "vat": true, "tv": true, "id": true, "ids": true,
	// sentence adverbs that open a sentence with no comma after them
	// ("Furthermore", 12 organisations in the press releases)
	"furthermore": true, "moreover": true, "nevertheless": true, "nonetheless": true, "meanwhile": true,
	"however": true, "therefore": true, "hence": true, "thus": true, "besides": true, "otherwise": true,
	"likewise": true, "indeed": true, "instead": true, "accordingly": true, "consequently": true,
	"additionally": true,
	// time zones ("8 p.m. Eastern Standard Time", 7 PolNeAR organisations)
	"eastern standard time": true, "eastern daylight time": true, "eastern time": true, "central time": true,
	"central standard time": true, "mountain time": true, "pacific time": true, "pacific standard time": true,
	"pacific daylight time": true, "greenwich mean time": true, "british summer time": true,
	"coordinated universal time": true, "central european time": true}

// abbreviatedWords are abbreviations a tagger reads as a name for their
// capital and full stop: months ("Sept.", 16 PolNeAR organisations) and
// "No." before a number.
var abbreviatedWords = map[string]bool{"Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "Jun.": true, "Jul.": true,
	"Aug.": true, "Sep.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true, "No.": true, "Nos.": true}

// partyLabel reports whether a name is a legislator's party and state as
// American papers write them after the name, "(R-Texas)", "(D-Mass.)": a
// label, no organisation (21 PolNeAR organisations "R-Texas").
func partyLabel(name string) bool {
	if len(name) < 4 || name[1] != '-' || !strings.ContainsRune("RDI", rune(name[0])) {
		return false
	}
	state := name[2:]
	if gazetteer.IsUSState(state) || gazetteer.Abbreviation(state) || gazetteer.Abbreviation(state+".") {
		return true
	}
	_, ok := gazetteer.USState(state)
	return ok
}

// pronouns are capitalised pronouns a tagger may read as a name at a
// sentence's start: there, as written (not in capitals, "US"), never a
// name.
var pronouns = map[string]bool{"Us": true, "We": true, "Our": true, "It": true, "Me": true, "Him": true,
	"Her": true, "Them": true, "They": true, "You": true}

// interjections are the fillers of transcripts and interviews ("Uh,
// according to Ronald Klain", an organisation "Uh" in GUM's podcast),
// capitalised at a sentence's or a clause's start: never a name, as
// written ("OH" is Ohio).
var interjections = map[string]bool{"Uh": true, "Um": true, "Er": true, "Erm": true, "Hmm": true, "Mm": true, "Ah": true,
	"Oh": true, "Wow": true, "Yeah": true, "Yep": true, "Nope": true, "Okay": true, "Uh-huh": true}

// junk reports whether a tagged name is not news: in a furniture line
// (furniture, from furnitureLines), a greeting's "Good", a word of
// notNames for a person or place or of notAnyNames for anything, an
// interjection, a capitalised pronoun, or a person's or place's name with a digit in it
// ("7am BST").
func junk(furniture []graph.Span, s segment.Sentence, m ner.Mention) bool {
	if inSpans(furniture, m.Span.Start) {
		return true
	}
	key := names.Key(m.Text)
	if notAnyNames[key] || strings.HasSuffix(m.Text, "$") || abbreviatedWords[m.Text] || partyLabel(m.Text) {
		return true // "US$ 5 billion", "HK$" are currencies
	}
	if m.Kind != graph.Org && notNames[key] {
		return true
	}
	if interjections[m.Text] {
		return true
	}
	if pronouns[m.Text] {
		// "Us with you.": the pronoun, not the United States. Inside a
		// sentence, a capitalised pronoun alone is a name's last word
		// the tagger cut off ("Toys 'R' Us", which made the United
		// States of GUM's toy shop), never a name: the country is "US".
		// Only a headline capitalises every word.
		if first, _ := tokenRange(s.Tokens, m.Span); first == 0 || !titleCased(s.Tokens) {
			return true
		}
	}
	if m.Kind != graph.Org && strings.IndexFunc(m.Text, unicode.IsDigit) >= 0 {
		return true
	}
	if sentenceAdverb(s, m) || photoCredit(s, m) {
		return true
	}
	if key == "good" {
		first, _ := tokenRange(s.Tokens, m.Span)
		if first >= 0 && first+1 < len(s.Tokens) && greetings[strings.ToLower(s.Tokens[first+1].Text)] {
			return true
		}
	}
	return false
}

// photoCredit reports whether a tagged name is a photo credit's, inside a
// line of text ("JEWEL SAMAD via Getty Images", "(AP Photo/Evan Vucci)"):
// the photographer, the agency, or the picture service.
func photoCredit(s segment.Sentence, m ner.Mention) bool {
	first, last := tokenRange(s.Tokens, m.Span)
	if first < 0 {
		return false
	}
	word := func(i int) string {
		if i < 0 || i >= len(s.Tokens) {
			return ""
		}
		return strings.ToLower(s.Tokens[i].Text)
	}
	switch {
	case word(last+1) == "via" && pictureServices[word(last+2)]:
		return true // the photographer
	case word(first-1) == "via" && pictureServices[word(first)]:
		return true // "Getty Images" itself
	case word(first-1) == "/" && (word(first-2) == "photo" || word(first-2) == "photos"):
		return true // "AP Photo/Evan Vucci"
	}
	return false
}

// pictureServices are the agencies whose name follows "via" in a credit.
var pictureServices = map[string]bool{"getty": true, "afp": true, "reuters": true, "ap": true,
	"shutterstock": true, "alamy": true, "epa": true, "bloomberg": true}

// sentenceAdverb reports whether a tagged name is an adverb opening its
// sentence before a comma ("Incidentally, the Americans have …"): one
// word of seven letters or more with an adverb's ending.
func sentenceAdverb(s segment.Sentence, m ner.Mention) bool {
	first, last := tokenRange(s.Tokens, m.Span)
	if first != 0 || last != 0 || len(s.Tokens) < 2 || s.Tokens[1].Text != "," {
		return false
	}
	w := strings.ToLower(m.Text)
	if len(w) < 7 {
		return false
	}
	for _, end := range adverbEndings {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// adverbEndings end the sentence adverbs a tagger may take for a name
// ("Incidentally", "Unfortunately", "Obviously"); names with them are
// rare and do not open a sentence alone before a comma.
var adverbEndings = []string{"ally", "ately", "ously", "ently", "antly", "ibly", "ably", "edly", "ingly", "ctly", "ainly"}

// businessTitles are the titles of companies' people that may sit inside
// a tagged name ("Apple CEO Steve Jobs"), besides names.IsTitle's.
var businessTitles = map[string]bool{"ceo": true, "cfo": true, "coo": true, "cto": true, "founder": true,
	"co-founder": true, "cofounder": true, "boss": true, "executive": true, "analyst": true, "chief": true,
	"chairman": true, "chairwoman": true, "president": true, "spokesman": true, "spokeswoman": true}

func isInnerTitle(w string) bool {
	return businessTitles[strings.ToLower(strings.TrimSuffix(w, "."))] || names.IsTitle(w)
}

// splitInnerTitle splits a name the tagger read across a title, "Twitter
// CEO Parag Agrawal" or "Apple CEO Steve Jobs": the words before the
// title are an organisation, the words after it a person. The title stays
// in the text between them, where the role finder reads it. ok is false
// when the name has no such shape.
func splitInnerTitle(toks []token.Token, m ner.Mention) (org, person ner.Mention, ok bool) {
	first, last := tokenRange(toks, m.Span)
	if first < 0 || last-first < 2 {
		return org, person, false
	}
	k := -1
	for i := first + 1; i < last; i++ {
		if isInnerTitle(toks[i].Text) {
			k = i
			break
		}
	}
	if k < 0 || !allCapitalised(toks[first:k]) || !allCapitalised(toks[k+1:last+1]) {
		return org, person, false
	}
	end := k
	for end > first && isInnerTitle(toks[end-1].Text) {
		end--
	}
	start := k + 1
	for start <= last && isInnerTitle(toks[start].Text) {
		start++
	}
	if end <= first || start > last || names.IsHonorific(toks[first].Text) {
		return org, person, false
	}
	// The person is a name of two words at least, none of them a title or
	// an organisation's head noun ("Presidential Executive Office" is no
	// one); the organisation is not a title's adjective.
	if last-start < 1 || notAnyNames[names.Key(toks[first].Text)] {
		return org, person, false
	}
	for _, t := range toks[start : last+1] {
		if genericOrgs[names.Key(t.Text)] || isInnerTitle(t.Text) {
			return org, person, false
		}
	}
	org, person = orgAndPerson(toks, m, first, end, start, last)
	return org, person, true
}

// orgAndPerson cuts mention m into an organisation, tokens [first, end),
// and a person, tokens [start, last]; what lies between stays text.
func orgAndPerson(toks []token.Token, m ner.Mention, first, end, start, last int) (org, person ner.Mention) {
	orgSpan := graph.Span{Start: toks[first].Span.Start, End: toks[end-1].Span.End}
	perSpan := graph.Span{Start: toks[start].Span.Start, End: toks[last].Span.End}
	org = ner.Mention{Kind: graph.Org, Span: orgSpan, Sentence: m.Sentence, Text: m.Text[orgSpan.Start-m.Span.Start : orgSpan.End-m.Span.Start]}
	person = ner.Mention{Kind: graph.Person, Span: perSpan, Sentence: m.Sentence, Text: m.Text[perSpan.Start-m.Span.Start : perSpan.End-m.Span.Start]}
	return org, person
}

// splitLeadersHouse splits "the Bush White House", "the Obama White
// House" (a president's staff, read as one organisation in PolNeAR) into
// the president and the White House. The word before is a capitalised
// word that names no country, region or city of 100,000 people (Bush is
// a small town in Egypt) and is no country's adjective ("the US White
// House" stays as tagged).
func splitLeadersHouse(gaz *gazetteer.Table, toks []token.Token, m ner.Mention) (person, org ner.Mention, ok bool) {
	if m.Kind == graph.Person {
		return person, org, false
	}
	first, last := tokenRange(toks, m.Span)
	if first < 0 || last-first != 2 || toks[last-1].Text != "White" || toks[last].Text != "House" {
		return person, org, false
	}
	w := toks[first].Text
	if !capitalisedWord(toks[first]) || isAcronymName([]string{w}) || strings.EqualFold(w, "the") {
		return person, org, false
	}
	if bigPlace(gaz, w, 100_000) {
		return person, org, false
	}
	if _, demonym := gaz.Demonym(w); demonym {
		return person, org, false
	}
	org, person = orgAndPerson(toks, m, last-1, last+1, first, first)
	return person, org, true
}

// splitOfficer splits an organisation's name the tagger ran on into the
// name of its officer, as press releases write them (the tagger splits
// those whose given name it knows after two capitalised words, see
// ner's titledName; this reads the title before the name as well, and
// a body's head noun before an unknown given name): "Secretary of the
// Security Council Nikolai Patrushev", "Managing Director of the
// International Monetary Fund Kristalina Georgieva". A title and "of"
// stand before the name ("Secretary of the"), so that "Bank of America
// Merrill Lynch" stays whole. The person is the last two or three
// capitalised words, none of them a body's head noun, a title or a
// connector; they start with a known first name ("Federal Service for
// State Statistics Pavel Malkov"), or follow the body's head noun with no
// known first name among them ("Office Rostyslav Shurma", "Central
// Committee Nguyen Phu Trong"). "Vakhtangov State Academic Theatre" ends
// on a head noun and stays whole. The title stays in the text before
// them, where the role finder reads it.
func splitOfficer(toks []token.Token, m ner.Mention) (org, person ner.Mention, ok bool) {
	if m.Kind != graph.Org {
		return org, person, false
	}
	first, last := tokenRange(toks, m.Span)
	if first < 0 || last-first < 2 || !titledOf(toks, first) {
		return org, person, false
	}
	p := -1
	for q := max(last-2, first+1); q < last && p < 0; q++ {
		if officerName(toks[q-1], toks[q:last+1]) {
			p = q
		}
	}
	if p < 0 {
		return org, person, false
	}
	org, person = orgAndPerson(toks, m, first, p, p, last)
	return org, person, true
}

// officerName reports whether the words ts, the end of an organisation's
// name, are a person's name after it, whose last word is before (see
// splitOfficer).
func officerName(before token.Token, ts []token.Token) bool {
	for i, t := range ts {
		w := names.Key(t.Text)
		if t.Class != token.Word || !startsUpper(t.Text) || bodyHead(t.Text) || connectors[w] ||
			isInnerTitle(t.Text) || trailingTitles[w] || i > 0 && names.IsFirstName(t.Text) {
			return false
		}
	}
	if names.IsFirstName(ts[0].Text) {
		return true
	}
	return bodyHead(before.Text)
}

// titledOf reports whether a title and "of" stand before the name that
// starts at token first, with at most a determiner or a possessive name
// between them: "Secretary of the", "Head of the President's".
func titledOf(toks []token.Token, first int) bool {
	for i := first - 1; i >= 1 && i >= first-4; i-- {
		if strings.EqualFold(toks[i].Text, "of") {
			w, _, _ := strings.Cut(toks[i-1].Text, "-") // "Commander-in-Chief of the"
			return isRoleWord(w) || businessTitles[strings.ToLower(w)]
		}
	}
	return false
}

// bodyHead reports whether a word ends the names of bodies that have
// officers: "Council", "Fund", "Parliament", "Office".
func bodyHead(w string) bool {
	k := names.Key(w)
	return genericOrgs[k] || bodyHeads[k]
}

// bodyHeads are the head nouns of bodies besides genericOrgs' words.
var bodyHeads = map[string]bool{"fund": true, "parliament": true, "senate": true, "duma": true, "rada": true,
	"assembly": true, "corporation": true, "organization": true, "organisation": true, "board": true,
	"secretariat": true, "directorate": true, "inspectorate": true, "chamber": true, "tribunal": true,
	"bureau": true, "mission": true, "theatre": true, "theater": true, "museum": true, "academy": true,
	"school": true, "hospital": true, "library": true, "orchestra": true, "works": true, "plant": true,
	"centre": true, "center": true, "network": true, "society": true, "association": true, "league": true}

// trailingTitles are the words of a job title that may follow an
// organisation's name inside what the tagger reads as one name ("Ryanair
// CEO", "Apple Chief Executive Officer"), besides isInnerTitle's.
var trailingTitles = map[string]bool{"officer": true, "administrator": true, "director": true, "vice": true,
	"operating": true, "financial": true, "technology": true, "managing": true}

// trimGluedTitle cuts a person's name before a word that runs a name into
// a title with no space ("Alexander Lukashenko Lukashenko
// AlexanderPresident of Belarus", a transcript page's speaker label run
// into the text): the glued word and all after it are furniture.
func trimGluedTitle(text string, toks []token.Token, m ner.Mention) ner.Mention {
	if m.Kind != graph.Person {
		return m
	}
	first, last := tokenRange(toks, m.Span)
	for i := first + 1; i >= 1 && i <= last; i++ {
		if gluedTitle(toks[i].Text) {
			m.Span.End = toks[i-1].Span.End
			m.Text = text[m.Span.Start:m.Span.End]
			return m
		}
	}
	return m
}

// gluedTitle reports whether a word is a name glued to a title or a
// title's adjective, a lower-case letter followed by a capital that
// starts one ("AlexanderPresident", "BorisPresidential"); "McDonald" and
// "DeSantis" are not.
func gluedTitle(w string) bool {
	for i := 1; i+1 < len(w); i++ {
		if w[i-1] >= 'a' && w[i-1] <= 'z' && w[i] >= 'A' && w[i] <= 'Z' && i >= 3 && (names.IsTitle(w[i:]) || notAnyNames[names.Key(w[i:])]) {
			return true
		}
	}
	return false
}

// trimTrailingTitle takes a job title off the end of an organisation's
// name: "Ryanair CEO" said something is Ryanair's CEO, not an
// organisation called "Ryanair CEO", and the role finder reads the title
// from the text after the name. A name with "of" in it keeps its words
// ("Office of the Prime Minister"), and so does a name that would be left
// with only title words ("Foreign Minister").
func trimTrailingTitle(text string, toks []token.Token, m ner.Mention) ner.Mention {
	first, last := tokenRange(toks, m.Span)
	if first < 0 || last == first {
		return m
	}
	if m.Kind == graph.Person {
		// "Ryanair CEO" read as a person: one word and a business title
		// are a company and its officer.
		if last != first+1 || !businessTitles[strings.ToLower(strings.TrimSuffix(toks[last].Text, "."))] ||
			isInnerTitle(toks[first].Text) || !startsUpper(toks[first].Text) {
			return m
		}
		m.Kind = graph.Org
	}
	if m.Kind != graph.Org && m.Kind != graph.Misc {
		return m
	}
	for _, t := range toks[first : last+1] {
		if connectors[strings.ToLower(t.Text)] {
			return m
		}
	}
	end := last
	for end > first && (isInnerTitle(toks[end].Text) || trailingTitles[names.Key(toks[end].Text)]) {
		end--
	}
	if end == last || isInnerTitle(toks[end].Text) || names.Is(toks[end].Text, names.Modifier) {
		return m
	}
	if end > first && toks[end].Class == token.Punct {
		end--
	}
	m.Span.End = toks[end].Span.End
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// tokenRange returns the first and last tokens inside span, or -1, -1.
// Tokens are in text order, so it searches rather than scans: a sentence
// can be as long as the article.
func tokenRange(toks []token.Token, span graph.Span) (first, last int) {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.Start >= span.Start })
	j := i
	for j < len(toks) && toks[j].Span.End <= span.End {
		j++
	}
	if j == i {
		return -1, -1
	}
	return i, j - 1
}

// connectors may sit between the capitalised words of an organisation's
// name.
var connectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "&": true}

// extendOf extends an organisation's name over the "of …" phrase that
// completes it (or a "for …" one, see forPhrase): the tagger finds
// "Office" in "the Office of the President of Ukraine". The phrase runs over capitalised words and connectors, and
// stops before a person's name (the press-release style "Head of the
// Office of the President of Ukraine Andriy Yermak") and at anything
// else. The returned span ends on a capitalised word; ok is false when
// there is nothing to add.
func extendOf(text string, toks []token.Token, m ner.Mention, personAt map[int]bool, placeEnd map[int]int) (ner.Mention, bool) {
	_, last := tokenRange(toks, m.Span)
	if last < 0 || last+2 >= len(toks) || toks[last+1].Text != "of" && !forPhrase(toks, last, personAt, placeEnd) ||
		names.IsExpansion(names.Key(m.Text)) {
		return m, false // "the European Union" is whole before any "of"
	}
	isFor := toks[last+1].Text == "for"
	end := -1
	for i := last + 1; i < len(toks); i++ {
		t := toks[i]
		if personAt[t.Span.Start] {
			break
		}
		if isFor && (isInnerTitle(t.Text) || t.Text == "and" && i+1 < len(toks) && strings.ToUpper(toks[i+1].Text) == toks[i+1].Text) {
			break // "Foundation for Contemporary Art and NOVATEK Board Chairman": a purpose ends before another name or a title
		}
		if pe, ok := placeEnd[t.Span.Start]; ok {
			// "of Ukraine" ends the name: what follows a country is
			// another name ("Armed Forces of Ukraine Valerii Zaluzhnyi").
			for end = i; end+1 < len(toks) && toks[end+1].Span.End <= pe; end++ {
			}
			break
		}
		if (t.Text == "and" || t.Text == "&") && i+1 < len(toks) && !startsUpper(toks[i+1].Text) {
			break // "the Office of the President and the Foreign Minister of Portugal": two names
		}
		if connectors[t.Text] {
			continue
		}
		if !startsUpper(t.Text) || t.Class == token.Punct {
			break
		}
		end = i
	}
	if end < 0 {
		return m, false
	}
	m.Span.End = toks[end].Span.End
	m.Text = text[m.Span.Start:m.Span.End]
	return m, true
}

// splitWholeOf splits an organisation's name that runs a name complete
// in itself into an "of" phrase: "Secretary of State for the European
// Union of the Ministry of Foreign Affairs" names the European Union and
// the ministry, not a "European Union of the Ministry". It is the
// converse of extendOf, which adds no "of" phrase to such a name, for
// the taggers that read the run as one name.
func splitWholeOf(text string, toks []token.Token, m ner.Mention) (ner.Mention, ner.Mention, bool) {
	first, last := tokenRange(toks, m.Span)
	if m.Kind != graph.Org || first < 0 {
		return m, m, false
	}
	for k := first + 1; k < last; k++ {
		if toks[k].Text != "of" {
			continue
		}
		if !names.IsExpansion(names.Key(text[m.Span.Start:toks[k-1].Span.End])) {
			return m, m, false
		}
		r := k + 1
		if toks[r].Text == "the" && r < last {
			r++
		}
		whole, rest := m, m
		whole.Span.End = toks[k-1].Span.End
		whole.Text = text[whole.Span.Start:whole.Span.End]
		rest.Span.Start = toks[r].Span.Start
		rest.Text = text[rest.Span.Start:rest.Span.End]
		return whole, rest, true
	}
	return m, m, false
}

// splitPossessive splits a name a tagger ran over a plural possessive
// into the owner's name and the owned one's: "The Beatles' Apple Corps"
// names the Beatles and Apple Corps. A singular "'s" is left alone: it
// is part of many names ("the People's Republic of China", "King's
// College"). The owner keeps the name's kind; the gazetteer and the
// article's other mentions settle it as for any name.
func splitPossessive(text string, toks []token.Token, m ner.Mention) (ner.Mention, ner.Mention, bool) {
	first, last := tokenRange(toks, m.Span)
	if m.Kind == graph.Person || first < 0 {
		return m, m, false
	}
	for k := first; k < last; k++ {
		t := toks[k].Text
		end, next := k, k+1 // the owner's last token, the owned one's first
		switch {
		case (t == "'" || t == "’") && k > first && strings.HasSuffix(toks[k-1].Text, "s"):
			end = k - 1
		case len(t) > 2 && (strings.HasSuffix(t, "s'") || strings.HasSuffix(t, "s’")):
		default:
			continue
		}
		if end < first || !startsUpper(toks[next].Text) {
			return m, m, false
		}
		owner, owned := m, m
		owner.Span.End = toks[end].Span.End
		if end == k {
			owner.Span.End -= len("'") // "Beatles'"
			if strings.HasSuffix(t, "’") {
				owner.Span.End -= len("’") - len("'")
			}
		}
		owner.Text = text[owner.Span.Start:owner.Span.End]
		owned.Span.Start = toks[next].Span.Start
		owned.Text = text[owned.Span.Start:owned.Span.End]
		return owner, owned, true
	}
	return m, m, false
}

// forPhrase reports whether the name ending at token last goes on with a
// "for" phrase that is part of it: a body's head noun, then "for" and a
// capitalised word that starts no place's or person's name ("Federal
// Corporation for the Development of Small and Medium-sized
// Enterprises"). "thanked the Government for Ukraine's support" is no
// name.
func forPhrase(toks []token.Token, last int, personAt map[int]bool, placeEnd map[int]int) bool {
	if toks[last+1].Text != "for" || !bodyHead(toks[last].Text) {
		return false
	}
	k := last + 2
	if k+1 < len(toks) && toks[k].Text == "the" {
		k++
	}
	_, place := placeEnd[toks[k].Span.Start]
	return startsUpper(toks[k].Text) && toks[k].Class == token.Word && !place && !personAt[toks[k].Span.Start]
}

// repairNames applies the repairs above to the tagger's names, in text
// order (furniture is the text's furnitureLines): junk goes, inner titles
// split, organisations' names extend over their "of" phrase (and the
// names inside it go with them).
func repairNames(gaz *gazetteer.Table, text string, sents []segment.Sentence, furniture []graph.Span, ms []ner.Mention) []ner.Mention {
	personAt := map[int]bool{}
	placeEnd := map[int]int{}
	for _, m := range ms {
		switch m.Kind {
		case graph.Person:
			personAt[m.Span.Start] = true
		case graph.Place:
			placeEnd[m.Span.Start] = m.Span.End
		}
	}
	ms = moveFirstNames(text, sents, ms)
	out := make([]ner.Mention, 0, len(ms))
	covered := -1 // end of the last extended name: names inside it are part of it
	for mi, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(sents) || m.Span.Start < 0 || m.Span.End > len(text) {
			out = append(out, m) // Process reports the tagger's slip
			continue
		}
		if m.Span.Start < covered {
			continue
		}
		s := sents[m.Sentence]
		if m = trimMarks(text, s, m); m.Span.End <= m.Span.Start {
			continue
		}
		if mi+1 < len(ms) {
			if f, ok := featureOf(text, s.Tokens, m, ms[mi+1]); ok {
				m, covered = f, f.Span.End
			}
		}
		m = trimArticle(text, s, m)
		m = trimLeadingWord(text, s, m)
		m = trimDerived(text, s.Tokens, m)
		m = trimCitedYear(text, s.Tokens, m)
		m = extendRegion(gaz, text, s.Tokens, m)
		if junk(furniture, s, m) {
			continue
		}
		if whole, rest, ok := splitWholeOf(text, s.Tokens, m); ok {
			out = append(out, whole, rest)
			continue
		}
		if owner, owned, ok := splitPossessive(text, s.Tokens, m); ok {
			out = append(out, owner, owned)
			continue
		}
		if org, person, ok := splitInnerTitle(s.Tokens, m); ok {
			out = append(out, org, person)
			continue
		}
		if org, person, ok := splitOfficer(s.Tokens, m); ok {
			out = append(out, org, person)
			continue
		}
		if person, org, ok := splitLeadersHouse(gaz, s.Tokens, m); ok {
			out = append(out, person, org)
			continue
		}
		m = trimTrailingTitle(text, s.Tokens, m)
		m = trimGluedTitle(text, s.Tokens, m)
		if m.Kind == graph.Org {
			if ext, ok := extendOf(text, s.Tokens, m, personAt, placeEnd); ok {
				m, covered = ext, ext.Span.End
			}
			// "the Israeli Ministry of Agriculture": a nationality word
			// the tagger read apart is part of the organisation's name.
			if n := len(out); n > 0 && out[n-1].Kind == graph.Misc && out[n-1].Sentence == m.Sentence &&
				strings.TrimSpace(text[out[n-1].Span.End:m.Span.Start]) == "" {
				prev := out[n-1]
				m.Span.Start, m.Text = prev.Span.Start, text[prev.Span.Start:m.Span.End]
				out = out[:n-1]
			}
		}
		out = append(out, m)
	}
	return out
}

// featureHeads are the words of a sea, a coast or an island named with
// an "of" phrase: "the Gulf of Mexico", "the Bay of Bengal", "the Strait
// of Hormuz", "the Isle of Man".
var featureHeads = map[string]bool{"Gulf": true, "Bay": true, "Sea": true, "Strait": true, "Straits": true,
	"Isle": true, "Cape": true, "Lake": true, "Firth": true, "Sound": true}

// featureOf joins a sea's or a coast's head word and the place after its
// "of", which the tagger reads as two places ("Gulf" and "Mexico" in "the
// Gulf of Mexico"), into the one place they name; every article's "Gulf"
// would otherwise be one place of its own. m ends on the head word,
// next is the tagger's following name, a place right after "of" (or "of
// the").
func featureOf(text string, toks []token.Token, m, next ner.Mention) (ner.Mention, bool) {
	if m.Kind == graph.Person || next.Kind != graph.Place || next.Sentence != m.Sentence {
		return m, false
	}
	_, last := tokenRange(toks, m.Span)
	if last < 0 || last+2 >= len(toks) || !featureHeads[toks[last].Text] || toks[last+1].Text != "of" {
		return m, false
	}
	k := last + 2
	if toks[k].Text == "the" && k+1 < len(toks) {
		k++
	}
	if toks[k].Span.Start != next.Span.Start {
		return m, false
	}
	m.Kind, m.Span.End = graph.Place, next.Span.End
	m.Text = text[m.Span.Start:m.Span.End]
	return m, true
}

// moveFirstNames gives a person's first name back to the person when the
// tagger ended the name before it with it: "Minister of Agriculture
// Dmitry Patrushev" read as "Agriculture Dmitry" (and "Patrushev", or
// nothing), "Prime Minister of Greece Kyriakos Mitsotakis" as "Greece
// Kyriakos" and "Mitsotakis". A title and "of" stand before the name
// (see titledOf), which must keep a word; its last
// word must be a known first name that heads no body ("Court", "Bank" are
// first names too); the surname, one capitalised word, follows with
// nothing but a space between. A surname the tagger left out becomes the
// person's name with the first name.
func moveFirstNames(text string, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var out []ner.Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Kind == graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) || m.Span.End > len(text) {
			out = append(out, m)
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first < 0 || last == first || last+1 >= len(toks) || !names.IsFirstName(toks[last].Text) ||
			toks[last].Class != token.Word || bodyHead(toks[last].Text) || !titledOf(toks, first) {
			out = append(out, m)
			continue
		}
		sur := toks[last+1]
		if sur.Class != token.Word || !startsUpper(sur.Text) || strings.ToUpper(sur.Text) == sur.Text || strings.TrimSpace(text[toks[last].Span.End:sur.Span.Start]) != "" ||
			bodyHead(sur.Text) || isInnerTitle(sur.Text) || connectors[names.Key(sur.Text)] {
			out = append(out, m)
			continue
		}
		next := -1
		if i+1 < len(ms) && ms[i+1].Span.Start < sur.Span.End {
			next = i + 1 // the tagger's name at the surname
			if n := ms[next]; n.Kind != graph.Person || n.Sentence != m.Sentence || n.Span.Start != sur.Span.Start || n.Span.End != sur.Span.End {
				out = append(out, m)
				continue
			}
		}
		person := ner.Mention{Kind: graph.Person, Sentence: m.Sentence, Span: graph.Span{Start: toks[last].Span.Start, End: sur.Span.End}}
		person.Text = text[person.Span.Start:person.Span.End]
		m.Span.End = toks[last-1].Span.End
		m.Text = text[m.Span.Start:m.Span.End]
		out = append(out, m, person)
		if next >= 0 {
			i++
		}
	}
	return out
}

// trimCitedYear takes a citation's year off the name of its author
// ("Case Grammar (Fillmore 1968)", "Polio and Gass 1997"), which the
// tagger reads into the name and which would make it no name at all (see
// junk): a person's or a place's name of capitalised words, then a year
// the name closes with, before a closing bracket, a comma, a semicolon or
// the sentence's end. An organisation's or an event's year ("Expo 2020")
// stays.
func trimCitedYear(text string, toks []token.Token, m ner.Mention) ner.Mention {
	if m.Kind != graph.Person && m.Kind != graph.Place {
		return m
	}
	first, last := tokenRange(toks, m.Span)
	if first < 0 || last == first || toks[last].Class != token.Number || len(toks[last].Text) != 4 || toks[last].Span.End != m.Span.End {
		return m
	}
	if y := toks[last].Text; y < "1500" || y > "2099" {
		return m
	}
	if last+1 < len(toks) && !strings.ContainsAny(toks[last+1].Text, "),;") && !(last+2 == len(toks) && toks[last+1].Class == token.Punct) {
		return m
	}
	for _, t := range toks[first:last] {
		if !capitalisedWord(t) && t.Text != "." {
			return m
		}
	}
	m.Span.End = toks[last-1].Span.End
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// trimDerived takes a name out of the adjective made of it: "Warhol-like",
// "Scientology-related", "EADS-led" and "New York-born" name Warhol,
// Scientology, EADS and New York, and "Chicago-based Boeing" names
// Boeing (the place goes with the adjective). The tokenizer keeps a
// hyphenated word whole, so the tagger reads the adjective into the name;
// a name's own hyphenated words are capitalised after the hyphen
// ("Stoke-on-Trent", "Baie-Mahault") and stay.
func trimDerived(text string, toks []token.Token, m ner.Mention) ner.Mention {
	first, last := tokenRange(toks, m.Span)
	if first < 0 {
		return m
	}
	if at := derivedAt(toks[last].Text); at > 0 {
		m.Span.End = toks[last].Span.Start + at
	} else if at := derivedAt(toks[first].Text); at > 0 && last > first {
		m.Span.Start = toks[first+1].Span.Start
	} else {
		return m
	}
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// regionWords, in lower case before the name of a country, a state or a
// continent, make a region of it with a name of its own: "northern
// Syria", "central Iran", "mainland Australia", "sub-Saharan Africa" are
// not the country. A town's part is still the town in news ("central
// London").
var regionWords = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north-eastern": true, "north-western": true, "south-eastern": true, "south-western": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"mainland": true, "sub-saharan": true, "upstate": true}

// extendRegion extends the name of a country, state or continent over the
// lower-case word before it that makes a region of it (regionWords).
func extendRegion(gaz *gazetteer.Table, text string, toks []token.Token, m ner.Mention) ner.Mention {
	if m.Kind != graph.Place {
		return m
	}
	first, _ := tokenRange(toks, m.Span)
	if first < 1 || !regionWords[toks[first-1].Text] {
		return m
	}
	if e, ok := gaz.Entry(m.Text); !ok || e.Kind == gazetteer.City {
		return m
	}
	m.Span.Start = toks[first-1].Span.Start
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// derivedAt returns the byte offset of the hyphen in a word made of a
// capitalised name and a lower-case adjective or participle after it
// ("Warhol-like", "EADS-led", "Scientology-related"), or -1. The second
// part of a Korean or Chinese given name is lower case too ("Ban
// Ki-moon", "Kim Jong-un", "Ma Ying-jeou"), so only the words that make
// adjectives of names count, and long participles.
func derivedAt(w string) int {
	i := strings.LastIndexByte(w, '-')
	if i < 2 || !startsUpper(w) {
		return -1
	}
	suffix := w[i+1:]
	for _, r := range suffix {
		if !unicode.IsLower(r) {
			return -1
		}
	}
	if derivedSuffixes[suffix] || len(suffix) >= 5 && strings.HasSuffix(suffix, "ed") || len(suffix) >= 6 && strings.HasSuffix(suffix, "ing") {
		return i
	}
	return -1
}

// derivedSuffixes make adjectives of names: "Warhol-like", "EADS-led",
// "New York-born", "Soviet-era".
var derivedSuffixes = map[string]bool{"like": true, "led": true, "era": true, "style": true, "born": true,
	"made": true, "built": true, "wide": true, "centric": true, "specific": true, "bound": true, "esque": true,
	"friendly": true, "free": true, "type": true, "owned": true}

// trimArticle takes the article off a name the tagger read with it: "the
// Office of the President" is the Office of the President, and so is "The
// Office of the President" opening a sentence. A capitalised "The" inside
// a sentence stays: it is part of a title ("The Hill", "The Hague").
func trimArticle(text string, s segment.Sentence, m ner.Mention) ner.Mention {
	first, last := tokenRange(s.Tokens, m.Span)
	if first < 0 || last == first {
		return m
	}
	switch w := s.Tokens[first].Text; {
	case w == "the":
	case w == "The" && m.Kind == graph.Org && (first == 0 || s.Tokens[first-1].Class == token.Punct) &&
		genericOrgs[names.Key(s.Tokens[first+1].Text)]:
	default:
		return m
	}
	m.Span.Start = s.Tokens[first+1].Span.Start
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// edgeMarks are the dashes and quotation marks the tagger takes into a
// name at either end ("Kasich—who", "” The Post", "D.N.C.”", in
// PolNeAR's texts): never part of the name.
var edgeMarks = map[string]bool{"—": true, "–": true, "-": true, "''": true, "``": true, "\"": true, "'": true,
	"“": true, "”": true, "‘": true, "’": true, "«": true, "»": true}

// trimMarks takes such marks off the ends of a name; a name of marks only
// comes back empty.
func trimMarks(text string, s segment.Sentence, m ner.Mention) ner.Mention {
	first, last := tokenRange(s.Tokens, m.Span)
	if first < 0 {
		return m
	}
	for first <= last && edgeMarks[s.Tokens[first].Text] {
		first++
	}
	for last >= first && edgeMarks[s.Tokens[last].Text] {
		last--
	}
	if first > last {
		m.Span.End = m.Span.Start
		return m
	}
	if m.Span.Start == s.Tokens[first].Span.Start && m.Span.End == s.Tokens[last].Span.End {
		return m
	}
	m.Span = graph.Span{Start: s.Tokens[first].Span.Start, End: s.Tokens[last].Span.End}
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// leadingWords are words that open a sentence and that the tagger, seeing
// them capitalised there, reads as the start of the name after them
// ("Your Santorum", "Because Earth", "Hey Frank"), and forms of address
// in speeches and letters ("Dear Justin").
var leadingWords = map[string]bool{"your": true, "my": true, "their": true, "its": true, "hey": true, "hi": true,
	"because": true, "and": true, "but": true, "so": true, "if": true, "when": true, "while": true, "although": true,
	"though": true, "since": true, "unless": true, "oh": true, "yes": true, "well": true, "also": true, "then": true,
	"dear": true, "dearest": true}

// auxiliaries open a question before its subject ("As Its Rivals Pair Up,
// Will Twitter Be Next?", which made Twitter a person "Will Twitter" in
// a New York Times article); "Will" and "May" are given names too, so
// they are taken off in a question only.
var auxiliaries = map[string]bool{"will": true, "may": true, "can": true, "could": true, "would": true, "should": true,
	"did": true, "does": true, "do": true, "is": true, "are": true, "was": true, "were": true, "has": true, "have": true,
	"had": true, "must": true, "might": true, "shall": true}

// trimLeadingWord takes such a word, a question's auxiliary, or a
// state's abbreviation that ends the sentence before it, off the start of
// a name.
func trimLeadingWord(text string, s segment.Sentence, m ner.Mention) ner.Mention {
	first, last := tokenRange(s.Tokens, m.Span)
	if first < 0 || last == first {
		return m
	}
	w := strings.ToLower(s.Tokens[first].Text)
	question := auxiliaries[w] && (first == 0 || s.Tokens[first-1].Text == ",") &&
		(!names.IsFirstName(w) || s.Tokens[len(s.Tokens)-1].Text == "?")
	// "Trump's golf club at Bedminster, N.J. Roger Ailes, the former
	// chairman": a state's abbreviation after a town ends the sentence
	// before the name, which the segmenter cannot tell.
	state := first > 0 && s.Tokens[first-1].Text == "," && strings.HasSuffix(s.Tokens[first].Text, ".") &&
		gazetteer.Abbreviation(s.Tokens[first].Text) && capitalisedWord(s.Tokens[first+1])
	if !leadingWords[w] && !question && !state {
		return m
	}
	m.Span.Start = s.Tokens[first+1].Span.Start
	m.Text = text[m.Span.Start:m.Span.End]
	return m
}

// genericOrgs are the head nouns of organisations' names that, alone,
// name no organisation in particular ("the Office", "the Government",
// "the Armed Forces").
var genericOrgs = map[string]bool{"office": true, "state": true, "government": true, "armed forces": true,
	"forces": true, "adviser": true, "advisor": true, "article": true, "company": true, "ministry": true,
	"department": true, "committee": true, "council": true, "administration": true, "agency": true,
	"service": true, "services": true, "authorities": true, "authority": true, "commission": true,
	"headquarters": true, "cabinet": true, "presidium": true, "foreign affairs": true, "state company": true,
	"group": true, "union": true, "alliance": true, "party": true, "court": true, "bank": true, "central bank": true,
	"university": true, "church": true, "college": true, "institute": true, "foundation": true, "society": true,
	"defence ministry": true, "defense ministry": true, "foreign ministry": true, "interior ministry": true,
	// a body or document the article names in full elsewhere ("the
	// Federation", "the Treaty"), and the field of a ministry the tagger
	// cut off its name ("Interior Minister", "Minister of Finance").
	"federation": true, "treaty": true, "declaration": true, "forum": true, "constitution": true,
	"navy": true, "army": true, "interior": true, "finance": true, "industry": true, "ecology": true,
	"defence": true, "defense": true, "health": true, "education": true, "energy": true,
	"agriculture": true, "culture": true, "economy": true, "transport": true, "trade": true}

// titleFillers are the words besides titles that a title phrase may hold
// ("First Lady", "Head of State").
var titleFillers = map[string]bool{"first": true, "of": true, "the": true, "state": true, "lady": true}

// isTitlePhrase reports whether a name is only a title: "First Lady",
// "President", "Head of State", "Prime Minister", "Defence Minister",
// "National Security Advisor". The words of a title phrase ("national",
// "defence") may come before the title, which ends the name: "Security
// Council" is no title, and neither is "Office of the President".
func isTitlePhrase(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || words[0] == "The" {
		// "The Economist", "The Chancellor": a publication's or a work's
		// name keeps its capitalised article.
		return false
	}
	if len(words) > 1 && len(words[0]) <= 3 && strings.ToUpper(words[0]) == words[0] {
		words = words[1:] // "US National Security Advisor"
	}
	for i, w := range words {
		k := names.Key(w)
		switch {
		case names.IsTitle(w) || isInnerTitle(w) || k == "lady":
		case names.Is(w, names.PersonNoun) && i == len(words)-1:
			// "Prosecutor", "Chief Executive Officer"
		case titleFillers[k]:
		case names.Is(w, names.Modifier) && (i < len(words)-1 || len(words) > 1 && allModifiers(words)):
			// "Special Presidential" (Representative): a title's
			// modifiers the tagger cut from it are no name either.
		default:
			return false
		}
	}
	last := words[len(words)-1]
	return names.IsTitle(last) || isInnerTitle(last) || names.Is(last, names.PersonNoun) || names.Key(last) == "lady" ||
		names.Is(last, names.Modifier)
}

// allModifiers reports whether every word is a title's modifier.
func allModifiers(words []string) bool {
	for _, w := range words {
		if !names.Is(w, names.Modifier) {
			return false
		}
	}
	return true
}

// resolveFragments gives the article's title-only and fragment names
// their entity: "the First Lady" is the person the article calls First
// Lady, "the Office" the one office the article names in full ("Office of
// the President of Ukraine"); a fragment or title that points at no one
// in the article is no entity.
func (b *builder) resolveFragments() {
	for _, l := range b.locals {
		if l.into >= 0 || l.dropped || l.governmentOf != "" {
			continue
		}
		key := l.key
		name := bestName(l.names, l.counts)
		titled := (l.kind == graph.Org || l.kind == graph.Misc) && strings.Contains(name, " of ") && titleOf(name) != ""
		switch {
		case isTitlePhrase(name):
			if holder := b.holderOf(key, ""); holder >= 0 {
				l.into, l.title = holder, true
				for _, m := range l.mention {
					b.mentions[m].Kind = b.locals[holder].kind
				}
			} else {
				l.dropped = true
			}
		case countryNouns[key] && (l.geo == nil || b.smallTown(l, strayTown)):
			// "our Nation", "the Republic": the country the article is
			// about, the one it names most (not Republic, Missouri).
			if c := b.mainCountry(); c >= 0 {
				l.into, l.fragment, l.geo = c, true, nil // no name of the country's: every country is "the Republic"
				for _, m := range l.mention {
					b.mentions[m].Kind = graph.Place
				}
			} else {
				l.dropped = true
			}
		case genericOrgs[key] && l.geo == nil:
			// Whatever the tagger made of it: "the Office" is tagged as a
			// person or a place too.
			if full := b.completion(key); full >= 0 {
				l.into, l.fragment = full, true
			} else {
				l.dropped = true
			}
		case titled && (l.kind == graph.Misc || b.titleHolder(name) >= 0):
			// "Emperor of the United States" read as an organisation in
			// a life of Emperor Norton is the article's one Emperor; "the
			// President of the United States" (standingTitles) the one
			// President, unless the article says he is another country's.
			if holder := b.titleHolder(name); holder >= 0 {
				l.into, l.title = holder, true
				for _, m := range l.mention {
					b.mentions[m].Kind = graph.Person
				}
			} else {
				l.dropped = true
			}
		case compassPoints[key] && l.geo == nil && l.kind != graph.Person:
			// "the North" in an article on North Korea is North Korea.
			if c := b.compassCountry(name); c >= 0 {
				// A fragment: "South" is no name of South Korea's to
				// look for inside its own.
				l.into, l.fragment = c, true
				for _, m := range l.mention {
					b.mentions[m].Kind = graph.Place
				}
			}
		case l.kind == graph.Org:
			// "the Office of the President" beside "the Office of the
			// President of Ukraine": the shorter is the longer's.
			if full := b.qualified(key); full >= 0 {
				l.into = full
			} else if full := b.institutionOf(key); full >= 0 {
				l.into = full
			} else if full := b.qualifiedBefore(l, key); full >= 0 {
				l.into = full
			} else if full := b.clippedOf(key); full >= 0 {
				l.into = full
			}
		case l.geo == nil && (l.kind == graph.Place || l.kind == graph.Misc):
			// "Tsinghua" read as a place beside "Tsinghua University",
			// "China Eastern" beside "China Eastern Airlines".
			full := b.institutionOf(key)
			if full < 0 {
				full = b.coreOf(key)
			}
			if full >= 0 {
				l.into = full
				for _, m := range l.mention {
					b.mentions[m].Kind = graph.Org
				}
			}
		}
	}
}

// titleOf returns the title of a name that is a title and an "of"
// phrase ("Emperor" of "Emperor of the United States", "Prime Minister"
// of "Prime Minister of Japan"), or "".
func titleOf(name string) string {
	title, _, ok := strings.Cut(name, " of ")
	if !ok || !isTitlePhrase(title) {
		return ""
	}
	return title
}

// titleHolder is holderOf for a title with an "of" phrase ("Emperor of
// the United States"): the title's holder, whose role, if the article
// says whose it is, is of that country or body.
func (b *builder) titleHolder(name string) int {
	title := titleOf(name)
	of := strings.TrimPrefix(strings.TrimPrefix(name[len(title)+len(" of "):], "the "), "The ")
	if holder := b.holderOf(names.Key(title), of); holder >= 0 {
		return holder
	}
	// A role the article gives to no country is the country the
	// article is about: "President Trump" in an American speech.
	if c := b.mainCountry(); c >= 0 && b.samePlace(bestName(b.locals[c].names, b.locals[c].counts), of) {
		return b.holderOf(names.Key(title), "")
	}
	return -1
}

// holderOf returns the one person of the article with the title key (as
// a role or written with the name), or -1; when of is not "", only a role
// the article gives to that country or body counts.
func (b *builder) holderOf(key, of string) int {
	found := -1
	for j, o := range b.locals {
		// A title written with one of a person's names counts for the
		// person: "Emperor Norton", joined to "Joshua Abraham Norton".
		if o.kind != graph.Person || o.dropped {
			continue
		}
		if j = b.rootIndex(j); b.locals[j].kind != graph.Person || b.locals[j].dropped {
			continue
		}
		// A bare title is the holder of a longer one that ends with it
		// after modifiers only: "the Secretary" is the article's
		// "Education Secretary"; "the President" is no Vice President.
		holds := func(title string) bool {
			k := names.Key(title)
			if k == key {
				return true
			}
			ws := names.Words(k)
			if strings.Contains(key, " ") || len(ws) < 2 || ws[len(ws)-1] != key {
				return false
			}
			for _, w := range ws[:len(ws)-1] {
				if names.IsTitle(w) || !names.Is(w, names.Modifier) {
					return false
				}
			}
			return true
		}
		has := false
		for _, t := range o.titles {
			has = has || holds(t) && of == "" // a title written with a name says no country
		}
		for _, r := range o.roles {
			has = has || holds(r.Title) && (of == "" || r.Org != "" && b.samePlace(r.Org, of))
		}
		if has {
			if found >= 0 && found != j {
				return -1 // two people hold it: say nothing
			}
			found = j
		}
	}
	return found
}

// samePlace reports whether two names are one: equal, or one gazetteer
// place ("US" and "the United States").
func (b *builder) samePlace(x, y string) bool {
	if names.Key(x) == names.Key(y) {
		return true
	}
	ex, okx := b.gaz.Entry(x)
	ey, oky := b.gaz.Entry(y)
	return okx && oky && ex.Name == ey.Name && ex.Geo.Country == ey.Geo.Country
}

// completion returns the one organisation of the article whose name
// completes a fragment: the one whose name has it as its head ("office" →
// "office of the president of ukraine", "armed forces" → "ukrainian armed
// forces", "university" → "pennsylvania state university" beside "office
// of university relations"), else the one whose name starts or ends with
// it; or -1.
func (b *builder) completion(key string) int {
	if found := b.headed(key); found >= 0 {
		return found
	}
	found := -1
	for j, o := range b.locals {
		if o.kind != graph.Org || o.into >= 0 || o.dropped || o.key == key || genericOrgs[o.key] {
			continue
		}
		if strings.HasPrefix(o.key, key+" ") || strings.HasSuffix(o.key, " "+key) {
			if found >= 0 && found != j {
				return -1
			}
			found = j
		}
	}
	return found
}

// qualifiedBefore returns the one organisation of the article other than
// l whose name is key with a place or an acronym before it ("un security council" for
// "security council", "pittsburgh pirates" for "pirates"), or -1: the
// shorter name is the article's short form of the longer.
func (b *builder) qualifiedBefore(l *local, key string) int {
	if genericOrgs[key] || institutionWords[key] || nationalBodies[names.Last(key)] {
		return -1
	}
	found := -1
	for _, o := range b.locals {
		// A name joined to a longer one counts as that one's: "Boston Red
		// Sox" inside "Boston Red Sox of Major League Baseball".
		j := b.root(o)
		if o.kind != graph.Org || o.dropped || b.locals[j] == l || b.locals[j].dropped || b.locals[j].kind != graph.Org {
			continue
		}
		for _, name := range o.names {
			// The words before are a place or an acronym ("UN",
			// "Pittsburgh", "United States"), not a list ("Wikimedia
			// Foundation and Creative Commons") nor a description
			// ("Chicago-based Boeing").
			ws := strings.Fields(name)
			n := len(ws) - len(names.Words(key))
			if n < 1 || names.Key(strings.Join(ws[n:], " ")) != key {
				continue
			}
			before := strings.Join(ws[:n], " ")
			if _, ok := b.gaz.Entry(before); !ok && (before != strings.ToUpper(before) || len(before) < 2) {
				continue
			}
			if found >= 0 && found != j {
				return -1
			}
			found = j
		}
	}
	return found
}

// nationalBodies are the head words of institutions every country has
// ("Security Council", "Supreme Court", "Defence Ministry"): one
// article's "UN Security Council" does not make the "Security Council" of
// every article the UN's.
var nationalBodies = map[string]bool{"council": true, "court": true, "ministry": true, "bank": true, "army": true,
	"navy": true, "parliament": true, "senate": true, "assembly": true, "government": true, "committee": true,
	"commission": true, "agency": true, "police": true, "service": true, "office": true, "department": true,
	"cabinet": true, "guard": true, "forces": true, "force": true, "congress": true, "party": true}

// root returns the index of the local entity l was joined to, through
// every join, or l's own.
func (b *builder) root(l *local) int {
	i := slices.Index(b.locals, l)
	for b.locals[i].into >= 0 {
		i = b.locals[i].into
	}
	return i
}

// compassPoints are the compass points that, capitalised on their own,
// may stand for a country named with them ("the North", "the South").
var compassPoints = map[string]bool{"north": true, "south": true, "east": true, "west": true}

// compassCountry returns the one country of the article whose name starts
// with the compass point ("North Korea" for "the North", "South Sudan" for
// "the South"), or -1. Only countries: "the South" beside "South
// Carolina" is the American South, and "the North" beside "North
// Yorkshire" the north of England.
func (b *builder) compassCountry(point string) int {
	prefix := strings.ToUpper(point[:1]) + strings.ToLower(point[1:]) + " "
	found := -1
	for j, o := range b.locals {
		if o.into >= 0 || o.dropped || o.geo == nil || o.geo.Feature != "country" || !strings.HasPrefix(o.geo.Name, prefix) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = j
	}
	return found
}

// countryNouns are the words that, capitalised on their own, stand for a
// country: "our Nation", "this Country", "the Republic".
var countryNouns = map[string]bool{"nation": true, "country": true, "republic": true}

// mainCountry returns the country the article names most (twice at
// least, and more than any other), or -1.
func (b *builder) mainCountry() int {
	best, n, tie := -1, 1, false
	for j, o := range b.locals {
		if o.into >= 0 || o.dropped || o.geo == nil || o.geo.Feature != "country" {
			continue
		}
		switch c := len(o.mention); {
		case c > n:
			best, n, tie = j, c, false
		case c == n:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// headed returns the one organisation of the article whose name has key
// as its head word: "<key> of …", "… <key> of …" ("supreme court of
// hawaii") or "… <key>"; or -1.
func (b *builder) headed(key string) int {
	found := -1
	for j, o := range b.locals {
		if o.kind != graph.Org || o.into >= 0 || o.dropped || o.key == key || genericOrgs[o.key] {
			continue
		}
		head, _, _ := strings.Cut(o.key, " of ")
		if strings.HasPrefix(o.key, key+" of ") || strings.HasSuffix(o.key, " "+key) || strings.HasSuffix(head, " "+key) {
			if found >= 0 && found != j {
				return -1
			}
			found = j
		}
	}
	return found
}

// institutionWords are the head words of an institution's name that its
// short form leaves out: "the Church of Scientology" is "Scientology",
// "Rice University" "Rice".
var institutionWords = map[string]bool{"church": true, "university": true, "college": true, "institute": true,
	"foundation": true, "society": true, "association": true, "federation": true, "academy": true, "corporation": true,
	"company": true, "group": true, "inc": true, "corp": true, "movement": true, "party": true}

// institutionOf returns the one organisation of the article whose name
// is key with an institution's head word: "church of scientology" for
// "scientology", "rice university" for "rice"; or -1.
func (b *builder) institutionOf(key string) int {
	found := -1
	for j, o := range b.locals {
		if o.kind != graph.Org || o.into >= 0 || o.dropped || o.key == key {
			continue
		}
		head, rest, ok := strings.Cut(o.key, " of ")
		if !ok || rest != key || !institutionWords[head] {
			i := strings.LastIndexByte(o.key, ' ')
			if i < 0 || o.key[:i] != key || !institutionWords[o.key[i+1:]] {
				continue
			}
		}
		if found >= 0 && found != j {
			return -1
		}
		found = j
	}
	return found
}

// clippedOf returns the one organisation of the article whose name key
// clips: each of key's words (two at least) starts the word of the longer
// name in the same place, one of them cut short, and the longer name's
// words after them are an institution's head word ("penn state" for
// "pennsylvania state university", "cal tech" for "california tech
// institute"); or -1.
func (b *builder) clippedOf(key string) int {
	sp := strings.IndexByte(key, ' ')
	if sp < 0 {
		return -1
	}
	var ws []string
	found := -1
	for j, o := range b.locals {
		if o.kind != graph.Org || o.into >= 0 || o.dropped || len(o.key) <= len(key) || !strings.HasPrefix(o.key, key[:sp]) {
			continue
		}
		if ws == nil {
			ws = strings.Fields(key)
		}
		ow := strings.Fields(o.key)
		if len(ow) < len(ws) || !clips(ws, ow) {
			continue
		}
		if found >= 0 && found != j {
			return -1
		}
		found = j
	}
	return found
}

// coreOf returns the one organisation of the article whose name is key
// and a descriptor ("China Eastern Airlines" for "China Eastern", which
// the tagger read as a place; names.OrgCore), or -1.
func (b *builder) coreOf(key string) int {
	if b.cores == nil {
		// Once an article: the organisations by their core, -1 where
		// two share one.
		b.cores = map[string]int{}
		for j, o := range b.locals {
			if o.kind != graph.Org || o.into >= 0 || o.dropped || strings.IndexByte(o.key, ' ') < 0 {
				continue
			}
			core := names.OrgCore(o.key)
			if core == o.key || core == "" {
				continue
			}
			if _, ok := b.cores[core]; ok {
				b.cores[core] = -1
			} else {
				b.cores[core] = j
			}
		}
	}
	j, ok := b.cores[key]
	if !ok || j < 0 || b.locals[j].into >= 0 || b.locals[j].dropped {
		return -1
	}
	return j
}

// clips reports whether the words short clip the words long: see
// clippedOf.
func clips(short, long []string) bool {
	cut := false
	for i, w := range short {
		if !strings.HasPrefix(long[i], w) {
			return false
		}
		if len(w) < len(long[i]) {
			if len([]rune(w)) < 3 {
				return false // an initial is an acronym's business, not a clipping
			}
			cut = true
		}
	}
	for _, w := range long[len(short):] {
		if !institutionWords[w] {
			return false
		}
	}
	return cut
}

// linkAcronyms joins an acronym to the name it abbreviates where the
// article says so: "General Motors (GM)", "UAW (United Auto Workers)".
func (b *builder) linkAcronyms(text string) {
	for i := 0; i+1 < len(b.mentions); i++ {
		m1, m2 := b.mentions[i], b.mentions[i+1]
		if m2.Span.Start < m1.Span.End || m2.Span.End >= len(text) || text[m2.Span.End] != ')' {
			continue
		}
		if strings.TrimSpace(text[m1.Span.End:m2.Span.Start]) != "(" {
			continue
		}
		l1, l2 := b.owner[i], b.owner[i+1]
		// "Singapore Airlines (SIA)": the brackets define the acronym, so
		// its letters need only be found in the name in order
		// (names.DefinesAcronym); "SIA (Singapore Airlines)" must spell
		// the initials.
		long, short := l1, l2
		if names.IsAcronymOf(names.Key(m1.Text), names.Key(m2.Text)) {
			long, short = l2, l1
		} else if k2, k1 := names.Key(m2.Text), names.Key(m1.Text); !names.IsAcronymOf(k2, k1) &&
			(!names.DefinesAcronym(k2, k1) || capitals(m2.Text) < 2) {
			continue
		}
		if long == short || b.locals[short].into >= 0 || b.locals[long].into >= 0 || b.locals[short].dropped {
			continue
		}
		b.locals[short].into = long
		for _, k := range b.locals[short].mention {
			b.mentions[k].Kind = b.locals[long].kind
		}
	}
}

// capitals counts the capital letters of a name: an acronym in brackets
// has two or more ("SIA", "ACPeds").
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// qualified returns the one organisation of the article whose name is key
// qualified by an "of" phrase ("office of the president" → "office of the
// president of ukraine"), or -1.
func (b *builder) qualified(key string) int {
	found := -1
	for j, o := range b.locals {
		if o.kind != graph.Org || o.into >= 0 || o.dropped || !strings.HasPrefix(o.key, key+" of ") {
			continue
		}
		if found >= 0 && found != j {
			return -1
		}
		found = j
	}
	return found
}
