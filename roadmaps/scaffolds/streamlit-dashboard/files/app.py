"""Sentiment dashboard.

    streamlit run app.py
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sentiment.data import load_reviews
from sentiment.model import cross_validated_accuracy, predict, score_file, top_terms, train

st.set_page_config(page_title="Sentiment dashboard", page_icon="💬", layout="wide")


@st.cache_data
def get_data() -> pd.DataFrame:
    return load_reviews()


@st.cache_resource
def get_model(C: float, ngram_max: int):
    """Trained once per setting, then reused across reruns and users."""
    return train(get_data(), C=C, ngram_max=ngram_max)


@st.cache_data
def get_cv_accuracy(C: float, ngram_max: int) -> float:
    return float(cross_validated_accuracy(get_data(), C=C, ngram_max=ngram_max).mean())


# ---- sidebar: model settings -------------------------------------------------------------
st.sidebar.header("Model")
C = st.sidebar.select_slider("Regularisation C (higher = less regularised)", [0.1, 0.3, 1.0, 3.0, 10.0], value=1.0)
ngram_max = st.sidebar.radio("Features", [1, 2], format_func=lambda n: "words" if n == 1 else "words + word pairs", index=1)
model = get_model(C, ngram_max)
st.sidebar.metric("Cross-validated accuracy", f"{get_cv_accuracy(C, ngram_max):.0%}")
st.sidebar.caption(f"Trained on {len(get_data())} labelled reviews.")

st.title("Sentiment dashboard")
tab_predict, tab_batch, tab_model, tab_data = st.tabs(["Predict", "Batch", "Model", "Data"])

# ---- one text ----------------------------------------------------------------------------
with tab_predict:
    text = st.text_area("Type a review", "The food was great but the service was painfully slow.")
    if text.strip():
        result = predict(model, [text]).iloc[0]
        c1, c2 = st.columns(2)
        c1.metric("Sentiment", result["label"])
        c2.metric("Confidence", f"{result['confidence']:.0%}")
        probabilities = result.filter(like="p_").rename(lambda c: c.removeprefix("p_")).astype(float)
        st.bar_chart(probabilities)

# ---- a whole file ------------------------------------------------------------------------
with tab_batch:
    uploaded = st.file_uploader("CSV with a 'text' column", type="csv")
    if uploaded is not None:
        try:
            scored = score_file(model, pd.read_csv(uploaded))
        except NotImplementedError as exc:
            st.info(str(exc))
        except ValueError as exc:
            st.error(str(exc))
        else:
            st.dataframe(scored, use_container_width=True)
            # TODO: a bar chart of the label counts, a histogram of confidence, and a
            # st.download_button to download the scored CSV.

# ---- what the model learned --------------------------------------------------------------
with tab_model:
    st.subheader("Words the model relies on")
    terms = top_terms(model, n=10)
    st.bar_chart(terms, x="term", y="weight", color="pushes_towards", horizontal=True)
    st.caption("TF-IDF + logistic regression: each term has one weight, so the model is easy to explain.")

# ---- the training data -------------------------------------------------------------------
with tab_data:
    data = get_data()
    st.bar_chart(data["label"].value_counts())
    st.dataframe(data, use_container_width=True)
