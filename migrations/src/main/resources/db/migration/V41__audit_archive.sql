-- An audit trail outlives the site it is about (issue 13, item 10).
--
-- Deleting a component site (delete_site, V26) removes every row it owns, its audit log included.
-- Before that, SiteDeletion moves the site's entries here, in the same transaction, under its
-- province (tenant_id), naming the site they were about: the province's board reads them with
-- the rest of its log (GET /api/v1/audit, the back office's audit page) and nothing else does.
-- delete_site's own loop over tenant tables leaves these rows alone: their tenant is the
-- province, never the site being deleted. Append-only for the application, like audit_events.
CREATE TABLE audit_archive (
  id             bigint PRIMARY KEY,                 -- the entry's id in audit_events, kept
  tenant_id      bigint NOT NULL REFERENCES tenants, -- the province that keeps it
  site_id        bigint NOT NULL,                    -- the deleted site: no key, its row is gone
  site_subdomain text NOT NULL,
  site_name      text NOT NULL,
  at             timestamptz NOT NULL,
  actor          text NOT NULL,
  action         text NOT NULL,
  subject        text,
  detail         jsonb NOT NULL DEFAULT '{}',
  source_ip      inet,
  archived_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_archive_tenant_at ON audit_archive (tenant_id, at DESC);

ALTER TABLE audit_archive ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_archive FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON audit_archive
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);

GRANT SELECT, INSERT ON audit_archive TO ${app_role};
