"""Treatment planner: knowledge base, calculators, interactions, pharmacogenomics, planner, FHIR.

Every clinical fact comes from `assets/kb/therapy/` with its `source`; this package only
applies the rules. See `planner.make_plan` for the entry point.
"""
