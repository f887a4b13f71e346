-- Outbox rows that can never be published as they are (e.g. larger than the broker accepts). The row
-- stays in outbox_event (its envelope is needed for a retry); this table holds why it stopped. While
-- a key has a dead letter, later events of that key wait behind it, so the key's order is kept;
-- every other key keeps flowing.
create table outbox_dead_letter (
    id             bigint generated always as identity primary key,
    outbox_id      bigint        not null unique references outbox_event (id),
    event_id       uuid          not null,
    event_key      varchar(200)  not null,
    event_type     varchar(100)  not null,
    envelope_bytes integer       not null,
    reason         varchar(2000) not null,
    failed_at      timestamptz   not null
);
create index outbox_dead_letter_key on outbox_dead_letter (event_key);

-- Parked inbound events: why, how often replayed, and the key for listing per topic.
alter table parked_event add column event_key varchar(200);
alter table parked_event add column replays integer not null default 0;
create index parked_event_parked_at on parked_event (parked_at);

-- Housekeeping deletes by age: these keep the deletes cheap as the tables grow.
create index inbox_event_processed_at on inbox_event (processed_at);
create index machine_read_occurred_at on machine_read (occurred_at);
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
