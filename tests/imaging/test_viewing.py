import numpy as np

from medcore.imaging.viewing import window_level, zoom


def test_window_level_stretches_the_window_and_clips_outside():
    img = np.array([[0, 100, 128, 156, 255]], dtype=np.uint8)
    out = window_level(img, center=128, width=56)
    assert out.tolist() == [[0, 0, 127, 255, 255]]  # 28 of 56 -> 127.5, rounded to even
    assert np.abs(window_level(img, 128, 256).astype(int) - img).max() <= 1  # the full range: nearly unchanged


def test_zoom_keeps_pixels_as_blocks():
    img = np.array([[1, 2], [3, 4]], dtype=np.uint8)
    z = zoom(img, 3)
    assert z.shape == (6, 6) and (z[:3, :3] == 1).all() and (z[3:, 3:] == 4).all()
