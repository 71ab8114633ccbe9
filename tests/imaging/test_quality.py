import numpy as np

from medcore.imaging.quality import calibrate_copy_threshold, copy_check, histogram_figure, nearest


def _images(n, seed):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, 16, 16)).astype(np.uint8)


def test_copy_check_flags_a_planted_copy_and_mirror():
    train, held, gen = _images(50, 0), _images(20, 1), _images(6, 2)
    cal = calibrate_copy_threshold(held, train)
    assert cal.threshold > 0 and cal.heldout_duplicates == 0
    gen[2] = train[17]  # memorised
    gen[4] = train[30][:, ::-1]  # memorised, mirrored
    rep = copy_check(gen, train, cal)
    assert rep.flagged == [False, False, True, False, True, False]
    assert rep.nearest_index[2] == 17 and rep.distances[2] == 0.0


def test_calibration_ignores_duplicates_inside_the_dataset():
    train, held = _images(40, 0), _images(10, 1)
    held[:3] = train[:3]
    cal = calibrate_copy_threshold(held, train)
    assert cal.heldout_duplicates == 3 and cal.threshold > 0.1


def test_nearest_matches_brute_force():
    a, b = _images(5, 3), _images(7, 4)
    d, i = nearest(a, b, flips=False)
    brute = np.sqrt(((a[:, None].astype(float) - b[None].astype(float)) ** 2).mean((2, 3))) / 255
    assert np.allclose(d, brute.min(1)) and (i == brute.argmin(1)).all()


def test_classifier_learns_the_tiny_classes_and_scores_batches(tiny_folder, settings):
    from medcore.imaging.classifier import Classifier, accuracy, train_classifier
    from medcore.imaging.datasets import import_folder
    from medcore.imaging.quality import Reference, batch_quality

    ds = import_folder(tiny_folder, 16, settings)
    net, _ = train_classifier(ds.images, ds.labels, 2, epochs=30, batch=8)
    clf = Classifier(net, ds.class_names, {"heldout_accuracy": 1.0})
    assert accuracy(clf, ds.images, ds.labels) >= 0.9
    ref = Reference("tiny", ds.class_names, ds.images, ds.labels, ds.images[:4], ds.labels[:4],
                    calibrate_copy_threshold(ds.images[:4], ds.images[4:]))
    q = batch_quality(ds.images[:3], [int(x) for x in ds.labels[:3]], ref, clf)
    assert q.copy.n_flagged == 3 and len(q.confidence) == 3 and q.class_agreement >= 2 / 3
    fig = histogram_figure(ds.images, ds.images[:3])
    assert len(fig.data) == 2


def test_batch_panel_adds_feature_and_ssim_copy_check(tiny_folder, settings):
    from medcore.imaging.classifier import Classifier, train_classifier
    from medcore.imaging.copies import feature_reference
    from medcore.imaging.datasets import import_folder
    from medcore.imaging.quality import Reference, batch_quality

    ds = import_folder(tiny_folder, 16, settings)
    clf = Classifier(train_classifier(ds.images, ds.labels, 2, epochs=2, batch=8)[0], ds.class_names, {})
    train, held = ds.images[6:], ds.images[:6]
    ref = Reference("tiny", ds.class_names, train, ds.labels[6:], held, ds.labels[:6],
                    calibrate_copy_threshold(held, train))
    fref = feature_reference(clf, train, held)
    gen = np.concatenate([train[:2], 255 - train[2:4]])  # two memorised, two inverted (not copies)
    q = batch_quality(gen, [int(x) for x in ds.labels[6:10]], ref, clf, fref)
    assert q.deep is not None and q.deep.by_ssim[:2] == [True, True] and q.deep.ssim_nearest[:2] == [0, 1]
    assert q.flagged[:2] == [True, True] and not any(q.deep.by_ssim[2:])
    assert batch_quality(gen, None, ref, clf).deep is None
