"""The rule catalogue: one module per rule, listed here explicitly."""

from checker.rules import (
    age_mismatch,
    duration_mismatch,
    event_time_conflict,
    impossible_date,
    name_variant,
    number_conflict,
    relative_date_conflict,
    stale_reference,
    tense_date_mismatch,
    weekday_mismatch,
)

ALL_RULES = (
    weekday_mismatch.RULE,
    impossible_date.RULE,
    stale_reference.RULE,
    tense_date_mismatch.RULE,
    relative_date_conflict.RULE,
    event_time_conflict.RULE,
    duration_mismatch.RULE,
    age_mismatch.RULE,
    number_conflict.RULE,
    name_variant.RULE,
)
RULES_BY_ID = {rule.id: rule for rule in ALL_RULES}
