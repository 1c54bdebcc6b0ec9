package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// A byte budget. An export of a big store can run to gigabytes, and the
// HTTP export is unauthenticated: EncodeBudget stops a stream at a budget
// instead of writing on. What the reader then holds:
//
//   - Everything up to the last whole line that fits: the output is held
//     back from the last newline on (up to 64 KiB), so a line-oriented
//     format (nquads, cypher, ftm, quotes-jsonl, quotes-csv, and the XML
//     formats, written an element a line) ends on a record boundary, never
//     inside one.
//   - Then, where the format has comments, one line saying so: "# …"
//     (nquads), "// …" (cypher), "<!-- … -->" (graphml, gexf). It may take
//     the output past the budget by its own length.
//   - The formats written as one document (json, cytoscape, timelinejs,
//     geojson) and the csv zip are left unterminated, so that a parser
//     fails on them rather than reading a partial graph as whole. The
//     caller says why out of band (the HTTP export: a trailer).
//
// Formats whose records can hold a newline inside a quoted field
// (quotes-csv) may be cut inside such a record.

// holdBack is how much of an unfinished line the budget keeps back; a
// longer line (a document written on one line) is let through as it comes.
const holdBack = 64 << 10

// BudgetError is returned by EncodeBudget when the export was stopped at
// its byte budget.
type BudgetError struct {
	Limit   int64 // the budget, in bytes
	Written int64 // what was written before the marker
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("export: stopped at the byte budget of %d bytes (%d written); narrow the selection (entity, depth, kind, dates, min_weight, top)", e.Limit, e.Written)
}

// Truncated reports whether err says an export stopped at its budget.
func Truncated(err error) bool {
	var be *BudgetError
	return errors.As(err, &be)
}

// EncodeBudget writes the selection as Encode does, stopping before the
// output passes limit bytes (limit <= 0: no budget). Stopped, it ends the
// output on a line boundary, adds the format's comment saying so when it
// has comments, and returns an error wrapping a *BudgetError.
func (f *Format) EncodeBudget(ctx context.Context, g *Graph, w io.Writer, limit int64) error {
	if limit <= 0 {
		return f.Encode(ctx, g, w)
	}
	bw := &budgetWriter{w: w, limit: limit}
	err := f.Encode(ctx, g, bw)
	if err == nil {
		err = bw.finish()
	}
	var be *BudgetError
	if !errors.As(err, &be) {
		return err
	}
	if f.comment != "" {
		if _, werr := fmt.Fprintf(w, f.comment, "dateline: export truncated at the byte budget of "+fmt.Sprint(limit)+" bytes; narrow the selection"); werr != nil {
			return errors.Join(err, fmt.Errorf("export: %s: write the truncation marker: %w", f.Name, werr))
		}
	}
	return err
}

// budgetWriter passes whole lines through up to limit bytes and holds back
// the line being written.
type budgetWriter struct {
	w       io.Writer
	limit   int64
	written int64
	pending []byte // the unfinished line
	over    *BudgetError
}

func (b *budgetWriter) Write(p []byte) (int, error) {
	if b.over != nil {
		return 0, b.over
	}
	b.pending = append(b.pending, p...)
	cut := bytes.LastIndexByte(b.pending, '\n') + 1
	if cut == 0 && len(b.pending) > holdBack {
		cut = len(b.pending)
	}
	if cut > 0 {
		if err := b.emit(cut); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// emit writes pending[:n], or as many of its lines as fit in the budget.
func (b *budgetWriter) emit(n int) error {
	room := b.limit - b.written
	fits := int64(n) <= room
	if !fits {
		// The longest run of whole lines within the budget.
		n = bytes.LastIndexByte(b.pending[:min(int64(n), room)], '\n') + 1
	}
	if n > 0 {
		m, err := b.w.Write(b.pending[:n])
		b.written += int64(m)
		if err != nil {
			return err
		}
		b.pending = append(b.pending[:0], b.pending[n:]...)
	}
	if !fits {
		b.over = &BudgetError{Limit: b.limit, Written: b.written}
		return b.over
	}
	return nil
}

// finish writes the last, unterminated line, if it fits.
func (b *budgetWriter) finish() error {
	if b.over != nil {
		return b.over
	}
	if len(b.pending) == 0 {
		return nil
	}
	if int64(len(b.pending)) > b.limit-b.written {
		b.over = &BudgetError{Limit: b.limit, Written: b.written}
		return b.over
	}
	return b.emit(len(b.pending))
}
