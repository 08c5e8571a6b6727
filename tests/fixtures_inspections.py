"""The hand-built store (tests/fixtures.py) with more businesses, inspections and leads, for the
inspections and lead verification pages. Every answer is worked out by hand in the tests.

Businesses added: B5 甲二餐馆 (S1, ordered to rectify, fined, ordered to rectify again), B6 乙二商店
(S2, rectify then pass), B7 乙三饭店 (S2, two overlapping suspensions), B8 甲三宾馆 (S1, never
inspected), B9 乙四药店 (S2, no category, no position: not on the map).

All inspections (I1-I4 are the base store's):
  I1  B1 d1 suspended 3 days, no reopening     closed d1, d2, d3 (reopens d4)
  I2  B2 d2 suspended 7 days, reopened d3      closed d2 only (reopened early)
  I3  B3 d2 pass
  I4  B4 d3 suspended, no length, no reopening closed from d3 on (no end set)
  I5  B5 d1 rectify   I6 B5 d2 fined   I7 B5 d3 rectify
  I8  B6 d1 rectify   I9 B6 d2 pass
  I10 B7 d1 suspended 5 days                   closed d1 .. d5 (reopens d6)
  I11 B7 d2 suspended 1 day                    closed d2 (reopens d3), inside I10's closure
  I12 B9 d3 pass
Closed businesses: d1 = 2 (B1, B7), d2 = 3 (B1, B2, B7), d3 = 3 (B1, B4, B7), d4 = 2 (B4, B7).

All leads (L1-L4 are the base store's), hours to verify in brackets:
  L1 S1 companion d1 10:00, valid   d1 12:00 (2)      L6 S2 risk_area d1 18:00, valid   d3 00:00 (30)
  L2 S1 returnee  d1 20:00, invalid d3 09:00 (37)     L7 S1 companion d2 18:00, invalid d2 20:00 (2)
  L3 S2 risk_area d2 08:00, pending                   L8 S2 companion d3 23:00, invalid d4 02:00 (3)
  L4 S2 companion d2 23:00, valid   d3 01:00 (2)      L9 S1 returnee  d3 18:00, pending
  L5 S1 returnee  d2 00:00, pending
L5 arrives exactly as d2 begins (24 h old at the end of d2: not over 24 h), L6 is verified exactly as d3
begins (still pending at the end of d2), L9 is exactly 6 h old at the end of d3.
"""

from pathlib import Path

import pytest

from knockboard import store
from tests.fixtures import D1, D2, D3, D4, add_rows, build_hand_store

INSPECTIONS = f"""
insert into businesses (business_id, name, category, address, lat, lon, grid_id, street_id) values ('B5', '甲二餐馆', '餐饮', '甲路5号', 32.001, 120.801, 'G1', 'S1'),
                              ('B6', '乙二商店', '超市便利店', '乙路6号', 32.101, 120.901, 'G3', 'S2'),
                              ('B7', '乙三饭店', '餐饮', '乙路7号', 32.102, 120.902, 'G3', 'S2'),
                              ('B8', '甲三宾馆', '宾馆酒店', '甲路8号', 32.002, 120.802, 'G1', 'S1'),
                              ('B9', '乙四药店', null, '乙路9号', null, null, 'G3', 'S2');
insert into inspections (inspection_id, business_id, inspected_on, agencies, findings, outcome, suspension_days, reopened_on, street_id) values
 ('I5',  'B5', '{D1}', '派出所', '未验码；未测温', 'rectify', null, null, 'S1'),
 ('I6',  'B5', '{D2}', '市场监督管理局; 派出所', ' 未验码 ', 'fined', null, null, 'S1'),
 ('I7',  'B5', '{D3}', '派出所', '未测温', 'rectify', null, null, 'S1'),
 ('I8',  'B6', '{D1}', '区商务局', '人员随意进出', 'rectify', null, null, 'S2'),
 ('I9',  'B6', '{D2}', '区商务局', null, 'pass', null, null, 'S2'),
 ('I10', 'B7', '{D1}', '区卫健委；派出所', '未测温', 'suspended', 5, null, 'S2'),
 ('I11', 'B7', '{D2}', '派出所', '未验码；未落实消杀', 'suspended', 1, null, 'S2'),
 ('I12', 'B9', '{D3}', '区商务局', null, 'pass', null, null, 'S2');
"""

LEADS = f"""
insert into leads (lead_id, received_at, street_id, kind, status, verified_at) values
 ('L5', '{D2} 00:00:00', 'S1', 'returnee',  'pending', null),
 ('L6', '{D1} 18:00:00', 'S2', 'risk_area', 'valid',   '{D3} 00:00:00'),
 ('L7', '{D2} 18:00:00', 'S1', 'companion', 'invalid', '{D2} 20:00:00'),
 ('L8', '{D3} 23:00:00', 'S2', 'companion', 'invalid', '{D4} 02:00:00'),
 ('L9', '{D3} 18:00:00', 'S1', 'returnee',  'pending', null);
"""


def build_casework_store(path: Path) -> Path:
    return add_rows(build_hand_store(path), INSPECTIONS, LEADS)


# Fixtures for the modules that test on this store (tests/test_inspections.py, tests/test_leads.py),
# each of which imports them and so gets stores of its own.


@pytest.fixture(scope="module")
def case_db(tmp_path_factory) -> Path:
    return build_casework_store(tmp_path_factory.mktemp("casework") / "casework.duckdb")


@pytest.fixture(scope="module")
def page_db(tmp_path_factory) -> Path:
    """The same store in a file of its own for the page: the app opens it read-only, which DuckDB
    refuses while this module's connection holds the other file read-write."""
    return build_casework_store(tmp_path_factory.mktemp("casework-page") / "casework.duckdb")


@pytest.fixture(scope="module")
def con(case_db):
    con = store.connect(case_db)
    yield con
    con.close()
