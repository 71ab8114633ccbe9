"""Session 27 wrapper of the shared own-sentence scorer (docs/evals/_tools/records_sentences.py), counting every
assertion (as session 26b's): `MEDCORE_LLM_BACKEND=template PYTHONPATH=. .venv/bin/python
docs/evals/records-s27/score_sentences.py --dir docs/evals/records-s27 --list holdout --out F.json`."""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _tool():
    spec = importlib.util.spec_from_file_location("records_sentences", HERE.parent / "_tools" / "records_sentences.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


if __name__ == "__main__":
    sys.exit(_tool().main(folder=HERE, any_assertion=True))
