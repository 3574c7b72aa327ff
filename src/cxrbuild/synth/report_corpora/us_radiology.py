#!/usr/bin/env python3
"""Synthetic annotated US chest-radiograph report generator (gen_a).

Writes JSONL records {"id","text","phi","protected"} with exact character
offsets for every PHI value and for protected clinical content.
Standard library only.  Usage:
    python3 gen.py --seed S --n N --out FILE.jsonl
"""
import argparse
import datetime as dt
import json
import re
import string
import sys
import random


def L(s):
    return [x.strip() for x in s.split(",") if x.strip()]


# ---------------------------------------------------------------------------
# Surrogate name lists (written for this program)
# ---------------------------------------------------------------------------
GIVEN_F = L("""
Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Margaret, Dorothy,
Helen, Edith, Gladys, Mildred, Eleanor, Florence, Doris, Irene, Lorraine,
Kathleen, Deborah, Shirley, Beverly, Ethel, Agnes, Rosalind, Imogen, Harriet,
Philippa, Beatrice, Siobhan, Niamh, Aoife, Saoirse, Ailsa, Catriona, Bridget,
Orla, Roisin, Mairead, Maria, Guadalupe, Ximena, Esperanza, Marisol, Yesenia,
Itzel, Catalina, Beatriz, Consuelo, Dolores, Xochitl, Valentina, Ines,
Conceicao, Vitoria, Fabiana, Amelie, Sylvie, Genevieve, Marguerite, Celine,
Josephine, Anneke, Femke, Lieselotte, Greta, Ingeborg, Heike, Wilhelmina,
Francesca, Concetta, Giovanna, Chiara, Rosaria, Lucia, Agnieszka, Malgorzata,
Zofia, Jadwiga, Kasia, Svetlana, Nataliya, Tatiana, Oksana, Lyudmila, Iryna,
Galina, Eleni, Paraskevi, Athena, Vasiliki, Theodora, Ayse, Zeynep, Elif,
Gulsen, Hatice, Fatima, Layla, Yasmin, Noor, Samira, Amira, Rania, Shirin,
Parisa, Roya, Nasrin, Golnaz, Folasade, Ngozi, Chiamaka, Akosua, Abena, Adwoa,
Temitope, Ifeoma, Wanjiru, Achieng, Selamawit, Nyokabi, Zawadi, Priya, Sunita,
Lakshmi, Deepika, Harpreet, Meenakshi, Farzana, Tahmina, Kavitha, Nirmala,
Mei, Lihua, Yan, Hui, Xin, Seoyeon, Soojin, Eunji, Jisoo, Linh, Huong,
Phuong, Ngoc, Yuki, Aiko, Haruka, Emiko, Noriko, Maricel, Jocelyn, Marilou,
Lourdes, Analyn, Winona, Aiyana, Nayeli, Kachina, Dyani, Sigrid, Astrid,
Ingrid, Solveig, Freya, Ragnhild, Hope, Joy, Faith, Grace, Rose, Ivy, Dawn,
Summer, Crystal, Pearl, Amber, Iris, Ruby, Violet, Destiny, Precious,
Blessing, Patience, Mercy, Trinity, Honor, Bernadette, Philomena, Winifred,
Maude, Opal, Hazel, Loretta, Evangeline, Thi, Nilufar, Gulnara, Dilnoza
""")
GIVEN_M = L("""
James, John, Robert, Michael, William, David, Richard, Joseph, Thomas,
Charles, Harold, Walter, Arthur, Bernard, Clifford, Marcus, Gregory, Wendell,
Vernon, Nigel, Graham, Trevor, Clive, Rupert, Alistair, Ciaran, Padraig,
Declan, Eamon, Fergus, Hamish, Seamus, Cormac, Finnian, Tadhg, Jose, Luis,
Carlos, Juan, Alejandro, Rafael, Joaquin, Rodrigo, Ignacio, Joao, Goncalo,
Thiago, Leandro, Rui, Afonso, Etienne, Thierry, Benoit, Laurent, Yves, Gaston,
Joris, Pieter, Maarten, Jurgen, Klaus, Wolfgang, Dieter, Giuseppe, Salvatore,
Vincenzo, Alessandro, Massimo, Domenico, Krzysztof, Wojciech, Grzegorz,
Stanislaw, Bogdan, Dmitri, Oleksandr, Yevgeny, Mykola, Vladimir, Bohdan,
Anatoly, Konstantinos, Dimitrios, Spyros, Georgios, Nikos, Mehmet, Emre,
Burak, Mustafa, Cem, Mohammed, Ahmed, Omar, Khalid, Hassan, Tariq, Youssef,
Dariush, Farhad, Kourosh, Babak, Arash, Adebayo, Oluwaseun, Chinedu, Emeka,
Kwame, Kofi, Yaw, Obinna, Babatunde, Kwabena, Kamau, Otieno, Tesfaye,
Alemayehu, Abebe, Mwangi, Baraka, Rajesh, Anil, Venkatesh, Arjun, Gurpreet,
Sanjay, Imran, Rohan, Suresh, Aarav, Wei, Xiaoming, Jian, Zhiwei, Jun,
Minjun, Jiwoo, Hyunwoo, Dongho, Thanh, Quang, Duc, Tuan, Hiroshi, Kenji,
Takeshi, Satoshi, Daisuke, Rommel, Jerome, Rizalino, Bong, Dodong, Ahanu,
Chayton, Takoda, Hototo, Bjorn, Leif, Henrik, Eirik, Torsten, Kjell, Hunter,
Forest, Lane, Young, Bishop, Wolf, Bill, Will, Sunny, Art, Guy, Rich, Mark,
Chase, Justice, Hardy, Frost, Rivers, Ezekiel, Thaddeus, Cornelius, Lemuel,
Horace, Elmer, Virgil, Otis, Alphonse, Dashiell, Ignatius, Florian, Anselm
""")
SURNAMES = L("""
Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson,
Taylor, Thomas, Moore, Martin, Thompson, White, Harris, Clark, Lewis, Walker,
Hall, Allen, Wright, Baker, Hadley, Pemberton, Ashworth, Whitfield,
Fairweather, Blackwood, Cartwright, Haverford, Ellsworth, Thistlewood,
Goodbody, Pickering, Standish, Frost, Bishop, Lane, Hardy, Wolf, Young,
Rivers, Hope, Joy, Stone, Fox, Marsh, Banks, Cross, Day, Rice, Bell, Hill,
Winter, Love, Best, Strong, Short, Little, Sharp, Moody, Swift, Gentry,
Church, Noble, Price, Power, Wise, Shepherd, Bird, Lamb, Payne, Hale, Ward,
Marshall, Chambers, Sterling, Brooks, Summers, Knight, McAllister, MacDonald,
O'Shaughnessy, O'Brien, O'Neill, McGillicuddy, MacLeod, Fitzgerald,
Donnelly, Gallagher, Kavanagh, McCracken, MacKenzie, O'Sullivan, Mulcahy,
Flanagan, Keane, Callaghan, Drummond, Urquhart, Farquharson, Garcia,
Rodriguez, Martinez, Hernandez, Lopez, Gonzalez, Perez, Sanchez, Ramirez,
Torres, Flores, Rivera, Gomez, Diaz, Reyes, Morales, Jimenez, Ruiz, Alvarez,
Castillo, Vargas, Mendoza, Guzman, Echeverria, Quintero, Zavala, Ochoa,
Benitez, Aguirre, Ferreira, Oliveira, Pereira, Carvalho, Rodrigues,
Goncalves, Medeiros, Azevedo, Cardoso, Magalhaes, Figueiredo, Teixeira,
Dubois, Lefebvre, Moreau, Fontaine, Girard, Beaulieu, Thibodeaux, Chevalier,
Rousseau, Arsenault, Boucher, Lachance, de la Fuente, van der Berg, von Hagen,
de Souza, da Silva, del Rosario, di Stefano, al-Rashid, bin Salleh, ter Horst,
van Dijk, de Vries, van Houten, le Blanc, dos Santos, de Jong, al-Masri,
el-Amin, Ben-David, von Ahlefeldt, da Costa, Schmidt, Mueller, Schneider,
Fischer, Weber, Wagner, Becker, Hoffmann, Zimmermann, Krueger, Brandt, Vogel,
Rossi, Russo, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco,
Bruno, Gallo, Costa, Mancini, Lombardi, Barbieri, Santangelo, Kowalski,
Nowak, Wisniewski, Wojcik, Kaminski, Lewandowski, Zielinski, Szymanski,
Dabrowski, Grabowski, Przybylski, Brzezinski, Ivanov, Smirnov, Kuznetsova,
Popov, Volkov, Sokolova, Shevchenko, Kovalenko, Bondarenko, Tkachenko,
Melnyk, Kravchuk, Petrenko, Lysenko, Papadopoulos, Georgiou, Konstantinidis,
Nikolaidis, Christodoulou, Papageorgiou, Vlachos, Alexiou, Stavropoulos,
Yilmaz, Kaya, Demir, Sahin, Celik, Yildiz, Ozturk, Aydin, Arslan, Dogan,
Kilic, Haddad, Khoury, Nasser, Mansour, Saleh, Hamdan, Aziz, Ibrahim,
Abdullah, Farouk, Suleiman, Darwish, Tahan, Hosseini, Rahimi, Tehrani,
Moradi, Jafari, Karimi, Ahmadi, Rostami, Farahani, Sadeghi, Esfahani, Najafi,
Okonkwo, Adeyemi, Okafor, Eze, Nwosu, Ogunleye, Mensah, Asante, Boateng,
Owusu, Appiah, Oyelaran, Chukwu, Afolabi, Nnamdi, Danquah, Ogundipe, Kamau,
Otieno, Wanjiku, Mwangi, Odhiambo, Kipchoge, Tesfaye, Haile, Bekele,
Mengistu, Njoroge, Mutua, Patel, Shah, Sharma, Gupta, Reddy, Iyer, Nair,
Chatterjee, Banerjee, Mukherjee, Singh, Kaur, Agarwal, Desai, Krishnamurthy,
Venkataraman, Chowdhury, Rahman, Siddiqui, Khan, Bhattacharya, Subramanian,
Qureshi, Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun,
Zhu, Guo, Lin, Ho, Chan, Wong, Leung, Tsang, Kim, Lee, Park, Choi, Jung,
Kang, Cho, Yoon, Jang, Lim, Han, Shin, Nguyen, Tran, Le, Pham, Hoang, Phan,
Vu, Dang, Bui, Ngo, Duong, Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito,
Yamamoto, Nakamura, Kobayashi, Yoshida, Yamada, Matsumoto, Inoue, Hayashi,
Santos, dela Cruz, Bautista, Villanueva, Mercado, Aquino, Manalo, Pascual,
Dimaculangan, Macapagal, Tolentino, Soriano, Begay, Yazzie, Tsosie, Benally,
Redcloud, Runningwater, Whitehorse, Two Bulls, Eagleheart, Manygoats,
Silversmith, Lone Elk, Johansson, Lindqvist, Andersen, Nilsen, Halvorsen,
Bjornstad, Lindgren, Sundberg, Haugen, Eriksson, Solberg, Thorsen, Magnusson,
Jakobsdottir, Okoro, Abernathy, Quackenbush, Vanterpool, Featherstonehaugh
""")
HISPANIC = L("""Garcia, Rodriguez, Martinez, Hernandez, Lopez, Gonzalez, Perez,
Sanchez, Ramirez, Torres, Flores, Rivera, Gomez, Diaz, Reyes, Morales, Jimenez,
Ruiz, Alvarez, Castillo, Vargas, Mendoza, Guzman, Echeverria, Quintero, Zavala,
Ochoa, Benitez, Aguirre""")

SYL_ON = L("Br, K, Z, Th, V, M, Qu, Ul, Or, Ash, Dr, Fen, Gr, Y, X, Sh, N, T, Ev, Il, Kr, Sv, Tal, Mor, Ob, Za, Ny, Ph")
SYL_MID = L("a, e, i, o, u, ae, ia, ou, ay, ei, y, oa")
SYL_END = L("ak, en, ov, ista, ard, wick, ani, oru, ez, ian, olt, umbe, ix, ander, eth, ova, iro, ashe, elle, undra, ko, ley, mir, ton, ssa")

# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------
CITIES_US = L("""
Fall River, Worcester, Lowell, Brockton, Quincy, Framingham, Pittsfield,
Chicopee, Haverhill, Methuen, Taunton, Revere, Malden, Medford, Somerville,
Waltham, Lynn, Salem, Peabody, Gloucester, Attleboro, Leominster, Fitchburg,
Nashua, Manchester, Concord, Burlington, Providence, Pawtucket, Warwick,
Hartford, New Haven, Stamford, Albany, Syracuse, Buffalo, Scranton,
Allentown, Akron, Dayton, Toledo, Peoria, Joliet, Gary, Flint, Lansing,
Duluth, Fargo, Sioux Falls, Omaha, Topeka, Wichita, Tulsa, Amarillo,
Lubbock, El Paso, Laredo, Tucson, Flagstaff, Reno, Boise, Spokane, Eugene,
Fresno, Bakersfield, Modesto, Stockton, Oxnard, Chula Vista, Santa Fe,
Las Cruces, Pueblo, Cheyenne, Billings, Bozeman, Missoula, Little Rock,
Shreveport, Baton Rouge, Biloxi, Mobile, Montgomery, Macon, Savannah,
Augusta, Asheville, Durham, Roanoke, Norfolk, Wilmington, Dover, Bangor,
Lewiston, Portland, Rutland, Brattleboro, Chelsea, Everett, Dedham, Natick,
Marlborough, Hyannis, Falmouth, Plymouth, Woburn, Billerica
""")
CITIES_INVENTED = L("""
Marlow Falls, East Pemberton, Cedar Knoll, Briarwood, North Ashby,
Kettering Junction, Millbrook Hollow, Westbury Heights, Fenwick,
Stony Brook Landing, Oakhaven, Pinecrest, Riverbend, Lakemont, Glen Arbor,
Harrowgate, Ashcombe, Wexford Springs, Dunmore, Tillbury, Colebrook,
Sawyer's Mill, Port Alder, New Canterbury, Elm Grove, Hatfield Corners,
Copper Ridge, Bellhaven, Quarry Hill, South Haddon, Winslow Crossing,
Greyfield, Mossgiel, Upper Tamsin, Larkspur Bay
""")
CITIES_INTL = L("""
Dublin, Cork, Galway, Glasgow, Aberdeen, Leeds, Lisbon, Porto, Braga,
Recife, Fortaleza, Guadalajara, Puebla, Oaxaca, San Salvador, Tegucigalpa,
Quetzaltenango, Santo Domingo, Santiago, Ponce, Mayaguez, Port-au-Prince,
Kingston, Lagos, Ibadan, Enugu, Kumasi, Accra, Tamale, Nairobi, Kisumu,
Addis Ababa, Mombasa, Kampala, Mumbai, Chennai, Hyderabad, Lahore, Karachi,
Dhaka, Sylhet, Kathmandu, Colombo, Manila, Cebu, Davao, Hanoi, Da Nang, Hue,
Guangzhou, Fuzhou, Wenzhou, Seoul, Busan, Osaka, Sapporo, Tehran, Shiraz,
Isfahan, Beirut, Amman, Cairo, Alexandria, Casablanca, Izmir, Ankara,
Thessaloniki, Patras, Naples, Palermo, Bari, Krakow, Gdansk, Lodz, Kyiv,
Lviv, Odesa, Kharkiv, Minsk, Yerevan, Tbilisi, Bergen, Trondheim, Uppsala,
Malmo, Aarhus, Reykjavik, Utrecht, Groningen, Leuven, Lyon, Marseille,
Quebec City, Halifax, Moncton, Praia, Mindelo
""")
CITIES = CITIES_US + CITIES_INVENTED + CITIES_INTL
COUNTRIES = L("""
Guatemala, Ukraine, Haiti, the Dominican Republic, El Salvador, Honduras,
Brazil, Portugal, Cape Verde, Nigeria, Ghana, Kenya, Ethiopia, Somalia, India,
Pakistan, Bangladesh, Nepal, Vietnam, China, the Philippines, South Korea,
Iran, Iraq, Lebanon, Syria, Egypt, Morocco, Turkey, Greece, Italy, Poland,
Russia, Ireland, Mexico, Peru, Colombia, Puerto Rico, Jamaica, Cambodia,
Uganda, Eritrea, Afghanistan, Myanmar, Bolivia, Ecuador, Albania, Moldova
""")
STATES = L("MA, NH, RI, CT, NY, ME, VT, PA, NJ, OH, FL, TX, CA, NC, GA")
STATES_FULL = L("Massachusetts, New Hampshire, Rhode Island, Connecticut, Maine, Vermont, New York, Florida")
STREET_BASE = L("""
Maple Ridge, Elm, Washington, Commonwealth, Harrison, Pleasant, Prospect,
High, Water, Summer, Chestnut, Beacon, Tremont, Centre, Cottage, Orchard,
Quarry, Mill, Pond, Lakeview, Hillcrest, Juniper, Birchwood, Sycamore,
Granite, Ferry, Wharf, Lincoln, Jefferson, Oak Hill, Cedar, Walnut, Union,
Franklin, Highland, Spring, Bridge, Church, School, Park, Forest, Meadow,
Sagamore, Wachusett, Nonantum, Kenwood, Ashmont, Dorchester, Larchmont,
Kilsyth, Pomeroy, Tuttle, Rockland, Bayberry, Fernwood, Whitcomb
""")
STREET_SUF = L("St, Street, Ave, Avenue, Rd, Road, Blvd, Ln, Lane, Dr, Drive, Ct, Way, Terrace, Pl, Circle, Pkwy, Hwy")

FAC_PREFIX = L("""
St. Brigid's, Mercy, Good Samaritan, Hollis Valley, Maple Crest, Riverside,
North Shore, Cape Ann, Blackstone Valley, Merrimack Valley, Pine Hill,
Lakeshore, Ashgrove, Whitcombe, Fairhaven, Sturbridge, Glenwood, Kingsbridge,
Meadowbrook, Oak Hollow, Stonegate, Bayview, Sacred Heart, St. Elizabeth's,
St. Vincent's, Our Lady of Lourdes, Holy Family, Tri-County, Pioneer Valley,
Berkshire Hills, Nashoba, Quabbin, Cedar Ridge, Harborside, Willow Bend,
Briarcliff, Saugatuck, Wyndham Park, Laurel Heights, Sunnyvale, Evergreen,
Golden Pond, Copley Square, Emerson, Thornbury, Cranmore, Silver Lake,
Heritage, Beaumont, St. Jude's, Lady of Fatima, Hillsborough, Cobalt Bay
""")
FAC_HOSP = L("Hospital, Medical Center, Regional Medical Center, Community Hospital, General Hospital, Health, Health System")
FAC_NH = L("Nursing Home, Rehab, Rehabilitation Center, House, Manor, Villa, Lodge, Hospice, Care Center, Nursing and Rehabilitation Center, Senior Living, Assisted Living, Healthcare Center")
FAC_CLIN = L("Clinic, Associates, Imaging, Radiology, Urgent Care, Family Practice, Pulmonary Associates, Cardiology Associates, Primary Care, Health Center, Medical Group, Open MRI")

WARD_BASE = L("""Ellison, Baker, Blake, Lunder, Bigelow, Farnsworth, Whitcombe, Thayer,
Carrington, Pemberton, Yawkey, Gray, Feldberg, Reisman, Shapiro, Stoneman,
Rabb, Kirstein, Tisch, Hadley, Wolcott, Bulfinch, Ashby, Cabot, Lowry""")
WARD_HOUSE = L("Phillips House, Carrington House, Thayer Pavilion, Ashby Tower, Bulfinch Wing, Cabot Pavilion, Lowry House, Wolcott Wing")

ORG_PREFIX = L("""Kessler, Bay State, Northeast Granite, Gilman, Harbor, Merrimack,
Atlas, Eastfield, Lincoln, Greater Hope, Quincy, Pawtucket, Sterling,
Lighthouse, Ironside, Hollister, Cobb, Redwing, Sullivan Brothers, Pilgrim,
Whitman, Bluefin, Old Colony, Tri-State, St. Anne's, Holy Trinity""")
ORG_TYPE = L("""Marine Works, Foundry, Quarry, Textiles, Fisheries Co-op, Auto Body,
Paper Mill, Shipbuilding, Elementary, High School, Baptist Church, Parish,
Trucking, Roofing, Insulation, Dry Cleaners, Brake and Clutch, Mining Company,
Asbestos Abatement, Brewery, Construction, Middle School, Community College,
Fire Department, Bakery, Sandblasting""")
ORG_JOB = L("""former welder, retired pipefitter, shipyard worker, former miner,
teacher, bus driver, machinist, retired insulator, sandblaster, custodian,
firefighter, baker, roofer, former boilermaker, textile worker""")

MONTHS = L("January, February, March, April, May, June, July, August, September, October, November, December")
WEEKDAYS = L("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday")
KIN_M = L("son, husband, brother, nephew, grandson, father")
KIN_F = L("daughter, wife, sister, niece, granddaughter, mother")
ONES = L("zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, fourteen, fifteen, sixteen, seventeen, eighteen, nineteen")
TENS = L("x, x, twenty, thirty, forty, fifty, sixty, seventy, eighty, ninety")

# ---------------------------------------------------------------------------
# Protected clinical vocabulary
# ---------------------------------------------------------------------------
DRUGS = L("""furosemide, Lasix, vancomycin, Eliquis, heparin drip, piperacillin-tazobactam,
Zosyn, ceftriaxone, azithromycin, albuterol, metoprolol, amiodarone,
prednisone, norepinephrine, propofol, fentanyl, morphine, warfarin, Coumadin,
methotrexate, nivolumab, bleomycin, nitrofurantoin, apixaban, enoxaparin,
Lovenox, dexamethasone, Keytruda, cefepime, meropenem, levofloxacin,
bumetanide, torsemide, Xarelto, rivaroxaban, tiotropium, Spiriva,
hydrochlorothiazide, levetiracetam, insulin drip, alteplase, tPA""")
DEVICES = L("""PICC, ETT, endotracheal tube, NG tube, OG tube, Port-a-Cath, AICD, Impella,
chest tube, pacemaker leads, sternotomy wires, central venous catheter,
tracheostomy tube, IABP, LVAD, ECMO cannula, pigtail catheter,
esophageal stent, feeding tube, mitral annuloplasty ring, surgical clips,
cardiac monitor leads, dual-chamber pacemaker, loop recorder,
TAVR prosthesis, Mediport, Pleurx catheter, tunneled dialysis catheter""")
EPONYMS = L("""Kerley B lines, Swan-Ganz catheter, Foley, Dobhoff, Hickman, Pancoast tumor,
Valsalva, Hampton hump, Westermark sign, Mallampati, Glasgow, Parkinson disease,
Graves disease, Morgagni hernia, Bochdalek hernia, Fleischner Society,
Chilaiditi sign, Macklin effect, Kartagener syndrome, Hodgkin lymphoma,
Crohn disease, Sengstaken-Blakemore tube, Cobb angle, Golden S sign,
Eisenmenger physiology, Luschka joints, Wegener granulomatosis, Kaposi sarcoma""")


# ---------------------------------------------------------------------------
# Document builder
# ---------------------------------------------------------------------------
class Doc:
    def __init__(self, r, case="mixed", nophi=False):
        self.r = r
        self.case = case
        self.nophi = nophi
        self.buf = []
        self.n = 0
        self.phi = []
        self.prot = []
        self.typo = r.random() < 0.15
        self.dbl = r.random() < 0.3
        self.people = {}

    def _c(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        return s

    def _typo(self, s):
        words = [m for m in re.finditer(r"[A-Za-z]{6,}", s)]
        if not words:
            return s
        m = self.r.choice(words)
        w = m.group(0)
        i = self.r.randint(1, len(w) - 3)
        kind = self.r.random()
        if kind < 0.5:
            w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif kind < 0.8:
            w2 = w[:i] + w[i + 1:]
        else:
            w2 = w[:i] + w[i] + w[i:]
        return s[:m.start()] + w2 + s[m.end():]

    def t(self, s):
        if not s:
            return
        s = self._c(s)
        if self.typo and self.r.random() < 0.06:
            s = self._typo(s)
        if self.dbl and ". " in s and self.r.random() < 0.3:
            s = s.replace(". ", ".  ", 1)
        self.buf.append(s)
        self.n += len(s)

    def _span(self, s, lst, tag):
        s = self._c(s)
        assert s and s == s.strip(), repr(s)
        lst.append({"start": self.n, "end": self.n + len(s), tag[0]: tag[1]})
        self.buf.append(s)
        self.n += len(s)

    def p(self, s, label):
        if self.nophi:
            self.buf.append("___")
            self.n += 3
            return
        self._span(s, self.phi, ("label", label))

    def k(self, s, kind):
        self._span(s, self.prot, ("kind", kind))

    def text(self):
        return "".join(self.buf)


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------
def invented(r):
    s = r.choice(SYL_ON) + r.choice(SYL_MID) + r.choice(SYL_END)
    if r.random() < 0.3:
        s = r.choice(SYL_ON) + r.choice(SYL_MID) + s.lower()
    return s[0].upper() + s[1:]


def pick_given(r, sex):
    x = r.random()
    if x < 0.06:
        return invented(r)
    return r.choice(GIVEN_F if sex == "F" else GIVEN_M)


def pick_surname(r):
    x = r.random()
    if x < 0.08:
        a, b = r.choice(SURNAMES), r.choice(SURNAMES)
        if " " not in a and " " not in b and a != b:
            return a + "-" + b
    if x < 0.15:
        a, b = r.sample(HISPANIC, 2)
        return a + " " + b
    if x < 0.21:
        return invented(r)
    return r.choice(SURNAMES)


class Person:
    def __init__(self, r, sex=None):
        self.sex = sex or r.choice("MF")
        self.first = pick_given(r, self.sex)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW")
        self.last = pick_surname(r)

    def form(self, r, f):
        if f == "full":
            return self.first + " " + self.last
        if f == "fml":
            return self.first + " " + self.mi + ". " + self.last
        if f == "last":
            return self.last
        if f == "fl":
            return self.first[0] + ". " + self.last
        if f == "lf":
            return self.last + ", " + self.first
        if f == "lfm":
            return self.last + ", " + self.first + " " + self.mi
        if f == "LF":
            return (self.last + ", " + self.first).upper()
        if f == "LFM":
            return (self.last + ", " + self.first + " " + self.mi).upper()
        if f == "first":
            return self.first
        if f == "init":
            return self.first[0] + self.last.replace("'", "").split()[-1][0].upper()
        if f == "init3":
            return self.first[0] + self.mi + self.last.replace("'", "").split()[-1][0].upper()
        if f == "initdot":
            return self.first[0] + "." + self.last.replace("'", "").split()[-1][0].upper() + "."
        raise ValueError(f)


ROLE_TITLE = {"rn": ["RN", "Nurse", "nurse", "charge nurse", "RN"],
              "pa": ["PA", "PA-C"], "np": ["NP"], "rt": ["RT", "respiratory therapist"],
              "tech": ["technologist", "tech"]}


def person(d, role):
    if role not in d.people:
        sex = d.sex if role == "pt" else None
        d.people[role] = Person(d.r, sex)
    return d.people[role]


def emit_name(d, P, f):
    d.p(P.form(d.r, f), "NAME")


def g_person(d, role, style):
    r = d.r
    P = person(d, role)
    if style is None:
        style = {"pt": "title", "rn": "role", "pa": "role", "np": "role", "rt": "role",
                 "tech": "role", "kin": "kin"}.get(role, "dr")
    if style == "dr":
        x = r.random()
        if x < 0.12:
            emit_name(d, P, r.choice(["full", "fml"]))
            d.t(r.choice([", MD", " MD", ", M.D.", ", DO"]))
            return
        if x < 0.22:
            d.t("Dr.")
            emit_name(d, P, "last")
            return
        d.t(r.choice(["Dr. ", "Dr. ", "Dr. ", "Dr ", "dr. "]))
        emit_name(d, P, r.choice(["last", "last", "full", "fl", "fml"]))
    elif style == "drlast":
        d.t(r.choice(["Dr. ", "Dr ", "Dr."]))
        emit_name(d, P, "last")
    elif style == "name":
        emit_name(d, P, r.choice(["full", "full", "fml", "fl"]))
    elif style == "sig":
        emit_name(d, P, r.choice(["full", "fml", "fml", "lf"]))
        d.t(r.choice([", MD", ", M.D.", " MD", ", MD, PhD", ", DO"]))
    elif style == "lf":
        emit_name(d, P, r.choice(["LF", "LFM", "lf", "lfm"]))
    elif style == "init":
        emit_name(d, P, r.choice(["init", "init3", "initdot"]))
    elif style == "last":
        emit_name(d, P, "last")
    elif style == "title":
        d.t(("Mr. " if P.sex == "M" else r.choice(["Ms. ", "Mrs. "])))
        emit_name(d, P, "last")
    elif style == "role":
        titles = ROLE_TITLE.get(role, ["RN"])
        t = r.choice(titles)
        x = r.random()
        if x < 0.55:
            d.t(t + " ")
            emit_name(d, P, r.choice(["last", "last", "full"]))
        elif x < 0.8:
            emit_name(d, P, r.choice(["full", "fl"]))
            d.t(", RN" if "nurse" in t.lower() or t == "RN" else ", " + t.split()[0])
        else:
            d.t(t + " ")
            emit_name(d, P, "first")
    elif style == "kinhdr":
        rel = r.choice(KIN_M if P.sex == "M" else KIN_F)
        emit_name(d, P, r.choice(["full", "lf", "full"]))
        d.t(" (" + rel + ") ")
    elif style == "kin":
        rel = r.choice(KIN_M if P.sex == "M" else KIN_F)
        d.t(d.his + " " + rel + " ")
        emit_name(d, P, r.choice(["first", "first", "full"]))
    else:
        raise ValueError(style)


# ---------------------------------------------------------------------------
# Dates / times / numbers
# ---------------------------------------------------------------------------
def ordsuf(n):
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(r, x, style):
    y, m, dd = x.year, x.month, x.day
    M = MONTHS[m - 1]
    Mo = M[:3]
    S = {
        "mdY": "%02d/%02d/%d" % (m, dd, y),
        "mdY1": "%d/%d/%d" % (m, dd, y),
        "mdy-": "%d-%d-%02d" % (m, dd, y % 100),
        "ISO": "%d-%02d-%02d" % (y, m, dd),
        "dmY.": "%02d.%02d.%d" % (dd, m, y),
        "long": "%s %d, %d" % (M, dd, y),
        "dMonY": "%d %s %d" % (dd, Mo, y),
        "DMONY": "%02d-%s-%d" % (dd, Mo.upper(), y),
        "MonOrdY": "%s %d%s, %d" % (Mo, dd, ordsuf(dd), y),
        "WLONG": "%s, %s %d, %d" % (WEEKDAYS[x.weekday()], M, dd, y),
        "mdy": "%02d/%02d/%02d" % (m, dd, y % 100),
        "compact": "%d%02d%02d" % (y, m, dd),
        "Mon.": "%s. %d, %d" % (Mo, dd, y),
        # partials
        "md": "%d/%d" % (m, dd),
        "MonOrd": "%s %d%s" % (Mo, dd, ordsuf(dd)),
        "Md": "%s %d" % (M, dd),
        "my": "%d/%02d" % (m, y % 100),
        "Mony": "%s %d" % (M, y),
        "Mon-yy": "%s-%02d" % (Mo, y % 100),
        "mmY": "%02d/%d" % (m, y),
        "Y": "%d" % y,
        "yy": "'%02d" % (y % 100),
        "ord": "%d%s" % (dd, ordsuf(dd)),
    }
    return S[style]


FULL_STYLES = ["mdY", "mdY", "mdY", "mdY1", "mdy-", "ISO", "dmY.", "long", "dMonY",
               "DMONY", "MonOrdY", "WLONG", "mdy", "Mon.", "compact"]
HOLIDAYS = [("Christmas", 12, 25), ("Christmas Eve", 12, 24), ("Thanksgiving", 11, 24),
            ("New Year's Day", 1, 1), ("Easter", 4, 9), ("Labor Day", 9, 4),
            ("Memorial Day", 5, 29), ("Independence Day", 7, 4), ("July 4th", 7, 4),
            ("Halloween", 10, 31), ("New Year's Eve", 12, 31)]


def fmt_time(r, h, mi, style):
    h12 = h % 12 or 12
    ap = "AM" if h < 12 else "PM"
    return {
        "24": "%02d:%02d" % (h, mi),
        "12": "%d:%02d %s" % (h12, mi, ap),
        "12dot": "%d:%02d %s" % (h12, mi, "a.m." if h < 12 else "p.m."),
        "12lc": "%d:%02d%s" % (h12, mi, ap.lower()),
        "mil": "%02d%02d" % (h, mi),
        "milh": "%02d%02dh" % (h, mi),
        "24s": "%02d:%02d:%02d" % (h, mi, r.randint(0, 59)),
    }[style]


TIME_STYLES = ["24", "24", "12", "12", "12dot", "12lc", "mil", "milh", "24s"]


def num_words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("" if o == 0 else "-" + ONES[o])
    rest = n - 100
    return "one hundred" + ("" if rest == 0 else " and " + num_words(rest))


# ---------------------------------------------------------------------------
# Generators used by templates
# ---------------------------------------------------------------------------
def g_date(d, arg):
    r = d.r
    arg = arg or "prior"
    if arg == "exam":
        x = d.exam
        st = d.dstyle
    elif arg == "dob":
        x = d.dob
        st = d.dstyle
    elif arg == "today":
        x = d.exam
        st = r.choice(FULL_STYLES) if r.random() < 0.3 else d.dstyle
    else:
        x = d.exam - dt.timedelta(days=r.randint(1, 2200) if r.random() < 0.6 else r.randint(1, 40))
        st = d.dstyle if r.random() < 0.5 else r.choice(FULL_STYLES)
        if arg == "short":
            st = r.choice(["md", "md", "MonOrd", "Md"])
            x = d.exam - dt.timedelta(days=r.randint(1, 60))
        elif arg == "my":
            st = r.choice(["my", "Mony", "Mon-yy", "mmY"])
        elif arg == "year":
            x = d.exam - dt.timedelta(days=r.randint(400, 12000))
            st = "Y"
        elif arg == "yy":
            x = dt.date(r.randint(1958, 1999), 1, 1)
            st = "yy"
        elif arg == "any":
            st = r.choice(FULL_STYLES + ["md", "MonOrd", "my", "Mony", "Y"])
    d.p(fmt_date(r, x, st), "DATE")


def g_ord(d, arg):
    x = d.exam - dt.timedelta(days=d.r.randint(1, 25))
    d.p(fmt_date(d.r, x, "ord"), "DATE")


def g_hol(d, arg):
    r = d.r
    name, m, dd = r.choice(HOLIDAYS)
    y = d.exam.year - r.randint(0, 6)
    d.p("%s%s%d" % (name, r.choice([" ", " ", ", "]), y), "DATE")


def g_time(d, arg):
    r = d.r
    if r.random() < 0.04:
        d.p(r.choice(["noon", "midnight"]), "TIME")
        return
    h = r.randint(0, 23)
    st = d.tstyle if r.random() < 0.7 else r.choice(TIME_STYLES)
    d.p(fmt_time(r, h, r.randint(0, 59), st), "TIME")


def g_examtime(d, arg):
    d.p(fmt_time(d.r, d.eh, d.em, d.tstyle), "TIME")


def g_phone(d, arg):
    r = d.r
    a = r.choice([617, 508, 781, 978, 413, 603, 401, 860, 212, 315, 774, 857, 339, 207, 802])
    b = r.randint(200, 989)
    c = r.randint(0, 9999)
    st = r.randint(0, 7)
    s = ["(%d) %03d-%04d" % (a, b, c), "%d.%03d.%04d" % (a, b, c), "%d-%03d-%04d" % (a, b, c),
         "%03d-%04d" % (b, c), "1-%d-%03d-%04d" % (a, b, c), "(%d)%03d-%04d" % (a, b, c),
         "%d %03d %04d" % (a, b, c), "+1 %d-%03d-%04d" % (a, b, c)][st]
    d.p(s, "PHONE")


def g_pager(d, arg):
    r = d.r
    cue = r.choice(["pager ", "pager #", "pg ", "p", "beeper ", "pgr ", "pager: ", "#"])
    num = r.choice(["%05d" % r.randint(10000, 99999), "%04d" % r.randint(1000, 9999),
                    "%d-%04d" % (r.randint(1, 9), r.randint(0, 9999))])
    d.t(cue)
    d.p(num, "PHONE")


def g_ext(d, arg):
    r = d.r
    cue = r.choice(["x", "x", "ext. ", "ext ", "extension "])
    num = r.choice(["%d-%04d" % (r.randint(1, 9), r.randint(0, 9999)), "%05d" % r.randint(10000, 99999),
                    "%04d" % r.randint(1000, 9999)])
    d.t(cue)
    d.p(num, "PHONE")


def g_mrn(d, arg):
    d.p(d.mrn, "ID")


def g_acc(d, arg):
    d.p(d.acc, "ID")


def rand_id(r, kind):
    if kind == "mrn":
        return r.choice(["%07d" % r.randint(0, 9999999), "%08d" % r.randint(0, 99999999),
                         "%09d" % r.randint(0, 999999999), "%02d-%02d-%02d" % (r.randint(0, 99), r.randint(0, 99), r.randint(0, 99)),
                         "E%07d" % r.randint(0, 9999999), "%d" % r.randint(100000, 9999999)])
    if kind == "acc":
        yy = r.randint(5, 23)
        return r.choice(["%s%02d-%07d" % (r.choice(["CXR", "RA", "XR", "DX", "CR"]), yy, r.randint(0, 9999999)),
                         "%010d" % r.randint(0, 9999999999), "A%08d" % r.randint(0, 99999999),
                         "%d" % r.randint(10000000, 99999999), "RAD%d" % r.randint(1000000, 9999999)])
    if kind == "ssn":
        return "%03d-%02d-%04d" % (r.randint(100, 899), r.randint(1, 99), r.randint(1, 9999))
    if kind == "csn":
        return "%d" % r.randint(100000000, 9999999999)
    if kind == "order":
        return r.choice(["%d" % r.randint(1000000, 99999999), "ORD%07d" % r.randint(0, 9999999)])
    if kind == "member":
        return "".join(r.choice(string.ascii_uppercase) for _ in range(3)) + "%09d" % r.randint(0, 999999999)
    if kind == "serial":
        return r.choice(["%s%06d%s" % ("".join(r.choice(string.ascii_uppercase) for _ in range(3)), r.randint(0, 999999), r.choice(string.ascii_uppercase)),
                         "%04d-%02d%s-%04d" % (r.randint(0, 9999), r.randint(0, 99), r.choice("ABCH"), r.randint(0, 9999))])
    if kind == "nhs":
        return "%03d %03d %04d" % (r.randint(400, 799), r.randint(0, 999), r.randint(0, 9999))
    if kind == "hcn":
        return "%04d-%03d-%03d-%s" % (r.randint(0, 9999), r.randint(0, 999), r.randint(0, 999), "".join(r.choice(string.ascii_uppercase) for _ in range(2)))
    if kind == "lic":
        return r.choice(["%d" % r.randint(100000, 299999), "MD%06d" % r.randint(0, 999999)])
    raise ValueError(kind)


def g_id(d, arg):
    d.p(rand_id(d.r, arg), "ID")


def g_hosp(d, arg):
    r = d.r
    pre = r.choice(FAC_PREFIX)
    if arg == "bare":
        s = pre
    elif arg == "nh":
        s = pre + " " + r.choice(FAC_NH)
    elif arg == "clin":
        s = pre + " " + r.choice(FAC_CLIN)
    elif arg == "home":
        s = d.home
    else:
        x = r.random()
        s = pre + " " + r.choice(FAC_HOSP if x < 0.6 else FAC_CLIN if x < 0.8 else FAC_NH)
        if x > 0.95:
            s = pre
    d.p(s, "HOSPITAL")


def g_ward(d, arg):
    r = d.r
    if r.random() < 0.25:
        d.p(r.choice(WARD_HOUSE), "LOCATION")
    else:
        d.p("%s %d" % (r.choice(WARD_BASE), r.randint(2, 22)), "LOCATION")


def g_city(d, arg):
    d.p(d.r.choice(CITIES), "LOCATION")


def g_country(d, arg):
    d.p(d.r.choice(COUNTRIES), "LOCATION")


def g_org(d, arg):
    r = d.r
    d.p(r.choice(ORG_PREFIX) + " " + r.choice(ORG_TYPE), "ORGANIZATION")


def g_job(d, arg):
    d.t(d.r.choice(ORG_JOB) + " at ")
    g_org(d, None)


def g_address(d, arg):
    r = d.r
    d.p("%d" % r.randint(1, 9999), "LOCATION")
    d.t(" ")
    d.p(r.choice(STREET_BASE) + " " + r.choice(STREET_SUF), "LOCATION")
    if r.random() < 0.4:
        d.t(r.choice([", Apt ", " Apt. ", " #", ", Unit "]))
        d.p(r.choice(["%d" % r.randint(1, 40), "%d%s" % (r.randint(1, 12), r.choice("ABCDEF")), "%d" % r.randint(101, 912)]), "LOCATION")
    d.t(r.choice([", ", "\n" + " " * d.indent]))
    d.p(r.choice(CITIES_US + CITIES_INVENTED), "LOCATION")
    d.t(", ")
    d.p(r.choice(STATES) if r.random() < 0.85 else r.choice(STATES_FULL), "LOCATION")
    d.t(" ")
    d.p("%05d" % r.randint(1001, 99950) if r.random() < 0.85 else "%05d-%04d" % (r.randint(1001, 99950), r.randint(0, 9999)), "LOCATION")


def g_email(d, arg):
    r = d.r
    P = person(d, arg or "att")
    dom = re.sub(r"[^a-z]", "", r.choice(FAC_PREFIX).lower()) + r.choice(["health.org", ".org", "med.org", "hospital.org", ".edu"])
    loc = r.choice([P.first.lower() + "." + re.sub(r"[^a-z]", "", P.last.lower()),
                    P.first[0].lower() + re.sub(r"[^a-z]", "", P.last.lower()),
                    "rad-reading", "cxr.results"])
    d.p(loc + "@" + dom, "CONTACT")


def g_url(d, arg):
    r = d.r
    dom = re.sub(r"[^a-z]", "", r.choice(FAC_PREFIX).lower())
    d.p("https://%s.%s.org/%s?acc=%s" % (r.choice(["pacs", "imaging", "portal", "viewer"]), dom,
                                          r.choice(["viewer", "study", "ris/report"]), rand_id(r, "acc")), "CONTACT")


def g_ip(d, arg):
    r = d.r
    d.p(r.choice(["10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                  "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(1, 254)),
                  "192.168.%d.%d" % (r.randint(0, 255), r.randint(1, 254))]), "CONTACT")


def g_user(d, arg):
    r = d.r
    P = person(d, arg or "res")
    d.p((P.first[0] + re.sub(r"[^A-Za-z]", "", P.last)[:7]).lower() + r.choice(["", "", "%d" % r.randint(1, 99)]), "CONTACT")


def g_age(d, arg):
    """Patient age phrase; only the age itself is annotated when >= 90."""
    r = d.r
    a = d.age
    big = a >= 90
    man = {"M": r.choice(["man", "male", "man", "gentleman"]), "F": r.choice(["woman", "female", "woman", "lady"])}[d.sex]
    MF = d.sex

    def num(s):
        if big:
            d.p(s, "AGE")
        else:
            d.t(s)
    if arg == "hdr":
        g = r.randint(0, 3)
        num(str(a))
        d.t([" y.o.", "Y", " years", " yo"][g])
        return
    f = r.randint(0, 10)
    if f == 0:
        num(str(a)); d.t("-year-old " + man)
    elif f == 1:
        num(str(a)); d.t(" year old " + man)
    elif f == 2:
        num(str(a)); d.t(" yo " + MF)
    elif f == 3:
        num(str(a)); d.t("yo " + man)
    elif f == 4:
        num(str(a)); d.t(" y/o " + man)
    elif f == 5:
        num(str(a)); d.t(MF)
    elif f == 6:
        num(str(a)); d.t("-yr-old " + man)
    elif f == 7:
        w = num_words(a)
        if r.random() < 0.4:
            w = w.replace("-", " ")
        num(w[0].upper() + w[1:] if d.sent_start else w); d.t(r.choice([" year old ", "-year-old "]) + man)
    elif f == 8 and a < 100:
        d.t(man + " in " + d.his + " ")
        num("%ds" % (a // 10 * 10))
    elif f == 9:
        num(str(a)); d.t(" YO " + MF)
    else:
        num(str(a)); d.t(" y.o. " + man)


def g_oldage(d, arg):
    """An incidental age of someone else (may be 90+)."""
    r = d.r
    a = r.choice([r.randint(55, 89), r.randint(90, 101)])
    if a >= 90:
        d.p(str(a), "AGE")
    else:
        d.t(str(a))


# protected generators -------------------------------------------------------
def g_drug(d, arg):
    if arg == "tox":
        d.k(d.r.choice(["amiodarone", "methotrexate", "bleomycin", "nitrofurantoin", "nivolumab", "Keytruda"]), "DRUG")
        return
    if arg == "chemo":
        d.k(d.r.choice(["cytarabine", "daunorubicin", "7+3 chemotherapy", "venetoclax", "azacitidine"]), "DRUG")
        return
    if arg == "diur":
        d.k(d.r.choice(["furosemide", "Lasix", "bumetanide", "torsemide", "IV Lasix", "chlorothiazide"]), "DRUG")
        return
    d.k(d.r.choice(DRUGS), "DRUG")


def g_device(d, arg):
    d.k(d.r.choice(DEVICES), "DEVICE")


def g_epon(d, arg):
    d.k(d.r.choice(EPONYMS), "EPONYM")


def g_cm(d, arg):
    r = d.r
    d.k("%.1f cm" % (r.randint(5, 80) / 10.0) if r.random() < 0.8 else "%d cm" % r.randint(1, 9), "MEASUREMENT")


def g_size(d, arg):
    r = d.r
    if r.random() < 0.6:
        d.k("%d mm" % r.randint(3, 29), "MEASUREMENT")
    else:
        d.k("%.1f cm" % (r.randint(10, 65) / 10.0), "MEASUREMENT")


def g_o2(d, arg):
    r = d.r
    d.k(r.choice(["%d L NC" % r.randint(1, 6), "%d L nasal cannula" % r.randint(1, 6),
                  "%d L" % r.randint(2, 15), "%d%% venti mask" % r.choice([35, 40, 50])]), "MEASUREMENT")


def g_ctr(d, arg):
    d.k("0.%02d" % d.r.randint(45, 68), "FRACTION")


def g_frac(d, arg):
    r = d.r
    d.k(r.choice(["GCS %d" % r.randint(3, 15), "%d/10 pain" % r.randint(1, 10), "pain %d/10" % r.randint(2, 10),
                  "%d/6 murmur" % r.randint(1, 4), "%d/5 strength" % r.randint(2, 5), "Wells score %d" % r.randint(1, 7),
                  "CURB-65 score %d" % r.randint(0, 4), "%d+/4 edema" % r.randint(1, 3)]), "FRACTION")


def g_vital(d, arg):
    r = d.r
    d.k(r.choice(["BP %d/%d" % (r.randint(78, 190), r.randint(40, 105)),
                  "HR %d" % r.randint(48, 140), "HR %d-%d" % (r.randint(80, 100), r.randint(101, 130)),
                  "RR %d" % r.randint(12, 36), "RR %d-%d" % (r.randint(16, 22), r.randint(23, 34)),
                  "T %.1f" % (r.randint(360, 403) / 10.0), "Tmax %.1f" % (r.randint(380, 405) / 10.0),
                  "SpO2 %d%% on RA" % r.randint(82, 99), "O2 sat %d%%" % r.randint(84, 99),
                  "SpO2 %d%% on %d L" % (r.randint(85, 98), r.randint(2, 6))]), "VITAL")


def g_lab(d, arg):
    r = d.r
    d.k(r.choice(["WBC %.1f" % (r.randint(20, 280) / 10.0), "Na %d" % r.randint(124, 148), "K %.1f" % (r.randint(29, 61) / 10.0),
                  "Cr %.1f" % (r.randint(6, 60) / 10.0), "BNP %d" % r.randint(80, 4800), "lactate %.1f" % (r.randint(9, 60) / 10.0),
                  "troponin %.2f" % (r.randint(1, 300) / 100.0), "Hgb %.1f" % (r.randint(62, 155) / 10.0),
                  "procalcitonin %.2f" % (r.randint(5, 900) / 100.0), "D-dimer %d" % r.randint(250, 6000),
                  "INR %.1f" % (r.randint(9, 45) / 10.0)]), "VITAL")


def g_vent(d, arg):
    r = d.r
    opts = ["AC %d/%d/%d/%s" % (r.choice([14, 16, 18, 20, 22]), r.choice([350, 400, 450, 500]), r.choice([5, 8, 10, 12]), r.choice(["0.4", "0.5", "0.6", "1.0"])),
            "PEEP %d" % r.choice([5, 8, 10, 12, 14]), "FiO2 %d%%" % r.choice([30, 35, 40, 50, 60, 80, 100]),
            "PS %d/%d" % (r.choice([5, 8, 10, 12]), r.choice([5, 8])), "TV %d" % r.choice([350, 400, 420, 450, 500]),
            "CPAP %d" % r.choice([5, 8, 10, 12]), "BiPAP %d/%d" % (r.choice([10, 12, 14, 16]), r.choice([5, 6, 8])),
            "PRVC %d/%d" % (r.choice([16, 18, 20]), r.choice([400, 450]))]
    k = r.randint(1, 3)
    picks = r.sample(opts, k)
    for i, o in enumerate(picks):
        if i:
            d.t(r.choice([", ", ", ", " ", "; "]))
        d.k(o, "SETTING")


def g_ef(d, arg):
    d.k("EF %d%%" % d.r.choice([15, 20, 25, 30, 35, 40, 45, 55, 60]), "VITAL")


def g_pky(d, arg):
    d.k("%d pack-years" % d.r.choice([10, 15, 20, 30, 40, 50, 60, 80]), "MEASUREMENT")


def g_he(d, arg):
    d.t(d.he)


def g_his(d, arg):
    d.t(d.his)


def g_n(d, arg):
    d.t(str(d.r.randint(2, 45)))


def g_young(d, arg):
    """An age under 90, written plainly (not PHI)."""
    r = d.r
    a = r.randint(18, 89)
    d.t(r.choice(["%d yo" % a, "%d-year-old" % a, "in %s %ds" % (d.his, a // 10 * 10), "%d y/o" % a]))


def g_sub(pool):
    def f(d, arg):
        p = [x for x in pool if not has_phi(x)] if d.bare else pool
        render(d, d.r.choice(p))
    return f


# ---------------------------------------------------------------------------
# Clinical text pools (templates)
# [[text|KIND]] = protected literal; {gen[:arg]} = generator call
# ---------------------------------------------------------------------------
HX = [
    "CHF ({ef})", "COPD on {o2} home oxygen", "metastatic NSCLC on [[Keytruda|DRUG]]", "ESRD on HD",
    "s/p CABG ({date:year})", "recent admission to {hosp} for pneumonia", "{job}, remote asbestos exposure",
    "[[Parkinson disease|EPONYM]] with recurrent aspiration", "[[Graves disease|EPONYM]] s/p RAI",
    "afib on [[Eliquis|DRUG]]", "PE on {drug}", "smoker since {date:yy}, {pky}",
    "recently returned from {country}, fevers", "emigrated from {country} in {date:year}, +PPD",
    "nursing home resident ({hosp:nh})", "HIV on ART", "lung transplant {date:my}",
    "breast cancer dx {date:my} s/p L mastectomy", "sarcoidosis", "TB treated in {date:year} in {country}",
    "MVC, {frac}", "fall at {hosp:nh}, left chest wall pain", "sickle cell disease with chest pain",
    "CKD, {lab}", "HTN, HLD, DM2", "AML on induction with {drug:chemo}", "cirrhosis with hepatic hydrothorax",
    "s/p TAVR {date:short}", "asthma", "interstitial lung disease on [[methotrexate|DRUG]]",
    "lives with {kin} in {city}", "transferred from {hosp} with hypoxia", "ILD", "myasthenia gravis",
    "[[Hodgkin lymphoma|EPONYM]] s/p mantle radiation in {date:year}", "CAD s/p PCI", "OSA on [[CPAP 10|SETTING]]",
    "pulmonary hypertension", "s/p right upper lobectomy ({date:my})", "alcohol use disorder",
    "cystic fibrosis", "recent travel to {country} and {city}", "{young} {job}",
    "cough since {hol}", "cares for {his} {oldage}-year-old mother at home", "admitted from {hosp:nh}",
    "hx per {rn}: found down at home", "recent move from {city}, {country} ({date:my})",
    "PE diagnosed {date:short} at {hosp}", "{job}, silica exposure", "works at {org}, chronic cough",
    "retired from {org} in {date:year}, asbestos plaques on prior CT", "{job}, occupational lung disease", "followed by {pcp:dr} for nodule since {date:year}",
]
SX = [
    "fever, {vital}", "hypoxia, {vital}", "tachycardia, {vital}", "leukocytosis, {lab}", "cough and SOB",
    "chest pain", "hemoptysis", "increasing O2 requirement, now on {o2}", "hypotension, {vital}", "weakness",
    "desaturation during [[propofol|DRUG]] wean", "new crackles at the bases", "pleuritic chest pain, {frac}",
    "dyspnea on exertion", "altered mental status", "s/p fall", "productive cough x {n} days",
    "worsening edema, {frac}", "elevated {lab}", "low-grade fever", "aspiration event",
]
Q = [
    "pneumonia", "effusion", "pneumothorax", "ETT placement", "interval change", "pulmonary edema",
    "free air", "line placement", "aspiration", "consolidation", "acute process", "NG tube position",
    "PICC tip position", "fluid overload", "rib fracture",
]

# scenario -> (findings, impressions)
FIND_HEART = [
    "Heart size is normal. Mediastinal and hilar contours are unremarkable.",
    "The cardiomediastinal silhouette is within normal limits.",
    "Moderate cardiomegaly, cardiothoracic ratio {ctr}, unchanged.",
    "Mild enlargement of the cardiac silhouette is stable.",
    "Heart size is top normal. Atherosclerotic calcification of the aortic knob.",
    "Stable cardiomegaly. Tortuous thoracic aorta.",
]
FIND_COMMON = [
    "No pneumothorax.",
    "No free air below the right hemidiaphragm.",
    "Multilevel degenerative changes of the thoracic spine. Mild compression deformity of T12, unchanged.",
    "Healed fractures of the left posterior 6th and 7th ribs.",
    "Anterior cervical fusion hardware at C5-C6 is partially imaged.",
    "Old healed fracture of the right clavicle.",
    "Osteopenia. Dextroscoliosis centered at T8.",
    "Surgical clips in the RUQ.",
    "Median [[sternotomy wires|DEVICE]] are intact. [[Mitral annuloplasty ring|DEVICE]] noted.",
    "Left chest wall [[dual-chamber pacemaker|DEVICE]] with leads terminating in the right atrium and right ventricle.",
    "Right-sided [[Port-a-Cath|DEVICE]] with tip at the cavoatrial junction.",
    "Degenerative changes at the L1-L2 level are partially seen.",
    "Calcified granuloma in the left upper lobe is unchanged.",
    "Elevated right hemidiaphragm, chronic.",
    "Degenerative changes of both glenohumeral joints.",
    "Stable [[Chilaiditi sign|EPONYM]] with interposition of colon under the right hemidiaphragm.",
]
SCEN = {
    "normal": (
        ["Lungs are clear. No focal consolidation, pleural effusion, or pneumothorax.",
         "The lungs are well expanded and clear.", "No pleural effusion.", "Pulmonary vascularity is normal.",
         "There is no focal airspace opacity."],
        ["No acute cardiopulmonary process.", "No acute intrathoracic abnormality.",
         "Normal chest radiograph.", "No radiographic evidence of pneumonia."]),
    "chf": (
        ["Mild pulmonary vascular congestion with [[Kerley B lines|EPONYM]], consistent with mild interstitial edema.",
         "Moderate pulmonary edema, worse than on {date}.", "Small bilateral pleural effusions with adjacent atelectasis.",
         "Cephalization of the pulmonary vasculature.", "Bilateral perihilar haziness.",
         "Interval improvement in interstitial edema after diuresis with {drug:diur}."],
        ["Moderate pulmonary edema, slightly worse.", "Findings compatible with CHF exacerbation.",
         "Interval improvement of pulmonary edema after [[furosemide|DRUG]].",
         "Small bilateral effusions and mild edema."]),
    "pna": (
        ["Patchy opacity in the LLL may reflect atelectasis or pneumonia in the appropriate clinical setting.",
         "New right lower lobe consolidation with air bronchograms.", "Left basilar opacity, new since the study of the {dom}.",
         "Multifocal patchy opacities, most confluent in the RUL.", "Retrocardiac opacity obscuring the left hemidiaphragm.",
         "Small left pleural effusion."],
        ["Findings concerning for multifocal pneumonia.", "RLL pneumonia. Follow-up radiographs in 6-8 weeks after treatment recommended to document resolution.",
         "Left basilar opacity, atelectasis versus aspiration.", "Right middle lobe pneumonia; recommend clinical correlation."]),
    "nodule": (
        ["{size} nodule projects over the right upper lung at the level of the anterior 2nd rib.",
         "{size} spiculated mass in the right apex, concerning for [[Pancoast tumor|EPONYM]].",
         "{size} rounded opacity in the left mid lung, not clearly seen on {date}.",
         "Right hilar fullness.", "Possible erosion of the posterior 3rd rib."],
        ["{size} pulmonary nodule. Per [[Fleischner Society|EPONYM]] guidelines, recommend CT chest in 3-6 months.",
         "Right apical mass concerning for malignancy. Recommend CT chest with contrast.",
         "New pulmonary nodule, CT recommended for further characterization."]),
    "lines": (
        ["[[Endotracheal tube|DEVICE]] terminates {cm} above the carina.",
         "[[Enteric tube|DEVICE]] courses below the diaphragm with tip in the stomach.",
         "Right internal jugular [[central venous catheter|DEVICE]] tip in the mid SVC.",
         "Left-sided [[PICC|DEVICE]] terminates at the cavoatrial junction.",
         "[[Swan-Ganz catheter|EPONYM]] tip in the right descending pulmonary artery; recommend withdrawal by approximately {cm}.",
         "[[Dobhoff|EPONYM]] tip projects over the proximal stomach.",
         "[[Impella|DEVICE]] device in expected position.", "[[Tracheostomy tube|DEVICE]] in standard position.",
         "[[IABP|DEVICE]] marker {cm} below the top of the aortic knob.",
         "Right [[chest tube|DEVICE]] is unchanged; no residual pneumothorax.",
         "[[OG tube|DEVICE]] tip is coiled in the distal esophagus and should be advanced.",
         "Bibasilar atelectasis, left greater than right."],
        ["Lines and tubes as above; no pneumothorax.", "ETT {cm} above the carina, appropriately positioned.",
         "Malpositioned enteric tube in the distal esophagus; recommend advancement by {cm}.",
         "[[PICC|DEVICE]] tip at the cavoatrial junction, ready for use.", "Interval removal of the [[Swan-Ganz catheter|EPONYM]]."]),
    "ptx": (
        ["Small right apical pneumothorax measuring {cm}.", "Moderate left pneumothorax with slight mediastinal shift to the right.",
         "Subcutaneous emphysema along the right chest wall.", "Fractures of the right lateral 4th through 6th ribs.",
         "Pneumomediastinum, likely [[Macklin effect|EPONYM]] related."],
        ["Right pneumothorax, new since {date}.", "Moderate left pneumothorax. Findings called as below.",
         "Small apical pneumothorax, stable after [[pigtail catheter|DEVICE]] placement."]),
    "effusion": (
        ["Moderate right pleural effusion, increased from {date}.", "Large left pleural effusion with compressive atelectasis.",
         "Blunting of the costophrenic angles bilaterally.", "Loculated fluid along the right lateral chest wall.",
         "Status post right [[Pleurx catheter|DEVICE]] placement."],
        ["Moderate right effusion, increased.", "Large left effusion, consider thoracentesis.",
         "Small bilateral effusions, unchanged."]),
    "drug": (
        ["Bibasilar reticular opacities, possibly related to prior [[amiodarone|DRUG]] exposure.",
         "Diffuse interstitial opacities in a patient on [[methotrexate|DRUG]]; drug toxicity is a consideration.",
         "Wedge-shaped peripheral opacity in the RLL could represent a [[Hampton hump|EPONYM]]; correlate with CTA.",
         "Regional oligemia in the left lung ([[Westermark sign|EPONYM]]) is questioned.",
         "Hyperinflation with flattening of the hemidiaphragms, compatible with COPD."],
        ["Interstitial opacities, differential includes drug toxicity ({drug:tox}) or atypical infection.",
         "Findings suspicious for pulmonary embolism; recommend CTA chest.", "Emphysema without acute process."]),
}

COMM = [
    "Critical finding communicated by {att:dr} to {ord:dr} by telephone on {date:today} at {time}, approximately {n} minutes after discovery.",
    "These findings were discussed with {ord:dr} ({pager}) at {time} by {res:dr}.",
    "Findings were called to {rn} on {ward} at {time}; read-back performed.",
    "The findings were discussed by {att:dr} with {ord:dr} on the telephone on {date:today} at {time}, at the time of discovery.",
    "Discussed w/ {pa} at {ext} on {date:short}.",
    "Attempted to reach {ord:dr} via {pager}; message left with {rn}. Subsequently discussed with covering {dr2:dr} at {phone} at {time}.",
    "Results sent via secure chat to {ord:dr} ({email:ord}) at {time}.",
    "spoke w/ {ord:drlast} re: findings at {time}, {ord:init} acknowledged.",
    "d/w {pa} at {time}. Recommend repositioning of the {device}.",
    "Called to the {ward} step-down unit at {time}; result given to {rn}.",
    "Wet read communicated to the ED ({phone}) at {time} by {res:name}.",
    "Per {rn}, the patient was transported back to {ward} at {time}.",
    "Findings reviewed with {dr2:dr} ({ext}) and the on-call team at {time}.",
    "I discussed the findings with {kin} by phone at {time} at the request of {ord:dr}.",
]
ADD = [
    "Comparison was made with outside chest CT from {hosp} dated {date}. The nodule is unchanged since {date:my}, consistent with a benign etiology.",
    "On further review with {att:dr} on {date:today}, the previously described opacity in the RLL likely represents overlapping vessels.",
    "Outside films from {hosp:bare} ({date}) were reviewed and demonstrate the effusion was present at that time.",
    "Per {rn}, the {device} was repositioned at {time}; repeat radiograph recommended.",
    "Clinical history obtained from {ord:dr}: patient with {hx}. This does not change the impression.",
    "Findings were discussed with {ord:dr} at {time} on {date:today}.",
    "Prior study from {hosp:clin} ({date:year}) reviewed, no significant change.",
    "Correction: the [[PICC|DEVICE]] terminates in the right atrium, not the SVC. {ord:dr} notified at {time} ({pager}).",
]

GEN = {
    "date": g_date, "dom": g_ord, "hol": g_hol, "time": g_time, "etime": g_examtime,
    "phone": g_phone, "pager": g_pager, "ext": g_ext, "mrn": g_mrn, "acc": g_acc, "id": g_id,
    "hosp": g_hosp, "ward": g_ward, "city": g_city, "country": g_country, "org": g_org, "job": g_job,
    "address": g_address, "email": g_email, "url": g_url, "ip": g_ip, "user": g_user,
    "age": g_age, "oldage": g_oldage,
    "drug": g_drug, "device": g_device, "epon": g_epon, "cm": g_cm, "size": g_size, "o2": g_o2,
    "ctr": g_ctr, "frac": g_frac, "vital": g_vital, "lab": g_lab, "vent": g_vent,
    "ef": g_ef, "pky": g_pky, "he": g_he, "his": g_his, "n": g_n, "young": g_young,
    "hx": g_sub(HX), "sx": g_sub(SX), "q": g_sub(Q),
}
for _role in ["pt", "att", "res", "ord", "rn", "pcp", "tech", "dr2", "kin", "pa", "rt"]:
    GEN[_role] = (lambda role: (lambda d, arg: g_person(d, role, arg)))(_role)

PHI_GENS = {"date", "dom", "hol", "time", "etime", "phone", "pager", "ext", "mrn", "acc", "id", "hosp", "ward",
            "city", "country", "org", "job", "address", "email", "url", "ip", "user", "oldage",
            "pt", "att", "res", "ord", "rn", "pcp", "tech", "dr2", "kin", "pa", "rt"}
TOK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]|\{(\w+)(?::(\w+))?\}")


def has_phi(tmpl):
    return any(m.group(3) in PHI_GENS for m in TOK.finditer(tmpl) if m.group(3))


def render(d, tmpl):
    if d.bare and has_phi(tmpl):
        raise BareSkip()
    pos = 0
    for m in TOK.finditer(tmpl):
        d.t(tmpl[pos:m.start()])
        if m.group(1):
            d.k(m.group(1), m.group(2))
        else:
            GEN[m.group(3)](d, m.group(4))
        pos = m.end()
    d.t(tmpl[pos:])


class BareSkip(Exception):
    pass


def pick(d, pool, k=1):
    """Choose k templates (no PHI ones in a bare document)."""
    if d.bare:
        pool = [p for p in pool if not has_phi(p)]
    k = min(k, len(pool))
    return d.r.sample(pool, k)


# ---------------------------------------------------------------------------
# Report sections
# ---------------------------------------------------------------------------
EXAMS = ["CHEST (PORTABLE AP)", "CHEST (PA AND LAT)", "XR CHEST 1 VIEW", "XR CHEST 2 VIEWS PA AND LATERAL",
         "CHEST PORT. LINE PLACEMENT", "DX CHEST PORTABLE", "CHEST (SINGLE VIEW)", "XR CHEST AP PORTABLE",
         "CR CHEST PA/LAT"]
TECH = ["Portable AP chest radiograph.", "PA and lateral views of the chest.", "Single frontal view of the chest.",
        "Portable upright AP view of the chest.", "Semi-upright portable AP radiograph of the chest.",
        "AP and lateral chest radiographs were obtained."]


def indication(d):
    r = d.r
    x = r.random()
    if x < 0.5:
        tm = "{age} with {hx}, now with {sx}. Evaluate for {q}."
    elif x < 0.7:
        tm = "{age} with {hx}. // {q}?"
    elif x < 0.85:
        tm = "{sx}; r/o {q}"
    else:
        tm = "PMH: {hx}. Reason: {sx}, eval {q}."
    if d.scen == "lines":
        tm = r.choice(["{age} intubated for hypoxic respiratory failure, on {vent}. Eval ETT and {device} placement.",
                       "{age} s/p {device} placement. Please evaluate position.",
                       "{age} with {hx}, intubated, on {vent}. // tube position"])
    try:
        render(d, tm)
    except BareSkip:
        pass
    if d.bare:
        return
    d.sent_start = False


def comparison(d):
    r = d.r
    if d.bare:
        render(d, r.choice(["None.", "None available.", "Prior radiograph from earlier the same day.",
                            "Chest radiograph from 2 days prior.", "None"]))
        return
    x = r.random()
    tm = ["{date}.", "Chest radiographs {date} and {date}.", "None.", "Prior CT chest from {date:my}.",
          "Outside films from {hosp:bare} dated {date}.", "Multiple priors, most recent {date} at {time}.",
          "{date}, {date}", "Radiograph of {date:short}.", "CT chest {date} ({hosp:clin}).",
          "Chest radiograph {date} {time}.", "Prior study of the {dom}.",
          "Chest radiograph from around {hol} at {hosp}.", "{date:my} and {date:year}."]
    render(d, r.choice(tm))


def findings_list(d):
    r = d.r
    fs, imps = SCEN[d.scen]
    sel = pick(d, fs, r.randint(2, 4)) + pick(d, FIND_HEART, 1) + pick(d, FIND_COMMON, r.randint(0, 2))
    if d.scen in ("nodule", "lines", "drug") and r.random() < 0.5:
        sel += pick(d, ["The lungs are otherwise clear.", "No pleural effusion.", "No focal consolidation."], 1)
    imp = pick(d, imps, r.choice([1, 1, 1, 2]))
    return sel, imp


def write_sentences(d, sents, sep=" ", bullets=None):
    for i, s in enumerate(sents):
        if bullets:
            d.t(bullets(i))
        elif i:
            d.t(sep)
        render(d, s)
        if bullets:
            d.t("\n")


def comm(d):
    if d.bare:
        return
    d.t(d.r.choice(["\nNOTIFICATION: ", "\n", "\nCOMMUNICATION: ", "\nCritical result: "]))
    for s in pick(d, COMM, d.r.choice([1, 1, 1, 2])):
        render(d, s)
        d.t(" ")
    d.t("\n")


def addendum(d):
    if d.bare:
        return
    r = d.r
    d.t(r.choice(["\nADDENDUM: ", "\nADDENDUM\n", "\n***ADDENDUM*** "]))
    if r.random() < 0.4:
        d.t("(")
        g_date(d, "today")
        d.t(" ")
        g_time(d, None)
        d.t(") ")
    render(d, r.choice(ADD))
    d.t("\n")
    if r.random() < 0.5:
        d.t("Addendum by: ")
        g_person(d, "att", "sig")
        d.t("\n")


def signature(d, style):
    r = d.r
    if d.bare:
        d.t(r.choice(["\nElectronically signed.\n", "\nFinal report.\n", "\n[Report signed electronically]\n", "\n"]))
        return
    if style == "epic":
        x = r.random()
        d.t("\n")
        if x < 0.5:
            d.t(r.choice(["Electronically signed by: ", "Signed by: ", "Electronically Signed By: "]))
            g_person(d, "att", "sig")
            d.t(" on ")
            g_date(d, "exam")
            if r.random() < 0.6:
                d.t(" at ")
                g_time(d, None)
            d.t("\n")
        else:
            d.t("Resident: ")
            g_person(d, "res", "sig")
            d.t("\nAttending: ")
            g_person(d, "att", "sig")
            d.t("\nI have personally reviewed the images and agree with the findings above.\nSigned ")
            g_date(d, "exam")
            d.t(" ")
            g_time(d, None)
            d.t("\n")
        if r.random() < 0.3:
            d.t("Workstation: RADWS")
            d.t("%02d " % r.randint(1, 40))
            d.t("(")
            g_ip(d, None)
            d.t(")\n")
        if r.random() < 0.15:
            d.t("Images: ")
            g_url(d, None)
            d.t("\n")
        if r.random() < 0.3:
            d.t("Reading room phone: ")
            g_phone(d, None)
            d.t("\n")
    elif style == "ris":
        d.t("\nDICTATED BY: ")
        g_person(d, "res", "lf")
        d.t(", M.D.\nSIGNED BY: ")
        g_person(d, "att", "lf")
        d.t(", M.D.   ")
        g_date(d, "exam")
        d.t(" ")
        g_time(d, None)
        d.t("\n")
        if r.random() < 0.6:
            d.t("TRANSCRIBED: ")
            g_person(d, "tech", "init")
            d.t(" ")
            g_date(d, "exam")
            d.t("\n")
        if r.random() < 0.4:
            d.t("RADIOLOGIST LICENSE #")
            g_id(d, "lic")
            d.t("\n")
    elif style == "mimic":
        if r.random() < 0.5:
            d.t("\n")
            g_person(d, "att", "name")
            d.t(r.choice([", MD", " MD", ""]) + "\n")
    else:
        d.t("\n-- ")
        g_person(d, "res", r.choice(["init", "init", "name"]))
        if r.random() < 0.5:
            d.t(" (")
            g_user(d, None)
            d.t(")")
        d.t("\n")


# ---------------------------------------------------------------------------
# Document styles
# ---------------------------------------------------------------------------
def header_epic(d):
    r = d.r
    fields = []

    def f(label, fn):
        fields.append((label, fn))
    d.t(r.choice(["", "", "RADIOLOGY REPORT\n", "Diagnostic Imaging Report\n", "IMAGING RESULT\n"]))
    if r.random() < 0.35:
        g_hosp(d, None)
        d.t(" - Department of Radiology\n")
    f("Patient Name", lambda: g_person(d, "pt", "lf"))
    f("MRN", lambda: g_mrn(d, None))
    if r.random() < 0.65:
        f("DOB", lambda: (g_date(d, "dob"), d.t(" ("), g_age(d, "hdr"), d.t(")")) if r.random() < 0.6 else g_date(d, "dob"))
    f("Sex", lambda: d.t(d.sex if r.random() < 0.5 else {"M": "Male", "F": "Female"}[d.sex]))
    f(r.choice(["Accession #", "Accession", "Acc #", "Accession No."]), lambda: g_acc(d, None))
    if r.random() < 0.3:
        f(r.choice(["Encounter CSN", "CSN", "Visit #", "Account #"]), lambda: g_id(d, "csn"))
    f(r.choice(["Exam Date/Time", "Date of Service", "Exam Date", "Performed"]),
      lambda: (g_date(d, "exam"), d.t(" "), g_examtime(d, None)))
    f(r.choice(["Ordering Provider", "Ordering Physician", "Referring Physician", "Ordered by"]),
      lambda: (g_person(d, "ord", "lf"), d.t(r.choice([" MD", ", MD", ""]))))
    if r.random() < 0.3:
        f(r.choice(["Patient Location", "Location", "Unit"]), lambda: g_ward(d, None))
    if r.random() < 0.15:
        f("PCP", lambda: g_person(d, "pcp", "dr"))
    if r.random() < 0.12:
        f("Address", lambda: g_address(d, None))
    if r.random() < 0.2:
        f(r.choice(["Home Phone", "Phone", "Contact"]), lambda: g_phone(d, None))
    if r.random() < 0.15:
        f(r.choice(["Insurance ID", "Member ID", "Subscriber #"]), lambda: g_id(d, "member"))
    if r.random() < 0.12:
        f("SSN", lambda: g_id(d, "ssn"))
    if r.random() < 0.15:
        f(r.choice(["Emergency Contact", "HCP"]), lambda: (g_person(d, "kin", "kinhdr"), g_phone(d, None)))
    if r.random() < 0.15:
        f(r.choice(["Order #", "Order ID"]), lambda: g_id(d, "order"))
    if r.random() < 0.1:
        f(r.choice(["NHS No", "Health Card"]), lambda: g_id(d, r.choice(["nhs", "hcn"])))
    if r.random() < 0.2:
        f("Technologist", lambda: g_person(d, "tech", r.choice(["name", "init", "lf"])))
    if r.random() < 0.2:
        f("CPT", lambda: d.t(r.choice(["71045", "71046", "71047"])))
    # shuffle lightly but keep name first
    first, rest = fields[0], fields[1:]
    if r.random() < 0.4:
        r.shuffle(rest)
    sep = r.choice([": ", ":  ", ": ", " : "])
    width = r.choice([0, 0, 22])
    d.indent = width + len(sep) if width else 0
    for lab, fn in [first] + rest:
        d.t(lab.ljust(width) + sep if width else lab + sep)
        fn()
        d.t("\n")
    d.indent = 0
    d.t(r.choice(["\n", "\n", "-" * 40 + "\n"]))


def doc_epic(d):
    r = d.r
    header_epic(d)
    d.t(r.choice(["EXAM: ", "EXAMINATION: ", "Procedure: "]) + r.choice(EXAMS))
    d.t("\n\n" + r.choice(["CLINICAL HISTORY: ", "HISTORY: ", "INDICATION: ", "Clinical indication: "]))
    d.sent_start = True
    indication(d)
    d.t("\n\nTECHNIQUE: " + r.choice(TECH) + "\n\nCOMPARISON: ")
    comparison(d)
    sel, imp = findings_list(d)
    d.t("\n\nFINDINGS:\n")
    if r.random() < 0.5:
        write_sentences(d, sel, bullets=lambda i: r.choice(["- ", "- ", "* "]) if i >= 0 else "")
    else:
        write_sentences(d, sel, sep=r.choice([" ", " ", "\n"]))
        d.t("\n")
    d.t("\nIMPRESSION:\n")
    write_sentences(d, imp, bullets=lambda i: "%d. " % (i + 1) if len(imp) > 1 else "")
    if r.random() < 0.35:
        comm(d)
    if r.random() < 0.15:
        addendum(d)
    signature(d, "epic")


def doc_mimic(d):
    r = d.r
    if not d.bare and r.random() < 0.3:
        d.t("WET READ: ")
        g_person(d, "res", "init")
        d.t(" " + WEEKDAYS[d.exam.weekday()][:3].upper() + " ")
        g_date(d, "exam")
        d.t(" ")
        g_time(d, None)
        d.t("\n  ")
        render(d, r.choice(SCEN[d.scen][1]))
        d.t("\n" + "_" * 60 + "\n")
    d.t(" " * r.choice([0, 20, 33]) + "FINAL REPORT\n")
    d.t(r.choice(["EXAMINATION:  ", "EXAMINATION: ", "TYPE OF EXAMINATION: "]) + r.choice(EXAMS) + "\n\n")
    d.t(r.choice(["INDICATION:  ", "HISTORY: ", "CLINICAL INDICATION: "]))
    d.sent_start = True
    indication(d)
    d.t("\n\nTECHNIQUE:  " + r.choice(TECH) + "\n\nCOMPARISON:  ")
    comparison(d)
    sel, imp = findings_list(d)
    d.t("\n\nFINDINGS:  \n\n")
    wrap_sents = r.random() < 0.5
    write_sentences(d, sel, sep=" " if not wrap_sents else r.choice([" ", "\n"]))
    d.t("\n\nIMPRESSION:  \n\n")
    write_sentences(d, imp, sep=" " if r.random() < 0.5 else "\n\n")
    d.t("\n")
    if r.random() < 0.45:
        comm(d)
    if r.random() < 0.15:
        addendum(d)
    signature(d, "mimic")


def doc_ris(d):
    r = d.r
    if not d.bare:
        g_hosp(d, None)
        d.t("\nDEPARTMENT OF RADIOLOGY\n\n")
        d.t("PATIENT: ")
        g_person(d, "pt", "lf")
        d.t("   " + r.choice(["UNIT NO: ", "MR#: ", "HOSP NO: "]))
        g_mrn(d, None)
        d.t("\nDOB: ")
        g_date(d, "dob")
        d.t("   AGE: ")
        if d.age >= 90:
            d.p(str(d.age), "AGE")
        else:
            d.t(str(d.age))
        d.t("Y   SEX: " + d.sex + "\n")
        if r.random() < 0.35:
            d.t("ACCT: ")
            g_id(d, "csn")
            d.t("   ")
        d.t("EXAM NO: ")
        g_acc(d, None)
        d.t("\nREQ PHYS: ")
        g_person(d, "ord", "lf")
        if r.random() < 0.3:
            d.t("   LOC: ")
            g_ward(d, None)
        d.t("\nDATE OF EXAM: ")
        g_date(d, "exam")
        d.t(" ")
        g_examtime(d, None)
        d.t("\n")
    else:
        d.t("DEPARTMENT OF RADIOLOGY\n")
    d.t("EXAM: " + r.choice(EXAMS) + "   CPT " + r.choice(["71045", "71046", "71010", "71020"]) + "\n\n")
    d.t(r.choice(["CLINICAL HISTORY: ", "REASON FOR EXAM: ", "HX: "]))
    d.sent_start = True
    indication(d)
    d.t("\n\nREPORT:\n")
    if not d.bare and r.random() < 0.7:
        d.t("COMPARISON IS MADE TO ")
        comparison(d)
        d.t(" ")
    sel, imp = findings_list(d)
    write_sentences(d, sel)
    d.t("\n\nIMPRESSION:\n")
    write_sentences(d, imp, bullets=lambda i: "%d. " % (i + 1))
    if r.random() < 0.3:
        comm(d)
    if r.random() < 0.1:
        addendum(d)
    signature(d, "ris")


def doc_prelim(d):
    r = d.r
    d.t(r.choice(["prelim cxr read", "PRELIM READ - CXR", "wet read", "Preliminary report (resident)", "ED prelim"]))
    if not d.bare:
        d.t(" -- ")
        g_date(d, "exam")
        d.t(" ")
        g_examtime(d, None)
        d.t("\npt: ")
        g_person(d, "pt", "lf")
        d.t(r.choice(["  mrn ", "  MRN: ", " / "]))
        g_mrn(d, None)
        if r.random() < 0.5:
            d.t("  acc ")
            g_acc(d, None)
    d.t("\n" + r.choice(["", "portable ap. ", "pa/lat. ", "ap upright. "]))
    d.sent_start = False
    if r.random() < 0.6:
        d.t("hx: ")
        indication(d)
        d.t("\n")
    sel, imp = findings_list(d)
    write_sentences(d, sel, sep=r.choice([" ", "\n"]))
    d.t("\nimp: ")
    write_sentences(d, imp)
    d.t("\n")
    if not d.bare:
        s = r.choice(COMM)
        render(d, s)
        d.t("\n")
        if r.random() < 0.3:
            d.t("final read to follow by ")
            g_person(d, "att", "dr")
            d.t(".\n")
    signature(d, "prelim")


def doc_addendum_first(d):
    """PowerScribe-style: addendum printed above the original report."""
    r = d.r
    d.t("*** ADDENDUM ***\n")
    render(d, r.choice(ADD))
    d.t("\n")
    d.t("Addendum signed by ")
    g_person(d, "att", "sig")
    d.t(" on ")
    g_date(d, "today")
    d.t(" ")
    g_time(d, None)
    d.t("\n\n*** ORIGINAL REPORT ***\n")
    d.t("EXAM: " + r.choice(EXAMS) + "\nACCESSION: ")
    g_acc(d, None)
    d.t("\nHISTORY: ")
    d.sent_start = True
    indication(d)
    d.t("\nCOMPARISON: ")
    comparison(d)
    sel, imp = findings_list(d)
    d.t("\nFINDINGS: ")
    write_sentences(d, sel)
    d.t("\nIMPRESSION: ")
    write_sentences(d, imp)
    d.t("\n")
    signature(d, "epic")


STYLES = [(doc_epic, 0.34), (doc_mimic, 0.28), (doc_ris, 0.15), (doc_prelim, 0.13), (doc_addendum_first, 0.10)]


def hard_wrap(text, covered, width):
    chars = list(text)
    col = 0
    for i, c in enumerate(chars):
        if c == "\n":
            col = 0
            continue
        col += 1
        if c == " " and col > width and not covered[i] and i + 1 < len(chars) and chars[i + 1] not in " \n":
            chars[i] = "\n"
            col = 0
    return "".join(chars)


def make_doc(r, idx, seed):
    x = r.random()
    nophi_mode = None
    if x < 0.08:
        nophi_mode = "bare"
    elif x < 0.15:
        nophi_mode = "blank"
    fn = r.choices([s[0] for s in STYLES], weights=[s[1] for s in STYLES])[0]
    if nophi_mode == "blank":
        fn = doc_mimic
    elif nophi_mode == "bare" and fn is doc_addendum_first:
        fn = doc_epic
    if fn is doc_ris:
        case = "upper"
    elif fn is doc_prelim:
        case = r.choice(["lower", "lower", "lower", "mixed"])
    else:
        case = r.choices(["mixed", "upper", "lower"], weights=[78, 14, 8])[0]
    d = Doc(r, case=case, nophi=(nophi_mode == "blank"))
    d.bare = nophi_mode == "bare"
    d.sex = r.choice("MF")
    d.he, d.his = ("he", "his") if d.sex == "M" else ("she", "her")
    d.age = r.randint(90, 104) if r.random() < 0.2 else r.randint(19, 89)
    if d.bare:
        d.age = r.randint(19, 89)
    d.exam = dt.date(2005, 1, 1) + dt.timedelta(days=r.randint(0, 19 * 365))
    d.dob = d.exam - dt.timedelta(days=d.age * 365 + r.randint(1, 360))
    d.eh, d.em = r.randint(0, 23), r.randint(0, 59)
    d.dstyle = r.choice(["mdY", "mdY", "mdY", "mdY1", "mdy", "DMONY", "ISO", "long", "dMonY"])
    d.tstyle = r.choice(TIME_STYLES[:-1])
    d.mrn = rand_id(r, "mrn")
    d.acc = rand_id(r, "acc")
    d.scen = r.choice(list(SCEN.keys()) + ["normal", "lines", "chf", "pna"])
    d.indent = 0
    d.sent_start = False
    fn(d)
    text = d.text()
    # collapse accidental triple newlines
    if "\n\n\n" in text:
        pass
    wrapped = False
    if (fn is doc_ris or r.random() < 0.2) and len(text) > 0:
        covered = [False] * len(text)
        for s in d.phi + d.prot:
            for i in range(s["start"], s["end"]):
                covered[i] = True
        text = hard_wrap(text, covered, r.choice([60, 66, 72, 76]))
        wrapped = True
    return {"id": "cxr-%d-%05d" % (seed, idx), "text": text, "phi": d.phi, "protected": d.prot}


def check(rec):
    text = rec["text"]
    errs = []
    for key in ("phi", "protected"):
        spans = rec[key]
        prev = -1
        for s in spans:
            a, b = s["start"], s["end"]
            if not (0 <= a < b <= len(text)):
                errs.append("%s span out of range %r" % (key, s))
                continue
            seg = text[a:b]
            if seg != seg.strip():
                errs.append("%s span has outer whitespace %r" % (key, seg))
            if a < prev:
                errs.append("%s spans overlap/unsorted at %d" % (key, a))
            prev = b
    ph = rec["phi"]
    pr = rec["protected"]
    j = 0
    for s in ph:
        for t in pr:
            if s["start"] < t["end"] and t["start"] < s["end"]:
                errs.append("phi %r overlaps protected %r" % (s, t))
    if not (300 <= len(text) <= 2500):
        errs.append("length %d out of range" % len(text))
    return errs


def main():
    ap = argparse.ArgumentParser(description="Synthetic annotated chest radiograph report corpus")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    recs = []
    for i in range(a.n):
        r = random.Random("gen_a:%d:%d" % (a.seed, i))
        for _ in range(50):
            rec = make_doc(r, i, a.seed)
            if 300 <= len(rec["text"]) <= 2500:
                break
        recs.append(rec)
    bad = 0
    for rec in recs:
        errs = check(rec)
        if errs:
            bad += 1
            sys.stderr.write("SELF-CHECK FAILED %s: %s\n" % (rec["id"], "; ".join(errs[:5])))
    with open(a.out, "w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    if bad:
        sys.stderr.write("%d of %d records failed the self-check\n" % (bad, len(recs)))
        sys.exit(1)
    nphi = sum(len(x["phi"]) for x in recs)
    withphi = sum(1 for x in recs if x["phi"])
    sys.stderr.write("wrote %d records (%d with PHI, %d PHI spans, %d protected spans) to %s; self-check OK\n"
                     % (len(recs), withphi, nphi, sum(len(x["protected"]) for x in recs), a.out))


if __name__ == "__main__":
    main()
