package main

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalNERJSON runs "dateline eval ner --json" on a small CoNLL file and
// checks the documented keys and that the scores are the tagger's.
func TestEvalNERJSON(t *testing.T) {
	file := filepath.Join(repoRoot(t), "graph", "extract", "ner", "testdata", "tiny.conll")
	r := runCLI(t, nil, "eval", "ner", "--json", file)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"precision", "recall", "f1", "types", "tokens", "seconds"} {
		if _, ok := got[k]; !ok {
			t.Errorf("missing key %q in %s", k, r.stdout)
		}
	}
	var rep struct {
		F1     float64 `json:"f1"`
		Tokens int     `json:"tokens"`
		Types  map[string]struct {
			Precision, Recall, F1 float64
			Support               int
		} `json:"types"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Tokens != 50 {
		t.Errorf("tokens = %d, want 50", rep.Tokens)
	}
	for typ, support := range map[string]int{"PER": 2, "LOC": 4, "ORG": 3, "MISC": 2} {
		if rep.Types[typ].Support != support {
			t.Errorf("%s support = %d, want %d", typ, rep.Types[typ].Support, support)
		}
	}
	if rep.F1 < 0.5 {
		t.Errorf("F1 on a file of CoNLL training sentences = %.3f, want at least 0.5", rep.F1)
	}
}

func TestEvalNERTable(t *testing.T) {
	file := filepath.Join(repoRoot(t), "graph", "extract", "ner", "testdata", "tiny.conll")
	r := runCLI(t, nil, "eval", "ner", file)
	if r.code != 0 || !strings.Contains(r.stdout, "PER+LOC+ORG") || !strings.Contains(r.stdout, "MISC") {
		t.Errorf("exit %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestEvalNERModel scores a model file given with --model: the committed
// file gives the embedded tagger's scores, and a file that is no model is
// a data error.
func TestEvalNERModel(t *testing.T) {
	file := filepath.Join(repoRoot(t), "graph", "extract", "ner", "testdata", "tiny.conll")
	model := filepath.Join(repoRoot(t), "graph", "extract", "ner", "model", "ner.model")
	headline := func(out string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "PER+LOC+ORG") {
				return l
			}
		}
		return ""
	}
	def := runCLI(t, nil, "eval", "ner", file)
	r := runCLI(t, nil, "eval", "ner", "--model", model, file)
	if r.code != 0 || headline(r.stdout) == "" || headline(r.stdout) != headline(def.stdout) {
		t.Errorf("exit %d, --model headline %q, embedded %q (stderr %s)", r.code, headline(r.stdout), headline(def.stdout), r.stderr)
	}
	if r := runCLI(t, nil, "eval", "ner", "--model", file, file); r.code != exitDataErr {
		t.Errorf("--model with a CoNLL file: exit %d, want %d (stderr %s)", r.code, exitDataErr, r.stderr)
	}
	if r := runCLI(t, nil, "eval", "ner", "--model", filepath.Join(t.TempDir(), "missing.model"), file); r.code != exitFailure {
		t.Errorf("--model with a missing file: exit %d, want %d", r.code, exitFailure)
	}
}

func TestEvalNERErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.conll")
	if err := os.WriteFile(bad, []byte("EU NNP B-NP X-ORG\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"eval", "ner"}, exitUsage},
		{[]string{"eval", "ner", bad}, exitDataErr},
		{[]string{"eval", "ner", filepath.Join(t.TempDir(), "missing.conll")}, exitFailure},
	} {
		if r := runCLI(t, nil, tc.args...); r.code != tc.code {
			t.Errorf("%v: exit %d, want %d (stderr %s)", tc.args, r.code, tc.code, r.stderr)
		}
	}
}

// TestEvalNERGUM scores a GUM CoNLL-U file, read as PER/LOC/ORG names.
func TestEvalNERGUM(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gum_sample.conllu.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte("# newdoc id = GUM_news_sample\n" +
		"1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-nnnnn-cf1-1-sgl-Vladimir_Putin)\n" +
		"2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl-Moscow)|SpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"))
	zw.Close()
	f.Close()
	r := runCLI(t, nil, "eval", "ner", "--json", path)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var rep struct {
		Tokens int                              `json:"tokens"`
		Types  map[string]struct{ Support int } `json:"types"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Tokens != 4 || rep.Types["PER"].Support != 1 || rep.Types["LOC"].Support != 1 {
		t.Errorf("tokens %d, PER support %d, LOC support %d; want 4, 1, 1", rep.Tokens, rep.Types["PER"].Support, rep.Types["LOC"].Support)
	}
	if r := runCLI(t, nil, "eval", "ner", filepath.Join(t.TempDir(), "missing.conllu.gz")); r.code != exitFailure {
		t.Errorf("missing GUM file: exit %d, want %d", r.code, exitFailure)
	}
}
