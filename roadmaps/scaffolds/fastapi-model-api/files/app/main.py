"""The FastAPI application.

    uvicorn app.main:app --reload            # then open http://127.0.0.1:8000/docs

Settings come from environment variables: ``MODEL_PATH`` (default ``models/model.joblib``)
and ``DB_PATH`` (default ``predictions.db``; ``:memory:`` for a throw-away database).
"""

from __future__ import annotations

import inspect
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response, status

from app.model import load_model, model_version, predict_one
from app.schemas import Health, LoanApplication, PredictionOut, to_dict
from app.store import PredictionStore


def get_store(request: Request) -> PredictionStore:
    """Dependency: the database opened at startup."""
    return request.app.state.store


def get_model(request: Request) -> Any:
    """Dependency: the model loaded at startup, or 503 if there is none."""
    if request.app.state.model is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "No model loaded: run `python -m app.train` first")
    return request.app.state.model


# Endpoints declare what they need with ``store: PredictionStore = Depends(get_store)``: FastAPI
# calls the function and passes its result. (FastAPI 0.95+ also accepts the same in
# ``Annotated[PredictionStore, Depends(get_store)]``; the default-value form works on every version.)

# FastAPI < 0.93 has no ``lifespan`` argument; its router runs the same context manager.
_HAS_LIFESPAN = "lifespan" in inspect.signature(FastAPI.__init__).parameters


def create_app(
    model: Any | None = None,
    version: str = "in-memory",
    model_path: str | None = None,
    db_path: str | None = None,
) -> FastAPI:
    """Build the app. Tests pass a ``model`` directly; the server loads it from ``model_path``."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Runs once at startup: load the model and open the database, not on every request.
        app.state.model, app.state.model_version = model, version
        path = model_path or os.getenv("MODEL_PATH", "models/model.joblib")
        if app.state.model is None and os.path.exists(path):
            app.state.model, app.state.model_version = load_model(path), model_version(path)
        app.state.store = PredictionStore(db_path or os.getenv("DB_PATH", "predictions.db"))
        yield
        app.state.store.close()

    if _HAS_LIFESPAN:
        app = FastAPI(title="Loan approval API", version="0.1.0", lifespan=lifespan)
    else:
        app = FastAPI(title="Loan approval API", version="0.1.0")
        app.router.lifespan_context = lifespan

    @app.get("/health", response_model=Health)
    def health(request: Request) -> Health:
        loaded = request.app.state.model is not None
        return Health(status="ok", model_loaded=loaded, model_version=request.app.state.model_version if loaded else None)

    @app.post("/predict", response_model=PredictionOut, status_code=status.HTTP_201_CREATED)
    def predict(
        application: LoanApplication,
        request: Request,
        model: Any = Depends(get_model),
        store: PredictionStore = Depends(get_store),
    ) -> dict[str, Any]:
        """Score one application, store the prediction (Create), return it with its id."""
        approved, probability = predict_one(model, application)
        return store.create(
            model_version=request.app.state.model_version,
            approved=approved,
            probability=probability,
            application=to_dict(application),
        )

    @app.get("/predictions", response_model=list[PredictionOut])
    def list_predictions(
        store: PredictionStore = Depends(get_store),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0),
    ) -> list[dict[str, Any]]:
        """Newest first (Read, many)."""
        return store.list(limit, offset)

    @app.get("/predictions/{prediction_id}", response_model=PredictionOut)
    def get_prediction(prediction_id: int, store: PredictionStore = Depends(get_store)) -> dict[str, Any]:
        """One prediction (Read)."""
        found = store.get(prediction_id)
        if found is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"Prediction {prediction_id} not found")
        return found

    # TODO (Update): record the real outcome of a loan so you can measure the model later.
    #
    # @app.patch("/predictions/{prediction_id}", response_model=PredictionOut)
    # def set_outcome(prediction_id: int, body: OutcomeUpdate, store: PredictionStore = Depends(get_store)) -> dict[str, Any]:
    #     ...  # call store.set_outcome (a TODO in store.py); 404 if it returns None
    #
    # Then add GET /metrics with response_model=Metrics (schemas.py): "labelled" = how many
    # stored predictions have an actual_outcome, "accuracy" = the share of those where
    # approved == actual_outcome (None when there are none yet).

    @app.delete("/predictions/{prediction_id}", status_code=status.HTTP_204_NO_CONTENT)
    def delete_prediction(prediction_id: int, store: PredictionStore = Depends(get_store)) -> Response:
        """Remove a prediction (Delete)."""
        if not store.delete(prediction_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"Prediction {prediction_id} not found")
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return app


app = create_app()
