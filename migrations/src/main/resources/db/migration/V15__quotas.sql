-- Resource quotas per site (issue 5): storage, board members, uploads a day. A NULL is the
-- default for the site's kind (vn.gov.portal.tenancy.Quotas), so a province can change the
-- defaults without touching every row; a number is the province's override for that site.
ALTER TABLE tenants ALTER COLUMN storage_quota_bytes DROP NOT NULL;
ALTER TABLE tenants ALTER COLUMN storage_quota_bytes DROP DEFAULT;
UPDATE tenants SET storage_quota_bytes = NULL WHERE storage_quota_bytes = 2147483648;
ALTER TABLE tenants ADD COLUMN member_quota integer CHECK (member_quota >= 0);
ALTER TABLE tenants ADD COLUMN daily_upload_quota integer CHECK (daily_upload_quota >= 0);
CREATE INDEX media_uploaded ON media (tenant_id, uploaded_at);
