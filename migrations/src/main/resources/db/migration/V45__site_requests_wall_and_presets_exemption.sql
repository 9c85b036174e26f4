-- 1. V12 wrote site_requests' wall without "IS TRUE", the one wall of its kind (V10 says why
--    every wall is wrapped). It is rebuilt by the helper of V44: same rows admitted, the
--    planner no longer uses the wall as an index condition. Dropped and made again in this
--    migration's transaction, so no statement ever sees the table unwalled.
DROP POLICY province_wall ON site_requests;
SELECT portal_create_province_wall('site_requests');

-- 2. regulation_presets has province_id since V31 (a province's own copy of a preset), but it is
--    a platform table: the directory reads presets with no tenant visible (TenantProvisioning,
--    ReportForms), so it has no wall. Said here in the form SchemaWallsTest reads, now that the
--    test covers every table with province_id too.
COMMENT ON TABLE regulation_presets IS
  'platform: presets are read by the directory before a tenant is in scope; a province''s copy names it in province_id';
