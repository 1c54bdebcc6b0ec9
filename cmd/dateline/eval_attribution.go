package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"dateline/graph"
	"dateline/graph/extract"
	"dateline/graph/extract/quote/attribution"
	"dateline/graph/source"
	"dateline/graph/store"
)

// attributionSystem runs articles through Dateline and returns what a user
// sees of each article's quotes, in article order. It is the eval's only
// contact with the pipeline and the store, so that it can be re-pointed
// when their APIs change.
type attributionSystem func(ctx context.Context, arts []*graph.Article) ([][]attribution.Prediction, error)

// ingestSystem does what `dateline ingest` does — extract.Default and
// Process for each article, Put into a store (here in memory) — and reads
// the quotes back from the store once every article is in, so that each
// speaker is the cross-article entity a user sees, with its canonical
// name and aliases.
func ingestSystem(ctx context.Context, arts []*graph.Article) ([][]attribution.Prediction, error) {
	pipe, err := extract.Default()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(store.Options{InMemory: true})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	for _, a := range arts {
		doc := &graph.Document{Article: *a}
		if err := pipe.Process(ctx, doc); err != nil {
			return nil, fmt.Errorf("extract %s: %w", a.Key, err)
		}
		if _, err := st.Put(ctx, doc); err != nil {
			return nil, err
		}
	}
	entities := map[graph.ID]*store.StoredEntity{}
	out := make([][]attribution.Prediction, len(arts))
	for i, a := range arts {
		facts, err := st.ArticleFacts(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		for _, q := range facts.Quotes {
			p := attribution.Prediction{Span: q.Span, Direct: q.Direct, Text: q.Text, SpeakerText: q.SpeakerText,
				Date: q.Date, FromPublication: q.DateFromPublication}
			if q.Speaker != 0 {
				e, ok := entities[q.Speaker]
				if !ok {
					if e, err = st.Entity(ctx, q.Speaker); err != nil {
						return nil, err
					}
					entities[q.Speaker] = e
				}
				p.Speaker, p.Aliases = e.Name, e.Aliases
			}
			out[i] = append(out[i], p)
		}
	}
	return out, nil
}

// evalAttribution scores who-said-what-when on Dateline's own journalism
// gold (graph/extract/quote/attribution), or builds the articles file the
// gold refers to.
func evalAttribution(ctx context.Context, e *env, args []string) error {
	return runEvalAttribution(ctx, e, args, ingestSystem)
}

func runEvalAttribution(ctx context.Context, e *env, args []string, system attributionSystem) error {
	fs := newFlagSet(e, "eval attribution", "eval attribution [--json] [--list] GOLD ARTICLES\n"+
		"       dateline eval attribution --build-articles CORPORA GOLD OUT",
		"Run every article of ARTICLES (JSON Lines: id, date, title, text, source) through\n"+
			"Dateline as ingest does (extraction, then an in-memory store) and score its quotes\n"+
			"against GOLD (graph/extract/quote/attribution/gold/attributions.jsonl; the format\n"+
			"is in that package's README). A quote matches a gold attribution when their\n"+
			"contents overlap by at least half of the shorter, one to one, largest overlaps\n"+
			"first. Reports quote precision, recall and F1 (all, direct, reported), speaker-\n"+
			"entity accuracy over matched attributions with a named speaker (by person,\n"+
			"organisation, government), the unresolved rate, unnamed sources linked anyway,\n"+
			"said-on date accuracy, and the same by source. The gold's offsets and text\n"+
			"hashes are checked against ARTICLES first; any mismatch fails.\n\n"+
			"With --build-articles, read the texts of GOLD's articles from the shared corpora\n"+
			"folder CORPORA (../shared/corpora) and write the ARTICLES file to OUT.")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	list := fs.Bool("list", false, "after the table, list every miss, spurious quote, wrong or missing speaker and wrong date")
	build := fs.String("build-articles", "", "build the ARTICLES file from this corpora folder instead of scoring")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *build != "" {
		if fs.NArg() != 2 {
			fs.Usage()
			return &exitError{code: exitUsage, err: errors.New("--build-articles wants GOLD and OUT")}
		}
		return buildAttributionArticles(ctx, e, *build, fs.Arg(0), fs.Arg(1))
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("want GOLD and ARTICLES")}
	}
	g, err := readGold(fs.Arg(0))
	if err != nil {
		return err
	}
	arts, err := readGoldArticles(ctx, fs.Arg(1), g)
	if err != nil {
		return err
	}
	preds, err := system(ctx, arts)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	byID := map[string][]attribution.Prediction{}
	for i, art := range g.Articles {
		byID[art.ID] = preds[i]
	}
	r, findings := attribution.Score(g, byID)
	if *asJSON {
		if err := json.NewEncoder(e.stdout).Encode(r); err != nil {
			return fmt.Errorf("eval attribution: write: %w", err)
		}
		return nil
	}
	if err := writeAttributionTable(e.stdout, g, r); err != nil {
		return fmt.Errorf("eval attribution: write: %w", err)
	}
	if *list {
		if err := writeFindings(e.stdout, g, byID, arts, findings); err != nil {
			return fmt.Errorf("eval attribution: write: %w", err)
		}
	}
	return nil
}

// readGold reads and checks a gold file.
func readGold(path string) (*attribution.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &exitError{code: exitDataErr, err: err}
	}
	defer f.Close()
	g, err := attribution.Read(f)
	if err != nil {
		return nil, &exitError{code: exitDataErr, err: fmt.Errorf("%s: %w", path, err)}
	}
	if len(g.Articles) == 0 {
		return nil, &exitError{code: exitDataErr, err: fmt.Errorf("%s: no article lines", path)}
	}
	return g, nil
}

// readGoldArticles reads the ARTICLES file as ingest reads JSON Lines (the
// id field naming each article) and returns the gold's articles in gold
// order, after checking the gold's offsets and hashes against their texts.
// A rejected record, an article the gold does not list, or a gold article
// the file lacks, fails the eval.
func readGoldArticles(ctx context.Context, path string, g *attribution.Gold) ([]*graph.Article, error) {
	byID := map[string]*graph.Article{}
	var problems []error
	err := source.Read(ctx, []string{path}, source.Options{Format: source.FormatJSONL, Fields: source.FieldMap{ID: "id"}},
		func(it source.Item) error {
			if it.Err != nil {
				problems = append(problems, it.Err)
				return nil
			}
			id, ok := strings.CutPrefix(it.Article.Key, "id:")
			if !ok {
				problems = append(problems, fmt.Errorf("%s: record without an id field", it.Article.Origin))
				return nil
			}
			byID[id] = it.Article
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("eval attribution: read %s: %w", path, err)
	}
	listed := map[string]bool{}
	texts := map[string]string{}
	var out []*graph.Article
	for _, art := range g.Articles {
		listed[art.ID] = true
		if a, ok := byID[art.ID]; ok {
			texts[art.ID] = a.Text
			out = append(out, a)
		}
	}
	for id := range byID {
		if !listed[id] {
			problems = append(problems, fmt.Errorf("article %s of %s is not in the gold", id, path))
		}
	}
	if err := g.Verify(texts); err != nil {
		problems = append(problems, err)
	}
	if err := errors.Join(problems...); err != nil {
		return nil, &exitError{code: exitDataErr, err: err}
	}
	return out, nil
}

// buildAttributionArticles writes the articles file of a gold from the
// shared corpora.
func buildAttributionArticles(ctx context.Context, e *env, corpora, goldPath, out string) error {
	g, err := readGold(goldPath)
	if err != nil {
		return err
	}
	texts, err := attribution.Build(ctx, corpora, g.Articles)
	if err != nil {
		return &exitError{code: exitDataErr, err: err}
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := attribution.WriteTexts(f, texts); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %d articles to %s\n", len(texts), out)
	return nil
}

// writeAttributionTable prints the figures as tables.
func writeAttributionTable(w io.Writer, g *attribution.Gold, r *attribution.Result) error {
	n := 0
	for _, as := range g.Attributions {
		n += len(as)
	}
	fmt.Fprintf(w, "%d articles, %d gold attributions\n\n", r.Articles, n)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "quotes\tprecision\trecall\t    F1\t gold\tpredicted\n")
	for _, row := range []struct {
		name string
		p    attribution.PRF
	}{{"all", r.Quotes}, {"direct", r.Direct}, {"reported", r.Reported}} {
		fmt.Fprintf(tw, "%s\t%9.4f\t%6.4f\t%6.4f\t%5d\t%9d\n", row.name, row.p.Precision, row.p.Recall, row.p.F1, row.p.Gold, row.p.Predicted)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	ratioRow := func(name string, x attribution.Ratio) {
		fmt.Fprintf(tw, "%s\t%6.4f\t%5d\t%5d\n", name, x.Value, x.Count, x.Of)
	}
	fmt.Fprintf(tw, "speakers and dates\t value\tcount\t   of\n")
	ratioRow("speaker entity accuracy", r.Speaker)
	for _, k := range attribution.NamedKinds {
		ratioRow("  "+k, r.SpeakerByKind[k])
	}
	ratioRow("unresolved named speakers", r.Unresolved)
	ratioRow("unnamed sources linked", r.UnnamedLinked)
	ratioRow("said-on date accuracy", r.Date)
	for _, h := range attribution.DateHows {
		ratioRow("  "+h, r.DateByHow[h])
	}
	for _, h := range attribution.DateHows {
		ratioRow("  marked publication, "+h, r.PublicationFlagged[h])
	}
	ratioRow("direct/reported agreement", r.ClassAgreement)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "by source\tarticles\tquote F1\tspeaker acc.\tunresolved\tdate acc.\n")
	var names []string
	for name := range r.BySource {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		s := r.BySource[name]
		fmt.Fprintf(tw, "%s\t%8d\t%8.4f\t%12.4f\t%10.4f\t%9.4f\n", name, s.Articles, s.Quotes.F1, s.Speaker.Value, s.Unresolved.Value, s.Date.Value)
	}
	return tw.Flush()
}

// writeFindings lists what went wrong, article by article: missed
// attributions, spurious quotes, wrong or missing speakers, wrong dates.
func writeFindings(w io.Writer, g *attribution.Gold, preds map[string][]attribution.Prediction, arts []*graph.Article, fs []attribution.Finding) error {
	texts := map[string]string{}
	for i, art := range g.Articles {
		texts[art.ID] = arts[i].Text
	}
	clip := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if r := []rune(s); len(r) > 90 {
			s = string(r[:60]) + " … " + string(r[len(r)-25:])
		}
		return s
	}
	goldText := func(id string, a *attribution.Attribution) string {
		return clip(strings.Join(a.ContentText, " … "))
	}
	speaker := func(p *attribution.Prediction) string {
		if p.Speaker == "" {
			return fmt.Sprintf("none (%q)", p.SpeakerText)
		}
		return fmt.Sprintf("%s (%q)", p.Speaker, p.SpeakerText)
	}
	bw := &errWriter{w: w}
	bw.printf("\nfindings\n")
	for _, f := range fs {
		var a *attribution.Attribution
		var p *attribution.Prediction
		if f.Gold >= 0 {
			a = &g.Attributions[f.Article][f.Gold]
		}
		if f.Pred >= 0 {
			p = &preds[f.Article][f.Pred]
		}
		switch {
		case p == nil:
			bw.printf("miss      %s: %s %q — %s %s\n", f.Article, kindLabel(a), goldText(f.Article, a), a.Speaker, a.SpeakerText)
		case a == nil:
			bw.printf("spurious  %s: %q — %s\n", f.Article, clip(p.Text), speaker(p))
		default:
			if !f.SpeakerRight {
				want := a.Speaker
				if !a.Named() {
					want = "unnamed"
				}
				bw.printf("speaker   %s: want %s (%s), got %s: %q\n", f.Article, want, a.Kind, speaker(p), goldText(f.Article, a))
			}
			if !f.DateRight {
				bw.printf("date      %s: want %s (%s), got %s (publication %v): %q\n", f.Article, a.Date, a.DateHow, p.Date, p.FromPublication, goldText(f.Article, a))
			}
		}
	}
	return bw.err
}

func kindLabel(a *attribution.Attribution) string {
	if a.Direct {
		return "direct"
	}
	return "reported"
}

// errWriter keeps the first write error, so that a long listing checks it
// once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
