package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalQuotesJSON runs `dateline eval quotes --json` on the PolNeAR
// reader's hand-made article. Its one direct quote ("We are worried," she
// added) needs no name from the tagger, so direct recall must be 1.
func TestEvalQuotesJSON(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "graph", "extract", "quote", "polnear", "testdata", "mini")
	r := runCLI(t, nil, "eval", "quotes", "--json", dir)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got struct {
		Content struct {
			Precision, Recall, F1 float64
		} `json:"content"`
		SpeakerAccuracy float64 `json:"speaker_accuracy"`
		Direct          struct {
			Recall          float64 `json:"recall"`
			SpeakerAccuracy float64 `json:"speaker_accuracy"`
		} `json:"direct"`
		Reported              map[string]float64 `json:"reported"`
		AllAttributionsRecall float64            `json:"all_attributions_recall"`
		Articles              int                `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if got.Articles != 1 || got.Direct.Recall != 1 || got.Direct.SpeakerAccuracy != 1 || got.Content.Recall <= 0 {
		t.Errorf("eval quotes --json = %+v\n%s", got, r.stdout)
	}
	for _, k := range []string{"precision", "recall", "f1", "speaker_accuracy"} {
		if _, ok := got.Reported[k]; !ok {
			t.Errorf("reported has no %q: %s", k, r.stdout)
		}
	}
}

func TestEvalQuotesTableAndErrors(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "graph", "extract", "quote", "polnear", "testdata", "mini")
	r := runCLI(t, nil, "eval", "quotes", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "direct") || !strings.Contains(r.stdout, "1 articles") {
		t.Errorf("table output: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "eval", "quotes"); r.code != exitUsage {
		t.Errorf("no directory: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "quotes", "--part", "test", dir); r.code != exitUsage {
		t.Errorf("unknown part: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "quotes", "--part", "aside", dir); r.code != exitOK || !strings.Contains(r.stdout, "1 articles") {
		t.Errorf("--part aside of one article: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "eval", "quotes", t.TempDir()); r.code != exitDataErr {
		t.Errorf("empty directory: exit %d, want %d", r.code, exitDataErr)
	}
}
