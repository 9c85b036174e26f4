-- The cross-tenant job functions get a role of their own (issue 13, item 7).
--
-- due_scheduled_articles (V4) and due_mail (V19) are SECURITY DEFINER so that the scheduler and
-- the mail sender can find due items in every tenant. Run as their owner, the migrating user, they
-- saw every tenant only because that user was a superuser: the walls are FORCEd (V1), so an
-- ordinary owner is bound by them too, and the functions silently returned nothing.
--
-- Now they run as ${jobs_role}: NOLOGIN, owning nothing else, with SELECT on exactly the columns
-- they read and a policy on those two tables that admits it and nobody else. Not BYPASSRLS: only a
-- superuser could grant that, and the owner need not be one. The application role cannot become
-- ${jobs_role} (it is no member); it can only call the two functions, which answer ids only.
-- JobRoleCheck refuses to start the application if a due_* function is owned by a role that the
-- walls would blind.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${jobs_role}') THEN
    CREATE ROLE ${jobs_role} NOLOGIN;
  END IF;
  -- Handing a function to a role takes the right to SET ROLE to it. A superuser has it; an owner
  -- with CREATEROLE made the role just now and holds its ADMIN option (since PostgreSQL 16 with
  -- neither SET nor INHERIT), so grants itself SET. INHERIT stays off: inheriting, the owner would
  -- pass the policies below and see every tenant's articles and mail. So a later migration that
  -- changes a due_* function does it as this role (SET ROLE ${jobs_role}; … ; RESET ROLE), after
  -- GRANT CREATE ON SCHEMA public TO ${jobs_role}, revoked again at its end.
  IF current_setting('server_version_num')::int >= 160000 THEN
    IF NOT pg_has_role(current_user, '${jobs_role}', 'SET') THEN
      EXECUTE format('GRANT %I TO %I WITH INHERIT FALSE, SET TRUE', '${jobs_role}', current_user);
    END IF;
  ELSIF NOT pg_has_role(current_user, '${jobs_role}', 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', '${jobs_role}', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${jobs_role};
GRANT SELECT (tenant_id, id, status, publish_at) ON articles TO ${jobs_role};
GRANT SELECT (tenant_id, id, status, next_attempt_at) ON mail_outbox TO ${jobs_role};

-- Permissive policies add to the tenant wall; TO ${jobs_role} keeps them from anyone else.
CREATE POLICY cross_tenant_jobs ON articles FOR SELECT TO ${jobs_role} USING (true);
CREATE POLICY cross_tenant_jobs ON mail_outbox FOR SELECT TO ${jobs_role} USING (true);

-- A new owner must be allowed to create in the function's schema (a superuser is not asked): for
-- the moment of the hand-over only. The schema's owner (PostgreSQL 15+: the database owner) grants it.
GRANT CREATE ON SCHEMA public TO ${jobs_role};
ALTER FUNCTION due_scheduled_articles(integer) OWNER TO ${jobs_role};
ALTER FUNCTION due_mail(integer) OWNER TO ${jobs_role};
REVOKE CREATE ON SCHEMA public FROM ${jobs_role};
