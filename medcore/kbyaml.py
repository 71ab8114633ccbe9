"""The one reader of knowledge-base YAML (assets/kb, annotations, evaluation sets).

YAML itself lets a mapping repeat a key and keeps the last value silently: a second `fits:` synonym entry or a
second `likelihoods:` block in a condition would replace the first without a word. Every KB file is therefore
read here, with libyaml's safe loader where present (DESIGN: CSafeLoader; ten times faster, the same safety) and
a constructor that refuses a repeated key, naming the file, the key and both lines."""

from __future__ import annotations

from pathlib import Path

import yaml

from medcore.errors import DomainError

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"


class KBYamlError(DomainError):
    """A KB YAML file that cannot be read, is not valid YAML, or repeats a key; the message names the file."""


class DuplicateKeyError(KBYamlError):
    """A mapping in a KB YAML file repeats a key."""


class _StrictLoader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a mapping that repeats a key (merge keys `<<:` may still be overridden)."""

    source_name = "<text>"

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: the base constructor reports it
                    continue
                line = key_node.start_mark.line + 1
                if first is not None:
                    raise DuplicateKeyError(f"{self.source_name}: duplicate key {key!r} at line {line} "
                                            f"(first at line {first}); YAML would keep only the last")
                seen[key] = line
        return super().construct_mapping(node, deep=deep)


def loads(text: str, name: str = "<text>"):
    """Parse KB YAML text; `name` (usually the file name) is used in error messages."""
    loader = _StrictLoader(text)
    loader.source_name = name
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise KBYamlError(f"{name}: not valid YAML: {exc}") from exc
    finally:
        loader.dispose()


def load(path: str | Path):
    """Read and parse a KB YAML file. FileNotFoundError is left to the caller (each tool words it its own way)."""
    path = Path(path)
    return loads(path.read_text(encoding="utf-8"), path.name)
