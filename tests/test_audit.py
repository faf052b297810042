"""copydesk audit, for real: a local Dask cluster of 2 worker processes (shared by the whole
module) audits 200 generated articles plus bad rows; every finding is compared with
`copydesk check` on the same articles, a worker is killed mid-run, and a crashed audit is
resumed."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest

pytest.importorskip("distributed")
import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from checker.audit import audit
from checker.audit import run as audit_run
from checker.cli import app

ARTICLES = 200
WORKERS = 2

# ------------------------------------------------------------------ generated articles

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PUBLISHED = [dt.date(2019, 3, 14), dt.date(2020, 7, 8), dt.date(2021, 11, 24),
             dt.date(2022, 5, 4), dt.date(2023, 9, 20), dt.date(2024, 6, 5)]
NAMES = ["Ruth Okafor", "Karim Haddad", "Margarethe Vollmer", "Tomas Reyes", "Ines Duarte"]
FILLER = ["Residents said the work was overdue.", "The council did not comment.",
          "Police asked witnesses to come forward.", "The report will be published later.",
          "Shops in the town centre stayed open.", "Officials said more details would follow."]


def _sentences(rng: random.Random, pub: dt.date) -> list[str]:
    """A story's sentences: some consistent, some contradicting themselves."""
    out = []
    when = pub - dt.timedelta(days=rng.randint(1, 6))
    day = DAYS[(when.weekday() + rng.choice([0, 0, 1, 3])) % 7]
    out.append(f"The council met on {day}, {when.day} {MONTHS[when.month - 1]} {when.year}.")
    if rng.random() < 0.5:
        n = rng.randint(3, 40)
        out.append(f"The crash killed {n} people. Among the {n + rng.choice([0, 1])} dead were "
                   "two children.")
    if rng.random() < 0.4:
        name = rng.choice(NAMES)
        born = pub.year - rng.randint(30, 70)
        age = pub.year - born - rng.choice([0, 1, 4])
        out.append(f"{name}, {age}, was born on {rng.randint(1, 28)} "
                   f"{MONTHS[rng.randint(0, 11)]} {born}.")
    if rng.random() < 0.3:
        out.append(f"Appeals close on {rng.choice(['31 April', '30 April', 'June 31'])}.")
    if rng.random() < 0.3:
        out.append(f"Engineers are still assessing the recent storm, which struck on 14 January "
                   f"{pub.year - rng.choice([0, 4])}.")
    if rng.random() < 0.3:
        out.append(f"The road will be closed for {rng.choice(['one week', 'two weeks'])}, from "
                   f"3 to 10 {MONTHS[(pub.month % 12)]}.")
    out += rng.sample(FILLER, 3)
    rng.shuffle(out)
    return out


def _article(i: int, rng: random.Random) -> dict:
    """One archive row: id, copy as text, markdown or html, and (every other row) published."""
    pub = rng.choice(PUBLISHED)
    paras = _sentences(rng, pub)
    kind = ("text", "markdown", "html")[i % 3]
    given = i % 2 == 0
    if kind == "text":
        copy = "\n\n".join(paras) + "\n"
    elif kind == "markdown":
        front = "" if given else f"---\ntitle: Story {i}\ndate: {pub.isoformat()}\n---\n"
        copy = front + f"# Story {i}\n\n" + "\n\n".join(f"*{p}*" if j == 0 else p
                                                         for j, p in enumerate(paras)) + "\n"
    else:
        meta = "" if given else (f'<meta property="article:published_time" '
                                 f'content="{pub.isoformat()}T09:00:00Z">')
        copy = (f"<!doctype html><html><head>{meta}<title>Story {i}</title></head><body>"
                f"<nav>Home</nav><article>{''.join(f'<p>{p}</p>' for p in paras)}</article>"
                "</body></html>")
    row = {"id": f"story-{i:04d}", kind: copy, "url": f"https://news.example/{i}"}
    if given:
        row["published"] = pub.isoformat()
    return row


def _generated() -> list[dict]:
    rng = random.Random(18)
    return [_article(i, rng) for i in range(ARTICLES)]


# rows that cannot be checked, each with the words its error must contain
BAD = [
    (b'{"id": "empty", "text": ""}', "no text"),
    (b'{"id": "blank", "text": "   \\n  "}', "empty"),
    (b'{"id": "no-copy", "url": "https://news.example/x"}', "no text"),
    (b'{"id": "bad-date", "text": "It rained.", "published": "yesterday"}', "not a date"),
    (b'{"id": "surrogate", "text": "It rained \\ud800 on Monday."}', "lone surrogate"),
    (b'{"id": "number", "text": 42}', "not text"),
    (b'{"text": "No id here, on Monday."}', "no `id`"),
    (b'{"id": "latin1", "text": "caf\xe9 opened on Monday."}', "not UTF-8"),
    (b'{"id": "cut", "text": "The line stops', "not JSON"),
    (b'["a", "list"]', "not a JSON object"),
    (json.dumps({"id": "huge", "text": "word " * 220_000}).encode(), "over the 1,000,000-byte"),
]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _generated()


@pytest.fixture(scope="module")
def archive(tmp_path_factory, rows) -> Path:
    """The generated articles as JSON Lines, the bad rows spread among them."""
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    lines = [json.dumps(r).encode() for r in rows]
    for n, (line, _) in enumerate(BAD):
        lines.insert(7 + n * 19, line)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local, Client(local) as client:
        yield client


@pytest.fixture(scope="module")
def clean(tmp_path_factory, archive, cluster) -> Path:
    """One clean audit of the archive through the CLI, joining the running cluster."""
    out = tmp_path_factory.mktemp("clean")
    result = CliRunner().invoke(app, ["audit", str(archive), "--out", str(out), "--scheduler",
                                      cluster.scheduler.address, "--no-progress"])
    assert result.exit_code == 1, result.output  # findings and unreadable rows
    assert f"audited {ARTICLES + len(BAD)} rows" in result.output
    return out


def _table(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def _findings_by_id(out: Path) -> dict[str, list[dict]]:
    found = defaultdict(list)
    for f in _table(out / "findings.parquet"):
        found[f["id"]].append(f)
    return found


# ------------------------------------------------------------------ the tests

def test_every_finding_matches_copydesk_check(tmp_path, rows, clean):
    """Each article written as a file and checked by `copydesk check` (with --date where the
    archive gives the date): the same findings, row for row, and the same publication date."""
    groups: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for row in rows:
        groups[row.get("published", "")].append(row)
    expected: dict[str, dict] = {}
    for published, group in groups.items():
        folder = tmp_path / (published or "undated")
        folder.mkdir()
        for row in group:
            kind = next(k for k in ("text", "markdown", "html") if k in row)
            suffix = {"text": ".txt", "markdown": ".md", "html": ".html"}[kind]
            (folder / f"{row['id']}{suffix}").write_text(row[kind], encoding="utf-8")
        args = ["check", str(folder), "--format", "json", "--jobs", "1"]
        result = CliRunner().invoke(app, args + (["--date", published] if published else []))
        assert result.exit_code in (0, 1), result.output
        for entry in json.loads(result.output)["files"]:
            expected[Path(entry["path"]).stem] = entry
    assert len(expected) == ARTICLES

    found = _findings_by_id(clean)
    articles = {a["id"]: a for a in _table(clean / "articles.parquet") if a["error"] is None}
    assert set(articles) == set(expected)
    total = 0
    for ident, entry in expected.items():
        want = [(f["rule"], f["severity"], f["message"], f["spans"], f.get("related", []),
                 f.get("hint")) for f in entry["findings"]]
        got = [(f["rule"], f["severity"], f["message"], f["spans"], f["related"], f["hint"])
               for f in found.get(ident, [])]
        assert got == want, ident
        total += len(want)
        pub = entry["publication_date"]
        article = articles[ident]
        assert (article["published"].isoformat() if article["published"] else None) == \
            (pub["date"] if pub else None), ident
        assert article["published_source"] == \
            ("archive" if pub and pub["source"] == "option" else pub and pub["source"]), ident
        assert article["findings"] == len(want)
    assert total == sum(len(v) for v in found.values())
    assert total > ARTICLES  # the generator makes contradictions: this compares something
    rules = {f["rule"] for v in found.values() for f in v}
    assert len(rules) >= 5, rules


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# the rules that suggest a fix when the arithmetic knows it (a finding's first is tabled)
SUGGESTING = {"weekday-mismatch", "name-variant", "relative-date-conflict",
              "duration-mismatch", "age-mismatch"}


def test_tables_hold_one_row_per_article_and_per_finding(clean, rows):
    articles = _table(clean / "articles.parquet")
    assert [a["row"] for a in articles] == list(range(ARTICLES + len(BAD)))
    assert len({a["id"] for a in articles if a["id"]}) == len([a for a in articles if a["id"]])
    by_id = {r["id"]: r for r in rows}
    findings = _table(clean / "findings.parquet")
    per_article = defaultdict(lambda: defaultdict(int))
    suggested = defaultdict(list)
    for f in findings:
        per_article[f["row"]][f["rule"]] += 1
        per_article[f["row"]][f["severity"]] += 1
        # the weekday that fits the date is always suggested; rules that cannot tell
        # suggest nothing
        if f["rule"] == "weekday-mismatch":
            assert f["suggestion"] in WEEKDAYS
        elif f["rule"] not in SUGGESTING:
            assert f["suggestion"] is None, f
        if f["suggestion"] is not None:
            suggested[f["rule"]].append(f["suggestion"])
        assert f["spans"] and all(s["line"] >= 1 and s["end"] >= s["start"] for s in f["spans"])
    # the generated copy closes a road "for two weeks, from 3 to 10 June" (one week), and
    # gives ages beside full birth dates (one age each)
    assert set(suggested["duration-mismatch"]) == {"one week"}
    ages = [f for f in findings if f["rule"] == "age-mismatch"]
    assert ages and all(f["suggestion"].isdecimal() for f in ages)
    rule_ids = [name for name in pq.read_schema(clean / "articles.parquet").names
                if "-" in name]
    assert "weekday-mismatch" in rule_ids
    for a in articles:
        assert a["findings"] == sum(a[r] for r in rule_ids)
        for rule in rule_ids:
            assert a[rule] == per_article[a["row"]][rule], (a["id"], rule)
        for level in ("error", "warning", "info"):
            assert a[f"findings_{level}"] == per_article[a["row"]][level]
        if a["id"] in by_id:
            assert a["url"] == by_id[a["id"]]["url"]
            assert a["kind"] in by_id[a["id"]]


def test_bad_rows_become_error_rows(clean):
    errors = [a for a in _table(clean / "articles.parquet") if a["error"]]
    assert len(errors) == len(BAD)
    for (line, words), row in zip(BAD, errors):
        assert words in row["error"], (line[:40], row["error"])
        assert row["findings"] == 0 and row["published"] is None
    # the id is kept where the row could be parsed; an undecodable line has none
    assert {e["id"] for e in errors} >= {"empty", "bad-date", "huge", "surrogate"}
    assert [e["id"] for e in errors if "not UTF-8" in e["error"]] == [None]


def test_summary_counts_by_rule_and_year_and_is_self_contained(clean):
    md = (clean / "summary.md").read_text(encoding="utf-8")
    page = (clean / "summary.html").read_text(encoding="utf-8")
    articles = _table(clean / "articles.parquet")
    found = _table(clean / "findings.parquet")
    assert f"{len(BAD)} unreadable" in md and f"{len(found):,} findings" in md
    year_rows = {line.split(" | ")[0].lstrip("| "): line for line in md.splitlines()
                 if line.startswith("| 20")}
    assert sorted(year_rows) == [str(d.year) for d in PUBLISHED]
    header = next(line for line in md.splitlines() if line.startswith("| year"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    for year, line in year_rows.items():
        cells = [c.strip() for c in line.strip("|").split("|")]
        in_year = [a for a in articles if a["published"] and a["published"].year == int(year)]
        assert cells[columns.index("articles")] == str(len(in_year))
        rows_in_year = {a["row"] for a in in_year}
        want = sum(1 for f in found if f["row"] in rows_in_year and f["rule"] == "weekday-mismatch")
        assert cells[columns.index("weekday-mismatch")] == str(want)
    worst = max(articles, key=lambda a: (a["findings_error"], a["findings_warning"],
                                         a["findings"], -a["row"]))
    assert f"1. `{worst['id']}`" in md
    assert "![Findings per 100 articles" in md and (clean / "summary.svg").exists()
    # self-contained: the chart inline, nothing fetched
    assert "<svg" in page and "</svg>" in page
    assert "<script" not in page and "<link" not in page and " src=" not in page
    assert page.count('<g id="patch_') > 10  # the bars were drawn


def test_killed_worker_loses_and_duplicates_nothing(tmp_path, archive, clean, cluster):
    out = tmp_path / "faulty"
    before = set(cluster.run(os.getpid).values())
    result: dict = {}
    job = threading.Thread(target=lambda: result.update(
        r=audit(archive, out, client=cluster, partition_size=4)))
    job.start()
    parts = out / "parts"
    deadline = time.monotonic() + 120
    while len(list(parts.glob("articles-*.parquet"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.02)
    victim = next(iter(cluster.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)
    killed_at = len(list(parts.glob("articles-*.parquet")))
    job.join(timeout=300)
    assert not job.is_alive() and "r" in result
    total = -(-(ARTICLES + len(BAD)) // 4)
    assert killed_at < total, "the audit finished before the kill; nothing was tested"
    cluster.wait_for_workers(WORKERS, timeout=120)
    assert victim not in set(cluster.run(os.getpid).values()) and victim in before
    assert _table(out / "articles.parquet") == _table(clean / "articles.parquet")
    assert _table(out / "findings.parquet") == _table(clean / "findings.parquet")


def test_rerun_after_a_crash_resumes_and_gives_the_same_output(tmp_path, archive, clean,
                                                               cluster):
    """The real CLI with its own local cluster, killed (with its workers) mid-run; the rerun
    skips the partitions written and ends with the same files as one clean run."""
    out = tmp_path / "crashed"
    exe = Path(sys.executable).parent / "copydesk"
    proc = subprocess.Popen([str(exe), "audit", str(archive), "--out", str(out), "--workers",
                             "2", "--partition-size", "4", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    parts = out / "parts"
    try:
        deadline = time.monotonic() + 120
        while len(list(parts.glob("articles-*.parquet"))) < 6 and time.monotonic() < deadline:
            assert proc.poll() is None, "the audit ended before it could be killed"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert not (out / "findings.parquet").exists()
    (parts / "findings-000999.parquet.123-abc.tmp").write_bytes(b"half a file")
    written = {p.name: p.stat().st_mtime_ns for p in parts.glob("articles-*.parquet")}
    total = -(-(ARTICLES + len(BAD)) // 4)
    assert 6 <= len(written) < total

    result = audit(archive, out, client=cluster)  # keeps the first run's partition size
    assert result.skipped == len(written) and result.partitions == total
    assert all(p.stat().st_mtime_ns == written[p.name] for p in parts.glob("articles-*")
               if p.name in written)
    assert not list(parts.glob("*.tmp"))
    for name in ("articles.parquet", "findings.parquet"):
        assert _table(out / name) == _table(clean / name)
    for name in ("summary.md", "summary.html", "summary.svg"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


def test_parquet_and_directory_sources_give_the_same_findings(tmp_path, rows, archive, clean,
                                                              cluster):
    """The same articles as a Parquet archive (row groups not aligned with partitions, copy
    as binary in one column) and as a directory of files."""
    subset = rows[:60]
    table = pa.Table.from_pylist([
        {"id": r["id"], "url": r["url"],
         "published": dt.date.fromisoformat(r["published"]) if "published" in r else None,
         "text": r.get("text"), "markdown": r.get("markdown"),
         "html": r["html"].encode() if "html" in r else None} for r in subset],
        schema=pa.schema([("id", pa.string()), ("url", pa.string()),
                          ("published", pa.date32()), ("text", pa.string()),
                          ("markdown", pa.string()), ("html", pa.binary())]))
    source = tmp_path / "archive.parquet"
    pq.write_table(table, source, row_group_size=23)
    out = tmp_path / "from-parquet"
    audit(source, out, client=cluster, partition_size=10)
    want = {k: v for k, v in _findings_by_id(clean).items() if k in {r["id"] for r in subset}}

    def strip(found):
        return {k: [{**f, "row": None} for f in v] for k, v in found.items()}
    assert strip(_findings_by_id(out)) == strip(want)
    assert [a["id"] for a in _table(out / "articles.parquet")] == [r["id"] for r in subset]

    folder = tmp_path / "files"
    undated = [r for r in subset if "published" not in r]
    for r in undated:
        kind = next(k for k in ("text", "markdown", "html") if k in r)
        sub = folder / kind
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{r['id']}.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[kind]}"
         ).write_text(r[kind], encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00")
    out = folder / "audit"  # inside the source: its summary.md is no article
    first = audit(folder, out, client=cluster)
    again = audit(folder, out, client=cluster)  # nothing left to do, nothing changed
    assert again.skipped == again.partitions == first.partitions
    articles = _table(out / "articles.parquet")
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)
    assert [a["id"] for a in articles if a["error"]] == ["broken.txt"]
    got = defaultdict(list)
    for f in _table(out / "findings.parquet"):
        got[Path(f["id"]).stem].append({**f, "row": None, "id": Path(f["id"]).stem})
    assert got == strip({k: v for k, v in want.items() if k in {r["id"] for r in undated}})


def test_changed_settings_are_refused_not_mixed(tmp_path, archive, clean):
    out = tmp_path / "other"
    (out / "parts").mkdir(parents=True)
    manifest = json.loads((clean / "parts" / "manifest.json").read_text(encoding="utf-8"))
    manifest["fingerprint"] = "0:0"
    (out / "parts" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(archive), "--out", str(out)])
    assert result.exit_code == 2
    assert "holds part of another audit (fingerprint differ" in result.output
    assert "delete" in result.output


@pytest.mark.parametrize("name, content, words", [
    ("missing.jsonl", None, "no such file"),
    ("archive.csv", b"id,text\n1,hello\n", "not an archive copydesk reads"),
    ("empty.jsonl", b"", "nothing to audit"),
    ("bad.parquet", b"PAR1 not really", "not a readable Parquet file"),
    ("folder", None, "nothing to audit"),
])
def test_unusable_sources_exit_2(tmp_path, name, content, words):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    elif name == "folder":
        source.mkdir()
        (source / "notes.csv").write_text("not an article", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(source), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and words in result.output, result.output
    assert "Traceback" not in result.output


def test_unreachable_scheduler_says_so(tmp_path, archive, monkeypatch):
    monkeypatch.setattr(audit_run, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(app, ["audit", str(archive), "--out", str(tmp_path / "o"),
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_help_loads_neither_spacy_nor_dask():
    code = ("import sys; from typer.testing import CliRunner; from checker.cli import app; "
            "[CliRunner().invoke(app, a) for a in (['--help'], ['audit', '--help'])]; "
            "print(sorted(m for m in ('spacy', 'dask', 'distributed', 'pyarrow', 'matplotlib') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "[]"


def test_progress_is_dasks_own_bar(tmp_path, rows, cluster):
    """A real subprocess of the CLI joining the running cluster, with --progress."""
    source = tmp_path / "few.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows[:12]), encoding="utf-8")
    proc = subprocess.run([str(Path(sys.executable).parent / "copydesk"), "audit", str(source),
                           "--out", str(tmp_path / "out"), "--scheduler",
                           cluster.scheduler.address, "--progress"],
                          check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "| 100% Completed |" in proc.stdout  # distributed's TextProgressBar
    assert "audited 12 rows in" in proc.stdout and "Traceback" not in proc.stderr


def test_summary_page_escapes_the_archive(tmp_path):
    """Ids, messages and urls come from the archive: escaped, and only web links linked."""
    from checker.audit.summary import Totals, markdown, page

    worst = {"row": 0, "id": "<b>x</b>", "url": "javascript:alert(1)", "published": None,
             "findings": 1, "findings_error": 1, "findings_warning": 0, "findings_info": 0,
             "list": [{"rule": "impossible-date", "severity": "error",
                       "message": "<script>alert(2)</script> | 31 April"}]}
    totals = Totals(rows=1, with_findings=1, worst=[worst])
    totals.articles_by_year["no date"] = 1
    html_page = page(totals, "a.jsonl", "<svg></svg>")
    assert "javascript:" not in html_page and "<script>" not in html_page
    assert "&lt;b&gt;x&lt;/b&gt;" in html_page and "&lt;script&gt;" in html_page
    text = markdown(totals, "a.jsonl", "summary.svg")
    assert "javascript:" not in text and "\\| 31 April" in text
    worst["url"] = "https://news.example/1"
    assert '<a href="https://news.example/1">' in page(totals, "a.jsonl", "<svg></svg>")
