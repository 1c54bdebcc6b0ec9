package trigger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained trigger model: the part-of-speech perceptron, its tag
// dictionary, and the event perceptron that reads the tags.
type Model struct {
	pos *table
	ev  *table
	// noneBias is taken off the score of None before choosing a class:
	// TrainOptions.RecallBias in the event table's quantised units.
	noneBias int32
	dict     map[uint64]POS // hash of a frequent, unambiguous word as written → its only tag
	// clusters maps the hash of a lower-cased word to its packed
	// cluster path (see clusterKey), learned from unlabelled news.
	clusters map[uint64]uint32
	// eventNouns maps the hash of a stem to how often GUM annotates the
	// entities its lemma heads as events (see eventNounBucket).
	eventNouns map[uint64]uint8
}

// SetEventNouns gives the model, for each lemma that heads an annotated
// entity in another corpus, how often the entity is an event and how
// often something else. Train reads them as features, so set them before
// training.
func (m *Model) SetEventNouns(counts map[string][2]int) {
	sum := map[uint64][2]int{}
	for w, c := range counts {
		k := hashString(stem(lower(w)))
		s := sum[k]
		sum[k] = [2]int{s[0] + c[0], s[1] + c[1]}
	}
	m.eventNouns = make(map[uint64]uint8, len(sum))
	for k, c := range sum {
		if b := eventNounBucket(c[0], c[1]); b > 0 {
			m.eventNouns[k] = b
		}
	}
}

// SetClusters gives the model word clusters: a lower-cased word's bit
// path and its length (at most 27 bits). Train reads them as features,
// so set them before training.
func (m *Model) SetClusters(paths map[string][2]uint32) {
	m.clusters = make(map[uint64]uint32, len(paths))
	for w, p := range paths {
		if p[1] > 0 && p[1] <= 27 {
			m.clusters[hashString(lower(w))] = clusterKey(p[0], int(p[1]))
		}
	}
}

const magic = "DLTRG\x02"

// Encode writes the model in its compact binary form: gzip over a header,
// each table's non-zero rows delta-coded with their quantised weights, and
// the tag dictionary in key order. The same model always gives the same
// bytes.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("trigger: encode model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	writeMap := func(mp map[uint64]uint32) {
		keys := make([]uint64, 0, len(mp))
		for k := range mp {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		uv(uint64(len(keys)))
		var prev uint64
		for _, k := range keys {
			uv(k - prev)
			prev = k
			uv(uint64(mp[k]))
		}
	}
	bw.WriteString(magic)
	for _, t := range []*table{m.pos, m.ev} {
		uv(uint64(t.bits))
		uv(uint64(t.labels))
		uv(uint64(t.stride))
		uv(uint64(math.Float32bits(t.scale)))
		rows := 1 << t.bits
		nonzero := func(r int) bool {
			for _, v := range t.q[r*t.stride:][:t.labels] {
				if v != 0 {
					return true
				}
			}
			return false
		}
		n := 0
		for r := 0; r < rows; r++ {
			if nonzero(r) {
				n++
			}
		}
		uv(uint64(n))
		prev := -1
		for r := 0; r < rows; r++ {
			if !nonzero(r) {
				continue
			}
			uv(uint64(r - prev))
			prev = r
			for _, v := range t.q[r*t.stride:][:t.labels] {
				sv(int64(v))
			}
		}
	}
	uv(uint64(uint32(m.noneBias)))
	dict := make(map[uint64]uint32, len(m.dict))
	for k, v := range m.dict {
		dict[k] = uint32(v)
	}
	writeMap(dict)
	for _, mp := range []map[uint64]uint32{m.clusters, widen(m.eventNouns)} {
		writeMap(mp)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("trigger: encode model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("trigger: encode model: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("trigger: decode model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("trigger: decode model: not a Dateline trigger model (bad magic)")
	}
	var derr error
	uv := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil && derr == nil {
			derr = err
		}
		return v
	}
	sv := func() int64 {
		v, err := binary.ReadVarint(br)
		if err != nil && derr == nil {
			derr = err
		}
		return v
	}
	m := &Model{}
	for k, want := range [][2]int{{int(numPOS), posStride}, {int(numClasses), int(numClasses)}} {
		bits, labels, stride := uint(uv()), int(uv()), int(uv())
		t := &table{bits: bits, mask: 1<<bits - 1, labels: labels, stride: stride, scale: math.Float32frombits(uint32(uv()))}
		if derr != nil {
			break
		}
		if bits < 8 || bits > 22 || labels != want[0] || stride != want[1] {
			return nil, fmt.Errorf("trigger: decode model: table %d has %d bits × %d labels in rows of %d, want 8–22 × %d in %d", k, bits, labels, stride, want[0], want[1])
		}
		t.q = make([]int16, (1<<bits)*stride)
		n := int(uv())
		r := -1
		for i := 0; i < n && derr == nil; i++ {
			r += int(uv())
			if r < 0 || r >= 1<<bits {
				return nil, fmt.Errorf("trigger: decode model: row %d out of range", r)
			}
			for l := range t.q[r*stride:][:labels] {
				v := sv()
				if v < -quantLimit || v > quantLimit {
					return nil, fmt.Errorf("trigger: decode model: weight %d out of range", v)
				}
				t.q[r*stride+l] = int16(v)
			}
		}
		t.pack()
		if k == 0 {
			m.pos = t
		} else {
			m.ev = t
		}
	}
	m.noneBias = int32(uint32(uv()))
	n := int(uv())
	if derr == nil && n > 1<<20 {
		return nil, fmt.Errorf("trigger: decode model: %d dictionary entries", n)
	}
	m.dict = make(map[uint64]POS, n)
	var k uint64
	for i := 0; i < n && derr == nil; i++ {
		k += uv()
		p := POS(uv())
		if p >= numPOS {
			return nil, fmt.Errorf("trigger: decode model: tag %d out of range", p)
		}
		m.dict[k] = p
	}
	readMap := func() map[uint64]uint32 {
		n := int(uv())
		if derr != nil || n > 1<<20 {
			return nil
		}
		mp := make(map[uint64]uint32, n)
		var k uint64
		for i := 0; i < n && derr == nil; i++ {
			k += uv()
			mp[k] = uint32(uv())
		}
		return mp
	}
	m.clusters = readMap()
	m.eventNouns = map[uint64]uint8{}
	for k, v := range readMap() {
		m.eventNouns[k] = uint8(v)
	}
	if derr != nil {
		return nil, fmt.Errorf("trigger: decode model: %w", derr)
	}
	return m, nil
}

func widen(m map[uint64]uint8) map[uint64]uint32 {
	out := make(map[uint64]uint32, len(m))
	for k, v := range m {
		out[k] = uint32(v)
	}
	return out
}
