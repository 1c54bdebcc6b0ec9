package extract

import "dateline/graph/extract/ner"

// editMentions applies edit to each of ms, in text order, and returns the
// mentions as edit leaves them: the repairs that stretch a tagged name
// over the words the tagger cut off (epithets, particles, possessives, a
// first name before a middle initial) share it. edit gets the index of a
// mention in ms and the mention, and returns it as it should be and
// whether it changed it. A mention that starts inside one an edit
// stretched forward goes, as do those an edit stretched one back over. ms
// itself is returned, not a copy, when nothing changes.
func editMentions(ms []ner.Mention, edit func(i int, m ner.Mention) (ner.Mention, bool)) []ner.Mention {
	var out []ner.Mention
	drop := 0 // end of the last mention stretched forward: mentions starting before it go
	for i, m := range ms {
		if m.Span.Start < drop {
			if out == nil {
				out = append(make([]ner.Mention, 0, len(ms)), ms[:i]...)
			}
			continue
		}
		e, changed := edit(i, m)
		if changed && out == nil {
			out = append(make([]ner.Mention, 0, len(ms)), ms[:i]...)
		}
		if changed && e.Span.End > m.Span.End {
			drop = e.Span.End
		}
		for changed && len(out) > 0 && out[len(out)-1].Span.End > e.Span.Start {
			out = out[:len(out)-1] // "Donald" before "Donald J. Trump"
		}
		if out != nil {
			out = append(out, e)
		}
	}
	if out == nil {
		return ms
	}
	return out
}
