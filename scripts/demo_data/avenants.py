"""The amendment file (`avenants`): one to three amendments of some contracts, and amendments
of a cancelled contract, of an unknown contract and of a rejected one, which count nowhere."""

from __future__ import annotations

from datetime import timedelta

from .marches import Contract
from .planted import Bad, duplicate, invalid_copies
from .spellings import amount_text, fmt_date
from .timeline import AS_OF
from .writer import Context, write_table


def make_avenants(ctx: Context, contracts: list[Contract], rejected_id: str) -> None:
    p = ctx.profile
    rng = ctx.rng("avenants")
    rows: list[dict[str, str]] = []
    cancelled_done = False
    for c in contracts:
        amend = rng.random() < 0.22 and not c.framework
        if c.cancelled and not cancelled_done:
            amend, cancelled_done = True, True  # amendments of a cancelled contract count nowhere
        if not amend:
            continue
        day = c.day
        for k in range(1, rng.choice((2, 2, 2, 3)) + 1):
            day = day + timedelta(days=rng.randint(45, 420))
            if day > AS_OF:
                break
            pct = rng.randint(3, 22) if rng.random() < 0.8 else -rng.randint(1, 6)
            rows.append(
                dict(
                    id_avenant=f"{c.id}-AV{k}",
                    id_marche=c.id,
                    date_notification=fmt_date(day),
                    montant_ht=amount_text(rng, p, c.cents * pct // 100),
                )
            )
    write_table(ctx, "avenants", rows, planted(rows, p.ids_prefix, rejected_id))


def planted(rows: list[dict[str, str]], prefix: str, rejected_id: str) -> list[Bad]:
    template = rows[0]
    return [
        Bad(
            {
                **template,
                "id_avenant": f"{prefix}2025-M999-AV1",
                "id_marche": f"{prefix}2025-M999",
            },
            "unknown contract",
            value=f"{prefix}2025-M999",
        ),
        Bad(
            {**template, "id_avenant": f"{rejected_id}-AV1", "id_marche": rejected_id},
            "unknown contract",
            value=rejected_id,
        ),
        *invalid_copies(
            template,
            "id_avenant",
            (
                (f"{template['id_marche']}-AV8", "invalid date", "date_notification", "2025-11-03"),
                (f"{template['id_marche']}-AV9", "invalid amount", "montant_ht", "n.c."),
            ),
        ),
        duplicate(rows[3], ("id_avenant",)),
    ]
