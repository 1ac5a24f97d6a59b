# Reference values for Tests/AnketaAnalysisTests/AnalyzerTests.swift (numpy, scipy, statsmodels, pingouin).
# Run: pip install pingouin statsmodels && python3 docs/reference/analysis_reference.py
import numpy as np, scipy.stats as st, pingouin as pg, pandas as pd
from statsmodels.stats.proportion import proportion_confint
# respondents: (class, q1, q2, q3) ; codes 1..4, 0 = "затрудняюсь", None = blank; q3 reverse-keyed
A = [("5А",4,3,2),("5Б",3,3,1),("6А",2,1,4),("7В",4,4,1),("5А",3,None,2),("10А",1,2,3),("10Б",2,2,3),("11А",3,0,2),
     ("10А",4,4,1),("9А",3,3,2),("11Б",2,1,4),("3А",4,4,1)]
B = [("5А",3,2,2),("5Б",2,2,3),("6А",2,1,4),("7В",3,3,2),("10А",1,1,4),("10Б",2,3,3),("11А",2,2,3),("9А",3,2,2),("8Б",4,3,1),("3А",1,2,4)]
def keyed(q, v): return 5 - v if q == 3 else v
def stats(data):
    out = {}
    for qi in (1,2,3):
        vals = [r[qi] for r in data if r[qi] not in (None,0)]
        pos = sum(1 for v in vals if (v >= 3 if qi != 3 else v <= 2))  # reverse: mirror option positive
        lo, hi = proportion_confint(pos, len(vals), method='wilson')
        m = np.mean(vals)
        out[qi] = dict(n=len(vals), mean=m, sd=np.std(vals, ddof=1), median=np.median(vals), pos=pos, pct=pos/len(vals)*100,
                       ci=(lo*100, hi*100), index=((5-m if qi==3 else m)-1)/3*100)
    # indicator positive share pooled
    P = V = 0
    scores = []
    for r in data:
        ks = [keyed(q, r[q]) for q in (1,2,3) if r[q] not in (None,0)]
        P += sum(1 for k in ks if k >= 3); V += len(ks)
        if len(ks)*2 >= 3: scores.append(np.mean([(k-1)/3*100 for k in ks]))
    out['share'] = P/V*100
    out['index'] = np.mean(scores); out['index_sd'] = np.std(scores, ddof=1); out['index_n'] = len(scores)
    cc = pd.DataFrame([[keyed(q, r[q]) for q in (1,2,3)] for r in data if all(r[q] not in (None,0) for q in (1,2,3))])
    out['alpha'] = pg.cronbach_alpha(cc)[0]; out['alpha_n'] = len(cc)
    return out, scores
a, sa = stats(A); b, sb = stats(B)
for k,v in a.items(): print('A', k, v)
print('B share', b['share'], 'B index', b['index'], b['index_sd'], b['index_n'])
# groups by level for index scores in A
lvl = lambda c: 'НОО' if int(''.join(ch for ch in c if ch.isdigit())) <= 4 else ('ООО' if int(''.join(ch for ch in c if ch.isdigit())) <= 9 else 'СОО')
groups = {}
for r in A:
    ks = [keyed(q, r[q]) for q in (1,2,3) if r[q] not in (None,0)]
    if len(ks)*2 >= 3: groups.setdefault(lvl(r[0]), []).append(np.mean([(k-1)/3*100 for k in ks]))
print({k: len(v) for k,v in groups.items()})
print('MW ООО vs СОО', st.mannwhitneyu(groups['ООО'], groups['СОО'], alternative='two-sided', method='asymptotic', use_continuity=True))
print('Welch A-B index', st.ttest_ind(sa, sb, equal_var=False))
from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep
print('q1 pos A', a[1]['pos'], a[1]['n'], 'B', b[1]['pos'], b[1]['n'])
print('newcombe', confint_proportions_2indep(a[1]['pos'], a[1]['n'], b[1]['pos'], b[1]['n'], method='newcomb'))
print('ztest', test_proportions_2indep(a[1]['pos'], a[1]['n'], b[1]['pos'], b[1]['n'], method='score', correction=False) )
import math
p1=a[1]['pos']/a[1]['n']; p2=b[1]['pos']/b[1]['n']; pp=(a[1]['pos']+b[1]['pos'])/(a[1]['n']+b[1]['n'])
z=(p1-p2)/math.sqrt(pp*(1-pp)*(1/a[1]['n']+1/b[1]['n'])); print('pooled z', z, 2*st.norm.sf(abs(z)))
print('KW', st.kruskal(groups['НОО'], groups['ООО'], groups['СОО']))
H = st.kruskal(groups['НОО'], groups['ООО'], groups['СОО']).statistic; n = 12
print('eps2', H/((n*n-1)/(n+1)))
print('median q', [np.median([r[q] for r in A if r[q] not in (None,0)]) for q in (1,2,3)])
# chi-square of level × q1 options (codes 1..4) in wave A, no Yates; all-zero columns dropped
tab = {g: [0,0,0,0] for g in ('НОО','ООО','СОО')}
for r in A:
    if r[1] not in (None,0): tab[lvl(r[0])][r[1]-1] += 1
import numpy as np
m = np.array([tab[g] for g in ('НОО','ООО','СОО')]); m = m[:, m.sum(0) > 0]
c = st.chi2_contingency(m, correction=False); print('chi2 q1', m.tolist(), c.statistic, c.dof, c.pvalue)
print('cramer', np.sqrt(c.statistic / (m.sum() * (min(m.shape) - 1))))
