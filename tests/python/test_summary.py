"""The summary `make run` prints after a build."""

from __future__ import annotations

import duckdb

from spaser.summary import summarize


def test_summary_reports_deliveries_rejects_and_group_figures(conformance_build):
    with duckdb.connect(str(conformance_build.database), read_only=True) as connection:
        text = summarize(connection)
    assert "SEQENS" in text and "LOGEO" in text and "SIDR" in text
    assert "Group indicators 2026" in text
    assert "O1_6" in text and "80.0 %" in text  # 20 / 25 planned launches in 2026
    # The default jobs ratios are not TETE results: O6_2 says it is an estimate.
    assert "estimation provisoire (ratios par défaut) - Nombre d'emplois" in text
