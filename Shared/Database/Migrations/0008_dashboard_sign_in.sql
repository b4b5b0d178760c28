-- Dashboard sign-in hardening. Failed attempts lock an account for a while; the security stamp is
-- copied into the sign-in cookie and compared on every request and circuit action, so a new stamp
-- (sign-out, new password, new role) or a deleted row ends every session of the user at once.
ALTER TABLE backfill.dashboard_users
    ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    timestamptz,
    ADD COLUMN security_stamp  uuid NOT NULL DEFAULT gen_random_uuid();

-- A trigger rather than application code: a role lowered or a password reset by hand in SQL must
-- end the user's sessions just as surely as one changed through the Dashboard.
CREATE FUNCTION backfill.dashboard_users_new_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.security_stamp := gen_random_uuid();
    RETURN NEW;
END
$$;

CREATE TRIGGER dashboard_users_new_stamp
    BEFORE UPDATE OF password_hash, role ON backfill.dashboard_users
    FOR EACH ROW
    WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.role IS DISTINCT FROM NEW.role)
    EXECUTE FUNCTION backfill.dashboard_users_new_stamp();
