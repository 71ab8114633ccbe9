"""One clinical terminology and knowledge layer under every tool.

It sits below the tools (records, triage, therapy, cases, literature, qa) and imports none of them.
Heavy parts (ICD-10-CM, HPO, the graph) load lazily on first use and are cached."""
