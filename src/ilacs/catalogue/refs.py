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
    "Ofsted: Inspecting local authority children's services (ILACS framework), updated 5 April 2024",
    "https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/inspecting-local-authority-childrens-services",
    A,
    dt.date(2024, 4, 5),
)
FW_DEC24 = Source(
    "Ofsted: ILACS framework, updated 13 December 2024",
    "https://gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/b3edac72-cb9e-413b-b8d5-f2a5c23900cc",
    A,
    dt.date(2024, 12, 13),
)
CHG_2024 = Source(
    "Ofsted: ILACS summary of framework changes, 5 April 2024 (deferral and pause policy)",
    "https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018/summary-of-framework-changes",
    A,
    dt.date(2024, 4, 5),
)
HIST = Source(
    "Update history of the ILACS collection page, to 13 December 2024 (mirror)",
    "http://govwire.co.uk/news/ofsted/guidance-inspecting-local-authority-childrens-services-112580",
    A,
    dt.date(2024, 12, 13),
)
OE_2026 = Source(
    "Ofsted news: removal of the headline judgement for ILACS from April 2026 (mirror)",
    "https://www.wired-gov.net/wg/news.nsf/articles/ofsted+confirms+removal+of+headline+judgement+for+inspections+of+local+authorities+childrens+services+27112025162500?open",
    A,
    dt.date(2025, 11, 27),
)
CL_2023 = Source(
    "Ofsted news: a new judgement for care leavers (mirror)",
    "https://www.wired-gov.net/wg/news.nsf/articles/a+new+judgement+for+care+leavers+02122022152000?open",
    A,
    dt.date(2022, 12, 2),
)
CL_CONSULT = Source(
    "Ofsted consultation outcome: a new ILACS judgement on the experiences and progress of care leavers",
    "https://gov.uk/government/consultations/introducing-a-separate-judgement-about-care-leavers-within-the-inspection-of-local-authority-childrens-services-ilacs/outcome/a-new-ilacs-judgement-on-the-experiences-and-progress-of-care-leavers-report-on-the-responses-to-the-consultation",
    A,
    dt.date(2022, 12, 2),
)
SIF_NEWS = Source(
    "Ofsted: new single framework for inspecting local authority services",
    "https://www.gov.uk/government/news/new-single-framework-for-inspecting-local-authority-services",
    A,
    dt.date(2013, 6, 13),
)
SIF_EFFECT = Source(
    "Ofsted: Ofsted's single inspection takes effect",
    "https://gov.uk/government/news/ofsteds-single-inspection-takes-effect",
    A,
    dt.date(2013, 11, 7),
)
SIF_FRAMEWORK = Source(
    "Ofsted: Framework and evaluation schedule, inspection of LA children's services (SIF), Dec 2014 / Feb 2017",
    "https://docsbay.net/doc/1294845/framework-and-evaluation-schedule-inspection-of-la-childrens-services",
    A,
)
SIF_HANDBOOK = Source(
    "Ofsted: SIF inspection handbook, February 2017 (table of contents)",
    "https://docsbay.net/inspection-handbook-inspections-of-services-for-children-in-need-of-help-and-protection",
    A,
    dt.date(2017, 2, 1),
)
SLAC_FRAMEWORK = Source(
    "Ofsted: Inspections of safeguarding and looked after children services (framework, 2009-2012)",
    "https://vdocuments.site/inspections-of-safeguarding-and-looked-after-children-services-of-safeguarding-and.html",
    A,
)
JAR_REGS = Source(
    "The Children Act 2004 (Joint Area Reviews) Regulations 2005, explanatory note",
    "https://legislation.gov.uk/uksi/2005/1973/note/made",
    A,
)
UCRA_EVIDENCE = Source(
    "Ofsted written evidence to Parliament (unannounced inspections of contact, referral and assessment)",
    "https://committees.parliament.uk/writtenevidence/56665/html/",
    A,
)
CP_2012 = Source(
    "Ofsted statistical first release: inspections of local authority arrangements for the protection of children (2012-13)",
    "https://docest.com/doc/214013/statistical-first-release-template-word",
    A,
)
COVID_RESTART = Source(
    "Ofsted: Ofsted to visit local authorities and children's social care providers (interim arrangements)",
    "https://www.gov.uk/government/news/ofsted-to-visit-local-authorities-and-childrens-social-care-providers",
    A,
    dt.date(2020, 7, 30),
)
EIA_2006_S137 = Source(
    "Education and Inspections Act 2006, section 137 (written statement of proposed action)",
    "https://www.legislation.gov.uk/ukpga/2006/40/section/137/2007-04-01/data.html",
    A,
)
SI_2007_462 = Source(
    "The Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007, SI 2007/462, reg. 2 (30 working days)",
    "https://zoomlaw.co.uk/2007-462-uksi.html",
    A,
    dt.date(2007, 3, 1),
)
JAR_REGS_2015 = Source(
    "The Children Act 2004 (Joint Area Reviews) Regulations 2015 (written statement within 70 working days)",
    "https://legislation.gov.uk/uksi/2015/1792/note/made/data.xht",
    A,
    dt.date(2015, 11, 1),
)
JTAI_GUIDE = Source(
    "Ofsted et al.: Joint inspections of arrangements and services for children in need of help and protection (JTAI)",
    "https://gov.uk/government/publications/joint-inspections-of-arrangements-and-services-for-children-in-need-of-help-and-protection",
    A,
)
JTAI_LAUNCH = Source(
    "Joint targeted area inspections to be launched this year (mirror)",
    "https://www.wired-gov.net/wg/news.nsf/articles/Joint+targeted+area+inspections+to+be+launched+this+year+16012016090518?open",
    A,
    dt.date(2016, 1, 16),
)
TARGETED_2016 = Source(
    "Ofsted: targeted inspections of local authority arrangements for children in need of help and protection",
    "https://www.gov.uk/government/publications/ofsted-targeted-inspections-of-local-authority-arrangements-and-services-for-children-in-need-of-help-and-protection",
    A,
    dt.date(2016, 1, 14),
)
STATS_2019 = Source(
    "Ofsted: LA and children's homes inspections and outcomes, autumn 2019, main findings",
    "https://www.gov.uk/government/statistics/local-authority-and-childrens-homes-in-england-inspections-and-outcomes-autumn-2019/local-authority-and-childrens-homes-in-england-inspections-and-outcomes-autumn-2019-main-findings",
    A,
    dt.date(2019, 11, 1),
)
STATS_2024 = Source(
    "Ofsted: local authority inspection outcomes as at 31 March 2024, main findings",
    "https://gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2024/main-findings-local-authority-inspection-outcomes-as-at-31-march-2024",
    A,
    dt.date(2024, 8, 30),
)
MONITORING_2016 = Source(
    "Ofsted: Monitoring and re-inspection of LA children's services judged inadequate (May 2016)",
    "https://docslib.org/doc/12601516/monitoring-inadequate-la-childrens-services",
    A,
    dt.date(2016, 5, 1),
)

# --- trade press and professional bodies (B) ---------------------------------------------------
CC_2017 = Source(
    "Community Care: New Ofsted children's services inspection regime confirmed",
    "http://www.communitycare.co.uk/2017/11/29/new-ofsted-childrens-services-inspection-regime-confirmed/",
    B,
    dt.date(2017, 11, 29),
)
LGA_FIRST = Source(
    "LGA First: Ofsted National Director on inspecting children's services",
    "https://www.lgafirst.co.uk/comment/inspecting-childrens-services/",
    B,
)
CYP_SEP_2018 = Source(
    "CYP Now: Ofsted relaxes inspections for struggling inadequate councils",
    "https://www.cypnow.co.uk/news/article/ofsted-relaxes-inspections-for-struggling-inadequate-councils",
    B,
    dt.date(2018, 9, 17),
)
CYP_AUG_2018 = Source(
    "CYP Now: Ofsted to require struggling councils produce urgent action plans",
    "https://www.cypnow.co.uk/print_article/cyp/news/2005662/ofsted-to-require-struggling-councils-produce-urgent-action-plans?print=true",
    B,
    dt.date(2018, 8, 16),
)
CYP_2021_QA = Source(
    "CYP Now: Inspections clinic: return of Ofsted visits, Q&A",
    "https://www.cypnow.co.uk/features/article/inspections-clinic-return-of-ofsted-visits-q-a",
    B,
    dt.date(2021, 5, 1),
)
CYP_COVID = Source(
    "CYP Now: Coronavirus: Ofsted suspends inspections amid outbreak",
    "https://www.cypnow.co.uk/news/article/coronavirus-ofsted-suspends-inspections-amid-outbreak",
    B,
    dt.date(2020, 3, 17),
)
CYP_2016_REINSPECT = Source(
    "CYP Now: Ofsted moots scaled-back re-inspections for inadequate councils",
    "https://www.cypnow.co.uk/cyp/news/1155902/ofsted-moots-scaled-back-re-inspections-for-inadequate-councils",
    B,
    dt.date(2016, 2, 1),
)
CYP_QUARTERLY = Source(
    "CYP Now: Ofsted to visit inadequate councils every three months",
    "https://www.cypnow.co.uk/content/news/ofsted-to-visit-inadequate-councils-every-three-months",
    B,
    dt.date(2016, 5, 1),
)
CYP_HMIP = Source(
    "CYP Now: HMI Probation drops out of joint targeted area inspections",
    "https://www.cypnow.co.uk/news/article/hmi-probation-drops-out-of-joint-targeted-area-inspections",
    B,
    dt.date(2022, 4, 1),
)
ADCS_ILACS = Source(
    "ADCS: ILACS overview (SIF in use 2013-2018)",
    "https://adcs.org.uk/inspection/article/ilacs-overview",
    B,
)
LGC_5YEARS = Source(
    "LGC: plan to reduce inspections for top-performing children's services dropped",
    "https://www.lgcplus.com/services/children/plan-to-reduce-inspections-for-top-performing-childrens-services-dropped/7015876.article",
    B,
)
CC_LEADERSHIP = Source(
    "Community Care: how important is leadership to children's services inspection ratings",
    "http://www.communitycare.co.uk/2017/12/20/important-leadership-childrens-services-inspection-ratings/",
    B,
    dt.date(2017, 12, 20),
)

# --- councils and third parties (C) ------------------------------------------------------------
KIRK = Source(
    "Kirklees Safeguarding Children Partnership: ILACS inspection guidance for professionals",
    "https://www.kirkleessafeguardingchildren.co.uk/procedures-local-protocols-and-guidance/ilacs-inspection-guidance-for-professionals/",
    C,
)
NOTTS = Source(
    "Nottinghamshire County Council: one-minute guide to Ofsted inspections",
    "https://www.nottinghamshire.gov.uk/global-content/one-minute-guides/ofsted-inspections",
    C,
)
BANES_2025 = Source(
    "Bath and North East Somerset: ILACS notification 2 June 2025, one week off site, one on site",
    "https://democracy.bathnes.gov.uk/ieIssueDetails.aspx?IId=41276&Opt=3",
    C,
    dt.date(2025, 6, 2),
)
BANES_PANEL = Source(
    "Bath and North East Somerset panel, October 2025 (interim visit within 18 months)",
    "https://democracy.bathnes.gov.uk/mgAi.aspx?ID=35698",
    C,
    dt.date(2025, 10, 1),
)
LINCS_2018 = Source(
    "Lincolnshire County Council minutes, 2018 (up to two focused visits between inspections)",
    "https://lincolnshire.moderngov.co.uk/mgAi.aspx?ID=10967",
    C,
)
CUMBRIA_2020 = Source(
    "Cumbria County Council minutes, November 2020 (focused visits, 10-day notice, JTAI)",
    "http://councilportal.cumbria.gov.uk/mgAi.aspx?ID=59570",
    C,
    dt.date(2020, 11, 1),
)
SESLIP = Source(
    "SESLIP: Ofsted visit analysis (focused visits by prior grade, to 21 Nov 2024)",
    "https://seslip.co.uk/ofsted-visit-analysis-page-11",
    C,
    dt.date(2024, 11, 21),
)
NORFOLK_2015 = Source(
    "Norfolk County Council: no-notice SIF inspection from 7 July 2015",
    "https://csapps.norfolk.gov.uk/csshared/ecourier2/misheet.asp?misheetid=21347",
    C,
    dt.date(2015, 7, 6),
)
STOCKTON_2023 = Source(
    "Stockton-on-Tees: ILACS action plan due 16 August 2023 after the report of 9 May 2023",
    "https://moderngov.stockton.gov.uk/ieIssueDetails.aspx?IId=1757&Opt=3",
    C,
    dt.date(2023, 5, 9),
)
KIRKLEES_2017 = Source(
    "Kirklees Council decision, 2017 (action plan within 70 working days)",
    "https://democracy.kirklees.gov.uk/mgDecisionDetails.aspx?IId=10698&Opt=1",
    C,
    dt.date(2017, 1, 1),
)
SLAC_SLIDES = Source(
    "Safeguarding and looked after children inspections: slide deck (grades, 3-year cycle)",
    "https://slideplayer.com./amp/773363",
    C,
)
JT39 = Source(
    "JT-39/ofsted-ilacs-scrape-tool README (post-April-2026 route)",
    "https://github.com/JT-39/ofsted-ilacs-scrape-tool",
    C,
)

# --- derived from Ofsted's reports and data (D) -----------------------------------------------
REPORTS = Source(
    "494 Ofsted full-inspection reports, Nov 2013 - Aug 2026 (JT-39/ofsted-ilacs-scrape-tool, commit 54af59bf)",
    "https://github.com/JT-39/ofsted-ilacs-scrape-tool",
    D,
    dt.date(2026, 8, 31),
)

# --- the council minutes in shared/minutes (S) -------------------------------------------------
SEED_THURROCK_2020 = Source(
    "Thurrock Children's Services Overview and Scrutiny minutes, early 2020",
    "https://democracy.thurrock.gov.uk/mgAi.aspx?ID=11005",
    S,
)
SEED_WOKINGHAM_2023 = Source(
    "Wokingham Children's Services Overview and Scrutiny minutes, 2023",
    "https://wokingham.moderngov.co.uk/mgAi.aspx?ID=39870",
    S,
)
SEED_DURHAM_2020 = Source(
    "Durham Children and Young People's Overview and Scrutiny minutes, 2019-20",
    "https://democracy.durham.gov.uk/mgAi.aspx?ID=44583",
    S,
)
SEED_THURROCK_2021 = Source(
    "Thurrock Health and Wellbeing Board report on the focused visit, 2021", "seed 002", S
)
SEED_THURROCK_2017 = Source("Thurrock Corporate Parenting Committee, 9 March 2017", "seed 004", S)

# --- Ofsted's published data files, read by ilacs.ofsted (task: read_ofsted) -----------------
OFSTED_CSC_2023 = Source(
    "Ofsted: Children's social care data in England 2023, underlying data (LA inspections "
    "2009-2023)",
    "https://www.gov.uk/government/statistics/childrens-social-care-data-in-england-2023",
    A,
    dt.date(2023, 7, 6),
    note="Guidance sheet: 'In the as at 31 March data, we have used the current inspection "
    "framework's sub judgement wording rather than the wording at the time of inspection'. "
    "Sheet LA_inspections_2009-2023 lists SLAC reports published from 7 Aug 2009 to 24 Aug "
    "2012.",
)
OFSTED_OUTCOMES_2024 = Source(
    "Ofsted: Local authority inspection outcomes as at 31 March 2024, data tables",
    "https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2024",
    A,
    dt.date(2024, 8, 30),
)
OFSTED_OUTCOMES_2025 = Source(
    "Ofsted: Local authority inspection outcomes as at 31 March 2025, data tables",
    "https://www.gov.uk/government/collections/childrens-social-care-statistics",
    A,
    dt.date(2025, 9, 25),
    note="Published 25 September 2025. Sheets Inspections_as_at_31_March (latest judgements, "
    "with ONS codes and Ofsted regions), In-year_inspections (April 2024 - March 2025, with "
    "visit and publication dates) and ILACS_inspection_history (every ILACS standard and short "
    "inspection January 2018 - March 2025, one row each, with ONS codes).",
)
