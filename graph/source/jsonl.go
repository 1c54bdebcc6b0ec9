package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// readJSONL reads one JSON object a line. Blank lines are skipped; a line
// that is not a JSON object, is not UTF-8, has no text, has a value of the
// wrong kind or is longer than Options.MaxRecord is rejected with its line
// number and reading goes on. Values are taken sensibly where the meaning is
// clear: numbers as titles or ids are their digits; a number as a date is
// Unix seconds (milliseconds when it is too large for seconds); an array of
// strings as text is its paragraphs; an object as a source is its "name"
// (NewsAPI's form); {"$date": …} as a date is its content (MongoDB exports);
// null is absent.
func readJSONL(ctx context.Context, in *input, emit emitFunc) error {
	max := in.opts.maxRecord()
	var buf []byte
	line, record := 0, 0
	for {
		var tooLong bool
		var err error
		buf, tooLong, err = readLine(in, buf[:0], max)
		line++
		if err != nil && err != io.EOF {
			return emit.reject(in.file, line, "%s", in.ioReason(err))
		}
		if tooLong || len(bytes.TrimSpace(buf)) > 0 {
			record++
			var it Item
			if tooLong {
				it.Err = &Error{File: in.file, Line: line, Reason: fmt.Sprintf("line longer than %s", sizeName(max))}
			} else {
				it = in.jsonRecord(buf, line, record)
			}
			if e := emit(it); e != nil {
				return e
			}
		} else if ctxErr := ctx.Err(); ctxErr != nil {
			return stop{ctxErr}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine appends the next line to buf without its line end. A line longer
// than max is skipped to its end without being kept, and tooLong is set.
// err is io.EOF after the last line.
func readLine(in *input, buf []byte, max int64) (_ []byte, tooLong bool, err error) {
	for {
		chunk, err := in.r.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 { // +1: the '\n'
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r")), tooLong, nil
		case io.EOF:
			if len(buf) == 0 && !tooLong {
				return buf, false, io.EOF
			}
			return bytes.TrimSuffix(buf, []byte("\r")), tooLong, io.EOF
		default:
			return buf, tooLong, err
		}
	}
}

// jsonRecord turns one line into an Item.
func (in *input) jsonRecord(b []byte, line, record int) Item {
	reject := func(format string, args ...any) Item {
		return Item{Err: &Error{File: in.file, Line: line, Reason: fmt.Sprintf(format, args...)}}
	}
	if !utf8.Valid(b) {
		return reject("invalid UTF-8")
	}
	b = bytes.TrimSpace(b)
	if b[0] != '{' {
		return reject("not a JSON object")
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return reject("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	keys := make(map[string]string, len(obj))
	for k := range obj {
		lk := strings.ToLower(k)
		if prev, dup := keys[lk]; !dup || k < prev {
			keys[lk] = k // of "Title" and "title", one that does not depend on map order
		}
	}
	var vals, field [numRoles]string
	for r := range numRoles {
		for _, name := range in.opts.Fields.candidates(r) {
			k, ok := keys[name]
			if !ok {
				continue
			}
			v, err := jsonValue(r, obj[k])
			if err != nil {
				return reject("field %q: %v", k, err)
			}
			if strings.TrimSpace(v) == "" {
				if field[r] == "" {
					field[r] = k // for the reason, should no other name have a value
				}
				continue // null or empty: try the next name
			}
			vals[r], field[r] = v, k
			break
		}
	}
	a, reason := in.article(&vals, &field, line, record)
	if a == nil {
		return reject("%s", reason)
	}
	return Item{Article: a}
}

// jsonValue turns a JSON value into the string a role wants.
func jsonValue(r role, raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	switch raw[0] {
	case 'n':
		return "", nil
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 't', 'f':
		return "", fmt.Errorf("a boolean, not a %s", roleNames[r])
	case '[':
		if r != roleText {
			return "", fmt.Errorf("an array, not a %s", roleNames[r])
		}
		var parts []string
		if err := json.Unmarshal(raw, &parts); err != nil {
			return "", fmt.Errorf("an array of something other than strings")
		}
		return strings.Join(parts, "\n\n"), nil
	case '{':
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return "", err
		}
		inner := ""
		switch r {
		case roleSource:
			inner = "name"
		case roleDate:
			inner = "$date"
		}
		if v, ok := obj[inner]; ok && inner != "" {
			return jsonValue(r, v)
		}
		return "", fmt.Errorf("an object, not a %s", roleNames[r])
	}
	// A number.
	switch r {
	case roleText:
		return "", fmt.Errorf("a number, not a text")
	case roleDate:
		return unixDate(string(raw))
	}
	return string(raw), nil
}

// unixDate reads a Unix time in seconds, or in milliseconds when it is
// too large to be seconds (after the year 5138), and renders it as RFC 3339.
func unixDate(num string) (string, error) {
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return "", fmt.Errorf("number %s is not a Unix time", num)
	}
	if math.Abs(f) >= 1e11 {
		f /= 1000
	}
	const maxUnix = 253402300799 // 9999-12-31T23:59:59Z
	if f < -62135596800 || f > maxUnix {
		return "", fmt.Errorf("Unix time %s is out of range", num)
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC().Format(time.RFC3339), nil
}
