"""Record summarizer: de-identification, sections, extraction, summaries, FHIR."""
