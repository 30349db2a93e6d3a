"""Command line entry: ``python -m cvbasics <command>`` (see ``--help``)."""
from __future__ import annotations

import argparse
from pathlib import Path

import cv2
import numpy as np

from . import basics, features, preprocess, tracker


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="cvbasics", description="OpenCV basics: edges, CNN preprocessing, tracking")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("edges", help="write blur / threshold / Canny / contour / ORB images to outputs/")
    p.add_argument("--image", help="an image file (default: a synthetic sample)")

    p = sub.add_parser("preprocess", help="preprocess an image for a CNN and report the tensor")
    p.add_argument("--image")
    p.add_argument("--size", type=int, default=preprocess.DEFAULT_SIZE)

    p = sub.add_parser("track", help="run the centroid tracker")
    p.add_argument("--source", default="synthetic", help="'synthetic', a webcam index like 0, or a video path")
    p.add_argument("--max-frames", type=int, default=200)
    p.add_argument("--output", default="outputs/tracked.mp4")
    p.add_argument("--show", action="store_true", help="open a window (needs opencv-python, not -headless)")

    args = parser.parse_args(argv)
    if args.command == "edges":
        img = basics.load_image(args.image)
        basics.save_image(img, "outputs/00_input.png")
        basics.save_image(features.blur(img, "gaussian"), "outputs/01_blur.png")
        binary = features.threshold(img, "otsu")
        basics.save_image(binary, "outputs/02_otsu.png")
        basics.save_image(features.canny(img), "outputs/03_canny.png")
        infos = features.find_contours(binary)
        basics.save_image(features.draw_contours(img, infos), "outputs/04_contours.png")
        kps, _ = features.orb_features(img)
        basics.save_image(cv2.drawKeypoints(img, kps, None, color=(0, 255, 0)), "outputs/05_orb.png")
        print(f"{len(infos)} contours, {len(kps)} ORB keypoints -> outputs/")
    elif args.command == "preprocess":
        x = preprocess.preprocess_for_cnn(basics.load_image(args.image), args.size)
        print(f"shape={x.shape} dtype={x.dtype} mean={x.mean():.3f} std={x.std():.3f}")
        Path("outputs").mkdir(exist_ok=True)
        np.save("outputs/preprocessed.npy", x)
    elif args.command == "track":
        tracker.run_tracker(args.source, args.max_frames, args.output, args.show)


if __name__ == "__main__":
    main()
