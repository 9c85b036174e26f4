-- The minimum a province must publish in English (issue 12, Build 6; VP 2017 Đ4.15: "Tối thiểu
-- các thông tin dưới đây phải được biên dịch sang tiếng Anh và được đăng tải trên kênh tiếng Anh
-- của Cổng Thông tin - Giao tiếp điện tử tỉnh"). Preset data like the mandatory pages: per preset
-- and language, the items of the rule, each with the mandatory pages of the province that carry
-- it (page_keys, the province's keys in preset_mandatory_pages). An item with no page (d, e: no
-- mandatory page exists for them) stays listed as something the board must publish by hand; the
-- conformance page says it is not checked automatically rather than pretend it is.
CREATE TABLE preset_translation_minimums (
  preset_id    bigint NOT NULL REFERENCES regulation_presets ON DELETE CASCADE,
  language     text NOT NULL CHECK (language ~ '^[a-z]{2}$' AND language <> 'vi'),
  item_key     text NOT NULL CHECK (item_key ~ '^[a-z][a-z0-9_]*$'),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  page_keys    text[] NOT NULL DEFAULT '{}',
  legal_basis  text NOT NULL,
  position     integer NOT NULL,
  PRIMARY KEY (preset_id, language, item_key)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON preset_translation_minimums TO ${app_role};

-- Only VP 2017 has the rule; the other seeds say nothing of a minimum English content. The
-- shipped preset and every province copy made from it before this script get the rows.
INSERT INTO preset_translation_minimums (preset_id, language, item_key, title, page_keys, legal_basis, position)
SELECT p.id, 'en', i.item_key, i.title, i.page_keys, i.legal_basis, i.position
FROM regulation_presets p
CROSS JOIN (VALUES
  ('introduction', 'Giới thiệu chung về điều kiện tự nhiên, lịch sử, truyền thống văn hóa, di tích, danh thắng của tỉnh',
   ARRAY['nature', 'history', 'culture'], 'VP 2017 Đ4.15a', 10),
  ('government', 'Hệ thống chính trị, cơ cấu tổ chức, bộ máy hành chính; chức năng, nhiệm vụ, quyền hạn, quá trình hình thành '
   'và phát triển của các cơ quan nhà nước; tiểu sử tóm tắt và nhiệm vụ của lãnh đạo các cơ quan',
   ARRAY['apparatus', 'leaders'], 'VP 2017 Đ4.15b', 20),
  -- The contact page (lien-he) is built from the site's settings, not a page with translations;
  -- the leaders page is where the preset asks for each leader's title, phone and official e-mail.
  ('contacts', 'Thông tin liên hệ của cán bộ, công chức có thẩm quyền: họ tên, chức vụ, đơn vị công tác, số điện thoại/fax, '
   'địa chỉ thư điện tử công vụ', ARRAY['leaders'], 'VP 2017 Đ4.15c', 30),
  ('foreigner_procedures', 'Thủ tục hành chính và dịch vụ công trực tuyến liên quan đến người nước ngoài',
   ARRAY[]::text[], 'VP 2017 Đ4.15d', 40),
  ('investment', 'Cơ chế, chính sách thu hút đầu tư', ARRAY[]::text[], 'VP 2017 Đ4.15e', 50)
) AS i (item_key, title, page_keys, legal_basis, position)
WHERE p.code = 'VP-2017' OR p.based_on = 'VP-2017';

-- copy_regulation_preset (V31) named its child tables; it now copies every preset_* table with a
-- preset_id column, so this one and any later preset table go with a new province's copy without
-- another change to the function.
CREATE OR REPLACE FUNCTION copy_regulation_preset(src bigint, province bigint) RETURNS bigint
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
  FOR child IN SELECT c.table_name FROM information_schema.columns c
               JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
               WHERE c.table_schema = 'public' AND c.column_name = 'preset_id' AND t.table_type = 'BASE TABLE'
                 AND c.table_name LIKE 'preset\_%'
               ORDER BY c.table_name
  LOOP
    EXECUTE format('INSERT INTO %1$I SELECT (jsonb_populate_record(NULL::%1$I, to_jsonb(c) || '
                   'jsonb_build_object(''preset_id'', $2))).* FROM %1$I c WHERE c.preset_id = $1', child)
      USING src, copy_id;
  END LOOP;
  RETURN copy_id;
END
$$;
GRANT EXECUTE ON FUNCTION copy_regulation_preset(bigint, bigint) TO ${app_role};
