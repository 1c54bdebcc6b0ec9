package source

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/url"
	"strings"

	"dateline/graph"
)

// Identify sets a.Key and a.ID, so that reading the same article twice —
// from another dump, over http instead of https, with tracking parameters —
// gives the same ID and the store can ignore the second copy.
//
// The Key is the normalised URL when the article has an http(s) URL: scheme
// https, lower-case host, no default port, no fragment, no trailing slash, no
// utm_* parameters, the other parameters sorted. Without a URL, a Key of the
// form "id:…" set by the reader (from a guid column) is kept; otherwise the
// Key is "text:" and the hex SHA-256 of the text with its white space
// collapsed. The ID is the first 8 bytes of SHA-256(Key), big-endian, with
// the top bit cleared to stay below 2^63; it is never 0.
func Identify(a *graph.Article) {
	switch key, ok := urlKey(a.URL); {
	case ok:
		a.Key = key
	case strings.HasPrefix(a.Key, "id:"):
	default:
		sum := sha256.Sum256([]byte(strings.Join(strings.Fields(a.Text), " ")))
		a.Key = "text:" + hex.EncodeToString(sum[:])
	}
	a.ID = idOf(a.Key)
}

// idOf hashes a key to an ID below 2^63, never 0.
func idOf(key string) graph.ID {
	sum := sha256.Sum256([]byte(key))
	id := graph.ID(binary.BigEndian.Uint64(sum[:8])) & graph.MaxID
	if id == 0 {
		return 1
	}
	return id
}

// urlKey normalises an http or https URL; ok is false for anything else.
func urlKey(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", false
	}
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			delete(q, k)
		}
	}
	key := "https://" + host + path
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key, true
}
