-- filing_pin becomes the department-year's lock row: every write (goals, self-scores, project
-- indicators, adjustments) and every filing step takes it FOR UPDATE. pinned = locked (submitted or
-- approved). revision: evaluation's own data revision, bumped by every rescoring; budget_*: the lock
-- budget-service confirmed; confirmed_version: the submission evaluation has confirmed.
alter table filing_pin add column revision bigint not null default 0;
alter table filing_pin add column budget_confirmed_version integer;
alter table filing_pin add column budget_revision bigint;
alter table filing_pin add column confirmed_version integer;
