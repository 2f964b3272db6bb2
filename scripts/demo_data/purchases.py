"""Reference purchases of the demo: purchase families (segments) with their trades, contract
categories and amount ranges, contract subjects, lots of operations, award procedures and
environmental clauses."""

from __future__ import annotations

import math
from random import Random
from typing import NamedTuple

from spaser.contract import codes_of

SEGMENTS = codes_of("marches", "segment")


class ContractTerms(NamedTuple):
    """The contracts of one segment: their category and amount range in euros."""

    category: str
    low: int
    high: int


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
CONTRACT_TERMS = {
    "CONSTRUCTION_NEUVE": ContractTerms("Travaux", 300_000, 4_000_000),
    "REHABILITATION": ContractTerms("Travaux", 120_000, 2_500_000),
    "ENTRETIEN_MAINTENANCE": ContractTerms("Travaux", 25_000, 900_000),
    "ESPACES_EXTERIEURS": ContractTerms("Services", 15_000, 400_000),
    "NETTOYAGE": ContractTerms("Services", 20_000, 600_000),
    "ENERGIE": ContractTerms("Fournitures", 80_000, 3_000_000),
    "FLOTTE_AUTOMOBILE": ContractTerms("Fournitures", 30_000, 500_000),
    "INFORMATIQUE": ContractTerms("Services", 10_000, 450_000),
    "PRESTATIONS_INTELLECTUELLES": ContractTerms("Services", 8_000, 300_000),
    "ACHATS_GENERAUX": ContractTerms("Fournitures", 5_000, 200_000),
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
SEGMENT_CLAUSES = {
    "CONSTRUCTION_NEUVE": ("BOIS_DURABLE", "BIOSOURCE", "RECYCLAGE_DECHETS"),
    "REHABILITATION": ("BIOSOURCE", "RECYCLAGE_DECHETS"),
    "ENTRETIEN_MAINTENANCE": ("KITS_ECONOMES", "RECYCLAGE_DECHETS"),
    "ESPACES_EXTERIEURS": ("GESTION_ECOLOGIQUE", "GESTION_ECOLOGIQUE"),
    "NETTOYAGE": ("ECOLABEL",),
    "ENERGIE": ("DONNEES_ENERGIE",),
    "ACHATS_GENERAUX": ("ECOLABEL",),
}


def money(rng: Random, low: int, high: int) -> int:
    """Cents, log-uniform between two amounts in euros: many small, a few large."""
    return int(math.exp(rng.uniform(math.log(low), math.log(high))) * 100)
