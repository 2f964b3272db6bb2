"""Generate a synthetic raw delivery folder that follows the input contract.

The bundled demo data (``data/demo/raw``) is this script's output with its
default arguments; ``tests/python/test_demo_data.py`` checks that nobody edits
it by hand. The same script makes large deliveries for benchmarks::

    .venv/bin/python scripts/generate_demo_data.py                 # data/demo/raw
    .venv/bin/python scripts/generate_demo_data.py --out /tmp/big --invoices-per-year 1000000
    .venv/bin/python scripts/generate_demo_data.py --summary --manifest /tmp/rejects.csv

Options:
    --out DIR               target folder (default: data/demo/raw under the project root);
                            its previous delivery (filiales.csv and filiale folders) is wiped
    --seed INT              random seed (default 2026); same arguments give byte-identical files
    --invoices-per-year N   invoices per filiale and year 2024-2026 (default 150); the 2023
                            history gets N/4; suppliers and contracts grow with sqrt(N)
    --jobs N                worker processes (default: one per CPU for large runs)
    --summary               print the deliberate bad rows, counted by filiale, file and reason
    --manifest FILE         write every deliberate bad row (file, line, reason) to a CSV file

The delivery holds four filiales: SEQENS (Île-de-France), SIDR (La Réunion, a
DROM), ERILIA (Provence-Alpes-Côte d'Azur and Corsica) and ALLIADE
(Auvergne-Rhône-Alpes, which lacks some extracts on purpose). It exercises the
contract's format variety (BOM, CRLF, column order, extra columns, header case,
quoting, split extract, amount and boolean spellings) and its row rules: every
filiale holds a few rows that the staging must reject, listed by ``--summary``.
SEQENS, SIDR and ERILIA also deliver their books (FEC files, scripts/demo_fec.py).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from random import Random

from demo_decp import is_decp_file, write_decp  # DECP files (issue 12)
from demo_fec import write_fec_files
from demo_registries import write_registries

from spaser.contract import EXTRACTS, FILIALE_EXTRACTS, codes_of

SEGMENTS = codes_of("marches", "segment")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = PROJECT_ROOT / "data" / "demo" / "raw"
DEFAULT_INVOICES = 150
HISTORY_YEAR = 2023
YEARS = (2024, 2025, 2026)
# The delivery is an extraction made in mid-January 2027: nothing happens after it.
AS_OF = date(2027, 1, 15)
# One invoice row in BAD_EVERY is a deliberately invalid one (about 2.5 %).
BAD_EVERY = 40
# Below this size the process pool costs more than it saves.
PARALLEL_THRESHOLD = 20_000

NBSP = "\u00a0"
NNBSP = "\u202f"

# ----------------------------------------------------------------------------
# Reference data: places, names, purchase families
# ----------------------------------------------------------------------------

# (INSEE commune code, postal code, name)
IDF = (
    ("75111", "75011", "Paris 11e"),
    ("75115", "75015", "Paris 15e"),
    ("75118", "75018", "Paris 18e"),
    ("75120", "75020", "Paris 20e"),
    ("92050", "92000", "Nanterre"),
    ("92012", "92100", "Boulogne-Billancourt"),
    ("92025", "92700", "Colombes"),
    ("93066", "93200", "Saint-Denis"),
    ("93048", "93100", "Montreuil"),
    ("93001", "93300", "Aubervilliers"),
    ("94028", "94000", "Créteil"),
    ("94081", "94400", "Vitry-sur-Seine"),
    ("95127", "95000", "Cergy"),
    ("95018", "95100", "Argenteuil"),
    ("78646", "78000", "Versailles"),
    ("78586", "78500", "Sartrouville"),
    ("91228", "91000", "Évry-Courcouronnes"),
    ("91377", "91300", "Massy"),
    ("77288", "77000", "Melun"),
    ("77284", "77100", "Meaux"),
)
REUNION = (
    ("97411", "97400", "Saint-Denis"),
    ("97416", "97410", "Saint-Pierre"),
    ("97407", "97420", "Le Port"),
    ("97422", "97430", "Le Tampon"),
    ("97415", "97460", "Saint-Paul"),
    ("97409", "97440", "Saint-André"),
    ("97414", "97450", "Saint-Louis"),
    ("97408", "97419", "La Possession"),
    ("97418", "97438", "Sainte-Marie"),
    ("97410", "97470", "Saint-Benoît"),
)
PACA_CORSE = (
    ("13055", "13003", "Marseille"),
    ("13055", "13014", "Marseille"),
    ("13001", "13100", "Aix-en-Provence"),
    ("13004", "13200", "Arles"),
    ("83137", "83000", "Toulon"),
    ("83069", "83400", "Hyères"),
    ("84007", "84000", "Avignon"),
    ("06088", "06000", "Nice"),
    ("06029", "06400", "Cannes"),
    ("2A004", "20000", "Ajaccio"),
    ("2A247", "20137", "Porto-Vecchio"),
    ("2B033", "20200", "Bastia"),
    ("2B096", "20250", "Corte"),
)
RHONE_ALPES = (
    ("69123", "69003", "Lyon"),
    ("69123", "69008", "Lyon"),
    ("69266", "69100", "Villeurbanne"),
    ("69259", "69200", "Vénissieux"),
    ("69029", "69500", "Bron"),
    ("38185", "38000", "Grenoble"),
    ("42218", "42000", "Saint-Étienne"),
    ("01053", "01000", "Bourg-en-Bresse"),
    ("73065", "73000", "Chambéry"),
    ("74010", "74000", "Annecy"),
)
# Suppliers from outside a filiale's territory.
ELSEWHERE = (
    ("33063", "33000", "Bordeaux"),
    ("59350", "59000", "Lille"),
    ("67482", "67000", "Strasbourg"),
    ("44109", "44000", "Nantes"),
    ("31555", "31000", "Toulouse"),
    ("35238", "35000", "Rennes"),
    ("76540", "76000", "Rouen"),
    ("75108", "75008", "Paris 8e"),
    ("69123", "69002", "Lyon"),
    ("13055", "13008", "Marseille"),
    ("2A004", "20090", "Ajaccio"),
    ("2B033", "20600", "Bastia"),
    ("97411", "97400", "Saint-Denis"),
    ("97209", "97200", "Fort-de-France"),
)

SURNAMES_METRO = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Bertrand",
    "Roux", "Vincent", "Fournier", "Morel", "Girard", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
    "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
)  # fmt: skip
SURNAMES = {
    "SIDR": (
        "Payet", "Hoarau", "Grondin", "Fontaine", "Rivière", "Técher", "Boyer", "Robert",
        "Maillot", "Dijoux", "Lebon", "Nativel", "Huet", "Turpin", "Ethève", "Lauret",
        "Ramassamy", "Clain", "Gonthier", "Morel",
    ),
    "ERILIA": (
        "Santoni", "Pietri", "Casanova", "Leca", "Albertini", "Luciani", "Giudicelli",
        "Castellani", "Ferrari", "Orsini", "Giraud", "Roux", "Bonnet", "Blanc", "Arnaud",
        "Rey", "Fabre", "Gauthier", "Olivier", "Michel",
    ),
}  # fmt: skip
FORMS = ("SAS", "SARL", "SA", "EURL", "SASU", "SAS", "SARL")

# segment -> (trade word, NAF code); the trades of the suppliers of each family.
TRADES = {
    "CONSTRUCTION_NEUVE": (
        ("Construction", "41.20B"), ("Bâtiment", "41.20B"), ("Maçonnerie", "43.99C"),
        ("Charpente Bois", "43.91A"), ("Gros Œuvre", "41.20B"),
    ),
    "REHABILITATION": (
        ("Isolation", "43.29A"), ("Peinture", "43.34Z"), ("Menuiseries", "43.32A"),
        ("Plâtrerie", "43.31Z"), ("Façades", "43.99A"),
    ),
    "ENTRETIEN_MAINTENANCE": (
        ("Chauffage", "43.22B"), ("Électricité", "43.21A"), ("Plomberie", "43.22A"),
        ("Ascenseurs", "43.29B"), ("Multiservices", "43.39Z"),
    ),
    "ESPACES_EXTERIEURS": (("Espaces Verts", "81.30Z"), ("Paysage", "81.30Z")),
    "NETTOYAGE": (("Propreté", "81.21Z"), ("Nettoyage", "81.22Z"), ("Hygiène 3D", "81.29A")),
    "ENERGIE": (("Énergies", "35.14Z"), ("Gaz", "35.23Z"), ("Chaleur", "35.30Z")),
    "FLOTTE_AUTOMOBILE": (("Automobiles", "45.11Z"), ("Location Véhicules", "77.11A")),
    "INFORMATIQUE": (("Informatique", "62.02A"), ("Logiciels", "58.29C"), ("Numérique", "62.03Z")),
    "PRESTATIONS_INTELLECTUELLES": (
        ("Ingénierie", "71.12B"), ("Architectes", "71.11Z"), ("Conseil", "70.22Z"),
        ("Expertise Comptable", "69.20Z"),
    ),
    "ACHATS_GENERAUX": (
        ("Fournitures", "46.66Z"), ("Bureautique", "47.41Z"), ("Vêtements Pro", "14.12Z"),
        ("Imprimerie", "18.12Z"),
    ),
}  # fmt: skip
CATEGORY = {
    "CONSTRUCTION_NEUVE": "Travaux",
    "REHABILITATION": "Travaux",
    "ENTRETIEN_MAINTENANCE": "Travaux",
    "ESPACES_EXTERIEURS": "Services",
    "NETTOYAGE": "Services",
    "ENERGIE": "Fournitures",
    "FLOTTE_AUTOMOBILE": "Fournitures",
    "INFORMATIQUE": "Services",
    "PRESTATIONS_INTELLECTUELLES": "Services",
    "ACHATS_GENERAUX": "Fournitures",
}
# Contract amount range in euros, by segment.
AMOUNT_RANGE = {
    "CONSTRUCTION_NEUVE": (300_000, 4_000_000),
    "REHABILITATION": (120_000, 2_500_000),
    "ENTRETIEN_MAINTENANCE": (25_000, 900_000),
    "ESPACES_EXTERIEURS": (15_000, 400_000),
    "NETTOYAGE": (20_000, 600_000),
    "ENERGIE": (80_000, 3_000_000),
    "FLOTTE_AUTOMOBILE": (30_000, 500_000),
    "INFORMATIQUE": (10_000, 450_000),
    "PRESTATIONS_INTELLECTUELLES": (8_000, 300_000),
    "ACHATS_GENERAUX": (5_000, 200_000),
}
# Segments of the contracts that are not lots of an operation, weighted.
OTHER_SEGMENTS = (
    "ENTRETIEN_MAINTENANCE", "ENTRETIEN_MAINTENANCE", "ENTRETIEN_MAINTENANCE",
    "ESPACES_EXTERIEURS", "ESPACES_EXTERIEURS", "NETTOYAGE", "NETTOYAGE", "ENERGIE",
    "FLOTTE_AUTOMOBILE", "INFORMATIQUE", "INFORMATIQUE", "PRESTATIONS_INTELLECTUELLES",
    "PRESTATIONS_INTELLECTUELLES", "ACHATS_GENERAUX", "ACHATS_GENERAUX",
)  # fmt: skip
OBJETS = {
    "REHABILITATION": (
        "Réfection des halls d'entrée et des cages d'escalier - {c}",
        "Mise en accessibilité des logements; adaptation au vieillissement - {c}",
    ),
    "ENTRETIEN_MAINTENANCE": (
        "Entretien des chaudières individuelles gaz - secteur {c}",
        "Maintenance des ascenseurs - patrimoine {c}",
        "Entretien des VMC et des colonnes d'eau - {c}",
        "Travaux d'entretien courant tous corps d'état; lot {n} - {c}",
        "Contrôle et maintenance des équipements de sécurité incendie",
        "Entretien des portes de parking et des contrôles d'accès - {c}",
    ),
    "ESPACES_EXTERIEURS": (
        "Entretien des espaces verts - secteur {c}",
        "Élagage et abattage des arbres du patrimoine",
        "Entretien des aires de jeux et du mobilier extérieur - {c}",
        "Fleurissement et gestion différenciée des espaces extérieurs - {c}",
    ),
    "NETTOYAGE": (
        "Nettoyage des parties communes; vitrerie - {c}",
        "Enlèvement des encombrants - {c}",
        "Désinsectisation et dératisation du patrimoine",
        "Nettoyage des locaux administratifs - siège",
    ),
    "ENERGIE": (
        "Fourniture d'électricité des parties communes",
        "Fourniture de gaz naturel - chaufferies collectives",
        "Exploitation des installations de chauffage (P1-P2-P3) - {c}",
        "Raccordement au réseau de chaleur urbain - {c}",
    ),
    "FLOTTE_AUTOMOBILE": (
        "Location longue durée de véhicules de service",
        "Acquisition de véhicules utilitaires électriques",
        "Entretien et réparation des véhicules de la flotte",
    ),
    "INFORMATIQUE": (
        "Tierce maintenance applicative du portail locataires",
        "Fourniture de postes de travail et de licences",
        "Hébergement et infogérance du système d'information",
        "Application mobile de signalement des incidents techniques",
        'Solution de dématérialisation des factures fournisseurs "zéro papier"',
    ),
    "PRESTATIONS_INTELLECTUELLES": (
        "Diagnostics de performance énergétique (DPE) du patrimoine - {c}",
        "Assistance à maîtrise d'ouvrage - plan stratégique de patrimoine",
        "Coordination sécurité et protection de la santé (SPS) - {c}",
        "Commissariat aux comptes",
        "Audit énergétique et scénarios de rénovation; lot {n}",
    ),
    "ACHATS_GENERAUX": (
        "Vêtements de travail et EPI des gardiens",
        "Fournitures de bureau et consommables",
        "Impression et mise sous pli des avis d'échéance",
        "Prestations de traiteur - assemblées de locataires",
        "Mobilier de bureau - agence de {c}",
    ),
}
LOTS_CN = (
    "gros œuvre", "charpente bois", "menuiseries extérieures", "étanchéité",
    "électricité - courants faibles", "plomberie - CVC", "isolation biosourcée",
)  # fmt: skip
LOTS_REHAB = (
    "isolation thermique par l'extérieur", "remplacement des menuiseries", "ventilation",
    "peinture - revêtements de sol", "chaufferie", "toiture - isolation des combles",
)  # fmt: skip
RESIDENCES = {
    "SEQENS": ("Les Tilleuls", "Le Parc", "La Roseraie", "Les Peupliers", "Le Clos Fleuri",
               "Les Terrasses", "Cité des Fleurs", "Le Belvédère", "Les Érables", "Le Moulin"),
    "SIDR": ("Les Flamboyants", "Les Filaos", "Les Tamarins", "Ravine Blanche", "Les Vacoas",
             "Bois de Nèfles", "Les Songes", "Le Butor", "Les Letchis", "Ti Case"),
    "ERILIA": ("Les Oliviers", "La Calanque", "Les Pins", "U Borgu", "Les Salines",
               "Le Mistral", "La Bastide", "Les Lauriers", "Le Vallon", "Les Cigales"),
    "ALLIADE": ("Les Marronniers", "La Soie", "Les Canuts", "Le Confluent", "Les Balmes",
                "Les Platanes", "La Duchère", "Le Mont Cindre", "Les Vergers", "Le Grand Clos"),
}  # fmt: skip
# Innovative purchases under 100 000 € HT mostly take the route of art. R. 2122-9-1
# CCP (no publicity, no competition), under the 2019+ DECP label or the older one.
# As many entries as PROCEDURES: the same random draws, the rest of the demo unchanged.
INNOVATIVE_PROCEDURES = (
    "Marché passé sans publicité ni mise en concurrence préalable",
    "Marché passé sans publicité ni mise en concurrence préalable",
    "Marché négocié sans publicité ni mise en concurrence préalable",
    "Marché négocié sans publicité ni mise en concurrence préalable",
    "marche passe sans publicite ni mise en concurrence prealable",
    "Procédure adaptée",
    "Appel d'offres ouvert",
    "Marché passé sans publicité ni mise en concurrence préalable",
)
PROCEDURES = (
    "Appel d'offres ouvert",
    "Appel d'offres ouvert",
    "Procédure adaptée",
    "Procédure adaptée",
    "Procédure adaptée",
    "Procédure avec négociation",
    "Marché passé sans publicité ni mise en concurrence préalable",
    "Dialogue compétitif",
)
TRAININGS = (
    ("Achats responsables : clauses sociales et insertion", "Achats responsables"),
    ("Loi Climat et résilience : considérations environnementales", "Environnement"),
    ("Délais de paiement et dématérialisation des factures", "Finances"),
    ("Sourcing et relation fournisseurs", "Commande publique"),
    ("Marchés innovants sous 100 000 € HT", "Commande publique"),
    ("Déontologie; prévention des conflits d'intérêts", "Éthique"),
    ("Calcul du coût global et analyse du cycle de vie", "Environnement"),
)
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

BOOL_TRUE = ("Oui", "Oui", "oui", "OUI", "O", "o", "1")
BOOL_FALSE = ("Non", "Non", "non", "NON", "N", "n", "0")

# ----------------------------------------------------------------------------
# Filiales
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """One filiale and the habits of its export tools."""

    code: str
    name: str
    siren: str
    departements: str
    drom: str
    domain: str
    communes: tuple[tuple[str, str, str], ...]
    bom: frozenset[str] = frozenset()
    shuffled: frozenset[str] = frozenset()
    crlf: bool = False
    quote_all: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    header_only: frozenset[str] = frozenset()
    # VAT rates in per mille: La Réunion has reduced rates (8.5 %, 2.1 %).
    vat: tuple[int, ...] = (1200, 1200, 1200, 1100, 1055)
    # Amount spellings: (thousands separator, space before a trailing euro sign or None).
    amount_styles: tuple[tuple[str, str | None], ...] = (("", None),)
    pay_speed: float = 1.0
    programmed_rate: float = 0.92
    ids_prefix: str = ""
    logements_units: int = 48
    snapshots: tuple[date, ...] = ()
    position: int = 0  # in filiales.csv: it shifts each filiale's cycle of planted bad rows
    # The demo filiale whose export habits, residences and documents a copy reuses.
    habits: str = ""

    def __post_init__(self) -> None:
        if not self.habits:
            object.__setattr__(self, "habits", self.code)


PROFILES = (
    Profile(
        code="SEQENS",
        name="Seqens",
        siren="582142816",
        departements="75|77|78|91|92|93|94|95",
        drom="N",
        domain="seqens.fr",
        communes=IDF,
        bom=frozenset({"fournisseurs", "marches"}),
        shuffled=frozenset({"factures_2025_2026"}),
        amount_styles=(("", None), ("", None), (" ", None), (NBSP, None), (" ", " "), ("", " ")),
        pay_speed=0.8,
        programmed_rate=0.95,
        snapshots=(
            date(2023, 12, 31),
            date(2024, 12, 31),
            date(2025, 6, 30),
            date(2025, 12, 31),
            date(2026, 12, 31),
        ),
    ),
    Profile(
        code="SIDR",
        name="Société Immobilière du Département de la Réunion",
        siren="310863592",
        departements="974",
        drom="O",
        domain="sidr.fr",
        communes=REUNION,
        bom=frozenset(FILIALE_EXTRACTS),
        shuffled=frozenset({"fournisseurs", "marches", "factures", "logements", "vehicules"}),
        crlf=True,
        vat=(1085, 1085, 1085, 1021),
        amount_styles=((NBSP, None), (NBSP, NBSP), ("", None), (NBSP, " ")),
        pay_speed=1.4,
        programmed_rate=0.85,
        ids_prefix="SIDR-",
        logements_units=40,
        snapshots=(date(2024, 12, 31), date(2025, 12, 31), date(2026, 12, 31)),
    ),
    Profile(
        code="ERILIA",
        name="Erilia",
        siren="058811670",
        departements="13|83| 84 |06|04|05|2A|2B",
        drom="Non",
        domain="erilia.fr",
        communes=PACA_CORSE,
        shuffled=frozenset({"avenants", "operations"}),
        quote_all=frozenset({"documents", "formations"}),
        amount_styles=(("", None), ("", None), (NNBSP, None), (NNBSP, NNBSP), (" ", " ")),
        pay_speed=1.1,
        programmed_rate=0.9,
        logements_units=56,
        # No snapshot in 2026: the 2026 heating indicators are null for this filiale.
        snapshots=(date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31)),
    ),
    Profile(
        code="ALLIADE",
        name="Alliade Habitat",
        siren="960505458",
        departements="69|01|38|42|73|74",
        drom="n",
        domain="alliade.com",
        communes=RHONE_ALPES,
        bom=frozenset({"factures"}),
        # Absent extracts: their indicators are unknown (null), not zero.
        absent=frozenset({"vehicules", "logements", "formations"}),
        # Present without any row: its counts are 0.
        header_only=frozenset({"evenements_fournisseurs"}),
        amount_styles=(("", None), (" ", " "), (NNBSP, " ")),
        pay_speed=0.9,
        programmed_rate=0.97,
    ),
)


def profiles(count: int = len(PROFILES), housing_units: int | None = None) -> list[Profile]:
    """The demo's four filiales, then as many more as asked: each a copy of one of the four
    under a code and SIREN of its own, so its random streams, hence its rows, differ. With
    `housing_units`, every filiale that delivers housing has that many units per snapshot."""
    chosen = []
    for position in range(count):
        base = PROFILES[position % len(PROFILES)]
        profile = base
        if position >= len(PROFILES):
            copy = position // len(PROFILES) + 1
            profile = replace(
                base,
                code=f"{base.code}_{copy:02d}",
                name=f"{base.name} ({copy:02d})",
                siren=f"{(int(base.siren) + position) % 10**9:09d}",
            )
        if housing_units is not None:
            profile = replace(profile, logements_units=housing_units)
        chosen.append(replace(profile, position=position))
    return chosen


# ----------------------------------------------------------------------------
# Value spellings
# ----------------------------------------------------------------------------

_EPOCH = date(2015, 1, 1).toordinal()
_DATES = [date.fromordinal(_EPOCH + i).strftime("%d/%m/%Y") for i in range(366 * 16)]


def fmt_date(d: date | None) -> str:
    return "" if d is None else _DATES[d.toordinal() - _EPOCH]


def fmt_amount(cents: int, sep: str = "", euro: str | None = None, whole: bool = False) -> str:
    units, rest = divmod(abs(cents), 100)
    text = f"{units:,}".replace(",", sep) if sep else str(units)
    if not (whole and rest == 0):
        text += f",{rest:02d}"
    if cents < 0:
        text = "-" + text
    return text if euro is None else f"{text}{euro}€"


def fmt_bool(rng: Random, value: bool | None) -> str:
    if value is None:
        return ""
    return rng.choice(BOOL_TRUE if value else BOOL_FALSE)


def spell(rng: Random, code: str, p: float = 0.15) -> str:
    """A coded value as exports write it: mostly canonical, sometimes another case or no accent."""
    if rng.random() >= p:
        return code
    plain = code.translate(str.maketrans("éèêÉÈÀàç", "eeeEEAac"))
    return rng.choice((code.lower(), code.upper(), plain, plain.upper(), f" {code} "))


def join_list(rng: Random, items: list[str]) -> str:
    if not items:
        return ""
    r = rng.random()
    if r < 0.1:
        return " | ".join(items)
    if r < 0.15:
        return "|".join(items) + "|"
    return "|".join(items)


# ----------------------------------------------------------------------------
# SIRET
# ----------------------------------------------------------------------------

LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    return next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))


def new_siret(rng: Random, used: set[str]) -> str:
    while True:
        siren = luhn_complete(str(rng.randrange(10_000_000, 100_000_000)))
        siret = luhn_complete(siren + f"{rng.randrange(10_000):04d}")
        if siret not in used and siren != LA_POSTE_SIREN:
            used.add(siret)
            return siret


def la_poste_siret(rng: Random, valid: bool) -> str:
    """A La Poste SIRET that fails Luhn, so only the digit-sum rule can accept it."""
    while True:
        siret = LA_POSTE_SIREN + f"{rng.randrange(100_000):05d}"
        if luhn_ok(siret):
            continue
        if (sum(map(int, siret)) % 5 == 0) == valid:
            return siret


def broken_siret(siret: str) -> str:
    """Changing one digit always breaks the Luhn check."""
    return siret[:-1] + str((int(siret[-1]) + 3) % 10)


def spaced_siret(siret: str) -> str:
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"


# ----------------------------------------------------------------------------
# Writing files and keeping track of the deliberate bad rows
# ----------------------------------------------------------------------------


@dataclass
class Bad:
    """A row that the staging must reject, and why."""

    row: dict[str, str]
    kind: str
    column: str = ""
    value: str = ""
    after: dict[str, str] | None = None  # a duplicate comes after the row it repeats

    @property
    def reason(self) -> str:
        if self.kind == "duplicate key":
            return f"duplicate key ({self.value})"
        if self.kind == "unknown contract":
            return f"unknown contract '{self.value}'"
        if self.kind == "required field empty":
            return f"required field '{self.column}' is empty"
        return f"{self.kind} in '{self.column}': '{self.value}'"

    @property
    def label(self) -> str:
        """The reason without the value, to count bad rows by kind."""
        if self.kind in ("duplicate key", "unknown contract"):
            return self.kind
        return f"{self.kind} in '{self.column}'"


def invalid(row: dict[str, str], kind: str, column: str, value: str) -> Bad:
    row = dict(row)
    row[column] = value
    return Bad(row, kind, column, value)


def missing(row: dict[str, str], column: str) -> Bad:
    row = dict(row)
    row[column] = ""
    return Bad(row, "required field empty", column)


def duplicate(row: dict[str, str], key: tuple[str, ...], **changes: str) -> Bad:
    return Bad(
        {**row, **changes}, "duplicate key", value=repr(tuple(row[k] for k in key)), after=row
    )


@dataclass
class Context:
    profile: Profile
    seed: int
    invoices: int
    folder: Path
    rejects: list[tuple[str, str, str, int, str, str]] = field(default_factory=list)

    def rng(self, purpose: str) -> Random:
        # A string seed is hashed with SHA-512: stable across runs and PYTHONHASHSEED.
        return Random(f"{self.seed}/{self.profile.code}/{purpose}")

    def header(self, extract: str, file_stem: str, extras: tuple[str, ...] = ()) -> list[str]:
        columns = EXTRACTS[extract].column_names
        rng = self.rng(f"columns/{file_stem}")
        for extra in extras:
            columns.insert(rng.randrange(len(columns) + 1), extra)
        if file_stem in self.profile.shuffled or extract in self.profile.shuffled:
            rng.shuffle(columns)
        return columns

    def open(
        self, extract: str, file_stem: str, columns: list[str], header: list[str] | None = None
    ) -> RawWriter:
        p = self.profile
        return RawWriter(
            ctx=self,
            extract=extract,
            path=self.folder / f"{file_stem}.csv",
            columns=columns,
            header=header or columns,
            bom=extract in p.bom,
            crlf=p.crlf,
            quote_all=extract in p.quote_all,
        )

    def record(self, extract: str, file_name: str, line: int, bad: Bad) -> None:
        self.rejects.append((self.profile.code, extract, file_name, line, bad.label, bad.reason))


class RawWriter:
    """One raw file, in the header order, encoding and line endings of its export tool."""

    def __init__(
        self,
        ctx: Context,
        extract: str,
        path: Path,
        columns: list[str],
        header: list[str],
        bom: bool,
        crlf: bool,
        quote_all: bool,
    ) -> None:
        self.ctx = ctx
        self.extract = extract
        self.path = path
        self.columns = columns
        # The utf-8-sig codec encodes in Python at every write: write its BOM by hand instead.
        self.handle = path.open("w", encoding="utf-8", newline="")
        if bom:
            self.handle.write("\ufeff")
        self.newline = "\r\n" if crlf else "\n"
        self.writer = csv.writer(
            self.handle,
            delimiter=";",
            quotechar='"',
            lineterminator=self.newline,
            quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        )
        self.writer.writerow(header)
        self.line = 1

    def write(self, row: dict[str, str], bad: Bad | None = None, short: bool = False) -> None:
        values = [row.get(c, "") for c in self.columns]
        if short:
            # An export that drops the trailing empty fields of a row.
            while values and not values[-1]:
                values.pop()
        self.writer.writerow(values)
        self.line += 1
        if bad is not None:
            self.ctx.record(self.extract, self.path.name, self.line, bad)

    def blank_line(self) -> None:
        self.handle.write(self.newline)
        self.line += 1

    def close(self) -> None:
        self.handle.close()


def merge(rng: Random, good: list[dict[str, str]], bad: list[Bad]) -> list[tuple[dict, Bad | None]]:
    """Scatter the bad rows among the good ones; a duplicate lands after its original."""
    rows: list[tuple[dict, Bad | None]] = [(r, None) for r in good]
    for b in bad:
        first = 1
        if b.after is not None:
            first = next(i for i, (r, _) in enumerate(rows) if r is b.after) + 1
        rows.insert(rng.randint(first, len(rows)), (b.row, b))
    return rows


def write_table(
    ctx: Context,
    extract: str,
    good: list[dict[str, str]],
    bad: list[Bad],
    extras: tuple[str, ...] = (),
    spelled: Callable[[list[str]], list[str]] | None = None,
    blank_after: int | None = None,
) -> None:
    if extract in ctx.profile.absent:
        return
    columns = ctx.header(extract, extract, extras)
    writer = ctx.open(extract, extract, columns, spelled(columns) if spelled else None)
    if extract not in ctx.profile.header_only:
        for i, (row, b) in enumerate(merge(ctx.rng(f"merge/{extract}"), good, bad)):
            if i == blank_after:
                writer.blank_line()
            writer.write(row, b, short=bool(row.get("_short")))
    writer.close()


# ----------------------------------------------------------------------------
# Generators, one per extract
# ----------------------------------------------------------------------------


@dataclass
class Supplier:
    siret: str
    segment: str


@dataclass
class Contract:
    id: str
    day: date
    segment: str
    cents: int
    siret: str
    framework: bool
    cancelled: bool


def random_day(rng: Random, year: int, first: int = 1, last: int = 12) -> date:
    start = date(year, first, 1)
    end = date(year + (last == 12), 1 if last == 12 else last + 1, 1)
    return start + timedelta(days=rng.randrange((end - start).days))


def money(rng: Random, low: int, high: int) -> int:
    """Cents, log-uniform between two amounts in euros: many small, a few large."""
    return int(math.exp(rng.uniform(math.log(low), math.log(high))) * 100)


def amount_text(rng: Random, p: Profile, cents: int) -> str:
    sep, euro = rng.choice(p.amount_styles)
    return fmt_amount(cents, sep, euro, whole=rng.random() < 0.5)


def supplier_name(rng: Random, p: Profile, trade: str) -> str:
    surname = rng.choice(SURNAMES.get(p.habits, SURNAMES_METRO))
    form = rng.choice(FORMS)
    r = rng.random()
    if r < 0.4:
        return f"{surname} {trade} {form}"
    if r < 0.75:
        return f"{trade} {surname} {form}"
    if r < 0.9:
        return f"Ets {surname} & Fils"
    return f"{trade} {surname}"


def make_fournisseurs(ctx: Context, used: set[str]) -> list[Supplier]:
    p = ctx.profile
    rng = ctx.rng("fournisseurs")
    n = 40 + 2 * math.isqrt(ctx.invoices)
    rows: list[dict[str, str]] = []
    suppliers: list[Supplier] = []

    def add(row: dict[str, str], segment: str, siret: str) -> None:
        rows.append(row)
        suppliers.append(Supplier(siret, segment))

    def place(local: bool) -> tuple[str, str]:
        insee, postal, _ = rng.choice(p.communes if local else ELSEWHERE)
        return insee, postal

    # Suppliers that carry the edge cases of the derived rules.
    insee, postal = place(True)
    poste = la_poste_siret(rng, valid=True)
    add(
        dict(
            siret=poste,
            raison_sociale="La Poste - Plateforme courrier entreprises",
            categorie_entreprise="GE",
            tranche_effectifs="53",
            ess="N",
            esus="Non",
            code_postal=postal,
            code_commune=insee,
            naf="53.10Z",
        ),
        "ACHATS_GENERAUX",
        poste,
    )
    inclusive = (
        ("ESAT", "ESAT Les Ateliers du {c}", "NETTOYAGE", "88.10C", "O", "Oui"),
        ("ea", "Entreprise adaptée Horizon {c}", "ACHATS_GENERAUX", "81.21Z", "O", ""),
        ("SIAE", "Chantier d'insertion Jardins de {c}", "ESPACES_EXTERIEURS", "81.30Z", "o", "1"),
        ("Régie_Quartier", 'Régie de quartier "{c} Solidaire"', "NETTOYAGE", "81.10Z", "", "oui"),
        ("", "SCOP Bâtisseurs du {c}", "REHABILITATION", "43.99C", "O", "N"),
        ("", "Association Énergie Partagée {c}", "ENERGIE", "35.14Z", "N", "O"),
    )
    for structure, name, segment, naf, ess, esus in inclusive:
        insee, postal = place(True)
        town = next(c[2] for c in p.communes if c[0] == insee)
        siret = new_siret(rng, used)
        add(
            dict(
                siret=siret,
                raison_sociale=name.format(c=town),
                categorie_entreprise="PME",
                tranche_effectifs=rng.choice(("11", "12", "21")),
                ess=ess,
                esus=esus,
                structure_inclusive=structure,
                code_postal=postal,
                code_commune=insee,
                naf=naf,
            ),
            segment,
            siret,
        )
    # Département from the postal code alone, and the SME rule on tranche_effectifs.
    edge = (
        ("", "20090", "", "31", "Plâtrerie Corse-du-Sud", "REHABILITATION", "43.31Z"),
        ("", "20600", "", "32", "Ascenseurs de Haute-Corse", "ENTRETIEN_MAINTENANCE", "43.29B"),
        ("", "97200", "", "22", "Caraïbes Ingénierie", "PRESTATIONS_INTELLECTUELLES", "71.12B"),
        ("", "", "", "", "Imprimerie sans adresse", "ACHATS_GENERAUX", "18.12Z"),
        ("", "97490", "", "41", "Océan Indien Logiciels", "INFORMATIQUE", "58.29C"),
    )
    for cat, postal, insee, tranche, name, segment, naf in edge:
        siret = new_siret(rng, used)
        add(
            dict(
                siret=spaced_siret(siret) if postal == "97200" else siret,
                raison_sociale=f"{name} {rng.choice(FORMS)}",
                categorie_entreprise=cat,
                tranche_effectifs=tranche,
                ess="N",
                code_postal=postal,
                code_commune=insee,
                naf=naf,
            ),
            segment,
            siret,
        )
    # Large national groups, each a titulaire in its family.
    for segment, name in (
        ("ENERGIE", "Groupe Énergies de France"),
        ("INFORMATIQUE", "Numérix Services"),
        ("CONSTRUCTION_NEUVE", "Bâtir Ensemble Construction"),
        ("FLOTTE_AUTOMOBILE", "Flottes Auto Location"),
        ("NETTOYAGE", "Propreté Multiservices Nationale"),
    ):
        insee, postal = ("75108", "75008") if p.habits != "SEQENS" else ("69123", "69002")
        siret = new_siret(rng, used)
        add(
            dict(
                siret=siret,
                raison_sociale=f"{name} SA",
                categorie_entreprise="GE",
                tranche_effectifs=rng.choice(("52", "53")),
                ess="N",
                esus=fmt_bool(rng, False),
                code_postal=postal,
                code_commune=insee,
                naf=TRADES[segment][0][1],
            ),
            segment,
            siret,
        )
    while len(rows) < n:
        segment = rng.choice(SEGMENTS)
        trade, naf = rng.choice(TRADES[segment])
        insee, postal = place(rng.random() < 0.6)
        r = rng.random()
        if r < 0.45:
            cat, tranche = "PME", rng.choice(("01", "02", "03", "11", "12", "21", "22", ""))
        elif r < 0.7:
            cat, tranche = "", rng.choice(("NN", "00", "11", "21", "31", "32", "41", ""))
        elif r < 0.85:
            cat, tranche = "ETI", rng.choice(("32", "41", "42", "51"))
        else:
            cat, tranche = "GE", rng.choice(("51", "52", "53"))
        siret = new_siret(rng, used)
        add(
            dict(
                siret=spaced_siret(siret) if rng.random() < 0.04 else siret,
                raison_sociale=supplier_name(rng, p, trade),
                categorie_entreprise=spell(rng, cat, 0.1) if cat else "",
                tranche_effectifs=tranche,
                ess=rng.choice(("N", "N", "N", "N", "", "O", "n")),
                esus=fmt_bool(rng, None if rng.random() < 0.4 else rng.random() < 0.05),
                code_postal=postal,
                code_commune="" if rng.random() < 0.08 else insee,
                naf=naf,
            ),
            segment,
            siret,
        )

    bad = [
        invalid(rows[-1], "invalid SIRET", "siret", broken_siret(new_siret(rng, used))),
        invalid(rows[-2], "invalid SIRET", "siret", la_poste_siret(rng, valid=False)),
        missing(rows[-3], "siret"),
        invalid(
            {**rows[-4], "siret": new_siret(rng, used)},
            "unknown coded value",
            "categorie_entreprise",
            "TPE",
        ),
        invalid(
            {**rows[-5], "siret": new_siret(rng, used)}, "invalid boolean", "esus", "Peut-être"
        ),
        duplicate(rows[24], ("siret",), raison_sociale=rows[24]["raison_sociale"].upper()),
    ]
    extras = ("date_maj_sirene",) if p.habits == "SIDR" else ()
    if extras:
        for row in rows:
            row["date_maj_sirene"] = fmt_date(random_day(rng, 2026, 1, 1))
    write_table(ctx, "fournisseurs", rows, bad, extras)
    return suppliers


@dataclass
class Operation:
    id: str
    type: str
    start: date
    name: str


def make_operations(ctx: Context) -> list[Operation]:
    p = ctx.profile
    rng = ctx.rng("operations")
    rows: list[dict[str, str]] = []
    ops: list[Operation] = []
    plan = (
        "CONSTRUCTION_NEUVE",
        "CONSTRUCTION_NEUVE",
        "REHABILITATION",
        "REHABILITATION",
        "MAINTENANCE",
        "RENOUVELLEMENT_COMPOSANTS",
    )
    residences = RESIDENCES[p.habits]
    for year in range(2022, 2027):
        for i, kind in enumerate(plan, start=1):
            op_id = f"{p.ids_prefix}OP{year}-{i:02d}"
            start = random_day(rng, year)
            insee, _, town = rng.choice(p.communes)
            residence = rng.choice(residences)
            delivery = start + timedelta(days=rng.randint(330, 900))
            row = dict(
                id_operation=op_id,
                type_operation=spell(rng, kind, 0.1),
                code_commune=insee,
                date_ordre_service=fmt_date(start),
                date_livraison=fmt_date(delivery) if delivery <= AS_OF else "",
                charte_chantier_propre=fmt_bool(rng, rng.choice((True, True, True, False, None))),
            )
            if kind == "CONSTRUCTION_NEUVE":
                n = rng.randint(14, 90)
                row["libelle"] = f"Construction de {n} logements - {residence}, {town}"
                row["labels"] = join_list(
                    rng,
                    rng.choice(
                        (
                            ["BBCA"],
                            ["NF_HABITAT_HQE"],
                            ["BATIMENT_BIOSOURCE", "NF_HABITAT_HQE"],
                            ["Passivhaus"],
                            ["E+C-"],
                            [],
                            ["bbca", "E+C-"],
                            ["NF_HABITAT_HQE"],
                        )
                    ),
                )
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
            rows.append(row)
            ops.append(Operation(op_id, kind, start, residence))
    template = rows[-1]
    bad = [
        invalid(
            {**template, "id_operation": f"{p.ids_prefix}OP2025-90"},
            "unknown coded value",
            "type_operation",
            "DEMOLITION",
        ),
        invalid(
            {**template, "id_operation": f"{p.ids_prefix}OP2025-91"},
            "invalid integer",
            "nb_logements",
            "12,5",
        ),
        invalid(
            {**template, "id_operation": f"{p.ids_prefix}OP2025-92"},
            "invalid date",
            "date_livraison",
            "30/02/2025",
        ),
    ]
    write_table(ctx, "operations", rows, bad)
    return ops


def considerations(rng: Random, social_rate: float, env_rate: float) -> tuple[str, str]:
    if rng.random() < social_rate:
        social = rng.choice(
            (
                ["Clause sociale"],
                ["Clause sociale"],
                ["Critère social"],
                ["Critere social"],
                ["Clause sociale", "Critère social"],
                ["Marché réservé"],
                ["marche reserve"],
            )
        )
    else:
        social = rng.choice(
            (["Pas de considération sociale"], [], ["Pas de consideration sociale"])
        )
    if rng.random() < env_rate:
        env = rng.choice(
            (
                ["Clause environnementale"],
                ["Critère environnemental"],
                ["Clause environnementale", "Critère environnemental"],
                ["CLAUSE ENVIRONNEMENTALE"],
            )
        )
    else:
        env = rng.choice((["Pas de considération environnementale"], []))
    return join_list(rng, social), join_list(rng, env)


SEGMENT_CLAUSES = {
    "CONSTRUCTION_NEUVE": ("BOIS_DURABLE", "BIOSOURCE", "RECYCLAGE_DECHETS"),
    "REHABILITATION": ("BIOSOURCE", "RECYCLAGE_DECHETS"),
    "ENTRETIEN_MAINTENANCE": ("KITS_ECONOMES", "RECYCLAGE_DECHETS"),
    "ESPACES_EXTERIEURS": ("GESTION_ECOLOGIQUE", "GESTION_ECOLOGIQUE"),
    "NETTOYAGE": ("ECOLABEL",),
    "ENERGIE": ("DONNEES_ENERGIE",),
    "ACHATS_GENERAUX": ("ECOLABEL",),
}


def make_marches(
    ctx: Context, suppliers: list[Supplier], ops: list[Operation]
) -> tuple[list[Contract], str]:
    p = ctx.profile
    rng = ctx.rng("marches")
    by_segment: dict[str, list[Supplier]] = {s: [] for s in SEGMENTS}
    for s in suppliers:
        by_segment[s.segment].append(s)
    others_per_year = 10 + math.isqrt(ctx.invoices) // 2
    rows: list[dict[str, str]] = []
    contracts: list[Contract] = []
    frameworks: list[Contract] = []

    def titulaire(segment: str) -> str:
        pool = by_segment[segment] or suppliers
        return rng.choice(pool).siret

    plans: list[tuple[int, str, Operation | None]] = []
    for op in ops:
        if op.type in ("CONSTRUCTION_NEUVE", "REHABILITATION"):
            plans += [(op.start.year, op.type, op)] * rng.randint(2, 3)
        else:
            plans.append((op.start.year, "ENTRETIEN_MAINTENANCE", op))
    for year in range(HISTORY_YEAR, 2027):
        plans += [(year, rng.choice(OTHER_SEGMENTS), None) for _ in range(others_per_year)]
        plans.append((year, "REHABILITATION", None))
    plans = [plan for plan in plans if plan[0] >= HISTORY_YEAR]
    plans.sort(key=lambda plan: plan[0])

    seq: Counter[int] = Counter()
    for year, segment, op in plans:
        seq[year] += 1
        contract_id = f"{p.ids_prefix}{year}-M{seq[year]:03d}"
        if op is not None:
            # Lots are notified a few weeks before the works start.
            day = op.start - timedelta(days=rng.randint(10, 120))
            day = max(day, date(HISTORY_YEAR, 1, 2))
        else:
            day = random_day(rng, year)
        low, high = AMOUNT_RANGE[segment]
        cents = money(rng, low, high)
        if rng.random() < 0.3:
            cents = cents // 100_000 * 100_000 or 100_000
        framework = False
        techniques, id_ac = "", ""
        if op is None and segment not in ("PRESTATIONS_INTELLECTUELLES",):
            r = rng.random()
            if r < 0.25:
                framework = True
                techniques = join_list(
                    rng,
                    rng.choice(
                        (
                            ["Accord-cadre"],
                            ["Accord-cadre"],
                            ["accord-cadre"],
                            ["Accord-cadre", "Catalogue électronique"],
                            ["Accord-Cadre", "Enchère électronique"],
                        )
                    ),
                )
            elif r < 0.38 and frameworks:
                framework = True
                parent = rng.choice(frameworks)
                id_ac = parent.id
                segment = parent.segment
                techniques = rng.choice(("", "", "Sans objet"))
                cents = max(cents // 4, 500_000)
            elif r < 0.45:
                techniques = rng.choice(("Sans objet", "Système d'acquisition dynamique"))
        status = rng.choice(("Notifié",) * 12 + ("notifie", "NOTIFIÉ", "Résilié", "Resilie"))
        cancelled = rng.random() < 0.03
        if cancelled:
            status = rng.choice(("Annulé", "annule", "ANNULÉ"))
        siret = titulaire(segment)
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
        if op is not None:
            lots = LOTS_CN if op.type == "CONSTRUCTION_NEUVE" else LOTS_REHAB
            kind = "Construction" if op.type == "CONSTRUCTION_NEUVE" else "Réhabilitation"
            if op.type in ("MAINTENANCE", "RENOUVELLEMENT_COMPOSANTS"):
                objet = f"Travaux - résidence {op.name} ({op.id})"
            else:
                objet = f"{kind} - résidence {op.name} - lot {rng.choice(lots)}"
        else:
            town = rng.choice(p.communes)[2]
            objet = rng.choice(OBJETS[segment]).format(c=town, n=rng.randint(1, 6))
        social, env = considerations(rng, 0.45, 0.6)
        innovative = segment in ("INFORMATIQUE", "PRESTATIONS_INTELLECTUELLES", "ENERGIE") and (
            rng.random() < 0.3
        )
        if innovative and rng.random() < 0.75:
            cents = money(rng, 8_000, 99_000)
        reference = ""
        if rng.random() < 0.35:
            reference = amount_text(rng, p, cents * rng.randint(96, 118) // 100)
        op_id = op.id if op is not None else ""
        if op is None and segment == "REHABILITATION":
            op_id = f"{p.ids_prefix}OP2019-99"  # unknown operation: kept, linked to nothing
        titulaire_text = siret
        r = rng.random()
        if r < 0.03:
            titulaire_text = broken_siret(siret)  # invalid optional SIRET: unknown titulaire
        elif r < 0.06:
            titulaire_text = ""
        elif r < 0.1:
            titulaire_text = spaced_siret(siret)
        row = dict(
            id_marche=contract_id,
            objet=objet,
            categorie=spell(rng, CATEGORY[segment]),
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
            row["acheteur"] = rng.choice(
                (
                    "Direction des achats",
                    "Agence de Marseille",
                    "Agence de Bastia",
                    "Direction du patrimoine",
                )
            )
        rows.append(row)
        contract = Contract(contract_id, day, segment, cents, siret, framework, cancelled)
        contracts.append(contract)
        if techniques and "ccord" in techniques and not cancelled:
            frameworks.append(contract)

    # Thresholds at their exact value, and cancelled contracts that must count nowhere.
    edges = (
        ("2025", "PRESTATIONS_INTELLECTUELLES", 10_000_000, "Oui", "Notifié", "Clause sociale"),
        ("2025", "INFORMATIQUE", 9_999_999, "Oui", "Notifié", ""),
        ("2024", "NETTOYAGE", 45_000_000, "", "Annulé", "Clause sociale"),
        ("2025", "INFORMATIQUE", 6_500_000, "oui", "Annulé", ""),
        ("2026", "ESPACES_EXTERIEURS", 12_000_000, "", "Annulé", ""),
    )
    for year, segment, cents, innov, status, social in edges:
        seq[int(year)] += 1
        contract_id = f"{p.ids_prefix}{year}-M{seq[int(year)]:03d}"
        day = random_day(rng, int(year))
        siret = titulaire(segment)
        cancelled = status == "Annulé"
        techniques = "Accord-cadre" if cancelled and segment == "NETTOYAGE" else ""
        rows.append(
            dict(
                id_marche=contract_id,
                objet=rng.choice(OBJETS[segment]).format(c=p.communes[0][2], n=1),
                categorie=CATEGORY[segment],
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
        contracts.append(
            Contract(contract_id, day, segment, cents, siret, bool(techniques), cancelled)
        )

    template = rows[len(rows) // 2]
    rejected_id = f"{p.ids_prefix}2025-R02"
    bad = [
        missing({**template, "id_marche": f"{p.ids_prefix}2024-R01"}, "categorie"),
        invalid(
            {**template, "id_marche": rejected_id},
            "invalid date",
            "date_notification",
            "31/02/2025",
        ),
        invalid(
            {**template, "id_marche": f"{p.ids_prefix}2025-R03"},
            "unknown coded value",
            "segment",
            "TRAVAUX_NEUFS",
        ),
        invalid(
            {**template, "id_marche": f"{p.ids_prefix}2025-R04"},
            "unknown coded value",
            "considerations_sociales",
            "Clause sociale|Clause d'insertion",
        ),
        invalid(
            {**template, "id_marche": f"{p.ids_prefix}2026-R05"},
            "invalid amount",
            "montant_ht",
            "150.000,00",
        ),
        invalid(
            {**template, "id_marche": f"{p.ids_prefix}2026-R06"},
            "invalid integer",
            "duree_mois",
            "12,5",
        ),
        duplicate(rows[5], ("id_marche",), montant_ht=amount_text(rng, p, 123_456_00)),
    ]
    extras = ("acheteur",) if p.habits == "ERILIA" else ()
    write_table(ctx, "marches", rows, bad, extras)
    contracts.sort(key=lambda c: (c.day, c.id))
    return contracts, rejected_id


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
    template = rows[0]
    bad = [
        Bad(
            {
                **template,
                "id_avenant": f"{p.ids_prefix}2025-M999-AV1",
                "id_marche": f"{p.ids_prefix}2025-M999",
            },
            "unknown contract",
            value=f"{p.ids_prefix}2025-M999",
        ),
        Bad(
            {**template, "id_avenant": f"{rejected_id}-AV1", "id_marche": rejected_id},
            "unknown contract",
            value=rejected_id,
        ),
        invalid(
            {**template, "id_avenant": f"{template['id_marche']}-AV8"},
            "invalid date",
            "date_notification",
            "2025-11-03",
        ),
        invalid(
            {**template, "id_avenant": f"{template['id_marche']}-AV9"},
            "invalid amount",
            "montant_ht",
            "n.c.",
        ),
        duplicate(rows[3], ("id_avenant",)),
    ]
    write_table(ctx, "avenants", rows, bad)


# Invoice rows are plain lists in this column order, reordered per file by an itemgetter.
INVOICE_COLUMNS = EXTRACTS["factures"].column_names
(I_ID, I_SIRET, I_MARCHE, I_TYPE, I_DATE, I_RECEPTION, I_PAIEMENT, I_HT, I_TTC, I_STATUT) = (
    INVOICE_COLUMNS.index(c)
    for c in ("id_facture", "siret_fournisseur", "id_marche", "type_piece", "date_facture",
              "date_reception", "date_paiement", "montant_ht", "montant_ttc", "statut")
)  # fmt: skip
INVOICE_BAD = (
    ("invalid date", I_DATE, "31/02/{y}"),
    ("invalid date", I_DATE, "{y}-03-15"),
    ("invalid amount", I_HT, "1.234,56"),
    ("required field empty", I_ID, ""),
    ("unknown coded value", I_STATUT, "Litige"),
    ("invalid date", I_RECEPTION, "15/13/{y}"),
    ("duplicate key", I_ID, ""),
    ("invalid amount", I_HT, "n.c."),
    ("unknown coded value", I_TYPE, "Acompte"),
    ("required field empty", I_HT, ""),
    ("invalid amount", I_TTC, "12 34,50"),
    ("invalid date", I_PAIEMENT, "32/01/{y}"),
)
PAID = ("Payée",) * 10 + ("payée", "PAYEE", "Payee")
TO_PAY = ("À payer",) * 4 + ("A payer", "à payer", "A PAYER")
CANCELLED = ("Annulée", "Annulée", "ANNULEE", "annulée")
INVOICE = ("Facture",) * 12 + ("facture", "FACTURE")
CREDIT = ("Avoir", "Avoir", "avoir", "AVOIR")
LEDGER = (
    ("6155", "Entretien et réparations"),
    ("6152", "Gros entretien"),
    ("6226", "Honoraires"),
    ("6061", "Énergie"),
    ("6064", "Fournitures"),
    ("2313", "Immobilisations en cours"),
)


@dataclass
class InvoiceFile:
    stem: str
    years: tuple[int, ...]
    extras: tuple[str, ...] = ()


def invoice_files(p: Profile) -> tuple[InvoiceFile, ...]:
    if p.habits == "SEQENS":
        return (
            InvoiceFile(
                "factures_2024", (HISTORY_YEAR, 2024), ("code_analytique", "libelle_compte")
            ),
            InvoiceFile("factures_2025_2026", (2025, 2026)),
        )
    return (InvoiceFile("factures", (HISTORY_YEAR, *YEARS)),)


def make_factures(
    ctx: Context,
    suppliers: list[Supplier],
    contracts: list[Contract],
    rejected_id: str,
    used: set[str],
) -> None:
    """Stream the invoices: this is the only extract that grows with --invoices-per-year."""
    p = ctx.profile
    rng = ctx.rng("factures")
    rnd = rng.random
    n_year = ctx.invoices
    width = max(5, len(str(n_year)))
    sirets = [s.siret for s in suppliers]
    # Spend concentrates on a few suppliers, not on the edge cases listed first.
    rng.shuffle(sirets)
    n_sup = len(sirets)
    # Invalid or unknown SIRETs keep the invoice: its supplier is unclassified.
    strays = (broken_siret(sirets[3]), "4042 1234", new_siret(rng, used), new_siret(rng, used))
    unknown_contracts = (f"{p.ids_prefix}HM-2024-001", rejected_id, "SANS MARCHE")
    c_days = [c.day.toordinal() for c in contracts]
    c_ids = [c.id for c in contracts]
    c_sirets = [c.siret for c in contracts]
    c_cents = [c.cents for c in contracts]
    styles = p.amount_styles
    n_styles = len(styles)
    vat = p.vat
    n_vat = len(vat)
    dates = _DATES
    epoch = _EPOCH
    as_of = AS_OF.toordinal()
    speed = p.pay_speed
    bad_cycle_start = p.position * 5

    def amount(cents: int, r: float) -> str:
        sep, euro = styles[int(r * n_styles)]
        if cents < 0:
            units, rest = divmod(-cents, 100)
            sign = "-"
        else:
            units, rest = divmod(cents, 100)
            sign = ""
        text = (
            f"{sign}{units:_},{rest:02d}".replace("_", sep) if sep else f"{sign}{units},{rest:02d}"
        )
        return text if euro is None else text + euro + "€"

    written = 0
    last_good: list[str] | None = None
    for spec in invoice_files(p):
        columns = ctx.header("factures", spec.stem, spec.extras)
        writer = ctx.open("factures", spec.stem, columns)
        order = itemgetter(
            *[
                INVOICE_COLUMNS.index(c)
                if c in INVOICE_COLUMNS
                else len(INVOICE_COLUMNS) + spec.extras.index(c)
                for c in columns
            ]
        )
        write = writer.writer.writerow
        extra_values = [list(x) for x in LEDGER] if spec.extras else [[]]
        n_extra = len(extra_values)
        if last_good is not None:
            # A re-export of an invoice of the previous file, now paid: the first one is kept.
            row = list(last_good)
            row[I_STATUT] = "Payée"
            write(order(row + extra_values[0]))
            writer.line += 1
            ctx.record(
                "factures",
                writer.path.name,
                writer.line,
                Bad({}, "duplicate key", value=f"('{row[I_ID]}',)"),
            )
        for year in spec.years:
            if year == HISTORY_YEAR:
                first, n = date(year, 10, 1).toordinal(), n_year // 4
                span = 92
            else:
                first, n = date(year, 1, 1).toordinal(), n_year
                span = 366 if year % 4 == 0 else 365
            seq = 0
            for i in range(n):
                day = first + (i * span) // n
                seq += 1
                row = [""] * 10
                row[I_ID] = f"F{year}-{seq:0{width}d}"
                r = rnd()
                k = bisect.bisect_left(c_days, day)
                if r < 0.72 and k:
                    j = int(rnd() * k)
                    cents = int(c_cents[j] * (0.002 + 0.04 * rnd())) + 5_000
                    row[I_MARCHE] = c_ids[j]
                    siret = c_sirets[j] if rnd() < 0.95 else sirets[int(rnd() * n_sup)]
                else:
                    x = rnd()
                    cents = 2_000 + int(2_500_000 * x * x * x)
                    if r > 0.985:
                        row[I_MARCHE] = unknown_contracts[int(rnd() * 3)]
                    x = rnd()
                    siret = sirets[int(x * x * n_sup)]
                x = rnd()
                if x < 0.015:
                    siret = "" if x < 0.006 else strays[int(x * 1000) % 4]
                row[I_SIRET] = siret
                if rnd() < 0.04:
                    row[I_TYPE] = CREDIT[int(rnd() * 4)]
                    cents = cents // 5
                    if rnd() < 0.5:
                        cents = -cents  # credit notes come with either sign
                else:
                    row[I_TYPE] = INVOICE[int(rnd() * 14)]
                row[I_DATE] = dates[day - epoch]
                received = day + int(rnd() * 7)
                if rnd() >= 0.07:
                    row[I_RECEPTION] = dates[received - epoch]
                else:
                    received = day + 2  # the contract's fallback when the date is missing
                x = rnd()
                if x < 0.015:
                    row[I_STATUT] = CANCELLED[int(rnd() * 4)]
                else:
                    if x < 0.025:
                        paid = received - 1 - int(rnd() * 5)  # paid before it was received
                    else:
                        y = rnd()
                        paid = received + 3 + int(speed * 75 * y * y)
                    if paid > as_of or x > 0.96:
                        row[I_STATUT] = TO_PAY[int(rnd() * 7)]
                    else:
                        row[I_PAIEMENT] = dates[paid - epoch]
                        row[I_STATUT] = PAID[int(rnd() * 13)]
                x = rnd()
                row[I_HT] = amount(cents, x)
                if x < 0.9:
                    row[I_TTC] = amount(cents * vat[int(rnd() * n_vat)] // 1000, rnd())
                written += 1
                if written % BAD_EVERY == 0 and last_good is not None:
                    kind, column, value = INVOICE_BAD[
                        (bad_cycle_start + written // BAD_EVERY) % len(INVOICE_BAD)
                    ]
                    if kind == "duplicate key":
                        bad_row = list(last_good)
                        bad_row[I_STATUT] = "À payer"
                        bad = Bad({}, kind, value=f"('{bad_row[I_ID]}',)")
                    else:
                        bad_row = list(row)
                        bad_row[column] = value.format(y=year)
                        bad = Bad({}, kind, INVOICE_COLUMNS[column], bad_row[column])
                    write(order(bad_row + extra_values[0]))
                    writer.line += 1
                    ctx.record("factures", writer.path.name, writer.line, bad)
                    seq += 1
                    row[I_ID] = f"F{year}-{seq:0{width}d}"
                write(order(row + extra_values[int(rnd() * n_extra)]))
                writer.line += 1
                last_good = row
        writer.close()


def make_consultations(ctx: Context) -> None:
    p = ctx.profile
    rng = ctx.rng("consultations")
    rows: list[dict[str, str]] = []
    years = [HISTORY_YEAR, *YEARS]
    for year in years:
        if p.habits == "ALLIADE" and year == 2026:
            continue  # no launch in 2026: the ratio is null, "every consultation" holds
        n = 2 if year == HISTORY_YEAR else rng.randint(9, 13)
        charte_ok = rng.random() < 0.6
        mediateur_ok = rng.random() < 0.6
        launches = sorted(
            random_day(rng, year, 11 if year == HISTORY_YEAR else 1) for _ in range(n)
        )
        exception = rng.randrange(n)
        for i, day in enumerate(launches, start=1):
            segment = rng.choice(OTHER_SEGMENTS)
            low, high = AMOUNT_RANGE[segment]
            r = rng.random()
            if r < 0.1:
                cents = None
            elif r < 0.2:
                cents = 4_000_000  # exactly the 40 000 threshold: not above it
            else:
                cents = money(rng, max(low, 41_000), high)
            above = cents is not None and cents > 4_000_000
            charte = True if above and charte_ok else rng.random() < 0.75
            mediateur = True
            if i - 1 == exception:
                if not charte_ok:
                    cents, charte = money(rng, 60_000, 500_000), rng.choice((False, None))
                if not mediateur_ok:
                    mediateur = rng.choice((False, None))
            estimate = "" if cents is None else amount_text(rng, p, cents)
            town = rng.choice(p.communes)[2]
            rows.append(
                dict(
                    id_consultation=f"CS{year}-{i:03d}",
                    objet=rng.choice(OBJETS[segment]).format(c=town, n=rng.randint(1, 5)),
                    date_lancement=fmt_date(day),
                    montant_estime_ht=estimate,
                    programmee=fmt_bool(rng, rng.random() < p.programmed_rate),
                    charte_ethique_dce=fmt_bool(rng, charte),
                    mediateur_dce=fmt_bool(rng, mediateur),
                )
            )
    template = rows[-1]
    bad = [
        invalid(
            {**template, "id_consultation": "CS2025-090"},
            "invalid boolean",
            "programmee",
            "En cours",
        ),
        invalid(
            {**template, "id_consultation": "CS2025-091"},
            "invalid date",
            "date_lancement",
            "29/02/2025",
        ),
        duplicate(rows[4], ("id_consultation",), programmee="Non"),
    ]

    def spelled(columns: list[str]) -> list[str]:
        # One export tool writes its header in upper case with padding.
        if p.habits != "ERILIA":
            return columns
        return [f" {c.upper()} " if i % 2 else c.upper() for i, c in enumerate(columns)]

    write_table(ctx, "consultations", rows, bad, spelled=spelled)


ENERGY_SPELLING = {"ELECTRICITE": "Électricité", "GEOTHERMIE": "Géothermie"}


def make_logements(ctx: Context) -> None:
    p = ctx.profile
    if "logements" in p.absent:
        return
    rng = ctx.rng("logements")
    drom = p.drom.upper().startswith("O")
    # Renewable share of each heat network by year: one crosses the 50 % line.
    networks = {
        2023: ("45", "62,5"),
        2024: ("49,9", "62,5"),
        2025: ("50", "62,5"),
        2026: ("55,3", "64"),
    }
    units = []
    for n in range(1, p.logements_units + 1):
        insee = rng.choice(p.communes)[0]
        if drom:
            heat = rng.choice(
                (
                    ("Aucun", ""),
                    ("Aucun", ""),
                    ("Individuel", "ELECTRICITE"),
                    ("Collectif", "PAC"),
                    ("Collectif", "ELECTRICITE"),
                )
            )
            ecs = rng.choice(
                (
                    ("Collectif", "SOLAIRE"),
                    ("Collectif", "ELECTRICITE"),
                    ("Individuel", "SOLAIRE"),
                    ("Collectif", "SOLAIRE"),
                )
            )
        else:
            heat = rng.choice(
                (
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
            )
            ecs = rng.choice((heat, heat, ("Individuel", "ELECTRICITE"), ("Collectif", "SOLAIRE")))
        network = rng.randrange(2)
        dpe = rng.choice("BCCDDDEEFG")
        converts = heat[1] in ("GAZ", "FIOUL") and rng.random() < 0.25
        units.append(
            (f"{p.ids_prefix or p.code[:3]}-L{n:05d}", insee, heat, ecs, network, dpe, converts)
        )
    rows: list[dict[str, str]] = []
    for snapshot in p.snapshots:
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
                rate = networks[snapshot.year][network] if i % 11 else ""
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
    template = rows[-1]
    repeat = duplicate(rows[7], ("id_logement", "date_situation"), chauffage_energie="FIOUL")
    # The key as the staging reads it: the id and the parsed date.
    day = datetime.strptime(rows[7]["date_situation"], "%d/%m/%Y").date()
    repeat.value = repr((rows[7]["id_logement"], day))
    bad = [
        repeat,
        invalid(
            {**template, "id_logement": "X-L99990"}, "invalid date", "date_situation", "31/12/2O25"
        ),
        invalid(
            {**template, "id_logement": "X-L99991"},
            "unknown coded value",
            "chauffage_energie",
            "MAZOUT",
        ),
        invalid(
            {**template, "id_logement": "X-L99992", "chauffage_energie": "RCU"},
            "invalid number",
            "rcu_taux_enrr_pct",
            "62.5",
        ),
    ]
    write_table(ctx, "logements", rows, bad)


def plate(rng: Random, used: set[str]) -> str:
    letters = "ABCDEFGHJKLMNPQRSTVWXYZ"
    while True:
        value = (
            f"{rng.choice('BCDEFG')}{rng.choice(letters)}-{rng.randint(100, 999)}-"
            f"{rng.choice(letters)}{rng.choice(letters)}"
        )
        if value not in used:
            used.add(value)
            return value


def make_vehicules(ctx: Context) -> None:
    p = ctx.profile
    if "vehicules" in p.absent:
        return
    rng = ctx.rng("vehicules")
    used: set[str] = set()
    # (energy, CO2 g/km, entry, exit): the year-end and low-emission edge cases first.
    fleet = [
        ("GO", "128", date(2020, 3, 2), date(2024, 12, 31)),
        ("ES", "119,5", date(2021, 5, 17), date(2025, 1, 1)),
        ("EL", "0", date(2025, 12, 31), None),
        ("el", "", date(2024, 6, 12), None),
        ("EE", "", date(2024, 2, 5), None),
        ("EE", "50", date(2023, 9, 14), None),
        ("EE", "50,4", date(2025, 4, 1), None),
        ("H2", "", date(2026, 2, 20), None),
        ("GO", "", date(2019, 1, 10), date(2026, 12, 31)),
    ]
    for _ in range(rng.randint(14, 20)):
        energy = rng.choice(("GO", "GO", "ES", "ES", "EL", "EL", "EE", "EH", "GP"))
        co2 = {
            "GO": (110, 175),
            "ES": (100, 160),
            "EL": (0, 0),
            "EE": (18, 49),
            "EH": (85, 115),
            "GP": (105, 130),
        }[energy]
        entry = date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28))
        leave = None
        if entry.year < 2024 and rng.random() < 0.3:
            leave = date(rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 28))
        fleet.append((energy, str(rng.randint(*co2)), entry, leave))
    rows = [
        dict(
            immatriculation=plate(rng, used),
            energie=energy,
            co2_g_km=co2,
            date_entree_parc=fmt_date(entry),
            date_sortie_parc=fmt_date(leave),
            mode_detention=spell(rng, rng.choice(("Propriété", "Location")), 0.3),
        )
        for energy, co2, entry, leave in fleet
    ]
    rng.shuffle(rows)
    template = rows[-1]
    bad = [
        missing({**template, "immatriculation": plate(rng, used)}, "energie"),
        invalid(
            {**template, "immatriculation": plate(rng, used)},
            "invalid date",
            "date_entree_parc",
            "2024-03-01",
        ),
        invalid(
            {**template, "immatriculation": plate(rng, used)},
            "unknown coded value",
            "mode_detention",
            "LLD",
        ),
        invalid(
            {**template, "immatriculation": plate(rng, used)},
            "invalid number",
            "co2_g_km",
            "environ 120",
        ),
        duplicate(rows[2], ("immatriculation",)),
    ]
    write_table(ctx, "vehicules", rows, bad)


def make_formations(ctx: Context) -> None:
    p = ctx.profile
    if "formations" in p.absent:
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
    # Sessions on the first and last day of a year.
    rows.append(
        dict(
            id_session="FOR-2025-31",
            date_session="31/12/2025",
            intitule=TRAININGS[0][0],
            theme=TRAININGS[0][1],
            nb_participants="9",
        )
    )
    rows.append(
        dict(
            id_session="FOR-2026-00",
            date_session="01/01/2026",
            intitule=TRAININGS[3][0],
            theme=TRAININGS[3][1],
            nb_participants="",
        )
    )
    template = rows[-3]
    bad = [
        invalid(
            {**template, "id_session": "FOR-2025-90"}, "invalid date", "date_session", "2025-10-01"
        ),
        invalid(
            {**template, "id_session": "FOR-2025-91"}, "invalid integer", "nb_participants", "douze"
        ),
    ]
    write_table(ctx, "formations", rows, bad, blank_after=5)


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
    bad = [
        invalid(
            {**template, "id_evenement": "EVT-2025-90"},
            "unknown coded value",
            "type_evenement",
            "SALON_PROFESSIONNEL",
        ),
        missing({**template, "id_evenement": "EVT-2025-91"}, "date_evenement"),
    ]
    write_table(ctx, "evenements_fournisseurs", rows, bad)


# Per filiale: (type, validated, published, url file or None, with contact, withdrawn)
DOCUMENTS = {
    "SEQENS": (
        ("POLITIQUE_ACHATS_RESPONSABLES", "12/03/2024", "02/04/2024", "politique-ar-2024", 0, ""),
        ("CHARTE_ETHIQUE_FOURNISSEURS", "15/12/2024", "06/01/2025", "charte-ethique", 0, ""),
        ("MEDIATEUR_FOURNISSEURS", "10/01/2024", "15/01/2024", "mediateur-2024", 0, ""),
        ("MEDIATEUR_FOURNISSEURS", "20/05/2025", "01/06/2025", "mediateur-2025", 1, ""),
        ("PROGRAMMATION_ACHATS", "20/01/2024", "30/01/2024", "programmation-2024", 0, ""),
        ("PROGRAMMATION_ACHATS", "14/01/2025", "28/01/2025", "programmation-2025", 0, ""),
        ("PROGRAMMATION_ACHATS", "19/12/2025", "05/01/2026", "programmation-2026", 0, ""),
    ),
    "SIDR": (
        (
            "POLITIQUE_ACHATS_RESPONSABLES",
            "05/06/2023",
            "20/06/2023",
            "politique-ar",
            0,
            "31/12/2025",
        ),
        ("POLITIQUE_ACHATS_RESPONSABLES", "15/12/2025", "15/01/2026", "politique-ar-2026", 0, ""),
        ("CHARTE_ETHIQUE_FOURNISSEURS", "02/02/2024", "10/02/2024", None, 0, ""),
        ("CHARTE_ETHIQUE_FOURNISSEURS", "03/03/2025", "17/03/2025", "charte-ethique", 0, ""),
        ("MEDIATEUR_FOURNISSEURS", "08/04/2024", "15/04/2024", "mediateur", 1, ""),
        ("PROGRAMMATION_ACHATS", "22/01/2024", "31/01/2024", "programmation-2024", 0, ""),
        ("PROGRAMMATION_ACHATS", "08/01/2026", "12/01/2026", "programmation-2026", 0, ""),
    ),
    "ERILIA": (
        ("POLITIQUE_ACHATS_RESPONSABLES", "18/10/2024", "", "politique-ar", 0, ""),
        ("POLITIQUE_ACHATS_RESPONSABLES", "18/10/2024", "03/03/2025", "politique-ar", 0, ""),
        ("CHARTE_ETHIQUE_FOURNISSEURS", "11/09/2023", "02/10/2023", "charte-ethique", 0, ""),
        ("MEDIATEUR_FOURNISSEURS", "14/02/2024", "01/03/2024", "mediateur", 1, "30/09/2026"),
        ("PROGRAMMATION_ACHATS", "10/01/2024", "17/01/2024", "programmation-2024", 0, ""),
        ("PROGRAMMATION_ACHATS", "09/01/2025", "16/01/2025", "programmation-2025", 0, ""),
        ("PROGRAMMATION_ACHATS", "15/12/2026", "31/12/2026", "programmation-2027", 0, ""),
    ),
    "ALLIADE": (
        ("POLITIQUE_ACHATS_RESPONSABLES", "25/01/2024", "05/02/2024", "politique-ar", 0, ""),
        ("CHARTE_ETHIQUE_FOURNISSEURS", "25/01/2024", "05/02/2024", "charte-ethique", 0, ""),
        ("MEDIATEUR_FOURNISSEURS", "25/01/2024", "05/02/2024", "mediateur", 1, ""),
        ("PROGRAMMATION_ACHATS", "03/02/2025", "10/02/2025", "programmation-2025", 0, ""),
    ),
}


def make_documents(ctx: Context) -> None:
    p = ctx.profile
    rows = []
    for i, (kind, validated, published, page, contact, withdrawn) in enumerate(
        DOCUMENTS[p.habits], start=1
    ):
        rows.append(
            dict(
                id_document=f"DOC-{p.code[:3]}-{i:03d}",
                type_document=kind,
                date_validation=validated,
                date_publication=published,
                url=f"https://www.{p.domain}/fournisseurs/{page}.pdf" if page else "",
                contact_email=f"mediation.fournisseurs@{p.domain}" if contact else "",
                date_retrait=withdrawn,
                _short="1" if not (contact or withdrawn) and i % 3 == 0 else "",
            )
        )
    template = {k: v for k, v in rows[0].items() if k != "_short"}
    bad = [
        invalid(
            {**template, "id_document": f"DOC-{p.code[:3]}-090"},
            "unknown coded value",
            "type_document",
            "RAPPORT_RSE",
        ),
        invalid(
            {**template, "id_document": f"DOC-{p.code[:3]}-091"},
            "invalid date",
            "date_validation",
            "31/06/2025",
        ),
    ]
    write_table(ctx, "documents", rows, bad)


# ----------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------


def generate_filiale(profile: Profile, out: Path, seed: int, invoices: int) -> list[tuple]:
    folder = out / profile.code
    folder.mkdir(parents=True, exist_ok=True)
    ctx = Context(profile, seed, invoices, folder)
    used_sirets: set[str] = set()
    suppliers = make_fournisseurs(ctx, used_sirets)
    ops = make_operations(ctx)
    contracts, rejected_id = make_marches(ctx, suppliers, ops)
    make_avenants(ctx, contracts, rejected_id)
    write_decp(ctx, contracts, AS_OF)  # DECP files (issue 12): scripts/demo_decp.py
    make_factures(ctx, suppliers, contracts, rejected_id, used_sirets)
    make_consultations(ctx)
    make_logements(ctx)
    make_vehicules(ctx)
    make_formations(ctx)
    make_evenements(ctx)
    make_documents(ctx)
    # The books (FEC) of some filiales, from the invoices just written (scripts/demo_fec.py).
    return ctx.rejects + write_fec_files(profile.code, profile.siren, folder, seed)


def write_filiales(out: Path, chosen: list[Profile]) -> None:
    with (out / "filiales.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(EXTRACTS["filiales"].column_names)
        for p in chosen:
            writer.writerow((p.code, p.name, p.siren, p.departements, p.drom))


def clear(out: Path) -> None:
    """Remove a previous delivery: filiales.csv and the folders that hold only CSV files."""
    if not out.exists():
        return
    for entry in sorted(out.iterdir()):
        if entry.name == "filiales.csv":
            entry.unlink()
        elif entry.is_dir() and all(
            f.is_file() and (f.suffix in (".csv", ".txt") or is_decp_file(f))
            for f in entry.iterdir()
        ):
            for f in entry.iterdir():
                f.unlink()
            entry.rmdir()
        else:
            print(f"warning: {entry} left in place; the loader may reject it", file=sys.stderr)


def generate(
    out: Path,
    seed: int = 2026,
    invoices: int = DEFAULT_INVOICES,
    jobs: int = 0,
    chosen: list[Profile] | None = None,
):
    """Write the delivery; return its deliberate bad rows, in filiale and file order."""
    chosen = chosen or profiles()
    clear(out)
    out.mkdir(parents=True, exist_ok=True)
    write_filiales(out, chosen)
    jobs = jobs or (min(len(chosen), os.cpu_count() or 1) if invoices >= PARALLEL_THRESHOLD else 1)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(generate_filiale, p, out, seed, invoices) for p in chosen]
            results = [f.result() for f in futures]
    else:
        results = [generate_filiale(p, out, seed, invoices) for p in chosen]
    return [row for rejects in results for row in rejects]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="target raw folder")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument(
        "--invoices-per-year",
        type=int,
        default=DEFAULT_INVOICES,
        help=f"invoices per filiale and year (default {DEFAULT_INVOICES})",
    )
    parser.add_argument(
        "--filiales",
        type=int,
        default=len(PROFILES),
        help=f"number of filiales (default {len(PROFILES)}: the demo's; more are copies of them)",
    )
    parser.add_argument(
        "--housing-units",
        type=int,
        help="housing units per filiale and snapshot (default: each demo filiale's own)",
    )
    parser.add_argument(
        "--registries",
        type=Path,
        help="also write the demo supplier registries there (make demo-data: data/demo/registries)",
    )
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: auto)")
    parser.add_argument("--summary", action="store_true", help="print the deliberate bad rows")
    parser.add_argument("--manifest", type=Path, help="CSV file listing every deliberate bad row")
    args = parser.parse_args(argv)
    if args.invoices_per_year < 1:
        parser.error("--invoices-per-year must be at least 1")

    if args.filiales < 1:
        parser.error("--filiales must be at least 1")

    started = time.perf_counter()
    chosen = profiles(args.filiales, args.housing_units)
    rejects = generate(args.out, args.seed, args.invoices_per_year, args.jobs, chosen)
    if args.registries:
        write_registries(args.out, args.registries, args.seed)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.out} in {elapsed:.1f} s ({len(rejects)} deliberate bad rows)")
    if args.summary:
        # In filiale, extract and file order, then by reason.
        counts = Counter((f, e, s, label) for f, e, s, _, label, _ in rejects)
        codes = [p.code for p in chosen]
        extracts = [*FILIALE_EXTRACTS, "decp", "fec"]  # DECP and FEC files last
        for (filiale, extract, source, label), n in sorted(
            counts.items(),
            key=lambda kv: (codes.index(kv[0][0]), extracts.index(kv[0][1]), kv[0][2:]),
        ):
            print(f"{filiale}\t{extract}\t{source}\t{label}\t{n}")
    if args.manifest:
        with args.manifest.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("filiale_code", "extract", "source_file", "line_number", "reason"))
            writer.writerows((f, e, s, line, reason) for f, e, s, line, _, reason in rejects)
    return 0


if __name__ == "__main__":
    sys.exit(main())
