package extract

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/quote"
	"dateline/graph/names"
)

// countryCode returns the quote finder's Options.Country for a gazetteer:
// the ISO code of a country name ("Russia", "Russia's", "US") or
// nationality word ("Russian"), "" for any other word.
func countryCode(gaz *gazetteer.Table) func(string) string {
	return func(w string) string {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if e, ok := gaz.Entry(w); ok && e.Kind == gazetteer.Country {
			return e.Geo.Country
		}
		if c, ok := gaz.Demonym(w); ok {
			return c
		}
		return ""
	}
}

// quoteSpeakers gives each quote's speaker a local entity and returns the
// local index of each (-1 when the speaker stays unresolved: a pronoun
// with no antecedent, an unnamed source). It is the builder's hook for
// speakers the tagger did not name, so it must run before entities():
//
//   - a PERSON or ORG name is its own local; a seat such as the Kremlin
//     gets GovernmentOf from the lexicon;
//   - a country is its own place; a capital standing for its government
//     ("Moscow said") is its country, added as a place when the article
//     does not name it; other places ("Kharkiv said") resolve to nothing;
//   - a state body described in words ("Russia's defence ministry")
//     becomes the organisation "Ministry of Defence of Russia" with
//     GovernmentOf "RU", and a government ("the Russian government") its
//     country. The name the tagger gave such a body ("Defence Ministry")
//     joins it when the article names no other country's.
func (b *builder) quoteSpeakers(text string, qs []quote.Quote) []int {
	out := make([]int, len(qs))
	merge := map[int]int{} // tagger ORG local → institution local; -2 when two
	for i, q := range qs {
		out[i] = b.quoteSpeaker(text, q, merge)
	}
	if b.speakerPeople {
		b.resolvePeople() // "Song wrote" joins the "Assistant U.S. Attorney Maya D. Song" the tagger missed
	}
	for from, to := range merge {
		if to >= 0 && from != to && b.locals[to].into < 0 {
			b.locals[from].into = to
		}
	}
	b.sortMentions()
	return out
}

// quoteSpeaker returns the local of one quote's speaker, or -1.
func (b *builder) quoteSpeaker(text string, q quote.Quote, merge map[int]int) int {
	li := -1
	if q.SpeakerMention >= 0 && q.SpeakerMention < len(b.nerLocal) {
		li = b.nerLocal[q.SpeakerMention]
	}
	in := q.Institution
	if li >= 0 {
		l := b.locals[li]
		switch l.kind {
		case graph.Person:
			return li
		case graph.Place:
			if l.geo == nil {
				return -1
			}
			switch {
			case l.geo.Feature == "country":
				return li
			case l.geo.Feature == "city" && l.geo.Country != "" && b.capital(l) == l.geo.Country && !q.Municipal:
				return b.countryLocal(l.geo.Country, q.Speaker, text)
			case q.Municipal:
				return li // "the city of Nice urged …": the town's own authority
			}
			return -1
		case graph.Org:
			if in == nil || in.Government() {
				return li
			}
			if in.Seat {
				l.governmentOf = in.Country
				return li
			}
			if in.Country == "" {
				return li
			}
			to := b.institutionLocal(in, q.Speaker, text)
			if prev, ok := merge[li]; ok && prev != to {
				merge[li] = -2
			} else if !ok {
				merge[li] = to
			}
			return to
		}
		return -1
	}
	if q.Organisation != "" {
		return b.orgLocal(strings.TrimPrefix(strings.TrimPrefix(q.Organisation, "the "), "The "), "", q.Speaker, text)
	}
	if q.Person != "" {
		return b.personLocal(q.Person, q.Speaker, text)
	}
	if in == nil {
		return -1
	}
	switch {
	case in.Government() && in.Country != "":
		return b.countryLocal(in.Country, q.Speaker, text)
	case in.Seat || in.Country != "":
		return b.institutionLocal(in, q.Speaker, text)
	}
	return -1
}

// capital returns the country code of the country whose capital the
// city local l is, by its gazetteer name ("Kiev" is Kyiv), or "".
func (b *builder) capital(l *local) string {
	for _, n := range l.names {
		if e, ok := b.gaz.Entry(n); ok && e.Kind == gazetteer.City {
			if cc := quote.CapitalOf(e.Name); cc != "" {
				return cc
			}
		}
	}
	return ""
}

// countryLocal returns the local of the country with ISO code cc, adding
// it (with its gazetteer link) when the article does not name it, and
// records a mention of it at span, the words that speak for it.
func (b *builder) countryLocal(cc string, span graph.Span, text string) int {
	e, ok := b.gaz.Country(cc)
	if !ok || e.Kind != gazetteer.Country {
		return -1
	}
	geo := geoOf(e)
	li, ok := b.byKey[geo.Key()]
	if !ok {
		li = b.addLocal(geo.Key(), &local{kind: graph.Place, key: names.Key(e.Name), geo: geo, into: -1, names: []string{e.Name}, counts: []int{1}})
	}
	b.speakerMention(li, span, text)
	return li
}

// institutionLocal returns the local of a state institution, adding it
// when new: a seat by its name ("Kremlin"), a body by its name and
// country ("Ministry of Defence of Russia"), both with GovernmentOf; -1
// when the gazetteer does not know the country.
func (b *builder) institutionLocal(in *quote.Institution, span graph.Span, text string) int {
	name := in.Name
	if !in.Seat {
		e, ok := b.gaz.Country(in.Country)
		if !ok {
			return -1
		}
		name += " of " + countryPhrase(e.Name)
	}
	return b.orgLocal(name, in.Country, span, text)
}

// orgLocal returns the local of the organisation called name, adding it
// when new, with GovernmentOf cc when cc is not "", and records a mention
// of it at span.
func (b *builder) orgLocal(name, cc string, span graph.Span, text string) int {
	id := graph.Org.String() + "\x00" + names.Key(name)
	li, ok := b.byKey[id]
	if !ok {
		li = b.addLocal(id, &local{kind: graph.Org, key: names.Key(name), into: -1, names: []string{name}, counts: []int{1}})
	}
	for b.locals[li].into >= 0 {
		li = b.locals[li].into
	}
	if cc != "" {
		b.locals[li].governmentOf = cc
	}
	b.speakerMention(li, span, text)
	return li
}

// personLocal returns the local of the person called name, a name the
// tagger missed, adding it when new, and records a mention of it at span.
func (b *builder) personLocal(name string, span graph.Span, text string) int {
	id := graph.Person.String() + "\x00" + names.Key(name)
	li, ok := b.byKey[id]
	if !ok {
		li = b.addLocal(id, &local{kind: graph.Person, key: names.Key(name), into: -1, names: []string{name}, counts: []int{1}})
		b.speakerPeople = true
	}
	for b.locals[li].into >= 0 {
		li = b.locals[li].into
	}
	b.speakerMention(li, span, text)
	return li
}

// countryPhrase writes a country's name as it follows "of": "Russia",
// "the United States", "the Netherlands".
func countryPhrase(n string) string {
	if strings.HasPrefix(n, "United ") || strings.HasPrefix(n, "Republic ") || strings.HasPrefix(n, "Democratic ") ||
		strings.HasPrefix(n, "Central African") || strings.HasPrefix(n, "Czech") || strings.HasSuffix(n, "s") {
		return "the " + n
	}
	return n
}

// addLocal is the builder hook that adds a local entity found by a later
// stage than the tagger (a quote's institutional speaker) under id, the
// key add uses for the same entity, and returns its index.
func (b *builder) addLocal(id string, l *local) int {
	li := len(b.locals)
	b.byKey[id] = li
	b.locals = append(b.locals, l)
	return li
}

// speakerMention records that the words at span name local li, unless a
// mention of li already covers them or they are a pronoun ("it said"):
// a mention's words are evidence of what the entity is called, and "it"
// is not. sortMentions restores text order.
func (b *builder) speakerMention(li int, span graph.Span, text string) {
	if span.End <= span.Start {
		return
	}
	switch strings.ToLower(span.Of(text)) {
	case "it", "they", "them", "he", "she", "him", "her":
		return
	}
	l := b.locals[li]
	for _, m := range l.mention {
		if b.mentions[m].Span == span {
			return
		}
	}
	l.mention = append(l.mention, len(b.mentions))
	b.mentions = append(b.mentions, graph.Mention{Span: span, Sentence: b.sentenceOf(span), Text: span.Of(text), Kind: l.kind})
	b.owner = append(b.owner, li)
}

// sentenceOf returns the sentence span of the mention that shares the
// most text with span, from the mentions already recorded: a speaker's
// words lie in one sentence with its other names, or in the sentence
// stored with the quote when none.
func (b *builder) sentenceOf(span graph.Span) graph.Span {
	i := sort.Search(len(b.mentions), func(k int) bool { return b.mentions[k].Span.Start >= span.Start })
	for _, k := range []int{i, i - 1} {
		if k >= 0 && k < len(b.mentions) && b.mentions[k].Sentence.Start <= span.Start && span.End <= b.mentions[k].Sentence.End {
			return b.mentions[k].Sentence
		}
	}
	return span
}

// sortMentions puts the mentions back in text order after speakers added
// some, renumbering owner and each local's mention list.
func (b *builder) sortMentions() {
	if sort.SliceIsSorted(b.mentions, func(i, j int) bool { return b.mentions[i].Span.Start < b.mentions[j].Span.Start }) {
		return
	}
	idx := make([]int, len(b.mentions))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return b.mentions[idx[i]].Span.Start < b.mentions[idx[j]].Span.Start })
	at := make([]int, len(idx)) // old index → new
	ms := make([]graph.Mention, len(idx))
	owner := make([]int, len(idx))
	for n, o := range idx {
		at[o] = n
		ms[n] = b.mentions[o]
		owner[n] = b.owner[o]
	}
	b.mentions, b.owner = ms, owner
	for _, l := range b.locals {
		for k, m := range l.mention {
			l.mention[k] = at[m]
		}
	}
}

// quotes turns found quotes into graph quotes: the speaker as a local
// entity (speakers from quoteSpeakers), the entities named inside the
// quote, and the day it was said (quote.Quote.Date).
//
// It runs in O((q + m + x) log m) for q quotes, m mentions and x date
// expressions: the mentions inside a quote are found by binary search over
// the mentions in text order, never by a scan of all of them per quote.
func (b *builder) quotes(text string, qs []quote.Quote, speakers []int) []graph.Quote {
	var out []graph.Quote
	byStart := b.mentionsByStart()
	for i, q := range qs {
		if q.Deictic() {
			continue // the writer's or the reader's words: no one in the text to credit
		}
		g := graph.Quote{SpeakerText: q.SpeakerText, SpeakerSpan: q.Speaker, Cue: q.Cue, Span: q.Content,
			Sentence: q.Sentence, Direct: q.Direct, Date: q.Date, DateFromPublication: q.DateFromPublication}
		if li := speakers[i]; li >= 0 {
			g.Speaker = graph.ID(b.final[li] + 1)
		}
		parts := q.Parts
		if len(parts) == 0 {
			parts = []graph.Span{q.Content}
		}
		var words []string
		for _, p := range parts {
			words = append(words, strings.TrimSpace(p.Of(text)))
		}
		g.Text = strings.Join(words, " … ")
		from := sort.Search(len(byStart), func(k int) bool { return b.mentions[byStart[k]].Span.Start >= q.Content.Start })
		for _, i := range byStart[from:] {
			m := b.mentions[i]
			if m.Span.Start >= q.Content.End {
				break
			}
			if m.Span.End <= q.Content.End {
				if id := b.ownerOf(i); id != 0 && id != g.Speaker && !containsID(g.About, id) {
					g.About = append(g.About, id)
				}
			}
		}
		if g.Text != "" {
			out = append(out, g)
		}
	}
	return out
}

// mentionsByStart returns the indexes of the builder's mentions ordered by
// start offset.
func (b *builder) mentionsByStart() []int {
	idx := make([]int, len(b.mentions))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool { return b.mentions[idx[x]].Span.Start < b.mentions[idx[y]].Span.Start })
	return idx
}
