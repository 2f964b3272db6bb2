"""Landing of the 'fournisseurs' extract: all its files, parsed once, values as text."""

from spaser.raw import landed_extract


def model(dbt, session):
    return landed_extract(dbt.ref("raw_files"), "fournisseurs")
