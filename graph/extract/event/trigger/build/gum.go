package build

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// GUMHeads counts, for each lemma (lower case) that heads an annotated
// entity in a GUM CoNLL-U file (its openly licensed genres), how often the
// entity is of type "event" and how often of another type. Nouns that GUM
// readers saw as events ("war", "visit", "election") are what the TimeML
// tagger most often misses when it has not met the word in TimeBank.
func GUMHeads(path string) (map[string][2]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	out := map[string][2]int{}
	type tok struct {
		lemma string
		head  int
	}
	type ent struct {
		id, typ    string
		start, end int // token numbers, 1-based, inclusive
	}
	var (
		toks    []tok
		open    []ent
		done    []ent
		allowed bool
	)
	flush := func() {
		if allowed {
			for _, e := range done {
				for k := e.start; k <= e.end && k <= len(toks); k++ {
					h := toks[k-1].head
					if h >= e.start && h <= e.end {
						continue
					}
					c := out[toks[k-1].lemma]
					if e.typ == "event" {
						c[0]++
					} else {
						c[1]++
					}
					out[toks[k-1].lemma] = c
					break
				}
			}
		}
		toks, open, done = toks[:0], open[:0], done[:0]
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			flush()
			parts := strings.Split(strings.TrimPrefix(line, "# newdoc id = "), "_")
			allowed = len(parts) > 1 && gumGenres[parts[1]]
			continue
		case line == "":
			flush()
			continue
		case line[0] == '#':
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], ".-") {
			continue
		}
		n, _ := strconv.Atoi(cols[0])
		head, _ := strconv.Atoi(cols[6])
		toks = append(toks, tok{lemma: strings.ToLower(cols[2]), head: head})
		for _, field := range strings.Split(cols[9], "|") {
			v, ok := strings.CutPrefix(field, "Entity=")
			if !ok {
				continue
			}
			// "(28-event-new-…)" opens and closes, "(68-event-…" opens,
			// "91)" closes.
			for v != "" {
				if v[0] == '(' {
					end := strings.IndexAny(v[1:], "()")
					body := v[1:]
					if end >= 0 {
						body = v[1 : 1+end]
					}
					parts := strings.Split(body, "-")
					if len(parts) > 1 {
						open = append(open, ent{id: parts[0], typ: parts[1], start: n})
					}
					if end < 0 {
						break
					}
					v = v[1+end:]
					if v[0] == ')' {
						// Closes the entity just opened.
						e := open[len(open)-1]
						open = open[:len(open)-1]
						e.end = n
						done = append(done, e)
						v = v[1:]
					}
					continue
				}
				end := strings.IndexAny(v, "()")
				if end < 0 {
					break
				}
				id := v[:end]
				for j := len(open) - 1; j >= 0; j-- {
					if open[j].id == id {
						e := open[j]
						open = append(open[:j], open[j+1:]...)
						e.end = n
						done = append(done, e)
						break
					}
				}
				v = v[end:]
				if v[0] == ')' {
					v = v[1:]
				}
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("build: %s: %w", path, err)
	}
	return out, nil
}
