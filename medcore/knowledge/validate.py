"""Schema checks for knowledge-base files: one cached validator per schema, one pass over valid data.

`jsonschema.validate` re-checks the schema and ranks every error on each call; over a thousand KB entries that
was most of a cold load. Here a valid file costs one pass, and the best error is ranked only for a bad one."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from medcore import kbyaml

_VALIDATORS: dict[int, tuple[dict, object]] = {}


def first_error(data, schema: dict) -> str | None:
    """None when `data` fits `schema`; else "path/to/field: message" for the most relevant error."""
    key = id(schema)
    if key not in _VALIDATORS or _VALIDATORS[key][0] is not schema:
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        _VALIDATORS[key] = (schema, cls(schema))
    validator = _VALIDATORS[key][1]
    if validator.is_valid(data):
        return None
    exc = jsonschema.exceptions.best_match(validator.iter_errors(data))
    return f"{'/'.join(str(p) for p in exc.absolute_path)}: {exc.message}"


def read_checked(path: Path, schema: dict, error: type[Exception], missing: str) -> dict:
    """A YAML file that fits its schema, or `error` naming the file ("missing {missing} {path}" when absent)."""
    try:
        data = kbyaml.load(path)
    except FileNotFoundError as exc:
        raise error(f"missing {missing} {path}") from exc
    except kbyaml.KBYamlError as exc:
        raise error(str(exc)) from exc
    problem = first_error(data, schema)
    if problem:
        raise error(f"{path.name}: {problem}")
    return data

