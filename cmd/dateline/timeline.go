package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"dateline/graph"
	"dateline/graph/names"
	"dateline/graph/query"
	"dateline/graph/store"
	"dateline/timeline"
)

func timelineCommand() *command {
	return &command{
		name:    "timeline",
		summary: "list dated events and statements, for entities or everything, with their sources",
		run:     runTimeline,
	}
}

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ", ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// resolveEntity finds the entity a user means by NAME (or a numeric ID):
// an exact name or alias first, else the most mentioned prefix match.
func resolveEntity(ctx context.Context, st *store.Store, name string) (*store.StoredEntity, error) {
	if n, err := strconv.ParseUint(name, 10, 64); err == nil {
		return st.Entity(ctx, graph.ID(n))
	}
	page, err := st.Entities(ctx, store.EntityQuery{Prefix: name, Limit: 20})
	if err != nil {
		return nil, err
	}
	key := names.Key(name)
	for _, e := range page.Items {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if names.Key(a) == key {
				return e, nil
			}
		}
	}
	if len(page.Items) == 0 {
		return nil, &exitError{code: exitFailure, err: fmt.Errorf("no entity is called %q (try 'dateline entities %s')", name, name)}
	}
	return page.Items[0], nil
}

// dateFlag parses an optional --from/--to value.
func dateFlag(name, v string) (timeline.Date, error) {
	if v == "" {
		return timeline.Date{}, nil
	}
	d, err := timeline.Parse(v)
	if err != nil {
		return d, &exitError{code: exitUsage, err: fmt.Errorf("--%s %q: %v", name, v, err)}
	}
	return d, nil
}

type timelineItemJSON struct {
	Date      string   `json:"date"`
	Precision string   `json:"precision"`
	Reported  bool     `json:"reported,omitempty"`
	Type      string   `json:"type"`
	Category  string   `json:"category,omitempty"`
	Title     string   `json:"title"`
	Who       []string `json:"who,omitempty"`
	Where     string   `json:"where,omitempty"`
	Reports   int      `json:"reports"`  // sentences that report it
	Articles  int      `json:"articles"` // distinct articles among them
	Sources   []string `json:"sources"`
	Sentence  string   `json:"sentence,omitempty"`
	Article   string   `json:"article_url,omitempty"`
	// label is the date as the text output shows it (see quoteRow).
	label string
}

func runTimeline(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "timeline", "timeline [--db DIR] [--entity NAME]... [--from D] [--to D] [--by event|published] [--bucket day|week|month] [--json]",
		"Lists dated events and statements (quotes) in order, each with its sources. With --entity, only\n"+
			"those involving the entity (repeat to compare several); with --bucket, counts per period first.")
	db := dbFlag(fs, e)
	var ents multiFlag
	fs.Var(&ents, "entity", "an entity `NAME` or ID (repeatable)")
	from := fs.String("from", "", "first `date` (2022-02-08, 2022-02 or 2022)")
	to := fs.String("to", "", "last `date`")
	by := fs.String("by", "event", "place items by `event` time or by `published` time")
	bucket := fs.String("bucket", "", "also count items per `day`, `week` or `month`")
	knownAt := fs.String("known-at", "", "only what had been published by this `date`")
	category := fs.String("category", "", "events of this `category` only (meeting, statement, force, …)")
	limit := fs.Int("limit", 200, "at most `N` items")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *by != "event" && *by != "published" {
		return &exitError{code: exitUsage, err: fmt.Errorf("--by %q: want event or published", *by)}
	}
	prec := timeline.Unknown
	if *bucket != "" {
		var err error
		if prec, err = timeline.ParseBucket(*bucket); err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--bucket %q: want day, week or month", *bucket)}
		}
	}
	q := query.TimelineQuery{ByPublished: *by == "published", Category: *category, Quotes: true, Limit: *limit}
	var err error
	if q.Range.From, err = dateFlag("from", *from); err != nil {
		return err
	}
	if q.Range.To, err = dateFlag("to", *to); err != nil {
		return err
	}
	if q.KnownAt, err = dateFlag("known-at", *knownAt); err != nil {
		return err
	}
	st, err := openStore(e, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	var who []string
	for _, n := range ents {
		ent, err := resolveEntity(ctx, st, n)
		if err != nil {
			return err
		}
		q.Entities = append(q.Entities, ent.ID)
		who = append(who, ent.Name)
	}
	items, err := query.Timeline(ctx, st, q)
	if err != nil {
		return err
	}
	rows, err := timelineRows(ctx, query.NewLookup(st), items)
	if err != nil {
		return err
	}
	var buckets []timeline.Bucket
	if prec != timeline.Unknown {
		b := timeline.NewBuckets(prec)
		query.Count(b, items)
		buckets = b.List()
	}
	if *asJSON {
		out := map[string]any{"entities": who, "items": rows}
		if prec != timeline.Unknown {
			out["buckets"] = bucketRows(buckets)
		}
		return json.NewEncoder(e.stdout).Encode(out)
	}
	if len(who) > 0 {
		fmt.Fprintf(e.stdout, "Timeline of %s\n\n", strings.Join(who, ", "))
	}
	if prec != timeline.Unknown {
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.ToUpper(*bucket)+"\tEVENTS\tSTATEMENTS")
		for _, b := range buckets {
			fmt.Fprintf(tw, "%s\t%d\t%d\n", b.Date, b.Events, b.Quotes)
		}
		tw.Flush()
		fmt.Fprintln(e.stdout)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.stdout, "no dated events or statements")
		return nil
	}
	for _, r := range rows {
		date := r.label
		if r.Reported {
			date += " (reported)"
		}
		fmt.Fprintf(e.stdout, "%-24s %-17s %s\n", date, r.Category, r.Title)
		if len(r.Who) > 0 || r.Where != "" {
			fmt.Fprintf(e.stdout, "%-24s %-17s who: %s", "", "", strings.Join(r.Who, ", "))
			if r.Where != "" {
				fmt.Fprintf(e.stdout, "; where: %s", r.Where)
			}
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%-24s %-17s %s from %s\n", "", "", reportCount(r.Reports, r.Articles), strings.Join(r.Sources, ", "))
	}
	return nil
}

// reportCount says how many articles report an item, and in how many
// sentences when more than one an article ("1 article, 2 sentences").
func reportCount(reports, articles int) string {
	a := fmt.Sprintf("%d article", articles)
	if articles != 1 {
		a += "s"
	}
	if reports > articles {
		a += fmt.Sprintf(", %d sentences", reports)
	}
	return a
}

func bucketRows(buckets []timeline.Bucket) []map[string]any {
	var out []map[string]any
	for _, b := range buckets {
		out = append(out, map[string]any{"date": b.Date.String(), "events": b.Events, "statements": b.Quotes})
	}
	return out
}

// timelineRows renders items with entity names, sources and sentences. An
// entity or article that is gone leaves its name or sentence out.
func timelineRows(ctx context.Context, look *query.Lookup, items []query.Item) ([]timelineItemJSON, error) {
	name := func(id graph.ID) string {
		if id == 0 {
			return ""
		}
		ent, err := look.Entity(ctx, id)
		if err != nil {
			return ""
		}
		return ent.Name
	}
	article := func(id graph.ID) (*store.StoredArticle, error) {
		a, err := look.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, nil
		}
		return a, err
	}
	rows := []timelineItemJSON{}
	for _, it := range items {
		r := timelineItemJSON{Date: it.Date.String(), label: it.Date.Label(), Precision: it.Date.Precision.String(), Reported: it.Reported, Sources: []string{}}
		srcs := map[string]bool{}
		addSource := func(a *store.StoredArticle) {
			s := a.Source
			if s == "" {
				s = a.Origin.File
			}
			if !srcs[s] {
				srcs[s] = true
				r.Sources = append(r.Sources, s)
			}
		}
		switch {
		case it.Event != nil:
			ev := it.Event
			r.Type, r.Category, r.Reports = "event", ev.Category, len(ev.Reports)
			for _, id := range ev.ParticipantIDs() {
				if n := name(id); n != "" {
					r.Who = append(r.Who, n)
				}
			}
			r.Where = name(ev.Place)
			first := ev.Reports[0]
			a, err := article(first.Article)
			if err != nil {
				return nil, err
			}
			if a != nil {
				r.Sentence = first.Sentence.Of(a.Text)
				r.Article = a.URL
			}
			r.Title = first.Trigger
			if r.Sentence != "" {
				r.Title = r.Sentence
			}
			arts := map[graph.ID]bool{}
			for _, rep := range ev.Reports {
				arts[rep.Article] = true
				if a, err := article(rep.Article); err == nil && a != nil {
					addSource(a)
				}
			}
			r.Articles = len(arts)
		case it.Quote != nil:
			qt := it.Quote
			r.Type, r.Category, r.Reports, r.Articles = "quote", "statement", 1, 1
			speaker := name(qt.Speaker)
			if speaker == "" {
				speaker = graph.UnlinkedSpeaker(qt.SpeakerText)
			}
			r.Who = []string{speaker}
			words := qt.Text
			if qt.Direct {
				words = "“" + words + "”"
			}
			r.Title = graph.SaidBy(speaker, qt.Cue) + ": " + words
			a, err := article(qt.Article)
			if err != nil {
				return nil, err
			}
			if a != nil {
				r.Sentence = qt.Sentence.Of(a.Text)
				r.Article = a.URL
				addSource(a)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}
