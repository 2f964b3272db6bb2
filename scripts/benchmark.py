"""Measure the build at four scales against DuckDB's own reading of the same files.

    .venv/bin/python scripts/benchmark.py                 # demo, large filiale, group, 3× group
    .venv/bin/python scripts/benchmark.py --scales demo   # a smoke test

For each scale, one run: generate the delivery (scripts/generate_demo_data.py) into a
temporary folder; the floor, DuckDB alone landing every raw CSV of the folder as text tables
(one `read_csv` per extract, every column VARCHAR, into a DuckDB file); then `dbt build` on
it as a publish runs it (models and data tests; the unit tests check the rules, not the
delivery), timed, with its peak memory (`/usr/bin/time -v`), the largest size its spill
folder reaches (DuckDB writes `<database>.tmp` beyond its memory limit) and its slowest
nodes; then
the HTML report written from that database (`python -m spaser.report`, its build record
written as a publish writes it), timed, with the size of its folder; then the exports as a
publish writes them (`python -m spaser.exports`: Parquet, CSV, the workbook and the
auditors' evidence partitioned by filiale and year), timed, with their peak memory, under
the profile's memory limit; then the history a publish adds (the 3× group measures the
build alone: it shows how the build grows past the group). The figures go to
the console, to docs/benchmarks.json and to the section of docs/benchmarks.md between its
`make benchmark` markers (other sections of that file are left as they are). It measures;
it asserts nothing.

Then the history a publish adds (src/spaser/history.py): the time to write the build's
figures and evidence to Parquet and their size on disk, and the time of the change marts
comparing a rebuild of them with that history (the same delivery: no change, every join).
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from spaser import history
from spaser.build_record import PUBLISHED, Attempt, fingerprint_files, now, write_record
from spaser.publish import PUBLISH_BUILD, exported_relations

PROJECT_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DOCS = PROJECT_DIR / "docs"
START, END = "<!-- make benchmark: start -->", "<!-- make benchmark: end -->"


@dataclass(frozen=True)
class Scale:
    name: str
    what: str
    filiales: int
    invoices_per_year: int
    housing_units: int | None
    # The report, exports and history after the build (the largest scale measures the build).
    extras: bool = True


# The group: 50 filiales, 15 M invoice rows (3 years and a quarter of history each), 1 M
# housing units per snapshot across the 38 filiales that deliver housing (one in four
# copies the demo's ALLIADE, which delivers none).
SCALES = {
    "demo": Scale("demo", "the bundled demo's size (4 filiales)", 4, 150, None),
    "large_filiale": Scale(
        "large_filiale", "one large filiale: 400 000 invoices a year, 110 000 units", 1,
        400_000, 110_000,
    ),
    "group": Scale(
        "group", "the group: 50 filiales, 15 M invoice rows, 1 M units a snapshot", 50,
        92_308, 26_316,
    ),
    "group_3x": Scale(
        "group_3x", "three times the group: 150 filiales, 46 M invoice rows", 150,
        92_308, 26_316, extras=False,
    ),
}  # fmt: skip


@dataclass
class Result:
    scale: str
    raw_mb: float
    invoice_rows: int
    floor_s: float
    build_s: float
    ratio: float
    peak_rss_mb: float
    temp_peak_mb: float = 0.0
    failure: str | None = None
    exports_s: float = 0.0
    exports_peak_rss_mb: float = 0.0
    evidence_rows: int = 0
    evidence_files: int = 0
    report_s: float = 0.0
    report_mb: float = 0.0
    report_pages: int = 0
    slowest: list[tuple[str, float]] = field(default_factory=list)
    history_mb: float | None = None
    history_write_s: float | None = None
    history_compare_s: float | None = None


def generate(scale: Scale, raw: Path) -> None:
    command = [
        str(BIN / "python"), "scripts/generate_demo_data.py", "--out", str(raw),
        "--filiales", str(scale.filiales), "--invoices-per-year", str(scale.invoices_per_year),
    ]  # fmt: skip
    if scale.housing_units:
        command += ["--housing-units", str(scale.housing_units)]
    subprocess.run(command, cwd=PROJECT_DIR, check=True, capture_output=True)


def is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def floor_seconds(raw: Path, database: Path) -> float:
    """DuckDB alone landing every raw CSV of the folder as text tables, one call per extract."""
    csv_files = [p for p in raw.glob("*/*.csv") if "fec" not in p.name.lower()]
    extracts = sorted({re.sub(r"[_0-9]*\.csv$", "", p.name.lower()) for p in csv_files})
    books = sorted(p for p in raw.glob("*/*") if "fec" in p.name.lower())
    # DuckDB reads UTF-8 or Latin-1; an FEC that is not UTF-8 is ISO 8859-15, the same size.
    encodings = {p: "utf-8" if is_utf8(p) else "latin-1" for p in books}
    started = time.perf_counter()
    with duckdb.connect(str(database)) as connection:
        for extract in extracts:
            files = sorted(str(p) for p in raw.glob(f"*/{extract}*.csv"))
            connection.execute(
                f"create table {extract} as select * from read_csv(?, all_varchar = true, "
                "delim = ';', quote = '\"', header = true, union_by_name = true, "
                "filename = true, strict_mode = false, null_padding = true)",
                [files],
            )
        connection.execute(
            "create table filiales as select * from read_csv(?, all_varchar = true, "
            "delim = ';', header = true)",
            [str(raw / "filiales.csv")],
        )
        for number, path in enumerate(books):  # the FEC: tab or '|', one file at a time
            connection.execute(
                f"create table fec_{number} as select * from read_csv(?, all_varchar = true, "
                "header = true, strict_mode = false, null_padding = true, encoding = ?)",
                [str(path), encodings[path]],
            )
    return time.perf_counter() - started


def dbt_env(raw: Path, work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SPASER_RAW_DIR": str(raw),
        "SPASER_DUCKDB_PATH": str(work / "spaser.duckdb"),
        "SPASER_HISTORY_DIR": str(work / "history"),
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def folder_mb(folder: Path) -> float:
    """The size of a folder DuckDB may remove, or empty, while it is read."""
    total = 0
    try:
        for path in folder.rglob("*"):
            try:
                total += path.stat().st_size
            except OSError:  # a spill file DuckDB removed meanwhile
                pass
    except OSError:  # the folder itself removed
        pass
    return total / 1e6


class TempWatch(threading.Thread):
    """The largest size DuckDB's spill folder (`<database>.tmp`) reaches while a build runs."""

    def __init__(self, folder: Path) -> None:
        super().__init__(daemon=True)
        self.folder, self.peak_mb, self.done = folder, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.peak_mb = max(self.peak_mb, folder_mb(self.folder))


def build(raw: Path, work: Path) -> tuple[float, float, float, str | None]:
    """`dbt build` on the delivery: (wall seconds, peak RSS in MB, peak spill on disk in MB,
    and for a build that failed, the node and error dbt names: measured all the same)."""
    env = dbt_env(raw, work)
    watch = TempWatch(work / "spaser.duckdb.tmp")
    watch.start()
    command = [
        "/usr/bin/time", "-v", str(BIN / "dbt"), *PUBLISH_BUILD, "--project-dir", str(PROJECT_DIR),
        "--target-path", str(work / "target"), "--log-path", str(work / "logs"),
    ]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    watch.done.set()
    watch.join()
    failure = None
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        errors = re.findall(r"(?:Failure|Error) in \S+ (\S+).*\n.*\n\s*(.+)", done.stdout)
        failure = "; ".join(f"{node}: {error.strip()}" for node, error in errors) or "dbt failed"
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    return elapsed, rss_kb / 1024, watch.peak_mb, failure


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command under `/usr/bin/time -v`: (wall seconds, peak RSS in MB)."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"{' '.join(command)} failed")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    return elapsed, rss_kb / 1024


def exports(raw: Path, work: Path) -> tuple[float, float, int, int]:
    """The exports of the built database, as a publish writes them: (wall seconds, peak RSS
    in MB, evidence rows and Parquet files written)."""
    database = work / "spaser.duckdb"
    attempt = Attempt("benchmark", now(), str(raw), False, {})
    attempt.exported_relations = exported_relations(work / "target")
    attempt.finish(PUBLISHED)
    write_record(database, attempt, [], [])
    env = {
        **os.environ,
        "SPASER_OUTPUT_DIR": str(work / "out"),
        "SPASER_DUCKDB_PATH": str(database),
    }
    elapsed, peak_mb = timed([str(BIN / "python"), "-m", "spaser.exports"], env)
    files = sorted((work / "out" / "exports" / "evidence").rglob("*.parquet"))
    with duckdb.connect() as connection:
        rows = (
            connection.execute(
                "select coalesce(sum(num_rows), 0) from parquet_file_metadata(?)",
                [[str(p) for p in files]],
            ).fetchall()[0][0]
            if files
            else 0
        )
    return elapsed, peak_mb, int(rows), len(files)


def history_cost(raw: Path, work: Path) -> tuple[float, float, float]:
    """(MB on disk, seconds to write, seconds to compare) of the history of the build."""
    folder = work / "history"
    attempt = Attempt("benchmark", now(), str(raw), False, {})
    attempt.finish("published")
    started = time.perf_counter()
    history.write_pending(work / "spaser.duckdb", folder, attempt, history.seeds_fingerprint())
    history.publish_pending(folder, history.Retention(None, 1))
    write_s = time.perf_counter() - started
    command = [
        str(BIN / "dbt"), "run", "--select", "path:models/staging/history", "int_builds_compared+",
        "--project-dir",
        str(PROJECT_DIR), "--target-path", str(work / "target"), "--log-path", str(work / "logs"),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=PROJECT_DIR, env=dbt_env(raw, work), capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"the change marts failed on {raw}")
    # The models' own time, not dbt's start-up (a publish pays that once, for every model).
    results = json.loads((work / "target" / "run_results.json").read_text())["results"]
    compare_s = sum(r["execution_time"] for r in results)
    return history.size_on_disk(folder) / 1e6, write_s, compare_s


def report(raw: Path, work: Path) -> tuple[float, float, int]:
    """The HTML report of the built database: (wall seconds, folder MB, pages)."""
    files = fingerprint_files(raw)
    attempt = Attempt("benchmark", now(), str(raw), False, {}, raw_files=len(files))
    attempt.raw_fingerprint, attempt.raw_bytes = "benchmark", sum(f.bytes for f in files)
    attempt.finish(PUBLISHED)
    write_record(work / "spaser.duckdb", attempt, files, [])
    env = {
        **os.environ,
        "SPASER_OUTPUT_DIR": str(work),
        "SPASER_DUCKDB_PATH": str(work / "spaser.duckdb"),
    }
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "python"), "-m", "spaser.report"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    pages = list((work / "report").glob("*.html"))
    return elapsed, sum(p.stat().st_size for p in pages) / 1e6, len(pages)


def measure(scale: Scale) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"spaser-bench-{scale.name}-") as tmp:
        raw, work = Path(tmp) / "raw", Path(tmp) / "work"
        work.mkdir()
        generate(scale, raw)
        raw_mb = sum(p.stat().st_size for p in raw.rglob("*") if p.suffix in (".csv", ".txt")) / 1e6
        floor = floor_seconds(raw, work / "floor.duckdb")
        with duckdb.connect(str(work / "floor.duckdb"), read_only=True) as connection:
            invoices = connection.sql("select count(*) from factures").fetchall()[0][0]
        (work / "floor.duckdb").unlink()
        build_s, peak_mb, temp_mb, failure = build(raw, work)
        results = json.loads((work / "target" / "run_results.json").read_text())["results"]
        slowest = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:5]
        nodes = [(r["unique_id"].split(".")[-1], round(r["execution_time"], 1)) for r in slowest]
        result = Result(
            scale.name, round(raw_mb, 1), int(invoices), round(floor, 1), round(build_s, 1),
            round(build_s / floor, 1), round(peak_mb), round(temp_mb),
            slowest=nodes, failure=failure,
        )  # fmt: skip
        if failure or not scale.extras:
            return result
        result.report_s, result.report_mb, result.report_pages = report(raw, work)
        exports_s, exports_mb, result.evidence_rows, result.evidence_files = exports(raw, work)
        result.exports_s, result.exports_peak_rss_mb = exports_s, round(exports_mb)
        history_mb, write_s, compare_s = history_cost(raw, work)
        result.history_mb, result.history_write_s = round(history_mb, 1), round(write_s, 1)
        result.history_compare_s = round(compare_s, 1)
        result.report_s, result.report_mb = round(result.report_s, 1), round(result.report_mb, 1)
        result.exports_s = round(exports_s, 1)
        return result


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}"
    )


def markdown(results: list[Result]) -> str:
    lines = [
        START,
        "## Raw layer and build (`make benchmark`)",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}, in one run of "
        "`.venv/bin/python scripts/benchmark.py`. The floor is DuckDB alone landing every raw "
        "CSV of the folder as text tables (one `read_csv` per extract, into a DuckDB file); "
        f"the build is `dbt {' '.join(PUBLISH_BUILD)}` as a publish runs it "
        "(raw layer, staging, rules, marts and every data test). The report is "
        "`python -m spaser.report` on the database built (pages: group, filiales, delivery).",
        "",
        "| scale | raw CSV (MB) | invoice rows | floor (s) | dbt build (s) | ratio "
        "| s per M invoice rows | peak RSS (MB) | peak spill on disk (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {SCALES[r.scale].what} | {r.raw_mb:,.1f} | {r.invoice_rows:,} | {r.floor_s} | "
            f"{r.build_s}{f' (failed: {r.failure})' if r.failure else ''} | "
            f"{'—' if r.failure else f'{r.ratio}×'} | "
            f"{'—' if r.failure else f'{r.build_s / r.invoice_rows * 1e6:,.1f}'} | "
            f"{r.peak_rss_mb:,.0f} | {r.temp_peak_mb:,.0f} |"
        )
    extras = [r for r in results if SCALES[r.scale].extras and not r.failure]
    lines += [
        "",
        "The report on the database built (`python -m spaser.report`; pages: group, filiales, "
        "delivery):",
        "",
        "| scale | report (s) | report (MB) | pages |",
        "|---|---:|---:|---:|",
    ]
    for r in extras:
        lines.append(f"| {r.scale} | {r.report_s} | {r.report_mb:,.1f} | {r.report_pages} |")
    lines += [
        "",
        "Exports after the build (`python -m spaser.exports`, as a publish writes them: Parquet "
        "and CSV of the marts, `dictionnaire.csv`, `spaser.xlsx`, and the auditors' evidence "
        "and supplier classification as Parquet, one sorted file per filiale and year):",
        "",
        "| scale | exports (s) | peak RSS (MB) | evidence rows | evidence files |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in extras:
        lines.append(
            f"| {r.scale} | {r.exports_s} | {r.exports_peak_rss_mb:,.0f} | "
            f"{r.evidence_rows:,} | {r.evidence_files:,} |"
        )
    lines += [
        "",
        "History of a publish (`history/builds/<rank>-<id>/`: the figures and the evidence "
        "as Parquet), and the change marts comparing a rebuild with it (`dbt run --select "
        "path:models/staging/history int_builds_compared+`, same delivery; the models' own "
        "time, without dbt's start-up):",
        "",
        "| scale | history per build (MB) | write (s) | compare (s) |",
        "|---|---:|---:|---:|",
    ]
    for r in extras:
        lines.append(
            f"| {r.scale} | {r.history_mb} | {r.history_write_s} | {r.history_compare_s} |"
        )
    lines += ["", "Slowest nodes (dbt's own time of each, from `run_results.json`):", ""]
    for r in results:
        nodes = ", ".join(f"`{name}` {seconds} s" for name, seconds in r.slowest)
        lines.append(f"- {r.scale}: {nodes}")
    return "\n".join([*lines, END])


def write_docs(results: list[Result]) -> None:
    path = DOCS / "benchmarks.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = markdown(results)
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    (DOCS / "benchmarks.json").write_text(
        json.dumps(
            [{k: v for k, v in asdict(r).items() if k != "slowest"} for r in results], indent=2
        )
        + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", choices=list(SCALES), default=list(SCALES))
    parser.add_argument("--no-docs", action="store_true", help="print only (docs unchanged)")
    args = parser.parse_args(argv)
    results = []
    for name in args.scales:
        result = measure(SCALES[name])
        print(
            f"{name:<14} {result.raw_mb:>9,.1f} MB {result.invoice_rows:>11,} invoices  "
            f"floor {result.floor_s:>6} s  build {result.build_s:>7} s  "
            f"ratio {result.ratio:>5}×  peak {result.peak_rss_mb:>6,.0f} MB  "
            f"spill {result.temp_peak_mb:>6,.0f} MB  "
            f"exports {result.exports_s:>6} s  peak {result.exports_peak_rss_mb:>6,.0f} MB  "
            f"evidence {result.evidence_rows:,} rows in {result.evidence_files} files  "
            f"report {result.report_s:>5} s ({result.report_mb:,.1f} MB)",
            f"history {result.history_mb} MB, write {result.history_write_s} s, "
            f"compare {result.history_compare_s} s",
            flush=True,
        )
        if result.failure:
            print(f"{name}: dbt build FAILED: {result.failure}", flush=True)
        results.append(result)
    if not args.no_docs:
        write_docs(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
