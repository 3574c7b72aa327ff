#!/usr/bin/env python3
"""Synthetic annotated radiology corpus generator (mixed modality, terse RIS style).

python3 gen.py --seed S --n N --out FILE.jsonl

Every PHI value is inserted through Doc.p() which records its exact span;
protected clinical content goes through Doc.k(). Plain template text goes
through Doc.t() and never contains names, places, dates or identifiers.
"""
import argparse
import datetime
import json
import random
import sys
import unicodedata

# ---------------------------------------------------------------------------
# Surrogate value lists (written for this program)
# ---------------------------------------------------------------------------
GIVEN = """
James John Robert Michael William David Richard Thomas Charles Christopher Daniel Matthew
Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald
Timothy Jason Jeffrey Ryan Gary Nicholas Eric Stephen Jonathan Larry Scott Frank Justin
Raymond Gregory Samuel Benjamin Patrick Jack Dennis Jerry Alexander Henry Douglas Peter
Walter Harold Arthur Marcus Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica
Sarah Karen Nancy Margaret Lisa Betty Dorothy Sandra Ashley Kimberly Donna Emily Michelle
Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Shirley
Helen Brenda Pamela Ruth Katherine Christine Catherine Virginia Rachel Janet Heather Diane
Joyce Evelyn Frances Gloria Mildred Edith Agnes Gertrude Lorraine Hope Joy Faith Grace Rose
Summer Dawn Iris Ivy Pearl Ruby Violet Hunter Miles River Mercy Sunny Honor Autumn Storm
Siobhan Niamh Aoife Saoirse Ciaran Padraig Eoin Declan Cormac Fionnuala Roisin Seamus Callum
Eilidh Isla Ailsa Lachlan Murdo Morag Torquil
José Juan Luis Carlos Jorge Miguel Alejandro Guadalupe María Lucía Ximena Itzel Marisol
Consuelo Rocío Socorro Esperanza Yolanda Rafael Joaquín Santiago Mateo Valentina Camila Araceli
João Gonçalo Tiago Inês Leonor Conceição Rui Duarte Filipa Thaís Vitória Caio
Jean-Luc Mathilde Amélie Étienne Thibault Sylvie Benoît Margaux Gaëlle Rémi Céline Aurélien
Joost Maarten Sanne Femke Pieter Griet Jürgen Wolfgang Anneliese Heike Dieter Lieselotte Matthias Greta
Giuseppe Salvatore Giovanna Francesca Alessandro Lorenzo Chiara Benedetta Vincenzo Rosaria Carmela Gianluca
Krzysztof Wojciech Małgorzata Agnieszka Grzegorz Jadwiga Zbigniew Bożena Tomasz Katarzyna
Dmitri Sergei Yekaterina Anastasia Vladimir Svetlana Nikolai Lyudmila Grigory Tatiana Boris
Oksana Taras Bohdan Olena Mykola Yaroslava Volodymyr Halyna Oleksandr Iryna
Georgios Eleni Dimitrios Konstantinos Vasiliki Panagiotis Athanasia Spyridon Kalliope Stavros
Mehmet Ayşe Emre Zeynep Burak Elif Mustafa Gökhan Selin Oğuz
Mohammed Fatima Ahmed Aisha Omar Layla Khalid Yusuf Nour Hassan Mariam Tariq Rania Ibrahim
Dariush Shirin Farhad Parisa Kourosh Nasrin Mehrdad Roya Babak Golnaz
Adebayo Oluwaseun Folake Babatunde Temitope Olumide Funmilayo Ayodele
Chinedu Ngozi Chukwuemeka Adaeze Obinna Ifeoma Nnamdi Chiamaka
Kwame Akosua Kofi Ama Yaw Abena Kwabena Efua Kwaku Adjoa
Wanjiru Njeri Achieng Tesfaye Abebe Mulugeta Amani Baraka Zawadi Hiwot
Priya Rajesh Anjali Vikram Sunita Arjun Lakshmi Sanjay Deepika Harpreet Gurpreet Venkatesh
Meenakshi Farhana Imran Nirmala
Wei Xiaoling Jian Mei Zhiwei Yan Haoran Jing Liang Xiuying
Min-jun Seo-yeon Ji-hoon Eun-ji Hyun-woo Soo-ah Dong-hyun Yeon-woo
Thanh Huong Minh Linh Quang Thuy Duc Phuong
Hiroshi Yuki Kenji Haruka Takeshi Aiko Satoshi Emiko Ren Sakura
Rizalino Maricel Jocelyn Rodrigo Lourdes Bayani Ligaya Marites Dalisay
Ayasha Chayton Winona Takoda Kimimela Hototo Aponi Enola
Sigrid Bjørn Astrid Leif Ingrid Sven Solveig Torbjørn Freya Eskil Hallvard Ragnhild
""".split()

SURNAMES = """
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
Thompson White Harris Clark Lewis Walker Hall Allen Wright Hill Scott Green Adams Baker
Nelson Carter Mitchell Roberts Turner Phillips Parker Evans Edwards Collins Stewart Morris
Cook Rogers Reed Bailey Bell Cooper Richardson Cox Howard Ward Peterson Gray Hughes Price
Sanders Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson
Hadley Whitcombe Ashworth Pemberton Fairweather Thistlewood Cartwright Blackwood Ellison
Hope Frost Bishop Lane Hardy Wolf Young Rivers Joy Church Marsh Banks Fox Moody Strong Wise
Love Bliss Sterling Winter Summers Cash Story Bond Pierce Knight Mason Sharp Swift Bright
Lamb Crane Fields Booth Shepherd Murphy Graves Parkinson Foley
O'Shaughnessy O'Brien O'Connor McCarthy MacDonald McAllister MacLeod O'Sullivan Fitzgerald
Gallagher Kavanagh Donnelly McGillicuddy MacKenzie Cathcart Buchanan Fergusson McTavish
O'Donoghue Byrne Quinlan
Gutiérrez Ramírez Sánchez Morales Castillo Ortega Delgado Vargas Mendoza Aguilar Villanueva
Domínguez Echeverría
Silva Santos Oliveira Pereira Costa Carvalho Gonçalves Rodrigues Ferreira Magalhães Figueiredo
Dubois Lefèvre Moreau Laurent Girard Rousseau Fontaine Chevalier Beauchamp Thibodeaux Leblanc
Dufresne Boucher
Vandermeer Schmidt Müller Schneider Fischer Weber Hoffmann Zimmermann Krüger Baumgartner
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
Lombardi Mancini D'Angelo
Kowalski Nowak Wiśniewski Wójcik Kamińska Lewandowski Zieliński Szymański Woźniak Dąbrowski
Grabowski Przybylski
Ivanov Smirnov Kuznetsova Popov Sokolov Lebedev Kozlov Novikova Morozov Volkov Solovyov Vasiliev
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Hrytsenko Savchuk
Papadopoulos Georgiou Nikolaidis Karagiannis Vlachos Papadakis Antonopoulou Christodoulou
Stavridis Economou
Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan
al-Rashid Haddad Khoury Nasser al-Masri Abdullah Hamdan El-Amin Mansour Saleh Farouk Bakr
Tehrani Hosseini Moradi Rahimi Karimi Ahmadi Jafari Sadeghi Farahani Ghorbani
Adeyemi Adebayo Ogunleye Oyelaran Afolabi Olawale Adesanya
Okonkwo Nwosu Eze Okafor Chukwu Obi Nwachukwu Igwe Onyekachi
Mensah Owusu Boateng Asante Osei Agyeman Ofori Appiah Darko
Mwangi Kamau Otieno Wanjiku Odhiambo Kiprono Tesfaye Bekele Haile Abdi Mohamud
Patel Sharma Gupta Singh Reddy Iyer Chatterjee Banerjee Nair Menon Krishnamurthy Chaudhry
Siddiqui Rahman Bhattacharya Venkataraman Qureshi
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Guo Lin Gao Luo
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin
Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Ngo Duong
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada
Sasaki Matsumoto
Reyes Bautista Aquino Macaraeg Dimaculangan Pangilinan Magsaysay Tolentino
Begay Yazzie Tsosie Benally Redcloud Whitehorse Runningwater Littlebear Manygoats
Lindqvist Johansson Andersen Nilsson Hansen Larsen Eriksson Haugen Bergström Halvorsen
Lundgren Kristiansen Solberg Sigurðsson
""".split()

# multi-word / particle surnames (kept separately so they can contain spaces)
PARTICLE_SURNAMES = [
    "de la Fuente", "van der Berg", "van Dijk", "de Vries", "van den Heuvel", "ter Haar",
    "von Essen", "von Hagen", "da Silva", "dos Santos", "De Luca", "Di Stefano", "Di Napoli",
    "dela Cruz", "del Rosario", "bin Saleh", "al-Hakim", "Two Bulls", "Martínez de la Cruz",
    "García Márquez", "Hernández López", "Rodríguez Vega", "Torres Ochoa", "Fuentes Ibarra",
    "O'Shaughnessy-Ruiz", "Smith-Okafor", "Lee-Hampton", "Nakamura-Stein", "Ashworth-Boateng",
    "Le Roux", "St. Clair", "van Rensburg", "de Souza", "ben Haim",
]

SYLL = ["ka", "lo", "ven", "dri", "sa", "mor", "tel", "quin", "zar", "bel", "ith", "os",
        "ur", "nav", "ly", "rho", "ga", "fen", "tri", "mo", "shi", "xan", "ae", "vor",
        "dal", "wyn", "ek", "ba", "ru", "tho", "li", "nek", "sor"]

CITIES = """
Boston|Worcester|Springfield|Lowell|Brockton|Quincy|Lynn|Fall River|New Bedford|Framingham|
Gloucester|Haverhill|Pittsfield|Chicopee|Taunton|Attleboro|Marlborough|Woburn|Revere|Medford|
Malden|Somerville|Waltham|Peabody|Beverly|Salem|Fitchburg|Leominster|Braintree|Dedham|
Providence|Pawtucket|Warwick|Cranston|Nashua|Manchester|Concord|Portland|Bangor|Lewiston|
Burlington|Rutland|Hartford|New Haven|Stamford|Bridgeport|Albany|Syracuse|Buffalo|Rochester|
Ithaca|Yonkers|Newark|Trenton|Camden|Scranton|Allentown|Harrisburg|Pittsburgh|Erie|
Baltimore|Annapolis|Richmond|Norfolk|Roanoke|Raleigh|Durham|Asheville|Charleston|Savannah|
Macon|Tallahassee|Gainesville|Tampa|Orlando|Pensacola|Mobile|Birmingham|Huntsville|Jackson|
Memphis|Knoxville|Chattanooga|Louisville|Lexington|Cincinnati|Dayton|Akron|Toledo|Columbus|
Fort Wayne|Gary|Peoria|Rockford|Joliet|Madison|Green Bay|Duluth|Fargo|Sioux Falls|Omaha|
Topeka|Wichita|Tulsa|Amarillo|Lubbock|El Paso|Laredo|Abilene|Shreveport|Baton Rouge|
Little Rock|Springdale|Boise|Billings|Casper|Cheyenne|Provo|Ogden|Reno|Flagstaff|Tucson|
Santa Fe|Las Cruces|Eugene|Spokane|Tacoma|Yakima|Fresno|Modesto|Bakersfield|Oxnard|
Anchorage|Fairbanks|Hilo|Kailua|
Guadalajara|Oaxaca|Puebla|Tegucigalpa|San Pedro Sula|Quetzaltenango|Santa Ana|Managua|
Ponce|Mayagüez|Santiago de los Caballeros|Port-au-Prince|Les Cayes|Kingston|Montego Bay|
Medellín|Cali|Cuenca|Arequipa|Cochabamba|Recife|Belo Horizonte|Porto Alegre|Praia|Mindelo|
Porto|Braga|Coimbra|Lyon|Marseille|Nantes|Rouen|Galway|Cork|Limerick|Sligo|Aberdeen|
Inverness|Dundee|Leeds|Norwich|Plymouth|Utrecht|Eindhoven|Groningen|Bremen|Leipzig|
Freiburg|Palermo|Bari|Naples|Bologna|Kraków|Gdańsk|Poznań|Lublin|Lviv|Kharkiv|Odesa|
Dnipro|Vinnytsia|Kazan|Samara|Tver|Thessaloniki|Patras|Heraklion|Izmir|Konya|Trabzon|
Beirut|Tripoli|Aleppo|Homs|Mosul|Basra|Isfahan|Shiraz|Tabriz|Ibadan|Abeokuta|Enugu|Onitsha|
Kumasi|Tamale|Cape Coast|Kisumu|Nakuru|Mombasa|Gondar|Bahir Dar|Mogadishu|Hargeisa|
Chennai|Pune|Lucknow|Ludhiana|Amritsar|Kochi|Sylhet|Chittagong|Lahore|Peshawar|Pokhara|
Guangzhou|Fuzhou|Wenzhou|Chengdu|Busan|Daegu|Incheon|Da Nang|Hue|Can Tho|Osaka|Sendai|
Fukuoka|Cebu|Iloilo|Davao|Bergen|Tromsø|Uppsala|Aarhus|Tampere|Akureyri|
Ashcombe|Wexley Falls|Marrowby|Thornfield|Quillan|Dunmore Hollow|Greyhaven|Port Ellery|
Saltmarsh|Halloway|Brackenridge|Cold Spring Mills|East Varrow|Fennimore|Lindenhurst Bay|
Oakhaven|Pellston Ridge|Rookwood|Stillwater Crossing|Tamsin|Upper Kelby|Vantry|Westmere|
Yarrowgate|Zellick|Hollis Valley|North Ambry|Covington Mills|Alder Bluff|Briarmoor
"""
CITIES = [c.strip() for c in CITIES.replace("\n", "").split("|") if c.strip()]

TOWN_PREFIX = ["Ash", "Birch", "Cold", "Elm", "Fair", "Glen", "High", "Kings", "Lake", "Mill",
               "North", "Oak", "Pine", "Red", "Stone", "West", "Wil", "Har", "Brad", "Cran"]
TOWN_SUFFIX = ["ford", "field", "ton", "bury", "wick", "ham", "dale", "brook", "haven", "port",
               "ville", "mouth", "stead", " Falls", " Springs", " Hollow", " Harbor"]

STATES = ["MA", "NH", "RI", "ME", "VT", "CT", "NY", "NJ", "PA", "FL", "OH", "TX", "CA",
          "Massachusetts", "New Hampshire", "Maine", "Rhode Island", "Connecticut"]

COUNTRIES = ["Guatemala", "Ukraine", "Haiti", "the Dominican Republic", "Cape Verde", "Brazil",
             "Vietnam", "Somalia", "India", "the Philippines", "El Salvador", "Honduras",
             "Nigeria", "Ghana", "Kenya", "Ethiopia", "Peru", "Mexico", "China", "Cambodia",
             "Poland", "Russia", "Ireland", "Portugal", "Lebanon", "Syria", "Iraq",
             "Afghanistan", "Nepal", "Bangladesh", "Pakistan", "Jamaica", "Colombia", "Ecuador",
             "Bolivia", "Turkey", "Greece", "Eritrea", "Sierra Leone", "Laos", "Myanmar"]

STREETS = ["Maple", "Oak", "Elm", "Washington", "Highland", "Prospect", "Summer", "Beacon",
           "Chestnut", "Pleasant", "Cedar", "Mill", "Union", "Water", "Centre", "Spring",
           "Hawthorne", "Linden", "Ashford", "Cottage", "Fuller", "Granite", "Harbor",
           "Kenwood", "Lowell", "Mystic", "Orchard", "Quarry", "Riverbend", "Saltonstall",
           "Tremont", "Vinal", "Whitney", "Woodbine", "Amory", "Blue Hill", "Dorchester",
           "Old Colony", "Fenwick", "Juniper", "Larkspur", "Dudley", "Kilsyth", "Montvale"]
STREET_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Ln", "Lane", "Blvd", "Way",
                "Terrace", "Ct", "Drive", "Dr", "Pl", "Circle"]

FAC_STEMS = ["Maple Crest", "Hollis Valley", "St. Brigid's", "Riverside", "North Shore",
             "Mercy Hollow", "Blue Heron", "Cedar Knoll", "Lakeview", "Pine Ridge",
             "St. Anselm's", "Our Lady of Sorrows", "Harborview", "Greystone", "Willow Bend",
             "Fairhaven", "Sacred Heart", "Brookside", "Eastfield", "Whitcombe Memorial",
             "Ashworth", "Kingsbridge", "Meadowbrook", "Sunnyvale", "Laurel Hill",
             "Good Samaritan", "St. Columba's", "Beth Shalom", "Copley", "Tamarack",
             "Seven Oaks", "Evergreen", "Heritage", "Baystate", "Granite State",
             "Silver Lake", "Oak Terrace", "Highgate", "Stonebridge", "Millbrook",
             "Prospect Hill", "Bellweather", "Carrow", "St. Elspeth's", "Wexley",
             "Marrowby Valley", "Alder Bluff", "Briarmoor", "Quarry Point", "Pelham Bay"]
FAC_TYPES_HOSP = ["Hospital", "Medical Center", "Regional Medical Center", "Community Hospital",
                  "Memorial Hospital", "General Hospital", "Clinic", "Health", "Health Center"]
FAC_TYPES_LTC = ["Nursing Home", "Rehab", "Rehabilitation Center", "House", "Manor", "Villa",
                 "Lodge", "Hospice", "Care Center", "Skilled Nursing", "Assisted Living",
                 "Senior Living", "Nursing and Rehab"]
FAC_TYPES_OUT = ["Imaging", "Imaging Center", "Radiology Associates", "Cardiology Associates",
                 "Pulmonary Associates", "Open MRI", "Diagnostic Imaging", "Urgent Care",
                 "Family Practice", "Medical Group", "Orthopedics"]

WARD_STEMS = ["Ellison", "Blake", "White", "Bigelow", "Lunder", "Grey", "Phillips", "Baker",
              "Farnsworth", "Thorndike", "Cabot", "Shattuck", "Reisman", "Feldberg", "Rabb",
              "Stoneman", "Kessler", "Clough", "Lowry", "Tisch", "Sherman", "Carrow",
              "Whitby", "Aldous", "Yawkey", "Gryzmish", "Palmer", "Hollis", "Mayhew", "Danforth"]

ORG_STEMS = ["Kessler", "Bay State", "Harbor", "Pemberton", "Granite", "Northeast", "Atlantic",
             "Merrimack", "Tri-County", "Consolidated", "Blackstone", "Ashworth", "Quincy",
             "Fall River", "Dorsey", "Halvorsen", "Old Colony", "Keystone", "Pioneer Valley"]
ORG_TYPES = ["Marine Works", "Foundry", "Textiles", "Construction", "Shipyard", "Insulation Co.",
             "Mills", "Roofing", "Logistics", "Brake and Clutch", "Asbestos Abatement",
             "Quarry", "Steel", "Boiler Works", "Transit Authority", "Coal and Oil"]
SCHOOLS = ["Lincoln Elementary", "Jefferson Middle School", "St. Agnes Academy",
           "Westmere High School", "Quincy Vocational", "Brackenridge Community College",
           "Holy Family School", "Edgewood Montessori", "Tamsin Regional High"]
CHURCHES = ["St. Anselm Parish", "First Baptist Church", "Grace Lutheran", "Holy Trinity Greek Orthodox",
            "Temple Beth El", "Masjid al-Noor", "St. Volodymyr Ukrainian Catholic Church",
            "Bethel AME", "Iglesia Pentecostal Monte Sion"]
TELERAD = ["NightHawk Teleradiology Partners", "Vigilant Remote Reads LLC", "StatView Teleradiology",
           "Nocturne TeleImaging Services", "Meridian Teleradiology Group", "Apex Remote Radiology, Inc.",
           "Halcyon TeleRad", "Polaris Teleradiology", "Sentinel Night Reads", "Lumen TeleRadiology LLC",
           "Overnight Radiology Partners", "Virtual Radiologic Associates"]
OCCUPATIONS = ["welder", "pipefitter", "shipyard worker", "boilermaker", "insulator", "teacher",
               "electrician", "mechanic", "machinist", "custodian", "roofer", "stonecutter"]

HOLIDAYS = ["Christmas", "Christmas Eve", "Thanksgiving", "New Year's Day", "Easter",
            "Labor Day", "Memorial Day", "Independence Day", "Valentine's Day", "Halloween"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

NUMWORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
            94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
            98: "ninety-eight", 99: "ninety-nine", 100: "one hundred", 101: "one hundred and one",
            102: "one hundred two", 103: "one hundred three", 104: "one hundred four"}
LOW_WORDS = {54: "fifty-four", 61: "sixty-one", 67: "sixty-seven", 72: "seventy-two",
             78: "seventy-eight", 83: "eighty-three", 86: "eighty-six", 88: "eighty-eight",
             45: "forty-five", 39: "thirty-nine"}

LOBES = ["right upper lobe", "right middle lobe", "right lower lobe", "left upper lobe",
         "lingula", "left lower lobe"]
LOBE_AB = ["RUL", "RML", "RLL", "LUL", "lingula", "LLL"]

PHI_LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL",
              "ORGANIZATION", "CONTACT"}
KINDS = {"MEASUREMENT", "FRACTION", "SETTING", "VITAL", "EPONYM", "DEVICE", "DRUG"}


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if ord(c) < 128)


# ---------------------------------------------------------------------------
# Document builder
# ---------------------------------------------------------------------------
class Doc:
    def __init__(self, rng, case, phi_on=True):
        self.rng = rng
        self.case = case          # 'upper' | 'lower' | 'mixed'
        self.phi_on = phi_on
        self.parts = []
        self.n = 0
        self.phi = []
        self.prot = []

    def _c(self, s, case=None):
        c = self.case
        if c == "mixed" and case:
            c = case
        if c == "upper":
            return s.upper()
        if c == "lower":
            return s.lower()
        return s

    def _noise(self, s):
        r = self.rng
        if len(s) < 25:
            return s
        x = r.random()
        if x < 0.018:
            words = [i for i, w in enumerate(s.split(" ")) if len(w) >= 6 and w.isalpha()]
            if words:
                ws = s.split(" ")
                i = r.choice(words)
                w = ws[i]
                j = r.randint(1, len(w) - 3)
                ws[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
                s = " ".join(ws)
        elif x < 0.05:
            idx = [i for i, ch in enumerate(s) if ch == " " and 0 < i < len(s) - 1]
            if idx:
                i = r.choice(idx)
                s = s[:i] + ("\n" if r.random() < 0.5 else "  ") + s[i + 1:]
        return s

    def t(self, s, noise=True):
        if not s:
            return self
        s = self._c(s)
        if noise:
            s = self._noise(s)
        self.parts.append(s)
        self.n += len(s)
        return self

    def p(self, s, label, case=None):
        assert label in PHI_LABELS, label
        s = self._c(s, case)
        assert s and s == s.strip(), repr(s)
        self.phi.append({"start": self.n, "end": self.n + len(s), "label": label})
        self.parts.append(s)
        self.n += len(s)
        return self

    def k(self, s, kind):
        assert kind in KINDS, kind
        s = self._c(s)
        assert s and s == s.strip(), repr(s)
        self.prot.append({"start": self.n, "end": self.n + len(s), "kind": kind})
        self.parts.append(s)
        self.n += len(s)
        return self

    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------------------
# Value generators
# ---------------------------------------------------------------------------
def invented_name(r, cap=True):
    n = "".join(r.choice(SYLL) for _ in range(r.randint(2, 3)))
    return n.capitalize() if cap else n


def given(r):
    x = r.random()
    if x < 0.07:
        return invented_name(r)
    return r.choice(GIVEN)


def surname(r):
    x = r.random()
    if x < 0.07:
        return invented_name(r)
    if x < 0.17:
        return r.choice(PARTICLE_SURNAMES)
    if x < 0.20:
        a, b = r.choice(SURNAMES), r.choice(SURNAMES)
        if a != b and " " not in a + b:
            return a + "-" + b
    return r.choice(SURNAMES)


class Person:
    def __init__(self, r, sex=None):
        self.sex = sex or r.choice("MF")
        self.first = given(r)
        self.last = surname(r)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW")

    def initials(self):
        f = self.first[0]
        l_ = [w for w in self.last.replace("-", " ").split() if w[0].isupper()] or [self.last]
        return f + l_[-1][0] if len(l_) == 1 else f + "".join(w[0] for w in l_[:2])


def town(r):
    if r.random() < 0.12:
        return r.choice(TOWN_PREFIX) + r.choice(TOWN_SUFFIX)
    return r.choice(CITIES)


def hospital(r, kind=None):
    kind = kind or r.choice(["hosp", "hosp", "ltc", "out", "bare"])
    stem = r.choice(FAC_STEMS)
    if kind == "hosp":
        return stem + " " + r.choice(FAC_TYPES_HOSP)
    if kind == "ltc":
        return stem + " " + r.choice(FAC_TYPES_LTC)
    if kind == "out":
        return stem + " " + r.choice(FAC_TYPES_OUT)
    return stem


def ward(r):
    x = r.random()
    s = r.choice(WARD_STEMS)
    if x < 0.6:
        return "%s %d" % (s, r.randint(2, 22))
    if x < 0.8:
        return s + " House"
    return "%s %d %s" % (s, r.randint(2, 14), r.choice(["East", "West", "North"]))


def org_employer(r):
    return r.choice(ORG_STEMS) + " " + r.choice(ORG_TYPES)


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def rand_date(r, y0=1998, y1=2024):
    start = datetime.date(y0, 1, 1).toordinal()
    end = datetime.date(y1, 12, 28).toordinal()
    return datetime.date.fromordinal(r.randint(start, end))


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def fmt_date(r, d, style=None):
    styles = ["mdY", "mdy", "mdy_dash", "iso", "dmY_dot", "long", "dMonY", "MonD_ord",
              "weekday_long", "mmddyy", "dMONY_dash", "mdY_nopad", "compact"]
    style = style or r.choice(styles)
    m, dd, y = d.month, d.day, d.year
    yy = "%02d" % (y % 100)
    if style == "mdY":
        return "%02d/%02d/%d" % (m, dd, y)
    if style == "mdY_nopad":
        return "%d/%d/%d" % (m, dd, y)
    if style == "mdy":
        return "%d/%d/%s" % (m, dd, yy)
    if style == "mmddyy":
        return "%02d/%02d/%s" % (m, dd, yy)
    if style == "mdy_dash":
        return "%d-%d-%s" % (m, dd, yy)
    if style == "iso":
        return d.isoformat()
    if style == "dmY_dot":
        return "%02d.%02d.%d" % (dd, m, y)
    if style == "long":
        return "%s %d, %d" % (MONTHS[m - 1], dd, y)
    if style == "dMonY":
        return "%d %s %d" % (dd, MON[m - 1], y)
    if style == "MonD_ord":
        return "%s %s" % (MON[m - 1], ordinal(dd))
    if style == "weekday_long":
        return "%s, %s %d, %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd, y)
    if style == "dMONY_dash":
        return "%02d-%s-%d" % (dd, MON[m - 1].upper(), y)
    if style == "compact":
        return "%d%02d%02d" % (y, m, dd)
    raise ValueError(style)


def fmt_partial(r, d):
    """month/day, month/year, year forms."""
    style = r.choice(["md", "my_slash", "my_long", "my_dash", "my_slash4", "MonY"])
    if style == "md":
        return "%d/%d" % (d.month, d.day)
    if style == "my_slash":
        return "%d/%02d" % (d.month, d.year % 100)
    if style == "my_slash4":
        return "%02d/%d" % (d.month, d.year)
    if style == "my_long":
        return "%s %d" % (MONTHS[d.month - 1], d.year)
    if style == "my_dash":
        return "%s-%02d" % (MON[d.month - 1], d.year % 100)
    return "%s %d" % (MON[d.month - 1], d.year)


def fmt_time(r, h=None, mi=None, style=None):
    h = r.randint(0, 23) if h is None else h
    mi = r.randint(0, 59) if mi is None else mi
    style = style or r.choice(["hm", "hm", "ampm", "ampm_l", "mil", "milh", "hms"])
    if style == "hm":
        return "%02d:%02d" % (h, mi)
    if style == "hms":
        return "%02d:%02d:%02d" % (h, mi, r.randint(0, 59))
    if style == "mil":
        return "%02d%02d" % (h, mi)
    if style == "milh":
        return "%02d%02dh" % (h, mi)
    h12 = h % 12 or 12
    if style == "ampm":
        return "%d:%02d %s" % (h12, mi, "AM" if h < 12 else "PM")
    return "%d:%02d%s" % (h12, mi, "am" if h < 12 else "pm")


def phone_full(r):
    a = r.choice(["617", "508", "781", "978", "413", "603", "401", "207", "212", "860", "774", "339"])
    ex = r.choice(["555", "555", str(r.randint(201, 989))])
    ln = digits(r, 4)
    st = r.choice(["paren", "dash", "dot", "plus", "space"])
    if st == "paren":
        return "(%s) %s-%s" % (a, ex, ln)
    if st == "dash":
        return "%s-%s-%s" % (a, ex, ln)
    if st == "dot":
        return "%s.%s.%s" % (a, ex, ln)
    if st == "plus":
        return "+1 %s %s %s" % (a, ex, ln)
    return "%s %s %s" % (a, ex, ln)


def emit_phone(d, kind=None):
    """Append a phone/pager/ext with cue word outside the span."""
    r = d.rng
    kind = kind or r.choice(["pager", "ext", "full", "short", "x", "beeper", "pg"])
    if kind == "pager":
        d.t(r.choice(["pager ", "pager #", "Pager: ", "pgr "]))
        d.p(digits(r, r.choice([4, 5])), "PHONE")
    elif kind == "pg":
        d.t(r.choice(["pg ", "p", "pg#"]))
        d.p(digits(r, 5), "PHONE")
    elif kind == "beeper":
        d.t("beeper ")
        d.p("%d-%s" % (r.randint(1, 9), digits(r, 4)), "PHONE")
    elif kind == "ext":
        d.t(r.choice(["ext. ", "ext ", "extension ", "Ext: "]))
        d.p(digits(r, r.choice([4, 5])), "PHONE")
    elif kind == "x":
        d.t("x")
        d.p(r.choice(["%d-%s" % (r.randint(2, 8), digits(r, 4)), digits(r, 4), digits(r, 5)]), "PHONE")
    elif kind == "short":
        d.p("%s-%s" % (r.choice(["555", "726", "643", "432"]), digits(r, 4)), "PHONE")
    else:
        d.p(phone_full(r), "PHONE")


def id_value(r, kind):
    if kind == "mrn":
        return r.choice([digits(r, 7), digits(r, 8), "%s-%s-%s" % (digits(r, 2), digits(r, 2), digits(r, 3)),
                         "MR" + digits(r, 7), "%s%s" % (r.choice("ABCDEFHJ"), digits(r, 7))])
    if kind == "acc":
        return r.choice(["%s%s" % (r.choice(["CT", "US", "XR", "RF", "CR", "RA", "IR"]), digits(r, 7)),
                         digits(r, 9), "A" + digits(r, 8), "%s-%s" % (digits(r, 4), digits(r, 6)),
                         "E%s" % digits(r, 10)])
    if kind == "ssn":
        return "%s-%s-%s" % (r.choice(["9", "0"]) + digits(r, 2), digits(r, 2), digits(r, 4))
    if kind == "acct":
        return digits(r, r.choice([8, 9, 10]))
    if kind == "enc":
        return r.choice([digits(r, 9), "V" + digits(r, 8), "ENC" + digits(r, 7)])
    if kind == "order":
        return r.choice([digits(r, 8), "ORD-" + digits(r, 6), "%s%s" % (digits(r, 3), "".join(r.choice("ABCDEFGHJK") for _ in range(2))) + digits(r, 4)])
    if kind == "member":
        return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + digits(r, 9)
    if kind == "license":
        return r.choice(["%s-%s" % (r.choice(["MA", "NH", "RI", "NY"]), digits(r, 5)), digits(r, 6), "RT" + digits(r, 6)])
    if kind == "npi":
        return "1" + digits(r, 9)
    if kind == "serial":
        return r.choice(["%s%s%s" % (digits(r, 1), "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), digits(r, 5)),
                         "SN" + digits(r, 8), "%s-%s" % (digits(r, 5), "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)))])
    if kind == "nhs":
        return "%s %s %s" % (digits(r, 3), digits(r, 3), digits(r, 4))
    if kind == "hcard":
        return "%s-%s-%s-%s" % (digits(r, 4), digits(r, 3), digits(r, 3), "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)))
    if kind == "job":
        return digits(r, r.choice([6, 7, 8]))
    return digits(r, 8)


# --- names ------------------------------------------------------------------
def emit_staff(d, p, form=None):
    """Emit a staff member's name with title/role outside the span."""
    r = d.rng
    forms = ["dr_last", "dr_full", "full_md", "fml_md", "LAST_FIRST_md", "drglued",
             "f_last", "last_only_md", "lower_dr"]
    form = form or r.choice(forms)
    if form == "dr_last":
        d.t(r.choice(["Dr. ", "Dr ", "DR. "])).p(p.last, "NAME")
    elif form == "dr_full":
        d.t("Dr. ").p("%s %s" % (p.first, p.last), "NAME")
    elif form == "full_md":
        d.p("%s %s" % (p.first, p.last), "NAME").t(r.choice([", MD", " MD", ", M.D.", ", DO"]))
    elif form == "fml_md":
        d.p("%s %s. %s" % (p.first, p.mi, p.last), "NAME").t(r.choice([", MD", ", M.D.", " MD PhD"]))
    elif form == "LAST_FIRST_md":
        d.p("%s, %s" % (p.last.upper(), p.first.upper()), "NAME").t(r.choice([" MD", ", MD", ""]))
    elif form == "drglued":
        d.t("Dr.").p(p.last, "NAME")
    elif form == "f_last":
        d.p("%s. %s" % (p.first[0], p.last), "NAME")
    elif form == "last_only_md":
        d.p(p.last, "NAME").t(" MD")
    elif form == "lower_dr":
        d.t("dr ").p(p.last, "NAME", case="lower")
    elif form == "initials_dot":
        d.p(".".join(p.initials()) + ".", "NAME")
    elif form == "initials":
        d.p(p.initials(), "NAME")
    elif form == "lfm":
        d.p("%s, %s %s" % (p.last, p.first, p.mi), "NAME")
    return d


def emit_role_name(d, p):
    """Surname after a non-physician role word."""
    r = d.rng
    pre = r.choice(["RN ", "per Nurse ", "d/w PA ", "NP ", "tech ", "RT ", "RN ", "resp therapist ",
                    "charge nurse ", "per RN ", "fellow Dr. ", "d/w NP ", "SW "])
    d.t(pre)
    if r.random() < 0.3:
        d.p("%s %s" % (p.first, p.last), "NAME")
    else:
        d.p(p.last, "NAME", case="lower" if r.random() < 0.15 else None)


def emit_patient_header_name(d, p):
    r = d.rng
    f = r.choice(["LFM", "LF", "FL", "LFM", "LF_upper"])
    if f == "LFM":
        d.p("%s, %s %s" % (p.last.upper(), p.first.upper(), p.mi), "NAME")
    elif f == "LF":
        d.p("%s, %s" % (p.last, p.first), "NAME")
    elif f == "LF_upper":
        d.p("%s,%s" % (p.last.upper(), p.first.upper()), "NAME")
    else:
        d.p("%s %s" % (p.first, p.last), "NAME")


# --- ages -------------------------------------------------------------------
def emit_age(d, age, sex):
    r = d.rng
    hi = age >= 90
    s_word = {"M": r.choice(["male", "man", "M", "gentleman"]), "F": r.choice(["female", "woman", "F", "lady"])}[sex]
    form = r.choice(["num_sex", "yo", "yo_glued", "y/o", "year_old", "words", "decade", "yo_sex"])

    def num(x):
        if hi:
            d.p(x, "AGE")
        else:
            d.t(x)
    if form == "num_sex":
        num(str(age)); d.t(sex)
    elif form == "yo":
        num(str(age)); d.t(" yo " + s_word)
    elif form == "yo_glued":
        num(str(age)); d.t("yo" + sex)
    elif form == "y/o":
        num(str(age)); d.t(" y/o " + s_word)
    elif form == "yo_sex":
        num(str(age)); d.t("-year-old " + s_word)
    elif form == "year_old":
        num(str(age)); d.t(" year old " + s_word)
    elif form == "words":
        if hi and age in NUMWORDS:
            w = NUMWORDS[age]
            if r.random() < 0.4:
                w = w.replace("-", " ")
            d.p(w, "AGE"); d.t(" year old " + s_word)
        elif hi:
            d.p(str(age), "AGE"); d.t(" year old " + s_word)
        else:
            d.t(words_under_90(age) + " year old " + s_word)
    elif form == "decade":
        dec = (age // 10) * 10
        if age >= 100:
            num(str(age)); d.t(" yo " + s_word)
        else:
            d.t(s_word + " in " + ("his " if sex == "M" else "her "))
            if hi:
                d.p("%ds" % dec, "AGE")
            else:
                d.t("%ds" % dec)
    return d


def words_under_90(n):
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty"]
    if n < 10:
        return ones[n]
    if n < 20:
        return teens[n - 10]
    return tens[n // 10] + ("-" + ones[n % 10] if n % 10 else "")


# --- dates ------------------------------------------------------------------
def emit_date(d, dt, style=None):
    d.p(fmt_date(d.rng, dt, style), "DATE")


def emit_time(d, style=None):
    r = d.rng
    if r.random() < 0.04 and style is None:
        d.p("noon", "TIME")
    else:
        d.p(fmt_time(r, style=style), "TIME")


# ---------------------------------------------------------------------------
# Protected clinical content helpers
# ---------------------------------------------------------------------------
def mm(r, lo=3, hi=30):
    return "%d mm" % r.randint(lo, hi)


def cm(r, lo=0.8, hi=6.0):
    return "%.1f cm" % r.uniform(lo, hi)


def cm3(r):
    return "%.1f x %.1f cm" % (r.uniform(1, 5), r.uniform(0.8, 4))


DRUGS_CONTRAST = ["Omnipaque", "Isovue", "Visipaque", "iohexol", "iopamidol", "Optiray"]
DRUGS_PT = ["furosemide", "Lasix", "vancomycin", "Eliquis", "apixaban", "heparin drip",
            "warfarin", "Coumadin", "enoxaparin", "Lovenox", "piperacillin-tazobactam",
            "Zosyn", "ceftriaxone", "norepinephrine", "Levophed", "propofol", "fentanyl",
            "amiodarone", "methotrexate", "nitrofurantoin", "prednisone", "rivaroxaban",
            "Xarelto", "alteplase", "metoprolol", "pembrolizumab", "Keytruda", "bleomycin"]


def sep(d):
    d.t(d.rng.choice([" ", " ", " ", "  ", "\n"]), noise=False)


def hdr(d, name):
    r = d.rng
    st = r.choice(["colon", "colon", "colon_nl", "bare_nl", "dash"])
    d.t("\n\n" if r.random() < 0.7 else "\n", noise=False)
    if st == "colon":
        d.t(name.upper() + ": ", noise=False)
    elif st == "colon_nl":
        d.t(name.upper() + ":\n", noise=False)
    elif st == "bare_nl":
        d.t(name.upper() + "\n", noise=False)
    else:
        d.t(name.capitalize() + " - ", noise=False)


# ---------------------------------------------------------------------------
# Finding emitters: each writes a findings sentence and returns an
# impression emitter (or None)
# ---------------------------------------------------------------------------
def f_nodule(d, c):
    r = d.rng
    size = r.randint(4, 22)
    typ = r.choice(["solid", "part-solid", "ground-glass", "spiculated", "calcified"])
    i = r.randrange(len(LOBES))
    lobe = LOBES[i] if r.random() < 0.6 else LOBE_AB[i]
    d.t("There is a ").k("%d mm" % size, "MEASUREMENT").t(" %s nodule in the %s (series %d, image %d)" % (
        typ, lobe, r.choice([2, 3, 4, 5, 201, 302]), r.randint(20, 280)))
    if d.phi_on and c.get("prior") and r.random() < 0.3:
        d.t(", previously ").k("%d mm" % max(3, size - r.randint(0, 5)), "MEASUREMENT").t(" on ")
        emit_prior_date(d, c)
    d.t(". ")

    def imp(d):
        d.t("%s %s nodule, " % (typ.capitalize(), LOBE_AB[i])).k("%d mm" % size, "MEASUREMENT").t(". ")
        x = r.random()
        if x < 0.4:
            d.t("Per ").k("Fleischner", "EPONYM").t(" Society guidelines, follow-up CT in 3-6 months is recommended.")
        elif x < 0.7:
            d.k("Lung-RADS %s" % r.choice(["2", "3", "4A", "4B"]), "FRACTION").t(".")
        else:
            d.t("Recommend tissue sampling or PET-CT.")
    return imp


def f_emphysema(d, c):
    r = d.rng
    d.t(r.choice(["Moderate centrilobular emphysema, upper lobe predominant. ",
                  "Mild paraseptal emphysema. Biapical pleural-parenchymal scarring. ",
                  "Severe emphysema with bullous change at the apices. "]))
    return lambda d: d.t("Emphysema.")


def f_effusion(d, c):
    r = d.rng
    side = r.choice(["right", "left", "bilateral"])
    d.t("Small %s pleural effusion%s with adjacent compressive atelectasis. " % (side, "s" if side == "bilateral" else ""))
    if r.random() < 0.5:
        d.t("Interlobular septal thickening (").k("Kerley B lines", "EPONYM").t(") suggests interstitial edema. ")
        return lambda d: d.t("Small %s effusion and interstitial edema, likely volume overload." % side)
    return lambda d: d.t("Small %s pleural effusion." % side)


def f_nodes(d, c):
    r = d.rng
    d.t(r.choice(["Subcarinal", "Right paratracheal", "AP window", "Right hilar", "Left hilar"]))
    d.t(" lymph node measures ").k(cm(r, 0.8, 2.4), "MEASUREMENT").t(" in short axis. ")
    return None


def f_heart(d, c):
    r = d.rng
    x = r.random()
    if x < 0.4:
        d.t("Heart size is mildly enlarged. Coronary artery calcifications. No pericardial effusion. ")
    elif x < 0.7:
        d.t("Ascending aorta measures ").k(cm(r, 3.6, 4.8), "MEASUREMENT").t(", unchanged. ")
        return lambda d: d.t("Stable ascending aortic dilatation.")
    else:
        d.t("Small pericardial effusion. Mitral annular calcification. ")
    return None


def f_devices_ct(d, c):
    r = d.rng
    x = r.random()
    if x < 0.3:
        d.k("Port-a-Cath", "DEVICE").t(" via the right chest wall with tip at the cavoatrial junction. ")
    elif x < 0.55:
        d.t("Left chest wall ").k("AICD", "DEVICE").t(" with leads in the right atrium and right ventricle. ")
    elif x < 0.8:
        d.t("Median ").k("sternotomy wires", "DEVICE").t(" are intact. CABG clips. ")
    else:
        d.k("IVC filter", "DEVICE").t(" partially imaged. ")
    return None


def f_pancoast(d, c):
    r = d.rng
    d.t("Spiculated mass in the right apex measuring ").k(cm3(r), "MEASUREMENT")
    d.t(" with invasion of the chest wall and destruction of the posterior right %s rib, consistent with " % r.choice(["1st", "2nd", "3rd"]))
    d.k("Pancoast tumor", "EPONYM").t(". ")
    return lambda d: d.t("Right apical mass with chest wall invasion, compatible with ").k("Pancoast tumor", "EPONYM").t(".")


def f_bones(d, c):
    r = d.rng
    x = r.random()
    if x < 0.4:
        lvl = r.choice(["T12", "T11", "L1", "T8", "T7"])
        d.t("Mild compression deformity of %s with approximately " % lvl).k("%d%%" % r.choice([10, 20, 25, 30]), "MEASUREMENT")
        d.t(" height loss, unchanged. Degenerative changes %s. " % r.choice(["L4-L5", "L1-L2", "C5-C6", "T9-T10"]))
    elif x < 0.7:
        d.t("Healed fractures of the left %s and %s ribs. " % r.choice([("4th", "5th"), ("6th", "7th"), ("8th", "9th")]))
    else:
        d.t("No suspicious osseous lesion. Multilevel thoracic spondylosis. ")
    return None


def f_abd(d, c):
    r = d.rng
    x = r.random()
    if x < 0.4:
        d.t("Left adrenal nodule measures ").k(cm(r, 1.0, 2.5), "MEASUREMENT").t(" with attenuation of ").k("%d HU" % r.randint(-8, 9), "MEASUREMENT").t(", consistent with adenoma. ")
    elif x < 0.7:
        d.t("Partially imaged liver with a ").k(cm(r, 0.5, 1.2), "MEASUREMENT").t(" hypodensity, too small to characterize. ")
    else:
        d.t("Small ").k(r.choice(["Morgagni hernia", "Bochdalek hernia"]), "EPONYM").t(" containing fat. ")
    return None


def f_plaques(d, c):
    d.t("Bilateral calcified pleural plaques consistent with prior asbestos exposure. ")
    return lambda d: d.t("Calcified pleural plaques, sequela of asbestos exposure.")


def f_pe(d, c):
    r = d.rng
    d.t("Filling defects within the %s segmental and subsegmental pulmonary arteries. " % r.choice(["right lower lobe", "bilateral lower lobe", "left upper lobe", "right middle lobe"]))
    d.k("RV/LV ratio %.1f" % r.uniform(0.8, 1.6), "FRACTION").t(". ")
    if r.random() < 0.5:
        d.t("Straightening of the interventricular septum. ")
    if r.random() < 0.5:
        d.t("Peripheral wedge-shaped opacity in the RLL (").k("Hampton hump", "EPONYM").t("). ")
    if r.random() < 0.3:
        d.t("Regional oligemia (").k("Westermark sign", "EPONYM").t("). ")
    return lambda d: d.t("Acute pulmonary emboli as above. Recommend anticoagulation, e.g. ").k(r.choice(["heparin drip", "enoxaparin", "apixaban"]), "DRUG").t(", if no contraindication.")


def f_no_pe(d, c):
    r = d.rng
    d.t("No filling defect to the level of the subsegmental arteries. Main pulmonary artery measures ").k(cm(r, 2.3, 3.4), "MEASUREMENT").t(". ")
    return lambda d: d.t("No pulmonary embolism.")


def f_dissection(d, c):
    r = d.rng
    d.t("No aortic dissection or intramural hematoma. Ascending aorta ").k(cm(r, 3.0, 4.2), "MEASUREMENT").t(". ")
    return None


# --- portable chest ---
def f_lines(d, c):
    r = d.rng
    items = r.sample(["ett", "ng", "cvc", "swan", "ct", "impella", "iabp", "pm", "picc", "dob"], r.randint(1, 4))
    for it in items:
        if it == "ett":
            d.t(r.choice(["", "The "])).k("ETT", "DEVICE").t(" tip ").k("%.1f cm" % r.uniform(2, 7), "MEASUREMENT").t(" above the carina. ")
        elif it == "ng":
            d.k(r.choice(["NG tube", "OG tube", "nasogastric tube"]), "DEVICE").t(" courses below the diaphragm, tip in the stomach. ")
        elif it == "cvc":
            d.t("Right IJ ").k("central venous catheter", "DEVICE").t(" tip in the low SVC. ")
        elif it == "swan":
            d.k("Swan-Ganz catheter", "EPONYM").t(" tip in the right interlobar pulmonary artery. ")
        elif it == "ct":
            d.t("Left ").k("chest tube", "DEVICE").t(" in place. No pneumothorax. ")
        elif it == "impella":
            d.k("Impella", "DEVICE").t(" device in expected position. ")
        elif it == "iabp":
            d.k("IABP", "DEVICE").t(" tip ").k("%d cm" % r.randint(1, 4), "MEASUREMENT").t(" below the aortic knob. ")
        elif it == "pm":
            d.t("Dual-chamber ").k("pacemaker leads", "DEVICE").t(" in the RA and RV. ")
        elif it == "picc":
            d.t("Left arm ").k("PICC", "DEVICE").t(" tip at the cavoatrial junction. ")
        elif it == "dob":
            d.k("Dobhoff", "EPONYM").t(" tip in the proximal duodenum. ")
    return lambda d: d.t("Lines and tubes as above.")


def f_cxr_lungs(d, c):
    r = d.rng
    x = r.random()
    if x < 0.3:
        d.t("Retrocardiac opacity in the LLL, atelectasis vs aspiration. ")
        return lambda d: d.t("LLL opacity, atelectasis vs aspiration.")
    if x < 0.55:
        d.t("Bilateral perihilar haziness with ").k("Kerley B lines", "EPONYM").t(", worsened. Small bilateral effusions. ")
        return lambda d: d.t("Worsening pulmonary edema.")
    if x < 0.75:
        d.t("Lungs are clear. No pneumothorax. ")
        return lambda d: d.t("No acute cardiopulmonary process.")
    d.t("Small right apical pneumothorax measuring ").k("%d mm" % r.randint(5, 25), "MEASUREMENT").t(". ")
    return lambda d: d.t("Small right apical pneumothorax. Critical result.")


def f_cxr_heart(d, c):
    r = d.rng
    if r.random() < 0.5:
        d.t("Cardiomediastinal silhouette enlarged, ").k("cardiothoracic ratio %.2f" % r.uniform(0.5, 0.66), "FRACTION").t(". ")
    else:
        d.t("Heart size within normal limits. Mediastinum not widened. ")
    return None


# --- ultrasound ---
def f_ruq(d, c):
    r = d.rng
    d.t("LIVER: measures ").k("%.1f cm" % r.uniform(13, 19), "MEASUREMENT").t(", echogenic. No focal lesion.")
    sep(d)
    d.t("GALLBLADDER: multiple shadowing stones, largest ").k(cm(r, 0.5, 2.5), "MEASUREMENT").t(". Wall ").k("%d mm" % r.randint(2, 7), "MEASUREMENT").t(". ")
    pos = r.random() < 0.5
    d.t("Sonographic ").k("Murphy sign", "EPONYM").t(" %s. " % ("positive" if pos else "negative"))
    sep(d)
    d.t("CBD: ").k("%d mm" % r.randint(3, 11), "MEASUREMENT").t(". ")
    if r.random() < 0.4:
        d.t("Trace fluid in ").k("Morison pouch", "EPONYM").t(". ")
    return lambda d: d.t("Cholelithiasis%s." % (" with findings suggestive of acute cholecystitis" if pos else " without sonographic evidence of cholecystitis"))


def f_renal(d, c):
    r = d.rng
    d.t("Right kidney ").k(cm(r, 9, 12.5), "MEASUREMENT").t(", left kidney ").k(cm(r, 9, 12.5), "MEASUREMENT").t(". ")
    h = r.choice(["No hydronephrosis.", "Mild right hydronephrosis.", "Moderate left hydronephrosis."])
    d.t(h + " Bladder volume ").k("%d mL" % r.randint(80, 600), "MEASUREMENT").t(" pre-void. ")
    return lambda d: d.t(h)


def f_dvt(d, c):
    r = d.rng
    side = r.choice(["right", "left"])
    pos = r.random() < 0.5
    if pos:
        d.t("Noncompressible %s %s vein with echogenic intraluminal thrombus. " % (side, r.choice(["common femoral", "popliteal", "femoral"])))
    else:
        d.t("Normal compressibility, color flow and augmentation of the %s common femoral, femoral and popliteal veins. " % side)
    if r.random() < 0.4:
        d.k("Baker cyst", "EPONYM").t(" measuring ").k(cm3(r), "MEASUREMENT").t(". ")
    return lambda d: d.t(("Acute DVT of the %s lower extremity." % side) if pos else "No DVT.")


def f_thyroid(d, c):
    r = d.rng
    d.t("Right lobe ").k("%.1f x %.1f x %.1f cm" % (r.uniform(3.5, 5.5), r.uniform(1.2, 2.2), r.uniform(1.2, 2.2)), "MEASUREMENT").t(". ")
    d.t("Solid hypoechoic nodule ").k(cm(r, 0.6, 3.0), "MEASUREMENT").t(", ").k("TI-RADS %d" % r.randint(2, 5), "FRACTION").t(". ")
    if r.random() < 0.4:
        d.t("Heterogeneous echotexture, consistent with ").k("Hashimoto thyroiditis", "EPONYM").t(". ")
    return lambda d: d.t("Thyroid nodule as above; FNA recommended if clinically appropriate.")


# --- fluoroscopy ---
def f_dobhoff_place(d, c):
    r = d.rng
    d.t("A ").k("Dobhoff", "EPONYM").t(" feeding tube was advanced under fluoroscopic guidance with the tip in the 4th portion of the duodenum. ")
    d.k("%d mL" % r.randint(5, 20), "MEASUREMENT").t(" of ").k("Omnipaque", "DRUG").t(" confirmed position. ")
    return lambda d: d.t("Successful post-pyloric feeding tube placement.")


def f_picc_place(d, c):
    r = d.rng
    d.t("Local anesthesia with ").k("%d mL" % r.randint(2, 5), "MEASUREMENT").t(" of 1% ").k("lidocaine", "DRUG").t(". ")
    d.t("Under ultrasound guidance the right basilic vein was accessed and a ").k("5 Fr", "MEASUREMENT").t(" double-lumen ")
    d.k("PICC", "DEVICE").t(" was placed, total length ").k("%d cm" % r.randint(36, 48), "MEASUREMENT").t(", tip at the cavoatrial junction. ")
    return lambda d: d.t("Successful PICC placement. Ready for use.")


def f_esophagram(d, c):
    r = d.rng
    d.t("Thin and thick ").k("barium", "DRUG").t(" were administered. ")
    x = r.random()
    if x < 0.35:
        d.t("Posterior outpouching at the pharyngoesophageal junction consistent with ").k("Zenker diverticulum", "EPONYM").t(", ").k(cm(r, 1, 3.5), "MEASUREMENT").t(". ")
        return lambda d: d.k("Zenker diverticulum", "EPONYM").t(".")
    if x < 0.7:
        d.t("Smooth ring at the GE junction (").k("Schatzki ring", "EPONYM").t(") causing transient hold-up of a ").k("13 mm", "MEASUREMENT").t(" tablet. ")
        return lambda d: d.k("Schatzki ring", "EPONYM").t(".")
    d.t("No leak. Normal esophageal motility. ")
    return lambda d: d.t("Normal esophagram.")


def f_lp(d, c):
    r = d.rng
    lvl = r.choice(["L3-L4", "L2-L3", "L4-L5"])
    d.t("Under fluoroscopic guidance, the %s interspace was accessed with a " % lvl).k("22 gauge", "MEASUREMENT").t(" spinal needle. ")
    d.t("Opening pressure ").k("%d cm H2O" % r.randint(10, 32), "MEASUREMENT").t(". ").k("%d mL" % r.randint(6, 20), "MEASUREMENT").t(" of clear CSF sent for analysis. ")
    return lambda d: d.t("Technically successful fluoroscopic lumbar puncture at %s." % lvl)


def f_fluoro_dose(d, c):
    r = d.rng
    d.t("Fluoroscopy time: ").k("%.1f minutes" % r.uniform(0.3, 6), "MEASUREMENT").t(". Dose: ").k("%d mGy" % r.randint(2, 90), "MEASUREMENT").t(". ")
    return None


MODALITIES = {
    "ct_chest": dict(title=["CT CHEST WITHOUT CONTRAST", "CT CHEST W/O CONTRAST", "CT CHEST WITH IV CONTRAST", "CT CHEST W CONTRAST", "LOW DOSE CT CHEST (LUNG SCREENING)"],
                     find=[f_nodule, f_emphysema, f_effusion, f_nodes, f_heart, f_devices_ct, f_pancoast, f_bones, f_abd, f_plaques],
                     indic=["lung nodule follow-up", "dyspnea", "cough, weight loss", "lung cancer screening", "hemoptysis", "abnormal CXR", "asbestos exposure"]),
    "cta": dict(title=["CTA CHEST (PE PROTOCOL)", "CT ANGIOGRAM CHEST", "CTA CHEST W CONTRAST", "CT PULMONARY ANGIOGRAM"],
                find=[f_pe, f_no_pe, f_dissection, f_effusion, f_nodule, f_heart],
                indic=["r/o PE", "pleuritic chest pain, tachycardia", "hypoxia, elevated D-dimer", "syncope", "chest pain r/o dissection"]),
    "cxr": dict(title=["PORTABLE AP CHEST", "CHEST 1 VIEW PORTABLE", "PORTABLE CHEST X-RAY", "CXR PORTABLE AP SUPINE"],
                find=[f_lines, f_cxr_lungs, f_cxr_heart],
                indic=["line placement", "hypoxia on the vent", "s/p ETT placement", "fever, r/o PNA", "post chest tube placement", "worsening oxygenation"]),
    "us": dict(title=["US ABDOMEN RUQ", "US RENAL COMPLETE", "US DOPPLER LOWER EXTREMITY VENOUS", "US THYROID", "RUQ ULTRASOUND"],
               find=[f_ruq, f_renal, f_dvt, f_thyroid],
               indic=["RUQ pain", "AKI", "leg swelling r/o DVT", "palpable thyroid nodule", "elevated LFTs"]),
    "fluoro": dict(title=["FLUORO GUIDED FEEDING TUBE PLACEMENT", "PICC PLACEMENT UNDER FLUORO", "ESOPHAGRAM", "FLUORO GUIDED LUMBAR PUNCTURE"],
                   find=[f_dobhoff_place, f_picc_place, f_esophagram, f_lp],
                   indic=["dysphagia", "needs enteral access", "long-term IV antibiotics", "r/o meningitis, failed bedside LP", "altered mental status"]),
}

US_MAP = {"US ABDOMEN RUQ": f_ruq, "RUQ ULTRASOUND": f_ruq, "US RENAL COMPLETE": f_renal,
          "US DOPPLER LOWER EXTREMITY VENOUS": f_dvt, "US THYROID": f_thyroid,
          "FLUORO GUIDED FEEDING TUBE PLACEMENT": f_dobhoff_place, "PICC PLACEMENT UNDER FLUORO": f_picc_place,
          "ESOPHAGRAM": f_esophagram, "FLUORO GUIDED LUMBAR PUNCTURE": f_lp}


# ---------------------------------------------------------------------------
# Section emitters
# ---------------------------------------------------------------------------
def emit_prior_date(d, c, dayprefix="the "):
    r = d.rng
    pr = c["prior"]
    x = r.random()
    if x < 0.45:
        emit_date(d, pr, r.choice(["mdy", "mmddyy", "mdY", "mdy_dash", "iso", "dMonY", "long", "dMONY_dash", "MonD_ord"]))
    elif x < 0.75:
        d.p(fmt_partial(r, pr), "DATE")
    else:
        d.t(dayprefix).p(ordinal(pr.day), "DATE")


TITLE_INDIC = {f_ruq: ["RUQ pain", "elevated LFTs", "fever, RUQ tenderness"], f_renal: ["AKI", "flank pain", "hematuria"],
               f_dvt: ["leg swelling r/o DVT", "calf pain"], f_thyroid: ["palpable thyroid nodule", "goiter"],
               f_dobhoff_place: ["needs enteral access", "failed bedside tube placement"],
               f_picc_place: ["long-term IV antibiotics", "poor peripheral access"],
               f_esophagram: ["dysphagia", "odynophagia"], f_lp: ["r/o meningitis, failed bedside LP", "altered mental status"]}


def indication(r, c):
    f = US_MAP.get(c["title"])
    if f in TITLE_INDIC:
        return r.choice(TITLE_INDIC[f])
    return r.choice(MODALITIES[c["mod"]]["indic"])


def make_ctx(r):
    sex = r.choice("MF")
    if r.random() < 0.18:
        age = r.randint(90, 104)
    else:
        age = r.randint(19, 89)
    exam = rand_date(r, 1999, 2024)
    c = dict(pt=Person(r, sex), age=age, sex=sex, exam=exam,
             prior=exam - datetime.timedelta(days=r.randint(1, 2400)) if r.random() < 0.8 else None,
             hosp=hospital(r, "hosp"), ordering=Person(r), resident=Person(r), attending=Person(r),
             nurse=Person(r), tech=Person(r), ward=ward(r))
    mod = r.choice(["ct_chest", "ct_chest", "cta", "cxr", "cxr", "us", "fluoro"])
    c["mod"] = mod
    c["title"] = r.choice(MODALITIES[mod]["title"])
    return c


def dob_for(r, c):
    y = c["exam"].year - c["age"] - (1 if r.random() < 0.5 else 0)
    return datetime.date(y, r.randint(1, 12), r.randint(1, 28))


def header(d, c, style):
    r = d.rng
    if not d.phi_on:
        d.t(r.choice(["EXAM: ", "Exam: ", "PROCEDURE: ", ""]) + c["title"] + "\n", noise=False)
        return
    if style == "ris":
        if r.random() < 0.8:
            d.p(c["hosp"], "HOSPITAL")
            d.t(r.choice([" - DEPARTMENT OF RADIOLOGY", " DEPT OF RADIOLOGY", "\nDIAGNOSTIC IMAGING"]) + "\n", noise=False)
        d.t(r.choice(["-" * 48, "=" * 40, "*" * 30]) + "\n", noise=False)
        d.t(r.choice(["NAME: ", "PATIENT: ", "PT NAME: "]), noise=False)
        emit_patient_header_name(d, c["pt"])
        d.t(r.choice(["      ", "   ", "\n"]) + r.choice(["MRN: ", "MR#: ", "UNIT NO: "]), noise=False).p(id_value(r, "mrn"), "ID")
        d.t("\n")
        if r.random() < 0.5:
            d.t("DOB: ", noise=False); emit_date(d, dob_for(r, c), r.choice(["mdY", "mmddyy", "dMONY_dash", "compact"]))
            d.t("  ")
        d.t("AGE: ", noise=False)
        if c["age"] >= 90:
            d.p(str(c["age"]), "AGE")
        else:
            d.t(str(c["age"]))
        d.t(r.choice(["Y", "", " Y"]) + "  SEX: " + c["sex"] + "\n", noise=False)
        if r.random() < 0.45:
            d.t(r.choice(["ACC#: ", "ACCESSION: ", "ACC NO: "]), noise=False).p(id_value(r, "acc"), "ID")
            if r.random() < 0.4:
                d.t("   " + r.choice(["ACCT: ", "VISIT#: ", "ENC: "]), noise=False).p(id_value(r, r.choice(["acct", "enc"])), "ID")
            d.t("\n")
        if r.random() < 0.5:
            d.t(r.choice(["LOC: ", "LOCATION: ", "PT LOC: "]), noise=False)
            if r.random() < 0.75:
                d.p(c["ward"], "LOCATION")
                if r.random() < 0.4:
                    d.t(r.choice([" (MICU)", " ICU", " - SICU", " STEPDOWN"]))
            else:
                d.t(r.choice(["ED", "MICU", "CCU", "OUTPT", "SICU"]))
            d.t("\n")
        d.t("EXAM: " + c["title"] + "\n", noise=False)
        d.t(r.choice(["DATE OF SERVICE: ", "EXAM DATE: ", "DOS: "]), noise=False)
        emit_date(d, c["exam"], r.choice(["mmddyy", "mdY", "dMONY_dash", "mdy", "compact"]))
        if r.random() < 0.5:
            d.t(" "); emit_time(d, r.choice(["hm", "mil", "hms"]))
        d.t("\n")
        if r.random() < 0.4:
            d.t(r.choice(["REF PHYS: ", "ORDERING: ", "REFERRING: "]), noise=False)
            emit_staff(d, c["ordering"], "LAST_FIRST_md")
            if r.random() < 0.4:
                d.t("  "); emit_phone(d, r.choice(["pager", "ext", "full"]))
            d.t("\n")
    elif style == "fields":
        d.t(r.choice(["Patient: ", "Patient Name: ", "Name: "]), noise=False)
        emit_patient_header_name(d, c["pt"])
        d.t("\n" + r.choice(["MRN: ", "Medical Record #: ", "MRN "]), noise=False).p(id_value(r, "mrn"), "ID")
        d.t("\n")
        if r.random() < 0.4:
            d.t("DOB: ", noise=False); emit_date(d, dob_for(r, c)); d.t("\n")
        if r.random() < 0.3:
            k = r.choice(["member", "ssn", "nhs", "hcard", "order"])
            lab = {"member": "Insurance Member ID: ", "ssn": "SSN: ", "nhs": "NHS No: ", "hcard": "Health Card #: ", "order": "Order #: "}[k]
            d.t(lab, noise=False).p(id_value(r, k), "ID"); d.t("\n")
        d.t(r.choice(["Exam: ", "Study: ", "Procedure: "]) + c["title"].title().replace("Ct ", "CT ").replace("Us ", "US ").replace("Cta", "CTA").replace("Picc", "PICC") + "\n", noise=False)
        d.t(r.choice(["Date of exam: ", "Exam date: ", "Date: "]), noise=False)
        emit_date(d, c["exam"])
        if r.random() < 0.6:
            d.t(r.choice([" ", " at ", "  Time: "])); emit_time(d)
        d.t("\n")
        if r.random() < 0.35:
            d.t(r.choice(["Ordering provider: ", "Referring: ", "Requested by: "]), noise=False)
            emit_staff(d, c["ordering"], r.choice(["full_md", "fml_md", "dr_full", "lfm"]))
            d.t("\n")
        if r.random() < 0.35:
            d.t("Location: ", noise=False)
            if r.random() < 0.5:
                d.p(c["ward"], "LOCATION")
            else:
                d.p(c["hosp"], "HOSPITAL")
                d.t(r.choice([" ED", " Emergency Dept", " Outpatient Imaging"]))
            d.t("\n")
    else:  # minimal
        d.t(r.choice(["EXAM: ", "Exam: ", ""]) + c["title"], noise=False)
        if r.random() < 0.7:
            d.t(r.choice([" ", "  ", " - "]))
            emit_date(d, c["exam"], r.choice(["mdy", "mmddyy", "mdY", "dMONY_dash", "weekday_long", "long"]))
            if r.random() < 0.5:
                d.t(" "); emit_time(d)
        d.t("\n")


def emit_vitals(d, c):
    r = d.rng
    opts = [
        lambda: d.k("HR %d" % r.randint(88, 132), "VITAL"),
        lambda: d.k("HR %d-%d" % (lambda a: (a, a + r.randint(6, 20)))(r.randint(80, 110)), "VITAL"),
        lambda: d.k("SpO2 %d%% on %s" % (r.randint(84, 97), r.choice(["RA", "2 L NC", "4L", "NRB"])), "VITAL"),
        lambda: d.k("BP %d/%d" % (r.randint(85, 175), r.randint(45, 100)), "VITAL"),
        lambda: d.k("T %.1f" % r.uniform(36.5, 39.8), "VITAL"),
        lambda: d.k("RR %d-%d" % (lambda a: (a, a + r.randint(2, 8)))(r.randint(14, 26)), "VITAL"),
        lambda: d.k("D-dimer %s" % r.choice(["2,340", "1,120", "876", "4,500", "3.2"]), "VITAL"),
        lambda: d.k("WBC %.1f" % r.uniform(3, 24), "VITAL"),
        lambda: d.k("Cr %.1f" % r.uniform(0.6, 4.2), "VITAL"),
        lambda: d.k("Na %d" % r.randint(124, 146), "VITAL"),
        lambda: d.k("lactate %.1f" % r.uniform(0.8, 6), "VITAL"),
        lambda: d.k("GCS %d" % r.randint(6, 15), "FRACTION"),
        lambda: d.k("%d/10 pain" % r.randint(2, 10), "FRACTION"),
    ]
    sel = r.sample(opts, r.randint(1, 3))
    if opts[0] in sel and opts[1] in sel:
        sel.remove(opts[1])
    for i, f in enumerate(sel):
        if i:
            d.t(", ")
        f()
    d.t(". ")


def emit_vent(d):
    r = d.rng
    x = r.random()
    d.t(r.choice(["Intubated, ", "Vent: ", "On vent, ", "Ventilated on "]))
    if x < 0.3:
        d.k("AC %d/%d/%d/%.1f" % (r.choice([14, 16, 18, 20]), r.choice([400, 450, 500]), r.choice([5, 8, 10]), r.choice([0.4, 0.5, 0.6, 1.0])), "SETTING")
    elif x < 0.6:
        d.k("PEEP %d" % r.choice([5, 8, 10, 12, 14]), "SETTING").t(", ").k("FiO2 %d%%" % r.choice([30, 40, 50, 60, 80, 100]), "SETTING")
    elif x < 0.8:
        d.k("PS %d/%d" % (r.choice([5, 8, 10, 12]), r.choice([5, 8])), "SETTING").t(", ").k("TV %d" % r.choice([380, 420, 450, 500]), "SETTING")
    else:
        d.k("CPAP %d" % r.choice([5, 8, 10]), "SETTING")
    d.t(". ")


def history(d, c):
    r = d.rng
    hdr(d, r.choice(["clinical history", "history", "indication", "clinical information", "reason for exam"]))
    emit_age(d, c["age"], c["sex"])
    d.t(r.choice([" with ", ", ", " w/ ", " presenting with "]) + indication(r, c) + ". ")
    x = r.random()
    if x < 0.2:
        d.t(r.choice(["Hx CHF, COPD on home O2. ", "BIBA from home after fall. ", "ICU day %d. " % r.randint(1, 12),
                      "POD %d s/p lobectomy. " % r.randint(1, 6), "Hospital day %d. " % r.randint(2, 15),
                      "Symptoms x%d days. " % r.randint(2, 10)]))
    if r.random() < 0.1:
        d.t("History of ").k(r.choice(["Parkinson disease", "Graves disease", "Crohn disease", "Hodgkin lymphoma", "Wegener granulomatosis", "Sjogren syndrome"]), "EPONYM").t(". ")
    if c["mod"] == "cxr" and r.random() < 0.6:
        emit_vent(d)
    if r.random() < 0.55:
        emit_vitals(d, c)
    if r.random() < 0.35:
        d.t(r.choice(["On ", "Currently on ", "Receiving "])).k(r.choice(DRUGS_PT), "DRUG").t(". ")
    if not d.phi_on:
        return
    extras = r.sample(["occ", "travel", "emig", "transfer", "resides", "year", "holiday", "rel", "school", "church", "town"], r.choice([0, 0, 0, 1, 1, 2]))
    for e in extras:
        if e == "occ":
            d.t(r.choice(["Former ", "Retired ", "Works as a "]) + r.choice(OCCUPATIONS) + " at ").p(org_employer(r), "ORGANIZATION").t(". ")
        elif e == "travel":
            d.t(r.choice(["Recently returned from ", "Recent travel to ", "Just back from "])).p(r.choice(COUNTRIES).replace("the ", "", 1) if r.random() < 0.3 else r.choice(COUNTRIES), "LOCATION")
            d.t(r.choice([", r/o TB. ", ". ", " with fever. "]))
        elif e == "emig":
            d.t("Emigrated from ").p(r.choice(COUNTRIES), "LOCATION")
            if r.random() < 0.5:
                d.t(" in ").p(str(r.randint(1975, 2020)), "DATE")
            d.t(". ")
        elif e == "transfer":
            d.t(r.choice(["Transferred from ", "Transfer from ", "Sent over from "])).p(hospital(r, r.choice(["hosp", "bare"])), "HOSPITAL").t(". ")
        elif e == "resides":
            d.t(r.choice(["Resident of ", "Lives at ", "From "])).p(hospital(r, "ltc"), "HOSPITAL").t(". ")
        elif e == "year":
            y = r.randint(1965, c["exam"].year - 1)
            q = r.random()
            if q < 0.33:
                d.t("S/p CABG (").p(str(y), "DATE").t("). ")
            elif q < 0.66:
                d.t("Smoker since ").p("'%02d" % (y % 100), "DATE").t(", %d pack-years. " % r.randint(10, 80))
            else:
                d.t(r.choice(["R mastectomy", "Lobectomy", "TB treated", "Radiation"]) + " in ").p(str(y), "DATE").t(". ")
        elif e == "holiday":
            d.t(r.choice(["Symptoms since ", "Fall on ", "Last seen well on "])).p("%s %d" % (r.choice(HOLIDAYS), c["exam"].year - r.randint(0, 1)), "DATE").t(". ")
        elif e == "rel":
            rel = Person(r)
            kin = r.choice(["son", "daughter", "wife", "husband", "niece", "grandson", "sister"])
            q = r.random()
            if q < 0.4:
                d.t("History per %s %s " % (r.choice(["her", "his", "pt's"]), kin)).p(rel.first, "NAME", case="lower" if r.random() < 0.4 else None).t(". ")
            elif q < 0.7:
                d.t(kin.upper() + " ").p(rel.first.upper(), "NAME").t(" AT BEDSIDE. ")
            else:
                d.t("HCP is %s " % kin).p("%s %s" % (rel.first, rel.last), "NAME").t(", ")
                emit_phone(d, "full")
                d.t(". ")
        elif e == "school":
            d.t(r.choice(["Teaches at ", "Student at ", "Works at "])).p(r.choice(SCHOOLS), "ORGANIZATION").t(". ")
        elif e == "church":
            d.t("Collapsed at ").p(r.choice(CHURCHES), "ORGANIZATION").t(". ")
        elif e == "town":
            d.t(r.choice(["Lives in ", "Resides in ", "Visiting from "])).p(town(r), "LOCATION")
            if r.random() < 0.5:
                d.t(", ").p(r.choice(STATES), "LOCATION")
            d.t(". ")


def technique(d, c):
    r = d.rng
    mod = c["mod"]
    if mod in ("ct_chest", "cta"):
        hdr(d, "technique")
        contrast = mod == "cta" or "WITH" in c["title"] or " W " in c["title"]
        d.t("Axial images of the chest were obtained %s. " % ("following IV contrast" if contrast else "without IV contrast"))
        if contrast:
            d.k("%d mL" % r.choice([60, 70, 75, 80, 100]), "MEASUREMENT").t(" ").k(r.choice(DRUGS_CONTRAST), "DRUG").t(" IV")
            d.t(", bolus tracking on the main PA. " if mod == "cta" else ". ")
        d.t("Coronal and sagittal MIP reformats. ")
        if r.random() < 0.6:
            d.t("DLP ").k("%d mGy-cm" % r.randint(90, 700), "MEASUREMENT").t(". CTDIvol ").k("%.1f mGy" % r.uniform(1.5, 14), "MEASUREMENT").t(". ")
        if d.phi_on and r.random() < 0.2:
            d.t("Scanner CT%d (S/N " % r.randint(1, 4)).p(id_value(r, "serial"), "ID").t("). ")
    elif mod == "cxr":
        hdr(d, "technique")
        d.t("Single portable AP %s view" % r.choice(["supine", "semi-upright", "upright"]))
        if d.phi_on and r.random() < 0.6:
            d.t(" obtained at "); emit_time(d)
        d.t(". ")
    elif mod == "us":
        hdr(d, "technique")
        d.t("Grayscale, color and spectral Doppler images were obtained. ")
    else:
        hdr(d, "procedure")
        d.t("Risks, benefits and alternatives were discussed and informed consent obtained")
        if d.phi_on and r.random() < 0.4:
            rel = Person(r)
            d.t(" from the patient's %s, " % r.choice(["daughter", "son", "HCP", "wife"])).p("%s %s" % (rel.first, rel.last), "NAME")
        d.t(". Time-out performed. ")
    if d.phi_on and r.random() < 0.3:
        d.t(r.choice(["Technologist: ", "Sonographer: ", "Tech: ", "Performed by "]))
        t = c["tech"]
        q = r.random()
        if q < 0.4:
            d.p("%s. %s" % (t.first[0], t.last), "NAME").t(", RT(R)")
        elif q < 0.7:
            d.p("%s %s" % (t.first, t.last), "NAME")
        else:
            d.p(t.initials(), "NAME")
        if r.random() < 0.3:
            d.t(", lic# ").p(id_value(r, "license"), "ID")
        d.t(". ")


def comparison(d, c):
    r = d.rng
    hdr(d, r.choice(["comparison", "comparison", "prior"]))
    if not d.phi_on or c["prior"] is None:
        d.t(r.choice(["None.", "None available.", "No prior.", "Prior chest radiograph from earlier today.",
                      "CT chest 3 months ago (report only).", "None in PACS."]))
        return
    x = r.random()
    mod_prev = r.choice(["CT chest", "Chest radiograph", "CTA chest", "Ultrasound", "PET-CT", "Prior study"])
    if x < 0.35:
        d.t(mod_prev + " ")
        emit_prior_date(d, c, "of the ")
        if r.random() < 0.3:
            d.t(" at "); emit_time(d)
        d.t(".")
    elif x < 0.6:
        d.t(r.choice(["Outside films from ", "Outside CT from ", "Outside study from ", "Films from "]))
        d.p(hospital(r, r.choice(["out", "bare", "hosp"])), "HOSPITAL")
        d.t(r.choice([" dated ", " of ", ", "]))
        d.p(fmt_partial(r, c["prior"]) if r.random() < 0.6 else fmt_date(r, c["prior"]), "DATE")
        if r.random() < 0.4:
            d.t(", uploaded to PACS (acc ").p(id_value(r, "acc"), "ID").t(")")
        d.t(".")
    elif x < 0.8:
        d.t("Compared to the study of ")
        d.t("the ").p(ordinal(c["prior"].day), "DATE")
        if r.random() < 0.4:
            d.t(" and ").p(fmt_partial(r, c["prior"] - datetime.timedelta(days=r.randint(30, 900))), "DATE")
        d.t(".")
    else:
        d.t("Remote %s from " % mod_prev.lower()).p(fmt_partial(r, c["prior"]), "DATE")
        d.t(" and outside %s (" % r.choice(["CT", "films", "CXR"])).p(hospital(r, "bare"), "HOSPITAL").t(", ")
        d.p(str(c["prior"].year - r.randint(1, 6)), "DATE").t(").")


def findings(d, c):
    r = d.rng
    hdr(d, "findings")
    mod = c["mod"]
    imps = []
    if mod in ("us", "fluoro"):
        f = US_MAP.get(c["title"]) or r.choice(MODALITIES[mod]["find"])
        imps.append(f(d, c))
        if mod == "fluoro":
            sep(d)
            f_fluoro_dose(d, c)
    elif mod == "cxr":
        for f in MODALITIES[mod]["find"]:
            if f is f_lines and r.random() < 0.2:
                continue
            imps.append(f(d, c))
            sep(d)
    else:
        fs = r.sample(MODALITIES[mod]["find"], r.randint(2, 4))
        if mod == "cta" and f_pe not in fs and f_no_pe not in fs:
            fs.insert(0, r.choice([f_pe, f_no_pe]))
        if f_pe in fs and f_no_pe in fs:
            fs.remove(f_no_pe)
        for f in fs:
            imps.append(f(d, c))
            if r.random() < 0.5:
                sep(d)
    if d.phi_on and c["prior"] is not None and r.random() < 0.12:
        d.t(r.choice(["Unchanged since ", "Stable compared with ", "Similar to "]))
        emit_prior_date(d, c)
        d.t(". ")
    if r.random() < 0.08:
        d.t(r.choice(["[inaudible] ", "... ", "the the ", "(?) ", "new paragraph "]), noise=False)
    return [i for i in imps if i]


def impression(d, c, imps):
    r = d.rng
    hdr(d, r.choice(["impression", "impression", "conclusion"]))
    if not imps:
        d.t("No acute findings.")
        return
    style = r.choice(["num", "num", "dash", "run"])
    for i, f in enumerate(imps[:4]):
        if style == "num":
            d.t("\n%d. " % (i + 1) if i or r.random() < 0.5 else "%d. " % (i + 1), noise=False)
        elif style == "dash":
            d.t("\n- " if i else "- ", noise=False)
        elif i:
            d.t(" ")
        f(d)


def signature(d, c, style):
    r = d.rng
    if not d.phi_on:
        d.t("\n\n" + r.choice(["Electronically signed.", "Attending radiologist has reviewed and agrees.",
                                "Final report.", "END OF REPORT", "Dictated, not read back."]))
        return
    d.t("\n\n", noise=False)
    res, att = c["resident"], c["attending"]
    if style == "ris":
        if r.random() < 0.6:
            d.t("DICTATED BY: ", noise=False); emit_staff(d, res, "LAST_FIRST_md")
            if r.random() < 0.5:
                d.t("  "); emit_date(d, c["exam"], r.choice(["mmddyy", "mdY"])); d.t(" "); emit_time(d, r.choice(["hm", "mil"]))
            d.t("\n")
        d.t("SIGNED BY: ", noise=False); emit_staff(d, att, "LAST_FIRST_md")
        if r.random() < 0.6:
            d.t("  "); emit_date(d, c["exam"] + datetime.timedelta(days=r.randint(0, 2)), r.choice(["mmddyy", "mdY"]))
            if r.random() < 0.6:
                d.t(" "); emit_time(d, "hm")
        if r.random() < 0.3:
            d.t("\nTRANSCRIBED BY: ", noise=False).p(Person(r).initials().upper(), "NAME")
            d.t("  D: ", noise=False); emit_date(d, c["exam"], "mmddyy")
            d.t(" T: ", noise=False); emit_date(d, c["exam"] + datetime.timedelta(days=r.randint(0, 1)), "mmddyy")
            d.t("  JOB# ", noise=False).p(id_value(r, "job"), "ID")
    elif style == "pair":
        d.t(r.choice(["Resident: ", "Resident physician: ", "Fellow: "]), noise=False)
        emit_staff(d, res, r.choice(["dr_full", "full_md", "fml_md", "f_last"]))
        if r.random() < 0.7:
            d.t(", "); emit_phone(d, r.choice(["pager", "pg", "beeper", "x"]))
        d.t("\n" + r.choice(["Attending: ", "Attending radiologist: ", "Staff: "]), noise=False)
        emit_staff(d, att, r.choice(["dr_full", "full_md", "fml_md", "dr_last"]))
        if r.random() < 0.4:
            d.t(", "); emit_phone(d, r.choice(["ext", "x", "full"]))
        d.t("\n" + r.choice(["I have personally reviewed the images and agree with the findings above.",
                             "I have reviewed the images and the resident's interpretation and agree.",
                             "Attending attestation: agree with above."]))
        if r.random() < 0.45:
            d.t("\nElectronically signed by ")
            emit_staff(d, att, r.choice(["full_md", "LAST_FIRST_md", "fml_md"]))
            d.t(" on "); emit_date(d, c["exam"]); d.t(" at "); emit_time(d)
    elif style == "terse":
        d.t("-- " if r.random() < 0.5 else "")
        emit_staff(d, att, r.choice(["initials", "initials_dot", "f_last"]))
        if r.random() < 0.5:
            d.t("/")
            emit_staff(d, res, r.choice(["initials", "initials"]))
        if r.random() < 0.6:
            d.t(" "); emit_phone(d, r.choice(["pg", "x", "pager"]))
    else:
        d.t("Read by: ", noise=False); emit_staff(d, att, r.choice(["dr_full", "full_md", "fml_md"]))
        d.t(" ("); emit_phone(d, r.choice(["ext", "full", "x"])); d.t(")")
        if r.random() < 0.5:
            d.t("\nNPI: ", noise=False).p(id_value(r, "npi"), "ID")


def wet_read(d, c):
    r = d.rng
    d.t("\n\n" + r.choice(["WET READ: ", "Wet read ", "PRELIM (wet read): "]), noise=False)
    emit_staff(d, c["resident"], r.choice(["initials", "initials", "f_last", "dr_last"]))
    d.t(" ")
    if r.random() < 0.6:
        emit_date(d, c["exam"], r.choice(["mdy", "mmddyy", "MonD_ord"]))
        d.t(" ")
    emit_time(d)
    msgs = {"cxr": ["no ptx. ", "tube in good position. ", "new LLL opacity. ", "lines ok, no ptx. "],
            "cta": ["no PE. ", "+ segmental PE RLL. ", "no dissection, no PE. "]}.get(c["mod"], ["no acute process. ", "nodule as described. ", "no acute change. "])
    d.t(": " + r.choice(msgs))
    if r.random() < 0.7:
        d.t(r.choice(["d/w ", "discussed with ", "called to ", "paged "]))
        q = r.random()
        if q < 0.5:
            emit_role_name(d, c["nurse"])
        else:
            emit_staff(d, c["ordering"], r.choice(["dr_last", "lower_dr", "drglued"]))
        if r.random() < 0.5:
            d.t(" "); emit_phone(d, r.choice(["x", "ext", "pager", "short"]))
        d.t(".")


def addendum(d, c):
    r = d.rng
    d.t("\n\n" + r.choice(["ADDENDUM", "Addendum", "*** ADDENDUM ***"]), noise=False)
    if r.random() < 0.7:
        d.t(" (")
        emit_date(d, c["exam"] + datetime.timedelta(days=r.randint(0, 3)))
        if r.random() < 0.6:
            d.t(" "); emit_time(d)
        d.t(")")
    d.t(": ")
    x = r.random()
    if x < 0.5:
        d.t(r.choice(["Critical result", "Findings", "Results", "Impression"]) + " discussed with ")
        if r.random() < 0.5:
            emit_staff(d, c["ordering"], r.choice(["dr_last", "dr_full", "full_md"]))
        else:
            emit_role_name(d, c["nurse"])
        d.t(" by telephone at "); emit_time(d)
        if r.random() < 0.5:
            d.t(", "); emit_phone(d)
        d.t(". Read-back confirmed.")
    elif x < 0.75:
        d.t("On further review, the ").k(mm(r, 4, 15), "MEASUREMENT").t(" nodule in the %s was present on outside films from " % r.choice(LOBE_AB))
        d.p(hospital(r, r.choice(["out", "bare"])), "HOSPITAL").t(" (").p(fmt_partial(r, c["exam"] - datetime.timedelta(days=r.randint(300, 3000))), "DATE").t(") and is stable.")
    else:
        d.t("Correction: laterality in impression should read %s. Report corrected. " % r.choice(["left", "right"]))
    d.t("\n")
    emit_staff(d, c["attending"], r.choice(["dr_full", "full_md", "initials_dot", "f_last"]))


def telerad(d, c):
    r = d.rng
    d.t("\n\n" + r.choice(["Preliminary interpretation provided by ", "Overnight prelim by ", "PRELIM READ BY "]), noise=False)
    d.p(r.choice(TELERAD), "ORGANIZATION")
    if r.random() < 0.7:
        d.t(" (")
        emit_staff(d, Person(r), r.choice(["dr_full", "full_md", "dr_last"]))
        d.t(")")
    d.t(" at "); emit_time(d)
    d.t(r.choice(["; concordant with final read.", "; discordant - see addendum.", ". Final read agrees.", "."]))


def contact(d, c):
    r = d.rng
    host = ascii_fold(c["hosp"].split()[0]).lower().replace(".", "").replace("'", "") or "hosp"
    x = r.random()
    if x < 0.35:
        d.t("\nImages: ").p("https://pacs.%s.org/viewer?acc=%s" % (host, digits(r, 8)), "CONTACT")
    elif x < 0.6:
        a = c["attending"]
        em = "%s.%s@%s.org" % (ascii_fold(a.first).lower().replace(" ", ""), ascii_fold(a.last).lower().replace(" ", "").replace("'", ""), host)
        d.t("\nQuestions: ").p(em, "CONTACT")
    elif x < 0.8:
        d.t("\nReport generated at workstation ").p("10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)), "CONTACT")
    else:
        a = c["resident"]
        d.t("\nDictated by user ").p((ascii_fold(a.first[0] + a.last).lower().replace(" ", "").replace("'", "").replace("-", "") + str(r.randint(1, 99))), "CONTACT")


def prelim(d, c):
    r = d.rng
    d.t(r.choice(["prelim read", "prelim", "resident prelim", "wet read", "prelim (resident)"]) + r.choice([": ", " - ", " -- "]) + c["title"].lower() + "\n", noise=False)
    if d.phi_on and r.random() < 0.7:
        d.t(r.choice(["pt ", "pt: ", "", "name: "]), noise=False)
        p = c["pt"]
        d.p(r.choice(["%s %s" % (p.first, p.last), "%s, %s" % (p.last, p.first), p.last]), "NAME")
        if r.random() < 0.7:
            d.t(r.choice([" / mrn ", " mrn ", " (", " #"]), noise=False)
            v = id_value(r, "mrn")
            d.p(v, "ID")
            if d.parts[-2].endswith("("):
                d.t(")")
        d.t("\n")
    d.t(r.choice(["hx: ", "hx ", "indication: ", "ind: "]), noise=False)
    emit_age(d, c["age"], c["sex"])
    d.t(" " + indication(r, c) + ". ")
    if c["mod"] == "cxr" and r.random() < 0.5:
        emit_vent(d)
    if r.random() < 0.4:
        emit_vitals(d, c)
    if d.phi_on and c["prior"] is not None and r.random() < 0.6:
        d.t(r.choice(["\ncomp: ", "\ncompared w/ ", "\nprior: "]), noise=False)
        if r.random() < 0.4:
            d.t("outside films from ").p(hospital(r, r.choice(["bare", "out"])), "HOSPITAL").t(" ")
        emit_prior_date(d, c)
    d.t(r.choice(["\n\nfindings: ", "\nfindings - ", "\n\n"]), noise=False)
    findings_inline(d, c)
    d.t(r.choice(["\nimp: ", "\n\nimpression: ", "\nimpr: "]), noise=False)
    d.t(r.choice(["as above. ", "see above. ", ""]))
    d.t(r.choice(["final to follow.", "attending to review.", "prelim only, final read to follow in am.", "pls call w/ questions."]))
    if d.phi_on:
        if r.random() < 0.7:
            d.t("\n" + r.choice(["d/w ", "discussed w/ ", "spoke w/ ", "called "]))
            if r.random() < 0.5:
                emit_staff(d, c["ordering"], r.choice(["lower_dr", "dr_last", "drglued"]))
            else:
                emit_role_name(d, c["nurse"])
            d.t(r.choice([" at ", " @ ", " "]))
            emit_time(d)
            d.t(".")
        d.t("\n" + r.choice(["-- ", "- ", ""]), noise=False)
        emit_staff(d, c["resident"], r.choice(["initials", "initials", "f_last", "lower_dr"]))
        if r.random() < 0.7:
            d.t(" " + r.choice(["(res) ", "r2 ", "pgy3 ", ""]))
            emit_phone(d, r.choice(["pg", "pager", "x", "beeper"]))


def findings_inline(d, c):
    r = d.rng
    mod = c["mod"]
    if mod in ("us", "fluoro"):
        f = US_MAP.get(c["title"]) or r.choice(MODALITIES[mod]["find"])
        f(d, c)
    else:
        for f in r.sample(MODALITIES[mod]["find"], min(len(MODALITIES[mod]["find"]), r.randint(1, 3))):
            f(d, c)
            if r.random() < 0.4:
                d.t("\n", noise=False)


def build(r, phi_on):
    c = make_ctx(r)
    if not phi_on and c["age"] >= 90:
        c["age"] = r.randint(60, 89)
    kind = r.choices(["final", "prelim"], [0.75, 0.25])[0]
    if kind == "prelim":
        case = r.choices(["lower", "mixed"], [0.8, 0.2])[0]
    else:
        case = r.choices(["upper", "mixed", "lower"], [0.3, 0.62, 0.08])[0]
    d = Doc(r, case, phi_on)
    if kind == "prelim":
        prelim(d, c)
        if phi_on and r.random() < 0.15:
            contact(d, c)
        return d
    if case == "upper":
        hs = r.choices(["ris", "fields", "minimal"], [0.7, 0.15, 0.15])[0]
    else:
        hs = r.choices(["ris", "fields", "minimal"], [0.12, 0.43, 0.45])[0]
    header(d, c, hs)
    history(d, c)
    if r.random() < 0.85:
        technique(d, c)
    comparison(d, c)
    imps = findings(d, c)
    impression(d, c, imps)
    if phi_on:
        if c["mod"] in ("cxr", "cta", "ct_chest") and r.random() < 0.22:
            wet_read(d, c)
        if r.random() < 0.14 and c["mod"] in ("cta", "ct_chest", "cxr", "us"):
            telerad(d, c)
    sig = r.choice(["ris", "ris", "pair", "terse", "readby"] if case == "upper" else ["pair", "pair", "terse", "terse", "readby", "ris"])
    signature(d, c, sig)
    if phi_on:
        if r.random() < 0.15:
            addendum(d, c)
        if r.random() < 0.15:
            contact(d, c)
    return d


# ---------------------------------------------------------------------------
# Self check
# ---------------------------------------------------------------------------
def check_record(rec):
    text = rec["text"]
    errs = []
    for key, lab in (("phi", "label"), ("protected", "kind")):
        prev_end = -1
        prev_start = -1
        for s in rec[key]:
            a, b = s["start"], s["end"]
            if not (isinstance(a, int) and isinstance(b, int)) or not (0 <= a < b <= len(text)):
                errs.append("%s span out of range/empty %r" % (key, s))
                continue
            seg = text[a:b]
            if seg != seg.strip():
                errs.append("%s span whitespace %r" % (key, seg))
            if a < prev_start:
                errs.append("%s spans not sorted" % key)
            if a < prev_end:
                errs.append("%s spans overlap at %d" % (key, a))
            prev_end = max(prev_end, b)
            prev_start = a
            if key == "phi" and s[lab] not in PHI_LABELS:
                errs.append("bad label %r" % s[lab])
            if key == "protected" and s[lab] not in KINDS:
                errs.append("bad kind %r" % s[lab])
    # phi vs protected
    ps = sorted((s["start"], s["end"]) for s in rec["phi"])
    qs = sorted((s["start"], s["end"]) for s in rec["protected"])
    i = j = 0
    while i < len(ps) and j < len(qs):
        if ps[i][1] <= qs[j][0]:
            i += 1
        elif qs[j][1] <= ps[i][0]:
            j += 1
        else:
            errs.append("phi %r overlaps protected %r" % (ps[i], qs[j]))
            break
    return errs


def main(argv=None):
    ap = argparse.ArgumentParser(description="Synthetic annotated radiology report generator")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    r = random.Random(a.seed)
    recs = []
    for i in range(a.n):
        phi_on = r.random() < 0.86
        for _ in range(200):
            d = build(r, phi_on)
            txt = d.text()
            if 300 <= len(txt) <= 2500 and (not phi_on or d.phi):
                break
        recs.append({"id": "rad-%d-%05d" % (a.seed, i), "text": txt, "phi": d.phi, "protected": d.prot})
    bad = 0
    for rec in recs:
        errs = check_record(rec)
        if errs:
            bad += 1
            sys.stderr.write("%s: %s\n" % (rec["id"], "; ".join(errs[:5])))
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    if bad:
        sys.stderr.write("self-check FAILED for %d of %d records\n" % (bad, len(recs)))
        return 1
    sys.stderr.write("wrote %d records to %s; self-check passed\n" % (len(recs), a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
