package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalTimexJSON runs `dateline eval timex --json` on the TimeML reader's
// hand-made document and checks the figures the tagger reaches on it.
func TestEvalTimexJSON(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "timeline", "timex", "timeml", "testdata")
	r := runCLI(t, nil, "eval", "timex", "--json", dir)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got struct {
		Relaxed struct {
			Precision, Recall, F1 float64
		} `json:"relaxed"`
		Strict struct {
			F1 float64
		} `json:"strict"`
		ValueAccuracy float64 `json:"value_accuracy"`
		Documents     int     `json:"documents"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	// The document has three scored gold dates (last week, Monday, 2014),
	// all of which the tagger finds with the right value.
	if got.Documents != 1 || got.Relaxed.Recall != 1 || got.Relaxed.Precision != 1 || got.ValueAccuracy != 1 || got.Strict.F1 != 1 {
		t.Errorf("eval timex --json = %+v\n%s", got, r.stdout)
	}
}

func TestEvalTimexTableAndErrors(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "timeline", "timex", "timeml", "testdata")
	r := runCLI(t, nil, "eval", "timex", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "relaxed F1") || !strings.Contains(r.stdout, "1.000") {
		t.Errorf("table output: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "eval", "timex"); r.code != exitUsage {
		t.Errorf("no directory: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "timex", filepath.Join(t.TempDir(), "missing")); r.code != exitDataErr {
		t.Errorf("missing directory: exit %d, want %d", r.code, exitDataErr)
	}
	if r := runCLI(t, nil, "eval", "timex", t.TempDir()); r.code != exitDataErr {
		t.Errorf("empty directory: exit %d, want %d", r.code, exitDataErr)
	}
}
