package export

import (
	"context"
	"fmt"
	"io"
)

// encodeGEXF writes GEXF 1.3 (https://gexf.net/) in dynamic mode: every
// node and edge has spells, the runs of consecutive days it is mentioned
// (node) or linked (edge) on, so that Gephi's timeline plays the network
// over time. Undated-only nodes and edges have no spells and so are always
// present. Days are inclusive at both ends, as GEXF intervals are.
func encodeGEXF(ctx context.Context, g *Graph, w io.Writer) error {
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>Dateline</creator>
    <description>Entities named in news articles, linked when named in one sentence</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">
    <attributes class="node" mode="static">
`)
	for i, a := range nodeAttrs {
		fmt.Fprintf(w, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, a.name, a.typ)
	}
	io.WriteString(w, "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
	for i, a := range edgeAttrs {
		// The weight is the edge's own weight attribute; a column of the
		// same name would clash with Gephi's Weight.
		if a.name != "weight" {
			fmt.Fprintf(w, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, a.name, a.typ)
		}
	}
	io.WriteString(w, "    </attributes>\n    <nodes>\n")
	err := g.Nodes(ctx, true, func(n *Node) error {
		fmt.Fprintf(w, "      <node id=\"%d\" label=\"", n.Entity.ID)
		xmlText(w, n.Entity.Name)
		io.WriteString(w, "\">\n        <attvalues>\n")
		for i, a := range nodeAttrs {
			if v := a.value(n); v != "" {
				fmt.Fprintf(w, "          <attvalue for=\"%d\" value=\"", i)
				xmlText(w, v)
				io.WriteString(w, "\"/>\n")
			}
		}
		io.WriteString(w, "        </attvalues>\n")
		writeSpells(w, n.Days)
		_, err := io.WriteString(w, "      </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	io.WriteString(w, "    </nodes>\n    <edges>\n")
	err = g.Edges(ctx, func(e *Edge) error {
		fmt.Fprintf(w, "      <edge id=\"%d-%d\" source=\"%d\" target=\"%d\" weight=\"%d\">\n        <attvalues>\n", e.Source, e.Target, e.Source, e.Target, e.Weight)
		for i, a := range edgeAttrs {
			if v := a.value(e); v != "" && a.name != "weight" {
				fmt.Fprintf(w, "          <attvalue for=\"%d\" value=\"", i)
				xmlText(w, v)
				io.WriteString(w, "\"/>\n")
			}
		}
		io.WriteString(w, "        </attvalues>\n")
		writeSpells(w, e.Days)
		_, err := io.WriteString(w, "      </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "    </edges>\n  </graph>\n</gexf>\n")
	return err
}

func writeSpells(w io.Writer, days []DayCount) {
	sp := spells(days)
	if len(sp) == 0 {
		return
	}
	io.WriteString(w, "        <spells>\n")
	for _, s := range sp {
		fmt.Fprintf(w, "          <spell start=\"%s\" end=\"%s\"/>\n", dayString(s.first), dayString(s.last))
	}
	io.WriteString(w, "        </spells>\n")
}
