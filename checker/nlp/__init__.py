"""The one spaCy pass and what is read from it: the grammar of each clause, temporal
expressions as written, document structure, names, ages and counts."""

from checker.nlp.pipeline import MODEL_PACKAGES, load_pipeline

__all__ = ["MODEL_PACKAGES", "load_pipeline"]
