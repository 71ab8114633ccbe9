import json,sys
b={c['id']:c for c in json.load(open(sys.argv[1]))['cases']};a={c['id']:c for c in json.load(open(sys.argv[2]))['cases']}
for k in b:
    x,y=b[k],a[k]
    if (x['rank'],x['triage_pred'])!=(y['rank'],y['triage_pred']):
        print(k,x['diagnosis'],'gold',x['triage_ref'],'rank',x['rank'],'->',y['rank'],'triage',x['triage_pred'],'->',y['triage_pred'])
