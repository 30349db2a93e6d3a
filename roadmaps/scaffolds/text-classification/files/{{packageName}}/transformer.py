"""OPTIONAL: fine-tune DistilBERT on the same CSV and compare it with the TF-IDF baseline.

Needs ``pip install -r requirements-transformers.txt`` and network access the first time (the
model, ~260 MB, is downloaded from the Hugging Face Hub). Runs on CPU, slowly: start with a few
hundred texts and 1 epoch. Nothing else in the project imports this module.

Run: ``python -m <package>.transformer --data data/sample_sentiment.csv --epochs 1``
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence

from .data import SAMPLE_SENTIMENT, load_dataset

MODEL_NAME = "distilbert-base-uncased"


def fine_tune(data_path: str = str(SAMPLE_SENTIMENT), epochs: int = 1, output_dir: str = "models/distilbert",
              max_length: int = 128, seed: int = 42) -> dict[str, float]:
    """Tokenise, fine-tune with ``transformers.Trainer`` and return the evaluation metrics."""
    try:
        import numpy as np
        from datasets import Dataset
        from transformers import (AutoModelForSequenceClassification, AutoTokenizer, Trainer,
                                  TrainingArguments)
    except ImportError as exc:
        raise SystemExit(f"{exc}. Install the optional extras: pip install -r requirements-transformers.txt") from exc

    frame = load_dataset(data_path)
    labels = sorted(frame["label"].unique())
    label2id = {name: i for i, name in enumerate(labels)}
    frame = frame.assign(label=frame["label"].map(label2id))
    # Note: raw text goes in — DistilBERT's own tokenizer replaces our cleaning, and stopwords matter to it.
    splits = Dataset.from_pandas(frame, preserve_index=False).train_test_split(test_size=0.25, seed=seed)

    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    encoded = splits.map(lambda batch: tokenizer(batch["text"], truncation=True, max_length=max_length), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME, num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=label2id
    )

    def compute_metrics(eval_pred):
        logits, gold = eval_pred
        return {"accuracy": float((np.argmax(logits, axis=-1) == gold).mean())}

    args = TrainingArguments(output_dir=output_dir, num_train_epochs=epochs, per_device_train_batch_size=8,
                             per_device_eval_batch_size=16, learning_rate=5e-5, eval_strategy="epoch",
                             save_strategy="no", logging_steps=10, seed=seed, report_to=[])
    trainer = Trainer(model=model, args=args, train_dataset=encoded["train"], eval_dataset=encoded["test"],
                      processing_class=tokenizer, compute_metrics=compute_metrics)
    trainer.train()
    # TODO: add macro F1 to compute_metrics so the numbers are comparable with the baseline's report,
    #       then save the model with trainer.save_model() and load it with pipeline("text-classification").
    return trainer.evaluate()


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Fine-tune DistilBERT (optional extra).")
    p.add_argument("--data", default=str(SAMPLE_SENTIMENT))
    p.add_argument("--epochs", type=int, default=1)
    args = p.parse_args(argv)
    print(fine_tune(args.data, epochs=args.epochs))


if __name__ == "__main__":
    main()
