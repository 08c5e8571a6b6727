-- sources: shifts, streets, communities, grids, neighbourhoods, micro_grids
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Door-to-door screening (入户排查) volunteer hours per grid and day, by the grid the shift served
-- (shifts.grid_id); street and community are the grid's own. Shifts tied to no grid are left out.
create or replace table roll_door_to_door_grid_day as
select s.grid_id, any_value(r.community_id) as community_id, any_value(r.street_id) as street_id,
       s.shift_date as day, sum(s.hours) as hours, count(*) as shifts,
       count(distinct s.volunteer_id) as volunteers
from shifts s
join registered_by_grid r using (grid_id)
where s.post_category = 'door_to_door'
group by s.grid_id, s.shift_date
order by day, street_id, grid_id;
