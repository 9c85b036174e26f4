-- Mandatory pages of every site (ND 224/2026 Đ9, Đ10.3; REQUIREMENTS.md §7): what each kind of
-- site must publish about itself, kept current, with "last updated" shown and the board reminded
-- of pages nobody has looked at for a long time.
--
-- 1. The list, per preset and kind of site. It is the national rule, so every preset ships the
--    same rows; like the rest of a preset, a province may edit its copy (a page added later shows
--    as missing on its sites until the board writes it). page_key is the stable name other
--    features use (a conformance scan, dashboards); slug is the page's address under /gioi-thieu
--    (kenh-thong-tin keeps its own top-level address, /kenh-thong-tin); guidance tells the board
--    what the page must hold.
CREATE TABLE preset_mandatory_pages (
  preset_id    bigint NOT NULL REFERENCES regulation_presets ON DELETE CASCADE,
  tenant_kind  text NOT NULL CHECK (tenant_kind IN ('PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'WARD')),
  page_key     text NOT NULL CHECK (page_key ~ '^[a-z][a-z0-9_]*$'),
  -- gioi-thieu is the section's own page and lien-he is built from the footer: neither is one of these.
  slug         text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug NOT IN ('gioi-thieu', 'lien-he')),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  guidance     text NOT NULL DEFAULT '',
  position     integer NOT NULL,
  legal_basis  text NOT NULL,
  PRIMARY KEY (preset_id, tenant_kind, page_key),
  UNIQUE (preset_id, tenant_kind, slug)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON preset_mandatory_pages TO ${app_role};

-- Departments (sở, ban, ngành): organisation chart, functions of each unit, history, leaders.
-- The province, districts (a level of local government with a territory, like the province:
-- BG 2023 still has them), communes and wards: apparatus, boundary map, nature, history,
-- culture, leaders. Every site: the annual financial report, the list of information that must
-- be public, access to information, and its official channels (Đ10.3).
INSERT INTO preset_mandatory_pages (preset_id, tenant_kind, page_key, slug, title, guidance, position, legal_basis)
SELECT p.id, k.kind, d.page_key, d.slug, d.title, d.guidance, d.position, d.legal_basis
FROM regulation_presets p
CROSS JOIN (VALUES ('PROVINCE', 'territory'), ('DEPARTMENT', 'agency'), ('DISTRICT', 'territory'),
                   ('COMMUNE', 'territory'), ('WARD', 'territory')) AS k (kind, shape)
JOIN (VALUES
  ('agency', 'org_chart', 'co-cau-to-chuc', 'Cơ cấu tổ chức',
   'Sơ đồ cơ cấu tổ chức của cơ quan: lãnh đạo, các phòng, ban chuyên môn và đơn vị trực thuộc.', 10, 'NĐ 224/2026 Đ9'),
  ('agency', 'unit_functions', 'chuc-nang-nhiem-vu', 'Chức năng, nhiệm vụ',
   'Chức năng, nhiệm vụ, quyền hạn của cơ quan và của từng đơn vị trực thuộc.', 20, 'NĐ 224/2026 Đ9'),
  ('agency', 'history', 'lich-su-phat-trien', 'Lịch sử hình thành và phát triển',
   'Quá trình thành lập, hợp nhất, đổi tên và các mốc phát triển của cơ quan.', 30, 'NĐ 224/2026 Đ9'),
  ('agency', 'leaders', 'lanh-dao', 'Lãnh đạo',
   'Họ tên, chức vụ, tóm tắt tiểu sử và nhiệm vụ được phân công của từng lãnh đạo; điện thoại, thư điện tử công vụ.',
   40, 'NĐ 224/2026 Đ9'),
  ('territory', 'apparatus', 'to-chuc-bo-may', 'Tổ chức bộ máy',
   'Tổ chức bộ máy chính quyền địa phương: Hội đồng nhân dân, Ủy ban nhân dân, các cơ quan chuyên môn và đơn vị trực thuộc.',
   10, 'NĐ 224/2026 Đ9'),
  ('territory', 'boundary_map', 'ban-do-hanh-chinh', 'Bản đồ địa giới hành chính',
   'Bản đồ địa giới hành chính, diện tích, các đơn vị hành chính trực thuộc và địa phương giáp ranh.', 20, 'NĐ 224/2026 Đ9'),
  ('territory', 'nature', 'dieu-kien-tu-nhien', 'Điều kiện tự nhiên',
   'Vị trí địa lý, địa hình, khí hậu, tài nguyên thiên nhiên.', 30, 'NĐ 224/2026 Đ9'),
  ('territory', 'history', 'lich-su', 'Lịch sử',
   'Lịch sử hình thành, các lần chia tách, sáp nhập và những dấu mốc của địa phương.', 40, 'NĐ 224/2026 Đ9'),
  ('territory', 'culture', 'van-hoa', 'Văn hóa',
   'Di tích, lễ hội, danh thắng, truyền thống văn hóa của địa phương.', 50, 'NĐ 224/2026 Đ9'),
  ('territory', 'leaders', 'lanh-dao', 'Lãnh đạo',
   'Họ tên, chức vụ, tóm tắt tiểu sử và nhiệm vụ được phân công của từng lãnh đạo; điện thoại, thư điện tử công vụ.',
   60, 'NĐ 224/2026 Đ9'),
  ('all', 'financial_report', 'bao-cao-tai-chinh', 'Báo cáo tài chính năm',
   'Báo cáo tài chính năm gần nhất (và các năm trước) theo Luật Kế toán, kèm tệp để tải về.', 100, 'NĐ 224/2026 Đ9'),
  ('all', 'disclosure_list', 'danh-muc-thong-tin-cong-khai', 'Danh mục thông tin phải công khai',
   'Danh mục thông tin cơ quan phải công khai và nơi đăng tải từng loại thông tin.', 110, 'NĐ 224/2026 Đ9'),
  ('all', 'access_to_information', 'tiep-can-thong-tin', 'Tiếp cận thông tin',
   'Cách công dân yêu cầu cung cấp thông tin: đầu mối, địa chỉ, thư điện tử, thời hạn trả lời, mẫu phiếu yêu cầu.',
   120, 'NĐ 224/2026 Đ9'),
  ('all', 'official_channels', 'kenh-thong-tin', 'Kênh thông tin chính thức',
   'Các kênh thông tin chính thức của cơ quan ngoài trang này: trang mạng xã hội, Zalo OA, đường dây nóng… '
     || '(địa chỉ trang, RSS, API và thư điện tử tự hiện trên trang).', 130, 'NĐ 224/2026 Đ10.3')
) AS d (shape, page_key, slug, title, guidance, position, legal_basis)
  ON d.shape = k.shape OR d.shape = 'all';

-- 2. Each site's copy: a page row per mandatory page, made when the site is created, first as a
--    placeholder (not yet written: never shown to visitors, and a site with one cannot go live).
--    mandatory_key names the preset row it answers; reviewed_at is when a board member last
--    confirmed the text (a save or "reviewed, nothing changed"), none for a placeholder.
ALTER TABLE pages ADD COLUMN mandatory_key text CHECK (mandatory_key ~ '^[a-z][a-z0-9_]*$');
ALTER TABLE pages ADD COLUMN placeholder boolean NOT NULL DEFAULT false;
ALTER TABLE pages ALTER COLUMN reviewed_at DROP NOT NULL;
ALTER TABLE pages ADD CONSTRAINT pages_placeholder_is_mandatory_and_unreviewed
  CHECK (NOT placeholder OR (mandatory_key IS NOT NULL AND reviewed_at IS NULL));
CREATE UNIQUE INDEX pages_mandatory_key ON pages (tenant_id, language, mandatory_key)
  WHERE mandatory_key IS NOT NULL;
