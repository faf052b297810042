"""The audit's summary for people: summary.md and a self-contained summary.html.

Findings per rule per publication year, the worst articles with their findings, the rows
that could not be read, and a chart of findings per 100 articles by year (matplotlib,
drawn as SVG: beside summary.md as summary.svg, inline in summary.html). Everything is
computed from articles.parquet and findings.parquet, streamed, and holds no time or
timing, so that the same audit gives the same bytes.
"""

from __future__ import annotations

import heapq
import html
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from checker.audit.outputs import ARTICLES, FINDINGS, SEVERITIES, rule_ids
from checker.report.common import GENERATOR_MARK  # marks a report: walks skip it

WORST = 10
EXAMPLE_ERRORS = 10
NO_DATE = "no date"


@dataclass
class Totals:
    """What the audit found, counted over articles.parquet."""

    rows: int = 0
    unreadable: int = 0
    with_findings: int = 0
    severity: Counter = field(default_factory=Counter)
    articles_by_year: Counter = field(default_factory=Counter)
    by_year: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    worst: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return sum(self.severity.values())

    @property
    def years(self) -> list[str]:
        return sorted(self.articles_by_year, key=lambda y: (y == NO_DATE, y))


def count(out: Path) -> Totals:
    totals = Totals()
    rules = rule_ids()
    candidates = []
    columns = ["row", "id", "url", "published", "findings", "error",
               *[f"findings_{s}" for s in SEVERITIES], *rules]
    with pq.ParquetFile(out / ARTICLES) as pf:
        for batch in pf.iter_batches(columns=columns, batch_size=10_000):
            for a in batch.to_pylist():
                totals.rows += 1
                if a["error"] is not None:
                    totals.unreadable += 1
                    if len(totals.errors) < EXAMPLE_ERRORS:
                        totals.errors.append(a)
                    continue
                year = str(a["published"].year) if a["published"] else NO_DATE
                totals.articles_by_year[year] += 1
                for s in SEVERITIES:
                    totals.severity[s] += a[f"findings_{s}"]
                for rule in rules:
                    if a[rule]:
                        totals.by_year[year][rule] += a[rule]
                if a["findings"]:
                    totals.with_findings += 1
                    candidates.append(a)
                    if len(candidates) > 4 * WORST:  # keep memory flat on a large archive
                        candidates = heapq.nsmallest(WORST, candidates, key=_badness)
    totals.worst = heapq.nsmallest(WORST, candidates, key=_badness)
    _attach_findings(out, totals.worst)
    return totals


def _badness(a: dict) -> tuple:
    """Most errors first, then most warnings, then most findings; ties in source order."""
    return (-a["findings_error"], -a["findings_warning"], -a["findings"], a["row"])


def _attach_findings(out: Path, worst: list[dict]) -> None:
    rows = {a["row"]: a for a in worst}
    for a in worst:
        a["list"] = []
    if not rows:
        return
    table = pq.read_table(out / FINDINGS, columns=["row", "rule", "severity", "message"],
                          filters=[("row", "in", list(rows))])
    for f in table.to_pylist():
        rows[f["row"]]["list"].append(f)


# ------------------------------------------------------------------ the chart

def chart_svg(totals: Totals) -> str:
    """Findings per 100 articles by publication year, stacked by rule, as an SVG document."""
    import matplotlib
    from matplotlib.figure import Figure

    years = totals.years
    rules = [r for r in rule_ids() if any(totals.by_year[y][r] for y in years)]
    with matplotlib.rc_context({"svg.hashsalt": "copydesk", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans", "font.size": 9}):
        fig = Figure(figsize=(8, 3.6))
        ax = fig.add_subplot()
        colours = matplotlib.colormaps["tab10"]
        bottom = [0.0] * len(years)
        for i, rule in enumerate(rules):
            values = [100 * totals.by_year[y][rule] / totals.articles_by_year[y] for y in years]
            ax.bar(years, values, bottom=bottom, label=rule, color=colours(i % 10), width=0.7)
            bottom = [b + v for b, v in zip(bottom, values)]
        ax.set_ylabel("findings per 100 articles")
        ax.set_xlabel("year of publication")
        ax.spines[["top", "right"]].set_visible(False)
        if rules:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
        else:
            ax.text(0.5, 0.5, "no findings", transform=ax.transAxes, ha="center")
        if len(years) > 12:
            ax.tick_params(axis="x", labelrotation=90)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


# ------------------------------------------------------------------ the two documents

def _year_rows(totals: Totals) -> tuple[list[str], list[list[str]]]:
    rules = rule_ids()
    head = ["year", "articles", "findings", "per 100 articles", *rules]
    body = []
    for year in [*totals.years, "all"]:
        counts = (sum((totals.by_year[y] for y in totals.years), Counter()) if year == "all"
                  else totals.by_year[year])
        articles = (sum(totals.articles_by_year.values()) if year == "all"
                    else totals.articles_by_year[year])
        found = sum(counts.values())
        body.append([year, f"{articles:,}", f"{found:,}",
                     f"{100 * found / articles:.1f}" if articles else "–",
                     *[f"{counts[r]:,}" for r in rules]])
    return head, body


def _headline(totals: Totals, source: str) -> list[str]:
    checked = totals.rows - totals.unreadable
    levels = ", ".join(f"{totals.severity[s]:,} {s}" for s in SEVERITIES)
    return [(f"{totals.rows:,} rows of `{source}`: {checked:,} articles checked, "
             f"{totals.unreadable:,} unreadable."),
            f"{totals.findings:,} findings ({levels}) in {totals.with_findings:,} articles."]


def _web(url: str | None) -> bool:
    """Only web addresses become links: the archive's url column is not trusted."""
    return (url or "").lower().startswith(("https://", "http://"))


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(totals: Totals, source: str, chart: str) -> str:
    lines = [f"<!-- {GENERATOR_MARK} -->", f"# copydesk audit of {Path(source).name}", "",
             *_headline(totals, source), ""]
    head, body = _year_rows(totals)
    lines += ["## Findings per rule and year of publication", "",
              "| " + " | ".join(head) + " |", "|---" + "|---:" * (len(head) - 1) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    lines += ["", f"![Findings per 100 articles by year of publication]({chart})", ""]
    lines += ["## The worst articles", ""]
    if not totals.worst:
        lines += ["No article has a finding.", ""]
    for n, a in enumerate(totals.worst, 1):
        when = a["published"].isoformat() if a["published"] else NO_DATE
        where = f" <{a['url']}>" if _web(a["url"]) else ""
        counts = ", ".join(f"{a[f'findings_{s}']} {s}" for s in SEVERITIES)
        lines.append(f"{n}. `{a['id']}` (row {a['row']}, published {when}){where}: {counts}")
        lines += [f"   - {f['severity']} `{f['rule']}`: {_cell(f['message'])}" for f in a["list"]]
    lines += ["", "## Unreadable rows", ""]
    if not totals.unreadable:
        lines.append("Every row was read.")
    else:
        lines.append(f"{totals.unreadable:,} rows could not be checked (the `error` column of "
                     f"articles.parquet); the first {len(totals.errors)}:")
        lines.append("")
        lines += [f"- row {a['row']}: {_cell(a['error'])}" for a in totals.errors]
    return "\n".join(lines) + "\n"


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0;font-size:13px}th,td{padding:.25rem .5rem;
border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left;white-space:nowrap}
tr:last-child td{font-weight:600}code{background:#f4f4f4;padding:0 .2rem}
.sev-error{color:#b00020}.sev-warning{color:#9a6700}.sev-info{color:#555}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}li{margin:.2rem 0}
"""


def page(totals: Totals, source: str, svg: str) -> str:
    e = html.escape
    head, body = _year_rows(totals)
    inline = svg[svg.index("<svg"):]  # drop the XML declaration and doctype
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="generator" content="copydesk">',
        f"<title>copydesk audit of {e(Path(source).name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>copydesk audit of {e(Path(source).name)}</h1>",
        *[f"<p>{e(line).replace('`', '')}</p>" for line in _headline(totals, source)],
        "<h2>Findings per rule and year of publication</h2>",
        "<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>" + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                            for row in body) + "</tbody></table>",
        f'<figure role="img" aria-label="Findings per 100 articles by year">{inline}</figure>',
        "<h2>The worst articles</h2>",
    ]
    if not totals.worst:
        parts.append("<p>No article has a finding.</p>")
    else:
        parts.append("<ol>")
        for a in totals.worst:
            when = a["published"].isoformat() if a["published"] else NO_DATE
            name = (f'<a href="{e(a["url"])}">{e(a["id"])}</a>' if _web(a["url"])
                    else f"<code>{e(a['id'])}</code>")
            counts = ", ".join(f"{a[f'findings_{s}']} {s}" for s in SEVERITIES)
            items = "".join(f'<li><span class="sev-{e(f["severity"])}">{e(f["severity"])}</span>'
                            f" <code>{e(f['rule'])}</code>: {e(f['message'])}</li>"
                            for f in a["list"])
            parts.append(f"<li>{name} (row {a['row']}, published {when}): {counts}"
                         f"<ul>{items}</ul></li>")
        parts.append("</ol>")
    parts.append("<h2>Unreadable rows</h2>")
    if not totals.unreadable:
        parts.append("<p>Every row was read.</p>")
    else:
        parts.append(f"<p>{totals.unreadable:,} rows could not be checked (the <code>error"
                     f"</code> column of articles.parquet); the first {len(totals.errors)}:</p>")
        parts.append("<ul>" + "".join(f"<li>row {a['row']}: {e(a['error'])}</li>"
                                      for a in totals.errors) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write(out: Path, source: str) -> Totals:
    """Write summary.md, summary.svg and summary.html into `out`; returns the totals."""
    from checker.audit.outputs import atomic_write_text

    totals = count(out)
    svg = chart_svg(totals)
    atomic_write_text(out / "summary.svg", svg)
    atomic_write_text(out / "summary.md", markdown(totals, source, "summary.svg"))
    atomic_write_text(out / "summary.html", page(totals, source, svg))
    return totals
