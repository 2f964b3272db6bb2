"""Generate a synthetic raw delivery folder that follows the input contract.

The bundled demo data (``data/demo/raw``) is this script's output with its
default arguments; ``tests/python/test_demo_data.py`` checks that nobody edits
it by hand. The same script makes large deliveries for benchmarks::

    .venv/bin/python scripts/generate_demo_data.py                 # data/demo/raw
    .venv/bin/python scripts/generate_demo_data.py --out /tmp/big --invoices-per-year 1000000
    .venv/bin/python scripts/generate_demo_data.py --summary --manifest /tmp/rejects.csv

Options:
    --out DIR               target folder (default: data/demo/raw under the project root);
                            its previous delivery (filiales.csv and filiale folders) is wiped
    --seed INT              random seed (default 2026); same arguments give byte-identical files
    --invoices-per-year N   invoices per filiale and year 2024-2026 (default 150); the 2023
                            history gets N/4; suppliers and contracts grow with sqrt(N)
    --filiales N            filiales (default 4: the demo's; more are copies of them under
                            codes of their own)
    --housing-units N       housing units per filiale and snapshot (default: each filiale's own)
    --registries DIR        also write the demo supplier registries there
    --jobs N                worker processes (default: one per CPU for large runs)
    --summary               print the deliberate bad rows, counted by filiale, file and reason
    --manifest FILE         write every deliberate bad row (file, line, reason) to a CSV file

The delivery holds four filiales: SEQENS (Île-de-France), SIDR (La Réunion, a
DROM), ERILIA (Provence-Alpes-Côte d'Azur and Corsica) and ALLIADE
(Auvergne-Rhône-Alpes, which lacks some extracts on purpose). It exercises the
contract's format variety (BOM, CRLF, column order, extra columns, header case,
quoting, split extract, amount and boolean spellings) and its row rules: every
filiale holds a few rows that the staging must reject, listed by ``--summary``.
SEQENS, SIDR and ERILIA also deliver their books (FEC files, scripts/demo_data/fec.py).

The code is the package ``scripts/demo_data`` (its ``__init__`` maps the modules).
"""

import sys

from demo_data.cli import main

if __name__ == "__main__":
    sys.exit(main())
