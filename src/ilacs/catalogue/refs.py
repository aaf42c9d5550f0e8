"""The documents the catalogue cites, each defined once.

Short names follow ``shared/spec/framework-rules.md`` (FW-2024, CC-2017, ...). Evidence grades are
the specification's: A (Ofsted, DfE, gov.uk or legislation seen directly), B (trade press quoting
Ofsted), C (council pages and minutes), D (derived from Ofsted's reports or data), S (this
project's seed minutes only).
"""

from __future__ import annotations

import datetime as dt

from ilacs.sources import Evidence, Source

A, B, C, D, S = Evidence.A, Evidence.B, Evidence.C, Evidence.D, Evidence.S

# --- Ofsted / gov.uk / legislation (A) -------------------------------------------------------
FW_2024 = Source(
    title="Ofsted: Inspecting local authority children's services (ILACS framework), updated 5 April 2024",
    url="https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/inspecting-local-authority-childrens-services",
    evidence=A,
    published=dt.date(2024, 4, 5),
)
FW_DEC24 = Source(
    title="Ofsted: ILACS framework, updated 13 December 2024",
    url="https://gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/b3edac72-cb9e-413b-b8d5-f2a5c23900cc",
    evidence=A,
    published=dt.date(2024, 12, 13),
)
CHG_2024 = Source(
    title="Ofsted: ILACS summary of framework changes, 5 April 2024 (deferral and pause policy)",
    url="https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/summary-of-framework-changes",
    evidence=A,
    published=dt.date(2024, 4, 5),
)
HIST = Source(
    title="Update history of the ILACS collection page, to 13 December 2024 (mirror)",
    url="http://govwire.co.uk/news/ofsted/guidance-inspecting-local-authority-childrens-services-112580",
    evidence=A,
    published=dt.date(2024, 12, 13),
)
OE_2026 = Source(
    title="Ofsted news: removal of the headline judgement for ILACS from April 2026 (mirror)",
    url="https://www.wired-gov.net/wg/news.nsf/articles/ofsted+confirms+removal+of+headline+judgement+for+inspections+of+local+authorities+childrens+services+27112025162500?open",
    evidence=A,
    published=dt.date(2025, 11, 27),
)
CL_2023 = Source(
    title="Ofsted news: a new judgement for care leavers (mirror)",
    url="https://www.wired-gov.net/wg/news.nsf/articles/a+new+judgement+for+care+leavers+02122022152000?open",
    evidence=A,
    published=dt.date(2022, 12, 2),
)
CL_CONSULT = Source(
    title="Ofsted consultation outcome: a new ILACS judgement on the experiences and progress of care leavers",
    url="https://gov.uk/government/consultations/introducing-a-separate-judgement-about-care-leavers-within-the-inspection-of-local-authority-childrens-services-ilacs/outcome/a-new-ilacs-judgement-on-the-experiences-and-progress-of-care-leavers-report-on-the-responses-to-the-consultation",
    evidence=A,
    published=dt.date(2022, 12, 2),
)
SIF_NEWS = Source(
    title="Ofsted: new single framework for inspecting local authority services",
    url="https://www.gov.uk/government/news/new-single-framework-for-inspecting-local-authority-services",
    evidence=A,
    published=dt.date(2013, 6, 13),
)
SIF_EFFECT = Source(
    title="Ofsted: Ofsted's single inspection takes effect",
    url="https://gov.uk/government/news/ofsteds-single-inspection-takes-effect",
    evidence=A,
    published=dt.date(2013, 11, 7),
)
SIF_FRAMEWORK = Source(
    title="Ofsted: Framework and evaluation schedule, inspection of LA children's services (SIF), Dec 2014 / Feb 2017",
    url="https://docsbay.net/doc/1294845/framework-and-evaluation-schedule-inspection-of-la-childrens-services",
    evidence=A,
)
SIF_HANDBOOK = Source(
    title="Ofsted: SIF inspection handbook, February 2017 (table of contents)",
    url="https://docsbay.net/inspection-handbook-inspections-of-services-for-children-in-need-of-help-and-protection",
    evidence=A,
    published=dt.date(2017, 2, 1),
)
SLAC_FRAMEWORK = Source(
    title="Ofsted: Inspections of safeguarding and looked after children services (framework, 2009-2012)",
    url="https://vdocuments.site/inspections-of-safeguarding-and-looked-after-children-services-of-safeguarding-and.html",
    evidence=A,
)
JAR_REGS = Source(
    title="The Children Act 2004 (Joint Area Reviews) Regulations 2005, explanatory note",
    url="https://legislation.gov.uk/uksi/2005/1973/note/made",
    evidence=A,
)
UCRA_EVIDENCE = Source(
    title="Ofsted written evidence to Parliament (unannounced inspections of contact, referral and assessment)",
    url="https://committees.parliament.uk/writtenevidence/56665/html/",
    evidence=A,
)
CP_2012 = Source(
    title="Ofsted statistical first release: inspections of local authority arrangements for the protection of children (2012-13)",
    url="https://docest.com/doc/214013/statistical-first-release-template-word",
    evidence=A,
)
COVID_RESTART = Source(
    title="Ofsted: Ofsted to visit local authorities and children's social care providers (interim arrangements)",
    url="https://www.gov.uk/government/news/ofsted-to-visit-local-authorities-and-childrens-social-care-providers",
    evidence=A,
    published=dt.date(2020, 7, 30),
)
EIA_2006_S137 = Source(
    title="Education and Inspections Act 2006, section 137 (written statement of proposed action)",
    url="https://www.legislation.gov.uk/ukpga/2006/40/section/137/2007-04-01/data.html",
    evidence=A,
)
SI_2007_462 = Source(
    title="The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007, SI 2007/462, reg. 2 (30 working days)",
    url="https://zoomlaw.co.uk/2007-462-uksi.html",
    evidence=A,
    published=dt.date(2007, 3, 1),
)
JAR_REGS_2015 = Source(
    title="The Children Act 2004 (Joint Area Reviews) Regulations 2015 (written statement within 70 working days)",
    url="https://legislation.gov.uk/uksi/2015/1792/note/made/data.xht",
    evidence=A,
    published=dt.date(2015, 11, 1),
)
JTAI_GUIDE = Source(
    title="Ofsted et al.: Joint inspections of arrangements and services for children in need of help and protection (JTAI)",
    url="https://gov.uk/government/publications/joint-inspections-of-arrangements-and-services-for-children-in-need-of-help-and-protection",
    evidence=A,
)
JTAI_LAUNCH = Source(
    title="Joint targeted area inspections to be launched this year (mirror)",
    url="https://www.wired-gov.net/wg/news.nsf/articles/Joint+targeted+area+inspections+to+be+launched+this+year+16012016090518?open",
    evidence=A,
    published=dt.date(2016, 1, 16),
)
TARGETED_2016 = Source(
    title="Ofsted: targeted inspections of local authority arrangements for children in need of help and protection",
    url="https://www.gov.uk/government/publications/ofsted-targeted-inspections-of-local-authority-arrangements-and-services-for-children-in-need-of-help-and-protection",
    evidence=A,
    published=dt.date(2016, 1, 14),
)
STATS_2019 = Source(
    title="Ofsted: LA and children's homes inspections and outcomes, autumn 2019, main findings",
    url="https://www.gov.uk/government/statistics/local-authority-and-childrens-homes-in-england-inspections-and-outcomes-autumn-2019/local-authority-and-childrens-homes-in-england-inspections-and-outcomes-autumn-2019-main-findings",
    evidence=A,
    published=dt.date(2019, 11, 1),
)
STATS_2024 = Source(
    title="Ofsted: local authority inspection outcomes as at 31 March 2024, main findings",
    url="https://gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2024/main-findings-local-authority-inspection-outcomes-as-at-31-march-2024",
    evidence=A,
    published=dt.date(2024, 8, 30),
)
MONITORING_2016 = Source(
    title="Ofsted: Monitoring and re-inspection of LA children's services judged inadequate (May 2016)",
    url="https://docslib.org/doc/12601516/monitoring-inadequate-la-childrens-services",
    evidence=A,
    published=dt.date(2016, 5, 1),
)

# --- trade press and professional bodies (B) ---------------------------------------------------
CC_2017 = Source(
    title="Community Care: New Ofsted children's services inspection regime confirmed",
    url="http://www.communitycare.co.uk/2017/11/29/new-ofsted-childrens-services-inspection-regime-confirmed/",
    evidence=B,
    published=dt.date(2017, 11, 29),
)
LGA_FIRST = Source(
    title="LGA First: Ofsted National Director on inspecting children's services",
    url="https://www.lgafirst.co.uk/comment/inspecting-childrens-services/",
    evidence=B,
)
CYP_SEP_2018 = Source(
    title="CYP Now: Ofsted relaxes inspections for struggling inadequate councils",
    url="https://www.cypnow.co.uk/news/article/ofsted-relaxes-inspections-for-struggling-inadequate-councils",
    evidence=B,
    published=dt.date(2018, 9, 17),
)
CYP_AUG_2018 = Source(
    title="CYP Now: Ofsted to require struggling councils produce urgent action plans",
    url="https://www.cypnow.co.uk/print_article/cyp/news/2005662/ofsted-to-require-struggling-councils-produce-urgent-action-plans?print=true",
    evidence=B,
    published=dt.date(2018, 8, 16),
)
CYP_2021_QA = Source(
    title="CYP Now: Inspections clinic: return of Ofsted visits, Q&A",
    url="https://www.cypnow.co.uk/features/article/inspections-clinic-return-of-ofsted-visits-q-a",
    evidence=B,
    published=dt.date(2021, 5, 1),
)
CYP_COVID = Source(
    title="CYP Now: Coronavirus: Ofsted suspends inspections amid outbreak",
    url="https://www.cypnow.co.uk/news/article/coronavirus-ofsted-suspends-inspections-amid-outbreak",
    evidence=B,
    published=dt.date(2020, 3, 17),
)
CYP_2016_REINSPECT = Source(
    title="CYP Now: Ofsted moots scaled-back re-inspections for inadequate councils",
    url="https://www.cypnow.co.uk/cyp/news/1155902/ofsted-moots-scaled-back-re-inspections-for-inadequate-councils",
    evidence=B,
    published=dt.date(2016, 2, 1),
)
CYP_QUARTERLY = Source(
    title="CYP Now: Ofsted to visit inadequate councils every three months",
    url="https://www.cypnow.co.uk/content/news/ofsted-to-visit-inadequate-councils-every-three-months",
    evidence=B,
    published=dt.date(2016, 5, 1),
)
CYP_HMIP = Source(
    title="CYP Now: HMI Probation drops out of joint targeted area inspections",
    url="https://www.cypnow.co.uk/news/article/hmi-probation-drops-out-of-joint-targeted-area-inspections",
    evidence=B,
    published=dt.date(2022, 4, 1),
)
ADCS_ILACS = Source(
    title="ADCS: ILACS overview (SIF in use 2013-2018)",
    url="https://adcs.org.uk/inspection/article/ilacs-overview",
    evidence=B,
)
LGC_5YEARS = Source(
    title="LGC: plan to reduce inspections for top-performing children's services dropped",
    url="https://www.lgcplus.com/services/children/plan-to-reduce-inspections-for-top-performing-childrens-services-dropped/7015876.article",
    evidence=B,
)
CC_LEADERSHIP = Source(
    title="Community Care: how important is leadership to children's services inspection ratings",
    url="http://www.communitycare.co.uk/2017/12/20/important-leadership-childrens-services-inspection-ratings/",
    evidence=B,
    published=dt.date(2017, 12, 20),
)

# --- councils and third parties (C) ------------------------------------------------------------
KIRK = Source(
    title="Kirklees Safeguarding Children Partnership: ILACS inspection guidance for professionals",
    url="https://www.kirkleessafeguardingchildren.co.uk/procedures-local-protocols-and-guidance/ilacs-inspection-guidance-for-professionals/",
    evidence=C,
)
NOTTS = Source(
    title="Nottinghamshire County Council: one-minute guide to Ofsted inspections",
    url="https://www.nottinghamshire.gov.uk/global-content/one-minute-guides/ofsted-inspections",
    evidence=C,
)
BANES_2025 = Source(
    title="Bath and North East Somerset: ILACS notification 2 June 2025, one week off site, one on site",
    url="https://democracy.bathnes.gov.uk/ieIssueDetails.aspx?IId=41276&Opt=3",
    evidence=C,
    published=dt.date(2025, 6, 2),
)
BANES_PANEL = Source(
    title="Bath and North East Somerset panel, October 2025 (interim visit within 18 months)",
    url="https://democracy.bathnes.gov.uk/mgAi.aspx?ID=35698",
    evidence=C,
    published=dt.date(2025, 10, 1),
)
LINCS_2018 = Source(
    title="Lincolnshire County Council minutes, 2018 (up to two focused visits between inspections)",
    url="https://lincolnshire.moderngov.co.uk/mgAi.aspx?ID=10967",
    evidence=C,
)
CUMBRIA_2020 = Source(
    title="Cumbria County Council minutes, November 2020 (focused visits, 10-day notice, JTAI)",
    url="http://councilportal.cumbria.gov.uk/mgAi.aspx?ID=59570",
    evidence=C,
    published=dt.date(2020, 11, 1),
)
SESLIP = Source(
    title="SESLIP: Ofsted visit analysis (focused visits by prior grade, to 21 Nov 2024)",
    url="https://seslip.co.uk/ofsted-visit-analysis-page-11",
    evidence=C,
    published=dt.date(2024, 11, 21),
)
NORFOLK_2015 = Source(
    title="Norfolk County Council: no-notice SIF inspection from 7 July 2015",
    url="https://csapps.norfolk.gov.uk/csshared/ecourier2/misheet.asp?misheetid=21347",
    evidence=C,
    published=dt.date(2015, 7, 6),
)
STOCKTON_2023 = Source(
    title="Stockton-on-Tees: ILACS action plan due 16 August 2023 after the report of 9 May 2023",
    url="https://moderngov.stockton.gov.uk/ieIssueDetails.aspx?IId=1757&Opt=3",
    evidence=C,
    published=dt.date(2023, 5, 9),
)
KIRKLEES_2017 = Source(
    title="Kirklees Council decision, 2017 (action plan within 70 working days)",
    url="https://democracy.kirklees.gov.uk/mgDecisionDetails.aspx?IId=10698&Opt=1",
    evidence=C,
    published=dt.date(2017, 1, 1),
)
SLAC_SLIDES = Source(
    title="Safeguarding and looked after children inspections: slide deck (grades, 3-year cycle)",
    url="https://slideplayer.com./amp/773363",
    evidence=C,
)
JT39 = Source(
    title="JT-39/ofsted-ilacs-scrape-tool README (post-April-2026 route)",
    url="https://github.com/JT-39/ofsted-ilacs-scrape-tool",
    evidence=C,
)

# --- derived from Ofsted's reports and data (D) -----------------------------------------------
REPORTS = Source(
    title="494 Ofsted full-inspection reports, Nov 2013 - Aug 2026 (JT-39/ofsted-ilacs-scrape-tool, commit 54af59bf)",
    url="https://github.com/JT-39/ofsted-ilacs-scrape-tool",
    evidence=D,
    published=dt.date(2026, 8, 31),
)

# --- the council minutes in shared/minutes (S) -------------------------------------------------
SEED_THURROCK_2020 = Source(
    title="Thurrock Children's Services Overview and Scrutiny minutes, early 2020",
    url="https://democracy.thurrock.gov.uk/mgAi.aspx?ID=11005",
    evidence=S,
)
SEED_WOKINGHAM_2023 = Source(
    title="Wokingham Children's Services Overview and Scrutiny minutes, 2023",
    url="https://wokingham.moderngov.co.uk/mgAi.aspx?ID=39870",
    evidence=S,
)
SEED_DURHAM_2020 = Source(
    title="Durham Children and Young People's Overview and Scrutiny minutes, 2019-20",
    url="https://democracy.durham.gov.uk/mgAi.aspx?ID=44583",
    evidence=S,
)
SEED_THURROCK_2021 = Source(
    title="Thurrock Health and Wellbeing Board report on the focused visit, 2021",
    url="seed 002",
    evidence=S,
)
SEED_THURROCK_2017 = Source(
    title="Thurrock Corporate Parenting Committee, 9 March 2017", url="seed 004", evidence=S
)

# --- Ofsted's published data files, read by ilacs.ofsted (task: read_ofsted) -----------------
OFSTED_CSC_2023 = Source(
    title="Ofsted: Children's social care data in England 2023, underlying data (LA inspections "
    "2009-2023)",
    url="https://www.gov.uk/government/statistics/childrens-social-care-data-in-england-2023",
    evidence=A,
    published=dt.date(2023, 7, 6),
    note="Guidance sheet: 'In the as at 31 March data, we have used the current inspection "
    "framework's sub judgement wording rather than the wording at the time of inspection'. "
    "Sheet LA_inspections_2009-2023 lists SLAC reports published from 7 Aug 2009 to 24 Aug "
    "2012.",
)
OFSTED_OUTCOMES_2024 = Source(
    title="Ofsted: Local authority inspection outcomes as at 31 March 2024, data tables",
    url="https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2024",
    evidence=A,
    published=dt.date(2024, 8, 30),
)
OFSTED_OUTCOMES_2025 = Source(
    title="Ofsted: Local authority inspection outcomes as at 31 March 2025, data tables",
    url="https://www.gov.uk/government/collections/childrens-social-care-statistics",
    evidence=A,
    published=dt.date(2025, 9, 25),
    note="Published 25 September 2025. Sheets Inspections_as_at_31_March (latest judgements, "
    "with ONS codes and Ofsted regions), In-year_inspections (April 2024 - March 2025, with "
    "visit and publication dates) and ILACS_inspection_history (every ILACS standard and short "
    "inspection January 2018 - March 2025, one row each, with ONS codes).",
)
ADCS_COMMENT = Source(
    title="ADCS: comment on the ILACS framework (graded judgements hide strengths and weaknesses; "
    "the same grades do not mean the same quality of service)",
    url="https://adcs.org.uk/inspection/article/ilacs-framework-comment",
    evidence=B,
)
CYP_STATS_2019 = Source(
    title="CYP Now: half of children's services continue to show improvement, latest inspections "
    "find (ILACS outcomes set beside each LA's first SIF inspection)",
    url="https://www.cypnow.co.uk/news/article/half-of-children-s-services-continue-to-show-improvement-latest-inspections-find",
    evidence=B,
)
SI_2018_648 = Source(
    title="The Bournemouth, Dorset and Poole (Structural Changes) Order 2018, SI 2018/648",
    url="https://www.legislation.gov.uk/uksi/2018/648/contents/made",
    evidence=A,
    published=dt.date(2018, 5, 25),
    note="Art. 3-6: Bournemouth, Christchurch and Poole Council, Bournemouth and Poole wound "
    "up on 1 April 2019; art. 7-9: Dorset Council, Dorset County Council wound up.",
)
SI_2019_957 = Source(
    title="The Buckinghamshire (Structural Changes) Order 2019, SI 2019/957",
    url="https://www.legislation.gov.uk/uksi/2019/957/contents/made",
    evidence=A,
    published=dt.date(2019, 5, 22),
    note="Art. 3-4: Buckinghamshire Council for the same area as the county from 1 April 2020.",
)
SI_2020_156 = Source(
    title="The Northamptonshire (Structural Changes) Order 2020, SI 2020/156",
    url="https://www.legislation.gov.uk/uksi/2020/156/contents/made",
    evidence=A,
    published=dt.date(2020, 2, 13),
    note="North Northamptonshire and West Northamptonshire Councils from 1 April 2021; "
    "Northamptonshire County Council wound up.",
)
SI_2022_328 = Source(
    title="The North Yorkshire (Structural Changes) Order 2022, SI 2022/328",
    url="https://www.legislation.gov.uk/uksi/2022/328/contents/made",
    evidence=A,
    published=dt.date(2022, 3, 17),
    note="North Yorkshire Council, the county council continuing as a unitary council, from "
    "1 April 2023.",
)
SI_2022_329 = Source(
    title="The Somerset (Structural Changes) Order 2022, SI 2022/329",
    url="https://www.legislation.gov.uk/uksi/2022/329/contents/made",
    evidence=A,
    published=dt.date(2022, 3, 17),
    note="Somerset Council, the county council continuing as a unitary council, from 1 April 2023.",
)
SI_2022_331 = Source(
    title="The Cumbria (Structural Changes) Order 2022, SI 2022/331",
    url="https://www.legislation.gov.uk/uksi/2022/331/contents/made",
    evidence=A,
    published=dt.date(2022, 3, 17),
    note="Cumberland Council and Westmorland and Furness Council from 1 April 2023; Cumbria "
    "County Council wound up (explanatory note).",
)
ONS_CTYUA_2023 = Source(
    title="ONS: Counties and Unitary Authorities (April 2023) names and codes in the United Kingdom",
    url="https://geoportal.statistics.gov.uk/",
    evidence=A,
    published=dt.date(2023, 4, 1),
    note="Open Geography Portal, 'Names and codes' for counties and unitary authorities, April "
    "2023 (also 'Local Authority Districts (April 2023) names and codes' for the metropolitan "
    "districts and London boroughs, which are children's services authorities).",
)
"""The register the codes of :data:`~ilacs.catalogue.la_codes.LOCAL_AUTHORITIES` come from."""
ONS_CTYUA_2018 = Source(
    title="ONS: Counties and Unitary Authorities (December 2018) names and codes in England",
    url="https://geoportal.statistics.gov.uk/",
    evidence=A,
    published=dt.date(2018, 12, 1),
    note="The last register before the 2019 to 2023 reorganisations: Bournemouth, Poole, Dorset "
    "County Council, Buckinghamshire, Northamptonshire, Cumbria, North Yorkshire and Somerset "
    "county councils.",
)
"""The register the codes of :data:`~ilacs.catalogue.la_codes.FORMER_LOCAL_AUTHORITIES` come from."""
SI_2024_1328 = Source(
    title="The Barnsley and Sheffield (Boundary Change) Order 2024, SI 2024/1328",
    url="https://www.legislation.gov.uk/uksi/2024/1328/contents/made",
    evidence=A,
    published=dt.date(2024, 12, 12),
    note="In force 1 April 2025: a small area moved from Barnsley to Sheffield and the ONS "
    "recoded both (Barnsley E08000016 to E08000038, Sheffield E08000019 to E08000039). Same "
    "councils, same children's services.",
)
ONS_RGN_2023 = Source(
    title="ONS: Regions (December 2023) names and codes in England",
    url="https://geoportal.statistics.gov.uk/",
    evidence=A,
    published=dt.date(2023, 12, 1),
    note="The nine regions E12000001 (North East) to E12000009 (South West), as named in "
    "the ONS's names and codes files; some ONS and Nomis tables write 'East' for E12000006.",
)
ONS_LAD_RGN_2023 = Source(
    title="ONS: Local Authority District to Region (April 2023) Lookup in England",
    url="https://geoportal.statistics.gov.uk/",
    evidence=A,
    published=dt.date(2023, 4, 1),
    note="Open Geography Portal lookup LAD23_RGN23: the region of every district, metropolitan "
    "district, London borough and unitary authority; a county council's region is its "
    "districts' (all in one region, per 'Local Authority District to County (April 2023) "
    "Lookup in England').",
)
ONS_LAD_RGN_2018 = Source(
    title="ONS: Local Authority District to Region (December 2018) Lookup in England",
    url="https://geoportal.statistics.gov.uk/",
    evidence=A,
    published=dt.date(2018, 12, 1),
    note="The regions of the authorities abolished by the 2019 to 2023 reorganisations "
    "(Bournemouth, Poole, Dorset, Buckinghamshire, Northamptonshire, Cumbria, North Yorkshire, "
    "Somerset); each lies in the same region as its successors.",
)
OFSTED_GOR_2023 = Source(
    title="Ofsted: Children's social care data in England 2023, underlying data (provider-level sheets)",
    url="https://www.gov.uk/government/statistics/childrens-social-care-data-in-england-2023",
    evidence=A,
    published=dt.date(2023, 7, 6),
    note="Sheets Provider_level_at_31_Mar_2023 and Providers+places_at_31_Mar_2023 give each "
    "children's home a 'Local authority' and its 'Government Office Region' (the nine ONS "
    "regions) beside the 'Ofsted region'.",
)

# --- the working-day calendar of England and Wales (ilacs.workdays) ---------------------------
WORKING_DAY = Source(
    title="The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations "
    "2007 (SI 2007/462), regulation 1(2): meaning of working day",
    url="https://www.legislation.gov.uk/uksi/2007/462/regulation/1",
    evidence=A,
    published=dt.date(2007, 2, 19),
    note='"working day" means any day other than a Saturday, Sunday, Christmas Day, Good Friday '
    "or a day which is a bank holiday in England and Wales under the Banking and Financial "
    "Dealings Act 1971",
)
"""The definition of a working day that Ofsted's local-authority inspection clocks use."""
BFDA_1971 = Source(
    title="Banking and Financial Dealings Act 1971 (c. 80), section 1 and Schedule 1",
    url="https://www.legislation.gov.uk/ukpga/1971/80/schedule/1",
    evidence=A,
    published=dt.date(1971, 12, 16),
    note="Schedule 1, paragraph 1 (England and Wales): Easter Monday; the last Monday in May; the "
    "last Monday in August; 26th December, if it be not a Sunday; 27th December in a year in "
    "which 25th or 26th December is a Sunday. Section 1(3): other days by royal proclamation.",
)
BANK_HOLIDAY_PROCLAMATIONS = Source(
    title="Royal proclamations under section 1(3) of the Banking and Financial Dealings Act 1971 "
    "appointing New Year's Day (from 1974) and the early May bank holiday (from 1978), for "
    "example the proclamation for 2024 in The London Gazette",
    url="https://www.thegazette.co.uk/notice/4388378",
    evidence=A,
    note="Appoints Monday 1 January 2024 and Monday 6 May 2024 as bank holidays in England, Wales "
    "and Northern Ireland; a proclamation of this form is made every year. A 1 January on a "
    "weekend is replaced by the following Monday (e.g. 3 January 2022).",
)
CHRISTMAS_AND_GOOD_FRIDAY = Source(
    title="Christmas Day and Good Friday: common-law holidays, excluded from working days by "
    "SI 2007/462 regulation 1(2) and listed by gov.uk",
    url="https://www.legislation.gov.uk/uksi/2007/462/regulation/1",
    evidence=A,
    published=dt.date(2007, 2, 19),
)
SUBSTITUTE_DAYS = Source(
    title="Substitute days: Schedule 1 of the 1971 Act (27 December when 25 or 26 December is a "
    "Sunday) and royal proclamations for days falling on a Saturday; as listed by gov.uk",
    url="https://www.gov.uk/bank-holidays",
    evidence=A,
    note="When New Year's Day, Christmas Day or Boxing Day falls on a weekend, a substitute bank "
    "holiday is held on the next weekday that is not already a holiday, so that Christmas and "
    "Boxing Day both get a weekday (25 Dec on a Saturday: Monday 27 and Tuesday 28).",
)
SILVER_JUBILEE_1977 = Source(
    title="House of Commons written answer, 19 January 1977: the Queen's Silver Jubilee "
    "(HC Deb vol 924 cc191-3W)",
    url="https://api.parliament.uk/historic-hansard/written-answers/1977/jan/19/queens-silver-jubilee",
    evidence=A,
    published=dt.date(1977, 1, 19),
)
VE_DAY_1995 = Source(
    title="House of Lords written answer, 16 December 1993: early May bank holiday "
    "(HL Deb vol 550 cc135-6WA)",
    url="https://api.parliament.uk/historic-hansard/written_answers/1993/dec/16/early-may-bank-holiday",
    evidence=A,
    published=dt.date(1993, 12, 16),
)


def _gazette(occasion: str) -> Source:
    """A royal proclamation in The London Gazette (the source for years before 2012)."""
    return Source(
        title=f"The London Gazette: royal proclamation, {occasion}",
        url="https://www.thegazette.co.uk",
        evidence=A,
    )


def _gov_uk_bank_holidays(year: int) -> Source:
    """gov.uk's list of bank holidays in England and Wales (the source from 2012 on)."""
    return Source(
        title=f"UK bank holidays: England and Wales, {year}",
        url="https://www.gov.uk/bank-holidays",
        evidence=A,
    )


GAZETTE_ROYAL_WEDDING_1981 = _gazette("royal wedding, 29 July 1981")
GAZETTE_MILLENNIUM_1999 = _gazette("millennium, 31 December 1999")
GAZETTE_GOLDEN_JUBILEE_2002 = _gazette("Golden Jubilee, 3 and 4 June 2002")
GAZETTE_ROYAL_WEDDING_2011 = _gazette("royal wedding, 29 April 2011")
GOV_UK_BANK_HOLIDAYS_2012 = _gov_uk_bank_holidays(2012)
GOV_UK_BANK_HOLIDAYS_2020 = _gov_uk_bank_holidays(2020)
GOV_UK_BANK_HOLIDAYS_2022 = _gov_uk_bank_holidays(2022)
GOV_UK_BANK_HOLIDAYS_2023 = _gov_uk_bank_holidays(2023)


# --- made from data: the observed practice a calibration learnt ---------------------------------
def observed_practice(data: str, cut_off: dt.date, method: str) -> Source:
    """The practice a calibration learnt from ``data`` to ``cut_off`` (evidence D: observed, not
    a rule), as a source a reason can cite; ``method`` says how it was learnt."""
    return Source(
        title=f"Observed practice learnt from {data}, to {cut_off.isoformat()}",
        url=OFSTED_OUTCOMES_2025.url,
        evidence=D,
        published=cut_off,
        note=f"{method} An observed regularity, not a published rule.",
    )
