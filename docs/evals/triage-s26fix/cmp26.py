import json,sys
b=json.load(open(sys.argv[1]));a=json.load(open(sys.argv[2]))
for lab,d in (("base",b),("after",a)):
    x=d['modes']['one_shot']['all'];print(lab,{k:round(x[k],4) for k in ['n','top1','top3','triage_accuracy','under_triage','over_triage','emergencies','emergencies_missed']})
def rows(d):
    m=d['modes']['one_shot']
    r=m.get('cases') or m.get('rows') or d.get('cases')
    return r
print(list(b['modes']['one_shot'].keys())[:10], list(b.keys()))
