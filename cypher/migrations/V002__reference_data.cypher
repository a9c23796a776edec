// Netwerkzorg Atlas reference data, part 2: provider types, conditions (zorgvragen) and care pathways
// (netwerkprofielen). MERGE on the key so the migration is idempotent; SET keeps labels current.
// A region may add its own types and pathways through Beheer; these are the national defaults.

// ---------------------------------------------------------------------------------------------
// Provider types. domain: MEDICAL / LONG_TERM / SOCIAL / INFORMAL. bedBased: has capacity/available.
// ---------------------------------------------------------------------------------------------
UNWIND [
  {code: 'HUISARTS', name: 'Huisarts', nameEn: 'General practitioner', domain: 'MEDICAL', bedBased: false},
  {code: 'HUISARTSENPOST', name: 'Huisartsenpost', nameEn: 'Out-of-hours GP service', domain: 'MEDICAL', bedBased: false},
  {code: 'APOTHEEK', name: 'Apotheek', nameEn: 'Pharmacy', domain: 'MEDICAL', bedBased: false},
  {code: 'POH_GGZ', name: 'Praktijkondersteuner GGZ (POH-GGZ)', nameEn: 'GP mental health nurse', domain: 'MEDICAL', bedBased: false},
  {code: 'WIJKVERPLEGING', name: 'Wijkverpleging', nameEn: 'District nursing', domain: 'LONG_TERM', bedBased: false},
  {code: 'THUISZORG_HUISHOUDELIJK', name: 'Hulp bij het huishouden', nameEn: 'Domestic help', domain: 'SOCIAL', bedBased: false},
  {code: 'FYSIOTHERAPIE', name: 'Fysiotherapie', nameEn: 'Physiotherapy', domain: 'MEDICAL', bedBased: false},
  {code: 'ERGOTHERAPIE', name: 'Ergotherapie', nameEn: 'Occupational therapy', domain: 'MEDICAL', bedBased: false},
  {code: 'DIETIST', name: 'Diëtist', nameEn: 'Dietitian', domain: 'MEDICAL', bedBased: false},
  {code: 'LOGOPEDIE', name: 'Logopedie', nameEn: 'Speech therapy', domain: 'MEDICAL', bedBased: false},
  {code: 'VERLOSKUNDIGE', name: 'Verloskundige', nameEn: 'Midwife', domain: 'MEDICAL', bedBased: false},
  {code: 'KRAAMZORG', name: 'Kraamzorg', nameEn: 'Maternity care', domain: 'LONG_TERM', bedBased: false},
  {code: 'ZIEKENHUIS', name: 'Ziekenhuis', nameEn: 'Hospital', domain: 'MEDICAL', bedBased: true},
  {code: 'GGZ', name: 'GGZ-aanbieder', nameEn: 'Mental health care provider', domain: 'MEDICAL', bedBased: false},
  {code: 'VERPLEEGHUIS', name: 'Verpleeghuis', nameEn: 'Nursing home', domain: 'LONG_TERM', bedBased: true},
  {code: 'ELV', name: 'Eerstelijnsverblijf (ELV)', nameEn: 'Primary care short stay (ELV)', domain: 'LONG_TERM', bedBased: true},
  {code: 'GRZ', name: 'Geriatrische revalidatiezorg (GRZ)', nameEn: 'Geriatric rehabilitation (GRZ)', domain: 'LONG_TERM', bedBased: true},
  {code: 'CASEMANAGER_DEMENTIE', name: 'Casemanager dementie', nameEn: 'Dementia case manager', domain: 'LONG_TERM', bedBased: false},
  {code: 'SPECIALIST_OUDERENGENEESKUNDE', name: 'Specialist ouderengeneeskunde', nameEn: 'Elderly care physician', domain: 'LONG_TERM', bedBased: false},
  {code: 'SOCIAAL_WIJKTEAM', name: 'Sociaal wijkteam', nameEn: 'Social neighbourhood team', domain: 'SOCIAL', bedBased: false},
  {code: 'WMO_DAGBESTEDING', name: 'Dagbesteding (Wmo)', nameEn: 'Day care (Wmo)', domain: 'SOCIAL', bedBased: false},
  {code: 'MAATSCHAPPELIJK_WERK', name: 'Maatschappelijk werk', nameEn: 'Social work', domain: 'SOCIAL', bedBased: false},
  {code: 'MANTELZORGONDERSTEUNING', name: 'Mantelzorgondersteuning', nameEn: 'Informal carer support', domain: 'INFORMAL', bedBased: false},
  {code: 'GEMEENTE', name: 'Gemeente', nameEn: 'Municipality', domain: 'SOCIAL', bedBased: false},
  {code: 'JEUGDZORG', name: 'Jeugdhulpaanbieder', nameEn: 'Youth care provider', domain: 'SOCIAL', bedBased: false}
] AS t
MERGE (pt:ProviderType {code: t.code})
SET pt.name = t.name, pt.nameEn = t.nameEn, pt.domain = t.domain, pt.bedBased = t.bedBased;

// ---------------------------------------------------------------------------------------------
// Conditions (zorgvragen).
// ---------------------------------------------------------------------------------------------
UNWIND [
  {code: 'DEMENTIE', name: 'Dementie', nameEn: 'Dementia'},
  {code: 'PARKINSON', name: 'Ziekte van Parkinson', nameEn: "Parkinson's disease"},
  {code: 'COPD', name: 'COPD', nameEn: 'COPD'},
  {code: 'HARTFALEN', name: 'Hartfalen', nameEn: 'Heart failure'},
  {code: 'DIABETES', name: 'Diabetes mellitus', nameEn: 'Diabetes mellitus'},
  {code: 'ZWANGERSCHAP', name: 'Zwangerschap en kraambed', nameEn: 'Pregnancy and postpartum'},
  {code: 'KWETSBARE_OUDERE', name: 'Kwetsbare oudere', nameEn: 'Frail older person'},
  {code: 'GGZ_ERNSTIG', name: 'Ernstige psychische aandoening (EPA)', nameEn: 'Severe mental illness'},
  {code: 'JEUGD', name: 'Jeugdhulp', nameEn: 'Youth care'},
  {code: 'PALLIATIEF', name: 'Palliatieve zorg', nameEn: 'Palliative care'},
  {code: 'NA_ZIEKENHUISOPNAME', name: 'Na ziekenhuisopname', nameEn: 'After hospital discharge'}
] AS c
MERGE (k:Condition {code: c.code})
SET k.name = c.name, k.nameEn = c.nameEn;

// ---------------------------------------------------------------------------------------------
// Care pathways: which provider types a complete personal network needs, required or optional,
// with the maximum travel distance (km, client's home to provider) that still counts as coverage.
// Each pathway names the guideline or public source it follows; "assumption" where there is none.
// ---------------------------------------------------------------------------------------------

// Zorgstandaard Dementie 2020 (Dementienetwerk / Alzheimer Nederland): casemanager from diagnosis to death.
UNWIND [{code: 'PAD_DEMENTIE', condition: 'DEMENTIE', name: 'Netwerkzorg dementie', nameEn: 'Dementia network care',
  source: 'Zorgstandaard Dementie 2020',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'CASEMANAGER_DEMENTIE', optional: false, maxKm: 20},
    {type: 'WIJKVERPLEGING', optional: false, maxKm: 15},
    {type: 'SPECIALIST_OUDERENGENEESKUNDE', optional: false, maxKm: 25},
    {type: 'WMO_DAGBESTEDING', optional: false, maxKm: 15},
    {type: 'MANTELZORGONDERSTEUNING', optional: false, maxKm: 20},
    {type: 'APOTHEEK', optional: true, maxKm: 10},
    {type: 'THUISZORG_HUISHOUDELIJK', optional: true, maxKm: 15},
    {type: 'ERGOTHERAPIE', optional: true, maxKm: 20},
    {type: 'VERPLEEGHUIS', optional: true, maxKm: 25}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Multidisciplinaire richtlijn Ziekte van Parkinson (2020) / ParkinsonNet: neuroloog plus ParkinsonNet-therapeuten.
UNWIND [{code: 'PAD_PARKINSON', condition: 'PARKINSON', name: 'Netwerkzorg Parkinson', nameEn: 'Parkinson network care',
  source: 'Multidisciplinaire richtlijn Parkinson / ParkinsonNet',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'ZIEKENHUIS', optional: false, maxKm: 40},
    {type: 'FYSIOTHERAPIE', optional: false, maxKm: 15},
    {type: 'ERGOTHERAPIE', optional: true, maxKm: 20},
    {type: 'LOGOPEDIE', optional: true, maxKm: 20},
    {type: 'DIETIST', optional: true, maxKm: 20},
    {type: 'APOTHEEK', optional: true, maxKm: 10},
    {type: 'WIJKVERPLEGING', optional: true, maxKm: 15}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Zorgstandaard Integrale Geboortezorg (CPZ, 2016/2020): verloskundige and kraamzorg in a VSV with the hospital.
UNWIND [{code: 'PAD_GEBOORTEZORG', condition: 'ZWANGERSCHAP', name: 'Integrale geboortezorg (VSV)', nameEn: 'Integrated maternity care',
  source: 'Zorgstandaard Integrale Geboortezorg',
  requires: [
    {type: 'VERLOSKUNDIGE', optional: false, maxKm: 15},
    {type: 'KRAAMZORG', optional: false, maxKm: 25},
    {type: 'ZIEKENHUIS', optional: false, maxKm: 30},
    {type: 'HUISARTS', optional: true, maxKm: 10},
    {type: 'APOTHEEK', optional: true, maxKm: 10},
    {type: 'SOCIAAL_WIJKTEAM', optional: true, maxKm: 10}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Kwetsbare ouderen: Verenso / NHG (Standaard Kwetsbare ouderen, Zorgstandaard Kwetsbare ouderen 2013).
UNWIND [{code: 'PAD_KWETSBARE_OUDERE', condition: 'KWETSBARE_OUDERE', name: 'Netwerkzorg kwetsbare ouderen', nameEn: 'Frail elderly network care',
  source: 'Kwetsbare ouderen: Verenso / NHG',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'WIJKVERPLEGING', optional: false, maxKm: 15},
    {type: 'APOTHEEK', optional: false, maxKm: 10},
    {type: 'SOCIAAL_WIJKTEAM', optional: false, maxKm: 10},
    {type: 'SPECIALIST_OUDERENGENEESKUNDE', optional: true, maxKm: 25},
    {type: 'THUISZORG_HUISHOUDELIJK', optional: true, maxKm: 15},
    {type: 'FYSIOTHERAPIE', optional: true, maxKm: 10},
    {type: 'ERGOTHERAPIE', optional: true, maxKm: 20},
    {type: 'WMO_DAGBESTEDING', optional: true, maxKm: 15},
    {type: 'MANTELZORGONDERSTEUNING', optional: true, maxKm: 20}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Handreiking ELV/GRZ (Verenso/ActiZ/InEen) and the ELV-coördinatiepunt: bed within reach after discharge.
UNWIND [{code: 'PAD_NA_ZIEKENHUISOPNAME', condition: 'NA_ZIEKENHUISOPNAME', name: 'Herstel na ziekenhuisopname (ELV/GRZ)', nameEn: 'Recovery after hospital stay (ELV/GRZ)',
  source: 'Handreiking ELV/GRZ (Verenso/ActiZ/InEen)',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'ZIEKENHUIS', optional: false, maxKm: 30},
    {type: 'WIJKVERPLEGING', optional: false, maxKm: 15},
    {type: 'ELV', optional: true, maxKm: 25},
    {type: 'GRZ', optional: true, maxKm: 30},
    {type: 'SPECIALIST_OUDERENGENEESKUNDE', optional: true, maxKm: 30},
    {type: 'FYSIOTHERAPIE', optional: true, maxKm: 10},
    {type: 'APOTHEEK', optional: true, maxKm: 10}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Zorgstandaard COPD (Long Alliantie Nederland, 2016): ketenzorg by the huisarts with paramedics.
UNWIND [{code: 'PAD_COPD', condition: 'COPD', name: 'Ketenzorg COPD', nameEn: 'COPD integrated care',
  source: 'Zorgstandaard COPD (Long Alliantie Nederland)',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'APOTHEEK', optional: false, maxKm: 10},
    {type: 'FYSIOTHERAPIE', optional: false, maxKm: 15},
    {type: 'DIETIST', optional: true, maxKm: 20},
    {type: 'ZIEKENHUIS', optional: true, maxKm: 40},
    {type: 'WIJKVERPLEGING', optional: true, maxKm: 15}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Zorgstandaard Ernstige Psychische Aandoeningen (Akwa GGZ, 2017): FACT-team plus huisarts and social domain.
UNWIND [{code: 'PAD_GGZ_ERNSTIG', condition: 'GGZ_ERNSTIG', name: 'Netwerkzorg ernstige psychische aandoeningen', nameEn: 'Severe mental illness network care',
  source: 'Zorgstandaard Ernstige Psychische Aandoeningen (Akwa GGZ)',
  requires: [
    {type: 'GGZ', optional: false, maxKm: 25},
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'SOCIAAL_WIJKTEAM', optional: false, maxKm: 10},
    {type: 'POH_GGZ', optional: true, maxKm: 10},
    {type: 'MAATSCHAPPELIJK_WERK', optional: true, maxKm: 10},
    {type: 'APOTHEEK', optional: true, maxKm: 10},
    {type: 'WMO_DAGBESTEDING', optional: true, maxKm: 15}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Jeugdwet (2015) / NJi: toegang via the gemeente's (sociaal) wijkteam, jeugdhulp by a jeugdhulpaanbieder.
UNWIND [{code: 'PAD_JEUGD', condition: 'JEUGD', name: 'Jeugdhulp in het gezin', nameEn: 'Youth care in the family',
  source: 'Jeugdwet / NJi',
  requires: [
    {type: 'SOCIAAL_WIJKTEAM', optional: false, maxKm: 10},
    {type: 'JEUGDZORG', optional: false, maxKm: 25},
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'GGZ', optional: true, maxKm: 25},
    {type: 'LOGOPEDIE', optional: true, maxKm: 15},
    {type: 'MAATSCHAPPELIJK_WERK', optional: true, maxKm: 10},
    {type: 'POH_GGZ', optional: true, maxKm: 10}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// NHG-Standaard Hartfalen (2021) / Multidisciplinaire richtlijn Hartfalen (NVVC): huisarts, cardioloog, hartfalenverpleegkundige.
UNWIND [{code: 'PAD_HARTFALEN', condition: 'HARTFALEN', name: 'Netwerkzorg hartfalen', nameEn: 'Heart failure network care',
  source: 'NHG-Standaard Hartfalen / Multidisciplinaire richtlijn Hartfalen (NVVC)',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'ZIEKENHUIS', optional: false, maxKm: 40},
    {type: 'APOTHEEK', optional: false, maxKm: 10},
    {type: 'WIJKVERPLEGING', optional: true, maxKm: 15},
    {type: 'DIETIST', optional: true, maxKm: 20},
    {type: 'FYSIOTHERAPIE', optional: true, maxKm: 15}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// NDF Zorgstandaard Diabetes (Nederlandse Diabetes Federatie, 2015): ketenzorg by huisarts, diëtist, apotheek.
UNWIND [{code: 'PAD_DIABETES', condition: 'DIABETES', name: 'Ketenzorg diabetes', nameEn: 'Diabetes integrated care',
  source: 'NDF Zorgstandaard Diabetes',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'DIETIST', optional: false, maxKm: 20},
    {type: 'APOTHEEK', optional: false, maxKm: 10},
    {type: 'ZIEKENHUIS', optional: true, maxKm: 40},
    {type: 'WIJKVERPLEGING', optional: true, maxKm: 15},
    {type: 'FYSIOTHERAPIE', optional: true, maxKm: 15}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;

// Kwaliteitskader Palliatieve Zorg Nederland (IKNL/Palliactief, 2017): generalist palliative care at home, hospice/verpleeghuis optional.
UNWIND [{code: 'PAD_PALLIATIEF', condition: 'PALLIATIEF', name: 'Palliatieve zorg thuis', nameEn: 'Palliative care at home',
  source: 'Kwaliteitskader Palliatieve Zorg Nederland (IKNL/Palliactief)',
  requires: [
    {type: 'HUISARTS', optional: false, maxKm: 10},
    {type: 'WIJKVERPLEGING', optional: false, maxKm: 15},
    {type: 'APOTHEEK', optional: false, maxKm: 10},
    {type: 'SPECIALIST_OUDERENGENEESKUNDE', optional: true, maxKm: 25},
    {type: 'VERPLEEGHUIS', optional: true, maxKm: 25},
    {type: 'MANTELZORGONDERSTEUNING', optional: true, maxKm: 20},
    {type: 'HUISARTSENPOST', optional: true, maxKm: 25}]}] AS p
MERGE (cp:CarePathway {code: p.code})
SET cp.name = p.name, cp.nameEn = p.nameEn, cp.source = p.source
WITH cp, p
MATCH (k:Condition {code: p.condition})
MERGE (cp)-[:FOR]->(k)
WITH cp, p
UNWIND p.requires AS r
MATCH (t:ProviderType {code: r.type})
MERGE (cp)-[q:REQUIRES]->(t)
SET q.optional = r.optional, q.maxKm = r.maxKm;
