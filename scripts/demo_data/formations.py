"""The training file (`formations`): a few purchasing-staff training sessions a year, sessions
on the first and last day of a year, and a blank line inside the file."""

from __future__ import annotations

from .planted import Bad, invalid_copies
from .spellings import fmt_date
from .timeline import HISTORY_YEAR, YEARS, random_day
from .writer import Context, write_table

# (title, theme)
TRAININGS = (
    ("Achats responsables : clauses sociales et insertion", "Achats responsables"),
    ("Loi Climat et résilience : considérations environnementales", "Environnement"),
    ("Délais de paiement et dématérialisation des factures", "Finances"),
    ("Sourcing et relation fournisseurs", "Commande publique"),
    ("Marchés innovants sous 100 000 € HT", "Commande publique"),
    ("Déontologie; prévention des conflits d'intérêts", "Éthique"),
    ("Calcul du coût global et analyse du cycle de vie", "Environnement"),
)
# Sessions on the first and last day of a year: (id, day, training, participants).
YEAR_EDGES = (("FOR-2025-31", "31/12/2025", 0, "9"), ("FOR-2026-00", "01/01/2026", 3, ""))


def make_formations(ctx: Context) -> None:
    if "formations" in ctx.profile.absent:
        return
    rng = ctx.rng("formations")
    rows = []
    for year in (HISTORY_YEAR, *YEARS):
        for i in range(1, rng.randint(3, 6) + 1):
            title, theme = rng.choice(TRAININGS)
            rows.append(
                dict(
                    id_session=f"FOR-{year}-{i:02d}",
                    date_session=fmt_date(random_day(rng, year)),
                    intitule=title,
                    theme=theme,
                    nb_participants=str(rng.randint(5, 24)),
                )
            )
    for session, day, training, participants in YEAR_EDGES:
        title, theme = TRAININGS[training]
        rows.append(
            dict(
                id_session=session,
                date_session=day,
                intitule=title,
                theme=theme,
                nb_participants=participants,
            )
        )
    write_table(ctx, "formations", rows, planted(rows[-3]), blank_after=5)


def planted(template: dict[str, str]) -> list[Bad]:
    cases = (
        ("FOR-2025-90", "invalid date", "date_session", "2025-10-01"),
        ("FOR-2025-91", "invalid integer", "nb_participants", "douze"),
    )
    return invalid_copies(template, "id_session", cases)
