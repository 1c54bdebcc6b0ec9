// Package export writes a selection of Dateline's graph in the formats
// other tools read: GraphML, GEXF 1.3 (dynamic, with spells), networkx
// node-link JSON, Cytoscape.js elements, Neo4j admin-import CSV, Cypher,
// RDF N-Quads, FollowTheMoney JSON lines, TimelineJS3 JSON, GeoJSON and
// quotes as CSV or JSON lines. One encoder a format, one file each.
//
// Encoders stream: a whole-graph export reads the store's entities and
// edges in key order and writes as it goes, holding only the set of kept
// entity IDs (see Select), so memory stays flat on a large store. With an
// empty Selection every graph format writes the same nodes and edges.
//
// # Node and edge attributes
//
// The graph formats carry the same attributes: kind, name, aliases (joined
// with "; " where the format has no lists), roles, mentions (in the
// window), articles, first_seen and last_seen (ISO dates at their
// precision), and for places lat, lon, country and geonames_id; edges carry
// weight (sentences linking the two entities in the window), type (always
// "co-occurrence": two entities named in one sentence), first and last
// (ISO days) and evidence (evidence sentences kept, over all time). Node
// IDs are the store's entity IDs written as decimal strings.
//
// # RDF vocabulary (nquads)
//
// IRIs are URNs: urn:dateline:entity:ID, urn:dateline:article:ID,
// urn:dateline:edge:A-B, urn:dateline:quote:ID, urn:dateline:event:ID.
// Terms come from schema.org (https://schema.org/) where they fit and from
// Dateline's own namespace (https://dateline.invalid/ns#, prefix dl:)
// where they do not:
//
//	entity   a schema:Person | schema:Place | schema:Organization | schema:Thing (misc)
//	         schema:name, schema:alternateName, schema:jobTitle (roles),
//	         schema:latitude, schema:longitude (xsd:double), schema:addressCountry,
//	         schema:sameAs <https://sws.geonames.org/ID/>,
//	         dl:mentions, dl:articles (xsd:long), dl:firstSeen, dl:lastSeen (xsd:string, ISO at its precision)
//	edge     a dl:CoOccurrence; dl:entity (both ends); dl:weight, dl:evidence (xsd:long);
//	         dl:firstDate, dl:lastDate (xsd:date)
//	article  a schema:NewsArticle; schema:headline, schema:url, schema:datePublished,
//	         schema:publisher (source name); schema:mentions ENTITY
//	quote    a schema:Quotation; schema:text, schema:spokenByCharacter ENTITY,
//	         dl:speakerText, dl:cue, dl:direct (xsd:boolean), schema:dateCreated,
//	         schema:isPartOf ARTICLE, schema:about ENTITY
//	event    a schema:Event; schema:name (the trigger), dl:category, schema:startDate,
//	         schema:location PLACE, schema:actor ENTITY, dl:target ENTITY,
//	         dl:participant ENTITY, schema:subjectOf ARTICLE (a report);
//	         dl:recalledIn ARTICLE (an undated background mention, "since
//	         the invasion", in that article's graph)
//
// Entities and edges (facts merged across articles) are in the default
// graph. Everything an article states is in the named graph of that
// article (its IRI): the article's own description, which kept entities it
// mentions, its quotes, and its report of each event. Dropping a named
// graph therefore drops exactly one source's contribution.
package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"dateline/graph"
	"dateline/graph/query"
	"dateline/graph/store"
	"dateline/timeline"
)

// Format is one export format: how to name it, serve it and write it.
type Format struct {
	Name        string // the --format / format= name
	ContentType string // the HTTP Content-Type
	Ext         string // the file name extension, with its dot
	// Graph is true for the formats that write the entity graph (and so
	// agree on its node and edge counts).
	Graph  bool
	encode func(ctx context.Context, g *Graph, w io.Writer) error
	// comment is the format's comment line (a fmt pattern with one %s),
	// "" where it has none: EncodeBudget says with it that it stopped.
	comment string
}

// Encode writes the selection in the format. CSV writes a zip archive
// holding nodes.csv and edges.csv; use CSVFiles to write them elsewhere.
func (f *Format) Encode(ctx context.Context, g *Graph, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := f.encode(ctx, g, bw); err != nil {
		return fmt.Errorf("export: %s: %w", f.Name, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %s: write: %w", f.Name, err)
	}
	return nil
}

// Filename returns the name a download of the format gets, from a stem
// such as "dateline".
func (f *Format) Filename(stem string) string { return stem + f.Ext }

var formats = []*Format{
	{Name: "graphml", ContentType: "application/graphml+xml", Ext: ".graphml", Graph: true, encode: encodeGraphML, comment: "<!-- %s -->\n"},
	{Name: "gexf", ContentType: "application/gexf+xml", Ext: ".gexf", Graph: true, encode: encodeGEXF, comment: "<!-- %s -->\n"},
	{Name: "json", ContentType: "application/json", Ext: ".json", Graph: true, encode: encodeNodeLink},
	{Name: "cytoscape", ContentType: "application/json", Ext: ".cyjs", Graph: true, encode: encodeCytoscape},
	{Name: "csv", ContentType: "application/zip", Ext: ".zip", Graph: true, encode: encodeCSVZip},
	{Name: "cypher", ContentType: "application/x-cypher-query; charset=utf-8", Ext: ".cypher", Graph: true, encode: encodeCypher, comment: "// %s\n"},
	{Name: "nquads", ContentType: "application/n-quads", Ext: ".nq", Graph: true, encode: encodeNQuads, comment: "# %s\n"},
	{Name: "ftm", ContentType: "application/x-ndjson", Ext: ".ftm.json", encode: encodeFtM},
	{Name: "timelinejs", ContentType: "application/json", Ext: ".timeline.json", encode: encodeTimelineJS},
	{Name: "geojson", ContentType: "application/geo+json", Ext: ".geojson", encode: encodeGeoJSON},
	{Name: "quotes-csv", ContentType: "text/csv; charset=utf-8", Ext: ".quotes.csv", encode: encodeQuotesCSV},
	{Name: "quotes-jsonl", ContentType: "application/x-ndjson", Ext: ".quotes.jsonl", encode: encodeQuotesJSONL},
}

// Formats returns the format names in display order.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.Name
	}
	return out
}

// Lookup returns the format called name.
func Lookup(name string) (*Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, fmt.Errorf("export: unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
}

// idString writes an ID as the decimal string every format uses.
func idString(id graph.ID) string { return strconv.FormatUint(uint64(id), 10) }

// dayString renders a key day as an ISO date, "" for undated.
func dayString(d int64) string { return query.Day(d) }

// spell is a run of consecutive days, both ends included.
type spell struct{ first, last int64 }

// spells merges days (in order) into runs of consecutive days.
func spells(days []DayCount) []spell {
	var out []spell
	for _, d := range days {
		if n := len(out); n > 0 && d.Day == out[n-1].last+1 {
			out[n-1].last = d.Day
			continue
		}
		out = append(out, spell{d.Day, d.Day})
	}
	return out
}

// roles renders an entity's roles as "Title (Org)", distinct, in order.
func roles(e *store.StoredEntity) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range e.Roles {
		s := r.Title
		if r.Org != "" {
			s += " (" + r.Org + ")"
		}
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// aliases returns an entity's aliases other than its name, sorted.
func aliases(e *store.StoredEntity) []string {
	var out []string
	for _, a := range e.Aliases {
		if a != e.Name {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// attr is one node or edge attribute of the graph formats: its name, its
// type for the formats that declare typed attributes (GraphML, GEXF), and
// how to read it. value returns "" where the node or edge has none, and
// the encoders then leave the attribute out. The tables below are the one
// list of attributes; every graph encoder walks them.
type attr[T any] struct {
	name  string
	typ   string // "string", "long" or "double"
	value func(T) string
}

// geoAttrs are the attributes of places, written by every graph format
// (CSV included, after its own columns).
var geoAttrs = []attr[*Node]{
	{"lat", "double", func(n *Node) string {
		if g := n.Entity.Geo; g != nil && (g.Lat != 0 || g.Lon != 0) {
			return strconv.FormatFloat(g.Lat, 'f', -1, 64)
		}
		return ""
	}},
	{"lon", "double", func(n *Node) string {
		if g := n.Entity.Geo; g != nil && (g.Lat != 0 || g.Lon != 0) {
			return strconv.FormatFloat(g.Lon, 'f', -1, 64)
		}
		return ""
	}},
	{"country", "string", func(n *Node) string {
		if g := n.Entity.Geo; g != nil {
			return g.Country
		}
		return ""
	}},
	{"geonames_id", "long", func(n *Node) string {
		if g := n.Entity.Geo; g != nil && g.GeonameID != 0 {
			return strconv.FormatInt(g.GeonameID, 10)
		}
		return ""
	}},
}

var nodeAttrs = append([]attr[*Node]{
	{"kind", "string", func(n *Node) string { return n.Entity.Kind.String() }},
	{"name", "string", func(n *Node) string { return n.Entity.Name }},
	{"aliases", "string", func(n *Node) string { return strings.Join(aliases(n.Entity), "; ") }},
	{"roles", "string", func(n *Node) string { return strings.Join(roles(n.Entity), "; ") }},
	{"mentions", "long", func(n *Node) string { return strconv.FormatInt(n.Mentions, 10) }},
	{"articles", "long", func(n *Node) string { return strconv.FormatInt(n.Entity.Articles, 10) }},
	{"first_seen", "string", func(n *Node) string { return n.Entity.FirstSeen.String() }},
	{"last_seen", "string", func(n *Node) string { return n.Entity.LastSeen.String() }},
}, geoAttrs...)

var edgeAttrs = []attr[*Edge]{
	{"type", "string", func(*Edge) string { return relationType }},
	{"weight", "long", func(e *Edge) string { return strconv.FormatInt(e.Weight, 10) }},
	{"first", "string", func(e *Edge) string { return dayString(e.FirstDay) }},
	{"last", "string", func(e *Edge) string { return dayString(e.LastDay) }},
	{"evidence", "long", func(e *Edge) string { return strconv.FormatInt(e.Evidence, 10) }},
}

// relationType is the type of every edge: two entities named in one sentence.
const relationType = "co-occurrence"

// dateOnly renders a date's first day as YYYY-MM-DD (for formats whose
// date type has no precision), "" for the zero date.
func dateOnly(d timeline.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Start.Format("2006-01-02")
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
