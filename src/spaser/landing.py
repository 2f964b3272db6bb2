"""The project's raw layer, outside a build: for the delivery validation.

`land(raw_dir)` runs the same on-run-start macro a build runs
(`dbt run-operation land_raw_delivery`) into a DuckDB file of its own, so that
the validation reads the delivery exactly as the build will: same files,
same encodings, same records and line numbers, same contract errors.
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from spaser.constants import DBT, DEMO_RAW_DIR, PROJECT_DIR
from spaser.contract import EXTRACTS
from spaser.delivery import register


class RawContractError(Exception):
    """A delivery that breaks the contract in a way no row-level reject can hold."""


@dataclass(frozen=True)
class LandedFile:
    filiale_code: str | None
    extract: str
    source_file: str
    path: Path

    @property
    def label(self) -> str:
        return f"{self.filiale_code}/{self.source_file}" if self.filiale_code else self.source_file


def raw_dir(configured: str | None = None) -> Path:
    """The delivery folder: the argument, else SPASER_RAW_DIR; empty means the demo."""
    value = (configured or os.environ.get("SPASER_RAW_DIR") or "").strip()
    return Path(value).expanduser().resolve() if value else DEMO_RAW_DIR


def _contract_error(output: str) -> str:
    found = re.findall(r"Delivery contract: (.*)", output)
    if found:
        return found[-1].strip()
    tail = [line for line in output.splitlines() if line.strip()][-5:]
    return "dbt could not land the delivery:\n" + "\n".join(tail)


# Where the validation lands a delivery: always the same database and target path, so that
# dbt finds its profile unchanged and re-parses only what changed (about 4 s saved a run).
WORKSPACE = PROJECT_DIR / "target" / "landing"


@contextmanager
def workspace() -> Iterator[Path]:
    """The project's landing folder, or a scratch one while another validation holds it
    (or where the project folder cannot be written)."""
    try:
        WORKSPACE.mkdir(parents=True, exist_ok=True)
        lock = (WORKSPACE / ".lock").open("a")
    except OSError:
        lock = None
    if lock is not None:
        with lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
            except BlockingIOError:
                held = False
            if held:
                yield WORKSPACE
                return
    with tempfile.TemporaryDirectory(prefix="spaser-landing-") as scratch:
        yield Path(scratch)


@contextmanager
def land(root: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read connection to the delivery landed as the raw views of a build."""
    with workspace() as folder:
        database = folder / "landing.duckdb"
        for stale in (database, database.with_name("landing.duckdb.wal")):
            stale.unlink(missing_ok=True)
        env = {
            **os.environ,
            "SPASER_RAW_DIR": str(root) if root != DEMO_RAW_DIR else "",
            "SPASER_DUCKDB_PATH": str(database),
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }
        command = [
            str(DBT), "run-operation", "land_raw_delivery", "--project-dir", str(PROJECT_DIR),
            "--target-path", str(folder / "target"), "--log-path", str(folder / "logs"),
        ]  # fmt: skip
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RawContractError(_contract_error(done.stdout + done.stderr))
        connection = duckdb.connect(str(database), read_only=True)
        register(connection)
        try:
            yield connection
        finally:
            connection.close()


def landed_files(connection: duckdb.DuckDBPyConnection) -> list[LandedFile]:
    """filiales.csv, then every file of a CSV extract, by filiale, extract and name."""
    rows = connection.execute(
        "select filiale_code, extract, source_file, source_path from raw.delivery_files "
        "where list_contains(?, extract) order by filiale_code nulls first, extract, source_file",
        [list(EXTRACTS)],
    ).fetchall()
    return [LandedFile(f, e, s, Path(p)) for f, e, s, p in rows]


def unrecognized_files(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """`filiale/name` of each entry of a filiale folder that matches no pattern: not read."""
    rows = connection.execute(
        "select filiale_code, source_file from raw.unrecognized_files order by all"
    ).fetchall()
    return [f"{filiale}/{name}" for filiale, name in rows]


def file_frame(connection: duckdb.DuckDBPyConnection, landed: LandedFile) -> pd.DataFrame:
    """The records of one file, values as text, with their line numbers."""
    return connection.execute(
        f"select * exclude (filiale_code, source_file) from raw.{landed.extract} "
        "where source_file = ? and filiale_code is not distinct from ? order by line_number",
        [landed.source_file, landed.filiale_code],
    ).df()
