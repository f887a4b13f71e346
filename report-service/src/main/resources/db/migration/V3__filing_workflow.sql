-- The filing workflow: draft → submitted → returned / approved, with immutable submitted versions.
create table filing (
    department_id  varchar(64) not null,
    fiscal_year    integer     not null,
    status         varchar(16) not null check (status in ('SUBMITTED', 'RETURNED', 'APPROVED')),
    latest_version integer     not null,
    version        bigint      not null,
    updated_at     timestamptz not null,
    primary key (department_id, fiscal_year)
);
create index filing_year_status on filing (fiscal_year, status);

-- What was submitted, frozen: the report text and page, the inputs' revisions, the findings, a hash.
create table filing_version (
    id             bigint generated always as identity primary key,
    department_id  varchar(64)  not null,
    fiscal_year    integer      not null,
    number         integer      not null,
    submitted_at   timestamptz  not null,
    submitted_by   varchar(200) not null,
    sheet_revision bigint       not null,
    score_revision bigint,
    content_hash   varchar(64)  not null,
    report_text    text         not null,
    report_html    text         not null,
    inputs         text         not null,
    findings       text         not null,
    unique (department_id, fiscal_year, number)
);

create table filing_step (
    id             bigint generated always as identity primary key,
    department_id  varchar(64)  not null,
    fiscal_year    integer      not null,
    step           varchar(16)  not null,
    filing_version integer      not null,
    actor          varchar(200) not null,
    occurred_at    timestamptz  not null,
    comment        text
);
create index filing_step_filing on filing_step (department_id, fiscal_year, occurred_at);
