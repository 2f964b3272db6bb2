"""Where a build reads its delivery and writes what it publishes.

One place for the environment variables of the README, so that the publish
step, the exports, the report and the summary agree on every path. An empty
variable means unset, as the raw contract says of SPASER_RAW_DIR.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from spaser.constants import DEMO_RAW_DIR, PROJECT_DIR

DEMO_NOTICE = "données de démonstration fournies avec le projet (SPASER_RAW_DIR non renseigné)"


def project_vars() -> dict:
    """The vars of dbt_project.yml: a build's thresholds and bounds before any --vars."""
    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    return project.get("vars") or {}


def _setting(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class Delivery:
    """The raw folder a build reads, and whether it is the bundled demo."""

    raw_dir: Path
    is_demo: bool

    @classmethod
    def from_environment(cls) -> Delivery:
        configured = _setting("SPASER_RAW_DIR")
        if configured is None:
            return cls(DEMO_RAW_DIR, True)
        return cls(Path(configured).expanduser().resolve(), False)

    def describe(self) -> str:
        return f"{self.raw_dir} — {DEMO_NOTICE}" if self.is_demo else str(self.raw_dir)


@dataclass(frozen=True)
class Outputs:
    """Every path a build publishes to, under SPASER_OUTPUT_DIR (default `output/`)."""

    root: Path
    database: Path

    @classmethod
    def from_environment(cls) -> Outputs:
        root = Path(_setting("SPASER_OUTPUT_DIR") or PROJECT_DIR / "output").expanduser().resolve()
        database = _setting("SPASER_DUCKDB_PATH")
        return cls(
            root, Path(database).expanduser().resolve() if database else root / "spaser.duckdb"
        )

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def report(self) -> Path:
        return self.root / "report"

    @property
    def dbt_docs(self) -> Path:
        return self.root / "dbt_docs" / "index.html"

    @property
    def data_docs(self) -> Path:
        return self.root / "data_docs" / "index.html"

    @property
    def validation_results(self) -> Path:
        return self.root / "data_docs" / "validation_results.json"

    @property
    def history(self) -> Path:
        """The published builds' figures, kept across publishes (spaser.history)."""
        return self.root / "history"

    @property
    def attempts_log(self) -> Path:
        """Every build attempt, published or not: the published database cannot hold a
        failed one, since a failed build leaves it untouched."""
        return self.root / "build_attempts.jsonl"
