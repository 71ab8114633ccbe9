"""The literature reader's user-facing error."""

from medcore.errors import DomainError


class LiteratureInputError(DomainError):
    """Input the reader cannot read (empty, too large, encrypted or corrupt PDF, unknown format). The message is
    written for the user and names what to do."""
