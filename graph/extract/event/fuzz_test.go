package event

import (
	"reflect"
	"slices"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"dateline/graph"
	"dateline/graph/extract/ner"
	"dateline/graph/extract/segment"
	"dateline/timeline/timex"
)

// fuzzMentions makes a mention of every capitalised word, with kinds
// cycling through person, place, org and misc, plus one arbitrary mention
// whose span may not fit the text at all.
func fuzzMentions(text string, sents []segment.Sentence, start, end int, kind uint8) []ner.Mention {
	var ms []ner.Mention
	kinds := []graph.Kind{graph.Person, graph.Place, graph.Org, graph.Misc}
	for si, s := range sents {
		for _, tk := range s.Tokens {
			r, _ := utf8.DecodeRuneInString(tk.Text)
			if unicode.IsUpper(r) {
				ms = append(ms, ner.Mention{Kind: kinds[len(ms)%4], Span: tk.Span, Sentence: si, Text: tk.Text})
			}
		}
	}
	return append(ms, ner.Mention{Kind: graph.Kind(kind), Span: graph.Span{Start: start, End: end}, Sentence: start, Text: "x"})
}

func FuzzFind(f *testing.F) {
	f.Add("Russia attacked Ukraine on 24 February 2022.", 0, 6, uint8(2))
	f.Add("Vladimir Putin met Emmanuel Macron in Moscow on Monday, said Peskov.", 10, 3, uint8(1))
	f.Add("US President Joe Biden last week authorised the deployment of 3,000 troops to Eastern Europe.", -4, 900, uint8(9))
	f.Add("Moscow, which has amassed troops, could act on invading Ukraine any day now?", 5, 5, uint8(3))
	f.Add("Ukraine severed relations with the Russian Federation, which attacked it at 5 am on February 24.", 1, 2, uint8(4))
	f.Add("\"We will win,\" said Zelenskyy. , , which which . 's 's", 0, 1, uint8(0))
	f.Fuzz(func(t *testing.T, text string, start, end int, kind uint8) {
		sents := segment.Split(text)
		ms := fuzzMentions(text, sents, start, end, kind)
		dates := timex.Tag(text, day("2022-02-08"), timex.Options{})
		evs := Find(gaz(t), text, sents, ms, dates, day("2022-02-08"))
		in := func(s graph.Span) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= len(text) }
		idx := func(i int) bool { return i >= -1 && i < len(ms) }
		for _, e := range evs {
			if !in(e.TriggerSpan) || !in(e.Sentence) || e.TriggerSpan.Start < e.Sentence.Start || e.TriggerSpan.End > e.Sentence.End {
				t.Fatalf("trigger %v outside sentence %v or text (%d bytes)", e.TriggerSpan, e.Sentence, len(text))
			}
			if e.Trigger != e.TriggerSpan.Of(text) || e.Trigger == "" {
				t.Fatalf("trigger %q does not match its span %v", e.Trigger, e.TriggerSpan)
			}
			if e.SentenceIndex < 0 || e.SentenceIndex >= len(sents) || sents[e.SentenceIndex].Span != e.Sentence {
				t.Fatalf("sentence index %d does not match span %v", e.SentenceIndex, e.Sentence)
			}
			if !idx(e.Actor) || !idx(e.Target) || !idx(e.Place) {
				t.Fatalf("role index out of range: %+v", e)
			}
			if e.Date.IsZero() != (e.DateSpan == graph.Span{}) || (!e.Date.IsZero() && !in(e.DateSpan)) {
				t.Fatalf("date %v with span %v", e.Date, e.DateSpan)
			}
			for i, p := range e.Participants {
				if p < 0 || p >= len(ms) || (i > 0 && ms[e.Participants[i-1]].Span.Start > ms[p].Span.Start) {
					t.Fatalf("participants %v out of range or order", e.Participants)
				}
			}
			if !slices.Contains(Categories, e.Category) {
				t.Fatalf("unknown category %q", e.Category)
			}
			if e.Date.IsZero() != (e.DateFrom == "") {
				t.Fatalf("date %v from %q", e.Date, e.DateFrom)
			}
		}
		if again := Find(gaz(t), text, sents, ms, dates, day("2022-02-08")); !reflect.DeepEqual(evs, again) {
			t.Fatalf("Find is not deterministic:\n%+v\n%+v", evs, again)
		}
	})
}

// TestConcurrent runs Find from several goroutines on the same inputs; with
// -race it checks that Find shares no mutable state.
func TestConcurrent(t *testing.T) {
	a := analyse(t, sampleText(t), day("2022-02-08"))
	if len(a.events) == 0 {
		t.Fatal("no events in the sample article")
	}
	g := gaz(t)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Find(g, a.text, a.sents, a.mentions, a.dates, a.published); !reflect.DeepEqual(got, a.events) {
				errs <- a.dump()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Find differs:\n%s", e)
	}
}

// TestCategoriesDocumented checks that every category has triggers and is
// listed in Categories.
func TestCategoriesDocumented(t *testing.T) {
	seen := map[string]int{}
	for _, es := range triggers {
		for _, e := range es {
			seen[e.category]++
		}
	}
	for _, c := range Categories {
		if seen[c] == 0 {
			t.Errorf("category %q has no trigger", c)
		}
		delete(seen, c)
	}
	for c := range seen {
		t.Errorf("triggers of category %q, which Categories does not list", c)
	}
}
