-- Provisioning and the life of a site (issue: tenant admins provision and run component sites).

-- 1. Merging site A into site B moves A's rows to B. The rows of a site refer to each other by
--    (tenant_id, id) pairs (an article's revisions, its category, its translations; a medium's
--    variants), so moving them one table at a time breaks a key until the last table is done.
--    Deferrable keys are checked at commit instead: a merge moves everything, then commits or
--    fails whole. Keys stay immediate for every other transaction (INITIALLY IMMEDIATE).
DO $$
DECLARE
  fk record;
BEGIN
  FOR fk IN
    SELECT c.conrelid::regclass AS tbl, c.conname
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) > 1
      AND EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) AND a.attname = 'tenant_id')
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', fk.tbl, fk.conname);
  END LOOP;
END
$$;

-- 2. One-time sign-in links: the head of a new site's board (and anyone whose password is
--    reset) sets a password through a link that works once, for a short time, on one site.
--    Only the SHA-256 of the token is kept, so a copy of this table opens nothing.
CREATE TABLE sign_in_links (
  token_sha256  bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
  account_id    bigint NOT NULL REFERENCES accounts,
  tenant_id     bigint NOT NULL REFERENCES tenants,
  purpose       text NOT NULL CHECK (purpose IN ('FIRST_SIGN_IN', 'RESET')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX sign_in_links_account ON sign_in_links (account_id);
COMMENT ON TABLE sign_in_links IS 'platform: read before anyone is signed in';
GRANT SELECT, INSERT, UPDATE ON sign_in_links TO ${app_role};

-- 3. Revisions and ratings are append-only for the application: it may not change what they
--    say. A merge must still move them to the site that lives on, so the application may
--    change which site they belong to, and nothing else (column privileges).
GRANT UPDATE (tenant_id) ON article_revisions, ratings TO ${app_role};
