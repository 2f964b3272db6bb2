"""The report's sections, registered on import: a new mart's section is a new
module here, imported below (see spaser.report.registry). Import order is page order."""

from spaser.report.sections import (  # noqa: F401
    changes,
    dashboard,
    decp,
    delivery,
    indicators,
    quality,
    reconciliation,
)
