"""The daily briefing off the screen: one self-contained HTML file (charts interactive, plotly.js
inline, so it opens offline) and an A4 PDF printed from it by headless Chromium.

Used by the briefing page's downloads and by `python -m knockboard briefing` (a daily job); `prepare`
also serves the robots' messages (knockboard/push.py).
"""

import datetime as dt
import html
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import plotly.offline

import queries
from knockboard import briefing, briefing_charts, i18n
from knockboard.config import COVERAGE_TARGET, chromium_setting
from knockboard.shown import Card


class BriefingError(Exception):
    """The briefing cannot be made: `code` says why (no_data, unknown_street, not_permitted,
    bad_output, no_browser, pdf_failed)."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def chromium_path() -> str | None:
    """The headless browser that prints PDFs: $KNOCKBOARD_CHROMIUM, else chromium on the PATH."""
    configured = chromium_setting()
    if configured:
        return configured if Path(configured).exists() else None
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)


CSS = """
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; margin: 0 auto;
       max-width: 186mm; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 3.5mm 0 1.5mm; border-bottom: 1px solid #ddd; }
.meta { color: #555; font-size: 9pt; display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2.5mm; }
.card { border: 1px solid #ddd; border-radius: 2mm; padding: 2mm 2.5mm; break-inside: avoid; }
.card .label { font-size: 8.5pt; color: #555; } .card .value { font-size: 15pt; font-weight: 600; }
.card .up { color: #2e7d32; } .card .down { color: #c62828; } .card .flat { color: #777; }
.card .change { font-size: 8.5pt; }
ul { margin: 0; padding-left: 5mm; } li { margin: 0.3mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; } th, td { border-bottom: 1px solid #e5e5e5;
       padding: 0.5mm 1.5mm; text-align: right; } th { background: #f5f5f5; } td:nth-child(3), th:nth-child(3) { text-align: left; }
.charts { break-before: page; } .chart { break-inside: avoid; margin-bottom: 3mm; }
.note { color: #777; font-size: 8.5pt; margin-top: 4mm; }
"""


def _card_html(card: Card, lang: str) -> str:
    change = card.shown_change(lang)
    if card.change is None or card.change == 0:
        tone = "flat"
    else:
        good = (card.change > 0) != card.worse_when_up
        tone = "up" if good else "down"
    return (
        f'<div class="card"><div class="label">{html.escape(i18n.t(card.key, lang))}</div>'
        f'<div class="value">{html.escape(card.shown())}</div>'
        f'<div class="change {tone}">{html.escape(change or "–")} {html.escape(i18n.t("vs_prev_day", lang))}</div></div>'
    )


def render_html(
    b: briefing.Briefing,
    scope: str,
    generated_at: dt.datetime,
    latest_day: dt.date,
    last_load: dt.datetime | None,
    source: str | None,
) -> str:
    """The briefing as one HTML page that needs nothing from the network."""
    lang = b.lang
    t = partial(i18n.t, lang=lang)
    figures = [
        briefing_charts.coverage_against_target(b.visits, b.target, lang),
        briefing_charts.knocked_per_day(b.visits, lang),
        briefing_charts.hours_per_day(b.shifts, lang),
    ]
    chart_divs = "".join(
        f'<div class="chart">{go.Figure(fig).update_layout(width=680, height=300).to_html(full_html=False, include_plotlyjs=False, config={"displayModeBar": False, "staticPlot": False})}</div>'
        for fig in figures
    )
    ranking = briefing.ranking_styled(b.ranking_table, lang, html=True).hide(axis="index").to_html()
    freshness = t(
        "export_freshness",
        latest=i18n.day_long(latest_day, lang),
        loaded=last_load.strftime("%Y-%m-%d %H:%M")
        if last_load is not None and not _nat(last_load)
        else t("export_demo_data" if source == "demo" else "export_never_loaded"),
    )
    section_ranking = t("section_ranking_communities" if b.street else "section_ranking")
    return f"""<!doctype html>
<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">
<title>{html.escape(t("export_heading"))} · {html.escape(i18n.day_long(b.day, lang))}</title>
<style>{CSS}</style>
<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>
</head><body>
<h1>{html.escape(t("export_heading"))}</h1>
<div class="meta">
  <div>{html.escape(t("export_report_day"))}: <b>{html.escape(i18n.day_long(b.day, lang))}</b></div>
  <div>{html.escape(t("export_scope"))}: <b>{html.escape(scope)}</b></div>
  <div>{html.escape(t("export_made_at"))}: {generated_at:%Y-%m-%d %H:%M}</div>
  <div>{html.escape(freshness)}</div>
</div>
<h2>{html.escape(t("section_summary"))}</h2>
<ul>{"".join(f"<li>{html.escape(w)}</li>" for w in b.words)}</ul>
<h2>{html.escape(t("section_headline"))}</h2>
<div class="cards">{"".join(_card_html(c, lang) for c in b.cards)}</div>
<h2>{html.escape(t("section_attention"))}</h2>
<ul>{"".join(f"<li>{html.escape(w)}</li>" for w in b.attention)}</ul>
<h2>{html.escape(section_ranking)}</h2>
{ranking}
<div class="charts"><h2>{html.escape(t("section_trend"))}</h2>{chart_divs}</div>
<p class="note">{html.escape(t("synthetic_note") if source == "demo" else t("export_generated_note"))}</p>
</body></html>"""


def _nat(value) -> bool:
    try:
        import pandas as pd

        return pd.isna(value)
    except (TypeError, ValueError):
        return False


@dataclass
class Prepared:
    """A day's briefing ready to show anywhere (HTML, PDF, a robot's message): the numbers, what it
    is about, and how fresh the data is."""

    briefing: briefing.Briefing
    scope_label: str  # the street's name, or "whole district", in the briefing's language
    latest_day: dt.date
    last_load: object  # a timestamp, or None/NaT when nothing was ever loaded
    source: str | None


def prepare(
    con: duckdb.DuckDBPyConnection, day: dt.date | None, street: str | None, lang: str, *, scope: str | None = None
) -> Prepared:
    """The briefing for `day` (default: the latest day with data). `scope` is the street the reader
    may see (None: the whole district); a street-scoped reader gets their street's briefing.
    Raises BriefingError when the day has no data, the street is unknown or outside the scope."""
    if street and scope and street != scope:
        raise BriefingError("not_permitted", f"street {street!r} is outside the scope {scope!r}")
    # every query is bounded by the scope, and a scoped reader's briefing is their street's
    run = partial(queries.run, con, scope=scope)
    street = street or scope
    days = run("data_days")
    first, latest = days.iloc[0]["first_day"], days.iloc[0]["latest_day"]
    if first is None or _nat(first):
        raise BriefingError("no_data", "the store holds no data")
    first, latest = first.date(), latest.date()
    day = day or latest
    if not first <= day <= latest:
        raise BriefingError("no_data", f"no data for {day}: the store covers {first} to {latest}")
    streets = run("streets")
    names = {r.street_id: (r.name_zh, r.name_en) for r in streets.itertuples()}
    if street and street not in names:
        raise BriefingError("unknown_street", f"no street {street!r}; streets: {', '.join(names)}")
    b = briefing.gather(run, day, street, lang, COVERAGE_TARGET)
    if all(
        c.value in (None, 0) for c in b.cards if c.key in ("knocked", "hours", "briefing_leads_received", "inspections")
    ):
        raise BriefingError("no_data", f"nothing was recorded on {day}")
    scope_label = i18n.place(*names[street], lang) if street else i18n.t("all_streets", lang)
    meta = run("last_import").iloc[0]
    return Prepared(b, scope_label, latest, meta["last_load"], meta["source"])


def build(
    con: duckdb.DuckDBPyConnection,
    day: dt.date | None,
    street: str | None,
    lang: str,
    generated_at: dt.datetime | None = None,
    *,
    scope: str | None = None,
) -> tuple[str, dt.date]:
    """The briefing HTML for `day` (see prepare: the same checks, the same errors)."""
    p = prepare(con, day, street, lang, scope=scope)
    html_text = render_html(
        p.briefing, p.scope_label, generated_at or dt.datetime.now(), p.latest_day, p.last_load, p.source
    )
    return html_text, p.briefing.day


def html_to_pdf(html_text: str, pdf_path: Path) -> None:
    """Prints the HTML to an A4 PDF with headless Chromium, offline (no network beyond the file)."""
    browser = chromium_path()
    if browser is None:
        raise BriefingError("no_browser", "PDF needs Chromium: install Debian's chromium or set KNOCKBOARD_CHROMIUM")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "briefing.html"
        page.write_text(html_text, encoding="utf-8")
        result = subprocess.run(
            [
                browser,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                "--virtual-time-budget=8000",
                f"--print-to-pdf={pdf_path}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
            raise BriefingError("pdf_failed", f"Chromium could not print the PDF: {result.stderr[-500:]}")


def pdf_bytes(html_text: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "briefing.pdf"
        html_to_pdf(html_text, out)
        return out.read_bytes()


def export(
    con: duckdb.DuckDBPyConnection,
    out: Path,
    day: dt.date | None,
    street: str | None,
    lang: str,
    *,
    scope: str | None = None,
) -> dt.date:
    """Writes the briefing to `out` (.html or .pdf) whole or not at all: made beside it, then renamed.
    `scope` as in build()."""
    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm", ".pdf"):
        raise BriefingError("bad_output", f"{out}: the output must end in .html or .pdf")
    html_text, day = build(con, day, street, lang, scope=scope)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial_file = out.with_name(f".{out.name}.partial")
    try:
        if out.suffix.lower() == ".pdf":
            html_to_pdf(html_text, partial_file)
        else:
            partial_file.write_text(html_text, encoding="utf-8")
        os.replace(partial_file, out)
    finally:
        partial_file.unlink(missing_ok=True)
    return day
