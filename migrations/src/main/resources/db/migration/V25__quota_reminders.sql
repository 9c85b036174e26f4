-- Sites short of their monthly quota a few working days before the month ends are reminded
-- (issue 6, item 5): in their back office, and by e-mail to their board's head when SMTP is
-- configured. One reminder per site and month, kept so the province sees who was told.
CREATE TABLE quota_reminders (
  tenant_id          bigint NOT NULL REFERENCES tenants,
  month              date NOT NULL CHECK (extract(day FROM month) = 1),
  required           integer NOT NULL,
  counted            integer NOT NULL,
  working_days_left  integer NOT NULL,
  recipients         text[] NOT NULL DEFAULT '{}',
  mail_status        text NOT NULL CHECK (mail_status IN ('QUEUED', 'NOT_CONFIGURED', 'NO_ADDRESS')),
  reminded_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, month)
);
ALTER TABLE quota_reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE quota_reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON quota_reminders
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
GRANT SELECT, INSERT, UPDATE, DELETE ON quota_reminders TO ${app_role};
