"""The record of the blacked-out boxes in the header: written and read here only.

Each box a de-identification blacks out is recorded as a filled, closed POLYLINE
of the Graphic Annotation Sequence (0070,0001) -> Graphic Object Sequence
(0070,0009) on its own Graphic Layer (PS3.3 C.10.5, C.10.7), so the release
says where its pixels were changed and an audit can re-read exactly there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydicom.dataset import Dataset
from pydicom.sequence import Sequence as DicomSequence

from cxrbuild.dicom.boxes import Box

REDACTION_LAYER = "REDACTION"
REDACTION_LAYER_DESCRIPTION = "Burned-in text blacked out by de-identification"


def record_redaction_boxes(ds: Dataset, boxes: Sequence[Box]) -> None:
    """Record blacked-out boxes: Graphic Annotation Sequence (0070,0001) -> Graphic Object Sequence (0070,0009).

    One filled, closed POLYLINE graphic object per box (Graphic Type's defined
    terms are POINT, POLYLINE, INTERPOLATED, CIRCLE and ELLIPSE, PS3.3
    C.10.5.1.2), in PIXEL units: a box ``[x0, y0, x1, y1]`` is half-open in pixel
    indices, so its corners in the image's pixel coordinate system (0\\0 is the
    top left corner of the top left pixel) are (x0, y0) and (x1, y1); Graphic
    Data is column\\row pairs, the first point repeated last to close it.
    Any previous annotation is replaced; no boxes means no annotation.
    """
    for keyword in ("GraphicAnnotationSequence", "GraphicLayerSequence"):
        if keyword in ds:
            delattr(ds, keyword)
    if not boxes:
        return
    objects = []
    for box in boxes:
        x0, y0, x1, y1 = (int(v) for v in box)
        graphic = Dataset()
        graphic.GraphicAnnotationUnits = "PIXEL"
        graphic.GraphicDimensions = 2
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
        graphic.NumberOfGraphicPoints = len(corners)
        graphic.GraphicData = [float(v) for point in corners for v in point]
        graphic.GraphicType = "POLYLINE"
        graphic.GraphicFilled = "Y"
        objects.append(graphic)
    annotation = Dataset()
    annotation.GraphicLayer = REDACTION_LAYER
    annotation.GraphicObjectSequence = DicomSequence(objects)
    ds.GraphicAnnotationSequence = DicomSequence([annotation])
    layer = Dataset()
    layer.GraphicLayer = REDACTION_LAYER
    layer.GraphicLayerOrder = 1
    layer.GraphicLayerDescription = REDACTION_LAYER_DESCRIPTION
    ds.GraphicLayerSequence = DicomSequence([layer])


def redaction_boxes(ds: Dataset) -> list[Box]:
    """Boxes recorded in the Graphic Annotation Sequence, as half-open pixel rectangles.

    Each closed POLYLINE in PIXEL units (as :func:`record_redaction_boxes`
    writes them) is read back as the pixel rectangle it encloses.
    """
    boxes = []
    for annotation in ds.get("GraphicAnnotationSequence", ()):
        for graphic in annotation.get("GraphicObjectSequence", ()):
            data = [float(v) for v in graphic.get("GraphicData", ())]
            if (
                str(graphic.get("GraphicType", "")).upper() != "POLYLINE"
                or graphic.get("GraphicAnnotationUnits") != "PIXEL"
                or len(data) < 8
                or data[:2] != data[-2:]
            ):
                continue
            xs, ys = data[0::2], data[1::2]
            boxes.append(
                (math.floor(min(xs)), math.floor(min(ys)), math.ceil(max(xs)), math.ceil(max(ys)))
            )
    return boxes
