-- A site's media were served to anyone who asked for /media/<id>/…, and ids are a sequence: an
-- image uploaded for a draft (an announcement not yet approved, a decision not yet signed) could
-- be read by counting. From now on a visitor gets a medium only once something visitors see links
-- it; the board, signed in, reads every medium of its own site (MediaController).
--
-- "Something visitors see" is, for a site's own media (links are /media/<id>/<variant>, relative
-- or absolute, as the editors and MediaController write them):
--   * an article whose row is PUBLISHED (its public text: a pending change lives in
--     article_revisions, V27, and does not count until approved into the row),
--   * a page row that is not a placeholder (the row is the approved text, V28; drafts live in
--     page_revisions),
--   * the site's own emblem, banner or menu (tenants.logo_url, banner_url, menu_urls: public as
--     soon as the board saves them).
-- The mark is kept, not recomputed: once published, a file has been seen, fetched and cached (it
-- is served "immutable" for a year), so withdrawing the article does not make it secret again.
-- It is set by triggers, so every way content goes public (approval, the scheduler, a site import
-- or merge, settings) marks its media without each of them having to remember to.
--
-- The ids stay a sequence: bodies, exports and imports link media by id (References). What a
-- guess can reach is decided by this mark, not by how hard the id is to guess.

ALTER TABLE media ADD COLUMN public_since timestamptz;

-- The ids a text links as /media/<id>/… (at most 18 digits: a bigint).
CREATE FUNCTION media_ids_linked(body text) RETURNS bigint[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT m[1]::bigint), '{}')
  FROM regexp_matches(coalesce(body, ''), '/media/([0-9]{1,18})/', 'g') AS m
$$;

-- Marks the media of site `site` that `body` links as public. Runs as the caller, inside its
-- transaction and under its walls: the caller is writing that site's content, so it sees that
-- site's media, and another site's ids in a body mark nothing (tenant_id is the body's own).
CREATE FUNCTION media_mark_public(site bigint, body text) RETURNS void
  LANGUAGE sql
AS $$
  UPDATE media SET public_since = now()
  WHERE tenant_id = site AND public_since IS NULL AND id = ANY (media_ids_linked(body))
$$;

CREATE FUNCTION media_public_by_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM media_mark_public(NEW.tenant_id, coalesce(NEW.featured_image, '') || ' ' || NEW.body_html);
  RETURN NULL;
END
$$;

CREATE FUNCTION media_public_by_page() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM media_mark_public(NEW.tenant_id, NEW.body_html);
  RETURN NULL;
END
$$;

CREATE FUNCTION media_public_by_site() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM media_mark_public(NEW.id, concat_ws(' ', NEW.logo_url, NEW.banner_url,
                                              array_to_string(NEW.menu_urls, ' ')));
  RETURN NULL;
END
$$;

CREATE TRIGGER articles_publish_media AFTER INSERT OR UPDATE OF status, body_html, featured_image, tenant_id ON articles
  FOR EACH ROW WHEN (NEW.status = 'PUBLISHED' AND (NEW.body_html LIKE '%/media/%' OR NEW.featured_image LIKE '%/media/%'))
  EXECUTE FUNCTION media_public_by_article();
CREATE TRIGGER pages_publish_media AFTER INSERT OR UPDATE OF body_html, placeholder, tenant_id ON pages
  FOR EACH ROW WHEN (NOT NEW.placeholder AND NEW.body_html LIKE '%/media/%')
  EXECUTE FUNCTION media_public_by_page();
CREATE TRIGGER tenants_publish_media AFTER INSERT OR UPDATE OF logo_url, banner_url, menu_urls ON tenants
  FOR EACH ROW EXECUTE FUNCTION media_public_by_site();

-- What is public today stays public: the same rule over what is already there, counting an
-- article withdrawn since (ARCHIVED, published_at kept) as the mark would have. The walls apply
-- to the owner too (FORCE ROW LEVEL SECURITY): this transaction is given every site to see.
SELECT set_config('app.tenants', coalesce((SELECT array_agg(id)::text FROM tenants), '{}'), true);
UPDATE media m SET public_since = now()
WHERE EXISTS (SELECT 1 FROM articles a WHERE a.tenant_id = m.tenant_id
                AND (a.status = 'PUBLISHED' OR a.published_at IS NOT NULL)
                AND m.id = ANY (media_ids_linked(coalesce(a.featured_image, '') || ' ' || a.body_html)))
   OR EXISTS (SELECT 1 FROM pages p WHERE p.tenant_id = m.tenant_id AND NOT p.placeholder
                AND m.id = ANY (media_ids_linked(p.body_html)))
   OR EXISTS (SELECT 1 FROM tenants t WHERE t.id = m.tenant_id
                AND m.id = ANY (media_ids_linked(concat_ws(' ', t.logo_url, t.banner_url,
                                                           array_to_string(t.menu_urls, ' ')))));
