-- Articles and their workflow (REQUIREMENTS.md §3): nothing reaches a visitor before the head
-- or a deputy head of that site's board approves it; every save is a revision, none deleted.

CREATE TABLE categories (
  tenant_id  bigint NOT NULL REFERENCES tenants,
  id         bigint GENERATED ALWAYS AS IDENTITY,
  parent_id  bigint,
  slug       text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, slug),
  UNIQUE (id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES categories (tenant_id, id)
);

CREATE TABLE articles (
  tenant_id       bigint NOT NULL REFERENCES tenants,
  id              bigint GENERATED ALWAYS AS IDENTITY,
  kind            text NOT NULL DEFAULT 'NEWS' CHECK (kind IN ('NEWS', 'EVENT', 'LAW_DISSEMINATION', 'ANNOUNCEMENT')),
  status          text NOT NULL DEFAULT 'DRAFT'
                  CHECK (status IN ('DRAFT', 'PENDING', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
  language        text NOT NULL DEFAULT 'vi' CHECK (language ~ '^[a-z]{2}$'),
  -- For a translation: the Vietnamese original it renders.
  original_id     bigint,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  slug            text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
  summary         text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  -- Sanitised against HtmlPolicy's allow-list before it is stored.
  body_html       text NOT NULL DEFAULT '',
  category_id     bigint,
  tags            text[] NOT NULL DEFAULT '{}',
  featured_image  text,
  featured_alt    text,
  author_id       bigint NOT NULL REFERENCES accounts,
  -- Quoted material (TQ Đ6.1c, VP Đ3.3).
  source_name     text,
  source_author   text,
  source_date     date,
  -- When the reported event happened: timeliness is measured from it.
  event_at        timestamptz,
  submitted_by    bigint REFERENCES accounts,
  submitted_at    timestamptz,
  reviewed_by     bigint REFERENCES accounts,
  reviewed_at     timestamptz,
  review_reason   text,
  forced_reason   text,
  publish_at      timestamptz,
  published_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  revision        integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (id),
  UNIQUE (tenant_id, language, slug),
  FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id),
  FOREIGN KEY (tenant_id, original_id) REFERENCES articles (tenant_id, id),
  CHECK (status <> 'SCHEDULED' OR publish_at IS NOT NULL),
  CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
);
CREATE INDEX articles_listing ON articles (tenant_id, status, published_at DESC);
CREATE INDEX articles_due ON articles (publish_at) WHERE status = 'SCHEDULED';

-- Every save, whole. Append-only for the application (TN Đ10.1: keep everything).
CREATE TABLE article_revisions (
  tenant_id    bigint NOT NULL,
  article_id   bigint NOT NULL,
  revision     integer NOT NULL,
  saved_by     bigint NOT NULL REFERENCES accounts,
  saved_at     timestamptz NOT NULL DEFAULT now(),
  note         text,
  title        text NOT NULL,
  summary      text NOT NULL,
  body_html    text NOT NULL,
  fields       jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, article_id, revision),
  FOREIGN KEY (tenant_id, article_id) REFERENCES articles (tenant_id, id)
);

ALTER TABLE categories ENABLE ROW LEVEL SECURITY;
ALTER TABLE categories FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON categories
  USING (tenant_id = ANY (app_visible_tenants())) WITH CHECK (tenant_id = ANY (app_visible_tenants()));
ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE articles FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON articles
  USING (tenant_id = ANY (app_visible_tenants())) WITH CHECK (tenant_id = ANY (app_visible_tenants()));
ALTER TABLE article_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON article_revisions
  USING (tenant_id = ANY (app_visible_tenants())) WITH CHECK (tenant_id = ANY (app_visible_tenants()));

GRANT SELECT, INSERT, UPDATE, DELETE ON categories TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON articles TO ${app_role};
GRANT SELECT, INSERT ON article_revisions TO ${app_role};
GRANT USAGE ON SEQUENCE categories_id_seq, articles_id_seq TO ${app_role};

-- The scheduler's one door across tenants: which scheduled items are due, nothing else.
-- SECURITY DEFINER runs as the owner (past RLS); it returns ids only, and the publishing itself
-- happens afterwards in each tenant's own scope.
CREATE FUNCTION due_scheduled_articles(max_rows integer)
  RETURNS TABLE (tenant_id bigint, article_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT a.tenant_id, a.id FROM articles a
  WHERE a.status = 'SCHEDULED' AND a.publish_at <= now()
  ORDER BY a.publish_at LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION due_scheduled_articles(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_scheduled_articles(integer) TO ${app_role};
