-- Foundation schema: regulation presets, the tenant tree and its hosts, and the walls
-- that keep tenants apart.
--
-- Two kinds of table live here:
--   * platform tables (presets, tenants, tenant_hosts): the directory every request needs
--     before it knows its tenant, readable by the application role, no tenant_id;
--   * tenant-owned tables (pages, audit_events, and every later feature's tables): carry
--     tenant_id and sit behind row-level security. SchemaWallsTest fails the build if a
--     table with a tenant_id column lacks the wall.
--
-- The application connects as ${app_role}, which owns nothing; the migrator (the
-- DATABASE_URL user) owns the tables. Each transaction of the application says which
-- tenants it may see through the setting app.tenants (see TenantDb).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
    -- LOGIN and the password are set by the application's bootstrap, never in a script.
    CREATE ROLE ${app_role} NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO ${app_role};

-- The tenants the current transaction may see, as set by TenantDb. Unset means none:
-- a query that forgot its scope sees nothing rather than everything.
CREATE FUNCTION app_visible_tenants() RETURNS bigint[]
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(nullif(current_setting('app.tenants', true), ''), '{}')::bigint[] $$;

-- ---------------------------------------------------------------------------------------
-- Regulation presets: what a province's regulation asks, as data a province picks and
-- edits (REQUIREMENTS.md §5, §6). Filled by V2.
CREATE TABLE regulation_presets (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code             text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,3}-[0-9]{4}$'),
  name             text NOT NULL,
  province_name    text NOT NULL,
  year             integer NOT NULL,
  legal_basis      text NOT NULL,
  -- PROVINCE_FLAT: every component site is <label>.<province domain> (ND 224/2026 Đ11.4);
  -- DISTRICT_NESTED: communes sit under their district, <commune>.<district>.<province domain> (BG 2023 Đ4).
  domain_scheme    text NOT NULL CHECK (domain_scheme IN ('PROVINCE_FLAT', 'DISTRICT_NESTED')),
  -- PATH: /en, /ko on the same host; HOST: english.<host> (VP 2017).
  language_scheme  text NOT NULL CHECK (language_scheme IN ('PATH', 'HOST')),
  languages        text[] NOT NULL DEFAULT '{vi}',
  -- Whether a site may go live without its EMC id and mandatory pages (never, by ND 224; kept editable).
  go_live_requires_emc boolean NOT NULL DEFAULT true,
  notes            text,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Update deadlines per content type. 'amount' of 'unit' counted from 'counted_from';
-- direction BEFORE is VP's "at least N working days before the procedure takes effect".
CREATE TABLE preset_deadlines (
  preset_id     bigint NOT NULL REFERENCES regulation_presets ON DELETE CASCADE,
  content_type  text NOT NULL CHECK (content_type ~ '^[a-z_]+$'),
  amount        integer CHECK (amount >= 0),
  unit          text NOT NULL CHECK (unit IN ('HOURS', 'WORKING_HOURS', 'DAYS', 'WORKING_DAYS',
                                               'SAME_DAY', 'IMMEDIATELY', 'MONTHLY_BY_DAY', 'REGULARLY')),
  counted_from  text NOT NULL CHECK (counted_from IN ('EVENT', 'EVENT_END', 'SIGNING', 'ISSUE', 'RECEIPT',
                                                       'RELEASE', 'EFFECTIVE', 'APPROVAL', 'MONTH')),
  direction     text NOT NULL DEFAULT 'AFTER' CHECK (direction IN ('AFTER', 'BEFORE')),
  legal_basis   text NOT NULL,
  PRIMARY KEY (preset_id, content_type),
  CHECK ((unit IN ('SAME_DAY', 'IMMEDIATELY', 'REGULARLY')) = (amount IS NULL))
);

-- Monthly quotas per tenant kind (TN Đ7.3: each department >= 2 items a month to the portal).
CREATE TABLE preset_quotas (
  preset_id      bigint NOT NULL REFERENCES regulation_presets ON DELETE CASCADE,
  tenant_kind    text NOT NULL CHECK (tenant_kind IN ('DEPARTMENT', 'DISTRICT', 'COMMUNE', 'WARD')),
  content_scope  text NOT NULL DEFAULT 'news',
  min_per_month  integer NOT NULL CHECK (min_per_month >= 0),
  -- PROVIDED_TO_PARENT: items proposed to and accepted by the parent portal count;
  -- PUBLISHED: items published on the site itself count.
  counted        text NOT NULL CHECK (counted IN ('PROVIDED_TO_PARENT', 'PUBLISHED')),
  legal_basis    text NOT NULL,
  PRIMARY KEY (preset_id, tenant_kind, content_scope)
);

-- Periodic report forms (BG's annex Mẫu 01 and 02; the others report on a free form).
CREATE TABLE preset_report_forms (
  preset_id    bigint NOT NULL REFERENCES regulation_presets ON DELETE CASCADE,
  code         text NOT NULL,
  name         text NOT NULL,
  periods      text[] NOT NULL CHECK (periods <@ ARRAY['HALF_YEAR', 'YEAR', 'QUARTER', 'MONTH']),
  -- Ordered list of {"no": "2", "label": "...", "answer": "COUNT_OF_TOTAL|YES_NO|COUNT|POSTED_STATE|TEXT"}.
  fields       jsonb NOT NULL DEFAULT '[]',
  legal_basis  text NOT NULL,
  PRIMARY KEY (preset_id, code)
);

-- ---------------------------------------------------------------------------------------
-- The tenant tree: province (root) -> departments, districts -> communes and wards.
CREATE TABLE tenants (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id      bigint REFERENCES tenants,
  kind           text NOT NULL CHECK (kind IN ('PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'WARD')),
  status         text NOT NULL DEFAULT 'ACTIVE'
                 CHECK (status IN ('REQUESTED', 'ACTIVE', 'SUSPENDED', 'MERGED', 'ARCHIVED')),
  -- The DNS label of this tenant under its parent (for a province: its own first label).
  subdomain      text NOT NULL CHECK (subdomain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
  name           text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  short_name     text,
  -- Official administrative-unit code (mã đơn vị hành chính); departments have none.
  admin_code     text CHECK (admin_code ~ '^[0-9]{2,5}$'),
  emc_site_id    bigint CHECK (emc_site_id > 0),
  theme          text NOT NULL CHECK (theme ~ '^[a-z][a-z0-9-]*$'),
  languages      text[] NOT NULL DEFAULT '{vi}',
  -- Province only: the domains its sites live under, first one canonical
  -- (e.g. {thainguyen.gov.vn} in production, {thainguyen.localhost} in the demo).
  base_domains   text[],
  preset_id      bigint REFERENCES regulation_presets,
  -- Where a MERGED tenant's visitors go.
  merged_into_id bigint REFERENCES tenants,
  -- Branding and the footer every page must carry (TT 32/2017 Đ16).
  logo_url            text,
  primary_color       text CHECK (primary_color ~ '^#[0-9a-fA-F]{6}$'),
  footer_agency       text,
  footer_responsible  text,
  footer_address      text,
  footer_phone        text,
  footer_email        text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'PROVINCE') = (parent_id IS NULL)),
  CHECK ((kind = 'PROVINCE') = (base_domains IS NOT NULL AND preset_id IS NOT NULL)),
  CHECK ((status = 'MERGED') = (merged_into_id IS NOT NULL))
);
-- Sibling labels are unique; two provinces cannot share a label either.
CREATE UNIQUE INDEX tenants_label_under_parent ON tenants (coalesce(parent_id, 0), subdomain);
CREATE UNIQUE INDEX tenants_admin_code ON tenants (admin_code) WHERE admin_code IS NOT NULL;
CREATE INDEX tenants_parent ON tenants (parent_id);

-- Hosts that are not derived from the tree: aliases (vinhphuc.vn), custom domains,
-- language hosts (english.vinhphuc.gov.vn) and former hosts kept after a rename, which
-- answer 301 to the tenant's current host for ever.
CREATE TABLE tenant_hosts (
  host       text PRIMARY KEY CHECK (host = lower(host) AND host ~ '^[a-z0-9.-]{1,253}$'),
  tenant_id  bigint NOT NULL REFERENCES tenants,
  purpose    text NOT NULL CHECK (purpose IN ('ALIAS', 'LANGUAGE', 'FORMER')),
  language   text CHECK (language ~ '^[a-z]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((purpose = 'LANGUAGE') = (language IS NOT NULL))
);
CREATE INDEX tenant_hosts_tenant ON tenant_hosts (tenant_id);
-- A directory table despite its tenant_id: read before any tenant is known. SchemaWallsTest
-- exempts tables whose comment starts with "platform:" and nothing else.
COMMENT ON TABLE tenant_hosts IS 'platform: host directory, read before a tenant is resolved';

GRANT SELECT ON regulation_presets, preset_deadlines, preset_quotas, preset_report_forms,
                tenants, tenant_hosts TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON preset_deadlines, preset_quotas, preset_report_forms TO ${app_role};
GRANT INSERT, UPDATE ON regulation_presets, tenants TO ${app_role};
GRANT INSERT, UPDATE, DELETE ON tenant_hosts TO ${app_role};
GRANT USAGE ON SEQUENCE regulation_presets_id_seq, tenants_id_seq TO ${app_role};

-- ---------------------------------------------------------------------------------------
-- Tenant-owned tables. Every one: tenant_id NOT NULL, RLS enabled and forced, the policy
-- tenant_wall, and keys that start with tenant_id.

-- Static pages of a site (Giới thiệu, Liên hệ, Kênh thông tin chính thức…).
CREATE TABLE pages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   bigint NOT NULL REFERENCES tenants,
  language    text NOT NULL DEFAULT 'vi' CHECK (language ~ '^[a-z]{2}$'),
  slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body_html   text NOT NULL DEFAULT '',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, language, slug)
);

-- Who did what, when, from where. Append-only: the application may insert and read.
CREATE TABLE audit_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id  bigint NOT NULL REFERENCES tenants,
  at         timestamptz NOT NULL DEFAULT now(),
  actor      text NOT NULL,
  action     text NOT NULL CHECK (action ~ '^[a-z]+(\.[a-z_]+)+$'),
  subject    text,
  detail     jsonb NOT NULL DEFAULT '{}',
  source_ip  inet
);
CREATE INDEX audit_events_tenant_at ON audit_events (tenant_id, at DESC);

ALTER TABLE pages ENABLE ROW LEVEL SECURITY;
ALTER TABLE pages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON pages
  USING (tenant_id = ANY (app_visible_tenants()))
  WITH CHECK (tenant_id = ANY (app_visible_tenants()));

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON audit_events
  USING (tenant_id = ANY (app_visible_tenants()))
  WITH CHECK (tenant_id = ANY (app_visible_tenants()));

GRANT SELECT, INSERT, UPDATE, DELETE ON pages TO ${app_role};
GRANT SELECT, INSERT ON audit_events TO ${app_role};
GRANT USAGE ON SEQUENCE pages_id_seq, audit_events_id_seq TO ${app_role};
