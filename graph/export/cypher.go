package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"dateline/graph"
)

// cypherBatch is the number of rows an UNWIND statement carries: large
// enough to be fast, small enough for Neo4j's transaction memory.
const cypherBatch = 500

// encodeCypher writes a Cypher script that recreates the selection with
// MERGE (so running it twice changes nothing): a uniqueness constraint on
// :Entity(id), then nodes and relationships in UNWIND batches. Cypher
// string literals accept JSON's escapes, so values are written as JSON.
// Run it with cypher-shell -f FILE.
func encodeCypher(ctx context.Context, g *Graph, w io.Writer) error {
	io.WriteString(w, "// Dateline export: entities and the co-occurrence links between them.\n")
	io.WriteString(w, "CREATE CONSTRAINT dateline_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n")
	// Labels cannot be parameters, so nodes are batched per kind.
	batches := map[graph.Kind]*cypherRows{}
	flush := func(k graph.Kind) error {
		b := batches[k]
		if b == nil || b.n == 0 {
			return nil
		}
		fmt.Fprintf(w, "UNWIND [%s] AS row\nMERGE (n:Entity {id: row.id})\nSET n:%s, n.name = row.name, n.aliases = row.aliases, n.roles = row.roles, "+
			"n.mentions = row.mentions, n.articles = row.articles, n.first_seen = row.first_seen, n.last_seen = row.last_seen, "+
			"n.location = CASE WHEN row.lat IS NULL THEN NULL ELSE point({latitude: row.lat, longitude: row.lon}) END, "+
			"n.country = row.country, n.geonames_id = row.geonames_id;\n", b.buf.Bytes(), cypherLabel(k))
		b.reset()
		return nil
	}
	err := g.Nodes(ctx, false, func(n *Node) error {
		k := n.Entity.Kind
		if batches[k] == nil {
			batches[k] = newCypherRows()
		}
		j := nodeJSONOf(n)
		row := map[string]any{"id": int64(n.Entity.ID), "name": j.Name, "aliases": j.Aliases, "roles": j.Roles,
			"mentions": j.Mentions, "articles": j.Articles, "first_seen": nilIfEmpty(j.FirstSeen), "last_seen": nilIfEmpty(j.LastSeen),
			"lat": j.Lat, "lon": j.Lon, "country": nilIfEmpty(j.Country), "geonames_id": nilIfZero(j.GeonamesID)}
		if err := batches[k].add(row); err != nil {
			return err
		}
		if batches[k].n == cypherBatch {
			return flush(k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range graph.Kinds {
		if err := flush(k); err != nil {
			return err
		}
	}
	rows := newCypherRows()
	flushEdges := func() {
		if rows.n == 0 {
			return
		}
		fmt.Fprintf(w, "UNWIND [%s] AS row\nMATCH (a:Entity {id: row.a}), (b:Entity {id: row.b})\nMERGE (a)-[r:%s]->(b)\n"+
			"SET r.weight = row.weight, r.evidence = row.evidence, r.first = date(row.first), r.last = date(row.last);\n", rows.buf.Bytes(), relType)
		rows.reset()
	}
	err = g.Edges(ctx, func(e *Edge) error {
		row := map[string]any{"a": int64(e.Source), "b": int64(e.Target), "weight": e.Weight, "evidence": e.Evidence,
			"first": nilIfEmpty(dayString(e.FirstDay)), "last": nilIfEmpty(dayString(e.LastDay))}
		if err := rows.add(row); err != nil {
			return err
		}
		if rows.n == cypherBatch {
			flushEdges()
		}
		return nil
	})
	if err != nil {
		return err
	}
	flushEdges()
	return nil
}

func cypherLabel(k graph.Kind) string {
	switch k {
	case graph.Person:
		return "Person"
	case graph.Place:
		return "Place"
	case graph.Org:
		return "Organization"
	}
	return "Misc"
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nilIfZero(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

// cypherRows accumulates map literals for one UNWIND list. JSON object
// keys are quoted, which Cypher map keys must not be, so keys are written
// bare (they are fixed identifiers) and values as JSON.
type cypherRows struct {
	buf bytes.Buffer
	n   int
}

func newCypherRows() *cypherRows { return &cypherRows{} }

func (c *cypherRows) reset() { c.buf.Reset(); c.n = 0 }

func (c *cypherRows) add(row map[string]any) error {
	if c.n > 0 {
		c.buf.WriteString(",\n  ")
	} else {
		c.buf.WriteString("\n  ")
	}
	c.n++
	c.buf.WriteByte('{')
	first := true
	for _, k := range sortedKeys(row) {
		if !first {
			c.buf.WriteString(", ")
		}
		first = false
		c.buf.WriteString(k)
		c.buf.WriteString(": ")
		v, err := json.Marshal(row[k])
		if err != nil {
			return err
		}
		c.buf.Write(v)
	}
	c.buf.WriteByte('}')
	return nil
}
