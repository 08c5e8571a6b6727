-- name: community_coverage
-- Per community of street $street on day $day and the day before: coverage to date (covered /
-- registered households), households knocked, volunteer hours in its grids, and its rank by
-- coverage, 1 = lowest (worst first). The street briefing ranks these. $scope (a street, or null
-- for the district) bounds everything: another street than $scope gives no rows.
with registered as (
    select community_id, sum(registered_households)::bigint as registered
    from territory
    where street_id = $street and ($scope::varchar is null or street_id = $scope)
    group by community_id
),
covered as (
    select community_id,
           sum(newly_covered) filter (where day <= $day::date)::bigint as covered,
           sum(newly_covered) filter (where day <= $day::date - 1)::bigint as covered_prev,
           sum(knocked) filter (where day = $day::date)::bigint as knocked,
           sum(knocked) filter (where day = $day::date - 1)::bigint as knocked_prev
    from roll_visits_grid_day
    where street_id = $street and ($scope::varchar is null or street_id = $scope)
    group by community_id
),
hours as (
    select g.community_id,
           sum(s.hours) filter (where s.shift_date = $day::date) as hours,
           sum(s.hours) filter (where s.shift_date = $day::date - 1) as hours_prev
    from shifts s
    join grids g using (grid_id)
    where s.street_id = $street and ($scope::varchar is null or s.street_id = $scope)
      and s.shift_date between $day::date - 1 and $day::date
    group by g.community_id
),
joined as (
    select c.community_id, c.name_zh, c.name_en, r.registered,
           coalesce(v.covered, 0) as covered, coalesce(v.covered_prev, 0) as covered_prev,
           coalesce(v.knocked, 0) as knocked, coalesce(v.knocked_prev, 0) as knocked_prev,
           coalesce(h.hours, 0) as hours, coalesce(h.hours_prev, 0) as hours_prev,
           case when r.registered > 0 then coalesce(v.covered, 0) / r.registered end as coverage,
           case when r.registered > 0 then coalesce(v.covered_prev, 0) / r.registered end as coverage_prev
    from communities c
    left join registered r using (community_id)
    left join covered v using (community_id)
    left join hours h using (community_id)
    where c.street_id = $street and ($scope::varchar is null or c.street_id = $scope)
)
select *,
       rank() over (order by coverage asc nulls last) as coverage_rank,
       rank() over (order by coverage_prev asc nulls last) as coverage_rank_prev
from joined
order by coverage_rank, community_id

-- name: last_import
-- When data last arrived: the latest load (if any) and the store's source (demo or loaded). Loads
-- are not per street, so $scope (a street, or null for the district) only comes back as a column:
-- the store's freshness is the same for everyone. An undone load does not count (its rows are gone).
select (select max(loaded_at) from imports where undone_at is null) as last_load,
       (select value from store_meta where key = 'source') as source,
       $scope::varchar as scope
