-- 抽查复核: the bureau's one draw of a round (its parameters and seed, so it can be redrawn and checked)
create table season_sample (
    round_id        bigint        primary key references season_round (id),
    fiscal_year     integer       not null,
    percentage      numeric(5,2)  not null,
    minimum         integer       not null,
    seed            bigint        not null,
    population      integer       not null,
    drawn_by        varchar(200)  not null,
    drawn_at        timestamptz   not null
);

-- A sampled department with its stratum as it was at the draw (grade of the score card, budget tercile).
create table season_sample_department (
    round_id        bigint        not null references season_sample (round_id),
    department_id   varchar(64)   not null,
    department_code varchar(64)   not null,
    department_name varchar(200)  not null,
    grade           varchar(4)    not null,
    size_band       varchar(8)    not null check (size_band in ('SMALL', 'MEDIUM', 'LARGE', 'NONE')),
    budget          numeric(17,2),
    self_total      numeric(6,2),
    by_hand         boolean       not null,
    primary key (round_id, department_id)
);

-- 复核: the reviewers' score per indicator (JSON array, same template as the score card) with the
-- deviation from the self score and the 自评偏差较大 flag computed when it was saved.
create table season_rereview (
    round_id        bigint        not null,
    department_id   varchar(64)   not null,
    fiscal_year     integer       not null,
    items           text          not null,
    findings        text          not null,
    self_total      numeric(6,2)  not null,
    review_total    numeric(6,2)  not null,
    deviation       numeric(6,2)  not null,
    flagged         boolean       not null,
    reviewed_by     varchar(200)  not null,
    reviewed_at     timestamptz   not null,
    version         bigint        not null,
    primary key (round_id, department_id),
    foreign key (round_id, department_id) references season_sample_department (round_id, department_id)
);
create index season_rereview_department on season_rereview (department_id, fiscal_year);

-- 结果应用: the project scores of a department-year's score card (IndicatorsComputed.projects, JSON), so the
-- export per round can list the projects scored 中 or 差; null for a card published before this column.
alter table score_view add column projects text;
