-- The province watches (issue 6): its rules, dated by the month they apply from, and the facts
-- the dashboard, the reports and the API read, kept per item and per site and month.

-- Rules a province has changed. Until it changes one, its preset's row applies (preset_quotas,
-- preset_deadlines): these rows override it from effective_from (the first day of a month) on,
-- so a month is always judged by the rules that were in force in it (TN Đ7.3, Đ9).
CREATE TABLE quota_rules (
  province_id     bigint NOT NULL REFERENCES tenants,
  tenant_kind     text NOT NULL CHECK (tenant_kind IN ('DEPARTMENT', 'DISTRICT', 'COMMUNE', 'WARD')),
  content_scope   text NOT NULL DEFAULT 'news' CHECK (content_scope ~ '^[a-z_]+$'),
  min_per_month   integer NOT NULL CHECK (min_per_month BETWEEN 0 AND 1000),
  counted         text NOT NULL CHECK (counted IN ('PROVIDED_TO_PARENT', 'PUBLISHED')),
  effective_from  date NOT NULL CHECK (extract(day FROM effective_from) = 1),
  legal_basis     text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 300),
  set_by          text NOT NULL,
  set_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, tenant_kind, content_scope, effective_from)
);

CREATE TABLE deadline_rules (
  province_id     bigint NOT NULL REFERENCES tenants,
  content_type    text NOT NULL CHECK (content_type ~ '^[a-z_]+$'),
  -- NONE: from this month the type has no deadline.
  unit            text NOT NULL CHECK (unit IN ('HOURS', 'WORKING_HOURS', 'DAYS', 'WORKING_DAYS', 'SAME_DAY',
                                                 'IMMEDIATELY', 'MONTHLY_BY_DAY', 'REGULARLY', 'NONE')),
  amount          integer CHECK (amount BETWEEN 0 AND 3650),
  counted_from    text NOT NULL,
  effective_from  date NOT NULL CHECK (extract(day FROM effective_from) = 1),
  legal_basis     text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 300),
  set_by          text NOT NULL,
  set_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, content_type, effective_from),
  CHECK ((unit IN ('SAME_DAY', 'IMMEDIATELY', 'REGULARLY', 'NONE')) = (amount IS NULL))
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['quota_rules', 'deadline_rules'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    -- Every site may read the rules it is judged by.
    EXECUTE format('CREATE POLICY rules_are_public ON %I FOR SELECT USING (true)', t);
    EXECUTE format('CREATE POLICY province_wall ON %I USING ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE) '
                   'WITH CHECK ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${app_role}', t);
  END LOOP;
END $$;

-- One row per item a rule judges: when it was due, when it was published, whether on time.
-- Derived from articles and proposals, recomputed when they change; never exported or merged
-- (a merged or imported site's facts are computed again).
CREATE TABLE oversight_items (
  tenant_id      bigint NOT NULL REFERENCES tenants,
  article_id     bigint NOT NULL,
  title          text NOT NULL,
  content_type   text NOT NULL,
  status         text NOT NULL,
  started_at     timestamptz,
  due_at         timestamptz,
  published_at   timestamptz,
  provided_at    timestamptz,
  on_time        boolean,
  computed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, article_id)
);
CREATE INDEX oversight_items_due ON oversight_items (tenant_id, due_at);

-- A site's month: what the quota required and what counted, under that month's rules.
CREATE TABLE oversight_months (
  tenant_id          bigint NOT NULL REFERENCES tenants,
  month              date NOT NULL CHECK (extract(day FROM month) = 1),
  required           integer NOT NULL,
  counted            integer NOT NULL,
  published          integer NOT NULL,
  judged             integer NOT NULL,
  on_time            integer NOT NULL,
  overdue            integer NOT NULL,
  last_published_at  timestamptz,
  rule_basis         text,
  computed_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, month)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['oversight_items', 'oversight_months'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_wall ON %I USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE) '
                   'WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${app_role}', t);
  END LOOP;
END $$;
