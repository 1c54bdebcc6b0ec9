// Package store keeps Dateline's graph in an embedded Badger database. It is
// the only package that imports Badger.
//
// # Key layout
//
// Keys are binary and prefix-ordered so that every view is one prefix scan.
// IDs are 8-byte big-endian unsigned integers; a day is the number of days
// since 1970-01-01 (timeline.DayOf) as 8 bytes big-endian with the sign bit
// flipped, so that days sort in time order and undated facts (day =
// math.MinInt64, written 00…00) sort first. Counts in an ordering key are
// stored inverted (^n) so that the largest sorts first.
//
//	prefix  key                                              value             view it serves
//	0x01    01 name                                          per name          store metadata: "schema" (uint32 version), "stats" (counters), "split" (a split write in progress, below)
//	0x02    02 name                                          Badger lease      ID sequences ("entity", "correction")
//	0x03    03 key                                           before-image      a split write's journal: the value key had before the write (00 absent, 01 value present)
//	0x10    10 article                                       article record    an article by ID
//	0x11    11 day article                                   empty             articles in publication order; a date range is a sub-scan
//	0x12    12 article                                       contributions     what the article added, under which entities, so it can be taken back out
//	0x13    13 article                                       facts record      what extraction found, entities local to the article (restating; sentences and dates for the views)
//	0x14    14 article                                       empty             an article to restate: resolution moved one of its names to another entity
//	0x15    15 source line                                   count             the articles of a source holding a short line (8-byte hashes, package furniture): at furniture.MinArticles the line is the source's furniture
//	0x16    16 source line article                           empty             the articles holding the line, to state again when it becomes furniture or stops being it
//	0x17    17 article                                       spans             the furniture spans the article's contributions were stated without (absent: none)
//	0x20    20 entity                                        entity record     an entity by ID: what its articles add up to, with its identity copied in
//	0x21    21 kind name 00 entity                           empty             prefix search on normalised names and aliases, by kind (two sub-forms, below)
//	0x22    22 kind ^mentions entity                         empty             entities of a kind, most-mentioned first
//	0x24    24 entity                                        identity          what resolution decided: kind, name, gazetteer link, government, member signatures and why each joined
//	0x25    25 country entity                                empty             the entities that speak for a country (GovernmentOf): its government and state institutions
//	0x30    30 entity day article                            mentions record   an entity's mentions in date order (its timeline): the article's mentions of it, by start
//	0x31    31 entity day                                    mentions, articles an entity's counts per day (timeline histograms, node spells)
//	0x40    40 quote                                         quote record      a quote by ID
//	0x41    41 speaker day quote                             empty             a speaker's quotes in date order
//	0x42    42 day quote                                     empty             all quotes in date order
//	0x43    43 entity day quote                              empty             quotes that mention an entity, in date order
//	0x50    50 event                                         event record      an event by ID
//	0x51    51 day event                                     empty             events of a day range
//	0x52    52 entity day event                              empty             an entity's events in date order
//	0x54    54 day category 00 article start                 report record     one article's account of an event, in its block (day and category)
//	0x55    55 day category 00 event                         empty             the events a block's reports make (recomputed from them whenever they change)
//	0x56    56 category 00 article start                     recall record     an article's recall of a past event with no date of its own ("since the invasion"): the report and the event it is linked to (0 for none yet)
//	0x57    57 category 00 entity article start              empty             the recalls of a category naming an entity: those an event of it naming the entity may be the one recalled
//	0x58    58 event article start                           empty             the recalls linked to an event: the articles recalling it, shown with its reports
//	0x60    60 from to day                                   edge day          an edge's weight and evidence on a day (from < to only: an entity's lower neighbours are found through 0x63)
//	0x62    62 from to                                       edge totals       an edge's weight, evidence count, first and last day (from < to only): an entity's higher neighbours
//	0x63    63 entity neighbour                              empty             an entity's lower neighbours (neighbour < entity), whose totals are under 62 neighbour entity
//	0x70    70 signature                                     resolution record a signature (8-byte hash, package resolve) with its counts, spellings and entity
//	0x71    71 blockkey 00 signature                         empty             resolution's block index: the signatures a block key ("w:zelensky", "a:uaw") gathers
//	0x72    72 signature article                             empty             the articles using a signature, to restate when it moves
//	0x73    73 sequence                                      correction        a user's correction, in the order made (the audit list)
//
// The name in 0x21 takes two sub-forms:
//
//	21 kind name 00 entity        a name or alias in its names.Key form ("volodymyr zelenskyy")
//	21 kind 02 tail 00 entity     each later word of it on ("\x02zelenskyy"), so that a search for a surname finds the full name
//
// Both are normalised names without zero bytes; the 0x02 mark sorts
// before every letter, so a prefix search scans the whole names first and
// the tails second.
//
// The value of 0x60 is the day's weight as a uvarint, then the sentences
// that support the edge that day, each as the article ID and the
// sentence's start (uvarints), sorted by article then start. Version 2 of
// the schema kept each sentence as a key of its own (0x61), and each day's
// weight and the edge totals both ways; every write costs the writer an
// insert, a flush and compactions, and the totals were rewritten both ways
// by every article linking the two. Version 3 keeps one key per edge and
// day and one totals record per edge, under from < to, and an entity
// finds its lower neighbours through 0x63 (written once per edge), with a
// lookup or seek each. For the same reason an article's mentions of an
// entity are one record (0x30), sorted by start, not a key each.
//
// A worked example: the article with ID 0x2a published on 2022-02-08 (day
// 19031 = 0x4a57) has the date-index key
//
//	11 | 80 00 00 00 00 00 4a 57 | 00 00 00 00 00 00 00 2a
//
// Every key builder in keys.go has a parser, and the tests check that each
// round-trips and that keys sort in the order the table promises.
//
// # Values
//
// Records start with a one-byte encoding version, then fields as
// length-prefixed strings and varints (codec.go). A reader refuses a version
// it does not know rather than guessing.
//
// # Schema version
//
// The "schema" metadata key holds the layout version (SchemaVersion). Open
// refuses a store written with another version and says how to fix it.
//
// # Identity
//
// Which names are one entity is decided by package resolve, not here: the
// store persists the records it works on (0x70–0x73) behind the
// resolve.Index interface, applies what it decides (0x24, copied into 0x20
// when an entity is written), and restates the articles whose names moved
// (0x14, each taken out under the entities it was stated with and stated
// again under the new ones, from its facts record). See Put.
//
// # Furniture
//
// Which lines are a source's furniture is decided by package furniture:
// a short line at least furniture.MinArticles articles of one source
// hold. The store counts the lines (0x15, 0x16) as articles come and go,
// states each article without the facts found in its furniture, keeps
// the spans it left out (0x17) and its facts record whole, and states
// again, with resolution, the articles holding a line whose count crosses
// furniture.MinArticles. See furniture.go.
//
// # Writes
//
// Everything one article contributes is written in one transaction (with
// the other articles of its batch, for PutBatch), so a crash leaves whole
// articles only. An article too big for one Badger transaction (a long
// text naming people in every sentence) is written over several, and kept
// whole all the same (split.go): every read uses a snapshot pinned before
// the first of them commits until the last has; the first writes the
// "split" metadata key, and before each key is first changed its
// before-image goes into the journal (0x03); the last deletes "split",
// which is the switch. Open rolls back a journal whose "split" key is
// still there and drops one whose key is gone; a read-only Open refuses a
// store with a write to roll back. A writer reads the indexes it keeps itself (blocks,
// signature-article, event reports) from a snapshot of what is committed
// with its own changes laid over it (overlay.go): a Badger iterator on the
// write transaction would sort all of the transaction's writes each time.
// Re-writing an article with the same content changes nothing; new content
// under the same ID first takes the old contributions out (prefix 0x12
// lists them).
package store
