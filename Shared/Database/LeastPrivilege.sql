-- What the services' database role needs, and nothing more. Run as the database owner; {role}
-- and {database} are replaced by LeastPrivilegeGrants with checked, quoted identifiers.
GRANT CONNECT ON DATABASE {database} TO {role};
GRANT USAGE ON SCHEMA public TO {role};
-- Evidence and targets are only read.
GRANT SELECT ON public.projects, public.analytics_events TO {role};
-- Sessions are read (analysis, backup) and only their project_id is ever written.
GRANT SELECT, UPDATE (project_id) ON public.sessions TO {role};
-- The tool's own schema (plans, runs, saga state, audit, backup tables) belongs to the role.
CREATE SCHEMA backfill AUTHORIZATION {role};
-- The health probe reads other roles' activity, replication and vacuum progress; without it those read as healthy.
-- Granting a predefined role needs a superuser (or, before PostgreSQL 16, a role with CREATEROLE).
GRANT pg_monitor TO {role};
