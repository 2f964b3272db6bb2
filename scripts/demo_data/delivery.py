"""The whole delivery folder: filiales.csv, then one folder per filiale, in parallel for large
runs; a previous delivery in the same folder is wiped first."""

from __future__ import annotations

import csv
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from spaser.contract import EXTRACTS

from .filiale import PUBLICATIONS, generate_filiale
from .profiles import Profile, profiles
from .writer import Reject

DEFAULT_INVOICES = 150
# Below this size the process pool costs more than it saves.
PARALLEL_THRESHOLD = 20_000


def write_filiales(out: Path, chosen: list[Profile]) -> None:
    with (out / "filiales.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(EXTRACTS["filiales"].column_names)
        for p in chosen:
            writer.writerow((p.code, p.name, p.siren, p.departements, p.drom))


def generated(path: Path) -> bool:
    """A file the generator writes in a filiale folder."""
    return path.is_file() and (path.suffix == ".csv" or any(p.owns(path) for p in PUBLICATIONS))


def clear(out: Path) -> None:
    """Remove a previous delivery: filiales.csv and the folders that hold only generated files."""
    if not out.exists():
        return
    for entry in sorted(out.iterdir()):
        if entry.name == "filiales.csv":
            entry.unlink()
        elif entry.is_dir() and all(generated(f) for f in entry.iterdir()):
            for f in entry.iterdir():
                f.unlink()
            entry.rmdir()
        else:
            print(f"warning: {entry} left in place; the loader may reject it", file=sys.stderr)


def generate(
    out: Path,
    seed: int = 2026,
    invoices: int = DEFAULT_INVOICES,
    jobs: int = 0,
    chosen: list[Profile] | None = None,
) -> list[Reject]:
    """Write the delivery; return its deliberate bad rows, in filiale and file order."""
    chosen = chosen or profiles()
    clear(out)
    out.mkdir(parents=True, exist_ok=True)
    write_filiales(out, chosen)
    jobs = jobs or (min(len(chosen), os.cpu_count() or 1) if invoices >= PARALLEL_THRESHOLD else 1)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(generate_filiale, p, out, seed, invoices) for p in chosen]
            results = [f.result() for f in futures]
    else:
        results = [generate_filiale(p, out, seed, invoices) for p in chosen]
    return [row for rejects in results for row in rejects]
