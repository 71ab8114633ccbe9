"""Concept sources: each module has loaders `(kb_dir) -> list[Concept]` over one standard or KB."""
