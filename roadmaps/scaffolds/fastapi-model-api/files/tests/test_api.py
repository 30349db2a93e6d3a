"""API tests with FastAPI's TestClient: no server, no model file, a throw-away database."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.model import load_model, predict_one, save_model, train_demo_model
from app.schemas import EXAMPLE_APPLICATION, LoanApplication

APPLICATION = EXAMPLE_APPLICATION


@pytest.fixture(scope="module")
def model():
    return train_demo_model(n=300, seed=1)  # tiny synthetic training set: fast


@pytest.fixture
def client(model):
    app = create_app(model=model, version="test", db_path=":memory:")
    with TestClient(app) as c:  # "with" runs the startup (lifespan) code
        yield c


def test_health(client) -> None:
    assert client.get("/health").json() == {"status": "ok", "model_loaded": True, "model_version": "test"}


def test_predict_stores_and_returns_the_prediction(client) -> None:
    response = client.post("/predict", json=APPLICATION)
    assert response.status_code == 201
    body = response.json()
    assert 0 <= body["probability"] <= 1
    assert body["approved"] == (body["probability"] >= 0.5)
    assert body["application"] == APPLICATION
    assert body["actual_outcome"] is None

    assert client.get(f"/predictions/{body['id']}").json() == body


def test_invalid_input_is_rejected_with_422(client) -> None:
    assert client.post("/predict", json={**APPLICATION, "loan_amount": -5}).status_code == 422
    assert client.post("/predict", json={**APPLICATION, "employment": "pirate"}).status_code == 422
    assert client.post("/predict", json={**APPLICATION, "typo_field": 1}).status_code == 422
    missing = {k: v for k, v in APPLICATION.items() if k != "applicant_income"}
    assert client.post("/predict", json=missing).status_code == 422


def test_list_newest_first_with_paging(client) -> None:
    ids = [client.post("/predict", json=APPLICATION).json()["id"] for _ in range(3)]
    listed = client.get("/predictions", params={"limit": 2}).json()
    assert [p["id"] for p in listed] == ids[::-1][:2]
    assert client.get("/predictions", params={"limit": 0}).status_code == 422


def test_delete_then_404(client) -> None:
    pid = client.post("/predict", json=APPLICATION).json()["id"]
    assert client.delete(f"/predictions/{pid}").status_code == 204
    assert client.get(f"/predictions/{pid}").status_code == 404
    assert client.delete(f"/predictions/{pid}").status_code == 404


def test_no_model_gives_503(tmp_path) -> None:
    app = create_app(model_path=str(tmp_path / "missing.joblib"), db_path=":memory:")
    with TestClient(app) as c:
        assert c.get("/health").json()["model_loaded"] is False
        assert c.post("/predict", json=APPLICATION).status_code == 503


def test_model_saved_with_joblib_is_served(model, tmp_path) -> None:
    path = save_model(model, tmp_path / "model.joblib")
    expected = predict_one(model, LoanApplication(**APPLICATION))
    assert predict_one(load_model(path), LoanApplication(**APPLICATION)) == expected
    with TestClient(create_app(model_path=str(path), db_path=":memory:")) as c:
        assert c.get("/health").json()["model_version"] != "in-memory"
        assert c.post("/predict", json=APPLICATION).json()["probability"] == pytest.approx(expected[1])


def test_riskier_application_gets_lower_probability(client) -> None:
    safe = client.post("/predict", json=APPLICATION).json()["probability"]
    risky = {**APPLICATION, "loan_amount": 900000, "existing_debt": 4000, "employment": "unemployed"}
    assert client.post("/predict", json=risky).json()["probability"] < safe


# TODO: once PredictionStore.set_outcome and the PATCH endpoint exist (store.py, main.py):
#
# def test_record_outcome(client):
#     pid = client.post("/predict", json=APPLICATION).json()["id"]
#     response = client.patch(f"/predictions/{pid}", json={"actual_outcome": True})
#     assert response.status_code == 200 and response.json()["actual_outcome"] is True
#     assert client.get(f"/predictions/{pid}").json()["actual_outcome"] is True
#     assert client.patch("/predictions/999999", json={"actual_outcome": True}).status_code == 404
