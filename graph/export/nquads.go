package export

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dateline/graph"
	"dateline/graph/store"
	"dateline/timeline"
)

// RDF namespaces of the N-Quads export (see the package documentation for
// the vocabulary).
const (
	nsSchema = "https://schema.org/"
	nsDL     = "https://dateline.invalid/ns#"
	nsRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsXSD    = "http://www.w3.org/2001/XMLSchema#"
)

func entityIRI(id graph.ID) string  { return "<urn:dateline:entity:" + idString(id) + ">" }
func articleIRI(id graph.ID) string { return "<urn:dateline:article:" + idString(id) + ">" }

// quads writes N-Quads statements.
type quads struct{ w io.Writer }

// iri, lit and typed build terms; add writes a statement.
func iri(ns, local string) string { return "<" + ns + local + ">" }

// lit is a plain string literal, escaped as N-Quads' STRING_LITERAL_QUOTE
// requires (invalid UTF-8 becomes U+FFFD).
func lit(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(v, "\uFFFD") {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func typed(v, xsdType string) string { return lit(v) + "^^" + iri(nsXSD, xsdType) }

func long(n int64) string { return typed(strconv.FormatInt(n, 10), "long") }

// add writes one quad; graphIRI "" puts it in the default graph.
func (q quads) add(subj, pred, obj, graphIRI string) error {
	var err error
	if graphIRI == "" {
		_, err = fmt.Fprintf(q.w, "%s %s %s .\n", subj, pred, obj)
	} else {
		_, err = fmt.Fprintf(q.w, "%s %s %s %s .\n", subj, pred, obj, graphIRI)
	}
	return err
}

func schemaType(k graph.Kind) string {
	switch k {
	case graph.Person:
		return "Person"
	case graph.Place:
		return "Place"
	case graph.Org:
		return "Organization"
	}
	return "Thing"
}

// mentionedArticles calls fn once for each article mentioning the entity in
// the window. Mentions come in (day, article) order, so an article's
// mentions are consecutive.
func mentionedArticles(ctx context.Context, g *Graph, id graph.ID, fn func(graph.ID) error) error {
	var last graph.ID
	return g.st.Mentions(ctx, id, g.win, func(m store.StoredMention) error {
		if m.Article == last {
			return nil
		}
		last = m.Article
		return fn(m.Article)
	})
}

// encodeNQuads writes the selection as RDF N-Quads: entities and edges in
// the default graph, and each article's statements (its mentions, quotes
// and event reports, and its own description) in the article's named graph.
func encodeNQuads(ctx context.Context, g *Graph, w io.Writer) error {
	nq := &nquadsEncoder{quads: quads{w}, g: g, seen: map[graph.ID]struct{}{}}
	if err := g.Nodes(ctx, false, func(n *Node) error { return nq.entity(ctx, n) }); err != nil {
		return err
	}
	if err := g.Edges(ctx, nq.edge); err != nil {
		return err
	}
	if err := eachQuote(ctx, g, newArticles(g.st), nq.quote); err != nil {
		return err
	}
	if err := eachEvent(ctx, g, nq.event); err != nil {
		return err
	}
	if len(nq.seen) == 0 {
		return nil
	}
	return g.st.Articles(ctx, timeline.Range{Undated: true}, nq.article)
}

// nquadsEncoder writes one selection's statements, one method a kind of
// subject, and remembers the articles cited so that it describes each
// once at the end.
type nquadsEncoder struct {
	quads
	g    *Graph
	seen map[graph.ID]struct{} // articles cited
}

// rdfType is the rdf:type predicate.
var rdfType = iri(nsRDF, "type")

// entity describes a node in the default graph, and in each article's
// graph that the article mentions it.
func (q *nquadsEncoder) entity(ctx context.Context, n *Node) error {
	e := n.Entity
	subj := entityIRI(e.ID)
	q.add(subj, rdfType, iri(nsSchema, schemaType(e.Kind)), "")
	q.add(subj, iri(nsSchema, "name"), lit(e.Name), "")
	for _, a := range aliases(e) {
		q.add(subj, iri(nsSchema, "alternateName"), lit(a), "")
	}
	for _, r := range roles(e) {
		q.add(subj, iri(nsSchema, "jobTitle"), lit(r), "")
	}
	q.add(subj, iri(nsDL, "mentions"), long(n.Mentions), "")
	q.add(subj, iri(nsDL, "articles"), long(e.Articles), "")
	if d := e.FirstSeen.String(); d != "" {
		q.add(subj, iri(nsDL, "firstSeen"), lit(d), "")
	}
	if d := e.LastSeen.String(); d != "" {
		q.add(subj, iri(nsDL, "lastSeen"), lit(d), "")
	}
	if geo := e.Geo; geo != nil {
		q.place(subj, geo)
	}
	return mentionedArticles(ctx, q.g, e.ID, func(a graph.ID) error {
		q.seen[a] = struct{}{}
		return q.add(articleIRI(a), iri(nsSchema, "mentions"), subj, articleIRI(a))
	})
}

// place describes where a place entity is.
func (q *nquadsEncoder) place(subj string, geo *graph.GeoRef) {
	if geo.Lat != 0 || geo.Lon != 0 {
		q.add(subj, iri(nsSchema, "latitude"), typed(strconv.FormatFloat(geo.Lat, 'f', -1, 64), "double"), "")
		q.add(subj, iri(nsSchema, "longitude"), typed(strconv.FormatFloat(geo.Lon, 'f', -1, 64), "double"), "")
	}
	if geo.Country != "" {
		q.add(subj, iri(nsSchema, "addressCountry"), lit(geo.Country), "")
	}
	if geo.GeonameID != 0 {
		q.add(subj, iri(nsSchema, "sameAs"), fmt.Sprintf("<https://sws.geonames.org/%d/>", geo.GeonameID), "")
	}
}

// edge describes an edge in the default graph.
func (q *nquadsEncoder) edge(e *Edge) error {
	subj := fmt.Sprintf("<urn:dateline:edge:%d-%d>", e.Source, e.Target)
	q.add(subj, rdfType, iri(nsDL, "CoOccurrence"), "")
	q.add(subj, iri(nsDL, "entity"), entityIRI(e.Source), "")
	q.add(subj, iri(nsDL, "entity"), entityIRI(e.Target), "")
	q.add(subj, iri(nsDL, "weight"), long(e.Weight), "")
	q.add(subj, iri(nsDL, "evidence"), long(e.Evidence), "")
	if d := dayString(e.FirstDay); d != "" {
		q.add(subj, iri(nsDL, "firstDate"), typed(d, "date"), "")
		q.add(subj, iri(nsDL, "lastDate"), typed(dayString(e.LastDay), "date"), "")
	}
	return nil
}

// quote describes a quote in its article's graph.
func (q *nquadsEncoder) quote(qf quoteFact) error {
	qt := qf.Quote
	gr := articleIRI(qt.Article)
	q.seen[qt.Article] = struct{}{}
	subj := "<urn:dateline:quote:" + idString(qt.ID) + ">"
	q.add(subj, rdfType, iri(nsSchema, "Quotation"), gr)
	q.add(subj, iri(nsSchema, "text"), lit(qt.Text), gr)
	if qt.Speaker != 0 {
		q.add(subj, iri(nsSchema, "spokenByCharacter"), entityIRI(qt.Speaker), gr)
	}
	q.add(subj, iri(nsDL, "speakerText"), lit(qt.SpeakerText), gr)
	q.add(subj, iri(nsDL, "cue"), lit(qt.Cue), gr)
	q.add(subj, iri(nsDL, "direct"), typed(strconv.FormatBool(qt.Direct), "boolean"), gr)
	if d := qt.Date.String(); d != "" {
		q.add(subj, iri(nsSchema, "dateCreated"), lit(d), gr)
	}
	for _, a := range qt.About {
		q.add(subj, iri(nsSchema, "about"), entityIRI(a), gr)
	}
	return q.add(subj, iri(nsSchema, "isPartOf"), gr, gr)
}

// event describes each report of an event in the reporting article's
// graph.
func (q *nquadsEncoder) event(ev *store.StoredEvent) error {
	subj := "<urn:dateline:event:" + idString(ev.ID) + ">"
	for _, r := range ev.Reports {
		gr := articleIRI(r.Article)
		q.seen[r.Article] = struct{}{}
		q.add(subj, rdfType, iri(nsSchema, "Event"), gr)
		q.add(subj, iri(nsSchema, "name"), lit(r.Trigger), gr)
		q.add(subj, iri(nsDL, "category"), lit(ev.Category), gr)
		if d := r.Date.String(); d != "" {
			q.add(subj, iri(nsSchema, "startDate"), lit(d), gr)
		}
		if r.Place != 0 {
			q.add(subj, iri(nsSchema, "location"), entityIRI(r.Place), gr)
		}
		if r.Actor != 0 {
			q.add(subj, iri(nsSchema, "actor"), entityIRI(r.Actor), gr)
		}
		if r.Target != 0 {
			q.add(subj, iri(nsDL, "target"), entityIRI(r.Target), gr)
		}
		for _, p := range r.Participants {
			q.add(subj, iri(nsDL, "participant"), entityIRI(p), gr)
		}
		if err := q.add(subj, iri(nsSchema, "subjectOf"), gr, gr); err != nil {
			return err
		}
	}
	// An article that recalls the event as background ("since the
	// invasion") says only that it happened: the event's type and the
	// recall, in that article's graph.
	for _, r := range ev.Recalls {
		gr := articleIRI(r.Article)
		q.seen[r.Article] = struct{}{}
		q.add(subj, rdfType, iri(nsSchema, "Event"), gr)
		if err := q.add(subj, iri(nsDL, "recalledIn"), gr, gr); err != nil {
			return err
		}
	}
	return nil
}

// article describes a cited article in its own graph; the others are
// skipped.
func (q *nquadsEncoder) article(a *store.StoredArticle) error {
	if _, ok := q.seen[a.ID]; !ok {
		return nil
	}
	subj := articleIRI(a.ID)
	q.add(subj, rdfType, iri(nsSchema, "NewsArticle"), subj)
	if a.Title != "" {
		q.add(subj, iri(nsSchema, "headline"), lit(a.Title), subj)
	}
	if a.URL != "" {
		q.add(subj, iri(nsSchema, "url"), typed(a.URL, "anyURI"), subj)
	}
	if d := a.Date.String(); d != "" {
		q.add(subj, iri(nsSchema, "datePublished"), lit(d), subj)
	}
	if a.Source != "" {
		return q.add(subj, iri(nsSchema, "publisher"), lit(a.Source), subj)
	}
	return nil
}
