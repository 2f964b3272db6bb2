"""The demo delivery's books: an FEC (fichier des écritures comptables) per financial
year for some filiales, written from the invoices the generator has just written.

Called by filiale.py once a filiale's extracts are written. SEQENS writes
ISO 8859-15, tab-separated, Debit/Credit; SIDR UTF-8 with a BOM, `|` then tab,
Montant/Sens (D/C, then +1/-1), CRLF; ERILIA UTF-8, upper-case header, decimal point,
and no 2024 file (its 2024 reconciliation is unknown); ALLIADE has no books at all.
The books hold what real ones do besides purchases (opening entries, rents, payroll,
bank, depreciation) and realistic differences from the ERP, drawn from the seed:
invoices never booked, booked for another amount (beyond and within 1 €), paid on
another day or not lettered, references in another case or padded, invoices only in
the books, an unbalanced entry, a payment lettered on another supplier's account, and
a few lines that cannot be read (returned as deliberate bad rows, extract `fec`).
Payments after the last delivered year are not in the books: the invoice is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random

from .fec_books import book, read_invoices, supplier_names, year_entries
from .writer import Reject

FIELDS = (
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
    "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
)  # fmt: skip
JOURNALS = {
    "AN": "À-nouveaux",
    "HA": "Achats",
    "BQ": "Banque",
    "LOY": "Loyers",
    "OD": "Opérations diverses",
}


@dataclass(frozen=True)
class Layout:
    """How one FEC file is written: name, encoding, separator, amount columns."""

    year: int
    name: str
    encoding: str = "utf-8"
    separator: str = "\t"
    sens: tuple[str, str] | None = None  # Montant/Sens with these debit/credit codes
    decimal: str = ","
    newline: str = "\n"
    upper_header: bool = False
    # A deliberately unreadable line: (kind, text), written in place of a rent line.
    bad: tuple[str, str] | None = None


def layouts(code: str, siren: str) -> tuple[Layout, ...]:
    if code == "SEQENS":
        return tuple(
            Layout(y, f"{siren}FEC{y}1231.txt", "iso8859_15", bad=bad)
            for y, bad in ((2024, None), (2025, ("amount", "20\u00a0278,14")), (2026, None))
        )
    if code == "SIDR":
        return (
            Layout(
                2024,
                f"{siren}FEC20241231.txt",
                "utf-8-sig",
                "|",
                ("D", "C"),
                ".",
                "\r\n",
                bad=("fields", ""),
            ),
            Layout(2025, f"{siren}FEC20251231.txt", "utf-8-sig", "|", ("D", "C"), ",", "\r\n"),
            Layout(
                2026,
                f"FEC_{siren}_20261231.csv",
                "utf-8-sig",
                "\t",
                ("+1", "-1"),
                ",",
                "\r\n",
                bad=("amount", "1O4,22"),
            ),
        )
    if code == "ERILIA":
        return tuple(
            Layout(y, f"{siren}FEC{y}1231.txt", decimal=".", upper_header=True, bad=bad)
            for y, bad in ((2025, None), (2026, ("date", "20260230")))
        )
    return ()


def _text(amount: Decimal, layout: Layout) -> str:
    return f"{amount:.2f}".replace(".", layout.decimal)


def _ymd(day: date | None) -> str:
    return day.strftime("%Y%m%d") if day else ""


def write_file(folder: Path, layout: Layout, entries) -> list[tuple[int, str]]:
    """Write one FEC file; return its deliberately unreadable lines (line, reason)."""
    header = [f.upper() for f in FIELDS] if layout.upper_header else list(FIELDS)
    if layout.sens:
        position = header.index("Debit" if not layout.upper_header else "DEBIT")
        header[position : position + 2] = (
            ["MONTANT", "SENS"] if layout.upper_header else ["Montant", "Sens"]
        )
    numbers: dict[str, int] = {}
    planted: list[tuple[int, str]] = []
    line_number = 1
    with (folder / layout.name).open("w", encoding=layout.encoding, newline="") as handle:
        handle.write(layout.separator.join(header) + layout.newline)
        for journal, day, ref, piece_date, label, lines in entries:
            numbers[journal] = numbers.get(journal, 0) + 1
            head = [journal, JOURNALS[journal], f"{numbers[journal]:06d}", _ymd(day)]
            for account, account_label, aux, aux_label, debit, credit, code, let_day in lines:
                if layout.sens:
                    amount, sens = (debit, 0) if debit else (credit, 1)
                    amounts = [_text(amount, layout), layout.sens[sens]]
                else:
                    amounts = [
                        _text(debit, layout) if debit else "",
                        _text(credit, layout) if credit else "",
                    ]
                fields = [
                    *head,
                    account,
                    account_label,
                    aux,
                    aux_label,
                    ref,
                    _ymd(piece_date),
                    label,
                    *amounts,
                    code,
                    _ymd(let_day),
                    _ymd(day + timedelta(days=3)),
                    "",
                    "",
                ]
                line_number += 1
                if layout.bad and journal == "LOY" and day.month == 6 and account == "706000":
                    fields, reason = _unreadable(fields, layout)
                    planted.append((line_number, reason))
                handle.write(layout.separator.join(fields) + layout.newline)
    return planted


def _unreadable(fields: list[str], layout: Layout) -> tuple[list[str], str]:
    kind, text = layout.bad
    if kind == "fields":
        return [
            *fields,
            "",
        ], f"wrong number of fields ({len(fields) + 1}, header has {len(fields)})"
    if kind == "date":
        fields[3] = text
        return fields, f"invalid date in 'EcritureDate': '{text}'"
    column = 11 if layout.sens else 12  # the credit of the rent line
    fields[column] = text
    return fields, f"invalid amount in '{'Montant' if layout.sens else 'Credit'}': '{text}'"


def is_fec_file(path: Path) -> bool:
    """A text export as the books come; their .csv spelling is wiped with the extracts."""
    return path.suffix == ".txt"


def write_fec_files(code: str, siren: str, folder: Path, seed: int) -> list[Reject]:
    """The filiale's FEC files; its deliberately unreadable lines, as the generator lists them."""
    files = layouts(code, siren)
    if not files:
        return []
    rng = Random(f"{seed}/{code}/fec")
    vat_rate = Decimal("0.085") if code == "SIDR" else Decimal("0.20")
    last_day = date(max(f.year for f in files), 12, 31)
    bookings = book(
        read_invoices(folder), supplier_names(folder), rng, vat_rate, last_day, code == "ERILIA"
    )
    rejects = []
    for layout in files:
        planted = write_file(folder, layout, year_entries(layout.year, bookings, rng))
        label = {
            "fields": "wrong number of fields",
            "date": "invalid date",
            "amount": "invalid amount",
        }
        rejects += [
            (code, "fec", layout.name, line, label[layout.bad[0]], reason)
            for line, reason in planted
        ]
    return rejects
