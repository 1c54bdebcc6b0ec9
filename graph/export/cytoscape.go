package export

import (
	"context"
	"io"
)

// cyNode and cyEdge are Cytoscape.js element objects: everything under
// "data", which is what cy.add and cy.json read.
type cyNode struct {
	Data struct {
		nodeJSON
		Label string `json:"label"`
	} `json:"data"`
	Group string `json:"group"`
}

type cyEdge struct {
	Data  linkJSON `json:"data"`
	Group string   `json:"group"`
}

// encodeCytoscape writes Cytoscape.js elements JSON
// ({"elements": {"nodes": […], "edges": […]}}), the shape cy.json() reads
// and the explorer draws; node labels are the entity names.
func encodeCytoscape(ctx context.Context, g *Graph, w io.Writer) error {
	io.WriteString(w, `{"format_version": "1.0", "generated_by": "dateline", "data": {"name": "dateline"}, "elements": {"nodes": [`)
	l := newJSONList(w, "    ")
	err := g.Nodes(ctx, false, func(n *Node) error {
		var c cyNode
		c.Group = "nodes"
		c.Data.nodeJSON = nodeJSONOf(n)
		c.Data.Label = n.Entity.Name
		return l.add(c)
	})
	if err != nil {
		return err
	}
	l.close()
	io.WriteString(w, `], "edges": [`)
	l = newJSONList(w, "    ")
	err = g.Edges(ctx, func(e *Edge) error {
		c := cyEdge{Data: linkJSONOf(e), Group: "edges"}
		c.Data.ID = c.Data.Source + "-" + c.Data.Target
		return l.add(c)
	})
	if err != nil {
		return err
	}
	l.close()
	_, err = io.WriteString(w, "]}}\n")
	return err
}
