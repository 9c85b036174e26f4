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

-- delete_site (V13) learns the new table: a deleted site's mail history goes with it, like its
-- audit log. The rest of the function is V13's, unchanged.
CREATE OR REPLACE FUNCTION delete_site(site bigint) RETURNS jsonb
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  t tenants%ROWTYPE;
  counts jsonb := '{}';
  n bigint;
  tbl text;
  left_over boolean;
BEGIN
  IF NOT (site = ANY (app_visible_tenants())) THEN
    RAISE EXCEPTION 'delete_site(%): the site is not in this transaction''s scope', site
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO t FROM tenants WHERE id = site FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'delete_site(%): no such site', site USING ERRCODE = 'no_data_found';
  END IF;
  IF t.kind = 'PROVINCE' OR t.status NOT IN ('ARCHIVED', 'SUSPENDED') THEN
    RAISE EXCEPTION 'delete_site(%): only an archived or suspended component site may be deleted', site
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF EXISTS (SELECT 1 FROM tenants WHERE parent_id = site OR merged_into_id = site) THEN
    RAISE EXCEPTION 'delete_site(%): other sites hang under it or redirect to it', site
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;

  SET CONSTRAINTS ALL DEFERRED;
  -- site_requests (V12) belong to the province: the approved request that made this site names it,
  -- and goes with it (the province's audit log keeps the request's approval and this deletion).
  FOREACH tbl IN ARRAY ARRAY['proposals', 'media_variants', 'media', 'article_revisions', 'articles',
                             'categories', 'pages', 'ratings', 'memberships', 'audit_events',
                             'sign_in_links', 'tenant_hosts', 'site_requests', 'mail_outbox']
  LOOP
    -- Migrations run out of order (Migrator): a table of a later script may not exist yet.
    CONTINUE WHEN to_regclass('public.' || tbl) IS NULL;
    EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', tbl) USING site;
    GET DIAGNOSTICS n = ROW_COUNT;
    counts := counts || jsonb_build_object(tbl, n);
  END LOOP;

  FOR tbl IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables it ON it.table_schema = c.table_schema AND it.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND it.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE tenant_id = $1)', tbl) INTO left_over USING site;
    IF left_over THEN
      RAISE EXCEPTION 'delete_site(%): table % still holds rows of the site; teach delete_site about it', site, tbl;
    END IF;
  END LOOP;

  DELETE FROM tenants WHERE id = site;
  RETURN counts;
END
$$;
