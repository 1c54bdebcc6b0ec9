package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"dateline/graph/sharedtest"
)

// TestMain lets tests run the real binary as a subprocess: with
// DATELINE_RUN_MAIN=1 the test binary behaves as dateline itself.
func TestMain(m *testing.M) {
	if os.Getenv("DATELINE_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// repoRoot returns the module root, found from this file's location.
func repoRoot(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// newsDir returns the shared press-release corpus (see sharedtest for
// when it is absent).
func newsDir(t testing.TB) string {
	return sharedtest.Path(t, "corpora/news")
}

// result is what one in-process run of the CLI printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs dateline in-process with args and the given standard input.
func runCLI(t testing.TB, stdin io.Reader, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	if stdin == nil {
		stdin = bytes.NewReader(nil)
	}
	// A default database in the test's own temporary directory, so that
	// no test writes to the working directory.
	defDB := filepath.Join(t.TempDir(), "default-db")
	e := &env{
		stdin: stdin, stdout: &out, stderr: &errb,
		getenv: func(k string) string {
			if k == "DATELINE_DB" {
				return defDB
			}
			return ""
		},
		log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	code := run(context.Background(), e, args)
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}
