"""What a build read and how it ended: the fingerprint of the delivery, the
attempts log, and the `publish.*` tables written into the database it built.

The tables are declared as the dbt source `publish` (models/publish), so the
docs, the exposures and the exports see them like any other relation.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from spaser.delivery import is_fec_file_name

PUBLISHED, FAILED, INTERRUPTED = "published", "failed", "interrupted"
OUTCOME_LABELS = {PUBLISHED: "publié", FAILED: "échec", INTERRUPTED: "interrompu"}
CHUNK = 1 << 20


@dataclass(frozen=True)
class RawFileFingerprint:
    path: str  # relative to the raw folder, '/'-separated
    bytes: int
    sha256: str


def fingerprint_files(raw_dir: Path) -> list[RawFileFingerprint]:
    """The SHA-256 of every CSV and FEC file of the delivery (filiales.csv, the filiale folders).

    Contents, not dates: a copied or re-extracted delivery with the same rows has the same
    fingerprint. A folder that cannot be read gives no files; the build says why.
    """
    if not raw_dir.is_dir():
        return []
    candidates = [*raw_dir.glob("*"), *raw_dir.glob("*/*")]
    files = sorted(
        p
        for p in candidates
        if (p.suffix.lower() == ".csv" or is_fec_file_name(p.name)) and p.is_file()
    )
    fingerprints = []
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        relative = path.relative_to(raw_dir).as_posix()
        fingerprints.append(RawFileFingerprint(relative, path.stat().st_size, digest.hexdigest()))
    return fingerprints


def folder_fingerprint(files: list[RawFileFingerprint]) -> str:
    """One SHA-256 for the delivery: of each file's relative path and own SHA-256."""
    digest = hashlib.sha256()
    for item in files:
        digest.update(f"{item.path}\0{item.sha256}\n".encode())
    return digest.hexdigest()


@dataclass
class Attempt:
    """One build attempt, as the attempts log and `publish.build_attempts` record it."""

    build_id: str
    started_at: str
    raw_dir: str
    is_demo_delivery: bool
    vars: dict
    raw_fingerprint: str | None = None
    raw_files: int | None = None
    raw_bytes: int | None = None
    finished_at: str | None = None
    outcome: str | None = None
    message: str | None = None
    database_path: str | None = None
    exported_relations: list[str] = field(default_factory=list)

    def finish(self, outcome: str, message: str | None = None) -> None:
        self.finished_at = now()
        self.outcome = outcome
        self.message = message


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def append_attempt(log: Path, attempt: Attempt) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(attempt), ensure_ascii=False) + "\n")


def read_attempts(log: Path) -> list[Attempt]:
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8").splitlines()
    return [Attempt(**json.loads(line)) for line in lines if line.strip()]


_COLUMNS = """
    build_id varchar, started_at timestamptz, finished_at timestamptz, outcome varchar,
    raw_dir varchar, is_demo_delivery boolean, raw_fingerprint varchar, raw_files integer,
    raw_bytes bigint, vars json, database_path varchar, exported_relations varchar[],
    message varchar
"""


def _row(attempt: Attempt) -> tuple:
    return (
        attempt.build_id,
        attempt.started_at,
        attempt.finished_at,
        attempt.outcome,
        attempt.raw_dir,
        attempt.is_demo_delivery,
        attempt.raw_fingerprint,
        attempt.raw_files,
        attempt.raw_bytes,
        json.dumps(attempt.vars, ensure_ascii=False, default=str),
        attempt.database_path,
        attempt.exported_relations,
        attempt.message,
    )


def write_record(
    database: Path,
    attempt: Attempt,
    files: list[RawFileFingerprint],
    history: list[Attempt],
) -> None:
    """Write `publish.build_record` (this build), `publish.build_files` (what it read) and
    `publish.build_attempts` (the attempts before it, and it) into the database it built."""
    placeholders = ", ".join("?" * 13)
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema if not exists publish")
        for table in ("build_record", "build_attempts"):
            connection.execute(f"create or replace table publish.{table} ({_COLUMNS})")
        connection.execute(
            f"insert into publish.build_record values ({placeholders})", _row(attempt)
        )
        connection.executemany(
            f"insert into publish.build_attempts values ({placeholders})",
            [_row(item) for item in [*history, attempt]],
        )
        connection.execute(
            "create or replace table publish.build_files "
            "(path varchar, bytes bigint, sha256 varchar)"
        )
        if files:
            connection.executemany(
                "insert into publish.build_files values (?, ?, ?)",
                [(f.path, f.bytes, f.sha256) for f in files],
            )
        connection.execute("checkpoint")
