-- V38 taught due_scheduled_articles to skip the items of sites that do not serve (suspended,
-- archived, merged) by joining tenants; V42 then handed the function to ${jobs_role}, which was
-- granted only the columns of articles and mail_outbox. Without the two columns below the
-- function fails ("permission denied for table tenants") and nothing is published on schedule.
-- The directory table has no row-level wall (every request reads it before a tenant is known),
-- so a column grant is all it takes.
GRANT SELECT (id, status) ON tenants TO ${jobs_role};
