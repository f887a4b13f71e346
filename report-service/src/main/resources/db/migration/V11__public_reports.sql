-- 信息公开: the public version of an approved filing, frozen when a reviewer publishes it. content is the
-- report with personal data masked (JSON), pdf is rendered from that content; both are replaced only by
-- the next publish. An unpublished row keeps its last snapshot (what was public, for the audit) but the
-- public API serves PUBLISHED rows only.
create table public_report (
    id              bigint generated always as identity primary key,
    department_id   varchar(64)   not null,
    fiscal_year     integer       not null,
    filing_version  integer       not null,
    department_name varchar(200)  not null,
    status          varchar(12)   not null check (status in ('PUBLISHED', 'UNPUBLISHED')),
    total           numeric(6,2),
    grade           varchar(4),
    content         text          not null,
    pdf             bytea,        -- written in the publishing transaction, right after the row
    content_sha256  varchar(64)   not null,
    published_by    varchar(200)  not null,
    published_at    timestamptz   not null,
    unpublished_by  varchar(200),
    unpublished_at  timestamptz,
    version         bigint        not null,
    unique (department_id, fiscal_year)
);
-- the public list: a year's published reports by department name
create index public_report_year on public_report (fiscal_year, department_name) where status = 'PUBLISHED';
