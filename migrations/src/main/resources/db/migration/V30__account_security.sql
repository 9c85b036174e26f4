-- Account security (issue 12, Build 3): a second factor, its recovery codes, and the province's
-- policy on who must have one.
--
-- The second factor and the recovery codes belong to the person, like accounts: platform
-- tables, read at sign-in before any tenant scope exists, never carried by a site's export.

-- TOTP (RFC 6238): the shared secret (20 random bytes, SHA-1's block of key). confirmed_at is
-- null while enrolment waits for the first code; only a confirmed secret is asked for at
-- sign-in. last_step is the last 30-second step a code was accepted for, so a code seen over a
-- shoulder cannot be used again within its window.
CREATE TABLE account_second_factors (
  account_id    bigint PRIMARY KEY REFERENCES accounts,
  secret        bytea NOT NULL CHECK (length(secret) = 20),
  confirmed_at  timestamptz,
  last_step     bigint,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE account_second_factors IS 'platform: the person''s, read at sign-in';
GRANT SELECT, INSERT, UPDATE, DELETE ON account_second_factors TO ${app_role};

-- Ten one-time codes for a lost phone. Only their SHA-256 is kept: each is 50 random bits,
-- not a password a person chose, and sign-in is throttled, so a slow hash would add nothing.
CREATE TABLE account_recovery_codes (
  account_id   bigint NOT NULL REFERENCES accounts,
  code_sha256  bytea NOT NULL CHECK (length(code_sha256) = 32),
  used_at      timestamptz,
  PRIMARY KEY (account_id, code_sha256)
);
COMMENT ON TABLE account_recovery_codes IS 'platform: the person''s, read at sign-in';
GRANT SELECT, INSERT, UPDATE, DELETE ON account_recovery_codes TO ${app_role};

-- A province's policy, set by its head: whether heads and site admins of the province and of
-- every site under it must have a second factor (PLATFORM_ADMIN always must).
CREATE TABLE security_policies (
  tenant_id                        bigint PRIMARY KEY REFERENCES tenants,
  require_second_factor_for_heads  boolean NOT NULL DEFAULT false,
  updated_at                       timestamptz NOT NULL DEFAULT now(),
  updated_by                       text NOT NULL
);
ALTER TABLE security_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON security_policies
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
GRANT SELECT, INSERT, UPDATE, DELETE ON security_policies TO ${app_role};
