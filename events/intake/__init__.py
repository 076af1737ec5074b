"""Reading a press note of an event into a proposed draft (issue 19).

`read_report(text, language=None, published_on=None)` returns a `Proposal`
whose `as_json()` follows events/intake/schema.json, with an "evidence" key
giving the spans and confidence of each value; `ReportError` carries a
message for the official when the text cannot be read.
"""

from .proposal import Proposal
from .reader import read_report
from .text import ReportError

__all__ = ["Proposal", "ReportError", "read_report"]
