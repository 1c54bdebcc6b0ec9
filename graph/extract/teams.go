package extract

import (
	"slices"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
)

// A match report names national teams by their country: "Sweden 1 – 0
// Korea Republic", "Tunisia lost 1 – 2 to England". There "England" is a
// team, not the country, and joining it to the country of every other
// article would put a football team's goals into England's record. A
// country or region written beside a score in an article is, in that
// article, its team: an organisation named "Sweden national team" (or
// "England team"), which resolution keeps apart from the place (the name
// is not the place's) and joins to the team of other match reports.
// Cities stay places: "Boston" beside a score is the Red Sox, whose
// name the article gives.

// nationalTeams turns the article's countries written beside a score into
// their national teams.
func (b *builder) nationalTeams(sents []segment.Sentence) {
	var teams []int
	for i, m := range b.mentions {
		li := b.owner[i]
		for b.locals[li].into >= 0 {
			li = b.locals[li].into
		}
		l := b.locals[li]
		if l.dropped || l.geo == nil || l.geo.Feature == "city" || slices.Contains(teams, li) {
			continue
		}
		if s := sentenceAt(sents, m.Sentence); s >= 0 && besideScore(sents[s].Tokens, m.Span) {
			teams = append(teams, li)
		}
	}
	byCountry := map[string]int{} // country code → its team's local
	for _, li := range teams {
		l := b.locals[li]
		if l.geo.Feature == "country" && l.geo.Country != "" {
			byCountry[l.geo.Country] = li
		}
		name := bestName(l.names, l.counts)
		if l.geo.Name != "" {
			name = l.geo.Name
		}
		team := name + " national team"
		if l.geo.Feature != "country" {
			team = name + " team" // England, Scotland; Texas in college football
		}
		l.kind, l.geo, l.names, l.counts = graph.Org, nil, []string{team}, []int{1}
		for j, o := range b.locals {
			if j != li && b.rootIndex(j) == li {
				o.title = true // its names ("England", "the English") are the country's, not the team's
			}
		}
		for k, m := range b.mentions {
			if b.rootIndex(b.owner[k]) == li {
				m.Kind = graph.Org
				b.mentions[k] = m
			}
		}
	}
	if len(byCountry) == 0 {
		return
	}
	// "The Belgians" in the report of Belgium's match are the team.
	for _, l := range b.locals {
		if l.into >= 0 || l.dropped || l.kind != graph.Misc {
			continue
		}
		name := bestName(l.names, l.counts)
		if !pluralDemonym(b.gaz, name) {
			continue
		}
		code, _ := b.gaz.Demonym(name)
		if team, ok := byCountry[code]; ok {
			l.into = team
			for _, m := range l.mention {
				b.mentions[m].Kind = graph.Org
			}
		}
	}
}

// sentenceAt returns the index of the sentence with span sp, or -1.
func sentenceAt(sents []segment.Sentence, sp graph.Span) int {
	lo, hi := 0, len(sents)
	for lo < hi {
		mid := (lo + hi) / 2
		if sents[mid].Span.Start < sp.Start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(sents) && sents[lo].Span == sp {
		return lo
	}
	return -1
}

// besideScore reports whether a score ("1 – 0", "3-0") is written right
// before or after a name, one word apart at most: "Sweden 1 – 0",
// "defeated Panama 3 – 0", "lost 1 – 2 to England".
func besideScore(toks []token.Token, span graph.Span) bool {
	first, last := tokenRange(toks, span)
	if first < 0 {
		return false
	}
	for gap := 0; gap <= 1; gap++ {
		if at := last + 1 + gap; at < len(toks) && scoreFrom(toks[at:]) > 0 && (gap == 0 || toks[last+1].Class == token.Word) {
			return true
		}
		if end := first - 1 - gap; end >= 0 && scoreTo(toks[:end+1]) && (gap == 0 || toks[first-1].Class == token.Word) {
			return true
		}
	}
	return false
}

// scoreFrom returns how many tokens the score at the start of ts takes,
// or 0.
func scoreFrom(ts []token.Token) int {
	if len(ts) > 0 && isScoreToken(ts[0].Text) {
		return 1
	}
	if len(ts) > 2 && goals(ts[0].Text) && isDash(ts[1].Text) && goals(ts[2].Text) {
		return 3
	}
	return 0
}

// scoreTo reports whether ts ends with a score.
func scoreTo(ts []token.Token) bool {
	n := len(ts)
	return n > 0 && isScoreToken(ts[n-1].Text) || n > 2 && goals(ts[n-3].Text) && isDash(ts[n-2].Text) && goals(ts[n-1].Text)
}

// isScoreToken reports whether one token is a score: "3-0", "1–2".
func isScoreToken(w string) bool {
	for _, d := range []string{"-", "–", "—"} {
		if a, b, ok := strings.Cut(w, d); ok && goals(a) && goals(b) {
			return true
		}
	}
	return false
}

// goals reports whether a word is a team's goals in a score: one or two
// digits.
func goals(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }
