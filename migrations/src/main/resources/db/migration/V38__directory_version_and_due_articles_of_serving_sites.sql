-- Issue 13, part C (degrading, not falling): two things every node must agree on now come from
-- the database alone.
--
-- 1. The tenant directory's version. Nodes poll it to notice changes they were not told of (made
--    by hand, or while Redis was away). It was count(*) and max(updated_at) of tenants and
--    tenant_hosts, and updated_at is written from the writing node's clock: a change written by a
--    node whose clock runs behind, or committed after a later-stamped one, left the maximum where
--    it was and no node ever reloaded. A counter bumped by every statement that writes either
--    table changes on every commit that changes the directory, whatever the clocks say; a row
--    (not a sequence) so that the new value is seen exactly when the change is.
CREATE TABLE directory_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version  bigint NOT NULL
);
INSERT INTO directory_version (only_row, version) VALUES (true, 1);
GRANT SELECT ON directory_version TO ${app_role};

CREATE FUNCTION bump_directory_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  UPDATE directory_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER tenants_bump_directory_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenants
  FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER tenant_hosts_bump_directory_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenant_hosts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();

-- 2. Scheduled publishing skips sites that do not serve: a suspended site's board cannot change
--    anything, and an archived site is read-only, so neither may have content appear on it by
--    itself. Filtered here, not by the caller, so that such items never fill the batch (LIMIT)
--    ahead of the due items of sites that do serve. Resumed, a site's overdue items go out at the
--    next run. Same signature, so the grant of V4 stands.
CREATE OR REPLACE FUNCTION due_scheduled_articles(max_rows integer)
  RETURNS TABLE (tenant_id bigint, article_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT a.tenant_id, a.id FROM articles a
  JOIN tenants t ON t.id = a.tenant_id
  WHERE a.status = 'SCHEDULED' AND a.publish_at <= now()
    AND t.status NOT IN ('SUSPENDED', 'ARCHIVED', 'MERGED')
  ORDER BY a.publish_at LIMIT max_rows
$$;
