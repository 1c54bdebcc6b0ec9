package extract

import (
	"strings"
	"unicode"

	"dateline/graph"
)

// restatedMinWords and restatedOverlap decide when a quote repeats an
// earlier one of the same article. Web copy often runs its opening
// paragraph again further down ("Moreover, Macron informed that Russian
// President Putin has assured him …" and later "Moreover, Macron informed
// that Putin has assured him …"): a reader sees one statement listed twice.
// The repeat must share at least restatedOverlap of its words with the
// first (word bags, so an inserted title does not split them) and be long
// enough that two short, different statements ("We will win") cannot be
// taken for one by chance.
const (
	restatedMinWords = 6
	restatedOverlap  = 0.85
	// restatedWindow bounds how many of a speaker's earlier statements a
	// quote is compared with (the latest ones), so that a transcript of
	// thousands of turns by one speaker stays linear in its length; an
	// article of ordinary size has far fewer statements per speaker.
	restatedWindow = 64
)

// dropRestated removes the quotes that restate an earlier quote of the
// same article: the same speaker (the same entity, or the same words for
// an unlinked one), the same said-on day and nearly the same words. The
// first occurrence is kept, so the statement stays traceable to where the
// article first gives it. A quote is compared only with the latest
// restatedWindow statements of its own speaker.
func dropRestated(qs []graph.Quote) []graph.Quote {
	if len(qs) < 2 {
		return qs
	}
	// kept is a statement already listed. Its word bag is built when a
	// later quote of its speaker, day and length first needs it: most
	// quotes have no such rival, and the bags were this step's whole cost.
	type kept struct {
		text  string
		words map[string]int
		n     int
		date  string
	}
	bagOf := func(k *kept) map[string]int {
		if k.words == nil {
			k.words = wordBag(k.text)
		}
		return k.words
	}
	bySpeaker := map[speaker][]*kept{}
	out := qs[:0]
	for _, q := range qs {
		key := speakerKey(q)
		this := &kept{text: q.Text, n: wordCount(q.Text), date: q.Date.String()}
		repeat := false
		if this.n >= restatedMinWords {
			prev := bySpeaker[key]
			for _, k := range prev[max(0, len(prev)-restatedWindow):] {
				// Bags of n and m words share at most min(n, m) of
				// the larger's: only lengths that close can overlap
				// enough.
				if k.date != this.date || k.n < restatedMinWords ||
					float64(min(k.n, this.n)) < restatedOverlap*float64(max(k.n, this.n)) {
					continue
				}
				if bagOverlap(bagOf(this), this.n, bagOf(k), k.n) >= restatedOverlap {
					repeat = true
					break
				}
			}
		}
		if repeat {
			continue
		}
		bySpeaker[key] = append(bySpeaker[key], this)
		out = append(out, q)
	}
	return out
}

// speaker names a quote's speaker for dropRestated: its entity when
// linked, else its words as written.
type speaker struct {
	id   graph.ID
	text string
}

// speakerKey returns q's speaker.
func speakerKey(q graph.Quote) speaker {
	if q.Speaker != 0 {
		return speaker{id: q.Speaker}
	}
	return speaker{text: strings.ToLower(strings.TrimSpace(q.SpeakerText))}
}

// notWordRune separates words: anything but a letter or a digit.
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// wordBag counts the lower-cased words (runs of letters and digits) of s.
func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, w := range strings.FieldsFunc(s, notWordRune) {
		bag[strings.ToLower(w)]++
	}
	return bag
}

// wordCount counts the words of s as wordBag does, without the bag.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := !notWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// bagOverlap is the share of the larger bag's words that the two bags have
// in common (multiset intersection over the larger size), so that a short
// quote inside a much longer one is not a restatement of it.
func bagOverlap(a map[string]int, na int, b map[string]int, nb int) float64 {
	common := 0
	for w, c := range a {
		common += min(c, b[w])
	}
	return float64(common) / float64(max(na, nb))
}
