"""The literature reader's user-facing error."""


class LiteratureInputError(ValueError):
    """Input the reader cannot read (empty, too large, encrypted or corrupt PDF, unknown format). The message is
    written for the user and names what to do."""
