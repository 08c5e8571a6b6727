"""Personal data kept back: masking rules, the queries that declare personal columns, and small-cell
suppression in exports (knockboard/privacy.py)."""

import pandas as pd

import queries
from knockboard import privacy


def test_addresses_are_masked_after_the_building():
    assert privacy.mask_address("濠西花园9幢302室") == "濠西花园9幢***"
    assert privacy.mask_address("濠西小区12幢3单元502室") == "濠西小区12幢***"
    assert privacy.mask_address("乙一村5号") == "乙一村***"
    assert privacy.mask_address(None) == ""


def test_names_keep_their_first_character():
    assert privacy.mask_name("张三") == "张*"
    assert privacy.mask_name("欧阳娜娜") == "欧***"
    assert privacy.mask_name("李") == "李*"
    assert privacy.mask_name(None) == ""


def test_queries_declare_their_personal_columns():
    assert queries.get("backlog_households").personal == ("address",)
    # the declaration is not part of the documentation shown to people
    assert "personal:" not in queries.get("backlog_households").doc


def test_mask_frame_masks_only_declared_columns():
    df = pd.DataFrame({"household_id": ["H1"], "address": ["濠西花园9幢302室"], "volunteer_name": ["张三"]})
    masked = privacy.mask_frame(df, ("address", "volunteer_name"))
    assert masked.to_dict("records") == [{"household_id": "H1", "address": "濠西花园9幢***", "volunteer_name": "张*"}]
    assert df["address"].iloc[0] == "濠西花园9幢302室"  # the cached original is untouched
    assert privacy.mask_frame(df, ()) is df


def test_refused_values_are_hidden_only_for_personal_columns():
    df = pd.DataFrame(
        {
            "column_name": ["address", "visited_at", "name"],
            "value": ["濠西花园9幢302室", "2022-13-01", "张三"],
            "row_text": ["V1,濠西花园9幢302室", "V2,2022-13-01", "P1,张三"],
        }
    )
    masked = privacy.mask_frame(df, ("value", "row_text"))
    assert masked["value"].tolist() == ["***", "2022-13-01", "***"]
    assert masked["row_text"].tolist() == ["***", "***", "***"]


def test_small_cells_are_withheld_below_the_threshold():
    df = pd.DataFrame(
        {
            "Rank": [1, 2, 3],
            "Micro-grid": ["A", "B", "C"],
            "Coverage (%)": [50.0, 100.0, 90.0],
            "Registered": [4, 5, 0],
            "Status": ["below", "ok", "no households"],
        }
    )
    out = privacy.suppress_small_cells(df, "Registered", 5, ("Rank", "Micro-grid"))
    assert out["Micro-grid"].tolist() == ["A", "B", "C"]
    assert out["Registered"].tolist() == ["<5", 5, "<5"]
    assert out["Coverage (%)"].tolist() == [None, 100.0, None]
    assert out["Status"].tolist() == [None, "ok", None]
    # nothing small: the table leaves as it is
    assert privacy.suppress_small_cells(df, "Registered", 0, ("Rank",)) is df
