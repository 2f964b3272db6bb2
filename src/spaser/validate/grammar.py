"""The value syntax of the input contract, as the delivery validation checks it.

The staging models read every value with the parsing macros of
macros/parsing/ (`parse_by_kind`): they are the rule. Great Expectations
cannot run them, so this module says the same per column kind: a regex
(the suite's match expectation) and, for what a regex cannot say (a
calendar, a bound, a check digit), value checks run on the values the regex
accepts, whose failures the suite expects to be none (derived columns).

One table of cases, tests/dbt/fixtures/parsing/parsing_cases.csv, holds the
verdicts both must give: a pytest runs it through this module, a dbt unit
test through the macros.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from spaser.contract import AMOUNT, BOOLEAN, DATE, INTEGER, NUMBER, SIRET
from spaser.outputs import project_vars

# The bounds are the build's own vars, read where dbt reads them.
_VARS = project_vars()
EARLIEST_VALID_DATE = date.fromisoformat(_VARS["earliest_valid_date"])
MAX_ABS_AMOUNT = Decimal(str(_VARS["max_abs_amount_eur"]))
# parse_amount stores decimal(18, 4), rounding half away from zero, before the bound applies.
AMOUNT_QUANTUM = Decimal("0.0001")
# parse_integer casts to BIGINT: beyond it the value cannot be read.
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1
# La Poste's establishments (SIREN 356000000) have their own check digit rule.
LA_POSTE_SIREN = "356000000"

# The regexes below hold the three spaces as literal characters rather than
# escapes: pandas evaluates them with Python's `re` or with pyarrow's RE2
# depending on the string storage, and the two spell `\u202f` differently.
SPACES = " \u00a0\u202f"
_SP = f"[{SPACES}]"
_INTEGER_PART = f"(?:[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+|[0-9]+)"
DATE_PATTERN = "^[0-9]{2}/[0-9]{2}/[0-9]{4}$"
NUMBER_PATTERN = f"^-?{_INTEGER_PART}(?:,[0-9]+)?$"
AMOUNT_PATTERN = f"^-?{_INTEGER_PART}(?:,[0-9]+)?(?:{_SP}€)?$"
INTEGER_PATTERN = f"^-?{_INTEGER_PART}$"
BOOLEAN_PATTERN = "^(?i:oui|non|o|n|1|0)$"
SIRET_PATTERN = "^[0-9]{14}$"
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
_DECIMAL_SYNTAX = (
    "a decimal comma, an optional minus sign, optional thousands separators (a space, "
    "no-break space or narrow no-break space between groups of 3 digits)"
)


@dataclass(frozen=True)
class ValueCheck:
    """A rule on the values the kind's regex accepts. `find` returns the values that break
    it (null elsewhere): the suite expects that derived column, named by `column`, empty."""

    suffix: str
    check: str
    rule: str
    find: Callable[[pd.Series], pd.Series]

    def column(self, name: str) -> str:
        return f"{name} ({self.suffix})"


@dataclass(frozen=True)
class Syntax:
    """A kind's regex: `check` labels it on the console, `rule` follows '<column> is '."""

    check: str
    rule: str
    pattern: str


def remove_spaces(values: pd.Series) -> pd.Series:
    """A SIRET as parse_siret reads it: its inner spaces removed."""
    return values.str.replace(_SP, "", regex=True)


def _accepted(values: pd.Series, pattern: str) -> pd.Series:
    return values[values.str.contains(pattern, na=False)]


def _listed(values: pd.Series, failing: pd.Series) -> pd.Series:
    return failing.reindex(values.index).astype("str")


def _calendar(shaped: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """For JJ/MM/AAAA values: whether each is a calendar date, and its date as AAAAMMJJ."""
    day = shaped.str.slice(0, 2).astype("int64").to_numpy()
    month = shaped.str.slice(3, 5).astype("int64").to_numpy()
    year = shaped.str.slice(6, 10).astype("int64").to_numpy()
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_length = _DAYS_IN_MONTH[np.clip(month, 0, 12)] + ((month == 2) & leap)
    real = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= month_length)
    return real, year * 10000 + month * 100 + day


def impossible_dates(values: pd.Series) -> pd.Series:
    """The values shaped JJ/MM/AAAA that are no calendar date (31/02/2025).

    The shape itself is the regex's business: keeping the two apart reports
    each bad value once.
    """
    shaped = _accepted(values, DATE_PATTERN)
    real, _ = _calendar(shaped)
    return _listed(values, shaped[~real])


def dates_before_earliest(values: pd.Series) -> pd.Series:
    """The calendar dates before the var earliest_valid_date."""
    shaped = _accepted(values, DATE_PATTERN)
    real, day_number = _calendar(shaped)
    earliest = EARLIEST_VALID_DATE
    early = day_number < earliest.year * 10000 + earliest.month * 100 + earliest.day
    return _listed(values, shaped[real & early])


def _plain_numbers(shaped: pd.Series) -> pd.Series:
    """Readable numbers as Python reads them: no spaces, no euro sign, a decimal point."""
    return shaped.str.replace(f"{_SP}|€", "", regex=True).str.replace(",", ".")


def _whole_digits(numbers: pd.Series) -> np.ndarray:
    """How many digits the integer part of a plain number has, leading zeros aside."""
    digits = numbers.str.extract("^-?0*([0-9]*)", expand=False).str.len()
    return digits.to_numpy(dtype="int64")


def amounts_beyond_bound(values: pd.Series) -> pd.Series:
    """The amounts whose absolute value, rounded as stored, is beyond the var max_abs_amount_eur.

    Only an amount with as many integer digits as the bound can fall on either
    side of it: those alone are read exactly (a Python loop over a handful).
    """
    shaped = _accepted(values, AMOUNT_PATTERN)
    numbers = _plain_numbers(shaped)
    digits = _whole_digits(numbers)
    bound_digits = len(str(int(MAX_ABS_AMOUNT)))
    beyond = digits > bound_digits
    close = digits == bound_digits
    beyond[close] = [
        abs(Decimal(number).quantize(AMOUNT_QUANTUM, ROUND_HALF_UP)) > MAX_ABS_AMOUNT
        for number in numbers[close]
    ]
    return _listed(values, shaped[beyond])


def integers_beyond_bigint(values: pd.Series) -> pd.Series:
    """The whole numbers a BIGINT cannot hold (19 digits or more are read exactly)."""
    shaped = _accepted(values, INTEGER_PATTERN)
    numbers = remove_spaces(shaped)
    beyond = _whole_digits(numbers) >= len(str(BIGINT_MAX))
    beyond[beyond] = [not BIGINT_MIN <= int(number) <= BIGINT_MAX for number in numbers[beyond]]
    return _listed(values, shaped[beyond])


def siret_bad_keys(values: pd.Series) -> pd.Series:
    """The 14-digit SIRETs whose check digit is wrong: Luhn, or for La Poste the sum of
    the 14 digits a multiple of 5 (as parse_siret)."""
    shaped = _accepted(values, SIRET_PATTERN)
    text = "".join(shaped).encode("ascii")
    digits = (np.frombuffer(text, dtype=np.uint8).reshape(-1, 14) - ord("0")).astype("int64")
    # Luhn from the right doubles the 2nd, 4th, ... digits: the odd positions from the left.
    doubled = digits[:, 0::2] * 2
    luhn = (doubled - 9 * (doubled > 9)).sum(axis=1) + digits[:, 1::2].sum(axis=1)
    la_poste = shaped.str.startswith(LA_POSTE_SIREN).to_numpy(dtype=bool)
    valid = np.where(la_poste, digits.sum(axis=1) % 5 == 0, luhn % 10 == 0)
    return _listed(values, shaped[~valid])


def out_of_range(
    values: pd.Series, kind: str, minimum: float | None, maximum: float | None
) -> pd.Series:
    """The readable numbers outside a column's contract bounds (a negative count, a
    percentage beyond 100), as staging's reject_if_out_of_range."""
    shaped = _accepted(values, SYNTAX[kind].pattern)
    for check in VALUE_CHECKS.get(kind, ()):
        shaped = shaped[check.find(shaped).isna()]
    numbers = pd.to_numeric(_plain_numbers(shaped))
    outside = np.zeros(len(shaped), dtype=bool)
    if minimum is not None:
        outside |= (numbers < minimum).to_numpy(dtype=bool)
    if maximum is not None:
        outside |= (numbers > maximum).to_numpy(dtype=bool)
    return _listed(values, shaped[outside])


SYNTAX: dict[str, Syntax] = {
    DATE: Syntax("date not JJ/MM/AAAA", "a date written JJ/MM/AAAA.", DATE_PATTERN),
    AMOUNT: Syntax(
        "invalid amount",
        f"an amount: {_DECIMAL_SYNTAX}, and an optional trailing euro sign after one of "
        "those spaces (1 234 567,89; -500,00; 12 000 €).",
        AMOUNT_PATTERN,
    ),
    NUMBER: Syntax("invalid number", f"a number: {_DECIMAL_SYNTAX} (62,5; 1 200).", NUMBER_PATTERN),
    INTEGER: Syntax(
        "invalid integer",
        "a whole number, with an optional minus sign and optional thousands separators as "
        "in amounts.",
        INTEGER_PATTERN,
    ),
    BOOLEAN: Syntax(
        "invalid boolean", "a boolean: Oui/Non, O/N or 1/0, in any case.", BOOLEAN_PATTERN
    ),
    SIRET: Syntax(
        "SIRET not 14 digits",
        "a SIRET: 14 digits once spaces are removed (its check digit is checked apart).",
        SIRET_PATTERN,
    ),
}

_BEFORE = f"{EARLIEST_VALID_DATE:%d/%m/%Y}"
VALUE_CHECKS: dict[str, tuple[ValueCheck, ...]] = {
    DATE: (
        ValueCheck(
            "impossible date",
            "impossible date",
            "a value shaped JJ/MM/AAAA is a real calendar date (31/02/2025 is not); this "
            "column lists the ones that are not.",
            impossible_dates,
        ),
        ValueCheck(
            f"before {_BEFORE}",
            f"date before {_BEFORE}",
            f"a date is on or after {_BEFORE} (var earliest_valid_date: 01/01/0000 would make "
            "a delay of two thousand years); this column lists the ones before.",
            dates_before_earliest,
        ),
    ),
    AMOUNT: (
        ValueCheck(
            "beyond the bound",
            "amount beyond the bound",
            f"an amount is at most {MAX_ABS_AMOUNT} in absolute value once rounded to 4 "
            "decimals (var max_abs_amount_eur: every amount kept sums without overflow); this "
            "column lists the ones beyond.",
            amounts_beyond_bound,
        ),
    ),
    INTEGER: (
        ValueCheck(
            "beyond 64 bits",
            "integer beyond 64 bits",
            "a whole number fits in 64 bits (a BIGINT); this column lists the ones that do not.",
            integers_beyond_bigint,
        ),
    ),
    SIRET: (
        ValueCheck(
            "check digit wrong",
            "SIRET check digit wrong",
            "a SIRET of 14 digits passes its check: the Luhn key, or for La Poste (SIREN "
            "356000000) the sum of its 14 digits a multiple of 5; this column lists the ones "
            "that do not.",
            siret_bad_keys,
        ),
    ),
}
