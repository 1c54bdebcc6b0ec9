package attribution

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadGUM(t *testing.T) {
	f, err := os.Open("testdata/GUM_news_crane.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadGUM(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := docs[0]
	if d.ID != "GUM_news_crane" || d.Date != "2015-09-12" || d.Title != "At least 107 killed in Mecca crane collapse" {
		t.Errorf("doc = %q %q %q", d.ID, d.Date, d.Title)
	}
	paras := strings.Split(d.Text, "\n\n")
	// The heading is the title, not the text; the dateline, the figure's
	// caption and each paragraph are paragraphs of their own, their
	// sentences joined by a space.
	if len(paras) != 7 || paras[0] != "Saturday, September 12, 2015" || paras[1] != "pilgrims at Mecca's Grand Mosque in 2008." {
		t.Errorf("paragraphs = %q", paras)
	}
	if !strings.HasPrefix(paras[5], "The accident occurred at a time when the mosque was relatively uncrowded. \"Had it happened an hour later") {
		t.Errorf("paragraph 5 = %q", paras[5])
	}
	// The text is what the committed gold was annotated on.
	g, texts := readFixture(t)
	if TextHash(d.Text) != g.Articles[0].SHA256 || texts[g.Articles[0].ID] != d.Text {
		t.Errorf("ReadGUM text differs from the fixture's")
	}
}

// writeGz writes data gzipped to path, creating its folder.
func writeGz(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBuild lays out a corpora folder with one file of each format the
// gold's origins name and checks that Build follows the origins, trims
// the texts as ingest does and refuses a text whose hash differs.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	crane, err := os.ReadFile("testdata/GUM_news_crane.conllu")
	if err != nil {
		t.Fatal(err)
	}
	writeGz(t, filepath.Join(dir, "gum", "gum_train.conllu.gz"), crane)

	const polnearText = "Headline.\n\n\"We will win,\" she said.\n"
	var tb bytes.Buffer
	tw := tar.NewWriter(&tb)
	tw.WriteHeader(&tar.Header{Name: "train/text/x.txt", Mode: 0o644, Size: int64(len(polnearText)), Typeflag: tar.TypeReg})
	tw.Write([]byte(polnearText))
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	writeGz(t, filepath.Join(dir, "quotes", "polnear", "train.tar.gz"), tb.Bytes())

	var cb bytes.Buffer
	cw := csv.NewWriter(&cb)
	cw.WriteAll([][]string{
		{"link", "headline", "date", "body"},
		{"http://example.org/1", "One", "2022-02-20T10:00:00Z", " The President of Russia noted that it rained. "},
		{"http://example.org/2", "Two", "2022-02-21T10:00:00Z", "Other."},
	})
	writeGz(t, filepath.Join(dir, "news", "press.csv.gz"), cb.Bytes())

	arts := []Article{
		{ID: "press/1", Published: "2022-02-20", Title: "One", Publisher: "Kremlin.ru", Origin: "news/press.csv.gz#http://example.org/1",
			SHA256: TextHash("The President of Russia noted that it rained.")},
		{ID: "gum/GUM_news_crane", Published: "2015-09-12", Origin: "gum/gum_train.conllu.gz#GUM_news_crane"},
		{ID: "polnear/x", Published: "2016-05-09", Origin: "quotes/polnear/train.tar.gz#train/text/x.txt",
			SHA256: TextHash(strings.TrimSpace(polnearText))},
	}
	g, _ := readFixture(t)
	arts[1].SHA256 = g.Articles[0].SHA256
	texts, err := Build(context.Background(), dir, arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != 3 || texts[0].ID != "press/1" || texts[0].Text != "The President of Russia noted that it rained." ||
		texts[0].Date != "2022-02-20" || texts[0].Source != "Kremlin.ru" || texts[2].Text != strings.TrimSpace(polnearText) {
		t.Errorf("texts = %+v", texts)
	}

	arts[2].SHA256 = TextHash("another text")
	if _, err := Build(context.Background(), dir, arts); err == nil || !strings.Contains(err.Error(), "polnear/x") {
		t.Errorf("hash mismatch: err = %v", err)
	}
	arts[2].Origin = "quotes/polnear/train.tar.gz#train/text/y.txt"
	if _, err := Build(context.Background(), dir, arts); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing member: err = %v", err)
	}
	arts[2].Origin = "quotes/polnear/train.tar.gz"
	if _, err := Build(context.Background(), dir, arts); err == nil || !strings.Contains(err.Error(), "FILE#KEY") {
		t.Errorf("origin without a key: err = %v", err)
	}
}
