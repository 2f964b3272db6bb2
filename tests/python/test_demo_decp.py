"""The demo's DECP files (scripts/demo_data/decp.py): some filiales publish, in both roots and both
list styles, with the gaps the marts must find; the bad records are in the generator's list."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from conftest import PROJECT_DIR

GENERATOR = PROJECT_DIR / "scripts" / "generate_demo_data.py"


def test_demo_decp_files_shapes_and_planted_rejects(tmp_path):
    manifest = tmp_path / "planted.csv"
    raw = tmp_path / "raw"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(raw), "--manifest", str(manifest)],
        check=True,
        capture_output=True,
    )
    files = sorted(p.relative_to(raw).as_posix() for p in raw.glob("*/*.json"))
    assert files == [
        "ERILIA/decp.json",
        "SEQENS/Decp_2026.json",
        "SEQENS/decp_2024.json",
        "SEQENS/decp_2025.json",
        "SIDR/decp_2025_2026.json",
        "SIDR/decp_historique.json",
    ]
    documents = {name: json.loads((raw / name).read_text(encoding="utf-8")) for name in files}
    assert isinstance(documents["SIDR/decp_historique.json"]["marches"], list)
    assert "contrat-concession" in documents["SEQENS/decp_2025.json"]["marches"]
    records = documents["ERILIA/decp.json"]["marches"]["marche"]
    assert {type(r["considerationsSociales"]) for r in records if "id" in r} == {list, dict}

    with manifest.open(encoding="utf-8") as handle:
        planted = [row for row in csv.DictReader(handle) if row["extract"] == "decp"]
    assert len(planted) == 6
    for row in planted:
        document = documents[f"{row['filiale_code']}/{row['source_file']}"]["marches"]
        record = document["marche"][int(row["line_number"]) - 1]
        if row["reason"] == "required field 'id' is empty":
            assert "id" not in record
        else:
            assert record["datePublicationDonnees"].endswith("-02-30")
