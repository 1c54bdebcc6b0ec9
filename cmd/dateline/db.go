package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"dateline/graph/store"
)

// defaultDB is the database directory when neither --db nor DATELINE_DB is
// given.
const defaultDB = "./dateline-data"

// dbFlag registers --db on fs, defaulting to $DATELINE_DB or ./dateline-data.
func dbFlag(fs *flag.FlagSet, e *env) *string {
	def := e.getenv("DATELINE_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "database `directory` (default from $DATELINE_DB, else "+defaultDB+")")
}

// serveURLFile is the file in the database directory where serve notes the
// URL it listens on while it runs, so that a command refused by the lock
// can point at the right address.
const serveURLFile = "serve.url"

// openStore opens the store at dir, turning a held lock into one clear
// sentence that says what to do instead. With mustExist, a missing
// directory is an error rather than a new empty store (for commands that
// only read). Readers still open read-write so that a store left by a
// crash is recovered rather than refused.
func openStore(e *env, dir string, mustExist bool) (*store.Store, error) {
	if mustExist {
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return nil, &exitError{code: exitFailure, err: fmt.Errorf("no database at %s; run 'dateline ingest --db %s PATH...' first", dir, dir)}
		}
	}
	s, err := store.Open(store.Options{Dir: dir, Logger: e.log})
	if errors.Is(err, store.ErrLocked) {
		url := "http://127.0.0.1:8080/"
		if b, rerr := os.ReadFile(filepath.Join(dir, serveURLFile)); rerr == nil && strings.HasPrefix(string(b), "http") {
			url = strings.TrimSpace(string(b))
		}
		return nil, &exitError{code: exitFailure, err: fmt.Errorf(
			"the database %s is in use by another dateline process (probably 'dateline serve' at %s); stop that process first, "+
				"or use the running server: curl %sapi/v1/stats to read, curl -H \"Authorization: Bearer $DATELINE_TOKEN\" --data-binary @FILE %sapi/v1/articles to add articles", dir, url, url, url)}
	}
	return s, err
}
