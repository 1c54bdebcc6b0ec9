package build

import (
	"strings"
	"testing"

	"dateline/graph/extract/event/trigger"
	"dateline/timeline/timex/timeml"
)

func TestHeldOut(t *testing.T) {
	var docs []*timeml.Document
	// Names out of order and in two folders: the rule sorts base names.
	for _, p := range []string{"b/f.tml", "a/c.tml", "b/a.tml", "a/j.tml", "a/e.tml", "b/b.tml", "a/i.tml", "b/d.tml", "a/h.tml", "b/g.tml"} {
		docs = append(docs, &timeml.Document{Path: p})
	}
	var held []string
	for i, h := range HeldOut(docs) {
		if h {
			held = append(held, docs[i].Path)
		}
	}
	if got := strings.Join(held, " "); got != "a/j.tml a/e.tml" { // in input order
		t.Errorf("held out %s, want a/e.tml a/j.tml (the 5th and 10th names)", got)
	}
}

func TestReadCoNLLU(t *testing.T) {
	in := "# newdoc id = GUM_news_x\n" +
		"1\tShares\tshare\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n" +
		"2\tdid\tdo\tAUX\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n" +
		"4\tfall\tfall\tVERB\tVB\t_\t2\txcomp\t_\tSpaceAfter=No\n" +
		"5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
		"# newdoc id = GUM_fiction_y\n" +
		"1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
	got, err := readCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d sentences, want 1 (fiction is not an open genre)", len(got))
	}
	var words, tags []string
	for i, tk := range got[0].Tokens {
		words = append(words, tk.Text)
		tags = append(tags, got[0].Tags[i].String())
	}
	if w, g := strings.Join(words, " "), strings.Join(tags, " "); w != "Shares did n't fall ." || g != "NNS VBD RB VB PUNCT" {
		t.Errorf("tokens %q tags %q", w, g)
	}
}

func TestEventSentences(t *testing.T) {
	doc, err := timeml.Parse(strings.NewReader(`<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="1998-01-08">x</TIMEX3></DCT>` +
		`<TEXT>Prices <EVENT eid="e1" class="OCCURRENCE">fell</EVENT>. He <EVENT eid="e2" class="REPORTING">said</EVENT> so.</TEXT></TimeML>`))
	if err != nil {
		t.Fatal(err)
	}
	ss := EventSentences(doc)
	if len(ss) != 2 || ss[0].Classes[1] != trigger.Occurrence || ss[1].Classes[1] != trigger.Reporting || ss[0].Classes[0] != trigger.None {
		t.Errorf("event sentences = %+v", ss)
	}
}
