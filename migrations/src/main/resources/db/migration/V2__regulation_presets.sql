-- The five regulation presets the platform ships (REQUIREMENTS.md §1, §5, §6): what each
-- province's regulation says about domains, languages, update deadlines, news quotas and
-- periodic reports. A province picks one and may edit it; nothing here is hard-coded in Java.
--
-- Where the figures come from (the seed texts in Vietnamese, article numbers in each row):
--   TN-2026  Thái Nguyên  Quy chế kèm Quyết định số …/2026/QĐ-UBND      deadlines Đ9.2, quota Đ7.3, reports Đ16.2e, Đ18.2đ
--   TQ-2026  Tuyên Quang  Quy chế kèm Quyết định số …/2026/QĐ-UBND      deadlines Đ6.2a, Đ7, reports Đ11.8 (a draft)
--   TB-2024  Thái Bình    Quy chế kèm Quyết định số 04/2024/QĐ-UBND     no deadlines (content per NĐ 42/2022 Đ4), reports Đ13.7
--   BG-2023  Bắc Giang    Quy định kèm Quyết định số …/2023/QĐ-UBND     no deadlines (content per NĐ 42/2022 Đ4), reports Đ12.7 + Phụ lục Mẫu 01, 02
--   VP-2017  Vĩnh Phúc    Quy chế kèm Quyết định số 26/2017/QĐ-UBND     deadlines Đ7, reports Đ17.1
-- A blank decision number or day in the seed is written "…". No number below is inferred:
-- a content type whose seed gives no deadline has no row. Rules the seeds state but that are
-- not content-update deadlines (Q&A answer times, backups, the VP 5-working-day rule for law
-- dissemination, which has no content_type code yet) are kept in each preset's notes and in
-- docs/presets.md.
--
-- content_type codes: event_news, legal_document, administrative_document, urgent_document,
-- planning, project_bidding, science_programme, statistics, procedure, other.
-- Report form fields: [{"no": "2", "label": "…", "answer": COUNT_OF_TOTAL|YES_NO|COUNT|POSTED_STATE|TEXT}].
-- All text is Unicode NFC.

-- =======================================================================================
-- TN-2026 — Thái Nguyên 2026 (seed 000)
-- =======================================================================================
INSERT INTO regulation_presets (code, name, province_name, year, legal_basis, domain_scheme,
                                language_scheme, languages, notes)
VALUES ('TN-2026',
        'Quy chế hoạt động Cổng TTĐT tỉnh Thái Nguyên 2026',
        'Thái Nguyên', 2026,
        'Quyết định số …/2026/QĐ-UBND ngày …/01/2026 của Ủy ban nhân dân tỉnh Thái Nguyên ban hành Quy chế quản lý hoạt động và cung cấp thông tin của Cổng Thông tin điện tử tỉnh Thái Nguyên (hiệu lực từ ngày 25/01/2026)',
        'PROVINCE_FLAT', 'PATH', ARRAY['vi', 'en', 'ko', 'zh', 'ja'],
        'Số và ngày của Quyết định để trống trong văn bản nguồn. Hai cấp: sở, ban, ngành và xã, phường (không có cấp huyện); '
        || 'trang thành phần tencoquan.thainguyen.gov.vn (Đ6.4); phiên bản ngôn ngữ thainguyen.gov.vn/en, /ko… (Đ4.17b, Đ6.1, Đ6.3). '
        || 'Ngoài thời hạn cập nhật: Cổng Thông tin tỉnh tổng hợp cập nhật thông tin hằng ngày (Đ9.1); '
        || 'trả lời Hỏi - Đáp 05 ngày (thuộc thẩm quyền), 10 ngày (phối hợp liên ngành), tối đa 15 ngày (có hẹn), tính theo ngày làm việc từ 08 giờ 00 (Đ13.4); '
        || 'sao lưu tối thiểu 01 tuần/lần (Đ10.2); bảo trì, nâng cấp thông báo trước 05 ngày (Đ19.3). '
        || 'Quy chế không ấn định tần suất báo cáo: 6 tháng theo kỳ họp đánh giá 6 tháng một lần (Đ16.2e), năm theo tiêu chí thi đua hằng năm (Đ22.1).');

INSERT INTO preset_deadlines (preset_id, content_type, amount, unit, counted_from, direction, legal_basis)
SELECT p.id, d.content_type, d.amount, d.unit, d.counted_from, d.direction, d.legal_basis
FROM regulation_presets p
CROSS JOIN (VALUES
  -- "Ngay sau khi diễn ra hoạt động, sự kiện và không quá 8 giờ hành chính kể từ khi diễn ra"
  ('event_news',     8::integer, 'WORKING_HOURS',  'EVENT',   'AFTER', 'TN 2026 Đ9.2a'),
  -- "Đối với các văn bản quy phạm pháp luật của tỉnh: Chậm nhất 03 ngày kể từ ngày ký ban hành"
  ('legal_document', 3,          'DAYS',           'SIGNING', 'AFTER', 'TN 2026 Đ9.2b'),
  -- "Đối với thông tin thống kê: Theo tháng, quý, năm, chậm nhất vào ngày 30 hằng tháng"
  ('statistics',     30,         'MONTHLY_BY_DAY', 'MONTH',   'AFTER', 'TN 2026 Đ9.2c')
) AS d (content_type, amount, unit, counted_from, direction, legal_basis)
WHERE p.code = 'TN-2026';

-- "Hằng tháng, mỗi sở, ban, ngành cung cấp ít nhất 02 tin hoạt động tiêu biểu …; mỗi Ủy ban
-- nhân dân cấp xã cung cấp ít nhất 1 tin" — "cấp xã" covers xã and phường (Đ1.2).
INSERT INTO preset_quotas (preset_id, tenant_kind, content_scope, min_per_month, counted, legal_basis)
SELECT p.id, q.tenant_kind, 'news', q.min_per_month, 'PROVIDED_TO_PARENT', 'TN 2026 Đ7.3'
FROM regulation_presets p
CROSS JOIN (VALUES
  ('DEPARTMENT', 2),
  ('COMMUNE',    1),
  ('WARD',       1)
) AS q (tenant_kind, min_per_month)
WHERE p.code = 'TN-2026';

INSERT INTO preset_report_forms (preset_id, code, name, periods, fields, legal_basis)
SELECT p.id, 'BAO_CAO_DINH_KY',
       'Báo cáo định kỳ hoạt động của Trang thông tin điện tử thành phần',
       ARRAY['HALF_YEAR', 'YEAR'], '[]'::jsonb,
       'TN 2026 Đ18.2đ; Đ16.2e; Đ22.1'
FROM regulation_presets p
WHERE p.code = 'TN-2026';

-- =======================================================================================
-- TQ-2026 — Tuyên Quang 2026 (seed 001, marked DỰ THẢO)
-- =======================================================================================
INSERT INTO regulation_presets (code, name, province_name, year, legal_basis, domain_scheme,
                                language_scheme, languages, notes)
VALUES ('TQ-2026',
        'Quy chế hoạt động Cổng TTĐT tỉnh Tuyên Quang 2026',
        'Tuyên Quang', 2026,
        'Quyết định số …/2026/QĐ-UBND ngày … tháng … năm 2026 của Ủy ban nhân dân tỉnh Tuyên Quang ban hành Quy chế hoạt động Cổng Thông tin điện tử tỉnh Tuyên Quang (dự thảo)',
        'PROVINCE_FLAT', 'PATH', ARRAY['vi', 'en'],
        'Văn bản nguồn là dự thảo: số, ngày ban hành và ngày hiệu lực để trống. Hai phiên bản: tuyenquang.gov.vn và tuyenquang.gov.vn/en (Đ2.2); '
        || 'Quy chế không quy định dạng tên miền của trang thành phần. '
        || 'Tin hoạt động, sự kiện: thời hạn cung cấp cho Ban Biên tập 24 giờ kể từ khi kết thúc (Đ6.2a); giới thiệu chung, tin tức, chỉ đạo điều hành cập nhật kịp thời, thường xuyên (Đ7.1). '
        || 'Thông tin khác: cung cấp cho Ban Biên tập trong 03 ngày làm việc kể từ ngày ký ban hành, phê duyệt, thông qua hoặc nghiệm thu (Đ6.2b); '
        || 'cập nhật lên Cổng trong 05 ngày làm việc kể từ ngày nhận được văn bản (Đ7.6) — dòng thời hạn "other" theo Đ7.6.');

INSERT INTO preset_deadlines (preset_id, content_type, amount, unit, counted_from, direction, legal_basis)
SELECT p.id, d.content_type, d.amount, d.unit, d.counted_from, d.direction, d.legal_basis
FROM regulation_presets p
CROSS JOIN (VALUES
  -- "trong thời hạn 24 giờ kể từ khi kết thúc hoạt động, sự kiện" (cung cấp cho Ban Biên tập)
  ('event_news',              24::integer, 'HOURS',        'EVENT_END', 'AFTER', 'TQ 2026 Đ6.2a'),
  -- "Văn bản quy phạm pháp luật … 7 ngày làm việc, văn bản hành chính … 02 ngày làm việc kể từ ngày nhận được văn bản"
  ('legal_document',          7,           'WORKING_DAYS', 'RECEIPT',   'AFTER', 'TQ 2026 Đ7.2'),
  ('administrative_document', 2,           'WORKING_DAYS', 'RECEIPT',   'AFTER', 'TQ 2026 Đ7.2'),
  -- "… phải được cập nhật ngay trong ngày nhận được văn bản"
  ('urgent_document',         NULL,        'SAME_DAY',     'RECEIPT',   'AFTER', 'TQ 2026 Đ7.2'),
  -- "trong thời hạn 15 ngày kể từ ngày nhận được quy hoạch"
  ('planning',                15,          'DAYS',         'RECEIPT',   'AFTER', 'TQ 2026 Đ7.3'),
  -- dự án, đầu tư, đấu thầu, mua sắm công: "02 ngày làm việc kể từ khi nhận được văn bản"
  ('project_bidding',         2,           'WORKING_DAYS', 'RECEIPT',   'AFTER', 'TQ 2026 Đ7.4'),
  -- chương trình, nhiệm vụ, đề tài khoa học và công nghệ: "10 ngày làm việc kể từ khi nhận được văn bản"
  ('science_programme',       10,          'WORKING_DAYS', 'RECEIPT',   'AFTER', 'TQ 2026 Đ7.5'),
  -- "trường hợp pháp luật chưa có quy định thì trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản"
  ('other',                   5,           'WORKING_DAYS', 'RECEIPT',   'AFTER', 'TQ 2026 Đ7.6')
) AS d (content_type, amount, unit, counted_from, direction, legal_basis)
WHERE p.code = 'TQ-2026';

INSERT INTO preset_report_forms (preset_id, code, name, periods, fields, legal_basis)
SELECT p.id, 'BAO_CAO_DINH_KY',
       'Báo cáo kết quả thực hiện nhiệm vụ của Ban Biên tập và tình hình hoạt động của Cổng Thông tin điện tử',
       ARRAY['HALF_YEAR', 'YEAR'], '[]'::jsonb,
       'TQ 2026 Đ11.8; Đ15.3; Đ16.3'
FROM regulation_presets p
WHERE p.code = 'TQ-2026';

-- =======================================================================================
-- TB-2024 — Thái Bình 2024 (seed 002). The Quy chế sets no update deadline and no quota.
-- =======================================================================================
INSERT INTO regulation_presets (code, name, province_name, year, legal_basis, domain_scheme,
                                language_scheme, languages, notes)
VALUES ('TB-2024',
        'Quy chế hoạt động Cổng TTĐT tỉnh Thái Bình 2024',
        'Thái Bình', 2024,
        'Quyết định số 04/2024/QĐ-UBND ngày 11 tháng 03 năm 2024 của Ủy ban nhân dân tỉnh Thái Bình ban hành Quy chế quản lý, vận hành, cung cấp và bảo đảm an toàn thông tin trên Cổng thông tin điện tử tỉnh Thái Bình và Cổng thông tin điện tử thành phần (hiệu lực từ ngày 25/3/2024)',
        'PROVINCE_FLAT', 'PATH', ARRAY['vi', 'en'],
        'Ba cấp: sở, ban, ngành; huyện, thành phố; xã, phường, thị trấn (Đ2, Đ3). Tên miền theo khoản 4 Điều 6 Nghị định 42/2022/NĐ-CP (Đ4.1); '
        || 'nội dung theo Điều 4 Nghị định 42/2022/NĐ-CP (Đ5). Quy chế không quy định thời hạn cập nhật, chỉ tiêu tin hay ngôn ngữ: '
        || 'không có dòng thời hạn, ngôn ngữ mặc định vi, en. Phần Quy chế ghi "ngày 11 tháng 05 năm 2024", Quyết định ghi ngày 11/03/2024 '
        || 'và hiệu lực từ 25/3/2024: dùng ngày của Quyết định. Khôi phục dữ liệu do Sở TT&TT, khôi phục giao diện do bộ phận quản trị Cổng (Đ10.3).');

INSERT INTO preset_report_forms (preset_id, code, name, periods, fields, legal_basis)
SELECT p.id, 'BAO_CAO_DINH_KY',
       'Báo cáo định kỳ tình hình hoạt động Cổng thành phần',
       ARRAY['HALF_YEAR', 'YEAR'], '[]'::jsonb,
       'TB 2024 Đ13.7'
FROM regulation_presets p
WHERE p.code = 'TB-2024';

-- =======================================================================================
-- BG-2023 — Bắc Giang 2023 (seed 003). No update deadline, no quota; the annex fixes the
-- report forms. Labels are the annex wording, line breaks of the source joined.
-- =======================================================================================
INSERT INTO regulation_presets (code, name, province_name, year, legal_basis, domain_scheme,
                                language_scheme, languages, notes)
VALUES ('BG-2023',
        'Quy định hoạt động Cổng TTĐT tỉnh Bắc Giang 2023',
        'Bắc Giang', 2023,
        'Quyết định số …/2023/QĐ-UBND ngày … tháng 5 năm 2023 của Ủy ban nhân dân tỉnh Bắc Giang ban hành Quy định cung cấp thông tin, tổ chức quản lý và hoạt động của Cổng thông tin điện tử tỉnh Bắc Giang và Cổng thông tin điện tử thành phần (hiệu lực từ ngày 20/5/2023)',
        'DISTRICT_NESTED', 'PATH', ARRAY['vi', 'en'],
        'Số và ngày của Quyết định để trống trong văn bản nguồn. Tên miền (Đ4.1): tỉnh bacgiang.gov.vn; cơ quan chuyên môn tencoquan.bacgiang.gov.vn; '
        || 'huyện tenhuyen.bacgiang.gov.vn (thành phố Bắc Giang: tpbacgiang.bacgiang.gov.vn); xã, phường, thị trấn tenphuongxa.tenhuyen.bacgiang.gov.vn; IPv6. '
        || 'Nội dung theo Điều 4 Nghị định 42/2022/NĐ-CP (Đ5.1a); tiếng nước ngoài theo khoản 2 Điều 7 Nghị định 42/2022/NĐ-CP (Đ5.1b) không nêu ngôn ngữ: mặc định vi, en. '
        || 'Quy định không đặt thời hạn cập nhật hay chỉ tiêu tin. Báo cáo 6 tháng, năm theo Mẫu 01, Mẫu 02 gửi UBND tỉnh qua Sở TT&TT; '
        || 'thời hạn gửi và chốt số liệu theo Quyết định số 22/2019/QĐ-UBND ngày 11/9/2019 (Đ12.7).');

INSERT INTO preset_report_forms (preset_id, code, name, periods, fields, legal_basis)
SELECT p.id, f.code, f.name, ARRAY['HALF_YEAR', 'YEAR'], f.fields::jsonb, f.legal_basis
FROM regulation_presets p
CROSS JOIN (VALUES
  ('MAU_01',
   'Mẫu 01 – Báo cáo tình hình cung cấp thông tin trên Cổng thông tin của đơn vị 6 tháng/năm',
   '[
     {"no": "2",  "answer": "COUNT_OF_TOTAL", "label": "Số lượng văn bản quy phạm pháp luật của đơn vị ban hành đăng tải lên cổng đầy đủ theo Điều 4 Nghị định số 42/2022/NĐ-CP / Tổng số lượng (tổng của đăng tải và không đăng tải)"},
     {"no": "3",  "answer": "COUNT_OF_TOTAL", "label": "Số lượng văn bản quản lý hành chính thuộc thẩm quyền ban hành đầy đủ theo Điều 4 Nghị định số 42/2022/NĐ-CP / Tổng số lượng (tổng của đăng tải và không đăng tải)"},
     {"no": "4",  "answer": "YES_NO",         "label": "Thủ tục hành chính, dịch vụ công trực tuyến, quy trình giải quyết công việc của đơn vị có tuân thủ các quy định của pháp luật, bảo đảm thống nhất, tích hợp từ Cổng Dịch vụ công quốc gia, Cổng dịch vụ công cấp bộ, cấp tỉnh hay không (Có/Không)"},
     {"no": "5",  "answer": "COUNT",          "label": "Số lượng tin bài thông tin phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách"},
     {"no": "6",  "answer": "COUNT_OF_TOTAL", "label": "Số lượng chiến lược, chương trình, dự án, đề án, kế hoạch, quy hoạch phát triển kinh tế - xã hội của quốc gia, địa phương; quy hoạch ngành, lĩnh vực và phương thức, kết quả thực hiện; chương trình, kế hoạch công tác hằng năm của cơ quan nhà nước / Tổng số lượng (tổng của đăng tải và không đăng tải)"},
     {"no": "7",  "answer": "COUNT_OF_TOTAL", "label": "Số lượng thông tin về danh mục dự án, chương trình và kết quả thực hiện đầu tư công, mua sắm công và quản lý, sử dụng vốn đầu tư công, các nguồn vốn vay theo quy định của pháp luật / Tổng số lượng (tổng của đăng tải và không đăng tải)"},
     {"no": "8",  "answer": "YES_NO",         "label": "Thông tin về tổ chức bộ máy hành chính, bản đồ địa giới hành chính đến cấp xã, điều kiện tự nhiên, lịch sử, truyền thống văn hóa, di tích, danh thắng; tiểu sử tóm tắt và nhiệm vụ đảm nhiệm của lãnh đạo cơ quan có đầy đủ hay không? (Có/Không)"},
     {"no": "9",  "answer": "YES_NO",         "label": "Báo cáo tài chính năm công khai theo quy định của Luật Kế toán? (Có/Không)"},
     {"no": "10", "answer": "POSTED_STATE",   "label": "Thông tin thống kê về ngành, lĩnh vực quản lý theo quy định của Luật Thống kê? (Có đăng/Không đăng/Không có dữ liệu)"},
     {"no": "11", "answer": "POSTED_STATE",   "label": "Thông tin về danh mục và kết quả chương trình, đề tài khoa học theo quy định của Luật Khoa học và Công nghệ? (Có đăng/Không đăng/Không có dữ liệu)"},
     {"no": "12", "answer": "POSTED_STATE",   "label": "Thông tin về dịch theo quy định của Luật Phòng, chống bệnh truyền nhiễm? (Có đăng/Không đăng/Không có dữ liệu)"},
     {"no": "13", "answer": "YES_NO",         "label": "Đã công khai danh mục thông tin phải được công khai chưa, trong đó nêu rõ địa chỉ, hình thức, thời điểm, thời hạn công khai đối với từng loại thông tin. (Có/Không)"},
     {"no": "14", "answer": "COUNT",          "label": "Số lượng kênh thông tin được đơn vị cung cấp theo Điều 5 Nghị định số 42/2022/NĐ-CP được công bố trên Cổng của đơn vị."}
   ]',
   'BG 2023 Đ12.7; Phụ lục, Mẫu 01'),
  ('MAU_02',
   'Mẫu 02 – Báo cáo đánh giá, kiến nghị về hoạt động Cổng thông tin của đơn vị 6 tháng/năm',
   '[
     {"no": "2", "answer": "TEXT", "label": "Các vấn đề tồn tại, khó khăn trong hoạt động Cổng thông tin điện tử của đơn vị"},
     {"no": "3", "answer": "TEXT", "label": "Kiến nghị, đề xuất để giải quyết các khó khăn, vấn đề tồn tại."}
   ]',
   'BG 2023 Đ12.7; Phụ lục, Mẫu 02')
) AS f (code, name, fields, legal_basis)
WHERE p.code = 'BG-2023';

-- =======================================================================================
-- VP-2017 — Vĩnh Phúc 2017 (seed 004)
-- =======================================================================================
INSERT INTO regulation_presets (code, name, province_name, year, legal_basis, domain_scheme,
                                language_scheme, languages, notes)
VALUES ('VP-2017',
        'Quy chế hoạt động Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh Phúc 2017',
        'Vĩnh Phúc', 2017,
        'Quyết định số 26/2017/QĐ-UBND ngày 17/8/2017 của Ủy ban nhân dân tỉnh Vĩnh Phúc ban hành Quy chế Quản lý và cung cấp thông tin trên Cổng Thông tin - Giao tiếp điện tử tỉnh Vĩnh Phúc (hiệu lực sau 10 ngày kể từ ngày ký)',
        'PROVINCE_FLAT', 'HOST', ARRAY['vi', 'en'],
        'Kênh tiếng Việt www.vinhphuc.gov.vn hoặc www.vinhphuc.vn; kênh tiếng Anh english.vinhphuc.gov.vn (Đ2.3); nội dung tối thiểu bằng tiếng Anh theo Đ4.15. '
        || 'Áp dụng cho sở, ban, ngành và UBND huyện, thành phố, thị xã (Đ1.2); trách nhiệm cung cấp từng loại thông tin theo cơ quan tại Đ5. '
        || 'Ngoài các dòng thời hạn: thông tin tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách (khoản 4 Điều 4) cập nhật không quá 05 ngày làm việc '
        || 'kể từ khi văn bản chính thức được ban hành (Đ7.2) — chưa có mã content_type tương ứng; trả lời Hỏi - Đáp 05 ngày làm việc (thuộc thẩm quyền), '
        || '10 ngày làm việc (phối hợp liên ngành) (Đ7.7); thông tin tiếng nước ngoài cập nhật thường xuyên khi có phát sinh hoặc thay đổi (Đ7.9); '
        || 'dữ liệu quan trọng sao lưu hằng ngày (Đ8.2).');

INSERT INTO preset_deadlines (preset_id, content_type, amount, unit, counted_from, direction, legal_basis)
SELECT p.id, d.content_type, d.amount, d.unit, d.counted_from, d.direction, d.legal_basis
FROM regulation_presets p
CROSS JOIN (VALUES
  -- khoản 1, 2, 3 Điều 4 (giới thiệu, tin tức sự kiện, chỉ đạo điều hành): "Bảo đảm cập nhật thường xuyên"
  ('event_news',        NULL::integer, 'REGULARLY',    'EVENT',     'AFTER',  'VP 2017 Đ7.1'),
  -- khoản 6 Điều 4 (văn bản QPPL của tỉnh): "không quá 07 (bảy) ngày làm việc kể từ ngày văn bản được ban hành"
  ('legal_document',    7,             'WORKING_DAYS', 'ISSUE',     'AFTER',  'VP 2017 Đ7.4'),
  -- khoản 5, 10 Điều 4: "không quá 10 (mười) ngày làm việc kể từ khi chiến lược, quy hoạch hoặc dự án, hạng mục đầu tư, đấu thầu được phê duyệt"
  ('planning',          10,            'WORKING_DAYS', 'APPROVAL',  'AFTER',  'VP 2017 Đ7.3'),
  ('project_bidding',   10,            'WORKING_DAYS', 'APPROVAL',  'AFTER',  'VP 2017 Đ7.3'),
  -- khoản 11 Điều 4: "không quá 10 (mười) ngày làm việc kể từ khi chương trình, nhiệm vụ, đề tài được phê duyệt hoặc sau khi … được nghiệm thu"
  ('science_programme', 10,            'WORKING_DAYS', 'APPROVAL',  'AFTER',  'VP 2017 Đ7.6'),
  -- khoản 14 Điều 4: "không quá 05 (năm) ngày làm việc kể từ khi thông tin thống kê được thủ trưởng cơ quan quyết định công bố"
  ('statistics',        5,             'WORKING_DAYS', 'RELEASE',   'AFTER',  'VP 2017 Đ7.8'),
  -- khoản 8 Điều 4 (thủ tục hành chính): "trước 10 (mười) ngày làm việc tính đến ngày văn bản … có hiệu lực thi hành"
  ('procedure',         10,            'WORKING_DAYS', 'EFFECTIVE', 'BEFORE', 'VP 2017 Đ7.5'),
  -- "Đối với các thông tin khác, thời gian cập nhật ngay sau khi văn bản được cấp có thẩm quyền ban hành"
  ('other',             NULL,          'IMMEDIATELY',  'ISSUE',     'AFTER',  'VP 2017 Đ7.10')
) AS d (content_type, amount, unit, counted_from, direction, legal_basis)
WHERE p.code = 'VP-2017';

INSERT INTO preset_report_forms (preset_id, code, name, periods, fields, legal_basis)
SELECT p.id, 'BAO_CAO_DINH_KY',
       'Báo cáo tình hình cung cấp thông tin, dịch vụ công trực tuyến trên Cổng Thông tin - Giao tiếp điện tử tỉnh',
       ARRAY['HALF_YEAR', 'YEAR'], '[]'::jsonb,
       'VP 2017 Đ17.1'
FROM regulation_presets p
WHERE p.code = 'VP-2017';
