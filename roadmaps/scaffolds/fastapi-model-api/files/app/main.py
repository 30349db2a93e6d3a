"""The FastAPI application.

    uvicorn app.main:app --reload            # then open http://127.0.0.1:8000/docs

Settings come from environment variables: ``MODEL_PATH`` (default ``models/model.joblib``)
and ``DB_PATH`` (default ``predictions.db``; ``:memory:`` for a throw-away database).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response, status

from app.model import load_model, model_version, predict_one
from app.schemas import Health, LoanApplication, PredictionOut
from app.store import PredictionStore


def get_store(request: Request) -> PredictionStore:
    """Dependency: the database opened at startup."""
    return request.app.state.store


def get_model(request: Request) -> Any:
    """Dependency: the model loaded at startup, or 503 if there is none."""
    if request.app.state.model is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "No model loaded: run `python -m app.train` first")
    return request.app.state.model


# Endpoints declare what they need with these types; FastAPI calls the functions above.
Store = Annotated[PredictionStore, Depends(get_store)]
Model = Annotated[Any, Depends(get_model)]


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

    app = FastAPI(title="Loan approval API", version="0.1.0", lifespan=lifespan)

    @app.get("/health", response_model=Health)
    def health(request: Request) -> Health:
        loaded = request.app.state.model is not None
        return Health(status="ok", model_loaded=loaded, model_version=request.app.state.model_version if loaded else None)

    @app.post("/predict", response_model=PredictionOut, status_code=status.HTTP_201_CREATED)
    def predict(application: LoanApplication, model: Model, store: Store, request: Request) -> dict[str, Any]:
        """Score one application, store the prediction (Create), return it with its id."""
        approved, probability = predict_one(model, application)
        return store.create(
            model_version=request.app.state.model_version,
            approved=approved,
            probability=probability,
            application=application.model_dump(),
        )

    @app.get("/predictions", response_model=list[PredictionOut])
    def list_predictions(
        store: Store,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[dict[str, Any]]:
        """Newest first (Read, many)."""
        return store.list(limit, offset)

    @app.get("/predictions/{prediction_id}", response_model=PredictionOut)
    def get_prediction(prediction_id: int, store: Store) -> dict[str, Any]:
        """One prediction (Read)."""
        found = store.get(prediction_id)
        if found is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"Prediction {prediction_id} not found")
        return found

    # TODO (Update): record the real outcome of a loan so you can measure the model later.
    #
    # @app.patch("/predictions/{prediction_id}", response_model=PredictionOut)
    # def set_outcome(prediction_id: int, body: OutcomeUpdate, store: Store) -> dict[str, Any]:
    #     ...  # call store.set_outcome (a TODO in store.py); 404 if it returns None
    #
    # Then add GET /metrics: accuracy of the stored predictions that have an outcome.

    @app.delete("/predictions/{prediction_id}", status_code=status.HTTP_204_NO_CONTENT)
    def delete_prediction(prediction_id: int, store: Store) -> Response:
        """Remove a prediction (Delete)."""
        if not store.delete(prediction_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"Prediction {prediction_id} not found")
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return app


app = create_app()
