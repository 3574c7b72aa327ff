#!/usr/bin/env python3
"""gen_g: synthetic 'side-channel' clinical text with exact PHI offsets.

Style: text that reaches the archive by routes other than a radiologist's
keyboard -- speech-recognition dictations (with SR artefacts), patient-portal
messages from patients and relatives, nurse telephone-encounter notes,
voicemail auto-transcriptions, pharmacy medication reconciliations and
interpreter / transport / case-coordination notes.

Standard library only.  Usage:
    python3 gen.py --seed S --n N --out FILE.jsonl
"""
import argparse
import datetime
import json
import random
import re
import sys

rng = random.Random(0)


def ch(seq):
    return rng.choice(seq)


def maybe(p):
    return rng.random() < p


def wpick(pairs):
    """pairs: list of (item, weight)"""
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for it, w in pairs:
        r -= w
        if r <= 0:
            return it
    return pairs[-1][0]


# ---------------------------------------------------------------------------
# Surrogate lists (written for this program; no external name lists)
# ---------------------------------------------------------------------------
GIVEN_F = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Margaret Dorothy Lisa
Eleanor Mildred Edith Gladys Evelyn Florence Lorraine Beverly Marjorie Irene Doris Bernice
Hazel Agnes Vera Thelma Lucille Brittany Ashley Madison Chelsea Kayla Deborah Theresa
Siobhan Niamh Aoife Brigid Fiona Mairead Orla Ailsa Isla Morag Maura Kathleen
Maria Guadalupe Carmen Rosa Ana Lucia Ximena Valentina Camila Catalina Esperanza Dolores
Consuelo Marisol Yesenia Milagros Conceicao Fernanda Ines Beatriz Leonor Graca Filomena
Amelie Celine Helene Margaux Yvette Solene Odile Genevieve Anneke Marieke Sanne Gisela
Ingrid Liesel Ursula Annelies Giovanna Francesca Rosaria Chiara Carmela Ornella Assunta
Agnieszka Katarzyna Malgorzata Jadwiga Stanislawa Svetlana Natalya Tatiana Lyudmila Anastasia
Galina Oksana Olena Halyna Iryna Larysa Eleni Panagiota Athina Vasiliki Despina Ayse Zeynep
Elif Fatma Gulsen Fatima Aisha Layla Noor Mariam Rania Samira Shirin Parisa Nasrin Golnaz
Mahsa Folake Adeola Temitope Yetunde Ngozi Adaeze Ifeoma Chiamaka Akosua Ama Abena Efua Adwoa
Mekdes Wanjiru Njeri Achieng Zawadi Hodan Faduma Priya Anjali Sunita Deepa Lakshmi Meenakshi
Harpreet Farzana Nusrat Xiaoling Mei Huiying Lihua Xiu Minji Seo-yeon Eun-ji Yoon-hee Huong
Linh Ngoc Phuong Hoa Yuki Sakura Keiko Aiko Naomi Maricel Jocelyn Lorna Marites Rowena Divina
Ligaya Aiyana Winona Nizhoni Kimi Tallulah Astrid Freya Sigrid Ingeborg Solveig Aino Kari
Hope Joy Faith Grace Rose Lily Iris June May April Summer Autumn Dawn Ivy Holly Heather
Violet Pearl Ruby Amber Crystal Destiny Harmony Patience Constance Prudence Sunny Penny
Misty Brook Charity Liberty Ginger Olive Hazel Blossom""".split()

GIVEN_M = """James Robert John Michael William David Richard Joseph Thomas Charles Walter Harold
Arthur Frank George Howard Raymond Gerald Dennis Clifford Wayne Stanley Ernest Leonard Russell
Clarence Eugene Marcus Tyler Caleb Logan Kevin Brian Ciaran Padraig Eamon Declan Seamus
Cormac Hamish Callum Finlay Euan Angus Jose Juan Luis Jesus Alejandro Mateo Santiago Diego
Javier Rafael Ignacio Heriberto Joao Tiago Goncalo Rui Duarte Manuel Benoit Etienne
Guillaume Jacques Thierry Mathieu Lucien Bram Joost Pieter Wouter Dieter Helmut Jurgen Klaus
Wolfgang Friedrich Giuseppe Salvatore Vincenzo Alessandro Matteo Gennaro Paolo Bartosz
Grzegorz Wojciech Zbigniew Krzysztof Dmitri Yevgeny Oleg Vladimir Sergei Igor Bohdan Taras
Mykola Yaroslav Vasyl Dimitrios Konstantinos Georgios Spyridon Nikos Mehmet Emre Mustafa
Burak Hakan Mohammed Ahmad Omar Khalid Youssef Hassan Tariq Ibrahim Dariush Kourosh Farhad
Arash Babak Adebayo Oluwaseun Babatunde Olumide Chukwuemeka Chinonso Obinna Nnamdi Kwame
Kofi Yaw Kwabena Kwesi Tesfaye Abebe Haile Kamau Otieno Amani Baraka Abdirahman Rajesh
Vikram Arjun Sanjay Ravi Gurpreet Imran Tanvir Wei Jian Zhiwei Jun Guang Jiwoo Hyun-woo
Jae-sung Sung-min Thanh Minh Tuan Duc Quang Haruto Takeshi Hiroshi Kenji Ryo Rodrigo
Reynaldo Bong Arnel Jun-Jun Chayton Takoda Ahanu Sequoyah Dakota Bjorn Leif Torsten Magnus
Eero Hunter Mason Chase Earnest Rocky Buck Dusty Forrest Glen Dale Cliff Wade Rusty Rich
Bill Art River Storm Sonny Royal Noble Major Booker Deacon Pierce Lance Miles""".split()

SURNAMES = """Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
Martin Thompson Whitaker Pemberton Ashworth Hadley Fairbanks Cartwright Thornbury Blackwood
Kingsley Holloway Pickering Winslow Ellsworth Ramsbottom Higginbotham Okonkwo Adeyemi Okafor
Nwosu Eze Obi Chukwu Adebayo Oyelaran Babatunde Ogunleye Afolabi Mensah Boateng Owusu Asante
Appiah Agyeman Osei Tesfaye Gebremedhin Haile Kebede Mwangi Ochieng Kamau Wanjiku Abdi Warsame
Farah Hussein Mohamud Patel Shah Desai Iyer Reddy Nair Chaudhry Khan Siddiqui Rahman Chowdhury
Singh Gill Sandhu Banerjee Mukherjee Ghosh Chen Wang Li Zhang Liu Huang Zhao Wu Lin Kim Lee
Park Choi Jung Kang Yoon Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Tanaka Suzuki Watanabe
Yamamoto Nakamura Kobayashi Sato Takahashi Santos Reyes Cruz Bautista Villanueva Dela Cruz
Mendoza Aquino Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Flores
Gutierrez Morales Castillo Ortiz Jimenez Vargas Romero Alvarado Mejia Quintanilla Figueroa
Pereira Ferreira Oliveira Costa Carvalho Goncalves Medeiros Furtado Rebelo Tavares Amaral
Fonseca Dubois Lefebvre Moreau Girard Rousseau Fontaine Chevalier Beaulieu Tremblay Gagnon
Bouchard Thibodeau Ouellette Jansen Bakker Visser Smits Meijer Schneider Fischer Weber
Becker Hoffmann Schulz Koch Richter Klein Zimmermann Braun Rossi Russo Esposito Bianchi
Romano Colombo Ricci Marino Greco Bruno Gallo Conti Mancini Lombardi Kowalski Nowak
Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Dabrowski Jankowski Ivanov Petrov
Smirnov Volkov Sokolov Kuznetsov Popov Morozov Shevchenko Kovalenko Bondarenko Tkachenko
Kravchenko Melnyk Boyko Papadopoulos Georgiou Nikolaidis Karagiannis Vlachos Dimitriou Yilmaz
Kaya Demir Sahin Celik Aydin Ozturk Arslan Haddad Khoury Nasser Saleh Mansour Aziz Hamdan
Darwish Karimi Hosseini Rahimi Mohammadi Tehrani Jafari Sadeghi Murphy Kelly Sullivan Walsh
Byrne Ryan Doyle Gallagher Kavanagh Donnelly Fitzgerald Brennan Quinlan Callaghan MacLeod
MacDonald MacKenzie McLaughlin McGrath McCarthy McBride O'Brien O'Neill O'Connor O'Sullivan
O'Shaughnessy O'Malley Campbell Fraser Henderson Lindqvist Johansson Andersson Nilsson
Berg Haugen Halvorsen Lindgren Virtanen Korhonen Makinen Begay Yazzie Tsosie Redcloud
Whitehorse Runningwater Littlefeather Manygoats Chee Benally Ellison Whitcomb Bigelow
Ravenscroft Abernathy""".split()

# multi-word surnames kept intact
SURNAMES_MW = ["Dela Cruz", "de la Fuente", "van der Berg", "van Dijk", "van den Broek",
               "von Essen", "von Hagen", "de Souza", "da Silva", "da Costa", "di Stefano",
               "di Marco", "del Rio", "del Valle", "de Jong", "ter Horst", "ten Brink",
               "al-Rashid", "al-Masri", "Al-Khatib", "bin Salleh", "bin Laden-Hussain",
               "St. Pierre", "Le Blanc", "La Rosa", "Mac an tSaoir", "dos Santos",
               "van Houten", "de Groot", "D'Angelo", "D'Souza", "Ní Bhriain", "Abu-Ghazaleh"]

SURNAMES_HISP2 = [("Garcia", "Morales"), ("Hernandez", "Ruiz"), ("Lopez", "de Leon"),
                  ("Martinez", "Salgado"), ("Rodriguez", "Pena"), ("Ortiz", "Villalobos"),
                  ("Sanchez", "Cabrera"), ("Ramirez", "Ochoa"), ("Torres", "Bermudez"),
                  ("Flores", "Arriaga"), ("Castillo", "Mendez"), ("Reyes", "Zamora")]

WORD_SURNAMES = """Hope Frost Bishop Lane Hardy Wolf Young Rivers Joy Bell King Rose Little
Strong Price Rich Black White Green Brown Moody Summers Winter Fox Hunter Mason Baker Cook
Fisher Gardener Sparrow Swift Wise Goodman Love Savage Bliss Christmas Friday Noble Hale
Steel Stone Wood Marsh Brooks Hill Field Church Chapel Parsons Dean Sterling Golden Cross
Sharp Light Day Knight Ward Moon Pond Lake Rains Storm""".split()

SYLLABLES = ["ka", "ren", "to", "mi", "zal", "or", "vek", "ash", "lin", "dar", "qui", "bel",
             "tor", "sha", "nu", "ei", "ro", "va", "xan", "dre", "il", "mar", "so", "thi",
             "bo", "quen", "zy", "lo", "fen", "wick", "gar", "ul", "yra", "tess", "om", "bri"]
INVENTED_GIVEN = ["Zorela", "Kestrin", "Thalwen", "Ombra", "Veyra", "Jessaly", "Tavish",
                  "Oriel", "Brisa", "Caelan", "Yuvan", "Marisande", "Delphine", "Quillon",
                  "Anouk", "Saoirse", "Teodor", "Lumi", "Ezinne", "Ravenna"]
INVENTED_SURN = ["Quarrington", "Velloso-Brandt", "Okpara-Lindahl", "Tsvetkova", "Brumwell",
                 "Hazeldine", "Marchetti-Olsen", "Pennyfeather", "Vantongeren", "Szczepanik",
                 "Uwimana", "Nakashima-Reyes", "Drobnik", "Fairweather", "Quartermaine"]

US_TOWNS = [("Quincy", "MA"), ("Worcester", "MA"), ("Lowell", "MA"), ("Brockton", "MA"),
            ("Fall River", "MA"), ("New Bedford", "MA"), ("Chicopee", "MA"),
            ("Framingham", "MA"), ("Lynn", "MA"), ("Revere", "MA"), ("Malden", "MA"),
            ("Somerville", "MA"), ("Everett", "MA"), ("Chelsea", "MA"), ("Dorchester", "MA"),
            ("Mattapan", "MA"), ("Pawtucket", "RI"), ("Woonsocket", "RI"), ("Nashua", "NH"),
            ("Manchester", "NH"), ("Portland", "ME"), ("Lewiston", "ME"), ("Bangor", "ME"),
            ("Burlington", "VT"), ("Rutland", "VT"), ("Hartford", "CT"), ("Waterbury", "CT"),
            ("New Haven", "CT"), ("Stamford", "CT"), ("Yonkers", "NY"), ("Albany", "NY"),
            ("Utica", "NY"), ("Binghamton", "NY"), ("Scranton", "PA"), ("Allentown", "PA"),
            ("Erie", "PA"), ("Camden", "NJ"), ("Paterson", "NJ"), ("Trenton", "NJ"),
            ("Dover", "DE"), ("Frederick", "MD"), ("Roanoke", "VA"), ("Asheville", "NC"),
            ("Savannah", "GA"), ("Tampa", "FL"), ("Ocala", "FL"), ("Mobile", "AL"),
            ("Biloxi", "MS"), ("Shreveport", "LA"), ("Tulsa", "OK"), ("El Paso", "TX"),
            ("Laredo", "TX"), ("Tucson", "AZ"), ("Santa Fe", "NM"), ("Gallup", "NM"),
            ("Boise", "ID"), ("Spokane", "WA"), ("Eugene", "OR"), ("Fresno", "CA"),
            ("Oxnard", "CA"), ("Reno", "NV"), ("Provo", "UT"), ("Casper", "WY"),
            ("Billings", "MT"), ("Fargo", "ND"), ("Sioux Falls", "SD"), ("Omaha", "NE"),
            ("Wichita", "KS"), ("Dubuque", "IA"), ("Duluth", "MN"), ("Green Bay", "WI"),
            ("Peoria", "IL"), ("Gary", "IN"), ("Dayton", "OH"), ("Flint", "MI"),
            ("Lexington", "KY"), ("Knoxville", "TN"), ("Little Rock", "AR"),
            ("Springfield", "MO"), ("Anchorage", "AK"), ("Hilo", "HI"), ("Taunton", "MA"),
            ("Attleboro", "MA"), ("Haverhill", "MA"), ("Methuen", "MA"), ("Leominster", "MA"),
            # invented towns
            ("Millbrook", "MA"), ("Hollis Falls", "NH"), ("East Wendham", "MA"),
            ("Port Ardley", "ME"), ("Cranmoor", "CT"), ("Ashby Crossing", "VT"),
            ("Linden Hollow", "NY"), ("North Pemberton", "MA"), ("Bramblewood", "RI"),
            ("Kettle Cove", "ME"), ("Marlow Heights", "PA"), ("Oakridge Junction", "OH"),
            ("Saxton", "NH"), ("Verity", "VT"), ("Glenmoor", "MA"), ("Harrow Point", "CT"),
            ("Stillwater Bend", "NY"), ("New Tarrant", "NJ"), ("Wexley", "MA"),
            ("Dunmore Flats", "PA"), ("Ravensworth", "VA"), ("Pine Hollow", "ME"),
            ("Quarry Falls", "VT"), ("Tillman", "GA"), ("Eastbury", "CT"),
            ("Westcott", "MA"), ("Brinley", "NH"), ("Larkfield", "RI"),
            ("Hope Valley", "RI"), ("Faith", "NC"), ("Liberty Corner", "NJ"),
            ("Sweetwater Gap", "TN"), ("Orrin", "ND"), ("Maplewood Station", "MN"),
            ("Cold Spring Harbor Point", "NY"), ("South Haddam", "CT"), ("Pellston Mills", "MI")]

FOREIGN_CITIES = """Ponta Delgada|Praia|Mindelo|Port-au-Prince|Cap-Haitien|Jacmel|Santo Domingo|
Santiago de los Caballeros|San Salvador|Guatemala City|Quetzaltenango|Tegucigalpa|San Pedro Sula|
Puebla|Oaxaca|Guadalajara|Medellin|Cali|Lima|Cusco|Recife|Belo Horizonte|Goiania|Lisbon|Porto|
Braga|Coimbra|Dublin|Cork|Galway|Limerick|Glasgow|Aberdeen|Inverness|Leeds|Bristol|Lagos|Ibadan|
Enugu|Onitsha|Kumasi|Accra|Tamale|Addis Ababa|Gondar|Nairobi|Mombasa|Kisumu|Mogadishu|Hargeisa|
Kampala|Dar es Salaam|Mumbai|Pune|Chennai|Hyderabad|Dhaka|Sylhet|Lahore|Karachi|Kathmandu|
Colombo|Guangzhou|Fuzhou|Taishan|Shenyang|Seoul|Busan|Daegu|Hanoi|Hue|Da Nang|Ho Chi Minh City|
Osaka|Sapporo|Manila|Cebu|Davao|Iloilo|Kyiv|Lviv|Odesa|Kharkiv|Minsk|Moscow|Saint Petersburg|
Krakow|Gdansk|Wroclaw|Thessaloniki|Patras|Izmir|Ankara|Beirut|Tripoli|Aleppo|Amman|Baghdad|
Erbil|Cairo|Alexandria|Casablanca|Tehran|Shiraz|Isfahan|Tabriz|Naples|Palermo|Bari|Rotterdam|
Utrecht|Groningen|Hamburg|Leipzig|Bergen|Tromso|Uppsala|Tampere|Reykjavik|Lyon|Marseille|
Quebec City|Moncton|Halifax|Kingston|Port of Spain|San Juan|Mayaguez|Ponce|Phnom Penh|
Battambang""".replace("\n", "").split("|")

COUNTRIES = ["Guatemala", "Honduras", "El Salvador", "Mexico", "Dominican Republic", "Haiti",
             "Cape Verde", "Brazil", "Portugal", "Ireland", "Italy", "Poland", "Ukraine",
             "Russia", "Greece", "Turkey", "Lebanon", "Syria", "Iraq", "Iran", "Nigeria",
             "Ghana", "Ethiopia", "Eritrea", "Kenya", "Somalia", "Uganda", "India", "Pakistan",
             "Bangladesh", "Nepal", "China", "Vietnam", "South Korea", "Japan", "Colombia",
             "Peru", "Puerto Rico", "Jamaica", "Trinidad", "Canada", "Morocco", "Egypt",
             "Cambodia", "Albania", "Bosnia", "Sierra Leone", "Liberia", "Senegal", "Scotland",
             "Costa Rica", "Ecuador", "Venezuela", "Cuba", "Sri Lanka", "Afghanistan"]
REGIONS = ["the Azores", "Sao Miguel", "Kerala", "Punjab", "Oaxaca", "Sicily", "Calabria",
           "Galicia", "County Mayo", "Donegal", "Tigray", "Mindanao", "Luzon", "Anatolia"]

STREET_NAMES = """Larkspur Elm Chestnut Maple Winthrop Harbor View Old Colony Pemberton Quarry Mill
Washington Hancock Adams Prospect Summer Water Beacon Cedar Juniper Wren Tupelo Cranberry
Orchard Highland Pleasant Union Bridge Spring Walnut Hawthorne Lafayette Magnolia Sycamore
Birch Linden Willow Poplar Ashland Franklin Lincoln Jefferson Monroe Madison Sumner Dudley
Columbia Tremont Hollis Blue Hill Centre Cottage Eastern Shawmut Ferry Canal Depot Academy
Church School Meadow Brookside Ridge Fairmount Granite Lowell Essex Salem""".split()
STREET_TYPES = ["Street", "St", "St.", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive",
                "Court", "Ct", "Way", "Terrace", "Place", "Circle", "Boulevard", "Blvd",
                "Parkway", "Highway"]

PLACE_WORDS = ["Hollis Valley", "North Shore", "South Bay", "Riverside", "Lakeview", "Bayview",
               "Harborview", "Hillcrest", "Fairview", "Greenfield", "Pine Ridge", "Cedar Hill",
               "Blue Hills", "Stony Brook", "Kestrel Point", "Brightwater", "Merrimack Valley",
               "Cape Ann", "Nashoba", "Tri-County", "Seacoast", "Pioneer Valley", "Granite State",
               "Mystic Valley", "Old Harbor", "Three Rivers", "Silver Lake", "Eastfield",
               "Westmoor", "Wolf Creek", "Long Meadow", "Whitestone", "Crescent Bay"]
FAC_TYPES = ["Hospital", "Medical Center", "General Hospital", "Community Hospital", "Clinic",
             "Health Center", "Family Health", "Nursing Home", "Rehab", "Rehabilitation Center",
             "Care Center", "Health and Rehab", "Hospice", "Imaging", "Radiology Associates",
             "Cardiology Associates", "Primary Care Associates", "Medical Associates",
             "Urgent Care", "Dialysis Center", "Senior Living", "Assisted Living",
             "Skilled Nursing Facility", "Orthopedics", "Health"]
RES_ADJ = ["Maple", "Cedar", "Oak", "Rose", "Willow", "Heather", "Juniper", "Birch", "Laurel",
           "Holly", "Aspen", "Harbor", "Meadow", "Sterling", "Briar", "Ivy", "Magnolia"]
RES_NOUN = ["Crest", "Ridge", "Haven", "Hill", "Glen", "Brook", "Gardens", "Park", "Knoll",
            "Terrace", "Point", "Meadows"]
RES_TYPE = ["Manor", "Villa", "Lodge", "House", "Commons", "Place", "Court", "Estates"]
SAINTS = ["Brigid", "Anselm", "Jude", "Agnes", "Columba", "Francis", "Vincent", "Raphael",
          "Elizabeth", "Luke", "Monica", "Casimir", "Stanislaus", "Anthony", "Benedict",
          "Clare", "Dymphna", "Kateri", "Nicholas", "Basil", "Mary", "Joseph", "Patrick"]

INDUSTRY = ["Marine Works", "Freight", "Paper Mill", "Precision Tool", "Fish Co.", "Dairy",
            "Roofing", "Plumbing & Heating", "Auto Body", "Landscaping", "Textiles",
            "Logistics", "Bakery", "Brewing Company", "Construction", "Electric",
            "Insurance Agency", "Credit Union", "Hardware", "Seafood", "Machine Shop",
            "Bus Company", "Printing", "Foundry", "Dry Cleaners", "Shipyard", "Storage"]
SCHOOL_TYPES = ["Elementary", "Elementary School", "Middle School", "High School",
                "Regional High School", "Community College", "Academy", "Montessori School",
                "Technical High School", "Charter School"]
LANGS = ["Spanish", "Portuguese", "Haitian Creole", "Cape Verdean Creole", "Vietnamese",
         "Cantonese", "Mandarin", "Russian", "Arabic", "Somali", "Amharic", "Nepali", "Khmer",
         "Polish", "Korean", "ASL", "Tigrinya", "Dari", "Ukrainian", "Greek", "Italian"]

EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "comcast.net", "aol.com", "hotmail.com",
                 "outlook.com", "icloud.com", "verizon.net", "msn.com", "protonmail.com",
                 "att.net", "charter.net"]
AREA_CODES = ["617", "508", "781", "978", "413", "401", "603", "207", "802", "860", "203",
              "212", "718", "914", "518", "215", "412", "973", "410", "404", "305", "713",
              "602", "503", "206", "312", "774", "339", "857", "351"]


# ---------------------------------------------------------------------------
# number words
# ---------------------------------------------------------------------------
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen").split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
            "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
            "eighteenth nineteenth").split()
ORD_TENS = {20: "twentieth", 30: "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def nw(n, hy=False):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ((("-" if hy else " ") + ONES[o]) if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ((" " + nw(r, hy)) if r else "")
    th, r = divmod(n, 1000)
    return nw(th, hy) + " thousand" + ((" " + nw(r, hy)) if r else "")


def ordw(n):
    if n < 20:
        return ORD_ONES[n]
    if n in ORD_TENS:
        return ORD_TENS[n]
    t, o = divmod(n, 10)
    return TENS[t] + " " + ORD_ONES[o]


def ordsfx(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def year_words(y):
    if 2000 <= y <= 2009:
        return ch(["two thousand " + ONES[y - 2000], "two thousand and " + ONES[y - 2000],
                   "two thousand " + ONES[y - 2000]]) if y > 2000 else "two thousand"
    if y >= 2010:
        return ch(["twenty " + nw(y - 2000), "twenty " + nw(y - 2000),
                   "two thousand " + nw(y - 2000)])
    hi, lo = divmod(y, 100)
    if lo == 0:
        return nw(hi) + " hundred"
    if lo < 10:
        return nw(hi) + " oh " + ONES[lo]
    return nw(hi) + " " + nw(lo)


def digit_words(s, zero=None):
    out = []
    for c in s:
        if c.isdigit():
            if c == "0":
                out.append(zero or ch(["zero", "oh"]))
            else:
                out.append(ONES[int(c)])
    return " ".join(out)


# ---------------------------------------------------------------------------
# document builder
# ---------------------------------------------------------------------------
PHI_LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL",
              "ORGANIZATION", "CONTACT"}
KINDS = {"MEASUREMENT", "FRACTION", "SETTING", "VITAL", "EPONYM", "DEVICE", "DRUG"}
KCODE = {"D": "DRUG", "M": "MEASUREMENT", "F": "FRACTION", "S": "SETTING", "V": "VITAL",
         "E": "EPONYM", "X": "DEVICE"}
TOK = re.compile(r"\{([A-Z]):([^{}]*)\}|\$([a-z][a-z0-9_]*)")

HOMOPHONES = [("pleural", "plural"), ("ileum", "ilium"), ("patient's", "patience"),
              ("there is", "their is"), ("site", "sight"), ("mucus", "mucous"),
              ("discrete", "discreet"), ("dysphagia", "dysphasia"), ("callus", "callous"),
              ("two views", "to views"), ("heal", "heel"), ("vein", "vain"),
              ("right", "write"), ("no acute", "know acute"), ("cecum", "secum"),
              ("hilar", "hi lar"), ("ascites", "a sites"), ("atelectasis", "at electasis"),
              ("femoral", "femur all"), ("prostate", "prostrate"), ("weak", "week"),
              ("sinus", "sign us"), ("loop", "lupe"), ("bowel", "bowl"),
              ("follow up", "follow-up"), ("lesion", "legion"), ("osseous", "ocious")]


class Doc:
    def __init__(self, case="mixed", spoken=0.0, sr=0.0, typo=0.0):
        self.parts = []
        self.n = 0
        self.phi = []
        self.prot = []
        self.case = case
        self.spoken = spoken      # prob. a protected numeric value is rendered in words
        self.sr = sr              # prob. of homophone substitution in plain text
        self.typo = typo          # prob. of a typo in a longer plain piece
        self.ntypo = 0

    def _tx(self, s):
        if self.case == "upper":
            u = s.upper()
        elif self.case == "lower":
            u = s.lower()
        else:
            return s
        return u if len(u) == len(s) else s

    def _raw(self, s):
        self.parts.append(s)
        self.n += len(s)

    def t(self, s):
        if not s:
            return
        if self.sr:
            for a, b in HOMOPHONES:
                if a in s and maybe(self.sr):
                    s = s.replace(a, b, 1)
        if self.typo and len(s) >= 25 and self.ntypo < 3 and maybe(self.typo):
            s = typo_in(s)
            self.ntypo += 1
        self._raw(self._tx(s))

    def p(self, s, label):
        assert label in PHI_LABELS, label
        s = self._tx(s)
        assert s and s == s.strip(), repr(s)
        self.phi.append((self.n, self.n + len(s), label))
        self._raw(s)

    def c(self, s, kind):
        assert kind in KINDS, kind
        if self.spoken and kind in ("MEASUREMENT", "VITAL", "FRACTION", "SETTING") \
                and maybe(self.spoken):
            s = speak(s, kind)
        s = self._tx(s)
        assert s and s == s.strip(), repr(s)
        self.prot.append((self.n, self.n + len(s), kind))
        self._raw(s)

    def add(self, x):
        if x is None:
            return
        if isinstance(x, str):
            self.t(x)
        elif isinstance(x, tuple):
            s, lab = x
            if lab is None:
                self.t(s)
            elif lab in PHI_LABELS:
                self.p(s, lab)
            else:
                self.c(s, lab)
        else:
            for y in x:
                self.add(y)

    def f(self, tmpl, **kw):
        pos = 0
        for m in TOK.finditer(tmpl):
            if m.start() > pos:
                self.t(tmpl[pos:m.start()])
            if m.group(1):
                self.c(m.group(2), KCODE[m.group(1)])
            else:
                self.add(kw[m.group(3)])
            pos = m.end()
        if pos < len(tmpl):
            self.t(tmpl[pos:])

    def text(self):
        return "".join(self.parts)


def typo_in(s):
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", s)]
    if not words:
        return s
    m = ch(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 3)
    op = rng.random()
    if op < 0.5:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op < 0.8:
        w2 = w[:i] + w[i + 1:]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return s[:m.start()] + w2 + s[m.end():]


# ---- speech-style rendering of numeric protected content ----
SPOKEN_TOK = {"BP": "blood pressure", "HR": "heart rate", "RR": "respiratory rate",
              "T": "temperature", "Temp": "temp", "SpO2": "sat", "O2": "oxygen",
              "Na": "sodium", "K": "potassium", "Cr": "creatinine", "WBC": "white count",
              "Hgb": "hemoglobin", "INR": "inr", "BG": "blood sugar", "A1c": "a one c",
              "TSH": "tsh", "FiO2": "fio2", "PEEP": "peep", "PS": "pressure support",
              "CPAP": "cpap", "GCS": "gcs", "NC": "nasal cannula", "RA": "room air",
              "TV": "tidal volume", "Plt": "platelets", "BUN": "bun", "cm": "centimeters",
              "mm": "millimeters", "mg": "milligrams", "mcg": "micrograms", "mL": "cc",
              "L": "liters", "kg": "kilos", "lbs": "pounds", "lb": "pounds", "mEq": "m e q",
              "g": "grams", "ft": "feet", "x": "by", "BMP": "bmp", "Trop": "troponin",
              "HbA1c": "hemoglobin a one c", "LPM": "liters", "mmHg": "millimeters",
              "EF": "ejection fraction", "Lac": "lactate", "BiPAP": "bipap"}


def num_spoken(tok):
    if "." in tok:
        a, b = tok.split(".", 1)
        head = "" if a == "0" and maybe(0.5) else num_spoken(a) + " "
        return (head + "point " + " ".join(ONES[int(c)] for c in b)).strip()
    n = int(tok)
    if 100 < n < 200 and n % 100 and maybe(0.7):
        return "one " + nw(n - 100)
    if n >= 10000:
        return digit_words(tok, "zero")
    return nw(n)


def speak(text, kind):
    s = text
    s = re.sub(r"[A-Za-z][A-Za-z0-9]*", lambda m: SPOKEN_TOK.get(m.group(0), m.group(0)), s)
    sep = " out of " if kind == "FRACTION" else " over "
    s = re.sub(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)",
               lambda m: m.group(1) + sep + m.group(2), s)
    s = re.sub(r"\d+(?:\.\d+)?", lambda m: num_spoken(m.group(0)), s)
    s = s.replace("%", " percent").replace("-", " to ")
    s = re.sub(r"\s+", " ", s).strip()
    return s


# ---------------------------------------------------------------------------
# PHI value generators -> lists of (text, label) pieces
# ---------------------------------------------------------------------------
def invented_name():
    return "".join(ch(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def given(sex):
    r = rng.random()
    if r < 0.05:
        return ch(INVENTED_GIVEN)
    if r < 0.08:
        return invented_name()
    return ch(GIVEN_F if sex == "F" else GIVEN_M)


def surname():
    r = rng.random()
    if r < 0.60:
        return ch(SURNAMES)
    if r < 0.70:
        return ch(SURNAMES_MW)
    if r < 0.80:
        return ch(WORD_SURNAMES)
    if r < 0.86:
        a, b = rng.sample(SURNAMES + WORD_SURNAMES, 2)
        return a + "-" + b
    if r < 0.92:
        a, b = ch(SURNAMES_HISP2)
        return a + " " + b
    if r < 0.96:
        return ch(INVENTED_SURN)
    return invented_name()


class Person:
    def __init__(self, sex=None, last=None):
        self.sex = sex or ch("FM")
        self.first = given(self.sex)
        self.middle = given(self.sex) if maybe(0.55) else None
        self.last = last or surname()

    @property
    def he(self):
        return "she" if self.sex == "F" else "he"

    @property
    def his(self):
        return "her" if self.sex == "F" else "his"


def _initial(s):
    ws = [w for w in re.split(r"[\s\-']", s) if w]
    caps = [w for w in ws if w[0].isupper()]
    return (caps[-1] if caps else ws[-1])[0].upper()


def sr_split(last):
    low = last.lower()
    for pre in ("mc", "mac", "o'", "van", "de", "st. "):
        if low.startswith(pre) and len(low) > len(pre) + 2:
            rest = low[len(pre):].lstrip(" '")
            return pre.rstrip("'. ") + " " + rest
    if len(low) >= 7:
        k = rng.randint(3, len(low) - 3)
        return low[:k] + " " + low[k:]
    return low


def nm(p, form="full", low=False):
    F, L, M = p.first, p.last, p.middle
    if form == "full":
        s = F + " " + L
    elif form == "fml":
        s = (F + " " + M[0] + ". " + L) if M else F + " " + L
    elif form == "fmidl":
        s = (F + " " + M + " " + L) if M else F + " " + L
    elif form == "lf":
        s = L + ", " + F
    elif form == "lfm":
        s = (L + ", " + F + ((" " + M[0]) if M else "")).upper()
    elif form == "lf_m":
        s = L.upper() + ", " + F.upper() + ((" " + M[0].upper() + ".") if M else "")
    elif form == "first":
        s = F
    elif form == "last":
        s = L
    elif form == "init":
        s = _initial(F) + (_initial(M) if M and maybe(0.3) else "") + _initial(L)
    elif form == "initdot":
        s = _initial(F) + "." + _initial(L) + "."
    elif form == "fi":
        s = F[0] + ". " + L
    elif form == "fil":
        s = F[0] + L.replace(" ", "").replace("'", "")
    elif form == "runon":
        s = re.sub(r"[\s'\-.]", "", F + L).lower()
    elif form == "split":
        s = F.lower() + " " + sr_split(L)
    elif form == "spelled":
        s = " ".join(c for c in L.lower() if c.isalpha())
    else:
        raise ValueError(form)
    if low:
        s = s.lower()
    return [(s, "NAME")]


def title_name(p, low=False, role=None):
    """a doctor reference; title outside the span"""
    form = ch(["last", "last", "full", "fi", "fml"])
    r = rng.random()
    if low:
        t = ch(["dr ", "dr. ", "doctor "])
        return [(t, None)] + nm(p, ch(["last", "last", "full"]), low=True)
    if r < 0.12:
        return [("Dr.", None)] + nm(p, "last")
    if r < 0.7:
        return [(ch(["Dr. ", "Dr ", "Dr. "]), None)] + nm(p, form)
    return nm(p, ch(["full", "fml"])) + [(ch([", MD", " MD", ", M.D.", ", DO"]), None)]


def staff_ref(p, role, low=False, sig=False):
    """nurse / PA / SW etc; role word outside span"""
    pat = ch(["{r} {n}", "{n}, {r}", "{n} {r}", "{n}, {r}"] if sig else ["{r} {n}", "per {r} {n}", "{n}, {r}", "{n} {r}", "{r} {n}"])
    nmform = ch(["last", "last", "full", "first"]) if "{r} {n}" in pat else ch(["full", "full", "fi", "first"])
    out = []
    pre, _, post = pat.partition("{n}")
    pre = pre.replace("{r}", role)
    post = post.replace("{r}", role)
    if low:
        pre, post = pre.lower(), post.lower()
    if pre:
        out.append((pre, None))
    out += nm(p, nmform, low=low)
    if post:
        out.append((post, None))
    return out


# ---- dates ----
def date_rand(y0=2009, y1=2024):
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 28).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def shift(d, lo, hi):
    return d + datetime.timedelta(days=rng.randint(lo, hi))


def fmt_date(d, style=None):
    st = style or ch(["mdy", "mdy", "mdy_nz", "mdy2", "mdy_dash2", "iso", "dmy_dot", "long",
                      "long", "dmy_abbr", "dmy_dash", "abbr_th", "wk_long", "compact",
                      "mdy_dash", "abbr_long"])
    M, D, Y = d.month, d.day, d.year
    if st == "mdy":
        return "%02d/%02d/%04d" % (M, D, Y)
    if st == "mdy_nz":
        return "%d/%d/%04d" % (M, D, Y)
    if st == "mdy2":
        return "%d/%d/%02d" % (M, D, Y % 100)
    if st == "mdy_dash2":
        return "%d-%d-%02d" % (M, D, Y % 100)
    if st == "mdy_dash":
        return "%02d-%02d-%04d" % (M, D, Y)
    if st == "iso":
        return "%04d-%02d-%02d" % (Y, M, D)
    if st == "dmy_dot":
        return "%02d.%02d.%04d" % (D, M, Y)
    if st == "long":
        return "%s %d, %d" % (MONTHS[M - 1], D, Y)
    if st == "abbr_long":
        return "%s %d, %d" % (MON[M - 1] + ch(["", "."]), D, Y)
    if st == "dmy_abbr":
        return "%d %s %d" % (D, MON[M - 1], Y)
    if st == "dmy_dash":
        return "%02d-%s-%04d" % (D, MON[M - 1].upper(), Y)
    if st == "abbr_th":
        return "%s %s" % (MON[M - 1], ordsfx(D))
    if st == "wk_long":
        return ("%s, %s %d, %d" % (WEEKDAYS[d.weekday()], MONTHS[M - 1], D, Y)).upper()
    if st == "compact":
        return "%04d%02d%02d" % (Y, M, D)
    if st == "md":
        return "%d/%d" % (M, D)
    if st == "my":
        return "%d/%02d" % (M, Y % 100)
    if st == "month_year":
        return "%s %d" % (MONTHS[M - 1], Y)
    if st == "mon_yy":
        return "%s-%02d" % (MON[M - 1], Y % 100)
    if st == "year":
        return "%d" % Y
    if st == "yy":
        return "'%02d" % (Y % 100)
    raise ValueError(st)


def dt(d, style=None):
    return [(fmt_date(d, style), "DATE")]


def spoken_date(d, style=None):
    st = style or ch(["mon_ord_year", "ord_of_mon_year", "mon_num_year", "num_spoken",
                      "mon_ord", "mon_digits_year", "mon_th", "mon_ord_year"])
    M, D, Y = d.month, d.day, d.year
    mon = MONTHS[M - 1].lower()
    if st == "mon_ord_year":
        return "%s %s %s" % (mon, ordw(D), year_words(Y))
    if st == "ord_of_mon_year":
        return "%s of %s %s" % (ordw(D), mon, year_words(Y))
    if st == "mon_num_year":
        return "%s %s %s" % (mon, nw(D), year_words(Y))
    if st == "num_spoken":
        return "%s %s %s" % (nw(M), nw(D), nw(Y % 100) if Y % 100 >= 10 else "oh " + ONES[Y % 100])
    if st == "mon_ord":
        return "%s %s" % (mon, ordw(D))
    if st == "mon_digits_year":
        return "%s %d %d" % (mon, D, Y)
    if st == "mon_th":
        return "%s %s" % (mon, ordsfx(D))
    if st == "digits_spaced":
        return "%d %d %d" % (M, D, Y)
    raise ValueError(st)


def sdt(d, style=None):
    s = spoken_date(d, style)
    if s.startswith(tuple(ORD_ONES + ["twenty", "thirty"])):
        return [("the ", None), (s, "DATE")]
    return [(s, "DATE")]


def dob_for(age, ref):
    y = ref.year - age
    try:
        d = datetime.date(y, rng.randint(1, 12), rng.randint(1, 28))
    except ValueError:
        d = datetime.date(y, 1, 15)
    if (d.month, d.day) > (ref.month, ref.day):
        d = datetime.date(y - 1, d.month, d.day)
    return d


def day_ref(d, spoken=False):
    """'the 14th', 'Tuesday the 12th' -- weekday outside the span"""
    out = []
    if maybe(0.4):
        out.append((ch(["last ", "on ", "this past ", ""]) + WEEKDAYS[d.weekday()].lower()
                    + " the ", None))
    else:
        out.append(("the ", None))
    out.append((ordw(d.day) if spoken else ordsfx(d.day), "DATE"))
    return out


HOLIDAYS = ["Christmas", "Thanksgiving", "Easter", "New Year's Day", "the Fourth of July",
            "Memorial Day", "Labor Day", "Christmas Eve", "Halloween", "Mother's Day"]


def holiday_year(y, spoken=False):
    h = ch(HOLIDAYS)
    pre = ""
    if h.startswith("the "):
        pre, h = "the ", h[4:]
    yy = year_words(y) if spoken else str(y)
    return [(pre, None), (h + " " + yy, "DATE")]


# ---- times ----
def fmt_time(h=None, m=None, style=None):
    if h is None:
        h = rng.randint(7, 18) if maybe(0.8) else rng.randint(0, 23)
    if m is None:
        m = ch([0, 5, 10, 15, 20, 30, 40, 45, rng.randint(0, 59)])
    st = style or ch(["24", "24", "ampm", "ampm_l", "mil", "milh", "ampm_dot", "24s"])
    h12 = h % 12 or 12
    ap = "AM" if h < 12 else "PM"
    if h == 12 and m == 0 and maybe(0.3):
        return "noon"
    if st == "24":
        return "%02d:%02d" % (h, m)
    if st == "24s":
        return "%d:%02d" % (h, m)
    if st == "ampm":
        return "%d:%02d %s" % (h12, m, ap)
    if st == "ampm_l":
        return "%d:%02d%s" % (h12, m, ap.lower())
    if st == "ampm_dot":
        return "%d:%02d %s" % (h12, m, "a.m." if h < 12 else "p.m.")
    if st == "mil":
        return "%02d%02d" % (h, m)
    if st == "milh":
        return "%02d%02dh" % (h, m)
    if st == "spoken":
        mm = "" if m == 0 else (" oh " + ONES[m] if m < 10 else " " + nw(m))
        return nw(h12) + mm + ch([" a.m." if h < 12 else " p.m.", " am" if h < 12 else " pm",
                                  " in the morning" if h < 12 else " in the afternoon", ""])
    raise ValueError(st)


def tm(h=None, m=None, style=None):
    s = fmt_time(h, m, style)
    if s.endswith(" in the morning") or s.endswith(" in the afternoon"):
        a, b = s.split(" in the ")
        return [(a, "TIME"), (" in the " + b, None)]
    return [(s, "TIME")]


# ---- phones ----
def phone_digits():
    return ch(AREA_CODES), ch(["555", str(rng.randint(201, 989))]), "%04d" % rng.randint(0, 9999)


def phone(style=None):
    a, e, l = phone_digits()
    st = style or ch(["paren", "dash", "dot", "local", "space", "plain", "paren", "dash",
                      "plus1"])
    if st == "paren":
        s = "(%s) %s-%s" % (a, e, l)
    elif st == "dash":
        s = "%s-%s-%s" % (a, e, l)
    elif st == "dot":
        s = "%s.%s.%s" % (a, e, l)
    elif st == "local":
        s = "%s-%s" % (e, l)
    elif st == "space":
        s = "%s %s %s" % (a, e, l)
    elif st == "plain":
        s = a + e + l
    elif st == "plus1":
        s = "+1 %s-%s-%s" % (a, e, l)
    elif st == "words":
        groups = [digit_words(a, "zero"), digit_words(e, "oh"), digit_words(l, ch(["oh", "zero"]))]
        s = ch([", ", " ", " ... "]).join(groups)
    elif st == "digits_spaced":
        s = " ".join(a + e + l)
    elif st.startswith("intl"):
        c = st[5:] or ch(list(INTL_FMT))
        s = INTL_FMT[c] % (rng.randint(100, 999), rng.randint(0, 9999))
    else:
        raise ValueError(st)
    return [(s, "PHONE")]


INTL_FMT = {"Portugal": "+351 21 %03d %04d", "Scotland": "+44 141 %03d %04d", "Nigeria": "+234 803 %03d %04d",
            "Ghana": "+233 24 %03d %04d", "Italy": "+39 06 %03d %04d", "Mexico": "011 52 33 %03d %04d",
            "Dominican Republic": "+1 809 %03d %04d", "Ireland": "+353 1 %03d %04d", "India": "+91 98 %03d %04d",
            "Greece": "+30 210 %03d %04d", "Poland": "+48 22 %03d %04d", "Cape Verde": "+238 9 %03d %04d"}


def pager():
    r = rng.random()
    n = str(rng.randint(10000, 99999))
    if r < 0.2:
        return [("pg ", None), (n, "PHONE")]
    if r < 0.4:
        return [("pager #", None), (n[:4], "PHONE")]
    if r < 0.55:
        return [("beeper ", None), ("%d-%04d" % (rng.randint(1, 9), rng.randint(0, 9999)), "PHONE")]
    if r < 0.75:
        return [("x" + "%d-%04d" % (rng.randint(1, 9), rng.randint(0, 9999)), "PHONE")]
    if r < 0.9:
        return [("ext. ", None), (n, "PHONE")]
    return [("p", None), (n, "PHONE")]


# ---- ids ----
def id_str(kind=None):
    k = kind or ch(["mrn", "mrn", "acc", "csn", "ssn", "member", "rx"])
    if k == "mrn":
        return ch(["%07d" % rng.randint(0, 9999999), "%08d" % rng.randint(0, 99999999),
                   "00%08d" % rng.randint(0, 99999999), "%s%07d" % (ch("ABEMX"), rng.randint(0, 9999999)),
                   "%03d-%02d-%02d" % (rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 99))])
    if k == "acc":
        return ch(["RAD%02d-%06d" % (rng.randint(9, 24), rng.randint(0, 999999)),
                   "A%08d" % rng.randint(0, 99999999), "CT%09d" % rng.randint(0, 999999999),
                   "%s-%02d-%06d" % (ch(["XR", "CT", "MR", "US"]), rng.randint(9, 24), rng.randint(0, 999999))])
    if k == "csn":
        return "%010d" % rng.randint(1000000000, 9999999999)
    if k == "ssn":
        return "%03d-%02d-%04d" % (rng.randint(100, 899), rng.randint(10, 99), rng.randint(1000, 9999))
    if k == "ssn4":
        return "%04d" % rng.randint(0, 9999)
    if k == "member":
        return ch(["%s%09d" % ("".join(ch("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)), rng.randint(0, 999999999)),
                   "W%09d" % rng.randint(0, 999999999),
                   "%d%s%d-%s%d-%s%d" % (rng.randint(1, 9), "".join(ch("ACDEFGHJKMNPQRTUVWXY") for _ in range(2)),
                                         rng.randint(0, 9), "".join(ch("ACDEFGHJKMNPQRTUVWXY") for _ in range(2)),
                                         rng.randint(0, 9), "".join(ch("ACDEFGHJKMNPQRTUVWXY") for _ in range(2)),
                                         rng.randint(10, 99))])
    if k == "rx":
        return "%07d" % rng.randint(0, 9999999)
    if k == "npi":
        return "1%09d" % rng.randint(0, 999999999)
    if k == "dea":
        return "%s%s%07d" % (ch("ABFM"), ch("ABCDGHKLMPRSTW"), rng.randint(0, 9999999))
    if k == "serial":
        return ch(["%04d-%s-%04d" % (rng.randint(0, 9999), "".join(ch("ABCDEFGHJK") for _ in range(2)), rng.randint(0, 9999)),
                   "PJN%06d" % rng.randint(0, 999999), "%s%07dS" % (ch(["RLA", "BWT", "NNX"]), rng.randint(0, 9999999))])
    if k == "job":
        return ch(["%07d" % rng.randint(0, 9999999), "%06d" % rng.randint(0, 999999)])
    if k == "conf":
        return ch(["TR-%05d" % rng.randint(0, 99999), "%08d" % rng.randint(0, 99999999),
                   "%s%06d" % (ch(["MT", "AMB", "W"]), rng.randint(0, 999999))])
    if k == "interp":
        return ch(["%05d" % rng.randint(0, 99999), "%06d" % rng.randint(0, 999999)])
    if k == "auth":
        return ch(["AUTH%08d" % rng.randint(0, 99999999), "%s%07d" % (ch("PRX"), rng.randint(0, 9999999))])
    if k == "case":
        return "%d-%06d" % (rng.randint(19, 24), rng.randint(0, 999999))
    raise ValueError(k)


def ident(kind=None):
    return [(id_str(kind), "ID")]


def spoken_id(kind="mrn"):
    s = re.sub(r"\D", "", id_str(kind)) or "%07d" % rng.randint(0, 9999999)
    st = ch(["words", "words", "groups", "spaced"])
    if st == "words":
        return [(digit_words(s), "ID")]
    if st == "groups":
        ws = digit_words(s).split()
        k = len(ws) // 2
        return [(" ".join(ws[:k]) + ch([", ", " ... ", " "]) + " ".join(ws[k:]), "ID")]
    return [(" ".join(s), "ID")]


# ---- ages ----
def pick_age(p90=0.35, lo=19):
    if maybe(p90):
        return wpick([(90, 5), (91, 5), (92, 5), (93, 4), (94, 4), (95, 3), (96, 3), (97, 2),
                      (98, 2), (99, 1), (100, 1), (101, 1), (102, 1), (104, 0.5)])
    return rng.randint(lo, 89)


def a_an(pieces):
    s = pieces[0][0].lower() if pieces else ""
    return "an" if (s.startswith("8") or s.startswith("e") or s[:2] in ("11", "18") and not s[2:3].isdigit()) else "a"


def age_num(age, words=False, hy=False):
    lab = "AGE" if age >= 90 else None
    s = nw(age, hy) if words else str(age)
    return (s, lab)


def age_phrase(age, sex="F", spoken=False, low=False, ctx="adj"):
    """returns pieces, e.g. [('93','AGE'),('yo',None)].
    ctx: adj ('a $a woman'), pred ('she is $a'), tag ('93F', 'age 93')"""
    if ctx == "adj":
        if spoken:
            return [age_num(age, True), (ch([" year old", " year old", " year-old"]), None)]
        if maybe(0.6):
            return [age_num(age), (ch([" year old", "-year-old", " y.o.", " yo", "yo", " y/o", " yr old"]), None)]
        return [age_num(age, True, hy=maybe(0.5)), (ch([" year old", "-year-old"]), None)]
    if ctx == "pred":
        if maybe(0.5):
            return [age_num(age, spoken or maybe(0.3), hy=maybe(0.4))]
        return [age_num(age, spoken or maybe(0.3), hy=maybe(0.4)), (ch([" years old", " yrs old", " years of age", " now"]), None)]
    if spoken:
        a = age_num(age, True, hy=False)
        return [a, (ch([" year old", " year old", " years old", " year-old"]), None)]
    r = rng.random()
    sx = sex if not low else sex.lower()
    if r < 0.25:
        return [age_num(age), (ch([" year old", "-year-old", " y.o.", " years old"]), None)]
    if r < 0.45:
        return [age_num(age), (ch([" yo", "yo", " y/o", " yr old", " YO"]), None)]
    if r < 0.55:
        return [age_num(age), (sx, None)]
    if r < 0.75:
        return [age_num(age, True, hy=maybe(0.5)), (ch([" year old", "-year-old", " years old"]), None)]
    if r < 0.9:
        return [(ch(["age ", "aged ", "Age: "]), None), age_num(age)]
    return [age_num(age, True, hy=maybe(0.5)), (ch([" years", " yrs"]), None)]


# ---- locations ----
def street():
    return "%d %s %s" % (rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999)]),
                         ch(STREET_NAMES), ch(STREET_TYPES))


def unit():
    return ch(["Apt %d" % rng.randint(1, 40), "Apt %d%s" % (rng.randint(1, 9), ch("ABCD")),
               "Unit %d" % rng.randint(1, 300), "#%d" % rng.randint(1, 60), "Apt. %d" % rng.randint(100, 999),
               "%s floor" % ch(["2nd", "3rd", "1st"])])


def town():
    return ch(US_TOWNS)


ZIP_PREFIX = {"MA": "01 02", "RI": "028 029", "NH": "03", "ME": "04", "VT": "05", "CT": "06",
              "NJ": "07 08", "NY": "10 11 12 13 14", "PA": "15 16 17 18 19"}


def zipc(state=None):
    pre = ch(ZIP_PREFIX.get(state, "2 3 4 5 6 7 8 9").split())
    return pre + "".join(str(rng.randint(0, 9)) for _ in range(5 - len(pre)))


def address(oneline=True, with_unit=None, low=False):
    t, stt = town()
    out = [(street(), "LOCATION")]
    if with_unit or (with_unit is None and maybe(0.3)):
        u = unit()
        if u.endswith("floor"):
            out += [(", ", None), (u.split()[0], "LOCATION"), (" floor", None)]
        else:
            out += [(ch([", ", " "]), None), (u, "LOCATION")]
    out += [(", " if oneline else "\n", None), (t, "LOCATION"), (ch([", ", " "]), None),
            (stt, "LOCATION")]
    if maybe(0.7):
        out += [(ch([" ", "  "]), None), (zipc(stt), "LOCATION")]
    if low:
        out = [(s.lower(), l) for s, l in out]
    return out


def ward():
    return ch(["%s %d" % (ch(["Ellison", "Bigelow", "Whitcomb", "Pemberton", "Blake", "Gray",
                              "Lunder", "Wang", "Baker", "Phillips", "Farnsworth", "Cabot",
                              "Shapiro", "Yawkey", "Tower", "Founders"]), rng.randint(2, 19)),
               "%s House" % ch(["Phillips", "Bulfinch", "Emerson", "Thayer", "Hollis"]),
               "%s %d%s" % (ch(["Reisman", "Kessler", "Feldberg", "Deaconess"]), rng.randint(2, 12), ch(["", " East", " West"]))])


def facility(kind=None):
    k = kind or ch(["place_type", "place_type", "res", "saint", "memorial", "plain", "town_type"])
    if k == "place_type":
        return "%s %s" % (ch(PLACE_WORDS), ch(FAC_TYPES))
    if k == "town_type":
        return "%s %s" % (town()[0], ch(FAC_TYPES))
    if k == "town_hosp":
        return "%s %s" % (ch([town()[0], ch(PLACE_WORDS)]), ch(["Hospital", "Medical Center", "General Hospital",
                                                                "Community Hospital", "Regional Medical Center"]))
    if k == "res":
        return ch(["%s %s %s" % (ch(RES_ADJ), ch(RES_NOUN), ch(RES_TYPE)),
                   "The %s at %s" % (ch(["Willows", "Birches", "Pines", "Elms", "Gables"]), town()[0]),
                   "%s %s Nursing Home" % (ch(RES_ADJ), ch(RES_NOUN)),
                   "%s %s Rehab" % (ch(RES_ADJ), ch(RES_NOUN))])
    if k == "saint":
        return ch(["St. %s's Hospital" % ch(SAINTS), "Saint %s Medical Center" % ch(SAINTS),
                   "St. %s's" % ch(SAINTS), "Our Lady of %s Hospital" % ch(["Lourdes", "Fatima", "Mercy", "Grace"]),
                   "St. %s Nursing and Rehab" % ch(SAINTS)])
    if k == "memorial":
        return "%s Memorial Hospital" % ch(SURNAMES + WORD_SURNAMES)
    if k == "plain":
        return ch(PLACE_WORDS)
    if k == "snf":
        return ch(["%s %s %s" % (ch(RES_ADJ), ch(RES_NOUN), ch(RES_TYPE)),
                   "%s %s" % (ch(PLACE_WORDS), ch(["Nursing Home", "Rehab", "Care Center", "Health and Rehab",
                                                    "Skilled Nursing Facility", "Rehabilitation Center",
                                                    "Senior Living", "Assisted Living"])),
                   "St. %s Nursing and Rehab" % ch(SAINTS), "%s Hospice" % town()[0],
                   "The %s at %s" % (ch(["Willows", "Birches", "Pines", "Elms", "Gables"]), town()[0])])
    if k == "practice":
        return ch(["%s %s" % (ch(PLACE_WORDS), ch(["Primary Care Associates", "Cardiology Associates",
                                                    "Family Health", "Medical Associates", "Internal Medicine",
                                                    "Pulmonary Associates", "Family Practice", "Health Center"])),
                   "%s Family Medicine" % town()[0], "%s & %s Internal Medicine" % (ch(SURNAMES), ch(SURNAMES))])
    if k == "imaging":
        return ch(["%s Imaging" % ch(PLACE_WORDS), "%s Radiology Associates" % town()[0], ch(PLACE_WORDS),
                   "%s Open MRI" % ch(PLACE_WORDS)])
    raise ValueError(k)


def hosp(kind=None):
    return [(facility(kind), "HOSPITAL")]


def employer():
    return ch(["%s %s" % (ch(SURNAMES + WORD_SURNAMES), ch(INDUSTRY)),
               "%s %s" % (ch(PLACE_WORDS), ch(INDUSTRY)),
               "%s & Sons %s" % (ch(SURNAMES), ch(["Roofing", "Plumbing", "Masonry", "Moving"])),
               "%s %s" % (town()[0], ch(["Public Schools", "Fire Department", "Housing Authority",
                                        "Water Department", "Savings Bank", "Public Library"]))])


def school():
    return "%s %s" % (ch(PLACE_WORDS + [t for t, _ in US_TOWNS[:60]] + SURNAMES[:60]), ch(SCHOOL_TYPES))


def church():
    return ch(["St. %s Church" % ch(SAINTS), "St. %s's Parish" % ch(SAINTS),
               "First Baptist Church of %s" % town()[0], "%s Congregational Church" % ch(PLACE_WORDS),
               "Temple Beth %s" % ch(["Shalom", "El", "Israel", "Am"]),
               "Masjid al-%s" % ch(["Noor", "Huda", "Rahma", "Taqwa"]),
               "Holy Trinity Greek Orthodox Church", "Iglesia %s" % ch(["Pentecostal Monte Sion", "Bautista La Roca", "Cristo Rey"]),
               "Grace Chapel", "%s Kingdom Hall" % town()[0], "St. %s Ukrainian Catholic Church" % ch(SAINTS),
               "Bethel AME Church", "Our Lady of Good Voyage"])


def pharmacy():
    return ch(["%s Pharmacy" % ch(SURNAMES + WORD_SURNAMES), "%s's Drug" % ch(SURNAMES),
               "%s Apothecary" % town()[0], "%s Family Pharmacy" % ch(PLACE_WORDS),
               "%s Community Pharmacy" % town()[0], "%s Drug Store" % ch(STREET_NAMES),
               "%s Street Pharmacy" % ch(STREET_NAMES), "%s Square Pharmacy" % ch(SURNAMES)])


def transport_co():
    return ch(["%s Ambulance" % ch(PLACE_WORDS), "%s Medical Transport" % ch(PLACE_WORDS + SURNAMES),
               "%s Chair Car" % town()[0], "%s EMS" % town()[0], "%s Medi-Van" % ch(RES_ADJ)])


def org(kind):
    f = {"employer": employer, "school": school, "church": church, "pharmacy": pharmacy,
         "transport": transport_co,
         "vna": lambda: "%s %s" % (ch(PLACE_WORDS), ch(["VNA", "Home Health", "Visiting Nurses", "Home Care"])),
         "interp": lambda: "%s %s" % (ch(PLACE_WORDS + ["Lingua", "Polyglot", "Bridge"]), ch(["Interpreting Services", "Language Access", "Interpreters"]))}[kind]
    return [(f(), "ORGANIZATION")]


# ---- contact ----
def email(p=None):
    p = p or Person()
    f = re.sub(r"[^a-z]", "", p.first.lower()) or "pat"
    l = re.sub(r"[^a-z]", "", p.last.lower()) or "x"
    user = ch([f + "." + l, f[0] + l, f + l + str(rng.randint(1, 99)), f + "_" + l[:4],
               l + f[0] + str(rng.randint(40, 99)), f + str(rng.randint(1940, 2005)),
               ch(["grandma", "nana", "papa", "bigdaddy", "sunshine", "gardenlady", "fishin",
                   "cubsfan", "rosebud", "jesuslovesme"]) + "_" + f])
    return [(user + "@" + ch(EMAIL_DOMAINS), "CONTACT")]


def username(p=None):
    p = p or Person()
    f = re.sub(r"[^a-z]", "", p.first.lower()) or "pat"
    l = re.sub(r"[^a-z]", "", p.last.lower()) or "x"
    return [(ch([f[0] + l + str(rng.randint(1, 99)), f + "." + l, f + "_" + l[:3] + str(rng.randint(10, 99)),
                 l + f[:2], f + str(rng.randint(1930, 2001))]), "CONTACT")]


def ipaddr():
    return [("%d.%d.%d.%d" % (ch([10, 172, 192, 73, 24, 98, 68]), rng.randint(0, 255), rng.randint(0, 255),
                              rng.randint(1, 254)), "CONTACT")]


def url(p=None):
    p = p or Person()
    l = re.sub(r"[^a-z]", "", p.last.lower()) or "x"
    return [(ch(["www.caringbridge.org/visit/%s%s" % (p.first.lower()[:5], l),
                 "https://gofund.me/%08x" % rng.randint(0, 0xffffffff),
                 "facebook.com/%s.%s.%d" % (p.first.lower()[:6], l, rng.randint(1, 999)),
                 "https://photos.app.goo.gl/%s" % "".join(ch("abcdefghijkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(10))]),
             "CONTACT")]


# ---------------------------------------------------------------------------
# clinical content (markup: {D:drug} {M:measure} {F:fraction} {S:setting}
# {V:vital/lab} {E:eponym} {X:device})
# ---------------------------------------------------------------------------
DRUGS = [  # generic, brand, doses, sig choices
    ("apixaban", "Eliquis", ["2.5 mg", "5 mg"], ["BID", "twice daily"]),
    ("warfarin", "Coumadin", ["2 mg", "5 mg", "7.5 mg", "3 mg"], ["daily", "qPM", "as directed"]),
    ("furosemide", "Lasix", ["20 mg", "40 mg", "80 mg"], ["daily", "BID", "every morning"]),
    ("metoprolol succinate", "Toprol XL", ["25 mg", "50 mg", "100 mg"], ["daily"]),
    ("metoprolol tartrate", "Lopressor", ["12.5 mg", "25 mg"], ["BID"]),
    ("lisinopril", "Zestril", ["5 mg", "10 mg", "20 mg", "40 mg"], ["daily"]),
    ("atorvastatin", "Lipitor", ["20 mg", "40 mg", "80 mg"], ["at bedtime", "daily"]),
    ("metformin", "Glucophage", ["500 mg", "850 mg", "1000 mg"], ["BID", "with meals"]),
    ("insulin glargine", "Lantus", ["10 units", "18 units", "24 units", "32 units"], ["at bedtime", "qHS"]),
    ("insulin lispro", "Humalog", ["4 units", "6 units"], ["with meals", "per sliding scale"]),
    ("levothyroxine", "Synthroid", ["50 mcg", "75 mcg", "88 mcg", "112 mcg"], ["daily before breakfast"]),
    ("amlodipine", "Norvasc", ["2.5 mg", "5 mg", "10 mg"], ["daily"]),
    ("omeprazole", "Prilosec", ["20 mg", "40 mg"], ["daily"]),
    ("pantoprazole", "Protonix", ["40 mg"], ["daily", "BID"]),
    ("carbidopa-levodopa", "Sinemet", ["25-100 mg"], ["TID", "4 times daily"]),
    ("donepezil", "Aricept", ["5 mg", "10 mg"], ["at bedtime"]),
    ("sertraline", "Zoloft", ["25 mg", "50 mg", "100 mg"], ["daily"]),
    ("gabapentin", "Neurontin", ["100 mg", "300 mg", "600 mg"], ["TID", "at bedtime"]),
    ("tamsulosin", "Flomax", ["0.4 mg"], ["daily", "at bedtime"]),
    ("albuterol", "ProAir", ["90 mcg"], ["2 puffs q4h PRN"]),
    ("tiotropium", "Spiriva", ["18 mcg"], ["inhaled daily"]),
    ("prednisone", "Deltasone", ["5 mg", "10 mg", "40 mg"], ["daily", "daily x 5 days"]),
    ("clopidogrel", "Plavix", ["75 mg"], ["daily"]),
    ("aspirin", "Ecotrin", ["81 mg", "325 mg"], ["daily"]),
    ("methimazole", "Tapazole", ["5 mg", "10 mg"], ["daily"]),
    ("spironolactone", "Aldactone", ["12.5 mg", "25 mg"], ["daily"]),
    ("hydrochlorothiazide", "Microzide", ["12.5 mg", "25 mg"], ["daily"]),
    ("oxycodone", "Roxicodone", ["5 mg"], ["q6h PRN pain", "q4h PRN"]),
    ("acetaminophen", "Tylenol", ["500 mg", "650 mg", "1000 mg"], ["q6h PRN", "TID"]),
    ("potassium chloride", "Klor-Con", ["10 mEq", "20 mEq"], ["daily", "BID"]),
    ("memantine", "Namenda", ["5 mg", "10 mg"], ["BID"]),
    ("rivaroxaban", "Xarelto", ["15 mg", "20 mg"], ["daily with supper"]),
    ("sacubitril-valsartan", "Entresto", ["24-26 mg", "49-51 mg"], ["BID"]),
    ("empagliflozin", "Jardiance", ["10 mg", "25 mg"], ["daily"]),
    ("nitrofurantoin", "Macrobid", ["100 mg"], ["BID x 5 days"]),
    ("ciprofloxacin", "Cipro", ["250 mg", "500 mg"], ["BID"]),
    ("amoxicillin", "Amoxil", ["500 mg", "875 mg"], ["TID", "BID"]),
    ("cephalexin", "Keflex", ["500 mg"], ["QID", "q6h"]),
    ("senna", "Senokot", ["8.6 mg"], ["2 tabs at bedtime"]),
    ("docusate", "Colace", ["100 mg"], ["BID"]),
    ("quetiapine", "Seroquel", ["12.5 mg", "25 mg"], ["at bedtime"]),
    ("alendronate", "Fosamax", ["70 mg"], ["weekly on Sundays", "once weekly"]),
    ("allopurinol", "Zyloprim", ["100 mg", "300 mg"], ["daily"]),
    ("digoxin", "Lanoxin", ["0.125 mg", "0.0625 mg"], ["daily"]),
    ("diltiazem", "Cardizem CD", ["120 mg", "180 mg"], ["daily"]),
    ("isosorbide mononitrate", "Imdur", ["30 mg", "60 mg"], ["daily"]),
    ("mirtazapine", "Remeron", ["7.5 mg", "15 mg"], ["at bedtime"]),
    ("trazodone", "Desyrel", ["25 mg", "50 mg"], ["at bedtime PRN"]),
    ("lorazepam", "Ativan", ["0.5 mg"], ["q8h PRN anxiety"]),
    ("ondansetron", "Zofran", ["4 mg"], ["q8h PRN nausea"]),
    ("enoxaparin", "Lovenox", ["40 mg", "1 mg/kg"], ["subcut daily", "subcut q12h"]),
    ("ferrous sulfate", "Feosol", ["325 mg"], ["daily", "every other day"]),
    ("cyanocobalamin", "vitamin B12", ["1000 mcg"], ["daily"]),
    ("fluticasone", "Flonase", ["50 mcg"], ["1 spray each nostril daily"]),
    ("montelukast", "Singulair", ["10 mg"], ["at bedtime"]),
    ("semaglutide", "Ozempic", ["0.25 mg", "0.5 mg", "1 mg"], ["weekly"]),
    ("dapagliflozin", "Farxiga", ["10 mg"], ["daily"]),
    ("latanoprost", "Xalatan", ["0.005%"], ["1 drop both eyes at bedtime"]),
    ("tramadol", "Ultram", ["50 mg"], ["q6h PRN"]),
    ("hydralazine", "Apresoline", ["25 mg", "50 mg"], ["TID"]),
    ("losartan", "Cozaar", ["25 mg", "50 mg", "100 mg"], ["daily"]),
    ("carvedilol", "Coreg", ["3.125 mg", "6.25 mg", "12.5 mg"], ["BID"]),
    ("torsemide", "Demadex", ["10 mg", "20 mg"], ["daily"]),
    ("budesonide-formoterol", "Symbicort", ["160-4.5 mcg"], ["2 puffs BID"]),
    ("duloxetine", "Cymbalta", ["30 mg", "60 mg"], ["daily"]),
    ("escitalopram", "Lexapro", ["10 mg"], ["daily"]),
    ("hydroxychloroquine", "Plaquenil", ["200 mg"], ["BID"]),
    ("methotrexate", "Trexall", ["15 mg"], ["weekly on Fridays"]),
    ("folic acid", "Folvite", ["1 mg"], ["daily"]),
    ("pravastatin", "Pravachol", ["40 mg"], ["daily"]),
    ("vitamin D3", "cholecalciferol", ["1000 units", "2000 units"], ["daily"]),
    ("calcium carbonate", "Tums", ["500 mg"], ["BID"]),
    ("valacyclovir", "Valtrex", ["500 mg", "1 g"], ["BID", "TID"]),
    ("azithromycin", "Zithromax", ["250 mg", "500 mg"], ["daily x 5 days"]),
    ("doxycycline", "Vibramycin", ["100 mg"], ["BID"]),
]


def drug_pieces(low=False, brand=None, dose=True, sig=True, drug=None):
    g, b, doses, sigs = drug or ch(DRUGS)
    r = rng.random() if brand is None else (0.1 if brand else 0.9)
    out = []
    if r < 0.25:
        out.append((b, "DRUG"))
    elif r < 0.45:
        out += [(g, "DRUG"), (" (", None), (b, "DRUG"), (")", None)]
    else:
        out.append((g, "DRUG"))
    if dose:
        out += [(" ", None), (ch(doses), "MEASUREMENT")]
    if sig:
        s = ch(sigs)
        if rng.random() < 0.4 and not s[0].isdigit() and not any(k in s for k in ("puff", "drop", "spray", "subcut")):
            s = ch(["PO ", "po ", "1 tab ", "take 1 "]) + s
        out.append((" " + s, None))
    if low:
        out = [(s.lower(), l) for s, l in out]
    return out


ALLERGIES = [("penicillin", "hives"), ("sulfa", "rash"), ("codeine", "nausea"),
             ("morphine", "itching"), ("lisinopril", "angioedema"), ("amoxicillin", "rash"),
             ("ciprofloxacin", "tendon pain"), ("vancomycin", "red man syndrome"),
             ("iodinated contrast", "hives"), ("aspirin", "GI bleed"), ("atorvastatin", "myalgias"),
             ("levofloxacin", "confusion"), ("gabapentin", "dizziness")]

# -- radiology dictation content -------------------------------------------
EXAMS = {
    "cxr": dict(name=["portable chest x-ray", "chest x-ray two views", "AP portable chest",
                      "PA and lateral chest"],
                ind=["shortness of breath", "cough and fever", "line placement",
                     "ETT placement", "hypoxia", "CHF exacerbation", "fall with chest wall pain"],
                find=["The {X:endotracheal tube} tip is {M:4.2 cm} above the carina",
                      "{X:NG tube} courses below the diaphragm with tip in the stomach",
                      "Right {X:PICC} terminates in the lower SVC",
                      "Left {X:chest tube} in place with no pneumothorax",
                      "Small bilateral pleural effusions left greater than right",
                      "Mild pulmonary vascular congestion with {E:Kerley B lines}",
                      "The heart is enlarged with a cardiothoracic ratio of {F:0.58}",
                      "Median {X:sternotomy wires} are intact",
                      "{X:Pacemaker leads} project over the right atrium and right ventricle",
                      "Retrocardiac opacity in the LLL likely atelectasis although pneumonia is not excluded",
                      "No focal consolidation and no pneumothorax",
                      "Healed fracture of the left 6th rib",
                      "{E:Swan-Ganz catheter} tip in the right interlobar pulmonary artery, recommend retraction by {M:2 cm}",
                      "{E:Dobhoff} tube tip projects over the duodenum",
                      "Left chest wall {X:AICD} generator with leads intact",
                      "Right {X:Port-a-Cath} tip at the cavoatrial junction",
                      "Nodular opacity in the RUL measuring {M:8 mm}",
                      "Degenerative changes of the thoracic spine with mild T7 compression deformity",
                      "Free air under the right hemidiaphragm is not seen"],
                imp=["No acute cardiopulmonary process", "Lines and tubes in satisfactory position",
                     "Mild CHF with small effusions", "LLL atelectasis versus pneumonia",
                     "Interval removal of the {X:chest tube} without pneumothorax"]),
    "ctchest": dict(name=["CT chest with contrast", "CTA chest PE protocol", "CT chest without contrast"],
                    ind=["pleuritic chest pain", "rule out PE", "lung nodule follow up", "hemoptysis", "weight loss"],
                    find=["Filling defects in the right lower lobe segmental arteries consistent with acute pulmonary embolism",
                          "RV to LV ratio of {F:1.1}",
                          "Spiculated mass in the RUL measuring {M:3.2 x 2.8 cm}",
                          "Apical mass with chest wall invasion compatible with {E:Pancoast tumor}",
                          "Subcarinal lymph node measuring {M:14 mm} in short axis",
                          "Scattered ground glass opacities in both lower lobes",
                          "Moderate centrilobular emphysema",
                          "Oligemia of the right lung base suggestive of {E:Westermark sign}",
                          "Peripheral wedge-shaped opacity consistent with {E:Hampton hump}",
                          "Small pericardial effusion",
                          "Stable {M:6 mm} solid nodule in the left lower lobe",
                          "No pathologically enlarged hilar or mediastinal nodes"],
                    imp=["Acute right lower lobe pulmonary embolism without right heart strain",
                         "RUL mass suspicious for primary bronchogenic carcinoma, tissue sampling recommended",
                         "Stable pulmonary nodule, no further follow up per {E:Fleischner} criteria",
                         "Emphysema, otherwise no acute findings"]),
    "ctap": dict(name=["CT abdomen and pelvis with contrast", "CT A/P without contrast", "CT abdomen pelvis stone protocol"],
                 ind=["right lower quadrant pain", "flank pain and hematuria", "abdominal pain and fever",
                      "weight loss", "fall on anticoagulation"],
                 find=["The appendix is dilated to {M:12 mm} with periappendiceal fat stranding",
                       "{M:4 mm} nonobstructing stone in the lower pole of the left kidney",
                       "{M:6 mm} obstructing stone at the right UVJ with moderate hydronephrosis",
                       "The liver measures {M:18 cm} in craniocaudal dimension",
                       "Small volume free fluid in the pelvis",
                       "{E:Foley} catheter in a decompressed bladder",
                       "Sigmoid diverticulosis without diverticulitis",
                       "Degenerative disc disease at L4-L5 and L5-S1",
                       "Infrarenal abdominal aortic aneurysm measuring {M:4.1 cm}",
                       "Hypodense lesion in the pancreatic head measuring {M:2.3 cm}",
                       "Cholelithiasis without pericholecystic fluid",
                       "{X:IVC filter} in infrarenal position",
                       "Left {X:nephrostomy tube} in good position"],
                 imp=["Acute appendicitis without abscess", "Obstructing right UVJ stone with hydronephrosis",
                      "Pancreatic head mass, recommend MRI and GI referral", "No acute intra-abdominal process"]),
    "cthead": dict(name=["CT head without contrast", "noncontrast head CT"],
                   ind=["fall on anticoagulation", "altered mental status", "headache", "syncope"],
                   find=["No acute intracranial hemorrhage mass effect or midline shift",
                         "Chronic small vessel ischemic changes",
                         "Left holohemispheric subdural hematoma measuring {M:9 mm} in maximal thickness",
                         "Midline shift of {M:4 mm}",
                         "The ventricles are proportionate to the sulci",
                         "Old right cerebellar infarct",
                         "Right frontal {X:ventriculostomy catheter} tip in the frontal horn"],
                   imp=["No acute intracranial abnormality", "Acute left subdural hematoma with {M:4 mm} midline shift",
                        "Chronic microvascular disease"]),
    "mrib": dict(name=["MRI brain with and without gadolinium", "MRI brain without contrast", "MRI brain stroke protocol"],
                 ind=["new onset seizure", "right sided weakness", "dizziness and ataxia", "memory loss", "headache"],
                 find=["Acute infarct in the left MCA territory measuring {M:2.1 cm} on diffusion imaging",
                       "{E:Chiari I malformation} with tonsillar ectopia of {M:7 mm}",
                       "Enhancing extra-axial mass along the falx measuring {M:1.8 cm} consistent with meningioma",
                       "Scattered T2 FLAIR white matter hyperintensities compatible with chronic small vessel disease",
                       "No abnormal enhancement", "Normal flow voids", "Mild generalized volume loss",
                       "Mucosal thickening in the left maxillary sinus",
                       "{X:VP shunt} catheter enters via a right parietal approach with tip in the third ventricle",
                       "Susceptibility artifact from {X:aneurysm clip} limits evaluation of the left MCA"],
                 imp=["Acute left MCA infarct", "Small falcine meningioma, no mass effect",
                      "No acute intracranial process", "Chronic small vessel ischemic disease"]),
    "mril": dict(name=["MRI lumbar spine without contrast", "MRI L-spine"],
                 ind=["low back pain radiating to the left leg", "right leg numbness", "bilateral leg weakness"],
                 find=["Disc extrusion at L4-L5 with severe left lateral recess stenosis",
                       "Mild disc bulge at L3-L4 without stenosis", "Conus terminates normally at L1",
                       "Grade 1 anterolisthesis of L5 on S1", "Facet arthropathy at L4-L5 and L5-S1",
                       "T12 compression fracture with {M:30%} height loss, chronic appearing",
                       "Postsurgical changes of L4-L5 laminectomy", "Synovial cyst at right L4-L5 facet measuring {M:9 mm}"],
                 imp=["L4-L5 disc extrusion with left L5 nerve root impingement",
                      "Multilevel degenerative changes without high grade stenosis",
                      "Chronic T12 compression deformity"]),
    "usruq": dict(name=["ultrasound right upper quadrant", "RUQ ultrasound", "abdominal ultrasound limited"],
                  ind=["RUQ pain", "abnormal LFTs", "nausea after meals"],
                  find=["Gallbladder contains multiple stones with wall thickening to {M:4 mm}",
                        "Positive sonographic {E:Murphy sign}", "Common bile duct measures {M:5 mm}",
                        "Trace pericholecystic fluid", "Liver is echogenic consistent with steatosis",
                        "Main portal vein is patent with hepatopetal flow", "Liver measures {M:17.5 cm}"],
                  imp=["Acute calculous cholecystitis", "Cholelithiasis without sonographic evidence of cholecystitis",
                       "Hepatic steatosis"]),
    "usdvt": dict(name=["left lower extremity venous duplex", "bilateral lower extremity venous doppler"],
                  ind=["left leg swelling", "calf pain after long flight", "rule out DVT"],
                  find=["Occlusive thrombus in the left popliteal and posterior tibial veins",
                        "{E:Baker cyst} measuring {M:3.1 x 1.2 cm}", "Common femoral veins are compressible",
                        "Normal phasic flow with augmentation", "Nonocclusive thrombus in the left peroneal vein"],
                  imp=["Acute left lower extremity DVT", "No DVT", "{E:Baker cyst} without DVT"]),
    "usren": dict(name=["renal ultrasound", "ultrasound kidneys and bladder"],
                  ind=["acute kidney injury", "hematuria", "recurrent UTI"],
                  find=["Right kidney measures {M:10.8 cm} and the left {M:11.2 cm}", "No hydronephrosis",
                        "Mild left hydronephrosis", "Simple cyst in the upper pole of the right kidney measuring {M:2.2 cm}",
                        "Post void residual of {M:240 mL}", "{E:Foley} catheter balloon seen within the bladder"],
                  imp=["No hydronephrosis", "Mild left hydronephrosis", "Elevated post void residual"]),
    "uspel": dict(name=["pelvic ultrasound transabdominal and transvaginal"], sex="F",
                  ind=["pelvic pain", "postmenopausal bleeding", "abnormal uterine bleeding"],
                  find=["Endometrial stripe measures {M:6 mm}", "Simple appearing left ovarian cyst measuring {M:2.4 cm}",
                        "Uterus measures {M:8.1 x 4.2 x 5.0 cm}", "Small fundal fibroid measuring {M:1.9 cm}",
                        "No free fluid", "{X:IUD} in appropriate position within the endometrial cavity"],
                  imp=["Simple ovarian cyst, no follow up needed", "Small fibroid uterus",
                       "Endometrial thickening, recommend tissue sampling"]),
}

DC_COURSE = ["Diuresed with {D:furosemide} {M:40 mg} IV BID with net negative {M:4.2 L}",
             "Weight on discharge {M:78.4 kg} down from {M:82.9 kg} on admission",
             "Started on {D:ceftriaxone} and {D:azithromycin} and transitioned to {D:cefpodoxime} to complete a 7 day course",
             "Blood cultures were negative", "Creatinine peaked at {V:Cr 2.3} and improved to {V:Cr 1.4} with hydration",
             "Underwent {X:PICC} placement for long term antibiotics",
             "Hemoglobin nadir {V:Hgb 7.1}, transfused {M:1 unit} PRBC with appropriate response",
             "EGD showed a clean based gastric ulcer, started {D:pantoprazole} {M:40 mg} BID",
             "Seen by physical therapy who recommended short term rehab",
             "Telemetry showed paroxysmal atrial fibrillation, rate controlled with {D:metoprolol}",
             "{E:Foley} removed on hospital day 3 and voiding without difficulty",
             "Required {M:4 L} nasal cannula at peak, weaned to room air",
             "Delirium managed with reorientation and low dose {D:quetiapine} {M:12.5 mg} at night",
             "Echo showed EF {M:30%} with moderate MR",
             "INR supratherapeutic at {V:INR 4.6} on admission, {D:warfarin} held and resumed at {M:2 mg} daily",
             "Sodium corrected slowly from {V:Na 121} to {V:Na 131} with fluid restriction"]

# -- general clinical phrases ----------------------------------------------
PMH = ["hypertension", "type 2 diabetes", "{E:Parkinson disease}", "{E:Graves disease}",
       "CHF with EF {M:35%}", "COPD on home O2 {M:2 L}", "atrial fibrillation on {D:apixaban}",
       "CKD stage 3", "{E:Alzheimer} dementia", "CAD s/p CABG", "{E:Hashimoto} thyroiditis",
       "prior stroke", "osteoporosis", "BPH", "gout", "{E:Crohn disease}", "{E:Barrett esophagus}",
       "{E:Bell palsy}", "{E:Sjogren syndrome}", "DVT on {D:warfarin}", "macular degeneration",
       "hyperlipidemia", "{E:Hodgkin lymphoma} in remission", "{E:Addison disease}",
       "obstructive sleep apnea on {S:CPAP 10}", "s/p {X:pacemaker} for sick sinus",
       "{E:Paget disease} of bone", "anemia", "depression", "{E:Raynaud phenomenon}"]

VITAL_SETS = ["{V:BP 142/86}, {V:HR 78}, {V:RR 16}, {V:T 98.6}, {V:SpO2 96% on RA}",
              "{V:BP 118/64} {V:HR 102} {V:RR 22} {V:T 38.4} {V:SpO2 91% on 2 L NC}",
              "{V:BP 164/92}, {V:HR 66}, {V:SpO2 98%}",
              "{V:T 99.1} {V:BP 132/70} {V:HR 88-102} {V:RR 18-22}",
              "{V:BP 96/58}, {V:HR 112}, {V:T 101.2}, {V:SpO2 89% on RA}"]
LAB_SETS = ["{V:Na 134}, {V:K 4.8}, {V:Cr 1.4}, {V:BUN 32}",
            "{V:WBC 12.3}, {V:Hgb 10.2}, {V:Plt 188}",
            "{V:INR 2.4}", "{V:A1c 7.9}", "{V:TSH 0.02}", "{V:Trop 0.04}",
            "{V:WBC 4.1} {V:Hgb 8.7} {V:Cr 2.1}", "{V:K 3.1} {V:Mg 1.6}", "{V:BNP 1240}",
            "{V:Lac 2.8}", "{V:glucose 212}"]
EXAM_BITS = ["RRR, {F:2/6} systolic murmur at the LUSB", "lungs CTAB", "{F:5/5} strength throughout",
             "{F:4/5} strength left hip flexion", "trace bilateral LE edema", "{F:2+} pitting edema to the knees",
             "alert and oriented x3, {F:GCS 15}", "PERRLA, EOMI", "abdomen soft, NT/ND",
             "crackles at both bases", "{E:Romberg} negative", "positive {E:Tinel sign} at the right wrist",
             "{E:Mallampati} class III airway", "reflexes {F:2+} and symmetric", "pain {F:6/10}",
             "{E:McMurray} test positive on the left", "{E:Homan sign} negative", "JVP {M:10 cm}"]
PLAN_BITS = ["continue {D:metoprolol} {M:25 mg} twice daily",
             "increase {D:furosemide} to {M:40 mg} daily and check a BMP in one week",
             "start {D:atorvastatin} {M:40 mg} at bedtime",
             "stop {D:ibuprofen} given CKD",
             "refer to physical therapy",
             "hold {D:Eliquis} for 48 hours prior to the procedure",
             "titrate {D:carbidopa-levodopa} to {M:25-100 mg} four times daily",
             "{D:methimazole} {M:10 mg} daily with repeat {V:TSH} and free T4 in six weeks",
             "follow up in three months or sooner as needed",
             "echo to reassess EF",
             "sleep study and {S:CPAP} titration",
             "{X:Holter monitor} for 48 hours",
             "wean O2 to keep {V:SpO2 88-92%}",
             "{D:vancomycin} and {D:cefepime} pending cultures",
             "remove {E:Foley} today and bladder scan q6h",
             "flush {X:PICC} per protocol"]



# -- narrative filler with protected content (no PHI) ----------------------------------
TEL_EXTRA = ["Denies chest pain, palpitations, syncope. ", "Denies fever, chills, N/V/D. ",
             "Reviewed med list: {D:metoprolol} {M:25 mg} BID, {D:aspirin} {M:81 mg} daily, {D:atorvastatin} {M:40 mg} qHS. ",
             "Pt reports {D:albuterol} helps only briefly. ", "Eating and drinking OK, last BM yesterday. ",
             "Reinforced low sodium diet ({M:2 g} Na) and fluid restriction {M:1.5 L}/day. ",
             "Home O2 {M:2 L} NC continuous, sats {V:SpO2 92-94%} at rest per pt. ",
             "Pain {F:5/10}, improved with {D:acetaminophen} {M:650 mg}. ",
             "Has {X:PICC} L arm for home {D:ceftriaxone} {M:2 g} daily; dressing per VNA. ",
             "Fasting sugars running {V:BG 180-240}. ", "Instructed on s/s of bleeding while on {D:warfarin}; avoid {D:NSAIDs}. ",
             "Weight today {M:81.2 kg} on home scale. ", "No falls, no new weakness or numbness. ",
             "{E:Foley} draining clear yellow urine per caller. ", "Reports mild ankle edema, {F:1+} per caller description. ",
             "Advised to bring all pill bottles to next visit. ", "Denies melena or hematuria. ",
             "Uses {X:CPAP} nightly, mask fit ok. ", "HR on home cuff {V:HR 58}. ",
             "Reviewed red flags: worsening SOB, CP, confusion, bleeding. "]
PORTAL_EXTRA = ["I've been taking my {D:metformin} {M:500 mg} twice a day like you said but my sugars are still around {V:190}. ",
                "My legs have been swelling up by the end of the day. ", "I stopped the {D:ibuprofen} because you told me to. ",
                "Is it ok to take {D:Tylenol} with the {D:Eliquis}? ", "I have not had any fever or chest pain. ",
                "Sorry for the long message, I just don't know what to do. ",
                "the {X:CPAP} mask keeps leaking at night and I am not sleeping good. ",
                "My pulse ox says {V:93%} when I walk to the mailbox. ",
                "I weighed myself this morning {M:187 lbs}, that's up {M:4 lbs} from last week. ",
                "I've been using the {D:albuterol} inhaler about 4 times a day. ",
                "The pharmacist said the {D:Jardiance} might not be covered anymore. ",
                "I also have a rash on my arms, not sure if it's from the new pills. ",
                "Should I still take the {D:Lasix} on days when I have to go out? ",
                "My knees are killing me, pain is like {F:8/10} at night. ",
                "I cut the {D:metoprolol} in half because it made me so tired. "]
CM_EXTRA = ["Medically: on {D:IV vancomycin} via {X:PICC}, anticipated 6 weeks total. ",
            "Requires {M:3 L} NC with exertion, baseline RA. ", "Cognition: oriented x2, {E:Alzheimer} dementia at baseline. ",
            "Needs assist x1 for ADLs, ambulating with RW. ", "{E:Foley} to be removed prior to dc, voiding trial pending. ",
            "Pt agreeable to SAR, prefers facility close to family. ", "Anticipate dc in 24-48h if medically stable. ",
            "Barriers: no caregiver overnight, 14 stairs to bedroom. ", "Pt on {D:heparin drip}, bridging to {D:warfarin}, INR goal 2-3. ",
            "Wound care: {X:wound vac} to sacral wound, change 3x/week. ", "Tube feeds via {X:PEG} at {M:60 mL}/hr. ",
            "Last BM today. Tolerating diet. ", "{S:BiPAP 14/6} at night, pt has own machine. "]
TRANSPORT_EXTRA = ["Vitals prior to transport: {V:BP 126/74}, {V:HR 84}, {V:SpO2 95% on 2 L}. ",
                   "Last dose of {D:lorazepam} {M:0.5 mg} given prior to departure for anxiety. ",
                   "Meds sent with pt: {D:apixaban}, {D:carbidopa-levodopa}. ", "Pt NPO after midnight for procedure. ",
                   "Tele not required for transport. ", "{X:PICC} capped and flushed. ", "Belongings bag x2 sent with pt. ",
                   "Code status: DNR/DNI, MOLST sent with pt. ", "Pain {F:4/10} prior to transport, {D:oxycodone} {M:5 mg} given. "]
PHARM_EXTRA = ["Pt uses weekly pill organizer filled by daughter. ", "Adherence fair; misses evening doses ~2x/week. ",
               "Home {D:insulin glargine} pen brought in; will use hospital supply. ",
               "Recommend {D:pantoprazole} be d/c'd at discharge if no indication. ",
               "Duplicate therapy: {D:omeprazole} and {D:famotidine} - clarify with team. ",
               "Renally adjust {D:gabapentin} for {V:CrCl 28}. ", "{D:Warfarin} dosing per pharmacy protocol; baseline {V:INR 1.9}. ",
               "Pt confirms no herbal supplements except {D:fish oil} {M:1000 mg}. ",
               "Vaccines up to date per state registry ({D:Shingrix} x2, {D:Prevnar 20}). "]
FAMILY_EXTRA = ["HE_C keeps forgetting whether HE took the {D:Eliquis} so we got a pill box. ",
                "The swelling in the legs is worse, the {D:Lasix} doesn't seem to be doing much. ",
                "We checked the pressure at home and it was {V:90/52} when standing. ",
                "Appetite is poor, maybe half of each meal, and the {D:Ensure} twice a day. ",
                "The {E:Hoyer} lift they sent is too big for the bathroom. ",
                "The rehab said the {X:PICC} can come out when the {D:vancomycin} is done. ",
                "No fever that we can tell, temp was {V:98.9} last night. ",
                "The new {D:donepezil} {M:10 mg} is giving awful dreams. ",
                "The {X:oxygen concentrator} alarm keeps going off at night, it's set to {M:2 L}. ",
                "We are all exhausted honestly. "]
INTERP_EXTRA = ["Provider explained the procedure, risks of bleeding, infection and pneumothorax - deferred; see consent. ",
                "Pt asked about taking {D:acetaminophen} {M:500 mg} for pain; provider agreed. ",
                "Discussed {D:enoxaparin} injections {M:40 mg} daily x 14 days; return demo successful. ",
                "Pt's questions answered regarding the {E:Foley} and when it will be removed. ",
                "Pt reported pain {F:6/10} in native language; interpreter conveyed verbatim. ",
                "Pt expressed understanding of low salt diet and daily weights. ",
                "Written instructions provided in preferred language. "]


def extras(d, pool, lo, hi):
    for s in rng.sample(pool, rng.randint(lo, hi)):
        d.f(s)


# ---------------------------------------------------------------------------
# speech-recognition punctuation behaviour
# ---------------------------------------------------------------------------
class SR:
    def __init__(self, mode):
        self.mode = mode   # raw | semi | clean

    def end(self, d):
        if self.mode == "raw":
            d.t(wpick([(" period ", 70), (". ", 12), (" ", 12), (" period\n", 6)]))
        elif self.mode == "semi":
            d.t(wpick([(". ", 66), (" period. ", 6), (" period ", 8), (" ", 8), (".\n", 12)]))
        else:
            d.t(wpick([(". ", 80), (".\n", 20)]))

    def para(self, d):
        if self.mode == "raw":
            d.t(wpick([(" new paragraph ", 60), ("\nnew paragraph\n", 20), (" next paragraph ", 10),
                       ("\n\n", 10)]))
        elif self.mode == "semi":
            d.t(wpick([("\n\n", 70), ("\nnew paragraph\n", 12), (" new paragraph. ", 10), ("\n", 8)]))
        else:
            d.t("\n\n")

    def head(self, d, word):
        if self.mode == "raw":
            d.t(word.lower() + wpick([(" colon ", 75), (" ", 15), (": ", 10)]))
        elif self.mode == "semi":
            d.t(word.upper() + wpick([(": ", 75), (" colon ", 15), (":\n", 10)]))
        else:
            d.t(word.upper() + ch([":\n", ": "]))

    def comma(self, d):
        if self.mode == "raw":
            d.t(wpick([(" comma ", 50), (", ", 20), (" ", 30)]))
        else:
            d.t(wpick([(", ", 80), (" comma ", 8), (" ", 12)]))

    def filler(self, d):
        if self.mode != "clean" and maybe(0.25):
            d.t(ch(["um ", "uh ", "scratch that ", "delete that ", "correction ", "okay ",
                    "let me see ", "uh, "]))


def sent_lower_first(s):
    return s[0].lower() + s[1:] if s and not s[:2].isupper() else s


def sr_sentences(d, S, sents, spoken_style, **kw):
    for i, s in enumerate(sents):
        if i and maybe(0.1):
            S.filler(d)
        d.f(sent_lower_first(s) if spoken_style else s, **kw)
        S.end(d)


KIN = [("daughter", "F"), ("son", "M"), ("wife", "F"), ("husband", "M"), ("sister", "F"),
       ("brother", "M"), ("niece", "F"), ("nephew", "M"), ("granddaughter", "F"),
       ("grandson", "M"), ("daughter-in-law", "F"), ("son-in-law", "M"), ("partner", None),
       ("cousin", None), ("neighbor", None), ("friend", None), ("stepdaughter", "F")]
JOBS = ["machinist", "school bus driver", "nurse's aide", "longshoreman", "bookkeeper",
        "line cook", "welder", "postal carrier", "hairdresser", "custodian", "teacher",
        "truck driver", "seamstress", "electrician", "fisherman", "cashier", "home health aide",
        "pipefitter", "accountant", "carpenter", "security guard", "dental hygienist"]


def kin():
    k, s = ch(KIN)
    return k, Person(s or ch("FM"))


def social_piece(p, low=False, spoken=False):
    """one sentence of social history with PHI; returns (template, slots)"""
    he, his = p.he, p.his
    r = rng.randint(0, 11)
    if r == 10:
        y = rng.randint(1960, 2005)
        return ("%s retired from $emp in $yr" % he,
                dict(emp=org("employer"), yr=[(year_words(y), "DATE")] if spoken else [("'%02d" % (y % 100), "DATE")] if maybe(0.5) else [(str(y), "DATE")]))
    if r == 11:
        y = rng.randint(1995, 2018)
        return ("%s had a CABG at $h in $yr" % he,
                dict(h=hosp(ch(["saint", "memorial", "town_hosp"])), yr=[(year_words(y) if spoken else str(y), "DATE")]))
    if r == 0:
        k, q = kin()
        return ("%s lives in $town with %s %s $kn" % (he, his, k),
                dict(town=[(town()[0], "LOCATION")], kn=nm(q, "first", low)))
    if r == 1:
        return ("%s lives alone at $addr" % he, dict(addr=address(low=low)))
    if r == 2:
        return ("%s is a retired %s from $emp" % (he, ch(JOBS)), dict(emp=org("employer")))
    if r == 3:
        return ("%s works as a %s at $emp" % (he, ch(JOBS)), dict(emp=org("employer")))
    if r == 4:
        return ("%s is very involved at $ch" % he, dict(ch=org("church")))
    if r == 5:
        y = rng.randint(1965, 2019)
        return ("%s emigrated from $ctry in $yr" % he,
                dict(ctry=[(ch(COUNTRIES), "LOCATION")], yr=[(year_words(y) if spoken else str(y), "DATE")]))
    if r == 6:
        return ("%s recently returned from $ctry where %s was visiting family" % (he, he),
                dict(ctry=[(ch(COUNTRIES), "LOCATION")]))
    if r == 7:
        return ("%s is originally from $city, $ctry" % he,
                dict(city=[(ch(FOREIGN_CITIES), "LOCATION")], ctry=[(ch(COUNTRIES), "LOCATION")]))
    if r == 8:
        k, q = kin()
        return ("%s %s $kn teaches at $sch and helps with appointments" % (his, k),
                dict(kn=nm(q, "first", low), sch=org("school")))
    return ("%s moved here from $town, $st to be near %s %s" % (he, his, ch(["children", "daughter", "son", "grandkids"])),
            dict(town=[(town()[0], "LOCATION")], st=[(ch(["Florida", "Ohio", "Puerto Rico", "Texas", "Maine",
                                                          "Arizona", "Georgia", "New Jersey"]), "LOCATION")]))


def header_lines(d, fields, layout=None):
    """fields: list of (label, pieces). layouts: lines | pairs | pipes"""
    lay = layout or ch(["lines", "lines", "pairs", "pipes"])
    if lay == "lines":
        for lab, val in fields:
            d.t(lab + ch([": ", ":  ", ": "]))
            d.add(val)
            d.t("\n")
    elif lay == "pairs":
        for i, (lab, val) in enumerate(fields):
            d.t(lab + ": ")
            d.add(val)
            d.t("\n" if i % 2 else ch(["    ", "   ", "\t"]))
        if len(fields) % 2:
            d.t("\n")
    else:
        for i, (lab, val) in enumerate(fields):
            d.t(("" if i == 0 else " | ") + lab + " ")
            d.add(val)
        d.t("\n")


# ---------------------------------------------------------------------------
# document generators
# ---------------------------------------------------------------------------
def sex_word(p, spoken=False):
    if p.sex == "F":
        return ch(["woman", "female", "lady"] if spoken else ["female", "woman", "F"])
    return ch(["man", "male", "gentleman"] if spoken else ["male", "man", "M"])


def gen_sr_rad():
    mode = wpick([("raw", 4), ("semi", 4), ("caps", 2)])
    case = {"raw": "lower", "semi": "mixed", "caps": "upper"}[mode]
    d = Doc(case, spoken=0.85 if mode == "raw" else 0.2, sr=0.3 if mode == "raw" else 0.15)
    S = SR("raw" if mode == "raw" else "semi")
    pt, rad, ref = Person(), Person(), Person()
    svc = date_rand()
    age = pick_age()
    dob = dob_for(age, svc)
    E = EXAMS[ch([k for k in EXAMS if EXAMS[k].get("sex", pt.sex) == pt.sex])]
    exam = ch(E["name"])
    spoken = mode == "raw"
    prior = shift(svc, -900, -20)
    if mode == "raw":
        art = "an " if exam.lower()[0] in "aeiou" else "a "
        d.f(ch(["this is $dr dictating " + art, "$dr dictating ", "dictation by $dr for ",
                "hi this is $dr with " + art, "okay this is $dr "]), dr=title_name(rad, low=True))
        d.t(exam.lower() + " on ")
        d.f(ch(["patient $p ", "$p ", "$p last name spelled $sp "]),
            p=nm(pt, ch(["full", "full", "split", "runon"]), low=True), sp=nm(pt, "spelled"))
        d.f("medical record number $mrn", mrn=spoken_id("mrn"))
        S.end(d)
        if maybe(0.5):
            d.f("date of birth $dob", dob=sdt(dob))
            S.end(d)
        d.f("date of service $svc", svc=sdt(svc))
        S.para(d)
    else:
        if maybe(0.5):
            d.t(ch(["RADIOLOGY REPORT", "DIAGNOSTIC IMAGING REPORT", "*** SPEECH RECOGNITION DRAFT - UNEDITED ***",
                    "Imaging Report (dictated)"]) + "\n")
        fields = [("Patient", nm(pt, ch(["lfm", "lf", "lf_m"]))), ("MRN", ident("mrn"))]
        if maybe(0.4):
            fields.append(("DOB", dt(dob)))
        if maybe(0.4):
            fields.append(("Age", [age_num(age), (ch(["Y", "y", " yrs", ""]), None)]))
        fields.append(("Exam", [(exam.upper() if maybe(0.5) else exam, None)]))
        fields.append(("Date of exam", dt(svc) + ([(" ", None)] + tm() if maybe(0.5) else [])))
        if maybe(0.4):
            fields.append(("Accession", ident("acc")))
        if maybe(0.4):
            fields.append(("Referring", title_name(ref)))
        header_lines(d, fields)
        d.t("\n")
    S.head(d, ch(["history", "clinical history", "indication", "reason for exam"]))
    d.f("$a %s with %s" % (sex_word(pt, spoken), ch(E["ind"])),
        a=age_phrase(age, pt.sex, spoken=spoken))
    if maybe(0.4):
        d.t(", " if not spoken else " comma ")
        d.f(ch(["history of ", "known ", "hx "]) + ch(PMH))
    S.end(d)
    S.head(d, "comparison")
    if maybe(0.75):
        fac = maybe(0.3)
        if fac:
            d.f(ch(["outside films from $h dated $dt", "prior study from $h on $dt", "$h study of $dt"]),
                h=hosp(ch(["imaging", "plain", "saint", "memorial"])), dt=sdt(prior) if spoken else dt(prior))
        else:
            d.f(ch(["$dt", "prior exam dated $dt", "$dt and $dt2", "the study of $dt"]),
                dt=sdt(prior) if spoken else dt(prior), dt2=sdt(shift(prior, -400, -30)) if spoken else dt(shift(prior, -400, -30)))
    else:
        d.t(ch(["none", "none available", "no prior studies"]))
    S.end(d)
    S.para(d)
    S.head(d, ch(["findings", "findings", "technique and findings"]))
    finds = rng.sample(E["find"], min(len(E["find"]), rng.randint(3, 6)))
    if maybe(0.35):
        finds.insert(rng.randint(1, len(finds)), ch(["Compared with the study of $dref there is no significant change",
                                                     "Unchanged from $dref", "New since $dref"]))
    sr_sentences(d, S, finds, spoken, dref=day_ref(prior, spoken) if maybe(0.5) else (sdt(prior) if spoken else dt(prior, ch(["md", "mdy2", "abbr_th", "mdy"]))))
    S.para(d)
    S.head(d, "impression")
    imps = rng.sample(E["imp"], min(len(E["imp"]), rng.randint(1, 3)))
    if len(imps) > 1:
        imps = [x for x in imps if not x.startswith("No ")] or imps[:1]
    for i, s in enumerate(imps):
        if len(imps) > 1:
            d.t(("number " + ONES[i + 1] + " ") if spoken else ("%d. " % (i + 1)))
        d.f(sent_lower_first(s) if spoken else s)
        S.end(d)
    if maybe(0.3):
        S.para(d)
        d.f(ch(["these findings were discussed with $dr by telephone at $t on $dd",
                "critical result called to $dr at $t",
                "findings communicated to $nurse at $t $dd"]),
            dr=title_name(ref, low=spoken), t=tm(style="spoken" if spoken else None),
            dd=sdt(svc) if spoken else dt(svc),
            nurse=staff_ref(Person(), "RN", low=spoken))
        S.end(d)
    if spoken:
        d.t(ch(["end of dictation", "end of report thank you", "thank you", "end dictation", "that's all"]))
        d.t("\n\n")
    else:
        d.t("\n")
    # typed footer from the transcription system
    t2 = shift(svc, 0, 2)
    if maybe(0.6):
        d.t(ch(["D: ", "Dictated: ", "DICT: "]))
        d.add(dt(svc, ch(["mdy", "mdy2", "iso"])) + ([(" ", None)] + tm(style=ch(["24", "mil"])) if maybe(0.6) else []))
        d.t(ch(["  T: ", "   Transcribed: ", "\nT: "]))
        d.add(dt(t2, ch(["mdy", "mdy2", "iso"])) + ([(" ", None)] + tm(style=ch(["24", "mil"])) if maybe(0.5) else []))
        d.t("\n")
    if maybe(0.4):
        d.f(ch(["Job #: $j", "Job $j", "Doc ID $j", "Job#$j"]) + "\n", j=ident("job"))
    if maybe(0.85):
        d.f(ch(["Dictated by: $r\n", "Electronically signed by $r on $ds\n", "$r\n", "Signed: $r\n"]),
            r=nm(rad, ch(["full", "fml", "lf"])) + [(ch([", MD", " MD", ""]), None)], ds=dt(t2))
        if maybe(0.3):
            d.f(ch(["Transcribed by SR, edited $i", "SR/$i", "cc: $cc", "Resident: $res"]) + "\n",
                i=nm(Person(), "init"), cc=title_name(ref),
                res=nm(Person(), ch(["full", "fi"])))
    return d


def gen_sr_note():
    """dictated clinic note / consult letter / discharge summary through SR"""
    mode = wpick([("raw", 4), ("semi", 5), ("caps", 1)])
    case = {"raw": "lower", "semi": "mixed", "caps": "upper"}[mode]
    d = Doc(case, spoken=0.8 if mode == "raw" else 0.25, sr=0.25 if mode == "raw" else 0.1)
    S = SR("raw" if mode == "raw" else "semi")
    spoken = mode == "raw"
    pt, doc, ref = Person(), Person(), Person()
    svc = date_rand()
    age = pick_age(0.4)
    dob = dob_for(age, svc)
    kind = ch(["clinic", "letter", "discharge", "consult"])
    practice = facility("practice")
    low = spoken
    if kind == "letter":
        if not spoken:
            d.add(hosp("practice") if maybe(0.5) else [(practice, "HOSPITAL")])
            d.t("\n")
            d.add(address(oneline=False, with_unit=False))
            d.t("\n\n")
            d.add(dt(svc, ch(["long", "long", "mdy"])))
            d.t("\n\n")
            d.f("RE: $p   DOB: $dob\n\n", p=nm(pt, ch(["full", "fml"])), dob=dt(dob))
            d.f("Dear $dr,\n\n", dr=[(ch(["Dr. ", "Doctor "]), None)] + nm(ref, "last"))
        else:
            d.f(ch(["this is a letter to $dr ", "letter to $dr at $prac "]), dr=title_name(ref, low=True),
                prac=[(practice.lower(), "HOSPITAL")])
            d.f("regarding $p date of birth $dob", p=nm(pt, ch(["full", "split"]), low=True), dob=sdt(dob))
            S.para(d)
            d.f("dear $dr", dr=[("dr ", None)] + nm(ref, "last", low=True))
            S.comma(d)
            S.para(d)
        d.f("Thank you for referring $p, a pleasant $a %s whom I saw in %s on $dd" %
            (sex_word(pt, spoken), ch(["the office", "clinic", "consultation", "follow up"])),
            p=[(ch(["Mrs. ", "Ms. "]) if pt.sex == "F" else "Mr. ", None)] + nm(pt, "last", low) if maybe(0.6) else nm(pt, "full", low),
            a=age_phrase(age, pt.sex, spoken=spoken), dd=sdt(svc) if spoken else dt(svc, ch(["long", "mdy", "dmy_abbr"])))
        S.end(d)
    else:
        title = {"clinic": "clinic note", "discharge": "discharge summary", "consult": "consult note"}[kind]
        if spoken:
            d.f(ch(["this is $dr dictating a %s on $p " % title, "%s for $p " % title, "$dr %s patient $p " % title]),
                dr=title_name(doc, low=True), p=nm(pt, ch(["full", "split", "runon"]), low=True))
            d.f("m r n $m", m=spoken_id("mrn"))
            S.end(d)
            d.f("date of %s $dd" % ("discharge" if kind == "discharge" else "visit"), dd=sdt(svc))
            S.para(d)
        else:
            d.t(title.upper() + ch([" (dictated)", "", " - voice recognition"]) + "\n")
            f = [("Patient", nm(pt, ch(["lfm", "lf", "full"]))), ("MRN", ident("mrn")), ("DOB", dt(dob)),
                 ("Date of service" if kind != "discharge" else "Discharge date", dt(svc))]
            if kind == "discharge":
                f.insert(3, ("Admit date", dt(shift(svc, -12, -2))))
            if maybe(0.5):
                f.append(("Location", [(practice, "HOSPITAL")] if kind != "discharge" else [(ward(), "LOCATION")]))
            if maybe(0.5):
                f.append(("Attending", title_name(doc)))
            header_lines(d, f)
            d.t("\n")
        S.head(d, ch(["history of present illness", "HPI", "subjective"]) if kind != "discharge" else "hospital course")
        ap = age_phrase(age, pt.sex, spoken=spoken)
        d.f("$p is %s $a %s with a history of %s and %s who " % (a_an(ap), sex_word(pt, spoken), ch(PMH), ch(PMH)),
            p=nm(pt, ch(["first", "full", "last"]), low) if maybe(0.5) else [("patient", None)], a=ap)
        d.f(ch(["presents with %s" % ch(["worsening dyspnea on exertion", "two weeks of cough", "a fall at home",
                                         "intermittent chest pressure", "tremor", "palpitations", "low back pain"]),
                "was admitted with %s" % ch(["CHF exacerbation", "urosepsis", "community acquired pneumonia",
                                             "hip fracture after a fall", "GI bleed"])]))
        S.end(d)
    # social history / context with PHI
    sh = [social_piece(pt, low, spoken) for _ in range(rng.randint(1, 2))]
    for tmpl, slots in sh:
        d.f(tmpl if spoken else tmpl[0].upper() + tmpl[1:], **slots)
        S.end(d)
    if maybe(0.3):
        d.f(ch(["%s was seen at $h on $dd where %s was started on {D:prednisone}" % (pt.he, pt.he),
                "records from $h dated $dd were reviewed",
                "%s was discharged from $h on $dd" % pt.he]),
            h=hosp(), dd=sdt(shift(svc, -120, -5)) if spoken else dt(shift(svc, -120, -5)))
        S.end(d)
    S.para(d)
    if kind == "discharge":
        S.para(d)
        S.head(d, ch(["hospital course", "brief hospital course", "course"]))
        sr_sentences(d, S, rng.sample(DC_COURSE, rng.randint(3, 6)), spoken)
    S.head(d, ch(["medications", "current medications", "meds"]) if kind != "discharge" else "discharge medications")
    meds = [drug_pieces(low, drug=x) for x in rng.sample(DRUGS, rng.randint(2, 5))]
    for i, m in enumerate(meds):
        d.add(m)
        if i < len(meds) - 1:
            S.comma(d)
    S.end(d)
    if maybe(0.5):
        S.head(d, "allergies")
        a, rx = ch(ALLERGIES)
        d.f("{D:%s} causes %s" % (a, rx) if maybe(0.5) else "{D:%s}" % a)
        S.end(d)
    S.para(d)
    S.head(d, ch(["physical examination", "exam", "on exam"]))
    d.f(ch(VITAL_SETS))
    S.end(d)
    bits = rng.sample(EXAM_BITS, rng.randint(2, 4))
    sr_sentences(d, S, bits, spoken)
    if maybe(0.6):
        S.head(d, "labs")
        d.f(ch(LAB_SETS))
        S.end(d)
    S.para(d)
    S.head(d, ch(["assessment and plan", "plan", "impression and plan"]))
    plans = rng.sample(PLAN_BITS, rng.randint(2, 4))
    for i, s in enumerate(plans):
        if spoken and maybe(0.5):
            d.t("number %s " % ONES[i + 1])
        elif not spoken:
            d.t(ch(["%d. " % (i + 1), "- ", ""]))
        d.f(sent_lower_first(s) if spoken else s[0].upper() + s[1:])
        S.end(d)
    if maybe(0.35):
        d.f(ch(["follow up with $dr on $dd", "return visit $dd at $t", "will see %s back after %s trip to $ctry" % (pt.his, pt.his)]),
            dr=title_name(ref, low), dd=sdt(shift(svc, 20, 120)) if spoken else dt(shift(svc, 20, 120)),
            t=tm(style="spoken" if spoken else None), ctry=[(ch(COUNTRIES), "LOCATION")])
        S.end(d)
    S.para(d)
    if kind == "letter":
        d.t(ch(["sincerely", "with best regards", "thank you again for this referral"]) if spoken else ch(["Sincerely,\n\n", "Best regards,\n\n", "Warm regards,\n"]))
        if spoken:
            S.end(d)
        else:
            d.add(nm(doc, ch(["full", "fml"])) + [(ch([", MD\n", " MD\n", ", DO\n"]), None)])
    if spoken:
        d.f(ch(["cc $cc", "please send a copy to $cc", "copy to $cc at $h"]), cc=title_name(ref, low=True),
            h=[(facility("practice").lower(), "HOSPITAL")])
        S.end(d)
        d.t(ch(["end of dictation", "thanks", "end"]) + "\n\n")
        d.f("D: $d1 $t1 T: $d2\n", d1=dt(svc, "mdy"), t1=tm(style="24"), d2=dt(shift(svc, 0, 3), "mdy"))
        d.f(ch(["$r, MD / sr", "signed $r $dd", "Dictated but not read by $r"]) + "\n", r=nm(doc, "full"), dd=dt(shift(svc, 0, 5)))
    else:
        if maybe(0.6):
            d.f(ch(["cc: $cc\n", "cc: $cc, $h\n"]), cc=title_name(ref), h=hosp("practice"))
        if maybe(0.5):
            d.f("This note was dictated using voice recognition software; please excuse transcription errors. $i\n",
                i=nm(doc, "init"))
    return d


# ---- patient portal ----------------------------------------------------------
PORTAL_NAMES = ["Patient Portal", "MyHealth Online", "HealthConnect", "Patient Gateway",
                "myCare portal", "Portal"]


def portal_header(d, sender, pt, svc, to_doc, subj, proxy=None):
    lay = ch(["a", "b", "c"])
    when = dt(svc, ch(["mdy", "mdy_nz", "mdy2", "long", "abbr_long"])) + [(" ", None)] + tm(style=ch(["ampm", "ampm_l", "24s"]))
    if lay == "a":
        d.t(ch(PORTAL_NAMES) + " Message\n")
        d.t("From: ")
        d.add(nm(sender, "full"))
        if maybe(0.4):
            d.f(" ($u)", u=username(sender))
        if proxy:
            d.t(" [proxy for ")
            d.add(nm(pt, ch(["full", "first"])))
            d.t("]")
        d.t("\nTo: ")
        d.add(title_name(to_doc))
        d.t(ch([" / Clinical Pool\n", "\n", " and care team\n"]))
        d.t("Sent: ")
        d.add(when)
        d.t("\nSubject: " + subj + "\n\n")
    elif lay == "b":
        d.t(ch(["Patient Advice Request", "MESSAGE FROM PATIENT (WEB)", "Portal msg rec'd"]) + "\n")
        header_lines(d, [("Patient", nm(pt, ch(["lf", "lfm"]))), ("MRN", ident("mrn")),
                         ("Received", when), ("Subject", [(subj, None)])], layout=ch(["lines", "pairs"]))
        if proxy:
            d.f("Sent by proxy: $s ($rel)\n", s=nm(sender, "full"), rel=[(proxy, None)])
        if maybe(0.4):
            d.f("Sent from IP $ip via mobile app\n", ip=ipaddr())
        d.t(ch(["----- Message -----\n", "\n", "Message text:\n"]))
    else:
        d.t("Subject: " + subj + "\n")
        d.f("$who wrote on $w:\n\n", who=nm(sender, ch(["full", "first", "runon"])) if maybe(0.6) else username(sender), w=when)


def sign_off(d, p, low=False, phone_p=0.5, email_p=0.3):
    d.t(ch(["\n\nThanks,\n", "\nthank you\n", "\n\nThank you so much\n", "\n- ", "\nThanks again, ",
            "\n\nSincerely,\n", "\nGod bless,\n"]))
    d.add(nm(p, ch(["first", "first", "full", "fl"]) if False else ch(["first", "first", "full"]), low))
    if maybe(phone_p):
        d.t(ch(["\n", " ", "\ncell ", "\nmy cell: ", "\nph "]))
        d.add(phone(ch(["paren", "dash", "dot", "space", "plain"])))
    if maybe(email_p):
        d.t(ch(["\n", " / ", "\nemail: "]))
        d.add(email(p))
    d.t("\n")


def staff_reply(d, pt, doc, svc):
    nurse = Person()
    d.t(ch(["\n\n----- Reply -----\n", "\n\nReply from care team:\n", "\n\n>> ", "\n\nRE: "]))
    d.f(ch(["Hi $p, ", "Dear $p,\n", "Hello $p - "]), p=nm(pt, ch(["first", "full"])) if maybe(0.6) else [("Mr. " if pt.sex == "M" else "Ms. ", None)] + nm(pt, "last"))
    d.f(ch(["I spoke with $dr. ", "$dr reviewed your message. ", "Per $dr: ", "I reviewed this with $dr. "]), dr=title_name(doc))
    drg = ch(DRUGS)
    d.f(ch(["We sent a prescription for {D:%s} {M:%s} to your pharmacy. " % (drg[0], ch(drg[2])),
            "Please hold the {D:%s} until we see you. " % drg[0],
            "Your results look stable and we will repeat them in 3 months. ",
            "We would like you to come in this week; the front desk will call. ",
            "Please go to the ER if you have chest pain or trouble breathing. ",
            "It is OK to take {D:acetaminophen} up to {M:3 g} a day but avoid {D:ibuprofen}. "]))
    if maybe(0.5):
        d.f("You are scheduled $dd at $t. ", dd=[("on ", None)] + dt(shift(svc, 1, 30), ch(["mdy", "long", "abbr_th", "md"])), t=tm(style=ch(["ampm", "ampm_l"])))
    d.t(ch(["\n", "\n\n", " "]))
    d.add(staff_ref(nurse, ch(["RN", "RN", "LPN", "MA", "NP", "PA-C"]), sig=True))
    if maybe(0.5):
        d.t(ch(["\n", ", "]))
        d.add([(facility("practice"), "HOSPITAL")])
    if maybe(0.5):
        d.t(ch([" ", "\n", " tel "]))
        d.add(phone(ch(["paren", "dash"])))
        if maybe(0.4):
            d.t(" ")
            d.add(pager())
    d.t("\n")


def gen_portal_patient():
    case = wpick([("mixed", 7), ("lower", 3), ("upper", 1)])
    d = Doc(case, typo=0.12)
    pt, doc = Person(), Person()
    svc = date_rand()
    age = pick_age(0.25)
    topic = ch(["travel", "side", "result", "worknote", "appt", "wound", "bp"])
    subj = {"travel": ch(["Refill before trip", "medication refill", "travel letter", "RE: trip"]),
            "side": ch(["side effects?", "New medication question", "feeling dizzy", "Question"]),
            "result": ch(["test results", "question about my CT", "What does this mean", "Lab results"]),
            "worknote": ch(["work note", "Note for school", "need a letter", "FMLA paperwork"]),
            "appt": ch(["Appointment", "reschedule", "can I change my appt", "Visit Question"]),
            "wound": ch(["incision", "post op question", "photo of my leg", "wound"]),
            "bp": ch(["blood pressure readings", "BP log", "home readings", "Med question"])}[topic]
    portal_header(d, pt, pt, svc, doc, subj)
    low = case == "lower" or maybe(0.1)
    d.f(ch(["Hi Dr. $dl, ", "Hello Dr $dl\n", "Dear Dr. $dl,\n\n", "hi ", "Good morning, ", "To $dn - "]),
        dl=nm(doc, "last", low), dn=title_name(doc, low))
    he = pt.he
    if topic == "travel":
        d1 = shift(svc, 10, 60)
        d2 = shift(d1, 7, 60)
        k, q = kin()
        d.f("I am going to $ctry to visit my %s $kn from $d1 until $d2 and I need a 90 day supply of my " % k,
            ctry=[(ch(COUNTRIES + REGIONS[1:]), "LOCATION")], kn=nm(q, "first", low),
            d1=dt(d1, ch(["md", "abbr_th", "long", "mdy_nz"])), d2=dt(d2, ch(["md", "abbr_th", "long", "mdy_nz"])))
        d.add(drug_pieces(low, sig=False))
        d.t(ch([" before I go. ", " before i leave!! ", ". "]))
        d.f(ch(["My pharmacy is $ph on $st. ", "Please send it to $ph, their number is $phn. ",
                "last time $ph said they needed a new prescription. "]),
            ph=org("pharmacy"), st=[(street(), "LOCATION")], phn=phone())
        if maybe(0.6):
            d.f(ch(["Also could I get a letter for the airport for my {X:insulin pen} needles and {X:CPAP} machine? ",
                    "Do I need any shots for {LOC}? I'm %s years old and never had the {D:hepatitis A vaccine}. " % "$ag",
                    "My flight leaves at $t from $city. "]).replace("{LOC}", "$ctry2"),
                ctry2=[(ch(COUNTRIES), "LOCATION")], ag=[age_num(age)], t=tm(style=ch(["ampm", "ampm_l"])),
                city=[(town()[0], "LOCATION")])
    elif topic == "side":
        start = shift(svc, -20, -2)
        d.f(ch(["Since starting the new ", "ever since you switched me to "]))
        d.add(drug_pieces(low, sig=False))
        d.f(" on $st I have been %s. " % ch(["really dizzy when I stand up", "coughing all night",
                                             "having ankle swelling", "so tired i can barely get out of bed",
                                             "getting leg cramps", "having an upset stomach"]),
            st=day_ref(start) if maybe(0.5) else dt(start, ch(["md", "abbr_th", "long"])))
        d.f(ch(["My blood pressure this morning was {V:BP 102/58} and pulse {V:HR 54}. ",
                "I checked my sugar and it was {V:BG 61}. ",
                "My wife $w says I look pale. ", "I'm $a so maybe its just age lol. "]),
            w=nm(Person("F"), "first", low), a=[age_num(age)])
        if maybe(0.5):
            d.f("I missed work at $emp on $dd because of it. ", emp=org("employer"), dd=[(WEEKDAYS[start.weekday()], None)])
    elif topic == "result":
        d.f(ch(["I saw my CT results posted on the portal and it says there is a {M:8 mm} nodule in my right lung. ",
                "My labs from $dd show {V:Hgb 9.8} and it's flagged low. ",
                "The ultrasound report says {E:Baker cyst} {M:3 cm}, what does that mean? ",
                "The report mentions {E:Kerley B lines}?? "]), dd=dt(shift(svc, -10, -1), ch(["md", "mdy_nz", "abbr_th"])))
        k, q = kin()
        d.f(ch(["My %s $kn had lung cancer at %d so I am really worried. " % (k, rng.randint(45, 85)),
                "My %s $kn is a nurse at $h and she said to ask you. " % k,
                "I was a smoker for 30 years when I worked at $emp. "]),
            kn=nm(q, "first", low), h=hosp(), emp=org("employer"))
    elif topic == "worknote":
        d1 = shift(svc, -14, -2)
        if maybe(0.5):
            d.f("I need a note for my job at $emp saying I was out from $d1 to $d2. My supervisor $sup says it can be faxed to $fx. ",
                emp=org("employer"), d1=dt(d1, ch(["md", "mdy_nz", "mdy2"])), d2=dt(shift(d1, 1, 6), ch(["md", "mdy_nz", "mdy2"])),
                sup=nm(Person(), ch(["full", "full", "first"]), low), fx=phone(ch(["paren", "dash", "dot"])))
        else:
            kid = Person(ch("FM"), last=pt.last)
            d.f("My %s $kid (he's %d) missed school at $sch since $dd with the {D:amoxicillin} for his ear. The nurse there, Mrs. $nurse, needs a note. " %
                ("son" if kid.sex == "M" else "daughter", rng.randint(5, 16)),
                kid=nm(kid, "first", low), sch=org("school"), dd=day_ref(d1), nurse=nm(Person("F"), "last", low))
    elif topic == "appt":
        ad = shift(svc, 2, 30)
        d.f("Can I move my appointment on $dd at $t? ", dd=dt(ad, ch(["md", "long", "abbr_th", "mdy"])), t=tm(style=ch(["ampm", "ampm_l", "24s"])))
        d.f(ch(["I volunteer at $ch on that day. ", "My ride, my neighbor $nb, can only do afternoons. ",
                "I'll be in $city for my grandson's graduation from $sch. "]),
            ch=org("church"), nb=nm(Person(), "first", low), city=[(ch(FOREIGN_CITIES + [t for t, _ in US_TOWNS]), "LOCATION")],
            sch=org("school"))
    elif topic == "wound":
        op = shift(svc, -12, -3)
        d.f("I had my %s with Dr. $surg on $op and the incision is %s. " % (ch(["knee replacement", "gallbladder out", "hernia repair", "hip surgery"]),
                                                                           ch(["red and warm", "draining yellow stuff", "more swollen today", "itchy and opening a little"])),
            surg=nm(Person(), "last", low), op=dt(op, ch(["md", "abbr_th", "mdy_nz"])) if maybe(0.6) else day_ref(op))
        d.f(ch(["Temp was {V:T 100.6} last night. ", "I'm taking the {D:oxycodone} {M:5 mg} only at night. ",
                "Pain is about {F:7/10}. ", "Photo attached."]))
    else:
        d.f("Here are my readings this week: {V:148/92}, {V:152/88}, {V:139/84}, {V:160/95} (after church). ")
        d.f(ch(["I take {D:lisinopril} {M:20 mg} in the morning. ", "I ran out of {D:amlodipine} on $dd. "]),
            dd=day_ref(shift(svc, -6, -1)))
    extras(d, PORTAL_EXTRA, 2, 4)
    d.t(ch(["Please call me", "Please let me know", "pls call", "You can reach me"]))
    d.t(ch([" at ", " on my cell ", " - ", " "]))
    d.add(phone(ch(["paren", "dash", "dot", "space", "local", "plain"])))
    d.t(ch([" after 3.", ". Thanks.", " thank you!!", ".", " anytime"]))
    sign_off(d, pt, low, phone_p=0.1, email_p=0.25)
    if maybe(0.4):
        staff_reply(d, pt, doc, svc)
    return d


def gen_portal_family():
    case = wpick([("mixed", 6), ("lower", 4), ("upper", 1)])
    d = Doc(case, typo=0.15)
    pt = Person()
    rel, relsex = ch([("daughter", "F"), ("son", "M"), ("granddaughter", "F"), ("niece", "F"),
                      ("husband", "M"), ("wife", "F"), ("grandson", "M"), ("daughter-in-law", "F")])
    au = Person(relsex, last=pt.last if maybe(0.5) else None)
    doc = Person()
    svc = date_rand()
    age = pick_age(0.5, lo=60)
    dob = dob_for(age, svc)
    low = case == "lower" or maybe(0.15)
    subj = ch(["Question about my mother", "My dad", "Mom's medications", "Re: falls", "Concerned",
               "from " + rel, "Update", "urgent-ish"])
    portal_header(d, au, pt, svc, doc, subj, proxy=rel)
    F = pt.sex == "F"
    mom = {"daughter": ch(["Mom", "my mother", "mom", "Mother"]) if F else ch(["Dad", "my father", "dad", "Pop"]),
           "son": ch(["Mom", "my mother", "Ma"]) if F else ch(["Dad", "my father", "Pops"]),
           "granddaughter": ch(["my grandmother", "Nana", "Grandma"]) if F else ch(["my grandfather", "Papa", "Grandpa"]),
           "grandson": ch(["my grandmother", "Nana", "Grandma"]) if F else ch(["my grandfather", "Papa", "Grandpa"]),
           "niece": "my aunt" if F else "my uncle",
           "daughter-in-law": "my mother-in-law" if F else "my father-in-law",
           "husband": "my wife" if F else "my husband", "wife": "my wife" if F else "my husband"}[rel]
    d.f(ch(["Hello Dr. $dl, ", "Hi, ", "Dr $dl -\n", "To whom it may concern,\n", "Hello, ", "Good afternoon,\n"]), dl=nm(doc, "last", low))
    d.f(ch(["this is $au, $pn's %s. " % rel, "my name is $auf and I'm the %s of your patient $pn. " % rel,
            "It's $auf again ($pn's %s). " % rel]),
        au=nm(au, ch(["first", "full"]), low), auf=nm(au, "full", low), pn=nm(pt, ch(["full", "first", "fml"]), low))
    if maybe(0.4):
        d.f(ch(["(DOB $dob) ", "Her date of birth is $dob. " if pt.sex == "F" else "His date of birth is $dob. ",
                "- dob $dob - "]), dob=dt(dob, ch(["mdy", "mdy_nz", "mdy2", "long"])))
    he, his = pt.he, pt.his
    d.f("%s is $a and " % mom.capitalize() if maybe(0.5) else "%s, who is $a, " % mom.capitalize(),
        a=age_phrase(age, pt.sex, low=low, ctx="pred"))
    d.t(ch(["has fallen twice since ", "has been more confused since ", "hasn't been eating since ",
            "has had a cough since ", "has been very sleepy since "]))
    fell = shift(svc, -20, -2)
    d.add(day_ref(fell) if maybe(0.5) else dt(fell, ch(["md", "abbr_th", "long"])))
    d.t(". ")
    d.f(ch(["%s lives with us in $town. " % he.capitalize(), "%s lives with us at $addr. " % he.capitalize(),
            "%s is still at $fac since the hip surgery. " % he.capitalize(),
            "%s lives alone in $town and refuses to move. " % he.capitalize(),
            "We moved %s into $fac in $town last month. " % ("her" if pt.sex == "F" else "him")]),
        addr=address(low=low), fac=hosp("snf"), town=[(town()[0], "LOCATION")])
    d.f(ch(["The visiting nurse from $vna, $vn, said %s {V:BP 88/50} and %s heart rate was {V:HR 48}. " % ("her" if pt.sex == "F" else "his", his),
            "I counted %s pills and %s has been taking the {D:%s} twice instead of once. " % (his, he, ch(DRUGS)[0]),
            "The {D:%s} {M:%s} seems to make %s really groggy. " % (ch(DRUGS)[0], ch(["5 mg", "25 mg", "0.5 mg"]), "her" if pt.sex == "F" else "him"),
            "%s {E:Foley} came out over the weekend and the nurse wants to know if it needs to go back in. " % his.capitalize(),
            "%s {E:Parkinson}'s tremor is much worse and %s dropped %s {D:Sinemet} on the floor twice. " % (his.capitalize(), he, his)]),
        vna=org("vna"), vn=nm(Person("F"), ch(["first", "full"]), low))
    r = rng.random()
    if r < 0.35:
        d2 = shift(svc, 5, 40)
        d.f("My %s $h and I are flying to $ctry on $dd for %s and my brother will be staying with %s. " %
            (ch(["sister", "brother", "friend"]) if rel in ("husband", "wife") else ("husband" if au.sex == "F" else "wife"),
             ch(["a wedding", "work", "two weeks", "a funeral"]), "her" if pt.sex == "F" else "him"),
            h=nm(Person("M"), "first", low), ctry=[(ch(COUNTRIES), "LOCATION")], dd=dt(d2, ch(["md", "long", "abbr_th"])),
            b=nm(Person("M", last=pt.last), "first", low))
    elif r < 0.65:
        d.f("I work at $emp so I can't pick up calls until after $t. ", emp=org("employer"), t=tm(style=ch(["ampm_l", "ampm"])))
    else:
        d.f(ch(["Pastor $pn from $ch has been visiting and noticed it too. ",
                "People at $ch had to call 911 during service last Sunday. "]),
            pn=nm(Person(), ch(["last", "first"]), low), ch=org("church"))
    for x in rng.sample(FAMILY_EXTRA, rng.randint(1, 3)):
        d.f(x.replace("HE_C", pt.he.capitalize()).replace("HE", pt.he))
    d.t(ch(["Can someone call me? ", "What should we do? ", "Should we bring %s in? " % ("her" if pt.sex == "F" else "him"),
            "Please advise. "]))
    d.t(ch(["My cell is ", "best number is ", "cell: ", "you can reach me at ", "call "]))
    d.add(phone(ch(["paren", "dash", "dot", "space", "words", "digits_spaced", "local"])))
    if maybe(0.4):
        d.t(ch([" or ", " or email ", ", or my email "]))
        d.add(email(au))
    if maybe(0.2):
        c = ch(list(INTL_FMT))
        d.f(" (I'm in $ctry this week, my number here is $ip)", ctry=[(c, "LOCATION")], ip=phone("intl_" + c))
    d.t(".")
    sign_off(d, au, low, phone_p=0.1, email_p=0.15)
    if maybe(0.3):
        d.f(ch(["Sent from my iPhone\n", "Sent from my Galaxy\n", "P.S. we set up a page for updates: $u\n"]), u=url(pt))
    if maybe(0.25):
        staff_reply(d, au, doc, svc)
    return d


# ---- nurse telephone encounter ----------------------------------------------
def phone_scenario(pt, svc, low):
    """returns list of (template, slots) sentences"""
    he, his = pt.he, pt.his
    r = rng.randint(0, 9)
    nx = shift(svc, 2, 10)
    if r == 0:
        inr = ch(["3.6", "4.2", "1.4", "5.1", "1.7"])
        return [("INR today {V:INR %s} drawn at $lab. " % inr, dict(lab=hosp(ch(["place_type", "town_type"])))),
                ("Current dose {D:warfarin} {M:5 mg} daily except {M:2.5 mg} Mon/Fri. ", {}),
                ("Denies bleeding, dark stools, falls. ", {}),
                ("Per $dr: hold tonight's dose then resume {M:5 mg} daily. Recheck INR $nx. ",
                 dict(dr=ch([[("Dr. ", None)], [("d/w PA ", None)], [("per NP ", None)]]) + nm(Person(), "last", low),
                      nx=dt(nx, ch(["md", "mdy_nz", "abbr_th"]))))]
    if r == 1:
        return [("Pt reports weight up {M:3 lbs} since yesterday and {M:5 lbs} this week, more SOB climbing stairs, sleeping on 2 pillows. ", {}),
                ("Home {V:BP 148/90}, {V:HR 92}. Taking {D:furosemide} {M:40 mg} daily. ", {}),
                ("Reviewed with $dr who advised {D:furosemide} {M:40 mg} BID x 3 days and BMP on $nx at $lab. ",
                 dict(dr=title_name(Person(), low), nx=dt(nx, ch(["md", "mdy2"])), lab=hosp("town_type")))]
    if r == 2:
        op = shift(svc, -6, -1)
        return [("Post-op call. S/p %s on $op with $dr. " % ch(["lap chole", "R TKA", "L THA", "TURP", "carpal tunnel release"]),
                 dict(op=dt(op, ch(["md", "mdy_nz"])), dr=title_name(Person(), low))),
                ("Incision sites C/D/I per pt, pain {F:3/10}, using {D:oxycodone} {M:5 mg} 1-2x/day, {D:senna} for constipation. ", {}),
                ("{V:T 99.1} this AM. Voiding without difficulty. {X:JP drain} output {M:20 mL} overnight. ", {})]
    if r == 3:
        return [("Pt called re low sugar this AM, {V:BG 54} at $t, treated w/ juice, recheck {V:BG 112}. ", dict(t=tm())),
                ("On {D:insulin glargine} {M:24 units} qHS and {D:metformin} {M:1000 mg} BID. Ate less yesterday (fasting for church). ", {}),
                ("Per $dr decrease {D:Lantus} to {M:20 units}. ", dict(dr=title_name(Person(), low)))]
    if r == 4:
        k, q = kin()
        return [("%s $kn called: pt more confused x 2 days, foul-smelling urine, {V:T 100.8}. " % k.capitalize(), dict(kn=nm(q, "first", low))),
                ("Pt lives at $fac. Staff nurse $sn on phone as well. ", dict(fac=hosp("snf"), sn=nm(Person("F"), ch(["first", "full"]), low))),
                ("UA/UCx ordered. Rx {D:nitrofurantoin} {M:100 mg} BID x 5 days sent to $ph per $dr. ",
                 dict(ph=org("pharmacy"), dr=title_name(Person(), low)))]
    if r == 5:
        return [("Pt fell at home last night getting up to the bathroom, hit head on nightstand. Takes {D:apixaban} {M:5 mg} BID. ", {}),
                ("Advised ED eval for CT head given anticoagulation. Pt reluctant, son $s will drive %s to $h. " % ("her" if pt.sex == "F" else "him"),
                 dict(s=nm(Person("M"), "first", low), h=hosp())),
                ("ED charge RN $rn notified at $t. ", dict(rn=nm(Person(), ch(["last", "full"]), low), t=tm()))]
    if r == 6:
        return [("Requesting refill of {D:levothyroxine} {M:88 mcg}. Last TSH {V:TSH 2.1} on $dd. ", dict(dd=dt(shift(svc, -200, -20)))),
                ("Also needs {D:atorvastatin} {M:40 mg}, 90 day supply to $ph ($phn). ", dict(ph=org("pharmacy"), phn=phone())),
                ("Pended to $dr. ", dict(dr=title_name(Person(), low)))]
    if r == 7:
        return [("Returned pt call re CT results. Informed of {M:6 mm} RUL nodule, f/u CT in 6-12 months per {E:Fleischner} guidelines per $dr. ",
                 dict(dr=title_name(Person(), low))),
                ("Pt asks if related to %s years at $emp (asbestos exposure). Will discuss at visit $dd. " % ch(["20", "thirty", "12", "40"]),
                 dict(emp=org("employer"), dd=dt(shift(svc, 7, 40), ch(["md", "mdy_nz", "long"]))))]
    if r == 8:
        return [("Increased sputum, yellow-green, using {D:albuterol} q2h, {V:SpO2 89%} on home {M:2 L} O2 per pt's pulse ox. ", {}),
                ("No fever. Last exacerbation treated at $h in $mo. ", dict(h=hosp(ch(["town_hosp", "saint", "memorial"])), mo=dt(shift(svc, -300, -40), ch(["month_year", "my", "mon_yy"])))),
                ("Rx {D:prednisone} {M:40 mg} x 5d and {D:azithromycin} per $dr; advised ED if worse. ", dict(dr=title_name(Person(), low)))]
    return [("Pt reports home BP readings {V:168/94}, {V:172/100}, {V:159/92}. Mild HA, no CP/SOB/vision change. ", {}),
            ("Taking {D:amlodipine} {M:10 mg} and {D:losartan} {M:50 mg}. Admits to extra salt at %s party on $hol. " % ch(["family", "church", "work"]),
             dict(hol=holiday_year(shift(svc, -10, -2).year) if maybe(0.5) else day_ref(shift(svc, -6, -1)))),
            ("Per $dr add {D:hydrochlorothiazide} {M:12.5 mg} daily, BMP in 1 wk. ", dict(dr=title_name(Person(), low)))]


def gen_phone_note():
    case = wpick([("mixed", 6), ("upper", 2), ("lower", 2)])
    d = Doc(case, typo=0.08)
    low = case == "lower"
    pt, rn = Person(), Person()
    svc = date_rand()
    age = pick_age(0.35)
    dob = dob_for(age, svc)
    d.t(ch(["TELEPHONE ENCOUNTER", "Telephone Encounter", "RN TRIAGE CALL", "Phone Note",
            "NURSE TELEPHONE NOTE", "tel enc"]) + "\n")
    caller_rel, cp = ch([("self", None), ("self", None)] + [(k, s) for k, s in KIN[:10]])
    caller = pt if caller_rel == "self" else Person(cp or ch("FM"), last=pt.last if maybe(0.4) else None)
    fields = [("Patient", nm(pt, ch(["lfm", "lf", "full", "lf_m"])))]
    if maybe(0.5):
        fields.append(("DOB", dt(dob)))
    if maybe(0.3):
        fields.append(("Age", [age_num(age), (ch([" y", " yrs", "", " yo"]), None)]))
    if maybe(0.7):
        fields.append(("MRN", ident("mrn")))
    fields.append(("Date/Time", dt(svc) + ([(" ", None)] + tm() if maybe(0.7) else [])))
    if caller_rel == "self":
        fields.append(("Caller", [("patient", None)]))
    else:
        fields.append(("Caller", nm(caller, ch(["full", "first"])) + [(" (" + caller_rel + ")", None)]))
    if maybe(0.7):
        fields.append(("Callback #", phone(ch(["paren", "dash", "dot", "local", "space"]))))
    if maybe(0.25):
        fields.append(("PCP", title_name(Person())))
    header_lines(d, fields, layout=ch(["lines", "pairs"]))
    d.t("\n")
    d.t(ch(["Reason for call: ", "REASON: ", "CC: ", "Re: "]))
    d.t(ch(["med question", "symptoms", "results", "refill", "post-op", "fall", "follow-up", "INR"]) + "\n")
    sents = phone_scenario(pt, svc, low)
    if maybe(0.5):
        labels = ["S: ", "B: ", "A: ", "R: "]
        for i, (tmpl, slots) in enumerate(sents):
            d.t(labels[i % 4] if i < 4 else "")
            d.f(tmpl, **slots)
            d.t("\n")
    else:
        for tmpl, slots in sents:
            d.f(tmpl, **slots)
        d.t("\n")
    extras(d, TEL_EXTRA, 2, 5)
    d.t("\n")
    if maybe(0.4):
        ctx = ch(["pred", "tag"])
        d.f("Pt is $a and lives $liv. " if ctx == "pred" else "Context: $a, $liv. ",
            a=age_phrase(age, pt.sex, low=low, ctx=ctx),
            liv=ch([[("alone in ", None), (town()[0], "LOCATION")], [("with ", None), (ch(["daughter", "son", "wife", "husband"]) + " ", None), (given(ch("FM")), "NAME")],
                    [("at ", None)] + hosp("snf")]))
    d.t(ch(["Advised to call back or go to ED if symptoms worsen. ", "Caller verbalized understanding. ",
            "Teach-back done. ", "Pt agrees w/ plan. ", ""]))
    if maybe(0.25):
        d.f(ch(["LMTCB at $t. ", "VM left on home # $p2. ", "2nd attempt $t, no answer. "]),
            t=tm(), p2=phone(ch(["local", "dash"])))
    d.t("\n")
    d.f(ch(["Routed to $dr for review.\n", "FYI $dr\n", "Sent to $dr's pool\n", ""]), dr=title_name(Person(), low))
    d.f(ch(["-- $rn, RN\n", "Call taken by $rn, RN\n", "$rn RN / $pg\n", "$i\n", "Signed: $rn, BSN, RN on $dd $t\n"]),
        rn=nm(rn, ch(["full", "fi", "fml"]), low), t=tm(), pg=pager(), i=nm(rn, ch(["init", "initdot"])), dd=dt(svc, "mdy"))
    return d


# ---- voicemail auto-transcription -----------------------------------------------
def gen_voicemail():
    d = Doc(wpick([("mixed", 6), ("lower", 3), ("upper", 1)]), sr=0.1)
    pt = Person()
    svc = date_rand()
    age = pick_age(0.4)
    dob = dob_for(age, svc)
    self_call = maybe(0.4)
    caller = pt if self_call else Person(last=pt.last if maybe(0.5) else None)
    d.t(ch(["Voicemail (auto-transcribed)", "VOICEMAIL TRANSCRIPTION", "New voicemail - speech to text",
            "Visual Voicemail"]) + "\n")
    header_lines(d, [("Received", dt(svc) + [(" ", None)] + tm()),
                     ("From", phone(ch(["paren", "dash", "plain", "plus1"]))),
                     ("Mailbox", [(ch(["Triage", "Clinic nurse line", "Anticoag", "Rx refill line", "Cardiology RN"]), None)]),
                     ("Duration", [("0:%02d" % rng.randint(15, 59), None)])], layout=ch(["lines", "pipes"]))
    d.t(ch(["Transcription (confidence: low):\n", "Transcript:\n", "\n\"", "Message: "]))
    v = []
    d.t(ch(["hi ", "yes hi ", "hello um ", "hey good morning "]))
    if self_call:
        d.f("this is $n calling ", n=nm(pt, ch(["full", "full", "runon", "split"]), low=True))
    else:
        k = ch(["mother", "wife", "aunt", "grandmother", "sister"] if pt.sex == "F" else ["father", "husband", "uncle", "grandfather", "brother"])
        d.f("this is $n calling about my %s $p " % k, n=nm(caller, ch(["full", "first"]), low=True),
            p=nm(pt, ch(["full", "first", "split"]), low=True))
    d.f(ch(["date of birth $dob ", "birthday is $dob ", "um born $dob "]), dob=sdt(dob))
    if maybe(0.25):
        d.f(ch(["last four of the social $ss ", "social security number is $ss "]),
            ss=[(digit_words(id_str("ssn4")) if maybe(0.7) else id_str("ssn"), "ID")])
    if maybe(0.5):
        d.f(ch(["%s is $a " % pt.he, "%s just turned $a " % pt.he]), a=[age_num(age, True)])
    d.t(ch(["um ", "so ", "", "uh "]))
    d.f(ch(["%s ran out of the {D:%s} and the pharmacy $ph says they need a new prescription " % (pt.he, ch(DRUGS)[0]),
            "%s blood pressure was {V:BP 182/96} this morning and %s has a headache " % (pt.his, pt.he),
            "the home nurse $vn wanted me to call about the {X:PICC line} it's leaking ",
            "%s has been throwing up since $dd and can't keep the {D:%s} down " % (pt.he, ch(DRUGS)[0]),
            "we got a letter from $h about the {E:Holter} results and i don't understand it ",
            "i need to cancel the appointment on $dd2 at $t we'll be in $ctry "]),
        ph=org("pharmacy"), vn=nm(Person("F"), "first", low=True), dd=day_ref(shift(svc, -5, -1), spoken=True),
        h=hosp(), dd2=sdt(shift(svc, 3, 30), ch(["mon_ord", "mon_th", "mon_ord_year"])), t=tm(style="spoken"),
        ctry=[(ch(COUNTRIES), "LOCATION")])
    d.t(ch(["[inaudible] ", "", "um ", "... "]))
    d.f(ch(["and also HE wanted to know if HE can take the {D:tylenol} with it ",
            "HE's been really tired and short of breath walking to the bathroom ",
            "the sugar was {V:two ninety} this morning before breakfast ",
            "HE says the swelling in HIS legs is worse and the {D:lasix} isn't working ",
            "HE missed two doses of the {D:eliquis} over the weekend ",
            "the oxygen is on {M:two liters} like they said ", ""]).replace("HE", pt.he).replace("HIS", pt.his))
    d.t(ch(["please call me back at ", "my number is ", "you can reach me at ", "call me back "]))
    d.add(phone(ch(["words", "words", "digits_spaced", "space"])))
    d.t(ch([" thank you bye", " thanks bye bye", " okay thank you", " bye"]))
    d.t(ch(["\"\n", "\n"]))
    d.t("\n")
    rn = Person()
    d.t(ch(["RN note: ", "Action: ", "Follow-up: "]))
    d.f(ch(["returned call at $t, spoke with $c. ", "called back $t - LM on VM. ", "call returned $t. "]),
        t=tm(), c=nm(caller, "first") if not self_call else [("pt", None)])
    extras(d, TEL_EXTRA, 1, 2)
    d.f(ch(["Rx renewed and sent. ", "advised ED for BP > {V:180/110} with symptoms. ", "VNA notified. ",
            "appt rescheduled to $dd. ", "message forwarded to $dr. "]),
        dd=dt(shift(svc, 5, 40), ch(["md", "mdy_nz"])), dr=title_name(Person()))
    d.add(nm(rn, ch(["full", "init", "fi"])))
    d.t(ch([" RN\n", ", RN\n", "\n"]))
    return d


# ---- pharmacy medication reconciliation -----------------------------------------
def gen_pharm():
    case = wpick([("mixed", 6), ("upper", 3), ("lower", 1)])
    d = Doc(case, typo=0.04)
    low = case == "lower"
    pt, rph = Person(), Person()
    svc = date_rand()
    age = pick_age(0.4)
    dob = dob_for(age, svc)
    d.t(ch(["PHARMACY MEDICATION RECONCILIATION", "Pharmacy Admission Medication History",
            "Med Rec - Pharmacy", "PHARMACIST MEDICATION HISTORY NOTE", "Medication Reconciliation (PharmD)"]) + "\n")
    f = [("Patient", nm(pt, ch(["lfm", "lf", "full"]))), ("MRN", ident("mrn"))]
    if maybe(0.4):
        f.append(("DOB", dt(dob)))
    if maybe(0.5):
        f.append(("Age/Sex", [age_num(age), ("/" + pt.sex, None)]))
    f.append(("Admit", dt(svc)))
    if maybe(0.3):
        f.append(("Unit", [(ward(), "LOCATION")]))
    if maybe(0.2):
        f.append(("Acct", ident("csn")))
    if maybe(0.1):
        f.append(("SSN", [("xxx-xx-", None)] + ident("ssn4") if maybe(0.5) else ident("ssn")))
    header_lines(d, f, layout=ch(["lines", "pairs"]))
    d.t("\n" + ch(["Sources:", "Sources of information:", "Info obtained from:"]) + "\n")
    k, q = kin()
    ph1 = org("pharmacy")
    srcs = [[("- Patient interview at bedside", None)],
            [("- %s " % k.capitalize(), None)] + nm(q, ch(["first", "full"]), low) + ([(" by phone ", None)] + phone(ch(["paren", "dash", "dot"])) if maybe(0.4) else [(" at bedside", None)]),
            [("- ", None)] + ph1 + ([(" ", None)] + phone(ch(["paren", "dash", "dot", "local"])) if maybe(0.4) else []) + [(" (fill history)", None)]]
    if maybe(0.3):
        srcs.append([("- Outside records from ", None)] + hosp() + [(" dated ", None)] + dt(shift(svc, -90, -3)))
    if maybe(0.2):
        srcs.append([("- ", None)] + hosp("snf") + [(" MAR faxed ", None)] + dt(shift(svc, -1, 0), ch(["md", "mdy2"])))
    if maybe(0.2):
        srcs.append([("- Pill bottles brought in by ", None)] + [(ch(["son", "daughter", "wife", "neighbor"]) + " ", None)] + nm(Person(), "first", low))
    for s in srcs:
        d.add(s)
        d.t("\n")
    d.t("\nAllergies: ")
    al = rng.sample(ALLERGIES, rng.randint(0, 2))
    if not al:
        d.t("NKDA")
    for i, (a, rx) in enumerate(al):
        d.f(("; " if i else "") + "{D:%s} (%s)" % (a, rx))
    d.t("\n\n" + ch(["Home medications:", "PRIOR TO ADMISSION MEDS:", "Verified home med list:"]) + "\n")
    nmeds = rng.randint(4, 10)
    for i, drug in enumerate(rng.sample(DRUGS, nmeds)):
        d.t(ch(["%d. " % (i + 1), "- ", "* "]) if maybe(0.8) else "%d) " % (i + 1))
        d.add(drug_pieces(low, drug=drug))
        r = rng.random()
        if r < 0.15:
            d.f(" - last fill $dd" + ch(["", " (#30)", " (90 DS)", " #90"]), dd=dt(shift(svc, -95, -2), ch(["md", "mdy_nz", "mdy2", "mdy"])))
        elif r < 0.23:
            d.f(" - Rx #$rx at $ph", rx=ident("rx"), ph=ph1 if maybe(0.6) else org("pharmacy"))
        elif r < 0.33:
            d.f(" - last dose $ld", ld=ch([[("today ", None)] + tm(), [("yesterday ", None)] + tm(), day_ref(shift(svc, -3, 0)),
                                          [("this AM", None)], [("unknown", None)]]))
        elif r < 0.42:
            d.t(" - pt not taking")
        d.t("\n")
    d.t("\n" + ch(["Discrepancies / comments:", "ASSESSMENT:", "Notes:"]) + "\n")
    notes = [("Pt reports taking {D:metoprolol} {M:25 mg} BID, not {M:50 mg} daily as listed in outside records. ", {}),
             ("Stopped {D:atorvastatin} on own about 2 months ago due to myalgias. ", {}),
             ("Last dose of {D:Eliquis} $ld per %s. " % k, dict(ld=[("at ", None)] + tm())),
             ("Fill history shows {D:oxycodone} {M:5 mg} #30 filled $dd, prescribed by $dr. ",
              dict(dd=dt(shift(svc, -40, -3)), dr=title_name(Person()))),
             ("PDMP reviewed; {D:lorazepam} {M:0.5 mg} #20 filled $dd at $ph. ",
              dict(dd=dt(shift(svc, -40, -3), ch(["md", "mdy_nz"])), ph=org("pharmacy"))),
             ("Uses {D:insulin glargine} pen, {M:22 units} qHS, not {M:30 units}. ", {}),
             ("Takes OTC {D:ibuprofen} {M:400 mg} most days - recommend avoiding with {D:warfarin}. ", {}),
             ("Brought {D:Sinemet} from $ctry, different strength; verified as {M:25-100 mg}. ", dict(ctry=[(ch(COUNTRIES), "LOCATION")])),
             ("{D:Methotrexate} is weekly (Fridays), confirmed with $dr's office at $p. ",
              dict(dr=title_name(Person()), p=phone(ch(["paren", "dash"])))),
             ("Pt had {X:insulin pump} (serial $sn) - removed and sent home with %s. " % k, dict(sn=ident("serial"))),
             ("Medicare Part D member ID $mid; prior auth for {D:Entresto} on file. ", dict(mid=ident("member")))]
    picked = [(t, sl) for t, sl in rng.sample(notes, rng.randint(1, 2))] + \
        [(t, {}) for t in rng.sample(PHARM_EXTRA, rng.randint(1, 3))]
    rng.shuffle(picked)
    for tmpl, slots in picked:
        d.t("- ")
        d.f(tmpl, **slots)
        d.t("\n")
    if maybe(0.4):
        d.f("Recommend: resume {D:%s}; hold {D:%s} while {V:Cr 1.9}. Discussed with $dr.\n" % (ch(DRUGS)[0], ch(["metformin", "lisinopril", "spironolactone", "empagliflozin"])),
            dr=ch([[("d/w ", None)], [("", None)]]) + title_name(Person()) if False else title_name(Person()))
    d.t("\n")
    d.f(ch(["$r, PharmD\n", "$r, RPh  $pg\n", "Pharmacist: $r  $pg\n", "-- $r, PharmD, BCPS  ext $ex\n"]),
        r=nm(rph, ch(["full", "fml", "fi"]), low), pg=pager(), ex=[(str(rng.randint(1000, 99999)), "PHONE")])
    if maybe(0.3):
        d.f("Time spent: %d min. Completed $dd\n" % rng.randint(15, 60), dd=dt(svc))
    return d


# ---- interpreter services ----------------------------------------------------------
LANG_ORIGIN = {"Spanish": ["Guatemala", "Honduras", "El Salvador", "Mexico", "Dominican Republic", "Colombia", "Peru",
                           "Puerto Rico", "Quetzaltenango", "San Pedro Sula", "Oaxaca", "Medellin", "Ecuador"],
               "Portuguese": ["Brazil", "Portugal", "Sao Miguel", "Ponta Delgada", "Recife", "Braga", "Goiania"],
               "Haitian Creole": ["Haiti", "Port-au-Prince", "Cap-Haitien", "Jacmel"],
               "Cape Verdean Creole": ["Cape Verde", "Praia", "Mindelo"], "Vietnamese": ["Vietnam", "Hanoi", "Hue", "Da Nang"],
               "Cantonese": ["Guangzhou", "Taishan", "China"], "Mandarin": ["China", "Shenyang", "Fuzhou"],
               "Russian": ["Russia", "Moscow", "Minsk", "Saint Petersburg"], "Arabic": ["Syria", "Iraq", "Lebanon", "Aleppo", "Baghdad", "Morocco", "Egypt"],
               "Somali": ["Somalia", "Mogadishu", "Hargeisa"], "Amharic": ["Ethiopia", "Addis Ababa", "Gondar"],
               "Nepali": ["Nepal", "Kathmandu"], "Khmer": ["Cambodia", "Phnom Penh", "Battambang"], "Polish": ["Poland", "Krakow", "Gdansk"],
               "Korean": ["South Korea", "Seoul", "Busan"], "ASL": ["Worcester", "Lowell", "Quincy"], "Tigrinya": ["Eritrea", "Tigray"],
               "Dari": ["Afghanistan"], "Ukrainian": ["Ukraine", "Kyiv", "Lviv", "Kharkiv"], "Greek": ["Greece", "Thessaloniki", "Patras"],
               "Italian": ["Italy", "Sicily", "Naples", "Palermo", "Calabria"]}


def gen_interp():
    case = wpick([("mixed", 7), ("upper", 2), ("lower", 1)])
    d = Doc(case, typo=0.06)
    low = case == "lower"
    pt, it = Person(), Person()
    svc = date_rand()
    age = pick_age(0.35)
    lang = ch(LANGS)
    d.t(ch(["INTERPRETER SERVICES NOTE", "Interpreter Encounter", "Language Services Documentation",
            "interpreter note"]) + "\n")
    mode = ch(["in person", "video (VRI)", "telephonic", "in-person"])
    h0, m0 = rng.randint(7, 19), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    dur = rng.randint(10, 95)
    h1, m1 = divmod(h0 * 60 + m0 + dur, 60)
    tst = ch(["24", "ampm", "mil", "ampm_l"])
    f = [("Patient", nm(pt, ch(["lf", "lfm", "full"])))]
    if maybe(0.7):
        f.append(("MRN", ident("mrn")))
    f += [("Language", [(lang, None)]), ("Mode", [(mode, None)]),
          ("Interpreter", nm(it, ch(["full", "fi", "first"])) + ([(" (ID #", None)] + ident("interp") + [(")", None)] if maybe(0.6) else [])),
          ("Date", dt(svc)), ("Start/End", tm(h0, m0, tst) + [(" - ", None)] + tm(h1 % 24, m1, tst))]
    if mode != "in person" and maybe(0.6):
        f.insert(5, ("Vendor", org("interp")))
    header_lines(d, f, layout=ch(["lines", "pairs"]))
    d.t("\n")
    enc = ch(["informed consent for %s" % ch(["{X:PICC} placement", "colonoscopy", "{X:Port-a-Cath} insertion",
                                            "cardiac catheterization", "{X:pacemaker} implantation",
                                            "thoracentesis", "{E:Whipple} procedure", "{X:chest tube} placement"]),
              "discharge teaching for {D:warfarin}", "family meeting re goals of care",
              "clinic visit with $dr", "ED assessment", "medication teaching ({D:insulin glargine} pen)"])
    d.f("Interpreted %s " % enc, dr=title_name(Person()))
    d.f(ch(["with $dr and $rn present. ", "for the primary team. ", "at bedside on $w. ", "at bedside. "]), dr=title_name(Person()),
        rn=staff_ref(Person(), "RN"), w=[(ward(), "LOCATION")])
    k, q = kin()
    d.f(ch(["Patient's %s $kn also present and asked that information be shared with family. " % k,
            "%s $kn joined by phone from $city. " % k.capitalize(),
            "Pt declined family interpreting by %s $kn. " % k]),
        kn=nm(q, ch(["first", "full"]), low), city=[(ch(FOREIGN_CITIES + [t for t, _ in US_TOWNS]), "LOCATION")])
    d.t("\n")
    ctx = ch(["pred", "tag", "none"])
    d.f({"pred": "Pt is $a, originally from $place, arrived in the US in $yr. ",
         "tag": "Pt ($a) recently arrived from $place; limited literacy in %s. " % lang,
         "none": "Pt is from $place and speaks a regional dialect; some terms clarified. "}[ctx],
        a=age_phrase(age, pt.sex, low=low, ctx="pred" if ctx == "none" else ctx), place=[(ch(LANG_ORIGIN[lang]), "LOCATION")],
        yr=dt(date_rand(1975, 2023), "year"))
    d.f(ch(["Teach-back completed; pt repeated dose {M:%s} and timing correctly. " % ch(["5 mg", "2.5 mg", "10 units", "40 mg"]),
            "Clarified that {D:Lasix} is the 'water pill' and {D:Coumadin} is the 'blood thinner'. ",
            "Pt asked whether she may fast for Ramadan while on {D:metformin}; referred question to MD. ",
            "Pt understood risks incl bleeding and infection; asked whether the {X:chest tube} would hurt - clarified with provider. ",
            "Cultural note: pt prefers female providers; requested chaplain from $ch. "]),
        ch=org("church"))
    d.t("\n")
    extras(d, INTERP_EXTRA, 1, 3)
    d.f(ch(["Duration: %d minutes. " % dur, "Total time %d min. " % dur]))
    if maybe(0.3):
        d.f("Next session scheduled $dd at $t. ", dd=dt(shift(svc, 1, 21), ch(["md", "mdy_nz", "abbr_th"])), t=tm())
    d.t("\n")
    d.add(nm(it, ch(["full", "fi", "init"]), low))
    d.t(ch([", certified medical interpreter", ", CMI", " (" + lang + ")", ", CHI"]))
    if maybe(0.4):
        d.t(ch([" - ", "\n", " | "]))
        d.add(pager() if maybe(0.5) else phone())
    d.t("\n")
    return d


# ---- patient transport / transfer ----------------------------------------------------
def gen_transport():
    case = wpick([("mixed", 5), ("upper", 3), ("lower", 2)])
    d = Doc(case, typo=0.06)
    low = case == "lower"
    pt, co = Person(), Person()
    svc = date_rand()
    age = pick_age(0.4)
    d.t(ch(["TRANSPORT REQUEST", "Transport Coordination Note", "Interfacility Transfer - Transport",
            "Ride / Transport Booking", "TRANSFER CENTER NOTE"]) + "\n")
    vend = org("transport")
    level = ch(["BLS ambulance", "ALS ambulance", "wheelchair van", "chair car", "stretcher van",
                "critical care transport", "bariatric ambulance"])
    frm = ch([[(ward(), "LOCATION")] + [(", ", None)] + hosp(ch(["saint", "memorial", "town_hosp"])), hosp("snf"),
              [(ward(), "LOCATION")], address(with_unit=False)])
    to = ch([hosp("snf"), address(with_unit=False), hosp("imaging"), hosp(ch(["saint", "town_hosp"])), [(ward(), "LOCATION")],
             [("home", None)], [("Dialysis", None)]])
    f = [("Patient", nm(pt, ch(["lf", "lfm", "full"])))]
    if maybe(0.6):
        f.append(("MRN", ident("mrn")))
    if maybe(0.4):
        f.append(("Age", [age_num(age)]))
    f += [("Pickup", dt(svc, ch(["mdy", "mdy_nz", "md", "abbr_th"])) + [(" @ ", None)] + tm()),
          ("From", frm), ("To", to), ("Level", [(level, None)]), ("Vendor", vend)]
    if maybe(0.5):
        f.append(("Conf #", ident("conf")))
    header_lines(d, f, layout=ch(["lines", "lines", "pairs"]))
    d.t("\n")
    d.t(ch(["Clinical needs: ", "NEEDS: ", "Equipment/notes: "]))
    needs = rng.sample(["O2 {M:2 L} NC", "O2 {M:4 L} via NC", "{S:CPAP 10} at night (own machine)", "{X:PICC} RUE",
                        "{E:Foley} in place", "{X:trach} with {S:FiO2 35%} trach collar", "{E:Hoyer} lift at destination",
                        "weight {M:142 kg}", "contact precautions (MRSA)", "{X:wound vac}", "{X:G-tube}",
                        "{X:LVAD} - VAD coordinator to accompany", "{D:heparin drip} at {M:1200 units}/hr",
                        "{X:AICD}", "{X:Dobhoff} - hold feeds for transport", "fall risk, {E:Parkinson disease}",
                        "{S:BiPAP 12/5}", "vent: {S:AC 18/450/5/0.5}"], rng.randint(2, 4))
    for i, n in enumerate(needs):
        d.f(("; " if i else "") + n)
    d.t(".\n")
    extras(d, TRANSPORT_EXTRA, 2, 4)
    d.t("\n")
    k, q = kin()
    if maybe(0.75):
        d.f(ch(["Spoke with %s $kn at $p, aware of transfer and will meet pt at destination. " % k,
            "%s $kn ($p) requests call when pt leaves. " % k.capitalize(),
            "Family contact: $kf (%s) $p. " % k]),
            kn=nm(q, ch(["first", "full"]), low), kf=nm(q, "full", low), p=phone(ch(["paren", "dash", "dot", "space"])))
    d.f(ch(["Report called to $rn at receiving facility at $t. ", "Accepting MD: $dr. ", "Nurse-to-nurse report given to $rn. "]),
        rn=staff_ref(Person(), ch(["RN", "charge RN", "LPN"]), low), dr=title_name(Person(), low), t=tm())
    if maybe(0.35):
        d.f(ch(["Driver $dv called at $t, ETA %d min. " % rng.randint(10, 90), "Ride cancelled at $t, rebooked with $v2 for $dd. ",
                "Insurance: Medicaid, trip auth # $au. "]),
            dv=nm(Person(), "first", low), t=tm(), v2=org("transport"), dd=dt(shift(svc, 1, 3), ch(["md", "abbr_th"])),
            au=ident("auth"))
    if maybe(0.4):
        d.f("Pt $a, %s, needs %s. " % (ch(["A&Ox3", "confused at baseline", "hard of hearing", "non-verbal"]),
                                       ch(["hearing aids packed", "glasses and dentures packed", "one-person assist"])),
            a=age_phrase(age, pt.sex, low=low, ctx="tag"))
    d.t("\n")
    d.f(ch(["$c, transport coordinator ext $x\n", "-- $c\n", "$c / Transfer Center $p\n", "Booked by $c ($i)\n"]),
        c=nm(co, ch(["full", "fi", "first"]), low), x=[(str(rng.randint(1000, 99999)), "PHONE")], p=phone(), i=nm(co, "init"))
    return d


# ---- case management / social work coordination ------------------------------------------
def gen_case_mgmt():
    case = wpick([("mixed", 7), ("upper", 2), ("lower", 1)])
    d = Doc(case, typo=0.06)
    low = case == "lower"
    pt, cm = Person(), Person()
    svc = date_rand()
    age = pick_age(0.45, lo=55)
    d.t(ch(["CASE MANAGEMENT NOTE", "Care Coordination Note", "Social Work / Case Management Progress Note",
            "Discharge Planning Note", "CM Note"]) + "\n")
    f = [("Patient", nm(pt, ch(["lf", "lfm", "full"]))), ("MRN", ident("mrn")), ("Date", dt(svc))]
    if maybe(0.35):
        f.append(("Unit", [(ward(), "LOCATION")]))
    if maybe(0.25):
        f.append(("Insurance", [(ch(["Medicare A/B", "Medicare Advantage", "Medicaid", "commercial"]) + ", ID ", None)] + ident("member")))
    header_lines(d, f, layout=ch(["lines", "pairs"]))
    d.t("\n")
    k, q = kin()
    ap = age_phrase(age, pt.sex, low=low)
    d.f(ch(["Pt is %s $a %s admitted with %s. " % (a_an(ap), sex_word(pt), ch(["CHF exacerbation", "hip fracture s/p ORIF", "urosepsis",
                                                                              "COPD exacerbation", "stroke", "failure to thrive"])),
            "$a %s, adm for %s. " % (sex_word(pt), ch(["PNA", "fall", "AKI", "CHF", "syncope"]))]),
        a=ap)
    d.f(ch(["PTA lived alone in $town (%s); " % ch(["2nd floor walk-up", "single family home, 4 steps to enter", "senior housing"]),
            "PTA lived alone at $addr (%s); " % ch(["2nd floor walk-up", "single family home, 4 steps to enter", "senior housing"]),
            "PTA lived with %s $kn in $town; " % k,
            "PTA resided at $fac; "]),
        addr=address(low=low), kn=nm(q, "first", low), town=[(town()[0], "LOCATION")], fac=hosp("snf"))
    d.f(ch(["HCP is %s $kf ($p). " % k, "HCP: $kf, %s, cell $p. " % k, "%s $kf is HCP, lives in $city. " % k.capitalize(),
            "HCP is %s $kf. " % k, "HCP: %s ($kf). " % k]),
        kf=nm(q, "full", low), p=phone(ch(["paren", "dash", "dot", "space"])), city=[(ch(FOREIGN_CITIES + [t for t, _ in US_TOWNS]), "LOCATION")])
    d.t("\n\n")
    d.t(ch(["PT/OT recs: ", "Therapy: "]))
    d.f(ch(["SAR; ambulates {M:50 ft} with RW, mod assist x1. ", "home with VNA, {M:150 ft} with cane. ",
            "LTC vs SAR; {E:Hoyer} for transfers. ", "SAR; {F:3/5} strength LLE post ORIF, TTWB. "]))
    d.t("\n")
    extras(d, CM_EXTRA, 2, 4)
    d.t("\n" + ch(["Referrals sent:", "Facilities contacted:", "SNF search:"]) + "\n")
    for i in range(rng.randint(1, 3)):
        d.t("- ")
        d.add(hosp("snf"))
        d.add(ch([[(" - accepted, bed available ", None)] + dt(shift(svc, 1, 4), ch(["md", "mdy_nz", "abbr_th"])),
                  [(" - declined (no LTC beds)", None)], [(" - pending clinical review", None)],
                  [(" - admissions ", None)] + nm(Person(), ch(["first", "full"]), low) + [(" ", None)] + phone(ch(["paren", "dash"])),
                  [(" - in ", None), (town()[0], "LOCATION"), (", family prefers (near church)", None)]]))
        d.t("\n")
    d.t("\n")
    d.f(ch(["Family meeting held $dd with %s $kn and $dr. " % k, "Family meeting held at $t with %s $kn, son-in-law $sil, and the team. " % k,
            "Met with %s $kn at bedside; %s works at $emp and cannot provide 24h care. " % (k, ch(["she", "he"])),
            "Called %s $kn, who is currently in $ctry and returns $dd. " % k]),
        dd=dt(shift(svc, 0, 3), ch(["md", "abbr_th", "mdy_nz"])), t=tm(), kn=nm(q, "first", low),
        sil=nm(Person("M"), "first", low), dr=title_name(Person(), low), emp=org("employer"),
        ctry=[(ch(COUNTRIES), "LOCATION")])
    d.f(ch(["Auth requested from insurer, ref # $au. ", "Medicare 3-midnight stay met. ", "Auth # $au approved for 14 days. ",
            "Awaiting insurance auth. "]), au=ident("auth"))
    if maybe(0.35):
        d.f(ch(["PCP $dr at $pr notified. ", "VNA: $vna, SOC $dd. ", "DME ({X:hospital bed}, {X:rolling walker}) ordered via $vend. "]),
            dr=title_name(Person(), low), pr=hosp("practice"), vna=org("vna"), dd=dt(shift(svc, 2, 6), ch(["md", "mdy_nz"])),
            vend=[(ch(PLACE_WORDS) + ch([" Medical Supply", " Home Medical", " DME"]), "ORGANIZATION")])
    d.t("\n\n")
    d.f(ch(["$c, RN CM  $p\n", "$c, LICSW  $pg\n", "-- $c, Case Manager  x$x\n", "$c MSW\n"]),
        c=nm(cm, ch(["full", "fml", "fi"]), low), p=phone(ch(["paren", "dash"])), pg=pager(),
        x=[(str(rng.randint(1000, 99999)), "PHONE")])
    return d


# ---- documents without PHI ---------------------------------------------------------
def gen_nophi_sr():
    mode = ch(["raw", "semi"])
    d = Doc("lower" if mode == "raw" else ch(["mixed", "upper"]), spoken=0.8 if mode == "raw" else 0.1,
            sr=0.3 if mode == "raw" else 0.1)
    S = SR(mode)
    spoken = mode == "raw"
    E = EXAMS[ch(list(EXAMS))]
    if spoken:
        d.t(ch(["addendum ", "okay ", "continuing ", "this is an addendum to the "]) + ch(E["name"]).lower())
        S.end(d)
    else:
        d.t(ch(["ADDENDUM (voice recognition)\n", "Preliminary read - SR draft\n", "PRELIM\n"]))
        d.t("Exam: " + ch(E["name"]) + "\n\n")
    S.head(d, "findings")
    sr_sentences(d, S, rng.sample(E["find"], min(len(E["find"]), rng.randint(3, 6))), spoken)
    S.para(d)
    S.head(d, "impression")
    for s in rng.sample(E["imp"], min(len(E["imp"]), rng.randint(1, 2))):
        d.f(sent_lower_first(s) if spoken else s)
        S.end(d)
    if maybe(0.5):
        d.f(ch(["recommend clinical correlation", "follow up imaging in 3 months is suggested",
                "no change to prior recommendations", "discussed with the ordering team"]))
        S.end(d)
    if spoken:
        d.t(ch(["end of addendum", "end of dictation", "thank you"]) + "\n")
    return d


def gen_nophi_medlist():
    d = Doc(ch(["mixed", "upper", "lower"]))
    d.t(ch(["HOME MEDICATION LIST (patient reported)", "Medication list - reviewed with patient",
            "Current Outpatient Medications", "PTA MEDS"]) + "\n\n")
    for i in range(rng.randint(5, 12)):
        d.t(ch(["%d. " % (i + 1), "- ", "* "]))
        d.add(drug_pieces())
        if maybe(0.2):
            d.t(ch([" (not taking)", " - pt unsure of dose", " (held)", " - takes half tab"]))
        d.t("\n")
    d.t("\nAllergies: ")
    al = rng.sample(ALLERGIES, rng.randint(1, 3))
    for i, (a, rx) in enumerate(al):
        d.f(("; " if i else "") + "{D:%s} (%s)" % (a, rx))
    d.t("\n")
    if maybe(0.6):
        d.f(ch(["Pt uses pill organizer; adherence fair. ", "Reviewed for interactions: {D:warfarin} + {D:amiodarone} - INR monitoring advised. ",
                "Vaccines: {D:influenza vaccine} and {D:Shingrix} series complete. ",
                "Pt uses {X:insulin pump}; basal {M:0.8 units}/hr. "]) + "\n")
    return d


def gen_nophi_triage():
    d = Doc(ch(["mixed", "mixed", "upper"]), typo=0.05)
    topic = ch(["Chest pain", "Shortness of breath", "Fever in adult", "Anticoagulant - bleeding", "Hyperglycemia",
                "Post-op wound concern", "Dizziness"])
    d.t("TELEPHONE TRIAGE PROTOCOL: " + topic + "\n")
    d.t(ch(["Caller: patient\n", "Caller: family member\n", "Caller: facility nurse\n"]))
    d.t("\nAssessment questions:\n")
    qs = ["Difficulty breathing? no", "Chest pain now? no", "Fever over {V:T 100.4}? yes",
          "Home {V:SpO2 93%} reported", "Home {V:BP 150/88}, {V:HR 96}", "Blood sugar {V:BG 318} per meter",
          "Bleeding that won't stop with {M:10 min} of pressure? no", "Taking {D:warfarin} or {D:apixaban}? yes",
          "Pain level {F:7/10}", "New confusion? no", "Urine output decreased? unsure", "Calf swelling? no",
          "Wound drainage, redness > {M:2 cm} around incision? yes"]
    for q in rng.sample(qs, rng.randint(4, 7)):
        d.t("- ")
        d.f(q)
        d.t("\n")
    d.t("\nDisposition: " + ch(["Call 911", "Go to ED now", "See provider within 24 hours", "Home care advice",
                                 "Callback by provider within 4 hours"]) + "\n")
    d.t("Care advice given: ")
    d.f(ch(["take {D:acetaminophen} {M:650 mg} q6h PRN, push fluids. ",
            "do not take {D:ibuprofen} with {D:Eliquis}. ",
            "check sugar q2h, take correction {D:insulin lispro} per scale. ",
            "keep leg elevated, call back if fever. ",
            "use {D:albuterol} {M:2 puffs} q4h, call back if no better. "]))
    d.t("Caller agrees with disposition. Protocol used per RN triage guidelines.\n")
    return d


def gen_nophi_portal():
    d = Doc(ch(["mixed", "mixed", "lower"]))
    d.t(ch(["Automated message from your care team", "Test Result Notification", "Portal message (no reply)",
            "Your results are available"]) + "\n\n")
    d.t(ch(["Dear patient,\n\n", "Hello,\n\n", "Hi there - "]))
    d.f(ch(["Your recent lab results have been reviewed. Your {V:A1c 7.2} is improved from before. ",
            "Your kidney function is stable ({V:Cr 1.3}) and potassium is normal ({V:K 4.4}). ",
            "Your cholesterol panel shows {V:LDL 142}; we recommend starting {D:atorvastatin} {M:20 mg} nightly. ",
            "Your thyroid level ({V:TSH 6.8}) is slightly high, so we will increase {D:levothyroxine} to {M:75 mcg}. ",
            "Your chest x-ray shows no pneumonia. "]))
    d.f(ch(["Please continue {D:metformin} {M:500 mg} twice daily. ", "No changes to your medications are needed. ",
            "Please repeat labs in 3 months. ", "Take {D:vitamin D3} {M:2000 units} daily. "]))
    extras(d, ["Remember to check your blood pressure at home a few times a week. ",
               "Keep taking your {D:aspirin} {M:81 mg} unless told otherwise. ",
               "If you notice swelling, shortness of breath or a weight gain over {M:3 lbs} in a day, let us know. ",
               "Your {V:LDL 98} is at goal. ", "Your blood count is normal ({V:Hgb 13.1}). ",
               "We recommend the {D:influenza vaccine} this fall. ", "Please bring your {X:glucometer} to your next visit. "], 1, 3)
    d.t(ch(["If you have questions, reply to this message or call the clinic during business hours. ",
            "For emergencies, call 911. Do not use the portal for urgent issues. "]))
    d.t(ch(["\n\n- Your care team\n", "\n\nThank you,\nClinic nursing staff\n", "\n"]))
    if maybe(0.5):
        d.t("\nReminder: flu shots are available at all clinic locations. Bring your medication list and pill bottles to every visit.\n")
    return d


# ---------------------------------------------------------------------------
# driver + self-check
# ---------------------------------------------------------------------------
GENS = [(gen_sr_rad, 14), (gen_sr_note, 11), (gen_portal_patient, 12), (gen_portal_family, 10),
        (gen_phone_note, 12), (gen_voicemail, 6), (gen_pharm, 11), (gen_interp, 7),
        (gen_transport, 7), (gen_case_mgmt, 8)]
NOPHI_GENS = [(gen_nophi_sr, 3), (gen_nophi_medlist, 2), (gen_nophi_triage, 2), (gen_nophi_portal, 2)]
MIN_LEN, MAX_LEN = 300, 2500


def make_record(idx, seed):
    nophi = maybe(0.15)
    for _ in range(200):
        g = wpick(NOPHI_GENS if nophi else GENS)
        d = g()
        txt = d.text()
        if not (MIN_LEN <= len(txt) <= MAX_LEN):
            continue
        if nophi and d.phi:
            continue
        if not nophi and not d.phi:
            continue
        return {"id": "gen_g-%d-%05d" % (seed, idx), "text": txt,
                "phi": [{"start": a, "end": b, "label": l} for a, b, l in d.phi],
                "protected": [{"start": a, "end": b, "kind": k} for a, b, k in d.prot]}
    raise RuntimeError("could not generate a document within length bounds")


def check(rec):
    errs = []
    txt = rec["text"]
    if not (MIN_LEN <= len(txt) <= MAX_LEN):
        errs.append("length %d" % len(txt))
    for key, lab_key, labs in (("phi", "label", PHI_LABELS), ("protected", "kind", KINDS)):
        prev = -1
        for s in rec[key]:
            a, b = s["start"], s["end"]
            if not (0 <= a < b <= len(txt)):
                errs.append("%s span out of range %r" % (key, s))
                continue
            if s[lab_key] not in labs:
                errs.append("bad label %r" % s)
            seg = txt[a:b]
            if seg != seg.strip() or not seg.strip():
                errs.append("whitespace at span edge %r %r" % (s, seg))
            if a < prev:
                errs.append("%s spans unsorted/overlapping at %r" % (key, s))
            prev = b
    # no phi/protected overlap
    i = j = 0
    P, Q = rec["phi"], rec["protected"]
    while i < len(P) and j < len(Q):
        if P[i]["end"] <= Q[j]["start"]:
            i += 1
        elif Q[j]["end"] <= P[i]["start"]:
            j += 1
        else:
            errs.append("phi %r overlaps protected %r" % (P[i], Q[j]))
            break
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng.seed(a.seed)
    recs = [make_record(i, a.seed) for i in range(a.n)]
    bad = 0
    for r in recs:
        e = check(r)
        if e:
            bad += 1
            sys.stderr.write("SELF-CHECK FAIL %s: %s\n" % (r["id"], "; ".join(e[:5])))
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    nphi = sum(len(r["phi"]) for r in recs)
    withphi = sum(1 for r in recs if r["phi"])
    sys.stderr.write("wrote %d docs to %s; %d with PHI (%.0f%%); %d PHI spans; %d protected spans; self-check %s\n"
                     % (len(recs), a.out, withphi, 100.0 * withphi / max(1, len(recs)), nphi,
                        sum(len(r["protected"]) for r in recs), "FAILED" if bad else "passed"))
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
