-- evaluation-service keeps its own copy of the budget figures it scores (fed by budget.events).
create table budget_figures (
    department_id   varchar(64)   not null,
    fiscal_year     integer       not null,
    basic_budget    numeric(17,2),
    basic_actual    numeric(17,2),
    source_version  bigint        not null,
    source_event_id uuid          not null,
    received_at     timestamptz   not null,
    primary key (department_id, fiscal_year)
);
create index budget_figures_year on budget_figures (fiscal_year);

-- Computed indicator values (三级指标), each with its explanation (formula, inputs and their sources).
create table indicator_value (
    id             bigint generated always as identity primary key,
    department_id  varchar(64)  not null,
    fiscal_year    integer      not null,
    code           varchar(64)  not null,
    value          numeric(12,2),
    unit           varchar(16)  not null,
    missing        boolean      not null,
    explanation    text         not null,
    source_version bigint       not null,
    computed_at    timestamptz  not null,
    unique (department_id, fiscal_year, code)
);
create index indicator_value_year on indicator_value (fiscal_year, code);
