"""The consultation file (`consultations`): each year's launches, their estimates around the
40 000 € threshold, and the ethics charter and mediator in their tender documents; in some
years one consultation above the threshold lacks one of them."""

from __future__ import annotations

from datetime import date
from random import Random

from .planted import Bad, duplicate, invalid_copies
from .profiles import Profile
from .purchases import CONTRACT_TERMS, OBJETS, OTHER_SEGMENTS, money
from .spellings import amount_text, fmt_bool, fmt_date
from .timeline import HISTORY_YEAR, YEARS, random_day
from .writer import Context, write_table


def estimate(rng: Random, segment: str) -> int | None:
    """Cents: unknown, exactly the threshold (not above it), or above it."""
    terms = CONTRACT_TERMS[segment]
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.2:
        return 4_000_000
    return money(rng, max(terms.low, 41_000), terms.high)


def year_rows(rng: Random, p: Profile, year: int) -> list[dict[str, str]]:
    n = 2 if year == HISTORY_YEAR else rng.randint(9, 13)
    # Whether the year's consultations above the threshold all hold the charter, the mediator:
    # if not, one exception (at a random rank) lacks it.
    charte_ok = rng.random() < 0.6
    mediateur_ok = rng.random() < 0.6
    launches = sorted(random_day(rng, year, 11 if year == HISTORY_YEAR else 1) for _ in range(n))
    exception = rng.randrange(n)
    rows = []
    for i, day in enumerate(launches, start=1):
        segment = rng.choice(OTHER_SEGMENTS)
        cents = estimate(rng, segment)
        above = cents is not None and cents > 4_000_000
        charte = True if above and charte_ok else rng.random() < 0.75
        mediateur = True
        if i - 1 == exception:
            if not charte_ok:
                cents, charte = money(rng, 60_000, 500_000), rng.choice((False, None))
            if not mediateur_ok:
                mediateur = rng.choice((False, None))
        rows.append(row(rng, p, f"CS{year}-{i:03d}", segment, day, cents, charte, mediateur))
    return rows


def row(
    rng: Random,
    p: Profile,
    consultation_id: str,
    segment: str,
    day: date,
    cents: int | None,
    charte: bool | None,
    mediateur: bool | None,
) -> dict[str, str]:
    estimate_text = "" if cents is None else amount_text(rng, p, cents)
    town = rng.choice(p.communes)[2]
    return dict(
        id_consultation=consultation_id,
        objet=rng.choice(OBJETS[segment]).format(c=town, n=rng.randint(1, 5)),
        date_lancement=fmt_date(day),
        montant_estime_ht=estimate_text,
        programmee=fmt_bool(rng, rng.random() < p.programmed_rate),
        charte_ethique_dce=fmt_bool(rng, charte),
        mediateur_dce=fmt_bool(rng, mediateur),
    )


def planted(rows: list[dict[str, str]]) -> list[Bad]:
    template = rows[-1]
    cases = (
        ("CS2025-090", "invalid boolean", "programmee", "En cours"),
        ("CS2025-091", "invalid date", "date_lancement", "29/02/2025"),
    )
    bad = invalid_copies(template, "id_consultation", cases)
    return [*bad, duplicate(rows[4], ("id_consultation",), programmee="Non")]


def upper_padded(columns: list[str]) -> list[str]:
    """One export tool writes its header in upper case with padding."""
    return [f" {c.upper()} " if i % 2 else c.upper() for i, c in enumerate(columns)]


def make_consultations(ctx: Context) -> None:
    p = ctx.profile
    rng = ctx.rng("consultations")
    rows: list[dict[str, str]] = []
    for year in (HISTORY_YEAR, *YEARS):
        if p.habits == "ALLIADE" and year == 2026:
            continue  # no launch in 2026: the ratio is null, "every consultation" holds
        rows += year_rows(rng, p, year)
    spelled = upper_padded if p.habits == "ERILIA" else None
    write_table(ctx, "consultations", rows, planted(rows), spelled=spelled)
