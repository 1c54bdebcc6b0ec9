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
//	0x01    01 name                                          per name          store metadata: "schema" (uint32 version), "stats" (counters)
//	0x02    02 name                                          Badger lease      ID sequences ("entity", "quote", "event")
//	0x10    10 article                                       article record    an article by ID
//	0x11    11 day article                                   empty             articles in publication order; a date range is a sub-scan
//	0x12    12 article                                       contributions     what the article added, so it can be taken back out
//	0x20    20 entity                                        entity record     an entity by ID
//	0x21    21 kind name 00 entity                           empty             prefix search on normalised names and aliases, by kind
//	0x22    22 kind ^mentions entity                         empty             entities of a kind, most-mentioned first
//	0x30    30 entity day article start                      mention record    an entity's mentions in date order (its timeline)
//	0x31    31 entity day                                    mentions, articles an entity's counts per day (timeline histograms, node spells)
//	0x40    40 quote                                         quote record      a quote by ID
//	0x41    41 speaker day quote                             empty             a speaker's quotes in date order
//	0x42    42 day quote                                     empty             all quotes in date order
//	0x43    43 entity day quote                              empty             quotes that mention an entity, in date order
//	0x50    50 event                                         event record      an event by ID
//	0x51    51 day event                                     empty             events of a day range
//	0x52    52 entity day event                              empty             an entity's events in date order
//	0x53    53 event                                         event (8 bytes)   where an event's reports went when a later report showed it was another event's happening
//	0x60    60 from to day                                   weight (uvarint)  the edges of an entity with per-day weights (stored both ways)
//	0x61    61 from to day article start                     empty             the sentences that support an edge (from < to)
//	0x62    62 from to                                       edge totals       an entity's neighbours with weight, evidence count, first and last day (stored both ways)
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
// # Writes
//
// Everything one article contributes is written in one transaction, so a
// crash leaves whole articles only. Re-writing an article with the same
// content changes nothing; new content under the same ID first takes the
// old contributions out (prefix 0x12 lists them).
package store
