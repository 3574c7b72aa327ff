#!/usr/bin/env python3
"""Synthetic ICU / emergency-department clinical note generator.

Writes JSONL records with PHI spans ("phi") and protected clinical spans
("protected") annotated by exact character offsets.  Standard library only.

    python3 gen.py --seed S --n N --out FILE.jsonl
"""
import argparse
import datetime
import json
import random
import re
import sys

PHI_LABELS = ("NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION",
              "HOSPITAL", "ORGANIZATION", "CONTACT")
PROT_KINDS = ("MEASUREMENT", "FRACTION", "SETTING", "VITAL", "EPONYM",
              "DEVICE", "DRUG")


def _L(s):
    """Split a comma separated literal into a de-duplicated ordered list."""
    return list(dict.fromkeys(x.strip() for x in s.split(",") if x.strip()))


# --------------------------------------------------------------------------
# Surrogate lists (written for this program)
# --------------------------------------------------------------------------
GIVEN = _L("""
James,Mary,Robert,Patricia,John,Jennifer,Michael,Linda,William,Elizabeth,David,
Barbara,Richard,Susan,Joseph,Jessica,Thomas,Sarah,Charles,Karen,Christopher,
Nancy,Daniel,Lisa,Matthew,Betty,Anthony,Margaret,Mark,Sandra,Donald,Ashley,
Steven,Kimberly,Paul,Emily,Andrew,Donna,Joshua,Michelle,Kenneth,Dorothy,Kevin,
Carol,Brian,Amanda,George,Melissa,Edward,Deborah,Ronald,Stephanie,Timothy,
Rebecca,Harold,Lorraine,Marcus,Wendell,Earl,Mildred,Gladys,Ethel,Bernice,
Clarence,Vernon,Delores,Irene,Agnes,Eugene,Walter,Florence,Herbert,Myrtle,
Shirley,Russell,Norma,Wayne,Beverly,Dwayne,Tanisha,LaToya,DeShawn,Jamal,Keisha,
Siobhan,Niamh,Ciaran,Declan,Aoife,Padraig,Eamon,Fionnuala,Seamus,Brigid,Ailsa,
Hamish,Callum,Isla,Morag,Angus,Mairead,Oisin,Grainne,Lachlan,
Jose,Maria,Juan,Guadalupe,Alejandro,Ximena,Santiago,Camila,Luis,Carmen,Jorge,
Rosario,Francisco,Dolores,Rafael,Yesenia,Esperanza,Hector,Marisol,Joaquin,
Araceli,Maribel,Ignacio,Consuelo,
Joao,Goncalo,Ines,Tiago,Leonor,Rui,Filipa,Duarte,Conceicao,Manuel,
Amelie,Etienne,Guillaume,Solene,Thibault,Margaux,Benoit,Celine,Yves,Genevieve,
Joost,Anouk,Pieter,Sanne,Jurgen,Hannelore,Wolfgang,Liesel,Dieter,Greta,Klaus,
Friedrich,Maarten,Femke,
Giuseppe,Francesca,Salvatore,Giulia,Vincenzo,Chiara,Massimo,Rosaria,Luca,
Alessandra,Carmela,Domenico,
Krzysztof,Agnieszka,Wojciech,Malgorzata,Tomasz,Katarzyna,Grzegorz,Zofia,
Dmitri,Svetlana,Sergei,Natalya,Anatoly,Yekaterina,Vladimir,Olga,Nikolai,Tatiana,
Oksana,Taras,Mykola,Olena,Bohdan,Iryna,Yaroslav,Halyna,
Dimitrios,Eleni,Konstantinos,Georgia,Spyros,Panagiota,Theodoros,Athanasia,
Mehmet,Ayse,Emre,Zeynep,Mustafa,Elif,Burak,Fatma,
Mohammed,Fatima,Ahmed,Layla,Omar,Yasmin,Khalid,Noura,Tariq,Amira,Hassan,Rania,
Dariush,Shirin,Farhad,Parisa,Kourosh,Nasrin,Babak,Roya,
Oluwaseun,Adebayo,Folasade,Olumide,Temitope,Yetunde,Ayodele,Babatunde,
Chinedu,Ngozi,Chukwuemeka,Adaeze,Obinna,Chiamaka,Ifeanyi,Nkechi,
Kwame,Akosua,Kofi,Ama,Yaw,Abena,Kwabena,Efua,
Wanjiru,Kamau,Amani,Baraka,Njeri,Tesfaye,Alemayehu,Hiwot,Abdi,Hodan,Nyokabi,
Priya,Rajesh,Anjali,Sanjay,Lakshmi,Vikram,Deepika,Arjun,Sunita,Harpreet,
Gurpreet,Farhana,Imran,Venkatesh,
Wei,Xiaoming,Mei,Jian,Lihua,Zhiwei,Yan,Haoran,
Min-jun,Ji-woo,Seo-yeon,Hyun-woo,Eun-ji,Dong-hyun,
Nguyet,Thanh,Minh,Huong,Quang,Lan,Tuan,Phuong,
Hiroshi,Yuki,Kenji,Haruka,Takeshi,Sakura,Daisuke,Emiko,
Maricel,Rodrigo,Jocelyn,Bienvenido,Marilou,Jun,Rowena,Danilo,
Aiyana,Takoda,Winona,Chayton,Nizhoni,Ahanu,Kaya,
Bjorn,Ingrid,Sven,Astrid,Lars,Sigrid,Henrik,Solveig,Eero,Aino,
Hope,Joy,Faith,Grace,Autumn,Dawn,Summer,Amber,Rose,Iris,Hunter,Rusty,Sunny,
Will,Frank,Mercy,Honor,Pearl,Ruby,Hardy,Wolf
""")

# given names that read as female (others treated as male or unisex)
FEMALE = set(_L("""
Mary,Patricia,Jennifer,Linda,Elizabeth,Barbara,Susan,Jessica,Sarah,Karen,Nancy,Lisa,Betty,Margaret,
Sandra,Ashley,Kimberly,Emily,Donna,Michelle,Dorothy,Carol,Amanda,Melissa,Deborah,Stephanie,Rebecca,
Lorraine,Mildred,Gladys,Ethel,Bernice,Delores,Irene,Agnes,Florence,Myrtle,Shirley,Norma,Beverly,
Tanisha,LaToya,Keisha,Siobhan,Niamh,Aoife,Fionnuala,Brigid,Ailsa,Isla,Morag,Mairead,Grainne,Maria,
Guadalupe,Ximena,Camila,Carmen,Rosario,Dolores,Yesenia,Esperanza,Marisol,Araceli,Maribel,Consuelo,
Ines,Leonor,Filipa,Conceicao,Amelie,Solene,Margaux,Celine,Genevieve,Anouk,Sanne,Hannelore,Liesel,
Greta,Femke,Francesca,Giulia,Chiara,Rosaria,Alessandra,Carmela,Agnieszka,Malgorzata,Katarzyna,Zofia,
Svetlana,Natalya,Yekaterina,Olga,Tatiana,Oksana,Olena,Iryna,Halyna,Eleni,Georgia,Panagiota,Athanasia,
Ayse,Zeynep,Elif,Fatma,Fatima,Layla,Yasmin,Noura,Amira,Rania,Shirin,Parisa,Nasrin,Roya,Folasade,
Temitope,Yetunde,Ngozi,Adaeze,Chiamaka,Nkechi,Akosua,Ama,Abena,Efua,Wanjiru,Amani,Njeri,Hiwot,Hodan,
Nyokabi,Priya,Anjali,Lakshmi,Deepika,Sunita,Harpreet,Farhana,Mei,Lihua,Yan,Ji-woo,Seo-yeon,Eun-ji,
Nguyet,Huong,Lan,Phuong,Yuki,Haruka,Sakura,Emiko,Maricel,Jocelyn,Marilou,Rowena,Aiyana,Winona,
Nizhoni,Kaya,Ingrid,Astrid,Sigrid,Solveig,Aino,Hope,Joy,Faith,Grace,Autumn,Dawn,Summer,Amber,Rose,
Iris,Mercy,Honor,Pearl,Ruby,Sunny,Ayodele,Gurpreet
"""))
UNISEX = set(_L("Ayodele,Gurpreet,Sunny,Honor,Amani,Yuki,Kaya,Jun"))

SURNAMES = _L("""
Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Thomas,
Moore,Martin,Jackson,Thompson,White,Harris,Clark,Lewis,Robinson,Walker,Hall,
Allen,Wright,Hill,Green,Adams,Baker,Nelson,Carter,Mitchell,Roberts,Turner,
Phillips,Campbell,Parker,Evans,Edwards,Collins,Stewart,Morris,Hadley,Ellison,
Pemberton,Whitcombe,Ashworth,Thornbury,Haddock,Pickering,Sutcliffe,
McAllister,McGonagle,MacLeod,MacKenzie,McCarthy,O'Shaughnessy,O'Brien,
O'Donnell,O'Keefe,Fitzgerald,Gallagher,Kavanagh,Quigley,Donnelly,Muldoon,
Garcia,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Perez,Sanchez,Ramirez,
Torres,Flores,Rivera,Gomez,Diaz,Reyes,Morales,Cruz,Ortiz,Gutierrez,Chavez,
Ruiz,Herrera,Medina,Castillo,Jimenez,Vargas,Mendoza,Aguilar,
Silva,Santos,Oliveira,Pereira,Costa,Ferreira,Rodrigues,Almeida,Carvalho,
Goncalves,Medeiros,Furtado,
Dubois,Lefebvre,Moreau,Laurent,Girard,Fontaine,Rousseau,Beaulieu,Thibodeaux,
Gagnon,Archambault,
de la Fuente,de la Cruz,van der Berg,van Houten,von Arx,von Stein,da Silva,
da Costa,del Toro,del Rio,di Stefano,di Marco,al-Hashimi,al-Rashid,bin Rashid,
bin Yusof,ter Horst,ter Steeg,van Dijk,de Vries,de Groot,le Roux,
Schmidt,Schneider,Fischer,Weber,Becker,Hoffmann,Koch,Richter,Wagner,
Zimmermann,Brandt,Krueger,
Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,
Bruno,Gallo,Conti,Mancuso,Lombardi,
Kowalski,Nowak,Wisniewski,Wojcik,Kaminski,Lewandowski,Zielinski,Szymanski,
Dabrowski,Grabowski,
Ivanov,Petrov,Sokolov,Volkov,Smirnov,Kuznetsov,Popov,Morozov,
Shevchenko,Kovalenko,Bondarenko,Tkachenko,Kravchenko,Melnyk,Boyko,Oliynyk,
Papadopoulos,Georgiou,Nikolaidis,Konstantinou,Karagiannis,Vlachos,
Yilmaz,Kaya,Demir,Sahin,Celik,Ozturk,Aydin,Arslan,
Haddad,Khoury,Nasser,Saleh,Mansour,Farouk,Aziz,Hamdan,Darwish,Qureshi,
Tehrani,Hosseini,Rahimi,Karimi,Moradi,Jafari,Farahani,Sadeghi,
Adeyemi,Okonkwo,Oyelaran,Balogun,Adebayo,Ogunleye,Afolabi,Olatunji,
Eze,Nwosu,Okafor,Chukwu,Nnamdi,Obi,Onyekachi,Okoro,
Mensah,Boateng,Asante,Owusu,Appiah,Agyeman,Osei,Darko,
Mwangi,Kimani,Otieno,Odhiambo,Kiprop,Wanjala,Haile,Tadesse,Gebremariam,
Warsame,Abdullahi,
Patel,Sharma,Singh,Gupta,Reddy,Iyer,Nair,Chatterjee,Banerjee,Mukherjee,
Khan,Chowdhury,Rahman,Desai,Venkataraman,
Wang,Li,Zhang,Liu,Chen,Yang,Huang,Zhao,Wu,Zhou,Xu,Sun,
Kim,Lee,Park,Choi,Jung,Kang,Cho,Yoon,
Nguyen,Tran,Le,Pham,Hoang,Phan,Vu,Dang,Bui,
Tanaka,Watanabe,Suzuki,Takahashi,Yamamoto,Nakamura,Kobayashi,Sato,
Dela Rosa,Santiago,Bautista,Villanueva,Mercado,Macaraeg,Dimaculangan,
Begay,Yazzie,Tsosie,Redcloud,Whitehorse,Running Bear,Littlewolf,
Lindqvist,Johansson,Andersen,Haugen,Virtanen,Korhonen,Bergstrom,Halvorsen,
Hope,Frost,Bishop,Lane,Hardy,Wolf,Young,Rivers,Joy,Stone,Fox,Marsh,Park,Bell,
Wood,Hunter,Cook,Price,Strong,Bright,Little,Church,Gay,Moody,Sparrow,Winter,
Penny,Trout,Small,Rich
""")

SYL_A = _L("ka,lo,mer,thal,vin,dra,zo,bel,quin,sa,tor,mi,ren,ash,el,ny,ro,"
           "fen,gar,ul,bri,cas,dov,ema,hal,ir,jul,kes,lan,mor,nev,ost,pra")
SYL_B = _L("dell,rin,ova,ston,ack,enko,ard,ley,ani,eux,berg,ski,vik,wyn,oro,"
           "ette,ian,ssa,mont,ridge,ford,ay,ika,elle,uzo,ander")

KIN = _L("wife,husband,son,daughter,sister,brother,niece,nephew,granddaughter,"
         "grandson,partner,mother,father,cousin,girlfriend,boyfriend,"
         "daughter-in-law,son-in-law,stepdaughter,neighbor,friend,aunt,uncle")

TOWNS = _L("""
Brockton,Quincy,Lowell,Revere,Chelsea,Malden,Somerville,Framingham,Worcester,
Fall River,New Bedford,Lynn,Haverhill,Taunton,Attleboro,Dorchester,Roxbury,
Mattapan,Jamaica Plain,Hyde Park,East Boston,Charlestown,Brighton,Allston,
Waltham,Newton,Braintree,Weymouth,Plymouth,Marshfield,Gloucester,Salem,
Peabody,Methuen,Lawrence,Fitchburg,Leominster,Pittsfield,Springfield,Holyoke,
Chicopee,Northampton,Amherst,Nashua,Manchester,Concord,Portsmouth,Dover,
Keene,Burlington,Montpelier,Rutland,Bangor,Lewiston,Augusta,Biddeford,
Providence,Pawtucket,Woonsocket,Cranston,Warwick,Hartford,New Haven,Stamford,
Bridgeport,Waterbury,Albany,Syracuse,Utica,Buffalo,Rochester,Yonkers,Newark,
Paterson,Trenton,Camden,Scranton,Allentown,Erie,Pittsburgh,Harrisburg,
Baltimore,Wilmington,Richmond,Norfolk,Roanoke,Charlotte,Durham,Asheville,
Savannah,Macon,Tallahassee,Gainesville,Tampa,Orlando,Hialeah,Mobile,Jackson,
Memphis,Knoxville,Louisville,Lexington,Dayton,Toledo,Akron,Flint,Kalamazoo,
Gary,Peoria,Rockford,Duluth,Fargo,Sioux Falls,Omaha,Wichita,Tulsa,Amarillo,
Laredo,El Paso,Lubbock,Tucson,Flagstaff,Albuquerque,Las Cruces,Pueblo,Boise,
Spokane,Yakima,Eugene,Salem,Fresno,Modesto,Bakersfield,Oxnard,Stockton,Reno,
Anchorage,Fairbanks,Hilo,Kailua,San Juan,Ponce,Mayaguez,
Cork,Galway,Limerick,Sligo,Dundee,Inverness,Aberdeen,Leeds,Bristol,Norwich,
Porto,Braga,Coimbra,Praia,Mindelo,Lyon,Toulouse,Rennes,Utrecht,Groningen,
Leipzig,Dresden,Bremen,Naples,Palermo,Bari,Krakow,Gdansk,Lodz,Kharkiv,Lviv,
Odesa,Dnipro,Thessaloniki,Patras,Izmir,Bursa,Konya,Tabriz,Shiraz,Isfahan,
Beirut,Tripoli,Aleppo,Mosul,Ibadan,Enugu,Kumasi,Tamale,Nakuru,Kisumu,
Mombasa,Gondar,Hargeisa,Pune,Kochi,Ludhiana,Sylhet,Chittagong,Wuhan,Xiamen,
Daegu,Incheon,Da Nang,Hue,Can Tho,Osaka,Sendai,Cebu,Iloilo,Davao,Bergen,
Tromso,Uppsala,Tampere,Oulu,Quetzaltenango,Cobán,San Pedro Sula,Santa Ana,
Cap-Haitien,Jacmel,Santiago de los Caballeros,Puebla,Oaxaca,Cuenca,Arequipa,
Medellin,Cali,Kingston,Montego Bay,
Hollis Ridge,Ashbury Falls,Millbrook Junction,Cedar Hollow,Pennock,Quarry Hill,
Greywater,East Tarrow,Wexcombe,North Fenwick,Brantleigh,Coldspring Harbor,
Marlow Bend,Sutter's Crossing,Oakhaven,Lindell,Farrow Point,Kestrel Bay,
Dunmore Flats,Westholm,Bramwell,Pinecastle,Halloway,Rushmere,Tilbury Mills,
Averton,Clearbrook,Saxonville,Glen Tarrant,Emberly,Harwick,Stonebridge,
Vellmar Heights,Orrin Falls,Pelham Corners,Lisbourne,Caddo Springs,Wynnfield
""")

US_TOWNS = TOWNS[:TOWNS.index("Cork")]

NEIGHBORHOODS = _L("Fields Corner,Codman Square,Uphams Corner,Egleston Square,"
                   "the North End,Eastie,Brighton Center,Union Square,"
                   "Grove Hall,Mission Hill,Fort Hill,Ashmont,Savin Hill,"
                   "Four Corners,Highland Park,Maverick Square")

COUNTIES = _L("Plymouth County,Essex County,Bristol County,Middlesex County,"
              "Norfolk County,Hampden County,Worcester County,Suffolk County,"
              "Barnstable County,Cumberland County,Hillsborough County")

STATES = [("Massachusetts", "MA"), ("New Hampshire", "NH"), ("Rhode Island", "RI"),
          ("Maine", "ME"), ("Vermont", "VT"), ("Connecticut", "CT"),
          ("New York", "NY"), ("New Jersey", "NJ"), ("Florida", "FL"),
          ("Pennsylvania", "PA"), ("Ohio", "OH"), ("Texas", "TX"),
          ("California", "CA"), ("Georgia", "GA"), ("North Carolina", "NC")]

COUNTRIES = _L("Guatemala,Ukraine,Haiti,the Dominican Republic,El Salvador,"
               "Vietnam,Cape Verde,Brazil,Portugal,India,Nigeria,Ghana,Kenya,"
               "Ethiopia,Somalia,the Philippines,China,South Korea,Mexico,"
               "Honduras,Poland,Russia,Greece,Turkey,Iran,Lebanon,Syria,Iraq,"
               "Ireland,Italy,Jamaica,Peru,Colombia,Thailand,Egypt,Morocco,"
               "Puerto Rico,Bangladesh,Pakistan,Cambodia,Eritrea,Liberia,"
               "Trinidad,Ecuador,Nepal,Albania,Georgia,Armenia,Japan,Sweden")

STREET_BASE = _L("Maple,Oak,Elm,Washington,Adams,Lincoln,Centre,Highland,"
                 "Pleasant,Summer,Winter,Prospect,Blue Hill,Dudley,Geneva,"
                 "Bowdoin,Hancock,Columbia,Morton,Cummins,Walnut,Chestnut,"
                 "Cedar,Harbor,Bay View,Mill,Water,Church,School,Union,"
                 "Franklin,Jefferson,Lafayette,Kensington,Ashmont,Tremont,"
                 "Gallivan,Quarry,Old Colony,Pine Ridge,Sycamore,Willow,"
                 "Birch Hollow,Fenwick,Larkspur,Tanglewood,Hollis,Cobblestone")
STREET_SUF = _L("St,Street,Ave,Avenue,Rd,Road,Blvd,Ln,Lane,Dr,Drive,Way,Ct,"
                "Terrace,Pl,Circle,Pkwy,Hwy")

SAINTS = _L("Brigid,Anne,Jude,Vincent,Luke,Elizabeth,Joseph,Mary,Francis,"
            "Margaret,Catherine,Agnes,Raphael,Michael,Columba,Clare,Patrick")
FAC_WORDS = _L("Maple Crest,Hollis Valley,Riverside,North Shore,Cedar Ridge,"
               "Pine Haven,Harborview,Oak Knoll,Willow Bend,Brookside,"
               "Stonegate,Meadowbrook,Bayside,Fairhaven,Lakeview,Sunnyvale,"
               "Ashbury,Kingsfield,Greenleaf,Summit Hill,Whitestone,"
               "Silver Lake,Hawthorne,Evergreen,Briarwood,Glenmoor,Westfield,"
               "Elmhurst,Marlow,Tarrant Valley,Quarry Hill,Saxon Park")
FAC_TYPES = _L("Hospital,Medical Center,Clinic,Nursing Home,Rehab,House,"
               "Manor,Villa,Lodge,Hospice,Health,Care Center,Associates,"
               "Imaging,Rehabilitation Center,Skilled Nursing Facility,"
               "Community Hospital,Urgent Care,Health Center,Senior Living")
SPECIALTIES = _L("Cardiology,Pulmonary,Nephrology,Family Medicine,"
                 "Internal Medicine,Orthopedics,Gastroenterology,Oncology,"
                 "Urology,Neurology,Pediatrics,Primary Care")

ORG_PAT_WORDS = _L("Marine Works,Roofing,Construction,Logistics,Foods,"
                   "Trucking,Paper Mill,Textiles,Tool & Die,Plumbing,"
                   "Insurance,Auto Body,Landscaping,Bakery,Electric,"
                   "Seafood,Printing,Machine Shop,Realty,Diner")
JOBS = _L("welder,electrician,nurse's aide,bus driver,teacher,cook,"
          "line cook,carpenter,mechanic,CNA,warehouse worker,truck driver,"
          "accountant,machinist,fisherman,home health aide,janitor,"
          "security guard,cashier,roofer,pipefitter,dental hygienist,"
          "software engineer,postal worker,landscaper,hairdresser")

EMAIL_DOM = _L("gmail.com,yahoo.com,hotmail.com,aol.com,comcast.net,"
               "verizon.net,outlook.com,icloud.com,protonmail.com")

# --------------------------------------------------------------------------
# Clinical (protected) vocabularies
# --------------------------------------------------------------------------
# generic, brand, dose choices, unit, routes, freqs
DRUGS = [
    ("furosemide", "Lasix", ["20", "40", "80", "120"], "mg", ["IV", "PO"], ["BID", "daily", "x1", "q12h"]),
    ("vancomycin", "Vancocin", ["1", "1.25", "1.5"], "g", ["IV"], ["q12h", "q24h", "q8h"]),
    ("piperacillin-tazobactam", "Zosyn", ["3.375", "4.5"], "g", ["IV"], ["q6h", "q8h"]),
    ("cefepime", "Maxipime", ["1", "2"], "g", ["IV"], ["q8h", "q12h"]),
    ("ceftriaxone", "Rocephin", ["1", "2"], "g", ["IV"], ["q24h", "daily"]),
    ("azithromycin", "Zithromax", ["250", "500"], "mg", ["PO", "IV"], ["daily"]),
    ("metoprolol tartrate", "Lopressor", ["12.5", "25", "50"], "mg", ["PO"], ["BID", "q6h"]),
    ("apixaban", "Eliquis", ["2.5", "5"], "mg", ["PO"], ["BID"]),
    ("enoxaparin", "Lovenox", ["40", "60", "80"], "mg", ["SC"], ["daily", "q12h"]),
    ("heparin", "heparin", ["5000"], "units", ["SC"], ["q8h", "q12h"]),
    ("pantoprazole", "Protonix", ["40"], "mg", ["IV", "PO"], ["daily", "BID"]),
    ("insulin glargine", "Lantus", ["10", "14", "22", "30"], "units", ["SC"], ["qHS", "daily"]),
    ("insulin lispro", "Humalog", ["2", "4", "6"], "units", ["SC"], ["AC", "TID with meals"]),
    ("acetaminophen", "Tylenol", ["650", "1000"], "mg", ["PO", "PR"], ["q6h PRN", "q8h"]),
    ("oxycodone", "Roxicodone", ["5", "10"], "mg", ["PO"], ["q4h PRN"]),
    ("hydromorphone", "Dilaudid", ["0.2", "0.5", "1"], "mg", ["IV"], ["q3h PRN", "q2h PRN"]),
    ("lorazepam", "Ativan", ["0.5", "1", "2"], "mg", ["IV", "PO"], ["q4h PRN", "x1"]),
    ("haloperidol", "Haldol", ["1", "2", "5"], "mg", ["IV", "IM"], ["x1", "q6h PRN"]),
    ("atorvastatin", "Lipitor", ["40", "80"], "mg", ["PO"], ["daily", "qHS"]),
    ("aspirin", "Ecotrin", ["81", "325"], "mg", ["PO"], ["daily"]),
    ("clopidogrel", "Plavix", ["75"], "mg", ["PO"], ["daily"]),
    ("lisinopril", "Zestril", ["5", "10", "20"], "mg", ["PO"], ["daily"]),
    ("amlodipine", "Norvasc", ["5", "10"], "mg", ["PO"], ["daily"]),
    ("levetiracetam", "Keppra", ["500", "750", "1000"], "mg", ["IV", "PO"], ["BID"]),
    ("ondansetron", "Zofran", ["4", "8"], "mg", ["IV", "PO"], ["q8h PRN"]),
    ("albuterol", "ProAir", ["2.5"], "mg", ["neb"], ["q4h", "q2h PRN"]),
    ("ipratropium", "Atrovent", ["0.5"], "mg", ["neb"], ["q6h"]),
    ("methylprednisolone", "Solu-Medrol", ["40", "60", "125"], "mg", ["IV"], ["q8h", "daily"]),
    ("prednisone", "Deltasone", ["20", "40", "60"], "mg", ["PO"], ["daily"]),
    ("metformin", "Glucophage", ["500", "1000"], "mg", ["PO"], ["BID"]),
    ("levothyroxine", "Synthroid", ["50", "75", "88", "112"], "mcg", ["PO"], ["daily"]),
    ("warfarin", "Coumadin", ["2", "2.5", "5"], "mg", ["PO"], ["daily", "qPM"]),
    ("potassium chloride", "K-Dur", ["20", "40"], "mEq", ["PO", "IV"], ["x1", "BID"]),
    ("magnesium sulfate", "magnesium", ["2"], "g", ["IV"], ["x1"]),
    ("sertraline", "Zoloft", ["50", "100"], "mg", ["PO"], ["daily"]),
    ("quetiapine", "Seroquel", ["25", "50"], "mg", ["PO"], ["qHS", "BID PRN"]),
    ("tamsulosin", "Flomax", ["0.4"], "mg", ["PO"], ["qHS"]),
    ("gabapentin", "Neurontin", ["100", "300"], "mg", ["PO"], ["TID", "qHS"]),
    ("thiamine", "thiamine", ["100", "500"], "mg", ["IV", "PO"], ["daily", "TID"]),
    ("ceftazidime", "Fortaz", ["2"], "g", ["IV"], ["q8h"]),
    ("meropenem", "Merrem", ["1"], "g", ["IV"], ["q8h"]),
    ("amiodarone", "Pacerone", ["200", "400"], "mg", ["PO"], ["daily", "BID"]),
    ("diltiazem", "Cardizem", ["30", "60"], "mg", ["PO"], ["q6h"]),
    ("docusate", "Colace", ["100"], "mg", ["PO"], ["BID"]),
    ("senna", "Senokot", ["8.6", "17.2"], "mg", ["PO"], ["qHS"]),
]
DRIPS = [("norepinephrine", "Levophed", ["0.04", "0.08", "0.12", "0.2"], "mcg/kg/min"),
         ("propofol", "Diprivan", ["20", "30", "40", "50"], "mcg/kg/min"),
         ("fentanyl", "Sublimaze", ["25", "50", "75", "100"], "mcg/hr"),
         ("dexmedetomidine", "Precedex", ["0.2", "0.4", "0.7", "1.2"], "mcg/kg/hr"),
         ("vasopressin", "Vasostrict", ["0.03", "0.04"], "units/min"),
         ("insulin", "insulin", ["2", "4", "6", "8"], "units/hr"),
         ("heparin", "heparin", ["900", "1100", "1250", "1400"], "units/hr"),
         ("midazolam", "Versed", ["1", "2", "4"], "mg/hr"),
         ("nicardipine", "Cardene", ["2.5", "5", "7.5"], "mg/hr"),
         ("phenylephrine", "Neo-Synephrine", ["0.5", "1", "1.5"], "mcg/kg/min"),
         ("esmolol", "Brevibloc", ["50", "100"], "mcg/kg/min")]

DEVICES = _L("PICC,PICC line,ETT,NG tube,OGT,OG tube,Port-a-Cath,AICD,Impella,"
             "chest tube,pacemaker leads,sternotomy wires,central line,"
             "arterial line,A-line,R IJ CVC,L subclavian CVC,trach,PEG tube,"
             "rectal tube,pigtail catheter,IABP,HD catheter,Quinton catheter,"
             "ICD,LVAD,peripheral IV,18g PIV,BiPAP mask,nasal trumpet,"
             "JP drain,suprapubic catheter,ECMO cannula,Blakemore tube,"
             "permacath,condom catheter,bair hugger,SCDs")
EPONYMS = _L("Kerley B lines,Swan-Ganz catheter,Foley,Dobhoff,Hickman,"
             "Pancoast tumor,Valsalva,Hampton hump,Westermark sign,Mallampati,"
             "Glasgow,Parkinson disease,Graves disease,Babinski,Murphy sign,"
             "Homans sign,Cushing triad,Kussmaul respirations,"
             "Cheyne-Stokes respirations,Trendelenburg,Hashimoto thyroiditis,"
             "Wernicke encephalopathy,Guillain-Barre syndrome,Crohn disease,"
             "Addison disease,Brudzinski sign,Kernig sign,Allen test,"
             "Mallory-Weiss tear,Charcot foot,Austin Flint murmur,Minnesota tube,"
             "Sengstaken-Blakemore tube,Alzheimer dementia,Bell palsy,"
             "Takotsubo cardiomyopathy,Ranson criteria,Wells score,Hartmann pouch,"
             "Whipple procedure,Nissen fundoplication,Roux-en-Y,Stevens-Johnson syndrome")

DX = _L("septic shock,urosepsis,CHF exacerbation,COPD exacerbation,DKA,"
        "upper GI bleed,lower GI bleed,community-acquired pneumonia,"
        "aspiration pneumonia,NSTEMI,STEMI,AKI on CKD,hyperkalemia,"
        "hyponatremia,alcohol withdrawal,acute hypoxic respiratory failure,"
        "hypercarbic respiratory failure,PE,SBO,pancreatitis,cholangitis,"
        "status epilepticus,ICH,ischemic stroke,hip fracture s/p fall,"
        "syncope,AFib with RVR,SVT,overdose,anaphylaxis,cellulitis,"
        "C diff colitis,hepatic encephalopathy,SAH,rhabdomyolysis")
PMH = _L("HTN,HLD,DM2,CAD s/p CABG,CHF (EF 30%),COPD on home O2,CKD stage 3,"
         "AFib on anticoagulation,OSA on CPAP,hypothyroidism,GERD,BPH,"
         "depression,anxiety,dementia,prior CVA,PVD,cirrhosis,EtOH use disorder,"
         "asthma,ESRD on HD,breast cancer s/p lumpectomy,prostate cancer,"
         "seizure disorder,gout,osteoporosis,obesity")
CC = _L("shortness of breath,chest pain,fall,altered mental status,fever,"
        "abdominal pain,weakness,syncope,hematemesis,melena,palpitations,"
        "cough,headache,seizure,dizziness,back pain,leg swelling,vomiting,"
        "unresponsive,hypoglycemia,SI,intoxication,laceration to forehead")


# --------------------------------------------------------------------------
# Text builder with exact span bookkeeping
# --------------------------------------------------------------------------
class Doc:
    """Appends pieces; a piece is plain text or a (LABEL_or_KIND, value) pair.

    A third element True in the pair keeps the value's case even in an
    all-upper / all-lower document (not used for upper docs of old RIS)."""

    def __init__(self, rng, case="mixed", phi_ok=True, noise=0.0):
        self.rng = rng
        self.case = case
        self.phi_ok = phi_ok
        self.noise = noise
        self.buf = []
        self.n = 0
        self.phi = []
        self.prot = []

    def _c(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        return s

    def _noisy(self, s):
        r = self.rng
        if not self.noise or len(s) < 14 or r.random() >= self.noise:
            return s
        idx = [i for i, ch in enumerate(s) if ch == " " and 0 < i < len(s) - 1
               and s[i - 1] not in " \n" and s[i + 1] not in " \n"]
        x = r.random()
        if x < 0.45 and idx:
            i = r.choice(idx)
            return s[:i] + "  " + s[i + 1:]
        if x < 0.70 and idx:
            i = r.choice(idx)
            return s[:i] + "\n" + s[i + 1:]
        words = list(re.finditer(r"[a-z]{6,}", s))
        if words:
            m = r.choice(words)
            w = m.group()
            j = r.randrange(1, len(w) - 2)
            w2 = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            return s[:m.start()] + w2 + s[m.end():]
        return s

    def _raw(self, s):
        self.buf.append(s)
        self.n += len(s)

    def add(self, *pieces):
        for p in pieces:
            if p is None or p == "":
                continue
            if isinstance(p, str):
                self._raw(self._noisy(self._c(p)))
                continue
            lab, val = p[0], p[1]
            keep = len(p) > 2 and p[2] and self.case != "upper"
            v = val if keep else self._c(val)
            if v != v.strip() or not v:
                raise ValueError("bad span value %r" % v)
            start = self.n
            self._raw(v)
            if lab in PHI_LABELS:
                if not self.phi_ok:
                    raise ValueError("PHI in a no-PHI document: %r" % v)
                self.phi.append({"start": start, "end": self.n, "label": lab})
            elif lab in PROT_KINDS:
                self.prot.append({"start": start, "end": self.n, "kind": lab})
            else:
                raise ValueError("unknown label " + lab)
        return self

    def text(self):
        return "".join(self.buf)


# --------------------------------------------------------------------------
# Surrogate value generators
# --------------------------------------------------------------------------
class Person:
    def __init__(self, first, last, middle, sex):
        self.first, self.last, self.middle, self.sex = first, last, middle, sex


def invented_name(r):
    s = r.choice(SYL_A) + (r.choice(SYL_A) if r.random() < 0.3 else "") + r.choice(SYL_B)
    return s.capitalize()


def make_surname(r):
    x = r.random()
    if x < 0.07:
        return invented_name(r)
    if x < 0.13:
        a, b = r.choice(SURNAMES), r.choice(SURNAMES)
        if " " not in a and " " not in b and a != b:
            return a + "-" + b
    if x < 0.19:
        # Hispanic paternal + maternal surnames
        hisp = SURNAMES[SURNAMES.index("Garcia"):SURNAMES.index("Aguilar") + 1]
        a, b = r.sample(hisp, 2)
        return a + (" y " if r.random() < 0.1 else " ") + b
    return r.choice(SURNAMES)


def make_person(r, sex=None):
    sex = sex or r.choice("MF")
    if r.random() < 0.05:
        first = invented_name(r)
    else:
        pool = [g for g in GIVEN if (g in FEMALE) == (sex == "F") or g in UNISEX]
        first = r.choice(pool)
    middle = r.choice("ABCDEFGHJKLMNPRSTW")
    return Person(first, make_surname(r), middle, sex)


def initials(p, dots=True):
    a, b = p.first[0].upper(), p.last.replace("de ", "").replace("van ", "")[0].upper()
    return a + "." + b + "." if dots else a + b


def rand_date(r, y0, y1):
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 28).toordinal()
    return datetime.date.fromordinal(r.randint(a, b))


MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fmt_date(r, d, style=None):
    styles = ["mdY", "mdY", "mdy_dash", "md_y", "iso", "dmY_dot", "long",
              "long", "dMonY", "mon_th", "weekday", "dd-Mon-YYYY", "mdY_nopad",
              "Mon_d_Y"]
    style = style or r.choice(styles)
    M = MONTHS[d.month - 1]
    if style == "mdY":
        return d.strftime("%m/%d/%Y")
    if style == "mdY_nopad":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if style == "mdy_dash":
        return "%d-%d-%02d" % (d.month, d.day, d.year % 100)
    if style == "md_y":
        return "%d/%d/%02d" % (d.month, d.day, d.year % 100)
    if style == "iso":
        return d.isoformat()
    if style == "dmY_dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return "%s %d, %d" % (M, d.day, d.year)
    if style == "dMonY":
        return "%d %s %d" % (d.day, M[:3], d.year)
    if style == "mon_th":
        return "%s %s" % (M[:3], ordinal(d.day))
    if style == "weekday":
        return "%s, %s %d, %d" % (d.strftime("%A").upper(), M.upper(), d.day, d.year)
    if style == "dd-Mon-YYYY":
        return "%02d-%s-%d" % (d.day, M[:3], d.year)
    if style == "Mon_d_Y":
        return "%s %d %d" % (M[:3], d.day, d.year)
    if style == "md":
        return "%d/%d" % (d.month, d.day)
    if style == "month_year":
        return r.choice(["%d/%02d" % (d.month, d.year % 100), "%s %d" % (M, d.year),
                         "%s-%02d" % (M[:3], d.year % 100), "%02d/%d" % (d.month, d.year)])
    raise ValueError(style)


def fmt_time(r, hh=None, mm=None):
    hh = r.randrange(24) if hh is None else hh
    mm = r.choice([0, 5, 10, 15, 20, 30, 40, 45, r.randrange(60)]) if mm is None else mm
    x = r.random()
    if x < 0.35:
        return "%02d:%02d" % (hh, mm)
    if x < 0.65:
        return "%02d%02d" % (hh, mm)
    h12 = hh % 12 or 12
    ap = "AM" if hh < 12 else "PM"
    if x < 0.8:
        return "%d:%02d %s" % (h12, mm, ap)
    if x < 0.9:
        return "%d:%02d%s" % (h12, mm, ap.lower())
    return "%d:%02d" % (hh, mm)


def area(r):
    return "%d%d%d" % (r.randint(2, 9), r.randint(0, 9), r.randint(0, 9))


def phone(r, kind=None):
    a, e, n = area(r), "%d%02d" % (r.randint(2, 9), r.randrange(100)), "%04d" % r.randrange(10000)
    if r.random() < 0.2:
        e = "555"
    kind = kind or r.choice(["paren", "dot", "dash", "short", "paren", "dash", "plain"])
    if kind == "paren":
        return "(%s) %s-%s" % (a, e, n)
    if kind == "dot":
        return "%s.%s.%s" % (a, e, n)
    if kind == "dash":
        return "%s-%s-%s" % (a, e, n)
    if kind == "short":
        return "%s-%s" % (e, n)
    if kind == "plain":
        return "%s%s%s" % (a, e, n)
    raise ValueError(kind)


def pager_no(r):
    return r.choice(["%05d" % r.randrange(10000, 99999), "%04d" % r.randrange(1000, 9999),
                     "%d-%04d" % (r.randint(1, 9), r.randrange(10000))])


def ext_no(r):
    return r.choice(["%d-%04d" % (r.randint(2, 8), r.randrange(10000)),
                     "%05d" % r.randrange(10000, 99999), "%04d" % r.randrange(1000, 9999)])


def digits(r, n):
    return "".join(str(r.randrange(10)) for _ in range(n))


def letters(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))


def mrn(r):
    return r.choice([digits(r, 7), digits(r, 8), "00" + digits(r, 6),
                     digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 2),
                     letters(r, 1) + digits(r, 7)])


def any_id(r):
    """(cue, value) for a record number of some kind."""
    c = r.choice(["acc", "ssn", "acct", "enc", "order", "ins", "lic", "serial",
                  "nhs", "card", "fin"])
    if c == "acc":
        return r.choice(["Accession #", "Acc:", "ACC#"]), r.choice(
            [letters(r, 2) + digits(r, 8), digits(r, 4) + "-" + digits(r, 6), "E" + digits(r, 9)])
    if c == "ssn":
        return r.choice(["SSN:", "SS#", "Social:"]), "%s-%s-%s" % (digits(r, 3), digits(r, 2), digits(r, 4))
    if c == "acct":
        return r.choice(["Acct #", "Account:", "Acct:"]), digits(r, r.choice([8, 9, 10]))
    if c == "enc":
        return r.choice(["Enc #", "Encounter:", "CSN"]), digits(r, r.choice([9, 10]))
    if c == "order":
        return r.choice(["Order #", "Ord#", "Req #"]), digits(r, 8)
    if c == "ins":
        return r.choice(["Member ID:", "Ins ID", "Policy #", "MassHealth ID"]), letters(r, 3) + digits(r, 9)
    if c == "lic":
        return r.choice(["DL#", "Driver's license", "Lic #"]), letters(r, 1) + digits(r, 8)
    if c == "serial":
        return r.choice(["SN", "Serial #", "device serial"]), letters(r, 3) + digits(r, 6) + letters(r, 1)
    if c == "nhs":
        return "NHS no.", "%s %s %s" % (digits(r, 3), digits(r, 3), digits(r, 4))
    if c == "card":
        return "Health card", "%s-%s-%s-%s" % (digits(r, 4), digits(r, 3), digits(r, 3), letters(r, 2))
    return r.choice(["FIN", "Visit #", "HAR"]), digits(r, 10)


def street(r):
    return r.choice(STREET_BASE) + " " + r.choice(STREET_SUF)


def town(r):
    return r.choice(TOWNS)


def facility(r):
    x = r.random()
    w = r.choice(FAC_WORDS)
    if x < 0.12:
        return "St. %s's" % r.choice(SAINTS) + r.choice(["", " Hospital", " Medical Center"])
    if x < 0.22:
        return w  # no facility word at all
    if x < 0.32:
        return "%s %s Associates" % (r.choice(FAC_WORDS + TOWNS[:60]), r.choice(SPECIALTIES))
    if x < 0.42:
        return "%s %s" % (r.choice(TOWNS[:120]), r.choice(["General Hospital", "Hospital",
                                                           "Medical Center", "Community Hospital",
                                                           "Health Center", "Imaging"]))
    if x < 0.5:
        return "%s %s" % (r.choice(SURNAMES[:60]), r.choice(["House", "Manor", "Lodge", "Clinic"]))
    if x < 0.55:
        return "Villa " + r.choice(["Rosa", "Serena", "Maria", "Marin", "Angela"])
    return "%s %s" % (w, r.choice(FAC_TYPES))


def nursing_facility(r):
    w = r.choice(FAC_WORDS)
    return "%s %s" % (w, r.choice(["Nursing Home", "Manor", "Rehab", "Care Center", "Senior Living",
                                   "Skilled Nursing Facility", "Lodge", "Villa", "House",
                                   "Rehabilitation Center", "Assisted Living"]))


def ward(r):
    return "%s %d" % (r.choice(["Ellison", "Baker", "Phillips", "White", "Blake", "Bigelow",
                                "Lunder", "Farnsworth", "Stoneman", "Reisman", "Shapiro",
                                "Tower", "Feldberg", "Rabb", "Gray", "Wang", "Yawkey"]),
                      r.randint(2, 19))


def organization(r):
    x = r.random()
    if x < 0.35:
        return "%s %s" % (r.choice(SURNAMES[:150]), r.choice(ORG_PAT_WORDS))
    if x < 0.5:
        return "%s %s" % (r.choice(["Lincoln", "Jefferson", "Holmes", "Garfield", "Hawthorne",
                                    "Kennedy", "Tobin", "Murphy", "Mather", "Ellis"]),
                          r.choice(["Elementary", "Middle School", "High School", "Academy"]))
    if x < 0.62:
        return r.choice(["St. %s Parish" % r.choice(SAINTS),
                         "%s Baptist Church" % r.choice(TOWNS[:80]),
                         "Temple Beth %s" % r.choice(["Shalom", "El", "Israel"]),
                         "%s Mosque" % r.choice(TOWNS[:80]),
                         "Iglesia %s" % r.choice(["La Roca", "Bethel", "Pentecostal Fuente de Vida"])])
    if x < 0.75:
        return "%s %s" % (r.choice(TOWNS[:100]), r.choice(["Public Schools", "Fire Department",
                                                           "Police Department", "Housing Authority",
                                                           "Water Department", "Community College"]))
    return r.choice(["Kessler Marine Works", "Brightline Logistics", "Harbor Freightways",
                     "Ocean Spray", "Northfield Plastics", "Delmonte Cleaning Services",
                     "Quarry Hill Dairy", "Tri-County Transit", "Fenwick Shipyard",
                     "Pioneer Valley Growers", "Atlas Moving", "Sunrise Home Health",
                     "Corbett Precision", "Greenleaf Grocers", "Mercado Esperanza"])


def church(r):
    return r.choice(["St. %s Parish" % r.choice(SAINTS), "%s Baptist Church" % r.choice(US_TOWNS),
                     "First Congregational Church of %s" % r.choice(US_TOWNS),
                     "Iglesia %s" % r.choice(["La Roca", "Bethel", "Fuente de Vida"]),
                     "Temple Beth %s" % r.choice(["Shalom", "El", "Israel"]), "%s Islamic Center" % r.choice(US_TOWNS),
                     "Holy %s Greek Orthodox Church" % r.choice(["Trinity", "Cross", "Annunciation"])])


def email(r, p):
    f, l = p.first.lower().replace(" ", ""), re.sub(r"[^a-z]", "", p.last.lower())
    u = r.choice([f + "." + l, f[0] + l, l + f[0] + digits(r, 2), f + "_" + l + digits(r, 2)])
    return u + "@" + r.choice(EMAIL_DOM)


def age_words(a):
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    if a >= 100:
        rest = a - 100
        return "one hundred" + ("" if rest == 0 else " and " + ones[rest])
    return "ninety" + ("" if a == 90 else "-" + ones[a - 90])


# --------------------------------------------------------------------------
# Piece helpers (return lists of pieces for Doc.add)
# --------------------------------------------------------------------------
def pron(sex):
    return ("he", "his", "him") if sex == "M" else ("she", "her", "her")


def age_sex(r, age, sex):
    noun = r.choice(["man", "male", "gentleman"]) if sex == "M" else r.choice(["woman", "female", "lady"])
    a = str(age)
    big = age >= 90
    def A(v):
        return ("AGE", v) if big else v
    x = r.random()
    if x < 0.25:
        return [A(a), r.choice([" yo ", " y/o ", " yo", "yo "]).rstrip() + " " + sex]
    if x < 0.4:
        return [A(a), sex]
    if x < 0.55:
        return [A(a), r.choice(["-year-old ", " year old ", " y.o. "]) + noun]
    if x < 0.65 and big:
        return [A(age_words(age)), r.choice([" year old ", "-year-old ", " y/o "]) + noun]
    if x < 0.72 and 90 <= age < 100:
        return [noun + " in " + pron(sex)[1] + " ", A("90s")]
    if x < 0.72 and not big:
        return [noun + " in " + pron(sex)[1] + " %d0s" % (age // 10)]
    return [A(a), " y/o " + noun]


def name_full(p):
    return p.first + " " + p.last


def hdr_name(r, p):
    """LAST, FIRST / LAST, FIRST M header forms."""
    last, first = p.last.upper() if r.random() < 0.7 else p.last, p.first.upper() if r.random() < 0.7 else p.first
    x = r.random()
    if x < 0.45:
        return [("NAME", last), ", ", ("NAME", first)]
    if x < 0.8:
        return [("NAME", last), ", ", ("NAME", first + " " + p.middle)]
    if x < 0.9:
        return [("NAME", last), ",", ("NAME", first)]
    return [("NAME", p.first + " " + p.middle + ". " + p.last)]


def staff_ref(r, s, role="md", lower=None):
    """A reference to a staff member typed quickly. Returns pieces."""
    lower = (r.random() < 0.35) if lower is None else lower
    L = (lambda v: ("NAME", v.lower(), True)) if lower else (lambda v: ("NAME", v))
    if role == "md":
        x = r.random()
        if x < 0.3:
            return ["dr " if lower else "Dr. ", L(s.last)]
        if x < 0.4:
            return ["Dr.", L(s.last)]
        if x < 0.55:
            return ["Dr. ", L(s.first + " " + s.last)]
        if x < 0.7:
            return [L(s.first + " " + s.last), ", MD"]
        if x < 0.8:
            return ["dr. " if lower else "Dr ", L(s.first[0] + ". " + s.last)]
        if x < 0.9:
            return [L(s.last), " (attending)"]
        return ["DR " , ("NAME", s.last.upper())]
    if role == "rn":
        return r.choice([["RN ", L(s.last)], ["Nurse ", L(s.last)], [L(s.first), " RN"],
                         [L(s.first + " " + s.last), ", RN"], ["rn " , ("NAME", s.first.lower(), True)]])
    if role == "rt":
        return r.choice([["RT ", L(s.last)], [L(s.first + " " + s.last), ", RRT"], [L(s.first), " (RT)"]])
    if role == "pa":
        return r.choice([["PA ", L(s.last)], ["NP ", L(s.first)], [L(s.first + " " + s.last), ", PA-C"],
                         [L(s.first + " " + s.last), ", NP"]])
    if role == "sw":
        return r.choice([["SW ", L(s.last)], [L(s.first + " " + s.last), ", LICSW"], ["social worker ", L(s.first)]])
    if role == "res":
        return r.choice([["resident ", L(s.first + " " + s.last)], ["Dr. ", L(s.last), " (PGY-2)"],
                         ["covering resident ", L(s.first)], ["dr ", L(s.last)]])
    raise ValueError(role)


MALE_KIN = ("husband", "son", "brother", "nephew", "grandson", "father", "boyfriend", "son-in-law", "uncle")
FEMALE_KIN = ("wife", "daughter", "sister", "niece", "granddaughter", "mother", "girlfriend", "daughter-in-law",
              "stepdaughter", "aunt")


def kin_sex(k):
    return "M" if k in MALE_KIN else "F" if k in FEMALE_KIN else None


def kin_ref(r, kin, p, case_mode="mixed"):
    """'her son marcus', 'WIFE LORRAINE', 'daughter Anne Smith'."""
    x = r.random()
    if x < 0.3:
        return [kin + " ", ("NAME", p.first.lower(), True)]
    if x < 0.45:
        return [kin.upper() + " ", ("NAME", p.first.upper())]
    if x < 0.75:
        return [kin + " ", ("NAME", p.first)]
    if x < 0.9:
        return [kin + " ", ("NAME", p.first + " " + p.last)]
    return [kin + " (", ("NAME", p.first), ")"]


def sig_block(r, s, role_word, date=None, with_pager=True):
    pcs = []
    x = r.random()
    if x < 0.3:
        pcs += ["\n\n", ("NAME", s.first + " " + s.last), ", " + role_word + "\n"]
    elif x < 0.5:
        pcs += ["\n\n-- ", ("NAME", initials(s, dots=r.random() < 0.5)), "\n"]
    elif x < 0.7:
        pcs += ["\n\nElectronically signed by: ", ("NAME", s.last.upper()), ", ",
                ("NAME", s.first.upper() + " " + s.middle), " " + role_word]
        if date:
            pcs += [" on ", ("DATE", date[0]), " at ", ("TIME", date[1])]
        pcs += ["\n"]
    elif x < 0.85:
        pcs += ["\n\n", ("NAME", s.first[0] + ". " + s.last), " " + role_word + "\n"]
    else:
        pcs += ["\n\nsigned ", ("NAME", s.last.lower(), True), " " + role_word.lower() + "\n"]
    if with_pager and r.random() < 0.6:
        pcs += [r.choice(["Pager #", "pg ", "Pager: ", "beeper ", "p"]), ("PHONE", pager_no(r)), "\n"]
    return pcs


def vitals(r, n=None, labelled=True):
    items = []
    t = r.choice(["T %.1f" % r.uniform(35.8, 39.9), "Tmax %.1f" % r.uniform(37.0, 40.1),
                  "T %.1fF" % r.uniform(97.0, 103.5), "Temp %.1f" % r.uniform(36.0, 39.5)])
    hr = r.randint(48, 145)
    hrs = r.choice(["HR %d" % hr, "HR %d-%d" % (hr, hr + r.randint(5, 25)), "P %d" % hr, "HR: %d" % hr])
    sb = r.randint(78, 190)
    bps = r.choice(["BP %d/%d" % (sb, r.randint(40, 105)), "BP %d/%d" % (sb, r.randint(40, 105)),
                    "SBP %d-%d" % (sb, sb + r.randint(8, 30)), "BP: %d/%d" % (sb, r.randint(40, 100))])
    rr = r.randint(10, 34)
    rrs = r.choice(["RR %d" % rr, "RR %d-%d" % (rr, rr + r.randint(2, 8)), "R %d" % rr])
    sp = r.randint(84, 100)
    items.append([("VITAL", t)])
    items.append([("VITAL", hrs)])
    items.append([("VITAL", bps)] + ([" (", ("VITAL", "MAP %d" % r.randint(55, 95)), ")"] if r.random() < 0.25 else []))
    items.append([("VITAL", rrs)])
    o2 = r.choice([["RA"], [("MEASUREMENT", "%dL NC" % r.randint(1, 6))], [("MEASUREMENT", "%d L NC" % r.randint(1, 6))],
                   [("MEASUREMENT", "15L NRB")], [("MEASUREMENT", "%d%% FM" % r.choice([35, 40, 50]))],
                   ["vent"], ["BiPAP"], [("MEASUREMENT", "%dL HFNC" % r.choice([30, 40, 50, 60]))]])
    items.append([("VITAL", r.choice(["SpO2 %d%%" % sp, "O2 sat %d%%" % sp, "sat %d%%" % sp]))] + [" on "] + o2)
    if r.random() < 0.3:
        items.append([("VITAL", "FSBG %d" % r.randint(45, 420))])
    if r.random() < 0.2:
        items.append([("VITAL", "CVP %d" % r.randint(3, 18))])
    if n:
        items = items[:n]
    sep = r.choice([", ", "  ", " / ", ". ", "; "])
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out += it
    return out


LABS = [("Na", 128, 148, 0), ("K", 2.9, 6.4, 1), ("Cl", 92, 112, 0), ("HCO3", 12, 32, 0),
        ("BUN", 8, 95, 0), ("Cr", 0.6, 5.8, 1), ("Glu", 55, 480, 0), ("WBC", 2.1, 28.0, 1),
        ("Hgb", 6.2, 15.1, 1), ("Hct", 19, 45, 1), ("Plt", 34, 520, 0), ("INR", 0.9, 4.8, 1),
        ("Lactate", 0.6, 8.9, 1), ("Trop", 0.01, 2.4, 2), ("Mg", 1.2, 2.8, 1), ("Phos", 1.8, 6.9, 1),
        ("Ca", 7.1, 11.2, 1), ("AST", 12, 890, 0), ("ALT", 9, 640, 0), ("T bili", 0.2, 9.8, 1),
        ("Alb", 1.8, 4.6, 1), ("BNP", 40, 4800, 0), ("Lipase", 12, 2100, 0), ("CK", 60, 14000, 0),
        ("pCO2", 28, 88, 0), ("pO2", 52, 310, 0), ("procal", 0.05, 18.0, 2), ("anion gap", 6, 28, 0),
        ("TSH", 0.02, 14.0, 2), ("NH3", 18, 160, 0), ("ESR", 5, 110, 0), ("CRP", 1.0, 280.0, 1)]


def lab_val(r, lab):
    name, lo, hi, dp = lab
    v = r.uniform(lo, hi)
    return "%s %s" % (name, ("%d" % round(v)) if dp == 0 else ("%.*f" % (dp, v)))


def lab_run(r, k=None, sep=None):
    k = k or r.randint(4, 9)
    labs = r.sample(LABS, k)
    sep = sep or r.choice([", ", "  ", " / ", "; ", "\n"])
    out = []
    for i, lab in enumerate(labs):
        if i:
            out.append(sep)
        out.append(("VITAL", lab_val(r, lab)))
        if r.random() < 0.12:
            out.append(r.choice([" (H)", " (L)", "*", None]) or "")
            if out[-1] == "":
                out += [" (prev ", ("VITAL", lab_val(r, lab).split(" ")[-1]), ")"]
    return out


def drug_line(r, brand_style=None):
    g, br, doses, unit, routes, freqs = r.choice(DRUGS)
    dose = r.choice(doses)
    x = r.random() if brand_style is None else brand_style
    if x < 0.45 or g == br:
        nm = [("DRUG", g)]
    elif x < 0.7:
        nm = [("DRUG", br)]
    else:
        nm = [("DRUG", g), " (", ("DRUG", br), ")"]
    meas = dose + r.choice([" ", ""]) + unit if unit not in ("units", "mEq") else dose + " " + unit
    return nm + [" ", ("MEASUREMENT", meas), " " + r.choice(routes) + " " + r.choice(freqs)]


def drip_line(r):
    g, br, rates, unit = r.choice(DRIPS)
    nm = r.choice([[("DRUG", g)], [("DRUG", br)], [("DRUG", g + " drip")], [("DRUG", g), " gtt"]]) \
        if g != br else r.choice([[("DRUG", g + " drip")], [("DRUG", g), " gtt"]])
    return nm + [r.choice([" @ ", " at ", " "]), ("MEASUREMENT", r.choice(rates) + " " + unit)]


def vent_settings(r):
    mode = r.choice(["AC", "AC/VC", "PRVC", "PS", "CPAP", "SIMV"])
    tv, rate, peep, fio2 = r.choice([350, 400, 420, 450, 480, 500, 550]), r.randint(12, 28), \
        r.choice([5, 5, 8, 10, 12, 14]), r.choice([30, 35, 40, 50, 60, 70, 80, 100])
    out = []
    if mode in ("AC", "AC/VC", "PRVC", "SIMV"):
        if r.random() < 0.4:
            out += [("SETTING", "AC %d/%d/%d/%s" % (rate, tv, peep, ("%.2f" % (fio2 / 100)).rstrip("0").rstrip(".")))]
        else:
            out += [mode + " ", ("SETTING", "TV %d" % tv), ", ", ("SETTING", "RR %d" % rate), ", ",
                    ("SETTING", "PEEP %d" % peep), ", ", ("SETTING", "FiO2 %d%%" % fio2)]
    elif mode == "PS":
        out += [("SETTING", "PS %d/%d" % (r.choice([5, 8, 10, 12, 15]), peep)), ", ", ("SETTING", "FiO2 %d%%" % fio2)]
    else:
        out += [("SETTING", "CPAP %d" % peep), " with ", ("SETTING", "FiO2 %d%%" % fio2)]
    return out


def abg(r):
    return ("VITAL", "%.2f/%d/%d" % (r.uniform(7.08, 7.52), r.randint(26, 90), r.randint(52, 300)) +
            ("/%d" % r.randint(12, 34) if r.random() < 0.5 else ""))


def exam(r, lines=True):
    nl = "\n" if lines else " "
    out = ["Gen: " + r.choice(["NAD", "intubated, sedated", "uncomfortable, diaphoretic", "somnolent but arousable",
                               "elderly, frail, NAD", "agitated"]) + "." + nl]
    out += ["HEENT: " + r.choice(["PERRLA, MMM", "pupils 3mm reactive", "dry MM", "anicteric"])]
    if r.random() < 0.3:
        out += [", ", ("EPONYM", "Mallampati"), " " + r.choice(["II", "III", "IV"])]
    out += ["." + nl, "CV: " + r.choice(["RRR", "irreg irreg", "tachy, regular", "RRR, no m/r/g"])]
    if r.random() < 0.5:
        out += [", ", ("FRACTION", "%d/6" % r.randint(1, 4)), " " + r.choice(["SEM at RUSB", "holosystolic murmur at apex", "murmur"])]
    out += ["." + nl, "Lungs: " + r.choice(["CTAB", "crackles at bases bilat", "diffuse wheezes", "coarse BS, diminished LLL",
                                             "decreased BS R base", "rhonchi throughout"]), "." + nl]
    out += ["Abd: " + r.choice(["soft, NT/ND", "distended, tympanic", "soft, mild RUQ tenderness", "+BS, nontender"])]
    if r.random() < 0.25:
        out += [", ", ("EPONYM", r.choice(["Murphy sign", "Murphy's sign"])), " " + r.choice(["negative", "positive"])]
    out += ["." + nl, "Ext: " + r.choice(["warm, trace edema", "cool, mottled knees", "no edema", "2+ DP pulses bilat"]), "." + nl]
    out += ["Neuro: ", ("FRACTION", "GCS %d" % r.randint(3, 15)), r.choice([", moving all ext", ", nonfocal", ", follows commands"])]
    if r.random() < 0.5:
        out += [", strength ", ("FRACTION", "%d/5" % r.randint(3, 5)), " " + r.choice(["x4", "BUE", "LLE"])]
    if r.random() < 0.2:
        out += [", ", ("EPONYM", "Babinski"), " " + r.choice(["absent", "present on L"])]
    out += ["." + nl]
    return out


def cxr_line(r):
    out = [r.choice(["CXR: ", "CXR today: ", "Portable AP CXR: ", "CXR (AP): "])]
    opts = [
        [("DEVICE", "ETT"), " tip ", ("MEASUREMENT", "%.1f cm" % r.uniform(2, 6)), " above the carina"],
        [("DEVICE", r.choice(["NG tube", "OGT", "OG tube"])), " in stomach"],
        [("EPONYM", "Dobhoff"), " tip in the ", r.choice(["duodenum", "stomach", "distal esophagus - advance"])],
        [("DEVICE", r.choice(["R IJ CVC", "PICC", "L subclavian CVC"])), " tip at cavoatrial junction"],
        [("EPONYM", "Kerley B lines"), " c/w interstitial edema"],
        [("DEVICE", "sternotomy wires"), " intact"],
        [("DEVICE", "pacemaker leads"), " in expected position"],
        ["small L effusion"], ["no PTX"], ["LLL retrocardiac opacity"], ["RUL consolidation"],
        ["old fracture of the %s rib" % ordinal(r.randint(3, 9))],
        ["T12 compression deformity, unchanged"],
        [("FRACTION", "%.2f" % r.uniform(0.45, 0.65)), " cardiothoracic ratio"],
        [("DEVICE", "chest tube"), " in place, no PTX"],
        [("EPONYM", "Hampton hump"), "? clinical correlation"],
        [("EPONYM", "Westermark sign"), " not seen"],
    ]
    pick = r.sample(opts, r.randint(2, 4))
    for i, o in enumerate(pick):
        if i:
            out.append(r.choice([", ", ". ", "; "]))
        out += o
    out.append(".")
    return out


# --------------------------------------------------------------------------
# Document context
# --------------------------------------------------------------------------
class Ctx:
    def __init__(self, r, phi_ok=True):
        self.r = r
        self.sex = r.choice("MF")
        self.pt = make_person(r, self.sex)
        self.age = r.randint(90, 104) if (phi_ok and r.random() < 0.24) else r.randint(19, 89)
        self.dos = rand_date(r, 2006, 2024)
        self.adm = self.dos - datetime.timedelta(days=r.randint(0, 9))
        self.dob = datetime.date(self.dos.year - self.age, r.randint(1, 12), r.randint(1, 28))
        self.mrn = mrn(r)
        self.att = make_person(r)
        self.res = make_person(r)
        self.rn = make_person(r)
        self.rt = make_person(r)
        self.pa = make_person(r)
        self.sw = make_person(r)
        self.cons = make_person(r)
        k1 = r.choice(["husband", "husband", "partner"]) if self.sex == "F" else r.choice(["wife", "wife", "partner"])
        self.family = [(k1, make_person(r, "M" if k1 == "husband" else "F" if k1 == "wife" else None))]
        for k in r.sample([x for x in KIN if x not in ("wife", "husband", "partner")], r.randint(1, 2)):
            self.family.append((k, make_person(r, kin_sex(k))))
        for _k, fp in self.family:
            if r.random() < 0.5:
                fp.last = self.pt.last
        self.hosp = facility(r)
        self.snf = nursing_facility(r)
        self.ward = ward(r)
        self.town = r.choice(US_TOWNS) if r.random() < 0.85 else town(r)
        self.dx = r.choice(DX)
        self.pmh = r.sample(PMH, r.randint(2, 5))
        self.cc = r.choice(CC)
        self.hd = (self.dos - self.adm).days + 1

    def he(self):
        return pron(self.sex)[0]

    def his(self):
        return pron(self.sex)[1]


def D(r, d, style=None):
    return ("DATE", fmt_date(r, d, style))


def T(r, hh=None, mm=None):
    return ("TIME", fmt_time(r, hh, mm))


def header_block(b, c, fields=None):
    r = b.rng
    sep = r.choice([": ", ":  ", ":\t", " - "])
    rows = []
    rows.append(["Patient" + sep] + hdr_name(r, c.pt))
    rows.append([r.choice(["MRN", "MR#", "Unit No", "Med Rec #"]) + sep, ("ID", c.mrn)])
    if r.random() < 0.7:
        rows.append([r.choice(["DOB", "D.O.B.", "Birthdate"]) + sep, D(r, c.dob, r.choice(["mdY", "mdY", "iso", "dMonY", "md_y"]))])
    if r.random() < 0.5:
        rows.append(["Age/Sex" + sep] + ([("AGE", str(c.age))] if c.age >= 90 else [str(c.age)]) + ["/" + c.sex])
    if r.random() < 0.5:
        cue, val = any_id(r)
        rows.append([cue.rstrip(":#") + sep, ("ID", val)])
    if r.random() < 0.6:
        rows.append([r.choice(["Location", "Unit", "Loc"]) + sep, ("LOCATION", c.ward)] +
                    ([" " + r.choice(["MICU", "SICU", "CCU", "step-down"])] if r.random() < 0.4 else []))
    if r.random() < 0.6:
        rows.append([r.choice(["Date of Service", "DOS", "Date"]) + sep, D(r, c.dos)] +
                    ([" ", T(r)] if r.random() < 0.4 else []))
    if r.random() < 0.6:
        rows.append([r.choice(["Attending", "Attg", "Primary MD"]) + sep, ("NAME", c.att.first + " " + c.att.last),
                     r.choice(["", ", MD", " MD"])])
    if r.random() < 0.3:
        rows.append(["PCP" + sep, ("NAME", make_person(r).last), ", ", ("NAME", make_person(r).first),
                     " (", ("HOSPITAL", facility(r)), ")"])
    keep = [rows[0], rows[1]] + r.sample(rows[2:], len(rows) - 2)
    for row in keep:
        b.add(*row)
        b.add("\n")
    b.add(r.choice(["\n", "-" * r.randint(20, 40) + "\n", "\n"]))


def social_history(b, c, n=None):
    r = b.rng
    his = c.his()
    sents = []
    kin, fp = r.choice(c.family)
    sents.append([r.choice(["Lives with ", "Lives w/ ", "Resides with "]) + his + " "] + kin_ref(r, kin, fp) +
                 [" in ", ("LOCATION", c.town)] + ([", ", ("LOCATION", r.choice(STATES)[1])] if r.random() < 0.4 else []) + ["."])
    sents.append(["Lives alone at ", ("LOCATION", str(r.randint(1, 1999))), " ", ("LOCATION", street(r))] +
                 ([", ", r.choice(["Apt ", "Unit ", "#"]), ("LOCATION", str(r.randint(1, 40)) + r.choice(["", "A", "B", "C"]))]
                  if r.random() < 0.5 else []) +
                 [", ", ("LOCATION", c.town), "; " + r.choice(["walks with cane", "independent in ADLs", "uses walker",
                                                             "3rd floor walk-up"]) + "."])
    sents.append([r.choice(["Resides at ", "From ", "Long-term resident of ", "Sent in from "]), ("HOSPITAL", c.snf),
                  r.choice([" (assisted living).", ", baseline ambulates w/ walker.", " - bedbound at baseline.", "."])])
    sents = [r.choice(sents)]
    org = organization(r)
    job = r.choice(JOBS)
    sents.append(r.choice([
        ["Former " + job + " at ", ("ORGANIZATION", org), "."],
        ["Works as a " + job + " for ", ("ORGANIZATION", org), "."],
        ["Retired " + job + " (", ("ORGANIZATION", org), ")."],
        ["Worked at ", ("ORGANIZATION", org), " until ", ("DATE", str(c.dos.year - r.randint(2, 30))), "."],
        ["Teaches at ", ("ORGANIZATION", organization(r)), "."],
        ["Employer: ", ("ORGANIZATION", org), "."],
    ]))
    sents.append(r.choice([
        ["Recently returned from ", ("LOCATION", r.choice(COUNTRIES)), " (", D(r, c.dos - datetime.timedelta(days=r.randint(5, 40)), "month_year"), ")."],
        ["Emigrated from ", ("LOCATION", r.choice(COUNTRIES)), " in ", ("DATE", str(r.randint(1960, 2018))), "."],
        ["Travel: visited family in ", ("LOCATION", r.choice(TOWNS)), ", ", ("LOCATION", r.choice(COUNTRIES)), " ~3 wks ago."],
        ["Originally from ", ("LOCATION", r.choice(TOWNS)), "; moved to ", ("LOCATION", r.choice(NEIGHBORHOODS)), " " + r.choice(["as a child", "10 yrs ago", "last year"]) + "."],
        ["No recent travel."],
    ]))
    sents.append(r.choice([
        ["Tob: "] + r.choice([[("FRACTION", "1/2"), " ppd"], [("MEASUREMENT", "1 ppd")], [("MEASUREMENT", "2 ppd")]]) +
        [" since ", ("DATE", "'%02d" % r.randint(50, 99)), "."],
        ["Former smoker, quit in ", ("DATE", str(r.randint(1975, 2020))), ", %d pack-years." % r.randint(5, 80)],
        ["Never smoker. EtOH: " + r.choice(["2-3 beers/day", "social", "1 pint vodka daily", "none"]) + ". No IVDU."],
        ["Smokes " + r.choice(["1 ppd", "cigars", "marijuana daily"]) + ", EtOH " + r.choice(["6 beers/day", "rare", "denies"]) + "."],
    ]))
    sents.append(r.choice([
        ["HCP is " + his + " "] + kin_ref(r, *c.family[0]) + [" ", ("PHONE", phone(r)), "."],
        ["Emergency contact: "] + kin_ref(r, *c.family[-1]) + [r.choice([", cell ", " @ ", " tel "]), ("PHONE", phone(r)), "."],
        [r.choice(c.family)[0].capitalize() + " ", ("NAME", r.choice(c.family)[1].first), " visits daily."],
        ["Attends ", ("ORGANIZATION", church(r)), " weekly; very involved in church community."],
        ["Has a dog, " + r.choice(["no", "2"]) + " cats. " + r.choice(["Housing unstable - staying in shelter.", "Lives in senior housing.", "Owns home."])],
        ["Family email on file: ", ("CONTACT", email(r, c.family[0][1])), "."],
    ]))
    k = n or r.randint(3, 5)
    pick = r.sample(sents, k)
    for i, s in enumerate(pick):
        b.add(*s)
        b.add(r.choice([" ", " ", "\n", "  "]) if i < len(pick) - 1 else "")


# --------------------------------------------------------------------------
# Document types
# --------------------------------------------------------------------------
def history_line(b, c, lead="PMH: "):
    r = b.rng
    b.add(lead)
    for i, h in enumerate(c.pmh):
        if i:
            b.add(", ")
        b.add(h)
        if r.random() < 0.2:
            b.add(" (dx ", ("DATE", str(c.dos.year - r.randint(1, 30))), ")")
    if r.random() < 0.4:
        b.add(", ", ("EPONYM", r.choice(["Parkinson disease", "Graves disease", "Hashimoto thyroiditis",
                                          "Crohn disease", "Alzheimer dementia"])))
    b.add(".")


def date_ref(r, c):
    """A date-ish reference inside narrative, with its surrounding words."""
    d = c.dos - datetime.timedelta(days=r.randint(1, 400))
    x = r.random()
    if x < 0.2:
        return ["compared with the study of the ", ("DATE", ordinal(d.day))]
    if x < 0.35:
        return ["last seen in clinic on ", D(r, d, "md")]
    if x < 0.5:
        return ["prior admission ", D(r, d, "month_year")]
    if x < 0.6:
        return ["symptoms since ", ("DATE", r.choice(["Christmas", "Thanksgiving", "Easter", "New Year's",
                                                       "July 4th", "Labor Day"]) + " " + str(d.year))]
    if x < 0.75:
        return ["s/p " + r.choice(["CABG", "TAVR", "R TKA", "cholecystectomy", "PCI to LAD"]) + " (", ("DATE", str(d.year - r.randint(0, 15))), ")"]
    if x < 0.85:
        return ["last echo ", D(r, d), " ", ("VITAL", "EF " + str(r.choice([20, 25, 35, 45, 55, 60])) + "%")]
    return ["fell on the ", ("DATE", ordinal(d.day)), ", no LOC"]


def doc_triage(b, c):
    r = b.rng
    he, his = c.he(), c.his()
    b.add(r.choice(["ED TRIAGE NOTE", "Emergency Department - Triage", "TRIAGE ASSESSMENT", "ED Triage"]), "\n\n")
    b.add("Arrival: ", D(r, c.dos), " ", T(r), "   Mode: ")
    arrival = r.random()
    if arrival < 0.35:
        b.add(r.choice(["EMS (BIBA)", "BIBA", "ambulance"]))
    elif arrival < 0.6:
        b.add("EMS from ", ("HOSPITAL", c.snf))
    else:
        b.add(r.choice(["walk-in", "private vehicle", "police"]))
    b.add("\n")
    if r.random() < 0.8:
        b.add("Pt: ", *hdr_name(r, c.pt))
        b.add("   MRN ", ("ID", c.mrn), "\n")
    b.add("CC: ", c.cc, "\n")
    b.add("HPI: ", *age_sex(r, c.age, c.sex))
    b.add(" w/ " + ", ".join(c.pmh[:3]) + " presents with " + c.cc + " x " + str(r.randint(1, 6)) + " " + r.choice(["days", "hrs", "wks"]) + ". ")
    kin, fp = r.choice(c.family)
    b.add(r.choice(["Per EMS, ", "Per ", "Accompanied by "]), *kin_ref(r, kin, fp))
    b.add(r.choice([", pt was found on the floor at ", ", pt last known well at ", ", symptoms began around "]),
          T(r), r.choice([". ", " this am. ", ". "]))
    if r.random() < 0.5:
        b.add(*date_ref(r, c))
        b.add(". ")
    b.add("\n")
    b.add("Triage VS: ", *vitals(r))
    b.add("\nPain: ", ("FRACTION", "%d/10" % r.randint(0, 10)), "\n")
    b.add("Allergies: " + r.choice(["NKDA", "PCN (rash)", "sulfa", "codeine - nausea", "iodinated contrast"]) + "\n")
    b.add("Meds: ")
    for i in range(r.randint(2, 4)):
        if i:
            b.add(", ")
        b.add(*drug_line(r))
    b.add("\n")
    if r.random() < 0.4:
        b.add("Devices: ", ("DEVICE", r.choice(DEVICES)))
        if r.random() < 0.5:
            b.add(", ", ("EPONYM", "Foley"))
        b.add("\n")
    b.add("ESI " + str(r.randint(1, 3)) + ". " + r.choice(["To resus bay.", "Placed in room, MD aware.", "Team notified.",
                                                          "Sepsis alert called."]))
    if r.random() < 0.6:
        b.add(" ", r.choice(["MD notified: ", "d/w ", "Seen by "]), *staff_ref(r, c.att, "md"))
        b.add(" at ", T(r), ".")
    b.add(*sig_block(r, c.rn, "RN", with_pager=False))


def doc_nursing(b, c):
    r = b.rng
    ph = b.phi_ok
    b.add(r.choice(["MICU NURSING PROGRESS NOTE", "ICU Nursing Shift Note", "Nursing Note - CCU", "RN SHIFT ASSESSMENT",
                    "nursing progress note"]))
    if ph:
        b.add("  ", T(r, 7, 0), "-", T(r, 19, 0))
    b.add("\n\n")
    if ph and r.random() < 0.5:
        b.add("Pt: ", *hdr_name(r, c.pt))
        b.add("\n")
    b.add("Neuro: ", r.choice(["A&Ox3", "sedated", "lethargic, arousable to voice", "intermittently agitated"]), ", ",
          ("FRACTION", "GCS %d" % r.randint(6, 15)), ", RASS " + r.choice(["0", "-1", "-2", "-3", "+1"]))
    if r.random() < 0.6:
        b.add(" on ", *drip_line(r))
    b.add(". PERRL.\n")
    b.add("CV: ", *vitals(r, n=3))
    b.add(". " + r.choice(["NSR", "SR with PVCs", "AF 110s", "ST"]) + ". ")
    if r.random() < 0.6:
        b.add(*drip_line(r))
        b.add(" titrated to MAP > 65. ")
    b.add("\nResp: ")
    if r.random() < 0.5:
        b.add("intubated, ", ("DEVICE", "ETT"), " ", ("MEASUREMENT", "%d cm" % r.randint(21, 25)), " at lip, ", *vent_settings(r))
    else:
        b.add(*vitals(r, n=5)[-3:])
    b.add(". Lungs " + r.choice(["coarse", "diminished at bases", "clear", "with scattered wheezes"]) + ". Suctioned x" +
          str(r.randint(1, 4)) + " for " + r.choice(["thick tan", "thin white", "blood-tinged"]) + " secretions.\n")
    b.add("GI/GU: ", ("EPONYM", "Foley"), " draining " + r.choice(["clear yellow", "amber", "cloudy"]) + " urine, ",
          ("MEASUREMENT", "%d mL" % r.randint(150, 2200)), " over shift. ")
    b.add(r.choice(["TF via ", "Tube feeds at goal via "]), ("EPONYM", "Dobhoff") if r.random() < 0.5 else ("DEVICE", "OGT"),
          ". " + r.choice(["No BM.", "BM x1, loose.", "Rectal tube draining brown stool."]) + "\n")
    b.add("Lines: ", ("DEVICE", r.choice(["R IJ CVC", "PICC", "L subclavian CVC", "HD catheter"])), ", ",
          ("DEVICE", r.choice(["A-line", "arterial line", "18g PIV"])), ".\n")
    b.add("Meds given: ", *drug_line(r))
    b.add(", ", *drug_line(r))
    b.add(".\n")
    if ph:
        b.add("Events: at ", T(r), " ")
        b.add(*r.choice([["pt became hypotensive"], ["pt pulled at lines"], ["desaturated to ", ("VITAL", "%d%%" % r.randint(78, 88))],
                         ["HR to 140s, AF"]]), ", ")
        b.add(r.choice(["paged ", "notified ", "d/w "]), *staff_ref(r, c.res, "res", lower=r.random() < 0.6))
        if r.random() < 0.6:
            b.add(" (", r.choice(["pg ", "pager #", "beeper "]), ("PHONE", pager_no(r)), ")")
        b.add(r.choice([", bolus ordered.", ", see orders.", ", aware, no new orders.", ", came to bedside."]) + "\n")
        kin, fp = r.choice(c.family)
        b.add("Social: ", *kin_ref(r, kin, fp))
        b.add(r.choice([" called at ", " at bedside from ", " updated by phone at "]), T(r))
        if r.random() < 0.5:
            b.add(", #", ("PHONE", phone(r)))
        b.add(r.choice([". Questions answered.", ", wants to be called w/ any changes.", ", updated on plan of care."]))
        if r.random() < 0.4:
            b.add(" Also spoke w/ ", *staff_ref(r, c.sw, "sw"), ".")
        b.add("\n")
        if r.random() < 0.5:
            b.add("Report given to ", *staff_ref(r, c.rn, "rn"), ".\n")
    else:
        b.add("Events: " + r.choice(["none overnight.", "brief hypotension, resolved with fluid bolus.",
                                     "pt pulled at lines, mittens applied."]) + "\nSocial: family updated by phone.\n")
    b.add("Plan: " + r.choice(["continue to wean pressors", "SBT in am", "monitor UOP", "keep K > 4, Mg > 2",
                                "family meeting tomorrow"]) + ".")
    if ph:
        b.add(*sig_block(r, c.rn, "RN", with_pager=False))


def doc_progress(b, c):
    r = b.rng
    ph = b.phi_ok
    unit = r.choice(["MICU", "SICU", "CCU", "Neuro ICU", "CVICU"])
    b.add(r.choice(["%s Progress Note" % unit, "%s RESIDENT PROGRESS NOTE" % unit, "%s daily note" % unit]))
    b.add(" - hospital day %d" % c.hd if r.random() < 0.5 else "", "\n")
    if ph and r.random() < 0.6:
        header_block(b, c)
    else:
        b.add("\n")
    b.add("S: " + r.choice(["Overnight ", "O/N: ", "24h events: "]))
    if ph and r.random() < 0.6:
        if r.random() < 0.3:
            b.add("spiked to ", ("VITAL", "%.1f" % r.uniform(38.3, 40.2)), " at ", T(r), "; ")
        else:
            b.add(r.choice(["hypotensive at ", "agitated around ", "extubated at "]), T(r), "; ")
    b.add(r.choice(["weaned off pressors", "remains on vent", "diuresed 2 L", "required 2u PRBC", "no acute events"]) + ". ")
    if ph and r.random() < 0.5:
        b.add(r.choice(["Per ", "Discussed with ", "d/w "]), *staff_ref(r, c.rn, "rn"))
        b.add(", " + r.choice(["pt slept poorly.", "pt pulled NGT.", "good UOP.", "pain controlled."]))
    b.add("\n\nO: ", *vitals(r))
    b.add("\nI/O: ", ("MEASUREMENT", "%.1f L" % r.uniform(0.8, 4.5)), " in / ", ("MEASUREMENT", "%.1f L" % r.uniform(0.5, 5.0)), " out\n")
    if r.random() < 0.4:
        b.add("Vent: ", *vent_settings(r))
        b.add("\n")
    b.add(*exam(r))
    b.add("Labs: ", *lab_run(r, sep=r.choice([", ", "  "])))
    b.add("\n", *cxr_line(r))
    b.add("\n\nA/P: ", *age_sex(r, c.age, c.sex))
    b.add(" w/ " + ", ".join(c.pmh[:3]) + " admitted with " + c.dx + ", HD " + str(c.hd) + ".\n")
    probs = [c.dx, r.choice(DX), r.choice(["AKI", "anemia", "delirium", "nutrition", "hyperglycemia", "goals of care"])]
    for i, pr in enumerate(probs[:r.randint(2, 3)]):
        b.add("#" + pr + ": ")
        b.add(r.choice(["cont ", "- start ", "- switch to ", "- wean "]), *drug_line(r))
        if r.random() < 0.5:
            b.add("; ", *drip_line(r))
        if ph and r.random() < 0.45:
            b.add("; " + r.choice(["d/w ", "spoke w/ ", "recs per "]), *staff_ref(r, c.cons, r.choice(["md", "pa"])))
            b.add(r.choice([" from ID", " (renal)", " cards fellow", ""]))
        b.add("\n")
    b.add("FEN: " + r.choice(["TF at goal", "NPO", "cardiac diet", "replete lytes PRN"]) + ". PPx: ", ("DRUG", r.choice(["heparin", "enoxaparin"])),
          " SC, ", ("DEVICE", "SCDs"), ".\n")
    b.add("Code: " + r.choice(["FULL", "DNR/DNI", "DNR, ok to intubate", "full code (confirmed)"]))
    if ph and r.random() < 0.6:
        kin, fp = r.choice(c.family)
        b.add(". " + r.choice(["Dispo: ICU. Updated ", "Family: d/w ", "HCP "]), *kin_ref(r, kin, fp))
        if r.random() < 0.4:
            b.add(" ", ("PHONE", phone(r)))
    b.add(".")
    if ph:
        b.add(*sig_block(r, c.res, r.choice(["MD", "MD PGY-2", "MD, resident"]), date=(fmt_date(r, c.dos), fmt_time(r))))
        if r.random() < 0.4:
            b.add("Seen and examined with ", *staff_ref(r, c.att, "md"))
            b.add(", agree with above.\n")


def doc_rt(b, c):
    r = b.rng
    ph = b.phi_ok
    b.add(r.choice(["RESPIRATORY THERAPY NOTE", "Respiratory Care Progress Note", "RT Vent Check", "rt note"]))
    if ph:
        b.add("  ", D(r, c.dos, r.choice(["mdY", "md", "md_y"])), " ", T(r))
    b.add("\n\n")
    b.add("Pt " + r.choice(["remains on mechanical ventilation", "on vent via ETT", "trached, on vent", "on NIV overnight"]) + ". Settings: ")
    b.add(*vent_settings(r))
    b.add(".\n")
    b.add("Measured: ", ("VITAL", "PIP %d" % r.randint(16, 42)), ", ", ("VITAL", "Pplat %d" % r.randint(14, 32)),
          ", ", ("VITAL", "Vte %d" % r.randint(280, 620)), ", total RR " + str(r.randint(12, 32)) + ".\n")
    if r.random() < 0.7:
        b.add("ABG: ", abg(r))
        if ph and r.random() < 0.6:
            b.add(" at ", T(r))
        b.add("\n")
    b.add(("DEVICE", "ETT"), " " + r.choice(["7.0", "7.5", "8.0"]) + " secured at ", ("MEASUREMENT", "%d cm" % r.randint(20, 26)),
          " at the " + r.choice(["lip", "teeth"]) + ". Cuff pressure ", ("MEASUREMENT", "%d cmH2O" % r.randint(20, 30)), ".\n")
    b.add("BS " + r.choice(["coarse bilat", "diminished LLL", "clear", "with exp wheezes"]) + ". Suctioned for " +
          r.choice(["mod thick tan", "small white", "copious yellow"]) + " secretions.\n")
    b.add("Tx: ", ("DRUG", r.choice(["albuterol", "ipratropium", "DuoNeb", "Xopenex"])), " ", ("MEASUREMENT", r.choice(["2.5 mg", "0.5 mg", "3 mL"])),
          " neb q" + str(r.choice([2, 4, 6])) + "h" + ". ")
    if r.random() < 0.6:
        b.add("SBT: ", ("SETTING", "PS %d/%d" % (r.choice([5, 8, 10]), r.choice([5, 8]))), " x " + str(r.choice([30, 60, 120])) + " min, ",
              ("VITAL", "RSBI %d" % r.randint(30, 140)), ", " + r.choice(["tolerated", "failed - tachypneic", "passed"]) + ".")
    b.add("\nPlan: " + r.choice(["wean FiO2 to keep SpO2 > 92%", "SBT in am", "cont current settings", "possible extubation today",
                                   "BiPAP qHS"]))
    if ph and r.random() < 0.7:
        b.add(", " + r.choice(["d/w ", "per ", "discussed w/ "]), *staff_ref(r, c.res, r.choice(["md", "res"]), lower=r.random() < 0.6))
    b.add(".")
    if ph:
        b.add(*sig_block(r, c.rt, "RRT"))


def doc_flowsheet(b, c):
    r = b.rng
    b.add(r.choice(["VITAL SIGNS FLOWSHEET", "Flowsheet - Vitals", "VS flowsheet", "ICU FLOWSHEET"]), " ", D(r, c.dos), "\n")
    if r.random() < 0.6:
        b.add(*hdr_name(r, c.pt))
        b.add("  ", ("ID", c.mrn), "\n")
    b.add("\n")
    h0 = r.randint(0, 16)
    step = r.choice([1, 2, 4])
    tab = r.random() < 0.5
    if tab:
        b.add("Time   T     HR   BP       RR  SpO2\n")
    for i in range(r.randint(4, 8)):
        hh = (h0 + i * step) % 24
        t = ("TIME", "%02d%02d" % (hh, r.choice([0, 0, 0, 15, 30])) if r.random() < 0.7 else "%02d:00" % hh)
        temp = "%.1f" % r.uniform(36.0, 39.5)
        hr, sb, db, rr, sp = r.randint(55, 140), r.randint(80, 180), r.randint(40, 100), r.randint(10, 32), r.randint(85, 100)
        if tab:
            b.add(t, "   ", ("VITAL", temp), "  ", ("VITAL", str(hr)), "  ", ("VITAL", "%d/%d" % (sb, db)), "  ",
                  ("VITAL", str(rr)), "  ", ("VITAL", "%d%%" % sp), "\n")
        else:
            b.add(t, ": ", ("VITAL", "HR %d" % hr), ", ", ("VITAL", "BP %d/%d" % (sb, db)), ", ", ("VITAL", "RR %d" % rr), ", ",
                  ("VITAL", "SpO2 %d%%" % sp))
            if r.random() < 0.3:
                b.add(" ", r.choice(["- MD aware", "- pt repositioned", "- bolus given", "post ambulation"]))
            b.add("\n")
    b.add("\nDrips: ", *drip_line(r))
    b.add("\nI/O (24h): ", ("MEASUREMENT", "%d mL" % r.randint(800, 4000)), " / ", ("MEASUREMENT", "%d mL" % r.randint(500, 4000)), "\n")
    if r.random() < 0.5:
        b.add("Pain scores: ", ("FRACTION", "%d/10" % r.randint(0, 10)), " -> ", ("FRACTION", "%d/10" % r.randint(0, 6)), " after ", *drug_line(r))
        b.add("\n")
    if r.random() < 0.5:
        b.add("Verified by ", *staff_ref(r, c.rn, "rn"), "\n")


def doc_labs(b, c):
    r = b.rng
    ph = b.phi_ok
    b.add(r.choice(["LABS", "Lab Results", "AM LABS", "Labs/Micro"]))
    if ph:
        b.add(" (", D(r, c.dos, r.choice(["mdY", "md", "iso", "md_y"])), " ", T(r), ")")
    b.add("\n\n")
    if ph and r.random() < 0.5:
        b.add(*hdr_name(r, c.pt))
        b.add(" MRN ", ("ID", c.mrn))
        if r.random() < 0.5:
            cue, val = any_id(r)
            b.add("  " + cue + " ", ("ID", val))
        b.add("\n\n")
    b.add("Chem: ", *lab_run(r, r.randint(5, 8)))
    b.add("\nCBC: ", ("VITAL", lab_val(r, LABS[7])), ", ", ("VITAL", lab_val(r, LABS[8])), ", ", ("VITAL", lab_val(r, LABS[10])), "\n")
    if r.random() < 0.5:
        b.add("BMP: ", ("VITAL", "%d/%.1f/%d/%d/%d/%.1f/%d" % (r.randint(128, 146), r.uniform(3, 6), r.randint(92, 112),
                                                               r.randint(12, 30), r.randint(8, 90), r.uniform(0.6, 5), r.randint(60, 400))), "\n")
    b.add("Other: ", *lab_run(r, r.randint(2, 4), sep=", "))
    b.add("\nABG: ", abg(r), " on ", *vent_settings(r)[:1])
    b.add("\n")
    b.add("Micro: " + r.choice(["BCx x2 ", "UCx ", "sputum cx ", "C diff "]))
    if ph:
        b.add("from ", D(r, c.dos - datetime.timedelta(days=r.randint(1, 5)), "md"), " ")
    b.add(r.choice(["NGTD", "GPC in clusters", "E coli, pan-sensitive", "pending", "neg"]) + ".\n")
    if r.random() < 0.6:
        b.add(r.choice(["Trend: ", "Note: "]) + r.choice(["Cr improving ", "Hgb stable ", "lactate clearing ", "WBC uptrending "]))
        if ph:
            b.add(*date_ref(r, c))
        b.add(".\n")
    if ph and r.random() < 0.5:
        b.add("Critical value called to ", *staff_ref(r, c.res, r.choice(["md", "res"])), " at ", T(r), " by lab (ext ",
              ("PHONE", ext_no(r)), ").\n")


def doc_meds(b, c):
    r = b.rng
    ph = b.phi_ok
    b.add(r.choice(["ACTIVE MEDICATIONS", "Medication List (ICU)", "MED REC", "Current Meds"]))
    if ph and r.random() < 0.6:
        b.add(" - ", D(r, c.dos))
    b.add("\n\n")
    if ph and r.random() < 0.5:
        b.add("Patient: ", *hdr_name(r, c.pt))
        b.add("  Wt ", ("MEASUREMENT", "%.1f kg" % r.uniform(42, 140)), "\n\n")
    else:
        b.add("Wt: ", ("MEASUREMENT", "%.1f kg" % r.uniform(42, 140)), "  CrCl ", ("MEASUREMENT", "%d mL/min" % r.randint(10, 110)), "\n\n")
    bullet = r.choice(["- ", "* ", "", "o "])
    numbered = r.random() < 0.4
    for i in range(r.randint(5, 10)):
        b.add(("%d. " % (i + 1)) if numbered else bullet, *drug_line(r))
        if r.random() < 0.15:
            b.add(r.choice([" (hold for SBP < 90)", " - held", " [home med]", " - renally dosed"]))
        b.add("\n")
    if r.random() < 0.7:
        b.add("\nInfusions:\n")
        for i in range(r.randint(1, 3)):
            b.add(bullet, *drip_line(r))
            b.add("\n")
    if ph and r.random() < 0.5:
        b.add("\nHome meds verified with ", r.choice(["pt's ", "the "]) + r.choice(["pharmacy", "PCP office"]))
        b.add(" (", ("PHONE", phone(r)), ")")
        if r.random() < 0.5:
            b.add(" and ", *kin_ref(r, *r.choice(c.family)))
        b.add(".\n")
    if ph and r.random() < 0.6:
        b.add("Reconciled by ", r.choice(["PharmD ", "pharmacist "]), ("NAME", c.pa.last if r.random() < 0.6 else c.pa.first + " " + c.pa.last),
              ".\n")
        if r.random() < 0.5:
            b.add("Questions: ext. ", ("PHONE", ext_no(r)), "\n")
    elif not ph:
        b.add("\nAllergies: " + r.choice(["NKDA", "PCN", "sulfa (hives)"]) + ". ")
        b.add("Holding ", ("DRUG", r.choice(["lisinopril", "metformin", "Eliquis", "Lasix"])), " for " +
              r.choice(["AKI", "hypotension", "procedure"]) + ".\n")


def doc_consult(b, c):
    r = b.rng
    svc = r.choice(["Cardiology", "Nephrology", "ID", "GI", "Neurology", "Surgery", "Palliative Care", "Psychiatry", "Pulmonary"])
    b.add(r.choice(["CONSULT REQUEST", "Inpatient Consult Order", "Consult Request - " + svc]), "\n\n")
    b.add("To: " + svc + "\nFrom: " + r.choice(["MICU", "ED", "SICU", "CCU"]) + " team\n")
    b.add("Requesting provider: ", *staff_ref(r, c.res, r.choice(["md", "res"]), lower=False))
    b.add("  ", r.choice(["pager #", "pg ", "Pager "]), ("PHONE", pager_no(r)), "\n")
    b.add("Callback: ", *r.choice([[("PHONE", "x" + ext_no(r))], ["ext. ", ("PHONE", ext_no(r))], [("PHONE", phone(r))],
                                   [("PHONE", phone(r, "short")), " ext ", ("PHONE", str(r.randint(100, 9999)))]]))
    b.add("\n")
    b.add("Patient: ", *hdr_name(r, c.pt))
    b.add("  MRN: ", ("ID", c.mrn), "  Loc: ", ("LOCATION", c.ward), "\n")
    b.add("Date/time: ", D(r, c.dos), " ", T(r), "\n\n")
    b.add("Question: ", *age_sex(r, c.age, c.sex))
    b.add(" w/ " + ", ".join(c.pmh[:2]) + ", admitted " + r.choice(["HD %d" % c.hd, "for " + c.dx]) + ". ")
    b.add(r.choice(["Now with ", "Found to have ", "Noted "]), ("VITAL", lab_val(r, r.choice(LABS))), " and ",
          ("VITAL", lab_val(r, r.choice(LABS))), ". ")
    if r.random() < 0.5:
        b.add("Outside films from ", ("HOSPITAL", facility(r)), " " + r.choice(["show", "reportedly show"]) + " ",
              ("EPONYM", r.choice(["Pancoast tumor", "Kerley B lines", "Hampton hump", "Westermark sign"])), ". ")
    b.add(r.choice(["Please eval for ", "Recs re: ", "?"]) + r.choice(["need for HD", "cath", "antibiotic choice",
                                                                      "EGD", "EEG/seizure mgmt", "goals of care", "capacity"]) + ".\n")
    b.add("Current: ", *drug_line(r))
    b.add("; ", *drip_line(r) if r.random() < 0.5 else drug_line(r))
    b.add(". Lines: ", ("DEVICE", r.choice(DEVICES)), ".\n")
    b.add("Urgency: " + r.choice(["routine", "urgent - today", "STAT", "within 24h"]) + ".\n")
    if r.random() < 0.5:
        b.add("Attending aware: ", *staff_ref(r, c.att, "md"), ".\n")
    if r.random() < 0.3:
        b.add("Images available at ", ("CONTACT", r.choice(["https://pacs.%s.org/viewer" % r.choice(["hollisvalley", "northshoreimg", "ashburyhealth"]),
                                                             "%d.%d.%d.%d" % (10, r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                                             "www.%s-imaging.com" % r.choice(["cedarridge", "bayside", "marlow"])])), ".\n")


def doc_ed_note(b, c):
    r = b.rng
    he, his = c.he(), c.his()
    b.add(r.choice(["ED PROVIDER NOTE", "Emergency Department Physician Note", "ED Attending Note", "ED H&P"]), "\n")
    if r.random() < 0.6:
        header_block(b, c)
    else:
        b.add(D(r, c.dos, r.choice(["weekday", "long", "mdY"])), " ", T(r), "\n\n")
    b.add("HPI: ", *age_sex(r, c.age, c.sex))
    b.add(" " + r.choice(["with hx of ", "w/ PMH ", "PMHx "]) + ", ".join(c.pmh) + " who presents with " + c.cc + ". ")
    x = r.random()
    if x < 0.3:
        b.add("Transferred from ", ("HOSPITAL", facility(r)), " where " + he + " was found to have " + c.dx + ". ")
    elif x < 0.55:
        b.add(r.choice(["BIBA from ", "Sent in from "]), ("HOSPITAL", c.snf), " after " + r.choice(["unwitnessed fall", "staff noted AMS", "desat to 82%"]) + ". ")
    else:
        b.add("Pt states symptoms began " + r.choice(["2 days ago", "this morning", "last night", "about a week ago"]) + ". ")
    b.add(*date_ref(r, c))
    b.add(". ")
    kin, fp = r.choice(c.family)
    b.add("History obtained from pt and ", *kin_ref(r, kin, fp))
    b.add(" at bedside.\n\n")
    history_line(b, c)
    b.add("\nMeds: ")
    for i in range(r.randint(2, 5)):
        if i:
            b.add(", ")
        b.add(*drug_line(r))
    b.add("\nSocial: ")
    social_history(b, c)
    b.add("\n\nExam: ", *vitals(r))
    b.add("\n", *exam(r, lines=r.random() < 0.5))
    b.add("\nData: ", *lab_run(r))
    b.add("\n", *cxr_line(r))
    b.add("\nECG: " + r.choice(["sinus tach 112, no STE", "AF w/ RVR 140s", "NSR, LBBB (old)", "paced rhythm"]) + ".\n")
    b.add("\nMDM/Course: " + r.choice(["Sepsis bundle initiated, ", "Given ", "Started "]), *drug_line(r))
    b.add(" and ", ("MEASUREMENT", "%d mL" % r.choice([500, 1000, 2000, 30 * 70])), " LR. ")
    if r.random() < 0.5:
        b.add(("DEVICE", r.choice(["R IJ CVC", "A-line", "chest tube", "PICC"])), " placed. ")
    b.add(r.choice(["Case d/w ", "Spoke w/ ", "d/w "]), *staff_ref(r, c.cons, r.choice(["md", "pa"])))
    b.add(r.choice([" (MICU) who accepts", ", ICU fellow, will see", " from cards", " - recs appreciated"]))
    if r.random() < 0.5:
        b.add(" at ", T(r))
    b.add(".\nDispo: " + r.choice(["MICU", "SICU", "step-down", "CCU"]))
    if r.random() < 0.5:
        b.add(", ", ("LOCATION", c.ward))
    b.add(". Condition " + r.choice(["critical", "guarded", "stable"]) + ".")
    b.add(*sig_block(r, c.att, "MD", date=(fmt_date(r, c.dos), fmt_time(r))))


def doc_transfer(b, c):
    r = b.rng
    b.add(r.choice(["ICU TRANSFER ACCEPT NOTE", "Transfer Center - Accept Note", "MICU Accept Note", "accept note"]), "\n\n")
    b.add("Call received ", D(r, c.dos, r.choice(["mdY", "md", "mon_th", "Mon_d_Y"])), " at ", T(r), " from ",
          *staff_ref(r, make_person(r), "md"))
    b.add(" at ", ("HOSPITAL", c.hosp))
    if r.random() < 0.5:
        b.add(" in ", ("LOCATION", r.choice(US_TOWNS)))
        if r.random() < 0.5:
            st = r.choice(STATES)
            b.add(", ", ("LOCATION", st[0] if r.random() < 0.5 else st[1]))
    b.add(" (", ("PHONE", phone(r)), ").\n")
    b.add("Pt: ", *hdr_name(r, c.pt))
    b.add(", ", *age_sex(r, c.age, c.sex))
    b.add(". OSH MRN ", ("ID", mrn(r)), ".\n\n")
    b.add("Summary: presented to OSH " + r.choice(["2 days ago", "yesterday", "this am"]) + " with " + c.cc + ", found to have " + c.dx + ". ")
    b.add("At OSH received ", *drug_line(r))
    b.add(" and was started on ", *drip_line(r))
    b.add(". " + r.choice(["Intubated for airway protection; ", "On BiPAP; ", "Now on 6L NC; "]))
    b.add("last VS: ", *vitals(r, n=4))
    b.add(".\nOSH labs: ", *lab_run(r, r.randint(3, 6), sep=", "))
    b.add(".\n")
    if r.random() < 0.6:
        b.add("Outside films from ", ("HOSPITAL", r.choice([r.choice(FAC_WORDS), facility(r)])), " pushed to PACS")
        if r.random() < 0.5:
            b.add(" (", ("CONTACT", "%d.%d.%d.%d" % (r.choice([10, 172, 192]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))), ")")
        b.add("; " + r.choice(["report notes ", "prelim read "]), ("EPONYM", r.choice(["Kerley B lines", "Pancoast tumor", "Hampton hump"])), ".\n")
    b.add("Lines/devices: ", ("DEVICE", r.choice(DEVICES)), ", ", ("DEVICE", r.choice(DEVICES)), ".\n")
    b.add("Code status: " + r.choice(["full", "DNR/DNI", "DNR"]) + ". HCP: ", *kin_ref(r, *c.family[0]))
    b.add(", ", ("PHONE", phone(r)), ".\n")
    b.add("Accepted to ", ("LOCATION", c.ward), r.choice([" MICU", " step-down unit", "", " - the CCU"]), " under ",
          *staff_ref(r, c.att, "md"))
    b.add(". ETA ")
    if r.random() < 0.4:
        b.add("by ", T(r))
    else:
        b.add(r.choice(["~2h", "tonight", "pending bed", "1-2 hrs"]))
    b.add(".\n")
    if r.random() < 0.5:
        b.add("Transfer center RN: ", ("NAME", c.rn.first), " ", r.choice(["x", "ext "]), ("PHONE", ext_no(r)), "\n")
    b.add(*sig_block(r, c.res, "MD"))


def doc_family(b, c):
    r = b.rng
    b.add(r.choice(["FAMILY MEETING NOTE", "ICU Social Work Note", "Family Meeting - Goals of Care", "sw note"]), "\n")
    b.add(D(r, c.dos), " ", T(r), "\n\n")
    b.add("Present: ")
    ppl = [staff_ref(r, c.att, "md"), staff_ref(r, c.sw, "sw"), staff_ref(r, c.rn, "rn")] + \
        [kin_ref(r, k, p) for k, p in c.family]
    r.shuffle(ppl)
    for i, p in enumerate(ppl):
        if i:
            b.add(", ")
        b.add(*p)
    if r.random() < 0.4:
        b.add(", interpreter (" + r.choice(["Spanish", "Haitian Creole", "Portuguese", "Vietnamese", "Cantonese", "Russian"]) + ") ",
              "ID ", ("ID", digits(r, 5)))
    b.add(".\n\n")
    b.add("Discussed: ", *age_sex(r, c.age, c.sex))
    b.add(" with " + c.dx + ", HD " + str(c.hd) + ", remains on ")
    b.add(*drip_line(r))
    b.add(" and ", ("DEVICE", r.choice(["ETT", "trach", "BiPAP mask", "Impella", "IABP"])), ". ")
    b.add("Reviewed " + r.choice(["poor prognosis", "trajectory", "options including trach/PEG vs comfort care"]) + ". ")
    kin, fp = r.choice(c.family)
    b.add(*kin_ref(r, kin, fp))
    b.add(" " + r.choice(["tearful, asked good questions", "states pt 'would not want to live on machines'",
                          "wants everything done", "needs time to talk with siblings"]) + ". ")
    if r.random() < 0.6:
        b.add("Another " + r.choice(["son", "daughter", "brother", "sister"]) + ", ", ("NAME", make_person(r).first),
              ", lives in ", ("LOCATION", r.choice(TOWNS)), " and " + r.choice(["will fly in ", "joined by phone", "arrives "]))
        if r.random() < 0.5:
            b.add("on the ", ("DATE", ordinal(r.randint(1, 28))))
        b.add(".\n")
    b.add("\nSocial hx: ")
    social_history(b, c, n=r.randint(2, 4))
    b.add("\n\nPlan: " + r.choice(["DNR/DNI, continue current care", "transition to CMO", "time-limited trial x 72h",
                                     "revisit tomorrow"]) + ". ")
    b.add("Follow up meeting ", D(r, c.dos + datetime.timedelta(days=r.randint(1, 4)), r.choice(["md", "mon_th", "long"])), " at ",
          ("TIME", r.choice(["noon", fmt_time(r)])), ". ")
    if r.random() < 0.5:
        b.add("Family can reach SW at ", r.choice(["x", "ext. "]), ("PHONE", ext_no(r)))
        if r.random() < 0.4:
            b.add(" or ", ("CONTACT", email(r, c.sw).split("@")[0] + "@" + r.choice(["hollisvalleyhealth.org", "mgh-demo.org", "ashburymed.org"])))
        b.add(".")
    b.add(*sig_block(r, c.sw, r.choice(["LICSW", "MSW", "SW"]), with_pager=False))


DOC_TYPES = [(doc_triage, 12), (doc_nursing, 14), (doc_progress, 16), (doc_rt, 10), (doc_flowsheet, 7),
             (doc_labs, 8), (doc_meds, 8), (doc_consult, 8), (doc_ed_note, 10), (doc_transfer, 6), (doc_family, 6)]
NO_PHI_TYPES = [doc_nursing, doc_progress, doc_rt, doc_labs, doc_meds]


# --------------------------------------------------------------------------
# Driver and self-check
# --------------------------------------------------------------------------
def make_doc(r, idx):
    for _attempt in range(60):
        phi_ok = r.random() >= 0.15
        if phi_ok:
            fns, ws = zip(*DOC_TYPES)
            fn = r.choices(fns, weights=ws)[0]
        else:
            fn = r.choice(NO_PHI_TYPES)
        x = r.random()
        if fn in (doc_flowsheet, doc_labs):
            case = "upper" if x < 0.3 else ("lower" if x < 0.4 else "mixed")
        elif fn in (doc_nursing, doc_rt):
            case = "lower" if x < 0.25 else ("upper" if x < 0.35 else "mixed")
        else:
            case = "upper" if x < 0.15 else ("lower" if x < 0.27 else "mixed")
        b = Doc(r, case=case, phi_ok=phi_ok, noise=r.choice([0.0, 0.03, 0.08, 0.15]))
        c = Ctx(r, phi_ok)
        fn(b, c)
        text = b.text().strip("\n") + "\n"
        # the strip can only remove leading newlines; shift spans accordingly
        lead = len(b.text()) - len(b.text().lstrip("\n"))
        if not (300 <= len(text) <= 2500):
            continue
        if phi_ok and not (2 <= len(b.phi) <= 24):
            continue
        phi = [dict(s, start=s["start"] - lead, end=s["end"] - lead) for s in b.phi]
        prot = [dict(s, start=s["start"] - lead, end=s["end"] - lead) for s in b.prot]
        return {"id": "icued-%s-%05d" % (fn.__name__[4:], idx), "text": text, "phi": phi, "protected": prot}
    raise RuntimeError("could not generate document %d" % idx)


def check(rec):
    errs = []
    t = rec["text"]
    for key, lab in (("phi", "label"), ("protected", "kind")):
        spans = rec[key]
        prev = -1
        for s in spans:
            st, en = s["start"], s["end"]
            if not (0 <= st < en <= len(t)):
                errs.append("%s span out of range %r" % (key, s))
                continue
            seg = t[st:en]
            if seg != seg.strip():
                errs.append("%s span has edge whitespace %r" % (key, seg))
            if st < prev:
                errs.append("%s spans unsorted/overlapping at %d" % (key, st))
            prev = en
            if key == "phi" and s[lab] not in PHI_LABELS:
                errs.append("bad label %r" % s[lab])
            if key == "protected" and s[lab] not in PROT_KINDS:
                errs.append("bad kind %r" % s[lab])
    # phi vs protected overlap
    allsp = sorted([(s["start"], s["end"]) for s in rec["phi"]] + [(s["start"], s["end"]) for s in rec["protected"]])
    for (a0, a1), (b0, b1) in zip(allsp, allsp[1:]):
        if b0 < a1:
            errs.append("phi/protected overlap at %d" % b0)
    if not (300 <= len(t) <= 2500):
        errs.append("length %d" % len(t))
    return errs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    r = random.Random(a.seed)
    recs = [make_doc(r, i) for i in range(a.n)]
    bad = 0
    for rec in recs:
        e = check(rec)
        if e:
            bad += 1
            sys.stderr.write("SELF-CHECK FAILED %s: %s\n" % (rec["id"], "; ".join(e[:5])))
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    if bad:
        sys.stderr.write("%d of %d records failed the self-check\n" % (bad, len(recs)))
        return 1
    nphi = sum(len(x["phi"]) for x in recs)
    with_phi = sum(1 for x in recs if x["phi"])
    sys.stderr.write("wrote %d records to %s (%d with PHI, %d PHI spans, %d protected spans); self-check passed\n"
                     % (len(recs), a.out, with_phi, nphi, sum(len(x["protected"]) for x in recs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
