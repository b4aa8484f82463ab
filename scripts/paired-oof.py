# Paired comparison of two bundles' out-of-fold.csv files (same pages, same folds): macro-F1 of each, the
# difference B - A with a 95% bootstrap interval over groups (labels.csv printed_id), and a confidence
# cascade (A when its top probability >= t, else B). Usage: python3 scripts/paired-oof.py A.csv B.csv labels.csv
import csv, random, sys, collections
C=['Normal','AbnormalHeartbeat','MyocardialInfarction','HistoryOfMI']
def load(p):
    return {r['file']:r for r in csv.DictReader(open(p))}
A=load(sys.argv[1]); B=load(sys.argv[2])
groups={}
for r in csv.DictReader(open(sys.argv[3])): groups[r['file']]=r['printed_id']
files=sorted(A)
assert set(files)==set(B), 'different pages'
def probs(r): return [float(r['p_'+c]) for c in C]
def f1(pairs):
    out=[]
    for c in C:
        tp=sum(1 for t,p in pairs if t==c and p==c); fp=sum(1 for t,p in pairs if t!=c and p==c); fn=sum(1 for t,p in pairs if t==c and p!=c)
        out.append(0 if tp==0 else 2*tp/(2*tp+fp+fn))
    return sum(out)/len(out)
def pred(r): p=probs(r); return C[p.index(max(p))]
def cascade(f,t):
    pa=probs(A[f]); return (pred(A[f]),False) if max(pa)>=t else (pred(B[f]),True)
lab={f:A[f]['label'] for f in files}
print('A', round(f1([(lab[f],pred(A[f])) for f in files]),4), 'B', round(f1([(lab[f],pred(B[f])) for f in files]),4))
g=collections.defaultdict(list)
for f in files: g[groups.get(f,f)].append(f)
keys=list(g); random.seed(1); diffs=[]
for _ in range(2000):
    s=[f for k in random.choices(keys,k=len(keys)) for f in g[k]]
    diffs.append(f1([(lab[f],pred(B[f])) for f in s])-f1([(lab[f],pred(A[f])) for f in s]))
diffs.sort(); print('B-A macro-F1 diff 95%% CI [%.3f, %.3f], P(B>A)=%.2f'%(diffs[50],diffs[1949],sum(d>0 for d in diffs)/len(diffs)))
for t in [0.6,0.7,0.8,0.9,0.95]:
    res=[cascade(f,t) for f in files]
    print('cascade t=%.2f macro-F1 %.4f, B consulted on %d/%d pages'%(t,f1([(lab[f],r[0]) for f,r in zip(files,res)]),sum(r[1] for r in res),len(files)))
