"""``python -m detection {detect,video,haar,train}`` (see ``--help``)."""
from __future__ import annotations

import argparse
from pathlib import Path

import cv2
import torch

from . import infer, models, train


def _load_model(args) -> tuple[torch.nn.Module, list[str]]:
    if args.weights:  # your fine-tuned model
        model = models.custom_detector(len(models.CUSTOM_CLASSES), args.arch, pretrained=False)
        model.load_state_dict(torch.load(args.weights, map_location="cpu", weights_only=True))
        return model.eval(), models.CUSTOM_CLASSES
    return models.pretrained_detector(args.arch), models.COCO_CLASSES


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="detection", description="Faster R-CNN and Haar detection")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("detect", "video"):
        p = sub.add_parser(name, help=f"{name} with Faster R-CNN (COCO, or your --weights)")
        p.add_argument("--arch", default="mobilenet", choices=list(models.ARCHS))
        p.add_argument("--weights", help="state_dict saved by `train` (default: COCO-pretrained)")
        p.add_argument("--threshold", type=float, default=0.5)
    sub.choices["detect"].add_argument("--image", required=True)
    sub.choices["video"].add_argument("--source", default="synthetic", help="'synthetic', webcam index or file")
    sub.choices["video"].add_argument("--every", type=int, default=1, help="detect on every n-th frame")
    h = sub.add_parser("haar", help="face detection with OpenCV's bundled Haar cascade")
    h.add_argument("--image", required=True)
    t = sub.add_parser("train", help="fine-tune on 'synthetic' or a VOC folder (images/ + annotations/)")
    t.add_argument("--data", default="synthetic")
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--batch-size", type=int, default=4)
    t.add_argument("--arch", default="mobilenet", choices=list(models.ARCHS))
    t.add_argument("--pretrained", action="store_true", help="start from COCO weights (downloads)")
    args = parser.parse_args(argv)

    Path("outputs").mkdir(exist_ok=True)
    try:
        _run(parser, args)
    except models.WeightsUnavailable as err:
        parser.exit(1, f"{err}\n")


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.command == "detect":
        image = cv2.imread(args.image)
        if image is None:
            parser.error(f"cannot read {args.image}")
        model, names = _load_model(args)
        dets = infer.detect(model, image, names, args.threshold)
        for d in dets:
            print(f"{d.label:<15} {d.score:.2f} {d.box}")
        cv2.imwrite("outputs/detections.png", infer.draw_detections(image, dets))
        print("-> outputs/detections.png")
    elif args.command == "video":
        model, names = _load_model(args)
        n = infer.process_video(args.source, lambda f: infer.detect(model, f, names, args.threshold),
                                every_n=args.every)
        print(f"{n} frames -> outputs/detections.mp4")
    elif args.command == "haar":
        image = cv2.imread(args.image)
        if image is None:
            parser.error(f"cannot read {args.image}")
        faces = infer.detect_faces(image)
        dets = [infer.Detection(box, "face", 1.0) for box in faces]
        cv2.imwrite("outputs/faces.png", infer.draw_detections(image, dets))
        print(f"{len(faces)} faces -> outputs/faces.png")
    else:
        train.fit(args.data, args.epochs, args.batch_size, pretrained=args.pretrained, arch=args.arch)


if __name__ == "__main__":
    main()
