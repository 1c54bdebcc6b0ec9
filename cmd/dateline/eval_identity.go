package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"dateline/graph/extract"
	"dateline/graph/resolve/coref"
	"dateline/graph/resolve/crossdoc"
	"dateline/graph/resolve/gum"
	"dateline/graph/resolve/meantime"
)

// identityReport is the JSON form of "dateline eval identity --json".
type identityReport struct {
	*crossdoc.Report
	Seconds float64 `json:"seconds"`
}

// evalIdentity scores cross-document entity resolution on MEANTIME and
// GUM.
func evalIdentity(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval identity",
		"eval identity [--json] [--losses N] [--order forward|reverse|shuffle] [--seed N] [--corpora DIR | MEANTIME_DIR... GUM.conllu[.gz]...]",
		"Cross-document entity coreference. Each corpus is ingested as `dateline ingest`\n"+
			"would (extraction, then the store's resolution, in a fresh in-memory store);\n"+
			"the mentions read back with their entities are aligned with the gold mentions\n"+
			"by span and scored with MUC, B³, CEAF-e and their CoNLL average (the\n"+
			"reference CoNLL-2012 scorer's definitions).\n\n"+
			"Corpora: a directory is NewsReader MEANTIME in CAT XML (its corpus_* folders),\n"+
			"where instance_id identifies an entity across documents; .conllu[.gz] files are\n"+
			"GUM, where entities with the same Wikipedia identity are one entity across\n"+
			"documents (all GUM files given form one corpus). With no arguments, --corpora\n"+
			"DIR reads DIR/meantime and GUM's train and dev files from DIR/gum (tune and\n"+
			"report on those; give gum_test.conllu.gz alone as a check).\n\n"+
			"The key is the gold NAMED mentions that refer to an entity: of people,\n"+
			"organisations and places whose entity the corpus links across documents\n"+
			"(linked: MEANTIME instances, GUM Wikipedia identities), of people, organisations\n"+
			"and places (per_org_loc, what Dateline models), or of every type (named).\n"+
			"\"projected\" scores the system's entities on the key mentions (a key\n"+
			"mention the system missed is an entity of its own): resolution alone.\n"+
			"\"end to end\" scores the system's own mentions, twinless ones included.\n"+
			"Alignment \"exact\": equal spans, a leading \"the\" and a trailing possessive\n"+
			"set aside; \"head\": exact first, then a system mention overlapping a gold\n"+
			"mention and covering its head word. The headline is the projected CoNLL\n"+
			"average, linked key, head alignment. --order changes the order the\n"+
			"documents are ingested in; resolution that depends only on the set of\n"+
			"articles scores the same in every order.")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	orderFlag := fs.String("order", "forward", "ingest order: forward, reverse or shuffle")
	seed := fs.Uint64("seed", 1, "seed of the shuffle order")
	losses := fs.Int("losses", 0, "also break the headline's losses down by class, with the N most frequent examples of each")
	corporaDir := fs.String("corpora", "", "the shared corpora folder to read meantime/ and gum/ from (default ../shared/corpora when no corpus is given)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	order, err := crossdoc.ParseOrder(*orderFlag)
	if err != nil {
		fs.Usage()
		return &exitError{code: exitUsage, err: err}
	}
	paths := fs.Args()
	if len(paths) > 0 && *corporaDir != "" {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("give --corpora or corpus paths, not both")}
	}
	if len(paths) == 0 {
		dir := *corporaDir
		if dir == "" {
			dir = filepath.Join("..", "shared", "corpora")
		}
		if _, err := os.Stat(dir); err != nil {
			fs.Usage()
			return &exitError{code: exitUsage, err: fmt.Errorf("no corpus given and %s not found", dir)}
		}
		paths = []string{filepath.Join(dir, "meantime"),
			filepath.Join(dir, "gum", "gum_train.conllu.gz"), filepath.Join(dir, "gum", "gum_dev.conllu.gz")}
	}
	corpora, err := readIdentityCorpora(ctx, paths)
	if err != nil {
		return err
	}
	pipe, err := extract.Default()
	if err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	start := time.Now()
	rep, err := crossdoc.Evaluate(ctx, corpora, crossdoc.Dateline(pipe), crossdoc.Options{Order: order, Seed: *seed, Losses: *losses > 0})
	if err != nil {
		return err
	}
	if *asJSON {
		if err := json.NewEncoder(e.stdout).Encode(identityReport{rep, time.Since(start).Seconds()}); err != nil {
			return fmt.Errorf("eval identity: write: %w", err)
		}
		return nil
	}
	return writeIdentityTable(e, rep, time.Since(start), *losses)
}

// readIdentityCorpora reads the corpora named on the command line: each
// directory is a MEANTIME corpus, and all the CoNLL-U files together are
// one GUM corpus, named by their base names ("gum_train+gum_dev").
func readIdentityCorpora(ctx context.Context, paths []string) ([]crossdoc.Corpus, error) {
	var out []crossdoc.Corpus
	var gumDocs []coref.Document
	var gumNames []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, &exitError{code: exitFailure, err: err}
		}
		if fi.IsDir() {
			docs, err := meantime.ReadDir(ctx, p)
			if err != nil {
				return nil, &exitError{code: exitDataErr, err: err}
			}
			c := crossdoc.Corpus{Name: "meantime"}
			for _, d := range docs {
				c.Docs = append(c.Docs, d.Gold())
			}
			out = append(out, c)
			continue
		}
		base := filepath.Base(p)
		if !strings.HasSuffix(base, ".conllu") && !strings.HasSuffix(base, ".conllu.gz") {
			return nil, &exitError{code: exitUsage, err: fmt.Errorf("%s: want a MEANTIME directory or a GUM .conllu[.gz] file", p)}
		}
		docs, err := gum.ReadFile(ctx, p)
		if err != nil {
			return nil, &exitError{code: exitDataErr, err: err}
		}
		for _, d := range docs {
			gumDocs = append(gumDocs, d.Gold())
		}
		gumNames = append(gumNames, strings.TrimSuffix(strings.TrimSuffix(base, ".gz"), ".conllu"))
	}
	if len(gumDocs) > 0 {
		out = append(out, crossdoc.Corpus{Name: strings.Join(gumNames, "+"), Docs: gumDocs})
	}
	return out, nil
}

// writeIdentityTable prints the report: one row per corpus, key and
// alignment.
func writeIdentityTable(e *env, rep *crossdoc.Report, elapsed time.Duration, top int) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "corpus\tkey\tmatch\tmentions\tentities\tx-doc\tMD R\tMD P\t"+
		"proj MUC\tproj B³\tproj CEAFe\tproj CoNLL\te2e MUC\te2e B³\te2e CEAFe\te2e CoNLL\t\n")
	for _, c := range rep.Corpora {
		for _, s := range c.Sections {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t\n",
				c.Name, s.Key, s.Match, s.KeyMentions, s.KeyEntities, s.CrossDocEntities,
				s.Detection.Recall, s.Detection.Precision,
				s.Projected.MUC.F1, s.Projected.B3.F1, s.Projected.CEAFe.F1, s.Projected.CoNLL,
				s.EndToEnd.MUC.F1, s.EndToEnd.B3.F1, s.EndToEnd.CEAFe.F1, s.EndToEnd.CoNLL)
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval identity: write: %w", err)
	}
	fmt.Fprintf(e.stdout, "\nMetric columns are F1. Headline: %s.\n", rep.Headline)
	for _, c := range rep.Corpora {
		h := c.Headline()
		fmt.Fprintf(e.stdout, "  %s: %.4f (%d documents, %d system mentions)\n", c.Name, h.Projected.CoNLL, c.Documents, c.SystemMentions)
	}
	fmt.Fprintf(e.stdout, "Order %s (seed %d); %.1fs.\n", rep.Order, rep.Seed, elapsed.Seconds())
	for _, c := range rep.Corpora {
		if c.Losses != nil {
			fmt.Fprintf(e.stdout, "\nLosses of %s (key linked, head alignment, projected):\n%s", c.Name, c.Losses.String(top))
		}
	}
	return nil
}
