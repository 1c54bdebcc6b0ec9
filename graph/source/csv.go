package source

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// readCSV reads a CSV (or, with tab, TSV) file with a header row, as RFC
// 4180 writes it: quoted fields may hold commas, quotes and line breaks.
// Quotes are strict, and every row must have as many fields as the header;
// a row that breaks either rule, or is not UTF-8, is rejected with the line
// it starts on and reading goes on with the next. A header without a text
// column rejects the whole file.
//
// Memory is bounded by the largest row: encoding/csv holds one record.
func readCSV(ctx context.Context, in *input, tab bool, emit emitFunc) error {
	r := csv.NewReader(in.r)
	if tab {
		r.Comma = '\t'
	}
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return emit.reject(in.file, pe.StartLine, "header: %v", pe.Err)
		}
		return emit.reject(in.file, 1, "%s", in.ioReason(err))
	}
	header = append([]string(nil), header...)
	cols, err := columns(header, in.opts.Fields)
	if err != nil {
		return emit.reject(in.file, 1, "%v", err)
	}
	if cols[roleText] < 0 {
		return emit.reject(in.file, 1, "no text column in header %q (looked for %s); name one with a field map, e.g. text=%s",
			strings.Join(header, string(r.Comma)), strings.Join(usualNames[roleText], ", "), header[len(header)-1])
	}
	var field [numRoles]string
	for ro, c := range cols {
		if c >= 0 {
			field[ro] = header[c]
		}
	}
	next := 2 // the line the next record starts on, for read errors
	for record := 1; ; record++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount):
			err = emit.reject(in.file, pe.StartLine, "row has %d fields, the header has %d", len(rec), len(header))
			next = pe.Line + 1
		case errors.As(err, &pe):
			err = emit.reject(in.file, pe.StartLine, "malformed CSV: %v (line %d, column %d)", pe.Err, pe.Line, pe.Column)
			next = pe.Line + 1
		case err != nil:
			return emit.reject(in.file, next, "%s", in.ioReason(err))
		default:
			line, _ := r.FieldPos(0)
			last, _ := r.FieldPos(len(rec) - 1)
			next = last + strings.Count(rec[len(rec)-1], "\n") + 1
			err = emit(in.csvRecord(rec, &cols, &field, line, record))
		}
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return stop{err}
		}
	}
}

// csvRecord turns one row into an Item.
func (in *input) csvRecord(rec []string, cols *[numRoles]int, field *[numRoles]string, line, record int) Item {
	var vals [numRoles]string
	for _, v := range rec {
		if !utf8.ValidString(v) {
			return Item{Err: &Error{File: in.file, Line: line, Reason: "invalid UTF-8"}}
		}
	}
	for ro, c := range cols {
		if c >= 0 {
			vals[ro] = rec[c]
		}
	}
	a, reason := in.article(&vals, field, line, record)
	if a == nil {
		return Item{Err: &Error{File: in.file, Line: line, Reason: reason}}
	}
	return Item{Article: a}
}
