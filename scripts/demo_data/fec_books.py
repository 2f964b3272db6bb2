"""The books of the demo delivery, from the invoices the generator wrote: each invoice
booked as a purchase entry (supplier credited TTC, expense or capitalised works and VAT
debited) and paid by a bank entry lettered with it, with the differences an audit finds;
and each financial year's entries in order (fec.py writes them)."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from random import Random

CENT = Decimal("0.01")
EXPENSES = (
    ("615500", "Entretien et réparations"),
    ("615200", "Gros entretien - œuvre et second œuvre"),
    ("622600", "Honoraires"),
    ("606100", "Fournitures non stockables (eau, énergie)"),
    ("606400", "Fournitures administratives"),
    ("231300", "Immobilisations en cours - gros œuvre"),
)
SUPPLIERS = {"4": ("401000", "Fournisseurs"), "2": ("404000", "Fournisseurs d'immobilisations")}
BANK = ("512000", "Banque")


@dataclass
class Invoice:
    id: str
    siret: str
    day: date
    ht: Decimal
    paid: date | None


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def _amount(text: str) -> Decimal | None:
    cleaned = "".join(c for c in text if c not in " \u00a0\u202f€").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def read_invoices(folder: Path) -> list[Invoice]:
    """The invoices as the filiale's ERP wrote them: first of each id, cancelled left out."""
    invoices, seen = [], set()
    for path in sorted(folder.glob("factures*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for raw in csv.DictReader(handle, delimiter=";"):
                row = {_folded(k): (v or "") for k, v in raw.items() if k}
                day, ht = _day(row["date_facture"]), _amount(row["montant_ht"])
                status, kind = _folded(row["statut"]), _folded(row["type_piece"])
                if not row["id_facture"] or row["id_facture"] in seen or not day or ht is None:
                    continue
                seen.add(row["id_facture"])
                if status.startswith("annul"):
                    continue
                signed = -abs(ht) if kind == "avoir" else ht
                siret = row["siret_fournisseur"].replace(" ", "")
                invoices.append(
                    Invoice(row["id_facture"], siret, day, signed, _day(row["date_paiement"]))
                )
    return invoices


def supplier_names(folder: Path) -> dict[str, str]:
    with (folder / "fournisseurs.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {
            r["siret"].replace(" ", ""): r["raison_sociale"]
            for r in csv.DictReader(handle, delimiter=";")
        }


def lettering(number: int) -> str:
    """AA, AB, ... ZZ, AAA, ...: a supplier account's lettering codes, in order."""
    letters = ""
    number += 26  # two letters at least
    while number:
        number, rest = divmod(number, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Booking:
    """An invoice as the books hold it."""

    invoice: Invoice
    ref: str
    booked: date
    piece_date: date | None
    ht: Decimal
    vat: Decimal
    expense: tuple[str, str]
    aux: tuple[str, str]
    paid: date | None
    code: str = ""
    paid_aux: tuple[str, str] | None = None  # a payment lettered on another supplier's account
    vat_error: Decimal = Decimal(0)


def book(
    invoices: list[Invoice],
    names: dict[str, str],
    rng: Random,
    vat_rate: Decimal,
    last_day: date,
    blank_piece_dates: bool,
) -> list[Booking]:
    """Each invoice's entry in the books, with the differences an audit finds."""
    sirets = sorted({i.siret for i in invoices})
    aux = {s: (f"F{n:05d}", names.get(s, "Fournisseurs divers")) for n, s in enumerate(sirets, 1)}
    expense = {s: EXPENSES[Random(s).randrange(len(EXPENSES))] for s in sirets}
    letters: dict[str, int] = {}
    bookings = []
    for invoice in invoices:
        r = rng.random()
        if r < 0.015:
            continue  # never booked: only in the ERP
        ht = invoice.ht
        if r < 0.025:
            ht += Decimal(rng.randint(200, 30000)) / 100 * rng.choice((-1, 1))
        elif r < 0.03:
            ht += rng.choice((Decimal("1.00"), Decimal("-0.40"), Decimal("0.99")))
        ref = invoice.id
        if rng.random() < 0.03:
            ref = ref.lower()
        elif rng.random() < 0.02:
            ref = f" {ref} "
        paid = invoice.paid
        x = rng.random()
        if paid and x < 0.02:
            paid += timedelta(days=rng.randint(1, 4))
        elif paid and x < 0.03:
            paid = None  # paid, but never lettered in the books
        elif not paid and x < 0.03:
            paid = invoice.day + timedelta(days=45)
        booked = invoice.day + timedelta(days=rng.randint(0, 12))
        if paid and paid > last_day:
            paid = None  # paid in a year whose books are not delivered yet
        b = Booking(
            invoice,
            ref,
            booked,
            None if blank_piece_dates and x > 0.95 else invoice.day,
            ht,
            (ht * vat_rate).quantize(CENT),
            expense[invoice.siret],
            aux[invoice.siret],
            paid,
        )
        if paid:
            letters[b.aux[0]] = letters.get(b.aux[0], -1) + 1
            b.code = lettering(letters[b.aux[0]])
        bookings.append(b)
    # In the last year, which every filiale's books cover.
    paid_ones = [b for b in bookings if b.paid and b.booked.year == last_day.year and b.ht > 0]
    if len(paid_ones) > 10:
        paid_ones[3].vat_error = CENT  # an unbalanced entry
        other = next(b for b in paid_ones[5:] if b.aux != paid_ones[4].aux)
        paid_ones[4].paid_aux = other.aux  # lettered with another supplier's payment
        paid_ones[4].code = "X1"  # a code the other supplier's own lettering never uses
    extra_count = max(1, len(invoices) // 100)
    for n in range(extra_count):
        source = invoices[rng.randrange(len(invoices))]
        day = source.day + timedelta(days=rng.randint(1, 20))
        ht = Decimal(rng.randint(5000, 300000)) / 100
        bookings.append(
            Booking(
                Invoice(f"FAC-{day.year}-{n + 1:04d}", source.siret, day, ht, None),
                f"FAC-{day.year}-{n + 1:04d}",
                day,
                day,
                ht,
                (ht * vat_rate).quantize(CENT),
                expense[source.siret],
                aux[source.siret],
                None,
            )
        )
    return bookings


Line = tuple[str, str, str, str, Decimal, Decimal, str, date | None]  # account, aux, D, C, let


def supplier_account(b: Booking) -> tuple[str, str]:
    """404 for works capitalised (class 2), 401 otherwise."""
    return SUPPLIERS["2" if b.expense[0].startswith("2") else "4"]


def purchase_lines(b: Booking) -> list[Line]:
    """Supplier credited TTC (debited for a credit note), expense and VAT debited."""
    supplier = supplier_account(b)
    ttc = b.ht + b.vat
    let_day = b.paid if b.code else None
    return [
        (*supplier, *b.aux, max(-ttc, 0), max(ttc, 0), b.code, let_day),
        (*b.expense, "", "", max(b.ht, 0), max(-b.ht, 0), "", None),
        (
            "445660",
            "TVA déductible sur ABS",
            "",
            "",
            max(b.vat + b.vat_error, 0),
            max(-b.vat, 0),
            "",
            None,
        ),
    ]


def payment_lines(b: Booking) -> list[Line]:
    supplier = supplier_account(b)
    ttc = b.ht + b.vat
    return [
        (*supplier, *(b.paid_aux or b.aux), max(ttc, 0), max(-ttc, 0), b.code, b.paid),
        (*BANK, "", "", max(-ttc, 0), max(ttc, 0), "", None),
    ]


def year_entries(year: int, bookings: list[Booking], rng: Random):
    """(journal, day, piece ref, piece date, label, lines) of one financial year, in order."""
    first = date(year, 1, 1)
    opening = [b for b in bookings if b.booked < first and not (b.paid and b.paid < first)]
    carried = sum((b.ht + b.vat for b in opening), Decimal(0))
    yield (
        "AN",
        first,
        f"AN{year}",
        first,
        f"À-nouveaux au 01/01/{year}",
        [
            ("213100", "Bâtiments", "", "", carried + 5_000_000, Decimal(0), "", None),
            ("101000", "Capital", "", "", Decimal(0), Decimal(5_000_000), "", None),
            *(
                (
                    *supplier_account(b),
                    *b.aux,
                    max(-b.ht - b.vat, 0),
                    max(b.ht + b.vat, 0),
                    b.code,
                    b.paid,
                )
                for b in opening
            ),
        ],
    )
    for b in sorted((b for b in bookings if b.booked.year == year), key=lambda b: b.booked):
        label = f"Facture {b.aux[1]}"
        yield "HA", b.booked, b.ref, b.piece_date, label, purchase_lines(b)
    bank = [
        (b.paid, b.ref, f"Règlement {b.aux[1]}", payment_lines(b))
        for b in bookings
        if b.paid and b.paid.year == year
    ]
    for month in range(1, 13):
        day = date(year, month, 5)
        rent = Decimal(rng.randint(5_000_000, 9_000_000)) / 100
        bank.append(
            (
                day,
                f"ENC{year}{month:02d}",
                "Encaissement des loyers",
                [
                    (*BANK, "", "", rent, Decimal(0), "", None),
                    ("411000", "Locataires", "", "", Decimal(0), rent, "", None),
                ],
            )
        )
        fees = Decimal(rng.randint(1000, 9000)) / 100
        bank.append(
            (
                day + timedelta(days=20),
                f"FRAIS{year}{month:02d}",
                "Frais bancaires",
                [
                    ("627000", "Services bancaires", "", "", fees, Decimal(0), "", None),
                    (*BANK, "", "", Decimal(0), fees, "", None),
                ],
            )
        )
        yield (
            "LOY",
            day,
            f"QUITT{year}{month:02d}",
            day,
            "Quittancement des loyers",
            [
                ("411000", "Locataires", "", "", rent, Decimal(0), "", None),
                ("706000", "Loyers", "", "", Decimal(0), rent, "", None),
            ],
        )
    for day, ref, label, lines in sorted(bank, key=lambda e: (e[0], e[1])):
        yield "BQ", day, ref, day, label, lines
    end = date(year, 12, 31)
    depreciation = Decimal(rng.randint(100_000_00, 200_000_00)) / 100
    yield (
        "OD",
        end,
        f"DOT{year}",
        end,
        "Dotation aux amortissements",
        [
            (
                "681120",
                "Dotations aux amortissements des immobilisations",
                "",
                "",
                depreciation,
                Decimal(0),
                "",
                None,
            ),
            ("281310", "Amortissements des bâtiments", "", "", Decimal(0), depreciation, "", None),
        ],
    )
