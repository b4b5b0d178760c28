-- The deterministic demo dataset. Every id is derived from a fixed string so two seeds of the same
-- scale produce identical databases; everything is set-based so a million orphans load in minutes.
INSERT INTO projects (id, name, description, status, created_at, updated_at) VALUES
    (@sentinelId, @sentinelName,   'Sentinel for sessions without evidence', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    ('10000000-0000-0000-0000-000000000001', 'frontend-app',  'Customer-facing web front end',  'active',
     '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z'),
    ('10000000-0000-0000-0000-000000000002', 'backend-api',   'Public REST and gRPC API',       'active',
     '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z'),
    ('10000000-0000-0000-0000-000000000003', 'data-pipeline', 'Nightly ETL and reporting',      'active',
     '2026-01-07T09:00:00Z', '2026-01-07T09:00:00Z'),
    ('10000000-0000-0000-0000-000000000004', 'mobile-app',    'iOS and Android clients',        'active',
     '2026-01-08T09:00:00Z', '2026-01-08T09:00:00Z'),
    ('10000000-0000-0000-0000-000000000005', 'legacy-portal', 'Retired partner portal',         'archived',
     '2025-03-01T09:00:00Z', '2026-02-01T09:00:00Z');

-- The 18 orphan sessions of the seed scenario. spec maps a project slot (p1..p5, "null" for events
-- without a project, "sentinel" for events naming the sentinel project) to how many events it left.
CREATE TEMP TABLE demo_scenario ON COMMIT DROP AS
SELECT n,
       ('5e550000-0000-0000-0000-' || lpad(n::text, 12, '0'))::uuid AS session_id,
       agent_type, title, still_active, spec::jsonb AS spec
FROM (VALUES
    ( 1, 'claude-code', 'Refactor navigation bar',            false, '{"p1":15}'),
    ( 2, 'cursor',      'Add pagination to /orders',          false, '{"p2":20}'),
    ( 3, 'copilot',     'Fix late-arriving facts in ETL',     false, '{"p3":12}'),
    ( 4, 'claude-code', 'Dark mode polish',                   false, '{"p1":14,"p2":1}'),
    ( 5, 'windsurf',    'Push notification opt-in',           false, '{"p4":10}'),
    ( 6, 'aider',       'Form validation messages',           false, '{"p1":9}'),
    ( 7, 'cursor',      'Rate limiter tuning',                false, '{"p2":6,"p3":2}'),
    ( 8, 'copilot',     'Backfill partition keys',            false, '{"p3":3,"p4":1}'),
    ( 9, 'claude-code', 'Export partner invoices',            false, '{"p5":12}'),
    (10, 'cursor',      'Cross-cutting logging cleanup',      false, '{"p1":4,"p2":3,"p3":3,"p4":2}'),
    (11, 'windsurf',    'Shared auth token refresh',          false, '{"p1":5,"p2":5}'),
    (12, 'aider',       'Investigate flaky test',             false, '{"p2":2,"p4":1}'),
    (13, 'claude-code', 'Scratch session',                    false, '{"null":6}'),
    (14, 'copilot',     'Empty session',                      false, '{}'),
    (15, 'cursor',      'Triage inbox',                       false, '{"sentinel":4,"null":2}'),
    (16, 'claude-code', 'GraphQL gateway spike',              true,  '{"p2":25}'),
    (17, 'windsurf',    'Offline sync',                       true,  '{"p4":7}'),
    (18, 'copilot',     'Checkout flow A/B test',             false, '{"p1":28,"null":2}')
) AS s(n, agent_type, title, still_active, spec);

INSERT INTO sessions (id, project_id, agent_type, started_at, ended_at, title, description, updated_at)
SELECT session_id, NULL, agent_type,
       timestamptz '2026-10-01T08:00:00Z' + n * interval '3 hours',
       CASE WHEN still_active THEN NULL ELSE timestamptz '2026-10-01T08:00:00Z' + n * interval '3 hours' + interval '95 minutes' END,
       title, 'Demo orphan session ' || n,
       timestamptz '2026-10-01T08:00:00Z' + n * interval '3 hours'
FROM demo_scenario;

INSERT INTO analytics_events (event_id, timestamp, actor, project_id, session_id, event_type, payload, metadata)
SELECT md5('demo-orphan-' || d.n || '-' || e.key || '-' || g.j)::uuid,
       timestamptz '2026-10-01T08:00:00Z' + d.n * interval '3 hours' + g.j * interval '1 minute',
       CASE WHEN g.j % 3 = 0 THEN 'human' ELSE 'agent' END,
       CASE e.key
           WHEN 'null' THEN NULL
           WHEN 'sentinel' THEN @sentinelId
           ELSE ('10000000-0000-0000-0000-00000000000' || substr(e.key, 2))::uuid
       END,
       d.session_id,
       (ARRAY['file_edit', 'command_run', 'context_load', 'task_update'])[1 + g.j % 4],
       jsonb_build_object('step', g.j),
       jsonb_build_object('source', 'demo-seed')
FROM demo_scenario d
CROSS JOIN LATERAL jsonb_each_text(d.spec) AS e(key, value)
CROSS JOIN LATERAL generate_series(1, e.value::int) AS g(j);

-- Normally assigned sessions with their own events; a few of their events name another project,
-- which the analysis must ignore because the session is not an orphan.
INSERT INTO sessions (id, project_id, agent_type, started_at, ended_at, title, updated_at)
SELECT md5('demo-assigned-' || i)::uuid,
       ('10000000-0000-0000-0000-00000000000' || (1 + i % 5))::uuid,
       (ARRAY['claude-code', 'cursor', 'copilot', 'windsurf', 'aider'])[1 + i % 5],
       timestamptz '2026-09-01T08:00:00Z' + i * interval '5 hours',
       timestamptz '2026-09-01T08:00:00Z' + i * interval '5 hours' + interval '1 hour',
       'Assigned demo session ' || i,
       timestamptz '2026-09-01T08:00:00Z' + i * interval '5 hours'
FROM generate_series(1, 60) AS i;

INSERT INTO analytics_events (event_id, timestamp, actor, project_id, session_id, event_type, payload, metadata)
SELECT md5('demo-assigned-event-' || i || '-' || j)::uuid,
       timestamptz '2026-09-01T08:00:00Z' + i * interval '5 hours' + j * interval '1 minute',
       'agent',
       ('10000000-0000-0000-0000-00000000000' || (1 + (i + CASE WHEN j = 10 THEN 1 ELSE 0 END) % 5))::uuid,
       md5('demo-assigned-' || i)::uuid,
       'file_edit', jsonb_build_object('step', j), jsonb_build_object('source', 'demo-seed')
FROM generate_series(1, 60) AS i, generate_series(1, 10) AS j;

-- The scale-out: @scale more orphans with 20 events each over 50 further projects, in the mix
-- 60% confident, 20% tentative, 10% tied (manual review), 10% without evidence (unassigned).
INSERT INTO projects (id, name, description, status, created_at, updated_at)
SELECT md5('demo-scale-project-' || p)::uuid, 'project-' || lpad(p::text, 3, '0'), 'Scale demo project',
       'active', '2026-01-10T09:00:00Z', '2026-01-10T09:00:00Z'
FROM generate_series(0, 49) AS p
WHERE @scale > 0;

INSERT INTO sessions (id, project_id, agent_type, started_at, ended_at, title, updated_at)
SELECT md5('demo-scale-session-' || i)::uuid, NULL,
       (ARRAY['claude-code', 'cursor', 'copilot', 'windsurf', 'aider'])[1 + i % 5],
       timestamptz '2026-06-01T00:00:00Z' + i * interval '7 seconds',
       CASE WHEN i % 50 = 0 THEN NULL ELSE timestamptz '2026-06-01T00:00:00Z' + i * interval '7 seconds' + interval '40 minutes' END,
       'Scale orphan ' || i,
       timestamptz '2026-06-01T00:00:00Z' + i * interval '7 seconds'
FROM generate_series(1, @scale) AS i;

INSERT INTO analytics_events (event_id, timestamp, actor, project_id, session_id, event_type)
SELECT md5('demo-scale-event-' || i || '-' || j)::uuid,
       timestamptz '2026-06-01T00:00:00Z' + i * interval '7 seconds' + j * interval '1 minute',
       'agent',
       CASE
           WHEN i % 10 <= 5 THEN md5('demo-scale-project-' || (i % 50))::uuid
           WHEN i % 10 <= 7 THEN md5('demo-scale-project-' || ((i + CASE WHEN j > 16 THEN 1 ELSE 0 END) % 50))::uuid
           WHEN i % 10 = 8 THEN CASE WHEN j <= 8 THEN md5('demo-scale-project-' || (i % 50))::uuid
                                     WHEN j <= 16 THEN md5('demo-scale-project-' || ((i + 1) % 50))::uuid END
       END,
       md5('demo-scale-session-' || i)::uuid,
       (ARRAY['file_edit', 'command_run', 'context_load', 'task_update'])[1 + j % 4]
FROM generate_series(1, @scale) AS i, generate_series(1, 20) AS j;
