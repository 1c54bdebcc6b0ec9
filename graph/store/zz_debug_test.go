package store

import (
	"os"
	"strings"
	"testing"

	"dateline/graph/resolve"

	"github.com/dgraph-io/badger/v4"
)

func TestZZDebug(t *testing.T) {
	s, err := Open(Options{Dir: os.Getenv("ZZDB")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := os.Getenv("ZZNAME")
	s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Seek([]byte{pSig}); it.ValidForPrefix([]byte{pSig}); it.Next() {
			var h resolve.Hash
			copy(h[:], it.Item().Key()[1:])
			v, _ := it.Item().ValueCopy(nil)
			r, err := decodeSig(h, v)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range r.Sig.Names {
				if strings.Contains(n, want) {
					t.Logf("%q kind=%v geo=%v g=%v arts=%d", r.Sig.Names, r.Sig.Kind, r.Sig.Geo, r.Sig.Gender, r.Articles)
					break
				}
			}
		}
		return nil
	})
}
