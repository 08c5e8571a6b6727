-- Knockboard store, schema version 5: a load can be undone.
-- import_changes: every row a load wrote, by table and key; `before` is the row it replaced (all
-- its columns, as JSON, so a later column added to a table does not break older history), null
-- when the load added the row. Undoing the load deletes the rows it wrote and puts `before` back.
create table if not exists import_changes (
    import_id  integer not null,
    table_name varchar not null,
    row_key    varchar not null,
    before     json
);
-- imports.changes_kept: the load kept its changes (loads before version 5 did not: they cannot be
-- undone). undone_at / undone_by: when and by whom it was undone (null: it stands).
alter table imports add column if not exists changes_kept boolean default false;
alter table imports add column if not exists undone_at timestamp;
alter table imports add column if not exists undone_by varchar;
