"""The library API: text or files in, a Report out. The CLI only wires options to this."""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from checker.dedupe import fold
from checker.facts import ArticleFacts, Counts, Mention, People, mentions_by_verb
from checker.facts.words import timeline_entries
from checker.filenames import printable
from checker.model import FileReport, Finding, Report, Severity, Span
from checker.nlp import ages, counts, load_pipeline, names
from checker.nlp.grammar import Grammar
from checker.nlp.pipeline import check_model_name
from checker.nlp.structure import read_structure
from checker.nlp.temporal import find_timexes
from checker.resolve.events import find_events
from checker.resolve.publication import publication_date
from checker.resolve.stretches import stretches as find_stretches
from checker.resolve.timeline import Resolver, attach_times, link_restatements
from checker.rules.base import Rule
from checker.source import (
    MAX_BYTES,
    Article,
    InputError,
    check_size,
    decode,
    read_path,
    read_text,
)
from checker.source.known import KnownFacts, load_facts
from checker.source.markers import markers
from checker.suppress import apply as apply_suppressions

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with its facts and the notes made while reading it."""

    article: Article
    facts: ArticleFacts
    notes: tuple[str, ...]


def analyse(article: Article, *, publication_date_given: dt.date | None = None,
            doc=None, known: KnownFacts | None = None,
            params: dict | None = None) -> Analysis:
    """Read an article once: publication date, one spaCy pass, the resolved timeline."""
    structure = read_structure(article.text)
    dateline = structure.dateline
    pub, note = publication_date(article, given=publication_date_given, dateline=dateline)
    if doc is None:
        doc = _doc(load_pipeline(), article.text)
    grammar = Grammar(doc)
    resolver = Resolver(article.text, pub.date if pub else None, grammar)
    mentions = resolver.resolve(find_timexes(article.text), structure.header_spans)
    mentions = tuple(attach_times(article.text, link_restatements(article.text, mentions)))
    stretches = find_stretches(article.text, list(mentions), grammar, pub.date if pub else None)
    people, counted = _people_and_counts(doc, grammar, mentions, pub.date if pub else None)
    facts = ArticleFacts(text=article.text, publication=pub, mentions=mentions,
                         stretches=stretches, events=find_events(mentions, article.text),
                         people=people, counts=counted,
                         known=known.people if known else (),
                         known_source=known.source if known else None,
                         params=params or {})
    return Analysis(article, facts, (note,) if note else ())


def _people_and_counts(doc, grammar: Grammar, mentions: tuple[Mention, ...],
                       pub: dt.date | None) -> tuple[People, Counts]:
    """Persons, their names, ages and name variants; counted things. Both need entities and
    a parse; without them (the rule-based fallback pipeline) there are none."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("ENT_IOB"):
        return People(), Counts()
    persons, tokens, token_person = names.group_people(doc)
    by_verb = mentions_by_verb(mentions)
    stated = ages.Ages(doc, grammar, token_person, persons, by_verb, pub, mentions).facts()
    found, changes, totals = counts.counts(doc, grammar, mentions, by_verb, pub)
    return (People(tuple(persons), tuple(tokens), tuple(stated),
                   tuple(names.variants(persons, tokens, doc))),
            Counts(tuple(found), tuple(changes), tuple(totals)))


def select_rules(select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None) -> tuple[Rule, ...]:
    from checker.rules import ALL_RULES, RULES_BY_ID

    chosen = list(ALL_RULES)
    for ids, keep in ((select, True), (ignore, False)):
        if ids is None:
            continue
        ids = [i.strip() for i in ids if i.strip()]
        unknown = [i for i in ids if i not in RULES_BY_ID]
        if unknown:
            raise ValueError(f"unknown rule id(s): {', '.join(unknown)}; "
                             f"valid ids: {', '.join(RULES_BY_ID)}")
        chosen = [r for r in chosen if (r.id in ids) == keep]
    return tuple(chosen)


def run_rules(facts: ArticleFacts, rules: Sequence[Rule],
              severity: dict[str, Severity] | None = None) -> list[Finding]:
    """Every rule's findings, once each, in text order; `severity` overrides by rule id."""
    findings: list[Finding] = []
    seen: set[tuple[str, Span]] = set()
    for rule in rules:
        if rule.needs_publication_date and facts.publication is None:
            continue
        for finding in rule.check(facts):
            key = (finding.rule, finding.span)
            if key not in seen:
                seen.add(key)
                if severity and finding.rule in severity:
                    finding = replace(finding, severity=severity[finding.rule])
                findings.append(finding)
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule))
    return fold(findings)  # one finding per error: the root, the others as related


def _file_report(analysis: Analysis, rules: Sequence[Rule],
                 severity: dict[str, Severity] | None = None) -> FileReport:
    article = analysis.article
    findings = run_rules(analysis.facts, rules, severity)
    found = markers(article.raw, article.kind)
    if found:
        from checker.rules import RULES_BY_ID

        findings = apply_suppressions(findings, found, article.raw_span, article.text_offset,
                                      RULES_BY_ID, [r.id for r in rules])
    return FileReport(
        path=article.path,
        findings=findings,
        publication_date=analysis.facts.publication,
        notes=list(analysis.notes),
        raw_text=article.raw,
        raw_span=article.raw_span,
        text=article.text,
        timeline=timeline_entries(article.text, analysis.facts.publication,
                                  analysis.facts.mentions),
    )


def check_article(article: Article, *, publication_date: dt.date | None = None,
                  rules: Sequence[Rule] | None = None,
                  known: KnownFacts | None = None) -> FileReport:
    """One article's report. An internal error becomes the report's one-line `error`."""
    rules = select_rules() if rules is None else rules
    try:
        doc = _doc(load_pipeline(), article.text)
        return _file_report(analyse(article, publication_date_given=publication_date, doc=doc,
                                    known=known), rules)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract: a report, never a traceback
        return FileReport(path=article.path, error=_internal_error(article.path, exc))


def _internal_error(path: str, exc: BaseException) -> str:
    log.debug("internal error on %s", printable(path), exc_info=exc)
    return f"{path}: internal error, please report ({type(exc).__name__}: " \
           f"{' '.join(str(exc).split())[:300]})"


def _known(facts: str | Path | KnownFacts | None) -> KnownFacts | None:
    if facts is None or isinstance(facts, KnownFacts):
        return facts
    return load_facts(facts)


def _date(value: dt.date | str | None) -> dt.date | None:
    if not isinstance(value, str):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"publication date {value!r} is not a date (use YYYY-MM-DD)") from None


def _rules(select: Iterable[str] | None, ignore: Iterable[str] | None) -> tuple[Rule, ...]:
    try:
        return select_rules(select, ignore)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def check_text(text: str, *, publication_date: dt.date | str | None = None,
               path: str = "<text>", kind: str | None = None,
               select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None,
               facts: str | Path | KnownFacts | None = None) -> Report:
    """Check one article given as text.

    Raises InputError (and nothing else) for text with nothing to check or a bad option;
    an internal error on the article is the report's one-line `error`.
    """
    if not isinstance(text, str):
        raise InputError(f"{path}: text must be a str, not {type(text).__name__}")
    when = _date(publication_date)
    rules = _rules(select, ignore)
    known = _known(facts)
    article = read_text(text, path=path, kind=kind)
    return Report([check_article(article, publication_date=when, rules=rules, known=known)])


def check_file(path: str | Path, *, publication_date: dt.date | str | None = None,
               encoding: str | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, max_bytes: int = MAX_BYTES,
               facts: str | Path | KnownFacts | None = None) -> Report:
    """Check one file, with the settings the CLI would use for it: the nearest configuration
    file (select, ignore, facts, severity, rule parameters, model), overridden by the
    arguments given here. A file that cannot be read gives a FileReport with `error` set;
    a configuration that cannot be used raises InputError."""
    from checker.config import settings_for

    options = {"select": list(select) if select is not None else None,
               "ignore": list(ignore) if ignore is not None else None,
               "facts": facts if isinstance(facts, str | Path) else None}
    settings = settings_for(Path(path), {k: v for k, v in options.items() if v is not None})
    known = facts if isinstance(facts, KnownFacts) else settings.facts
    return check_paths([path], publication_date=publication_date, encoding=encoding,
                       select=settings.select, ignore=settings.ignore, max_bytes=max_bytes,
                       facts=known, severity=settings.severity, params=settings.params,
                       model=settings.model)


MIN_FILES_PER_JOB = 4  # below this a worker's model load costs more than it saves
# Memory follows the characters that go through spaCy at once, not the number of files:
# one spaCy call sees at most BATCH_CHARS characters, and an article longer than
# CHUNK_CHARS goes through in pieces cut at paragraph breaks, joined back into one Doc.
# bench/run.py records the peak memory per MB of copy that this gives.
BATCH_CHARS = 100_000
CHUNK_CHARS = 50_000


@dataclass(frozen=True)
class _Run:
    """Everything one run needs besides its paths; sent once to each worker process."""

    publication_date: dt.date | None = None
    encoding: str | None = None
    max_bytes: int = MAX_BYTES
    stdin_text: str | bytes | None = None  # bytes: decoded like a file (--encoding)
    stdin_name: str = "-"
    batch_size: int = 16
    known: KnownFacts | None = None
    params: dict[str, dict] | None = None
    model: str | None = None
    batch_chars: int = BATCH_CHARS


def check_paths(paths: Iterable[str | Path], *, publication_date: dt.date | str | None = None,
                encoding: str | None = None, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, max_bytes: int = MAX_BYTES,
                stdin_text: str | bytes | None = None, stdin_name: str = "-",
                batch_size: int = 16,
                facts: str | Path | KnownFacts | None = None, jobs: int = 1,
                severity: dict[str, Severity] | None = None,
                params: dict[str, dict] | None = None, model: str | None = None,
                batch_chars: int = BATCH_CHARS,
                on_file: Callable[[FileReport], None] | None = None) -> Report:
    """Check many files, streaming their texts through spaCy in batches of at most
    `batch_size` files and `batch_chars` characters.

    With `jobs` > 1 the files are split into runs of consecutive files, checked by that
    many worker processes (each loads the pipeline once; each dies with this process).
    Every path gets a FileReport in input order either way: findings, or a one-line error.
    `on_file` is called with each FileReport as soon as it is ready, in input order (with
    workers, a run at a time).
    """
    rules = _rules(select, ignore)
    if model is not None:
        check_model_name(model)
    run = _Run(_date(publication_date), encoding, max_bytes, stdin_text, stdin_name,
               batch_size, _known(facts), params, model, batch_chars)
    paths = [str(p) for p in paths]
    workers = min(jobs, len(paths) // MIN_FILES_PER_JOB)
    if workers < 2:
        return _check_batch(paths, run, rules, severity, on_file)
    size = min(batch_size, -(-len(paths) // workers))
    runs = [paths[i:i + size] for i in range(0, len(paths), size)]
    report = Report()
    for part in _in_workers(workers, _check_batch, [(r, run, rules, severity) for r in runs]):
        for fr in part.files:
            report.files.append(fr)
            if on_file is not None:
                on_file(fr)
    return report


def _in_workers(workers: int, function, arguments: list[tuple]):
    """function(*args) for each args, in `workers` processes: the results in input order,
    each as soon as it and those before it are ready.

    The workers die with this process (SIGTERM, SIGKILL, Ctrl-C): none is left running,
    holding the terminal's stdout, after the run that started it has gone.
    """
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminated)
    pool = context.Pool(workers, initializer=_worker_init, initargs=(os.getpid(),))
    try:
        yield from pool.imap(_call, [(function, args) for args in arguments], chunksize=1)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _call(item: tuple) -> object:
    function, args = item
    return function(*args)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through _in_workers, which stops the workers


def _worker_init(parent: int) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent went before prctl took hold
        os._exit(1)


def _check_batch(paths: list[str], run: _Run, rules: Sequence[Rule],
                 severity: dict[str, Severity] | None,
                 on_file: Callable[[FileReport], None] | None = None) -> Report:
    report = Report()
    for path, result in _analysed(paths, run, partial(_file_report, rules=rules,
                                                      severity=severity)):
        report.files.append(result if isinstance(result, FileReport)
                            else FileReport(path=path, error=result))
        if on_file is not None:
            on_file(report.files[-1])
    return report


def _pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters, each cut at the last
    paragraph break before the limit (else a line break, a sentence end, a space)."""
    out: list[str] = []
    i = 0
    while len(text) - i > size:
        cut = i + size
        for sep in ("\n\n", "\n", ". ", " "):
            found = text.rfind(sep, i + size // 2, cut)
            if found >= 0:
                cut = found + len(sep)
                break
        out.append(text[i:cut])
        i = cut
    out.append(text[i:])
    return out


def _doc(nlp, text: str):
    """One Doc for `text`, made from pieces of at most CHUNK_CHARS characters."""
    return _join([*nlp.pipe(_pieces(text), batch_size=max(1, BATCH_CHARS // CHUNK_CHARS))])


def _join(docs: list):
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def _docs(nlp, texts: list[str], budget: int) -> list:
    """A Doc, or the exception that stopped it, for each text; spaCy sees at most `budget`
    characters at a time (a long text in pieces)."""
    pieces = [(n, piece) for n, text in enumerate(texts) for piece in _pieces(text)]
    parts: list[list] = [[] for _ in texts]
    failed: dict[int, Exception] = {}
    group: list[tuple[int, str]] = []

    def run() -> None:
        try:
            docs = list(nlp.pipe([piece for _, piece in group], batch_size=len(group)))
        except Exception:  # noqa: BLE001 - find the text that did it, one at a time
            docs = []
            for n, piece in group:
                try:
                    docs.append(nlp(piece))
                except Exception as exc:  # noqa: BLE001
                    failed.setdefault(n, exc)
                    docs.append(None)
        for (n, _), doc in zip(group, docs):
            parts[n].append(doc)
        group.clear()

    size = 0
    for n, piece in pieces:
        if group and size + len(piece) > budget:
            run()
            size = 0
        group.append((n, piece))
        size += len(piece)
    if group:
        run()
    return [failed[n] if n in failed else _join(docs) for n, docs in enumerate(parts)]


def _analysed(paths: Iterable[str], run: _Run, finish):
    """(path, finish(Analysis) or a one-line error) for every path, in input order.

    Files are read one by one and their texts go through spaCy a batch at a time (at most
    `run.batch_size` files and `run.batch_chars` characters): one spaCy pass per article.
    An unreadable file, or an internal error on one article, gives its error line and the
    run goes on.
    """
    batch: list[tuple[str, Article | str]] = []

    def flush():
        articles = [item for _, item in batch if isinstance(item, Article)]
        docs: list = []
        if articles:
            try:
                nlp = load_pipeline(run.model)
                docs = _docs(nlp, [a.text for a in articles], run.batch_chars)
            except (InputError, OSError) as exc:  # the pipeline itself cannot be had
                docs = [InputError(str(exc))] * len(articles)
            except Exception as exc:  # noqa: BLE001
                docs = [exc] * len(articles)
        docs_iter = iter(docs)
        for name, item in batch:
            if isinstance(item, str):
                yield name, item
                continue
            doc = next(docs_iter)
            try:
                if isinstance(doc, InputError):
                    result = f"{item.path}: {doc}"
                elif isinstance(doc, Exception):
                    result = _internal_error(item.path, doc)
                else:
                    result = finish(analyse(item, publication_date_given=run.publication_date,
                                            doc=doc, known=run.known, params=run.params))
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
                result = _internal_error(item.path, exc)
            yield item.path, result
        batch.clear()

    chars = 0
    for path in paths:
        name = str(path)
        try:
            if name == "-":
                name = run.stdin_name
                if run.stdin_text is None:
                    raise InputError(f"{name}: standard input is closed; nothing to check")
                if isinstance(run.stdin_text, bytes):  # as read: at most max_bytes + 1 bytes
                    check_size(name, len(run.stdin_text), run.max_bytes, at_least=True)
                    text = decode(run.stdin_text, name=name, encoding=run.encoding)
                else:
                    text = run.stdin_text
                    check_size(name, len(text.encode("utf-8", "surrogatepass")), run.max_bytes)
                item: Article | str = read_text(text, path=name)
            else:
                item = read_path(path, encoding=run.encoding, max_bytes=run.max_bytes)
        except InputError as exc:
            item = str(exc)
        except Exception as exc:  # noqa: BLE001 - reading must not stop the run either
            item = _internal_error(name, exc)
        batch.append((name, item))
        if isinstance(item, Article):
            chars += len(item.text)
        if chars >= run.batch_chars or \
                sum(isinstance(i, Article) for _, i in batch) >= run.batch_size:
            yield from flush()
            chars = 0
    yield from flush()


def timeline_paths(paths: Iterable[str], *, publication_date: dt.date | None = None,
                   encoding: str | None = None, max_bytes: int = MAX_BYTES,
                   stdin_text: str | bytes | None = None,
                   stdin_name: str = "-") -> list[tuple[str, Analysis | str]]:
    """Each path with its Analysis (the resolved timeline), or a one-line error."""
    run = _Run(publication_date=_date(publication_date), encoding=encoding, max_bytes=max_bytes,
               stdin_text=stdin_text, stdin_name=stdin_name)
    return list(_analysed(paths, run, _same))


def _same(analysis: Analysis) -> Analysis:
    return analysis
