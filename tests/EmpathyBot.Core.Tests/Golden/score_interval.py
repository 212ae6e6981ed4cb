# Golden values of ScoreInterval: a 95% t interval over a person's item scores (scipy).
# Run: python3 tests/EmpathyBot.Core.Tests/Golden/score_interval.py
import numpy as np
from scipy import stats

def interval(scores, scale):
    x = np.asarray(scores, dtype=float)
    n = len(x)
    half = stats.t.ppf(0.975, n - 1) * x.std(ddof=1) / np.sqrt(n)
    return scale * (x.mean() - half), scale * (x.mean() + half)

print("allocation [2.1, 3.4, 1.7]:", repr(interval([2.1, 3.4, 1.7], 1)))
print("intensity [7.5, 9.0, 6.2, 8.1]:", repr(interval([7.5, 9.0, 6.2, 8.1], 10)))
print("allocation [0.5, 3.0]:", repr(interval([0.5, 3.0], 1)))
