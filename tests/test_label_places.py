"""Where a chart's number labels go (`plan.labelling.place_labels`), held against the rule
in its simplest form: each label tries the places around its point one by one, nearest
ring first and in the order of DIRECTIONS, and takes the first place inside the plot that
costs least (100 for each label placed before it that its box overlaps, 1 for each marker
under it), stopping at the first that costs nothing; without any place inside the plot it
stays on its point."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from klantanalyse.plan import labelling as L


def oracle_centres(frame, points, labelled):
    markers = [frame.to_cm(x, y) for x, y in points]
    taken = []
    centres = []
    for x, y, text in labelled:
        px, py = frame.to_cm(x, y)
        width = L.DIGIT_CM * len(text) + 2 * L.LABEL_PAD_CM
        height = L.LABEL_HEIGHT_CM + 2 * L.LABEL_PAD_CM
        best = None
        for distance in L.RINGS_CM:
            for ux, uy in L.DIRECTIONS:
                cx = px + ux * (L.MARKER_CM + distance + width / 2)
                cy = py + uy * (L.MARKER_CM + distance + height / 2)
                box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
                if box[0] < 0 or box[1] < 0 or box[2] > frame.width or box[3] > frame.height:
                    continue
                labels = sum(
                    box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3]
                    for t in taken
                )
                under = sum(
                    box[0] < mx + L.MARKER_CM
                    and mx - L.MARKER_CM < box[2]
                    and box[1] < my + L.MARKER_CM
                    and my - L.MARKER_CM < box[3]
                    for mx, my in markers
                )
                cost = 100 * labels + under
                if best is None or cost < best[0]:
                    best = (cost, cx, cy)
        if best is None:
            best = (0, px, py)
        _, cx, cy = best
        taken.append((cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2))
        centres.append(frame.to_data(cx, cy))
    return centres


point = st.tuples(
    st.floats(min_value=0, max_value=10, allow_nan=False),
    st.floats(min_value=1, max_value=1e6, allow_nan=False),
)


@settings(max_examples=200, deadline=None)
@given(
    size=st.tuples(st.floats(min_value=0.5, max_value=20), st.floats(min_value=0.5, max_value=15)),
    points=st.lists(point, min_size=1, max_size=80),
    labelled=st.lists(
        st.tuples(point, st.text(alphabet="0123456789.", min_size=1, max_size=9)), max_size=12
    ),
)
def test_each_label_takes_the_first_cheapest_place(size, points, labelled):
    frame = L.Frame(size[0], size[1], 0.0, 10.0, 0.0, 6.0)
    labels = [(x, y, text) for (x, y), text in labelled]
    placed = L.place_labels(frame, points + [(x, y) for x, y, _ in labels], labels)
    expected = oracle_centres(frame, points + [(x, y) for x, y, _ in labels], labels)
    assert [(p.x, p.y) for p in placed] == expected
