"""Assemble the report's pages from the registered sections and write them.

    <output>/report/index.html           the group
    <output>/report/filiale-<code>.html  one per filiale
    <output>/report/livraison.html       the delivery and its build

Every page is one self-contained HTML file (styles and charts inline, no
script, no font or image to fetch), written to a temporary name and renamed,
so the folder can be mailed or opened from disk while a new report is written.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from spaser import formats
from spaser.outputs import DEMO_NOTICE
from spaser.report.data import ReportData
from spaser.report.labels import outcome_label
from spaser.report.registry import (
    DELIVERY_PAGE,
    FILIALE_PAGE,
    GROUP_PAGE,
    SECTIONS,
    TEMPLATES,
    render,
)

STYLE = (TEMPLATES / "report.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Page:
    kind: str
    file: str
    title: str
    scope: str | None = None


def filiale_file(code: str, taken: set[str]) -> str:
    """A file name for a filiale page, whatever characters its folder name holds."""
    stem = "filiale-" + (re.sub(r"[^A-Za-z0-9_-]+", "_", code).strip("_") or "sans_nom")
    name, number = f"{stem}.html", 2
    while name in taken:
        name, number = f"{stem}-{number}.html", number + 1
    taken.add(name)
    return name


def anchor(title: str) -> str:
    """A section's id from its title: « Tableau de bord » -> tableau-de-bord."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "section"


def pages_of(data: ReportData) -> list[Page]:
    taken: set[str] = {"index.html", "livraison.html"}
    return [
        Page(GROUP_PAGE, "index.html", "Groupe"),
        *(
            Page(FILIALE_PAGE, filiale_file(code, taken), f"Filiale {code}", code)
            for code in data.filiales
        ),
        Page(DELIVERY_PAGE, "livraison.html", "Livraison et build"),
    ]


def warnings_of(data: ReportData) -> list[str]:
    warnings = []
    for attempt in data.later_attempts:
        warnings.append(
            f"Le build lancé le {formats.day(attempt.started_at)} n'a pas abouti "
            f"({outcome_label(attempt.outcome)}) : les chiffres ci-dessous sont ceux du build "
            "publié précédent."
        )
    return warnings


def render_page(data: ReportData, page: Page, pages: list[Page]) -> str:
    sections = []
    for section in SECTIONS:
        if section.page != page.kind or not all(r in data.relations for r in section.requires):
            continue
        html, title = section.render(data, page.scope), section.title
        if isinstance(html, tuple):  # a section may title itself (a date in its title)
            title, html = html
        if html:
            sections.append({"title": title, "html": html, "id": anchor(title)})
    return render(
        "page.html.j2",
        page=page,
        pages=pages,
        sections=sections,
        build=data.build,
        demo_notice=DEMO_NOTICE if data.build["is_demo_delivery"] else None,
        warnings=warnings_of(data),
        as_of_date=data.as_of_date,
        years=data.years,
        style=STYLE,
        # The Great Expectations Data Docs are not linked: their tables are filled by
        # scripts and styles from CDNs, empty offline (the delivery page lists the checks).
        links={"Documentation dbt": os.path.relpath(data.outputs.dbt_docs, data.outputs.report)},
    )


def write_report(data: ReportData, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pages = pages_of(data)
    written = []
    for page in pages:
        path = folder / page.file
        partial = path.with_name(f".{page.file}.partial-{os.getpid()}")
        partial.write_text(render_page(data, page, pages), encoding="utf-8")
        os.replace(partial, path)
        written.append(path)
    current = {p.name for p in written}
    for stale in folder.glob("filiale-*.html"):
        if stale.name not in current:
            stale.unlink()
    return written
