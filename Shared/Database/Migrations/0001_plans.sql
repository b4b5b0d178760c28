-- Plans are immutable snapshots of one analysis. Operator decisions (exclusions, manual targets,
-- approval) live in their own append-only tables so the analysis itself is never rewritten.
CREATE TABLE backfill.plans (
    id                   uuid PRIMARY KEY,
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           text NOT NULL,
    prior                numeric NOT NULL CHECK (prior >= 0),
    confident_threshold  numeric NOT NULL,
    tentative_threshold  numeric NOT NULL,
    total                integer NOT NULL,
    confident            integer NOT NULL,
    tentative            integer NOT NULL,
    manual_review        integer NOT NULL,
    unassigned           integer NOT NULL,
    risks                jsonb NOT NULL,
    recommendations      jsonb NOT NULL,
    analysis_duration_ms double precision NOT NULL,
    CHECK (tentative_threshold <= confident_threshold)
);

-- Items and distributions are bulk-loaded (binary COPY, a row per orphan) inside the transaction
-- that also inserts their plan, so they carry no foreign keys: a per-row RI check would cost about
-- a third of the load, and plans are never deleted. The low-volume decision and approval tables
-- below keep theirs.
CREATE TABLE backfill.plan_items (
    plan_id              uuid NOT NULL,
    session_id           uuid NOT NULL,
    assignment_type      text NOT NULL CHECK (assignment_type IN ('confident', 'tentative', 'manual_review', 'unassigned')),
    target_project_id    uuid,
    suggested_project_id uuid,
    confidence           numeric NOT NULL,
    events_total         integer NOT NULL,
    evidence_events      integer NOT NULL,
    reasoning            text NOT NULL,
    warnings             text[] NOT NULL DEFAULT '{}',
    -- The session's updated_at when analysed: lets a run tell a session changed since analysis.
    session_updated_at   timestamptz,
    PRIMARY KEY (plan_id, session_id)
);

CREATE TABLE backfill.plan_distributions (
    plan_id    uuid NOT NULL,
    session_id uuid NOT NULL,
    project_id uuid NOT NULL,
    events     integer NOT NULL,
    PRIMARY KEY (plan_id, session_id, project_id)
);

-- One row per item decision; the newest row for (plan, session) wins.
CREATE TABLE backfill.plan_item_decisions (
    id                bigserial PRIMARY KEY,
    plan_id           uuid NOT NULL,
    session_id        uuid NOT NULL,
    decision          text NOT NULL CHECK (decision IN ('exclude', 'include', 'assign')),
    target_project_id uuid,
    decided_by        text NOT NULL,
    decided_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (plan_id, session_id) REFERENCES backfill.plan_items (plan_id, session_id) ON DELETE CASCADE,
    CHECK ((decision = 'assign') = (target_project_id IS NOT NULL))
);
CREATE INDEX plan_item_decisions_lookup_idx ON backfill.plan_item_decisions (plan_id, session_id, id DESC);

CREATE TABLE backfill.plan_approvals (
    plan_id     uuid PRIMARY KEY REFERENCES backfill.plans (id) ON DELETE CASCADE,
    approved_by text NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    risks_acknowledged boolean NOT NULL DEFAULT false
);
