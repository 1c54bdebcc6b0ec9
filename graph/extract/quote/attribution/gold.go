package attribution

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"dateline/graph"
	"dateline/timeline"
)

// Record types: the value of a gold line's "type" field.
const (
	TypeArticle     = "article"
	TypeAttribution = "attribution"
)

// Speaker kinds of a gold attribution.
const (
	Person       = "person"
	Organisation = "organisation"
	Government   = "government"
	Unnamed      = "unnamed"
)

// Kinds lists the speaker kinds in report order; the first three are the
// named kinds speaker accuracy is broken down by.
var Kinds = []string{Person, Organisation, Government, Unnamed}

// How a said-on date was found: the values of DateHow.
const (
	Explicit    = "explicit"    // a time expression of the attribution's own sentence
	Carried     = "carried"     // a date carried from the surrounding sentences or an event named earlier
	Publication = "publication" // nothing in the text dates the words: the publication day
)

// Article is the header line of one annotated article. Every attribution
// of the gold refers to an article header by its ID; an article with no
// attribution still counts (for precision), so it has a header of its own.
type Article struct {
	Type string `json:"type"` // TypeArticle
	// ID names the article: "polnear/NAME", "gum/GUM_news_NAME",
	// "press/kremlin-N", "press/president-N".
	ID string `json:"article"`
	// Source is the part of the gold the article belongs to ("polnear",
	// "gum", "press"): the per-source breakdown key.
	Source    string `json:"source"`
	Published string `json:"published"` // publication day, YYYY-MM-DD
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	// Origin is where the text comes from: a corpus file under the shared
	// corpora folder and the key of the article inside it, separated by
	// "#": "quotes/polnear/polnear-train.tar.gz#train/text/NAME.txt".
	Origin string `json:"origin"`
	// SHA256 is the hex SHA-256 of the text as Dateline ingests it (the
	// article file's text with surrounding white space trimmed); offsets
	// are only meaningful for that exact text.
	SHA256 string `json:"sha256"`
}

// Attribution is one gold statement: who said what, when. Spans are
// half-open byte offsets [start, end) into the article's text.
type Attribution struct {
	Type    string `json:"type"` // TypeAttribution
	Article string `json:"article"`
	// Direct is true for words quoted verbatim: in quotation marks, or a
	// transcript turn; false for reported (indirect or mixed) speech.
	Direct bool `json:"direct"`
	// Content lists the parts of what was said, in text order; a quote
	// interrupted by its attribution or continued in the next sentence has
	// several. Quotation marks are outside the spans.
	Content [][2]int `json:"content"`
	// ContentText repeats the text of each part, to verify the offsets.
	ContentText []string `json:"content_text"`
	// Cue is the reporting verb or phrase as written ("said", "according
	// to", ":" for a transcript turn); CueSpan is [0,0] when a quote has
	// no cue of its own (a bare quote paragraph).
	Cue     string `json:"cue"`
	CueSpan [2]int `json:"cue_span"`
	// SpeakerText is the speaker as written where the attribution names it
	// ("he", "Nefzi, a chemistry professor,", "Russia's defence ministry");
	// for a bare quote, the mention of the previous or next sentence it is
	// attributed to. SpeakerSpan is [0,0] when the text names no one.
	SpeakerText string `json:"speaker_text"`
	SpeakerSpan [2]int `json:"speaker_span"`
	// Speaker is the canonical speaker entity ("Vladimir Putin",
	// "Kremlin", "Russia"); "" when Kind is Unnamed.
	Speaker string `json:"speaker"`
	Kind    string `json:"kind"`
	// Aliases are other names a reader accepts for Speaker ("Zelensky").
	Aliases []string `json:"aliases,omitempty"`
	// Date is the said-on date: YYYY-MM-DD, or YYYY-Www, YYYY-MM or YYYY
	// when that is all the text gives; DateHow says how it was found.
	Date    string `json:"date"`
	DateHow string `json:"date_how"`
	// Note explains a judgement a reviewer might question.
	Note string `json:"note,omitempty"`
}

// Spans returns the content parts as graph spans.
func (a *Attribution) Spans() []graph.Span {
	out := make([]graph.Span, len(a.Content))
	for i, c := range a.Content {
		out[i] = graph.Span{Start: c[0], End: c[1]}
	}
	return out
}

// Named reports whether the gold speaker is a named entity, not an
// unnamed source.
func (a *Attribution) Named() bool { return a.Kind != Unnamed }

// Gold is a read gold file: its articles in file order and their
// attributions.
type Gold struct {
	Articles     []Article
	Attributions map[string][]Attribution // by article ID, in content order
}

// Read parses a gold file (JSON Lines). It checks each record on its own
// (fields present, kinds and dates valid, spans ordered) and that every
// attribution's article has a header; it does not see article texts, so
// offsets are checked by Verify.
func Read(r io.Reader) (*Gold, error) {
	g := &Gold{Attributions: map[string][]Attribution{}}
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	var errs []error
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var probe struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal([]byte(b), &probe); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", line, err))
			continue
		}
		dec := json.NewDecoder(strings.NewReader(b))
		dec.DisallowUnknownFields()
		switch probe.Type {
		case TypeArticle:
			var a Article
			if err := dec.Decode(&a); err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", line, err))
				continue
			}
			if err := a.check(); err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", line, err))
				continue
			}
			if seen[a.ID] {
				errs = append(errs, fmt.Errorf("line %d: article %s listed twice", line, a.ID))
				continue
			}
			seen[a.ID] = true
			g.Articles = append(g.Articles, a)
		case TypeAttribution:
			var a Attribution
			if err := dec.Decode(&a); err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", line, err))
				continue
			}
			if err := a.check(); err != nil {
				errs = append(errs, fmt.Errorf("line %d (%s): %w", line, a.Article, err))
				continue
			}
			if !seen[a.Article] {
				errs = append(errs, fmt.Errorf("line %d: attribution of %s before (or without) its article line", line, a.Article))
				continue
			}
			g.Attributions[a.Article] = append(g.Attributions[a.Article], a)
		default:
			errs = append(errs, fmt.Errorf("line %d: type %q (want %q or %q)", line, probe.Type, TypeArticle, TypeAttribution))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("attribution: read gold: %w", err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("attribution: gold: %w", err)
	}
	for _, as := range g.Attributions {
		sort.SliceStable(as, func(i, j int) bool { return as[i].Content[0][0] < as[j].Content[0][0] })
	}
	return g, nil
}

var hexSHA = regexp.MustCompile(`^[0-9a-f]{64}$`)

func (a *Article) check() error {
	switch {
	case a.ID == "":
		return errors.New("article line without an article ID")
	case a.Source == "":
		return fmt.Errorf("article %s: no source", a.ID)
	case !hexSHA.MatchString(a.SHA256):
		return fmt.Errorf("article %s: sha256 %q is not 64 hex digits", a.ID, a.SHA256)
	}
	if d, err := time.Parse("2006-01-02", a.Published); err != nil || d.Format("2006-01-02") != a.Published {
		return fmt.Errorf("article %s: published %q is not YYYY-MM-DD", a.ID, a.Published)
	}
	return nil
}

func (a *Attribution) check() error {
	if a.Article == "" {
		return errors.New("attribution without an article ID")
	}
	if len(a.Content) == 0 {
		return errors.New("no content span")
	}
	if len(a.ContentText) != len(a.Content) {
		return fmt.Errorf("%d content spans but %d content texts", len(a.Content), len(a.ContentText))
	}
	for i, c := range a.Content {
		if c[0] < 0 || c[1] <= c[0] {
			return fmt.Errorf("content span %v is empty or reversed", c)
		}
		if i > 0 && c[0] < a.Content[i-1][1] {
			return fmt.Errorf("content spans %v and %v overlap or are out of order", a.Content[i-1], c)
		}
	}
	for name, s := range map[string][2]int{"cue_span": a.CueSpan, "speaker_span": a.SpeakerSpan} {
		if s[0] < 0 || s[1] < s[0] {
			return fmt.Errorf("%s %v is reversed", name, s)
		}
	}
	switch a.Kind {
	case Person, Organisation, Government:
		if strings.TrimSpace(a.Speaker) == "" {
			return fmt.Errorf("kind %s without a canonical speaker", a.Kind)
		}
	case Unnamed:
		if a.Speaker != "" || len(a.Aliases) > 0 {
			return fmt.Errorf("unnamed speaker with a name %q or aliases", a.Speaker)
		}
	default:
		return fmt.Errorf("kind %q (want %s)", a.Kind, strings.Join(Kinds, ", "))
	}
	if _, err := ParseDate(a.Date); err != nil {
		return err
	}
	switch a.DateHow {
	case Explicit, Carried, Publication:
	default:
		return fmt.Errorf("date_how %q (want %s, %s or %s)", a.DateHow, Explicit, Carried, Publication)
	}
	return nil
}

var isoWeek = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// ParseDate reads a gold said-on date: YYYY-MM-DD, YYYY-Www (ISO week),
// YYYY-MM or YYYY.
func ParseDate(s string) (timeline.Date, error) {
	if m := isoWeek.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		w, _ := strconv.Atoi(m[2])
		// ISO week 1 holds 4 January; its Monday starts the week.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if gy, gw := monday.ISOWeek(); gy != y || gw != w {
			return timeline.Date{}, fmt.Errorf("date %q: no such ISO week", s)
		}
		return timeline.Date{Start: monday, Precision: timeline.Week}, nil
	}
	d, err := timeline.Parse(s)
	if err != nil || d.String() != s {
		return timeline.Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY", s)
	}
	switch d.Precision {
	case timeline.Day, timeline.Month, timeline.Year:
		return d, nil
	}
	return timeline.Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY", s)
}

// TextHash is the hex SHA-256 of an article text, as Article.SHA256
// records it.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Verify checks the gold against the article texts, keyed by article ID:
// every gold article has a text with the recorded hash, and every span of
// every attribution lies in its text and covers exactly the text recorded
// beside it. It returns all mismatches joined, so that a wrongly built
// articles file fails loudly and completely.
func (g *Gold) Verify(texts map[string]string) error {
	var errs []error
	for _, art := range g.Articles {
		text, ok := texts[art.ID]
		if !ok {
			errs = append(errs, fmt.Errorf("article %s: not in the articles file", art.ID))
			continue
		}
		if h := TextHash(text); h != art.SHA256 {
			errs = append(errs, fmt.Errorf("article %s: text hash %s, gold was annotated on %s (rebuild the articles file)", art.ID, h, art.SHA256))
			continue
		}
		for _, a := range g.Attributions[art.ID] {
			for i, c := range a.Content {
				if got := spanText(text, c); got != a.ContentText[i] {
					errs = append(errs, fmt.Errorf("article %s: content %v is %q, gold says %q", art.ID, c, got, a.ContentText[i]))
				}
			}
			if got := spanText(text, a.CueSpan); got != a.Cue && a.CueSpan != [2]int{} {
				errs = append(errs, fmt.Errorf("article %s: cue %v is %q, gold says %q", art.ID, a.CueSpan, got, a.Cue))
			}
			if got := spanText(text, a.SpeakerSpan); got != a.SpeakerText && a.SpeakerSpan != [2]int{} {
				errs = append(errs, fmt.Errorf("article %s: speaker %v is %q, gold says %q", art.ID, a.SpeakerSpan, got, a.SpeakerText))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("attribution: gold does not fit the articles: %w", err)
	}
	return nil
}

// spanText returns text[s[0]:s[1]], or a marker when the span does not fit.
func spanText(text string, s [2]int) string {
	if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
		return fmt.Sprintf("<outside the text of %d bytes>", len(text))
	}
	return text[s[0]:s[1]]
}
