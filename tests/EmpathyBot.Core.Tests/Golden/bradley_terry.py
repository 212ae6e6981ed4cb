"""Golden values for the Bradley-Terry fits (BradleyTerryGoldenTests.cs and PairwiseSummaryTests.cs).

Run: /usr/bin/python3 bradley_terry.py   (scipy 1.10.1, statsmodels 0.13.5, numpy 1.24.2)

Model (Chatbot Arena scale): logit P(A beats B) = ln10 * (theta_A - theta_B) [+ gamma * style],
rating = 400 * theta + 1000 shifted so the anchor ('human') is at 1000 (the mean at 1000 without it);
a tie and a both-bad verdict each count as half a win for each side (response 0.5);
style = (words_a - words_b) / (words_a + words_b).
Two independent solvers must agree: scipy.optimize.minimize (BFGS on the negative log-likelihood with its exact
gradient, gtol 1e-12) and statsmodels' GLM Binomial (IRLS) on the same design with fractional responses.
"""
import numpy as np
from scipy.optimize import minimize
import statsmodels.api as sm

LN10 = np.log(10)
SCORE = {"a": 1.0, "b": 0.0, "tie": 0.5, "both_bad": 0.5}

rng = np.random.RandomState(2026)
SOURCES = ["human", "gpt", "claude", "baseline"]
STRENGTH = {"human": 0.0, "gpt": 0.3, "claude": 0.15, "baseline": -0.6}
BATTLES = []
for _ in range(60):
    a, b = rng.choice(len(SOURCES), 2, replace=False)
    sa, sb = SOURCES[a], SOURCES[b]
    la, lb = int(rng.randint(4, 60)), int(rng.randint(4, 60))
    z = LN10 * (STRENGTH[sa] - STRENGTH[sb]) + 1.2 * (la - lb) / (la + lb)
    u = rng.rand()
    p = 1 / (1 + np.exp(-z))
    if u < 0.12:
        w = "tie"
    elif u < 0.2:
        w = "both_bad"
    else:
        w = "a" if rng.rand() < p else "b"
    BATTLES.append((sa, sb, w, la, lb))


def design(battles, players, anchor, styled):
    free = [p for p in players if p != anchor]
    X = np.zeros((len(battles), len(free) + (1 if styled else 0)))
    y = np.zeros(len(battles))
    for k, (a, b, w, la, lb) in enumerate(battles):
        if a in free:
            X[k, free.index(a)] += LN10
        if b in free:
            X[k, free.index(b)] -= LN10
        if styled:
            X[k, -1] = (la - lb) / (la + lb)
        y[k] = SCORE[w]
    return X, y, free


def nll(beta, X, y):
    z = X @ beta
    return np.sum(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))


def grad(beta, X, y):
    z = X @ beta
    return X.T @ (1 / (1 + np.exp(-z)) - y)


def fit(battles, anchor=None, styled=False):
    players = sorted({s for b in battles for s in b[:2]})
    pin = anchor if anchor in players else players[-1]
    X, y, free = design(battles, players, pin, styled)
    res = minimize(nll, np.zeros(X.shape[1]), args=(X, y), jac=grad, method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
    glm = sm.GLM(y, X, family=sm.families.Binomial()).fit(tol=1e-14, maxiter=200)
    assert np.max(np.abs(res.x - glm.params)) < 1e-7, (res.x, glm.params)
    theta = dict(zip(free, glm.params[: len(free)]))
    theta[pin] = 0.0
    shift = theta[anchor] if anchor in players else np.mean(list(theta.values()))
    ratings = {p: 400 * (theta[p] - shift) + 1000 for p in players}
    return ratings, (glm.params[-1] if styled else None)


def show(title, ratings, coef=None):
    print(title)
    for p, r in sorted(ratings.items()):
        print(f'    ["{p}"] = {r!r},')
    if coef is not None:
        print(f"    coefficient = {coef!r}")


print("// battles (source_a, source_b, winner, words_a, words_b)")
for b in BATTLES:
    print(f'    ("{b[0]}", "{b[1]}", "{b[2]}", {b[3]}, {b[4]}),')

show("raw, anchored at human", *fit(BATTLES, "human"))
show("style-controlled, anchored at human", *fit(BATTLES, "human", styled=True))
no_people = [b for b in BATTLES if "human" not in b[:2]]
print(f"battles without people: {len(no_people)}")
show("raw without people, mean 1000", *fit(no_people, "human"))

# No MLE: x never loses or ties. The likelihood keeps rising as x's rating grows: BFGS walks off towards infinity.
bad = [("x", "y", "a", 1, 1)] * 3 + [("y", "z", "a", 1, 1), ("y", "z", "b", 1, 1)]
players = ["x", "y", "z"]
X, y, _ = design(bad, players, "z", False)
res = minimize(nll, np.zeros(2), args=(X, y), jac=grad, method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
print("no MLE: theta_x - theta_y after BFGS =", res.x[0] - res.x[1], "(grows without bound; nll =", res.fun, ")")
