"""The value syntax of the input contract, as the delivery validation checks it.

There is one grammar of raw values: the parsing macros of macros/parsing/
(with the vars they read: accepted_date_formats, thousands_separators, the
bounds), by which the staging models read every value (`parse_by_kind`).
The validation does not restate them: it renders the same macros with the
project's vars, as dbt does, and runs their SQL in DuckDB over the delivered
values. Great Expectations then reads the outcome:

- a kind's shape is the macro's own regex (`date_pattern()`, ...), which
  the suite's match expectation checks;
- what a regex cannot say (a calendar, a bound, a check digit) is a derived
  column listing the values whose shape passes and whose parse, or a stage
  of it, fails; the suite expects it empty.

So an accepted format added to a macro or a var reaches both at once
(docs/grammar.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import jinja2
import pandas as pd

from spaser.constants import PROJECT_DIR
from spaser.contract import AMOUNT, BOOLEAN, DATE, INTEGER, NUMBER, SIRET
from spaser.outputs import project_vars

MACROS_DIR = PROJECT_DIR / "macros"
# The parsing macros and the two helpers they call (SQL literals).
MACRO_FILES = (
    "parsing/parse_values.sql",
    "parsing/siret_and_places.sql",
    "parsing/reject_reasons.sql",
    "paths.sql",
    "extracts.sql",
)


@dataclass(frozen=True)
class Syntax:
    """A kind's regex, the macro `pattern_macro` called with `pattern_args`: `check` labels
    it on the console, `rule` follows '<column> is '."""

    check: str
    rule: str
    pattern_macro: str
    pattern_args: tuple[Any, ...] = ()

    @property
    def pattern(self) -> str:
        return GRAMMAR.regex(self)


@dataclass(frozen=True)
class ValueCheck:
    """A rule on the values the kind's regex accepts: the derived column named by `column`
    lists the values for which the macro `after` (none: the shape) reads a value and the
    macro `stage` reads none; the suite expects it empty."""

    suffix: str
    check: str
    rule: str
    stage: str
    after: str | None = None

    def column(self, name: str) -> str:
        return f"{name} ({self.suffix})"


class Grammar:
    """The parsing macros rendered with plain Jinja and the project's vars (`overrides`
    replacing some), and a DuckDB connection to run their SQL."""

    def __init__(self, macros_dir: Path = MACROS_DIR, overrides: Mapping[str, Any] = ()):
        variables = {**project_vars(), **dict(overrides)}
        environment = jinja2.Environment(
            extensions=["jinja2.ext.do"], undefined=jinja2.StrictUndefined
        )
        environment.globals["var"] = lambda name, *default: variables.get(name, *default)
        source = "\n".join((macros_dir / f).read_text(encoding="utf-8") for f in MACRO_FILES)
        self._environment = environment
        self._macros = environment.from_string(source).module
        self._connection: duckdb.DuckDBPyConnection | None = None

    def sql(self, macro: str, *args: Any) -> str:
        return str(getattr(self._macros, macro)(*args)).strip()

    def render(self, template: str) -> str:
        """A template calling the public macros, as `dbt compile --inline` renders it."""
        macros = {name: getattr(self._macros, name) for name in dir(self._macros)}
        return self._environment.from_string(template, globals=macros).render()

    def _pattern(self, syntax: Syntax) -> str:
        return self.sql(syntax.pattern_macro, *syntax.pattern_args)

    def regex(self, syntax: Syntax) -> str:
        """A kind's pattern as the suite matches it (pandas): anchored, as regexp_full_match."""
        return f"^(?:{self._pattern(syntax)})$"

    def shaped(self, kind: str, expression: str) -> str:
        pattern = self._pattern(SYNTAX[kind])
        return f"regexp_full_match({expression}, {self.sql('sql_string', pattern)})"

    def parse(self, kind: str, expression: str) -> str:
        return self.sql(f"parse_{kind}", expression)

    def failing(self, kind: str, check: ValueCheck, expression: str) -> str:
        """The condition under which `check` lists the value of `expression`."""
        before = (
            f"({self.sql(check.after, expression)}) is not null"
            if check.after
            else self.shaped(kind, expression)
        )
        return f"{before} and ({self.sql(check.stage, expression)}) is null"

    def out_of_range(self, kind: str, expression: str, minimum, maximum) -> str:
        """The reject of staging's reject_if_out_of_range, on the value the kind reads."""
        parsed = f"({self.parse(kind, expression)})"
        return self.sql("reject_if_out_of_range", expression, parsed, minimum, maximum)

    def run(self, frame: pd.DataFrame, expressions: Mapping[str, str]) -> pd.DataFrame:
        """Each SQL expression over the rows of `frame` (its columns by name), as text."""
        if not expressions:
            return pd.DataFrame(index=frame.index)
        if self._connection is None:
            self._connection = duckdb.connect()
        rows = frame.reset_index(drop=True).assign(grammar_row=range(len(frame)))
        selected = ", ".join(
            f'({sql})::varchar as "{name.replace(chr(34), chr(34) * 2)}"'
            for name, sql in expressions.items()
        )
        self._connection.register("grammar_rows", rows)
        try:
            result = self._connection.execute(
                f"select {selected} from grammar_rows order by grammar_row"
            ).df()
        finally:
            self._connection.unregister("grammar_rows")
        result.index = frame.index
        return result.astype("str")

    def listed(self, values: pd.Series, condition: str) -> pd.Series:
        """The values for which a condition on `value` holds, null elsewhere."""
        frame = pd.DataFrame({"value": values})
        found = self.run(frame, {"found": f"case when {condition} then value end"})
        return found["found"]

    def find(self, kind: str, check: ValueCheck, values: pd.Series) -> pd.Series:
        return self.listed(values, self.failing(kind, check, "value"))

    def read(self, kind: str, values: pd.Series) -> pd.Series:
        """Each value as the build reads it, as text (null when it cannot)."""
        frame = pd.DataFrame({"value": values})
        return self.run(frame, {"read": self.parse(kind, "value")})["read"]

    def normalized_codes(self, codes: Sequence[str]) -> list[str]:
        frame = pd.DataFrame({"value": pd.Series(list(codes), dtype="str")})
        normalized = self.run(frame, {"code": self.sql("normalize_code", "value")})["code"]
        return sorted(set(normalized))


GRAMMAR = Grammar()
_DECIMAL_SYNTAX = (
    "a decimal comma, an optional minus sign, optional thousands separators (a space, "
    "no-break space or narrow no-break space between groups of 3 digits)"
)


SYNTAX: dict[str, Syntax] = {
    DATE: Syntax("date not JJ/MM/AAAA", "a date written JJ/MM/AAAA.", "date_pattern"),
    AMOUNT: Syntax(
        "invalid amount",
        f"an amount: {_DECIMAL_SYNTAX}, and an optional trailing euro sign after one of "
        "those spaces (1 234 567,89; -500,00; 12 000 €).",
        "decimal_pattern",
        (True,),
    ),
    NUMBER: Syntax(
        "invalid number", f"a number: {_DECIMAL_SYNTAX} (62,5; 1 200).", "decimal_pattern", (False,)
    ),
    INTEGER: Syntax(
        "invalid integer",
        "a whole number, with an optional minus sign and optional thousands separators as "
        "in amounts.",
        "integer_pattern",
    ),
    BOOLEAN: Syntax(
        "invalid boolean", "a boolean: Oui/Non, O/N or 1/0, in any case.", "boolean_pattern"
    ),
    SIRET: Syntax(
        "SIRET not 14 digits",
        "a SIRET: 14 digits once spaces are removed (its check digit is checked apart).",
        "siret_pattern",
    ),
}

# The bounds in the messages are the build's own vars, read where dbt reads them.
_VARS = project_vars()
_BEFORE = f"{date.fromisoformat(_VARS['earliest_valid_date']):%d/%m/%Y}"
_BOUND = Decimal(str(_VARS["max_abs_amount_eur"]))
VALUE_CHECKS: dict[str, tuple[ValueCheck, ...]] = {
    DATE: (
        ValueCheck(
            "impossible date",
            "impossible date",
            "a value shaped JJ/MM/AAAA is a real calendar date (31/02/2025 is not); this "
            "column lists the ones that are not.",
            stage="read_date",
        ),
        ValueCheck(
            f"before {_BEFORE}",
            f"date before {_BEFORE}",
            f"a date is on or after {_BEFORE} (var earliest_valid_date: 01/01/0000 would make "
            "a delay of two thousand years); this column lists the ones before.",
            stage="parse_date",
            after="read_date",
        ),
    ),
    AMOUNT: (
        ValueCheck(
            "beyond the bound",
            "amount beyond the bound",
            f"an amount is at most {_BOUND} in absolute value once rounded to 4 "
            "decimals (var max_abs_amount_eur: every amount kept sums without overflow); this "
            "column lists the ones beyond.",
            stage="parse_amount",
        ),
    ),
    INTEGER: (
        ValueCheck(
            "beyond 64 bits",
            "integer beyond 64 bits",
            "a whole number fits in 64 bits (a BIGINT); this column lists the ones that do not.",
            stage="parse_integer",
        ),
    ),
    SIRET: (
        ValueCheck(
            "check digit wrong",
            "SIRET check digit wrong",
            "a SIRET of 14 digits passes its check: the Luhn key, or for La Poste (SIREN "
            "356000000) the sum of its 14 digits a multiple of 5; this column lists the ones "
            "that do not.",
            stage="parse_siret",
        ),
    ),
}
