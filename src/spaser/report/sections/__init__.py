"""The report's sections, registered on import: a new mart's section is a new
module here, imported below (see spaser.report.registry)."""

from spaser.report.sections import decp, delivery, indicators, quality, reconciliation  # noqa: F401
