package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	if _, err := find("no/such/entry"); err == nil {
		t.Fatal("find of a missing entry succeeded")
	}
	// The module root is found from this package's directory: its go.mod
	// sits two levels up.
	wd, _ := os.Getwd()
	root := filepath.Dir(filepath.Dir(wd))
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("test layout changed: %v", err)
	}
	shared := filepath.Join(filepath.Dir(root), "shared")
	if _, err := os.Stat(shared); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs ../shared: %v", err)
		}
		t.Skipf("skipped: needs ../shared beside the checkout")
	}
	got, err := find(".")
	if err != nil || got != shared {
		t.Fatalf("find(.) = %q, %v; want %q", got, err, shared)
	}
}
