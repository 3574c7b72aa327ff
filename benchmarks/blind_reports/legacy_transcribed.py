#!/usr/bin/env python3
"""gen.py - synthetic LEGACY / TRANSCRIBED clinical documents with exact PHI
annotations (character offsets) and protected clinical spans.

Style: 1990s-2000s RIS/teletype printouts (fixed-width, ALL CAPS), VA / military
hospital notes (ranks, service numbers, units, bases, VAMC/CBOC), OCR'd faxes
with OCR noise, radiology addenda with comparison lists, quoted outside
reports, telegraphic abbreviations, two-digit-year dates.

Usage: python3 gen.py --seed S --n N --out FILE.jsonl
Standard library only.
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

# ---------------------------------------------------------------- OCR noise
OCR_SUBS = {'l': '1', '1': 'l', 'O': '0', '0': 'O', 'o': '0', 'I': 'l',
            'i': 'l', 'S': '5', '5': 'S', 'B': '8', 'e': 'c', 'c': 'e',
            'h': 'b', 'n': 'u', 'u': 'n', 'g': 'q', 'E': 'F', '.': ',',
            ',': '.', 'a': 'o', 't': 'f', 'G': '6', 'Z': '2'}
OCR_MULTI = [('rn', 'm'), ('m', 'rn'), ('cl', 'd'), ('d', 'cl'), ('vv', 'w'),
             ('w', 'vv'), ('li', 'h'), ('RN', 'M'), ('M', 'RN'), ('ri', 'n'),
             ('CL', 'D'), ('ll', 'Il')]
STRAYS = "~`'.,;:^_|"


def ocr_noise(rng, s, rate, plain):
    out = []
    i = 0
    L = len(s)
    while i < L:
        if rng.random() < rate:
            ch = s[i]
            m = [(a, b) for a, b in OCR_MULTI if s.startswith(a, i)]
            if m and rng.random() < 0.5:
                a, b = rng.choice(m)
                out.append(b)
                i += len(a)
                continue
            r = rng.random()
            if ch in OCR_SUBS and r < 0.6:
                out.append(OCR_SUBS[ch])
                i += 1
                continue
            if plain and r < 0.75:
                out.append(rng.choice(STRAYS))
            elif (ch.isalpha() and i > 0 and s[i - 1].isalpha()
                  and (plain or rng.random() < 0.4)):
                out.append(' ')
        out.append(s[i])
        i += 1
    return "".join(out)


def hyphen_break(rng, s):
    words = [m for m in re.finditer(r"[A-Za-z]{8,}", s)]
    if not words:
        return s
    m = rng.choice(words)
    k = rng.randint(3, len(m.group()) - 3)
    p = m.start() + k
    return s[:p] + "-\n" + s[p:]


# ---------------------------------------------------------------- builder
class Doc:
    """Appends pieces; records exact spans of PHI / protected values."""

    def __init__(self, rng, case="mixed", ocr=0.0):
        self.rng = rng
        self.case = case
        self.ocr = ocr
        self.buf = []
        self.n = 0
        self.phi = []
        self.prot = []
        self.ctx = {}

    def _case(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        return s

    def _emit(self, s):
        self.buf.append(s)
        self.n += len(s)

    def text(self):
        return "".join(self.buf)

    def t(self, s):
        if not s:
            return
        s = self._case(s)
        if self.ocr:
            s = ocr_noise(self.rng, s, self.ocr, True)
            if len(s) > 20 and self.rng.random() < self.ocr * 4:
                s = hyphen_break(self.rng, s)
        self._emit(s)

    def span(self, s, label):
        s = self._case(s).strip()
        if not s:
            return
        if self.ocr:
            s2 = ocr_noise(self.rng, s, self.ocr * 0.8, False)
            if len(s2) >= 9 and self.rng.random() < self.ocr * 2:
                s2 = hyphen_break(self.rng, s2)
            if s2 and s2.strip() == s2:
                s = s2
        st = self.n
        self._emit(s)
        if label in PHI_LABELS:
            self.phi.append({"start": st, "end": self.n, "label": label})
        elif label in PROT_KINDS:
            self.prot.append({"start": st, "end": self.n, "kind": label})
        else:
            raise ValueError(label)

    def put(self, v):
        if v is None:
            return
        if isinstance(v, str):
            self.t(v)
        elif isinstance(v, tuple):
            if v[1]:
                self.span(v[0], v[1])
            else:
                self.t(v[0])
        elif isinstance(v, list):
            for x in v:
                self.put(x)
        elif callable(v):
            self.put(v(self))
        else:
            raise TypeError(type(v))

    def f(self, tmpl, **kw):
        parts = re.split(r"\{(\w+)\}", tmpl)
        for i, p in enumerate(parts):
            if i % 2 == 0:
                self.t(p)
            elif p in kw:
                self.put(kw[p])
            elif p in GEN:
                self.put(GEN[p](self))
            else:
                raise KeyError(p)

    def col(self, c, minpad=1):
        line = self.text().rsplit("\n", 1)[-1]
        pad = max(minpad, c - len(line))
        self._emit(" " * pad)

    def nl(self, k=1):
        self._emit("\n" * k)


def P(s, label):
    return (s, label)


GEN = {}


def gen(name):
    def deco(fn):
        GEN[name] = fn
        return fn
    return deco


def W(s):
    """split a whitespace list; '_' stands for an inner space."""
    return [x.replace("_", " ") for x in s.split()]

# ---------------------------------------------------------------- surrogates
GIVEN_M = W("""
James John Robert Michael William David Richard Joseph Thomas Charles Harold
Walter Eugene Raymond Earl Clarence Leonard Franklin Lloyd Herbert Vernon
Delbert Elmer Chester Wendell Ellis Murray Stanley Gordon Howard Dale Rusty
Buck Chase Hunter Cody Dwayne Travis
Ciaran Padraig Seamus Eamon Declan Fergus Angus Ewan Oisin Cormac Brendan Colm
Hamish Jose Juan Luis Carlos Jesus Miguel Alejandro Rodrigo Joaquin Iker
Joao Goncalo Tiago Rui Duarte Afonso Jean-Pierre Thibault Benoit Yves Etienne
Jurgen Dieter Wolfgang Hendrik Pieter Gerhard Klaus Bram Giuseppe Giovanni
Salvatore Vincenzo Rocco Luca Pasquale Krzysztof Wojciech Grzegorz Zbigniew
Stanislaw Dmitri Sergei Yuri Vladimir Nikolai Oleksandr Bohdan Taras Mykola
Yaroslav Volodymyr Konstantinos Georgios Dimitrios Panagiotis Spyros Stavros
Mehmet Emre Mustafa Burak Hakan Serkan Mohammed Ahmed Omar Khalid Yousef Hamza
Abdulrahman Tariq Dariush Farhad Kourosh Babak Arash Oluwaseun Adebayo Olumide
Babatunde Ayodele Kehinde Chinedu Chukwuemeka Obinna Ifeanyi Nnamdi Uchenna
Kwame Kofi Yaw Kwabena Kojo Kwaku Kamau Otieno Tesfaye Abebe Haile Baraka
Rajesh Sanjay Venkatesh Arjun Suresh Harpreet Gurpreet Ravi Imran Wei Xiaoming
Zhiwei Jun Qiang Min-jun Ji-hoon Sung-min Dong-hyun Thanh Minh Tuan Quang Duc
Hiroshi Takeshi Kenji Satoshi Daisuke Jericho Rizalino Ferdinand Rommel Bong
Chayton Ahanu Sequoyah Bjorn Lars Sven Gunnar Leif Thorsten Lamar Tyrone
Deshawn Marcus Reginald Cornelius Alonzo Elijah Ezekiel Isaiah Moshe Yitzhak
Avraham Shlomo
""")
GIVEN_F = W("""
Mary Patricia Linda Barbara Elizabeth Dorothy Margaret Helen Ruth Shirley
Mildred Gladys Edna Bernice Lorraine Doris Gloria Evelyn Irene Lois Phyllis
Norma Hazel Wilma Myrtle Agnes Opal Hope Joy Faith Grace Rose Iris Ivy Dawn
Summer April June Autumn Robin Siobhan Niamh Aoife Mairead Saoirse Roisin
Ailsa Isla Maria Rosa Ana Carmen Dolores Esperanza Consuelo Ximena Itzel
Yesenia Marisol Socorro Xochitl Guadalupe Conceicao Graca Fernanda Leonor
Gaelle Amelie Solange Margaux Lucienne Anneliese Sanne Femke Lieselotte Ute
Francesca Chiara Carmela Alessandra Malgorzata Agnieszka Jadwiga Bozena Kasia
Anastasia Svetlana Olga Tatiana Ludmila Oksana Halyna Olena Iryna Eleni
Vasiliki Athanasia Despina Ayse Zeynep Elif Ozlem Fatima Aisha Layla Noura
Mariam Rania Shirin Parisa Golnaz Roya Nasrin Folake Temitope Yetunde
Funmilayo Ngozi Adaeze Chiamaka Amarachi Akosua Ama Efua Abena Wanjiru Njeri
Achieng Selam Mekdes Zawadi Priya Anjali Lakshmi Deepika Sunita Meenakshi
Farhana Tahmina Jing Mei Hui Yan Xiuying Seo-yeon Hye-jin Eun-ji Soo-ah
Nguyet Huong Lan Phuong Hoa Yuki Haruka Akiko Naoko Emiko Marites Lourdes
Maricel Jonalyn Divina Winona Aiyana Dakota Tallulah Kiona Nayeli Onawa Sigrid
Astrid Ingrid Freya Solveig Liv Latoya Shaniqua Ebony Keisha Tameka Bertha
Ethel Beulah Velma Imogene Minnie Fannie Eula Ione Zelda Dagny Rivka Miriam
Tova Chana
""")
SURNAMES = W("""
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore
Martin Thompson White Harris Clark Lewis Robinson Walker Hall Allen Wright
King Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter
Phillips Evans Turner Parker Collins Edwards Stewart Morris Cook Rogers Morgan
Cooper Peterson Bailey Reed Howard Ward Richardson Watson Brooks Bennett Hughes
Whitfield Ashworth Pemberton Haverford Blackwood Hadley Hope Frost Bishop Lane
Hardy Wolf Young Rivers Joy Stone Fox Marsh Hunter Gold Swift Banks Brook
Mason Cross Snow Wise Black Love Strong Moody Church Rich Steele Small Sharp
Bird Day Pickering Tuttle Goodspeed Winslow
McCarthy McLaughlin MacDonald MacKenzie O'Brien O'Shaughnessy O'Neill O'Connor
O'Sullivan McGowan MacLeod Fitzgerald Gallagher Kavanagh Doherty Mulcahy
Donnelly Quigley McAllister MacGregor Buchanan Ferguson Menzies McAuliffe
Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez
Torres Flores Rivera Gomez Diaz Reyes Morales Cruz Ortiz Gutierrez Chavez
Ramos Ruiz Mendoza Castillo Vargas Jimenez Moreno Romero Alvarado Herrera
Medina Aguilar Vega Castro Fuentes Delgado Ibarra Quintero Zamora Villanueva
Pereira Ferreira Carvalho Oliveira Rodrigues Almeida Sousa Goncalves Teixeira
Moura Cardoso Pinto Dubois Lefebvre Moreau Laurent Girard Fontaine Rousseau
Chevalier Beaulieu Thibodeaux Arsenault Boudreau Gagnon Tremblay Schmidt
Muller Schneider Fischer Weber Becker Hoffmann Schafer Koch Bauer Jansen
Visser Bakker Smit Mulder Hendriks Rossi Russo Ferrari Esposito Bianchi Romano
Colombo Ricci Marino Greco Bruno Gallo Conti Giordano Mancini Lombardi Moretti
Barbieri Santoro Kowalski Nowak Wisniewski Wojcik Kowalczyk Kaminski
Lewandowski Zielinski Szymanski Wozniak Dabrowski Jankowski Mazur Krawczyk
Grabowski Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov
Morozov Petrov Volkov Solovyov Vasiliev Zaitsev Shevchenko Bondarenko
Kovalenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Savchenko Lysenko Rudenko
Papadopoulos Pappas Georgiou Dimitriou Nikolaidis Konstantinidis Karagiannis
Vlachos Antonopoulos Yilmaz Kaya Demir Sahin Celik Yildiz Ozturk Aydin
Ozdemir Arslan Dogan Haddad Khoury Mansour Nasser Saleh Hussein Abdullah
Farouk Khalil Aziz Hamdan Qureshi Darwish Hosseini Mohammadi Rezaei Ahmadi
Karimi Moradi Tehrani Jafari Sadeghi Farahani Adeyemi Ogunleye Balogun
Oyelaran Afolabi Olawale Adeleke Ogunbanjo Okonkwo Okafor Nwosu Eze Chukwu
Nnaji Okeke Onyekachi Uzor Igwe Mensah Owusu Asante Boateng Osei Appiah
Agyeman Ofori Darko Amoah Mwangi Njoroge Odhiambo Wanjiku Gebremedhin Bekele
Alemu Mutua Patel Sharma Singh Gupta Reddy Iyer Nair Chatterjee Banerjee
Mukherjee Desai Joshi Kapoor Malhotra Rao Pillai Chaudhry Siddiqui Rahman
Hossain Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Lin Guo
Leung Chan Wong Cheung Tsang Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han
Shin Kwon Hwang Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Ngo Duong Ly Sato
Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida
Yamada Sasaki Matsumoto Inoue Santos Bautista Aquino Pascual Manalo
Dimaculangan Macaraeg Tolentino Begay Yazzie Tsosie Benally Nez Runningwater
Blackfeather Littlebear Whitehorse Redcloud Harjo Tallchief Johansson
Andersson Lindqvist Lindgren Nilsson Hansen Larsen Haugen Bergstrom Solberg
Halvorsen Eriksen Sigurdsson Thorsen Virtanen Korhonen Okoro Lindholm
Goldberg Rosenthal Katz Friedman Abramowitz
""")
PARTICLE_SURNAMES = W("""
de_la_Fuente de_la_Cruz del_Rio van_der_Berg van_Houten von_Stein de_Vries
van_Dijk di_Stefano da_Silva dos_Santos al-Rashid al-Hakim bin_Hamad ter_Horst
van_den_Broek de_Souza Le_Blanc De_Luca di_Napoli da_Costa el-Amin
Dela_Cruz von_Arx de_Jong van_Buren ter_Meulen al-Masri bin_Yusuf St._Germain
""")
SYL1 = W("Ka Lo Ma Zen Tor Vel Ari Bel Dru Fen Gal Hul Ish Jor Kel Mor Nev Ost "
         "Pra Quin Rha Sel Tam Ulv Var Wyn Yes Zor Bra Cal")
SYL2 = W("ren dak mira lon vek sa tiq bel nor vin ra gott mund sk ell an dor "
         "isse ov ula")
SYL3 = W("son ski ova ard ez elli ani us ton quist berg ford ic ata")


def invented_name(rng, kind):
    if kind == "given":
        return rng.choice(SYL1) + rng.choice(SYL2)
    return rng.choice(SYL1) + rng.choice(SYL2) + rng.choice(SYL3)


US_PLACES = [tuple(x.split("|")) for x in W("""
Worcester|MA Lowell|MA Brockton|MA Fall_River|MA Pittsfield|MA Quincy|MA
Revere|MA Chelsea|MA Framingham|MA Leominster|MA Nashua|NH Manchester|NH
Keene|NH Laconia|NH Bangor|ME Lewiston|ME Augusta|ME Rutland|VT Burlington|VT
Providence|RI Woonsocket|RI Pawtucket|RI Hartford|CT Waterbury|CT Norwich|CT
Albany|NY Utica|NY Schenectady|NY Binghamton|NY Elmira|NY Yonkers|NY
Paterson|NJ Camden|NJ Trenton|NJ Scranton|PA Altoona|PA Erie|PA Wilkes-Barre|PA
Dover|DE Hagerstown|MD Towson|MD Roanoke|VA Norfolk|VA Lynchburg|VA
Fayetteville|NC Jacksonville|NC Asheville|NC Columbia|SC Macon|GA Augusta|GA
Tallahassee|FL Pensacola|FL Ocala|FL Dothan|AL Tuscaloosa|AL Biloxi|MS
Meridian|MS Shreveport|LA Lafayette|LA Killeen|TX Temple|TX El_Paso|TX
Amarillo|TX Lubbock|TX Laredo|TX Lawton|OK Tulsa|OK Fort_Smith|AR Joplin|MO
Springfield|MO Topeka|KS Salina|KS Omaha|NE Sioux_Falls|SD Fargo|ND
Duluth|MN Rochester|MN Eau_Claire|WI Oshkosh|WI Peoria|IL Joliet|IL
Kalamazoo|MI Saginaw|MI Toledo|OH Dayton|OH Canton|OH Muncie|IN Gary|IN
Louisville|KY Bowling_Green|KY Knoxville|TN Clarksville|TN Huntington|WV
Cheyenne|WY Billings|MT Boise|ID Pocatello|ID Ogden|UT Pueblo|CO
Colorado_Springs|CO Albuquerque|NM Gallup|NM Tucson|AZ Yuma|AZ Reno|NV
Fresno|CA Bakersfield|CA Oceanside|CA Vallejo|CA Spokane|WA Tacoma|WA
Bremerton|WA Medford|OR Eugene|OR Anchorage|AK Fairbanks|AK Hilo|HI
Kaneohe|HI Chinle|AZ Window_Rock|AZ Tahlequah|OK Presque_Isle|ME
""")]
WORLD_CITIES = W("""
Manila Cebu Quezon_City Lagos Ibadan Enugu Kumasi Accra Nairobi Mombasa
Addis_Ababa Asmara Mogadishu Karachi Lahore Mumbai Chennai Hyderabad Dhaka
Kathmandu Colombo Shenzhen Guangzhou Taipei Busan Incheon Haiphong Hue
Da_Nang Osaka Sapporo Naha Tehran Isfahan Shiraz Baghdad Mosul Basra Kabul
Kandahar Beirut Amman Aleppo Cairo Alexandria Izmir Ankara Thessaloniki
Piraeus Naples Palermo Krakow Gdansk Lviv Odesa Kharkiv Minsk Novosibirsk
Porto Braga Lyon Marseille Rotterdam Utrecht Hamburg Stuttgart Bergen Tromso
Uppsala Galway Cork Glasgow Aberdeen San_Juan Ponce Santo_Domingo Port-au-Prince
Kingston Guadalajara Oaxaca Tegucigalpa San_Salvador Quetzaltenango Medellin
Cali Guayaquil Cuzco Halifax Moncton Winnipeg
""")
INV_PRE = W("Ash Brook Cedar Elm Fair Glen Hollis Kings Lake Marl Oak Pine "
            "Red Stone West North East South Wick Thorn Holt Ridge Mill Ever "
            "Chester Hunt Silver Amber Wolf Heron")
INV_SUF = W("ford field ton bury wick dale mouth haven port ville borough "
            "stead bridge minster croft wood land hurst")
COUNTRIES = W("""
Guatemala Honduras El_Salvador Mexico Haiti the_Dominican_Republic Jamaica
Puerto_Rico Cuba Colombia Peru Brazil Portugal Cape_Verde Ireland Scotland
Poland Ukraine Russia Greece Turkey Lebanon Syria Iraq Iran Afghanistan
Pakistan India Bangladesh Nepal Sri_Lanka China Taiwan Korea Vietnam Cambodia
Laos the_Philippines Japan Nigeria Ghana Kenya Ethiopia Somalia Eritrea
Liberia Sierra_Leone Germany Italy Kuwait Saudi_Arabia Panama Grenada Bosnia
Kosovo Okinawa Thailand
""")
STATES_FULL = W("Massachusetts New_Hampshire Maine Vermont Rhode_Island "
                "Connecticut New_York Pennsylvania Virginia North_Carolina "
                "Georgia Florida Texas Ohio Michigan Kentucky Tennessee "
                "Oklahoma Arizona California Washington Alaska")
STREET_NAMES = W("""
Elm Maple Oak Pine Cedar Chestnut Walnut Main High Church School Mill Water
Union Pleasant Prospect Highland Franklin Washington Lincoln Jefferson Adams
Madison Summer Winter Spring Pleasant_View Lakeview Ridge Hillside Orchard
Birch Spruce Hemlock Juniper Willow Sycamore Magnolia Dogwood Laurel Quarry
Foundry Canal Depot Railroad Tremont Beacon Commonwealth Bowdoin Dorchester
Blue_Hill Centre Dudley Kosciuszko Pulaski Lafayette Vallejo Esperanza
Okeechobee Kamehameha Tecumseh Sequoia Cranberry Bog Shawmut Nantasket
""")
STREET_TYPES = W("St Street Ave Avenue Rd Road Dr Drive Ln Lane Ct Court "
                 "Blvd Way Pl Terrace Hwy Circle")
NEIGHBORHOODS = W("""
Dorchester Roxbury Mattapan Southie Charlestown Eastie Jamaica_Plain
Allston Brighton Hyde_Park Fells_Point Germantown Ironbound Little_Saigon
Chinatown Pilsen Back_of_the_Yards Five_Points the_North_End Fox_Point
Federal_Hill Olneyville Highland_Park Lower_Mills Uphams_Corner
""")
FAC_STEMS = W("""
Hollis_Valley Maple_Crest Riverside North_Shore St._Brigid's Cedar_Ridge
Pine_Haven Lakeview Fairhaven Brookside Whitfield Ashgrove Mount_Auburn
Glenwood St._Jude's Holy_Cross Sacred_Heart St._Elizabeth's Our_Lady_of_Mercy
Good_Shepherd Merrimack_Valley Blue_Ridge Tri-County Granite_State
Pioneer_Valley Seacoast Heritage Willowbrook Sunnyview Evergreen Meadowbrook
Harborview Bayside Stonehill Kingsbury Briarwood Oak_Knoll Larkspur
Greystone Beechwood Millbrook Pemberton Haverford Lyndhurst Crestview
Silver_Lake Wachusett Nashoba Hampden Berkshire Quabbin Narragansett
Ellsworth Calloway Winthrop_Park St._Casimir's St._Anthony's
""")
FAC_TYPES = W("""
Hospital Medical_Center Clinic Nursing_Home Rehab House Manor Villa Lodge
Hospice Health Care_Center Associates Imaging Community_Hospital
Regional_Medical_Center Rehabilitation_Hospital Nursing_and_Rehabilitation
Radiology_Associates Cardiology_Associates Family_Practice Health_Center
Memorial_Hospital Diagnostic_Imaging Open_MRI Assisted_Living Senior_Living
Skilled_Nursing_Facility Medical_Group Urgent_Care Pulmonary_Associates
""")
MIL_HOSP = W("""
Womack_Army_Medical_Center Darnall_Army_Community_Hospital
Blanchfield_Army_Community_Hospital Madigan_Army_Medical_Center
Tripler_Army_Medical_Center Eisenhower_Army_Medical_Center
Naval_Hospital_Camp_Lejeune Naval_Hospital_Pensacola Naval_Hospital_Bremerton
Wilford_Hall_Medical_Center Landstuhl_Regional_Medical_Center
Keller_Army_Community_Hospital Reynolds_Army_Community_Hospital
Winn_Army_Community_Hospital Evans_Army_Community_Hospital
Bassett_Army_Community_Hospital
""")
BASES = W("""
Fort_Bragg Fort_Hood Fort_Campbell Fort_Lewis Fort_Stewart Fort_Benning
Fort_Sill Fort_Carson Fort_Drum Fort_Polk Fort_Riley Fort_Wainwright
Fort_Devens Fort_Dix Fort_Ord Camp_Lejeune Camp_Pendleton Camp_Casey
Schofield_Barracks Lackland_AFB Keesler_AFB Pope_AFB Hanscom_AFB
Ramstein_AB Kadena_AB NAS_Pensacola NAS_Jacksonville Naval_Station_Norfolk
Camp_Humphreys Fort_Whitcomb Camp_Marlowe Fort_Ashby
""")
RANKS_ARMY = W("PVT PV2 PFC SPC CPL SGT SSG SFC MSG 1SG SGM 2LT 1LT CPT MAJ "
               "LTC COL CW2 CW3")
RANKS_OTHER = W("LCpl Cpl Sgt SSgt GySgt HM2 HM3 HMC LT LCDR CDR CAPT "
                "A1C SrA TSgt MSgt Capt Maj Lt_Col PO2 PO1 YN2 BM3")
MIL_UNIT_TYPES = W("Inf_Regt PIR FA_Bn Armor_Bn Engr_Bn MP_Co Sig_Bn "
                   "Avn_Regt Cav_Regt Maint_Co Med_Bn Trans_Co MEU "
                   "Marines FSSG Security_Forces_Sq Airlift_Wing CSH")
ORG_SUFFIX = W("""
Marine_Works Textile_Mills Foundry Trucking Construction Paper_Mill
Tool_and_Die Elementary High_School Middle_School Community_College
Baptist_Church Lutheran_Church AME_Church Parish Electric Shipyard
Plumbing_and_Heating Dairy Farms Auto_Body Steel Mills Shoe_Company
Granite_Quarry Fisheries Bakery Insurance_Agency Credit_Union Post_Office
Fire_Department Police_Department Public_Schools Department_Store
""")
ORG_FIXED = W("""
General_Dynamics Raytheon Electric_Boat Bath_Iron_Works Digital_Equipment
Wang_Laboratories Polaroid Gillette Sears Woolworth's Grumman Boeing
Lockheed Pratt_&_Whitney Conrail Amtrak U.S._Postal_Service Stop_&_Shop
Market_Basket Bethlehem_Steel Reynolds_Tobacco Tyson_Foods Kmart
""")
VA_SITES = W("""
Bedford Brockton West_Roxbury Jamaica_Plain Northampton Manchester
White_River_Junction Togus Providence West_Haven Newington Albany Syracuse
Canandaigua Bath Wilkes-Barre Coatesville Lebanon Martinsburg Salem
Durham Fayetteville Asheville Bay_Pines Gainesville Biloxi Temple Waco
Muskogee Fargo Hines Dayton Chillicothe Tomah Fort_Meade Cheyenne
Prescott Tucson Loma_Linda Palo_Alto American_Lake Walla_Walla Anchorage
""")
CBOC_SITES = W("""
Lowell Haverhill Fitchburg Gloucester Hyannis Lynn Framingham Worcester
Springfield Pittsfield Greenfield Keene Portsmouth Conway Tilton Calais
Rumford Saco Bennington Rutland Middletown Danbury Torrington Kingston
Jacksonville Hickory Lumberton Pensacola Killeen Ardmore Watertown Spirit_Lake
""")
EMAIL_DOMAINS = W("aol.com compuserve.com juno.com earthlink.net "
                  "hotmail.com yahoo.com mindspring.com prodigy.net "
                  "verizon.net comcast.net med.va.gov us.army.mil")

HISPANIC = SURNAMES[SURNAMES.index("Garcia"):SURNAMES.index("Villanueva") + 1]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"]


def num_words(n, sep="-"):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else sep + ONES[n % 10])
    rest = n - 100
    return "one hundred" + ("" if rest == 0 else " and " + num_words(rest, sep))


def ordsuf(n):
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# ---------------------------------------------------------------- people
class Person:
    def __init__(self, rng, sex=None, role="pt"):
        self.sex = sex or rng.choice("MF")
        r = rng.random()
        pool = GIVEN_M if self.sex == "M" else GIVEN_F
        self.first = invented_name(rng, "given") if r < 0.05 else rng.choice(pool)
        r = rng.random()
        if r < 0.06:
            self.last = invented_name(rng, "sur")
        elif r < 0.15:
            self.last = rng.choice(PARTICLE_SURNAMES)
        elif r < 0.21:
            self.last = rng.choice(SURNAMES) + "-" + rng.choice(SURNAMES)
        elif r < 0.27:
            self.last = rng.choice(HISPANIC) + " " + rng.choice(HISPANIC)
        else:
            self.last = rng.choice(SURNAMES)
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.7 else ""
        self.role = role

    def initials(self):
        s = self.first[0] + (self.mi or "") + self.last.replace("-", " ").split()[-1][0]
        return s.upper()


def nm(p, form):
    """pieces for a person's name in a given form; only name text is a span."""
    N = "NAME"
    if form == "fl":
        return [P(p.first + " " + p.last, N)]
    if form == "fml":
        if p.mi:
            return [P(p.first + " " + p.mi + ". " + p.last, N)]
        return [P(p.first + " " + p.last, N)]
    if form == "LF":
        return [P(p.last.upper(), N), ", ", P((p.first + (" " + p.mi if p.mi else "")).upper(), N)]
    if form == "LFmixed":
        return [P(p.last, N), ", ", P(p.first + (" " + p.mi if p.mi else ""), N)]
    if form == "vista":
        return [P(p.last.upper(), N), ",", P((p.first + (" " + p.mi if p.mi else "")).upper(), N)]
    if form == "l":
        return [P(p.last, N)]
    if form == "f":
        return [P(p.first, N)]
    if form == "init":
        return [P(p.initials(), N)]
    if form == "initdot":
        return [P(".".join(p.initials()) + ".", N)]
    if form == "fi_last":
        return [P(p.first[0] + ". " + p.last, N)]
    raise ValueError(form)


def dr(rng, p, style=None):
    style = style or rng.choice(["Dr. L", "Dr. L", "Dr.L", "Dr. FL", "FL, MD",
                                 "FML, M.D.", "L", "Dr L", "dr l", "FiL MD"])
    if style == "Dr. L":
        return ["Dr. "] + nm(p, "l")
    if style == "Dr.L":
        return ["Dr."] + nm(p, "l")
    if style == "Dr L":
        return ["DR "] + nm(p, "l")
    if style == "dr l":
        return ["dr "] + [P(p.last.lower(), "NAME")]
    if style == "Dr. FL":
        return ["Dr. "] + nm(p, "fl")
    if style == "FL, MD":
        return nm(p, "fl") + [", MD"]
    if style == "FML, M.D.":
        return nm(p, "fml") + [", M.D."]
    if style == "FiL MD":
        return nm(p, "fi_last") + [" MD"]
    return ["Dr. "] + nm(p, "l")


def staff_ref(rng, p, role):
    """surname after a role word: 'RN Okonkwo', 'per Nurse Hadley'."""
    opts = {
        "RN": ["RN ", "per RN ", "Nurse ", "per Nurse ", "d/w RN "],
        "PA": ["PA ", "d/w PA ", "per PA "],
        "NP": ["NP ", "per NP "],
        "RT": ["RT ", "resp therapist ", "per RT "],
        "SW": ["SW ", "social worker ", "per SW "],
        "TECH": ["tech ", "technologist ", "RT(R) "],
        "RES": ["resident Dr. ", "PGY-2 ", "Dr. ", "house officer "],
        "PT": ["PT ", "physical therapist "],
    }[role]
    return [rng.choice(opts)] + nm(p, "l")


KIN = ["son", "daughter", "wife", "husband", "sister", "brother", "niece",
       "nephew", "granddaughter", "grandson", "daughter-in-law", "friend"]


# ---------------------------------------------------------------- dates
def rand_date(rng, y0=1986, y1=2009):
    start = datetime.date(y0, 1, 1).toordinal()
    end = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


FULL_STYLES = ["mdy", "mdy_np", "mdy2", "mdy2", "mdy2_np", "mdy2_dash", "iso",
               "dmy_dot", "long", "dmon", "dmony", "dmony", "dmony4", "weekday",
               "vista", "mon_d_y", "mdy_dash"]
PART_STYLES = ["md", "my", "month_year", "mon_yy", "mon_th", "year", "yy_apos",
               "md", "month_year"]


def fmt_date(dt, style):
    y, m, d = dt.year, dt.month, dt.day
    Mo = MONTHS[m - 1]
    if style == "mdy":
        return "%02d/%02d/%d" % (m, d, y)
    if style == "mdy_np":
        return "%d/%d/%d" % (m, d, y)
    if style == "mdy2":
        return "%02d/%02d/%02d" % (m, d, y % 100)
    if style == "mdy2_np":
        return "%d/%d/%02d" % (m, d, y % 100)
    if style == "mdy2_dash":
        return "%d-%d-%02d" % (m, d, y % 100)
    if style == "mdy_dash":
        return "%02d-%02d-%d" % (m, d, y)
    if style == "iso":
        return "%d-%02d-%02d" % (y, m, d)
    if style == "dmy_dot":
        return "%02d.%02d.%d" % (d, m, y)
    if style == "long":
        return "%s %d, %d" % (Mo, d, y)
    if style == "dmon":
        return "%d %s %d" % (d, Mo[:3], y)
    if style == "dmony":
        return "%02d-%s-%02d" % (d, Mo[:3].upper(), y % 100)
    if style == "dmony4":
        return "%02d-%s-%d" % (d, Mo[:3].upper(), y)
    if style == "weekday":
        return ("%s, %s %d, %d" % (WEEKDAYS[dt.weekday()], Mo, d, y)).upper()
    if style == "vista":
        return "%s %02d, %d" % (Mo[:3].upper(), d, y)
    if style == "mon_d_y":
        return "%s %d %d" % (Mo[:3], d, y)
    if style == "md":
        return "%d/%d" % (m, d)
    if style == "my":
        return "%d/%02d" % (m, y % 100)
    if style == "month_year":
        return "%s %d" % (Mo, y)
    if style == "mon_yy":
        return "%s-%02d" % (Mo[:3], y % 100)
    if style == "mon_th":
        return "%s %d%s" % (Mo[:3], d, ordsuf(d))
    if style == "year":
        return "%d" % y
    if style == "yy_apos":
        return "'%02d" % (y % 100)
    if style == "dom":
        return "%d%s" % (d, ordsuf(d))
    raise ValueError(style)


def D(dt, style):
    return P(fmt_date(dt, style), "DATE")


def fmt_time(rng, style=None):
    h = rng.randint(0, 23)
    mi = rng.choice([0, 5, 10, 15, 20, 30, 45, rng.randint(0, 59)])
    style = style or rng.choice(["hm", "hm", "mil", "mil", "milh", "ampm",
                                 "ampm2", "hms"])
    if style == "hm":
        return "%02d:%02d" % (h, mi)
    if style == "hms":
        return "%02d:%02d:%02d" % (h, mi, rng.randint(0, 59))
    if style == "mil":
        return "%02d%02d" % (h, mi)
    if style == "milh":
        return "%02d%02dh" % (h, mi)
    h12 = h % 12 or 12
    if style == "ampm":
        return "%d:%02d %s" % (h12, mi, "AM" if h < 12 else "PM")
    return "%d:%02d%s" % (h12, mi, "a" if h < 12 else "p")


def T(rng, style=None):
    if style is None and rng.random() < 0.04:
        return P(rng.choice(["noon", "midnight"]), "TIME")
    return P(fmt_time(rng, style), "TIME")


# ---------------------------------------------------------------- numbers
def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def phone_num(rng, style=None):
    a = "%d%d%d" % (rng.randint(2, 9), rng.randint(0, 8), rng.randint(0, 9))
    e = "%d%s" % (rng.randint(2, 9), digits(rng, 2))
    x = digits(rng, 4)
    style = style or rng.choice(["paren", "dash", "dot", "local", "slash",
                                 "paren", "dash", "one"])
    if style == "paren":
        return "(%s) %s-%s" % (a, e, x)
    if style == "dash":
        return "%s-%s-%s" % (a, e, x)
    if style == "dot":
        return "%s.%s.%s" % (a, e, x)
    if style == "local":
        return "%s-%s" % (e, x)
    if style == "slash":
        return "%s/%s-%s" % (a, e, x)
    return "1-%s-%s-%s" % (a, e, x)


def phone(rng, kind="tel"):
    """pieces: cue word (plain) + number (PHONE)."""
    if kind == "tel":
        cue = rng.choice(["Tel: ", "Ph ", "phone ", "TEL ", "Phone: ", "tel. ", ""])
        out = [cue, P(phone_num(rng), "PHONE")]
        if rng.random() < 0.2:
            out += [rng.choice([" ext. ", " x", " Ext "]), P(digits(rng, rng.randint(3, 5)), "PHONE")]
        return out
    if kind == "fax":
        return [rng.choice(["Fax: ", "FAX ", "fax# ", "Fax No. "]), P(phone_num(rng), "PHONE")]
    if kind == "pager":
        r = rng.random()
        if r < 0.3:
            return [rng.choice(["pg ", "pgr ", "pager #", "beeper "]), P(digits(rng, rng.randint(4, 5)), "PHONE")]
        if r < 0.6:
            return [rng.choice(["x", "ext. ", "beeper "]), P("%d-%s" % (rng.randint(1, 9), digits(rng, 4)), "PHONE")]
        return [rng.choice(["pager ", "pg# ", "PAGER "]), P(phone_num(rng, "local"), "PHONE")]
    if kind == "dsn":
        return ["DSN ", P("%d-%s" % (rng.randint(312, 318), phone_num(rng, "local")), "PHONE")]
    if kind == "ext":
        return [rng.choice(["ext. ", "x", "X", "ext "]), P(digits(rng, rng.randint(4, 5)), "PHONE")]
    raise ValueError(kind)


def mk_id(rng, kind):
    if kind == "mrn":
        return rng.choice([digits(rng, 7), "%s-%s-%s" % (digits(rng, 2), digits(rng, 2), digits(rng, 2)),
                           digits(rng, 8), "00" + digits(rng, 6), "%s-%s" % (digits(rng, 3), digits(rng, 4)),
                           "U" + digits(rng, 7)])
    if kind == "ssn":
        return rng.choice(["%s-%s-%s" % (digits(rng, 3), digits(rng, 2), digits(rng, 4)),
                           "%s %s %s" % (digits(rng, 3), digits(rng, 2), digits(rng, 4)),
                           digits(rng, 9)])
    if kind == "last4":
        return rng.choice("ABCDEFGHKLMNPRSTW") + digits(rng, 4)
    if kind == "acc":
        y = "%02d" % rng.randint(86, 99)
        return rng.choice([y + "-" + digits(rng, 6), "A" + digits(rng, 7),
                           "RAD" + y + digits(rng, 4), "CT-" + y + "-" + digits(rng, 5),
                           digits(rng, 10), "XR" + digits(rng, 6), "MR" + y + "-" + digits(rng, 4)])
    if kind == "svc":
        return rng.choice(["RA %s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3)),
                           "US %s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3)),
                           "O-" + digits(rng, 6), "ER" + digits(rng, 8), digits(rng, 7)])
    if kind == "claim":
        return rng.choice(["C-%s %s %s" % (digits(rng, 2), digits(rng, 3), digits(rng, 3)),
                           "C" + digits(rng, 8), "XC-" + digits(rng, 8)])
    if kind == "job":
        return digits(rng, rng.randint(5, 7))
    if kind == "acct":
        return rng.choice([digits(rng, 10), "V" + digits(rng, 9), digits(rng, 3) + "-" + digits(rng, 6)])
    if kind == "order":
        return digits(rng, rng.randint(6, 8))
    if kind == "member":
        return rng.choice(["XJH" + digits(rng, 9), "W" + digits(rng, 8),
                           digits(rng, 9) + rng.choice("ABCDM"), "YUB" + digits(rng, 8)])
    if kind == "lic":
        return rng.choice(["MA " + digits(rng, 5), "#" + digits(rng, 6), "RN" + digits(rng, 6)])
    if kind == "serial":
        return rng.choice(["PJN" + digits(rng, 6) + "H", "SN" + digits(rng, 8),
                           "BRC" + digits(rng, 6), digits(rng, 4) + "-" + digits(rng, 5)])
    if kind == "nhs":
        return "%s %s %s" % (digits(rng, 3), digits(rng, 3), digits(rng, 4))
    if kind == "hcard":
        return "%s-%s-%s-%s" % (digits(rng, 4), digits(rng, 3), digits(rng, 3), rng.choice(["AB", "KT", "XR", "MP"]))
    raise ValueError(kind)


def ID(rng, kind):
    return P(mk_id(rng, kind), "ID")


# ---------------------------------------------------------------- places
def town(rng):
    """(city, state or None)"""
    r = rng.random()
    if r < 0.6:
        c, s = rng.choice(US_PLACES)
        return c, s
    if r < 0.8:
        return rng.choice(WORLD_CITIES), None
    return rng.choice(INV_PRE) + rng.choice(INV_SUF), rng.choice(["MA", "NH", "ME", "NY", "PA", "OH", "NC", "TX"])


def address(rng, sep=", ", caps=False):
    num = str(rng.randint(2, 9999))
    st = rng.choice(STREET_NAMES) + " " + rng.choice(STREET_TYPES)
    city, state = rng.choice(US_PLACES) if rng.random() < 0.85 else (
        rng.choice(INV_PRE) + rng.choice(INV_SUF), rng.choice(["MA", "NH", "VT", "CT"]))
    z = digits(rng, 5) + ("-" + digits(rng, 4) if rng.random() < 0.15 else "")
    out = [P(num + " " + st, "LOCATION")]
    if rng.random() < 0.25:
        out += [rng.choice([", ", " "]), P(rng.choice(["Apt ", "Apt. ", "Unit ", "#", "Rm "]) + str(rng.randint(1, 40)) + rng.choice(["", "", "B", "C"]), "LOCATION")]
    out += [sep, P(city, "LOCATION"), ", " if rng.random() < 0.6 else " ", P(state, "LOCATION"), "  " if rng.random() < 0.3 else " ", P(z, "LOCATION")]
    return out


def facility(rng, kind=None):
    r = rng.random()
    if kind == "bare" or (kind is None and r < 0.12):
        return rng.choice(FAC_STEMS)
    if kind == "mil":
        return rng.choice(MIL_HOSP)
    if kind == "va" or (kind is None and r < 0.2):
        return rng.choice([rng.choice(VA_SITES) + " VAMC", rng.choice(VA_SITES) + " VA Medical Center",
                           "VA " + rng.choice(VA_SITES) + " Healthcare System", rng.choice(CBOC_SITES) + " CBOC"])
    stem = rng.choice(FAC_STEMS) if rng.random() < 0.75 else (rng.choice(INV_PRE) + rng.choice(INV_SUF))
    return stem + " " + rng.choice(FAC_TYPES)


def H(rng, kind=None):
    return P(facility(rng, kind), "HOSPITAL")


def ward(rng):
    r = rng.random()
    if r < 0.45:
        return rng.choice(SURNAMES[:120]) + " " + str(rng.randint(2, 14))
    if r < 0.7:
        return rng.choice(SURNAMES[:120]) + " " + rng.choice(["House", "Pavilion", "Wing", "Building"])
    return rng.choice(["Blake", "Ellison", "White", "Bigelow", "Baker", "Farnsworth",
                       "Gray", "Wang", "Lunder", "Phillips", "Cox", "Tower"]) + " " + str(rng.randint(2, 18)) + rng.choice(["", "", "A", "B", "E", "W"])


def org(rng):
    r = rng.random()
    if r < 0.3:
        return rng.choice(ORG_FIXED)
    base = rng.choice(SURNAMES) if rng.random() < 0.6 else rng.choice(INV_PRE + [c for c, s in US_PLACES[:40]])
    return base + " " + rng.choice(ORG_SUFFIX)


def mil_unit(rng):
    r = rng.random()
    n = rng.randint(1, 4)
    reg = rng.randint(5, 511)
    if r < 0.4:
        return "%s Co, %d/%d%s %s" % (rng.choice("ABCDEH"), n, reg, ordsuf(reg), rng.choice(MIL_UNIT_TYPES))
    if r < 0.7:
        return "%d%s Bn, %d%s %s" % (n, ordsuf(n), reg, ordsuf(reg), rng.choice(MIL_UNIT_TYPES))
    return "%d%s %s" % (reg, ordsuf(reg), rng.choice(MIL_UNIT_TYPES))


def email(rng, p):
    u = rng.choice([p.first[0] + p.last, p.first + "." + p.last, p.last + digits(rng, 2),
                    p.first + p.last[0] + digits(rng, 3)])
    u = re.sub(r"[^A-Za-z0-9.]", "", u).lower()
    return u + "@" + rng.choice(EMAIL_DOMAINS)


# ---------------------------------------------------------------- ages
def age_phi(rng, age, sex=None, allow_nm=False):
    """age >= 90 rendered with the numeric part as an AGE span."""
    f = rng.choice(["n yo", "n y/o", "nyo", "n-year-old", "nM", "words", "words_yo",
                    "n year old", "90s", "n yrs", "aged n"])
    sx = sex or rng.choice(["M", "F"])
    if f == "nM" and not (sex and allow_nm):
        f = "n yo"
    if f == "n yo":
        return [P(str(age), "AGE"), " yo"]
    if f == "n y/o":
        return [P(str(age), "AGE"), " y/o"]
    if f == "nyo":
        return [P(str(age), "AGE"), "yo"]
    if f == "n-year-old":
        return [P(str(age), "AGE"), "-year-old"]
    if f == "nM":
        return [P(str(age), "AGE"), sx]
    if f == "words":
        return [P(num_words(age), "AGE"), "-year-old"]
    if f == "words_yo":
        return [P(num_words(age, " "), "AGE"), " year old"]
    if f == "n year old":
        return [P(str(age), "AGE"), " year old"]
    if f == "90s":
        pro = {"M": "his", "F": "her"}.get(sex) or rng.choice(["his", "her"])
        return ["in " + pro + " ", P("%ds" % (age // 10 * 10), "AGE")]
    if f == "n yrs":
        return [P(str(age), "AGE"), " yrs"]
    return ["aged ", P(str(age), "AGE")]


def age_plain(rng, age, sex=None, allow_nm=False):
    f = rng.choice(["n yo", "n y/o", "nyo", "n-year-old", "nM", "words", "decade", "n yr old"])
    if f == "n yo":
        return "%d yo" % age
    if f == "n y/o":
        return "%d y/o" % age
    if f == "nyo":
        return "%dyo" % age
    if f == "n-year-old":
        return "%d-year-old" % age
    if f == "nM" and sex and allow_nm:
        return "%d%s" % (age, sex)
    if f == "words":
        return num_words(age) + "-year-old"
    if f == "decade" and age >= 20:
        return "in %s %ds" % ({"M": "his", "F": "her"}.get(sex) or rng.choice(["his", "her"]), age // 10 * 10)
    return "%d yr old" % age


def AGE(rng, age, sex=None, allow_nm=False):
    if age >= 90:
        return age_phi(rng, age, sex, allow_nm)
    return age_plain(rng, age, sex, allow_nm)


# ---------------------------------------------------------------- protected clinical content
DEVICES = W("""
PICC PICC_line ETT endotracheal_tube NG_tube OG_tube Port-a-Cath AICD Impella
chest_tube pigtail_catheter pacemaker dual-lead_pacemaker pacemaker_leads
sternotomy_wires median_sternotomy_wires IABP tracheostomy_tube trach
right_IJ_central_line left_subclavian_line Quinton_catheter G-tube PEG_tube
IVC_filter VP_shunt surgical_clips Mediport LVAD nasogastric_tube
feeding_tube Pleurx_catheter cardiac_monitor_leads ICD epidural_catheter
""")
EPONYMS = W("""
Kerley_B_lines Swan-Ganz_catheter Foley Foley_catheter Dobhoff Dobhoff_tube
Hickman Hickman_catheter Pancoast_tumor Valsalva Hampton_hump Westermark_sign
Mallampati Glasgow_Coma_Scale Parkinson_disease Graves_disease Barrett_esophagus
Schatzki_ring Zenker_diverticulum Baker_cyst Colles_fracture Chilaiditi_sign
Hashimoto_thyroiditis Crohn_disease Alzheimer_dementia Hill-Sachs_deformity
Bankart_lesion Greenfield_filter Murphy_sign Homans_sign Babinski Groshong
Paget_disease Wilms_tumor Bochdalek_hernia Morgagni_hernia Monteggia_fracture
Jefferson_fracture Boerhaave Cushing_syndrome Addison_disease Bell_palsy
""")
DRUGS = W("""
furosemide Lasix vancomycin Eliquis heparin_drip heparin warfarin Coumadin
metoprolol Lopressor digoxin Lanoxin lisinopril Zestril albuterol Proventil
ipratropium Atrovent prednisone Solu-Medrol insulin NPH_insulin metformin
Glucophage glyburide atorvastatin Lipitor simvastatin Zocor aspirin ASA
Plavix clopidogrel nitroglycerin NTG morphine Dilaudid hydromorphone
acetaminophen Tylenol ceftriaxone Rocephin Zosyn piperacillin-tazobactam
levofloxacin Levaquin azithromycin Zithromax ciprofloxacin Cipro Bactrim
Flagyl metronidazole diltiazem Cardizem amiodarone haloperidol Haldol
lorazepam Ativan Ensure omeprazole Prilosec Protonix pantoprazole KCl
potassium_chloride Procrit epoetin Sinemet carbidopa-levodopa donepezil
Aricept sertraline Zoloft Agent_Orange_(exposure) gadolinium Omnipaque
Isovue barium propofol fentanyl Levophed norepinephrine dopamine
""")
DRUGS = [x for x in DRUGS if "Agent" not in x]
ROUTES = ["PO", "IV", "SL", "SQ", "IM", "PR", "neb", "PO daily", "PO BID", "IV q12h", "PO TID", "PO qHS"]


def rc(d, xs):
    return d.rng.choice(xs)


@gen("dev")
def g_dev(d):
    return P(rc(d, DEVICES), "DEVICE")


@gen("epon")
def g_epon(d):
    return P(rc(d, EPONYMS), "EPONYM")


@gen("drug")
def g_drug(d):
    return P(rc(d, DRUGS), "DRUG")


@gen("cm")
def g_cm(d):
    return P("%.1f cm" % d.rng.uniform(0.4, 9.5), "MEASUREMENT")


@gen("mm")
def g_mm(d):
    return P("%d mm" % d.rng.randint(2, 28), "MEASUREMENT")


@gen("meas")
def g_meas(d):
    r = d.rng
    return P(r.choice(["%d mL" % r.choice([50, 100, 250, 450, 600, 1200]),
                       "%.1f cm" % r.uniform(0.5, 12), "%d mm" % r.randint(2, 40),
                       "%d L NC" % r.randint(1, 6), "%d cc" % r.choice([30, 60, 200, 500]),
                       "%.1f x %.1f cm" % (r.uniform(0.5, 6), r.uniform(0.5, 6)),
                       "%d HU" % r.randint(-20, 80), "%.1f kg" % r.uniform(40, 120)]), "MEASUREMENT")


@gen("dose")
def g_dose(d):
    r = d.rng
    return [P(rc(d, DRUGS), "DRUG"), " ",
            P(r.choice(["%d mg" % r.choice([5, 10, 20, 25, 40, 80, 100, 250, 500]),
                        "%.3f mg" % r.choice([0.125, 0.25]), "%d units" % r.choice([4, 10, 20, 5000]),
                        "%d mcg" % r.choice([25, 50, 88, 100]), "%g g" % r.choice([1, 2, 3.375])]), "MEASUREMENT"),
            " " + r.choice(ROUTES)]


@gen("frac")
def g_frac(d):
    r = d.rng
    c = r.randint(0, 7)
    if c == 0:
        return [P("%d/5" % r.randint(3, 5), "FRACTION"), " strength " + r.choice(["BUE", "BLE", "throughout", "RUE"])]
    if c == 1:
        return [P("%d/6" % r.randint(1, 4), "FRACTION"), " " + r.choice(["SEM", "systolic murmur", "holosystolic murmur"])]
    if c == 2:
        return [P("%d/10" % r.randint(0, 10), "FRACTION"), " pain"]
    if c == 3:
        return ["GCS ", P(str(r.choice([15, 15, 14, 13, r.randint(3, 15)])), "FRACTION")]
    if c == 4:
        return ["CT ratio ", P("0.%d" % r.randint(42, 68), "FRACTION")]
    if c == 5:
        return [P("%d+/4" % r.randint(1, 3), "FRACTION"), " " + r.choice(["reflexes", "DTRs", "pitting edema"])]
    if c == 6:
        return ["A&O ", P("x%d" % r.randint(1, 3), "FRACTION")]
    return [P("%d/%d" % (r.randint(1, 3), r.randint(3, 4)), "FRACTION"), " " + r.choice(["cores positive", "lobes involved"])]


@gen("vit")
def g_vit(d):
    r = d.rng
    items = [("BP %d/%d" % (r.randint(88, 190), r.randint(44, 110))),
             ("HR %d" % r.randint(48, 128)) if r.random() < 0.8 else "HR %d-%d" % (r.randint(60, 90), r.randint(91, 130)),
             ("RR %d" % r.randint(12, 32)) if r.random() < 0.8 else "RR %d-%d" % (r.randint(12, 18), r.randint(19, 30)),
             "T %.1f" % r.uniform(96.2, 103.1) if r.random() < 0.6 else "T %.1f" % r.uniform(35.8, 39.6),
             "SpO2 %d%% on %s" % (r.randint(84, 100), r.choice(["RA", "2L", "4L NC", "NRB", "50% FM"])) if r.random() < 0.7 else "O2 sat %d%%" % r.randint(86, 100)]
    k = r.randint(2, 5)
    out = []
    for i, it in enumerate(items[:k]):
        if i:
            out.append(r.choice([", ", "  ", " ", "; "]))
        out.append(P(it, "VITAL"))
    return out


@gen("lab")
def g_lab(d):
    r = d.rng
    items = ["Na %d" % r.randint(124, 148), "K %.1f" % r.uniform(2.9, 6.1), "Cl %d" % r.randint(92, 112),
             "BUN %d" % r.randint(6, 88), "Cr %.1f" % r.uniform(0.6, 5.2), "WBC %.1f" % r.uniform(2.1, 24.0),
             "Hct %.1f" % r.uniform(21, 46), "Hgb %.1f" % r.uniform(6.8, 15.9), "Plt %d" % r.randint(40, 480),
             "INR %.1f" % r.uniform(0.9, 4.8), "glucose %d" % r.randint(60, 420), "BNP %d" % r.randint(40, 3400),
             "trop %.2f" % r.uniform(0.01, 3.5), "lactate %.1f" % r.uniform(0.6, 6.2)]
    r.shuffle(items)
    k = r.randint(2, 5)
    out = []
    for i, it in enumerate(items[:k]):
        if i:
            out.append(r.choice([", ", " ", "  "]))
        out.append(P(it, "VITAL"))
    return out


@gen("set")
def g_set(d):
    r = d.rng
    c = r.randint(0, 4)
    if c == 0:
        return [P("AC %d/%d/%d/%.1f" % (r.randint(10, 22), r.choice([400, 450, 500, 550]), r.randint(5, 12), r.choice([0.4, 0.5, 0.6, 1.0])), "SETTING")]
    if c == 1:
        return [P("PS %d/%d" % (r.randint(5, 18), r.randint(5, 10)), "SETTING"), ", ", P("FiO2 %d%%" % r.choice([30, 35, 40, 50, 60, 100]), "SETTING")]
    if c == 2:
        return [P("CPAP %d" % r.randint(5, 12), "SETTING"), " with ", P("FiO2 %d%%" % r.choice([30, 40, 50]), "SETTING")]
    if c == 3:
        return [P("TV %d" % r.choice([380, 420, 450, 500, 550]), "SETTING"), ", ", P("PEEP %d" % r.randint(5, 14), "SETTING"), ", ", P("RR %d" % r.randint(12, 24), "SETTING")]
    return [P("SIMV %d/%d" % (r.randint(8, 14), r.choice([450, 500])), "SETTING"), " ", P("PEEP %d" % r.randint(5, 10), "SETTING")]


# plain unannotated clinical bits
SPINE = ["T12", "L4-L5", "L5-S1", "C5-C6", "C6-7", "T8", "L1", "L3", "T4-T5", "C2", "S1"]
SIDES = ["right", "left", "bilateral"]
LOBES = ["RUL", "RML", "RLL", "LUL", "LLL", "lingula", "right base", "left base", "right apex"]


@gen("lvl")
def g_lvl(d):
    return rc(d, SPINE)


@gen("rib")
def g_rib(d):
    n = d.rng.randint(2, 11)
    return "%s %d%s rib" % (rc(d, ["right", "left"]), n, ordsuf(n))


@gen("lobe")
def g_lobe(d):
    return rc(d, LOBES)


@gen("side")
def g_side(d):
    return rc(d, SIDES)


@gen("dur")
def g_dur(d):
    r = d.rng
    return r.choice(["%d days ago" % r.randint(2, 12), "x %dd" % r.randint(2, 7), "POD %d" % r.randint(1, 6),
                     "hospital day %d" % r.randint(2, 14), "x %d wks" % r.randint(1, 6), "%d hrs" % r.randint(2, 48),
                     "for the past %d months" % r.randint(2, 11), "since last %s" % r.choice(WEEKDAYS)])


@gen("age_young")
def g_age_young(d):
    return age_plain(d.rng, d.rng.randint(18, 89))


# context-bound PHI generators
@gen("pt_age")
def g_pt_age(d):
    pt = d.ctx.get("pt")
    return AGE(d.rng, d.ctx["age"], pt.sex if pt else None)


@gen("pt_agesex")
def g_pt_agesex(d):
    pt = d.ctx["pt"]
    if d.rng.random() < 0.5:
        return [AGE(d.rng, d.ctx["age"], pt.sex), " " + sexw(d)]
    a = d.ctx["age"]
    return [P(str(a), "AGE"), pt.sex] if a >= 90 else "%d%s" % (a, pt.sex)


@gen("pdate")
def g_pdate(d):
    dt = d.ctx["date"] - datetime.timedelta(days=d.rng.randint(20, 3000))
    return D(dt, rc(d, FULL_STYLES + PART_STYLES[:3]))


@gen("fdate")
def g_fdate(d):
    dt = d.ctx["date"] - datetime.timedelta(days=d.rng.randint(0, 400))
    return D(dt, rc(d, FULL_STYLES))


@gen("yr")
def g_yr(d):
    dt = d.ctx["date"] - datetime.timedelta(days=d.rng.randint(400, 12000))
    return D(dt, rc(d, ["year", "year", "yy_apos", "month_year", "my", "mon_yy"]))


@gen("dom")
def g_dom(d):
    dt = d.ctx["date"] - datetime.timedelta(days=d.rng.randint(1, 25))
    return ["the ", D(dt, "dom")]


@gen("time")
def g_time(d):
    return T(d.rng)


@gen("dr")
def g_dr(d):
    return dr(d.rng, rc(d, d.ctx["docs"]))


@gen("rn")
def g_rn(d):
    return staff_ref(d.rng, rc(d, d.ctx["staff"]), rc(d, ["RN", "RN", "PA", "RT", "SW", "TECH", "RES", "NP", "PT"]))


@gen("ohosp")
def g_ohosp(d):
    return H(d.rng)


@gen("oacc")
def g_oacc(d):
    return ID(d.rng, "acc")


@gen("city")
def g_city(d):
    c, s = town(d.rng)
    if s and d.rng.random() < 0.5:
        return [P(c, "LOCATION"), ", ", P(s, "LOCATION")]
    return P(c, "LOCATION")


@gen("country")
def g_country(d):
    return P(rc(d, COUNTRIES), "LOCATION")


@gen("kin")
def g_kin(d):
    k = rc(d, KIN)
    sex = "F" if k in ("daughter", "wife", "sister", "niece", "granddaughter", "daughter-in-law") else "M"
    if k == "friend":
        sex = None
    p = Person(d.rng, sex)
    pro = "her " if d.ctx["pt"].sex == "F" else "his "
    pos = rc(d, [pro, pro, "pt's ", "", "the pt's "])
    r = d.rng.random()
    if r < 0.55:
        return [pos + k + " ", P(p.first, "NAME")]
    if r < 0.8:
        return [pos + k + " ", P(p.first + " " + (p.last if d.rng.random() < 0.5 else d.ctx["pt"].last), "NAME")]
    return [pos + k + " (", P(p.first, "NAME"), ")"]


@gen("pcp")
def g_pcp(d):
    return dr(d.rng, Person(d.rng))


@gen("org")
def g_org(d):
    return P(org(d.rng), "ORGANIZATION")


@gen("ward")
def g_ward(d):
    return P(ward(d.rng), "LOCATION")


@gen("eline")
def g_eline(d):
    return P(rc(d, ["Swan-Ganz catheter", "Dobhoff tube", "Dobhoff", "Hickman catheter", "Groshong catheter",
                    "Swan-Ganz", "Hickman"]), "EPONYM")


@gen("esign")
def g_esign(d):
    return P(rc(d, ["Kerley B lines", "Hampton hump", "Westermark sign", "Chilaiditi sign", "Pancoast tumor",
                    "Hill-Sachs deformity", "Bochdalek hernia", "Schatzki ring", "Zenker diverticulum",
                    "Baker cyst"]), "EPONYM")


@gen("edx")
def g_edx(d):
    return P(rc(d, ["Parkinson disease", "Graves disease", "Alzheimer dementia", "Crohn disease",
                    "Hashimoto thyroiditis", "Paget disease", "Barrett esophagus", "Parkinson's",
                    "Cushing syndrome", "Bell palsy"]), "EPONYM")


@gen("gado")
def g_gado(d):
    return P("%d mL" % d.rng.choice([10, 15, 20]), "MEASUREMENT")


@gen("pain")
def g_pain(d):
    return P("%d/10" % d.rng.randint(0, 10), "FRACTION")


@gen("ctr")
def g_ctr(d):
    return P("0.%d" % d.rng.randint(44, 66), "FRACTION")


@gen("contrast")
def g_contrast(d):
    r = d.rng
    return [P("%d mL" % r.choice([75, 80, 100, 125, 150]), "MEASUREMENT"), " ",
            P(r.choice(["Omnipaque 300", "Isovue-370", "Omnipaque", "Optiray", "gadolinium", "Magnevist"]), "DRUG")]


EXAMS = [("CHEST PA AND LATERAL", "cxr"), ("CHEST 1 VIEW PORTABLE", "cxr"), ("CHEST AP PORTABLE", "cxr"),
         ("CT CHEST W/O CONTRAST", "ctc"), ("CT CHEST W/ CONTRAST", "ctc"), ("CT ABD/PELVIS W/ CONTRAST", "cta"),
         ("CT HEAD W/O CONTRAST", "cth"), ("MRI L-SPINE W/O", "mrs"), ("MRI C-SPINE W/WO", "mrs"),
         ("KUB", "kub"), ("US ABDOMEN COMPLETE", "us"), ("US RUQ", "us"), ("ABDOMEN 2 VIEWS", "kub")]

FIND = {
    "cxr": ["{dev} tip projects approximately {cm} above the carina.",
            "Right IJ {dev} with tip in the distal SVC.",
            "{esign} noted.", "Bilateral {esign_kl} at the bases c/w interstitial edema.",
            "Patchy opacity in the {lobe}, ? atelectasis vs early pneumonia.",
            "Small {side} pleural effusion with blunting of the costophrenic angle.",
            "No pneumothorax. No acute osseous abnormality.",
            "Old healed fracture of the {rib}.",
            "{dev} unchanged in position.", "Interval removal of the {dev}.",
            "Enteric tube ({eline}) courses below the diaphragm, tip in the stomach.",
            "Cardiomegaly, cardiothoracic ratio {ctr}.",
            "Calcified granuloma in the {lobe} measuring {mm}, stable.",
            "Degenerative changes of the thoracic spine, mild wedging of {lvl}.",
            "Lungs are hyperexpanded c/w COPD. Heart size WNL.",
            "Aorta is tortuous and calcified. Mediastinum not widened."],
    "ctc": ["{cm} spiculated nodule in the {lobe}, previously {mm}.",
            "Multiple subcentimeter nodules, largest {mm} in the {lobe}.",
            "Mediastinal lymph node in the AP window measures {cm} short axis.",
            "Moderate centrilobular emphysema, upper lobe predominant.",
            "Filling defect in a segmental artery of the {lobe} c/w PE.",
            "{side} pleural effusion with adjacent compressive atelectasis.",
            "Coronary artery calcification. {dev} in place.",
            "Contrast: {contrast} IV without complication.",
            "Compression deformity of {lvl}, chronic appearing."],
    "cta": ["Liver measures {cm} craniocaudal; {meas} hypodensity in segment 7 too small to characterize.",
            "Gallbladder distended with layering stones; positive sonographic {murphy}.",
            "Appendix normal caliber, {mm}.", "Simple cyst left kidney {cm}.",
            "Abdominal aorta measures {cm} in AP dimension.",
            "Sigmoid diverticulosis without diverticulitis.",
            "{dev} in place, tip in the IVC at the level of {lvl}.",
            "Contrast: {contrast} IV, oral contrast given.",
            "Small amount of free fluid in the pelvis, approx {meas}."],
    "cth": ["No acute intracranial hemorrhage, mass effect or midline shift.",
            "Chronic small vessel ischemic change, age appropriate for {age_young}.",
            "Old lacunar infarct in the {side} basal ganglia.",
            "Ventricles prominent; {dev} catheter tip in the frontal horn.",
            "Subdural collection along the {side} convexity measuring {mm} in maximal thickness."],
    "mrs": ["Disc bulge at {lvl} with mild canal narrowing.",
            "Broad-based protrusion at {lvl} contacting the traversing nerve root.",
            "Modic type 2 endplate changes at {lvl}.",
            "Conus terminates at L1, normal.", "Compression fracture of {lvl}, chronic.",
            "Facet arthropathy {lvl} and {lvl}.", "Gadolinium {gado} given, no abnormal enhancement."],
    "kub": ["Nonobstructive bowel gas pattern.", "{eline} tip in the gastric body.",
            "Multiple dilated loops of small bowel up to {cm}, ? SBO.",
            "Phleboliths in the pelvis.", "{dev} projects over the {side} abdomen."],
    "us": ["Liver echogenic c/w fatty infiltration, measures {cm}.",
           "CBD measures {mm}.", "Gallbladder wall thickened {mm}, positive sonographic {murphy}.",
           "{side} kidney measures {cm}, no hydronephrosis.", "Spleen normal, {cm}."],
}
IMPR = {
    "cxr": ["No acute cardiopulmonary process.", "Support devices as above; {dev} in satisfactory position.",
            "Mild CHF.", "{lobe} pneumonia, f/u to resolution recommended.", "Stable exam."],
    "ctc": ["Enlarging {lobe} nodule, suspicious for malignancy. Recommend tissue sampling.",
            "No PE.", "Emphysema.", "Stable nodules, f/u CT in 12 months per Fleischner criteria."],
    "cta": ["No acute abdominal process.", "Cholelithiasis without CT evidence of cholecystitis.",
            "Diverticulosis.", "AAA, {cm}. Vascular surgery f/u."],
    "cth": ["No acute intracranial abnormality.", "Chronic microangiopathic change.", "{side} SDH as above."],
    "mrs": ["Multilevel degenerative change, worst at {lvl}.", "No cord compression."],
    "kub": ["Nonspecific bowel gas pattern.", "Findings c/w partial SBO."],
    "us": ["Cholelithiasis.", "Hepatic steatosis.", "No hydronephrosis."],
}
HX = ["SOB", "CP", "r/o PNA", "fever, cough", "s/p fall", "trauma", "eval lines", "CHF", "COPD exac",
      "abd pain", "r/o SBO", "HA, AMS", "LBP w/ radiculopathy", "hemoptysis", "wt loss", "f/u nodule",
      "s/p CABG", "ETT placement", "RUQ pain", "r/o PE"]


@gen("esign_kl")
def g_kl(d):
    return P("Kerley B lines", "EPONYM")


@gen("murphy")
def g_murphy(d):
    return P(rc(d, ["Murphy sign", "Murphy's sign"]), "EPONYM")


PMH = ["HTN", "DM2", "CHF", "COPD", "CAD s/p CABG", "afib", "CKD", "PVD", "BPH", "hypothyroid", "OA",
       "PTSD", "hep C", "ETOH abuse in remission", "tob use", "CVA w/ residual L weakness", "GERD", "gout",
       "hearing loss", "tinnitus", "DJD knees", "depression", "OSA on CPAP", "anemia"]
CC = ["sob", "cp", "dizziness", "fall at home", "cough x 1 wk", "LE swelling", "f/u HTN", "knee pain",
      "med refill", "back pain", "confusion", "poor po intake", "rash", "urinary retention", "melena"]


@gen("pmh")
def g_pmh(d):
    xs = d.rng.sample(PMH, d.rng.randint(2, 5))
    out = []
    for i, x in enumerate(xs):
        if i:
            out.append(d.rng.choice([", ", "; ", ", "]))
        if x == "CHF" and d.rng.random() < 0.3:
            out.append("CHF (EF 30%)")
        else:
            out.append(x)
    if d.rng.random() < 0.3:
        out += [", ", g_edx(d)]
    return out


@gen("cc")
def g_cc(d):
    return rc(d, CC)


@gen("hx")
def g_hx(d):
    return rc(d, HX)


@gen("meds")
def g_meds(d):
    k = d.rng.randint(2, 5)
    out = []
    for i in range(k):
        if i:
            out.append(rc(d, [", ", "; ", "\n  "]))
        out.append(g_dose(d))
    return out


EXAM_BITS = ["NAD", "PERRLA", "RRR", "CTAB", "no JVD", "abd soft NT/ND", "no c/c/e", "+BS", "A&Ox3",
             "lungs w/ bibasilar crackles", "irreg irreg", "trace BLE edema", "skin warm, dry",
             "EOMI", "neck supple"]


@gen("exam")
def g_exam(d):
    xs = d.rng.sample(EXAM_BITS, d.rng.randint(3, 6))
    out = []
    for i, x in enumerate(xs):
        if i:
            out.append(rc(d, [", ", ". ", "; "]))
        out.append(x)
    if d.rng.random() < 0.6:
        out += [", ", g_frac(d)]
    return out


HOLIDAYS = ["Thanksgiving", "Christmas", "Easter", "New Year's", "Memorial Day", "Labor Day",
            "July 4th", "Veterans Day", "Christmas Eve"]


@gen("hol")
def g_hol(d):
    y = d.ctx["date"].year - d.rng.randint(0, 6)
    return P(rc(d, HOLIDAYS) + " " + (str(y) if d.rng.random() < 0.7 else "'%02d" % (y % 100)), "DATE")


@gen("y4")
def g_y4(d):
    return D(d.ctx["date"] - datetime.timedelta(days=d.rng.randint(400, 15000)), "year")


@gen("hood")
def g_hood(d):
    return P(rc(d, NEIGHBORHOODS), "LOCATION")


@gen("idline")
def g_idline(d):
    r = d.rng
    k = r.choice(["member", "member", "claim", "order", "lic", "serial", "nhs", "hcard", "acct"])
    cue = {"member": ["Medicare # ", "TRICARE ID ", "BCBS member ID ", "Ins: Medicaid #", "policy no. "],
           "claim": ["VA claim # ", "C-file ", "claim no. "],
           "order": ["order # ", "ORD#", "req # "],
           "lic": ["driver's lic ", "state lic # ", "lic no. "],
           "serial": ["pacemaker serial ", "AICD SN ", "device serial # ", "pump S/N "],
           "nhs": ["visiting from UK, NHS no. ", "NHS number "],
           "hcard": ["Ontario health card ", "OHIP # ", "health card no. "],
           "acct": ["acct # ", "billing acct "]}[k]
    return [r.choice(cue), ID(r, k)]


# ---------------------------------------------------------------- document helpers
def setup(d, y0=1986, y1=2009, old=0.22, amin=19, amax=89):
    r = d.rng
    pt = Person(r)
    d.ctx["pt"] = pt
    age = r.randint(90, 104) if r.random() < old else r.randint(amin, amax)
    d.ctx["age"] = age
    date = rand_date(r, y0, y1)
    d.ctx["date"] = date
    d.ctx["dob"] = date - datetime.timedelta(days=age * 365 + r.randint(1, 360))
    d.ctx["docs"] = [Person(r) for _ in range(3)]
    d.ctx["staff"] = [Person(r) for _ in range(3)]
    return pt


def sexw(d, kind=0):
    s = d.ctx["pt"].sex
    return [["M", "F"], ["male", "female"], ["man", "woman"], ["m", "f"]][kind][s == "F"]


def age_hdr(d):
    a = d.ctx["age"]
    suf = d.rng.choice(["Y", "", "Y", " YRS"])
    if a >= 90:
        return [P(str(a), "AGE"), suf]
    return "%d%s" % (a, suf)


def findings(d, mod, k=None, sep="\n"):
    pool = FIND[mod]
    k = k or d.rng.randint(2, 5)
    for s in d.rng.sample(pool, min(k, len(pool))):
        d.f(s)
        d.t(sep)


def impression(d, mod, numbered=True):
    pool = IMPR[mod]
    k = d.rng.randint(1, min(3, len(pool)))
    for i, s in enumerate(d.rng.sample(pool, k)):
        d.t("%d. " % (i + 1) if numbered and k > 1 else "")
        d.f(s)
        d.nl()


def comparison_line(d):
    r = d.rng
    c = r.random()
    if c < 0.15:
        return "None."
    if c < 0.55:
        return [g_pdate(d), "."]
    if c < 0.75:
        return [g_pdate(d), " and ", g_pdate(d), "."]
    return [g_pdate(d), " (outside study, ", H(r), ")."]


def sig_rad(d, who):
    r = d.rng
    d.t(r.choice(["RADIOLOGIST: ", "READ BY: ", "Interpreted by: ", "ATTENDING RADIOLOGIST: "]))
    d.put(nm(who, r.choice(["fml", "fl", "LF"])))
    d.t(r.choice([", M.D.", " MD", ", MD", ""]))
    d.nl()
    if r.random() < 0.15:
        res = Person(r)
        d.t(r.choice(["RESIDENT: ", "Prelim by: "]))
        d.put(dr(r, res, r.choice(["Dr. L", "FL, MD", "Dr. FL"])))
        d.nl()
    dt = d.ctx["date"]
    dd = dt + datetime.timedelta(days=r.randint(0, 2))
    st = r.choice(["mdy2", "mdy", "dmony", "mdy2_np"])
    d.t("D: ")
    d.put(D(dt, st))
    d.t(" ")
    d.put(T(r, "mil"))
    if r.random() < 0.5:
        d.t(r.choice(["   T: ", "  T: ", "    T:"]))
        d.put(D(dd, st))
        d.t(" ")
        d.put(T(r, "mil"))
    if r.random() < 0.4:
        d.t(r.choice(["   JOB#: ", "  JOB # ", "  DOC#: "]))
        d.put(ID(r, "job"))
    if r.random() < 0.35:
        d.nl()
        tr = Person(r)
        d.put(P(who.initials(), "NAME"))
        d.t("/")
        d.put(P(tr.initials().lower()[:2], "NAME"))
    d.nl()


# ---------------------------------------------------------------- document kinds
def doc_ris(d):
    r = d.rng
    d.case = "upper" if r.random() < 0.85 else "mixed"
    pt = setup(d)
    exam, mod = r.choice(EXAMS)
    w = r.choice([36, 38, 40, 44])
    d.put(H(r))
    d.col(w + 6)
    d.t(r.choice(["DEPARTMENT OF RADIOLOGY", "DIAGNOSTIC IMAGING", "RADIOLOGY REPORT"]))
    d.nl()
    if r.random() < 0.25:
        d.put(address(r))
        d.nl()
    if r.random() < 0.2:
        d.put(phone(r, "tel"))
        d.t("   ")
        d.put(phone(r, "fax"))
        d.nl()
    d.t(r.choice(["=", "-", "*"]) * r.choice([60, 66, 72]))
    d.nl()
    d.t(r.choice(["PATIENT: ", "NAME: ", "PT NAME: "]))
    d.put(nm(pt, "LF"))
    d.col(w)
    d.t(r.choice(["MRN: ", "UNIT#: ", "MR#: ", "HOSP NO: "]))
    d.put(ID(r, "mrn"))
    d.nl()
    d.t("DOB: ")
    d.put(D(d.ctx["dob"], r.choice(["mdy2", "mdy", "dmony", "dmony4"])))
    d.t("  AGE: ")
    d.put(age_hdr(d))
    d.t("  SEX: " + sexw(d))
    d.col(w)
    d.t("LOC: ")
    d.put(P(ward(r), "LOCATION") if r.random() < 0.6 else r.choice(["ER", "OPD", "ICU", "SDU", "PACU"]))
    d.nl()
    if r.random() < 0.45:
        d.t(r.choice(["ACCT#: ", "ACCOUNT: ", "ENC#: "]))
        d.put(ID(r, "acct"))
        d.col(w)
    d.t(r.choice(["ACC#: ", "ACCESSION: ", "EXAM#: "]))
    d.put(ID(r, "acc"))
    d.nl()
    d.t("EXAM: " + exam)
    d.col(w)
    d.t("DATE: ")
    d.put(D(d.ctx["date"], r.choice(["dmony", "mdy2", "mdy", "dmony4"])))
    d.t(" ")
    d.put(T(r, r.choice(["mil", "hm"])))
    d.nl()
    d.t(r.choice(["REQ PHYS: ", "ORDERING MD: ", "REF: "]))
    doc = d.ctx["docs"][0]
    d.put(nm(doc, r.choice(["LF", "fl", "l"])))
    if r.random() < 0.25:
        d.t("  ")
        d.put(phone(r, "pager"))
    d.nl()
    if r.random() < 0.15:
        d.t("PACS USER: ")
        d.put(P((d.ctx["staff"][0].first[0] + d.ctx["staff"][0].last).lower().replace(" ", "").replace("'", ""), "CONTACT"))
        d.t("   WS: ")
        d.put(P("10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)), "CONTACT"))
        d.nl()
    d.t(r.choice(["=", "-", "*"]) * r.choice([60, 66, 72]))
    d.nl(2)
    d.t("CLINICAL HISTORY: ")
    d.f(r.choice(["{pt_agesex} W/ {hx}.", "{hx}.", "{hx}. {pmh}.", "{pt_age} {sx}, {hx}, {dur}."]), sx=sexw(d))
    d.nl(2)
    d.t("COMPARISON: ")
    d.put(comparison_line(d))
    d.nl(2)
    d.t("FINDINGS:" + r.choice(["\n", " "]))
    findings(d, mod, sep=r.choice(["\n", "  ", " "]))
    d.nl()
    d.t("IMPRESSION:\n")
    impression(d, mod)
    d.nl()
    sig_rad(d, d.ctx["docs"][1])
    if r.random() < 0.5:
        d.t(r.choice(["*** FINAL REPORT ***", "** SIGNED **", "PAGE 1 OF 1", "-- END OF REPORT --"]))
        d.nl()


def doc_addendum(d):
    r = d.rng
    d.case = "upper" if r.random() < 0.6 else "mixed"
    pt = setup(d)
    exam, mod = r.choice(EXAMS)
    d.t(r.choice(["ADDENDUM", "*** ADDENDUM ***", "ADDENDUM #1", "Addendum to report"]))
    d.nl()
    d.t("PATIENT: ")
    d.put(nm(pt, "LF"))
    d.t("   MRN: ")
    d.put(ID(r, "mrn"))
    d.nl()
    d.t("ORIGINAL EXAM: " + exam + "  ACC# ")
    d.put(ID(r, "acc"))
    d.t("  DATED ")
    d.put(D(d.ctx["date"], r.choice(FULL_STYLES)))
    d.nl(2)
    d.t(r.choice(["Additional comparison studies are now available and have been reviewed:",
                  "COMPARISON STUDIES REVIEWED:", "Prior studies reviewed for this addendum:"]))
    d.nl()
    dts = sorted([d.ctx["date"] - datetime.timedelta(days=r.randint(30, 4000)) for _ in range(r.randint(2, 5))], reverse=True)
    st = r.choice(["mdy2", "mdy", "dmony", "mdy2_np"])
    for dt in dts:
        d.t(r.choice(["  ", "  - ", "   "]))
        d.put(D(dt, st))
        d.col(14)
        e = r.choice(EXAMS)[0]
        d.t(e)
        d.col(42)
        if r.random() < 0.8:
            d.t(r.choice(["ACC# ", "#", "ACC "]))
            d.put(ID(r, "acc"))
        else:
            d.t("(")
            d.put(H(r))
            d.t(")")
        d.nl()
    d.nl()
    sents = ["The {lobe} nodule measures {cm} on the current exam, previously {mm} on the study of {dom}.",
             "On the {pdate} exam this measured {mm}, therefore interval growth is confirmed.",
             "Outside films from {bare} dated {pdate} were also reviewed (outside accession {oacc}).",
             "Findings were discussed with {dr} by telephone at {time} on {md}, with read-back.",
             "Critical result called to RN {rnl} at {time}.",
             "The {dev} seen on the {pdate} radiograph has since been removed.",
             "No change from the exam of {dom} other than as described.",
             "Degenerative change at {lvl} is unchanged since {yr}.",
             "Correction: the {rib} fracture described in the original report is old, unchanged from {yr}."]
    for s in r.sample(sents, r.randint(2, 4)):
        d.f(s, bare=P(facility(r, "bare"), "HOSPITAL"), rnl=nm(d.ctx["staff"][0], "l"),
            md=D(d.ctx["date"] + datetime.timedelta(days=r.randint(0, 2)), "md"))
        d.t(r.choice(["\n", "  ", " "]))
    d.nl()
    d.t("ADDENDUM IMPRESSION:\n")
    impression(d, mod)
    d.nl()
    d.t(r.choice(["Electronically signed by: ", "Addendum by: ", "SIGNED: "]))
    d.put(dr(r, d.ctx["docs"][1], r.choice(["FL, MD", "FML, M.D.", "Dr. FL"])))
    d.t(r.choice([" on ", "  ", " "]))
    d.put(D(d.ctx["date"] + datetime.timedelta(days=r.randint(1, 20)), st))
    d.t(" ")
    d.put(T(r))
    d.nl()


VA_TITLES = ["PRIMARY CARE NOTE", "PRIMARY CARE NURSING NOTE", "MENTAL HEALTH OUTPATIENT NOTE",
             "SOCIAL WORK NOTE", "PACT RN TELEPHONE NOTE", "C&P EXAMINATION", "PODIATRY CONSULT",
             "HBPC NOTE", "CBOC PROGRESS NOTE", "PULMONARY CLINIC NOTE"]
BRANCHES = ["Army", "USMC", "Navy", "Air Force", "USN", "US Army", "Marine Corps", "Coast Guard"]
AUTH_ROLES = ["NURSE PRACTITIONER", "STAFF PHYSICIAN", "RN CARE MANAGER", "LCSW", "PHYSICIAN ASSISTANT",
              "PSYCHOLOGIST", "CLINICAL PHARMACIST"]


def doc_vista(d):
    r = d.rng
    d.case = "mixed" if r.random() < 0.8 else "upper"
    pt = setup(d, 1997, 2012, old=0.3, amin=45)
    auth = d.ctx["docs"][0]
    date = d.ctx["date"]
    title = r.choice(VA_TITLES)
    d.t(" LOCAL TITLE: " + title + "\nSTANDARD TITLE: " + title.replace("CBOC ", "") + "\n")
    d.t("DATE OF NOTE: ")
    d.put(D(date, "vista"))
    d.t("@")
    d.put(T(r, "hm"))
    if r.random() < 0.5:
        d.col(40)
        d.t("ENTRY DATE: ")
        d.put(D(date, "vista"))
        d.t("@")
        d.put(T(r, "hms"))
    d.nl()
    d.t("      AUTHOR: ")
    d.put(nm(auth, "vista"))
    d.col(40)
    d.t("EXP COSIGNER: ")
    if r.random() < 0.4:
        d.put(nm(d.ctx["docs"][1], "vista"))
    d.nl()
    d.t("     URGENCY:")
    d.col(40)
    d.t("STATUS: COMPLETED\n\n")
    if r.random() < 0.4:
        d.t("PATIENT: ")
        d.put(nm(pt, "vista"))
        if r.random() < 0.5:
            d.t("   (")
            d.put(ID(r, r.choice(["last4", "ssn", "last4"])))
            d.t(")\n")
        else:
            d.t("  SSN: ")
            d.put(ID(r, "ssn"))
            d.nl()
    site = r.random()
    d.t(r.choice(["Clinic: ", "Location: ", "Station: "]))
    if site < 0.5:
        d.put(P(r.choice(CBOC_SITES) + " CBOC", "HOSPITAL"))
    else:
        d.put(H(r, "va"))
    d.nl(2)
    d.f("CC: {cc}\n\n")
    d.t("HPI: ")
    d.f(r.choice(["{pt_age} {br} veteran, served in {country} {yr} to {yr}, ",
                  "{pt_age} {sx} {br} veteran (retired {rank}), ",
                  "Pt is a {pt_age} {sx} vet w/ ",
                  "{pt_age} y/o {br} vet, POW {country} {yr}, "]),
        br=r.choice(BRANCHES), sx=sexw(d, 1), rank=r.choice(RANKS_ARMY))
    d.f("hx {pmh} who presents for {cc}. Pt reports sx {dur}.\n")
    if r.random() < 0.5:
        d.f("Seen at {ohosp} ER on {md} for same, records requested.\n",
            md=D(date - datetime.timedelta(days=r.randint(3, 60)), r.choice(["md", "mdy2_np", "mon_th"])))
    d.t("\nSOCIAL: ")
    d.f(r.choice(["Lives in {city} w/ {kin}. ", "Lives alone in {city}; {kin} checks on pt daily. ",
                  "Resides at {ohosp}. ", "Homeless, staying at shelter in {city}. ",
                  "Lives in {hood} w/ {kin}. ", "Moved from {hood} to {city} after {hol}. "]))
    if r.random() < 0.4:
        d.f(r.choice(["PSH: appendectomy ({y4}), R TKR ({y4}). ", "Last colonoscopy {yr}. ",
                      "Wife passed {hol}. ", "{idline}. "]))
    d.f(r.choice(["Retired from {org} in {yr}. ", "Former welder at {org}. ", "Worked {n} yrs at {org}. ",
                  "Volunteers at {org}. ", ""]), n=str(r.randint(5, 35)))
    d.t(r.choice(["Quit tob {n} yrs ago. ", "Smokes 1 ppd. ", "Denies ETOH. ", ""]).replace("{n}", str(r.randint(2, 30))))
    d.t("SC " + str(r.choice([0, 10, 30, 50, 70, 100])) + "%.\n\n")
    d.f("MEDS: {meds}\n\nVITALS: {vit}\n\nEXAM: {exam}\n\n")
    if r.random() < 0.6:
        d.t("LABS (")
        d.put(g_fdate(d))
        d.f("): {lab}\n\n")
    d.t("A/P:\n")
    for i in range(r.randint(1, 3)):
        d.f("%d. " % (i + 1) + r.choice(["{pmhone} - cont {drug}, recheck {lab_short} in 3 mos.",
                                         "{pmhone} - stable. Reviewed w/ pt.",
                                         "{pmhone} - titrate {dose}.",
                                         "Referred to {ohosp} for {test}.",
                                         "{pmhone} - d/w {dr}, will add {drug}."]) + "\n",
            pmhone=r.choice(PMH), lab_short=r.choice(["BMP", "CBC", "A1c", "lipids", "TSH"]),
            test=r.choice(["PFTs", "sleep study", "echo", "colonoscopy", "EMG"]))
    d.t("\n")
    d.f(r.choice(["RTC 3 mos. Pt given clinic number {ph}.", "F/u w/ PCP {pcp} in 6 wks.",
                  "Pt to call {ph} w/ questions.", "Pt's email on file: {em}."]),
        ph=P(phone_num(r), "PHONE"), em=P(email(r, pt), "CONTACT"))
    d.t("\n\n/es/ ")
    d.put(nm(auth, r.choice(["fml", "fl"])).copy())
    d.t("\n" + r.choice(AUTH_ROLES) + "\nSigned: ")
    d.put(D(date, r.choice(["mdy", "mdy2"])))
    d.t(" ")
    d.put(T(r, "hm"))
    d.nl()
    if r.random() < 0.15:
        d.t("\nReceipt Acknowledged By:\n")
        d.put(D(date + datetime.timedelta(days=r.randint(0, 5)), "mdy"))
        d.t(" ")
        d.put(T(r, "hm"))
        d.t("  /es/ ")
        d.put(nm(d.ctx["docs"][2], "fml"))
        d.nl()


def doc_mil(d):
    r = d.rng
    d.case = "upper" if r.random() < 0.65 else "mixed"
    pt = setup(d, 1985, 2006, old=0.05, amin=18, amax=56)
    date = d.ctx["date"]
    base = r.choice(BASES)
    d.t(r.choice(["MEDICAL RECORD - CHRONOLOGICAL RECORD OF MEDICAL CARE\nSTANDARD FORM 600\n",
                  "SF 600   CHRONOLOGICAL RECORD OF MEDICAL CARE\n", "SICK CALL SCREENING NOTE\n"]))
    d.t("DATE: ")
    d.put(D(date, r.choice(["dmon", "dmony", "mdy2", "dmony4"])))
    d.t("   TIME: ")
    d.put(T(r, "mil"))
    d.nl()
    d.t("TREATMENT FACILITY: ")
    d.put(H(r, "mil"))
    if r.random() < 0.6:
        d.t(", ")
        d.put(P(base, "LOCATION"))
    d.nl()
    d.t("PATIENT: " + r.choice(RANKS_ARMY + RANKS_OTHER) + " ")
    d.put(nm(pt, "LF"))
    d.col(46)
    d.t(r.choice(["FMP/SSN: 20/", "SSN: ", "FMP/SPONSOR SSN: 20/"]))
    d.put(ID(r, "ssn"))
    d.nl()
    if r.random() < 0.35:
        d.t("SVC NO: ")
        d.put(ID(r, "svc"))
        d.nl()
    d.t("UNIT: ")
    d.put(P(mil_unit(r), "ORGANIZATION"))
    d.t(", ")
    d.put(P(base, "LOCATION"))
    d.nl()
    if r.random() < 0.6:
        d.t("DUTY PH: ")
        d.put(phone(r, "dsn"))
        d.nl()
    d.nl()
    d.f("S: {pt_age} AD {sx} c/o {cc} {dur}. " + r.choice([
        "Injured during PT run this AM.", "Twisted ankle on ruck march.", "Onset while on field exercise at {loc}.",
        "Recently returned from {country}.", "Sx began after deployment to {country} {yr}.",
        "Denies trauma."]) + " PMH: {ypmh}. NKDA.\n", sx=sexw(d, 1), loc=P(base, "LOCATION"),
        ypmh=r.choice(["none", "asthma as child", "L ACL repair", "none significant", "seasonal allergies", "mTBI"]))
    d.f("O: {vit}. {exam}.\n")
    d.f("A: " + r.choice(["Viral URI.", "Ankle sprain, grade 2.", "Mechanical LBP.", "Pes planus.",
                          "Heat exhaustion.", "Cellulitis L forearm."]) + "\n")
    d.f("P: {dose}. " + r.choice(["Profile: no running/jumping x 14 days.", "Quarters x 24 hrs.",
                                   "RTD w/o limitations.", "Light duty x 7 days."]) + " ")
    d.f(r.choice(["F/u w/ PCM {rk} {pcmn} PRN.", "RTC sick call if worse.", "Referred to ortho, {mhosp}.",
                  "Cmd notified via {rk} {pcmn}, {ph}."]) + "\n\n",
        rk=r.choice(RANKS_ARMY), pcmn=nm(d.ctx["staff"][0], "l"), mhosp=H(r, "mil"),
        ph=phone(r, "dsn"))
    prov = d.ctx["docs"][0]
    d.t(r.choice(["SIGNATURE: ", "PROVIDER: ", "Seen by: "]) + r.choice(["CPT", "MAJ", "LT", "HM2", "SSG", "1LT", "LCDR"]) + " ")
    d.put(nm(prov, r.choice(["fml", "fl", "l"])))
    d.t(r.choice([", MC, USA", ", PA-C", ", MC, USN", " 68W", ", NC"]))
    d.nl()
    if r.random() < 0.4:
        d.t("REVIEWED: " + r.choice(["MAJ", "LTC", "CDR"]) + " ")
        d.put(nm(d.ctx["docs"][1], "l"))
        d.t(" ")
        d.put(D(date + datetime.timedelta(days=r.randint(0, 3)), "dmony"))
        d.nl()


def outside_report(d, ohosp, quoted=False):
    """body of an outside radiology report (used by fax and quote docs)."""
    r = d.rng
    exam, mod = r.choice(EXAMS)
    d.t(exam + "\n")
    if not quoted and r.random() < 0.5:
        d.t("Patient: ")
        d.put(nm(d.ctx["pt"], r.choice(["LF", "LFmixed", "fl"])))
        d.t("   MR# ")
        d.put(ID(r, "mrn"))
        d.t("   DOB ")
        d.put(D(d.ctx["dob"], r.choice(["mdy", "mdy2"])))
        d.nl()
        d.t("Exam date: ")
        d.put(g_fdate(d))
        d.t("   Referring: ")
        d.put(dr(r, d.ctx["docs"][0]))
        d.nl()
    d.t("Findings: ")
    findings(d, mod, k=r.randint(2, 4), sep=" ")
    d.t("\nImpression: ")
    impression(d, mod, numbered=False)
    d.t(r.choice(["Dictated by: ", "Electronically signed: ", "-- "]))
    d.put(dr(r, Person(r), r.choice(["FL, MD", "FML, M.D.", "Dr. FL"])))
    d.nl()


def doc_fax(d):
    r = d.rng
    d.case = "mixed" if r.random() < 0.7 else "upper"
    d.ocr = r.uniform(0.004, 0.03)
    setup(d)
    date = d.ctx["date"]
    ohosp = facility(r)
    d.put(D(date, r.choice(["mdy2", "mdy2_np", "dmony"])))
    d.t(" ")
    d.put(T(r, r.choice(["hm", "ampm"])))
    d.t(r.choice(["   FROM: ", "  FROM-", "  "]))
    d.put(P(ohosp.upper(), "HOSPITAL"))
    d.t("  ")
    d.put(P(phone_num(r), "PHONE"))
    d.t(r.choice(["   TO: ", "  T-"]))
    d.put(P(phone_num(r, r.choice(["dash", "local", "one"])), "PHONE"))
    d.t("   P.%02d/%02d\n" % (1, r.randint(2, 4)) if r.random() < 0.7 else "   PAGE 1\n")
    d.t(r.choice(["\nFAX COVER SHEET\n", "\nFACSIMILE TRANSMITTAL\n", "\n"]))
    d.t("To: ")
    d.put(dr(r, d.ctx["docs"][1]))
    d.t("   ")
    d.put(phone(r, "fax"))
    d.t("\nFrom: ")
    d.put(nm(d.ctx["staff"][0], "fl"))
    d.t(r.choice([", Medical Records", ", Film Library", ", HIM Dept", ""]) + "\nRe: ")
    d.put(nm(d.ctx["pt"], r.choice(["fl", "LF"])))
    d.t("  DOB: ")
    d.put(D(d.ctx["dob"], r.choice(["mdy", "mdy2", "mdy_np"])))
    d.t("\nPages (incl. cover): %d\n" % r.randint(2, 5))
    d.t(r.choice(["\n---------------------------------- page 2 ----\n", "\n\n", "\n[PAGE 2]\n"]))
    d.put(P(ohosp, "HOSPITAL"))
    d.nl()
    if r.random() < 0.6:
        d.put(address(r))
        d.nl()
    if r.random() < 0.5:
        d.put(phone(r, "tel"))
        d.t("  ")
        if r.random() < 0.4:
            d.put(P("www." + re.sub(r"[^a-z]", "", ohosp.lower())[:18] + r.choice([".com", ".org", ".net"]), "CONTACT"))
        d.nl()
    d.nl()
    outside_report(d, ohosp)
    d.nl()
    if r.random() < 0.5:
        d.t("CONFIDENTIALITY NOTICE: The documents accompanying this telecopy contain confidential "
            "information which is legally privileged. If you have received this fax in error, please "
            "notify us by telephone at ")
        d.put(P(phone_num(r), "PHONE"))
        d.t(" and destroy the original.\n")


def doc_quote(d):
    r = d.rng
    d.case = "upper" if r.random() < 0.45 else "mixed"
    pt = setup(d)
    exam, mod = r.choice(EXAMS)
    ohosp = facility(r)
    d.t("EXAM: " + exam + "   DATE: ")
    d.put(D(d.ctx["date"], r.choice(FULL_STYLES)))
    d.t("\nPATIENT: ")
    d.put(nm(pt, "LF"))
    d.t("   MRN ")
    d.put(ID(r, "mrn"))
    d.t("\n\nHISTORY: ")
    d.f("{pt_age} {sx} {hx}, transferred from {oh} on {fdate}.\n\n", sx=sexw(d, 1), oh=P(ohosp, "HOSPITAL"))
    d.t("OUTSIDE REPORT (")
    d.put(P(ohosp, "HOSPITAL"))
    d.t(", ")
    d.put(g_pdate(d))
    d.t(r.choice([", accession ", ", #", ", acc "]))
    d.put(ID(r, "acc"))
    d.t(r.choice(["), quoted:\n\"", ") reads as follows:\n\"", "):\n> "]))
    keep = d.case
    if r.random() < 0.5:
        d.case = "upper"
    outside_report(d, ohosp, quoted=True)
    d.case = keep
    d.t("\"\n\n" if r.random() < 0.7 else "[end of outside report]\n\n")
    d.t("COMPARISON: ")
    d.f(r.choice(["Outside films from {bare} dated {pdate}.", "{pdate} (outside), {pdate}.",
                  "CD of outside images from {bare}, {pdate}."]), bare=P(facility(r, "bare"), "HOSPITAL"))
    d.t("\n\nFINDINGS: ")
    findings(d, mod, k=r.randint(2, 4), sep=" ")
    d.t("\n\nIMPRESSION:\n")
    impression(d, mod)
    if r.random() < 0.6:
        d.f("Discussed w/ {dr} at {time}.\n")
    d.nl()
    sig_rad(d, d.ctx["docs"][1])


TELE_LINES = [
    "{kin} at bedside, updated on plan.", "spoke w/ {dr} re: {drug}, ok to give {dose}.",
    "per {rn} pt {event} at {time}.", "pt lives in {city}, was at {ohosp} until {md}.",
    "f/u w/ pcp {pcp} in 2 wks, call {ph}.", "dc to {rehab} when bed avail.",
    "{vit}.", "labs: {lab}.", "{dev} in place, site c/d/i.", "{eline} replaced by {rn}, placement confirmed by KUB.",
    "pain {pain}, medicated w/ {dose}.", "pt refused {drug} x2.", "d/w {rn}, will monitor.",
    "{kin} called from {city}, questions answered.", "hx {edx}, {frac}.",
    "pt emigrated from {country} in {yr}, speaks little english, interpreter used.",
    "recently returned from {country}, r/o malaria.", "daughter-in-law works at {org}, is HCP.",
    "paged {dr} at {time}, no callback, repaged {pg}.", "s/p fall {dur}, no LOC.",
    "{dur}: afebrile, tol po.", "turned q2h, skin intact.", "voiding qs.", "BLE edema improved.",
    "{kin} visiting from {hood}, last saw pt at {hol}.", "{idline}.", "pt states was fine until {hol}.",
    "pt from {city}, {idline}.", "per {rn} at noon pt lethargic, {frac}.",
]


def doc_tele(d):
    r = d.rng
    d.case = "lower" if r.random() < 0.6 else "mixed"
    pt = setup(d, 1988, 2010, old=0.35, amin=40)
    date = d.ctx["date"]
    head = r.random()
    if head < 0.5:
        d.put(D(date, r.choice(["mdy2_np", "md", "mdy2"])))
        d.t(" ")
        d.put(T(r, r.choice(["mil", "hm", "milh"])))
        d.t(r.choice([" nsg note\n", " rn note\n", " prog note\n", " - ", "\n"]))
    else:
        d.t(r.choice(["nsg: ", "NSG NOTE\n", "Progress Note\n", "intern note\n"]))
    d.f("pt {pt_age} {sx} w/ hx {pmh}", sx=sexw(d, 3))
    if r.random() < 0.5:
        d.f(", s/p {proc} {yr}", proc=r.choice(["cabg", "lap chole", "TKR", "R hip ORIF", "AVR", "turp"]))
    d.f(". adm {adm} from {src} w/ {cc}.\n",
        adm=D(date - datetime.timedelta(days=r.randint(0, 6)), r.choice(["md", "mdy2_np", "mon_th"])),
        src=r.choice([[P(facility(r), "HOSPITAL")], "home", "ED", ["the ", P(ward(r), "LOCATION"), " unit"]]))
    bul = r.choice(["", "- ", "* ", "> "])
    for s in r.sample(TELE_LINES, r.randint(4, 8)):
        d.t(bul)
        d.f(s, event=r.choice(["vomited x1", "pulled iv", "became agitated", "desat to 85%", "fell in br"]),
            md=D(date - datetime.timedelta(days=r.randint(1, 40)), r.choice(["md", "mon_th", "mdy2_np"])),
            ph=P(phone_num(r), "PHONE"), pg=phone(r, "pager"),
            rehab=P(r.choice(FAC_STEMS) + " " + r.choice(["Rehab", "Manor", "Nursing Home", "Villa", "Lodge", "Care Center"]), "HOSPITAL"))
        d.t(r.choice(["\n", "\n", "  ", " "]))
    d.t(r.choice(["\n-- ", "\n", "\n/ ", "\nsigned "]))
    s = d.ctx["staff"][1]
    f = r.random()
    if f < 0.35:
        d.put(P(s.initials(), "NAME"))
        d.t(r.choice([" rn", "", " RN"]))
    elif f < 0.6:
        d.put(P(".".join(s.initials()[:2]) + ".", "NAME"))
    else:
        d.put(nm(s, r.choice(["fl", "fi_last"])))
        d.t(r.choice([", RN", " RN", ", LPN", " MD"]))
    d.nl()


COURSE = [
    "Pt was diuresed w/ {drug} IV w/ good UOP, net negative {meas}.",
    "{dev} was placed on HD#2 for access and removed prior to discharge.",
    "Cards was consulted; echo showed EF 35%, {frac}.",
    "Pt developed AMS on hospital day 4, CT head negative, resolved with treatment of UTI w/ {dose}.",
    "{eline} placed for nutrition, tube feeds advanced to goal.",
    "Hospital course complicated by afib w/ RVR, rate controlled w/ {dose}.",
    "Cultures grew MRSA, treated w/ {drug} x 14 days via {dev}.",
    "Transferred to the MICU ({ward}) for hypotension, started on {drug}, weaned off after 48 hrs.",
    "Seen by PT, ambulating w/ walker, {frac}.",
    "Anticoagulated w/ {drug}, INR therapeutic at discharge.",
    "Vitals at discharge: {vit}.", "Discharge labs: {lab}.",
    "Known {edx}, home regimen continued.",
]


def doc_dc(d):
    r = d.rng
    d.case = "upper" if r.random() < 0.5 else "mixed"
    pt = setup(d, 1986, 2008)
    date = d.ctx["date"]
    adm = date - datetime.timedelta(days=r.randint(2, 21))
    st = r.choice(["mdy", "mdy2", "mdy2_np", "long"])
    d.t(r.choice(["DISCHARGE SUMMARY\n", "D I S C H A R G E   S U M M A R Y\n", "DISCHARGE SUMMARY - TRANSCRIBED\n"]))
    d.t("NAME: ")
    d.put(nm(pt, "LF"))
    d.col(40)
    d.t(r.choice(["UNIT NO: ", "MR#: "]))
    d.put(ID(r, "mrn"))
    d.t("\nADMISSION DATE: ")
    d.put(D(adm, st))
    d.col(40)
    d.t("DISCHARGE DATE: ")
    d.put(D(date, st))
    d.t("\nATTENDING: ")
    d.put(dr(r, d.ctx["docs"][0], r.choice(["FL, MD", "FML, M.D.", "Dr. FL"])))
    if r.random() < 0.35:
        d.t("\n")
        d.put(g_idline(d))
    if r.random() < 0.5:
        d.t("\nSERVICE: MEDICINE (")
        d.put(g_ward(d))
        d.t(")")
    d.t("\n\nHISTORY OF PRESENT ILLNESS: ")
    d.f("The patient is a {pt_age} {sx} with {pmh} who " + r.choice([
        "was transferred from {ohosp} with {cc}.", "presented to the ED with {cc} {dur}.",
        "was brought in by {kin} after a fall at home.", "presented from {rehab} with {cc}."]) + "\n\n",
        sx=sexw(d, 2), rehab=P(facility(r), "HOSPITAL"))
    d.t("HOSPITAL COURSE: ")
    for s in r.sample(COURSE, r.randint(3, 5)):
        d.f(s + r.choice([" ", "  ", "\n"]))
    d.t("\n\nDISCHARGE MEDICATIONS:\n")
    for i in range(r.randint(2, 5)):
        d.t("%d. " % (i + 1))
        d.put(g_dose(d))
        d.nl()
    d.t("\nDISPOSITION: ")
    d.f(r.choice(["Home with {kin}.", "To {fac}.", "Home w/ VNA.", "To {fac}, {city}."]), fac=P(facility(r), "HOSPITAL"))
    d.t("\nFOLLOW-UP: ")
    d.f(r.choice(["{pcp} in 1-2 wks, {ph}.", "{pcp} on {md} at {t}.", "PCP in 2 wks."]),
        ph=phone(r, "tel"), md=D(date + datetime.timedelta(days=r.randint(5, 30)), r.choice(["md", "mon_th", "long"])),
        t=T(r, "ampm"))
    d.t("\n\n")
    d.put(dr(r, d.ctx["docs"][1], r.choice(["FL, MD", "FML, M.D."])))
    d.t("\n\nD: ")
    d.put(D(date, "mdy2"))
    d.t(r.choice(["  T: ", "   T: "]))
    d.put(D(date + datetime.timedelta(days=r.randint(1, 4)), "mdy2"))
    d.t(r.choice(["   JOB#: ", "  JOB# "]))
    d.put(ID(r, "job"))
    d.nl()
    d.put(P(d.ctx["docs"][1].initials(), "NAME"))
    d.t("/")
    d.put(P(Person(r).initials().lower()[:2], "NAME"))
    if r.random() < 0.5:
        d.t("\ncc: ")
        d.put(dr(r, Person(r), "Dr. FL"))
        d.t(", ")
        d.put(H(r))
    d.nl()


def doc_resp(d):
    r = d.rng
    d.case = "upper" if r.random() < 0.7 else "mixed"
    pt = setup(d, 1990, 2010)
    date = d.ctx["date"]
    d.t(r.choice(["RESPIRATORY THERAPY NOTE\n", "MICU FLOWSHEET SUMMARY\n", "VENT CHECK\n", "RT ASSESSMENT\n"]))
    d.t("PT: ")
    d.put(nm(pt, "LF"))
    d.t("  BED: ")
    d.put(P(ward(r), "LOCATION"))
    d.t("-%d" % r.randint(1, 20))
    d.t("  MRN: ")
    d.put(ID(r, "mrn"))
    d.t("\nDATE/TIME: ")
    d.put(D(date, r.choice(["mdy2", "mdy", "dmony"])))
    d.t(" ")
    d.put(T(r, r.choice(["mil", "hm"])))
    d.t("\n\n")
    d.f("DX: {pt_age} {sx} w/ {dx}, intubated {dur}.\n", sx=sexw(d, 0),
        dx=r.choice(["ARDS", "COPD exac", "PNA", "CHF", "sepsis", "aspiration"]))
    d.f("VENT: {set}\n")
    d.f("ABG at {time}: ", )
    d.put(P("%.2f/%d/%d" % (r.uniform(7.18, 7.48), r.randint(30, 70), r.randint(55, 160)), "VITAL"))
    d.t("\n")
    d.f("VS: {vit}\n")
    d.f("LABS: {lab}\n")
    d.f("LINES/TUBES: {dev}, {dev}, {eline}\n")
    if r.random() < 0.3:
        d.f("{dev2} interrogated, SN ", dev2=P(r.choice(["AICD", "pacemaker", "ICD"]), "DEVICE"))
        d.put(ID(r, "serial"))
        d.t("\n")
    d.f("GTTS: {drug} drip, {drug}\n")
    d.f("BS: coarse bilat, {lobe} diminished. Sx'd for mod thick tan secretions.\n")
    d.f("PLAN: wean PS as tol, SBT in AM. " + r.choice(["d/w {rn}.", "d/w {dr}.", "MD aware."]) + "\n")
    if r.random() < 0.4:
        d.f("Family ({kin}) updated by phone at {ph}.\n", ph=P(phone_num(r), "PHONE"))
    d.t("RT: ")
    s = d.ctx["staff"][2]
    d.put(P(s.initials(), "NAME") if r.random() < 0.5 else nm(s, "fi_last"))
    d.t(r.choice([", RRT", " RRT", " CRT", ""]))
    d.nl()


def doc_nophi(d):
    r = d.rng
    d.case = r.choice(["upper", "mixed", "lower", "upper"])
    d.ctx["date"] = rand_date(r)
    d.ctx["age"] = r.randint(20, 89)
    d.ctx["docs"] = []
    exam, mod = r.choice(EXAMS)
    kind = r.random()
    if kind < 0.6:
        d.t("EXAM: " + exam + "\n\nINDICATION: ")
        d.f("{pt_age} {sx} w/ {hx}, {dur}.\n\n", sx=r.choice(["M", "F", "male", "female"]))
        d.t("TECHNIQUE: Standard protocol." + (" " if mod in ("ctc", "cta") else ""))
        if mod in ("ctc", "cta"):
            d.f("{contrast} IV.")
        d.t("\n\nFINDINGS:\n")
        findings(d, mod, k=r.randint(3, 5))
        d.t("\nIMPRESSION:\n")
        impression(d, mod)
        d.t("\nCOMPARISON: None available.\n")
    else:
        d.f("pt {pt_age} {sx} hx {pmh}, {dur} c/o {cc}.\n", sx=r.choice(["m", "f"]))
        d.f("{vit}\n{lab}\nmeds: {meds}\nexam: {exam}\n")
        d.f("plan: cont {drug}, {dev} to remain, recheck labs in AM. T12 and L4-L5 films ordered. "
            "ICU team aware. NAD at time of note.\n")


# ---------------------------------------------------------------- main
KINDS = [(doc_ris, 16), (doc_addendum, 10), (doc_vista, 13), (doc_mil, 9), (doc_fax, 10),
         (doc_quote, 8), (doc_tele, 12), (doc_dc, 7), (doc_resp, 5), (doc_nophi, 13)]


def make_doc(seed, i):
    for k in range(40):
        rng = random.Random("gen_i:%d:%d:%d" % (seed, i, k))
        fn = rng.choices([f for f, w in KINDS], weights=[w for f, w in KINDS])[0]
        d = Doc(rng)
        fn(d)
        text = d.text()
        if 300 <= len(text) <= 2500:
            return fn.__name__[4:], d, text
    raise RuntimeError("could not fit document length")


def check(rec):
    text = rec["text"]
    errs = []
    for key, lab, allowed in (("phi", "label", PHI_LABELS), ("protected", "kind", PROT_KINDS)):
        prev = 0
        for s in rec[key]:
            a, b = s["start"], s["end"]
            if not (0 <= a < b <= len(text)):
                errs.append("range %r" % s)
                continue
            if a < prev:
                errs.append("overlap/unsorted %r" % s)
            prev = b
            t = text[a:b]
            if t != t.strip():
                errs.append("whitespace %r %r" % (s, t))
            if s[lab] not in allowed:
                errs.append("label %r" % s)
    spans = sorted([(s["start"], s["end"]) for s in rec["phi"]] + [(s["start"], s["end"]) for s in rec["protected"]])
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 < b1:
            errs.append("phi/protected overlap %d-%d %d-%d" % (a1, b1, a2, b2))
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    bad = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(a.n):
            kind, d, text = make_doc(a.seed, i)
            rec = {"id": "gen_i-%d-%05d-%s" % (a.seed, i, kind), "text": text,
                   "phi": d.phi, "protected": d.prot}
            errs = check(rec)
            if errs:
                bad += 1
                sys.stderr.write("SELF-CHECK FAILED %s: %s\n" % (rec["id"], "; ".join(errs[:5])))
            fh.write(json.dumps(rec, ensure_ascii=True) + "\n")
    if bad:
        sys.stderr.write("%d record(s) failed self-check\n" % bad)
        sys.exit(1)
    sys.stderr.write("wrote %d records to %s; self-check passed\n" % (a.n, a.out))


if __name__ == "__main__":
    main()
