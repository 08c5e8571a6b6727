-- Knockboard store, schema version 1 (applied by knockboard/schema.py; later versions migrate).
-- The tables users load are those of DESIGN.md, under the same names and columns.
-- Facts also carry derived columns (day, street, ...) filled at load time, so that they can be
-- partitioned by day and street and rolled up without joins on every page run.
-- Times are local wall-clock times (Asia/Shanghai), stored without a time zone.
-- Parent ids are checked by the loader, not by foreign keys: DuckDB forbids deleting a referenced
-- row, which would stop a corrected file from replacing the rows it restates.

create table if not exists streets (
    street_id   varchar primary key,
    name_zh     varchar not null,
    name_en     varchar,
    lat         double,
    lon         double,
    boundary    varchar            -- GeoJSON geometry, optional
);

create table if not exists communities (
    community_id varchar primary key,
    street_id    varchar not null,
    name_zh      varchar not null,
    name_en      varchar,
    kind         varchar not null default 'community' check (kind in ('community', 'village'))
);

create table if not exists grids (
    grid_id      varchar primary key,
    community_id varchar not null,
    name_zh      varchar not null,
    name_en      varchar,
    lat          double,
    lon          double,
    boundary     varchar           -- GeoJSON geometry
);

create table if not exists neighbourhoods (
    neighbourhood_id varchar primary key,
    grid_id          varchar not null,
    name_zh          varchar not null
);

create table if not exists micro_grids (
    micro_grid_id         varchar primary key,
    neighbourhood_id      varchar not null,
    name_zh               varchar not null,
    registered_households integer not null check (registered_households >= 0),
    lat                   double,
    lon                   double,
    boundary              varchar  -- GeoJSON geometry
);

create table if not exists households (
    household_id  varchar primary key,
    micro_grid_id varchar not null,
    address       varchar,         -- personal data
    residents     integer check (residents >= 0)
);

create table if not exists workers (
    -- micro-grid workers and grid staff who knock on doors (worker_id of visits)
    worker_id     varchar primary key,
    name          varchar,         -- personal data
    role          varchar not null default 'micro_grid_worker'
                  check (role in ('micro_grid_worker', 'grid_secretary', 'volunteer')),
    micro_grid_id varchar
);

create table if not exists visits (
    visit_id              varchar primary key,
    household_id          varchar not null,
    visited_at            timestamp not null,
    worker_id             varchar,
    outcome               varchar not null check (outcome in ('met', 'not_home', 'refused', 'vacant')),
    residents_seen        integer check (residents_seen >= 0),
    returned_from_outside boolean not null default false,
    health_code           varchar check (health_code in ('green', 'yellow', 'red')),
    needs_followup        boolean not null default false,
    -- derived at load time
    visit_day             date not null,
    micro_grid_id         varchar not null,
    street_id             varchar not null
);

create table if not exists teams (
    team_id   varchar primary key,
    grid_id   varchar,             -- null for organ teams not tied to one grid
    street_id varchar,
    name      varchar not null,
    kind      varchar not null default 'grid' check (kind in ('grid', 'organ', 'two_new', 'campaign'))
);

create table if not exists volunteers (
    volunteer_id    varchar primary key,
    name            varchar,       -- personal data
    team_id         varchar,
    org_type        varchar not null check (org_type in ('community', 'organ', 'two_new')),
    is_party_member boolean not null default true,
    retired         boolean not null default false,
    joined_on       date
);

create table if not exists shifts (
    shift_id      varchar primary key,
    volunteer_id  varchar not null,
    shift_date    date not null,
    hours         double not null check (hours > 0 and hours <= 24),
    post_category varchar not null check (post_category in (
        'publicity', 'checkpoint', 'transport', 'assistance',
        'data_verification', 'door_to_door', 'testing_site', 'disinfection')),
    grid_id       varchar,
    -- derived at load time
    street_id     varchar
);

create table if not exists businesses (
    business_id varchar primary key,
    name        varchar not null,
    category    varchar,
    address     varchar,
    lat         double,
    lon         double,
    grid_id     varchar,
    street_id   varchar            -- derived at load time
);

create table if not exists inspections (
    inspection_id   varchar primary key,
    business_id     varchar not null,
    inspected_on    date not null,
    agencies        varchar,       -- one or more, separated by '；'
    findings        varchar,       -- one or more, separated by '；'
    outcome         varchar not null check (outcome in ('pass', 'rectify', 'suspended', 'fined')),
    suspension_days integer check (suspension_days >= 0),
    reopened_on     date,
    street_id       varchar        -- derived at load time
);

create table if not exists leads (
    lead_id     varchar primary key,
    received_at timestamp not null,
    street_id   varchar not null,
    kind        varchar not null check (kind in ('companion', 'returnee', 'risk_area')),
    status      varchar not null check (status in ('pending', 'valid', 'invalid')),
    verified_at timestamp,
    check (status = 'pending' or verified_at is not null)
);

-- Bookkeeping: what the store holds and how fresh it is.
create table if not exists schema_version (
    version    integer primary key,
    applied_at timestamp not null
);

create table if not exists store_meta (
    key   varchar primary key,
    value varchar not null
);

create table if not exists imports (
    import_id     integer primary key,
    file_name     varchar not null,
    content_hash  varchar not null,
    table_name    varchar not null,
    rows_read     integer not null,
    rows_accepted integer not null,
    rows_refused  integer not null,
    loaded_by     varchar,
    loaded_at     timestamp not null
);

create table if not exists rejects (
    import_id   integer not null,
    file_name   varchar not null,
    row_number  integer not null,
    column_name varchar,
    value       varchar,
    reason      varchar not null,
    row_text    varchar
);
