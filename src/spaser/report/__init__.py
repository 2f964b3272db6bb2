"""The static HTML report for the comités de pilotage: `python -m spaser.report`."""
