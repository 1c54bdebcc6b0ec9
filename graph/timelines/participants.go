package timelines

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/event/trigger"
	"dateline/timeline/semeval"
	"dateline/timeline/timex"
)

// window is how many tokens may stand between a target's mention and an
// event trigger it takes part in. Arguments sit next to their predicate
// in news English ("Airbus has won", "the sale of the A380", "Boeing's
// delivery"); further away the trigger is more often another clause's.
const window = 6

// targetSpans returns the byte spans of the text that name the target:
// matches of its aliases, and every mention of an entity the pipeline
// resolved to one of them. A match that is exactly a place the pipeline
// found ("New York" in "New York Stock Exchange") does not count.
func (a *analysed) targetSpans(names []Alias) []graph.Span {
	places := map[graph.Span]bool{}
	for _, m := range a.mentions {
		if m.Kind == graph.Place {
			places[m.Span] = true
		}
	}
	var out []graph.Span
	text := a.doc.Text
	low := strings.ToLower(text)
	keys := map[string]bool{}
	for _, n := range names {
		keys[strings.ToLower(n.Text)] = true
		hay, needle := low, strings.ToLower(n.Text)
		if n.Exact {
			hay, needle = text, n.Text
		}
		for from := 0; ; {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			s := graph.Span{Start: from + i, End: from + i + len(needle)}
			from = s.End
			if !wordBoundary(text, s) || places[s] {
				continue
			}
			out = append(out, s)
		}
	}
	for ei, e := range a.entities {
		match := keys[strings.ToLower(e.Name)]
		for _, al := range e.Aliases {
			match = match || keys[strings.ToLower(al)]
		}
		if !match || e.Kind == graph.Place {
			continue
		}
		for _, m := range a.mentions {
			if m.Entity == graph.Local(ei) {
				out = append(out, m.Span)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// wordBoundary reports whether s starts and ends at word edges.
func wordBoundary(text string, s graph.Span) bool {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
	}
	if s.Start > 0 && isWord(text[s.Start-1]) && isWord(text[s.Start]) {
		return false
	}
	if s.End < len(text) && isWord(text[s.End]) && isWord(text[s.End-1]) {
		return false
	}
	return true
}

// items returns the event mentions of one document the target takes
// part in, each with its date.
func (a *analysed) items(di int, names []Alias) []item {
	spans := a.targetSpans(names)
	if len(spans) == 0 {
		return nil
	}
	var out []item
	for _, sp := range spans {
		si := a.sentenceOf(sp)
		if si < 0 {
			continue
		}
		toks := a.sents[si].Tokens
		first, last := -1, -1
		for i, t := range toks {
			if t.Span.End > sp.Start && t.Span.Start < sp.End {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			continue
		}
		for _, tr := range a.triggers {
			if tr.Sentence != si || tr.Token >= first && tr.Token <= last {
				continue
			}
			dist := first - tr.Token
			if tr.Token > last {
				dist = tr.Token - last
			}
			if dist > window {
				continue
			}
			m, ok := a.mentionOf(tr.Span)
			if !ok {
				continue
			}
			out = append(out, item{mention: m, date: a.dateOf(si, tr), rank: dist, doc: di, offset: tr.Span.Start})
		}
	}
	return out
}

// sentenceOf returns the index of the sentence holding s, or -1.
func (a *analysed) sentenceOf(s graph.Span) int {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].Span.End > s.Start })
	if i < len(a.sents) && a.sents[i].Span.Start <= s.Start {
		return i
	}
	return -1
}

// mentionOf names a trigger the way the task does, by the corpus token
// it starts in: document, the token's sentence number and its text.
func (a *analysed) mentionOf(s graph.Span) (semeval.Mention, bool) {
	toks := a.doc.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > s.Start })
	if i >= len(toks) || toks[i].Span.Start > s.Start {
		return semeval.Mention{}, false
	}
	return semeval.Mention{Doc: a.doc.ID, Sentence: toks[i].Sentence, Word: toks[i].Text}, true
}

// dateOf dates an event: the anchored date expression of its sentence
// nearest to the trigger; else the document's creation time for a verb
// that reports the event as having happened or happening; else none.
func (a *analysed) dateOf(si int, tr trigger.Mention) string {
	sent := a.sents[si].Span
	best, bestDist := "", 1<<30
	for _, x := range a.dates {
		if x.Span.Start < sent.Start || x.Span.End > sent.End || !x.Anchored() || x.Type != timex.Date && x.Type != timex.Time {
			continue
		}
		d := tr.Span.Start - x.Span.End
		if x.Span.Start >= tr.Span.End {
			d = x.Span.Start - tr.Span.End
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = DateString(x.Date), d
		}
	}
	if best != "" {
		return best
	}
	if tr.POS.IsVerb() && tr.Asserted() && (tr.Tense == "PAST" || tr.Tense == "PRESENT" || tr.Tense == "PASTPART") {
		return DateString(a.doc.Created)
	}
	return "XXXX-XX-XX"
}
