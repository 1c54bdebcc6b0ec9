package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph/sharedtest"
)

// attributionJSON is the part of `eval attribution --json` the tests read.
type attributionJSON struct {
	Articles int `json:"articles"`
	Quotes   struct {
		Precision, Recall, F1 float64
		Gold, Predicted       int
	} `json:"quotes"`
	Direct   map[string]float64 `json:"direct"`
	Reported map[string]float64 `json:"reported"`
	Speaker  struct {
		Value     float64
		Count, Of int
	} `json:"speaker_accuracy"`
	ByKind     map[string]map[string]float64 `json:"speaker_accuracy_by_kind"`
	Unresolved struct{ Value float64 }       `json:"unresolved"`
	Date       struct {
		Value float64
		Of    int
	} `json:"date_accuracy"`
	BySource map[string]json.RawMessage `json:"by_source"`
}

func fixturePath(t *testing.T, name string) string {
	return filepath.Join(repoRoot(t), "graph", "extract", "quote", "attribution", "testdata", name)
}

// TestEvalAttributionFixture runs the real pipeline on the GUM crane
// article and its three gold attributions.
func TestEvalAttributionFixture(t *testing.T) {
	r := runCLI(t, nil, "eval", "attribution", "--json", fixturePath(t, "crane-gold.jsonl"), fixturePath(t, "crane-articles.jsonl"))
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got attributionJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if got.Articles != 1 || got.Quotes.Gold != 3 || len(got.BySource) != 1 || got.BySource["gum"] == nil {
		t.Errorf("eval attribution --json = %+v", got)
	}
	// The two direct quotes in quotation marks are found.
	if got.Direct["recall"] != 1 {
		t.Errorf("direct recall %v, want 1:\n%s", got.Direct["recall"], r.stdout)
	}
	for _, k := range []string{"person", "organisation", "government"} {
		if _, ok := got.ByKind[k]; !ok {
			t.Errorf("no speaker accuracy for %s: %s", k, r.stdout)
		}
	}

	r = runCLI(t, nil, "eval", "attribution", "--list", fixturePath(t, "crane-gold.jsonl"), fixturePath(t, "crane-articles.jsonl"))
	if r.code != exitOK || !strings.Contains(r.stdout, "speaker entity accuracy") || !strings.Contains(r.stdout, "findings") {
		t.Errorf("table output: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestEvalAttributionErrors(t *testing.T) {
	gold, arts := fixturePath(t, "crane-gold.jsonl"), fixturePath(t, "crane-articles.jsonl")
	if r := runCLI(t, nil, "eval", "attribution", gold); r.code != exitUsage {
		t.Errorf("one argument: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "attribution", "--build-articles", t.TempDir(), gold); r.code != exitUsage {
		t.Errorf("--build-articles without OUT: exit %d, want %d", r.code, exitUsage)
	}
	// An articles file whose text is not the annotated one fails loudly.
	b, err := os.ReadFile(arts)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(changed, []byte(strings.Replace(string(b), "A storm yesterday", "A storm on Friday", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "eval", "attribution", gold, changed)
	if r.code != exitDataErr || !strings.Contains(r.stderr, "hash") {
		t.Errorf("changed text: exit %d, stderr %q", r.code, r.stderr)
	}
	// A gold with an article the articles file lacks fails too.
	g, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(t.TempDir(), "gold.jsonl")
	line := strings.SplitN(string(g), "\n", 2)[0]
	if err := os.WriteFile(extra, []byte(string(g)+strings.Replace(line, "GUM_news_crane", "GUM_news_other", 1)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "eval", "attribution", extra, arts); r.code != exitDataErr || !strings.Contains(r.stderr, "GUM_news_other") {
		t.Errorf("missing article: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestEvalAttributionGold builds the articles of the committed gold from
// ../shared/corpora and scores the pipeline on all of them. It checks the
// report's structure, not a target: the targets are the quote finder's
// business.
func TestEvalAttributionGold(t *testing.T) {
	corpora := sharedtest.Path(t, "corpora")
	gold := filepath.Join(repoRoot(t), "graph", "extract", "quote", "attribution", "gold", "attributions.jsonl")
	arts := filepath.Join(t.TempDir(), "articles.jsonl")
	if r := runCLI(t, nil, "eval", "attribution", "--build-articles", corpora, gold, arts); r.code != exitOK {
		t.Fatalf("build: exit %d, stderr %q", r.code, r.stderr)
	}
	r := runCLI(t, nil, "eval", "attribution", "--json", gold, arts)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got attributionJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	g, err := readGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	articles, attributions := len(g.Articles), 0
	for _, as := range g.Attributions {
		attributions += len(as)
	}
	if got.Articles != articles || got.Quotes.Gold != attributions || articles < 50 {
		t.Errorf("%d articles and %d gold quotes scored, the gold has %d and %d", got.Articles, got.Quotes.Gold, articles, attributions)
	}
	for _, s := range []string{"polnear", "gum", "press"} {
		if got.BySource[s] == nil {
			t.Errorf("no figures for source %s", s)
		}
	}
	for name, v := range map[string]float64{"F1": got.Quotes.F1, "speaker": got.Speaker.Value, "unresolved": got.Unresolved.Value, "date": got.Date.Value} {
		if v < 0 || v > 1 {
			t.Errorf("%s = %v, outside [0, 1]", name, v)
		}
	}
	if got.Speaker.Of == 0 || got.Date.Of == 0 || got.Quotes.Predicted == 0 {
		t.Errorf("nothing matched: %+v", got)
	}
}
