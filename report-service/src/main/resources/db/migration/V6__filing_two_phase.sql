-- Two-phase submit: SUBMITTING until budget-service and evaluation-service have confirmed their locks;
-- the revisions they confirmed are kept on the filing and frozen into the version.
alter table filing drop constraint if exists filing_status_check;
alter table filing add constraint filing_status_check
    check (status in ('SUBMITTING', 'SUBMITTED', 'RETURNED', 'APPROVED'));
alter table filing add column budget_revision bigint;
alter table filing add column evaluation_revision bigint;
alter table filing_version add column evaluation_revision bigint;
-- evaluation-service's own data revision of the score card (IndicatorsComputed.evaluationRevision)
alter table score_view add column evaluation_revision bigint;
