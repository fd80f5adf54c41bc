"""Route map timings: drawing a 1,000-stop route and repainting it, offscreen.

The Routes page's map must stay smooth on a 1,000-stop route, so this times
what a user waits for: building the items when the route is shown, and one
full repaint of the view fitted to the route and zoomed in four times (what
each step of a pan or zoom costs). Runs in-process on Qt's offscreen
platform with software rendering, the slowest case.

    python bench/route_map.py            # JSON figures
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from fieldcrm.domain.route_model import Route, RouteView, StopView  # noqa: E402
from fieldcrm.domain.route_values import RouteKind, StopPin  # noqa: E402
from fieldcrm.ui.routes.map_view import RouteMapView  # noqa: E402
from timing import median_ms  # noqa: E402

DEPOT = (30.2741, 120.1551)
FRAME_BUDGET_MS = 50.0  # 20 frames a second while panning


def route_view(stops: int, seed: int = 1) -> RouteView:
    """A route of ``stops`` customers scattered over a district, every tenth one pinned."""
    rng = random.Random(seed)
    shown = tuple(
        StopView(
            f"stop-{n}", f"customer-{n}", f"C-{n:05d}", f"商店{n}", StopPin.FIXED if n % 10 == 0 else StopPin.NONE,
            DEPOT[0] + rng.uniform(-0.08, 0.08), DEPOT[1] + rng.uniform(-0.1, 0.1), 500.0,
        )
        for n in range(stops)
    )
    route = Route("route", "基准线", RouteKind.VISITING, None, None, None, None, DEPOT, (), stops, 500.0 * stops)
    return RouteView(route, shown, 500.0, 500.0 * (stops + 1))


def run(stops: int = 1000, quick: bool = False) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(["bench"])
    view = RouteMapView()
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    shown = route_view(300 if quick else stops)
    build_ms = median_ms(lambda: view.show_route(shown), repeat=3)
    view.fit()
    fitted_ms = median_ms(lambda: view.viewport().grab())
    view.zoom(4)
    zoomed_ms = median_ms(lambda: view.viewport().grab())
    worst = max(fitted_ms, zoomed_ms)
    view.close()
    return {
        "stops": len(shown.stops),
        "build_ms": round(build_ms, 1),
        "frame_fitted_ms": round(fitted_ms, 1),
        "frame_zoomed_ms": round(zoomed_ms, 1),
        "targets": {"frame_ms": FRAME_BUDGET_MS},
        "met": {"frame_ms": worst < FRAME_BUDGET_MS},
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
