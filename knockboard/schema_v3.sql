-- Knockboard store, schema version 3: field sheets as clerks really make them.
-- rejects.sheet_name: the Excel sheet of a refused row (a workbook may hold a sheet per day).
-- rejects.detail: what else a clerk needs to fix the row (the row a duplicate repeats, ...).
-- rejects.row_masked: the row's text with its personal cells (addresses, names) hidden, for users
-- who may not see personal data: the rest of the row stays readable.
alter table rejects add column if not exists sheet_name varchar;
alter table rejects add column if not exists detail varchar;
alter table rejects add column if not exists row_masked varchar;

-- Inspection agencies written several ways (区商务局 = 崇川区商务局). A row with a street applies
-- to that street's inspections only (派出所 in 永兴 = 永兴派出所) and wins over a district-wide one.
-- Applied when inspections are counted (the inspection_items rollup); inspections keep what was written.
create table if not exists agency_aliases (
    alias_id  varchar primary key,
    alias     varchar not null,
    agency    varchar not null,
    street_id varchar
);
