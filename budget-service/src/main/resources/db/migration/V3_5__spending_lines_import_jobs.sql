-- 支出明细: the individual payments of a department-year, usually imported from Excel. Only the lines
-- are stored; their totals (and how they compare with the stated actuals) are computed when read.
create table spending_line (
    id             bigint generated always as identity primary key,
    department_id  varchar(64)   not null references department (id),
    fiscal_year    integer       not null,
    line_no        integer       not null,                                  -- order in the imported file
    paid_on        date          not null,                                  -- 支付日期
    project_id     bigint references project (id) on delete cascade,        -- null: 基本支出
    economic_class varchar(100)  not null,                                  -- 经济分类/用途
    channel        varchar(8)    not null check (channel in ('OWN', 'DIRECT')), -- 单位自有 / 财政直接支付
    amount         numeric(17,2) not null check (amount >= 0),
    description    varchar(500)
);
-- every read is "the lines of one department-year" (sums by project and channel, keyset pages, export)
create index spending_line_department_year on spending_line (department_id, fiscal_year, id);
create index spending_line_project on spending_line (project_id) where project_id is not null;

-- Background imports: their state lives here so a restart leaves them INTERRUPTED, not gone.
create table import_job (
    id             uuid         primary key,
    department_id  varchar(64)  not null references department (id),
    fiscal_year    integer      not null,
    file_name      varchar(255) not null,
    file_type      varchar(8)   not null,                                   -- XLSX or CSV
    file_bytes     bigint       not null,
    state          varchar(16)  not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
    phase          varchar(16),                                             -- VALIDATING, SAVING
    total_rows     integer,
    processed_rows integer      not null default 0,
    error_count    integer      not null default 0,
    errors         jsonb        not null default '[]'::jsonb,               -- first errors (code + args; texts on read)
    failure_code   varchar(100),
    failure_args   jsonb,
    summary        jsonb,
    based_on_revision bigint,
    instance_id    varchar(64)  not null,                                   -- which service process runs it
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,                                   -- heartbeat while running
    finished_at    timestamptz
);
create index import_job_department_year on import_job (department_id, fiscal_year, created_at);
create index import_job_active on import_job (state, updated_at) where state in ('QUEUED', 'RUNNING');
