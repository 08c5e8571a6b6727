-- name: streets
-- The streets of the district, with their Chinese and English (pinyin) names and rough centroids.
-- $scope (a street, or null for the district) bounds the list: a street-scoped user sees their own.
select street_id, name_zh, name_en, lat, lon
from streets
where $scope::varchar is null or street_id = $scope
order by street_id

-- name: data_days
-- First and latest day with any data (visits, shifts, inspections or leads). The latest day is the
-- default report day. $scope (a street, or null for the district) bounds the data looked at.
with days as (
    select min(day) as first_day, max(day) as latest_day from roll_visits_street_day
    where $scope::varchar is null or street_id = $scope
    union all select min(shift_date), max(shift_date) from shifts
    where $scope::varchar is null or street_id = $scope
    union all select min(inspected_on), max(inspected_on) from inspections
    where $scope::varchar is null or street_id = $scope
    union all select min(received_at)::date, max(received_at)::date from leads
    where $scope::varchar is null or street_id = $scope
)
select min(first_day) as first_day, max(latest_day) as latest_day
from days
