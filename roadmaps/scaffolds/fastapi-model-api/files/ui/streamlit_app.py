"""A small Streamlit front end for the API: a form, a prediction, the history.

    pip install -r ui/requirements.txt
    streamlit run ui/streamlit_app.py          # with the API running on API_URL
"""

from __future__ import annotations

import os

import httpx
import streamlit as st

API_URL = os.getenv("API_URL", "http://127.0.0.1:{{port}}")

st.set_page_config(page_title="Loan approval", page_icon="🏦")
st.title("Loan approval")

try:
    health = httpx.get(f"{API_URL}/health", timeout=3).json()
    st.caption(f"API at {API_URL}: model {health['model_version'] or 'not loaded'}")
except httpx.HTTPError as exc:
    st.error(f"The API at {API_URL} is not reachable ({exc}). Start it with: uvicorn app.main:app")
    st.stop()

with st.form("application"):
    c1, c2 = st.columns(2)
    application = {
        "applicant_income": c1.number_input("Monthly income", min_value=1.0, value=4500.0, step=100.0),
        "coapplicant_income": c2.number_input("Co-applicant income", min_value=0.0, value=0.0, step=100.0),
        "loan_amount": c1.number_input("Loan amount", min_value=1.0, value=120000.0, step=1000.0),
        "loan_term_months": c2.selectbox("Term (months)", [120, 180, 240, 360], index=3),
        "credit_history_years": c1.slider("Credit history (years)", 0.0, 40.0, 5.0),
        "existing_debt": c2.number_input("Existing monthly debt", min_value=0.0, value=0.0, step=50.0),
        "employment": c1.selectbox("Employment", ["salaried", "self_employed", "unemployed"]),
        "education": c2.selectbox("Education", ["graduate", "not_graduate"]),
        "property_area": c1.selectbox("Property area", ["urban", "semiurban", "rural"]),
        "married": c2.selectbox("Married", ["yes", "no"]),
        "dependents": c1.selectbox("Dependents", ["0", "1", "2", "3+"]),
    }
    submitted = st.form_submit_button("Predict")

if submitted:
    response = httpx.post(f"{API_URL}/predict", json=application, timeout=10)
    if response.status_code == 201:
        result = response.json()
        verdict = "approved ✅" if result["approved"] else "refused ❌"
        st.metric("Decision", verdict, f"p(approve) = {result['probability']:.2f}")
    else:
        st.error(response.json())

st.subheader("Recent predictions")
history = httpx.get(f"{API_URL}/predictions", params={"limit": 20}, timeout=5).json()
st.dataframe(
    [{k: p[k] for k in ("id", "created_at", "approved", "probability")} for p in history],
    use_container_width=True,
)
# TODO: a chart of the approval rate over time, and a button to delete a prediction
# (DELETE /predictions/{id}).
