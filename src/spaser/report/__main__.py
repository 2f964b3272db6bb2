"""Write the static HTML report of the published database.

    python -m spaser.report

Reads the published database read-only: a build running meanwhile does not
block it, and it never reads a half-built mart.
"""

from __future__ import annotations

import sys

from spaser.outputs import Outputs
from spaser.report import sections  # noqa: F401  (registers the sections)
from spaser.report.data import load, open_published_or_exit
from spaser.report.pages import write_report


def main() -> int:
    outputs = Outputs.from_environment()
    with open_published_or_exit(outputs) as connection:
        written = write_report(load(connection, outputs), outputs.report)
    print(f"Rapport : {written[0]} ({len(written)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
