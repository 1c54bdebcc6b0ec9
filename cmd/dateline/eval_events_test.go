package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalEventsJSON runs `dateline eval events --json` on the TimeML
// reader's hand-made document, whose one classified gold event ("rose",
// OCCURRENCE, past) the embedded tagger finds.
func TestEvalEventsJSON(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "timeline", "timex", "timeml", "testdata")
	r := runCLI(t, nil, "eval", "events", "--json", dir)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got struct {
		Documents int `json:"documents"`
		Gold      int `json:"gold"`
		Relaxed   struct {
			Recall float64 `json:"recall"`
		} `json:"relaxed"`
		ClassAccuracy float64 `json:"class_accuracy"`
		Tense         float64 `json:"tense_accuracy"`
		Part          string  `json:"part"`
		Tokens        int     `json:"tokens"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	// Two gold EVENTs: "rose" and an unclassified "five" inside a TIMEX3.
	if got.Documents != 1 || got.Gold != 2 || got.Relaxed.Recall != 0.5 || got.ClassAccuracy != 1 || got.Tense != 1 || got.Part != "all" || got.Tokens == 0 {
		t.Errorf("eval events --json = %+v\n%s", got, r.stdout)
	}
}

func TestEvalEventsTableAndErrors(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "timeline", "timex", "timeml", "testdata")
	r := runCLI(t, nil, "eval", "events", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "class acc") {
		t.Errorf("table output: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// One document: as the fifth by name it would be held out; alone it is
	// the first, so the held-out part is empty.
	r = runCLI(t, nil, "eval", "events", "--json", "--part", "heldout", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, `"documents": 0`) {
		t.Errorf("--part heldout: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "eval", "events"); r.code != exitUsage {
		t.Errorf("no directory: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "events", "--part", "test", dir); r.code != exitUsage {
		t.Errorf("bad --part: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "events", filepath.Join(t.TempDir(), "missing")); r.code != exitDataErr {
		t.Errorf("missing directory: exit %d, want %d", r.code, exitDataErr)
	}
	if r := runCLI(t, nil, "eval", "events", t.TempDir()); r.code != exitDataErr {
		t.Errorf("empty directory: exit %d, want %d", r.code, exitDataErr)
	}
}
