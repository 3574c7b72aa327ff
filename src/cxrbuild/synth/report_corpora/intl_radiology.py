#!/usr/bin/env python3
"""Synthetic annotated radiology-report generator (non-US hospitals:
UK NHS, Ireland, Australia/NZ, Canada, South Africa, India, teleradiology).

python3 gen.py --seed S --n N --out FILE.jsonl
Standard library only.  All surrogate values are invented / hand-written.
"""
import argparse
import datetime as dt
import json
import random
import re
import sys

# ---------------------------------------------------------------- surrogates
GIVEN = {
    "english": """James John Robert Michael William David Richard Thomas Charles Christopher Daniel
Matthew Anthony Mark Paul Steven Andrew Kevin Brian George Edward Ronald Timothy Jeffrey Ryan Gary
Nicholas Stephen Jonathan Scott Frank Benjamin Gregory Samuel Raymond Alexander Jack Dennis Henry
Douglas Peter Adam Nathan Walter Harold Carl Keith Roger Gerald Arthur Terry Lawrence Albert Bruce
Alan Ralph Roy Wayne Eugene Louis Russell Vincent Philip Nigel Clive Trevor Rupert Mary Patricia
Jennifer Linda Elizabeth Barbara Susan Sarah Karen Margaret Betty Sandra Dorothy Emily Donna Carol
Deborah Rebecca Laura Sharon Kathleen Shirley Angela Helen Brenda Pamela Ruth Katherine Christine
Emma Catherine Rachel Janet Heather Diane Julie Joyce Victoria Joan Evelyn Judith Frances Martha
Hannah Jean Alice Gloria Doris Marilyn Gwendolyn Mavis Edna Winifred Agnes Beryl Doreen Enid Muriel
Maureen Brenda Elsie Ivy Hilda Phyllis Gladys Wilfred Cyril Reginald Stanley""".split(),
    "celtic": """Siobhan Niamh Aoife Ciaran Padraig Eoin Sinead Orla Declan Seamus Bronagh Caoimhe
Oisin Cormac Ruairi Mairead Aisling Dervla Lachlan Isla Ailsa Euan Morag Callum Hamish Fergus Alistair
Rhys Dafydd Gareth Cerys Bethan Ffion Iolo Emrys Grainne Fionnuala Tadhg Donal Brendan""".split(),
    "hispanic": """José Luis Carlos Jorge Alejandro Miguel Javier Diego Sofía Lucía Valentina Camila
Ximena Guadalupe Rocío Itziar Maite Iñigo Consuelo Marisol Dolores Pilar Esperanza Joaquín Rodrigo
Mateo""".split(),
    "portuguese": "João Gonçalo Tiago Inês Beatriz Leonor Conceição Rui Duarte Afonso".split(),
    "french": "Étienne Amélie Benoît Chloé Mathieu Guillaume Solène Thibault Margaux Yannick Aurélie Gaëlle".split(),
    "germanic": "Joost Maarten Sanne Femke Pieter Wouter Anneke Jürgen Klaus Dieter Heike Ute Friedrich Wolfgang Anke Johan Annelie Riaan Hendrik Marthinus".split(),
    "italian": "Giuseppe Giovanni Francesca Chiara Alessandro Lorenzo Giulia Matteo Salvatore Carmela Raffaele".split(),
    "slavic": """Krzysztof Małgorzata Agnieszka Wojciech Grzegorz Katarzyna Zbigniew Jadwiga Bartosz
Dorota Dmitri Sergei Anastasia Yekaterina Oksana Bohdan Taras Olena Mykola Svitlana Vladimir Natalya
Yuri Ludmila""".split(),
    "greek_turkish": """Dimitrios Konstantinos Eleni Georgios Panagiotis Vasiliki Athanasios Despina Stavros
Theodora Mehmet Ayse Emre Elif Burak Zeynep Mustafa Fatma Cem Ozlem""".split(),
    "arabic_persian": """Mohammed Ahmed Fatima Aisha Omar Khalid Yusuf Layla Hassan Mariam Tariq Nour Samir
Rania Abdulrahman Huda Dariush Shirin Parisa Kourosh Roya Farhad Nasrin Babak Mitra Arash""".split(),
    "west_african": """Adebayo Oluwaseun Folake Babatunde Temitope Yetunde Olumide Funmilayo Ayodele
Chinedu Ngozi Obinna Chiamaka Emeka Uchenna Ifeoma Chukwuemeka Nkechi Kwame Kofi Akosua Ama Kwabena
Yaw Abena Kojo Efua Adwoa""".split(),
    "east_south_african": """Wanjiru Kamau Otieno Achieng Njeri Abebe Tigist Haile Amani Baraka Zawadi
Thabo Sipho Nomvula Lerato Bongani Zanele Themba Nandi Lwazi Thandeka Mpho Palesa Sibusiso
Nokuthula Xolani""".split(),
    "south_asian": """Rajesh Priya Anil Sunita Vikram Deepa Arjun Lakshmi Sanjay Kavita Harpreet Gurpreet
Manpreet Rahul Anjali Suresh Meena Imran Farhana Nusrat Tanvir Ravi Sita Venkatesh Padma Karthik
Shalini Prakash Aarav Ishaan Divya Pooja Ramesh Sunil Geeta Kamala""".split(),
    "east_asian": """Wei Xiaoming Na Jing Hao Mei Ling Jun Yan Min-jun Seo-yeon Ji-ho Hyun-woo Eun-ji
Minh Huong Tuan Linh Duc Hiroshi Yuki Takeshi Haruka Kenji Sakura Akiko Daisuke""".split(),
    "filipino": "Maricel Rogelio Jocelyn Bayani Ligaya Imelda Danilo Rosario Marites Jun-Jun".split(),
    "native": "Aiyana Takoda Winona Kele Nayeli Ahanu Tala Chayton".split(),
    "nordic": "Bjørn Sigrid Astrid Lars Ingrid Magnus Freya Henrik Solveig Eero Aino Sven Liv Tove Håkon".split(),
    "maori": "Aroha Ngaire Wiremu Tane Hemi Mere Kiri Rangi Tamati Anahera".split(),
    "word": "Hope Joy Faith Grace Hardy Lane Frost Rivers Young Wolf Bishop Summer Dawn Heath Reed Will Guy Sunny Holly Rowan Sage Crystal Destiny".split(),
}

SURN = {
    "english": """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans
Walker White Roberts Green Hall Wood Jackson Clarke Harrison Cooper Ward Hughes Edwards Turner Collins
Stewart Morris Bell Kingsley Ashworth Pemberton Fairbrother Hadley Whitlock Thornton Blackwood
Cartwright Holloway Pickering Ramsbottom Higginbotham Featherstone Entwistle Llewellyn Pritchard
Vaughan Prosser Bevan Gruffydd|Bowes-Lyon|Hamilton-Jones|Smith-Okafor""".replace("\n", " ").replace("|", " ").split(),
    "word": "Hope Frost Bishop Lane Hardy Wolf Young Rivers Joy Baker Fisher Mason Shepherd Stone Marsh Brook Hill Moss Fox Swan Crane Bird Knight King Price Sharp Day Moody Sweet Power Good Rich".split(),
    "celtic": """McCarthy McLaughlin McAllister MacDonald MacKenzie MacLeod O'Brien O'Sullivan O'Shaughnessy
O'Neill O'Connor O'Donnell Fitzgerald Gallagher Doherty Murphy Kelly Byrne Quinlan Brennan Donnelly
Campbell Fraser Cameron Urquhart Sutherland Munro Drummond Menzies Buchanan""".split(),
    "hispanic": ["García Márquez", "López Obrador", "Rodríguez Santana", "Hernández Ruiz",
                 "Martínez Soto", "González Vidal", "Pérez Iglesias", "Sánchez de la Vega", "Herrera",
                 "Castillo", "Delgado", "Vargas", "Ortega", "Morales", "Navarro", "Mendoza",
                 "de la Fuente", "del Toro", "de los Santos", "O'Shaughnessy-Ruiz"],
    "portuguese": ["Gonçalves Pereira", "Carvalho", "Ferreira", "Rodrigues", "Sousa", "da Silva",
                   "dos Santos", "Magalhães", "Albuquerque", "da Costa"],
    "french": ["Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine", "Beaumont",
               "Chevalier", "Lacroix", "Marchand", "de Villiers", "Le Roux", "du Plessis", "Tremblay",
               "Gagnon", "Bouchard", "Côté"],
    "germanic": ["van der Merwe", "van den Berg", "van Dijk", "de Vries", "van Rooyen", "Bakker",
                 "Visser", "Janssen", "von Essen", "von Richthofen", "Müller", "Schneider", "Fischer",
                 "Weber", "Hoffmann", "Schäfer", "Zimmermann", "ter Horst", "ten Brink", "Vermeulen",
                 "Botha", "Pretorius", "Steyn", "Coetzee"],
    "italian": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                "di Stefano", "Di Marco", "D'Angelo", "Lo Bianco", "Caruso", "Gallo"],
    "slavic": ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zieliński",
               "Szymańska", "Woźniak", "Dąbrowski", "Ivanov", "Smirnova", "Kuznetsov", "Popov",
               "Sokolova", "Lebedev", "Volkov", "Morozova", "Shevchenko", "Kovalenko", "Bondarenko",
               "Tkachenko", "Kravchenko", "Oliynyk", "Melnyk", "Boyko"],
    "greek_turkish": ["Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinidou", "Papageorgiou",
                      "Christodoulou", "Dimitriou", "Vlachos", "Yilmaz", "Kaya", "Demir", "Sahin",
                      "Celik", "Yildiz", "Aydin", "Ozturk", "Arslan", "Dogan"],
    "arabic_persian": ["Al-Rashid", "al-Farsi", "Haddad", "Khoury", "Nasser", "Mansour", "bin Salleh",
                       "Abdullah", "El-Sayed", "Hamdan", "Al-Amin", "Saleh", "Qureshi", "Tehrani",
                       "Hosseini", "Rahimi", "Karimi", "Moradi", "Jafari", "Farahani", "Sadeghi"],
    "west_african": ["Adeyemi", "Okonkwo", "Olawale", "Ogunleye", "Balogun", "Adeleke", "Afolabi",
                     "Akinola", "Okafor", "Nwosu", "Eze", "Okeke", "Obi", "Nwachukwu", "Igwe", "Okoro",
                     "Mensah", "Asante", "Owusu", "Boateng", "Osei", "Agyeman", "Appiah", "Darko",
                     "Ofori", "Amoah"],
    "east_south_african": ["Kamau", "Otieno", "Wanjiku", "Mwangi", "Ochieng", "Kiprono", "Tesfaye",
                           "Bekele", "Mengistu", "Abdi", "Warsame", "Nkosi", "Dlamini", "Ndlovu",
                           "Khumalo", "Mokoena", "Zulu", "Mthembu", "Naidoo", "Pillay", "Govender",
                           "Maseko", "Mahlangu"],
    "south_asian": ["Patel", "Sharma", "Singh", "Gupta", "Iyer", "Reddy", "Nair", "Menon",
                    "Chatterjee", "Banerjee", "Mukherjee", "Desai", "Joshi", "Kapoor", "Malhotra",
                    "Chaudhry", "Siddiqui", "Rahman", "Hussain", "Chowdhury", "Bhattacharya",
                    "Krishnamurthy", "Subramanian", "Venkataraman", "Kulkarni", "Deshpande", "Pawar",
                    "Gill", "Sandhu", "Dhillon"],
    "east_asian": ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
                   "Lin", "Ho", "Chan", "Wong", "Leung", "Cheung", "Kim", "Lee", "Park", "Choi", "Jung",
                   "Kang", "Yoon", "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui",
                   "Ngo", "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Yamamoto", "Nakamura",
                   "Kobayashi", "Matsumoto", "Inoue", "Nguyen-Tran"],
    "filipino": ["dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Macaraeg",
                 "Dimaculangan", "Pangilinan", "Magbanua"],
    "native": ["Begay", "Yazzie", "Tsosie", "Benally", "Whitehorse", "Redcloud", "Skenandore", "Harjo",
               "Running Bear"],
    "nordic": ["Lindqvist", "Johansson", "Andersson", "Nilsson", "Hansen", "Johansen", "Larsen",
               "Pedersen", "Virtanen", "Korhonen", "Haugland", "Bergström", "Sigurdsson", "Halvorsen"],
    "maori": ["Ngata", "Te Whiu", "Parata", "Tawhiri", "Rangihau", "Tipene"],
}

SYL_A = ["ka", "lo", "ven", "dri", "sa", "mor", "e", "zan", "bel", "tor", "ri", "an", "del", "wyn",
         "os", "i", "ul", "fen", "gar", "qui", "tha", "mi", "ro", "ne", "ju", "vo", "ash", "kel"]
SYL_B = ["dra", "ven", "lis", "mar", "tho", "rin", "dell", "nov", "quist", "bek", "zar", "lyn", "oro",
         "ith", "ane", "ek", "ova", "ski", "hurst", "wick", "ani", "ette", "ius", "eda"]

COUNTRY_BIAS = {
    "UK": ["english", "english", "celtic", "south_asian", "west_african", "slavic", "word"],
    "IE": ["celtic", "celtic", "english", "slavic", "west_african"],
    "AU": ["english", "celtic", "east_asian", "greek_turkish", "italian", "word", "maori"],
    "NZ": ["english", "maori", "maori", "celtic", "east_asian", "filipino"],
    "CA": ["english", "french", "celtic", "east_asian", "south_asian", "native", "filipino"],
    "ZA": ["east_south_african", "east_south_african", "germanic", "english", "south_asian"],
    "IN": ["south_asian", "south_asian", "south_asian"],
}

TOWNS = {
    "UK": """Leeds|Bradford|Wakefield|Harrogate|Doncaster|Rotherham|Barnsley|Huddersfield|Halifax|Keighley|
Skipton|Ilkley|Otley|Pontefract|Castleford|Sheffield|Chesterfield|Derby|Nottingham|Leicester|Loughborough|
Coventry|Nuneaton|Northampton|Kettering|Bedford|Luton|Stevenage|Hitchin|Watford|St Albans|Reading|Slough|
Guildford|Woking|Crawley|Hove|Eastbourne|Hastings|Maidstone|Canterbury|Margate|Folkestone|Exeter|
Plymouth|Truro|Taunton|Yeovil|Swindon|Gloucester|Cheltenham|Hereford|Shrewsbury|Telford|Stafford|
Stoke-on-Trent|Crewe|Warrington|Wigan|Bolton|Rochdale|Oldham|Stockport|Macclesfield|Blackburn|Burnley|
Preston|Lancaster|Kendal|Carlisle|Workington|Whitehaven|Durham|Sunderland|Gateshead|Hexham|Morpeth|
Darlington|Middlesbrough|Hartlepool|Scarborough|Whitby|Grimsby|Scunthorpe|Lincoln|Grantham|
Peterborough|Ely|Norwich|Colchester|Chelmsford|Southend-on-Sea|Basildon|Paisley|Kilmarnock|Dundee|
Perth|Stirling|Inverness|Dumfries|Ayr|Falkirk|Fort William|Oban|Swansea|Llanelli|Wrexham|Bangor|
Aberystwyth|Merthyr Tydfil|Pontypridd|Bridgend|Lisburn|Newry|Omagh|Enniskillen|Coleraine|Ballymena""",
    "IE": """Cork|Limerick|Galway|Waterford|Sligo|Athlone|Tralee|Killarney|Drogheda|Dundalk|Navan|Mullingar|
Tullamore|Letterkenny|Ennis|Kilkenny|Wexford|Clonmel|Castlebar|Ballina|Portlaoise|Carlow|Longford|
Roscommon|Cavan|Monaghan|Bantry|Skibbereen|Dungarvan|Nenagh""",
    "AU": """Parramatta|Blacktown|Bankstown|Chatswood|Hornsby|Dee Why|Bondi Junction|Marrickville|Footscray|
Dandenong|Frankston|Geelong|Ballarat|Bendigo|Toowoomba|Logan|Townsville|Cairns|Rockhampton|Mackay|
Bundaberg|Fremantle|Joondalup|Rockingham|Mandurah|Salisbury|Glenelg|Launceston|Devonport|Hobart|
Wagga Wagga|Dubbo|Orange|Tamworth|Lismore|Alice Springs|Palmerston|Campbelltown|Sunshine|Box Hill""",
    "NZ": """Otahuhu|Manukau|Papakura|Hamilton|Tauranga|Rotorua|Whangarei|Napier|Hastings|Palmerston North|
Whanganui|Nelson|Timaru|Dunedin|Invercargill|Porirua|Lower Hutt|Gisborne|Masterton|Blenheim""",
    "CA": """Mississauga|Brampton|Etobicoke|Oshawa|Kingston|Sudbury|Thunder Bay|Sault Ste. Marie|Windsor|
Kitchener|Guelph|Barrie|Laval|Longueuil|Gatineau|Trois-Rivières|Sherbrooke|Moncton|Fredericton|
Saint John|Dartmouth|Charlottetown|Regina|Saskatoon|Brandon|Red Deer|Lethbridge|Kamloops|Nanaimo|
Kelowna|Burnaby|Prince George|Timmins|North Bay""",
    "ZA": """Soweto|Tembisa|Khayelitsha|Mitchells Plain|Umlazi|Pietermaritzburg|Polokwane|Mbombela|
Bloemfontein|Kimberley|Rustenburg|George|Stellenbosch|Paarl|Mthatha|East London|Gqeberha|Durban|
Pinetown|Benoni|Boksburg|Germiston|Mahikeng|Upington|Kokstad|Thohoyandou""",
    "IN": """Pune|Nagpur|Nashik|Thane|Aurangabad|Kolhapur|Vellore|Madurai|Coimbatore|Tiruchirappalli|Salem|
Mysuru|Mangaluru|Hubballi|Belagavi|Thrissur|Kozhikode|Kottayam|Guntur|Vijayawada|Warangal|Indore|
Bhopal|Jabalpur|Lucknow|Kanpur|Varanasi|Patna|Ranchi|Cuttack|Bhubaneswar|Jaipur|Jodhpur|Udaipur|
Ludhiana|Amritsar|Dehradun|Shimla|Satara|Sangli""",
}
TOWNS = {k: [t.strip() for t in v.replace("\n", "").split("|")] for k, v in TOWNS.items()}
INVENTED_TOWNS = ["Glenmoor", "Kettleby", "Marchwood Cross", "Fenwick Down", "Thornleigh", "Drumcarrig",
                  "Ballykeel", "Kilbrannagh", "Wattle Creek", "Koorabin", "Mapleford", "Pinecrest Falls",
                  "Siyakhula", "Nandipur", "Rampura Khurd", "Sundargaon", "Ashbury Vale", "Lower Kendrick",
                  "Porthgwyn", "Inverlochan", "Tarrawong", "Mount Elphin", "Kwa-Nomvula", "Haverleigh"]
TOWN_P = ["Ash", "Thorn", "Black", "Mill", "Kings", "Bram", "Hazel", "Elm", "Wester", "Fen", "Cold",
          "Shep", "Lang", "Kirk", "Bally", "Glen", "Dun", "Inver", "Marl", "Stan"]
TOWN_S = ["ford", "ley", "bury", "ton", "wick", "field", "thorpe", "by", "mouth", "stead", "brook",
          "more", "gate", "dale"]
COUNTIES = {"UK": ["West Yorkshire", "Lancashire", "Cumbria", "Kent", "Devon", "Norfolk", "Fife",
                   "Gwynedd", "Co. Antrim", "Northumberland", "Shropshire", "Essex"],
            "IE": ["Co. Cork", "Co. Mayo", "Co. Kerry", "Co. Donegal", "Co. Galway", "Co. Clare",
                   "Co. Tipperary", "Co. Wexford", "Co. Meath", "Co. Sligo", "Co. Offaly"]}
PROVINCES = ["ON", "Ontario", "QC", "BC", "British Columbia", "AB", "Alberta", "MB", "SK", "NS",
             "Nova Scotia", "NB", "PEI", "NL"]
AU_STATES = [("NSW", "2"), ("VIC", "3"), ("QLD", "4"), ("SA", "5"), ("WA", "6"), ("TAS", "7"), ("NT", "08")]
ZA_PROV = ["Gauteng", "KwaZulu-Natal", "Western Cape", "Eastern Cape", "Limpopo", "Free State"]
IN_STATES = ["Maharashtra", "Tamil Nadu", "Karnataka", "Kerala", "Uttar Pradesh", "Rajasthan", "Punjab"]
COUNTRIES = ["Guatemala", "Ukraine", "Nigeria", "Pakistan", "Bangladesh", "Poland", "Romania", "Somalia",
             "Eritrea", "Syria", "Afghanistan", "Zimbabwe", "the Philippines", "Vietnam", "Brazil",
             "Portugal", "Spain", "Thailand", "Kenya", "Ghana", "Sri Lanka", "Nepal", "Iraq", "Sudan",
             "Ethiopia", "Peru", "Bolivia", "Malawi", "Fiji", "Samoa", "Tonga", "Mozambique", "Lithuania"]
STREET_N = ["Ashgrove", "Mill", "Station", "High", "Church", "Victoria", "Albert", "Jubilee", "Oak",
            "Marlborough", "Wattle", "Bunya", "Jacaranda", "Voortrekker", "Jan Smuts", "Nehru",
            "Gandhi", "Tilak", "Bloor", "Dundas", "Sherbrooke", "Kerrigan", "Larkhill", "Beechwood",
            "Cromwell", "Nightingale", "Clifton", "Rosemount", "Kowhai", "Pohutukawa", "Main",
            "Coronation", "Gordon", "Queen's", "Bishop", "Frost", "Kestrel", "Sycamore"]
STREET_T = ["Road", "Street", "Lane", "Avenue", "Close", "Crescent", "Drive", "Terrace", "Way",
            "Grove", "Parade", "Place", "Rd", "St", "Ave", "Gardens", "Court"]
FAC_BASE = ["Hollis Valley", "Maple Crest", "Riverside", "North Shore", "Kestrel Park", "Ashcombe",
            "Brightwater", "Fernhill", "Oakhaven", "Greystones", "Willowbank", "Larkspur",
            "Heatherfield", "Rosemount", "Silverbirch", "Thornbury", "Cedar Grove", "Juniper",
            "Harbourview", "Bellbird", "Jacaranda", "Protea", "Sanjeevani", "Arogya", "Jeevan Rekha",
            "Sushrut", "Dhanvantari", "Navjeevan", "Suraksha", "Amrut", "Kingfisher Bay", "Pentland",
            "Glenmoor", "Coldbrook", "Wattle Grove", "Umhlali", "Ngaio", "Tamarind"]
SAINTS = ["St Brigid's", "St. Columba's", "St Aidan's", "St Oswald's", "St. Wilfrid's", "St Ebba's",
          "St. Finbarr's", "St Kilian's", "St Bede's", "St. Cuthbert's", "St Ita's", "St. Declan's",
          "St Hilda's", "St Teilo's", "St Piran's", "St. Fiacre's"]
WARDS = ["Nightingale", "Seacole", "Fleming", "Lister", "Jenner", "Cavell", "Darwin", "Faraday",
         "Hodgkin", "Garrett Anderson", "Barnard", "Osler", "Florey", "Priestley", "Brunel", "Turing",
         "Lovelace", "Pankhurst", "Windermere", "Coniston", "Ullswater", "Malham", "Ribble", "Derwent",
         "Eden", "Tyne", "Wharfe", "Severn", "Kowhai", "Waratah", "Banksia", "Protea", "Mandela",
         "Sobukwe", "Tagore", "Nehru", "Ellison", "Baker", "Phillips", "Bishop"]
EMPLOYERS = ["Kessler Marine Works", "Lincoln Elementary", "Harcourt Brick Company", "Brightwater Foods",
             "Castlegate Textiles", "Pennine Quarries Ltd", "Redfern Logistics", "Makhado Mining",
             "Ashby Colliery", "Holm Valley Dairy", "Gulf Point Fisheries", "Tarrant Haulage",
             "Umvoti Sugar Mill", "Deccan Auto Components Pvt Ltd", "Okanagan Orchards Co-op",
             "St Mungo's Primary School", "Kilbrannagh Community College", "Ferncliff Grammar",
             "Wattle Creek Abattoir", "Northgate Bus Depot", "Coldbrook Shipyard", "Tamar Valley Vineyards",
             "the Glenmoor Evangelical Church", "Bellbird Mine", "Sundargaon Sugar Co-operative",
             "Pohutukawa Freezing Works", "Marchwood Power Station", "Oakhaven Primary"]
TELERAD = ["Meridian Teleradiology", "Orbis Remote Reporting", "Southern Cross Telerad",
           "Nightwatch Imaging Partners", "Halcyon Radiology Services", "Antipodes Reporting",
           "Bluewater Telehealth Imaging", "Lighthouse Remote Radiology"]

PHI_LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL", "ORGANIZATION",
              "CONTACT"}
KINDS = {"M": "MEASUREMENT", "F": "FRACTION", "S": "SETTING", "V": "VITAL", "E": "EPONYM",
         "D": "DEVICE", "R": "DRUG"}
KIND_NAMES = set(KINDS.values())


# ---------------------------------------------------------------- builder
class Doc:
    """Appends pieces; records exact offsets of every PHI / protected value."""

    def __init__(self, rng, case="mixed", noise=0.0):
        self.rng = rng
        self.case = case
        self.noise = noise
        self.parts = []
        self.n = 0
        self.phi = []
        self.prot = []

    def _cs(self, s):
        if self.case == "upper":
            return s.upper()
        if self.case == "lower":
            return s.lower()
        return s

    def _raw(self, s):
        self.parts.append(s)
        self.n += len(s)

    def t(self, s):
        """plain text, with occasional layout noise / typos"""
        s = self._cs(s)
        r = self.rng
        if self.noise and len(s) > 12 and r.random() < self.noise * 4:
            sp = [m.start() for m in re.finditer(" ", s)]
            if sp:
                i = r.choice(sp)
                s = s[:i] + r.choice(["  ", "\n", "  ", " \n"]) + s[i + 1:]
        if self.noise and len(s) > 20 and r.random() < self.noise:
            words = [m for m in re.finditer(r"[a-zA-Z]{6,}", s)]
            if words:
                m = r.choice(words)
                w = m.group()
                i = r.randint(1, len(w) - 3)
                w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
                s = s[:m.start()] + w2 + s[m.end():]
        self._raw(s)

    def raw(self, s):
        self._raw(self._cs(s))

    def _span(self, s, store, key, val):
        s = self._cs(s)
        assert s and s == s.strip(), repr(s)
        store.append({"start": self.n, "end": self.n + len(s), key: val, "_v": s})
        self._raw(s)

    def p(self, s, label):
        assert label in PHI_LABELS, label
        self._span(s, self.phi, "label", label)

    def k(self, s, kind):
        assert kind in KIND_NAMES, kind
        self._span(s, self.prot, "kind", kind)

    def add(self, pieces):
        for text, lab in pieces:
            if lab is None:
                self.t(text)
            elif lab in PHI_LABELS:
                self.p(text, lab)
            else:
                self.k(text, lab)

    def nl(self, k=1):
        self._raw("\n" * k)

    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------- small helpers
def dg(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def up(r, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(r.choice(alphabet) for _ in range(n))


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMW = ["ninety", "ninety-one", "ninety-two", "ninety-three", "ninety-four", "ninety-five",
        "ninety-six", "ninety-seven", "ninety-eight", "ninety-nine"]


def fmt_date(d, style):
    m3 = MONTHS[d.month - 1][:3]
    M = MONTHS[d.month - 1]
    return {
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy1": f"{d.day}/{d.month}/{d.year}",
        "dmy2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "dmydot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmydash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "iso": f"{d.year}-{d.month:02d}-{d.day:02d}",
        "dmon": f"{d.day} {m3} {d.year}",
        "dmonth": f"{d.day} {M} {d.year}",
        "dthmonth": f"{ordinal(d.day)} {M} {d.year}",
        "dmondash": f"{d.day:02d}-{m3}-{d.year}",
        "mdy": f"{M} {d.day}, {d.year}",
        "mdy_s": f"{m3} {d.day}, {d.year}",
        "wk": f"{WEEKDAYS[d.weekday()]}, {d.day} {M} {d.year}",
        "wk_us": f"{WEEKDAYS[d.weekday()].upper()}, {M.upper()} {d.day}, {d.year}",
        "mdy_num": f"{d.month}/{d.day}/{d.year % 100:02d}",
        "mdydash": f"{d.month}-{d.day}-{d.year % 100:02d}",
    }[style]


def fmt_partial(r, d):
    m3 = MONTHS[d.month - 1][:3]
    return r.choice([
        f"{d.day:02d}/{d.month:02d}", f"{d.day}/{d.month}", f"{d.month:02d}/{d.year}",
        f"{MONTHS[d.month - 1]} {d.year}", f"{m3}-{d.year % 100:02d}", f"{m3} {d.year}",
        f"{d.day} {m3}", f"{ordinal(d.day)} {MONTHS[d.month - 1]}", f"{m3} {ordinal(d.day)}",
        f"{d.month}/{d.year % 100:02d}"])


DATE_STYLES = {
    "UK": ["dmy"] * 8 + ["dmy2", "dmydot", "dmon", "dmonth", "dthmonth", "dmondash", "wk", "dmy1"],
    "IE": ["dmy"] * 6 + ["dmydash", "dmon", "dmonth", "dthmonth", "dmydot"],
    "AU": ["dmy"] * 6 + ["dmy1", "dmon", "dmonth", "dmydot", "dmy2"],
    "NZ": ["dmy"] * 6 + ["dmy1", "dmon", "dmonth"],
    "CA": ["iso"] * 5 + ["mdy", "mdy_s", "dmy", "dmon", "wk_us", "mdy_num", "mdydash"],
    "ZA": ["dmy"] * 4 + ["iso", "iso", "dmon", "dmonth", "dmydash"],
    "IN": ["dmy"] * 4 + ["dmydash", "dmydot", "dmon", "dmondash", "dthmonth"],
}


def fmt_time(r, style=None):
    h, m = r.randint(0, 23), r.randint(0, 59)
    style = style or r.choice(["hm", "hm", "hm", "hmdot", "ampm", "mil", "milh", "hms", "noon"])
    if style == "hm":
        return f"{h:02d}:{m:02d}"
    if style == "hmdot":
        return f"{h:02d}.{m:02d}"
    if style == "ampm":
        return f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}" if r.random() < .7 else \
            f"{(h % 12) or 12}.{m:02d}{'am' if h < 12 else 'pm'}"
    if style == "mil":
        return f"{h:02d}{m:02d}"
    if style == "milh":
        return f"{h:02d}{m:02d}h" if r.random() < .5 else f"{h:02d}{m:02d}hrs"
    if style == "hms":
        return f"{h:02d}:{m:02d}:{r.randint(0, 59):02d}"
    return r.choice(["noon", "midnight", "midday"])


def nhs_number(r):
    while True:
        ds = [r.randint(0, 9) for _ in range(9)]
        ds[0] = r.randint(4, 7)
        s = sum(d * (10 - i) for i, d in enumerate(ds))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c != 10:
            x = "".join(map(str, ds)) + str(c)
            return r.choice([f"{x[:3]} {x[3:6]} {x[6:]}", x, f"{x[:3]}-{x[3:6]}-{x[6:]}"])


def postcode(r, c):
    if c == "UK":
        a = r.choice(["LS", "BD", "M", "B", "S", "NE", "CF", "G", "EH", "BT", "SW", "N", "E", "OX",
                      "CB", "YO", "HU", "L", "PR", "BS", "EX", "PL", "TR", "NG", "LE", "DE", "HX", "WF"])
        return f"{a}{r.randint(1, 29)} {r.randint(1, 9)}{up(r, 2, 'ABDEFGHJLNPQRSTUWXYZ')}"
    if c == "IE":
        rk = r.choice(["D04", "D08", "D15", "D24", "T12", "T23", "H91", "V94", "F91", "R95", "X91",
                       "A92", "W91", "Y35", "P31", "F23"])
        return f"{rk} {up(r, 1)}{dg(r, 1)}{r.choice('ACDEFHKNPRTVWXY0123456789')}{r.choice('ACDEFHKNPRTVWXY0123456789')}"
    if c == "CA":
        L = "ABCEGHJKLMNPRSTVXY"
        return f"{r.choice(L)}{dg(r, 1)}{r.choice(L)} {dg(r, 1)}{r.choice(L)}{dg(r, 1)}"
    if c == "IN":
        x = str(r.randint(110001, 855999))
        return x if r.random() < .7 else f"{x[:3]} {x[3:]}"
    return dg(r, 4)


def phone(r, c):
    if c == "UK":
        return r.choice([f"01{dg(r, 2)}{r.randint(2, 9)} {dg(r, 3)} {dg(r, 3)}",
                         f"0{r.choice(['113', '161', '121', '114', '191', '117', '131', '141'])} {dg(r, 3)} {dg(r, 4)}",
                         f"020 {r.choice('378')}{dg(r, 3)} {dg(r, 4)}", f"07{dg(r, 3)} {dg(r, 6)}",
                         f"+44 (0){r.choice(['113', '161', '20'])} {dg(r, 3)} {dg(r, 4)}",
                         f"01{dg(r, 3)} {dg(r, 6)}"])
    if c == "IE":
        return r.choice([f"0{r.choice(['1', '21', '91', '61', '51', '71', '66', '94'])} {dg(r, 3)} {dg(r, 4)}",
                         f"+353 {r.choice(['1', '21', '91'])} {dg(r, 3)} {dg(r, 4)}",
                         f"08{r.choice('3567')} {dg(r, 3)} {dg(r, 4)}"])
    if c == "AU":
        return r.choice([f"(0{r.choice('2378')}) {dg(r, 4)} {dg(r, 4)}", f"04{dg(r, 2)} {dg(r, 3)} {dg(r, 3)}",
                         f"+61 {r.choice('2378')} {dg(r, 4)} {dg(r, 4)}", f"0{r.choice('2378')} {dg(r, 4)} {dg(r, 4)}"])
    if c == "NZ":
        return r.choice([f"(0{r.choice('34679')}) {dg(r, 3)} {dg(r, 4)}", f"02{r.choice('17')} {dg(r, 3)} {dg(r, 4)}",
                         f"+64 {r.choice('3479')} {dg(r, 3)} {dg(r, 4)}"])
    if c == "CA":
        a = r.choice(["416", "647", "613", "514", "604", "403", "902", "306", "705", "519"])
        return r.choice([f"({a}) {dg(r, 3)}-{dg(r, 4)}", f"{a}.{dg(r, 3)}.{dg(r, 4)}",
                         f"1-{a}-{dg(r, 3)}-{dg(r, 4)}", f"{a}-{dg(r, 3)}-{dg(r, 4)}"])
    if c == "ZA":
        return r.choice([f"0{r.choice(['11', '21', '31', '41', '12', '51'])} {dg(r, 3)} {dg(r, 4)}",
                         f"+27 {r.choice(['11', '21', '31'])} {dg(r, 3)} {dg(r, 4)}",
                         f"08{r.choice('234')} {dg(r, 3)} {dg(r, 4)}"])
    return r.choice([f"+91 9{dg(r, 4)} {dg(r, 5)}", f"0{r.choice(['20', '22', '44', '80', '40'])}-{dg(r, 4)} {dg(r, 4)}",
                     f"9{dg(r, 9)}", f"0{r.choice(['712', '231', '141', '562'])}-{dg(r, 7)}"])


def internal_phone(r):
    """returns pieces"""
    k = r.randint(0, 8)
    if k == 0:
        return [("bleep ", None), (dg(r, 4), "PHONE")]
    if k == 1:
        return [("ext. ", None), (dg(r, 5), "PHONE")]
    if k == 2:
        return [(f"x{r.randint(2, 8)}-{dg(r, 4)}", "PHONE")]
    if k == 3:
        return [("pg ", None), (dg(r, 5), "PHONE")]
    if k == 4:
        return [("pager #", None), (dg(r, 4), "PHONE")]
    if k == 5:
        return [("beeper ", None), (f"{r.randint(2, 8)}-{dg(r, 4)}", "PHONE")]
    if k == 6:
        return [("extn ", None), (dg(r, 4), "PHONE")]
    if k == 7:
        return [("bleep #", None), (dg(r, 3), "PHONE")]
    return [("Vocera/ext ", None), (dg(r, 4), "PHONE")]


def accession(r):
    y = r.randint(8, 25)
    return r.choice([f"RA{y:02d}{dg(r, 7)}", f"ACC-{dg(r, 8)}", f"CT{y:02d}/{dg(r, 6)}", f"{dg(r, 9)}",
                     f"RAD{dg(r, 8)}", f"XR-20{y:02d}-{dg(r, 6)}", f"{up(r, 3)}{dg(r, 7)}"])


def hosp_id(r, c):
    if c == "UK":
        return r.choice([f"{up(r, 1)}{dg(r, 6)}", f"RX{up(r, 1)}{dg(r, 7)}", f"{dg(r, 8)}", f"M{dg(r, 7)}"])
    if c == "IE":
        return r.choice([dg(r, 7), dg(r, 6), f"{dg(r, 2)}-{dg(r, 5)}"])
    if c in ("AU", "NZ"):
        return r.choice([dg(r, 7), f"{dg(r, 2)}{dg(r, 4)}{dg(r, 2)}", f"MR{dg(r, 6)}"])
    if c == "CA":
        return r.choice([f"{dg(r, 7)}", f"M{dg(r, 9)}", f"{dg(r, 3)}-{dg(r, 3)}-{dg(r, 3)}"])
    if c == "ZA":
        return r.choice([f"H{dg(r, 7)}", f"{up(r, 1)}{dg(r, 2)}/{dg(r, 5)}", dg(r, 9)])
    return r.choice([f"UHID{dg(r, 9)}", f"{up(r, 2)}{r.randint(2015, 2025)}/{dg(r, 7)}", f"IP/{r.randint(2015, 2025)}/{dg(r, 5)}"])


def nat_id(r, c):
    """(cue, value) national / insurance number"""
    if c == "UK":
        return ("NHS No", nhs_number(r))
    if c == "IE":
        return r.choice([("PPSN", f"{dg(r, 7)}{up(r, 1)}{r.choice(['', 'A', 'W'])}"),
                         ("GMS/Medical Card No", f"{dg(r, 6)}{up(r, 1)}")])
    if c == "AU":
        x = f"{r.randint(2, 6)}{dg(r, 3)} {dg(r, 5)} {r.randint(1, 9)}"
        return r.choice([("Medicare No", x), ("Medicare", x + f"/{r.randint(1, 5)}"), ("DVA No", f"N{up(r, 1)}{dg(r, 6)}")])
    if c == "NZ":
        return ("NHI", f"{up(r, 3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}{dg(r, 4)}")
    if c == "CA":
        return r.choice([("Health Card #", f"{dg(r, 4)}-{dg(r, 3)}-{dg(r, 3)}-{up(r, 2)}"),
                         ("OHIP", f"{dg(r, 4)} {dg(r, 3)} {dg(r, 3)} {up(r, 2)}"),
                         ("PHN", f"9{dg(r, 3)} {dg(r, 3)} {dg(r, 3)}"),
                         ("RAMQ", f"{up(r, 4)} {dg(r, 4)} {dg(r, 4)}")])
    if c == "ZA":
        return r.choice([("ID No", f"{r.randint(30, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{dg(r, 7)}"),
                         ("Medical Aid No", f"{dg(r, 9)}"), ("Passport", f"{up(r, 1)}{dg(r, 8)}")])
    return r.choice([("Aadhaar", f"{dg(r, 4)} {dg(r, 4)} {dg(r, 4)}"), ("ABHA No", f"{dg(r, 2)}-{dg(r, 4)}-{dg(r, 4)}-{dg(r, 4)}"),
                     ("Policy No", f"{dg(r, 4)}/{dg(r, 6)}")])


def licence(r, c):
    return {"UK": ("GMC", dg(r, 7)), "IE": ("IMC No", dg(r, 6)), "AU": ("Provider No", f"{dg(r, 6)}{up(r, 2)}"),
            "NZ": ("MCNZ", dg(r, 5)), "CA": ("CPSO #", dg(r, 5)),
            "ZA": ("HPCSA", f"MP {dg(r, 7)}"), "IN": ("Reg. No", f"{r.choice(['MMC', 'TNMC', 'KMC', 'DMC'])} {r.randint(1985, 2020)}/{dg(r, 2)}/{dg(r, 4)}")}[c]


# ---------------------------------------------------------------- random clinical values
def _range(r, lo, hi, w=None):
    a = r.randint(lo, hi)
    if r.random() < .3:
        return f"{a}-{a + r.randint(3, w or 15)}"
    return str(a)


class Vals(dict):
    def __init__(self, r, ctx):
        super().__init__()
        self.r, self.ctx = r, ctx

    def __missing__(self, k):
        r, c = self.r, self.ctx
        sp = r.choice([" ", " ", " ", ""])
        f = {
            "cm": lambda: f"{r.uniform(0.8, 9.5):.1f}{sp}cm",
            "cmS": lambda: f"{r.uniform(0.3, 2.6):.1f}{sp}cm",
            "mm": lambda: f"{r.randint(3, 30)}{sp}mm",
            "mmS": lambda: f"{r.randint(2, 9)}{sp}mm",
            "ml": lambda: f"{r.choice([50, 60, 75, 80, 90, 100, 120])}{sp}{r.choice(['mL', 'ml', 'mls'])}",
            "vol": lambda: f"{r.randint(15, 1800)}{sp}{r.choice(['mL', 'ml', 'cc'])}",
            "ctr": lambda: f"{r.uniform(0.44, 0.68):.2f}",
            "ratio": lambda: f"{r.uniform(0.8, 1.8):.1f}",
            "hu": lambda: f"{r.randint(180, 520)} HU",
            "sat": lambda: f"SpO2 {r.randint(82, 99)}%" if r.random() < .6 else f"sats {r.randint(82, 99)}%",
            "hr": lambda: f"HR {_range(r, 52, 128, 20)}",
            "bp": lambda: f"BP {r.randint(85, 190)}/{r.randint(45, 105)}",
            "rr": lambda: f"RR {_range(r, 12, 32, 8)}",
            "temp": lambda: f"T {r.uniform(35.8, 39.9):.1f}" if r.random() < .6 else f"temp {r.uniform(37.5, 40.1):.1f}",
            "wbc": lambda: r.choice([f"WBC {r.uniform(3, 28):.1f}", f"WCC {r.uniform(3, 28):.1f}"]),
            "crp": lambda: f"CRP {r.randint(3, 380)}",
            "hb": lambda: f"Hb {r.randint(62, 165)}",
            "na": lambda: f"Na {r.randint(118, 149)}",
            "k": lambda: f"K {r.uniform(2.9, 6.4):.1f}",
            "cr": lambda: f"creatinine {r.randint(48, 612)}",
            "egfr": lambda: f"eGFR {r.randint(8, 90)}",
            "dd": lambda: f"D-dimer {r.randint(300, 8000)}",
            "lac": lambda: f"lactate {r.uniform(0.8, 9.5):.1f}",
            "inr": lambda: f"INR {r.uniform(0.9, 4.8):.1f}",
            "trop": lambda: f"troponin {r.randint(4, 2400)}",
            "gcs": lambda: f"GCS {r.randint(3, 15)}" if r.random() < .7 else f"GCS {r.randint(3, 15)}/15",
            "pain": lambda: f"{r.randint(2, 10)}/10",
            "power": lambda: f"{r.randint(2, 5)}/5",
            "murmur": lambda: f"{r.randint(1, 4)}/6",
            "peep": lambda: f"PEEP {r.randint(5, 14)}",
            "fio2": lambda: f"FiO2 {r.choice([0.3, 0.4, 0.5, 0.6, 0.8, 1.0])}" if r.random() < .3 else f"FiO2 {r.randrange(25, 101, 5)}%",
            "ps": lambda: f"PS {r.randint(5, 18)}/{r.randint(5, 10)}",
            "ac": lambda: f"AC {r.randint(12, 24)}/{r.randrange(350, 560, 10)}/{r.randint(5, 12)}/{r.choice(['0.4', '0.5', '0.6'])}",
            "tv": lambda: f"TV {r.randrange(320, 560, 10)}",
            "cpap": lambda: f"CPAP {r.randint(5, 12)}",
            "o2": lambda: f"{r.randint(1, 6)}{sp}L",
            "dose": lambda: f"{r.choice([2.5, 5, 10, 20, 40, 80, 100, 500])} mg".replace(".0 ", " "),
            "dlp": lambda: f"{r.randint(90, 1600)} mGy.cm",
            "ctdi": lambda: f"{r.uniform(2, 60):.1f} mGy",
            "side": lambda: r.choice(["left", "right"]),
            "Side": lambda: r.choice(["Left", "Right"]),
            "lobe": lambda: r.choice(["RUL", "RML", "RLL", "LUL", "LLL", "lingula", "right lower lobe", "left upper lobe"]),
            "seg": lambda: r.choice(["IV", "V", "VI", "VII", "VIII", "II", "III", "4a", "4b"]),
            "level": lambda: r.choice(["L4-L5", "L3-L4", "L5-S1", "L4/5", "L5/S1", "C5-C6", "C6/7", "T11-T12", "L2-L3"]),
            "vert": lambda: r.choice(["T12", "L1", "L2", "T8", "T11", "L3", "C7", "T6"]),
            "rib": lambda: ordinal(r.randint(2, 11)),
            "anticoag": lambda: r.choice(["apixaban", "rivaroxaban", "warfarin", "Eliquis", "Xarelto", "edoxaban",
                                          "dabigatran", "clopidogrel", "aspirin", "enoxaparin", "Clexane", "ticagrelor"]),
            "abx": lambda: r.choice(["co-amoxiclav", "Tazocin", "vancomycin", "meropenem", "ceftriaxone", "gentamicin",
                                     "piperacillin-tazobactam", "Augmentin", "clarithromycin", "metronidazole",
                                     "flucloxacillin", "doxycycline"]),
            "drug": lambda: r.choice(["furosemide", "Lasix", "bisoprolol", "ramipril", "atorvastatin", "metformin",
                                      "levothyroxine", "omeprazole", "prednisolone", "methotrexate", "tamoxifen",
                                      "letrozole", "dexamethasone", "morphine", "oxycodone", "salbutamol", "tiotropium",
                                      "insulin glargine", "amiodarone", "digoxin", "sodium valproate", "levetiracetam"]),
            "contrast": lambda: r.choice(["Omnipaque 350", "Omnipaque 300", "Visipaque 320", "iohexol", "Iomeron 400",
                                          "Gadovist", "Dotarem", "gadobutrol", "Niopam 300", "Ultravist 370"]),
            "he": lambda: "he" if c.sex == "M" else "she",
            "He": lambda: "He" if c.sex == "M" else "She",
            "his": lambda: "his" if c.sex == "M" else "her",
            "His": lambda: "His" if c.sex == "M" else "Her",
            "sexw": lambda: r.choice(["male", "man", "M", "gentleman"] if c.sex == "M" else ["female", "woman", "F", "lady"]),
        }.get(k)
        if f is None:
            raise KeyError(k)
        return f()


TPL_RE = re.compile(r"<([MFSVEDR]):([^<>]*)>|\[\[(\w+)\]\]")
SAFE_SLOTS = {"age", "young"}


def has_phi_slot(tpl):
    return any(m.group(3) and m.group(3) not in SAFE_SLOTS for m in TPL_RE.finditer(tpl))


# ---------------------------------------------------------------- context (one per document)
class Ctx:
    def __init__(self, r, country, phi=True):
        self.r, self.c, self.phi = r, country, phi
        self.sex = r.choice("MF")
        if phi and r.random() < 0.22:
            self.age = r.randint(90, 103)
        else:
            self.age = r.choice([r.randint(18, 89), r.randint(45, 89), r.randint(60, 89), r.randint(70, 89)])
        self.exam = dt.date(2006, 1, 1) + dt.timedelta(days=r.randint(0, 7100))
        try:
            b = self.exam.replace(year=self.exam.year - self.age)
        except ValueError:
            b = self.exam.replace(year=self.exam.year - self.age, day=28)
        self.dob = b - dt.timedelta(days=r.randint(1, 360))
        self.dstyle = r.choice(DATE_STYLES[country])
        self.pt = self.person()
        self.vals = Vals(r, self)

    # -- people / places
    def person(self, biased=True):
        r = self.r
        if r.random() < 0.06:
            first = (r.choice(SYL_A) + r.choice(SYL_B)).capitalize()
        else:
            g = r.choice(COUNTRY_BIAS[self.c]) if biased and r.random() < .65 else r.choice(list(GIVEN))
            first = r.choice(GIVEN.get(g) or GIVEN["english"])
        if r.random() < 0.07:
            last = (r.choice(SYL_A) + r.choice(SYL_B) + r.choice(["", "", "son", "ez", "ova", "ić"])).capitalize()
        else:
            g = r.choice(COUNTRY_BIAS[self.c]) if biased and r.random() < .65 else r.choice(list(SURN))
            last = r.choice(SURN.get(g) or SURN["english"])
        return {"first": first, "last": last, "mi": r.choice("ABCDEFGHJKLMNPRSTW")}

    def town(self):
        r = self.r
        x = r.random()
        if x < .75:
            return r.choice(TOWNS[self.c])
        if x < .9:
            return r.choice(INVENTED_TOWNS)
        return r.choice(TOWN_P) + r.choice(TOWN_S)

    def street(self):
        r = self.r
        return f"{r.choice(STREET_N)} {r.choice(STREET_T)}"

    def hospital(self, kind=None):
        r, c = self.r, self.c
        t = self.town()
        b = r.choice(FAC_BASE)
        s = r.choice(SAINTS)
        kind = kind or r.choice(["acute", "acute", "acute", "other"])
        if kind == "acute":
            opts = {
                "UK": [f"{t} General Hospital", f"{t} Royal Infirmary", f"Royal {t} Hospital", f"{s} Hospital",
                       f"{t} Community Hospital", f"{b} Hospital", f"{t} District General"],
                "IE": [f"University Hospital {t}", f"{s} Hospital", f"{t} Regional Hospital",
                       f"{t} General Hospital", f"Bon Secours {t}", f"{s} University Hospital"],
                "AU": [f"{t} Hospital", f"{t} Private Hospital", f"{t} Base Hospital", f"{b} Private",
                       f"{s} Hospital"],
                "NZ": [f"{t} Hospital", f"{b} Hospital", f"{t} Base Hospital"],
                "CA": [f"{t} General Hospital", f"{t} Regional Health Centre", f"Hôpital {r.choice(['Saint-Luc', 'Sainte-Anne', 'Notre-Dame-du-Lac', 'Saint-Rémi'])}",
                       f"{b} Health Sciences Centre", f"{s} Hospital"],
                "ZA": [f"{t} Provincial Hospital", f"{b} Academic Hospital", f"{t} District Hospital",
                       f"{b} Mediclinic", f"{s} Hospital"],
                "IN": [f"{b} Multispeciality Hospital", f"{t} Civil Hospital", f"Sri {b} Hospital",
                       f"{b} Hospital & Research Centre", f"{b} Nursing Home"],
            }[c]
        else:
            opts = [f"{b} Imaging", f"{t} Radiology", f"{b} Nursing Home", f"{b} Manor", f"{b} House",
                    f"{b} Villa", f"{b} Lodge", f"{b} Hospice", f"{b} Care Centre", f"{t} Rehab",
                    f"{b} Cardiology Associates", f"{t} Medical Imaging", b, f"{b} Health",
                    f"{t} Health Centre", f"{b} Diagnostics", f"{b} Scan Centre", f"{b} Park",
                    f"{t} Community Clinic", f"{b} Orthopaedic Associates"]
        return r.choice(opts)

    def gp_practice(self):
        r = self.r
        return r.choice([f"The {r.choice(STREET_N)} Surgery", f"{self.town()} Medical Practice",
                         f"{r.choice(FAC_BASE)} Medical Centre", f"{r.choice(STREET_N)} Road Health Centre",
                         f"{r.choice(FAC_BASE)} Family Practice", f"{self.town()} Family Medicine"])

    # -- dates
    def date(self, d=None, style=None):
        d = d or self.exam
        if style is None:
            style = self.dstyle if self.r.random() < .75 else self.r.choice(DATE_STYLES[self.c])
        return fmt_date(d, style)

    def prior(self):
        return self.exam - dt.timedelta(days=self.r.randint(1, 2500))

    # -- names
    def nm(self, p=None, form=None, title=None):
        """pieces for a staff/patient name with optional title"""
        r = self.r
        p = p or self.person()
        form = form or r.choice(["tlast", "tlast", "tfull", "full", "fmlast", "tglued", "lower"])
        title = title or r.choice(["Dr", "Dr", "Dr.", "Dr"])
        F, L, M = p["first"], p["last"], p["mi"]
        if form == "tlast":
            return [(title + " ", None), (L, "NAME")]
        if form == "tfull":
            return [(title + " ", None), (f"{F} {L}", "NAME")]
        if form == "full":
            return [(f"{F} {L}", "NAME")]
        if form == "fmlast":
            return [(f"{F} {M}. {L}", "NAME")]
        if form == "tglued":
            return [(title.rstrip(".") + ".", None), (L, "NAME")]
        if form == "initials":
            return [(r.choice([f"{F[0]}.{L[0]}.", f"{F[0]}{L[0]}", f"{F[0]}{M}{L[0]}"]).upper(), "NAME")]
        if form == "lower":
            return [(title.lower() + " ", None), (L.lower(), "NAME")]
        if form == "lastfirst":
            out = [(L.upper(), "NAME"), (", ", None), (F.upper(), "NAME")]
            if r.random() < .3:
                out += [(" ", None), (M, "NAME")]
            return out
        raise ValueError(form)

    def slot(self, name):
        return getattr(self, "s_" + name)()

    # -- slots (return piece lists)
    def s_age(self):
        r, a = self.r, self.age
        sx = self.sex
        pos = "his" if sx == "M" else "her"
        lab = "AGE" if a >= 90 else None
        k = r.randint(0, 9)
        if k == 0 and a < 100:
            dec = a // 10 * 10
            return [(f"in {pos} ", None), (f"{dec}s", lab)] if lab else [(f"in {pos} {dec}s", None)]
        if k == 1 and 90 <= a <= 99:
            return [(NUMW[a - 90], "AGE"), (r.choice([" year old", "-year-old", " years old"]), None)]
        suf = r.choice([" yo", "yo", " y/o", "-year-old", " year old", sx, " yr old", "y", " years", "YO"])
        return [(str(a), lab), (suf, None)] if lab else [(f"{a}{suf}", None)]

    def s_young(self):
        r = self.r
        a = r.randint(20, 88)
        return [(r.choice([f"{a} yo", f"{a}yo", f"{a}-year-old", f"in her {a // 10 * 10}s", f"{a}M", f"{a}F"]), None)]

    def s_pt(self):
        r = self.r
        t = r.choice(["Mr", "Mr."] if self.sex == "M" else ["Mrs", "Ms", "Miss", "Mrs."])
        return [(t + " ", None), (self.pt["last"], "NAME")]

    def s_kin(self):
        r = self.r
        pos = r.choice(["his", "her", "the patient's", "pt's"]) if r.random() < .5 else ("his" if self.sex == "M" else "her")
        kin = r.choice(["son", "daughter", "wife", "husband", "partner", "brother", "sister", "niece",
                        "nephew", "granddaughter", "grandson", "daughter-in-law"])
        first = self.person()["first"]
        if r.random() < .25:
            first = first.lower()
        out = [(f"{pos} {kin} ", None), (first, "NAME")]
        if r.random() < .3:
            out = [(f"{pos} {kin} ", None), (f"{first} {self.pt['last']}" if r.random() < .5 else first, "NAME")]
        return out

    def s_country(self):
        return [(self.r.choice(COUNTRIES), "LOCATION")]

    def s_employer(self):
        return [(self.r.choice(EMPLOYERS), "ORGANIZATION")]

    def s_outhosp(self):
        return [(self.hospital(self.r.choice(["acute", "other"])), "HOSPITAL")]

    def s_nh(self):
        return [(self.hospital("other"), "HOSPITAL")]

    def s_town(self):
        return [(self.town(), "LOCATION")]

    def s_prior(self):
        return [(self.date(self.prior()), "DATE")]

    def s_priorpart(self):
        return [(fmt_partial(self.r, self.prior()), "DATE")]

    def s_year(self):
        return [(str(self.prior().year - self.r.randint(0, 20)), "DATE")]

    def s_yrapos(self):
        return [(f"'{self.r.randint(60, 99)}", "DATE")]

    def s_dom(self):
        return [(ordinal(self.prior().day), "DATE")]

    def s_holiday(self):
        r = self.r
        h = r.choice({"UK": ["Christmas", "Boxing Day", "Easter", "New Year's Day", "Bonfire Night"],
                      "IE": ["St Patrick's Day", "Christmas", "Easter"],
                      "AU": ["Australia Day", "Anzac Day", "Christmas"], "NZ": ["Waitangi Day", "Anzac Day", "Christmas"],
                      "CA": ["Canada Day", "Thanksgiving", "Christmas"], "ZA": ["Heritage Day", "Christmas", "Freedom Day"],
                      "IN": ["Diwali", "Holi", "Pongal"]}[self.c])
        return [(f"{h} {self.prior().year}", "DATE")]

    def s_examdate(self):
        return [(self.date(), "DATE")]

    def s_time(self):
        return [(fmt_time(self.r), "TIME")]

    def s_clin(self):
        return self.nm()

    def s_clinlower(self):
        return self.nm(form="lower")

    def s_reg(self):
        r = self.r
        return self.nm(form=r.choice(["tlast", "tglued", "tfull", "lower"])) + [(r.choice([" (SpR)", " (registrar)", " (ST3)", " (reg)", ", med reg", " (SHO)", " (ED reg)", ""]), None)]

    def s_nurse(self):
        r = self.r
        t = r.choice(["Staff Nurse", "SN", "RN", "Sister", "Nurse", "CNM", "charge nurse", "nurse in charge"])
        return [(t + " ", None), (self.person()["last"], "NAME")]

    def s_staff(self):
        r = self.r
        t = r.choice(["radiographer", "PA", "ACP", "sonographer", "physio", "SW", "NP", "FY1", "dr"])
        p = self.person()
        return [(t + " ", None), (r.choice([p["last"], p["last"], f"{p['first']} {p['last']}"]), "NAME")]

    def s_bleep(self):
        return internal_phone(self.r)

    def s_phone(self):
        return [(phone(self.r, self.c), "PHONE")]

    def s_email(self):
        r = self.r
        p = self.person()
        f, l = re.sub(r"[^a-z]", "", p["first"].lower()) or "dr", re.sub(r"[^a-z]", "", p["last"].lower()) or "rad"
        dom = {"UK": "nhs.net", "IE": "hse.ie", "AU": "health.nsw.gov.au", "NZ": "healthnz.govt.nz",
               "CA": "uhn.ca", "ZA": "westerncape.gov.za", "IN": "gmail.com"}[self.c]
        dom = r.choice([dom, dom, f"{re.sub('[^a-z]', '', r.choice(FAC_BASE).lower())}.org", "teleradreports.com"])
        return [(r.choice([f"{f}.{l}@{dom}", f"{f[0]}{l}@{dom}", f"{l}.{f[0]}{r.randint(1, 99)}@{dom}"]), "CONTACT")]

    def s_url(self):
        r = self.r
        h = re.sub("[^a-z]", "", r.choice(FAC_BASE).lower())
        return [(r.choice([f"https://pacs.{h}.org/viewer?acc={dg(r, 8)}", f"http://{h}-imaging.com/portal",
                           f"https://images.{h}.nhs.uk/study/{dg(r, 7)}", f"www.{h}radiology.com.au/referrers"]), "CONTACT")]

    def s_ip(self):
        r = self.r
        return [(f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}" if r.random() < .6 else
                 f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}", "CONTACT")]

    def s_user(self):
        r = self.r
        p = self.person()
        u = re.sub("[^a-z]", "", (p["first"][0] + p["last"]).lower())
        return [(r.choice([u + str(r.randint(1, 99)), u, "@" + u, u.upper()[:8]]), "CONTACT")]

    def s_serial(self):
        r = self.r
        return [(r.choice([f"{up(r, 3)}{dg(r, 6)}{up(r, 1)}", f"SN{dg(r, 8)}", f"{dg(r, 4)}-{up(r, 2)}-{dg(r, 5)}"]), "ID")]

    def s_acc(self):
        return [(accession(self.r), "ID")]

    def s_mrn(self):
        return [(hosp_id(self.r, self.c), "ID")]

    def s_ward(self):
        r = self.r
        w = r.choice(WARDS)
        return [(r.choice([f"{w} Ward", f"{w} Ward", f"{w} {r.randint(1, 12)}", f"{w} Unit", f"{w} House", w]), "LOCATION")]

    def s_addr(self):
        r = self.r
        return [(str(r.randint(1, 240)), "LOCATION"), (" ", None), (self.street(), "LOCATION"), (", ", None),
                (self.town(), "LOCATION")]


# ---------------------------------------------------------------- templates
HX = {
    "cxr": ["Intubated on ITU. <S:{peep}>, <S:{fio2}>. Post <D:NG tube> insertion, please check position.",
            "Ventilated, <S:{ac}>. New <D:CVC>. ?pneumothorax",
            "Weaning, on <S:{ps}> and <S:{peep}>. Line check.",
            "Known <E:Parkinson disease>. Recurrent aspiration. ?consolidation",
            "COPD on <R:{drug}> and <R:tiotropium>, now on <M:{o2}> NC. Increasing SOB.",
            "Post cardiac surgery, <D:chest drain> removed this morning.",
            "New AF, <R:{drug}> started. Breathless, <V:{rr}>.",
            "Difficult airway noted (<E:Mallampati> 4). Post intubation film.",
            "[[age]] {sexw} with cough. <V:{temp}>, <V:{sat}> on <M:{o2}>.",
            "Weight loss, haemoptysis. Ex-smoker. ?malignancy",
            "On <S:{cpap}>, <S:{fio2}>. Worsening gas exchange."],
    "cth": ["Fall at home, on <R:{anticoag}>. <F:{gcs}>. Head injury ?bleed.",
            "Confused, <V:{na}>. ?intracranial cause",
            "[[age]] {sexw} with headache and vomiting. <V:{bp}>. ?SAH",
            "Trauma call. Fall from ladder approx <M:3 m>. <F:{gcs}>. <V:{bp}>, <V:{hr}>.",
            "Sudden onset {side} arm weakness, power <F:{power}>. Thrombolysis candidate?",
            "[[age]] {sexw}, collapse, <F:{gcs}>. On <R:{anticoag}> (<V:{inr}>)."],
    "ctpa": ["[[age]] {sexw}, SOB and pleuritic chest pain. <V:{sat}> on RA, <V:{hr}>. <V:{dd}>. ?PE",
             "Post-op day 4, tachycardic <V:{hr}>, <V:{rr}>. ?PE",
             "Known metastatic breast ca on <R:letrozole>. Breathless. <V:{dd}>.",
             "Central chest pain radiating to back, <V:{bp}> and <V:{hr}>. <F:{murmur}> murmur. ?dissection"],
    "cta": ["Pyrexial <V:{temp}>, <V:{wbc}>, <V:{crp}>. RIF pain <F:{pain}>. ?appendicitis",
            "POD 2 post laparotomy, rising <V:{crp}>. ?collection",
            "{Side} loin pain, haematuria. <V:{cr}>, <V:{egfr}>. ?obstructing calculus",
            "Sepsis of unknown source. <V:{lac}>, <V:{temp}>. On <R:{abx}>.",
            "[[age]] {sexw}. Collapse, <V:{hb}>, on <R:{anticoag}>. ?retroperitoneal bleed",
            "Known <E:Crohn's disease> on <R:infliximab>. Abdominal pain <F:{pain}>."],
    "mrs": ["Back pain radiating to {side} leg, power <F:{power}> {side} EHL. ?cauda equina",
            "Known prostate ca, new back pain. ?cord compression",
            "Saddle anaesthesia, urinary retention <M:{vol}>. ?CES",
            "[[age]] {sexw}, chronic LBP, failed physio. On <R:{drug}>."],
    "usab": ["RUQ pain, deranged LFTs, jaundiced. On <R:{abx}>.", "[[young]] with flank pain, <V:{wbc}>.",
             "Abnormal LFTs. Alcohol excess.", "AKI, <V:{cr}>. ?obstruction"],
    "usleg": ["Swollen {side} calf, <V:{dd}>. ?DVT", "[[age]] {sexw}, {side} leg swelling, on <R:{drug}>.",
              "Post TKR, calf pain. ?DVT"],
    "xr": ["Painful {side} ankle after inversion injury. Unable to weight bear.",
           "FOOSH, tender anatomical snuffbox {side} wrist.", "[[age]] {sexw}, fall, shortened and externally rotated {side} leg.",
           "Shoulder dislocation, post reduction film."],
}
HX_PHI = [
    "Recently returned from [[country]]. Fever and productive cough.",
    "Emigrated from [[country]] in [[year]]. Previous TB, treated.",
    "Former welder at [[employer]].",
    "Teaches at [[employer]].",
    "Retired miner, worked 30 years at [[employer]].",
    "Transferred from [[outhosp]] for further management.",
    "Resident at [[nh]], found on floor by carer at [[time]].",
    "Lives with [[kin]] in [[town]].",
    "Collateral history from [[kin]] (tel [[phone]]).",
    "Seen by [[clin]] in clinic on [[prior]].",
    "Previous imaging at [[outhosp]] ([[year]]) not available.",
    "Known AAA since [[yrapos]], under surveillance.",
    "Fall over [[holiday]].",
    "Symptoms since [[priorpart]].",
    "Previous <E:Hodgkin lymphoma> treated at [[outhosp]] in [[year]].",
    "Works at [[employer]]; injured at work on [[prior]].",
    "Visiting from [[country]], arrived [[priorpart]].",
    "Referred by [[staff]].",
    "Usual GP [[clin]], [[town]].",
]

COMP = {
    "safe": ["None available.", "No previous imaging.", "Nil.", "No prior studies for comparison.",
             "Previous film from 3 days ago.", "Previous imaging earlier today."],
    "phi": ["[[prior]].", "CT of [[prior]].", "Compared with the study of the [[dom]].",
            "Outside films from [[outhosp]] dated [[prior]] reviewed.", "Previous CXR [[prior]] and [[priorpart]].",
            "Prior ultrasound ([[year]]).", "MRI performed at [[outhosp]] in [[priorpart]] (images imported).",
            "[[prior]] at [[time]].", "Comparison with [[outhosp]] CT of the [[dom]]."],
}

FIND = {
    "cxr": [
        "<D:ETT> tip lies <M:{cm}> above the carina.",
        "<D:NG tube> tip is below the left hemidiaphragm, within the stomach.",
        "<E:Ryles tube> tip projected over the gastric fundus.",
        "Right IJ <D:central venous catheter> with tip at the cavoatrial junction.",
        "{Side} arm <D:PICC> terminates in the SVC.",
        "<E:Swan-Ganz catheter> tip in the right descending pulmonary artery, could be withdrawn by <M:{cmS}>.",
        "<D:Sternotomy wires> and <D:prosthetic aortic valve> noted.",
        "Dual chamber <D:pacemaker> with <D:leads> in the RA and RV, unchanged.",
        "{Side} <D:intercostal drain> in situ; no residual pneumothorax.",
        "Upper lobe venous diversion, <E:Kerley B lines> and bilateral effusions, in keeping with pulmonary oedema.",
        "The heart is enlarged, CTR <F:{ctr}>.",
        "Patchy consolidation in the {lobe}.",
        "Old healed fracture of the {side} {rib} rib.",
        "Wedge compression of {vert} is unchanged.",
        "No pneumothorax. Costophrenic angles are clear.",
        "Blunting of the {side} costophrenic angle, small effusion.",
        "<E:Hickman line> tip in the right atrium.",
        "<D:Port-a-Cath> via the left subclavian, tip in the SVC.",
        "{Side} apical mass with destruction of the posterior 2nd and 3rd ribs, suspicious for <E:Pancoast tumour>.",
        "<D:AICD> generator over the left chest wall, <D:leads> intact.",
        "<D:Impella> device projected over the LV.",
        "<E:Dobhoff tube> coiled in the oesophagus; recommend repositioning.",
        "Lungs hyperexpanded in keeping with COPD.",
        "Perihilar airspace shadowing with air bronchograms.",
        "Mediastinum not widened. Trachea central.",
        "<D:Tracheostomy tube> in satisfactory position.",
        "Cavitating lesion {lobe} measuring <M:{cm}>, ?TB.",
    ],
    "cth": [
        "No acute intracranial haemorrhage, infarct or space-occupying lesion.",
        "Acute {side} convexity subdural haematoma measuring <M:{mm}> in maximal depth with <M:{mmS}> midline shift.",
        "Small volume subarachnoid haemorrhage in the {side} sylvian fissure.",
        "Periventricular white matter low attenuation in keeping with small vessel disease, <E:Fazekas> grade 2.",
        "Generalised involutional change appropriate for age.",
        "Hyperdense {side} MCA sign. <F:ASPECTS 8>.",
        "<E:Chiari I malformation> with tonsillar descent of <M:{mmS}>.",
        "No skull vault fracture. Mastoid air cells and paranasal sinuses are clear.",
        "<D:VP shunt> catheter tip in the right lateral ventricle; ventricular calibre stable.",
        "The <E:circle of Willis> is patent with no aneurysm.",
        "Established {side} PCA territory infarct.",
        "Basal cisterns are patent. Grey-white differentiation preserved.",
        "<M:{cmS}> ring-enhancing lesion {side} frontal lobe with surrounding vasogenic oedema.",
        "Scalp haematoma over the {side} parietal region, no underlying fracture.",
    ],
    "ctpa": [
        "Filling defects in the right and left main pulmonary arteries extending into lobar branches, in keeping with bilateral PE.",
        "RV:LV ratio <F:{ratio}>, suggestive of right heart strain.",
        "Peripheral wedge-shaped opacity in the {lobe} consistent with infarction (<E:Hampton hump>).",
        "Regional oligaemia (<E:Westermark sign>).",
        "Contrast bolus adequate, <M:{hu}> in the main PA.",
        "No pulmonary embolus to segmental level.",
        "Small bilateral pleural effusions.",
        "<M:{mm}> solid nodule in the {lobe}; follow up per <E:Fleischner> guidance.",
        "Reflux of contrast into the IVC and hepatic veins.",
        "Emphysema, upper lobe predominant.",
    ],
    "cta": [
        "<M:{cm}> hypodense lesion in segment {seg} of the liver, too small to characterise.",
        "{Side} renal cyst, <F:Bosniak IIF>, measuring <M:{cm}>.",
        "Free fluid in <E:Morison's pouch> and the pelvis.",
        "<E:Foley catheter> in a collapsed bladder.",
        "{Side} <D:nephrostomy tube> in satisfactory position.",
        "Bilateral <D:JJ stents> in situ.",
        "Appendix dilated to <M:{mm}> with periappendiceal fat stranding.",
        "Thick-walled terminal ileum over <M:{cm}> in keeping with active <E:Crohn's disease>.",
        "<D:IVC filter> in infrarenal position.",
        "<D:PEG tube> in the stomach.",
        "Sigmoid diverticulosis without complication.",
        "Infrarenal AAA measuring <M:{cm}> AP.",
        "Pancreas enhances normally. No peripancreatic collection.",
        "<M:{mmS}> calculus at the {side} VUJ with upstream hydroureteronephrosis.",
        "Collection in the pelvis measuring <M:{cm}> x <M:{cm}>, volume approx <M:{vol}>.",
        "Lytic lesion in {vert}. No cord compromise on CT.",
        "Cholelithiasis. CBD <M:{mmS}>.",
        "<D:Biliary stent> in situ with pneumobilia.",
    ],
    "mrs": [
        "At {level} there is a broad-based disc protrusion with moderate {side} foraminal narrowing.",
        "<E:Modic type 1> endplate change at L5-S1.",
        "<E:Schmorl's node> at {vert}.",
        "Conus terminates normally at L1.",
        "Cord signal is normal.",
        "Severe canal stenosis at {level}, AP diameter <M:{mmS}>.",
        "Facet joint arthropathy from L3 to S1.",
        "No marrow oedema. No collection.",
        "<M:{mm}> synovial cyst arising from the {side} {level} facet joint.",
        "Compression of the cauda equina at {level}.",
        "Metastatic deposits in {vert} and the sacrum.",
    ],
    "usab": [
        "Gallbladder contains multiple calculi, wall thickened to <M:{mmS}>, sonographic <E:Murphy's sign> positive.",
        "CBD measures <M:{mmS}>.",
        "Right kidney <M:{cm}>, left kidney <M:{cm}>; no hydronephrosis.",
        "Liver of increased echogenicity consistent with fatty infiltration.",
        "Spleen <M:{cm}>. No free fluid.",
        "Bladder volume pre-void <M:{vol}>, post-void <M:{vol}>.",
        "Echogenic foci within the {side} kidney with acoustic shadowing.",
        "Small amount of free fluid in <E:Morison's pouch>.",
    ],
    "usleg": [
        "<E:Baker's cyst> in the popliteal fossa measuring <M:{cm}>.",
        "Non-compressible {side} common femoral and popliteal veins in keeping with DVT.",
        "Normal compressibility of the deep veins of the {side} leg.",
        "Calf veins not well seen due to oedema.",
        "Thrombus extends to the saphenofemoral junction.",
        "Subcutaneous oedema of the calf.",
        "Popliteal artery of normal calibre.",
    ],
    "xr": [
        "Undisplaced <E:Weber B> fracture of the lateral malleolus.",
        "Dorsally angulated distal radius fracture (<E:Colles fracture>).",
        "<E:Hill-Sachs lesion> of the humeral head.",
        "<E:Salter-Harris II> fracture of the distal radius.",
        "Severe OA of the {side} hip. <D:Dynamic hip screw> in situ.",
        "No fracture or dislocation.",
        "Soft tissue swelling over the lateral malleolus.",
        "Scaphoid waist fracture, minimally displaced.",
        "<E:Segond fracture>; recommend MRI.",
        "Joint effusion with fat-fluid level.",
        "Osteopenia. <D:Total knee replacement> with no evidence of loosening.",
    ],
}
CONC = {
    "cxr": ["Lines and tubes satisfactory.", "Pulmonary oedema.",
            "{Lobe} consolidation.", "No pneumothorax.", "Further assessment with CT advised.", "Stable appearances."],
    "cth": ["No acute intracranial abnormality.", "Acute subdural haematoma with mass effect.",
            "Acute {side} MCA infarct.", "Small vessel disease.", "SAH - neurosurgical referral advised."],
    "ctpa": ["Bilateral PE with right heart strain.", "No PE.", "PE with pulmonary infarction.",
             "Indeterminate nodule, follow-up CT in 3 months."],
    "cta": ["Acute appendicitis.", "Obstructing {side} VUJ calculus.", "Pelvic collection amenable to drainage.",
            "Active terminal ileal <E:Crohn's disease>.", "No acute abdominal pathology.", "AAA, refer to vascular."],
    "mrs": ["Disc protrusion at {level} compressing the traversing nerve root.", "Cauda equina compression - urgent spinal referral.",
            "Degenerative changes without significant stenosis.", "Spinal metastases without cord compression."],
    "usab": ["Acute calculous cholecystitis.", "Fatty liver.", "No hydronephrosis.", "Cholelithiasis."],
    "usleg": ["{Side} DVT.", "No DVT.", "Occlusive femoropopliteal DVT."],
    "xr": ["Fracture as described.", "No bony injury.", "Scaphoid fracture; immobilise and refer to fracture clinic."],
}
for _k in CONC:
    CONC[_k] = [c.replace("{Lobe}", "{lobe}") for c in CONC[_k]]

EXAM = {
    "cxr": ["XR Chest (portable AP)", "CXR PA", "Chest X-ray AP erect", "XR CHEST", "Portable CXR ITU", "Chest radiograph"],
    "cth": ["CT Head without contrast", "CT HEAD NON CONTRAST", "CT Brain", "CT head + CTA circle of Willis", "NCCT Brain"],
    "ctpa": ["CT Pulmonary Angiogram", "CTPA", "CT Pulmonary Angiography"],
    "cta": ["CT Abdomen and Pelvis with contrast", "CT AP (portal venous)", "CT KUB", "CECT Abdomen", "CT Abdo/Pelvis"],
    "mrs": ["MRI Lumbar Spine", "MR L-spine", "MRI Whole Spine", "MRI LS Spine (plain)"],
    "usab": ["US Abdomen", "USG Abdomen & Pelvis", "US Upper Abdomen", "US Renal tract"],
    "usleg": ["Ultrasound Doppler {side} leg veins", "US DVT {Side} Leg", "Venous duplex {side} lower limb"],
    "xr": ["XR {Side} Ankle", "XR {Side} Wrist (3 views)", "X-ray {Side} Shoulder", "XR Pelvis and {Side} Hip"],
}
TECH = {
    "cth": ["Axial non-contrast images from skull base to vertex. DLP <M:{dlp}>.", "Non-contrast CT head; reformats reviewed."],
    "ctpa": ["Following <M:{ml}> IV <R:{contrast}>, CT pulmonary angiogram performed.", "Bolus-tracked CTPA. CTDIvol <M:{ctdi}>."],
    "cta": ["Portal venous phase after <M:{ml}> <R:{contrast}>. Oral contrast given.", "Non-contrast low dose KUB protocol. DLP <M:{dlp}>."],
    "mrs": ["Sagittal T1, T2, STIR and axial T2 sequences.", "Standard protocol, post <R:Gadovist> <M:{ml}>."],
}

COMM = [
    "Findings discussed with [[reg]] on [[bleep]] at [[time]].",
    "Urgent result phoned to [[nurse]] on [[ward]] at [[time]] on [[examdate]].",
    "d/w [[staff]] who will inform the team.",
    "Critical finding communicated to [[clinlower]] at [[time]] via [[bleep]].",
    "Please contact the reporting radiologist on [[phone]] with any queries.",
    "Report emailed to [[email]].",
    "Images available at [[url]].",
    "Discussed with [[clin]] ([[phone]]) at [[time]]; patient to be reviewed today.",
    "Alert sent via RIS to [[clin]].",
]


# ---------------------------------------------------------------- rendering
def render(d, ctx, tpl):
    s = tpl.format_map(ctx.vals)
    pos = 0
    for m in TPL_RE.finditer(s):
        if m.start() > pos:
            d.t(s[pos:m.start()])
        if m.group(1):
            d.k(m.group(2), KINDS[m.group(1)])
        else:
            d.add(ctx.slot(m.group(3)))
        pos = m.end()
    if pos < len(s):
        d.t(s[pos:])


def pick(ctx, pool, k=1, phi_p=0.5):
    """choose k templates; PHI templates only when ctx.phi"""
    r = ctx.r
    safe = [t for t in pool if not has_phi_slot(t)]
    ph = [t for t in pool if has_phi_slot(t)]
    out = []
    for _ in range(k):
        src = ph if (ctx.phi and ph and r.random() < phi_p) else safe
        c = r.choice(src)
        if c not in out:
            out.append(c)
    return out


def head(d, ctx, title, hs):
    """section header in the document's header style"""
    if hs == "caps":
        d.t(title.upper() + ":")
        d.nl()
    elif hs == "colon":
        d.t(title + ":")
        d.nl()
    elif hs == "inline":
        d.t(title + ": ")
    elif hs == "dash":
        d.t(f"-- {title.upper()} --")
        d.nl()
    else:
        d.t(title.upper())
        d.nl()


def body(d, ctx, mod, hs=None, comp=True, tech=True, comm_p=0.2, hx=True):
    r = ctx.r
    hs = hs or r.choice(["caps", "colon", "inline", "caps", "plain", "dash"])
    sep = (lambda: d.nl()) if hs == "inline" else (lambda: d.nl(r.choice([1, 2])))
    if hx:
        head(d, ctx, r.choice(["Clinical details", "Clinical history", "Indication", "History", "Clinical information", "Hx"]), hs)
        hx_list = [r.choice(HX[mod])]
        if ctx.phi and r.random() < .45:
            hx_list.insert(r.randint(0, 1), r.choice(HX_PHI))
        if r.random() < .25:
            o = r.choice(HX[mod])
            if o not in hx_list:
                hx_list.append(o)
        if r.random() < .4 and "[[age]]" not in "".join(hx_list):
            hx_list.insert(0, r.choice(["[[age]] {sexw}.", "[[age]] {sexw},", "Pt [[age]]."]))
        for t in hx_list:
            render(d, ctx, t)
            d.t(r.choice([" ", " ", "  ", "\n"]))
        sep()
    if tech and mod in TECH and r.random() < .7:
        head(d, ctx, r.choice(["Technique", "Protocol"]), hs)
        render(d, ctx, r.choice(TECH[mod]))
        sep()
    if comp and r.random() < .8:
        head(d, ctx, r.choice(["Comparison", "Comparison", "Previous", "Prior"]), hs)
        pool = COMP["phi"] if (ctx.phi and r.random() < .5) else COMP["safe"]
        render(d, ctx, r.choice(pool))
        sep()
    head(d, ctx, r.choice(["Findings", "Findings", "Report", "Findings"]), hs if hs != "inline" else "colon")
    fs = FIND[mod][:]
    r.shuffle(fs)
    n = r.randint(3, 7)
    bullets = r.random() < .25
    for i, t in enumerate(fs[:n]):
        if bullets:
            d.t(r.choice(["- ", "* ", "• "]))
        render(d, ctx, t)
        if bullets or r.random() < .4:
            d.nl()
        else:
            d.t(r.choice([" ", " ", "  "]))
    if mod == "cxr" and ctx.phi and r.random() < .15:
        d.t("Compare with the film of the ")
        d.add(ctx.s_dom())
        d.t(" - effusion has enlarged.")
    d.nl(r.choice([1, 2]))
    head(d, ctx, r.choice(["Conclusion", "Impression", "Opinion", "Summary", "Impression"]), hs if hs != "inline" else "colon")
    cs = CONC[mod][:]
    r.shuffle(cs)
    num = r.random() < .4
    concl = cs[:1] + (r.sample(["Correlate clinically.", "Follow-up imaging as clinically indicated.",
                                 "Otherwise no significant abnormality.", "Discuss at MDT.",
                                 "Comparison with previous imaging would be helpful."], 1) if r.random() < .45 else [])
    for i, t in enumerate(concl):
        if num:
            d.t(f"{i + 1}. ")
        render(d, ctx, t)
        d.nl()
    if ctx.phi and r.random() < comm_p:
        d.nl(r.choice([0, 1]))
        for t in r.sample(COMM, r.choice([1, 1, 2])):
            render(d, ctx, t)
            d.nl()


def thin(r, fields, must, p=0.55):
    return [f for f in fields if f[0] in must or r.random() < p]


def field(d, label, pieces, sep=": "):
    d.t(label + sep)
    d.add(pieces)


def hdr_lines(d, r, fields, per_line=None):
    """fields: list of (label, pieces); lays them out 1-3 per line"""
    i = 0
    sep = r.choice([": ", ": ", ":  ", " : ", ":\t"])
    while i < len(fields):
        k = per_line or r.choice([1, 1, 2, 2, 3])
        row = fields[i:i + k]
        for j, (lab, pcs) in enumerate(row):
            if j:
                d.t(r.choice(["    ", "\t", "   ", "  |  "]))
            field(d, lab, pcs, sep)
        d.nl()
        i += k


def name_field(ctx, caps=False):
    r = ctx.r
    p = ctx.pt
    k = r.random()
    if k < .55:
        return ctx.nm(p, "lastfirst")
    if k < .8:
        t = r.choice(["Mr", "Mrs", "Ms"] if ctx.sex == "F" else ["Mr", "Mr."])
        if ctx.sex == "F":
            t = r.choice(["Mrs", "Ms", "Miss"])
        return [(t + " ", None), (f"{p['first']} {p['last']}", "NAME")]
    if k < .9:
        return [(p["last"].upper(), "NAME"), (" ", None), (p["first"], "NAME")]
    return [(f"{p['first']} {p['mi']}. {p['last']}", "NAME")]


def dob_field(ctx):
    r = ctx.r
    out = [(ctx.date(ctx.dob), "DATE")]
    if r.random() < .5:
        if ctx.age >= 90:
            out += [(" (", None), (str(ctx.age), "AGE"), (r.choice(["y)", " yrs)", "Y)"]), None)]
        else:
            out += [(f" ({ctx.age}{r.choice(['y', ' yrs', 'Y'])})", None)]
    return out


def age_sex(ctx):
    a = ctx.age
    s = ctx.sex
    suf = ctx.r.choice([f" Y / {s}", f"Y/{s}", f" yrs / {'Male' if s == 'M' else 'Female'}", f"{s}"])
    return [(str(a), "AGE"), (suf, None)] if a >= 90 else [(f"{a}{suf}", None)]


def addr_pieces(ctx):
    r, c = ctx.r, ctx.c
    out = []
    if r.random() < .25:
        out += [(r.choice(["Flat", "Unit", "Apt"]) + " ", None), (str(r.randint(1, 40)) + r.choice(["", "", "A", "B"]), "LOCATION"), (", ", None)]
    out += [(str(r.randint(1, 240)), "LOCATION"), (" ", None), (ctx.street(), "LOCATION"), (r.choice([", ", ",\n"]), None),
            (ctx.town(), "LOCATION")]
    if c == "UK":
        if r.random() < .3:
            out += [(", ", None), (r.choice(COUNTIES["UK"]), "LOCATION")]
        out += [(r.choice([" ", ", "]), None), (postcode(r, c), "LOCATION")]
    elif c == "IE":
        out += [(", ", None), (r.choice(COUNTIES["IE"]), "LOCATION")]
        if r.random() < .7:
            out += [(", ", None), (postcode(r, c), "LOCATION")]
    elif c == "AU":
        st, pre = r.choice(AU_STATES)
        out += [(" ", None), (st, "LOCATION"), (" ", None), (pre + dg(r, 4 - len(pre)), "LOCATION")]
    elif c == "NZ":
        out += [(" ", None), (dg(r, 4), "LOCATION")]
    elif c == "CA":
        out += [(", ", None), (r.choice(PROVINCES), "LOCATION"), (" ", None), (postcode(r, c), "LOCATION")]
    elif c == "ZA":
        if r.random() < .5:
            out += [(", ", None), (r.choice(ZA_PROV), "LOCATION")]
        out += [(", ", None), (dg(r, 4), "LOCATION")]
    else:
        out += [(", ", None), (r.choice(IN_STATES), "LOCATION"), (" - ", None), (postcode(r, c), "LOCATION")]
    return out


def signoff(d, ctx, rad_title=None):
    r, c = ctx.r, ctx.c
    rad = ctx.person()
    title = rad_title or r.choice({"UK": ["Consultant Radiologist", "Consultant Radiologist", "ST4 Radiology Registrar", "Reporting Radiographer"],
                                   "IE": ["Consultant Radiologist", "SpR Radiology"],
                                   "AU": ["Radiologist", "FRANZCR", "Radiology Registrar"],
                                   "NZ": ["Radiologist", "FRANZCR"], "CA": ["Radiologist", "MD FRCPC", "Staff Radiologist"],
                                   "ZA": ["Consultant", "Registrar, Radiology", "FC Rad Diag (SA)"],
                                   "IN": ["MD (Radio-diagnosis)", "DMRD, DNB", "Consultant Radiologist"]}[c])
    k = r.randint(0, 5)
    d.nl()
    if k == 0:
        d.t(r.choice(["Reported by: ", "Reporting radiologist: ", "Signed: "]))
        d.add(ctx.nm(rad, r.choice(["tfull", "tfull", "full", "fmlast"])))
        d.t(f", {title}")
        d.nl()
        lab, val = licence(r, c)
        d.t(lab + " ")
        d.p(val, "ID")
        d.nl()
    elif k == 1:
        d.add(ctx.nm(rad, "tfull"))
        d.nl()
        d.t(title)
        d.nl()
        d.t(r.choice(["Verified: ", "Authorised ", "Electronically signed "]))
        d.p(ctx.date(), "DATE")
        d.t(" ")
        d.p(fmt_time(r, "hm"), "TIME")
        d.nl()
    elif k == 2:
        reg = ctx.person()
        d.t("Reported by ")
        d.add(ctx.nm(reg, r.choice(["tlast", "tfull", "tglued"])))
        d.t(" (Registrar), verified by ")
        d.add(ctx.nm(rad, r.choice(["tlast", "tfull"])))
        d.t(f" ({title}).")
        d.nl()
    elif k == 3:
        d.t("Dictated by: ")
        d.add(ctx.nm(rad, "tfull"))
        d.t("  Typed by: ")
        d.add(ctx.nm(ctx.person(), "initials"))
        d.t(" ")
        d.p(fmt_partial(r, ctx.exam) if r.random() < .5 else ctx.date(), "DATE")
        d.nl()
    elif k == 4:
        d.add(ctx.nm(rad, "initials"))
        d.t("/")
        d.add(ctx.nm(ctx.person(), "initials"))
        d.nl()
    else:
        d.t(r.choice(["Thank you for this referral.\n", "Kind regards,\n", ""]))
        d.add(ctx.nm(rad, r.choice(["tfull", "full", "fmlast"])))
        d.t(f" {r.choice(['MBChB', 'MBBS', 'MB BCh BAO', 'MD', 'MBBS MD'])} {r.choice(['FRCR', 'FRANZCR', 'FRCPC', 'FFRRCSI', 'DNB', ''])}".rstrip())
        d.nl()
        d.t(title)
        d.nl()


# ---------------------------------------------------------------- layouts
MODS = ["cxr", "cxr", "cxr", "cth", "cth", "ctpa", "cta", "cta", "mrs", "usab", "usleg", "xr"]


def exam_title(ctx, mod):
    return ctx.r.choice(EXAM[mod]).format_map(ctx.vals)


def lay_nhs(d, ctx, mod):
    r = ctx.r
    t1, t2 = ctx.town(), ctx.town()
    trust = r.choice([f"{t1} Teaching Hospitals NHS Trust", f"{t1} and {t2} Hospitals NHS Foundation Trust",
                      f"{t1} University Hospitals NHS Foundation Trust", f"NHS {r.choice(['Highland', 'Tayside', 'Grampian', 'Fife', 'Borders'])}",
                      f"{t1} Health Board"])
    d.p(trust, "HOSPITAL")
    d.nl()
    d.t(r.choice(["Department of Radiology, ", "Imaging Department - ", "Diagnostic Imaging, "]))
    d.p(ctx.hospital("acute"), "HOSPITAL")
    d.nl(2)
    fields = [("Patient", name_field(ctx))]
    if r.random() < .6:
        fields.append(("NHS No", [(nhs_number(r), "ID")]))
    if r.random() < .5:
        fields.append((r.choice(["Hosp No", "MRN", "Unit No", "Hospital Number"]), ctx.s_mrn()))
    if r.random() < .6:
        fields.append(("DOB", dob_field(ctx)))
    if r.random() < .2:
        fields.append(("Address", addr_pieces(ctx)))
    if r.random() < .5:
        fields.append((r.choice(["Ward", "Location", "Source"]), ctx.s_ward() if r.random() < .75 else [(r.choice(["ED", "AMU", "ITU", "OPD", "SAU"]), None)]))
    if r.random() < .6:
        fields.append((r.choice(["Referrer", "Requested by", "Referring clinician"]), ctx.nm(form=r.choice(["tfull", "tlast", "lastfirst"]))))
    if r.random() < .25:
        fields.append(("GP", ctx.nm(form="tlast") + [(", ", None), (ctx.gp_practice(), "HOSPITAL")]))
    fields.append(("Examination", [(exam_title(ctx, mod), None)]))
    if r.random() < .6:
        fields.append((r.choice(["Accession", "Acc No", "Exam No"]), ctx.s_acc()))
    fields.append((r.choice(["Date of exam", "Exam date", "Date"]), [(ctx.date(), "DATE")] + ([(" ", None), (fmt_time(r, r.choice(["hm", "hm", "mil"])), "TIME")] if r.random() < .5 else [])))
    hdr_lines(d, r, fields)
    d.nl()
    body(d, ctx, mod)
    signoff(d, ctx)


def lay_caps_ris(d, ctx, mod):
    r = ctx.r
    d.p(ctx.hospital("acute"), "HOSPITAL")
    d.t(r.choice([" - DEPARTMENT OF DIAGNOSTIC IMAGING", " RADIOLOGY", " X-RAY DEPT", " IMAGING SERVICES"]))
    d.nl(2)
    lab, val = nat_id(r, ctx.c)
    fields = [("NAME", ctx.nm(ctx.pt, "lastfirst")), ("MRN", ctx.s_mrn()), ("DOB", [(ctx.date(ctx.dob), "DATE")]),
              ("AGE/SEX", age_sex(ctx)), (lab, [(val, "ID")]),
              ("LOCATION", ctx.s_ward() if r.random() < .7 else [(r.choice(["ICU", "ED", "OPD", "AMU", "HDU"]), None)]),
              ("EXAM", [(exam_title(ctx, mod), None)]), ("ACC#", ctx.s_acc()),
              ("EXAM DATE", [(ctx.date(style=r.choice(["wk_us", "wk", ctx.dstyle])), "DATE"), ("  ", None), (fmt_time(r, r.choice(["mil", "hm", "milh"])), "TIME")]),
              ("ORDERING MD", ctx.nm(form="lastfirst"))]
    if r.random() < .3:
        fields.append(("ORDER #", [(f"{dg(r, 8)}", "ID")]))
    fields = thin(r, fields, {"NAME", "EXAM", "EXAM DATE"})
    hdr_lines(d, r, fields, per_line=r.choice([1, 2]))
    d.nl()
    body(d, ctx, mod, hs="caps")
    signoff(d, ctx)
    if r.random() < .4:
        d.t("TRANSCRIBED: ")
        d.p(ctx.date(), "DATE")
        d.t(" ")
        d.p(fmt_time(r, "hm"), "TIME")
        d.t(" BY ")
        d.add(ctx.nm(ctx.person(), "initials"))
        d.nl()


def lay_letter(d, ctx, mod):
    """AU / NZ private radiology letter to the GP"""
    r = ctx.r
    prac = ctx.hospital("other") if r.random() < .5 else f"{ctx.town()} Radiology"
    d.p(prac, "HOSPITAL")
    d.nl()
    d.t(r.choice(["ABN 12 ", "Ph "]))
    if d.parts[-1].lower().startswith("abn"):
        d.p(f"{dg(r, 3)} {dg(r, 3)} {dg(r, 3)}", "ID")
    else:
        d.p(phone(r, ctx.c), "PHONE")
    if r.random() < .4:
        d.t("  Fax ")
        d.p(phone(r, ctx.c), "PHONE")
    d.nl(2)
    d.p(ctx.date(), "DATE")
    d.nl(2)
    gp = ctx.person()
    d.add(ctx.nm(gp, "tfull"))
    d.nl()
    d.p(ctx.gp_practice(), "HOSPITAL")
    d.nl()
    if r.random() < .35:
        d.add(addr_pieces(ctx))
        d.nl()
    d.nl()
    d.t("Dear ")
    d.add(ctx.nm(gp, "tlast"))
    d.t(",")
    d.nl(2)
    d.t("Re: ")
    d.add([(f"{ctx.pt['first']} {ctx.pt['last']}", "NAME")])
    d.t("  DOB ")
    d.p(ctx.date(ctx.dob), "DATE")
    d.nl()
    if r.random() < .5:
        lab, val = nat_id(r, ctx.c)
        d.t(f"{lab}: ")
        d.p(val, "ID")
    else:
        d.t("UR ")
        d.add(ctx.s_mrn())
    d.nl(2)
    d.t(f"{exam_title(ctx, mod).upper()}")
    d.nl()
    d.t("Thank you for referring ")
    d.add(ctx.s_pt())
    d.t(r.choice([", ", ", who is "]))
    d.add(ctx.s_age())
    d.t(".")
    d.nl(2)
    body(d, ctx, mod, hs=r.choice(["caps", "colon", "plain"]))
    signoff(d, ctx, rad_title=r.choice(["Radiologist", "FRANZCR"]))


def lay_ca(d, ctx, mod):
    r = ctx.r
    d.p(ctx.hospital("acute"), "HOSPITAL")
    d.t(r.choice([" | Medical Imaging", " - Diagnostic Imaging Department", "\nDepartment of Medical Imaging"]))
    d.nl(2)
    lab, val = nat_id(r, "CA")
    fields = [("Patient", name_field(ctx)), ("MRN", ctx.s_mrn()), (lab, [(val, "ID")]),
              ("DOB", dob_field(ctx)), ("Encounter", [(f"{dg(r, 10)}", "ID")]),
              ("Ordering Physician", ctx.nm(form=r.choice(["tfull", "lastfirst"]))),
              ("cc", ctx.nm(form="tlast") + [(", ", None), (ctx.gp_practice(), "HOSPITAL")]),
              ("Exam", [(exam_title(ctx, mod), None)]), ("Accession", ctx.s_acc()),
              ("Exam Date/Time", [(ctx.date(), "DATE"), (" ", None), (fmt_time(r), "TIME")])]
    if r.random() < .4:
        fields.insert(4, ("Address", addr_pieces(ctx)))
    fields = thin(r, fields, {"Patient", "Exam", "Exam Date/Time"})
    hdr_lines(d, r, fields)
    d.nl()
    body(d, ctx, mod)
    signoff(d, ctx)
    if r.random() < .4:
        d.t("Dictated: ")
        d.p(ctx.date(), "DATE")
        d.t(" Transcribed: ")
        d.p(ctx.date(ctx.exam + dt.timedelta(days=r.randint(0, 2))), "DATE")
        d.nl()


def lay_in(d, ctx, mod):
    r = ctx.r
    d.p(ctx.hospital(r.choice(["acute", "other"])), "HOSPITAL")
    d.nl()
    d.add(addr_pieces(ctx))
    d.t("  Ph: ")
    d.p(phone(r, "IN"), "PHONE")
    d.nl()
    d.t("Email: ")
    d.add(ctx.s_email())
    d.nl(2)
    t = "Mr. " if ctx.sex == "M" else r.choice(["Mrs. ", "Smt. ", "Ms. "])
    fields = [("Pt Name", [(t, None), (f"{ctx.pt['first']} {ctx.pt['last']}", "NAME")]),
              ("Age/Sex", age_sex(ctx)), ("UHID", [(hosp_id(r, "IN"), "ID")]),
              ("Ref. by", ctx.nm(form=r.choice(["tfull", "tlast"]), title="Dr.") + [(r.choice([" MBBS", " MD", " MS (Ortho)", ""]), None)]),
              ("Date", [(ctx.date(), "DATE")])]
    if r.random() < .4:
        lab, val = nat_id(r, "IN")
        fields.append((lab, [(val, "ID")]))
    hdr_lines(d, r, fields, per_line=2)
    d.nl()
    d.t(exam_title(ctx, mod).upper())
    d.nl(2)
    body(d, ctx, mod, hs=r.choice(["caps", "plain"]), tech=False)
    signoff(d, ctx, rad_title=r.choice(["MD (Radio-diagnosis)", "DMRD, DNB (Radiology)"]))
    d.t(r.choice(["Note: This report is not valid for medico-legal purpose.\n",
                  "Kindly correlate clinically.\n", "Please correlate clinically and with lab investigations.\n", ""]))


def lay_za(d, ctx, mod):
    r = ctx.r
    d.t(r.choice(["Department of Radiology, ", "RADIOLOGY - ", "Radiology Dept\n"]))
    d.p(ctx.hospital("acute"), "HOSPITAL")
    d.nl(2)
    lab, val = nat_id(r, "ZA")
    fields = [("Patient", name_field(ctx)), ("Folder No", [(hosp_id(r, "ZA"), "ID")]), (lab, [(val, "ID")]),
              ("Age", age_sex(ctx)), ("Ward", ctx.s_ward()), ("From", [(ctx.town(), "LOCATION")]),
              ("Referring doctor", ctx.nm(form=r.choice(["tlast", "tfull", "tglued"]))),
              ("Date", [(ctx.date(), "DATE")])]
    fields = thin(r, fields, {"Patient", "Date"})
    hdr_lines(d, r, fields)
    d.nl()
    d.t(exam_title(ctx, mod))
    d.nl()
    body(d, ctx, mod)
    d.nl()
    d.t("Registrar: ")
    d.add(ctx.nm(form=r.choice(["tlast", "tfull"])))
    d.t(r.choice(["   Consultant: Prof ", "\nConsultant: Dr "]))
    d.p(ctx.person()["last"], "NAME")
    d.nl()


def lay_ie(d, ctx, mod):
    r = ctx.r
    d.p(ctx.hospital("acute"), "HOSPITAL")
    d.t(r.choice([" - Radiology Department", "\nDepartment of Radiology", " | HSE"]))
    d.nl(2)
    fields = [("Name", name_field(ctx)), ("MRN", ctx.s_mrn()), ("DOB", dob_field(ctx)),
              ("Address", addr_pieces(ctx)), ("Ward", ctx.s_ward()),
              ("Referring Consultant", ctx.nm(form=r.choice(["tfull", "tlast"]))),
              ("Exam", [(exam_title(ctx, mod), None)]), ("Date", [(ctx.date(), "DATE")])]
    if r.random() < .4:
        lab, val = nat_id(r, "IE")
        fields.append((lab, [(val, "ID")]))
    fields = thin(r, fields, {"Name", "Exam", "Date"})
    hdr_lines(d, r, fields)
    d.nl()
    body(d, ctx, mod)
    signoff(d, ctx)


def lay_telerad(d, ctx, mod):
    r = ctx.r
    comp = r.choice(TELERAD)
    d.t(r.choice(["PRELIMINARY REPORT - ", "Teleradiology preliminary report: ", "*** PRELIM *** "]))
    d.p(comp, "HOSPITAL")
    d.nl()
    d.t("Out of hours reporting for ")
    d.p(ctx.hospital("acute"), "HOSPITAL")
    d.nl()
    d.t("Received ")
    d.p(fmt_time(r, "hm"), "TIME")
    d.t("  Reported ")
    d.p(fmt_time(r, "hm"), "TIME")
    d.t(" on ")
    d.p(ctx.date(), "DATE")
    d.nl()
    d.t("Patient ID: ")
    d.add(ctx.s_mrn())
    d.t("   Acc: ")
    d.add(ctx.s_acc())
    if r.random() < .3:
        d.t("   Name: ")
        d.add(ctx.nm(ctx.pt, "lastfirst"))
    d.nl()
    d.t("Study: " + exam_title(ctx, mod))
    d.t(r.choice(["   Age: ", " / "]))
    d.add(age_sex(ctx))
    d.nl()
    if r.random() < .25:
        d.t("Workstation ")
        d.add(ctx.s_ip())
        d.t(" user ")
        d.add(ctx.s_user())
        d.nl()
    d.nl()
    body(d, ctx, mod, comm_p=0.0, comp=r.random() < .5)
    d.nl()
    d.t(r.choice(["Findings communicated to ", "Discussed by phone with ", "Called to "]))
    d.add(ctx.s_reg())
    d.t(" at ")
    d.p(fmt_time(r, r.choice(["hm", "mil", "ampm"])), "TIME")
    if r.random() < .6:
        d.t(" on ")
        d.p(phone(r, ctx.c), "PHONE")
    d.t(".")
    d.nl()
    d.t("This is a preliminary report. Final report to follow from the on-site consultant radiologist.")
    d.nl()
    d.t("Reporting radiologist: ")
    d.add(ctx.nm(form=r.choice(["tfull", "fmlast", "full"])))
    d.t(r.choice([", FRCR", ", FRANZCR", " (remote)", ""]))
    if r.random() < .5:
        d.t(" - ")
        d.p(r.choice(TOWNS["IN"] + TOWNS["AU"] + TOWNS["UK"] + ["Perth", "Sydney", "Barcelona"]), "LOCATION")
    d.nl()


def lay_addendum(d, ctx, mod):
    """short quickly-typed addendum / communication note"""
    r = ctx.r
    d.t(r.choice(["ADDENDUM ", "Addendum ", "addendum - ", "ADDENDUM: "]))
    d.p(ctx.date(), "DATE")
    d.t(" ")
    d.p(fmt_time(r), "TIME")
    d.t(r.choice([":\n", "\n", " - "]))
    d.t(f"re {exam_title(ctx, mod)} acc ")
    d.add(ctx.s_acc())
    d.t(" (")
    d.add(ctx.nm(ctx.pt, r.choice(["lastfirst", "full"])))
    d.t(")")
    d.nl()
    seq = [
        lambda: (d.t("d/w "), d.add(ctx.s_reg()), d.t(" on "), d.add(ctx.s_bleep()), d.t(" at "), d.add(ctx.s_time()), d.t(". ")),
        lambda: (d.t("spoke w/ "), d.add(ctx.s_clinlower()), d.t(" who will arrange review. ")),
        lambda: (d.t("pt's "), d.t(r.choice(["daughter ", "son ", "wife ", "husband "])), d.p(ctx.person()["first"], "NAME"),
                 d.t(" aware per "), d.add(ctx.s_nurse()), d.t(". ")),
        lambda: (d.t("outside films from "), d.add(ctx.s_outhosp()), d.t(" ("), d.add(ctx.s_prior()), d.t(") now reviewed - ")),
        lambda: (d.t("compared with the study of the "), d.add(ctx.s_dom()), d.t(", "), d.t(r.choice(["no interval change. ", "slight progression. "]))),
        lambda: (d.t("pt moved to "), d.add(ctx.s_ward()), d.t(". ")),
        lambda: (d.t("Call back no "), d.add(ctx.s_phone()), d.t(". ")),
    ]
    for f in r.sample(seq, r.randint(2, 4)):
        f()
        if r.random() < .4:
            d.nl()
    d.nl()
    fs = FIND[mod][:]
    r.shuffle(fs)
    for t in fs[:r.randint(2, 4)]:
        render(d, ctx, t)
        d.t(r.choice([" ", "\n"]))
    d.nl()
    d.add(ctx.nm(ctx.person(), "initials"))
    d.nl()


def lay_nophi(d, ctx, mod):
    r = ctx.r
    d.t(exam_title(ctx, mod).upper() if r.random() < .5 else exam_title(ctx, mod))
    d.nl(2)
    body(d, ctx, mod, comp=r.random() < .5)
    if r.random() < .5:
        d.nl()
        d.t(r.choice(["Electronically signed by reporting radiologist.", "Report verified.",
                      "This report has been checked by a consultant radiologist.", "Final report."]))
        d.nl()


def lay_light(d, ctx, mod):
    """report body as pasted into the EPR: little header, PHI only in the text"""
    r = ctx.r
    d.t(exam_title(ctx, mod))
    if r.random() < .6:
        d.t(r.choice([" - ", ", ", "  "]))
        d.p(ctx.date(), "DATE")
    d.nl(2)
    body(d, ctx, mod, comm_p=0.5)
    if r.random() < .5:
        d.nl()
        d.add(ctx.nm(form=r.choice(["initials", "tlast", "tfull"])))
        d.nl()


LAYOUTS = {
    "UK": [lay_light, lay_light, lay_nhs, lay_nhs, lay_nhs, lay_caps_ris, lay_addendum, lay_telerad],
    "IE": [lay_light, lay_light, lay_ie, lay_ie, lay_caps_ris, lay_addendum, lay_telerad],
    "AU": [lay_light, lay_light, lay_letter, lay_letter, lay_caps_ris, lay_telerad, lay_addendum],
    "NZ": [lay_light, lay_light, lay_letter, lay_letter, lay_caps_ris, lay_telerad],
    "CA": [lay_light, lay_light, lay_ca, lay_ca, lay_caps_ris, lay_addendum, lay_telerad],
    "ZA": [lay_light, lay_light, lay_za, lay_za, lay_caps_ris, lay_addendum],
    "IN": [lay_light, lay_light, lay_in, lay_in, lay_in, lay_caps_ris],
}
COUNTRY_W = ["UK"] * 5 + ["IE"] * 2 + ["AU"] * 2 + ["NZ"] + ["CA"] * 2 + ["ZA"] * 2 + ["IN"] * 2


# ---------------------------------------------------------------- driver
def make_doc(r, idx, seed):
    country = r.choice(COUNTRY_W)
    phi = r.random() >= 0.15
    ctx = Ctx(r, country, phi)
    mod = r.choice(MODS)
    lay = r.choice(LAYOUTS[country]) if phi else lay_nophi
    x = r.random()
    if lay is lay_caps_ris:
        case = "upper" if x < .8 else "mixed"
    elif lay is lay_addendum:
        case = "lower" if x < .5 else "mixed"
    else:
        case = "upper" if x < .07 else ("lower" if x < .13 else "mixed")
    d = Doc(r, case, noise=r.choice([0, 0, 0.01, 0.02, 0.04]))
    lay(d, ctx, mod)
    text = d.text()
    # trim trailing whitespace (no spans can be there)
    text = text.rstrip() + "\n"
    strip = lambda lst: [{k: v for k, v in s.items() if k != "_v"} for s in lst]
    for s in d.phi + d.prot:
        assert text[s["start"]:s["end"]] == s["_v"], (s, text[s["start"]:s["end"]])
    return {"id": f"gen_b-{seed}-{idx:05d}", "text": text, "phi": strip(d.phi), "protected": strip(d.prot)}


def check(rec):
    t = rec["text"]
    errs = []
    for key in ("phi", "protected"):
        prev = -1
        for s in rec[key]:
            a, b = s["start"], s["end"]
            if not (0 <= a < b <= len(t)):
                errs.append(f"{key} out of range {s}")
                continue
            if a < prev:
                errs.append(f"{key} overlap/unsorted {s}")
            prev = b
            v = t[a:b]
            if v != v.strip():
                errs.append(f"{key} whitespace {s} {v!r}")
        if key == "phi" and any(s["label"] not in PHI_LABELS for s in rec[key]):
            errs.append("bad label")
        if key == "protected" and any(s["kind"] not in KIND_NAMES for s in rec[key]):
            errs.append("bad kind")
    i = j = 0
    P, Q = rec["phi"], rec["protected"]
    while i < len(P) and j < len(Q):
        if P[i]["end"] <= Q[j]["start"]:
            i += 1
        elif Q[j]["end"] <= P[i]["start"]:
            j += 1
        else:
            errs.append(f"phi/protected overlap {P[i]} {Q[j]}")
            break
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    bad = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(a.n):
            r = random.Random(a.seed * 1_000_003 + i)
            for _ in range(200):
                rec = make_doc(r, i, a.seed)
                if 300 <= len(rec["text"]) <= 2500:
                    break
            errs = check(rec)
            if not (300 <= len(rec["text"]) <= 2500):
                errs.append(f"length {len(rec['text'])}")
            if errs:
                bad += 1
                print(f"SELF-CHECK FAIL {rec['id']}: {errs[:3]}", file=sys.stderr)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if bad:
        print(f"{bad} record(s) failed self-check", file=sys.stderr)
        sys.exit(1)
    print(f"wrote {a.n} records to {a.out}; self-check passed", file=sys.stderr)


if __name__ == "__main__":
    main()
