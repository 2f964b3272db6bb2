"""python -m spaser.exports [--evidence FILIALE ANNEE]: see the package's docstring."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import duckdb

from spaser.exports import describe, write_evidence, write_exports
from spaser.outputs import Outputs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spaser.exports",
        description="Écrit les exports de la base publiée (Parquet, CSV, classeur Excel, "
        "exports des auditeurs), ou les lignes de preuve d'une filiale et d'une année.",
    )
    parser.add_argument(
        "--evidence",
        nargs=2,
        metavar=("FILIALE", "ANNEE"),
        help="les lignes de preuve d'une filiale et d'une année, en CSV et en classeur",
    )
    args = parser.parse_args(argv)
    outputs = Outputs.from_environment()
    if not outputs.database.exists():
        print(f"Aucune base publiée à {outputs.database} : lancer `make build`.", file=sys.stderr)
        return 1
    try:
        if args.evidence:
            filiale, year = args.evidence
            if not year.isdigit():
                parser.error(f"année attendue, pas {year!r}")
            paths = write_evidence(outputs, filiale, int(year))
            if not any(path.suffix == ".xlsx" for path in paths):
                print("Plus de lignes qu'une feuille Excel n'en tient : CSV seulement.")
        else:
            paths = write_exports(outputs)
    except (LookupError, OSError, RuntimeError, duckdb.Error) as error:
        print(f"ÉCHEC des exports : {error}", file=sys.stderr)
        return 1
    for line in describe(paths):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
