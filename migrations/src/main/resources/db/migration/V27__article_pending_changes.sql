-- Published articles change only through review (issue 12, Build 5). An edit or a restore of a
-- PUBLISHED or SCHEDULED article becomes a pending change: a new row in article_revisions (its
-- title, summary, body, and the other fields in `fields`), named here, while the articles row
-- stays the approved, public version. Every public query, the search vector and the page cache
-- therefore keep reading the one row they always read.
ALTER TABLE articles
  ADD COLUMN pending_revision integer,
  ADD COLUMN pending_by       bigint REFERENCES accounts,
  ADD COLUMN pending_at       timestamptz,
  ADD CONSTRAINT articles_pending_whole
    CHECK ((pending_revision IS NULL) = (pending_by IS NULL) AND (pending_revision IS NULL) = (pending_at IS NULL)),
  ADD CONSTRAINT articles_pending_revision
    FOREIGN KEY (tenant_id, id, pending_revision) REFERENCES article_revisions (tenant_id, article_id, revision)
    -- Deferrable like every key between a site's rows (V11): merge and import move them in any order.
    DEFERRABLE INITIALLY IMMEDIATE;

-- A change sent back stays in the history with who refused it and why. Revisions stay
-- append-only for their content: the application may fill in only these three columns.
ALTER TABLE article_revisions
  ADD COLUMN rejected_by     bigint REFERENCES accounts,
  ADD COLUMN rejected_at     timestamptz,
  ADD COLUMN rejected_reason text;

GRANT UPDATE (rejected_by, rejected_at, rejected_reason) ON article_revisions TO ${app_role};
