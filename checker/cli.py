"""The command line: options in, library call, renderer out, exit status. Nothing else."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperArgument, TyperCommand

from checker import __version__

if TYPE_CHECKING:
    from checker.baseline import Baseline
    from checker.gitdiff import Changes
    from checker.model import FileReport, Report


class _Argument(TyperArgument):
    """A positional argument shown by its metavar alone: typer would add '<list[str]>'."""

    def display_type_rich(self, ctx: object) -> None:
        return None


class _Command(TyperCommand):
    """A command whose --help names no internal types (see _Argument)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument

app = typer.Typer(
    name="copydesk",
    help="Check news copy for contradictions about time: weekdays that do not match their "
         "dates, impossible dates, tenses that contradict dates, relative times that disagree "
         "with their dates, events given two days, and lengths that do not match their dates.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    markdown = "markdown"
    html = "html"
    codequality = "codequality"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


class TimelineFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-05-29")


def _ids(values: list[str] | None) -> list[str] | None:
    """Repeated options add up, and each may hold several comma-separated ids."""
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _also(values: list[str] | None) -> list[tuple[str, str]]:
    """--also FORMAT:FILE, checked before any work is done."""
    out = []
    for value in values or ():
        name, sep, target = value.partition(":")
        if not sep or not target or name not in Format.__members__:
            raise typer.BadParameter(
                f"{value!r}: give FORMAT:FILE, FORMAT one of "
                f"{', '.join(Format.__members__)} (e.g. sarif:copydesk.sarif)",
                param_hint="--also")
        out.append((name, target))
    return out


def _jobs(value: int) -> int:
    if value < 0:
        raise typer.BadParameter("give 0 (one per core) or more", param_hint="--jobs")
    return value


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _width(to_stdout: bool) -> int:
    """The columns text excerpts are trimmed to: the terminal's, or 80 when piped or saved."""
    import shutil

    from checker.report.text import DEFAULT_WIDTH

    if to_stdout and sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return DEFAULT_WIDTH


DateOpt = Annotated[str | None, typer.Option(
    "--date", metavar="YYYY-MM-DD",
    help="Publication date; overrides metadata and datelines in the copy.")]
PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH", show_default=False,
    help="Files, directories (searched for .txt .md .markdown .html .htm; hidden folders, "
         ".venv, node_modules and what .gitignore ignores are skipped) or - for stdin.")]
ExcludeOpt = Annotated[list[str] | None, typer.Option(
    "--exclude", metavar="GLOB", show_default=False,
    help="Leave out paths matching GLOB (.gitignore syntax, relative to the current "
         "directory; e.g. 'drafts/', 'archive/2019/**'). Repeatable.")]


@app.command(cls=_Command)
def check(
    paths: PathsArg,
    date: DateOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", show_default=False,
        help="Exit 1 when a finding has at least this severity (default: warning, or "
             "fail-on in the configuration).")] = None,
    select: Annotated[list[str] | None, typer.Option(
        metavar="RULE[,RULE...]", show_default=False,
        help="Only these rules. Repeatable; the ids add up.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        metavar="RULE[,RULE...]", show_default=False,
        help="Skip these rules. Repeatable; the ids add up.")] = None,
    exclude: ExcludeOpt = None,
    encoding: Annotated[str | None, typer.Option(
        metavar="NAME",
        help="Decode input with this encoding instead of UTF-8 (e.g. cp1252).")] = None,
    max_bytes: Annotated[int, typer.Option(
        metavar="N", show_default=False,
        help="Refuse files larger than this many bytes (one article; default 1,000,000).")
    ] = 1_000_000,
    facts: Annotated[str | None, typer.Option(
        metavar="FILE", help="TOML file of people on record (name, aliases, born, died); "
                             "ages in the copy are checked against it.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")
    ] = None,
    also: Annotated[list[str] | None, typer.Option(
        "--also", metavar="FORMAT:FILE", show_default=False,
        help="Also write the report in FORMAT to FILE, from the same run (e.g. "
             "markdown:$GITHUB_STEP_SUMMARY, sarif:copydesk.sarif). Repeatable.")] = None,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", metavar="FILE",
        help="Report only findings not recorded in FILE (see --write-baseline); the rest "
             "are counted as 'in baseline'.")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        "--write-baseline", metavar="FILE",
        help="Record every finding of the checked files in FILE and exit 0: what an "
             "archive holds today, so that --baseline FILE reports only new findings.")
    ] = None,
    changed_since: Annotated[str | None, typer.Option(
        "--changed-since", metavar="REF",
        help="Check only the files changed since git revision REF (from where it and HEAD "
             "meet, up to the working tree, untracked files included).")] = None,
    changed_lines: Annotated[bool, typer.Option(
        "--changed-lines", show_default=False,
        help="With --changed-since: report only findings with a place on an added or "
             "changed line.")] = False,
    stdin_filename: Annotated[str | None, typer.Option(
        metavar="NAME", help="Name to report for text read from - (decides text/Markdown/HTML "
                             "by its suffix).")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Text format: findings only, no notes, summary or progress "
                              "bar.")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", show_default=False,
        help="Text format: end with the number of findings per rule.")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", metavar="N", show_default=False, callback=_jobs,
        help="Worker processes for many files (default 0: one per core). Reports come back "
             "in input order.")] = 0,
    diff: Annotated[bool, typer.Option(
        "--diff", show_default=False,
        help="Print the suggested fixes applied, as a unified diff of each file, instead of "
             "the report (the files are never written; apply it with patch -p0).")] = False,
) -> None:
    """Check articles and report contradictions.

    \b
    Examples:
      copydesk check story.txt --date 2024-05-29
      copydesk check stories/ --write-baseline .copydesk-baseline.json   (once)
      copydesk check stories/ --baseline .copydesk-baseline.json \\
          --changed-since origin/main --changed-lines                 (in CI: new findings)

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from checker.config import settings_for
    from checker.engine import check_paths, select_rules
    from checker.model import Report, Severity
    from checker.report import FORMATTERS
    from checker.source import InputError
    from checker.source.known import load_facts
    from checker.source.walk import walk_paths

    when = _date(date)
    select, ignore = _ids(select), _ids(ignore)
    try:
        select_rules(select, ignore)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--select/--ignore") from None
    extra_outputs = _also(also)
    if changed_lines and not changed_since:
        raise typer.BadParameter("needs --changed-since REF, the revision to compare with",
                                 param_hint="--changed-lines")
    if write_baseline and changed_since:
        raise typer.BadParameter("a baseline records every checked file; drop --changed-since "
                                 "when writing one", param_hint="--write-baseline")
    walk = walk_paths(paths, exclude=exclude or ())
    for note in walk.notes:
        typer.echo(f"copydesk: {note}", err=True)
    files = walk.files
    try:
        adopt = _Adoption.start(baseline, changed_since, changed_lines)
    except InputError as exc:
        typer.echo(f"copydesk: {exc}", err=True)
        raise typer.Exit(2) from None
    if adopt.changes is not None:
        files = [name for name in files if name == "-" or adopt.changes.touches(name)]
        if not files:
            typer.echo(f"copydesk: nothing to check: no file in the given paths changed since "
                       f"{changed_since}", err=True)
            raise typer.Exit(0)
    if not files:
        typer.echo("copydesk: no .txt, .md or .html files found in the given paths", err=True)
        raise typer.Exit(2)
    stdin_text = _read_stdin(max_bytes) if "-" in files else None
    options = {"select": select, "ignore": ignore, "facts": facts,
               "fail-on": fail_on.value if fail_on else None}
    # Files under the same configuration file are checked together, in one batch.
    groups: dict[object, tuple[object, list[int]]] = {}
    try:
        for i, name in enumerate(files):
            found = settings_for(Path.cwd() if name == "-" else Path(name), options)
            groups.setdefault(found.path, (found, []))[1].append(i)
        known = {s.facts: load_facts(s.facts) for s, _ in groups.values() if s.facts}
    except InputError as exc:
        typer.echo(f"copydesk: {exc}", err=True)
        raise typer.Exit(2) from None
    checked: dict[int, tuple[FileReport, int]] = {}  # input slot -> report, fail-on rank
    streaming = format is Format.text and output is None and not write_baseline and not diff
    colour = _colour() and output is None
    width = _width(output is None)
    printed = False

    def show(slot: int, fr: FileReport) -> None:
        nonlocal printed
        if streaming and (lines := file_lines(fr, colour=colour, quiet=quiet, width=width)):
            live.echo("\n".join(lines))
            printed = True

    from checker.report.text import closing_lines, file_lines
    from checker.stream import Live, wants_progress

    with Live(len(files), progress=wants_progress(len(files), quiet=quiet), show=show) as live:
        for settings, slots in groups.values():
            rank = 99 if settings.fail_on == "never" else Severity(settings.fail_on).rank

            def done(fr: FileReport, order=iter(slots), rank=rank) -> None:  # noqa: B008
                slot = next(order)
                fr = adopt.filter(fr) if not write_baseline else fr
                checked[slot] = (fr, rank)
                live.done(slot, fr)

            check_paths([files[i] for i in slots], publication_date=when, encoding=encoding,
                        select=settings.select, ignore=settings.ignore,
                        max_bytes=max_bytes, stdin_text=stdin_text,
                        stdin_name=stdin_filename or "-",
                        facts=known.get(settings.facts), jobs=jobs or os.cpu_count() or 1,
                        severity=settings.severity, params=settings.params,
                        model=settings.model, on_file=done)
    report = Report([checked[i][0] for i in range(len(files))],
                    baseline=adopt.baseline is not None and not write_baseline,
                    changed_lines=changed_lines and not write_baseline)
    ranks = [checked[i][1] for i in range(len(files))]
    if write_baseline:
        _write_baseline(write_baseline, report)
    render = {"fail_rank": min(ranks), "quiet": quiet, "statistics": statistics}
    for name, target in extra_outputs:
        _write_also(target, FORMATTERS[name](report, colour=False, mark=True, **render))
    if streaming:
        closing = closing_lines(report, after_findings=printed, quiet=quiet,
                                statistics=statistics)
        if closing:
            _echo("\n".join(closing))
    elif write_baseline:
        pass
    elif diff:
        _print_diff(report, output)
    else:
        rendered = FORMATTERS[format.value](report, colour=colour, mark=output is not None,
                                            width=width, **render)
        if output:
            _write_report(output, rendered + "\n")
        elif rendered:
            _echo(rendered)
    if report.errors:
        raise typer.Exit(2)
    if write_baseline:
        return
    if any(f.severity.rank >= rank for fr, rank in zip(report.files, ranks)
           for f in fr.findings):
        raise typer.Exit(1)


class _Adoption:
    """--baseline, --changed-since and --changed-lines: what sets old findings aside."""

    def __init__(self, baseline: Baseline | None, changes: Changes | None,
                 changed_lines: bool) -> None:
        self.baseline = baseline
        self.changes = changes
        self.changed_lines = changed_lines

    @classmethod
    def start(cls, baseline: str | None, changed_since: str | None,
              changed_lines: bool) -> _Adoption:
        from checker.baseline import load_baseline
        from checker.gitdiff import changes_since

        return cls(load_baseline(baseline) if baseline else None,
                   changes_since(changed_since) if changed_since else None, changed_lines)

    def filter(self, fr: FileReport) -> FileReport:
        if self.baseline is not None:
            fr = self.baseline.compare(fr)
        if self.changed_lines and self.changes is not None:
            fr = self.changes.keep_changed(fr)
        return fr


def _write_baseline(target: str, report: Report) -> None:
    from checker.baseline import write_baseline
    from checker.source import InputError

    for fr in report.errors:
        typer.echo(fr.error, err=True)
    try:
        findings, files = write_baseline(target, report)
    except InputError as exc:
        typer.echo(f"copydesk: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"copydesk: recorded {findings} finding{'s' * (findings != 1)} in {files} of "
               f"{len(report.files)} files in {target}", err=True)


def _print_diff(report: Report, output: str | None) -> None:
    """--diff: the suggestions applied, as a unified diff on stdout (or in --output); what
    was applied said on stderr. The checked files are never written."""
    from checker.report.diff import to_diff

    text, applied = to_diff(report)
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as exc:
            typer.echo(f"copydesk: cannot write {output}: {exc.strerror or exc}", err=True)
            raise typer.Exit(2) from None
    elif text:
        typer.echo(text, nl=False)
    left = (f"; {applied.overlapping} left out (overlapping another)"
            if applied.overlapping else "")
    typer.echo(f"copydesk: {applied.suggestions} suggestion{'s' * (applied.suggestions != 1)}"
               f" applied in {applied.files} file{'s' * (applied.files != 1)}{left}; "
               "nothing was written to the checked files", err=True)


def _write_also(target: str, text: str) -> None:
    """An --also report: written whole, or not at all (see _write_report)."""
    _write_report(target, text + "\n")


@app.command(cls=_Command)
def timeline(
    paths: PathsArg,
    date: DateOpt = None,
    exclude: ExcludeOpt = None,
    format: Annotated[TimelineFormat, typer.Option(
        "--format", "-f", help="Output format.")] = TimelineFormat.text,
    encoding: Annotated[str | None, typer.Option(
        metavar="NAME",
        help="Decode input with this encoding instead of UTF-8 (e.g. cp1252).")] = None,
    max_bytes: Annotated[int, typer.Option(
        metavar="N", show_default=False,
        help="Refuse files larger than this many bytes (one article; default 1,000,000).")
    ] = 1_000_000,
) -> None:
    """Show the story's timeline: every temporal expression, resolved, in calendar order.

    Example: copydesk timeline story.txt --format json
    """
    from checker.engine import timeline_paths
    from checker.report.timeline import timeline_json, timeline_text
    from checker.source.walk import expand_paths

    files = expand_paths(paths, exclude=exclude or ())
    results = timeline_paths(files, publication_date=_date(date), encoding=encoding,
                             max_bytes=max_bytes,
                             stdin_text=_read_stdin(max_bytes) if "-" in files else None)
    _echo(timeline_json(results) if format is TimelineFormat.json else timeline_text(results))
    if any(isinstance(r, str) for _, r in results):
        raise typer.Exit(2)


def _from_extra(module: str, name: str, extra: str):
    """`name` from a module that needs an optional extra; a missing dependency is one line
    naming it and the install command, and exit 2."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as exc:
        typer.echo(f"copydesk: {extra} needs {exc.name}; install it with "
                   f"pip install 'copydesk[{extra}]'", err=True)
        raise typer.Exit(2) from None


@app.command(cls=_Command)
def audit(
    source: Annotated[str, typer.Argument(
        metavar="SOURCE", help="A JSON Lines (.jsonl) or Parquet archive with the columns id, "
                               "text, markdown or html, and optionally published and url; or a "
                               "directory of .txt, .md and .html files.")],
    out: Annotated[str, typer.Option(
        "--out", "-o", metavar="DIR", help="Where to write findings.parquet, articles.parquet, "
                                           "summary.md and summary.html. A rerun resumes.")],
    scheduler: Annotated[str | None, typer.Option(
        metavar="ADDRESS", help="Join this running Dask scheduler (e.g. tcp://10.0.0.5:8786) "
                                "instead of starting a local cluster; its workers must see "
                                "SOURCE and DIR at the same paths.")] = None,
    workers: Annotated[int, typer.Option(
        min=0, help="Local cluster: worker processes (0: one per core). With --scheduler: "
                    "wait for this many workers before starting.")] = 0,
    partition_size: Annotated[int | None, typer.Option(
        min=1, metavar="N", show_default="100, fewer for small archives",
        help="Articles per task. A rerun keeps the first run's.")] = None,
    max_bytes: Annotated[int, typer.Option(
        help="Articles larger than this many bytes become error rows.")] = 1_000_000,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", show_default="on a terminal",
        help="Show Dask's progress bar.")] = None,
) -> None:
    """Check a whole archive on a Dask cluster; write tables of the findings and a summary.

    Example: copydesk audit archive.jsonl --out audit/

    Exit status: 0 nothing at or above the configured fail-on level, 1 findings or unreadable
    rows, 2 the audit could not run (what was done is kept: run it again to resume).
    """
    run_audit = _from_extra("checker.audit", "audit", "audit")
    from checker.model import Severity
    from checker.source import InputError

    try:
        result = run_audit(source, out, scheduler=scheduler, workers=workers or None,
                           partition_size=partition_size, max_bytes=max_bytes,
                           progress=sys.stdout.isatty() if progress is None else progress)
    except InputError as exc:
        typer.echo(f"copydesk: {exc}", err=True)
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - a cluster or disk failure: one line, no traceback
        typer.echo(f"copydesk: the audit stopped ({type(exc).__name__}: {exc}); what was "
                   "written is kept: run the same command again to resume", err=True)
        raise typer.Exit(2) from None
    totals = result.totals
    levels = ", ".join(f"{totals.severity[s.value]:,} {s.value}" for s in Severity)
    typer.echo(f"audited {totals.rows:,} rows in {result.partitions} partitions "
               f"({result.skipped} done before): {totals.findings:,} findings ({levels}) in "
               f"{totals.with_findings:,} articles, {totals.unreadable:,} rows unreadable; "
               f"see {Path(out) / 'summary.html'}")
    rank = 99 if result.fail_on == "never" else Severity(result.fail_on).rank
    if totals.unreadable or any(totals.severity[s.value] for s in Severity if s.rank >= rank):
        raise typer.Exit(1)


@app.command("config", cls=_Command)
def show_config(
    path: Annotated[str, typer.Argument(
        metavar="[PATH]", help="A file or directory; its nearest configuration is shown.")] = ".",
) -> None:
    """Print the settings in force for PATH and where each came from.

    Configuration: copydesk.toml, .copydesk.toml or [tool.copydesk] in pyproject.toml,
    found by walking up from the checked file; command-line options win over it.
    """
    from checker.config import settings_for
    from checker.source import InputError

    try:
        settings = settings_for(Path(path))
    except InputError as exc:
        typer.echo(f"copydesk: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"configuration file: {settings.path or 'none found'}")
    rows = [("select", ",".join(settings.select) if settings.select else "all rules"),
            ("ignore", ",".join(settings.ignore) if settings.ignore else "none"),
            ("fail-on", settings.fail_on), ("facts", settings.facts or "none"),
            ("model", settings.model or "en_core_web_sm (or its registry copy)")]
    rows += [(f"severity.{rule}", level.value) for rule, level in settings.severity.items()]
    rows += [(f"rules.{rule}.{name}", repr(value))
             for rule, table in settings.params.items() for name, value in table.items()]
    for key, value in rows:
        source = settings.source(key.split(".")[0])
        typer.echo(f"{key:<32} {value:<40} ({source})")


@app.command("rules", cls=_Command)
def list_rules(
    format: Annotated[RulesFormat, typer.Option(
        "--format", "-f", help="text for people, json for tools.")] = RulesFormat.text,
) -> None:
    """List every rule: id, default severity, title (--format json: with rationale and
    examples)."""
    import json

    from checker.rules import ALL_RULES

    if format is RulesFormat.json:
        typer.echo(json.dumps({"version": 1, "rules": [{
            "id": rule.id, "severity": rule.severity.value, "title": rule.title,
            "rationale": rule.rationale.strip(),
            "examples": [{"text": ex.text, "flags": ex.flags,
                          "publication_date": str(ex.publication_date)
                          if ex.publication_date else None} for ex in rule.examples],
        } for rule in ALL_RULES]}, ensure_ascii=False, indent=2))
        return
    width = max(len(r.id) for r in ALL_RULES)
    for rule in ALL_RULES:
        typer.echo(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.title}")


@app.command(cls=_Command)
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE")]) -> None:
    """Explain a rule: what it flags, why, and examples."""
    from checker.report.explain import explain_text
    from checker.rules import RULES_BY_ID

    rule = RULES_BY_ID.get(rule_id)
    if rule is None:
        typer.echo(f"copydesk: no rule {rule_id!r}; valid ids: {', '.join(RULES_BY_ID)}",
                   err=True)
        raise typer.Exit(2)
    typer.echo(explain_text(rule))


@app.command(cls=_Command)
def serve(
    host: Annotated[str, typer.Option(
        help="Address to listen on. Loopback by default: put a proxy in front to share it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8750,
    workers: Annotated[int, typer.Option(
        min=0, help="Check worker processes, each with the model loaded once (0: one per "
                    "core).")] = 0,
    max_bytes: Annotated[int, typer.Option(
        min=1, help="Refuse articles larger than this many bytes (413).")] = 1_000_000,
    timeout: Annotated[float, typer.Option(
        min=0.001, help="Seconds one check may take; past it the request gets 504 and the "
                        "worker is replaced.")] = 60.0,
    token_file: Annotated[str | None, typer.Option(
        metavar="FILE", help="Require 'Authorization: Bearer <token>' with the token in FILE "
                             "(all but / and /healthz).")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        metavar="ORIGIN", help="Allow browser pages from ORIGIN (e.g. https://cms.example.org) "
                               "to call the API; repeat for several. Off by default.")] = None,
) -> None:
    """Run the checking service: POST /v1/check for a CMS, and an editor's page at /.

    Example: copydesk serve --port 8750 --workers 2

    Settings come from copydesk.toml (or .copydesk.toml, [tool.copydesk]) found from the
    working directory; a request's own fields win. Stops cleanly on SIGTERM or Ctrl-C,
    answering the requests in flight first.
    """
    run = _from_extra("checker.serve", "run", "serve")
    from checker.errors import InputError

    try:
        status = run(host=host, port=port, workers=workers, max_bytes=max_bytes,
                     timeout=timeout, token_file=token_file,
                     cors_origins=tuple(cors_origin or ()))
    except InputError as exc:
        typer.echo(f"copydesk: {exc}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(status)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"copydesk {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """copydesk: a fact-consistency checker for news copy."""


# ---------------------------------------------------------------- input, output, crashes

def _read_stdin(max_bytes: int) -> bytes | None:
    """Standard input as bytes (decoded like a file, so --encoding applies), at most one
    byte over the limit (the check says so); None when it is closed (`<&-`)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None
    try:
        return stream.read(max(max_bytes, 0) + 1)
    except (OSError, ValueError):
        return None


def _echo(text: str) -> None:
    """Print to stdout; a full disk or a closed pipe is one line on stderr and exit 2."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        _stdout_gone()
        if not isinstance(exc, BrokenPipeError):
            typer.echo(f"copydesk: cannot write to standard output "
                       f"({getattr(exc, 'strerror', None) or exc})", err=True)
        raise typer.Exit(2) from None


def _stdout_gone() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so that no second error
    # (and no traceback) follows the one line already said
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _write_report(output: str, text: str) -> None:
    """Write the report to a temporary file beside `output`, then rename it over `output`:
    a failed write never leaves an empty or half report in place of the old one."""
    import tempfile

    target = os.path.abspath(output)
    try:
        mode = os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temporary = tempfile.mkstemp(prefix=".copydesk-", suffix=".tmp",
                                         dir=os.path.dirname(target))
    except OSError as exc:
        typer.echo(f"copydesk: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    try:
        with open(fd, "w", encoding="utf-8", errors="backslashreplace") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        os.unlink(temporary)
        typer.echo(f"copydesk: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None


def main() -> None:
    """The console entry point: exit 0, 1 (findings), 2 (usage, input, output, or an
    internal error, said in one line: never a traceback), 130 on Ctrl-C."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT):
            _crashed(exc)
        _stdout_gone()  # a streamed line could not be written
        if exc.errno != errno.EPIPE:
            _say(f"copydesk: cannot write to standard output ({exc.strerror or exc})")
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, exit 2
        _crashed(exc)


def _say(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
    except (OSError, ValueError):
        pass


def _crashed(exc: BaseException) -> None:
    """An uncaught exception: one line on stderr, exit 2 (never 1, which means findings)."""
    from checker.filenames import printable

    message = printable(" ".join(str(exc).split()))[:300]
    _say(f"copydesk: internal error, please report ({type(exc).__name__}: {message})")
    sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()

