package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/quote"
	"dateline/graph/extract/quote/polnear"
	"dateline/graph/extract/segment"
)

// evalQuotes scores the quote finder on a PolNeAR directory: content
// precision, recall and F1 over speech attributions, speaker accuracy,
// the same split by direct and reported speech, and recall over all
// attributions.
func evalQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval quotes", "eval quotes [--json] [--part all|tune|aside] DIR",
		"Find the quotes of every article of a PolNeAR directory (DIR/text/NAME.txt,\n"+
			"DIR/attributions/NAME_ANNOTATOR.ann; the first annotator of an article counts)\n"+
			"as ingest would (segment, ner, quote) and score them. Gold speech attributions\n"+
			"have a cue with a reporting verb of the SFU list, \"according to\" or a colon.\n"+
			"A prediction matches an attribution when the contents overlap by at least half\n"+
			"of the shorter; recall is over speech attributions, precision over all\n"+
			"predictions (a match to any attribution counts), speaker accuracy over the\n"+
			"matched speech attributions (predicted speaker overlaps the gold source).\n"+
			"--part tune keeps the first 80 % of the articles in file-name order, the part the\n"+
			"rules are tuned on; --part aside the last 20 %, set aside and only measured.")
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	part := fs.String("part", polnear.PartAll, "articles to score: all, tune (first 80 %) or aside (last 20 %)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &exitError{code: exitUsage, err: errors.New("want one PolNeAR directory")}
	}
	docs, err := polnear.ReadDir(ctx, fs.Arg(0))
	if err != nil {
		return &exitError{code: exitDataErr, err: err}
	}
	if docs, err = polnear.Part(docs, *part); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	tagger, err := ner.Default()
	if err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	var elapsed time.Duration
	total, err := polnear.Evaluate(ctx, docs, func(text string) []polnear.Prediction {
		sents := segment.Split(text)
		mentions := tagger.Tag(text, sents)
		start := time.Now()
		qs := quote.Find(text, sents, mentions)
		elapsed += time.Since(start)
		return polnear.FromQuotes(qs)
	})
	if err != nil {
		return err
	}
	r := total.Result()
	if *asJSON {
		if err := json.NewEncoder(e.stdout).Encode(r); err != nil {
			return fmt.Errorf("eval quotes: write: %w", err)
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tprecision\trecall\tF1\tspeaker acc.\tgold\tpredicted\t\n")
	row := func(name string, p polnear.PRF, acc float64, gold, pred int) {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t\n", name, p.Precision, p.Recall, p.F1, acc, gold, pred)
	}
	row("all", r.Content, r.SpeakerAccuracy, total.GoldSpeech[0]+total.GoldSpeech[1], total.Pred[0]+total.Pred[1])
	row("direct", r.Direct.PRF, r.Direct.SpeakerAccuracy, total.GoldSpeech[polnear.Direct], total.Pred[polnear.Direct])
	row("reported", r.Reported.PRF, r.Reported.SpeakerAccuracy, total.GoldSpeech[polnear.Reported], total.Pred[polnear.Reported])
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval quotes: write: %w", err)
	}
	fmt.Fprintf(e.stdout, "\n%d articles; recall over all %d attributions %.4f; quote finding %.2fs\n",
		r.Articles, total.Gold, r.AllAttributionsRecall, elapsed.Seconds())
	return nil
}
