-- What visitors see beyond articles: a site's name in other languages, branding the board sets
-- without code (banner, extra menu entries, home blocks), official channels, and the
-- satisfaction ratings visitors leave (ND 224 Đ10.3b: no personal data).

-- Foreign-language pages show the agency's name in that language when the board gave one
-- (TT 24/2011: English pages carry English values).
ALTER TABLE tenants ADD COLUMN english_name text CHECK (english_name IS NULL OR length(english_name) BETWEEN 2 AND 200);
ALTER TABLE tenants ADD COLUMN banner_url text;
-- The home page's blocks, in order, chosen by the board.
ALTER TABLE tenants ADD COLUMN home_blocks text[] NOT NULL DEFAULT '{featured,latest,categories,pages}'
  CHECK (home_blocks <@ '{featured,latest,categories,provided,pages,directory}'::text[]);
-- Extra menu entries after the mandatory ones, as pairs: label i goes to url i.
ALTER TABLE tenants ADD COLUMN menu_labels text[] NOT NULL DEFAULT '{}';
ALTER TABLE tenants ADD COLUMN menu_urls text[] NOT NULL DEFAULT '{}';
ALTER TABLE tenants ADD CONSTRAINT tenants_menu_pairs CHECK (cardinality(menu_labels) = cardinality(menu_urls));

-- One visitor's rating of one page on four criteria (TN Đ12.1d). Deliberately nothing that
-- could identify the visitor: no address, no cookie, no time of day, only the date.
CREATE TABLE ratings (
  tenant_id   bigint NOT NULL REFERENCES tenants,
  id          bigint GENERATED ALWAYS AS IDENTITY,
  page_path   text NOT NULL CHECK (page_path ~ '^/' AND length(page_path) <= 300),
  interface   smallint NOT NULL CHECK (interface BETWEEN 1 AND 5),
  content     smallint NOT NULL CHECK (content BETWEEN 1 AND 5),
  quality     smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
  support     smallint NOT NULL CHECK (support BETWEEN 1 AND 5),
  rated_on    date NOT NULL DEFAULT current_date,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ratings_page ON ratings (tenant_id, page_path);

ALTER TABLE ratings ENABLE ROW LEVEL SECURITY;
ALTER TABLE ratings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON ratings
  USING (tenant_id = ANY (app_visible_tenants())) WITH CHECK (tenant_id = ANY (app_visible_tenants()));
-- Ratings are facts: the application adds and reads them, never edits them.
GRANT SELECT, INSERT ON ratings TO ${app_role};
GRANT USAGE ON SEQUENCE ratings_id_seq TO ${app_role};

-- Category and tag pages list a site's published items newest first, a page at a time.
CREATE INDEX articles_by_category ON articles (tenant_id, category_id, published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX articles_by_tag ON articles USING gin (tenant_id, tags) WHERE status = 'PUBLISHED';
CREATE INDEX articles_translations ON articles (tenant_id, original_id) WHERE original_id IS NOT NULL;
