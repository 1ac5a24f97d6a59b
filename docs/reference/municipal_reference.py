# Reference values for Tests/AnketaMunicipalTests (scipy, statsmodels).
# Run: python3 docs/reference/municipal_reference.py
# Municipality = school A (MiniSurvey.waveA, 12 respondents) + school B (waveB, 10) + school C (3 respondents, hidden).
import numpy as np, scipy.stats as st
from statsmodels.stats.multitest import multipletests
A = [("5А",4,3,2),("5Б",3,3,1),("6А",2,1,4),("7В",4,4,1),("5А",3,None,2),("10А",1,2,3),("10Б",2,2,3),("11А",3,0,2),
     ("10А",4,4,1),("9А",3,3,2),("11Б",2,1,4),("3А",4,4,1)]
B = [("5А",3,2,2),("5Б",2,2,3),("6А",2,1,4),("7В",3,3,2),("10А",1,1,4),("10Б",2,3,3),("11А",2,2,3),("9А",3,2,2),("8Б",4,3,1),("3А",1,2,4)]
def keyed(q, v): return 5 - v if q == 3 else v
def index_scores(data):
    out = []
    for r in data:
        ks = [keyed(q, r[q]) for q in (1,2,3) if r[q] not in (None,0)]
        if len(ks)*2 >= 3: out.append(np.mean([(k-1)/3*100 for k in ks]))
    return out
sa, sb = index_scores(A), index_scores(B)
t = st.ttest_ind(sa, sb, equal_var=False)
print("A vs rest (B), index: diff", np.mean(sa) - np.mean(sb), "t", t.statistic, "p", t.pvalue, "df", t.df)
ci = t.confidence_interval(0.95); print("CI", ci.low, ci.high)
print("Holm of [p, p]", multipletests([t.pvalue, t.pvalue], method="holm")[1])
print("pooled index mean", np.mean(sa + sb), "mean of schools", None)
# The rest of a municipality from summary statistics: arbitrary whole and part.
whole = [3.0, 7.5, 1.25, 9.0, 4.0, 6.5, 2.0, 8.0, 5.5]
part = [7.5, 9.0, 2.0]
rest = [3.0, 1.25, 4.0, 6.5, 8.0, 5.5]
t2 = st.ttest_ind(part, rest, equal_var=False)
print("part vs rest: t", t2.statistic, "p", t2.pvalue, "df", t2.df, "rest mean", np.mean(rest), "rest sd", np.std(rest, ddof=1))
print("Holm", multipletests([0.01, 0.04, 0.03, 0.20], method="holm")[1])
