"""Proof that a release is clean: leak scan, reconciliation, data card and QC report.

- :mod:`cxrbuild.audit.identifiers` collects every identifier the EHR holds, in the
  forms people and systems print them;
- :mod:`cxrbuild.audit.scan` searches every released byte for them and ranks what it finds;
- :mod:`cxrbuild.audit.reconcile` accounts for every cohort study and image;
- :mod:`cxrbuild.audit.datacard` writes the release's README.md;
- :mod:`cxrbuild.audit.qc` makes the statistics, plots and gallery of the QC report.
"""
