"""The supplier file (`fournisseurs`): the edge cases of the derived rules first (La Poste,
inclusive structures, addresses known by postal code only, national groups), then ordinary
suppliers of every purchase family, then the planted bad rows."""

from __future__ import annotations

import math
from dataclasses import dataclass
from random import Random

from .places import ELSEWHERE, FORMS, SURNAMES, SURNAMES_METRO
from .planted import Bad, duplicate, invalid, missing
from .profiles import Profile
from .purchases import SEGMENTS, TRADES
from .sirets import broken_siret, la_poste_siret, new_siret, spaced_siret
from .spellings import fmt_bool, fmt_date, spell
from .timeline import random_day
from .writer import Context, write_table

# Inclusive structures: (structure, name, segment, NAF, ess, esus), {c} the supplier's town.
INCLUSIVE = (
    ("ESAT", "ESAT Les Ateliers du {c}", "NETTOYAGE", "88.10C", "O", "Oui"),
    ("ea", "Entreprise adaptée Horizon {c}", "ACHATS_GENERAUX", "81.21Z", "O", ""),
    ("SIAE", "Chantier d'insertion Jardins de {c}", "ESPACES_EXTERIEURS", "81.30Z", "o", "1"),
    ("Régie_Quartier", 'Régie de quartier "{c} Solidaire"', "NETTOYAGE", "81.10Z", "", "oui"),
    ("", "SCOP Bâtisseurs du {c}", "REHABILITATION", "43.99C", "O", "N"),
    ("", "Association Énergie Partagée {c}", "ENERGIE", "35.14Z", "N", "O"),
)
# The département from the postal code alone, and the SME rule on tranche_effectifs:
# (category, postal code, commune, staff band, name, segment, NAF).
POSTAL_ONLY = (
    ("", "20090", "", "31", "Plâtrerie Corse-du-Sud", "REHABILITATION", "43.31Z"),
    ("", "20600", "", "32", "Ascenseurs de Haute-Corse", "ENTRETIEN_MAINTENANCE", "43.29B"),
    ("", "97200", "", "22", "Caraïbes Ingénierie", "PRESTATIONS_INTELLECTUELLES", "71.12B"),
    ("", "", "", "", "Imprimerie sans adresse", "ACHATS_GENERAUX", "18.12Z"),
    ("", "97490", "", "41", "Océan Indien Logiciels", "INFORMATIQUE", "58.29C"),
)
# Large national groups, each a titulaire in its family.
NATIONAL_GROUPS = (
    ("ENERGIE", "Groupe Énergies de France"),
    ("INFORMATIQUE", "Numérix Services"),
    ("CONSTRUCTION_NEUVE", "Bâtir Ensemble Construction"),
    ("FLOTTE_AUTOMOBILE", "Flottes Auto Location"),
    ("NETTOYAGE", "Propreté Multiservices Nationale"),
)


@dataclass
class Supplier:
    siret: str
    segment: str


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


class SupplierBook:
    """The rows of one filiale's supplier file, drawn in file order from one random stream."""

    def __init__(self, ctx: Context, used: set[str]) -> None:
        self.p = ctx.profile
        self.rng = ctx.rng("fournisseurs")
        self.used = used  # SIRETs already drawn for this filiale: never twice
        self.rows: list[dict[str, str]] = []
        self.suppliers: list[Supplier] = []

    def add(self, row: dict[str, str], segment: str, siret: str) -> None:
        self.rows.append(row)
        self.suppliers.append(Supplier(siret, segment))

    def place(self, local: bool) -> tuple[str, str]:
        insee, postal, _ = self.rng.choice(self.p.communes if local else ELSEWHERE)
        return insee, postal

    def la_poste(self) -> None:
        insee, postal = self.place(True)
        poste = la_poste_siret(self.rng, valid=True)
        row = dict(
            siret=poste,
            raison_sociale="La Poste - Plateforme courrier entreprises",
            categorie_entreprise="GE",
            tranche_effectifs="53",
            ess="N",
            esus="Non",
            code_postal=postal,
            code_commune=insee,
            naf="53.10Z",
        )
        self.add(row, "ACHATS_GENERAUX", poste)

    def inclusive(self) -> None:
        rng = self.rng
        for structure, name, segment, naf, ess, esus in INCLUSIVE:
            insee, postal = self.place(True)
            town = next(c[2] for c in self.p.communes if c[0] == insee)
            siret = new_siret(rng, self.used)
            row = dict(
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
            )
            self.add(row, segment, siret)

    def postal_only(self) -> None:
        for cat, postal, insee, tranche, name, segment, naf in POSTAL_ONLY:
            siret = new_siret(self.rng, self.used)
            row = dict(
                siret=spaced_siret(siret) if postal == "97200" else siret,
                raison_sociale=f"{name} {self.rng.choice(FORMS)}",
                categorie_entreprise=cat,
                tranche_effectifs=tranche,
                ess="N",
                code_postal=postal,
                code_commune=insee,
                naf=naf,
            )
            self.add(row, segment, siret)

    def national_groups(self) -> None:
        rng = self.rng
        for segment, name in NATIONAL_GROUPS:
            insee, postal = ("75108", "75008") if self.p.habits != "SEQENS" else ("69123", "69002")
            siret = new_siret(rng, self.used)
            row = dict(
                siret=siret,
                raison_sociale=f"{name} SA",
                categorie_entreprise="GE",
                tranche_effectifs=rng.choice(("52", "53")),
                ess="N",
                esus=fmt_bool(rng, False),
                code_postal=postal,
                code_commune=insee,
                naf=TRADES[segment][0][1],
            )
            self.add(row, segment, siret)

    def ordinary(self, count: int) -> None:
        """Suppliers of every family until the file holds `count` rows."""
        rng = self.rng
        while len(self.rows) < count:
            segment = rng.choice(SEGMENTS)
            trade, naf = rng.choice(TRADES[segment])
            insee, postal = self.place(rng.random() < 0.6)
            cat, tranche = self.size()
            siret = new_siret(rng, self.used)
            row = dict(
                siret=spaced_siret(siret) if rng.random() < 0.04 else siret,
                raison_sociale=supplier_name(rng, self.p, trade),
                categorie_entreprise=spell(rng, cat, 0.1) if cat else "",
                tranche_effectifs=tranche,
                ess=rng.choice(("N", "N", "N", "N", "", "O", "n")),
                esus=fmt_bool(rng, None if rng.random() < 0.4 else rng.random() < 0.05),
                code_postal=postal,
                code_commune="" if rng.random() < 0.08 else insee,
                naf=naf,
            )
            self.add(row, segment, siret)

    def size(self) -> tuple[str, str]:
        """(category, staff band): a category often missing, a band sometimes unknown."""
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            return "PME", rng.choice(("01", "02", "03", "11", "12", "21", "22", ""))
        if r < 0.7:
            return "", rng.choice(("NN", "00", "11", "21", "31", "32", "41", ""))
        if r < 0.85:
            return "ETI", rng.choice(("32", "41", "42", "51"))
        return "GE", rng.choice(("51", "52", "53"))

    def planted(self) -> list[Bad]:
        rng, used, rows = self.rng, self.used, self.rows
        return [
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


def make_fournisseurs(ctx: Context, used: set[str]) -> list[Supplier]:
    book = SupplierBook(ctx, used)
    book.la_poste()
    book.inclusive()
    book.postal_only()
    book.national_groups()
    # A larger filiale buys from more suppliers, though not in proportion to its invoices.
    book.ordinary(40 + 2 * math.isqrt(ctx.invoices))
    bad = book.planted()
    extras: tuple[str, ...] = ()
    if ctx.profile.habits == "SIDR":
        # One export tool adds the day it last synchronised each supplier with SIRENE.
        extras = ("date_maj_sirene",)
        for row in book.rows:
            row["date_maj_sirene"] = fmt_date(random_day(book.rng, 2026, 1, 1))
    write_table(ctx, "fournisseurs", book.rows, bad, extras)
    return book.suppliers
