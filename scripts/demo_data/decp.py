"""DECP files of the demo delivery (issue 12): what some filiales published.

A filiale publishes the essential data of its contracts from its own ERP, so
this module reads back the `marches` and `avenants` files the generator has
just written for it and publishes most of them, in the national JSON format,
with the gaps a purchasing direction meets: contracts never published or not
yet, publications after the two months, amounts, dates, holders,
considerations and framework flags that differ from the ERP, amendments
published late, with another total or not at all, a correction republished,
records of another buyer or without ERP contract, and two records the
project must reject (listed with the generator's other bad rows). SEQENS
publishes in the 2024 root with the schema's wrapped lists, SIDR its history
in the earlier root and the rest with both list styles, ERILIA in one file
mixing them; ALLIADE publishes nothing (its DECP figures are null).
Deterministic: its own random stream per filiale, and no other file changes.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import Any

from .marches import Contract
from .sirets import luhn_complete
from .writer import Context

Record = dict[str, Any]

THRESHOLD_CENTS = 40_000_00
OTHER_BUYER = "21130055300016"  # a town leading a joint purchase: not the filiale
SOCIAL = ("Clause sociale", "Critère social", "Marché réservé")
ENVIRONMENTAL = ("Clause environnementale", "Critère environnemental")
NO_SOCIAL = "Pas de considération sociale"
NO_ENVIRONMENTAL = "Pas de considération environnementale"


@dataclass(frozen=True)
class DecpFile:
    name: str
    years: tuple[int, ...]
    root: str  # "2024": {"marches": {"marche": [...]}}; "earlier": {"marches": [...]}
    lists: str  # "wrapped" as the schema, "flat", or "mixed" (one record in two wrapped)
    layout: str = "indent"  # "indent", "tabs", "ascii" (\\uXXXX escapes), "one_line"
    extras: bool = False  # a republished correction, records of no ERP contract, two rejects


LAYOUTS = {
    "SEQENS": (
        DecpFile("decp_2024.json", (2023, 2024), "2024", "wrapped"),
        DecpFile("decp_2025.json", (2025,), "2024", "wrapped", "ascii", extras=True),
        DecpFile("Decp_2026.json", (2026,), "2024", "wrapped", "one_line"),
    ),
    "SIDR": (
        DecpFile("decp_historique.json", (2023, 2024), "earlier", "flat", "tabs"),
        DecpFile("decp_2025_2026.json", (2025, 2026), "2024", "mixed", extras=True),
    ),
    "ERILIA": (DecpFile("decp.json", (2023, 2024, 2025, 2026), "2024", "mixed", extras=True),),
}


def is_decp_file(path: Path) -> bool:
    return re.fullmatch(r"decp.*\.json", path.name.lower()) is not None


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _labels(text: str, codes: tuple[str, ...]) -> list[str]:
    canonical = {_norm(code): code for code in codes}
    items = (_norm(item) for item in text.split("|") if item.strip())
    return [canonical[item] for item in items if item in canonical]


def _cents(text: str) -> int | None:
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text).replace(",", ".")
    return int(Decimal(cleaned) * 100) if re.fullmatch(r"-?\d+(\.\d+)?", cleaned) else None


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _money(cents: int) -> float:
    return cents / 100


def _iso(day: date) -> str:
    return day.isoformat()


@dataclass
class Erp:
    """What the filiale's ERP says of a contract, as the generator wrote it."""

    subject: str
    procedure: str
    techniques: list[str]
    social: list[str]
    environmental: list[str]
    amendments: list[tuple[date, int]]


def read_erp(folder: Path) -> dict[str, Erp]:
    erp: dict[str, Erp] = {}
    for row in _rows(folder / "marches.csv"):
        contract_id = row["id_marche"].strip()
        if contract_id and contract_id not in erp:  # a repeated id is a rejected duplicate
            erp[contract_id] = Erp(
                subject=row["objet"],
                procedure=row["procedure"] or "Procédure adaptée",
                techniques=_labels(row["techniques"], ("Accord-cadre",)),
                social=_labels(row["considerations_sociales"], SOCIAL),
                environmental=_labels(row["considerations_environnementales"], ENVIRONMENTAL),
                amendments=[],
            )
    seen: set[str] = set()
    for row in _rows(folder / "avenants.csv"):
        day, cents = _day(row["date_notification"]), _cents(row["montant_ht"])
        target = erp.get(row["id_marche"])
        if row["id_avenant"] in seen or target is None or day is None or cents is None:
            continue  # the generator's rejected rows
        seen.add(row["id_avenant"])
        target.amendments.append((day, cents))
    return erp


class Publisher:
    """The DECP records of one filiale, with the gaps drawn from its own random stream."""

    def __init__(self, rng: Random, siren: str, prefix: str, as_of: date) -> None:
        self.rng = rng
        self.buyer = luhn_complete(siren + "0001")
        self.prefix = prefix
        self.as_of = as_of

    def publication(self, notified: date) -> date | None:
        """Mostly within the two months, sometimes late, sometimes never (or not yet)."""
        r = self.rng.random()
        if r < 0.07:
            return None
        days = self.rng.randint(62, 130) if r < 0.17 else self.rng.randint(2, 55)
        published = notified + timedelta(days=days)
        return published if published <= self.as_of else None

    def record(self, contract: Contract, erp: Erp, published: date) -> Record:
        rng = self.rng
        notified, cents, holder = contract.day, contract.cents, contract.siret
        social, environmental = list(erp.social), list(erp.environmental)
        framework = contract.framework
        gap = rng.random()
        if gap < 0.03:
            cents = cents * 6 // 5  # the amount TTC instead of HT
        elif gap < 0.05:
            notified += timedelta(days=rng.choice((-2, -1, 1, 3)))
        elif gap < 0.07:
            holder = luhn_complete(holder[:9] + "9999")  # another establishment
        elif gap < 0.11:
            social = [] if social else ["Clause sociale"]
        elif gap < 0.14:
            environmental = [] if environmental else ["Critère environnemental"]
        elif gap < 0.15:
            framework = not framework
        record = {
            "id": contract.id,
            "acheteur": {"id": self.buyer},
            "nature": "Marché",
            "objet": erp.subject,
            "codeCPV": "45000000",
            "techniques": ["Accord-cadre"] if framework else ["Sans objet"],
            "procedure": erp.procedure,
            "dureeMois": 24,
            "dateNotification": _iso(notified),
            "datePublicationDonnees": _iso(published),
            "montant": _money(cents),
            "formePrix": "Forfaitaire",
            "titulaires": [{"typeIdentifiant": "SIRET", "id": holder}],
            "considerationsSociales": social or [NO_SOCIAL],
            "considerationsEnvironnementales": environmental or [NO_ENVIRONMENTAL],
            "marcheInnovant": False,
            "modifications": self.modifications(contract, erp),
        }
        return record

    def modifications(self, contract: Contract, erp: Erp) -> list[Record]:
        rng, total, published = self.rng, contract.cents, []
        for number, (day, cents) in enumerate(sorted(erp.amendments), start=1):
            total += cents
            r = rng.random()
            when, amount = day, total
            if r < 0.15:
                continue  # never published
            if r < 0.2:
                when = day + timedelta(days=rng.randint(1, 9))  # matched by its total only
            elif r < 0.23:
                amount = total - cents  # the difference taken for the new total
            publication = when + timedelta(days=rng.randint(3, 40))
            if publication > self.as_of:
                continue
            published.append(
                {
                    "id": number,
                    "dateNotificationModification": _iso(when),
                    "datePublicationDonneesModification": _iso(publication),
                    "montant": _money(amount),
                    "dureeMois": 24,
                }
            )
        return published

    def extras(self, year: int, template: Record) -> list[tuple[Record, str | None]]:
        """A republished correction, records of no ERP contract, and two to reject."""
        first = date(year, 3, 2)
        corrected = {**template, "montant": round(template["montant"] * 1.1, 2)}
        corrected["datePublicationDonnees"] = _iso(
            date.fromisoformat(template["datePublicationDonnees"]) - timedelta(days=1)
        )
        unknown = {**template, "id": f"{self.prefix}{year}-MAPA-07", "modifications": []}
        unknown["montant"] = 38_500.0
        other_buyer = {**unknown, "id": f"GC-{year}-014", "acheteur": {"id": OTHER_BUYER}}
        without_id = {k: v for k, v in unknown.items() if k != "id"}
        bad_date = {**unknown, "id": f"{self.prefix}{year}-M998", "dateNotification": _iso(first)}
        bad_date["datePublicationDonnees"] = f"{year}-02-30"
        return [
            (corrected, None),
            (unknown, None),
            (other_buyer, None),
            (without_id, "required field 'id' is empty"),
            (bad_date, f"invalid date in 'datePublicationDonnees': {year}-02-30"),
        ]


def _wrap(record: Record) -> Record:
    """The schema's shape: every list wrapped in an object."""
    wrapped = dict(record)
    wrapped["techniques"] = {"technique": record["techniques"]}
    wrapped["titulaires"] = [{"titulaire": t} for t in record["titulaires"]]
    wrapped["considerationsSociales"] = {"considerationSociale": record["considerationsSociales"]}
    wrapped["considerationsEnvironnementales"] = {
        "considerationEnvironnementale": record["considerationsEnvironnementales"]
    }
    wrapped["modifications"] = [{"modification": m} for m in record["modifications"]]
    return wrapped


def _earlier(record: Record) -> Record:
    """The earlier format: a uid, an `acheteurs` list, no technique."""
    old: Record = {}
    for key, value in record.items():
        if key == "acheteur":
            if "id" in record:
                old["uid"] = value["id"] + str(record["id"])
            old["acheteurs"] = [value]
        elif key == "techniques":
            if value == ["Accord-cadre"]:
                old["nature"] = "Accord-cadre"
        else:
            old[key] = value
    return old


def _shape(spec: DecpFile, position: int, record: Record) -> Record:
    if spec.root == "earlier":
        return _earlier(record)
    if spec.lists == "wrapped" or (spec.lists == "mixed" and position % 2 == 0):
        return _wrap(record)
    return record


def _dump(spec: DecpFile, records: list[Record]) -> str:
    if spec.root == "earlier":
        document: Record = {"marches": records}
    else:
        document = {"marches": {"marche": records}}
        if spec.layout == "ascii":
            concession = {"id": "DSP-RC-01", "autoriteConcedante": records[0]["acheteur"]}
            document = {"marches": {"contrat-concession": [concession], "marche": records}}
    if spec.layout == "one_line":
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    indent = "\t" if spec.layout == "tabs" else 2
    return json.dumps(document, ensure_ascii=spec.layout == "ascii", indent=indent) + "\n"


def write_decp(ctx: Context, contracts: list[Contract], as_of: date) -> None:
    """Write the filiale's DECP files, if it publishes any; add their rejects to ctx.rejects."""
    code = ctx.profile.code
    if code not in LAYOUTS:
        return
    erp = read_erp(ctx.folder)
    rng = ctx.rng("decp")
    publisher = Publisher(rng, ctx.profile.siren, ctx.profile.ids_prefix, as_of)
    for spec in LAYOUTS[code]:
        planned: list[tuple[Record, str | None]] = []
        for contract in contracts:
            if contract.day.year not in spec.years or contract.cancelled:
                continue
            if contract.cents < THRESHOLD_CENTS and rng.random() < 0.8:
                continue  # below the threshold, publishing is optional
            published = publisher.publication(contract.day)
            if published is not None and contract.id in erp:
                planned.append((publisher.record(contract, erp[contract.id], published), None))
        if spec.extras and planned:
            for extra in publisher.extras(spec.years[-1], planned[-1][0]):
                planned.insert(rng.randint(1, len(planned)), extra)
        records = []
        for position, (record, reason) in enumerate(planned, start=1):
            records.append(_shape(spec, position, record))
            if reason is not None:
                label = re.sub(r": .*$", "", reason)
                ctx.rejects.append((code, "decp", spec.name, position, label, reason))
        path = ctx.folder / spec.name
        path.write_text(_dump(spec, records), encoding="utf-8", newline="\n")
