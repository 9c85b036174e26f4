-- Pages change only through review (issue 12; TN Đ5.3: nothing goes public without the head's or a
-- deputy head's approval; Đ10.1: keep every version). Until now a save of an introduction or
-- mandatory page was public at once and overwrote the text.
--
-- The pages row stays what visitors read (the approved version: the public site, the site map, the
-- feeds and MandatoryPageGaps read it unchanged); the board's work lives in page_revisions, every
-- save whole, and the row says which revision is the latest, which one is public, and where the
-- latest stands (DRAFT, PENDING for approval, or PUBLISHED = the latest is the public one).
-- A mandatory page stays a placeholder until its first version is approved; so does a translation
-- (a row in another language under the same address), mandatory or not: V18's rule that only a
-- mandatory page is a placeholder gives way to "a placeholder has never been reviewed".
ALTER TABLE pages DROP CONSTRAINT pages_placeholder_is_mandatory_and_unreviewed;
ALTER TABLE pages ADD CONSTRAINT pages_placeholder_is_unreviewed CHECK (NOT placeholder OR reviewed_at IS NULL);
ALTER TABLE pages ADD CONSTRAINT pages_tenant_id_id UNIQUE (tenant_id, id);
-- 0: no revision kept yet (pages written before this script: their text is public, unversioned).
ALTER TABLE pages ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0);
ALTER TABLE pages ADD COLUMN published_revision integer;
ALTER TABLE pages ADD CONSTRAINT pages_published_revision_kept
  CHECK (published_revision IS NULL OR published_revision BETWEEN 1 AND revision);
ALTER TABLE pages ADD COLUMN status text NOT NULL DEFAULT 'PUBLISHED'
  CHECK (status IN ('DRAFT', 'PENDING', 'PUBLISHED'));
-- Who sent the latest change for approval (four eyes: not the one who approves it), and when.
ALTER TABLE pages ADD COLUMN submitted_by bigint REFERENCES accounts;
ALTER TABLE pages ADD COLUMN submitted_at timestamptz;
-- Why the last change was sent back (shown to the writer until the next submission).
ALTER TABLE pages ADD COLUMN review_reason text;

-- Every save, whole. Append-only for the application, like article_revisions: it may read and add,
-- and (for a merge) change which site a revision belongs to, nothing else. saved_by is null where
-- the platform wrote the text (a new site's introduction, the demo's sample pages, the public text
-- of a page written before revisions were kept).
CREATE TABLE page_revisions (
  tenant_id  bigint NOT NULL,
  page_id    bigint NOT NULL,
  revision   integer NOT NULL CHECK (revision >= 1),
  saved_by   bigint REFERENCES accounts,
  saved_at   timestamptz NOT NULL DEFAULT now(),
  note       text,
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body_html  text NOT NULL,
  PRIMARY KEY (tenant_id, page_id, revision),
  -- Deferrable like V11's keys, so a merge moves pages and revisions one table at a time. A page row
  -- goes only when its site is deleted or a merge drops a placeholder: its unapproved drafts go with it.
  FOREIGN KEY (tenant_id, page_id) REFERENCES pages (tenant_id, id) ON DELETE CASCADE
    DEFERRABLE INITIALLY IMMEDIATE
);

ALTER TABLE page_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE page_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON page_revisions
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);

GRANT SELECT, INSERT ON page_revisions TO ${app_role};
GRANT UPDATE (tenant_id) ON page_revisions TO ${app_role};
