"""The delivery's validation run beside its build, the publish waiting for its verdict.

`make run` validates the delivery (Great Expectations), then builds and publishes it. The two
read the same files and share nothing else, and each keeps one core busy at the demo's scale
(the validation in Python, the build in dbt's own Python): run one after the other they took
42 s of `make run`, side by side 23 s. The publish asks for the verdict at its last step,
before the swap, so a delivery the validation refuses is not published, as when the
validation ran first and stopped `make`.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass

VALIDATE = (sys.executable, "-m", "spaser.validate")


@dataclass(frozen=True)
class Verdict:
    exit_code: int
    report: str  # what the validation printed, stdout and stderr as it wrote them

    @property
    def passed(self) -> bool:
        return self.exit_code == 0


class ValidationGate:
    """`python -m spaser.validate` on the delivery the environment names, in the background.

    Its report is read while it runs (a full pipe would stop it) and given whole with the
    verdict, so that it does not interleave with the build's log.
    """

    def __init__(self, command: Sequence[str] | None = None) -> None:
        self._process = subprocess.Popen(
            list(command or VALIDATE),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        self._report: list[str] = []
        self._verdict: Verdict | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._report.append(line)

    def verdict(self) -> Verdict:
        """Wait for the validation to end; its exit code and report."""
        if self._verdict is None:
            exit_code = self._process.wait()
            self._reader.join()
            self._verdict = Verdict(exit_code, "".join(self._report))
        return self._verdict

    def close(self) -> Verdict | None:
        """The build failed or was stopped before asking: the verdict if the validation had
        ended, else None, the validation stopped (no one waits for a verdict no one needs)."""
        if self._verdict is not None:
            return None
        if self._process.poll() is not None:
            return self.verdict()
        self._process.terminate()
        self._process.wait()
        self._reader.join()
        return None
