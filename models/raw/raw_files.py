"""Inventory of the per-filiale raw files of the delivery folder.

An extract with no file for a filiale is absent ("unknown", not zero); a
folder whose name is not a filiale of filiales.csv stops the build.
"""

import pyarrow as pa

from spaser.raw import delivery_files, raw_dir


def model(dbt, session):
    root = raw_dir(dbt.config.get("raw_dir"))
    known = {row[0] for row in dbt.ref("stg_extracts__filiales").select("filiale_code").fetchall()}
    files = delivery_files(root, known)
    return pa.table(
        {
            "filiale_code": [f.filiale_code for f in files],
            "extract": [f.extract for f in files],
            "source_file": [f.name for f in files],
            "source_path": [str(f.path) for f in files],
        },
        schema=pa.schema(
            [
                ("filiale_code", pa.string()),
                ("extract", pa.string()),
                ("source_file", pa.string()),
                ("source_path", pa.string()),
            ]
        ),
    )
