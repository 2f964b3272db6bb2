"""python -m spaser.validate [--raw-dir DIR] [--output-dir DIR]"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from spaser.landing import RawContractError, raw_dir
from spaser.outputs import Outputs
from spaser.validate.report import EXIT_CONTRACT_ERROR
from spaser.validate.run import validate


def output_dir(configured: str | None = None) -> Path:
    if configured:
        return Path(configured).expanduser().resolve()
    return Outputs.from_environment().root


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spaser.validate",
        description="Validate a raw delivery against the input contract with Great "
        "Expectations and write Data Docs (static HTML).",
    )
    parser.add_argument(
        "--raw-dir", help="raw folder (default: $SPASER_RAW_DIR, else the bundled demo data)"
    )
    parser.add_argument(
        "--output-dir",
        help="where data_docs/ is written (default: $SPASER_OUTPUT_DIR, else output/)",
    )
    args = parser.parse_args(argv)
    try:
        root = raw_dir(args.raw_dir)
        return validate(root, output_dir(args.output_dir))
    except RawContractError as exc:
        print(f"ERROR: the delivery breaks the input contract:\n{exc}", file=sys.stderr)
        return EXIT_CONTRACT_ERROR
