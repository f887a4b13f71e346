-- 绩效目标 per department and year, each with its indicators (产出 数量/质量/时效/成本, 效益, 满意度):
-- unit, direction, target (指标值) and actual (实际完成值).
create table goal_set (
    department_id varchar(64)  not null,
    fiscal_year   integer      not null,
    version       bigint       not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null,
    primary key (department_id, fiscal_year)
);

create table goal_indicator (
    id            bigint generated always as identity primary key,
    department_id varchar(64)   not null,
    fiscal_year   integer       not null,
    goal          varchar(300)  not null,
    category      varchar(16)   not null check (category in ('QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'BENEFIT', 'SATISFACTION')),
    name          varchar(300)  not null,
    unit          varchar(16)   not null,
    direction     varchar(4)    not null check (direction in ('GE', 'LE', 'EQ')),
    target        numeric(17,4) not null,
    actual        numeric(17,4),
    key_task      boolean       not null default false,
    position      integer       not null,
    foreign key (department_id, fiscal_year) references goal_set (department_id, fiscal_year)
);
create index goal_indicator_filing on goal_indicator (department_id, fiscal_year);
