"""The supplier events file (`evenements_fournisseurs`): a few meetings with suppliers a year,
by type."""

from __future__ import annotations

from .planted import invalid_copies
from .spellings import fmt_date, spell
from .timeline import HISTORY_YEAR, YEARS, random_day
from .writer import Context, write_table

# Event type -> the titles an event of that type may hold.
EVENTS = {
    "RENCONTRE_FOURNISSEURS": (
        "Rencontre des entreprises locales du BTP",
        "Forum des TPE-PME : nos consultations de l'année",
        "Matinale achats avec la CCI",
    ),
    "SENSIBILISATION_ENTREPRISES": (
        'Petit-déjeuner "Répondre à nos consultations"',
        "Atelier dématérialisation et signature électronique",
        "Webinaire clauses sociales; insertion par l'activité économique",
    ),
    "SUIVI_EXECUTION": (
        "Revue annuelle d'exécution - multiservices",
        "Comité de suivi du marché de nettoyage",
    ),
    "SOURCING": (
        "Sourcing - matériaux biosourcés",
        "Sourcing - solutions de pilotage énergétique",
    ),
}


def make_evenements(ctx: Context) -> None:
    rng = ctx.rng("evenements_fournisseurs")
    rows = []
    types = tuple(EVENTS)
    for year in (HISTORY_YEAR, *YEARS):
        for i in range(1, rng.randint(3, 6) + 1):
            kind = rng.choice(types)
            rows.append(
                dict(
                    id_evenement=f"EVT-{year}-{i:02d}",
                    date_evenement=fmt_date(random_day(rng, year)),
                    type_evenement=spell(rng, kind, 0.2),
                    intitule=rng.choice(EVENTS[kind]),
                    nb_entreprises=str(rng.randint(6, 80)) if rng.random() < 0.9 else "",
                )
            )
    template = rows[-1]
    cases = (
        ("EVT-2025-90", "unknown coded value", "type_evenement", "SALON_PROFESSIONNEL"),
        ("EVT-2025-91", "required field empty", "date_evenement", ""),
    )
    bad = invalid_copies(template, "id_evenement", cases)
    write_table(ctx, "evenements_fournisseurs", rows, bad)
