"""The input contract is declared once (the `extracts` source's meta): the build and the
Python tools (validation, demo generator) read the same declaration."""

from __future__ import annotations

import json

from spaser.contract import EXTRACTS


def test_the_build_and_python_read_the_same_contract(conformance_build):
    landed = {
        (extract, column): (kind, required, tuple(json.loads(codes)), key_position)
        for extract, column, kind, required, codes, key_position in conformance_build.query(
            "select extract, column_name, kind, required, codes, key_position "
            "from raw.contract_columns"
        )
    }
    declared = {
        (extract.name, column.name): (
            column.kind,
            column.required,
            column.codes,
            extract.key.index(column.name) + 1 if column.name in extract.key else None,
        )
        for extract in EXTRACTS.values()
        for column in extract.columns
    }
    assert landed == declared


def test_every_optional_column_that_an_indicator_reads_names_it():
    # A missing optional column is a data-quality finding naming the indicators that read it.
    named = {c.name for e in EXTRACTS.values() for c in e.columns if c.indicators}
    assert {"considerations_environnementales", "date_reception", "ecs_mode"} <= named
