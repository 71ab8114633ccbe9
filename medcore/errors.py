"""The one domain error of every medcore tool (issue 14: one error format).

Each tool raises its own subclass (`PlanError`, `InputError`, `LiteratureInputError`, ...) with a sentence a person
can act on: what was wrong with their input or file, never a Python type name. The CLI prints that sentence and the
pages show it as text, with no traceback and no "something went wrong". A bare ValueError, or any other exception,
is a fault of the code: logged with its traceback, reported with an error id."""


class DomainError(ValueError):
    """Input, a file or a setting that a tool refuses, with a user-facing message. A ValueError subclass, so code
    that caught ValueError before keeps working."""
