package main

import (
	"context"
	"encoding/json"
	"fmt"

	"dateline/graph"
	"dateline/graph/store"
)

func quotesCommand() *command {
	return &command{
		name:    "quotes",
		summary: "who said what when: quotes with date, speaker, words and source",
		run:     runQuotes,
	}
}

type quoteRow struct {
	Date    string `json:"date"`
	Speaker string `json:"speaker"`
	// SpeakerText is the speaker as the article writes it; Speaker is
	// the entity's name, or a readable label when none is linked.
	SpeakerText string `json:"speaker_text"`
	Resolved    bool   `json:"speaker_resolved"`
	Cue         string `json:"cue"`
	Text        string `json:"text"`
	Direct      bool   `json:"direct"`
	Source      string `json:"source"`
	URL         string `json:"url,omitempty"`
	Sentence    string `json:"sentence"`
	// label is the date as the text output shows it ("1960s" for a
	// decade, whose TIMEX3 value Date gives as "196").
	label string
}

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "quotes", "quotes [--db DIR] [--speaker NAME] [--about NAME] [--from D] [--to D] [--words W] [--json]",
		"Lists quotes, direct and reported, in date order, with the speaker, the words and the source.")
	db := dbFlag(fs, e)
	speaker := fs.String("speaker", "", "only quotes by this `NAME` (or entity ID)")
	about := fs.String("about", "", "only quotes mentioning this `NAME`")
	from := fs.String("from", "", "first `date`")
	to := fs.String("to", "", "last `date`")
	words := fs.String("words", "", "only quotes containing these `words`")
	limit := fs.Int("limit", 100, "at most `N` quotes (1–10000)")
	asJSON := fs.Bool("json", false, "print JSON lines, one quote a line")
	government := fs.Bool("government", true, "with --speaker a country, also its government's and state institutions' quotes (the Kremlin's for Russia)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *limit < 1 || *limit > 10000 {
		return &exitError{code: exitUsage, err: fmt.Errorf("--limit %d is outside 1–10000", *limit)}
	}
	q := store.QuoteQuery{Words: *words, Limit: *limit, Government: *government}
	var err error
	if q.Range.From, err = dateFlag("from", *from); err != nil {
		return err
	}
	if q.Range.To, err = dateFlag("to", *to); err != nil {
		return err
	}
	st, err := openStore(e, *db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if *speaker != "" {
		ent, err := resolveEntity(ctx, st, *speaker)
		if err != nil {
			return err
		}
		q.Speaker = ent.ID
	}
	if *about != "" {
		ent, err := resolveEntity(ctx, st, *about)
		if err != nil {
			return err
		}
		q.About = ent.ID
	}
	page, err := st.Quotes(ctx, q)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	n := 0
	for _, qt := range page.Items {
		if q.Speaker != 0 && q.About != 0 && !hasID(qt.About, q.About) {
			continue
		}
		r, err := newQuoteRow(ctx, st, qt)
		if err != nil {
			return err
		}
		n++
		if *asJSON {
			if err := enc.Encode(r); err != nil {
				return err
			}
			continue
		}
		words := r.Text
		if r.Direct {
			words = "“" + words + "”"
		}
		// "Olena Zelenska said: …", "Olena Zelenska: …" for a colon, not "(:)".
		fmt.Fprintf(e.stdout, "%s  %s: %s\n            — %s %s\n", r.label, graph.SaidBy(r.Speaker, r.Cue), words, r.Source, r.URL)
	}
	if n == 0 && !*asJSON {
		fmt.Fprintln(e.stdout, "no quotes")
		// Quotes of undated articles have no place on a dated list; say
		// so rather than let the user think none were found.
		if st, err := st.Stats(ctx); err == nil && st.Undated > 0 && st.Quotes > 0 {
			fmt.Fprintf(e.stdout, "(%d of the %d articles have no date, and their quotes are listed only when the text dates them; give articles a date: a \"date:\" header line, a date field, or a date in the file's name)\n",
				st.Undated, st.Articles)
		}
	}
	return nil
}

func hasID(xs []graph.ID, id graph.ID) bool {
	for _, x := range xs {
		if x == id {
			return true
		}
	}
	return false
}

func newQuoteRow(ctx context.Context, st *store.Store, qt *graph.Quote) (quoteRow, error) {
	r := quoteRow{Date: qt.Date.String(), label: qt.Date.Label(), Speaker: graph.UnlinkedSpeaker(qt.SpeakerText), SpeakerText: qt.SpeakerText, Cue: qt.Cue, Text: qt.Text, Direct: qt.Direct}
	if qt.Speaker != 0 {
		if ent, err := st.Entity(ctx, qt.Speaker); err == nil {
			r.Speaker, r.Resolved = ent.Name, true
		}
	}
	a, err := st.Article(ctx, qt.Article)
	if err != nil {
		return r, err
	}
	r.Source, r.URL, r.Sentence = a.Source, a.URL, qt.Sentence.Of(a.Text)
	if r.Source == "" {
		r.Source = a.Origin.File
	}
	return r, nil
}
