-- The application's schema exactly as docs/product-contract.md describes it. The demo seeder creates it on an
-- empty database; the tool itself never alters these definitions.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE IF NOT EXISTS projects (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL UNIQUE,
    description text,
    created_at  timestamptz DEFAULT now(),
    updated_at  timestamptz DEFAULT now(),
    status      varchar(50) DEFAULT 'active'
                CHECK (status IN ('active', 'archived', 'completed', 'paused'))
);

CREATE TABLE IF NOT EXISTS sessions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id  uuid REFERENCES projects(id),
    agent_type  varchar(50) NOT NULL,
    started_at  timestamptz DEFAULT now(),
    ended_at    timestamptz,
    title       text,
    description text,
    updated_at  timestamptz DEFAULT now()
);

CREATE TABLE IF NOT EXISTS analytics_events (
    event_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    timestamp  timestamptz NOT NULL DEFAULT now(),
    actor      varchar(20) NOT NULL,
    project_id uuid REFERENCES projects(id),
    session_id uuid,
    event_type varchar(50) NOT NULL,
    payload    jsonb,
    metadata   jsonb
);
