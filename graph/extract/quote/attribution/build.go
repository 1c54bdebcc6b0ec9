package attribution

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Text is one article as the articles file carries it: a JSON Lines
// record that `dateline ingest` and `dateline eval attribution` read with
// the id field as the article's identity.
type Text struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// Build reads the text of every gold article from the shared corpora
// folder (the one holding quotes/, gum/ and news/) with Load and checks
// each against the hash the gold records, so that offsets annotated on one
// text are never scored on another.
func Build(ctx context.Context, corpora string, arts []Article) ([]Text, error) {
	texts, err := Load(ctx, corpora, arts)
	if err != nil {
		return nil, err
	}
	var errs []error
	for i, a := range arts {
		if h := TextHash(texts[i].Text); h != a.SHA256 {
			errs = append(errs, fmt.Errorf("article %s: %s has hash %s, the gold was annotated on %s", a.ID, a.Origin, h, a.SHA256))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("attribution: build articles: %w", err)
	}
	return texts, nil
}

// Load reads the text of every article from the shared corpora folder,
// following each article's Origin, trimmed of surrounding white space as
// ingest trims it. Each corpus file is read once. The texts come in the
// order of arts.
//
// Origins name the file and a key inside it: a member of a .tar.gz
// (PolNeAR's train/text/NAME.txt), a document of a .conllu.gz (GUM's
// newdoc id, rendered as text by ReadGUM) or the link of a row of a
// .csv.gz (the press releases' body column).
func Load(ctx context.Context, corpora string, arts []Article) ([]Text, error) {
	byFile := map[string][]string{}
	for _, a := range arts {
		file, key, ok := strings.Cut(a.Origin, "#")
		if !ok || file == "" || key == "" {
			return nil, fmt.Errorf("attribution: article %s: origin %q is not FILE#KEY", a.ID, a.Origin)
		}
		byFile[file] = append(byFile[file], key)
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	found := map[string]string{} // origin → text
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("attribution: load articles: %w", err)
		}
		texts, err := readCorpusFile(filepath.Join(corpora, filepath.FromSlash(f)), byFile[f])
		if err != nil {
			return nil, err
		}
		for k, t := range texts {
			found[f+"#"+k] = t
		}
	}
	var out []Text
	var errs []error
	for _, a := range arts {
		t, ok := found[a.Origin]
		if !ok {
			errs = append(errs, fmt.Errorf("article %s: %s not found", a.ID, a.Origin))
			continue
		}
		out = append(out, Text{ID: a.ID, Date: a.Published, Title: a.Title, Text: strings.TrimSpace(t), Source: a.Publisher})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("attribution: load articles: %w", err)
	}
	return out, nil
}

// WriteTexts writes texts as JSON Lines.
func WriteTexts(w io.Writer, texts []Text) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, t := range texts {
		if err := enc.Encode(t); err != nil {
			return fmt.Errorf("attribution: write article %s: %w", t.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("attribution: write articles: %w", err)
	}
	return nil
}

// readCorpusFile returns the texts of the wanted keys of one corpus file,
// chosen by the file's suffix.
func readCorpusFile(path string, keys []string) (map[string]string, error) {
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("attribution: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("attribution: %s: %w", path, err)
	}
	var out map[string]string
	switch {
	case strings.HasSuffix(path, ".tar.gz"):
		out, err = readTar(gz, want)
	case strings.HasSuffix(path, ".conllu.gz"):
		out, err = readGUM(gz, want)
	case strings.HasSuffix(path, ".csv.gz"):
		out, err = readPressCSV(gz, want)
	default:
		return nil, fmt.Errorf("attribution: %s: unknown corpus format (want .tar.gz, .conllu.gz or .csv.gz)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("attribution: %s: %w", path, err)
	}
	return out, nil
}

// readTar returns the wanted members of a tar stream.
func readTar(r io.Reader, want map[string]bool) (map[string]string, error) {
	out := map[string]string{}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		name := strings.TrimPrefix(h.Name, "./")
		if h.Typeflag != tar.TypeReg || !want[name] {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = string(b)
	}
}

// readPressCSV returns the body of the wanted rows of a press-release CSV
// (columns link, headline, date, …, body), keyed by link.
func readPressCSV(r io.Reader, want map[string]bool) (map[string]string, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	link, body := -1, -1
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "link":
			link = i
		case "body":
			body = i
		}
	}
	if link < 0 || body < 0 {
		return nil, fmt.Errorf("header %v has no link and body columns", header)
	}
	out := map[string]string{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if want[rec[link]] {
			out[rec[link]] = rec[body]
		}
	}
}

// readGUM returns the wanted documents of a GUM CoNLL-U stream as text.
func readGUM(r io.Reader, want map[string]bool) (map[string]string, error) {
	docs, err := ReadGUM(r)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, d := range docs {
		if want[d.ID] {
			out[d.ID] = d.Text
		}
	}
	return out, nil
}

// GUMDoc is one GUM document rendered as an article.
type GUMDoc struct {
	ID, Title, Date, URL string
	Text                 string
}

var blockSize = regexp.MustCompile(`\((\d+) s\)\s*$`)

// ReadGUM renders every document of a GUM CoNLL-U stream as an article:
// the sentences' "# text" lines, joined by a space within a paragraph and
// by a blank line between paragraphs. Paragraphs are the blocks that
// "# newpar_block" lists with their sentence counts ("p (3 s) | figure
// (0 s) | caption (1 s)"); a document's first block, when it is a
// heading, is its title and is left out of the text, as a news page shows
// the headline apart from the story. The title, date and URL come from
// the meta comments (meta::title when there is no heading).
func ReadGUM(r io.Reader) ([]GUMDoc, error) {
	var docs []GUMDoc
	var cur *GUMDoc
	var paras [][]string // sentences of each paragraph
	var kinds []string   // block kind of each paragraph
	var sizes []int      // sentences each remaining block of the current newpar takes (-1: any)
	var blockKinds []string
	startNew := false
	flush := func() {
		if cur == nil {
			return
		}
		var text []string
		for i, p := range paras {
			if i == 0 && kinds[i] == "head" {
				cur.Title = strings.Join(p, " ")
				continue
			}
			text = append(text, strings.Join(p, " "))
		}
		cur.Text = strings.Join(text, "\n\n")
		docs = append(docs, *cur)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for sc.Scan() {
		l := sc.Text()
		if l == "# newpar" {
			startNew, sizes, blockKinds = true, nil, nil
			continue
		}
		if !strings.HasPrefix(l, "# ") {
			continue
		}
		k, v, _ := strings.Cut(l[2:], " = ")
		v = strings.TrimSpace(v)
		switch k {
		case "newdoc id":
			flush()
			cur = &GUMDoc{ID: v}
			paras, kinds, sizes, blockKinds, startNew = nil, nil, nil, nil, false
		case "meta::title":
			if cur != nil && cur.Title == "" {
				cur.Title = v
			}
		case "meta::dateCreated":
			if cur != nil {
				cur.Date = v
			}
		case "meta::sourceURL":
			if cur != nil {
				cur.URL = v
			}
		case "newpar_block":
			sizes, blockKinds = nil, nil
			for _, b := range strings.Split(v, " | ") {
				if strings.TrimSpace(b) == "" {
					continue
				}
				n := -1
				if m := blockSize.FindStringSubmatch(b); m != nil {
					n, _ = strconv.Atoi(m[1])
				}
				if n != 0 {
					sizes = append(sizes, n)
					blockKinds = append(blockKinds, strings.Fields(b)[0])
				}
			}
		case "text":
			if v == "" {
				continue
			}
			if cur == nil {
				return nil, errors.New("sentence before the first newdoc")
			}
			if !startNew && len(sizes) > 1 && sizes[0] == 0 {
				sizes, blockKinds = sizes[1:], blockKinds[1:]
				startNew = true
			}
			if startNew || len(paras) == 0 {
				kind := "p"
				if len(blockKinds) > 0 {
					kind = blockKinds[0]
				}
				paras, kinds = append(paras, nil), append(kinds, kind)
				startNew = false
			}
			last := len(paras) - 1
			paras[last] = append(paras[last], v)
			if len(sizes) > 0 && sizes[0] > 0 {
				sizes[0]--
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return docs, nil
}
