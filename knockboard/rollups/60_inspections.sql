-- sources: inspections, agency_aliases
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Closures: one row per `suspended` inspection, with the days it closes the business. This is the
-- one definition of DESIGN.md's "closed business": closed from inspected_on until reopened_on, else
-- until inspected_on + suspension_days; with neither, closed_until is null ("no end set") and the
-- business stays closed. A business is closed on day D when
--     closed_from <= D and (closed_until is null or D < closed_until)
-- so closed_until is the reopening day, the first day it is open again.
create or replace table closures as
select
    inspection_id,
    business_id,
    street_id,
    inspected_on as closed_from,
    coalesce(reopened_on, inspected_on + suspension_days) as closed_until,
    suspension_days,
    reopened_on,
    -- reopened before the planned end of the suspension (e.g. after passing a re-inspection)
    coalesce(reopened_on < inspected_on + suspension_days, false) as reopened_early
from inspections
where outcome = 'suspended'
order by closed_from, business_id;

-- Inspection items: one row per finding and per agency of each inspection. `findings` and
-- `agencies` each hold one or more items separated by '；' (or ';'); split once here so that pages
-- count them without splitting every inspection on every run. An agency written another way is
-- counted under the name agency_aliases gives it: the street's own alias first, then the district's.
create or replace table inspection_items as
with split as (
    select inspection_id, business_id, street_id, inspected_on, outcome, 'finding' as kind,
           unnest(regexp_split_to_array(findings, '[；;]')) as item
    from inspections
    where findings is not null
    union all
    select inspection_id, business_id, street_id, inspected_on, outcome, 'agency' as kind,
           unnest(regexp_split_to_array(agencies, '[；;]')) as item
    from inspections
    where agencies is not null
),
aliases as (
    select trim(alias) as alias, street_id, min(trim(agency)) as agency
    from agency_aliases
    group by all
)
select s.inspection_id, s.business_id, s.street_id, s.inspected_on, s.outcome, s.kind,
       case when s.kind = 'agency' then coalesce(own.agency, district.agency, trim(s.item)) else trim(s.item) end
           as item
from split s
left join aliases own on s.kind = 'agency' and own.alias = trim(s.item) and own.street_id = s.street_id
left join aliases district on s.kind = 'agency' and district.alias = trim(s.item) and district.street_id is null
where trim(s.item) <> ''
order by s.inspected_on, s.kind, item;
