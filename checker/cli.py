"""The command line: options in, library call, renderer out, exit status. Nothing else."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from checker import __version__

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


def _ids(value: str | None) -> list[str] | None:
    return None if value is None else [v for v in value.split(",") if v.strip()]


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


DateOpt = Annotated[str | None, typer.Option(
    "--date", metavar="YYYY-MM-DD",
    help="Publication date; overrides metadata and datelines in the copy.")]
PathsArg = Annotated[list[str], typer.Argument(
    metavar="PATH...", help="Files, directories (searched for .txt .md .html .htm) or - for stdin.")]


@app.command()
def check(
    paths: PathsArg,
    date: DateOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", show_default="warning",
        help="Exit 1 when a finding has at least this severity.")] = None,
    select: Annotated[str | None, typer.Option(
        help="Only these rules (comma-separated ids).")] = None,
    ignore: Annotated[str | None, typer.Option(
        help="Skip these rules (comma-separated ids).")] = None,
    encoding: Annotated[str | None, typer.Option(
        help="Decode input with this encoding instead of UTF-8 (e.g. cp1252).")] = None,
    max_bytes: Annotated[int, typer.Option(
        help="Refuse files larger than this many bytes (one article; default 1,000,000).")
    ] = 1_000_000,
    facts: Annotated[str | None, typer.Option(
        metavar="FILE", help="TOML file of people on record (name, aliases, born, died); "
                             "ages in the copy are checked against it.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")
    ] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        metavar="NAME", help="Name to report for text read from - (decides text/Markdown/HTML "
                             "by its suffix).")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Text format: findings only, no notes or summary.")] = False,
    statistics: Annotated[bool, typer.Option(
        help="Text format: end with the number of findings per rule.")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes for many files (0: one per core). "
                                    "Reports come back in input order.")] = 0,
) -> None:
    """Check articles and report contradictions.

    Example: copydesk check story.txt --date 2024-05-29

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from checker.config import settings_for
    from checker.engine import check_paths, expand_paths, select_rules
    from checker.model import FileReport, Report, Severity
    from checker.report import FORMATTERS
    from checker.source import InputError
    from checker.source.known import load_facts

    when = _date(date)
    try:
        select_rules(_ids(select), _ids(ignore))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--select/--ignore") from None
    files = expand_paths(paths)
    if not files:
        typer.echo("copydesk: no .txt, .md or .html files found in the given paths", err=True)
        raise typer.Exit(2)
    stdin_text = _read_stdin(max_bytes) if "-" in files else None
    options = {"select": _ids(select), "ignore": _ids(ignore), "facts": facts,
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
    for settings, slots in groups.values():
        part = check_paths([files[i] for i in slots], publication_date=when, encoding=encoding,
                           select=settings.select, ignore=settings.ignore,
                           max_bytes=max_bytes, stdin_text=stdin_text,
                           stdin_name=stdin_filename or "-",
                           facts=known.get(settings.facts), jobs=jobs or os.cpu_count() or 1,
                           severity=settings.severity, params=settings.params,
                           model=settings.model)
        rank = 99 if settings.fail_on == "never" else Severity(settings.fail_on).rank
        checked.update((slot, (fr, rank)) for slot, fr in zip(slots, part.files))
    report = Report([checked[i][0] for i in range(len(files))])
    ranks = [checked[i][1] for i in range(len(files))]
    rendered = FORMATTERS[format.value](report, fail_rank=min(ranks), quiet=quiet,
                                        colour=_colour() and output is None,
                                        statistics=statistics)
    if output:
        _write_report(output, rendered + "\n")
    elif rendered:
        _echo(rendered)
    if report.errors:
        raise typer.Exit(2)
    if any(f.severity.rank >= rank for fr, rank in zip(report.files, ranks)
           for f in fr.findings):
        raise typer.Exit(1)


@app.command()
def timeline(
    paths: PathsArg,
    date: DateOpt = None,
    format: Annotated[TimelineFormat, typer.Option(
        "--format", "-f", help="Output format.")] = TimelineFormat.text,
    encoding: Annotated[str | None, typer.Option(
        help="Decode input with this encoding instead of UTF-8 (e.g. cp1252).")] = None,
    max_bytes: Annotated[int, typer.Option(
        help="Refuse files larger than this many bytes (one article; default 1,000,000).")
    ] = 1_000_000,
) -> None:
    """Show the story's timeline: every temporal expression, resolved, in calendar order.

    Example: copydesk timeline story.txt --format json
    """
    from checker.engine import expand_paths, timeline_paths
    from checker.report.timeline import timeline_json, timeline_text

    files = expand_paths(paths)
    results = timeline_paths(files, publication_date=_date(date), encoding=encoding,
                             max_bytes=max_bytes,
                             stdin_text=_read_stdin(max_bytes) if "-" in files else None)
    _echo(timeline_json(results) if format is TimelineFormat.json else timeline_text(results))
    if any(isinstance(r, str) for _, r in results):
        raise typer.Exit(2)


@app.command("config")
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


@app.command("rules")
def list_rules() -> None:
    """List every rule: id, default severity, title."""
    from checker.rules import ALL_RULES

    width = max(len(r.id) for r in ALL_RULES)
    for rule in ALL_RULES:
        typer.echo(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.title}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE")]) -> None:
    """Explain a rule: what it flags, why, and examples."""
    from checker.rules import RULES_BY_ID

    rule = RULES_BY_ID.get(rule_id)
    if rule is None:
        typer.echo(f"copydesk: no rule {rule_id!r}; valid ids: {', '.join(RULES_BY_ID)}",
                   err=True)
        raise typer.Exit(2)
    typer.echo(f"{rule.id} ({rule.severity.value}): {rule.title}\n")
    typer.echo(rule.rationale.strip().split("\n", 1)[1].strip() + "\n")
    typer.echo("## Examples")
    for ex in rule.examples:
        dated = f"  [published {ex.publication_date}]" if ex.publication_date else ""
        typer.echo(f"  {'flags ' if ex.flags else 'passes'}  {ex.text}{dated}")


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
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, exit 2
        from checker.names import printable

        message = printable(" ".join(str(exc).split()))[:300]
        try:
            sys.stderr.write(f"copydesk: internal error, please report "
                             f"({type(exc).__name__}: {message})\n")
        except (OSError, ValueError):
            pass
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()

