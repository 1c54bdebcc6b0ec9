package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
)

// encodeGraphML writes GraphML (http://graphml.graphdrawing.org/) with a
// typed key for every attribute, so that readers (networkx, igraph, Gephi,
// yEd) give numbers back as numbers.
func encodeGraphML(ctx context.Context, g *Graph, w io.Writer) error {
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, a := range nodeAttrs {
		fmt.Fprintf(w, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.name, a.name, a.typ)
	}
	for _, a := range edgeAttrs {
		fmt.Fprintf(w, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.name, a.name, a.typ)
	}
	io.WriteString(w, "  <graph id=\"dateline\" edgedefault=\"undirected\">\n")
	err := g.Nodes(ctx, false, func(n *Node) error {
		fmt.Fprintf(w, "    <node id=\"%d\">\n", n.Entity.ID)
		for _, a := range nodeAttrs {
			v := a.value(n)
			if v == "" {
				continue
			}
			fmt.Fprintf(w, "      <data key=\"n_%s\">", a.name)
			xmlText(w, v)
			io.WriteString(w, "</data>\n")
		}
		_, err := io.WriteString(w, "    </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	err = g.Edges(ctx, func(e *Edge) error {
		fmt.Fprintf(w, "    <edge source=\"%d\" target=\"%d\">\n", e.Source, e.Target)
		for _, a := range edgeAttrs {
			v := a.value(e)
			if v == "" {
				continue
			}
			fmt.Fprintf(w, "      <data key=\"e_%s\">", a.name)
			xmlText(w, v)
			io.WriteString(w, "</data>\n")
		}
		_, err := io.WriteString(w, "    </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "  </graph>\n</graphml>\n")
	return err
}

// xmlText writes s escaped for XML text or a quoted attribute; characters
// XML cannot carry become U+FFFD.
func xmlText(w io.Writer, s string) {
	_ = xml.EscapeText(w, []byte(s))
}
