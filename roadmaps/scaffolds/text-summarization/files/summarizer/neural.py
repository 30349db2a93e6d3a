"""Transformer-based summarizers (need `transformers` + `torch` and a one-off model download).

- ``abstractive_summary``: a sequence-to-sequence model writes new sentences (t5-small by default;
  ``sshleifer/distilbart-cnn-12-6`` is better but ~1.2 GB).
- ``bert_extractive_summary``: BERT sentence embeddings + the same centroid scoring as TF-IDF.

Imports of transformers/torch happen inside the functions, so the rest of the package (and the
tests) work without them. Models are cached in ~/.cache/huggingface after the first download.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from .extractive import centroid_scores, select_sentences
from .text import split_sentences

DEFAULT_MODEL = "{{abstractiveModel}}"
BERT_MODEL = "distilbert-base-uncased"

SummarizeFn = Callable[..., list[dict]]  # what a transformers summarization pipeline looks like


@lru_cache(maxsize=2)
def get_summarization_pipeline(model_name: str = DEFAULT_MODEL) -> SummarizeFn:
    from transformers import pipeline  # lazy: heavy import, may download weights

    return pipeline("summarization", model=model_name, device=-1)  # device=0 for the first GPU


def chunk_sentences(text: str, max_words: int = 350) -> list[str]:
    """Group sentences into chunks of at most ~max_words words (models have an input limit)."""
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in split_sentences(text):
        words = len(sentence.split())
        if current and count + words > max_words:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += words
    if current:
        chunks.append(" ".join(current))
    return chunks


def abstractive_summary(text: str, max_length: int = 80, min_length: int = 20,
                        pipe: SummarizeFn | None = None, model_name: str = DEFAULT_MODEL) -> str:
    """Summarise each chunk with a seq2seq model and join the pieces.

    Pass ``pipe`` to use an already-built pipeline (or a fake one in tests).
    """
    pipe = pipe or get_summarization_pipeline(model_name)
    pieces = []
    for chunk in chunk_sentences(text):
        out = pipe(chunk, max_length=max_length, min_length=min(min_length, max_length - 1),
                   do_sample=False, truncation=True)
        pieces.append(out[0]["summary_text"].strip())
    return " ".join(pieces)


@lru_cache(maxsize=1)
def _bert(model_name: str = BERT_MODEL):
    from transformers import AutoModel, AutoTokenizer

    return AutoTokenizer.from_pretrained(model_name), AutoModel.from_pretrained(model_name).eval()


def bert_sentence_embeddings(sentences: list[str], model_name: str = BERT_MODEL) -> np.ndarray:
    """Mean-pooled last hidden states, one row per sentence."""
    import torch

    tokenizer, model = _bert(model_name)
    batch = tokenizer(sentences, padding=True, truncation=True, max_length=128, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state                  # (n, tokens, dim)
    mask = batch["attention_mask"].unsqueeze(-1).float()
    return ((hidden * mask).sum(1) / mask.sum(1)).numpy()


def bert_extractive_summary(text: str, n: int = 3,
                            embed: Callable[[list[str]], np.ndarray] = bert_sentence_embeddings) -> str:
    """Pick the n sentences closest to the document's mean BERT embedding."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    return select_sentences(sentences, centroid_scores(embed(sentences)), min(n, len(sentences)))


# TODO: fine-tune t5-small on a summarization data set (e.g. `datasets.load_dataset("cnn_dailymail",
#       "3.0.0")`, or "xsum"), starting from a few thousand examples with `Seq2SeqTrainer`, and
#       compare ROUGE before and after. This one really wants a GPU.
