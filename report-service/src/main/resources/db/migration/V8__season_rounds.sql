-- 年度自评工作: the bureau's round of a fiscal year and 区县, with a deadline and the departments included.
create table season_round (
    id               bigint generated always as identity primary key,
    fiscal_year      integer      not null,
    district         varchar(64)  not null,
    deadline         date         not null,
    template_version integer      not null,
    status           varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    opened_by        varchar(200) not null,
    opened_at        timestamptz  not null,
    closed_by        varchar(200),
    closed_at        timestamptz,
    version          bigint       not null,
    unique (fiscal_year, district)
);

-- A department in a round; a department-year belongs to at most one round. final_status is frozen at close.
create table season_round_department (
    round_id        bigint       not null references season_round (id),
    department_id   varchar(64)  not null,
    fiscal_year     integer      not null,
    department_code varchar(64)  not null,
    department_name varchar(200) not null,
    extended_until  date,
    final_status    varchar(16),
    primary key (round_id, department_id),
    unique (department_id, fiscal_year)
);

-- In-app notices (站内通知) of a department; each is also a RoundNotice event on report.events.
create table season_notice (
    id            bigint generated always as identity primary key,
    department_id varchar(64) not null,
    fiscal_year   integer     not null,
    round_id      bigint references season_round (id),
    kind          varchar(16) not null,
    deadline      date,
    comment       text,
    created_at    timestamptz not null,
    read_at       timestamptz
);
create index season_notice_department on season_notice (department_id, created_at desc);
-- opening and the two reminders go out once per department and round, however many instances sweep
create unique index season_notice_once on season_notice (round_id, department_id, kind)
    where kind in ('OPENED', 'DUE_7', 'DUE_1');
