package source

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"testing"

	"dateline/graph"
)

func TestIdentifyURL(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"https://example.com/a", "https://example.com/a"},
		{"http://example.com/a", "https://example.com/a"},
		{"HTTPS://EXAMPLE.com/A", "https://example.com/A"}, // paths keep their case
		{"https://example.com:443/a/", "https://example.com/a"},
		{"http://example.com:80/a#comments", "https://example.com/a"},
		{"https://example.com:8080/a", "https://example.com:8080/a"},
		{"https://example.com/", "https://example.com"},
		{"https://example.com", "https://example.com"},
		{"https://example.com/a?utm_source=x&utm_MEDIUM=y&id=7&b=1", "https://example.com/a?b=1&id=7"},
		{"https://example.com/a?utm_source=x", "https://example.com/a"},
		{"https://example.com/a%20b", "https://example.com/a%20b"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"http://[::1]:80/x", "https://[::1]/x"},
	}
	for _, tt := range tests {
		a := &graph.Article{URL: tt.url, Text: "some text"}
		Identify(a)
		if a.Key != tt.want {
			t.Errorf("Identify(URL %q): Key = %q, want %q", tt.url, a.Key, tt.want)
		}
		if a.ID != idOf(tt.want) {
			t.Errorf("Identify(URL %q): ID = %d, want %d", tt.url, a.ID, idOf(tt.want))
		}
	}
}

func TestIdentifyText(t *testing.T) {
	// Not http(s), or no URL at all: the text decides, white space aside.
	texts := []*graph.Article{
		{Text: "Putin met  Macron.\n\nThey talked."},
		{Text: "  Putin met Macron. They\ttalked. "},
		{Text: "Putin met Macron. They talked.", URL: "ftp://example.com/a"},
		{Text: "Putin met Macron. They talked.", URL: "not a url"},
	}
	sum := sha256.Sum256([]byte("Putin met Macron. They talked."))
	wantKey := "text:" + hex.EncodeToString(sum[:])
	for _, a := range texts {
		Identify(a)
		if a.Key != wantKey {
			t.Errorf("Identify(%q, URL %q): Key = %q, want %q", a.Text, a.URL, a.Key, wantKey)
		}
	}
	other := &graph.Article{Text: "Putin met Macron. They talked!"}
	Identify(other)
	if other.ID == texts[0].ID {
		t.Errorf("different texts share ID %d", other.ID)
	}
	guid := &graph.Article{Key: "id:abc", Text: "x"}
	Identify(guid)
	if guid.Key != "id:abc" {
		t.Errorf("a reader's id key was replaced by %q", guid.Key)
	}
}

// TestIdentifyStable pins IDs: they are stored, so they must never change.
func TestIdentifyStable(t *testing.T) {
	key := "https://en.kremlin.ru/events/president/news/67735"
	sum := sha256.Sum256([]byte(key))
	want := graph.ID(binary.BigEndian.Uint64(sum[:8]) &^ (1 << 63))
	a := &graph.Article{URL: "http://en.kremlin.ru/events/president/news/67735"}
	Identify(a)
	if a.ID != want || a.ID != 2641999857729424326 {
		t.Errorf("ID = %d, want %d (= 2641999857729424326)", a.ID, want)
	}
	for i := range 1000 {
		b := &graph.Article{Text: string(rune('a' + i%26)), URL: ""}
		Identify(b)
		if b.ID == 0 || b.ID > graph.MaxID {
			t.Fatalf("ID %d out of (0, MaxID]", b.ID)
		}
	}
}
