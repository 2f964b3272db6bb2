"""The demo's calendar: the years it covers and the day its delivery was extracted."""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

# The year before the indicators' years: only its last months, for the rules that look back.
HISTORY_YEAR = 2023
YEARS = (2024, 2025, 2026)
# The delivery is an extraction made in mid-January 2027: nothing happens after it.
AS_OF = date(2027, 1, 15)


def random_day(rng: Random, year: int, first: int = 1, last: int = 12) -> date:
    """A day of `year` between the first day of month `first` and the last of month `last`."""
    start = date(year, first, 1)
    end = date(year + (last == 12), 1 if last == 12 else last + 1, 1)
    return start + timedelta(days=rng.randrange((end - start).days))
