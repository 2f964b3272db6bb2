"""Run the publish command on a delivery into an output folder, as `make build` does.

The output folder's name holds a space, a quote and an accent: every path the
publish step, the exports and the report handle must survive it.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import CONFORMANCE, CONFORMANCE_VARS, CONFORMANCE_YEARS, PROJECT_DIR
from spaser.exports import export_relation
from spaser.outputs import Outputs
from spaser.report.data import Year

AWKWARD_NAME = "sortie d'été"


def read_export_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV export, read as French spreadsheets read them (`;`)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def export_mart(build, mart: str, folder: Path) -> tuple[pa.Schema, list[dict[str, str]]]:
    """A mart of a build's database exported as the publish step exports it, read back: the
    Parquet file's schema and the CSV file's rows."""
    with duckdb.connect(str(build.database), read_only=True) as connection:
        export_relation(connection, f"marts.{mart}", folder)
    return pq.read_schema(folder / f"{mart}.parquet"), read_export_csv(folder / f"{mart}.csv")


def publish_env(raw: Path, output: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SPASER_RAW_DIR": str(raw),
        "SPASER_OUTPUT_DIR": str(output),
        "SPASER_DUCKDB_PATH": "",
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DBT_LOG_PATH": str(output.parent / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def publish_command(work: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "spaser.publish",
        "--vars",
        CONFORMANCE_VARS,
        "--target-path",
        str(work / "target"),
        *extra,
    ]


def run_publish(raw: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        publish_command(output.parent, *extra),
        cwd=PROJECT_DIR,
        env=publish_env(raw, output),
        capture_output=True,
        text=True,
        check=False,
    )


def start_publish(raw: Path, output: Path) -> subprocess.Popen:
    """A publish running in the background, in its own process group (to kill it whole)."""
    return subprocess.Popen(
        publish_command(output.parent),
        cwd=PROJECT_DIR,
        env=publish_env(raw, output),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


@dataclass
class Published:
    outputs: Outputs
    output: str

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.outputs.database), read_only=True) as connection:
            return connection.execute(sql).fetchall()

    def copy_to(self, folder: Path) -> Outputs:
        """A copy of the published output folder, for a test that publishes again."""
        target = folder / AWKWARD_NAME
        shutil.copytree(self.outputs.root, target)
        return Outputs(target, target / "spaser.duckdb")


@pytest.fixture(scope="session")
def published_conformance(tmp_path_factory) -> Published:
    """The conformance delivery validated while it is built, then published (database, docs,
    exports, Data Docs), as `make run` does."""
    output = tmp_path_factory.mktemp("published") / AWKWARD_NAME
    completed = run_publish(CONFORMANCE / "raw", output, "--validate")
    assert completed.returncode == 0, (completed.stdout + completed.stderr)[-5000:]
    return Published(Outputs(output, output / "spaser.duckdb"), completed.stdout)


class SectionData:
    """What a report section reads (spaser.report.data.ReportData), from a build's database:
    its years all closed, so that a section shows every year of the conformance set, and no
    as-of date unless a test sets one."""

    def __init__(self, build):
        self.build = build
        self.years = [Year(y, "closed", "année close") for y in CONFORMANCE_YEARS]
        self.as_of_date = None

    def query(self, sql: str, parameters: list | None = None) -> list[dict]:
        with duckdb.connect(str(self.build.database), read_only=True) as connection:
            result = connection.execute(sql, parameters or [])
            names = [column[0] for column in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
