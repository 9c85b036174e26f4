-- Search at 100 k articles (ops/bench/RESULTS.md, "Search"). Two findings, two fixes.
--
-- 1. Under row-level security the GIN index of V8 was never used. PostgreSQL evaluates the
--    policy (tenant_wall) before any condition of the query whose function is not LEAKPROOF,
--    and an index condition runs before everything; ts_match_vq, the function behind
--    tsvector @@ tsquery, is not marked LEAKPROOF, so for portal_app every search was a scan
--    of all articles (650 ms at 100 k, whatever the words) while the same query as the owner
--    took 0.2 ms. ts_match_vq answers true or false from the two values it is given, raises
--    no error that depends on the row, and writes nothing, which is what LEAKPROOF promises;
--    the policy still removes other tenants' rows from the result. Only a superuser may set
--    it: when the migrating user is not one, search stays correct but slow, and the
--    application says so at start (ArticleSearch). The flag lives in pg_catalog, which
--    pg_dump does not dump: after restoring into a new cluster, run this statement again as
--    a superuser.
--
-- 2. Broad queries (a syllable such as "năm" or "thuế" matches a third of all articles or
--    more) ranked every match. ArticleSearch now ranks the newest matches only, and this
--    index lets PostgreSQL find them by walking published articles newest first, stopping
--    early, instead of collecting every match and sorting.

DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
  ELSE
    RAISE WARNING 'Not a superuser: ts_match_vq stays non-LEAKPROOF and search cannot use its index under row-level security';
  END IF;
END
$$;

CREATE INDEX articles_published_newest ON articles (published_at DESC) WHERE status = 'PUBLISHED';
