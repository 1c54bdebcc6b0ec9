package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalIdentityJSON runs `dateline eval identity --json` on the two
// readers' hand-made fixtures: a MEANTIME directory and a GUM file, each
// its own corpus, then their total.
func TestEvalIdentityJSON(t *testing.T) {
	root := repoRoot(t)
	mt := filepath.Join(root, "graph", "resolve", "meantime", "testdata")
	gm := filepath.Join(root, "graph", "resolve", "gum", "testdata", "mini.conllu")
	r := runCLI(t, nil, "eval", "identity", "--json", "--order", "reverse", mt, gm)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var got struct {
		Order   string `json:"order"`
		Corpora []struct {
			Name      string `json:"name"`
			Documents int    `json:"documents"`
			Sections  []struct {
				Key         string `json:"key"`
				Match       string `json:"match"`
				KeyMentions int    `json:"key_mentions"`
				Projected   struct {
					CoNLL float64 `json:"conll"`
				} `json:"projected"`
			} `json:"sections"`
		} `json:"corpora"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if got.Order != "reverse" || len(got.Corpora) != 3 {
		t.Fatalf("report %+v", got)
	}
	want := []struct {
		name        string
		docs, named int
	}{{"meantime", 1, 4}, {"mini", 2, 5}, {"total", 3, 9}}
	for i, w := range want {
		c := got.Corpora[i]
		if c.Name != w.name || c.Documents != w.docs || len(c.Sections) != 6 {
			t.Errorf("corpus %d = %s with %d documents, %d sections; want %s, %d, 6", i, c.Name, c.Documents, len(c.Sections), w.name, w.docs)
			continue
		}
		s := c.Sections[0]
		for _, x := range c.Sections {
			if x.Key == "per_org_loc" && x.Match == "head" {
				s = x
			}
		}
		if s.KeyMentions != w.named || s.Projected.CoNLL < 0 || s.Projected.CoNLL > 1 {
			t.Errorf("%s headline section %+v, want %d key mentions", c.Name, s, w.named)
		}
	}
}

func TestEvalIdentityTableAndErrors(t *testing.T) {
	gm := filepath.Join(repoRoot(t), "graph", "resolve", "gum", "testdata", "mini.conllu")
	r := runCLI(t, nil, "eval", "identity", gm)
	if r.code != exitOK || !strings.Contains(r.stdout, "per_org_loc") || !strings.Contains(r.stdout, "Headline") {
		t.Errorf("table output: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, nil, "eval", "identity", "--order", "sideways", gm); r.code != exitUsage {
		t.Errorf("bad order: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "identity", "--corpora", t.TempDir(), gm); r.code != exitUsage {
		t.Errorf("--corpora with paths: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "identity", t.TempDir()); r.code != exitDataErr {
		t.Errorf("empty directory: exit %d, want %d", r.code, exitDataErr)
	}
	if r := runCLI(t, nil, "eval", "identity", filepath.Join(repoRoot(t), "go.mod")); r.code != exitUsage {
		t.Errorf("not a corpus: exit %d, want %d", r.code, exitUsage)
	}
	if r := runCLI(t, nil, "eval", "identity", "--help"); !strings.Contains(r.stderr, "MEANTIME") || !strings.Contains(r.stderr, "projected") {
		t.Errorf("--help does not explain the measure:\n%s", r.stderr)
	}
}
