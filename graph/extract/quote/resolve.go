package quote

import (
	"sort"
	"strings"
	"unicode"

	"dateline/graph"
	"dateline/graph/names"
)

// person is one person of the article: the PERSON mentions sharing a
// surname ("Emmanuel Macron", "Macron") and the words that introduce them
// ("French", "President", "Kremlin", "leader"; countries and nationality
// words as "=CC" when Options.Country knows them).
type person struct {
	mentions []int
	mods     map[string]bool
	// heads are the heads of the roles that introduce the person: the
	// title a description must share ("president" for "President of
	// Ukraine Volodymyr Zelenskyy", "head" for "Head of the Office of the
	// President Andriy Yermak", who is no "President").
	heads map[string]bool
}

// speakerRef is what a speaker resolves to, kept while resolving so that
// pronouns can point back to it.
type speakerRef struct {
	ment int          // mention, or -1
	inst *Institution // institution, or nil
}

func (r speakerRef) ok() bool { return r.ment >= 0 || r.inst != nil }

// resolver resolves speakers within one article.
type resolver struct {
	d      *doc
	byKey  map[string]*person
	keys   []string
	fits   map[string]*person
	insts  []instAt // institutions named in the text, in text order; nil until institutions()
	persOf []string // mention → its person's key, "" for non-persons
	// anaphora maps each third-person singular pronoun resolved so far
	// (tokens before resolvedTo) to its person's mention; gender records
	// the gender pronouns have shown for a person's key.
	anaphora   map[int]int
	gender     map[string]byte
	resolvedTo int
	// head is the site's head of state (principal), nil until asked.
	head *person
	// orgEnds lists the organisations named in two words or more by
	// their last word ("times": "the New York Times"), for fullOrg.
	orgEnds map[string][]int
	// authored maps the head token of each document speaker resolved so
	// far ("the summary" at its noun) to its author's mention, so that
	// the next "the summary" takes the same author however far back.
	authored map[int]int
}

// instAt is an institution named in the text, at token tok.
type instAt struct {
	tok  int
	inst Institution
}

// newResolver collects the article's people and the institutions it
// names, in one pass over the mentions and one over the tokens.
func (d *doc) newResolver() *resolver {
	r := &resolver{d: d, byKey: map[string]*person{}, fits: map[string]*person{}, persOf: make([]string, len(d.mentions)), gender: map[string]byte{}}
	for i, m := range d.mentions {
		rg := d.mtok[i]
		if m.Kind != graph.Person || rg[0] < 0 {
			continue
		}
		key := names.Key(d.toks[rg[1]-1].text)
		p := r.byKey[key]
		if p == nil {
			p = &person{mods: map[string]bool{}, heads: map[string]bool{}}
			r.byKey[key] = p
			r.keys = append(r.keys, key)
		}
		p.mentions = append(p.mentions, i)
		if g := d.mentionGender(i); g != 0 {
			// "James B. Comey" makes the later "Comey" a man; a surname
			// shared by a man and a woman tells nothing.
			switch og, seen := r.gender[key]; {
			case !seen:
				r.gender[key] = g
			case og != g:
				r.gender[key] = 0
			}
		}
		r.persOf[i] = key
		for k := rg[0]; k < rg[1]-1 && names.IsTitle(d.toks[k].text); k++ {
			p.mods[d.modWord(k)] = true // a title the tagger kept in the name: "President Putin"
			if !names.IsHonorific(d.toks[k].text) {
				p.heads[names.Key(d.toks[k].text)] = true
			}
		}
		a, b := d.sentBounds(d.toks[rg[0]].sent)
		from := rg[0]
		roleOf := false // inside a role's "of" phrase before the name's comma: "The governor of the Luhansk region, Serhiy Haidai"
		for k := rg[0] - 1; k >= a && rg[0]-k <= 12; k-- {
			t := d.toks[k]
			if roleOf && t.word && !names.Is(t.lower, names.PersonNoun) && !determiners[t.lower] {
				p.mods[d.modWord(k)] = true
				continue
			}
			roleOf = false
			if t.lower == "of" || t.lower == "'s" || t.lower == "’s" || t.lower == "the" && k-1 >= a && d.toks[k-1].lower == "of" {
				continue // "Head of the Office of the President Andriy Yermak"
			}
			if d.roleTo(k, a) {
				continue // "Adviser to the Head of the President's Office Mykhailo Podoliak"
			}
			if (t.lower == "for" || t.text == "-" || t.text == "–" || t.text == "—") && k+1 < rg[0] && d.toks[k+1].upper && k-1 >= a && d.toks[k-1].upper {
				continue // "Deputy Prime Minister - Minister for Reintegration … Iryna Vereshchuk"
			}
			if t.text == "," && k == rg[0]-1 && d.roleBefore(k, a) {
				roleOf = !names.Is(d.toks[k-1].lower, names.PersonNoun)
				continue // "Ukraine's foreign minister, Dmytro Kuleba, said", "The governor of the Luhansk region, Serhiy Haidai, said"
			}
			if !t.word || !t.upper && !names.Is(t.lower, names.PersonNoun|names.Modifier) || determiners[t.lower] {
				break
			}
			p.mods[d.modWord(k)] = true
			from = k
		}
		if h := d.roleHead(from, rg[0]); h >= 0 {
			p.heads[names.Key(d.toks[h].text)] = true
		}
		if p.mods["first"] && p.mods["lady"] || p.heads["wife"] && (p.mods["president"] || d.opts.Site != "") {
			// "First Lady of Ukraine Olena Zelenska" is "the President's
			// wife", and "President Volodymyr Zelenskyy and his wife Olena
			// Zelenska" on the President's site is "the First Lady".
			p.heads["lady"], p.heads["wife"], p.mods["president"], p.mods["first"] = true, true, true, true
		}
		if rg[1] < b && d.toks[rg[1]].text == "," {
			end := rg[1] + 1
			for k := rg[1] + 1; k < b && k <= rg[1]+8; k++ {
				t := d.toks[k]
				if t.lower == "'s" || t.lower == "’s" {
					continue
				}
				if !t.word || t.lower == "who" || t.lower == "which" || isCue(t.lower) && !t.upper {
					break
				}
				if !determiners[t.lower] {
					p.mods[d.modWord(k)] = true
				}
				end = k + 1
			}
			if h := d.roleHead(rg[1]+1, end); h >= 0 {
				p.heads[names.Key(d.toks[h].text)] = true
			}
		}
	}
	return r
}

// roleBefore reports whether the words before the comma at token k, from
// sentence start a, are a role ending there: a person's noun, or one
// followed by its "of" phrase ("The governor of the Luhansk region").
func (d *doc) roleBefore(k, a int) bool {
	for j := k - 1; j >= a && j >= k-7; j-- {
		t := d.toks[j]
		if names.Is(t.lower, names.PersonNoun) {
			return true
		}
		if !t.word || t.lower != "of" && t.lower != "the" && !t.upper && !names.Is(t.lower, names.Modifier) && t.lower != "region" && t.lower != "city" {
			return false
		}
	}
	return false
}

// institutions returns the state institutions named in the text, in text
// order, read on first use: only a description without its country ("the
// ministry") needs them.
func (r *resolver) institutions() []instAt {
	if r.insts != nil {
		return r.insts
	}
	d := r.d
	r.insts = []instAt{}
	for k := range d.toks {
		if !institutionHeads[d.toks[k].lower] || d.inQuote[k] >= 0 {
			continue
		}
		a, b := d.sentBounds(d.toks[k].sent)
		end := d.ofComplement(k+1, b)
		if in, _ := d.institution(max(d.npStart(k, a), a), end); in != nil && (in.Country != "" || in.Seat) {
			r.insts = append(r.insts, instAt{tok: k, inst: *in})
		}
	}
	return r.insts
}

// roleTo reports whether token k, in a role written before a name in the
// sentence starting at a, is the "to" of a role that serves someone ("Adviser
// to the Head of the President's Office", "Envoy to the UN") or the "the"
// after it: the word before "to" is a title, a person's noun or a name's.
func (d *doc) roleTo(k, a int) bool {
	to := k
	if d.toks[k].lower == "the" {
		to = k - 1
	}
	if to-1 < a || d.toks[to].lower != "to" {
		return false
	}
	p := d.toks[to-1]
	return p.word && (p.upper || names.Is(p.lower, names.Title|names.PersonNoun))
}

// roleHead returns the head of the role written at tokens [a,b): the last
// title or person noun before the first "of", "to" or "for" ("Head" in
// "Head of the Office of the President", "adviser" in "an adviser to
// Zelenskiy"), else the last one ("President" in "French President");
// -1 when there is none.
func (d *doc) roleHead(a, b int) int {
	h := -1
	for k := a; k < b; k++ {
		t := d.toks[k]
		if (t.lower == "of" || t.lower == "to" || t.lower == "for") && h >= 0 {
			return h
		}
		if t.word && names.Is(t.text, names.Title|names.PersonNoun) && !names.IsHonorific(t.text) {
			h = k
		}
	}
	return h
}

// ofComplement returns the end (exclusive) of the "of" complement that
// may follow an institution's head at token k, before b: "of Russia",
// "of energy and mines", "of the Interior"; k when there is none.
func (d *doc) ofComplement(k, b int) int {
	if k+1 >= b || d.toks[k].lower != "of" {
		return k
	}
	e := k + 1
	if determiners[d.toks[e].lower] {
		e++
	}
	for n := 0; e < b && n < 5; n++ {
		t := d.toks[e]
		switch {
		case t.ment >= 0 && d.mtok[t.ment][0] == e:
			e = d.mtok[t.ment][1]
			continue
		case t.lower == "and" && n > 0 && e+1 < b && d.toks[e+1].word && !function[d.toks[e+1].lower]:
		case !t.word || function[t.lower] || isCue(t.lower) && !t.upper:
			return max(e, k)
		}
		e++
	}
	return e
}

// mtokEnd returns the token after the mention covering token k, or k+1.
func (d *doc) mtokEnd(k int) int {
	if m := d.toks[k].ment; m >= 0 {
		return d.mtok[m][1]
	}
	return k + 1
}

// institutionHeads are the head nouns of the institution lexicon's
// phrases (the word before "of", else the last: "ministry", "staff",
// "office", "kremlin"), where newResolver looks for institutions named in
// the text.
var institutionHeads = func() map[string]bool {
	m := map[string]bool{}
	for p := range institutionWords {
		f := strings.Fields(p)
		h := f[len(f)-1]
		for i, w := range f {
			if w == "of" && i > 0 {
				h = f[i-1]
				break
			}
		}
		m[h] = true
	}
	return m
}()

// modWord is token k as a descriptor word: lower case, without a
// possessive, and "=CC" for a country or nationality ("Russia's" and
// "Russian" are both "=RU").
func (d *doc) modWord(k int) string {
	if c := d.countryOf(k); c != "" {
		return "=" + c
	}
	return names.Key(d.toks[k].text)
}

// resolveAll resolves every quote's speaker, in the order the speakers
// appear, setting SpeakerMention and Institution:
//
//   - a PERSON or ORG name is itself (an ORG that is a seat such as "the
//     Kremlin" also gets its Institution); a PLACE name stands for its
//     government ("Russia said", "Moscow said");
//   - a description of a state institution is that institution
//     ("Russia's defence ministry"), its country taken from an earlier
//     mention when the words lack one ("the ministry");
//   - "he"/"she" is the previous person speaker when no other person is
//     named between the two (within four sentences, or twelve when no one
//     else is named in the three before), else the subject of the nearest
//     sentence naming a person (up to three sentences back); "it"/"they"
//     the previous organisation, institution or country speaker within
//     three sentences;
//   - a definite description ("the French leader", "the mayor of
//     Mariupol", "Zelenskiy's adviser") is the one person whose
//     introducing words contain its words;
//   - indefinite and plural descriptions ("a senior US official", "an
//     adviser to Zelenskiy", "officials"), first persons and anything else
//     stay unresolved: never guessed.
func (d *doc) resolveAll(qs []Quote) {
	if len(qs) == 0 {
		return
	}
	r := d.newResolver()
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return qs[order[i]].Speaker.Start < qs[order[j]].Speaker.Start })
	var (
		prevPerson, prevOrg         speakerRef
		prevPersonTok, prevOrgTok   = -1, -1
		prevPersonSent, prevOrgSent = -100, -100
		// unnamedTok and unnamedSent place the last speaker who is one
		// person described but not named ("said the woman, who did not
		// want to be quoted by name"): a "she" right after is her.
		unnamedTok, unnamedSent = -1, -100
		unnamedGender           byte
	)
	for _, qi := range order {
		q := &qs[qi]
		if q.readout {
			q.SpeakerMention = r.principal(q.Content.Start) // "It was emphasised that …" in the president's own readout
			continue
		}
		if q.Speaker.End <= q.Speaker.Start {
			continue
		}
		a := d.tokAt(q.Speaker.Start)
		b := d.tokAt(q.Speaker.End-1) + 1
		if a >= len(d.toks) || b <= a || b > len(d.toks) {
			continue
		}
		sent := d.toks[a].sent
		for k := a + 1; k < b; k++ {
			if w := d.toks[k].lower; w == "whose" || w == "who" || w == "which" {
				b = k // "The Romanian hacker whose cyber-mischief first revealed that Hillary Clinton used …": the hacker
				break
			}
		}
		var ref speakerRef
		ref.ment = -1
		last := d.toks[b-1]
		one := b-a == 1
		switch {
		case last.ment >= 0 && d.mtok[last.ment][1] == b && d.mentions[last.ment].Kind == graph.Org && d.orgThenPerson(a, last.ment) > 0:
			// "CEO of the Refugee Council Enver Solomon", the organisation
			// and its officer tagged as one name
			q.Person = d.span(d.orgThenPerson(a, last.ment), b-1).Of(d.text)
		case last.ment >= 0 && d.mtok[last.ment][1] == b && d.titleOnly(last.ment):
			// "The First Lady said", "First Lady" tagged as a name of its
			// own: a description of the one person holding the role
			ref.ment = r.descriptor(a, b)
		case last.ment >= 0 && d.mtok[last.ment][1] == b && d.mentions[last.ment].Kind != graph.Person && d.roleName(last.ment):
			// "the Head of State" tagged as an organisation: a description
			from := d.mtok[last.ment][0]
			if from > 0 && determiners[d.toks[from-1].lower] {
				from-- // "The Head of State": the article before the name makes it definite
			}
			ref.ment = r.descriptor(min(a, from), b)
		case last.ment >= 0 && d.mtok[last.ment][1] == b && (d.mtok[last.ment][0] >= a && d.titlesOnly(a, d.mtok[last.ment][0]) || d.mtok[last.ment][0] < a ||
			d.toks[a].lower == "the" && d.titlesOnly(a+1, d.mtok[last.ment][0])):
			ref = r.named(last.ment, a)
			if !ref.ok() && d.mentions[last.ment].Kind == graph.Misc {
				q.Organisation, q.Person = d.untagged(a, b) // "U.S. Attorney Maya D. Song", "RealClearPolitics" tagged as neither
			}
		case last.ment >= 0 && d.mtok[last.ment][1] == b && d.mentions[last.ment].Kind == graph.Place && d.municipal(a, d.mtok[last.ment][0]):
			ref = r.named(last.ment, a) // "the city of Nice urged": the city's own government
			q.Municipal = true
		case one && (last.lower == "he" || last.lower == "she" || last.lower == "him" || last.lower == "her"):
			switch between := r.personBetween(prevPersonTok, a, prevPerson.ment); {
			case unnamedTok > prevPersonTok && sent-unnamedSent <= 2 && !r.personBetween(unnamedTok, a, -1) &&
				(unnamedGender == 0 || unnamedGender == pronounGender(last.lower)):
				// the unnamed speaker just quoted: left unnamed, never guessed
			case prevPerson.ok() && sent-prevPersonSent <= 4 && !between && r.agrees(prevPerson.ment, last.lower):
				ref = prevPerson
			default:
				ref.ment = r.subjectBefore(a)
				if ref.ment < 0 && prevPerson.ok() && sent-prevPersonSent <= 12 && !between && r.agrees(prevPerson.ment, last.lower) {
					ref = prevPerson // a long statement: no one else named since its speaker
				}
			}
		case one && (last.lower == "it" || last.lower == "they" || last.lower == "them"):
			if prevOrg.ok() && sent-prevOrgSent <= 3 {
				ref = prevOrg
			} else if last.lower != "it" && d.opts.Site != "" {
				ref.ment = r.principal(d.toks[a].span.Start) // "They noted" after the two presidents, in a president's readout
			}
		case one && subjectPronouns[last.lower]:
			// "I", "we", "you": the writer or a quoted speaker, not resolved.
		case last.ment >= 0 && d.mtok[last.ment][1] == b && d.joinedOrg(d.mtok[last.ment][0], a) >= 0:
			o := d.joinedOrg(d.mtok[last.ment][0], a)
			q.Organisation = d.span(o, b-1).Of(d.text)
		default:
			if in, _ := d.institution(a, b); in != nil {
				ref.inst = r.placed(in, a)
				if h := r.headWord(a, b); in.Government() && in.Country == "" && b-a <= 2 && r.definite(a) && (h == "government" || h == "administration") {
					if g := r.lastGovernment(a); g != nil {
						ref.inst = g // "the government said": the last government the article named with its country
					}
				}
			} else if r.definite(a) && r.headWord(a, b) == "ministry" {
				ref.inst = r.lastInstitution(a, "Ministry")
			} else if d.opts.Site != "" && r.definite(a) && bothSides[r.headWord(a, b)] {
				ref.ment = r.principal(d.toks[a].span.Start) // "the two leaders", "The interlocutors": the release's own side first
			} else if ref.ment = r.descriptor(a, b); ref.ment < 0 {
				ref.ment = r.behind(a, b)
				if ref.ment < 0 {
					q.Organisation, q.Person = d.untagged(a, b) // a name the tagger missed
				}
				if ref.ment < 0 && r.definite(a) && companyNouns[r.headWord(a, b)] && prevOrg.ment >= 0 && sent-prevOrgSent <= 6 &&
					d.mentions[prevOrg.ment].Kind == graph.Org && prevOrg.inst == nil {
					ref = prevOrg // "The company said", after Verizon spoke
				}
			}
		}
		q.SpeakerMention, q.Institution = ref.ment, ref.inst
		if !ref.ok() {
			if !one && q.Organisation == "" && q.Person == "" && r.singlePerson(a, b) {
				unnamedTok, unnamedSent, unnamedGender = b, sent, nounGender(d.toks[b-1].lower)
			}
			continue
		}
		if ref.ment >= 0 && d.mentions[ref.ment].Kind == graph.Person {
			prevPerson, prevPersonTok, prevPersonSent = ref, b, sent
		} else {
			prevOrg, prevOrgTok, prevOrgSent = ref, b, sent
		}
	}
	_ = prevOrgTok
}

// untagged reads a speaker at tokens [a,b) that is a name the tagger did
// not find: an organisation's when its last word names one ("The Greek
// Orthodox Church") or it is one word with capitals inside
// ("RealClearPolitics"); a person's when a title or a first name opens
// it ("General Suleiman al-Amr", "Maya D. Song"). It returns the name as
// written, or "".
func (d *doc) untagged(a, b int) (org, person string) {
	k := a
	if d.toks[k].lower == "the" {
		k++
	}
	if k >= b || b-k > 8 {
		return "", ""
	}
	for j := k; j < b; j++ {
		t := d.toks[j]
		if t.ment >= 0 && d.mentions[t.ment].Kind != graph.Misc || !t.word && t.text != "." && t.text != "&" && t.text != "-" ||
			t.word && !t.upper && t.lower != "of" && t.lower != "and" && !particlesOfNames[t.lower] {
			return "", ""
		}
	}
	last := d.toks[b-1]
	switch {
	case orgHeads[last.lower] && b-k >= 2 && b-k <= 5 && !names.IsTitle(d.toks[k].text) && !names.Is(d.toks[k].lower, names.PersonNoun):
		// "The Greek Orthodox Church", "The Islamic State"; "the Secretary
		// of State" is a person described
		return d.span(a, b-1).Of(d.text), ""
	case b-k == 1 && camel(last.text):
		return last.text, ""
	}
	titled := a > 0 && names.IsTitle(d.toks[a-1].text) && d.toks[a-1].sent == d.toks[a].sent // "General Suleiman al-Amr"
	addressed := false
	// The name follows the last title or form of address among the words:
	// "U.S. Attorney Maya D. Song", "Undersecretary for Education Mr.
	// Toccafondi".
	for j := b - 1; j > k; j-- {
		if w := d.toks[j-1].text; names.IsTitle(w) || names.Is(d.toks[j-1].lower, names.PersonNoun) || w == "." && j-2 >= k && names.IsHonorific(d.toks[j-2].text) {
			k, titled, addressed = j, true, names.IsHonorific(w) || w == "."
			break
		}
	}
	if k < b && d.toks[k].text == "." {
		k++
	}
	if n := b - k; (n >= 2 || n == 1 && addressed) && n <= 4 && (titled || names.FirstNameGender(d.toks[k].text) != 0) {
		return "", d.span(k, b-1).Of(d.text)
	}
	return "", ""
}

// orgThenPerson returns the token where a person's name starts inside the
// organisation's name mention m, or 0: the speaker at a is an officer of
// the organisation ("CEO of the Refugee Council Enver Solomon", "the head
// of the Civil Defense Authority Suleiman al-Amr"), the name goes on after
// the organisation's head noun with two or three capitalised words, none
// of them another head.
func (d *doc) orgThenPerson(a, m int) int {
	k := a
	if determiners[d.toks[k].lower] {
		k++
	}
	from, to := d.mtok[m][0], d.mtok[m][1]
	if k >= from || !names.Is(d.toks[k].lower, names.PersonNoun) && !names.IsTitle(d.toks[k].text) || d.toks[from-1].lower != "of" && d.toks[from-1].lower != "the" {
		return 0
	}
	for h := from + 1; h < to-1; h++ {
		if !orgHeads[d.toks[h].lower] {
			continue
		}
		n := 0
		for j := h + 1; j < to; j++ {
			if !d.toks[j].upper && d.toks[j].text != "." || orgHeads[d.toks[j].lower] {
				return 0
			}
			if d.toks[j].word {
				n++
			}
		}
		if n >= 2 && n <= 3 {
			return h + 1
		}
		return 0
	}
	return 0
}

// municipal reports whether the words at tokens [a,m) before a place's
// name make it a town's own authority: "the city of", "the town of",
// "the municipality of" (the city of Nice urged people to …). A place
// named bare ("Kharkiv said") may be its people or its services, and is
// no speaker.
func (d *doc) municipal(a, m int) bool {
	if m-a < 2 || m-a > 3 || d.toks[m-1].lower != "of" {
		return false
	}
	k := a
	if determiners[d.toks[k].lower] {
		k++
	}
	return k == m-2 && townNouns[d.toks[k].lower]
}

// townNouns head the descriptions of a town that speaks as its authority.
var townNouns = map[string]bool{"city": true, "town": true, "municipality": true, "village": true, "borough": true}

// bothSides head the descriptions of both parties to a conversation in a
// president's readout: "the two leaders", "the interlocutors".
var bothSides = map[string]bool{"leaders": true, "presidents": true, "interlocutors": true, "sides": true, "parties": true,
	"heads": true, "counterparts": true}

// particlesOfNames are the lower-case words inside people's names.
var particlesOfNames = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "van": true, "von": true, "de": true,
	"da": true, "di": true, "du": true, "la": true, "le": true, "der": true, "den": true, "dos": true, "das": true}

// orgHeads are the last words of organisations' names.
var orgHeads = map[string]bool{"church": true, "party": true, "institute": true, "agency": true, "association": true,
	"union": true, "council": true, "committee": true, "foundation": true, "network": true, "group": true, "times": true,
	"post": true, "journal": true, "news": true, "company": true, "corporation": true, "inc": true, "bank": true,
	"university": true, "college": true, "authority": true, "commission": true, "organization": true, "organisation": true,
	"center": true, "centre": true, "fund": true, "federation": true, "league": true, "board": true, "society": true,
	"herald": true, "gazette": true, "tribune": true, "magazine": true, "watch": true, "project": true, "alliance": true,
	"state": true, "front": true, "brigade": true, "army": true, "movement": true}

// camel reports whether a word has capitals inside ("RealClearPolitics",
// "PolitiFact"), a name rather than a sentence's first word.
func camel(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// singlePerson reports whether the description at tokens [a,b) is one
// person: its head, the last word, is a person's noun in the singular
// ("the woman", "a middle-aged cashier", "the bureau's director").
func (r *resolver) singlePerson(a, b int) bool {
	h := r.d.toks[b-1].lower
	return names.Is(h, names.PersonNoun) || h == "woman" || h == "man" || h == "girl" || h == "boy" || h == "resident" || h == "worshiper"
}

// nounGender returns the gender a person's noun tells ("sister" 'f',
// "father" 'm'), 0 for the others.
func nounGender(w string) byte {
	switch w {
	case "woman", "girl", "sister", "mother", "wife", "daughter", "grandmother", "aunt", "niece", "widow", "actress", "congresswoman", "spokeswoman", "chairwoman":
		return 'f'
	case "man", "boy", "brother", "father", "husband", "son", "grandfather", "uncle", "nephew", "widower", "actor", "congressman", "spokesman", "chairman":
		return 'm'
	}
	return 0
}

// companyNouns head a definite description of the organisation that
// spoke last: "the company said", "the agency said".
var companyNouns = map[string]bool{"company": true, "firm": true, "agency": true, "bureau": true, "newspaper": true,
	"network": true, "corporation": true, "carrier": true, "airline": true, "bank": true}

// behind returns the person or organisation behind a speaker that is
// their office or a document, at tokens [a,b), or -1: "Powell's office"
// is Powell; "an FBI summary of its investigation" the FBI; "the
// summary", "the statement", "the order" the author of the last document
// of that name the article attributed ("In his order, Curiel noted",
// "Powell's office released a statement", "a memorandum issued by the
// agency").
func (r *resolver) behind(a, b int) int {
	d := r.d
	h := -1
	for k := a; k < b; k++ {
		if linkPreps[d.toks[k].lower] {
			break
		}
		h = k
	}
	if h < 0 {
		return -1
	}
	head := d.toks[h].lower
	if head == "office" && h-2 >= a && (d.toks[h-1].lower == "'s" || d.toks[h-1].lower == "’s") {
		if m := d.toks[h-2].ment; m >= 0 && d.mentions[m].Kind == graph.Person {
			return m
		}
		return -1
	}
	if !docNouns[head] {
		return -1
	}
	for k := a; k < h; k++ {
		if m := d.toks[k].ment; m >= 0 && (d.mentions[m].Kind == graph.Org || d.mentions[m].Kind == graph.Person) {
			if r.authored == nil {
				r.authored = map[int]int{}
			}
			r.authored[h] = m
			return m // "an FBI summary", "Obama's statement"
		}
	}
	if !r.definite(a) {
		return -1
	}
	m := r.author(head, a)
	if m >= 0 {
		if r.authored == nil {
			r.authored = map[int]int{}
		}
		r.authored[h] = m
	}
	return m
}

// maxAuthor is how many sentences back "the order", "the statement" look
// for the document they name: a judge's order may be quoted again a dozen
// sentences after "In his order, Curiel noted".
const maxAuthor = 16

// author returns the author of the last document called noun named before
// token at, within maxAuthor sentences: the name that owns it ("Curiel's
// order", "In his order, Curiel noted" through the sentence's subject),
// the name after "from" or "by" ("a statement from Powell's office"),
// or the subject of the sentence that names it ("Powell's office
// released a statement"); -1 when none.
func (r *resolver) author(noun string, at int) int {
	d := r.d
	s := d.toks[at].sent
	for back := 0; back <= maxAuthor && s-back >= 0; back++ {
		sa, sb := d.sentBounds(s - back)
		if back == 0 {
			sb = at
		}
		for k := sb - 1; k >= sa; k-- {
			if d.toks[k].lower != noun || d.inQuote[k] >= 0 {
				continue
			}
			if m, ok := r.authored[k]; ok {
				return m // "according to the summary" credited before
			}
			if k-2 >= sa && (d.toks[k-1].lower == "'s" || d.toks[k-1].lower == "’s") && d.toks[k-2].ment >= 0 {
				return d.toks[k-2].ment
			}
			if m := d.toks[max(k-1, 0)].ment; k > sa && m >= 0 && d.mtok[m][1] == k && (d.mentions[m].Kind == graph.Org || d.mentions[m].Kind == graph.Person) {
				return m // "the FBI summary", "the Kremlin statement"
			}
			for n := k + 1; n+1 < sb && n <= k+3; n++ {
				if l := d.toks[n].lower; l == "from" || l == "by" {
					if m := d.toks[n+1].ment; m >= 0 {
						return m
					}
					if n+2 < sb && d.toks[n+1].lower == "the" && d.toks[n+2].ment >= 0 {
						return d.toks[n+2].ment
					}
				}
			}
			for j := sa; j < k; j++ {
				if d.inQuote[j] >= 0 {
					continue
				}
				if m := d.toks[j].ment; m >= 0 && d.mtok[m][0] == j && (d.mentions[m].Kind == graph.Person || d.mentions[m].Kind == graph.Org) && !d.afterPreposition(j, sa) {
					return m
				}
			}
			if p := d.toks[k-1].lower; k > sa && (p == "his" || p == "her" || p == "its" || p == "their") && k+2 < sb && d.toks[k+1].text == "," {
				// "In his order, Curiel noted": the subject after the fronted phrase
				if m := d.toks[k+2].ment; m >= 0 && d.mtok[m][0] == k+2 && (d.mentions[m].Kind == graph.Person || d.mentions[m].Kind == graph.Org) {
					return m
				}
			}
			return -1
		}
	}
	return -1
}

// fullOrg returns, for an organisation named by one word that ends the
// name of one named earlier ("the Times" after "the New York Times",
// "Post" after "The Washington Post"), that earlier mention; else m. The
// names are indexed by their last word once, so each look-up is a binary
// search.
func (r *resolver) fullOrg(m int) int {
	d := r.d
	rg := d.mtok[m]
	if rg[0] >= 0 && rg[1]-rg[0] == 2 && d.toks[rg[0]].lower == "the" {
		rg[0]++ // "The Times"
	}
	if rg[0] < 0 || rg[1]-rg[0] != 1 {
		return m
	}
	if r.orgEnds == nil {
		r.orgEnds = map[string][]int{}
		for i, mm := range d.mentions {
			if g := d.mtok[i]; mm.Kind == graph.Org && g[0] >= 0 && g[1]-g[0] >= 2 {
				w := d.toks[g[1]-1].lower
				r.orgEnds[w] = append(r.orgEnds[w], i)
			}
		}
	}
	list := r.orgEnds[d.toks[rg[0]].lower]
	k := sort.Search(len(list), func(i int) bool { return d.mentions[list[i]].Span.Start >= d.mentions[m].Span.Start }) - 1
	if k < 0 || d.toks[d.mtok[list[k]][0]].lower == "the" && d.mtok[list[k]][1]-d.mtok[list[k]][0] == 2 {
		return m
	}
	return list[k]
}

// roleName reports whether name mention m is a person's role rather than
// a name ("Head of State", "Prime Minister"): its first word is a title
// or a person's noun and it names no institution.
func (d *doc) roleName(m int) bool {
	r := d.mtok[m]
	if !names.Is(d.toks[r[0]].text, names.Title|names.PersonNoun) || names.IsHonorific(d.toks[r[0]].text) {
		return false
	}
	in, _ := d.institution(r[0], r[1])
	return in == nil
}

// named resolves a speaker that is the name mention m, written from token
// a (a title may precede it): a PERSON or ORG is itself, an ORG that names
// a state institution ("Kremlin", "Defence Ministry") also gets it, with
// the country written before it ("Russia's Defence Ministry"); a PLACE
// stands for its government; other names resolve to nothing.
func (r *resolver) named(m, a int) speakerRef {
	d := r.d
	ref := speakerRef{ment: -1}
	switch d.mentions[m].Kind {
	case graph.Person:
		ref.ment = m
	case graph.Org:
		ref.ment = r.fullOrg(m)
		rg := d.mtok[m]
		from := rg[0]
		s, _ := d.sentBounds(d.toks[rg[0]].sent)
		if k := from - 1; k >= s && (d.toks[k].lower == "'s" || d.toks[k].lower == "’s") && k-1 >= s && d.countryOf(k-1) != "" {
			from = k - 1 // "Russia's Defence Ministry"
		} else if k >= s && d.countryOf(k) != "" {
			from = k // "the Russian Defence Ministry"
		}
		if in, _ := d.institution(from, rg[1]); in != nil {
			ref.inst = r.placed(in, a)
		}
	case graph.Place:
		ref.ment = m
		if c := d.countryOf(d.mtok[m][0]); c != "" {
			ref.inst = &Institution{Country: c}
		}
	}
	return ref
}

// placed completes an institution whose words did not give its country
// ("the defence ministry said") with the country of the last institution
// of the same name named before token a; without one it stays as found.
func (r *resolver) placed(in *Institution, a int) *Institution {
	if in.Country != "" || in.Seat || in.Name == "" {
		return in
	}
	if prev := r.lastInstitution(a, in.Name); prev != nil && prev.Name == in.Name {
		return prev
	}
	return in
}

// lastGovernment returns the last country's government named before
// token a ("the UK government", "the Russian government"), for "the
// government" written without its country, or nil.
func (r *resolver) lastGovernment(a int) *Institution {
	insts := r.institutions()
	k := sort.Search(len(insts), func(i int) bool { return insts[i].tok >= a })
	for i := k - 1; i >= 0 && i >= k-50; i-- {
		if in := insts[i].inst; in.Government() && in.Country != "" {
			return &in
		}
	}
	return nil
}

// lastInstitution returns the last institution with a country named
// before token a whose name contains word ("Ministry" for "the
// ministry"), or nil.
func (r *resolver) lastInstitution(a int, word string) *Institution {
	insts := r.institutions()
	k := sort.Search(len(insts), func(i int) bool { return insts[i].tok >= a })
	for i := k - 1; i >= 0 && i >= k-50; i-- {
		in := insts[i].inst
		if strings.Contains(in.Name, word) && (in.Country != "" || in.Seat) {
			return &in
		}
	}
	return nil
}

// definite reports whether the description starting at token a is
// definite: "the …" or a possessive, not "a …", "one …", "officials".
func (r *resolver) definite(a int) bool {
	switch r.d.toks[a].lower {
	case "the", "his", "her", "its", "their", "this", "that":
		return true
	}
	for k := a; k < len(r.d.toks) && k <= a+4; k++ {
		if l := r.d.toks[k].lower; l == "'s" || l == "’s" {
			return true
		}
	}
	return false
}

// headWord returns the head of the description at tokens [a,b): the last
// word before a preposition ("mayor" in "the mayor of Mariupol"), else
// the last word.
func (r *resolver) headWord(a, b int) string {
	h := b - 1
	for k := a + 1; k < b; k++ {
		if linkPreps[r.d.toks[k].lower] {
			h = k - 1
			break
		}
	}
	return names.Key(r.d.toks[h].text)
}

// personBetween reports whether a person other than the one of mention
// prev is named outside quotation marks between tokens from and to.
func (r *resolver) personBetween(from, to, prev int) bool {
	d := r.d
	if from < 0 {
		return true
	}
	key := ""
	if prev >= 0 {
		key = r.persOf[prev]
	}
	for k := from; k < to && k < len(d.toks); k++ {
		m := d.toks[k].ment
		if m < 0 || d.inQuote[k] >= 0 || d.mentions[m].Kind != graph.Person {
			continue
		}
		if r.persOf[m] != key {
			return true
		}
		k = d.mtok[m][1] - 1
	}
	return false
}

// subjectBefore returns the person a "he" or "she" at token a most likely
// refers to (see antecedents), or -1.
func (r *resolver) subjectBefore(a int) int {
	r.antecedents(a)
	if m, ok := r.anaphora[a]; ok {
		return m
	}
	return -1
}

// antecedents resolves, in text order, every "he", "she", "him" and "her"
// outside quotation marks up to token upto, each to the person it most
// likely refers to:
//
//   - a person named as a subject earlier in its own sentence (not after a
//     preposition, and followed by a verb or a comma: "After Putin met
//     Macron, he said"; not "In a meeting with Putin, he stated");
//   - else, going back sentence by sentence (at most maxBack), the first
//     person that sentence speaks of: a name not after a preposition, or a
//     pronoun of the same gender already resolved (so that "he" goes on
//     meaning the same man across a paragraph); a name whose gender the
//     article has shown to differ is passed over;
//   - else, in the nearest of those sentences naming a person, its first.
//
// Each pronoun looks back a bounded number of sentences, so the cost is
// linear in the text.
func (r *resolver) antecedents(upto int) {
	d := r.d
	if r.anaphora == nil {
		r.anaphora = map[int]int{}
	}
	for k := r.resolvedTo; k <= upto && k < len(d.toks); k++ {
		g := pronounGender(d.toks[k].lower)
		if g == 0 || d.inQuote[k] >= 0 {
			continue
		}
		if m := r.antecedent(k, g); m >= 0 {
			r.anaphora[k] = m
			if key := r.persOf[m]; key != "" {
				if _, seen := r.gender[key]; !seen {
					r.gender[key] = g
				}
			}
		}
	}
	r.resolvedTo = max(r.resolvedTo, upto+1)
}

// maxBack is how many sentences a pronoun looks back for its person.
const maxBack = 8

// pronounGender returns 'm' for "he"/"him", 'f' for "she"/"her", else 0.
func pronounGender(w string) byte {
	switch w {
	case "he", "him":
		return 'm'
	case "she", "her":
		return 'f'
	}
	return 0
}

// agrees reports whether the person of mention m can be the pronoun p:
// their gender, when known, is the pronoun's.
func (r *resolver) agrees(m int, p string) bool {
	g := pronounGender(p)
	if m < 0 || g == 0 {
		return true
	}
	og := r.genderOf(m)
	return og == 0 || og == g
}

// genderOf returns the gender known for the person of mention m: its own
// first name's ("Gabriela Violeta Lazar" is a woman even when "Lazar"
// also names her husband), else the one pronouns or first names have
// shown for its key; 0 when unknown.
func (r *resolver) genderOf(m int) byte {
	if g := r.d.mentionGender(m); g != 0 {
		return g
	}
	if r.gender == nil {
		return 0
	}
	return r.gender[r.persOf[m]]
}

// mentionGender returns the gender a person mention's first name or form
// of address tells ("James B. Comey", "Ms Buchtmann"), 0 when none.
func (d *doc) mentionGender(m int) byte {
	rg := d.mtok[m]
	if rg[0] < 0 {
		return 0
	}
	k := rg[0]
	if k > 0 && names.IsHonorific(d.toks[k-1].text) {
		k--
	}
	for ; k < rg[1]-1; k++ {
		switch names.Key(d.toks[k].text) {
		case "mr", "sir", "lord", "monsieur":
			return 'm'
		case "mrs", "ms", "miss", "madam", "madame", "dame", "lady":
			return 'f'
		}
		if d.toks[k].text == "." || names.IsTitle(d.toks[k].text) {
			continue
		}
		return names.FirstNameGender(d.toks[k].text)
	}
	return 0
}

// antecedent resolves the pronoun of gender g at token a (see
// antecedents); -1 when none.
func (r *resolver) antecedent(a int, g byte) int {
	d := r.d
	s := d.toks[a].sent
	fallback := -1
	for back := 0; back <= maxBack && s-back >= 0; back++ {
		sa, sb := d.sentBounds(s - back)
		if back == 0 {
			sb = a
		}
		first := -1
		for k := sa; k < sb; k++ {
			if d.inQuote[k] >= 0 {
				continue
			}
			if pg := pronounGender(d.toks[k].lower); pg != 0 {
				if back > 0 && pg == g && (d.toks[k].lower == "he" || d.toks[k].lower == "she") {
					if m, ok := r.anaphora[k]; ok {
						return m // the same person as the subject pronoun before
					}
				}
				continue
			}
			m := d.toks[k].ment
			if m < 0 || d.mentions[m].Kind != graph.Person || d.mtok[m][0] != k {
				continue
			}
			k = d.mtok[m][1] - 1
			if og := r.genderOf(m); og != 0 && og != g {
				continue // "she" is not the man named before
			}
			if first < 0 {
				first = m
			}
			if d.afterPreposition(d.mtok[m][0], sa) {
				continue
			}
			if n := d.afterOfPlace(d.mtok[m][1], sb); n < sb {
				nt := d.toks[n]
				if nt.text == "," || nt.word && !nt.upper && !notVerb[nt.lower] {
					return m
				}
			}
			if back > 0 {
				return m
			}
		}
		if back > 0 && first >= 0 && fallback < 0 {
			fallback = first
		}
	}
	return fallback
}

// afterOfPlace returns the token after an "of" phrase of capitalised
// words that may follow a subject's name, where the verb is ("Stacy Baker
// of Columbia, South Carolina says she …"), or n itself when none follows
// it; at most to.
func (d *doc) afterOfPlace(n, to int) int {
	if n >= to || d.toks[n].lower != "of" {
		return n
	}
	k := n + 1
	for k < to && (d.toks[k].word && d.toks[k].upper || d.toks[k].text == "," && k+1 < to && d.toks[k+1].upper) {
		k++
	}
	if k == n+1 {
		return n
	}
	return k
}

// afterPreposition reports whether the name starting at token k follows a
// preposition or "and", past its title words ("with Kremlin leader
// Vladimir Putin", "and Macron"): an object, not a subject.
func (d *doc) afterPreposition(k, sa int) bool {
	for j := k - 1; j >= sa && j >= k-5; j-- {
		t := d.toks[j]
		if t.word && (names.Is(t.text, names.Title|names.PersonNoun|names.Modifier) || t.upper && (d.countryOf(j) != "" || t.ment >= 0)) {
			continue
		}
		switch t.lower {
		case "with", "to", "for", "by", "from", "of", "in", "at", "on", "against", "about", "between", "and", "or", "than", "like":
			return true
		}
		return false
	}
	return false
}

// descriptor resolves the description at tokens [a,b) ("the French
// leader", "his French counterpart", "the mayor of Mariupol", "Zelenskiy's
// adviser", "the Head of State") to the person whose introducing words
// contain all its words, or, when it has only its head, its head; -1
// unless the description is definite and exactly one person fits. The
// mention returned is that person's last mention before the description
// (or its first). Results are memoised by words, so the cost is one pass
// over the people per distinct description.
func (r *resolver) descriptor(a, b int) int {
	d := r.d
	if !r.definite(a) {
		return -1
	}
	var words []string
	head, headTok := -1, b-1
	for k := a; k < b; k++ {
		t := d.toks[k]
		if !t.word || determiners[t.lower] || t.lower == "'s" || t.lower == "’s" {
			continue
		}
		if linkPreps[t.lower] {
			if head < 0 && len(words) > 0 {
				head, headTok = len(words)-1, k-1
			}
			continue
		}
		words = append(words, d.modWord(k))
	}
	if len(words) == 0 {
		return -1
	}
	if head < 0 {
		head = len(words) - 1
	}
	h := words[head]
	if h == "head" && head+1 < len(words) && (words[head+1] == "state" || words[head+1] == "government") {
		h, words = "president", append(words[:head:head], "president") // "the Head of State"
		head = len(words) - 1
	}
	if !names.Is(h, names.PersonNoun) || peoplePlural(d.toks[headTok].lower) && !names.Is(d.toks[headTok].lower, names.PersonNoun) {
		return -1 // not a person, or several: "officials", "the leaders"
	}
	mods := append(append([]string(nil), words[:head]...), words[head+1:]...)
	if h == "president" && d.opts.Site != "" && onlySite(mods, d.opts.Site) {
		if m := r.principal(d.toks[a].span.Start); m >= 0 {
			return m // "The President of Russia noted" in a Kremlin readout
		}
	}
	memo := h + "|" + strings.Join(mods, " ")
	found, ok := r.fits[memo]
	if !ok {
		found = r.fitting(h, mods)
		r.fits[memo] = found
	}
	at := d.toks[a].span.Start
	if found == nil {
		found = r.salient(h, mods, at)
	}
	if found == nil {
		found = r.headNamed(h, mods)
	}
	if found == nil {
		return -1
	}
	k := sort.Search(len(found.mentions), func(i int) bool { return d.mentions[found.mentions[i]].Span.Start >= at })
	if k == 0 {
		return -1 // first named after the description: "The foreign minister added" is not the Lavrov of the next sentence
	}
	return found.mentions[k-1]
}

// headNamed returns, for "the Russian president", "the US president" or
// "the Ukrainian leader" (head "president" or "leader" and one country
// among the words), that country's head of state on the publication day
// when the article names them (the heads table of readout.go); nil
// otherwise. News introduces a president by name alone ("Joe Biden
// announced …") and goes on with "the US president said".
func (r *resolver) headNamed(h string, mods []string) *person {
	d := r.d
	if h != "president" && h != "leader" || d.opts.Published.IsZero() {
		return nil
	}
	cc := ""
	for _, m := range mods {
		if strings.HasPrefix(m, "=") {
			if cc != "" && m[1:] != cc {
				return nil
			}
			cc = m[1:]
		} else if m != "the" {
			return nil // "the former president", "the party leader": not the head of state
		}
	}
	if cc == "" {
		return nil
	}
	for _, key := range headOfState(cc, d.opts.Published.Start.Format("2006-01-02")) {
		if p := r.byKey[key]; p != nil {
			return p
		}
	}
	return nil
}

// onlySite reports whether the words of a description name no country but
// the site's: "the President", "the President of Russia" on the Kremlin's
// site.
func onlySite(mods []string, site string) bool {
	for _, w := range mods {
		if strings.HasPrefix(w, "=") && w != "="+site {
			return false
		}
		if !strings.HasPrefix(w, "=") && w != "of" && w != "the" {
			return false
		}
	}
	return true
}

// principal returns the mention, the last before offset at (or the
// first), of the head of state whose office publishes the text
// (Options.Site) on its publication day (headOfState); -1 without a
// site, or when the text does not name them.
func (r *resolver) principal(at int) int {
	d := r.d
	if d.opts.Site == "" || d.opts.Published.IsZero() {
		return -1
	}
	if r.head == nil {
		r.head = &person{}
		for _, key := range headOfState(d.opts.Site, d.opts.Published.Start.Format("2006-01-02")) {
			if p := r.byKey[key]; p != nil {
				r.head = p
				break
			}
		}
	}
	if len(r.head.mentions) == 0 {
		return -1
	}
	k := sort.Search(len(r.head.mentions), func(i int) bool { return d.mentions[r.head.mentions[i]].Span.Start >= at })
	return r.head.mentions[max(k-1, 0)]
}

// salient returns, when several people fit a description, the one named
// before offset at at least twice as often as any other that fits (the
// article's president when it also names another): the person the
// writer can call "the President" without ambiguity; nil otherwise.
func (r *resolver) salient(head string, mods []string, at int) *person {
	d := r.d
	var best *person
	bestN, second := 0, 0
	for _, key := range r.keys {
		p := r.byKey[key]
		if !fits(p, head, mods) {
			continue
		}
		n := sort.Search(len(p.mentions), func(i int) bool { return d.mentions[p.mentions[i]].Span.Start >= at })
		switch {
		case n > bestN:
			best, bestN, second = p, n, bestN
		case n > second:
			second = n
		}
	}
	if best == nil || bestN < 2*second || bestN == 0 {
		return nil
	}
	return best
}

// fits reports whether a person's introducing words contain all of mods
// and the head of one of their roles is head; "leader", "counterpart"
// and the like fit any role.
func fits(p *person, head string, mods []string) bool {
	if !p.heads[head] && !(genericHeads[head] && len(p.heads) > 0) {
		return false
	}
	if len(mods) == 0 {
		return true
	}
	for _, w := range mods {
		if !p.mods[w] && !(strings.HasSuffix(w, "al") && p.mods[strings.TrimSuffix(w, "al")]) {
			return false // "the regional governor" fits "the governor of the Luhansk region"
		}
	}
	return true
}

// genericHeads describe a person by any role: "the French leader" is
// President Macron, "his Russian counterpart" is President Putin.
var genericHeads = map[string]bool{"leader": true, "counterpart": true, "official": true, "politician": true}

// fitting returns the one person whose introducing words contain all of
// mods (or, with none, head), or nil when none or several do.
func (r *resolver) fitting(head string, mods []string) *person {
	var found *person
	for _, key := range r.keys {
		p := r.byKey[key]
		if fits(p, head, mods) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}
