"""The summary `make run` prints after a build."""

from __future__ import annotations

import re

import duckdb

from spaser.formats import NBSP
from spaser.summary import summarize


def test_summary_reports_build_deliveries_rejects_and_group_figures(published_conformance):
    database = published_conformance.outputs.database
    with duckdb.connect(str(database), read_only=True) as connection:
        text = summarize(connection)
    assert "Livraison : " in text and "conformance/raw" in text
    assert "données de démonstration" not in text
    assert "SEQENS" in text and "LOGEO" in text and "SIDR" in text
    assert "Indicateurs du groupe 2026 (année en cours, partielle au " in text
    assert re.search(f"O1_6 +80,0{NBSP}%", text)  # 20 / 25 planned launches in 2026
    assert "clé déjà vue (doublon)" in text  # reject reasons in French
    # The default jobs ratios are not TETE results: O6_2 says it is an estimate.
    assert (
        "estimation provisoire (ratios par défaut, à remplacer par les résultats TETE du groupe)"
        " - Nombre d'emplois" in text
    )
