"""The housing file (`logements`): the filiale's units at each snapshot date, their heating
and hot-water modes and energies (heat networks with their renewable share), and energy labels;
units delivered in 2025 and sold in 2026, conversions to heat pumps, a mid-year snapshot."""

from __future__ import annotations

from datetime import date, datetime
from random import Random

from .planted import Bad, duplicate, invalid_copies
from .profiles import Profile
from .spellings import fmt_date, spell
from .writer import Context, write_table

ENERGY_SPELLING = {"ELECTRICITE": "Électricité", "GEOTHERMIE": "Géothermie"}
# Renewable share of each heat network by year: one crosses the 50 % line.
NETWORKS = {
    2023: ("45", "62,5"),
    2024: ("49,9", "62,5"),
    2025: ("50", "62,5"),
    2026: ("55,3", "64"),
}
# (mode, energy) of heating and of hot water, weighted; overseas, no heating is common.
DROM_HEATING = (
    ("Aucun", ""),
    ("Aucun", ""),
    ("Individuel", "ELECTRICITE"),
    ("Collectif", "PAC"),
    ("Collectif", "ELECTRICITE"),
)
DROM_HOT_WATER = (
    ("Collectif", "SOLAIRE"),
    ("Collectif", "ELECTRICITE"),
    ("Individuel", "SOLAIRE"),
    ("Collectif", "SOLAIRE"),
)
HEATING = (
    ("Collectif", "GAZ"),
    ("Collectif", "GAZ"),
    ("Collectif", "RCU"),
    ("Collectif", "RCU"),
    ("Collectif", "FIOUL"),
    ("Collectif", "BOIS"),
    ("Collectif", "GEOTHERMIE"),
    ("Individuel", "GAZ"),
    ("Individuel", "ELECTRICITE"),
    ("", ""),
)
# (id, commune, heating, hot water, network, energy label, converts to a heat pump in 2025)
Unit = tuple[str, str, tuple[str, str], tuple[str, str], int, str, bool]


def draw_units(rng: Random, p: Profile) -> list[Unit]:
    drom = p.drom.upper().startswith("O")
    units = []
    for n in range(1, p.logements_units + 1):
        insee = rng.choice(p.communes)[0]
        if drom:
            heat = rng.choice(DROM_HEATING)
            ecs = rng.choice(DROM_HOT_WATER)
        else:
            heat = rng.choice(HEATING)
            ecs = rng.choice((heat, heat, ("Individuel", "ELECTRICITE"), ("Collectif", "SOLAIRE")))
        network = rng.randrange(2)
        dpe = rng.choice("BCCDDDEEFG")
        converts = heat[1] in ("GAZ", "FIOUL") and rng.random() < 0.25
        units.append(
            (f"{p.ids_prefix or p.code[:3]}-L{n:05d}", insee, heat, ecs, network, dpe, converts)
        )
    return units


def snapshot_rows(rng: Random, units: list[Unit], snapshot: date) -> list[dict[str, str]]:
    rows = []
    mid_year = snapshot.month != 12
    for i, (uid, insee, heat, ecs, network, dpe, converts) in enumerate(units):
        if snapshot.year < 2025 and i >= len(units) - 4:
            continue  # units delivered in 2025
        if snapshot.year == 2026 and i % 17 == 3:
            continue  # units sold in 2026
        mode, energy = heat
        if converts and snapshot.year >= 2025 and not mid_year:
            energy = "PAC"
        if mid_year and energy == "RCU":
            energy = "GAZ"  # a mid-year snapshot that the year-end one supersedes
        rate = ""
        if "RCU" in (energy, ecs[1]):
            rate = NETWORKS[snapshot.year][network] if i % 11 else ""
        rows.append(
            dict(
                id_logement=uid,
                date_situation=fmt_date(snapshot),
                code_commune=insee,
                chauffage_mode=spell(rng, mode, 0.1) if mode else "",
                chauffage_energie=spell(rng, ENERGY_SPELLING.get(energy, energy), 0.2)
                if energy
                else "",
                ecs_mode=spell(rng, ecs[0], 0.1),
                ecs_energie=ecs[1],
                rcu_taux_enrr_pct=rate,
                etiquette_dpe=dpe if snapshot.year < 2026 or dpe not in "FG" else "E",
            )
        )
    return rows


def planted(rows: list[dict[str, str]]) -> list[Bad]:
    template = rows[-1]
    repeat = duplicate(rows[7], ("id_logement", "date_situation"), chauffage_energie="FIOUL")
    # The key as the staging reads it: the id and the parsed date.
    day = datetime.strptime(rows[7]["date_situation"], "%d/%m/%Y").date()
    repeat.value = repr((rows[7]["id_logement"], day))
    cases = (
        ("X-L99990", "invalid date", "date_situation", "31/12/2O25"),
        ("X-L99991", "unknown coded value", "chauffage_energie", "MAZOUT"),
    )
    rate = ("X-L99992", "invalid number", "rcu_taux_enrr_pct", "62.5")
    return [
        repeat,
        *invalid_copies(template, "id_logement", cases),
        *invalid_copies({**template, "chauffage_energie": "RCU"}, "id_logement", (rate,)),
    ]


def make_logements(ctx: Context) -> None:
    p = ctx.profile
    if "logements" in p.absent:
        return
    rng = ctx.rng("logements")
    units = draw_units(rng, p)
    rows = [row for snapshot in p.snapshots for row in snapshot_rows(rng, units, snapshot)]
    write_table(ctx, "logements", rows, planted(rows))
