-- Indicator templates (指标体系) as versioned data. A template is the default (seeded from
-- templates/default.json) or a copy for one jurisdiction and fiscal year; every edit stores a new
-- immutable version, so any score can be traced to, and recomputed with, exactly the version it used.
create table indicator_template (
    id               bigint generated always as identity primary key,
    name             varchar(200) not null,
    jurisdiction     varchar(100),
    fiscal_year      integer,
    is_default       boolean      not null default false,
    current_version  integer      not null check (current_version >= 1),
    copied_from_id   bigint references indicator_template (id),
    copied_from_version integer,
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(200) not null,
    check (is_default or (jurisdiction is not null and fiscal_year is not null))
);
create unique index indicator_template_one_default on indicator_template (is_default) where is_default;
create index indicator_template_scope on indicator_template (jurisdiction, fiscal_year);

create table indicator_template_version (
    template_id  bigint       not null references indicator_template (id),
    version      integer      not null,
    body         text         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    primary key (template_id, version)
);

-- Which template a jurisdiction scores a fiscal year with (its latest version); none: the default.
create table template_assignment (
    jurisdiction varchar(100) not null,
    fiscal_year  integer      not null,
    template_id  bigint       not null references indicator_template (id),
    version      bigint       not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(200) not null,
    primary key (jurisdiction, fiscal_year)
);
create index template_assignment_template on template_assignment (template_id);

-- The template version a submitted filing was scored with (report.events FilingSubmitted): while
-- pinned, the department-year is scored with this version whatever happens to the template.
create table filing_pin (
    department_id    varchar(64)  not null,
    fiscal_year      integer      not null,
    pinned           boolean      not null,
    template_id      bigint references indicator_template (id),
    template_version integer,
    filing_version   integer      not null,
    updated_at       timestamptz  not null,
    primary key (department_id, fiscal_year)
);

-- Jurisdiction of each department-year (from the sheet's profile) and the template version of each
-- score card: the bureau filters by jurisdiction, and a template change finds what to rescore.
alter table budget_sheet add column jurisdiction varchar(100);
update budget_sheet set jurisdiction = (sheet::jsonb -> 'department' ->> 'jurisdiction');
create index budget_sheet_year_jurisdiction on budget_sheet (fiscal_year, jurisdiction);

alter table score_card add column jurisdiction varchar(100);
alter table score_card add column template_id bigint;
alter table score_card add column template_version integer;
update score_card c set jurisdiction = s.jurisdiction
  from budget_sheet s where s.department_id = c.department_id and s.fiscal_year = c.fiscal_year;
create index score_card_year_jurisdiction_grade on score_card (fiscal_year, jurisdiction, grade);
create index score_card_template on score_card (template_id, template_version);

-- 项目支出绩效自评: the indicators a department sets per project (budget-service's project id), saved
-- as one versioned whole per project.
create table project_indicator_set (
    department_id varchar(64)  not null,
    fiscal_year   integer      not null,
    project_id    bigint       not null,
    version       bigint       not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null,
    primary key (department_id, fiscal_year, project_id)
);

create table project_indicator (
    id                 bigint generated always as identity primary key,
    department_id      varchar(64)   not null,
    fiscal_year        integer       not null,
    project_id         bigint        not null,
    position           integer       not null,
    category           varchar(16)   not null check (category in ('QUANTITY', 'QUALITY', 'TIMELINESS', 'COST', 'BENEFIT', 'SATISFACTION')),
    name               varchar(300)  not null,
    kind               varchar(16)   not null check (kind in ('QUANTITATIVE', 'QUALITATIVE')),
    unit               varchar(16),
    direction          varchar(4)    check (direction in ('GE', 'LE', 'EQ')),
    target             numeric(17,4),
    actual             numeric(17,4),
    tier               varchar(8)    check (tier in ('GOOD', 'FAIR', 'POOR')),
    self_score_percent numeric(5,2)  check (self_score_percent between 0 and 100),
    evidence           text,
    foreign key (department_id, fiscal_year, project_id)
        references project_indicator_set (department_id, fiscal_year, project_id)
);
create index project_indicator_filing on project_indicator (department_id, fiscal_year, project_id);
