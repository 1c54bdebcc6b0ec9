package timelines

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"dateline/graph/extract/event/trigger"
	"dateline/graph/sharedtest"
	"dateline/timeline/semeval"
)

func TestZZDateKinds(t *testing.T) {
	root := sharedtest.Path(t, "corpora/meantime/semeval2015-task4-timelines")
	s, _ := New()
	cnt := map[string]map[string]int{}
	for _, name := range []string{"corpus_1", "corpus_3"} {
		c, _ := semeval.ReadCorpus(root + "/" + name)
		cat, _ := FindCAT(c)
		docs, _ := ReadCAT(context.Background(), cat)
		gd := map[semeval.Mention]string{}
		for _, g := range c.Timelines {
			for _, l := range g.Lines {
				for _, m := range l.Mentions {
					gd[m] = l.Date
				}
			}
		}
		for _, d := range docs {
			a, _ := s.analyse(context.Background(), d)
			dct := DateString(d.Created)
			nd := a.newsDay()
			for _, tr := range a.triggers {
				m, ok := a.triggerMention(tr)
				if !ok {
					continue
				}
				g, ok := gd[m]
				if !ok {
					continue
				}
				sd := a.anchorIn(tr.Sentence, tr.Span.Start, false)
				kind := "other"
				switch {
				case !semeval.Dated(g):
					kind = "undated"
				case g == sd:
					kind = "sentdate"
				case g == nd:
					kind = "newsday"
				case g == dct:
					kind = "dct"
				}
				pos := "V"
				if tr.POS.IsNoun() {
					pos = "N"
				}
				hl := ""
				if tr.Sentence == 0 {
					hl = "HL "
				}
				hasd := ""
				if sd != "" {
					hasd = "SD "
				}
				key := fmt.Sprintf("%s%s%s %s/%s mod=%q neg=%v cls=%v", hl, hasd, pos, tr.Tense, tr.Aspect, tr.Modality, tr.Negated, tr.Class == trigger.Reporting)
				if cnt[key] == nil {
					cnt[key] = map[string]int{}
				}
				cnt[key][kind]++
				cnt[key]["n"]++
			}
		}
	}
	var keys []string
	for k := range cnt {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return cnt[keys[i]]["n"] > cnt[keys[j]]["n"] })
	for _, k := range keys {
		t.Logf("%-60s %v", k, cnt[k])
	}
}

func TestZZAblate(t *testing.T) {
	for i, f := range []*bool{nil, &xGov} {
		if f != nil {
			*f = false
		}
		t.Run(fmt.Sprint(i), TestLossBreakdown)
		if f != nil {
			*f = true
		}
	}
}

func TestZZRelFail(t *testing.T) {
	root := sharedtest.Path(t, "corpora/meantime/semeval2015-task4-timelines")
	s, _ := New()
	for _, name := range []string{"corpus_1", "corpus_3"} {
		c, _ := semeval.ReadCorpus(root + "/" + name)
		cat, _ := FindCAT(c)
		docs, _ := ReadCAT(context.Background(), cat)
		tls, _ := s.Build(context.Background(), docs, c.Targets)
		cnt := map[string]int{}
		for i, target := range c.Targets {
			g := c.Timelines[target]
			in := map[string]bool{}
			for _, l := range g.Lines {
				for _, m := range l.Mentions {
					in["e:"+m.String()] = true
				}
			}
			gc := semeval.Close(semeval.Relations(g))
			for _, r := range semeval.Relations(tls[i]) {
				ok := gc.Entails(r)
				k := r.Type.String()
				if !ok {
					switch {
					case !in[r.From] && (r.Type == semeval.IsIncluded || !in[r.To]):
						k += " fail both/from spurious"
					case !in[r.From] || r.Type != semeval.IsIncluded && !in[r.To]:
						k += " fail one spurious"
					default:
						k += " fail both in gold"
					}
				} else {
					k += " ok"
				}
				cnt[k]++
			}
			sc := semeval.Close(semeval.Relations(tls[i]))
			for _, r := range semeval.Relations(g) {
				k := "gold " + r.Type.String()
				if sc.Entails(r) {
					k += " ok"
				} else {
					k += " missed"
				}
				cnt[k]++
			}
		}
		var keys []string
		for k := range cnt {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s %-40s %d", name, k, cnt[k])
		}
	}
}

func TestZZItemPrec(t *testing.T) {
	root := sharedtest.Path(t, "corpora/meantime/semeval2015-task4-timelines")
	s, _ := New()
	cnt := map[string][2]int{}
	for _, name := range []string{"corpus_1", "corpus_3"} {
		c, _ := semeval.ReadCorpus(root + "/" + name)
		cat, _ := FindCAT(c)
		docs, _ := ReadCAT(context.Background(), cat)
		var as []*analysed
		lower := map[string]bool{}
		for _, d := range docs {
			a, _ := s.analyse(context.Background(), d)
			for w := range a.lower {
				lower[w] = true
			}
			as = append(as, a)
		}
		for _, target := range c.Targets {
			gd := map[semeval.Mention]string{}
			for _, l := range c.Timelines[target].Lines {
				for _, m := range l.Mentions {
					gd[m] = l.Date
				}
			}
			names := Aliases(target, lower)
			seen := map[semeval.Mention]bool{}
			for di, a := range as {
				for _, it := range a.items(di, names) {
					if seen[it.mention] || !semeval.Dated(it.date) {
						continue
					}
					seen[it.mention] = true
					_, ok := gd[it.mention]
					r := it.rank
					if r > 3 && r < corefRank {
						r = 4
					}
					for _, k := range []string{fmt.Sprint("rank ", r), fmt.Sprint("class ", it.class), fmt.Sprint("headline ", it.mention.Sentence == 0)} {
						v := cnt[k]
						v[1]++
						if ok {
							v[0]++
						}
						cnt[k] = v
					}
				}
			}
		}
	}
	var keys []string
	for k := range cnt {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-30s %d/%d = %.2f", k, cnt[k][0], cnt[k][1], float64(cnt[k][0])/float64(cnt[k][1]))
	}
}

func TestZZAblate2(t *testing.T) {
	for _, v := range []struct {
		cls    bool
		rw, lw int
	}{{false, 10, 6}, {true, 10, 6}, {true, 6, 6}, {true, 4, 4}, {true, 8, 3}} {
		xCls, xRW, xLW = v.cls, v.rw, v.lw
		t.Run(fmt.Sprint(v), TestLossBreakdown)
	}
}
