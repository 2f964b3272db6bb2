"""The report's sections, registered on import: a new mart's section is a new
module here, imported below (see spaser.report.registry). Import order is page order."""

from spaser.report.sections import decp, delivery, indicators, quality, reconciliation  # noqa: F401, I001
from spaser.report.sections import changes  # noqa: F401
