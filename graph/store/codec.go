package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"dateline/timeline"
)

// errCorrupt reports a value that does not decode.
var errCorrupt = errors.New("store: corrupt record")

// enc appends fields to a record. Records are small and written once per
// article, so a plain byte slice with varints beats a reflective encoder in
// both size and speed.
type enc struct{ b []byte }

func (e *enc) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) str(s string)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) bytes(p []byte)   { e.uvarint(uint64(len(p))); e.b = append(e.b, p...) }
func (e *enc) byte1(c byte)     { e.b = append(e.b, c) }

// date writes a precision byte, then (when known) the start as Unix seconds.
func (e *enc) date(d timeline.Date) {
	e.byte1(byte(d.Precision))
	if !d.IsZero() {
		e.varint(d.Start.Unix())
	}
}

// dec reads fields back; the first error sticks and later reads return zero
// values, so callers check err once at the end.
type dec struct {
	b   []byte
	err error
}

func (d *dec) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

func (d *dec) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) raw() []byte {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

func (d *dec) str() string { return string(d.raw()) }

func (d *dec) byte1() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *dec) date() timeline.Date {
	p := timeline.Precision(d.byte1())
	if p == timeline.Unknown || d.err != nil {
		return timeline.Date{}
	}
	if p > timeline.Second {
		d.fail()
		return timeline.Date{}
	}
	return timeline.Date{Start: time.Unix(d.varint(), 0).UTC(), Precision: p}
}

// version checks the leading encoding-version byte of a record.
func (d *dec) version(kind string, want byte) error {
	v := d.byte1()
	if d.err != nil {
		return fmt.Errorf("store: empty %s record", kind)
	}
	if v != want {
		return fmt.Errorf("store: %s record has encoding version %d, this build reads %d", kind, v, want)
	}
	return nil
}
