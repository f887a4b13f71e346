-- The 支出明细 of a department-year summed by project and month of 支付日期, written by the import
-- with its lines (their only writer), as spending_total is: the year-end rush shares (12月/第四季度
-- 支出占比) read these few rows, never a GROUP BY over up to 200,000 lines on each sheet. A project's
-- delete takes its sums with it, as it takes its lines. The import only accepts dates inside the
-- fiscal year, so every line has its month.
create table spending_month_total (
    department_id varchar(64)   not null,
    fiscal_year   integer       not null,
    project_id    bigint references project (id) on delete cascade,  -- null: 基本支出
    month         smallint      not null check (month between 1 and 12),
    line_count    integer       not null,
    amount        numeric(24,2) not null
);
create unique index spending_month_total_key on spending_month_total (department_id, fiscal_year,
    coalesce(project_id, 0), month);

insert into spending_month_total (department_id, fiscal_year, project_id, month, line_count, amount)
select department_id, fiscal_year, project_id, extract(month from paid_on)::smallint, count(*), sum(amount)
from spending_line
group by department_id, fiscal_year, project_id, extract(month from paid_on);
