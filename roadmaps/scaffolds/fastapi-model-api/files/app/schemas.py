"""Pydantic models: what the API accepts and what it returns.

FastAPI validates every request against these (a bad request gets a 422 with details)
and documents them at /docs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import pydantic
from pydantic import BaseModel, Field

# The code runs on Pydantic 2 (requirements.txt) and on Pydantic 1 (older environments):
# the few places where the two differ go through PYDANTIC_V2.
PYDANTIC_V2 = int(pydantic.VERSION.split(".")[0]) >= 2

#: A valid request body: shown at /docs and used by the tests.
EXAMPLE_APPLICATION: dict[str, Any] = {
    "applicant_income": 4500,
    "coapplicant_income": 1500,
    "loan_amount": 120000,
    "loan_term_months": 360,
    "credit_history_years": 6.5,
    "existing_debt": 300,
    "employment": "salaried",
    "education": "graduate",
    "property_area": "urban",
    "married": "yes",
    "dependents": "1",
}


class LoanApplication(BaseModel):
    """One loan application: the model's input features."""

    # A misspelt field is an error, not silently ignored (extra="forbid").
    if PYDANTIC_V2:
        model_config = pydantic.ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE_APPLICATION]})
    else:
        class Config:
            extra = "forbid"
            schema_extra = {"examples": [EXAMPLE_APPLICATION]}

    applicant_income: float = Field(gt=0, description="Monthly income of the applicant")
    coapplicant_income: float = Field(0, ge=0, description="Monthly income of the co-applicant")
    loan_amount: float = Field(gt=0)
    loan_term_months: int = Field(360, gt=0, le=480)
    credit_history_years: float = Field(ge=0, le=80)
    existing_debt: float = Field(0, ge=0, description="Monthly repayments on existing debt")
    employment: Literal["salaried", "self_employed", "unemployed"]
    education: Literal["graduate", "not_graduate"]
    property_area: Literal["urban", "semiurban", "rural"]
    married: Literal["yes", "no"]
    dependents: Literal["0", "1", "2", "3+"]


class PredictionOut(BaseModel):
    """A stored prediction, as returned by /predict and /predictions."""

    id: int
    created_at: datetime
    model_version: str
    approved: bool
    probability: float = Field(ge=0, le=1, description="Predicted probability of approval")
    application: LoanApplication
    actual_outcome: bool | None = Field(None, description="The real decision, once known")


class OutcomeUpdate(BaseModel):
    """Body of PATCH /predictions/{id} (TODO): record what really happened."""

    actual_outcome: bool


class Metrics(BaseModel):
    """Answer of GET /metrics (TODO): how well the model did where the outcome is known."""

    labelled: int = Field(description="Stored predictions that have an actual_outcome")
    accuracy: float | None = Field(None, ge=0, le=1, description="Share of them the model got right; null when none")


class Health(BaseModel):
    status: Literal["ok"]
    model_loaded: bool
    model_version: str | None


def field_names(model: type[BaseModel]) -> list[str]:
    """The fields of a model class, in order (``model_fields`` in Pydantic 2, ``__fields__`` in 1)."""
    return list(model.model_fields if PYDANTIC_V2 else model.__fields__)


def to_dict(instance: BaseModel) -> dict[str, Any]:
    """A model's data as a plain dict (``model_dump`` in Pydantic 2, ``dict`` in 1)."""
    return instance.model_dump() if PYDANTIC_V2 else instance.dict()
