-- Site settings by the board (issue 12, build 4): the two footer lines TT 32/2017 Đ16 and the
-- licensing rules name that the footer lacked, and the languages a site offers.
--
-- tenants stays a platform table (no tenant_id, no wall): the board writes its own row through
-- SiteSettings, which takes the site from the host, never from input.

-- The fax line and the "Giấy phép" line (licence number, issuer, date) of the footer.
ALTER TABLE tenants ADD COLUMN footer_fax text CHECK (footer_fax IS NULL OR length(footer_fax) <= 40);
ALTER TABLE tenants ADD COLUMN footer_licence text CHECK (footer_licence IS NULL OR length(footer_licence) <= 300);

-- The languages this site offers, a subset of its province's `languages`; NULL follows the
-- province (every site did so before), so a language the province adds later reaches sites that
-- never chose. Vietnamese is always offered.
ALTER TABLE tenants ADD COLUMN offered_languages text[]
  CHECK (offered_languages IS NULL OR 'vi' = ANY (offered_languages));
