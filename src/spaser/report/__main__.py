"""Write the static HTML report of the published database.

    python -m spaser.report

Reads the published database read-only: a build running meanwhile does not
block it, and it never reads a half-built mart.
"""

from __future__ import annotations

import sys

import duckdb

from spaser.outputs import Outputs
from spaser.report import sections  # noqa: F401  (registers the sections)
from spaser.report.data import is_published, load
from spaser.report.pages import write_report


def main() -> int:
    outputs = Outputs.from_environment()
    if not outputs.database.exists():
        print(f"Aucune base publiée à {outputs.database} : lancer `make build`.", file=sys.stderr)
        return 1
    with duckdb.connect(str(outputs.database), read_only=True) as connection:
        connection.execute("set TimeZone = 'Europe/Paris'")
        if not is_published(connection):
            print(f"{outputs.database} n'a pas été publiée par `make build`.", file=sys.stderr)
            return 1
        written = write_report(load(connection, outputs), outputs.report)
    print(f"Rapport : {written[0]} ({len(written)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
