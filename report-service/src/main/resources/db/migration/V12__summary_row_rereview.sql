-- The district summary row now carries the department's 抽查复核 outcome (reReview). Rows of department-years
-- re-reviewed before are dropped here; DistrictSummaryService's start-up backfill writes every missing row
-- again, with the outcome.
delete from summary_row r where exists (
    select 1 from season_rereview v where v.department_id = r.department_id and v.fiscal_year = r.fiscal_year);
