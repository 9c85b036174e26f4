-- Periodic reports (issue 6 item 6): every component site's board reports every six months and
-- every year (BG 2023 Đ12.7, TB Đ13.7, TQ Đ11.8, VP Đ17; TN Đ16.2e, Đ18.2đ) on the annex of the
-- Bắc Giang regulation: Mẫu 01 (what the site published, figures the platform fills from its own
-- data) and Mẫu 02 (problems and recommendations, written by the board). The site's head
-- submits; the province sees who has and has not, and compiles.
--
-- 1. What the annex lays out that a preset's report form did not hold yet, so that exports can
--    reproduce it without Java knowing a regulation's words:
--    * title: the line under "BÁO CÁO", without its period ("… 6 tháng/năm…" becomes the period);
--    * note: the sentence the annex prints under Mẫu 01's table;
--    * annex_label: "Mẫu 01", printed above the heading;
--    * a short "heading" per field: the annex's table heads its columns with short names
--      ("VB QPPL", "Tin PBPL") and explains each number below the table (the field's label);
--    * a "source" per Mẫu 01 field: which of the platform's figures fills the column
--      (oversight.reports.SiteFigures). A field without one, or with one the platform cannot
--      count yet (legal documents, procedures, statistics…: later features), shows "chưa có dữ
--      liệu", never a number;
--    * due_working_days: the deadline, in working days of the province's calendar after the
--      period ends. NULL when the regulation sets none: every seed is silent (BG Đ12.7d refers to
--      QĐ 22/2019/QĐ-UBND, which is not among them), and nothing is inferred (docs/presets.md).
--    A form whose fields are [] (TN, TQ, TB, VP: the regulation asks for a periodic report
--    without fixing its content) is filled on BG's annex, Mẫu 01 and Mẫu 02 together
--    (REQUIREMENTS.md §6: "BG's annex fixes the form").
ALTER TABLE preset_report_forms
  ADD COLUMN title text CHECK (length(title) BETWEEN 1 AND 500),
  ADD COLUMN note text CHECK (length(note) BETWEEN 1 AND 2000),
  ADD COLUMN annex_label text CHECK (length(annex_label) BETWEEN 1 AND 50),
  ADD COLUMN due_working_days integer CHECK (due_working_days BETWEEN 0 AND 365);

UPDATE preset_report_forms f
SET title = 'Tình hình cung cấp thông tin trên Cổng thông tin của đơn vị',
    note = 'Nội dung báo cáo theo tiêu chí thuộc Điều 4,5 Nghị định số 42/2022/NĐ-CP.',
    annex_label = 'Mẫu 01',
    fields = (SELECT jsonb_agg(e.field || jsonb_build_object('heading', h.heading, 'source', h.source) ORDER BY e.ord)
              FROM jsonb_array_elements(f.fields) WITH ORDINALITY AS e (field, ord)
              JOIN (VALUES ('2', 'VB QPPL', 'legal_documents'),
                           ('3', 'VB QLHC', 'administrative_documents'),
                           ('4', 'Thủ tục hành chính', 'procedures_integrated'),
                           ('5', 'Tin PBPL', 'law_dissemination_items'),
                           ('6', 'Chương trình kế hoạch', 'plans'),
                           ('7', 'Dự án', 'public_investment'),
                           ('8', 'Thông tin về bộ máy', 'organisation_info'),
                           ('9', 'Báo cáo tài chính', 'financial_report'),
                           ('10', 'Thông tin thống kê', 'statistics'),
                           ('11', 'Thông tin KHCN', 'science'),
                           ('12', 'Thông tin dịch bệnh', 'epidemics'),
                           ('13', 'Thông tin công khai', 'disclosure_list'),
                           ('14', 'Kênh thông tin', 'information_channels'))
                   AS h (no, heading, source) ON h.no = e.field ->> 'no')
FROM regulation_presets p
WHERE p.id = f.preset_id AND p.code = 'BG-2023' AND f.code = 'MAU_01';

UPDATE preset_report_forms f
SET title = 'Đánh giá, kiến nghị về hoạt động Cổng thông tin của đơn vị',
    annex_label = 'Mẫu 02',
    fields = (SELECT jsonb_agg(e.field || jsonb_build_object('heading', h.heading) ORDER BY e.ord)
              FROM jsonb_array_elements(f.fields) WITH ORDINALITY AS e (field, ord)
              JOIN (VALUES ('2', 'Các vấn đề tồn tại'), ('3', 'Kiến nghị, đề xuất')) AS h (no, heading)
                ON h.no = e.field ->> 'no')
FROM regulation_presets p
WHERE p.id = f.preset_id AND p.code = 'BG-2023' AND f.code = 'MAU_02';

-- 2. One report per site, form and period ("2026-H1": the first six months; "2026": the year).
--    While a draft, its figures are computed live and only the board's text (Mẫu 02's rows, as
--    [{"2": "…", "3": "…"}] keyed by the form's column numbers) is stored. Submitting freezes
--    the figures and the layout they were filled on (snapshot), so neither a later article nor a
--    later edit of the preset changes a report that was sent. The province may return a report
--    with a reason; the site then edits and submits again (the snapshot of the returned one stays
--    until then, for the province to see what it returned; the audit log keeps every step).
--    No DELETE for the application: a report is a record; delete_site removes a deleted site's.
CREATE TABLE site_reports (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id      bigint NOT NULL REFERENCES tenants,
  form_code      text NOT NULL CHECK (form_code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
  period         text NOT NULL CHECK (period ~ '^[0-9]{4}(-H1)?$'),
  status         text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED')),
  text_rows      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(text_rows) = 'array'),
  updated_by     bigint REFERENCES accounts,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  snapshot       jsonb CHECK (jsonb_typeof(snapshot) = 'object'),
  submitted_by   bigint REFERENCES accounts,
  submitted_at   timestamptz,
  returned_by    bigint REFERENCES accounts,
  returned_at    timestamptz,
  return_reason  text CHECK (length(return_reason) BETWEEN 1 AND 2000),
  UNIQUE (tenant_id, form_code, period),
  -- Submitted at least once: the snapshot, who and when go together; a draft has none.
  CHECK ((snapshot IS NULL) = (submitted_at IS NULL) AND (snapshot IS NULL) = (submitted_by IS NULL)),
  CHECK (status = 'DRAFT' OR snapshot IS NOT NULL),
  CHECK ((status = 'RETURNED') = (return_reason IS NOT NULL))
);
CREATE INDEX site_reports_period ON site_reports (period, form_code);

ALTER TABLE site_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE site_reports FORCE ROW LEVEL SECURITY;
-- (SELECT …): the scope is read once per statement (V10). The province reads and returns its
-- sites' reports in its subtree's scope; a site sees its own.
CREATE POLICY tenant_wall ON site_reports
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
GRANT SELECT, INSERT, UPDATE ON site_reports TO ${app_role};
GRANT USAGE ON SEQUENCE site_reports_id_seq TO ${app_role};

-- 3. delete_site needs no new version: since V26 it deletes a site's rows from every table with a
--    tenant_id, site_reports included (a copy here would undo V26 where it already ran).
