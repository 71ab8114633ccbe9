"""Keep the server's long-lived objects out of Python's full garbage collections.

The knowledge bases, vocabularies and models a server loads are millions of objects that live as long as the
process. Every full (generation-2) collection walks all of them: about 0.4 s of CPU on this app, paid by whichever
request triggers it, which is what made the p95 of a planner request jump to 3x the single-user time under load
(docs/measurements/load_test.md, session 11). `gc.freeze()` moves the objects alive at that moment to a permanent
generation that collections skip. It is called only after one run has grown the heap by a large step (a tool's
first use loads its knowledge base), after a collection, so ordinary reruns never freeze and little short-lived
session data is caught (objects frozen and later dropped are freed by reference counting; only cycles among them
would stay). The step is one run's growth, not the growth since the last freeze: sessions' data adding up over many
ordinary reruns made whichever rerun crossed the line (a warm Home, say) pay a full collection (0.3-0.9 s)."""

from __future__ import annotations

import gc
import logging
import sys
from dataclasses import dataclass

log = logging.getLogger(__name__)

GROWTH_BLOCKS = 200_000  # a knowledge-base load is 0.2-1.6 million blocks in one run; a rerun is thousands


@dataclass
class HeapFreezer:
    growth_blocks: int = GROWTH_BLOCKS
    blocks_after_last_run: int = 0

    def after_run(self) -> bool:
        """Freeze when the heap grew by `growth_blocks` since the previous run ended (with runs of several
        sessions at once: since any run's end). O(1) otherwise."""
        blocks = sys.getallocatedblocks()
        grew = blocks - self.blocks_after_last_run
        self.blocks_after_last_run = blocks
        if grew < self.growth_blocks:
            return False
        gc.collect()
        gc.freeze()
        self.blocks_after_last_run = sys.getallocatedblocks()
        if log.isEnabledFor(logging.INFO):  # get_freeze_count walks the whole frozen list
            log.info("heap: %d objects frozen out of full collections", gc.get_freeze_count())
        return True


SERVER_HEAP = HeapFreezer()
