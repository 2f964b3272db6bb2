"""`make run`'s publish: the delivery validated beside its build, published only if the
validation passes too."""

from __future__ import annotations

import signal
import sys

import pytest

from conftest import CONFORMANCE, CONFORMANCE_VARS
from publishing import publish_env
from spaser import publish, validation_gate
from spaser.build_record import FAILED, read_attempts
from spaser.validation_gate import ValidationGate


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_the_verdict_carries_the_exit_code_and_everything_the_validation_printed():
    gate = ValidationGate(python("import sys; print('WARN a.csv'); sys.exit(2)"))
    verdict = gate.verdict()
    assert (verdict.exit_code, verdict.passed) == (2, False)
    assert verdict.report == "WARN a.csv\n"
    assert gate.close() is None  # given once: a failing publish does not print it again


def test_a_report_larger_than_a_pipe_does_not_stop_the_validation():
    gate = ValidationGate(python("print('x' * 1_000_000)"))
    verdict = gate.verdict()
    assert verdict.passed and len(verdict.report) == 1_000_001


def test_a_failed_build_stops_a_running_validation_and_gives_an_ended_one():
    running = ValidationGate(python("import time; time.sleep(60)"))
    assert running.close() is None  # stopped, not waited for
    ended = ValidationGate(python("print('OK')"))
    ended._process.wait()
    assert ended.close().report == "OK\n"


def test_the_publish_shows_the_validation_beside_the_build(published_conformance):
    output = published_conformance.output
    validating = output.index(f"Validating the raw delivery {CONFORMANCE / 'raw'}")
    assert output.index("Contrôle de la livraison") < validating < output.index("Base publiée")
    assert published_conformance.outputs.validation_results.exists()


def test_a_delivery_the_validation_refuses_is_not_published(
    published_conformance, tmp_path, monkeypatch, capsys
):
    outputs = published_conformance.copy_to(tmp_path)
    before = outputs.database.read_bytes()
    for name, value in publish_env(CONFORMANCE / "raw", outputs.root).items():
        monkeypatch.setenv(name, value)
    refusal = python("import sys; print('ERROR: filiales.csv'); sys.exit(2)")
    monkeypatch.setattr(validation_gate, "VALIDATE", tuple(refusal))

    code = publish.main(
        ["--validate", "--vars", CONFORMANCE_VARS, "--target-path", str(tmp_path / "target")]
    )

    printed = capsys.readouterr()
    assert code == 1
    assert "ERROR: filiales.csv" in printed.out
    assert "la validation de la livraison a échoué (code 2" in printed.err
    assert outputs.database.read_bytes() == before
    last = read_attempts(outputs.attempts_log)[-1]
    assert last.outcome == FAILED and "validation" in last.message


@pytest.fixture(autouse=True)
def _default_sigterm():
    """publish.main turns SIGTERM into an exception: put the worker's handler back."""
    handler = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, handler)
