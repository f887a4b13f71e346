-- Our copy of each department-year's sheet from BudgetFiguresChanged (replaces budget_figures),
-- the scored template, and the departments' self-scores of qualitative indicators.
drop table budget_figures;

create table budget_sheet (
    department_id   varchar(64) not null,
    fiscal_year     integer     not null,
    revision        bigint      not null,
    basic_version   bigint,
    sheet           text        not null,
    source_event_id uuid        not null,
    received_at     timestamptz not null,
    primary key (department_id, fiscal_year)
);
create index budget_sheet_year on budget_sheet (fiscal_year);

create table score_card (
    department_id   varchar(64)   not null,
    fiscal_year     integer       not null,
    template_code   varchar(64)   not null,
    total           numeric(6,2)  not null,
    grade           varchar(4)    not null,
    card            text          not null,
    source_revision bigint        not null,
    computed_at     timestamptz   not null,
    primary key (department_id, fiscal_year)
);
create index score_card_year_total on score_card (fiscal_year, total desc);

create table self_score (
    id            bigint generated always as identity primary key,
    department_id varchar(64)  not null,
    fiscal_year   integer      not null,
    code          varchar(64)  not null,
    score         numeric(6,2) not null check (score >= 0),
    evidence      text         not null,
    version       bigint       not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null,
    unique (department_id, fiscal_year, code)
);
