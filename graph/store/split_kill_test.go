package store

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"dateline/graph"
	"dateline/timeline"
)

// killDoc is an article the child of TestKillDuringSplitWrites writes,
// round after round: article id in version v (round%3) names its own set of
// ten people, so that every round replaces every article.
func killDoc(id graph.ID, v int) *graph.Document {
	var ents []graph.Entity
	for i := 0; i < 10; i++ {
		ents = append(ents, person(fmt.Sprintf("Name%c Family%c", 'A'+(int(id)*3+v*7+i)%17, 'A'+i)))
	}
	var sentences [][]string
	for i := 0; i < 4+v; i++ {
		sentences = append(sentences, []string{ents[i%10].Name, ents[(i+3)%10].Name, ents[(i+v+5)%10].Name})
	}
	d := docWith(id, fmt.Sprintf("2022-03-%02d", 1+int(id)%27), ents, sentences...)
	d.Article.Title = fmt.Sprintf("article %d version %d", id, v)
	return d
}

// killArticles is how many articles the child writes, again and again.
const killArticles = 12

// TestKillDuringSplitWritesChild is the child of TestKillDuringSplitWrites:
// it writes every article in parts, round after round, until it is killed.
func TestKillDuringSplitWritesChild(t *testing.T) {
	dir := os.Getenv("DATELINE_SPLIT_KILL_DIR")
	if dir == "" {
		t.Skip("the child of TestKillDuringSplitWrites")
	}
	s, err := Open(Options{Dir: dir, MaxTxnWrites: 12})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("writing")
	for round := 0; ; round++ {
		for id := graph.ID(1); id <= killArticles; id++ {
			if _, err := s.Put(context.Background(), killDoc(id, round%3)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestKillDuringSplitWrites kills (SIGKILL) a process writing articles
// over several transactions each, 20 times over one database: after each
// kill the store opens, rolls back the write that was cut short, and holds
// the graph that the whole articles it holds give when stored afresh
// (entities, counts, edges, mentions, counters).
func TestKillDuringSplitWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(14, 14))
	rolledBack := 0
	for trial := 0; trial < 20; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringSplitWritesChild$", "-test.v")
		cmd.Env = append(os.Environ(), "DATELINE_SPLIT_KILL_DIR="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for sc.Scan() && sc.Text() != "writing" {
		}
		go func() {
			for sc.Scan() {
			}
		}()
		time.Sleep(time.Duration(20+rng.IntN(500)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		var logged bytes.Buffer
		s, err := Open(Options{Dir: dir, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
		if err != nil {
			t.Fatalf("trial %d: the store does not open after kill -9: %v", trial, err)
		}
		if strings.Contains(logged.String(), "rolling back") {
			rolledBack++
		}
		if j := journalLeft(t, s); j != 0 {
			t.Errorf("trial %d: %d journal entries left after open", trial, j)
		}
		got := summary(t, s)
		// The same whole articles, stored afresh.
		ref := openMem(t)
		err = s.Articles(context.Background(), timeline.Range{Undated: true}, func(a *StoredArticle) error {
			var v int
			if _, err := fmt.Sscanf(a.Title, "article %d version %d", new(int), &v); err != nil {
				return fmt.Errorf("article %d: title %q", a.ID, a.Title)
			}
			_, err := ref.Put(context.Background(), killDoc(a.ID, v))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if d := lineDiff(summary(t, ref), got); d != "" {
			t.Errorf("trial %d: the store after kill -9 is not the graph of its whole articles: %s", trial, d)
		}
		s.Close()
		ref.Close()
	}
	t.Logf("20 kills, %d of them during a split write (rolled back on open)", rolledBack)
	if rolledBack == 0 {
		t.Error("no kill landed in a split write: the test checked nothing")
	}
}
