"""`dbt` commands run as processes forked from a parent that has imported dbt already.

A `dbt` command spends about 2 s of CPU importing dbt and its DuckDB adapter before it
reads a file, and the suite runs dbt dozens of times on two cores. Here a parent
process imports them once, runs nothing, and forks one child per command. Each child is a
`dbt` process of its own as a data engineer's shell starts it: its own working folder,
environment, arguments, output and exit status, and the interpreter's normal exit
(atexit handlers, the DuckDB database closed and checkpointed). No state passes from one
command to the next: the parent never runs one.

Run as a script, this module is that parent: one request a line on stdin (JSON: args, cwd,
env, output), one exit status a line on stdout.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

DBT = Path(sys.executable).parent / "dbt"


class DbtProcesses:
    """The parent, started on the first command, stopped when the suite's process ends.
    It runs one command at a time: a second thread's command waits for the first."""

    def __init__(self) -> None:
        self._server: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def run(self, args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
        """`dbt <args>` in `cwd` with `env`: its exit status and its output (stdout and
        stderr in the order written)."""
        with tempfile.TemporaryDirectory() as folder, self._lock:
            output = Path(folder) / "output.txt"
            request = {"args": args, "cwd": str(cwd), "env": env, "output": str(output)}
            server = self._started()
            try:
                server.stdin.write(json.dumps(request) + "\n")
                server.stdin.flush()
                reply = server.stdout.readline()
            except BaseException:
                # Interrupted between a request and its reply: that reply would answer the
                # next command, so the parent goes (the next command starts another).
                server.kill()
                self._server = None
                raise
            if not reply:
                raise RuntimeError(f"the dbt parent process ended (status {server.poll()})")
            return json.loads(reply), output.read_text(errors="replace")

    def _started(self) -> subprocess.Popen:
        if self._server is None or self._server.poll() is not None:
            self._server = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            atexit.register(self._server.stdin.close)
        return self._server


def _serve() -> None:
    # What every command imports (the few modules left are imported by the child).
    import dbt.adapters.duckdb  # noqa: F401
    import dbt.parser.manifest  # noqa: F401
    import dbt.task.build  # noqa: F401
    import dbt.task.freshness  # noqa: F401
    from dbt.cli.main import cli

    # A fork copies only the thread that forks: none may be running yet.
    assert threading.active_count() == 1, threading.enumerate()
    # The dbt script's own import path, not this folder's.
    sys.path[0] = str(DBT.parent)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _become_dbt(request, cli)
        _, status = os.waitpid(pid, 0)
        print(json.dumps(os.waitstatus_to_exitcode(status)), flush=True)


def _become_dbt(request: dict, cli) -> None:
    """In the child: dbt's console script, run with the request's folder, environment and
    output. Its SystemExit ends this process as the script's would."""
    null = os.open(os.devnull, os.O_RDONLY)
    output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(null, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.close(null)
    os.close(output)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [str(DBT), *request["args"]]
    sys.exit(cli())


if __name__ == "__main__":
    _serve()
