"""Personal data kept back: household addresses and people's names masked, refused rows' raw text
withheld, and small cells suppressed in exports. Applied where query results leave the store
(app.Context.q) and where tables leave the app (components.downloads). No Streamlit here."""

import re

import pandas as pd

HIDDEN = "***"
# The columns of DESIGN.md that hold personal data, as loaded (a refused row names its column).
PERSONAL_COLUMNS = {"address", "name"}

# Keep an address up to its building (幢/栋/号楼/座), else up to its first digit: enough to send
# someone to the right building, not to the door.
_BUILDING = re.compile(r"^(.*?\d+\s*(?:幢|栋|号楼|座))")
_FIRST_DIGIT = re.compile(r"^(\D*)")


def mask_address(address: str | None) -> str:
    """濠西花园9幢302室 → 濠西花园9幢***"""
    if not address or pd.isna(address):
        return ""
    building = _BUILDING.match(address)
    kept = building.group(1) if building else _FIRST_DIGIT.match(address).group(1)
    return f"{kept}{HIDDEN}"


def mask_name(name: str | None) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: the family name's first character stays."""
    if not name or pd.isna(name):
        return ""
    name = str(name).strip()
    return name[0] + "*" * min(max(len(name) - 1, 1), 3)


def _mask_kind(column: str):
    if "address" in column:
        return mask_address
    if "name" in column:
        return mask_name
    return lambda value: "" if value is None or pd.isna(value) else HIDDEN


def mask_frame(df: pd.DataFrame, personal: tuple[str, ...]) -> pd.DataFrame:
    """The result with its personal columns masked (a query names them with `-- personal:`).
    A refused row's `value` is masked only when its column is personal: a bad date stays visible."""
    if not personal or df.empty:
        return df
    df = df.copy()
    # a refused row names the column its value came from
    named_by = next((c for c in ("column_name", "column") if c in df.columns), None)
    for column in personal:
        if column not in df.columns:
            continue
        if column == "value" and named_by:
            personal_rows = df[named_by].isin(PERSONAL_COLUMNS)
            df[column] = df[column].astype(object)
            df.loc[personal_rows, column] = [_mask_kind("value")(v) for v in df.loc[personal_rows, column]]
        else:
            mask = _mask_kind(column)
            df[column] = [mask(v) for v in df[column]]
    return df


def suppress_small_cells(
    df: pd.DataFrame, households_column: str, threshold: int, area_columns: tuple[str, ...]
) -> pd.DataFrame:
    """An export of areas below grid level with everything but the area's name withheld where fewer
    than `threshold` households live: a count of 2 households, or 100 % of 1, points at the people."""
    if households_column not in df.columns or df.empty:
        return df
    small = pd.to_numeric(df[households_column], errors="coerce").fillna(0) < threshold
    if not small.any():
        return df
    df = df.copy()
    for column in df.columns:
        if column in area_columns:
            continue
        df[column] = df[column].astype(object)
        df.loc[small, column] = f"<{threshold}" if column == households_column else None
    return df
