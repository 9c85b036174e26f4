-- Planned maintenance (ND 224/2026 Đ13): announced at least seven working days ahead, with the
-- expected return time; every affected site shows the notice from its announcement, and a
-- static copy of its essential pages serves while the window lasts.
--
-- A window belongs to the province that announces it; it covers the sites listed in
-- tenant_ids, or every site of the province when that is NULL. Notices are public (every
-- visitor of an affected site reads them), so reading is open; only the province's own scope
-- may announce, change or cancel.
CREATE TABLE maintenance_windows (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_id   bigint NOT NULL REFERENCES tenants,
  tenant_ids    bigint[],
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz NOT NULL,
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  announced_at  timestamptz NOT NULL DEFAULT now(),
  announced_by  text NOT NULL,
  cancelled_at  timestamptz,
  cancelled_by  text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (starts_at > announced_at),
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)),
  CHECK (tenant_ids IS NULL OR cardinality(tenant_ids) > 0)
);
CREATE INDEX maintenance_windows_current ON maintenance_windows (ends_at) WHERE cancelled_at IS NULL;

ALTER TABLE maintenance_windows ENABLE ROW LEVEL SECURITY;
ALTER TABLE maintenance_windows FORCE ROW LEVEL SECURITY;
CREATE POLICY notices_are_public ON maintenance_windows FOR SELECT USING (true);
-- (SELECT …): the scope is read once per statement (V10).
CREATE POLICY province_wall ON maintenance_windows
  USING ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
GRANT SELECT, INSERT, UPDATE ON maintenance_windows TO ${app_role};
