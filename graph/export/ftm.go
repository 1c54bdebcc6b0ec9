package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// ftmEntity is one FollowTheMoney entity as JSON lines carry it
// (followthemoney's EntityProxy.to_dict): every property a list of
// strings.
type ftmEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

func ftmID(kind string, id graph.ID) string { return "dateline-" + kind + "-" + idString(id) }

// ftmSchema maps a kind to its FtM schema: Person, Organization, and
// Address for places (FtM has no Place; Address carries a name in "full",
// coordinates and a country). Misc has no FtM counterpart and is left out.
func ftmSchema(k graph.Kind) string {
	switch k {
	case graph.Person:
		return "Person"
	case graph.Org:
		return "Organization"
	case graph.Place:
		return "Address"
	}
	return ""
}

// encodeFtM writes FollowTheMoney entities as JSON lines, the form
// `ftm import`/`alephclient write-entities` read: Person, Organization and
// Address entities; an UnknownLink (role "co-occurrence", with start and
// end dates) for each edge between people and organisations (FtM links
// take legal entities, not addresses); an Article for each source article;
// a Mention for each article that names a person or organisation; and an
// Event for each event, with its involved entities and its articles as
// proof. Quotes have no FtM schema and are not written.
func encodeFtM(ctx context.Context, g *Graph, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	f := &ftmEncoder{enc: enc, g: g, kinds: map[graph.ID]graph.Kind{}, seen: map[graph.ID]struct{}{}}
	if err := g.Nodes(ctx, false, func(n *Node) error { return f.entity(ctx, n) }); err != nil {
		return err
	}
	if err := g.Edges(ctx, f.link); err != nil {
		return err
	}
	if err := eachEvent(ctx, g, func(ev *store.StoredEvent) error { return f.event(ctx, ev) }); err != nil {
		return err
	}
	if len(f.seen) == 0 {
		return nil
	}
	return g.st.Articles(ctx, timeline.Range{Undated: true}, f.article)
}

// ftmEncoder writes one selection's FtM entities, one method a schema, and
// remembers what links, events and the closing articles refer to.
type ftmEncoder struct {
	enc   *json.Encoder
	g     *Graph
	kinds map[graph.ID]graph.Kind // legal entities written, for links and events
	seen  map[graph.ID]struct{}   // articles cited
}

// entity writes a node: an Address for a place, else a Person or an
// Organization with a Mention for each article naming it. Misc is left out.
func (f *ftmEncoder) entity(ctx context.Context, n *Node) error {
	e := n.Entity
	sch := ftmSchema(e.Kind)
	if sch == "" {
		return nil
	}
	if sch == "Address" {
		return f.enc.Encode(ftmEntity{ID: ftmID("entity", e.ID), Schema: sch, Properties: ftmAddress(e)})
	}
	f.kinds[e.ID] = e.Kind
	p := map[string][]string{"name": {e.Name}}
	if a := aliases(e); len(a) > 0 {
		p["alias"] = a
	}
	if r := roles(e); len(r) > 0 && e.Kind == graph.Person {
		p["position"] = r
	}
	if err := f.enc.Encode(ftmEntity{ID: ftmID("entity", e.ID), Schema: sch, Properties: p}); err != nil {
		return err
	}
	mentioned := "personMentioned"
	if e.Kind == graph.Org {
		mentioned = "companyMentioned"
	}
	return mentionedArticles(ctx, f.g, e.ID, func(a graph.ID) error {
		f.seen[a] = struct{}{}
		return f.enc.Encode(ftmEntity{ID: fmt.Sprintf("dateline-mention-%d-%d", e.ID, a), Schema: "Mention",
			Properties: map[string][]string{"document": {ftmID("article", a)}, "resolved": {ftmID("entity", e.ID)}, mentioned: {e.Name}}})
	})
}

// ftmAddress is the properties of a place as an FtM Address: its name in
// "full", coordinates, country and the dates it was seen.
func ftmAddress(e *store.StoredEntity) map[string][]string {
	p := map[string][]string{"full": {e.Name}}
	if geo := e.Geo; geo != nil {
		if geo.Lat != 0 || geo.Lon != 0 {
			p["latitude"] = []string{strconv.FormatFloat(geo.Lat, 'f', -1, 64)}
			p["longitude"] = []string{strconv.FormatFloat(geo.Lon, 'f', -1, 64)}
		}
		if geo.Country != "" {
			p["country"] = []string{strings.ToLower(geo.Country)}
		}
	}
	if d := e.FirstSeen.String(); d != "" {
		p["startDate"] = []string{d}
	}
	if d := e.LastSeen.String(); d != "" {
		p["endDate"] = []string{d}
	}
	return p
}

// link writes an edge between two legal entities as an UnknownLink.
func (f *ftmEncoder) link(e *Edge) error {
	if _, ok := f.kinds[e.Source]; !ok {
		return nil
	}
	if _, ok := f.kinds[e.Target]; !ok {
		return nil
	}
	p := map[string][]string{"subject": {ftmID("entity", e.Source)}, "object": {ftmID("entity", e.Target)},
		"role": {relationType}, "summary": {fmt.Sprintf("named together in %d sentences", e.Weight)}}
	if d := dayString(e.FirstDay); d != "" {
		p["startDate"], p["endDate"] = []string{d}, []string{dayString(e.LastDay)}
	}
	return f.enc.Encode(ftmEntity{ID: fmt.Sprintf("dateline-link-%d-%d", e.Source, e.Target), Schema: "UnknownLink", Properties: p})
}

// event writes an Event with the legal entities involved, its place's
// name and the articles reporting or recalling it as proof.
func (f *ftmEncoder) event(ctx context.Context, ev *store.StoredEvent) error {
	rep := ev.Reports[0]
	name := ev.Category
	if rep.Trigger != "" {
		name += ": " + rep.Trigger
	}
	p := map[string][]string{"name": {name}}
	if d := ev.Date.String(); d != "" {
		p["date"] = []string{d}
	}
	for _, id := range ev.ParticipantIDs() {
		if _, ok := f.kinds[id]; ok {
			p["involved"] = append(p["involved"], ftmID("entity", id))
		}
	}
	if ev.Place != 0 {
		pl, err := f.g.st.Entity(ctx, ev.Place)
		if err != nil {
			return err
		}
		p["location"] = []string{pl.Name}
	}
	// Proof is every article that reports the event or recalls it as
	// background: each says it happened.
	proof := map[graph.ID]bool{}
	for _, rs := range [][]store.Report{ev.Reports, ev.Recalls} {
		for _, r := range rs {
			if proof[r.Article] {
				continue
			}
			proof[r.Article] = true
			f.seen[r.Article] = struct{}{}
			p["proof"] = append(p["proof"], ftmID("article", r.Article))
		}
	}
	return f.enc.Encode(ftmEntity{ID: ftmID("event", ev.ID), Schema: "Event", Properties: p})
}

// article writes a cited article as an Article; the others are skipped.
func (f *ftmEncoder) article(a *store.StoredArticle) error {
	if _, ok := f.seen[a.ID]; !ok {
		return nil
	}
	p := map[string][]string{"title": {a.Title}}
	if a.URL != "" {
		p["sourceUrl"] = []string{a.URL}
	}
	if d := a.Date.String(); d != "" {
		p["publishedAt"] = []string{d}
	}
	if a.Source != "" {
		p["publisher"] = []string{a.Source}
	}
	return f.enc.Encode(ftmEntity{ID: ftmID("article", a.ID), Schema: "Article", Properties: p})
}
