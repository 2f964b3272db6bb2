"""The bundled demo data is the generator's output: deterministic, and never edited by hand."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from spaser.contract import EXTRACTS
from spaser.landing import land, landed_files

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "generate_demo_data.py"
DEMO = ROOT / "data" / "demo" / "raw"
REGENERATE = "regenerate it with: .venv/bin/python scripts/generate_demo_data.py"


def generate(out: Path, *args: str, hash_seed: str = "0") -> None:
    # A fresh interpreter per run, with its own hash seed: set or dict ordering can't leak in.
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *args],
        check=True,
        env=env,
        capture_output=True,
    )


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def differences(left: dict[str, bytes], right: dict[str, bytes]) -> list[str]:
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


def test_generator_is_deterministic(tmp_path: Path) -> None:
    small = ("--invoices-per-year", "60", "--seed", "7")
    generate(tmp_path / "a", *small, hash_seed="1")
    generate(tmp_path / "b", *small, "--jobs", "2", hash_seed="2")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first, "the generator wrote nothing"
    assert differences(first, second) == []


def test_seed_changes_the_rows(tmp_path: Path) -> None:
    generate(tmp_path / "a", "--invoices-per-year", "60", "--seed", "1")
    generate(tmp_path / "b", "--invoices-per-year", "60", "--seed", "2")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first.keys() == second.keys()
    assert first["SEQENS/factures_2025_2026.csv"] != second["SEQENS/factures_2025_2026.csv"]


def test_committed_demo_data_is_a_fresh_generation(tmp_path: Path) -> None:
    generate(tmp_path / "raw")
    changed = differences(tree(tmp_path / "raw"), tree(DEMO))
    assert changed == [], f"data/demo/raw differs from the generator's output ({REGENERATE})"


def test_demo_data_reads_under_the_contract() -> None:
    with land(DEMO) as connection:
        # The ERP extracts' contract; the FEC files have theirs (test_fec_demo.py).
        files = [f for f in landed_files(connection) if f.filiale_code and f.extract in EXTRACTS]
        rows = sum(
            connection.sql(f"select count(*) from raw.{extract}").fetchall()[0][0]
            for extract in {f.extract for f in files}
        )
        unreadable = sum(
            connection.sql(
                f"select count(*) from raw.{e} where reading_error is not null"
            ).fetchall()[0][0]
            for e in {f.extract for f in files}
        )
    with (DEMO / "filiales.csv").open(encoding="utf-8-sig", newline="") as handle:
        known = {row["code_filiale"] for row in csv.DictReader(handle, delimiter=";")}
    extracts = {(f.filiale_code, f.extract) for f in files}
    assert rows > 3000
    assert unreadable == 0
    assert known == {"SEQENS", "SIDR", "ERILIA", "ALLIADE"}
    # Absent extracts are part of the demo: their indicators are null, not zero.
    assert {e for f, e in extracts if f == "ALLIADE"} == set(EXTRACTS) - {
        "filiales",
        "vehicules",
        "logements",
        "formations",
    }
    assert len({e for f, e in extracts if f == "SEQENS"}) == len(EXTRACTS) - 1
