"""Every published build remembered: its figures and its build record as Parquet files
under `<SPASER_OUTPUT_DIR>/history/`, which dbt reads back (models/staging/history) to say
what changed since the previous delivery.

    history/builds/<rank>-<build_id>/build.parquet                 when, delivery, vars, seeds
    history/builds/<rank>-<build_id>/fct_indicators.parquet        (and the other figures)
    history/builds/<rank>-<build_id>/fct_indicator_evidence.parquet  the last builds' only
    history/.pending/<rank>-<build_id>/                            a build not yet published

The publish writes a build's folder into `.pending/` from the fresh database before it
renames that database over the published one, and moves the folder into `builds/` after:
a failed or killed build never reaches `builds/`. A build killed between the two renames
leaves its folder pending; the next publish settles it by the published database's own
build record (published: moved into `builds/`; not: removed). Both renames are atomic.

Retention (environment): SPASER_HISTORY_BUILDS keeps the figures of the last N builds
(empty: all of them); SPASER_HISTORY_EVIDENCE_BUILDS keeps the evidence rows of the last N
(default 1: what the next build needs to say which rows moved a figure).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from spaser.build_record import Attempt
from spaser.constants import PROJECT_DIR

# The marts whose figures each build adds, and the evidence kept for the next comparison.
FIGURES = {
    "fct_indicators": "marts.fct_indicators",
    "fct_indicators_group": "marts.fct_indicators_group",
    "fct_decp_compliance": "marts.fct_decp_compliance",
    "fct_spend_reconciliation": "marts.fct_spend_reconciliation",
}
EVIDENCE = "fct_indicator_evidence"
BUILD = "build"
SEEDS_DIR = PROJECT_DIR / "seeds"
# The seeds that define a figure (units, perimeters, ratios, reference lists): a build
# whose copies of them differ may move a figure by its definition. Targets and labels
# move no figure; declared values are a filiale's data.
DEFINITION_SEEDS = (
    "indicator_catalogue",
    "jobs_per_million_eur",
    "energy_vectors",
    "low_emission_vehicle_energies",
)
_FOLDER = re.compile(r"^(\d+)-([0-9A-Za-z_]+)$")


@dataclass(frozen=True)
class Retention:
    builds: int | None  # None: every build's figures
    evidence_builds: int

    @classmethod
    def from_environment(cls) -> Retention:
        return cls(
            _count("SPASER_HISTORY_BUILDS", None, minimum=1),
            _count("SPASER_HISTORY_EVIDENCE_BUILDS", 1, minimum=0),
        )


def _count(name: str, default: int | None, minimum: int) -> int | None:
    text = os.environ.get(name, "").strip().lower()
    if text in ("", "all", "tout", "tous"):
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{name} doit être un entier (ou vide) : {text!r}") from None
    if value < minimum:
        raise ValueError(f"{name} doit valoir au moins {minimum} : {value}")
    return value


def builds_dir(history: Path) -> Path:
    return history / "builds"


def pending_dir(history: Path) -> Path:
    return history / ".pending"


def build_folders(history: Path) -> list[Path]:
    """The published builds' folders, oldest first."""
    folder = builds_dir(history)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_dir() and _FOLDER.match(p.name)]
    return sorted(found, key=lambda p: int(_FOLDER.match(p.name).group(1)))


def next_rank(history: Path) -> int:
    folders = build_folders(history)
    return int(_FOLDER.match(folders[-1].name).group(1)) + 1 if folders else 1


def seeds_fingerprint(seeds: Path = SEEDS_DIR) -> str:
    """One SHA-256 of the seeds that define the figures (DEFINITION_SEEDS)."""
    digest = hashlib.sha256()
    for name in DEFINITION_SEEDS:
        path = seeds / f"{name}.csv"
        content = path.read_bytes() if path.exists() else b""
        digest.update(f"{name}\0{hashlib.sha256(content).hexdigest()}\n".encode())
    return digest.hexdigest()


def vars_fingerprint(effective_vars: dict) -> str:
    text = json.dumps(effective_vars, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def dbt_environment(history: Path, attempt: Attempt, seeds: str) -> dict[str, str]:
    """What the build's dbt run reads about the history and the build it is (int_current_build)."""
    return {
        "SPASER_HISTORY_DIR": str(history),
        "SPASER_BUILD_ID": attempt.build_id,
        "SPASER_BUILD_STARTED_AT": attempt.started_at,
        "SPASER_VARS_FINGERPRINT": vars_fingerprint(attempt.vars),
        "SPASER_SEEDS_FINGERPRINT": seeds,
    }


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_pending(database: Path, history: Path, attempt: Attempt, seeds: str) -> Path:
    """Copy this build's figures, evidence and record from the fresh database into
    `.pending/<rank>-<build_id>/`; returns that folder."""
    pending = pending_dir(history)
    shutil.rmtree(pending, ignore_errors=True)
    folder = pending / f"{next_rank(history):06d}-{attempt.build_id}"
    partial = pending / f".{folder.name}.partial"
    partial.mkdir(parents=True)
    record = {
        "build_id": attempt.build_id,
        "build_rank": int(folder.name.split("-")[0]),
        "started_at": attempt.started_at,
        "finished_at": attempt.finished_at,
        "raw_dir": attempt.raw_dir,
        "is_demo_delivery": attempt.is_demo_delivery,
        "raw_fingerprint": attempt.raw_fingerprint,
        "vars": json.dumps(attempt.vars, sort_keys=True, ensure_ascii=False, default=str),
        "vars_fingerprint": vars_fingerprint(attempt.vars),
        "seeds_fingerprint": seeds,
    }
    options = "(format parquet, compression zstd)"
    build_id = "'" + attempt.build_id.replace("'", "''") + "'"
    relations = {**FIGURES, EVIDENCE: f"marts.{EVIDENCE}"}
    with duckdb.connect(str(database), read_only=True) as connection:
        for name, relation in relations.items():
            connection.execute(
                f"copy (select {build_id} as build_id, * from {relation}) "
                f"to {_quoted(partial / f'{name}.parquet')} {options}"
            )
        connection.execute(
            "copy (select $build_id::varchar as build_id, $build_rank::integer as build_rank, "
            "$started_at::timestamptz as started_at, $finished_at::timestamptz as finished_at, "
            "$raw_dir::varchar as raw_dir, $is_demo_delivery::boolean as is_demo_delivery, "
            "$raw_fingerprint::varchar as raw_fingerprint, $vars::json as vars, "
            "$vars_fingerprint::varchar as vars_fingerprint, "
            "$seeds_fingerprint::varchar as seeds_fingerprint, "
            "(select max(as_of_date) from marts.fct_indicators)::date as as_of_date) "
            f"to {_quoted(partial / f'{BUILD}.parquet')} {options}",
            record,
        )
    os.replace(partial, folder)
    return folder


def publish_pending(history: Path, retention: Retention) -> Path | None:
    """Move the pending build into `builds/` (the database holding it is published), then
    apply the retention. Returns the build's folder."""
    pending = pending_dir(history)
    folders = [p for p in pending.iterdir() if _FOLDER.match(p.name)] if pending.is_dir() else []
    moved = None
    for folder in folders:
        builds_dir(history).mkdir(parents=True, exist_ok=True)
        moved = builds_dir(history) / folder.name
        os.replace(folder, moved)
    shutil.rmtree(pending, ignore_errors=True)
    prune(history, retention)
    return moved


def settle(history: Path, published: Path, retention: Retention) -> str | None:
    """A pending build left by a publish killed between its two renames: kept when the
    published database is that build's, removed otherwise. Says what it did."""
    pending = pending_dir(history)
    if not pending.is_dir():
        return None
    published_id = _published_build_id(published)
    for folder in pending.iterdir():
        match = _FOLDER.match(folder.name)
        if match and match.group(2) == published_id:
            publish_pending(history, retention)
            return f"historique : build {published_id} publié, ajouté à l'historique"
    shutil.rmtree(pending)
    return "historique : build non publié retiré de l'historique en attente"


def _published_build_id(published: Path) -> str | None:
    if not published.exists():
        return None
    try:
        with duckdb.connect(str(published), read_only=True) as connection:
            row = connection.execute("select build_id from publish.build_record").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


def prune(history: Path, retention: Retention) -> None:
    """Keep the figures of the last `builds` builds and the evidence of the last
    `evidence_builds`; the oldest go first."""
    folders = build_folders(history)
    if retention.builds is not None:
        for folder in folders[: max(len(folders) - retention.builds, 0)]:
            shutil.rmtree(folder)
        folders = folders[-retention.builds :]
    for folder in folders[: max(len(folders) - retention.evidence_builds, 0)]:
        (folder / f"{EVIDENCE}.parquet").unlink(missing_ok=True)


def size_on_disk(history: Path) -> int:
    return sum(p.stat().st_size for p in history.rglob("*") if p.is_file())
