package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"dateline/graph/extract"
	"dateline/graph/ingest"
	"dateline/graph/source"
)

func ingestCommand() *command {
	return &command{
		name:    "ingest",
		summary: "read articles (text, JSON Lines, CSV/TSV, HTML, .gz, folders, -) into the database",
		run:     runIngest,
	}
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", "ingest [flags] PATH...",
		"Reads articles from files, folders (recursively), .gz files and - (standard input) and stores them.\n"+
			"Formats: text (a ' date 2022-02-08 …' article, a title:/date:/url:/source: header block, or plain text),\n"+
			"jsonl, csv, tsv and html, chosen by extension and content unless --format is given.\n"+
			"Re-ingesting an article changes nothing; new text under the same URL replaces the old version.\n"+
			"Rejected records are reported as FILE:LINE: reason and the exit status is then 1.")
	db := dbFlag(fs, e)
	format := fs.String("format", "", "force one `format` for every file: text, jsonl, csv, tsv or html")
	fields := fs.String("fields", "", "map field or column names to roles, e.g. `text=story,date=pubtime,title=heading` (roles: date, title, text, url, source, id, lead)")
	maxArticle := fs.Int64("max-article", source.DefaultMaxText>>20, "reject articles with more than this many `MiB` of text")
	workers := fs.Int("workers", 0, "extraction workers (default: number of CPUs)")
	verbose := fs.Bool("v", false, "log every article stored, with its outcome")
	quiet := fs.Bool("q", false, "no progress bar and no summary")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("no PATH given (use - for standard input)")}
	}
	fm, err := source.ParseFieldMap(*fields)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if *maxArticle < 1 || *maxArticle > source.DefaultMaxRecord>>20 {
		return &exitError{code: exitUsage, err: fmt.Errorf("--max-article %d: want 1 to %d (MiB)", *maxArticle, source.DefaultMaxRecord>>20)}
	}
	st, err := openStore(e, *db, false)
	if err != nil {
		return err
	}
	defer st.Close()

	pipe, err := extract.Default()
	if err != nil {
		return err
	}
	opts := ingest.Options{
		Workers: *workers,
		Stages:  []ingest.Stage{pipe},
		Source:  source.Options{Format: *format, Fields: fm, Stdin: e.stdin, MaxText: *maxArticle << 20},
	}
	bar := newProgress(e.stderr, paths, *quiet)
	opts.OnItem = func(pr ingest.Progress) {
		if pr.Err != nil {
			bar.clear()
			fmt.Fprintln(e.stderr, pr.Err.Error())
		} else if *verbose {
			bar.clear()
			fmt.Fprintf(e.stderr, "%s %s %d %s\n", pr.Result, pr.Article.Origin, pr.Article.ID, pr.Article.Date)
		}
		bar.update(pr.Totals)
	}
	sum, err := ingest.Run(ctx, st, paths, opts)
	bar.finish()
	if !*quiet {
		fmt.Fprintf(e.stderr, "ingest: %s\n", sum)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return &exitError{code: 130, err: fmt.Errorf("interrupted; the %d articles stored so far are kept", sum.New+sum.Replaced+sum.Unchanged)}
		}
		return err
	}
	if sum.Rejected > 0 {
		return &exitError{code: exitFailure, err: fmt.Errorf("%d record(s) rejected; everything else was stored", sum.Rejected)}
	}
	return nil
}

// progress draws a bar on a terminal and nothing elsewhere, so that logs and
// pipes get clean output.
type progress struct {
	bar   *progressbar.ProgressBar
	start time.Time
}

func newProgress(w io.Writer, paths []string, quiet bool) *progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	total, known := source.Size(paths)
	if !known {
		total = -1
	}
	return &progress{
		start: time.Now(),
		bar: progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(known),
			progressbar.OptionSetWidth(24),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionClearOnFinish(),
		),
	}
}

func (p *progress) update(s ingest.Summary) {
	if p.bar == nil {
		return
	}
	rate := float64(s.Read) / time.Since(p.start).Seconds()
	p.bar.Describe(fmt.Sprintf("%d articles %s", s.Read, strings.TrimSpace(fmt.Sprintf("%6.0f/s", rate))))
	p.bar.Set64(s.Bytes)
}

func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
