"""Where the number labels of a chart go, so that no two overlap and none hides a point.

Pure geometry in centimetres on the chart's plot area: each labelled point tries places
around itself, nearest first (right, left, above, below, then the diagonals, in widening
rings), and takes the first whose box overlaps no label placed before it, no marker and
stays inside the plot. A label placed away from its point gets a leader line to it. The
sizes are estimates of how Excel and LibreOffice draw 8 pt text; they err on the large side.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DIGIT_CM = 0.17  # width of one digit of 8 pt text
LABEL_HEIGHT_CM = 0.34
LABEL_PAD_CM = 0.06  # room around a label's box
MARKER_CM = 0.15  # half the size of a 7 pt marker
RINGS_CM = (0.08, 0.35, 0.65, 0.95, 1.3, 1.7, 2.2)  # distances tried, nearest first
LEADER_FROM_CM = 0.3  # a label further than this from its point gets a leader line
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


@dataclass(frozen=True)
class Frame:
    """A chart's plot area (cm) and the data it spans: x linear, y on a log10 scale."""

    width: float
    height: float
    x_min: float
    x_max: float
    log_min: float
    log_max: float

    def to_cm(self, x: float, y: float) -> tuple[float, float]:
        """Data (x, y > 0) to centimetres from the plot's bottom left."""
        cx = (x - self.x_min) / (self.x_max - self.x_min) * self.width
        cy = (math.log10(y) - self.log_min) / (self.log_max - self.log_min) * self.height
        return cx, cy

    def to_data(self, cx: float, cy: float) -> tuple[float, float]:
        x = self.x_min + cx / self.width * (self.x_max - self.x_min)
        y = 10 ** (self.log_min + cy / self.height * (self.log_max - self.log_min))
        return x, y


def log_range(values: Sequence[float]) -> tuple[float, float]:
    """The decades a log axis shows for `values` (> 0), as Excel and LibreOffice choose them
    by themselves: from the power of ten at or below the smallest to the one at or above the
    largest."""
    low = math.floor(math.log10(float(np.min(values))))
    high = math.ceil(math.log10(float(np.max(values))))
    return float(low), float(max(high, low + 1))


@dataclass(frozen=True)
class Placed:
    """A label's centre (data units) and, when it is away from its point, the leader line's
    two ends (from the point to the label's edge)."""

    x: float
    y: float
    leader: tuple[tuple[float, float], tuple[float, float]] | None


Box = tuple[float, float, float, float]  # left, bottom, right, top (cm)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    frame: Frame,
    points: Sequence[tuple[float, float]] | np.ndarray,
    labelled: Sequence[tuple[float, float, str]],
) -> list[Placed]:
    """A place for each (x, y, text) of `labelled`, in order (the first gets the best place);
    `points` are every point the chart draws, in data units."""
    markers = _marker_centres(frame, points)
    taken: list[Box] = []
    placed: list[Placed] = []
    for x, y, text in labelled:
        px, py = frame.to_cm(x, y)
        width = DIGIT_CM * len(text) + 2 * LABEL_PAD_CM
        height = LABEL_HEIGHT_CM + 2 * LABEL_PAD_CM
        near = _markers_near(markers, (px, py), (width, height))
        best: tuple[int, float, float, int, int] | None = None
        for distance in RINGS_CM:
            for ux, uy in DIRECTIONS:
                cx = px + ux * (MARKER_CM + distance + width / 2)
                cy = py + uy * (MARKER_CM + distance + height / 2)
                box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
                if box[0] < 0 or box[1] < 0 or box[2] > frame.width or box[3] > frame.height:
                    continue
                cost = 100 * sum(_overlaps(box, t) for t in taken) + _markers_under(box, near)
                if best is None or cost < best[0]:
                    best = (cost, cx, cy, ux, uy)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is None:  # no room inside the plot at all: on the point
            best = (0, px, py, 0, 0)
        _, cx, cy, ux, uy = best
        taken.append((cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2))
        placed.append(_placed(frame, (px, py), (cx, cy), (ux, uy), (width, height)))
    return placed


def _marker_centres(frame: Frame, points: Sequence[tuple[float, float]] | np.ndarray) -> np.ndarray:
    """The centres (cm) of every point's marker, one row each."""
    if not len(points):
        return np.empty((0, 2))
    data = np.asarray(points, dtype=float).reshape(-1, 2)
    cx = (data[:, 0] - frame.x_min) / (frame.x_max - frame.x_min) * frame.width
    logs = np.log10(data[:, 1])
    cy = (logs - frame.log_min) / (frame.log_max - frame.log_min) * frame.height
    return np.column_stack((cx, cy))


def _markers_near(markers: np.ndarray, point: tuple[float, float], size) -> np.ndarray:
    """The markers a label of `size` placed around `point` can touch (the widest ring)."""
    reach_x = 2 * MARKER_CM + RINGS_CM[-1] + size[0]
    reach_y = 2 * MARKER_CM + RINGS_CM[-1] + size[1]
    dx = np.abs(markers[:, 0] - point[0])
    dy = np.abs(markers[:, 1] - point[1])
    return markers[(dx <= reach_x + MARKER_CM) & (dy <= reach_y + MARKER_CM)]


def _markers_under(box: Box, centres: np.ndarray) -> int:
    """How many markers (centres, half size MARKER_CM) `box` overlaps."""
    if not len(centres):
        return 0
    x, y = centres[:, 0], centres[:, 1]
    hits = (
        (box[0] < x + MARKER_CM)
        & (x - MARKER_CM < box[2])
        & (box[1] < y + MARKER_CM)
        & (y - MARKER_CM < box[3])
    )
    return int(np.count_nonzero(hits))


def _placed(frame: Frame, point, centre, direction, size) -> Placed:
    """The label at `centre`, with a leader from the point to the box's near side when the
    label is further away than LEADER_FROM_CM."""
    (px, py), (cx, cy), (ux, uy), (width, height) = point, centre, direction, size
    edge = (cx - ux * width / 2, cy - uy * height / 2)
    x, y = frame.to_data(cx, cy)
    if math.hypot(edge[0] - px, edge[1] - py) <= LEADER_FROM_CM + MARKER_CM:
        return Placed(x, y, None)
    start = frame.to_data(px, py)
    return Placed(x, y, (start, frame.to_data(*edge)))
