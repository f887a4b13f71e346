-- The change feed: every event a service publishes, kept (unlike the outbox, which is purged) so a
-- machine client can pull "everything changed since my last position" without missing or repeating.
-- tx_id is the writing transaction's id: a reader only returns rows whose transaction is older than
-- every transaction still running (pg_snapshot_xmin), so a late commit can never land behind a
-- position already handed out.
create table change_feed (
    id             bigint generated always as identity primary key,
    tx_id          xid8         not null default pg_current_xact_id(),
    event_id       uuid         not null unique,
    event_type     varchar(100) not null,
    schema_version integer      not null,
    department_id  varchar(64)  not null,
    fiscal_year    integer      not null,
    occurred_at    timestamptz  not null,
    actor          varchar(200),
    payload        text         not null
);
create index change_feed_position on change_feed (tx_id, id);
create index change_feed_department on change_feed (department_id, tx_id, id);
create index change_feed_occurred on change_feed (occurred_at);

-- Every read by a machine client (role finance-api): who read what, when, with which outcome.
create table machine_read (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz   not null,
    client      varchar(200)  not null,
    method      varchar(10)   not null,
    path        varchar(2000) not null,
    status      integer       not null
);
create index machine_read_client on machine_read (client, occurred_at);
