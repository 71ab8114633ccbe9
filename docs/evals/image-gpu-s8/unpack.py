"""Rebuild the Br35H 128 px dataset cache (bit-identical to the local one) from the carried lzma blob."""
import lzma, os, sys
from pathlib import Path
import numpy as np
src = Path(__file__).parent
meta = np.load(src / "br35h128-meta.npz", allow_pickle=False)
shape = tuple(int(v) for v in meta["shape"])
images = np.frombuffer(lzma.decompress((src / "br35h128.xz").read_bytes()), dtype=np.uint8).reshape(shape)
dest = Path(os.environ["MEDCORE_DATA_DIR"]) / "imaging" / "datasets" / sys.argv[1]
dest.parent.mkdir(parents=True, exist_ok=True)
np.savez(dest, images=images, **{k: meta[k] for k in meta.files if k != "shape"})
print("dataset cache", dest, images.shape)
