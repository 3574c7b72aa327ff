#!/usr/bin/env python3
"""Synthetic annotated corpus: community, home-based and administrative care.

Home-health / VNA visits, hospice notes, EMS run reports, inter-facility
transfer forms, telephone encounters, patient-portal messages, telehealth
transcripts, occupational-health CXR forms, immigration TB-screening CXR
forms and correctional-facility health notes.  Every PHI value is inserted
through Doc.w(), which records exact character offsets.

    python3 gen.py --seed S --n N --out FILE.jsonl

Standard library only.
"""
import argparse
import datetime as dtm
import json
import random
import sys

PHI_LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION",
              "HOSPITAL", "ORGANIZATION", "CONTACT"}
PROT_KINDS = {"MEASUREMENT", "FRACTION", "SETTING", "VITAL", "EPONYM",
              "DEVICE", "DRUG"}

# --------------------------------------------------------------------------
# Surrogate lists (written for this program)
# --------------------------------------------------------------------------
GIVEN_F = """
Margaret Dorothy Evelyn Mildred Eleanor Beatrice Edith Irene Muriel Phyllis
Shirley Thelma Wilma Emily Olivia Chloe Ashley Kayla Crystal Heather Amber
Lorraine Deborah Tammy Brenda Gladys Bernice Harriet Loretta Agnes
Siobhan Niamh Aoife Fiona Moira Brigid Ailsa Eilidh Deirdre Maeve
María Guadalupe Ximena Rosario Esperanza Yesenia Marisol Consuelo Dolores
Lupita Graciela Araceli Maricruz Itzel
Conceição Leonor Fernanda Inês Filipa Amélie Géraldine Margaux Solène
Jacqueline Anneke Griet Liesel Heike Ingrid Carmela Antonella Rosaria
Graziella Filomena Agnieszka Małgorzata Jadwiga Bożena Svetlana Oksana
Yuliya Tetiana Lyudmila Nadezhda Eleni Vasiliki Panagiota Despina Ayşe
Zeynep Elif Gülşen Fatima Layla Yasmin Noor Rania Samira Amal Shirin
Parisa Nasrin Golnaz Folasade Ngozi Chiamaka Akosua Abena Efua Temitope
Ifeoma Wanjiru Achieng Selam Nyokabi Hodan Faduma Amani Priya Anjali
Lakshmi Deepika Harpreet Meenakshi Farhana Sunita Kavitha Mei-Ling Ji-yeon
Seo-yeon Nguyet Thanh Akiko Yuki Sakura Xiaoling Maricel Jocelyn Rowena
Lourdes Marites Winona Tallulah Ayasha Kimimela Aiyana Hania Sigrid Astrid
Ingeborg Solveig Kari Freya Hope Joy Grace Faith Rose Summer Dawn Holly
Ivy Iris Pearl Ruby Sunny Destiny Patience Mercy Constance June April May
Charity Brooke Autumn Precious Blessing
""".split()

GIVEN_M = """
James Robert Harold Walter Arthur Clifford Gerald Leonard Norman Ronald
Stanley Vernon Ethan Mason Brandon Tyler Dustin Travis Cody Earl Lyle
Marcus Dwayne Curtis Floyd Elmer Ciaran Declan Padraig Eamon Callum Seamus
Torin Malcolm Rory Fergus José Alejandro Joaquín Iván Refugio Héctor Rafael
Edgar Ubaldo Epifanio João Gonçalo Tiago Rui Duarte Thierry Benoît Yannick
Hervé Mathieu Joris Maarten Wouter Dieter Jürgen Wolfgang Klaus Giuseppe
Salvatore Vincenzo Lorenzo Domenico Krzysztof Wojciech Grzegorz Tomasz
Dmitri Bohdan Mykola Vasyl Anatoliy Sergei Dimitrios Konstantinos Spyros
Stavros Mehmet Emre Burak Hüseyin Mohammed Omar Khalid Tariq Abdullah
Hassan Youssef Dariush Kourosh Farhad Behrouz Oluwaseun Adebayo Chukwuemeka
Obinna Kwame Yaw Kofi Babatunde Nnamdi Kwabena Kamau Otieno Tesfaye Abebe
Mulugeta Baraka Abdirahman Rajesh Venkatesh Sanjay Gurpreet Arjun Imran
Ravi Wei Xiaoming Jian Hyun-woo Minh Hiroshi Haruto Takeshi Jun Rodrigo
Bienvenido Ferdinand Dindo Chayton Dakota Nodin Takoda Lars Bjørn Leif
Torstein Eirik Henrik Will Mark Guy Chance Sterling River Bill Drew Cash
Rusty Sonny Buck Bishop Royal Deacon
""".split()

SURNAMES = """
Smith Abernathy Hadley Whitcombe Pemberton Ashworth Fairbanks Thistlewood
Cartwright Hollingsworth Blackwood Haverford Kingsley Pennington Radcliffe
Sutcliffe Underwood Wainwright Yardley Fenwick Cobb Dunmore Frost Bishop
Lane Hardy Wolf Young Rivers Hope Joy Baker Walker Stone Brown Green Black
White Cook Hunter Fox Love Price Read Marsh Hill Ford Banks Strong Wise
Sharp Moody Golden Early Noble Major King Rich Storm North West Winter Snow
Bliss Mason Carpenter Porter Gardner Fisher Bell Church Small Long Bush
Wood Swift Knight Day Savage Armstrong
O'Shaughnessy McAllister MacLeod O'Brien McGillicuddy O'Donoghue McCready
Fitzgerald Kavanagh MacKinnon O'Rourke McTavish Gallagher Duffy Quigley
Buchanan MacPherson O'Shaughnessy-Ruiz Ní_Bhriain
García_López Hernández_Ruiz Rodríguez_Vega Fernández_Soto
González_Ibarra Pérez_Molina Sánchez-Villalobos Ramírez_Ochoa
Torres_Aguilar Castillo_Núñez Delgado_Reyes Ortega_Salinas
de_la_Fuente del_Valle de_León Cienfuegos Echeverría Zúñiga
Villanueva Quintanilla Barrientos Martínez_de_la_Cruz
Figueiredo Magalhães Gonçalves Carvalho Rebelo da_Silva dos_Santos
Albuquerque Medeiros Pacheco Sousa Tavares
Lefèvre Dubois Beauchamp Thibodeaux Girard Rousseau Desjardins Laframboise
Marchand Boudreau LeBlanc Tremblay Duchesne
van_der_Berg van_Dijk de_Vries ter_Horst van_den_Heuvel
von_Richter Schmidt Müller Vogelsang Hoffmann Brandt Kessler Eichhorn
Oberholzer Janssen de_Groot van_Houten Dijkstra
Esposito Russo Bianchi Ferraro Di_Stefano Lombardi Marchetti Caruso
De_Luca Santoro Galli Pellegrino D'Angelo Iannucci Del_Vecchio di_Salvo
Kowalczyk Wiśniewski Nowak Zieliński Wróblewska Grabowski Szymańska
Kaczmarek Jankowski Przybylski
Ivanova Petrenko Kovalenko Shevchenko Bondarenko Smirnov Volkov Kuznetsova
Tkachenko Melnyk Hrytsenko Sokolov
Papadopoulos Konstantinidis Georgiou Alexandrou Karagiannis Economou Pappas
Stavropoulos
Yılmaz Öztürk Kaya Demir Çelik Aydın Şahin Arslan
al-Rashid Haddad Khoury El-Amin bin_Said Abdel-Rahman Nassar Saleh
Mansour al-Hakim Farouk Aziz Darwish Hamdan
Tehrani Hosseini Karimi Moradi Rahimi Jafari Farahani Sadeghi
Okonkwo Adeyemi Oyelaran Okafor Nwosu Eze Chukwu Mensah Asante Owusu
Boateng Appiah Osei Danquah Ogunleye Abiodun Nnaji Afolabi
Kamau Otieno Wanjiku Mwangi Odhiambo Haile Gebremedhin Abdi Warsame
Mohamud Nyambura Kiprotich Okello Mugisha Habimana
Patel Venkataraman Chatterjee Subramanian Iyer Sandhu Gill Reddy Banerjee
Chowdhury Rahman Siddiqui Nair Krishnamurthy Desai Bhattacharya
Pham Nguyen Tran Le Vu Huynh Nakamura Takahashi Yamamoto Sato Watanabe Kim
Park Choi Jeon Wang Zhang Liu Chen Huang Zhao Lin Xu Ng Leung Chan
Dela_Cruz Santos Reyes Bautista Villareal Macaraeg Pangilinan
Dimaculangan Mercado Soriano
Yazzie Begay Tsosie Benally Redcloud Whitehorse Lonebear Runningwater
Two_Bulls Yellowhair Manuelito Deschenie
Lindqvist Johansson Haugen Bjørnstad Halvorsen Sørensen Nyström
Eriksdottir Thorvaldsen Åberg Lund Virtanen Korhonen Ter_Haar
""".split()
SURNAMES = [s.replace("_", " ") for s in SURNAMES]

SYL_A = ["Ka", "Tor", "Mel", "Vra", "Zu", "Ob", "Quil", "Dra", "Ny", "Sel",
         "Ash", "Bre", "Cor", "Fen", "Gal", "Hul", "Iv", "Jas", "Lor", "Mab"]
SYL_B = ["ven", "ri", "tha", "mon", "del", "ska", "ro", "zan", "li", "bar",
         "wyn", "der", "na", "sko", "vi", "ette", "mir", "qua", "dre", "lis"]
SYL_C = ["", "", "a", "o", "son", "stad", "ek", "ani", "ley", "ova", "ez",
         "ington", "uk", "ard"]


def invented_name(r, surname=False):
    s = r.choice(SYL_A) + r.choice(SYL_B) + r.choice(SYL_C if surname else ["", "", "a", "o", "ie", "el", "yn"])
    return s


REAL_TOWNS = """
Tewksbury|Chelmsford|Dracut|Methuen|Haverhill|Gloucester|Fitchburg|Leominster|
Athol|Ware|Palmer|Holyoke|Chicopee|Pittsfield|North Adams|Bangor|Lewiston|
Biddeford|Nashua|Keene|Claremont|Rutland|Barre|Woonsocket|Pawtucket|Norwich|
Torrington|Meriden|Utica|Elmira|Binghamton|Oneonta|Scranton|Wilkes-Barre|
Altoona|Johnstown|Erie|Akron|Dayton|Zanesville|Muncie|Kokomo|Terre Haute|
Peoria|Decatur|Joliet|Saginaw|Flint|Kalamazoo|Dubuque|Waterloo|Duluth|Fargo|
Bismarck|Rapid City|Casper|Pueblo|Gallup|Shiprock|Chinle|Tuba City|Yuma|
Las Cruces|El Paso|Laredo|Brownsville|McAllen|Odessa|Abilene|Lubbock|Tulsa|
Muskogee|Joplin|Springfield|Paducah|Bowling Green|Knoxville|Chattanooga|
Macon|Valdosta|Dothan|Tuscaloosa|Hattiesburg|Lafayette|Lake Charles|
Shreveport|Texarkana|Pine Bluff|Spartanburg|Asheville|Roanoke|Lynchburg|
Harrisonburg|Cumberland|Salisbury|Vineland|Camden|Yakima|Spokane|Medford|
Eureka|Redding|Fresno|Bakersfield|Visalia|Modesto|Stockton|Salinas|Oxnard|
Hilo|Kahului|Fairbanks|Bethel|Nome|Ponce|Mayagüez|
Nairobi|Mombasa|Kisumu|Eldoret|Addis Ababa|Gondar|Mekelle|Mogadishu|Hargeisa|
Kismayo|Kampala|Gulu|Kigali|Bujumbura|Goma|Bukavu|Lagos|Ibadan|Enugu|Kano|
Accra|Kumasi|Tamale|Dakar|Freetown|Monrovia|Khartoum|Juba|Asmara|Cairo|
Aleppo|Homs|Damascus|Baghdad|Mosul|Erbil|Kabul|Herat|Kandahar|Mazar-i-Sharif|
Tehran|Shiraz|Karachi|Lahore|Peshawar|Dhaka|Chittagong|Cox's Bazar|Kathmandu|
Yangon|Mandalay|Hpa-An|Ho Chi Minh City|Hanoi|Da Nang|Manila|Cebu|Davao|
Iloilo|Guangzhou|Fuzhou|Chengdu|Port-au-Prince|Cap-Haïtien|Santo Domingo|
San Pedro Sula|Tegucigalpa|Quetzaltenango|Huehuetenango|San Salvador|Oaxaca|
Guadalajara|Puebla|Tijuana|Medellín|Cali|Maracaibo|Lima|Kharkiv|Lviv|Odesa|
Zaporizhzhia|Tbilisi|Chisinau|Tirana|Kraków|Gdańsk|Porto|Braga|Coimbra|
Naples|Palermo|Thessaloniki|Izmir|Konya|Gaziantep|Rotterdam|Utrecht|Bergen|
Tromsø|Galway|Cork|Limerick|Glasgow|Aberdeen|Inverness|Leeds|Bradford
"""
REAL_TOWNS = [t.strip() for t in REAL_TOWNS.replace("\n", "").split("|") if t.strip()]

INVENTED_TOWNS = """
Hollis Valley|Marrowgate|East Pellham|Quarry Hill|Ashby Falls|North Wendham|
Brackett Mills|Fenwick Center|Lowry Junction|Sutter's Crossing|Greyhaven|
Pine Barrow|Millbrook Station|Caddo Springs|Oxbow Flats|West Tillbury|
Kestrel Point|Harlan Ford|Dunmore Hollow|Saxon Ridge|Coldwater Bend|
South Amberly|Wickham Falls|Tamarack Lake|Port Ellery|Haskell|Vossburg|
New Carrow|Lindenhurst Mills|Bellweather|Dorrance|Grafton Springs|Ostrava Lake|
Maple Shade Junction|Cranmoor|Ellisport|Fairlee Center|Holloway|Brimfield Corners|
Wexcombe|Redhollow|Stillwater Bend|Larchmont Falls|Quincey Ridge|Annisfield
"""
INVENTED_TOWNS = [t.strip() for t in INVENTED_TOWNS.replace("\n", "").split("|") if t.strip()]
TOWNS = REAL_TOWNS + INVENTED_TOWNS

US_TOWNS = REAL_TOWNS[:REAL_TOWNS.index("Mayagüez") + 1] + INVENTED_TOWNS
ABROAD_TOWNS = REAL_TOWNS[REAL_TOWNS.index("Nairobi"):]

STATES = [("MA", "Massachusetts"), ("NH", "New Hampshire"), ("ME", "Maine"),
          ("VT", "Vermont"), ("RI", "Rhode Island"), ("CT", "Connecticut"),
          ("NY", "New York"), ("PA", "Pennsylvania"), ("OH", "Ohio"),
          ("NM", "New Mexico"), ("AZ", "Arizona"), ("TX", "Texas"),
          ("GA", "Georgia"), ("TN", "Tennessee"), ("MN", "Minnesota"),
          ("WA", "Washington"), ("CA", "California"), ("OK", "Oklahoma"),
          ("LA", "Louisiana"), ("NC", "North Carolina"), ("MI", "Michigan"),
          ("IA", "Iowa"), ("AK", "Alaska"), ("HI", "Hawaii")]

COUNTIES = ["Hollister", "Essex", "Worcester", "Franklin", "Penobscot",
            "Coos", "Caddo", "McKinley", "Apache", "Hidalgo", "Bexar",
            "Dougherty", "Sevier", "Wythe", "Berrien", "St. Louis",
            "Yakima", "Tulare", "Kern", "Muscogee", "Cherokee", "Bristol"]

COUNTRIES = ["Guatemala", "Honduras", "El Salvador", "Mexico", "Haiti",
             "Dominican Republic", "Ukraine", "Russia", "Afghanistan", "Iraq",
             "Syria", "Somalia", "Ethiopia", "Eritrea", "Sudan", "South Sudan",
             "Democratic Republic of the Congo", "DRC", "Burundi", "Rwanda",
             "Uganda", "Kenya", "Tanzania", "Nigeria", "Ghana", "Liberia",
             "Sierra Leone", "Senegal", "Bangladesh", "Myanmar", "Burma",
             "Nepal", "Bhutan", "Pakistan", "India", "Philippines", "Vietnam",
             "China", "Iran", "Cuba", "Venezuela", "Colombia", "Peru",
             "Ecuador", "Brazil", "Portugal", "Cape Verde", "Poland",
             "Moldova", "Georgia", "Albania", "Turkey", "Yemen", "Jordan",
             "Lebanon", "Egypt", "Thailand", "Cambodia", "Laos", "Jamaica",
             "Malaysia", "Tajikistan", "Mongolia", "Indonesia", "Chad"]

CAMPS = ["Kakuma", "Dadaab", "Nyarugusu", "Kutupalong", "Zaatari", "Mae La",
         "Nakivale", "Dzaleka", "Bidi Bidi", "Kyangwali", "Mtendeli",
         "Shagarab", "Meheba", "Azraq", "Ifo", "Hagadera", "Dagahaley",
         "Kiryandongo", "Rhino Camp", "Mae Ra Ma Luang", "Mbera", "Minawao",
         "Umpiem Mai", "Nu Po"]

NEIGHBORHOODS = ["Eastie", "the Flats", "Hilltop", "Southside", "Germantown",
                 "Little Haiti", "Frog Hollow", "the Acre", "Brightwood",
                 "Mill Village", "Upper Falls", "Pinecrest Estates",
                 "Whispering Pines", "Lakeview Terrace", "Ironbound",
                 "Fishtown", "Goat Hill", "the North End", "Oak Knoll"]

STREET_BASES = """
Birchwood Maple Elm Oak Pine Cedar Chestnut Washington Lincoln Jefferson
Main High Water Mill Church School Prospect Pleasant Summer Winter Spring
Union Franklin Park Lake River Hillside Ridge Valley Orchard Meadow Forest
Bridge Depot Railroad Canal Quarry Tanager Kestrel Heron Tamarack Sassafras
Juniper Mulberry Magnolia Dogwood Sycamore Willow Aspen Hawthorne Larkspur
Primrose Foxglove Thistle Abernathy Pemberton Kingsley Cornwallis Ashby
Varnum Pawtucket Merrimack Wentworth Bradstreet Lowell Tyngsboro Concord
""".split() + ["Old Mill", "Old County", "Powder House", "Martin Luther King Jr",
               "Cesar Chavez", "Bay State", "Lower Falls", "Sandy Hollow",
               "Indian Hill", "Fox Run", "Deer Path"]
STREET_SUFFIX = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Ln", "Lane",
                 "Dr", "Drive", "Ct", "Court", "Way", "Blvd", "Terrace", "Pl",
                 "Circle", "Pike", "Hwy"]

FAC_PRE = """
Hollis Valley|Maple Crest|St. Brigid's|Riverside|North Shore|Cedar Knoll|
Whitestone|Harbor View|Pine Ridge|Lakeshore|Merrimack Valley|Blue Heron|
Good Shepherd|Our Lady of Mercy|Sacred Heart|Fairhaven|Greenbriar|Brookside|
Oak Hollow|Willow Bend|Silver Lake|Meadowbrook|Evergreen|Summit|Tri-County|
Mid-Valley|Sandhill|Cobble Hill|Heritage|Pleasant View|Laurel Grove|
St. Casimir|Mount Carmel|Bayberry|Stonebridge|Wachusett|Hawthorne|Kingsbury|
Abernathy|Pemberton|Thornfield|Eastgate|Copper Beech|Ridgecrest|Windward|
Ledgewood|Saint Anselm's|Holy Family|Cape Ann|Beacon Hill|Juniper|Aldridge|
Marlow|Quarry Point|High Plains|Desert Sage|Red Mesa|Big Horn|Bayou Teche|
Magnolia Gardens|Cypress Landing|Kettle Pond|Grey Rock|Sunrise|Westfield
"""
FAC_PRE = [t.strip() for t in FAC_PRE.replace("\n", "").split("|") if t.strip()]

FAC_TYPES = {
    "hospital": ["Hospital", "Medical Center", "Regional Medical Center",
                 "Community Hospital", "General Hospital", "Health"],
    "snf": ["Nursing Home", "Manor", "Villa", "Lodge", "Care Center", "Rehab",
            "Rehabilitation & Nursing", "House", "Health Care Center",
            "Assisted Living", "Senior Living", "Skilled Nursing"],
    "hospice": ["Hospice", "Hospice House", "Hospice & Palliative Care"],
    "hh": ["Home Health", "Visiting Nurse Association", "VNA", "Home Care",
           "Home Health & Hospice"],
    "clinic": ["Clinic", "Family Practice", "Cardiology Associates",
               "Internal Medicine Associates", "Health Center",
               "Community Health Center", "Pulmonary Associates",
               "Primary Care", "Family Medicine"],
    "imaging": ["Imaging", "Radiology Associates", "Diagnostic Imaging",
                "Open MRI & Imaging"],
    "occ": ["Occupational Health", "WorkCare Clinic", "Occupational Medicine",
            "Employee Health"],
    "panel": ["Medical Centre", "Panel Clinic", "Migration Health Clinic",
              "Diagnostic Centre", "Medical Services"],
}

EMPLOYERS = ["Kessler Marine Works", "Tri-State Poultry", "Granite Ridge Quarry",
             "Northeast Rail Services", "Hollister Steel Fabricators",
             "Pioneer Abatement Co.", "Dunmore Foundry", "Atlantic Fish Processors",
             "Bayside Demolition", "Cold Spring Dairy", "Ostrander Trucking",
             "Merrimack Paper Mill", "Lakeland Schools", "Walmart", "Amazon",
             "UPS", "Tyson Foods", "Sunbelt Drywall", "Red Mesa Uranium Co.",
             "Coastal Shipyard Group", "Vega Brothers Landscaping",
             "Fairlee Glass Works", "Prairie Grain Cooperative",
             "Ridgeline Tunneling", "Cumberland Coal", "Iron Horse Sandblasting",
             "Big Horn Mining", "Delmarva Packing", "Summit Stone & Tile"]
SCHOOLS = ["Lincoln Elementary", "Tewksbury Memorial High", "St. Casimir School",
           "Hollis Valley Middle School", "Greyhaven Community College",
           "Riverside Charter Academy", "Oak Knoll Montessori"]
CHURCHES = ["St. Casimir Parish", "First Baptist Church", "Greater Mount Zion AME",
            "St. Brigid's Parish", "Holy Trinity Greek Orthodox", "Masjid al-Noor",
            "Grace Lutheran", "Iglesia Pentecostal El Shaddai",
            "Temple Beth Shalom", "St. Volodymyr Ukrainian Catholic Church"]
FUNERAL = ["Dunmore & Sons Funeral Home", "Kingsbury-Hale Funeral Home",
           "Pellegrino Memorial Chapel", "Greenlawn Funeral Service",
           "McAllister Funeral Home", "Rivers & Young Funeral Home"]
PHARMACIES = ["Brennan's Pharmacy", "Valley Drug", "Hollis Apothecary",
              "Main Street Pharmacy", "Medi-Mart", "Carrow Family Pharmacy"]
EMS_AGENCIES = ["Tri-Town Ambulance", "Medstar Regional EMS", "Lifeline Ambulance",
                "Cataract Fire & Rescue", "Hollis Valley Fire Dept", "Pro EMS",
                "Caddo Parish EMS", "Navajo Nation EMS", "Kestrel Point Rescue Squad",
                "Northstar Ambulance", "Atlantic Paramedic Services"]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
NUMW = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
        94: "ninety-four", 95: "ninety-five", 96: "ninety-six",
        97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine",
        100: "one hundred", 101: "one hundred and one", 102: "one hundred two",
        103: "one hundred three"}

# --------------------------------------------------------------------------
# Clinical (protected) vocabulary
# --------------------------------------------------------------------------
MEDS = [("furosemide", "40 mg", "PO daily"), ("Lasix", "20 mg", "PO BID"),
        ("metoprolol tartrate", "25 mg", "PO BID"), ("apixaban", "5 mg", "BID"),
        ("Eliquis", "2.5 mg", "BID"), ("warfarin", "5 mg", "daily"),
        ("lisinopril", "10 mg", "daily"), ("metformin", "500 mg", "BID"),
        ("insulin glargine", "22 units", "qHS"), ("Lantus", "18 units", "qHS"),
        ("atorvastatin", "40 mg", "qHS"), ("amlodipine", "5 mg", "daily"),
        ("levothyroxine", "75 mcg", "daily"), ("gabapentin", "300 mg", "TID"),
        ("tramadol", "50 mg", "q6h PRN"), ("oxycodone", "5 mg", "q4h PRN pain"),
        ("morphine oral solution", "5 mg", "q2h PRN dyspnea"),
        ("Roxanol", "0.25 mL", "SL q1h PRN"), ("lorazepam", "0.5 mg", "q4h PRN anxiety"),
        ("Ativan", "1 mg", "SL q4h PRN"), ("haloperidol", "0.5 mg", "q6h PRN agitation"),
        ("glycopyrrolate", "0.2 mg", "SC q4h PRN secretions"),
        ("hyoscyamine", "0.125 mg", "SL q4h PRN"), ("senna", "8.6 mg", "2 tabs qHS"),
        ("docusate", "100 mg", "BID"), ("Miralax", "17 g", "daily"),
        ("omeprazole", "20 mg", "daily"), ("sertraline", "50 mg", "daily"),
        ("donepezil", "10 mg", "qHS"), ("Aricept", "5 mg", "qHS"),
        ("carbidopa-levodopa", "25/100 mg", "TID"), ("tamsulosin", "0.4 mg", "qHS"),
        ("prednisone", "10 mg", "daily"), ("albuterol", "2.5 mg", "neb q4h PRN"),
        ("Spiriva", "18 mcg", "inhaled daily"), ("isoniazid", "300 mg", "daily"),
        ("rifampin", "600 mg", "daily"), ("pyrazinamide", "1500 mg", "daily"),
        ("ethambutol", "1200 mg", "daily"), ("pyridoxine", "25 mg", "daily"),
        ("rifapentine", "900 mg", "weekly"), ("vancomycin", "1 g", "IV q12h"),
        ("ceftriaxone", "1 g", "IV daily"), ("piperacillin-tazobactam", "3.375 g", "IV q8h"),
        ("enoxaparin", "40 mg", "SC daily"), ("Lovenox", "80 mg", "SC q12h"),
        ("buprenorphine-naloxone", "8 mg", "SL daily"), ("methadone", "60 mg", "daily"),
        ("quetiapine", "25 mg", "qHS"), ("Seroquel", "50 mg", "qHS"),
        ("digoxin", "0.125 mg", "daily"), ("diltiazem", "120 mg", "daily"),
        ("amiodarone", "200 mg", "daily"), ("Keppra", "500 mg", "BID"),
        ("spironolactone", "25 mg", "daily"), ("torsemide", "20 mg", "daily"),
        ("Entresto", "24/26 mg", "BID"), ("Jardiance", "10 mg", "daily")]
EMS_MEDS = [("aspirin", "324 mg", "PO chewed"), ("nitroglycerin", "0.4 mg", "SL"),
            ("naloxone", "0.4 mg", "IV"), ("Narcan", "4 mg", "IN"),
            ("ondansetron", "4 mg", "IV"), ("Zofran", "4 mg", "ODT"),
            ("fentanyl", "50 mcg", "IV"), ("D50", "25 g", "IV"),
            ("glucagon", "1 mg", "IM"), ("DuoNeb", "3 mL", "via neb"),
            ("albuterol", "5 mg", "via neb"), ("Solu-Medrol", "125 mg", "IV"),
            ("normal saline", "500 mL", "bolus"), ("epinephrine", "0.3 mg", "IM"),
            ("diphenhydramine", "50 mg", "IV"), ("midazolam", "2.5 mg", "IN"),
            ("adenosine", "6 mg", "rapid IVP"), ("amiodarone", "150 mg", "IV over 10 min")]
DEVICES = ["PICC", "PICC line", "ETT", "NG tube", "OG tube", "Port-a-Cath",
           "AICD", "Impella", "chest tube", "pacemaker leads", "sternotomy wires",
           "tracheostomy tube", "trach", "G-tube", "PEG tube", "nephrostomy tube",
           "central venous catheter", "IVC filter", "LVAD", "BiPAP mask",
           "nasal cannula", "oxygen concentrator", "wound vac", "suprapubic catheter",
           "insulin pump", "ostomy appliance", "Pleurx catheter", "tunneled dialysis catheter",
           "midline catheter", "CPAP machine", "feeding pump"]
EPONYMS = ["Kerley B lines", "Swan-Ganz catheter", "Foley", "Foley catheter",
           "Dobhoff", "Hickman", "Pancoast tumor", "Valsalva", "Hampton hump",
           "Westermark sign", "Mallampati", "Glasgow Coma Scale", "Parkinson disease",
           "Graves disease", "Alzheimer disease", "Hoyer lift", "Braden scale",
           "Ghon complex", "Ranke complex", "Pott disease", "Homans sign",
           "Cheyne-Stokes respirations", "Kussmaul respirations", "Crohn disease",
           "Hashimoto thyroiditis", "Bell palsy", "Barrett esophagus",
           "Lewy body dementia", "Huntington disease", "Fleischner criteria",
           "Romberg", "Babinski", "Trendelenburg", "Stokes basket", "Reeves sleeve",
           "Jackson-Pratt drain", "Yankauer", "Murphy sign", "Kaposi sarcoma"]

# --------------------------------------------------------------------------
# Document builder
# --------------------------------------------------------------------------


class Doc:
    def __init__(self, r, case="mixed", noise=0.0):
        self.r = r
        self.case = case
        self.noise = noise
        self.buf = []
        self.pos = 0
        self.phi = []
        self.prot = []

    def _case(self, s, c=None):
        c = c or self.case
        if c == "upper":
            return s.upper()
        if c == "lower":
            return s.lower()
        if c == "title":
            return s.title()
        return s

    def _noisy(self, s):
        if self.noise <= 0 or not s:
            return s
        r = self.r
        out = []
        words = s.split(" ")
        for i, wd in enumerate(words):
            if (len(wd) > 5 and wd.isalpha() and r.random() < self.noise * 0.06):
                j = r.randrange(1, len(wd) - 2)
                wd = wd[:j] + wd[j + 1] + wd[j] + wd[j + 2:]
            out.append(wd)
            if i < len(words) - 1:
                x = r.random()
                if x < self.noise * 0.10:
                    out.append("  ")
                elif x < self.noise * 0.14:
                    out.append("\n")
                else:
                    out.append(" ")
        return "".join(out)

    def _emit(self, s):
        self.buf.append(s)
        self.pos += len(s)

    def w(self, *pieces, noisy=True):
        for p in flatten(pieces):
            if p is None:
                continue
            if isinstance(p, str):
                s = self._case(p)
                if noisy:
                    s = self._noisy(s)
                self._emit(s)
                continue
            label, val = p[0], p[1]
            c = p[2] if len(p) > 2 else None
            s = val if c == "keep" else self._case(val, c)
            core = s.strip()
            if not core:
                self._emit(s)
                continue
            lead = s[:len(s) - len(s.lstrip())]
            trail = s[len(s.rstrip()):]
            if lead:
                self._emit(lead)
            start = self.pos
            self._emit(core)
            if label in PHI_LABELS:
                self.phi.append({"start": start, "end": self.pos, "label": label})
            elif label in PROT_KINDS:
                self.prot.append({"start": start, "end": self.pos, "kind": label})
            else:
                raise ValueError(label)
            if trail:
                self._emit(trail)
        return self

    def ln(self, *pieces):
        """A header / form line: no noise, ends with newline."""
        self.w(*pieces, "\n", noisy=False)
        return self

    def text(self):
        return "".join(self.buf)


def flatten(x):
    for p in x:
        if isinstance(p, list):
            yield from flatten(p)
        else:
            yield p


# --------------------------------------------------------------------------
# Surrogate generators
# --------------------------------------------------------------------------


class Person:
    def __init__(self, r, sex=None, origin_mix=True):
        self.sex = sex or r.choice("MF")
        pool = GIVEN_M if self.sex == "M" else GIVEN_F
        if r.random() < 0.07:
            self.first = invented_name(r)
        else:
            self.first = r.choice(pool)
        if r.random() < 0.07:
            self.last = invented_name(r, True)
        else:
            self.last = r.choice(SURNAMES)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        self.middle = r.choice(GIVEN_M if self.sex == "M" else GIVEN_F)

    @property
    def he(self):
        return "he" if self.sex == "M" else "she"

    @property
    def his(self):
        return "his" if self.sex == "M" else "her"

    def initials(self, dots=True):
        f = self.first[0]
        l_ = self.last.replace("'", "").split(" ")[-1][0] if " " in self.last else self.last[0]
        if dots:
            return f"{f}.{l_}."
        return f + l_

    def full(self, r, form=None):
        """Return (text) in one of many renderings; the whole string is NAME."""
        form = form or r.choice(["fl", "fl", "fl", "fml", "fmil", "lf", "lfm",
                                 "LF", "LFM", "fil"])
        f, l_ = self.first, self.last
        if form == "fl":
            return f"{f} {l_}"
        if form == "fml":
            return f"{f} {self.middle} {l_}"
        if form == "fmil":
            return f"{f} {self.mi}. {l_}"
        if form == "fil":
            return f"{f[0]}. {l_}"
        if form == "lf":
            return f"{l_}, {f}"
        if form == "lfm":
            return f"{l_}, {f} {self.mi}"
        if form == "LF":
            return f"{l_}, {f}".upper()
        if form == "LFM":
            return f"{l_}, {f} {self.mi}".upper()
        return f"{f} {l_}"


KIN_M = ["son", "husband", "brother", "grandson", "nephew", "son-in-law", "partner", "friend"]
KIN_F = ["daughter", "wife", "sister", "granddaughter", "niece", "daughter-in-law", "partner", "friend"]


def rand_date(r, y0=2009, y1=2024):
    start = dtm.date(y0, 1, 1).toordinal()
    end = dtm.date(y1, 12, 28).toordinal()
    return dtm.date.fromordinal(r.randint(start, end))


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


US_STYLES = ["us_slash", "us_slash", "us_short", "us_dash", "us_dash4", "iso",
             "long", "dmy_mon", "dmy_dash", "mon_dot", "weekday_long", "us_slash"]
DMY_STYLES = ["dot_dmy", "slash_dmy", "slash_dmy", "dmy_mon", "dmy_dash",
              "compact", "iso", "long_dmy"]


def fmt_date(r, d, style=None, dmy=False):
    style = style or r.choice(DMY_STYLES if dmy else US_STYLES)
    m, dd, Y = d.month, d.day, d.year
    y = Y % 100
    Mon = MONTHS[m - 1][:3]
    if style == "us_slash":
        return f"{m:02d}/{dd:02d}/{Y}"
    if style == "us_short":
        return f"{m}/{dd}/{y:02d}"
    if style == "us_dash":
        return f"{m}-{dd}-{y:02d}"
    if style == "us_dash4":
        return f"{m:02d}-{dd:02d}-{Y}"
    if style == "iso":
        return f"{Y}-{m:02d}-{dd:02d}"
    if style == "dot_dmy":
        return f"{dd:02d}.{m:02d}.{Y}"
    if style == "slash_dmy":
        return f"{dd:02d}/{m:02d}/{Y}"
    if style == "long":
        return f"{MONTHS[m - 1]} {dd}, {Y}"
    if style == "long_dmy":
        return f"{dd} {MONTHS[m - 1]} {Y}"
    if style == "dmy_mon":
        return f"{dd} {Mon} {Y}"
    if style == "dmy_dash":
        return f"{dd:02d}-{Mon.upper()}-{Y}"
    if style == "compact":
        return f"{dd:02d}{Mon.upper()}{Y}"
    if style == "mon_dot":
        return f"{Mon}. {dd}, {Y}"
    if style == "weekday_long":
        return f"{DAYS[d.weekday()]}, {MONTHS[m - 1]} {dd}, {Y}"
    if style == "md":
        return f"{m}/{dd}"
    if style == "mon_ord":
        return f"{Mon} {ordinal(dd)}"
    if style == "month_day":
        return f"{MONTHS[m - 1]} {dd}"
    if style == "my":
        return f"{m}/{y:02d}"
    if style == "month_year":
        return f"{MONTHS[m - 1]} {Y}"
    if style == "mon_yy":
        return f"{Mon}-{y:02d}"
    if style == "year":
        return f"{Y}"
    if style == "apos_year":
        return f"'{y:02d}"
    return f"{m:02d}/{dd:02d}/{Y}"


def short_date(r, d, dmy=False):
    """Month/day-ish reference without year."""
    if dmy:
        return r.choice([f"{d.day}/{d.month}", f"{d.day} {MONTHS[d.month - 1][:3]}",
                         f"{d.day:02d}.{d.month:02d}"])
    return fmt_date(r, d, r.choice(["md", "md", "mon_ord", "month_day"]))


def fmt_time(r, h, m, style=None):
    style = style or r.choice(["24c", "24c", "24", "24h", "12", "12lc", "12dot"])
    if style == "word":
        return r.choice(["noon", "midnight"])
    if style == "hrs":
        return f"{h:02d}{m:02d} hrs"
    if style == "24c":
        return f"{h:02d}:{m:02d}"
    if style == "24":
        return f"{h:02d}{m:02d}"
    if style == "24h":
        return f"{h:02d}{m:02d}h"
    hh = h % 12 or 12
    ap = "AM" if h < 12 else "PM"
    if style == "12":
        return f"{hh}:{m:02d} {ap}"
    if style == "12lc":
        return f"{hh}:{m:02d}{ap.lower()}"
    return f"{hh}:{m:02d} {ap[0].lower()}.m."


def rand_time(r, lo=0, hi=23):
    return r.randint(lo, hi), r.randint(0, 59)


def phone(r, style=None):
    a = r.choice([617, 978, 508, 413, 603, 207, 802, 401, 860, 505, 928, 915,
                  956, 318, 423, 218, 509, 559, 907, 808, 212, 419, 563])
    ex = r.choice([555, r.randint(201, 989)])
    n = r.randint(100, 9999)
    style = style or r.choice(["paren", "paren", "dash", "dot", "local", "plain10", "1dash"])
    if style == "paren":
        return f"({a}) {ex}-{n:04d}"
    if style == "dash":
        return f"{a}-{ex}-{n:04d}"
    if style == "dot":
        return f"{a}.{ex}.{n:04d}"
    if style == "local":
        return f"{ex}-{n:04d}"
    if style == "plain10":
        return f"{a}{ex}{n:04d}"
    if style == "space":
        return f"{a} {ex} {n:04d}"
    return f"1-{a}-{ex}-{n:04d}"


def intl_phone(r):
    return r.choice([f"+254 7{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)}",
                     f"+251 9{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
                     f"+256 77{r.randint(1, 9)} {r.randint(100000, 999999)}",
                     f"+880 1{r.randint(700, 999)}-{r.randint(100000, 999999)}",
                     f"+63 9{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
                     f"+44 20 7946 {r.randint(1000, 9999)}",
                     f"+380 67 {r.randint(100, 999)} {r.randint(10, 99)} {r.randint(10, 99)}"])


def pager_piece(r):
    """List of pieces for a pager / extension."""
    k = r.randrange(6)
    if k == 0:
        return ["pg ", ("PHONE", str(r.randint(10000, 99999)))]
    if k == 1:
        return ["pager #", ("PHONE", str(r.randint(1000, 9999)))]
    if k == 2:
        return [("PHONE", f"x{r.randint(2, 8)}-{r.randint(1000, 9999)}")]
    if k == 3:
        return ["ext. ", ("PHONE", str(r.randint(1000, 99999)))]
    if k == 4:
        return ["beeper ", ("PHONE", f"{r.randint(2, 9)}-{r.randint(1000, 9999)}")]
    return ["x", ("PHONE", str(r.randint(2000, 7999)))]


def digits(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def letters(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def mrn(r):
    return r.choice([digits(r, 8), digits(r, 7), f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 2)}",
                     f"{letters(r, 1)}{digits(r, 7)}", f"00{digits(r, 6)}", f"{digits(r, 4)}-{digits(r, 4)}"])


def ssn(r):
    return r.choice([f"{r.randint(100, 899)}-{digits(r, 2)}-{digits(r, 4)}",
                     f"{r.randint(100, 899)} {digits(r, 2)} {digits(r, 4)}"])


def member_id(r):
    return r.choice([f"{letters(r, 3)}{digits(r, 9)}", f"{digits(r, 1)}{letters(r, 2)}{digits(r, 1)}-{letters(r, 2)}{digits(r, 1)}-{letters(r, 2)}{digits(r, 2)}",
                     f"W{digits(r, 9)}", f"{letters(r, 2)}{digits(r, 8)}-0{r.randint(1, 4)}"])


def email(r, p=None):
    first = (p.first if p else r.choice(GIVEN_F + GIVEN_M)).lower()
    last = (p.last if p else r.choice(SURNAMES)).lower()
    for a, b in (("é", "e"), ("á", "a"), ("í", "i"), ("ó", "o"), ("ú", "u"), ("ñ", "n"),
                 ("ç", "c"), ("ã", "a"), ("ü", "u"), ("ö", "o"), ("ş", "s"), ("ı", "i"),
                 ("ł", "l"), ("ż", "z"), ("ś", "s"), ("ń", "n"), ("ø", "o"), ("å", "a"),
                 ("è", "e"), ("ê", "e"), ("ï", "i"), (" ", ""), ("'", ""), ("-", "")):
        first = first.replace(a, b)
        last = last.replace(a, b)
    dom = r.choice(["gmail.com", "yahoo.com", "hotmail.com", "aol.com", "comcast.net",
                    "outlook.com", "icloud.com", "verizon.net", "charter.net"])
    user = r.choice([f"{first}.{last}", f"{first}{last}{r.randint(1, 99)}", f"{first[0]}{last}",
                     f"{last}{first[0]}{r.randint(40, 99)}", f"{first}_{r.choice(['nana', 'mom', 'pop', 'k'])}{r.randint(1, 9)}",
                     f"{first}.{last}{r.randint(1950, 2005)}"])
    return f"{user}@{dom}"


def facility(r, kind="hospital"):
    pre = r.choice(FAC_PRE)
    if kind == "bare":
        return pre
    if kind == "panel" and r.random() < 0.4:
        pre = r.choice(ABROAD_TOWNS)
    t = r.choice(FAC_TYPES[kind])
    if kind == "hospice" and r.random() < 0.3:
        return f"Hospice of {pre}"
    if kind == "hospital" and r.random() < 0.15:
        return f"{pre}"
    return f"{pre} {t}"


def street(r):
    k = r.random()
    if k < 0.07:
        return f"Route {r.randint(1, 202)}"
    if k < 0.11:
        return f"County Road {r.randint(2, 60)}"
    if k < 0.13:
        return f"State Hwy {r.randint(2, 99)}"
    return f"{r.choice(STREET_BASES)} {r.choice(STREET_SUFFIX)}"


def address(r, city=None, state=True, zipc=None, unit=None, sep=", "):
    num = r.choice([str(r.randint(1, 99)), str(r.randint(100, 999)), str(r.randint(1000, 9999)),
                    f"{r.randint(1, 99)}{r.choice('AB')}"])
    pieces = [("LOCATION", num), " ", ("LOCATION", street(r))]
    if unit is None:
        unit = r.random() < 0.3
    if unit:
        k = r.randrange(4)
        if k == 0:
            pieces += [", Apt ", ("LOCATION", f"{r.randint(1, 40)}{r.choice(['', 'A', 'B', 'C'])}")]
        elif k == 1:
            pieces += [" #", ("LOCATION", str(r.randint(1, 30)))]
        elif k == 2:
            pieces += [", Unit ", ("LOCATION", str(r.randint(1, 300)))]
        else:
            pieces += [", Lot ", ("LOCATION", str(r.randint(1, 90))), " ", ("LOCATION", r.choice(["Whispering Pines", "Sandy Hollow", "Riverbend", "Pine Acres"])), " MHP"]
    city = city or r.choice(US_TOWNS)
    pieces += [sep, ("LOCATION", city)]
    if state:
        st = r.choice(STATES)
        pieces += [", " if r.random() < 0.7 else " ", ("LOCATION", st[0] if r.random() < 0.8 else st[1])]
        if zipc is None:
            zipc = r.random() < 0.7
        if zipc:
            z = f"{r.randint(1000, 99950):05d}"
            if r.random() < 0.15:
                z += f"-{digits(r, 4)}"
            pieces += [" ", ("LOCATION", z)]
    return pieces


def age_pieces(r, age, sex, form=None):
    """Render an age; only ages >= 90 are annotated (AGE)."""
    old = age >= 90
    sx = sex
    forms = ["yo", "yo_glued", "y/o", "year-old", "year old", "sexglued", "age",
             "aged", "yo_sex"]
    if old:
        forms += ["words", "words_hy", "decade"]
    else:
        forms += ["decade"]
    form = form or r.choice(forms)
    n = str(age)

    def A(v):
        return ("AGE", v) if old else v
    if form == "yo":
        return [A(n), " yo"]
    if form == "yo_glued":
        return [A(n + "yo")]
    if form == "y/o":
        return [A(n), " y/o"]
    if form == "year-old":
        return [A(n), "-year-old"]
    if form == "year old":
        return [A(n), " year old"]
    if form == "sexglued":
        return [A(n + sx)]
    if form == "yo_sex":
        return [A(n), f" yo{sx}" if r.random() < 0.5 else f" y.o. {'male' if sx == 'M' else 'female'}"]
    if form == "age":
        return ["age ", A(n)]
    if form == "aged":
        return ["aged ", A(n)]
    if form in ("words", "words_hy"):
        wv = NUMW.get(age, "ninety")
        if form == "words":
            wv = wv.replace("-", " ")
        return [A(wv), r.choice([" year old", "-year-old", " years old", " yr old"])]
    # decade
    dec = f"{(age // 10) * 10}s"
    return [f"in {'his' if sx == 'M' else 'her'} ", A(dec)]


def pick_age(r, old_p=0.18, lo=19, hi=88):
    if r.random() < old_p:
        return r.randint(90, 103)
    return r.randint(lo, hi)


def dob_for(r, vd, age):
    """Date of birth consistent with an age at visit date vd."""
    try:
        base = vd.replace(year=vd.year - age)
    except ValueError:
        base = vd.replace(year=vd.year - age, day=28)
    return base - dtm.timedelta(days=r.randint(1, 360))


def holiday(r, year):
    return r.choice([f"Christmas {year}", f"Thanksgiving {year}", f"Easter {year}",
                     f"New Year's Day {year}", f"July 4th {year}", f"Labor Day {year}",
                     f"Memorial Day {year}", f"Eid al-Fitr {year}", f"Lunar New Year {year}",
                     f"Christmas Eve {year}"])


def vitals(r, sick=False, style="line", label_in_span=True):
    sbp = r.randint(86, 178)
    dbp = r.randint(44, 102)
    hr = r.randint(52, 128 if sick else 104)
    rr = r.randint(12, 32 if sick else 22)
    t = round(r.uniform(96.4, 102.6 if sick else 99.6), 1)
    sp = r.randint(84 if sick else 90, 100)
    o2 = r.random() < 0.35
    if style == "line":
        parts = [("VITAL", f"BP {sbp}/{dbp}"), ", ", ("VITAL", f"{r.choice(['HR', 'P', 'pulse'])} {hr}"),
                 ", ", ("VITAL", f"{r.choice(['RR', 'R', 'resp'])} {rr}"), ", ",
                 ("VITAL", f"{r.choice(['T', 'Temp', 'temp'])} {t}"), ", ",
                 ("VITAL", f"{r.choice(['SpO2', 'O2 sat', 'sat'])} {sp}%")]
        if o2:
            parts += [" on ", ("SETTING", f"{r.randint(1, 5)} L NC")]
        else:
            parts += [" on RA" if r.random() < 0.7 else " RA"]
        if r.random() < 0.3:
            parts += [", ", ("VITAL", f"FSBS {r.randint(68, 320)}")]
        return parts
    if style == "form":
        parts = ["BP: ", ("VITAL", f"{sbp}/{dbp}"), "   HR: ", ("VITAL", str(hr)),
                 "   RR: ", ("VITAL", str(rr)), "   Temp: ", ("VITAL", f"{t} F"),
                 "   SpO2: ", ("VITAL", f"{sp}%")]
        parts += [" on ", ("SETTING", f"{r.randint(1, 5)} L NC")] if o2 else [" RA"]
        return parts
    # compact caps EMS
    return [("VITAL", f"BP {sbp}/{dbp}"), " ", ("VITAL", f"P {hr}"), " ", ("VITAL", f"R {rr}"),
            " ", ("VITAL", f"SPO2 {sp}%"), " ", ("FRACTION", f"GCS {r.choice([15, 15, 15, 14, 13, 11, 9])}")]


def labs(r):
    pool = [("Na", lambda: r.randint(126, 146)), ("K", lambda: round(r.uniform(3.0, 5.9), 1)),
            ("Cr", lambda: round(r.uniform(0.6, 3.8), 1)), ("BUN", lambda: r.randint(8, 84)),
            ("WBC", lambda: round(r.uniform(3.1, 19.8), 1)), ("Hgb", lambda: round(r.uniform(6.9, 15.2), 1)),
            ("INR", lambda: round(r.uniform(0.9, 4.6), 1)), ("glucose", lambda: r.randint(61, 388)),
            ("BNP", lambda: r.randint(40, 3400)), ("albumin", lambda: round(r.uniform(1.9, 4.4), 1)),
            ("lactate", lambda: round(r.uniform(0.6, 5.1), 1)), ("plt", lambda: r.randint(48, 450))]
    out = []
    for i, (nm, f) in enumerate(r.sample(pool, r.randint(2, 5))):
        if i:
            out.append(", ")
        out.append(("VITAL", f"{nm} {f()}"))
    return out


def med_line(r, pool=None):
    m = r.choice(pool or MEDS)
    return [("DRUG", m[0]), " ", ("MEASUREMENT", m[1]), " " + m[2]]


def med_list(r, n=None, bullet="- ", pool=None):
    n = n or r.randint(3, 6)
    out = []
    for m in r.sample(pool or MEDS, n):
        out += [bullet, ("DRUG", m[0]), " ", ("MEASUREMENT", m[1]), " " + m[2], "\n"]
    return out


def wound(r):
    L = round(r.uniform(0.4, 8.5), 1)
    W = round(r.uniform(0.3, 6.0), 1)
    D = round(r.uniform(0.1, 2.5), 1)
    loc = r.choice(["sacral", "L heel", "R heel", "coccyx", "R lateral malleolus", "L ischial",
                    "abdominal incision", "R great toe", "L shin"])
    stage = r.choice(["stage 2 pressure injury", "stage 3 pressure injury", "unstageable pressure injury",
                      "venous stasis ulcer", "diabetic foot ulcer", "skin tear", "surgical wound"])
    return [f"{loc} {stage} measures ", ("MEASUREMENT", f"{L} x {W} x {D} cm"),
            r.choice([", wound bed 80% granulation, 20% slough", ", pink granular base, no tunneling",
                      ", scant serous drainage, periwound macerated", ", moderate serosanguinous drainage"]),
            ". ", r.choice(["Cleansed with NS, ", "Irrigated with NS, ", "Cleansed w/ wound cleanser, "]),
            r.choice(["Mepilex border applied", "calcium alginate and foam dressing applied",
                      "Santyl to wound bed and dry gauze", "wet-to-dry NS gauze"]), ". "]


# --------------------------------------------------------------------------
# Imaging text (pasted CXR / CT results)
# --------------------------------------------------------------------------


def cxr_findings(r, tb=False, occ=False):
    f = []
    if r.random() < 0.5:
        f += [r.choice(["Heart size is normal. ", "The cardiomediastinal silhouette is within normal limits. ",
                        "Mild cardiomegaly. "])]
    else:
        f += ["Cardiothoracic ratio ", ("FRACTION", f"{round(r.uniform(0.42, 0.64), 2)}"), ". "]
    opts = [
        ["No focal consolidation, pleural effusion or pneumothorax. "],
        ["Small bilateral pleural effusions with ", ("EPONYM", "Kerley B lines"), ", consistent with interstitial edema. "],
        ["Calcified granuloma measuring ", ("MEASUREMENT", f"{r.randint(3, 12)} mm"), " in the ", r.choice(["LLL", "RUL", "RML", "left apex"]), ". "],
        ["Old healed fracture of the ", r.choice(["left", "right"]), " ", ordinal(r.randint(3, 9)), " rib. "],
        ["Degenerative changes of the thoracic spine, most marked at ", f"T{r.randint(6, 9)}-T{r.randint(10, 12)}", ". "],
        [("DEVICE", "Sternotomy wires"), " are intact. "],
        ["Dual-chamber ", ("DEVICE", "pacemaker leads"), " terminate in the RA and RV. "],
        ["Right ", ("DEVICE", "PICC"), " tip projects over the cavoatrial junction. "],
        ["Hyperinflation with flattened hemidiaphragms, consistent with COPD. "],
        ["Left basilar atelectasis. "],
        ["Patchy airspace opacity in the RLL, concerning for pneumonia. "],
        ["Compression deformity of ", f"L{r.randint(1, 2)}", " is unchanged. "],
        [("DEVICE", "Port-a-Cath"), " via the left subclavian, tip in the SVC. "],
    ]
    if tb:
        opts += [
            ["Fibronodular opacities in the ", r.choice(["RUL", "LUL", "right apex", "bilateral apices"]), " with volume loss, consistent with old healed TB. "],
            ["Calcified hilar node and peripheral granuloma (", ("EPONYM", "Ghon complex"), "). "],
            ["Thin-walled cavity measuring ", ("MEASUREMENT", f"{round(r.uniform(1.2, 4.5), 1)} cm"), " in the apical segment of the ", r.choice(["RUL", "LUL"]), ". "],
            ["Apical pleural thickening, left greater than right. "],
            ["Miliary nodularity is not seen. "],
            ["Right hilar adenopathy. "],
        ]
    if occ:
        opts += [
            ["ILO: film quality ", ("FRACTION", f"{r.randint(1, 3)}"), ", small opacities profusion ", ("FRACTION", r.choice(["0/0", "0/1", "1/0", "1/1", "1/2", "2/1"])),
             ", shape/size ", r.choice(["p/q", "q/t", "s/t", "q/q"]), ", zones ", r.choice(["RU LU", "RM LM RL LL", "upper"]), ". "],
            ["Circumscribed pleural plaque along the ", r.choice(["left", "right"]), " lateral chest wall, ", ("MEASUREMENT", f"{r.randint(3, 10)} mm"), " thick. "],
            ["Diaphragmatic plaques calcified bilaterally. "],
        ]
    if tb or occ:
        spec = opts[13:]
        gen = [opts[i] for i in (0, 2, 3, 4, 8, 9)]
        pick = r.sample(spec, min(len(spec), r.randint(1, 2))) + r.sample(gen, r.randint(1, 2))
    else:
        pick = r.sample(opts, r.randint(2, 4))
    for o in pick:
        f += o
    return f


def imaging_block(r, d, dmy=False, tb=False, occ=False, phi=True, header=True, ct=None):
    """Pasted radiology result."""
    if ct is None:
        ct = r.random() < 0.2
    if header:
        if ct:
            d.w(r.choice(["CT CHEST WITHOUT CONTRAST", "CT CHEST W/ CONTRAST", "LOW-DOSE CT CHEST (LUNG SCREENING)"]), "\n")
        else:
            d.w(r.choice(["CHEST 2 VIEWS PA AND LATERAL", "XR CHEST PA/LAT", "CHEST X-RAY, SINGLE VIEW AP PORTABLE",
                          "CXR PA", "RADIOGRAPH CHEST 1 VIEW"]), "\n")
    if phi and r.random() < 0.6:
        d.w("Accession: ", ("ID", r.choice([f"RAD{digits(r, 7)}", f"{letters(r, 2)}-{digits(r, 6)}", f"{r.randint(2009, 2024)}-{digits(r, 6)}"])), "\n")
    if r.random() < 0.6:
        if phi:
            d.w("COMPARISON: ", ("DATE", fmt_date(r, rand_date(r), dmy=dmy)), "\n")
        else:
            d.w("COMPARISON: ", r.choice(["None.", "Prior study, report unavailable.", "Outside films not available."]), "\n")
    if phi and r.random() < 0.3:
        d.w("Outside films from ", ("HOSPITAL", facility(r, r.choice(["bare", "imaging"]))), " reviewed. ")
    d.w("FINDINGS: ")
    if ct:
        d.w(r.choice(["Solid", "Part-solid", "Ground-glass"]), " nodule in the ", r.choice(["RUL", "RLL", "LUL", "LLL", "RML"]),
            " measuring ", ("MEASUREMENT", f"{r.randint(4, 22)} mm"), " (series ", str(r.randint(2, 5)), ", image ", str(r.randint(20, 140)), "). ",
            r.choice(["No mediastinal or hilar adenopathy. ", "Subcarinal node is not enlarged. "]))
        d.w(r.choice([["Emphysema, centrilobular, upper lobe predominant. "], ["Coronary artery calcifications. "],
                      ["Tree-in-bud opacities in the ", r.choice(["RUL", "LUL"]), ". "], ["Small hiatal hernia. "]]))
    cx = cxr_findings(r, tb=tb, occ=occ)
    d.w(cx, "\n")
    d.w("IMPRESSION: ")
    imp = r.choice([
        ["No acute cardiopulmonary process."],
        ["1. Findings consistent with old granulomatous disease.\n2. No evidence of active pulmonary TB."],
        ["Apical fibronodular scarring; active TB cannot be excluded. Recommend sputum AFB x3."],
        ["Mild interstitial edema. Clinical correlation."],
        ["Pleural plaques consistent with prior asbestos exposure."],
        ["Lung-RADS ", ("FRACTION", f"{r.choice(['2', '3', '4A'])}"), ". Follow-up per ", ("EPONYM", "Fleischner criteria"), "."],
        ["Stable chest. Lines and tubes as above."],
        ["RLL pneumonia."],
    ])
    d.w(imp, "\n")
    if phi and r.random() < 0.6:
        rad = Person(r)
        d.w(r.choice(["Dictated by: ", "Read by: ", "Electronically signed by "]), "Dr. ", ("NAME", rad.full(r, r.choice(["fl", "fil", "fmil"]))))
        if r.random() < 0.6:
            d.w(" on ", ("DATE", fmt_date(r, rand_date(r), dmy=dmy)), " ", ("TIME", fmt_time(r, *rand_time(r))))
        d.w("\n")


# --------------------------------------------------------------------------
# Shared fragments
# --------------------------------------------------------------------------


def N(v, c=None):
    return ("NAME", v, c) if c else ("NAME", v)


def pick_case(r, up=0.15, lo=0.08):
    x = r.random()
    if x < up:
        return "upper"
    if x < up + lo:
        return "lower"
    return "mixed"


def kin_word(r, sex):
    return r.choice(KIN_M if sex == "M" else KIN_F)


def staff_title(r, role=None, lower=False):
    """Reference to a staff member; only the name is NAME."""
    s = Person(r)
    c = "lower" if lower else None
    k = r.randrange(11)
    if k == 0:
        return ["Dr. ", N(s.last, c)]
    if k == 1:
        return ["Dr.", N(s.last, c)]
    if k == 2:
        return ["RN ", N(s.last, c)]
    if k == 3:
        return ["per Nurse ", N(s.last, c)]
    if k == 4:
        return ["d/w PA ", N(s.last, c)]
    if k == 5:
        return [N(f"{s.first} {s.last}", c), ", ", r.choice(["RN", "LPN", "MSW", "PT", "OTR/L", "NP", "CNA", "HHA"])]
    if k == 6:
        return ["spoke w/ dr ", N(s.last.lower(), "lower")]
    if k == 7:
        return ["Dr. ", N(f"{s.first[0]}. {s.last}", c)]
    if k == 8:
        return ["NP ", N(s.last, c)]
    if k == 9:
        return ["SW ", N(s.first, c)]
    return ["Dr. ", N(s.full(r, "fl"), c)]


def staff_title(r, lower=False):
    """Noun phrase for a staff member usable after 'Called', 'Routed to'."""
    s = Person(r)
    c = "lower" if lower else None
    k = r.randrange(8)
    if k == 0:
        return ["Dr. ", N(s.last, c)]
    if k == 1:
        return ["Dr.", N(s.last, c)]
    if k == 2:
        return ["NP ", N(s.last, c)]
    if k == 3:
        return ["PA ", N(s.last, c)]
    if k == 4:
        return ["dr ", N(s.last.lower(), "lower")]
    if k == 5:
        return ["Dr. ", N(f"{s.first[0]}. {s.last}", c)]
    if k == 6:
        return [N(f"{s.first} {s.last}", c), ", ", r.choice(["NP", "PA-C", "MD"])]
    return ["Dr. ", N(s.full(r, "fl"), c)]


def staff_phrase(r, lower=False):
    """A short clause naming staff (role words outside the span)."""
    s = Person(r)
    c = "lower" if lower else None
    k = r.randrange(6)
    if k == 0:
        return ["Plan d/w PA ", N(s.last, c), ". "]
    if k == 1:
        return ["Per Nurse ", N(s.last, c), ", pt refused evening meds. "]
    if k == 2:
        return ["spoke w/ dr ", N(s.last.lower(), "lower"), " who agrees. "]
    if k == 3:
        return ["Discussed with RN ", N(s.last, c), ". "]
    if k == 4:
        return ["SW ", N(s.first, c), " following for placement. "]
    return [N(f"{s.first} {s.last}", c), ", ", r.choice(["PT", "OTR/L", "MSW", "CNA"]), ", also seen today. "]


def signature(r, d, role=None, dmy=False, date=None, time=True):
    s = Person(r)
    role = role or r.choice(["RN", "RN, BSN", "LPN", "PT, DPT", "MSW, LICSW", "NP", "MD", "PA-C", "RN CHPN"])
    k = r.randrange(5)
    d.w("\n")
    if k == 0:
        d.ln("Electronically signed: ", N(s.full(r, r.choice(["fl", "fmil"]))), ", ", role,
             [" ", ("DATE", fmt_date(r, date or rand_date(r), dmy=dmy))] if date or r.random() < 0.5 else "",
             [" ", ("TIME", fmt_time(r, *rand_time(r, 7, 21)))] if time and r.random() < 0.6 else "")
    elif k == 1:
        d.ln("-- ", N(s.first), " ", N(s.last), " ", role)
    elif k == 2:
        d.ln(N(s.initials(True)), " / ", role)
    elif k == 3:
        d.ln("Signed ", N(s.initials(False)))
    else:
        d.ln(N(f"{s.first} {s.last}"), ", ", role, r.choice(["", " | ", " - "]) or "",
             ["cell ", ("PHONE", phone(r))] if r.random() < 0.4 else "")


def directions(r):
    out = [r.choice(["Directions: ", "DIRECTIONS: ", "Access: ", "Directions/access: "])]
    k = r.randrange(4)
    if k == 0:
        out += ["from ", ("LOCATION", f"Route {r.randint(1, 150)}"), " take L onto ", ("LOCATION", street(r)),
                ", ", r.choice(["3rd", "2nd", "last"]), " house on R past the ", r.choice(["grange hall", "fire station", "church", "gas station"]), ". "]
    elif k == 1:
        out += ["end of dirt road off ", ("LOCATION", street(r)), ", yellow trailer w/ ramp. ", r.choice(["No cell signal past the bridge. ", "GPS wrong - use the back entrance. "])]
    elif k == 2:
        out += ["bldg ", ("LOCATION", letters(r, 1)), ", ", r.choice(["3rd", "2nd", "4th"]), " floor, elevator often broken. Park behind ", ("LOCATION", street(r)), ". "]
    else:
        out += ["in ", ("LOCATION", r.choice(NEIGHBORHOODS)), ", blue house across from ", ("ORGANIZATION", r.choice(CHURCHES)), ". "]
    k2 = r.randrange(4)
    if k2 == 0:
        out += ["Gate code ", ("ID", digits(r, 4)), "#. "]
    elif k2 == 1:
        out += ["Key in lockbox, code ", ("ID", digits(r, 4)), ". "]
    elif k2 == 2:
        out += ["Door code *", ("ID", digits(r, 4)), ". "]
    out += [r.choice(["Dog in yard - call ahead.", "Use side door.", "Ring twice, pt slow to door.", "Small dog, friendly.", ""])]
    return out


def family_bits(r, p, lower_names=False, n=None):
    """Caregiver / relative / neighbour mentions. Returns pieces."""
    out = []
    n = n or r.randint(1, 2)
    c = "lower" if lower_names else None
    for _ in range(n):
        kp = Person(r)
        kw = kin_word(r, kp.sex)
        k = r.randrange(8)
        if k == 0:
            out += [f"Lives with {kw} ", N(kp.first, c), ", who is primary caregiver. "]
        elif k == 1:
            out += [f"{p.his.capitalize()} {kw} ", N(kp.first.lower(), "lower"), " was present for the visit. "]
        elif k == 2:
            out += [f"{kw.upper()} ", N(kp.first.upper(), "keep"), " AT BEDSIDE. "]
        elif k == 3:
            out += ["Neighbor ", r.choice(["Mr. ", "Mrs. ", "Ms. "]), N(kp.last, c), " checks on pt daily", [" (", ("PHONE", phone(r)), ")"] if r.random() < 0.5 else "", ". "]
        elif k == 4:
            out += [f"HCP is {kw} ", N(kp.full(r, "fl"), c), " ", ("PHONE", phone(r)), ". "]
        elif k == 5:
            out += [f"{kw.capitalize()} ", N(kp.first, c), " ", N(kp.last, c), " works at ", ("ORGANIZATION", r.choice(EMPLOYERS)),
                    " and visits evenings. "]
        elif k == 6:
            out += ["HHA ", N(kp.first, c), " comes ", r.choice(["M/W/F", "3x/wk", "daily AM", "Tues/Thurs"]), " for bathing. "]
        else:
            out += [f"{kw.capitalize()} ", N(kp.first, c), " lives in ", ("LOCATION", r.choice(TOWNS)), " and calls daily. "]
    return out


def pmh_bits(r, dmy=False, phi=True):
    items = [["CHF (EF ", ("MEASUREMENT", f"{r.randint(15, 60)}%"), ")"], ["COPD on home ", ("SETTING", f"{r.randint(1, 4)} L"), " O2"],
             ["DM2"], ["HTN"], ["CKD stage 3"], ["afib on ", ("DRUG", r.choice(["Eliquis", "warfarin", "apixaban"]))],
             [("EPONYM", r.choice(["Parkinson disease", "Alzheimer disease", "Lewy body dementia"]))],
             ["h/o CVA w/ L hemiparesis"], ["OA"], ["BPH"], ["depression"], ["OSA on CPAP"], ["PVD"],
             ["h/o latent TB"], [("EPONYM", "Graves disease"), " s/p RAI"], ["ESRD on HD"]]
    out = []
    for i, it in enumerate(r.sample(items, r.randint(2, 5))):
        out += ([", "] if i else []) + it
    if phi and r.random() < 0.5:
        yr = r.randint(1978, 2021)
        out += [r.choice([", s/p CABG (", ", s/p R TKA (", ", TB treated in ", ", s/p AICD placement in ", ", smoker since ", ", quit smoking in "])]
        if out[-1].endswith("("):
            out += [("DATE", str(yr)), ")"]
        else:
            out += [("DATE", r.choice([str(yr), fmt_date(r, dtm.date(yr, r.randint(1, 12), 1), r.choice(["my", "month_year", "mon_yy", "apos_year"]))]))]
    return out


def exam_bits(r, caps=False):
    out = [r.choice(["Lungs with crackles at bases bilaterally. ", "Lungs CTAB. ", "Diminished BS R base, exp wheeze. ",
                     "LS coarse throughout, cleared w/ cough. "]),
           r.choice(["Heart RRR. ", "Irregularly irregular. ", "RRR, ", "S1S2, "]),
           r.choice([["", ("FRACTION", "2/6"), " SEM at RUSB. "], ["No murmur. "], [""]]),
           r.choice([["", ("FRACTION", f"{r.randint(1, 3)}+"), " pitting edema BLE to mid-shin. "], ["Trace edema ankles. "], ["No LE edema. "]]),
           r.choice([["Strength ", ("FRACTION", "5/5"), " x4. "], ["Grip ", ("FRACTION", "4/5"), " L, ", ("FRACTION", "5/5"), " R. "], ["A&O x3. "], ["A&O x1, pleasantly confused. "]]),
           r.choice([["Pain ", ("FRACTION", f"{r.randint(0, 9)}/10"), " ", r.choice(["low back", "R hip", "generalized", "abd"]), ". "], ["Denies pain. "]])]
    return out


def diag_phrase(r):
    return r.choice(["CHF exacerbation", "COPD exacerbation", "sepsis, presumed urinary source", "R hip fracture s/p ORIF",
                     "CVA with R hemiparesis", "pneumonia", "failure to thrive", "wound care / IV abx", "debility after COVID-19",
                     "hyperglycemia", "fall with rib fractures", "new LLE DVT"])


# --------------------------------------------------------------------------
# Document kinds
# --------------------------------------------------------------------------


def doc_home_health(r):
    case = pick_case(r, 0.12, 0.10)
    d = Doc(r, case, noise=0.0 if case == "upper" else r.choice([0, 0.3, 0.6]))
    p = Person(r)
    age = pick_age(r, 0.25, 58, 89)
    vd = rand_date(r)
    ag = facility(r, "hh")
    d.ln(("HOSPITAL", ag))
    d.ln(r.choice(["SKILLED NURSING VISIT NOTE", "Home Health RN Visit", "VNA - Skilled Nursing Visit",
                   "PT Home Visit Note", "Start of Care (SOC) Visit", "Recertification Visit"]))
    d.ln("Patient: ", N(p.full(r, r.choice(["lf", "LF", "LFM", "fl", "lfm"]))),
         ["   MRN: ", ("ID", mrn(r))] if r.random() < 0.7 else "")
    if r.random() < 0.4:
        d.ln("DOB: ", ("DATE", fmt_date(r, dob_for(r, vd, age))), ["   Medicare #: ", ("ID", member_id(r))] if r.random() < 0.4 else "")
    ti = dtm.datetime(2000, 1, 1, *rand_time(r, 8, 15))
    to = ti + dtm.timedelta(minutes=r.randint(30, 80))
    tst = r.choice(["24", "24c", "12"])
    d.ln("Visit date: ", ("DATE", fmt_date(r, vd)), "   Time in: ", ("TIME", fmt_time(r, ti.hour, ti.minute, tst)),
         "  Time out: ", ("TIME", fmt_time(r, to.hour, to.minute, tst)))
    d.ln("Address: ", address(r))
    if r.random() < 0.5:
        d.ln("Phone: ", ("PHONE", phone(r)), [" (cell ", ("PHONE", phone(r)), ")"] if r.random() < 0.3 else "")
    if r.random() < 0.45:
        d.ln(directions(r))
    d.w("\n")
    d.w("S: ", age_pieces(r, age, p.sex), " ", "w/ ", pmh_bits(r), ". ")
    d.w(r.choice(["Pt reports ", "Pt states ", "Caregiver reports pt "]),
        r.choice(["increased SOB with exertion since weekend", "poor appetite, drinking Ensure", "one fall last week, no injury",
                  "sleeping in recliner, 3 pillow orthopnea", "feels 'about the same'", "L heel more painful"]), ". ")
    d.w(family_bits(r, p, lower_names=(case == "lower")), "\n")
    d.w("O: ", vitals(r), ". ", "Wt ", ("MEASUREMENT", f"{r.randint(98, 260)} lb"),
        r.choice([" (up ", " (down "]), ("MEASUREMENT", f"{r.randint(1, 6)} lb"), " since last visit). ")
    d.w(exam_bits(r))
    if r.random() < 0.6:
        d.w("Wound: ", wound(r), ("EPONYM", "Braden scale"), " score ", ("FRACTION", str(r.randint(10, 20))), ". ")
    if r.random() < 0.4:
        dv, ph = r.choice([("PICC", "flushed w/o difficulty, site clean/dry."), ("Foley", "draining clear yellow urine."),
                           ("G-tube", "site intact, feeds running at "), ("suprapubic catheter", "changed per order."),
                           ("wound vac", "at "), ("ostomy appliance", "changed, stoma pink.")])
        d.w(("EPONYM" if dv == "Foley" else "DEVICE", dv), " ", ph)
        if ph.endswith("at "):
            d.w(("SETTING", f"{r.randint(40, 75)} mL/hr" if dv == "G-tube" else f"-{r.choice([75, 125])} mmHg"), ". ")
        else:
            d.w(" ")
        if dv == "PICC":
            d.w("External length ", ("MEASUREMENT", f"{r.randint(0, 4)} cm"), ", arm circ ", ("MEASUREMENT", f"{r.randint(24, 36)} cm"), ". ")
    d.w("\n")
    if r.random() < 0.7:
        d.w("Meds reviewed w/ pt", r.choice([" and caregiver", ""]), ":\n", med_list(r, bullet=r.choice(["- ", "* ", "  "])))
    if r.random() < 0.4:
        d.w("Labs drawn and dropped at ", ("HOSPITAL", facility(r, r.choice(["hospital", "clinic"]))), " lab: ", labs(r), ". ")
    d.w("A/P: ", r.choice(["CHF - wt up, ", "COPD - ", "Wound - ", "DM - ", "Fall risk - "]),
        r.choice(["teaching on 2 g Na diet and daily weights reinforced. ", "called MD office re: increased edema. ",
                  "dressing changes 3x/wk. ", "reviewed insulin technique, return demo good. ", "PT referral placed. "]))
    if r.random() < 0.8:
        d.w(r.choice(["Called ", "Faxed update to ", "Left VM for "]), staff_title(r, lower=(case == "lower")), r.choice([" office", "", "'s nurse line"]),
            [" at ", ("PHONE", phone(r))] if r.random() < 0.5 else "",
            [", order rec'd to increase ", ("DRUG", "furosemide"), " to ", ("MEASUREMENT", "40 mg"), " BID x3 days"] if r.random() < 0.4 else "", ". ")
    if r.random() < 0.35:
        d.w(staff_phrase(r, lower=(case == "lower")))
    if r.random() < 0.25:
        d.w(r.choice(["Pacemaker", "AICD", "O2 concentrator", "Feeding pump"]), " serial # ", ("ID", f"{letters(r, 2)}{digits(r, 6)}"), " verified. ")
    if r.random() < 0.4:
        d.w("Meds filled at ", ("ORGANIZATION", r.choice(PHARMACIES)), [" ", ("PHONE", phone(r))] if r.random() < 0.5 else "", ". ")
    nv = vd + dtm.timedelta(days=r.randint(2, 7))
    d.w(r.choice(["Next visit ", "NV planned "]), DAYS[nv.weekday()], " ", ("DATE", short_date(r, nv)), r.choice([".", " per schedule."]))
    signature(r, d, role=r.choice(["RN", "RN, BSN", "LPN", "PT", "RN Case Manager"]), date=vd)
    return d


HOSPICE_SX = {"morphine oral solution", "Roxanol", "lorazepam", "Ativan", "haloperidol", "glycopyrrolate",
              "hyoscyamine", "oxycodone"}


def doc_hospice(r):
    case = pick_case(r, 0.10, 0.06)
    d = Doc(r, case, noise=0.0 if case == "upper" else r.choice([0, 0.3]))
    p = Person(r)
    age = pick_age(r, 0.45, 62, 89)
    vd = rand_date(r)
    ag = facility(r, "hospice")
    death = r.random() < 0.3
    d.ln(("HOSPITAL", ag), r.choice(["", " - Interdisciplinary Team"]))
    d.ln(r.choice(["HOSPICE RN VISIT NOTE", "Death Visit / Pronouncement Note", "Palliative Care Consult - Home",
                   "Hospice Routine Visit", "IDT Summary"]) if not death else r.choice(["DEATH VISIT NOTE", "Pronouncement Note"]))
    d.ln("Patient: ", N(p.full(r)), "   ", age_pieces(r, age, p.sex, r.choice(["yo_sex", "sexglued", "yo", "age"])))
    d.ln("Date: ", ("DATE", fmt_date(r, vd)), ["  Time: ", ("TIME", fmt_time(r, *rand_time(r)))] if r.random() < 0.6 else "")
    if r.random() < 0.5:
        d.ln("Location of care: ", ("HOSPITAL", facility(r, "snf")), r.choice([[", Rm ", ("LOCATION", str(r.randint(101, 340)))], ""]))
    else:
        d.ln("Location of care: home, ", address(r, zipc=False))
    d.ln("Hospice dx: ", r.choice(["end-stage CHF", "metastatic NSCLC", "advanced dementia, ", "ESRD, declined HD", "end-stage COPD", "pancreatic CA"]),
         ("EPONYM", "Alzheimer disease") if r.random() < 0.2 else "", "   Benefit period ", str(r.randint(1, 6)), ", day ", str(r.randint(2, 88)))
    d.w("\n")
    if death:
        t1 = rand_time(r)
        d.w("Called by ", kin_word(r, "F"), " ", N(Person(r, "F").first), " at ", ("TIME", fmt_time(r, *t1)), " reporting no respirations. ")
        d.w("Arrived ", ("TIME", fmt_time(r, *rand_time(r))), ". No apical pulse x1 min, no respirations, pupils fixed. ")
        d.w("Pronounced at ", ("TIME", fmt_time(r, *rand_time(r), r.choice(["24", "24c", "12", "hrs"]))), " on ", ("DATE", fmt_date(r, vd)), ". ")
        d.w("Family present: ", family_bits(r, p, n=1), "Notified attending ", staff_title(r), " at ", ("TIME", fmt_time(r, *rand_time(r))), ". ")
        d.w("Meds destroyed w/ witness: ", ("DRUG", "morphine"), " ", ("MEASUREMENT", f"{r.randint(5, 28)} mL"), " of ", ("MEASUREMENT", "20 mg/mL"),
            ", ", ("DRUG", "lorazepam"), " ", ("MEASUREMENT", "0.5 mg"), " x ", str(r.randint(3, 20)), " tabs. ")
        d.w(("EPONYM", "Foley"), " removed. Body released to ", ("ORGANIZATION", r.choice(FUNERAL)), " at ", ("TIME", fmt_time(r, *rand_time(r))), ".\n")
    else:
        d.w("PPS ", ("FRACTION", f"{r.choice([10, 20, 30, 40, 50])}%"), ", FAST ", ("FRACTION", r.choice(["6e", "7a", "7c", "7d"])), ". ")
        d.w(r.choice(["Pt sleeping most of day, ", "Pt alert in AM, ", "More withdrawn this week, "]),
            r.choice(["taking sips only. ", "eating a few bites of pudding. ", "no PO x2 days. "]),
            r.choice([["Mottling to knees. "], [""], [("EPONYM", "Cheyne-Stokes respirations"), " noted. "], ["Resp even and unlabored. "]]))
        d.w(vitals(r, sick=True), ". ")
        d.w("Symptoms: ", r.choice(["dyspnea managed w/ ", "pain managed w/ ", "terminal secretions - started "]), med_line(r, [m for m in MEDS if m[0] in HOSPICE_SX]), ". ")
        if r.random() < 0.5:
            d.w(("DEVICE", r.choice(["oxygen concentrator", "nasal cannula"])), " at ", ("SETTING", f"{r.randint(2, 5)} L"), ". ")
        d.w("\nPsychosocial: ", family_bits(r, p, lower_names=(case == "lower")))
        if r.random() < 0.5:
            d.w("Chaplain ", r.choice(["Rev. ", "Fr. ", "Imam ", "Pastor "]), N(Person(r).last), " visited; pt is a member of ",
                ("ORGANIZATION", r.choice(CHURCHES)), ". ")
        if r.random() < 0.4:
            d.w("Pt was a ", r.choice(["teacher at ", "machinist at ", "nurse at ", "bus driver for ", "bookkeeper at "]),
                ("ORGANIZATION", r.choice(EMPLOYERS + SCHOOLS)), r.choice([" for 30 years. ", " until retiring in "]))
            if d.buf[-1].endswith("in "):
                d.w(("DATE", str(r.randint(1975, 2012))), ". ")
        if r.random() < 0.4:
            d.w("Family hopes pt can make it to ", ("DATE", holiday(r, vd.year)), r.choice([" and grandson's graduation. ", ". "]))
        d.w("Funeral home of choice: ", ("ORGANIZATION", r.choice(FUNERAL)), ". ") if r.random() < 0.4 else None
        d.w("\nPlan: continue RHC, ", r.choice(["RN visits 2x/wk", "increase RN to 3x/wk", "continuous care evaluation", "respite offered"]),
            ", comfort kit in home (", ("DRUG", "morphine"), ", ", ("DRUG", "lorazepam"), ", ", ("DRUG", "haloperidol"), ", ", ("DRUG", "atropine"), " drops). ")
        d.w("Code status DNR/DNI, MOLST in home. ")
        if r.random() < 0.5:
            d.w("On-call RN ", ("PHONE", phone(r)), ". ")
    signature(r, d, role=r.choice(["RN CHPN", "RN", "MD, Hospice Medical Director", "MSW", "NP"]), date=vd)
    return d


def doc_ems(r):
    case = "upper" if r.random() < 0.7 else "mixed"
    d = Doc(r, case)
    p = Person(r)
    age = pick_age(r, 0.22, 19, 89)
    vd = rand_date(r)
    ag = r.choice(EMS_AGENCIES)
    h, m = rand_time(r)
    t0 = dtm.datetime(vd.year, vd.month, vd.day, h, m)
    ts = [t0]
    for a, b in [(0, 2), (1, 4), (4, 14), (8, 25), (7, 30), (5, 20)]:
        ts.append(ts[-1] + dtm.timedelta(minutes=r.randint(a, b)))
    tstyle = r.choice(["24c", "24"])
    T = lambda x: ("TIME", fmt_time(r, x.hour, x.minute, tstyle))
    d.ln(("ORGANIZATION", ag), " - PATIENT CARE REPORT")
    d.ln(r.choice([["INCIDENT #: ", ("ID", f"{vd.year % 100}-{digits(r, 6)}")], ["PCR #: ", ("ID", digits(r, 8))]]))
    d.ln("DATE: ", ("DATE", fmt_date(r, vd, r.choice(["us_slash", "us_short", "iso", "dmy_dash"]))), "   UNIT: ",
         r.choice([[("ID", f"M{r.randint(1, 99)}")], ["MEDIC ", ("ID", str(r.randint(1, 60)))], [("ID", f"A-{r.randint(1, 40)}")], ["AMB ", ("ID", str(r.randint(100, 999)))]]),
         "   LEVEL: ", r.choice(["ALS", "BLS", "ALS-2"]))
    crew = [Person(r) for _ in range(2)]
    if r.random() < 0.4:
        d.ln("CREW: ", r.choice(["EMT-P ", "PARAMEDIC "]), N(crew[0].full(r, r.choice(["fil", "fl", "lf"]))), " #", ("ID", digits(r, r.choice([4, 5, 6]))),
             " / EMT-B ", N(crew[1].full(r, r.choice(["fil", "fl", "lf"]))))
    else:
        d.ln("CREW: ", N(crew[0].last), " (P) / ", N(crew[1].last), " (B)")
    if r.random() < 0.3:
        d.ln("DISP ", T(ts[0]), "  ENRT ", T(ts[1]), "  ONSC ", T(ts[2]), "  PTCT ", T(ts[3]), "  TRAN ", T(ts[4]), "  DEST ", T(ts[5]))
    else:
        d.ln("TIMES: DISPATCHED ", T(ts[0]), " / ON SCENE ", T(ts[2]), " / AT DEST ", T(ts[5]))
    d.ln("PICKUP: ", address(r, sep=r.choice([", ", " "])) if r.random() < 0.8 else [("HOSPITAL", facility(r, "snf")), " RM ", ("LOCATION", str(r.randint(100, 450)))])
    d.ln("PT: ", N(p.full(r, r.choice(["LF", "LFM", "lf"]))), "  DOB ", ("DATE", fmt_date(r, dob_for(r, vd, age), r.choice(["us_slash", "us_short"]))),
         "  ", age_pieces(r, age, p.sex, r.choice(["sexglued", "yo", "age", "y/o"])))
    if r.random() < 0.2:
        d.ln("INS: ", r.choice(["MEDICARE ", "MEDICAID ", "BCBS "]), ("ID", member_id(r)))
    d.ln("CC: ", r.choice(["SOB", "FALL", "CHEST PAIN", "ALTERED MENTAL STATUS", "WEAKNESS", "OVERDOSE", "SYNCOPE", "HYPOGLYCEMIA"]))
    d.w("NARRATIVE: ")
    d.w("DISPATCHED PRIORITY ", str(r.randint(1, 3)), " FOR ", r.choice(["FALL", "DIFF BREATHING", "UNRESPONSIVE", "CP"]), ". ")
    d.w("ARRIVED TO FIND ", age_pieces(r, age, p.sex, r.choice(["yo_sex", "sexglued", "yo", "y/o"])), " ",
        r.choice(["SUPINE ON KITCHEN FLOOR", "SITTING IN RECLINER, TRIPODING", "IN BED, RESPONSIVE TO PAIN", "AMBULATORY AT DOOR"]), ". ")
    d.w(r.choice(["PT IS A&OX4. ", "PT ALERT, CONFUSED PER BASELINE. ", "GCS ", ""]))
    if d.buf[-1].endswith("GCS "):
        d.buf.pop()
        d.pos -= 4
        d.w(("FRACTION", f"GCS {r.randint(6, 14)}"), ". ")
    k = r.random()
    if k < 0.5:
        kp = Person(r)
        d.w("HX PER ", r.choice(["WIFE ", "DAUGHTER ", "NIECE ", "NEIGHBOR ", "HHA "] if kp.sex == "F" else ["HUSBAND ", "SON ", "NEPHEW ", "NEIGHBOR ", "HHA "]), N(kp.first.upper() if case == "upper" else kp.first), " ON SCENE: ")
    else:
        d.w("HX PER PT: ")
    d.w(pmh_bits(r), ". ")
    d.w("MEDS: ", med_line(r), ", ", med_line(r), ". ")
    d.w("LUNG SOUNDS ", r.choice(["CLEAR BILAT", "RALES BASES", "DIMINISHED LLL", "WHEEZES ALL FIELDS"]), ". ",
        r.choice(["PERRLA. ", "PUPILS PINPOINT. ", "NO JVD. ", "RRR. "]), "PAIN ", ("FRACTION", f"{r.randint(0, 10)}/10"), ". ")
    d.w("TX: ", r.choice([["IV ", ("MEASUREMENT", r.choice(["18 G", "20 G"])), " L AC, "], ["IO L TIBIA, "], [""]]),
        med_line(r, EMS_MEDS), ", ", r.choice([["O2 ", ("SETTING", f"{r.randint(2, 15)} LPM"), " NRB"], [("SETTING", f"CPAP {r.choice([5, 7.5, 10])}"), " CMH2O"],
                                                ["12-LEAD: ", r.choice(["SINUS TACH", "AFIB RVR", "NSR W/ PVCS", "STEMI INFERIOR"])]]), ". ")
    d.w("\n")
    d.w("VITALS:\n", noisy=False)
    for i in range(r.randint(1, 2)):
        tt = ts[2] + dtm.timedelta(minutes=4 + i * r.randint(5, 10))
        d.ln(T(tt), "  ", vitals(r, sick=True, style="caps"))
    d.w("TRANSPORTED ", r.choice(["EMERGENT", "NON-EMERGENT", "PRIORITY 2"]), " TO ", ("HOSPITAL", facility(r, "hospital")),
        r.choice([" ED", " ED. ", " - DIVERTED FROM ", ""]), noisy=False)
    if d.buf[-1].endswith("FROM ") or d.buf[-1].endswith("from "):
        d.w(("HOSPITAL", facility(r, "hospital")), ". ")
    else:
        d.w(". ")
    d.w("REPORT TO ", r.choice(["RN ", "CHARGE RN ", "DR "]), N(Person(r).last), ". ")
    d.w(r.choice(["PT CONDITION UNCHANGED. ", "PT IMPROVED EN ROUTE. ", "NO CHANGES EN ROUTE. "]))
    if r.random() < 0.15:
        d.w("PT BELONGINGS (GLASSES, PHONE) GIVEN TO ", N(Person(r).first), ". ")
    d.w("\n")
    d.ln("SIGNED: ", N(crew[0].initials(r.random() < 0.5)), " ", r.choice(["", "EMT-P"]))
    return d


def doc_transfer(r):
    case = pick_case(r, 0.3, 0.0)
    d = Doc(r, case)
    p = Person(r)
    age = pick_age(r, 0.25, 40, 89)
    vd = rand_date(r)
    dmy = r.random() < 0.15
    frm = facility(r, r.choice(["snf", "hospital", "snf"]))
    to = facility(r, "hospital")
    d.ln(r.choice(["INTER-FACILITY TRANSFER FORM", "Patient Transfer / Continuity of Care Form", "W-10 TRANSFER SHEET", "INTERFACILITY TRANSFER / EMTALA CERTIFICATION"]))
    d.ln("Sending facility: ", ("HOSPITAL", frm), ["   Unit: ", ("LOCATION", f"{r.choice(['Ellison', 'Baker', 'Phillips', 'Bigelow', 'Wang', 'Tower'])} {r.randint(2, 14)}")] if r.random() < 0.35 else "")
    d.ln("Receiving facility: ", ("HOSPITAL", to), [", ", ("LOCATION", r.choice(US_TOWNS))] if r.random() < 0.2 else "")
    d.ln("Patient name: ", N(p.full(r, r.choice(["LF", "LFM", "lf", "fl"]))), "   DOB: ", ("DATE", fmt_date(r, dob_for(r, vd, age), dmy=dmy)),
         "   Age: ", ("AGE", str(age)) if age >= 90 else str(age), "   Sex: ", p.sex)
    d.ln("MRN: ", ("ID", mrn(r)), "   Acct #: ", ("ID", digits(r, 10)) if r.random() < 0.3 else "N/A",
         ["   SSN: ", ("ID", ssn(r))] if r.random() < 0.25 else "",
         r.choice([["   Ontario health card: ", ("ID", f"{digits(r, 4)}-{digits(r, 3)}-{digits(r, 3)}-{letters(r, 2)}")],
                   ["   NHS No.: ", ("ID", f"{digits(r, 3)} {digits(r, 3)} {digits(r, 4)}")]]) if r.random() < 0.1 else "")
    d.ln("Date of transfer: ", ("DATE", fmt_date(r, vd, dmy=dmy)), "   Time: ", ("TIME", fmt_time(r, *rand_time(r))))
    d.ln("Sending physician: ", "Dr. ", N(Person(r).full(r, r.choice(["fl", "fil"]))), ["   ", pager_piece(r)] if r.random() < 0.6 else "")
    d.ln("Accepting physician: ", "Dr. ", N(Person(r).full(r, r.choice(["fl", "fil", "lf"]))))
    d.ln("Mode: ", r.choice(["ALS", "BLS", "CCT", "Wheelchair van"]), " via ", ("ORGANIZATION", r.choice(EMS_AGENCIES)))
    d.ln("Reason for transfer: ", r.choice(["higher level of care", "return to SNF", "dialysis not available", "cath lab", "inpatient psych bed",
                                             "ortho eval"]), " - ", diag_phrase(r))
    d.ln("Code status: ", r.choice(["Full code", "DNR/DNI (MOLST attached)", "DNR, OK to intubate", "Comfort measures"]))
    d.ln("Isolation: ", r.choice(["none", "contact - MRSA", "contact - C diff", "airborne - r/o TB", "droplet"]))
    d.ln("Allergies: ", r.choice(["NKDA", "PCN (rash)", "sulfa", "codeine - N/V", "latex"]))
    d.w("Lines/devices: ", r.choice([[("DEVICE", "PICC"), " R basilic, placed ", ("DATE", short_date(r, vd - dtm.timedelta(days=r.randint(2, 20)), dmy))],
                                     [("EPONYM", "Foley catheter"), " ", ("MEASUREMENT", "16 Fr")], [("DEVICE", "G-tube"), " ", ("MEASUREMENT", "20 Fr")],
                                     [("DEVICE", "trach"), " (", ("DEVICE", "Shiley"), " ", ("MEASUREMENT", "6.0"), "), home vent ", ("SETTING", "AC 14/450/5/0.4")],
                                     [("DEVICE", "tunneled dialysis catheter"), " R IJ"], ["PIV x2"]]), "\n", noisy=False)
    d.w("Last vitals: ", vitals(r, style=r.choice(["line", "form"])), "\n", noisy=False)
    d.w("Last labs: ", labs(r), "\n", noisy=False)
    d.w("Current meds:\n", med_list(r, r.randint(3, 6)), noisy=False)
    d.w("Last dose ", ("DRUG", r.choice(["vancomycin", "ceftriaxone", "heparin drip", "insulin lispro"])), " given at ", ("TIME", fmt_time(r, *rand_time(r))), ".\n")
    if r.random() < 0.35:
        d.w("Imaging sent on disc from ", ("HOSPITAL", facility(r, r.choice(["imaging", "bare"]))), ". Most recent CXR:\n")
        imaging_block(r, d, dmy=dmy)
    kp = Person(r)
    d.w("Family/contact: ", kin_word(r, kp.sex), " ", N(kp.full(r, "fl")), " ", ("PHONE", phone(r)),
        r.choice([" - aware of transfer.", " - left VM.", " (HCP) notified."]), "\n")
    d.w("Report called to ", r.choice(["RN ", "Charge RN "]), N(Person(r).last), [" at ", ("TIME", fmt_time(r, *rand_time(r)))] if r.random() < 0.5 else "", ".\n")
    d.w("Physician certification: benefits of transfer outweigh risks. ", "Signed ", N(Person(r).initials(True)), " ", ("DATE", fmt_date(r, vd, dmy=dmy)), "\n")
    return d


def doc_phone(r):
    case = pick_case(r, 0.08, 0.15)
    d = Doc(r, case, noise=r.choice([0, 0.4, 0.8]))
    p = Person(r)
    age = pick_age(r, 0.2, 24, 89)
    vd = rand_date(r)
    clinic = facility(r, "clinic")
    d.ln(r.choice(["Telephone Encounter", "TELEPHONE ENCOUNTER", "Phone Note", "Triage Call", "After-hours call"]),
         [" - ", ("HOSPITAL", clinic)] if r.random() < 0.6 else "")
    d.ln("Date/time: ", ("DATE", fmt_date(r, vd)), " ", ("TIME", fmt_time(r, *rand_time(r, 7, 22))))
    d.ln("Patient: ", N(p.full(r)), ["  DOB ", ("DATE", fmt_date(r, dob_for(r, vd, age)))] if r.random() < 0.6 else "",
         ["  MRN ", ("ID", mrn(r))] if r.random() < 0.5 else "")
    kp = Person(r)
    caller_self = r.random() < 0.35
    kw = kin_word(r, kp.sex)
    if caller_self:
        d.ln("Caller: patient   Callback: ", ("PHONE", phone(r)))
    else:
        d.ln("Caller: ", N(kp.full(r, "fl")), " (", kw, ")   Callback: ", ("PHONE", phone(r)),
             [" or ", ("PHONE", phone(r))] if r.random() < 0.3 else "")
    d.w("Reason: ", r.choice(["med refill", "new symptoms", "question re: test results", "fall at home", "requesting home health referral",
                              "form for employer", "BP readings high"]), "\n")
    d.w("Notes: ")
    who = "Pt" if caller_self else r.choice(["Caller", kw.capitalize()])
    d.w(who, " reports pt ", r.choice(["has had cough x5 days, ", "BP at home ", "more confused since ", "fell getting out of bed, "]))
    if d.buf[-1].endswith("home "):
        d.w(("VITAL", f"{r.randint(150, 190)}/{r.randint(88, 110)}"), " and ", ("VITAL", f"{r.randint(150, 190)}/{r.randint(88, 110)}"), ". ")
    elif d.buf[-1].endswith("since "):
        d.w(("DATE", short_date(r, vd - dtm.timedelta(days=r.randint(1, 6)))), ". ")
    d.w(r.choice(["no fever. ", "temp ", "denies CP. "]))
    if d.buf[-1].endswith("temp "):
        d.w(("VITAL", f"{round(r.uniform(99.5, 103), 1)}"), ". ")
    d.w(age_pieces(r, age, p.sex), " w/ ", pmh_bits(r), ". ")
    if r.random() < 0.4:
        d.w("Pt ", r.choice(["recently returned from ", "just back from visiting family in ", "traveled to "]), ("LOCATION", r.choice(COUNTRIES)),
            r.choice([" 2 wks ago. ", " last month. ", [" on ", ("DATE", short_date(r, vd - dtm.timedelta(days=r.randint(5, 40)))), ". "]]))
    d.w("Advised ", r.choice(["ED eval if worse", "increase fluids, call back in 48h", "appt tomorrow AM", "hold ", "continue "]))
    if d.buf[-1].endswith(("hold ", "continue ", "HOLD ", "CONTINUE ")):
        d.w(med_line(r))
    d.w(". ")
    d.w(r.choice(["Routed to ", "Sent to ", "FYI "]), staff_title(r, lower=(case == "lower")), ". ")
    if r.random() < 0.5:
        ad = vd + dtm.timedelta(days=r.randint(1, 14))
        d.w("Appt scheduled ", DAYS[ad.weekday()], " ", ("DATE", short_date(r, ad)), " at ",
            ("TIME", fmt_time(r, *rand_time(r, 8, 16), r.choice(["12", "12lc", "word"]))), r.choice([" w/ ", " with "]), staff_title(r), ". ")
    if r.random() < 0.3:
        d.w("Pharmacy: ", ("ORGANIZATION", r.choice(PHARMACIES)), ", ", ("LOCATION", r.choice(US_TOWNS)), ". ")
    if r.random() < 0.3:
        d.w("\nAddendum ", ("TIME", fmt_time(r, *rand_time(r))), ": ", r.choice(["MD reviewed, ok to refill x30d. ", "called back, no answer, LVM. ", "spoke w/ "]))
        if d.buf[-1].endswith("w/ "):
            d.w(N(kp.first), ", ", r.choice(["she", "he"]), " verbalized understanding. ")
    signature(r, d, role=r.choice(["RN", "LPN", "MA", "RN triage"]), date=vd)
    return d


def doc_portal(r):
    lower = r.random() < 0.6
    d = Doc(r, "lower" if lower else "mixed", noise=r.choice([0.5, 1.0, 1.5]))
    p = Person(r)
    age = pick_age(r, 0.25, 30, 89)
    vd = rand_date(r)
    writer_self = r.random() < 0.4
    kp = Person(r)
    doc = Person(r)
    clinic = facility(r, "clinic")
    d.ln("Subject: ", r.choice(["question about meds", "re: my moms appointment", "Refill", "pls call me", "test results??",
                               "swelling", "FMLA form", "need letter for work"])) if r.random() < 0.8 else None
    d.ln("From: ", N(p.full(r, "fl") if writer_self else kp.full(r, "fl")), r.choice([" (proxy)", "", ""]) if not writer_self else "",
         "  Sent: ", ("DATE", fmt_date(r, vd, r.choice(["us_slash", "us_short", "long"]))), " ", ("TIME", fmt_time(r, *rand_time(r), r.choice(["12", "12lc"]))))
    d.w("\n")
    d.w(r.choice(["hi ", "hello ", "Dear ", "hey "]), r.choice([["dr ", N(doc.last.lower(), "lower")], ["Dr. ", N(doc.last)], ["nurse ", N(Person(r).first)], ["", ""]]),
        r.choice([",\n", "\n", " - ", ", "]))
    if writer_self:
        d.w(r.choice(["its me ", "this is ", "hope ur well. this is "]), N(p.first), ". ")
        d.w(r.choice(["i am ", "im "]), age_pieces(r, age, p.sex, r.choice(["yo", "year old", "words", "aged"]) if age >= 90 else r.choice(["yo", "year old"])), " ")
        d.w(r.choice(["and my ankles r swollen again", "and the cough wont go away", "and i need a refill on my ", "and my sugar was "]))
        if d.buf[-1].endswith("my "):
            d.w(("DRUG", r.choice(["lasix", "metformin", "eliquis", "gabapentin", "lisinopril", "inhaler"])))
        elif d.buf[-1].endswith("was "):
            d.w(("VITAL", str(r.randint(210, 420))), " this am")
        d.w(". ")
    else:
        kw = kin_word(r, kp.sex)
        rel = {"son": "mom" if p.sex == "F" else "dad", "daughter": "mom" if p.sex == "F" else "dad",
               "husband": "wife", "wife": "husband"}.get(kw, r.choice(["aunt", "grandma", "uncle", "neighbor"]))
        d.w("this is ", N(kp.first), r.choice([", ", " "]), r.choice([f"im writing for my {rel} ", f"{p.his} {kw}, writing about my {rel} "]),
            "(", N(p.full(r, "fl")), [" dob ", ("DATE", fmt_date(r, dob_for(r, vd, age), r.choice(["us_short", "us_slash"])))] if r.random() < 0.6 else "",
            "). ")
        d.w(p.he, " is ", age_pieces(r, age, p.sex, r.choice(["yo", "year old", "words"]) if age >= 90 else "yo"), " and ")
        d.w(r.choice(["has been more sob since sunday", "fell again in the bathroom", "is not eating much", "seems more confused at night",
                      "has a red spot on her heel that is getting bigger", "coughing up green stuff"]), ". ")
        if r.random() < 0.5:
            d.w("the vna nurse ", N(Person(r).first), " came ", DAYS[r.randrange(7)].lower(), " and said ",
                r.choice([["bp was ", ("VITAL", f"{r.randint(90, 190)}/{r.randint(50, 100)}")], ["oxygen was ", ("VITAL", f"{r.randint(84, 93)}%")], ["to call u"]]), ". ")
    if r.random() < 0.4:
        d.w(r.choice(["we just got back from ", "we were in ", "my sister flew in from "]), ("LOCATION", r.choice(TOWNS + COUNTRIES)),
            r.choice([" for christmas ", " last week ", " on the "]))
        if d.buf[-1].endswith("the "):
            d.w(("DATE", ordinal(r.randint(1, 28))), " ")
        d.w("if that matters. ")
    if r.random() < 0.4:
        d.w(r.choice(["also can u fax the form to ", "also i need a note for my job at ", "also pls send the paperwork to "]))
        if d.buf[-1].endswith("to "):
            d.w(("ORGANIZATION", r.choice(EMPLOYERS)), " fax ", ("PHONE", phone(r)), ". ")
        else:
            d.w(("ORGANIZATION", r.choice(EMPLOYERS + SCHOOLS)), ". ")
    d.w(r.choice(["can u call me at ", "pls call ", "my cell is ", "best # is "]), ("PHONE", phone(r, r.choice(["dash", "local", "plain10", "paren", "space"]))))
    if r.random() < 0.6:
        d.w(r.choice([" or email ", " or ", ". email is "]), ("CONTACT", email(r, p if writer_self else kp)))
    d.w(r.choice([". ", " ", "!! "]), r.choice(["thx", "thank you", "thanks so much", "God bless", "ty"]), r.choice(["\n", ", ", " "]))
    who = p if writer_self else kp
    d.w(r.choice([[N(who.first)], [N(who.first), " ", N(who.last[0])], ["-", N(who.first[:3] if len(who.first) > 4 and who.first.isalpha() and r.random() < 0.5 else who.first)]]), "\n")
    if r.random() < 0.6:
        d.case = "mixed"
        d.noise = 0
        d.w("\n---- Reply ", ("DATE", fmt_date(r, vd + dtm.timedelta(days=r.randint(0, 2)), "us_slash")), " ", ("TIME", fmt_time(r, *rand_time(r, 8, 17), "12")), " ----\n")
        d.w("Hi ", N(who.first), ",\n", r.choice(["Dr. ", "I reviewed this with Dr. "]), N(doc.last))
        d.w(" recommends " if d.buf[-2].startswith("Dr") else ", who recommends ",
            r.choice([["increasing ", ("DRUG", "furosemide"), " to ", ("MEASUREMENT", "40 mg"), " daily x3 days and a nurse visit"], ["an appointment this week"],
                      ["a chest x-ray at ", ("HOSPITAL", facility(r, "imaging")), " before the visit"], ["going to the ED if breathing gets worse"],
                      ["a sputum sample x3 for AFB"]]), ". ")
        if r.random() < 0.5:
            ad = vd + dtm.timedelta(days=r.randint(1, 10))
            d.w("We have you scheduled ", DAYS[ad.weekday()], " ", ("DATE", short_date(r, ad)), " at ",
                ("TIME", fmt_time(r, *rand_time(r, 8, 16), "12")), ". ")
        d.w("Please call ", ("PHONE", phone(r)), r.choice([" with questions.", " option 2 for the nurse line."]), "\n")
        if r.random() < 0.3:
            slug = "".join(ch for ch in clinic.lower() if ch.isalpha())[:18]
            d.w("You can also reply at ", ("CONTACT", f"https://mychart.{slug}.org"), r.choice([[" (user ID ", ("CONTACT", f"{who.first[0].lower()}{''.join(ch for ch in who.last.lower() if ch.isalpha())}{r.randint(1, 99)}"), ")"], ""]), ".\n")
        d.w(N(Person(r).first), ", ", r.choice(["RN", "MA", "LPN", "CMA"]), "\n", ("HOSPITAL", clinic), "\n")
    return d


def doc_telehealth(r):
    d = Doc(r, "mixed", noise=r.choice([0, 0.2]))
    p = Person(r)
    age = pick_age(r, 0.2, 25, 89)
    vd = rand_date(r)
    prov = Person(r)
    clinic = facility(r, r.choice(["clinic", "clinic", "hospital"]))
    d.ln(r.choice(["TELEHEALTH VISIT - AUDIO/VIDEO", "Telemedicine Encounter (video)", "Virtual Visit Note", "Telephone-only Visit"]))
    st = dtm.datetime(2000, 1, 1, *rand_time(r, 8, 16))
    en = st + dtm.timedelta(minutes=r.randint(12, 40))
    tst = r.choice(["24c", "12", "24"])
    d.ln("Date: ", ("DATE", fmt_date(r, vd)), "   Start: ", ("TIME", fmt_time(r, st.hour, st.minute, tst)), "   End: ", ("TIME", fmt_time(r, en.hour, en.minute, tst)),
         ["   ENC# ", ("ID", digits(r, 9))] if r.random() < 0.4 else "")
    d.ln("Provider: ", N(prov.full(r, r.choice(["fl", "fmil"]))), ", ", r.choice(["MD", "DO", "NP", "PA-C"]), " at ", ("HOSPITAL", clinic))
    d.ln("Patient: ", N(p.full(r, r.choice(["fl", "lf", "LF"]))), ["   MRN ", ("ID", mrn(r))] if r.random() < 0.6 else "")
    loc = r.random()
    if loc < 0.5:
        d.ln("Patient location (verified): home, ", address(r))
    elif loc < 0.75:
        d.ln("Patient location: ", ("HOSPITAL", facility(r, "snf")), ", ", ("LOCATION", r.choice(US_TOWNS)), ", ", ("LOCATION", r.choice(STATES)[0]))
    else:
        d.ln("Patient location: at work (", ("ORGANIZATION", r.choice(EMPLOYERS)), "), in parked car")
    if r.random() < 0.2:
        d.ln("Connection: Zoom, patient IP ", ("CONTACT", f"{r.randint(10, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"))
    kp = Person(r)
    has_kin = r.random() < 0.6
    kw = kin_word(r, kp.sex)
    d.ln("Participants: patient", [", ", kw, " ", N(kp.first), " (on camera)"] if has_kin else "",
         [", interpreter ", N(Person(r).first), " #", ("ID", digits(r, 5))] if r.random() < 0.3 else "")
    d.ln("Verbal consent for telehealth obtained at ", ("TIME", fmt_time(r, *rand_time(r, 8, 16))), ".")
    d.w("\nTRANSCRIPT (excerpt)\n", noisy=False)
    if r.random() < 0.4:
        P = lambda: N(prov.last.upper(), "keep")
        Q = lambda: N(p.last.upper(), "keep")
        pt_title = "MR." if p.sex == "M" else r.choice(["MS.", "MRS."])
    else:
        P = lambda: "(PROVIDER)"
        Q = lambda: "(PATIENT)"
        pt_title = "PT"
    d.w("DR. ", P(), ": Good ", r.choice(["morning", "afternoon"]), ", ", "Mr. " if p.sex == "M" else "Ms. ", N(p.last), ". Can you hear me okay?\n")
    d.w(pt_title, " ", Q(), ": ", r.choice(["Yes, I can hear you. ", "Yeah, a little choppy. ", "Hold on, let me turn it up. Okay. "]), "\n")
    d.w("DR. ", P(), ": How have you been since we last talked ", r.choice([["on the ", ("DATE", ordinal(r.randint(1, 28)))], ["in ", ("DATE", MONTHS[r.randrange(12)])], ["last month"]]), "?\n")
    d.w(pt_title, " ", Q(), ": ", r.choice([["The breathing is worse. I'm using the ", ("DEVICE", "oxygen concentrator"), " at ", ("SETTING", f"{r.randint(2, 4)} liters"), " all night now."],
                                        ["My sugars are running ", ("VITAL", str(r.randint(180, 300))), " in the mornings."],
                                        ["I've been dizzy when I stand up. I took my pressure, it was ", ("VITAL", f"{r.randint(88, 104)}/{r.randint(50, 66)}"), "."],
                                        ["Still coughing. I was in ", ("LOCATION", r.choice(COUNTRIES)), " for ", str(r.randint(2, 8)), " weeks visiting my mother."]]), "\n")
    if has_kin:
        d.w(kw.upper(), " (", N(kp.first.upper(), "keep"), "): ", r.choice(["He's not telling you he fell twice.", "She's been sleeping a lot more.",
                                                                                        "We ran out of the inhaler on Friday."]), "\n")
    d.w("DR. ", P(), ": ", r.choice([["Okay. Are you taking the ", ("DRUG", r.choice(["metoprolol", "furosemide", "Spiriva", "insulin glargine", "amlodipine"])), " every day?"],
                                     ["Can you hold the camera to your ankles for me?"], ["Any fevers, night sweats, weight loss?"]]), "\n")
    d.w(pt_title, " ", Q(), ": ", r.choice(["Most days.", "I lost maybe ten pounds.", "Yes, I think so.", "Here, can you see?"]), "\n")
    d.w("\nASSESSMENT/PLAN:\n", noisy=False)
    d.w("1. ", age_pieces(r, age, p.sex, r.choice(["yo", "year-old", "yo_sex", "sexglued"])), r.choice([" with ", " w/ "]), pmh_bits(r, phi=False), ". ")
    d.w(r.choice([["Self-reported ", vitals(r)], ["Exam limited by video; no accessory muscle use, speaking full sentences."]]), "\n")
    d.w("2. ", r.choice([["Start ", med_line(r)], ["Increase ", med_line(r)], ["CXR ordered at ", ("HOSPITAL", facility(r, "imaging")), "; IGRA sent."],
                         ["Home health referral to ", ("HOSPITAL", facility(r, "hh")), "."]]), "\n")
    d.w("3. Follow-up ", r.choice([["in person ", ("DATE", short_date(r, vd + dtm.timedelta(days=r.randint(7, 40))))], ["by video in 2 weeks"],
                                   ["with ", staff_title(r)]]), ".\n")
    d.w("Total time ", ("MEASUREMENT", f"{r.randint(12, 40)} min"), ". ", N(prov.initials(False)), "\n")
    return d


def doc_occ(r):
    case = pick_case(r, 0.45, 0.0)
    d = Doc(r, case)
    p = Person(r)
    age = r.randint(19, 66)
    vd = rand_date(r)
    dob = dob_for(r, vd, age)
    emp = r.choice(EMPLOYERS)
    d.ln(("HOSPITAL", facility(r, "occ")), [" - ", ("LOCATION", r.choice(US_TOWNS))] if r.random() < 0.4 else "")
    d.ln(r.choice(["PRE-PLACEMENT CHEST RADIOGRAPH", "OCCUPATIONAL HEALTH - CHEST X-RAY REPORT", "Respirator Clearance / Surveillance CXR",
                   "SILICA SURVEILLANCE - ILO CLASSIFICATION", "Pre-employment Physical - CXR"]))
    d.ln("Examinee: ", N(p.full(r, r.choice(["LF", "LFM", "lf", "fl"]))), "   DOB: ", ("DATE", fmt_date(r, dob)), "   Age: ", str(age))
    d.ln("Employer: ", ("ORGANIZATION", emp), "   Badge #: ", ("ID", r.choice([digits(r, 5), f"{letters(r, 2)}{digits(r, 5)}", f"E-{digits(r, 6)}"])))
    d.ln("Job site: ", r.choice([["Dock ", ("LOCATION", str(r.randint(1, 9)))], [("LOCATION", f"{r.choice(FAC_PRE)} Yard")], [("LOCATION", r.choice(US_TOWNS)), " plant"],
                                 [("LOCATION", f"Pier {r.randint(1, 12)}")], [("LOCATION", f"Shaft {r.randint(1, 5)}"), ", ", ("LOCATION", r.choice(US_TOWNS))]]),
         "   Job title: ", r.choice(["welder", "sandblaster", "pipefitter", "warehouse associate", "CDL driver", "abatement tech", "miner", "teacher aide", "line worker"]))
    if r.random() < 0.5:
        d.ln("SSN (last 4): ", ("ID", digits(r, 4)), "   Employee ID: ", ("ID", digits(r, 7)))
    d.ln("Exposure: ", r.choice(["respirable crystalline silica", "asbestos (older buildings)", "coal mine dust", "welding fume", "none reported", "TB - healthcare worker"]),
         ", ", r.choice([["since ", ("DATE", fmt_date(r, rand_date(r, dob.year + 18, vd.year), r.choice(["year", "apos_year", "month_year", "mon_yy"])))],
                         ["x ", str(r.randint(2, max(3, age - 18))), " yrs"], ["hired ", ("DATE", fmt_date(r, rand_date(r, dob.year + 18, vd.year), "my"))]]))
    d.ln("Date of radiograph: ", ("DATE", fmt_date(r, vd)), "   Facility: ", ("HOSPITAL", facility(r, r.choice(["imaging", "bare"]))))
    d.ln("Views: PA", r.choice(["", " and lateral"]))
    d.w("\n")
    d.w(r.choice(["FINDINGS: ", "RESULTS: "]), noisy=False)
    d.w(cxr_findings(r, occ=True), "\n")
    d.w("IMPRESSION: ", r.choice(["No radiographic abnormality; cleared for respirator use.", "Findings consistent with pneumoconiosis, category ",
                                  "Pleural plaques; refer to pulmonary.", "Normal chest. Medically cleared for duty."]))
    if d.buf[-1].endswith("category "):
        d.w(("FRACTION", r.choice(["1/0", "1/1", "2/1"])), ".")
    d.w("\n")
    if r.random() < 0.6:
        d.w("Spirometry: FVC ", ("MEASUREMENT", f"{round(r.uniform(2.1, 5.4), 2)} L"), " (", ("MEASUREMENT", f"{r.randint(62, 110)}%"), " pred), FEV1/FVC ",
            ("FRACTION", f"{round(r.uniform(0.55, 0.85), 2)}"), ". ", "Fit test: ", ("DEVICE", r.choice(["N95", "half-face elastomeric", "PAPR"])), " size ",
            r.choice(["S", "M", "L"]), ", pass.\n")
    if r.random() < 0.5:
        d.w("TB screen: ", r.choice([["QuantiFERON negative"], ["TST ", ("MEASUREMENT", f"{r.randint(0, 18)} mm"), " read at ", ("MEASUREMENT", "48 hrs")], ["IGRA positive, CXR clear - LTBI, start ", ("DRUG", "rifampin"), " x4 mo"]]), ".\n")
    rd = Person(r)
    d.w("B Reader: Dr. ", N(rd.full(r, r.choice(["fl", "fmil"]))), ", NIOSH cert # ", ("ID", f"{r.choice(['B', ''])}{digits(r, 5)}"),
        "  Date read: ", ("DATE", fmt_date(r, vd + dtm.timedelta(days=r.randint(0, 9)))), "\n")
    if r.random() < 0.5:
        d.w("Results to: ", N(Person(r).full(r, "fl")), ", Safety Mgr, ", ("ORGANIZATION", emp), " ", r.choice([[("CONTACT", email(r))], ["fax ", ("PHONE", phone(r))]]), "\n")
    return d


def doc_immig(r):
    case = pick_case(r, 0.35, 0.0)
    d = Doc(r, case)
    p = Person(r)
    age = pick_age(r, 0.07, 15, 88)
    vd = rand_date(r, 2012, 2024)
    dmy = r.random() < 0.7
    birth = r.choice(COUNTRIES)
    res = r.choice(COUNTRIES)
    clinic = facility(r, "panel")
    d.ln(("HOSPITAL", clinic), [", ", ("LOCATION", r.choice(ABROAD_TOWNS))] if r.random() < 0.6 else "")
    d.ln(r.choice(["PANEL PHYSICIAN - TUBERCULOSIS SCREENING: CHEST X-RAY WORKSHEET", "IMMIGRANT MEDICAL EXAMINATION - CXR REPORT",
                   "Pre-departure TB Screening (Refugee)", "CHEST X-RAY FINDINGS - MEDICAL EXAMINATION FOR VISA"]))
    d.ln("Applicant: ", N(p.full(r, r.choice(["LF", "LFM", "lf"]))), "   Sex: ", p.sex)
    dob = dob_for(r, vd, age)
    d.ln("Date of birth: ", ("DATE", fmt_date(r, dob, dmy=dmy) if r.random() < 0.85 else fmt_date(r, dob, "year")),
         "   Age: ", ("AGE", str(age)) if age >= 90 else str(age))
    d.ln("Passport No.: ", ("ID", f"{letters(r, r.choice([1, 2]))}{digits(r, 7)}"), "   Case No.: ",
         ("ID", f"{letters(r, 2)}{vd.year}{digits(r, 6)}" if r.random() < 0.5 else f"{letters(r, 3)}-{digits(r, 6)}"))
    if r.random() < 0.3:
        d.ln("Alien No.: ", ("ID", r.choice([f"A{digits(r, 9)}", f"A# {digits(r, 3)} {digits(r, 3)} {digits(r, 3)}"])))
    d.ln("Country of birth: ", ("LOCATION", birth), "   Country of residence: ", ("LOCATION", res))
    if r.random() < 0.5:
        d.ln("Current residence: ", ("LOCATION", r.choice(CAMPS)), r.choice([" camp", " Refugee Camp", ""]), ", ",
             r.choice([["Block ", ("LOCATION", f"{r.randint(1, 12)}-{letters(r, 1)}")], ["Zone ", ("LOCATION", str(r.randint(1, 8)))]]))
    else:
        d.ln("Current residence: ", ("LOCATION", r.choice(ABROAD_TOWNS)), r.choice([[", ", ("LOCATION", r.choice(NEIGHBORHOODS[:6]))], ""]))
    d.ln("Date of exam: ", ("DATE", fmt_date(r, vd, dmy=dmy)), "   Time: ", ("TIME", fmt_time(r, *rand_time(r, 7, 16), r.choice(["24c", "24h"]))))
    d.w("\nHistory: ")
    if r.random() < 0.6:
        d.w(r.choice(["Left ", "Fled "]), ("LOCATION", birth), r.choice([" in ", " in late "]), ("DATE", str(r.randint(1990, vd.year - 1))),
            "; lived in ", ("LOCATION", r.choice(ABROAD_TOWNS + CAMPS)), " since ", ("DATE", fmt_date(r, rand_date(r, 1995, vd.year - 1), r.choice(["month_year", "my", "year"]))), ". ")
    else:
        d.w("Applicant reports living in the same household since arrival; ", r.choice(["6", "9", "11"]), " household members. ")
    d.w(r.choice([["Reports prior TB treatment in ", ("DATE", str(r.randint(1995, 2018))), " for ", ("MEASUREMENT", "6 months"), ", completed. "],
                  ["No known TB contact. "], ["Household contact of smear-positive case (", ("NAME", Person(r).first), ", ", r.choice(["brother", "mother", "uncle"]), "). "],
                  ["Cough > 3 weeks, night sweats. "]]))
    if r.random() < 0.5:
        c1, c2 = r.sample(COUNTRIES, 2)
        d.w("Travel in last 12 months: ", ("LOCATION", c1), ", ", ("LOCATION", c2), ". ")
    d.w("HIV: ", r.choice(["negative", "positive on ART", "declined"]), ". IGRA/TST: ", r.choice([["TST ", ("MEASUREMENT", f"{r.randint(0, 22)} mm")], ["IGRA positive"], ["not done (age)"]]), ".\n")
    d.w("Vitals: ", ("VITAL", f"Wt {r.randint(34, 90)} kg"), ", ", ("VITAL", f"Ht {r.randint(140, 190)} cm"), ", ", ("VITAL", f"BMI {round(r.uniform(14.5, 31), 1)}"), "\n")
    d.w("CXR (PA", r.choice(["", " + lateral"]), "): ")
    d.w(cxr_findings(r, tb=True), "\n")
    d.w("Sputum: AFB smear x3 ", r.choice(["negative", "1+ on specimen 2", "pending"]), "; culture ", r.choice(["negative at 8 weeks", "pending", "MTB complex isolated, RIF-sensitive"]), ".\n")
    d.w("Classification: ", r.choice(["No TB classification", "Class B1 TB, pulmonary", "Class B2 TB, LTBI evaluation", "Class A TB (inadmissible pending treatment)",
                                      "Class B1 TB, extrapulmonary (", ]))
    if d.buf[-1].endswith("("):
        d.w(("EPONYM", "Pott disease"), ")")
    d.w("\n")
    if r.random() < 0.4:
        d.w("Treatment (DOT) at ", ("HOSPITAL", facility(r, "clinic")), ": ", med_line(r, MEDS[35:41]), ", ",
            med_line(r, MEDS[35:41]), ".\n")
    dr = Person(r)
    d.w("Panel physician: Dr. ", N(dr.full(r, r.choice(["fl", "fil", "fmil"]))), "   Reg. No. ", ("ID", f"{letters(r, 2)}/{digits(r, 5)}"), "\n")
    d.w("Signature date: ", ("DATE", fmt_date(r, vd + dtm.timedelta(days=r.randint(0, 60)), dmy=dmy)),
        ["   Tel: ", ("PHONE", intl_phone(r))] if r.random() < 0.5 else "", "\n")
    return d


def doc_corrections(r):
    case = pick_case(r, 0.25, 0.05)
    d = Doc(r, case, noise=0.0 if case == "upper" else r.choice([0, 0.3]))
    p = Person(r)
    age = pick_age(r, 0.06, 19, 84)
    vd = rand_date(r)
    cty = r.choice(COUNTIES)
    fac = r.choice([f"{cty} County House of Correction", f"{cty} County Jail", f"{r.choice(FAC_PRE)} Correctional Facility",
                    f"{r.choice(FAC_PRE)} State Prison", f"{r.choice(INVENTED_TOWNS)} Correctional Center", f"{cty} County Detention Center"])
    d.ln(("LOCATION", fac), " - Health Services Unit")
    d.ln(r.choice(["SICK CALL / NURSING ENCOUNTER", "Intake Health Screening", "Chronic Care Clinic Note", "Medical Emergency Response", "TB Clearance - Annual"]))
    d.ln("Inmate: ", N(p.full(r, r.choice(["LF", "LFM", "lf"]))), "   ", r.choice(["DOC #: ", "Inmate #: ", "Booking #: ", "ID: "]),
         ("ID", r.choice([digits(r, 6), f"{letters(r, 1)}{digits(r, 5)}", f"{vd.year}-{digits(r, 5)}"])))
    d.ln("DOB: ", ("DATE", fmt_date(r, dob_for(r, vd, age))), "   ", age_pieces(r, age, p.sex, r.choice(["yo", "sexglued", "age"])),
         ["   DL# ", ("ID", f"{letters(r, 1)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}")] if r.random() < 0.2 else "")
    d.ln("Housing: ", r.choice([[("LOCATION", f"{r.choice('ABCDEFGH')}-Pod"), ", Cell ", ("LOCATION", f"{r.randint(1, 40)}{r.choice(['', 'A', 'B'])}")],
                                [("LOCATION", f"{r.choice(['Delta', 'Echo', 'Bravo', 'Fox', 'Unit 4 West', 'Ridge'])} Unit"), ", bunk ", ("LOCATION", str(r.randint(1, 96)))],
                                [("LOCATION", r.choice(["Medical Observation", "Segregation", "Protective Custody"])), " ", ("LOCATION", str(r.randint(1, 12)))]]))
    d.ln("Date/Time: ", ("DATE", fmt_date(r, vd)), " ", ("TIME", fmt_time(r, *rand_time(r))))
    d.w("\nS: ", age_pieces(r, age, p.sex, r.choice(["yo", "y/o", "year-old", "sexglued", "yo_sex"])), " ", r.choice(["c/o ", "submitted sick call slip re: ", "seen for "]),
        r.choice(["productive cough x3 wks, night sweats", "chest pain after rec yard", "withdrawal sx, last use ", "dental pain", "elevated BS",
                  "refill of inhaler", "rash on trunk"]))
    if d.buf[-1].endswith("use "):
        d.w(("DATE", short_date(r, vd - dtm.timedelta(days=r.randint(1, 3)))), " per pt")
    d.w(". PMH: ", pmh_bits(r), ". ")
    if r.random() < 0.3:
        d.w("Transferred from ", ("LOCATION", r.choice([f"{r.choice(COUNTIES)} County Jail", f"{r.choice(FAC_PRE)} Correctional Facility"])), " on ",
            ("DATE", fmt_date(r, vd - dtm.timedelta(days=r.randint(3, 400)))), ". ")
    d.w("\nO: ", vitals(r), ". ", exam_bits(r))
    if r.random() < 0.4:
        d.w("COWS score ", ("FRACTION", str(r.randint(3, 22))), ". ")
    d.w("\n")
    if r.random() < 0.45:
        d.w("CXR ", ("DATE", short_date(r, vd - dtm.timedelta(days=r.randint(0, 20)))), " (read by ", ("HOSPITAL", facility(r, "imaging")), "):\n")
        imaging_block(r, d, tb=True, header=False, phi=False)
    d.w("A/P: ", r.choice([["Start ", med_line(r)], ["Continue ", med_line(r), ", KOP"], ["CIWA/COWS protocol, ", med_line(r, MEDS[49:51])],
                           ["Respiratory isolation, AFB x3, notify ", ("ORGANIZATION", f"{r.choice(COUNTIES)} County Health Dept")]]), ". ")
    if r.random() < 0.5:
        d.w("Sent out to ", ("HOSPITAL", facility(r, "hospital")), " via ", ("ORGANIZATION", r.choice(EMS_AGENCIES)), " at ", ("TIME", fmt_time(r, *rand_time(r))),
            ", escorted by ", r.choice(["CO ", "Officer ", "Sgt. ", "Lt. "]), N(Person(r).last), ". ")
    else:
        d.w(r.choice(["Officer ", "CO ", "Sgt. "]), N(Person(r).last), " present for encounter. ")
    d.w("F/u ", staff_title(r, lower=(case == "lower")), r.choice([" chronic care clinic", " in 1 week", " PRN"]), ".\n")
    signature(r, d, role=r.choice(["RN", "LPN", "NP", "PA-C", "MD"]))
    return d


# ---- documents without PHI -------------------------------------------------


def doc_cxr_only(r):
    d = Doc(r, pick_case(r, 0.5, 0.0))
    d.w("HISTORY: ", r.choice(["cough x3 weeks, positive IGRA", "pre-employment screening", "SOB, CHF", "fever, r/o pneumonia", "s/p fall, rib pain",
                               "PICC placement"]), "\n")
    imaging_block(r, d, phi=False, tb=r.random() < 0.5, occ=r.random() < 0.3)
    if len(d.text()) < 320:
        d.w("Recommend clinical correlation; compare with prior films if obtained. If symptomatic, sputum AFB smear and culture x3.\n")
    return d


def doc_wound_nophi(r):
    case = pick_case(r, 0.15, 0.15)
    d = Doc(r, case, noise=r.choice([0, 0.4]))
    age = r.randint(55, 89)
    sex = r.choice("MF")
    d.ln(r.choice(["Wound care flowsheet", "WOUND ASSESSMENT", "Home visit - skilled nursing (template)"]))
    d.w(age_pieces(r, age, sex), " homebound pt seen for wound care. ", wound(r), "\n")
    d.w("Vitals: ", vitals(r), ".\n")
    d.w(exam_bits(r), "\n")
    d.w("Meds:\n", med_list(r, r.randint(2, 4)))
    d.w("Teaching: offloading heels, turning q2h, protein supplement BID. ", ("EPONYM", "Braden scale"), " ", ("FRACTION", str(r.randint(11, 18))), ". ")
    d.w("Next visit in 2 days. Call agency with fever > ", ("MEASUREMENT", "100.4 F"), " or increased drainage.\n")
    return d


def doc_portal_generic(r):
    d = Doc(r, "mixed")
    d.ln(r.choice(["Your test results are available", "Message from your care team", "After Visit Summary - Instructions"]))
    d.w("Hello,\n\nYour recent chest x-ray showed ", r.choice(["no signs of pneumonia", "a small amount of fluid at the lung bases", "an old scar that does not need treatment"]), ". ")
    d.w("Please continue ", med_line(r), " and ", med_line(r), ". ")
    d.w("Weigh yourself every morning; call us if you gain more than ", ("MEASUREMENT", "3 lb"), " in a day or ", ("MEASUREMENT", "5 lb"), " in a week. ")
    d.w("Keep your blood pressure under ", ("VITAL", "130/80"), " and bring your log to the next visit. ", "If you have a ", ("DEVICE", r.choice(["PICC line", "Foley catheter", "G-tube"])),
        ", keep the dressing dry. ")
    d.w("If you have chest pain or trouble breathing, call 911.\n\nYour care team\n")
    return d


def doc_hospice_kit(r):
    d = Doc(r, pick_case(r, 0.2, 0.1))
    d.ln(r.choice(["COMFORT KIT - INSTRUCTIONS FOR CAREGIVERS", "Hospice emergency kit contents", "Symptom management guide"]))
    for m in r.sample(MEDS[14:24], 4):
        d.w("- ", ("DRUG", m[0]), " ", ("MEASUREMENT", m[1]), " ", m[2], "\n")
    d.w("For breathing trouble: raise head of bed, fan to face, give ", ("DRUG", "morphine"), " as above. Oxygen ", ("SETTING", f"{r.randint(2, 4)} L"),
        " via ", ("DEVICE", "nasal cannula"), " for comfort only.\n")
    d.w("Noisy breathing (secretions) is common in the last days and is not painful. Use ", ("DRUG", "atropine"), " ", ("MEASUREMENT", "1%"), " drops ",
        ("MEASUREMENT", "2 gtt"), " SL.\nCall the hospice line any time, day or night, before calling 911.\n")
    return d


KINDS = [(doc_home_health, 14), (doc_hospice, 10), (doc_ems, 12), (doc_transfer, 9), (doc_phone, 9),
         (doc_portal, 11), (doc_telehealth, 8), (doc_occ, 8), (doc_immig, 9), (doc_corrections, 9)]
NOPHI_KINDS = [doc_cxr_only, doc_wound_nophi, doc_portal_generic, doc_hospice_kit]


def make_doc(r):
    nophi = r.random() < 0.15
    for _ in range(50):
        if nophi:
            fn = r.choice(NOPHI_KINDS)
        else:
            fn = r.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        d = fn(r)
        t = d.text()
        if 300 <= len(t) <= 2500:
            return fn.__name__[4:], d
    raise RuntimeError("could not produce a document of acceptable length")


def check(rec):
    t = rec["text"]
    errs = []
    for key, lab in (("phi", "label"), ("protected", "kind")):
        prev = -1
        for s in rec[key]:
            a, b = s["start"], s["end"]
            if not (0 <= a < b <= len(t)):
                errs.append(f"{key} out of range {s}")
                continue
            if a < prev:
                errs.append(f"{key} overlap/unsorted {s}")
            prev = b
            seg = t[a:b]
            if seg != seg.strip():
                errs.append(f"{key} whitespace {s} {seg!r}")
            if key == "phi" and s[lab] not in PHI_LABELS:
                errs.append(f"bad label {s}")
            if key == "protected" and s[lab] not in PROT_KINDS:
                errs.append(f"bad kind {s}")
    spans = sorted([(s["start"], s["end"]) for s in rec["phi"]] + [(s["start"], s["end"]) for s in rec["protected"]])
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 < b1:
            errs.append(f"phi/protected overlap {(a1, b1)} {(a2, b2)}")
    return errs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    bad = 0
    n_phi_docs = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.n):
            r = random.Random(f"community-{a.seed}-{i}")
            kind, d = make_doc(r)
            rec = {"id": f"s{a.seed}-{i:04d}-{kind}", "text": d.text(),
                   "phi": sorted(d.phi, key=lambda s: s["start"]),
                   "protected": sorted(d.prot, key=lambda s: s["start"])}
            errs = check(rec)
            if errs:
                bad += 1
                for e in errs[:5]:
                    print(f"SELF-CHECK FAIL {rec['id']}: {e}", file=sys.stderr)
            n_phi_docs += bool(rec["phi"])
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {a.n} docs to {a.out}; {n_phi_docs} with PHI; self-check failures: {bad}", file=sys.stderr)
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
