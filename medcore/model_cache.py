"""The shared model cache: loaded models (and engines holding them) kept once per process, bounded by a count
and by bytes, least recently used out first.

Every browser session shares one cache, so without a bound each new checkpoint a user opened stayed in memory
until the server stopped. The limits come from Settings (model_cache_max_items, model_cache_max_mb). The cache
lock guards the table and the eviction; a load runs outside it (under a lock of its own key, so one key loads
once while other keys are served). An evicted object still in use by a session keeps working; the next request
for its key loads it again. An object bigger than the byte limit alone is still served, and kept alone.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable

log = logging.getLogger(__name__)


@dataclass
class Shared:
    """One cached object; callers use `with shared.lock:` around calls into it (models are not thread-safe)."""

    obj: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    nbytes: int = 0


def _tensor_bytes(obj: Any) -> int | None:
    nbytes = getattr(obj, "nbytes", None)  # numpy arrays, torch tensors
    if isinstance(nbytes, int):
        return nbytes
    if callable(getattr(obj, "numel", None)) and callable(getattr(obj, "element_size", None)):
        return int(obj.numel()) * int(obj.element_size())
    return None


def estimate_bytes(obj: Any, *, depth: int = 3) -> int:
    """The memory an object holds, as far as it can be told cheaply: a `cache_bytes()` method if it has one; a
    torch module's parameters and buffers; arrays, tensors and byte strings; and these found up to `depth` levels
    inside attributes, dicts and sequences (each counted once). Anything else counts at its shallow size, so the
    count limit is what bounds objects this cannot see into."""
    seen: set[int] = set()

    def walk(o: Any, level: int) -> int:
        if id(o) in seen:
            return 0
        seen.add(id(o))
        custom = getattr(o, "cache_bytes", None)
        if callable(custom):
            return int(custom())
        if isinstance(o, (bytes, bytearray, memoryview, str)):
            return len(o)
        size = _tensor_bytes(o)
        if size is not None:
            return size
        if callable(getattr(o, "parameters", None)) and callable(getattr(o, "buffers", None)):
            return sum(walk(t, 0) for t in (*o.parameters(), *o.buffers()))  # tied weights: counted once
        total = sys.getsizeof(o, 0)
        if level <= 0:
            return total
        if isinstance(o, dict):
            children = list(o.values())[:10_000]
        elif isinstance(o, (list, tuple, set, frozenset)):
            children = list(o)[:10_000]
        else:
            children = list(getattr(o, "__dict__", {}).values())
        return total + sum(walk(c, level - 1) for c in children)

    return walk(obj, depth)


class ModelCache:
    def __init__(self, max_items: int, max_bytes: int, sizer: Callable[[Any], int] = estimate_bytes):
        if max_items < 1 or max_bytes < 1:
            raise ValueError("a model cache needs room for at least one item and one byte")
        self.max_items, self.max_bytes, self._sizer = max_items, max_bytes, sizer
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, Shared] = OrderedDict()
        self._loading: dict[str, threading.Lock] = {}
        self.hits = self.misses = self.evictions = 0

    @classmethod
    def from_limits(cls, max_items: int, max_mb: float) -> "ModelCache":
        return cls(max_items, max(1, int(max_mb * 2**20)))

    @classmethod
    def from_settings(cls, settings) -> "ModelCache":
        return cls.from_limits(settings.model_cache_max_items, settings.model_cache_max_mb)

    def get(self, key: str, factory: Callable[[], Any]) -> Shared:
        """The object for `key`, loading it with `factory()` on a miss. A failed load caches nothing."""
        with self._lock:
            entry = self._hit(key)
            if entry is not None:
                return entry
            loading = self._loading.setdefault(key, threading.Lock())
        with loading:
            with self._lock:
                entry = self._hit(key)  # another session loaded it while this one waited
                if entry is not None:
                    return entry
                self.misses += 1
            try:
                obj = factory()
                entry = Shared(obj, nbytes=int(self._sizer(obj)))
            finally:
                with self._lock:
                    self._loading.pop(key, None)
            with self._lock:
                self._entries[key] = entry
                self._evict_locked(keep=key)
            return entry

    def _hit(self, key: str) -> Shared | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
        return entry

    def _evict_locked(self, keep: str) -> None:
        while len(self._entries) > 1 and (len(self._entries) > self.max_items or self.total_bytes > self.max_bytes):
            oldest = next(iter(self._entries))
            if oldest == keep:  # only the newest is left over the limit: it is served alone
                break
            gone = self._entries.pop(oldest)
            self.evictions += 1
            log.info("model cache: evicted %s (%d bytes; limits %d items, %d bytes)", oldest, gone.nbytes,
                     self.max_items, self.max_bytes)
        if self._entries.get(keep) is not None and self._entries[keep].nbytes > self.max_bytes:
            log.warning("model cache: %s alone takes %d bytes, over the limit of %d (MEDCORE_MODEL_CACHE_MAX_MB)",
                        keep, self._entries[keep].nbytes, self.max_bytes)

    @property
    def total_bytes(self) -> int:
        return sum(e.nbytes for e in self._entries.values())

    def keys(self) -> list[str]:
        """Least recently used first."""
        with self._lock:
            return list(self._entries)

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"items": len(self._entries), "bytes": self.total_bytes, "max_items": self.max_items,
                    "max_bytes": self.max_bytes, "hits": self.hits, "misses": self.misses,
                    "evictions": self.evictions}

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
