"""The invoice files (`factures`): the only extract that grows with --invoices-per-year, so it
is streamed as plain lists. Most invoices follow a contract notified before them, the others
go to the filiale's suppliers (spend concentrated on a few), a few to stray SIRETs; one row in
BAD_EVERY is preceded by a planted bad row, and each file after the first opens with a
re-export of the previous file's last invoice."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from random import Random

from spaser.contract import EXTRACTS

from .fournisseurs import Supplier
from .marches import Contract
from .planted import Bad
from .profiles import Profile
from .sirets import broken_siret, new_siret
from .spellings import DATES, EPOCH
from .timeline import AS_OF, HISTORY_YEAR, YEARS
from .writer import Context, RawWriter

# One invoice row in BAD_EVERY is a deliberately invalid one (about 2.5 %).
BAD_EVERY = 40
# Invoice rows are plain lists in this column order, reordered per file by an itemgetter.
INVOICE_COLUMNS = EXTRACTS["factures"].column_names
(I_ID, I_SIRET, I_MARCHE, I_TYPE, I_DATE, I_RECEPTION, I_PAIEMENT, I_HT, I_TTC, I_STATUT) = (
    INVOICE_COLUMNS.index(c)
    for c in ("id_facture", "siret_fournisseur", "id_marche", "type_piece", "date_facture",
              "date_reception", "date_paiement", "montant_ht", "montant_ttc", "statut")
)  # fmt: skip
# The cycle of planted bad rows: (kind, column, value), {y} the invoice's year.
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
# The two extra columns of one export: (code_analytique, libelle_compte).
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
    """One file, or (one export tool) a file per period with extra columns in the first."""
    if p.habits == "SEQENS":
        return (
            InvoiceFile(
                "factures_2024", (HISTORY_YEAR, 2024), ("code_analytique", "libelle_compte")
            ),
            InvoiceFile("factures_2025_2026", (2025, 2026)),
        )
    return (InvoiceFile("factures", (HISTORY_YEAR, *YEARS)),)


def year_days(year: int, per_year: int) -> tuple[int, int, int]:
    """(first day as an ordinal, invoices, days they spread over): the history year has its
    last quarter only, a quarter of the invoices."""
    if year == HISTORY_YEAR:
        return date(year, 10, 1).toordinal(), per_year // 4, 92
    return date(year, 1, 1).toordinal(), per_year, 366 if year % 4 == 0 else 365


def planted_invoice(
    row: list[str], previous: list[str], year: int, cycle: int
) -> tuple[list[str], Bad]:
    """The bad row planted before `row`: a copy of it with one bad value, or a repeat of the
    `previous` invoice's id; `cycle` picks the kind."""
    kind, column, value = INVOICE_BAD[cycle % len(INVOICE_BAD)]
    if kind == "duplicate key":
        bad_row = list(previous)
        bad_row[I_STATUT] = "À payer"
        return bad_row, Bad({}, kind, value=f"('{bad_row[I_ID]}',)")
    bad_row = list(row)
    bad_row[column] = value.format(y=year)
    return bad_row, Bad({}, kind, INVOICE_COLUMNS[column], bad_row[column])


def invoice_drawer(
    p: Profile,
    rng: Random,
    suppliers: list[Supplier],
    contracts: list[Contract],
    rejected_id: str,
    used: set[str],
) -> Callable[[int], list[str]]:
    """The draws of one invoice row dated `day` (an ordinal), its id left to the caller. One
    closure over local names: this runs once per invoice, millions of times."""
    rnd = rng.random
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
    styles, n_styles = p.amount_styles, len(p.amount_styles)
    vat, n_vat = p.vat, len(p.vat)
    dates, epoch, as_of, speed = DATES, EPOCH, AS_OF.toordinal(), p.pay_speed

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

    def draw(day: int) -> list[str]:
        row = [""] * 10
        # Who is paid, and how much: a contract notified before the day, or a supplier.
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
        # Received within a week, paid at the filiale's speed, or not yet.
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
        return row

    return draw


class InvoiceStream:
    """One filiale's invoices, file after file, with the planted bad rows among them."""

    def __init__(self, ctx: Context, rnd: Callable[[], float], draw: Callable[[int], list[str]]):
        self.ctx = ctx
        self.rnd = rnd
        self.draw = draw
        self.width = max(5, len(str(ctx.invoices)))
        # Each filiale starts the cycle of bad kinds elsewhere, so every kind lands somewhere.
        self.cycle_start = ctx.profile.position * 5
        self.written = 0
        self.last_good: list[str] | None = None

    def write_file(self, spec: InvoiceFile) -> None:
        columns = self.ctx.header("factures", spec.stem, spec.extras)
        writer = self.ctx.open("factures", spec.stem, columns)
        order = itemgetter(
            *[
                INVOICE_COLUMNS.index(c)
                if c in INVOICE_COLUMNS
                else len(INVOICE_COLUMNS) + spec.extras.index(c)
                for c in columns
            ]
        )
        extra_values = [list(x) for x in LEDGER] if spec.extras else [[]]
        if self.last_good is not None:
            # A re-export of an invoice of the previous file, now paid: the first one is kept.
            row = list(self.last_good)
            row[I_STATUT] = "Payée"
            bad = Bad({}, "duplicate key", value=f"('{row[I_ID]}',)")
            writer.write_values(order(row + extra_values[0]), bad)
        for year in spec.years:
            self.write_year(writer, order, extra_values, year)
        writer.close()

    def write_year(
        self, writer: RawWriter, order: itemgetter, extra_values: list[list[str]], year: int
    ) -> None:
        rnd, draw, width = self.rnd, self.draw, self.width
        # Good rows go straight to the csv writer (a call less per row), bad ones through
        # write_values, which records their line; the line count is kept in step.
        write_row, plant = writer.writer.writerow, writer.write_values
        # The stream's state as locals while the loop runs: attribute access costs per row.
        written, last_good = self.written, self.last_good
        n_extra = len(extra_values)
        first, n, span = year_days(year, self.ctx.invoices)
        seq = 0
        for i in range(n):
            seq += 1
            row = draw(first + (i * span) // n)
            row[I_ID] = f"F{year}-{seq:0{width}d}"
            written += 1
            if written % BAD_EVERY == 0 and last_good is not None:
                cycle = self.cycle_start + written // BAD_EVERY
                bad_row, bad = planted_invoice(row, last_good, year, cycle)
                plant(order(bad_row + extra_values[0]), bad)
                seq += 1
                row[I_ID] = f"F{year}-{seq:0{width}d}"
            write_row(order(row + extra_values[int(rnd() * n_extra)]))
            writer.line += 1
            last_good = row
        self.written, self.last_good = written, last_good


def make_factures(
    ctx: Context,
    suppliers: list[Supplier],
    contracts: list[Contract],
    rejected_id: str,
    used: set[str],
) -> None:
    rng = ctx.rng("factures")
    draw = invoice_drawer(ctx.profile, rng, suppliers, contracts, rejected_id, used)
    stream = InvoiceStream(ctx, rng.random, draw)
    for spec in invoice_files(ctx.profile):
        stream.write_file(spec)
