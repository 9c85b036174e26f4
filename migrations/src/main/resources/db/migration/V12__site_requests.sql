-- A unit asks the province for a site (TN Đ14.5, TB Đ9.3): the request waits for the platform
-- admin or the province's board, who approve (the site is created at once) or decline with a
-- reason. Requests belong to the province they were filed with, behind its wall.
CREATE TABLE site_requests (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  province_id      bigint NOT NULL REFERENCES tenants,
  unit_name        text NOT NULL CHECK (length(unit_name) BETWEEN 2 AND 200),
  kind             text NOT NULL CHECK (kind IN ('DEPARTMENT', 'DISTRICT', 'COMMUNE', 'WARD')),
  subdomain        text NOT NULL CHECK (length(subdomain) BETWEEN 1 AND 63),
  head_name        text NOT NULL CHECK (length(head_name) BETWEEN 2 AND 200),
  head_email       text NOT NULL CHECK (head_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
  decided_by       text,
  decided_at       timestamptz,
  decision_reason  text CHECK (length(decision_reason) <= 2000),
  tenant_id        bigint REFERENCES tenants,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'PENDING') = (decided_at IS NULL)),
  CHECK ((status = 'APPROVED') = (tenant_id IS NOT NULL)),
  CHECK (status <> 'DECLINED' OR length(decision_reason) > 0)
);
CREATE INDEX site_requests_waiting ON site_requests (province_id, created_at) WHERE status = 'PENDING';

ALTER TABLE site_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE site_requests FORCE ROW LEVEL SECURITY;
-- (SELECT …): evaluated once per query, not once per row.
CREATE POLICY province_wall ON site_requests
  USING (province_id = ANY ((SELECT app_visible_tenants())::bigint[]))
  WITH CHECK (province_id = ANY ((SELECT app_visible_tenants())::bigint[]));
GRANT SELECT, INSERT, UPDATE ON site_requests TO ${app_role};
