-- Royalties (nhuận bút, TN Đ21, TQ Đ17.4) and the annual emulation score (TN Đ22.1), issue 6
-- items 8 and 9.

-- A site's rate table: points per kind of article, points for a featured photo, and what one
-- point is worth in đồng. Dated like the oversight rules: a row applies from effective_from (the
-- first day of the month it was set in) on, so a month is always paid by the rates in force in
-- it. Until a site sets its own, the platform's stated defaults apply (presets carry no rates).
CREATE TABLE royalty_rates (
  tenant_id            bigint NOT NULL REFERENCES tenants,
  effective_from       date NOT NULL CHECK (extract(day FROM effective_from) = 1),
  news_points          numeric(6,2) NOT NULL CHECK (news_points BETWEEN 0 AND 1000),
  event_points         numeric(6,2) NOT NULL CHECK (event_points BETWEEN 0 AND 1000),
  law_points           numeric(6,2) NOT NULL CHECK (law_points BETWEEN 0 AND 1000),
  announcement_points  numeric(6,2) NOT NULL CHECK (announcement_points BETWEEN 0 AND 1000),
  photo_points         numeric(6,2) NOT NULL CHECK (photo_points BETWEEN 0 AND 1000),
  point_value          bigint NOT NULL CHECK (point_value BETWEEN 0 AND 100000000),
  set_by               text NOT NULL,
  set_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, effective_from)
);

-- A month's statement the head approved: frozen. Its lines are kept as they were computed, with
-- the rates they were computed by, so no later change of rates or of an article alters it.
CREATE TABLE royalty_statements (
  tenant_id     bigint NOT NULL REFERENCES tenants,
  month         date NOT NULL CHECK (extract(day FROM month) = 1),
  rates         jsonb NOT NULL,
  total_points  numeric(12,2) NOT NULL,
  total_amount  bigint NOT NULL,
  approved_by   text NOT NULL,
  approved_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, month)
);

CREATE TABLE royalty_lines (
  tenant_id     bigint NOT NULL,
  month         date NOT NULL,
  article_id    bigint NOT NULL,
  account_id    bigint NOT NULL REFERENCES accounts,
  person        text NOT NULL,
  title         text NOT NULL,
  kind          text NOT NULL,
  photo         boolean NOT NULL,
  published_at  timestamptz NOT NULL,
  points        numeric(8,2) NOT NULL,
  amount        bigint NOT NULL,
  PRIMARY KEY (tenant_id, month, article_id, account_id),
  -- No key to articles: a kept line is a record of what was paid, whatever later becomes of the
  -- article (on a merge the articles move to the other site and the statement stays).
  FOREIGN KEY (tenant_id, month) REFERENCES royalty_statements (tenant_id, month) DEFERRABLE INITIALLY IMMEDIATE
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['royalty_rates', 'royalty_statements', 'royalty_lines'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_wall ON %I USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE) '
                   'WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${app_role}', t);
  END LOOP;
END $$;

-- The province's emulation formula (TN Đ22.1): weights of quota, timeliness and report
-- submission, dated by year: a row applies from from_year on; earlier years keep theirs.
CREATE TABLE emulation_formulas (
  province_id        bigint NOT NULL REFERENCES tenants,
  from_year          integer NOT NULL CHECK (from_year BETWEEN 2000 AND 2200),
  quota_weight       integer NOT NULL CHECK (quota_weight BETWEEN 0 AND 100),
  timeliness_weight  integer NOT NULL CHECK (timeliness_weight BETWEEN 0 AND 100),
  reports_weight     integer NOT NULL CHECK (reports_weight BETWEEN 0 AND 100),
  legal_basis        text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 300),
  set_by             text NOT NULL,
  set_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, from_year),
  CHECK (quota_weight + timeliness_weight + reports_weight = 100)
);
ALTER TABLE emulation_formulas ENABLE ROW LEVEL SECURITY;
ALTER TABLE emulation_formulas FORCE ROW LEVEL SECURITY;
-- Every site may read the formula it is scored by.
CREATE POLICY rules_are_public ON emulation_formulas FOR SELECT USING (true);
CREATE POLICY province_wall ON emulation_formulas
  USING ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
GRANT SELECT, INSERT, UPDATE, DELETE ON emulation_formulas TO ${app_role};
