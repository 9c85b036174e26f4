-- Vietnamese search (DESIGN.md, Text and search): PostgreSQL full text with the 'simple'
-- configuration over unaccent-folded text (no Vietnamese stemmer exists), the tenant inside
-- the GIN index (btree_gin) so one site's search never scans another's rows.

-- unaccent() is only STABLE (its dictionary could change); this wrapper pins the dictionary
-- so it can feed a generated column and an index.
CREATE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', lower(f_unaccent(title))), 'A') ||
  setweight(to_tsvector('simple', lower(f_unaccent(summary))), 'B') ||
  setweight(to_tsvector('simple', lower(f_unaccent(regexp_replace(body_html, '<[^>]*>', ' ', 'g')))), 'C')
) STORED;

CREATE INDEX articles_search ON articles USING gin (tenant_id, search_vector);
