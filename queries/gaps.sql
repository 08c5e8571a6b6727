-- Queries of the coverage gaps page (pages/gaps.py). DESIGN.md: a coverage gap is a grid or
-- micro-grid below the coverage threshold, or not visited for N days, or holding not-at-home
-- households never met; gaps are ranked by households missing, not by percentage alone.
-- Coverage = households covered (a met or vacant visit since the campaign began, up to $day) /
-- registered households (null when none are registered). Households missing = registered - covered
-- (at least 0). Households needed = ceil($threshold x registered) - covered (at least 0): what the
-- unit still needs to reach the threshold; the unit is below the threshold exactly when it is > 0.
-- Not visited for $days days: no visit in the $days days up to and including $day (or never), as in
-- stalled_grids. Not-at-home backlog: households first visited by $day whose visits up to $day were
-- all not_home or refused (first visited - covered); it makes a gap only when material: at least
-- $backlog_min households and at least $backlog_share of the unit's registered households (both;
-- and never when there is none). $by_coverage, $by_days, $by_backlog choose which of the three
-- signals make a gap. Every query takes $scope (a street, or null for the
-- district), which bounds everything: nothing of another street comes back, whatever $street says.

-- name: gap_grids
-- Grids that are coverage gaps on $day (see the file head), within $street and $community (null =
-- all), with their signals, households missing and needed, backlog, last visit day and days since,
-- ranked by households missing (rank shared by ties; order: missing, then coverage, then id).
-- $scope (a street, or null for the district) bounds everything.
with flagged as (
    select *,
           needed_of(covered, registered, $threshold) as needed,
           below_threshold_of(covered, registered, $threshold) as below_threshold,
           not_visited_for(last_day, $day::date, $days) as not_visited,
           material_backlog(backlog, registered, $backlog_min, $backlog_share) as has_backlog
    from grid_progress($day::date, $street::varchar, $community::varchar, $scope::varchar)
)
select rank() over (order by f.missing desc) as gap_rank,
       f.grid_id, g.name_zh, g.name_en, f.community_id, c.name_zh as community_name_zh,
       c.name_en as community_name_en, f.street_id,
       f.registered, f.covered, f.coverage, f.missing, f.needed, f.backlog, f.last_day, f.days_since,
       f.below_threshold, f.not_visited, f.has_backlog
from flagged f
join grids g using (grid_id)
join communities c on c.community_id = f.community_id
where ($by_coverage::boolean and f.below_threshold)
   or ($by_days::boolean and f.not_visited)
   or ($by_backlog::boolean and f.has_backlog)
order by f.missing desc, f.coverage asc nulls last, f.grid_id

-- name: gap_area
-- The area itself on $day: the whole district, street $street or its community $community (null =
-- all): registered households, covered, households missing, and the households it needs to reach
-- $threshold, max(0, ceil($threshold x registered) - covered) of the area itself (not a sum over its
-- grids or micro-grids: a unit above the threshold does not offset one below it there); and how many
-- grids and micro-grids it has. $scope (a street, or null for the district) bounds everything.
with scope as (
    select grid_id, registered, micro_grids
    from registered_by_grid
    where ($street::varchar is null or street_id = $street)
      and ($community::varchar is null or community_id = $community)
      and ($scope::varchar is null or street_id = $scope)
),
done as (
    select sum(newly_covered)::bigint as covered
    from roll_visits_grid_day
    where day <= $day::date and grid_id in (select grid_id from scope)
      and ($scope::varchar is null or street_id = $scope)
),
area as (
    select coalesce(sum(registered), 0)::bigint as registered, count(*) as grids,
           coalesce(sum(micro_grids), 0)::bigint as micro_grids
    from scope
)
select a.registered, coalesce(d.covered, 0) as covered,
       coverage_of(d.covered, a.registered) as coverage,
       missing_of(d.covered, a.registered) as missing,
       needed_of(d.covered, a.registered, $threshold) as needed,
       a.grids, a.micro_grids
from area a, done d

-- name: gap_micro_grids
-- Micro-grids that are coverage gaps on $day (see the file head), within street $street (required:
-- micro-grids are read one street at a time) and $community (null = the whole street), with the
-- same columns as gap_grids plus their grid; ranked by households missing. $scope (a street, or
-- null for the district) bounds everything: another street than $scope gives no rows.
with flagged as (
    select *,
           needed_of(covered, registered, $threshold) as needed,
           below_threshold_of(covered, registered, $threshold) as below_threshold,
           not_visited_for(last_day, $day::date, $days) as not_visited,
           material_backlog(backlog, registered, $backlog_min, $backlog_share) as has_backlog
    from micro_grid_progress($day::date, $street::varchar, null::varchar, $community::varchar,
                             $scope::varchar)
    where street_id = $street
)
select rank() over (order by f.missing desc) as gap_rank,
       f.micro_grid_id, m.name_zh, f.grid_id, g.name_zh as grid_name_zh, g.name_en as grid_name_en,
       f.community_id, c.name_zh as community_name_zh, c.name_en as community_name_en, f.street_id,
       f.registered, f.covered, f.coverage, f.missing, f.needed, f.backlog, f.last_day, f.days_since,
       f.below_threshold, f.not_visited, f.has_backlog
from flagged f
join micro_grids m using (micro_grid_id)
join grids g on g.grid_id = f.grid_id
join communities c on c.community_id = f.community_id
where ($by_coverage::boolean and f.below_threshold)
   or ($by_days::boolean and f.not_visited)
   or ($by_backlog::boolean and f.has_backlog)
order by f.missing desc, f.coverage asc nulls last, f.micro_grid_id

-- name: backlog_micro_grids
-- The not-at-home backlog on $day by micro-grid, within street $street (required) and $community
-- (null = the whole street): households whose visits up to $day were all not_home or refused, their
-- attempts (such visits) in total, the most on one household, households tried 3 times or more,
-- and the first and last attempt. Most households first. $scope (a street, or null for the
-- district) bounds everything: another street than $scope gives no rows.
with households as (
    select micro_grid_id, grid_id, household_id, count(*) as attempts,
           min(visited_at) as first_tried, max(visited_at) as last_tried
    from backlog_attempts
    where street_id = $street and ($community::varchar is null or community_id = $community)
      and ($scope::varchar is null or street_id = $scope)
      and day <= $day::date and covered_from > $day::date
    group by micro_grid_id, grid_id, household_id
)
select h.micro_grid_id, m.name_zh, h.grid_id, g.name_zh as grid_name_zh, g.name_en as grid_name_en,
       m.registered_households as registered, count(*) as households, sum(h.attempts)::bigint as attempts,
       max(h.attempts) as most_attempts, count(*) filter (where h.attempts >= 3) as households_3plus,
       min(h.first_tried) as first_tried, max(h.last_tried) as last_tried
from households h
join micro_grids m using (micro_grid_id)
join grids g on g.grid_id = h.grid_id
group by h.micro_grid_id, m.name_zh, h.grid_id, g.name_zh, g.name_en, m.registered_households
order by households desc, attempts desc, h.micro_grid_id

-- name: revisit_plan
-- What a revisit plan needs, by grid, on $day, within $street and $community (null = all): the
-- not-at-home backlog households (visits up to $day all not_home or refused), their attempts, the
-- last attempt, attempts by time of day (morning before 12:00, afternoon 12:00-17:59, evening from
-- 18:00) and the households never tried in the evening. Most households first. $scope (a street,
-- or null for the district) bounds everything.
with households as (
    select grid_id, household_id, count(*) as attempts, max(visited_at) as last_tried,
           count(*) filter (where hour < 12) as morning,
           count(*) filter (where hour >= 12 and hour < 18) as afternoon,
           count(*) filter (where hour >= 18) as evening
    from backlog_attempts
    where ($street::varchar is null or street_id = $street)
      and ($community::varchar is null or community_id = $community)
      and ($scope::varchar is null or street_id = $scope)
      and day <= $day::date and covered_from > $day::date
    group by grid_id, household_id
)
select h.grid_id, g.name_zh, g.name_en, r.community_id, c.name_zh as community_name_zh,
       c.name_en as community_name_en, r.street_id,
       count(*) as households, sum(h.attempts)::bigint as attempts, max(h.last_tried) as last_tried,
       sum(h.morning)::bigint as attempts_morning, sum(h.afternoon)::bigint as attempts_afternoon,
       sum(h.evening)::bigint as attempts_evening,
       count(*) filter (where h.evening = 0) as households_never_evening
from households h
join registered_by_grid r using (grid_id)
join grids g using (grid_id)
join communities c on c.community_id = r.community_id
group by h.grid_id, g.name_zh, g.name_en, r.community_id, c.name_zh, c.name_en, r.street_id
order by households desc, attempts desc, h.grid_id

-- name: backlog_attempt_hours
-- Attempts on the not-at-home backlog households of $day (within $street and $community, null =
-- all) by hour of day (0-23) of the attempt: when the doors that stay shut were tried. $scope (a
-- street, or null for the district) bounds everything.
select hour, count(*) as attempts, count(distinct household_id) as households
from backlog_attempts
where ($street::varchar is null or street_id = $street)
  and ($community::varchar is null or community_id = $community)
  and ($scope::varchar is null or street_id = $scope)
  and day <= $day::date and covered_from > $day::date
group by hour
order by hour

-- name: visits_by_hour
-- All visits up to $day (street $street; null = the district) by hour of day, by outcome, and the
-- share that met the household: met / (visits - vacant), null when there were none. $scope (a
-- street, or null for the district) bounds everything.
select hour, sum(visits)::bigint as visits, sum(met)::bigint as met, sum(not_home)::bigint as not_home,
       sum(refused)::bigint as refused, sum(vacant)::bigint as vacant,
       case when sum(visits) - sum(vacant) > 0 then sum(met) / (sum(visits) - sum(vacant)) end as met_rate
from roll_visits_street_hour
where day <= $day::date and ($street::varchar is null or street_id = $street)
  and ($scope::varchar is null or street_id = $scope)
group by hour
order by hour

-- name: backlog_households
-- personal: address
-- The not-at-home backlog households of micro-grid $micro_grid on $day (visits up to $day all
-- not_home or refused), with address (personal data: the page masks it unless configured), residents,
-- attempts, refusals among them, first and last attempt, and the hours (0-23) of the attempts in
-- order. Most attempts first. $scope (a street, or null for the district): a micro-grid of another
-- street gives no rows.
select a.household_id, h.address, h.residents, count(*) as attempts,
       count(*) filter (where a.outcome = 'refused') as refusals,
       min(a.visited_at) as first_tried, max(a.visited_at) as last_tried,
       list(a.hour order by a.visited_at) as hours
from backlog_attempts a
left join households h using (household_id)
where ($scope::varchar is null or a.street_id = $scope)
  and a.micro_grid_id = $micro_grid
  and a.day <= $day::date and a.covered_from > $day::date
group by a.household_id, h.address, h.residents
order by attempts desc, last_tried desc, a.household_id

-- name: gap_heatmap
-- Households knocked (distinct households visited, any outcome) per grid and day from $start to
-- $end, for the grids listed in $grids (every grid x day, 0 when none). $scope (a street, or null
-- for the district): grids of another street are dropped from $grids.
with listed as (
    select unnest($grids::varchar[]) as grid_id
),
chosen as (
    select grid_id from listed
    where $scope::varchar is null
       or grid_id in (select grid_id from registered_by_grid where street_id = $scope)
),
spine as (
    select grid_id, unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
    from chosen
)
select s.grid_id, s.day, coalesce(r.knocked, 0)::bigint as knocked
from spine s
left join roll_visits_grid_day r
       on r.grid_id = s.grid_id and r.day = s.day and r.day between $start::date and $end::date
      and ($scope::varchar is null or r.street_id = $scope)
order by s.grid_id, s.day

-- name: door_to_door_by_grid
-- Door-to-door screening volunteer hours (shifts with post 入户排查, by the grid they served) per grid
-- within $street and $community (null = all): in the $days days up to and including $day, and
-- since the campaign began up to $day; with shifts in those $days days. Every grid in scope, 0 when
-- none. $scope (a street, or null for the district) bounds everything.
with scope as (
    select grid_id from registered_by_grid
    where ($street::varchar is null or street_id = $street)
      and ($community::varchar is null or community_id = $community)
      and ($scope::varchar is null or street_id = $scope)
),
hours as (
    select grid_id,
           sum(hours) filter (where day > $day::date - $days::integer) as hours_recent,
           sum(shifts) filter (where day > $day::date - $days::integer) as shifts_recent,
           sum(hours) as hours_to_date
    from roll_door_to_door_grid_day
    where day <= $day::date
      and ($street::varchar is null or street_id = $street)
      and ($community::varchar is null or community_id = $community)
      and ($scope::varchar is null or street_id = $scope)
    group by grid_id
)
select s.grid_id, coalesce(h.hours_recent, 0) as hours_recent,
       coalesce(h.shifts_recent, 0)::bigint as shifts_recent, coalesce(h.hours_to_date, 0) as hours_to_date
from scope s
left join hours h using (grid_id)
order by s.grid_id
