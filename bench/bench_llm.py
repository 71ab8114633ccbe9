"""python bench/bench_llm.py  (same as: python -m medcore bench llm)"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medcore.config import Settings  # noqa: E402
from medcore.llm.bench import run  # noqa: E402

if __name__ == "__main__":
    print(json.dumps(run(Settings.load().data_dir), indent=2))
