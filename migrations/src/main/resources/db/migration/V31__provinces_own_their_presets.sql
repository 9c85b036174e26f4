-- Provinces created by the platform operator (issue 12, Build 1).
--
-- 1. Each province edits its own copy of the regulation preset it started from, never the
--    shipped one another province also started from. A copy has no code (the shipped presets
--    keep theirs, unique, and everything that looks a preset up by code finds only those); it
--    names the province that owns it and the code it was copied from.
ALTER TABLE regulation_presets ALTER COLUMN code DROP NOT NULL;
ALTER TABLE regulation_presets ADD COLUMN province_id bigint UNIQUE REFERENCES tenants;
ALTER TABLE regulation_presets ADD COLUMN based_on text;
ALTER TABLE regulation_presets ADD CONSTRAINT regulation_presets_shipped_or_copy
  CHECK ((code IS NULL) = (province_id IS NOT NULL) AND (province_id IS NULL OR based_on IS NOT NULL));

-- Copies preset {src} for province {province} with every row that hangs off it: quotas,
-- deadlines, mandatory pages, report forms. The child tables are copied column for column
-- whatever columns later migrations give them (jsonb round trip), so a column added to a
-- preset table is copied without touching this function. Used by this migration for the
-- provinces that exist and by the application (TenantProvisioning) for every new one.
CREATE FUNCTION copy_regulation_preset(src bigint, province bigint) RETURNS bigint
  LANGUAGE plpgsql
AS $$
DECLARE
  cols text;
  copy_id bigint;
  child text;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = 'regulation_presets'
    AND column_name NOT IN ('id', 'code', 'province_id', 'based_on', 'updated_at');
  EXECUTE format('INSERT INTO regulation_presets (%s, province_id, based_on) '
                 'SELECT %s, $2, coalesce(code, based_on) FROM regulation_presets WHERE id = $1 RETURNING id', cols, cols)
    INTO copy_id USING src, province;
  IF copy_id IS NULL THEN
    RAISE EXCEPTION 'no regulation preset %', src;
  END IF;
  FOREACH child IN ARRAY ARRAY['preset_quotas', 'preset_deadlines', 'preset_mandatory_pages', 'preset_report_forms']
  LOOP
    EXECUTE format('INSERT INTO %1$I SELECT (jsonb_populate_record(NULL::%1$I, to_jsonb(c) || '
                   'jsonb_build_object(''preset_id'', $2))).* FROM %1$I c WHERE c.preset_id = $1', child)
      USING src, copy_id;
  END LOOP;
  RETURN copy_id;
END
$$;
GRANT EXECUTE ON FUNCTION copy_regulation_preset(bigint, bigint) TO ${app_role};

-- The provinces that exist (the demo's) get their copy the same way a new one does.
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT id, preset_id FROM tenants WHERE parent_id IS NULL LOOP
    UPDATE tenants SET preset_id = copy_regulation_preset(p.preset_id, p.id) WHERE id = p.id;
  END LOOP;
END $$;

-- 2. The first platform administrator (issue 12, Build 7): a deployment without the demo has
--    no account with a known password. The first start with no platform admin, and the
--    ops/admin script, make a one-time link on the platform host that sets one up. Only the
--    SHA-256 of the link's secret is kept; a link works once, for a short while.
CREATE TABLE platform_setup_links (
  token_sha256  bytea PRIMARY KEY CHECK (length(token_sha256) = 32),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  used_by       bigint REFERENCES accounts,
  CHECK (expires_at > created_at)
);
COMMENT ON TABLE platform_setup_links IS 'platform: read before anyone is signed in, on the platform host';
GRANT SELECT, INSERT, UPDATE ON platform_setup_links TO ${app_role};
