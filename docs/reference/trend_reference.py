import numpy as np, scipy, statsmodels
from scipy import stats
import statsmodels.api as sm
print(scipy.__version__, statsmodels.__version__)
def ca(x, n, t=None):
    x=np.array(x,float); n=np.array(n,float); t=np.arange(len(x),dtype=float) if t is None else np.array(t,float)
    N=n.sum(); p=x.sum()/N
    T=(t*(x-n*p)).sum(); V=p*(1-p)*((n*t*t).sum()-(n*t).sum()**2/N)
    z=T/np.sqrt(V); return z, 2*stats.norm.sf(abs(z))
for (x,n,t) in [([61,70,80],[100,100,100],None), ([12,15,9,20],[40,52,38,44],None), ([30,25,21],[80,75,90],[2023,2024,2026])]:
    z,p=ca(x,n,t)
    tab=np.array([[n[i]-x[i], x[i]] for i in range(len(x))])
    r=sm.stats.Table(tab).test_ordinal_association(row_scores=np.array(t if t else range(len(x)),float), col_scores=np.array([0.,1.]))
    N=sum(n)
    print("CA", x, n, t, repr(z), repr(p), "statsmodels z*sqrt(N/(N-1))=", repr(r.zscore*np.sqrt(N/(N-1))), "sm p", r.pvalue)
x=[0,0,0,1,1,1,1,2,2,2]; y=[50,60,40,55,65,70,45,70,75,80]
r=stats.linregress(x,y); print("LR", repr(r.slope), repr(r.intercept), repr(r.stderr), repr(r.pvalue), repr(r.slope/r.stderr))
tc=stats.t.ppf(0.975, len(x)-2); print("ci", repr(r.slope-tc*r.stderr), repr(r.slope+tc*r.stderr))
x2=[0]*5+[1]*4+[2]*6; rng=np.random.default_rng(7); y2=list(np.round(rng.normal(60,15,15)+np.array(x2)*3,1))
print("y2", y2); r=stats.linregress(x2,y2); print("LR2", repr(r.slope), repr(r.intercept), repr(r.stderr), repr(r.pvalue))
