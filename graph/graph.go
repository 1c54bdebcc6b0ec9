// Package graph is Dateline's vocabulary: the plain types that every other
// package speaks (articles, entities, mentions, quotes, events, relations and
// the spans that tie each fact to its sentence). It holds no storage, no text
// processing and no algorithms; those live in the subpackages (store, source,
// ingest, extract/…, query, export), which all point down to this one.
package graph

import (
	"fmt"
	"strings"

	"dateline/timeline"
)

// ID identifies an article, entity, quote or event. IDs stay below 2^63 so
// that they convert losslessly to the int64 node IDs gonum uses.
type ID uint64

// MaxID is the largest valid ID.
const MaxID ID = 1<<63 - 1

// Kind is the type of an entity.
type Kind uint8

// Entity kinds. Misc is kept for CoNLL compatibility (nationalities, events,
// works); Dateline's views show Person, Place and Org.
const (
	KindUnknown Kind = iota
	Person
	Place
	Org
	Misc
)

var kindNames = [...]string{KindUnknown: "unknown", Person: "person", Place: "place", Org: "org", Misc: "misc"}

// Kinds lists the entity kinds in display order.
var Kinds = []Kind{Person, Place, Org, Misc}

// String returns the lower-case kind name used in the API and the CLI.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// ParseKind is the inverse of Kind.String; it also accepts the CoNLL labels
// PER, LOC and ORG.
func ParseKind(s string) (Kind, error) {
	switch s {
	case "person", "PER", "PERSON":
		return Person, nil
	case "place", "LOC", "PLACE", "location":
		return Place, nil
	case "org", "ORG", "organization", "organisation":
		return Org, nil
	case "misc", "MISC":
		return Misc, nil
	}
	return KindUnknown, fmt.Errorf("graph: unknown entity kind %q (want person, place, org or misc)", s)
}

// Span is a half-open range of byte offsets [Start, End) into an article's
// Text. Every fact carries one so that it can show the sentence it came from.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Of returns the text the span covers, or "" when the span does not fit.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Origin says where an article was read from, so that errors and provenance
// can name the file and the line or record.
type Origin struct {
	File   string // path as given by the user, or "-" for standard input
	Line   int    // 1-based line the article starts on, 0 when not line-based
	Record int    // 1-based record number within the file (row, JSON line, file in a directory)
}

// String renders the origin as FILE:LINE (or FILE#RECORD when there is no line).
func (o Origin) String() string {
	switch {
	case o.Line > 0:
		return fmt.Sprintf("%s:%d", o.File, o.Line)
	case o.Record > 0:
		return fmt.Sprintf("%s#%d", o.File, o.Record)
	}
	return o.File
}

// Article is one news article as read from a source, before extraction.
type Article struct {
	ID     ID            // stable identity, see source.Identify
	Key    string        // what the ID was derived from: the normalised URL, or "text:" and the text's hash
	Date   timeline.Date // publication date with its precision; zero when undated
	Title  string
	Text   string
	URL    string
	Source string // publisher or site name
	Origin Origin
}

// Mention is one occurrence of an entity name in an article.
type Mention struct {
	Entity   ID
	Article  ID
	Sentence Span // the sentence the mention is in
	Span     Span // the name itself
	Text     string
	Kind     Kind
	Date     timeline.Date // the article's date
}

// GeoRef links a place to its gazetteer entry.
type GeoRef struct {
	GeonameID int64
	Lat, Lon  float64
	Country   string // ISO 3166-1 alpha-2 code of the country the place is in (or is)
	Name      string // the gazetteer's common English name ("Russia" for "Russian Federation")
	Feature   string // "country", "city" or "region"
}

// Key identifies the gazetteer entry: "geonames:703448" for a GeoNames
// place, "country:UA" for a country (the countries table has no GeoNames
// IDs), "" when neither is known (a region without an ID is identified by
// its name, not by the country it lies in).
func (g GeoRef) Key() string {
	switch {
	case g.GeonameID != 0:
		return fmt.Sprintf("geonames:%d", g.GeonameID)
	case g.Feature == "country" && g.Country != "":
		return "country:" + g.Country
	}
	return ""
}

// Role is a title or function a person holds, as an article states it
// ("French President"), with the date of that article.
type Role struct {
	Title   string
	Org     string // organisation or country the role belongs to, if stated
	Date    timeline.Date
	Article ID
}

// Entity is one person, place, organisation or other named thing, merged
// across articles.
type Entity struct {
	ID        ID
	Kind      Kind
	Name      string   // canonical name
	Aliases   []string // other names seen for it
	Roles     []Role
	Geo       *GeoRef
	Mentions  int64 // number of mentions
	Articles  int64 // number of articles mentioning it
	FirstSeen timeline.Date
	LastSeen  timeline.Date
	// Address lists the forms of address written with the name in one
	// article ("Mr", "Mrs"): they tell "Mr Biden" from "Mrs Biden" when
	// resolution joins a surname to a person. Only local entities carry it.
	Address []string
	// GovernmentOf is the ISO 3166-1 alpha-2 code of the country an
	// organisation speaks for as its government or a state institution
	// ("RU" for the Kremlin or Russia's defence ministry), so that "what
	// did Russia say" finds its institutions' statements; "" otherwise.
	GovernmentOf string
}

// Quote is a statement attributed to a speaker: direct (in quotation marks)
// or reported ("Macron said that …").
type Quote struct {
	ID          ID
	Article     ID
	Speaker     ID     // resolved entity; 0 when unresolved
	SpeakerText string // the speaker as written ("he", "the French leader")
	SpeakerSpan Span
	Cue         string // the cue verb or phrase ("said", "according to")
	Text        string // the words quoted or reported
	Span        Span   // the content span
	Sentence    Span
	Direct      bool
	Date        timeline.Date // when it was said: the article's day unless the text dates it
	// DateFromPublication marks a Date that is the publication day because
	// nothing in the text says when the words were said.
	DateFromPublication bool
	Published           timeline.Date // the article's publication date
	About               []ID          // entities mentioned inside the quote
}

// UnlinkedSpeaker is how a speaker with no linked entity reads out of its
// sentence. A name or description ("the lawmaker", "a Kremlin source")
// stands as written; a bare pronoun ("They", "he") names no one once the
// quote is listed apart from its sentence, so it reads "unidentified
// (they)" and the reader follows the link to the sentence.
func UnlinkedSpeaker(text string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return "unidentified"
	}
	if bareSpeakerPronouns[strings.ToLower(t)] {
		return "unidentified (" + strings.ToLower(t) + ")"
	}
	return t
}

// SaidBy is the attribution a list puts before a quote's words: the
// speaker and the cue as a sentence would have them ("Olaf Scholz said",
// "According to Oleksiy Danilov"), the speaker alone for a transcript's
// turn (cue ":").
func SaidBy(speaker, cue string) string {
	c := strings.TrimSpace(cue)
	switch {
	case c == "" || c == ":":
		return speaker
	case strings.HasPrefix(strings.ToLower(c), "according to"):
		return "According to " + speaker
	}
	return speaker + " " + c
}

// bareSpeakerPronouns are the pronouns a speech verb's subject can be.
var bareSpeakerPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "one": true,
}

// Event is something that happened, reported by one or more articles.
type Event struct {
	ID           ID
	Category     string // CAMEO-like category: statement, meeting, agreement, force, …
	Trigger      string
	Participants []ID
	Actor        ID // who acts, when the sentence makes it clear; 0 otherwise
	Target       ID // who is acted on; 0 otherwise
	Place        ID
	Date         timeline.Date
	Reported     bool // Date is the article's date, not one the text gives
	// DateFrom says how the text gives Date when Reported is false:
	// "text" (an expression governing the trigger), "context" (the date
	// of the sentence before, carried to a past-tense event), "related"
	// (counted from another dated event: "a day before the
	// announcement"); see package extract/event.
	DateFrom string
	Article  ID
	Span     Span
	Sentence Span
	// Class is the TimeML class of the trigger: OCCURRENCE, REPORTING,
	// STATE, I_ACTION, I_STATE, ASPECTUAL or PERCEPTION.
	Class string
	// Tense (PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART,
	// NONE) and Aspect (PERFECTIVE, PROGRESSIVE, PERFECTIVE_PROGRESSIVE,
	// NONE) are TimeML's, of the trigger's verb group.
	Tense, Aspect string
	// Negated is TimeML's polarity NEG ("did not meet"); Modality the
	// modal qualifying the trigger ("could", "would", …), "" for none.
	Negated  bool
	Modality string
	// Mode sums up whether the text reports the event as having
	// happened: "" (asserted), "negated", "hypothetical" (could, if,
	// plans to, denies, a question), "future" (will, scheduled) or
	// "background" (a past event recalled: "the 2014 invasion" with its
	// own date; "since the invasion" with none, Date zero, which the store
	// keeps as a recall of the stored event it names, not as news of the
	// publication day).
	Mode string
}

// EventCategories are the categories an Event can have, in display
// order; graph/extract/event says what each one covers.
var EventCategories = []string{"statement", "meeting", "agreement", "cooperation", "reduce_relations", "demand", "threat",
	"military_posture", "force", "sanctions", "protest", "arrest", "election", "casualties", "aid",
	"results", "sales", "market", "job_cuts", "closure", "offer", "merger", "bankruptcy", "recall", "strike", "investment", "launch",
	"lawsuit", "charge", "trial", "ruling", "investigation", "legislation",
	"appointment", "resignation", "disaster", "accident", "health"}

// Relation is the co-occurrence of two entities on one day, with a weight
// (the number of sentences that connect them). Edges keep per-day weights so
// that a graph can be cut to any date window.
type Relation struct {
	From, To ID
	Type     string
	Day      int64 // days since 1970-01-01, see timeline.DayOf
	Weight   int64
	Article  ID
	Sentence Span
}

// DateMention is a date or time expression as written in an article, with
// its TIMEX3 type and value and, when it could be placed on the calendar,
// the interval it denotes.
type DateMention struct {
	Span  Span
	Type  string // DATE, TIME, DURATION or SET
	Value string // TIMEX3 value: "2022-02-07", "2022-W05", "P3Y", …
	Date  timeline.Date
}

// Document is everything one article contributes to the graph: the article
// and the facts extracted from it, the facts record the store keeps and
// restates when resolution changes its mind about an entity.
//
// Entities are the article's own (local) entities, before resolution
// across articles. Inside a Document, every entity reference (Mention.Entity,
// Quote.Speaker and About, Event participants, Relation ends) is a Local
// reference: the index into Entities plus one, 0 for none. The store maps
// them to entity IDs through resolution.
type Document struct {
	Article    Article
	Entities   []Entity
	Mentions   []Mention
	Quotes     []Quote
	Events     []Event
	Relations  []Relation
	Sentences  []Span // the sentences, in text order
	Paragraphs []Span // the paragraphs (blocks separated by blank lines or line breaks), in text order
	Dates      []DateMention
}

// Local returns the local reference of the i-th entity of a Document.
func Local(i int) ID { return ID(i + 1) }

// LocalIndex returns the index into Document.Entities a local reference
// names, or -1 for none (0) or one out of range.
func (d *Document) LocalIndex(ref ID) int {
	if ref == 0 || ref > ID(len(d.Entities)) {
		return -1
	}
	return int(ref - 1)
}
