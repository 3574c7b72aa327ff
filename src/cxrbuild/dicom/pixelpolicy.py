"""How burned-in text is found and judged (``dicom/data/pixel_policy.yaml``), and the error of an
image whose pixels cannot be cleaned safely."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

from cxrbuild.dicom.phitext import (
    DenyList,
    KeepList,
    PhiPatterns,
    WordDecision,
    classify_words,
    load_yaml_resource,
)
from cxrbuild.dicom.textdetect import DetectionSettings


class PixelDeidError(Exception):
    """The image's pixels cannot be cleaned safely; ``str(err)`` is a one-line reason."""


def _merge(base: dict, override: Mapping) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@dataclass
class PixelPolicy:
    """How burned-in text is found and judged; defaults in ``dicom/data/pixel_policy.yaml``."""

    default_decision: str = "phi"
    unreadable_decision: str = "phi"
    keep_min_confidence: float = 30.0
    short_keep_min_confidence: float = 75.0
    exact_keep_min_confidence: float = 10.0
    single_glyph_min_confidence: float = 60.0
    single_stroke_glyph_min_confidence: float = 80.0
    min_glyph_alignment: float = 0.75
    padding_px: int = 3
    padding_fraction: float = 0.25
    glyph_tight: bool = True
    glyph_margin_px: int = 3
    lossy_target_transfer_syntax: str = "1.2.840.10008.1.2.1"
    max_frames_searched: int = 64
    verify_min_confidence: float = 50.0
    detection: DetectionSettings = field(default_factory=DetectionSettings)
    text_values: dict[str, list] = field(default_factory=dict)
    keep: KeepList = field(default_factory=lambda: KeepList.from_mapping(load_yaml_resource("pixel_keep.yaml")))
    patterns: PhiPatterns = field(
        default_factory=lambda: PhiPatterns.from_mapping(load_yaml_resource("pixel_phi_patterns.yaml"))
    )

    @classmethod
    def from_mapping(cls, mapping: Mapping | None = None) -> PixelPolicy:
        """The packaged defaults overlaid with ``mapping`` (same keys as pixel_policy.yaml).

        ``keep_list`` and ``phi_patterns`` may replace the packaged keep-list and
        patterns (mappings shaped like pixel_keep.yaml / pixel_phi_patterns.yaml).
        """
        data = _merge(load_yaml_resource("pixel_policy.yaml"), mapping or {})
        known = {f.name for f in fields(cls)} | {"keep_list", "phi_patterns"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown pixel policy key(s): {', '.join(unknown)}")
        for key in ("default_decision", "unreadable_decision"):
            if data.get(key, "phi") not in ("phi", "keep"):
                raise ValueError(f"pixel policy {key} must be 'phi' or 'keep', not {data[key]!r}")
        detection_keys = {f.name for f in fields(DetectionSettings)}
        detection = data.get("detection") or {}
        bad = sorted(set(detection) - detection_keys)
        if bad:
            raise ValueError(f"unknown pixel policy detection key(s): {', '.join(bad)}")
        scalars = {
            key: data[key]
            for key in (
                "default_decision",
                "unreadable_decision",
                "keep_min_confidence",
                "short_keep_min_confidence",
                "exact_keep_min_confidence",
                "single_glyph_min_confidence",
                "single_stroke_glyph_min_confidence",
                "min_glyph_alignment",
                "padding_px",
                "padding_fraction",
                "glyph_tight",
                "glyph_margin_px",
                "lossy_target_transfer_syntax",
                "max_frames_searched",
                "verify_min_confidence",
            )
            if key in data
        }
        return cls(
            **scalars,
            detection=DetectionSettings(**detection),
            text_values={str(k).lower(): list(v or []) for k, v in (data.get("text_values") or {}).items()},
            keep=KeepList.from_mapping(data.get("keep_list") or load_yaml_resource("pixel_keep.yaml")),
            patterns=PhiPatterns.from_mapping(
                data.get("phi_patterns") or load_yaml_resource("pixel_phi_patterns.yaml")
            ),
        )

    def classify(self, words: Sequence[tuple[str, float]], deny: DenyList) -> list[WordDecision]:
        """Each word of one line (text, OCR confidence) judged under this policy's keep-list,
        PHI patterns and confidence bars (see :func:`cxrbuild.dicom.phitext.classify_words`)."""
        return classify_words(
            words,
            self.keep,
            self.patterns,
            deny,
            default_decision=self.default_decision,
            keep_min_confidence=self.keep_min_confidence,
            short_min_confidence=self.short_keep_min_confidence,
            exact_min_confidence=self.exact_keep_min_confidence,
        )

    def text_values_for(self, manufacturer: str) -> list:
        """Fixed text values for a Manufacturer (0008,0070): the default plus every matching prefix."""
        values = list(self.text_values.get("default", []))
        name = (manufacturer or "").strip().lower()
        for key, extra in self.text_values.items():
            if key != "default" and name.startswith(key):
                values.extend(extra)
        return values
