#!/usr/bin/env python3
"""Synthetic annotated clinical-text corpus generator (style: community-hospital
discharge summaries, consult letters, case-management / social-work notes and
inter-facility transfer forms).  Standard library only.

    python3 gen.py --seed S --n N --out FILE.jsonl
"""
import argparse
import datetime as dt
import json
import re
import random
import sys

# ---------------------------------------------------------------------------
# Markup: templates are written as strings with embedded control-character
# markers; the Builder parses them and records exact offsets.
# ---------------------------------------------------------------------------
_PHI, _PROT, _SEP, _END = "\x01", "\x04", "\x02", "\x03"
_MARK_RE = re.compile("([\x01\x04])([A-Z]+)\x02(.*?)\x03", re.S)


def M(label, s):
    return f"{_PHI}{label}{_SEP}{s}{_END}"


def K(kind, s):
    return f"{_PROT}{kind}{_SEP}{s}{_END}"


def N(s): return M("NAME", s)
def D(s): return M("DATE", s)
def TM(s): return M("TIME", s)
def PH(s): return M("PHONE", s)
def ID(s): return M("ID", s)
def AG(s): return M("AGE", s)
def LO(s): return M("LOCATION", s)
def HO(s): return M("HOSPITAL", s)
def OR(s): return M("ORGANIZATION", s)
def CT(s): return M("CONTACT", s)
def MS(s): return K("MEASUREMENT", s)
def FR(s): return K("FRACTION", s)
def SE(s): return K("SETTING", s)
def VI(s): return K("VITAL", s)
def EP(s): return K("EPONYM", s)
def DV(s): return K("DEVICE", s)
def DR(s): return K("DRUG", s)


def plain_len(s):
    return len(_MARK_RE.sub(lambda m: m.group(3), s))


class Builder:
    def __init__(self, rng, case="mixed", wrap=0.0, dbl=0.0, typo=0.0):
        self.r = rng
        self.case = case
        self.wrap, self.dbl, self.typo = wrap, dbl, typo
        self.parts = []
        self.n = 0
        self.phi = []
        self.prot = []

    def _case(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        return s

    def _noise(self, s):
        r = self.r
        if self.typo and len(s) > 6:
            def sw(m):
                w = m.group(0)
                if r.random() < self.typo and w.isalpha() and w.islower():
                    i = r.randint(1, len(w) - 3)
                    return w[:i] + w[i + 1] + w[i] + w[i + 2:]
                return w
            s = re.sub(r"[A-Za-z]{6,}", sw, s)
        if self.wrap or self.dbl:
            out = []
            for ch in s:
                if ch == " ":
                    x = r.random()
                    if x < self.wrap:
                        out.append("\n")
                        continue
                    if x < self.wrap + self.dbl:
                        out.append("  ")
                        continue
                out.append(ch)
            s = "".join(out)
        return s

    def _append(self, s):
        self.parts.append(s)
        self.n += len(s)

    def write(self, marked):
        pos = 0
        for m in _MARK_RE.finditer(marked):
            if m.start() > pos:
                self._append(self._case(self._noise(marked[pos:m.start()])))
            val = self._case(m.group(3))
            start = self.n
            self._append(val)
            rec = (start, self.n, m.group(2))
            (self.phi if m.group(1) == _PHI else self.prot).append(rec)
            pos = m.end()
        if pos < len(marked):
            self._append(self._case(self._noise(marked[pos:])))

    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------------------
# Surrogate lists (written for this program)
# ---------------------------------------------------------------------------
MALE = """James Robert William Thomas Edward Harold Walter George Arthur Frank Raymond
Eugene Francis Leonard Stanley Albert Kenneth Donald Richard Charles Henry Ernest Howard
Clarence Marcus Derek Kevin Brian Sean Liam Declan Padraig Ciaran Eamon Callum Angus Hamish
Alasdair Jose Juan Carlos Luis Miguel Alejandro Jesus Rafael Joaquin Ernesto João Tiago Rui
Duarte Vasco Jean Pierre Luc Étienne Thierry Pieter Joost Maarten Dieter Klaus Jürgen Wolfgang
Giuseppe Salvatore Vincenzo Luca Matteo Giovanni Piotr Tomasz Krzysztof Wojciech Łukasz Dmitri
Sergei Aleksandr Yuri Mykola Taras Bohdan Oleksandr Nikos Giorgos Dimitrios Stavros Mehmet
Mustafa Emre Burak Ahmed Omar Khalid Yusuf Tariq Hassan Karim Reza Dariush Kourosh Farhad Babak
Oluwaseun Adebayo Babatunde Tunde Chukwuemeka Obinna Emeka Kwame Kofi Kwabena Yaw Tesfaye Dawit
Abebe Juma Baraka Otieno Rajesh Sanjay Arjun Vikram Suresh Imran Anil Wei Jian Hao Zhiwei
Min-jun Seung-ho Jae-won Minh Quang Tuan Hiroshi Kenji Takeshi Haruto Rodel Jun Bayani Ahanu
Chayton Lars Nils Björn Søren Magnus Eero Einar Hardy Wolf Hunter Mason Will Mark Bill Rowan
Deshawn Tyrone Jamal Dwayne Cornelius Ignatius Thaddeus Bartholomew Augustin Ezekiel""".split()

FEMALE = """Mary Dorothy Helen Margaret Ruth Mildred Virginia Frances Evelyn Alice Gladys Edna
Lorraine Shirley Barbara Patricia Joan Eleanor Irene Florence Bernice Doris Marjorie Phyllis
Siobhan Aoife Niamh Maeve Saoirse Eilidh Morag Fiona Catriona Maria Guadalupe Carmen Dolores
Rosario Inés Lucia Esperanza Consuelo Graça Conceição Fernanda Beatriz Madalena Amélie Brigitte
Sylvie Chloé Geneviève Margriet Anneke Ingrid Hannelore Gisela Liesel Giuseppina Rosaria
Concetta Francesca Agnieszka Katarzyna Małgorzata Jadwiga Olga Svetlana Tatiana Lyudmila Oksana
Halyna Olena Nataliya Eleni Despina Athena Georgia Ayşe Fatma Elif Zeynep Fatima Aisha Layla
Mariam Noor Samira Shirin Parisa Maryam Roya Folasade Adaeze Ngozi Chiamaka Yetunde Funmilayo
Akosua Ama Abena Efua Almaz Meseret Wanjiru Achieng Zawadi Priya Lakshmi Sunita Anjali Deepika
Farzana Mei Xiu Ying Ji-yeon Soo-jin Eun-ji Thuy Lan Hoa Yuki Keiko Haruka Michiko Maricel
Rowena Analyn Ligaya Winona Aiyana Nizhoni Ayasha Astrid Sigrid Ingeborg Freya Annikki Hope Joy
Grace Faith Rose Summer Dawn Holly Ivy June April Iris Pearl Ruby Violet Hazel Constance Charity
Patience Sunny Honor Lane Tamika Latoya Shanice Imani Ebony Bernadette Philomena Wilhelmina
Gertrude Ottilie Zoë""".split()

SURNAMES = """Smith Johnson Whitaker Pennington Ashworth Thornbury Hadley Caldwell Fairbanks
Hollis Pemberton Blackwood Ellsworth Kimball Prescott Hatch Winslow Cobb Alden Sturgis Thayer
Lovejoy Merriweather Hargrove Cartwright Dunmore Hope Frost Bishop Lane Hardy Wolf Young Rivers
Joy Baker Price Fox Bell Stone Wells Marsh Moody Sharp Love Small Hale Little Swift Banks Brooks
Woods Hill Strong Cook Carpenter Miller Taylor Turner Walker Church King Knight Law Page Rice
Snow Winter Summers Dean Good Gold Noble O'Shaughnessy O'Brien O'Donnell O'Sullivan McAllister
McGillicuddy McNamara MacLeod MacKenzie MacDonald Fitzgerald Gallagher Donoghue Kavanagh
Quigley Sweeney Doherty Cassidy Mulcahy Lennox Buchanan Ferguson García Rodríguez Hernández
Morales Castillo Vásquez Ochoa Villanueva Sandoval Quintero Echeverría Zambrano Cienfuegos
Betancourt Arriaga Peña Ibarra Montoya Pereira Carvalho Rodrigues Ferreira Gonçalves Medeiros
Sousa Tavares Furtado Amaral Cabral Pacheco Rebelo Dubois Lefebvre Moreau Girard Fontaine
Beaulieu Thibodeau Lavoie Gagnon Bouchard Desrosiers Arsenault Müller Schneider Hoffmann
Becker Wagner Schäfer Esposito Russo Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo
Conti Lombardi Caruso Santoro D'Angelo Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski
Zieliński Szymański Dąbrowski Grabowski Pawlak Kowalczyk Ivanov Smirnova Kuznetsov Popov
Sokolova Lebedev Volkov Morozova Petrov Fedorov Shevchenko Kovalenko Bondarenko Tkachenko
Kravchenko Melnyk Boyko Oliynyk Hrytsenko Lysenko Papadopoulos Konstantinidis Georgiou
Nikolaidis Papageorgiou Karagiannis Vlachos Christodoulou Yılmaz Kaya Demir Şahin Çelik
Öztürk Aydın Arslan Doğan Haddad Khoury Nasser Mansour Saleh Hamdan Abboud Barakat Tehrani
Hosseini Rahimi Farahani Moradi Karimi Jafari Sadeghi Ahmadi Adeyemi Olawale Ogunleye Afolabi
Oyelaran Babatunde Okonkwo Okafor Nwosu Eze Chukwu Obi Nwachukwu Okeke Mensah Asante Owusu
Boateng Osei Agyeman Appiah Ofori Haile Bekele Wolde Girma Kiprop Mwangi Omondi Wanjiku Abdi
Warsame Patel Sharma Iyer Reddy Chatterjee Banerjee Gupta Nair Menon Krishnamurthy Siddiqui
Chaudhry Qureshi Rahman Hossain Jayawardena Perera Wang Li Zhang Liu Chen Huang Zhao Xu Zhou
Lin Tsang Chan Leung Wong Kim Park Lee Choi Jung Kang Cho Yoon Jang Nguyen Tran Le Pham Hoang
Phan Vu Dang Bui Huynh Nakamura Tanaka Suzuki Watanabe Yamamoto Kobayashi Sato Takahashi
Fujimoto Matsuda Santos Reyes Cruz Bautista Macaraeg Mendoza Villareal Dimaculangan
Panganiban Soriano Begay Yazzie Tsosie Benally Runningwater Whitehorse Lightfoot Redcloud
Bearheart Silversmith Lindqvist Johansson Andersen Halvorsen Björk Nyström Sandberg Virtanen
Korhonen Haugen Solberg Magnusson Eriksen Hadley Okoro Pham Washington Jefferson Greenberg
Rosenthal Katz Goldstein Feldman Abramowitz""".split()
SURNAMES = list(dict.fromkeys(SURNAMES))

PARTICLE_SURNAMES = ["van der Berg", "van Dijk", "Van Houten", "de Vries", "ter Horst",
                     "van den Broek", "von Essen", "von Hagen", "de la Fuente", "De Luca",
                     "Di Salvo", "Del Vecchio", "da Silva", "da Costa", "del Toro", "dos Santos",
                     "al-Hashimi", "al-Farsi", "el-Amin", "bin Rashid", "Dela Cruz", "de Souza",
                     "van Rensburg", "de los Santos", "di Napoli", "ter Meulen", "van 't Hof",
                     "Mac an tSaoir", "St. Pierre", "Le Blanc", "De Jesus", "von Tresckow"]
HISP = ["García", "Rodríguez", "Hernández", "Morales", "Castillo", "Vásquez", "Ochoa",
        "Villanueva", "Sandoval", "Quintero", "Echeverría", "Zambrano", "Peña", "Ibarra",
        "Montoya", "Cienfuegos", "Betancourt", "Arriaga"]

SYL_A = ["Ka", "Zor", "Bel", "Ta", "Mir", "Quo", "Vel", "Dra", "Os", "Ny", "Fen", "Lu",
         "Ro", "Sib", "Thal", "Ur", "Ya", "Gri", "Pel", "Xan", "Ev", "Cor", "Im", "Wen"]
SYL_B = ["ra", "lin", "do", "vek", "sa", "mi", "ten", "quil", "ro", "zha", "bel", "nor",
         "ith", "ae", "lo", "vy", "ran", "mer", "shi", "tal"]
SYL_C = ["n", "x", "sky", "wick", "dottir", "ard", "ez", "ova", "ian", "oglu", "aki",
         "ström", "stead", "ford", "ley", "enko"]

TOWNS = """Framingham|Worcester|Lowell|Brockton|Quincy|Fall River|New Bedford|Pittsfield|Gloucester|
Taunton|Attleboro|Haverhill|Leominster|Fitchburg|Chicopee|Holyoke|Westfield|Medford|Malden|Revere|
Chelsea|Everett|Somerville|Waltham|Natick|Peabody|Salem|Beverly|Lynn|Danvers|Amesbury|Nashua|
Manchester|Concord|Keene|Portsmouth|Dover|Bangor|Lewiston|Augusta|Burlington|Rutland|Providence|
Pawtucket|Woonsocket|Cranston|Warwick|Hartford|Waterbury|New Haven|Stamford|Bridgeport|Albany|
Utica|Syracuse|Scranton|Allentown|Erie|Toledo|Dayton|Akron|Peoria|Rockford|Duluth|Fargo|
Sioux Falls|Boise|Spokane|Eugene|Fresno|Bakersfield|Tucson|El Paso|Laredo|Tulsa|Wichita|Topeka|
Lubbock|Shreveport|Biloxi|Mobile|Savannah|Macon|Asheville|Roanoke|Lynchburg|Wheeling|Altoona|
Kalamazoo|Flint|Saginaw|Green Bay|Eau Claire|Dubuque|Cedar Rapids|Joplin|Bozeman|Billings|
Cheyenne|Casper|Flagstaff|Gallup|Santa Fe|Las Cruces|Provo|Reno|Yakima|Bend|Ponta Delgada|Praia|
Mindelo|Lisbon|Porto|Braga|Galway|Cork|Sligo|Limerick|Inverness|Aberdeen|Dundee|Leeds|Sheffield|
Bristol|Norwich|Lyon|Marseille|Lille|Rouen|Utrecht|Groningen|Rotterdam|Bremen|Leipzig|Kassel|
Naples|Palermo|Bari|Catania|Kraków|Łódź|Gdańsk|Lublin|Kharkiv|Lviv|Odesa|Poltava|Vinnytsia|
Samara|Kazan|Tver|Thessaloniki|Patras|Heraklion|Izmir|Konya|Bursa|Trabzon|Aleppo|Homs|Beirut|
Tripoli|Irbid|Mosul|Basra|Shiraz|Isfahan|Tabriz|Mashhad|Ibadan|Abeokuta|Enugu|Onitsha|Kumasi|
Tamale|Cape Coast|Addis Ababa|Gondar|Mombasa|Kisumu|Eldoret|Arusha|Kampala|Pune|Chennai|Kochi|
Lucknow|Dhaka|Sylhet|Chittagong|Lahore|Karachi|Kandy|Guangzhou|Fuzhou|Wenzhou|Busan|Daegu|
Incheon|Da Nang|Hue|Can Tho|Haiphong|Osaka|Sendai|Nagoya|Fukuoka|Cebu|Iloilo|Davao|Baguio|
Bergen|Trondheim|Uppsala|Malmö|Tampere|Oulu|Aarhus|Odense|Akureyri|Santo Domingo|
Santiago de los Caballeros|San Juan|Ponce|Mayagüez|Guatemala City|Quetzaltenango|San Salvador|
Tegucigalpa|Medellín|Cali|Cuenca|Arequipa|Port-au-Prince|Cap-Haïtien|Kingston|Montego Bay|
Halifax|Moncton|Sherbrooke|Trois-Rivières|Ashby Falls|North Carrow|Wendham|Pellston Mills|
East Marlow|Quenby|Harrowgate Center|Lower Tillbury|Stonefield|West Amberly|Kettering Falls|
Ossipee Junction|Marlow Hollow|Bramwell|Dunmore Heights|Fenwick|Glenrock|Hollis Corner|
Ivybridge|Juniper Flats|Kells Harbor|Larkspur|Millbrook Station|Norcross Landing|Oxbow|
Pemberton Springs|Quarry Hill|Redmarsh|Saltonstall|Thistleton|Upper Cawley|Vantry|Whitmore Bay|
Yarrow Point|Zellwood""".replace("\n", "").split("|")
TOWNS = [t.strip() for t in TOWNS if t.strip()]

US_TOWNS = TOWNS[:TOWNS.index("Bend") + 1] + TOWNS[TOWNS.index("Ashby Falls"):]
STATES = [("Massachusetts", "MA"), ("New Hampshire", "NH"), ("Maine", "ME"), ("Vermont", "VT"),
          ("Rhode Island", "RI"), ("Connecticut", "CT"), ("New York", "NY"),
          ("Pennsylvania", "PA"), ("Ohio", "OH"), ("Florida", "FL"), ("Texas", "TX"),
          ("Arizona", "AZ"), ("Oregon", "OR"), ("Minnesota", "MN"), ("Georgia", "GA")]

COUNTRIES = ["Guatemala", "Ukraine", "Cape Verde", "Portugal", "Brazil", "Haiti",
             "the Dominican Republic", "El Salvador", "Honduras", "Mexico", "Colombia",
             "Ireland", "Italy", "Poland", "Greece", "Turkey", "Lebanon", "Syria", "Iraq", "Iran",
             "Nigeria", "Ghana", "Ethiopia", "Kenya", "Somalia", "India", "Pakistan",
             "Bangladesh", "Sri Lanka", "China", "South Korea", "Vietnam", "Cambodia", "Japan",
             "the Philippines", "Jamaica", "Trinidad", "Puerto Rico", "Canada", "Russia",
             "Albania", "Bosnia", "Eritrea", "Sudan", "Liberia", "Sierra Leone", "Nepal", "Laos",
             "Peru", "Ecuador", "Cuba", "Norway", "Sweden", "Finland", "Germany",
             "the Netherlands", "Scotland", "the Azores", "Uganda", "Morocco"]

NEIGH = ["Fields Corner", "Dorchester", "North End", "Fox Point", "Ironbound", "Little Portugal",
         "South End", "Flint Hill", "Highland Park", "Frog Hollow", "the Flats", "Olneyville",
         "Goat Hill", "Westville", "Kensington", "Brightwood", "Acre", "Centralville", "Chinatown"]
STREET_BASE = ["Elm", "Maple", "Oak", "Pleasant", "Highland", "Washington", "Prospect",
               "Lincoln", "Chestnut", "Summer", "Bay", "Harbor", "Mill", "Water", "Pine",
               "Cedar", "Ridge", "Orchard", "Quarry", "Hancock", "Adams", "Tremont", "Centre",
               "Cottage", "Beacon", "Spring", "Granite", "Lakeview", "Meadowbrook",
               "Old Colony", "Farm", "School", "Brook", "Willow", "Birch", "Kendall",
               "Whitney", "Pearl", "Union", "Franklin", "Salisbury", "Dorchester", "Nantasket",
               "Lowell", "Rockland", "Fenno", "Wachusett", "Prospect Hill", "Saint Botolph",
               "Dudley", "Everett", "Bowdoin", "Columbia", "Quincy Shore", "Hollis"]
STREET_SUF = ["Street", "St", "St.", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Court",
              "Terrace", "Place", "Way", "Circle", "Boulevard", "Parkway", "Highway"]

FAC_STEM = ["Maple Crest", "Hollis Valley", "Riverside", "Brookhaven", "Cedar Ridge",
            "Willow Bend", "Heritage", "Pine Knoll", "Laurel Hill", "Fairhaven", "Golden Pond",
            "Seacoast", "Meadowview", "Lakeshore", "Northgate", "Bayview", "Harborside",
            "Stonebridge", "Autumn Glen", "Briarwood", "Hillcrest", "Oakwood", "Ashgrove",
            "Whitcomb", "Kimball Farm", "Sachem Hill", "Wingfield", "Blue Heron", "Juniper Point",
            "Copper Beech", "Quabbin", "Silver Lake", "Chestnut Hill", "Greystone", "Elmhurst",
            "Misty Harbor", "Lantern Hill", "Wyndham Green", "Mount Hollis", "Canterbury",
            "Thornfield", "Saltmarsh", "Kettle Pond", "Evergreen", "Bellwether", "Crane Brook"]
SAINTS = ["St. Brigid's", "St. Anselm", "St. Vincent's", "St. Elizabeth's", "St. Columba",
          "Our Lady of the Valley", "Mercy", "Good Samaritan", "Holy Family", "St. Luke's",
          "Sisters of Providence", "St. Casimir", "St. Raphael"]
HOSP_SUF = ["Hospital", "Medical Center", "Regional Medical Center", "Community Hospital",
            "Memorial Hospital", "General Hospital", "Health", "Hospital Center"]
SNF_SUF = ["Nursing Home", "Nursing and Rehabilitation Center", "Care Center", "Manor", "Villa",
           "Lodge", "Healthcare", "Health Care Center", "Skilled Nursing", "Home for the Aged"]
REHAB_SUF = ["Rehab", "Rehabilitation Hospital", "Rehab Center", "Rehabilitation and Nursing"]
ALF_SUF = ["House", "Assisted Living", "Senior Living", "Residences", "Commons", "Village",
           "Place", "Manor"]
HOSPICE_SUF = ["Hospice", "Hospice House", "Hospice and Palliative Care"]
SPECIALTIES = ["Cardiology", "Pulmonary", "Nephrology", "Gastroenterology", "Orthopedics",
               "Neurology", "Urology", "Geriatrics", "Internal Medicine", "Oncology",
               "Endocrinology", "Vascular Surgery", "Podiatry", "Wound Care"]
PRACTICE_SUF = ["Associates", "Group", "Clinic", "Health Center", "Family Practice",
                "Specialists", "Partners"]
EMPLOYER_SUF = ["Marine Works", "Tool & Die", "Paper Mill", "Textiles", "Manufacturing",
                "Trucking", "Construction", "Plumbing & Heating", "Shipyard", "Foundry",
                "Dairy", "Furniture Co.", "Printing", "Bakery", "Seafood", "Shoe Company",
                "Electric", "Auto Body", "Landscaping", "Cranberry Growers"]
SCHOOL_SUF = ["Elementary", "Elementary School", "Middle School", "High School",
              "Regional High School", "Community College", "Academy"]

OCCUPATIONS = ["welder", "schoolteacher", "machinist", "nurse's aide", "longshoreman",
               "seamstress", "bus driver", "bookkeeper", "fisherman", "factory worker",
               "housekeeper", "carpenter", "electrician", "postal carrier", "cook",
               "hairdresser", "mechanic", "truck driver", "secretary", "custodian",
               "librarian", "pharmacist", "farmer", "home health aide", "janitor",
               "accountant", "security guard", "taxi driver", "engineer", "cashier"]
KIN_M = ["son", "husband", "brother", "nephew", "grandson", "son-in-law", "partner"]
KIN_F = ["daughter", "wife", "sister", "niece", "granddaughter", "daughter-in-law", "partner"]
EMAIL_DOM = ["gmail.com", "yahoo.com", "comcast.net", "verizon.net", "aol.com", "outlook.com",
             "hotmail.com", "att.net", "charter.net", "icloud.com", "mailbox.org"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


# ---------------------------------------------------------------------------
# Surrogate makers
# ---------------------------------------------------------------------------
def invented(r):
    s = r.choice(SYL_A) + r.choice(SYL_B)
    if r.random() < 0.6:
        s += r.choice(SYL_C)
    return s


def surname(r):
    x = r.random()
    if x < 0.08:
        return r.choice(PARTICLE_SURNAMES)
    if x < 0.13:
        a, b = r.sample(HISP, 2)
        return f"{a} {b}"
    if x < 0.18:
        a, b = r.sample(SURNAMES, 2)
        return f"{a}-{b}"
    if x < 0.22:
        return invented(r)
    return r.choice(SURNAMES)


def given(r, sex):
    if r.random() < 0.05:
        return invented(r)
    return r.choice(MALE if sex == "M" else FEMALE)


class Person:
    def __init__(self, r, sex=None, last=None, role=None):
        self.sex = sex or r.choice("MF")
        self.first = given(r, self.sex)
        self.last = last or surname(r)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW")
        self.role = role

    @property
    def he(self): return "he" if self.sex == "M" else "she"
    @property
    def his(self): return "his" if self.sex == "M" else "her"
    @property
    def him(self): return "him" if self.sex == "M" else "her"


def name_full(r, p, mi=0.2):
    if r.random() < mi:
        return N(f"{p.first} {p.mi}. {p.last}")
    return N(f"{p.first} {p.last}")


def name_header(r, p):
    x = r.random()
    if x < 0.35:
        return N(p.last.upper()) + ", " + N(f"{p.first.upper()} {p.mi}")
    if x < 0.55:
        return N(p.last.upper()) + ", " + N(p.first.upper())
    if x < 0.75:
        return N(p.last) + ", " + N(p.first)
    return name_full(r, p, 0.4)


def doc_name(r, p):
    """A physician referenced in running text."""
    x = r.random()
    if x < 0.35:
        return "Dr. " + N(p.last)
    if x < 0.45:
        return "Dr." + N(p.last)
    if x < 0.55:
        return "Dr " + N(p.last)
    if x < 0.65:
        return "dr " + N(p.last.lower())
    if x < 0.85:
        return "Dr. " + N(f"{p.first} {p.last}")
    return name_full(r, p) + ", MD"


def staff_ref(r, p, role):
    """Nurse / PA / SW etc referenced by role."""
    forms = {
        "RN": [f"RN {N(p.last)}", f"per Nurse {N(p.last)}", f"{N(p.first)} (RN)",
               f"{name_full(r, p)}, RN", f"nurse {N(p.first.lower())}"],
        "PA": [f"PA {N(p.last)}", f"d/w PA {N(p.last)}", f"{name_full(r, p)}, PA-C"],
        "NP": [f"NP {N(p.last)}", f"{name_full(r, p)}, NP"],
        "PT": [f"PT {N(p.last)}", f"{name_full(r, p)}, DPT", f"physical therapist {N(p.first)}"],
        "SW": [f"SW {N(p.last)}", f"{name_full(r, p)}, LICSW", f"social worker {N(p.first)}"],
        "CM": [f"CM {N(p.last)}", f"{name_full(r, p)}, RN CM", f"case manager {N(p.first)}"],
    }
    return r.choice(forms[role])


def rn_to(r, p):
    return r.choice([f"RN {N(p.last)}", f"{name_full(r, p)}, RN", f"Nurse {N(p.last)}", f"{N(p.first)} (RN)"])


def initials(p, dots=False, lower=False):
    s = (p.first[0] + p.mi + p.last.replace(" ", "")[0]) if len(p.first) else "XX"
    s = s if not lower else s.lower()
    if dots:
        s = ".".join(s) + "."
    return N(s)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


FULL_STYLES = ["mdY", "mdY_s", "mdy", "mdy_dash", "iso", "dmY_dot", "long", "dMonY",
               "dMonY_dash", "long_ord", "wlong"]


def fmt_date(d, st):
    if st == "mdY": return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if st == "mdY_s": return f"{d.month}/{d.day}/{d.year}"
    if st == "mdy": return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if st == "mdy_dash": return f"{d.month}-{d.day}-{d.year % 100:02d}"
    if st == "iso": return d.isoformat()
    if st == "dmY_dot": return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if st == "long": return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if st == "dMonY": return f"{d.day} {MON[d.month - 1]} {d.year}"
    if st == "dMonY_dash": return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if st == "long_ord": return f"{MONTHS[d.month - 1]} {ordinal(d.day)}, {d.year}"
    if st == "wlong": return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"
    if st == "Mon_ord": return f"{MON[d.month - 1]} {ordinal(d.day)}"
    if st == "Month_d": return f"{MONTHS[d.month - 1]} {d.day}"
    if st == "md": return f"{d.month}/{d.day}"
    raise ValueError(st)


def month_year(r, d):
    return r.choice([f"{d.month}/{d.year % 100:02d}", f"{d.month:02d}/{d.year}",
                     f"{MONTHS[d.month - 1]} {d.year}", f"{MON[d.month - 1]}-{d.year % 100:02d}",
                     f"{MON[d.month - 1]} {d.year}"])


def year_phrase(r, y):
    return r.choice([f"in {D(str(y))}", f"since {D(str(y))}", f"({D(str(y))})",
                     f"in {D(chr(39) + f'{y % 100:02d}')}", f"since {D(chr(39) + f'{y % 100:02d}')}",
                     f"back in {D(str(y))}"])


def fmt_time(r, h=None, m=None):
    h = r.randint(0, 23) if h is None else h
    m = r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50, r.randint(0, 59)]) if m is None else m
    x = r.random()
    if x < 0.03:
        return "noon"
    h12 = h % 12 or 12
    ap = "AM" if h < 12 else "PM"
    return r.choice([f"{h:02d}:{m:02d}", f"{h}:{m:02d}", f"{h12}:{m:02d} {ap}",
                     f"{h12}:{m:02d}{ap.lower()}", f"{h:02d}{m:02d}", f"{h:02d}{m:02d}h",
                     f"{h12}:{m:02d} {ap[0].lower()}.m." if False else f"{h12} {ap.lower()}"])


def area(r):
    return str(r.randint(2, 9)) + str(r.randint(0, 8)) + str(r.randint(0, 9))


def phone(r, kind="any"):
    a, ex, ln = area(r), r.choice(["555", str(r.randint(201, 989))]), f"{r.randint(0, 9999):04d}"
    forms = [f"({a}) {ex}-{ln}", f"{a}.{ex}.{ln}", f"{a}-{ex}-{ln}", f"{ex}-{ln}",
             f"{a} {ex} {ln}", f"1-{a}-{ex}-{ln}", f"({a}){ex}-{ln}"]
    return r.choice(forms)


def phone_ref(r, cue=True):
    """A phone-ish phrase, possibly with an extension or a pager."""
    x = r.random()
    if x < 0.6:
        s = PH(phone(r))
        if r.random() < 0.2:
            s += r.choice([", ext. ", " x", " ext "]) + PH(str(r.randint(100, 99999)))
        return s
    if x < 0.7:
        return "x" + PH(f"{r.randint(2, 8)}-{r.randint(1000, 9999)}") if False else PH(f"x{r.randint(2, 8)}-{r.randint(1000, 9999)}")
    if x < 0.8:
        return "pg " + PH(str(r.randint(10000, 99999)))
    if x < 0.9:
        return "pager #" + PH(str(r.randint(1000, 9999)))
    return "beeper " + PH(f"{r.randint(2, 9)}-{r.randint(1000, 9999)}")


def digits(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def letters(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))


def mrn(r):
    return r.choice([digits(r, 7), digits(r, 8), f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 2)}",
                     f"{digits(r, 4)}-{digits(r, 4)}", "E" + digits(r, 7), "00" + digits(r, 6)])


def account(r):
    return r.choice([digits(r, 10), f"A{digits(r, 9)}", f"{digits(r, 4)}-{digits(r, 6)}",
                     f"V{digits(r, 8)}"])


def member_id(r):
    return r.choice([letters(r, 3) + digits(r, 9),
                     f"{r.randint(1, 9)}{letters(r, 2)}{r.randint(0, 9)}-{letters(r, 2)}{digits(r, 1)}-{letters(r, 2)}{digits(r, 2)}",
                     digits(r, 9) + letters(r, 1), f"W{digits(r, 8)}", f"{letters(r, 2)}{digits(r, 7)}"])


def ssn(r):
    return f"{r.randint(100, 899)}-{digits(r, 2)}-{digits(r, 4)}"


def other_id(r):
    return r.choice([f"{letters(r, 2)}-{r.randint(2005, 2023)}-{digits(r, 6)}",
                     digits(r, 6), f"SN{digits(r, 4)}{letters(r, 1)}{digits(r, 4)}",
                     f"{digits(r, 3)} {digits(r, 3)} {digits(r, 4)}",
                     f"{digits(r, 4)}-{digits(r, 3)}-{digits(r, 3)}-{letters(r, 2)}",
                     f"S{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}",
                     f"#{digits(r, 8)}" if False else digits(r, 8)])


def num_words(n):
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]
    if n < 10: return ONES[n]
    if n < 20: return teens[n - 10]
    if n < 100: return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    return "one hundred" + (" " + num_words(n - 100) if n > 100 else "")


def age_adj(r, age, allow_words=True):
    """Adjectival age ('93-year-old'); returns (markup, visible_first_char_is_vowelish)."""
    old = age >= 90
    w = num_words(age)
    forms = [("{}-year-old", str(age)), ("{} year old", str(age)), ("{} y/o", str(age)),
             ("{} yo", str(age)), ("{}-yr-old", str(age))]
    if allow_words:
        forms += [("{}-year-old", w), ("{} year old", w), ("{} year-old", w.replace("-", " "))]
    x = r.random()
    if x < 0.1:  # glued form, whole token is the span
        tok = f"{age}yo" if r.random() < 0.6 else f"{age}y.o."
        s = AG(tok) if old else tok
        first = tok
    else:
        f, v = r.choice(forms)
        s = f.format(AG(v) if old else v)
        first = v
    if first[0].isdigit():
        num = re.match(r"\d+", first).group(0)
        an = num.startswith("8") or num in ("11", "18")
    else:
        an = first[0].lower() in "aeiou"
    return s, an


def a_age(r, age, allow_words=True):
    s, an = age_adj(r, age, allow_words)
    return ("an " if an else "a ") + s


def age_decade(r, age, p):
    dec = (age // 10) * 10
    q = "" if r.random() < 0.6 else ("early " if age % 10 < 4 else ("late " if age % 10 > 6 else "mid-"))
    tok = r.choice([f"{dec}s", f"{dec}'s"]) if r.random() < 0.85 else num_words(dec)[:-1] + "ies"
    return f"in {p.his} {q}" + (AG(tok) if age >= 90 else tok)


def age_short(r, age, sex):
    tok = f"{age}{sex}"
    return AG(tok) if age >= 90 else tok


def age_num(age):
    return AG(str(age)) if age >= 90 else str(age)


def street(r):
    return f"{r.randint(1, 2999)} {r.choice(STREET_BASE)} {r.choice(STREET_SUF)}"


def unit(r):
    return r.choice([f"Apt {r.randint(1, 40)}{r.choice(['', 'A', 'B', 'C'])}", f"Unit {r.randint(1, 12)}",
                     f"#{r.randint(2, 900)}", f"Apt. {r.randint(100, 512)}", f"Fl {r.randint(1, 3)}"])


def zipc(r):
    return f"0{r.randint(1000, 2799)}" if r.random() < 0.7 else f"{r.randint(10000, 99950)}"


def address(r, town=None, full=True):
    town = town or r.choice(US_TOWNS)
    st, ab = r.choice(STATES)
    s = LO(street(r))
    if r.random() < 0.35:
        s += r.choice([", ", " "]) + LO(unit(r))
    s += ", " + LO(town)
    if full:
        s += ", " + LO(ab if r.random() < 0.8 else st)
        if r.random() < 0.8:
            s += " " + LO(zipc(r))
    return s


def fac_stem(r):
    x = r.random()
    if x < 0.15:
        return r.choice(SAINTS)
    if x < 0.3:
        return r.choice(US_TOWNS)
    if x < 0.4:
        return r.choice(SURNAMES)
    return r.choice(FAC_STEM)


def facility(r, kind):
    if kind == "hospital":
        if r.random() < 0.15:
            return r.choice(SAINTS) if r.random() < 0.5 else r.choice(FAC_STEM)  # no type word
        return f"{fac_stem(r)} {r.choice(HOSP_SUF)}"
    if kind == "snf":
        return f"{fac_stem(r)} {r.choice(SNF_SUF)}"
    if kind == "rehab":
        return f"{fac_stem(r)} {r.choice(REHAB_SUF)}"
    if kind == "alf":
        return f"{fac_stem(r)} {r.choice(ALF_SUF)}"
    if kind == "hospice":
        return f"{fac_stem(r)} {r.choice(HOSPICE_SUF)}"
    if kind == "practice":
        x = r.random()
        if x < 0.5:
            return f"{r.choice(FAC_STEM + US_TOWNS)} {r.choice(SPECIALTIES)} {r.choice(PRACTICE_SUF)}"
        if x < 0.75:
            return f"{r.choice(US_TOWNS)} {r.choice(['Family Practice', 'Health Center', 'Primary Care', 'Community Health Center', 'Medical Associates'])}"
        return f"{r.choice(SURNAMES)} & {r.choice(SURNAMES)} {r.choice(['Internal Medicine', 'Associates', 'Family Medicine'])}"
    if kind == "imaging":
        return f"{r.choice(FAC_STEM + US_TOWNS)} {r.choice(['Imaging', 'Radiology', 'MRI', 'Diagnostic Imaging'])}"
    if kind == "home":
        return f"{r.choice(FAC_STEM + US_TOWNS)} {r.choice(['Home Health', 'Visiting Nurse Association', 'Home Care', 'VNA'])}"
    if kind == "dialysis":
        return f"{r.choice(FAC_STEM + US_TOWNS)} Dialysis"
    raise ValueError(kind)


def ward(r):
    s = r.choice(SURNAMES)
    return r.choice([f"{s} {r.randint(2, 14)}", f"{s} House", f"{s} Pavilion", f"{s} {r.randint(2, 9)} North",
                     f"{r.choice(FAC_STEM)} Wing"])


def employer(r):
    x = r.random()
    if x < 0.45:
        return f"{r.choice(SURNAMES + FAC_STEM)} {r.choice(EMPLOYER_SUF)}"
    if x < 0.6:
        return f"{r.choice(US_TOWNS)} {r.choice(['Public Schools', 'Fire Department', 'Police Department', 'DPW', 'Housing Authority'])}"
    if x < 0.75:
        return f"{r.choice(SURNAMES)} {r.choice(SCHOOL_SUF)}"
    if x < 0.85:
        return r.choice(["Raytheon", "Polaroid", "General Dynamics", "Wang Laboratories",
                         "Gillette", "Digital Equipment", "Stop & Shop", "Market Basket",
                         "Verizon", "the MBTA", "Bath Iron Works", "Electric Boat"])
    return f"{invented(r)} {r.choice(['Logistics', 'Systems', 'Corp', 'Industries', 'Foods', 'Realty'])}"


def church(r):
    t = r.choice(US_TOWNS)
    return r.choice([f"{r.choice(SAINTS[:6] + SAINTS[9:])} Parish", f"First Baptist Church of {t}",
                     f"{t} Congregational Church", f"Temple Beth {r.choice(['Shalom', 'El', 'Israel'])}",
                     f"{t} Islamic Center", f"Holy Trinity Greek Orthodox Church",
                     f"{r.choice(FAC_STEM)} Kingdom Hall", f"St. Volodymyr Ukrainian Church"])


def email(r, p):
    f, l = re.sub(r"[^a-z]", "", p.first.lower()), re.sub(r"[^a-z]", "", p.last.lower())
    f, l = f or "pt", l or "x"
    local = r.choice([f"{f}.{l}", f"{f[0]}{l}{r.randint(1, 99)}", f"{l}{f[0]}", f"{f}{r.randint(1930, 2005)}",
                      f"{f}_{l}{r.randint(1, 9)}"])
    return f"{local}@{r.choice(EMAIL_DOM)}"


# ---------------------------------------------------------------------------
# Clinical (protected) content
# ---------------------------------------------------------------------------
DRUGS = [("furosemide", "Lasix", ["20 mg", "40 mg", "80 mg"], "PO daily"),
         ("metoprolol tartrate", "Lopressor", ["12.5 mg", "25 mg"], "PO BID"),
         ("metoprolol succinate", "Toprol XL", ["25 mg", "50 mg", "100 mg"], "daily"),
         ("apixaban", "Eliquis", ["2.5 mg", "5 mg"], "PO BID"),
         ("atorvastatin", "Lipitor", ["20 mg", "40 mg", "80 mg"], "qHS"),
         ("lisinopril", "Zestril", ["2.5 mg", "5 mg", "10 mg"], "daily"),
         ("amlodipine", "Norvasc", ["2.5 mg", "5 mg", "10 mg"], "daily"),
         ("levothyroxine", "Synthroid", ["50 mcg", "75 mcg", "88 mcg"], "daily before breakfast"),
         ("metformin", "Glucophage", ["500 mg", "850 mg"], "PO BID with meals"),
         ("insulin glargine", "Lantus", ["10 units", "14 units", "22 units"], "SC qHS"),
         ("pantoprazole", "Protonix", ["40 mg"], "daily"),
         ("donepezil", "Aricept", ["5 mg", "10 mg"], "qHS"),
         ("sertraline", "Zoloft", ["25 mg", "50 mg"], "daily"),
         ("tamsulosin", "Flomax", ["0.4 mg"], "qHS"),
         ("acetaminophen", "Tylenol", ["650 mg", "1000 mg"], "q6h PRN pain"),
         ("oxycodone", "Roxicodone", ["2.5 mg", "5 mg"], "q4h PRN severe pain"),
         ("senna", "Senokot", ["8.6 mg"], "2 tabs qHS"),
         ("docusate", "Colace", ["100 mg"], "BID"),
         ("warfarin", "Coumadin", ["2 mg", "2.5 mg", "5 mg"], "daily, goal INR 2-3"),
         ("cefpodoxime", "Vantin", ["200 mg"], "BID x 5 more days"),
         ("amoxicillin-clavulanate", "Augmentin", ["875 mg"], "BID x 7 days"),
         ("nitrofurantoin", "Macrobid", ["100 mg"], "BID x 5 days"),
         ("prednisone", "Deltasone", ["40 mg", "20 mg"], "daily, taper per schedule"),
         ("tiotropium", "Spiriva", ["18 mcg"], "inhaled daily"),
         ("enoxaparin", "Lovenox", ["40 mg", "30 mg"], "SC daily"),
         ("memantine", "Namenda", ["5 mg", "10 mg"], "BID"),
         ("quetiapine", "Seroquel", ["12.5 mg", "25 mg"], "qHS PRN agitation"),
         ("carvedilol", "Coreg", ["3.125 mg", "6.25 mg", "12.5 mg"], "BID"),
         ("spironolactone", "Aldactone", ["12.5 mg", "25 mg"], "daily"),
         ("potassium chloride", "K-Dur", ["20 mEq"], "daily"),
         ("clopidogrel", "Plavix", ["75 mg"], "daily"),
         ("aspirin", "Ecotrin", ["81 mg"], "daily"),
         ("gabapentin", "Neurontin", ["100 mg", "300 mg"], "TID"),
         ("torsemide", "Demadex", ["10 mg", "20 mg"], "daily"),
         ("cholecalciferol", "vitamin D3", ["1000 units", "2000 units"], "daily"),
         ("mirtazapine", "Remeron", ["7.5 mg", "15 mg"], "qHS"),
         ("rivaroxaban", "Xarelto", ["15 mg", "20 mg"], "with supper")]


def med(r, brand=0.3):
    g, b, doses, freq = r.choice(DRUGS)
    x = r.random()
    nm = DR(g) if x > brand else (DR(b) if x < brand / 2 else f"{DR(g)} ({DR(b)})")
    return f"{nm} {MS(r.choice(doses))} {freq}"


def vitals(r, sep=", "):
    items = [VI(f"T {r.choice(['36.', '37.', '38.'])}{r.randint(0, 9)}"),
             VI(f"BP {r.randint(98, 168)}/{r.randint(52, 94)}"),
             VI(f"HR {r.randint(58, 104)}") if r.random() < 0.7 else VI(f"HR {r.randint(60, 90)}-{r.randint(92, 118)}"),
             VI(f"RR {r.randint(14, 22)}") if r.random() < 0.7 else VI(f"RR {r.randint(14, 18)}-{r.randint(20, 26)}"),
             VI(f"SpO2 {r.randint(90, 99)}% on {r.choice(['RA', '2L', '3L NC', 'room air'])}")]
    if r.random() < 0.3:
        items.append(VI(f"Wt {r.randint(41, 98)}.{r.randint(0, 9)} kg"))
    return sep.join(items)


def labs(r):
    pool = [f"Na {r.randint(124, 144)}", f"K {r.randint(31, 55) / 10}", f"Cr {r.randint(6, 29) / 10}",
            f"BUN {r.randint(9, 64)}", f"WBC {r.randint(38, 168) / 10}", f"Hgb {r.randint(68, 142) / 10}",
            f"Plt {r.randint(88, 420)}", f"INR {r.randint(9, 34) / 10}", f"Alb {r.randint(21, 42) / 10}",
            f"BNP {r.randint(80, 3400)}", f"TSH {r.randint(3, 90) / 10}", f"lactate {r.randint(9, 42) / 10}"]
    return ", ".join(VI(x) for x in r.sample(pool, r.randint(3, 6)))


def course_blocks(r, c):
    """Returns list of (dx_markup, narrative_markup)."""
    he, his = c.pt.he, c.pt.his
    b = []
    b.append(("Acute on chronic systolic CHF",
              f"Presented with dyspnea and {MS(f'{r.randint(2, 7)} kg')} weight gain; {VI(f'BNP {r.randint(900, 4200)}')}. "
              f"CXR with {EP('Kerley B lines')} and small effusions. Diuresed with IV {DR('furosemide')} {MS('40 mg')} BID, "
              f"net negative {MS(f'{r.randint(2, 7)}.{r.randint(0, 9)} L')} by hospital day {r.randint(3, 6)}. "
              f"TTE: EF {MS(f'{r.choice([20, 25, 30, 35, 40])}%')}, {FR(f'{r.randint(2, 3)}/6')} holosystolic murmur. "
              f"Discharged on {DR(r.choice(['Lasix', 'torsemide']))} {MS(r.choice(['20 mg', '40 mg']))} daily."))
    b.append(("Community-acquired pneumonia, " + r.choice(["LLL", "RLL", "RML", "bilateral"]),
              f"Febrile to {VI(f'T 38.{r.randint(2, 9)}')} with {VI(f'WBC {r.randint(12, 22)}.{r.randint(0, 9)}')}. "
              f"Treated with {DR('ceftriaxone')} {MS('1 g')} IV daily and {DR('azithromycin')} {MS('500 mg')}, "
              f"then {DR('cefpodoxime')} to complete 7 days. Required up to {MS(f'{r.randint(2, 5)} L NC')}; "
              f"{VI(f'SpO2 {r.randint(92, 97)}% on RA')} at discharge."))
    b.append(("Sepsis due to E. coli UTI with delirium",
              f"{VI(f'Lactate {r.randint(22, 45) / 10}')} on arrival, resolved after {MS('30 mL/kg')} IVF. "
              f"{EP('Foley')} removed hospital day {r.randint(2, 4)} and {he} passed a voiding trial. Delirium "
              f"improved with reorientation and {DR('melatonin')} {MS('3 mg')} qHS; {DR('quetiapine')} {MS('12.5 mg')} used twice."))
    b.append((f"{r.choice(['Right', 'Left'])} intertrochanteric hip fracture",
              f"After a mechanical fall at home {he} underwent IM nailing by Orthopedics"
              + (f" ({doc_name(r, c.surgeon)})" if r.random() < 0.6 else "") + ". "
              f"POD {r.randint(1, 4)} pain {FR(f'{r.randint(2, 5)}/10')} on {DR('oxycodone')} {MS('2.5 mg')} PRN. WBAT. "
              f"{DR('enoxaparin')} {MS('40 mg')} SC daily x 4 weeks. PT: ambulated {MS(f'{r.choice([20, 40, 60, 80])} feet')} "
              f"with rolling walker, min assist."))
    b.append(("Atrial fibrillation with RVR",
              f"{VI(f'HR {r.randint(120, 135)}-{r.randint(140, 170)}')} on arrival; rate controlled with IV {DR('diltiazem')} "
              f"then {DR('metoprolol tartrate')} {MS('25 mg')} q6h, consolidated to {DR('Toprol XL')} {MS('100 mg')} daily. "
              f"{FR(f'CHA2DS2-VASc {r.randint(3, 7)}')}; started {DR('apixaban')} {MS('2.5 mg')} BID (dose-reduced for age and Cr)."))
    b.append(("COPD exacerbation",
              f"Treated with {DR('prednisone')} {MS('40 mg')} x 5 days, {DR('DuoNeb')} q4h and {DR('doxycycline')}. "
              f"ABG {VI(f'7.{r.randint(26, 34)}/{r.randint(55, 78)}/{r.randint(58, 90)}')}; BiPAP {SE('IPAP 12/EPAP 5')} overnight x 2. "
              f"Discharged on home O2 {MS(f'{r.randint(1, 3)} L NC')} with ambulation."))
    b.append(("Hypercarbic respiratory failure",
              f"Intubated in the ICU; {DV('ETT')} {MS('7.5')} at {MS('23 cm')} at the lip. Initial settings {SE(f'AC {r.randint(14, 20)}/{r.choice([400, 450, 500])}/{r.randint(5, 10)}/0.{r.randint(4, 8)}')}, "
              f"weaned to {SE(f'PS {r.randint(5, 12)}/5')}, {SE(f'PEEP {r.randint(5, 10)}')}, {SE(f'FiO2 {r.choice([30, 35, 40])}%')}; "
              f"extubated hospital day {r.randint(3, 6)}. {DV('OG tube')} and {DV('arterial line')} removed."))
    b.append(("AKI on CKD stage 3b",
              f"{VI(f'Cr {r.randint(21, 34) / 10}')} from baseline {VI(f'Cr {r.randint(12, 17) / 10}')}, prerenal. Improved with "
              f"{MS('1 L')} LR and holding {DR('lisinopril')}; {VI(f'K {r.randint(55, 62) / 10}')} treated with {DR('Lokelma')} {MS('10 g')}."))
    b.append(("Upper GI bleed, gastric ulcer",
              f"Melena with {VI(f'Hgb {r.randint(62, 75) / 10}')}; transfused {MS('2 units')} PRBC. EGD: {MS(f'{r.randint(8, 25) / 10} cm')} "
              f"clean-based ulcer. {DR('pantoprazole')} {MS('40 mg')} BID x 8 weeks; {DR('aspirin')} held."))
    b.append(("Acute left MCA ischemic stroke",
              f"{FR(f'NIHSS {r.randint(3, 12)}')}, outside the window for {DR('alteplase')}. MRI with {MS(f'{r.randint(9, 30) / 10} cm')} infarct. "
              f"{DR('clopidogrel')} {MS('75 mg')} + {DR('aspirin')} {MS('81 mg')} x 21 days. {EP('Dobhoff')} placed for dysphagia; "
              f"right arm {FR('3/5')}, leg {FR('4/5')}."))
    b.append(("Fall with rib fractures and T12 compression fracture",
              f"Nondisplaced fractures of the right 4th through 6th ribs and a stable T12 compression fracture; no PTX, "
              f"{DV('chest tube')} not needed. Incentive spirometer to {MS(f'{r.choice([500, 750, 1000])} mL')}, "
              f"{DR('lidocaine patch')} {MS('5%')}, TLSO when up. Mild L4-L5 stenosis noted incidentally."))
    b.append(("Hyponatremia",
              f"{VI(f'Na {r.randint(116, 124)}')} on admission, SIADH vs low solute intake. Fluid restriction {MS('1.2 L')}/day and "
              f"{DR('sodium chloride tabs')} {MS('1 g')} TID; {VI(f'Na {r.randint(129, 134)}')} at discharge."))
    b.append(("Left lower extremity cellulitis",
              f"{DR('vancomycin')} x 48 h then {DR('cephalexin')} {MS('500 mg')} QID; erythema receded {MS(f'{r.randint(3, 8)} cm')} "
              f"from marked borders. {EP('Doppler')} negative for DVT. {DV('PICC')} not required."))
    b.append(("Submassive pulmonary embolism",
              f"CTA with saddle embolus, RV/LV ratio {FR(f'1.{r.randint(1, 5)}')}. {DR('heparin drip')} then {DR('Eliquis')} "
              f"{MS('10 mg')} BID x 7 days then {MS('5 mg')} BID. {DV('IVC filter')} not placed."))
    b.append(("Complete heart block with syncope",
              f"{DV('dual-chamber pacemaker')} placed by EP hospital day {r.randint(1, 3)}; CXR with {DV('pacemaker leads')} in good "
              f"position and intact {DV('sternotomy wires')} from prior CABG. Cardiothoracic ratio {FR(f'0.{r.randint(48, 62)}')}."))
    b.append(("RUL apical mass",
              f"CT chest: {MS(f'{r.randint(21, 48) / 10} cm')} RUL apical mass concerning for {EP('Pancoast tumor')}; no "
              f"{EP('Hampton hump')} or {EP('Westermark sign')}. Outpatient biopsy planned per goals-of-care discussion."))
    return b


PMH = [lambda r: f"{EP('Parkinson disease')} on {DR('Sinemet')} {FR('25/100')} TID",
       lambda r: f"{EP('Graves disease')} s/p RAI, on {DR('levothyroxine')} {MS(r.choice(['50 mcg', '88 mcg']))}",
       lambda r: "HTN", lambda r: "HLD", lambda r: "DM2, A1c " + VI(f"A1c {r.randint(62, 98) / 10}%"),
       lambda r: "CAD s/p CABG x3", lambda r: "CKD 3b", lambda r: "OA of knees",
       lambda r: f"dementia, {FR(f'MoCA {r.randint(12, 22)}/30')}",
       lambda r: f"AFib on {DR('warfarin')}", lambda r: "COPD (FEV1 " + MS(f"{r.randint(30, 65)}%") + " predicted)",
       lambda r: f"{EP('Barrett esophagus')}", lambda r: f"{EP('Alzheimer disease')}",
       lambda r: "osteoporosis with prior T12 fracture", lambda r: f"BPH on {DR('Flomax')}",
       lambda r: f"HFrEF, {DV('AICD')} in place", lambda r: f"ESRD on HD via L arm AVF",
       lambda r: f"{EP('Hashimoto thyroiditis')}", lambda r: "macular degeneration, legally blind"]


def exam(r):
    parts = [f"Gen: {r.choice(['NAD', 'frail, NAD', 'elderly, pleasant, NAD'])}",
             f"HEENT: {r.choice(['PERRLA, MMM', 'PERRLA, EOMI', 'anicteric'])}",
             f"CV: {r.choice(['RRR', 'irregularly irregular'])}, {FR(f'{r.randint(1, 3)}/6')} SEM at RUSB",
             f"Lungs: {r.choice(['CTAB', 'bibasilar crackles', 'decreased BS at L base'])}",
             f"Abd: soft, NT/ND", f"Ext: {FR(f'{r.randint(1, 3)}+')} pitting edema to mid-shin",
             f"Neuro: A&Ox{r.randint(1, 3)}, {FR(f'GCS {r.randint(13, 15)}')}, strength {FR(f'{r.randint(4, 5)}/5')} throughout"]
    return r.sample(parts, r.randint(3, len(parts)))


# ---------------------------------------------------------------------------
# Document context
# ---------------------------------------------------------------------------
class Ctx:
    def __init__(self, r):
        self.r = r
        self.pt = Person(r)
        self.age = r.randint(90, 104) if r.random() < 0.38 else r.randint(58, 89)
        base = dt.date(2004, 1, 1) + dt.timedelta(days=r.randint(0, 7300))
        self.admit = base
        self.los = r.randint(2, 14)
        self.disch = base + dt.timedelta(days=self.los)
        self.dob = dt.date(base.year - self.age, r.randint(1, 12), r.randint(1, 28))
        if (self.dob.month, self.dob.day) > (base.month, base.day):
            self.dob = self.dob.replace(year=self.dob.year - 1)
        self.dstyle = r.choice(FULL_STYLES)
        self.hosp = facility(r, "hospital")
        self.town = r.choice(US_TOWNS)
        self.state = r.choice(STATES)
        mk = lambda role=None: Person(r, role=role)
        self.att, self.pcp, self.surgeon, self.cons = mk(), mk(), mk(), mk()
        self.rn, self.cm, self.sw, self.ptr, self.res = mk(), mk(), mk(), mk(), mk()
        self.kin = []
        for _ in range(r.randint(1, 3)):
            sex = r.choice("MF")
            p = Person(r, sex=sex, last=self.pt.last if r.random() < 0.5 else None)
            p.rel = r.choice(KIN_M if sex == "M" else KIN_F)
            if p.rel in ("wife", "husband") and r.random() < 0.9:
                p.last = self.pt.last
            self.kin.append(p)
        self.dispo_kind = r.choice(["snf", "snf", "rehab", "alf", "home", "hospice"])
        self.dispo = facility(r, self.dispo_kind if self.dispo_kind != "home" else "home")
        self.title = ("Mr." if self.pt.sex == "M" else r.choice(["Mrs.", "Ms."]))
        self.noun = ("man" if self.pt.sex == "M" else "woman") if r.random() < 0.7 else (
            "gentleman" if self.pt.sex == "M" else "lady")

    def fd(self, d, style=None):
        r = self.r
        st = style or (self.dstyle if r.random() < 0.75 else r.choice(FULL_STYLES))
        return D(fmt_date(d, st))

    def fds(self, d):
        return D(fmt_date(d, self.r.choice(["md", "Mon_ord", "Month_d", "md"])))

    def later(self, lo, hi, frm=None):
        return (frm or self.disch) + dt.timedelta(days=self.r.randint(lo, hi))

    def kin_ref(self, p, style=None):
        """'her son marcus', 'daughter Ana Pereira', 'WIFE LORRAINE'."""
        r = self.r
        x = r.random() if style is None else style
        if x < 0.25:
            return f"{self.pt.his} {p.rel} {N(p.first.lower() if r.random() < 0.5 else p.first)}"
        if x < 0.5:
            return f"{p.rel} {name_full(r, p, 0.1)}"
        if x < 0.6:
            return f"{p.rel.upper()} {N(p.first.upper())}"
        if x < 0.8:
            return f"{p.rel} {N(p.first)}"
        return f"{p.rel}, {N(p.first)} {N(p.last)}" if r.random() < 0.3 else f"{p.rel} ({N(p.first)})"

    def pt_age_intro(self):
        r = self.r
        x = r.random()
        if x < 0.6:
            return f"{a_age(r, self.age)} {self.noun}"
        if x < 0.75:
            return f"{self.noun} {age_decade(r, self.age, self.pt)}"
        if x < 0.9:
            return f"{age_short(r, self.age, self.pt.sex)}"
        return f"{self.noun}, age {age_num(self.age)},"


def pt_name_text(r, c):
    x = r.random()
    if x < 0.4:
        return f"{c.title} {N(c.pt.last)}"
    if x < 0.7:
        return name_full(r, c.pt)
    if x < 0.85:
        return N(c.pt.first)
    return "the patient"


# ---------------------------------------------------------------------------
# Documents.  Each returns (sections) where a section is (markup, required).
# ---------------------------------------------------------------------------
def header_block(r, c, title, fields):
    sep = r.choice([": ", ":  ", ":\t", " - "])
    lines = [title] if title else []
    if r.random() < 0.5 and len(fields) > 3:
        # two-per-line layout
        for i in range(0, len(fields), 2):
            chunk = fields[i:i + 2]
            lines.append(("    ").join(f"{k}{sep}{v}" for k, v in chunk))
    else:
        lines += [f"{k}{sep}{v}" for k, v in fields]
    return "\n".join(lines)


def sec(r, name, body, style):
    if style == 0:
        return f"{name.upper()}:\n{body}"
    if style == 1:
        return f"{name.upper()}: {body}"
    if style == 2:
        return f"{name.title()}:\n{body}"
    return f"** {name.upper()} **\n{body}"


def followups(r, c, n):
    out = []
    for _ in range(n):
        doc = Person(r)
        d = c.later(3, 40)
        x = r.random()
        kind = r.choice(["practice", "practice", "imaging", "dialysis"]) if x > 0.7 else "practice"
        bits = [r.choice(["", "PCP ", f"{r.choice(SPECIALTIES)}: "])]
        if x < 0.7:
            bits.append(doc_name(r, doc if r.random() < 0.6 else c.pcp))
            bits.append(f", {HO(facility(r, kind))}")
        else:
            bits.append(HO(facility(r, kind)))
        y = r.random()
        if y < 0.45:
            bits.append(f", {c.fd(d)} at {TM(fmt_time(r, r.randint(8, 16)))}")
        elif y < 0.7:
            bits.append(f" on {c.fds(d)}")
        else:
            bits.append(r.choice([" in 1-2 weeks", " within 7 days", " in 4 weeks", " - pt to call for appt"]))
        if r.random() < 0.6:
            bits.append(f", tel {phone_ref(r)}" if r.random() < 0.5 else f" ({PH(phone(r))})")
        out.append(r.choice(["- ", "* ", "", "o "]) + "".join(bits))
    return "\n".join(out)


def dispo_text(r, c):
    k, f = c.dispo_kind, HO(c.dispo)
    addr = f" ({address(r)})" if r.random() < 0.4 else (f" in {LO(r.choice(US_TOWNS))}" if r.random() < 0.5 else "")
    ph = f"; report called to {rn_to(r, c.rn)} at {TM(fmt_time(r))}, {PH(phone(r))}" if r.random() < 0.5 else ""
    if k == "snf":
        s = f"Discharged to {f}{addr} for short-term skilled nursing and PT/OT{ph}."
    elif k == "rehab":
        s = f"Transferred to {f}{addr} for acute rehab, bed offer accepted {c.fds(c.disch)}{ph}."
    elif k == "alf":
        s = (f"Returned to {f}{addr}, the assisted living where {c.pt.he} has lived since {D(month_year(r, c.admit - dt.timedelta(days=r.randint(200, 3000))))}, "
             f"with increased services{ph}.")
    elif k == "hospice":
        s = f"Transferred to {f}{addr} for comfort-focused care per family meeting{ph}."
    else:
        s = (f"Home to {address(r, c.town)} with services through {f} (RN, PT, HHA)"
             f"{', intake ' + phone_ref(r) if r.random() < 0.5 else ''}.")
    return s


def discharge_summary(r, c):
    S = []
    st = r.randint(0, 3)
    fields = [("Patient", name_header(r, c.pt)), ("MRN", ID(mrn(r)))]
    if r.random() < 0.6: fields.append(("DOB", c.fd(c.dob)))
    if r.random() < 0.6 or c.age >= 90:
        fields.append(("Age", age_num(c.age) if r.random() < 0.7 else age_short(r, c.age, c.pt.sex)))
    fields += [("Admission Date", c.fd(c.admit)), ("Discharge Date", c.fd(c.disch))]
    if r.random() < 0.3: fields.append(("Account #", ID(account(r))))
    if r.random() < 0.6: fields.append(("Attending", doc_name(r, c.att) if r.random() < 0.5 else name_full(r, c.att) + ", MD"))
    if r.random() < 0.3: fields.append(("PCP", name_full(r, c.pcp) + f" ({HO(facility(r, 'practice'))})"))
    if r.random() < 0.3: fields.append(("Unit", LO(ward(r))))
    title = r.choice([f"{HO(c.hosp)}\nDISCHARGE SUMMARY", "DISCHARGE SUMMARY", f"Discharge Summary - {HO(c.hosp)}",
                      "HOSPITAL DISCHARGE SUMMARY"])
    S.append((header_block(r, c, title, fields), True))
    blocks = r.sample(course_blocks(r, c), r.randint(2, 4))
    S.append((sec(r, "Discharge diagnoses", "\n".join(f"{i + 1}. {b[0]}" for i, b in enumerate(blocks)), st), True))
    # HPI
    who = pt_name_text(r, c)
    hpi = f"{who if who != 'the patient' else 'Pt'} is {c.pt_age_intro()} with " + ", ".join(f(r) for f in r.sample(PMH, 3)) + ". "
    x = r.random()
    if x < 0.35:
        hpi += f"Transferred from {HO(facility(r, 'hospital'))} on {c.fds(c.admit)} after presenting there with {r.choice(['dyspnea', 'a fall', 'confusion', 'fever'])}. "
    elif x < 0.6:
        hpi += f"BIBA from {HO(facility(r, r.choice(['snf', 'alf'])))} with {r.choice(['worsening dyspnea', 'altered mental status', 'hip pain after a fall'])}. "
    else:
        hpi += f"Lives {r.choice(['alone', 'with ' + c.pt.his + ' ' + c.kin[0].rel])} in {LO(c.town)}; presented with {r.choice(['3 days of cough', 'a fall at home', 'poor PO intake x 1 week', 'chest pressure'])}. "
    if r.random() < 0.4:
        hpi += f"Outside films from {HO(facility(r, 'imaging') if r.random() < 0.5 else r.choice(FAC_STEM))} reviewed. "
    if r.random() < 0.3:
        hpi += f"Recently returned from {LO(r.choice(COUNTRIES))} visiting family. "
    S.append((sec(r, r.choice(["History of present illness", "HPI", "Reason for admission"]), hpi.strip(), st), False))
    course = []
    for dx, txt in blocks:
        course.append(f"# {dx}: {txt}")
    if r.random() < 0.4:
        dd = c.admit + dt.timedelta(days=r.randint(1, c.los))
        course.append(r.choice([f"Repeat CXR on the {D(ordinal(dd.day))} improved compared with the study of the {D(ordinal(c.admit.day))}.",
                                f"{EP('Swan-Ganz catheter')} and {DV('NG tube')} removed on the {D(ordinal(dd.day))}; {EP('Hickman')} line left in place.",
                                f"Murmur louder with {EP('Valsalva')}; {EP('Mallampati')} {FR('III')} airway noted by anesthesia. {DV('Port-a-Cath')} accessed {c.fds(dd)}.",
                                f"Brief {DV('Impella')} support in the cath lab; {EP('Glasgow')} coma score {FR('15')} after sedation weaned on {c.fds(dd)}."]))
    if r.random() < 0.4:
        course.append(f"Spoke w/ dr {N(c.cons.last.lower())} re: plan; PT eval by {staff_ref(r, c.ptr, 'PT')}: cleared for {r.choice(['SNF', 'rehab', 'home'])}.")
    if r.random() < 0.5:
        course.append(f"Seen by {r.choice(SPECIALTIES)} ({doc_name(r, c.cons)}); d/w PA {N(c.res.last)} and family. "
                      f"Hospital day {r.randint(2, 6)} {c.pt.he} was {r.choice(['more alert', 'afebrile', 'off O2'])}.")
    S.append((sec(r, "Hospital course", "\n".join(course), st), True))
    if r.random() < 0.5:
        S.append((sec(r, "Discharge exam", "VS: " + vitals(r) + "\n" + "\n".join(exam(r)), st), False))
    if r.random() < 0.4:
        S.append((sec(r, "Labs at discharge", labs(r), st), False))
    meds = "\n".join(f"{i + 1}. {med(r)}" for i in range(r.randint(4, 8)))
    S.append((sec(r, "Discharge medications", meds, st), False))
    S.append((sec(r, "Disposition", dispo_text(r, c), st), True))
    if r.random() < 0.6:
        k = c.kin[0]
        hc = f"{r.choice(['DNR/DNI', 'Full code', 'DNR, OK to intubate', 'DNR/DNI, MOLST on file'])}. HCP: {c.kin_ref(k)}, {phone_ref(r)}."
        S.append((sec(r, "Code status", hc, st), False))
    S.append((sec(r, "Follow-up", followups(r, c, r.randint(1, 3)), st), False))
    S.append((f"{name_full(r, c.att)}, MD" if r.random() < 0.7 else f"Electronically signed by {doc_name(r, c.att)}", True))
    if r.random() < 0.5:
        sig = f"Dictated: {c.fd(c.disch)} {TM(fmt_time(r))}  Transcribed: {c.fd(c.later(0, 2))}"
        sig += f"\n{initials(c.att)}/{initials(Person(r), lower=True)}  Job #: {ID(digits(r, 7))}"
        S.append((sig, False))
    if r.random() < 0.3:
        S.append((f"cc: {doc_name(r, c.pcp)}, {HO(facility(r, 'practice'))}, fax {PH(phone(r))}", False))
    return S


def consult_letter(r, c):
    S = []
    prac = facility(r, "practice")
    me = c.cons
    spec = r.choice(SPECIALTIES)
    S.append((HO(prac) if r.random() < 0.8 else HO(prac).upper(), True))
    S.append((f"{address(r)}\nTel {PH(phone(r))}   Fax {PH(phone(r))}", False))
    visit = c.admit
    S.append((c.fd(visit, r.choice(["long", "wlong", "long_ord", "dMonY", "mdY"])), True))
    S.append((f"{doc_name(r, c.pcp) if r.random() < 0.3 else 'Dr. ' + name_full(r, c.pcp, 0.3)}\n{HO(facility(r, r.choice(['practice', 'hospital'])))}\n{address(r)}", False))
    re_ = f"RE: {name_full(r, c.pt, 0.3)}   DOB: {c.fd(c.dob)}"
    if r.random() < 0.35:
        re_ += f"   MRN: {ID(mrn(r))}"
    S.append((re_, True))
    pn = f"{c.title} {N(c.pt.last)}"
    body = (f"Dear Dr. {N(c.pcp.last)},\n\nThank you for referring {pn}, {c.pt_age_intro()} "
            f"and {r.choice(['retired ', 'former ', ''])}{r.choice(OCCUPATIONS)}, whom I saw in {spec} clinic on {c.fds(visit)}. ")
    if r.random() < 0.3:
        body += f"{c.pt.he.capitalize()} worked for {r.randint(8, 40)} years at {OR(employer(r))}. "
    if r.random() < 0.3:
        body += (f"{c.pt.he.capitalize()} was born in {LO(r.choice(COUNTRIES))} and moved to {LO(r.choice(US_TOWNS))} "
                 f"{year_phrase(r, c.dob.year + r.randint(18, 50))}. ")
    S.append((body.strip(), True))
    S.append((f"{c.pt.he.capitalize()} was accompanied by {c.kin_ref(c.kin[0])}, who helps with {r.choice(['medications', 'transportation', 'meals'])}.", False))
    blk = r.sample(course_blocks(r, c), 2)
    hist = (f"History: " + ", ".join(f(r) for f in r.sample(PMH, 3)) + f". Recently hospitalized at {HO(facility(r, 'hospital'))} "
            f"{c.fds(c.admit - dt.timedelta(days=r.randint(10, 90)))} for {blk[0][0].lower()}. {blk[0][1]}")
    S.append((hist, False))
    S.append((f"Medications: " + "; ".join(med(r) for _ in range(r.randint(3, 6))) + ".", False))
    S.append((f"On examination: {vitals(r)}. " + ". ".join(exam(r)) + ".", False))
    imp = (f"Impression and recommendations:\n1. {blk[1][0]}. {blk[1][1]}\n2. {r.choice(['Continue', 'Start', 'Increase'])} {med(r)}.\n"
           f"3. Labs in {r.randint(1, 4)} weeks ({labs(r)} today).")
    S.append((imp, True))
    fu = c.later(14, 90, visit)
    close = (f"I will see {c.pt.him} again on {c.fd(fu)} at {TM(fmt_time(r, r.randint(8, 16)))}. Please do not hesitate to call me at "
             f"{phone_ref(r)}{' or email ' + CT(email(r, me)) if r.random() < 0.2 else ''}.\n\n"
             f"{r.choice(['Sincerely', 'With kind regards', 'Best regards', 'Yours sincerely'])},\n\n{name_full(r, me)}, MD\n{spec}")
    S.append((close, True))
    if r.random() < 0.4:
        S.append((f"cc: {doc_name(r, c.att)}, {HO(c.hosp)}", False))
    if r.random() < 0.4:
        S.append((f"{initials(me, dots=r.random() < 0.5)}:{initials(Person(r), lower=True)}  D: {c.fds(visit)} T: {c.fds(c.later(1, 3, visit))}", False))
    return S


def cm_note(r, c):
    S = []
    d = c.admit + dt.timedelta(days=r.randint(1, c.los))
    hdr = [("Date", c.fd(d))] + ([("Time", TM(fmt_time(r)))] if r.random() < 0.5 else []) + [("Pt", name_header(r, c.pt)), ("MRN", ID(mrn(r)))]
    if r.random() < 0.5:
        hdr.append(("Insurance", r.choice(["Medicare A/B", "Medicare + Medicaid", "Medicare Advantage", "MassHealth", "commercial"]) + f", Member ID {ID(member_id(r))}"))
    if r.random() < 0.25:
        hdr.append(("Encounter #", ID(account(r))))
    if r.random() < 0.25:
        hdr.append(("Location", LO(ward(r)) + f", rm {r.randint(1, 40)}{r.choice('AB')}"))
    S.append((header_block(r, c, r.choice(["CASE MANAGEMENT NOTE", "CM Discharge Planning Note", "Case Management Progress Note", "UTILIZATION REVIEW / CM"]), hdr), True))
    k = c.kin[0]
    txt = (f"Pt is {c.pt_age_intro()} admitted {c.fds(c.admit)} with {r.choice(course_blocks(r, c))[0].lower()}, now hospital day {c.los}. "
           f"PT recommends {r.choice(['SNF', 'acute rehab', 'home with 24h supervision', 'ALF with services'])}; pt ambulating {MS(f'{r.randint(10, 150)} ft')} w/ RW, "
           f"{FR(f'AM-PAC {r.randint(9, 20)}/24')}. ")
    txt += (f"CM spoke w/ pt and {c.kin_ref(k)}{' (' + phone_ref(r) + ')' if r.random() < 0.5 else ''} re: dc planning."
            + (f" Family prefers a facility near {LO(r.choice(US_TOWNS))}." if r.random() < 0.5 else " Family in agreement with plan."))
    S.append((txt, True))
    refs = []
    for _ in range(r.randint(1, 3)):
        fac = facility(r, r.choice(["snf", "rehab", "alf", "snf"]))
        refs.append(f"- {HO(fac)}{' (' + PH(phone(r)) + ')' if r.random() < 0.4 else ''}: {r.choice(['referral sent via portal', 'declined - no beds', 'reviewing', 'bed offer for tomorrow', 'accepted, awaiting auth'])}")
    S.append(("Referrals:\n" + "\n".join(refs), True))
    ins = (f"Auth #{ID(other_id(r))} obtained from payer reviewer {name_full(r, Person(r))}, {phone_ref(r)}, "
           f"{r.randint(3, 14)} days approved, next review {c.fds(c.later(2, 7))}.")
    S.append((ins, False))
    tco = r.choice(FAC_STEM + US_TOWNS) + " " + r.choice(["Ambulance", "Transport", "Medical Transportation", "EMS"])
    tr = (f"Transport: {r.choice(['ambulette', 'BLS ambulance', 'wheelchair van'])} via {OR(tco)} "
          f"booked for {c.fd(c.disch)} at {TM(fmt_time(r, r.randint(9, 15)))}. {EP('Foley')} to be removed prior; {DV('PICC')} {r.choice(['to stay for IV abx', 'to be pulled before dc'])}. "
          f"Meds: {med(r)}; {med(r)}.")
    S.append((tr, False))
    if r.random() < 0.5:
        S.append((f"{r.choice(['Discussed with', 'spoke w/', 'd/w'])} {doc_name(r, c.att)} and {staff_ref(r, c.rn, 'RN')}; also d/w {staff_ref(r, c.sw, 'SW')} re: HCP paperwork. "
                  f"Pt's {c.kin[-1].rel} lives in {LO(r.choice(TOWNS))}, {LO(r.choice(COUNTRIES))} and will join by phone {phone_ref(r)}.", False))
    when = r.choice(['tomorrow', 'Monday', 'Friday', 'when medically cleared', 'on ' + WEEKDAYS[c.disch.weekday()]])
    plan = (f"Plan: dc {when} " + (f"home with services from {HO(c.dispo)}" if c.dispo_kind == "home" else f"to {HO(c.dispo)}")
            + " pending auth. CM will f/u.")
    S.append((plan, True))
    S.append((f"{staff_ref(r, c.cm, 'CM')}" + (f"  {phone_ref(r)}" if r.random() < 0.5 else ""), True))
    return S


def sw_note(r, c):
    S = []
    d = c.admit + dt.timedelta(days=r.randint(0, c.los))
    title = r.choice(["SOCIAL WORK ASSESSMENT", "Social Work Initial Psychosocial Assessment", "SOCIAL SERVICES NOTE", "Social Work Progress Note"])
    head = f"{title}\n{c.fd(d)}" + (f" {TM(fmt_time(r))}" if r.random() < 0.5 else "")
    if r.random() < 0.5:
        head += f"\nRE: {name_header(r, c.pt)}  MRN {ID(mrn(r))}"
    S.append((head, True))
    p = c.pt
    bg = f"Pt is {c.pt_age_intro()}, {r.choice(['widowed', 'married', 'divorced', 'never married', 'widowed since ' + D(str(c.admit.year - r.randint(2, 20)))])}, "
    if r.random() < 0.6:
        yr = c.dob.year + r.randint(16, 45)
        cn = r.choice(COUNTRIES)
        bg += (f"born in {LO(r.choice(TOWNS)) + ', ' if r.random() < 0.3 else ''}{LO(cn)}, who emigrated "
               + (f"{year_phrase(r, yr)}. " if r.random() < 0.6 else f"as a young adult and raised {c.pt.his} children in the {LO(r.choice(NEIGH))} neighborhood of {LO(c.town)}. "))
    else:
        bg += f"lifelong resident of {LO(c.town)}. "
    bg += (f"Worked as a {r.choice(OCCUPATIONS)} at {OR(employer(r))} for {r.randint(5, 40)} years, retired {year_phrase(r, c.admit.year - r.randint(5, 30))}. "
           if r.random() < 0.45 else f"Former {r.choice(OCCUPATIONS)}. ")
    if r.random() < 0.3:
        bg += f"Progressive decline since {D(r.choice(['Thanksgiving', 'Christmas', 'Easter', 'the Fourth of July', 'New Year']) + ' ' + str(c.admit.year - r.randint(1, 3)))}. "
    if r.random() < 0.25:
        bg += f"Active at {OR(church(r))}; pastor visits weekly. "
    S.append((sec(r, "Background", bg.strip(), r.randint(0, 3)), True))
    liv = (f"Lives {r.choice(['alone', 'with ' + p.his + ' ' + c.kin[0].rel, 'with a live-in aide'])} in a "
           f"{r.choice(['second-floor walk-up', 'single-family home', 'senior housing apartment', 'triple-decker'])}"
           + (f" at {address(r, c.town, full=r.random() < 0.5)}. " if r.random() < 0.5 else " with 14 stairs to enter. "))
    if r.random() < 0.5:
        liv += f"Attends adult day health at {HO(facility(r, r.choice(['alf', 'practice'])))} {r.choice(['M/W/F', 'twice weekly', '3x/week'])}. "
    liv += f"Uses {r.choice(['a rolling walker', 'a cane', 'a wheelchair for distances'])}; needs assist with {r.choice(['bathing', 'IADLs', 'meds and meals'])}."
    S.append((sec(r, "Living situation", liv, r.randint(0, 3)), True))
    sup = []
    for i, k in enumerate(c.kin):
        ln = f"- {c.kin_ref(k)}"
        if r.random() < 0.5: ln += f", {r.choice(['cell', 'home', 'work'])} {phone_ref(r)}"
        if r.random() < 0.25: ln += f", lives in {LO(r.choice(TOWNS))}"
        if r.random() < 0.15: ln += f", email {CT(email(r, k))}"
        if r.random() < 0.3: ln += f", {a_age(r, r.randint(88, 99) if k.rel in ('wife', 'husband', 'sister', 'brother') else r.randint(40, 75), False)}"
        if i == 0: ln += " (HCP, proxy signed " + c.fds(c.admit - dt.timedelta(days=r.randint(30, 2000))) + ")"
        sup.append(ln)
    S.append((sec(r, "Supports", "\n".join(sup[:1]), r.randint(0, 3)), True))
    if len(sup) > 1:
        S.append(("\n".join(sup[1:]), False))
    if r.random() < 0.5:
        S.append((f"Pt reports {c.kin[0].rel} recently returned from {LO(r.choice(COUNTRIES))}; pt last traveled to {LO(r.choice(COUNTRIES))} "
                  f"in {D(month_year(r, c.admit - dt.timedelta(days=r.randint(60, 900))))}. Hospitalized here with {r.choice(course_blocks(r, c))[0].lower()}; "
                  f"currently on {med(r)}.", False))
    if r.random() < 0.4:
        S.append((f"Family has set up a care page at {CT('www.' + re.sub('[^a-z]', '', p.last.lower()) + r.choice(['family.org', 'care.net', 'updates.com']))} "
                  f"and a patient portal account{' (last login from IP ' + CT('.'.join(str(r.randint(1, 254)) for _ in range(4))) + ')' if r.random() < 0.4 else ''} (username {CT(re.sub('[^a-z]', '', p.first.lower())[:6] + re.sub('[^a-z]', '', p.last.lower())[:4] + str(r.randint(1, 99)))}).", False))
    fin = (f"Income: Social Security and pension from {OR(employer(r))}. SSN on file {ID(ssn(r))} for MassHealth application; "
           f"Medicare # {ID(member_id(r))}.") if r.random() < 0.6 else "Income: Social Security. No financial concerns voiced."
    S.append((sec(r, "Financial", fin, r.randint(0, 3)), False))
    ass = (f"Pt is {r.choice(['alert, oriented x3', 'pleasantly confused', 'tearful but engaged'])}; {FR(f'PHQ-2 {r.randint(0, 6)}/6')}. "
           f"Elder abuse screen negative. Coping with {c.pt.his} {r.choice(['loss of independence', 'new diagnosis', 'recent move'])}.")
    S.append((sec(r, "Assessment", ass, r.randint(0, 3)), False))
    plan = (f"Plan: referral to {OR(c.town + ' Council on Aging') if r.random() < 0.5 else 'elder services'} and Meals on Wheels; SW will meet with family on "
            f"{r.choice(WEEKDAYS)} at {TM(fmt_time(r, r.randint(9, 16)))}; d/c plan to {HO(c.dispo)}. "
            f"Discussed with {staff_ref(r, c.cm, 'CM')} and {doc_name(r, c.att)}.")
    S.append((plan, True))
    sig = f"{name_full(r, c.sw)}, {r.choice(['LICSW', 'LCSW', 'MSW'])}\n{phone_ref(r)}" if r.random() < 0.7 else f"-- {initials(c.sw)} SW x{PH(str(r.randint(1000, 9999)))}"
    S.append((sig, True))
    return S


def transfer_form(r, c):
    S = []
    frm, to = HO(c.hosp), HO(c.dispo)
    fields = [("From", frm + f", {LO(ward(r))}" if r.random() < 0.3 else frm), ("To", to)]
    if r.random() < 0.3: fields.append(("Receiving address", address(r)))
    fields.append(("Date of transfer", c.fd(c.disch)))
    if r.random() < 0.5: fields.append(("Time", TM(fmt_time(r))))
    fields.append(("Patient", name_header(r, c.pt)))
    if r.random() < 0.5: fields.append(("DOB", c.fd(c.dob)))
    fields.append(("Age", age_num(c.age)))
    if r.random() < 0.5: fields.append(("MRN", ID(mrn(r))))
    if r.random() < 0.3: fields.append(("Medicare #", ID(member_id(r))))
    if r.random() < 0.5: fields.append(("Contact", f"{c.kin[0].rel} {name_full(r, c.kin[0])} {phone_ref(r)}"))
    S.append((header_block(r, c, r.choice(["INTER-FACILITY TRANSFER FORM", "Continuity of Care / Patient Transfer Form", "PATIENT TRANSFER SUMMARY (W-10)"]), fields), True))
    S.append((f"Code status: {r.choice(['DNR/DNI', 'Full code', 'DNR/DNI, comfort measures'])}; MOLST signed {c.fd(c.admit - dt.timedelta(days=r.randint(1, 900)))}.", False))
    blk = r.sample(course_blocks(r, c), 2)
    S.append(("Diagnoses: " + "; ".join(b[0] for b in blk) + ". " + blk[0][1], True))
    S.append((f"Allergies: {r.choice(['NKDA', 'PCN (rash)', 'sulfa', 'codeine (N/V)'])}\nLast VS: {vitals(r)}", True))
    lines = [f"Last dose given: {med(r)} at {TM(fmt_time(r))}", f"Lines: {DV('PICC')} R arm placed {c.fds(c.admit + dt.timedelta(days=1))}, {MS(f'{r.randint(36, 48)} cm')}",
             f"{EP('Foley')}: {r.choice(['removed', 'in place, placed ' + fmt_date(c.admit, 'md') if False else 'removed, voiding'])}",
             f"Diet: {r.choice(['mechanical soft', 'NPO except meds', 'cardiac 2 g Na', 'pureed, nectar thick'])}",
             f"Skin: stage {r.randint(1, 3)} sacral pressure injury {MS(f'{r.randint(1, 4)} x {r.randint(1, 3)} cm')}",
             f"Meds: {med(r)}; {med(r)}; {med(r)}"]
    S.append(("\n".join(r.sample(lines, r.randint(3, len(lines)))), False))
    S.append((f"Sending RN: {name_full(r, c.rn)}, RN  {phone_ref(r)}", True))
    S.append((f"Report called to {rn_to(r, Person(r))} at {TM(fmt_time(r))}.", False))
    S.append((f"Sending MD: {doc_name(r, c.att)}  {phone_ref(r)}", False))
    return S


def no_phi_doc(r, c):
    """Clinical-only documents: no PHI at all (ages under 90 only)."""
    S = []
    age = r.randint(55, 89)
    st = r.randint(0, 3)
    S.append((r.choice(["HOSPITAL COURSE SUMMARY", "Interval Note", "DISCHARGE INSTRUCTIONS - CLINICAL SUMMARY", "Consult Note - Assessment"]), True))
    noun = c.noun
    S.append((f"Pt is {a_age(r, age)} {noun} with " + ", ".join(f(r) for f in r.sample(PMH, 3)) +
              f", admitted {r.randint(2, 6)} days ago, POD {r.randint(1, 3)} at the time of this note. Lives with family; {c.pt.his} {c.kin[0].rel} is {r.choice(['in ' + c.kin[0].his + ' 60s', 'in ' + c.kin[0].his + ' 50s', 'involved'])}.", True))
    blk = r.sample(course_blocks(r, c), r.randint(2, 3))
    S.append((sec(r, "Hospital course", "\n".join(f"# {a}: {b}" for a, b in blk), st), True))
    S.append((sec(r, "Exam", "VS: " + vitals(r) + "\n" + "\n".join(exam(r)), st), False))
    S.append((sec(r, "Medications", "\n".join(f"- {med(r)}" for _ in range(r.randint(3, 7))), st), False))
    S.append((sec(r, "Plan", r.choice(["Continue current regimen. Follow up with PCP in 1-2 weeks.",
                                       "PT/OT daily. Recheck BMP in AM. Dispo pending PT recs.",
                                       "Goals of care discussion with family planned for Monday."]), st), True))
    return S


DOC_TYPES = [(discharge_summary, 0.34), (consult_letter, 0.18), (cm_note, 0.17), (sw_note, 0.17), (transfer_form, 0.14)]


# ---------------------------------------------------------------------------
# Assembly, self-check, main
# ---------------------------------------------------------------------------
def choose_sections(r, sections, target, phi_budget):
    total = sum(plain_len(s) + 2 for s, req in sections if req)
    nphi = sum(s.count(_PHI) for s, req in sections if req)
    opt = [i for i, (s, req) in enumerate(sections) if not req]
    r.shuffle(opt)
    chosen = set(i for i, (s, req) in enumerate(sections) if req)
    for i in opt:
        L = plain_len(sections[i][0]) + 2
        k = sections[i][0].count(_PHI)
        if total + L <= target and (k == 0 or nphi + k <= phi_budget):
            chosen.add(i)
            total += L
            nphi += k
    return [sections[i][0] for i in sorted(chosen)]


def make_doc(r, idx, seed):
    for _attempt in range(60):
        c = Ctx(r)
        no_phi = r.random() < 0.15
        if no_phi:
            c.age = r.randint(55, 89)
            secs = no_phi_doc(r, c)
        else:
            x, acc = r.random(), 0.0
            fn = DOC_TYPES[-1][0]
            for f, w in DOC_TYPES:
                acc += w
                if x < acc:
                    fn = f
                    break
            secs = fn(r, c)
        target = r.randint(900, 2350)
        parts = choose_sections(r, secs, target, r.randint(3, 14))
        joiner = r.choice(["\n\n", "\n\n", "\n", "\n\n\n"])
        marked = joiner.join(parts)
        y = r.random()
        case = "upper" if y < 0.14 else ("lower" if y < 0.26 else "mixed")
        wrap = r.choice([0.0, 0.0, 0.0, 0.02, 0.04])
        dbl = r.choice([0.0, 0.0, 0.01, 0.03])
        typo = r.choice([0.0, 0.0, 0.0, 0.004, 0.01])
        if r.random() < 0.2:  # bullets
            marked = re.sub(r"(?m)^- ", r.choice(["* ", "\u2022 ", "-  ", "o "]), marked)
        b = Builder(r, case, wrap, dbl, typo)
        b.write(marked)
        text = b.text()
        if not (300 <= len(text) <= 2500):
            continue
        if no_phi and b.phi:
            continue
        return {"id": f"gen_d-{seed}-{idx:05d}", "text": text,
                "phi": [{"start": s, "end": e, "label": l} for s, e, l in sorted(b.phi)],
                "protected": [{"start": s, "end": e, "kind": k} for s, e, k in sorted(b.prot)]}
    raise RuntimeError("could not build a document within length bounds")


LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL", "ORGANIZATION", "CONTACT"}
KINDS = {"MEASUREMENT", "FRACTION", "SETTING", "VITAL", "EPONYM", "DEVICE", "DRUG"}


def check(rec):
    t = rec["text"]
    errs = []
    if any(ch in t for ch in (_PHI, _PROT, _SEP, _END)):
        errs.append("marker left in text")
    if not (300 <= len(t) <= 2500):
        errs.append(f"length {len(t)}")
    for key, lab, allowed in (("phi", "label", LABELS), ("protected", "kind", KINDS)):
        prev = -1
        for sp in rec[key]:
            s, e = sp["start"], sp["end"]
            if not (0 <= s < e <= len(t)):
                errs.append(f"{key} span out of range {s}-{e}")
                continue
            if sp[lab] not in allowed:
                errs.append(f"bad {lab} {sp[lab]}")
            v = t[s:e]
            if v != v.strip():
                errs.append(f"{key} span has outer whitespace {v!r}")
            if s < prev:
                errs.append(f"{key} spans overlap/unsorted at {s}")
            prev = e
    # phi vs protected
    ph = [(x["start"], x["end"]) for x in rec["phi"]]
    pr = [(x["start"], x["end"]) for x in rec["protected"]]
    i = j = 0
    while i < len(ph) and j < len(pr):
        if ph[i][1] <= pr[j][0]:
            i += 1
        elif pr[j][1] <= ph[i][0]:
            j += 1
        else:
            errs.append(f"phi {ph[i]} overlaps protected {pr[j]}")
            break
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    recs = [make_doc(r, i, a.seed) for i in range(a.n)]
    bad = 0
    for rec in recs:
        errs = check(rec)
        if errs:
            bad += 1
            print(f"SELF-CHECK FAILED {rec['id']}: {errs[:5]}", file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    nphi = sum(len(x["phi"]) for x in recs)
    withphi = sum(1 for x in recs if x["phi"])
    print(f"wrote {len(recs)} docs to {a.out}: {withphi} with PHI, {nphi} PHI spans, "
          f"{sum(len(x['protected']) for x in recs)} protected spans; self-check "
          f"{'FAILED on ' + str(bad) if bad else 'passed'}", file=sys.stderr)
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
