-- A submitted version keeps its DOCX and PDF as they were generated, each with a SHA-256.
-- Versions submitted before this migration have none (the HTML and text stay).
alter table filing_version
    add column report_docx bytea,
    add column report_pdf  bytea,
    add column html_sha256 varchar(64),
    add column docx_sha256 varchar(64),
    add column pdf_sha256  varchar(64);

-- The district summary pages through a year's departments by unit code (keyset), so the code and name
-- are columns, taken from the sheet.
alter table sheet_view
    add column department_code varchar(64),
    add column department_name varchar(200);
update sheet_view
   set department_code = coalesce((sheet::jsonb) -> 'department' ->> 'code', department_id),
       department_name = coalesce((sheet::jsonb) -> 'department' ->> 'name', department_id);
alter table sheet_view
    alter column department_code set not null,
    alter column department_name set not null;
create index sheet_view_year_code on sheet_view (fiscal_year, department_code, department_id);

-- Batch generation of every department's report of a year (background job with progress).
create table report_job (
    id           uuid         primary key,
    fiscal_year  integer      not null,
    status       varchar(16)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total        integer      not null,
    done         integer      not null,
    failed       integer      not null,
    failures     text         not null,
    requested_by varchar(200) not null,
    created_at   timestamptz  not null,
    finished_at  timestamptz
);
create index report_job_year_status on report_job (fiscal_year, status);
create index report_job_created on report_job (created_at);

create table report_job_document (
    job_id          uuid         not null references report_job (id) on delete cascade,
    department_id   varchar(64)  not null,
    department_code varchar(64)  not null,
    department_name varchar(200) not null,
    docx            bytea        not null,
    pdf             bytea        not null,
    primary key (job_id, department_id)
);
create index report_job_document_order on report_job_document (job_id, department_code, department_id);
