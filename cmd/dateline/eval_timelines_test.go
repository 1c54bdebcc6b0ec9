package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph/sharedtest"
)

// TestEvalTimelines runs `dateline eval timelines --json --out` on the
// airbus corpus of SemEval-2015 Task 4 and checks the report and the
// written timelines; the figure itself is held to its floor in package
// graph/timelines.
func TestEvalTimelines(t *testing.T) {
	dir := sharedtest.Path(t, "corpora/meantime/semeval2015-task4-timelines/corpus_1")
	out := t.TempDir()
	r := runCLI(t, nil, "eval", "timelines", "--json", "--out", out, dir)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got struct {
		Corpora []struct {
			CAT       string  `json:"cat"`
			Documents int     `json:"documents"`
			F1        float64 `json:"f1"`
			Targets   []struct {
				Target string `json:"target"`
			} `json:"targets"`
		} `json:"corpora"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if len(got.Corpora) != 1 {
		t.Fatalf("%d corpora reported", len(got.Corpora))
	}
	c := got.Corpora[0]
	if filepath.Base(c.CAT) != "corpus_airbus" || c.Documents != 30 || len(c.Targets) != 13 || c.F1 <= 0 {
		t.Errorf("report: %+v", c)
	}
	b, err := os.ReadFile(filepath.Join(out, "corpus_1", "boeing_787_dreamliner.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "Boeing 787 Dreamliner\n") {
		t.Errorf("written timeline starts %q", string(b[:min(len(b), 40)]))
	}
	r = runCLI(t, nil, "eval", "timelines", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "micro F1") {
		t.Errorf("table output: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestEvalTimelinesErrors(t *testing.T) {
	if r := runCLI(t, nil, "eval", "timelines"); r.code != exitUsage {
		t.Errorf("no folder: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "timelines", "--cat", "x", "a", "b"); r.code != exitUsage {
		t.Errorf("--cat with two folders: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "timelines", t.TempDir()); r.code != exitDataErr {
		t.Errorf("folder without a target list: exit %d, want %d", r.code, exitDataErr)
	}
}
