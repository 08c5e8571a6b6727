-- sources: visits, streets, communities, grids, neighbourhoods, micro_grids
-- partition: street_id
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Micro-grid visits by day again, sorted by territory instead of by day: the micro-grid views (the
-- map below a grid, micro-grid gaps of one street) read one street or grid at a time, and this
-- order lets them skip the rest of the table. Columns as in roll_visits_mg_day.
create or replace table roll_visits_mg_day_by_area as
select street_id, community_id, grid_id, micro_grid_id, day, knocked, first_visits, newly_covered
from roll_visits_mg_day
order by street_id, grid_id, micro_grid_id, day;
