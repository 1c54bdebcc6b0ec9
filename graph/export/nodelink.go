package export

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
)

// nodeJSON is a node as the JSON formats write it.
type nodeJSON struct {
	ID         string     `json:"id"`
	Kind       string     `json:"kind"`
	Name       string     `json:"name"`
	Aliases    []string   `json:"aliases"`
	Roles      []string   `json:"roles"`
	Mentions   int64      `json:"mentions"`
	Articles   int64      `json:"articles"`
	FirstSeen  string     `json:"first_seen,omitempty"`
	LastSeen   string     `json:"last_seen,omitempty"`
	Lat        *jsonFloat `json:"lat,omitempty"`
	Lon        *jsonFloat `json:"lon,omitempty"`
	Country    string     `json:"country,omitempty"`
	GeonamesID int64      `json:"geonames_id,omitempty"`
}

func nodeJSONOf(n *Node) nodeJSON {
	e := n.Entity
	out := nodeJSON{ID: idString(e.ID), Kind: e.Kind.String(), Name: e.Name, Aliases: aliases(e), Roles: roles(e),
		Mentions: n.Mentions, Articles: e.Articles, FirstSeen: e.FirstSeen.String(), LastSeen: e.LastSeen.String()}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	if out.Roles == nil {
		out.Roles = []string{}
	}
	if g := e.Geo; g != nil {
		if g.Lat != 0 || g.Lon != 0 {
			lat, lon := jsonFloat(g.Lat), jsonFloat(g.Lon)
			out.Lat, out.Lon = &lat, &lon
		}
		out.Country, out.GeonamesID = g.Country, g.GeonameID
	}
	return out
}

// jsonFloat is a float that JSON always writes with a fraction or an
// exponent ("31.0", not "31"), so that readers that type numbers by their
// form (Python's json, and so networkx) see a float every time.
type jsonFloat float64

// MarshalJSON writes the float with a decimal point.
func (f jsonFloat) MarshalJSON() ([]byte, error) {
	b := strconv.AppendFloat(nil, float64(f), 'g', -1, 64)
	if !bytes.ContainsAny(b, ".eE") {
		b = append(b, ".0"...)
	}
	return b, nil
}

// dayJSON is an edge's weight on one day.
type dayJSON struct {
	Date   string `json:"date"`
	Weight int64  `json:"weight"`
}

// linkJSON is an edge as the JSON formats write it.
type linkJSON struct {
	ID       string    `json:"id,omitempty"` // Cytoscape needs one; node-link does not
	Source   string    `json:"source"`
	Target   string    `json:"target"`
	Type     string    `json:"type"`
	Weight   int64     `json:"weight"`
	First    string    `json:"first,omitempty"`
	Last     string    `json:"last,omitempty"`
	Evidence int64     `json:"evidence"`
	Days     []dayJSON `json:"days"`
}

func linkJSONOf(e *Edge) linkJSON {
	l := linkJSON{Source: idString(e.Source), Target: idString(e.Target), Type: relationType, Weight: e.Weight,
		First: dayString(e.FirstDay), Last: dayString(e.LastDay), Evidence: e.Evidence, Days: make([]dayJSON, 0, len(e.Days))}
	for _, d := range e.Days {
		l.Days = append(l.Days, dayJSON{Date: dayString(d.Day), Weight: d.Count})
	}
	return l
}

// jsonList writes the elements fn produces as a JSON array, one a line,
// without holding the array.
type jsonList struct {
	w     io.Writer
	n     int
	buf   bytes.Buffer
	enc   *json.Encoder
	inden string
}

func newJSONList(w io.Writer, indent string) *jsonList {
	l := &jsonList{w: w, inden: indent}
	l.enc = json.NewEncoder(&l.buf)
	l.enc.SetEscapeHTML(false)
	return l
}

func (l *jsonList) add(v any) error {
	l.buf.Reset()
	if err := l.enc.Encode(v); err != nil {
		return err
	}
	sep := ",\n"
	if l.n == 0 {
		sep = "\n"
	}
	l.n++
	io.WriteString(l.w, sep+l.inden)
	_, err := l.w.Write(bytes.TrimRight(l.buf.Bytes(), "\n"))
	return err
}

func (l *jsonList) close() {
	if l.n > 0 {
		io.WriteString(l.w, "\n"+l.inden[:max(len(l.inden)-2, 0)])
	}
}

// encodeNodeLink writes networkx's node-link JSON: nodes under "nodes",
// edges under "links" (networkx before 3.4 reads this with its defaults;
// from 3.4 on pass edges="links" to node_link_graph, whose default became
// "edges" in 3.6). Undirected, not a multigraph.
func encodeNodeLink(ctx context.Context, g *Graph, w io.Writer) error {
	io.WriteString(w, `{"directed": false, "multigraph": false, "graph": {"name": "dateline"}, "nodes": [`)
	l := newJSONList(w, "  ")
	if err := g.Nodes(ctx, false, func(n *Node) error { return l.add(nodeJSONOf(n)) }); err != nil {
		return err
	}
	l.close()
	io.WriteString(w, `], "links": [`)
	l = newJSONList(w, "  ")
	if err := g.Edges(ctx, func(e *Edge) error { return l.add(linkJSONOf(e)) }); err != nil {
		return err
	}
	l.close()
	_, err := io.WriteString(w, "]}\n")
	return err
}
