package export

import (
	"context"
	"io"

	"dateline/graph"
)

type geoFeature struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Geometry struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	} `json:"geometry"`
	Properties struct {
		Name       string `json:"name"`
		Mentions   int64  `json:"mentions"`
		Articles   int64  `json:"articles"`
		FirstSeen  string `json:"first_seen,omitempty"`
		LastSeen   string `json:"last_seen,omitempty"`
		Country    string `json:"country,omitempty"`
		GeonamesID int64  `json:"geonames_id,omitempty"`
	} `json:"properties"`
}

// encodeGeoJSON writes the selection's places that have coordinates as an
// RFC 7946 FeatureCollection of points ([longitude, latitude]) with their
// mention counts (in the window) and first and last dates.
func encodeGeoJSON(ctx context.Context, g *Graph, w io.Writer) error {
	io.WriteString(w, `{"type": "FeatureCollection", "features": [`)
	l := newJSONList(w, "  ")
	err := g.Nodes(ctx, false, func(n *Node) error {
		e := n.Entity
		if e.Kind != graph.Place || e.Geo == nil || (e.Geo.Lat == 0 && e.Geo.Lon == 0) {
			return nil
		}
		var f geoFeature
		f.Type, f.ID = "Feature", idString(e.ID)
		f.Geometry.Type = "Point"
		f.Geometry.Coordinates = [2]float64{e.Geo.Lon, e.Geo.Lat}
		p := &f.Properties
		p.Name, p.Mentions, p.Articles = e.Name, n.Mentions, e.Articles
		p.FirstSeen, p.LastSeen, p.Country, p.GeonamesID = e.FirstSeen.String(), e.LastSeen.String(), e.Geo.Country, e.Geo.GeonameID
		return l.add(f)
	})
	if err != nil {
		return err
	}
	l.close()
	_, err = io.WriteString(w, "]}\n")
	return err
}
