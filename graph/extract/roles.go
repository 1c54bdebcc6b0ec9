package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/gazetteer"
	"dateline/graph/extract/segment"
	"dateline/graph/extract/token"
	"dateline/graph/names"
)

// isRoleWord reports whether a token can be part of a title: a title
// ("President") or a title's modifier ("foreign" minister).
func isRoleWord(w string) bool { return names.Is(w, names.Title|names.Modifier) }

// roleFinder reads titles around a person's name:
//
//	French President Emmanuel Macron        → President, France
//	Kremlin leader Vladimir Putin           → leader, Kremlin
//	President of Russia Vladimir Putin      → President, Russia
//	Sergei Lavrov, Russia's foreign minister → foreign minister, Russia
type roleFinder struct {
	gaz  *gazetteer.Table
	text string
	orgs map[int]string // end offset → text of each ORG name the tagger found
	// people holds the start offsets of the people's names found: a title
	// after a name that goes on to another person's name is that
	// person's ("Nikolai Patrushev, Interior Minister Vladimir
	// Kolokoltsev").
	people map[int]bool
}

// role returns the role stated next to the mention at span in sentence s,
// or false.
func (r roleFinder) role(s segment.Sentence, span graph.Span) (graph.Role, bool) {
	toks := s.Tokens
	first, last := -1, -1
	for i, t := range toks {
		if t.Span.Start >= span.Start && t.Span.End <= span.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return graph.Role{}, false
	}
	if role, ok := r.before(toks[:first]); ok {
		return role, true
	}
	if role, ok := r.appositiveBefore(toks[:first], toks[last+1:]); ok {
		return role, true
	}
	return r.after(toks[last+1:])
}

// appositiveBefore reads a title set off before the name by commas: "The
// Home Secretary, Suella Braverman, said", "Russia's foreign minister,
// Sergei Lavrov, told". The title opens the sentence or a clause, or
// follows a verb of saying ("said the Foreign Secretary, Liz Truss."),
// with "the" or a country's or body's possessive before it, and the name
// ends the apposition. "The wife of the President, Olena Zelenska," is
// the wife's: the title does not open its clause.
func (r roleFinder) appositiveBefore(before, after []token.Token) (graph.Role, bool) {
	n := len(before)
	if n < 3 || before[n-1].Text != "," || len(after) > 0 && after[0].Text != "," && after[0].Text != "." {
		return graph.Role{}, false
	}
	i := n - 2
	for i >= 0 && i > n-7 && isRoleWord(before[i].Text) {
		i--
	}
	title := trimRoleEnds(before[i+1 : n-1])
	if !hasTitle(title) || i < 0 || len(title) != n-2-i {
		return graph.Role{}, false
	}
	org := ""
	switch w := before[i].Text; {
	case strings.EqualFold(w, "the"):
	case (w == "'s" || w == "’s") && i >= 1:
		i--
		if org = r.placeName(before[i].Text); org == "" {
			org = r.orgs[before[i].Span.End]
		}
		if org == "" {
			return graph.Role{}, false // "the company's chief executive": whose, the name does not say
		}
	case r.demonym(w) != "" && i >= 1 && strings.EqualFold(before[i-1].Text, "the"):
		org = r.demonym(w)
		i--
	default:
		return graph.Role{}, false
	}
	if i > 0 {
		switch p := before[i-1]; {
		case p.Text == "," || p.Text == ";" || p.Text == ":" || p.Text == "(":
		case saidVerbs[strings.ToLower(p.Text)]:
		default:
			return graph.Role{}, false
		}
	}
	return graph.Role{Title: joinTokens(title), Org: org}, true
}

// saidVerbs may stand right before a speaker's title ("said the Foreign
// Secretary, Liz Truss").
var saidVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true}

// before reads "[Demonym|Country|Org] Title… NAME" and "Title… of Country
// NAME" from the tokens before the name, right to left.
func (r roleFinder) before(toks []token.Token) (graph.Role, bool) {
	end := len(toks) - 1
	// "President of Russia Vladimir Putin": up to three capitalised words
	// that are not titles, after "of", after a title.
	j := end
	for j >= 0 && j > end-3 && startsUpper(toks[j].Text) && !isRoleWord(toks[j].Text) {
		j--
	}
	if j < end && j >= 1 && strings.EqualFold(toks[j].Text, "of") {
		k := j - 1
		for k >= 0 && k > j-6 && isRoleWord(toks[k].Text) {
			k--
		}
		title := trimRoleEnds(toks[k+1 : j])
		if start := nestedTitle(toks, k+1); start < k+1 {
			title = trimRoleEnds(toks[start:j])
		}
		if hasTitle(title) && !someoneElses(toks, k+1) {
			// The country may be followed by a first name the tagger
			// left out ("of Ukraine Volodymyr Zelensky"): take the
			// longest run of words that names a country, else all of
			// them as an organisation.
			org := joinTokens(toks[j+1 : end+1])
			for k := end; k > j; k-- {
				if c := r.placeName(joinTokens(toks[j+1 : k+1])); c != "" {
					org = c
					break
				}
			}
			return graph.Role{Title: joinTokens(title), Org: org}, true
		}
	}
	// "French President Emmanuel Macron", "Kremlin leader Vladimir Putin";
	// not "a spokesman for Sanders", where the name is the one served.
	if end >= 0 && isConnector(toks[end].Text) {
		return graph.Role{}, false
	}
	i := end
	for i >= 0 && i > end-5 && isRoleWord(toks[i].Text) {
		i--
	}
	title := trimRoleEnds(toks[i+1 : end+1])
	if !hasTitle(title) {
		return graph.Role{}, false
	}
	if start := nestedTitle(toks, i+1); start < i+1 {
		return graph.Role{Title: joinTokens(trimRoleEnds(toks[start : end+1]))}, true
	}
	org := ""
	if i >= 0 {
		w := toks[i].Text
		switch {
		case r.demonym(w) != "":
			org = r.demonym(w)
		case r.placeName(w) != "":
			org = r.placeName(w)
		case r.orgs[toks[i].Span.End] != "":
			org = r.orgs[toks[i].Span.End] // an organisation before the title: "Kremlin leader"
		}
	}
	return graph.Role{Title: joinTokens(title), Org: org}, true
}

// after reads ", Russia's foreign minister" after the name.
func (r roleFinder) after(toks []token.Token) (graph.Role, bool) {
	if len(toks) < 3 || toks[0].Text != "," {
		return graph.Role{}, false
	}
	i := 1
	org := ""
	if i+1 < len(toks) && (toks[i+1].Text == "'s" || toks[i+1].Text == "’s") {
		org = r.placeName(toks[i].Text)
		if org == "" {
			org = toks[i].Text
		}
		i += 2
	} else if w := strings.ToLower(toks[i].Text); w == "the" || w == "a" || w == "an" {
		i++
	}
	if i+1 < len(toks) && ordinal(toks[i].Text) {
		i++ // "John FitzGibbon, 2nd Earl of Clare"
	}
	start := i
	for i < len(toks) && i < start+5 && isRoleWord(toks[i].Text) {
		i++
	}
	title := toks[start:i]
	end := i // after the title's last word, its trailing "of" or "for" left out
	for end > start && isConnector(toks[end-1].Text) {
		end--
	}
	if !hasTitle(title) || r.titlesNext(toks[end:]) {
		return graph.Role{}, false
	}
	if org == "" && i+1 < len(toks) && strings.EqualFold(toks[i].Text, "of") {
		org = r.placeName(toks[i+1].Text)
	}
	if org == "" && end+1 < len(toks) && end < i && strings.EqualFold(toks[end].Text, "of") && names.Is(toks[start].Text, names.Title) {
		// "2nd Earl of Clare", the "of" taken as the title's: the
		// capitalised words after it, as written, whose title it is.
		k := end + 1
		for k < len(toks) && capitalisedWord(toks[k]) {
			k++
		}
		org = joinTokens(toks[end+1 : k])
	}
	return graph.Role{Title: joinTokens(trimRoleEnds(title)), Org: org}, true
}

// titlesNext reports whether a person's name follows a title that comes
// after a name, right after it or after its "of" phrase: the title is
// then that person's, as in a list of officials ("Nikolai Patrushev,
// Interior Minister Vladimir Kolokoltsev, Minister of Finance Anton
// Siluanov"). toks are the tokens after the title. "a spokesman for
// Sanders" serves Sanders and stays the name's before it.
func (r roleFinder) titlesNext(toks []token.Token) bool {
	if len(toks) == 0 {
		return false
	}
	if r.people[toks[0].Span.Start] {
		return true
	}
	if !strings.EqualFold(toks[0].Text, "of") {
		return false
	}
	for _, t := range toks[1:] {
		switch {
		case r.people[t.Span.Start]:
			return true
		case t.Text == "the" || t.Text == "and" || startsUpper(t.Text) && t.Class == token.Word:
		default:
			return false
		}
	}
	return false
}

func (r roleFinder) demonym(w string) string {
	if !startsUpper(w) {
		return ""
	}
	code, ok := r.gaz.Demonym(w)
	if !ok {
		return ""
	}
	if e, ok := r.gaz.Country(code); ok {
		return e.Name
	}
	return ""
}

// placeName returns the name of the country a word or phrase names.
func (r roleFinder) placeName(s string) string {
	if !startsUpper(s) {
		return ""
	}
	if e, ok := r.gaz.Entry(s); ok && e.Kind == gazetteer.Country {
		return e.Name
	}
	return ""
}

// someoneElses reports whether the title that starts at toks[start] is
// another person's, whom a noun for someone who is not a title holder
// ties to the name: "Wife of the President of Ukraine Olena Zelenska",
// "Spokesman of the President of Russia Dmitry Peskov".
func someoneElses(toks []token.Token, start int) bool {
	k := start - 1
	if k >= 0 && strings.EqualFold(toks[k].Text, "the") {
		k--
	}
	if k < 1 || !strings.EqualFold(toks[k].Text, "of") {
		return false
	}
	w := toks[k-1].Text
	return names.Is(w, names.PersonNoun) && !names.IsTitle(w)
}

// nestedTitle looks at what comes before a title that starts at
// toks[start]. A title inside "of the …" may be part of a longer one: in
// "Head of the Office of the President of Ukraine Andriy Yermak" the name
// holds the whole title, not "President". It returns where the whole
// title starts, start itself when no title encloses it ("the wife of the
// President Macron").
func nestedTitle(toks []token.Token, start int) int {
	if start < 2 || !strings.EqualFold(toks[start-1].Text, "the") {
		return start
	}
	switch strings.ToLower(toks[start-2].Text) {
	case "of", "to", "for":
	default:
		return start
	}
	// Walk back over the enclosing phrase: title and modifier words,
	// capitalised words, "of" and "the"; its first word must be a title.
	m := start - 3
	for m >= 0 && m > start-14 {
		w := toks[m].Text
		if !isRoleWord(w) && !startsUpper(w) && !strings.EqualFold(w, "of") && !strings.EqualFold(w, "the") {
			break
		}
		if strings.EqualFold(w, "and") && hasTitle(toks[m+1:m+2]) {
			break // "President Volodymyr Zelenskyy and Head of the Office of the President": two people's titles
		}
		m--
	}
	for k := m + 1; k < start-2; k++ {
		if isConnector(toks[k].Text) || strings.EqualFold(toks[k].Text, "the") {
			continue
		}
		if hasTitle(toks[k : k+1]) {
			return k
		}
		break
	}
	return start
}

// hasTitle reports whether a run of role words contains a real title (not
// only "foreign" or "of").
func hasTitle(ts []token.Token) bool {
	for _, t := range ts {
		if (names.IsTitle(t.Text) && !names.IsHonorific(t.Text)) || strings.EqualFold(t.Text, "minister") || strings.EqualFold(t.Text, "secretary") {
			return true
		}
	}
	return false
}

// trimRoleEnds drops connecting words at either end of a title, and a
// form of address before it: "Mr President" holds the role "President".
func trimRoleEnds(ts []token.Token) []token.Token {
	for len(ts) > 0 && (isConnector(ts[0].Text) || len(ts) > 1 && names.IsHonorific(ts[0].Text) && !names.IsHonorific(ts[1].Text)) {
		ts = ts[1:]
	}
	for len(ts) > 0 && isConnector(ts[len(ts)-1].Text) {
		ts = ts[:len(ts)-1]
	}
	return ts
}

func isConnector(w string) bool {
	switch strings.ToLower(w) {
	case "of", "for", "and", "in":
		return true
	}
	return false
}

func joinTokens(ts []token.Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || (r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r))
	}
	return false
}

// ordinal reports whether a word numbers a title's holders: "2nd",
// "1st", "23rd", "Second".
func ordinal(w string) bool {
	switch strings.ToLower(w) {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return strings.Trim(w[:n-2], "0123456789") == ""
	}
	return false
}
