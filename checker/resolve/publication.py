"""The publication date: the option, else the file's metadata, else the dateline."""

from __future__ import annotations

import datetime as dt

from checker.model import PublicationDate
from checker.nlp.structure import Dateline
from checker.source import Article


def publication_date(article: Article, *, given: dt.date | None = None,
                     dateline: Dateline | None = None) -> tuple[PublicationDate | None, str | None]:
    """The publication date and where it came from, or None with a note saying why."""
    if given is not None:
        return PublicationDate(given, "option"), None
    if article.metadata_dates:
        source, when = article.metadata_dates[0]
        return PublicationDate(when, source), None
    if dateline is not None:
        when = dateline.date()
        if when is not None:
            return PublicationDate(when, "dateline", dateline.span), None
        return None, ("the dateline gives no year "
                      f"({article.text[dateline.timex.start:dateline.timex.end]!r}); "
                      "pass --date YYYY-MM-DD to check dates against it")
    return None, ("no publication date found (no --date, metadata or dateline); "
                  "rules that need one were skipped")
