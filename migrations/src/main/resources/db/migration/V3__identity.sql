-- Accounts and board membership (REQUIREMENTS.md §3; TB Đ12.5, BG Đ17, TQ Đ17.3).
--
-- An account is a person, once for the whole platform: one person may sit on several boards
-- with different roles. Accounts are a platform table (sign-in reads them before any tenant
-- scope exists); which sites a person may act on lives in memberships, which are tenant-owned
-- and walled like every other tenant table.

CREATE TABLE accounts (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,62}$'),
  full_name      text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 200),
  email          text CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone          text CHECK (phone ~ '^[0-9 +().-]{6,20}$'),
  -- Argon2id in PHC string form ($argon2id$v=19$m=…); never logged, never sent.
  password_hash  text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  status         text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
  -- Infrastructure administration (quản trị hạ tầng), reaching every tenant.
  platform_role  text CHECK (platform_role IN ('PLATFORM_ADMIN')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON accounts TO ${app_role};
GRANT USAGE ON SEQUENCE accounts_id_seq TO ${app_role};

-- A seat on one site's board. A province's board members reach its whole subtree.
CREATE TABLE memberships (
  tenant_id   bigint NOT NULL REFERENCES tenants,
  account_id  bigint NOT NULL REFERENCES accounts,
  role        text NOT NULL CHECK (role IN ('CONTRIBUTOR', 'EDITOR', 'DEPUTY_HEAD', 'HEAD', 'SITE_ADMIN')),
  granted_at  timestamptz NOT NULL DEFAULT now(),
  granted_by  text NOT NULL,
  PRIMARY KEY (tenant_id, account_id, role)
);
CREATE INDEX memberships_account ON memberships (account_id);

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON memberships
  USING (tenant_id = ANY (app_visible_tenants()))
  WITH CHECK (tenant_id = ANY (app_visible_tenants()));
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO ${app_role};
