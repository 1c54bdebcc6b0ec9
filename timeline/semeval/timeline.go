// Package semeval reads, writes and scores entity timelines in the form
// of SemEval-2015 Task 4 (TimeLine: Cross-Document Event Ordering): for
// one target entity, the event mentions it takes part in across a set of
// documents, each line a position in time order with its date and the
// coreferent mentions that report the same happening.
//
// # Format
//
// A timeline file starts with the target entity's name; every further
// line is tab-separated: the position (0 for events that cannot be
// ordered, then 1, 2, … in time order; two lines may share a position),
// the date as far as it is known ("2005-01-18", "2007-10-XX", "2003",
// "XXXX-XX-XX" for none) and one or more mentions
// "docid-sentence-word" (sentence numbers as the corpus's CAT files
// give them, 0 for the title; multi-word mentions join words with "_").
//
// # Scoring
//
// Score measures temporal awareness (UzZaman and Allen 2011), as the task
// does: each timeline becomes a graph of temporal relations between its
// event mentions and time anchors, and precision is the share of the
// system's reduced graph that the closure of the gold graph entails,
// recall the share of the gold's reduced graph that the closure of the
// system graph entails. How a timeline becomes relations is in graph.go.
//
// The package reads and scores only; the system that builds timelines
// from raw text lives with the extractors it runs (graph/timelines).
package semeval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Mention identifies one event mention: document, sentence and the
// words of the trigger as the corpus writes them.
type Mention struct {
	Doc      string
	Sentence int
	Word     string // the trigger's words joined with "_"
}

// String writes the mention as the task does: "docid-sentence-word".
func (m Mention) String() string { return m.Doc + "-" + strconv.Itoa(m.Sentence) + "-" + m.Word }

// ParseMention reads "docid-sentence-word"; the word may hold dashes
// ("1173-12-out-sold").
func ParseMention(s string) (Mention, error) {
	parts := strings.SplitN(s, "-", 3)
	if len(parts) != 3 || parts[0] == "" || parts[2] == "" {
		return Mention{}, fmt.Errorf("semeval: mention %q: want docid-sentence-word", s)
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return Mention{}, fmt.Errorf("semeval: mention %q: sentence: %w", s, err)
	}
	return Mention{Doc: parts[0], Sentence: n, Word: parts[2]}, nil
}

// Line is one line of a timeline: a happening with its position, date
// and the mentions that report it.
type Line struct {
	Position int
	Date     string // normalised by NormDate: "2005-01-18", "2007-10-XX", "XXXX-XX-XX"
	Mentions []Mention
}

// Timeline is the timeline of one target entity.
type Timeline struct {
	Target string
	Lines  []Line
}

// NormDate writes a date of the task in its full form: "1968" becomes
// "1968-XX-XX", "2003-09" "2003-09-XX", and anything without a year
// (including the mistyped "XXX-XX-XX") "XXXX-XX-XX", so that the same
// day, month or year always has one spelling.
func NormDate(s string) string {
	parts := strings.Split(strings.TrimSpace(s), "-")
	out := []string{"XXXX", "XX", "XX"}
	widths := []int{4, 2, 2}
	for i := 0; i < len(parts) && i < 3; i++ {
		p := parts[i]
		if len(p) != widths[i] || strings.Trim(p, "0123456789") != "" {
			break
		}
		out[i] = p
	}
	if out[0] == "XXXX" {
		return "XXXX-XX-XX"
	}
	if out[1] == "XX" {
		out[2] = "XX"
	}
	return strings.Join(out, "-")
}

// Dated reports whether a normalised date gives at least a year.
func Dated(date string) bool { return !strings.HasPrefix(date, "XXXX") }

// Read parses a timeline file.
func Read(r io.Reader) (*Timeline, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	t := &Timeline{}
	first := true
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), "\r\n ")
		if first {
			t.Target = strings.TrimSpace(strings.TrimPrefix(text, "\ufeff"))
			first = false
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) < 3 {
			return nil, fmt.Errorf("semeval: line %d: want position, date and mentions, got %q", n, text)
		}
		pos, err := strconv.Atoi(strings.TrimSpace(fields[0]))
		if err != nil || pos < 0 {
			return nil, fmt.Errorf("semeval: line %d: position %q", n, fields[0])
		}
		l := Line{Position: pos, Date: NormDate(fields[1])}
		for _, f := range fields[2:] {
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			m, err := ParseMention(f)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			l.Mentions = append(l.Mentions, m)
		}
		if len(l.Mentions) > 0 {
			t.Lines = append(t.Lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("semeval: %w", err)
	}
	if first {
		return nil, fmt.Errorf("semeval: empty timeline file")
	}
	return t, nil
}

// Write writes t in the task's format.
func Write(w io.Writer, t *Timeline) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, t.Target)
	for _, l := range t.Lines {
		fmt.Fprintf(bw, "%d\t%s", l.Position, l.Date)
		for _, m := range l.Mentions {
			fmt.Fprintf(bw, "\t%s", m)
		}
		fmt.Fprintln(bw)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("semeval: write timeline %q: %w", t.Target, err)
	}
	return nil
}

// Corpus is one task corpus: its target entities in the order of the
// target list, and the gold timeline of each.
type Corpus struct {
	Dir       string
	Targets   []string
	Timelines map[string]*Timeline // by target name
}

// FileName is the name of a target's timeline file: its name in lower
// case with spaces as underscores ("Boeing 787 Dreamliner" →
// "boeing_787_dreamliner.txt").
func FileName(target string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(target)), " ", "_") + ".txt"
}

// ReadCorpus reads a corpus folder: the target list
// (list_target_entities*.txt) and each target's gold timeline. A target
// without a timeline file is an error, since it could not be scored.
func ReadCorpus(dir string) (*Corpus, error) {
	lists, err := filepath.Glob(filepath.Join(dir, "list_target_entities*.txt"))
	if err != nil {
		return nil, fmt.Errorf("semeval: %w", err)
	}
	if len(lists) != 1 {
		return nil, fmt.Errorf("semeval: %s: want one list_target_entities*.txt, found %d", dir, len(lists))
	}
	targets, err := readTargets(lists[0])
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: dir, Targets: targets, Timelines: map[string]*Timeline{}}
	for _, target := range targets {
		t, err := readFile(filepath.Join(dir, FileName(target)))
		if err != nil {
			return nil, err
		}
		c.Timelines[target] = t
	}
	return c, nil
}

func readTargets(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("semeval: %w", err)
	}
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out, nil
}

func readFile(path string) (*Timeline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("semeval: %w", err)
	}
	defer f.Close()
	t, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}
