package trigger

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

//go:embed model/trigger.model
var embedded []byte

// defaultTagger decodes the embedded model once.
var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	m, err := Decode(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("trigger: load embedded model: %w", err)
	}
	return New(m), nil
})

// Default returns the tagger for the model embedded in the binary (see
// the README for the command that rebuilds it). The model is decoded on
// the first call only; later calls share the tagger.
func Default() (*Tagger, error) { return defaultTagger() }
