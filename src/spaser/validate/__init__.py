"""Validate a raw delivery with Great Expectations, before the dbt build.

    python -m spaser.validate [--raw-dir DIR] [--output-dir DIR]

Every extract file of the raw folder is read by the project's own raw layer
(`spaser.landing`: the views a build reads, same records and line numbers)
and checked against one expectation suite per extract, generated from
`spaser.contract`. The results go to a Great Expectations Data Docs site
(static HTML, one validation result per file) that an auditor can open, to
`data_docs/validation_results.json` for the report, and to the console.

Row-level problems are warnings: the staging models reject those rows into
`audit_rejected_rows`, so the delivery can still be built (exit 0). What the
build cannot survive is an error (exit 2): a missing raw folder, a missing
required column, an unreadable file, a filiale folder unknown to
`filiales.csv`, or a bad row in `filiales.csv` (the build stops there, since
such a row has no filiale to be rejected under).

The staging models hold the rules; the checks here restate them for each
column kind (`grammar`), and one table of cases pins both to the same
verdicts. A duplicate key is reported whatever the validity of the rows
that share it.

    grammar    the value syntax per column kind: regexes and value checks
    derived    the columns the suite reads beside the delivered ones
    suite      the expectation suite of an extract
    run        landing, one validation per file, the Data Docs (data_docs)
    report     the console; results: the JSON the HTML report reads
    cli        the command line

Great Expectations runs on its pandas path: its SQLAlchemy path reads DuckDB
wrongly here.
"""

import os

# Set before GX is first imported (it reads it once): the analytics would try the
# network, which the build machines may not have.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

from spaser.validate.cli import main  # noqa: E402

__all__ = ["main"]
