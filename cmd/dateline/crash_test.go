package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dateline/graph"
	"dateline/graph/source"
	"dateline/graph/store"
	"dateline/timeline"
)

// TestKillServerUnderWrites kills a real server with SIGKILL while clients
// post articles to it, 20 times over one database: after every kill the
// store opens, every article in it is whole (exactly as posted), and the
// counters agree with the index.
func TestKillServerUnderWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test")
	}
	var arts []graph.Article
	err := source.Read(context.Background(), pressReleases(t), source.Options{}, func(it source.Item) error {
		if it.Article != nil && len(arts) < 1200 {
			arts = append(arts, *it.Article)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[graph.ID]graph.Article{}
	for _, a := range arts {
		want[a.ID] = a
	}
	db := filepath.Join(t.TempDir(), "db")
	rng := rand.New(rand.NewPCG(7, 7))
	const trials = 20
	for trial := 0; trial < trials; trial++ {
		url := startServer(t, db)
		// Three clients post batches of 20 articles until the kill.
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int, 3)
		first := make(chan struct{}, 1<<10)
		for c := 0; c < 3; c++ {
			go func(c int) {
				posted := 0
				for b := 0; ctx.Err() == nil; b++ {
					var body bytes.Buffer
					for i := 0; i < 20; i++ {
						a := arts[(trial*180+c*60+b*20+i)%len(arts)]
						line, _ := json.Marshal(map[string]string{"url": a.URL, "title": a.Title, "date": a.Date.String(), "text": a.Text, "source": a.Source})
						body.Write(line)
						body.WriteByte('\n')
					}
					req, _ := http.NewRequestWithContext(ctx, "POST", url+"api/v1/articles", &body)
					req.Header.Set("Authorization", "Bearer crash-token")
					req.Header.Set("Content-Type", "application/x-ndjson")
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						break
					}
					resp.Body.Close()
					posted++
					first <- struct{}{}
				}
				done <- posted
			}(c)
		}
		// Kill while writes are surely in flight: after the first batch
		// is answered, at a random moment within the next ones.
		select {
		case <-first:
		case <-time.After(2 * time.Minute):
			t.Fatalf("trial %d: no batch was answered", trial)
		}
		time.Sleep(time.Duration(rng.IntN(800)) * time.Millisecond)
		kill(t)
		cancel()
		for c := 0; c < 3; c++ {
			<-done
		}
		checkWhole(t, db, want, trial)
	}
}

var serverCmd *exec.Cmd

// startServer runs `dateline serve` on a free port over db and returns its
// URL once it listens.
func startServer(t *testing.T, db string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "DATELINE_RUN_MAIN=1", "DATELINE_TOKEN=crash-token")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	serverCmd = cmd
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if _, after, ok := strings.Cut(sc.Text(), " at http://"); ok {
			url := "http://" + strings.Fields(after)[0]
			go func() {
				for sc.Scan() { // drain, so the server never blocks on its log
				}
			}()
			return url
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatal("the server stopped before it listened")
	return ""
}

func kill(t *testing.T) {
	t.Helper()
	if err := serverCmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	serverCmd.Wait()
}

// checkWhole opens the store after a kill and checks every article and the
// counters.
func checkWhole(t *testing.T, db string, want map[graph.ID]graph.Article, trial int) {
	t.Helper()
	s, err := store.Open(store.Options{Dir: db})
	if err != nil {
		t.Fatalf("trial %d: the store does not open after kill -9: %v", trial, err)
	}
	defer s.Close()
	n := 0
	err = s.Articles(context.Background(), timeline.Range{Undated: true}, func(a *store.StoredArticle) error {
		n++
		w, ok := want[a.ID]
		if !ok || w.Text != a.Text || w.Title != a.Title || w.Date != a.Date {
			t.Errorf("trial %d: article %d is not whole after kill -9", trial, a.ID)
		}
		if _, err := s.ArticleFacts(context.Background(), a.ID); err != nil {
			t.Errorf("trial %d: article %d has no readable facts: %v", trial, a.ID, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if int64(n) != st.Articles {
		t.Errorf("trial %d: counters say %d articles, the index holds %d", trial, st.Articles, n)
	}
	t.Logf("trial %d: %d whole articles after kill -9", trial, n)
}
