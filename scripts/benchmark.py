"""Time the pipeline on a generated delivery of a chosen size, and print the figures.

    .venv/bin/python scripts/benchmark.py --invoices-per-year 1000000

Generates a raw folder with scripts/generate_demo_data.py into a temporary
directory, then times `dbt build` on it (and, with --validate, the Great
Expectations delivery validation), and prints rows, durations, throughput and
the slowest dbt nodes. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(label: str, command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout[-4000:] + completed.stderr[-4000:])
        raise SystemExit(f"{label} failed (exit {completed.returncode})")
    print(f"{label:<28} {elapsed:8.1f} s")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices-per-year", type=int, default=200_000)
    parser.add_argument("--validate", action="store_true", help="also time make validate")
    parser.add_argument("--threads", default=os.environ.get("SPASER_THREADS", "2"))
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="spaser-bench-") as tmp:
        raw, work = Path(tmp) / "raw", Path(tmp) / "work"
        env = {
            **os.environ,
            "SPASER_RAW_DIR": str(raw),
            "SPASER_DUCKDB_PATH": str(work / "spaser.duckdb"),
            "SPASER_OUTPUT_DIR": str(work),
            "SPASER_THREADS": str(args.threads),
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "GX_ANALYTICS_ENABLED": "false",
        }
        work.mkdir()
        print(f"invoices per filiale and year: {args.invoices_per_year:,}")
        timed(
            "generate raw delivery",
            [
                str(BIN / "python"),
                "scripts/generate_demo_data.py",
                "--out",
                str(raw),
                "--invoices-per-year",
                str(args.invoices_per_year),
            ],
            env,
        )
        size = sum(p.stat().st_size for p in raw.rglob("*") if p.suffix in (".csv", ".txt"))
        print(f"{'raw size':<28} {size / 1e6:8.1f} MB")
        if args.validate:
            validate = [str(BIN / "python"), "-m", "spaser.validate"]
            timed("validate (Great Expectations)", validate, env)
        build = timed(
            "dbt build",
            [str(BIN / "dbt"), "build", "--target-path", str(work / "target")],
            env,
        )
        with duckdb.connect(str(work / "spaser.duckdb"), read_only=True) as connection:
            read, rejected = connection.sql(
                "select sum(rows_read), sum(rows_rejected) from audit.audit_extract_row_counts"
            ).fetchall()[0]
            invoices, fec = connection.sql(
                "select sum(rows_read) filter (extract = 'factures'), "
                "coalesce(sum(rows_read) filter (extract = 'fec'), 0) "
                "from audit.audit_extract_row_counts"
            ).fetchall()[0]
        print(f"{'rows read (all extracts)':<28} {read:>10,}")
        print(f"{'  of which invoices':<28} {invoices:>10,}")
        print(f"{'  of which FEC lines':<28} {fec:>10,}")
        print(f"{'rows rejected':<28} {rejected:>10,}")
        print(f"{'build throughput':<28} {read / build:>10,.0f} rows/s")
        results = json.loads((work / "target" / "run_results.json").read_text())["results"]
        slowest = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:8]
        print("slowest nodes:")
        for result in slowest:
            print(f"  {result['execution_time']:8.1f} s  {result['unique_id'].split('.')[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
