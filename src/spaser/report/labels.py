"""French wording of the codes the marts keep: period status, build outcome,
reject reasons. The marts stay in codes a BI tool filters on; the reader of
the report and of the summary gets French."""

from __future__ import annotations

import re

from spaser.build_record import OUTCOME_LABELS

# What the spec asks the report and the exports to call O6_2 while default ratios value it.
PROVISIONAL = (
    "estimation provisoire (ratios par défaut, à remplacer par les résultats TETE du groupe)"
)
PERIOD_LABELS = {
    "closed": "année close",
    "partial": "année en cours (partielle)",
    "not_started": "année non commencée",
}
_KINDS = {
    "amount": "montant",
    "date": "date",
    "number": "nombre",
    "integer": "entier",
    "boolean": "booléen",
    "SIRET": "SIRET",
    "SIREN": "SIREN",
}
_REASONS = [
    (
        re.compile(r"required field '(?P<column>[^']+)' is empty"),
        "champ obligatoire « {column} » vide",
    ),
    (
        re.compile(r"invalid (?P<kind>\w+) in '(?P<column>[^']+)'"),
        "{kind} invalide dans « {column} »",
    ),
    (re.compile(r"unknown coded value in '(?P<column>[^']+)'"), "code inconnu dans « {column} »"),
    (re.compile(r"duplicate key.*"), "clé déjà vue (doublon)"),
    (re.compile(r"unknown contract.*"), "marché inconnu de la filiale"),
    (re.compile(r"wrong number of fields.*"), "nombre de champs différent de l'en-tête (FEC)"),
]


def reason_label(reason: str | None) -> str:
    """A reject reason of the staging models in French; an unknown one as it is."""
    if not reason:
        return ""
    for pattern, template in _REASONS:
        match = pattern.fullmatch(reason)
        if match:
            parts = match.groupdict()
            if "kind" in parts:
                parts["kind"] = _KINDS.get(parts["kind"], parts["kind"])
            return template.format(**parts)
    return reason


def outcome_label(outcome: str | None) -> str:
    return OUTCOME_LABELS.get(outcome or "", outcome or "")


def check_label(check: str | None, labels: dict[str, str]) -> str:
    """A delivery check of the validation in French (seed validation_check_labels); a check
    with a bound in its name (« date before 01/01/1900 ») by its first words."""
    if not check:
        return ""
    if check in labels:
        return labels[check]
    for name, label in labels.items():
        if check.startswith(name + " "):
            return f"{label} {check[len(name) + 1 :]}"
    return check
