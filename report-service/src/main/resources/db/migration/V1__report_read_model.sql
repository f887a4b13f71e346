-- report-service's read model, fed by budget.events and evaluation.events.
create table budget_view (
    department_id  varchar(64)   not null,
    fiscal_year    integer       not null,
    basic_budget   numeric(17,2) not null,
    basic_actual   numeric(17,2) not null,
    basic_variance numeric(17,2) not null,
    budget_version bigint        not null,
    updated_at     timestamptz   not null,
    primary key (department_id, fiscal_year)
);
create index budget_view_year on budget_view (fiscal_year);

create table indicator_view (
    department_id  varchar(64)  not null,
    fiscal_year    integer      not null,
    code           varchar(64)  not null,
    name           varchar(200) not null,
    value          numeric(12,2),
    unit           varchar(16)  not null,
    missing        boolean      not null,
    source_version bigint       not null,
    updated_at     timestamptz  not null,
    primary key (department_id, fiscal_year, code)
);
