-- 财政局 adjustments of single scores, each with the reviewer's comment; the self score stays visible.
create table score_adjustment (
    id            bigint generated always as identity primary key,
    department_id varchar(64)  not null,
    fiscal_year   integer      not null,
    code          varchar(64)  not null,
    score         numeric(6,2) not null check (score >= 0),
    comment       text         not null,
    version       bigint       not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null,
    unique (department_id, fiscal_year, code)
);
