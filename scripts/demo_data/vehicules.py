"""The fleet file (`vehicules`): the year-end and low-emission edge cases first, then a few
more vehicles drawn, each with its entry and exit dates."""

from __future__ import annotations

from datetime import date
from random import Random

from .planted import Bad, duplicate, invalid_copies
from .spellings import fmt_date, spell
from .writer import Context, write_table

# (energy, CO2 g/km, entry, exit): the year-end and low-emission edge cases.
EDGE_FLEET = (
    ("GO", "128", date(2020, 3, 2), date(2024, 12, 31)),
    ("ES", "119,5", date(2021, 5, 17), date(2025, 1, 1)),
    ("EL", "0", date(2025, 12, 31), None),
    ("el", "", date(2024, 6, 12), None),
    ("EE", "", date(2024, 2, 5), None),
    ("EE", "50", date(2023, 9, 14), None),
    ("EE", "50,4", date(2025, 4, 1), None),
    ("H2", "", date(2026, 2, 20), None),
    ("GO", "", date(2019, 1, 10), date(2026, 12, 31)),
)
ENERGIES = ("GO", "GO", "ES", "ES", "EL", "EL", "EE", "EH", "GP")
# CO2 range in g/km by energy.
CO2 = {
    "GO": (110, 175),
    "ES": (100, 160),
    "EL": (0, 0),
    "EE": (18, 49),
    "EH": (85, 115),
    "GP": (105, 130),
}
LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"


def plate(rng: Random, used: set[str]) -> str:
    while True:
        value = (
            f"{rng.choice('BCDEFG')}{rng.choice(LETTERS)}-{rng.randint(100, 999)}-"
            f"{rng.choice(LETTERS)}{rng.choice(LETTERS)}"
        )
        if value not in used:
            used.add(value)
            return value


def draw_fleet(rng: Random) -> list[tuple[str, str, date, date | None]]:
    fleet = list(EDGE_FLEET)
    for _ in range(rng.randint(14, 20)):
        energy = rng.choice(ENERGIES)
        entry = date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28))
        leave = None
        if entry.year < 2024 and rng.random() < 0.3:
            leave = date(rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 28))
        fleet.append((energy, str(rng.randint(*CO2[energy])), entry, leave))
    return fleet


def planted(rng: Random, rows: list[dict[str, str]], used: set[str]) -> list[Bad]:
    template = rows[-1]
    # A new plate for each, drawn in this order.
    cases = (
        (plate(rng, used), "required field empty", "energie", ""),
        (plate(rng, used), "invalid date", "date_entree_parc", "2024-03-01"),
        (plate(rng, used), "unknown coded value", "mode_detention", "LLD"),
        (plate(rng, used), "invalid number", "co2_g_km", "environ 120"),
    )
    bad = invalid_copies(template, "immatriculation", cases)
    return [*bad, duplicate(rows[2], ("immatriculation",))]


def make_vehicules(ctx: Context) -> None:
    if "vehicules" in ctx.profile.absent:
        return
    rng = ctx.rng("vehicules")
    used: set[str] = set()
    rows = [
        dict(
            immatriculation=plate(rng, used),
            energie=energy,
            co2_g_km=co2,
            date_entree_parc=fmt_date(entry),
            date_sortie_parc=fmt_date(leave),
            mode_detention=spell(rng, rng.choice(("Propriété", "Location")), 0.3),
        )
        for energy, co2, entry, leave in draw_fleet(rng)
    ]
    rng.shuffle(rows)
    write_table(ctx, "vehicules", rows, planted(rng, rows, used))
