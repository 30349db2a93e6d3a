"""Fill a database with a synthetic hourly series and forecasts, then query it.

    python -m predictions_db.demo                                # sqlite:///predictions.db
    python -m predictions_db.demo --db sqlite:// --echo          # in memory, print the SQL
"""

from __future__ import annotations

import argparse
import math
import random
from datetime import datetime, timedelta

from predictions_db import crud
from predictions_db.db import init_db, make_engine, make_session_factory

SERIES = "demo_temperature"


def synthetic_hourly_series(days: int = 14, seed: int = 0) -> list[tuple[datetime, float]]:
    """Hourly values with a daily cycle, a slow trend and noise."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1)
    points = []
    for h in range(days * 24):
        value = 10 + 0.02 * h + 5 * math.sin(2 * math.pi * (h % 24 - 9) / 24) + rng.gauss(0, 0.8)
        points.append((start + timedelta(hours=h), round(value, 2)))
    return points


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="sqlite:///predictions.db")
    parser.add_argument("--echo", action="store_true", help="print every SQL statement")
    args = parser.parse_args(argv)

    engine = make_engine(args.db, echo=args.echo)
    init_db(engine)
    SessionLocal = make_session_factory(engine)

    with SessionLocal() as session:
        # Store the history (replacing an earlier demo run; upsert_points is the better way).
        crud.delete_series(session, SERIES)
        points = synthetic_hourly_series()
        print(f"stored {crud.add_points(session, SERIES, points)} points of {SERIES!r}")

        # A "seasonal naive" model for the last day: predict the value 24 hours earlier.
        history = crud.get_series(session, SERIES)
        by_time = {p.ts: p.value for p in history}
        record_actuals = True
        for point in history[-24:]:
            lag_24 = by_time[point.ts - timedelta(hours=24)]
            pred = crud.create_prediction(
                session,
                model_name="seasonal_naive",
                model_version="v1",
                features={"ts": point.ts.isoformat(), "lag_24": lag_24},
                prediction=lag_24,
            )
            if record_actuals:
                try:
                    crud.set_actual(session, pred.id, point.value)
                except NotImplementedError as exc:
                    print(f"(not recording actual values yet: {exc})")
                    record_actuals = False

        print("series:", crud.list_series(session))
        print("latest point:", crud.latest_point(session, SERIES))
        print("newest predictions:")
        for p in crud.list_predictions(session, model_name="seasonal_naive", limit=3):
            print("  ", p)
        for name, query in [
            ("MAE by version", lambda: crud.mean_absolute_error_by_version(session, "seasonal_naive")),
            ("first daily averages", lambda: crud.daily_average(session, SERIES)[:3]),
        ]:
            try:
                print(f"{name}:", query())
            except NotImplementedError as exc:
                print(f"{name}: {exc}")


if __name__ == "__main__":
    main()
