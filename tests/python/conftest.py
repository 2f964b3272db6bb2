"""Shared fixtures: run the dbt project on a raw folder into a throwaway DuckDB file."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml
from dbt_processes import DbtProcesses

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_DIR / "tests" / "fixtures"
CONFORMANCE = FIXTURES / "conformance"
CONFORMANCE_VARS = "{spaser_first_year: 2024, spaser_last_year: 2026}"
CONFORMANCE_YEARS = range(2024, 2027)


def _catalogue_codes() -> list[str]:
    """The common indicators of the catalogue seed, in presentation order."""
    with (PROJECT_DIR / "seeds" / "indicator_catalogue.csv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["is_common"] == "true"]
    return [row["indicator_code"] for row in sorted(rows, key=lambda r: int(r["sort_order"]))]


def _conformance_filiales() -> list[str]:
    with (CONFORMANCE / "raw" / "filiales.csv").open(encoding="utf-8-sig") as handle:
        return [row["code_filiale"] for row in csv.DictReader(handle, delimiter=";")]


INDICATORS = _catalogue_codes()
# The conformance grid: one cell per filiale, year and common indicator.
CONFORMANCE_CELLS = len(_conformance_filiales()) * len(CONFORMANCE_YEARS) * len(INDICATORS)
DBT_PROCESSES = DbtProcesses()


@dataclass
class DbtRun:
    returncode: int
    output: str
    database: Path
    work_dir: Path

    def succeeded(self) -> DbtRun:
        """This run, once it is known to have exited 0 (else the end of its output, to read why)."""
        assert self.returncode == 0, self.output[-5000:]
        return self

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            return connection.sql(sql).fetchall()


# dbt's parse of the project depends on the project's files and the vars only (the
# database file is named relative to the working folder, so the profile is the same for
# every run): one parse per state of the files and vars, copied into each run's target,
# spares each run a parse. The files' state is in the key so that a parse kept from before
# an edit is not reused: dbt would parse the edited files again in every run.
PARSE_CACHE = PROJECT_DIR / "target" / "pytest-parse"


def _project_files_state() -> str:
    """Size and modification time of each file dbt parses (the folders dbt_project.yml names)."""
    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    folders = {name for key, names in project.items() if key.endswith("-paths") for name in names}
    files = [PROJECT_DIR / "dbt_project.yml", PROJECT_DIR / "profiles.yml"]
    files += sorted(f for name in folders for f in (PROJECT_DIR / name).rglob("*") if f.is_file())
    return "\n".join(f"{f} {f.stat().st_size} {f.stat().st_mtime_ns}" for f in files)


PROJECT_FILES_STATE = _project_files_state()


def _parse_cache(vars_: str) -> Path:
    key = hashlib.sha256(f"{PROJECT_FILES_STATE}\n{vars_}".encode()).hexdigest()[:16]
    return PARSE_CACHE / key / "partial_parse.msgpack"


def run_dbt(
    raw_dir: Path,
    work_dir: Path,
    *args: str,
    vars_: str = CONFORMANCE_VARS,
    registries: Path | str | None = None,
) -> DbtRun:
    """`dbt <args>` on a raw folder, as a data engineer runs it, in its own target and database.

    registries: SPASER_REGISTRIES_DIR; None leaves it unset (the project's default).
    A build leaves the unit tests out: they read no delivery, and conformance_build runs them
    once for the suite."""
    work_dir.mkdir(parents=True, exist_ok=True)
    database = work_dir / "spaser.duckdb"
    env = {
        **os.environ,
        "SPASER_RAW_DIR": str(raw_dir),
        "SPASER_DUCKDB_PATH": database.name,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
    }
    env.pop("SPASER_REGISTRIES_DIR", None)
    if not env.get("SPASER_HISTORY_DIR") and not env.get("SPASER_OUTPUT_DIR"):
        # Its own history: the project's output/ holds whatever `make run` last published.
        env["SPASER_HISTORY_DIR"] = str(work_dir / "history")
    if registries is not None:
        env["SPASER_REGISTRIES_DIR"] = str(registries)
    excluded = ["--exclude-resource-type", "unit_test"] if args[0] == "build" else []
    command = [
        *args,
        *excluded,
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(work_dir / "target"),
        "--log-path",
        str(work_dir / "logs"),
        "--vars",
        vars_,
    ]
    cached = _parse_cache(vars_)
    parsed = work_dir / "target" / "partial_parse.msgpack"
    if cached.exists() and not parsed.exists():
        parsed.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, parsed)
    returncode, output = DBT_PROCESSES.run(command, work_dir, env)
    if parsed.exists() and not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        staged = cached.with_suffix(f".{os.getpid()}")
        shutil.copyfile(parsed, staged)
        os.replace(staged, cached)
    return DbtRun(returncode, output, database, work_dir)


def copy_raw(target: Path) -> Path:
    """A writable copy of the conformance raw folder, to break on purpose."""
    shutil.copytree(CONFORMANCE / "raw", target)
    return target


@pytest.fixture(scope="session")
def conformance_build(request, tmp_path_factory) -> DbtRun:
    """The conformance delivery's build as `dbt build` alone leaves it: the published
    database (models and data tests) copied into a folder of its own, where the dbt unit tests
    run (they read no delivery, so the suite runs them once, here, against the built relations
    that give their inputs' columns), then without the build record the publish added."""
    published = request.getfixturevalue("published_conformance")
    work = tmp_path_factory.mktemp("conformance")
    shutil.copyfile(published.outputs.database, work / "spaser.duckdb")
    run = run_dbt(CONFORMANCE / "raw", work, "test", "--select", "test_type:unit").succeeded()
    passed = re.search(r"PASS=(\d+) WARN=0 ERROR=0 SKIP=0", run.output)
    assert passed and int(passed[1]) > 50, run.output[-3000:]
    with duckdb.connect(str(run.database)) as connection:
        connection.execute("drop schema publish cascade")
    return run


# Shared by the publish, exports and report tests.
from publishing import published_conformance  # noqa: E402, F401

# Helpers to break a copy of a delivery on purpose.


def rewrite_csv(path, transform) -> None:
    """Rewrite a `;` CSV through `transform(header, rows) -> (header, rows)`."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, body = transform(rows[0], rows[1:])
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows([header, *body])
    path.write_text(out.getvalue(), encoding="utf-8")


def drop_column(name):
    def transform(header, rows):
        index = [h.strip().lower() for h in header].index(name)
        return (
            header[:index] + header[index + 1 :],
            [row[:index] + row[index + 1 :] for row in rows],
        )

    return transform


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


def edit_line(path: Path, number: int, edit) -> None:
    """Replace physical line `number` (the header is 1) by edit(text), bytes kept elsewhere."""
    lines = lines_of(path)
    lines[number - 1] = edit(lines[number - 1].decode("utf-8-sig")).encode("utf-8")
    path.write_bytes(b"\n".join(lines))


def set_field(path: Path, number: int, column: str, value: str) -> None:
    header = lines_of(path)[0].decode("utf-8-sig").rstrip("\r").split(";")
    index = [name.strip().lower() for name in header].index(column)

    def edit(text: str) -> str:
        fields = text.split(";")
        fields[index] = value
        return ";".join(fields)

    edit_line(path, number, edit)


# Under pytest-xdist (`make test` runs two workers), a test runs in the worker that already
# built its delivery: the modules using the shared conformance builds in one group, every
# other module in a group of its own (its module-scoped build made once).
SHARED_BUILDS = {"conformance_build", "published_conformance"}


# First: pytest-xdist reads the group marks in its own hook of the same name (and suffixes the
# test ids with them); a mark added after it is ignored and a shared build runs on both workers.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    shared = {item.module.__name__ for item in items if SHARED_BUILDS & set(item.fixturenames)}
    for item in items:
        module = item.module.__name__
        group = "conformance" if module in shared else module
        item.add_marker(pytest.mark.xdist_group(group))
