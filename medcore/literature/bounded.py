"""The page's way to read a paper and to phrase its summary: in the engine worker pool under its time budget,
so one long PDF, a large PubMed export or a slow language model cannot stall the server for everyone (the CLI
calls the service directly). Bad input still raises the reader's LiteratureInputError, which pickles back from
the worker."""

from __future__ import annotations

from medcore.literature import narrative, service


def read_bounded(settings, text_or_bytes: str | bytes, filename: str | None = None):
    from medcore import workpool

    return workpool.run(settings, service.read_paper, settings, text_or_bytes, filename)


def summarise_bounded(settings, result: dict):
    """narrative.summarise in the pool: a model that fails or runs over the budget never takes the card with it
    (the page shows the card first; a WorkLimitError here is said plainly by the error boundary)."""
    from medcore import workpool

    return workpool.run(settings, narrative.summarise, settings, result)
