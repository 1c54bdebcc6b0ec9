// Dateline export: entities and the co-occurrence links between them.
CREATE CONSTRAINT dateline_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
UNWIND [
  {aliases: [], articles: 2, country: null, first_seen: "2022-02-07", geonames_id: null, id: 1, last_seen: "2022-02-08", lat: null, lon: null, mentions: 3, name: "Vladimir Putin", roles: []},
  {aliases: ["Macron"], articles: 2, country: null, first_seen: "2022-02-07", geonames_id: null, id: 2, last_seen: "2022-02-08", lat: null, lon: null, mentions: 4, name: "Emmanuel Macron", roles: ["President (France)"]},
  {aliases: [], articles: 1, country: null, first_seen: null, geonames_id: null, id: 7, last_seen: null, lat: null, lon: null, mentions: 1, name: "Volodymyr Zelenskyy", roles: []}] AS row
MERGE (n:Entity {id: row.id})
SET n:Person, n.name = row.name, n.aliases = row.aliases, n.roles = row.roles, n.mentions = row.mentions, n.articles = row.articles, n.first_seen = row.first_seen, n.last_seen = row.last_seen, n.location = CASE WHEN row.lat IS NULL THEN NULL ELSE point({latitude: row.lat, longitude: row.lon}) END, n.country = row.country, n.geonames_id = row.geonames_id;
UNWIND [
  {aliases: [], articles: 1, country: "RU", first_seen: "2022-02-07", geonames_id: 524901, id: 3, last_seen: "2022-02-07", lat: 55.75222, lon: 37.61556, mentions: 1, name: "Moscow", roles: []},
  {aliases: ["Kyiv"], articles: 2, country: "UA", first_seen: "2022-02-08", geonames_id: 703448, id: 4, last_seen: "2022-02-08", lat: 50.45466, lon: 30.5238, mentions: 2, name: "Kiev", roles: []}] AS row
MERGE (n:Entity {id: row.id})
SET n:Place, n.name = row.name, n.aliases = row.aliases, n.roles = row.roles, n.mentions = row.mentions, n.articles = row.articles, n.first_seen = row.first_seen, n.last_seen = row.last_seen, n.location = CASE WHEN row.lat IS NULL THEN NULL ELSE point({latitude: row.lat, longitude: row.lon}) END, n.country = row.country, n.geonames_id = row.geonames_id;
UNWIND [
  {aliases: [], articles: 1, country: null, first_seen: "2022-02-08", geonames_id: null, id: 5, last_seen: "2022-02-08", lat: null, lon: null, mentions: 1, name: "Élysée \"Palace\" \u0026 \u003cCo\u003e", roles: []}] AS row
MERGE (n:Entity {id: row.id})
SET n:Organization, n.name = row.name, n.aliases = row.aliases, n.roles = row.roles, n.mentions = row.mentions, n.articles = row.articles, n.first_seen = row.first_seen, n.last_seen = row.last_seen, n.location = CASE WHEN row.lat IS NULL THEN NULL ELSE point({latitude: row.lat, longitude: row.lon}) END, n.country = row.country, n.geonames_id = row.geonames_id;
UNWIND [
  {aliases: [], articles: 1, country: null, first_seen: null, geonames_id: null, id: 6, last_seen: null, lat: null, lon: null, mentions: 1, name: "Ukrainian", roles: []}] AS row
MERGE (n:Entity {id: row.id})
SET n:Misc, n.name = row.name, n.aliases = row.aliases, n.roles = row.roles, n.mentions = row.mentions, n.articles = row.articles, n.first_seen = row.first_seen, n.last_seen = row.last_seen, n.location = CASE WHEN row.lat IS NULL THEN NULL ELSE point({latitude: row.lat, longitude: row.lon}) END, n.country = row.country, n.geonames_id = row.geonames_id;
UNWIND [
  {a: 1, b: 2, evidence: 2, first: "2022-02-07", last: "2022-02-07", weight: 2},
  {a: 1, b: 3, evidence: 1, first: "2022-02-07", last: "2022-02-07", weight: 1},
  {a: 2, b: 3, evidence: 1, first: "2022-02-07", last: "2022-02-07", weight: 1},
  {a: 2, b: 4, evidence: 1, first: "2022-02-08", last: "2022-02-08", weight: 1},
  {a: 2, b: 5, evidence: 1, first: "2022-02-08", last: "2022-02-08", weight: 1},
  {a: 4, b: 6, evidence: 1, first: null, last: null, weight: 1},
  {a: 4, b: 7, evidence: 1, first: null, last: null, weight: 1},
  {a: 6, b: 7, evidence: 1, first: null, last: null, weight: 1}] AS row
MATCH (a:Entity {id: row.a}), (b:Entity {id: row.b})
MERGE (a)-[r:CO_OCCURS_WITH]->(b)
SET r.weight = row.weight, r.evidence = row.evidence, r.first = date(row.first), r.last = date(row.last);
