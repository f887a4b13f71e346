-- Everything else a department reports per fiscal year (domain.md "What a department provides").
-- Nullable amounts mean "not provided": evaluation lists them as 数据缺失, never as 0.

alter table department add column duties jsonb not null default '[]'::jsonb;      -- 职能职责 (numbered list)
alter table department add column divisions jsonb not null default '[]'::jsonb;   -- 内设科室
alter table department add column version bigint not null default 0;

-- 基本支出: the split of the actual and the public-funds budget.
alter table basic_expenditure add column personnel_actual    numeric(17,2) check (personnel_actual >= 0);    -- 工资福利
alter table basic_expenditure add column subsidies_actual    numeric(17,2) check (subsidies_actual >= 0);    -- 对个人和家庭的补助
alter table basic_expenditure add column public_funds_actual numeric(17,2) check (public_funds_actual >= 0); -- 公用经费
alter table basic_expenditure add column public_funds_budget numeric(17,2) check (public_funds_budget >= 0);

-- A department-year as a whole: its revision (bumped by every change, for events and incremental
-- reads) and its lock (set while the filing is submitted).
create table filing (
    department_id varchar(64) not null references department (id),
    fiscal_year   integer     not null,
    revision      bigint      not null,
    locked        boolean     not null default false,
    locked_at     timestamptz,
    updated_at    timestamptz not null,
    primary key (department_id, fiscal_year)
);
create index filing_year_updated on filing (fiscal_year, updated_at);
create index filing_updated on filing (updated_at);

create table staffing (
    id               bigint generated always as identity primary key,
    department_id    varchar(64) not null references department (id),
    fiscal_year      integer     not null,
    authorized_posts integer check (authorized_posts >= 0),   -- 编制数
    staff_in_post    integer check (staff_in_post >= 0),      -- 实有在职在编
    retired_soldiers integer check (retired_soldiers >= 0),   -- 退役士官
    temporary_staff  integer check (temporary_staff >= 0),    -- 临聘
    seconded_staff   integer check (seconded_staff >= 0),     -- 派驻
    retirees         integer check (retirees >= 0),           -- 离退休
    version          bigint      not null,
    updated_at       timestamptz not null,
    updated_by       varchar(200) not null,
    unique (department_id, fiscal_year)
);

-- 三公经费 and the other yearly figures.
create table other_figures (
    id                    bigint generated always as identity primary key,
    department_id         varchar(64) not null references department (id),
    fiscal_year           integer     not null,
    overseas_budget       numeric(17,2) check (overseas_budget >= 0),    -- 因公出国（境）
    overseas_actual       numeric(17,2) check (overseas_actual >= 0),
    cars_budget           numeric(17,2) check (cars_budget >= 0),        -- 公务用车购置及运行
    cars_actual           numeric(17,2) check (cars_actual >= 0),
    reception_budget      numeric(17,2) check (reception_budget >= 0),   -- 公务接待
    reception_actual      numeric(17,2) check (reception_actual >= 0),
    three_public_budget_last_year numeric(17,2) check (three_public_budget_last_year >= 0),
    procurement_budget    numeric(17,2) check (procurement_budget >= 0), -- 政府采购
    procurement_actual    numeric(17,2) check (procurement_actual >= 0),
    carry_over            numeric(17,2) check (carry_over >= 0),         -- 结转结余
    carry_over_last_year  numeric(17,2) check (carry_over_last_year >= 0),
    fixed_assets_total    numeric(17,2) check (fixed_assets_total >= 0), -- 固定资产
    fixed_assets_in_use   numeric(17,2) check (fixed_assets_in_use >= 0),
    monthly_payments      jsonb,                                         -- 12 amounts paid per month, 元
    version               bigint      not null,
    updated_at            timestamptz not null,
    updated_by            varchar(200) not null,
    unique (department_id, fiscal_year)
);

-- 项目支出: one row per project.
create table project (
    id                bigint generated always as identity primary key,
    department_id     varchar(64)  not null references department (id),
    fiscal_year       integer      not null,
    name              varchar(200) not null,
    budget            numeric(17,2) not null check (budget >= 0),       -- 年初预算
    adjustment        numeric(17,2) not null default 0,                 -- 追加(+)/调减(−)
    adjustment_reason varchar(1000),
    actual_own        numeric(17,2) not null check (actual_own >= 0),   -- 单位支付系统支付
    actual_direct     numeric(17,2) not null check (actual_direct >= 0),-- 财政直接支付/下拨
    key_project       boolean      not null default false,              -- 重点项目
    version           bigint       not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(200) not null,
    unique (department_id, fiscal_year, name)
);
create index project_department_year on project (department_id, fiscal_year);

-- 差异原因: why a line's actual differs from its budget, with the amount each reason explains.
create table variance_reason (
    id            bigint generated always as identity primary key,
    department_id varchar(64)   not null references department (id),
    fiscal_year   integer       not null,
    line          varchar(16)   not null check (line in ('BASIC', 'PROJECTS', 'PROJECT')),
    project_id    bigint references project (id) on delete cascade,
    amount        numeric(17,2) not null,
    reason        varchar(1000) not null,
    position      integer       not null
);
create index variance_reason_department_year on variance_reason (department_id, fiscal_year);
