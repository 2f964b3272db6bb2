"""The input contract of ../shared/spec/raw-extracts.md, as data.

The loader uses it to match headers and to fail fast on a missing required
column; the delivery validation (Great Expectations) uses it for the
row-level expectations. The typing and rejection rules themselves live in the
staging models (SQL), which an auditor reads in the dbt docs.
"""

from __future__ import annotations

from dataclasses import dataclass

# Column kinds. Each maps to one parsing macro in macros/parsing/.
TEXT = "text"
DATE = "date"
AMOUNT = "amount"
NUMBER = "number"
INTEGER = "integer"
BOOLEAN = "boolean"
CODE = "code"
CODE_LIST = "code_list"  # every item must be a known code
LIST = "list"  # free items, or codes whose unknown items are ignored
SIRET = "siret"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = TEXT
    required: bool = False
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extract:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    per_filiale: bool = True
    description: str = ""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


SEGMENTS = (
    "CONSTRUCTION_NEUVE",
    "REHABILITATION",
    "ENTRETIEN_MAINTENANCE",
    "ESPACES_EXTERIEURS",
    "NETTOYAGE",
    "ENERGIE",
    "FLOTTE_AUTOMOBILE",
    "INFORMATIQUE",
    "PRESTATIONS_INTELLECTUELLES",
    "ACHATS_GENERAUX",
)
ENERGY_VECTORS = (
    "GAZ",
    "FIOUL",
    "PROPANE",
    "CHARBON",
    "ELECTRICITE",
    "PAC",
    "GEOTHERMIE",
    "BOIS",
    "SOLAIRE",
    "RECUPERATION",
    "RCU",
    "AUTRE",
)
HEATING_MODES = ("Collectif", "Individuel", "Aucun")
DPE_LABELS = ("A", "B", "C", "D", "E", "F", "G")
TRANCHES_EFFECTIFS = (
    "NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32",
    "41", "42", "51", "52", "53",
)  # fmt: skip

EXTRACTS: dict[str, Extract] = {
    e.name: e
    for e in (
        Extract(
            "filiales",
            per_filiale=False,
            key=("code_filiale",),
            description="reference list of filiales (group level)",
            columns=(
                Column("code_filiale", required=True),
                Column("raison_sociale"),
                Column("siren"),
                Column("departements", LIST),
                Column("drom", BOOLEAN),
            ),
        ),
        Extract(
            "fournisseurs",
            key=("siret",),
            description="suppliers",
            columns=(
                Column("siret", SIRET, required=True),
                Column("raison_sociale"),
                Column("categorie_entreprise", CODE, codes=("PME", "ETI", "GE")),
                Column("tranche_effectifs", CODE, codes=TRANCHES_EFFECTIFS),
                Column("ess", CODE, codes=("O", "N")),
                Column("esus", BOOLEAN),
                Column(
                    "structure_inclusive",
                    CODE,
                    codes=("SIAE", "ESAT", "EA", "REGIE_QUARTIER"),
                ),
                Column("code_postal"),
                Column("code_commune"),
                Column("naf"),
            ),
        ),
        Extract(
            "marches",
            key=("id_marche",),
            description="contracts (marchés)",
            columns=(
                Column("id_marche", required=True),
                Column("objet"),
                Column(
                    "categorie",
                    CODE,
                    required=True,
                    codes=("Travaux", "Services", "Fournitures"),
                ),
                Column("segment", CODE, required=True, codes=SEGMENTS),
                Column("procedure"),
                Column(
                    "techniques",
                    CODE_LIST,
                    codes=(
                        "Accord-cadre",
                        "Système d'acquisition dynamique",
                        "Concours",
                        "Catalogue électronique",
                        "Enchère électronique",
                        "Système de qualification",
                        "Sans objet",
                    ),
                ),
                Column("id_accord_cadre"),
                Column("marche_innovant", BOOLEAN),
                Column("date_notification", DATE, required=True),
                Column("montant_ht", AMOUNT, required=True),
                Column("montant_reference_ht", AMOUNT),
                Column("duree_mois", INTEGER),
                Column("siret_titulaire", SIRET),
                Column(
                    "considerations_sociales",
                    CODE_LIST,
                    codes=(
                        "Clause sociale",
                        "Critère social",
                        "Marché réservé",
                        "Pas de considération sociale",
                    ),
                ),
                Column(
                    "considerations_environnementales",
                    CODE_LIST,
                    codes=(
                        "Clause environnementale",
                        "Critère environnemental",
                        "Pas de considération environnementale",
                    ),
                ),
                Column(
                    "clauses",
                    LIST,
                    codes=(
                        "BOIS_DURABLE",
                        "BIOSOURCE",
                        "RECYCLAGE_DECHETS",
                        "GESTION_ECOLOGIQUE",
                        "ECOLABEL",
                        "KITS_ECONOMES",
                        "DONNEES_ENERGIE",
                    ),
                ),
                Column("objectif_valorisation_dechets_pct", NUMBER),
                Column("id_operation"),
                Column(
                    "statut",
                    CODE,
                    required=True,
                    codes=("Notifié", "Résilié", "Annulé"),
                ),
            ),
        ),
        Extract(
            "avenants",
            key=("id_avenant",),
            description="contract amendments",
            columns=(
                Column("id_avenant", required=True),
                Column("id_marche", required=True),
                Column("date_notification", DATE, required=True),
                Column("montant_ht", AMOUNT, required=True),
            ),
        ),
        Extract(
            "factures",
            key=("id_facture",),
            description="supplier invoices and credit notes",
            columns=(
                Column("id_facture", required=True),
                Column("siret_fournisseur", SIRET),
                Column("id_marche"),
                Column("type_piece", CODE, required=True, codes=("Facture", "Avoir")),
                Column("date_facture", DATE, required=True),
                Column("date_reception", DATE),
                Column("date_paiement", DATE),
                Column("montant_ht", AMOUNT, required=True),
                Column("montant_ttc", AMOUNT),
                Column(
                    "statut",
                    CODE,
                    required=True,
                    codes=("Payée", "À payer", "Annulée"),
                ),
            ),
        ),
        Extract(
            "consultations",
            key=("id_consultation",),
            description="procurement launches",
            columns=(
                Column("id_consultation", required=True),
                Column("objet"),
                Column("date_lancement", DATE, required=True),
                Column("montant_estime_ht", AMOUNT),
                Column("programmee", BOOLEAN),
                Column("charte_ethique_dce", BOOLEAN),
                Column("mediateur_dce", BOOLEAN),
            ),
        ),
        Extract(
            "operations",
            key=("id_operation",),
            description="construction and rehabilitation operations",
            columns=(
                Column("id_operation", required=True),
                Column(
                    "type_operation",
                    CODE,
                    required=True,
                    codes=(
                        "CONSTRUCTION_NEUVE",
                        "REHABILITATION",
                        "MAINTENANCE",
                        "RENOUVELLEMENT_COMPOSANTS",
                    ),
                ),
                Column("libelle"),
                Column("code_commune"),
                Column("nb_logements", INTEGER),
                Column("date_ordre_service", DATE),
                Column("date_livraison", DATE),
                Column(
                    "labels",
                    LIST,
                    codes=("BBCA", "NF_HABITAT_HQE", "BATIMENT_BIOSOURCE", "PASSIVHAUS"),
                ),
                Column("charte_chantier_propre", BOOLEAN),
                Column("etiquette_dpe_avant", CODE, codes=DPE_LABELS),
                Column("etiquette_dpe_apres", CODE, codes=DPE_LABELS),
            ),
        ),
        Extract(
            "logements",
            key=("id_logement", "date_situation"),
            description="housing units (annual snapshots)",
            columns=(
                Column("id_logement", required=True),
                Column("date_situation", DATE, required=True),
                Column("code_commune"),
                Column("chauffage_mode", CODE, codes=HEATING_MODES),
                Column("chauffage_energie", CODE, codes=ENERGY_VECTORS),
                Column("ecs_mode", CODE, codes=HEATING_MODES),
                Column("ecs_energie", CODE, codes=ENERGY_VECTORS),
                Column("rcu_taux_enrr_pct", NUMBER),
                Column("etiquette_dpe", CODE, codes=DPE_LABELS),
            ),
        ),
        Extract(
            "vehicules",
            key=("immatriculation",),
            description="vehicle fleet",
            columns=(
                Column("immatriculation", required=True),
                Column("energie", required=True),
                Column("co2_g_km", NUMBER),
                Column("date_entree_parc", DATE, required=True),
                Column("date_sortie_parc", DATE),
                Column("mode_detention", CODE, codes=("Propriété", "Location")),
            ),
        ),
        Extract(
            "formations",
            key=("id_session",),
            description="purchasing training sessions",
            columns=(
                Column("id_session", required=True),
                Column("date_session", DATE, required=True),
                Column("intitule"),
                Column("theme"),
                Column("nb_participants", INTEGER),
            ),
        ),
        Extract(
            "evenements_fournisseurs",
            key=("id_evenement",),
            description="supplier events",
            columns=(
                Column("id_evenement", required=True),
                Column("date_evenement", DATE, required=True),
                Column(
                    "type_evenement",
                    CODE,
                    required=True,
                    codes=(
                        "RENCONTRE_FOURNISSEURS",
                        "SENSIBILISATION_ENTREPRISES",
                        "SUIVI_EXECUTION",
                        "SOURCING",
                    ),
                ),
                Column("intitule"),
                Column("nb_entreprises", INTEGER),
            ),
        ),
        Extract(
            "documents",
            key=("id_document",),
            description="governance documents and publications",
            columns=(
                Column("id_document", required=True),
                Column(
                    "type_document",
                    CODE,
                    required=True,
                    codes=(
                        "POLITIQUE_ACHATS_RESPONSABLES",
                        "CHARTE_ETHIQUE_FOURNISSEURS",
                        "MEDIATEUR_FOURNISSEURS",
                        "PROGRAMMATION_ACHATS",
                    ),
                ),
                Column("date_validation", DATE),
                Column("date_publication", DATE),
                Column("url"),
                Column("contact_email"),
                Column("date_retrait", DATE),
            ),
        ),
    )
}

FILIALE_EXTRACTS = [name for name, e in EXTRACTS.items() if e.per_filiale]
