-- Typed DuckDB views over Gleaner's output (results.jsonl, errors.jsonl).
--
--   SET VARIABLE gleaner_results = 'out/results*.jsonl';   -- optional: these are the defaults
--   SET VARIABLE gleaner_errors  = 'out/errors*.jsonl';
--   .read schemas/duckdb.sql                               -- or con.execute(open(...).read())
--   SELECT * FROM quotes WHERE speaker_country = 'GB';
--
-- Why explicit types: read_json_auto infers a column from a sample of records, and
-- a field that is null in all of them (`page` on plain-text documents,
-- `entities[].affiliation`) comes out NULL-typed, so its values later in the file
-- are lost without an error. Every column here is declared, fields the records do
-- not carry (yet) read as NULL, and fields not declared are ignored.
--
-- Set the variables before reading this file: DuckDB binds each view when it is
-- created, so the files must exist then (the sink creates both when it starts). They
-- are read again at every query, so later changes apply too. The globs match rotated
-- files as well, and never a file still being written (*.open).
-- Views re-read the JSON on every query: for repeated analysis over a large output,
-- materialise once (CREATE TABLE quotes_t AS FROM quotes) and query the tables.
-- Offsets (start_offset, end_offset) count Unicode code points into documents.text,
-- end exclusive, as in the JSON; DuckDB's substring(text, start_offset + 1,
-- end_offset - start_offset) is the mention.

-- The sink's JSON Lines files that a variable names (or the default glob), read with
-- the columns given and no others.
CREATE OR REPLACE MACRO gleaner_jsonl(variable, fallback, declared) AS TABLE
SELECT * FROM read_json(coalesce(getvariable(variable), fallback), format = 'newline_delimited', columns = declared);

-- Every result line, typed as schemas/result.schema.json describes it, names as in JSON.
CREATE OR REPLACE VIEW results AS
FROM gleaner_jsonl('gleaner_results', 'out/results*.jsonl', {
    'id': 'VARCHAR',
    'url': 'VARCHAR',
    'source': 'VARCHAR',
    'metadata': 'JSON',
    'contentType': 'VARCHAR',
    'title': 'VARCHAR',
    'text': 'VARCHAR',
    'publishedAt': 'VARCHAR',
    'publishedAtSource': 'VARCHAR',
    'publishedAtUtc': 'VARCHAR',
    'publishedAtPrecision': 'VARCHAR',
    'publishedAtEvidence': 'STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR, "kind" VARCHAR)',
    'warnings': 'STRUCT("code" VARCHAR, "message" VARCHAR, "field" VARCHAR, "value" VARCHAR)[]',
    'language': 'VARCHAR',
    'dateline': 'STRUCT("location" STRUCT("name" VARCHAR, "entity" VARCHAR, "start" INTEGER, "end" INTEGER), "date" VARCHAR, "agency" VARCHAR)',
    'page': 'STRUCT("textSource" VARCHAR, "authors" VARCHAR[], "siteName" VARCHAR, "canonicalUrl" VARCHAR, "description" VARCHAR, "declaredLanguage" VARCHAR)',
    'entities': 'STRUCT("id" VARCHAR, "type" VARCHAR, "name" VARCHAR, "aliases" VARCHAR[], "mentions" STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR)[], "titles" VARCHAR[], "country" VARCHAR, "affiliation" VARCHAR, "coordinates" STRUCT("lat" DOUBLE, "lon" DOUBLE))[]',
    'quotes': 'STRUCT("text" VARCHAR, "start" INTEGER, "end" INTEGER, "kind" VARCHAR, "act" VARCHAR, "cue" VARCHAR, "speaker" STRUCT("name" VARCHAR, "entity" VARCHAR, "start" INTEGER, "end" INTEGER), "clause" STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR))[]',
    'timex': 'STRUCT("text" VARCHAR, "start" INTEGER, "end" INTEGER, "type" VARCHAR, "value" VARCHAR, "referenceSource" VARCHAR)[]',
    'extractor': 'STRUCT("name" VARCHAR, "version" VARCHAR)',
    'version': 'INTEGER',
    'supersedes': 'INTEGER',
    'nearDuplicateOf': 'VARCHAR',
    'contentSignature': 'VARCHAR'
});

-- One row per document. published_date is the date part of publishedAt (NULL when
-- publishedAt is NULL or coarser than a day); published_at keeps the string as given.
CREATE OR REPLACE VIEW documents AS
SELECT
    id,
    url,
    source,
    title,
    text,
    language,
    contentType AS content_type,
    publishedAt AS published_at,
    try_cast(substr(publishedAt, 1, 10) AS DATE) AS published_date,
    publishedAtSource AS published_at_source,
    -- publishedAt in UTC, one form for every record: the column to compute with.
    try_cast(publishedAtUtc AS TIMESTAMP) AS published_at_utc,
    publishedAtPrecision AS published_at_precision,
    publishedAtEvidence.text AS published_at_evidence,
    CAST(len(warnings) AS INTEGER) AS warning_count,
    dateline.location.name AS dateline_place,
    dateline.date AS dateline_date,
    dateline.agency AS dateline_agency,
    page.textSource AS page_text_source,
    page.authors AS page_authors,
    page.siteName AS page_site_name,
    page.canonicalUrl AS page_canonical_url,
    page.description AS page_description,
    page.declaredLanguage AS page_declared_language,
    CAST(len(entities) AS INTEGER) AS entity_count,
    CAST(len(quotes) AS INTEGER) AS quote_count,
    CAST(len(timex) AS INTEGER) AS timex_count,
    extractor.name AS extractor_name,
    extractor.version AS extractor_version,
    -- Added by the sink: with --on-duplicate supersede an id may have several versions
    -- (keep the highest); near_duplicate_of names the earliest copy of the same story.
    version,
    supersedes,
    nearDuplicateOf AS near_duplicate_of,
    metadata
FROM results;

-- One row per distinct entity of a document; entity_id is unique within doc_id.
CREATE OR REPLACE VIEW entities AS
SELECT
    doc_id,
    entity.id AS entity_id,
    entity.type AS type,
    entity.name AS name,
    entity.aliases AS aliases,
    entity.titles AS titles,
    entity.country AS country,
    entity.affiliation AS affiliation,
    entity.coordinates.lat AS lat,
    entity.coordinates.lon AS lon,
    CAST(len(entity.mentions) AS INTEGER) AS mention_count
FROM (SELECT id AS doc_id, unnest(entities) AS entity FROM results);

-- One row per mention (names, and pronouns or descriptions where resolved).
CREATE OR REPLACE VIEW mentions AS
SELECT
    doc_id,
    entity_id,
    entity_type,
    entity_name,
    mention.start AS start_offset,
    mention."end" AS end_offset,
    mention.text AS text
FROM (
    SELECT doc_id, entity.id AS entity_id, entity.type AS entity_type, entity.name AS entity_name,
           unnest(entity.mentions) AS mention
    FROM (SELECT id AS doc_id, unnest(entities) AS entity FROM results)
);

-- One row per quote, with the speaker's entity joined in (type, country, affiliation,
-- titles); those are NULL when nobody is named or the speaker is not among the
-- document's entities. quote_index is the quote's 1-based position in the record.
CREATE OR REPLACE VIEW quotes AS
SELECT
    q.doc_id,
    q.quote_index,
    q.quote.text AS text,
    q.quote.start AS start_offset,
    q.quote."end" AS end_offset,
    q.quote.kind AS kind,
    q.quote.act AS act,
    q.quote.cue AS cue,
    q.quote.speaker.name AS speaker_name,
    q.quote.speaker.entity AS speaker_entity,
    e.type AS speaker_type,
    e.country AS speaker_country,
    e.affiliation AS speaker_affiliation,
    e.titles AS speaker_titles,
    q.quote.speaker.start AS speaker_start_offset,
    q.quote.speaker."end" AS speaker_end_offset,
    q.quote.clause.text AS clause_text
FROM (
    SELECT id AS doc_id, unnest(quotes) AS quote, CAST(generate_subscripts(quotes, 1) AS INTEGER) AS quote_index
    FROM results
) AS q
LEFT JOIN entities AS e ON e.doc_id = q.doc_id AND e.entity_id = q.quote.speaker.entity;

-- One row per temporal expression; value is the TIMEX3 value (NULL when unresolved).
CREATE OR REPLACE VIEW timex AS
SELECT
    doc_id,
    t.text AS text,
    t.start AS start_offset,
    t."end" AS end_offset,
    t.type AS type,
    t.value AS value,
    -- where the value's reference date came from: estimated values are marked so
    t.referenceSource AS reference_source
FROM (SELECT id AS doc_id, unnest(timex) AS t FROM results);

-- Dead letters (errors.jsonl): what could not be processed, with the input kept.
CREATE OR REPLACE VIEW errors AS
SELECT
    id,
    error.code AS code,
    error.message AS message,
    attempts,
    inputEncoding AS input_encoding,
    inputBytes AS input_bytes,
    coalesce(inputTruncated, false) AS input_truncated,
    input
FROM gleaner_jsonl('gleaner_errors', 'out/errors*.jsonl', {
    'id': 'VARCHAR',
    'error': 'STRUCT("code" VARCHAR, "message" VARCHAR)',
    'attempts': 'INTEGER',
    'inputEncoding': 'VARCHAR',
    'inputBytes': 'BIGINT',
    'inputTruncated': 'BOOLEAN',
    'input': 'VARCHAR'
});
