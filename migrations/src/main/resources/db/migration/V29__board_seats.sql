-- Boards managed through the product (issue 12, "Boards").
--
-- 1. Two more seats the regulations' seeds name: MEMBER (ủy viên: reads the back office and
--    comments on items waiting for approval, never writes) and SECRETARY (thư ký: an editor who
--    also prepares the board's periodic reports). V3 named the seats in an unnamed CHECK, which
--    PostgreSQL called memberships_role_check.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
  CHECK (role IN ('CONTRIBUTOR', 'EDITOR', 'DEPUTY_HEAD', 'HEAD', 'SITE_ADMIN', 'MEMBER', 'SECRETARY'));

-- 2. Review comments: any board member's remarks on an article waiting for approval, shown to the
--    reviewers beside it. Append-only for the application, like revisions: what was said about a
--    text before it went out stays on record. The key to the article is deferrable so a merge or
--    an import can move both in one transaction (SET CONSTRAINTS ALL DEFERRED).
CREATE TABLE article_comments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   bigint NOT NULL REFERENCES tenants,
  article_id  bigint NOT NULL,
  -- The revision the comment was written about: a later edit may have answered it.
  revision    integer NOT NULL,
  author_id   bigint NOT NULL REFERENCES accounts,
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, article_id) REFERENCES articles (tenant_id, id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX article_comments_article ON article_comments (tenant_id, article_id, created_at);

ALTER TABLE article_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON article_comments
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
-- UPDATE for a merge, which moves the rows to the other site; DELETE for delete_site().
GRANT SELECT, INSERT, UPDATE, DELETE ON article_comments TO ${app_role};
GRANT USAGE ON SEQUENCE article_comments_id_seq TO ${app_role};
