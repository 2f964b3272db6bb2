"""The filiales of the demo and the habits of their export tools.

The demo's four filiales each exercise part of the contract's format variety (BOM, CRLF,
column order, extra columns, quoting, amount spellings) and its gaps (absent extracts, an
extract with a header only). A larger delivery copies them under codes of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spaser.contract import FILIALE_EXTRACTS

from .places import IDF, PACA_CORSE, REUNION, RHONE_ALPES
from .spellings import NBSP, NNBSP


@dataclass(frozen=True)
class Profile:
    """One filiale and the habits of its export tools."""

    code: str
    name: str
    siren: str
    departements: str
    drom: str
    domain: str
    communes: tuple[tuple[str, str, str], ...]
    bom: frozenset[str] = frozenset()
    shuffled: frozenset[str] = frozenset()
    crlf: bool = False
    quote_all: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    header_only: frozenset[str] = frozenset()
    # VAT rates in per mille: La Réunion has reduced rates (8.5 %, 2.1 %).
    vat: tuple[int, ...] = (1200, 1200, 1200, 1100, 1055)
    # Amount spellings: (thousands separator, space before a trailing euro sign or None).
    amount_styles: tuple[tuple[str, str | None], ...] = (("", None),)
    pay_speed: float = 1.0
    programmed_rate: float = 0.92
    ids_prefix: str = ""
    logements_units: int = 48
    snapshots: tuple[date, ...] = ()
    position: int = 0  # in filiales.csv: it shifts each filiale's cycle of planted bad rows
    # The demo filiale whose export habits, residences and documents a copy reuses.
    habits: str = ""

    def __post_init__(self) -> None:
        if not self.habits:
            object.__setattr__(self, "habits", self.code)


PROFILES = (
    Profile(
        code="SEQENS",
        name="Seqens",
        siren="582142816",
        departements="75|77|78|91|92|93|94|95",
        drom="N",
        domain="seqens.fr",
        communes=IDF,
        bom=frozenset({"fournisseurs", "marches"}),
        shuffled=frozenset({"factures_2025_2026"}),
        amount_styles=(("", None), ("", None), (" ", None), (NBSP, None), (" ", " "), ("", " ")),
        pay_speed=0.8,
        programmed_rate=0.95,
        snapshots=(
            date(2023, 12, 31),
            date(2024, 12, 31),
            date(2025, 6, 30),
            date(2025, 12, 31),
            date(2026, 12, 31),
        ),
    ),
    Profile(
        code="SIDR",
        name="Société Immobilière du Département de la Réunion",
        siren="310863592",
        departements="974",
        drom="O",
        domain="sidr.fr",
        communes=REUNION,
        bom=frozenset(FILIALE_EXTRACTS),
        shuffled=frozenset({"fournisseurs", "marches", "factures", "logements", "vehicules"}),
        crlf=True,
        vat=(1085, 1085, 1085, 1021),
        amount_styles=((NBSP, None), (NBSP, NBSP), ("", None), (NBSP, " ")),
        pay_speed=1.4,
        programmed_rate=0.85,
        ids_prefix="SIDR-",
        logements_units=40,
        snapshots=(date(2024, 12, 31), date(2025, 12, 31), date(2026, 12, 31)),
    ),
    Profile(
        code="ERILIA",
        name="Erilia",
        siren="058811670",
        departements="13|83| 84 |06|04|05|2A|2B",
        drom="Non",
        domain="erilia.fr",
        communes=PACA_CORSE,
        shuffled=frozenset({"avenants", "operations"}),
        quote_all=frozenset({"documents", "formations"}),
        amount_styles=(("", None), ("", None), (NNBSP, None), (NNBSP, NNBSP), (" ", " ")),
        pay_speed=1.1,
        programmed_rate=0.9,
        logements_units=56,
        # No snapshot in 2026: the 2026 heating indicators are null for this filiale.
        snapshots=(date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31)),
    ),
    Profile(
        code="ALLIADE",
        name="Alliade Habitat",
        siren="960505458",
        departements="69|01|38|42|73|74",
        drom="n",
        domain="alliade.com",
        communes=RHONE_ALPES,
        bom=frozenset({"factures"}),
        # Absent extracts: their indicators are unknown (null), not zero.
        absent=frozenset({"vehicules", "logements", "formations"}),
        # Present without any row: its counts are 0.
        header_only=frozenset({"evenements_fournisseurs"}),
        amount_styles=(("", None), (" ", " "), (NNBSP, " ")),
        pay_speed=0.9,
        programmed_rate=0.97,
    ),
)


def profiles(count: int = len(PROFILES), housing_units: int | None = None) -> list[Profile]:
    """The demo's four filiales, then as many more as asked: each a copy of one of the four
    under a code and SIREN of its own, so its random streams, hence its rows, differ. With
    `housing_units`, every filiale that delivers housing has that many units per snapshot."""
    chosen = []
    for position in range(count):
        base = PROFILES[position % len(PROFILES)]
        profile = base
        if position >= len(PROFILES):
            copy = position // len(PROFILES) + 1
            profile = replace(
                base,
                code=f"{base.code}_{copy:02d}",
                name=f"{base.name} ({copy:02d})",
                siren=f"{(int(base.siren) + position) % 10**9:09d}",
            )
        if housing_units is not None:
            profile = replace(profile, logements_units=housing_units)
        chosen.append(replace(profile, position=position))
    return chosen
