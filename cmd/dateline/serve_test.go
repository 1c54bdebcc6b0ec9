package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadToken: the token file's first line wins over the flag, so the
// secret need not appear in ps; an empty or missing file is an error, not
// an open server.
func TestReadToken(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "token")
	if err := os.WriteFile(good, []byte("  s3cret \nignored\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	flagTok := "from-flag"
	for _, c := range []struct {
		file, want string
		fails      bool
	}{
		{"", "from-flag", false},
		{good, "s3cret", false},
		{empty, "", true},
		{filepath.Join(dir, "missing"), "", true},
	} {
		file := c.file
		got, err := serveFlags{token: &flagTok, tokenFile: &file}.readToken()
		if (err != nil) != c.fails || got != c.want {
			t.Errorf("token file %q: %q, %v", c.file, got, err)
		}
	}
}

// TestLoopbackURL decides whether serve warns that reads are open to the
// network.
func TestLoopbackURL(t *testing.T) {
	for u, want := range map[string]bool{
		"http://127.0.0.1:8080/": true,
		"http://[::1]:8080/":     true,
		"http://0.0.0.0:8080/":   false,
		"http://[::]:8080/":      false,
		"http://10.0.0.5:8080/":  false,
	} {
		if got := loopbackURL(u); got != want {
			t.Errorf("loopbackURL(%s) = %v", u, got)
		}
	}
}
