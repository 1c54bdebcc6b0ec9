package quote

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/names"
)

// person is one person of the article: the mentions sharing a surname
// ("Emmanuel Macron", "Macron") and the words that introduce them
// ("French", "President", "Kremlin", "leader").
type person struct {
	mentions []int
	mods     map[string]bool
}

// people groups the article's PERSON mentions by their last word and
// collects the title and nationality words written before each mention
// ("French President Emmanuel Macron") or in an apposition after it
// ("Sergei Lavrov, Russia's foreign minister,").
func (d *doc) people() (map[string]*person, []string) {
	byKey := map[string]*person{}
	var keys []string
	for i, m := range d.mentions {
		r := d.mtok[i]
		if m.Kind != graph.Person || r[0] < 0 {
			continue
		}
		key := d.toks[r[1]-1].lower
		p := byKey[key]
		if p == nil {
			p = &person{mods: map[string]bool{}}
			byKey[key] = p
			keys = append(keys, key)
		}
		p.mentions = append(p.mentions, i)
		a, b := d.sentBounds(d.toks[r[0]].sent)
		for k := r[0] - 1; k >= a && r[0]-k <= 4; k-- {
			t := d.toks[k]
			if t.lower == "of" {
				continue
			}
			if !t.word || !t.upper && !names.Is(t.lower, names.PersonNoun) || determiners[t.lower] {
				break
			}
			p.mods[t.lower] = true
		}
		if r[1] < b && d.toks[r[1]].text == "," {
			for k := r[1] + 1; k < b && k <= r[1]+6; k++ {
				t := d.toks[k]
				if !t.word && t.lower != "'s" && t.lower != "’s" {
					break
				}
				if !determiners[t.lower] {
					p.mods[t.lower] = true
				}
			}
		}
	}
	return byKey, keys
}

// resolveAll sets SpeakerMention on every quote, in the order the speakers
// appear: a name resolves to itself; "he"/"she" to the previous person
// speaker when recent, else to the first person named in the previous
// sentence; "they"/"it" to a recent organisation speaker; a descriptor to
// the one person whose introducing words contain its modifiers. Anything
// else stays -1.
func (d *doc) resolveAll(qs []Quote) {
	byKey, keys := d.people()
	fits := map[string]*person{}
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return qs[order[i]].Speaker.Start < qs[order[j]].Speaker.Start })
	prevPerson, prevOrg := -1, -1
	prevSent := -100
	for _, qi := range order {
		q := &qs[qi]
		if q.Speaker.End <= q.Speaker.Start {
			continue
		}
		a := d.tokAt(q.Speaker.Start)
		b := d.tokAt(q.Speaker.End)
		if a >= len(d.toks) || b <= a {
			continue
		}
		sent := d.toks[a].sent
		m := -1
		last := d.toks[b-1]
		switch {
		case last.ment >= 0:
			if k := d.mentions[last.ment].Kind; k == graph.Person || k == graph.Org {
				m = last.ment
			}
		case b-a == 1 && (last.lower == "he" || last.lower == "she"):
			if prevPerson >= 0 && sent-prevSent <= 4 {
				m = prevPerson
			} else {
				m = d.subjectOf(sent - 1)
			}
		case b-a == 1 && (last.lower == "they" || last.lower == "it"):
			if prevOrg >= 0 && sent-prevSent <= 2 {
				m = prevOrg
			}
		case b-a > 1 || !subjectPronouns[last.lower]:
			m = d.descriptor(a, b, byKey, keys, fits)
		}
		q.SpeakerMention = m
		if m >= 0 {
			prevSent = sent
			if d.mentions[m].Kind == graph.Person {
				prevPerson = m
			} else {
				prevOrg = m
			}
		}
	}
}

// subjectOf returns the first PERSON mention of sentence s, or -1.
func (d *doc) subjectOf(s int) int {
	if s < 0 || s >= len(d.sents) {
		return -1
	}
	a, b := d.sentBounds(s)
	for k := a; k < b; k++ {
		if m := d.toks[k].ment; m >= 0 && d.mentions[m].Kind == graph.Person {
			return m
		}
	}
	return -1
}

// descriptor resolves the noun phrase at tokens [a,b) ("the French
// leader", "his French counterpart", "the Kremlin leader") to the person
// whose introducing words contain all its modifiers, or, with no
// modifiers, its head; -1 unless exactly one person fits. The mention
// returned is that person's last mention before the descriptor (or its
// first). fits memoises the person each word sequence fits, so that the
// cost is one pass over the people per distinct descriptor, not per quote.
func (d *doc) descriptor(a, b int, byKey map[string]*person, keys []string, fits map[string]*person) int {
	var words []string
	for k := a; k < b; k++ {
		t := d.toks[k]
		if !t.word || determiners[t.lower] {
			continue
		}
		words = append(words, strings.TrimSuffix(t.lower, "."))
	}
	if len(words) == 0 {
		return -1
	}
	head, mods := words[len(words)-1], words[:len(words)-1]
	if !names.Is(head, names.PersonNoun) {
		return -1
	}
	memo := strings.Join(words, " ")
	found, ok := fits[memo]
	if !ok {
		found = fitting(head, mods, byKey, keys)
		fits[memo] = found
	}
	if found == nil {
		return -1
	}
	at := d.toks[a].span.Start
	k := sort.Search(len(found.mentions), func(i int) bool { return d.mentions[found.mentions[i]].Span.Start >= at })
	return found.mentions[max(k-1, 0)]
}

// fitting returns the one person whose introducing words contain all of
// mods (or, with none, head), or nil when none or several do.
func fitting(head string, mods []string, byKey map[string]*person, keys []string) *person {
	var found *person
	for _, key := range keys {
		p := byKey[key]
		fits := true
		if len(mods) == 0 {
			fits = p.mods[head]
		}
		for _, w := range mods {
			if !p.mods[w] {
				fits = false
				break
			}
		}
		if fits {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}
