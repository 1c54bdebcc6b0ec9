package quote

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/graph/sharedtest"
)

// gumDoc is one GUM document rebuilt as text: its tokens' byte spans and,
// for each token, the ids of the coreference entities whose mentions
// cover it.
type gumDoc struct {
	name     string
	text     string
	starts   []int   // byte offset of each token
	ends     []int   // byte offset after each token
	entities [][]int // per token: ids of the entity mentions covering it
	proper   []bool  // per token: a proper noun (UPOS PROPN)
}

var (
	gumOpen  = regexp.MustCompile(`\((\d+)-[^()]*(\))?`)
	gumClose = regexp.MustCompile(`(?:^|[^(\d-])(\d+)\)`)
)

// readGUM reads the documents of a GUM CoNLL-U file (gzipped). Paragraphs
// ("# newpar") become blank lines, sentences are joined by a space, and
// tokens by a space unless SpaceAfter=No. The Entity annotation of MISC
// ("(12-person-…", "12)", "(5-object-…)") gives each token the entities
// whose mentions cover it.
func readGUM(t *testing.T, path string) []gumDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var docs []gumDoc
	var cur *gumDoc
	var b strings.Builder
	open := map[int][]int{} // entity id → start tokens of its open mentions
	space := false
	finish := func() {
		if cur != nil {
			cur.text = b.String()
			docs = append(docs, *cur)
		}
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			finish()
			cur = &gumDoc{name: strings.TrimPrefix(line, "# newdoc id = ")}
			b.Reset()
			open = map[int][]int{}
			space = false
		case strings.HasPrefix(line, "# newpar"):
			if b.Len() > 0 {
				b.WriteString("\n\n")
				space = false
			}
		case line == "" || line[0] == '#':
			if line == "" && b.Len() > 0 {
				space = true
			}
		default:
			f := strings.Split(line, "\t")
			if len(f) < 10 || strings.ContainsAny(f[0], "-.") || cur == nil {
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			i := len(cur.starts)
			cur.starts = append(cur.starts, b.Len())
			b.WriteString(f[1])
			cur.ends = append(cur.ends, b.Len())
			cur.entities = append(cur.entities, nil)
			cur.proper = append(cur.proper, f[3] == "PROPN")
			space = !strings.Contains(f[9], "SpaceAfter=No")
			ent := ""
			for _, kv := range strings.Split(f[9], "|") {
				if strings.HasPrefix(kv, "Entity=") {
					ent = strings.TrimPrefix(kv, "Entity=")
				}
			}
			for _, m := range gumOpen.FindAllStringSubmatch(ent, -1) {
				id := atoi(m[1])
				if m[2] != "" {
					cur.entities[i] = append(cur.entities[i], id)
				} else {
					open[id] = append(open[id], i)
				}
			}
			for _, m := range gumClose.FindAllStringSubmatch(ent, -1) {
				id := atoi(m[1])
				st := open[id]
				if len(st) == 0 {
					continue
				}
				from := st[len(st)-1]
				open[id] = st[:len(st)-1]
				for k := from; k <= i; k++ {
					cur.entities[k] = append(cur.entities[k], id)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	finish()
	return docs
}

// named reports whether entity id is named by a proper noun before token
// p: a pronoun can only be resolved to a name that came before it.
func (g *gumDoc) named(id, p int) bool {
	for j := 0; j < p; j++ {
		if g.proper[j] && containsInt(g.entities[j], id) {
			return true
		}
	}
	return false
}

// gumNewsLike are the GUM genres closest to the news Dateline reads.
var gumNewsLike = []string{"GUM_news_", "GUM_bio_", "GUM_interview_", "GUM_speech_"}

func newsLike(name string) bool {
	for _, p := range gumNewsLike {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// token returns the index of the GUM token that starts at byte offset
// pos, or -1.
func (g *gumDoc) token(pos int) int {
	lo, hi := 0, len(g.starts)
	for lo < hi {
		m := (lo + hi) / 2
		if g.starts[m] < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(g.starts) && g.starts[lo] == pos {
		return lo
	}
	return -1
}

// TestGUMPronouns measures the rule that resolves "he" and "she" when no
// earlier quote names the speaker (resolver.subjectBefore, see
// antecedents), on the coreference of GUM's train and dev documents of
// the genres closest to news (news, biographies, interviews, speeches;
// GUM's test documents are not read): every "he" and "she" outside
// quotation marks whose entity a proper noun names before it. A pronoun
// counts as right when the name it resolves to is in its coreference
// chain; wrong or unresolved count against. The figure is logged, and the
// test fails below 0.70 (measured 0.73 on 351 pronouns).
func TestGUMPronouns(t *testing.T) {
	if testing.Short() {
		t.Skip("tags 207 documents")
	}
	dir := sharedtest.Path(t, "corpora/gum")
	var docs []gumDoc
	for _, f := range []string{"gum_train.conllu.gz", "gum_dev.conllu.gz"} {
		docs = append(docs, readGUM(t, filepath.Join(dir, f))...)
	}
	taggerOnce.Do(func() { tagger, taggerErr = ner.Default() })
	if taggerErr != nil {
		t.Fatal(taggerErr)
	}
	var total, right, unresolved int
	for _, g := range docs {
		if !newsLike(g.name) {
			continue
		}
		sents := segment.Split(g.text)
		ms := tagger.Tag(g.text, sents)
		d := newDoc(g.text, sents, ms)
		d.inQuote = d.markQuotes(scanMarks(g.text))
		r := d.newResolver()
		for k, tk := range d.toks {
			if tk.lower != "he" && tk.lower != "she" || d.inQuote[k] >= 0 {
				continue
			}
			p := g.token(tk.span.Start)
			if p < 0 || len(g.entities[p]) == 0 {
				continue
			}
			gold := g.entities[p][len(g.entities[p])-1]
			if !g.named(gold, p) {
				continue
			}
			total++
			m := r.subjectBefore(k)
			if m < 0 {
				unresolved++
				continue
			}
			for j := g.token(ms[m].Span.Start); j >= 0 && j < len(g.ends) && g.ends[j] <= ms[m].Span.End; j++ {
				if containsInt(g.entities[j], gold) {
					right++
					break
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no pronouns found in GUM")
	}
	acc := float64(right) / float64(total)
	t.Logf("GUM train+dev: %d pronouns with a named antecedent, %d resolved to it (%.3f), %d unresolved", total, right, acc, unresolved)
	if acc < 0.70 {
		t.Errorf("pronoun accuracy %.3f < 0.70", acc)
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
