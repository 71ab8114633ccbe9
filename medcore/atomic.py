"""Cache files are written beside their target under a name of their own and renamed over it: a reader never sees
half a file, and two writers never share a temporary file. Why this needs a home: the server's engine workers,
parallel training runs and the parallel test run build the same caches at once, and a fixed temporary name
('x.tmp') let one writer rename away the other's file mid-write (the other's rename then failed)."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def tmp_sibling(target: Path, suffix: str = ".tmp") -> Path:
    """A temporary path beside `target`, unique to this process and thread; `suffix` ends it (np.save wants .npy,
    np.savez .npz)."""
    target = Path(target)
    return target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}{suffix}")
