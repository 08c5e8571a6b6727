-- Knockboard store, schema version 4: teams get an English (or pinyin) name, as streets,
-- communities and grids have. Optional: the English interface shows the Chinese name alone without it.
alter table teams add column if not exists name_en varchar;
