"""The terminology: every concept source merged, with a lexicon cached on disk.

`load_terminology(settings)` returns a `Terminology`. The first call builds the concepts and the
lexicon (ICD-10-CM, HPO, our KBs) and stores them under `settings.data_dir/knowledge/<digest>/`;
the digest covers every input file, the package data versions and this layer's code, so an edit to
a KB file rebuilds and nothing stale is ever read. Later calls (and later processes) load the cache."""

from __future__ import annotations

import importlib.util
import logging
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from medcore.knowledge import kbfiles
from medcore.knowledge import lexicon as lexmod
from medcore.knowledge.concepts import Concept
from medcore.knowledge.normalize import Variants, load_variants
from medcore.knowledge.sources import hpo, icd10cm, local

log = logging.getLogger(__name__)


def _registry() -> tuple:
    """The concept loaders, in merge order: a concept id met twice is merged, the first name kept
    (clinical problem-list names before the symptom chat's lay names)."""
    loaders = (local.problem_list_concepts, local.triage_condition_concepts, local.therapy_condition_concepts,
               local.finding_concepts, local.test_concepts, local.procedure_concepts)
    if importlib.util.find_spec("medcore.knowledge.drugs") is not None:
        from medcore.knowledge.drugs import drug_concepts

        loaders += (drug_concepts,)
    return loaders + (hpo.hpo_concepts, icd10cm.icd10cm_concepts)


LOADERS = _registry()


def merge(concepts) -> dict[str, Concept]:
    out: dict[str, Concept] = {}
    for c in concepts:
        old = out.get(c.id)
        if old is None:
            out[c.id] = c
            continue
        codes = {k: tuple(dict.fromkeys((*old.codes.get(k, ()), *c.codes.get(k, ()))))
                 for k in (*old.codes, *c.codes)}
        syns = tuple(dict.fromkeys(s for s in (*old.synonyms, c.name, *c.synonyms) if s != old.name))
        out[c.id] = Concept(old.id, old.type, old.name, codes, syns,
                            tuple(dict.fromkeys((*old.sources, *c.sources))), {**c.attrs, **old.attrs})
    return out


def build_concepts(kb_dir: Path, loaders=None) -> dict[str, Concept]:
    found = []
    for loader in loaders or LOADERS:
        t = time.perf_counter()
        got = loader(kb_dir)
        log.info("knowledge: %s gave %d concepts in %.2f s", loader.__name__, len(got), time.perf_counter() - t)
        found.extend(got)
    return merge(found)


_BUILDER_MODULES = ("normalize.py", "lexicon.py", "terminology.py", "kbfiles.py", "schemas.py", "concepts.py")


def _code_files() -> list[Path]:
    """The code that shapes the built lexicon (not the matcher, search or other knowledge modules)."""
    here = Path(__file__).parent
    return sorted([*(here / m for m in _BUILDER_MODULES), *(here / "sources").glob("*.py"), *here.glob("drug*.py")])


def cache_digest(kb_dir: Path) -> str:
    """Inputs, package data versions and this layer's code: any change gives a new cache folder."""
    tags = f"{icd10cm.version_tag()}|hp.obo:{hpo.obo_path().stat().st_size}".encode()
    return kbfiles.digest_files([*local.kb_input_files(kb_dir), *_code_files()], extra=tags)


@dataclass
class Terminology:
    folder: Path
    kb_dir: Path
    lexicon: lexmod.Lexicon
    variants: Variants
    build_s: float | None = None  # seconds spent building (None when loaded from the cache)
    load_s: float = 0.0
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)
    _matcher: object = None
    _searcher: object = None

    # ---- concepts ----
    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = sqlite3.connect(f"file:{self.folder / 'concepts.sqlite'}?mode=ro", uri=True,
                                                    check_same_thread=False)
        return con

    def _sources(self) -> dict[int, str]:
        src = self._cache.get("\0sources")
        if src is None:
            src = self._cache["\0sources"] = dict(self._db().execute("SELECT n, text FROM sources").fetchall())
        return src

    def get(self, concept_id: str) -> Concept | None:
        c = self._cache.get(concept_id)
        if c is None:
            row = self._db().execute(f"SELECT {lexmod.CONCEPT_COLUMNS} FROM concepts WHERE id=?", (concept_id,)).fetchone()
            if row is None:
                return None
            c = self._cache[concept_id] = lexmod.concept_from_row(row, self._sources())
        return c

    def concepts(self, type: str | None = None) -> list[Concept]:
        q = f"SELECT {lexmod.CONCEPT_COLUMNS} FROM concepts" + (" WHERE type=?" if type else "") + " ORDER BY rowid"
        src = self._sources()
        return [lexmod.concept_from_row(r, src) for r in self._db().execute(q, (type,) if type else ())]

    def by_code(self, system: str, code: str) -> list[Concept]:
        """Concepts carrying this code, ours first ('icd10cm', 'I21.9' -> condition:myocardial_infarction,
        then icd10cm:I21.9)."""
        rows = self._db().execute("SELECT id FROM codes WHERE system=? AND code=?", (system, code)).fetchall()
        got = [c for c in (self.get(r[0]) for r in rows) if c is not None]
        order = lexmod.TYPE_PRIORITY
        return sorted(got, key=lambda c: order.index(c.type) if c.type in order else len(order))

    def icd10cm_children(self, code: str) -> list[Concept]:
        """The ICD-10-CM codes one character under `code` ('R51' -> R51.0, R51.9; 'K59.0' -> K59.00 ... K59.09)."""
        stem = code + ("." if len(code) == 3 else "")
        rows = self._db().execute("SELECT id FROM concepts WHERE type='icd10cm' AND id LIKE ?",
                                  (f"icd10cm:{stem}_",)).fetchall()
        return [c for c in (self.get(r[0]) for r in rows) if c is not None]

    def counts(self) -> dict[str, int]:
        return dict(self._db().execute("SELECT type, COUNT(*) FROM concepts GROUP BY type").fetchall())

    # ---- text ----
    def match(self, text: str, types=None, section: str | None = None, fallback: bool = False, only=None):
        """Concept mentions in `text` (offsets into it); see medcore.knowledge.match.Matcher.match."""
        if self._matcher is None:
            from medcore.knowledge.match import Matcher

            self._matcher = Matcher(self)
        return self._matcher.match(text, types=types, section=section, fallback=fallback, only=only)

    def search(self, query: str, k: int = 10, types=None):
        if self._searcher is None:
            from medcore.knowledge.search import Searcher

            self._searcher = Searcher.load_or_build(self)
        return self._searcher.search(query, k=k, types=types)


_lock = threading.Lock()
_loaded: dict[tuple[str, str], Terminology] = {}


def load_terminology(settings, rebuild: bool = False) -> Terminology:
    """The terminology for these settings (one per process and KB; built on first use, then cached)."""
    kb_dir = Path(settings.kb_dir)
    t0 = time.perf_counter()
    digest = cache_digest(kb_dir)
    key = (str(kb_dir), digest)
    with _lock:
        if not rebuild and key in _loaded:
            return _loaded[key]
        root = cache_root(settings)
        folder = root / f"lexicon-{digest}"
        variants = load_variants(kb_dir)
        build_s = None
        if rebuild or not (folder / "lexicon.json").is_file() or not (folder / "concepts.sqlite").is_file():
            tb = time.perf_counter()
            concepts = build_concepts(kb_dir)
            lex = lexmod.build(list(concepts.values()), variants, kb_dir)
            lexmod.save(lex, concepts, folder)
            build_s = time.perf_counter() - tb
            log.info("knowledge: built %d concepts, %d terms in %.1f s -> %s", len(concepts), len(lex.terms),
                     build_s, folder)
            _prune(root, keep=folder)
        else:
            lex = lexmod.load(folder)
        term = Terminology(folder, kb_dir, lex, variants, build_s, time.perf_counter() - t0)
        _loaded[key] = term
        return term


def cache_root(settings) -> Path:
    """Where the knowledge layer's built caches live: settings.knowledge_cache_dir, else data_dir/knowledge. Each is
    named by the digest of its inputs, so a folder shared by several data folders (the test suite's) is never stale."""
    return Path(getattr(settings, "knowledge_cache_dir", "") or Path(settings.data_dir) / "knowledge")


def cached_term_count(settings, type: str) -> int | None:
    """How many names and synonyms the concepts of `type` have (what `concepts(type)` would list), read from the
    built cache with one query, without loading the lexicon; None while the terminology is not built yet.
    For the Home page's status, which must not load or build the terminology (issue 14, speed)."""
    db = cache_root(settings) / f"lexicon-{cache_digest(Path(settings.kb_dir))}" / "concepts.sqlite"
    if not db.is_file():
        return None
    sep = f"char({ord(lexmod._SEP)})"
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error as exc:  # replaced or pruned between the check and the open: counted next time
        log.info("knowledge: term count unavailable (%s)", exc)
        return None
    try:
        row = con.execute(f"SELECT COUNT(*) + COALESCE(SUM(CASE WHEN synonyms <> '' THEN LENGTH(synonyms) - "
                          f"LENGTH(REPLACE(synonyms, {sep}, '')) + 1 ELSE 0 END), 0) FROM concepts WHERE type=?",
                          (type,)).fetchone()
    except sqlite3.Error as exc:
        log.info("knowledge: term count unavailable (%s)", exc)
        return None
    finally:
        con.close()
    return int(row[0])


STALE_CACHE_S = 24 * 3600


def _prune(root: Path, keep: Path, now: float | None = None) -> None:
    """Delete lexicon caches of other KB versions once they are a day old. Not at once: another process (a second
    server, a CLI run from another checkout sharing the data folder) may still be reading one lazily, and deleting
    it under that process failed its next lookup ("unable to open database file")."""
    now = time.time() if now is None else now
    for old in root.glob("lexicon-*"):
        try:
            if old != keep and now - old.stat().st_mtime > STALE_CACHE_S:
                shutil.rmtree(old, ignore_errors=True)
        except FileNotFoundError:
            continue  # another process pruned it first

