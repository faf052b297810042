"""One finding per error.

A wrong date often makes more than one rule fire: a weekday off by one also puts "said" after
the publication date, a 31 April also breaks a duration. The editor has one thing to fix,
so the report gives one finding: the root one, whose arithmetic is on the date itself, with
the others listed under it as related.

A finding rests on the mentions its spans point at. After every rule has run, a finding
that rests on a mention a root finding flags is folded into that root finding (the first
root in precedence order, then in text order). Root findings are never folded into a
finding of lower precedence.
"""

from __future__ import annotations

from dataclasses import replace

from checker.model import Finding, Related

# Rules whose finding is arithmetic on the words of one date or relative expression, most
# basic first: a date that does not exist, a weekday that is not that date's, a relative
# expression that does not fit the date it restates.
ROOT_RULES = ("impossible-date", "weekday-mismatch", "relative-date-conflict")
_RANK = {rule: n for n, rule in enumerate(ROOT_RULES)}


def _rank(finding: Finding) -> int:
    return _RANK.get(finding.rule, len(ROOT_RULES))


def fold(findings: list[Finding]) -> list[Finding]:
    """The findings with each one that rests on a root finding's mention folded into it as a
    related span ("also tense-date-mismatch: …"), in the input order."""
    roots = sorted((f for f in findings if f.rule in _RANK), key=_rank)
    if not roots:
        return findings
    folded: dict[int, list[Finding]] = {}  # id of the root → findings folded into it
    kept: list[Finding] = []
    for finding in findings:
        root = next((r for r in roots if _rank(r) < _rank(finding) and _rests_on(finding, r)),
                    None)
        if root is None:
            kept.append(finding)
        else:
            folded.setdefault(id(root), []).append(finding)
    return [_with_related(f, folded.get(id(f), ())) for f in kept]


def _rests_on(finding: Finding, root: Finding) -> bool:
    return any(a.overlaps(b) for a in finding.spans for b in root.spans)


def _with_related(root: Finding, others: list[Finding] | tuple[()]) -> Finding:
    if not others:
        return root
    extra = tuple(Related(o.span, f"also {o.rule}: {o.message}") for o in others)
    return replace(root, related=root.related + extra)
