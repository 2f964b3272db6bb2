"""The contract file (`marches`): the lots of each operation, each year's other contracts
(framework agreements and their subsequent contracts among them), the contracts at the exact
thresholds, cancelled contracts, then the planted bad rows."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from .fournisseurs import Supplier
from .operations import Operation
from .planted import Bad, duplicate, invalid_copies
from .purchases import (
    CONTRACT_TERMS,
    INNOVATIVE_PROCEDURES,
    LOTS_CN,
    LOTS_REHAB,
    OBJETS,
    OTHER_SEGMENTS,
    PROCEDURES,
    SEGMENT_CLAUSES,
    SEGMENTS,
    money,
)
from .sirets import broken_siret, spaced_siret
from .spellings import amount_text, fmt_bool, fmt_date, join_list, spell
from .timeline import HISTORY_YEAR, random_day
from .writer import Context, write_table

FRAMEWORK_TECHNIQUES = (
    ["Accord-cadre"],
    ["Accord-cadre"],
    ["accord-cadre"],
    ["Accord-cadre", "Catalogue électronique"],
    ["Accord-Cadre", "Enchère électronique"],
)
STATUSES = ("Notifié",) * 12 + ("notifie", "NOTIFIÉ", "Résilié", "Resilie")
SOCIAL = (
    ["Clause sociale"],
    ["Clause sociale"],
    ["Critère social"],
    ["Critere social"],
    ["Clause sociale", "Critère social"],
    ["Marché réservé"],
    ["marche reserve"],
)
NO_SOCIAL = (["Pas de considération sociale"], [], ["Pas de consideration sociale"])
ENVIRONMENTAL = (
    ["Clause environnementale"],
    ["Critère environnemental"],
    ["Clause environnementale", "Critère environnemental"],
    ["CLAUSE ENVIRONNEMENTALE"],
)
NO_ENVIRONMENTAL = (["Pas de considération environnementale"], [])
BUYERS = (
    "Direction des achats",
    "Agence de Marseille",
    "Agence de Bastia",
    "Direction du patrimoine",
)
# Thresholds at their exact value, and cancelled contracts that must count nowhere:
# (year, segment, cents, innovative, status, social considerations).
EDGES = (
    ("2025", "PRESTATIONS_INTELLECTUELLES", 10_000_000, "Oui", "Notifié", "Clause sociale"),
    ("2025", "INFORMATIQUE", 9_999_999, "Oui", "Notifié", ""),
    ("2024", "NETTOYAGE", 45_000_000, "", "Annulé", "Clause sociale"),
    ("2025", "INFORMATIQUE", 6_500_000, "oui", "Annulé", ""),
    ("2026", "ESPACES_EXTERIEURS", 12_000_000, "", "Annulé", ""),
)


@dataclass
class Contract:
    id: str
    day: date
    segment: str
    cents: int
    siret: str
    framework: bool
    cancelled: bool


def considerations(rng: Random, social_rate: float, env_rate: float) -> tuple[str, str]:
    social = rng.choice(SOCIAL) if rng.random() < social_rate else rng.choice(NO_SOCIAL)
    env = rng.choice(ENVIRONMENTAL) if rng.random() < env_rate else rng.choice(NO_ENVIRONMENTAL)
    return join_list(rng, social), join_list(rng, env)


def plans(
    rng: Random, ops: list[Operation], invoices: int
) -> list[tuple[int, str, Operation | None]]:
    """(year, segment, operation or None) of every contract, in notification-year order."""
    others_per_year = 10 + math.isqrt(invoices) // 2
    planned: list[tuple[int, str, Operation | None]] = []
    for op in ops:
        if op.type in ("CONSTRUCTION_NEUVE", "REHABILITATION"):
            planned += [(op.start.year, op.type, op)] * rng.randint(2, 3)
        else:
            planned.append((op.start.year, "ENTRETIEN_MAINTENANCE", op))
    for year in range(HISTORY_YEAR, 2027):
        planned += [(year, rng.choice(OTHER_SEGMENTS), None) for _ in range(others_per_year)]
        planned.append((year, "REHABILITATION", None))
    planned = [plan for plan in planned if plan[0] >= HISTORY_YEAR]
    planned.sort(key=lambda plan: plan[0])
    return planned


class ContractBook:
    """The rows of one filiale's contract file, drawn in file order from one random stream."""

    def __init__(self, ctx: Context, suppliers: list[Supplier]) -> None:
        self.p = ctx.profile
        self.rng = ctx.rng("marches")
        self.suppliers = suppliers
        self.by_segment: dict[str, list[Supplier]] = {s: [] for s in SEGMENTS}
        for s in suppliers:
            self.by_segment[s.segment].append(s)
        self.rows: list[dict[str, str]] = []
        self.contracts: list[Contract] = []
        self.frameworks: list[Contract] = []  # framework agreements a contract may follow
        self.seq: Counter[int] = Counter()

    def next_id(self, year: int) -> str:
        self.seq[year] += 1
        return f"{self.p.ids_prefix}{year}-M{self.seq[year]:03d}"

    def titulaire(self, segment: str) -> str:
        return self.rng.choice(self.by_segment[segment] or self.suppliers).siret

    def add(self, year: int, segment: str, op: Operation | None) -> None:
        """One planned contract: a lot of `op`, or another contract of the year."""
        rng, p = self.rng, self.p
        contract_id = self.next_id(year)
        day = self.notification_day(year, op)
        cents = self.amount(segment)
        framework, techniques, id_ac, segment, cents = self.framework_terms(segment, cents, op)
        status, cancelled = self.status()
        siret = self.titulaire(segment)
        clauses, objective = self.clauses(segment)
        objet = self.objet(segment, op)
        social, env = considerations(rng, 0.45, 0.6)
        innovative, cents = self.innovation(segment, cents)
        reference = ""
        if rng.random() < 0.35:
            reference = amount_text(rng, p, cents * rng.randint(96, 118) // 100)
        op_id = op.id if op is not None else ""
        if op is None and segment == "REHABILITATION":
            op_id = f"{p.ids_prefix}OP2019-99"  # unknown operation: kept, linked to nothing
        titulaire_text = self.titulaire_text(siret)
        row = dict(
            id_marche=contract_id,
            objet=objet,
            categorie=spell(rng, CONTRACT_TERMS[segment].category),
            segment=spell(rng, segment, 0.05),
            procedure=rng.choice(
                INNOVATIVE_PROCEDURES if innovative and cents < 10_000_000 else PROCEDURES
            ),
            techniques=techniques,
            id_accord_cadre=id_ac,
            marche_innovant=fmt_bool(rng, innovative if rng.random() < 0.8 else None),
            date_notification=fmt_date(day),
            montant_ht=amount_text(rng, p, cents),
            montant_reference_ht=reference,
            duree_mois=rng.choice(("12", "24", "36", "48", "")),
            siret_titulaire=titulaire_text,
            considerations_sociales=social,
            considerations_environnementales=env,
            clauses=join_list(rng, clauses),
            objectif_valorisation_dechets_pct=objective,
            id_operation=op_id,
            statut=status,
        )
        if p.habits == "ERILIA":
            row["acheteur"] = rng.choice(BUYERS)
        self.rows.append(row)
        contract = Contract(contract_id, day, segment, cents, siret, framework, cancelled)
        self.contracts.append(contract)
        if techniques and "ccord" in techniques and not cancelled:
            self.frameworks.append(contract)

    def notification_day(self, year: int, op: Operation | None) -> date:
        if op is None:
            return random_day(self.rng, year)
        # Lots are notified a few weeks before the works start.
        day = op.start - timedelta(days=self.rng.randint(10, 120))
        return max(day, date(HISTORY_YEAR, 1, 2))

    def amount(self, segment: str) -> int:
        """Cents in the family's range, often a round amount."""
        terms = CONTRACT_TERMS[segment]
        cents = money(self.rng, terms.low, terms.high)
        if self.rng.random() < 0.3:
            cents = cents // 100_000 * 100_000 or 100_000
        return cents

    def status(self) -> tuple[str, bool]:
        """(status as spelled, cancelled)."""
        rng = self.rng
        status = rng.choice(STATUSES)
        cancelled = rng.random() < 0.03
        if cancelled:
            status = rng.choice(("Annulé", "annule", "ANNULÉ"))
        return status, cancelled

    def innovation(self, segment: str, cents: int) -> tuple[bool, int]:
        """(innovative, cents): innovative purchases are mostly under 100 000 € HT."""
        rng = self.rng
        innovative = segment in ("INFORMATIQUE", "PRESTATIONS_INTELLECTUELLES", "ENERGIE") and (
            rng.random() < 0.3
        )
        if innovative and rng.random() < 0.75:
            cents = money(rng, 8_000, 99_000)
        return innovative, cents

    def framework_terms(
        self, segment: str, cents: int, op: Operation | None
    ) -> tuple[bool, str, str, str, int]:
        """(framework, techniques, framework agreement id, segment, cents): a contract outside
        an operation may be a framework agreement, or a contract that follows one (its family
        and a smaller amount), or name another technique."""
        rng = self.rng
        if op is not None or segment == "PRESTATIONS_INTELLECTUELLES":
            return False, "", "", segment, cents
        r = rng.random()
        if r < 0.25:
            return True, join_list(rng, rng.choice(FRAMEWORK_TECHNIQUES)), "", segment, cents
        if r < 0.38 and self.frameworks:
            parent = rng.choice(self.frameworks)
            techniques = rng.choice(("", "", "Sans objet"))
            return True, techniques, parent.id, parent.segment, max(cents // 4, 500_000)
        if r < 0.45:
            return (
                False,
                rng.choice(("Sans objet", "Système d'acquisition dynamique")),
                "",
                segment,
                cents,
            )
        return False, "", "", segment, cents

    def clauses(self, segment: str) -> tuple[list[str], str]:
        """The environmental clauses of a contract, and its waste recovery objective."""
        rng = self.rng
        clauses = [c for c in SEGMENT_CLAUSES.get(segment, ()) if rng.random() < 0.45]
        if clauses and rng.random() < 0.1:
            clauses.append(rng.choice(("CLAUSE_INSERTION", "ISO_14001")))  # ignored codes
        if clauses and rng.random() < 0.1:
            clauses[0] = clauses[0].lower()
        objective = ""
        if "RECYCLAGE_DECHETS" in clauses:
            objective = rng.choice(("70", "75", "72,5", "80", "65", "0", ""))
        elif segment == "CONSTRUCTION_NEUVE" and rng.random() < 0.2:
            objective = "70"  # an objective without the clause
        return clauses, objective

    def objet(self, segment: str, op: Operation | None) -> str:
        rng = self.rng
        if op is None:
            town = rng.choice(self.p.communes)[2]
            return rng.choice(OBJETS[segment]).format(c=town, n=rng.randint(1, 6))
        if op.type in ("MAINTENANCE", "RENOUVELLEMENT_COMPOSANTS"):
            return f"Travaux - résidence {op.name} ({op.id})"
        lots = LOTS_CN if op.type == "CONSTRUCTION_NEUVE" else LOTS_REHAB
        kind = "Construction" if op.type == "CONSTRUCTION_NEUVE" else "Réhabilitation"
        return f"{kind} - résidence {op.name} - lot {rng.choice(lots)}"

    def titulaire_text(self, siret: str) -> str:
        """The holder's SIRET as the export wrote it: sometimes broken, missing or spaced."""
        r = self.rng.random()
        if r < 0.03:
            return broken_siret(siret)  # invalid optional SIRET: unknown titulaire
        if r < 0.06:
            return ""
        if r < 0.1:
            return spaced_siret(siret)
        return siret

    def add_edges(self) -> None:
        p, rng = self.p, self.rng
        for year, segment, cents, innov, status, social in EDGES:
            contract_id = self.next_id(int(year))
            day = random_day(rng, int(year))
            siret = self.titulaire(segment)
            cancelled = status == "Annulé"
            techniques = "Accord-cadre" if cancelled and segment == "NETTOYAGE" else ""
            self.rows.append(
                dict(
                    id_marche=contract_id,
                    objet=rng.choice(OBJETS[segment]).format(c=p.communes[0][2], n=1),
                    categorie=CONTRACT_TERMS[segment].category,
                    segment=segment,
                    procedure="Procédure adaptée",
                    techniques=techniques,
                    marche_innovant=innov,
                    date_notification=fmt_date(day),
                    montant_ht=amount_text(rng, p, cents),
                    duree_mois="24",
                    siret_titulaire=siret,
                    considerations_sociales=social,
                    considerations_environnementales="Critère environnemental",
                    clauses="GESTION_ECOLOGIQUE" if segment == "ESPACES_EXTERIEURS" else "",
                    statut=status,
                )
            )
            self.contracts.append(
                Contract(contract_id, day, segment, cents, siret, bool(techniques), cancelled)
            )

    def planted(self, rejected_id: str) -> list[Bad]:
        p, rows = self.p, self.rows
        template = rows[len(rows) // 2]
        prefix = p.ids_prefix
        bad = invalid_copies(
            template,
            "id_marche",
            (
                (f"{prefix}2024-R01", "required field empty", "categorie", ""),
                (rejected_id, "invalid date", "date_notification", "31/02/2025"),
                (f"{prefix}2025-R03", "unknown coded value", "segment", "TRAVAUX_NEUFS"),
                (
                    f"{prefix}2025-R04",
                    "unknown coded value",
                    "considerations_sociales",
                    "Clause sociale|Clause d'insertion",
                ),
                (f"{prefix}2026-R05", "invalid amount", "montant_ht", "150.000,00"),
                (f"{prefix}2026-R06", "invalid integer", "duree_mois", "12,5"),
            ),
        )
        repeat = duplicate(rows[5], ("id_marche",), montant_ht=amount_text(self.rng, p, 123_456_00))
        return [*bad, repeat]


def make_marches(
    ctx: Context, suppliers: list[Supplier], ops: list[Operation]
) -> tuple[list[Contract], str]:
    """Write the contracts; return them by notification day, and the id of a rejected one."""
    book = ContractBook(ctx, suppliers)
    for year, segment, op in plans(book.rng, ops, ctx.invoices):
        book.add(year, segment, op)
    book.add_edges()
    rejected_id = f"{ctx.profile.ids_prefix}2025-R02"  # its amendments name a rejected contract
    bad = book.planted(rejected_id)
    extras = ("acheteur",) if ctx.profile.habits == "ERILIA" else ()
    write_table(ctx, "marches", book.rows, bad, extras)
    contracts = sorted(book.contracts, key=lambda c: (c.day, c.id))
    return contracts, rejected_id
