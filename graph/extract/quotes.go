package extract

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/quote"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// quotes turns found quotes into graph quotes: the speaker as a local
// entity, the entities named inside the quote, and its date.
//
// It runs in O((q + m) log m) for q quotes and m mentions: the mentions
// inside a quote are found by binary search over the mentions in text
// order, never by a scan of all of them per quote.
func (b *builder) quotes(text string, qs []quote.Quote, dates []timex.Timex, published timeline.Date) []graph.Quote {
	var out []graph.Quote
	byStart := b.mentionsByStart()
	for _, q := range qs {
		g := graph.Quote{SpeakerText: q.SpeakerText, SpeakerSpan: q.Speaker, Cue: q.Cue, Span: q.Content,
			Sentence: q.Sentence, Direct: q.Direct, Date: quoteDate(q, dates, published)}
		if q.SpeakerMention >= 0 {
			g.Speaker = b.entityOf(q.SpeakerMention)
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
				if id := graph.ID(b.final[b.owner[i]] + 1); id != g.Speaker && !containsID(g.About, id) {
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

// quoteDate is the date a statement was made: a day-precise date
// expression in its attribution, next to the cue ("said on Monday"), else
// the article's publication day.
func quoteDate(q quote.Quote, dates []timex.Timex, published timeline.Date) timeline.Date {
	const near = 60 // bytes between the cue and the date expression
	// dates are in text order (timex.Tag): start at the first one that
	// can lie in the quote's sentence.
	from := sort.Search(len(dates), func(i int) bool { return dates[i].Span.Start >= q.Sentence.Start })
	for _, x := range dates[from:] {
		if x.Span.Start >= q.Sentence.End {
			break
		}
		if !x.Anchored() || x.Date.Precision != timeline.Day {
			continue
		}
		if x.Span.Start < q.Sentence.Start || x.Span.End > q.Sentence.End {
			continue
		}
		if x.Span.Start < q.Content.End && x.Span.End > q.Content.Start {
			continue // inside the quoted words: what the quote is about, not when it was said
		}
		d := x.Span.Start - q.CueSpan.End
		if q.CueSpan.End == 0 || d < 0 || d > near {
			continue
		}
		return x.Date
	}
	if published.IsZero() {
		return timeline.Date{}
	}
	return timeline.At(published.Start, timeline.Day)
}
