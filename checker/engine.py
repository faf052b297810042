"""The library API: text or files in, a Report out. The CLI only wires options to this."""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import repeat
from pathlib import Path

from checker.facts import ArticleFacts, Counts, Mention, People, mentions_by_verb
from checker.model import FileReport, Finding, Report, Severity, Span
from checker.nlp import ages, counts, load_pipeline, names
from checker.nlp.grammar import Grammar
from checker.nlp.structure import find_dateline
from checker.nlp.temporal import find_timexes
from checker.resolve.publication import publication_date
from checker.resolve.stretches import stretches as find_stretches
from checker.resolve.timeline import Resolver, attach_times, link_restatements
from checker.rules.base import Rule
from checker.source import MAX_BYTES, Article, InputError, check_size, read_path, read_text
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
            doc=None, known: KnownFacts | None = None,  # noqa: ANN001
            params: dict | None = None) -> Analysis:
    """Read an article once: publication date, one spaCy pass, the resolved timeline."""
    dateline = find_dateline(article.text)
    pub, note = publication_date(article, given=publication_date_given, dateline=dateline)
    if doc is None:
        doc = load_pipeline()(article.text)
    grammar = Grammar(doc)
    resolver = Resolver(article.text, pub.date if pub else None, grammar)
    mentions = resolver.resolve(find_timexes(article.text), dateline.line if dateline else None)
    mentions = tuple(attach_times(article.text, link_restatements(article.text, mentions)))
    stretches = find_stretches(article.text, list(mentions))
    people, counted = _people_and_counts(doc, grammar, mentions, pub.date if pub else None)
    facts = ArticleFacts(text=article.text, publication=pub, mentions=mentions,
                         stretches=stretches, people=people, counts=counted,
                         known=known.people if known else (),
                         known_source=known.source if known else None,
                         params=params or {})
    return Analysis(article, facts, (note,) if note else ())


def _people_and_counts(doc, grammar: Grammar, mentions: tuple[Mention, ...],  # noqa: ANN001
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
                   tuple(names.variants(persons, tokens))),
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
    return findings


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
        timeline=[(m.value.first, m.value.last, m.text, m.how.value, m.attachment.verb)
                  for m in analysis.facts.mentions
                  if m.value is not None and m.kind not in ("duration", "time", "set")],
    )


def check_article(article: Article, *, publication_date: dt.date | None = None,
                  rules: Sequence[Rule] | None = None,
                  known: KnownFacts | None = None) -> FileReport:
    rules = select_rules() if rules is None else rules
    return _file_report(analyse(article, publication_date_given=publication_date, known=known),
                        rules)


def _known(facts: str | Path | KnownFacts | None) -> KnownFacts | None:
    if facts is None or isinstance(facts, KnownFacts):
        return facts
    return load_facts(facts)


def check_text(text: str, *, publication_date: dt.date | str | None = None,
               path: str = "<text>", kind: str | None = None,
               select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None,
               facts: str | Path | KnownFacts | None = None) -> Report:
    """Check one article given as text. Raises InputError for text with nothing to check."""
    if isinstance(publication_date, str):
        publication_date = dt.date.fromisoformat(publication_date)
    article = read_text(text, path=path, kind=kind)
    rules = select_rules(select, ignore)
    return Report([check_article(article, publication_date=publication_date, rules=rules,
                                 known=_known(facts))])


def check_file(path: str | Path, *, publication_date: dt.date | str | None = None,
               encoding: str | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, max_bytes: int = MAX_BYTES,
               facts: str | Path | KnownFacts | None = None) -> Report:
    """Check one file. A file that cannot be read gives a FileReport with `error` set."""
    return check_paths([path], publication_date=publication_date, encoding=encoding,
                       select=select, ignore=ignore, max_bytes=max_bytes, facts=facts)


MIN_FILES_PER_JOB = 4  # below this a worker's model load costs more than it saves


@dataclass(frozen=True)
class _Run:
    """Everything one run needs besides its paths; sent once to each worker process."""

    publication_date: dt.date | None = None
    encoding: str | None = None
    max_bytes: int = MAX_BYTES
    stdin_text: str | None = None
    stdin_name: str = "-"
    batch_size: int = 16
    known: KnownFacts | None = None
    params: dict[str, dict] | None = None
    model: str | None = None


def check_paths(paths: Iterable[str | Path], *, publication_date: dt.date | str | None = None,
                encoding: str | None = None, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, max_bytes: int = MAX_BYTES,
                stdin_text: str | None = None, stdin_name: str = "-", batch_size: int = 16,
                facts: str | Path | KnownFacts | None = None, jobs: int = 1,
                severity: dict[str, Severity] | None = None,
                params: dict[str, dict] | None = None, model: str | None = None,
                on_file: Callable[[FileReport], None] | None = None) -> Report:
    """Check many files, streaming their texts through one spaCy `pipe` in batches.

    With `jobs` > 1 the files are split into runs of consecutive files, checked by that
    many worker processes (each loads the pipeline once). Every path gets a FileReport in
    input order either way: findings, or a one-line error. `on_file` is called with each
    FileReport as soon as it is ready, in input order (with workers, a run at a time).
    """
    if isinstance(publication_date, str):
        publication_date = dt.date.fromisoformat(publication_date)
    rules = select_rules(select, ignore)
    run = _Run(publication_date, encoding, max_bytes, stdin_text, stdin_name, batch_size,
               _known(facts), params, model)
    paths = [str(p) for p in paths]
    workers = min(jobs, len(paths) // MIN_FILES_PER_JOB)
    if workers < 2:
        return _check_batch(paths, run, rules, severity, on_file)
    size = min(batch_size, -(-len(paths) // workers))
    runs = [paths[i:i + size] for i in range(0, len(paths), size)]
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parts = pool.map(_check_batch, runs, repeat(run), repeat(rules), repeat(severity))
        report = Report()
        for part in parts:
            for fr in part.files:
                report.files.append(fr)
                if on_file is not None:
                    on_file(fr)
        return report


def _check_batch(paths: list[str], run: _Run, rules: Sequence[Rule],
                 severity: dict[str, Severity] | None,
                 on_file: Callable[[FileReport], None] | None = None) -> Report:
    report = Report()
    for path, result in _analysed(paths, run, lambda a: _file_report(a, rules, severity)):
        report.files.append(result if isinstance(result, FileReport)
                            else FileReport(path=path, error=result))
        if on_file is not None:
            on_file(report.files[-1])
    return report


def _analysed(paths: Iterable[str], run: _Run, finish):  # noqa: ANN001, ANN202
    """(path, finish(Analysis) or a one-line error) for every path, in input order.

    Files are read one by one and their texts go through `nlp.pipe` a batch at a time: one
    spaCy pass per article. An unreadable file, or an internal error on one article, gives
    its error line and the run goes on.
    """
    batch: list[tuple[str, Article | str]] = []

    def flush():  # noqa: ANN202
        articles = [item for _, item in batch if isinstance(item, Article)]
        docs = iter(())
        if articles:
            nlp = load_pipeline(run.model)
            nlp.max_length = max(nlp.max_length, *(len(a.text) + 1 for a in articles))
            docs = nlp.pipe([a.text for a in articles], batch_size=run.batch_size)
        for name, item in batch:
            if isinstance(item, str):
                yield name, item
                continue
            doc = next(docs)
            try:
                result = finish(analyse(item, publication_date_given=run.publication_date,
                                        doc=doc, known=run.known, params=run.params))
            except Exception as exc:  # one bad file must not stop the run
                log.exception("internal error on %s", item.path)
                result = f"{item.path}: internal error, please report " \
                         f"({type(exc).__name__}: {exc})"
            yield item.path, result
        batch.clear()

    for path in paths:
        name = str(path)
        try:
            if name == "-":
                text, name = run.stdin_text or "", run.stdin_name
                check_size(name, len(text.encode("utf-8", "replace")), run.max_bytes)
                item: Article | str = read_text(text, path=name)
            else:
                item = read_path(path, encoding=run.encoding, max_bytes=run.max_bytes)
        except InputError as exc:
            item = str(exc)
        batch.append((name, item))
        if sum(isinstance(i, Article) for _, i in batch) >= run.batch_size:
            yield from flush()
    yield from flush()


def timeline_paths(paths: Iterable[str], *, publication_date: dt.date | None = None,
                   encoding: str | None = None) -> list[tuple[str, Analysis | str]]:
    """Each path with its Analysis (the resolved timeline), or a one-line error."""
    run = _Run(publication_date=publication_date, encoding=encoding)
    return list(_analysed(paths, run, lambda analysis: analysis))
