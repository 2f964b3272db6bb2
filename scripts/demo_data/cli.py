"""The generator's command line (scripts/generate_demo_data.py): its options, and what it prints
or writes of the deliberate bad rows (--summary, --manifest)."""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from spaser.contract import FILIALE_EXTRACTS

from .delivery import DEFAULT_INVOICES, generate
from .filiale import PUBLICATIONS
from .profiles import PROFILES, Profile, profiles
from .registries import write_registries
from .writer import Reject

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = PROJECT_ROOT / "data" / "demo" / "raw"
DESCRIPTION = "Generate a synthetic raw delivery folder that follows the input contract."


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="target raw folder")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument(
        "--invoices-per-year",
        type=int,
        default=DEFAULT_INVOICES,
        help=f"invoices per filiale and year (default {DEFAULT_INVOICES})",
    )
    parser.add_argument(
        "--filiales",
        type=int,
        default=len(PROFILES),
        help=f"number of filiales (default {len(PROFILES)}: the demo's; more are copies of them)",
    )
    parser.add_argument(
        "--housing-units",
        type=int,
        help="housing units per filiale and snapshot (default: each demo filiale's own)",
    )
    parser.add_argument(
        "--registries",
        type=Path,
        help="also write the demo supplier registries there (make demo-data: data/demo/registries)",
    )
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: auto)")
    parser.add_argument("--summary", action="store_true", help="print the deliberate bad rows")
    parser.add_argument("--manifest", type=Path, help="CSV file listing every deliberate bad row")
    return parser


def print_summary(rejects: list[Reject], chosen: list[Profile]) -> None:
    """The bad rows counted by filiale, extract, file and reason, in that order."""
    counts = Counter((f, e, s, label) for f, e, s, _, label, _ in rejects)
    codes = [p.code for p in chosen]
    extracts = [*FILIALE_EXTRACTS, *(p.extract for p in PUBLICATIONS)]
    for (filiale, extract, source, label), n in sorted(
        counts.items(),
        key=lambda kv: (codes.index(kv[0][0]), extracts.index(kv[0][1]), kv[0][2:]),
    ):
        print(f"{filiale}\t{extract}\t{source}\t{label}\t{n}")


def write_manifest(path: Path, rejects: list[Reject]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("filiale_code", "extract", "source_file", "line_number", "reason"))
        writer.writerows((f, e, s, line, reason) for f, e, s, line, _, reason in rejects)


def main(argv: list[str] | None = None) -> int:
    options = parser()
    args = options.parse_args(argv)
    if args.invoices_per_year < 1:
        options.error("--invoices-per-year must be at least 1")
    if args.filiales < 1:
        options.error("--filiales must be at least 1")

    started = time.perf_counter()
    chosen = profiles(args.filiales, args.housing_units)
    rejects = generate(args.out, args.seed, args.invoices_per_year, args.jobs, chosen)
    if args.registries:
        write_registries(args.out, args.registries, args.seed)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.out} in {elapsed:.1f} s ({len(rejects)} deliberate bad rows)")
    if args.summary:
        print_summary(rejects, chosen)
    if args.manifest:
        write_manifest(args.manifest, rejects)
    return 0
