package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// sniffLen is how much of a file is looked at to tell its format and to
// call it binary.
const sniffLen = 8 << 10

// input is one opened stream, positioned after any byte-order mark, with
// what the readers need to report on it.
type input struct {
	file string // path as given, or "-"
	r    *bufio.Reader
	gz   bool // the bytes come out of a gzip stream
	opts Options
}

// readPath reads one path from Read's list: stdin, a directory or a file.
func readPath(ctx context.Context, p string, opts Options, emit emitFunc) error {
	if p == "-" {
		if opts.Stdin == nil {
			return emit.reject(p, 0, "no standard input to read")
		}
		return readStream(ctx, p, p, opts.Stdin, opts, emit)
	}
	info, err := os.Stat(p)
	if err != nil {
		return emit.reject(p, 0, "%s", pathReason(err))
	}
	if !info.IsDir() {
		return readFile(ctx, p, opts, emit)
	}
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return emit.reject(path, 0, "%s", pathReason(err))
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !(d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0) {
			return nil
		}
		return readFile(ctx, path, opts, emit)
	})
}

// pathReason turns an os error into a reason without repeating the path.
func pathReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

func readFile(ctx context.Context, path string, opts Options, emit emitFunc) error {
	if err := ctx.Err(); err != nil {
		return stop{err}
	}
	f, err := os.Open(path)
	if err != nil {
		return emit.reject(path, 0, "%s", pathReason(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil // a symbolic link to a directory; WalkDir does not follow them either
	}
	return readStream(ctx, path, path, f, opts, emit)
}

// readStream reads one file's bytes: it counts them, undoes gzip, drops a
// byte-order mark, rejects empty and binary files, picks the format and
// hands over to its reader. name is what the format is guessed from.
func readStream(ctx context.Context, file, name string, r io.Reader, opts Options, emit emitFunc) error {
	if opts.OnBytes != nil {
		r = &countReader{r: r, fn: opts.OnBytes}
	}
	in := &input{file: file, r: bufio.NewReaderSize(r, 64<<10), opts: opts}
	if magic, _ := in.r.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(in.r)
		if err != nil {
			return emit.reject(file, 0, "bad gzip header: %v", err)
		}
		defer zr.Close()
		in.r, in.gz = bufio.NewReaderSize(zr, 64<<10), true
		if strings.EqualFold(filepath.Ext(name), ".gz") {
			name = name[:len(name)-len(".gz")]
		}
	}
	head, err := in.r.Peek(sniffLen)
	atEOF := err == io.EOF
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull && len(head) == 0 {
		return emit.reject(file, 0, "%s", in.ioReason(err))
	}
	if bytes.HasPrefix(head, bom) {
		_, _ = in.r.Discard(len(bom))
		head = head[len(bom):]
	}
	switch {
	case atEOF && len(bytes.TrimSpace(head)) == 0:
		return emit.reject(file, 0, "empty file")
	case bytes.IndexByte(head, 0) >= 0 || !mostlyText(head, atEOF):
		return emit.reject(file, 0, "binary file")
	}
	format := opts.Format
	if format == "" {
		format = formatOf(name)
	}
	if format == "" {
		format = sniff(head, opts.Fields)
	}
	var read func(context.Context, *input, emitFunc) error
	switch format {
	case FormatJSONL:
		read = readJSONL
	case FormatCSV, FormatTSV:
		read = func(ctx context.Context, in *input, emit emitFunc) error {
			return readCSV(ctx, in, format == FormatTSV, emit)
		}
	case FormatHTML:
		read = readHTML
	default:
		read = readText
	}
	err = read(ctx, in, emit)
	var s stop
	if err != nil && !errors.As(err, &s) {
		return emit.reject(file, 0, "%v", err)
	}
	return err
}

var bom = []byte("\xef\xbb\xbf")

// ioReason describes a read error; in a gzip stream an early end is the
// usual damage (a download cut short) and says so.
func (in *input) ioReason(err error) string {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) && in.gz:
		return "truncated gzip stream"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "file ends in the middle of a record"
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return "damaged gzip stream: " + err.Error()
	}
	return "read error: " + err.Error()
}

// mostlyText reports whether b reads as text: UTF-8 but for a few stray
// bytes. A byte gone wrong in one record of a JSON Lines or CSV file must
// cost that record (rejected by its line as invalid UTF-8), not the whole
// file; binary data is invalid throughout.
func mostlyText(b []byte, atEOF bool) bool {
	if validPrefix(b, atEOF) {
		return true
	}
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		b = b[n:]
	}
	return bad <= 8
}

// validPrefix reports whether b is UTF-8, allowing a rune cut in two at the
// end of a prefix that is not the whole file.
func validPrefix(b []byte, atEOF bool) bool {
	if !atEOF {
		for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					b = b[:i]
				}
				break
			}
		}
	}
	return utf8.Valid(b)
}

// formatOf picks the format from a file name's extension; "" when the
// extension says nothing.
func formatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText
	case ".jsonl", ".ndjson", ".jsonlines":
		return FormatJSONL
	case ".csv":
		return FormatCSV
	case ".tsv", ".tab":
		return FormatTSV
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	return ""
}

// sniff guesses the format from the first bytes: a JSON object on the first
// line is JSON Lines, an HTML start is HTML, a comma or tab separated first
// line that names a text column (by its usual names or the field map's) is
// CSV or TSV, and anything else is text.
func sniff(head []byte, fields FieldMap) string {
	b := bytes.TrimLeft(head, " \t\r\n")
	first, _, complete := bytes.Cut(b, []byte("\n"))
	if !complete && len(head) < sniffLen {
		complete = true // the whole file is one line
	}
	if len(b) > 0 && b[0] == '{' {
		if !complete || json.Valid(first) {
			return FormatJSONL
		}
		return FormatText
	}
	lower := bytes.ToLower(b[:min(len(b), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return FormatHTML
		}
	}
	if bytes.HasPrefix(lower, []byte("<")) && bytes.Contains(lower, []byte("<html")) {
		return FormatHTML
	}
	if complete {
		line := string(bytes.TrimRight(first, "\r"))
		for _, c := range []struct {
			sep    rune
			format string
		}{{'\t', FormatTSV}, {',', FormatCSV}} {
			if !strings.ContainsRune(line, c.sep) {
				continue
			}
			r := csv.NewReader(strings.NewReader(line))
			r.Comma = c.sep
			if header, err := r.Read(); err == nil && len(header) > 1 {
				if cols, err := columns(header, fields); err == nil && cols[roleText] >= 0 {
					return c.format
				}
			}
		}
	}
	return FormatText
}

// countReader reports the bytes read through it.
type countReader struct {
	r  io.Reader
	fn func(int64)
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.fn(int64(n))
	}
	return n, err
}

// Size returns the total on-disk bytes of the paths, as Read would walk
// them, for an ETA; ok is false when that cannot be known (standard input).
// Paths that cannot be read count as 0 bytes: Read reports them.
func Size(paths []string) (n int64, ok bool) {
	ok = true
	for _, p := range paths {
		if p == "-" {
			ok = false
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			n += info.Size()
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
				n += fi.Size()
			}
			return nil
		})
	}
	return n, ok
}
