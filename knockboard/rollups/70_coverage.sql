-- sources: streets, communities, grids, neighbourhoods, micro_grids
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Registered households per grid (the denominator of grid coverage), with the grid's community and
-- street; every grid appears, one with no micro-grids with 0. The coverage map and the gaps page
-- read grids from here instead of summing micro-grids on every run.
create or replace table registered_by_grid as
select g.grid_id, g.community_id, c.street_id,
       coalesce(sum(t.registered_households), 0)::bigint as registered,
       count(t.micro_grid_id) as micro_grids
from grids g
join communities c using (community_id)
left join territory t using (grid_id)
group by g.grid_id, g.community_id, c.street_id
order by c.street_id, g.community_id, g.grid_id;
