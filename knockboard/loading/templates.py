"""Empty sheets with the headers the loader expects: English names, or the Chinese headers clerks use."""

import pandas as pd

from knockboard.loading.spec import ORDER, TABLES


def template(table: str, lang: str) -> pd.DataFrame:
    """An empty table whose headers are the columns of `table` (Chinese aliases in Chinese)."""
    headers = []
    for column in TABLES[table].columns:
        chinese = [a for a in column.aliases if not a.isascii()]
        headers.append(chinese[0] if lang == "zh" and chinese else column.name)
    return pd.DataFrame(columns=headers)


def all_templates(lang: str) -> dict[str, pd.DataFrame]:
    return {table: template(table, lang) for table in ORDER}
