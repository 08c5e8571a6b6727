-- name: hours_daily
-- Volunteer hours (sum of shift hours), active volunteers (distinct volunteers with a shift that
-- day) and shifts per day from $start to $end; $street null means the whole district (shifts count
-- where they were worked). Read from roll_volunteer_day (one row per volunteer and day), so counting
-- volunteers needs no distinct over every shift. The briefing and the hours page both use it.
-- $scope (a street, or null for the district) bounds everything: with $street null it stands for
-- $street; with another street than $scope, nothing counts.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
per_day as (
    select day, sum(hours) as hours, count(*) as active_volunteers, sum(shifts) as shifts
    from roll_volunteer_day
    where $street::varchar is null and $scope::varchar is null
      and day between $start::date and $end::date
    group by day
    union all
    select day, sum(hours), count(*), sum(shifts)
    from roll_volunteer_street_day
    where street_id = coalesce($street::varchar, $scope::varchar)
      and ($scope::varchar is null or street_id = $scope)
      and day between $start::date and $end::date
    group by day
)
select s.day, coalesce(p.hours, 0) as hours,
       coalesce(p.active_volunteers, 0)::bigint as active_volunteers,
       coalesce(p.shifts, 0)::bigint as shifts
from spine s
left join per_day p using (day)
order by s.day

-- name: hours_headline
-- The article's headline figures, computed up to the end of day $day. Shifts count in the street
-- where they were worked (shifts.street_id); teams in their own street. Party members on duty:
-- distinct party-member volunteers with at least one shift; volunteers on duty: distinct volunteers
-- with a shift (party members or not); teams: party-member volunteer teams registered (teams
-- table); organ members: distinct government-organ (org_type 'organ') party members with a shift,
-- and organ hours: the sum of those members' shift hours; hours: all volunteer hours.
-- $street null means the whole district. $scope (a street, or null for the district) bounds
-- everything, as in hours_daily; teams of no known street count only in the district.
with standing as (
    select * from volunteer_standing($day::date, $street::varchar, $scope::varchar)
),
worked as (
    select s.hours_to_date, v.is_party_member, v.org_type
    from standing s
    join volunteers v using (volunteer_id)
)
select count(*) filter (where is_party_member)::bigint as party_members_on_duty,
       count(*)::bigint as volunteers_on_duty,
       (select count(*) from teams
        where ($street::varchar is null or street_id = $street)
          and ($scope::varchar is null or street_id = $scope))::bigint as teams,
       count(*) filter (where org_type = 'organ' and is_party_member)::bigint as organ_members,
       coalesce(sum(hours_to_date) filter (where org_type = 'organ' and is_party_member), 0) as organ_hours,
       coalesce(sum(hours_to_date), 0) as hours
from worked

-- name: hours_by_post
-- Volunteer hours up to the end of day $day by post category (the 8 posts, listed even when empty,
-- in the order of DESIGN.md): hours, shifts and the post's share of all hours. $street null means
-- the whole district (shifts count where they were worked). $scope (a street, or null for the
-- district) bounds everything.
with per_post as (
    select post_category, sum(hours) as hours, count(*) as shifts
    from shifts
    where shift_date <= $day::date and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by post_category
)
select p.post_category, coalesce(hours, 0) as hours, coalesce(shifts, 0)::bigint as shifts,
       case when sum(hours) over () > 0 then coalesce(hours, 0) / sum(hours) over () end as share
from dim_posts p
left join per_post using (post_category)
order by p.position

-- name: hours_by_post_daily
-- Volunteer hours per day and post category from $start to $end: one row per day and post (the 8
-- posts, zero when nobody worked there). $street null means the whole district. $scope (a street,
-- or null for the district) bounds everything.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
per_day as (
    select shift_date as day, post_category, sum(hours) as hours
    from shifts
    where shift_date between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by all
)
select s.day, p.post_category, coalesce(d.hours, 0) as hours
from spine s
cross join dim_posts p
left join per_day d using (day, post_category)
order by s.day, p.post_category

-- name: hours_by_org
-- Up to the end of day $day, per organisation type (community 社区, organ 机关, two_new 两新组织; all
-- three listed): volunteers with a shift, party members among them, hours, and hours per volunteer
-- with a shift. $street null means the whole district (shifts count where they were worked).
-- $scope (a street, or null for the district) bounds everything, as in hours_daily.
with standing as (
    select * from volunteer_standing($day::date, $street::varchar, $scope::varchar)
),
per_org as (
    select v.org_type, count(*) as volunteers,
           count(*) filter (where v.is_party_member) as party_members,
           sum(s.hours_to_date) as hours
    from standing s
    join volunteers v using (volunteer_id)
    group by v.org_type
)
select o.org_type, coalesce(volunteers, 0)::bigint as volunteers,
       coalesce(party_members, 0)::bigint as party_members, coalesce(hours, 0) as hours,
       case when volunteers > 0 then hours / volunteers end as hours_per_volunteer
from dim_org_types o
left join per_org using (org_type)
order by o.position

-- name: hours_by_team
-- Every team in scope (teams of street $street, or all), with the volunteers of the team who
-- worked a shift up to the end of day $day (anywhere), their hours in total and on day $day. Teams
-- without any shift are listed with zeros. Most hours first. $scope (a street, or null for the
-- district) bounds the teams listed (a team of no known street only in the district); a listed
-- team's hours still count wherever its volunteers worked, as without a scope.
with standing as (
    -- across the district: a listed team's hours count wherever its volunteers worked
    select * from volunteer_standing($day::date, null::varchar, null::varchar)
),
per_team as (
    select v.team_id, count(*) as volunteers, sum(s.hours_to_date) as hours,
           sum(s.hours) filter (where s.day = $day::date) as hours_day
    from standing s
    join volunteers v using (volunteer_id)
    group by v.team_id
)
select t.team_id, t.name, t.name_en, t.kind, t.street_id, s.name_zh as street_zh, s.name_en as street_en,
       coalesce(p.volunteers, 0)::bigint as volunteers, coalesce(p.hours, 0) as hours,
       coalesce(p.hours_day, 0) as hours_day
from teams t
left join per_team p using (team_id)
left join streets s on s.street_id = t.street_id
where ($street::varchar is null or t.street_id = $street)
  and ($scope::varchar is null or t.street_id = $scope)
order by hours desc, t.team_id

-- name: hours_by_unit
-- Per unit — the streets of the district, or the grids of street $street (where the shift was
-- worked) — up to the end of day $day: hours, volunteers with a shift, hours on day $day and
-- volunteers with a shift on day $day. Every unit in scope is listed; ordered by unit id. $scope (a
-- street, or null for the district) bounds everything: with $street null, its street is the one unit.
with units as (
    select * from units_named($street::varchar, $scope::varchar)
),
per_unit as (
    -- streets: each volunteer's standing within the street at the end of $day
    select street_id as unit_id, sum(hours_to_date) as hours, count(*) as volunteers,
           sum(hours) filter (where day = $day::date) as hours_day,
           count(*) filter (where day = $day::date) as volunteers_day
    from volunteer_street_standing($day::date, $scope::varchar)
    where $street::varchar is null
    group by street_id
    union all
    -- grids of one street: that street's shifts
    select grid_id, sum(hours), count(distinct volunteer_id),
           sum(hours) filter (where shift_date = $day::date),
           count(distinct volunteer_id) filter (where shift_date = $day::date)
    from shifts
    where street_id = $street and ($scope::varchar is null or street_id = $scope)
      and shift_date <= $day::date
    group by grid_id
)
select u.unit_id, u.name_zh, u.name_en,
       coalesce(p.hours, 0) as hours, coalesce(p.volunteers, 0)::bigint as volunteers,
       coalesce(p.hours_day, 0) as hours_day, coalesce(p.volunteers_day, 0)::bigint as volunteers_day
from units u
left join per_unit p using (unit_id)
order by u.unit_id

-- name: volunteers_joined_daily
-- New volunteers per day from $start to $end: volunteers whose joined_on is that day, how many of
-- them are retired (退休) people and how many are party members, and the running total of those who
-- joined from $start. A volunteer's street is their team's street. $street null means the whole
-- district. $scope (a street, or null for the district) bounds everything; volunteers of no known
-- street (no team, or a team of no street) count only in the district.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
joined as (
    select v.joined_on as day, count(*) as joined,
           count(*) filter (where v.retired) as retired,
           count(*) filter (where v.is_party_member) as party_members
    from volunteers v
    left join teams t using (team_id)
    where v.joined_on between $start::date and $end::date
      and ($street::varchar is null or t.street_id = $street)
      and ($scope::varchar is null or t.street_id = $scope)
    group by v.joined_on
)
select s.day, coalesce(j.joined, 0)::bigint as joined, coalesce(j.retired, 0)::bigint as retired,
       coalesce(j.party_members, 0)::bigint as party_members,
       sum(coalesce(j.joined, 0)) over (order by s.day)::bigint as joined_to_date
from spine s
left join joined j using (day)
order by s.day

-- name: volunteers_idle_summary
-- Volunteers on the books at the end of day $day (joined_on up to $day, or unknown) in scope (their
-- team's street), and those without a shift anywhere in the $days days up to and including $day,
-- among them those who never had a shift up to $day. $street null means the whole district.
-- $scope (a street, or null for the district) bounds the volunteers counted, as $street does.
with scoped as (
    select v.volunteer_id
    from volunteers v
    left join teams t using (team_id)
    where (v.joined_on is null or v.joined_on <= $day::date)
      and ($street::varchar is null or t.street_id = $street)
      and ($scope::varchar is null or t.street_id = $scope)
),
last_shift as (
    -- each volunteer's last shift day up to $day, anywhere (see roll_volunteer_day)
    select volunteer_id, day as last_day from roll_volunteer_day
    where day <= $day::date and until_day > $day::date
)
select count(*)::bigint as volunteers,
       count(*) filter (where l.last_day is null or l.last_day <= $day::date - $days::integer)::bigint as idle,
       count(*) filter (where l.last_day is null)::bigint as never_worked
from scoped s
left join last_shift l using (volunteer_id)

-- name: volunteers_idle
-- The volunteers without a shift in the $days days up to and including $day (as in
-- volunteers_idle_summary), longest idle first (never worked first), at most $limit rows: team,
-- organisation type, party member, retired, their last shift day up to $day and the days since.
-- No names: personal data stays with the teams. $scope (a street, or null for the district) bounds
-- the volunteers listed, as $street does.
with scoped as (
    select v.volunteer_id, v.team_id, v.org_type, v.is_party_member, v.retired, t.name as team_name,
           t.name_en as team_name_en,
           t.street_id
    from volunteers v
    left join teams t using (team_id)
    where (v.joined_on is null or v.joined_on <= $day::date)
      and ($street::varchar is null or t.street_id = $street)
      and ($scope::varchar is null or t.street_id = $scope)
),
last_shift as (
    -- each volunteer's last shift day up to $day, anywhere (see roll_volunteer_day)
    select volunteer_id, day as last_day from roll_volunteer_day
    where day <= $day::date and until_day > $day::date
)
select s.volunteer_id, s.team_name, s.team_name_en, s.street_id, st.name_zh as street_zh, st.name_en as street_en,
       s.org_type, s.is_party_member, s.retired, l.last_day,
       ($day::date - l.last_day)::integer as days_since
from scoped s
left join last_shift l using (volunteer_id)
left join streets st on st.street_id = s.street_id
where l.last_day is null or l.last_day <= $day::date - $days::integer
order by l.last_day nulls first, s.volunteer_id
limit $limit

-- name: hours_per_volunteer_distribution
-- Hours per volunteer up to the end of day $day, as a distribution: volunteers with at least one
-- shift, grouped by their total hours in bins $bin hours wide (a bin starting at b holds totals
-- from b up to but not including b + $bin). $street null means the whole district; with a street,
-- only hours worked in that street count. Ordered by bin. $scope (a street, or null for the
-- district) bounds everything, as in hours_daily.
with standing as (
    select * from volunteer_standing($day::date, $street::varchar, $scope::varchar)
)
select (floor(hours_to_date / $bin::double) * $bin::double) as bin_start, count(*)::bigint as volunteers
from standing
group by bin_start
order by bin_start

-- name: checkpoint_daily
-- Checkpoint duty (卡口执勤) coverage per day from $start to $end: checkpoint hours, volunteers with
-- a checkpoint shift, and the units with any checkpoint shift that day against the units in scope —
-- streets (and their share) and grids (and their share). $street null means the whole district;
-- with a street, its grids (and the street itself) are the units. $scope (a street, or null for the
-- district) bounds everything: with $street null, its street and grids are the units.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
scope as (
    select count(distinct street_id) as streets, count(distinct grid_id) as grids
    from territory
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
),
per_day as (
    select shift_date as day, sum(hours) as hours, count(distinct volunteer_id) as volunteers,
           count(distinct street_id) as streets, count(distinct grid_id) as grids
    from shifts
    where post_category = 'checkpoint' and shift_date between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by shift_date
)
select s.day, coalesce(p.hours, 0) as hours, coalesce(p.volunteers, 0)::bigint as volunteers,
       coalesce(p.streets, 0)::bigint as streets_covered, c.streets as streets_in_scope,
       case when c.streets > 0 then coalesce(p.streets, 0) / c.streets end as street_share,
       coalesce(p.grids, 0)::bigint as grids_covered, c.grids as grids_in_scope,
       case when c.grids > 0 then coalesce(p.grids, 0) / c.grids end as grid_share
from spine s
cross join scope c
left join per_day p using (day)
order by s.day
