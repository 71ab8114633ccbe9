import numpy as np
import pytest

from medcore.imaging.metrics import FeatureMetrics, precision_recall


def _clf(seed=0, width=4):
    import torch

    from medcore.imaging.classifier import Classifier, build_classifier

    torch.manual_seed(seed)
    return Classifier(build_classifier(2, width), ["a", "b"], {})


def _images(n, seed, lo=0, hi=256, size=16):
    return np.random.default_rng(seed).integers(lo, hi, (n, size, size)).astype(np.uint8)


def test_precision_recall_on_known_manifolds():
    rng = np.random.default_rng(0)
    real = rng.normal(size=(200, 3))
    same = precision_recall(real, real)
    assert same["precision"] == 1.0 and same["recall"] == 1.0
    far = precision_recall(real, rng.normal(50.0, 1.0, size=(200, 3)))
    assert far["precision"] == 0.0 and far["recall"] == 0.0
    collapsed = precision_recall(real, rng.normal(0.0, 0.05, size=(200, 3)))  # one mode: faithful, not diverse
    assert collapsed["precision"] > 0.9 and collapsed["recall"] < 0.2
    with pytest.raises(ValueError):
        precision_recall(real, real[:3])


def test_feature_metrics_rank_a_shifted_set_worse_than_real():
    clf = _clf()
    held, train = _images(60, 1), _images(80, 2)
    fm = FeatureMetrics(clf, held, train, kid_subset=30, kid_subsets=10)
    assert fm.extractor.num_features == 16 and fm.train_features.shape == (80, 16)
    real = fm.score(_images(60, 3))
    dark = fm.score(_images(60, 4, 0, 60))
    assert real["fid"] < dark["fid"] and real["kid"] < dark["kid"]
    assert real["precision"] > dark["precision"] and real["mifid"] < dark["mifid"]
    again = fm.score(_images(60, 3))  # real features are kept, fake ones reset: scoring is repeatable
    assert again == real
    assert fm.score(_images(10, 5))["kid"] is None  # fewer images than the KID subset


def test_deep_copy_check_flags_planted_copies():
    from medcore.imaging.copies import calibrate_deep, deep_copy_check
    from medcore.imaging.metrics import ClassifierFeatures

    import torch

    ext = ClassifierFeatures(_clf(width=8).net)
    feats = lambda x: ext(torch.from_numpy(x)).numpy()  # noqa: E731
    train, held, gen = _images(60, 0), _images(30, 1), _images(6, 2)
    cal = calibrate_deep(held, feats(held), train, feats(train))
    assert cal.heldout_duplicates == 0 and cal.ssim_threshold < 0.5
    gen[1] = train[7]
    gen[3] = train[20][:, ::-1]  # mirrored: SSIM still catches it
    rep = deep_copy_check(gen, feats(gen), train, feats(train), cal)
    assert rep.by_ssim == [False, True, False, True, False, False]
    assert rep.by_features[1] and rep.feature_nearest[1] == 7 and rep.ssim_nearest[3] == 20
    assert rep.to_dict()["flagged_by_ssim"] == 2
