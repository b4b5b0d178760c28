-- Dashboard sign-in. Passwords are ASP.NET Core Identity hashes (PBKDF2), never plain text.
CREATE TABLE backfill.dashboard_users (
    user_name     text PRIMARY KEY CHECK (user_name ~ '^[a-z0-9._-]{2,64}$'),
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('Viewer', 'Approver', 'Operator')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The dashboard's item grid sorts by confidence within a plan; keep that an index scan at 1M items.
CREATE INDEX plan_items_confidence_idx ON backfill.plan_items (plan_id, confidence, session_id);
