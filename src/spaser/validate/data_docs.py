"""The Great Expectations side: an ephemeral context whose Data Docs site is a folder."""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spaser.landing import LandedFile

if TYPE_CHECKING:
    from great_expectations.data_context import AbstractDataContext

DATA_DOCS_SITE = "spaser_raw_delivery"


def reset_site(directory: Path) -> None:
    """Remove a previous run's pages, so the site shows this delivery only.

    Only what the site builder writes is removed, in case the folder is shared.
    """
    for name in ("index.html", "validations", "expectations", "static"):
        target = directory / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def make_context(site_dir: Path) -> AbstractDataContext:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    # The default site of an ephemeral context lives in a temporary folder.
    context.delete_data_docs_site("local_site")
    context.add_data_docs_site(
        DATA_DOCS_SITE,
        {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(site_dir),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return context


def record_source(
    context: AbstractDataContext,
    result: Any,
    suite_name: str,
    run_id: Any,
    raw: LandedFile,
    label: str,
) -> None:
    """Name the validated file on its Data Docs page, and store the result again.

    A dataframe batch knows nothing of where its rows came from, so the page
    would say 'Data asset: None'; the auditor needs the file and its path.
    The stored result has its delivered values escaped, in place: Great Expectations
    writes unexpected values into its pages as HTML unescaped, and a delivery is not
    trusted. Read the values as delivered before (spaser.validate.report.summarize).
    """
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    for validation in result.results:
        validation.result = _escaped(validation.result)
    # The file's names are shown twice, once escaped by Great Expectations and once not:
    # only markup is neutralised, so that a path with an apostrophe or an & reads right in both.
    result.meta["batch_spec"] = {
        key: value.replace("<", "&lt;").replace(">", "&gt;") if isinstance(value, str) else value
        for key, value in {
            **(result.meta.get("batch_spec") or {}),
            "data_asset_name": label,
            "source_file": str(raw.path),
            "extract": raw.extract,
            "filiale_code": raw.filiale_code or "(group level)",
        }.items()
    }
    key = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite_name),
        run_id=run_id,
        batch_identifier=result.batch_id,
    )
    context.validation_results_store.set(key, result)


def _escaped(value: Any) -> Any:
    """The same structure with every text in it HTML-escaped."""
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_escaped(item) for item in value)
    return value
