"""Literature reader: read a clinical paper (abstract, full text, PDF, PubMed export) and extract its evidence.

`service.read_paper` is the one entry point for the page and the CLI. Every extracted item carries the index of
the sentence it came from, so the card can link back to the text."""
