"""One clinical terminology and knowledge layer under every tool.

It sits below the tools (records, triage, therapy, cases, literature, qa) and imports none of them.
Heavy parts (ICD-10-CM, HPO, the graph) load lazily on first use and are cached.

Public API (imported lazily, so `import medcore.knowledge` stays cheap):
    load_terminology(settings) -> Terminology   .get(id) .concepts(type) .match(text, types, section)
                                                .search(query, k, types) .by_code(system, code)
    Concept, Mention, concept_id                the shared records (medcore.knowledge.concepts)"""

from __future__ import annotations

_LAZY = {
    "load_terminology": ("medcore.knowledge.terminology", "load_terminology"),
    "Terminology": ("medcore.knowledge.terminology", "Terminology"),
    "Concept": ("medcore.knowledge.concepts", "Concept"),
    "Mention": ("medcore.knowledge.concepts", "Mention"),
    "concept_id": ("medcore.knowledge.concepts", "concept_id"),
    "Hit": ("medcore.knowledge.search", "Hit"),
    "KnowledgeKBError": ("medcore.knowledge.kbfiles", "KnowledgeKBError"),
}

__all__ = list(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'medcore.knowledge' has no attribute {name!r}")
