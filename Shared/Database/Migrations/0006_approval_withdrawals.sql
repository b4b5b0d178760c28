-- An approval freezes its plan, and an approver may withdraw it (audited) to change decisions; a
-- new approval follows. Approvals stay append-only: each has its own id, a withdrawal only fills
-- in the withdrawal columns once, and at most one approval per plan is in force.
ALTER TABLE backfill.plan_approvals DROP CONSTRAINT plan_approvals_pkey;
ALTER TABLE backfill.plan_approvals
    ADD COLUMN id bigserial PRIMARY KEY,
    -- The newest decision id when approved: pre-flight uses no decision after it. Ids, not
    -- timestamps, because decided_at and approved_at can tie.
    ADD COLUMN decisions_through bigint,
    ADD COLUMN withdrawn_at timestamptz,
    ADD COLUMN withdrawn_by text,
    ADD COLUMN withdraw_reason text,
    ADD CONSTRAINT plan_approvals_withdrawal_complete CHECK (
        (withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdraw_reason IS NULL)),
    ADD CONSTRAINT plan_approvals_withdraw_reason_given CHECK (btrim(withdraw_reason) <> '');

-- Before this migration decisions after approval were accepted; approval time is all that tells them apart.
UPDATE backfill.plan_approvals a
SET decisions_through = COALESCE((SELECT max(d.id) FROM backfill.plan_item_decisions d
                                  WHERE d.plan_id = a.plan_id AND d.decided_at <= a.approved_at), 0);
ALTER TABLE backfill.plan_approvals ALTER COLUMN decisions_through SET NOT NULL;

CREATE UNIQUE INDEX plan_approvals_in_force_idx ON backfill.plan_approvals (plan_id) WHERE withdrawn_at IS NULL;

-- What every reader means by "approved".
CREATE VIEW backfill.plan_approvals_in_force AS
    SELECT id, plan_id, approved_by, approved_at, risks_acknowledged, decisions_through
    FROM backfill.plan_approvals WHERE withdrawn_at IS NULL;

-- The database records decisions_through itself, so no writer (the Analyzer, plans written as plain
-- SQL by the Executor's bench and tests) can approve without it. The Analyzer holds the plan row
-- FOR UPDATE while approving and decisions hold it FOR SHARE, so no decision is in flight here.
CREATE FUNCTION backfill.guard_plan_approval() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.decisions_through := (SELECT COALESCE(max(id), 0) FROM backfill.plan_item_decisions WHERE plan_id = NEW.plan_id);
        NEW.withdrawn_at := NULL;
        NEW.withdrawn_by := NULL;
        NEW.withdraw_reason := NULL;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
       AND (NEW.id, NEW.plan_id, NEW.approved_by, NEW.approved_at, NEW.risks_acknowledged, NEW.decisions_through)
           IS NOT DISTINCT FROM (OLD.id, OLD.plan_id, OLD.approved_by, OLD.approved_at, OLD.risks_acknowledged, OLD.decisions_through) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'plan_approvals is append-only: an approval can only be withdrawn, once';
END $$;
CREATE TRIGGER plan_approvals_guard BEFORE INSERT OR UPDATE OR DELETE ON backfill.plan_approvals
    FOR EACH ROW EXECUTE FUNCTION backfill.guard_plan_approval();
