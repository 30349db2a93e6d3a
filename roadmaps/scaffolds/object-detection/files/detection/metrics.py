"""Box IoU and a simple (VOC-style, all-point) mean average precision."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU between every box in ``a`` (N, 4) and ``b`` (M, 4), boxes as x1, y1, x2, y2 -> (N, M)."""
    a, b = np.asarray(a, float).reshape(-1, 4), np.asarray(b, float).reshape(-1, 4)
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def average_precision(predictions: Sequence[dict], targets: Sequence[dict], label: int,
                      iou_threshold: float = 0.5) -> float:
    """AP for one class over a data set.

    ``predictions[i]`` has "boxes", "scores", "labels" for image i; ``targets[i]`` has "boxes", "labels".
    Detections are sorted by score; each matches at most one unmatched ground-truth box with
    IoU >= threshold (true positive), otherwise it is a false positive. AP is the area under the
    precision-recall curve with precision made monotonically decreasing (all-point interpolation).
    """
    records = []  # (score, is_true_positive)
    n_gt = 0
    for pred, tgt in zip(predictions, targets):
        gt = np.asarray(tgt["boxes"], float).reshape(-1, 4)[np.asarray(tgt["labels"]) == label]
        n_gt += len(gt)
        keep = np.asarray(pred["labels"]) == label
        boxes = np.asarray(pred["boxes"], float).reshape(-1, 4)[keep]
        scores = np.asarray(pred["scores"], float)[keep]
        matched = np.zeros(len(gt), bool)
        ious = box_iou(boxes, gt) if len(gt) else np.zeros((len(boxes), 0))
        for i in np.argsort(-scores):
            j = int(ious[i].argmax()) if ious.shape[1] else -1
            hit = j >= 0 and ious[i, j] >= iou_threshold and not matched[j]
            if hit:
                matched[j] = True
            records.append((scores[i], hit))
    if n_gt == 0:
        return float("nan")
    if not records:
        return 0.0
    records.sort(key=lambda r: -r[0])
    tp = np.cumsum([r[1] for r in records])
    fp = np.cumsum([not r[1] for r in records])
    recall = tp / n_gt
    precision = tp / (tp + fp)
    # Make precision non-increasing, then integrate over recall steps.
    mrec = np.concatenate([[0.0], recall, [1.0]])
    mpre = np.concatenate([[1.0], precision, [0.0]])
    mpre = np.maximum.accumulate(mpre[::-1])[::-1]
    steps = np.where(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[steps + 1] - mrec[steps]) * mpre[steps + 1]))


def mean_average_precision(predictions: Sequence[dict], targets: Sequence[dict], labels: Sequence[int],
                           iou_threshold: float = 0.5) -> dict[str, float]:
    """mAP@IoU over ``labels`` (classes without ground truth are ignored), plus per-class AP."""
    per_class = {int(c): average_precision(predictions, targets, int(c), iou_threshold) for c in labels}
    valid = [ap for ap in per_class.values() if not np.isnan(ap)]
    return {"mAP": float(np.mean(valid)) if valid else 0.0, **{f"AP_{c}": ap for c, ap in per_class.items()}}


def coco_map(predictions: Sequence[dict], targets: Sequence[dict], labels: Sequence[int]) -> float:
    """COCO-style mAP@[.5:.95]: the mean of ``mean_average_precision(...)["mAP"]`` over the IoU
    thresholds 0.50, 0.55, ..., 0.95. Compare it with torchmetrics' MeanAveragePrecision."""
    # TODO: average mean_average_precision over the ten thresholds.
    raise NotImplementedError("coco_map: average mAP over IoU thresholds 0.50 to 0.95")
