-- The sums of the 支出明细 per department-year, project and channel, written by the import with its
-- lines (it is their only writer), so a sheet reads a handful of rows instead of aggregating up to
-- 200,000 lines on every write of the year. A project's delete takes its sums with it, as it takes
-- its lines.
create table spending_total (
    department_id varchar(64)   not null,
    fiscal_year   integer       not null,
    project_id    bigint references project (id) on delete cascade,  -- null: 基本支出
    channel       varchar(8)    not null,                            -- OWN 单位自有 / DIRECT 财政直接支付
    line_count    integer       not null,
    amount        numeric(24,2) not null  -- up to 200,000 lines of numeric(17,2)
);
create unique index spending_total_key on spending_total (department_id, fiscal_year, coalesce(project_id, 0), channel);

insert into spending_total (department_id, fiscal_year, project_id, channel, line_count, amount)
select department_id, fiscal_year, project_id, channel, count(*), sum(amount)
from spending_line
group by department_id, fiscal_year, project_id, channel;

-- The department of a line is checked by its only writer, the import, in the same transaction (it
-- locks the department-year's filing row, itself a foreign key to the department), and departments
-- are never deleted. The per-row check of this key cost as much as the COPY of the lines itself.
alter table spending_line drop constraint if exists spending_line_department_id_fkey;
