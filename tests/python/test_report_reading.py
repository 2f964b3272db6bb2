"""The report read as the comité reads it: in headless Chromium at 1400 px and 390 px,
printed on A4, and checked by axe-core. Screenshots and the PDF are kept for review in
<output>/report/screenshots/ of the project (`make test`)."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from chromium import Browser
from pypdf import PdfReader
from test_report import write_report

from conftest import INDICATORS, PROJECT_DIR
from spaser.outputs import Outputs

AXE = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREEN_HEIGHT = 900
GEOMETRY_JS = """
(() => {
  const board = document.getElementById('tableau-de-bord');
  return {
    scrollWidth: document.documentElement.scrollWidth,
    boardTop: board ? board.getBoundingClientRect().top : null,
    ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
    text: document.body.innerText,
  };
})()
"""
AXE_RUN = """
axe.run(document, {resultTypes: ['violations']}).then(result => JSON.stringify(
  result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target, v.help])))
"""
# Words of the pipeline's English that must never reach a reader.
ENGLISH = re.compile(
    r"\b(?:is empty|invalid|duplicate key|check digit|wrong|unknown|not JJ|row\(s\)|"
    r"required field|out of range|already in)\b",
    re.I,
)


@pytest.fixture(scope="module")
def report(published_conformance) -> Outputs:
    write_report(published_conformance.outputs)
    return published_conformance.outputs


def review_folder() -> Path:
    return Outputs.from_environment().report / "screenshots"


def open_at(browser: Browser, path, width: int) -> None:
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        session=True,
        width=width,
        height=SCREEN_HEIGHT,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    browser.open(path)


def outside_requests(browser: Browser) -> list[str]:
    urls = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    return [u for u in urls if not u.startswith(("file://", "data:", "about:"))]


@pytest.mark.parametrize("width", [1400, 390])
def test_pages_fit_the_screen_and_open_on_the_scoreboard(report, width):
    shots = report.report / "screenshots"
    browser = Browser(width=width, height=SCREEN_HEIGHT)
    try:
        for page in sorted(report.report.glob("*.html")):
            open_at(browser, page, width)
            assert browser.problems() == [], page.name
            assert outside_requests(browser) == [], page.name
            geometry = browser.evaluate(GEOMETRY_JS)
            assert geometry["scrollWidth"] <= width, page.name
            assert len(geometry["ids"]) == len(set(geometry["ids"])), page.name
            assert ENGLISH.findall(geometry["text"]) == [], page.name
            if page.name != "livraison.html":
                assert 0 < geometry["boardTop"] < SCREEN_HEIGHT - 100, page.name
            shot = browser.call("Page.captureScreenshot", session=True, format="png")
            target = shots / f"{page.stem}-{width}px.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(shot["data"]))
    finally:
        browser.close()
    shutil.copytree(shots, review_folder(), dirs_exist_ok=True)


def test_printed_group_page_is_a4_with_the_whole_scoreboard_on_page_one(
    report, published_conformance
):
    browser = Browser()
    try:
        browser.open(report.report / "index.html")
        printed = browser.call(
            "Page.printToPDF", session=True, preferCSSPageSize=True, printBackground=True
        )
    finally:
        browser.close()
    pdf = base64.b64decode(printed["data"])
    (review_folder()).mkdir(parents=True, exist_ok=True)
    (review_folder() / "index.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:  # A4 portrait: 210 × 297 mm = 595 × 842 pt
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842
    first = reader.pages[0].extract_text()
    assert "Tableau de bord" in first
    # The last row of the scoreboard (the matrix below names codes, never labels).
    ((label,),) = published_conformance.query(
        f"select any_value(indicator_label) from marts.fct_indicators_group "
        f"where indicator_code = '{INDICATORS[-1]}'"
    )
    assert " ".join(label.split()[:6]) in " ".join(first.split())


def test_axe_core_finds_no_serious_or_critical_violation(report):
    assert AXE.exists(), "axe-core absent : lancer `make browser` (npm ci)"
    script = AXE.read_text(encoding="utf-8")
    browser = Browser()
    found = {}
    try:
        for page in sorted(report.report.glob("*.html")):
            browser.open(page)
            browser.evaluate(script)
            result = browser.call(
                "Runtime.evaluate",
                session=True,
                expression=AXE_RUN,
                awaitPromise=True,
                returnByValue=True,
            )
            violations = json.loads(result["result"]["value"])
            if violations:
                found[page.name] = violations
    finally:
        browser.close()
    assert found == {}
