"""copydesk: a fact-consistency checker for news copy.

    >>> import checker
    >>> report = checker.check_text("It opened on Thursday, 29 May 2024.")
    >>> [f.rule for f in report.findings]
    ['weekday-mismatch']
"""

from checker.engine import check_file, check_paths, check_text
from checker.model import Finding, Report, Severity, Span, Suggestion
from checker.nlp import load_pipeline
from checker.rules.base import Rule
from checker.source import InputError

__version__ = "0.1.0"
__all__ = ["Finding", "InputError", "Report", "Rule", "Severity", "Span", "Suggestion",
           "__version__", "check_file", "check_paths", "check_text", "load_pipeline"]
