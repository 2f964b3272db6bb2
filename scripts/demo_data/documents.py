"""The documents file (`documents`): each filiale's purchasing policy, ethics charter,
mediator and purchase programme, their validation, publication and withdrawal dates; a table
by filiale, for the indicators' edge cases (an unpublished version, a withdrawn one, a
programme published for the next year), and rows whose trailing empty fields are dropped."""

from __future__ import annotations

from .planted import invalid_copies
from .writer import Context, write_table

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
    prefix = f"DOC-{p.code[:3]}"
    rows = []
    for i, (kind, validated, published, page, contact, withdrawn) in enumerate(
        DOCUMENTS[p.habits], start=1
    ):
        rows.append(
            dict(
                id_document=f"{prefix}-{i:03d}",
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
    cases = (
        (f"{prefix}-090", "unknown coded value", "type_document", "RAPPORT_RSE"),
        (f"{prefix}-091", "invalid date", "date_validation", "31/06/2025"),
    )
    bad = invalid_copies(template, "id_document", cases)
    write_table(ctx, "documents", rows, bad)
