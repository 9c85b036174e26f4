-- E-mail (infra.mail): a transactional outbox. A message is written in the transaction of the
-- change that causes it (a site created with its head, a request filed, approved or declined),
-- so there is never a mail about a change that rolled back, nor a change whose mail was lost.
-- A one-node job (MailSender) sends what is due, retries with backoff and gives up after a few
-- attempts, writing down what went wrong.
--
-- Walled like any tenant table: tenant_id is the site the message concerns (the new site for
-- its head's link, the province for a request filed with it), so a province's board reads what
-- was sent for its sites through its subtree scope and nobody else does. The sender reaches
-- across tenants only through due_mail() below, ids only, as the scheduler does (V4).
CREATE TABLE mail_outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id        bigint NOT NULL REFERENCES tenants,
  kind             text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{1,60}$'),
  recipient        text NOT NULL CHECK (length(recipient) <= 254 AND recipient ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  subject          text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body_text        text CHECK (length(body_text) <= 100000),
  body_html        text CHECK (length(body_html) <= 200000),
  -- The body holds something that opens a door (a one-time sign-in link): it is wiped as soon
  -- as the message is sent or given up, keeping recipient, subject and times.
  secret           boolean NOT NULL DEFAULT false,
  -- QUEUED: waiting or being retried; SENT; FAILED: given up; NOT_CONFIGURED: no SMTP server
  -- was configured when it was written, so it is recorded but never sent.
  status           text NOT NULL DEFAULT 'QUEUED'
                   CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'NOT_CONFIGURED')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz,
  -- After this the message is pointless (the link in it has expired): not sent any more.
  valid_until      timestamptz,
  sent_at          timestamptz,
  last_error       text CHECK (length(last_error) <= 1000),
  wiped_at         timestamptz,
  CHECK ((status = 'QUEUED') = (next_attempt_at IS NOT NULL)),
  CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
  CHECK (status <> 'QUEUED' OR body_text IS NOT NULL),
  -- The database itself refuses a secret that outlived its sending.
  CHECK (NOT secret OR status = 'QUEUED' OR (body_text IS NULL AND body_html IS NULL AND wiped_at IS NOT NULL))
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX mail_outbox_recent ON mail_outbox (tenant_id, created_at DESC);

ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
-- (SELECT …) … IS TRUE: the scope is read once per statement (V10).
CREATE POLICY tenant_wall ON mail_outbox
  USING ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)
  WITH CHECK ((tenant_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE);
-- No DELETE: the history of who was told what stays (delete_site removes a deleted site's).
GRANT SELECT, INSERT, UPDATE ON mail_outbox TO ${app_role};

-- The sender's one door across tenants: which messages are due, ids only. Each is then read,
-- sent and marked in its own tenant's scope.
CREATE FUNCTION due_mail(max_rows integer)
  RETURNS TABLE (tenant_id bigint, mail_id bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT m.tenant_id, m.id FROM mail_outbox m
  WHERE m.status = 'QUEUED' AND m.next_attempt_at <= now()
  ORDER BY m.next_attempt_at, m.id LIMIT max_rows
$$;
REVOKE ALL ON FUNCTION due_mail(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_mail(integer) TO ${app_role};
