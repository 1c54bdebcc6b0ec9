package export

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/headline"
	"dateline/graph/query"
	"dateline/graph/store"
	"dateline/timeline"
)

// MaxSlides caps a TimelineJS export: TimelineJS draws every slide in the
// page, and a few thousand is already more than a reader can browse.
const MaxSlides = 2000

// tlDate is a TimelineJS3 date object: the fields down to the date's
// precision, so "2022-02" shows as a month and not as its first day.
type tlDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	Hour        int    `json:"hour,omitempty"`
	Minute      int    `json:"minute,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

type tlSlide struct {
	StartDate *tlDate `json:"start_date,omitempty"`
	Text      tlText  `json:"text"`
	Group     string  `json:"group,omitempty"`
	UniqueID  string  `json:"unique_id"`
}

// TimelineJS is the TimelineJS3 JSON document
// (https://timeline.knightlab.com/docs/json-format.html).
type TimelineJS struct {
	Title  tlSlide   `json:"title"`
	Events []tlSlide `json:"events"`
}

// tlDateOf renders d down to its precision. Quarters and weeks keep the
// month (and, for a week, its Monday) with their ISO name as display_date.
func tlDateOf(d timeline.Date) *tlDate {
	s := d.Start
	t := &tlDate{Year: s.Year()}
	p := d.Precision
	if p >= timeline.Quarter {
		t.Month = int(s.Month())
	}
	if p >= timeline.Week {
		t.Day = s.Day()
	}
	if p >= timeline.Hour {
		t.Hour = s.Hour()
	}
	if p >= timeline.Minute {
		t.Minute = s.Minute()
	}
	if p == timeline.Quarter || p == timeline.Week || p < timeline.Year {
		t.DisplayDate = d.String()
	}
	return t
}

// sourceHTML is the escaped sentence and a link to the article; only
// http(s) URLs become links.
func sourceHTML(sentence string, art *store.StoredArticle) string {
	var b strings.Builder
	if sentence != "" {
		b.WriteString("<blockquote>" + html.EscapeString(sentence) + "</blockquote>")
	}
	if art == nil {
		return b.String()
	}
	label := art.Title
	if label == "" {
		label = art.URL
	}
	if art.Source != "" {
		label += " (" + art.Source + ")"
	}
	if u, err := url.Parse(art.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		fmt.Fprintf(&b, `<p><a href="%s">%s</a></p>`, html.EscapeString(art.URL), html.EscapeString(label))
	} else if label != "" {
		b.WriteString("<p>" + html.EscapeString(label) + "</p>")
	}
	return b.String()
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// encodeTimelineJS writes the selection's events and quotes as TimelineJS3
// slides in date order (at most MaxSlides; undated ones are left out), with
// a title slide describing the selection.
func encodeTimelineJS(ctx context.Context, g *Graph, w io.Writer) error {
	tq := query.TimelineQuery{Range: g.win, KnownAt: g.sel.KnownAt, Quotes: true, Limit: MaxSlides}
	title := "Dateline timeline"
	if g.sel.Entity != 0 {
		tq.Entities = []graph.ID{g.sel.Entity}
		e, err := g.st.Entity(ctx, g.sel.Entity)
		if err != nil {
			return err
		}
		title = e.Name + ": a Dateline timeline"
	}
	items, err := query.Timeline(ctx, g.st, tq)
	if err != nil {
		return err
	}
	doc := TimelineJS{Events: []tlSlide{}}
	arts := newArticles(g.st)
	look := query.NewLookup(g.st)
	name := func(id graph.ID) (string, error) {
		e, err := look.Entity(ctx, id)
		if err != nil {
			return "", err
		}
		return e.Name, nil
	}
	for _, it := range items {
		var s tlSlide
		s.StartDate = tlDateOf(it.Date)
		switch {
		case it.Event != nil:
			ev := it.Event
			rep := ev.Reports[0]
			art, err := arts.get(ctx, rep.Article)
			if err != nil {
				return err
			}
			sent := ""
			if art != nil {
				sent = rep.Sentence.Of(art.Text)
			}
			var nameErr error
			head := headline.Stored(ev, func(id graph.ID) string {
				n, err := name(id)
				if err != nil && nameErr == nil {
					nameErr = err
				}
				return n
			}, sent)
			if nameErr != nil {
				return nameErr
			}
			s.Text = tlText{Headline: html.EscapeString(clip(head, 100)), Text: sourceHTML(sent, art)}
			if n := len(ev.Reports); n > 1 || len(ev.Recalls) > 0 {
				s.Text.Text += "<p>" + countOf(n, "report") + " from " + countOf(ev.Sources(), "source")
				if k := len(ev.Recalls); k > 0 {
					s.Text.Text += "; recalled in " + countOf(k, "article")
				}
				s.Text.Text += "</p>"
			}
			s.Group, s.UniqueID = "events", fmt.Sprintf("event-%d", ev.ID)
		default:
			q := it.Quote
			who := q.SpeakerText
			if q.Speaker != 0 {
				if who, err = name(q.Speaker); err != nil {
					return err
				}
			}
			art, err := arts.get(ctx, q.Article)
			if err != nil {
				return err
			}
			sent := ""
			if art != nil {
				sent = q.Sentence.Of(art.Text)
			}
			head := who + ": “" + q.Text + "”"
			if !q.Direct {
				head = graph.SaidBy(who, q.Cue) + " " + q.Text
			}
			s.Text = tlText{Headline: html.EscapeString(clip(head, 100)), Text: sourceHTML(sent, art)}
			s.Group, s.UniqueID = "quotes", fmt.Sprintf("quote-%d", q.ID)
		}
		doc.Events = append(doc.Events, s)
	}
	desc := fmt.Sprintf("%d events and quotes extracted from news articles by Dateline", len(doc.Events))
	if w := g.win; !w.From.IsZero() || !w.To.IsZero() {
		desc += fmt.Sprintf(", %s to %s", orOpen(w.From.String()), orOpen(w.To.String()))
	}
	doc.Title = tlSlide{Text: tlText{Headline: html.EscapeString(title), Text: "<p>" + html.EscapeString(desc) + "</p>"}, UniqueID: "title"}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

func orOpen(s string) string {
	if s == "" {
		return "…"
	}
	return s
}

// countOf writes n and a noun whose plural takes an s: "1 report", "3
// reports".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
