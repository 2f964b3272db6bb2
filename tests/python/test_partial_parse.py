"""dbt keeps its parse of the project when only the delivery changes.

No model may read an environment variable at parse time (the registries' folder, for one,
depends on SPASER_RAW_DIR and SPASER_REGISTRIES_DIR): dbt parses again every file that
did whenever the variable's value changes, so each new raw folder would cost a run a
parse, in production as in this suite."""

from __future__ import annotations

from conftest import run_dbt


def test_a_new_raw_folder_and_registries_folder_keep_the_parse(tmp_path):
    # The first run leaves the suite's parse (run_dbt) if no test has yet.
    run_dbt(tmp_path / "raw-a", tmp_path / "a", "parse").succeeded()
    registries = tmp_path / "registries"
    run_dbt(tmp_path / "raw-b", tmp_path / "b", "parse", registries=registries).succeeded()
    log = (tmp_path / "b" / "logs" / "dbt.log").read_text(encoding="utf-8")
    assert "Partial parsing enabled, no changes found" in log, log[-3000:]
