package export

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// TestEncodeBudget runs every format of the tiny store under byte budgets
// below its size: the output is a prefix of the whole export within the
// budget, cut at a line boundary where the format has lines, followed by
// the format's comment saying so where it has comments, and the error
// says it stopped. A budget at or over the size changes nothing.
func TestEncodeBudget(t *testing.T) {
	ctx := context.Background()
	st := tinyStore(t)
	g, err := Select(ctx, st, Selection{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Formats() {
		f, _ := Lookup(name)
		full := export(t, st, name, Selection{})
		for _, limit := range []int64{int64(len(full)), int64(len(full)) + 100} {
			var buf bytes.Buffer
			if err := f.EncodeBudget(ctx, g, &buf, limit); err != nil || !bytes.Equal(buf.Bytes(), full) {
				t.Errorf("%s, budget %d of %d bytes: %v, %d bytes written; want the whole export", name, limit, len(full), err, buf.Len())
			}
		}
		for _, limit := range []int64{int64(len(full)) / 2, 300, 1} {
			var buf bytes.Buffer
			err := f.EncodeBudget(ctx, g, &buf, limit)
			var be *BudgetError
			if !errors.As(err, &be) || !Truncated(err) || be.Limit != limit {
				t.Errorf("%s, budget %d of %d bytes: %v, want a BudgetError", name, limit, len(full), err)
				continue
			}
			out := buf.Bytes()
			body := out[:be.Written]
			marker := string(out[be.Written:])
			if int64(len(body)) > limit || !bytes.HasPrefix(full, body) {
				t.Errorf("%s, budget %d: %d bytes that are not a prefix of the export within the budget", name, limit, len(body))
			}
			if len(body) > 0 && name != "csv" && !bytes.HasSuffix(body, []byte("\n")) {
				t.Errorf("%s, budget %d: cut inside a line: …%q", name, limit, body[max(0, len(body)-40):])
			}
			if f.comment != "" {
				if !strings.Contains(marker, "dateline: export truncated at the byte budget") || !strings.HasSuffix(marker, "\n") {
					t.Errorf("%s, budget %d: marker %q", name, limit, marker)
				}
			} else if marker != "" {
				t.Errorf("%s has no comments but got a marker %q", name, marker)
			}
		}
	}
}

// TestNQuadsBudgetWholeStatements: an N-Quads export cut by its budget
// holds whole statements only, each one of the full export, and its last
// line is a comment, so that an RDF parser reads it as it is.
func TestNQuadsBudgetWholeStatements(t *testing.T) {
	ctx := context.Background()
	st := tinyStore(t)
	g, err := Select(ctx, st, Selection{})
	if err != nil {
		t.Fatal(err)
	}
	full := export(t, st, "nquads", Selection{})
	whole := map[string]bool{}
	for _, l := range strings.Split(string(full), "\n") {
		whole[l] = true
	}
	f, _ := Lookup("nquads")
	var buf bytes.Buffer
	if err := f.EncodeBudget(ctx, g, &buf, 4000); !Truncated(err) {
		t.Fatalf("4,000-byte budget on a %d-byte export: %v", len(full), err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	for _, l := range lines[:len(lines)-1] {
		if !whole[l] || !strings.HasSuffix(l, " .") {
			t.Errorf("not a whole statement of the export: %q", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "# dateline: export truncated") {
		t.Errorf("last line %q, want the truncation comment", last)
	}
	if len(lines) < 10 {
		t.Errorf("only %d lines in 4,000 bytes", len(lines))
	}
}

// TestBudgetLongLine: output without newlines (a document on one line) is
// let through in pieces and stopped within the budget.
func TestBudgetLongLine(t *testing.T) {
	var out bytes.Buffer
	b := &budgetWriter{w: &out, limit: 150 << 10}
	chunk := bytes.Repeat([]byte("x"), 10<<10)
	var err error
	for i := 0; i < 40 && err == nil; i++ {
		_, err = b.Write(chunk)
	}
	if !Truncated(err) || out.Len() > 150<<10 || out.Len() < 64<<10 {
		t.Errorf("a 400 KiB line under a 150 KiB budget: %d bytes written, %v", out.Len(), err)
	}
	if _, err := b.Write([]byte("more\n")); !Truncated(err) {
		t.Errorf("a write after the budget: %v", err)
	}
}
