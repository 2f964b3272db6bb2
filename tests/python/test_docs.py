"""Docs as a check: every model and column an auditor reads is described, and each
indicator of the catalogue points at the docs block that defines it."""

from __future__ import annotations

import csv
import json
import re

import pytest

from conftest import CONFORMANCE, PROJECT_DIR, run_dbt

DOCUMENTED_LAYERS = ("staging", "audit", "intermediate", "marts")


@pytest.fixture(scope="module")
def docs(conformance_build):
    run_dbt(CONFORMANCE / "raw", conformance_build.work_dir, "docs", "generate").succeeded()
    target = conformance_build.work_dir / "target"
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    return manifest, catalog


def documented_models(manifest):
    return {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["fqn"][1] in DOCUMENTED_LAYERS
    }


def test_every_model_has_a_description(docs):
    manifest, _ = docs
    models = documented_models(manifest)
    assert len(models) > 40
    assert [uid for uid, node in models.items() if not node["description"].strip()] == []


def test_every_built_column_has_a_description(docs):
    manifest, catalog = docs
    missing = []
    for unique_id, node in documented_models(manifest).items():
        described = {
            name.lower() for name, column in node["columns"].items() if column["description"]
        }
        built = catalog["nodes"][unique_id]["columns"]
        missing += [f"{node['name']}.{name}" for name in built if name.lower() not in described]
    assert missing == []


def test_every_seed_and_its_columns_are_described(docs):
    manifest, catalog = docs
    seeds = {uid: n for uid, n in manifest["nodes"].items() if n["resource_type"] == "seed"}
    missing = [n["name"] for n in seeds.values() if not n["description"].strip()]
    for unique_id, node in seeds.items():
        described = {name for name, c in node["columns"].items() if c["description"].strip()}
        missing += [
            f"{node['name']}.{name}"
            for name in catalog["nodes"][unique_id]["columns"]
            if name not in described
        ]
    assert missing == []


def test_each_indicator_references_its_definition_block(docs):
    manifest, _ = docs
    blocks = {doc["name"]: doc["block_contents"] for doc in manifest["docs"].values()}
    with (PROJECT_DIR / "seeds" / "indicator_catalogue.csv").open(encoding="utf-8") as handle:
        catalogue = list(csv.DictReader(handle))
    models = {node["name"]: node for node in manifest["nodes"].values()}
    # Every indicator model is in the catalogue, and every common indicator has its model.
    indicator_models = {name for name in models if re.fullmatch(r"int_indicator_o\d+_\d+", name)}
    common = {
        f"int_indicator_{r['indicator_code'].lower()}"
        for r in catalogue
        if r["is_common"] == "true"
    }
    assert indicator_models == common
    for row in catalogue:
        block = row["docs_block"]
        assert block in blocks, f"{row['indicator_code']}: no docs block {block}"
        assert row["indicator_code"] in blocks[block]
        model = models[f"int_indicator_{row['indicator_code'].lower()}"]
        assert model["description"] == blocks[block], f"{model['name']} does not use {block}"


def test_indicator_code_leads_to_each_definition_page(docs):
    """From fct_indicators, one click to each indicator's definition (its model's page)."""
    manifest, _ = docs
    models = {node["name"]: uid for uid, node in manifest["nodes"].items()}
    with (PROJECT_DIR / "seeds" / "indicator_catalogue.csv").open(encoding="utf-8") as handle:
        codes = [r["indicator_code"] for r in csv.DictReader(handle) if r["is_common"] == "true"]
    for mart in ("fct_indicators", "dim_indicators"):
        description = manifest["nodes"][models[mart]]["columns"]["indicator_code"]["description"]
        for code in codes:
            target = models[f"int_indicator_{code.lower()}"]
            assert f"[{code}](#!/model/{target})" in description, (mart, code)


# The macros the row path names, in order: a renamed one must be renamed there too.
ROW_PATH_MACROS = (
    "land_raw_delivery",
    "raw_extract_sql",
    "raw_records_ctes",
    "contract_table",
    "staging_validated_rows",
    "staging_parsed_columns",
    "staging_row_reject_reason",
    "audited_extracts",
    "evidence_columns",
)


def test_row_path_page_names_models_and_macros_that_exist(docs):
    """The overview's row path (file to figure, file to reject with its reason) names, in
    order, models and macros of the project: none that was renamed or removed."""
    manifest, _ = docs
    overview = next(
        doc["block_contents"]
        for doc in manifest["docs"].values()
        if doc["name"] == "__overview__" and doc["package_name"] == "spaser"
    )
    start = overview.index("## Parcours d'une ligne")
    end = overview.index("\n## ", start + 1)
    page = overview[start:end]
    assert "### D'un fichier à un rejet et son motif" in page
    assert "### D'un fichier à un chiffre" in page
    models = {
        node["name"] for node in manifest["nodes"].values() if node["resource_type"] == "model"
    }
    named = set(re.findall(r"`((?:base|stg|int|fct|dim|audit)_[a-z0-9_]+)`", page))
    assert {"audit_rejected_rows", "fct_indicators", "int_quality_rejected_rows"} <= named
    assert named - models == set()
    macros = {
        macro["name"] for macro in manifest["macros"].values() if macro["package_name"] == "spaser"
    }
    positions = [page.index(f"`{name}`") for name in ROW_PATH_MACROS]
    assert set(ROW_PATH_MACROS) - macros == set()
    # The reject path is told in the order a row goes through it.
    assert positions[:8] == sorted(positions[:8])
