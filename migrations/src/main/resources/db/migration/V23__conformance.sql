-- Conformance checks (issue 6, item 7): the latest daily scan of each site against the national
-- evaluation (REQUIREMENTS.md §7), one row per site and check, so the province's dashboard reads
-- them in one query. Derived: never exported or merged (a site's results come from the next scan).
CREATE TABLE conformance_results (
  tenant_id    bigint NOT NULL REFERENCES tenants,
  check_code   text NOT NULL CHECK (check_code ~ '^[A-Z_]{2,40}$'),
  outcome      text NOT NULL CHECK (outcome IN ('PASS', 'FAIL', 'NOT_APPLICABLE')),
  -- What to fix, one Vietnamese sentence each (empty when the check passes).
  findings     text[] NOT NULL DEFAULT '{}',
  scanned_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, check_code)
);
CREATE INDEX conformance_results_failed ON conformance_results (check_code, tenant_id) WHERE outcome = 'FAIL';

ALTER TABLE conformance_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE conformance_results FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON conformance_results
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
GRANT SELECT, INSERT, UPDATE, DELETE ON conformance_results TO ${app_role};

-- delete_site() needs nothing here: since V26 it deletes a site's rows from every table with a
-- tenant_id. (Replacing it in this script would undo V26 on a database that runs V23 after it:
-- migrations run out of order.)
