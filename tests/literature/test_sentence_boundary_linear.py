"""The sentence boundary regex matches only from the first mark of a run and never backtracks into it: the same
boundaries as the plain pattern it replaced, and a long run of dots no longer takes quadratic time."""

from __future__ import annotations

import random
import re
import time

from medcore.literature import sentences

_PLAIN = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


def test_the_same_boundaries_as_the_backtracking_pattern_on_mixed_punctuation():
    rng = random.Random(18)
    alphabet = [".", "..", "!", "?", ")", "]", "'", "”", " ", "  ", "\n", "A", "b", "3", "(", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        assert [m.span() for m in sentences._BOUNDARY.finditer(text)] == \
            [m.span() for m in _PLAIN.finditer(text)], repr(text)


def test_a_long_run_of_dots_splits_in_linear_time():
    t0 = time.process_time()
    sentences.split_sentences("." * 12000 + " End.")
    assert time.process_time() - t0 < 0.5  # the backtracking pattern took about 3 s here
