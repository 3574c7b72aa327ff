#!/usr/bin/env python3
"""Blind synthetic 'hospital' of chest X-ray DICOM images with burned-in text.

Usage:
    python gen.py --seed S --n N --out DIR      # generate
    python gen.py --check DIR                   # validate DIR, print distribution, write previews

See README.md for the output format.  Output is a pure function of (seed, n)
on a given machine (font files are discovered from the file system).
"""
import argparse
import datetime as dt
import io
import json
import math
import os
import sys
import zipfile
from collections import Counter

import cv2
import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
from PIL import Image, ImageDraw, ImageFont

cv2.setNumThreads(1)

REAL_PATH = "/work/main/benchmarks/real_burnin/nhsx_DX_chest_leadmarker.dcm"
UID_PREFIX = "1.2.826.0.1.3680043.8.498."

# ----------------------------------------------------------------------------
# fonts
# ----------------------------------------------------------------------------

# 5x7 dot-matrix font of our own: 7 rows, 5 bits per row (bit 4 = left column)
DOT5x7 = {
    "A": "0E 11 11 1F 11 11 11", "B": "1E 11 11 1E 11 11 1E", "C": "0E 11 10 10 10 11 0E",
    "D": "1C 12 11 11 11 12 1C", "E": "1F 10 10 1E 10 10 1F", "F": "1F 10 10 1E 10 10 10",
    "G": "0E 11 10 17 11 11 0F", "H": "11 11 11 1F 11 11 11", "I": "0E 04 04 04 04 04 0E",
    "J": "07 02 02 02 02 12 0C", "K": "11 12 14 18 14 12 11", "L": "10 10 10 10 10 10 1F",
    "M": "11 1B 15 15 11 11 11", "N": "11 11 19 15 13 11 11", "O": "0E 11 11 11 11 11 0E",
    "P": "1E 11 11 1E 10 10 10", "Q": "0E 11 11 11 15 12 0D", "R": "1E 11 11 1E 14 12 11",
    "S": "0F 10 10 0E 01 01 1E", "T": "1F 04 04 04 04 04 04", "U": "11 11 11 11 11 11 0E",
    "V": "11 11 11 11 11 0A 04", "W": "11 11 11 15 15 15 0A", "X": "11 11 0A 04 0A 11 11",
    "Y": "11 11 11 0A 04 04 04", "Z": "1F 01 02 04 08 10 1F",
    "0": "0E 11 13 15 19 11 0E", "1": "04 0C 04 04 04 04 0E", "2": "0E 11 01 02 04 08 1F",
    "3": "1F 02 04 02 01 11 0E", "4": "02 06 0A 12 1F 02 02", "5": "1F 10 1E 01 01 11 0E",
    "6": "06 08 10 1E 11 11 0E", "7": "1F 01 02 04 08 08 08", "8": "0E 11 11 0E 11 11 0E",
    "9": "0E 11 11 0F 01 02 0C",
    ":": "00 0C 0C 00 0C 0C 00", ".": "00 00 00 00 00 0C 0C", ",": "00 00 00 00 0C 04 08",
    "/": "00 01 02 04 08 10 00", "-": "00 00 00 1F 00 00 00", "#": "0A 0A 1F 0A 1F 0A 0A",
    "^": "04 0A 11 00 00 00 00", "(": "02 04 08 08 08 04 02", ")": "08 04 02 02 02 04 08",
    " ": "00 00 00 00 00 00 00", "%": "18 19 02 04 08 13 03", "+": "00 04 04 1F 04 04 00",
    "'": "0C 04 08 00 00 00 00", "=": "00 00 1F 00 1F 00 00", "&": "0C 12 14 08 15 12 0D",
    "?": "0E 11 01 02 04 00 04", "_": "00 00 00 00 00 00 1F",
}
DOT5x7 = {k: np.array([[(int(h, 16) >> (4 - b)) & 1 for b in range(5)] for h in v.split()], np.uint8)
          for k, v in DOT5x7.items()}


def discover_fonts():
    paths = []
    for d in ["/usr/share/fonts", "/usr/local/share/fonts"]:
        for root, _, files in os.walk(d):
            for f in files:
                if f.lower().endswith((".ttf", ".otf")):
                    paths.append(os.path.join(root, f))
    try:
        import matplotlib
        md = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")
        for f in os.listdir(md):
            if f.lower().endswith(".ttf"):
                paths.append(os.path.join(md, f))
    except Exception:
        pass
    fonts, seen = [], set()
    for p in sorted(paths, key=lambda q: (os.path.basename(q), q)):
        base = os.path.basename(p)
        low = base.lower()
        if base in seen or any(t in low for t in ("math", "pdf.ttf", "display", "stixsiz", "stixnonuni",
                                                   "lastresort", "symbol")) or low.startswith("cm"):
            continue
        try:
            f = ImageFont.truetype(p, 100)
            bb = f.getbbox("H")
            if bb[3] - bb[1] < 40 or f.getbbox("A") == f.getbbox("0"):
                continue
        except Exception:
            continue
        seen.add(base)
        name = base.rsplit(".", 1)[0]
        fam = "mono" if "mono" in low else ("serif" if ("serif" in low or "stix" in low) else "sans")
        fonts.append(dict(path=p, name=name, fam=fam,
                          cond=("condensed" in low or "narrow" in low),
                          bold=("bold" in low or "bol" in low.replace("bold", "bold")),
                          ital=("italic" in low or "oblique" in low or "ita" in low),
                          light=("light" in low or "thin" in low),
                          capratio=(bb[3] - bb[1]) / 100.0))
    return fonts


_FONT_CACHE = {}


def get_font(path, size):
    key = (path, size)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(path, size)
    return _FONT_CACHE[key]


def pil_bitmap_font():
    try:
        return ImageFont.load_default_imagefont()
    except Exception:  # older Pillow
        return ImageFont.load_default()


# ----------------------------------------------------------------------------
# text rendering: every function returns (coverage float32 [0,1], baseline row)
# ----------------------------------------------------------------------------

def render_ttf(text, path, size, aa, extra):
    font = get_font(path, size)
    asc, desc = font.getmetrics()
    pad = 2 + size // 6
    if extra == 0:
        width = font.getlength(text)
    else:
        width = sum(font.getlength(c) + extra for c in text)
    W = int(math.ceil(max(width, 1))) + 2 * pad + size
    H = asc + desc + 2 * pad
    im = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(im)
    if not aa:
        d.fontmode = "1"
    if extra == 0:
        d.text((pad, pad), text, font=font, fill=255)
    else:
        x = float(pad)
        for c in text:
            d.text((x, pad), c, font=font, fill=255)
            x += font.getlength(c) + extra
    return np.asarray(im, np.float32) / 255.0, pad + asc


def render_dot(text, cap, extra, dots, aspect):
    k = cap / 7.0
    ex_units = int(round(extra / k)) if k > 0 else 0
    cols = []
    for c in text.upper():
        g = DOT5x7.get(c, DOT5x7["?"])
        cols.append(g)
        cols.append(np.zeros((7, max(0, 1 + ex_units)), np.uint8))
    U = np.concatenate(cols, 1)
    pad = 2 + int(k)
    kx = k * aspect
    Hh = int(round(7 * k)) + int(round(2 * k)) + 2 * pad
    Ww = int(round(U.shape[1] * kx)) + 2 * pad
    if dots and k >= 3:
        ss = 4
        big = np.zeros((Hh * ss, Ww * ss), np.uint8)
        r = max(1, int(round(0.45 * min(k, kx) * ss)))
        for (yy, xx) in zip(*np.nonzero(U)):
            cy = int(round((pad + (yy + 0.5) * k) * ss))
            cx = int(round((pad + (xx + 0.5) * kx) * ss))
            cv2.circle(big, (cx, cy), r, 255, -1)
        a = cv2.resize(big, (Ww, Hh), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    else:
        a = np.zeros((Hh, Ww), np.float32)
        sc = cv2.resize(U * 255, (max(1, int(round(U.shape[1] * kx))), max(1, int(round(7 * k)))),
                        interpolation=cv2.INTER_NEAREST).astype(np.float32) / 255.0
        a[pad:pad + sc.shape[0], pad:pad + sc.shape[1]] = sc
    return a, pad + int(round(7 * k))


def render_pilbitmap(text, cap, extra):
    font = pil_bitmap_font()
    natcap = 7.0
    try:
        bb = font.getbbox("H")
        natcap = max(5.0, float(bb[3] - bb[1]) - 2)
    except Exception:
        pass
    s = max(1, int(round(cap / natcap)))
    ex = int(round(extra / s))
    w = int(sum(font.getlength(c) + ex for c in text)) + 8
    im = Image.new("L", (max(w, 4), 16), 0)
    d = ImageDraw.Draw(im)
    x = 2
    for c in text:
        d.text((x, 2), c, font=font, fill=255)
        x += font.getlength(c) + ex
    a = (np.asarray(im, np.uint8) > 127).astype(np.uint8) * 255
    a = cv2.resize(a, (a.shape[1] * s, a.shape[0] * s), interpolation=cv2.INTER_NEAREST)
    return a.astype(np.float32) / 255.0, (2 + 9) * s


def shear(a, baseline, sh):
    h, w = a.shape
    extra = int(math.ceil(abs(sh) * h)) + 2
    M = np.float32([[1, -sh, sh * baseline + (extra if sh < 0 else 0) + 1], [0, 1, 0]])
    M[0, 2] = sh * baseline + 1 + (0 if sh >= 0 else extra)
    return cv2.warpAffine(a, M, (w + extra, h), flags=cv2.INTER_LINEAR)


def squeeze(a, f, aa):
    h, w = a.shape
    nw = max(1, int(round(w * f)))
    return cv2.resize(a, (nw, h), interpolation=cv2.INTER_AREA if aa else cv2.INTER_LINEAR)


def render_text(text, st):
    """Render one item with style st. Returns coverage (line-height canvas) and baseline."""
    cap = st["cap"]
    extra = st["extra"]
    if st["ftype"] == "ttf":
        size = max(4, int(round(cap / st["capratio"])))
        a, base = render_ttf(text, st["path"], size, st["aa"], extra)
    elif st["ftype"] == "dot5x7":
        a, base = render_dot(text, cap, extra, st["dots"], st["aspect"])
    else:
        a, base = render_pilbitmap(text, cap, extra)
    if st.get("fakebold"):
        r = max(1, int(round(cap / 12)))
        a = np.maximum(a, np.roll(a, r, axis=1))
    if st["shear"]:
        a = shear(a, base, st["shear"])
    if st["squeeze"] != 1.0:
        a = squeeze(a, st["squeeze"], st["aa"])
    if not st["aa"]:
        a = (a >= 0.5).astype(np.float32)
    cols = np.nonzero(a.max(0) > 0.02)[0]
    if len(cols) == 0:
        return None, base
    a = a[:, max(0, cols[0] - 1):cols[-1] + 2]
    return a, base


# ----------------------------------------------------------------------------
# display model
# ----------------------------------------------------------------------------

class Display:
    """Stored value -> display grey (0..255), DICOM linear VOI, MONOCHROME1 inverted."""

    def __init__(self, bits, mono1, slope=1.0, inter=0.0, wc=None, ww=None):
        self.bits, self.mono1, self.slope, self.inter, self.wc, self.ww = bits, mono1, slope, inter, wc, ww
        self.maxv = (1 << bits) - 1

    def __call__(self, s):
        m = np.asarray(s, np.float64) * self.slope + self.inter
        if self.wc is None:
            lo = min(self.inter, self.maxv * self.slope + self.inter)
            hi = max(self.inter, self.maxv * self.slope + self.inter)
            d = (m - lo) / (hi - lo) * 255.0
        else:
            d = ((m - (self.wc - 0.5)) / (self.ww - 1) + 0.5) * 255.0
        d = np.clip(d, 0, 255)
        return 255.0 - d if self.mono1 else d

    def table(self, mode, rng):
        """256-entry table display grey -> stored value, for a value mode:
        extreme: saturated greys at the extreme stored value (0 or max);
        edge: saturated greys just past the window edge;
        inside: saturated greys replaced by a value inside the window (not saturated)."""
        s = np.arange(self.maxv + 1, dtype=np.float64)
        dl = self(s)
        inc = dl[-1] > dl[0]
        ds = dl if inc else dl[::-1]
        ss = s if inc else s[::-1]
        tab = np.zeros(256, np.float64)
        for g in range(256):
            i = int(np.clip(np.searchsorted(ds, g), 0, len(ds) - 1))
            if i > 0 and abs(ds[i - 1] - g) < abs(ds[i] - g):
                i -= 1
            tab[g] = ss[i]
        for g, sat in ((255, ds >= 254.5), (0, ds <= 0.5)):
            cand = ss[sat]
            if len(cand) == 0:
                continue
            if mode == "extreme":
                tab[g] = cand.max() if ((g == 255) == inc) else cand.min()
            elif mode == "edge":
                # nearest saturated value to the window, plus a little
                near = cand.min() if ((g == 255) == inc) else cand.max()
                far = cand.max() if ((g == 255) == inc) else cand.min()
                tab[g] = near + (far - near) * rng.uniform(0.0, 0.08)
            else:  # inside
                gi = int(rng.uniform(222, 246)) if g == 255 else int(rng.uniform(9, 32))
                tab[g] = tab[gi]
        return tab


# ----------------------------------------------------------------------------
# anatomy
# ----------------------------------------------------------------------------

def synth_chest(h, w, rng):
    s = 420.0 / max(h, w)
    h0, w0 = max(96, int(round(h * s))), max(96, int(round(w * s)))
    cx = 0.5 + rng.uniform(-0.06, 0.06)
    cy = 0.5 + rng.uniform(-0.06, 0.08)
    zx = rng.uniform(0.8, 1.15)
    zy = zx * rng.uniform(0.9, 1.1) * (w0 / h0) ** 0.3

    def P(x, y):
        return (int(round((cx + (x - 0.5) * zx) * w0)), int(round((cy + (y - 0.5) * zy) * h0)))

    def L(v):
        return max(1, int(round(v * h0 * zy)))

    img = np.zeros((h0, w0), np.float32)
    air = rng.uniform(0.0, 0.1)
    tissue = rng.uniform(0.38, 0.55)
    body = np.zeros((h0, w0), np.float32)
    sh = rng.uniform(0.12, 0.2)
    poly = np.array([P(0.42, -0.3), P(0.58, -0.3), P(0.6, 0.08), P(0.97, sh), P(1.05, 0.3), P(1.0, 1.4),
                     P(0.0, 1.4), P(-0.05, 0.3), P(0.03, sh), P(0.4, 0.08)], np.int32)
    cv2.fillPoly(body, [poly], 1.0)
    body = cv2.GaussianBlur(body, (0, 0), 3)
    img = air + (tissue - air) * body
    # arms / humeral heads
    for side in (-1, 1):
        c = P(0.5 + side * 0.43, sh + 0.06)
        tmp = np.zeros_like(img)
        cv2.ellipse(tmp, c, (L(0.05), L(0.06)), 0, 0, 360, 1.0, -1)
        img += cv2.GaussianBlur(tmp, (0, 0), 3) * rng.uniform(0.1, 0.2)
    # lungs
    lung = np.zeros_like(img)
    for side in (-1, 1):
        c = P(0.5 + side * rng.uniform(0.15, 0.19), rng.uniform(0.42, 0.47))
        cv2.ellipse(lung, c, (L(rng.uniform(0.12, 0.15)), L(rng.uniform(0.27, 0.32))),
                    side * rng.uniform(-6, 6), 0, 360, 1.0, -1)
    lung = cv2.GaussianBlur(lung, (0, 0), 10)
    img -= lung * rng.uniform(0.18, 0.3)
    # lung texture (vessels)
    tex = cv2.GaussianBlur(rng.standard_normal((h0, w0)).astype(np.float32), (0, 0), 1.5)
    img += lung * tex * rng.uniform(0.03, 0.07)
    tex2 = cv2.GaussianBlur(rng.standard_normal((h0, w0)).astype(np.float32), (0, 0), 4)
    img += body * tex2 * rng.uniform(0.05, 0.12)
    # mediastinum, heart, spine
    med = np.zeros_like(img)
    cv2.ellipse(med, P(0.5, 0.42), (L(0.065), L(0.33)), 0, 0, 360, 1.0, -1)
    cv2.ellipse(med, P(0.5 + rng.uniform(0.01, 0.05), rng.uniform(0.6, 0.66)),
                (L(rng.uniform(0.12, 0.17)), L(rng.uniform(0.1, 0.13))), rng.uniform(-15, 5), 0, 360, 1.0, -1)
    med = cv2.GaussianBlur(med, (0, 0), 6)
    img += med * rng.uniform(0.2, 0.32)
    spine = np.zeros_like(img)
    cv2.rectangle(spine, P(0.47, -0.2), P(0.53, 1.3), 1.0, -1)
    yy = np.arange(h0, dtype=np.float32)[:, None]
    spine *= 1 + 0.12 * np.sin(2 * np.pi * yy / max(4, L(0.055)))
    img += cv2.GaussianBlur(spine, (0, 0), 4) * rng.uniform(0.04, 0.1)
    # diaphragm / abdomen (below domes, bright soft tissue)
    ab = np.zeros_like(img)
    for side in (-1, 1):
        cv2.ellipse(ab, P(0.5 + side * 0.17, rng.uniform(0.86, 0.92)), (L(0.19), L(0.14)), 0, 0, 360, 1.0, -1)
    cv2.rectangle(ab, P(0.0, 0.92), P(1.0, 1.5), 1.0, -1)
    img += cv2.GaussianBlur(ab, (0, 0), 14) * lung.max() * rng.uniform(0.12, 0.22) * body
    # ribs
    ribs = np.zeros_like(img)
    th = max(1, L(rng.uniform(0.008, 0.013)))
    n = rng.integers(9, 12)
    y0 = rng.uniform(0.13, 0.17)
    dy = rng.uniform(0.052, 0.062)
    for k in range(n):
        yk = y0 + k * dy
        a = rng.uniform(0.28, 0.36) + 0.004 * k
        b = 0.07 + 0.006 * k
        cv2.ellipse(ribs, P(0.5, yk + b * 0.6), (L(a), L(b)), 0, 200, 340, 1.0, th)  # upper arcs
        cv2.ellipse(ribs, P(0.5, yk + b * 0.9), (L(a * 1.02), L(b * 1.4)), 0, -10, 55, 0.7, th)
        cv2.ellipse(ribs, P(0.5, yk + b * 0.9), (L(a * 1.02), L(b * 1.4)), 0, 125, 190, 0.7, th)
    ribs = cv2.GaussianBlur(ribs, (0, 0), 1.8)
    img += ribs * rng.uniform(0.035, 0.07) * body
    # clavicles
    cl = np.zeros_like(img)
    for side in (-1, 1):
        cv2.line(cl, P(0.5 + side * 0.04, 0.2), P(0.5 + side * rng.uniform(0.28, 0.34), rng.uniform(0.1, 0.15)),
                 1.0, max(1, L(0.018)))
    img += cv2.GaussianBlur(cl, (0, 0), 1.5) * rng.uniform(0.1, 0.16)
    # low-frequency field
    lf = cv2.GaussianBlur(rng.standard_normal((h0, w0)).astype(np.float32), (0, 0), 25)
    lf /= (np.abs(lf).max() + 1e-6)
    img *= 1 + 0.08 * lf
    lo, hi = np.percentile(img, 0.2), np.percentile(img, 99.9)
    img = np.clip((img - lo) / (hi - lo + 1e-6), 0, 1) ** rng.uniform(0.8, 1.25)
    big = cv2.resize(img, (w, h), interpolation=cv2.INTER_CUBIC)
    lm = cv2.resize(lung / (lung.max() + 1e-6), (w, h), interpolation=cv2.INTER_LINEAR)
    fine = cv2.GaussianBlur(rng.standard_normal((h, w), dtype=np.float32), (0, 0), max(1.0, max(h, w) / 700.0))
    fine /= fine.std() + 1e-6
    big = big + lm * fine * rng.uniform(0.02, 0.045)
    return add_noise(np.clip(big, 0, 1), rng)


def add_noise(img, rng):
    h, w = img.shape
    n1 = rng.standard_normal((h, w), dtype=np.float32) * rng.uniform(0.004, 0.015)
    g = rng.standard_normal((h, w), dtype=np.float32)
    g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.8, 1.6)) * rng.uniform(0.01, 0.03)
    return np.clip(img + n1 + g, 0, 1).astype(np.float32)


_REAL = None


def real_clean():
    """Real chest radiograph with the physical lead marker and the black top bar painted over
    with the mirrored left shoulder (region x >= 690, y < 200), feathered."""
    global _REAL
    if _REAL is None:
        a = pydicom.dcmread(REAL_PATH).pixel_array.astype(np.float32)
        H, W = a.shape
        y1, x0, fe = 200, 690, 40
        src = a[:y1, :W - x0][:, ::-1]
        wt = np.ones((y1, W - x0), np.float32)
        ramp = np.linspace(0, 1, fe, dtype=np.float32)
        wt[:, :fe] *= ramp[None, :]
        wt[y1 - fe:, :] *= ramp[::-1][:, None]
        a[:y1, x0:] = a[:y1, x0:] * (1 - wt) + src * wt
        _REAL = a
    return _REAL


def real_chest(h, w, rng):
    a = real_clean()
    H, W = a.shape
    asp = w / h
    f = rng.uniform(0.6, 1.0)
    ch = int(H * f)
    cw = int(ch * asp)
    if cw > W:
        cw = W
        ch = int(cw / asp)
    y0 = int(rng.integers(0, H - ch + 1))
    x0 = int(rng.integers(0, W - cw + 1))
    crop = a[y0:y0 + ch, x0:x0 + cw]
    interp = cv2.INTER_AREA if w < cw else cv2.INTER_CUBIC
    img = cv2.resize(crop, (w, h), interpolation=interp)
    lo, hi = np.percentile(img, 0.3), np.percentile(img, 99.8)
    img = np.clip((img - lo) / (hi - lo + 1e-6), 0, 1) ** rng.uniform(0.85, 1.2)
    return add_noise(img.astype(np.float32), rng) if w > cw else img.astype(np.float32), dict(
        crop=[x0, y0, x0 + cw, y0 + ch])


# ----------------------------------------------------------------------------
# invented PHI
# ----------------------------------------------------------------------------

LASTS = ("SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ "
         "GONZALEZ WILSON ANDERSON THOMAS TAYLOR MOORE JACKSON MARTIN LEE PEREZ THOMPSON WHITE HARRIS "
         "SANCHEZ CLARK RAMIREZ LEWIS ROBINSON WALKER YOUNG ALLEN KING WRIGHT SCOTT TORRES NGUYEN HILL "
         "FLORES GREEN ADAMS NELSON BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ROBERTS OKAFOR KOWALSKI "
         "OBRIEN MACDONALD FITZGERALD VANDERBERG NAKAMURA PETROVIC SCHNEIDER DUBOIS ROSSI LINDQVIST "
         "HAUGEN MBEKI OYELARAN CHAUDHRY PATEL SINGH KHAN ABERNATHY WHITAKER DELACROIX ESPOSITO").split()
FIRSTS = ("JAMES MARY ROBERT PATRICIA JOHN JENNIFER MICHAEL LINDA DAVID ELIZABETH WILLIAM BARBARA RICHARD "
          "SUSAN JOSEPH JESSICA THOMAS SARAH CHARLES KAREN CHRISTOPHER LISA DANIEL NANCY MATTHEW BETTY "
          "ANTHONY MARGARET MARK SANDRA DONALD ASHLEY STEVEN KIMBERLY PAUL EMILY ANDREW DONNA JOSHUA "
          "MICHELLE KENNETH CAROL KEVIN AMANDA BRIAN DOROTHY GEORGE MELISSA TIMOTHY DEBORAH AYESHA "
          "OLUWASEUN MAREK INGRID HIROSHI SVETLANA LUCA AMELIE RAJESH FATIMA EMEKA SIOBHAN").split()
CITIES = ("SPRINGFIELD RIVERSIDE FAIRVIEW MADISON GEORGETOWN ASHLAND CLINTON FRANKLIN GREENVILLE "
          "BRISTOL SALEM OAKDALE LAKEWOOD MILLBROOK HARTFORD CEDARVILLE NORTHGATE WESTBURY KINGSTON").split()
INST_SUF = ["GENERAL HOSPITAL", "MEDICAL CENTER", "REGIONAL HOSP", "COMMUNITY HOSPITAL",
            "UNIVERSITY HOSPITAL", "CLINIC", "MEMORIAL HOSPITAL", "HEALTH SYSTEM", "RADIOLOGY"]
STATIONS = ["DR-ROOM2", "CR01", "XR_PORT_3", "RAD4", "DRX-1", "FCR5000", "PORTABLE2", "ED-XR1", "ICU-DR"]
LABELS = ["AP", "PA", "PORTABLE", "SUPINE", "ERECT", "UPRIGHT", "LATERAL", "CHEST", "SEMI-ERECT 45",
          "kVp 110 mAs 2.5", "Grid", "DECUB", "INSP", "EXP", "1 OF 2", "AP PORTABLE", "PA ERECT",
          "CHEST AP", "kV 90 mAs 4", "2 OF 2", "SEMI-ERECT", "SITTING", "LAT DECUB", "NO GRID", "AP SUPINE"]
MARKERS = ["L", "R", "L", "R", "LT", "RT", "LEFT", "RIGHT"]
MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
          "OCTOBER", "NOVEMBER", "DECEMBER"]
DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]


def pick(rng, seq):
    return seq[int(rng.integers(0, len(seq)))]


def make_header(rng):
    h = {}
    h["last"], h["first"] = pick(rng, LASTS), pick(rng, FIRSTS)
    h["middle"] = pick(rng, FIRSTS) if rng.random() < 0.4 else None
    h["pid"] = (pick(rng, ["", "", "", "M", "P", "00"]) +
                "".join(str(int(d)) for d in rng.integers(0, 10, int(rng.integers(6, 10)))))
    h["acc"] = (pick(rng, ["", "", "A", "RA"]) +
                "".join(str(int(d)) for d in rng.integers(0, 10, int(rng.integers(7, 11)))))
    h["dob"] = dt.date(1930, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 85)))
    h["study"] = dt.datetime(2006, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 18)),
                                                        seconds=int(rng.integers(0, 86400)))
    h["inst"] = pick(rng, CITIES) + " " + pick(rng, INST_SUF)
    h["ref"] = (pick(rng, LASTS), pick(rng, FIRSTS))
    h["op"] = (pick(rng, LASTS), pick(rng, FIRSTS))
    h["station"] = pick(rng, STATIONS) if rng.random() < 0.6 else None
    h["sex"] = pick(rng, ["M", "F"])
    return h


def case(rng, s):
    return s if rng.random() < 0.75 else s.title()


def fmt_name(rng, last, first, mid=None):
    L, F = last, first
    opts = [f"{L}, {F}", f"{F} {L}", f"{L}^{F}", f"{L} {F}", f"{L},{F}", f"{F[0]}. {L}"]
    if mid:
        opts += [f"{L}^{F}^{mid}", f"{L}, {F} {mid[0]}", f"{F} {mid[0]}. {L}"]
    return case(rng, pick(rng, opts))


def fmt_date(rng, d):
    f = int(rng.integers(0, 8))
    if f == 0:
        return d.strftime("%m/%d/%Y")
    if f == 1:
        return d.strftime("%d-") + MONTHS[d.month - 1][:3] + d.strftime("-%Y")
    if f == 2:
        return d.strftime("%Y-%m-%d")
    if f == 3:
        return f"{DAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"
    if f == 4:
        return d.strftime("%d.%m.%Y")
    if f == 5:
        return d.strftime("%Y%m%d")
    if f == 6:
        return f"{d.day:02d} {MONTHS[d.month - 1][:3].title()} {d.year}"
    return d.strftime("%m/%d/%y")


def fmt_time(rng, t):
    f = int(rng.integers(0, 4))
    if f == 0:
        return t.strftime("%H:%M:%S")
    if f == 1:
        return f"{(t.hour % 12) or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"
    if f == 2:
        return t.strftime("%H:%M")
    return t.strftime("%H%M%S")


def phi_item(rng, h, kind=None, labeled=True):
    """Returns (fieldlabel or None, value, kind, in_header)."""
    if kind is None and rng.random() < 1 / 6:
        kind = "nonheader"
    if kind is None:
        kind = pick(rng, ["name", "name", "id", "id", "accession", "date", "time", "dob", "institution",
                          "refphys", "operator"])
    lab = None
    if kind == "name":
        v = fmt_name(rng, h["last"], h["first"], h["middle"])
        lab = pick(rng, ["Name:", "PT:", "Patient:", "NAME", "Pt"])
        k = "name"
    elif kind == "id":
        v = h["pid"]
        lab = pick(rng, ["MRN:", "ID#", "ID:", "PID", "MRN", "Pat ID:"])
        k = "id"
    elif kind == "accession":
        v = h["acc"]
        lab = pick(rng, ["ACC", "Acc#", "ACC:", "Accession:", "ACCN"])
        k = "accession"
    elif kind == "date":
        v = fmt_date(rng, h["study"].date())
        lab = pick(rng, ["Date:", "Study:", "DOS:", "Exam:"])
        k = "date"
    elif kind == "time":
        v = fmt_time(rng, h["study"].time())
        lab = pick(rng, ["Time:", "T:"])
        k = "time"
    elif kind == "dob":
        v = fmt_date(rng, h["dob"])
        lab = pick(rng, ["DOB:", "DOB", "Birth:", "BD:"])
        k = "dob"
    elif kind == "institution":
        if h["station"] and rng.random() < 0.3:
            v = h["station"]
            lab = pick(rng, ["Station:", "STN"])
        else:
            v = case(rng, h["inst"])
        k = "institution"
    elif kind == "refphys":
        v = pick(rng, [f"DR {h['ref'][0]}", f"{h['ref'][0]}, {h['ref'][1]}", f"Dr. {h['ref'][0].title()}",
                       f"{h['ref'][1][0]}. {h['ref'][0]}"])
        lab = pick(rng, ["Ref:", "Ref Phys:", "Referring:", "REF"])
        k = "name"
    elif kind == "operator":
        v = pick(rng, [h["op"][1][0] + h["op"][0][0], f"{h['op'][1]} {h['op'][0]}", h["op"][0],
                       f"{h['op'][1][0]}.{h['op'][0][0]}."])
        lab = pick(rng, ["Tech:", "Op:", "RT:", "Operator:"])
        k = "other"
    else:  # not in the header
        sub = int(rng.integers(0, 5))
        if sub == 0:
            a, b = pick(rng, FIRSTS), pick(rng, LASTS)
            v = pick(rng, [a[0] + b[0], a[0] + pick(rng, FIRSTS)[0] + b[0], f"{a.title()} {b.title()}"])
            lab = pick(rng, ["Tech:", "RT:", "By:"])
            k = "other"
        elif sub == 1:
            v = "".join(str(int(d)) for d in rng.integers(0, 10, int(rng.integers(7, 11))))
            lab = pick(rng, ["ENC#", "Visit:", "CSN", "FIN:", "Enc:"])
            k = "id"
        elif sub == 2:
            v = pick(rng, ["WARD 4B", "ICU BED 12", "ER-3", "5 WEST", "CCU 7", "NICU", "ONCOLOGY 2",
                           "MED-SURG 3", "ROOM 412", "BAY 6"])
            lab = pick(rng, [None, "Loc:", "Ward:"])
            k = "other"
        elif sub == 3:
            v = pick(rng, ["NORTH CAMPUS", "EAST WING", "ST. " + pick(rng, CITIES) + " ANNEX",
                           pick(rng, CITIES) + " IMAGING"])
            k = "other"
        else:
            v = f"({int(rng.integers(200, 999))}) {int(rng.integers(200, 999))}-{int(rng.integers(0, 10000)):04d}"
            lab = pick(rng, [None, "Tel:", "Ph:"])
            k = "other"
        return (lab if labeled else None), v, k, False
    if not labeled or (kind in ("name", "institution", "date", "time") and rng.random() < 0.35):
        lab = None
    return lab, v, k, True


# ----------------------------------------------------------------------------
# objects (kind "object"): return coverage, display-value map
# ----------------------------------------------------------------------------

def ss_draw(h, w, fn, ss=4):
    big = np.zeros((h * ss, w * ss), np.uint8)
    fn(big, ss)
    return cv2.resize(big, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0


def obj_leadmarker(rng, size, letter, font_path, capratio):
    s = int(size)
    pad = 3
    S = s + 2 * pad
    shape = pick(rng, ["rsquare", "disc", "rsquare"])

    def draw_shape(big, ss):
        if shape == "disc":
            cv2.circle(big, (S * ss // 2, S * ss // 2), s * ss // 2, 255, -1, cv2.LINE_AA)
        else:
            r = int(s * ss * rng.uniform(0.12, 0.25))
            x0, y0, x1, y1 = pad * ss, pad * ss, (pad + s) * ss, (pad + s) * ss
            cv2.rectangle(big, (x0 + r, y0), (x1 - r, y1), 255, -1)
            cv2.rectangle(big, (x0, y0 + r), (x1, y1 - r), 255, -1)
            for (cx, cy) in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
                cv2.circle(big, (cx, cy), r, 255, -1, cv2.LINE_AA)

    cov = ss_draw(S, S, draw_shape)
    cap = s * rng.uniform(0.5, 0.7)
    size_pt = max(4, int(round(cap / capratio)))
    a, base = render_ttf(letter, font_path, size_pt, True, 0)
    ys, xs = np.nonzero(a > 0.02)
    a = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    let = np.zeros((S, S), np.float32)
    oy, ox = (S - a.shape[0]) // 2, (S - a.shape[1]) // 2
    if oy >= 0 and ox >= 0:
        let[oy:oy + a.shape[0], ox:ox + a.shape[1]] = a
    bright = rng.uniform(225, 255)
    cut = rng.random() < 0.5
    dark = rng.uniform(60, 140) if cut else rng.uniform(0, 40)
    val = bright * (1 - let) + dark * let
    return cov, val, dict(shape=shape, letter_style="cut" if cut else "drawn")


def obj_generic(rng, kind, scale):
    if kind == "ruler":
        Lr = int(rng.uniform(250, 700) * scale)
        t = max(6, int(rng.uniform(18, 34) * scale))
        cov = np.zeros((t + 4, Lr + 4), np.float32)
        cov[2:2 + t, 2:2 + Lr] = 1
        val = np.full_like(cov, rng.uniform(200, 250))
        step = max(3, Lr // int(rng.integers(10, 30)))
        for i, x in enumerate(range(2, 2 + Lr, step)):
            ln = t // 2 if i % 5 == 0 else t // 4
            val[2:2 + ln, x:x + max(1, t // 10)] = rng.uniform(40, 110)
        return cov, val, {}
    if kind == "ecg":
        r = max(5, int(rng.uniform(14, 30) * scale))
        ln = int(r * rng.uniform(3, 8))
        S = 2 * (r + ln) + 8
        ang = rng.uniform(0, 2 * np.pi)
        bend = rng.uniform(-0.8, 0.8)
        th = max(1, int(r * rng.uniform(0.12, 0.25)))

        def fn(big, ss):
            c = np.array([S / 2, S / 2]) * ss
            cv2.circle(big, tuple(int(v) for v in c), r * ss, 255, max(1, th * ss), cv2.LINE_AA)
            cv2.circle(big, tuple(int(v) for v in c), max(1, r * ss // 3), 255, -1, cv2.LINE_AA)
            pts = []
            for tt in np.linspace(0, 1, 30):
                a = ang + bend * tt
                d = r + ln * tt
                pts.append([c[0] + d * ss * np.cos(a), c[1] + d * ss * np.sin(a)])
            cv2.polylines(big, [np.int32(pts)], False, 255, max(1, th * ss), cv2.LINE_AA)

        cov = ss_draw(S, S, fn)
        return cov, np.full_like(cov, rng.uniform(215, 255)), {}
    if kind == "wire":
        Lw = int(rng.uniform(150, 500) * scale)
        th = max(1, int(rng.uniform(2, 6) * scale))
        S = Lw + 10
        p0 = np.array([5, rng.uniform(5, S - 5)])
        p2 = np.array([S - 5, rng.uniform(5, S - 5)])
        p1 = np.array([rng.uniform(5, S - 5), rng.uniform(5, S - 5)])

        def fn(big, ss):
            pts = [((1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t * t * p2) * ss for t in np.linspace(0, 1, 60)]
            cv2.polylines(big, [np.int32(pts)], False, 255, max(1, th * ss), cv2.LINE_AA)

        cov = ss_draw(S, S, fn)
        return cov, np.full_like(cov, rng.uniform(205, 255)), {}
    if kind == "coin":
        r = max(5, int(rng.uniform(25, 60) * scale))
        S = 2 * r + 6

        def fn(big, ss):
            cv2.circle(big, (S * ss // 2, S * ss // 2), r * ss, 255, -1, cv2.LINE_AA)

        cov = ss_draw(S, S, fn)
        yy, xx = np.mgrid[0:S, 0:S]
        rr = np.hypot(yy - S / 2, xx - S / 2) / r
        val = np.clip(rng.uniform(225, 255) - 25 * (rr > 0.85), 0, 255).astype(np.float32)
        return cov, val, {}
    # clip
    w = max(8, int(rng.uniform(25, 45) * scale))
    hgt = int(w * rng.uniform(2.2, 3.2))
    th = max(1, int(rng.uniform(2, 5) * scale))
    S = hgt + 10

    def fn(big, ss):
        x0 = (S - w) // 2
        pts = [(x0 + w * 0.15, 5 + hgt * 0.3), (x0 + w * 0.15, 5 + hgt * 0.95), (x0 + w * 0.85, 5 + hgt * 0.95),
               (x0 + w * 0.85, 5 + hgt * 0.05), (x0, 5 + hgt * 0.05), (x0, 5 + hgt * 0.98 + 2),
               (x0 + w, 5 + hgt * 0.98 + 2), (x0 + w, 5 + hgt * 0.2)]
        cv2.polylines(big, [np.int32(np.array(pts) * ss)], False, 255, max(1, th * ss), cv2.LINE_AA)

    cov = ss_draw(S, S, fn)
    return cov, np.full_like(cov, rng.uniform(215, 255)), {}


def rotate_arr(a, deg, order_linear=True):
    h, w = a.shape
    M = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    c, s = abs(M[0, 0]), abs(M[0, 1])
    nw, nh = int(math.ceil(h * s + w * c)) + 2, int(math.ceil(h * c + w * s)) + 2
    M[0, 2] += nw / 2 - w / 2
    M[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(a, M, (nw, nh), flags=cv2.INTER_LINEAR if order_linear else cv2.INTER_NEAREST)


# ----------------------------------------------------------------------------
# per-image generation
# ----------------------------------------------------------------------------

class Ctx:
    pass


def choose_style(rng, fonts, cap, prefer=None, force_aa=None):
    st = dict(cap=int(cap), extra=0, shear=0.0, squeeze=1.0, fakebold=False)
    r = rng.random()
    if prefer is None:
        prefer = pick(rng, ["sans", "sans", "sans", "serif", "mono", "mono", "condensed", "bold", "bold",
                            "light", "italic", "italic", "dot5x7", "pilbitmap"])
    st["family"] = prefer
    if prefer == "dot5x7":
        st.update(ftype="dot5x7", font="dot5x7(own)", dots=bool(rng.random() < 0.5), aa=False,
                  aspect=float(rng.uniform(0.8, 1.25)))
        st["aa"] = st["dots"] and cap >= 21
        if rng.random() < 0.25:
            st["fakebold"] = True
    elif prefer == "pilbitmap":
        st.update(ftype="pilbitmap", font="PIL-default-bitmap", aa=False)
    else:
        def ok(f):
            if prefer == "sans":
                return f["fam"] == "sans" and not (f["cond"] or f["bold"] or f["ital"] or f["light"])
            if prefer == "serif":
                return f["fam"] == "serif" and not f["ital"]
            if prefer == "mono":
                return f["fam"] == "mono" and not f["ital"]
            if prefer == "condensed":
                return f["cond"] and not f["ital"]
            if prefer == "bold":
                return f["bold"] and not f["ital"]
            if prefer == "light":
                return f["light"]
            if prefer == "italic":
                return f["ital"]
            return True
        cands = [f for f in fonts if ok(f)] or fonts
        if prefer == "condensed" and rng.random() < 0.4:
            cands = [f for f in fonts if f["fam"] == "sans" and not f["ital"]] or fonts
            st["squeeze"] = float(rng.uniform(0.65, 0.85))
        if prefer == "italic" and rng.random() < 0.4:
            cands = [f for f in fonts if not f["ital"]] or fonts
            st["shear"] = float(rng.uniform(0.15, 0.28))
        f = pick(rng, cands)
        st.update(ftype="ttf", font=f["name"], path=f["path"], capratio=f["capratio"],
                  aa=bool(rng.random() < 0.62))
    if force_aa is not None and st["ftype"] == "ttf":
        st["aa"] = force_aa
    sp = rng.random()
    if sp < 0.14:
        st["spacing"] = "tight"
        st["extra"] = -max(1, int(round(cap * rng.uniform(0.03, 0.1))))
    elif sp < 0.3:
        st["spacing"] = "wide"
        st["extra"] = max(1, int(round(cap * rng.uniform(0.15, 0.6))))
    else:
        st["spacing"] = "normal"
    return st


def cap_sample(rng, big):
    r = rng.random()
    if big:
        if r < 0.2:
            return int(rng.integers(7, 13))
        if r < 0.32:
            return int(rng.integers(13, 20))
        return int(rng.integers(20, 61))
    if r < 0.7:
        return int(rng.integers(7, 13))
    if r < 0.92:
        return int(rng.integers(13, 20))
    return int(rng.integers(20, 31))


def build_block(ctx, rng, lines, st, line_gap, align):
    """lines: list of lists of (meta dict, text). Returns list of (meta, cov) on a common canvas."""
    rendered = []
    for line in lines:
        segs = []
        for meta, text in line:
            a, base = render_text(text, st)
            if a is None:
                continue
            segs.append((meta, a, base))
        if segs:
            rendered.append(segs)
    if not rendered:
        return None
    gap = max(3, int(round(st["cap"] * rng.uniform(0.45, 0.9))) + max(0, st["extra"]))
    placed, maxw = [], 0
    line_extents = []
    pitch = st["cap"] * line_gap
    prev_bot, ybase = None, 0
    for segs in rendered:
        asc = max(b for _, _, b in segs)
        tops, bots = [], []
        for _, a, b in segs:
            rows = np.nonzero(a.max(1) > 0.02)[0]
            tops.append(rows[0] - b)
            bots.append(rows[-1] - b)
        top, bot = min(tops), max(bots)
        if prev_bot is None:
            ybase = asc + 2
        else:
            ybase = ybase + max(int(round(pitch)), prev_bot - top + 3)
        prev_bot = bot
        x = 0
        row = []
        for meta, a, b in segs:
            row.append((meta, a, x, ybase - b))
            x += a.shape[1] + gap
        lw = x - gap
        maxw = max(maxw, lw)
        line_extents.append((row, lw))
    miny = min(yy for row, _ in line_extents for _, _, _, yy in row)
    line_extents = [([(m, a, x, yy - miny) for m, a, x, yy in row], lw) for row, lw in line_extents]
    out = []
    for row, lw in line_extents:
        dx = (maxw - lw) if align == "right" else ((maxw - lw) // 2 if align == "center" else 0)
        for meta, a, x, yy in row:
            out.append((meta, a, x + dx + 1, yy + 1))
    Hc = max(yy + a.shape[0] for _, a, _, yy in out) + 2
    Wc = max(x + a.shape[1] for _, a, x, _ in out) + 2
    items = []
    for meta, a, x, yy in out:
        c = np.zeros((Hc, Wc), np.float32)
        c[yy:yy + a.shape[0], x:x + a.shape[1]] = np.maximum(c[yy:yy + a.shape[0], x:x + a.shape[1]], a)
        items.append([meta, c])
    return items


def transform_items(items, rot90=0, mirror=False, angle=0.0, aa=True):
    out = []
    for meta, c in items:
        if mirror:
            c = c[:, ::-1]
        if rot90:
            c = np.rot90(c, rot90)
        if angle:
            c = rotate_arr(np.ascontiguousarray(c), angle)
            if not aa:
                c = (c >= 0.5).astype(np.float32)
        out.append([meta, np.ascontiguousarray(c)])
    return out


def trim_items(items, vals=None):
    u = np.zeros_like(items[0][1], bool)
    for _, c in items:
        u |= c > 0.02
    ys, xs = np.nonzero(u)
    if len(ys) == 0:
        return None
    y0, y1, x0, x1 = max(0, ys.min() - 1), ys.max() + 2, max(0, xs.min() - 1), xs.max() + 2
    res = []
    for k, (m, c) in enumerate(items):
        v = None if vals is None or vals[k] is None else vals[k][y0:y1, x0:x1]
        res.append([m, c[y0:y1, x0:x1], v])
    return res


REGION_XY = {
    "lung_l": (0.32, 0.45), "lung_r": (0.68, 0.45), "mediastinum": (0.5, 0.38), "shoulder_l": (0.14, 0.16),
    "shoulder_r": (0.86, 0.16), "middle": (0.5, 0.5), "heart": (0.55, 0.62),
}
ANATOMY_REGIONS = set(REGION_XY)


def region_pos(rng, region, W, H, bw, bh, m):
    if region in REGION_XY:
        fx, fy = REGION_XY[region]
        j = 0.12 if region == "middle" else 0.06
        cx = (fx + rng.uniform(-j, j)) * W
        cy = (fy + rng.uniform(-j, j)) * H
        return int(cx - bw / 2), int(cy - bh / 2)
    u = lambda a: int(rng.uniform(0, a))
    if region == "tl":
        return m + u(0.03 * W), m + u(0.03 * H)
    if region == "tr":
        return W - bw - m - u(0.03 * W), m + u(0.03 * H)
    if region == "bl":
        return m + u(0.03 * W), H - bh - m - u(0.03 * H)
    if region == "br":
        return W - bw - m - u(0.03 * W), H - bh - m - u(0.03 * H)
    if region == "bottom":
        return u(max(1, W - bw)), H - bh - m - u(0.02 * H)
    if region == "top":
        return u(max(1, W - bw)), m + u(0.02 * H)
    if region == "right":
        return W - bw - m - u(0.02 * W), int(rng.uniform(0.1, 0.9) * H - bh / 2)
    if region == "left":
        return m + u(0.02 * W), int(rng.uniform(0.1, 0.9) * H - bh / 2)
    return u(max(1, W - bw)), u(max(1, H - bh))


def place(ctx, rng, bh, bw, regions, pad):
    W, H = ctx.W, ctx.H
    m = ctx.margin
    for attempt in range(40):
        reg = regions[attempt % len(regions)] if attempt < 24 else "any"
        if attempt < 24 and attempt % len(regions) == 0 and attempt:
            pass
        reg = pick(rng, regions) if attempt < 24 else "any"
        X, Y = region_pos(rng, reg, W, H, bw, bh, m + pad)
        r = (X - pad, Y - pad, X + bw + pad, Y + bh + pad)
        if r[0] < 1 or r[1] < 1 or r[2] > W - 1 or r[3] > H - 1:
            continue
        g = max(3, ctx.margin // 2)
        rr = (r[0] - g, r[1] - g, r[2] + g, r[3] + g)
        if any(not (rr[2] <= o[0] or o[2] <= rr[0] or rr[3] <= o[1] or o[3] <= rr[1]) for o in ctx.occupied):
            continue
        if ctx.viewport is not None and reg in ANATOMY_REGIONS:
            pass
        ctx.occupied.append(r)
        return X, Y, reg
    return None


def disp_local(ctx, x0, y0, x1, y1):
    if ctx.rgb:
        p = ctx.S[y0:y1, x0:x1]
        return p[..., 0] * 0.299 + p[..., 1] * 0.587 + p[..., 2] * 0.114
    return ctx.disp(ctx.S[y0:y1, x0:x1])


def to_stored(ctx, g):
    gi = np.clip(np.rint(g), 0, 255).astype(np.int64)
    return ctx.tab[gi]


def composite_block(ctx, rng, items, X, Y, st, polarity, panel, over_anat, region, rot_desc, mirror):
    """items: list of [meta, cov, valmap or None] (block-local)."""
    bh, bw = items[0][1].shape
    W, H = ctx.W, ctx.H
    pad = ctx.panel_pad if panel not in ("none", "outline") else 0
    # panel
    panel_grey = None
    if panel in ("solid_black", "solid_white", "translucent_dark", "translucent_light"):
        x0, y0, x1, y1 = X - pad, Y - pad, X + bw + pad, Y + bh + pad
        if panel == "solid_black":
            pg = rng.uniform(0, 12)
        elif panel == "solid_white":
            pg = rng.uniform(238, 255)
        elif panel == "translucent_dark":
            pg = rng.uniform(0, 25)
        else:
            pg = rng.uniform(215, 255)
        panel_grey = pg
        if ctx.rgb:
            pv = np.array([pg, pg, pg], np.float32)
        else:
            pv = to_stored(ctx, pg)
        if panel.startswith("solid"):
            ctx.S[y0:y1, x0:x1] = pv
            alpha = 1.0
        else:
            alpha = rng.uniform(0.3, 0.7)
            ctx.S[y0:y1, x0:x1] = ctx.S[y0:y1, x0:x1] * (1 - alpha) + pv * alpha
        panel_desc = dict(type=panel, grey=round(float(pg), 1), alpha=round(float(alpha), 2))
    else:
        panel_desc = dict(type=panel)
    results = []
    for meta, cov, val in items:
        mask = cov >= 0.5
        if not mask.any():
            continue
        ys, xs = np.nonzero(cov > 0.02)
        ly0, ly1, lx0, lx1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        gy0, gx0 = Y + ly0, X + lx0
        gy1, gx1 = Y + ly1, X + lx1
        c = cov[ly0:ly1, lx0:lx1]
        mk = mask[ly0:ly1, lx0:lx1]
        # local background (before drawing), in display grey
        rr = max(2, st.get("cap", 10) // 3)
        bx0, by0, bx1, by1 = max(0, gx0 - rr), max(0, gy0 - rr), min(W, gx1 + rr), min(H, gy1 + rr)
        bgd = disp_local(ctx, bx0, by0, bx1, by1)
        bg = float(np.median(bgd))
        halo = None
        if val is not None:
            g = val[ly0:ly1, lx0:lx1]
            tgrey = float(np.median(g[mk]))
            colour = None
        else:
            tgrey, colour = pick_text_grey(ctx, rng, polarity, bg, meta["phi"])
            g = None
        region_S = ctx.S[gy0:gy1, gx0:gx1]
        if panel == "outline":
            k = np.ones((3, 3), np.uint8)
            dil = cv2.dilate(mk.astype(np.uint8), k) > 0
            halo_full = np.zeros((gy1 - gy0 + 2, gx1 - gx0 + 2), bool)
            halo_full[1:-1, 1:-1] = mk
            halo_full = (cv2.dilate(halo_full.astype(np.uint8), k) > 0)
            halo_full[1:-1, 1:-1] &= ~(c > 0.02)
            hy0, hx0 = gy0 - 1, gx0 - 1
            hg = rng.uniform(0, 20) if tgrey > 128 else rng.uniform(235, 255)
            hv = np.array([hg] * 3, np.float32) if ctx.rgb else to_stored(ctx, hg)
            if hy0 >= 0 and hx0 >= 0 and hy0 + halo_full.shape[0] <= H and hx0 + halo_full.shape[1] <= W:
                ctx.S[hy0:hy0 + halo_full.shape[0], hx0:hx0 + halo_full.shape[1]][halo_full] = hv
            region_S = ctx.S[gy0:gy1, gx0:gx1]
            halo = round(float(hg), 1)
        saved = ctx.S[gy0:gy1, gx0:gx1].copy()
        for attempt in range(3):
            if attempt:
                ctx.S[gy0:gy1, gx0:gx1] = saved
                region_S = ctx.S[gy0:gy1, gx0:gx1]
                tgrey = 255.0 if bg < 128 else 0.0
                if attempt == 2:
                    tgrey = 255.0 - tgrey
                colour = (tgrey, tgrey, tgrey) if ctx.rgb else None
            draw_item(ctx, region_S, c, g, tgrey, colour)
            after = disp_local(ctx, gx0, gy0, gx1, gy1)
            tdisp = float(np.median(after[mk]))
            if not meta["phi"] or abs(tdisp - bg) >= 40 or g is not None:
                break
        results.append(dict(meta=meta, bbox=[int(gx0), int(gy0), int(gx1), int(gy1)], mask_local=mk,
                            style=dict(st_public(st), polarity=polarity, panel=panel_desc, rotation=rot_desc,
                                       mirror=bool(mirror), over_anatomy=bool(over_anat), region=region,
                                       text_grey=round(tdisp, 1), bg_grey=round(bg, 1),
                                       contrast=round(abs(tdisp - bg), 1), halo_grey=halo,
                                       colour=None if colour is None else [int(v) for v in colour],
                                       value_mode=ctx.value_mode)))
    return results


def draw_item(ctx, region_S, c, g, tgrey, colour):
    if ctx.rgb:
        if g is None:
            col = np.array(colour, np.float32)
            region_S[:] = region_S * (1 - c[..., None]) + col * c[..., None]
        else:
            region_S[:] = region_S * (1 - c[..., None]) + np.repeat(g[..., None], 3, 2) * c[..., None]
    else:
        v = to_stored(ctx, g if g is not None else tgrey)
        region_S[:] = region_S * (1 - c) + v * c


def st_public(st):
    d = {k: st[k] for k in ("font", "family", "cap", "aa", "spacing", "extra") if k in st}
    d["weight"] = "bold" if ("Bold" in st.get("font", "") or "Bol" in st.get("font", "") or st.get("fakebold")
                             or st.get("family") == "bold") else (
        "light" if "Light" in st.get("font", "") else "regular")
    d["italic"] = bool(st.get("shear")) or any(t in st.get("font", "") for t in ("Italic", "Oblique", "Ita"))
    d["italic_by_shear"] = bool(st.get("shear"))
    d["condensed"] = st.get("squeeze", 1.0) != 1.0 or any(t in st.get("font", "") for t in ("Condensed", "Narrow"))
    d["squeeze"] = round(float(st.get("squeeze", 1.0)), 2)
    if st.get("ftype") == "dot5x7":
        d["dots"] = st.get("dots")
    return d


VIEWER_COLOURS = [(255, 255, 255), (255, 255, 0), (0, 255, 0), (0, 255, 255), (255, 200, 0), (255, 160, 160),
                  (200, 200, 200)]


def pick_text_grey(ctx, rng, polarity, bg, phi):
    """Returns target grey (display) and, for RGB, a colour."""
    need = 58 if phi else 25

    def eff(gv):
        if ctx.rgb:
            return gv
        return float(ctx.disp(ctx.tab[int(np.clip(round(gv), 0, 255))]))

    if polarity == "white":
        cands = [255.0 if rng.random() < 0.6 else rng.uniform(225, 255)]
    elif polarity == "black":
        cands = [0.0 if rng.random() < 0.6 else rng.uniform(0, 30)]
    else:  # grey
        d = rng.uniform(45, 110)
        up, dn = bg + d, bg - d
        order = [up, dn] if (rng.random() < 0.5) else [dn, up]
        cands = [x for x in order if 0 <= x <= 255] or [min(255.0, bg + d) if bg < 128 else max(0.0, bg - d)]
    cands += [255.0, 0.0] if bg < 128 else [0.0, 255.0]
    tg = None
    for cnd in cands:
        if abs(eff(cnd) - bg) >= need:
            tg = cnd
            break
    if tg is None:
        tg = max(cands, key=lambda q: abs(eff(q) - bg))
    colour = None
    if ctx.rgb:
        if polarity in ("white", "outline") and tg > 200 and ctx.coloured_text:
            opts = [c for c in VIEWER_COLOURS if abs(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] - bg) >= need]
            colour = pick(rng, opts) if opts else (tg, tg, tg)
        else:
            colour = (tg, tg, tg)
        tg = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
    return float(tg), colour


def choose_polarity_panel(rng, is_marker=False):
    if is_marker:
        r = rng.random()
        return ("white", "none") if r < 0.75 else (("black", "none") if r < 0.85 else ("grey", "none"))
    r = rng.random()
    if r < 0.36:
        return pick(rng, ["white", "white", "white", "black", "grey", "grey"]), "none"
    if r < 0.52:
        return pick(rng, ["white", "white", "grey"]), "solid_black"
    if r < 0.66:
        return pick(rng, ["black", "black", "grey"]), "solid_white"
    if r < 0.76:
        return "white", "translucent_dark"
    if r < 0.84:
        return "black", "translucent_light"
    return "white", "outline"


def add_text_block(ctx, rng, lines, regions, kind_hint, cap=None, rot=None, style=None, mirror=False,
                   angle=0.0, polarity=None, panel=None):
    cap = cap or cap_sample(rng, ctx.big)
    st = style or choose_style(rng, ctx.fonts, cap)
    st["cap"] = int(cap)
    if polarity is None:
        polarity, panel = choose_polarity_panel(rng, kind_hint == "marker")
    items = build_block(ctx, rng, lines, st, rng.uniform(1.35, 2.1), pick(rng, ["left", "left", "left", "right"])
                        if kind_hint != "phi_block" else pick(rng, ["left", "left", "left", "left", "right"]))
    if not items:
        return
    rot90 = rot or 0
    items = transform_items(items, rot90=rot90, mirror=mirror, angle=angle, aa=st["aa"])
    items = trim_items(items)
    if items is None:
        return
    bh, bw = items[0][1].shape
    pad = ctx.panel_pad if panel not in ("none", "outline") else 2
    if bw + 2 * pad + 2 * ctx.margin >= ctx.W or bh + 2 * pad + 2 * ctx.margin >= ctx.H:
        return
    pos = place(ctx, rng, bh, bw, regions, pad)
    if pos is None:
        return
    X, Y, reg = pos
    over = reg in ANATOMY_REGIONS or (ctx.viewport is None and reg == "any")
    rot_desc = (90 * rot90 if rot90 else 0) + (float(round(angle, 1)) if angle else 0)
    ctx.results += composite_block(ctx, rng, items, X, Y, st, polarity, panel, over, reg, rot_desc, mirror)


def add_object(ctx, rng, okind=None):
    sc = ctx.obj_scale
    okind = okind or pick(rng, ["leadmarker", "leadmarker", "leadmarker", "ruler", "ecg", "wire", "coin", "clip"])
    extra = {}
    if okind == "leadmarker":
        letter = pick(rng, ["L", "R", "L", "R", "A", "P"])
        f = pick(rng, [f for f in ctx.fonts if f["bold"] and f["fam"] == "sans"] or ctx.fonts)
        size = rng.uniform(40, 120) * sc if ctx.big else rng.uniform(18, 40) * max(sc, 0.5)
        cov, val, extra = obj_leadmarker(rng, max(14, size), letter, f["path"], f["capratio"])
        text = letter
        extra["font"] = f["name"]
    else:
        cov, val, extra = obj_generic(rng, okind, sc)
        text = okind
    mirror = False
    ang = 0.0
    if okind in ("leadmarker", "clip", "ruler") and rng.random() < 0.5:
        ang = float(rng.uniform(-180, 180)) if okind != "ruler" else 90.0
        cov = rotate_arr(cov, ang)
        val = rotate_arr(val, ang)
    if okind == "leadmarker" and rng.random() < 0.25:
        cov, val, mirror = cov[:, ::-1].copy(), val[:, ::-1].copy(), True
    meta = dict(phi=False, kind="object", text=text if okind != "leadmarker" else text, obj=okind)
    items = trim_items([[meta, cov]], [val])
    if items is None:
        return
    bh, bw = items[0][1].shape
    if bw + 2 * ctx.margin >= ctx.W or bh + 2 * ctx.margin >= ctx.H:
        return
    regs = (["shoulder_l", "shoulder_r", "tl", "tr", "lung_l", "lung_r"] if okind == "leadmarker"
            else ["lung_l", "lung_r", "mediastinum", "heart", "middle", "left", "right", "bottom"])
    pos = place(ctx, rng, bh, bw, regs, 2)
    if pos is None:
        return
    X, Y, reg = pos
    st = dict(font=extra.get("font", "-"), family="object", cap=int(max(bh, bw)), aa=True, spacing="-")
    res = composite_block(ctx, rng, items, X, Y, st, "bright_object", "none", reg in ANATOMY_REGIONS, reg,
                          float(round(ang, 1)), mirror)
    for r in res:
        r["style"].update(object=okind, **{k: v for k, v in extra.items() if k != "font"})
    ctx.results += res


def gen_phi_block(ctx, rng, labeled):
    h = ctx.hdr
    nlines = int(rng.integers(2, 6))
    lines = []
    first_kinds = ["name", "id", "dob", "date", "institution", "accession", "time", "refphys", "operator"]
    order = [first_kinds[0]] + list(rng.permutation(first_kinds[1:]))
    i = 0
    for _ in range(nlines):
        line = []
        nseg = 1 if rng.random() < 0.55 else 2
        for _ in range(nseg):
            k = order[i % len(order)]
            i += 1
            lab, v, kind, inh = phi_item(rng, h, k if rng.random() > 1 / 6 else "nonheader", labeled)
            if lab:
                line.append((dict(phi=False, kind="fieldlabel", text=lab), lab))
            line.append((dict(phi=True, kind=kind, text=v, in_header=inh), v))
        if rng.random() < 0.08:
            lb = pick(rng, LABELS)
            line.append((dict(phi=False, kind="label", text=lb), lb))
        lines.append(line)
    return lines


def gen_image_content(ctx, rng, content):
    big = ctx.big
    regions_hdr = ["tl", "tl", "tl", "tr", "bl", "br", "bottom", "top"]
    if content in ("mixed", "phi"):
        if rng.random() < 0.85 or content == "phi":
            lines = gen_phi_block(ctx, rng, labeled=rng.random() < 0.6)
            if ctx.phi_rot:
                side = pick(rng, ["left", "right"])
                add_text_block(ctx, rng, lines, [side], "phi_block", rot=1 if side == "left" else 3)
            elif ctx.viewer:
                add_text_block(ctx, rng, lines, ["tl", "tr", "bl", "br"], "phi_block")
            else:
                add_text_block(ctx, rng, lines, regions_hdr, "phi_block")
        # separate PHI items (bottom strip, right column, over anatomy)
        for _ in range(int(rng.integers(0, 4 if big else 3))):
            lab, v, kind, inh = phi_item(rng, ctx.hdr, None, rng.random() < 0.5)
            line = []
            if lab:
                line.append((dict(phi=False, kind="fieldlabel", text=lab), lab))
            line.append((dict(phi=True, kind=kind, text=v, in_header=inh), v))
            regs = pick(rng, [["bottom", "bl", "br"], ["right"], ["top", "tr"],
                              ["lung_l", "lung_r", "mediastinum", "middle", "shoulder_l", "shoulder_r"]])
            rot = 0
            if regs == ["right"] and rng.random() < 0.4:
                rot = 3
            add_text_block(ctx, rng, [line], regs, "phi", rot=rot)
        # a second multi-line block sometimes (e.g. right-side column)
        if rng.random() < 0.25:
            lines = [[(dict(phi=True, kind=k, text=v, in_header=inh), v)] for (_, v, k, inh) in
                     [phi_item(rng, ctx.hdr, None, False) for _ in range(int(rng.integers(2, 4)))]]
            add_text_block(ctx, rng, lines, ["right", "tr", "br"], "phi_block")
    if content in ("mixed", "markers"):
        for _ in range(int(rng.integers(1, 3)) if content == "markers" else int(rng.integers(0, 3))):
            mk = pick(rng, MARKERS)
            cap = int(rng.integers(30, 121)) if big else int(rng.integers(15, 45))
            if cap > 60 and rng.random() < 0.5:
                cap = int(rng.integers(15, 60))
            st = choose_style(rng, ctx.fonts, cap, prefer=pick(rng, ["bold", "bold", "sans", "serif", "condensed",
                                                                       "italic", "dot5x7"]))
            mirror = rng.random() < 0.2
            ang = float(rng.uniform(-180, 180)) if rng.random() < 0.3 else 0.0
            add_text_block(ctx, rng, [[(dict(phi=False, kind="marker", text=mk), mk)]],
                           ["shoulder_l", "shoulder_r", "tl", "tr", "lung_l", "lung_r", "left", "right", "middle"],
                           "marker", cap=cap, style=st, mirror=mirror, angle=ang)
        if rng.random() < (0.55 if content == "markers" else 0.35):
            add_object(ctx, rng, "leadmarker")
    if content == "mixed":
        for _ in range(int(rng.integers(0, 4))):
            lb = pick(rng, LABELS)
            regs = pick(rng, [["tr", "tl", "top"], ["bl", "br", "bottom"], ["left", "right"],
                              ["lung_l", "lung_r", "middle", "shoulder_l", "shoulder_r"]])
            rot = 0
            if regs == ["left", "right"] and rng.random() < 0.6:
                rot = pick(rng, [1, 3])
            words = lb.split()
            if len(words) > 1 and rng.random() < 0.25:
                lines = [[(dict(phi=False, kind="label", text=w), w)] for w in words]
            else:
                lines = [[(dict(phi=False, kind="label", text=lb), lb)]]
            add_text_block(ctx, rng, lines, regs, "label", rot=rot)
        for _ in range(int(rng.integers(1, 3)) if rng.random() < 0.6 else 0):
            add_object(ctx, rng)


def make_image(idx, seed, fonts, plan):
    rng = np.random.default_rng([seed, idx, 7])
    ctx = Ctx()
    ctx.fonts = fonts
    ctx.results = []
    ctx.occupied = []
    cat, real, content = plan
    ctx.big = cat == "full"
    ctx.viewer = cat == "viewer"
    ctx.rgb = cat in ("viewer", "rgbsc")
    ctx.viewport = None
    ctx.hdr = make_header(rng)
    ctx.phi_rot = rng.random() < 0.1
    ctx.coloured_text = ctx.rgb and rng.random() < 0.7
    info = dict(category=cat, real_anatomy=real, content=content)
    # geometry
    if ctx.big:
        L = int(rng.integers(1800, 3001))
        asp = rng.uniform(0.75, 0.95)
        if rng.random() < 0.8:
            H, W = L, int(L * asp)
        else:
            W, H = L, int(L * asp)
    else:
        L = int(rng.integers(256, 901)) if rng.random() < 0.25 else int(rng.integers(450, 901))
        asp = rng.uniform(0.7, 1.0)
        if ctx.viewer:
            W, H = L, int(L * rng.uniform(0.62, 0.8))
        elif rng.random() < 0.7:
            H, W = L, int(L * asp)
        else:
            W, H = L, int(L * asp)
    ctx.W, ctx.H = W, H
    ctx.margin = max(3, int(min(W, H) * rng.uniform(0.006, 0.02)))
    ctx.panel_pad = max(2, int(min(W, H) * rng.uniform(0.003, 0.01)))
    ctx.obj_scale = min(W, H) / 2000.0
    # anatomy (display brightness in [0,1])
    if ctx.viewer:
        vw = int(W * rng.uniform(0.55, 0.8))
        vh = int(H * rng.uniform(0.8, 0.95))
        va = real_chest(vh, vw, rng)[0] if real else synth_chest(vh, vw, rng)
        uibg = rng.uniform(0, 35)
        disp_img = np.full((H, W), uibg / 255.0, np.float32)
        vx, vy = (W - vw) // 2 + int(rng.integers(-W // 20, W // 20 + 1)), (H - vh) // 2
        vx = int(np.clip(vx, 0, W - vw))
        disp_img[vy:vy + vh, vx:vx + vw] = va
        if rng.random() < 0.5:  # toolbar strip (no text)
            tb = int(H * rng.uniform(0.03, 0.06))
            disp_img[:tb] = rng.uniform(0.15, 0.3)
            disp_img[:vy] = np.minimum(disp_img[:vy], 1)
        ctx.viewport = (vx, vy, vx + vw, vy + vh)
        info["viewport"] = list(ctx.viewport)
    else:
        if real:
            disp_img, rinfo = real_chest(H, W, rng)
            info.update(rinfo)
        else:
            disp_img = synth_chest(H, W, rng)
    # pixel model
    if ctx.big:
        bits = int(pick(rng, [10, 12, 12, 16]))
        mono1 = rng.random() < 0.35
        slope, inter = 1.0, 0.0
        if rng.random() < 0.4:
            slope = float(pick(rng, [1.0, 0.5, 2.0, 1.0]))
            inter = float(pick(rng, [-1024.0, -512.0, 0.0, 100.0]))
        maxv = (1 << bits) - 1
        lo = rng.uniform(0.0, 0.04) * maxv
        hi = rng.uniform(0.95, 1.0) * maxv
        b = disp_img if not mono1 else 1 - disp_img
        S = lo + b * (hi - lo)
        wc = ww = None
        if rng.random() < 0.65:
            mod = S * slope + inter
            p0, p1 = np.percentile(mod[::7, ::7], [rng.uniform(0.5, 4), rng.uniform(97, 99.8)])
            wc, ww = float(round((p0 + p1) / 2)), float(max(16, round(p1 - p0)))
        ctx.disp = Display(bits, mono1, slope, inter, wc, ww)
        ctx.value_mode = pick(rng, ["extreme", "edge", "inside"]) if wc is not None else pick(
            rng, ["extreme", "extreme", "inside"])
        ctx.tab = ctx.disp.table(ctx.value_mode, rng)
        ctx.S = S.astype(np.float64)
        info.update(bits=bits, photometric="MONOCHROME1" if mono1 else "MONOCHROME2", slope=slope,
                    intercept=inter, wc=wc, ww=ww, value_mode=ctx.value_mode)
        modality = pick(rng, ["CR", "DX"])
    elif ctx.rgb:
        ctx.S = np.repeat((disp_img * 255.0)[..., None], 3, 2).astype(np.float64)
        if not ctx.viewer and rng.random() < 0.3:  # slight tint of a screen capture
            ctx.S *= np.array(rng.uniform(0.92, 1.0, 3))
        ctx.disp = None
        ctx.tab = None
        ctx.value_mode = "rgb"
        bits, mono1 = 8, False
        modality = "OT"
        info.update(bits=8, photometric="RGB")
    else:
        ctx.S = (disp_img * 255.0).astype(np.float64)
        ctx.disp = Display(8, False)
        ctx.value_mode = pick(rng, ["extreme", "inside"])
        ctx.tab = ctx.disp.table(ctx.value_mode, rng)
        bits, mono1 = 8, False
        modality = pick(rng, ["CR", "DX", "OT"])
        info.update(bits=8, photometric="MONOCHROME2", value_mode=ctx.value_mode)
    info["size"] = [W, H]
    # content
    gen_image_content(ctx, rng, content)
    # quantise
    if ctx.rgb:
        arr = np.clip(np.rint(ctx.S), 0, 255).astype(np.uint8)
    elif bits == 8:
        arr = np.clip(np.rint(ctx.S), 0, 255).astype(np.uint8)
    else:
        arr = np.clip(np.rint(ctx.S), 0, (1 << bits) - 1).astype(np.uint16)
    return ctx, arr, info, modality, bits, rng


def uid(seed, idx, what):
    return generate_uid(prefix=UID_PREFIX, entropy_srcs=["pixc", str(seed), str(idx), what])


def write_dicom(path, arr, ctx, info, modality, bits, seed, idx, rng):
    h = ctx.hdr
    if ctx.rgb:
        sop = "1.2.840.10008.5.1.4.1.1.7"
    elif modality == "CR":
        sop = "1.2.840.10008.5.1.4.1.1.1"
    elif modality == "DX":
        sop = "1.2.840.10008.5.1.4.1.1.1.1"
    else:
        sop = "1.2.840.10008.5.1.4.1.1.7"
    fm = FileMetaDataset()
    fm.MediaStorageSOPClassUID = sop
    fm.MediaStorageSOPInstanceUID = uid(seed, idx, "sop")
    fm.TransferSyntaxUID = ExplicitVRLittleEndian
    fm.ImplementationClassUID = UID_PREFIX + "77.1"
    fm.ImplementationVersionName = "PIXC_GEN_1"
    ds = FileDataset(path, {}, file_meta=fm, preamble=b"\0" * 128)
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY"] if not ctx.rgb else ["DERIVED", "SECONDARY"]
    ds.SOPClassUID = sop
    ds.SOPInstanceUID = fm.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid(seed, idx, "study")
    ds.SeriesInstanceUID = uid(seed, idx, "series")
    ds.StudyDate = h["study"].strftime("%Y%m%d")
    ds.StudyTime = h["study"].strftime("%H%M%S")
    ds.SeriesDate = ds.StudyDate
    ds.ContentDate = ds.StudyDate
    ds.ContentTime = ds.StudyTime
    ds.AccessionNumber = h["acc"]
    ds.Modality = modality
    ds.Manufacturer = pick(rng, ["ACME IMAGING", "GENERIC XR", "SYNTHRAY"])
    ds.InstitutionName = h["inst"]
    ds.ReferringPhysicianName = f"{h['ref'][0]}^{h['ref'][1]}"
    if h["station"]:
        ds.StationName = h["station"]
    ds.StudyDescription = "CHEST"
    ds.SeriesDescription = pick(rng, ["CHEST PA", "CHEST AP", "CHEST 1V", "PORTABLE CHEST"])
    ds.OperatorsName = f"{h['op'][0]}^{h['op'][1]}"
    ds.PatientName = f"{h['last']}^{h['first']}" + (f"^{h['middle']}" if h["middle"] else "")
    ds.PatientID = h["pid"]
    ds.PatientBirthDate = h["dob"].strftime("%Y%m%d")
    ds.PatientSex = h["sex"]
    ds.BodyPartExamined = "CHEST"
    if ctx.rgb:
        ds.ConversionType = "WSD"
    ds.StudyID = str(int(rng.integers(1, 9999)))
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.Rows, ds.Columns = arr.shape[0], arr.shape[1]
    if ctx.rgb:
        ds.SamplesPerPixel = 3
        ds.PhotometricInterpretation = "RGB"
        ds.PlanarConfiguration = 0
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 8, 8, 7
    else:
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = info["photometric"]
        ds.BitsAllocated = 8 if bits == 8 else 16
        ds.BitsStored = bits
        ds.HighBit = bits - 1
        if ctx.big:
            ps = round(float(rng.uniform(0.1, 0.2)), 3)
            ds.ImagerPixelSpacing = [ps, ps]
            ds.PixelSpacing = [ps, ps]
            if info["slope"] != 1.0 or info["intercept"] != 0.0 or rng.random() < 0.3:
                ds.RescaleSlope = info["slope"]
                ds.RescaleIntercept = info["intercept"]
                ds.RescaleType = "US"
            if info["wc"] is not None:
                ds.WindowCenter = info["wc"]
                ds.WindowWidth = info["ww"]
    ds.PixelRepresentation = 0
    vr = "OW" if (not ctx.rgb and bits > 8) else "OB"
    ds.add_new(0x7FE00010, vr, arr.tobytes())
    ds.save_as(path, enforce_file_format=True)


def save_npz(path, masks):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for i, m in enumerate(masks):
            bio = io.BytesIO()
            np.lib.format.write_array(bio, np.ascontiguousarray(m), allow_pickle=False)
            zi = zipfile.ZipInfo(f"b{i}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, bio.getvalue())


def make_plan(seed, n):
    prng = np.random.default_rng([seed, 424242])
    nfull = n // 2 + (n % 2 if prng.random() < 0.5 else 0)
    nsmall = n - nfull
    nview = int(round(nsmall * 0.3))
    nrgb = int(round(nsmall * 0.25))
    cats = ["full"] * nfull + ["viewer"] * nview + ["rgbsc"] * nrgb + ["small8"] * (nsmall - nview - nrgb)
    cats = list(prng.permutation(cats))
    nreal = int(round(n / 3))
    real = list(prng.permutation([True] * nreal + [False] * (n - nreal)))
    nnone = max(1, int(round(0.06 * n)))
    nmk = max(1, int(round(0.1 * n)))
    nphi = max(1, int(round(0.1 * n)))
    content = ["none"] * nnone + ["markers"] * nmk + ["phi"] * nphi + ["mixed"] * (n - nnone - nmk - nphi)
    content = list(prng.permutation(content))[:n]
    return [(str(cats[i]), bool(real[i]), str(content[i])) for i in range(n)]


def generate(seed, n, out):
    os.makedirs(out, exist_ok=True)
    fonts = discover_fonts()
    if not fonts:
        sys.exit("no TrueType fonts found")
    plan = make_plan(seed, n)
    truth_lines, style_lines = [], []
    for i in range(n):
        ctx, arr, info, modality, bits, rng = make_image(i, seed, fonts, plan[i])
        name = f"img{i:03d}"
        write_dicom(os.path.join(out, name + ".dcm"), arr, ctx, info, modality, bits, seed, i, rng)
        boxes, masks = [], []
        for r in ctx.results:
            x0, y0, x1, y1 = r["bbox"]
            m = np.zeros((ctx.H, ctx.W), bool)
            m[y0:y1, x0:x1] = r["mask_local"]
            ys, xs = np.nonzero(m)
            bb = [int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1]
            meta = r["meta"]
            boxes.append(dict(phi=bool(meta["phi"]), kind=meta["kind"], text=meta["text"], bbox=bb))
            masks.append(m)
            srow = dict(file=name + ".dcm", box=len(boxes) - 1, phi=bool(meta["phi"]), kind=meta["kind"],
                        text=meta["text"], bbox=bb)
            if "in_header" in meta:
                srow["in_header"] = meta["in_header"]
            srow.update(r["style"])
            srow["image"] = info
            style_lines.append(srow)
        save_npz(os.path.join(out, name + ".npz"), masks)
        truth_lines.append(dict(file=name + ".dcm", glyph_mask=name + ".npz", boxes=boxes))
        print(f"{name}: {plan[i]} {ctx.W}x{ctx.H} boxes={len(boxes)}", flush=True)
    with open(os.path.join(out, "truth.jsonl"), "w") as f:
        for t in truth_lines:
            f.write(json.dumps(t) + "\n")
    with open(os.path.join(out, "styles.jsonl"), "w") as f:
        for s in style_lines:
            f.write(json.dumps(s, default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o)) + "\n")


# ----------------------------------------------------------------------------
# check
# ----------------------------------------------------------------------------

def display_from_header(ds):
    a = ds.pixel_array
    if ds.PhotometricInterpretation == "RGB":
        return a.astype(np.uint8)
    d = Display(int(ds.BitsStored), ds.PhotometricInterpretation == "MONOCHROME1",
                float(getattr(ds, "RescaleSlope", 1.0)), float(getattr(ds, "RescaleIntercept", 0.0)),
                float(ds.WindowCenter) if "WindowCenter" in ds else None,
                float(ds.WindowWidth) if "WindowWidth" in ds else None)
    return np.rint(d(a)).astype(np.uint8)


def band(c):
    if c <= 12:
        return "07-12"
    if c <= 19:
        return "13-19"
    if c <= 39:
        return "20-39"
    if c <= 60:
        return "40-60"
    return ">60"


def check(out):
    truth = [json.loads(l) for l in open(os.path.join(out, "truth.jsonl"))]
    styles = [json.loads(l) for l in open(os.path.join(out, "styles.jsonl"))]
    errors = []
    nbox = 0
    for t in truth:
        ds = pydicom.dcmread(os.path.join(out, t["file"]))
        a = ds.pixel_array
        shp = a.shape[:2]
        for tag in ("PatientName", "PatientID", "AccessionNumber", "PatientBirthDate", "StudyDate", "StudyTime",
                    "InstitutionName", "ReferringPhysicianName", "OperatorsName", "SOPClassUID", "Modality"):
            if tag not in ds:
                errors.append(f"{t['file']}: missing {tag}")
        if ds.file_meta.TransferSyntaxUID != ExplicitVRLittleEndian:
            errors.append(f"{t['file']}: transfer syntax")
        z = np.load(os.path.join(out, t["glyph_mask"]))
        if len(z.files) != len(t["boxes"]):
            errors.append(f"{t['file']}: {len(z.files)} masks vs {len(t['boxes'])} boxes")
        acc = np.zeros(shp, np.int32)
        for i, b in enumerate(t["boxes"]):
            nbox += 1
            m = z[f"b{i}"]
            if m.shape != shp or m.dtype != bool:
                errors.append(f"{t['file']} b{i}: shape/dtype {m.shape} {m.dtype}")
                continue
            if not m.any():
                errors.append(f"{t['file']} b{i}: empty")
                continue
            x0, y0, x1, y1 = b["bbox"]
            if not (0 <= x0 < x1 <= shp[1] and 0 <= y0 < y1 <= shp[0]):
                errors.append(f"{t['file']} b{i}: bbox outside frame {b['bbox']}")
            inside = m[y0:y1, x0:x1].sum()
            if inside != m.sum():
                errors.append(f"{t['file']} b{i}: mask outside bbox")
            acc += m
        if (acc > 1).any():
            errors.append(f"{t['file']}: masks overlap ({int((acc > 1).sum())} px)")
    print(f"images {len(truth)}, boxes {nbox}, errors {len(errors)}")
    for e in errors[:30]:
        print("  ERROR", e)
    # distribution
    def show(title, cnt):
        print(f"{title}: " + ", ".join(f"{k}={v}" for k, v in sorted(cnt.items(), key=lambda kv: str(kv[0]))))
    imgs = {}
    for s in styles:
        imgs[s["file"]] = s["image"]
    show("kind", Counter(s["kind"] for s in styles))
    show("phi", Counter(s["phi"] for s in styles))
    phis = [s for s in styles if s["phi"]]
    show("PHI in header", Counter(s.get("in_header") for s in phis))
    text = [s for s in styles if s["kind"] != "object"]
    show("cap band (text items)", Counter(band(s["cap"]) for s in text))
    show("cap band (PHI)", Counter(band(s["cap"]) for s in phis))
    show("family", Counter(s["family"] for s in text))
    show("weight", Counter(s["weight"] for s in text))
    show("italic", Counter(s["italic"] for s in text))
    show("condensed", Counter(s["condensed"] for s in text))
    show("antialiased", Counter(s["aa"] for s in text))
    show("spacing", Counter(s["spacing"] for s in text))
    show("polarity", Counter(s["polarity"] for s in styles))
    show("panel", Counter(s["panel"]["type"] for s in styles))
    show("rotation", Counter(s["rotation"] if s["rotation"] in (0, 90, 270, 0.0) else "other" for s in styles))
    show("PHI rotated", Counter(bool(s["rotation"]) for s in phis))
    show("mirror", Counter(s["mirror"] for s in styles))
    show("over anatomy", Counter(s["over_anatomy"] for s in styles))
    show("region", Counter(s["region"] for s in styles))
    show("objects", Counter(s.get("object") for s in styles if s["kind"] == "object"))
    c = [s["contrast"] for s in phis]
    if c:
        print(f"PHI contrast (display grey levels): min {min(c)}, median {np.median(c)}, <40: {sum(x < 40 for x in c)}")
    show("value mode", Counter(s["value_mode"] for s in styles))
    # images
    allimg = []
    tb = {t["file"]: len(t["boxes"]) for t in truth}
    for t in truth:
        im = imgs.get(t["file"])
        allimg.append((t["file"], im))
    cat = Counter()
    for t in truth:
        ds = pydicom.dcmread(os.path.join(out, t["file"]), stop_before_pixels=True)
        cat[(ds.Modality, ds.PhotometricInterpretation, int(ds.BitsStored), "window" if "WindowCenter" in ds
             else "-", "rescale" if "RescaleSlope" in ds else "-")] += 1
    show("image types (modality, photometric, bits, window, rescale)", cat)
    kinds_per_img = Counter()
    for t in truth:
        ks = {("phi" if b["phi"] else ("marker" if b["kind"] in ("marker", "object") else "other")) for b in t["boxes"]}
        kinds_per_img["none" if not ks else "+".join(sorted(ks))] += 1
    show("content per image", kinds_per_img)
    # previews
    pdir = os.path.join(out, "preview")
    os.makedirs(pdir, exist_ok=True)
    chosen = []
    wanted = [("full", False), ("full", True), ("viewer", None), ("small8", None), ("rgbsc", None)]
    for cat_w, real_w in wanted:
        for f, im in allimg:
            if im and im["category"] == cat_w and (real_w is None or im["real_anatomy"] == real_w) \
                    and tb[f] > 2 and f not in chosen:
                chosen.append(f)
                break
    chosen = chosen[:4]
    for f in chosen:
        ds = pydicom.dcmread(os.path.join(out, f))
        d = display_from_header(ds)
        im = Image.fromarray(d)
        s = 1100 / max(im.size)
        if s < 1:
            im = im.resize((int(im.size[0] * s), int(im.size[1] * s)), Image.LANCZOS)
        im.save(os.path.join(pdir, f.replace(".dcm", ".png")))
    print("previews:", chosen)
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--out", default="out")
    ap.add_argument("--check", metavar="DIR")
    a = ap.parse_args()
    if a.check:
        errs = check(a.check)
        sys.exit(1 if errs else 0)
    generate(a.seed, a.n, a.out)


if __name__ == "__main__":
    main()
