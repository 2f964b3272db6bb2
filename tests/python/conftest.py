"""Shared fixtures: run the dbt project on a raw folder into a throwaway DuckDB file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_DIR / "tests" / "fixtures"
CONFORMANCE = FIXTURES / "conformance"
CONFORMANCE_VARS = "{spaser_first_year: 2024, spaser_last_year: 2026}"
DBT = Path(sys.executable).parent / "dbt"


@dataclass
class DbtRun:
    returncode: int
    output: str
    database: Path
    work_dir: Path

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            return connection.sql(sql).fetchall()


def run_dbt(
    raw_dir: Path,
    work_dir: Path,
    *args: str,
    vars_: str = CONFORMANCE_VARS,
    registries: Path | str | None = None,
) -> DbtRun:
    """`dbt <args>` on a raw folder, as a data engineer runs it, in its own target and database.

    registries: SPASER_REGISTRIES_DIR; None leaves it unset (the project's default)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    database = work_dir / "spaser.duckdb"
    env = {
        **os.environ,
        "SPASER_RAW_DIR": str(raw_dir),
        "SPASER_DUCKDB_PATH": str(database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
    }
    env.pop("SPASER_REGISTRIES_DIR", None)
    if registries is not None:
        env["SPASER_REGISTRIES_DIR"] = str(registries)
    command = [
        str(DBT),
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(work_dir / "target"),
        "--log-path",
        str(work_dir / "logs"),
        "--vars",
        vars_,
    ]
    completed = subprocess.run(
        command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, check=False
    )
    return DbtRun(completed.returncode, completed.stdout + completed.stderr, database, work_dir)


def copy_raw(target: Path) -> Path:
    """A writable copy of the conformance raw folder, to break on purpose."""
    shutil.copytree(CONFORMANCE / "raw", target)
    return target


@pytest.fixture(scope="session")
def conformance_build(tmp_path_factory) -> DbtRun:
    run = run_dbt(CONFORMANCE / "raw", tmp_path_factory.mktemp("conformance"), "build")
    assert run.returncode == 0, run.output[-5000:]
    return run


# Shared by the publish, exports and report tests.
from publishing import published_conformance  # noqa: E402, F401
