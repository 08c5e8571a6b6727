-- Knockboard store, schema version 2: street clerks load their own street's sheets.
-- imports.street_id: the street of the clerk who loaded the file; null for district-wide loads
-- (administrators, the command line without --street).
alter table imports add column if not exists street_id varchar;
