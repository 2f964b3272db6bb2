"""The report's sections, registered on import: a new mart's section is a new
module here, imported below (see spaser.report.registry)."""

from spaser.report.sections import (  # noqa: F401
    dashboard,
    decp,
    delivery,
    indicators,
    quality,
    reconciliation,
)
