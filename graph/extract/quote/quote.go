package quote

import (
	"sort"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
)

// Quote is one attributed statement found in a text. All spans are byte
// offsets into the text given to Find.
type Quote struct {
	// Content is the words quoted or reported. For a direct quote it lies
	// inside the quotation marks (marks excluded); a quote split by its
	// attribution ("We will do everything," he added, "to find
	// compromises") is one Quote whose Content spans both parts.
	Content graph.Span
	// Parts lists the pieces of Content when it is interrupted by an
	// attribution or runs over several paragraphs; one part otherwise.
	Parts []graph.Span
	// Cue is the cue verb or phrase as written: "said", "added",
	// "according to", ":"; "" when a quote continues an attributed one
	// without a cue of its own.
	Cue     string
	CueSpan graph.Span
	// Direct is true for words in quotation marks.
	Direct bool
	// Speaker is the speaker mention in the text: a name, a descriptor
	// ("the French leader") or a pronoun ("he"); zero when none was found.
	Speaker     graph.Span
	SpeakerText string
	// SpeakerMention is the index, in the mentions given to Find, of the
	// PERSON or ORG name the speaker resolves to, or -1 when unresolved.
	SpeakerMention int
	// Sentence spans the sentences the quote touches, first to last.
	Sentence graph.Span
	// Nested are the attributions inside Content: someone whose words
	// the speaker reports (Putin noted that Macron had not mentioned …).
	// They are part of this statement, not statements of their own.
	Nested []Nested
}

// Nested is an attribution inside another quote's content: its cue and
// its speaker, with Speaker, SpeakerText and SpeakerMention as in Quote.
type Nested struct {
	Cue            string
	CueSpan        graph.Span
	Speaker        graph.Span
	SpeakerText    string
	SpeakerMention int
}

// Find returns the quotes of text in content order. sents are text's
// sentences (segment.Split) and mentions its names (ner.Tagger.Tag) in text
// order. Find is deterministic, safe for concurrent use, and never panics
// on any input, including sentences and mentions whose spans do not fit
// text (they are ignored).
func Find(text string, sents []segment.Sentence, mentions []ner.Mention) []Quote {
	d := newDoc(text, sents, mentions)
	if len(d.toks) == 0 {
		return nil
	}
	segs := scanMarks(text)
	var out []Quote
	out = d.direct(segs, out)
	out = d.reported(segs, out)
	out = d.transcripts(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Content.Start != out[j].Content.Start {
			return out[i].Content.Start < out[j].Content.Start
		}
		return out[i].Content.End < out[j].Content.End
	})
	d.resolveAll(out)
	for i := range out {
		out[i].Sentence = d.sentenceHull(out[i])
		out[i].SpeakerText = out[i].Speaker.Of(text)
	}
	out = nested(out)
	return out
}

// nested drops the quotes whose content lies inside another quote's
// content: a partial quote inside a reported statement (Putin said some
// ideas were "realistic"), the words of someone a speaker reports (Putin
// noted that Macron had not mentioned …), a second cue for the same clause
// ("he stated that …" and "he told …"). Each is one statement, the outer
// one, whose content keeps the inner words with their negation and
// modality. qs must be sorted by content start, then end; one sweep keeps
// the quote reaching furthest so far, so the cost is linear.
func nested(qs []Quote) []Quote {
	out := qs[:0]
	reach := -1 // index in out of the kept quote whose content ends furthest
	for _, q := range qs {
		if reach >= 0 && out[reach].Content.Start <= q.Content.Start && q.Content.End <= out[reach].Content.End && !out[reach].Direct {
			r := &out[reach]
			if q.Speaker != r.Speaker && q.Speaker.End > q.Speaker.Start && q.Speaker.Start >= r.Content.Start && q.Speaker.End <= r.Content.End {
				r.Nested = append(r.Nested, Nested{Cue: q.Cue, CueSpan: q.CueSpan, Speaker: q.Speaker, SpeakerText: q.SpeakerText, SpeakerMention: q.SpeakerMention})
			}
			continue
		}
		out = append(out, q)
		if reach < 0 || q.Content.End > out[reach].Content.End {
			reach = len(out) - 1
		}
	}
	return out
}
