package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/webui"
)

// TestCorrectionsCommand corrects the sample article's entities from the
// command line, lists the audit trail, and carries it to a rebuilt
// database with --json and --apply.
func TestCorrectionsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	sample := filepath.Join(repoRoot(t), "cmd", "dateline", "demodata", "sample-article.txt")
	if r := runCLI(t, nil, "ingest", "--db", db, sample); r.code != 0 {
		t.Fatalf("ingest exited %d: %s", r.code, r.stderr)
	}
	r := runCLI(t, nil, "entities", "--db", db, "rename", "Volokdymyr Zelensky", "Volodymyr Zelensky", "--who", "desk", "--note", "typo in the source")
	if r.code != 0 || !strings.Contains(r.stderr, "correction 1 recorded and applied") {
		t.Fatalf("rename exited %d: %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "entities", "drop", "--db", db, "West"); r.code != 0 {
		t.Fatalf("drop exited %d: %s", r.code, r.stderr)
	}
	for _, bad := range [][]string{{"merge", "Macron"}, {"retype", "Macron", "animal"}, {"rename", "Macron", " "}} {
		if r := runCLI(t, nil, append([]string{"entities", "--db", db}, bad...)...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d: %s", bad, r.code, exitUsage, r.stderr)
		}
	}
	r = runCLI(t, nil, "entities", "--db", db, "--kind", "person", "zelensk")
	if !strings.Contains(r.stdout, "Volodymyr Zelensky") || strings.Contains(r.stdout, "Volokdymyr Zelensky ") {
		t.Errorf("after the rename:\n%s", r.stdout)
	}
	if r := runCLI(t, nil, "entities", "--db", db, "--kind", "place", "west"); strings.Contains(r.stdout, "West ") {
		t.Errorf("a dropped name is listed:\n%s", r.stdout)
	}
	r = runCLI(t, nil, "entities", "--db", db, "corrections")
	if !strings.Contains(r.stdout, "desk") || !strings.Contains(r.stdout, "typo in the source") || !strings.Contains(r.stdout, `"west" is not an entity`) {
		t.Errorf("audit list:\n%s", r.stdout)
	}
	r = runCLI(t, nil, "entities", "--db", db, "corrections", "--json")
	saved := filepath.Join(dir, "corrections.jsonl")
	if err := os.WriteFile(saved, []byte(r.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	var first webui.CorrectionJSON
	if err := json.Unmarshal([]byte(strings.SplitN(r.stdout, "\n", 2)[0]), &first); err != nil || first.Op != "rename" || first.Who != "desk" {
		t.Fatalf("corrections --json: %+v %v\n%s", first, err, r.stdout)
	}
	// A rebuild: a new database, the same article, the saved corrections.
	db2 := filepath.Join(dir, "db2")
	if r := runCLI(t, nil, "ingest", "--db", db2, sample); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := runCLI(t, nil, "entities", "--db", db2, "corrections", "--apply", saved); r.code != 0 || !strings.Contains(r.stderr, "2 corrections applied") {
		t.Fatalf("apply exited %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, nil, "entities", "--db", db2, "corrections", "--json")
	if strings.Count(r.stdout, "\n") != 2 || !strings.Contains(r.stdout, `"who":"desk"`) {
		t.Errorf("rebuilt audit list:\n%s", r.stdout)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"op":"rename","name":"x","value":"y"}`+"\n"+`{"op":"paint","name":"x"}`+"\n"), 0o600)
	if r := runCLI(t, nil, "entities", "--db", db2, "corrections", "--apply", bad); r.code == 0 || !strings.Contains(r.stderr, "bad.jsonl:2") {
		t.Errorf("a bad line: exit %d: %s", r.code, r.stderr)
	}
}
