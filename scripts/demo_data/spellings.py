"""How the filiales' export tools spell values: dates, amounts, booleans, coded values, lists."""

from __future__ import annotations

from datetime import date
from random import Random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .profiles import Profile

NBSP = "\u00a0"
NNBSP = "\u202f"
BOOL_TRUE = ("Oui", "Oui", "oui", "OUI", "O", "o", "1")
BOOL_FALSE = ("Non", "Non", "non", "NON", "N", "n", "0")

# Every day the demo writes, spelled once: the invoice loop looks them up by ordinal.
EPOCH = date(2015, 1, 1).toordinal()
DATES = [date.fromordinal(EPOCH + i).strftime("%d/%m/%Y") for i in range(366 * 16)]


def fmt_date(d: date | None) -> str:
    return "" if d is None else DATES[d.toordinal() - EPOCH]


def fmt_amount(cents: int, sep: str = "", euro: str | None = None, whole: bool = False) -> str:
    units, rest = divmod(abs(cents), 100)
    text = f"{units:,}".replace(",", sep) if sep else str(units)
    if not (whole and rest == 0):
        text += f",{rest:02d}"
    if cents < 0:
        text = "-" + text
    return text if euro is None else f"{text}{euro}€"


def amount_text(rng: Random, p: Profile, cents: int) -> str:
    """An amount in one of the filiale's spellings, its zero cents sometimes left out."""
    sep, euro = rng.choice(p.amount_styles)
    return fmt_amount(cents, sep, euro, whole=rng.random() < 0.5)


def fmt_bool(rng: Random, value: bool | None) -> str:
    if value is None:
        return ""
    return rng.choice(BOOL_TRUE if value else BOOL_FALSE)


def spell(rng: Random, code: str, p: float = 0.15) -> str:
    """A coded value as exports write it: mostly canonical, sometimes another case or no accent."""
    if rng.random() >= p:
        return code
    plain = code.translate(str.maketrans("éèêÉÈÀàç", "eeeEEAac"))
    return rng.choice((code.lower(), code.upper(), plain, plain.upper(), f" {code} "))


def join_list(rng: Random, items: list[str]) -> str:
    """A list field: `|`-separated, sometimes padded or with a trailing separator."""
    if not items:
        return ""
    r = rng.random()
    if r < 0.1:
        return " | ".join(items)
    if r < 0.15:
        return "|".join(items) + "|"
    return "|".join(items)
