package build

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/cluster"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/segment"
)

// addClusters learns word clusters from the raw news text in the corpora
// (Reuters-21578, the press-release bodies) and the CoNLL training text,
// and adds their paths to the lexicon.
func addClusters(ctx context.Context, opts Options, train []conll.Document, lex *ner.Lexicon) error {
	c := cluster.NewCounter(cluster.Options{Depth: opts.Clusters, Contexts: 1000})
	add := func(text string) {
		for _, s := range segment.Split(text) {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = t.Text
			}
			c.Add(words)
		}
	}
	n, err := Reuters(ctx, filepath.Join(opts.Corpora, "reuters21578"), add)
	if err != nil {
		return err
	}
	opts.logf("build: clusters: %d Reuters-21578 stories", n)
	files, _ := filepath.Glob(filepath.Join(opts.Corpora, "news", "*.csv.gz"))
	sort.Strings(files)
	for _, f := range files {
		n, err := newsCSV(f, add)
		if err != nil {
			return err
		}
		opts.logf("build: clusters: %d items from %s", n, filepath.Base(f))
	}
	for _, d := range train {
		for _, s := range d.Sentences {
			words := make([]string, len(s))
			for i, t := range s {
				words[i] = t.Text
			}
			c.Add(words)
		}
	}
	paths, vocab, err := c.Learn(ctx)
	if err != nil {
		return err
	}
	for _, w := range vocab {
		p := paths[w]
		lex.AddCluster(w, p.Bits, p.Len)
	}
	opts.logf("build: clusters: %d words from %d tokens", len(vocab), c.Tokens())
	return nil
}

var (
	reBody  = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	reTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reStory = regexp.MustCompile(`(?s)<REUTERS .*?</REUTERS>`)
)

// Reuters feeds the title and body of every Reuters-21578 story to add.
// The files are Latin-1 SGML with HTML-style entities.
func Reuters(ctx context.Context, dir string, add func(string)) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm.gz"))
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	if len(files) == 0 {
		return 0, fmt.Errorf("build: no reut2-*.sgm.gz files in %s", dir)
	}
	sort.Strings(files)
	n := 0
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return n, fmt.Errorf("build: %w", err)
		}
		b, err := readGzip(name)
		if err != nil {
			return n, err
		}
		text := latin1(b)
		for _, story := range reStory.FindAllString(text, -1) {
			if m := reTitle.FindStringSubmatch(story); m != nil {
				add(html.UnescapeString(m[1]))
			}
			if m := reBody.FindStringSubmatch(story); m != nil {
				body := strings.TrimSuffix(strings.TrimSpace(html.UnescapeString(m[1])), "Reuter")
				add(body)
				n++
			}
		}
	}
	return n, nil
}

func readGzip(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", name, err)
	}
	return b, nil
}

// latin1 decodes ISO 8859-1 bytes.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// newsCSV feeds the headline and body of every row of a press-release CSV
// (columns named in its header) to add.
func newsCSV(name string, add func(string)) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return 0, fmt.Errorf("build: %s: %w", name, err)
	}
	r := csv.NewReader(zr)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return 0, fmt.Errorf("build: %s: header: %w", name, err)
	}
	cols := map[string]int{}
	for i, h := range head {
		cols[h] = i
	}
	bi, ok := cols["body"]
	if !ok {
		return 0, fmt.Errorf("build: %s: no body column", name)
	}
	n := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, fmt.Errorf("build: %s: %w", name, err)
		}
		if hi, ok := cols["headline"]; ok && hi < len(rec) {
			add(rec[hi])
		}
		if bi < len(rec) {
			add(rec[bi])
			n++
		}
	}
	return n, nil
}
