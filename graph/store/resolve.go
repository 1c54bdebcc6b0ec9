package store

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	badger "github.com/dgraph-io/badger/v4"

	"dateline/graph"
	"dateline/graph/names"
)

// Merge records why a name joined an entity, so that a user can see, and
// later undo, each decision resolution took.
type Merge struct {
	Alias   string   // the name as written
	Reason  string   // the rule and its evidence, in words
	Article graph.ID // the article the name first came from
}

// resolve finds the stored entity a local entity is, or creates one, and
// says why. The rules, strongest evidence first:
//  1. a place with a gazetteer link joins the entity with that link;
//  2. a multi-word name joins the entity indexed under it (when several
//     are, the most mentioned);
//  3. a person's single word, or the surname of a full name that matches
//     nothing, joins the one person known by it (pickSurname), unless that
//     person has a full name with the same surname and another first name
//     (two people called Kim stay apart);
//  4. a person's name whose spelling is close to one person's name
//     ("Zelenskyy", "Zelenskiy", "Volokdymyr Zelensky" → Volodymyr
//     Zelensky) joins it when the first names agree or the two share
//     context (an entity this article names is already linked to them);
//  5. otherwise a new entity (reason "").
//
// context holds the stored entities of this article resolved so far.
func (w *writer) resolve(le *graph.Entity, context map[graph.ID]bool) (graph.ID, string, error) {
	if le.Kind == graph.KindUnknown {
		return 0, "", fmt.Errorf("entity %q has no kind", le.Name)
	}
	if le.Geo != nil && le.Geo.Key() != "" {
		ids, err := nameCandidates(w.txn, le.Kind, geoKey(le.Geo))
		if err != nil || len(ids) > 0 {
			return first(ids), "same gazetteer place (" + le.Geo.Key() + ")", err
		}
	}
	keys := aliasKeys(le)
	if len(keys) == 0 {
		return 0, "", fmt.Errorf("entity %q has no usable name", le.Name)
	}
	var multi, single []string
	for _, k := range keys {
		if len(names.Words(k)) > 1 {
			multi = append(multi, k)
		} else {
			single = append(single, k)
		}
	}
	for _, k := range multi {
		ids, err := nameCandidates(w.txn, le.Kind, k)
		if err != nil {
			return 0, "", err
		}
		if id, err := w.mostMentioned(ids); err != nil || id != 0 {
			return id, "same name (" + k + ")", err
		}
	}
	if le.Kind != graph.Person && le.Geo == nil {
		// A full name that is a known person's, tagged as something else
		// in this article, is that person: the tagger's slip should not
		// split one person in two.
		for _, k := range multi {
			ids, err := nameCandidates(w.txn, graph.Person, k)
			if err != nil {
				return 0, "", err
			}
			id, err := w.mostMentioned(ids)
			if err != nil {
				return 0, "", err
			}
			if id != 0 {
				if e, err := w.entity(id); err == nil && e.Mentions >= minPersonEvidence {
					return id, fmt.Sprintf("the full name of a person (tagged %s here)", le.Kind), nil
				}
			}
		}
	}
	if le.Kind == graph.Person {
		// Surnames: the single words of this entity, and the last word of
		// its full names.
		for _, k := range multi {
			single = append(single, names.Last(k))
		}
	}
	for _, k := range single {
		ids, err := nameCandidates(w.txn, le.Kind, k)
		if err != nil {
			return 0, "", err
		}
		if le.Kind == graph.Person {
			// People known by a full name ending in this word.
			more, err := nameCandidates(w.txn, le.Kind, suffixMark+k)
			if err != nil {
				return 0, "", err
			}
			ids = unionIDs(ids, more)
		}
		id, err := w.pickSurname(k, ids)
		if err != nil {
			return 0, "", err
		}
		if id == 0 {
			continue
		}
		ok, err := w.compatible(id, multi)
		if err != nil {
			return 0, "", err
		}
		if ok {
			return id, "the one person known as " + k, nil
		}
	}
	if le.Kind == graph.Person {
		id, reason, err := w.closeSpelling(keys, context)
		if err != nil || id != 0 {
			return id, reason, err
		}
	}
	id, err := w.create(le)
	return id, "", err
}

// minPersonEvidence is how many mentions a person needs before a name
// tagged as an organisation or place joins them.
const minPersonEvidence = 3

// closeSpelling looks for the one person whose name is a spelling variant
// of one of keys (rule 4 of resolve).
func (w *writer) closeSpelling(keys []string, context map[graph.ID]bool) (graph.ID, string, error) {
	type match struct {
		id     graph.ID
		reason string
	}
	found := map[graph.ID]match{}
	hasFull := len(names.Words(keys[0])) > 1 // keys are longest first
	for _, k := range keys {
		words := names.Words(k)
		if hasFull && len(words) < 2 {
			continue // the full name speaks for this person, not a lone word of it
		}
		sur := words[len(words)-1]
		if len([]rune(sur)) < 5 {
			continue // short names are too easily close to another
		}
		maxd := 1
		if len([]rune(sur)) >= 7 {
			maxd = 2
		}
		cands, err := w.surnameCandidates(string([]rune(sur)[:4]))
		if err != nil {
			return 0, "", err
		}
		for _, id := range cands {
			if _, ok := found[id]; ok {
				continue
			}
			e, err := w.entity(id)
			if err != nil {
				return 0, "", err
			}
			aliases := surnameAliases(e)
			entityHasFull := len(aliases) > 0 && len(names.Words(names.Key(aliases[0]))) > 1
			for _, a := range aliases {
				aw := names.Words(names.Key(a))
				if len(words) >= 2 && len(aw) < 2 && entityHasFull {
					continue // a full name is compared with full names, first names included
				}
				limit := maxd
				if len(words) < 2 || len(aw) < 2 {
					limit = 1 // a surname alone needs a closer spelling
				}
				d := names.Distance(sur, aw[len(aw)-1], limit)
				if d == 0 || d > limit {
					continue
				}
				firstOK := len(words) < 2 || len(aw) < 2 || sameFirst(words[0], aw[0]) ||
					names.Distance(words[0], aw[0], 2) <= min(2, len([]rune(aw[0]))/3)
				if !firstOK {
					continue
				}
				shared, err := w.sharedContext(id, context)
				if err != nil {
					return 0, "", err
				}
				sameFirstName := len(words) >= 2 && len(aw) >= 2 && words[0] == aw[0]
				if shared == 0 && !sameFirstName {
					continue
				}
				why := fmt.Sprintf("spelling variant of %q (edit distance %d)", a, d)
				if shared != 0 {
					why += "; both appear with " + w.nameOf(shared)
				}
				found[id] = match{id, why}
				break
			}
		}
	}
	if len(found) != 1 {
		return 0, "", nil // none, or ambiguous: keep apart
	}
	for _, m := range found {
		return m.id, m.reason, nil
	}
	return 0, "", nil
}

// surnameAliases returns the aliases of e that end in its surname: its
// full names (first, sorted), then the lone words that are the last word
// of one of them; for a person known by one word only, that word.
func surnameAliases(e *StoredEntity) []string {
	var full, single []string
	for a := range e.AliasArticles {
		switch n := len(names.Words(names.Key(a))); {
		case n > 1:
			full = append(full, a)
		case n == 1:
			single = append(single, a)
		}
	}
	sort.Strings(full)
	sort.Strings(single)
	out := full
	if len(full) == 0 {
		out = single
	} else {
		// A lone word that is the last word of a full name is a surname
		// too ("Zelensky" for "Volodymyr Zelensky"); a lone first name is
		// not.
		for _, a := range single {
			for _, f := range full {
				if names.Last(names.Key(f)) == names.Key(a) {
					out = append(out, a)
					break
				}
			}
		}
	}
	return out
}

// surnameCandidates lists people with a name, or a later word of a name,
// starting with prefix (bounded).
func (w *writer) surnameCandidates(prefix string) ([]graph.ID, error) {
	var ids []graph.ID
	for _, p := range [][]byte{entityNamePrefix(graph.Person, prefix), entityNamePrefix(graph.Person, suffixMark+prefix)} {
		it := w.txn.NewIterator(badger.IteratorOptions{Prefix: p, PrefetchValues: false})
		n := 0
		for it.Rewind(); it.Valid() && n < 200; it.Next() {
			n++
			_, _, id, err := parseEntityNameKey(it.Item().Key())
			if err != nil {
				it.Close()
				return nil, err
			}
			if !containsID(ids, id) {
				ids = append(ids, id)
			}
		}
		it.Close()
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids, nil
}

// sharedContext returns an entity of context already linked to id, or 0.
func (w *writer) sharedContext(id graph.ID, context map[graph.ID]bool) (graph.ID, error) {
	ctx := make([]graph.ID, 0, len(context))
	for c := range context {
		ctx = append(ctx, c)
	}
	sort.Slice(ctx, func(i, j int) bool { return ctx[i] < ctx[j] })
	for _, c := range ctx {
		if c == id {
			continue
		}
		_, err := w.txn.Get(pairKey(id, c))
		if err == nil {
			return c, nil
		}
		if !errors.Is(err, badger.ErrKeyNotFound) {
			return 0, err
		}
	}
	return 0, nil
}

func (w *writer) nameOf(id graph.ID) string {
	if e, err := w.entity(id); err == nil {
		return e.Name
	}
	return fmt.Sprint(id)
}

// pickSurname chooses among the entities a single word could mean: the
// only one; else the only one that has been called by that word alone;
// else, among those, one mentioned at least three times as often as the
// next (news calls the prominent Macron "Macron"). Otherwise none: an
// ambiguous word gets an entity of its own rather than a guess.
func (w *writer) pickSurname(word string, ids []graph.ID) (graph.ID, error) {
	if len(ids) <= 1 {
		return first(ids), nil
	}
	var alone []*StoredEntity
	for _, id := range ids {
		e, err := w.entity(id)
		if err != nil {
			return 0, err
		}
		for a := range e.AliasArticles {
			if names.Key(a) == word {
				alone = append(alone, e)
				break
			}
		}
	}
	switch len(alone) {
	case 0:
		return 0, nil
	case 1:
		return alone[0].ID, nil
	}
	sort.Slice(alone, func(i, j int) bool { return alone[i].Mentions > alone[j].Mentions })
	if alone[0].Mentions >= 3*alone[1].Mentions {
		return alone[0].ID, nil
	}
	return 0, nil
}

// compatible reports whether a stored person can be the one named by full
// names: no full name of theirs shares the surname with another first name.
func (w *writer) compatible(id graph.ID, full []string) (bool, error) {
	if len(full) == 0 {
		return true, nil
	}
	e, err := w.entity(id)
	if err != nil {
		return false, err
	}
	for a := range e.AliasArticles {
		ak := names.Words(names.Key(a))
		if len(ak) < 2 {
			continue
		}
		for _, f := range full {
			fk := names.Words(f)
			if ak[len(ak)-1] == fk[len(fk)-1] && !sameFirst(ak[0], fk[0]) && !typo(ak[0], fk[0]) {
				return false, nil
			}
		}
	}
	return true, nil
}

// typo reports whether two first names of five letters or more differ by
// one edit ("Volokdymyr" for "Volodymyr"): a misspelling, not another
// person.
func typo(a, b string) bool {
	return len([]rune(a)) >= 5 && len([]rune(b)) >= 5 && names.Distance(a, b, 1) <= 1
}

// sameFirst compares first names, letting an initial match a name.
func sameFirst(a, b string) bool {
	if a == b {
		return true
	}
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	return (len(a) == 1 || len(b) == 1) && a != "" && b != "" && a[0] == b[0]
}

func (w *writer) mostMentioned(ids []graph.ID) (graph.ID, error) {
	var best graph.ID
	var bestN int64 = -1
	for _, id := range ids {
		e, err := w.entity(id)
		if err != nil {
			return 0, err
		}
		if e.Mentions > bestN {
			best, bestN = id, e.Mentions
		}
	}
	return best, nil
}

func unionIDs(a, b []graph.ID) []graph.ID {
	for _, id := range b {
		if !containsID(a, id) {
			a = append(a, id)
		}
	}
	return a
}

func first(ids []graph.ID) graph.ID {
	if len(ids) == 0 {
		return 0
	}
	return ids[0]
}
