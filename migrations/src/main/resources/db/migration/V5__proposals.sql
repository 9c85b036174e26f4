-- Items sent up to the parent portal (TN Đ7.3, Đ18.2a). One row, seen by both sides: the
-- component site that proposed it (tenant_id) and the parent that decides (parent_id). Its
-- timestamps are what the quota and timeliness reports count.

CREATE TABLE proposals (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id       bigint NOT NULL REFERENCES tenants,
  parent_id       bigint NOT NULL REFERENCES tenants,
  article_id      bigint NOT NULL,
  -- What the parent shows, as it was when proposed.
  title           text NOT NULL,
  summary         text NOT NULL,
  slug            text NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
  proposed_by     bigint NOT NULL REFERENCES accounts,
  proposed_at     timestamptz NOT NULL DEFAULT now(),
  decided_by      bigint REFERENCES accounts,
  decided_at      timestamptz,
  decline_reason  text,
  FOREIGN KEY (tenant_id, article_id) REFERENCES articles (tenant_id, id),
  CHECK (tenant_id <> parent_id),
  CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);
-- One open proposal per article at a time.
CREATE UNIQUE INDEX proposals_one_open ON proposals (tenant_id, article_id) WHERE status = 'PENDING';
CREATE INDEX proposals_parent ON proposals (parent_id, status, decided_at DESC);

ALTER TABLE proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE proposals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON proposals
  USING (tenant_id = ANY (app_visible_tenants()) OR parent_id = ANY (app_visible_tenants()))
  WITH CHECK (tenant_id = ANY (app_visible_tenants()) OR parent_id = ANY (app_visible_tenants()));
GRANT SELECT, INSERT, UPDATE ON proposals TO ${app_role};
GRANT USAGE ON SEQUENCE proposals_id_seq TO ${app_role};
