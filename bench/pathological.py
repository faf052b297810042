"""Bounded cost: the known pathological input shapes, timed at growing sizes.

Each shape is repeated to n, 2n and 4n characters and checked in full (spaCy pass,
timeline, rules). Work must grow linearly: the ratio of time per character between the
largest and the smallest size stays near 1 (a backtracking regular expression or a
quadratic rule shows up here as a ratio of 4 or more).

    .venv/bin/python bench/pathological.py [--size 10000] [--only WORDS] [--markdown FILE]

Shapes marked * belong to the resolve redesign; they are probed at n/20 and n/10 first and
not run at n when already super-linear there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable

import checker
from checker.engine import analyse, run_rules, select_rules
from checker.nlp.temporal import find_timexes
from checker.source import read_text
from checker.source.markers import markers
from checker.suppress import apply as apply_suppressions

Unit = str | Callable[[int], str]  # a unit repeated to n characters, or a text of n characters


def _gap(space: str) -> Callable[[int], str]:
    """A relative word and a date with n characters of white space between them."""
    return lambda n: "The council voted yesterday" + space * n + "and again in 2024."


def _mirrored(opener: str, closer: str) -> Callable[[int], str]:
    """n characters of openers, then as many closers ('<svg>' * k + '</b>' * k), after a
    visible paragraph (everything after an unclosed <svg> is skipped)."""
    return lambda n: ("<p>Held on 31 April.</p>" + opener * (n // 2 // len(opener))
                      + closer * (n // 2 // len(closer)))


SHAPES: dict[str, tuple[Unit, str]] = {
    # name: (unit repeated, or a text of n characters; kind)
    "one word, no spaces": ("x", "text"),
    "digits, no spaces": ("7", "text"),
    "digits and separators": ("12/05/", "text"),
    "dashes and dots": ("-.", "text"),
    "month names run together": ("May June ", "text"),
    "weekday list": ("on Monday, Tuesday and ", "text"),
    "numbers in words": ("twenty-one thirty four ", "text"),
    "open parentheses": ("(", "text"),
    "commas": (", ", "text"),
    "capitalised names": ("Mr Vollmer Volmer Vollmar ", "text"),
    "ages and births": ("Kim, 35, born in 1984, aged 40, ", "text"),
    "counts": ("three people died and four victims ", "text"),
    "dates with weekdays": ("It opened on Thursday, 29 May 2024. ", "text"),
    "nested html": ("<div>", "html"),
    "unclosed html tags": ("<p><b>Held on 31 April", "html"),
    "html entities": ("&amp;&#32;&nbsp;", "html"),
    # issue 14
    "spaces between a relative word and a date *": (_gap(" "), "text"),
    "no-break spaces between a relative word and a date *": (_gap("\xa0"), "text"),
    "a page of &nbsp; *": ("Held&nbsp;", "html"),
    "many dates on one verb *": (lambda n: "Talks were held " + "on 3 June, " * (n // 11)
                                 + "in the end.", "text"),
    # issue 12: stretches, restatements by noun and verb, yearless dates, head lines
    "durations and ranges in one sentence": ("a 12-day strike from 3 to 10 June, ", "text"),
    "durations and ranges, a sentence each": ("The 12-day strike ran from 3 to 10 June. ",
                                              "text"),
    "possessive relatives and dates": ("last month's vote on 3 May, ", "text"),
    "yearless dates in past clauses": ("It closed on 3 June. ", "text"),
    "short lines, no stops": ("Ferry strike ends\n", "text"),
    "offsets counted from a date": ("It opened on 3 May and closed two days later. ", "text"),
    "pronouns after names, with dates": ("Kim Lee spoke. She left on 3 May. ", "text"),
    "one event told again and again": ("The council met on Tuesday. ", "text"),
    "skipped tags, then stray closers (<svg> </b>)": (_mirrored("<svg>", "</b>"), "html"),
    "start tags never closed (<a)": ("<a", "html"),
    "comments never closed (<!--)": ("<!--", "html"),
    "end tags never closed (</b)": ("</b", "html"),
    "quoted '>' in start tags": ("<a x='>'", "html"),
    "processing instructions never closed (<?)": ("<?", "html"),
    "ignore markers, plain text": ("[copydesk: ignore]\nHeld on 31 April.\n", "text"),
    "disable markers, plain text": ("[copydesk: disable x]\nHeld on 31 April.\n", "text"),
    "ignore markers, HTML": ("<!-- copydesk: ignore --><p>Held on 31 April.</p>", "html"),
    "HTML report, a finding per sentence": ("It opened on Thursday, 29 May 2024. ", "report"),
    "Markdown backticks of every length, never closed": ("`a``b```c", "markdown"),
    "Markdown code spans": ("Held `on 31 April` on 3 May. ", "markdown"),
    "Markdown quotes and lists nested": ("> - ", "markdown"),
    "Markdown fences": ("```\nHeld on 31 April.\n", "markdown"),
}
# * owned by the resolve redesign (the timeline's restatement gap, dates attached to one
#   verb); super-linear until it lands, so these are first timed at n/20 and n/10, and a
#   shape already super-linear there (or over BUDGET seconds) is not run at n, 2n and 4n.
BUDGET = 30.0


def _text(unit: Unit, n: int, kind: str) -> str:
    text = unit(n) if callable(unit) else unit * (n // len(unit))
    text += " The council met on 3 May."
    return "<html><body>" + text if kind == "html" else text


def _time(text: str, kind: str, nlp) -> tuple[float, float]:
    """(seconds for the regex scan alone, seconds for the whole check: reading (the HTML
    parse), spaCy, the timeline, the rules and the suppression markers; for kind "report",
    the check through check_text and the HTML view)."""
    from checker.report.page import to_html

    began = time.perf_counter()
    article = read_text(text, kind="text" if kind == "report" else kind)  # HTML: the parse
    read = time.perf_counter() - began
    start = time.perf_counter()
    find_timexes(article.text)
    scan = time.perf_counter() - start
    start = time.perf_counter() - read  # the whole check includes reading the file
    if kind == "report":
        to_html(checker.check_text(text, publication_date="2024-05-29"))
    else:
        doc = nlp(article.text)
        facts = analyse(article, publication_date_given=dt.date(2024, 5, 29), doc=doc).facts
        findings = run_rules(facts, select_rules())
        found = markers(article.raw, article.kind)
        if found:
            from checker.rules import RULES_BY_ID

            apply_suppressions(findings, found, article.raw_span, article.text_offset,
                               RULES_BY_ID, [r.id for r in select_rules()])
    return scan, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000, help="smallest size in characters")
    ap.add_argument("--markdown", help="also write the table to this file")
    ap.add_argument("--only", help="only the shapes whose name holds one of these "
                                   "(comma-separated)")
    args = ap.parse_args()
    nlp = checker.load_pipeline()
    rows = ["| shape | chars (n) | scan n | check n | check 2n | check 4n | growth 4n/n per char |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    worst = 0.0
    for name, (unit, kind) in SHAPES.items():
        if args.only and not any(part.strip().lower() in name.lower()
                                 for part in args.only.split(",")):
            continue
        if name.endswith("*"):  # probe small sizes first: a cubic shape at n runs for hours
            small = [_time(_text(unit, args.size // d, kind), kind, nlp)[1] for d in (20, 10)]
            probe = (small[1] / 2) / small[0] if small[0] else 0.0
            if probe > 1.8 or small[1] > BUDGET:  # small sizes are noisy: only clear growth
                rows.append(f"| {name} | {args.size:,} | – | not run | not run | not run "
                            f"| {probe:.2f} from n/20 to n/10 ({small[0] * 1000:.0f} → "
                            f"{small[1] * 1000:.0f} ms) |")
                print(rows[-1], flush=True)
                worst = float("inf")
                continue
        times = []
        for factor in (1, 2, 4):
            text = _text(unit, args.size * factor, kind)
            # best of two: a shared machine's noise is not the input's shape
            first = _time(text, kind, nlp)
            if first[1] > BUDGET:
                times.append(first)
                over = ("n", "2n", "4n")[len(times) - 1]
                break
            times.append(min(first, _time(text, kind, nlp), key=lambda pair: pair[1]))
        if len(times) < 3:
            cells = [f"{t[1] * 1000:.0f} ms" for t in times] + ["not run"] * (3 - len(times))
            rows.append(f"| {name} | {args.size:,} | {times[0][0] * 1000:.1f} ms "
                        f"| {' | '.join(cells)} | over {BUDGET:.0f} s at {over} |")
            print(rows[-1], flush=True)
            worst = float("inf")
            continue
        growth = (times[2][1] / 4) / times[0][1] if times[0][1] else 0.0
        worst = max(worst, growth)
        rows.append(f"| {name} | {args.size:,} | {times[0][0] * 1000:.1f} ms "
                    f"| {times[0][1] * 1000:.0f} ms | {times[1][1] * 1000:.0f} ms "
                    f"| {times[2][1] * 1000:.0f} ms | {growth:.2f} |")
        print(rows[-1], flush=True)
    rows.append("")
    rows.append(f"Worst growth of time per character from n to 4n: {worst:.2f} "
                "(1.0 is linear; 4.0 would be quadratic).")
    table = "\n".join(rows)
    print(table.splitlines()[-1])
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
