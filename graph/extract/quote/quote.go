package quote

import (
	"sort"
	"strings"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/timeline"
	"dateline/timeline/timex"
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
	// name the speaker resolves to, or -1: a PERSON or ORG, or a PLACE
	// that speaks for its government ("Russia said", "Moscow said").
	SpeakerMention int
	// Institution is set when the speaker is a state institution: a seat
	// ("the Kremlin", with SpeakerMention its name), a body of a state
	// described rather than named ("Russia's defence ministry", "the
	// ministry"), or a government ("the Russian government", or a PLACE
	// speaker that is a country). Nil otherwise.
	Institution *Institution
	// Organisation is set when the speaker is an organisation whose name
	// the tagger found in two pieces ("the Institute for the Study of
	// War" as "Institute" and "Study of War") or missed ("The Greek
	// Orthodox Church", "RealClearPolitics"): the whole name as written,
	// for an organisation entity of that name. "" otherwise.
	Organisation string
	// Person is set when the speaker is a person whose name the tagger
	// missed ("General Suleiman al-Amr"): the name as written, titles
	// left out, for a person entity of that name. "" otherwise.
	Person string
	// Municipal is set when the speaker is a town speaking as its own
	// authority ("the city of Nice urged"), SpeakerMention the town's
	// name: the town is the speaker, where a town named bare ("Kharkiv
	// said") may be its people or its services and is no one.
	Municipal bool
	// Sentence spans the sentences the quote touches, first to last.
	Sentence graph.Span
	// Date is the day the words were said, to the precision the text
	// gives; DateFromPublication marks the publication day used because
	// nothing in the text says otherwise. Zero without Options.Dates and
	// Options.Published.
	Date                timeline.Date
	DateFromPublication bool
	// Nested are the attributions inside Content: someone whose words
	// the speaker reports (Putin noted that Macron had not mentioned …).
	// They are part of this statement, not statements of their own.
	Nested []Nested
	// readout marks an agentless passive of a president's own readout
	// ("It was emphasised that …"), credited to the site's principal.
	readout bool
}

// Nested is an attribution inside another quote's content: its cue and
// its speaker, with Speaker, SpeakerText and SpeakerMention as in Quote.
type Nested struct {
	Cue            string
	CueSpan        graph.Span
	Speaker        graph.Span
	SpeakerText    string
	SpeakerMention int
	Institution    *Institution
}

// Options give Find what it cannot know from the text alone.
type Options struct {
	// Country returns the ISO 3166-1 alpha-2 code of the country a word or
	// name stands for ("Russia", "Russian", "US" → "RU", "RU", "US"), or
	// "" for any other word. Find uses it to give a state institution its
	// country ("Russia's defence ministry") and to match descriptors to
	// the people they describe ("Russia's foreign minister" = "Russian
	// Foreign Minister Sergei Lavrov"). Nil leaves institutions without a
	// country and compares nationality words as written.
	Country func(word string) string
	// Dates are the text's time expressions (timex.Tag, normalised against
	// the publication day) and Published the publication day: FindWith
	// dates each quote with them (Quote.Date). Without either, quotes
	// carry no date.
	Dates     []timex.Timex
	Published timeline.Date
	// Site is the ISO code of the country whose head of state publishes
	// the text (the Kremlin's or the Ukrainian president's releases; see
	// SiteCountry), "" for news. In such a release "the President of
	// Russia", "the Head of State" and the agentless passives of a
	// readout ("It was emphasised that …") are the president's: the head
	// of state of that country on the publication day, when the release
	// names them.
	Site string
}

// Find returns the quotes of text in content order, with no options. See
// FindWith.
func Find(text string, sents []segment.Sentence, mentions []ner.Mention) []Quote {
	return FindWith(text, sents, mentions, Options{})
}

// FindWith returns the quotes of text in content order. sents are text's
// sentences (segment.Split) and mentions its names (ner.Tagger.Tag) in
// text order. FindWith is deterministic, safe for concurrent use when
// opts.Country is, and never panics on any input, including sentences and
// mentions whose spans do not fit text (they are ignored). Its cost is
// linear in the length of the text.
func FindWith(text string, sents []segment.Sentence, mentions []ner.Mention, opts Options) []Quote {
	d := newDoc(text, sents, mentions)
	d.opts = opts
	if len(d.toks) == 0 {
		return nil
	}
	segs := scanMarks(text)
	var out []Quote
	out = d.direct(segs, out)
	out = d.reported(segs, out)
	out = d.statedBy(out)
	out = d.readouts(out)
	out = d.transcripts(out)
	out = d.bareQuotes(out)
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
	d.dateAll(out)
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
		if reach >= 0 && out[reach].Content.Start <= q.Content.Start && q.Content.End <= out[reach].Content.End && !out[reach].Direct &&
			relays(out[reach], q) {
			out[reach] = q // "According to the Independent Journal, Apple has stated it will not fund …": Apple's words
			continue
		}
		if reach >= 0 && out[reach].Content.Start <= q.Content.Start && q.Content.End <= out[reach].Content.End && !out[reach].Direct {
			r := &out[reach]
			if q.Speaker != r.Speaker && q.Speaker.End > q.Speaker.Start && q.Speaker.Start >= r.Content.Start && q.Speaker.End <= r.Content.End {
				r.Nested = append(r.Nested, Nested{Cue: q.Cue, CueSpan: q.CueSpan, Speaker: q.Speaker, SpeakerText: q.SpeakerText, SpeakerMention: q.SpeakerMention, Institution: q.Institution})
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

// relays reports whether the outer quote r only relays the words of the
// inner quote q: r is "according to" a source or what a source reported,
// and q's attribution opens r's words ("According to the Philippine Star,
// Salceda said …", "The Times reported that Clinton told investigators
// …"). The statement is then q's.
func relays(r, q Quote) bool {
	switch strings.ToLower(r.Cue) {
	case "according to", "reported", "reports", "reporting":
	default:
		return false
	}
	if q.Speaker.End <= q.Speaker.Start || q.Speaker.Start < r.Content.Start || !relayed[strings.ToLower(q.Cue)] {
		return false // "According to the FBI summary, Mills asked the employee to delete emails" is the summary's account
	}
	return q.Speaker.Start-r.Content.Start <= 60 // "that" and a title may come first: "Democratic presidential nominee Hillary Clinton told"
}

// relayed are the cues of words a source can relay verbatim: plain
// speech verbs, not the acts a document reports (asked, urged).
var relayed = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "stated": true, "states": true,
	"added": true, "wrote": true, "writes": true, "tweeted": true, "claimed": true, "claims": true, "insisted": true,
	"argued": true, "noted": true, "explained": true, "acknowledged": true, "admitted": true, "declared": true,
	"confirmed": true, "denied": true, "warned": true, "stressed": true, "announced": true}

// Deictic reports whether the quote's speaker is "I", "we" or "you"
// outside quotation marks: in news, the writer or the one addressed (an
// opinion column, an interview's answers, a speech or a conversation
// printed whole), an attribution with no one named behind it.
func (q Quote) Deictic() bool {
	switch strings.ToLower(q.SpeakerText) {
	case "i", "we", "me", "us", "you":
		return true
	}
	return false
}
