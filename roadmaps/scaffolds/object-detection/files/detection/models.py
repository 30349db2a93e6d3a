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


def pretrained_detector(arch: str = "mobilenet") -> FasterRCNN:
    """COCO-pretrained detector (downloads weights once into ~/.cache/torch)."""
    builder, weights = ARCHS[arch]
    return builder(weights=weights).eval()


def custom_detector(num_classes: int = len(CUSTOM_CLASSES), arch: str = "mobilenet",
                    pretrained: bool = True) -> FasterRCNN:
    """Faster R-CNN whose box predictor outputs ``num_classes`` classes (background included).

    With ``pretrained=True`` the COCO weights are loaded and only the final classification /
    box-regression layer is replaced: this is transfer learning for detection. With
    ``pretrained=False`` nothing is downloaded (useful for tests and smoke runs).
    """
    builder, weights = ARCHS[arch]
    if not pretrained:
        return builder(weights=None, weights_backbone=None, num_classes=num_classes)
    model = builder(weights=weights)
    in_features = model.roi_heads.box_predictor.cls_score.in_features
    model.roi_heads.box_predictor = FastRCNNPredictor(in_features, num_classes)
    return model


# TODO: freeze the backbone for the first epochs (`for p in model.backbone.parameters():
#       p.requires_grad = False`) and compare training speed and mAP with full fine-tuning.
