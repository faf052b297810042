"""A run shown as it goes: text findings printed as files finish, in input order, and a
progress bar on stderr when stderr is a terminal.

The bar is drawn by rich (a dependency of typer). It never reaches a pipe or a CI log:
only a terminal gets it, and only for batches over a few files. While it is drawn, text
meant for a terminal on stdout is printed through the bar's console, above the bar, so
that the two do not tear each other; text for a pipe or a file goes straight to stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import Self

from checker.model import FileReport

PROGRESS_MIN_FILES = 5  # below this the run is over before a bar is worth drawing


def wants_progress(files: int, *, quiet: bool) -> bool:
    return files >= PROGRESS_MIN_FILES and not quiet and sys.stderr.isatty()


class Live:
    """Collects finished file reports by input slot and hands them on in input order:
    `show(slot, report)` is called for each, as soon as every earlier slot is done."""

    def __init__(self, total: int, *, progress: bool,
                 show: Callable[[int, FileReport], None] | None = None) -> None:
        self.total = total
        self.show = show
        self.ready: dict[int, FileReport] = {}
        self.next = 0
        self._progress = None
        self._task = None
        if progress:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                redirect_stdout=False, redirect_stderr=False)

    def __enter__(self) -> Self:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("check", total=self.total)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def done(self, slot: int, report: FileReport) -> None:
        self.ready[slot] = report
        if self._progress is not None:
            self._progress.advance(self._task)
            self._progress.refresh()  # the count drawn under printed text is the new one
        while self.next in self.ready:
            if self.show is not None:
                self.show(self.next, self.ready[self.next])
            self.next += 1

    def echo(self, text: str) -> None:
        """Print a block of text to stdout, above the bar when both share a terminal."""
        if self._progress is not None and sys.stdout.isatty():
            from rich.text import Text

            self._progress.console.print(Text.from_ansi(text), soft_wrap=True,
                                         highlight=False)
        else:
            import typer

            typer.echo(text)
