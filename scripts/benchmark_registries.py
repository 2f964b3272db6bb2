"""Measure what the supplier registries add to a build, with a full-size synthetic SIRENE stock.

    .venv/bin/python scripts/benchmark_registries.py   # 30 M legal units, 40 M establishments
    .venv/bin/python scripts/benchmark_registries.py --legal-units 3000000 --establishments 4000000

Generates a delivery with scripts/generate_demo_data.py, builds it without registries, then
writes with DuckDB a synthetic StockUniteLegale and StockEtablissement in Parquet (official
column names, sorted by key as INSEE publishes them, holding the delivery's SIRENs and SIRETs
among the filler rows), adds the demo ESUS and ESS France lists, and builds again with them.
Each build runs under /usr/bin/time -v: the script prints both wall times and peak resident
memories (dbt and DuckDB are one process), the difference, and the registry models' times.
Everything lives in a temporary folder (about 1 GB for the full-size stock), removed at the
end. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def measured_build(label: str, env: dict[str, str], work: Path) -> tuple[float, float, dict]:
    """Wall seconds, peak RSS in MB and per-node seconds of one `dbt build`."""
    command = ["/usr/bin/time", "-v", str(BIN / "dbt"), "build", "--target-path", str(work)]
    completed = subprocess.run(
        command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout[-4000:] + completed.stderr[-4000:])
        raise SystemExit(f"{label}: dbt build failed (exit {completed.returncode})")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", completed.stderr)
    hours, minutes, seconds = (float(part or 0) for part in wall.groups())
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)[1])
    results = json.loads((work / "run_results.json").read_text())["results"]
    nodes = {
        r["unique_id"].split(".")[-1]: r["execution_time"]
        for r in results
        if r["unique_id"].startswith("model.")
    }
    elapsed = hours * 3600 + minutes * 60 + seconds
    print(f"{label:<32} {elapsed:8.1f} s {peak / 1024:10.0f} MB peak RSS")
    return elapsed, peak / 1024, nodes


def write_stock(folder: Path, keys_db: Path, legal_units: int, establishments: int) -> None:
    """A synthetic INSEE stock in Parquet: `legal_units` + `establishments` filler rows plus
    one row per SIREN / SIRET of the delivery (read from a built database)."""
    folder.mkdir(parents=True)
    with duckdb.connect() as connection:
        connection.sql("set preserve_insertion_order = false")
        connection.sql(f"attach '{keys_db}' as delivery (read_only)")
        connection.sql(
            f"""
            copy (
                select * from (
                    select
                        lpad((i * 33 + 7)::varchar, 9, '0') as siren,
                        'O' as statutDiffusionUniteLegale,
                        date '1970-01-01' + (i % 18000)::integer as dateCreationUniteLegale,
                        ['', 'NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32',
                            '41'][1 + i % 13] as trancheEffectifsUniteLegale,
                        ['PME', '', 'ETI', 'GE', 'PME'][1 + i % 5] as categorieEntreprise,
                        (2018 + i % 5)::bigint as anneeCategorieEntreprise,
                        if(i % 7 = 0, 'C', 'A') as etatAdministratifUniteLegale,
                        'SOCIETE ' || i as denominationUniteLegale,
                        ['43.21A', '41.20A', '81.21Z'][1 + i % 3] as activitePrincipaleUniteLegale,
                        if(i % 23 = 0, 'O', 'N') as economieSocialeSolidaireUniteLegale,
                        lpad((i % 99999)::varchar, 5, '0') as nicSiegeUniteLegale
                    from range({legal_units}) as numbers (i)
                    union all
                    select distinct
                        siren, 'O', date '2001-01-01', '11', 'PME', 2022, 'A',
                        'FOURNISSEUR ' || siren, '43.21A', 'N', '00010'
                    from delivery.staging.base_registries__delivery_keys
                )
                order by siren
            ) to '{folder / "StockUniteLegale_utf8.parquet"}' (format parquet)
            """
        )
        connection.sql(
            f"""
            copy (
                select * from (
                    select
                        lpad((i // 4 * 44 + 7)::varchar, 9, '0')
                            || lpad((i % 4 + 10)::varchar, 5, '0') as siret,
                        'O' as statutDiffusionEtablissement,
                        date '1970-01-01' + (i % 18000)::integer as dateCreationEtablissement,
                        i % 4 = 0 as etablissementSiege,
                        (i % 200)::varchar as numeroVoieEtablissement,
                        'RUE' as typeVoieEtablissement,
                        'DE LA REPUBLIQUE ' || (i % 500) as libelleVoieEtablissement,
                        lpad(((i % 95 + 1) * 1000 + 10)::varchar, 5, '0')
                            as codePostalEtablissement,
                        lpad(((i % 95 + 1) * 1000 + 56)::varchar, 5, '0')
                            as codeCommuneEtablissement,
                        'VILLE ' || (i % 3000) as libelleCommuneEtablissement,
                        date '2000-01-01' + (i % 9000)::integer as dateDebut,
                        if(i % 5 = 0, 'F', 'A') as etatAdministratifEtablissement,
                        ['43.21A', '41.20A', '81.21Z'][1 + i % 3] as activitePrincipaleEtablissement
                    from range({establishments}) as numbers (i)
                    union all
                    select
                        siret, 'O', date '2001-01-01', true, '1', 'RUE', 'DE LA GARE', '75011',
                        '75111', 'PARIS 11', date '2001-01-01', 'A', '43.21A'
                    from delivery.staging.base_registries__delivery_keys
                )
                order by siret
            ) to '{folder / "StockEtablissement_utf8.parquet"}' (format parquet)
            """
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--legal-units", type=int, default=30_000_000)
    parser.add_argument("--establishments", type=int, default=40_000_000)
    parser.add_argument("--invoices-per-year", type=int, default=150)
    parser.add_argument("--threads", default=os.environ.get("SPASER_THREADS", "2"))
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="spaser-registries-bench-") as tmp:
        raw, stock, work = Path(tmp) / "raw", Path(tmp) / "stock", Path(tmp) / "work"
        generator = [str(BIN / "python"), "scripts/generate_demo_data.py", "--out", str(raw)]
        generator += ["--invoices-per-year", str(args.invoices_per_year)]
        subprocess.run(generator, cwd=PROJECT_DIR, check=True, capture_output=True)
        env = {
            **os.environ,
            "SPASER_RAW_DIR": str(raw),
            "SPASER_DUCKDB_PATH": str(work / "spaser.duckdb"),
            "SPASER_THREADS": str(args.threads),
            "SPASER_REGISTRIES_DIR": "",
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        }
        work.mkdir()
        print(f"delivery: {args.invoices_per_year:,} invoices per filiale and year")
        base_time, base_peak, _ = measured_build("build without registries", env, work / "base")
        started = time.perf_counter()
        write_stock(stock, work / "spaser.duckdb", args.legal_units, args.establishments)
        for name in ("esus.csv", "ess_france.csv"):
            shutil.copy(Path(tmp) / "registries" / name, stock / name)
        size = sum(p.stat().st_size for p in stock.iterdir()) / 1e6
        print(
            f"stock written: {args.legal_units:,} legal units, {args.establishments:,} "
            f"establishments, {size:,.0f} MB, in {time.perf_counter() - started:.0f} s"
        )
        (work / "spaser.duckdb").unlink()
        registries_env = {**env, "SPASER_REGISTRIES_DIR": str(stock)}
        reg_time, reg_peak, nodes = measured_build(
            "build with registries", registries_env, work / "registries"
        )
        added = f"{reg_time - base_time:8.1f} s {reg_peak - base_peak:10.0f} MB"
        print(f"{'difference (with - without)':<32} {added}")
        registry_models = {name: t for name, t in nodes.items() if "registr" in name}
        print(f"{'registry models (sum)':<32} {sum(registry_models.values()):8.1f} s")
        for name, seconds in sorted(registry_models.items(), key=lambda item: -item[1]):
            print(f"  {seconds:8.2f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
