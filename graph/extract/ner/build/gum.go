package build

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// gumGenres are the GUM genres whose texts are under CC BY or CC BY-SA
// (see gum/LICENSE.txt); the NC genres and those without a stated licence
// are not read.
var gumGenres = map[string]bool{"academic": true, "bio": true, "court": true, "interview": true, "news": true, "voyage": true}

// gumFirstNames returns the given names GUM's annotation shows: a proper
// noun that opens a person entity and is followed by another proper noun
// ("Claire Bailey-Ross"). GUM is not CoNLL training data, so unlike names
// read off eng.train's labels, the list does not fire on every training
// person and teach the tagger to trust it blindly.
func gumFirstNames(corpora string) ([]string, error) {
	seen := map[string]bool{}
	for _, part := range []string{"gum_train.conllu.gz", "gum_dev.conllu.gz"} {
		path := filepath.Join(corpora, "gum", part)
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("build: %s: %w", path, err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		allowed := false
		var prevWord string
		prevOpens := false
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "# newdoc id = ") {
				id := strings.TrimPrefix(line, "# newdoc id = ")
				parts := strings.Split(id, "_")
				allowed = len(parts) > 1 && gumGenres[parts[1]]
				continue
			}
			cols := strings.Split(line, "\t")
			if !allowed || len(cols) < 10 || strings.ContainsAny(cols[0], ".-") {
				prevOpens = false
				continue
			}
			propn := cols[3] == "PROPN"
			if prevOpens && propn && name(prevWord) {
				seen[prevWord] = true
			}
			prevWord = cols[1]
			prevOpens = propn && strings.Contains(cols[9], "-person-") && strings.Contains(cols[9], "Entity=(")
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("build: %s: %w", path, err)
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out, nil
}

// name reports whether w looks like a given name: a capital and then
// lower-case letters, at least three in all.
func name(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i, r := range w {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
