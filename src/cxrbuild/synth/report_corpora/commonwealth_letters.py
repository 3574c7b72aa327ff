#!/usr/bin/env python3
"""Synthetic annotated clinical documents: non-US (UK/NHS, Scotland, Ireland,
Australia, New Zealand, Canada, South Africa, India, Singapore) letters,
referrals, SBAR handovers, telephone triage notes, ward round entries and
chest X-ray reports.  Standard library only.

    python3 gen.py --seed S --n N --out FILE.jsonl

Every PHI value is inserted through M(label, value); protected clinical
content through P(kind, value).  The marked-up text is parsed at the end into
plain text plus exact character offsets, then self-checked.
"""
import argparse
import json
import random
import re
import sys
import datetime as dt

# ---------------------------------------------------------------------------
# markup helpers
# ---------------------------------------------------------------------------
SOH, STX, ETX = "\x01", "\x02", "\x03"
PHI_LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION",
              "HOSPITAL", "ORGANIZATION", "CONTACT"}
PROT_KINDS = {"MEASUREMENT", "FRACTION", "SETTING", "VITAL", "EPONYM",
              "DEVICE", "DRUG"}


def M(label, s):
    """Mark a PHI value."""
    s = str(s)
    assert label in PHI_LABELS, label
    assert s and s == s.strip(), repr(s)
    return SOH + label + STX + s + ETX


def P(kind, s):
    """Mark a protected clinical value."""
    s = str(s)
    assert kind in PROT_KINDS, kind
    assert s and s == s.strip(), repr(s)
    return SOH + "p:" + kind + STX + s + ETX


def DRUG(s): return P("DRUG", s)
def MEAS(s): return P("MEASUREMENT", s)
def FRAC(s): return P("FRACTION", s)
def SETT(s): return P("SETTING", s)
def VIT(s): return P("VITAL", s)
def EPO(s): return P("EPONYM", s)
def DEV(s): return P("DEVICE", s)


_INLINE = re.compile(r"<(D|M|F|S|V|E|X)\|([^<>|]+)>")
_INLINE_KIND = {"D": "DRUG", "M": "MEASUREMENT", "F": "FRACTION", "S": "SETTING",
                "V": "VITAL", "E": "EPONYM", "X": "DEVICE"}


def mk(s):
    """Convert inline markup '<D|furosemide>' etc. into protected markers."""
    return _INLINE.sub(lambda m: P(_INLINE_KIND[m.group(1)], m.group(2)), s)


# ---------------------------------------------------------------------------
# surrogate lists (written for this program)
# ---------------------------------------------------------------------------
FEMALE = """Margaret Eileen Siobhan Aoife Niamh Saoirse Mairead Bridget Catriona Morag
Isla Eilidh Kirsty Fiona Shona Ailsa Gwen Bethan Cerys Rhiannon Olive Mavis Doris Edna
Ethel Gladys Winifred Dorothy Joan Brenda Sheila Pauline Maureen Janet Hope Joy Faith
Grace Iris Ivy Rose Hazel Pearl Violet Lorraine Tracey Kylie Shannon Tegan Chloe Amelia
Olivia Jessica Charlotte Harriet Imogen Matilda Beatrix Maria Lucia Carmen Guadalupe
Ximena Ines Joana Fernanda Amelie Margaux Genevieve Josiane Sylvie Annelies Femke
Greetje Liesbeth Heike Ingrid Giulia Francesca Chiara Agnieszka Malgorzata Katarzyna
Zofia Svetlana Olga Tatiana Oksana Halyna Nadiya Eleni Despina Athena Ayse Elif Zeynep
Fatima Aisha Layla Noor Maryam Shirin Parisa Roya Folake Adaeze Chiamaka Ngozi Abena
Akosua Ama Wanjiru Achieng Nomvula Thandiwe Zanele Lindiwe Priya Lakshmi Anjali Deepika
Sunita Kavitha Meenakshi Harpreet Gurpreet Farzana Nasreen Mei Jia_Hui Li_Na Xiu_Ying
Min-ji Seo-yeon Ji-woo Thi_Lan Ngoc_Anh Yuki Haruka Sakura Maricel Rowena Jocelyn
Marisol Aiyana Winona Kateri Sigrid Astrid Solveig Freya Aroha Mere Kiri Tui Mereana
Bronwyn Raelene Sharlene Talia Ottilie Wren Lark Summer Dawn April June May Precious
Blessing Memory Patience Charity Siew_Lan Noraini Siti Nurul Tamsin Jenna Leanne Nicola
Gemma Stacey Kerry-Ann Mary-Kate Aine Roisin Clodagh Grainne Orla""".split()

MALE = """John James Patrick Padraig Seamus Eoin Cian Oisin Ciaran Declan Fergus Hamish
Angus Callum Ruaridh Alasdair Dougal Iain Gareth Rhys Dafydd Emrys Owain Harold Albert
Alfred Arthur Cyril Leonard Reginald Stanley Walter Wilfred Norman Derek Trevor Nigel
Clive Graham Colin Barry Darren Wayne Shane Bruce Craig Brett Jayden Lachlan Oliver Harry
George Freddie Alfie Jose Juan_Carlos Miguel Alejandro Santiago Joao Tiago Goncalo Rui
Pierre Jean-Luc Etienne Mathieu Thibault Pieter Joost Maarten Dirk Klaus Jurgen Wolfgang
Matthias Giuseppe Luca Salvatore Enzo Piotr Tomasz Krzysztof Wojciech Dmitri Sergei
Alexei Mykola Taras Bohdan Yiannis Kostas Dimitrios Mehmet Emre Mustafa Ahmed Omar Yusuf
Khalid Hamza Reza Dariush Kian Babak Oluwaseun Babatunde Adebayo Chukwuemeka Obinna
Ikenna Kwame Kofi Yaw Kwabena Otieno Kamau Mwangi Tesfaye Sipho Thabo Themba Bongani
Johan Gerhardus Rajesh Arjun Vikram Suresh Sanjay Venkatesh Harjit Gurdeep Imran Tariq
Wei Jian Hao Zhi_Wei Jun_Jie Min-jun Seung-ho Dong-hyun Minh Quang Duc Hiroshi Takeshi
Kenji Renato Jomar Rodel Dakota Ahanu Koda Lars Anders Bjorn Sven Olafur Tane Wiremu
Rangi Hemi Nikau Bodhi Jarrah Rocky Sonny Lucky King Ernest Frank Ray Victor Rex
Cornelius Ebenezer Tobias Jethro Ravi Anand Karthik Mohan Farhan Azlan Hafiz Kelechi
Emeka Tunde Femi Kojo Vusi Lwazi Sandile Dermot Liam Ronan Fionn""".split()

FEMALE = [x.replace("_", " ") for x in FEMALE]
MALE = [x.replace("_", " ") for x in MALE]

SURNAMES = """Smith Jones Taylor Brown Williams Wilson Davies Evans Thomas Roberts Hughes
Lewis Griffiths Morgan Pritchard Llewellyn Price Walsh Murphy Kelly O'Brien O'Sullivan
O'Shaughnessy O'Neill O'Donoghue O'Rourke O'Hare Ni_Bhriain Mac_Giolla_Phadraig
McCarthy McGowan McLaughlin McAllister MacDonald MacLeod MacKenzie Mackintosh McAteer
Fitzgerald Fitzpatrick Gallagher Doherty Byrne Ryan Quinn Nolan Brennan Kavanagh
Cunningham Campbell Stewart Robertson Fraser Grant Munro Sinclair Drummond Urquhart
Hope Frost Bishop Lane Hardy Wolf Young Rivers Joy Love Savage Bird Fox Moon Stone
Winter Summers Marsh Field Brook Church Hill Wood Baker Cook Mason Carpenter Shepherd
Fisher Parsons Gentle Goodbody Sweet Small Long Hale Rich Noble Sharp Swift Bold
Chamberlain Garcia_Lopez Hernandez_Ruiz Martinez_de_la_Cruz de_la_Fuente Rodriguez
Fernandez Sanchez Vazquez Castillo Moreno Gutierrez dos_Santos da_Silva Pereira
Ferreira Goncalves Carvalho Rodrigues Costa Sousa Oliveira Lefebvre Dubois Moreau
Fournier Girard Rousseau Leclerc Beaulieu Tremblay Gagnon Bouchard Cote Pelletier
Lavoie van_der_Merwe van_Niekerk Botha du_Plessis Pretorius Venter Nel Coetzee Steyn
van_Rensburg de_Villiers Visser van_den_Berg de_Jong Bakker Janssen ter_Horst van_Dijk
von_Hollen von_Essen Schneider Fischer Weber Becker Hoffmann Schmidt Muller Zimmermann
Rossi Russo Esposito Bianchi Romano Ricci Di_Stefano Di_Marco Del_Vecchio De_Luca
Lo_Bianco Kowalski Nowak Wisniewski Wojcik Kaminski Lewandowska Zielinski Szymanski
Ivanov Petrov Smirnov Volkov Kuznetsova Sokolov Popova Shevchenko Kovalenko Bondarenko
Tkachenko Kravchuk Melnyk Papadopoulos Georgiou Nikolaidis Konstantinou Christodoulou
Yilmaz Kaya Demir Celik Sahin Ozturk Al-Sayed Al-Farsi al-Hashimi Haddad Khoury Nasser
Hussain Rahman Abdullah bin_Ismail bin_Rahman Hosseini Tehrani Rahimi Karimi Moradi
Jafari Adeyemi Okonkwo Okafor Eze Nwosu Ogunleye Balogun Oyelaran Afolabi Mensah Owusu
Boateng Asante Osei Agyeman Kariuki Odhiambo Wanjiku Mutua Njoroge Haile Bekele
Mekonnen Dlamini Nkosi Ndlovu Mthembu Khumalo Zulu Mokoena Naidoo Pillay Govender
Moodley Reddy Patel Shah Sharma Gupta Iyer Nair Menon Krishnan Subramaniam Chatterjee
Banerjee Mukherjee Singh Kaur Sandhu Gill Dhillon Choudhury Khan Qureshi Siddiqui Chen
Wang Li Zhang Liu Tan Lim Lee Ng Goh Teo Ong Chua Koh Wong Chan Leung Cheung Kim Park
Choi Jung Kang Yoon Nguyen Tran Le Pham Hoang Vu Dang Bui Sato Suzuki Takahashi Tanaka
Watanabe Yamamoto Nakamura Kobayashi Santos Reyes Cruz Bautista Villanueva Dela_Cruz
Mendoza Aquino Manalo Soliven Begay Yazzie Tsosie Redcloud Whitehorse Lightfoot
Runningwater Johansson Andersson Lindqvist Lindstrom Halvorsen Haugen Sorensen Nielsen
Virtanen Korhonen Gudmundsdottir Sigurdsson Ngata Tuhiwai Parata Te_Whiu Waititi
Tamihana Henare Tuilagi Fonoti Tupou Faleolo O'Shaughnessy-Ruiz Smith-Odhiambo
Clarke-Patel Hart-Davies Lloyd-Jones Ap_Rhys Featherstonehaugh Cholmondeley Pugh
Ellison Hadley Okoro Abernethy Gilchrist Lockhart Kinnear Baird Gunn Rennie""".split()
SURNAMES = [x.replace("_", " ") for x in SURNAMES]

_SYL1 = ["Zor", "Ka", "Vel", "Thra", "Quen", "Mor", "Bal", "Ys", "Dra", "Fen", "Lu",
         "Pim", "Ost", "Har", "Bre", "Cal", "Tev", "Nym", "Oru", "Sael", "Wix", "Jor"]
_SYL2 = ["a", "e", "i", "o", "an", "el", "ar", "is", "u", "ea", "ai"]
_SYL3 = ["dell", "vik", "mont", "nard", "sby", "win", "tor", "quist", "ley", "rath",
         "bury", "ssen", "ko", "mbe", "lani", "dari", "thorpe", "gard"]


def invented_name(rng, given=False):
    s = rng.choice(_SYL1) + rng.choice(_SYL2) + (rng.choice(_SYL3) if not given or rng.random() < .5 else "")
    return s.capitalize()


TOWNS_BY = {
 "UK": """Leeds Sheffield Bradford Wakefield Harrogate Kendal Penrith Carlisle Hexham Morpeth
Durham Darlington Whitby Scarborough Grimsby Lincoln Boston Spalding King's_Lynn Norwich
Ipswich Colchester Chelmsford Basildon Luton Bedford Northampton Kettering Leicester
Loughborough Derby Buxton Stoke-on-Trent Crewe Chester Wrexham Bangor Aberystwyth
Swansea Llanelli Carmarthen Cardiff Newport Merthyr_Tydfil Gloucester Cheltenham Swindon
Bath Taunton Exeter Truro Penzance Plymouth Torquay Bournemouth Salisbury Winchester
Basingstoke Reading Slough Guildford Crawley Brighton Hastings Eastbourne Maidstone
Canterbury Margate Dover Croydon Bromley Lewisham Hackney Walthamstow Enfield Barnet
Harrow Ealing Hounslow Kingston_upon_Thames Sutton Oldham Rochdale Bolton Wigan Salford
Stockport Macclesfield Blackburn Burnley Preston Blackpool Lancaster Barrow-in-Furness
Workington Sunderland Gateshead Hartlepool Middlesbrough Stockton-on-Tees Hollisford
Marwick_Vale Kettlebridge Ashcombe_Magna Brackenthwaite Thornleigh_Cross Pennycombe
Lowerby Fairhaven Belfast Lisburn Newry Omagh Enniskillen Ballymena Coleraine""",
 "SCOT": """Glasgow Paisley Kilmarnock Ayr Dumfries Stirling Falkirk Livingston Kirkcaldy
Dunfermline Perth Dundee Arbroath Aberdeen Peterhead Elgin Inverness Fort_William Oban
Stornoway Lerwick Kirkwall Strathdun Glenfarrach Inverlochy_Mains Motherwell Hamilton
Greenock Musselburgh Dalkeith Edinburgh Leith Portobello""",
 "IE": """Dublin Cork Galway Limerick Waterford Kilkenny Sligo Letterkenny Tralee Killarney
Ennis Athlone Mullingar Tullamore Portlaoise Drogheda Dundalk Navan Wexford Clonmel
Castlebar Ballina Carlow Ballykeel_More Dunmorrow Tallaght Swords Blanchardstown
Clondalkin Mallow Nenagh Roscommon""",
 "AU": """Sydney Parramatta Penrith Wollongong Newcastle Gosford Dubbo Orange Wagga_Wagga
Albury Melbourne Geelong Ballarat Bendigo Shepparton Mildura Brisbane Ipswich Toowoomba
Rockhampton Mackay Townsville Cairns Bundaberg Adelaide Mount_Gambier Whyalla Perth
Fremantle Bunbury Geraldton Kalgoorlie Hobart Launceston Devonport Darwin Alice_Springs
Katherine Canberra Queanbeyan Wattle_Creek Coolabah_Springs Kirrawee Blacktown
Campbelltown Liverpool Frankston Dandenong Footscray""",
 "NZ": """Auckland Manukau Hamilton Tauranga Rotorua Gisborne Napier Hastings New_Plymouth
Whanganui Palmerston_North Wellington Lower_Hutt Nelson Blenheim Christchurch Timaru
Dunedin Invercargill Whangarei Porirua Masterton Otaki Te_Awamutu Kaikohe Port_Ellery""",
 "CA": """Toronto Mississauga Brampton Hamilton London Kitchener Windsor Sudbury Thunder_Bay
Kingston Ottawa Gatineau Montreal Laval Sherbrooke Halifax Dartmouth Moncton Fredericton
Saint_John Charlottetown St._John's Winnipeg Brandon Regina Saskatoon Calgary Edmonton
Red_Deer Lethbridge Kelowna Kamloops Vancouver Surrey Victoria Nanaimo Prince_George
Whitehorse Yellowknife Iqaluit Saint-Aubin-des-Pins Timmins Barrie Oshawa""",
 "ZA": """Johannesburg Soweto Pretoria Durban Pietermaritzburg Cape_Town Stellenbosch Paarl
George Gqeberha East_London Mthatha Bloemfontein Kimberley Polokwane Mbombela Rustenburg
Khayelitsha Mitchells_Plain Umlazi Tembisa Benoni Germiston Worcester""",
 "IN": """Mumbai Pune Nagpur Nashik Delhi Noida Gurugram Jaipur Lucknow Kanpur Patna
Kolkata Bhubaneswar Chennai Coimbatore Madurai Bengaluru Mysuru Mangaluru Hyderabad
Vijayawada Kochi Thiruvananthapuram Kozhikode Ahmedabad Surat Vadodara Chandigarh
Ludhiana Amritsar Thane Secunderabad""",
 "SG": """Ang_Mo_Kio Tampines Bedok Jurong_West Woodlands Yishun Toa_Payoh Bukit_Batok
Serangoon Pasir_Ris Hougang Sengkang Clementi Queenstown Bishan Punggol Kallang Geylang
Marine_Parade Bukit_Merah""",
}
TOWNS_BY = {k: [x.replace("_", " ") for x in v.split()] for k, v in TOWNS_BY.items()}

COUNTRIES = """Poland Lithuania Romania Nigeria Ghana Zimbabwe Kenya Pakistan Bangladesh
Sri_Lanka the_Philippines Vietnam Somalia Eritrea Syria Afghanistan Ukraine Brazil
Portugal Spain Thailand Bali Fiji Samoa Tonga India Malaysia Indonesia China Hong_Kong
Jamaica Trinidad Guyana Turkey Egypt Morocco Peru Guatemala Zambia Malawi Nepal
Iran Iraq Sudan Kerala Punjab Goa Cyprus Greece Italy""".split()
COUNTRIES = [x.replace("_", " ") for x in COUNTRIES]

STREET_NAMES = """Acacia Beech Chestnut Elm Hawthorn Rowan Sycamore Laburnum Kingsway Victoria
Albert Station Church Mill High Park Queen's King_Edward Wellington Nelson Marlborough
Balmoral Glencoe Dunvegan Tara Shannon Liffey Wattle Banksia Jacaranda Eucalypt Kowhai
Pohutukawa Rimu Maple Birch Tamarind Nehru Gandhi Lakeshore Bloor Yonge Jasper Hillcrest
Orchard Meadow Foxglove Heather Bracken Thistle Primrose Harbour Esplanade Tennyson
Wordsworth Brunswick Carlton Fitzroy Grosvenor Cromwell Ashby Lister Darwin Moorland
Ferndale Glebe Quarry Tannery Windmill Kiln Ropewalk Cemetery Canal Bridge Abbey
Priory Chapel Manse Croft St_Aidan's St_Brigid's Cloverhill Kilmore Carrickmines
Bellevue Rosemount Sunnybank Waratah Kookaburra Kauri Totara Mahatma_Gandhi MG Brigade
Residency Serangoon Lorong_Ah_Soo Jalan_Bukit Upper_Thomson Jan_Smuts Voortrekker
Rissik Long""".split()
STREET_NAMES = [x.replace("_", " ") for x in STREET_NAMES]
STREET_TYPES = ["Road", "Street", "Avenue", "Lane", "Close", "Crescent", "Drive", "Way",
                "Gardens", "Terrace", "Grove", "Place", "Court", "Mews", "Rise", "View",
                "Parade", "Walk", "Brae", "Wynd", "Rd", "St", "Ave", "Cres", "Dr"]

WARDS = """Nightingale Florence Seacole Cavell Fleming Lister Jenner Harvey Elgar Brunel
Darwin Attlee Bevan Keats Byron Shelley Tennyson Austen Bronte Holly Rowan Willow
Cedar Juniper Heather Bluebell Primrose Kingfisher Heron Kestrel Osprey Puffin Curlew
Wren Robin Magpie Swallow Sandpiper Waratah Banksia Kauri Totara Pohutukawa Rata
Kowhai Jacaranda Protea Fynbos Lotus Jasmine Orchid Tulsi Merlion Aurora Borealis
Harbour Ocean Meadow Riverside Sunflower Poppy Daffodil Bracken Thistle Shamrock
St_Anne's St_Luke's St_Columba's St_Patrick's Brigid Mary_Aikenhead Catherine_McAuley
Edith_Cavell Mary_Seacole Elsie_Inglis Sophia_Jex-Blake""".split()
WARDS = [x.replace("_", " ") for x in WARDS]

FAC_STEMS = """Northbridge Hollis_Valley Ashgrove Maple_Crest Kingsway Elm_Tree Riverside
Oakwood Beechmount Larkhill Fernbank Glenview Harbourside Westgate Eastfield Southmead
Broadmoor_Vale Thornbury Kilbride Carrigmore St_Brigid's St_Columba's St_Aidan's
St_Wilfrid's St_Jude's Our_Lady_of_Lourdes Mater_Misericordiae Wattle_Grove Banksia_Park
Coolabah Tamarind Jacaranda Kowhai Rimu Pohutukawa Te_Aroha Whenua Rosewood Cedar_Lodge
Heathfield Moorside Brightwater Silverdale Greenhaven Blackwood Redcliffe Stonebridge
Ravenscourt Hawthorne Meadowbank Lakeside Clearwater Sunnyside Summerhill Highfield
Ferncliffe Lindenhurst Queen_Adelaide Prince_Alfred Lady_Grey Sir_Thomas_Lawrie
Groote_Vallei Umhlanga Sahyadri Sanjeevani Arogya Vatsalya Kaveri Ganga Jeevan_Jyoti
Tan_Tock_Seng_Hill Bukit_Mera Seletar_Park Kallang_Bay Serenity Fairview Marwick""".split()
FAC_STEMS = [x.replace("_", " ") for x in FAC_STEMS]

ORGS = """Glenmore_Colliery Harland_Freight Kessler_Marine_Works Tyne_Valley_Foundry
Corrib_Textiles Midland_Rail Northbridge_Council Strathdun_Distillery Pennine_Buses
St_Aidan's_Primary_School Kilbride_Community_College Holy_Trinity_Church
St_Brigid's_Parish Wattle_Creek_Mine Coolabah_Shire_Council Harbour_City_Ferries
Kauri_Dairy_Co-op Taranaki_Timber Lakeshore_Steel Tim_Hortons Canadian_Tire
Groote_Vallei_Wines Umgeni_Water Sahyadri_Motors Kaveri_Textile_Mills Infosys
Tata_Consultancy Seletar_Aerospace Kallang_Logistics Royal_Mail Tesco Sainsbury's
Marks_&_Spencer Bord_na_Mona An_Post Woolworths Bunnings Fonterra Transnet Eskom
Hollis_Valley_Grammar Lincoln_Hall_Academy Marwick_Engineering Ashby_&_Sons_Builders""".split()
ORGS = [x.replace("_", " ") for x in ORGS]

JOBS = ["retired miner", "retired teacher", "ex-welder", "farmer", "retired nurse",
        "bus driver", "retired postman", "retired shopkeeper", "former docker",
        "retired accountant", "school cleaner", "retired joiner", "taxi driver",
        "lorry driver", "retired engineer", "retired seamstress", "shop assistant",
        "retired bank clerk", "retired electrician", "chef", "retired civil servant"]


# ---------------------------------------------------------------------------
# small random helpers
# ---------------------------------------------------------------------------
def ch(rng, seq):
    return seq[rng.randrange(len(seq))]


def wch(rng, pairs):
    """weighted choice from [(weight, value), ...]"""
    tot = sum(w for w, _ in pairs)
    x = rng.random() * tot
    for w, v in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][1]


def digits(rng, n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def letters(rng, n, pool="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(rng.choice(pool) for _ in range(n))


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMWORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
            94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
            98: "ninety-eight", 99: "ninety-nine", 100: "one hundred",
            101: "one hundred and one", 102: "one hundred and two"}


# ---------------------------------------------------------------------------
# dates and times
# ---------------------------------------------------------------------------
def date_str(rng, d, style=None, us=False):
    """Render a full calendar date in one of many non-US styles."""
    if style is None:
        pool = [(14, "dmy"), (6, "dmy2"), (5, "dmyd"), (4, "dmydot"), (6, "ord"),
                (4, "ordof"), (7, "dmon"), (4, "dmonhy"), (3, "iso"), (2, "dmonup"),
                (2, "wkd"), (1, "wkdup")]
        if us:
            pool += [(8, "mdylong"), (4, "iso"), (3, "mdy")]
        style = wch(rng, pool)
    mon, mn = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    if style == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}" if rng.random() < .8 else f"{d.day}/{d.month}/{d.year}"
    if style == "dmy2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "dmyd":
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "dmydot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {mon} {d.year}"
    if style == "ordof":
        return f"{ordinal(d.day)} of {mon} {d.year}" if rng.random() < .6 else f"{ordinal(d.day)} of {mon}"
    if style == "dmon":
        return f"{d.day} {mn} {d.year}" if rng.random() < .7 else f"{d.day} {mon} {d.year}"
    if style == "dmonhy":
        return f"{d.day:02d}-{mn}-{d.year}" if rng.random() < .5 else f"{d.day:02d}-{mn.upper()}-{d.year % 100:02d}"
    if style == "iso":
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if style == "dmonup":
        return f"{d.day:02d} {mn.upper()} {d.year}"
    if style == "wkd":
        return f"{WEEKDAYS[d.weekday()]} {ordinal(d.day)} {mon} {d.year}"
    if style == "wkdup":
        return f"{WEEKDAYS[d.weekday()].upper()}, {d.day} {mon.upper()} {d.year}"
    if style == "mdylong":
        return f"{mon} {d.day}, {d.year}" if rng.random() < .6 else f"{mn} {d.day}, {d.year}"
    if style == "mdy":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    raise ValueError(style)


def partial_date_str(rng, d):
    """Month/year, day/month, year alone and similar partial dates."""
    mon, mn = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    return wch(rng, [
        (3, f"{mn} '{d.year % 100:02d}"), (3, f"{mon} {d.year}"), (2, f"{d.month:02d}/{d.year}"),
        (2, f"{mn}-{d.year % 100:02d}"), (2, f"{ordinal(d.day)} {mon}"),
        (2, f"{ordinal(d.day)} of {mon}"), (2, f"{d.day}/{d.month}"), (1, f"{mn} {d.year}"),
        (1, f"{d.day} {mn}")])


def D(rng, d, style=None, us=False):
    return M("DATE", date_str(rng, d, style, us))


def time_str(rng, h=None, m=None, style=None):
    if h is None:
        h = rng.randrange(24)
    if m is None:
        m = ch(rng, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55] + list(range(60)))
    if style is None:
        style = wch(rng, [(5, "hrs"), (2, "hrs_sp"), (5, "colon"), (2, "dot"), (3, "ampm"),
                          (2, "h"), (2, "plain"), (1, "noon")])
    if style == "noon":
        if h in (11, 12, 13):
            return "noon"
        if h in (23, 0, 1):
            return "midnight"
        style = "colon"
    if style == "hrs":
        return f"{h:02d}{m:02d}hrs"
    if style == "hrs_sp":
        return f"{h:02d}{m:02d} hrs"
    if style == "colon":
        return f"{h:02d}:{m:02d}"
    if style == "dot":
        return f"{h:02d}.{m:02d}"
    if style == "h":
        return f"{h:02d}{m:02d}h"
    if style == "plain":
        return f"{h:02d}{m:02d}"
    if style == "ampm":
        hh = h % 12 or 12
        suf = ch(rng, ["am", "AM", "a.m."] if h < 12 else ["pm", "PM", "p.m."])
        sep = ch(rng, [".", ":"])
        if m == 0 and rng.random() < .5:
            return f"{hh}{suf}" if rng.random() < .5 else f"{hh} {suf}"
        return f"{hh}{sep}{m:02d}{suf}" if rng.random() < .6 else f"{hh}{sep}{m:02d} {suf}"
    raise ValueError(style)


def T(rng, h=None, m=None, style=None):
    return M("TIME", time_str(rng, h, m, style))


def year_ref(rng, y):
    """A year alone in running text, e.g. 'in 2009', '(1998)', "since '71"."""
    f = wch(rng, [(4, "in"), (3, "paren"), (2, "since"), (1, "apos"), (1, "bare")])
    if f == "in":
        return "in " + M("DATE", str(y))
    if f == "paren":
        return "(" + M("DATE", str(y)) + ")"
    if f == "since":
        return "since " + M("DATE", str(y))
    if f == "apos":
        return "in " + M("DATE", f"'{y % 100:02d}")
    return M("DATE", str(y))


HOLIDAYS = {"UK": ["Christmas", "Boxing Day", "Easter", "New Year's Day", "Bonfire Night"],
            "SCOT": ["Hogmanay", "Christmas", "Burns Night"],
            "IE": ["St Patrick's Day", "Christmas", "Easter"],
            "AU": ["Anzac Day", "Australia Day", "Christmas", "Boxing Day"],
            "NZ": ["Waitangi Day", "Anzac Day", "Christmas"],
            "CA": ["Canada Day", "Thanksgiving", "Christmas", "Boxing Day"],
            "ZA": ["Heritage Day", "Christmas", "Freedom Day"],
            "IN": ["Diwali", "Holi", "Onam", "Pongal", "Christmas"],
            "SG": ["Chinese New Year", "Hari Raya", "Deepavali", "National Day"]}


# ---------------------------------------------------------------------------
# identifiers with check digits
# ---------------------------------------------------------------------------
def nhs_number(rng):
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        if d[0] == 0:
            continue
        s = sum(x * (10 - i) for i, x in enumerate(d))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        return "".join(map(str, d)) + str(c)


def luhn_digit(num):
    tot = 0
    for i, ch_ in enumerate(reversed(num)):
        x = int(ch_)
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return str((10 - tot % 10) % 10)


def fmt334(n, sep=" "):
    return f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"


def uk_postcode(rng, areas):
    a = ch(rng, areas)
    dist = str(rng.randrange(1, 30)) if len(a) == 1 else str(rng.randrange(1, 20))
    if rng.random() < .12 and len(a) == 2:
        dist = str(rng.randrange(1, 10)) + ch(rng, "ABEHMNPRVWXY")
    return f"{a}{dist} {rng.randrange(10)}{letters(rng, 2, 'ABDEFGHJLNPQRSTUWXYZ')}"


# ---------------------------------------------------------------------------
# locales
# ---------------------------------------------------------------------------
class Locale:
    code = "UK"
    us = False
    regions = []
    email_domains = ["nhs.net"]
    grades_dr = ["Consultant", "Registrar", "SpR", "SHO", "FY1", "FY2", "CT1", "ST3", "Staff Grade"]
    grades_rn = ["Staff Nurse", "Sister", "Charge Nurse", "Ward Manager", "Matron", "HCA",
                 "Nurse Practitioner", "Student Nurse"]
    rn_abbr = ["SN", "S/N", "CN", "Sr", "RN"]
    triage = ["NHS 111", "GP out-of-hours service", "district nursing triage line"]
    gp_title = "GP"
    eds = ["Emergency Department", "A&E", "Emergency Department (ED)"]
    id_cues = {}

    def __init__(self, rng):
        self.rng = rng

    # places -------------------------------------------------------------
    def towns(self):
        return TOWNS_BY[self.code]

    def town(self):
        r = self.rng
        if r.random() < .06:
            return invented_name(r) + ch(r, ["", " Green", " Bridge", " Heath", " Vale", " Park"])
        return ch(r, self.towns())

    def postcode(self):
        return uk_postcode(self.rng, ["LS", "S", "BD", "WF", "HG", "LA", "CA", "NE", "DH", "DL",
                                      "YO", "DN", "LN", "PE", "NR", "IP", "CO", "CM", "LU", "MK",
                                      "NN", "LE", "DE", "SK", "ST", "CH", "LL", "SA", "CF", "NP",
                                      "GL", "SN", "BA", "TA", "EX", "TR", "PL", "TQ", "BH", "SP",
                                      "SO", "RG", "SL", "GU", "RH", "BN", "TN", "ME", "CT", "CR",
                                      "BR", "SE", "E", "N", "W", "NW", "OL", "BL", "WN", "M",
                                      "BB", "PR", "FY", "SR", "TS", "BT"])

    def street(self):
        r = self.rng
        return ch(r, STREET_NAMES) + " " + ch(r, STREET_TYPES)

    def address(self, full=True):
        """list of marked address lines"""
        r = self.rng
        lines = []
        first = ""
        if r.random() < .18:
            first = M("LOCATION", ch(r, ["Flat ", "Apt ", "Flat "]) + str(r.randrange(1, 40))) + ", "
        elif r.random() < .1:
            lines.append(M("LOCATION", ch(r, FAC_STEMS) + ch(r, [" Cottage", " House", " Farm", " Court"])))
        lines.append(first + M("LOCATION", str(r.randrange(1, 220))) + " " + M("LOCATION", self.street()))
        if r.random() < .3:
            lines.append(M("LOCATION", invented_name(r) + ch(r, [" Estate", "", " Park", "ton"])))
        tline = M("LOCATION", self.town())
        if self.regions and r.random() < .5:
            lines.append(tline)
            tline = M("LOCATION", ch(r, self.regions))
        if full:
            lines.append(tline)
            lines.append(M("LOCATION", self.postcode()))
        else:
            lines.append(tline)
        return lines

    def fac_address(self):
        """street address of a hospital or practice (no flats/units)"""
        r = self.rng
        lines = [M("LOCATION", str(r.randrange(1, 400))) + " " + M("LOCATION", self.street())]
        t = M("LOCATION", self.town())
        if self.regions and r.random() < .3:
            t += ", " + M("LOCATION", ch(r, self.regions))
        if r.random() < .8:
            t += " " + M("LOCATION", self.postcode())
        lines.append(t)
        return lines

    # telephones -------------------------------------------------------------
    def phone(self):
        r = self.rng
        f = r.randrange(5)
        if f == 0:
            return f"0{ch(r, ['113', '114', '161', '191', '117', '121', '131', '141'])} {digits(r, 3)} {digits(r, 4)}"
        if f == 1:
            return f"020 {ch(r, '378')}{digits(r, 3)} {digits(r, 4)}"
        if f == 2:
            return f"(01{digits(r, 3)}) {digits(r, 6)}"
        if f == 3:
            return f"01{digits(r, 3)} {digits(r, 6)}"
        return f"+44 (0){ch(r, ['113', '161', '1632'])} {digits(r, 3)} {digits(r, 4)}"

    def mobile(self):
        r = self.rng
        if r.random() < .7:
            return f"07{digits(r, 3)} {digits(r, 6)}"
        return f"+44 7{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}"

    def internal(self):
        """bleep/extension: returns (cue, value)"""
        r = self.rng
        return wch(r, [(4, ("bleep", digits(r, 4))), (2, ("ext", digits(r, 4))),
                       (1, ("ext.", digits(r, 5))), (1, ("x", digits(r, 4))),
                       (1, ("pager", digits(r, 3) + "-" + digits(r, 3)))])

    # identifiers ------------------------------------------------------------
    def hosp_no(self):
        r = self.rng
        return wch(r, [(3, ch(r, ["RXH", "RTH", "RWA", "RBK", "RJ1", "RM3"]) + digits(r, 8)),
                       (2, letters(r, 1) + digits(r, 6)), (2, digits(r, 8)),
                       (1, letters(r, 2) + digits(r, 6) + letters(r, 1))])

    def patient_ids(self, dob):
        r = self.rng
        out = [(ch(r, ["NHS No", "NHS Number", "NHS no.", "NHS"]), fmt334(nhs_number(r), ch(r, [" ", " ", " ", "-", ""])))]
        out.append((ch(r, ["Hosp No", "Hospital No", "MRN", "Unit No", "Hosp. no", "K number"]), self.hosp_no()))
        return out

    def staff_reg(self):
        r = self.rng
        return ("GMC", digits(r, 7)) if r.random() < .8 else ("GMC No.", digits(r, 7))

    def nurse_reg(self):
        r = self.rng
        return ("NMC PIN", f"{digits(r, 2)}{letters(r, 1)}{digits(r, 4)}{letters(r, 1)}")

    # facilities -------------------------------------------------------------
    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{s} General Hospital"), (2, f"{t} Royal Infirmary"),
                       (2, f"{s} Hospital"), (1, f"{s} Community Hospital"),
                       (2, f"{s} Hospitals NHS Foundation Trust"),
                       (1, f"{t} and {ch(r, self.towns())} NHS Trust"),
                       (1, f"{s} University Hospital"), (1, f"Royal {t} Hospital")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Surgery"), (3, f"{s} Medical Practice"), (2, f"{s} Health Centre"),
                       (1, f"The {s} Practice"), (2, f"{s} Medical Centre"),
                       (1, f"{ch(r, self.towns())} Group Practice")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Care Home"), (3, f"{s} Nursing Home"), (2, f"{s} House"),
                       (2, f"{s} Lodge"), (2, f"{s} Manor"), (1, f"{s} Court Residential Home"),
                       (1, f"{s} Hospice"), (1, f"{s} Villa")])

    def imaging(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(2, f"{s} Imaging"), (1, f"{s} Radiology"), (1, f"{s} Diagnostic Centre"),
                       (1, s)])

    def email(self, first, last):
        r = self.rng
        dom = ch(r, self.email_domains)
        f = re.sub(r"[^a-z]", "", first.lower())
        l = re.sub(r"[^a-z]", "", last.lower())
        return wch(r, [(3, f"{f}.{l}{ch(r, ['', '', str(r.randrange(1, 9))])}@{dom}"),
                       (1, f"{f[0]}{l}@{dom}"),
                       (1, f"{ch(r, ['admin', 'reception', 'referrals', 'enquiries'])}.{l}@{dom}")])


class LocScot(Locale):
    code = "SCOT"
    regions = ["Fife", "Lanarkshire", "Ayrshire", "Lothian", "Perthshire", "Highland", "Argyll", "Moray"]
    triage = ["NHS 24", "NHS 24 (111)", "out-of-hours service"]

    def postcode(self):
        return uk_postcode(self.rng, ["G", "EH", "AB", "DD", "KY", "IV", "PH", "FK", "KA", "ML",
                                      "PA", "DG", "ZE", "KW", "HS", "TD"])

    def phone(self):
        r = self.rng
        return ch(r, [f"0141 {digits(r, 3)} {digits(r, 4)}", f"0131 {digits(r, 3)} {digits(r, 4)}",
                      f"01{ch(r, ['224', '382', '463', '738', '592'])} {digits(r, 6)}"])

    def patient_ids(self, dob):
        r = self.rng
        chi = f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}{digits(r, 4)}"
        if r.random() < .3:
            chi = chi[:6] + " " + chi[6:]
        out = [(ch(r, ["CHI", "CHI No", "CHI Number"]), chi)]
        if r.random() < .5:
            out.append((ch(r, ["Unit No", "Hosp No"]), letters(r, 1) + digits(r, 6)))
        return out

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{t} Royal Infirmary"), (2, f"{s} General Hospital"),
                       (2, f"{s} Hospital"), (1, f"{s} Community Hospital"),
                       (1, f"Queen Margaret {s} Hospital")])


class LocIE(Locale):
    code = "IE"
    regions = ["Co. Mayo", "Co. Cork", "Co. Kerry", "Co. Galway", "Co. Donegal", "Co. Clare",
               "Co. Meath", "Co. Louth", "Co. Kildare", "Co. Wexford", "Co. Tipperary", "Co. Sligo",
               "Dublin 8", "Dublin 15", "Dublin 24"]
    email_domains = ["hse.ie", "gmail.com", "eircom.net"]
    triage = ["GP out-of-hours co-op", "SouthDoc", "ED triage line"]
    grades_dr = ["Consultant", "Registrar", "SpR", "SHO", "Intern", "NCHD", "Reg"]
    grades_rn = ["Staff Nurse", "CNM1", "CNM2", "Clinical Nurse Manager", "ANP", "HCA", "Student Nurse"]

    def postcode(self):
        r = self.rng
        rk = ch(r, ["D02", "D08", "D15", "D24", "T12", "T23", "H91", "H54", "V94", "V92", "F94",
                    "F91", "A92", "A82", "R93", "R95", "X91", "N37", "E25", "P31", "Y35", "K78"])
        return f"{rk} {letters(r, 1, 'ACDEFHKNPRTVWXY')}{letters(r, 3, 'ACDEFHKNPRTVWXY0123456789')}"

    def phone(self):
        r = self.rng
        return ch(r, [f"(01) {digits(r, 3)} {digits(r, 4)}", f"0{ch(r, ['21', '91', '61', '51', '94', '71'])} {digits(r, 3)} {digits(r, 4)}",
                      f"+353 {ch(r, ['1', '21', '91'])} {digits(r, 3)} {digits(r, 4)}",
                      f"0{ch(r, ['404', '505', '906', '949'])} {digits(r, 5)}"])

    def mobile(self):
        r = self.rng
        return ch(r, [f"08{ch(r, '35679')} {digits(r, 3)} {digits(r, 4)}", f"+353 8{ch(r, '35679')} {digits(r, 3)} {digits(r, 4)}"])

    def patient_ids(self, dob):
        r = self.rng
        out = [(ch(r, ["MRN", "Hosp No", "Chart No", "MRN No."]), ch(r, [digits(r, 7), digits(r, 6), "H" + digits(r, 7)]))]
        x = r.random()
        if x < .35:
            out.append(("PPSN", digits(r, 7) + letters(r, 1) + ch(r, ["", "A", "W", "T"])))
        elif x < .6:
            out.append((ch(r, ["GMS No", "Medical Card No"]), digits(r, 6) + letters(r, 1)))
        elif x < .8:
            out.append(("IHI", digits(r, 10)))
        return out

    def staff_reg(self):
        return ("IMC No.", digits(self.rng, 6))

    def nurse_reg(self):
        return ("NMBI PIN", digits(self.rng, 6))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"University Hospital {t}"), (2, f"{s} Hospital"), (2, f"{t} General Hospital"),
                       (1, f"{s} University Hospital"), (1, f"{t} Regional Hospital"),
                       (1, f"{s} Community Nursing Unit")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Medical Centre"), (2, f"{s} Family Practice"), (2, f"{s} Surgery"),
                       (1, f"{ch(r, self.towns())} Primary Care Centre")])


class LocAU(Locale):
    code = "AU"
    regions = ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"]
    email_domains = ["health.nsw.gov.au", "bigpond.com", "health.qld.gov.au", "outlook.com.au"]
    triage = ["healthdirect", "after-hours GP helpline", "NURSE-ON-CALL"]
    grades_dr = ["Consultant", "Registrar", "Reg", "RMO", "Intern", "JMO", "VMO", "Staff Specialist", "Fellow"]
    grades_rn = ["RN", "EN", "CNS", "CNC", "NUM", "Nurse Unit Manager", "AIN", "Clinical Nurse"]
    rn_abbr = ["RN", "EN", "CNS", "NUM"]
    eds = ["Emergency Department", "ED", "Emergency Dept"]

    def address(self, full=True):
        r = self.rng
        lines = []
        if r.random() < .25:
            num = f"{r.randrange(1, 30)}/{r.randrange(1, 200)}"
            lines.append(M("LOCATION", num) + " " + M("LOCATION", self.street()))
        else:
            lines.append(M("LOCATION", str(r.randrange(1, 400))) + " " + M("LOCATION", self.street()))
        tail = M("LOCATION", ch(r, self.towns()).upper() if r.random() < .4 else ch(r, self.towns()))
        tail += " " + M("LOCATION", ch(r, self.regions))
        if full:
            tail += " " + M("LOCATION", str(r.randrange(800, 7999)).zfill(4))
        lines.append(tail)
        return lines

    def postcode(self):
        return str(self.rng.randrange(800, 7999)).zfill(4)

    def phone(self):
        r = self.rng
        return ch(r, [f"(0{ch(r, '2378')}) {digits(r, 4)} {digits(r, 4)}", f"0{ch(r, '2378')} {digits(r, 4)} {digits(r, 4)}",
                      f"+61 {ch(r, '2378')} {digits(r, 4)} {digits(r, 4)}"])

    def mobile(self):
        r = self.rng
        return ch(r, [f"04{digits(r, 2)} {digits(r, 3)} {digits(r, 3)}", f"+61 4{digits(r, 2)} {digits(r, 3)} {digits(r, 3)}"])

    def patient_ids(self, dob):
        r = self.rng
        out = [(ch(r, ["MRN", "URN", "UR No", "UR"]), digits(r, ch(r, [6, 7, 8])))]
        med = digits(r, 10)
        out.append((ch(r, ["Medicare", "Medicare No", "Medicare No."]),
                    ch(r, [f"{med[:4]} {med[4:9]} {med[9]}", f"{med[:4]} {med[4:9]} {med[9]}-{r.randrange(1, 6)}",
                           f"{med}/{r.randrange(1, 6)}"])))
        if r.random() < .35:
            ihi = "800360" + digits(r, 10)
            out.append(("IHI", f"{ihi[:4]} {ihi[4:8]} {ihi[8:12]} {ihi[12:]}"))
        if r.random() < .15:
            out.append(("DVA", ch(r, ["N", "V", "Q", "W"]) + ch(r, ["X", ""]) + digits(r, 6)))
        return out

    def staff_reg(self):
        r = self.rng
        return ch(r, [("Prov No", digits(r, 6) + letters(r, 1) + letters(r, 1)), ("AHPRA", "MED000" + digits(r, 7))])

    def nurse_reg(self):
        return ("AHPRA", "NMW000" + digits(self.rng, 7))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{t} Base Hospital"), (2, f"{s} Hospital"), (2, f"{t} Hospital"),
                       (1, f"{s} Private Hospital"), (1, f"{s} Health Service"), (1, f"Royal {t} Hospital")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Medical Centre"), (2, f"{s} Family Practice"), (1, f"{s} Medical Clinic"),
                       (1, f"{ch(r, self.towns())} Aboriginal Medical Service")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Aged Care"), (2, f"{s} Lodge"), (2, f"{s} Gardens Aged Care"),
                       (1, f"{s} Retirement Village"), (1, f"{s} Nursing Home")])


class LocNZ(Locale):
    code = "NZ"
    regions = []
    email_domains = ["health.govt.nz", "xtra.co.nz", "gmail.com"]
    triage = ["Healthline", "after-hours clinic triage"]
    grades_dr = ["Consultant", "Registrar", "House Officer", "HO", "SMO", "Reg", "Fellow"]
    grades_rn = ["RN", "Charge Nurse", "CNS", "Nurse Practitioner", "HCA", "EN", "CNM"]
    rn_abbr = ["RN", "CN", "EN"]

    def postcode(self):
        return str(self.rng.randrange(100, 9899)).zfill(4)

    def address(self, full=True):
        r = self.rng
        lines = [M("LOCATION", str(r.randrange(1, 300)) + ch(r, ["", "", "A", "B"])) + " " + M("LOCATION", self.street())]
        if r.random() < .5:
            lines.append(M("LOCATION", invented_name(r) + ch(r, ["", " Heights", " Bay", " Park"])))
        lines.append(M("LOCATION", self.town()) + ((" " + M("LOCATION", self.postcode())) if full else ""))
        return lines

    def phone(self):
        r = self.rng
        return ch(r, [f"(0{ch(r, '34679')}) {digits(r, 3)} {digits(r, 4)}", f"0{ch(r, '34679')} {digits(r, 3)} {digits(r, 4)}",
                      f"+64 {ch(r, '34679')} {digits(r, 3)} {digits(r, 4)}"])

    def mobile(self):
        r = self.rng
        return ch(r, [f"02{ch(r, '1279')} {digits(r, 3)} {digits(r, 4)}", f"02{ch(r, '1279')}{digits(r, 7)}"])

    def patient_ids(self, dob):
        r = self.rng
        if r.random() < .7:
            nhi = letters(r, 3, "ABCDEFGHJKLMNPQRSTUVWXYZ") + digits(r, 4)
        else:
            nhi = letters(r, 3, "ABCDEFGHJKLMNPQRSTUVWXYZ") + digits(r, 2) + letters(r, 2, "ABCDEFGHJKLMNPQRSTUVWXYZ")
        return [(ch(r, ["NHI", "NHI No", "NHI#"]), nhi)]

    def staff_reg(self):
        return ("MCNZ", digits(self.rng, 5))

    def nurse_reg(self):
        return ("NCNZ", digits(self.rng, 6))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{t} Hospital"), (2, f"{s} Hospital"), (1, f"{s} Birthing Unit"),
                       (1, f"{t} Public Hospital")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Medical Centre"), (2, f"{s} Health"), (1, f"{s} Family Doctors")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Rest Home"), (2, f"{s} Retirement Village"), (1, f"{s} Lifecare"),
                       (1, f"{s} Hospital and Rest Home")])


class LocCA(Locale):
    code = "CA"
    us = True
    regions = ["ON", "BC", "AB", "QC", "NS", "MB", "SK", "NB", "NL", "PE", "Ontario", "Alberta"]
    email_domains = ["uhn.ca", "sympatico.ca", "rogers.com", "gmail.com", "shaw.ca"]
    triage = ["Health811", "Telehealth", "HealthLink BC", "Info-Sante"]
    grades_dr = ["Staff Physician", "Attending", "Resident", "PGY-2", "PGY-4", "Fellow", "Clerk"]
    grades_rn = ["RN", "RPN", "LPN", "Charge Nurse", "NP", "PSW", "Clinical Nurse Educator"]
    rn_abbr = ["RN", "RPN", "NP"]
    gp_title = "family physician"

    def postcode(self):
        r = self.rng
        L = "ABCEGHJKLMNPRSTVXY"
        return f"{ch(r, 'ABCEGHJKLMNPRSTVXY')}{r.randrange(10)}{ch(r, L)} {r.randrange(10)}{ch(r, L)}{r.randrange(10)}"

    def address(self, full=True):
        r = self.rng
        lines = []
        if r.random() < .3:
            lines.append(M("LOCATION", f"#{r.randrange(101, 2400)}") + " - " + M("LOCATION", str(r.randrange(10, 9000))) + " " + M("LOCATION", self.street()))
        else:
            lines.append(M("LOCATION", str(r.randrange(10, 9000))) + " " + M("LOCATION", self.street()))
        tail = M("LOCATION", ch(r, self.towns())) + ", " + M("LOCATION", ch(r, self.regions))
        if full:
            tail += "  " + M("LOCATION", self.postcode())
        lines.append(tail)
        return lines

    def phone(self):
        r = self.rng
        ac = ch(r, ["416", "647", "905", "613", "604", "780", "403", "514", "902", "204", "306"])
        return ch(r, [f"({ac}) {digits(r, 3)}-{digits(r, 4)}", f"{ac}-{digits(r, 3)}-{digits(r, 4)}",
                      f"{ac}.{digits(r, 3)}.{digits(r, 4)}", f"1-{ac}-{digits(r, 3)}-{digits(r, 4)}"])

    mobile = phone

    def internal(self):
        r = self.rng
        return wch(r, [(3, ("ext.", digits(r, 4))), (2, ("pager", digits(r, 4))), (1, ("pg", digits(r, 5))),
                       (1, ("local", digits(r, 4)))])

    def patient_ids(self, dob):
        r = self.rng
        x = r.random()
        if x < .45:
            hc = ("Health Card", ch(r, [f"{digits(r, 4)}-{digits(r, 3)}-{digits(r, 3)}-{letters(r, 2)}",
                                        f"{digits(r, 4)} {digits(r, 3)} {digits(r, 3)} {letters(r, 2)}",
                                        f"{digits(r, 10)}{letters(r, 2)}"]))
        elif x < .65:
            hc = ("PHN", f"9{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}")
        elif x < .8:
            hc = ("RAMQ", f"{letters(r, 4)} {digits(r, 4)} {digits(r, 4)}")
        else:
            hc = ("AHCIP", f"{digits(r, 5)}-{digits(r, 4)}")
        out = [(ch(r, ["MRN", "Chart #", "Hosp #"]), digits(r, ch(r, [7, 8]))), hc]
        if r.random() < .4:
            out.append((ch(r, ["Encounter #", "Visit #", "Acct #"]), digits(r, 10)))
        return out

    def staff_reg(self):
        r = self.rng
        return ch(r, [("CPSO #", digits(r, 5)), ("CPSBC", digits(r, 5)), ("Billing #", digits(r, 6))])

    def nurse_reg(self):
        return ("CNO #", digits(self.rng, 7))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{s} General Hospital"), (2, f"{s} Health Sciences Centre"),
                       (2, f"{t} Regional Health Centre"), (1, f"{s} Memorial Hospital"),
                       (1, f"{t} General"), (1, f"{s} Hospital")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Family Health Team"), (2, f"{s} Medical Clinic"), (1, f"{s} Community Health Centre"),
                       (1, f"{s} Family Practice")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Long-Term Care Home"), (2, f"{s} Manor"), (2, f"{s} Retirement Residence"),
                       (1, f"{s} Lodge")])


class LocZA(Locale):
    code = "ZA"
    regions = ["Gauteng", "KwaZulu-Natal", "KZN", "Western Cape", "Eastern Cape", "Free State", "Limpopo"]
    email_domains = ["health.gov.za", "gmail.com", "mweb.co.za", "telkomsa.net"]
    triage = ["after-hours nurse line", "medical aid nurse line"]
    grades_dr = ["Consultant", "Registrar", "MO", "Medical Officer", "Intern", "Community Service MO", "Specialist"]
    grades_rn = ["Sister", "Professional Nurse", "ENA", "Staff Nurse", "Operational Manager", "CSN"]
    rn_abbr = ["Sr", "PN", "EN"]

    def postcode(self):
        return str(self.rng.randrange(1, 9999)).zfill(4)

    def address(self, full=True):
        r = self.rng
        lines = [M("LOCATION", str(r.randrange(1, 300))) + " " + M("LOCATION", self.street())]
        if r.random() < .5:
            lines.append(M("LOCATION", invented_name(r) + ch(r, [" Extension " + str(r.randrange(2, 20)), "", " Park", "rand"])))
        lines.append(M("LOCATION", self.town()))
        if full:
            lines.append(M("LOCATION", self.postcode()))
        return lines

    def phone(self):
        r = self.rng
        return ch(r, [f"0{ch(r, ['11', '12', '21', '31', '41', '51'])} {digits(r, 3)} {digits(r, 4)}",
                      f"+27 {ch(r, ['11', '21', '31'])} {digits(r, 3)} {digits(r, 4)}"])

    def mobile(self):
        r = self.rng
        return ch(r, [f"0{ch(r, ['82', '83', '72', '73', '84', '61'])} {digits(r, 3)} {digits(r, 4)}",
                      f"+27 {ch(r, ['82', '83', '72'])} {digits(r, 3)} {digits(r, 4)}"])

    def patient_ids(self, dob):
        r = self.rng
        base = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{digits(r, 4)}{ch(r, '01')}8"
        idn = base + luhn_digit(base)
        out = [(ch(r, ["Hosp No", "Folder No", "Hospital No."]), digits(r, ch(r, [7, 8, 9])))]
        out.append((ch(r, ["ID No", "RSA ID", "ID"]), idn if r.random() < .7 else f"{idn[:6]} {idn[6:10]} {idn[10:]}"))
        if r.random() < .4:
            out.append(("Medical aid no", digits(r, 9)))
        return out

    def staff_reg(self):
        return ("HPCSA", "MP " + digits(self.rng, 7))

    def nurse_reg(self):
        return ("SANC", digits(self.rng, 8))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{t} Regional Hospital"), (2, f"{s} Provincial Hospital"), (2, f"{s} Academic Hospital"),
                       (1, f"{s} Private Hospital"), (1, f"{s} Clinic"), (1, f"{t} District Hospital")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(2, f"{s} Medical Centre"), (2, f"{s} Family Practice"), (1, f"{s} Community Health Centre"),
                       (1, f"{s} CHC")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Frail Care Centre"), (2, f"{s} Retirement Village"), (1, f"{s} Old Age Home"),
                       (1, f"{s} Tehuis")])


class LocIN(Locale):
    code = "IN"
    regions = ["Maharashtra", "Karnataka", "Kerala", "Tamil Nadu", "Telangana", "Punjab", "Gujarat", "West Bengal"]
    email_domains = ["hospital.in", "gmail.com", "yahoo.co.in", "rediffmail.com"]
    triage = ["hospital helpline", "tele-consultation desk", "eSanjeevani"]
    grades_dr = ["Consultant", "Senior Resident", "Junior Resident", "JR", "SR", "RMO", "DNB Resident", "HOD"]
    grades_rn = ["Staff Nurse", "Sister", "Nursing Superintendent", "Ward In-charge", "GNM", "Nursing Supervisor"]
    rn_abbr = ["SN", "Sr", "Sis"]
    eds = ["Casualty", "Emergency", "Emergency Department"]

    def postcode(self):
        r = self.rng
        p = f"{r.randrange(11, 86)}{digits(r, 4)}"
        return p if r.random() < .7 else f"{p[:3]} {p[3:]}"

    def address(self, full=True):
        r = self.rng
        lines = []
        if r.random() < .6:
            lines.append(M("LOCATION", f"Flat No. {r.randrange(1, 12)}0{r.randrange(1, 9)}") + ", " +
                         M("LOCATION", ch(r, ["Sai Krupa", "Shanti Niketan", "Green Valley", "Lakshmi Nivas", "Gokul Dham",
                                              "Sunrise", "Prestige Palms", "Ashirwad"]) + ch(r, [" Apartments", " Residency", " CHS", " Enclave"])))
        else:
            lines.append(M("LOCATION", f"{r.randrange(1, 400)}/{r.randrange(1, 40)}") + ", " + M("LOCATION", self.street()))
        if r.random() < .6:
            lines.append(M("LOCATION", ch(r, ["Koregaon Park", "Indiranagar", "Jayanagar", "Anna Nagar", "Banjara Hills",
                                              "Salt Lake", "Andheri West", "Kakkanad", "Vashi", "Gomti Nagar", "Sector 21"])))
        t = M("LOCATION", ch(r, self.towns()))
        if full:
            t += ch(r, [" - ", " ", " "]) + M("LOCATION", self.postcode())
        lines.append(t)
        if r.random() < .3:
            lines.append(M("LOCATION", ch(r, self.regions)))
        return lines

    def phone(self):
        r = self.rng
        return ch(r, [f"0{ch(r, ['20', '22', '80', '44', '40', '33', '11'])}-{digits(r, 4)} {digits(r, 4)}",
                      f"+91 {ch(r, ['20', '22', '80'])} {digits(r, 4)} {digits(r, 4)}"])

    def mobile(self):
        r = self.rng
        n = ch(r, "6789") + digits(r, 9)
        return ch(r, [f"+91 {n[:5]} {n[5:]}", f"{n[:5]} {n[5:]}", f"0{n}", n, f"+91-{n}"])

    def patient_ids(self, dob):
        r = self.rng
        out = [(ch(r, ["UHID", "UHID No.", "MR No", "CR No."]), ch(r, [letters(r, 2) + digits(r, 10), digits(r, 11),
                                                                      f"{r.randrange(2008, 2024)}/{digits(r, 6)}"]))]
        x = r.random()
        if x < .3:
            a = digits(r, 12)
            out.append(("Aadhaar", f"{a[:4]} {a[4:8]} {a[8:]}" if r.random() < .7 else f"XXXX XXXX {a[8:]}"))
        elif x < .55:
            a = digits(r, 14)
            out.append(("ABHA", f"{a[:2]}-{a[2:6]}-{a[6:10]}-{a[10:]}"))
        if r.random() < .5:
            out.append((ch(r, ["IP No.", "IPD No", "OP No"]), f"{digits(r, 2)}/{digits(r, 5)}"))
        return out

    def staff_reg(self):
        r = self.rng
        return (ch(r, ["Reg. No.", "KMC Reg No.", "MMC Reg.", "TNMC No."]), ch(r, [digits(r, 5), f"{r.randrange(1995, 2020)}/{digits(r, 2)}/{digits(r, 4)}"]))

    def nurse_reg(self):
        return ("Reg. No.", digits(self.rng, 6))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{s} Multispeciality Hospital"), (2, f"{s} Hospital & Research Centre"),
                       (2, f"{s} Nursing Home"), (1, f"{t} Civil Hospital"), (1, f"Government General Hospital, {t}"),
                       (1, f"{s} Super Speciality Hospital"), (1, f"{s} Medical College Hospital")])

    def practice(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(2, f"{s} Clinic"), (2, f"{s} Polyclinic"), (1, f"{s} Family Clinic"), (1, f"{s} Health Centre")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(2, f"{s} Old Age Home"), (2, f"{s} Senior Living"), (1, f"{s} Ashram"),
                       (1, f"{s} Elder Care Home")])


class LocSG(Locale):
    code = "SG"
    regions = []
    email_domains = ["singhealth.com.sg", "nuhs.edu.sg", "gmail.com", "singnet.com.sg"]
    triage = ["polyclinic tele-triage", "hospital hotline"]
    grades_dr = ["Consultant", "Senior Consultant", "Registrar", "Resident", "MO", "HO", "Senior Resident"]
    grades_rn = ["SSN", "Staff Nurse", "Nurse Clinician", "APN", "Nurse Manager", "EN", "PCA"]
    rn_abbr = ["SN", "SSN", "EN", "APN"]

    def postcode(self):
        return str(self.rng.randrange(10000, 829999)).zfill(6)

    def fac_address(self):
        r = self.rng
        return [M("LOCATION", str(r.randrange(1, 400))) + " " + M("LOCATION", ch(r, STREET_NAMES[-12:]) + " " + ch(r, ["Road", "Street", "Avenue"])),
                "Singapore " + M("LOCATION", self.postcode())]

    def address(self, full=True):
        r = self.rng
        lines = [M("LOCATION", f"Blk {r.randrange(1, 999)}{ch(r, ['', '', 'A', 'B'])}") + " " +
                 M("LOCATION", f"{ch(r, self.towns())} {ch(r, ['Ave', 'Avenue', 'St', 'Street', 'Drive', 'Rd'])} {r.randrange(1, 12)}") +
                 ", " + M("LOCATION", f"#{r.randrange(1, 25):02d}-{r.randrange(1, 400)}")]
        if full:
            lines.append("Singapore " + M("LOCATION", self.postcode()))
        return lines

    def phone(self):
        r = self.rng
        return ch(r, [f"6{digits(r, 3)} {digits(r, 4)}", f"+65 6{digits(r, 3)} {digits(r, 4)}"])

    def mobile(self):
        r = self.rng
        return ch(r, [f"{ch(r, '89')}{digits(r, 3)} {digits(r, 4)}", f"+65 {ch(r, '89')}{digits(r, 3)} {digits(r, 4)}"])

    def patient_ids(self, dob):
        r = self.rng
        nric = ch(r, "STFG") + digits(r, 7) + letters(r, 1, "ABCDEFGHIJZ")
        out = [(ch(r, ["NRIC", "NRIC/FIN", "NRIC No"]), nric)]
        if r.random() < .6:
            out.append((ch(r, ["MRN", "Case No"]), ch(r, [digits(r, 8), letters(r, 2) + digits(r, 7)])))
        return out

    def staff_reg(self):
        r = self.rng
        return ("MCR", f"M{digits(r, 5)}{letters(r, 1)}")

    def nurse_reg(self):
        return ("SNB", "RN" + digits(self.rng, 6))

    def hospital(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        t = ch(r, self.towns())
        return wch(r, [(3, f"{s} General Hospital"), (2, f"{t} Community Hospital"), (2, f"{t} Polyclinic"),
                       (1, f"{s} Hospital"), (1, f"{s} Medical Centre")])

    def practice(self):
        r = self.rng
        return wch(r, [(2, f"{ch(r, self.towns())} Polyclinic"), (2, f"{ch(r, FAC_STEMS)} Family Clinic"),
                       (1, f"{ch(r, FAC_STEMS)} Medical Clinic & Surgery")])

    def care_home(self):
        r = self.rng
        s = ch(r, FAC_STEMS)
        return wch(r, [(3, f"{s} Nursing Home"), (1, f"{s} Home for the Aged"), (1, f"{s} Eldercare Centre")])


LOCALES = [(30, Locale), (8, LocScot), (12, LocIE), (14, LocAU), (8, LocNZ), (12, LocCA),
           (6, LocZA), (6, LocIN), (6, LocSG)]


# ---------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------
LOCAL_SURNAMES = {
    "IE": ["Walsh", "Murphy", "Kelly", "O'Brien", "O'Sullivan", "O'Neill", "Byrne", "Ryan", "Quinn",
           "Nolan", "Brennan", "Kavanagh", "Fitzgerald", "Gallagher", "Doherty", "McCarthy",
           "O'Donoghue", "O'Rourke", "Ni Bhriain", "Mac Giolla Phadraig", "O'Shaughnessy"],
    "SCOT": ["Campbell", "Stewart", "Robertson", "Fraser", "Grant", "Munro", "Sinclair", "Drummond",
             "MacDonald", "MacLeod", "MacKenzie", "Urquhart", "Gilchrist", "Lockhart", "Kinnear", "Baird", "Gunn"],
    "IN": ["Patel", "Shah", "Sharma", "Gupta", "Iyer", "Nair", "Menon", "Krishnan", "Subramaniam",
           "Chatterjee", "Banerjee", "Mukherjee", "Singh", "Kaur", "Sandhu", "Gill", "Dhillon", "Reddy", "Khan"],
    "SG": ["Tan", "Lim", "Lee", "Ng", "Goh", "Teo", "Ong", "Chua", "Koh", "Wong", "bin Ismail",
           "bin Rahman", "Abdullah", "Pillay", "Nair", "Chan"],
    "ZA": ["Dlamini", "Nkosi", "Ndlovu", "Mthembu", "Khumalo", "Zulu", "Mokoena", "Naidoo", "Pillay",
           "Govender", "Moodley", "van der Merwe", "Botha", "du Plessis", "Pretorius", "Venter", "Coetzee"],
    "NZ": ["Ngata", "Tuhiwai", "Parata", "Te Whiu", "Waititi", "Tamihana", "Henare", "Tuilagi", "Fonoti",
           "Tupou", "Faleolo"],
    "CA": ["Tremblay", "Gagnon", "Bouchard", "Cote", "Pelletier", "Lavoie", "Beaulieu", "Leclerc", "Redcloud"],
}
LOCAL_GIVEN = {
    "IE": (["Siobhan", "Aoife", "Niamh", "Saoirse", "Mairead", "Bridget", "Aine", "Roisin", "Clodagh", "Grainne", "Orla"],
           ["Padraig", "Seamus", "Eoin", "Cian", "Oisin", "Ciaran", "Declan", "Dermot", "Liam", "Ronan", "Fionn"]),
    "IN": (["Priya", "Lakshmi", "Anjali", "Deepika", "Sunita", "Kavitha", "Meenakshi", "Harpreet", "Gurpreet"],
           ["Rajesh", "Arjun", "Vikram", "Suresh", "Sanjay", "Venkatesh", "Harjit", "Gurdeep", "Ravi", "Anand", "Karthik", "Mohan"]),
    "SG": (["Mei", "Jia Hui", "Li Na", "Xiu Ying", "Siew Lan", "Noraini", "Siti", "Nurul"],
           ["Wei", "Jian", "Hao", "Zhi Wei", "Jun Jie", "Azlan", "Hafiz"]),
    "ZA": (["Nomvula", "Thandiwe", "Zanele", "Lindiwe", "Precious", "Blessing"],
           ["Sipho", "Thabo", "Themba", "Bongani", "Vusi", "Lwazi", "Sandile", "Johan", "Gerhardus"]),
    "NZ": (["Aroha", "Mere", "Kiri", "Tui", "Mereana"], ["Tane", "Wiremu", "Rangi", "Hemi", "Nikau"]),
}


class Person:
    def __init__(self, rng, loc, sex=None, surname=None):
        self.sex = sex or ch(rng, "MF")
        code = loc.code
        if code in LOCAL_GIVEN and rng.random() < .45:
            g = LOCAL_GIVEN[code][0 if self.sex == "F" else 1]
            self.first = ch(rng, g)
        elif rng.random() < .03:
            self.first = invented_name(rng, given=True)
        else:
            self.first = ch(rng, FEMALE if self.sex == "F" else MALE)
        if surname:
            self.last = surname
        elif code in LOCAL_SURNAMES and rng.random() < .45:
            self.last = ch(rng, LOCAL_SURNAMES[code])
        elif rng.random() < .04:
            self.last = invented_name(rng)
        else:
            self.last = ch(rng, SURNAMES)
        self.mid = ch(rng, "ABCDEFGHJKLMNPRSTW")
        self.rng = rng

    @property
    def title(self):
        if self.sex == "M":
            return "Mr"
        return wch(self.rng, [(5, "Mrs"), (2, "Ms"), (2, "Miss")])

    def he(self):
        return "he" if self.sex == "M" else "she"

    def his(self):
        return "his" if self.sex == "M" else "her"

    def him(self):
        return "him" if self.sex == "M" else "her"

    def initials(self, dots=True):
        f, l = self.first[0], self.last.replace("'", "").split()[-1][0] if self.last[0].islower() else self.last[0]
        return f"{f}.{l}." if dots else f"{f}{l}"

    # rendering: all return marked strings ------------------------------------
    def full(self):
        r = self.rng
        return M("NAME", wch(r, [(6, f"{self.first} {self.last}"), (2, f"{self.first} {self.last.upper()}"),
                                 (1, f"{self.first} {self.mid}. {self.last}"), (1, f"{self.first[0]}. {self.last}")]))

    def header(self):
        """LAST, First / LAST, FIRST M / Title First LAST"""
        r = self.rng
        f = wch(r, [(4, "lf"), (2, "LFM"), (3, "tfl"), (2, "fl"), (1, "lf_mixed")])
        if f == "lf":
            return M("NAME", f"{self.last.upper()}, {self.first}")
        if f == "LFM":
            return M("NAME", f"{self.last.upper()}, {self.first.upper()} {self.mid}")
        if f == "tfl":
            return self.title + " " + M("NAME", f"{self.first} {self.last.upper()}")
        if f == "lf_mixed":
            return M("NAME", f"{self.last}, {self.first}")
        return M("NAME", f"{self.first} {self.last}")

    def formal(self):
        """Mr Smith / Mrs Smith"""
        return self.title + " " + M("NAME", self.last)

    def doc(self, style=None, lower=False):
        """Doctor reference with title outside span."""
        r = self.rng
        style = style or wch(r, [(4, "dr_fl"), (3, "dr_l"), (2, "dr_il"), (1, "glued"), (1, "drdot_l"),
                                 (1, "fl")])
        if style == "dr_fl":
            s = "Dr " + M("NAME", self._c(f"{self.first} {self.last}", lower))
        elif style == "dr_l":
            s = "Dr " + M("NAME", self._c(self.last, lower))
        elif style == "dr_il":
            s = "Dr " + M("NAME", self._c(f"{self.first[0]}. {self.last}" if r.random() < .5 else f"{self.first[0]} {self.last}", lower))
        elif style == "glued":
            s = "Dr." + M("NAME", self._c(self.last, lower))
        elif style == "drdot_l":
            s = "Dr. " + M("NAME", self._c(self.last, lower))
        else:
            s = M("NAME", self._c(f"{self.first} {self.last}", lower))
        return s.replace("Dr", "dr", 1) if lower and s.startswith("Dr") else s

    def _c(self, s, lower):
        return s.lower() if lower else s

    def first_m(self, lower=False):
        return M("NAME", self.first.lower() if lower else self.first)

    def last_m(self, lower=False):
        return M("NAME", self.last.lower() if lower else self.last)

    def sig_initials(self):
        return M("NAME", self.initials(dots=self.rng.random() < .5))


def kin(rng, patient, loc, rel=None):
    """A relative: returns (relationship word, Person)"""
    rel = rel or wch(rng, [(4, "daughter"), (4, "son"), (2, "wife" if patient.sex == "M" else "husband"),
                           (1, "niece"), (1, "nephew"), (1, "granddaughter"), (1, "grandson"),
                           (1, "sister"), (1, "brother"), (1, "daughter-in-law")])
    sex = "F" if rel in ("daughter", "wife", "niece", "granddaughter", "sister", "daughter-in-law") else "M"
    same = rel in ("son", "wife", "brother", "grandson", "husband") and rng.random() < .7
    p = Person(rng, loc, sex=sex, surname=patient.last if same else None)
    return rel, p


# ---------------------------------------------------------------------------
# ages (>= 90 annotated, < 90 plain)
# ---------------------------------------------------------------------------
def age_num(age):
    return M("AGE", str(age)) if age >= 90 else str(age)


def age_phrase(rng, age, sex, form=None):
    """An age expression; only the age itself is annotated and only if >= 90."""
    sx = "F" if sex == "F" else "M"
    form = form or wch(rng, [(4, "yo_hy"), (3, "aged"), (2, "yo"), (1, "yo_glued"), (1, "y/o"),
                             (2, "yr_old"), (1, "sexglued"), (1, "words"), (1, "decade")])
    a = age_num(age)
    if form == "yo_hy":
        return f"{a}-year-old"
    if form == "aged":
        return f"aged {a}"
    if form == "yo":
        return f"{a} yo"
    if form == "yo_glued":
        return f"{a}yo"
    if form == "y/o":
        return f"{a} y/o"
    if form == "yr_old":
        return f"{a} year old"
    if form == "sexglued":
        return f"{a}{sx}"
    if form == "words":
        if age >= 90 and age in NUMWORDS:
            return M("AGE", NUMWORDS[age]) + " year old"
        return f"{a} year old"
    if form == "decade":
        dec = f"{age // 10 * 10}s"
        early = ch(rng, ["", "", "early ", "late ", "mid-"])
        pro = "his" if sex == "M" else "her"
        return f"in {pro} {early}" + (M("AGE", dec) if age >= 90 else dec)
    raise ValueError(form)


def patient_age(rng):
    return wch(rng, [(38, rng.randrange(90, 104)), (27, rng.randrange(75, 90)),
                     (26, rng.randrange(50, 75)), (9, rng.randrange(25, 50))])


# ---------------------------------------------------------------------------
# clinical building blocks (protected content)
# ---------------------------------------------------------------------------
def fnum(rng, lo, hi, nd=1):
    v = rng.uniform(lo, hi)
    return f"{v:.{nd}f}" if nd else str(int(round(v)))


def obs(rng, sick=0, sep=None, o2=None):
    """Observation line.  sick: 0 normal, 1 unwell, 2 very unwell."""
    sep = sep if sep is not None else ch(rng, [", ", "  ", " ", "; ", ", "])
    hr = rng.randrange(62, 92) if sick == 0 else rng.randrange(92, 135) if sick == 1 else rng.randrange(110, 160)
    sbp = rng.randrange(112, 165) if sick < 2 else rng.randrange(78, 105)
    dbp = rng.randrange(55, 95) if sick < 2 else rng.randrange(40, 65)
    rr = rng.randrange(12, 19) if sick == 0 else rng.randrange(18, 27) if sick == 1 else rng.randrange(24, 36)
    sat = rng.randrange(95, 100) if sick == 0 else rng.randrange(89, 96)
    temp = fnum(rng, 36.1, 37.4) if sick == 0 else fnum(rng, 37.2, 39.6)
    if o2 is None:
        o2 = "RA" if sick == 0 or rng.random() < .5 else ch(rng, ["2L NP", "2L", "28% Venturi", "4L NC", "15L NRB", "1L nasal specs"])
    items = []
    lab_hr = ch(rng, ["HR", "HR", "P", "Pulse", "HR"])
    items.append(VIT(f"{lab_hr} {hr}") + ch(rng, ["", "", " reg", " irreg", " SR"]))
    items.append(VIT(f"{ch(rng, ['BP', 'BP', 'NIBP'])} {sbp}/{dbp}"))
    items.append(VIT(f"{ch(rng, ['RR', 'RR', 'Resp'])} {rr}"))
    satw = ch(rng, ["SpO2", "Sats", "sats", "SpO2", "O2 sats"])
    items.append(VIT(f"{satw} {sat}% on {o2}" if rng.random() < .6 else f"{satw} {sat}% {o2}"))
    items.append(VIT(f"{ch(rng, ['T', 'Temp', 'T'])} {temp}") + ch(rng, ["", "", "C"]))
    rng.shuffle(items) if rng.random() < .3 else None
    if rng.random() < .5:
        items.append(FRAC(f"NEWS2 {rng.randrange(0, 3) if sick == 0 else rng.randrange(3, 10)}") if rng.random() < .7
                     else FRAC(f"NEWS {rng.randrange(0, 9)}"))
    if rng.random() < .25:
        items.append(VIT(f"{ch(rng, ['BM', 'CBG', 'BSL'])} {fnum(rng, 4.5, 14.0)}"))
    return sep.join(items)


LABS = {
    "Hb": (85, 150, 0), "WCC": (3.5, 22.0, 1), "Plt": (110, 420, 0), "CRP": (2, 260, 0), "Na": (124, 145, 0),
    "K": (3.1, 5.9, 1), "Urea": (3.5, 24.0, 1), "Creat": (55, 260, 0), "eGFR": (18, 90, 0),
    "INR": (1.0, 3.6, 1), "Lactate": (0.8, 4.8, 1), "Trop": (3, 180, 0), "BNP": (90, 4800, 0),
    "D-dimer": (0.2, 4.5, 1), "Glucose": (4.0, 22.0, 1), "Alb": (24, 44, 0), "Mg": (0.6, 1.0, 2),
    "Bili": (4, 48, 0), "ALT": (9, 110, 0), "HbA1c": (42, 98, 0), "Ca": (2.05, 2.7, 2), "TSH": (0.3, 6.5, 1),
}
LAB_ALIAS = {"WCC": ["WCC", "WBC", "wcc"], "Creat": ["Creat", "Cr", "creatinine"], "Trop": ["Trop", "hs-TnT", "Troponin", "TnI"],
             "Hb": ["Hb", "Hb", "Hgb"], "Plt": ["Plt", "Plts"], "Glucose": ["Glucose", "BSL", "Gluc"]}


def labs(rng, names, sep=", "):
    out = []
    for n in names:
        lo, hi, nd = LABS[n]
        lab = ch(rng, LAB_ALIAS.get(n, [n]))
        out.append(VIT(f"{lab} {fnum(rng, lo, hi, nd)}"))
    return sep.join(out)


# name, doses, frequencies
DRUG_TABLE = [
    ("paracetamol", ["1 g", "1g", "500 mg"], ["QDS", "qds PRN", "PRN", "QID"]),
    ("Panadol Osteo", ["1330 mg"], ["TDS", "BD"]),
    ("co-codamol", ["30/500 mg", "8/500 mg"], ["2 tabs QDS", "PRN"]),
    ("amlodipine", ["5 mg", "10 mg", "5mg"], ["OD", "mane"]),
    ("ramipril", ["2.5 mg", "5 mg", "10mg"], ["OD", "nocte"]),
    ("perindopril", ["4 mg", "5 mg"], ["OD"]),
    ("bisoprolol", ["1.25 mg", "2.5 mg", "5 mg"], ["OD", "mane"]),
    ("metoprolol", ["25 mg", "47.5 mg"], ["BD", "OD"]),
    ("furosemide", ["40 mg", "80 mg", "20mg"], ["OD", "mane", "BD"]),
    ("frusemide", ["40 mg", "20 mg"], ["mane", "BD"]),
    ("spironolactone", ["25 mg"], ["OD"]),
    ("atorvastatin", ["20 mg", "40 mg", "80 mg"], ["ON", "nocte"]),
    ("simvastatin", ["20 mg", "40mg"], ["ON"]),
    ("rosuvastatin", ["10 mg"], ["OD"]),
    ("aspirin", ["75 mg", "100 mg"], ["OD"]),
    ("clopidogrel", ["75 mg"], ["OD"]),
    ("apixaban", ["2.5 mg", "5 mg"], ["BD"]),
    ("Eliquis", ["2.5 mg", "5 mg"], ["BD"]),
    ("rivaroxaban", ["15 mg", "20 mg"], ["OD"]),
    ("Xarelto", ["20 mg"], ["OD"]),
    ("warfarin", ["as per INR"], ["OD"]),
    ("edoxaban", ["30 mg", "60 mg"], ["OD"]),
    ("metformin", ["500 mg", "1 g"], ["BD", "TDS"]),
    ("gliclazide", ["40 mg", "80 mg"], ["OD", "BD"]),
    ("insulin glargine", ["14 units", "22 units"], ["nocte"]),
    ("Lantus", ["18 units"], ["ON"]),
    ("NovoRapid", ["6 units"], ["with meals"]),
    ("levothyroxine", ["50 mcg", "75 mcg", "100 micrograms"], ["OD", "mane"]),
    ("omeprazole", ["20 mg", "40 mg"], ["OD"]),
    ("lansoprazole", ["15 mg", "30 mg"], ["OD"]),
    ("pantoprazole", ["40 mg"], ["OD"]),
    ("Nexium", ["20 mg"], ["OD"]),
    ("donepezil", ["5 mg", "10 mg"], ["ON"]),
    ("memantine", ["10 mg", "20 mg"], ["OD"]),
    ("sertraline", ["50 mg", "100 mg"], ["OD"]),
    ("mirtazapine", ["15 mg", "30 mg"], ["ON"]),
    ("citalopram", ["10 mg", "20 mg"], ["OD"]),
    ("co-careldopa", ["25/100 mg", "12.5/50"], ["TDS", "QDS (time-critical)"]),
    ("Sinemet", ["25/100"], ["QDS"]),
    ("Madopar", ["62.5 mg"], ["TDS"]),
    ("salbutamol", ["100 mcg", "2 puffs"], ["PRN", "QDS PRN"]),
    ("Ventolin", ["2 puffs"], ["PRN"]),
    ("Seretide", ["250/25"], ["2 puffs BD"]),
    ("Symbicort", ["200/6"], ["BD"]),
    ("tiotropium", ["18 mcg", "2.5 mcg"], ["OD"]),
    ("Spiriva", ["18 mcg"], ["OD"]),
    ("prednisolone", ["5 mg", "30 mg", "40 mg"], ["OD", "mane"]),
    ("alendronic acid", ["70 mg"], ["weekly"]),
    ("Adcal-D3", ["1 tab", "2 tabs"], ["BD"]),
    ("calcichew D3", ["1 tab"], ["BD"]),
    ("tamsulosin", ["400 mcg"], ["OD"]),
    ("finasteride", ["5 mg"], ["OD"]),
    ("Movicol", ["1 sachet", "2 sachets"], ["OD", "BD"]),
    ("lactulose", ["10 mL", "15 ml"], ["BD"]),
    ("senna", ["7.5 mg", "15 mg"], ["ON"]),
    ("gabapentin", ["300 mg", "100 mg"], ["TDS"]),
    ("pregabalin", ["75 mg"], ["BD"]),
    ("tramadol", ["50 mg"], ["QDS PRN"]),
    ("Oramorph", ["2.5 mg", "5 mg"], ["PRN"]),
    ("morphine sulphate", ["10 mg"], ["BD"]),
    ("Endone", ["5 mg"], ["PRN"]),
    ("Tylenol #3", ["1-2 tabs"], ["q4h PRN"]),
    ("digoxin", ["62.5 mcg", "125 mcg"], ["OD"]),
    ("isosorbide mononitrate", ["30 mg", "60 mg"], ["OD"]),
    ("GTN spray", ["400 mcg"], ["PRN"]),
    ("allopurinol", ["100 mg", "300 mg"], ["OD"]),
    ("folic acid", ["5 mg"], ["OD"]),
    ("ferrous fumarate", ["210 mg"], ["BD"]),
    ("vitamin B12", ["1 mg"], ["3-monthly"]),
    ("Telma", ["40 mg"], ["OD"]),
    ("Dolo 650", ["650 mg"], ["SOS"]),
    ("Ecosprin", ["75 mg"], ["OD"]),
    ("Glycomet", ["500 mg"], ["BD"]),
    ("quetiapine", ["12.5 mg", "25 mg"], ["nocte"]),
    ("haloperidol", ["0.5 mg"], ["PRN"]),
    ("latanoprost", ["1 drop"], ["both eyes ON"]),
]
ANTIBIOTICS = [("amoxicillin", ["500 mg", "1 g"]), ("co-amoxiclav", ["625 mg", "1.2 g"]), ("Augmentin", ["625 mg"]),
               ("clarithromycin", ["500 mg"]), ("doxycycline", ["100 mg", "200 mg"]),
               ("Tazocin", ["4.5 g"]), ("piperacillin-tazobactam", ["4.5 g"]), ("ceftriaxone", ["1 g", "2 g"]),
               ("gentamicin", ["5 mg/kg", "360 mg"]), ("metronidazole", ["500 mg", "400 mg"]),
               ("flucloxacillin", ["1 g", "2 g"]), ("nitrofurantoin", ["100 mg", "50 mg"]),
               ("trimethoprim", ["200 mg", "100 mg"]), ("cefalexin", ["500 mg"]), ("Keflex", ["500 mg"]),
               ("clindamycin", ["300 mg", "450 mg"]), ("vancomycin", ["1 g", "1.5 g"]),
               ("benzylpenicillin", ["1.2 g"]), ("ciprofloxacin", ["500 mg"]), ("meropenem", ["1 g"])]


def med_line(rng, entry=None):
    name, doses, freqs = entry or ch(rng, DRUG_TABLE)
    d = ch(rng, doses)
    dose = (FRAC(d) if re.fullmatch(r"[\d.]+/[\d.]+", d) else MEAS(d)) if re.match(r"[\d]", d) else d
    return f"{DRUG(name)} {dose} {ch(rng, freqs)}"


def abx(rng, route=None):
    name, doses = ch(rng, ANTIBIOTICS)
    route = route or ch(rng, ["IV", "PO", "oral", "IV", ""])
    s = f"{DRUG(name)} {MEAS(ch(rng, doses))}"
    return s + (f" {route}" if route else "")


def meds_list(rng, n):
    seen, out = set(), []
    while len(out) < n:
        e = ch(rng, DRUG_TABLE)
        if e[0] in seen:
            continue
        seen.add(e[0])
        out.append(med_line(rng, e))
    return out


def allergy(rng):
    return wch(rng, [(5, "NKDA"), (2, "NKA"), (1, "No known drug allergies"),
                     (2, f"{DRUG(ch(rng, ['penicillin', 'Penicillin', 'codeine', 'trimethoprim', 'sulfa drugs', 'morphine', 'erythromycin']))} ({ch(rng, ['rash', 'anaphylaxis', 'vomiting', 'hives', 'unknown reaction'])})"),
                     (1, f"{DRUG('penicillin')} - {ch(rng, ['rash', 'swelling'])}; {DRUG('Elastoplast')}")])


PMH_POOL = [
    "T2DM", "Type 2 diabetes (diet controlled)", "HTN", "Hypertension", "AF", "Paroxysmal AF", "IHD",
    "COPD", "Asthma", "CKD 3a", "CKD stage 3b", "CKD 4", "Hypothyroidism", "Osteoporosis",
    "OA knees", "Osteoarthritis", "Glaucoma", "AMD", "BPH", "Gout", "Depression", "Anxiety",
    "Vascular dementia", "Mixed dementia", "Heart failure (EF 35%)", "HFpEF", "Hypercholesterolaemia",
    "Iron deficiency anaemia", "Diverticular disease", "GORD", "Hiatus hernia", "Bilateral cataracts",
    "Macular degeneration", "Recurrent UTIs", "Falls", "Frailty", "Peripheral neuropathy",
    "Polymyalgia rheumatica", "Venous leg ulcers", "Lumbar spinal stenosis L4-L5", "Hearing impairment",
]
PMH_EPONYM = ["Parkinson's disease", "Alzheimer's disease", "Graves' disease", "Crohn's disease",
              "Paget's disease", "Barrett's oesophagus", "Hodgkin lymphoma", "Bell's palsy",
              "Dupuytren's contracture", "Meniere's disease", "Addison's disease", "Raynaud's",
              "Sjogren's syndrome", "Hashimoto's thyroiditis", "Guillain-Barre syndrome",
              "Colles fracture", "Baker's cyst", "Wolff-Parkinson-White"]
PMH_EVENT = ["NSTEMI", "STEMI", "CABG x3", "L TKR", "R THR", "R TKR", "#NOF - R DHS", "L hemiarthroplasty",
             "CVA", "TIA", "PE", "DVT", "Breast Ca - WLE + DXT", "Prostate Ca", "Bowel Ca - R hemicolectomy",
             "Hysterectomy", "TURP", "Cholecystectomy", "Appendicectomy", "PPM insertion", "AVR (tissue)",
             "Pneumonia requiring ICU", "Cataract surgery", "Spinal fusion T12-L2"]


def pmh_item(rng, ctx):
    x = rng.random()
    if x < .45:
        return ch(rng, PMH_POOL)
    if x < .6:
        return EPO(ch(rng, PMH_EPONYM))
    ev = ch(rng, PMH_EVENT)
    ev = ev.replace("PPM", DEV("PPM")).replace("CABG x3", "CABG x3")
    if ctx.phi and rng.random() < .8:
        y = ctx.past_year()
        return ch(rng, [f"{ev} {M('DATE', str(y))}", f"{ev} ({M('DATE', str(y))})", f"{ev} in {M('DATE', str(y))}",
                        f"{ev} - {M('DATE', str(y))}",
                        f"{ev} - {M('DATE', partial_date_str(rng, ctx.past_date()))}"])
    return ev


def pmh_list(rng, ctx, n):
    seen, out = set(), []
    tries = 0
    while len(out) < n and tries < 50:
        tries += 1
        it = pmh_item(rng, ctx)
        key = re.sub(r"[\d()'\-]", "", re.sub(r"\x01[^\x02]*\x02|\x03", "", it)).strip()[:6]
        if key in seen:
            continue
        seen.add(key)
        out.append(it)
    return out


def lower_first(s):
    return s[:1].lower() + s[1:] if len(s) > 1 and s[1].islower() else s


def cap1(s):
    """Capitalise the first character only (safe on marked strings)."""
    return s[:1].upper() + s[1:]


def mobility(rng):
    return ch(rng, [f"mobilises with a {EPO('Zimmer frame')}", "mobilises with a stick", "mobilises with a 4WW",
                    "independently mobile", "hoist transfers", f"uses a {EPO('Zimmer')} indoors, wheelchair outdoors",
                    "mobile with rollator", "bed-bound", "walks unaided, short distances"])


# ---------------------------------------------------------------------------
# document context
# ---------------------------------------------------------------------------
class Ctx:
    def __init__(self, rng, phi=True):
        self.rng = rng
        self.phi = phi
        self.loc = wch(rng, LOCALES)(rng)
        self.us = self.loc.us and rng.random() < .55
        start = dt.date(2008, 1, 1)
        self.today = start + dt.timedelta(days=rng.randrange(0, 365 * 17))
        self.age = patient_age(rng)
        self.dob = self.today - dt.timedelta(days=int(self.age * 365.25) + rng.randrange(1, 360))
        self.pt = Person(rng, self.loc)
        self.date_style = None if rng.random() < .5 else ch(rng, ["dmy", "dmy", "dmy2", "dmyd", "dmon", "ord", "iso", "dmonhy"])
        if self.us:
            self.date_style = ch(rng, [None, "mdylong", "iso", "mdy"])
        self.lower_staff = rng.random() < .15

    # dates ---------------------------------------------------------------
    def D(self, d, style=None):
        return D(self.rng, d, style or self.date_style, self.us)

    def days_ago(self, lo, hi):
        return self.today - dt.timedelta(days=self.rng.randrange(lo, hi + 1))

    def past_year(self):
        lo = min(self.dob.year + 18, self.today.year - 1)
        return self.rng.randrange(max(lo, self.today.year - 40), self.today.year)

    def past_date(self):
        y = self.past_year()
        return dt.date(y, self.rng.randrange(1, 13), self.rng.randrange(1, 29))

    def T(self, h=None, m=None):
        return T(self.rng, h, m)

    def agep(self, form=None):
        return age_phrase(self.rng, self.age, self.pt.sex, form)

    def agep_attr(self):
        """age usable before a noun: 'this 93-year-old lady'"""
        return age_phrase(self.rng, self.age, self.pt.sex, wch(self.rng, [(5, "yo_hy"), (2, "yr_old"), (1, "words"), (1, "yo"), (1, "y/o")]))

    def person(self, sex=None):
        return Person(self.rng, self.loc, sex=sex)

    def staff(self, kind="dr"):
        """(marked name with role) for a member of staff"""
        r, loc = self.rng, self.loc
        p = self.person()
        low = self.lower_staff
        if kind == "dr":
            g = ch(r, loc.grades_dr)
            return wch(r, [(3, f"{g} {p.doc('fl' if r.random() < .5 else 'dr_l', lower=low)}"),
                           (3, p.doc(lower=low)), (2, f"{p.doc(lower=low)} ({g})"),
                           (1, f"{p.doc('dr_l', lower=low)} {g}")])
        g = ch(r, loc.grades_rn)
        ab = ch(r, loc.rn_abbr)
        return wch(r, [(3, f"{ab} {p.last_m(low)}"), (2, f"{g} {p.full()}"), (2, f"{p.first_m(low)} ({ab})"),
                       (1, f"{g} {p.last_m(low)}"), (1, f"{p.full()}, {g}")])


FAITH_ORGS = ["St Columba's Church", "Al-Noor Mosque", "Sri Ganesha Temple", "Kingdom Hall",
              "Gurdwara Sahib Leamington", "Bethel Baptist Church", "Hollis Valley Methodist"]


def timeline(ctx):
    """A history sentence carrying a date reference (partial dates, holidays, day-of-month)."""
    r = ctx.rng
    prev = ctx.days_ago(40, 900)
    hol = ch(r, HOLIDAYS.get(ctx.loc.code, HOLIDAYS["UK"]))
    hy = ctx.today.year - r.randrange(0, 3)
    return ch(r, [
        f"Previous admission with {ch(r, ['a chest infection', 'a fall', 'delirium', 'AKI', 'cellulitis'])} in {M('DATE', partial_date_str(r, prev))}.",
        f"Has been gradually declining since {M('DATE', f'{hol} {hy}')}, per family.",
        ch(r, [f"Last echo ({M('DATE', partial_date_str(r, prev))}): EF {MEAS(str(r.randrange(25, 60)) + '%')}, {ch(r, ['moderate AS', 'mild MR', 'no significant valve disease'])}.",
               f"Last spirometry ({M('DATE', partial_date_str(r, prev))}): {MEAS('FEV1 ' + str(r.randrange(30, 80)) + '%')} predicted.",
               f"CT head ({M('DATE', partial_date_str(r, prev))}): {ch(r, ['small vessel disease', 'generalised atrophy', 'unremarkable'])}."]),
        f"Seen by GP on the {M('DATE', ordinal(ctx.days_ago(2, 20).day))} and started on {abx(r, 'PO')}.",
        f"Last seen in clinic {ctx.D(prev)}.",
        f"Had a similar episode over {M('DATE', f'{hol} {hy}')} which settled with oral antibiotics.",
        f"Flu vaccine given {M('DATE', partial_date_str(r, ctx.days_ago(30, 300)))}.",
        f"Discharged from {M('HOSPITAL', ctx.loc.hospital())} on {ctx.D(ctx.days_ago(10, 60))} after {ch(r, ['a fall', 'pneumonia', 'a UTI'])}.",
    ])


def social(ctx, n=2):
    """Social history sentences (mostly PHI-bearing when ctx.phi)."""
    r, p, loc = ctx.rng, ctx.pt, ctx.loc
    he, his = p.he(), p.his()
    out = []
    opts = []
    if ctx.phi:
        rel, k = kin(r, p, loc)
        low = r.random() < .25
        kname = k.first_m(low) if r.random() < .6 else k.full()
        opts += [
            lambda: f"Lives alone in {ch(r, ['a bungalow', 'a flat', 'a house', 'sheltered housing', 'a council flat', 'an HDB flat'])} in {M('LOCATION', loc.town())}; {rel} {kname} visits {ch(r, ['daily', 'most days', 'weekly', 'twice a week'])}.",
            lambda: f"Resident at {M('HOSPITAL', loc.care_home())} since {M('DATE', partial_date_str(r, ctx.past_date()))}.",
            lambda: f"Lives at {M('HOSPITAL', loc.care_home())}, {M('LOCATION', loc.town())}. NOK: {rel} {k.full()} ({M('PHONE', loc.mobile())}).",
            lambda: f"Lives with {his} {rel} {kname}" + (f" in {M('LOCATION', loc.town())}." if r.random() < .5 else "."),
            lambda: f"{'Retired' if ctx.age > 66 else 'Works as a'} {ch(r, ['teacher', 'nurse', 'engineer', 'cleaner', 'driver', 'clerk', 'fitter', 'welder'])} {'- worked at' if ctx.age > 66 else 'at'} {M('ORGANIZATION', ch(r, ORGS))}{' for ' + str(r.randrange(10, 41)) + ' years' if ctx.age > 66 else ''}.",
            lambda: f"Emigrated from {M('LOCATION', ch(r, COUNTRIES))} {year_ref(r, ctx.past_year())}; {ch(r, ['speaks limited English', 'interpreter not required', 'family interpret', 'interpreter booked for clinic visits'])}.",
            lambda: f"Recently returned from {M('LOCATION', ch(r, COUNTRIES))} (flew back {ch(r, ['on the', 'on'])} {M('DATE', ordinal(ctx.days_ago(3, 20).day))}).",
            lambda: f"Attends {M('ORGANIZATION', ch(r, [x for x in ORGS if 'Church' in x or 'Parish' in x] + FAITH_ORGS))} weekly; {rel} {kname} is {his} main carer.",
            lambda: f"NOK: {k.header()} ({rel}) - {M('PHONE', loc.mobile())}",
            lambda: f"{rel.capitalize()} {kname} has LPA for health and welfare.",
        ]
    opts += [
        lambda: f"{'Ex-smoker' if r.random() < .6 else 'Current smoker'}, {MEAS(str(r.randrange(5, 60)) + ' pack-years')}.",
        lambda: f"Drinks {MEAS(str(r.randrange(0, 30)) + ' units/week')}.",
        lambda: f"{cap1(mobility(r))}; {ch(r, ['POC QDS', 'package of care BD', 'no carers', 'carers TDS', 'independent with ADLs', 'needs help with washing'])}.",
        lambda: f"Never smoked. {ch(r, ['Teetotal', 'Occasional alcohol', 'Social drinker'])}.",
        lambda: f"Lives with {his} {ch(r, ['wife', 'husband', 'partner', 'daughter', 'son'])} who is {his} main carer.",
        lambda: f"{ch(r, ['Was', 'Is'])} a {ch(r, JOBS)}.",
    ]
    idx = list(range(len(opts)))
    r.shuffle(idx)
    # PHI sentences first when available
    for i in idx[:n]:
        out.append(opts[i]())
    return out


# ---------------------------------------------------------------------------
# clinical scenarios
# ---------------------------------------------------------------------------
EXAM_EPONYM = ["<E|Murphy's sign> negative.", "<E|Rovsing's sign> negative.", "<E|Babinski> downgoing bilaterally.",
               "<E|Romberg's> negative.", "<E|Trendelenburg> gait.", "<E|Kernig's sign> negative.",
               "<E|Homan's sign> negative (for what it is worth).", "<E|Cullen's> and <E|Grey Turner's> signs absent.",
               "<E|Mallampati> 2.", "<E|Tinel's sign> positive at the wrist.", "<E|Virchow's node> not palpable.",
               "<E|Battle's sign> absent.", "<E|Dix-Hallpike> negative.", "<E|Brudzinski's sign> negative."]
O2_SETTINGS = ["<S|FiO2 40%> via <E|Venturi>", "<S|FiO2 28%> via <E|Venturi> mask", "HFNO <S|40 L/min FiO2 0.45>",
               "<S|CPAP 8> via full face mask", "BiPAP <S|IPAP 18 EPAP 6>", "NIV <S|IPAP 16/EPAP 5>, <S|FiO2 35%>",
               "<X|Optiflow> <S|50L FiO2 0.6>", "<S|PEEP 8>, <S|FiO2 50%>", "<M|2L> via <X|nasal cannula>",
               "<M|15L> via <X|non-rebreathe mask>"]


def exam_extra(rng):
    return mk(ch(rng, EXAM_EPONYM))


def o2_setting(rng):
    return mk(ch(rng, O2_SETTINGS))


def dur(rng):
    return wch(rng, [(3, f"{rng.randrange(2, 8)} days"), (2, FRAC(f"{rng.randrange(1, 7)}/7")),
                     (1, f"{rng.randrange(2, 4)} weeks"), (1, FRAC(f"{rng.randrange(1, 4)}/52")),
                     (1, "24 hours"), (1, "48 hrs"), (1, "a few days")])


def sc_pneumonia(ctx):
    r, p = ctx.rng, ctx.pt
    side = ch(r, ["R", "L", "right", "left"])
    zone = ch(r, ["lower zone", "base", "mid zone", "lower lobe"])
    return dict(
        pc=ch(r, ["SOB and productive cough", "cough, fever and confusion", "increasing breathlessness", "fever and rigors"]),
        hpc=[f"{dur(r)} hx of productive cough with {ch(r, ['green', 'yellow', 'rusty'])} sputum, fevers and reduced oral intake.",
             f"{p.he().capitalize()} has been more confused than usual per family.",
             mk(f"Was started on <D|{ch(r, ['amoxicillin', 'doxycycline', 'clarithromycin'])}> by GP {dur(r)} ago with no improvement.")],
        exam=[mk(f"Coarse crackles {side} {ch(r, ['base', 'mid-zone'])}, bronchial breathing."), "HS I+II+0.", mk("Abdo SNT.")],
        ix=[labs(r, ["WCC", "CRP", "Urea", "Creat"]), mk(f"CXR: {side} {zone} consolidation."),
            FRAC(f"CURB-65 {r.randrange(1, 5)}")],
        dx=ch(r, ["Community-acquired pneumonia", "CAP", "Lower respiratory tract infection", "Aspiration pneumonia"]),
        tx=[abx(r, "IV"), abx(r), mk(f"<M|{ch(r, ['500 mL', '1 L', '1000ml'])}> <D|Hartmann's solution>" if r.random() < .5 else f"IV <D|0.9% saline> <M|1 L> over <M|8 hrs>"),
            f"O2 via {DEV('nasal specs')} {MEAS(str(r.randrange(1, 5)) + 'L')}"],
        plan=["Sputum and blood cultures sent", f"IV to oral switch at {MEAS('48 hours')} if improving", "Repeat CXR in 6 weeks"],
        sick=r.choice([1, 1, 2]),
        cxr=[f"Airspace opacification in the {side} {zone} consistent with consolidation.",
             ch(r, ["Small associated parapneumonic effusion.", "No effusion.", "Air bronchograms are noted."])],
    )


def sc_copd(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["increased SOB", "exacerbation of COPD", "wheeze and SOB", "IECOPD"]),
        hpc=[f"Known COPD ({MEAS('FEV1 ' + str(r.randrange(25, 60)) + '%')} predicted), on home {DEV('nebuliser')}.",
             f"{dur(r)} of increased sputum volume and purulence, breathless walking to the toilet.",
             mk(f"Used <D|salbutamol> <M|{r.randrange(6, 20)} puffs> at home with little effect.")],
        exam=["Tachypnoeic, using accessory muscles.", "Widespread expiratory wheeze, reduced AE bilaterally.",
              f"Able to speak in {ch(r, ['short', 'full', 'broken'])} sentences."],
        ix=[mk(f"ABG on <S|{ch(r, ['FiO2 28%', 'FiO2 24%', '2L NP'])}>: ") + ", ".join([VIT(f"pH {fnum(r, 7.24, 7.42, 2)}"), VIT(f"pCO2 {fnum(r, 5.1, 9.4)}"), VIT(f"pO2 {fnum(r, 6.9, 10.5)}"), VIT(f"HCO3 {fnum(r, 24, 34, 0)}")]),
            mk("CXR: hyperinflated, no focal consolidation, no pneumothorax."), labs(r, ["WCC", "CRP"])],
        dx=ch(r, ["Infective exacerbation of COPD", "IECOPD", "COPD exacerbation with type 2 respiratory failure"]),
        tx=[mk(f"<D|salbutamol> <M|5 mg> + <D|ipratropium> <M|500 mcg> nebs x{r.randrange(2, 4)}"), mk("<D|prednisolone> <M|40 mg> PO"),
            abx(r, "PO"), mk(f"Controlled O2 via <E|Venturi> mask, target sats {FRAC('88-92%')}")],
        plan=[mk("<D|prednisolone> <M|30 mg> OD for 5 days"), "Consider NIV if acidotic - " + SETT("IPAP 16") + " / " + SETT("EPAP 5"),
              "Pulmonary rehab referral", "Inhaler technique review"],
        sick=r.choice([1, 2]),
        cxr=["The lungs are hyperinflated with flattening of both hemidiaphragms.", "No focal consolidation or pneumothorax."],
    )


def sc_nof(ctx):
    r, p = ctx.rng, ctx.pt
    side = ch(r, ["L", "R", "left", "right"])
    return dict(
        pc=ch(r, ["fall, unable to weight bear", "mechanical fall, hip pain", "found on floor", "long lie after fall"]),
        hpc=[f"Tripped on {ch(r, ['a rug', 'the stairs', 'the kerb', 'the way to the toilet at night'])}, no LOC, no head injury, no preceding chest pain or palpitations.",
             f"{ch(r, ['Long lie', 'Lie'])} of approx {r.randrange(2, 14)} hours before found by {ch(r, ['carer', 'neighbour', 'family', 'warden'])}.",
             f"Pain {FRAC(str(r.randrange(5, 11)) + '/10')} in the {side} groin."],
        exam=[f"{side} leg shortened and externally rotated.", "Neurovascularly intact distally.", "No other bony tenderness. C-spine cleared clinically."],
        ix=[mk(f"XR pelvis + {side} hip: displaced intracapsular #NOF (<E|Garden> {ch(r, ['III', 'IV'])})."),
            labs(r, ["Hb", "Na", "K", "Creat"]), "ECG: SR, no acute changes.", FRAC(f"AMTS {r.randrange(4, 11)}/10")],
        dx=f"{side} #NOF",
        tx=[mk(f"<E|Fascia iliaca> block with <D|levobupivacaine> <M|{ch(r, ['30 ml', '40 mL'])}> <M|0.25%>"), mk(f"<D|morphine> <M|{r.randrange(2, 6)} mg> IV"),
            f"{DEV('cannula')} and bloods, G&S, XM {MEAS('2 units')}"],
        plan=[f"For {ch(r, ['hemiarthroplasty', 'THR', 'DHS', 'cannulated screws'])} on the trauma list", mk("Withhold <D|apixaban>"),
              "Ortho-geriatric review", f"{DRUG('enoxaparin')} {MEAS('40 mg')} SC OD from post-op"],
        sick=0, cxr=None,
    )


def sc_uti(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["increased confusion", "acute confusion and reduced mobility", "off legs", "new confusion, ?UTI"]),
        hpc=[f"{dur(r)} of increasing confusion, {ch(r, ['agitated at night', 'not eating or drinking', 'more drowsy'])}, dysuria reported by carers.",
             "No headache, no focal neurology reported, no falls.", f"Baseline: {mobility(r)}, {ch(r, ['mild memory problems', 'known dementia', 'cognitively intact'])}."],
        exam=["Dry mucous membranes.", f"Suprapubic tenderness. Chest clear.", FRAC(f"GCS {r.randrange(13, 16)}") + ", no focal neurology."],
        ix=[f"Urine dip: {FRAC('leucs 3+')}, nitrites +, {FRAC('blood 1+')}", labs(r, ["WCC", "CRP", "Na", "Urea", "Creat"]),
            FRAC(f"4AT {r.randrange(4, 10)}")],
        dx=ch(r, ["Delirium secondary to UTI", "Urosepsis", "Hyperactive delirium ?UTI", "Lower UTI with AKI"]),
        tx=[abx(r), mk(f"IV fluids <M|{ch(r, ['1 L', '500 mL'])}> <D|Hartmann's>"), f"{DEV('IDC')} inserted" if r.random() < .5 else f"{EPO('Foley catheter')} in situ"],
        plan=["MSU sent", "Delirium screen and bloods", "Encourage oral fluids, fluid balance chart", "Avoid sedation where possible"],
        sick=1, cxr=None,
    )


def sc_hf(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["SOB and leg swelling", "worsening breathlessness, orthopnoea", "fluid overload", "PND and ankle oedema"]),
        hpc=[f"{dur(r)} of worsening SOB on exertion, now {ch(r, ['3', '4', '5'])} pillow orthopnoea and PND.",
             f"Weight up {MEAS(str(r.randrange(2, 9)) + ' kg')} over 2 weeks.",
             mk(f"Known LVSD (EF <M|{r.randrange(20, 45)}%>), on <D|furosemide> <M|40 mg> OD.")],
        exam=["Bibasal crackles to mid-zones.", f"Pitting oedema to {ch(r, ['knees', 'thighs', 'mid-shin', 'sacrum'])}.",
              f"JVP raised {MEAS(str(r.randrange(3, 8)) + ' cm')}.", FRAC(f"{ch(r, ['2/6', '3/6'])}") + " pansystolic murmur at apex."],
        ix=[labs(r, ["BNP", "Na", "K", "Creat"]), mk(f"CXR: cardiomegaly, upper lobe diversion, <E|Kerley B lines>, small bilateral effusions."),
            "ECG: " + ch(r, ["AF, rate 110", "SR with LBBB", "SR, old Q waves inferiorly"])],
        dx=ch(r, ["Decompensated heart failure", "Acute on chronic LVF", "ADHF", "CCF exacerbation"]),
        tx=[mk(f"<D|furosemide> <M|{ch(r, ['40 mg', '80 mg'])}> IV"), mk(f"<D|GTN> infusion"), mk("CPAP <S|CPAP 10> for <M|2 hrs>") if r.random() < .4 else "Sat upright, O2 to target"],
        plan=["Daily weights, strict fluid balance", mk("IV <D|furosemide> <M|80 mg> BD"), "Echo", "HF nurse referral", "Fluid restrict 1.5 L/day"],
        sick=r.choice([1, 2]),
        cxr=[f"Cardiomegaly, cardiothoracic ratio {FRAC(fnum(r, 0.55, 0.68, 2))}.", f"Upper lobe blood diversion and {EPO('Kerley B lines')} in keeping with pulmonary oedema.",
             f"{ch(r, ['Small', 'Moderate'])} bilateral pleural effusions."],
    )


def sc_chestpain(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["central chest pain", "chest tightness", "chest pain radiating to L arm", "atypical chest pain"]),
        hpc=[f"Central chest tightness at rest lasting {r.randrange(10, 90)} mins, {ch(r, ['radiating to jaw', 'non-radiating', 'radiating to L arm'])}, {ch(r, ['with', 'no'])} associated sweating.",
             mk(f"Relieved by <D|GTN> spray x{r.randrange(1, 4)}."), f"Pain score {FRAC(str(r.randrange(3, 10)) + '/10')} on arrival, now {FRAC(str(r.randrange(0, 3)) + '/10')}."],
        exam=["HS I+II+0, chest clear, calves SNT.", "No reproducible chest wall tenderness."],
        ix=["ECG: " + ch(r, ["SR, no acute ST changes", "ST depression V4-V6", "TWI in lateral leads", "SR, RBBB (old)"]),
            f"{VIT('hs-TnT ' + str(r.randrange(5, 40)))} -> {VIT('hs-TnT ' + str(r.randrange(5, 90)))} at 3 hours", FRAC(f"HEART score {r.randrange(2, 8)}"),
            mk("CXR: no acute cardiopulmonary abnormality.")],
        dx=ch(r, ["NSTEMI", "Unstable angina", "Chest pain - ACS ruled out", "Musculoskeletal chest pain", "ACS"]),
        tx=[mk("<D|aspirin> <M|300 mg> PO"), mk(f"<D|ticagrelor> <M|180 mg> loading") if r.random() < .5 else mk("<D|clopidogrel> <M|300 mg>"),
            mk("<D|fondaparinux> <M|2.5 mg> SC")],
        plan=["Cardiology review", "Inpatient angiogram", "Echo", mk("Continue <D|bisoprolol>, start <D|atorvastatin> <M|80 mg>")],
        sick=r.choice([0, 1]), cxr=["Heart size normal.", "Lungs clear. No pneumothorax."],
    )


def sc_af(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["palpitations", "fast AF", "dizziness and palpitations", "SOB, irregular pulse"]),
        hpc=[f"{dur(r)} of palpitations and breathlessness, {ch(r, ['no chest pain', 'mild chest discomfort'])}.",
             "No previous documented arrhythmia." if r.random() < .5 else mk("Known paroxysmal AF, not anticoagulated due to falls.")],
        exam=[f"Irregularly irregular pulse, {VIT('HR ' + str(r.randrange(125, 175)))}.", "Chest clear, no peripheral oedema."],
        ix=[f"ECG: AF with RVR, rate {r.randrange(125, 170)}.", labs(r, ["K", "Mg", "TSH"]), FRAC(f"CHA2DS2-VASc {r.randrange(3, 8)}"),
            FRAC(f"ORBIT {r.randrange(0, 5)}") if r.random() < .5 else FRAC(f"HAS-BLED {r.randrange(1, 5)}")],
        dx=ch(r, ["AF with fast ventricular response", "New AF", "Fast AF"]),
        tx=[mk(f"<D|bisoprolol> <M|{ch(r, ['2.5 mg', '5 mg'])}> PO"), mk(f"<D|digoxin> <M|500 mcg> IV loading") if r.random() < .5 else mk(f"<D|metoprolol> <M|5 mg> IV"),
            mk(f"<D|{ch(r, ['apixaban', 'rivaroxaban', 'edoxaban', 'enoxaparin'])}> commenced")],
        plan=["Echo", "Rate control, target HR < 110", mk("Anticoagulation: <D|apixaban> <M|5 mg> BD"), "TFTs"],
        sick=1, cxr=["Heart size at upper limit of normal.", "Lungs clear."],
    )


def sc_cellulitis(ctx):
    r = ctx.rng
    side = ch(r, ["L", "R"])
    return dict(
        pc=f"red hot swollen {side} leg",
        hpc=[f"{dur(r)} of spreading redness {side} lower leg, started from a {ch(r, ['scratch', 'insect bite', 'toe web fissure', 'leg ulcer'])}.",
             "Feels feverish, no rigors."],
        exam=[f"Erythema {side} shin to {ch(r, ['knee', 'mid-calf', 'ankle'])}, warm and tender, marked.", f"Area {MEAS(str(r.randrange(8, 25)) + ' x ' + str(r.randrange(5, 15)) + ' cm')}.",
              "No crepitus, no fluctuance."],
        ix=[labs(r, ["WCC", "CRP", "Creat"]), "Wells score " + FRAC(str(r.randrange(0, 2))) + ", DVT unlikely."],
        dx=f"{side} lower limb cellulitis (Eron class {ch(r, ['I', 'II'])})",
        tx=[mk(f"<D|flucloxacillin> <M|{ch(r, ['1 g', '2 g'])}> IV QDS") if r.random() < .6 else mk(f"<D|cefalexin> <M|500 mg> PO QDS"),
            mk("<D|paracetamol> <M|1 g> PO"), "Elevate leg"],
        plan=["Margins marked", "Oral switch when improving, total 7 days", "OPAT review" if r.random() < .5 else "Hospital in the Home referral"],
        sick=0, cxr=None,
    )


def sc_pe(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["pleuritic chest pain and SOB", "sudden onset breathlessness", "haemoptysis"]),
        hpc=[f"Sudden onset pleuritic chest pain {ch(r, ['L', 'R'])} side, SOB on minimal exertion.",
             f"Recent {ch(r, ['long-haul flight', 'hip replacement', 'immobility', 'hospital admission'])}."],
        exam=["Tachycardic, chest clear.", "No calf swelling."],
        ix=["ECG: sinus tachycardia, S1Q3T3.", FRAC(f"Wells score {r.randrange(4, 9)}"), labs(r, ["D-dimer", "Creat"]),
            "CTPA: " + ch(r, ["bilateral segmental PEs, no RV strain", "saddle embolus with RV dilatation", "R lower lobe subsegmental PE"])],
        dx="Pulmonary embolism",
        tx=[mk("<D|enoxaparin> <M|1.5 mg/kg> SC"), mk("<D|rivaroxaban> <M|15 mg> BD for 21 days then <M|20 mg> OD")],
        plan=["Anticoagulate for 3 months minimum", "PE clinic follow-up", "Thrombophilia screen not indicated"],
        sick=1, cxr=["Lungs clear. No pleural effusion.", f"{EPO('Hampton hump')} not seen. No {EPO('Westermark sign')}."],
    )


def sc_stroke(ctx):
    r = ctx.rng
    side = ch(r, ["L", "R"])
    return dict(
        pc=ch(r, ["sudden onset weakness", "slurred speech", "facial droop", "?stroke"]),
        hpc=[f"Found by {ch(r, ['husband', 'wife', 'carer', 'daughter'])} with {side} sided weakness and slurred speech.",
             f"Last seen well {r.randrange(1, 9)} hours prior.", mk(f"{ch(r, ['On', 'Not on'])} anticoagulation; takes <D|aspirin> <M|75 mg>.")],
        exam=[f"{'R' if side == 'L' else 'L'} facial droop, {side} arm power {FRAC(str(r.randrange(1, 5)) + '/5')}, {side} leg {FRAC(str(r.randrange(2, 5)) + '/5')}.",
              FRAC(f"NIHSS {r.randrange(3, 18)}") + ", " + FRAC(f"GCS {r.randrange(12, 16)}"), f"Expressive dysphasia. {FRAC('ROSIER +' + str(r.randrange(1, 5)))}."],
        ix=["CT head: no haemorrhage, early ischaemic change in " + ch(r, ["L MCA territory", "R MCA territory", "posterior circulation"]) + ".",
            "CTA: " + ch(r, ["no large vessel occlusion", "M1 occlusion"]), labs(r, ["Glucose", "INR", "Plt"])],
        dx=ch(r, ["Acute ischaemic stroke", "TACS", "PACS", "Lacunar stroke", "TIA"]),
        tx=[mk("<D|alteplase> <M|0.9 mg/kg>") if r.random() < .4 else "Outside thrombolysis window", mk("<D|aspirin> <M|300 mg> PR/NG")],
        plan=["Stroke unit", "SALT swallow assessment, NBM until then", "Carotid dopplers", "Echo + 72 hr tape"],
        sick=1, cxr=None,
    )


def sc_headinj(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["head injury on anticoagulants", "fall with head injury", "fall, laceration to forehead"]),
        hpc=[f"Fall at home, struck {ch(r, ['forehead', 'occiput', 'temple'])} on {ch(r, ['door frame', 'floor', 'kitchen bench'])}.",
             mk(f"Takes <D|{ch(r, ['warfarin', 'apixaban', 'rivaroxaban', 'Eliquis'])}> for AF."), "No LOC, no vomiting, no amnesia."],
        exam=[FRAC("GCS 15") + ", PERLA, no focal neurology.", f"{MEAS(str(r.randrange(2, 6)) + ' cm')} laceration {ch(r, ['L', 'R'])} forehead.",
              f"{ch(r, ['Canadian', 'NEXUS'])} C-spine rule negative."],
        ix=[f"CT head: no acute intracranial haemorrhage or fracture.", VIT(f"INR {fnum(r, 1.8, 3.4)}")],
        dx="Minor head injury",
        tx=[mk(f"Laceration closed with <M|{r.randrange(3, 7)}> sutures") if r.random() < .5 else mk("<E|Steri-Strips> applied"), "Tetanus up to date"],
        plan=["Head injury advice given to patient and family", "Sutures out in 5-7 days at practice nurse", "Falls clinic referral"],
        sick=0, cxr=None,
    )


def sc_gibleed(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["melaena", "coffee ground vomit", "PR bleed", "dizzy, black stools"]),
        hpc=[f"{dur(r)} of black tarry stools, dizziness on standing.", mk(f"Takes <D|{ch(r, ['naproxen', 'ibuprofen', 'aspirin', 'diclofenac'])}> for joint pain.")],
        exam=["Pale, clammy.", "PR: melaena on glove.", "Abdo soft, mild epigastric tenderness."],
        ix=[labs(r, ["Hb", "Urea", "Plt", "INR"]), FRAC(f"GBS {r.randrange(6, 16)}"), f"pre-endoscopy {FRAC('Rockall ' + str(r.randrange(2, 6)))}"],
        dx=ch(r, ["Upper GI bleed", "UGIB ?peptic ulcer", "Variceal bleed"]),
        tx=[mk(f"<D|omeprazole> <M|80 mg> IV"), f"{MEAS(str(r.randrange(1, 4)) + ' units')} packed red cells", mk("<D|tranexamic acid> not given")],
        plan=["OGD within 24 hours", "Two large bore cannulae", "G&S, XM", "Hold anticoagulants"],
        sick=r.choice([1, 2]), cxr=None,
    )


def sc_parkinson(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["reduced mobility and falls", "increased stiffness", "missed Parkinson's medications"]),
        hpc=[mk(f"Background of <E|Parkinson's disease> diagnosed {r.randrange(3, 20)} years ago, on <D|co-careldopa> <F|25/100> QDS."),
             f"{ch(r, ['Several doses missed', 'Vomiting for', 'Unable to swallow tablets for'])} {dur(r)}.", "Increasingly rigid and slow."],
        exam=["Cogwheel rigidity both arms, bradykinesia, hypomimia.", f"{EPO('Glabellar tap')} positive."],
        ix=[labs(r, ["Na", "K", "Creat", "CRP"])],
        dx="Decompensated Parkinson's - missed doses",
        tx=[mk("<D|rotigotine> patch <M|4 mg>/24h"), f"{DEV('NG tube')} for meds" if r.random() < .5 else mk("Dispersible <D|Madopar>")],
        plan=["PD nurse specialist review", "Time-critical meds - ensure given on time", "SALT review"],
        sick=0, cxr=None,
    )


def sc_hypo(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["hypoglycaemia", "found drowsy, low sugars", "collapse ?hypo"]),
        hpc=[f"Found drowsy by {ch(r, ['carer', 'neighbour', 'paramedics'])}, {VIT('CBG ' + fnum(r, 1.2, 3.4))} on ambulance arrival.",
             mk(f"Given <D|glucagon> <M|1 mg> IM by crew."), mk(f"Takes <D|gliclazide> <M|{ch(r, ['80 mg', '160 mg'])}> BD; poor oral intake recently.")],
        exam=[FRAC("GCS 15") + " after treatment.", "No focal neurology."],
        ix=[labs(r, ["Glucose", "Creat", "eGFR", "HbA1c"])],
        dx="Sulfonylurea-induced hypoglycaemia",
        tx=[mk("<D|Glucogel> x2, then <D|10% glucose> infusion <M|100 mL/hr>")],
        plan=["Hourly CBGs for 24 hours", mk("Stop <D|gliclazide>"), "Diabetes nurse review", "DVLA advice" if ctx.loc.code in ("UK", "SCOT") else "Driving advice given"],
        sick=0, cxr=None,
    )


def sc_syncope(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["collapse", "syncope", "TLOC", "dizzy spell and fall"]),
        hpc=[f"Stood up from {ch(r, ['chair', 'toilet', 'bed'])} and collapsed, brief LOC approx {r.randrange(10, 60)} seconds.",
             "No tongue biting, no incontinence, rapid recovery.", "No chest pain or palpitations beforehand."],
        exam=[f"Lying {VIT('BP ' + str(r.randrange(130, 170)) + '/' + str(r.randrange(70, 90)))}, standing {VIT('BP ' + str(r.randrange(95, 125)) + '/' + str(r.randrange(55, 75)))}.",
              "HS normal, no murmurs.", FRAC("GCS 15") + "."],
        ix=["ECG: SR, " + ch(r, ["1st degree heart block", "normal intervals", "bifascicular block", "QTc " + MEAS(str(r.randrange(420, 510)) + " ms")]),
            labs(r, ["Hb", "Na", "K"])],
        dx=ch(r, ["Orthostatic hypotension", "Vasovagal syncope", "Syncope ?cardiac"]),
        tx=["IV fluids", mk("Held <D|tamsulosin> and <D|amlodipine>")],
        plan=["24 hr tape", "Med review", "Falls assessment", "Echo if murmur"],
        sick=0, cxr=None,
    )


def sc_aki(ctx):
    r = ctx.rng
    return dict(
        pc=ch(r, ["vomiting and diarrhoea", "reduced oral intake, AKI on bloods", "dehydration"]),
        hpc=[f"{dur(r)} of vomiting and loose stools, {ch(r, ['unable to keep fluids down', 'reduced urine output', 'lethargic'])}.",
             mk(f"Continued taking <D|ramipril> and <D|furosemide> throughout.")],
        exam=["Dry mucous membranes, cap refill 3 sec.", "Abdo soft, non-tender."],
        ix=[labs(r, ["Urea", "Creat", "K", "Na"]) + f" (baseline creat {VIT(str(r.randrange(70, 130)))})", f"AKI stage {r.randrange(1, 4)}", "Bladder scan " + MEAS(str(r.randrange(40, 300)) + " mL")],
        dx="AKI secondary to dehydration / gastroenteritis",
        tx=[mk(f"IV <D|0.9% sodium chloride> <M|1 L> over <M|4 hours>"), mk("<D|ondansetron> <M|4 mg> IV")],
        plan=[mk("Withhold <D|ramipril>, <D|furosemide> and <D|metformin> (sick day rules)"), "Daily U&E", "Stool culture"],
        sick=1, cxr=None,
    )


SCENARIOS = [(8, sc_pneumonia), (6, sc_copd), (8, sc_nof), (7, sc_uti), (6, sc_hf), (5, sc_chestpain),
             (4, sc_af), (4, sc_cellulitis), (3, sc_pe), (4, sc_stroke), (5, sc_headinj), (3, sc_gibleed),
             (2, sc_parkinson), (2, sc_hypo), (4, sc_syncope), (3, sc_aki)]


# ---------------------------------------------------------------------------
# layout helpers
# ---------------------------------------------------------------------------
class Style:
    def __init__(self, rng):
        self.rng = rng
        self.h = wch(rng, [(4, "colon"), (2, "upper"), (1, "dash"), (1, "title_nl")])
        self.b = wch(rng, [(3, "- "), (2, "* "), (2, "num"), (1, "o "), (1, "\u2022 "), (2, "inline")])
        self.sep = ch(rng, ["\n", "\n", "\n\n"])

    def hdr(self, name):
        if self.h == "colon":
            return f"{name}:"
        if self.h == "upper":
            return f"{name.upper()}:"
        if self.h == "dash":
            return f"{name} -"
        return f"{name}\n{'-' * min(len(name), 24)}"

    def lst(self, items, force_block=False):
        items = [x for x in items if x]
        if not items:
            return ""
        if self.b == "inline" and not force_block:
            return ", ".join(items) if self.rng.random() < .6 else "; ".join(items)
        if self.b == "num":
            return "\n".join(f"{i + 1}. {x}" for i, x in enumerate(items))
        b = self.b if self.b != "inline" else "- "
        return "\n".join(b + x for x in items)

    def sect(self, name, body, inline_ok=True):
        if not body:
            return ""
        h = self.hdr(name)
        if inline_ok and self.h in ("colon", "dash") and "\n" not in body and self.rng.random() < .7:
            return f"{h} {body}"
        return f"{h}\n{body}"


def ward_ref(ctx, plain_ok=True):
    r = ctx.rng
    w = ch(r, WARDS)
    if not ctx.phi:
        return ch(r, ["AMU", "MAU", "CDU", "Ward 12", "the acute medical unit", "SAU", "ACU", "Ward 4B", "the short stay unit"])
    return wch(r, [(4, M("LOCATION", w + " Ward")), (2, f"Ward {r.randrange(1, 40)}{ch(r, 'ABCDNS')} ({M('LOCATION', w)})"),
                   (1, M("LOCATION", w + " Unit")), (1, M("LOCATION", f"{w} {r.randrange(1, 9)}")),
                   (1 if plain_ok else 0, ch(r, ["AMU", "MAU", "Ward 12", "CDU"]))])


def bed_ref(rng):
    return wch(rng, [(3, f"Bed {rng.randrange(1, 30)}"), (2, f"Bay {rng.randrange(1, 7)} Bed {rng.randrange(1, 7)}"),
                     (1, f"SR{rng.randrange(1, 10)}"), (1, f"side room {rng.randrange(1, 8)}"), (1, f"bed {rng.randrange(1, 30)}")])


INSURERS = {"AU": ["Coolabah Health Fund", "Wattle Mutual", "Harbourside Health", "Southern Cross Members"],
            "IE": ["Corrib Health Insurance", "Shannon Health", "Liffey Care Plan"],
            "ZA": ["Umgeni Medical Scheme", "Groote Vallei Medical Aid", "Protea Health Plan"],
            "IN": ["Sahyadri Health Insurance", "Kaveri General Insurance", "Arogya Suraksha TPA"],
            "CA": ["Lakeshore Benefits", "Maple Crest Life"], "SG": ["Merlion Shield", "Kallang Assurance"]}


def id_lines(ctx, sep="\n", cue_sep=": "):
    out = []
    for lab, val in ctx.loc.patient_ids(ctx.dob):
        out.append(f"{lab}{cue_sep}{M('ID', val)}")
    ins = INSURERS.get(ctx.loc.code)
    if ins and ctx.rng.random() < .25:
        r = ctx.rng
        out.insert(1, f"{ch(r, ['Insurer', 'Private cover', 'Medical aid', 'Fund'])}: {M('ORGANIZATION', ch(r, ins))} {M('ID', letters(r, 2) + digits(r, 8))}")
    if ctx.rng.random() < .45:
        return sep.join(out)
    return sep.join(out[:1])


def dob_str(ctx):
    r = ctx.rng
    cue = ch(r, ["DOB", "D.O.B.", "DOB", "Date of birth", "dob"])
    s = f"{cue}: {ctx.D(ctx.dob, ch(r, [None, 'dmy', 'dmy', 'dmon', 'dmydot']) if not ctx.us else None)}"
    if r.random() < .4:
        s += ch(r, [f" ({age_num(ctx.age)}y)", f" ({age_num(ctx.age)} yrs)", f"  Age: {age_num(ctx.age)}", f" ({age_num(ctx.age)})"])
    return s


def addr_inline(ctx, full=True):
    return ", ".join(ctx.loc.address(full))


def addr_block(ctx, full=True):
    return "\n".join(ctx.loc.address(full))


def fac_addr(ctx, block=False):
    return ("\n" if block else ", ").join(ctx.loc.fac_address())


def phone_cue(rng, kind="tel"):
    if kind == "tel":
        return ch(rng, ["Tel: ", "Tel ", "Ph: ", "Phone: ", "T: ", "Telephone: "])
    if kind == "fax":
        return ch(rng, ["Fax: ", "Fax ", "F: "])
    return ch(rng, ["Mob: ", "Mobile: ", "M: ", "Mob "])


def internal_ref(ctx):
    cue, val = ctx.loc.internal()
    if cue == "x":
        return "x" + M("PHONE", val)
    return f"{cue} {M('PHONE', val)}"


def signer_block(ctx, p, grade, dept=None, reg=True):
    r = ctx.rng
    lines = []
    lines.append(wch(r, [(3, f"Dr {M('NAME', p.first + ' ' + p.last)}"), (2, f"Dr {M('NAME', p.first[0] + ' ' + p.last)}"),
                         (1, f"{M('NAME', p.first + ' ' + p.last.upper())}"), (1, f"Dr {M('NAME', p.last.upper())}")]))
    lines.append(f"{grade}" + (f" in {dept}" if dept and r.random() < .6 else (f", {dept}" if dept else "")))
    if reg and r.random() < .6:
        lab, val = ctx.loc.staff_reg()
        lines.append(f"{lab} {M('ID', val)}" if r.random() < .5 else f"{lab}: {M('ID', val)}")
    if r.random() < .2:
        lines.append(f"{internal_ref(ctx)}")
    return "\n".join(lines)


def pick_scenario(ctx):
    return wch(ctx.rng, SCENARIOS)(ctx)


def disposition(ctx, sc):
    r = ctx.rng
    opts = [f"Discharged home with {ch(r, ['family', 'husband', 'wife', 'carers', 'daughter'])}.",
            f"Admitted under the {ch(r, ['medical', 'geriatric', 'orthopaedic', 'surgical', 'cardiology'])} team.",
            "Referred to the frailty team; discharged with rapid response follow-up.",
            "Transferred to the acute medical unit."]
    if ctx.phi:
        opts += [f"Admitted to {ward_ref(ctx, False)} under {ctx.person().doc()}.",
                 f"Returned to {M('HOSPITAL', ctx.loc.care_home())} by ambulance at {ctx.T()}.",
                 f"Transferred to {M('HOSPITAL', ctx.loc.hospital())} for {ch(r, ['PCI', 'neurosurgical review', 'thrombectomy', 'rehab'])}."]
    return ch(r, opts)


# ---------------------------------------------------------------------------
# document 1: emergency department letter
# ---------------------------------------------------------------------------
def doc_ed_letter(ctx):
    r, loc, p, st = ctx.rng, ctx.loc, ctx.pt, Style(ctx.rng)
    sc = pick_scenario(ctx)
    hosp = loc.hospital()
    gp = ctx.person()
    doc = ctx.person()
    out = []
    out.append(M("HOSPITAL", hosp))
    out.append(ch(r, loc.eds))
    if r.random() < .3:
        out.append(fac_addr(ctx))
    if r.random() < .6:
        out.append(f"{phone_cue(r)}{M('PHONE', loc.phone())}" + (f"   {phone_cue(r, 'fax')}{M('PHONE', loc.phone())}" if r.random() < .5 else ""))
    if r.random() < .2:
        out.append(f"Email: {M('CONTACT', 'ed.' + ch(r, ['admin', 'letters', 'gpliaison']) + '@' + (re.sub(r'[^a-z]', '', hosp.split()[0].lower()) + '.' if r.random() < .5 else '') + loc.email_domains[0])}")
    out.append("")
    out.append(ch(r, ["EMERGENCY DEPARTMENT DISCHARGE LETTER", "ED Discharge Summary", "Emergency Department Attendance - GP Letter",
                      "A&E Attendance Summary", "ED Letter to GP"]))
    arr = ctx.today
    out.append(f"{ch(r, ['Date of attendance', 'Attended', 'Arrival', 'Date seen'])}: {ctx.D(arr)}  {ch(r, ['Time', 'Arrived', 'Time of arrival'])}: {ctx.T()}")
    out.append("")
    if r.random() < .8:
        out.append(f"Dear {ch(r, ['Dr ', 'Dr. '])}{M('NAME', gp.last)}," if r.random() < .7 else f"Dear {ch(r, ['Dr ', ''])}{M('NAME', gp.first + ' ' + gp.last)},")
    else:
        out.append(ch(r, ["Dear Colleague,", "Dear GP,", "Dear Doctor,"]))
    out.append("")
    reline = f"Re: {p.header()}, {dob_str(ctx)}"
    out.append(reline)
    out.append(id_lines(ctx, sep=ch(r, ["   ", "\n", ", "])))
    if r.random() < .5:
        out.append(addr_inline(ctx))
    out.append("")
    man = ("gentleman" if p.sex == "M" else "lady") if ctx.age > 60 else ("man" if p.sex == "M" else "woman")
    intro = ch(r, [
        f"Your patient attended the {ch(r, loc.eds)} on {ctx.D(arr)} {ch(r, ['by ambulance', 'self-presenting', 'brought in by family', 'BIBA'])} with {sc['pc']}.",
        f"I saw this {('nonagenarian ' + man + ' ' + ctx.agep('decade')) if ctx.age >= 90 and r.random() < .3 else ctx.agep_attr() + ' ' + man} in the department {ch(r, ['today', 'on ' + ctx.D(arr)])} with {sc['pc']}.",
        f"{p.formal()}, {ctx.agep(ch(r, ['aged', 'yo_hy', 'yr_old']))}, was seen in {ch(r, ['ED', 'A&E', 'Majors', 'Resus', 'the ambulatory area'])} at {ctx.T()} with {sc['pc']}.",
    ])
    out.append(intro)
    out.append("")
    hpc = sc["hpc"][: r.randrange(1, len(sc["hpc"]) + 1)]
    if r.random() < .45:
        hpc.append(timeline(ctx))
    out.append(st.sect(ch(r, ["History", "HPC", "History of presenting complaint"]), " ".join(hpc)))
    if r.random() < ctx.detail:
        out.append(st.sect(ch(r, ["PMH", "Past medical history", "Background"]), st.lst(pmh_list(r, ctx, r.randrange(2, 6)))))
    if r.random() < ctx.detail:
        out.append(st.sect(ch(r, ["Medications", "DH", "Drug history", "Regular meds"]), st.lst(meds_list(r, r.randrange(2, 6)))))
    out.append(st.sect(ch(r, ["Allergies", "Allergy status"]), allergy(r)))
    if r.random() < ctx.detail:
        out.append(st.sect(ch(r, ["Social", "SH", "Social history"]), " ".join(social(ctx, r.randrange(1, 3)))))
    out.append(st.sect(ch(r, ["Examination", "O/E", "On examination"]), obs(r, sc["sick"]) + "\n" + " ".join(sc["exam"] + ([exam_extra(r)] if r.random() < .45 else []))))
    out.append(st.sect(ch(r, ["Investigations", "Ix", "Results"]), st.lst(sc["ix"])))
    out.append(st.sect(ch(r, ["Diagnosis", "Impression", "Working diagnosis", "Clinical impression"]), sc["dx"]))
    out.append(st.sect(ch(r, ["Treatment in ED", "Management", "Treatment given"]), st.lst(sc["tx"])))
    out.append(st.sect(ch(r, ["Outcome", "Disposition", "Discharge destination"]), disposition(ctx, sc)))
    if r.random() < ctx.detail:
        gp_actions = [ch(r, ["Please review in 1 week", "Please repeat U&E in 1 week", "Please review medications",
                             "Please arrange follow-up of incidental finding", "No GP action required"])]
        if ctx.phi and r.random() < .4:
            gp_actions.append(f"{ch(r, ['Fracture clinic', 'Clinic', 'OPD', 'Ambulatory care'])} appointment booked for {ctx.D(ctx.today + dt.timedelta(days=r.randrange(3, 15)))}")
        out.append(st.sect(ch(r, ["Action for GP", "GP actions", "Follow-up"]), st.lst(gp_actions + sc["plan"][:2])))
    out.append("")
    out.append(ch(r, ["Yours sincerely,", "Yours faithfully,", "Kind regards,", "Regards,"]))
    out.append("")
    out.append(signer_block(ctx, doc, ch(r, loc.grades_dr), ch(r, ["Emergency Medicine", "Emergency Department", None])))
    if r.random() < .7:
        gpl = f"cc: {gp.doc('dr_il')}, {M('HOSPITAL', loc.practice())}"
        if r.random() < .3:
            gpl += ", " + fac_addr(ctx)
        out.append("")
        out.append(gpl)
        if r.random() < .4:
            out.append("cc: Patient")
    return "\n".join(x for x in out if x is not None)


# ---------------------------------------------------------------------------
# document 2: outpatient clinic letter
# ---------------------------------------------------------------------------
CLINICS = [("Falls Clinic", "Consultant Geriatrician"), ("Care of the Elderly Clinic", "Consultant Geriatrician"),
           ("Geriatric Medicine Outpatients", "Consultant in Geriatric Medicine"), ("Memory Clinic", "Consultant Old Age Psychiatrist"),
           ("Respiratory Clinic", "Consultant in Respiratory Medicine"), ("Heart Failure Clinic", "Consultant Cardiologist"),
           ("Cardiology Outpatients", "Consultant Cardiologist"), ("Fracture Clinic", "Consultant Orthopaedic Surgeon"),
           ("Movement Disorders Clinic", "Consultant Neurologist"), ("Diabetes Clinic", "Consultant Endocrinologist"),
           ("Renal Clinic", "Consultant Nephrologist"), ("Stroke Follow-up Clinic", "Consultant Stroke Physician"),
           ("TIA Clinic", "Consultant Stroke Physician"), ("Orthogeriatric Clinic", "Consultant Orthogeriatrician"),
           ("Rapid Access Chest Pain Clinic", "Consultant Cardiologist")]


def doc_clinic_letter(ctx):
    r, loc, p, st = ctx.rng, ctx.loc, ctx.pt, Style(ctx.rng)
    sc = pick_scenario(ctx)
    hosp = loc.hospital()
    cons, gp = ctx.person(), ctx.person()
    clinic, ctitle = ch(r, CLINICS)
    out = []
    out.append(f"{clinic}, {M('HOSPITAL', hosp)}" if r.random() < .5 else f"{M('HOSPITAL', hosp)}\n{clinic}")
    if r.random() < .6:
        sec = ctx.person("F")
        out.append(f"Consultant: {cons.doc('dr_fl')}    Secretary: {M('NAME', sec.first + ' ' + sec.last)}  {phone_cue(r)}{M('PHONE', loc.phone())}")
    else:
        out.append(f"{phone_cue(r)}{M('PHONE', loc.phone())}" + (f"  ({internal_ref(ctx)})" if r.random() < .4 else ""))
    seen = ctx.today
    out.append(f"{ch(r, ['Clinic date', 'Date seen', 'Seen on', 'Clinic'])}: {ctx.D(seen)}")
    if r.random() < .6:
        typed = seen + dt.timedelta(days=r.randrange(1, 15))
        out.append(f"{ch(r, ['Dictated', 'Date dictated'])}: {ctx.D(seen)}   {ch(r, ['Typed', 'Date typed'])}: {ctx.D(typed)}")
    if r.random() < .4:
        out.append(f"Our ref: {M('NAME', cons.initials(False))}/{M('NAME', ch(r, 'abcdefghjklmnprstw') + ch(r, 'abcdefghjklmnprstw'))}")
    out.append("")
    out.append(f"{gp.doc('dr_fl')}\n{M('HOSPITAL', loc.practice())}\n{fac_addr(ctx, True)}" if r.random() < .6 else f"Dear {gp.doc(ch(r, ['dr_l', 'dr_fl']))},")
    if not out[-1].startswith("Dear"):
        out.append("")
        out.append(f"Dear {gp.doc('dr_l')},")
    out.append("")
    out.append(f"Re: {p.header()}  {dob_str(ctx)}")
    out.append(id_lines(ctx, sep="  "))
    if r.random() < .3:
        out.append(addr_inline(ctx))
    out.append("")
    dx = [sc["dx"]] + pmh_list(r, ctx, r.randrange(1, 5))
    out.append(st.sect("Diagnoses", st.lst(dx, force_block=True), inline_ok=False))
    if r.random() < ctx.detail:
        out.append(st.sect(ch(r, ["Current medication", "Medications", "Current medications"]), st.lst(meds_list(r, r.randrange(2, 7)), force_block=True), inline_ok=False))
    out.append("")
    who = ""
    if ctx.phi and r.random() < .5:
        rel, k = kin(r, p, loc)
        who = f" with {p.his()} {rel} {k.first_m()}" if r.random() < .6 else f", accompanied by {p.his()} {rel}"
    adm = ctx.days_ago(14, 120)
    narrative = [
        f"I reviewed {p.formal() if ctx.phi else 'this ' + ('gentleman' if p.sex == 'M' else 'lady')} in the {clinic.lower()} today{who}. "
        + ch(r, [f"{p.he().capitalize()} is a {ctx.agep(ch(r, ['yo_hy', 'yr_old', 'words']))} {'man' if p.sex == 'M' else 'woman'} who was admitted {('on ' + ctx.D(adm)) if ctx.phi else 'recently'} with {sc['pc']}.",
                 f"As you know, {p.he()} {'is now' if ctx.age >= 90 else 'is'} {ctx.agep('decade')} and was recently an inpatient with {lower_first(sc['dx'])}."]),
        " ".join(sc["hpc"][:2] + ([timeline(ctx)] if ctx.phi and r.random() < .5 else [])),
    ]
    if r.random() < ctx.detail:
        narrative.append(" ".join(social(ctx, r.randrange(1, 3))))
    out.append("\n\n".join(narrative) if r.random() < .5 else " ".join(narrative))
    out.append("")
    out.append(f"On examination today {obs(r, 0, sep=', ')}. " + " ".join(sc["exam"][:2]))
    if r.random() < .6:
        out.append(f"Bloods today: {labs(r, ch(r, [['Hb', 'Creat', 'eGFR'], ['Na', 'K', 'Creat'], ['HbA1c', 'eGFR'], ['BNP', 'Creat'], ['TSH', 'Ca']]))}.")
    out.append("")
    plan = sc["plan"][:] + [ch(r, [f"Follow-up in clinic in {FRAC(str(r.randrange(2, 7)) + '/12')}",
                                   f"Review in {FRAC(str(r.randrange(4, 13)) + '/52')}", "Discharged back to GP care",
                                   "I have not arranged further follow-up but would be happy to see again"])]
    r.shuffle(plan)
    out.append(st.sect("Plan", st.lst(plan[: r.randrange(2, len(plan) + 1)], force_block=True), inline_ok=False))
    out.append("")
    out.append(ch(r, ["Yours sincerely,", "Yours sincerely", "With best wishes,", "Kind regards"]))
    out.append("")
    out.append(signer_block(ctx, cons, wch(r, [(5, ctitle), (1, "Specialty Registrar"), (1, "Staff Specialist" if loc.code == "AU" else "Consultant Physician"),
                                               (1, "Consultant")]), None))
    if r.random() < .3:
        out.append(ch(r, ["Dictated but not read", "Electronically approved", "Signed in absence to avoid delay"]))
    cc = [f"{gp.doc('dr_il')} ({loc.gp_title})", "Patient"]
    if ctx.phi and r.random() < .3:
        cc.append(M("HOSPITAL", loc.care_home()))
    out.append("")
    out.append("cc: " + ("; ".join(cc) if r.random() < .5 else "\n    ".join(cc)))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# document 3: GP referral letter
# ---------------------------------------------------------------------------
TLDS = {"UK": ".nhs.uk", "SCOT": ".scot.nhs.uk", "IE": ".ie", "AU": ".com.au", "NZ": ".co.nz", "CA": ".ca",
        "ZA": ".co.za", "IN": ".in", "SG": ".com.sg"}


def doc_gp_referral(ctx):
    r, loc, p, st = ctx.rng, ctx.loc, ctx.pt, Style(ctx.rng)
    sc = pick_scenario(ctx)
    gp = ctx.person()
    prac = loc.practice()
    out = [M("HOSPITAL", prac)]
    out.append(fac_addr(ctx, r.random() < .5))
    out.append(f"{phone_cue(r)}{M('PHONE', loc.phone())}" + (f"  {phone_cue(r, 'fax')}{M('PHONE', loc.phone())}" if r.random() < .5 else ""))
    if r.random() < .4:
        out.append(f"{ch(r, ['Email', 'E-mail', 'Secure email'])}: {M('CONTACT', loc.email(gp.first, gp.last))}")
    if r.random() < .2:
        out.append(f"Web: {M('CONTACT', 'www.' + re.sub(r'[^a-z]', '', prac.lower())[:18] + TLDS.get(loc.code, '.co.uk'))}")
    out.append("")
    out.append(ctx.D(ctx.today))
    out.append("")
    tgt = ctx.person()
    hosp = loc.hospital()
    out.append(ch(r, [f"To: The {ch(r, ['Medical', 'Surgical', 'Orthopaedic', 'Geriatric'])} Registrar on call, {M('HOSPITAL', hosp)}",
                      f"{tgt.doc('dr_fl')}\n{ch(r, ['Consultant Geriatrician', 'Consultant Physician', 'Respiratory Physician', 'Cardiologist'])}\n{M('HOSPITAL', hosp)}",
                      f"{ch(r, loc.eds)}, {M('HOSPITAL', hosp)}"]))
    out.append("")
    out.append(ch(r, [f"Dear {tgt.doc('dr_l')},", "Dear Colleague,", "Dear Doctor,", "Dear Registrar,"]))
    out.append("")
    out.append(f"Re: {p.header()}\n{dob_str(ctx)}\n{id_lines(ctx)}" + (f"\n{addr_inline(ctx)}" if r.random() < .6 else ""))
    if r.random() < .4:
        out.append(f"{phone_cue(r, 'mob')}{M('PHONE', loc.mobile())}")
    out.append("")
    man = ("gentleman" if p.sex == "M" else "lady") if ctx.age > 60 else ("man" if p.sex == "M" else "woman")
    where = ch(r, ["whom I saw at home today", "who came to the surgery this morning", "seen on a home visit today",
                   f"seen at {M('HOSPITAL', loc.care_home())} today", "who I spoke to by telephone and then saw"])
    out.append(f"Thank you for seeing this {ctx.agep_attr()} {man} {where} with {sc['pc']}. " + " ".join(sc["hpc"] + ([timeline(ctx)] if r.random() < .4 else [])))
    out.append("")
    out.append(st.sect(ch(r, ["PMH", "Past history", "Problems"]), st.lst(pmh_list(r, ctx, r.randrange(2, 6)))))
    out.append(st.sect(ch(r, ["Current medication", "Repeat medication", "Meds"]), st.lst(meds_list(r, r.randrange(2, 7)))))
    out.append(st.sect("Allergies", allergy(r)))
    if r.random() < ctx.detail:
        out.append(st.sect(ch(r, ["Social", "Social history"]), " ".join(social(ctx, r.randrange(1, 3)))))
    out.append("")
    out.append(f"On examination today: {obs(r, sc['sick'], sep=', ')}. " + " ".join(sc["exam"][:2]))
    out.append("")
    out.append(ch(r, [f"I would be grateful for your urgent assessment with a view to admission.",
                      f"I'd be grateful if you could assess {p.him()} in the ambulatory unit today.",
                      f"I would appreciate your opinion regarding further management.",
                      f"{p.he().capitalize()} {'and ' + p.his() + ' family are' if r.random() < .5 else 'is'} aware of this referral."]))
    if ctx.phi and r.random() < .5:
        rel, k = kin(r, p, loc)
        out.append(f"{p.his().capitalize()} {rel} {k.first_m()} can be contacted on {M('PHONE', loc.mobile())}.")
    out.append("")
    out.append(ch(r, ["Kind regards,", "Yours sincerely,", "Many thanks,", "Best wishes,"]))
    out.append("")
    out.append(signer_block(ctx, gp, ch(r, ["GP", "GP Partner", "General Practitioner", "GP Registrar", "GPST3", "Salaried GP", "Family Physician"]), None))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# document 4: nursing handover (SBAR)
# ---------------------------------------------------------------------------
def ceiling(rng):
    return ch(rng, ["DNACPR in place", "For full escalation", "ReSPECT form completed - not for CPR, ward-based care",
                    "NFR", "Not for ICU; for NIV", "TEP completed - for full treatment", "For CPR", "Goals of care: B"])


def nursing_bits(rng, sc):
    pool = [f"{DEV('cannula')} {ch(rng, ['L', 'R'])} {ch(rng, ['ACF', 'hand', 'forearm'])} day {rng.randrange(1, 4)}, {FRAC('VIP score ' + str(rng.randrange(0, 2)))}",
            f"{FRAC('Waterlow ' + str(rng.randrange(10, 26)))}, {ch(rng, ['skin intact', 'grade 2 sacral sore, dressed', 'heels offloaded'])}",
            f"{FRAC('Braden score ' + str(rng.randrange(10, 20)))}",
            f"{DEV('IDC')} draining {MEAS(str(rng.randrange(20, 90)) + ' mL/hr')}" if rng.random() < .5 else f"{EPO('Foley')} catheter in situ, UO {MEAS(str(rng.randrange(150, 900)) + ' mL')} this shift",
            f"Fluid balance {ch(rng, ['+', '-'])}{MEAS(str(rng.randrange(100, 1500)) + ' mL')}",
            f"IV fluids running at {MEAS(str(rng.randrange(60, 167)) + ' mL/hr')}",
            f"Pain {FRAC(str(rng.randrange(0, 8)) + '/10')}, last {DRUG(ch(rng, ['Oramorph', 'paracetamol', 'oxycodone', 'Endone']))} given",
            f"{DEV('PICC')} line {ch(rng, ['L', 'R'])} arm, flushed" if rng.random() < .3 else f"{DEV('NG tube')} in situ, position confirmed on pH aspirate",
            f"Eating {ch(rng, ['well', '50%', 'poorly', 'a quarter of meals'])}, {ch(rng, ['normal diet', 'IDDSI level 5 diet', 'soft diet', 'NBM'])}",
            f"Bowels last open {rng.randrange(1, 6)} days ago, {DRUG(ch(rng, ['Movicol', 'lactulose', 'senna']))} given",
            f"Falls risk - {ch(rng, ['bed rails in place', 'low bed, sensor mat', 'enhanced care/1:1'])}",
            f"{FRAC('4AT ' + str(rng.randrange(0, 10)))}, {ch(rng, ['settled', 'agitated overnight', 'pulling at lines'])}",
            f"O2 {MEAS(str(rng.randrange(1, 5)) + 'L')} via {DEV('nasal specs')}" if rng.random() < .6 else f"on {SETT('FiO2 ' + str(ch(rng, [24, 28, 35, 40])) + '%')} via {EPO('Venturi')}"]
    rng.shuffle(pool)
    return pool


def doc_sbar(ctx):
    r, loc, p, st = ctx.rng, ctx.loc, ctx.pt, Style(ctx.rng)
    sc = pick_scenario(ctx)
    ward = ward_ref(ctx)
    low = r.random() < .25
    out = []
    title = ch(r, ["SBAR HANDOVER", "SBAR Handover", "Nursing handover (SBAR)", "SBAR - shift handover", "Handover"])
    t_line = f"{title} - {ward}"
    if ctx.phi:
        t_line += f"   {ctx.D(ctx.today)} {ctx.T(ch(r, [7, 19, 20, 8, 14, 21]), ch(r, [0, 15, 30, 45]))}"
    out.append(t_line)
    if ctx.phi and r.random() < .7:
        a, b = ctx.staff("rn"), ctx.staff("rn")
        out.append(f"{ch(r, ['From', 'Handed over by', 'Outgoing'])}: {a}   {ch(r, ['To', 'Received by', 'Incoming'])}: {b}")
    out.append("")
    sexl = "F" if p.sex == "F" else "M"
    if ctx.phi:
        who = ch(r, [f"{p.header()}, {age_num(ctx.age)}{sexl}", f"{p.formal()} ({ctx.agep(ch(r, ['yo', 'sexglued', 'yo_glued']))})",
                     f"{p.full()}, {ctx.agep('aged')}"])
        idl = ("  " + id_lines(ctx, sep="  ")) if r.random() < .6 else ""
        adm = f"Admitted {ctx.D(ctx.days_ago(1, 9), ch(r, ['dmy', 'dmyd', 'dmon', None]))}" if r.random() < .7 else f"Admitted on the {M('DATE', ordinal(ctx.days_ago(1, 9).day))}"
    else:
        who = f"{ctx.agep(ch(r, ['sexglued', 'yo', 'yo_hy']))} {'man' if p.sex == 'M' else 'lady'}"
        idl = ""
        adm = f"Admitted {r.randrange(1, 9)} days ago"
    s = f"{who}, {bed_ref(r)}{idl}. {adm} with {sc['pc']}. Dx: {sc['dx']}."
    concern = ch(r, [f"{FRAC('NEWS2 ' + str(r.randrange(3, 9)))} this shift, {ch(r, ['new O2 requirement', 'tachycardic', 'spiked a temp', 'more drowsy'])}.",
                     "Stable this shift, no concerns.", f"Increasingly confused overnight, {ch(r, ['pulled out cannula', 'trying to get out of bed', 'verbally aggressive'])}.",
                     "Awaiting social care package / POC for discharge."])
    out.append(st.sect(ch(r, ["S", "S - Situation", "SITUATION", "Situation"]), s + " " + concern, inline_ok=True))
    bg = [f"PMH: {', '.join(pmh_list(r, ctx, r.randrange(2, 5)))}.", f"Allergies: {allergy(r)}.", ceiling(r) + "."]
    bg += social(ctx, r.randrange(1, 3))
    if ctx.phi and r.random() < .5:
        rel, k = kin(r, p, loc)
        bg.append(f"NOK: {rel} {k.full() if r.random() < .5 else k.first_m(low)} {M('PHONE', loc.mobile())}")
    out.append(st.sect(ch(r, ["B", "B - Background", "BACKGROUND", "Background"]), " ".join(bg)))
    a = [f"Obs: {obs(r, sc['sick'])}"] + nursing_bits(r, sc)[: r.randrange(2, 6)]
    if sc["sick"] and r.random() < .4:
        a.insert(1, "Currently on " + o2_setting(r))
    out.append(st.sect(ch(r, ["A", "A - Assessment", "ASSESSMENT", "Assessment"]), st.lst(a, force_block=r.random() < .5)))
    rec = [ch(r, ["Obs 4-hourly", "Repeat obs 1-hourly", "Obs as per NEWS2 escalation", "Hourly obs + fluid balance"])]
    rec += [ch(r, ["chase bloods", "chase CXR report", "awaiting OT assessment", "physio to review mobility", "for MDT tomorrow"])]
    if ctx.phi:
        fy = ctx.person()
        rec.append(ch(r, [f"escalate to {ch(r, ['FY1', 'SHO', 'HO', 'RMO', 'intern', 'JR'])} {fy.last_m(low)} ({internal_ref(ctx)}) if {FRAC('NEWS2 >= 5')}",
                          f"family meeting with {ctx.person().doc('dr_l', lower=low)} at {ctx.T()} tomorrow",
                          f"{kin(r, p, loc)[0]} to phone at {ctx.T(ch(r, [9, 10, 11, 14, 16]), 0)} for update",
                          f"transfer to {M('HOSPITAL', loc.hospital())} for rehab once bed available",
                          f"d/w {ch(r, ['SpR', 'Reg', 'Dr', 'NP'])} {fy.last_m(low)} - happy with plan"]))
    rec += sc["plan"][:1]
    out.append(st.sect(ch(r, ["R", "R - Recommendation", "RECOMMENDATION", "Recommendations"]), st.lst(rec, force_block=True), inline_ok=False))
    if ctx.phi and r.random() < .6:
        n = ctx.person()
        out.append("")
        out.append(ch(r, [f"Signed: {n.full()} {ch(r, loc.rn_abbr)}", f"{ch(r, loc.rn_abbr)} {n.full()}  {ctx.T()}",
                          f"-- {n.sig_initials()}", f"{n.full()} ({ch(r, loc.grades_rn)}) {loc.nurse_reg()[0]} {M('ID', loc.nurse_reg()[1])}"]))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# document 5: telephone triage note
# ---------------------------------------------------------------------------
def doc_triage(ctx):
    r, loc, p, st = ctx.rng, ctx.loc, ctx.pt, Style(ctx.rng)
    sc = pick_scenario(ctx)
    low = r.random() < .3
    out = []
    svc = ch(r, loc.triage)
    out.append(ch(r, [f"TELEPHONE TRIAGE - {svc.upper()}", f"Telephone triage note ({svc})", "Phone triage", f"{svc} call record", "TELEPHONE CONSULTATION"]))
    if ctx.phi:
        out.append(f"{ch(r, ['Call received', 'Date/time of call', 'Call date', 'Rec'])}: {ctx.D(ctx.today)} {ctx.T()}")
        if r.random() < .4:
            out.append(f"Call ref: {M('ID', ch(r, ['TR', 'CAD', 'OOH', 'C']) + digits(r, r.randrange(6, 10)))}")
    out.append("")
    if ctx.phi:
        caller = wch(r, [(3, "kin"), (2, "self"), (2, "carer")])
        if caller == "kin":
            rel, k = kin(r, p, loc)
            cl = f"Caller: {rel} - {k.full() if r.random() < .6 else k.first_m(low)} ({phone_cue(r, 'mob').strip()} {M('PHONE', loc.mobile())})"
        elif caller == "self":
            cl = f"Caller: patient ({M('PHONE', loc.phone())})"
        else:
            cl = f"Caller: {ch(r, ['carer', 'senior carer', 'nurse in charge'])} {ctx.person().first_m(low)} from {M('HOSPITAL', loc.care_home())}, {phone_cue(r)}{M('PHONE', loc.phone())}"
        out.append(cl)
        out.append(f"Patient: {p.header()}  ({ctx.agep(ch(r, ['yo', 'sexglued', 'yo_glued', 'y/o']))})  {dob_str(ctx)}")
        if r.random() < .6:
            out.append(id_lines(ctx, sep="  "))
        if r.random() < .6:
            out.append(f"Address: {addr_inline(ctx)}")
        if r.random() < .6:
            out.append(f"GP: {ctx.person().doc(ch(r, ['dr_l', 'dr_il']))}, {M('HOSPITAL', loc.practice())}")
    else:
        out.append(f"Caller: {ch(r, ['daughter', 'son', 'patient', 'carer', 'wife', 'husband'])}")
        out.append(f"Pt: {ctx.agep(ch(r, ['sexglued', 'yo', 'yo_hy']))}")
    out.append("")
    out.append(st.sect(ch(r, ["Reason for call", "RFC", "Presenting problem", "Chief complaint"]), sc["pc"] + "."))
    hx = " ".join(sc["hpc"][:2])
    out.append(st.sect(ch(r, ["History", "Hx", "Details"]), hx))
    rf = [ch(r, ["no chest pain", "chest pain denied", "some chest tightness"]), ch(r, ["no SOB at rest", "SOB talking in sentences", "breathing ok per caller"]),
          ch(r, ["no new weakness", "no facial droop", "FAST negative"]), ch(r, ["alert", "drowsy but rousable", "confused"]),
          ch(r, ["drinking fluids", "not passed urine today", "vomiting x3"])]
    out.append(st.sect(ch(r, ["Red flags", "Screened", "Red flag screen"]), ", ".join(rf[: r.randrange(2, 6)])))
    if r.random() < .5:
        out.append(st.sect(ch(r, ["Meds", "Medication"]), ", ".join(meds_list(r, r.randrange(1, 4)))))
    if r.random() < .4:
        out.append(f"Home obs per caller: {obs(r, sc['sick'], sep=', ')}")
    dispo = ch(r, [f"Ambulance requested - {ch(r, ['Cat 2', 'Cat 3', 'priority 1', 'urgent'])}",
                   f"Advised to attend {ch(r, loc.eds)} within {ch(r, ['1 hour', '2 hours', '4 hours'])}",
                   "GP call back within 2 hours", "Self-care advice, call back if worse (worsening advice given)",
                   "Urgent GP appointment booked", "Referred to community rapid response team"])
    if ctx.phi and r.random() < .5:
        dispo += ch(r, [f" - appointment at {ctx.T()}", f". Call back booked for {ctx.T()}", f"; {M('HOSPITAL', loc.hospital())} ED notified"])
    out.append(st.sect(ch(r, ["Disposition", "Outcome", "Advice given", "Plan"]), dispo + "."))
    out.append(f"Call duration: {r.randrange(4, 25)} min" if r.random() < .5 else "")
    if ctx.phi:
        nurse = ctx.person()
        sig = ch(r, [f"Triage nurse: {nurse.full()} {ch(r, loc.rn_abbr)}", f"{ch(r, loc.rn_abbr)} {nurse.last_m(low)}",
                     f"{nurse.full()}, {ch(r, ['Clinical Advisor', 'Nurse Advisor', 'Triage RN', 'Paramedic Practitioner'])}",
                     f"- {nurse.sig_initials()}"])
        if r.random() < .3:
            lab, val = loc.nurse_reg()
            sig += f"  {lab} {M('ID', val)}"
        out.append(sig)
    else:
        out.append(ch(r, ["Triage nurse", "RN", "Clinical advisor"]))
    return "\n".join(x for x in out if x is not None)


# ---------------------------------------------------------------------------
# document 6: ward round entry
# ---------------------------------------------------------------------------
def doc_ward_round(ctx):
    r, loc, p, st = ctx.rng, ctx.loc, ctx.pt, Style(ctx.rng)
    sc = pick_scenario(ctx)
    low = ctx.lower_staff or r.random() < .2
    out = []
    day = r.randrange(1, 12)
    if ctx.phi:
        cons = ctx.person()
        hdr = ch(r, [f"WR {cons.doc('dr_l', lower=low)}", f"Ward round - {cons.doc(lower=low)} (Cons)", f"PTWR {cons.doc('dr_l', lower=low)}",
                     f"Consultant WR ({cons.last_m(low)})", f"{ch(r, ['Board round', 'Post-take', 'WR'])}: {cons.doc(lower=low)}"])
        hdr += f"   {ctx.D(ctx.today)} {ctx.T(r.randrange(8, 17))}"
        out.append(hdr)
        if r.random() < .6:
            team = [f"{ch(r, ['SpR', 'Reg', 'Registrar', 'SR'])} {ctx.person().last_m(low)}", f"{ch(r, ['FY1', 'FY2', 'SHO', 'HO', 'Intern', 'JR'])} {ctx.person().last_m(low)}"]
            if r.random() < .5:
                team.append(f"{ch(r, ['Sister', 'SN', 'CN', 'NIC'])} {ctx.person().last_m(low)}")
            if r.random() < .4:
                team.append(f"{ch(r, ['Physio', 'OT', 'pharmacist'])} {ctx.person().first_m(low)}")
            out.append(ch(r, ["Present: ", "With: ", "Team: "]) + ", ".join(team))
        out.append(f"{ward_ref(ctx)} {bed_ref(r)}")
    else:
        out.append(ch(r, ["WR", "Ward round", "PTWR", "Consultant WR", "Board round"]) + (f" - day {day}" if r.random() < .6 else ""))
    out.append(ch(r, [f"Day {day} of admission", f"D{day}", f"POD {day}" if sc is not None and r.random() < .3 else f"Hospital day {day}", ""]))
    if ctx.phi and r.random() < .4:
        out.append(f"{p.header()} {ctx.agep(ch(r, ['sexglued', 'yo']))} {id_lines(ctx, sep=' ')}")
    elif r.random() < .5:
        out.append(f"{ctx.agep(ch(r, ['sexglued', 'yo', 'yo_hy']))} {'M' if p.sex == 'M' else 'F'} - {sc['dx']}")
    out.append("")
    subj = ch(r, ["Feels better today.", "Slept poorly, more confused overnight per nursing staff.", "Pain controlled.",
                  "No new complaints.", "Still SOB on minimal exertion.", "Eating and drinking better.", "c/o nausea overnight."])
    if ctx.phi and r.random() < .4:
        rel, k = kin(r, p, loc)
        subj += " " + ch(r, [f"{rel.capitalize()} {k.first_m(low)} present on WR.", f"Spoke with {rel} {k.first_m(low)} by phone - updated.",
                             f"{rel.upper()} {M('NAME', k.first.lower() if low else k.first.upper())} concerned re: discharge."])
    out.append(st.sect("S", subj))
    o = [obs(r, max(0, sc["sick"] - 1))]
    if sc["sick"] and r.random() < .5:
        o.append("O2: " + o2_setting(r))
    o.append(" ".join(sc["exam"][:2] + ([exam_extra(r)] if r.random() < .3 else [])))
    if r.random() < .7:
        o.append("Bloods: " + labs(r, ch(r, [["Hb", "WCC", "CRP"], ["Na", "K", "Urea", "Creat"], ["CRP", "Creat", "eGFR"], ["Hb", "Plt", "INR"]])))
    out.append(st.sect("O", "\n".join(o)))
    out.append(st.sect("A", ch(r, [sc["dx"], f"{sc['dx']} - improving", f"{sc['dx']}, slow progress", f"{sc['dx']} + delirium"])))
    plan = sc["plan"][:] + [ch(r, ["Continue current Mx", "PT/OT input", "EDD " + ("tomorrow" if not ctx.phi else M("DATE", partial_date_str(r, ctx.today + dt.timedelta(days=r.randrange(1, 7))))),
                                   "Medically optimised - awaiting POC", "TTO to pharmacy", "Discuss with family re ceiling of care",
                                   mk("Switch to oral <D|co-amoxiclav> <M|625 mg> TDS"), mk("Stop <D|IV fluids>"), mk("VTE: <D|enoxaparin> <M|40 mg> SC")])]
    r.shuffle(plan)
    out.append(st.sect("P", st.lst(plan[: r.randrange(2, 6)], force_block=True), inline_ok=False))
    if ctx.phi:
        jd = ctx.person()
        out.append("")
        out.append(ch(r, [f"{jd.full()} {ch(r, ['FY1', 'FY2', 'SHO', 'HO', 'Intern', 'RMO'])} {internal_ref(ctx)}",
                          f"{jd.doc('dr_il', lower=low)} ({ch(r, ['FY1', 'SHO', 'CT1', 'JMO'])}) {loc.staff_reg()[0]} {M('ID', loc.staff_reg()[1])}",
                          f"-- {jd.sig_initials()} {ch(r, ['FY1', 'SHO', 'HO'])}",
                          f"Entry by {jd.doc('dr_l', lower=low)}, {ctx.T()}"]))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# document 7: chest X-ray report
# ---------------------------------------------------------------------------
CXR_NORMAL = ["The heart size is within normal limits.", "The lungs are clear.", "No pleural effusion or pneumothorax.",
              "The mediastinal contours are unremarkable.", "No focal consolidation.", "Costophrenic angles are clear.",
              "Bony structures are intact.", "Hila are normal in size and position."]
CXR_EXTRA = [
    lambda r: f"{DEV('ETT')} tip {MEAS(str(r.randrange(2, 7)) + ' cm')} above the carina.",
    lambda r: f"{DEV('NG tube')} tip projected below the left hemidiaphragm, in the stomach.",
    lambda r: f"{ch(r, ['Right', 'Left'])} {DEV('PICC')} tip projects over the {ch(r, ['SVC', 'cavoatrial junction', 'right atrium'])}.",
    lambda r: f"{ch(r, ['Right IJ', 'Left subclavian'])} {DEV('central venous catheter')} with tip in the SVC.",
    lambda r: f"{DEV('Sternotomy wires')} and CABG clips noted.",
    lambda r: ch(r, [f"Dual chamber {DEV('pacemaker')} with leads in the RA and RV.", f"Single chamber {DEV('pacemaker')} with lead tip in the RV apex."]),
    lambda r: f"{DEV('AICD')} projected over the left chest wall, leads intact.",
    lambda r: f"Healed fracture of the {ch(r, ['left', 'right'])} {ordinal(r.randrange(4, 10))} rib.",
    lambda r: f"Degenerative change in the thoracic spine. Wedge compression of {ch(r, ['T8', 'T10', 'T11', 'T12', 'L1'])}, {ch(r, ['old', 'age-indeterminate'])}.",
    lambda r: f"{ch(r, ['Right', 'Left'])} {DEV('chest drain')} in situ, {ch(r, ['no residual pneumothorax', 'small residual apical pneumothorax'])}.",
    lambda r: f"Unfolded thoracic aorta with calcification of the arch.",
    lambda r: f"{EPO('Hickman line')} tip in the right atrium." if r.random() < .5 else f"{EPO('Port-a-Cath')} reservoir over the right chest wall.",
    lambda r: f"Calcified granuloma in the {ch(r, ['RUL', 'LUL', 'right mid zone'])}, measuring {MEAS(str(r.randrange(3, 12)) + ' mm')}.",
    lambda r: f"{ch(r, ['Left', 'Right'])} apical pleural thickening; no {EPO('Pancoast')} tumour seen.",
    lambda r: f"Hiatus hernia noted behind the heart.",
    lambda r: f"Surgical clips in the right upper quadrant.",
    lambda r: f"{ch(r, ['Left', 'Right'])} shoulder arthroplasty partially imaged.",
    lambda r: f"Cardiothoracic ratio {FRAC(fnum(r, 0.42, 0.62, 2))}.",
    lambda r: f"{ch(r, ['Left', 'Right'])} basal atelectasis.",
    lambda r: f"{ch(r, ['Small', 'Moderate', 'Large'])} {ch(r, ['left', 'right'])} pleural effusion with meniscus.",
    lambda r: f"Nodule in the {ch(r, ['left', 'right'])} {ch(r, ['upper', 'mid', 'lower'])} zone measuring {MEAS(fnum(r, 0.6, 3.5) + ' cm')}; CT recommended.",
]


CXR_TOPICS = {"heart": ["heart", "cardio", "cardiac"], "lung": ["lungs are clear", "lungs clear", "consolidation", "opacification", "hyperinflated"],
              "eff": ["effusion", "costophrenic"], "ng": ["ng tube"], "ptx": ["pneumothorax"], "media": ["mediast", "aorta"],
              "bone": ["bony", "rib", "spine"]}


def doc_cxr(ctx):
    r, loc, p = ctx.rng, ctx.loc, ctx.pt
    sc = pick_scenario(ctx)
    tries = 0
    while not sc.get("cxr") and tries < 5 and r.random() < .7:
        sc = pick_scenario(ctx)
        tries += 1
    out = []
    hosp = loc.hospital()
    dept = ch(r, ["Department of Radiology", "Medical Imaging", "Radiology Department", "Diagnostic Imaging", "X-Ray Department", "Imaging Services"])
    if ctx.phi:
        out.append(f"{M('HOSPITAL', hosp)} - {dept}" if r.random() < .6 else f"{dept}\n{M('HOSPITAL', hosp)}")
    else:
        out.append(dept)
    if ctx.phi:
        nm = ch(r, [f"PATIENT: {p.header()}", f"Name: {p.header()}", f"Patient name: {p.header()}"])
        dobs = dob_str(ctx)
        out.append(f"{nm}    {dobs}")
        if r.random() < .3 and "Age" not in dobs and "y)" not in dobs and "yrs)" not in dobs:
            out.append(f"Sex: {p.sex}   Age: {age_num(ctx.age)}" + ch(r, ["", "Y", " yrs"]))
        out.append(id_lines(ctx, sep="   "))
        out.append(f"{ch(r, ['Accession No', 'Acc #', 'Accession', 'RIS No', 'Exam No'])}: {M('ID', ch(r, ['RAD', 'XR', 'CR', 'A', '']) + digits(r, r.randrange(7, 11)))}")
    exam = ch(r, ["CHEST X-RAY PA", "XR CHEST PA/LAT", "CXR AP (PORTABLE)", "Chest PA", "X-ray Chest (AP erect)", "CXR AP SUPINE", "Chest radiograph PA"])
    out.append(f"{ch(r, ['Examination', 'Exam', 'EXAMINATION', 'Procedure'])}: {exam}")
    if ctx.phi:
        out.append(f"{ch(r, ['Date of exam', 'Exam date', 'Date', 'Performed'])}: {ctx.D(ctx.today)} {ctx.T()}")
        ref = ctx.person()
        loc_ref = ch(r, [M("HOSPITAL", loc.practice()), ward_ref(ctx), ch(r, loc.eds), M("HOSPITAL", hosp)])
        out.append(f"{ch(r, ['Referrer', 'Referring clinician', 'Requested by', 'Ordering physician'])}: {ref.doc(ch(r, ['dr_l', 'dr_il', 'dr_fl']))}, {loc_ref}")
    clin = ch(r, [sc['pc'], sc['dx'], sc['pc'] + ' ?' + ch(r, ['infection', 'effusion', 'LVF', 'consolidation', 'pneumothorax']), 'PICC line position', 'post NG insertion'])
    out.append(f"{ch(r, ['Clinical details', 'Clinical history', 'Indication', 'History', 'CLINICAL INFORMATION'])}: {clin}")
    # comparison
    if ctx.phi:
        prev = ctx.days_ago(20, 2000)
        comp = ch(r, [f"Comparison: {ctx.D(prev)}", f"Compared with previous film of {ctx.D(prev)}.", "Comparison: none available.",
                      f"Comparison is made with outside films from {M('HOSPITAL', loc.imaging())} dated {M('DATE', partial_date_str(r, prev))}.",
                      f"Previous: {ctx.D(prev)}" + (f" ({M('HOSPITAL', ch(r, FAC_STEMS))})" if r.random() < .3 else ""),
                      f"Compared with the study of the {M('DATE', ordinal(prev.day))}."])
    else:
        comp = ch(r, ["Comparison: none.", "No previous imaging available for comparison.", "Compared with previous study."])
    out.append(comp)
    out.append("")
    find = []
    if sc.get("cxr"):
        find += sc["cxr"]
    if "NG insertion" in clin:
        find.append(ch(r, [f"{DEV('NG tube')} tip projected below the left hemidiaphragm, in the stomach.",
                           f"{DEV('NG tube')} courses below the diaphragm; tip not clearly seen, suggest re-check."]))

    def topics(x):
        x = x.lower()
        return {k for k, ws in CXR_TOPICS.items() if any(w in x for w in ws)}

    used = set().union(*[topics(f) for f in find]) if find else set()
    norm = CXR_NORMAL[:]
    r.shuffle(norm)
    for f in norm[: r.randrange(1, 4)]:
        if not topics(f) & used:
            find.append(f)
            used |= topics(f)
    extras = CXR_EXTRA[:]
    r.shuffle(extras)
    for fx in extras[: r.randrange(0, 4)]:
        f = fx(r)
        if not topics(f) & used:
            find.append(f)
            used |= topics(f)
    out.append(ch(r, ["FINDINGS:", "Findings:", "REPORT:", "Report:", "FINDINGS"]))
    if r.random() < .5:
        out.append(" ".join(find))
    else:
        out.append("\n".join(find))
    out.append("")
    imp = sc.get("cxr", [None])[0] if sc.get("cxr") else ch(r, ["No acute cardiopulmonary abnormality.", "No acute findings.", "Normal chest radiograph."])
    out.append(ch(r, ["IMPRESSION:", "Impression:", "CONCLUSION:", "Conclusion:", "Summary:"]) + " " + imp)
    if r.random() < .3:
        out.append(ch(r, ["Suggest repeat CXR in 6 weeks post treatment to ensure resolution.", "Clinical correlation advised.",
                          "CT chest recommended for further assessment.", "Findings discussed with referring team."]))
    if ctx.phi:
        rad = ctx.person()
        out.append("")
        line = ch(r, [f"Reported by: {rad.doc(ch(r, ['dr_fl', 'dr_il']))}, {ch(r, ['Consultant Radiologist', 'Radiology Registrar', 'StR Radiology', 'Reporting Radiographer', 'FRCR', 'FRANZCR'])}",
                      f"Dictated by: {rad.doc()}", f"{rad.full()} {ch(r, ['MB BCh FRCR', 'FRANZCR', 'FRCPC', 'MD', 'DMRD'])}"])
        if r.random() < .6:
            line += f"\n{ch(r, ['Verified', 'Signed', 'Authorised', 'Report date'])}: {ctx.D(ctx.today + dt.timedelta(days=r.randrange(0, 2)))} {ctx.T()}"
        if r.random() < .3:
            lab, val = loc.staff_reg()
            line += f"  {lab} {M('ID', val)}"
        if r.random() < .2:
            line += f"\nDiscussed with {ctx.person().doc('dr_l')} on {internal_ref(ctx)} at {ctx.T()}."
        out.append(line)
    else:
        out.append(ch(r, ["Reported by: Consultant Radiologist", "Radiology report - verified", ""]))
    return "\n".join(out)


DOC_TYPES = [(15, "ed_letter", doc_ed_letter), (13, "clinic_letter", doc_clinic_letter), (12, "gp_referral", doc_gp_referral),
             (14, "sbar_handover", doc_sbar), (13, "telephone_triage", doc_triage), (15, "ward_round", doc_ward_round),
             (18, "cxr_report", doc_cxr)]
NO_PHI_TYPES = [(3, "sbar_handover", doc_sbar), (2, "telephone_triage", doc_triage), (4, "ward_round", doc_ward_round),
                (4, "cxr_report", doc_cxr)]


# ---------------------------------------------------------------------------
# rendering: markup -> text + offsets
# ---------------------------------------------------------------------------
_MARK = re.compile("\x01([^\x02]+)\x02([^\x01\x02\x03]*)\x03")
TYPOS = {"patient": "pateint", "received": "recieved", "the": "teh", "with": "wiht", "and": "adn",
         "because": "becuase", "discharge": "dishcarge", "which": "whihc", "breathing": "breathign",
         "family": "famliy", "review": "reveiw", "tomorrow": "tommorow", "appointment": "appointmnet",
         "confused": "confsued", "possible": "possibel", "examination": "examiantion", "oedema": "odema",
         "abdomen": "abdoemn", "evening": "evenign", "advised": "advsied"}


def _perturb_plain(seg, rng, opts):
    if opts["typo"] and rng.random() < opts["typo"]:
        words = [w for w in re.findall(r"[A-Za-z]+", seg) if w.lower() in TYPOS]
        if words:
            w = ch(rng, words)
            rep = TYPOS[w.lower()]
            if w.isupper():
                rep = rep.upper()
            elif w[0].isupper():
                rep = rep.capitalize()
            seg = re.sub(r"\b" + re.escape(w) + r"\b", rep, seg, count=1)
    if opts["dbl"] and rng.random() < opts["dbl"]:
        idx = [m.start() for m in re.finditer(r"[.,:] (?=\S)", seg)]
        if idx:
            i = ch(rng, idx)
            seg = seg[:i + 1] + " " + seg[i + 1:]
    return seg


def render(marked, rng, kind):
    marked = re.sub(r"[ \t]+\n", "\n", marked)
    marked = re.sub(r"\n{3,}", "\n\n", marked).strip("\n ") + "\n"
    opts = {"typo": .06 if rng.random() < .35 else 0.0, "dbl": .05 if rng.random() < .4 else 0.0}
    parts, phi, prot = [], [], []
    pos, last = 0, 0
    for m in _MARK.finditer(marked):
        seg = marked[last:m.start()]
        if "\x01" in seg or "\x02" in seg or "\x03" in seg:
            raise ValueError("nested or broken markup")
        seg = _perturb_plain(seg, rng, opts)
        parts.append(seg)
        pos += len(seg)
        lab, val = m.group(1), m.group(2)
        parts.append(val)
        if lab.startswith("p:"):
            prot.append({"start": pos, "end": pos + len(val), "kind": lab[2:]})
        else:
            phi.append({"start": pos, "end": pos + len(val), "label": lab})
        pos += len(val)
        last = m.end()
    tail = marked[last:]
    if "\x01" in tail or "\x02" in tail or "\x03" in tail:
        raise ValueError("broken markup")
    parts.append(_perturb_plain(tail, rng, opts))
    text = "".join(parts)

    # case variation
    up_p = {"cxr_report": .35, "ward_round": .08, "sbar_handover": .08, "telephone_triage": .1}.get(kind, .05)
    low_p = {"telephone_triage": .2, "ward_round": .2, "sbar_handover": .15}.get(kind, .03)
    x = rng.random()
    if x < up_p:
        t2 = text.upper()
    elif x < up_p + low_p:
        t2 = text.lower()
    else:
        t2 = text
    if len(t2) == len(text):
        text = t2

    # hard wrapping (line breaks inside sentences) outside spans only
    if kind in ("ed_letter", "clinic_letter", "gp_referral", "cxr_report") and rng.random() < .25:
        width = rng.randrange(58, 80)
        inside = [False] * len(text)
        for s in phi + prot:
            for i in range(s["start"], s["end"]):
                inside[i] = True
        chars = list(text)
        col, last_sp = 0, -1
        for i, c in enumerate(chars):
            if c == "\n":
                col, last_sp = 0, -1
                continue
            if c == " " and not inside[i]:
                last_sp = i
            col += 1
            if col > width and last_sp > 0:
                chars[last_sp] = "\n"
                col = i - last_sp
                last_sp = -1
        text = "".join(chars)
    return text, phi, prot


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------
_AGE_LEAK = re.compile(r"\b(9\d|1[01]\d)(?:\s?-?\s?(?:year|yr|yo\b|y/o|y\.o\.)|[MF]\b)", re.I)
_DATE_LEAK = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b")
_TIME_LEAK = re.compile(r"\b\d{4} ?hrs\b|\b\d{1,2}:\d{2}\b")
_INLINE_LEFT = re.compile(r"<[DMFSVEX]\|")


def check_record(rec):
    errs = []
    t = rec["text"]
    if not isinstance(t, str) or not t:
        return ["empty text"]
    if any(c in t for c in "\x01\x02\x03") or _INLINE_LEFT.search(t):
        errs.append("leftover markup")
    if not (300 <= len(t) <= 2500):
        errs.append(f"length {len(t)}")
    for key, lk, allowed in (("phi", "label", PHI_LABELS), ("protected", "kind", PROT_KINDS)):
        prev_end = -1
        prev_start = -1
        for s in rec[key]:
            a, b = s["start"], s["end"]
            if s[lk] not in allowed:
                errs.append(f"bad {lk} {s[lk]}")
            if not (0 <= a < b <= len(t)):
                errs.append(f"{key} out of range {a}-{b}")
                continue
            if a < prev_start:
                errs.append(f"{key} unsorted at {a}")
            if a < prev_end:
                errs.append(f"{key} overlap at {a}")
            prev_end, prev_start = b, a
            seg = t[a:b]
            if seg != seg.strip() or not seg.strip():
                errs.append(f"{key} whitespace {seg!r}")
    # phi vs protected
    marks = [0] * (len(t) + 1)
    for s in rec["phi"]:
        for i in range(s["start"], s["end"]):
            marks[i] = 1
    for s in rec["protected"]:
        if any(marks[i] for i in range(s["start"], s["end"])):
            errs.append(f"phi/protected overlap at {s['start']}")
    # AGE spans must be >= 90
    for s in rec["phi"]:
        if s["label"] == "AGE":
            v = t[s["start"]:s["end"]]
            m = re.match(r"(\d+)", v)
            if m and int(m.group(1)) < 90:
                errs.append(f"AGE under 90 annotated: {v}")
    # leak checks on text outside PHI spans
    covered = marks
    for rx, what in ((_AGE_LEAK, "age"), (_DATE_LEAK, "date"), (_TIME_LEAK, "time")):
        for m in rx.finditer(t):
            if not any(covered[i] for i in range(m.start(), m.end())):
                inprot = any(s["start"] <= m.start() < s["end"] for s in rec["protected"])
                if not inprot:
                    errs.append(f"unannotated {what}: {m.group(0)!r}")
    return errs


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------
def make_doc(seed_val, idx):
    rng = random.Random(seed_val)
    phi_mode = rng.random() >= 0.15
    types = DOC_TYPES if phi_mode else NO_PHI_TYPES
    _, kind, fn = wch(rng, [(w, (w, k, f)) for w, k, f in types])
    last = None
    for attempt in range(40):
        ctx = Ctx(rng, phi=phi_mode)
        ctx.detail = max(0.15, 0.85 - 0.12 * attempt) if attempt else rng.uniform(.45, .95)
        marked = fn(ctx)
        text, phi, prot = render(marked, rng, kind)
        last = (text, phi, prot)
        if not (300 <= len(text) <= 2500):
            continue
        if phi_mode and not phi:
            continue
        if not phi_mode and phi:
            continue
        break
    text, phi, prot = last
    return {"id": f"{kind}-{idx:05d}", "text": text, "phi": phi, "protected": prot}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    master = random.Random(a.seed * 7919 + 17)
    recs = []
    for i in range(a.n):
        recs.append(make_doc(master.getrandbits(64), i))
    bad = 0
    for rec in recs:
        errs = check_record(rec)
        if errs:
            bad += 1
            if bad <= 20:
                print(f"SELF-CHECK FAIL {rec['id']}: {errs[:5]}", file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_phi = sum(1 for x in recs if x["phi"])
    print(f"wrote {len(recs)} records to {a.out}; {n_phi} with PHI; "
          f"{sum(len(x['phi']) for x in recs)} PHI spans; {sum(len(x['protected']) for x in recs)} protected spans; "
          f"self-check failures: {bad}", file=sys.stderr)
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
