"""Build torchvision Faster R-CNN detectors: COCO-pretrained, or with a new head for your classes."""
from __future__ import annotations

import torchvision
from torchvision.models.detection import (
    FasterRCNN,
    FasterRCNN_MobileNet_V3_Large_320_FPN_Weights,
    FasterRCNN_ResNet50_FPN_Weights,
)
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor

CUSTOM_CLASSES = ["__background__"] + [c.strip() for c in "{{classNames}}".split(",") if c.strip()]
COCO_CLASSES: list[str] = list(FasterRCNN_MobileNet_V3_Large_320_FPN_Weights.DEFAULT.meta["categories"])

ARCHS = {
    # fast on a CPU, lower accuracy; images are resized to 320 px
    "mobilenet": (torchvision.models.detection.fasterrcnn_mobilenet_v3_large_320_fpn,
                  FasterRCNN_MobileNet_V3_Large_320_FPN_Weights.DEFAULT),
    # the classic Faster R-CNN; slow on a CPU, better boxes
    "resnet50": (torchvision.models.detection.fasterrcnn_resnet50_fpn,
                 FasterRCNN_ResNet50_FPN_Weights.DEFAULT),
}


class WeightsUnavailable(RuntimeError):
    """The COCO-pretrained weights are neither cached nor downloadable (offline, blocked mirror)."""


def _with_coco_weights(arch: str) -> FasterRCNN:
    builder, weights = ARCHS[arch]
    try:
        return builder(weights=weights)
    except Exception as err:  # noqa: BLE001 - no network, blocked mirror, broken cache file...
        raise WeightsUnavailable(
            f"Could not load the COCO-pretrained {arch} weights ({err.__class__.__name__}: {err}).\n"
            "They are downloaded once into ~/.cache/torch: connect to the internet and run the command "
            "again, or use your own model with --weights models/detector.pt (made by `python -m detection train`)."
        ) from err


def pretrained_detector(arch: str = "mobilenet") -> FasterRCNN:
    """COCO-pretrained detector (downloads weights once into ~/.cache/torch; WeightsUnavailable if it cannot)."""
    return _with_coco_weights(arch).eval()


def custom_detector(num_classes: int = len(CUSTOM_CLASSES), arch: str = "mobilenet",
                    pretrained: bool = True) -> FasterRCNN:
    """Faster R-CNN whose box predictor outputs ``num_classes`` classes (background included).

    With ``pretrained=True`` the COCO weights are loaded and only the final classification /
    box-regression layer is replaced: this is transfer learning for detection. With
    ``pretrained=False`` nothing is downloaded (useful for tests and smoke runs).
    """
    if not pretrained:
        builder, _ = ARCHS[arch]
        return builder(weights=None, weights_backbone=None, num_classes=num_classes)
    model = _with_coco_weights(arch)
    in_features = model.roi_heads.box_predictor.cls_score.in_features
    model.roi_heads.box_predictor = FastRCNNPredictor(in_features, num_classes)
    return model


# TODO: freeze the backbone for the first epochs and compare training speed and mAP with full
#       fine-tuning: write set_backbone_frozen (below) and give train.fit a
#       `freeze_backbone_epochs=0` argument: the backbone stays frozen for that many first epochs,
#       then trains too (so the optimizer must hold its parameters from the start); with 0, fit
#       leaves requires_grad as the model has it.


def set_backbone_frozen(model: FasterRCNN, frozen: bool = True) -> FasterRCNN:
    """Stop (``frozen=True``) or restart (``False``) training ``model.backbone``; the region proposal
    network and the box heads always stay trainable. Returns the model."""
    raise NotImplementedError("set_backbone_frozen: switch requires_grad of the backbone's parameters")
