package extract

import (
	"sort"
	"strings"
	"unicode"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/names"
)

// initialisms finds the initials of an organisation the article names in
// full, written in capitals where the tagger found nothing ("the World
// Health Organization … WHO said", "Creative Commons … licensed under CC
// BY-SA"): a mention of the organisation. The initials are those of the
// name's significant words (names.Acronym), two letters at least, and
// belong to one organisation of the article; sentences in capitals or
// title case, where capitals say nothing, are left alone. It returns the
// mentions with those added, in text order, and for each initialism the
// full name it stands for.
func initialisms(sents []segment.Sentence, ms []ner.Mention) ([]ner.Mention, map[string]string) {
	var full map[string]string // initials as written → the organisation's name
	for _, m := range ms {
		if m.Kind != graph.Org || strings.IndexByte(m.Text, ' ') < 0 {
			continue
		}
		a := strings.ToUpper(names.Acronym(names.Key(m.Text)))
		if len(a) < 2 {
			continue
		}
		if full == nil {
			full = map[string]string{}
		}
		if have, ok := full[a]; ok && names.Key(have) != names.Key(m.Text) {
			full[a] = "" // two organisations with these initials
			continue
		}
		full[a] = m.Text
	}
	if len(full) == 0 {
		return ms, nil
	}
	covered := make([]graph.Span, len(ms))
	for i, m := range ms {
		covered[i] = m.Span
	}
	inside := func(sp graph.Span) bool {
		k := sort.Search(len(covered), func(k int) bool { return covered[k].End > sp.Start })
		return k < len(covered) && covered[k].Start < sp.End
	}
	var added []ner.Mention
	found := map[string]string{}
	for si, s := range sents {
		if titleCased(s.Tokens) {
			continue
		}
		for ti, t := range s.Tokens {
			name, ok := full[t.Text]
			if !ok || name == "" || !allUpper(t.Text) || inside(t.Span) {
				continue
			}
			if ti+1 < len(s.Tokens) && s.Tokens[ti+1].Text == "$" && s.Tokens[ti+1].Span.Start == t.Span.End {
				continue // "US$38.5 billion" is dollars, not the Union State's initials
			}
			added = append(added, ner.Mention{Kind: graph.Org, Span: t.Span, Sentence: si, Text: t.Text})
			found[t.Text] = name
		}
	}
	if len(added) == 0 {
		return ms, nil
	}
	return withAdded(ms, added), found
}

// allUpper reports whether a word is written in capital letters only.
func allUpper(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// joinInitialisms makes each initialism initialisms found a mention of
// the organisation whose initials it is.
func (b *builder) joinInitialisms(full map[string]string) {
	if len(full) == 0 {
		return
	}
	for i, m := range b.mentions {
		name, ok := full[m.Text]
		if !ok {
			continue
		}
		li := b.owner[i]
		l := b.locals[li]
		if l.into >= 0 || l.kind == graph.Person || l.geo != nil {
			continue
		}
		for j, o := range b.locals {
			if j != li && o.into < 0 && o.kind == graph.Org && contains(o.names, name) {
				l.into = j
				for _, k := range l.mention {
					b.mentions[k].Kind = graph.Org
				}
				break
			}
		}
	}
}
