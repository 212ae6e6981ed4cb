"""Golden values for the judging summary (JudgingAnalysisTests, SpearmanTests, CohenKappaTests.FromConfusion).

Run with /usr/bin/python3 (sklearn 1.2.1, scipy 1.10.1); paste the printed numbers into the tests.
Labels: Bad 1, Okay 2, Good 3.
"""
from itertools import permutations

from scipy.stats import spearmanr
from sklearn.metrics import cohen_kappa_score

G, O, B = 3, 2, 1
# reply, source, emotion, judge verdicts by repeat (None = unparseable), people's (good, okay, bad)
REPLIES = [
    ("r01", "human", "afraid", [G, G], (2, 1, 0)),
    ("r02", "human", "afraid", [O, O], (0, 2, 1)),
    ("r03", "gpt", "afraid", [G, G], (3, 0, 0)),
    ("r04", "gpt", "angry", [B, O], (0, 1, 2)),
    ("r05", "gpt", "angry", [G, G], (1, 1, 1)),
    ("r06", "baseline", "angry", [B, B], (0, 0, 2)),
    ("r07", "baseline", "afraid", [O], (1, 2, 0)),
    ("r08", "llama", "angry", [G], (2, 0, 1)),
    ("r09", "llama", "afraid", [O], (0, 1, 1)),
    ("r10", "human", "angry", [B], (1, 0, 0)),
    ("r11", "llama", "afraid", [G], (0, 0, 0)),
    ("r12", "gpt", "afraid", [None, G], (0, 1, 0)),
    ("r13", "gpt", "joyful", [G], (1, 0, 0)),
]
SELF = "gpt"


def first(verdicts):
    return next(v for v in verdicts if v is not None)


def people(counts):
    g, o, b = counts
    return [G] * g + [O] * o + [B] * b


h, j = [], []
for _, _, _, verdicts, counts in REPLIES:
    for value in people(counts):
        h.append(value)
        j.append(first(verdicts))
print("pairs", len(h))
print("kappa %r" % cohen_kappa_score(h, j, weights="quadratic"))
print("exactAgreement %r" % (sum(a == b for a, b in zip(h, j)) / len(h)))

for emotion in ("afraid", "angry", "joyful"):
    eh, ej = [], []
    for _, _, e, verdicts, counts in REPLIES:
        if e == emotion:
            for value in people(counts):
                eh.append(value)
                ej.append(first(verdicts))
    print(emotion, "pairs", len(eh), "kappa %r" % cohen_kappa_score(eh, ej, weights="quadratic"))

sources = sorted({s for _, s, _, _, _ in REPLIES})
judge_rates, people_rates = {}, {}
for s in sources:
    mine = [r for r in REPLIES if r[1] == s]
    judge_rates[s] = sum(first(r[3]) == G for r in mine) / len(mine)
    n = sum(sum(r[4]) for r in mine)
    if n:
        people_rates[s] = sum(r[4][0] for r in mine) / n
print("judge goodRates", {k: repr(v) for k, v in judge_rates.items()})
print("people goodRates", {k: repr(v) for k, v in people_rates.items()})
both = [s for s in sources if s in people_rates]
print("rankCorrelation %r" % spearmanr([judge_rates[s] for s in both], [people_rates[s] for s in both]).correlation)


def gap(rows):
    judge = sum(first(r[3]) == G for r in rows) / len(rows)
    n = sum(sum(r[4]) for r in rows)
    return judge - sum(r[4][0] for r in rows) / n


own = [r for r in REPLIES if r[1] == SELF]
others = [r for r in REPLIES if r[1] != SELF]
print("selfPreference %r" % (gap(own) - gap(others)))

t1, t2 = [], []
for _, _, _, verdicts, _ in REPLIES:
    if len(verdicts) > 1 and verdicts[0] is not None and verdicts[1] is not None:
        t1.append(verdicts[0])
        t2.append(verdicts[1])
print("testRetestKappa %r" % cohen_kappa_score(t1, t2, weights="quadratic"))

a, b = [], []
for _, _, _, _, counts in REPLIES:
    for x, y in permutations(people(counts), 2):
        a.append(x)
        b.append(y)
print("humanPairs", len(a) // 2, "humanHumanKappa %r" % cohen_kappa_score(a, b, weights="quadratic"))

# Spearman with ties (SpearmanTests)
x = [0.5, 0.25, 0.25, 0.75, 1.0, 0.5]
y = [0.4, 0.1, 0.3, 0.3, 0.9, 0.2]
print("spearman ties %r" % spearmanr(x, y).correlation)
print("spearman perfect-inverse %r" % spearmanr([1, 2, 3, 4], [8, 6, 4, 2]).correlation)

# A table with an absent label: weights follow label positions (CohenKappaTests.FromConfusion)
ca = [1, 1, 3, 3, 3, 1, 3]
cb = [1, 3, 3, 3, 1, 1, 3]
print("absent-okay quadratic %r" % cohen_kappa_score(ca, cb, weights="quadratic"))
