-- A new site serves at once but is not yet live (issue 5, ND 224 / TT 22/2023: a site goes
-- live only with its EMC id and its mandatory pages): visitors see a banner, search engines
-- are asked not to index it, and the province's directory leaves it out. Sites that exist
-- already are live.
ALTER TABLE tenants ADD COLUMN live boolean NOT NULL DEFAULT true;
