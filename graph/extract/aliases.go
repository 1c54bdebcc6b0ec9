package extract

import (
	"slices"
	"strings"

	"dateline/graph"
)

// Biographies and profiles give a person's other names where they first
// name them: "Jenna Nicole Mourey (born September 15, 1986), better known
// by her pseudonym Jenna Marbles", "Ichiyō Higuchi … was a pen name of
// Japanese author Natsu Higuchi, also known as Natsuko Higuchi", "Marilyn
// Monroe (born Norma Jeane Mortenson)". The names share no surname, or
// share it with different first names, so no spelling rule joins them; the
// sentence does. Once joined, the surname or the first name alone finds
// the one person ("Mourey", "Jenna", "Higuchi").

// aliasCues end the words between a name and its alias; a cue ending in
// "of" may have a description before the alias ("a pen name of Japanese
// author Natsu Higuchi").
var aliasCues = [][]string{
	{"also", "known", "as"}, {"better", "known", "as"}, {"known", "as"}, {"born", "as"}, {"born"},
	{"née"}, {"nee"}, {"aka"}, {"a.k.a."}, {"formerly"}, {"real", "name"},
	{"pseudonym"}, {"pen", "name"}, {"stage", "name"}, {"nickname"},
	{"pseudonym", "of"}, {"pen", "name", "of"}, {"stage", "name", "of"},
	{"also", "called"}, {"nicknamed"}, {"dubbed"}, {"known", "professionally", "as"}, {"self-identified", "as"},
}

// aliasStems are in every cue: a between text without one is no alias,
// whatever else it holds, and costs no more than this look.
var aliasStems = []string{"known", "born", "née", "nee", "aka", "a.k.a.", "formerly", "name", "pseudonym",
	"nickname", "called", "dubbed", "identified"}

// aliasLead are the words that may come before a cue: "Natsu Higuchi,
// also known as", "X was a pen name of", "better known by her pseudonym".
var aliasLead = map[string]bool{"was": true, "is": true, "a": true, "the": true, "or": true, "by": true,
	"his": true, "her": true, "their": true, "better": true, "known": true}

// joinAliases joins each person to the alias the sentence gives right
// after the name (see above). It runs on the article's people after their
// full names are joined, before the one-word names are.
func (b *builder) joinAliases() {
	text := b.text
	prev := -1
	for i, m := range b.mentions {
		if m.Kind != graph.Person || b.locals[b.owner[i]].kind != graph.Person {
			continue
		}
		if prev >= 0 && b.mentions[prev].Sentence == m.Sentence && b.mentions[prev].Span.End <= m.Span.Start &&
			aliasBetween(text[b.mentions[prev].Span.End:m.Span.Start]) {
			a, c := b.rootIndex(b.owner[prev]), b.rootIndex(b.owner[i])
			if a != c && !b.locals[a].dropped && !b.locals[c].dropped {
				b.locals[c].into = a
			}
		}
		prev = i
	}
}

// joinNativeNames joins a name and its name in another language given in
// brackets right after it: "The Chatham Islands (Rekohu in the
// indigenous Moriori language)", "Aotearoa (Māori: ...)". The bracketed
// name, which the tagger types as it can, is the first one's.
func (b *builder) joinNativeNames() {
	text := b.text
	for i := 0; i+1 < len(b.mentions); i++ {
		m1, m2 := b.mentions[i], b.mentions[i+1]
		if m1.Sentence != m2.Sentence || m2.Span.Start < m1.Span.End || m2.Span.Start-m1.Span.End > 40 {
			continue
		}
		after := text[m2.Span.End:min(len(text), m2.Span.End+80)]
		if !nativeName(text[m1.Span.End:m2.Span.Start], after) {
			continue
		}
		a, c := b.rootIndex(b.owner[i]), b.rootIndex(b.owner[i+1])
		if a == c || b.locals[a].dropped || b.locals[c].dropped || b.locals[a].kind == graph.Misc {
			continue
		}
		b.locals[c].into = a
		for _, k := range b.locals[c].mention {
			b.mentions[k].Kind = b.locals[a].kind
		}
	}
}

// nativeName reports whether the text between two names and after the
// second makes the second the first's name in another language: "
// (" before it and "in the … language" after it, or " (Moriori: "
// before it.
func nativeName(between, after string) bool {
	between = strings.TrimSpace(between)
	if between == "(" {
		words := strings.Fields(after)
		for i, w := range words {
			if i > 5 {
				break
			}
			if i > 0 && strings.HasPrefix(w, "language") && words[0] == "in" {
				return true
			}
			if strings.ContainsAny(w, ")") {
				break
			}
		}
		return false
	}
	lang, ok := strings.CutPrefix(between, "(")
	lang, colon := strings.CutSuffix(strings.TrimSpace(lang), ":")
	return ok && colon && lang != "" && !strings.ContainsAny(lang, " ,;") && startsUpper(lang)
}

// joinIslandPlurals joins the plural short form of an archipelago's name
// to the name: "the Chathams" are the Chatham Islands, "the Falklands"
// the Falkland Islands, whatever kind the tagger gave the short form.
func (b *builder) joinIslandPlurals() {
	for _, l := range b.locals {
		stem, ok := strings.CutSuffix(l.key, "s")
		if !ok || l.into >= 0 || l.dropped || l.geo != nil || len(stem) < 4 || strings.Contains(stem, " ") {
			continue
		}
		for j, o := range b.locals {
			if o.kind == graph.Place && o.into < 0 && !o.dropped && o.key == stem+" islands" {
				l.into = j
				for _, k := range l.mention {
					b.mentions[k].Kind = graph.Place
				}
				break
			}
		}
	}
}

// joinSlips joins a place's or organisation's long name written once with
// a wrong letter to the name the article writes right elsewhere: "The
// Chatnam Islands" are the Chatham Islands. Only a letter for a letter
// in a name of ten letters or more: "Chatham Island" (one island) and
// "Chatham Islands" stay apart. The right spelling is the one the
// article's names use more ("the Chathams", "Chatham Island").
func (b *builder) joinSlips() {
	// Names of one length that differ in one letter share the key with
	// that letter blanked out: candidates are found through it, so a long
	// article's thousands of names are not compared pair by pair.
	blanked := map[string][]int{}
	eligible := func(l *local) bool {
		return l.into < 0 && !l.dropped && (l.kind == graph.Place || l.kind == graph.Org) && len(l.key) >= 10
	}
	for i, l := range b.locals {
		if eligible(l) {
			for k := range len(l.key) {
				v := l.key[:k] + "\x00" + l.key[k+1:]
				blanked[v] = append(blanked[v], i)
			}
		}
	}
	var cands []int
	for i, l := range b.locals {
		if !eligible(l) {
			continue
		}
		cands = cands[:0]
		for k := range len(l.key) {
			cands = append(cands, blanked[l.key[:k]+"\x00"+l.key[k+1:]]...)
		}
		slices.Sort(cands) // the first fitting name in the article's order, as a scan finds it
		for _, j := range slices.Compact(cands) {
			o := b.locals[j]
			if j == i || o.into >= 0 || o.kind != l.kind || (l.geo != nil && o.geo != nil) || !oneLetterSlip(l.key, o.key) {
				continue
			}
			if wl, wo := slipWords(l.key, o.key); b.mentionsWith(wo) > b.mentionsWith(wl) {
				l.into = j
				break
			}
		}
	}
}

// oneLetterSlip reports whether two names of one length differ in one
// letter only, a letter for a letter ("chatnam", "chatham").
func oneLetterSlip(a, b string) bool {
	diff := 0
	for i := 0; i < len(a) && diff <= 1; i++ {
		if a[i] != b[i] {
			if a[i] < 'a' || a[i] > 'z' || b[i] < 'a' || b[i] > 'z' {
				return false
			}
			diff++
		}
	}
	return diff == 1
}

// slipWords returns the words of two names of one length that differ.
func slipWords(a, b string) (string, string) {
	wa, wb := strings.Fields(a), strings.Fields(b)
	for i := range min(len(wa), len(wb)) {
		if wa[i] != wb[i] {
			return wa[i], wb[i]
		}
	}
	return a, b
}

// mentionsWith counts the article's mentions of names with w in them.
func (b *builder) mentionsWith(w string) int {
	n := 0
	for _, o := range b.locals {
		if strings.Contains(o.key, w) {
			n += len(o.mention)
		}
	}
	return n
}

// rootIndex returns the index of the local entity i was joined to, through
// every join, or i.
func (b *builder) rootIndex(i int) int {
	for b.locals[i].into >= 0 {
		i = b.locals[i].into
	}
	return i
}

// aliasBetween reports whether the text between two names gives the second
// as the first's other name: bracketed asides left out, it is a cue with
// only lead words before it ("), better known by her pseudonym", " (born
// ", " was a pen name of Japanese author ").
func aliasBetween(between string) bool {
	if len(between) > 300 {
		return false
	}
	cue := false
	for _, c := range aliasStems {
		cue = cue || strings.Contains(between, c)
	}
	if !cue {
		return false
	}
	// An aside opened before the first name closes in between ("Higuchi
	// Ichiyō, May 2, 1872 – November 23, 1896) was a pen name of"); asides
	// opened and closed in between go; one still open at the alias stays
	// open ("Marilyn Monroe (born Norma Jeane Mortenson").
	if i := strings.IndexAny(between, ")]"); i >= 0 && !strings.ContainsAny(between[:i], "([") {
		between = between[i+1:]
	}
	var out []rune
	var open []int // where each open bracket's aside starts in out
	for _, r := range between {
		switch {
		case r == '(' || r == '[':
			open = append(open, len(out))
			out = append(out, ' ')
		case (r == ')' || r == ']') && len(open) > 0:
			out = out[:open[len(open)-1]]
			open = open[:len(open)-1]
		default:
			out = append(out, r)
		}
	}
	words := strings.FieldsFunc(strings.ToLower(string(out)), func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == '[' || r == '\n' || r == '\t' || r == ':' || r == ';' || r == '—' || r == '–'
	})
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	for _, cue := range aliasCues {
		for desc := 0; desc <= 2; desc++ {
			end := len(words) - desc
			start := end - len(cue)
			if start < 0 || !slices.Equal(words[start:end], cue) || (desc > 0 && cue[len(cue)-1] != "of") {
				continue
			}
			lead := true
			for _, w := range words[:start] {
				lead = lead && aliasLead[w]
			}
			if lead {
				return true
			}
		}
	}
	return false
}
