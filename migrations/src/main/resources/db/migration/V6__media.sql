-- Each site's media library: images and documents, their variants, and the storage quota.

ALTER TABLE tenants ADD COLUMN storage_quota_bytes bigint NOT NULL DEFAULT 2147483648
  CHECK (storage_quota_bytes >= 0);

CREATE TABLE media (
  tenant_id      bigint NOT NULL REFERENCES tenants,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  kind           text NOT NULL CHECK (kind IN ('IMAGE', 'DOCUMENT')),
  -- Decided from the bytes (Apache Tika), never from the name the uploader gave.
  content_type   text NOT NULL,
  original_name  text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key    text NOT NULL,
  width          integer,
  height         integer,
  alt            text,
  uploaded_by    bigint NOT NULL REFERENCES accounts,
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (id),
  CHECK (kind <> 'IMAGE' OR (alt IS NOT NULL AND length(alt) > 0))
);

-- Resized copies of an image: thumbnail, card, full.
CREATE TABLE media_variants (
  tenant_id    bigint NOT NULL,
  media_id     bigint NOT NULL,
  variant      text NOT NULL CHECK (variant IN ('thumb', 'card', 'full')),
  width        integer NOT NULL,
  height       integer NOT NULL,
  size_bytes   bigint NOT NULL,
  storage_key  text NOT NULL,
  PRIMARY KEY (tenant_id, media_id, variant),
  FOREIGN KEY (tenant_id, media_id) REFERENCES media (tenant_id, id)
);

ALTER TABLE media ENABLE ROW LEVEL SECURITY;
ALTER TABLE media FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON media
  USING (tenant_id = ANY (app_visible_tenants())) WITH CHECK (tenant_id = ANY (app_visible_tenants()));
ALTER TABLE media_variants ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_variants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON media_variants
  USING (tenant_id = ANY (app_visible_tenants())) WITH CHECK (tenant_id = ANY (app_visible_tenants()));

GRANT SELECT, INSERT, UPDATE, DELETE ON media, media_variants TO ${app_role};
GRANT USAGE ON SEQUENCE media_id_seq TO ${app_role};
