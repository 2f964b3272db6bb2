"""The contract lives twice: as data in src/spaser/contract.py (loader, delivery validation)
and as rules in the staging SQL. These tests keep the two from drifting apart."""

from __future__ import annotations

import re

import pytest

from conftest import PROJECT_DIR
from spaser.contract import EXTRACTS

STAGING = PROJECT_DIR / "models" / "staging" / "extracts"


def staging_sql(extract: str) -> str:
    """The staging model that reads the extract's raw table."""
    for path in sorted(STAGING.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        if re.search(rf"ref\('raw_{extract}'\)", text):
            return text
    raise AssertionError(f"no staging model reads raw_{extract}")


@pytest.mark.parametrize("extract", sorted(EXTRACTS))
def test_staging_reads_every_contract_column(extract):
    sql = staging_sql(extract)
    missing = [c.name for c in EXTRACTS[extract].columns if not re.search(rf"\b{c.name}\b", sql)]
    assert missing == []


@pytest.mark.parametrize("extract", sorted(EXTRACTS))
def test_staging_knows_every_coded_value(extract):
    sql = staging_sql(extract)
    missing = [
        (column.name, code)
        for column in EXTRACTS[extract].columns
        for code in column.codes
        if f"'{code}'" not in sql.replace("''", "'") and f'"{code}"' not in sql
    ]
    assert missing == []


@pytest.mark.parametrize("extract", sorted(EXTRACTS))
def test_staging_checks_every_required_column(extract):
    sql = staging_sql(extract)
    unchecked = [
        name
        for name in EXTRACTS[extract].required_columns
        if f"reject_if_empty('{name}')" not in sql
    ]
    assert unchecked == []
