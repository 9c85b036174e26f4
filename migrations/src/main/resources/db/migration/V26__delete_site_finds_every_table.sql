-- delete_site() needs no new version for each new tenant table (V13's named them all, so every
-- feature that added one had to copy the whole function): after the tables whose order matters
-- it deletes the site's rows from every table with a tenant_id — mail, oversight facts and
-- reminders, reports, conformance results, royalties — and still refuses if any is left.
-- The rest is V13's.
CREATE OR REPLACE FUNCTION delete_site(site bigint) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  t tenants%ROWTYPE;
  counts jsonb := '{}';
  n bigint;
  tbl text;
  left_over boolean;
BEGIN
  IF NOT (site = ANY (app_visible_tenants())) THEN
    RAISE EXCEPTION 'delete_site(%): the site is not in this transaction''s scope', site
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO t FROM tenants WHERE id = site FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'delete_site(%): no such site', site USING ERRCODE = 'no_data_found';
  END IF;
  IF t.kind = 'PROVINCE' OR t.status NOT IN ('ARCHIVED', 'SUSPENDED') THEN
    RAISE EXCEPTION 'delete_site(%): only an archived or suspended component site may be deleted', site
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF EXISTS (SELECT 1 FROM tenants WHERE parent_id = site OR merged_into_id = site) THEN
    RAISE EXCEPTION 'delete_site(%): other sites hang under it or redirect to it', site
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;

  SET CONSTRAINTS ALL DEFERRED;
  -- site_requests (V12) belong to the province: the approved request that made this site names it,
  -- and goes with it (the province's audit log keeps the request's approval and this deletion).
  FOREACH tbl IN ARRAY ARRAY['proposals', 'media_variants', 'media', 'article_revisions', 'articles',
                             'categories', 'pages', 'ratings', 'memberships', 'audit_events',
                             'sign_in_links', 'tenant_hosts', 'site_requests']
  LOOP
    -- Migrations run out of order (Migrator): a table of a later script may not exist yet.
    CONTINUE WHEN to_regclass('public.' || tbl) IS NULL;
    EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', tbl) USING site;
    GET DIAGNOSTICS n = ROW_COUNT;
    counts := counts || jsonb_build_object(tbl, n);
  END LOOP;

  -- Every other table that holds the site's rows (mail, oversight facts and reminders, reports,
  -- results of later features): their keys to the site's own rows are deferred like the rest,
  -- and their key to tenants leaves no other choice, so a feature that adds a table need not
  -- replace this function again.
  FOR tbl IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables it ON it.table_schema = c.table_schema AND it.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND it.table_type = 'BASE TABLE'
      AND NOT (counts ? c.table_name)
    ORDER BY c.table_name
  LOOP
    EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', tbl) USING site;
    GET DIAGNOSTICS n = ROW_COUNT;
    counts := counts || jsonb_build_object(tbl, n);
  END LOOP;

  FOR tbl IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables it ON it.table_schema = c.table_schema AND it.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND it.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE tenant_id = $1)', tbl) INTO left_over USING site;
    IF left_over THEN
      RAISE EXCEPTION 'delete_site(%): table % still holds rows of the site; teach delete_site about it', site, tbl;
    END IF;
  END LOOP;

  DELETE FROM tenants WHERE id = site;
  RETURN counts;
END
$$;
