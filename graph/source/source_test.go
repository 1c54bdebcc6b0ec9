package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenItem is how an Item is written in a golden file.
type goldenItem struct {
	Error     string `json:"error,omitempty"`
	ID        uint64 `json:"id,omitempty"`
	Key       string `json:"key,omitempty"`
	Date      string `json:"date,omitempty"`
	Precision string `json:"precision,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Origin    string `json:"origin,omitempty"`
	Record    int    `json:"record,omitempty"`
	Text      string `json:"text,omitempty"`
}

func toGolden(it Item) goldenItem {
	if it.Err != nil {
		return goldenItem{Error: it.Err.Error()}
	}
	a := it.Article
	g := goldenItem{
		ID: uint64(a.ID), Key: a.Key, Date: a.Date.String(), Title: a.Title, URL: a.URL,
		Source: a.Source, Origin: a.Origin.String(), Record: a.Origin.Record, Text: a.Text,
	}
	if !a.Date.IsZero() {
		g.Precision = a.Date.Precision.String()
	}
	return g
}

// readAll reads paths and returns every Item, failing the test on a
// returned error.
func readAll(t testing.TB, paths []string, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), paths, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%q): %v", paths, err)
	}
	return items
}

func TestGolden(t *testing.T) {
	in := func(p ...string) []string {
		for i := range p {
			p[i] = filepath.ToSlash(filepath.Join("testdata", "in", p[i]))
		}
		return p
	}
	stdinJSONL := `{"title":"From stdin","date":"2022-02-08","text":"Piped in."}` + "\n" + `{"oops"` + "\n"
	tests := []struct {
		name  string
		paths []string
		opts  Options
	}{
		{"sample", in("sample-article.txt"), Options{}},
		{"header", in("header.txt"), Options{}},
		{"header-bad-date", in("header-bad-date.txt"), Options{}},
		{"undated", in("undated.txt"), Options{}},
		{"date-word", in("date-word.txt"), Options{}},
		{"jsonl", in("mixed.jsonl"), Options{}},
		{"csv", in("multiline.csv"), Options{}},
		{"tsv", in("news.tsv"), Options{}},
		{"fieldmap", in("custom.csv"), Options{Fields: FieldMap{Text: "story", Date: "PubTime", Source: "outlet", ID: "id"}}},
		{"html", in("page.html", "page-ld.htm"), Options{}},
		{"gzip", in("mixed.jsonl.gz"), Options{}},
		{"truncated-gzip", in("truncated.jsonl.gz"), Options{}},
		{"dir", in("dir"), Options{}},
		{"empty-binary-missing", in("dir/empty.txt", "dir/archive.bin", "no-such-file.txt"), Options{}},
		{"stdin", []string{"-"}, Options{Stdin: strings.NewReader(stdinJSONL)}},
		{"forced-text", in("custom.csv"), Options{Format: FormatText}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := readAll(t, tt.paths, tt.opts)
			var got []goldenItem
			for _, it := range items {
				if (it.Article == nil) == (it.Err == nil) {
					t.Fatalf("item %+v: want exactly one of Article and Err", it)
				}
				got = append(got, toGolden(it))
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			path := filepath.Join("testdata", "golden", tt.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b, want) {
				t.Errorf("%s differs from the output (run go test -update and review the diff):\n%s", path, b)
			}
		})
	}
}

// TestSample pins the facts the project's seed article must give, beyond
// the golden file, so that an -update cannot quietly change them.
func TestSample(t *testing.T) {
	items := readAll(t, []string{"testdata/in/sample-article.txt"}, Options{})
	if len(items) != 1 || items[0].Article == nil {
		t.Fatalf("got %d items (%+v), want one article", len(items), items)
	}
	a := items[0].Article
	if got, want := a.Date.String(), "2022-02-08"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
	if got, want := a.Date.Precision.String(), "day"; got != want {
		t.Errorf("Precision = %q, want %q", got, want)
	}
	if got, want := a.Title, "There is no security for the Europeans if there is no security for Russia, French President Emmanuel Macron."; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if !strings.HasPrefix(a.Text, "There is no security") || !strings.HasSuffix(a.Text, "(Image: AP)") {
		t.Errorf("Text = %.40q…%q, want the article after the date, trimmed", a.Text, a.Text[max(0, len(a.Text)-20):])
	}
	if !strings.HasPrefix(a.Key, "text:") || a.ID == 0 || a.ID > graph.MaxID {
		t.Errorf("Key %q ID %d: want a text key and an ID in (0, 2^63)", a.Key, a.ID)
	}
	if a.Origin != (graph.Origin{File: "testdata/in/sample-article.txt", Line: 1, Record: 1}) {
		t.Errorf("Origin = %+v", a.Origin)
	}
}

// TestJSONLLines pins the line numbers of the mixed JSON Lines file.
func TestJSONLLines(t *testing.T) {
	items := readAll(t, []string{"testdata/in/mixed.jsonl"}, Options{})
	var bad []int
	var good []int
	for _, it := range items {
		if it.Err != nil {
			bad = append(bad, it.Err.Line)
		} else {
			good = append(good, it.Article.Origin.Line)
		}
	}
	if got, want := fmt.Sprint(good), "[1 6 8 10 13 15]"; got != want {
		t.Errorf("articles on lines %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(bad), "[3 4 5 7 9 11 12]"; got != want {
		t.Errorf("rejections on lines %s, want %s", got, want)
	}
}

// TestCSVLines pins the record start lines of the CSV file, whose first
// record spans four lines.
func TestCSVLines(t *testing.T) {
	items := readAll(t, []string{"testdata/in/multiline.csv"}, Options{})
	var got []string
	for _, it := range items {
		if it.Err != nil {
			got = append(got, fmt.Sprintf("err@%d", it.Err.Line))
		} else {
			got = append(got, fmt.Sprintf("ok@%d", it.Article.Origin.Line))
		}
	}
	if g, want := strings.Join(got, " "), "ok@2 err@6 err@7 err@8 err@9 ok@10"; g != want {
		t.Errorf("items %s, want %s", g, want)
	}
	if a := items[0].Article; a == nil || !strings.Contains(a.Text, "\n\nEmmanuel Macron (retranslated): \"There is no security") {
		t.Errorf("multi-line field not kept whole: %+v", items[0])
	}
}

// TestTruncatedGzip checks that the records before the damage are kept and
// the damage is reported on the line where it is.
func TestTruncatedGzip(t *testing.T) {
	items := readAll(t, []string{"testdata/in/truncated.jsonl.gz"}, Options{})
	if len(items) < 20 {
		t.Fatalf("got %d items, want the articles before the damage", len(items))
	}
	last := items[len(items)-1]
	if last.Err == nil || !strings.Contains(last.Err.Reason, "truncated gzip") {
		t.Fatalf("last item %+v, want a truncated gzip error", last)
	}
	if last.Err.Line != len(items) {
		t.Errorf("damage reported on line %d, want %d (after %d whole lines)", last.Err.Line, len(items), len(items)-1)
	}
	for i, it := range items[:len(items)-1] {
		if it.Article == nil || it.Article.Origin.Line != i+1 {
			t.Fatalf("item %d = %+v, want the article of line %d", i, it, i+1)
		}
		if want := fmt.Sprintf("Article number %d in a long dump.", i+1); it.Article.Text != want {
			t.Fatalf("line %d text %q, want %q", i+1, it.Article.Text, want)
		}
	}
}

// TestTruncatedGzipCSV checks the line a CSV read stops on when its gzip
// stream is cut short, with a multi-line row among those before it.
func TestTruncatedGzipCSV(t *testing.T) {
	var b strings.Builder
	b.WriteString("title,text\n\"Two\nlines\",first\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "row %d,text of row %d\n", i, i)
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	if _, err := zw.Write([]byte(b.String())); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cut.csv.gz")
	if err := os.WriteFile(p, z.Bytes()[:z.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, []string{p}, Options{})
	last := items[len(items)-1]
	if last.Err == nil || last.Err.Reason != "truncated gzip stream" {
		t.Fatalf("last item %+v, want a truncated gzip error", last)
	}
	good := len(items) - 1
	if good < 100 || good >= 3001 {
		t.Fatalf("%d rows before the damage, want some but not all", good)
	}
	// Row 1 spans lines 2-3; row k > 1 is on line k+2.
	if want := good + 3; last.Err.Line != want {
		t.Errorf("damage reported on line %d, want %d", last.Err.Line, want)
	}
	if a := items[good-1].Article; a == nil || a.Origin.Line != good+2 {
		t.Errorf("last good row %+v, want line %d", items[good-1], good+2)
	}
}

// TestInvalidUTF8: a bad byte, in the 8 KiB a file is sniffed on or past
// it, rejects the record, not the file; only a file that is not text is
// rejected whole.
func TestInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	filler := strings.Repeat("word ", 2000) // 10 kB, past the sniffed prefix
	jsonl := fmt.Sprintf("{\"text\":%q}\n{\"text\":\"bad \xff byte\"}\n{\"text\":\"after\"}\n", filler)
	csvData := fmt.Sprintf("title,text\nfiller,%s\nbad,\"x \xfe y\"\nafter,fine\n", filler)
	txt := filler + "\nbad \xff byte in a text file is repaired\n"
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path string
		want string // ok or err@LINE per item
	}{
		{write("a.jsonl", jsonl), "ok@1 err@2:invalid UTF-8 ok@3"},
		{write("a.csv", csvData), "ok@2 err@3:invalid UTF-8 ok@4"},
		{write("a.txt", txt), "ok@1"},
		// One stray byte in the sniffed head costs its record, not the file.
		{write("head.jsonl", "{\"text\":\"\xff\"}\n{\"text\":\"after\"}\n"), "err@1:invalid UTF-8 ok@2"},
		// Invalid throughout, even without a NUL byte: binary.
		{write("noise.jsonl", strings.Repeat("\xff\xfe\x80\x81", 64)), "err@0:binary file"},
	}
	for _, tt := range tests {
		items := readAll(t, []string{tt.path}, Options{})
		var got []string
		for _, it := range items {
			if it.Err != nil {
				got = append(got, fmt.Sprintf("err@%d:%s", it.Err.Line, it.Err.Reason))
			} else {
				got = append(got, fmt.Sprintf("ok@%d", it.Article.Origin.Line))
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: got %s, want %s", filepath.Base(tt.path), g, tt.want)
		}
		if strings.HasSuffix(tt.path, ".txt") && len(items) == 1 && items[0].Article != nil {
			if !strings.Contains(items[0].Article.Text, "bad \uFFFD byte") {
				t.Errorf("text file: invalid byte not repaired with U+FFFD")
			}
		}
	}
}

// TestLongLine reads a 50 MB JSON line, then rejects it under a smaller
// MaxRecord without losing the line after it.
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB line")
	}
	p := filepath.Join(t.TempDir(), "long.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	const n = 50 << 20
	body := strings.Repeat("a", n)
	fmt.Fprintf(f, "{\"date\":\"2022-02-08\",\"text\":\"%s\"}\n{\"text\":\"next\"}\n", body)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, []string{p}, Options{MaxText: 64 << 20})
	if len(items) != 2 || items[0].Article == nil || len(items[0].Article.Text) != n || items[1].Article == nil {
		t.Fatalf("default MaxRecord: got %d items, want the 50 MB article and the next", len(items))
	}
	// The default text limit refuses the article by name and size, and
	// goes on to the next.
	items = readAll(t, []string{p}, Options{})
	if len(items) != 2 || items[0].Err == nil || items[1].Article == nil {
		t.Fatalf("default MaxText: got %+v, want a rejection and the next article", items)
	}
	if got, want := items[0].Err.Error(), p+":1: article text of 50 MiB is longer than the limit of 4 MiB (split it, or raise the limit with --max-article)"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	items = readAll(t, []string{p}, Options{MaxRecord: 1 << 20})
	if len(items) != 2 || items[0].Err == nil || items[1].Article == nil {
		t.Fatalf("MaxRecord 1 MiB: got %+v, want a rejection and the next article", items)
	}
	if got, want := items[0].Err.Error(), p+":1: line longer than 1 MiB"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	if got := items[1].Article.Origin.Line; got != 2 {
		t.Errorf("next article on line %d, want 2", got)
	}
}

// TestLargeFile rejects a text file over MaxRecord.
func TestLargeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("word "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, []string{p}, Options{MaxRecord: 1000})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Reason, "larger than 1000 bytes") {
		t.Fatalf("got %+v, want a too-large rejection", items)
	}
}

// TestStop checks that a yield error and a cancelled context stop reading
// and come back from Read.
func TestStop(t *testing.T) {
	errEnough := errors.New("enough")
	n := 0
	err := Read(context.Background(), []string{"testdata/in/truncated.jsonl.gz", "testdata/in/dir"}, Options{}, func(Item) error {
		n++
		if n == 3 {
			return errEnough
		}
		return nil
	})
	if !errors.Is(err, errEnough) || n != 3 {
		t.Errorf("Read = %v after %d items, want errEnough after 3", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Read(ctx, []string{"testdata/in/truncated.jsonl.gz"}, Options{}, func(Item) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 5 {
		t.Errorf("Read = %v after %d items, want context.Canceled after 5", err, n)
	}
	if err := Read(context.Background(), nil, Options{Format: "xml"}, func(Item) error { return nil }); err == nil {
		t.Error("Read with format xml: no error")
	}
}

func TestOnBytesAndSize(t *testing.T) {
	paths := []string{"testdata/in/mixed.jsonl.gz", "testdata/in/dir"}
	var seen int64
	readAll(t, paths, Options{OnBytes: func(n int64) { seen += n }})
	size, ok := Size(paths)
	if !ok {
		t.Fatal("Size: ok = false for files")
	}
	// The directory's size leaves out its hidden entries, as Read does.
	var want int64
	for _, p := range []string{"mixed.jsonl.gz", "dir/a.txt", "dir/archive.bin", "dir/b/c.jsonl", "dir/empty.txt", "dir/notes"} {
		fi, err := os.Stat(filepath.Join("testdata/in", p))
		if err != nil {
			t.Fatal(err)
		}
		want += fi.Size()
	}
	if size != want || seen != want {
		t.Errorf("Size = %d, OnBytes saw %d, want both %d", size, seen, want)
	}
	if _, ok := Size([]string{"-"}); ok {
		t.Error("Size(-): ok = true, want false")
	}
}

func TestParseFieldMap(t *testing.T) {
	tests := []struct {
		spec    string
		want    FieldMap
		wantErr string
	}{
		{"text=story,date=pubtime", FieldMap{Text: "story", Date: "pubtime"}, ""},
		{" Title = Head Line , url=permalink,", FieldMap{Title: "Head Line", URL: "permalink"}, ""},
		{"", FieldMap{}, ""},
		{"source=outlet,id=guid", FieldMap{Source: "outlet", ID: "guid"}, ""},
		{"body=story", FieldMap{}, `unknown role "body"`},
		{"text", FieldMap{}, "not role=name"},
		{"text=", FieldMap{}, "not role=name"},
		{"text=a,text=b", FieldMap{}, "given twice"},
	}
	for _, tt := range tests {
		got, err := ParseFieldMap(tt.spec)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseFieldMap(%q) error %v, want %q", tt.spec, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseFieldMap(%q) = %+v, %v; want %+v", tt.spec, got, err, tt.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "a.jsonl", Line: 3, Reason: "malformed JSON"}, "a.jsonl:3: malformed JSON"},
		{Error{File: "b.bin", Reason: "binary file"}, "b.bin: binary file"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"text":"x"}` + "\n", FormatJSONL},
		{`  {"text":"x"`, FormatText}, // one line that does not parse
		{"<!DOCTYPE html><html>", FormatHTML},
		{"<!-- saved --><html><body>", FormatHTML},
		{"title,body\nA,B\n", FormatCSV},
		{"title\ttext\nA\tB\n", FormatTSV},
		{"name,age\nA,3\n", FormatText},
		{" date 2022-02-08 Text", FormatText},
	}
	if got := sniff([]byte("story,when\nA,B\n"), FieldMap{Text: "Story"}); got != FormatCSV {
		t.Errorf("sniff with text=Story: %s, want csv", got)
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in), FieldMap{}); got != tt.want {
			t.Errorf("sniff(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	long := strings.Repeat("word ", 100)
	tests := []struct {
		in, want string
	}{
		{"One. Two.", "One."},
		{"Is it? Yes.", "Is it?"},
		{"Mr. Putin met Dr. Smith in St. Petersburg. Then left.", "Mr. Putin met Dr. Smith in St. Petersburg."},
		{"The U.S. President spoke. Later.", "The U.S. President spoke."},
		{"J. R. Smith won 3.5 million. Then.", "J. R. Smith won 3.5 million."},
		{`He said "go." Then went.`, `He said "go."`},
		{"Headline without a stop\nBody starts here. More.", "Headline without a stop"},
		{"It rose 5 p.c. today. Then.", "It rose 5 p.c. today."},
		{"Visit example.com now", "Visit example.com now"},
		{"Wait... what happened. No.", "Wait... what happened."},
		{long, strings.TrimSpace(strings.Repeat("word ", 59)) + " word…"},
	}
	for _, tt := range tests {
		if got := firstSentence(tt.in); got != tt.want {
			t.Errorf("firstSentence(%.50q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidFormat(t *testing.T) {
	for _, f := range []string{"", "text", "jsonl", "csv", "tsv", "html"} {
		if err := ValidFormat(f); err != nil {
			t.Errorf("ValidFormat(%q) = %v, want nil", f, err)
		}
	}
	for _, f := range []string{"xml", "JSONL", "json"} {
		if err := ValidFormat(f); err == nil || !strings.HasPrefix(err.Error(), "source: unknown format") {
			t.Errorf("ValidFormat(%q) = %v, want an unknown-format error", f, err)
		}
	}
}

// TestOnlyWebURLs: a record's url is kept only when it is an http(s)
// address; others are dropped at ingest so that no link in the explorer or
// an export can run script or open a local file.
func TestOnlyWebURLs(t *testing.T) {
	in := `{"text":"Kyiv said.","url":"https://example.com/a"}
{"text":"Kyiv said again.","url":"javascript:alert(document.cookie)"}
{"text":"Moscow said.","url":" JavaScript:alert(1)"}
{"text":"Paris said.","url":"data:text/html,<script>alert(1)</script>"}
{"text":"Rome said.","url":"file:///etc/passwd"}
{"text":"Bonn said.","url":"HTTP://Example.org/b"}
{"text":"Oslo said.","url":"//example.net/c"}
`
	items := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(in), Format: FormatJSONL})
	want := []string{"https://example.com/a", "", "", "", "", "HTTP://Example.org/b", ""}
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i, it := range items {
		if it.Err != nil {
			t.Fatalf("item %d: %v", i, it.Err)
		}
		if it.Article.URL != want[i] {
			t.Errorf("item %d: URL %q, want %q", i, it.Article.URL, want[i])
		}
		if want[i] == "" && it.Article.Source != "" {
			t.Errorf("item %d: source %q taken from a dropped URL", i, it.Article.Source)
		}
	}
}

// TestLeadInText: a lead opens the text only when the body lacks it; the
// teasers news dumps carry (the body's start, often cut with an ellipsis)
// add nothing.
func TestLeadInText(t *testing.T) {
	body := "At the beginning of the meeting, the President asked about developments on the labour market. The Perm Territory Governor reported that the region was one of the first in Russia to reach pre-pandemic levels of unemployment."
	tests := []struct {
		lead string
		in   bool
	}{
		{"Vladimir Putin met with Governor of Perm Territory Dmitry Makhonin, who reported on the socioeconomic situation in the region.", false},
		{"At the beginning of the meeting,   the President asked about developments on the labour market.", true},
		{"At the beginning of the meeting, the President asked about developments on the labour market. The Perm Territory Governor reported that the region was one of the first in Russia to reach pre-pandemic levels of…", true},
		{"At the beginning of the meeting, the President asked about developments on the labour market. The Perm Territory Governor said more.", true},
		{"Putin meets a governor...", true},
	}
	for _, tc := range tests {
		if got := leadInText(tc.lead, body); got != tc.in {
			t.Errorf("leadInText(%q) = %v, want %v", tc.lead, got, tc.in)
		}
	}
}

// TestFileNameDate: a plain text file with no date of its own takes the
// date its name carries, as PolNeAR's files are named
// ("breitbart_2015-11-11_the-ninth-circle-the-hellish-vie.txt"); a date
// in the text's header wins, and a name with no date, or an impossible
// one, leaves the article undated.
func TestFileNameDate(t *testing.T) {
	dir := t.TempDir()
	body := "Donald Trump rallied supporters in Iowa on the eve of the caucuses.\n"
	files := map[string]string{
		"breitbart_2015-11-11_the-ninth-circle.txt": "2015-11-11",
		"2022-02-24 kyiv.txt":                       "2022-02-24",
		"notes-2015-13-45.txt":                      "",
		"report20151111.txt":                        "",
		"v2015-11-11.1.txt":                         "2015-11-11",
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	header := filepath.Join(dir, "nyt_2016-06-08_clinton.txt")
	if err := os.WriteFile(header, []byte("title: Clinton\ndate: 2016-06-09\n\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	files[filepath.Base(header)] = "2016-06-09"
	items := readAll(t, []string{dir}, Options{})
	if len(items) != len(files) {
		t.Fatalf("got %d items, want %d", len(items), len(files))
	}
	for _, it := range items {
		if it.Article == nil {
			t.Fatalf("rejected: %+v", it)
		}
		name := filepath.Base(it.Article.Origin.File)
		if got, want := it.Article.Date.String(), files[name]; got != want {
			t.Errorf("%s: date %q, want %q", name, got, want)
		}
	}
}
