"""Compare two `eval triage --out` files case by case on the vignettes both hold: aggregates and the cases whose
rank or triage changed. Run: python compare.py BEFORE.json AFTER.json [one_shot|interactive] [ID_PREFIX_TO_SKIP]"""
import json,sys
from collections import Counter
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); mode=sys.argv[3] if len(sys.argv)>3 else 'one_shot'
exclude_prefix=sys.argv[4] if len(sys.argv)>4 else None
ca={c['id']:c for c in a['cases'] if c['mode']==mode}; cb={c['id']:c for c in b['cases'] if c['mode']==mode}
ids=[i for i in ca if i in cb and not (exclude_prefix and i.startswith(exclude_prefix))]
L={'emergency':0,'urgent':1,'routine':2,'self_care':3}
def agg(cs):
    n=len(cs); t1=sum(c['rank']==1 for c in cs)/n; t3=sum(c['rank']<=3 for c in cs)/n
    tr=sum(c['triage_pred']==c['triage_ref'] for c in cs)/n
    em=[c for c in cs if c['triage_ref']=='emergency']; miss=sum(c['triage_pred']!='emergency' for c in em)
    over=sum(L[c['triage_pred']]<L[c['triage_ref']] for c in cs)/n; under=sum(L[c['triage_pred']]>L[c['triage_ref']] for c in cs)/n
    return f"n={n} top1={t1:.3f} top3={t3:.3f} triage={tr:.3f} over/under={over:.3f}/{under:.3f} emerg missed={miss}/{len(em)}"
print('before', agg([ca[i] for i in ids])); print('after ', agg([cb[i] for i in ids]))
for i in ids:
    x,y=ca[i],cb[i]
    if (x['rank'],x['triage_pred'])!=(y['rank'],y['triage_pred']):
        print(f"  {i} {x['diagnosis'] if 'diagnosis' in x else ''} ref={x['triage_ref']} rank {x['rank']}->{y['rank']} triage {x['triage_pred']}->{y['triage_pred']}")
