package build

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/ner/cluster"
	"dateline/graph/extract/ner/conll"
	"dateline/graph/extract/segment"
)

// clusterContexts is the number of context words of the cluster vectors.
const clusterContexts = 1000

// addClusters learns word clusters from the raw news text in the corpora
// (Reuters-21578, the press-release bodies) and the CoNLL training text,
// and adds their paths to the lexicon, in decreasing word frequency; then,
// for each of opts.Classes, the flat exchange classes of that many
// classes learned from the same text. With opts.CacheDir set, clusters
// and classes learned from the same text with the same options are read
// back from the cache instead.
func addClusters(ctx context.Context, opts Options, train []conll.Document, lex *ner.Lexicon) error {
	var counter *cluster.Counter
	text := func() (*cluster.Counter, error) {
		if counter == nil {
			c, err := rawText(ctx, opts, train)
			if err != nil {
				return nil, err
			}
			counter = c
		}
		return counter, nil
	}
	if opts.Clusters > 0 {
		if err := addTreeClusters(ctx, opts, train, lex, text); err != nil {
			return err
		}
	}
	for k, n := range opts.Classes {
		if err := addClasses(ctx, opts, train, lex, k, n, text); err != nil {
			return err
		}
	}
	return nil
}

// rawText counts the words of the text the clusters are learned from.
func rawText(ctx context.Context, opts Options, train []conll.Document) (*cluster.Counter, error) {
	c := cluster.NewCounter(cluster.Options{Depth: opts.Clusters, Contexts: clusterContexts})
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
		return nil, err
	}
	opts.logf("build: clusters: %d Reuters-21578 stories", n)
	files, _ := filepath.Glob(filepath.Join(opts.Corpora, "news", "*.csv.gz"))
	sort.Strings(files)
	for _, f := range files {
		n, err := newsCSV(f, add)
		if err != nil {
			return nil, err
		}
		opts.logf("build: clusters: %d items from %s", n, filepath.Base(f))
	}
	if opts.MoreText {
		n, err := polnearText(filepath.Join(opts.Corpora, "quotes", "polnear", "polnear-train.tar.gz"), add)
		if err != nil {
			return nil, err
		}
		opts.logf("build: clusters: %d PolNeAR train articles", n)
		for _, dir := range []string{"TimeBank", "AQUAINT"} {
			n, err := timeMLText(filepath.Join(opts.Corpora, "timebank", dir), add)
			if err != nil {
				return nil, err
			}
			opts.logf("build: clusters: %d TimeML documents from timebank/%s", n, dir)
		}
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
	return c, nil
}

// addTreeClusters adds the hierarchical clusters' paths (cluster.Learn).
func addTreeClusters(ctx context.Context, opts Options, train []conll.Document, lex *ner.Lexicon, text func() (*cluster.Counter, error)) error {
	var cache string
	if opts.CacheDir != "" {
		cache = filepath.Join(opts.CacheDir, "clusters-"+clusterKey(opts, train)+".tsv.gz")
		if ok, err := readClusterCache(cache, lex); ok || err != nil {
			if ok {
				opts.logf("build: clusters: read from %s", cache)
			}
			return err
		}
	}
	c, err := text()
	if err != nil {
		return err
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
	if cache != "" {
		return writeClusterCache(cache, vocab, paths)
	}
	return nil
}

// addClasses adds clustering k: n exchange classes (cluster.Exchange).
func addClasses(ctx context.Context, opts Options, train []conll.Document, lex *ner.Lexicon, k, n int, text func() (*cluster.Counter, error)) error {
	if k >= ner.MaxClusterings || n < 2 || n > ner.MaxClasses {
		return fmt.Errorf("build: classes: clustering %d of %d classes: want at most %d clusterings of 2 to %d classes", k+1, n, ner.MaxClusterings, ner.MaxClasses)
	}
	var cache string
	if opts.CacheDir != "" {
		cache = filepath.Join(opts.CacheDir, fmt.Sprintf("classes%d-%s.tsv.gz", n, clusterKey(opts, train)))
		vocab, classes, err := readClassCache(cache)
		if err != nil {
			return err
		}
		if vocab != nil {
			for _, w := range vocab {
				lex.AddClass(w, k, classes[w])
			}
			opts.logf("build: classes: read from %s", cache)
			return nil
		}
	}
	c, err := text()
	if err != nil {
		return err
	}
	start := time.Now()
	classes, vocab, err := c.Exchange(ctx, cluster.ExchangeOptions{Classes: n})
	if err != nil {
		return err
	}
	for _, w := range vocab {
		lex.AddClass(w, k, classes[w])
	}
	opts.logf("build: classes: %d words in %d classes in %s", len(vocab), n, time.Since(start).Round(time.Second))
	if cache == "" {
		return nil
	}
	var buf bytes.Buffer
	for _, w := range vocab {
		fmt.Fprintf(&buf, "%s\t%d\n", w, classes[w])
	}
	return writeCache(cache, buf.Bytes())
}

// readClassCache reads a class cache file written by addClasses; vocab is
// nil when the file does not exist.
func readClassCache(path string) (vocab []string, classes map[string]int, err error) {
	b, err := readGzip(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("build: class cache: %w", err)
	}
	classes = map[string]int{}
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		w, c, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(c)
		if !ok || err != nil {
			return nil, nil, fmt.Errorf("build: class cache %s: bad line %q", path, line)
		}
		vocab = append(vocab, w)
		classes[w] = n
	}
	return vocab, classes, nil
}

// clusterKey identifies the input of a cluster learning: the options and
// the CoNLL training text (the raw corpora are fixed files).
func clusterKey(opts Options, train []conll.Document) string {
	h := sha256.New()
	fmt.Fprintf(h, "clusters v1 depth %d contexts %d %s\n", opts.Clusters, clusterContexts, opts.Corpora)
	if opts.MoreText {
		fmt.Fprintf(h, "more text: polnear train, timebank\n")
	}
	for _, d := range train {
		text, _ := d.Text()
		fmt.Fprintf(h, "%d\n%s\n", len(text), text)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// readClusterCache adds the clusters of a cache file to lex; it reports
// false when the file does not exist.
func readClusterCache(path string, lex *ner.Lexicon) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("build: cluster cache: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return false, fmt.Errorf("build: cluster cache %s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		var bits uint32
		var n int
		w, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return false, fmt.Errorf("build: cluster cache %s: bad line %q", path, sc.Text())
		}
		if _, err := fmt.Sscanf(rest, "%d\t%d", &bits, &n); err != nil {
			return false, fmt.Errorf("build: cluster cache %s: line %q: %w", path, sc.Text(), err)
		}
		lex.AddCluster(w, bits, n)
	}
	if err := sc.Err(); err != nil {
		return false, fmt.Errorf("build: cluster cache %s: %w", path, err)
	}
	return true, nil
}

// writeClusterCache writes the learned clusters, most frequent word first,
// atomically.
func writeClusterCache(path string, vocab []string, paths map[string]cluster.Path) error {
	var buf bytes.Buffer
	for _, w := range vocab {
		p := paths[w]
		fmt.Fprintf(&buf, "%s\t%d\t%d\n", w, p.Bits, p.Len)
	}
	return writeCache(path, buf.Bytes())
}

// writeCache writes a gzipped cache file atomically.
func writeCache(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("build: cache: %w", err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("build: cache: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("build: cache: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("build: cache: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("build: cache: %w", err)
	}
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

// openGzip opens a gzipped file for reading; close closes the file.
func openGzip(name string) (r io.Reader, close func() error, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("build: %w", err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("build: %s: %w", name, err)
	}
	return zr, f.Close, nil
}

func readGzip(name string) ([]byte, error) {
	zr, closeFile, err := openGzip(name)
	if err != nil {
		return nil, err
	}
	defer closeFile()
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
	zr, closeFile, err := openGzip(name)
	if err != nil {
		return 0, err
	}
	defer closeFile()
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

// polnearText feeds the article texts of PolNeAR's train compartment
// (train/text/*.txt in the archive; never its dev or test compartments,
// which are held out) to add.
func polnearText(name string, add func(string)) (int, error) {
	zr, closeFile, err := openGzip(name)
	if err != nil {
		return 0, err
	}
	defer closeFile()
	tr := tar.NewReader(zr)
	n := 0
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("build: %s: %w", name, err)
		}
		if !strings.HasPrefix(h.Name, "train/text/") || !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return n, fmt.Errorf("build: %s: %s: %w", name, h.Name, err)
		}
		add(string(b))
		n++
	}
}

// timeMLTag matches a TimeML (XML) tag.
var timeMLTag = regexp.MustCompile(`<[^>]*>`)

// timeMLText feeds the text of the TEXT element of every TimeML file in
// dir, its tags removed, to add.
func timeMLText(dir string, add func(string)) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	sort.Strings(files)
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			return 0, fmt.Errorf("build: %w", err)
		}
		s := string(b)
		if i := strings.Index(s, "<TEXT>"); i >= 0 {
			s = s[i:]
		}
		if i := strings.Index(s, "</TEXT>"); i >= 0 {
			s = s[:i]
		}
		add(html.UnescapeString(timeMLTag.ReplaceAllString(s, "")))
	}
	return len(files), nil
}
