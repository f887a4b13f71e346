-- The platform test app's own tables (platform's come first from db/platform, PlatformMigrations).
create table note (
    id bigserial primary key,
    department_id varchar(64) not null,
    fiscal_year int not null,
    text varchar(500) not null
);

-- one row per application of a NoteWritten event: no unique key, so a double application shows
create table note_applied (
    event_id uuid not null,
    note_id bigint not null
);
