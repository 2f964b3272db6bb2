"""The publish step: a fresh database per build, renamed over the published one only
when the build and its tests pass; readers never blocked, failures and kills harmless."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from pathlib import Path

import duckdb

from conftest import CONFORMANCE, CONFORMANCE_CELLS, copy_raw, drop_column, rewrite_csv
from publishing import run_publish, start_publish
from spaser.build_record import (
    FAILED,
    INTERRUPTED,
    fingerprint_files,
    folder_fingerprint,
    read_attempts,
)
from spaser.constants import DEMO_RAW_DIR
from spaser.outputs import Delivery, Outputs
from spaser.publish import clear_interrupted

GROUP_O1_4_2024 = (
    "select value from marts.fct_indicators_group where indicator_code = 'O1_4' and year = 2024"
)
CELLS = "select count(*) from marts.fct_indicators"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(outputs: Outputs) -> list[Path]:
    return sorted(outputs.database.parent.glob(f".{outputs.database.name}.building*"))


def history_files(outputs: Outputs) -> dict[str, int]:
    """The history's files and sizes: a build that is not published changes none."""
    return {
        p.relative_to(outputs.history).as_posix(): p.stat().st_size
        for p in sorted(outputs.history.rglob("*"))
        if p.is_file()
    }


def smaller_delivery(folder: Path) -> Path:
    """The conformance delivery without SEQENS' 2024 invoices: other 2024 figures."""
    raw = copy_raw(folder / "raw livraison")
    (raw / "SEQENS" / "factures_2024.csv").unlink()
    return raw


def test_build_record_names_the_delivery_its_fingerprint_vars_and_outcome(published_conformance):
    raw = CONFORMANCE / "raw"
    (record,) = published_conformance.query(
        "select outcome, raw_dir, is_demo_delivery, raw_fingerprint, raw_files, "
        "vars->>'spaser_last_year', exported_relations from publish.build_record"
    )
    files = fingerprint_files(raw)
    assert record[:6] == (
        "published",
        str(raw),
        False,
        folder_fingerprint(files),
        len(files),
        "2026",
    )
    assert set(record[6]) >= {
        "marts.fct_indicators",
        "marts.fct_indicators_group",
        "marts.fct_data_quality",
        "publish.build_record",
    }
    assert published_conformance.query("select count(*), sum(bytes) from publish.build_files") == [
        (len(files), sum(f.bytes for f in files))
    ]
    assert published_conformance.outputs.dbt_docs.stat().st_size > 100_000
    assert not leftovers(published_conformance.outputs)


def test_the_demo_delivery_is_named_as_such(monkeypatch):
    monkeypatch.setenv("SPASER_RAW_DIR", "  ")
    delivery = Delivery.from_environment()
    assert delivery.is_demo and delivery.raw_dir == DEMO_RAW_DIR
    assert "données de démonstration" in delivery.describe()


def test_a_failed_build_leaves_the_published_database_untouched(published_conformance, tmp_path):
    outputs = published_conformance.copy_to(tmp_path)
    before = sha256(outputs.database)
    history_before = history_files(outputs)
    raw = copy_raw(tmp_path / "raw")
    rewrite_csv(raw / "LOGEO" / "vehicules.csv", drop_column("energie"))

    completed = run_publish(raw, outputs.root)

    assert completed.returncode == 1
    assert "rien n'est publié" in completed.stderr
    assert f"La base publiée {outputs.database} est inchangée" in completed.stderr
    assert "'energie' missing" in completed.stderr
    assert sha256(outputs.database) == before
    assert history_files(outputs) == history_before
    assert not leftovers(outputs)
    last = read_attempts(outputs.attempts_log)[-1]
    assert (last.outcome, last.raw_dir) == (FAILED, str(raw))
    assert "'energie' missing" in last.message


def test_a_reader_holding_the_file_open_never_blocks_nor_sees_a_half_built_mart(
    published_conformance, tmp_path
):
    outputs = published_conformance.copy_to(tmp_path)
    raw = smaller_delivery(tmp_path)
    reads, failures, done = [], [], threading.Event()

    def read_while_building() -> None:
        while not done.is_set():
            try:
                with duckdb.connect(str(outputs.database), read_only=True) as connection:
                    reads.append(connection.execute(CELLS).fetchall()[0][0])
            except duckdb.Error as error:
                failures.append(str(error))
            time.sleep(0.1)

    with duckdb.connect(str(outputs.database), read_only=True) as held:
        (before,) = held.execute(GROUP_O1_4_2024).fetchall()[0]
        reader = threading.Thread(target=read_while_building)
        reader.start()
        try:
            completed = run_publish(raw, outputs.root, "--no-exports")
        finally:
            done.set()
            reader.join()
        assert completed.returncode == 0, (completed.stdout + completed.stderr)[-3000:]
        # The held connection still reads the file it opened, whole.
        assert held.execute(GROUP_O1_4_2024).fetchall()[0][0] == before

    assert failures == []
    assert len(reads) > 20 and set(reads) == {CONFORMANCE_CELLS}
    with duckdb.connect(str(outputs.database), read_only=True) as connection:
        (after,) = connection.execute(GROUP_O1_4_2024).fetchall()[0]
        (raw_dir,) = connection.execute("select raw_dir from publish.build_record").fetchall()[0]
    assert after != before and raw_dir == str(raw)


def test_a_killed_build_leaves_the_previous_database_readable(published_conformance, tmp_path):
    outputs = published_conformance.copy_to(tmp_path)
    before = sha256(outputs.database)
    history_before = history_files(outputs)
    assert history_before  # the first build's figures
    (previous,) = published_conformance.query(GROUP_O1_4_2024)[0]
    process = start_publish(smaller_delivery(tmp_path), outputs.root)
    deadline = time.monotonic() + 120
    # Midway: dbt has written its first models into the fresh file.
    while not any(p.stat().st_size > 1_000_000 for p in leftovers(outputs) if p.exists()):
        assert process.poll() is None and time.monotonic() < deadline, process.stdout.read()
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()

    assert sha256(outputs.database) == before
    assert history_files(outputs) == history_before
    with duckdb.connect(str(outputs.database), read_only=True) as connection:
        assert connection.execute(GROUP_O1_4_2024).fetchall()[0][0] == previous
    assert leftovers(outputs)

    # The next build clears what the killed one left and records it as interrupted.
    (interrupted,) = clear_interrupted(outputs.database, outputs.attempts_log)
    assert interrupted.outcome == INTERRUPTED
    assert not leftovers(outputs)
    assert read_attempts(outputs.attempts_log)[-1].outcome == INTERRUPTED


def test_outputs_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SPASER_OUTPUT_DIR", str(tmp_path / "a b"))
    monkeypatch.setenv("SPASER_DUCKDB_PATH", "")
    outputs = Outputs.from_environment()
    assert outputs.database == tmp_path / "a b" / "spaser.duckdb"
    assert outputs.exports == tmp_path / "a b" / "exports"
    monkeypatch.setenv("SPASER_DUCKDB_PATH", str(tmp_path / "l'été" / "base.duckdb"))
    assert Outputs.from_environment().database == tmp_path / "l'été" / "base.duckdb"
