"""Write the demo supplier registries (SIRENE, ESUS, ESS France) for a generated delivery.

Called by the generator (cli.py) once the raw folder is written: it reads back
the suppliers and invoices of that folder and writes, next to it, the four
registries of the contract (``registries.md``) in their published shapes and
official column names: StockUniteLegale in Parquet, StockEtablissement in CSV
``,``, the ESUS list in CSV ``;`` and the ESS France list in CSV ``,``. Most
registry rows agree with the ERP; some do not (a size, a département, an ESS
status, a closed establishment, an expired agreement), some invoiced
suppliers missing from the ERP are known, and every file holds unrelated
filler companies and a few malformed keys, as the real files do.

Deterministic: the same delivery and seed give byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random

import pyarrow as pa
import pyarrow.parquet as pq

from .places import ELSEWHERE as SUPPLIER_TOWNS
from .sirets import siret_is_valid

# Establishments away from the ERP's address: some of the suppliers' other towns, in upper
# case as SIRENE writes them.
ELSEWHERE = tuple(
    (insee, postal, town.upper())
    for insee, postal, town in SUPPLIER_TOWNS
    if town in ("Bordeaux", "Lille", "Strasbourg", "Nantes", "Bastia", "Saint-Denis")
)
STREETS = ("REPUBLIQUE", "GARE", "LIBERATION", "PAIX")
CATEGORIES = {"PME": ("GE", "ETI"), "ETI": ("PME",), "GE": ("PME",), "": ("PME", "GE")}
FILLER_LEGAL_UNITS, FILLER_ESTABLISHMENTS, FILLER_ESUS, FILLER_ESS_FRANCE = 400, 500, 40, 150
REGISTRY_FILES = (
    "StockUniteLegale_utf8.parquet",
    "StockEtablissement_utf8.csv",
    "esus.csv",
    "ess_france.csv",
)
UNITE_LEGALE = pa.schema(
    [
        ("siren", pa.string()),
        ("statutDiffusionUniteLegale", pa.string()),
        ("dateCreationUniteLegale", pa.date32()),
        ("trancheEffectifsUniteLegale", pa.string()),
        ("anneeEffectifsUniteLegale", pa.string()),
        ("categorieEntreprise", pa.string()),
        ("anneeCategorieEntreprise", pa.int64()),
        ("etatAdministratifUniteLegale", pa.string()),
        ("denominationUniteLegale", pa.string()),
        ("categorieJuridiqueUniteLegale", pa.string()),
        ("activitePrincipaleUniteLegale", pa.string()),
        ("economieSocialeSolidaireUniteLegale", pa.string()),
        ("caractereEmployeurUniteLegale", pa.string()),
        ("nicSiegeUniteLegale", pa.string()),
    ]
)
ETABLISSEMENT = (
    "siren",
    "nic",
    "siret",
    "statutDiffusionEtablissement",
    "dateCreationEtablissement",
    "trancheEffectifsEtablissement",
    "etablissementSiege",
    "numeroVoieEtablissement",
    "typeVoieEtablissement",
    "libelleVoieEtablissement",
    "codePostalEtablissement",
    "libelleCommuneEtablissement",
    "codeCommuneEtablissement",
    "codePaysEtrangerEtablissement",
    "libellePaysEtrangerEtablissement",
    "dateDebut",
    "etatAdministratifEtablissement",
    "activitePrincipaleEtablissement",
)

ESUS = ("siren", "raison_sociale", "date_agrement", "date_fin_agrement", "departement")
ESS_FRANCE = ("siren", "nom", "famille", "region")


@dataclass(frozen=True)
class Supplier:
    siret: str
    name: str
    category: str
    band: str
    ess: bool
    esus: bool
    postal: str
    commune: str
    naf: str


def clean(value: str | None) -> str:
    return "".join((value or "").split())


def _rows(raw: Path, extract: str):
    """The rows of one extract of every filiale folder, as the demo generator wrote them."""
    for path in sorted(raw.glob("*/*"), key=lambda p: (p.parent.name, p.name)):
        name = path.name.lower()
        if path.is_file() and name.startswith(extract) and name.endswith(".csv"):
            with path.open(encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle, delimiter=";"):
                    yield {
                        k.strip().lower(): (v or "").strip() or None for k, v in row.items() if k
                    }


def delivery(raw: Path) -> tuple[list[Supplier], list[str]]:
    """The delivery's valid suppliers (first row per SIRET), and invoiced SIRETs not among them."""
    suppliers: dict[str, Supplier] = {}
    invoiced: set[str] = set()
    for row in _rows(raw, "factures"):
        invoiced.add(clean(row.get("siret_fournisseur")))
    for row in _rows(raw, "fournisseurs"):
        siret = clean(row.get("siret"))
        if siret_is_valid(siret) and siret not in suppliers:
            suppliers[siret] = Supplier(
                siret=siret,
                name=(row.get("raison_sociale") or "").upper(),
                category=(row.get("categorie_entreprise") or "").upper(),
                band=row.get("tranche_effectifs") or "",
                ess=(row.get("ess") or "").upper() == "O",
                esus=(row.get("esus") or "").lower() in ("oui", "o", "1"),
                postal=row.get("code_postal") or "",
                commune=(row.get("code_commune") or "").upper(),
                naf=row.get("naf") or "",
            )
    strays = sorted(s for s in invoiced if siret_is_valid(s) and s not in suppliers)
    return [suppliers[s] for s in sorted(suppliers)], strays


def rng_for(seed: int, key: str) -> Random:
    """One random stream per company, so that adding a supplier changes no other row."""
    return Random(int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()[:16], 16))


def some_day(rng: Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def filler_siret(rng: Random) -> str:
    while True:
        siret = f"{rng.randrange(100_000_000, 999_999_999)}{rng.randrange(100_000):05d}"
        if siret_is_valid(siret):
            return siret


def legal_unit(rng: Random, s: Supplier) -> dict:
    category, band, ess = s.category, s.band, s.ess
    if rng.random() < 0.12:  # a size the ERP has not caught up with
        category = rng.choice(CATEGORIES.get(category, ("PME",)))
        band = {"PME": "11", "ETI": "41", "GE": "52"}[category]
    if rng.random() < 0.06:
        ess = not ess
    return {
        "siren": s.siret[:9],
        "statutDiffusionUniteLegale": "O",
        "dateCreationUniteLegale": some_day(rng, date(1975, 1, 1), date(2020, 12, 31)),
        "trancheEffectifsUniteLegale": band,
        "anneeEffectifsUniteLegale": "2023" if band else "",
        "categorieEntreprise": category if category in ("PME", "ETI", "GE") else "",
        "anneeCategorieEntreprise": 2022 if category else None,
        "etatAdministratifUniteLegale": "C" if rng.random() < 0.04 else "A",
        "denominationUniteLegale": s.name,
        "categorieJuridiqueUniteLegale": rng.choice(("5710", "5499", "9220", "5498")),
        "activitePrincipaleUniteLegale": s.naf,
        "economieSocialeSolidaireUniteLegale": "O" if ess else rng.choice(("N", "N", "")),
        "caractereEmployeurUniteLegale": "O",
        "nicSiegeUniteLegale": s.siret[9:],
    }


def establishment(rng: Random, s: Supplier) -> list[str]:
    commune, postal, town, country = s.commune, s.postal, s.name.split()[0], ("", "")
    r = rng.random()
    if r < 0.08:  # the ERP has the head office; the invoicing establishment is elsewhere
        commune, postal, town = rng.choice(ELSEWHERE)
    elif r < 0.10:
        commune, postal, town, country = "", "", "BRUXELLES", ("99131", "BELGIQUE")
    closed = rng.random() < 0.05
    start = date(2025, 6, 30) if closed else some_day(rng, date(1990, 1, 1), date(2020, 12, 31))
    return [
        s.siret[:9],
        s.siret[9:],
        s.siret,
        "O",
        some_day(rng, date(1975, 1, 1), date(2020, 12, 31)).isoformat(),
        rng.choice(("03", "11", "12", "21", "")),
        "true",
        str(rng.randrange(1, 120)),
        rng.choice(("RUE", "AV", "BD", "ZA")),
        f"DE LA {rng.choice(STREETS)}, BAT. {rng.randrange(1, 9)}",
        postal,
        town,
        commune,
        *country,
        start.isoformat(),
        "F" if closed else "A",
        s.naf,
    ]


def esus_rows(rng: Random, s: Supplier) -> list[list[str]]:
    if not (s.esus or rng.random() < 0.03):
        return []
    start = some_day(rng, date(2016, 1, 1), date(2024, 6, 30))
    end = start + timedelta(days=5 * 365) if rng.random() < 0.5 else None
    written = start.strftime("%d/%m/%Y") if rng.random() < 0.5 else start.isoformat()
    return [[s.siret[:9], s.name, written, end.isoformat() if end else "", s.commune[:2]]]


def write_registries(raw: Path, out: Path, seed: int = 2026) -> None:
    """Write the four demo registry files of the delivery in `raw` into `out`."""
    suppliers, strays = delivery(raw)
    known = suppliers + [
        Supplier(siret, f"SOCIETE {siret[:9]}", "PME", "03", False, False, "", "", "43.21A")
        for siret in strays[::2]
    ]
    legal_units, establishments, esus, ess_france = [], [], [], []
    sirens: set[str] = set()
    for s in known:
        rng = rng_for(seed, s.siret)
        if rng.random() < 0.92 and s.siret[:9] not in sirens:
            sirens.add(s.siret[:9])
            legal_units.append(legal_unit(rng, s))
        if rng.random() < 0.88:
            establishments.append(establishment(rng, s))
        esus += esus_rows(rng, s)
        if (s.ess and rng.random() < 0.6) or rng.random() < 0.02:
            ess_france.append([s.siret[:9], s.name, "Coopérative", ""])
    rng = rng_for(seed, "filler")
    for _ in range(FILLER_LEGAL_UNITS):
        filler = Supplier(filler_siret(rng), "SOCIETE SANS LIEN", "", "", False, False, "", "", "")
        legal_units.append(legal_unit(rng, filler))
    for _ in range(FILLER_ESTABLISHMENTS):
        commune, postal, town = rng.choice(ELSEWHERE)
        filler = Supplier(filler_siret(rng), town, "", "", False, False, postal, commune, "43.21A")
        establishments.append(establishment(rng, filler))
    for _ in range(FILLER_ESUS):
        agreed = some_day(rng, date(2016, 1, 1), date(2025, 12, 31)).strftime("%d/%m/%Y")
        esus.append([filler_siret(rng)[:9], "ASSOCIATION SOLIDAIRE", agreed, "", "75"])
    for _ in range(FILLER_ESS_FRANCE):
        ess_france.append([filler_siret(rng)[:9], "MUTUELLE", "Mutuelle", ""])
    # Keys of another shape, as in the published files: ignored and counted.
    for key in ("", "12345678", "A12345678"):
        legal_units.append({**legal_unit(rng, known[0]), "siren": key})
    establishments += [
        [*row[:2], key, *row[3:]]
        for key, row in zip(("1234567890123", "ABCDEFGHIJKLMN"), establishments[:2], strict=True)
    ]
    esus.append(["en cours", "AGREMENT EN COURS", "", "", ""])
    ess_france.append(["SIREN-ERR", "ERREUR DE SAISIE", "Association", ""])
    write_files(out, legal_units, establishments, esus, ess_france)


def write_files(out: Path, legal_units, establishments, esus, ess_france) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in REGISTRY_FILES:
        (out / name).unlink(missing_ok=True)
    legal_units.sort(key=lambda u: u["siren"])
    table = pa.Table.from_pylist(legal_units, schema=UNITE_LEGALE)
    pq.write_table(table, out / REGISTRY_FILES[0], compression="snappy")
    establishments.sort(key=lambda e: e[2])
    write_csv(out / REGISTRY_FILES[1], ",", ETABLISSEMENT, establishments)
    write_csv(out / REGISTRY_FILES[2], ";", ESUS, sorted(esus))
    write_csv(out / REGISTRY_FILES[3], ",", ESS_FRANCE, sorted(ess_france))


def write_csv(path: Path, delimiter: str, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
