package source

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"dateline/graph"
	"dateline/timeline"
)

// FieldMap names the column (CSV, TSV) or field (JSON Lines) that holds each
// role. An empty role is found by its usual names; names match without
// regard to case.
type FieldMap struct {
	Date, Title, Text, URL, Source, ID, Lead string
}

// role is what a column or field means for an article.
type role int

const (
	roleDate role = iota
	roleTitle
	roleText
	roleURL
	roleSource
	roleID
	// roleLead is a standfirst or summary written apart from the body
	// (the Kremlin's releases introduce their guests only there); it
	// opens the article's text unless the body already holds it.
	roleLead
	numRoles
)

var roleNames = [numRoles]string{"date", "title", "text", "url", "source", "id", "lead"}

// usualNames are the names each role goes by in the dumps users bring
// (news-please, NewsAPI, Kaggle news sets, RSS exports), in order of
// preference when a record has more than one. A "summary" is not the text:
// it is the lead, which opens the text when the body does not repeat it.
// Only globally unique identifiers are picked up by themselves: an "id"
// column is usually a row number, which would make articles from two dumps
// collide, so it is used only when a FieldMap names it.
var usualNames = [numRoles][]string{
	roleDate:   {"date", "published", "publish_date", "published_at", "pubdate", "datetime", "date_published", "publication_date", "pub_date"},
	roleTitle:  {"title", "headline"},
	roleText:   {"text", "body", "content", "article", "articles", "maintext"},
	roleURL:    {"url", "link"},
	roleSource: {"source", "publisher", "site", "source_name", "site_name"},
	roleID:     {"guid", "uuid"},
	roleLead:   {"lead", "standfirst", "summary", "subtitle", "subheadline", "dek", "abstract", "description"},
}

// get returns the name the map gives role r, "" when none.
func (m FieldMap) get(r role) string {
	switch r {
	case roleDate:
		return m.Date
	case roleTitle:
		return m.Title
	case roleText:
		return m.Text
	case roleURL:
		return m.URL
	case roleSource:
		return m.Source
	case roleLead:
		return m.Lead
	}
	return m.ID
}

func (m *FieldMap) set(r role, name string) {
	switch r {
	case roleDate:
		m.Date = name
	case roleTitle:
		m.Title = name
	case roleText:
		m.Text = name
	case roleURL:
		m.URL = name
	case roleSource:
		m.Source = name
	case roleLead:
		m.Lead = name
	default:
		m.ID = name
	}
}

// candidates lists the names role r is looked up by, lower-cased.
func (m FieldMap) candidates(r role) []string {
	if n := m.get(r); n != "" {
		return []string{strings.ToLower(n)}
	}
	return usualNames[r]
}

// ParseFieldMap reads a field map written as comma-separated role=name
// pairs, as a command-line flag gives it: "text=story,date=pubtime". The
// roles are date, title, text, url, source, id and lead.
func ParseFieldMap(spec string) (FieldMap, error) {
	var m FieldMap
	var seen [numRoles]bool
	for _, pair := range strings.Split(spec, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		k, v, ok := strings.Cut(pair, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || v == "" {
			return FieldMap{}, fmt.Errorf("source: field map %q: %q is not role=name", spec, pair)
		}
		r := role(-1)
		for i, n := range roleNames {
			if n == k {
				r = role(i)
			}
		}
		if r < 0 {
			return FieldMap{}, fmt.Errorf("source: field map %q: unknown role %q (want %s)", spec, k, strings.Join(roleNames[:], ", "))
		}
		if seen[r] {
			return FieldMap{}, fmt.Errorf("source: field map %q: role %q given twice", spec, k)
		}
		seen[r] = true
		m.set(r, v)
	}
	return m, nil
}

// columns finds the column of each role in a header (-1 when absent). It
// fails when the map names a column the header does not have.
func columns(header []string, m FieldMap) ([numRoles]int, error) {
	var cols [numRoles]int
	index := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	for r := range numRoles {
		cols[r] = -1
		for _, name := range m.candidates(r) {
			if i, ok := index[name]; ok {
				cols[r] = i
				break
			}
		}
		if cols[r] < 0 && m.get(r) != "" {
			return cols, fmt.Errorf("no column %q for %s in header %s", m.get(r), roleNames[r], strings.Join(header, ","))
		}
	}
	return cols, nil
}

// article builds an Article from one record's values by role; reason is
// set instead when the record has to be rejected. field names the column
// or field each role came from, for the reason.
func (in *input) article(vals *[numRoles]string, field *[numRoles]string, line, record int) (*graph.Article, string) {
	text := repairMojibake(strings.TrimSpace(vals[roleText]))
	if text == "" {
		if field[roleText] == "" {
			return nil, "no text field (looked for " + strings.Join(in.opts.Fields.candidates(roleText), ", ") + ")"
		}
		return nil, fmt.Sprintf("no text in %q", field[roleText])
	}
	if lead := strings.TrimSpace(vals[roleLead]); lead != "" && !leadInText(lead, text) {
		text = lead + "\n\n" + text
	}
	if max := in.opts.maxText(); int64(len(text)) > max {
		return nil, fmt.Sprintf("article text of %s is longer than the limit of %s (split it, or raise the limit with --max-article)", sizeName(int64(len(text))), sizeName(max))
	}
	a := &graph.Article{
		Title:  repairMojibake(strings.Join(strings.Fields(vals[roleTitle]), " ")),
		Text:   text,
		URL:    webURL(vals[roleURL]),
		Source: strings.TrimSpace(vals[roleSource]),
		Origin: graph.Origin{File: in.file, Line: line, Record: record},
	}
	if d := strings.TrimSpace(vals[roleDate]); d != "" {
		date, err := timeline.Parse(d)
		if err != nil {
			return nil, fmt.Sprintf("%s: %v", field[roleDate], err)
		}
		a.Date = date
	}
	if a.Title == "" {
		a.Title = firstSentence(a.Text)
	}
	if a.Source == "" {
		a.Source = hostOf(a.URL)
	}
	if id := strings.TrimSpace(vals[roleID]); id != "" {
		a.Key = "id:" + id
	}
	Identify(a)
	return a, ""
}

// leadInText reports whether a lead adds nothing to the body: the body
// holds it (whitespace aside), or it is a teaser cut from the body's start
// ("Vladimir Putin met with …" ending in an ellipsis, or whose first words
// the body has). A lead the body lacks is the article's own introduction.
func leadInText(lead, text string) bool {
	l, t := strings.Join(strings.Fields(lead), " "), strings.Join(strings.Fields(text), " ")
	if strings.Contains(t, l) {
		return true
	}
	for _, cut := range []string{"…", "...", "[…]", "[...]"} {
		if strings.HasSuffix(l, cut) {
			return true
		}
	}
	const teaser = 80 // bytes of the lead's start the body repeats in a teaser
	if len(l) > teaser {
		head := l[:teaser]
		for !utf8.ValidString(head) {
			head = head[:len(head)-1]
		}
		return strings.Contains(t, head)
	}
	return false
}

// webURL returns raw when it is an http or https address with a host, and
// "" otherwise: a javascript:, data: or file: "URL" would travel on into
// the explorer's links and every export, where some reader would follow it.
func webURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || !(strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")) {
		return ""
	}
	return raw
}

// hostOf returns a URL's host without "www." and port, as the name of the
// site an article came from when no source is given.
func hostOf(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
