"""`copydesk explain RULE` and `GET /v1/rules/{id}`: what a rule flags, why, and examples."""

from __future__ import annotations

from checker.rules.base import Rule


def explain_text(rule: Rule) -> str:
    """The rule's id, severity and title, its rationale, and its examples, as plain text."""
    lines = [f"{rule.id} ({rule.severity.value}): {rule.title}", "",
             rule.rationale.strip().split("\n", 1)[1].strip(), "", "## Examples"]
    for ex in rule.examples:
        dated = f"  [published {ex.publication_date}]" if ex.publication_date else ""
        lines.append(f"  {'flags ' if ex.flags else 'passes'}  {ex.text}{dated}")
    return "\n".join(lines)
