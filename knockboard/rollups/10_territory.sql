-- sources: streets, communities, grids, neighbourhoods, micro_grids
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- One row per micro-grid with every ancestor: the territory flattened for joins and filters.
create or replace table territory as
select
    m.micro_grid_id,
    m.registered_households,
    n.neighbourhood_id,
    g.grid_id,
    c.community_id,
    c.street_id
from micro_grids m
join neighbourhoods n using (neighbourhood_id)
join grids g using (grid_id)
join communities c using (community_id);

-- Registered households per unit, the denominator of coverage.
create or replace table registered_by_street as
select street_id, sum(registered_households)::bigint as registered
from territory
group by street_id;
