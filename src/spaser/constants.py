"""The package's constants, defined once: where the project and its dbt are, the demo
delivery bundled with it, and the time zone of every date a reader sees."""

from __future__ import annotations

import sys
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The dbt of the interpreter running the package (the project's .venv).
DBT = Path(sys.executable).parent / "dbt"
DEMO_RAW_DIR = PROJECT_DIR / "data" / "demo" / "raw"
PARIS = ZoneInfo("Europe/Paris")
