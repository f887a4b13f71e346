-- 预算单位 (departments) and their basic expenditure (基本支出) per fiscal year.
create table department (
    id                varchar(64)  primary key,
    code              varchar(32)  not null unique,
    name              varchar(200) not null,
    jurisdiction      varchar(100) not null,
    first_fiscal_year integer      not null,
    created_at        timestamptz  not null
);
create index department_jurisdiction on department (jurisdiction);

create table basic_expenditure (
    id            bigint generated always as identity primary key,
    department_id varchar(64)   not null references department (id),
    fiscal_year   integer       not null,
    budget        numeric(17,2) not null check (budget >= 0),
    actual        numeric(17,2) not null check (actual >= 0),
    version       bigint        not null,
    updated_at    timestamptz   not null,
    updated_by    varchar(200)  not null,
    unique (department_id, fiscal_year)
);
create index basic_expenditure_year on basic_expenditure (fiscal_year);
