package timelines

import (
	"context"
	"sort"
	"strings"
	"testing"

	"dateline/graph/sharedtest"
	"dateline/timeline/semeval"
)

// TestLossBreakdown sorts every gold mention of the task corpora by what
// the system did with it (right, wrong date, missed event, missed link to
// the target), and every system mention the gold lacks, and scores the
// system as it would be if one kind of loss were repaired (gold dates,
// no spurious mentions), so that work goes to the largest loss
// (go test -run LossBreakdown -v ./graph/timelines/).
func TestLossBreakdown(t *testing.T) {
	root := sharedtest.Path(t, "corpora/meantime/semeval2015-task4-timelines")
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"corpus_1", "corpus_3"} {
		c, err := semeval.ReadCorpus(root + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		cat, err := FindCAT(c)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := ReadCAT(context.Background(), cat)
		if err != nil {
			t.Fatal(err)
		}
		lossBreakdown(t, s, name, c, docs)
	}
}

// lossBreakdown logs the loss breakdown of the system on one corpus (see
// TestLossBreakdown) and checks that it sorts every gold mention once.
func lossBreakdown(t *testing.T, s *System, name string, c *semeval.Corpus, docs []Doc) {
	t.Helper()
	{
		var as []*analysed
		lower := map[string]bool{}
		byID := map[string]*analysed{}
		for _, d := range docs {
			a, err := s.analyse(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			for w := range a.lower {
				lower[w] = true
			}
			as = append(as, a)
			byID[d.ID] = a
		}
		n := map[string]int{}
		examples := map[string][]string{}
		note := func(k, ex string) {
			n[k]++
			if len(examples[k]) < 40 {
				examples[k] = append(examples[k], ex)
			}
		}
		oracle := map[string]semeval.Counts{}
		allGold := map[semeval.Mention]bool{}
		for _, g := range c.Timelines {
			for _, l := range g.Lines {
				for _, m := range l.Mentions {
					allGold[m] = true
				}
			}
		}
		for _, target := range c.Targets {
			names := Aliases(target, lower)
			var items []item
			for di, a := range as {
				items = append(items, a.items(di, names)...)
			}
			sys := assemble(target, items)
			gd := map[semeval.Mention]string{}
			for _, l := range c.Timelines[target].Lines {
				for _, m := range l.Mentions {
					gd[m] = l.Date
				}
			}
			variant := func(keep func(it *item) bool) semeval.Counts {
				var v []item
				for _, it := range items {
					it := it
					if keep(&it) {
						v = append(v, it)
					}
				}
				return semeval.Score(c.Timelines[target], assemble(target, v))
			}
			oracle["as is"] = oracle["as is"].Add(variant(func(*item) bool { return true }))
			oracle["gold dates"] = oracle["gold dates"].Add(variant(func(it *item) bool {
				if d, ok := gd[it.mention]; ok {
					it.date = d
				}
				return true
			}))
			oracle["no spurious"] = oracle["no spurious"].Add(variant(func(it *item) bool { _, ok := gd[it.mention]; return ok }))
			oracle["no spurious, gold dates"] = oracle["no spurious, gold dates"].Add(variant(func(it *item) bool {
				d, ok := gd[it.mention]
				it.date = d
				return ok
			}))
			sysDate := map[semeval.Mention]string{}
			for _, l := range sys.Lines {
				for _, m := range l.Mentions {
					sysDate[m] = l.Date
				}
			}
			goldDate := map[semeval.Mention]string{}
			for _, l := range c.Timelines[target].Lines {
				for _, m := range l.Mentions {
					goldDate[m] = l.Date
					m1 := semeval.Mention{Doc: m.Doc, Sentence: m.Sentence, Word: firstWord(m.Word)}
					d, found := sysDate[m]
					if !found {
						d, found = sysDate[m1]
					}
					a := byID[m.Doc]
					sent := ""
					if a != nil {
						sent = a.sentenceText(m.Sentence)
					}
					ex := target + " " + m.String() + " gold " + l.Date + " sys " + d + " | " + sent
					switch {
					case found && d == l.Date:
						note("right", ex)
					case found:
						note("wrong date: "+dateKind(l.Date, d), ex)
					case a == nil:
						note("no doc", ex)
					case !a.hasTrigger(m):
						note("missed event", ex)
					case !a.targetInSentence(m.Sentence, names):
						note("missed target link: not named in sentence", ex)
					default:
						note("missed target link: named, not linked", ex)
					}
				}
			}
			for _, l := range sys.Lines {
				for _, m := range l.Mentions {
					if _, ok := goldDate[m]; ok {
						continue
					}
					a := byID[m.Doc]
					ex := target + " " + m.String() + " " + l.Date + " | " + a.sentenceText(m.Sentence)
					switch {
					case allGold[m]:
						note("spurious: another target's event", ex)
					default:
						note("spurious: not in any timeline", ex)
					}
				}
			}
		}
		goldTotal, sorted := 0, 0
		for _, g := range c.Timelines {
			for _, l := range g.Lines {
				goldTotal += len(l.Mentions)
			}
		}
		for k, v := range n {
			if !strings.HasPrefix(k, "spurious") {
				sorted += v
			}
		}
		if sorted != goldTotal || n["right"] == 0 {
			t.Errorf("%s: %d gold mentions sorted of %d, %d right", name, sorted, goldTotal, n["right"])
		}
		okeys := make([]string, 0, len(oracle))
		for k := range oracle {
			okeys = append(okeys, k)
		}
		sort.Strings(okeys)
		for _, k := range okeys {
			t.Logf("%s if %-38s F1 %.2f", name, k, 100*oracle[k].F1())
		}
		if oracle["no spurious, gold dates"].F1() < oracle["as is"].F1() {
			t.Errorf("%s: removing spurious mentions and giving gold dates lowers F1", name)
		}
		keys := make([]string, 0, len(n))
		for k := range n {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s %-45s %4d", name, k, n[k])
		}
		if testing.Verbose() {
			for _, k := range keys {
				for _, ex := range examples[k] {
					t.Logf("  %s: %s", k, ex)
				}
			}
		}
	}
}

// dateKind names how a system date differs from the gold one.
func dateKind(gold, sys string) string {
	switch {
	case !semeval.Dated(gold):
		return "gold undated"
	case !semeval.Dated(sys):
		return "system undated"
	case gold[:4] != sys[:4]:
		return "other year"
	case strings.Contains(gold, "X") || strings.Contains(sys, "X"):
		return "other precision"
	case gold[:7] != sys[:7]:
		return "other month"
	}
	return "other day"
}

// sentenceText is the text of the corpus sentence n.
func (a *analysed) sentenceText(n int) string {
	start, end := -1, -1
	for _, tk := range a.doc.Tokens {
		if tk.Sentence == n {
			if start < 0 {
				start = tk.Span.Start
			}
			end = tk.Span.End
		}
	}
	if start < 0 {
		return ""
	}
	return strings.ReplaceAll(a.doc.Text[start:end], "\n", " ")
}

// hasTrigger reports whether the tagger found a trigger at a mention's
// first word.
func (a *analysed) hasTrigger(m semeval.Mention) bool {
	for _, tr := range a.triggers {
		if tm, ok := a.mentionOf(tr.Span); ok && tm.Sentence == m.Sentence && tm.Word == firstWord(m.Word) {
			return true
		}
	}
	return false
}

// targetInSentence reports whether corpus sentence n holds a span that
// names the target.
func (a *analysed) targetInSentence(n int, names []Alias) bool {
	for _, sp := range a.targetSpans(names) {
		if m, ok := a.mentionOf(sp); ok && m.Sentence == n {
			return true
		}
	}
	return false
}
