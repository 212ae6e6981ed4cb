"""Golden values for the length-adjusted logistic regression (LogisticRegressionTests, LengthAdjustmentTests).

Run: /usr/bin/python3 length_model.py   (statsmodels 0.13.5, numpy)

Each dataset is a list of cells (source, reply words, Good ratings, Okay-or-Bad ratings). The cells are expanded
to one row per rating; the model is Good ~ source indicators (people, "human", as the reference, the others in
ordinal order) + z-scored ln(words), z with the sample SD (ddof=1) over the ratings. Logit by Newton, Wald
intervals and two-sided normal p as statsmodels reports them.
"""
import numpy as np
import statsmodels.api as sm

DATASETS = {
    "three_sources": [
        ("human", 12, 3, 5), ("human", 25, 4, 4), ("human", 40, 6, 3), ("human", 8, 1, 4),
        ("human", 60, 5, 2), ("gpt-4o", 55, 7, 3), ("gpt-4o", 90, 9, 2), ("gpt-4o", 120, 6, 1),
        ("gpt-4o", 35, 3, 3), ("llama", 30, 2, 5), ("llama", 70, 6, 4), ("llama", 15, 1, 3),
        ("llama", 100, 5, 2),
    ],
    "ties_small": [
        ("human", 10, 1, 2), ("human", 10, 1, 1), ("human", 20, 2, 1),
        ("model", 20, 1, 1), ("model", 40, 3, 1), ("model", 40, 0, 1), ("model", 10, 1, 2),
    ],
    "four_sources": [
        ("human", 5, 0, 3), ("human", 18, 2, 3), ("human", 33, 3, 2), ("human", 47, 2, 1),
        ("a", 64, 8, 2), ("a", 80, 5, 1), ("a", 22, 1, 2),
        ("b", 12, 1, 4), ("b", 26, 2, 3), ("b", 150, 4, 1),
        ("c", 44, 3, 3), ("c", 44, 2, 2), ("c", 9, 0, 2), ("c", 77, 4, 2),
    ],
    # The seed of the host's SummaryApiTests (4 and 10 raters): people's replies of 4 and 2 words, gpt's of 10 and 6.
    "host_seed_4": [("human", 4, 2, 2), ("human", 2, 4, 0), ("gpt", 10, 3, 1), ("gpt", 6, 2, 2)],
    "host_seed_10": [("human", 4, 4, 6), ("human", 2, 10, 0), ("gpt", 10, 7, 3), ("gpt", 6, 5, 5)],
}


def fit(cells, people="human"):
    others = sorted({s for s, _, _, _ in cells if s != people})
    rows, y = [], []
    for source, words, good, other in cells:
        for outcome, count in ((1, good), (0, other)):
            for _ in range(count):
                rows.append((source, np.log(words)))
                y.append(outcome)
    logw = np.array([w for _, w in rows])
    z = (logw - logw.mean()) / logw.std(ddof=1)
    X = np.column_stack([np.ones(len(rows))] + [[1.0 if s == o else 0.0 for s, _ in rows] for o in others] + [z])
    result = sm.Logit(np.array(y, dtype=float), X).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
    names = ["const"] + others + ["words"]
    ci = np.exp(result.conf_int())
    print(f"n={len(y)} meanLogWords={logw.mean()!r} sdLogWords={logw.std(ddof=1)!r} converged={result.mle_retvals['converged']}")
    for i, name in enumerate(names):
        print(f"  {name:8} b={result.params[i]!r} se={result.bse[i]!r} or={np.exp(result.params[i])!r} "
              f"ci=[{ci[i][0]!r}, {ci[i][1]!r}] p={result.pvalues[i]!r}")


for name, cells in DATASETS.items():
    print(name)
    fit(cells)
