"""Build, test and publish the database atomically.

    python -m spaser.publish [--vars YAML] [--no-exports] [--validate]

`dbt build` (models and their tests) and `dbt docs generate --static` run
against a fresh DuckDB file next to the published one; only when both pass
is the build recorded in it (`publish.*` tables) and the file renamed over
the published database (os.replace, atomic on one file system). A BI tool
holding the published file open keeps reading the previous file whole, and
the next connection opens the new one: nobody waits for a lock and nobody
sees a half-built mart. A failed build removes its fresh file and says that
the published database is unchanged; a killed one leaves its fresh file
behind, which the next build removes and records as interrupted.

The history of published builds (spaser.history) follows the database: the build's
figures are written pending before the rename and kept after it, so a build that is not
published adds nothing to it.

With --validate (`make run`), the delivery's validation runs beside the build
(spaser.validation_gate) and the file is renamed only if it passes too.

How dbt builds (hooks, landing of the raw files) is none of this module's
business: it only points SPASER_DUCKDB_PATH at the fresh file.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import fcntl
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb
import yaml

from spaser import history
from spaser.build_record import (
    FAILED,
    INTERRUPTED,
    PUBLISHED,
    Attempt,
    append_attempt,
    fingerprint_files,
    folder_fingerprint,
    now,
    read_attempts,
    write_record,
)
from spaser.constants import DBT, PROJECT_DIR
from spaser.exports import describe, write_exports
from spaser.formats import day
from spaser.outputs import Delivery, Outputs, project_vars
from spaser.validation_gate import ValidationGate, Verdict

# What a publish builds: the models and their data tests. The unit tests check the rules, not
# the delivery: `make test` and a plain `dbt build` run them, a publish leaves them out. It
# leaves out too the grain tests of the two evidence unions, which recompute every evidence
# row of the views (50 s of the group's build, 85 M rows): it keeps the grain test of each of the
# 29 `int_indicator_<code>` tables the views are made of, and the test that their rows add up
# to every figure; `make test` and a plain `dbt build` run the unions' tests too.
PUBLISH_BUILD = (
    "build", "--exclude-resource-type", "unit_test", "--exclude", "tag:evidence_union_grain",
)  # fmt: skip
EXPORT_META_KEY = "spaser_export"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TIMESTAMP = re.compile(r"^\d\d:\d\d:\d\d\s+")


class BuildFailed(Exception):
    """dbt stopped, or a test failed: nothing is published."""


class Interrupted(Exception):
    """The build was stopped by a signal."""


def _raise_interrupted(signum, _frame):
    raise Interrupted(signal.Signals(signum).name)


def effective_vars(cli_vars: str | None) -> dict:
    """The vars the build runs with: dbt_project.yml's, overridden by --vars."""
    return {**project_vars(), **(yaml.safe_load(cli_vars or "") or {})}


def fresh_path(published: Path) -> Path:
    """The file a build writes (one build at a time, under the lock). Always the same name:
    dbt then finds the profile unchanged and re-parses only what changed (seconds saved)."""
    return published.with_name(f".{published.name}.building")


@contextlib.contextmanager
def publish_lock(published: Path) -> Iterator[None]:
    """One build at a time per published database; readers never take this lock."""
    lock_path = published.with_name(f".{published.name}.lock")
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed(
                f"un autre build de {published} est en cours (verrou {lock_path})"
            ) from None
        yield


def clear_interrupted(published: Path, log: Path) -> list[Attempt]:
    """Remove what killed builds left behind, and record them as interrupted.

    Called under the lock, so no fresh file found here belongs to a running build.
    """
    found = []
    for marker in sorted(published.parent.glob(f".{glob.escape(published.name)}.building*.json")):
        try:
            attempt = Attempt(**json.loads(marker.read_text(encoding="utf-8")))
        except (ValueError, TypeError):  # killed while writing its marker
            attempt = Attempt("?", now(), "?", False, {})
        attempt.finish(INTERRUPTED, "build arrêté avant sa fin ; base publiée inchangée")
        append_attempt(log, attempt)
        found.append(attempt)
    for leftover in published.parent.glob(f".{glob.escape(published.name)}.building*"):
        leftover.unlink(missing_ok=True)
    return found


def run_dbt(
    args: Sequence[str],
    database: Path,
    target_path: Path | None,
    extra_env: dict[str, str] | None = None,
) -> None:
    """Run dbt against `database`, echoing its output; raise BuildFailed with its errors."""
    command = [str(DBT), *args, "--project-dir", str(PROJECT_DIR)]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    env = {
        **os.environ,
        "SPASER_DUCKDB_PATH": str(database),
        "DBT_PROFILES_DIR": os.environ.get("DBT_PROFILES_DIR") or str(PROJECT_DIR),
        **(extra_env or {}),
    }
    tail: collections.deque[str] = collections.deque(maxlen=400)
    with subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    ) as process:
        try:
            for line in process.stdout:
                sys.stdout.write(line)
                tail.append(_TIMESTAMP.sub("", _ANSI.sub("", line.rstrip())))
        finally:
            if process.poll() is None:
                process.terminate()
            process.wait()
    if process.returncode != 0:
        raise BuildFailed(_failure_summary(list(tail)) or f"dbt {args[0]} a échoué")


def _failure_summary(lines: list[str]) -> str:
    """dbt's own list of failures (after 'Completed with'), or its last lines."""
    start = next((i for i, line in enumerate(lines) if line.startswith("Completed with")), None)
    kept = lines[start:] if start is not None else lines[-15:]
    return "\n".join(line for line in kept if line.strip())[-3000:]


def exported_relations(target_path: Path) -> list[str]:
    """The relations that the exposures marked `spaser_export` read, from dbt's manifest:
    adding a mart to the exports is adding it to such an exposure."""
    manifest = json.loads((target_path / "manifest.json").read_text(encoding="utf-8"))
    nodes = {**manifest["nodes"], **manifest["sources"]}
    relations: list[str] = []
    for exposure in manifest["exposures"].values():
        meta = exposure.get("meta") or (exposure.get("config") or {}).get("meta") or {}
        if not meta.get(EXPORT_META_KEY):
            continue
        for unique_id in exposure["depends_on"]["nodes"]:
            node = nodes[unique_id]
            name = node.get("identifier") or node.get("alias") or node["name"]
            relation = f"{node['schema']}.{name}"
            if relation not in relations:
                relations.append(relation)
    return relations


def replace_file(source: Path, destination: Path) -> None:
    """Copy `source` over `destination` atomically (a reader sees the old or the new file)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial-{os.getpid()}")
    shutil.copyfile(source, partial)
    os.replace(partial, destination)


def build_and_publish(
    outputs: Outputs,
    cli_vars: str | None,
    target_path: Path | None,
    gate: ValidationGate | None = None,
) -> Attempt:
    published = outputs.database
    published.parent.mkdir(parents=True, exist_ok=True)
    delivery = Delivery.from_environment()
    attempt = Attempt(
        build_id=uuid.uuid4().hex[:12],
        started_at=now(),
        raw_dir=str(delivery.raw_dir),
        is_demo_delivery=delivery.is_demo,
        vars=effective_vars(cli_vars),
        database_path=str(published),
    )
    retention = history.Retention.from_environment()
    print(f"Livraison lue : {delivery.describe()}", flush=True)
    with publish_lock(published):
        interrupted = clear_interrupted(published, outputs.attempts_log)
        for item in interrupted:
            print(f"Build interrompu du {item.started_at} : fichier temporaire supprimé.")
        settled = history.settle(outputs.history, published, retention)
        if settled:
            print(settled.capitalize() + ".")
        fresh = fresh_path(published)
        marker = fresh.with_name(fresh.name + ".json")
        marker.write_text(json.dumps(attempt.__dict__, default=str), encoding="utf-8")
        try:
            files = fingerprint_files(delivery.raw_dir)
            attempt.raw_fingerprint = folder_fingerprint(files)
            attempt.raw_files = len(files)
            attempt.raw_bytes = sum(f.bytes for f in files)
            dbt_vars = ["--vars", cli_vars] if cli_vars else []
            seeds = history.seeds_fingerprint()
            build_env = history.dbt_environment(outputs.history, attempt, seeds)
            run_dbt([*PUBLISH_BUILD, *dbt_vars], fresh, target_path, build_env)
            target = target_path or PROJECT_DIR / "target"
            attempt.exported_relations = exported_relations(target)
            attempt.finish(PUBLISHED)
            earlier = read_attempts(outputs.attempts_log)
            write_record(fresh, attempt, files, earlier)
            # The build just compiled every node it ran: the docs read that manifest.
            run_dbt(
                ["docs", "generate", "--static", "--no-compile", *dbt_vars],
                fresh,
                target_path,
                build_env,
            )
            static_docs = target / "static_index.html"
            if not static_docs.exists():
                raise BuildFailed(f"dbt docs generate --static n'a pas écrit {static_docs}")
            if fresh.with_name(fresh.name + ".wal").exists():
                raise BuildFailed(f"journal DuckDB resté ouvert : {fresh}.wal")
            if gate is not None:
                await_validation(gate)
            # The history follows the database: pending until the rename, then kept.
            history.write_pending(fresh, outputs.history, attempt, seeds)
            os.replace(fresh, published)
        except BaseException as error:
            if fresh.exists():  # not renamed: its history is not published either
                shutil.rmtree(history.pending_dir(outputs.history), ignore_errors=True)
            for leftover in (fresh, fresh.with_name(fresh.name + ".wal")):
                leftover.unlink(missing_ok=True)
            outcome = INTERRUPTED if isinstance(error, Interrupted | KeyboardInterrupt) else FAILED
            attempt.finish(outcome, str(error) or type(error).__name__)
            append_attempt(outputs.attempts_log, attempt)
            raise
        finally:
            marker.unlink(missing_ok=True)
        try:
            history.publish_pending(outputs.history, retention)
        except OSError as error:  # published all the same; the next publish settles it
            print(f"ATTENTION : historique laissé en attente dans {outputs.history} : {error}")
        append_attempt(outputs.attempts_log, attempt)
    # Published: the docs follow, and a failure to copy them does not undo the publish.
    try:
        replace_file(static_docs, outputs.dbt_docs)
    except OSError as error:
        print(f"ATTENTION : documentation dbt non copiée dans {outputs.dbt_docs} : {error}")
    return attempt


def print_verdict(verdict: Verdict) -> None:
    print("\nContrôle de la livraison (Great Expectations), mené pendant le build :", flush=True)
    sys.stdout.write(verdict.report)
    sys.stdout.flush()


def await_validation(gate: ValidationGate) -> None:
    """Print the validation's report; raise BuildFailed if it refused the delivery."""
    verdict = gate.verdict()
    print_verdict(verdict)
    if not verdict.passed:
        raise BuildFailed(
            f"la validation de la livraison a échoué (code {verdict.exit_code}, "
            "voir son rapport ci-dessus)"
        )


def unchanged_notice(outputs: Outputs) -> str:
    published = outputs.database
    if not published.exists():
        return f"Aucune base publiée à {published}."
    previous = [a for a in read_attempts(outputs.attempts_log) if a.outcome == PUBLISHED]
    since = f" (build du {day(previous[-1].finished_at)})" if previous else ""
    return f"La base publiée {published} est inchangée{since} ; elle reste lisible."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spaser.publish",
        description="Construit et teste la base dans un fichier neuf, puis la publie "
        "atomiquement ; écrit ensuite les exports.",
    )
    parser.add_argument("--vars", help="vars dbt (YAML), comme `dbt build --vars`")
    parser.add_argument("--target-path", type=Path, help="dossier target de dbt")
    parser.add_argument("--no-exports", action="store_true", help="ne pas écrire les exports")
    parser.add_argument(
        "--validate",
        action="store_true",
        help="valider la livraison pendant le build ; ne publier que si elle passe",
    )
    args = parser.parse_args(argv)
    outputs = Outputs.from_environment()
    signal.signal(signal.SIGTERM, _raise_interrupted)
    gate = ValidationGate() if args.validate else None
    try:
        attempt = build_and_publish(outputs, args.vars, args.target_path, gate)
    except (Exception, KeyboardInterrupt) as error:
        unread = gate.close() if gate is not None else None
        if unread is not None:
            print_verdict(unread)
        reason = error if isinstance(error, BuildFailed) else f"{type(error).__name__}: {error}"
        print(f"\nÉCHEC du build : rien n'est publié.\n{reason}", file=sys.stderr)
        print(unchanged_notice(outputs), file=sys.stderr)
        return 1
    print(f"\nBase publiée : {outputs.database} (build {attempt.build_id})")
    print(f"Documentation dbt : {outputs.dbt_docs}")
    if not args.no_exports:
        try:
            for line in describe(write_exports(outputs)):
                print(line)
        except (OSError, RuntimeError, duckdb.Error) as error:
            print(f"ÉCHEC des exports (la base est publiée) : {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
