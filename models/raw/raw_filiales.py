"""Landing of filiales.csv: every row as text, with its file and line number."""

from spaser.raw import RawFile, extract_reader, filiales_file, raw_dir


def model(dbt, session):
    root = raw_dir(dbt.config.get("raw_dir"))
    return extract_reader([RawFile(None, "filiales", filiales_file(root))], "filiales")
