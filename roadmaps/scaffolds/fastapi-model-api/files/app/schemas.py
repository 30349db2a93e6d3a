"""Pydantic models: what the API accepts and what it returns.

FastAPI validates every request against these (a bad request gets a 422 with details)
and documents them at /docs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class LoanApplication(BaseModel):
    """One loan application: the model's input features."""

    model_config = ConfigDict(
        extra="forbid",  # a misspelt field is an error, not silently ignored
        json_schema_extra={
            "examples": [
                {
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
            ]
        },
    )

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


class Health(BaseModel):
    status: Literal["ok"]
    model_loaded: bool
    model_version: str | None
