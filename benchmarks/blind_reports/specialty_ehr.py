#!/usr/bin/env python3
"""Synthetic outpatient-specialty EHR document generator with PHI annotations.

Style: oncology / cardiology clinic notes, tumour-board summaries, cath-lab and
echo reports, PFT and sleep-study reports, chest CT / X-ray results pasted into
notes, EHR template artifacts (smart-phrase fields, pipe tables, auto header
blocks, e-signature lines, care-team lists, patient instructions).

Usage: python3 gen.py --seed S --n N --out FILE.jsonl
Standard library only.  All surrogate lists are written out below.
"""
import argparse
import datetime as dt
import json
import random
import sys

# ---------------------------------------------------------------------------
# Surrogate value lists (hand written)
# ---------------------------------------------------------------------------

def _w(s):
    return [" ".join(x.split()) for x in s.replace("\n", " ").split(",") if x.strip()]

GIVEN_M = _w("""
James, Robert, John, Michael, William, David, Richard, Joseph, Thomas, Charles,
Christopher, Daniel, Matthew, Anthony, Donald, Mark, Paul, Steven, Andrew, Kenneth,
George, Edward, Brian, Ronald, Timothy, Harold, Walter, Clarence, Earl, Herbert,
Marcus, Gordon, Wendell, Leonard, Eugene, Russell, Ciaran, Padraig, Eamon, Declan,
Oisin, Iain, Hamish, Ruairi, Brendan, Colm, Alejandro, Jose, Juan, Luis, Javier,
Jesus, Refugio, Rodrigo, Faustino, Octavio, Joao, Tiago, Goncalo, Rui, Fernando,
Vasco, Guillaume, Thibault, Marc-Andre, Jean-Pierre, Benoit, Joost, Maarten, Sjoerd,
Dieter, Gunther, Jurgen, Friedrich, Wolfgang, Giuseppe, Vincenzo, Salvatore, Luca,
Domenico, Alessandro, Wojciech, Krzysztof, Grzegorz, Zbigniew, Tomasz, Dmitri,
Oleksandr, Yuriy, Vladimir, Bohdan, Sergei, Mykola, Anatoly, Konstantinos, Dimitrios,
Georgios, Spyridon, Stavros, Mehmet, Emre, Mustafa, Burak, Oguz, Mohammed, Ahmed,
Omar, Khalid, Yousef, Tariq, Hamza, Ibrahim, Reza, Dariush, Kourosh, Babak, Arash,
Oluwaseun, Adebayo, Olumide, Babatunde, Chukwuemeka, Chinedu, Obinna, Kwame, Kofi,
Yaw, Kwabena, Kamau, Otieno, Tesfaye, Abebe, Haile, Baraka, Rajesh, Sanjay, Vikram,
Arjun, Harpreet, Farhan, Aravind, Venkatesh, Rohit, Wei, Jian, Zhiwei, Qiang, Jun,
Seojun, Hyunwoo, Dongha, Jaehyun, Thanh, Minh, Tuan, Bao, Duc, Haruto, Takeshi,
Kenji, Hiroshi, Jericho, Rodel, Arnel, Dindo, Ahanu, Chayton, Takoda, Bjorn, Leif,
Henrik, Torsten, Eero, Sven, Will, Bill, Art, Guy, Hunter, Chase, Miles, Rusty,
Royal, Lucky, Thaddeus, Percival, Quillon, Ambrose, Lazarus, Cornelius, Obadiah,
Ezekiel, Alonzo, Desmond, Fitzroy, Winston, Delroy, Tadeo, Ignatius
""")

GIVEN_F = _w("""
Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Jessica, Sarah, Karen,
Nancy, Lisa, Margaret, Betty, Sandra, Ashley, Dorothy, Kimberly, Emily, Donna,
Michelle, Carol, Amanda, Melissa, Deborah, Mildred, Eleanor, Gertrude, Agnes, Edna,
Bernice, Lorraine, Doris, Siobhan, Niamh, Aoife, Fionnuala, Saoirse, Ailsa, Morag,
Catriona, Grainne, Mairead, Guadalupe, Maria, Carmen, Rosario, Xiomara, Yesenia,
Maricela, Ximena, Itzel, Consuelo, Esperanza, Dolores, Graciela, Lupita, Nayeli,
Conceicao, Leonor, Ines, Graca, Amelie, Genevieve, Sylvie, Helene, Margaux, Solange,
Anneke, Femke, Wilhelmina, Liesel, Heike, Ingrid, Francesca, Giulia, Concetta,
Chiara, Rosaria, Annunziata, Katarzyna, Malgorzata, Agnieszka, Jadwiga, Bozena,
Svetlana, Natalia, Olena, Tatiana, Oksana, Lyudmila, Iryna, Eleni, Panagiota,
Vasiliki, Athanasia, Theodora, Ayse, Zeynep, Elif, Fatma, Selin, Fatima, Aisha,
Layla, Noor, Mariam, Samira, Rania, Shirin, Parisa, Niloufar, Mahsa, Golnar,
Folasade, Yetunde, Ngozi, Adaeze, Chiamaka, Akosua, Ama, Abena, Efua, Wanjiru,
Njeri, Achieng, Meseret, Zawadi, Amani, Priya, Anjali, Deepika, Lakshmi, Sunita,
Gurpreet, Nusrat, Meenakshi, Kavita, Xiaoling, Mei, Yan, Hui, Lihua, Minji, Jisoo,
Eunji, Soyeon, Nguyet, Huong, Phuong, Lan, Hanh, Yuki, Sakura, Aiko, Emiko, Naoko,
Sora, Maricel, Rowena, Analyn, Marites, Jovelyn, Lorna, Winona, Aiyana, Kiona, Tala,
Dakota, Sigrid, Astrid, Solveig, Ingeborg, Kjersti, Aino, Hope, Joy, Grace, Faith,
Rose, Dawn, Summer, Autumn, April, June, May, Sandy, Pat, Sunny, Honor, Ivy, Holly,
Pearl, Ruby, Jewel, Destiny, Bliss, Zephyrine, Ottoline, Marisol, Philippa,
Henrietta, Imelda, Perpetua, Thomasina, Bronagh, Oona, Eulalia, Clementine, Ludmila
""")

SURNAMES = _w("""
Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor,
Thomas, Moore, Martin, Thompson, Clark, Walker, Hall, Wright, Scott, Adams, Nelson,
Carter, Mitchell, Roberts, Turner, Campbell, Parker, Evans, Edwards, Collins,
Stewart, Morris, Rogers, Reed, Cook, Morgan, Murphy, Bailey, Cooper, Richardson,
Howard, Ward, Peterson, Gray, Whitcombe, Ashworth, Pemberton, Thistlewood,
Haverford, McAllister, MacDonald, O'Shaughnessy, O'Brien, O'Neill, McGillicuddy,
MacLeod, McKenna, O'Sullivan, Fitzgerald, Donnelly, Kavanagh, McCarthy, O'Donoghue,
MacKenzie, Gallagher, Byrne, Quigley, McIntyre, O'Rourke, O'Shaughnessy-Ruiz,
Garcia Lopez, Hernandez Ruiz, Martinez de la Cruz, Ramirez Salazar, de la Fuente,
Gutierrez, Villanueva, Castaneda, Ochoa, Zepeda, Quintanilla, Echeverria, Del Valle,
Santiago, Cordero, Bustamante, Alvarado Reyes, Mejia, Jimenez, Navarro,
Goncalves, Pereira, da Silva, Carvalho, Rodrigues, dos Santos, Figueiredo,
Magalhaes, Azevedo, Teixeira, Sousa, Lefebvre, Dubois, Moreau, Beaulieu, Thibodeaux,
Fontaine, Girard, Leclerc, Rousseau, Dufresne, Boucher, van der Berg, van Houten,
de Vries, van Dijk, ter Horst, von Stein, von Ahlefeldt, Schmidt, Muller, Hoffmann,
Becker, Schneider, Weiss, Zimmermann, Kruger, Van Buskirk, Rossi, Esposito, Bianchi,
Romano, Colombo, Ricci, Di Stefano, Del Vecchio, Ferraro, D'Angelo, Lombardi,
Santoro, Caruso, Giordano, De Luca, DiMaggio, Kowalski, Nowak, Wisniewski, Wojcik,
Kaminska, Lewandowski, Zielinski, Szymanski, Grabowski, Brzezinski, Ivanov,
Smirnova, Kuznetsov, Popova, Volkov, Sokolova, Shevchenko, Kovalenko, Bondarenko,
Tkachenko, Melnyk, Petrenko, Kravchuk, Papadopoulos, Georgiou, Nikolaidis,
Konstantinidis, Alexiou, Karagiannis, Vlachos, Demetriou, Christodoulou, Yilmaz,
Kaya, Demir, Sahin, Celik, Yildiz, Aydin, Ozturk, Arslan, Dogan, al-Hashimi,
Al-Sayed, bin Rashid, Haddad, Khoury, Nasser, Abdullah, El-Amin, Mansour, Saleh,
Hamdan, al-Farsi, Aziz, Hosseini, Tehrani, Ahmadi, Rahimi, Karimi, Farahani, Moradi,
Jafari, Sadeghi, Esfahani, Adeyemi, Okonkwo, Olawale, Adebayo, Nwosu, Eze, Okafor,
Chukwu, Mensah, Asante, Owusu, Boateng, Osei, Appiah, Oyelaran, Obi, Agyeman,
Adjei, Mwangi, Wanjiku, Ochieng, Bekele, Mengistu, Kiprono, Mutua, Patel, Sharma,
Gupta, Reddy, Iyer, Nair, Chatterjee, Banerjee, Singh, Kaur, Krishnamurthy,
Venkataraman, Rao, Desai, Mehta, Khan, Chowdhury, Rahman, Siddiqui, Subramanian,
Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Lin, Guo, Tan,
Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Nguyen, Tran, Le, Pham,
Hoang, Phan, Vu, Dang, Bui, Ngo, Duong, Sato, Suzuki, Takahashi, Tanaka, Watanabe,
Ito, Yamamoto, Nakamura, Kobayashi, Yoshida, Matsumoto, Inoue, Santos, Reyes, Cruz,
Bautista, Ocampo, Dela Cruz, Macapagal, Dimaculangan, Magsaysay, Pangilinan,
Soriano, Begay, Yazzie, Tsosie, Benally, Running Bear, Whitehorse, Two Feathers,
Redcloud, Lonetree, Silversmith, Johansson, Andersson, Lindqvist, Nilsson, Eriksson,
Haugen, Halvorsen, Virtanen, Korhonen, Bergstrom, Sigurdsson, Lindgren, Dahl,
Hope, Frost, Bishop, Lane, Hardy, Wolf, Young, Rivers, Joy, Stone, Hill, Brook, Fox,
Price, Banks, Gold, Moon, Snow, Short, Long, Strong, Rich, Swift, Little, Love, Day,
Black, White, Green, Church, Wise, Good, Hunter, Fisher, Mason, Sharp, Blessing,
Cross, Marsh, Bird, Hadley, Quennell, Ozanne, Thwaite, Vexley, Pellowe, Ormsby-Gore,
Featherstonehaugh, Uzoigwe, Tshabalala, Xiong, Vang, Nakashima-Brandt
""")

SYL_A = _w("ka, vel, dor, mi, zan, tor, quel, bri, os, an, ith, ro, sel, mar, ul, "
           "dra, fen, lo, ny, ash, ker, tav, ose, rin, val, jo, pre, wyn, dal, im")
SYL_B = _w("den, ra, lix, mo, vane, tine, rick, sa, lo, dell, ney, nor, quist, "
           "ley, ro, mar, vik, zia, tte, wen, bry, ette, las, pha")

US_CITIES = [
    ("Springfield", "MA"), ("Fall River", "MA"), ("Worcester", "MA"), ("Lowell", "MA"),
    ("Brockton", "MA"), ("Quincy", "MA"), ("Framingham", "MA"), ("Pittsfield", "MA"),
    ("Haverhill", "MA"), ("Taunton", "MA"), ("Chicopee", "MA"), ("Leominster", "MA"),
    ("Attleboro", "MA"), ("Gloucester", "MA"), ("Marblehead", "MA"), ("Nantucket", "MA"),
    ("Burlington", "VT"), ("Montpelier", "VT"), ("Bangor", "ME"), ("Lewiston", "ME"),
    ("Portsmouth", "NH"), ("Nashua", "NH"), ("Concord", "NH"), ("Keene", "NH"),
    ("Providence", "RI"), ("Pawtucket", "RI"), ("Woonsocket", "RI"), ("Hartford", "CT"),
    ("New Haven", "CT"), ("Stamford", "CT"), ("Waterbury", "CT"), ("Albany", "NY"),
    ("Utica", "NY"), ("Syracuse", "NY"), ("Rochester", "NY"), ("Buffalo", "NY"),
    ("Ithaca", "NY"), ("Poughkeepsie", "NY"), ("Scranton", "PA"), ("Allentown", "PA"),
    ("Erie", "PA"), ("Altoona", "PA"), ("Harrisburg", "PA"), ("Camden", "NJ"),
    ("Trenton", "NJ"), ("Paterson", "NJ"), ("Hoboken", "NJ"), ("Wilmington", "DE"),
    ("Dover", "DE"), ("Baltimore", "MD"), ("Hagerstown", "MD"), ("Roanoke", "VA"),
    ("Norfolk", "VA"), ("Lynchburg", "VA"), ("Asheville", "NC"), ("Durham", "NC"),
    ("Greenville", "SC"), ("Savannah", "GA"), ("Macon", "GA"), ("Tallahassee", "FL"),
    ("Gainesville", "FL"), ("Pensacola", "FL"), ("Mobile", "AL"), ("Tuscaloosa", "AL"),
    ("Biloxi", "MS"), ("Shreveport", "LA"), ("Lafayette", "LA"), ("Baton Rouge", "LA"),
    ("Memphis", "TN"), ("Knoxville", "TN"), ("Chattanooga", "TN"), ("Lexington", "KY"),
    ("Bowling Green", "KY"), ("Dayton", "OH"), ("Toledo", "OH"), ("Akron", "OH"),
    ("Youngstown", "OH"), ("Kalamazoo", "MI"), ("Flint", "MI"), ("Saginaw", "MI"),
    ("Gary", "IN"), ("Muncie", "IN"), ("Peoria", "IL"), ("Rockford", "IL"),
    ("Champaign", "IL"), ("Davenport", "IA"), ("Dubuque", "IA"), ("Cedar Rapids", "IA"),
    ("Duluth", "MN"), ("Fargo", "ND"), ("Bismarck", "ND"), ("Sioux Falls", "SD"),
    ("Rapid City", "SD"), ("Omaha", "NE"), ("Lincoln", "NE"), ("Topeka", "KS"),
    ("Wichita", "KS"), ("Tulsa", "OK"), ("Amarillo", "TX"), ("Lubbock", "TX"),
    ("El Paso", "TX"), ("Laredo", "TX"), ("Waco", "TX"), ("Tucson", "AZ"),
    ("Flagstaff", "AZ"), ("Albuquerque", "NM"), ("Santa Fe", "NM"), ("Las Cruces", "NM"),
    ("Boise", "ID"), ("Pocatello", "ID"), ("Missoula", "MT"), ("Billings", "MT"),
    ("Cheyenne", "WY"), ("Casper", "WY"), ("Provo", "UT"), ("Ogden", "UT"),
    ("Reno", "NV"), ("Fresno", "CA"), ("Modesto", "CA"), ("Bakersfield", "CA"),
    ("Eureka", "CA"), ("Redding", "CA"), ("Salem", "OR"), ("Eugene", "OR"),
    ("Medford", "OR"), ("Spokane", "WA"), ("Yakima", "WA"), ("Tacoma", "WA"),
    ("Bellingham", "WA"), ("Anchorage", "AK"), ("Fairbanks", "AK"), ("Juneau", "AK"),
    ("Hilo", "HI"), ("Kailua", "HI"), ("Chinle", "AZ"), ("Window Rock", "AZ"),
]

INVENTED_TOWNS = _w("""
Marrowby, East Tilbury Falls, Quarry Hollow, North Adley, Pennock, Bramblewood,
Coldwater Junction, Fennimore Crossing, Lake Ossipaw, West Harrowgate, Stillbrook,
Kettering Mills, Ashgrove, Winslow Heights, Cedar Bluff, Port Averill, Millbridge,
Oakhaven, Dunmore Flats, Greyhaven, South Eldon, Halcyon Springs, Tarrant Ferry,
Birchfield, Wrenfield, Marston Gap, Lyndale, Corwin, New Bristow, Owlhead,
Sagamore Point, Thornbury, Upper Kessick, Vantwood, Yarrowby, Zellerton
""")

TOWN_PRE = _w("Ash, Elm, Brook, Stone, Fair, Glen, Oak, Mill, Red, West, North, "
              "Bright, Clear, Wolf, Hazel, Kings, Pine, Lang, Whit, Dun")
TOWN_SUF = _w("ford, field, ton, bury, ville, dale, haven, wick, mouth, ridge, "
              "port, stead, worth, by, hurst, moor")

FOREIGN_CITIES = [
    ("Guadalajara", "Mexico"), ("Puebla", "Mexico"), ("San Salvador", "El Salvador"),
    ("Tegucigalpa", "Honduras"), ("Quetzaltenango", "Guatemala"), ("Medellin", "Colombia"),
    ("Cali", "Colombia"), ("Arequipa", "Peru"), ("Cusco", "Peru"), ("Porto", "Portugal"),
    ("Coimbra", "Portugal"), ("Braga", "Portugal"), ("Praia", "Cape Verde"),
    ("Lyon", "France"), ("Marseille", "France"), ("Lille", "France"),
    ("Utrecht", "the Netherlands"), ("Groningen", "the Netherlands"),
    ("Stuttgart", "Germany"), ("Leipzig", "Germany"), ("Bremen", "Germany"),
    ("Naples", "Italy"), ("Palermo", "Italy"), ("Bari", "Italy"), ("Krakow", "Poland"),
    ("Gdansk", "Poland"), ("Poznan", "Poland"), ("Lviv", "Ukraine"), ("Kharkiv", "Ukraine"),
    ("Odesa", "Ukraine"), ("Dnipro", "Ukraine"), ("Novosibirsk", "Russia"),
    ("Kazan", "Russia"), ("Thessaloniki", "Greece"), ("Patras", "Greece"),
    ("Izmir", "Turkey"), ("Bursa", "Turkey"), ("Konya", "Turkey"), ("Beirut", "Lebanon"),
    ("Amman", "Jordan"), ("Aleppo", "Syria"), ("Mosul", "Iraq"), ("Tabriz", "Iran"),
    ("Shiraz", "Iran"), ("Mashhad", "Iran"), ("Lagos", "Nigeria"), ("Ibadan", "Nigeria"),
    ("Enugu", "Nigeria"), ("Kumasi", "Ghana"), ("Accra", "Ghana"), ("Nairobi", "Kenya"),
    ("Kisumu", "Kenya"), ("Addis Ababa", "Ethiopia"), ("Mombasa", "Kenya"),
    ("Asmara", "Eritrea"), ("Mogadishu", "Somalia"), ("Pune", "India"),
    ("Chennai", "India"), ("Hyderabad", "India"), ("Lucknow", "India"),
    ("Dhaka", "Bangladesh"), ("Karachi", "Pakistan"), ("Lahore", "Pakistan"),
    ("Chengdu", "China"), ("Wuhan", "China"), ("Busan", "South Korea"),
    ("Daegu", "South Korea"), ("Hue", "Vietnam"), ("Da Nang", "Vietnam"),
    ("Osaka", "Japan"), ("Sapporo", "Japan"), ("Cebu", "the Philippines"),
    ("Davao", "the Philippines"), ("Iloilo", "the Philippines"), ("Bergen", "Norway"),
    ("Uppsala", "Sweden"), ("Tampere", "Finland"), ("Aarhus", "Denmark"),
    ("Reykjavik", "Iceland"), ("Galway", "Ireland"), ("Cork", "Ireland"),
    ("Inverness", "Scotland"), ("Aberdeen", "Scotland"), ("Kingston", "Jamaica"),
    ("Port-au-Prince", "Haiti"), ("Santo Domingo", "the Dominican Republic"),
    ("Phnom Penh", "Cambodia"), ("Kathmandu", "Nepal"), ("Sao Paulo", "Brazil"),
    ("Recife", "Brazil"), ("Port of Spain", "Trinidad"),
]
COUNTRIES = sorted(set(c for _, c in FOREIGN_CITIES)) + ["Guatemala", "Honduras",
    "Costa Rica", "Puerto Rico", "Morocco", "Egypt", "Sudan", "Uganda", "Tanzania",
    "Sri Lanka", "Thailand", "Laos", "Mongolia", "Albania", "Bosnia", "Armenia"]

STATES_FULL = {"MA": "Massachusetts", "VT": "Vermont", "ME": "Maine",
    "NH": "New Hampshire", "RI": "Rhode Island", "CT": "Connecticut", "NY": "New York",
    "PA": "Pennsylvania", "NJ": "New Jersey", "DE": "Delaware", "MD": "Maryland",
    "VA": "Virginia", "NC": "North Carolina", "SC": "South Carolina", "GA": "Georgia",
    "FL": "Florida", "AL": "Alabama", "MS": "Mississippi", "LA": "Louisiana",
    "TN": "Tennessee", "KY": "Kentucky", "OH": "Ohio", "MI": "Michigan", "IN": "Indiana",
    "IL": "Illinois", "IA": "Iowa", "MN": "Minnesota", "ND": "North Dakota",
    "SD": "South Dakota", "NE": "Nebraska", "KS": "Kansas", "OK": "Oklahoma",
    "TX": "Texas", "AZ": "Arizona", "NM": "New Mexico", "ID": "Idaho", "MT": "Montana",
    "WY": "Wyoming", "UT": "Utah", "NV": "Nevada", "CA": "California", "OR": "Oregon",
    "WA": "Washington", "AK": "Alaska", "HI": "Hawaii"}

STREET_NAMES = _w("""
Main, Elm, Oak, Maple, Cedar, Pine, Washington, Highland, Prospect, Pleasant,
Summer, Winter, Water, Mill, Church, School, Union, Chestnut, Walnut, Beacon,
Commonwealth, Tremont, Huntington, Harvard, Boylston, Dorchester, Blue Hill, Centre,
Pearl, Wachusett, Quarry, Orchard, Ridge, Meadowbrook, Sycamore, Juniper, Laurel,
Hawthorne, Birch, Willow, Fairmount, Lakeview, Riverside, Sunset, Hillcrest,
Forest, Spring, Locust, Spruce, Magnolia, Dogwood, Old Colony, Kingsbury, Albemarle,
Fennel, Tamarack, Pickering, Cobb, Larkspur, Quinobequin, Nonantum, Wabash,
Alder Creek, Martin Luther King Jr, Cesar Chavez, Veterans Memorial, Founders
""")
STREET_SUF = _w("St, Street, Ave, Avenue, Rd, Road, Blvd, Ln, Lane, Dr, Drive, Ct, Way, "
                "Terrace, Pl, Circle, Pkwy, Hwy, Sq")
NEIGHBORHOODS = _w("""
Jamaica Plain, Dorchester, Roxbury, Allston, Back Bay, Mattapan, Hyde Park,
East Boston, Fields Corner, Codman Square, Dudley Square, Brightside, Riverbend,
Old Mill, Kensington, Germantown, Little Saigon, Ironbound, the Flats, Southie,
Chinatown, Fishtown, Over-the-Rhine, Little Haiti, Eastgate, Harrow Hill
""")
BUILDINGS = _w("""
Haverly, Corrigan, Whitfield, Stanhope, Marchetti, Dunleavy, Ellison, Baker,
Tessaro, Lowther, Ransome, Abernathy, Quimby, Yardley, Okafor, Brannock, Castellan
""")

FAC_PRE = _w("""
Hollis Valley, St. Brigid's, Maple Crest, Riverside, North Shore, Mercy Ridge,
Bayview, Cedar Hill, Sacred Heart, Pine Hollow, Greystone, Lakeshore, Wachusett
Valley, Blue Hills, St. Casimir's, Our Lady of Lourdes, Good Samaritan, Harbor Point,
Beth Shalom, Twin Rivers, Stonegate, Briarwood, Ashby, Kingsbridge, Seven Oaks,
Whitestone, Meadowlark, Fairhaven, Clearwater, Pleasant View, Golden Pond, Heritage
Hills, Mount Carmel, Sunnybrook, Westfield, Eastbrook, Copper Beech, Linden Grove,
St. Jude's, Holy Cross, Mount Moriah, Cape Ann, Merrimack Valley, Pioneer Valley,
Three Rivers, Evergreen, Bridgewater, Oak Knoll, Marlow, Everton, Tamarack Falls
""")
FAC_TYPE = _w("""
Hospital, Medical Center, Clinic, Nursing Home, Rehab, Rehabilitation Hospital,
House, Manor, Villa, Lodge, Hospice, Health, Health System, Care Center, Associates,
Imaging, Cancer Center, Cardiology Associates, Oncology Associates, Pulmonary
Associates, Sleep Center, Radiology, Community Health Center, Family Practice,
Internal Medicine, Heart Institute, Assisted Living, Regional Medical Center,
Hematology Oncology, Vein and Vascular, Diagnostic Imaging, Skilled Nursing Facility,
Heart and Vascular, Chest Medicine
""")
ORG_TYPE = _w("""
Marine Works, Manufacturing, Logistics, Construction, Elementary School, High School,
Community College, University, Parish, Baptist Church, Credit Union, Bakery, Transit
Authority, Paper Mill, Foundry, Shipyard, Textiles, Auto Body, Insurance, Trucking,
Tool and Die, Dairy, Seafood, Electric, Printing, Academy, Middle School,
Methodist Church, Mosque, Temple, Savings Bank
""")
ORG_FIXED = _w("""
Kessler Marine Works, Lincoln Elementary, Raytheon-Davis Systems, Pilgrim Cordage,
Northeast Regional Transit, Bellweather Foods, Granite State Insurance, Ocean Spray
Packing, Ironbridge Steel, Bluewater Fisheries, Tri-County Sheriff's Office,
Sunrise Daycare, Holy Trinity Greek Orthodox Church, Masjid al-Noor,
Congregation Beth Israel, Redwood Software, Acme Plastics
""")
JOBS = _w("welder, machinist, teacher, bus driver, nurse's aide, electrician, "
          "longshoreman, accountant, line cook, custodian, pastor, firefighter, "
          "paralegal, carpenter, librarian, engineer, truck driver, cashier")

KIN = [("wife", "F"), ("husband", "M"), ("daughter", "F"), ("son", "M"),
       ("sister", "F"), ("brother", "M"), ("niece", "F"), ("nephew", "M"),
       ("partner", None), ("granddaughter", "F"), ("grandson", "M"),
       ("daughter-in-law", "F"), ("son-in-law", "M"), ("friend", None)]

EMAIL_DOM = _w("gmail.com, yahoo.com, aol.com, comcast.net, verizon.net, outlook.com, "
               "hotmail.com, icloud.com, protonmail.com, earthlink.net")
HOLIDAYS = _w("Christmas, Thanksgiving, Easter, New Year's, Labor Day, Memorial Day, "
              "the Fourth of July, Ramadan, Lunar New Year, Passover, Diwali")

# ---------------------------------------------------------------------------
# Protected clinical vocabulary
# ---------------------------------------------------------------------------
DRUGS_CARD = _w("""
furosemide, Lasix, torsemide, bumetanide, metoprolol succinate, Toprol XL,
carvedilol, lisinopril, losartan, sacubitril-valsartan, Entresto, spironolactone,
eplerenone, atorvastatin, Lipitor, rosuvastatin, Crestor, aspirin, clopidogrel,
Plavix, ticagrelor, Brilinta, prasugrel, warfarin, Coumadin, apixaban, Eliquis,
rivaroxaban, Xarelto, dabigatran, amiodarone, digoxin, dapagliflozin, Farxiga,
empagliflozin, Jardiance, hydralazine, isosorbide mononitrate, nitroglycerin,
amlodipine, diltiazem, ezetimibe, evolocumab, ranolazine, sotalol, dofetilide
""")
DRUGS_ONC = _w("""
pembrolizumab, Keytruda, nivolumab, Opdivo, carboplatin, cisplatin, pemetrexed,
Alimta, paclitaxel, nab-paclitaxel, docetaxel, osimertinib, Tagrisso, durvalumab,
Imfinzi, etoposide, gemcitabine, oxaliplatin, capecitabine, Xeloda, trastuzumab,
Herceptin, anastrozole, letrozole, tamoxifen, alectinib, lorlatinib, atezolizumab,
bevacizumab, Avastin, irinotecan, leucovorin, fluorouracil, palbociclib, Ibrance
""")
DRUGS_SUPP = _w("""
dexamethasone, ondansetron, Zofran, prochlorperazine, olanzapine, filgrastim,
pegfilgrastim, Neulasta, denosumab, zoledronic acid, oxycodone, morphine,
hydromorphone, gabapentin, lorazepam, prednisone, albuterol, tiotropium, Spiriva,
fluticasone-salmeterol, Advair, budesonide-formoterol, Symbicort, montelukast,
azithromycin, levofloxacin, ceftriaxone, piperacillin-tazobactam, vancomycin,
enoxaparin, Lovenox, heparin, pantoprazole, metformin, insulin glargine,
levothyroxine, modafinil, midazolam, fentanyl, bivalirudin, eptifibatide,
senna, docusate, lidocaine, EMLA cream, magic mouthwash, Ensure
""")
DEVICES = _w("""
PICC, Port-a-Cath, port, AICD, ICD, dual-chamber pacemaker, CRT-D, Impella, IABP,
ETT, NG tube, chest tube, PleurX catheter, tunneled pleural catheter, sternotomy
wires, pacemaker leads, implantable loop recorder, LifeVest, drug-eluting stent,
Watchman device, MitraClip, TAVR valve, LVAD, HeartMate 3, Angio-Seal, TR Band,
6 Fr sheath, pigtail catheter, JL4 catheter, JR4 catheter, Holter monitor, Zio patch,
nasal cannula, oral appliance, IVC filter, Mediport, central line, bronchial stent,
fiducial markers, surgical clips, CPAP mask, full face mask, nasal pillows
""")
EPONYMS = _w("""
Kerley B lines, Swan-Ganz catheter, Foley catheter, Dobhoff tube, Hickman catheter,
Pancoast tumor, Valsalva maneuver, Hampton hump, Westermark sign, Mallampati,
Glasgow Coma Scale, Parkinson disease, Graves disease, Hodgkin lymphoma,
Barrett esophagus, Virchow node, Trousseau syndrome, Horner syndrome,
Lambert-Eaton syndrome, Cushing syndrome, Wenckebach, Mobitz II, Brugada pattern,
Wolff-Parkinson-White, Kussmaul sign, Beck triad, Duke criteria,
Epworth Sleepiness Scale, Cheyne-Stokes respiration, Takotsubo cardiomyopathy,
Dressler syndrome, Allen test, Seldinger technique, Judkins catheter,
Bruce protocol, Simpson biplane, Doppler, modified Bernoulli equation,
Raynaud phenomenon, Whipple procedure, Ivor Lewis esophagectomy, Karnofsky,
Osborn waves, Austin Flint murmur, Quincke pulse, Cheyne-Stokes breathing
""")

CANCERS = [
    "stage IIIA adenocarcinoma of the RUL, EGFR exon 19 deletion",
    "stage IV NSCLC (adenocarcinoma), PD-L1 TPS 80%",
    "extensive-stage small cell lung cancer",
    "stage IIB squamous cell carcinoma of the LLL",
    "ER+/PR+/HER2- invasive ductal carcinoma of the left breast",
    "HER2+ metastatic breast cancer with liver involvement",
    "stage III colon adenocarcinoma s/p right hemicolectomy",
    "metastatic pancreatic adenocarcinoma",
    "limited-stage SCLC",
    "malignant pleural mesothelioma, epithelioid type",
    "ALK-rearranged lung adenocarcinoma",
    "stage IV esophageal adenocarcinoma",
    "diffuse large B-cell lymphoma",
    "classical Hodgkin lymphoma",
]
CARD_DX = [
    "HFrEF (ischemic cardiomyopathy)", "HFpEF", "paroxysmal atrial fibrillation",
    "CAD s/p PCI to the LAD", "severe aortic stenosis", "hypertrophic cardiomyopathy",
    "nonischemic dilated cardiomyopathy", "symptomatic bradycardia s/p pacemaker",
    "persistent AF on anticoagulation", "moderate mitral regurgitation",
    "cardiac amyloidosis (ATTR)", "pulmonary hypertension, WHO group 2",
]
CT_FINDINGS = [
    "Spiculated RUL nodule measures {m1} (previously {m2}).",
    "Mediastinal lymph nodes are not enlarged; subcarinal node {m1} short axis.",
    "Small left pleural effusion, decreased.",
    "Emphysematous changes, centrilobular, upper lobe predominant.",
    "No pulmonary embolism to the segmental level.",
    "Interval decrease in the LLL mass, now {m1} x {m2}.",
    "Ground-glass opacity in the lingula, {m1}, likely post-radiation change.",
    "Scattered coronary artery calcifications. Heart size normal. No pericardial effusion.",
    "No new pulmonary nodules. Stable {m1} nodule in the RML.",
    "Right hilar adenopathy {m1}, increased from {m2}.",
    "Mild degenerative changes of the thoracic spine; T12 compression deformity unchanged.",
    "Sclerotic lesion in the L4 vertebral body, stable.",
    "Healing fracture of the right 6th rib.",
]
CXR_FINDINGS = [
    "Lungs are clear. No pneumothorax.",
    "Cardiomegaly with pulmonary vascular congestion and {eponym}.",
    "Small bilateral pleural effusions, L>R.",
    "{device} tip projects over the cavoatrial junction.",
    "Retrocardiac opacity, atelectasis vs consolidation in the LLL.",
    "Median {device} intact. Cardiomediastinal silhouette stable.",
    "Hyperinflated lungs consistent with COPD.",
    "No focal consolidation. Blunting of the right costophrenic angle.",
    "Cardiothoracic ratio {ratio}.",
    "Old healed fracture of the left 4th rib.",
]

LABS = [("Na", 128, 145, 0, ""), ("K", 3.1, 5.6, 1, ""), ("Cr", 0.6, 2.9, 2, ""),
        ("BUN", 8, 64, 0, ""), ("Hgb", 7.4, 15.8, 1, ""), ("WBC", 1.6, 18.4, 1, ""),
        ("Plt", 42, 430, 0, ""), ("ANC", 0.3, 9.5, 1, ""), ("INR", 0.9, 3.4, 1, ""),
        ("BNP", 35, 2600, 0, ""), ("CEA", 0.8, 48.0, 1, ""), ("LDH", 140, 640, 0, ""),
        ("AST", 12, 150, 0, ""), ("ALT", 9, 160, 0, ""), ("Alk phos", 40, 420, 0, ""),
        ("T bili", 0.2, 3.2, 1, ""), ("Albumin", 2.3, 4.7, 1, ""), ("Mg", 1.3, 2.6, 1, ""),
        ("TSH", 0.2, 8.4, 2, ""), ("A1c", 5.1, 10.6, 1, "%"), ("LDL", 38, 196, 0, ""),
        ("Troponin T", 0.01, 0.31, 2, ""), ("Ca", 7.9, 11.2, 1, ""), ("Glucose", 72, 310, 0, "")]

REF = {"Na": "135-145", "K": "3.5-5.1", "Cr": "0.60-1.30", "BUN": "7-20", "Hgb": "12.0-16.0",
       "WBC": "4.0-11.0", "Plt": "150-400", "INR": "0.9-1.1", "Mg": "1.7-2.4", "A1c": "<5.7%"}

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "one hundred"]


def num_words(n, hyphen=True):
    if n < 20:
        return ONES[n]
    if n >= 100:
        r = n - 100
        return "one hundred" + ("" if r == 0 else " and " + num_words(r, hyphen))
    t, o = divmod(n, 10)
    if o == 0:
        return TENS[t]
    return TENS[t] + ("-" if hyphen else " ") + ONES[o]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"

# ---------------------------------------------------------------------------
# Document builder with exact offsets
# ---------------------------------------------------------------------------

class P:
    """A PHI value."""
    __slots__ = ("s", "lab")

    def __init__(self, s, lab):
        self.s, self.lab = s, lab


class K:
    """A protected clinical value."""
    __slots__ = ("s", "kind")

    def __init__(self, s, kind):
        self.s, self.kind = s, kind


class Doc:
    def __init__(self, rng, case="mixed", noise=0.0):
        self.rng, self.case, self.noise = rng, case, noise
        self.buf, self.n, self.phi, self.prot = [], 0, [], []

    def _c(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        return s

    def _noisy(self, s):
        r = self.rng
        if (self.noise <= 0 or len(s) < 25 or s.isupper() or ". " not in s + " "
                or r.random() > self.noise):
            return s
        op = r.random()
        sp = [i for i, ch in enumerate(s) if ch == " " and 0 < i < len(s) - 1
              and s[i - 1] not in " \n" and s[i + 1] not in " \n"]
        if op < 0.45 and sp:
            i = r.choice(sp)
            return s[:i] + "  " + s[i + 1:]
        if op < 0.75 and sp:
            i = r.choice(sp)
            return s[:i] + "\n" + s[i + 1:]
        # typo: swap two adjacent lower-case letters inside a longer word
        cand = [i for i in range(1, len(s) - 2) if s[i:i + 2].isalpha()
                and s[i:i + 2].islower() and s[i - 1].isalpha() and s[i + 2].isalpha()]
        if cand:
            i = r.choice(cand)
            return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        return s

    def _put(self, s):
        self.buf.append(s)
        self.n += len(s)

    def add(self, *items):
        for it in items:
            if it is None:
                continue
            if isinstance(it, str):
                if it:
                    self._put(self._c(self._noisy(it)))
            elif isinstance(it, P):
                s = self._c(it.s)
                self.phi.append((self.n, self.n + len(s), it.lab))
                self._put(s)
            elif isinstance(it, K):
                s = self._c(it.s)
                self.prot.append((self.n, self.n + len(s), it.kind))
                self._put(s)
            elif isinstance(it, (list, tuple)):
                self.add(*it)
            else:
                raise TypeError(repr(it))

    def f(self, template, **kw):
        """Template with {field} slots; fields are str / P / K / lists."""
        parts = template.split("{")
        self.add(parts[0])
        for part in parts[1:]:
            key, _, rest = part.partition("}")
            self.add(kw[key])
            self.add(rest)

    def last(self):
        return self.buf[-1].lower() if self.buf else ""

    def text(self):
        return "".join(self.buf)


# ---------------------------------------------------------------------------
# Surrogate generators
# ---------------------------------------------------------------------------

class Person:
    def __init__(self, first, middle, last, sex):
        self.first, self.middle, self.last, self.sex = first, middle, last, sex
        self.role = None
        self.cred = ""


def invented_name(r):
    s = r.choice(SYL_A) + r.choice(SYL_B)
    if r.random() < 0.3:
        s += r.choice(SYL_B)
    return s.capitalize()


def new_person(r, sex=None):
    if sex is None:
        sex = r.choice("MF")
    pool = GIVEN_M if sex == "M" else GIVEN_F
    first = invented_name(r) if r.random() < 0.06 else r.choice(pool)
    u = r.random()
    if u < 0.06:
        last = invented_name(r)
    elif u < 0.11:
        a, b = r.sample(SURNAMES, 2)
        last = (a + "-" + b) if " " not in a + b else a
    else:
        last = r.choice(SURNAMES)
    middle = r.choice(GIVEN_M + GIVEN_F) if r.random() < 0.7 else ""
    return Person(first, middle, last, sex)


ROLES = [("Attending", "MD"), ("Fellow", "MD"), ("Resident", "MD"), ("NP", "NP"),
         ("PA", "PA-C"), ("RN", "RN"), ("Nurse Navigator", "BSN, RN"),
         ("Social Worker", "LICSW"), ("Dietitian", "RD, LDN"), ("Pharmacist", "PharmD"),
         ("Genetic Counselor", "CGC"), ("Sonographer", "RDCS"),
         ("Sleep Technologist", "RPSGT"), ("Respiratory Therapist", "RRT"),
         ("Cath Lab Tech", "RCIS"), ("Financial Counselor", ""), ("Chaplain", "MDiv")]


def md(r):
    return new_staff(r, "Attending", r.choice(["MD", "MD", "MD", "DO", "MD, PhD"]))


def new_staff(r, role=None, cred=None):
    p = new_person(r)
    if role is None:
        role, cred = r.choice(ROLES)
    p.role = role
    p.cred = cred if cred is not None else "MD"
    return p


def street_addr(r):
    num = str(r.randint(2, 9899))
    if r.random() < 0.1:
        num = str(r.randint(1, 99)) + r.choice(["A", "B", "-1/2"]).replace("-1/2", "")
    st = r.choice(STREET_NAMES) + " " + r.choice(STREET_SUF)
    unit = None
    if r.random() < 0.35:
        unit = (r.choice(["Apt ", "Apt. ", "Unit ", "#", "Suite "]),
                r.choice([str(r.randint(1, 40)), str(r.randint(1, 9)) + r.choice("ABCDEF"),
                          str(r.randint(101, 912))]))
    return num, st, unit


def us_city(r):
    u = r.random()
    if u < 0.7:
        return r.choice(US_CITIES)
    st = r.choice(list(STATES_FULL))
    if u < 0.85:
        return r.choice(INVENTED_TOWNS), st
    return r.choice(TOWN_PRE) + r.choice(TOWN_SUF), st


def zipcode(r):
    z = f"{r.randint(1001, 99950):05d}"
    if r.random() < 0.15:
        z += f"-{r.randint(0, 9999):04d}"
    return z


def facility(r, kinds=None):
    pre = r.choice(FAC_PRE)
    if r.random() < 0.25:
        pre = r.choice([c for c, _ in US_CITIES] + INVENTED_TOWNS)
    if r.random() < 0.12:
        return pre
    t = r.choice(kinds) if kinds else r.choice(FAC_TYPE)
    if r.random() < 0.1:
        return f"{r.choice(SURNAMES)} {t}" if " " not in t else f"{pre} {t}"
    return f"{pre} {t}"


def organization(r):
    if r.random() < 0.3:
        return r.choice(ORG_FIXED)
    base = r.choice(SURNAMES + [c for c, _ in US_CITIES[:60]] + INVENTED_TOWNS)
    t = r.choice(ORG_TYPE)
    if t in ("Parish", "Baptist Church", "Methodist Church") and r.random() < 0.5:
        base = "St. " + r.choice(GIVEN_M + GIVEN_F)
    return f"{base} {t}"


def phone_num(r):
    a = r.choice([617, 508, 781, 978, 413, 603, 401, 860, 212, 315, 267, 410, 919, 404,
                  312, 713, 602, 206, 503, 808, 907, 802, 207, 516, 929])
    if r.random() < 0.3:
        a = r.randint(201, 989)
    e = 555 if r.random() < 0.35 else r.randint(201, 989)
    return a, e, r.randint(0, 9999)


def phone(r, form=None):
    """Return item list: optional cue text + PHONE span."""
    a, e, n = phone_num(r)
    forms = ["paren", "dot", "dash", "dash", "local", "plus1", "x", "ext", "pg",
             "pager#", "beeper", "paren_ext"]
    form = form or r.choice(forms)
    if form == "paren":
        return [P(f"({a}) {e}-{n:04d}", "PHONE")]
    if form == "dot":
        return [P(f"{a}.{e}.{n:04d}", "PHONE")]
    if form == "dash":
        return [P(f"{a}-{e}-{n:04d}", "PHONE")]
    if form == "local":
        return [P(f"{e}-{n:04d}", "PHONE")]
    if form == "plus1":
        return [P(f"+1 {a} {e} {n:04d}", "PHONE")]
    if form == "x":
        return ["x", P(f"{r.randint(2, 9)}-{r.randint(0, 9999):04d}", "PHONE")]
    if form == "ext":
        return [r.choice(["ext. ", "ext ", "Ext. "]), P(str(r.randint(10000, 59999)), "PHONE")]
    if form == "pg":
        return [r.choice(["pg ", "pgr ", "p"]), P(str(r.randint(10000, 49999)), "PHONE")]
    if form == "pager#":
        return ["pager #", P(str(r.randint(1000, 9999)), "PHONE")]
    if form == "beeper":
        return ["beeper ", P(f"{r.randint(1, 9)}-{r.randint(1000, 9999)}", "PHONE")]
    # paren_ext
    return [P(f"({a}) {e}-{n:04d}", "PHONE"), " ext. ", P(str(r.randint(100, 9999)), "PHONE")]


def id_value(r, kind):
    d = lambda k: "".join(str(r.randint(0, 9)) for _ in range(k))
    if kind == "mrn":
        return r.choice([d(7), "00" + d(6), "E" + d(7), "MR" + d(6), f"{d(3)}-{d(2)}-{d(2)}", d(8)])
    if kind == "csn":
        return r.choice([d(10), d(9), "1" + d(9)])
    if kind == "acc":
        return r.choice(["CT" + d(2) + "-" + d(6), d(8), "RAD" + d(7), "E" + d(8),
                         "XR-" + d(7), "ECHO" + d(6), "A" + d(9)])
    if kind == "ssn":
        return f"{r.randint(100, 665)}-{d(2)}-{d(4)}"
    if kind == "ins":
        return r.choice(["XJH" + d(9), "W" + d(9) + "01", "ZGP" + d(8), "MA" + d(10),
                         d(3) + "A" + d(6)])
    if kind == "npi":
        return "1" + d(9)
    if kind == "serial":
        return r.choice(["PJN" + d(6) + "S", "RNB" + d(6), "SN" + d(8), d(3) + "-" + d(5) + "-" + d(2)])
    if kind == "nhs":
        return f"{d(3)} {d(3)} {d(4)}"
    if kind == "order":
        return r.choice(["ORD-" + d(8), d(9), "LAB" + d(7)])
    if kind == "path":
        return r.choice(["S" + d(2) + "-" + d(5), "SP-" + d(2) + "-" + d(6), "NS" + d(2) + "-" + d(4)])
    if kind == "account":
        return d(10)
    if kind == "license":
        return r.choice(["MA" + d(6), d(6), "RX" + d(7)])
    return d(8)


def email_for(r, p):
    f, l = p.first.lower(), p.last.lower().replace(" ", "").replace("'", "")
    user = r.choice([f"{f}.{l}", f"{f[0]}{l}", f"{l}{f[0]}{r.randint(1, 99)}",
                     f"{f}{r.randint(40, 99)}", f"{f}_{l[:4]}"])
    return f"{user}@{r.choice(EMAIL_DOM)}"


def username_for(r, p):
    f, l = p.first.lower(), p.last.lower().replace(" ", "").replace("'", "")
    return r.choice([f"{f[0]}{l}{r.randint(1, 99)}", f"{f}{l[:3]}", f"{l}.{f[0]}"])


def fdate(d, style):
    m, dd, y = d.month, d.day, d.year
    return {
        "mdY": f"{m:02d}/{dd:02d}/{y}",
        "mdY_nz": f"{m}/{dd}/{y}",
        "mdy_dash": f"{m}-{dd}-{y % 100:02d}",
        "iso": f"{y}-{m:02d}-{dd:02d}",
        "dmY_dot": f"{dd:02d}.{m:02d}.{y}",
        "long": f"{MONTHS[m - 1]} {dd}, {y}",
        "dMonY": f"{dd} {MON3[m - 1]} {y}",
        "MonDY": f"{MON3[m - 1]} {dd}, {y}",
        "DMONY": f"{dd:02d}-{MON3[m - 1].upper()}-{y}",
        "wk_long": f"{WEEKDAYS[d.weekday()]}, {MONTHS[m - 1]} {dd}, {y}",
        "mdy2": f"{m}/{dd}/{y % 100:02d}",
        "Mon_dth": f"{MON3[m - 1]} {ordinal(dd)}",
        "md": f"{m}/{dd}",
        "my": f"{m}/{y % 100:02d}",
        "Month_Y": f"{MONTHS[m - 1]} {y}",
        "Mon-yy": f"{MON3[m - 1]}-{y % 100:02d}",
        "Y": str(y),
        "yy": f"'{y % 100:02d}",
        "ord": ordinal(dd),
    }[style]


FULL_DATE_STYLES = ["mdY", "mdY", "mdY", "mdY_nz", "mdY_nz", "mdy_dash", "iso",
                    "dmY_dot", "long", "dMonY", "MonDY", "DMONY", "mdy2"]


# ---------------------------------------------------------------------------
# Protected-value helpers
# ---------------------------------------------------------------------------

def fnum(r, lo, hi, dec):
    v = r.uniform(lo, hi)
    return f"{v:.{dec}f}" if dec else str(int(round(v)))


def meas(r, unit=None):
    unit = unit or r.choice(["cm", "mm", "mm", "cm", "mL", "mg", "kg"])
    if unit == "cm":
        return K(f"{fnum(r, 0.6, 7.5, 1)} cm", "MEASUREMENT")
    if unit == "mm":
        return K(f"{r.randint(3, 28)} mm", "MEASUREMENT")
    if unit == "mL":
        return K(f"{r.choice([50, 150, 250, 450, 600, 900, 1200])} mL", "MEASUREMENT")
    if unit == "mg":
        return K(f"{r.choice([2.5, 5, 10, 12.5, 20, 25, 40, 50, 80, 100, 200, 500])} mg".replace(".0 ", " "), "MEASUREMENT")
    return K(f"{fnum(r, 48, 118, 1)} kg", "MEASUREMENT")


def bp(r):
    sy = r.randint(96, 168)
    return f"{sy}/{min(r.randint(52, 98), sy - 25)}"


def vital_items(r, sep=" | "):
    t = r.choice([f"T {fnum(r, 36.1, 38.4, 1)}", f"Temp {fnum(r, 97.0, 100.9, 1)} F",
                  f"T {fnum(r, 36.1, 37.9, 1)} C"])
    items = [K("BP " + bp(r), "VITAL"), sep,
             K(r.choice(["HR ", "P ", "Pulse "]) + str(r.randint(52, 118)), "VITAL"), sep,
             K("RR " + str(r.randint(12, 24)), "VITAL"), sep, K(t, "VITAL"), sep,
             K(f"SpO2 {r.randint(88, 100)}% " + r.choice(["on RA", "RA", "on 2 L NC", "on 3L"]), "VITAL")]
    if r.random() < 0.7:
        items += [sep, "Wt ", meas(r, "kg")]
    if r.random() < 0.4:
        items += [sep, K(f"BMI {fnum(r, 18.5, 41.0, 1)}", "VITAL")]
    return items


def lab_pair(r, lab=None):
    name, lo, hi, dec, unit = lab or r.choice(LABS)
    return name, fnum(r, lo, hi, dec) + unit


DOSES = {}
for _names, _doses in [
        ("furosemide Lasix", "20 mg|40 mg|80 mg"), ("torsemide", "10 mg|20 mg|40 mg"),
        ("bumetanide", "1 mg|2 mg"), ("metoprolol_succinate Toprol_XL", "25 mg|50 mg|100 mg"),
        ("carvedilol", "3.125 mg|6.25 mg|12.5 mg|25 mg"), ("lisinopril", "5 mg|10 mg|20 mg"),
        ("losartan", "25 mg|50 mg|100 mg"), ("sacubitril-valsartan Entresto", "24/26 mg|49/51 mg|97/103 mg"),
        ("spironolactone eplerenone", "12.5 mg|25 mg"), ("atorvastatin Lipitor", "40 mg|80 mg"),
        ("rosuvastatin Crestor", "10 mg|20 mg|40 mg"), ("aspirin", "81 mg|325 mg"),
        ("clopidogrel Plavix", "75 mg"), ("ticagrelor Brilinta", "90 mg"), ("prasugrel", "10 mg"),
        ("warfarin Coumadin", "2.5 mg|5 mg|7.5 mg"), ("apixaban Eliquis", "2.5 mg|5 mg"),
        ("rivaroxaban Xarelto", "15 mg|20 mg"), ("dabigatran", "150 mg"), ("amiodarone", "200 mg|400 mg"),
        ("digoxin", "0.125 mg|0.25 mg"), ("dapagliflozin Farxiga empagliflozin Jardiance ezetimibe", "10 mg"),
        ("hydralazine", "25 mg|50 mg"), ("isosorbide_mononitrate", "30 mg|60 mg"),
        ("nitroglycerin", "0.4 mg"), ("amlodipine", "5 mg|10 mg"), ("diltiazem", "120 mg|240 mg"),
        ("evolocumab", "140 mg"), ("ranolazine", "500 mg"), ("sotalol", "80 mg"),
        ("dofetilide", "250 mcg|500 mcg"), ("dexamethasone", "4 mg|8 mg"), ("ondansetron Zofran", "4 mg|8 mg"),
        ("prochlorperazine", "10 mg"), ("olanzapine", "2.5 mg|5 mg"), ("oxycodone", "5 mg|10 mg"),
        ("morphine", "15 mg|30 mg"), ("hydromorphone", "2 mg|4 mg"), ("gabapentin", "100 mg|300 mg"),
        ("lorazepam", "0.5 mg|1 mg"), ("prednisone", "10 mg|20 mg|40 mg"), ("montelukast", "10 mg"),
        ("azithromycin", "250 mg|500 mg"), ("levofloxacin", "750 mg"), ("pantoprazole", "40 mg"),
        ("metformin", "500 mg|1000 mg"), ("levothyroxine", "50 mcg|75 mcg|100 mcg"),
        ("modafinil", "100 mg|200 mg"), ("enoxaparin Lovenox", "40 mg|1 mg/kg"), ("senna", "8.6 mg"),
        ("docusate", "100 mg"), ("albuterol", "2 puffs|2.5 mg"), ("tiotropium Spiriva", "18 mcg|2.5 mcg"),
        ("fluticasone-salmeterol Advair", "250/50 mcg|500/50 mcg"), ("budesonide-formoterol Symbicort", "160/4.5 mcg"),
        ("filgrastim", "480 mcg"), ("pegfilgrastim Neulasta", "6 mg"), ("denosumab", "120 mg"),
        ("zoledronic_acid", "4 mg"), ("insulin_glargine", "12 units|20 units|30 units"),
        ("heparin", "5000 units"), ("vancomycin", "1 g|1.25 g"), ("ceftriaxone", "1 g|2 g"),
        ("piperacillin-tazobactam", "4.5 g"), ("fentanyl", "25 mcg|50 mcg"), ("midazolam", "1 mg|2 mg"),
        ("pembrolizumab Keytruda", "200 mg|400 mg"), ("nivolumab Opdivo", "240 mg|480 mg"),
        ("carboplatin", "AUC 5|AUC 6"), ("cisplatin", "75 mg/m2"), ("pemetrexed Alimta", "500 mg/m2"),
        ("paclitaxel", "175 mg/m2|80 mg/m2"), ("nab-paclitaxel", "100 mg/m2"), ("docetaxel", "75 mg/m2"),
        ("osimertinib Tagrisso", "80 mg"), ("durvalumab Imfinzi", "10 mg/kg|1500 mg"),
        ("etoposide", "100 mg/m2"), ("gemcitabine", "1000 mg/m2"), ("oxaliplatin", "85 mg/m2"),
        ("capecitabine Xeloda", "1000 mg/m2|1500 mg"), ("trastuzumab Herceptin", "6 mg/kg|8 mg/kg"),
        ("anastrozole", "1 mg"), ("letrozole", "2.5 mg"), ("tamoxifen", "20 mg"), ("alectinib", "600 mg"),
        ("lorlatinib", "100 mg"), ("atezolizumab", "1200 mg"), ("bevacizumab Avastin", "15 mg/kg"),
        ("irinotecan", "180 mg/m2"), ("leucovorin", "400 mg/m2"), ("fluorouracil", "400 mg/m2"),
        ("palbociclib Ibrance", "125 mg")]:
    for _n in _names.split():
        DOSES[_n.replace("_", " ")] = _doses.split("|")

FREQ_ONC = ["every 3 weeks", "q21 days", "every 2 weeks", "daily", "D1,8 q21d", "IV q3w"]
FREQ = ["daily", "BID", "PO daily", "q12h", "qHS", "TID", "PRN", "once daily", "twice a day",
        "q6h PRN", "q8h PRN nausea", "every morning"]


def drug_line(r, pool):
    drug = r.choice(pool)
    doses = DOSES.get(drug)
    onc = drug in DRUGS_ONC
    freq = r.choice(FREQ_ONC if onc else FREQ)
    if not doses:
        return [K(drug, "DRUG"), " ", r.choice(["as directed", "topical", "1 bottle daily", "swish and spit"])]
    return [K(drug, "DRUG"), " ", K(r.choice(doses), "MEASUREMENT"), " ", freq]


def dose(r, drug):
    return K(r.choice(DOSES.get(drug, ["10 mg"])), "MEASUREMENT")


# ---------------------------------------------------------------------------
# Per-document context
# ---------------------------------------------------------------------------

SEXWORD = {"M": ["male", "man", "gentleman", "M", "male"],
           "F": ["female", "woman", "lady", "F", "female"]}


class Ctx:
    def __init__(self, r, d):
        self.r, self.d = r, d
        pt = self.pt = new_person(r)
        self.sex = pt.sex
        self.he = "he" if pt.sex == "M" else "she"
        self.his = "his" if pt.sex == "M" else "her"
        self.him = "him" if pt.sex == "M" else "her"
        self.mr = "Mr." if pt.sex == "M" else r.choice(["Ms.", "Mrs.", "Ms."])
        u = r.random()
        age = r.randint(90, 104) if u < 0.17 else r.randint(31, 89)
        self.visit = dt.date(2008, 1, 1) + dt.timedelta(days=r.randint(0, 6200))
        self.dob = self.visit - dt.timedelta(days=int(age * 365.25) + r.randint(1, 360))
        self.age = (self.visit.year - self.dob.year
                    - ((self.visit.month, self.visit.day) < (self.dob.month, self.dob.day)))
        self.ds = r.choice(FULL_DATE_STYLES)
        self.ts = r.choice(["24", "24", "12", "12", "mil"])
        self.mrn = id_value(r, "mrn")
        self.csn = id_value(r, "csn")
        self.att = new_staff(r, "Attending", "MD")
        self.fellow = new_staff(r, "Fellow", "MD")
        self.np = new_staff(r, r.choice(["NP", "PA"]), r.choice(["NP", "PA-C", "ANP-BC"]))
        self.rn = new_staff(r, "RN", r.choice(["RN", "BSN, RN", "RN, OCN"]))
        self.pcp = new_staff(r, "PCP", r.choice(["MD", "MD", "DO", "NP"]))
        self.ref = new_staff(r, "Referring", "MD")
        self.fac = facility(r, ["Cancer Center", "Medical Center", "Hospital",
                                "Heart and Vascular", "Health", "Clinic", "Associates"])
        self.ofac = facility(r, ["Hospital", "Medical Center", "Imaging", "Diagnostic Imaging",
                                 "Radiology", "Regional Medical Center", "Health", "Clinic"])
        self.bldg = (r.choice(BUILDINGS), str(r.randint(2, 12)))
        self.city, self.state = us_city(r)
        self.street = street_addr(r)
        self.zip = zipcode(r)
        rel, ks = r.choice(KIN)
        if rel in ("wife", "husband"):
            ks = "F" if rel == "wife" else "M"
        self.kin_rel = rel
        self.kin = new_person(r, ks)
        self.kin.last = pt.last if r.random() < 0.6 else self.kin.last
        self.employer = organization(r)
        self.job = r.choice(JOBS)
        self.origin = r.choice(FOREIGN_CITIES)
        self.dx = None
        self.tclock = (r.randint(7, 17), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50, r.randint(0, 59)]))

    # -- dates and times ---------------------------------------------------
    def D(self, date=None, style=None):
        return P(fdate(date or self.visit, style or self.ds), "DATE")

    def before(self, lo, hi):
        return self.visit - dt.timedelta(days=self.r.randint(lo, hi))

    def after(self, lo, hi):
        return self.visit + dt.timedelta(days=self.r.randint(lo, hi))

    def T(self, h=None, m=None, style=None):
        r = self.r
        if h is None:
            h, m = r.randint(6, 19), r.randint(0, 59)
        style = style or self.ts
        if style == "24":
            return [P(f"{h:02d}:{m:02d}", "TIME")]
        if style == "12":
            ap = "AM" if h < 12 else "PM"
            hh = h % 12 or 12
            return [P(f"{hh}:{m:02d} {r.choice([ap, ap, ap.lower()])}", "TIME")]
        if style == "milh":
            return [P(f"{h:02d}{m:02d}", "TIME"), "h"]
        return [P(f"{h:02d}{m:02d}", "TIME")]

    def T2(self, lo=15, hi=420):
        h, m = self.r.randint(6, 14), self.r.randint(0, 59)
        t = h * 60 + m + self.r.randint(lo, hi)
        return self.T(h, m), self.T(t // 60, t % 60)

    def DT(self, date=None, h=None, m=None):
        return [self.D(date), " ", self.T(h, m)]

    # -- names -------------------------------------------------------------
    def N(self, p, form="full", lower=False):
        r = self.r
        mi = (p.middle[:1] if p.middle else "")
        if form == "full":
            s = f"{p.first} {p.last}"
        elif form == "fml":
            s = f"{p.first} {mi}. {p.last}" if mi else f"{p.first} {p.last}"
        elif form == "LF":
            s = f"{p.last}, {p.first}".upper()
        elif form == "LFM":
            s = f"{p.last}, {p.first}" + (f" {mi}" if mi else "")
            if r.random() < 0.5:
                s = s.upper()
        elif form == "last":
            s = p.last
        elif form == "first":
            s = p.first
        elif form == "init":
            parts = [p.first[0]] + ([mi] if mi and r.random() < 0.4 else []) + [p.last[0]]
            s = ".".join(parts) + "." if r.random() < 0.5 else "".join(parts)
            s = s.upper()
        else:
            raise ValueError(form)
        return P(s.lower() if lower else s, "NAME")

    def dr(self, p, lower=None):
        """Doctor reference with title variants."""
        r = self.r
        if lower is None:
            lower = self.d.case == "mixed" and r.random() < 0.08
        v = r.random()
        if lower:
            return [r.choice(["dr ", "dr. "]), self.N(p, "last", True)]
        if v < 0.55:
            return ["Dr. ", self.N(p, "last")]
        if v < 0.7:
            return ["Dr. ", self.N(p, "full")]
        if v < 0.78:
            return ["Dr.", self.N(p, "last")]
        if v < 0.9:
            return [self.N(p, "full"), ", " + (p.cred or "MD")]
        return ["Dr ", self.N(p, "last")]

    def sig(self, p):
        r = self.r
        v = r.random()
        if v < 0.6:
            return [self.N(p, "full"), ", " + (p.cred or "MD")] if p.cred else [self.N(p, "full")]
        if v < 0.8:
            return [self.N(p, "fml"), ", " + (p.cred or "MD")]
        return [self.N(p, "LFM"), " (" + (p.cred or "MD").split(",")[0] + ")"]

    def role_ref(self, p):
        """Surname after a role word: 'RN Okonkwo', 'per Nurse Hadley', 'PA Lindqvist'."""
        r = self.r
        role = {"RN": ["RN", "Nurse", "RN"], "NP": ["NP"], "PA": ["PA"]}.get(p.role, ["RN"])
        return [r.choice(role) + " ", self.N(p, "last")]

    def pt_ref(self):
        r = self.r
        v = r.random()
        if v < 0.35:
            return [self.mr + " ", self.N(self.pt, "last")]
        if v < 0.6:
            return [self.N(self.pt, "full")]
        if v < 0.72:
            return [self.N(self.pt, "fml")]
        if v < 0.82:
            return [self.N(self.pt, "first")]
        return ["the patient"]

    # -- age -----------------------------------------------------------------
    def A(self, words=False):
        a = self.age
        s = num_words(a, self.r.random() < 0.7) if words else str(a)
        return P(s, "AGE") if a >= 90 else s

    def art_age(self):
        items = self.age_phrase()
        first = items[0].s if isinstance(items[0], P) else items[0]
        an = first.lower().startswith(("eight", "eleven")) or (first[:1] == "8") or first[:2] in ("11", "18")
        return ["an " if an else "a ", items]

    def age_phrase(self):
        r, sx = self.r, self.sex
        sw = r.choice(SEXWORD[sx][:3])
        v = r.randint(0, 8)
        if v == 0:
            return [self.A(), " y.o. ", sw]
        if v == 1:
            return [self.A(), "-year-old ", sw]
        if v == 2:
            return [self.A(), " yo ", sx]
        if v == 3:
            return [self.A(), sx]
        if v == 4:
            return [self.A(True), " year old ", sw]
        if v == 5:
            return [self.A(True), "-year-old ", sw]
        if v == 6:
            return [self.A(), " y/o ", sw]
        if v == 7:
            return [self.A(), "yo ", sw]
        dec = f"{(self.age // 10) * 10}s"
        return [r.choice(["man" if sx == "M" else "woman"]), " in ", self.his, " ",
                P(dec, "AGE") if self.age >= 90 else dec]

    # -- places --------------------------------------------------------------
    def addr_items(self, multiline=True, street=None, city=None, state=None, zp=None):
        r = self.r
        num, st, unit = street or self.street
        city = city or self.city
        state = state or self.state
        zp = zp or self.zip
        items = [P(num, "LOCATION"), " ", P(st, "LOCATION")]
        if unit:
            items += [", " if r.random() < 0.6 else " ", unit[0], P(unit[1], "LOCATION")]
        items += ["\n" if multiline else ", ", P(city, "LOCATION"), ", ",
                  P(state if r.random() < 0.85 else STATES_FULL[state], "LOCATION"),
                  " ", P(zp, "LOCATION")]
        return items

    def unit_loc(self):
        r = self.r
        b, n = self.bldg
        v = r.random()
        if v < 0.6:
            return [P(f"{b} {n}", "LOCATION")]
        if v < 0.8:
            return [P(f"{b} Pavilion", "LOCATION"), ", floor " + n]
        return [P(f"{b} House", "LOCATION")]

# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------

DEPTS_ONC = ["Thoracic Oncology", "Hematology/Oncology", "Medical Oncology",
             "Breast Oncology", "GI Oncology", "Lymphoma Program"]
DEPTS_CARD = ["Cardiology", "Heart Failure Clinic", "Electrophysiology",
              "General Cardiology", "Structural Heart Program", "Cardiac Imaging"]


def header(c, title, dept):
    r, d = c.r, c.d
    v = r.choice([0, 1, 2, 3, 4, 4, 4, 5])
    if v == 4:
        d.add(title, r.choice([" - ", "\n"]), dept, "\n")
        d.add(r.choice(["Date of service: ", "Visit date: ", "DOS: "]), c.D(), "\n\n")
        return
    if v == 5:
        d.add(dept, " ", title, "\n", r.choice(["Provider: ", "Seen by: "]), c.dr(c.att), "\n\n")
        return
    if v == 0:
        d.add(title, "\n")
        d.f("Patient: {n}    DOB: {dob}    MRN: {mrn}\n", n=c.N(c.pt, r.choice(["LFM", "LF", "full"])),
            dob=c.D(c.dob), mrn=P(c.mrn, "ID"))
        d.f("CSN: {csn}   Visit date: {vd}\n", csn=P(c.csn, "ID"), vd=c.D())
        if r.random() < 0.8:
            d.f("PCP: {p}\n", p=c.sig(c.pcp) if r.random() < 0.5 else c.dr(c.pcp))
        if r.random() < 0.7:
            d.f("Referring provider: {p}\n", p=c.sig(c.ref))
        d.f("Location: {f} - {dept}", f=P(c.fac, "HOSPITAL"), dept=dept)
        if r.random() < 0.5:
            d.add(" (", c.unit_loc(), ")")
        d.add("\n")
        if r.random() < 0.35:
            extra_id(c)
        d.add("\n")
    elif v == 1:
        d.add(title, "\n")
        d.add("Name | DOB | Age | Sex | MRN\n")
        d.add(c.N(c.pt, "LFM"), " | ", c.D(c.dob), " | ", c.A(), " y.o. | ", c.sex, " | ",
              P(c.mrn, "ID"), "\n")
        d.add("Encounter | Provider | Dept\n")
        d.add(P(c.csn, "ID"), " | ", c.N(c.att, "LFM"), " | ", dept, "\n\n")
    elif v == 2:
        d.f("{t} [{dept}]\n", t=title, dept=dept)
        d.add("{PATIENT NAME}: ", c.N(c.pt, "fml"), "\n")
        d.add("{DOB}: ", c.D(c.dob), "   {AGE}: ", c.A(), " y.o.\n")
        d.add("{MRN}: ", P(c.mrn, "ID"), "   {CSN}: ", P(c.csn, "ID"), "\n")
        d.add("{PCP}: ", c.N(c.pcp, "LFM"), "   {REFERRING}: ", c.N(c.ref, "LFM"), "\n")
        d.add("{DEPT}: ", P(c.fac, "HOSPITAL"), " ", dept, "\n")
        d.add("{Visit type:21332::\"follow-up\"}  {Interpreter needed:YES/NO:***}\n\n")
    else:
        d.add(dept.upper(), " - ", title, "\n")
        d.add("Pt: ", c.N(c.pt, "LF"), " (", c.sex, ") ", " MR#: ", P(c.mrn, "ID"), "\n")
        d.add("D.O.B. ", c.D(c.dob), "  Date of service: ", c.D(), "\n")
        if r.random() < 0.5:
            d.add("Insurance: ", r.choice(["BCBS PPO", "Medicare A/B", "MassHealth", "Aetna HMO",
                                            "Tufts Medicare Preferred", "Humana Gold"]),
                  "  Member ID: ", P(id_value(r, "ins"), "ID"), "\n")
        if r.random() < 0.5:
            extra_id(c)
        d.add("Attending: ", c.dr(c.att), "\n\n")


def extra_id(c):
    r, d = c.r, c.d
    v = r.randint(0, 4)
    if v == 0:
        d.add("SSN: ", P(id_value(r, "ssn"), "ID"), "\n")
    elif v == 1:
        d.add("NHS no.: ", P(id_value(r, "nhs"), "ID"), " (prior care in UK)\n")
    elif v == 2:
        d.add("Health card #: ", P(id_value(r, "nhs").replace(" ", "-") + "-" + r.choice(["AB", "KT", "ZX"]), "ID"), "\n")
    elif v == 3:
        d.add("Acct #: ", P(id_value(r, "account"), "ID"), "   HAR: ", P(id_value(r, "csn"), "ID"), "\n")
    else:
        d.add("Medicare ID: ", P("".join(r.choice("123456789ACDEFGHJKMNPQRTUVWXY") for _ in range(11)), "ID"), "\n")


def social(c):
    r, d = c.r, c.d
    bits = []
    v = r.random()
    if v < 0.1:
        bits.append([r.choice(["Teaches at ", "Volunteers at ", "Attends "]), P(c.employer, "ORGANIZATION"), ". "])
    elif v < 0.3:
        bits.append(["Retired ", c.job, " at ", P(c.employer, "ORGANIZATION"), ". "])
    elif v < 0.55:
        bits.append(["Works as a ", c.job, " for ", P(c.employer, "ORGANIZATION"), ". "])
    elif v < 0.7:
        bits.append(["Former ", c.job, " at ", P(c.employer, "ORGANIZATION"), " (asbestos exposure?). "])
    w = r.random()
    if w < 0.35:
        bits.append(["Lives in ", P(c.city, "LOCATION"), r.choice([", ", " "]),
                     P(c.state if r.random() < 0.7 else STATES_FULL[c.state], "LOCATION"),
                     " with ", c.his, " ", c.kin_rel, " ", c.N(c.kin, "first"),
                     [" since ", c.D(c.before(6000, 18000), r.choice(["yy", "Y"]))] if r.random() < 0.4 else "",
                     ". "])
    elif w < 0.55:
        bits.append(["Lives alone in the ", P(r.choice(NEIGHBORHOODS), "LOCATION"), " neighborhood; ",
                     c.kin_rel, " ", c.N(c.kin, "full"), " checks in daily. "])
    elif w < 0.7:
        bits.append(["Resides at ", P(facility(r, ["Assisted Living", "Manor", "Villa", "Lodge",
                                                    "Nursing Home", "House"]), "HOSPITAL"), ". "])
    x = r.random()
    if x < 0.25:
        bits.append(["Emigrated from ", P(c.origin[1], "LOCATION"), " in ",
                     c.D(c.before(3000, 15000), r.choice(["Y", "Y", "yy"])), ". "])
    elif x < 0.45:
        bits.append(["Recently returned from ", P(r.choice(COUNTRIES), "LOCATION"),
                     " (" + str(r.randint(2, 6)) + " wk trip). "])
    elif x < 0.55:
        bits.append(["Originally from ", P(c.origin[0], "LOCATION"), ", ",
                     P(c.origin[1], "LOCATION"), ". "])
    bits.append([r.choice(["Former smoker, ", "Never smoker. ", "Quit smoking in ",
                           "Current smoker, "])])
    last = bits[-1][0]
    if last == "Quit smoking in ":
        bits[-1] += [c.D(c.before(400, 9000), "Y"), ", ", str(r.randint(10, 60)), " pack-years. "]
    elif last.endswith(", "):
        bits[-1] += [str(r.randint(5, 80)), " pack-years. "]
    if r.random() < 0.3:
        bits.append(["Mother died at ", P(str(r.randint(90, 101)), "AGE") if r.random() < 0.5
                     else str(r.randint(50, 88)), " (", r.choice(["CVA", "MI", "breast ca", "dementia"]),
                     "). "])
    for b in bits:
        d.add(b)


def onc_hpi(c):
    r, d = c.r, c.d
    dx = c.dx = r.choice(CANCERS)
    d.add(r.choice(["HPI:\n", "History of Present Illness\n", "INTERVAL HISTORY\n", "Subjective:\n"]))
    d.add(c.pt_ref(), " is ", c.art_age(), " with ", dx, ", diagnosed ",
          c.D(c.before(200, 2500), r.choice(["Month_Y", "my", "Mon-yy", "mdY"])), ". ")
    d.add("Here for ", r.choice(["C3D1", "C5D1", "cycle 2 day 1", "follow-up", "restaging review",
                                 "toxicity check"]), ". ")
    d.add("\n\nOncologic history:\n")
    n = r.randint(1, 3)
    dates = sorted([c.before(30, 1800) for _ in range(n)])
    for dd in dates:
        ev = r.random()
        d.add(r.choice(["- ", "* ", "  - "]), c.D(dd, r.choice([c.ds, "my", "md", c.ds])), ": ")
        if ev < 0.25:
            d.add("CT chest showed ", meas(r, "cm"), " ", r.choice(["RUL", "LLL", "RML", "LUL"]),
                  " mass; outside films from ", P(c.ofac, "HOSPITAL"), ".\n")
        elif ev < 0.45:
            d.add("EBUS/biopsy (", P(id_value(r, "path"), "ID"), ") at ", P(facility(r), "HOSPITAL"),
                  ": adenocarcinoma, ", K(f"{r.randint(1, 12)}/{r.randint(12, 20)}", "FRACTION"),
                  " nodes positive.\n")
        elif ev < 0.7:
            a, b = r.sample(DRUGS_ONC, 2)
            d.add("started ", K(a, "DRUG"), " + ", K(b, "DRUG"), " q3 weeks; ",
                  r.choice(["tolerated well", "dose reduced for neutropenia",
                            "held x1 for grade 2 pneumonitis"]), ".\n")
        elif ev < 0.85:
            d.add("SBRT ", K(f"{r.choice([48, 50, 54, 60])} Gy", "MEASUREMENT"), " in ",
                  str(r.choice([3, 4, 5, 8])), " fractions with ", c.dr(md(r)), ".\n")
        else:
            d.add(r.choice(["RUL lobectomy", "port placement", "VATS wedge resection"]),
                  " by ", c.dr(md(r)), " at ", P(facility(r, ["Hospital", "Medical Center"]),
                                                        "HOSPITAL"), ".\n")
    d.add("\n")
    s = r.random()
    if s < 0.5:
        d.add("Since last visit ", c.he, " reports ", r.choice([
            "fatigue 4/10 and mild nausea controlled with ",
            "improved appetite, weight stable; uses ",
            "grade 1 neuropathy in the fingertips; takes ",
            "new dyspnea on exertion after 1 flight; using "]),
              K(r.choice(DRUGS_SUPP), "DRUG"), ". ")
    if r.random() < 0.4:
        d.add("Accompanied today by ", c.his, " ", c.kin_rel, " ",
              c.N(c.kin, r.choice(["first", "first", "full"])), ". ")
    if r.random() < 0.3:
        d.add("Missed the visit around ", P(f"{r.choice(HOLIDAYS)} {c.visit.year - 1}", "DATE"),
              " due to travel. ")
    d.add("\n\n")


def card_hpi(c):
    r, d = c.r, c.d
    dx = r.sample(CARD_DX, 2)
    c.dx = dx[0]
    d.add(r.choice(["HPI: ", "History of Present Illness:\n", "Reason for visit: follow-up\n\n"]))
    d.add(c.pt_ref(), " is ", c.art_age(), " with ", dx[0], " and ", dx[1], " ")
    d.add(r.choice(["who returns for routine follow-up. ", "referred by ", "seen today at the request of "]))
    if d.last().endswith(("by ", "of ")):
        d.add(c.dr(c.ref), " of ", P(facility(r, ["Cardiology Associates", "Internal Medicine",
                                                  "Family Practice", "Associates"]), "HOSPITAL"), ". ")
    d.add("Last seen ", c.D(c.before(60, 400), r.choice([c.ds, "md", "Month_Y"])), ". ")
    if r.random() < 0.45:
        d.add("PMH also notable for ", r.choice(["CABG x3", "mitral valve repair", "MI", "DVT/PE"]), " (",
              c.D(c.before(2000, 9000), "Y"), ")", r.choice([" and ", ", "]),
              K(r.choice(["Graves disease", "Parkinson disease", "Raynaud phenomenon", "Barrett esophagus"]), "EPONYM"),
              ". ")
    v = r.random()
    if v < 0.4:
        d.add("Since then, ", r.choice(["NYHA class II symptoms", "2-pillow orthopnea",
                                         "palpitations lasting minutes", "no syncope"]),
              "; weight up ", K(f"{r.randint(2, 6)} lb", "MEASUREMENT"), " after ",
              P(f"{r.choice(HOLIDAYS[:6])} {c.visit.year - (1 if r.random() < 0.5 else 0)}", "DATE")
              if r.random() < 0.5 else "the holidays", ". ")
    else:
        d.add("Has device (", K(r.choice(["AICD", "CRT-D", "dual-chamber pacemaker"]), "DEVICE"), ", serial ",
              P(id_value(r, "serial"), "ID"), ") implanted ", c.D(c.before(400, 4000), r.choice(["Y", "my", c.ds])),
              "; last remote transmission ", c.D(c.before(5, 90), r.choice(["md", c.ds])), " unremarkable")
        if r.random() < 0.35:
            d.add(" (home monitor IP ", P(f"{r.choice([10, 172, 192, 73, 24])}.{r.randint(0, 255)}."
                                          f"{r.randint(0, 255)}.{r.randint(2, 254)}", "CONTACT"), ")")
        d.add(". ")
    if r.random() < 0.5:
        d.add(c.he.capitalize(), " was hospitalized at ", P(c.ofac, "HOSPITAL"), " ",
              r.choice(["in ", "on "]))
        d.add(c.D(c.before(30, 300), "Month_Y" if d.last().endswith("in ") else c.ds),
              " for ADHF, diuresed with IV ", K("furosemide", "DRUG"), ". ")
    if r.random() < 0.4:
        d.add("Discussed with ", c.his, " ", c.kin_rel, " ", c.N(c.kin, "first", lower=r.random() < 0.3),
              " who helps with ", c.his, " pillbox. ")
    d.add("\n\n")


def meds(c, pools):
    r, d = c.r, c.d
    d.add(r.choice(["Current Outpatient Medications:\n", "MEDICATIONS\n", "Meds:\n",
                    "Medication list (reviewed):\n"]))
    pool = sum(pools, [])
    bullet = r.choice(["- ", "* ", "\u2022 ", ""])
    for _ in range(r.randint(3, 6)):
        d.add(bullet, drug_line(r, pool), "\n")
    d.add("\n")


def exam(c, kind="onc"):
    r, d = c.r, c.d
    d.add(r.choice(["Physical Exam\n", "EXAM:\n", "Objective:\n", "PE:\n"]))
    d.add("Vitals: ", vital_items(r, r.choice([" | ", ", ", "  "])), "\n")
    d.add("Gen: ", r.choice(["NAD, ", "well appearing, ", "frail, chronically ill appearing, "]))
    d.add(K(f"ECOG {r.randint(0, 3)}", "FRACTION") if kind == "onc" else
          K(f"GCS {r.choice([15, 15, 14])}", "FRACTION"), "\n")
    d.add("HEENT: ", r.choice(["PERRLA, oropharynx clear", "anicteric, no thrush",
                               "MMM, no mucositis"]), "\n")
    d.add("CV: ", r.choice(["RRR, ", "irregularly irregular, ", "RRR, "]))
    if r.random() < 0.5:
        d.add(K(f"{r.randint(1, 4)}/6", "FRACTION"), " ", r.choice(["systolic murmur at RUSB",
                                                                    "holosystolic murmur at apex"]))
    else:
        d.add("no m/r/g")
    d.add(", JVP ", K(f"{r.randint(6, 14)} cm", "MEASUREMENT"), "\n")
    d.add("Lungs: ", r.choice(["CTAB", "bibasilar crackles", "decreased BS at R base",
                               "scattered wheezes"]), "\n")
    d.add("Ext: ", r.choice(["no edema", "1+ pitting edema to mid-shin", "trace edema"]), "; ",
          r.choice(["right chest ", "left chest ", ""]))
    d.add(K(r.choice(["Port-a-Cath", "PICC", "Mediport", "port"]), "DEVICE") if r.random() < 0.5
          else K(r.choice(["sternotomy wires", "AICD", "pacemaker"]), "DEVICE"), " site c/d/i\n")
    d.add("Neuro: ", K("5/5", "FRACTION"), " strength throughout, ", r.choice(["A&Ox3", "nonfocal"]), "\n")
    if r.random() < 0.3:
        d.add("Airway: ", K("Mallampati", "EPONYM"), " ", r.choice(["II", "III", "IV"]), "\n")
    d.add("\n")


def labs(c, timestamps=True, table=None):
    r, d = c.r, c.d
    chosen = r.sample(LABS, r.randint(4, 8))
    if table is None:
        table = r.random() < 0.6
    if timestamps:
        cd = c.before(0, 3)
        t1, t2 = c.T2()
        d.add(r.choice(["Lab Results", "Recent Labs", "RESULTS"]), " (Collected: ", c.D(cd), " ",
              t1, "; Resulted: ", c.D(cd), " ", t2, ")\n")
        if r.random() < 0.4:
            d.add("Order #", P(id_value(r, "order"), "ID"), "\n")
    else:
        d.add("Labs:\n")
    if table:
        d.add("Component | Value | Ref Range | Flag\n")
        for lab in chosen:
            name, val = lab_pair(r, lab)
            flag = ""
            rng = REF.get(name, "")
            if "-" in rng:
                lo, hi = (float(x) for x in rng.split("-"))
                v = float(val.rstrip("%"))
                flag = "H" if v > hi else ("L" if v < lo else "")
            d.add(name, " | ", K(val, "VITAL"), " | ", rng or "--", " | ", flag, "\n")
    else:
        items = []
        for i, lab in enumerate(chosen):
            name, val = lab_pair(r, lab)
            if i:
                items.append(r.choice([", ", "; ", "  "]))
            items.append(K(f"{name} {val}", "VITAL"))
        d.add(items, "\n")
    d.add("\n")


def ct_result(c, cxr=False, comparison=True, area="onc"):
    r, d = c.r, c.d
    when = c.before(0, 14)
    if cxr:
        exam_name = r.choice(["XR CHEST 2 VIEWS (PA AND LATERAL)", "XR CHEST PORTABLE AP",
                              "CHEST X-RAY PA/LAT"])
    else:
        exam_name = r.choice(["CT CHEST W CONTRAST", "CT CHEST WO CONTRAST",
                              "CT CHEST/ABDOMEN/PELVIS W CONTRAST", "CTA CHEST PE PROTOCOL",
                              "PET/CT SKULL BASE TO MID THIGH"])
    d.add(exam_name, " (Accession ", P(id_value(r, "acc"), "ID"), ")\n")
    t1, t2 = c.T2()
    d.add("Collected: ", c.D(when), " ", t1, "   Resulted: ", c.D(when), " ", t2, "\n")
    d.add("INDICATION: ", r.choice(["lung cancer restaging", "surveillance", "dyspnea", "cough"]
                                    if area == "onc" else ["dyspnea", "CHF exacerbation", "r/o PNA",
                                                           "s/p device placement", "pre-op"]), "\n")
    if comparison:
        v = r.random()
        d.add("COMPARISON: ")
        if v < 0.4:
            d.add(c.D(c.before(90, 700), r.choice([c.ds, "mdY"])), ".\n")
        elif v < 0.7:
            d.add("Outside films from ", P(c.ofac, "HOSPITAL"), " dated ", c.D(c.before(90, 900)), ".\n")
        else:
            d.add("None.\n")
    d.add("FINDINGS:\n")
    pool = CXR_FINDINGS if cxr else CT_FINDINGS
    for f in r.sample(pool, r.randint(2, 4)):
        segs = f.split("{")
        d.add(segs[0])
        for sg in segs[1:]:
            key, _, rest = sg.partition("}")
            if key in ("m1", "m2"):
                d.add(meas(r, r.choice(["cm", "mm"])))
            elif key == "eponym":
                d.add(K("Kerley B lines", "EPONYM"))
            elif key == "device":
                if "Median" in f:
                    d.add(K("sternotomy wires", "DEVICE"))
                else:
                    dv, kd = r.choice([("PICC", "DEVICE"), ("Port-a-Cath", "DEVICE"), ("Right IJ central line", "DEVICE"),
                                       ("Hickman catheter", "EPONYM"), ("Swan-Ganz catheter", "EPONYM")])
                    d.add(K(dv, kd))
            elif key == "ratio":
                d.add(K(f"0.{r.randint(45, 68)}", "FRACTION"))
            d.add(rest)
        d.add("\n")
    d.add("IMPRESSION:\n", r.choice([
        "1. Interval decrease in size of the dominant mass, consistent with treatment response.",
        "1. Stable disease. No new metastatic lesions.",
        "1. Mild pulmonary edema. 2. Small bilateral effusions.",
        "1. No acute cardiopulmonary process.",
        "1. New right pleural effusion, recommend thoracentesis if clinically indicated."]), "\n")
    v = r.random() * (1.0 if c.d.buf[0].startswith(("XR", "CT", "PET", "CHEST")) else 1.6)
    if v < 0.5:
        d.add("Dictated by: ", c.sig(new_staff(r, "Radiologist", "MD")), "  Signed ", c.D(when), " ",
              c.T(), "\n")
    elif v < 0.8:
        d.add("Electronically signed by ", c.N(md(r), "LFM"), " (Radiology) on ", c.D(when),
              " at ", c.T(), "\n")
    else:
        d.add("Read by ", c.dr(md(r)), "\n")
    d.add("\n")


def assessment(c, kind):
    r, d = c.r, c.d
    d.add(r.choice(["Assessment and Plan:\n", "A/P:\n", "IMPRESSION/PLAN\n", "Assessment & Plan\n"]))
    if kind == "onc":
        d.add("1. ", (getattr(c, "dx", None) or r.choice(CANCERS)).split(",")[0], " - ",
              r.choice(["CT today shows partial response per RECIST.",
                        "stable disease on current regimen.",
                        "concern for progression; will present at tumor board."]), " Proceed with ")
        x = r.choice(DRUGS_ONC)
        d.add(K(x, "DRUG"), " ", dose(r, x),
              " today", r.choice([" if ANC > 1.0.", ".", " with dose hold for Plt < 75."]), "\n")
        sym, opts = r.choice([("Nausea: continue ", ["ondansetron", "prochlorperazine", "olanzapine", "Zofran"]),
                               ("Pain: continue ", ["oxycodone", "hydromorphone", "gabapentin", "morphine"]),
                               ("Neutropenia: ", ["filgrastim", "pegfilgrastim", "Neulasta"]),
                               ("Pneumonitis: taper ", ["prednisone", "dexamethasone"])])
        x = r.choice(opts)
        d.add("2. ", sym, K(x, "DRUG"), " ", dose(r, x), ".\n")
        d.add("3. ", r.choice(["VTE: on ", "Bone mets: ", "Access: "]))
        if d.last().startswith("access"):
            d.add(K(r.choice(["Port-a-Cath", "PICC", "Mediport"]), "DEVICE"), " flushed today, good blood return.\n")
        elif d.last().startswith("vte"):
            d.add(K(r.choice(["apixaban", "enoxaparin", "rivaroxaban"]), "DRUG"), " - continue.\n")
        else:
            x = r.choice(["denosumab", "zoledronic acid"])
            d.add(K(x, "DRUG"), " ", dose(r, x), " q4 weeks; check Ca.\n")
    else:
        d.add("1. ", getattr(c, "dx", None) or r.choice(CARD_DX), ": LVEF ", K(f"{r.randint(20, 65)}%", "VITAL"), ". ",
              r.choice(["Continue ", "Uptitrate ", "Start "]), [(K(x, "DRUG"), " ", dose(r, x))
                                                               for x in [r.choice(DRUGS_CARD)]], ". Repeat BMP in ", str(r.randint(1, 3)), " weeks.\n")
        d.add("2. ", r.choice(["AF: ", "CAD: ", "HTN: "]), r.choice(["rate controlled; ", "no angina; ", ""]),
              r.choice(["CHA2DS2-VASc ", "HAS-BLED "]), "")
        d.add(K(str(r.randint(1, 7)), "FRACTION"), ", continue ", K(r.choice(DRUGS_CARD), "DRUG"), ".\n")
        if r.random() < 0.5:
            d.add("3. ", K(r.choice(["AICD", "CRT-D", "dual-chamber pacemaker"]), "DEVICE"),
                  ": device check in clinic; ", r.choice(["battery 8.5 yrs", "no VT/VF episodes", "RV pacing 2%"]),
                  "; programmed ", K(r.choice(["DDD 60", "DDDR 60-130", "VVI 50", "AAI 70", "DDD 50/120"]), "SETTING"),
                  ".\n")
        elif r.random() < 0.3:
            d.add("3. ", K("HeartMate 3", "DEVICE"), " ", K("LVAD", "DEVICE"), ": ",
                  K(f"speed {r.choice([5200, 5400, 5600, 5800])} rpm", "SETTING"), ", flow ",
                  K(f"{fnum(r, 3.8, 5.6, 1)} L/min", "MEASUREMENT"), ", PI ", K(fnum(r, 2.5, 5.5, 1), "VITAL"),
                  "; INR goal 2-3.\n")
    v = r.random()
    if v < 0.5:
        d.add("Return in ", str(r.randint(2, 12)), " weeks", r.choice([" with labs.", ".", " with echo."]), " ")
        if r.random() < 0.6:
            d.add("Next appt ", c.D(c.after(14, 90), r.choice([c.ds, "md"])), " at ",
                  c.T(r.randint(8, 16), r.choice([0, 15, 30, 45]), r.choice(["12", "24"])), ".")
        d.add("\n")
    else:
        d.add("F/u ", r.choice(["2 wks", "1 month", "3 months", "after next scan"]),
              ". Discussed with ", c.dr(c.att if r.random() < 0.5 else c.fellow), ".\n")
    d.add("\n")


def care_team(c):
    r, d = c.r, c.d
    d.add(r.choice(["Care Team:\n", "CARE TEAM\n", "Treatment Team\n"]))
    members = [c.att] + r.sample([c.fellow, c.np, c.rn, new_staff(r)], r.randint(1, 3))
    labels = {"Attending": "Attending", "Fellow": "Fellow", "NP": "NP", "PA": "PA", "RN": "Primary RN"}
    fmt = r.randint(0, 2)
    for p in members:
        role = labels.get(p.role, p.role)
        pg = phone(r, r.choice(["pg", "pager#", "x", "ext", "beeper", "dash"]))
        if fmt == 0:
            d.add("- ", role, ": ", c.sig(p), " (", pg, ")\n")
        elif fmt == 1:
            d.add(role, " | ", c.N(p, "LFM"), " | ", pg, "\n")
        else:
            d.add(c.N(p, "full"), ", ", p.cred or "", " - ", role.lower(), ", ", pg, "\n")
    if r.random() < 0.4:
        d.add("PCP: ", c.sig(c.pcp), ", ", P(facility(r, ["Family Practice", "Internal Medicine",
                                                        "Community Health Center"]), "HOSPITAL"),
              ", ", phone(r, r.choice(["paren", "dash", "dot"])), "\n")
    d.add("\n")


def instructions(c):
    r, d = c.r, c.d
    d.add(r.choice(["Patient Instructions\n", "PATIENT INSTRUCTIONS:\n", "After Visit Summary - Instructions\n"]))
    fn = c.N(c.pt, "first")
    v = r.random()
    if v < 0.5:
        d.add(fn, ", it was good to see you today. ")
    elif v < 0.8:
        d.add("Dear ", fn, ",\n")
    else:
        d.add("Hi ", fn, "! ")
    d.add(r.choice([
        "Please weigh yourself every morning and call if your weight goes up by more than 3 lb in a day. ",
        "Please take ", ]))
    if d.last().endswith("take "):
        x = r.choice(["ondansetron", "Zofran", "prochlorperazine", "olanzapine"])
        d.add(K(x, "DRUG"), " ", dose(r, x),
              " 30 minutes before meals as needed for nausea. ")
    d.add("Your next ", r.choice(["infusion", "appointment", "echo", "CT scan"]), " is on ",
          c.D(c.after(7, 60), r.choice(["long", "wk_long", c.ds, "MonDY"])), " at ",
          c.T(r.randint(7, 16), r.choice([0, 15, 30, 45]), "12") if r.random() < 0.9 else P("noon", "TIME"),
          " in ", c.unit_loc(), ". ")
    d.add("If you have a fever over ", K("100.4 F", "VITAL"), ", call ",
          r.choice(["the clinic at ", "our triage line at ", "us at "]), phone(r, r.choice(["paren", "dash", "dot"])),
          r.choice([" any time.", " (after hours ask for the oncologist on call).", "."]), " ")
    if r.random() < 0.5:
        d.add("You can also message us through the patient portal (",
              P(r.choice(["https://mychart.", "https://portal.", "www.myhealth."]) +
                c.fac.lower().replace("'", "").replace(". ", "").replace(" ", "") + ".org", "CONTACT"),
              r.choice([", username ", "; your login is "]), P(username_for(r, c.pt), "CONTACT"), "). ")
    if r.random() < 0.3:
        d.add("We will email the summary to ", P(email_for(r, c.pt), "CONTACT"), ". ")
    d.add("\n- ", r.choice([c.N(c.rn, "first"), c.N(c.att, "last")]), "\n\n") if r.random() < 0.3 else d.add("\n\n")


def signature(c):
    r, d = c.r, c.d
    v = r.choice([0, 0, 1, 2, 3, 4])
    tm = c.T()
    if v == 0:
        d.add("Electronically signed by ", c.sig(c.att), " on ", c.D(), " at ", tm, "\n")
    elif v == 1:
        d.add("I saw and examined the patient with ", c.dr(c.fellow), " and agree with the findings and plan as documented.\n")
        d.add(c.sig(c.att), "\n", c.D(), " ", tm, "\n")
    elif v == 2:
        d.add("-- \n", c.sig(c.np), "\n", P(c.fac, "HOSPITAL"), " ",
              r.choice(DEPTS_ONC + DEPTS_CARD), "\n", c.addr_items(True, street_addr(r), *us_city(r), zipcode(r)),
              "\nTel ", phone(r, "paren"), "  Fax ", phone(r, "dash"), "\n")
        if r.random() < 0.5:
            d.add("NPI ", P(id_value(r, "npi"), "ID"), "\n")
    elif v == 3:
        d.add("Signed: ", c.N(c.att, "LFM"), " ", c.D(), " ", tm, "\n")
        d.add("Cosigned: ", c.N(c.fellow, "LFM"), "\n")
    else:
        d.add(c.N(c.att, "init"), "/", c.N(new_person(r), "init", lower=True), "\n")
        d.add("D: ", c.D(c.visit, "mdy2"), "  T: ", c.D(c.after(0, 2), "mdy2"), "\n")


# ---------------------------------------------------------------------------
# Document types
# ---------------------------------------------------------------------------

def doc_onc_note(c):
    r = c.r
    dept = r.choice(DEPTS_ONC)
    header(c, r.choice(["Oncology Clinic Note", "Progress Note - Outpatient", "Follow-up Visit",
                        "Hem/Onc Office Visit"]), dept)
    onc_hpi(c)
    if r.random() < 0.5:
        c.d.add("Social: ")
        social(c)
        c.d.add("\n\n")
    secs = [lambda: meds(c, [DRUGS_ONC, DRUGS_SUPP]), lambda: exam(c, "onc"),
            lambda: labs(c, r.random() < 0.4), lambda: ct_result(c, cxr=r.random() < 0.3)]
    for s in r.sample(secs, r.choice([1, 1, 1, 2, 2])):
        s()
    assessment(c, "onc")
    if r.random() < 0.12:
        care_team(c)
    if r.random() < 0.22:
        instructions(c)
    signature(c)


def doc_card_note(c):
    r = c.r
    dept = r.choice(DEPTS_CARD)
    header(c, r.choice(["Cardiology Clinic Note", "Office Visit", "Heart Failure Follow-up",
                        "New Patient Consult"]), dept)
    card_hpi(c)
    if r.random() < 0.4:
        c.d.add("Social history: ")
        social(c)
        c.d.add("\n\n")
    secs = [lambda: meds(c, [DRUGS_CARD]), lambda: exam(c, "card"), lambda: labs(c, r.random() < 0.4),
            lambda: ecg(c), lambda: ct_result(c, cxr=True, area="card")]
    for s in r.sample(secs, r.choice([1, 1, 1, 2, 2])):
        s()
    assessment(c, "card")
    if r.random() < 0.1:
        care_team(c)
    if r.random() < 0.2:
        instructions(c)
    signature(c)


def ecg(c):
    r, d = c.r, c.d
    d.add("ECG ", c.D(c.before(0, 2), r.choice([c.ds, "md"])), ": ",
          r.choice(["sinus rhythm", "atrial fibrillation", "sinus bradycardia", "paced rhythm"]),
          ", ", K(f"HR {r.randint(48, 112)}", "VITAL"), ", PR ", K(f"{r.randint(120, 260)} ms", "MEASUREMENT"),
          ", QRS ", K(f"{r.randint(80, 168)} ms", "MEASUREMENT"), ", QTc ",
          K(f"{r.randint(400, 520)} ms", "MEASUREMENT"), r.choice([
              ". No acute ST changes.", ". LBBB, unchanged.", ". ",
              ". Type 1 "]))
    if d.last().endswith("type 1 "):
        d.add(K("Brugada pattern", "EPONYM"), " not seen.")
    elif r.random() < 0.3:
        d.add(" ", K(r.choice(["Wenckebach", "Mobitz II", "Osborn waves"]), "EPONYM"), " not present.")
    d.add("\n\n")


def doc_tumor_board(c):
    r, d = c.r, c.d
    d.add(r.choice(["MULTIDISCIPLINARY THORACIC TUMOR BOARD", "Multidisciplinary Tumor Board Summary",
                    "Thoracic Oncology Tumor Board", "Lung Multidisciplinary Conference"]), "\n")
    d.add("Date: ", c.D(c.visit, r.choice([c.ds, "wk_long"])), "   Time: ",
          c.T(7, r.choice([0, 0, 30]), r.choice(["12", "24", "mil"])), "\n")
    d.add("Location: ", c.unit_loc(), " conference room / virtual\n")
    d.add("Presenting physician: ", c.dr(c.att), "\n")
    d.add("Attendees:\n")
    roles = ["Medical Oncology", "Radiation Oncology", "Thoracic Surgery", "Pathology",
             "Radiology", "Pulmonology", "Nurse Navigator", "Clinical Trials", "Palliative Care"]
    for role in r.sample(roles, r.randint(3, 5)):
        p = new_staff(r, role, "RN" if "Nurse" in role else ("CCRP" if "Trials" in role else "MD"))
        if r.random() < 0.7 and "Nurse" not in role:
            d.add("  ", role, ": ", c.dr(p), "\n")
        else:
            d.add("  ", role, ": ", c.N(p, "full"), ", ", p.cred, "\n")
    d.add("\nPatient: ", c.N(c.pt, r.choice(["LFM", "full", "LF"])), "  MRN ", P(c.mrn, "ID"), "  ")
    d.add(c.age_phrase(), "\n")
    d.add("Referred by: ", c.dr(c.ref), ", ", P(facility(r), "HOSPITAL"), "\n\n")
    d.add("Clinical summary: ", r.choice(["Former smoker", "Never smoker", "Current smoker"]), " with ",
          meas(r, "cm"), " ", r.choice(["RUL", "LLL", "LUL", "RML"]), " mass found on CT ",
          c.D(c.before(20, 120), r.choice([c.ds, "md"])), " at ", P(c.ofac, "HOSPITAL"), ". PET/CT ",
          c.D(c.before(5, 40), r.choice([c.ds, "md"])), ": SUV ", K(fnum(r, 3, 22, 1), "VITAL"),
          ", ", r.choice(["no distant disease", "ipsilateral hilar uptake", "contralateral mediastinal node"]),
          ". ")
    d.add("Path (", P(id_value(r, "path"), "ID"), "): ", r.choice(["adenocarcinoma, TTF-1+",
                                                                  "squamous cell carcinoma, p40+",
                                                                  "small cell carcinoma"]),
          ", PD-L1 ", K(f"{r.choice([0, 1, 5, 20, 50, 80, 95])}%", "VITAL"), ". ")
    if r.random() < 0.5:
        d.add(K(r.choice(["Pancoast tumor", "Horner syndrome", "Lambert-Eaton syndrome"]), "EPONYM"),
              " considered. ")
    if r.random() < 0.5:
        d.add("PFTs: FEV1 ", K(f"{fnum(r, 0.9, 3.2, 2)} L", "MEASUREMENT"), " (",
              K(f"{r.randint(38, 98)}%", "VITAL"), " predicted), DLCO ", K(f"{r.randint(35, 95)}%", "VITAL"), ". ")
    if r.random() < 0.5:
        d.add(c.he.capitalize(), r.choice([" works as a ", " is a retired "]), c.job, " ",
              r.choice(["at ", "with "]), P(c.employer, "ORGANIZATION"), "; lives in ", P(c.city, "LOCATION"), ". ")
    d.add("\n\nDiscussion/Recommendation:\n")
    for i, rec in enumerate(r.sample([
            ["Concurrent chemoradiation with ", K("carboplatin", "DRUG"), "/", K("paclitaxel", "DRUG"),
             " followed by ", K("durvalumab", "DRUG"), "."],
            ["Surgical evaluation for lobectomy; mediastinal staging first."],
            ["SBRT ", K("50 Gy", "MEASUREMENT"), " in 5 fractions given comorbidities."],
            ["Brain MRI to complete staging."],
            ["Molecular testing pending (NGS); defer systemic therapy decision."],
            ["Place ", K("fiducial markers", "DEVICE"), " at bronchoscopy."],
            ["Screen for clinical trial; contact coordinator ", None]], r.randint(2, 4))):
        d.add(f"{i + 1}. ")
        if rec[-1] is None:
            trial = new_staff(r, "Clinical Trials", "CCRP")
            d.add(rec[0], c.N(trial, "full"), " ", phone(r, r.choice(["x", "ext", "pg"])), ".")
        else:
            d.add(rec)
        d.add("\n")
    d.add("\nPlan communicated to patient by ", c.dr(c.att), " on ",
          c.D(c.after(0, 3), r.choice(["md", c.ds])), ". Navigator: ", c.N(c.rn, "full"), ", ", c.rn.cred,
          " (", phone(r, r.choice(["dash", "x", "paren"])), ")\n")


def doc_cath(c):
    r, d = c.r, c.d
    d.add(r.choice(["CARDIAC CATHETERIZATION REPORT", "Cath Lab Procedure Report",
                    "Cardiac Catheterization / PCI"]), "\n")
    d.add("Patient: ", c.N(c.pt, r.choice(["LFM", "LF"])), "   MRN: ", P(c.mrn, "ID"), "   DOB: ", c.D(c.dob), "\n")
    t1, t2 = c.T2(20, 150)
    d.add("Procedure date: ", c.D(), "   Start: ", t1, "  End: ", t2, "\n")
    d.add("Location: ", P(c.fac, "HOSPITAL"), " Cath Lab ", str(r.randint(1, 4)), "\n")
    d.add("Operators: ", c.dr(c.att), " (attending); ", c.dr(c.fellow), " (fellow)\n")
    techs = [new_staff(r, "Cath Lab Tech", "RCIS") for _ in range(r.randint(1, 2))]
    d.add("Staff: ", [[c.N(t, "full"), ", RCIS; "] for t in techs], "RN ", c.N(c.rn, "last"), "\n")
    d.add("Referring: ", c.dr(c.ref), "\n\n")
    d.add("Indication: ", r.choice(["NSTEMI", "abnormal stress test (", "progressive angina",
                                     "pre-TAVR evaluation", "HFrEF, ischemic evaluation"]))
    if d.last().endswith("("):
        d.add(K("Bruce protocol", "EPONYM"), ", ", K(f"{fnum(r, 3, 11, 1)} METs", "MEASUREMENT"), ")")
    d.add("\n\nProcedure: ", r.choice(["Right radial", "Right femoral", "Left radial"]), " access with ",
          K("6 Fr sheath", "DEVICE"), " via modified ", K("Seldinger technique", "EPONYM"), ". ")
    if r.random() < 0.6:
        d.add(K("Allen test", "EPONYM"), " normal. ")
    d.add("Selective coronary angiography with ", K(r.choice(["JL4 catheter", "JR4 catheter"]), "DEVICE"),
          ". ", r.choice(["LHC and LV gram.", "Right heart cath with ", "LHC."]))
    if d.last().endswith("with "):
        d.add(K("Swan-Ganz catheter", "EPONYM"), ".")
    d.add("\nMeds: ", K("heparin", "DRUG"), " ", K(f"{r.choice([3000, 4000, 5000, 7000])} units", "MEASUREMENT"),
          ", ", K("fentanyl", "DRUG"), " ", K(f"{r.choice([25, 50, 75])} mcg", "MEASUREMENT"), ", ",
          K("midazolam", "DRUG"), " ", K(f"{r.choice([0.5, 1, 2])} mg", "MEASUREMENT"), ". Contrast ",
          K(f"{r.randint(40, 220)} mL", "MEASUREMENT"), ".\n\n")
    d.add("Hemodynamics:\n")
    d.add("Ao ", K(bp(r), "VITAL"), " | LVEDP ", K(f"{r.randint(6, 32)} mmHg", "MEASUREMENT"))
    if r.random() < 0.6:
        d.add(" | RA ", K(f"{r.randint(2, 18)} mmHg", "MEASUREMENT"), " | PCWP ",
              K(f"{r.randint(8, 34)} mmHg", "MEASUREMENT"), " | CI ", K(f"{fnum(r, 1.6, 3.4, 1)} L/min/m2", "MEASUREMENT"))
    d.add("\n\nFindings:\nLM: normal\nLAD: ", K(f"{r.choice([50, 70, 80, 90, 95, 99])}%", "VITAL"),
          " proximal stenosis\nLCx: ", r.choice(["mild luminal irregularities", "occluded OM1, collaterals"]),
          "\nRCA: dominant, ", K(f"{r.choice([30, 40, 60])}%", "VITAL"), " mid\n\n")
    if r.random() < 0.7:
        d.add("Intervention: PCI of proximal LAD with ", K("drug-eluting stent", "DEVICE"), " ",
              K(f"{r.choice(['2.5', '3.0', '3.5'])} x {r.choice([12, 15, 18, 23, 28])} mm", "MEASUREMENT"),
              ", post-dilated. Final ", K("TIMI 3", "FRACTION"), " flow, 0% residual.\n")
    d.add("Closure: ", K(r.choice(["TR Band", "Angio-Seal"]), "DEVICE"), ". EBL ",
          K(f"{r.choice([5, 10, 20])} mL", "MEASUREMENT"), ". No complications.\n\n")
    d.add("Plan: DAPT with ", K("aspirin", "DRUG"), " ", K("81 mg", "MEASUREMENT"), " and ",
          K(r.choice(["ticagrelor", "clopidogrel", "prasugrel"]), "DRUG"), " for 12 months. ")
    d.add("Results discussed with ", c.his, " ", c.kin_rel, " ", c.N(c.kin, r.choice(["first", "full"])),
          " in the waiting room.\n\n")
    signature(c)


def doc_echo(c):
    r, d = c.r, c.d
    up = d.case == "upper"
    d.add(r.choice(["TRANSTHORACIC ECHOCARDIOGRAM REPORT", "Echocardiography Report (TTE)",
                    "TTE - Complete with Doppler"]), "\n")
    d.add("Name: ", c.N(c.pt, r.choice(["LF", "LFM"])), "  MRN: ", P(c.mrn, "ID"), "  Acc#: ",
          P(id_value(r, "acc"), "ID"), "\n")
    d.add("DOB: ", c.D(c.dob), "  Age: ", c.A(), "  Sex: ", c.sex, "\n")
    d.add("Study date: ", c.D(), " ", c.T(), "   Location: ", r.choice(["Echo lab, ", "Outpatient, "]),
          c.unit_loc(), "\n")
    d.add("Referring: ", c.dr(c.ref), "   Sonographer: ", c.N(new_staff(r), "full"), ", RDCS\n")
    d.add("Indication: ", r.choice(CARD_DX), "\n")
    d.add("Ht ", K(f"{r.randint(150, 193)} cm", "MEASUREMENT"), "  Wt ", meas(r, "kg"), "  ",
          K("BP " + bp(r), "VITAL"), "  ", K(f"HR {r.randint(50, 110)}", "VITAL"), "\n\n")
    d.add("MEASUREMENTS\n")
    rows = [("LVIDd", "cm", 3.8, 7.2, 1), ("LVIDs", "cm", 2.2, 6.0, 1), ("IVSd", "cm", 0.7, 1.8, 1),
            ("LVPWd", "cm", 0.7, 1.6, 1), ("LA diam", "cm", 2.8, 5.6, 1), ("Ao root", "cm", 2.6, 4.4, 1),
            ("TAPSE", "cm", 1.1, 2.6, 1), ("RVSP", "mmHg", 22, 68, 0), ("AV peak vel", "m/s", 1.1, 4.8, 1),
            ("AV mean grad", "mmHg", 4, 52, 0), ("AVA", "cm2", 0.6, 3.0, 1)]
    for name, unit, lo, hi, dec in r.sample(rows, r.randint(5, 8)):
        d.add(f"{name} | ", K(f"{fnum(r, lo, hi, dec)} {unit}", "MEASUREMENT"), "\n")
    ef = r.randint(15, 70)
    d.add("LVEF (", K("Simpson biplane", "EPONYM"), ") | ", K(f"{ef}%", "VITAL"), "\n")
    d.add("E/e' | ", K(str(r.randint(6, 22)), "FRACTION"), "\n\n")
    d.add("FINDINGS\n", r.choice(["Left ventricle: normal size, ", "Left ventricle: mildly dilated, "]),
          r.choice(["global hypokinesis.", "apical akinesis consistent with ", "normal wall motion."]))
    if d.last().endswith("with "):
        d.add(K("Takotsubo cardiomyopathy", "EPONYM"), " vs LAD territory infarct.")
    d.add("\nValves: ", r.choice(["Mild MR. ", "Moderate AS by ", "Trace TR. "]))
    if d.last().endswith("by "):
        d.add(K("modified Bernoulli equation", "EPONYM"), ". ")
    d.add(K("Doppler", "EPONYM"), " pattern: grade ", r.choice(["I", "II"]), " diastolic dysfunction.\n")
    if r.random() < 0.5:
        d.add("Device: ", K(r.choice(["pacemaker leads", "AICD lead"]), "DEVICE"), " seen in RA/RV.\n")
    d.add("\nCONCLUSIONS\n1. LVEF ", K(f"{ef}%", "VITAL"), ".\n2. ",
          r.choice(["No pericardial effusion.", "Small pericardial effusion without tamponade."]), "\n")
    v = r.random()
    if v < 0.5:
        st = r.choice([c.ds, "mdY", "ord"])
        d.add("3. Compared with prior study of ", "the " if st == "ord" else "",
              c.D(c.before(200, 1500) if st != "ord" else c.before(5, 25), st),
              r.choice([" (", ", "]))
        if d.last() == " (":
            d.add("performed at ", P(c.ofac, "HOSPITAL"), "), EF ", r.choice(["improved.", "unchanged."]), "\n")
        else:
            d.add("EF ", r.choice(["improved.", "unchanged.", "decreased."]), "\n")
    d.add("\nElectronically signed by ", c.sig(c.att), " on ", c.D(), " at ", c.T(), "\n")


def doc_pft(c):
    r, d = c.r, c.d
    d.add(r.choice(["PULMONARY FUNCTION TEST REPORT", "Pulmonary Function Laboratory",
                    "PFT Interpretation"]), "\n")
    d.add("Patient: ", c.N(c.pt, "LFM"), " | MRN ", P(c.mrn, "ID"), " | DOB ", c.D(c.dob), " | ",
          c.A(), " y | ", c.sex, "\n")
    d.add("Test date: ", c.D(), "   Technician: ", c.N(new_staff(r), r.choice(["full", "init"])), ", ",
          r.choice(["RRT", "CRT", "RPFT"]), "\n")
    d.add("Ordering: ", c.dr(c.ref), "   Lab: ", P(c.fac, "HOSPITAL"), " PFT Lab\n")
    d.add("Ht ", K(f"{r.randint(150, 193)} cm", "MEASUREMENT"), "  Wt ", meas(r, "kg"), "  Race-neutral GLI equations\n\n")
    d.add("Parameter | Pre | %Pred | Post | %Chg\n")
    for name, lo, hi, unit in [("FVC", 1.4, 4.8, " L"), ("FEV1", 0.7, 3.8, " L"), ("FEF25-75", 0.3, 3.5, " L/s")]:
        pre = r.uniform(lo, hi)
        d.add(name, " | ", K(f"{pre:.2f}{unit}", "MEASUREMENT"), " | ", K(f"{r.randint(35, 110)}%", "VITAL"),
              " | ", K(f"{pre * r.uniform(1.0, 1.18):.2f}{unit}", "MEASUREMENT"), " | ",
              K(f"{r.randint(0, 18)}%", "VITAL"), "\n")
    d.add("FEV1/FVC | ", K(f"0.{r.randint(38, 84)}", "FRACTION"), " | | ", K(f"0.{r.randint(40, 86)}", "FRACTION"), " |\n")
    d.add("TLC | ", K(f"{fnum(r, 3.2, 8.4, 2)} L", "MEASUREMENT"), " | ", K(f"{r.randint(70, 140)}%", "VITAL"), " | | |\n")
    d.add("DLCO | ", K(f"{fnum(r, 6, 28, 1)} mL/min/mmHg", "MEASUREMENT"), " | ",
          K(f"{r.randint(30, 105)}%", "VITAL"), " | | |\n\n")
    d.add("Interpretation: ", r.choice([
        "Moderate obstructive ventilatory defect with significant bronchodilator response. ",
        "Mild restriction with moderately reduced diffusing capacity. ",
        "Severe obstruction without bronchodilator response; hyperinflation and air trapping. ",
        "Normal spirometry, lung volumes and DLCO. "]))
    if r.random() < 0.6:
        d.add("Compared with study of ", c.D(c.before(200, 1500), r.choice(["my", "Month_Y", c.ds])),
              ", FEV1 has ", r.choice(["declined by ", "improved by "]), K(f"{r.randint(60, 420)} mL", "MEASUREMENT"), ". ")
    d.add("Pre-test ", K("albuterol", "DRUG"), " held.\n\n")
    d.add("Interpreting physician: ", c.sig(md(r)), "  ", c.D(c.after(0, 3)), " ", c.T(), "\n")


def doc_sleep(c):
    r, d = c.r, c.d
    d.add(r.choice(["POLYSOMNOGRAPHY REPORT", "Split-Night Sleep Study Report", "Home Sleep Apnea Test - Interpretation"]), "\n")
    d.add("Patient: ", c.N(c.pt, r.choice(["LF", "LFM", "full"])), "   DOB: ", c.D(c.dob), "   MRN: ", P(c.mrn, "ID"), "\n")
    d.add("Study date: ", c.D(c.before(1, 14)), "   Lights out ", c.T(r.randint(21, 23), r.randint(0, 59), r.choice(["24", "mil"])),
          "  Lights on ", c.T(r.randint(5, 6), r.randint(0, 59), r.choice(["24", "mil"])), "\n")
    d.add("Facility: ", P(facility(r, ["Sleep Center", "Sleep Center", "Health"]), "HOSPITAL"), "\n")
    d.add("Referring: ", c.dr(c.ref), "  Scored by: ", c.N(new_staff(r), "full"), ", RPSGT\n\n")
    d.add("History: ", c.age_phrase(), " with snoring, witnessed apneas, ", K("Epworth Sleepiness Scale", "EPONYM"),
          " ", K(f"{r.randint(4, 22)}/24", "FRACTION"), ", ", K(f"BMI {fnum(r, 24, 46, 1)}", "VITAL"), ", ",
          K("Mallampati", "EPONYM"), " ", r.choice(["III", "IV", "II"]), ".\n\n")
    d.add("Results:\nTotal sleep time ", K(f"{r.randint(180, 430)} min", "MEASUREMENT"), "; sleep efficiency ",
          K(f"{r.randint(55, 94)}%", "VITAL"), "\nAHI ", K(f"{fnum(r, 2, 78, 1)}/h", "VITAL"), "; RDI ",
          K(f"{fnum(r, 4, 80, 1)}/h", "VITAL"), "\nNadir SpO2 ", K(f"{r.randint(70, 92)}%", "VITAL"),
          "; T90 ", K(f"{fnum(r, 0, 40, 1)} min", "MEASUREMENT"), "\n")
    if r.random() < 0.4:
        d.add(K("Cheyne-Stokes respiration", "EPONYM"), " noted in NREM.\n")
    d.add("Titration: ", K(f"CPAP {r.randint(5, 9)}", "SETTING"), " to ", K(f"CPAP {r.randint(10, 15)} cm H2O", "SETTING"),
          r.choice([", then ", "; "]), K(f"BiPAP {r.randint(14, 20)}/{r.randint(6, 10)}", "SETTING"), " trialed.\n\n")
    d.add("Recommendations:\n1. ", K(f"CPAP {r.randint(8, 14)} cm H2O", "SETTING"), " with ",
          K(r.choice(["full face mask", "nasal pillows", "CPAP mask"]), "DEVICE"), ".\n")
    d.add("2. DME order sent to ", P(r.choice(SURNAMES) + r.choice([" Home Medical", " Respiratory Supply", " DME"]), "ORGANIZATION"),
          " (fax ", phone(r, r.choice(["dash", "paren"])), ").\n")
    d.add("3. Follow up in sleep clinic with ", c.dr(c.att), " in 6-8 weeks; avoid driving when drowsy")
    if r.random() < 0.4:
        d.add(" (", c.he, " drives for ", P(c.employer, "ORGANIZATION"), ")")
    d.add(".\n\n")
    d.add("Electronically signed by ", c.sig(c.att), " (Sleep Medicine) ", c.D(), " ", c.T(), "\n")


def doc_result_note(c):
    r, d = c.r, c.d
    d.add(r.choice(["Result Note", "Results Follow-up", "Imaging result - pasted into note"]), "\n")
    d.add("Patient: ", c.N(c.pt, r.choice(["LFM", "full"])), "  (MRN ", P(c.mrn, "ID"), ")  DOB ", c.D(c.dob), "\n")
    d.add("Ordering provider: ", c.sig(c.att), "\n\n")
    ct_result(c, cxr=r.random() < 0.4)
    v = r.random()
    if v < 0.5:
        d.add("Message to patient (via portal):\n", r.choice(["Hi ", "Dear ", ""]), c.N(c.pt, "first"), ", ",
              r.choice(["your scan shows the tumor is smaller - great news. ",
                        "the CT looks stable compared with the last one. ",
                        "your chest x-ray shows some extra fluid; please take an extra dose of "]))
        if d.last().endswith("dose of "):
            d.add(K("furosemide", "DRUG"), " ", K("40 mg", "MEASUREMENT"), " tomorrow. ")
        d.add("We will review at your visit on ", c.D(c.after(3, 30), r.choice(["md", "long", c.ds])), ". ",
              r.choice(["- ", "Best, "]), c.dr(c.att, lower=False) if r.random() < 0.5 else c.N(c.np, "first"), "\n")
    else:
        d.add("Comment: ", r.choice(["Reviewed with ", "d/w ", "discussed w/ "]),
              r.choice([["PA ", c.N(c.np, "last")], c.dr(c.fellow), ["RN ", c.N(c.rn, "last")]]),
              ". Called patient at ", phone(r, r.choice(["paren", "dash", "dot"])), " at ", c.T(),
              r.choice(["; left VM.", "; pt aware.", "; spoke with " + c.kin_rel + " "]))
        if d.last().endswith(" "):
            d.add(c.N(c.kin, "first"), ".")
        d.add("\n")
    if r.random() < 0.4:
        labs(c)


def doc_phone(c):
    r, d = c.r, c.d
    d.add(r.choice(["Telephone Encounter", "tel enc", "Phone note", "Triage call"]), " ", c.D(c.visit, r.choice(["mdy2", "md", c.ds])),
          " ", c.T(style=r.choice(["mil", "24", "12"])), "\n")
    if r.random() < 0.6:
        d.add("pt: ", c.N(c.pt, r.choice(["LF", "full", "LFM"])), "  mrn ", P(c.mrn, "ID"), "\n")
    who = r.random()
    if who < 0.5:
        d.add("pt's ", c.kin_rel, " ", c.N(c.kin, "first", lower=True), " called (", phone(r, r.choice(["dash", "local", "paren", "dot"])),
              ") re: ")
    else:
        d.add(r.choice(["pt called re: ", "call from pt re: ", "pt left vm re: "]))
    d.add(r.choice([
        ["swelling in legs x 3 days, wt up ", K("4 lb", "MEASUREMENT"), ". taking ", K("lasix", "DRUG"), " ",
         K("40 mg", "MEASUREMENT"), " daily"],
        ["nausea after ", K("carboplatin", "DRUG"), ", ", K("zofran", "DRUG"), " not helping"],
        ["holding ", K("eliquis", "DRUG"), " before ", r.choice(["colonoscopy", "dental extraction", "port removal"])],
        ["fever ", K("T 38.4", "VITAL"), " last night, on day 10 of cycle"],
        ["icd shock x1 this am, feels ok now"]]), ". ")
    d.add(r.choice(["spoke w/ ", "d/w ", "reviewed with "]))
    d.add(r.choice([c.dr(c.att, lower=True), ["pa ", c.N(c.np, "last", lower=True)], ["np ", c.N(c.np, "last", lower=True)]]))
    d.add(r.choice([": ok to ", " - plan: ", ", advised "]), r.choice([
        ["hold ", K("eliquis", "DRUG"), " x 2 days prior"],
        ["increase ", K("lasix", "DRUG"), " to ", K("80 mg", "MEASUREMENT"), " x 3 days then back to ",
         K("40 mg", "MEASUREMENT")],
        ["add ", K("olanzapine", "DRUG"), " ", K("5 mg", "MEASUREMENT"), " qhs"],
        ["go to ed at ", P(facility(r, ["Hospital", "Medical Center"]), "HOSPITAL"), " for cbc/cultures"],
        ["device interrogation tomorrow; ", K("icd", "DEVICE"), " clinic notified"]]), ". ")
    if r.random() < 0.6:
        d.add("per ", r.choice(["nurse ", "rn ", "RN "]), c.N(c.rn, "last", lower=r.random() < 0.5),
              ", appt moved to ", c.D(c.after(1, 20), r.choice(["md", "mdy2", "Mon_dth"])), " @ ",
              c.T(r.randint(8, 16), r.choice([0, 15, 30, 45]), r.choice(["12", "mil", "24"])), ". ")
    if r.random() < 0.3:
        d.add("pt still has appt on the ", P(ordinal(c.after(3, 25).day), "DATE"), " w/ ", c.dr(c.pcp, lower=True), ". ")
    d.add(r.choice(["callback ", "cb # ", "best # "]), phone(r, r.choice(["dash", "local", "dot", "paren"])), "\n")
    extra = r.sample([
        ["last vitals in clinic: ", K("BP " + bp(r), "VITAL"), ", ", K(f"HR {r.randint(55, 105)}", "VITAL"),
         ", wt ", meas(r, "kg"), ".\n"],
        ["meds reviewed: ", drug_line(r, DRUGS_CARD + DRUGS_SUPP), "; ", drug_line(r, DRUGS_CARD + DRUGS_SUPP), ".\n"],
        ["pt denies cp, sob at rest, syncope. no bleeding. reinforced ed precautions and call-back instructions.\n"],
        ["recent labs: ", K(f"Cr {fnum(r, 0.7, 2.4, 1)}", "VITAL"), ", ", K(f"K {fnum(r, 3.3, 5.4, 1)}", "VITAL"),
         ", ", K(f"Hgb {fnum(r, 8, 14, 1)}", "VITAL"), ".\n"],
        ["has ", K(r.choice(["port", "PICC", "AICD", "pacemaker"]), "DEVICE"), "; no redness or drainage at site.\n"]],
        r.randint(1, 3))
    d.add(extra)
    d.add(r.choice(["-", "- ", ""]), c.N(c.rn, r.choice(["init", "first", "full"]), lower=d.case == "lower"), "\n")


def doc_letter(c):
    r, d = c.r, c.d
    loc = facility(r, ["Cardiology Associates", "Heart and Vascular", "Cancer Center", "Oncology Associates",
                       "Pulmonary Associates", "Chest Medicine"])
    d.add(P(loc, "HOSPITAL"), "\n")
    if r.random() < 0.5:
        d.add(c.addr_items(True, street_addr(r), *us_city(r), zipcode(r)), "\n")
    d.add("Phone ", phone(r, r.choice(["paren", "dot"])), "  Fax ", phone(r, r.choice(["paren", "dash"])), "\n\n")
    d.add(c.D(c.visit, r.choice(["long", "long", c.ds])), "\n\n")
    d.add(c.N(c.ref, "full"), ", ", c.ref.cred, "\n", P(c.ofac, "HOSPITAL"), "\n")
    if r.random() < 0.5:
        d.add(c.addr_items(True, street_addr(r), *us_city(r), zipcode(r)), "\n")
    d.add("\n")
    d.add("RE: ", c.N(c.pt, r.choice(["full", "fml", "LF"])), "   DOB: ", c.D(c.dob), "   MRN: ", P(c.mrn, "ID"), "\n\n")
    d.add("Dear ", r.choice(["Dr. ", "Dr. ", "Colleague"]))
    if d.last() == "colleague":
        d.add(",\n\n")
    else:
        d.add(c.N(c.ref, "last"), ",\n\n")
    area = r.choice(["onc", "card"])
    d.add("Thank you for referring ", [c.mr + " ", c.N(c.pt, "last")], ", ", c.art_age(), ", whom I saw in ",
          r.choice(["consultation", "follow-up"]), " on ", c.D(c.visit, r.choice(["md", c.ds, "Mon_dth"])), ". ")
    if area == "onc":
        d.add("As you know, ", c.he, " has ", r.choice(CANCERS), ". ", r.choice([
            ["We reviewed the CT from ", c.D(c.before(5, 60), r.choice(["md", c.ds])), ", which shows a ", meas(r, "cm"),
             " lesion. "],
            ["We recommended ", K(r.choice(DRUGS_ONC), "DRUG"), " and placement of a ", K("Port-a-Cath", "DEVICE"), ". "]]))
    else:
        d.add("As you know, ", c.he, " has ", r.choice(CARD_DX), ". Today ", K("BP " + bp(r), "VITAL"), ", ",
              K(f"HR {r.randint(50, 100)}", "VITAL"), ". ", r.choice([
                  ["Echo showed LVEF ", K(f"{r.randint(20, 60)}%", "VITAL"), ". "],
                  ["I started ", [(K(x, "DRUG"), " ", dose(r, x)) for x in [r.choice(DRUGS_CARD)]], " daily. "]]))
    if r.random() < 0.5:
        d.add(c.he.capitalize(), " was accompanied by ", c.his, " ", c.kin_rel, ", ", c.N(c.kin, "full"), ". ")
    if r.random() < 0.4:
        social(c)
    d.add("\n\nI will see ", c.him, " again in ", str(r.randint(2, 6)), " months. Please do not hesitate to call me at ",
          phone(r, r.choice(["paren", "dash", "ext", "x"])), r.choice([" or email ", "."]))
    if d.last() == " or email ":
        st = c.att
        d.add(P(f"{st.first[0].lower()}{st.last.lower().replace(' ', '').replace(chr(39), '')}@" +
                r.choice(["hvmc.org", "partners.org", "nshealth.org", "cardio-assoc.com"]), "CONTACT"), ".")
    d.add("\n\nSincerely,\n\n", c.sig(c.att), "\n")
    d.add("cc: ", c.dr(c.pcp), "\n")


def doc_avs(c):
    r, d = c.r, c.d
    d.add(r.choice(["AFTER VISIT SUMMARY", "After Visit Summary", "Visit Summary"]), "\n")
    d.add(c.N(c.pt, "full"), "   MRN: ", P(c.mrn, "ID"), "\n")
    d.add(c.D(), r.choice(["  ", " "]), P(c.fac, "HOSPITAL"), " ", r.choice(DEPTS_ONC + DEPTS_CARD), "\n\n")
    d.add("Today you saw ", c.dr(c.att), ". ", r.choice(["Reason for visit: follow-up.", "Diagnosis: ",
                                                          "You were seen for: "]))
    if not d.last().endswith("."):
        d.add(r.choice(CANCERS + CARD_DX), ".")
    d.add("\n\nVital signs: ", vital_items(r, ", "), "\n\n")
    d.add("Medication changes:\n")
    d.add("START: ", drug_line(r, DRUGS_CARD + DRUGS_SUPP), "\nSTOP: ", K(r.choice(DRUGS_CARD + DRUGS_SUPP), "DRUG"), "\n\n")
    instructions(c)
    d.add("Upcoming appointments\n")
    d.add("Date | Time | Provider | Department\n")
    for _ in range(r.randint(1, 3)):
        p = r.choice([c.att, c.np, md(r)])
        d.add(c.D(c.after(3, 120), r.choice([c.ds, "MonDY"])), " | ",
              c.T(r.randint(7, 16), r.choice([0, 15, 20, 30, 40, 45]), "12"), " | ", c.N(p, "LFM"), ", ",
              p.cred or "MD", " | ", r.choice(["Infusion", "Echo Lab", "CT", "Lab", "Cardiology", "Onc"]), " - ",
              c.unit_loc() if r.random() < 0.5 else P(facility(r, ["Cancer Center", "Imaging", "Medical Center",
                                                                    "Health", "Clinic", "Heart and Vascular"]),
                                                       "HOSPITAL"), "\n")
    d.add("\n", r.choice(["Questions? Call ", "Clinic line: "]), phone(r, r.choice(["paren", "dash"])),
          r.choice(["", " option 2", " (M-F 8-5)"]), "\n")


# ---------------------------------------------------------------------------
# Documents without PHI
# ---------------------------------------------------------------------------

def doc_nophi(c):
    r, d = c.r, c.d
    v = r.randint(0, 4)
    if v == 0:
        d.add("Echo - preliminary measurements (no header)\n")
        d.add("LVIDd ", K(f"{fnum(r, 4, 6.8, 1)} cm", "MEASUREMENT"), ", IVSd ", K(f"{fnum(r, 0.8, 1.6, 1)} cm", "MEASUREMENT"),
              ", LA ", K(f"{fnum(r, 3, 5.4, 1)} cm", "MEASUREMENT"), "\nLVEF ", K(f"{r.randint(20, 65)}%", "VITAL"),
              " by ", K("Simpson biplane", "EPONYM"), ". RVSP ", K(f"{r.randint(25, 60)} mmHg", "MEASUREMENT"), ".\n")
        d.add("Impression: ", r.choice(["Normal biventricular function.", "Moderate LV dysfunction, akinetic apex.",
                                        "Severe AS, mean gradient 44 mmHg."]), "\n\n")
        exam(c, "card")
    elif v == 1:
        d.add("PATIENT EDUCATION: Living with Heart Failure\n\n")
        d.add("- Weigh yourself every morning after urinating.\n- Limit salt to ", K("2000 mg", "MEASUREMENT"),
              " per day and fluids to ", K("1.5 L", "MEASUREMENT"), " per day.\n- Take ", K("furosemide", "DRUG"),
              " (", K("Lasix", "DRUG"), ") as prescribed.\n- Call your care team if you gain more than ",
              K("2 lb", "MEASUREMENT"), " in a day or ", K("5 lb", "MEASUREMENT"), " in a week.\n")
        d.add("- If you have an ", K("AICD", "DEVICE"), " and receive a shock, call 911 if you feel unwell.\n")
        d.add("- Avoid NSAIDs such as ibuprofen. Ask before taking ", K("Eliquis", "DRUG"), " with any new medicine.\n")
        d.add("- Do not strain; avoid the ", K("Valsalva maneuver", "EPONYM"), " when lifting.\n\n")
        meds(c, [DRUGS_CARD])
    elif v == 2:
        d.add("Tumor Board Template\nPatient: ***   MRN: ***   DOB: ***\nPresenting MD: {Provider:***}\n")
        d.add("Diagnosis: {Dx:***}\nStage: cT2aN2M0 (stage IIIA)\nPath: adenocarcinoma, TTF-1+, PD-L1 ",
              K(f"{r.choice([1, 20, 60, 90])}%", "VITAL"), "\nImaging: ", meas(r, "cm"), " RUL mass, ",
              K("2/4", "FRACTION"), " stations positive on EBUS\n")
        d.add("Recommendation: concurrent chemoRT with ", K("cisplatin", "DRUG"), "/", K("etoposide", "DRUG"),
              " then ", K("durvalumab", "DRUG"), "\n[ ] trial screening  [ ] SW referral  [ ] nutrition\n\n")
        labs(c, timestamps=False)
    elif v == 3:
        d.add("PFT interpretation\n")
        d.add("FEV1 ", K(f"{fnum(r, 0.8, 3.4, 2)} L", "MEASUREMENT"), " (", K(f"{r.randint(35, 100)}%", "VITAL"),
              " pred), FVC ", K(f"{fnum(r, 1.6, 4.6, 2)} L", "MEASUREMENT"), ", FEV1/FVC ", K(f"0.{r.randint(40, 82)}", "FRACTION"),
              ", DLCO ", K(f"{r.randint(35, 100)}%", "VITAL"), ".\n")
        d.add(r.choice(["Moderate obstruction, partially reversible after ", "Mild restriction; no response to "]),
              K("albuterol", "DRUG"), ". Consider ", K("tiotropium", "DRUG"), ".\nNo prior for comparison.\n\n")
        d.add("Ventilator settings during CPET not applicable. Home O2 ", K("2 L NC", "SETTING"), " with exertion.\n\n")
        meds(c, [DRUGS_SUPP])
    else:
        d.add("CHEST X-RAY, PORTABLE AP\nFINDINGS: ")
        for f in r.sample([
                ["ETT tip ", K("4.2 cm", "MEASUREMENT"), " above the carina. "],
                [K("NG tube", "DEVICE"), " courses below the diaphragm. "],
                [K("Swan-Ganz catheter", "EPONYM"), " tip in the right interlobar artery; recommend retraction by ",
                 K("2 cm", "MEASUREMENT"), ". "],
                ["Vent: ", K("AC 18/450/5/0.5", "SETTING"), ", ", K("PEEP 8", "SETTING"), ", ",
                 K("FiO2 40%", "SETTING"), ". "],
                [K("Kerley B lines", "EPONYM"), " and cephalization. "],
                ["Left ", K("chest tube", "DEVICE"), " in place, no pneumothorax. "],
                [K("Westermark sign", "EPONYM"), " not seen; no ", K("Hampton hump", "EPONYM"), ". "],
                ["Degenerative changes at T12 and L1; old fracture of the right 5th rib. "]], r.randint(3, 5)):
            d.add(f)
        d.add("\nIMPRESSION: ", r.choice(["Lines and tubes as above.", "Pulmonary edema, improved.",
                                         "Stable appearance."]), "\n\n")
        labs(c, timestamps=False)
        d.add("Exam: ", K("GCS 15", "FRACTION"), ", ", K("4/10", "FRACTION"), " chest wall pain, ",
              K(f"PS {r.randint(5, 12)}/{r.randint(5, 8)}", "SETTING"), " on weaning trial.\n")


DOC_TYPES = [(doc_onc_note, 20), (doc_card_note, 18), (doc_tumor_board, 9), (doc_cath, 7),
             (doc_echo, 8), (doc_pft, 6), (doc_sleep, 6), (doc_result_note, 9), (doc_phone, 8),
             (doc_letter, 6), (doc_avs, 6)]
CASE_PREF = {"doc_echo": 0.3, "doc_cath": 0.25, "doc_result_note": 0.3, "doc_pft": 0.2,
             "doc_phone": 0.0}


# ---------------------------------------------------------------------------
# Driver and self-check
# ---------------------------------------------------------------------------

def make_doc(r):
    phi_doc = r.random() >= 0.14
    if phi_doc:
        fns, ws = zip(*DOC_TYPES)
        fn = r.choices(fns, weights=ws)[0]
    else:
        fn = doc_nophi
    name = fn.__name__
    u = r.random()
    if name == "doc_phone":
        case = "lower" if u < 0.45 else "mixed"
    elif u < CASE_PREF.get(name, 0.06) + 0.04:
        case = "upper"
    elif u > 0.95:
        case = "lower"
    else:
        case = "mixed"
    noise = r.choice([0.0, 0.0, 0.05, 0.12, 0.25])
    d = Doc(r, case, noise)
    c = Ctx(r, d)
    fn(c)
    return d, name


def check(rec):
    text = rec["text"]
    errs = []
    for key in ("phi", "protected"):
        prev_end = -1
        prev_start = -1
        for sp in rec[key]:
            s, e = sp["start"], sp["end"]
            if not (0 <= s < e <= len(text)):
                errs.append(f"{key} out of range {sp}")
                continue
            t = text[s:e]
            if t != t.strip():
                errs.append(f"{key} whitespace {sp} {t!r}")
            if s < prev_end or s < prev_start:
                errs.append(f"{key} overlap/unsorted {sp}")
            prev_end, prev_start = max(prev_end, e), s
    j = 0
    prot = rec["protected"]
    for sp in rec["phi"]:
        for q in prot:
            if q["start"] < sp["end"] and sp["start"] < q["end"]:
                errs.append(f"phi/protected overlap {sp} {q}")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    bad = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(a.n):
            for attempt in range(60):
                d, name = make_doc(r)
                text = d.text()
                if 300 <= len(text) <= 2500:
                    break
            rec = {"id": f"gen_h-s{a.seed}-{i:05d}", "text": text,
                   "phi": [{"start": s, "end": e, "label": l} for s, e, l in d.phi],
                   "protected": [{"start": s, "end": e, "kind": k} for s, e, k in d.prot]}
            errs = check(rec)
            if not (300 <= len(text) <= 2500):
                errs.append(f"length {len(text)} out of range")
            if errs:
                bad += 1
                for e in errs[:5]:
                    print(f"SELF-CHECK FAIL {rec['id']} ({name}): {e}", file=sys.stderr)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if bad:
        print(f"self-check: {bad} of {a.n} records failed", file=sys.stderr)
        sys.exit(1)
    print(f"wrote {a.n} records to {a.out}; self-check passed", file=sys.stderr)


if __name__ == "__main__":
    main()
