// Package extract turns an article's text into the facts Dateline stores:
// the sentences, the names in them grouped into the article's entities
// (people, places, organisations), and the relations between entities
// named in one sentence. Each step is its own package (segment, ner,
// gazetteer); this one runs them in order as one ingest stage and resolves
// names within the article. It imports no storage.
package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"dateline/graph"
	"dateline/graph/extract/event"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/quote"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/furniture"
	"dateline/graph/names"
	"dateline/timeline/timex"
)

// maxPairEntities caps how many entities of one sentence are paired into
// relations: a sentence listing forty countries says little about each pair
// and would add 780 edges.
const maxPairEntities = 12

// Pipeline is the extraction stage. It is safe for concurrent use.
type Pipeline struct {
	tagger *ner.Tagger
	gaz    *gazetteer.Table
}

// New returns a pipeline using the given tagger and gazetteer.
func New(t *ner.Tagger, g *gazetteer.Table) *Pipeline { return &Pipeline{tagger: t, gaz: g} }

// Default returns a pipeline with the models embedded in the binary.
func Default() (*Pipeline, error) {
	t, err := ner.Default()
	if err != nil {
		return nil, err
	}
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	return New(t, g), nil
}

// Process fills doc's entities, mentions and relations from its text.
func (p *Pipeline) Process(ctx context.Context, doc *graph.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	text := doc.Article.Text
	sents := segment.Split(text)
	pageLines := furnitureLines(text) // the page around the article: its names, quotes and events go
	found := headlineNames(sents, repeatNames(text, sents, titledPeople(p.gaz, sents, clippedNames(text, sents, particleNames(text, sents, epithetNames(text, sents, openerNames(p.gaz, text, sents, repairNames(p.gaz, text, sents, pageLines, middleInitialNames(text, sents, formatNames(text, sents, possessiveNames(text, sents, splitTitledNames(p.gaz, sents, untaggedNames(text, sents, p.tagger.Tag(text, sents))))))))))))))
	found, towns := qualifiedTowns(p.gaz, sents, found)
	found = institutionPhrases(text, sents, adminPhrases(p.gaz, text, sents, found))
	found, initials := initialisms(sents, roadNumbers(text, sents, found))
	b := newBuilder(p.gaz, text, len(found))
	b.towns = towns
	for i, m := range found {
		if m.Sentence < 0 || m.Sentence >= len(sents) || m.Span.Start < 0 || m.Span.End > len(text) {
			return fmt.Errorf("extract: tagger returned a mention outside the text: %+v", m)
		}
		b.add(i, m, sents[m.Sentence].Span)
		if li := b.nerLocal[i]; li >= 0 && b.locals[li].kind == graph.Person {
			prev := wordBefore(sents[m.Sentence], m.Span)
			if f := strings.TrimSuffix(prev, "."); names.IsHonorific(prev) && startsUpper(prev) && !contains(b.locals[li].titles, f) {
				b.locals[li].titles = append(b.locals[li].titles, f) // a form of address: "Mr"
			}
			if titleWord(prev) && !names.Is(prev, names.Modifier) {
				// A person's title or form of address ("Gov. Jeb Bush",
				// "Mr. Bush"): the reading of the name the article
				// settles, whatever the tagger made of its other mentions.
				b.locals[li].titled = true
			}
		}
	}
	rf := roleFinder{gaz: p.gaz, text: text, orgs: map[int]string{}, people: map[int]bool{}}
	for _, m := range found {
		switch m.Kind {
		case graph.Org:
			rf.orgs[m.Span.End] = m.Text
		case graph.Person:
			rf.people[m.Span.Start] = true
		}
	}
	for i, m := range found {
		if li := b.nerLocal[i]; li >= 0 && b.locals[li].kind == graph.Person {
			if r, ok := rf.role(sents[m.Sentence], m.Span); ok {
				b.locals[li].addRole(r)
			}
		}
	}
	b.joinInitialisms(initials)
	b.strayTowns()
	b.unifyKinds()
	b.peopleReadAsPlaces()
	b.placesReadAsPeople()
	b.surnamesAsPeople()
	b.resolvePeople()
	b.saintsAsPeople()
	b.families()
	b.linkAcronyms(text)
	b.orgShortNames()
	dates := timex.Tag(text, doc.Article.Date, timex.Options{})
	qs := quote.FindWith(text, sents, found, quote.Options{Country: countryCode(p.gaz), Dates: dates, Published: doc.Article.Date,
		Site: quote.SiteCountry(doc.Article.Source, doc.Article.URL)})
	speakers := b.quoteSpeakers(text, qs) // may add locals and mentions: before entities()
	b.addNested(standingTitles(text, sents, found), sents)
	b.resolveFragments() // after the speakers, who name state bodies in full
	kinds, roots := b.settled(found)
	b.addNested(nestedNames(p.gaz, text, sents, found, kinds, roots), sents)
	b.nationalTeams(sents)
	doc.Entities, doc.Mentions = b.entities()
	doc.Relations = relations(doc.Mentions)
	quotes := b.quotes(text, qs, speakers)
	doc.Events = dropQuotedStatements(b.events(event.Find(p.gaz, text, sents, found, dates, doc.Article.Date)), quotes)
	doc.Quotes = dropRestated(quotes) // after the events: a restatement's statement event is dropped like the first's
	// A furniture line's names were junk from the start; what quote
	// finding read in it ("Read more: Zelenskiy says Russia must pay…",
	// a link to another article) goes now, with the speaker's mention it
	// added and the events and relations of the line.
	*doc = *furniture.Filter(doc, pageLines)
	doc.Sentences = make([]graph.Span, len(sents))
	for i, s := range sents {
		doc.Sentences[i] = s.Span
	}
	doc.Paragraphs = paragraphs(text)
	doc.Dates = make([]graph.DateMention, 0, len(dates))
	for _, x := range dates {
		doc.Dates = append(doc.Dates, graph.DateMention{Span: graph.Span(x.Span), Type: x.Type.String(), Value: x.Value, Date: x.Date})
	}
	return nil
}

// settled returns, for each of the tagger's mentions, the kind the
// article settled for its entity (unifyKinds, the gazetteer, the joins of
// its names) and the entity's local index, or the tagger's kind and -1
// for a mention left out: "Google", which the tagger read as a place in
// "Google headquarters", is the organisation the article's other mentions
// make it.
func (b *builder) settled(found []ner.Mention) ([]graph.Kind, []int) {
	kinds, roots := make([]graph.Kind, len(found)), make([]int, len(found))
	for i, m := range found {
		kinds[i], roots[i] = m.Kind, -1
		if li := b.nerLocal[i]; li >= 0 {
			r := b.rootIndex(li)
			if l := b.locals[r]; !l.dropped && l.kind != graph.KindUnknown {
				kinds[i], roots[i] = l.kind, r
			}
		}
	}
	return kinds, roots
}

// wordBefore returns the word written just before a name ("Mr" in "Mr.
// Biden said", "Gov." in "Gov. Jeb Bush"), which the tagger leaves out of
// the name, or "" when the name opens its sentence or starts inside a
// token.
func wordBefore(s segment.Sentence, span graph.Span) string {
	i, _ := tokenRange(s.Tokens, span)
	if i <= 0 || s.Tokens[i].Span.Start != span.Start {
		return ""
	}
	prev := s.Tokens[i-1].Text
	if prev == "." && i > 1 {
		prev = s.Tokens[i-2].Text
	}
	return prev
}

// titleWord reports whether a word written right before a name makes it a
// person's: a capitalised title ("Gov.", "Senator") or a lower-case one
// that also names a person's function ("former Florida governor Jeb
// Bush", "vice president Mike Pence").
func titleWord(w string) bool {
	return names.IsTitle(w) && (startsUpper(w) || names.Is(w, names.PersonNoun))
}

// paragraphs splits text into its paragraphs: runs of non-blank lines.
// Articles come with one paragraph a line or with blank lines between
// paragraphs; both give the same blocks.
func paragraphs(text string) []graph.Span {
	var out []graph.Span
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if start >= 0 {
				end := i
				for end > start && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r') {
					end--
				}
				out = append(out, graph.Span{Start: start, End: end})
				start = -1
			}
			continue
		}
		if start < 0 && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			start = i
		}
	}
	return out
}

// splitTitledNames repairs a slip the tagger makes on the official style
// "President of Ukraine Volodymyr Zelenskyy": it tags "Ukraine Volodymyr
// Zelenskyy" as one name. After "<title> of" (and "the"), a name that
// starts with a country and goes on with capitalised words is the
// country and a person (see countryBefore).
func splitTitledNames(gaz *gazetteer.Table, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var out []ner.Mention
	for _, m := range ms {
		if m.Kind == graph.Person || m.Sentence < 0 || m.Sentence >= len(sents) {
			out = append(out, m)
			continue
		}
		toks := sents[m.Sentence].Tokens
		first := -1
		for i, t := range toks {
			if t.Span.Start == m.Span.Start {
				first = i
				break
			}
		}
		last := first
		for last >= 0 && last+1 < len(toks) && toks[last+1].Span.End <= m.Span.End {
			last++
		}
		if first < 0 {
			out = append(out, m)
			continue
		}
		// "Mr Zelensky" tagged as an organisation: a form of address
		// makes it a person.
		if last > first && names.IsHonorific(toks[first].Text) && allCapitalised(toks[first+1:last+1]) {
			m.Kind = graph.Person
			out = append(out, m)
			continue
		}
		// "First Lady of Ukraine Olena Zelenska" tagged as one name: the
		// title and "of" are inside it.
		if inner := innerOf(toks[first : last+1]); inner > 0 {
			first += inner
			m.Text = m.Text[toks[first].Span.Start-m.Span.Start:]
			m.Span.Start = toks[first].Span.Start
		}
		of := first - 1
		if of > 0 && strings.EqualFold(toks[of].Text, "the") {
			of-- // "President of the United States Biden"
		}
		if of < 1 || last-first < 1 || !strings.EqualFold(toks[of].Text, "of") || !isRoleWord(toks[of-1].Text) {
			out = append(out, m)
			continue
		}
		country := countryBefore(gaz, m, toks[first:last+1])
		if country == 0 {
			out = append(out, m)
			continue
		}
		end, rest := toks[first+country-1], toks[first+country:last+1]
		out = append(out,
			ner.Mention{Kind: graph.Place, Span: graph.Span{Start: m.Span.Start, End: end.Span.End}, Sentence: m.Sentence,
				Text: m.Text[:end.Span.End-m.Span.Start]},
			ner.Mention{Kind: graph.Person, Span: graph.Span{Start: rest[0].Span.Start, End: m.Span.End}, Sentence: m.Sentence,
				Text: m.Text[rest[0].Span.Start-m.Span.Start:]})
	}
	return out
}

// countryBefore returns how many of a name's first words are a country's
// name that the rest, capitalised words, goes on from as a person's: two
// or more words ("Ukraine Volodymyr Zelenskyy"), or one that names no
// place ("United States Biden", in "President of the United States
// Biden"). It returns 0 when the name is no such pair ("Papua New
// Guinea", "Congo Brazzaville").
func countryBefore(gaz *gazetteer.Table, m ner.Mention, ts []token.Token) int {
	for k := len(ts) - 1; k >= 1; k-- {
		rest := ts[k:]
		if !allCapitalised(rest) {
			continue
		}
		e, ok := gaz.Entry(m.Text[:ts[k-1].Span.End-m.Span.Start])
		if !ok || e.Kind != gazetteer.Country {
			continue
		}
		if len(rest) == 1 {
			if _, place := gaz.Entry(rest[0].Text); place || isRoleWord(rest[0].Text) {
				return 0
			}
		}
		return k
	}
	return 0
}

// titledPeople types as a person a name of one or two capitalised words
// the tagger read as an organisation or could not type, when a person's
// title is written right before it: "Secretary Cardona", "Senator
// Warnock". Titles are written before people (a surname may be a
// town's name too); an acronym, a country or a name ending with an
// institution's or a place's word ("Premier League") stays as tagged.
// A leader's name before "administration", "presidency" or "campaign" is
// a person too (leadersName), and so is every mention of it in the
// article.
func titledPeople(gaz *gazetteer.Table, sents []segment.Sentence, ms []ner.Mention) []ner.Mention {
	var leaders map[string]bool
	var lower map[string]bool // the article's words in lower case, read at the first leader's name
	lowerWords := func() map[string]bool {
		if lower == nil {
			_, lower = wordCases(sents)
		}
		return lower
	}
	for i, m := range ms {
		if (m.Kind != graph.Org && m.Kind != graph.Misc && m.Kind != graph.Place) || m.Sentence < 0 || m.Sentence >= len(sents) {
			continue
		}
		toks := sents[m.Sentence].Tokens
		first, last := tokenRange(toks, m.Span)
		if first >= 0 && last-first >= 1 && last-first <= 2 && toks[first].Span.Start == m.Span.Start && titledName(gaz, toks[first:last+1]) {
			// "Senator PADILLA" read as an organisation or a place with
			// its title: a person, whose title add() takes off.
			ms[i].Kind = graph.Person
			continue
		}
		if m.Kind != graph.Place && first >= 0 && initialledName(toks[first:last+1]) {
			// "George W. Bush" read as an organisation: a given name
			// and a middle initial are a person's.
			ms[i].Kind = graph.Person
			continue
		}
		if m.Kind != graph.Place && first >= 0 && last-first >= 1 && last-first <= 2 && allCapitalised(toks[first:last+1]) &&
			!isAcronymName([]string{m.Text}) && !bodyOrPlaceHead(names.Key(toks[last].Text)) && personAppositive(toks[last+1:]) {
			// "Jeb Bush, a former two-term Florida governor,": what
			// the name is, the sentence says.
			ms[i].Kind = graph.Person
			continue
		}
		if first >= 0 && last-first <= 1 && toks[first].Span.Start == m.Span.Start && leadersName(gaz, toks, first, last, m.Kind, lowerWords) {
			// "the Obama administration", "the Clinton campaign": the
			// name of the leader whose government or campaign it is, and
			// so every mention of it in the article (below).
			ms[i].Kind = graph.Person
			if leaders == nil {
				leaders = map[string]bool{}
			}
			leaders[m.Text] = true
			continue
		}
		if m.Kind == graph.Place && (first < 1 || !names.Is(toks[first-1].Text, names.PersonNoun)) {
			// A place after a title that stands for a person ("Vice
			// President Bush") is checked below like an organisation;
			// after a title that does not ("Bishop Auckland") it stays a
			// place.
			continue
		}
		if first < 1 || last-first > 1 || !allCapitalised(toks[first:last+1]) || toks[first].Span.Start != m.Span.Start {
			continue
		}
		prev := toks[first-1].Text
		if !titleWord(prev) || names.IsHonorific(prev) {
			continue
		}
		if head := names.Key(toks[last].Text); isAcronymName([]string{m.Text}) || genericOrgs[names.Key(m.Text)] || institutionWords[head] || placeHeads[head] {
			continue
		}
		if e, ok := gaz.Entry(m.Text); ok && (e.Kind == gazetteer.Country || m.Kind == graph.Place && e.Kind == gazetteer.Region) {
			continue
		}
		ms[i].Kind = graph.Person
	}
	for i, m := range ms {
		if leaders[m.Text] && m.Kind != graph.Person {
			ms[i].Kind = graph.Person // "I have to thank Obama", read as a place
		}
	}
	return ms
}

// bigPlace reports whether the gazetteer has the name as a country, a
// first-level region or a city of at least so many people: a leader's
// name may also be a small town's ("Obama", "Bush"), a big city's name
// read as a person is the city ("Manhattan").
func bigPlace(gaz *gazetteer.Table, name string, people int64) bool {
	e, ok := gaz.Entry(name)
	return ok && bigEntry(e, people)
}

// bigEntry reports whether a gazetteer place is a country, a first-level
// region or a city of at least so many people.
func bigEntry(e gazetteer.Entry, people int64) bool {
	return e.Kind == gazetteer.Country || e.Kind == gazetteer.Region || e.Population >= people
}

// leaderNouns follow a leader's name, in lower case, for the leader's
// government or campaign: "the Obama administration", "the Clinton
// campaign", "the Trump presidency"; so does "White House" ("the Obama
// White House").
var leaderNouns = map[string]bool{"administration": true, "presidency": true, "campaign": true}

// leadersName reports whether toks[first:last+1], a name the tagger read
// as something other than a person, is a leader's name before one of the
// leaderNouns. A place of any size ("the Iowa campaign"), a country's
// adjective, an acronym, a body ("the Senate campaign") or an adjective
// read as a name ("the Republican campaign") is not; nor is a word the
// article also writes in lower case ("the Leave campaign"; lowerWords
// gives the article's lower-case words, see wordCases).
func leadersName(gaz *gazetteer.Table, toks []token.Token, first, last int, kind graph.Kind, lowerWords func() map[string]bool) bool {
	if kind == graph.Person || last+1 >= len(toks) || !allCapitalised(toks[first:last+1]) {
		return false
	}
	if !leaderNouns[toks[last+1].Text] && !(last+2 < len(toks) && toks[last+1].Text == "White" && toks[last+2].Text == "House") {
		return false
	}
	name := joinTokens(toks[first : last+1])
	head := toks[last].Text
	if isAcronymName([]string{name}) || bodyOrPlaceHead(names.Key(head)) || names.IsPeople(name) || isRoleWord(head) {
		return false
	}
	if _, ok := gaz.Demonym(head); ok {
		return false
	}
	if bigPlace(gaz, name, 100_000) {
		return false
	}
	for _, suffix := range []string{"an", "ic", "ist", "ive"} {
		if kind == graph.Misc && strings.HasSuffix(head, suffix) {
			return false // "Republican", "Democratic", "Socialist", "Conservative"
		}
	}
	return !lowerWords()[strings.ToLower(head)]
}

// initialledName reports whether a name's words are a known given name,
// middle initials ("W.", "H.W.") and one capitalised word that heads no
// institution's or place's name: "George W. Bush", "Paul D. Ryan".
func initialledName(ts []token.Token) bool {
	if len(ts) < 3 || !names.IsFirstName(ts[0].Text) || !allCapitalised(ts) {
		return false
	}
	for _, t := range ts[1 : len(ts)-1] {
		if !isInitials(t.Text) {
			return false
		}
	}
	head := names.Key(ts[len(ts)-1].Text)
	return len(head) > 1 && !bodyOrPlaceHead(head) && !names.IsTitle(head)
}

// bodyOrPlaceHead reports whether a name's last word makes it an
// institution's, a body's or a place's ("… Ministry", "… League", "…
// Island"): such a name is no person's, whatever stands around it.
func bodyOrPlaceHead(head string) bool {
	_, kinded := headKinds[head]
	return kinded || institutionWords[head] || placeHeads[head] || genericOrgs[head]
}

// isInitials reports whether a word is initials written with dots: "W.",
// "H.W.".
func isInitials(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// personAppositive reports whether the tokens after a name are an
// appositive that describes a person: a comma, an article or none, at
// most four words and a person's function ending the phrase (", a former
// two-term Florida governor,", ", the Republican senator."). An
// organisation is described by what it is (", the drugmaker"), never by
// a person's function; a phrase going on with "of" or "'s" ("the
// governor's office") is left alone.
func personAppositive(toks []token.Token) bool {
	if len(toks) < 2 || toks[0].Text != "," {
		return false
	}
	i := 1
	if w := strings.ToLower(toks[i].Text); w == "a" || w == "an" || w == "the" {
		i++
	}
	for j := i; j < len(toks) && j < i+5; j++ {
		w := toks[j].Text
		if names.Is(w, names.PersonNoun) {
			if j+1 == len(toks) {
				return true
			}
			switch toks[j+1].Text {
			case ",", ".", ";", ")", "—", "–", "who":
				return true
			}
		}
		// Words of the description: names ("Florida"), role words
		// ("former") and compounds ("two-term"); anything else
		// ("whose", "of", a verb) is some other phrase.
		if toks[j].Class == token.Punct || !startsUpper(w) && !isRoleWord(w) && !strings.Contains(w, "-") {
			return false
		}
	}
	return false
}

// titledName reports whether the words of a name are a person's title
// (not a form of address, which splitTitledNames reads) and one or two
// capitalised words that are no institution's or place's name: "Senator
// PADILLA", "Secretary Cardona"; not "President Hotel", "General Motors",
// "Senator Lake".
func titledName(gaz *gazetteer.Table, ts []token.Token) bool {
	if !startsUpper(ts[0].Text) || !names.IsTitle(ts[0].Text) || names.IsHonorific(ts[0].Text) ||
		names.Is(ts[0].Text, names.Modifier) || !allCapitalised(ts[1:]) {
		return false
	}
	rest := ts[1:]
	for _, t := range rest {
		if names.IsTitle(t.Text) || t.Class == token.Punct {
			return false
		}
	}
	if bodyOrPlaceHead(names.Key(rest[len(rest)-1].Text)) {
		return false
	}
	// A town may be named after a family ("Senator Hatfield"); a country
	// or a state is not a person's name.
	e, place := gaz.Entry(joinTokens(rest))
	return !place || e.Kind == gazetteer.City
}

// placeHeads are the last words of the names of places, buildings and
// competitions, which no title makes a person ("Premier League", "Bishop
// Museum").
var placeHeads = map[string]bool{"league": true, "cup": true, "museum": true, "school": true, "hospital": true,
	"centre": true, "center": true, "hall": true, "park": true, "station": true, "airport": true, "stadium": true,
	"bridge": true, "street": true, "road": true, "square": true, "club": true, "county": true, "city": true,
	"island": true, "islands": true, "river": true, "lake": true, "mountain": true, "palace": true, "cathedral": true}

// innerOf returns the index of the word after "of" when a tagged name
// starts with a title and "of" ("First Lady of Ukraine Olena Zelenska"),
// else 0.
func innerOf(ts []token.Token) int {
	for i := 1; i+1 < len(ts); i++ {
		if strings.EqualFold(ts[i].Text, "of") {
			for _, t := range ts[:i] {
				if !isRoleWord(t.Text) && !strings.EqualFold(t.Text, "lady") && !strings.EqualFold(t.Text, "the") {
					return 0
				}
			}
			return i + 1
		}
	}
	return 0
}

func allCapitalised(ts []token.Token) bool {
	for _, t := range ts {
		if !startsUpper(t.Text) {
			return false
		}
	}
	return len(ts) > 0
}

// entityOf returns the local entity (index + 1) a tagger mention belongs
// to, or 0 when the mention was left out.
func (b *builder) entityOf(i int) graph.ID {
	if i < 0 || i >= len(b.nerLocal) || b.nerLocal[i] < 0 {
		return 0
	}
	return graph.Local(b.final[b.nerLocal[i]])
}

// ownerOf returns the local entity (index + 1) that builder mention i
// belongs to, or 0 when it was left out.
func (b *builder) ownerOf(i int) graph.ID { return graph.Local(b.final[b.owner[i]]) }

// addRole adds a role unless the list has it; a role with an organisation
// replaces the same title without one.
func addRole(rs *[]graph.Role, r graph.Role) {
	for i, have := range *rs {
		if strings.EqualFold(have.Title, r.Title) {
			if have.Org == "" {
				(*rs)[i].Org = r.Org
			}
			if have.Org == "" || strings.EqualFold(have.Org, r.Org) || r.Org == "" {
				return
			}
		}
	}
	*rs = append(*rs, r)
}

func (l *local) addRole(r graph.Role) { addRole(&l.roles, r) }

// geoOf is the link of a gazetteer entry.
func geoOf(e gazetteer.Entry) *graph.GeoRef {
	g := e.Geo
	g.Name = e.Name
	switch e.Kind {
	case gazetteer.Country:
		g.Feature = "country"
	case gazetteer.City:
		g.Feature = "city"
	default:
		g.Feature = "region"
	}
	return &g
}

// vagueRegions are place words that name a first-level region somewhere
// (Cameroon has a "West" region) but almost never mean it in news.
var vagueRegions = map[string]bool{"west": true, "east": true, "north": true, "south": true, "centre": true,
	"center": true, "central": true, "capital": true, "coast": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "littoral": true, "islands": true, "mountains": true,
	"nord": true, "sud": true, "est": true, "ouest": true, "norte": true, "sur": true} // "Nord Stream" holds no French département

// local is an entity of one article while it is being built.
type local struct {
	kind   graph.Kind
	key    string
	names  []string // surface forms, first seen first
	counts []int    // mentions of each surface form
	titles []string // titles written inside the tagged name ("President Putin")
	// address is 'm' or 'f' for a surname written with a form of address
	// that tells a gender ("Mrs. Clinton"), a name of its own; 0 otherwise.
	address byte
	roles   []graph.Role // roles stated around the name ("French President Emmanuel Macron")
	geo     *graph.GeoRef
	mention []int // indexes into builder.mentions
	into    int   // ≥ 0 when merged into another local entity
	dropped bool  // no entity: a title or fragment that points at no one
	title   bool  // a title standing for its holder ("the First Lady"): not one of the holder's names
	titled  bool  // a person's title or form of address is written right before one of its mentions
	// fragment is a generic head noun standing for the article's full
	// name ("the Armed Forces" for the Armed Forces of Ukraine): not one
	// of its names either, or it would join every country's armed forces
	// across articles.
	fragment bool
	// governmentOf is the ISO code of the country this organisation is
	// the government or a state institution of (set by quoteSpeakers).
	governmentOf string
}

type builder struct {
	gaz      *gazetteer.Table
	nerLocal []int // tagger mention index → local index, -1 when left out
	final    []int // local index → index of its entity in the output
	locals   []*local
	byKey    map[string]int // kind + key → local index
	mentions []graph.Mention
	owner    []int  // mention index → local index
	text     string // the article's text, which mentions' spans index
	// cores holds the organisations by their names' cores (coreOf).
	cores map[string]int
	// towns are the places the article's towns stand for where it wrote
	// them with their state or country (qualifiedTowns).
	towns townLinks
	// speakerPeople is set when a quote's speaker added a person the
	// tagger missed, whose surname may stand alone elsewhere.
	speakerPeople bool
}

func newBuilder(g *gazetteer.Table, text string, n int) *builder {
	b := &builder{gaz: g, text: text, byKey: map[string]int{}, nerLocal: make([]int, n)}
	for i := range b.nerLocal {
		b.nerLocal[i] = -1
	}
	return b
}

// add records one tagged name. Nationality words ("French", "Russian")
// become mentions of their country; other MISC names are left out.
func (b *builder) add(i int, m ner.Mention, sentence graph.Span) {
	kind, name := m.Kind, m.Text
	lookup := m.Text // the name the gazetteer is asked for
	var geo *graph.GeoRef
	if rest, ok := cutAdminPrefix(name); ok && kind != graph.Person {
		// "the State of Pennsylvania", "the Municipality of Bogliasco",
		// "City of Cleveland" read as an organisation: the place itself.
		head, _, _ := strings.Cut(name, " ")
		if _, known := b.gaz.Entry(rest); known || kind == graph.Place || townWords[head] {
			kind, name, lookup = graph.Place, rest, rest
		}
	}
	if kind != graph.Misc && (names.IsPeople(name) || pluralDemonym(b.gaz, name)) {
		// "Muslims", "Latino", "Americans" read as a person or a place:
		// a people names neither.
		kind = graph.Misc
	}
	if k, ok := headKind(name, kind); ok {
		kind = k // "Zmiinyi Island" is a place, "Marshall Plan" a document
	}
	if platforms[names.Key(name)] {
		kind = graph.Org // "on Twitter" is no place
	}
	if kind == graph.Person && !strings.Contains(name, " ") && len(name) > len("care")+2 && strings.HasSuffix(name, "care") {
		// "Obamacare", "Trumpcare": a health law called after a
		// president, no person (PolNeAR's Obamacare was one of 34
		// mentions).
		kind = graph.Misc
	}
	if deities[names.Key(name)] {
		// "God" is named, and GUM links it across documents, but is no
		// person, place or organisation: a name of no kind, which views
		// leave out of people ("God bless America" in every speech).
		kind = graph.Misc
	}
	if kind == graph.Place && gazetteer.IsLeader(name) {
		if _, city := b.gaz.Entry(name); !city {
			kind = graph.Person // "Stalin", no longer Donetsk; "Kirov" is still a city
		}
	}
	if kind == graph.Place && strings.HasPrefix(name, "The ") && m.Span.Start > sentence.Start {
		// A capitalised "The" inside a sentence names a title ("according
		// to The Hill", a newspaper), unless the place is called so ("The
		// Hague").
		if _, ok := b.gaz.Entry(name); !ok {
			kind = graph.Org
		}
	}
	if kind == graph.Misc || kind == graph.Place && geo == nil && name != strings.ToUpper(name) {
		// A nationality word is its country (the plural noun, a people,
		// is not), whether the tagger could not type it or read it as a
		// place ("Russian-German cooperation"; a country code read as a
		// place, "US", is the country's name as written). Other MISC names (a
		// company the tagger read as a product, "Airbus"; an event, a
		// work) stay names of unknown kind: the article or resolution
		// across articles may know better, and views leave them out.
		if code, ok := b.gaz.Demonym(name); ok && !pluralDemonym(b.gaz, name) {
			if e, ok := b.gaz.Country(code); ok && e.Kind == gazetteer.Country {
				kind, name = graph.Place, e.Name
				geo = geoOf(e)
			}
		}
	}
	var title string
	if kind == graph.Person {
		title, name = names.StripTitle(name)
		name = withoutSeat(name)
		switch {
		case personName(name):
			name = dropRepeatedSurname(dropPostnominals(name))
		case title == "" && titleOf(name) != "" && startsUpper(name[len(titleOf(name))+len(" of "):]):
			// "Earl of Clare", "Emperor of Russia" read as a person: a
			// title and its "of" phrase, which stand for the holder the
			// article names (resolveFragments), as "the President of
			// Ukraine" does.
			kind = graph.Misc
		case isTitlePhrase(name) && (title == "" || names.IsHonorific(title)):
			// "Madam Speaker", "Mr. Chair", "the Speaker" read as a
			// person: a title standing for its holder, a name of no kind
			// until resolveFragments finds the article's one holder of it
			// (or drops it).
			kind, title = graph.Misc, ""
		default:
			return
		}
	}
	key := names.Key(name)
	if len([]rune(key)) < 2 {
		return
	}
	if g, ok := b.towns.names[key]; ok && geo == nil && (kind == graph.Place || kind == graph.Misc) {
		kind, geo = graph.Place, g
	}
	if g, ok := b.towns.short[m.Text]; ok && geo == nil && (kind == graph.Place || b.towns.at[m.Span.Start] && kind != graph.Person) {
		// "OK" in an article that wrote "Vinita, OK" is Oklahoma, which
		// the article may name in full too.
		kind, geo, name, key = graph.Place, g, g.Name, names.Key(g.Name)
	}
	if kind == graph.Place && geo == nil && b.gaz.Alias(lookup) {
		// A place the gazetteer knows only as a town's other name is a
		// name of unknown kind: GeoNames lists "Google" for Topeka and
		// "Acropolis" for Little Rock, and a tagger that reads "Google
		// headquarters" as a place does not mean Kansas.
		kind = graph.Misc
	}
	if kind == graph.Place && geo == nil && !vagueRegions[names.Key(name)] {
		if e, ok := b.gaz.Entry(lookup); ok {
			geo = geoOf(e)
		}
	}
	if kind == graph.Misc && !vagueRegions[names.Key(name)] && !genericOrgs[key] && !deities[key] {
		// A name of no known kind that is a place's own name is the place;
		// a generic institution word is not ("University-sponsored" is
		// the article's university, not University, Florida).
		if e, ok := b.gaz.Named(lookup); ok {
			kind, geo = graph.Place, geoOf(e)
		}
	}
	id := kind.String() + "\x00" + key
	if geo != nil && geo.Key() != "" {
		id = geo.Key()
	}
	var addr byte
	if kind == graph.Person && !strings.Contains(key, " ") {
		// "Mrs. Clinton" and "Mr. Clinton" in one article (the New York
		// Times writes both, for Hillary and for Bill) are two people:
		// a surname written with a form of address that tells a gender
		// is a name of its own, which resolvePeople joins to the full
		// name of that gender.
		address := title
		if address == "" {
			address = honorificBefore(b.text, m.Span.Start)
		}
		if addr = names.AddressGender(address); addr != 0 {
			id += "\x00" + string(addr)
		}
	}
	li, ok := b.byKey[id]
	if !ok {
		li = len(b.locals)
		b.byKey[id] = li
		b.locals = append(b.locals, &local{kind: kind, key: key, geo: geo, into: -1, address: addr})
	}
	l := b.locals[li]
	if i := index(l.names, name); i >= 0 {
		l.counts[i]++
	} else {
		l.names = append(l.names, name)
		l.counts = append(l.counts, 1)
	}
	if title != "" && !contains(l.titles, title) {
		l.titles = append(l.titles, title)
	}
	b.nerLocal[i] = li
	l.mention = append(l.mention, len(b.mentions))
	b.mentions = append(b.mentions, graph.Mention{Span: m.Span, Sentence: sentence, Text: m.Text, Kind: kind})
	b.owner = append(b.owner, li)
}

// pluralDemonym reports whether a nationality word is the plural noun
// ("Americans", "Russians"): a people, not their country, which "American
// troops" and "Russian" name. It stays a name of its own.
//
// The residents of a state, a region or a big city are a people too
// ("Iowans", "Ohioans", "New Yorkers", "Floridians", "Texans": 8 PolNeAR
// organisations each): the plural of the place's own name with -n, -an,
// -ian (after its final a, or whole) or -er, or -n for its final s.
func pluralDemonym(gaz *gazetteer.Table, name string) bool {
	sing, ok := strings.CutSuffix(name, "s")
	if !ok {
		return false
	}
	if _, ok = gaz.Demonym(sing); ok {
		return true
	}
	var stems []string
	switch {
	case strings.HasSuffix(sing, "ian"):
		stems = append(stems, strings.TrimSuffix(sing, "n"), strings.TrimSuffix(sing, "ian")+"a", strings.TrimSuffix(sing, "ian"))
	case strings.HasSuffix(sing, "an"):
		stems = append(stems, strings.TrimSuffix(sing, "n"), strings.TrimSuffix(sing, "an"), strings.TrimSuffix(sing, "n")+"s")
	case strings.HasSuffix(sing, "er"):
		stems = append(stems, strings.TrimSuffix(sing, "er"))
	}
	for _, stem := range stems {
		if strings.IndexByte(stem, ' ') < 0 && len(stem) < 4 {
			continue
		}
		e, ok := gaz.Entry(stem)
		if k, n := names.Key(stem), names.Key(e.Name); !ok || n != k && !strings.HasPrefix(n, k+" ") {
			continue // the place's own name, not a foreign one ("Island" is Iceland)
		}
		if e.Kind == gazetteer.Region || e.Kind == gazetteer.Country || e.Population >= 500_000 {
			return true
		}
	}
	return false
}

// dropRepeatedSurname repairs a tagging slip that writes the surname twice
// ("Alexander Lukashenko Lukashenko", where the text runs a caption into
// the sentence).
func dropRepeatedSurname(name string) string {
	ws := strings.Fields(name)
	if n := len(ws); n >= 2 && names.Key(ws[n-1]) == names.Key(ws[n-2]) {
		return strings.Join(ws[:n-1], " ")
	}
	return name
}

// postnominals are the honours and degrees written after a name ("Daniel
// Bernoulli FRS", "Zaha Hadid DBE RA"): not part of it.
var postnominals = map[string]bool{"FRS": true, "FRSE": true, "FBA": true, "DBE": true, "CBE": true, "OBE": true,
	"MBE": true, "KBE": true, "GBE": true, "RA": true, "KC": true, "QC": true, "MP": true, "MEP": true, "PhD": true,
	"KG": true, "GCB": true, "OM": true, "CH": true, "FREng": true, "FMedSci": true}

// dropPostnominals removes the honours written after a person's name,
// keeping two words at least.
func dropPostnominals(name string) string {
	ws := strings.Fields(name)
	n := len(ws)
	for n > 2 && postnominals[strings.Trim(ws[n-1], ".,")] {
		n--
	}
	if n == len(ws) {
		return name
	}
	return strings.Join(ws[:n], " ")
}

// personName reports whether a tagged person's name (title removed) looks
// like a name rather than a role or a phrase: not a lone title ("Adviser"),
// and no lower-case words other than name particles ("Head of the Office").
//
// An epithet after "the" is part of a name ("Peter the Great", "Theodore
// the Sanctified"), when a capitalised given name that is no title comes
// before it.
func personName(name string) bool {
	fields := strings.Fields(name)
	if len(fields) == 1 && names.IsTitle(fields[0]) {
		return false
	}
	for i, f := range fields {
		r := []rune(f)
		if len(r) == 0 || !unicode.IsLower(r[0]) || particles[f] || particlePrefixed(f) {
			continue
		}
		if f == "the" && i > 0 && i+1 < len(fields) && startsUpper(fields[i+1]) && !isRoleWord(fields[0]) {
			continue
		}
		return false
	}
	return true
}

// withoutSeat takes a noble's or a saint's seat off a person's name:
// "Patrick Leopold Gordon of Auchleuchries" is Patrick Leopold Gordon,
// "Bonosus of Sardica" Bonosus. The words before "of" are a name and no
// title ("Head of the Office" stays what it is), the words after it
// capitalised.
func withoutSeat(name string) string {
	before, after, ok := strings.Cut(name, " of ")
	if !ok || before == "" || !personName(before) || isRoleWord(strings.Fields(before)[0]) {
		return name
	}
	for _, w := range strings.Fields(after) {
		if !startsUpper(w) {
			return name
		}
	}
	return before
}

// particlePrefixed reports whether a word is a particle joined to a
// capitalised name by a hyphen: "al-Amr", "el-Sisi", "bin-Salman".
func particlePrefixed(f string) bool {
	p, rest, ok := strings.Cut(f, "-")
	if !ok || !particles[p] {
		return false
	}
	r := []rune(rest)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// particles are the lower-case words that belong inside names.
var particles = map[string]bool{"de": true, "da": true, "di": true, "del": true, "der": true, "van": true, "von": true,
	"bin": true, "ibn": true, "al": true, "el": true, "le": true, "la": true, "du": true, "dos": true, "das": true, "ben": true}

// unifyKinds gives one kind to a name tagged with several in one article
// ("Zelenskyy" as a person in one sentence and an organisation in
// another): the kind of most of its mentions, a person on a tie, since a
// name is one thing within one article.
func (b *builder) unifyKinds() {
	byName := map[string][]int{}
	var order []string
	for i, l := range b.locals {
		if l.geo != nil && l.geo.Key() != "" {
			continue // a gazetteer place keeps its link
		}
		k := l.key
		if l.address != 0 {
			k += "\x00" + string(l.address) // "Mrs. Clinton" is not "Mr. Clinton"
		}
		if _, ok := byName[k]; !ok {
			order = append(order, k)
		}
		byName[k] = append(byName[k], i)
	}
	for _, k := range order {
		idx := byName[k]
		if len(idx) < 2 {
			continue
		}
		// The kind of most mentions, a person on a tie; a name of unknown
		// kind (MISC) takes any known kind the article gives it; a person
		// the article titles ("former Florida Gov. Jeb Bush") is one
		// however often the tagger read the bare name as an organisation.
		best := idx[0]
		for _, i := range idx[1:] {
			bi, li := b.locals[best], b.locals[i]
			switch {
			case (bi.kind == graph.Misc) != (li.kind == graph.Misc):
				if bi.kind == graph.Misc {
					best = i
				}
			case titledPerson(bi) != titledPerson(li):
				if titledPerson(li) {
					best = i
				}
			case len(li.mention) > len(bi.mention) || (len(li.mention) == len(bi.mention) && li.kind == graph.Person):
				best = i
			}
		}
		for _, i := range idx {
			if i != best {
				b.locals[i].into = best
				for _, m := range b.locals[i].mention {
					b.mentions[m].Kind = b.locals[best].kind
				}
			}
		}
	}
}

// families types as a name of no kind (as peoples are: views leave them
// out) a surname in the plural, a family: "the Clintons" (45 PolNeAR
// organisations), "the Bushes", "the Khans", when the article names one
// of its people with the surname and none with the plural itself ("the
// Sanders campaign" is Bernie Sanders').
func (b *builder) families() {
	var surnames map[string]bool
	for _, l := range b.locals {
		if l.into >= 0 || l.kind == graph.Misc || l.geo != nil || !strings.HasSuffix(l.key, "s") || len(names.Words(l.key)) != 1 {
			continue
		}
		if surnames == nil {
			_, surnames = b.peopleWords()
		}
		one := strings.TrimSuffix(l.key, "s")
		if surnames[l.key] || !surnames[one] && !(strings.HasSuffix(one, "e") && surnames[strings.TrimSuffix(one, "e")]) {
			continue
		}
		l.kind = graph.Misc
		for _, m := range l.mention {
			b.mentions[m].Kind = graph.Misc
		}
	}
}

// peopleWords returns the words of the article's people's names of
// several words, and their last words (surnames): what tells a word read
// as a company's or a family's from a person's.
func (b *builder) peopleWords() (words, surnames map[string]bool) {
	words, surnames = map[string]bool{}, map[string]bool{}
	for _, o := range b.locals {
		if ws := names.Words(o.key); o.into < 0 && o.kind == graph.Person && len(ws) > 1 {
			for _, w := range ws {
				words[w] = true
			}
			surnames[ws[len(ws)-1]] = true
		}
	}
	return words, surnames
}

// titledPerson reports whether l is a person the article writes with a
// title or form of address.
func titledPerson(l *local) bool {
	return l.kind == graph.Person && (l.titled || len(l.titles) > 0)
}

// surnamesAsPeople gives a person's surname that the tagger read as an
// organisation, a small or unknown place or could not type ("Warhol's
// work" beside "Andy Warhol", "Obama" beside "Barack Obama")
// to that person, when one person of the article has it and the
// organisations of the article named with it are mentioned less than the
// person ("Walt Disney" beside "the Walt Disney Company", the subject of
// the article, keeps Disney the company apart).
func (b *builder) surnamesAsPeople() {
	for _, l := range b.locals {
		if l.into >= 0 || len(names.Words(l.key)) != 1 {
			continue
		}
		// A place the gazetteer does not know, or whose faraway town
		// strayTowns unlinked ("Ruse", a Bulgarian town, beside "Michael
		// Ruse"), is a surname only beside a first name: "North
		// Yorkshire" read as a person keeps "Yorkshire" a place.
		unknown := l.kind == graph.Place && l.geo == nil
		town := l.kind == graph.Place && b.smallTown(l, surnameTown)
		if !town && !unknown && ((l.kind != graph.Org && l.kind != graph.Misc) || l.geo != nil) {
			continue
		}
		if isAcronymName(l.names) || platforms[l.key] {
			continue // "Twitter" is no surname of "Wilayat Twitter", an account's joke place
		}
		target, n, named := -1, 0, 0
		for j, o := range b.locals {
			if o.into >= 0 || o == l {
				continue
			}
			w := names.Words(o.key)
			switch {
			case o.kind == graph.Person && len(w) > 1 && w[len(w)-1] == l.key:
				target, n = j, n+1
			case o.kind != graph.Person && len(w) > 1 && slices.Contains(w, l.key):
				named = max(named, len(o.mention))
			}
		}
		if n == 0 || named >= len(b.locals[target].mention) {
			continue
		}
		if first := names.Words(b.locals[target].key)[0]; unknown && (n > 1 || !names.IsFirstName(first) || partOfPlace[first]) {
			continue
		}
		if n > 1 {
			// Several people have the surname ("Jeb Bush", "George W.
			// Bush"): the word alone is a person, but which one the
			// article does not say here.
			if l.kind == graph.Org {
				l.kind = graph.Person
				for _, m := range l.mention {
					b.mentions[m].Kind = graph.Person
				}
			}
			continue
		}
		l.into = target
		l.geo = nil
		for _, m := range l.mention {
			b.mentions[m].Kind = graph.Person
		}
	}
}

// saintsAsPeople gives a saint's name the tagger read as a place or an
// organisation ("St. Jerome in His Study", a painting's caption in a
// life of Jerome) to the person the article names without the title,
// when one person of the article is so named (after resolvePeople, which
// may have joined the name to a longer one: "Theodorus" is "Abba
// Theodorus"). A place the gazetteer
// knows ("St. Louis", "Saint Petersburg") keeps its kind.
func (b *builder) saintsAsPeople() {
	for _, l := range b.locals {
		if l.into >= 0 || l.kind == graph.Person || l.geo != nil {
			continue
		}
		rest := ""
		for _, p := range []string{"st. ", "st ", "saint "} {
			if r, ok := strings.CutPrefix(l.key, p); ok {
				rest = r
			}
		}
		if rest == "" {
			continue
		}
		target := -1
		for j, o := range b.locals {
			if o.dropped || o.kind != graph.Person || o.key != rest {
				continue
			}
			if r := b.rootIndex(j); b.locals[r].kind == graph.Person && !b.locals[r].dropped && (target < 0 || target == r) {
				target = r
			} else {
				target = -2
				break
			}
		}
		if target < 0 {
			continue
		}
		l.kind, l.into = graph.Person, target
		for _, m := range l.mention {
			b.mentions[m].Kind = graph.Person
		}
	}
}

// strayTowns takes the gazetteer link from a one-word town under
// strayTown people in a country the article names nowhere else, by the country,
// a region or another town of it: a news report about a town names its
// country or region, and a word that only matches a faraway town's name
// is something else. "Obama said …", tagged a place in 28 of the PolNeAR
// articles, was linked to Obama, Japan; without the link the name is
// left to its other readings, here the surname the rest of the store
// knows.
func (b *builder) strayTowns() {
	named := map[string]int{} // country code → locals linked into it
	for _, l := range b.locals {
		if l.geo != nil && l.geo.Country != "" {
			named[l.geo.Country]++
		}
	}
	for _, l := range b.locals {
		if l.kind == graph.Place && len(names.Words(l.key)) == 1 && b.smallTown(l, strayTown) && named[l.geo.Country] == 1 {
			l.geo = nil
		}
	}
}

// orgShortNames joins an organisation called by the first word of its
// name to that name ("Caesars" beside "Caesars World Inc", "Shearson"
// beside "Shearson Lehman Brothers Inc"), when one company of the article
// (a name with a legal form) starts with the word, or one is named twice
// as often as any other that does ("Caesars New Jersey Inc", its
// subsidiary, named once). The word read as a person's name joins too
// when none of the article's people has it ("Chrysler said" beside
// "Chrysler Corp"). A generic head ("Bank") or an acronym stays as it is.
func (b *builder) orgShortNames() {
	type company struct {
		mentions, local int
		legal           bool
	}
	// The organisations of several words by their first word, indexed
	// once: an article of thousands of names is not read twice over.
	byFirst := map[string][]int{}
	for j, o := range b.locals {
		w := names.Words(o.key)
		if o.into < 0 && (o.kind == graph.Org && len(w) > 1 || o.kind == graph.Person && len(w) == 2 && !titledPerson(o) && len(o.roles) == 0) {
			// A founders' pair may be read as a person's name ("Northrop
			// Grumman"): pairName below settles it when its first word
			// stands alone as an organisation.
			byFirst[w[0]] = append(byFirst[w[0]], j)
		}
	}
	// The words of the article's people's names: "Chrysler" read as a
	// person is the company when no person of the article is called so.
	var personWords map[string]bool
	for _, l := range b.locals {
		if l.into >= 0 || l.kind != graph.Org && !(l.kind == graph.Person && !titledPerson(l) && len(l.roles) == 0) ||
			l.geo != nil || len(names.Words(l.key)) != 1 || genericOrgs[l.key] || isAcronymName(l.names) {
			continue
		}
		if l.kind == graph.Person {
			if personWords == nil {
				personWords, _ = b.peopleWords()
			}
			if personWords[l.key] {
				continue
			}
		}
		// The names that start with the word, by their name without a
		// legal form ("Caesars World" and "Caesars World Inc" are one).
		byBase := map[string]*company{}
		var bases []string
		for _, j := range byFirst[l.key] {
			o := b.locals[j]
			if o.kind == graph.Person && (l.kind != graph.Org || len(o.mention) <= len(l.mention) || len(l.key) < 3) {
				// The pair read as a person is the article's company only
				// when named more often than its short form, and never
				// after a particle ("La").
				continue
			}
			base, _ := names.StripCorporate(o.key)
			c := byBase[base]
			if c == nil {
				c = &company{local: j}
				byBase[base] = c
				bases = append(bases, base)
			}
			c.mentions += len(o.mention)
			if legalName(o.names) && !c.legal {
				c.legal, c.local = true, j
			}
		}
		var best *company
		second := 0
		for _, base := range bases {
			switch c := byBase[base]; {
			case best == nil || c.mentions > best.mentions:
				if best != nil {
					second = best.mentions
				}
				best = c
			case c.mentions > second:
				second = c.mentions
			}
		}
		// A platform is a company of its own: "Google" is no short form
		// of "Google Plus".
		if best != nil && !platforms[l.key] && (best.legal || b.pairName(best.local)) && best.mentions >= 2*second {
			if o := b.locals[best.local]; o.kind == graph.Person {
				o.kind = graph.Org // "Northrop Grumman" beside "Northrop" the organisation
				for _, m := range o.mention {
					b.mentions[m].Kind = graph.Org
				}
			}
			l.into = best.local
			for _, m := range l.mention {
				b.mentions[m].Kind = graph.Org
			}
		}
	}
}

// pairName reports whether organisation j is named by two proper names
// alone, without a legal form ("Lockheed Martin", "Northrop Grumman"):
// a company called after its founders, which its first word stands for
// ("Lockheed ultimately won"). A second word that heads a body or a unit
// ("Boeing Commercial", "Penn State", "Apple Corps") is no founder's name.
// The pair may be read as a person's name ("Northrop Grumman"), which
// orgShortNames then makes the organisation.
func (b *builder) pairName(j int) bool {
	o := b.locals[j]
	w := names.Words(o.key)
	if len(w) != 2 || bodyHead(w[0]) || bodyHead(w[1]) || unitWords[w[1]] ||
		names.Is(w[1], names.Title|names.PersonNoun|names.Modifier) {
		return false
	}
	for _, n := range o.names {
		if f := strings.Fields(n); len(f) != 2 || !startsUpper(f[1]) || strings.ToUpper(f[1]) == f[1] {
			return false
		}
	}
	return true
}

// unitWords end the names of a company's units and of other bodies
// rather than a company's founders' names.
var unitWords = map[string]bool{"airlines": true, "airways": true, "air": true, "group": true, "holdings": true,
	"international": true, "commercial": true, "systems": true, "motors": true, "energy": true, "airplanes": true,
	"corps": true, "state": true, "university": true, "college": true, "news": true, "times": true, "post": true,
	"records": true, "pictures": true, "studios": true, "media": true, "capital": true, "partners": true,
	"securities": true, "financial": true, "technologies": true, "technology": true, "services": true, "labs": true,
	"tv": true, "music": true, "store": true, "county": true, "city": true, "party": true, "club": true, "united": true}

// legalName reports whether one of an organisation's names carries a
// legal form ("Caesars World Inc"): a company's full name, of which the
// first word is the short form. A unit's name has none ("Boeing
// Commercial Airplanes"), and "Boeing" alone is the parent company.
func legalName(ns []string) bool {
	for _, n := range ns {
		if _, suffix := names.StripCorporate(names.Key(n)); suffix != "" {
			return true
		}
	}
	return false
}

// smallTown reports whether a one-word place is a town of the gazetteer
// under limit people.
func (b *builder) smallTown(l *local, limit int64) bool {
	if l.geo == nil || len(l.names) == 0 {
		return false
	}
	e, ok := b.gaz.Entry(l.names[0])
	return ok && e.Kind == gazetteer.City && e.Population < limit
}

// Towns a word is read as only on evidence: a surname beside its person
// in the article is no town under surnameTown people ("Obama" beside
// "Barack Obama" is no town in Japan; "Garland" beside "Merrick Garland"
// no city in Texas), while bigger cities keep their name ("Washington",
// "Houston"); a town under strayTown people needs its country named
// (see strayTowns).
const (
	surnameTown = 500000
	strayTown   = 200000
)

// isAcronymName reports whether a name is written in capitals ("GM"),
// which makes it an organisation's, not a surname.
func isAcronymName(ns []string) bool {
	for _, n := range ns {
		if n == strings.ToUpper(n) {
			return true
		}
	}
	return false
}

// resolvePeople joins the names of one person within the article. First
// the full names: two that end with the same surname, whose first names
// can be one person's (names.SameFirstName) and whose middle names do not
// disagree, are one ("Jared Padalecki" and "Jared Tristan Padalecki"),
// unless a name fits two people already told apart. Then a person named by
// one word ("Macron") joins the one person whose full name ends (or,
// failing that, starts) with it ("Emmanuel Macron"), and whose first
// name tells no other gender than the forms of address written with the
// word ("Ms. Trump" is not Donald J. Trump). When several people share a
// surname, the surname alone is the person the article named first when
// it was first written alone before any other of them was named, as a
// reader takes it ("Jeanne Moreau" … "Moreau" … her father
// "Anatole-Désiré Moreau"); otherwise, and always for a first name alone,
// it stays apart rather than guess.
func (b *builder) resolvePeople() {
	b.joinFullNames()
	b.joinAliases()
	b.joinNativeNames()
	b.joinIslandPlurals()
	b.joinSlips()
	// A surname written with a form of address goes first: one that fits
	// no full name ("Mr. Obama" beside only "Michelle Obama") is another
	// person of that surname, whom the bare surname may be.
	order := make([]int, 0, len(b.locals))
	for li, l := range b.locals {
		if l.address != 0 {
			order = append(order, li)
		}
	}
	for li, l := range b.locals {
		if l.address == 0 {
			order = append(order, li)
		}
	}
	for _, li := range order {
		l := b.locals[li]
		if l.kind != graph.Person || l.into >= 0 || l.dropped || len(names.Words(l.key)) != 1 {
			continue
		}
		target := -1
		for pi, pos := range []func([]string) string{
			func(w []string) string {
				if n := len(w); n > 2 && w[n-2] == "the" {
					return w[0] // "Peter the Great" is "Peter" alone, never "Great"
				}
				return w[len(w)-1]
			},
			func(w []string) string { return w[0] },
		} {
			var cands []int
			for j, o := range b.locals {
				// A name joined to another counts as that person's
				// ("Marbles" is Jenna Marbles, whom the article first
				// names Jenna Nicole Mourey).
				w := names.Words(o.key)
				if o.kind == graph.Person && !o.dropped && len(w) > 1 && pos(w) == l.key && !otherGender(l.titles, w[0]) {
					// A longer name already joined to this one ("Abba
					// Theodorus", the alias of "Theodorus of Tabennese") is
					// no other person.
					if r := b.rootIndex(j); r != li && b.locals[r].kind == graph.Person && !b.locals[r].dropped && !slices.Contains(cands, r) {
						cands = append(cands, r)
					}
				}
			}
			if pi == 0 && l.address == 0 {
				// The surname written with a form of address that fits
				// none of those full names is another person of it ("Mr.
				// Obama", whom Michelle Obama is not); alone, the one
				// the bare surname is.
				for j, o := range b.locals {
					if j != li && o.address != 0 && o.kind == graph.Person && o.into < 0 && !o.dropped && o.key == l.key {
						cands = append(cands, j)
					}
				}
			}
			if len(cands) == 1 {
				target = cands[0]
				break
			}
			if c := b.ofAddressGender(l.titles, cands); c >= 0 {
				target = c // "Mrs. Obama" beside Barack and Michelle Obama
				break
			}
			if len(cands) > 1 {
				if pi == 0 {
					target = b.namedFirst(cands, b.firstAt(l))
				}
				break
			}
		}
		if target >= 0 {
			l.into = target
		}
	}
}

// joinFullNames joins full names of one person (see resolvePeople): each
// name, in the order the article first writes them, joins the one earlier
// person it can be; fitting two, it stays apart.
func (b *builder) joinFullNames() {
	for j, l := range b.locals {
		wl := names.Words(l.key)
		if l.kind != graph.Person || l.into >= 0 || l.dropped || len(wl) < 2 {
			continue
		}
		target := -1
		for i, o := range b.locals {
			wo := names.Words(o.key)
			if i == j || o.kind != graph.Person || o.into >= 0 || o.dropped || len(wo) < 2 || b.firstAt(o) > b.firstAt(l) {
				continue
			}
			if !oneFullName(wo, wl) && !afterParticle(wo, wl) && !afterParticle(wl, wo) {
				continue
			}
			if target >= 0 {
				target = -2
				break
			}
			target = i
		}
		if target >= 0 {
			l.into = target
		}
	}
}

// afterParticle reports whether the name short is the words after the
// particle of the name long: "Santa Anna" of "Antonio Lopez de Santa
// Anna", "von der Leyen" of "Ursula von der Leyen" (the particles of the
// short name kept).
func afterParticle(long, short []string) bool {
	k := len(long) - len(short)
	if k < 1 || !slices.Equal(long[k:], short) {
		return false
	}
	return particles[long[k-1]] || particles[long[k]] && k+1 < len(long)
}

// oneFullName reports whether two full names (words of their Keys) can be
// one person's: the same surname, first names that can be one person's,
// and the middle names of the shorter all in the longer's ("Zaha Hadid",
// "Zaha Mohammad Hadid"; not "John Paul Smith" and "John Peter Smith");
// or two words in either order; or a name with a title word after it.
func oneFullName(a, b []string) bool {
	if len(a) == 2 && len(b) == 2 && a[0] == b[1] && a[1] == b[0] {
		return true // "Higuchi Natsuko", "Natsuko Higuchi": the surname first or last
	}
	// "George Floyd Justice" (of the George Floyd Justice in Policing Act)
	// beside "George Floyd": a title word does not end a name.
	if len(b) == len(a)+1 && names.IsTitle(b[len(b)-1]) && slices.Equal(a, b[:len(a)]) ||
		len(a) == len(b)+1 && names.IsTitle(a[len(a)-1]) && slices.Equal(b, a[:len(b)]) {
		return true
	}
	if a[len(a)-1] != b[len(b)-1] || !names.SameFirstName(a[0], b[0]) {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for _, m := range a[1 : len(a)-1] {
		if !slices.Contains(b[1:len(b)-1], m) {
			return false
		}
	}
	return true
}

// firstAt is where the article first writes a local entity's name.
func (b *builder) firstAt(l *local) int {
	at := -1
	for _, m := range l.mention {
		if s := b.mentions[m].Span.Start; at < 0 || s < at {
			at = s
		}
	}
	return at
}

// namedFirst returns the one candidate whose name the article writes
// before at, or -1 when none or several are.
func (b *builder) namedFirst(cands []int, at int) int {
	target := -1
	for _, c := range cands {
		if b.firstAt(b.locals[c]) < at {
			if target >= 0 {
				return -1
			}
			target = c
		}
	}
	return target
}

// entities returns the article's entities and its mentions pointing at
// them (Entity = index + 1).
func (b *builder) entities() ([]graph.Entity, []graph.Mention) {
	final := make([]int, len(b.locals))
	var out []graph.Entity
	for i, l := range b.locals {
		if l.into >= 0 || l.dropped {
			final[i] = -1
			continue
		}
		final[i] = len(out)
		name := bestName(l.names, l.counts)
		if l.geo != nil && l.geo.Name != "" && (l.geo.Feature == "country" || gazetteer.Abbreviation(name)) {
			// "United States" however the article writes it ("US",
			// "U.S."), "Florida" for "Fla."; the forms stay aliases.
			name = l.geo.Name
		}
		out = append(out, graph.Entity{Kind: l.kind, Name: name, Geo: l.geo})
	}
	for i, l := range b.locals {
		if l.into >= 0 {
			root := l.into
			for b.locals[root].into >= 0 {
				root = b.locals[root].into
			}
			final[i] = final[root]
		}
	}
	b.final = final
	for i, l := range b.locals {
		if final[i] < 0 {
			continue
		}
		e := &out[final[i]]
		for _, t := range l.titles {
			if names.IsHonorific(t) {
				if !contains(e.Address, t) {
					e.Address = append(e.Address, t)
				}
				continue
			}
			addRole(&e.Roles, graph.Role{Title: t})
		}
		for _, r := range l.roles {
			addRole(&e.Roles, r)
		}
		for _, n := range l.names {
			if l.title || l.fragment {
				break
			}
			if n != e.Name && !contains(e.Aliases, n) {
				e.Aliases = append(e.Aliases, n)
			}
		}
		if e.GovernmentOf == "" {
			e.GovernmentOf = l.governmentOf
		}
	}
	ms := make([]graph.Mention, 0, len(b.mentions))
	for i, m := range b.mentions {
		if final[b.owner[i]] < 0 {
			continue
		}
		m.Entity = graph.Local(final[b.owner[i]])
		ms = append(ms, m)
	}
	// Names found inside longer names come last in b.mentions; the
	// article's mentions are in text order.
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
	return out, ms
}

// bestName prefers a surface form of several words ("Emmanuel Macron"
// over "Macron"), then the most mentioned, then the first seen.
func bestName(ns []string, counts []int) string {
	best, bi := "", -1
	for i, n := range ns {
		multi, bmulti := len(strings.Fields(n)) > 1, bi >= 0 && len(strings.Fields(best)) > 1
		if bi < 0 || (multi && !bmulti) || (multi == bmulti && counts[i] > counts[bi]) {
			best, bi = n, i
		}
	}
	return best
}

// relations links every two distinct entities named in one sentence.
func relations(ms []graph.Mention) []graph.Relation {
	var out []graph.Relation
	for i := 0; i < len(ms); {
		j := i
		var ids []graph.ID
		for ; j < len(ms) && ms[j].Sentence == ms[i].Sentence; j++ {
			if !containsID(ids, ms[j].Entity) && len(ids) < maxPairEntities {
				ids = append(ids, ms[j].Entity)
			}
		}
		for a := 0; a < len(ids); a++ {
			for c := a + 1; c < len(ids); c++ {
				out = append(out, graph.Relation{From: ids[a], To: ids[c], Type: "co-mention", Weight: 1, Sentence: ms[i].Sentence})
			}
		}
		i = j
	}
	return out
}

func index(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsID(xs []graph.ID, id graph.ID) bool {
	for _, x := range xs {
		if x == id {
			return true
		}
	}
	return false
}

// peopleReadAsPlaces gives back to a person a name the tagger read as a
// place for its last word ("Sharon Street", "Michael Bay"; see
// surnameHeads): a first name and that word, when the article also writes
// the word alone as a name ("Street argues", which a street never does).
// "Victoria Street" with no "Street" alone stays a street.
func (b *builder) peopleReadAsPlaces() {
	for _, l := range b.locals {
		if l.kind == graph.Person || l.into >= 0 || l.geo != nil {
			continue
		}
		ws := names.Words(l.key)
		if len(ws) != 2 || !surnameHeads[ws[1]] || !names.IsFirstName(ws[0]) {
			continue
		}
		alone := false
		for _, o := range b.locals {
			if o.into < 0 && o.key == ws[1] && o.geo == nil {
				alone = true
			}
		}
		if !alone {
			continue
		}
		// People now, whatever the tagger made of "Street" alone:
		// resolvePeople joins it to her.
		for _, o := range b.locals {
			if o == l || o.key == ws[1] && o.geo == nil { // those unifyKinds joined too
				o.kind = graph.Person
				for _, m := range o.mention {
					b.mentions[m].Kind = graph.Person
				}
			}
		}
	}
}

// placesReadAsPeople gives back to its place a name ending in a landform
// (landforms), and a one-word name of a big place that the tagger read as a
// person ("the bridge's long span and
// Manhattan"): a country, a first-level region or a city of a million
// people, when no mention of it is titled or given a role, it is no given
// name ("Jordan", "Georgia" stay people), no leader's name ("Stalin") and
// none of the words of the article's people's longer names ("Paris
// Hilton").
func (b *builder) placesReadAsPeople() {
	for _, l := range b.locals {
		// "Upper Manhattan", "Greater Manchester", "East Harlem" read as a
		// person or an organisation: a part of a place is a place. An
		// organisation's needs a big place ("Western Union" is no part of
		// Union, New Jersey).
		ws := names.Words(l.key)
		if l.kind != graph.Person && l.kind != graph.Org || l.into >= 0 || titledPerson(l) || len(l.roles) > 0 || len(ws) != 2 || !partOfPlace[ws[0]] || names.IsFirstName(ws[1]) {
			continue
		}
		name := bestName(l.names, l.counts)
		if e, ok := b.gaz.Entry(name[strings.IndexByte(name, ' ')+1:]); !ok || l.kind == graph.Org && !bigEntry(e, 1_000_000) {
			continue
		}
		l.kind = graph.Place
		if e, ok := b.gaz.Entry(name); ok {
			l.geo = geoOf(e)
		}
		for _, m := range l.mention {
			b.mentions[m].Kind = graph.Place
		}
	}
	for _, l := range b.locals {
		// "Babyn Yar", "Drobytsky Yar" read as people or as names of no
		// kind: a name ending in a landform's word no surname ends in is
		// the place.
		if ws := names.Words(l.key); (l.kind == graph.Person || l.kind == graph.Misc) && l.into < 0 && !titledPerson(l) && len(l.roles) == 0 && len(ws) > 1 && landforms[ws[len(ws)-1]] {
			l.kind = graph.Place
			for _, m := range l.mention {
				b.mentions[m].Kind = graph.Place
			}
		}
	}
	var words map[string]bool
	for _, l := range b.locals {
		if l.kind != graph.Person || l.into >= 0 || titledPerson(l) || len(l.roles) > 0 || len(names.Words(l.key)) != 1 || names.IsFirstName(l.key) {
			continue
		}
		name := bestName(l.names, l.counts)
		e, ok := b.gaz.Entry(name)
		if !ok || !bigEntry(e, 1_000_000) || gazetteer.IsLeader(name) {
			continue
		}
		if words == nil {
			words, _ = b.peopleWords()
		}
		if words[l.key] {
			continue
		}
		l.kind, l.geo = graph.Place, geoOf(e)
		for _, m := range l.mention {
			b.mentions[m].Kind = graph.Place
		}
		for j, o := range b.locals {
			if o != l && o.into < 0 && o.kind == graph.Place && o.key == l.key {
				l.into = j // the place the article also reads it as
				break
			}
		}
	}
}

// landforms are the last words of the names of ravines, gorges and
// canyons, which no surname is: "Babyn Yar" (yar, a ravine) is a place
// the tagger reads as a person.
var landforms = map[string]bool{"yar": true, "ravine": true, "gorge": true, "canyon": true}

// partOfPlace are the words before a place's name that name a part of it:
// "Upper Manhattan", "Greater Manchester", "Downtown Tulsa".
var partOfPlace = map[string]bool{"upper": true, "lower": true, "greater": true, "downtown": true, "midtown": true,
	"uptown": true, "central": true, "inner": true, "outer": true, "north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true}

// deities are the names of God, kept as names of no kind (and no town's:
// God is not Göd, Hungary).
var deities = map[string]bool{"god": true, "allah": true, "yahweh": true, "jehovah": true, "almighty": true}
