package quote

import (
	"strings"

	"dateline/graph"
)

// statedBy finds the official releases' attribution after the words: a
// sentence "This was stated by President Volodymyr Zelenskyy in an
// address …" credits the sentence before it, whole, to the person named
// after "by". The words are reported speech unless they are a quote of
// their own (then direct finds them).
func (d *doc) statedBy(out []Quote) []Quote {
	for s := 1; s < len(d.sents); s++ {
		a, b := d.sentBounds(s)
		if b-a < 5 || !d.lineContinues(a) {
			continue
		}
		if l := d.toks[a].lower; l != "this" && l != "that" && l != "these" && l != "it" {
			continue
		}
		k := a + 1
		for k < b && (d.toks[k].lower == "was" || d.toks[k].lower == "were" || d.toks[k].lower == "has" || d.toks[k].lower == "been" || isAdverb(d.toks[k]) || d.toks[k].lower == "also") {
			k++
		}
		if k == a+1 || k+2 >= b || !isCue(d.toks[k].lower) && !byCues[d.toks[k].lower] || d.toks[k+1].lower != "by" {
			continue
		}
		sp := d.byAgent(k+2, b)
		if !sp.ok() {
			continue
		}
		pa, pb := d.sentBounds(s - 1)
		if isMark(d.toks[pa].text) || d.inQuote[pa] >= 0 || pb-pa < 4 {
			continue
		}
		e := d.trimEnd(pa, pb)
		q := d.reportedQuote(pa, e, k, sp)
		out = append(out, q)
	}
	return out
}

// byCues are the past participles of "This was X by" that are no cues of
// their own: "This was announced by", "This was emphasized by".
var byCues = map[string]bool{"emphasized": true, "emphasised": true, "stressed": true, "announced": true, "reported": true,
	"noted": true, "said": true, "stated": true, "declared": true, "underlined": true, "underscored": true}

// lineContinues reports whether token a, the start of a sentence, follows
// the sentence before on the same paragraph.
func (d *doc) lineContinues(a int) bool {
	return a > 0 && !strings.Contains(d.text[d.toks[a-1].span.End:d.toks[a].span.Start], "\n\n")
}

// byAgent returns the agent after "by" at token k, before b: the first
// person named in the phrase (past titles: "Adviser to the Head of the
// President's Office Mykhailo Podoliak"), or else the first organisation.
func (d *doc) byAgent(k, b int) speaker {
	org := speaker{}
	for n := k; n < b && n <= k+16; n++ {
		t := d.toks[n]
		if t.ment >= 0 && d.mtok[t.ment][0] == n {
			switch d.mentions[t.ment].Kind {
			case graph.Person:
				return d.mentionSpeaker(n)
			case graph.Org:
				if !org.ok() {
					org = d.mentionSpeaker(n)
				}
			}
			n = d.mtok[t.ment][1] - 1
			continue
		}
		if t.lower == "in" || t.lower == "during" || t.lower == "at" || t.lower == "on" || t.text == "," {
			break
		}
	}
	return org
}

// readouts finds the agentless passives of a head of state's own readout
// ("It was emphasised once again that Kiev is only imitating a
// negotiating process", "Attention was drawn to the weapons being sent to
// Ukraine"): in the press releases of a president's office (Options.Site)
// they state the president's side, and are credited to the president
// (principal). Elsewhere a passive names no one and is left out.
func (d *doc) readouts(out []Quote) []Quote {
	if d.opts.Site == "" {
		return out
	}
	for s := range d.sents {
		a, b := d.sentBounds(s)
		if b-a < 6 {
			continue
		}
		k := a
		switch {
		case d.toks[a].lower == "it" && (d.toks[a+1].lower == "was" || d.toks[a+1].lower == "has"):
			k = a + 2
			for k < b && (d.toks[k].lower == "been" || isAdverb(d.toks[k]) || d.toks[k].lower == "also" || d.toks[k].lower == "once" || d.toks[k].lower == "again") {
				k++
			}
			if k+1 >= b || !readoutCues[d.toks[k].lower] {
				continue
			}
			p := k + 1
			for p < b && (d.toks[p].lower == "once" || d.toks[p].lower == "again" || d.toks[p].lower == "also") {
				p++
			}
			if p >= b || d.toks[p].lower != "that" {
				continue
			}
			out = append(out, d.readoutQuote(p+1, b, k))
		case d.toks[a].lower == "attention" && d.toks[a+1].lower == "was" && d.toks[a+2].lower == "drawn" && d.toks[a+3].lower == "to":
			out = append(out, d.readoutQuote(a+4, b, a+2))
		}
	}
	return out
}

// readoutCues are the verbs of a readout's agentless passives.
var readoutCues = map[string]bool{"emphasised": true, "emphasized": true, "stressed": true, "noted": true, "underlined": true,
	"underscored": true, "pointed": true, "reaffirmed": true, "reiterated": true, "stated": true, "said": true}

// readoutQuote builds the quote of a readout passive: content from token p
// to the end of the sentence before b, cue at token c, credited to the
// site's principal by resolveAll.
func (d *doc) readoutQuote(p, b, c int) Quote {
	e := d.clauseEnd(p, d.trimEnd(p, b))
	content := d.span(p, max(p, e))
	return Quote{Content: content, Parts: []graph.Span{content}, Cue: d.toks[c].text, CueSpan: d.toks[c].span,
		SpeakerMention: -1, readout: true}
}

// SiteCountry returns the ISO code of the country whose head of state
// publishes an article, from its source name or address ("Kremlin.ru",
// "en.kremlin.ru" → "RU"; "President of Ukraine", "president.gov.ua" →
// "UA"), for Options.Site; "" for any other source.
func SiteCountry(source, url string) string {
	s, u := strings.ToLower(source), strings.ToLower(url)
	for _, site := range presidencies {
		if strings.Contains(u, site.host) || s == site.name || strings.Contains(s, site.host) {
			return site.country
		}
	}
	return ""
}

// presidencies are the heads of state's sites whose releases Dateline
// reads: their host, their name as a source, their country.
var presidencies = []struct{ host, name, country string }{
	{"kremlin.ru", "kremlin", "RU"},
	{"president.gov.ua", "president of ukraine", "UA"},
	{"whitehouse.gov", "the white house", "US"},
	{"elysee.fr", "elysee", "FR"},
}

// heads lists who was head of state of a site's country from which day
// (YYYY-MM-DD, to the next row's day), by the surname keys a text may
// spell (names.Key forms). A release's "the President" is the head of
// state on its publication day.
var heads = []struct {
	country, from string
	surnames      []string
}{
	{"RU", "2000-05-07", []string{"putin"}},
	{"RU", "2008-05-07", []string{"medvedev"}},
	{"RU", "2012-05-07", []string{"putin"}},
	{"UA", "2014-06-07", []string{"poroshenko"}},
	{"UA", "2019-05-20", []string{"zelenskyy", "zelensky", "zelenskiy", "zelenskyi"}},
	{"US", "2009-01-20", []string{"obama"}},
	{"US", "2017-01-20", []string{"trump"}},
	{"US", "2021-01-20", []string{"biden"}},
	{"US", "2025-01-20", []string{"trump"}},
	{"FR", "2012-05-15", []string{"hollande"}},
	{"FR", "2017-05-14", []string{"macron"}},
}

// headOfState returns the surname keys of the head of state of country on
// day (YYYY-MM-DD), nil when the table does not say.
func headOfState(country, day string) []string {
	var out []string
	for _, h := range heads {
		if h.country == country && h.from <= day {
			out = h.surnames
		}
	}
	return out
}
