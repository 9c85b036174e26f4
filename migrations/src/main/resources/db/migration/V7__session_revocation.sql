-- Signing out, being disabled, or being handed over ends every session of the account: a
-- token issued before this instant is refused (TenantBoundTokens), though it has not expired.
-- NULL: no session has been ended yet.
ALTER TABLE accounts ADD COLUMN sessions_valid_after timestamptz;
