// Package source reads the piles of articles users arrive with — folders of
// text files, JSON Lines dumps, CSV and TSV exports, saved web pages, any of
// them gzipped — and turns each into a graph.Article with a stable identity
// (see Identify), a publication date of known precision and its origin.
//
// Reading streams: memory stays bounded by the largest single record, and a
// bad record, file or path is reported as an Item with Err and reading goes
// on, so that one broken line does not cost the user the other million.
// Invalid UTF-8 rejects a JSON Lines or CSV record (its fields could not be
// trusted to be what their column says); in a single text or HTML file it is
// repaired with U+FFFD, because there the whole article would be lost.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"

	"dateline/graph"
)

// Item is one thing read from a source: an article or a rejected record.
type Item struct {
	Article *graph.Article // nil when Err is set
	Err     *Error         // a rejected record or file; reading goes on after it
}

// Error is a rejected record or file, with the place to look: FILE:LINE.
type Error struct {
	File   string // path as given, "-" for standard input
	Line   int    // 1-based line the record starts on; 0 for a whole file
	Reason string
}

// Error renders "FILE:LINE: reason", or "FILE: reason" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

// Formats Options.Format accepts.
const (
	FormatText  = "text"
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
	FormatTSV   = "tsv"
	FormatHTML  = "html"
)

// DefaultMaxRecord is the default of Options.MaxRecord: 64 MiB.
const DefaultMaxRecord = 64 << 20

// DefaultMaxText is the default of Options.MaxText: 4 MiB of article text,
// some 600,000 words, far beyond any news article. Extraction costs time
// and memory in proportion to the text (about 3 s and 250 MB a megabyte
// on one core), so a limit keeps one pasted book or log file from holding
// the ingest for minutes.
const DefaultMaxText = 4 << 20

// Options controls Read.
type Options struct {
	// Format forces one reader for every file: "text", "jsonl", "csv",
	// "tsv" or "html". "" picks by extension and sniffs the rest.
	Format string
	// Fields names the columns or JSON fields for each role; empty roles
	// are recognised by their usual names.
	Fields FieldMap
	// OnBytes is called as raw bytes are consumed (compressed bytes for a
	// .gz), for progress bars; it may be nil.
	OnBytes func(n int64)
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MaxRecord is the largest JSON line, or single text or HTML file, that
	// is read; larger ones are rejected without being held in memory.
	// 0 means DefaultMaxRecord.
	MaxRecord int64
	// MaxText is the largest article text, in bytes, in any format;
	// longer articles are rejected with their place and size. 0 means
	// DefaultMaxText.
	MaxText int64
}

func (o Options) maxText() int64 {
	if o.MaxText > 0 {
		return o.MaxText
	}
	return DefaultMaxText
}

func (o Options) maxRecord() int64 {
	if o.MaxRecord > 0 {
		return o.MaxRecord
	}
	return DefaultMaxRecord
}

// Read streams every article from paths — files, directories (recursively,
// in lexical order, skipping hidden entries), "-" for Options.Stdin, and .gz
// of any format — to yield, in order. Problems with a path, file or record
// are Items with Err, and reading goes on with the next one. Read returns an
// error only when yield returns one or ctx is cancelled, and then stops, or
// at once when Options.Format is not one it knows.
func Read(ctx context.Context, paths []string, opts Options, yield func(Item) error) error {
	if err := ValidFormat(opts.Format); err != nil {
		return err
	}
	emit := func(it Item) error {
		if err := ctx.Err(); err != nil {
			return stop{err}
		}
		if err := yield(it); err != nil {
			return stop{err}
		}
		return nil
	}
	for _, p := range paths {
		err := readPath(ctx, p, opts, emit)
		var s stop
		if errors.As(err, &s) {
			return s.err
		}
		if err != nil {
			// readPath reports everything else as Items; this is a bug guard.
			return fmt.Errorf("source: read %s: %w", p, err)
		}
	}
	return ctx.Err()
}

// stop carries an error from yield or the context through the readers, so
// that it is told apart from a problem with the data, which becomes an Item.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }
func (s stop) Unwrap() error { return s.err }

// emitFunc passes an Item on; its error is always a stop.
type emitFunc func(Item) error

// reject emits an Item error for file and line.
func (emit emitFunc) reject(file string, line int, format string, args ...any) error {
	return emit(Item{Err: &Error{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}})
}

// ValidFormat reports whether f is a format name Options.Format accepts
// ("" included), so that callers can reject a bad --format before they
// open anything.
func ValidFormat(f string) error {
	switch f {
	case "", FormatText, FormatJSONL, FormatCSV, FormatTSV, FormatHTML:
		return nil
	}
	return fmt.Errorf("source: unknown format %q (want text, jsonl, csv, tsv or html)", f)
}
