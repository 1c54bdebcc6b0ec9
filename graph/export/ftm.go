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
	kinds := map[graph.ID]graph.Kind{} // legal entities written, for links and events
	seen := map[graph.ID]struct{}{}
	err := g.Nodes(ctx, false, func(n *Node) error {
		e := n.Entity
		sch := ftmSchema(e.Kind)
		if sch == "" {
			return nil
		}
		p := map[string][]string{}
		if sch == "Address" {
			p["full"] = []string{e.Name}
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
			return enc.Encode(ftmEntity{ID: ftmID("entity", e.ID), Schema: sch, Properties: p})
		}
		kinds[e.ID] = e.Kind
		p["name"] = []string{e.Name}
		if a := aliases(e); len(a) > 0 {
			p["alias"] = a
		}
		if r := roles(e); len(r) > 0 && e.Kind == graph.Person {
			p["position"] = r
		}
		if err := enc.Encode(ftmEntity{ID: ftmID("entity", e.ID), Schema: sch, Properties: p}); err != nil {
			return err
		}
		mentioned := "personMentioned"
		if e.Kind == graph.Org {
			mentioned = "companyMentioned"
		}
		return mentionedArticles(ctx, g, e.ID, func(a graph.ID) error {
			seen[a] = struct{}{}
			return enc.Encode(ftmEntity{ID: fmt.Sprintf("dateline-mention-%d-%d", e.ID, a), Schema: "Mention",
				Properties: map[string][]string{"document": {ftmID("article", a)}, "resolved": {ftmID("entity", e.ID)}, mentioned: {e.Name}}})
		})
	})
	if err != nil {
		return err
	}
	err = g.Edges(ctx, func(e *Edge) error {
		if _, ok := kinds[e.Source]; !ok {
			return nil
		}
		if _, ok := kinds[e.Target]; !ok {
			return nil
		}
		p := map[string][]string{"subject": {ftmID("entity", e.Source)}, "object": {ftmID("entity", e.Target)},
			"role": {relationType}, "summary": {fmt.Sprintf("named together in %d sentences", e.Weight)}}
		if d := dayString(e.FirstDay); d != "" {
			p["startDate"], p["endDate"] = []string{d}, []string{dayString(e.LastDay)}
		}
		return enc.Encode(ftmEntity{ID: fmt.Sprintf("dateline-link-%d-%d", e.Source, e.Target), Schema: "UnknownLink", Properties: p})
	})
	if err != nil {
		return err
	}
	err = eachEvent(ctx, g, func(ev *store.StoredEvent) error {
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
			if _, ok := kinds[id]; ok {
				p["involved"] = append(p["involved"], ftmID("entity", id))
			}
		}
		if ev.Place != 0 {
			pl, err := g.st.Entity(ctx, ev.Place)
			if err != nil {
				return err
			}
			p["location"] = []string{pl.Name}
		}
		for _, r := range ev.Reports {
			seen[r.Article] = struct{}{}
			p["proof"] = append(p["proof"], ftmID("article", r.Article))
		}
		return enc.Encode(ftmEntity{ID: ftmID("event", ev.ID), Schema: "Event", Properties: p})
	})
	if err != nil {
		return err
	}
	if len(seen) == 0 {
		return nil
	}
	return g.st.Articles(ctx, timeline.Range{Undated: true}, func(a *store.StoredArticle) error {
		if _, ok := seen[a.ID]; !ok {
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
		return enc.Encode(ftmEntity{ID: ftmID("article", a.ID), Schema: "Article", Properties: p})
	})
}
