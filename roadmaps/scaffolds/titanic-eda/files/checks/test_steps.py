"""Checks for the TODO steps of the README's "The work" list.

Run them with ``pytest checks``. Each one fails with a hint until its step is done; plain
``pytest`` runs only the tests of the parts that were done for you.
"""

import traceback
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from titanic_eda.data import add_family_features, fill_missing_age, load_titanic


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def attempt(hint, fn, *args, **kwargs):
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def passengers() -> pd.DataFrame:
    """Nine passengers whose group medians are easy to work out by hand."""
    df = pd.DataFrame(
        {
            "survived": [1, 0, 1, 0, 1, 0, 1, 0, 1],
            "pclass": [1, 1, 1, 3, 3, 3, 3, 1, 1],
            "sex": ["female", "female", "female", "male", "male", "male", "male", "male", "male"],
            "age": [30.0, 40.0, np.nan, 20.0, 24.0, 40.0, np.nan, np.nan, 50.0],
            "sibsp": [0, 1, 0, 2, 0, 1, 0, 0, 1],
            "parch": [0, 0, 1, 1, 0, 0, 0, 2, 0],
            "fare": [80.0, 75.0, 90.0, 8.0, 7.5, 9.0, 7.9, 60.0, 70.0],
            "embarked": ["S", "C", "S", "S", "Q", "S", "S", "C", "S"],
        }
    )
    df["sex"] = df["sex"].astype("category")
    df["embarked"] = df["embarked"].astype("category")
    return df


HINT_AGE = (
    "Step 2: fill_missing_age (src/titanic_eda/data.py) should give every passenger without an age "
    "the median age of passengers of the same pclass and sex (groupby + transform; the overall "
    "median when nobody in the group has an age), leave known ages as they are and not change the DataFrame it was given."
)


def test_fill_missing_age() -> None:
    df = passengers()
    before = df.copy()
    filled = attempt(HINT_AGE, fill_missing_age, df)
    expect(isinstance(filled, pd.DataFrame) and len(filled) == len(df), HINT_AGE,
           f"It returned {type(filled).__name__} with {len(filled) if hasattr(filled, '__len__') else 'no'} rows; "
           f"expected a DataFrame with the {len(df)} rows it was given.")
    expect(filled["age"].notna().all(), HINT_AGE, f"{int(filled['age'].isna().sum())} of {len(df)} ages are still missing.")
    known = before["age"].notna()
    changed = [i for i in df.index[known] if not np.isclose(filled.loc[i, "age"], before.loc[i, "age"])]
    expect(not changed, HINT_AGE,
           f"Known ages changed: rows {changed} were {before.loc[changed, 'age'].tolist()}, "
           f"now {filled.loc[changed, 'age'].tolist()}.")
    # women in 1st class: median(30, 40) = 35; men in 3rd class: median(20, 24, 40) = 24;
    # men in 1st class: median(50) = 50. The overall median, 35, is right only for the first.
    got = filled.loc[[2, 6, 7], "age"].tolist()
    expect(got == pytest.approx([35.0, 24.0, 50.0]), HINT_AGE,
           f"The missing ages of a 1st-class woman, a 3rd-class man and a 1st-class man were filled with "
           f"{got}; the medians of their groups are [35.0, 24.0, 50.0].")
    expect(df.equals(before), HINT_AGE, "The DataFrame passed in was modified: work on a copy.")

    # A 2nd-class man: nobody of his class and sex has a known age, so his group has no median.
    lone = pd.concat([df, pd.DataFrame({"survived": [0], "pclass": [2], "sex": ["male"], "age": [np.nan],
                                        "sibsp": [0], "parch": [0], "fare": [13.0], "embarked": ["S"]})],
                     ignore_index=True)
    lone["sex"], lone["embarked"] = lone["sex"].astype("category"), lone["embarked"].astype("category")
    age = attempt(HINT_AGE, fill_missing_age, lone)["age"].iloc[-1]
    # the median of the known ages is 35 (their mean is 34), before or after the group fill
    expect(age == pytest.approx(35.0), HINT_AGE,
           f"A passenger whose class and sex have no known age got {age}; expected the overall median age, 35.0.")

    titanic = load_titanic(allow_download=False, seed=1)
    still = int(attempt(HINT_AGE, fill_missing_age, titanic)["age"].isna().sum())
    expect(still == 0, HINT_AGE, f"On the synthetic passenger list {still} ages are still missing.")


HINT_FAMILY = (
    "Step 5: add_family_features (src/titanic_eda/data.py) should add family_size "
    "(the passenger plus siblings/spouses plus parents/children) and is_alone "
    "(True when travelling with no family), without changing the DataFrame it was given."
)


def test_add_family_features() -> None:
    df = passengers()
    before = df.copy()
    out = attempt(HINT_FAMILY, add_family_features, df)
    expect(isinstance(out, pd.DataFrame) and {"family_size", "is_alone"} <= set(out.columns), HINT_FAMILY, "The result has no family_size and is_alone columns yet.")
    size = (df["sibsp"] + df["parch"] + 1).tolist()
    expect(out["family_size"].tolist() == size, HINT_FAMILY,
           f"For sibsp {df['sibsp'].tolist()} and parch {df['parch'].tolist()}, family_size is "
           f"{out['family_size'].tolist()}; expected {size} (the passenger counts too).")
    alone = [s == 1 for s in size]
    got = out["is_alone"].astype(bool).tolist()
    expect(got == alone, HINT_FAMILY, f"is_alone is {got}; expected {alone} (True only for a family_size of 1).")
    lost = sorted(set(before.columns) - set(out.columns))
    expect(not lost, HINT_FAMILY, f"The columns {lost} are gone: add the new columns, keep the others.")
    expect(df.equals(before), HINT_FAMILY, "The DataFrame passed in was modified: work on a copy.")
