package extract

import (
	"strings"

	"dateline/graph"
	"dateline/graph/extract/quote"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// quotes turns found quotes into graph quotes: the speaker as a local
// entity, the entities named inside the quote, and its date.
func (b *builder) quotes(text string, qs []quote.Quote, dates []timex.Timex, published timeline.Date) []graph.Quote {
	var out []graph.Quote
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
		for i, m := range b.mentions {
			if m.Span.Start >= q.Content.Start && m.Span.End <= q.Content.End {
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

// quoteDate is the date a statement was made: a day-precise date
// expression in its attribution, next to the cue ("said on Monday"), else
// the article's publication day.
func quoteDate(q quote.Quote, dates []timex.Timex, published timeline.Date) timeline.Date {
	const near = 60 // bytes between the cue and the date expression
	for _, x := range dates {
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
