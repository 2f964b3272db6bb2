"""The static HTML report: self-contained pages structured as the Spaser, rendered in
headless Chromium with no console error, showing the marts' figures."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys

import duckdb
import pytest
from chromium import Browser

from conftest import INDICATORS, PROJECT_DIR
from spaser.build_record import FAILED, Attempt, append_attempt
from spaser.formats import NARROW_NBSP, NBSP
from spaser.outputs import Outputs
from spaser.report.charts import Point, trend

FIGURES_JS = """
Array.from(document.querySelectorAll('td.figure')).map(td => [
  td.dataset.scope, td.dataset.indicator, Number(td.dataset.year), td.dataset.unit,
  td.querySelector('.value').innerText, (td.querySelector('.met') || {}).innerText || ''])
"""
CHARTS_JS = """
[Array.from(document.querySelectorAll('td.chart svg')).filter(
  svg => svg.getBoundingClientRect().width > 100 && svg.querySelector('circle')).length,
 document.querySelectorAll('td.chart .why').length]
"""
# The rounding of each unit's display: a shown figure is within half a unit of the mart's.
TOLERANCE = {"percent": 0.05, "days": 0.05, "fte": 0.05, "eur": 0.5, "count": 0}


def write_report(outputs: Outputs) -> str:
    completed = subprocess.run(
        [sys.executable, "-m", "spaser.report"],
        cwd=PROJECT_DIR,
        env={**os.environ, "SPASER_OUTPUT_DIR": str(outputs.root), "SPASER_DUCKDB_PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout


@pytest.fixture(scope="module")
def report(published_conformance) -> Outputs:
    write_report(published_conformance.outputs)
    return published_conformance.outputs


def pages(outputs: Outputs) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(outputs.report.glob("*.html"))}


def test_one_page_for_the_group_each_filiale_and_the_delivery(report):
    assert list(pages(report)) == [
        "filiale-LOGEO.html",
        "filiale-SEQENS.html",
        "filiale-SIDR.html",
        "index.html",
        "livraison.html",
    ]


def test_pages_open_from_disk_with_nothing_to_fetch(report):
    for name, html in pages(report).items():
        assert "<script" not in html, name
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html), name
        assert "@import" not in html and not re.search(r"url\((?!#)", html), name


def test_pages_follow_the_spaser_structure(report):
    group = pages(report)["index.html"]
    assert len(re.findall(r"<h3>Axe \d — ", group)) == 4
    assert len(re.findall(r"<h4>Objectif \d+ — ", group)) == 10
    codes = re.findall(r'<tr id="(O\d+_\d+)"', group)
    assert codes == INDICATORS and codes[0] == "O1_1" and codes[-1] == "O10_1"
    assert "Part des marchés avenantés" in group and "<svg" in group
    assert group.index('id="tableau-de-bord"') < group.index("<h3>Axe 1 — ")
    assert f"&lt;{NBSP}5,0{NBSP}%" in group and f"≥{NBSP}90,0{NBSP}%" in group  # targets
    assert "Estimation provisoire (ratios par défaut, à remplacer par les résultats TETE" in group
    assert "aucune (estimation provisoire)" in group  # no target compared with O6_2
    # The first delivery published: nothing to compare with, and the pages say so.
    for html in (group, pages(report)["filiale-SEQENS.html"]):
        assert "Première livraison publiée : aucune livraison antérieure" in html


def test_delivery_page_shows_counts_rejects_and_validation_lines(report):
    delivery = pages(report)["livraison.html"]
    assert "Lignes lues, conservées et rejetées" in delivery
    assert "clé en double (une ligne valide la précède)" in delivery
    assert "✓" in delivery and "⚠" in delivery
    assert re.search(r"lignes? \(lignes? \d+", delivery)  # line numbers of the failed rows
    assert "oui/non illisible" in delivery  # the validation's checks in French
    # The Data Docs need CDNs: not linked; the dbt docs are one file that opens offline.
    assert "data_docs" not in delivery and "../dbt_docs/index.html" in delivery
    assert "autre livraison" not in delivery  # validated the delivery that was published


def test_a_demo_build_and_a_later_failure_are_said_on_every_page(report, tmp_path):
    copy = tmp_path / "sortie"
    shutil.copytree(report.root, copy, ignore=shutil.ignore_patterns("report"))
    outputs = Outputs(copy, copy / "spaser.duckdb")
    with duckdb.connect(str(outputs.database)) as connection:
        connection.execute("update publish.build_record set is_demo_delivery = true")
    failed = Attempt("ffff", "2099-01-01T00:00:00+00:00", "/ailleurs", False, {})
    failed.finish(FAILED, "colonne manquante")
    append_attempt(outputs.attempts_log, failed)
    write_report(outputs)
    for name, html in pages(outputs).items():
        assert "Données de démonstration" in html, name
        assert "pas abouti (échec)" in html, name


def shown_number(text: str) -> float:
    cleaned = text.replace(NARROW_NBSP, "").replace(NBSP, " ").split(" ")[0]
    return float(cleaned.replace(",", "."))


def check_figures(figures: list, marts: dict) -> list:
    wrong = []
    for scope, code, year, unit, text, met in figures:
        value, target_met = marts[(scope, code, year)]
        if value is None:
            ok = text == "—"
        elif unit == "boolean":
            ok = text == ("oui" if value == 1 else "non")
        else:
            ok = abs(shown_number(text) - value) <= TOLERANCE[unit]
        verdict = {True: "✓ atteinte", False: "✗ non atteinte", None: ""}[target_met]
        ok = ok and met.removesuffix(" (provisoire)") == verdict
        if not ok:
            wrong.append((scope, code, year, text, met, value, target_met))
    return wrong


def test_report_renders_in_chromium_with_the_marts_figures(report, published_conformance):
    marts = {
        (filiale, code, year): (value, met)
        for filiale, code, year, value, met in published_conformance.query(
            "select filiale_code, indicator_code, year, value, target_met "
            "from marts.fct_indicators "
            "union all select 'groupe', indicator_code, year, value, target_met "
            "from marts.fct_indicators_group"
        )
    }
    screenshots = report.report / "screenshots"
    browser = Browser()
    try:
        seen = 0
        for page in sorted(report.report.glob("*.html")):
            browser.open(page)
            assert browser.problems() == [], page.name
            figures = browser.evaluate(FIGURES_JS)
            assert check_figures(figures, marts) == [], page.name
            seen += len(figures)
            if page.name != "livraison.html":
                drawn, said = browser.evaluate(CHARTS_JS)
                assert drawn + said == len(INDICATORS) and drawn > 20, page.name
            browser.screenshot(screenshots / page.with_suffix(".png").name)
        # The single-file dbt docs open from disk too (their own page logs harmless misses
        # of icons and favicon, so only what they show is checked).
        browser.open(report.dbt_docs)
        assert browser.wait_for_text("Spaser 2026-2028 : indicateurs d'achats responsables")
        browser.screenshot(screenshots / "dbt_docs.png")
    finally:
        browser.close()
    assert seen == 4 * 29 * 3  # the group and 3 filiales, 29 indicators, 3 years
    # For review after `make test`: the screenshots of this run, in the project's output.
    review = Outputs.from_environment().report / "screenshots"
    shutil.copytree(screenshots, review, dirs_exist_ok=True)
    assert json.dumps(sorted(p.name for p in review.glob("*.png")))


def test_a_database_built_without_publish_gets_no_report(conformance_build, tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "spaser.report"],
        cwd=PROJECT_DIR,
        env={
            **os.environ,
            "SPASER_OUTPUT_DIR": str(tmp_path),
            "SPASER_DUCKDB_PATH": str(conformance_build.database),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert "n'a pas été publiée par `make build`" in completed.stderr
    assert not (tmp_path / "report").exists()


def test_a_chart_label_holding_delivered_text_stays_an_attribute():
    points = [Point(2024, 1.0, "1,0"), Point(2025, 2.0, "2,0")]
    svg = trend('X" onload="alert(1)-O1_4', points, None, "", "count", 1)
    assert 'aria-label="X&quot; onload=&quot;alert(1)-O1_4 — 2024 : 1,0 ; 2025 : 2,0"' in svg
    assert 'onload="' not in svg


def test_a_chart_starts_at_zero_and_dashes_the_partial_year():
    points = [
        Point(2024, 59.1, "59,1 %", detail="13 / 22"),
        Point(2025, 60.5, "60,5 %"),
        Point(2026, 51.5, "51,5 %", partial=True),
    ]
    svg = trend("O1_2", points, 50.0, "≥ 50,0 %", "percent", 1)
    assert f">0{NBSP}%<" in svg and f">100{NBSP}%<" in svg  # a percentage runs 0-100
    solid, dashed = re.findall(
        r'<line x1="[^"]+" y1="[^"]+" x2="[^"]+" y2="[^"]+" '
        r'stroke="#1f5f99" stroke-width="1.6"([^/]*)/>',
        svg,
    )
    assert solid == "" and "stroke-dasharray" in dashed
    assert ">partielle<" in svg and "(13 / 22)</title>" in svg
    assert "2026 (année partielle) : 51,5 %" in svg and " id=" not in svg
    assert trend("O4_1", [Point(2024, None, "—")], None, "", "percent", 1) is None


def test_every_check_of_the_validation_has_a_french_label():
    from spaser.contract import load_extracts
    from spaser.report.labels import check_label
    from spaser.validate.suite import build_suite

    with (PROJECT_DIR / "seeds" / "validation_check_labels.csv").open(encoding="utf-8") as handle:
        labels = {row["check_name"]: row["check_label"] for row in csv.DictReader(handle)}
    checks = {
        expectation.meta["check"]
        for extract in load_extracts().values()
        for expectation in build_suite(extract).expectations
        if expectation.meta and "check" in expectation.meta
    }
    assert checks and all(check_label(c, labels) != c for c in checks), checks - set(labels)


def test_a_change_reads_by_the_indicators_direction_at_the_shown_rounding():
    from spaser.report.scoreboard import BETTER, DOWN, SAME, UP, WORSE, compare

    assert compare(60.5, 59.1, "hausse", "percent") == BETTER
    assert compare(60.5, 59.1, "baisse", "percent") == WORSE
    assert compare(30.3, 29.1, "baisse", "days") == WORSE
    assert compare(55.5, 51.9, "neutre", "fte") == UP
    assert compare(51.9, 55.5, "neutre", "fte") == DOWN
    assert compare(58.14, 58.06, "hausse", "percent") == SAME  # both read 58,1 %
    assert compare(1, 75.0, "hausse", "boolean", "percent") == BETTER  # oui against 75 %
    assert compare(0, 75.0, "hausse", "boolean", "percent") == WORSE
    assert compare(None, 75.0, "hausse", "percent") is None


def test_every_data_table_scrolls_in_its_own_region():
    # A wide table outside a `.scroll` region widens the whole page on a phone (390 px): the
    # unpublished DECP contracts did, on the demo's filiales with a DECP file. The browser
    # test measures the pages its delivery fills; this one reads every template (a `facts`
    # table, a label and its value, wraps instead).
    templates = PROJECT_DIR / "src" / "spaser" / "report" / "templates"
    for template in sorted(templates.glob("*.j2")):
        text = template.read_text(encoding="utf-8")
        for table in re.finditer(r'<table class="data\b', text):
            before = text[: table.start()]
            assert before.rfind('<div class="scroll"') > before.rfind("</div>"), (
                f"{template.name}: a table outside a scroll region, "
                f"line {before.count(chr(10)) + 1}"
            )
