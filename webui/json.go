package webui

import (
	"encoding/hex"
	"errors"

	"dateline/graph"
	"dateline/graph/query"
	"dateline/graph/store"
)

// The JSON shapes of the API. Field names are snake_case and stable;
// openapi.json documents them.

type entityRef struct {
	ID   graph.ID `json:"id,string"`
	Kind string   `json:"kind"`
	Name string   `json:"name"`
}

type geoJSON struct {
	GeonamesID int64   `json:"geonames_id,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Country    string  `json:"country,omitempty"`
}

// roleJSON is one title an entity is given, with the dates of the first
// and last articles giving it and how many do.
type roleJSON struct {
	Title    string   `json:"title"`
	Org      string   `json:"org,omitempty"`
	First    string   `json:"first,omitempty"`
	Last     string   `json:"last,omitempty"`
	Articles int      `json:"articles"`
	Article  graph.ID `json:"article,string"` // the latest article giving it
}

// EntityJSON is an entity as the API's entity profile and lists answer it
// (GET /api/v1/entities/{id}, openapi.json's Entity) and as
// `dateline entities --json` prints it: one shape for scripts whichever
// way they ask.
type EntityJSON struct {
	entityRef
	Aliases   []string    `json:"aliases"`
	Roles     []roleJSON  `json:"roles"`
	Geo       *geoJSON    `json:"geo,omitempty"`
	Mentions  int64       `json:"mentions"`
	Articles  int64       `json:"articles"`
	FirstSeen string      `json:"first_seen,omitempty"`
	LastSeen  string      `json:"last_seen,omitempty"`
	Merges    []mergeJSON `json:"merges"`
}

// mergeJSON says why a name joined the entity.
type mergeJSON struct {
	Alias   string   `json:"alias"`
	Reason  string   `json:"reason"`
	Article graph.ID `json:"article,string"`
}

func refOf(e *store.StoredEntity) entityRef {
	return entityRef{ID: e.ID, Kind: e.Kind.String(), Name: e.Name}
}

// NewEntityJSON renders e: its roles most attested first, with the dates
// of the first and last articles giving each.
func NewEntityJSON(e *store.StoredEntity) EntityJSON {
	out := EntityJSON{entityRef: refOf(e), Aliases: e.Aliases, Mentions: e.Mentions, Articles: e.Articles,
		FirstSeen: e.FirstSeen.String(), LastSeen: e.LastSeen.String(), Roles: []roleJSON{}}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	for _, r := range store.RolesByUse(e.RoleStats) {
		out.Roles = append(out.Roles, roleJSON{Title: r.Title, Org: r.Org, First: r.First.String(), Last: r.Last.String(),
			Articles: int(r.Articles), Article: r.Latest})
	}
	out.Merges = []mergeJSON{}
	for _, m := range e.Merges {
		out.Merges = append(out.Merges, mergeJSON{Alias: m.Alias, Reason: m.Reason, Article: m.Article})
	}
	if g := e.Geo; g != nil {
		out.Geo = &geoJSON{GeonamesID: g.GeonameID, Lat: g.Lat, Lon: g.Lon, Country: g.Country}
	}
	return out
}

type articleRef struct {
	ID     graph.ID `json:"id,string"`
	Title  string   `json:"title"`
	Date   string   `json:"date,omitempty"`
	URL    string   `json:"url,omitempty"`
	Source string   `json:"source,omitempty"`
}

func articleRefOf(a *store.StoredArticle) articleRef {
	return articleRef{ID: a.ID, Title: a.Title, Date: a.Date.String(), URL: a.URL, Source: a.Source}
}

type spanJSON [2]int

type quoteJSON struct {
	ID   graph.ID `json:"id,string"`
	Date string   `json:"date,omitempty"`
	// DateFromPublication marks a date that is the publication day
	// because the text says nowhere when the words were said.
	DateFromPublication bool       `json:"date_from_publication,omitempty"`
	Speaker             *entityRef `json:"speaker"`
	SpeakerText         string     `json:"speaker_text"`
	// SpeakerLabel is what to show when Speaker is null: the words as
	// written, or "unidentified (they)" for a bare pronoun.
	SpeakerLabel string      `json:"speaker_label"`
	Cue          string      `json:"cue"`
	Text         string      `json:"text"`
	Direct       bool        `json:"direct"`
	Span         spanJSON    `json:"span"`
	Sentence     spanJSON    `json:"sentence_span"`
	SentenceText string      `json:"sentence,omitempty"`
	Article      articleRef  `json:"article"`
	About        []entityRef `json:"about"`
}

type nodeJSON struct {
	entityRef
	Mentions    int64   `json:"mentions"`
	Depth       int     `json:"depth"`
	Weight      int64   `json:"weight"`
	PageRank    float64 `json:"pagerank"`
	Betweenness float64 `json:"betweenness"`
	Community   int     `json:"community"`
	Component   int     `json:"component"`
	FirstSeen   string  `json:"first_seen,omitempty"`
	LastSeen    string  `json:"last_seen,omitempty"`
}

type dayWeightJSON struct {
	Date   string `json:"date"`
	Weight int64  `json:"weight"`
}

type edgeJSON struct {
	Source graph.ID        `json:"source,string"`
	Target graph.ID        `json:"target,string"`
	Weight int64           `json:"weight"`
	First  string          `json:"first,omitempty"`
	Last   string          `json:"last,omitempty"`
	Days   []dayWeightJSON `json:"days"`
}

type graphJSON struct {
	Nodes []nodeJSON `json:"nodes"`
	Edges []edgeJSON `json:"edges"`
}

// graphOf renders a graph; withDays adds each edge's per-day weights (what
// a view that replays the network over time needs, and the bulk of the
// answer).
func graphOf(g *query.Graph, withDays bool) graphJSON {
	out := graphJSON{Nodes: []nodeJSON{}, Edges: []edgeJSON{}}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, nodeJSON{entityRef: refOf(n.Entity), Mentions: n.Entity.Mentions, Depth: n.Depth,
			Weight: n.Weight, PageRank: n.Rank, Betweenness: n.Between, Community: n.Community, Component: n.Component,
			FirstSeen: n.Entity.FirstSeen.String(), LastSeen: n.Entity.LastSeen.String()})
	}
	for _, e := range g.Edges {
		ej := edgeJSON{Source: e.Source, Target: e.Target, Weight: e.Weight, First: query.Day(e.FirstDay), Last: query.Day(e.LastDay)}
		if withDays {
			for _, d := range e.Days {
				ej.Days = append(ej.Days, dayWeightJSON{Date: query.Day(d.Day), Weight: d.Weight})
			}
		}
		if ej.Days == nil {
			ej.Days = []dayWeightJSON{}
		}
		out.Edges = append(out.Edges, ej)
	}
	return out
}

// listJSON is the shape of every paginated list.
type listJSON[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"`
}

func encodeCursor(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return hex.EncodeToString(b)
}

func decodeCursor(s string) ([]byte, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) == 0 || len(b) > 64 {
		return nil, errors.New("bad cursor")
	}
	return b, nil
}
