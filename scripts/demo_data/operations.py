"""The operations file (`operations`): each year's new builds, rehabilitations and works on
components, whose lots are contracts of the `marches` file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from .places import RESIDENCES
from .planted import Bad, invalid_copies
from .spellings import fmt_bool, fmt_date, join_list, spell
from .timeline import AS_OF, random_day
from .writer import Context, write_table

# The operations a filiale launches every year, in this order.
PLAN = (
    "CONSTRUCTION_NEUVE",
    "CONSTRUCTION_NEUVE",
    "REHABILITATION",
    "REHABILITATION",
    "MAINTENANCE",
    "RENOUVELLEMENT_COMPOSANTS",
)
# The labels a new build may hold, as its export spells them.
NEW_BUILD_LABELS = (
    ["BBCA"],
    ["NF_HABITAT_HQE"],
    ["BATIMENT_BIOSOURCE", "NF_HABITAT_HQE"],
    ["Passivhaus"],
    ["E+C-"],
    [],
    ["bbca", "E+C-"],
    ["NF_HABITAT_HQE"],
)


@dataclass
class Operation:
    id: str
    type: str
    start: date
    name: str


def describe(rng: Random, row: dict[str, str], kind: str, residence: str, town: str) -> None:
    """The subject, housing count, labels and energy labels of one operation, by its type."""
    if kind == "CONSTRUCTION_NEUVE":
        n = rng.randint(14, 90)
        row["libelle"] = f"Construction de {n} logements - {residence}, {town}"
        row["labels"] = join_list(rng, rng.choice(NEW_BUILD_LABELS))
        row["etiquette_dpe_apres"] = rng.choice(("A", "A", "B", "b"))
    elif kind == "REHABILITATION":
        n = rng.randint(30, 180)
        row["libelle"] = f"Réhabilitation thermique de {n} logements - {residence}, {town}"
        row["labels"] = rng.choice(("", "", "BBC_RENOVATION", "NF_HABITAT_HQE"))
        row["etiquette_dpe_avant"] = rng.choice(("D", "E", "E", "F", "G"))
        row["etiquette_dpe_apres"] = rng.choice(("A", "B", "B", "b", "C", "D", ""))
    elif kind == "MAINTENANCE":
        n = rng.randint(40, 250)
        row["libelle"] = f"Remplacement des chaudières - résidence {residence}"
    else:
        n = rng.randint(20, 120)
        row["libelle"] = f"Renouvellement des ascenseurs; halls - résidence {residence}"
    row["nb_logements"] = str(n)


def make_operations(ctx: Context) -> list[Operation]:
    p = ctx.profile
    rng = ctx.rng("operations")
    rows: list[dict[str, str]] = []
    ops: list[Operation] = []
    for year in range(2022, 2027):
        for i, kind in enumerate(PLAN, start=1):
            op_id = f"{p.ids_prefix}OP{year}-{i:02d}"
            start = random_day(rng, year)
            insee, _, town = rng.choice(p.communes)
            residence = rng.choice(RESIDENCES[p.habits])
            delivery = start + timedelta(days=rng.randint(330, 900))
            row = dict(
                id_operation=op_id,
                type_operation=spell(rng, kind, 0.1),
                code_commune=insee,
                date_ordre_service=fmt_date(start),
                date_livraison=fmt_date(delivery) if delivery <= AS_OF else "",
                charte_chantier_propre=fmt_bool(rng, rng.choice((True, True, True, False, None))),
            )
            describe(rng, row, kind, residence, town)
            rows.append(row)
            ops.append(Operation(op_id, kind, start, residence))
    write_table(ctx, "operations", rows, planted(rows[-1], p.ids_prefix))
    return ops


def planted(template: dict[str, str], prefix: str) -> list[Bad]:
    cases = (
        (f"{prefix}OP2025-90", "unknown coded value", "type_operation", "DEMOLITION"),
        (f"{prefix}OP2025-91", "invalid integer", "nb_logements", "12,5"),
        (f"{prefix}OP2025-92", "invalid date", "date_livraison", "30/02/2025"),
    )
    return invalid_copies(template, "id_operation", cases)
