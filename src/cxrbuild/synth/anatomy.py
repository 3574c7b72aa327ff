"""Chest-like radiographs drawn with numpy: body, lung fields, mediastinum, spine, ribs, noise.

Nothing here is meant to be diagnostic; the images only need to look and
behave like chest films for the pixel stages (large smooth dark lung fields,
bright mediastinum and bone, air outside the body in the corners, noise), and
to differ from each other. Every anatomical parameter is drawn from the
image's own seeded generator, so each image is different and reproducible.
Values are *displayed* brightness in [0, 1] (bright = dense), i.e. the
MONOCHROME2 sense; the DICOM writer inverts them for MONOCHROME1.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

# Anatomy is drawn on a grid of at most this many rows and upsampled:
# the structures are smooth, so full resolution would only cost time.
MAX_DRAW_ROWS = 640


def _soft_ellipse(yy: np.ndarray, xx: np.ndarray, cy: float, cx: float, ry: float, rx: float, edge: float) -> np.ndarray:
    """1 inside the ellipse, 0 outside, with a smooth edge of relative width ``edge``."""
    r = np.sqrt(((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2)
    return np.clip((1.0 + edge - r) / (2 * edge), 0.0, 1.0)


def _frontal(rng: np.random.Generator, yy: np.ndarray, xx: np.ndarray) -> np.ndarray:
    u = rng.uniform
    shift = u(-0.06, 0.06)
    x = xx - shift
    body = _soft_ellipse(yy, x, u(0.6, 0.7), 0.0, u(0.55, 0.7), u(0.78, 0.95), 0.05)
    neck = _soft_ellipse(yy, x, 0.02, 0.0, 0.2, u(0.16, 0.22), 0.1)
    image = 0.04 + 0.42 * np.maximum(body, neck)
    lung_top = u(0.14, 0.2)
    lung_bottom = u(0.68, 0.78)
    cy = (lung_top + lung_bottom) / 2
    ry = (lung_bottom - lung_top) / 2
    lungs = np.zeros_like(image)
    for side in (-1.0, 1.0):
        cx = side * u(0.33, 0.42)
        lungs = np.maximum(lungs, _soft_ellipse(yy, x, cy, cx, ry, u(0.24, 0.3), 0.12))
    image -= u(0.22, 0.3) * lungs
    # ribs: curved bands that sag towards the sides, visible over the lungs
    spacing = u(0.055, 0.07)
    width = u(0.008, 0.014)
    ribs = np.zeros_like(image)
    for k in range(11):
        for side in (-1.0, 1.0):
            curve = lung_top - 0.05 + k * spacing + u(0.1, 0.2) * (x * side) ** 2
            band = np.exp(-(((yy - curve) / width) ** 2)) * (x * side > 0.02)
            ribs = np.maximum(ribs, band)
    image += u(0.07, 0.12) * ribs * (0.4 + 0.6 * lungs) * body
    # clavicles
    for side in (-1.0, 1.0):
        curve = lung_top + 0.02 - 0.08 * (x * side - 0.25)
        clav = np.exp(-(((yy - curve) / 0.014) ** 2)) * ((x * side > 0.05) & (x * side < 0.55))
        image += 0.12 * clav * body
    # vascular markings: fine branching-like texture inside the lungs, denser at the hila
    vessels = ndimage.gaussian_filter(rng.standard_normal(yy.shape).astype(np.float32), 4.0)
    vessels /= vessels.std() + 1e-6
    hilum = np.exp(-((np.abs(x) - 0.2) ** 2 + (yy - cy) ** 2) / 0.08)
    image += u(0.01, 0.02) * np.clip(vessels, 0, None) * lungs * (0.5 + hilum)
    # mediastinum and heart
    heart_cx = u(0.04, 0.14)
    heart = _soft_ellipse(yy, x, u(0.58, 0.66), heart_cx, u(0.12, 0.17), u(0.22, 0.32), 0.15)
    mediastinum = _soft_ellipse(yy, x, 0.38, 0.0, 0.3, u(0.09, 0.13), 0.2)
    image += 0.3 * np.maximum(heart, mediastinum) * np.maximum(lungs, 0.5)
    # spine with vertebral bodies
    spine = np.exp(-((x / u(0.05, 0.07)) ** 2))
    vertebrae = 0.75 + 0.25 * np.sin(yy * u(55, 70) + u(0, 6.28))
    image += 0.16 * spine * vertebrae * body
    # diaphragm domes (soft tissue below the lungs)
    for side in (-1.0, 1.0):
        dome = lung_bottom - 0.02 + 0.25 * (x * side - 0.35) ** 2 + (0.03 if side > 0 else 0.0)
        image += 0.1 * (yy > dome) * (x * side > 0) * body
    _devices(rng, image, yy, x, cy)
    return image


def _devices(rng: np.random.Generator, image: np.ndarray, yy: np.ndarray, x: np.ndarray, cy: float) -> None:
    """Lines, tubes and a pacemaker now and then: bright, sharp-edged objects that are not text."""
    u = rng.uniform
    if rng.random() < 0.35:  # a central line or tube: a thin bright curve from the neck or a shoulder
        start_x = u(-0.5, 0.5)
        curve_x = start_x + (0.0 - start_x) * np.clip(yy / u(0.4, 0.6), 0, 1) ** 0.7
        width = u(0.004, 0.008)
        tube = np.exp(-(((x - curve_x) / width) ** 2)) * (yy < u(0.35, 0.55))
        image += u(0.2, 0.4) * tube
    if rng.random() < 0.12:  # a pacemaker generator below a clavicle, with its lead
        side = rng.choice([-1.0, 1.0])
        box = (np.abs(x - side * u(0.4, 0.55)) < 0.07) & (np.abs(yy - u(0.2, 0.26)) < 0.04)
        image += 0.6 * box
    if rng.random() < 0.2:  # ECG electrodes: small bright discs
        for _ in range(int(rng.integers(2, 5))):
            disc = (x - u(-0.7, 0.7)) ** 2 + (yy - u(0.2, cy + 0.3)) ** 2 < 0.0006
            image += 0.3 * disc


def _lateral(rng: np.random.Generator, yy: np.ndarray, xx: np.ndarray) -> np.ndarray:
    u = rng.uniform
    x = xx - u(-0.05, 0.05)
    body = _soft_ellipse(yy, x, u(0.55, 0.65), 0.0, u(0.6, 0.7), u(0.62, 0.75), 0.05)
    image = 0.04 + 0.45 * body
    lung = _soft_ellipse(yy, x, u(0.45, 0.5), u(-0.02, 0.06), u(0.3, 0.36), u(0.4, 0.48), 0.15)
    image -= u(0.2, 0.28) * lung
    spine_x = u(0.42, 0.52)
    spine = np.exp(-(((x - spine_x) / u(0.06, 0.08)) ** 2))
    vertebrae = 0.7 + 0.3 * np.sin(yy * u(55, 70) + u(0, 6.28))
    image += 0.2 * spine * vertebrae * body
    heart = _soft_ellipse(yy, x, u(0.6, 0.66), u(-0.25, -0.15), u(0.14, 0.18), u(0.18, 0.24), 0.2)
    image += 0.18 * heart
    sternum = np.exp(-(((x + u(0.5, 0.58)) / 0.03) ** 2)) * (yy > 0.2) * (yy < 0.7)
    image += 0.1 * sternum
    # arms raised in front: a soft band at the top
    image += 0.08 * _soft_ellipse(yy, x, 0.1, -0.2, 0.12, 0.5, 0.3)
    return image


def chest_image(rng: np.random.Generator, rows: int, columns: int, view: str) -> np.ndarray:
    """A chest-like radiograph, float32 display brightness in [0, 1], shape (rows, columns)."""
    scale = max(1, int(np.ceil(rows / MAX_DRAW_ROWS)))
    draw_rows, draw_cols = -(-rows // scale), -(-columns // scale)
    yy, xx = np.meshgrid(
        np.linspace(0.0, 1.0, draw_rows, dtype=np.float32),
        np.linspace(-1.0, 1.0, draw_cols, dtype=np.float32) * (columns / rows),
        indexing="ij",
    )
    image = (_lateral if view == "LAT" else _frontal)(rng, yy, xx)
    # structured low-frequency mottling, different in every image
    mottle = ndimage.gaussian_filter(rng.standard_normal((draw_rows, draw_cols)).astype(np.float32), 6)
    image += 0.25 * mottle
    image = ndimage.gaussian_filter(image, 1.2)
    if scale > 1:
        image = ndimage.zoom(image, scale, order=1)[:rows, :columns]
    image = image.astype(np.float32)
    # quantum noise at full resolution
    image += rng.normal(0.0, rng.uniform(0.006, 0.015), size=image.shape).astype(np.float32)
    return np.clip(image, 0.0, 1.0)


def to_display_levels(image: np.ndarray, bits_stored: int, rng: np.random.Generator) -> np.ndarray:
    """Map brightness to integer display levels using part of the stored range, as detectors do."""
    max_value = (1 << bits_stored) - 1
    low = rng.uniform(0.0, 0.08) * max_value
    high = rng.uniform(0.85, 1.0) * max_value
    return np.rint(low + image * (high - low)).astype(np.uint16)
