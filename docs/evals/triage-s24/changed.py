import json,sys
L={'self_care':0,'routine':1,'urgent':2,'emergency':3}
a={c['id']:c for c in json.load(open(sys.argv[1]))['cases'] if c['mode']==sys.argv[3]}
b={c['id']:c for c in json.load(open(sys.argv[2]))['cases'] if c['mode']==sys.argv[3]}
def ok3(c): return c['rank'] is not None and c['rank']<=3
for i in a:
    x,y=a[i],b[i]
    if (x['triage_pred']!=y['triage_pred']) or ok3(x)!=ok3(y):
        tag=[]
        if x['triage_pred']!=y['triage_pred']:
            tag.append(('better' if y['triage_pred']==y['triage_ref'] else 'WORSE' if x['triage_pred']==x['triage_ref'] else 'other')+f" tri {x['triage_pred']}->{y['triage_pred']} (gold {x['triage_ref']})")
        if ok3(x)!=ok3(y): tag.append(('top3 gained' if ok3(y) else 'TOP3 LOST')+f" rank {x['rank']}->{y['rank']}")
        print(i, x['diagnosis'], '; '.join(tag))
