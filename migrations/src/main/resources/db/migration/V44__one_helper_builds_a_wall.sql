-- One helper builds a tenant wall, so a new table's migration calls it instead of pasting the
-- policy text (15 migrations before this one carry a copy, and V12's copy lacked IS TRUE).
--
--   SELECT portal_create_tenant_wall('my_table');    -- rows of one site: tenant_id
--   SELECT portal_create_province_wall('my_table');  -- rows of one province: province_id
--
-- Each enables and forces row-level security on the table (forced: the owner is walled too)
-- and creates the policy exactly as V10 wrote the walls: the scope read once per statement in
-- a sub-select, the comparison wrapped in IS TRUE so the planner does not take the wall for an
-- index condition (V10 says why). SchemaWallsTest holds every wall to that text.
--
-- They run as the migrator, the schema owner (only a table's owner may enable row-level
-- security or create its policies); the application role may not call them. Grants stay with
-- the migration that creates the table: what the application may do to it differs per table.
-- A table with another door besides its own rows (proposals' parent_id, V10; the jobs role's
-- read, V42) gets its wall from the helper and the extra policy written beside it.
CREATE FUNCTION portal_create_wall(tbl regclass, wall_column name, policy name) RETURNS void
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute
                 WHERE attrelid = tbl AND attname = wall_column AND NOT attisdropped
                   AND atttypid = 'bigint'::regtype AND attnotnull) THEN
    RAISE EXCEPTION '% needs a column % bigint NOT NULL to be walled by it', tbl, wall_column;
  END IF;
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY %I ON %s '
                 'USING ((%I = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE) '
                 'WITH CHECK ((%I = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)',
                 policy, tbl, wall_column, wall_column);
END
$$;

CREATE FUNCTION portal_create_tenant_wall(tbl regclass) RETURNS void
  LANGUAGE sql
AS $$ SELECT portal_create_wall(tbl, 'tenant_id', 'tenant_wall') $$;

CREATE FUNCTION portal_create_province_wall(tbl regclass) RETURNS void
  LANGUAGE sql
AS $$ SELECT portal_create_wall(tbl, 'province_id', 'province_wall') $$;

REVOKE EXECUTE ON FUNCTION portal_create_wall(regclass, name, name) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION portal_create_tenant_wall(regclass) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION portal_create_province_wall(regclass) FROM PUBLIC;
