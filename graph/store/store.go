package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"dateline/graph/resolve"
)

// SchemaVersion is the version of the key layout and record encodings. A
// store written with another version is refused by Open. Version 3 folds
// an edge's evidence sentences (0x61 keys in version 2) into its per-day
// record (0x60), keeps it and the edge totals (0x62) from < to only, with
// a lower-neighbour index (0x63) for the other end, and folds an article's
// mentions of an entity into one record (0x30 had a key per mention); it
// also added recalls (0x56–0x58), marked in the contributions record.
// Version 4 adds the Titled flag to resolution signatures (0x70): the
// signatures resolution computes from a stored article's entities, to take
// them out when the article is replaced, are no longer those a version 3
// store holds. Version 5 folds the diacritics of Latin Extended-B and
// Latin Extended Additional in name keys ("Ceaușescu", "Ḥadīd"): the
// signatures, which hash keys, change for names that have them. Version 6
// counts the lines a source repeats (0x15–0x17, see furniture.go): a
// version 5 store holds no counts, and its articles were stated with
// their furniture.
const SchemaVersion uint32 = 6

// ErrLocked is returned by Open when another process holds the database
// directory (Badger allows one owner at a time).
var ErrLocked = errors.New("store: database is in use by another process")

// ErrNotFound is returned when an article, entity or other record does not
// exist.
var ErrNotFound = errors.New("store: not found")

// ErrTooBig is returned by Put for an article with one record larger than
// Badger takes: it is refused whole, nothing of it is stored, and the
// store is unchanged. An article too big for one transaction is written
// over several (split.go); this is left for a single record over Badger's
// value limit, which an in-memory store sets at 1 MB (a record of an
// article's facts can pass it) and a store on disk at 1 GB.
var ErrTooBig = errors.New("article too large to store: one of its records is larger than the store takes; split it into smaller articles")

// ErrBadCursor is returned by a list query whose After cursor is not one
// that list issued: a client's mistake or a crafted value, never a fault of
// the store, so the API answers it as a bad request.
var ErrBadCursor = errors.New("store: not a cursor of this list")

// SchemaError is returned by Open for a store written with another schema
// version. It names the fix.
type SchemaError struct {
	Dir       string
	Found     uint32
	Supported uint32
}

func (e *SchemaError) Error() string {
	return fmt.Sprintf("store: %s was written with schema version %d but this dateline reads version %d; "+
		"ingest your articles into a new directory (dateline ingest --db NEWDIR …) or use the dateline release that wrote it",
		e.Dir, e.Found, e.Supported)
}

// Options configures Open.
type Options struct {
	// Dir is the database directory; it is created if missing. Ignored when
	// InMemory is set.
	Dir string
	// InMemory keeps everything in memory, for tests.
	InMemory bool
	// ReadOnly opens an existing store read-only: several read-only
	// processes may share it, but not with a writer, and writes fail.
	ReadOnly bool
	// Logger receives Badger's warnings and errors, and the store's own
	// (a rolled-back write); nil discards them.
	Logger *slog.Logger
	// MaxTxnWrites caps the writes one Badger transaction holds; 0 leaves
	// Badger's own cap (15 % of the memtable). Writes past it are split
	// as Badger's cap would split them (PutBatch halves a batch, an
	// article alone is written over several transactions, see split.go),
	// so a low value makes small articles exercise those paths.
	MaxTxnWrites int
}

// Store is the graph database. Its methods are safe for concurrent use;
// writes are serialised so that counters stay exact.
type Store struct {
	db  *badger.DB
	dir string
	wmu sync.Mutex // serialises write transactions

	seqMu sync.Mutex
	seqs  map[string]*badger.Sequence

	gen atomic.Uint64 // bumped by every committed write, for caches above the store

	consMu sync.Mutex
	cons   *[]resolve.Constraint // the corrections as constraints, nil until read

	rcache *resolveCache // resolution's records and blocks, used under wmu
	vcache *valueCache   // entity records and edge totals, used under wmu

	log       *slog.Logger
	maxWrites int   // Options.MaxTxnWrites
	maxValue  int64 // the largest value Badger takes

	pinMu sync.RWMutex
	pin   *pin // the snapshot every read uses while a split write runs

	// splitHook, when set (by tests), is called after each part of a
	// split write commits.
	splitHook func(part int)
}

// Open opens (or creates) the store described by opts.
func Open(opts Options) (*Store, error) {
	bo := badger.DefaultOptions(opts.Dir).
		WithLogger(badgerLogger{opts.Logger}).
		WithLoggingLevel(badger.WARNING).
		// Badger's default memtable: an article's facts are written in
		// one transaction, which Badger caps at 15 % of the memtable, so
		// this sets the largest article written in one (2 MB of ordinary
		// prose fits; 32 MiB refused it); a larger one is split over
		// several (split.go).
		WithMemTableSize(64 << 20).
		// Tables uncompressed: everything written is flushed and then
		// compacted level to level, and snappy on every block of it cost
		// more CPU than the disk it saved (a store takes 1.7 times the
		// space). Uncompressed blocks are read straight from the
		// memory-mapped tables, so there is no block cache to outgrow
		// (Badger needs one only for decompressed blocks); tables an
		// older store compressed still read, decompressed on each read,
		// until compaction rewrites them.
		WithCompression(options.None).
		WithBlockCacheSize(0).
		WithIndexCacheSize(32 << 20).
		WithNumVersionsToKeep(1).
		WithDetectConflicts(false).
		WithCompactL0OnClose(true).
		WithReadOnly(opts.ReadOnly)
	dir := opts.Dir
	if opts.InMemory {
		bo = bo.WithInMemory(true).WithDir("").WithValueDir("")
		dir = "(memory)"
	}
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Another process is using this Badger database") ||
			strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, fmt.Errorf("%w: %s", ErrLocked, dir)
		}
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	s := &Store{db: db, dir: dir, seqs: map[string]*badger.Sequence{}, rcache: newResolveCache(),
		vcache: newValueCache(), log: opts.Logger, maxWrites: opts.MaxTxnWrites, maxValue: bo.ValueLogFileSize}
	if opts.InMemory {
		s.maxValue = bo.ValueThreshold // no value log: values live in the LSM tree
	}
	if err := s.checkSchema(opts.ReadOnly); err != nil {
		db.Close()
		return nil, err
	}
	if opts.ReadOnly {
		// A read-only store cannot roll back a write a crash cut short,
		// and must not show half of it.
		if header, _, err := s.splitState(); err != nil || header != "" {
			db.Close()
			if err == nil {
				err = fmt.Errorf("store: %s holds a write that did not finish (%s); open it once read-write (dateline stats --db %s) to roll it back", dir, header, dir)
			}
			return nil, err
		}
	} else {
		// A write a crash cut short is rolled back, and articles a crash
		// left marked for restating are restated.
		if err := s.recoverSplit(); err != nil {
			db.Close()
			return nil, err
		}
		if err := s.restatePending(context.Background()); err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

// checkSchema writes the schema version into a new store and refuses a
// store with another version.
func (s *Store) checkSchema(readOnly bool) error {
	var found uint32
	var exists, empty bool
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(metaKey("schema"))
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		exists = true
		return item.Value(func(v []byte) error {
			if len(v) != 4 {
				return fmt.Errorf("store: schema version record has %d bytes, want 4", len(v))
			}
			found = binary.BigEndian.Uint32(v)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("store: read schema version of %s: %w", s.dir, err)
	}
	switch {
	case exists && found != SchemaVersion:
		return &SchemaError{Dir: s.dir, Found: found, Supported: SchemaVersion}
	case exists:
		return nil
	case !empty:
		return fmt.Errorf("store: %s holds a Badger database that Dateline did not write (no schema version); point --db at a new directory", s.dir)
	case readOnly:
		return nil
	}
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(metaKey("schema"), binary.BigEndian.AppendUint32(nil, SchemaVersion))
	})
}

// Dir returns the database directory ("(memory)" for an in-memory store).
func (s *Store) Dir() string { return s.dir }

// nextID returns the next ID of a sequence ("entity", "quote", "event").
// IDs are leased from Badger in blocks, so a crash may skip some; they are
// never reused. Zero is never returned.
func (s *Store) nextID(name string) (uint64, error) {
	s.seqMu.Lock()
	defer s.seqMu.Unlock()
	seq, ok := s.seqs[name]
	if !ok {
		var err error
		if seq, err = s.db.GetSequence(seqKey(name), 256); err != nil {
			return 0, fmt.Errorf("store: sequence %s: %w", name, err)
		}
		s.seqs[name] = seq
	}
	for {
		n, err := seq.Next()
		if err != nil {
			return 0, fmt.Errorf("store: sequence %s: %w", name, err)
		}
		if n != 0 {
			return n, nil
		}
	}
}

// Close releases the ID sequences, flushes and closes the database.
func (s *Store) Close() error {
	s.seqMu.Lock()
	for name, seq := range s.seqs {
		if err := seq.Release(); err != nil {
			s.seqMu.Unlock()
			return fmt.Errorf("store: release sequence %s: %w", name, err)
		}
	}
	s.seqs = nil
	s.seqMu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.dir, err)
	}
	return nil
}

// update runs fn in one serialised read-write transaction.
func (s *Store) update(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	err := s.db.Update(fn)
	if err == nil {
		s.gen.Add(1)
	} else {
		// The caches were written through by the failed transaction:
		// they are ahead of the database now.
		s.rcache = newResolveCache()
		s.vcache = newValueCache()
	}
	return err
}

// Generation returns a number that changes whenever a write commits, so
// that a cache of query results can tell when it went stale. It starts
// anew (at 0) each time the store is opened.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// badgerLogger forwards Badger's log lines to slog.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, format string, args ...any) {
	if b.l != nil {
		b.l.Log(context.Background(), level, "badger: "+strings.TrimSpace(fmt.Sprintf(format, args...)))
	}
}

func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a...) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a...) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelDebug, f, a...) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.log(slog.LevelDebug, f, a...) }
