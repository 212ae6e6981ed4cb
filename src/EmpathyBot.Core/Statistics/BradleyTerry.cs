using MathNet.Numerics.LinearAlgebra;

namespace EmpathyBot.Core.Statistics;

/// <summary>
/// Bradley-Terry ratings on the FastChat (Chatbot Arena compute_mle_elo) scale: P(A beats B) = 1 / (1 + 10^((R_B - R_A) / 400)),
/// a tie counts as half a win for each side, ratings are the unpenalised maximum-likelihood fit, shifted so the anchor player
/// sits at 1000 (the mean at 1000 without an anchor, or when the anchor did not play).
/// The MLE exists only if every player both wins (or ties) against and loses (or ties) to the rest in a connected way
/// (the "beats or ties" graph is strongly connected); otherwise the fits throw <see cref="NoMaximumLikelihoodException"/>
/// with the reason. The style-controlled fit adds one covariate per battle (Chatbot Arena's style control).
/// </summary>
public static class BradleyTerry
{
    private const double Scale = 400;
    private const double InitialRating = 1000;
    private const int MaxIterations = 200;
    private static readonly double Ln10 = Math.Log(10);

    /// <summary>Maximum-likelihood ratings per player (FastChat scale, anchored or mean 1000).</summary>
    public static IReadOnlyDictionary<string, double> Fit(IReadOnlyList<PairwiseOutcome> outcomes, string? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var o in outcomes)
        {
            if (o.A == o.B)
            {
                throw new ArgumentException($"'{o.A}' cannot play itself.", nameof(outcomes));
            }

            if (!(o.WinsA >= 0 && o.WinsB >= 0 && o.Ties >= 0))
            {
                throw new ArgumentException("Wins and ties must be non-negative.", nameof(outcomes));
            }
        }

        string[] players = Players(outcomes.SelectMany(o => new[] { o.A, o.B }));
        var index = Index(players);

        // wins[i, j]: how often i beat j, with each tie split half-half (FastChat duplicates ties as one win each way and doubles wins).
        var wins = new double[players.Length, players.Length];
        foreach (var o in outcomes)
        {
            int a = index[o.A], b = index[o.B];
            wins[a, b] += o.WinsA + (o.Ties / 2);
            wins[b, a] += o.WinsB + (o.Ties / 2);
        }

        RequireExistence(players, wins);
        var rows = new List<Row>();
        for (int i = 0; i < players.Length; i++)
        {
            for (int j = i + 1; j < players.Length; j++)
            {
                double games = wins[i, j] + wins[j, i];
                if (games > 0) rows.Add(new Row(i, j, wins[i, j] / games, 0, games));
            }
        }

        return Ratings(players, Solve(rows, players.Length, styled: false).Theta, anchor);
    }

    /// <summary>The fit of <see cref="Fit"/> on individual battles (their style covariate is ignored).</summary>
    public static IReadOnlyDictionary<string, double> FitBattles(IReadOnlyList<Battle> battles, string? anchor = null) =>
        Fit(Aggregate(battles, Enumerable.Range(0, battles.Count)), anchor);

    /// <summary>
    /// Style control: logit P(A beats B) = ln10 (theta_A - theta_B) + coefficient * style, fitted jointly by maximum likelihood;
    /// the ratings are the thetas on the rating scale (the effect of style held at zero).
    /// </summary>
    public static StyledRatings FitStyled(IReadOnlyList<Battle> battles, string? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(battles);
        string[] players = Players(battles.SelectMany(b => new[] { b.A, b.B }));
        var index = Index(players);
        var wins = new double[players.Length, players.Length];
        var rows = new List<Row>(battles.Count);
        foreach (var battle in battles)
        {
            if (battle.A == battle.B) throw new ArgumentException($"'{battle.A}' cannot play itself.", nameof(battles));
            if (!double.IsFinite(battle.Style)) throw new ArgumentException("The style covariate must be finite.", nameof(battles));
            int a = index[battle.A], b = index[battle.B];
            double score = Score(battle.Outcome);
            wins[a, b] += score;
            wins[b, a] += 1 - score;
            rows.Add(new Row(a, b, score, battle.Style, 1));
        }

        RequireExistence(players, wins);
        if (battles.All(b => b.Style == 0))
        {
            throw new NoMaximumLikelihoodException("Every compared pair of replies had the same length, so the effect of length cannot be estimated.");
        }

        var (theta, coefficient) = Solve(rows, players.Length, styled: true);
        return new StyledRatings(Ratings(players, theta, anchor), coefficient);
    }

    /// <summary>Full-data ratings with 95% R7 percentile intervals over battle resamples (unfittable resamples are redrawn); deterministic per seed.</summary>
    public static IReadOnlyDictionary<string, RatingInterval> Bootstrap(IReadOnlyList<Battle> battles, int rounds, int seed, string? anchor = null) =>
        Resample(battles, rounds, seed, sample => FitBattles(sample, anchor));

    /// <summary>The style-controlled fit with 95% R7 percentile intervals over the same kind of resamples as <see cref="Bootstrap"/>.</summary>
    public static StyledIntervals BootstrapStyled(IReadOnlyList<Battle> battles, int rounds, int seed, string? anchor = null)
    {
        var point = FitStyled(battles, anchor);
        return new StyledIntervals(Resample(battles, rounds, seed, sample => FitStyled(sample, anchor).Ratings), point.Coefficient);
    }

    private static Dictionary<string, RatingInterval> Resample(
        IReadOnlyList<Battle> battles, int rounds, int seed, Func<IReadOnlyList<Battle>, IReadOnlyDictionary<string, double>> fit)
    {
        ArgumentNullException.ThrowIfNull(battles);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var point = fit(battles);

        var random = new Random(seed);
        var samples = point.Keys.ToDictionary(p => p, _ => new List<double>(rounds), StringComparer.Ordinal);
        int redraws = 0;
        var resample = new Battle[battles.Count];
        while (samples.First().Value.Count < rounds)
        {
            for (int i = 0; i < resample.Length; i++)
            {
                resample[i] = battles[random.Next(battles.Count)];
            }

            var players = resample.SelectMany(b => new[] { b.A, b.B }).Distinct().Count();
            IReadOnlyDictionary<string, double>? ratings = null;
            if (players == point.Count)
            {
                try
                {
                    ratings = fit(resample);
                }
                catch (NoMaximumLikelihoodException)
                {
                    // Not fittable; redrawn below.
                }
            }

            if (ratings is null)
            {
                // A guard against data so sparse that almost no resample is fittable.
                if (++redraws > 10 * rounds)
                {
                    throw new NoMaximumLikelihoodException("Too few bootstrap resamples have maximum-likelihood ratings; the comparison data are too sparse for an interval.");
                }

                continue;
            }

            foreach (var (player, rating) in ratings)
            {
                samples[player].Add(rating);
            }
        }

        return point.ToDictionary(
            kv => kv.Key,
            kv =>
            {
                double[] sorted = samples[kv.Key].Order().ToArray();
                return new RatingInterval(kv.Value, Quantiles.R7Sorted(sorted, 0.025), Quantiles.R7Sorted(sorted, 0.975));
            },
            StringComparer.Ordinal);
    }

    private static List<PairwiseOutcome> Aggregate(IReadOnlyList<Battle> battles, IEnumerable<int> picks)
    {
        var table = new Dictionary<(string, string), (double WinsA, double WinsB, double Ties)>();
        foreach (int i in picks)
        {
            var battle = battles[i];
            var key = (battle.A, battle.B);
            var t = table.GetValueOrDefault(key);
            table[key] = battle.Outcome switch
            {
                BattleOutcome.WinA => t with { WinsA = t.WinsA + 1 },
                BattleOutcome.WinB => t with { WinsB = t.WinsB + 1 },
                BattleOutcome.Tie => t with { Ties = t.Ties + 1 },
                _ => throw new ArgumentException($"Unknown outcome {battle.Outcome}.", nameof(battles)),
            };
        }

        return table.Select(kv => new PairwiseOutcome(kv.Key.Item1, kv.Key.Item2, kv.Value.WinsA, kv.Value.WinsB, kv.Value.Ties)).ToList();
    }

    private static double Score(BattleOutcome outcome) => outcome switch
    {
        BattleOutcome.WinA => 1,
        BattleOutcome.WinB => 0,
        BattleOutcome.Tie => 0.5,
        _ => throw new ArgumentException($"Unknown outcome {outcome}.", nameof(outcome)),
    };

    private static string[] Players(IEnumerable<string> names)
    {
        string[] players = names.Distinct().Order(StringComparer.Ordinal).ToArray();
        return players.Length > 0 ? players : throw new ArgumentException("No outcomes to fit.", nameof(names));
    }

    private static Dictionary<string, int> Index(string[] players) =>
        players.Select((p, i) => (p, i)).ToDictionary(t => t.p, t => t.i, StringComparer.Ordinal);

    private static Dictionary<string, double> Ratings(string[] players, double[] theta, string? anchor)
    {
        int pinned = anchor is null ? -1 : Array.IndexOf(players, anchor);
        double shift = pinned >= 0 ? theta[pinned] : theta.Average();
        var ratings = new Dictionary<string, double>(players.Length, StringComparer.Ordinal);
        for (int i = 0; i < players.Length; i++)
        {
            ratings[players[i]] = (Scale * (theta[i] - shift)) + InitialRating;
        }

        return ratings;
    }

    /// <summary>One binomial observation: A's score (1 win, 0 loss, 0.5 tie, or a share when aggregated) over <see cref="Weight"/> battles.</summary>
    private readonly record struct Row(int A, int B, double Score, double Style, double Weight);

    // Newton-Raphson on the concave log-likelihood (thetas in log10-odds units, the style coefficient in natural log-odds),
    // with the last player pinned at 0 (the likelihood only sees differences) and step halving as a safeguard. A fit that
    // does not settle is one whose likelihood keeps rising towards infinite parameters: no MLE.
    private static (double[] Theta, double Coefficient) Solve(IReadOnlyList<Row> rows, int count, bool styled)
    {
        int players = count - 1;
        int free = players + (styled ? 1 : 0);
        var parameters = new double[free];
        if (free == 0) return (new double[count], 0);

        double current = LogLikelihood(rows, parameters, players, styled);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (gradient, information) = Derivatives(rows, parameters, players, styled);
            Vector<double> step;
            try
            {
                step = information.Cholesky().Solve(gradient);
            }
            catch (ArgumentException)
            {
                throw new NoMaximumLikelihoodException("The comparisons do not pin down every rating (the fit's information matrix is singular).");
            }

            double factor = 1;
            var candidate = new double[free];
            double next;
            while (true)
            {
                for (int i = 0; i < free; i++)
                {
                    candidate[i] = parameters[i] + (factor * step[i]);
                }

                next = LogLikelihood(rows, candidate, players, styled);
                if (next >= current || factor < 1e-10)
                {
                    break;
                }

                factor /= 2;
            }

            parameters = candidate;
            current = next;
            if (step.AbsoluteMaximum() * factor < 1e-13)
            {
                var theta = new double[count];
                Array.Copy(parameters, theta, players);
                return (theta, styled ? parameters[players] : 0);
            }
        }

        throw new NoMaximumLikelihoodException("The fit does not converge: the outcomes are perfectly predicted (for the style-controlled fit, by the length difference), so the ratings would be infinite.");
    }

    private static double Linear(Row row, double[] parameters, int players, bool styled)
    {
        double a = row.A < players ? parameters[row.A] : 0;
        double b = row.B < players ? parameters[row.B] : 0;
        return (Ln10 * (a - b)) + (styled ? parameters[players] * row.Style : 0);
    }

    private static (Vector<double> Gradient, Matrix<double> Information) Derivatives(IReadOnlyList<Row> rows, double[] parameters, int players, bool styled)
    {
        int free = parameters.Length;
        var gradient = Vector<double>.Build.Dense(free);
        var information = Matrix<double>.Build.Dense(free, free);
        Span<int> at = stackalloc int[3];
        Span<double> v = stackalloc double[3];
        foreach (var row in rows)
        {
            double p = Logistic(Linear(row, parameters, players, styled));
            double residual = row.Weight * (row.Score - p);
            double weight = row.Weight * p * (1 - p);
            int n = 0;
            if (row.A < players) { at[n] = row.A; v[n++] = Ln10; }
            if (row.B < players) { at[n] = row.B; v[n++] = -Ln10; }
            if (styled) { at[n] = players; v[n++] = row.Style; }
            for (int k = 0; k < n; k++)
            {
                gradient[at[k]] += residual * v[k];
                for (int l = 0; l < n; l++)
                {
                    information[at[k], at[l]] += weight * v[k] * v[l];
                }
            }
        }

        return (gradient, information);
    }

    private static double LogLikelihood(IReadOnlyList<Row> rows, double[] parameters, int players, bool styled)
    {
        double sum = 0;
        foreach (var row in rows)
        {
            double x = Linear(row, parameters, players, styled);
            sum -= row.Weight * ((row.Score * LogOnePlusExp(-x)) + ((1 - row.Score) * LogOnePlusExp(x)));
        }

        return sum;
    }

    // log(1 + e^x), written to stay finite for large |x|: log(sigma(x)) = -log(1 + e^-x).
    private static double LogOnePlusExp(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static void RequireExistence(string[] players, double[,] wins)
    {
        int count = players.Length;
        if (count == 1 || (ReachesAll(count, (i, j) => wins[i, j] > 0) && ReachesAll(count, (i, j) => wins[j, i] > 0))) return;
        for (int i = 0; i < count; i++)
        {
            double won = 0, lost = 0;
            for (int j = 0; j < count; j++)
            {
                won += wins[i, j];
                lost += wins[j, i];
            }

            if (lost == 0) throw new NoMaximumLikelihoodException($"'{players[i]}' never lost or tied a comparison, so its rating would be infinitely high.");
            if (won == 0) throw new NoMaximumLikelihoodException($"'{players[i]}' never won or tied a comparison, so its rating would be infinitely low.");
        }

        throw new NoMaximumLikelihoodException("The comparisons split into groups that never lose (or never win) against each other, or are never compared, so their ratings cannot be put on one scale.");
    }

    private static bool ReachesAll(int count, Func<int, int, bool> edge)
    {
        var seen = new bool[count];
        var stack = new Stack<int>();
        seen[0] = true;
        stack.Push(0);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            for (int j = 0; j < count; j++)
            {
                if (!seen[j] && edge(i, j))
                {
                    seen[j] = true;
                    stack.Push(j);
                }
            }
        }

        return seen.All(s => s);
    }
}
