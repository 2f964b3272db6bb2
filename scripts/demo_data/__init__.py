"""The demo-data generator behind scripts/generate_demo_data.py, one module per job.

Reference data: ``places`` (communes, names, residences), ``purchases`` (purchase families,
subjects, procedures, clauses), ``timeline`` (years, extraction day), ``profiles`` (the
filiales and their export habits). Values: ``spellings`` (dates, amounts, booleans, codes as
exports write them), ``sirets``. Files: ``planted`` (the deliberate bad rows), ``writer`` (a
raw file in its export tool's habits). One module per extract: ``fournisseurs``,
``operations``, ``marches``, ``avenants``, ``factures``, ``consultations``, ``logements``,
``vehicules``, ``formations``, ``evenements``, ``documents``; files published beside them:
``decp``, ``fec`` (the books, entries from ``fec_books``); the registries of a delivery:
``registries``. Driving it: ``filiale`` (one folder, and the list of publications),
``delivery`` (the whole folder), ``cli``.

Every extract draws from its own random stream (seed, filiale, purpose), so the same arguments
give byte-identical files whatever the number of processes.
"""
