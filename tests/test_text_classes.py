"""Every class of PHI the rules must find, and the clinical content they must keep, in any case.

The examples are written here for these tests: none comes from a corpus the
rules are measured on (benchmarks/report_blind.py).
"""

from __future__ import annotations

import pytest

from cxrbuild.text.deid import ReportDeidentifier


def leaked(deidentifier: ReportDeidentifier, text: str, phi: list[str]) -> list[str]:
    """The PHI values of ``phi`` with a letter or digit left in the output."""
    result = deidentifier.deidentify(text)
    covered = [False] * len(text)
    for span in result.spans:
        for index in range(span.start, span.end):
            covered[index] = True
    left = []
    for value in phi:
        start = text.index(value)
        if not all(covered[i] for i in range(start, start + len(value)) if text[i].isalnum()):
            left.append(value)
    return left


def renderings(sentence: str, phi: list[str]):
    yield sentence, phi
    yield sentence.upper(), [p.upper() for p in phi]
    yield sentence.lower(), [p.lower() for p in phi]


PHI_CLASSES = [
    # names with particles or several parts
    ("Case reviewed with Dr. van der Hoek this morning.", ["van der Hoek"]),
    ("Read by Dr. da Costa Pereira.", ["da Costa Pereira"]),
    ("Consent witnessed by Ms. Nkemelu-Adebayo.", ["Nkemelu-Adebayo"]),
    ("Seen with Mr. O'Donovan-Whitley at the bedside.", ["O'Donovan-Whitley"]),
    # "LAST, FIRST" header fields
    ("Name: Okafor, Chidinma R\nMRN: 4471902", ["Okafor, Chidinma R", "4471902"]),
    ("Referring: Szczepanski, Wojtek\nExam: chest", ["Szczepanski, Wojtek"]),
    # a surname alone after a role
    ("Line placement confirmed with RN Vukovich.", ["Vukovich"]),
    ("Restraints removed per charge nurse Ostrowski.", ["Ostrowski"]),
    ("Result given to NP Abernathy by phone.", ["Abernathy"]),
    # a title glued to the name
    ("Addendum entered by Dr.Szabo after review.", ["Szabo"]),
    # first names of relatives after kin words
    ("History obtained from her nephew Darnell and the chart.", ["Darnell"]),
    ("Husband Tobias at bedside, updated on plan.", ["Tobias"]),
    ("Call placed to daughter (Imelda) regarding consent.", ["Imelda"]),
    # staff in lower case in a mixed-case note
    ("Findings paged to dr farquharson at the workstation.", ["farquharson"]),
    # towns, countries of travel, nursing homes, outside hospitals, streets, wards
    ("Patient lives in Tewksbury with her sister.", ["Tewksbury"]),
    ("Recently returned from Mozambique with fever.", ["Mozambique"]),
    ("Discharged to Willow Brook Manor for rehabilitation.", ["Willow Brook Manor"]),
    ("Transferred from St. Wenceslas overnight.", ["St. Wenceslas"]),
    ("Outside films from Pinegrove Imaging were compared.", ["Pinegrove Imaging"]),
    ("Home address 88 Larkin Road, apt 3C.", ["88 Larkin Road", "3C"]),
    ("Moved to Bigelow 12 after extubation.", ["Bigelow 12"]),
    # employers and other unique facts
    ("He is a retired machinist at Harrow Valve Company.", ["Harrow Valve Company"]),
    ("She works for Delacroix Freight as a dispatcher.", ["Delacroix Freight"]),
    # ages over 89 in words and decades
    ("A ninety-six year old woman with cough.", ["ninety-six"]),
    ("Pleasant woman in her late 90s, alert.", ["90s"]),
    ("Clinical history: 92yo with dyspnea.", ["92"]),
    ("Unit No: 5521\nAge/Sex: 97/F\nLoc: step-down", ["97"]),
    # extensions and pagers
    ("Questions to the reading room, x5-2231.", ["5-2231"]),
    ("Resident can be reached on pgr 33871.", ["33871"]),
    ("Call ext. 4417 for the wet read.", ["4417"]),
    # month/year, two-digit years, years, day references
    ("Smoker since '84, quit recently.", ["84"]),
    ("Prior CABG in March 2003 at another site.", ["March 2003"]),
    ("Unchanged from the film of the 22nd.", ["22nd"]),
    ("Similar appearance on 4/11, no new opacity.", ["4/11"]),
    # numbers with shape
    ("Accession RQ2019-004471 was reviewed.", ["RQ2019-004471"]),
    ("Console 10.40.22.197 logged the study.", ["10.40.22.197"]),
    ("Health card: QWXT 4417 9021 88\nExam: chest", ["QWXT 4417 9021 88"]),
    # sign-offs: initials before a pager or a trainee's year, user names
    ("Lines in good position.\n-- kpv (res) pager 4471\n", ["kpv"]),
    ("No change.\nTR/mk p20931\n", ["TR/mk"]),
    ("No change.\n-- Q.Z. (qzhelev)\n", ["Q.Z.", "qzhelev"]),
    ("Stable.\nDictated by user bkarlsson77\n", ["bkarlsson77"]),
    # employers in brackets, health boards, practices
    ("Retired stonemason (Hollings Quarry). Smoker.", ["Hollings Quarry"]),
    ("NHS Lothian\nDepartment of Radiology", ["Lothian"]),
    ("cc: Dr Ferris, The Larchmont Surgery, for information.", ["Larchmont Surgery"]),
    # month and two-digit year, ordinals after a comparison
    ("Outside films dated 7/97 were compared.", ["7/97"]),
    ("Stable compared with the 19th and the prior CT.", ["19th"]),
    # wards after a unit's name, places after residence cues
    ("Dispo: MICU, Brennan 9. Condition fair.", ["Brennan 9"]),
    ("Emigrated from Montenegro in 1988.", ["Montenegro", "1988"]),
    # names in brackets and before a credential
    ("Prior study (HALVORSEN, BIRGIT) reviewed.", ["HALVORSEN, BIRGIT"]),
    ("Seen by Orthopaedics (Tobias Linwood, MD) today.", ["Tobias Linwood"]),
    # numbers, dates and times spoken as words (speech recognition)
    ("medical record number six three oh two eight eight one four period", ["six three oh two eight eight one four"]),
    ("please call me back at seven seven four, two one nine, zero six three three", ["seven seven four, two one nine, zero six three three"]),
    ("Medical record number 3 8 0 2 2 7 1, dictated today.", ["3 8 0 2 2 7 1"]),
    ("date of birth colon october twenty second nineteen forty one", ["october twenty second nineteen forty one"]),
    ("seen at the outside clinic on the ninth of february two thousand three", ["ninth of february two thousand three"]),
    ("she quit smoking in nineteen seventy six", ["nineteen seventy six"]),
    ("date of service eleven four twenty nineteen new paragraph", ["eleven four twenty nineteen"]),
    ("the wound has drained since the twelfth, per the daughter.", ["twelfth"]),
    ("Her pain was worst around the 23rd.", ["23rd"]),
    ("the patient was last seen at nine forty in the evening", ["nine forty in the evening"]),
    # a name spelled letter by letter, a speaker naming themselves, a writer after a closing line
    ("patient last name spelled q u i r o g a period", ["q u i r o g a"]),
    ("hi this is Rosalind Achterberg calling about my mother", ["Rosalind Achterberg"]),
    ("Can someone call me back today?\nThank you,\nHope\n", ["Hope"]),
    # pharmacies, practices, schools and companies without a cue before them
    ("Last fill 3/2 at Wexcombe Road Pharmacy.", ["Wexcombe Road Pharmacy"]),
    ("cc: Ferrand & Mbeki Internal Medicine", ["Ferrand & Mbeki Internal Medicine"]),
    ("Her grandson missed class at Oakhurst Middle School this week.", ["Oakhurst Middle School"]),
    ("Insurer: Wattlebrook Health Fund, member 40021.", ["Wattlebrook Health Fund"]),
    # names in messages: self-introductions, reply headers, caller fields, dash sign-offs, initials after the last sentence
    ("hello, my name is ottoline brisbois, his stepdaughter", ["ottoline brisbois"]),
    ("Subject: appointment\nPerpetua wrote on 2/11/2021 9:05 AM:\n\nthanks", ["Perpetua"]),
    ("CALLER: ANSELM (BROTHER)  CALLBACK: ON FILE", ["ANSELM"]),
    ("Please ring back after lunch.\n- Wilhelmina\n", ["Wilhelmina"]),
    ("Dressing changed, wound clean. Family updated. QT, LPN", ["QT"]),
    # where a person lives, with who lives there in between
    ("She lives alone in Tullyvale and manages her own medications.", ["Tullyvale"]),
    ("PTA LIVED WITH DAUGHTER IN DUNGARVAN; INDEPENDENT.", ["DUNGARVAN"]),
    ("we are flying to montevideo on friday for two weeks", ["montevideo"]),
    # letterhead address lines, Irish counties, Singapore unit numbers, who was present
    ("Kowhai Medical Centre\n57 Tui Crescent\nOrewa Heights 0931\n\nDear Dr Aldous,", ["57 Tui Crescent", "Orewa Heights 0931"]),
    ("Lives at Rathcoole, Co. Kilkenny.", ["Kilkenny"]),
    ("Address: Blk 41 Bedok Ave 3, #07-118", ["#07-118"]),
    ("Present: Dr Okafor, SN Lindahl\nBed 4", ["Okafor", "Lindahl"]),
    # wards called by a name; a ward's number with its name in brackets
    ("Stepped down to Plover Ward overnight.", ["Plover"]),
    ("Handover, Ward 12C (Larkspur), night shift.", ["Larkspur"]),
    # numbered fields in any format; UK clock times; Singapore blocks; holidays of many calendars
    ("Medicare No: 4417 20938 1-2\nReferred by GP.", ["4417 20938 1-2"]),
    ("OP No.: 31/60417. Seen in clinic.", ["31/60417"]),
    ("Call back booked for 16.45.", ["16.45"]),
    ("Time of arrival: 2317\nTriage category 3.", ["2317"]),
    ("Address: Blk 207 Tessensohn Rd", ["207"]),
    ("Symptoms began over Vaisakhi 2018.", ["Vaisakhi 2018"]),
    # sign-off and typist initials that are also clinical abbreviations; initials after a person field
    ("Plan reviewed with team.\n-- PE 04/11/2016 0745h", ["PE"]),
    ("Report follows.\n\nMR/bp\nD: 6/2/14  T: 6/3/14", ["MR/bp"]),
    ("Spirometry acceptable.\nTechnician: TB, RPFT", ["TB"]),
    ("Form completed.\nTeacher: Vandeleur", ["Vandeleur"]),
    # family shorthand of neonatal and obstetric notes; midwives and sonographers by credential
    ("Social: PGM Rosalind visited and held the infant.", ["Rosalind"]),
    ("Labour support: FOB Idris at bedside.", ["Idris"]),
    ("Cervix checked by CNM Oyelowo-Park at 4 cm.", ["Oyelowo-Park"]),
    ("Images acquired by RDCS Hallgrimsdottir.", ["Hallgrimsdottir"]),
    # a greeting or an instruction addressed to the patient by name
    ("After Visit Summary\nHi Thaddeus! Keep taking your pills.", ["Thaddeus"]),
    ("Instructions\nEsperanza, it was good to see you today.", ["Esperanza"]),
    # an age at an event: a relative's death, a diagnosis
    ("Family history: father died at 96 of a stroke.", ["96"]),
    # clock fields of procedure and sleep-study reports; user names after "username" or "login is"
    ("Sedation start 0917, procedure end 1052.", ["0917", "1052"]),
    ("Lights out 2318, lights on 0604.", ["2318", "0604"]),
    ("Results released to the portal, username tkowalczyk88.", ["tkowalczyk88"]),
    # a US state's code after a town, with or without a comma
    ("Lives in Sparrowfield MT with her brother.", ["Sparrowfield MT"]),
    ("Moved from Dorrance, KS in the spring.", ["Dorrance, KS"]),
    # a holiday with a weekend or a break and a year
    ("Fell at home over Memorial Day weekend 2011.", ["Memorial Day weekend 2011"]),
    # specialty practices, childcare, agencies and suppliers named without a cue
    ("Referred by Dr. Osei, Harrowgate Heart and Vascular, for ablation.", ["Harrowgate Heart and Vascular"]),
    ("Prenatal care at Quillfield Midwifery Group since 12 weeks.", ["Quillfield Midwifery Group"]),
    ("PFT performed at Bramblecote Associates Pulmonary Lab.", ["Bramblecote Associates"]),
    ("Younger brother attends Little Sparrows Daycare three days a week.", ["Little Sparrows Daycare"]),
    ("Concentrator ordered from Tallis Home Medical today.", ["Tallis Home Medical"]),
    ("He drives a bus for Greymoor Valley Transit.", ["Greymoor Valley Transit"]),
    # a newborn's family name on a nursery or NICU note
    ("NICU Daily Note\nWexcombe, Twin B  MRN 5520917\nstable on CPAP", ["Wexcombe", "5520917"]),
    ("Nursery Note\nTrevannion Baby MRN 4418203\nfeeding well", ["Trevannion", "4418203"]),
    # legacy and military text: named wards before "unit", one-letter meridiems, slashed area codes,
    # a procedure's year, "may" before a year, bases, ranks, VistA signatures, typist marks under a dictation line
    ("Admitted from the Penhallow 7B unit with confusion.", ["Penhallow 7B"]),
    ("Callback received at 4:40p from the ward.", ["4:40p"]),
    ("FAX FROM WILLOWMERE  412/555-0187  PAGE 1", ["412/555-0187"]),
    ("PMH: s/p lap chole 1987, HTN.", ["1987"]),
    ("Arrived from abroad in may 1994 with family.", ["may 1994"]),
    ("Deployed from Fort Kessridge to Drummond AFB last spring.", ["Fort Kessridge", "Drummond AFB"]),
    ("PATIENT: SSG OYELARAN, TOMASZ K     SSN: 411-22-9083", ["OYELARAN, TOMASZ K", "411-22-9083"]),
    ("Plan as above.\n/es/ Ingeborg Tallis-Nwosu\nPHYSICAL THERAPIST", ["Ingeborg Tallis-Nwosu"]),
    ("D: 02/11/99 0915   T: 02/12/99 1310  JOB# 55821\nHD/TP\n", ["HD/TP"]),
    # dictations and messages: a name before a record cue, the subject of an age sentence, a closing
    # and the name on one line, initials in brackets after a name, ages after "who is", spaced digits
    ("this is dr amos dictating on fenella quigg m r n four four one", ["fenella quigg"]),
    ("hospital course colon brannagh is a sixty year old woman with asthma", ["brannagh"]),
    ("Please call me back.\nThanks again, Ottoline", ["Ottoline"]),
    ("Ride booked by Ignatius (IW) for Tuesday.", ["Ignatius", "IW"]),
    ("My grandfather, who is 97, fell last night.", ["97"]),
    ("please call me back 6 1 7 5 5 5 0 1 9 8 thanks", ["6 1 7 5 5 5 0 1 9 8"]),
    ("Action: called back 1415, left a message.", ["1415"]),
    # vendors on transport and interpreter orders; senior living named "The ... at ..."; people at work
    ("Level: BLS ambulance\nVendor: Quarrington Medical Transport\n", ["Quarrington Medical Transport"]),
    ("My supervisor Ludmila says the note can be faxed.", ["Ludmila"]),
    # Commonwealth letters and handovers: named wards on header lines, day/month dates, ordinal days,
    # a history item's year, Scottish street types, Medicare's reference digit, provinces, insurers,
    # an initial after a title, grades after sign-off initials, a kin word and a dash
    ("Ward round\nKestrel Ward Bed 12\nDay 3 of admission", ["Kestrel"]),
    ("Living at Fernlea Lodge since 19/4; last echo (23/8) unchanged.", ["19/4", "23/8"]),
    ("Returned from Lagos (landed on 17th).", ["17th"]),
    ("Past history:\n- L THR 2004\n- Asthma", ["2004"]),
    ("Address: 27 Ballochmyle Wynd, Kilmarnock", ["27 Ballochmyle Wynd"]),
    ("Medicare: 3318472095/2", ["3318472095/2"]),
    ("44 Larchmont Road, Kelowna, BC  V1Y 2K7", ["Kelowna, BC"]),
    ("Insurer: Tidewater Mutual Plan ZX4471290", ["Tidewater", "ZX4471290"]),
    ("cc: Dr E Vasquez-Lindqvist (GP)", ["E Vasquez-Lindqvist"]),
    ("Plan as above.\n-- TK FY1", ["TK"]),
    ("Caller: husband - Anselm (mobile on file)", ["Anselm"]),
    # a table pasted from the record: the heading names the column's identifier
    ("Heart Failure Visit\nPatient | DOB | Sex | MRN\nOYELARAN, TEMPERANCE Q | 3/14/1941 | F | 22-918-04\n",
     ["OYELARAN, TEMPERANCE Q", "3/14/1941", "22-918-04"]),
    ("Encounter | Provider | Dept\n7730418812 | Brannigan-Oduya, Felix | Cardiology\n",
     ["7730418812", "Brannigan-Oduya, Felix"]),
    # a surname that is also a name particle, before the field's comma
    ("PATIENT: DU, WENJUN K     MRN: 5511093", ["DU, WENJUN K", "5511093"]),
    # the subject of an age sentence written "is a 61 y.o.", "is a 78M", "is a woman in her 80s"
    ("HPI: Perpetua is a 61 y.o. woman with atrial flutter.", ["Perpetua"]),
    ("Ximeno Barroso is a 78M with a right effusion.", ["Ximeno Barroso"]),
    ("HPI: Bellamira is a woman in her 80s with syncope.", ["Bellamira"]),
    # a first name alone on a line after a dash, before a blank line
    ("Please call with questions.\n- Oriane\n\nUpcoming visits", ["Oriane"]),
    # an eponymous surname after a role between a phrase and the name
    ("Findings d/w PA Hartmann before discharge.", ["Hartmann"]),
    # technologists' credentials after a name
    ("Staff: Oswin Pettigrew-Lau, RCIS; Marisol Teague, RPSGT", ["Oswin Pettigrew-Lau", "Marisol Teague"]),
    # a month/day pair before a clock time, a shift as hours, more date cues
    ("Last dose of ceftriaxone 8/23 at 2130h.", ["8/23"]),
    ("Phone triage 11/4 0915\npt called about cough", ["11/4"]),
    ("Night shift 7p-7a: settled.", ["7p-7a"]),
    ("Booster given 2/9, lot on file. Next appt 3/6 at noon.", ["2/9", "3/6"]),
    # an age in words before "year old", whatever stands before it
    ("Lives with dad and ninety-two-year-old great-aunt.", ["ninety-two"]),
    # a facility word written with "&"; a dotted credential before the signer; a particle ending a name
    ("Baby transferred from Larkhaven Women & Infants overnight.", ["Larkhaven Women & Infants"]),
    ("Plan reviewed.\nM.D. Corisande Whitlow pager 3-4471", ["Corisande Whitlow"]),
    ("Stays with aunt Thuy Van, age 51, on weekdays.", ["Thuy Van"]),
    # the whole employer after an employment cue, "&" and hyphens included; a capitals field after a credential
    ("Retired from Kowalczyk Tool & Die in 2004.", ["Kowalczyk Tool & Die"]),
    ("dad works at tri-county septic supply; mom at home.", ["tri-county septic supply"]),
    ("ORDERING: ODUYA, FEMI, NP LOCATION: HARTWELL 3\n", ["HARTWELL 3"]),
    # fields separated by bars; a role then a name cell
    ("Patient: Lindqvist, Oriana P | MRN 5512093 | DOB 02/11/1950", ["Lindqvist, Oriana P", "5512093"]),
    ("CARE TEAM\nFellow | ABERNETHY, QUILLON R | pager 41127", ["ABERNETHY, QUILLON R", "41127"]),
    # a title or rank, a two-word surname, a comma and the given name
    ("PATIENT: CPT VAN HOUTEN, MARISKA J          SSN: 512-55-0187", ["VAN HOUTEN, MARISKA J", "512-55-0187"]),
    # a newborn written "Surname, BG"; a header in braces; a referrer after "REF:"
    ("NICU Daily Note\nOkafor-Lind, BG MRN 0884412\nDOL 3", ["Okafor-Lind", "0884412"]),
    ("{PATIENT NAME}: Theodric Vale\n{DOB}: 03/02/1941", ["Theodric Vale", "03/02/1941"]),
    ("REF: MARGUERITE OYELOWO\n========", ["MARGUERITE OYELOWO"]),
    # a case worker or coordinator before the name
    ("Assigned caseworker Tamsin Achterberg, 555-0142.", ["Tamsin Achterberg", "555-0142"]),
    # service, claim and licence numbers after their cue
    ("SVC NO: RA 47 118 902\nVA CLAIM # C-27 450 118", ["RA 47 118 902", "C-27 450 118"]),
    # "may" the month before a day
    ("Admitted may 14th with chest pain; seen again may 30, 2019.", ["may 14th", "may 30, 2019"]),
    # where capitals mean nothing, plain words after an explicit place cue, and before a facility word
    ("comparison: outside films from sacred heart dated 2/3/2001.", ["sacred heart"]),
    ("social: moved from five points to hollisburg after retiring.", ["five points", "hollisburg"]),
    ("lives in the old quarter w/ her niece.", ["the old quarter"]),
    ("she was admitted at golden meadow hospital on 3/9 for chf.", ["golden meadow hospital", "3/9"]),
    # the person a record field is of: a name before "(DOB", "| DOB", "MRN:"
    ("To the school nurse:\nOctavian Pruitt-Mbeki (DOB 5/2/14) was seen today.", ["Octavian Pruitt-Mbeki", "5/2/14"]),
    ("WELL VISIT\nWillow Farrant | DOB 02/03/2016 | MRN 5512", ["Willow Farrant", "02/03/2016", "5512"]),
    # a place whose name takes "the"
    ("Worked ten years in the Netherlands before moving.", ["the Netherlands"]),
    # sign-offs of community and home care: initials after "Signed" or before "/ credential", a dash after a
    # closing, the line after a closing at a line's end, a name before a credential that is also a word
    ("Wound care done. Signed K.T. after review.", ["K.T."]),
    ("Dressing changed, tolerated well.\nJ.R. / LPN", ["J.R."]),
    ("see you tuesday, thanks so much, -Priya", ["Priya"]),
    ("please call back!! take care\nmarguerite", ["marguerite"]),
    ("Labs faxed to office.\nCarver, LPN\nVisiting Nurse Service", ["Carver"]),
    # aides, crews and writers who introduce themselves
    ("HHA Rosalind visits Tu/Th for bathing.", ["Rosalind"]),
    ("CREW: EMT-P T. Oduya / EMT-B Marchetti, Lise", ["T. Oduya", "Marchetti, Lise"]),
    ("hi doc, this is Ingvild, his daughter, about the inhaler", ["Ingvild"]),
    # where someone is held, was born or lives; a place of detention
    ("Housing: Delta Block 7\nCountry of birth: Eritrea", ["Delta Block 7", "Eritrea"]),
    ("Current residence: Glasgow", ["Glasgow"]),
    ("Seen at Pinecrest County Jail - Health Services Unit.", ["Pinecrest County Jail"]),
    # a handle after a social platform; a newborn's family name after the label
    ("Mother's instagram ruth_m88 reviewed with consent.", ["ruth_m88"]),
    ("Name: Baby Boy B Thorsby   MRN 4412", ["Thorsby", "4412"]),
    # emergency services, funeral homes, occupational clinics and hospices named by their trade
    ("Transported via Dunmore Fire & Rescue to Fenwick Occupational Medicine.", ["Dunmore Fire & Rescue", "Fenwick Occupational Medicine"]),
    ("Family chose Whitcombe Funeral Home; notified.", ["Whitcombe Funeral Home"]),
    # clock times of ambulance runs and home visits, access codes, unit and certificate numbers
    ("TIMES: ENROUTE 0342 / ON SCENE 0351 / AT DEST 0437", ["0342", "0351", "0437"]),
    ("Visit: Time in: 0915  Time out: 1010", ["0915", "1010"]),
    ("VITALS:\n1412  BP 118/70 P 88", ["1412"]),
    ("Gate code 41127; key box code *5590.", ["41127", "5590"]),
    ("UNIT: R22   CREW: EMT-B Q. Aldana #77310", ["R22", "Q. Aldana", "77310"]),
    ("SSN (last 4): 8812", ["8812"]),
    # a surname's initial ending a sign-off, initials before an ambulance credential, officers and clergy,
    # a name then who the person is, a person a record field is of inside brackets
    ("call me after 3 thx\nTobias K\n", ["Tobias K"]),
    ("Crew report complete.\nSIGNED: QJ EMT-P", ["QJ"]),
    ("Officer Alvarenga present for the encounter.", ["Alvarenga"]),
    ("Rev. Okafor-Baines visited; family at bedside.", ["Okafor-Baines"]),
    ("Close contact of a smear-positive case (Tavish, cousin).", ["Tavish"]),
    ("my aunt (henrike solberg dob 3/3/30) fell again", ["henrike solberg", "3/3/30"]),
    # a facility's field names it whatever its words; an employer after "my job at"
    ("Receiving facility: Orchard Bluff\nMode: BLS", ["Orchard Bluff"]),
    ("please send it to my job at Verrow Tile. thanks", ["Verrow Tile"]),
    # a facility whose name opens with a plain word ("Copper", "Red") before a proper one
    ("Labs drawn at Copper Thistlewood Clinic today.", ["Copper Thistlewood Clinic"]),
    # a recipient before a fax number; a letterhead above an address or a telephone line; an employer after a
    # line break; early-intervention and adoption agencies; a pharmacy's field
    ("can you fax the form to Quenby Millworks fax 617-555-0199 thanks", ["Quenby Millworks"]),
    ("[PAGE 3]\nHarrowgate Vale\n88 Pellham Road, Dunmore\nCHEST PA", ["Harrowgate Vale"]),
    ("Dad works\nat Tresco Salvage; best contact his cell.", ["Tresco Salvage"]),
    ("Referral to Wrenfield Early Intervention; placed through Hollin Adoption.", ["Wrenfield", "Hollin"]),
    ("Pharmacy: Orrin Drug, Eastbury.", ["Orrin Drug, Eastbury"]),
    # a country whose name is also a word or an eponym
    ("Returned from Turkey last week; born in Chad.", ["Turkey", "Chad"]),
    # dotted initials alone on a line or after a sentence's dash, after a slash; a middle initial after
    # "LAST, FIRST"; a parent's field
    ("Report given to the oncoming nurse.\nQ.V.\n", ["Q.V."]),
    ("Plan discussed with family. -- W.K. 3/2/2019 04:10", ["W.K."]),
    ("Updated on plan.\n/ r.t.", ["r.t."]),
    ("RE: OYELARAN, TOMASZ K`  DOB: 02/11/1950", ["OYELARAN, TOMASZ K", "02/11/1950"]),
    ("PARENT: ROSALIND QUARRIE  PHONE 555-0143", ["ROSALIND QUARRIE", "555-0143"]),
    # where case tells nothing, plain words between a preposition of place and a facility's word
    ("specimens dropped at copper ridge family practice lab today", ["copper ridge family practice"]),
    # a cue's word that is a surname right after a title; initials that spell a word before a credential;
    # a closing with no comma before a name; an inmate's field
    ("I reviewed this with Dr. Read, who agrees.", ["Read"]),
    ("Crew report complete.\nSIGNED: IT EMT-P", ["IT"]),
    ("pls call back. god bless marisol t\n", ["marisol t"]),
    ("inmate: holloway, june   inmate #: 4471", ["holloway, june", "4471"]),
    # an employer after a contact's job title; a congregation named by its denomination; words joined by "&"
    ("Results to: A. Kowal, Safety Mgr, Pellworth Quarry fax 555-0188", ["A. Kowal", "Pellworth Quarry", "555-0188"]),
    ("Pt is a member of Trinity Hill Lutheran.", ["Trinity Hill Lutheran"]),
    ("Hi, i need a note for my job at marsh hollow stone & tile. thanks", ["marsh hollow stone & tile"]),
    # a clinical name in a bed list or before a person's verb is a surname; a user name authoring a message
    ("Bed 3 Coe transferred to ICU; Brady present at bedside.", ["Coe", "Brady"]),
    ("Subject: refill\nqlarkin77 wrote on Jun 2, 2014:", ["qlarkin77", "Jun 2, 2014"]),
    # streets without a house number in directions; a road by its number; a street named for someone "Jr"
    ("Directions: off Interstate 81 turn left on Quillfeather Rd, park behind Bramblewick Ln.",
     ["Interstate 81", "Quillfeather Rd", "Bramblewick Ln"]),
    ("Visit at 4 Coretta Scott King Jr Parkway, Apt 2.", ["4 Coretta Scott King Jr Parkway", "Apt 2"]),
    # a facility named after its keyword, in capitals
    ("TRANSFERRED TO HOSPITAL FOR SPECIAL ORTHOPAEDICS, THEN HOSPITAL ESPERANZA.", ["SPECIAL ORTHOPAEDICS", "ESPERANZA"]),
    # a line that is a facility's name and nothing else, or before " - " and a heading, whatever its words
    ("Bright Ferry Employee Health - Pre-placement exam\nSeen today.", ["Bright Ferry Employee Health"]),
    ("Cinder Gap Fire & Rescue - Run Report\nCrew on scene.", ["Cinder Gap Fire & Rescue"]),
    # the people listed after the first in a header's field, each after a slash, with a role of their own
    ("CREW: QUARTERMAIN (P) / GREEN (B)\nDISPATCHED 14:02", ["QUARTERMAIN", "GREEN"]),
    ("Crew: EMT-P Ysolde Marsh #4411 / EMT-B Drew Hill", ["Ysolde Marsh", "Drew Hill"]),
    # a given name, then a surname that is also a word, ending a field where capitals cannot show it
    ("Vitals stable, plan unchanged.\nTAMSIN HOLLOWAY-GREEN\nSECRETARY: OLUWASEUN BISHOP  PHONE 555-0199",
     ["TAMSIN HOLLOWAY-GREEN", "OLUWASEUN BISHOP", "555-0199"]),
    # public agencies; an employer of plain words where case tells nothing; the town after a facility
    ("Reported to Quenby County Health Dept today.", ["Quenby County Health Dept"]),
    ("son works at harbor stone dynamics, is hcp.", ["harbor stone dynamics"]),
    ("Accepted at Lindqvist Rehab Center in Marrowby Springs for therapy.", ["Lindqvist Rehab Center", "Marrowby Springs"]),
    # a facility named in a heading's last segment, though its first word is a trade name; "Hospice of" a name
    # opening a line; a hospital named for Mary
    ("Phone Triage - Summit Vascular Associates\nCaller: wife", ["Summit Vascular Associates"]),
    ("Hospice of Quarrywood - Team Note\nSeen today.", ["Hospice of Quarrywood"]),
    ("Transferred to Our Lady of Pellingham overnight.", ["Our Lady of Pellingham"]),
    # the sender on a fax machine's line
    ("11/02/98 14:07  BRAMBLE COVE IMAGING  555.310.2298   P.01/02", ["BRAMBLE COVE IMAGING", "555.310.2298"]),
    # what follows a facility's name: a room's number, the town closing its line; a naval station; a neighbourhood
    ("Location of care: Quillbrook Nursing Home, Rm 218\nDx: COPD", ["Quillbrook Nursing Home", "218"]),
    ("THORNLEA OCCUPATIONAL MEDICINE - KESTLEMOOR\nCHEST X-RAY REPORT", ["THORNLEA", "KESTLEMOOR"]),
    ("Unit: 3rd Bn, Naval Station Wendlebury", ["Naval Station Wendlebury"]),
    ("Lives alone in the Marrowgate Square neighborhood.", ["Marrowgate Square"]),
    # ranks and officers that are also abbreviations, before a surname that is also a word; a role as a header's field
    ("ESCORTED BY LT. MARSH. F/U NP SWIFT PRN.", ["MARSH", "SWIFT"]),
    ("- PA: Quorin T. Hale, PA-C\n- RT: D. Marchetti", ["Quorin T. Hale", "D. Marchetti"]),
    # the place after "outside study," in a comparison
    ("COMPARISON: 3/4/1999 (OUTSIDE STUDY, QUARRY LAWN).", ["3/4/1999", "QUARRY LAWN"]),
    # an early-intervention programme by its initials; a child's care; an agency's partners
    ("Referral to Quillpond Beginnings EI faxed.", ["Quillpond Beginnings EI"]),
    ("ATTENDS MARROWFIELD SPROUTS CHILD CARE WHERE KIDS ARE SICK", ["MARROWFIELD SPROUTS CHILD CARE"]),
    # a building's letter; a street named for someone "Jr" in directions; "Pl" and "Way"
    ("Access: Bldg Q, 3rd floor. Park behind Coretta Scott King Jr Pl. Gate on Harrowgate Way.",
     ["Q", "Coretta Scott King Jr Pl", "Harrowgate Way"]),
    # where someone has travelled, as a form's field, up to the next field
    ("Travel in the past 6 months: Chad, Lesotho. TB contact: no", ["Chad", "Lesotho"]),
    # a surname that is also a word, alone after a role up to the field's end
    ("Handed over to charge RN Sterling. Line flushed by NP Bishop, then (CNM Marsh) at bedside.",
     ["Sterling", "Bishop", "Marsh"]),
    # a month/day pair after an event's word, or opening a dated entry
    ("Hearing screen passed 1/3; device transmission 2/2 normal. Comparison: 4/6.", ["1/3", "2/2", "4/6"]),
    ("Course:\n* 3/5: chemotherapy started\n- 6/6 - seen in clinic", ["3/5", "6/6"]),
    # a transport's destination or origin, images on a disc from a facility, a stay up to a time
    ("Transported non-emergent to Quillmere Heights. Report to charge nurse.", ["Quillmere Heights"]),
    ("Films received on disc from Tamsworth Glen; prior study unavailable.", ["Tamsworth Glen"]),
    ("He was at Bramble Corner until 2/9, now home.", ["Bramble Corner", "2/9"]),
    ("Twin born at St. Quillan's Regional in 2009.", ["St. Quillan's Regional"]),
    # a ward by its name and number in brackets after a service; a bed's field with a bed number
    ("Service: Surgery (Tolliver 8)\nPT: QUELL, ANA R  BED: Copper 11-4  MRN: 5521908", ["Tolliver 8", "Copper 11-4"]),
    # a middle initial after "Surname, Given"; initials signing; a credential of nurse practitioners and sonographers
    ("Signed: Marlowe, Quentin B NNP-BC 04/02/2011", ["Marlowe, Quentin B"]),
    ("Father: Tasker, Emrys J Father's phone on file", ["Tasker, Emrys J"]),
    ("Visit done.\nK.L. / OT\nSigned J.Q. 3/4", ["K.L.", "J.Q."]),
    ("Sonographer: June Halvorsen, RDCS", ["June Halvorsen"]),
    # a writer's given name after an introduction or a closing, though it is also a word
    ("hi doctor,\nit's me faith. my knee is worse", ["faith"]),
    ("call me back pls. thanks so  much ruby\n", ["ruby"]),
    ("see you tues thx -quillan\n", ["quillan"]),
    # an agency or an employer in brackets after its kind, whatever its words
    ("Early Intervention (Lantern Steps Partners) referral faxed; at work (Harrow Freight Lines) when unwell.",
     ["Lantern Steps Partners", "Harrow Freight Lines"]),
    # an agency named with a clinical word right after a facility's cue
    ("Mode: ALS via Stent Hollow Fire & Rescue", ["Stent Hollow Fire & Rescue"]),
    # the sender above a street address; a column beside a heading
    ("MAPLE POINT CHEST MEDICINE\n48 Ash Lane\nQuillford, MA 01101", ["MAPLE POINT CHEST MEDICINE"]),
    ("Harrow Bay Imaging        Radiology Report\n9 Elm Road, Quillford, MA 01101", ["Harrow Bay Imaging"]),
    # where a study was performed
    ("Compared with the study of 3/3/2011 (performed at Quarry Hill), unchanged.", ["Quarry Hill"]),
    # a country's name of several words, a place's of three words or more, in any case
    ("Left the Central African Republic in 2015; lived in Salt Lake City since.", ["Central African Republic", "Salt Lake City"]),
    # how a patient was transported, then where to; "sent out to" a facility
    ("Transported priority 3 to Harrow Point ED. Sent out to Quarry Bend via ambulance.", ["Harrow Point", "Quarry Bend"]),
    # a closing with a comma before a given name that is also a word or a month; a writer saying who they are
    ("call me at home. thx, -april\n", ["april"]),
    ("hi, this is grace, im writing for my dad", ["grace"]),
    # a medical assistant's initials
    ("Visit booked.\nT.W. / MA\nReq phys: Lloyd Ma", ["T.W.", "Lloyd Ma"]),
    # a compound surname opening with a number's word
    ("Applicant: Three Stars, Odalys   Sex: F\nRead by Dr. Imre Two Crows, B reader", ["Three Stars", "Two Crows"]),
    # where someone served or was held, though the country's name is a word
    ("Army vet, POW Chad '68; symptoms after deployment to Turkey.", ["Chad", "Turkey"]),
    # a country named after an eponym, before the month of a date ("Poland syndrome" is clinical)
    ("Coast Guard vet, posted to Poland December 1991 to 1995; no exposures.", ["Poland"]),
    # an employer after a job of one short word ("a nurse at", "a mechanic at")
    ("She was a mechanic at Redwood Motors until 2015.", ["Redwood Motors"]),
    # the building a ward is in, named in brackets after it or before "unit", in any case
    ("Moved to the CCU (Garden Pavilion) overnight; came from the Chapel Building unit.",
     ["Garden Pavilion", "Chapel Building"]),
    # a country by the short name it goes by in speech, not its official one
    ("Deployed to Herzegovina 3/99 and Korea 2004; wife from Tobago.", ["Herzegovina", "Korea", "Tobago"]),
    # a location's field after the last field on its line; a national service's initials before a facility
    ("Ordering: Ines Varga, NNP-BC LOCATION: Tolliver 6\nStation: VA Quillon Healthcare System", ["Tolliver 6", "VA Quillon"]),
    # the facility of an outside report, in brackets before its date
    ("OUTSIDE REPORT (HARROWGATE, 3-MAR-91, ACC 55) READS:", ["HARROWGATE"]),
    # a month's given name before a surname and a credential
    ("prelim by: june quillon, md", ["june quillon"]),
    # the subject of a sentence that gives an age, with an initial or particles, an age written as one hyphenated word
    ("Interval history\nQuentin O. Marlowe is a fifty-two-year-old man with COPD.", ["Quentin O. Marlowe"]),
    ("Elske van der Vliet is a 41 yo G2P1 at 30 weeks.", ["Elske van der Vliet"]),
    # a writer's name on the line after the introduction, or before "im writing"
    ("hello\nthis is\nivy, im writing for my uncle", ["ivy"]),
    ("this is hunter im\nwriting for my aunt", ["hunter"]),
    # a clinician's credential, the name and a pager on a sign-off line
    ("Plan discussed.\nmd hazel brook pg 4-4411 2019-03-02 10:00", ["hazel brook"]),
    # a name that is also a word after a role, before what the person does
    ("PSYCHOSOCIAL: HHA EMBER COMES MON/WED. OFFICER FROST PRESENT FOR ENCOUNTER.", ["EMBER", "FROST"]),
    # the practice after a clinician in a PCP or cc field
    ("PCP: Ines Varga, MD, Harrow Shore, 555-201-0000\ncc: Dr. Tamsin Quill, Larch Hill Family Practice ph 555-0100",
     ["Harrow Shore", "Larch Hill Family Practice"]),
    # a congregation by its denomination; an organization's phrase after its name; a device's name naming a facility
    ("Pt is a member of St. Quillan Greek Orthodox. Body released to Harrow & Sons Funeral Home.",
     ["Quillan Greek Orthodox", "Harrow & Sons Funeral Home"]),
    ("Sent out to Summit Valley Health via ambulance.", ["Summit Valley Health"]),
    # an employer's field keeps its clinical words; an employer named with a kind of workplace inside
    ("EMPLOYER: QUILLON PACKING   BADGE #: 4411\nDaughter works at Larch Tool and Die, is HCP.",
     ["QUILLON PACKING", "Larch Tool and Die"]),
    # a file's letter before a number written in groups
    ("Alien No.: B# 612 550 407\nClaim: C-71 203 118", ["B# 612 550 407", "C-71 203 118"]),
    # a ward after an appointment's time or a service's dash
    ("Next infusion at 2:15 PM in Quillby 3.\n10:00 AM | Echo - Tolliver 7", ["Quillby 3", "Tolliver 7"]),
    # a listed place of several words after "in", though one of its words is clinical
    ("Lives with his aunt in Cold Spring, Minnesota.", ["Cold Spring"]),
    # the institution beside its department's heading on the first line
    ("QUILLON VALLEY                          DEPARTMENT OF RADIOLOGY\nCT CHEST", ["QUILLON VALLEY"]),
    # where a patient came from or went
    ("Adm 3/4/99 from Harrow Glen w/ dyspnea.\nDisposition: to Larch Crest.", ["Harrow Glen", "Larch Crest"]),
    # a hyphenated store's name
    ("Meds filled at Zelvo-Mart.\nPharmacy: Tamsin-Rx, Quillford.", ["Zelvo-Mart", "Tamsin-Rx"]),
    # a surname opening with the saint's abbreviation in a "Surname, Given M" field
    ("Re: St. Quillan, Marek B  DOB: 3/4/1950", ["St. Quillan, Marek B"]),
    # a place's name going on after a dash; a facility whose first word is also a role's; a sender above "Mile Road"
    ("grew up in quillby - kestrin", ["quillby - kestrin"]),
    ("transferred from primary children's medical center", ["primary children's medical center"]),
    ("Quillmont Kestrel\n8 Mile Road", ["Quillmont Kestrel"]),
    # "May" with a day and a year, or with an ordinal and "of", or a day closing its clause: the month in any case
    ("Port flushed, prior film 14 May 2003 reviewed.", ["14 May 2003"]),
    ("Seen 3rd of May 1988 in clinic.", ["3rd of May 1988"]),
    ("Graft done the 9th of May, healing well.", ["9th of May"]),
    ("Dressing changed May 9. Flushed daily.", ["May 9"]),
    ("(consent signed May 14)", ["May 14"]),
    ("CT ABDOMEN Thursday, May 4, 2017 0900", ["Thursday, May 4, 2017"]),
    # after a street and its comma, the towns, counties or states and the postcode closing the line; the line after a
    # street that is a town with its region
    ("Clinic\n12 Ash Brae, Kilmory Vale 4410\nPh: x", ["Kilmory Vale 4410"]),
    ("9 Elm Rd, Tarbet, Argyll, PA23 7QZ\n", ["Tarbet, Argyll, PA23 7QZ"]),
    ("88 Oak St, Lisle, NL  A1B 2C3\n", ["Lisle, NL  A1B 2C3"]),
    ("Home: 4 Fir Way, Owlton, MN\n55021 with wife", ["Owlton, MN\n55021"]),
    ("Flat 9, 31 Heron Close, Brackley Fen, Coldmere,\nZZ4E 8QQ\n", ["Brackley Fen, Coldmere,\nZZ4E 8QQ"]),
    ("Clinic\n8 Larch Avenue\nOsprey Vale, North Fen 4471\nTel: 01", ["Osprey Vale, North Fen 4471"]),
    # a hospital's keyword that opens its name
    ("Seen at University Hospital Tarwick for review.", ["University Hospital Tarwick"]),
    ("Hôpital Saint-Lazare - Radiologie\n", ["Hôpital Saint-Lazare"]),
    ("transferred from Klinikum Nordhafen yesterday", ["Klinikum Nordhafen"]),
    # an initial "A" or "I" after a title, before a name that is no word
    ("Kind regards,\n\nDr A Quennell\nConsultant", ["A Quennell"]),
    ("cc: Dr I Vantongeren, Brook Surgery", ["I Vantongeren"]),
    # registration numbers of medical, nursing and allied councils; a prescriber's or provider's number
    ("Dr P Oduya\nConsultant\nMCNZ 40112\n", ["40112"]),
    ("Locum GP\nCPSBC: 30871", ["30871"]),
    ("TNMC Reg. 88213", ["88213"]),
    ("hca, nmc pin 14a2203e\n", ["14a2203e"]),
    ("Prov No 4410273B\nDictated", ["4410273B"]),
    # local numbers without a trunk zero, in groups of four or five digits
    ("NOK: son R. Quah 6204 8817\n", ["6204 8817"]),
    ("Daughter Anjali (98410 22736) to be called.", ["98410 22736"]),
    # a country's states, provinces and regions; a town before its comma and its region
    ("Moved from Gauteng last year to be near family.", ["Gauteng"]),
    ("Retired farmer from Saskatchewan.", ["Saskatchewan"]),
    ("14 Neem Lane,\nKothapur, Karnataka - 560 417  Ph: 080", ["Kothapur, Karnataka"]),
    ("Daughter lives in Wexmoor, Gauteng and visits weekly.", ["Wexmoor, Gauteng"]),
    # a date dictated as its numbers after a word of time, closing its clause
    ("stable since three eleven fourteen period no effusion", ["three eleven fourteen"]),
    ("comparison colon four twenty two oh eight and the chest", ["four twenty two oh eight"]),
    # the person whose kin writes or is spoken of
    ("It's Ada Reyes again (Quillane's son). Mum is 80.", ["Quillane"]),
    ("spoke with Ngozi G. Vantreese's daughter-in-law today", ["Ngozi G. Vantreese"]),
    # a signer's initials before their discipline and a way to reach them; a named ward's wing
    ("Plan discussed with the team.\n\n-- KLT SW x4410", ["KLT"]),
    ("will follow.\n-- BNR RN pager 2231\n", ["BNR"]),
    ("Location - Quellman 8 North, rm 32A", ["Quellman 8 North"]),
    # initials that spell an abbreviation, before who to page or a resident's mark; a typist's before the dictation's
    # stamps; a wet reader's after the field in brackets
    ("Impression: no change.\n- QT (res) pg 95713", ["QT"]),
    ("Overload.\n\nA.F. PAGER: 09634\n", ["A.F."]),
    ("TRANSCRIBED BY: HR  D: 03/21/99 T: 03/22/99", ["HR"]),
    ("PRELIM (wet read): RB 11:29 PM: no dissection", ["RB"]),
    # the signer's and the typist's marks alone on the last line, accents too; a typist's after a stamp's "by"
    ("Impression: stable.\n\nMR/HM\n", ["MR/HM"]),
    ("No change.\n\nÉD/J.E.\n", ["ÉD/J.E."]),
    ("TRANSCRIBED: 26/12/2020 19:12 BY QXT\n", ["QXT"]),
    # the person a study's number belongs to, in brackets after it; a clinic named a mediclinic
    ("re CT head acc RA2231907 (Lerato Quinlan)\ncall back", ["Lerato Quinlan"]),
    ("Radiology Dept\nVelamoor Mediclinic\n\nPatient: X", ["Velamoor Mediclinic"]),
    # a signing line, whatever word the name is
    ("Code: full.\n\nsigned green md pgy-2\npg 4842\n", ["green"]),
    ("Pain controlled.\n\nsigned sparrow rn\n", ["sparrow"]),
    # a pair after "in" that may be a month and a year (only weeks are no date); a council's number after "No."
    ("Previous admission with a chest infection in 6/7.", ["6/7"]),
    ("Dr Hao Q\nGP\nTNMC No. 2015/04/9944\n", ["2015/04/9944"]),
    # a consultant's secretary
    ("Consultant: Dr Q Vance    Secretary: Thandeka Morrow  T: 204 266 6001", ["Thandeka Morrow"]),
    # a given name that a grade's or a role's letters spell is still a name
    ("Discussed with Nic Walters, RN.", ["Nic Walters"]),
    ("Son Nic visits daily.", ["Nic"]),
    # a place near which someone lives or grew up
    ("She grew up on a farm near Kilbarra.", ["Kilbarra"]),
    ("Lives just outside Tarnwick with her son.", ["Tarnwick"]),
    # a month and a year after "in" or "last" (only weeks are a duration there); a local number after "ph"; a town
    # before a postcode whose letters spell abbreviations
    ("Admitted in 10/12 for CHF; stent last 4/12.", ["10/12", "4/12"]),
    ("NOK: son ph: 6204 8817", ["6204 8817"]),
    ("lives at 18 oak drive, quellsby, ls1 4ap", ["quellsby, ls1 4ap"]),
    # a pager of three digits after its own cue; an ordinal day after "admitted" or "EDD"; a bank holiday
    ("Art Q (PT) bleep 709\n", ["709"]),
    ("S: Admitted 22nd with fever. EDD 30th", ["22nd", "30th"]),
    ("worse since the August bank holiday 2021.", ["August bank holiday 2021"]),
    # a ward round's team, grade slash person
    ("Seen by: Consultant/Quarrie; Reg/Ferraro; HMO/Lakshmi; Intern/R.W.\nDay 6", ["Quarrie", "Ferraro", "Lakshmi", "R.W."]),
    # logins of whoever printed or entered a note
    ("Printed by jquarrie7 on 23/5/2010 at 03:41", ["jquarrie7"]),
    ("Entered in WebPAS by Ann Roe (aroe3) 05/04/2024 05:22", ["aroe3"]),
    ("AUDIT: USER QUINN.BRAMLEY, WORKSTATION 10.2.3.4", ["QUINN.BRAMLEY"]),
    # a facility for long stays
    ("SHx: Resident at Marrowby Long Term Care (high care).", ["Marrowby Long Term Care"]),
    # the initial or the given name before a signer's surname, on a line with their discipline and pager
    ("Advice given to the team.\nS Quarrie, Clinical Pharmacist pager # 4410", ["S Quarrie", "4410"]),
    ("Wetini Quarrie, Occupational Therapist\n", ["Wetini Quarrie"]),
    ("F Quarrie, RSW bleep 1058", ["F Quarrie", "1058"]),
    ("Present: m. donnelly (charge nurse), f. quarrie", ["m. donnelly", "f. quarrie"]),
    # numbered streets and their quarter; a unit and its number before a street; an Eircode of letters
    ("Medicine Service\n2269 NE 97th Ln #333, Port Quarrie, WA 98351\n", ["2269 NE 97th Ln"]),
    ("18-252 Albert Avenue, Victoria, BC", ["18-252 Albert Avenue"]),
    ("Apt 5, Castle Court, Tralee, Co. Kerry, V92 XDFX   Ph +353", ["V92 XDFX"]),
    # a signature's name above its grade's line; a line of initials and a grade or a discipline
    ("Allied health input.\nJohn Quarrie\nFY1 ext 1676", ["John Quarrie"]),
    ("LIST\nAUTUMN QUARRIE\nED  REG", ["AUTUMN QUARRIE"]),
    ("Meals on wheels\nL.S. Occupational Therapist\n", ["L.S."]),
    ("Wean O2\nFY1 EH Bleep # 2717", ["EH"]),
    ("D/w team.\nED Reg KK", ["KK"]),
    ("Wean O2\nR2 QJT via Vocera", ["QJT"]),
    # a suburb's line after a street, then the town's with its postcode
    ("Quarrie East Medical Centre\n3/42 Rimu Terrace\nQuarrie East\nQuarrie 3216\nPh: 07 771", ["Quarrie East\nQuarrie 3216"]),
    # a login before the workstation; a former employer; a Glasgow flat; a pair booked at an hour
    ("Audit:  user hquarrie, workstation 10.227.127.105", ["hquarrie"]),
    ("Retired nurse, formerly with Ballinquarrie Mart. Visiting", ["Ballinquarrie Mart"]),
    ("Pt lives at Flat 0/2, 8 Byres Street, Quarrieton, ML3 6AA", ["Flat 0/2"]),
    ("Family meeting booked 27/9 at 1200; review on 24/08 at 0930", ["27/9", "24/08"]),
    # a year of two words dictated; initials that are a word after a long dash and before a discipline; a county that
    # a medical dictionary holds; a state of three letters
    ("unchanged from ten seventeen ninety nine period", ["ten seventeen ninety nine"]),
    ("-- MS RN pager 2231", ["MS"]),
    ("Lives in Stone, Staffordshire with her husband.", ["Staffordshire"]),
    ("Lives in Quarrieton, Goa.", ["Quarrieton, Goa"]),
    # a town no list knows after "from", closing its clause
    ("PT FROM QUENDRISH, INS: MEDICAID", ["QUENDRISH"]),
    ("pt from ostlebury, arrived by private car.", ["ostlebury"]),
    ("Patient from Vardenholt, here with her son.", ["Vardenholt"]),
    # a listed town that is also a word, after where someone lives
    ("LIVES IN BATH WITH HER DAUGHTER.", ["BATH"]),
    ("lives in mobile w/ his brother, retired welder", ["mobile"]),
    ("PT LIVES ALONE IN READING, STILL DRIVES.", ["READING"]),
    ("lives in normal alone, widowed.", ["normal"]),
    ("lives in peace river with his wife.", ["peace river"]),
    # a building's annex named for someone
    ("Infusion given in the Quarrington Annex today.", ["Quarrington Annex"]),
    # a ward or a team by a colour or a word and a number, in brackets after a unit or a ward's code
    ("TRANSFERRED TO THE CVICU (YELLOW 3) POST-OP.", ["YELLOW 3"]),
    ("admitted to the sicu (pink 5) overnight", ["pink 5"]),
    ("Moved to 5W (Larkspur 4) after extubation.", ["Larkspur 4"]),
    ("Now in the PACU (Heron 6), stable.", ["Heron 6"]),
    # military installations by their abbreviation or "camp", in any case
    ("Served two tours at Kessing AB, then retired.", ["Kessing AB"]),
    ("Deployed to Varnhold Air Base in 2004.", ["Varnhold Air Base"]),
    ("Father stationed at Camp Quillhaven.", ["Camp Quillhaven"]),
    ("Lives on NAS Brisco Field with her husband.", ["NAS Brisco Field"]),
    ("Husband at NAVSTA Quellport since May.", ["NAVSTA Quellport"]),
]


@pytest.mark.parametrize(("sentence", "phi"), PHI_CLASSES)
def test_every_class_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        if len(text) != len(sentence):
            continue
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


CLINICAL = [
    "Motor 5/5 in all extremities, sensation intact.",
    "Metoprolol 1/2 tab twice daily.",
    "Weaned to PS 12/5, FiO2 35%, PEEP 5.",
    "BP 142/88, HR 70-95, RR 16-20, SpO2 96% on 2L.",
    "Grade 2/6 systolic murmur at the apex; GCS 14.",
    "Vent settings AC 16/500/8/0.4 overnight.",
    "Pain 4/10 after the dose of furosemide 40 mg IV.",
    "Kerley B lines and a Swan-Ganz catheter in the right pulmonary artery.",
    "Foley catheter draining clear urine; Dobhoff tube in the stomach.",
    "IMPRESSION: CHF EXACERBATION. COPD. NO PTX. NGT IN STOMACH.",
    "the ett is 4 cm above the carina and the picc ends in the svc.",
    "Compression deformity of T12 and L1; 4th rib fracture healing.",
    "Sats in the low 90s on room air, improving.",
    # numbers spoken as words that are measurements, not ages, dates or identifiers
    "temperature ninety nine point four, sat ninety three percent on two liters",
    "blood pressure one hundred twelve over sixty, heart rate ninety to one hundred four",
    "metoprolol twenty five to one hundred milligrams daily",
    "HR 96 RR 24 temperature thirty eight point one",
    "Tunneled dialysis catheter in the right internal jugular vein.",
    "Home oxygen two liters by nasal cannula.",
    # Commonwealth spellings of clinical words
    "Anaemia and pedal oedema; nebuliser via the paediatric mask; oesophageal tumour.",
    "Obs: RR 22, HR 96, NEWS2 3; catheterised on the Surgical Ward.",
    "- Lasix 40 mg daily\n- Will follow up in clinic\n",
    "This is my understanding of the plan; name is not documented.",
    "she lives alone in a flat and refuses help",
    "Bloods:\n- Hb 118, Plt 240\n- CRP 41\n- Alb 30",
    "Obs: HR 104 SR BP 138/70 RR 18 Sats 95% RA.",
    "Chem: BNP 3120  CK 6611  Lipase 812\nVS: hr: 121  sbp 100-118  rr 24-28",
    "Follow-up in clinic in 4/12. 2/7 hx of fever.",
    "Medications: Lorna 10 mg OD, aspirin 75 mg OD.",
    # counted findings and a cervix's dilation/effacement/station are no dates
    "Sentinel node biopsy: 2/11 nodes positive; 3/12 cores with tumour.",
    "SVE 4/80/-2, membranes intact.",
    "Baby Girl A delivered vaginally, Apgars 8/9.\nPlan: Twin A stable.",
    "Labs:\n- CR 1.3\n- PT 13.2\n- BP 3/4 of baseline",
    "She is enrolled in cardiac rehab and attends physical therapy twice weekly.",
    "Main Pulmonary Artery is dilated. Right Heart Cath performed.",
    "Overall, it was a good night. Also, please repeat the film.",
    # a title after "with" is no street; dosing intervals, decimals and pipe-table lab values stay
    "SBRT 50 Gy in 5 fractions with Dr. to follow.",
    "Nivolumab 240 mg q14 days; call for a fever over 100.4 F.",
    "Troponin | 1834 | -- |\nNa | 139 | 135-145 |",
    "HEENT: MMM, no thrush\nD.O.B. field left blank by the form",
    "Dermatology Clinic Note\nSeen in Pain Clinic follow-up.",
    "Give 3/4 units of the dose; about 2/3 of the way down. Views:\nPA/LAT",
    "LT SHOULDER PAIN. Gen: well appearing.",
    "The patient is a 72 year old man. Seen by the team (ICU). CXR (PA) done. Transport: ambulance; EMS arrived.",
    "THE LUNGS AT THE BASES ARE CLEAR. The Lungs at rest are clear.",
    "She was 95% on room air; he is 98.6 F today.",
    "Plan: Twin A stable. Dose on 2nd day; 3rd attempt successful.",
    # doses before a route that is also a street type; distances with a walking aid; vitals after a field
    "Heparin 5000 units SQ q8h; insulin 0.125 mg sq; ambulates 150 ft with cane; AMBULATES 50 FT WITH RW.",
    "Home obs per caller: HR 88, BP 131/70.\nFluid balance +640 ml overnight.",
    "Portal msg rec'd. Return to school/daycare note. Note for Child Care.\n- edd 26/6\n- stool culture",
    "Discharged to foster parents. Tele not required for transport; the pharmacist said it was fine.",
    "BW 2310 GM; Hep B vaccine #1 given; attempt #2 successful; interpreter used, ID # on file.",
    # a plain place of work is no employer; a field word inside a sentence opens no field
    "Works at home three days a week; retired from teaching.",
    "Delivery room: vigorous, dried and stimulated. DELIVERY ROOM: VIGOROUS.",
    "You may 2 puffs as needed; he may 1 day return to work.",
    "Troponin | 1834 | -- |\nCXR | PA, LAT | done",
    "transferred from the floor to the icu; lives in a group home; moved from icu to floor; returned from vacation.",
    "Chest PA, DOB on the form. CT abdomen MRN pending.",
    # clinical tables whose headings name no identifier
    "Lesion | Site | Size\nNodule | RUL | 8 mm\nMass | Left hilum | 31 mm",
    "Test | Result | Range\nSodium | 139 | 135-145",
    # a suffix glued to a number, a code glued to letters, a sign or reflex and its finding, a count
    "BW 3200 g (45%ile), HC 34 cm. Good tone, Moro present, suck strong.",
    "On PEEP 6, iNO 20 ppm, FiO2 40%. 2 brady events overnight.",
    "Selective angiography with JL4 catheter.",
    # a dose before a route is no street address; lower-case words in a mixed-case text are no "LAST, FIRST"
    "MORPHINE 4 MG SQ Q4H PRN",
    "Anticipatory guidance: car seat, safe sleep, tummy time.",
    "UTILIZATION REVIEW / CM\nPlan reviewed with family.",
    # a function word after a facility's word names nothing; a ward and its number stay
    "FOLLOW UP AT CLINIC ON JUN TUESDAY.",
    "Diet: table foods; seen by the unit team.",
    "Facility: ICU\nActive at her synagogue; the pastor visits weekly.",
    "Seen in the Pain Clinic; Resident of the care home.",
    "Poland syndrome on the left; Sudan stain negative.",
    "Poland anomaly noted; Graves may present with lid lag.",
    "Spoke with a nurse at bedside; a nurse at the desk paged the team.",
    "Re: the plan.\nD.O.B. field left blank.",
    "went to pain clinic; walks to physical therapy; seen at the chest clinic",
    "ok thank you bye\nThank you for\nreferring this patient.",
    "The unit manager, who was notified, agrees.\nMain Campus - Department of Radiology",
    # a unit after a number, an immunoglobulin class, a billing code, repetitions, a closing word ending a line,
    # a typo after "this is", what is signed, a country's name that is food
    "She can amb 150 ft with walker. Albuterol rescue 2 puffs q4h PRN.",
    "IgG4-related disease suspected; IgG1 normal. CPT code 71046 chest 2 views.",
    "Leg raises 10 rep, twice daily. Night supervisor, radiology",
    "Positioning was not the best\nMark the left side. this is likley atelectasis.",
    "Family meeting held. Signed DNR",
    "On a diet of turkey and rice; allergic to turkey. Guinea worm history.",
    # a study before "CT" after "on"; a route of a drug
    "Pleural plaques on prior CT. Route: PO. Restarted on home meds.",
    # a heading that is a facility's word after clinical words; a sentence ending in one
    "Skilled Nursing Facility\nAdmission note.\nTransported emergent to ED - stable.",
    # a verb of reaching before a facility's name; "for" before it
    "He drives for a living. Notify hospital pharmacy if rash.",
    # a valve's lesion graded before a capitalised clinical word; an ILO profusion score
    "Valves: moderate MR. Doppler inflow normal. Trace MS. Small opacities profusion 1/0, shape p/s.",
    # a ward in a heading's last segment; a department's heading
    "SBAR - shift handover - the short stay unit\nOncology Clinic\nSeen today.",
    # a department after a facility's name and a dash
    "Seen in clinic. Radiology Department - Imaging Services\nLives in the same neighborhood as her son.",
    # the words after an abbreviation that is also an officer's; a bracket opening with a role's letters
    "LT KNEE PAIN. CO 20 PPM. CPT 71045. Code: full code (confirmed).",
    # an article and a facility's keyword; the clause after an employer's name
    "IF FEVER, CALL THE CLINIC AT ONCE. BORN AT THIS HOSPITAL.",
    # a clinical list's word mixing letters and digits
    "PFT: FEF25-75 | 2.10 L/s | 88%",
    # a comparison that names no place
    "Comparison: outside films, none available.",
    # a heading before a facility's word; partners and networks with no name
    "Note for Child Care\nHistory of multiple partners. Social network intact.",
    # older buildings; on the way
    "Exposure: asbestos (older buildings), along the way.",
    # a travel field that names nothing, and the field after it
    "Recent travel: none. HIV: negative. Travel: denies",
    # "on call", a way to reach someone after a credential
    "Discussed with the vascular registrar on call. Pharmacist pager 4. RN phone in room.",
    # a relative's story after the kin word; a transport to a unit; a department after a transport's destination
    "Sibling born at term, brother deceased.",
    "Transported to CT and back to the floor without event.",
    "this is normal. thank you",
    # a number's word before what it counts; a message sent to a clinician
    "Seen by the team two days, then discharged. Result sent to Dr. and RN.",
    # a role before what is done, with no name
    "SW following for placement. RN aware. Resident on call overnight.",
    # a chief complaint after "CC:"; fractions after an event's word; a list of grades; dosing abbreviations
    "CC: cough, feeling unwell since Tuesday",
    "Passed 3/3 swallow trials. Completed 2/3 doses. Failed 1/3 attempts.",
    "Strength:\n- 4/5 - left deltoid\n- 5/5 - right",
    "Acetaminophen 650 mg\np.o. / PR",
    # notes in brackets after a programme's kind; a score after a service; a body site in a location's field
    "Injured at work (fell off ladder). Early intervention (speech therapy twice weekly).",
    "Hospitalist (Gleason 7). Lesion location: right upper lobe.",
    # a service before a pager; an answer after "signed"; a state after "i am"; a subject that is more than a name
    "DNR form SIGNED: NO",
    "i am happy. my sugars are better",
    "HPI: Donor kidney recipient is a 60 year old man.",
    "Genetics: sent karyotype, CMA pending. Brought by EMS, PTA had seizure.",
    # "from" before a word of a vocabulary, a slip of one or an abbreviation
    "PT FROM HOME, INS: MEDICARE. SOB FROM DYSPNEA, NOT FROM PNUEMONIA.",
    "pt from the ed, came from nursing; pain from pleurisy, worse with cough.",
    "pt from snf, pain from costochondritis, fluid from thoracentesis, 1 l.",
    "covid booster from moderna, letter from medicare, rash from molnupiravir.",
    # where someone lives that is a kind of home or a state of life, or a word a noun follows
    "lives in a group home; lives in an apartment; lives in fear of falling.",
    "LIVES IN ASSISTED LIVING. LIVES IN SQUALOR WITH HIS DOG. LIVES IN HOUSE WITH WIFE.",
    "lives in peace, lives in comfort with family, lives in mobile home, lives in section 8 housing.",
    "lives in denial about her smoking; comes from shelter.",
    "lives in car with dog; lives in tent alone; raised in church.",
    # "LOC" for a loss of consciousness
    "HEAD INJURY. LOC: NONE. VOMITING.",
    "Hit head, LOC: yes, ~2 minutes, GCS 15.",
    "LOC: brief, < 1 min",
    "fall with +loc x2 min; loc: about 5 min",
    # a bed space, a score or a stage in brackets after a unit
    "Admitted to the MICU (bay 3); CCU (Killip 2); SICU (class 3 HF).",
    "TRANSFER TO ICU (GCS 14). MOVED TO 6N (FALL RISK 2). ADMITTED TO MICU (BED 4).",
    "COPD admitted to the MICU (GOLD 3) for BiPAP.",
    "admitted to the icu (grade 2) and the ccu (x2) this year",
    # "upon", "of the" between plain words
    "Moved from bed to chair upon arrival.",
    "Lives in fear of the dark with her husband.",
    "Patient with Transposition of the Great Arteries, seen in Clinic.",
    # an antibody's "Ab", a score or a summer camp, not an installation
    "Rubella Ab positive; varicella Ab negative; lyme ab pending.",
    "infant with nas score 9; nas finnegan scoring; went to summer camp; camp counselor.",
    "pain in lower ab and back; prior to ab surgery; hiv ab neg; hcv ab pending.",
    "RECOMMEND SPUTUM AFB X3. AB NEGATIVE BLOOD TYPE.",
]


@pytest.mark.parametrize("sentence", CLINICAL)
def test_clinical_content_is_kept(rules_only, sentence):
    result = rules_only.deidentify(sentence)
    assert result.text == sentence, [sentence[s.start:s.end] for s in result.spans]


def test_a_hospice_named_after_its_word_is_removed_where_capitals_show_it(rules_only):
    # "Hospice of X" is read from its capitals; in a text all in lower case it is left to the model
    for text in ("Hospice of Larchmere notified.", "HOSPICE OF LARCHMERE NOTIFIED."):
        assert "archmere" not in rules_only.deidentify(text).text.lower(), text


def test_an_agency_named_with_a_clinical_word_is_removed_where_capitals_show_it(rules_only):
    text = "Mode: BLS via Sinus Creek Fire & Rescue to the ED."
    assert "Sinus" not in rules_only.deidentify(text).text


def test_a_department_above_a_telephone_line_is_no_letterhead(rules_only):
    result = rules_only.deidentify("Geriatric Medicine Outpatients\nTel: 555 1212\nFINDINGS\n2 views of the chest.")
    assert result.text.startswith("Geriatric Medicine Outpatients\nTel: ___"), result.text


def test_a_newborns_label_is_kept_beside_the_family_name(rules_only):
    result = rules_only.deidentify("Name: Thorsby, Baby Girl\nDOL 3, feeding well.")
    assert "Thorsby" not in result.text and "Baby Girl" in result.text, result.text


def test_settings_and_scores_read_at_a_clock_time_are_kept(rules_only):
    """The time goes (a time of day), the setting or score before it stays: no month/day pair."""
    text = "PS 12/5 at 0800, strength 4/5 at 1400, pain 6/10 at 2200."
    assert rules_only.deidentify(text).text == "PS 12/5 at ___, strength 4/5 at ___, pain 6/10 at ___."


def test_senior_living_named_the_plural_at_a_place_is_removed(rules_only):
    for text in ("She moved into The Larches at Pellworth last spring.", "SHE MOVED INTO THE LARCHES AT PELLWORTH LAST SPRING."):
        assert "PELLWORTH" not in rules_only.deidentify(text).text.upper()


def test_capitals_are_no_condition_for_recall(rules_only):
    """The same note in three cases loses the same identifiers."""
    note = ("Pt seen with wife Marisol. Lives in Tewksbury. Dr. Quillen paged at 0815, x5-2231.\n"
            "Outside films from Pinegrove Imaging dated 4/11/2019.")
    phi = ["Marisol", "Tewksbury", "Quillen", "0815", "5-2231", "Pinegrove Imaging", "4/11/2019"]
    for text, values in renderings(note, phi):
        assert not leaked(rules_only, text, values), rules_only.deidentify(text).text


def test_times_of_day_are_removed_by_default_and_may_be_kept():
    text = "Portable film at 0815 on 4/11/2019, compared with the film at 14:20."
    assert ReportDeidentifier(settings={"use_model": False}).deidentify(text).text == (
        "Portable film at ___ on ___, compared with the film at ___."
    )
    kept = ReportDeidentifier(settings={"use_model": False, "keep": ["TIME"]}).deidentify(text)
    assert kept.text == "Portable film at 0815 on ___, compared with the film at 14:20."


def test_only_settable_categories_may_be_kept():
    from cxrbuild.util.errors import CxrbuildError

    with pytest.raises(CxrbuildError, match="NAME is always removed"):
        ReportDeidentifier(settings={"use_model": False, "keep": ["NAME"]})
    with pytest.raises(CxrbuildError, match="unknown category 'WEATHER'"):
        ReportDeidentifier(settings={"use_model": False, "keep": ["WEATHER"]})


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("Depression screen GAD-7 2/7 and PHQ-2 3/6 today.", "2 3/6", "DATE"),
        ("Right leg strength 4/5, left 3/5.", "4/5", "DATE"),
        ("Insulin drip at 1350 units/hr overnight.", "1350", "TIME"),
        ("ABG 7.31/58/92 on arrival.", "31/58", "DATE"),
        ("Seen again on Thursday morning.", "Thursday", "DATE"),
        ("Obs: NIBP 148/71, sats 95%.", "148", "ID"),
        ("Rate 118-161 on arrival.", "161", "PHONE"),
        ("PT: ambulated 96 ft with a frame.", "96", "AGE"),
        ("sat ninety four percent on room air", "ninety four", "AGE"),
        ("Pressures 164/58 after the bolus.", "164/58", "DATE"),
        ("Started Poly-Vi-Sol 1 mL daily.", "Poly-Vi-Sol", "NAME"),
        ("Labs: ck 14302, lactate 3.1.", "ck", "NAME"),
        ("Vent: PEEP 6, HELIOX 30 ppm overnight.", "HELIOX", "NAME"),
        ("O: BP 148/72, P 112, R 18, afebrile.", "112", "ID"),
        ("Seen again Thursday.", "Thursday", "DATE"),
        # a span cut inside a code is judged on the whole code
        ("Pt is a 30 yo G2P1 at 38w by dates.", "2P1", "LOCATION"),
        ("Ventilated, Fi 40% O2 on arrival.", "2", "LOCATION"),
        # a piece of a decimal number the span cuts
        ("VBG at arrival: 7.29/51/88, lactate 2.", "7", "TIME"),
        ("Febrile to 101.2 F overnight.", "101", "AGE"),
        # a reference range, a pressure
        ("Sodium | 139 | 133-146 | ok", "146", "PHONE"),
        ("Sodium | 139 | 133-146 | ok", "133-146", "ID"),
        ("PA pressure 142/77 at rest.", "142/77", "ID"),
        # a month's name that is a verb before a word
        ("School note given, may resume sport next week.", "may resume", "DATE"),
        # a dose, a setting
        ("Consolidation 60 Gy in 30 fractions.", "60 Gy", "LOCATION"),
        # shorthand no name list holds, an abbreviation opening in lower case, a lower-case unlisted word beside a name
        ("neuro: pvl neg, tms clear", "tms", "NAME"),
        ("Resp: on iNO 15 today.", "iNO", "NAME"),
        # what is dosed, before its dose, is no place either
        ("resp: peep 5, pip 18, ino 15 ppm, fio2 40%.", "ino", "LOCATION"),
        ("Read by Dr. Quintavalle, NIOSH cert no. 4411", "cert", "NAME"),
        # a misspelt word, a word broken by a blank, a line's end or a stray mark
        ("small uodules in the right apex", "uodules", "NAME"),
        ("REPORT: NROMAL HEART SIZE", "NROMAL", "NAME"),
        ("The recom mendation stands.", "recom", "NAME"),
        ("PATIE,NT WAS SEEN", "PATIE", "NAME"),
        ("destroy the ori-\nginal copy", "ginal", "NAME"),
        # a weight or a lab value shaped like a year
        ("GA 36 wks, birth weight 1994 grams, AGA.", "1994", "DATE"),
        ("NT-proBNP | 2011 | <125 |", "2011", "DATE"),
        # a flowsheet's cells; three digits with no telephone's cue; a lab panel over slashes; a volume; a dose's decimals;
        # a lab's abbreviation and its value
        ("Obs:\n1430   37.9  88  131/70  18  95%", "88  131/70", "ID"),
        ("Obs:\n1430   37.9  88  131/70  18  95%", "131/70", "ID"),
        ("Obs 0600:  88  18  97  36", "88  18  97", "PHONE"),
        ("CRP 88.4 (prev 212)", "212", "PHONE"),
        ("Chem7: 138/4.1/101/24/18/0.9/112", "112", "ID"),
        ("Drain out: 1968 mL / 1866 mL", "1968", "DATE"),
        ("piperacillin 3.375g IV", "375g", "ID"),
        ("Labs: NH3 54, K 4.0", "NH3 54", "LOCATION"),
        # a pulse's rate and a filtration rate over 89 are no ages
        ("Obs: P 104 irreg, BP 151/63", "104", "AGE"),
        ("Creat 61, eGFR 92.", "92", "AGE"),
    ],
)
def test_model_spans_that_hold_no_identifier_are_dropped(rules_only, text, value, label):
    """Clinical values as the rules read them, and spans that hold no identifier for how they are cut or written."""
    start = text.index(value)
    assert rules_only.rules.vet_model_span(text, start, start + len(value), label) is None


@pytest.mark.parametrize(
    ("text", "value", "label", "kept"),
    [
        ("Gas drawn at 0245: 7.41/38/90.", "0245: 7", "TIME", "0245"),
        ("Next visit may 14th at the clinic.", "may 14th", "DATE", "may 14th"),
        ("Seen at Parvillo Ward today.", "Parv", "LOCATION", "Parvillo"),
        ("PATIENT: ILSE W0JCIKOWSKA  MR# 1", "0JCIKOWSKA", "LOCATION", "W0JCIKOWSKA"),
        ("MRN: 4471920 on file", "4471920", "ID", "4471920"),
        ("Called back ext 4-2291 today.", "4-2291", "PHONE", "4-2291"),
        ("Seen by Anselm Brigue, RN.", "Anselm Brigue", "NAME", "Anselm Brigue"),
        ("Rose Mary Quell attended.", "Rose Mary Quell", "NAME", "Rose Mary Quell"),
        # a misspelt name, a name opening with a particle, a name after "Mac"
        ("Hamliton reports less dyspnea.", "Hamliton", "NAME", "Hamliton"),
        ("Mr. deSouza was seen today.", "deSouza", "NAME", "deSouza"),
        ("Dr. Angus Mac Kintosh reviewed.", "Kintosh", "NAME", "Kintosh"),
        # numbers that are no range or pressure for want of a value or a vessel before them
        ("Accession 22/417 on file.", "22/417", "ID", "22/417"),
        ("Pager 245-367 after hours.", "245-367", "PHONE", "245-367"),
        ("Patient ID 2024.00123 verified.", "00123", "ID", "00123"),
        # a year after "in", before a tube's letter, after a lab's name outside a table's cell
        ("Mother had CABG in 1998.", "1998", "DATE", "1998"),
        ("since 2010 g-tube in place", "2010", "DATE", "2010"),
        ("troponin 2015 negative", "2015", "DATE", "2015"),
        # an extension's three digits, its cue inside the span; a registration over slashes; numbers one blank apart or
        # spaced out with no value among them; a year before a side's letter
        ("call back on ext 242", "242", "PHONE", "242"),
        ("Call the SHO x242", "x242", "PHONE", "x242"),
        ("Daughter mob 0412  345  678", "0412  345  678", "PHONE", "0412  345  678"),
        ("MRN  4412  9931", "4412  9931", "ID", "4412  9931"),
        ("PSH:\n2008 L hemicolectomy", "2008", "DATE", "2008"),
        ("MMC Reg. 2009/41/7730", "2009/41/7730", "ID", "2009/41/7730"),
        ("OHIP 4410 223 871 on file", "4410 223 871", "ID", "4410 223 871"),
    ],
)
def test_model_spans_keep_the_identifier_they_hold(rules_only, text, value, label, kept):
    start = text.index(value)
    span = rules_only.rules.vet_model_span(text, start, start + len(value), label)
    assert span is not None and text[span.start:span.end] == kept


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ("Discussed with Dr. Helen grant today regarding results.", ["grant"]),
        ("Wife Linda hall said he fell.", ["hall"]),
        ("Acct: QUILLBY 12345678", ["QUILLBY"]),
        ("Seen by Dr. Emma Till.", ["Till"]),
        ("Room: Quillmere 4, intubated then given 2 mg ativan overnight", ["Quillmere"]),
        ("Seen In Jensen 3 with family.", ["Jensen"]),
        # a listed place that is an eponym, closing its clause after "in"
        ("SOCIAL: LIVES IN A SHELTER IN HUNTINGTON. DENIES ETOH.", ["HUNTINGTON"]),
    ],
)
def test_names_ids_and_wards_written_plainly_are_removed(rules_only, text, removed):
    assert_kept_and_removed(rules_only, text, (), removed)


def test_a_misspelt_word_is_one_slip_from_a_dictionary_word_and_no_listed_name(rules_only):
    lexicon = rules_only.rules.lexicon
    assert [lexicon.misspelling_of(w) for w in ("nromal", "b0wel", "hsuband", "uodules", "C0NTRAST")] == [
        "normal", "bowel", "husband", "nodules", "contrast"]
    # a listed name, a dictionary word, a short word and a rare name stay what they are
    assert not any(lexicon.misspelling_of(w) for w in ("Nelson", "normal", "Kenes", "Okonkwo", "Quintavalle"))


def test_a_place_fields_value_that_is_a_sentence_with_doses_names_no_place(rules_only):
    text = "DELIVERY\nROOM: SUCTIONED AND GIVEN SURFACTANT 4 ML/KG VIA ETT, THEN PLACED ON CPAP 6 CM H2O.\nWard: Parvillo Ward"
    result = rules_only.deidentify(text).text
    assert "SUCTIONED AND GIVEN SURFACTANT 4 ML/KG VIA ETT" in result and "Parvillo" not in result


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        # a state's code after a town, with or without its ZIP code, in any case
        ("lives at 41 quarry ln, tolvey ok\nhospice dx: copd", ["tolvey ok"]),
        ("8120 willow ct, harnby. nd 58401\nphone: x", ["harnby", "nd 58401"]),
        ("records from: 17 tern rd, pellam wy 82001\n", ["pellam wy 82001"]),
        # a pair after a weekday or a hiring; a month alone closing its clause
        ("nv planned wednesday 4/3 per schedule.", ["4/3"]),
        ("Exposure: silica, hired 11/12", ["11/12"]),
        ("how have you been since we last spoke in august?", ["august"]),
        ("we talked back in may.", ["may"]),
        # a listed place of clinical words closing its clause after "in"
        ("directions: in cold spring, the green trailer", ["cold spring"]),
        # one or two plain words after a facility's cue, before its phrase; a field's value ending in one
        ("biopsy at thornapple diagnostic imaging last week", ["thornapple"]),
        ("lobectomy at lantern ridge medical center in may", ["lantern ridge"]),
        ("location of care: morning glory assisted living\nhospice dx: x", ["morning glory"]),
        # where a procedure was done or a finding made, after "at"
        ("- 2/9: ebus/biopsy (zq-4410) at harrow bend: squamous", ["harrow bend"]),
        ("RUL MASS FOUND ON CT 3/14 AT SALTMARSH FLATS. PET/CT NEGATIVE", ["SALTMARSH FLATS"]),
        ("wedge resection by dr. quell at larkfield commons.", ["larkfield commons"]),
        # a practice named for its specialty after plain words
        ("MEADOW GATE CHEST MEDICINE\nPHONE 555-0100", ["MEADOW GATE"]),
        # one plain word where a stay was; the place a patient presented from; where a service is, in a table's cell
        ("HE WAS HOSPITALIZED AT LARKSPUR IN MARCH FOR ADHF", ["LARKSPUR"]),
        ("who presented from copper state with chest pain.", ["copper state"]),
        ("MAR 2 | 8:00 AM | ORVELL, IDA, NP | ECHO LAB - HAZEL KNOLL\n", ["HAZEL KNOLL"]),
        # a ward named for an eponym after a service, or at an appointment's hour
        ("Mar 2 | 10:00 AM | Orvell, Ida, NP | Cardiology - Corrigan 4", ["Corrigan 4"]),
        ("YOUR NEXT VISIT IS AT NOON IN PARRISH 5. BRING YOUR LIST", ["PARRISH 5"]),
    ],
)
def test_addresses_dates_and_facilities_where_capitals_mean_nothing(rules_only, text, removed):
    assert_kept_and_removed(rules_only, text, (), removed)


@pytest.mark.parametrize(
    "sentence",
    [
        "this may be atelectasis. follow-up in 6 weeks.",
        "increase in upper lobe opacity.",
        "seen at the pain clinic and at local urgent care.",
        "lives with wife, 2 sons.",
        "treated at home with antibiotics; placement at the bedside.",
        "Hips stable. Tanner 2. Gleason 7 on biopsy.",
        "hospitalized at night for pain; born at term; biopsy at bedside.",
        "| Lab - fasting | Echo - TTE |",
        "Seen in sleep medicine clinic today. Referred to pulmonary medicine for PFTs.",
        "Catheterization at rest showed normal pressures. Ablation at cavotricuspid isthmus.",
        "Tuesday 2/6 murmur noted. Moved 4/5 extremities. Quit 1/2 ppd.",
        "| Lab - hemolyzed | Echo - technically difficult | Clinic - rescheduled |",
        "Mass in the apical segment of the LUL.",
        "family history of chorea in huntington disease.",
        "Wound care note\n71 yoF homebound pt seen today.",
        # "may" the verb; a council's letters or a grade before clinical words; a lone "a" after a title before a word;
        # two counts in a row; a hospital's keyword then no name
        "symptoms may last 5 days.",
        "insulin reg 10 units. CN II-XII intact. CN Rinne positive. Hb 8.8, plt 2450 3100",
        "paged dr a second time.",
        "Fluid 1500 2000 ml over 24 h",
        "the university hospital pharmacy called.",
        # a clinical word before a comma and a region that is a word too; counted numbers after a word of time; kin of
        # the patient or of kin
        "Pain, central and left sided.",
        "increased from one two three to four. rose from two to four.",
        "the patient's daughter called; her mother's sister has lupus; the nurse's husband",
        "-- ok pt 2 sessions",
        "labs:\n- K 4.1\n- CS planned\nPrelim (wet read): PTX. Final to follow",
        "VIEWS:\nPA/LAT\nFINDINGS: clear.",
        "signed consent on chart; signed the form rn; signed by patient, rn",
        "secretary: to send letter",
        "opacity near the apex; near complete collapse; lesion close to the hilum; fluid outside of the lung; sats near 90%",
        # medical words that are also some country's regions; ventilator settings dictated; a word before a discipline;
        # kin of a carer, a flatmate, a step-daughter
        "posterior uvea thickened. blood drawn into cuvette. moved from RA to HFNC.",
        "placed on twelve five forty with good tolerance.",
        "HR 80 reg/irreg. RN/LPN to monitor. ICU/CCU. PEEP given 16/8 overnight; passed 13/12 swallow trials.",
        "given 500 mg; pg 250 mg. Signed by the team (attending). printed by the unit clerk",
        "Pt requires nursing home placement. Family want long term care.",
        "physio to review. Seen by physio today. Physio: Mobilised 20m. Notes:\na. fib noted; e. coli in urine",
        "Plan:\nRMO Bleep to follow. SHO bleep soon",
        "Impression:\nStable\nRadiologist\nPlan reviewed\nConsultant\ngiven q21 days. the 2nd rd of chemo. T4 and T5",
        "Plan:\nSW RN\nReferrals:\nOT review",
        "formerly with the army.",
        # clinical abbreviations beside a grade; words after a count that an Eircode's letters could spell; a service or a
        # word in brackets after "by"; a flat patient; a fraction's field; tests near an eponym's place; a service printing
        "Jobs:\nFY1 CXR\nSHO ABG\nPhysio BD\nOT ADL\nPGY-1 CXR\nR3 ABG",
        "Straight leg raise x10 each, ankle pumps x20 each hour. QUADS SETS X10 EACH LEG",
        "Documented by the team (Cardiology). Recorded by patient (self-reported) on diary card.",
        "Unable to lie flat; affect flat 2/10. Fraction #: 15/25 delivered today.",
        "Lesion near Broca's area. Pain close to McBurney's point. Collection just outside Morison's pouch.",
        "Printed by Pharmacy on request. Regular cannabis user i.e. daily. Pulse reg/irreg, HS reg/irreg",
        "ACBT taught\nPhysio\nGrace period\nIntern",
        "Admitted 2nd episode of pneumonia.",
        "Wants to go home. - ask SW\nNeeds walker. - see PT",
        "carer's daughter called; Flatmate's mother called; Step-daughter's husband present; Ex-wife's son",
        # durations counted the British way over weeks, days and months
        "Unable to swallow tablets for 3/52. SOB x 2/52, worse over the last 3/7. Review in 6/52; cough 2/12 ago.",
        # practices' type words and rural delivery letters alone
        "Plan: after hours GP if worse. Family doctors to review. Community services referral made.",
        "Seen in the after hours clinic overnight; accident and medical staff informed. Called after hours 3 times.",
        "Road traffic accident. 2 rd degree tear, RD 1 not applicable. Weight 72 kg, 1 unit given.",
        # a field pointing to another part of the note; words above a grade with no initial before them
        "Signed by: see below\nEPOA: none.\nA Fib\nRegistrar",
        # services named by their specialty, a time of day after the team; eponyms with accents
        "Findings discussed with the team after hours by telephone. Referred to Respiratory Community Services.",
        "Known Behçet disease, Guillain-Barré in childhood; Ménétrier disease excluded.",
    ],
)

def test_words_beside_those_cues_that_name_nothing_are_kept(rules_only, sentence):
    assert rules_only.deidentify(sentence).text == sentence


def test_words_in_brackets_after_a_studys_number_that_name_no_one_are_kept(rules_only):
    for text in ("acc 44102231 (left side only)", "ACCESSION 55120934 (PORTABLE AP VIEW)"):
        assert_kept_and_removed(rules_only, text, [text[text.index("("):]], [])


def test_clinical_lines_shaped_like_an_address_or_a_date_keep_their_words(rules_only):
    assert_kept_and_removed(rules_only, "Given 1 unit PRBC to pt, Hb recheck ordered, Kardex updated 1900",
                            ["Given 1 unit PRBC to pt, Hb recheck ordered, Kardex updated"], [])
    assert_kept_and_removed(rules_only, "baseline cr 1.14 may 2019", ["cr 1.14"], ["may 2019"])


def test_a_score_or_a_setting_before_an_hour_is_kept(rules_only):
    assert_kept_and_removed(rules_only, "PEEP 10/5 at 1200. power 4/5 at 1400 review. GCS 14/15 at 0800",
                            ["PEEP 10/5", "power 4/5", "GCS 14/15"], ["1200", "1400", "0800"])


def test_a_complaint_on_the_line_after_a_street_is_no_town(rules_only):
    for text in ("pt lives at 123 main street\nchest pain, shortness of breath", "9 Elm Rd\nCough, fever 2 days\n"):
        for rendered in (text, text.upper(), text.lower()):
            assert_kept_and_removed(rules_only, rendered, [rendered.splitlines()[1]], [])


def assert_kept_and_removed(rules_only, text: str, kept, removed) -> None:
    """The de-identified text still holds each of ``kept`` and none of ``removed``."""
    result = rules_only.deidentify(text).text
    assert all(k in result for k in kept), result
    assert not any(r in result for r in removed), result


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        # after a name written with a capital, a lower-case word the sentence goes on after is no part of it
        ("the home aide Bartholomew went thursday and said bp was ok", ["went thursday"], ["Bartholomew"]),
        ("Seen by Dr. Ilse quarry, MD", [], ["Ilse", "quarry"]),
        # the last letter of a slashed abbreviation is no initial
        ("return prn. f/u Odalys Treviño, PA-C clinic", ["f/u"], ["Odalys", "Treviño"]),
        # a payer's name before a member number is no part of it
        ("INS: MEDICARE QX4471290\nCC: FALL", ["MEDICARE"], ["QX4471290"]),
        # acid-fast bacilli in a specimen, an air force base
        ("TB NOT EXCLUDED. RECOMMEND SPUTUM AFB X3. STATIONED AT QUELLMORE AFB", ["RECOMMEND SPUTUM AFB X3"], ["QUELLMORE"]),
        # "the hospice" is no hospice's name; "since" ends a place
        ("CALL THE HOSPICE LINE ANY TIME. LIVED IN QUERETARO SINCE 2004.", ["CALL THE HOSPICE LINE", "SINCE"], ["QUERETARO"]),
        # what a person did ends the name after its first word; a service's abbreviation is no place
        ("HUSBAND DARIUSZ OKWARA WORKS AT QUILLBY FOODS. REFERRED TO ORTHO FOR EVAL.", ["WORKS AT", "ORTHO"],
         ["DARIUSZ", "OKWARA", "QUILLBY"]),
        # the labels of a line of timestamps; a signer's time is no timestamp's label
        ("TIMES: DISP 0712  ENRT 0713  ONSC 0720  TRAN 0741  DEST 0802", ["ONSC ___", "TRAN ___", "DEST ___"], []),
        ("Read by Wendell Okafor 0915; cosigned by Ingrid Tamm 1010; by Ruth Oyelaran 1102", [],
         ["Okafor", "Tamm", "Oyelaran"]),
        # an officer's or a company's "CO" is no county's
        ("ESCORTED BY CO VELMSTRAND. TARRAGON MINING CO. FAX 555-0100. Lives in Co. Offaly.",
         ["MINING CO. FAX"], ["VELMSTRAND", "Co. Offaly"]),
    ],
)
def test_a_names_and_an_ids_edges(rules_only, text, kept, removed):
    assert_kept_and_removed(rules_only, text, kept, removed)


def test_a_pair_after_a_category_is_a_grade_not_a_date(rules_only):
    text = "Small opacities, profusion category 2/1, type q/t."
    assert rules_only.deidentify(text).text == text


def test_eponymous_anatomy_phrases_are_kept(rules_only):
    text = "Stone near the sphincter of Oddi; the vein of Galen is normal."
    assert rules_only.deidentify(text).text == text


def test_any_text_is_handled_without_an_error(rules_only):
    """Odd inputs (punctuation runs, lone cues at the end, non-Latin letters) never raise."""
    import random

    pieces = ["Dr.", "dr", ",", ";", ":", "  ", "\n", "-- ", "(", ")", "/", "#", "apt", "x", "pg", "Ward:", "LOC:", "RN",
              "son", "from", "at", "the", "12", "3/4", "1999", "0830", "Ωμέγα", "李", "Łódź", "O'", "-", "Mass", "MD", "PA,",
              "St.", "of", "Hospital", "Manor", "works at", "lives in", "Name:", "Smith,", "Jane", "'", "’s"]
    rng = random.Random(20261206)
    texts = ["", " ", "\n\n", "___", "Dr.", "Dr. ", "-- ", "Name:", ",", "#", "works at", "lives in"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    for text in texts:
        result = rules_only.deidentify(text)
        for span in result.spans:
            assert 0 <= span.start < span.end <= len(text)


def test_the_systems_medical_dictionary_gives_its_lower_case_words_that_no_list_holds(tmp_path, monkeypatch):
    from cxrbuild.text import lexicon

    dictionary = tmp_path / "en_med.dic"
    dictionary.write_text("6\n    a header line of the file\nperibronchiolar/MS\nHartnup/M\nwhitlock\n5ht3\nchondromalacic\n",
                          encoding="utf-8")
    monkeypatch.setattr(lexicon, "MEDICAL_DICTIONARIES", (tmp_path / "absent.dic", dictionary))
    assert lexicon._medical_words(frozenset({"whitlock"})) == {"peribronchiolar", "chondromalacic"}
    monkeypatch.setattr(lexicon, "MEDICAL_DICTIONARIES", (tmp_path / "absent.dic",))
    assert lexicon._medical_words(frozenset()) == frozenset()


def test_a_model_name_span_on_a_medical_word_is_dropped(rules_only):
    import copy
    import dataclasses

    text = "Chondromalacic change at the patella, reviewed with Dr. Okafor."
    vetter = copy.copy(rules_only.rules.vetter)
    vetter.lexicon = dataclasses.replace(vetter.lexicon, medical=frozenset())
    assert vetter.vet(text, 0, len("Chondromalacic"), "NAME") is not None  # an unknown capitalised word: a name
    vetter.lexicon = dataclasses.replace(vetter.lexicon, medical=frozenset({"chondromalacic"}))
    assert vetter.vet(text, 0, len("Chondromalacic"), "NAME") is None
    start = text.index("Okafor")
    assert vetter.vet(text, start, start + len("Okafor"), "NAME") is not None


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        ("Location: Outpatient, Quenby Pavilion\nReferring: x", ["Location: Outpatient, "], ["Quenby Pavilion"]),
        ("TO: DR. ISOLDE FARRAGUT   FAX: 555-0101", ["TO: DR. "], ["ISOLDE FARRAGUT"]),
        ("Location: Tallowmere Clinic, Outpatient\nOperators: x", [", Outpatient"], ["Tallowmere Clinic"]),
        ("from: 12 ferry row, quellport nm  05061", [], ["quellport nm"]),
        ("Housing: Medical Observation 7\nDate: x", [], ["Medical Observation 7"]),
        # each part between commas and slashes on its own: a part that names no place and holds no code is kept
        ("Location: Quenby Pavilion, floor 3 / virtual\nReferring: x", ["/ virtual"], ["Quenby Pavilion", "floor 3"]),
        ("Housing: K-Pod, Cell 14B\nDate: x", [], ["K-Pod", "Cell 14B"]),
        ("Practice: Quillmere OB/GYN Associates\nPhone: x", [], ["Quillmere OB/GYN Associates"]),
        ("Patient location: at work (Harrowgate Packing), in car\nVerbal: x", [], ["Harrowgate Packing"]),
        ("Patient location: Tallow Lodge, Marrin's Landing, PA\nParticipants: x", [], ["Tallow Lodge", "Marrin's Landing", ", PA"]),
    ],
)
def test_a_place_fields_value_loses_the_words_at_its_ends_that_name_no_place(rules_only, text, kept, removed):
    assert_kept_and_removed(rules_only, text, kept, removed)


def test_a_credential_after_a_rare_given_name_and_a_surname_is_no_state(rules_only):
    for text in ("Signed: Ysoldrae Carter, MD on 3/3/2020", "SIGNED: YSOLDRAE CARTER, MD ON 3/3/2020"):
        result = rules_only.deidentify(text).text
        assert ", MD on" in result or ", MD ON" in result, result
        assert "CARTER" not in result.upper(), result
    assert "Hagerstown" not in rules_only.deidentify("Moved to Hagerstown, MD last year.").text


def test_a_facilitys_keyword_then_the_sentence_going_on_names_nothing_after_it(rules_only):
    text = "CALL THE CLINIC FOR CHEST PAIN. WILL USE HOSPITAL SUPPLY. TAKEN TO THIS HOSPITAL VIA EMS."
    result = rules_only.deidentify(text).text
    assert all(kept in result for kept in ("FOR CHEST PAIN", " SUPPLY.", " VIA EMS.")), result


@pytest.mark.parametrize("text", [
    "Referred by Dr. Quillon of Maple Reach Associates for palpitations.",
    "REFERRED BY DR. QUILLON OF HOLLY MEADOW ASSOCIATES FOR PALPITATIONS.",
    "referred by np ana quillon of copper ridge family practice for palpitations.",
])
def test_a_person_then_of_then_where_they_work_keeps_of(rules_only, text):
    result = rules_only.deidentify(text).text
    assert result.lower().startswith("referred by dr. ___ of ___") or result.lower().startswith("referred by np ___ of ___"), result
    assert result.lower().endswith(" for palpitations."), result


def test_a_tab_ends_a_name_in_a_header(rules_only):
    text = "PATIENT: QUILLFORD, ANJA\tDATE/TIME: 3/4/2011 09:10\nCALLER: daughter"
    result = rules_only.deidentify(text).text
    assert "\tDATE/TIME: " in result and "QUILLFORD" not in result and "ANJA" not in result, result


def test_a_model_date_span_loses_its_weekday_and_keeps_the_date(rules_only):
    text = "Next visit Thursday 10/14 per schedule."
    start = text.index("Thursday")
    span = rules_only.rules.vet_model_span(text, start, start + len("Thursday 10/14"), "DATE")
    assert span is not None and text[span.start:span.end] == "10/14"


@pytest.mark.parametrize(
    ("text", "value", "label", "kept"),
    [
        ("EXAM: WELL CHILD. QBTR. RED REFLEX PRESENT.", "QBTR", "NAME", False),
        ("pt visited by kwabo today.", "kwabo", "NAME", True),
        ("DISP 1349  ENRT 1350  ZEPT 1354  TRAN 1418", "ZEPT", "LOCATION", False),
        ("SEEN BY DR QUOF TODAY.", "QUOF", "NAME", True),
        ("MEDS FILLED AT QUOF-MART 555-0199.", "QUOF", "ORGANIZATION", True),
    ],
)
def test_a_model_span_on_a_lone_unlisted_abbreviation_is_dropped_where_capitals_mean_nothing(rules_only, text, value, label, kept):
    start = text.index(value)
    assert (rules_only.rules.vet_model_span(text, start, start + len(value), label) is not None) == kept


def test_an_employers_name_stops_before_a_new_clause(rules_only):
    result = rules_only.deidentify("Son works at Quellmark Freight and visits evenings.").text
    assert "Quellmark" not in result and result.endswith(" and visits evenings."), result


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        # a tab between a name's words; a field's value that only opens with a word of no value
        ("Seen by Dr.\tYsolde\tQuellbrandt", ["Ysolde", "Quellbrandt"]),
        ("Country of birth: unknown (possibly Quellbrook)", ["Quellbrook"]),
        # a place's field holding a contact word; a title after "no"; "Hospital" then a safe word and a name
        ("Housing: Quellbrook Correctional, Cell Block D", ["Quellbrook", "Cell Block D"]),
        ("Home: Mobile, Alabama", ["Mobile", "Alabama"]),
        ("NO MR. QUELLBRANDT AT BEDSIDE.", ["QUELLBRANDT"]),
        ("TREATED AT HOSPITAL GENERAL QUELLBROOK.", ["QUELLBROOK"]),
        # "of" after a role and no person's name; a trade name and a capitalised verb in a name
        ("called rn at sisters of quellbrandt hospital", ["sisters of quellbrandt hospital"]),
        ("Location: Trilogy Quellbrook, Rm 4", ["Trilogy Quellbrook"]),
        ("Admitted to Visit Quellbrook Hospital", ["Visit Quellbrook Hospital"]),
        # an OCR digit inside a fax machine's sender
        ("05/26/07 00:05  SACRED HEART 1MAGING  350.659.7910  P.01/03", ["SACRED HEART 1MAGING"]),
    ],
)
def test_what_the_rules_must_still_remove(rules_only, text, phi):
    result = rules_only.deidentify(text).text
    assert not any(value in result for value in phi), result


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a note in brackets after a facility named before its kind; a kind of service in brackets
        ("- Maple Street Pharmacy (fill history)", "(fill history)"),
        ("Seen by early intervention (PT/OT) and home health (VNA).", "(PT/OT) and home health (VNA)."),
        # a heading and a department above an address
        ("RADIOLOGY REPORT\n12 Oak Street, Quillford, MA", "RADIOLOGY REPORT\n"),
        ("Silverdale Hospital\nA&E\n148 Tamsin Terrace, Quillford", "\nA&E\n"),
        # a facility's department after its name in a location's field; an outside study that is not available
        ("Clinician: Ines Varga LOCATION: St. Quillan's Hospital NICU\n", "NICU"),
        ("OUTSIDE STUDY (NONE AVAILABLE).", "(NONE AVAILABLE)"),
        # a clinician's department in a cc field; a hospital's department after its name; a workplace's kind
        ("cc: Dr. Ines Varga, Cardiology", "Cardiology"),
        ("Quillon General Hospital Imaging Services\n", "Services"),
        ("She works at the post office.", "post office"),
        ("Patient Name                   Radiology Report\n", "Patient Name"),
        ("Onset in early spring; high risk in heart failure.", "in early spring; high risk in heart failure"),
        # a service before a pager; a value before a time
        ("resident surgery pg 1234", "resident surgery pg"),
        ("sats were at low nineties until 2 pm", "sats were at low nineties until"),
        ("Abdomen non-tender, well-appearing; great-gran at home. Discharged to kinship foster placement.",
         "non-tender, well-appearing; great-gran at home. Discharged to kinship foster placement."),
    ],
)
def test_what_the_rules_keep_beside_an_organization(rules_only, text, kept):
    assert kept in rules_only.deidentify(text).text


def test_capital_initials_that_spell_a_word_sign_a_line(rules_only):
    # "SO", "VS" in capitals alone after "Signed" at a line's end are the writer's initials; "by" there is not
    assert rules_only.deidentify("Plan given.\nSigned SO\nSIGNED: VS").text == "Plan given.\nSigned ___\nSIGNED: ___"
    assert rules_only.deidentify("Plan given.\nSigned by\n").text == "Plan given.\nSigned by\n"


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        # an auxiliary verb or a month's name that is a given name, in a record's field or a greeting
        ("PATIENT NAME: CAN YILDIRIM   DOB: 02/03/1951", ["CAN", "YILDIRIM"]),
        ("PT: CARPENTER, WILL  DOB 4/5/49", ["CARPENTER, WILL"]),
        ("Sending RN: Will Hart, RN  x6-1212", ["Will Hart"]),
        ("CREW: PARAMEDIC TWO CROWS, ADAEZE #5521", ["TWO CROWS"]),
        ("Hi April,\nThe nurse reviewed your message.", ["April"]),
        ("HI WILL,\nDR. ESPARZA-LUND SUGGESTS A REPEAT FILM.", ["WILL"]),
        # a given name that is also a word, then a rare surname, after a role where capitals mean nothing
        ("CREW: PARAMEDIC IRIS WOJTALEWICZ #5521", ["IRIS WOJTALEWICZ"]),
        # a name broken at a line's end before a credential that is also a clinical abbreviation
        ("Dictated by: Anneli Fair-\nweatherby, MD\n", ["weatherby"]),
        # a surname opening with a number's word after a kin word or a role
        ("Contact is her nephew Tobias Three Hawks 6025550142.", ["Tobias Three Hawks"]),
        # a credential of medical assistants and vocational nurses after a name alone
        ("Please call with any questions.\nFaith, CCMA\nRiverbend Family Practice", ["Faith"]),
        ("Call back if worse.\nJune, LVN", ["June"]),
        ("Wound healing.\n\nCMA\n", ["CMA"]),
        # a field of where someone has been, after a sentence's end on the same line
        ("Cough for weeks (sister). Travel in last 6 months: Turkey, Laos. HIV: negative.", ["Turkey", "Laos"]),
        # a street named by a court's abbreviation in directions
        ("Access: turn L onto Wrenfield Ct, blue house.", ["Wrenfield Ct"]),
        # a hospice named for a saint in its heading
        ("Hospice of St. Odile - Team Note\nVisit for dyspnoea.", ["Hospice of St. Odile"]),
        # where a clinician works, after the credential and "at"
        ("provider: ona pell, pa-c at bluefork\npatient seen for cough.", ["bluefork"]),
        # a message to the patient that opens with the patient's name
        ("Message to patient:\nAugust, your scan shows the nodule is smaller.", ["August"]),
        ("Portal reply:\nMarisol, the CT looks stable.", ["Marisol"]),
        # where a listed prior study was done, in brackets at its line's end
        ("PRIOR EXAMS:\n  07/02/2001  CT HEAD W/O          (Winthrop Vale)\n  3-MAR-99  CXR PA/LAT  (ST. ODILE)\n",
         ["Winthrop Vale", "ST. ODILE"]),
        ("PRIOR EXAMS:\n  07/02/2001  CT HEAD W/O          (MOUNT KESTREL)\n", ["MOUNT KESTREL"]),
        # where outside images on a disc came from
        ("Imaging sent on disc from Summit. Most recent CXR:", ["Summit"]),
        # a hospital named for a devotion, in any case
        ("EXAM DATE: 07/20/2022   FACILITY: HOLY TRINITY\nVIEWS: PA", ["HOLY TRINITY"]),
        ("outside films (holy cross, 2009) reviewed.", ["holy cross"]),
        ("OUTSIDE CXR (SACRED HEART, 1992) REVIEWED.", ["SACRED HEART"]),
        ("transferred from Divine Providence Hospital", ["Divine Providence"]),
        # a name-only field's whole value, though its words are words; a listed name alone before a credential
        ("PT NAME: WILL STONE   MRN 4471", ["WILL STONE"]),
        ("Pt name: hope baker\nMRN 5512", ["hope baker"]),
        ("Vitals stable.\nPearl, RN\n", ["Pearl"]),
        # a number's surname ending a sentence; a greeting before a dash; a workplace after "by" a credential "at"
        ("Plan reviewed with NP Three Feathers.", ["Three Feathers"]),
        ("Hello April - your results are normal.", ["April"]),
        ("SEEN BY CNM AT WILLOW BEND LAST MONTH.", ["WILLOW BEND"]),
        ("seen by cnm at willow bend last month.", ["willow bend"]),
        ("FOLLOWED BY PA-C AT GREY ASHFORD.", ["GREY ASHFORD"]),
        # a place's hyphenated name joined by its little words; a letterhead's word broken over two lines
        ("his mother lives in rive-de-gier.", ["rive-de-gier"]),
        ("ASHBY GEN-\nERAL HOSPITAL\n12 Elm St", ["ASHBY GEN-\nERAL HOSPITAL"]),
        # a listed place of several words closing a clause after "at"; a doctor's workplace after "of"; a saint's
        # place with its possessive; where someone is from
        ("SEEN LAST WEEK AT CEDAR RAPIDS.", ["CEDAR RAPIDS"]),
        ("last seen by dr. ames of three rivers.", ["three rivers"]),
        ("last ed visit at st. aldric's.", ["st. aldric's"]),
        ("He is from Quellbury.", ["Quellbury"]),
        # a double-barrelled surname with a word for one part; a month's given name with an initial in a braced field
        ("CONSENT SIGNED WITH OKAFOR-BELL.", ["OKAFOR-BELL"]),
        ("{PATIENT NAME}: MAY R. QUIST", ["MAY R. QUIST"]),
        # before a credential: an auxiliary's given name opening a field; a number's word opening the surname
        ("  NEPHROLOGY: WILL OKONJO, MD", ["WILL OKONJO"]),
        ("NAVIGATOR: HAZEL THREE HAWKS, BSN, RN", ["HAZEL THREE HAWKS"]),
        # a relative's field holding a record's name; initials that are a particle's letters before a credential;
        # a sign-off's name before a pager of several digits
        ("MOTHER: COOK, IRIS (MRN 77120)", ["COOK, IRIS"]),
        ("Technician: DI, RPFT", ["DI"]),
        ("NNP HOLLY BROOK P55121", ["HOLLY BROOK"]),
        # a place found without the generic word closing its name; a business's kind after its name, where capitals
        # mean nothing
        ("NEPHEW VISITS WEEKLY, ASHBY FALLS, AND CALLS.", ["ASHBY FALLS"]),
        ("FORMER WELDER AT GRAY TOWING. SMOKES.", ["GRAY TOWING"]),
        # a place's opening word; a county's road by its number; a name and a place's generic word after "in"
        ("son works in west ashby, visits", ["west ashby"]),
        ("TURN ONTO COUNTY ROAD 112, THIRD HOUSE", ["COUNTY ROAD 112"]),
        ("DIRECTIONS: IN BRAMBLE HOLLOW, BLUE HOUSE ON LEFT", ["BRAMBLE HOLLOW"]),
    ],
)
def test_given_names_that_are_words_and_places_in_fields_and_directions(rules_only, text, phi):
    assert leaked(rules_only, text, phi) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # an auxiliary verb after a name's field is the sentence going on; "CT" after "on" is the scan
        ("Patient: will need a repeat film.", "will need a repeat film"),
        ("PATIENT: WILL NEED REPEAT FILM.", "WILL NEED REPEAT FILM"),
        ("Signed: Quennell, will call back.", "will call back"),
        # a pager after a rare surname read after a given name that is also a word
        ("CONTACT COORDINATOR IRIS WOJTALEWICZ PGR 18819.", "PGR"),
        # a credential after the name it follows is kept, the name removed
        ("Dressing done.\nRose Hill, LVN\n", "___, LVN"),
        ("Refills sent.\nBeck, CRNP\n", "___, CRNP"),
        # a bracket after a listed study that says how it was read or what it shows; a kind of workplace; a relative
        ("PRIOR EXAMS:\n  07/02/2001  CT HEAD W/O   (prelim)\n  08/02/2001  CXR   (Stable)\n", "(prelim)"),
        ("PRIOR EXAMS:\n  07/02/2001  CT HEAD W/O   (prelim)\n  08/02/2001  CXR   (Stable)\n", "(Stable)"),
        ("LABS:\n03/14/2020  Stool culture  (Salmonella)\n03/15/2020  CT HEAD  (Teleradiology)\n", "(Salmonella)"),
        ("LABS:\n03/14/2020  Stool culture  (Salmonella)\n03/15/2020  CT HEAD  (Teleradiology)\n", "(Teleradiology)"),
        # clinical words before a scan after "off"; a bystander who helped; an exposure history in capitals
        ("Hold off heparin pending CT. Weaned off pressors after CT.", "Hold off heparin pending CT. Weaned off pressors after CT."),
        ("A good samaritan started CPR before EMS arrived.", "good samaritan started CPR"),
        ("SOCIAL: OWNS CATS AND BIRDS. FORMER WORKER AT POULTRY AND PIG FARMS.", "CATS AND BIRDS. FORMER WORKER AT POULTRY AND PIG FARMS."),
        # a midline shift and a microarray, though MLS and CMA are credentials elsewhere
        ("Large right SDH with 8 mm leftward MLS. Karyotype normal, CMA pending.", "8 mm leftward MLS. Karyotype normal, CMA pending."),
        # a verb after an auxiliary in a field; a plain opening of a message; a lab after a given name that is a word
        ("RN: Will Recheck BP in 1 hr.", "Will Recheck BP"),
        ("Great news, your scan is clear.", "Great news, your scan"),
        ("RN DREW TROPS AND BMP.", "DREW TROPS"),
        ("RT DREW ABGS. RN IRIS NEVUS", "RT DREW ABGS. RN IRIS NEVUS"),
        ("Ok, your labs are fine.", "Ok, your labs"),
        ("FAMILY HX: MOTHER TWO DVTS, FATHER ONE MI.", "MOTHER TWO DVTS"),
        ("Discussed with Nguyen, NP at Morning Rounds.", "at Morning Rounds"),
        ("Overall, your scan is fine. Otherwise, the CT looks stable.", "Overall, your scan is fine. Otherwise, the CT looks stable."),
        ("mom is also caregiver for great-grandfather (96 y/o).", "caregiver for great-grandfather"),
        ("Good heart sounds, holy cow.", "Good heart sounds, holy cow."),
        ("Nodule seen on chest CT. Came off the CT table.", "seen on chest CT. Came off the CT table."),
        # a pronoun after a name and a comma; a role signing after a blank line; a sentence after a travel field
        ("HELLO, THIS IS ODETTE, HER  DAUGHTER, WRITING.", "HER  DAUGHTER"),
        ("Advised to attend within 1 hour.\n\nRN\n", "\n\nRN\n"),
        ("Well. Travel: Peru. No sick contacts.", "No sick contacts."),
        ("Weaned to RA. Home: Oxygen 2 L at night. Born: 34 weeks, NICU x 2 weeks.", "Home: Oxygen 2 L at night. Born: 34 weeks"),
        # a name's field of an exam; when, a kind of place or the place's kind after a credential "at"; English compounds
        ("Exam Name: CHEST PA AND LATERAL", "CHEST PA AND LATERAL"),
        ("PT: ANN BO FEMALE  DOB: 3/4/1950", "FEMALE"),
        ("FATHER: MI AT 50, CABG. Sinding-Larsen-Johansson disease, non-Hodgkin lymphoma.", "Sinding-Larsen-Johansson disease, non-Hodgkin"),
        ("Gave two doses, RN", "Gave two doses"),
        ("She lives in Boston north of the river.", "of the river."),
        # a diagnosis in a relative's field; a service after "is from"; hyphenated eponyms and words where no person
        # stands; a count of points; a saint's dance; a disease after a town
        ("FAMILY HX:\nFATHER: CANCER, COLON\nMOTHER: STROKE, MILD", "CANCER, COLON\nMOTHER: STROKE, MILD"),
        ("The note is from Cardiology. The prior is from January.", "Cardiology. The prior is from January."),
        ("A Kaplan-Meier curve. Plays ping-pong. Afro-Caribbean man.", "Kaplan-Meier curve. Plays ping-pong. Afro-Caribbean"),
        ("SCORE DROPPED BY A TOTAL OF FIVE POINTS.", "FIVE POINTS"),
        ("HX OF ST. VITUS'S DANCE.", "ST. VITUS'S DANCE"),
        ("Lived in Fresno; valley fever endemic there. Fresno valley fever.", "valley fever."),
        ("PLAN: WILL TITRATE, MD", "WILL"),
        ("pain at iliac crest, tender. at one point, he fell. ulcer at left heel.", "at iliac crest, tender. at one point"),
        ("PT FELL AT DOG PARK. INJURED AT SKATE PARK, LOC X 2 MIN.", "DOG PARK. INJURED AT SKATE PARK"),
        # a newborn's reflex before its finding misspelt one slip
        ("GOOD TONE, MORO PERSENT. Suck strong, Moro symmertic.", "MORO PERSENT. Suck strong, Moro symmertic."),
        ("Mass in left upper lobe. The north wing. In South Boston, the clinic.", "The north wing"),
        ("SEEN BY NP AT MAIN CAMPUS. SEEN BY NP AT PRE OP VISIT.", "MAIN CAMPUS. SEEN BY NP AT PRE OP VISIT."),
        ("Lungs clear.\nStable, RN\nReported.\nStaff, RN", "Stable, RN\nReported.\nStaff, RN"),
        ("Moved to tube-on-suction. The pain is from the fall.", "Moved to tube-on-suction. The pain is from the fall."),
        ("Name: Mr. Ivo Carter  Age: 71", "Name: Mr. ___"),
        ("REPORT GIVEN TO RN AT RECEIVING FACILITY.", "RECEIVING FACILITY"),
        ("seen with np at chest clinic; seen by np at night time", "chest clinic; seen by np at night time"),
        ("Skin-to-skin care and one-on-one sitter ordered, end-to-end anastomosis.", "Skin-to-skin care and one-on-one sitter"),
        ("CHEST X-\nRAY: NO ACUTE DISEASE", "CHEST X-\nRAY: NO ACUTE DISEASE"),
        ("Hi team - please note the new protocol.", "Hi team - please note"),
    ],
)
def test_words_beside_given_names_and_travel_fields_are_kept(rules_only, text, kept):
    assert kept in rules_only.deidentify(text).text


# A second round of classes: each example invented, none from a corpus.
STAFF_AND_DATE_CLASSES = [
    # training grades and ward roles of British and Commonwealth hospitals, a grade's digit included
    ("Present: Registrar Okafor, FY1 Quennell, SHO Tupou-Vake, SpR Nkemdirim", ["Okafor", "Quennell", "Tupou-Vake", "Nkemdirim"]),
    ("Team: SpR Nkemdirim, HO Szabo, pharmacist Ingeborg", ["Nkemdirim", "Szabo", "Ingeborg"]),
    # an interpreter's certification closing a sign-off line after initials
    ("Session length 40 minutes.\nQW, CHI", ["QW"]),
    # a caller's given name, and the surname, before "calling"
    ("Voicemail: hi this is Ingrid Vasquenko calling about my mother, this is joy calling back", ["Ingrid", "Vasquenko", "joy"]),
    # a day of the month after a day of the week, in figures or in words; after a film, before a dash
    ("No fever since Tuesday the 19th. Unchanged from Friday the twenty third.", ["19th", "twenty third"]),
    ("Compare with the film of the 26th - effusion larger.", ["26th"]),
    # a day past twelve and a month after a date's cue, or after "in" where the month is no British count of days or months
    ("Arrived 23/7 from Harare. Previous admission with AKI in 16/9.", ["23/7", "16/9"]),
    # a login after a workstation's address; a national health index by its field's name
    ("Workstation 10.12.4.77 user qpellow3\nNHI: QRX42KD", ["10.12.4.77", "qpellow3", "QRX42KD"]),
    # a flat's number with its "No." opening an address's line
    ("Flat No. 318, Quillpur Heights", ["Flat No. 318"]),
    # a named ward with its word; a ward named for an eponym's person
    ("Referrer: Dr Ames, Kestrel Ward\nWard 12C (Lister) bed 4", ["Kestrel Ward", "Lister"]),
    # a visiting nurses' agency; a radiology company
    ("Nurse from Quarrystone Visiting Nurses called.", ["Quarrystone Visiting Nurses"]),
    # the clock times down a flowsheet aligned by blanks
    ("Obs:\nTime   T     HR   BP       RR\n0415   38.2  112  96/60    24\n1000   37.6  98   110/64   20",
     ["0415", "1000"]),
    # a surname spelled letter by letter, though it also names a sign
    ("Exam limited. Last name spelled k e r n i g, record follows.", ["k e r n i g"]),
    # a name on a sign-off line before a comma and the writer's role, a word or two before the role's word
    ("Auth approved.\n-- J. Quarrell-Hope, case manager  x4471\nHope Vukovic, transport coordinator ext 2210",
     ["J. Quarrell-Hope", "Hope Vukovic"]),
    ("Duration 22 min.\nQKT, certified medical interpreter", ["QKT"]),
    # "The <plural> at <place>" where a home is spoken of or opens a list's item, whatever the case
    ("PTA resided at The Larches at Quenby; HCP is son.\nReferrals:\n- The Hollies at Marlow - declined",
     ["The Larches at Quenby", "The Hollies at Marlow"]),
]


@pytest.mark.parametrize(("sentence", "phi"), STAFF_AND_DATE_CLASSES)
def test_staff_dates_and_addresses_are_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        # a given name typed in small letters after a role, among capitals, up to a comma or the line's end
        ("Extubated 10:00. Verified by RN hazel\nPer rn grace, pain controlled.", ["hazel", "grace"]),
        # a typist's, a sonographer's or a wet reader's initials in capitals that spell an abbreviation, before the
        # signing's date or time or ending the sentence
        ("TRANSCRIBED: GP 2014-06-24\nWET READ: CN WED JANUARY 24, 2007 2045", ["GP", "CN"]),
        ("Sonographer: SR. \nTyped by: AFP 13/05/2009", ["SR", "AFP"]),
        # the article of a residence named "The <plural> at <place>", in capitals too (in small letters it is the model's)
        ("Referrals: The Hollies at Quenby - accepted.\nSON WILL DRIVE HIM TO THE HOLLIES AT QUENBY.",
         ["The Hollies at Quenby", "THE HOLLIES AT QUENBY"]),
    ],
)
def test_staff_where_capitals_tell_them_apart_are_removed(rules_only, text, phi):
    assert not leaked(rules_only, text, phi), rules_only.deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("RN aware. RN notified of BP. Per RN report, pt slept.", "RN aware. RN notified of BP. Per RN report, pt slept."),
        ("Recs re: EGD.\nCaller: HR 120/80 today", "Recs re: EGD.\nCaller: HR 120/80"),
        ("Soluble ST2 level 35. Fell from ladder, CHI, admitted.", "Soluble ST2 level 35. Fell from ladder, CHI, admitted."),
        ("Transfused one unit PRBC. Fractures of the 3rd-4th ribs.", "Transfused one unit PRBC. Fractures of the 3rd-4th ribs."),
        ("PMH:\n- PS - 15/10\nIV drug user since youth", "PS - 15/10\nIV drug user since youth"),
        ("PATIENT: QUILLON, ARVID   UNIT NO: 4471902", "UNIT NO:"),
        ("PRIMROSE WARD BAY 3 BED 2", "BAY 3 BED 2"),
        ("CONSULTANT: DR MAY AL-FARSI", "CONSULTANT: DR "),
        ("this is just calling to check. this is me calling back", "this is just calling to check. this is me calling back"),
        # British counts of days and months, settings, acuities; ordinals that count; services and modalities in
        # fields; a closed head injury; words after roles and cues; a sensor's user; a flat's and an echo's words
        ("Repeat U&E in 14/7. Completed 21/7 clarithromycin. Given 24/7 support. Asthma - 15/7 days of prednisolone.",
         "Repeat U&E in 14/7. Completed 21/7 clarithromycin. Given 24/7 support. Asthma - 15/7 days of prednisolone."),
        ("Pressure support - 15/10, FiO2 0.4. NIV given 16/8 overnight. Left eye - 20/10.\n- COPD - 15/10 exacerbations",
         "Pressure support - 15/10, FiO2 0.4. NIV given 16/8 overnight. Left eye - 20/10.\n- COPD - 15/10 exacerbations"),
        ("On Friday the 3rd dose was given. Seen Thursday, the 7th cranial nerve palsy persists.",
         "On Friday the 3rd dose was given. Seen Thursday, the 7th cranial nerve palsy persists."),
        ("Reviewed by GP.\nPerformed by ED.\nCopy to: GP 12/03/2014\nRequested by: ICU 14:20", "Reviewed by GP.\nPerformed by ED.\nCopy to: GP ___\nRequested by: ICU "),
        ("MVA with LOC, CHI.\nFall with head strike, +LOC, CHI.", "MVA with LOC, CHI.\nFall with head strike, +LOC, CHI."),
        ("CT head pending - FY1 chase.\nInformed RN late. Insurance: HMO Blue.", "CT head pending - FY1 chase.\nInformed RN late. Insurance: HMO Blue."),
        ("Dictated by: Dr Smith\nCXR/CT\nBooked by: self", "\nCXR/CT\nBooked by: self"),
        ("Type 1 diabetic, Omnipod 5 user with Dexcom G7.", "Type 1 diabetic, Omnipod 5 user with Dexcom G7."),
        ("Lying flat no. 2 pillows tolerated. Affect flat. No 3 word answers. On exam, sector 3, anterior wall akinetic.",
         "Lying flat no. 2 pillows tolerated. Affect flat. No 3 word answers. On exam, sector 3, anterior wall akinetic."),
        # a decimal before "user"; a neuralgia; a phrase's plural at a time or a place's word
        ("Glucometer reading 2.3 user error suspected. PHN 3-4/10 on pregabalin.",
         "Glucometer reading 2.3 user error suspected. PHN 3-4/10 on pregabalin."),
        ("Plan:\n- the results at discharge - pending\nReturned to the bays at lunchtime.",
         "Plan:\n- the results at discharge - pending\nReturned to the bays at lunchtime."),
        # what an ordinal after a weekday counts; split doses, fractions of radiotherapy, a pressure, an eye's pressure
        ("Friday the 2nd unit of blood. Seen Tuesday the 2nd opinion. Review on Tuesday the first available slot.",
         "Friday the 2nd unit of blood. Seen Tuesday the 2nd opinion. Review on Tuesday the first available slot."),
        ("- Lantus - 16/4\nLantus given 16/6. Palliative RT given 20/5.\n- NIV - 18/8\nIOP checked 18/11.",
         "- Lantus - 16/4\nLantus given 16/6. Palliative RT given 20/5.\n- NIV - 18/8\nIOP checked 18/11."),
        # a role as the sentence's subject before a verb; a sign-off's words of the language or a sign's surname
        ("RN drew (x2) blood cultures. Tech drew, labs sent. Night RN sunny, pleasant and settled.",
         "RN drew (x2) blood cultures. Tech drew, labs sent. Night RN sunny, pleasant and settled."),
        ("Plan: home.\nHappy, charge nurse\n\nGray matter, nurse\n\n- Parkinson, specialist nurse",
         "Happy, charge nurse\n\nGray matter, nurse\n\n- Parkinson, specialist nurse"),
        # a score's name; a fluid chart's continuation rows; two abbreviations under the dictating doctor's line
        ("Model performance: F1 score 0.91.", "Model performance: F1 score 0.91."),
        ("Time   Vol (ml)   Cum\n0600   250   250\n       250   500", "\n       250   500"),
        ("Dictated by: Dr Roe\ncxr/ct", "\ncxr/ct"),
        # a grade before a heading, a specialty or what is asked; a part of the day after a role; a wet read's finding and
        # a modality or a credential in a technologist's field; a list's service letters before who does them
        ("FY1 Ward Round: stable.\nSpR Stroke: not for lysis. SHO Check K in am. ST4 Gastro reviewed.",
         "FY1 Ward Round: stable.\nSpR Stroke: not for lysis. SHO Check K in am. ST4 Gastro reviewed."),
        ("Per RN night, no acute events.\nWET READ: NAD.\nWet read: DVT Friday\nRadiographer: XR.\nTech: RRT 10:30",
         "Per RN night, no acute events.\nWET READ: NAD.\nWet read: DVT Friday\nRadiographer: XR.\nTech: RRT "),
        ("Referrals:\n- DST, social worker\n- TOC, case manager", "Referrals:\n- DST, social worker\n- TOC, case manager"),
        # counts of days before "prior" or "earlier"; ordinals in a run; an account's word after an address; a blood
        # pressure's position; a home's place that is a word or letters
        ("Diagnosed 18/12 prior with MS. Admitted 14/7 earlier with same. On Saturday the 1st and 2nd units were given.",
         "Diagnosed 18/12 prior with MS. Admitted 14/7 earlier with same. On Saturday the 1st and 2nd units were given."),
        ("PACS 10.2.2.2 user guest logged in.", "user guest logged in."),
        ("BP check, flat no 1, standing no 2. Transferred to the wards at recovery.\n- the clips at GEJ (stable)",
         "BP check, flat no 1, standing no 2. Transferred to the wards at recovery.\n- the clips at GEJ (stable)"),
        ("Unit 4 (ICU) bed 3. Unit 2 (Covid). THE RESULTS OF CT WERE DISCUSSED.", "(ICU) bed 3. ___ (Covid). THE RESULTS OF CT WERE DISCUSSED."),
        ("Time taken 20 min.\n1000 mg given. Pt seen, case manager\nDiscussed with family, social worker\nOk, nurse",
         "Time taken 20 min.\n1000 mg given. Pt seen, case manager\nDiscussed with family, social worker\nOk, nurse"),
        ("- the lungs at the bases are clear.\n- the changes at surgery noted.\nLast name spelled the same. D I S C H A R G E",
         "- the lungs at the bases are clear.\n- the changes at surgery noted.\nLast name spelled the same. D I S C H A R G E"),
    ],
)
def test_words_beside_staff_and_wards_are_kept(rules_only, text, kept):
    assert kept in rules_only.deidentify(text).text, rules_only.deidentify(text).text


ADDRESS_PROVIDER_AND_SIGNER_CLASSES = [
    # street and town names with letters beyond ASCII (macrons, accents), a rural delivery route after the street,
    # and the town line's postcode after it
    ("Dr Hemi Walters\n37 Pōhutukawa Drive, RD 3\nWhakatāne 3193\n\nDear Dr Walters,",
     ["37 Pōhutukawa Drive, RD 3", "Whakatāne 3193"]),
    ("Unit 4, 118 Mātai Crescent\nÔtautahi 8041", ["118 Mātai Crescent", "Ôtautahi 8041"]),
    # a postcode closing the address before a wide gap or a contact's field on its line
    ("Referrer: Harakeke Surgery, 12/8 Rimu Lane, Taupō 3330  Ph 07 555 9921", ["Rimu Lane", "Taupō 3330"]),
    ("Referrer: 12/8 rimu lane, taupo 3330  ph 07 555 9921\n5 Kauri St, Hastings 4122 | Fax 06 555 7000",
     ["rimu lane", "taupo 3330", "Hastings 4122"]),
    # practices and walk-in clinics by their type's words; agencies after "via"
    ("Tītī After Hours Medical faxed the notes; Karaka Accident & Medical to follow up.", ["Tītī", "Karaka"]),
    ("GP: Kōkako Family Doctors", ["Kōkako Family Doctors"]),
    # who decides for the patient, and who completed a form, by their field's name (a given name that is a word too)
    ("EPOA: Olwen Brack (niece)\nCompleted by: Dale Quorrington", ["Olwen Brack", "Dale"]),
    # surnames that are words of a field's header elsewhere ("power of attorney", "decision maker")
    ("Seen by Dr Power and Dr Maker. Read by Dr Enduring.", ["Power", "Maker", "Enduring"]),
    # an initial and a listed name that is also a word, on the line above a grade and a pager
    ("Plan as above.\nJ Tan\nPGY-1 pg 4471", ["J Tan"]),
]


@pytest.mark.parametrize(("text", "phi"), ADDRESS_PROVIDER_AND_SIGNER_CLASSES)
def test_addresses_beyond_ascii_providers_by_type_and_signers_are_removed(rules_only, text, phi):
    assert not leaked(rules_only, text, phi), rules_only.deidentify(text).text


NAMES_THAT_ARE_WORDS_BY_POSITION = [
    # a given name that is also a word after a role, where the person is there or goes by a number or an office
    ("Hx per aide Charity on scene: COPD, CHF.", ["Charity"]),
    ("Participants: patient, interpreter Summer #40218", ["Summer"]),
    # a surname that is also a cue's word, after a given name, before a credential or where the name ends
    ("Dressing change done.\n\n-- Delphine Read RN\n", ["Delphine", "Read"]),
    ("Discussed with RN Farida Read. Meds filled.", ["Farida", "Read"]),
    # a compound surname opening with a number's word, in the possessive
    ("Called NP Three Hawks's nurse line.", ["Three Hawks"]),
    # a title closing its line with its dot, the name on the next
    ("Brought in by police, escorted by Sgt.\nOkafor. Vitals stable.", ["Okafor"]),
    ("Referral placed. F/u with Dr.\nMarta Knight.\nTotal time 20 min.", ["Marta Knight"]),
    # a surname's initial ending a sign-off line after a listed given name found alone
    ("pls call me back, thank you\nTamsin K\n\n---- Reply 02/03/2020 ----", ["Tamsin K"]),
    # two surnames, then a given name that is a word up to the field's end
    ("Applicant: De la Vega Torres, Hope   Sex: F\nDOB: 01/02/1950", ["Vega Torres", "Hope"]),
]


def test_an_auxiliary_given_name_after_a_kin_word_before_a_surname_no_list_knows_is_removed_where_capitals_show_it(rules_only):
    text = "Family/contact: nephew Will Ortvanger 555-201-3344 notified."
    assert not leaked(rules_only, text, ["Will Ortvanger"]), rules_only.deidentify(text).text


@pytest.mark.parametrize(("sentence", "phi"), NAMES_THAT_ARE_WORDS_BY_POSITION)
def test_names_that_are_words_are_removed_where_their_position_says_so(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("the home aide Bartholomew went thursday and said bp was ok", "went thursday"),
        ("GRANDSON ALBERTO STATES PT WOULD NOT WANT A TRACH", "STATES PT"),
        ("Smoking history (COPD, father). Diabetes (type 2, mother).", "COPD, father"),
        ("Per RN, Hope remains. Will follow.", "Will follow"),
        ("Chest pain at rest (smoker, brother).", "smoker, brother"),
        ("Reviewed with Dr.\nFINDINGS: clear lungs.", "FINDINGS: clear lungs"),
        # a Commonwealth nursing grade after a name is no given name of "Surname, Given"
        ("Outgoing: Mele Tupou, AIN   Incoming: Ravi (CNS)", "AIN"),
        # a sentence ending with a title's word or a code, the next line a finding
        ("Discussed with the patient's nurse.\nMild cardiomegaly.", "Mild cardiomegaly"),
        ("CHECK A1C.\nSTABLE CARDIOMEDIASTINAL SILHOUETTE.", "STABLE CARDIOMEDIASTINAL"),
        # an auxiliary after a kin word before a verb misspelt; a verb wrapped to the line's end
        ("Son will acompany pt to appt.", "will acompany"),
        ("DAUGHTER AMIRA CAME\nIN THIS MORNING.", "CAME"),
        # a street's "Dr." closing a line; a word of the language on the next line that the sentence goes on after
        ("Pt lives at 12 Elm Dr.\nGrant application pending.", "Grant application"),
        ("Escorted by Cpl.\nHunter safety course completed.", "Hunter safety"),
        # family history in brackets: the condition, then who had it
        ("FH: (Graves, mother), (Living, father).", "Graves, mother"),
    ],
)
def test_words_beside_those_positions_that_name_no_one_are_kept(rules_only, sentence, kept):
    assert kept in rules_only.deidentify(sentence).text, rules_only.deidentify(sentence).text


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        # a place's name of several words joined by "of the", "on the" or "upon", written with capitals: every word goes
        ("Family lives in Bend of the River and visits on weekends. Plan: CT Chest.", ["Bend of the River"]),
        ("He moved here from Norton on the Moor in May. Review: CXR stable.", ["Norton on the Moor"]),
        ("Patient grew up in Hollow of the Pines, North Carolina.", ["Hollow of the Pines"]),
        ("Originally from Crossing of the Quell, now in Tulsa. HPI: Cough.", ["Crossing of the Quell"]),
    ],
)
def test_a_places_name_joined_by_little_words_is_removed_where_capitals_show_it(rules_only, text, phi):
    assert not leaked(rules_only, text, phi), rules_only.deidentify(text).text


def vet_in_any_case(rules_only, text: str, value: str, label: str):
    """The model span on ``value`` vetted in the text as written, in ALL CAPS and in lower case: (rendering, kept text)."""
    for rendered, span_text in renderings(text, [value]):
        start = rendered.index(span_text[0])
        span = rules_only.rules.vet_model_span(rendered, start, start + len(span_text[0]), label)
        yield rendered, None if span is None else rendered[span.start:span.end]


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        # a location's field holding a building or a ward; "LOC" of a loss of consciousness beside it
        ("SEX: F   LOC: HALVERSTON PAVILION\nHEAD CT: LOC: NONE.", ["LOC: NONE."], ["HALVERSTON"]),
        ("Sex: F   Location: Larkspur 4C\nFall, LOC: brief", ["LOC: brief"], ["Larkspur"]),
        # a floor's number and a building named for someone; the word before an installation's abbreviation
        ("CLINIC ON 3RD FLOOR OF TREMAYNE TOWER.", ["CLINIC ON 3RD FLOOR OF ___"], ["TREMAYNE"]),
        ("WAS AT DYESS AFB UNTIL 2015.", ["WAS AT ___"], ["DYESS"]),
    ],
)
def test_a_building_a_ward_or_a_base_goes_without_the_words_beside_it(rules_only, text, kept, removed):
    assert_kept_and_removed(rules_only, text, kept, removed)


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        # a vital sign's letter before its reading is no initial after a name, nor after a clinical word a cue reads as one
        ("Notified RN Ostrowski T 38.2, rigors.", ["T 38.2"], ["Ostrowski"]),
        ("Handover to RN Vukovich P 118 irregular.", ["P 118"], ["Vukovich"]),
        ("Reviewed with Dr. Anselm Brigue R 28 and sats 91%.", ["R 28"], ["Anselm", "Brigue"]),
        ("Paged for brady P 118 overnight.", ["P 118"], []),
        ("Per RN Well T 38.9 at 0400.", ["T 38.9"], []),
        ("Escalated to Dr. Quell T 101.4 overnight.", ["T 101.4"], ["Quell"]),
        # a real initial still goes: a dot, a name after it, a number that is no reading ("4417")
        ("Seen by Dr. Amy P. Quellbrook today.", [], ["Amy", "P.", "Quellbrook"]),
        ("Call Dr. Amy P 4417 for the read.", [], ["Amy P"]),
        # ... and before an age and a sex, a time, a date or a street's number
        ("Patient: Mary R 92 F, fall at home.", [], ["Mary R"]),
        ("Surgeon: Peter R 14:30 start.", [], ["Peter R"]),
        ("Seen by Ana T 12 Nov 2020.", [], ["Ana T"]),
        ("Ref by Dr. John P 240 Main St.", [], ["John P"]),
    ],
)
def test_a_vital_signs_letter_before_its_reading_closes_no_name(rules_only, text, kept, removed):
    for case in (str, str.upper, str.lower):
        assert_kept_and_removed(rules_only, case(text), [case(k) for k in kept], [case(r) for r in removed])


@pytest.mark.parametrize(
    "text",
    [
        # a clinic named by a device's or a clinical abbreviation is a service of the hospital, no facility's name
        "Seen in CRT-D Clinic today.",
        "LVAD clinic f/u next week.",
        "Referred to ICD Clinic for interrogation.",
        "Pt known to BiV clinic; PPM CLINIC NOTIFIED.",
        "Follow up in the PAH clinic in 2 weeks.",
        "Seen in the ACHD Clinic and the INR clinic.",
        "TAVR Clinic review; ECMO clinic letter filed.",
    ],
)
def test_a_clinic_named_by_a_devices_or_a_clinical_abbreviation_is_kept_in_any_case(rules_only, text):
    for rendered in (text, text.upper(), text.lower()):
        result = rules_only.deidentify(rendered)
        assert result.text == rendered, [rendered[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Mercy Clinic notified of the result.", ["Mercy"]),
        ("Follow up at Hollings Clinic in May.", ["Hollings"]),
        ("Referred to the Quellbrook LVAD Clinic.", ["Quellbrook"]),
    ],
)
def test_a_clinic_named_by_a_name_is_still_removed(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        if text == sentence.lower():
            continue  # (a name in small letters is the model's to find where no cue marks it)
        assert not leaked(rules_only, text, values), rules_only.deidentify(text).text


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # the second number of a pressure, a ratio or a range is no age over 89
        ("LV 148/92 | LVEDP 18", "92", "AGE"),
        ("Cath: RV 150/91, RA 12.", "91", "AGE"),
        ("PA 60/95 mean 70", "95", "AGE"),
        ("SpO2 range 88-95 on 2L.", "95", "AGE"),
        ("SpO2 range 88-95 on 2L.", "88-95", "AGE"),
        # a range after a setting's abbreviation or a clinical word is a setting, no identifier
        ("PPM programmed VVIR 50-120.", "50-120", "ID"),
        ("Mode AAI 70-140 today.", "70-140", "ID"),
        ("DDDR 60-130 unchanged.", "60-130", "PHONE"),
        ("Upper tracking 90-150 set.", "90-150", "ID"),
        # a value in a table's row that opens with a lab's name, whether or not the rules know it for a lab's
        ("Lipids\n| trig | 96 |\n| ldl | 88 |", "96", "AGE"),
        ("hdl | 91 | --", "91", "AGE"),
        ("| Vit D | 94 |", "94", "AGE"),
        ("| Triglycerides | 196 | 150 |", "196", "ID"),
        ("| urate | 0.41 | 95 |", "95", "AGE"),
        # radiotherapy and interventional words no list held
        ("Plan: Place fiducial markers under CT.", "Place fiducial", "LOCATION"),
        ("Afterloader checked; Insert applicator tomorrow.", "Afterloader", "HOSPITAL"),
        ("Plan: Transhepatic drain; Insert tunnelled line.", "Transhepatic", "LOCATION"),
        ("Reviewed the Isodose plan; Gantry angle 30.", "Isodose", "LOCATION"),
        ("Consent for Radiosurgery at 0900.", "Radiosurgery", "HOSPITAL"),
    ],
)
def test_model_spans_on_pressures_settings_lab_cells_and_procedures_are_dropped_in_any_case(rules_only, text, value, label):
    for rendered, kept in vet_in_any_case(rules_only, text, value, label):
        assert kept is None, (rendered, kept)


@pytest.mark.parametrize(
    ("text", "value", "label", "kept"),
    [
        # an age that an age rule reads, a range or a record's number after a word that labels one
        ("Mother aged 90-95 yo at the time.", "95", "AGE", "95"),
        ("Siblings aged 92-96, all well.", "96", "AGE", "96"),
        ("Age/Sex: 97/F", "97", "AGE", "97"),
        ("MRN 412-778 on file.", "412-778", "ID", "412-778"),
        ("Rm 12-130 on the unit.", "12-130", "ID", "12-130"),
        ("Bed 12-130 on the unit.", "12-130", "ID", "12-130"),
        ("SN 412-778 logged.", "412-778", "ID", "412-778"),
        ("Call bleep 22-130 today.", "22-130", "PHONE", "22-130"),
        # a cell in a row of an age, an identifier, a relative or an extension
        ("| Age | 94 |", "94", "AGE", "94"),
        ("| Accession | 4471 |", "4471", "ID", "4471"),
        ("| Mother | 92 | died |", "92", "AGE", "92"),
        ("| Ext | 4417 |", "4417", "PHONE", "4417"),
        # a place's name in small letters after a saint's abbreviation
        ("Transferred from st. wenceslas overnight, Dr Hale aware.", "st. wenceslas", "HOSPITAL", "wenceslas"),
    ],
)
def test_model_spans_on_ages_and_identifiers_beside_those_values_are_kept_in_any_case(rules_only, text, value, label, kept):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is not None and found.lower() == kept.lower(), (rendered, found)


def test_a_word_in_small_letters_that_no_list_holds_names_no_place_where_capitals_mean_something(rules_only):
    text = "Plan: Insert quellotomy drain under CT."  # an invented procedure's word, in no list
    start = text.index("Insert quellotomy")
    assert rules_only.rules.vet_model_span(text, start, start + len("Insert quellotomy"), "LOCATION") is None
    text = "Lives at quellbrook farm with her son."  # where capitals mean nothing it may still be a place
    start = text.index("quellbrook")
    assert rules_only.rules.vet_model_span(text.lower(), start, start + len("quellbrook"), "LOCATION") is not None


def test_radiotherapy_and_interventional_words_are_clinical_and_no_listed_name(rules_only):
    lexicon = rules_only.rules.lexicon
    for word in ("fiducial", "afterloader", "applicator", "brachytherapy", "radiosurgery", "isodose", "gantry", "collimator",
                 "transhepatic", "transarterial", "radioembolization", "microspheres", "tunnelled", "cholecystostomy"):
        assert lexicon.is_safe(word) and not lexicon.is_name(word) and not lexicon.is_place(word), word


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a role of two or three words, a given name and a surname that are both words, then a pager or an extension
        ("Met with social worker Charity Banks pg 40912 about housing.", ["Charity Banks"]),
        ("Updated by assigned worker Faith Rivers, x31177 regarding placement.", ["Faith Rivers"]),
        ("Seen by child life specialist Bliss Crane pager 5512 before the procedure.", ["Bliss Crane"]),
        ("Care coordinator Honor Lane ext. 4410 arranged transport home.", ["Honor Lane"]),
        ("Visit with CM Patience Hill beeper 3319 today.", ["Patience Hill"]),
    ],
)
def test_a_roles_given_name_and_surname_that_are_words_before_a_pager_are_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_roles_name_in_small_letters_before_a_pager_is_removed_in_a_mixed_case_note(rules_only):
    text = "Housing plan reviewed with the family. Social worker charity banks pg 40912 visited this afternoon; transport booked."
    assert not leaked(rules_only, text, ["charity banks"]), rules_only.deidentify(text).text


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a role before a pager with no person's name between: what the role does, a service's line, the procedure
        ("Case manager will page x4410 when the bed is ready.", "will page"),
        ("Social worker said pager 40912 is best.", "said pager"),
        ("Child life specialist present for the procedure, pager 5512.", "present for the procedure"),
        ("RN float pool x2231 covering the unit.", "float pool"),
        ("Social worker on call pager 40912 overnight.", "on call"),
    ],
)
def test_a_roles_words_before_a_pager_that_name_no_one_are_kept_in_any_case(rules_only, sentence, kept):
    for case in (str, str.upper, str.lower):
        assert case(kept) in rules_only.deidentify(case(sentence)).text, rules_only.deidentify(case(sentence)).text


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a support person's field: a given name that is also a word and a surname, up to the line's or the sentence's end
        ("Family meeting held.\nSupport: Honor Whitley.\nPlan: home Friday.", ["Honor Whitley"]),
        ("Family meeting held.\nSupport person: Mercy Oakes\nPlan: home Friday.", ["Mercy Oakes"]),
        ("Labor progressing. Primary support: Joy Akande (aunt). Epidural in place.", ["Joy Akande"]),
        ("Ready for discharge.\nSupport system: Charity Lund, neighbour\nFollow up in clinic.", ["Charity Lund"]),
    ],
)
def test_a_support_persons_field_names_the_person_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "text",
    [
        # what supports breathing or the circulation, no one, or the family as a whole
        "Resp support: ventilator.\nSupport: none\nSupport: pressors.\nSupport: family at bedside.",
        "Support: high flow nasal cannula.\nSupport: CPAP 5.",
        "Ventilatory support: pressure support.\nSupport: husband, sister",
        "Support: Church Friends.\nSupport: Good Neighbor.",
    ],
)
def test_a_support_fields_clinical_or_common_words_are_kept_in_any_case(rules_only, text):
    for rendered in (text, text.upper(), text.lower()):
        result = rules_only.deidentify(rendered)
        assert result.text == rendered, [rendered[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a name with particles after a credential or a role, its last word or its given name a word, then a pager or an
        # extension: the whole name
        ("Line placed.\nmd lukas van der berg beeper 5557", ["lukas van der berg"]),
        ("Line placed.\nmd maria de la paz pager 7723", ["maria de la paz"]),
        ("Dressing changed. RN maria dos santos x4410 aware.", ["maria dos santos"]),
        ("Wound reviewed with Dr. anouk de la cour pager 7723 this morning.", ["anouk de la cour"]),
    ],
)
def test_a_name_with_particles_before_a_pager_is_removed_whole_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_name_with_particles_in_small_letters_before_a_pager_is_removed_in_a_mixed_case_note(rules_only):
    text = "Line placed without difficulty, tip at the cavoatrial junction on the film.\nmd lukas van der berg beeper 5557"
    assert not leaked(rules_only, text, ["lukas van der berg"]), rules_only.deidentify(text).text


def test_a_lines_service_and_role_before_a_pager_are_kept_in_any_case(rules_only):
    text = "Drain flushed.\nrn float pool x2231\nrn charge nurse ext 4410\nmd night float pager 2345\nresident surgery pg 1234"
    for rendered in (text, text.upper(), text.lower()):
        result = rules_only.deidentify(rendered).text
        for kept in ("float pool", "charge nurse", "night float", "resident surgery"):
            assert (kept.upper() if rendered.isupper() else kept) in result, result


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a newborn's family name that is also a clinical word, before a comma and "baby girl" or "baby boy" at a line's start
        ("Daily note - NICU\nDay, Baby Girl B MRN 1234\nStable on room air.", ["Day"]),
        ("Daily note - NICU\nPage, Baby Boy MRN 88123\nFeeding well.", ["Page"]),
        ("Admission note\nHope, baby girl A\nBorn at 34 weeks.", ["Hope"]),
    ],
)
def test_a_newborns_family_name_that_is_a_clinical_word_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "text",
    [
        # what the note says of the newborn before its label: its term, its being one of twins, how it is
        "Term, baby girl, born via SVD.\nPreterm, baby boy A, on CPAP.\nTwin, baby girl B.",
        "Late preterm, baby boy, feeding well.\nFull term, baby girl.",
        "Stable, baby girl feeding.\nWell, baby boy A is feeding.",
    ],
)
def test_a_newborns_descriptions_before_its_label_are_kept_in_any_case(rules_only, text):
    for rendered in (text, text.upper(), text.lower()):
        result = rules_only.deidentify(rendered)
        assert result.text == rendered, [rendered[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # the carer a child is discharged to or placed with, after the kind of care and the household
        ("Infant discharged to pre-adoptive family, Mercy Lund through the agency.", ["Mercy Lund"]),
        ("Placed with foster parent Hope Grant on Friday.", ["Hope Grant"]),
        ("Discharged to pre-adoptive family, Honor Banks, with formula teaching done.", ["Honor Banks"]),
        ("Infant discharged to foster mother Joy Akande with follow-up in clinic.", ["Joy Akande"]),
    ],
)
def test_a_childs_carer_after_a_placement_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "text",
    [
        # a placement and what the sentence goes on to say of it
        "Discharged to foster family, county to follow.",
        "Discharged to pre-adoptive family, doing well, follow up Monday.",
        "Placed with foster parent, stable.",
        "Discharged with foster parents who were taught CPR.\nDischarged to foster mother, will follow up.",
        "Discharged with foster parents, good feeding.",
    ],
)
def test_a_placements_words_that_name_no_one_are_kept_in_any_case(rules_only, text):
    for rendered in (text, text.upper(), text.lower()):
        result = rules_only.deidentify(rendered)
        assert result.text == rendered, [rendered[s.start:s.end] for s in result.spans]


NIGHT_NOTE = "Night events: febrile to 38.4, cultures sent and reviewed with the team.\n{line}\nPlan: repeat labs in the morning."


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a credential opening a line, what was done, then a count ("x1", "x2": times) or a bare "ext": no extension
        ("RN gave dose x1 at 0200.", "gave dose x1"),
        ("RN gave bolus x1", "gave bolus x1"),
        ("Tech drew blood x2", "drew blood x2"),
        ("MD saw baby x2", "saw baby x2"),
        ("PA saw baby x1", "saw baby x1"),
        ("RN rang bell x3", "rang bell x3"),
        ("RN gave dose ext 2 hrs", "gave dose ext 2 hrs"),
        ("RT held trial ext", "held trial ext"),
        # a pager's or an extension's number after words of what was done: no name either
        ("RN gave dose x4410", "gave dose"),
        ("RT held trial x-4410", "held trial"),
        ("Tech drew blood pager 4411", "drew blood"),
        ("MD saw baby pg 4411", "saw baby"),
    ],
)
def test_a_credentials_words_before_a_count_or_no_extension_are_kept_in_any_case(rules_only, line, kept):
    for case in (str, str.upper, str.lower):
        text = case(NIGHT_NOTE.format(line=line))
        assert case(kept) in rules_only.deidentify(text).text, rules_only.deidentify(text).text


def test_a_nurses_words_before_a_count_are_left_as_they_were(rules_only):
    for case in (str, str.upper, str.lower):
        text = case(NIGHT_NOTE.format(line="Nurse saw baby x2"))
        assert case("baby x2") in rules_only.deidentify(text).text, rules_only.deidentify(text).text


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # an extension of three digits or more, however written, after a clinician's name
        ("RN Jane Roe x4410", ["Jane Roe"]),
        ("RN Jane Roe x-4410", ["Jane Roe"]),
        ("RN Jane Roe ext 4410", ["Jane Roe"]),
        ("RN Jane Roe ext. 4410", ["Jane Roe"]),
        ("MD Violet Day pg 3-1760", ["Violet Day"]),
    ],
)
def test_a_clinicians_name_before_an_extension_is_removed_in_any_case(rules_only, line, phi):
    for text, values in renderings(NIGHT_NOTE.format(line=line), phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a surname that is a particle elsewhere, the last word before the pager: no further name word follows it
        ("MD Anh Le pager 4411", ["Anh Le"]),
        ("MD Hope Le pg 4411", ["Hope Le"]),
        ("RN Joy Le pg 4411", ["Joy Le"]),
        ("NP Hoa Di pager 4411", ["Hoa Di"]),
        ("Resident Omar El pager 5512", ["Omar El"]),
        ("MD Paul Van pg 4411", ["Paul Van"]),
    ],
)
def test_a_surname_that_is_a_particle_before_a_pager_is_removed_in_any_case(rules_only, line, phi):
    for text, values in renderings(NIGHT_NOTE.format(line=line), phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


NURSERY_NOTE = "Nursery note, day of life 1. Mother's labs reviewed with the team.\n{line}\nPlan: routine newborn care."


@pytest.mark.parametrize(
    "line",
    [
        # how the newborn is, before its label at a line's start, the line ending there or the sentence going on
        "White, baby boy",
        "Long, baby girl, 52 cm",
        "Short, baby boy",
        "Weak, baby boy crying weakly",
        "Alert, baby girl active and feeding",
        "Calm, baby boy",
        "Warm, baby girl",
        "Cold, baby boy, placed under warmer",
        "Big, baby boy, LGA",
        "Pale, baby boy",
        "Thin, baby boy",
        "Dusky, baby boy",
        "Head, baby boy",
        "Tone, baby girl",
    ],
)
def test_how_a_newborn_is_before_its_label_is_kept_in_any_case(rules_only, line):
    for case in (str, str.upper, str.lower):
        text = case(NURSERY_NOTE.format(line=line))
        result = rules_only.deidentify(text)
        assert case(line) in result.text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a family name that is also a word, before the newborn's label: alone on its line, or a header's field after it
        ("Good, Baby Girl", ["Good"]),
        ("Well, Baby Girl MRN 12345", ["Well"]),
        ("Healthy, baby girl", ["Healthy"]),
        ("Active, Baby Boy", ["Active"]),
        ("Sick, Baby Girl", ["Sick"]),
        # a clinical word as the family name where a header's field, a date or a column's gap follows the label
        ("White, Baby Boy  DOB 3/4/25", ["White"]),
        ("Pale, Baby Girl | Bed 4", ["Pale"]),
        ("Short, Baby Boy A 12/03/2024", ["Short"]),
    ],
)
def test_a_newborns_family_name_that_is_a_word_is_removed_by_the_lines_shape_in_any_case(rules_only, line, phi):
    for text, values in renderings(NURSERY_NOTE.format(line=line), phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # the ways a person is reached after a role and a name: a hospital phone's or a pager's word, an extension, a number sign
        ("Met with social worker Charity Banks vocera 40912 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks ascom 4410 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks spectra 4410 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks bleep 4410 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks pgr 4410 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks ext. 4410 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks x-4410 about housing.", ["Charity Banks"]),
        ("Met with social worker Charity Banks #4410 about housing.", ["Charity Banks"]),
        ("Night events reviewed.\nMD Violet Day vocera 4410", ["Violet Day"]),
        ("Night events reviewed.\nRN Hope Grant ascom 4410", ["Hope Grant"]),
        # a middle initial between the given name and the surname
        ("Met with social worker Charity J Banks pg 40912 about housing.", ["Charity J Banks"]),
        ("Met with social worker Faith R. Rivers pager 5512 today.", ["Faith R. Rivers"]),
    ],
)
def test_a_name_before_a_phones_or_a_pagers_number_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_roles_words_before_a_hospital_phones_number_are_kept_in_any_case(rules_only):
    for case in (str, str.upper, str.lower):
        text = case("Social worker said vocera 40912 is best. Case manager will call ascom 4410 when the bed is ready.")
        result = rules_only.deidentify(text).text
        assert case("said vocera") in result and case("will call ascom") in result, result


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a support person's field where the name does not close it: the sentence goes on, two given names, particles,
        # a second person
        ("Family meeting held.\nSupport person: Faith Oakes at bedside\nPlan: home Friday.", ["Faith Oakes"]),
        ("Family meeting held.\nSupport: Mary Ann Smith.\nPlan: home Friday.", ["Mary Ann Smith"]),
        ("Family meeting held.\nSupport person: Mercy Oakes and Carlos Ruiz.\nPlan: home Friday.", ["Mercy Oakes", "Carlos Ruiz"]),
        ("Family meeting held.\nSupport: Maria de la Cruz\nPlan: home Friday.", ["Maria de la Cruz"]),
    ],
)
def test_a_support_persons_name_that_does_not_close_the_field_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_support_fields_words_before_a_sentence_going_on_are_kept_in_any_case(rules_only):
    text = "Support: mother at bedside.\nSupport: Church Friends at bedside.\nSupport: husband and sister.\nSupport: pressors and fluids."
    for rendered in (text, text.upper(), text.lower()):
        result = rules_only.deidentify(rendered)
        assert result.text == rendered, [rendered[s.start:s.end] for s in result.spans]
