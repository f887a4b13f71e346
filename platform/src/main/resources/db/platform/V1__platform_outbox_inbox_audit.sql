-- Tables of the shared platform (outbox, inbox, parked events, audit), the same in every service.

-- Transactional outbox: rows written with the change, published by the relay in id order.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        varchar(100) not null,
    event_key    varchar(200) not null,
    event_type   varchar(100) not null,
    envelope     text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   varchar(2000)
);
-- The relay only ever looks for unpublished rows.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent consumers: an event id is applied once, in the same transaction as its effect.
create table inbox_event (
    event_id     uuid primary key,
    topic        varchar(100) not null,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null
);

-- Events a consumer could not apply: kept for inspection and replay, never dropped.
create table parked_event (
    id             bigint generated always as identity primary key,
    event_id       varchar(64),
    topic          varchar(100) not null,
    event_type     varchar(100),
    schema_version integer,
    message        text not null,
    reason         varchar(2000) not null,
    parked_at      timestamptz not null
);

-- Audit trail: who changed what, when, from which value to which.
create table audit_log (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(200) not null,
    entity_type    varchar(100) not null,
    entity_id      varchar(200) not null,
    entity_version bigint,
    field          varchar(100) not null,
    old_value      text,
    new_value      text
);
create index audit_log_entity on audit_log (entity_type, entity_id, occurred_at);
