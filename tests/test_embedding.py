"""Embedders: the shipped static model against model2vec, the ONNX MiniLM, the registry."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from guidecite.embedding import EMBEDDERS, STATIC_MODEL, Embedder, get_embedder, load_minilm_onnx
from guidecite.errors import ConfigError, ModelError

SENTENCES = [
    "Metformin is the first-line drug for type 2 diabetes.",
    "What is the first choice of medication for adults with type 2 diabetes?",
    "The bridge over the river was painted red in 1932.",
    "aspirin " * 400 + "warfarin " * 400,  # model2vec cuts it to 3,072 characters: aspirin only
]

# model2vec 0.10.0, StaticModel.from_pretrained(<models/minilm-static-256>).encode(SENTENCES):
# the first 12 components of each vector, and the cosines between them.
MODEL2VEC_HEADS = np.array(
    [
        [-0.1272, -0.2988, 0.0175, -0.0859, -0.0473, -0.1582, -0.1318, -0.1252, -0.0376, -0.0677,
         -0.0990, -0.0362],
        [-0.1658, -0.3298, -0.0877, -0.0423, -0.0052, -0.2534, -0.1575, -0.0119, -0.1598, -0.0070,
         -0.1414, -0.0698],
        [-0.2098, -0.0473, 0.1591, -0.1962, -0.1854, -0.0114, -0.0054, -0.0225, 0.0319, 0.0619,
         0.0257, -0.0423],
        [0.3215, -0.0602, 0.0183, 0.0207, -0.0390, 0.0104, -0.1620, -0.1741, -0.0018, -0.1296,
         -0.0250, 0.0002],
    ]
)  # fmt: skip
MODEL2VEC_COSINES = np.array(
    [
        [1.0, 0.7197, 0.2056, 0.1224],
        [0.7197, 1.0, 0.1605, 0.1137],
        [0.2056, 0.1605, 1.0, -0.1073],
        [0.1224, 0.1137, -0.1073, 1.0],
    ]
)

# sentence-transformers 6.2.0 running the float32 all-MiniLM-L6-v2 (max_seq_length 256) on
# the first three sentences: 8 leading components and the cosines.
MINILM_HEADS = np.array(
    [
        [-0.0511, -0.0295, -0.0516, 0.0542, -0.0842, -0.0012, -0.0040, 0.1036],
        [0.0210, 0.0014, -0.0168, 0.0581, -0.0684, -0.0402, 0.0235, 0.0931],
        [-0.0049, 0.0745, -0.0662, 0.0516, 0.0054, 0.0683, 0.0069, 0.0427],
    ]
)
MINILM_COSINES = np.array([[1.0, 0.5726, -0.0198], [0.5726, 1.0, 0.0102], [-0.0198, 0.0102, 1.0]])


@pytest.fixture(scope="module")
def static() -> Embedder:
    return get_embedder("static")


@pytest.fixture(scope="module")
def onnx() -> Embedder:
    pytest.importorskip("onnxruntime", reason="minilm-onnx needs the onnx extra")
    return get_embedder("minilm-onnx")


def test_static_is_the_default_and_loads_from_the_package(static: Embedder) -> None:
    assert get_embedder().name == "static"
    assert (static.name, static.dim) == ("static", 256)
    assert (STATIC_MODEL / "model.safetensors").is_file()


def test_static_gives_unit_float32_rows_and_zero_for_empty_text(static: Embedder) -> None:
    vectors = static.embed([*SENTENCES, ""])
    assert vectors.shape == (5, 256) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors[:4], axis=1), 1.0, rtol=1e-5)
    assert not vectors[4].any()
    assert static.embed([]).shape == (0, 256)


def test_static_matches_model2vec(static: Embedder) -> None:
    vectors = static.embed(SENTENCES)
    np.testing.assert_allclose(vectors[:, :12], MODEL2VEC_HEADS, atol=2e-3)
    np.testing.assert_allclose(vectors @ vectors.T, MODEL2VEC_COSINES, atol=2e-3)


def test_static_drops_unknown_tokens_like_model2vec(static: Embedder) -> None:
    with_unknown, plain = static.embed(["🙂 metformin", "metformin"])
    assert float(with_unknown @ plain) > 0.9999


def test_static_ranks_a_paraphrase_above_an_unrelated_sentence(static: Embedder) -> None:
    claim, paraphrase, unrelated = static.embed(SENTENCES[:3])
    assert claim @ paraphrase > claim @ unrelated + 0.3


def test_static_loads_a_model2vec_folder_by_path(static: Embedder) -> None:
    by_path = get_embedder("static", STATIC_MODEL)
    np.testing.assert_array_equal(by_path.embed(SENTENCES), static.embed(SENTENCES))


def test_unknown_embedder_name_lists_the_choices() -> None:
    with pytest.raises(ConfigError) as caught:
        get_embedder("word2vec")
    for name in EMBEDDERS:
        assert name in str(caught.value)


def test_missing_static_model_folder_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="model.safetensors"):
        get_embedder("static", tmp_path / "nowhere")


def test_corrupt_static_model_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"not a safetensors file")
    (tmp_path / "tokenizer.json").write_bytes((STATIC_MODEL / "tokenizer.json").read_bytes())
    with pytest.raises(ModelError, match="cannot read"):
        get_embedder("static", tmp_path)


def test_missing_onnx_model_is_a_model_error(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime", reason="minilm-onnx needs the onnx extra")
    with pytest.raises(ModelError, match="no ONNX model"):
        get_embedder("minilm-onnx", tmp_path / "model.onnx")


def test_minilm_onnx_matches_sentence_transformers(onnx: Embedder) -> None:
    vectors = onnx.embed(SENTENCES[:3])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(vectors[:, :8], MINILM_HEADS, atol=5e-3)
    np.testing.assert_allclose(vectors @ vectors.T, MINILM_COSINES, atol=1e-2)


def test_minilm_onnx_keeps_input_order_across_batches(onnx: Embedder) -> None:
    texts = [f"{'long ' * (i % 7)}passage number {i}" for i in range(40)]
    together = onnx.embed(texts)
    alone = np.vstack([onnx.embed([text]) for text in texts[::13]])
    np.testing.assert_allclose(together[::13], alone, atol=1e-5)


def test_hash_embedder_is_deterministic_and_word_based() -> None:
    fake = get_embedder("hash")
    a, b, c = fake.embed(["Stage II colon cancer", "colon cancer, stage ii", "asthma"])
    assert fake.dim == 256
    np.testing.assert_allclose(a, b)
    assert float(a @ c) < 0.5
    np.testing.assert_array_equal(fake.embed(["asthma"])[0], c)


class _Batches:
    """An ONNX session that records how many texts each run reads, and runs the real one."""

    def __init__(self, session) -> None:
        self.session = session
        self.sizes: list[int] = []

    def run(self, outputs, feeds):
        self.sizes.append(len(feeds["input_ids"]))
        return self.session.run(outputs, feeds)


def test_minilm_onnx_reads_texts_in_batches_of_the_size_asked_and_the_vectors_stay() -> None:
    pytest.importorskip("onnxruntime", reason="minilm-onnx needs the onnx extra")
    texts = [f"{'long ' * (i % 7)}statement number {i}" for i in range(17)]
    whole = load_minilm_onnx(max_tokens=64, threads=1)
    model = load_minilm_onnx(max_tokens=64, threads=1, batch=8)
    recorded = _Batches(model.session)
    model.session = recorded
    np.testing.assert_allclose(model.embed(texts), whole.embed(texts), atol=1e-5)
    assert recorded.sizes == [8, 8, 1]
