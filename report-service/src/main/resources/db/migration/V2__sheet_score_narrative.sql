-- The whole department-year as budget-service last published it, the score card from
-- evaluation-service, and the department's narrative (叙述) of the report.
create table sheet_view (
    department_id varchar(64) not null,
    fiscal_year   integer     not null,
    revision      bigint      not null,
    sheet         text        not null,
    updated_at    timestamptz not null,
    primary key (department_id, fiscal_year)
);

create table score_view (
    department_id varchar(64)  not null,
    fiscal_year   integer      not null,
    revision      bigint       not null,
    total         numeric(6,2) not null,
    grade         varchar(4)   not null,
    items         text         not null,
    updated_at    timestamptz  not null,
    primary key (department_id, fiscal_year)
);
create index score_view_year on score_view (fiscal_year);

create table narrative (
    id            bigint generated always as identity primary key,
    department_id varchar(64)  not null,
    fiscal_year   integer      not null,
    goals         text         not null default '',
    achievements  text         not null default '',
    problems      text         not null default '',
    measures      text         not null default '',
    other_notes   text         not null default '',
    version       bigint       not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null,
    unique (department_id, fiscal_year)
);
