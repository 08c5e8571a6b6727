-- Queries of the inspections and closures page (pages/inspections.py); the briefing reads
-- inspections_daily too.

-- name: inspections_daily
-- Inspections made per day, by outcome (pass, rectify 责令整改, suspended 停业整顿, fined; failed =
-- any outcome other than pass), and businesses closed on each day: a business is closed on day D
-- when a `suspended` inspection covers D, from inspected_on until reopened_on (else inspected_on +
-- suspension_days; a suspension with neither has no known end and stays closed). The `closures`
-- rollup (knockboard/rollups/60_inspections.sql) holds that definition.
-- One row per day from $start to $end; $street null means the whole district. $scope (a street, or
-- null for the district) bounds everything; businesses of no known street count only in the district.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
made as (
    select inspected_on as day, count(*) as inspections,
           count(*) filter (where outcome = 'pass') as pass,
           count(*) filter (where outcome = 'rectify') as rectify,
           count(*) filter (where outcome = 'suspended') as suspended,
           count(*) filter (where outcome = 'fined') as fined,
           count(*) filter (where outcome <> 'pass') as failed
    from inspections
    where inspected_on between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by inspected_on
),
closed as (
    select s.day, count(distinct c.business_id) as closed_businesses
    from spine s
    join closures c
      on c.closed_from <= s.day and (c.closed_until is null or s.day < c.closed_until)
    where ($street::varchar is null or c.street_id = $street)
      and ($scope::varchar is null or c.street_id = $scope)
    group by s.day
)
select s.day, coalesce(m.inspections, 0)::bigint as inspections,
       coalesce(c.closed_businesses, 0)::bigint as closed_businesses,
       coalesce(m.pass, 0)::bigint as pass, coalesce(m.rectify, 0)::bigint as rectify,
       coalesce(m.suspended, 0)::bigint as suspended, coalesce(m.fined, 0)::bigint as fined,
       coalesce(m.failed, 0)::bigint as failed
from spine s
left join made m using (day)
left join closed c using (day)
order by s.day

-- name: inspections_by_street
-- Inspections per street from $start to $day (all streets, for comparison; the street filter does
-- not apply): inspections made, by outcome (pass, rectify, suspended, fined), failed (any outcome
-- other than pass), distinct businesses inspected, and businesses closed on $day (closures rollup:
-- closed from inspected_on until the reopening day). Most inspections first. $scope (a street, or
-- null for the district) still bounds everything: a street-scoped user gets their street's row only.
with made as (
    select street_id, count(*) as inspections,
           count(*) filter (where outcome = 'pass') as pass,
           count(*) filter (where outcome = 'rectify') as rectify,
           count(*) filter (where outcome = 'suspended') as suspended,
           count(*) filter (where outcome = 'fined') as fined,
           count(*) filter (where outcome <> 'pass') as failed,
           count(distinct business_id) as businesses_inspected
    from inspections
    where inspected_on between $start::date and $day::date
      and ($scope::varchar is null or street_id = $scope)
    group by street_id
),
closed as (
    select street_id, count(distinct business_id) as closed_on_day
    from closures
    where closed_from <= $day::date and (closed_until is null or $day::date < closed_until)
      and ($scope::varchar is null or street_id = $scope)
    group by street_id
)
select s.street_id, s.name_zh, s.name_en,
       coalesce(m.inspections, 0)::bigint as inspections, coalesce(m.pass, 0)::bigint as pass,
       coalesce(m.rectify, 0)::bigint as rectify, coalesce(m.suspended, 0)::bigint as suspended,
       coalesce(m.fined, 0)::bigint as fined, coalesce(m.failed, 0)::bigint as failed,
       coalesce(m.businesses_inspected, 0)::bigint as businesses_inspected,
       coalesce(c.closed_on_day, 0)::bigint as closed_on_day
from streets s
left join made m using (street_id)
left join closed c using (street_id)
where $scope::varchar is null or s.street_id = $scope
order by inspections desc, s.street_id

-- name: inspections_by_category
-- Inspections per business category from $start to $day: inspections made, by outcome, failed (any
-- outcome other than pass), the failed share, and distinct businesses inspected. A business with no
-- category has category null. $street null means the whole district. Most inspections first.
-- $scope (a street, or null for the district) bounds everything; businesses of no known street
-- count only in the district.
select b.category,
       count(*)::bigint as inspections,
       count(*) filter (where i.outcome = 'pass')::bigint as pass,
       count(*) filter (where i.outcome = 'rectify')::bigint as rectify,
       count(*) filter (where i.outcome = 'suspended')::bigint as suspended,
       count(*) filter (where i.outcome = 'fined')::bigint as fined,
       count(*) filter (where i.outcome <> 'pass')::bigint as failed,
       count(*) filter (where i.outcome <> 'pass') / count(*) as failed_share,
       count(distinct i.business_id)::bigint as businesses_inspected
from inspections i
join businesses b using (business_id)
where i.inspected_on between $start::date and $day::date
  and ($street::varchar is null or i.street_id = $street)
  and ($scope::varchar is null or i.street_id = $scope)
group by b.category
order by inspections desc, b.category nulls last

-- name: inspections_findings
-- Findings most often recorded from $start to $day. `findings` holds one or more findings separated
-- by '；' (or ';'), split in the inspection_items rollup: each is counted once per inspection that
-- records it, with how many distinct businesses had it. $street null means the whole district.
-- Most recorded first. $scope (a street, or null for the district) bounds everything; businesses of
-- no known street count only in the district.
select item as finding, count(distinct inspection_id)::bigint as inspections,
       count(distinct business_id)::bigint as businesses
from inspection_items
where kind = 'finding'
  and inspected_on between $start::date and $day::date
  and ($street::varchar is null or street_id = $street)
  and ($scope::varchar is null or street_id = $scope)
group by item
order by inspections desc, finding

-- name: inspections_agencies
-- Agencies taking part in inspections from $start to $day. `agencies` holds one or more agencies
-- separated by '；' (or ';'), split in the inspection_items rollup: each is counted once per
-- inspection it took part in, with how many of those failed (any outcome other than pass).
-- $street null means the whole district. Most inspections first.
-- $scope (a street, or null for the district) bounds everything; businesses of no known street
-- count only in the district.
select item as agency, count(distinct inspection_id)::bigint as inspections,
       count(distinct inspection_id) filter (where outcome <> 'pass')::bigint as failed
from inspection_items
where kind = 'agency'
  and inspected_on between $start::date and $day::date
  and ($street::varchar is null or street_id = $street)
  and ($scope::varchar is null or street_id = $scope)
group by item
order by inspections desc, agency

-- name: inspections_business_map
-- Every business in scope as it stands on $day, for the map: its latest inspection on or before
-- $day (latest inspected_on, ties broken by the larger inspection_id; null outcome = not inspected
-- yet), and whether it is closed on $day (closures rollup: a suspension covering $day) with the
-- day it reopens (the latest end of the suspensions covering $day; null = no end set).
-- $street null means the whole district. Closed businesses last, so a map draws them on top.
-- $scope (a street, or null for the district) bounds everything; businesses of no known street
-- count only in the district.
with latest as (
    select business_id, outcome as latest_outcome, inspected_on as latest_inspected_on
    from inspections
    where inspected_on <= $day::date and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    qualify row_number() over (partition by business_id order by inspected_on desc, inspection_id desc) = 1
),
closed as (
    select business_id,
           case when count(*) filter (where closed_until is null) = 0 then max(closed_until) end as closed_until
    from closures
    where closed_from <= $day::date and (closed_until is null or $day::date < closed_until)
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by business_id
)
select b.business_id, b.name, b.category, b.address, b.street_id, b.lat, b.lon,
       l.latest_outcome, l.latest_inspected_on,
       c.business_id is not null as closed, c.closed_until
from businesses b
left join latest l using (business_id)
left join closed c using (business_id)
where ($street::varchar is null or b.street_id = $street)
  and ($scope::varchar is null or b.street_id = $scope)
  and b.lat is not null and b.lon is not null
order by closed, b.business_id

-- name: inspections_closed_on_day
-- Businesses closed on $day (a `suspended` inspection covers $day: closures rollup), one row per
-- business, with the most recent suspension covering $day: the day of that inspection, its findings
-- (the reason) and agencies (lists shown with '、' between items), its suspension length in days,
-- reopened_on and whether it reopened early; and, over all suspensions covering $day, closed_since
-- (the earliest start), days_closed (closed_since to $day, both counted) and closed_until, the
-- reopening day (the latest end; null = no end set).
-- $street null means the whole district. Most recently closed first.
-- $scope (a street, or null for the district) bounds everything; businesses of no known street
-- count only in the district.
with covering as (
    select c.*,
           min(c.closed_from) over (partition by c.business_id) as closed_since,
           max(c.closed_until) over (partition by c.business_id) as latest_end,
           count(*) filter (where c.closed_until is null) over (partition by c.business_id) as open_ended
    from closures c
    where c.closed_from <= $day::date and (c.closed_until is null or $day::date < c.closed_until)
      and ($street::varchar is null or c.street_id = $street)
      and ($scope::varchar is null or c.street_id = $scope)
    qualify row_number() over (partition by c.business_id order by c.closed_from desc, c.inspection_id desc) = 1
)
select b.business_id, b.name, b.category, b.address, b.street_id,
       c.inspection_id, c.closed_from as inspected_on,
       regexp_replace(trim(i.findings), '\s*[；;]\s*', '、', 'g') as findings,
       regexp_replace(trim(i.agencies), '\s*[；;]\s*', '、', 'g') as agencies,
       c.suspension_days, c.reopened_on, c.reopened_early,
       c.closed_since, ($day::date - c.closed_since + 1)::bigint as days_closed,
       case when c.open_ended = 0 then c.latest_end end as closed_until
from covering c
join inspections i using (inspection_id)
join businesses b on b.business_id = c.business_id
order by c.closed_since desc, b.business_id

-- name: inspections_repeat_offenders
-- Repeat offenders on $day: businesses with more than one failed inspection (any outcome other than
-- pass) on or before $day, with their inspections and failures so far by outcome, the day of the
-- last failure and the latest outcome (latest inspection on or before $day, ties broken by the larger
-- inspection_id). $street null means the whole district. Most failures first.
-- $scope (a street, or null for the district) bounds everything; businesses of no known street
-- count only in the district.
with history as (
    select business_id,
           count(*)::bigint as inspections,
           count(*) filter (where outcome <> 'pass')::bigint as failed,
           count(*) filter (where outcome = 'rectify')::bigint as rectify,
           count(*) filter (where outcome = 'suspended')::bigint as suspended,
           count(*) filter (where outcome = 'fined')::bigint as fined,
           max(inspected_on) filter (where outcome <> 'pass') as last_failed_on
    from inspections
    where inspected_on <= $day::date and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by business_id
    having count(*) filter (where outcome <> 'pass') > 1
),
latest as (
    select business_id, outcome as latest_outcome
    from inspections
    where inspected_on <= $day::date and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    qualify row_number() over (partition by business_id order by inspected_on desc, inspection_id desc) = 1
)
select b.business_id, b.name, b.category, b.address, b.street_id,
       h.inspections, h.failed, h.rectify, h.suspended, h.fined, h.last_failed_on, l.latest_outcome
from history h
join latest l using (business_id)
join businesses b using (business_id)
order by h.failed desc, h.last_failed_on desc, b.business_id

-- name: inspections_rectify_pending
-- Businesses ordered to rectify (责令整改) and not re-inspected yet on $day: their latest inspection
-- on or before $day (ties broken by the larger inspection_id) has outcome `rectify`. With the day of
-- that inspection, the days since ($day - inspected_on), its findings and agencies (lists shown with
-- '、' between items). $street null means the whole district. Longest waiting first.
-- $scope (a street, or null for the district) bounds everything; businesses of no known street
-- count only in the district.
with latest as (
    select *
    from inspections
    where inspected_on <= $day::date and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    qualify row_number() over (partition by business_id order by inspected_on desc, inspection_id desc) = 1
)
select b.business_id, b.name, b.category, b.address, b.street_id,
       l.inspection_id, l.inspected_on, ($day::date - l.inspected_on)::bigint as days_since,
       regexp_replace(trim(l.findings), '\s*[；;]\s*', '、', 'g') as findings,
       regexp_replace(trim(l.agencies), '\s*[；;]\s*', '、', 'g') as agencies
from latest l
join businesses b using (business_id)
where l.outcome = 'rectify'
order by days_since desc, b.business_id
