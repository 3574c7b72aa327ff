#!/usr/bin/env python3
"""Synthetic paediatric / neonatal / obstetric clinical document generator with
character-offset PHI annotations and protected clinical-content spans.

Usage:  python3 gen.py --seed S --n N --out FILE.jsonl
Standard library only. All surrogate values are invented or hand-written lists.
"""
import argparse
import datetime as dt
import json
import re
import random
import sys

# ---------------------------------------------------------------------------
# Surrogate name lists, by origin (f = given female, m = given male, s = surnames)
# ---------------------------------------------------------------------------
NAMES = {
    'english': dict(
        f="Emma Olivia Charlotte Amelia Harper Evelyn Abigail Emily Madison Chloe Grace Lily Hannah Zoe Nora Claire Kayleigh Brooke Paige Ruth Dorothy Edna Mildred Gertrude Agnes Lorraine Beverly".split(),
        m="Liam Oliver James William Benjamin Henry Theodore Jack Owen Wyatt Caleb Ethan Tyler Colton Brayden Walter Chester Homer Clifford Earl Ernest".split(),
        s="Smith Johnson Williams Brown Taylor Walker Harris Clarke Hughes Whitfield Pemberton Ashworth Hadley Thornton Blackwood Ellison Kimball Pritchard Haverford Coggins".split()),
    'irish_scot': dict(
        f="Siobhan Niamh Aoife Saoirse Caoimhe Maeve Sinead Bridget Fiona Isla Eilidh Morag Kirsty Roisin".split(),
        m="Declan Cian Oisin Padraig Seamus Eoin Ruairi Callum Angus Hamish Fraser Alasdair Cormac".split(),
        s="McAllister MacDonald McGregor MacLeod O'Brien O'Shaughnessy O'Connor O'Sullivan Fitzgerald Gallagher Kavanagh Murphy Doherty Quinlan Byrne McCaffrey MacInnes O'Rourke".split()),
    'hispanic': dict(
        f="Ximena Guadalupe Maria Lucia Valentina Camila Daniela Alejandra Yesenia Marisol Itzel Carmen Rosario Araceli Yadira".split(),
        m="Mateo Santiago Diego Alejandro Joaquin Emiliano Jesus Guillermo Rodrigo Efrain Osvaldo Heriberto".split(),
        s="García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Morales Castillo Vargas Mendoza Guzmán Ortega Delgado Fuentes Cisneros Villalobos".split()),
    'portuguese': dict(
        f="Joana Ines Beatriz Leonor Mariana Graça Conceição Filipa".split(),
        m="Tiago João Gonçalo Rui Duarte Vasco Afonso".split(),
        s="Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Carvalho Gonçalves Magalhães Medeiros Furtado".split()),
    'french': dict(
        f="Amelie Margaux Camille Elodie Brigitte Solene Genevieve".split(),
        m="Luc Mathis Theo Baptiste Etienne Lucien Thierry".split(),
        s="Dubois Lefebvre Moreau Laurent Girard Rousseau Fontaine Chevalier Beaumont Marchand Thibodeaux Boucher Gagnon Tremblay Leblanc".split()),
    'dutch_german': dict(
        f="Anouk Femke Sanne Liesbeth Annelies Greta Heike Ingrid Liesl".split(),
        m="Sander Joris Bram Pieter Maarten Lukas Jonas Florian Matthias Dieter".split(),
        s="van Dijk|van der Berg|de Vries|van den Heuvel|ter Haar|van Rooyen|von Essen|von Stein|Müller|Schmidt|Schneider|Fischer|Weber|Becker|Hoffmann|Zimmermann|Hartmann|Vandermolen".split('|')),
    'italian': dict(
        f="Giulia Francesca Chiara Alessandra Rosalba Concetta".split(),
        m="Lorenzo Matteo Giuseppe Salvatore Enzo Carmine".split(),
        s="Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Conti|De Luca|Di Stefano|Del Vecchio|D'Angelo|Lombardi|Da Ponte|di Napoli".split('|')),
    'polish': dict(
        f="Agnieszka Katarzyna Zofia Wiktoria Malgorzata Jadwiga".split(),
        m="Jakub Kacper Szymon Wojciech Mateusz Grzegorz".split(),
        s="Kowalski Nowak Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Jankowska".split()),
    'russian': dict(
        f="Anastasia Svetlana Natalia Yekaterina Olga Tatiana".split(),
        m="Dmitri Sergei Alexei Ivan Nikolai Vladislav".split(),
        s="Ivanov Smirnova Kuznetsov Popov Vasiliev Petrova Sokolov Mikhailov Novikov Fedorov Morozov Volkov".split()),
    'ukrainian': dict(
        f="Oksana Olena Iryna Halyna Kateryna Solomiya".split(),
        m="Bohdan Taras Mykola Andriy Yaroslav Ostap".split(),
        s="Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Kovalchuk Savchenko Hnatyuk Lysenko".split()),
    'greek': dict(
        f="Eleni Dimitra Despina Athina Vasiliki".split(),
        m="Giorgos Nikos Kostas Stavros Panagiotis".split(),
        s="Papadopoulos Georgiou Nikolaidis Konstantinou Alexiou Karagiannis Vlachos Economou Dimitriou Christodoulou".split()),
    'turkish': dict(
        f="Ayse Elif Zeynep Emine Fatma Sevgi".split(),
        m="Mehmet Mustafa Emre Burak Kerem Oguz".split(),
        s="Yilmaz Kaya Demir Sahin Celik Yildiz Ozturk Aydin Arslan Dogan Kilic Aksoy".split()),
    'arabic': dict(
        f="Fatima Aisha Layla Noor Mariam Yasmin Huda Rania".split(),
        m="Omar Ahmed Yusuf Khalid Tariq Hassan Ibrahim Karim".split(),
        s="al-Hashimi|Haddad|Khoury|Nasser|Hamdan|Saleh|Mansour|El-Amin|bin Rashid|Abdullah|Farouk|al-Masri|Aziz|Darwish|Qasim".split('|')),
    'persian': dict(
        f="Shirin Parisa Leila Mahsa Nasrin Roya".split(),
        m="Dariush Reza Arash Kian Farhad Behrouz".split(),
        s="Hosseini Mohammadi Rahimi Karimi Jafari Tehrani Sadeghi Moradi Ahmadi Farahani Rostami Esfahani".split()),
    'yoruba': dict(
        f="Folasade Adebola Oluwaseun Yetunde Funmilayo Titilayo".split(),
        m="Babajide Olumide Tunde Oluwadamilare Ayodele Femi".split(),
        s="Adeyemi Olawale Adebayo Ogunleye Afolabi Babatunde Oyelaran Adewale Ogundipe Akinola".split()),
    'igbo': dict(
        f="Chiamaka Ngozi Adaeze Chinwe Nkechi Ifeoma".split(),
        m="Chukwuemeka Obinna Ikenna Chidi Nnamdi Emeka".split(),
        s="Okonkwo Nwosu Okafor Eze Obi Chukwu Okeke Onyekachi Igwe Anozie Nwachukwu".split()),
    'akan': dict(
        f="Ama Akosua Efua Abena Adwoa Akua".split(),
        m="Kwame Kofi Kwabena Yaw Kojo Kwaku".split(),
        s="Mensah Asante Owusu Boateng Osei Appiah Agyeman Ofori Amoako Darko".split()),
    'east_african': dict(
        f="Wanjiru Njeri Achieng Amani Zawadi Makeda Tigist Hodan".split(),
        m="Jabari Baraka Tesfaye Dawit Abebe Otieno Abdirahman".split(),
        s="Wanjiku Kamau Ochieng Mwangi Kiprop Njoroge Haile Gebremedhin Bekele Mohamud Abdi Warsame".split()),
    'south_asian': dict(
        f="Priya Ananya Lakshmi Deepika Sunita Kavya Harpreet Meera Farzana".split(),
        m="Arjun Rohan Vikram Sanjay Aarav Ravi Gurpreet Imran Sandeep".split(),
        s="Patel Sharma Singh Gupta Reddy Nair Iyer Chatterjee Banerjee Desai Joshi Mehta Rao Krishnan Bhattacharya Chaudhry Siddiqui Rahman Hussain".split()),
    'chinese': dict(
        f="Xiu Mei Ling Yan Jing Xiaoling".split(),
        m="Wei Jun Hao Zhiwei Qiang Bo".split(),
        s="Wang Li Zhang Liu Chen Huang Zhao Wu Zhou Xu".split()),
    'korean': dict(
        f="Min-ji Seo-yeon Ji-woo Hye-jin Soo-ah".split(),
        m="Min-jun Ji-ho Seung-woo Dong-hyun Jae-won".split(),
        s="Kim Lee Park Choi Jung Kang Yoon".split()),
    'vietnamese': dict(
        f="Thu Lan Ngoc Linh Huong Phuong".split(),
        m="Minh Huy Duc Tuan Khang Bao".split(),
        s="Nguyen Tran Le Pham Hoang Vu Dang Bui".split()),
    'japanese': dict(
        f="Yuki Haruka Sakura Aiko Emiko".split(),
        m="Haruto Kenji Takeshi Hiroshi Ren".split(),
        s="Sato Suzuki Takahashi Tanaka Watanabe Nakamura Kobayashi Yamamoto".split()),
    'filipino': dict(
        f="Maricel Jocelyn Rowena Luzviminda Marites Analyn".split(),
        m="Rodel Jericho Bong Jomar Ariel".split(),
        s="Reyes|Cruz|Bautista|dela Cruz|Villanueva|Aquino|Macapagal|Dimaculangan|Pangilinan|Magsaysay".split('|')),
    'native_american': dict(
        f="Winona Aiyana Kimimela Talulah Nayeli".split(),
        m="Dakota Chayton Ahanu Takoda Hania".split(),
        s="Begay|Yazzie|Tsosie|Benally|Whitehorse|Runningwater|Redcloud|Manuelito|Sixkiller|Tohee".split('|')),
    'nordic': dict(
        f="Sigrid Astrid Freya Solveig Ingeborg".split(),
        m="Bjorn Leif Magnus Anders Eirik Sven".split(),
        s="Lindqvist Johansson Andersson Nilsson Halvorsen Haugen Solberg Bjornstad Virtanen Korhonen Sigurdsson Magnusson".split()),
    'african_american': dict(
        f="Keisha Latoya Shaniqua Tamika Imani Aaliyah Destiny Brianna Jaelyn Nevaeh Shanice".split(),
        m="Jamal DeShawn Tyrone Malik Darnell Jaylen Kyrie Marquise Terrell".split(),
        s="Washington Jefferson Jackson Robinson Coleman Freeman Bryant Dawson".split()),
    'word': dict(
        f="Hope Joy Faith Ivy Iris Rose Dawn June Summer Autumn Holly Pearl Ruby Hazel Violet Daisy Willow Robin Jade Amber Crystal Precious Honor Patience Star".split(),
        m="Hunter Mason Chase Archer Ward Miles Cash King Major Justice Royal Bishop Hardy Wolf Rivers Young".split(),
        s="Hope Frost Bishop Lane Hardy Wolf Young Rivers Joy Baker Cook Carpenter Mason Stone Marsh Fields Woods Hill Brooks Banks Winter Summers Love Bliss Savage Sharp Strong Wise Moody Swift Bird Fox Crane Church Early Price Law Power Storm Snow Day Knight Page Best Hale".split()),
}
ORIGINS = list(NAMES.keys()) + ['invented']
ORIGIN_W = {k: 1.0 for k in ORIGINS}
ORIGIN_W.update({'english': 3, 'hispanic': 2.5, 'african_american': 2, 'irish_scot': 1.5, 'word': 1.2, 'invented': 0.8})

SYL = "ka lo mir ven tha zu ori bel dra nes qui fen ros ta lin dor ae sha vik mon el ra jo bri zan tel ku mae sol ner".split()
SUR_SUF = "ski ton ez son ova ini adze ack ham berg eau ello oglu ani".split()


def invented_given(r):
    n = r.choice([2, 2, 3])
    s = ''.join(r.choice(SYL) for _ in range(n))
    return s.capitalize()


def invented_surname(r):
    s = ''.join(r.choice(SYL) for _ in range(r.choice([1, 2]))) + r.choice(SUR_SUF)
    return s.capitalize()


# ---------------------------------------------------------------------------
# Places, facilities, organisations
# ---------------------------------------------------------------------------
REAL_TOWNS = """Springfield|Worcester|Lowell|Brockton|Framingham|Quincy|Pawtucket|Woonsocket|Nashua|Manchester|Burlington|Bangor|Portland|Hartford|New Haven|Waterbury|Albany|Syracuse|Rochester|Buffalo|Scranton|Allentown|Trenton|Camden|Wilmington|Dover|Baltimore|Richmond|Norfolk|Raleigh|Durham|Charleston|Savannah|Macon|Tallahassee|Gainesville|Tampa|Orlando|Mobile|Biloxi|Jackson|Memphis|Knoxville|Lexington|Louisville|Dayton|Akron|Toledo|Flint|Lansing|Kalamazoo|Gary|Peoria|Joliet|Madison|Green Bay|Duluth|Fargo|Sioux Falls|Omaha|Lincoln|Topeka|Wichita|Tulsa|Amarillo|Lubbock|El Paso|Laredo|Brownsville|Albuquerque|Santa Fe|Flagstaff|Tucson|Yuma|Reno|Boise|Spokane|Tacoma|Eugene|Salem|Fresno|Modesto|Bakersfield|Oxnard|Chula Vista|Provo|Ogden|Cheyenne|Billings|Missoula|Anchorage|Fairbanks|Hilo|Gallup|Chinle|Kayenta|Fall River|New Bedford|Chelsea|Lawrence|Holyoke|Guadalajara|Puebla|Oaxaca|Tegucigalpa|San Pedro Sula|Quetzaltenango|Santa Ana|Managua|Cali|Medellín|Barranquilla|Quito|Cuenca|Lima|Arequipa|Cochabamba|Porto|Braga|Coimbra|Faro|Lyon|Marseille|Lille|Nantes|Rouen|Utrecht|Eindhoven|Groningen|Leiden|Antwerp|Ghent|Hamburg|Leipzig|Dresden|Bremen|Bologna|Palermo|Naples|Bari|Turin|Kraków|Gdańsk|Łódź|Poznań|Lublin|Wrocław|Kharkiv|Lviv|Odesa|Dnipro|Zaporizhzhia|Poltava|Vinnytsia|Novosibirsk|Yekaterinburg|Kazan|Samara|Thessaloniki|Patras|Heraklion|Izmir|Bursa|Konya|Trabzon|Gaziantep|Beirut|Aleppo|Homs|Irbid|Mosul|Erbil|Basra|Shiraz|Tabriz|Mashhad|Isfahan|Lagos|Ibadan|Abeokuta|Enugu|Onitsha|Owerri|Kumasi|Accra|Tamale|Cape Coast|Nairobi|Mombasa|Kisumu|Eldoret|Addis Ababa|Gondar|Mekelle|Mogadishu|Hargeisa|Kampala|Gulu|Dar es Salaam|Arusha|Pune|Hyderabad|Chennai|Lucknow|Amritsar|Kochi|Dhaka|Sylhet|Lahore|Karachi|Guangzhou|Chengdu|Wuhan|Xiamen|Busan|Daegu|Incheon|Da Nang|Hue|Can Tho|Haiphong|Osaka|Sapporo|Fukuoka|Cebu|Davao|Iloilo|Baguio|Bergen|Trondheim|Uppsala|Malmö|Tampere|Aarhus|Reykjavik|Port-au-Prince|Cap-Haïtien|Kingston|Montego Bay|Santo Domingo|Ponce|Mayagüez|Praia|Mindelo""".split('|')
_TP = "Ash Brook Cedar Elm Fair Glen Hollis Kings Lark Maple Mill North Oak Pine Red Rose Silver Stone West Wick Hazel Thorn Marl Bram Quen Dunmore Tall Wil".split()
_TS = "ford field ton bury wood haven dale ridge port brook mouth ville stead worth vale crest".split()
INVENTED_TOWNS = sorted({a + b for a in _TP for b in _TS if not (a.endswith(b[0]) and len(b) > 3)})
INVENTED_TOWNS += ["East Marlow", "Port Quenby", "Little Harrow", "South Cadwell", "Upper Fennick", "New Ardsley", "Lake Tibbet", "Fort Ossining", "Grayson Falls", "Mount Elverly"]
STATES_ABBR = "MA RI NH CT NY NJ PA ME VT OH TX CA FL GA AZ NM IL MI NC VA MD WA OR CO MN".split()
STATES_FULL = "Massachusetts|Rhode Island|New Hampshire|Connecticut|New York|New Jersey|Pennsylvania|Maine|Vermont|Ohio|Texas|California|Florida|Georgia|Arizona|New Mexico".split('|')
COUNTIES = "Essex|Middlesex|Suffolk|Bristol|Plymouth|Hampden|Kent|Providence|Hillsborough|Cumberland|Franklin|Berkshire|Barnstable|Washington|Coos|Navajo|McKinley".split('|')
NEIGHBOURHOODS = "Dorchester|Mattapan|Jamaica Plain|East Boston|Fox Point|Olneyville|South End|Fells Point|Little Haiti|Pilsen|Germantown|Five Points|the Ironbound|Hyde Park|Roxbury|Eastie|Wickham Heights|Tanner Row".split('|')
COUNTRIES = "Guatemala|Honduras|El Salvador|Mexico|Haiti|the Dominican Republic|Ukraine|Poland|Nigeria|Ghana|Kenya|Ethiopia|Somalia|India|Pakistan|Bangladesh|China|Vietnam|the Philippines|Brazil|Portugal|Cape Verde|Afghanistan|Syria|Iraq|Iran|Turkey|Greece|Jamaica|Puerto Rico|Colombia|Venezuela|Peru|Ecuador|Nepal|Eritrea|Sudan|the Congo|Moldova|Albania".split('|')
STREET_BASE = "Elm|Oak|Maple|Cedar|Pine|Walnut|Chestnut|Highland|Washington|Franklin|Lincoln|Prospect|Pleasant|Union|Quarry|Mulberry|Harbor|Mill|Water|Bridge|School|Church|Orchard|Summer|Winter|Spring|Ridge|Lake|Hillside|Meadow|Cottage|Linden|Sycamore|Birch|Willow|Hawthorne|Kessler|Dorrance|Blackstone|Tremont|Dudley|Bowdoin|Ocean|Beacon|Fenwick|Ashmont|Lowther|Calloway|Pemberton|Ravenswood".split('|')
STREET_SUF = "Street|St|St.|Avenue|Ave|Ave.|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Place|Terrace|Way|Boulevard|Blvd|Circle|Parkway".split('|')
SAINTS = "Brigid|Agnes|Casimir|Jude|Vincent|Elizabeth|Anne|Luke|Joseph|Mary|Francis|Margaret|Catherine|Raphael|Gerard|Columba|Clare|Hedwig".split('|')
FAC_ROOTS = "Hollis Valley|Maple Crest|Riverside|North Shore|Brightwater|Marlowe Point|Cedar Grove|Fairhaven|Lakeview|Harborside|Pine Ridge|Greenbrook|Ashford|Silver Lake|Kingsbridge|Tallmadge|Oakhurst|Wellesford|Bramble Hill|Sunnyvale|Stonegate|Evergreen|Whitcombe|Hartwell|Larkspur|Meadowbrook|Blue Heron|Willow Creek|Granite State|Tri-County|Mercy Ridge|Calder|Haverhill Bay|Foxhollow|Kestrel Point|Amberfield|Thornbury".split('|')
HOSP_TYPES = ["Hospital", "Medical Center", "Regional Medical Center", "Children's Hospital", "Women's Hospital", "Community Hospital", "General Hospital", "Birth Center", "Women & Infants", "Memorial Hospital", "Health"]
CLINIC_TYPES = ["Pediatrics", "Pediatric Associates", "Family Health Center", "Community Health Center", "Clinic", "Family Medicine", "Midwifery Group", "OB/GYN Associates", "Children's Clinic", "Neighborhood Health", "Care Center", "Imaging", "Radiology Associates", "Perinatal Associates"]
LTC_TYPES = ["Nursing Home", "Rehab", "House", "Manor", "Villa", "Lodge", "Hospice", "Care Center", "Pediatric Skilled Nursing", "Respite House"]
SCHOOL_TYPES = ["Elementary", "Elementary School", "Middle School", "Montessori", "Academy", "Early Learning Center", "Preschool", "Charter School", "Day School"]
DAYCARE_PREFIX = "Little Sprouts|Busy Bees|Tiny Treasures|Bright Acorn|Happy Hearts|Rainbow Kids|Kiddie Korner|Sunshine|Little Explorers|Jelly Bean|Caterpillar Club|ABC Kids".split('|')
DAYCARE_TYPES = ["Daycare", "Child Care", "Learning Center", "Family Daycare", "Preschool", "Nursery"]
AGENCY = "Harborlight Family Services|New Roots Adoption Agency|Bridgeway Foster Care|Lantern House Family Services|Keystone Kinship Network|Open Arms Adoption|Cornerstone Youth Services|Sheltering Pines Foster Network|Wellspring Family Partners|Horizon Child & Family".split('|')
EMPLOYERS = "Kessler Marine Works|Dunmore Logistics|Halvorsen Plumbing|Brightline Packaging|Crestview Poultry|Marrow & Finch Bakery|Tri-State Auto Parts|Quarry Hill Foods|Bellweather Insurance|Sandoval Roofing|Northgate Distribution|Pioneer Valley Transit|Lakeside Dental|Orchid Nails|Golden Dragon Restaurant|Fenwick Textiles|Stonebridge Security".split('|')
CHURCHES = ["St. Casimir's Parish", "Grace Tabernacle", "Iglesia Pentecostal Roca de Salvación", "Mount Olive Baptist Church", "Holy Trinity Greek Orthodox", "Masjid al-Noor", "First Korean Presbyterian", "St. Volodymyr Ukrainian Catholic Church", "Bethel AME", "Kingdom Hall on Fenwick"]
EMAIL_DOMAINS = "gmail.com yahoo.com hotmail.com outlook.com icloud.com mailbox.net inbox.org comcast.net aol.com protonmail.com".split()

MONTHS = "January February March April May June July August September October November December".split()
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NUMWORDS = {90: 'ninety', 91: 'ninety-one', 92: 'ninety-two', 93: 'ninety-three', 94: 'ninety-four', 95: 'ninety-five',
            96: 'ninety-six', 97: 'ninety-seven', 98: 'ninety-eight', 99: 'ninety-nine', 100: 'one hundred', 101: 'one hundred one'}

# ---------------------------------------------------------------------------
# Protected clinical vocabularies
# ---------------------------------------------------------------------------
DRUGS_NEO = "ampicillin|gentamicin|cefotaxime|caffeine citrate|Curosurf|poractant alfa|Survanta|vitamin K|phytonadione|erythromycin ointment|fentanyl|morphine|phenobarbital|vancomycin|acyclovir|fluconazole|nystatin|Intralipid|indomethacin|ibuprofen lysine|dopamine|epinephrine|hydrocortisone|furosemide|Lasix|chlorothiazide|budesonide|ferrous sulfate|Poly-Vi-Sol|sucrose 24%|ursodiol|ranitidine|famotidine|Synagis|nirsevimab|Beyfortus".split('|')
DRUGS_PEDS = "amoxicillin|Augmentin|cefdinir|azithromycin|ibuprofen|Motrin|acetaminophen|Tylenol|albuterol|Flovent|fluticasone|prednisolone|Orapred|dexamethasone|ondansetron|Zofran|cetirizine|Zyrtec|Miralax|polyethylene glycol|hydrocortisone cream|mupirocin|clindamycin|Keflex|cephalexin|oseltamivir|Tamiflu|EpiPen|diphenhydramine|Benadryl|methylphenidate|Ritalin|melatonin|montelukast|Singulair|racemic epinephrine|ceftriaxone|Bactrim".split('|')
DRUGS_OB = "oxytocin|Pitocin|magnesium sulfate|betamethasone|penicillin G|ampicillin|cefazolin|Ancef|terbutaline|misoprostol|Cytotec|Cervidil|dinoprostone|nifedipine|labetalol|hydralazine|RhoGAM|fentanyl|bupivacaine|methylergonovine|Methergine|carboprost|Hemabate|tranexamic acid|Tdap|prenatal vitamins|ferrous sulfate|Zofran|insulin|metformin|aspirin 81".split('|')
VACCINES = "DTaP|Pediarix|Hep B|Engerix-B|Prevnar 20|PCV15|Rotarix|RotaTeq|IPV|Hib|ActHIB|MMR|Varivax|Hep A|Havrix|influenza|Vaxelis|ProQuad|Kinrix|Tdap|Menveo|HPV".split('|')
EPON_NEO = "Moro|Babinski|Ortolani|Barlow|Galeazzi|Epstein pearls|Erb's palsy|Klumpke palsy|Hirschsprung disease|Down syndrome|Pierre Robin sequence|Beckwith-Wiedemann|Silverman-Andersen score|Finnegan score|Brazelton|Tetralogy of Fallot|Dandy-Walker|Arnold-Chiari|Replogle tube|Broviac|Coombs|Ballard".split('|')
EPON_PEDS = "Kawasaki disease|Wilms tumor|Tanner stage|Denver II|Brudzinski|Kernig|Koplik spots|Nikolsky sign|Henoch-Schönlein purpura|Salter-Harris|Osgood-Schlatter|Legg-Calvé-Perthes|Westley croup score|Trendelenburg|Bell palsy|Sever disease|Blount disease|Heimlich|Graves disease|Crohn disease|Hodgkin lymphoma|Gram stain|Mallampati|Glasgow".split('|')
EPON_OB = "Bishop score|Leopold maneuvers|McRoberts maneuver|Woods screw|Ritgen maneuver|Pfannenstiel incision|Braxton Hicks|Kleihauer-Betke|Foley bulb|Pap smear|Apgar|Nitrazine|Valsalva|Cook balloon|Schultze|Duncan".split('|')
DEV_NEO = "UVC|UAC|PICC|ETT|OGT|NG tube|PIV|isolette|radiant warmer|phototherapy lights|bili blanket|pulse oximeter|RAM cannula|nasal cannula|oscillator|G-tube|VP shunt|apnea monitor|car seat|CPAP prongs|chest tube|orogastric tube|umbilical clamp".split('|')
DEV_PEDS = "nebulizer|spacer|peripheral IV|G-tube|MIC-KEY button|tracheostomy|VP shunt|Port-a-Cath|cast|splint|insulin pump|cochlear implant|glucose monitor|nasal cannula|EpiPen trainer".split('|')
DEV_OB = "fetal scalp electrode|IUPC|toco|tocodynamometer|vacuum|Kiwi vacuum|forceps|epidural catheter|Foley catheter|cervical ripening balloon|speculum|external monitors|SCDs".split('|')

# ---------------------------------------------------------------------------
# Document builder with markup: [[TAG|value]]
# ---------------------------------------------------------------------------
PHI_TAGS = {'NAME': 'NAME', 'DATE': 'DATE', 'TIME': 'TIME', 'PHONE': 'PHONE', 'ID': 'ID', 'AGE': 'AGE',
            'LOC': 'LOCATION', 'HOSP': 'HOSPITAL', 'ORG': 'ORGANIZATION', 'CONTACT': 'CONTACT'}
PROT_TAGS = {'dr': 'DRUG', 'ms': 'MEASUREMENT', 'fr': 'FRACTION', 'st': 'SETTING', 'vt': 'VITAL',
             'ep': 'EPONYM', 'dv': 'DEVICE'}
MARK = re.compile(r'\[\[([A-Za-z]+)\|(.*?)\]\]', re.S)


class Builder:
    def __init__(self, r):
        self.r = r
        self.pieces = []  # (text, tagtype, label)

    def x(self, s):
        pos = 0
        for m in MARK.finditer(s):
            if m.start() > pos:
                self.pieces.append((s[pos:m.start()], None, None))
            tag, val = m.group(1), m.group(2)
            if tag in PHI_TAGS:
                self.pieces.append((val, 'phi', PHI_TAGS[tag]))
            elif tag in PROT_TAGS:
                self.pieces.append((val, 'prot', PROT_TAGS[tag]))
            else:
                raise ValueError('bad tag ' + tag)
            pos = m.end()
        if pos < len(s):
            self.pieces.append((s[pos:], None, None))
        return self

    def _noise(self, s, lvl):
        r = self.r
        if lvl <= 0 or len(s) < 12:
            return s
        if r.random() < 0.04 * lvl:
            words = list(re.finditer(r'\b[a-z]{6,}\b', s))
            if words:
                w = r.choice(words)
                i = r.randrange(1, len(w.group()) - 2)
                ww = w.group()
                ww = ww[:i] + ww[i + 1] + ww[i] + ww[i + 2:]
                s = s[:w.start()] + ww + s[w.end():]
        if r.random() < 0.10 * lvl:
            s = s.replace('. ', '.  ', 1)
        if r.random() < 0.05 * lvl:
            sp = [m.start() for m in re.finditer(r'(?<=[a-z,]) (?=[a-z])', s)]
            if sp:
                i = r.choice(sp)
                s = s[:i] + '\n' + s[i + 1:]
        return s

    def render(self, case='mixed', noise=1):
        text_parts, phi, prot = [], [], []
        pos = 0
        for (s, typ, label) in self.pieces:
            if typ is None:
                s = self._noise(s, noise)
            if case == 'upper':
                s = s.upper()
            elif case == 'lower':
                s = s.lower()
            if typ == 'phi':
                phi.append({'start': pos, 'end': pos + len(s), 'label': label})
            elif typ == 'prot':
                prot.append({'start': pos, 'end': pos + len(s), 'kind': label})
            text_parts.append(s)
            pos += len(s)
        text = ''.join(text_parts)
        return text, phi, prot


def P(label, v):
    return '[[%s|%s]]' % (label, v)


# ---------------------------------------------------------------------------
# Surrogate value helpers
# ---------------------------------------------------------------------------
class Person:
    def __init__(self, first, last, sex, mi):
        self.first, self.last, self.sex, self.mi = first, last, sex, mi

    def initial_last(self):
        for ch in self.last:
            if ch.isupper():
                return ch
        return self.last[0].upper()


def pick_origin(r):
    return r.choices(ORIGINS, weights=[ORIGIN_W[o] for o in ORIGINS])[0]


def pick_surname(r, origin):
    if origin == 'invented':
        s = invented_surname(r)
    else:
        s = r.choice(NAMES[origin]['s'])
        if origin == 'hispanic' and r.random() < 0.35:
            s2 = r.choice(NAMES['hispanic']['s'])
            if s2 != s:
                s = s + ' ' + s2
    if r.random() < 0.05:
        s = r.choice(NAMES['word']['s'])
    if ' ' not in s and r.random() < 0.06:
        o2 = pick_origin(r)
        s2 = invented_surname(r) if o2 == 'invented' else r.choice(NAMES[o2]['s'])
        if ' ' not in s2 and s2 != s:
            s = s + '-' + s2[0].upper() + s2[1:]
    return s


def make_person(r, sex=None, origin=None, last=None):
    sex = sex or r.choice('MF')
    origin = origin or pick_origin(r)
    if origin == 'invented':
        first = invented_given(r)
    else:
        first = r.choice(NAMES[origin]['f' if sex == 'F' else 'm'])
    if last is None:
        last = pick_surname(r, origin)
    p = Person(first, last, sex, r.choice('ABCDEFGHJKLMNPRSTVW'))
    p.origin = origin
    return p


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = 'th'
    else:
        suf = {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return '%d%s' % (n, suf)


def fmt_date(r, d, style=None):
    styles = ['mdY', 'mdY', 'mdY_nz', 'mdy', 'mdy_dash', 'iso', 'dmY_dot', 'long', 'dMonY', 'MonDth',
              'wk_long', 'dMonY_dash', 'mdY_dash', 'Mon_d_Y']
    style = style or r.choice(styles)
    Y, m, dd = d.year, d.month, d.day
    if style == 'mdY':
        return '%02d/%02d/%d' % (m, dd, Y)
    if style == 'mdY_nz':
        return '%d/%d/%d' % (m, dd, Y)
    if style == 'mdy':
        return '%d/%d/%02d' % (m, dd, Y % 100)
    if style == 'mdy_dash':
        return '%d-%d-%02d' % (m, dd, Y % 100)
    if style == 'iso':
        return '%d-%02d-%02d' % (Y, m, dd)
    if style == 'dmY_dot':
        return '%02d.%02d.%d' % (dd, m, Y)
    if style == 'long':
        return '%s %d, %d' % (MONTHS[m - 1], dd, Y)
    if style == 'dMonY':
        return '%d %s %d' % (dd, MON3[m - 1], Y)
    if style == 'MonDth':
        return '%s %s' % (MON3[m - 1], ordinal(dd))
    if style == 'wk_long':
        return '%s, %s %d, %d' % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd, Y)
    if style == 'dMonY_dash':
        return '%02d-%s-%d' % (dd, MON3[m - 1], Y)
    if style == 'mdY_dash':
        return '%02d-%02d-%d' % (m, dd, Y)
    if style == 'Mon_d_Y':
        return '%s %d %d' % (MON3[m - 1], dd, Y)
    if style == 'md':
        return '%d/%d' % (m, dd)
    if style == 'my':
        return r.choice(['%d/%02d' % (m, Y % 100), '%s %d' % (MONTHS[m - 1], Y), '%s-%02d' % (MON3[m - 1], Y % 100),
                         '%02d/%d' % (m, Y)])
    raise ValueError(style)


def fmt_time(r, h, mi, style=None):
    style = style or r.choice(['24', '24', 'ampm', 'ampm_l', 'mil', 'milh', '24s'])
    if style == '24':
        return '%02d:%02d' % (h, mi)
    if style == '24s':
        return '%02d:%02d:%02d' % (h, mi, r.randrange(60))
    if style in ('ampm', 'ampm_l'):
        hh = h % 12 or 12
        ap = 'AM' if h < 12 else 'PM'
        if style == 'ampm_l':
            return '%d:%02d%s' % (hh, mi, ap.lower())
        return '%d:%02d %s' % (hh, mi, ap)
    if style == 'mil':
        return '%02d%02d' % (h, mi)
    if style == 'milh':
        return '%02d%02dh' % (h, mi)
    raise ValueError(style)


def rand_phone_digits(r):
    a = r.choice([r.randrange(201, 990), 617, 508, 401, 603, 781, 413, 978, 774])
    e = r.randrange(200, 999)
    n = r.randrange(0, 10000)
    return a, e, n


def phone_markup(r, kind=None):
    """Return markup for a phone-ish number including its cue when needed."""
    a, e, n = rand_phone_digits(r)
    kind = kind or r.choice(['paren', 'paren', 'dash', 'dot', 'seven', 'plain10', 'plus1'])
    if kind == 'paren':
        return P('PHONE', '(%d) %d-%04d' % (a, e, n))
    if kind == 'dash':
        return P('PHONE', '%d-%d-%04d' % (a, e, n))
    if kind == 'dot':
        return P('PHONE', '%d.%d.%04d' % (a, e, n))
    if kind == 'seven':
        return P('PHONE', '%d-%04d' % (e, n))
    if kind == 'plain10':
        return P('PHONE', '%d%d%04d' % (a, e, n))
    if kind == 'plus1':
        return P('PHONE', '+1 %d %d %04d' % (a, e, n))
    if kind == 'ext':
        return r.choice(['x', 'ext. ', 'ext ', 'x', 'X']) + P('PHONE', r.choice(['%d-%04d' % (r.randrange(2, 9), r.randrange(10000)), str(r.randrange(1000, 99999))]))
    if kind == 'pager':
        return r.choice(['pg ', 'pager #', 'pager ', 'beeper ', 'pgr ', 'p']) + P('PHONE', r.choice([str(r.randrange(1000, 99999)), '%d-%04d' % (r.randrange(2, 9), r.randrange(10000))]))
    raise ValueError(kind)


def mrn(r):
    k = r.random()
    if k < 0.5:
        return str(r.randrange(1000000, 99999999))
    if k < 0.7:
        return '%08d' % r.randrange(10 ** 7)
    if k < 0.85:
        return r.choice('EMBH') + str(r.randrange(100000, 9999999))
    return '%03d-%02d-%02d' % (r.randrange(1000), r.randrange(100), r.randrange(100))


def acc(r):
    return r.choice(['RA', 'XR', 'CR', 'NR', 'A', '']) + str(r.randrange(10 ** 6, 10 ** 9))


def lot(r):
    L = 'ABCDEFGHJKLMNPRSTUVWXYZ'
    return r.choice([
        r.choice(L) + str(r.randrange(1000, 9999)) + r.choice(L) + r.choice(L),
        str(r.randrange(10, 99)) + r.choice(L) + str(r.randrange(10, 99)) + r.choice(L),
        r.choice(L) + r.choice(L) + r.choice(L) + str(r.randrange(10000, 99999)),
    ])


def ssn(r):
    return '%03d-%02d-%04d' % (r.randrange(100, 899), r.randrange(1, 99), r.randrange(1, 9999))


def street_addr(r):
    num = str(r.randrange(1, 2999))
    st = r.choice(STREET_BASE) + ' ' + r.choice(STREET_SUF)
    return num, st


US_TOWNS = REAL_TOWNS[:REAL_TOWNS.index('Holyoke') + 1]


def town(r, us=False):
    if us:
        return r.choice(US_TOWNS) if r.random() < 0.65 else r.choice(INVENTED_TOWNS)
    return r.choice(REAL_TOWNS) if r.random() < 0.6 else r.choice(INVENTED_TOWNS)


def zipcode(r):
    return '%05d' % r.randrange(1001, 99950) if r.random() < 0.85 else '%05d-%04d' % (r.randrange(1001, 99950), r.randrange(10000))


def hospital_name(r):
    k = r.random()
    if k < 0.15:
        s = r.choice(SAINTS)
        return r.choice(["St. %s's" % s, "St. %s's Hospital" % s, "Saint %s Medical Center" % s, "St. %s's Regional" % s, "Our Lady of %s" % r.choice(['Mercy', 'Lourdes', 'Fatima', 'Grace'])])
    if k < 0.3:
        return r.choice(FAC_ROOTS)  # no facility word
    root = r.choice(FAC_ROOTS) if r.random() < 0.7 else town(r)
    return root + ' ' + r.choice(HOSP_TYPES)


def clinic_name(r):
    root = r.choice(FAC_ROOTS + [town(r), r.choice(NAMES['english']['s']) + ' & ' + r.choice(NAMES['irish_scot']['s'])])
    return root + ' ' + r.choice(CLINIC_TYPES)


def ltc_name(r):
    return r.choice(FAC_ROOTS) + ' ' + r.choice(LTC_TYPES)


def school_name(r):
    base = r.choice([r.choice(NAMES['english']['s'] + NAMES['word']['s']), r.choice(STREET_BASE), r.choice(INVENTED_TOWNS),
                     'Frederick Douglass', 'Cesar Chavez', 'Harriet Tubman', 'John F. Kennedy', 'Roberto Clemente', 'Amelia Earhart'])
    return base + ' ' + r.choice(SCHOOL_TYPES)


def daycare_name(r):
    return r.choice(DAYCARE_PREFIX) + ' ' + r.choice(DAYCARE_TYPES)


def ward_name(r):
    return r.choice([r.choice(NAMES['english']['s'] + NAMES['irish_scot']['s'][:8]) + ' ' + str(r.randrange(2, 14)),
                     r.choice(["Phillips House", "Lindgren Pavilion", "Farnsworth Wing", "Cabot 3", "Bigelow 11", "Ellison 11", "Whitcombe 4", "Blake 7"])])


def email_for(r, p):
    f, l = re.sub(r"[^a-z]", "", p.first.lower()), re.sub(r"[^a-z]", "", p.last.lower())
    user = r.choice([f + '.' + l, f + l[:1] + str(r.randrange(1, 99)), f[:1] + l, f + '_' + str(r.randrange(1980, 2010)), l + f[:1] + str(r.randrange(10))])
    return user + '@' + r.choice(EMAIL_DOMAINS)


def handle_for(r, p):
    f = re.sub(r"[^a-z]", "", p.first.lower())
    return r.choice(['@', '']) + f + r.choice(['_mama', 'xo', '_', '.', '']) + str(r.randrange(1, 999))


def ip_addr(r):
    return '%d.%d.%d.%d' % (r.randrange(11, 223), r.randrange(256), r.randrange(256), r.randrange(1, 255))


# ---------------------------------------------------------------------------
# Per-document context (a cast of people, places and dates)
# ---------------------------------------------------------------------------
class Ctx:
    def __init__(self, r):
        self.r = r
        self.today = dt.date(2007, 1, 1) + dt.timedelta(days=r.randrange(18 * 365))
        fam = pick_origin(r)
        self.fam_origin = fam
        self.dad = make_person(r, 'M', fam)
        mo = fam if r.random() < 0.7 else pick_origin(r)
        self.mom = make_person(r, 'F', mo)
        k = r.random()
        if k < 0.4:
            self.mom.last = self.dad.last
            famlast = self.dad.last
        elif k < 0.7:
            famlast = self.dad.last
        elif k < 0.88:
            famlast = self.mom.last
        else:
            a, b = self.mom.last.split(' ')[0], self.dad.last.split(' ')[0]
            famlast = a + '-' + b if a != b and '-' not in a + b else self.dad.last
        self.famlast = famlast
        self.sex = r.choice('MF')
        self.kid = make_person(r, self.sex, fam, last=famlast)
        self.sib = make_person(r, None, fam, last=famlast)
        self.mgm = make_person(r, 'F', mo)
        self.ggm = make_person(r, r.choice('FFM'), mo, last=self.mgm.last if r.random() < 0.5 else None)
        self.foster = make_person(r, 'F')
        self.foster2 = make_person(r, 'M', last=self.foster.last)
        self.dcf = make_person(r)
        self.teacher = make_person(r, r.choice('FFFM'))
        st = lambda: make_person(r)
        self.att, self.res, self.res2, self.rn, self.rn2, self.rt, self.sw = st(), st(), st(), st(), st(), st(), st()
        self.lc, self.rad, self.tech, self.ob, self.cnm, self.np, self.pcp, self.pa = st(), st(), st(), st(), make_person(r, 'F'), st(), st(), st()
        self.hosp = hospital_name(r)
        self.birth_hosp = hospital_name(r)
        while self.birth_hosp == self.hosp:
            self.birth_hosp = hospital_name(r)
        self.clinic = clinic_name(r)
        self.ob_clinic = clinic_name(r)
        self.imaging = r.choice(FAC_ROOTS) + ' ' + r.choice(['Imaging', 'Radiology', 'Diagnostic Imaging', 'Open MRI']) if r.random() < 0.7 else r.choice(FAC_ROOTS)
        self.ltc = ltc_name(r)
        self.school = school_name(r)
        self.daycare = daycare_name(r)
        self.agency = r.choice(AGENCY)
        self.employer = r.choice(EMPLOYERS)
        self.church = r.choice(CHURCHES)
        self.unit = ward_name(r)
        self.town = town(r, us=True)
        self.town2 = town(r)
        self.state = r.choice(STATES_ABBR)
        self.zip = zipcode(r)
        self.country = r.choice(COUNTRIES)
        self.county = r.choice(COUNTIES)
        self.hood = r.choice(NEIGHBOURHOODS)
        self.mom_age = r.randrange(15, 45)
        self.dad_age = self.mom_age + r.randrange(-3, 12)
        self.grav = r.randrange(1, 3 if self.mom_age < 20 else 7)
        self.para = r.randrange(0, self.grav)
        self.ga_w = r.choice([r.randrange(23, 42), r.randrange(34, 42), r.randrange(36, 42)])
        self.ga_d = r.randrange(7)
        self.mult = r.choices([1, 2, 3], weights=[78, 18, 4])[0]
        self.mrn = mrn(r)
        self.mom_mrn = mrn(r)

    # -- rendering helpers returning markup --
    def N(self, p, form=None, lower=False):
        r = self.r
        form = form or r.choice(['full', 'full', 'first', 'last', 'fml', 'LF', 'FL'])
        f, l = p.first, p.last
        if lower:
            f, l = f.lower(), l.lower()
        if form == 'full':
            return P('NAME', f + ' ' + l)
        if form == 'fml':
            return P('NAME', '%s %s. %s' % (f, p.mi, l))
        if form == 'first':
            return P('NAME', f)
        if form == 'last':
            return P('NAME', l)
        if form == 'LF':
            return P('NAME', l) + ', ' + P('NAME', f)
        if form == 'LFM':
            return P('NAME', l) + ', ' + P('NAME', f + ' ' + p.mi)
        if form == 'FL':
            return P('NAME', '%s. %s' % (f[0], l))
        if form == 'init':
            return P('NAME', r.choice(['%s.%s.' % (f[0], p.initial_last()), '%s%s' % (f[0], p.initial_last()),
                                       '%s%s%s' % (f[0], p.mi, p.initial_last())]))
        if form == 'dr':
            return r.choice(['Dr. ', 'Dr. ', 'Dr ', 'Dr.', 'DR. ']) + P('NAME', l if r.random() < 0.8 else f + ' ' + l)
        raise ValueError(form)

    def staff(self, p, role=None):
        """Staff reference with role cue in many forms."""
        r = self.r
        role = role or 'MD'
        forms = {
            'MD': ['Dr. {L}', 'Dr.{L}', 'Dr {L}', 'dr {l}', '{F} {L}, MD', '{F} {M}. {L}, MD', 'Dr. {F} {L}', '{L}'],
            'RN': ['RN {L}', '{F} {L}, RN', 'Nurse {L}', '{F}, RN', '{F} {L} RN', 'rn {l}', '{FI}. {L}, RN'],
            'RT': ['RT {L}', '{F} {L}, RRT', 'RT {F}', 'rt {l}'],
            'SW': ['SW {L}', '{F} {L}, LICSW', '{F} {L}, MSW', 'social worker {F} {L}'],
            'LC': ['lactation ({F} {L}, IBCLC)', 'IBCLC {L}', 'LC {F}'],
            'NP': ['NNP {L}', '{F} {L}, NNP-BC', '{F} {L}, NP', 'NP {L}', 'PA {L}', '{F} {L}, PA-C'],
            'CNM': ['{F} {L}, CNM', 'CNM {L}', 'midwife {F} {L}'],
        }
        tmpl = r.choice(forms[role])
        out = tmpl
        # Replace placeholders with markup, keep cue words plain.
        subs = {'{F} {M}. {L}': P('NAME', '%s %s. %s' % (p.first, p.mi, p.last)),
                '{F} {L}': P('NAME', p.first + ' ' + p.last),
                '{FI}. {L}': P('NAME', p.first[0] + '. ' + p.last),
                '{L}': P('NAME', p.last), '{l}': P('NAME', p.last.lower()), '{F}': P('NAME', p.first)}
        for k in sorted(subs, key=len, reverse=True):
            out = out.replace(k, subs[k])
        return out

    def D(self, d, style=None):
        return P('DATE', fmt_date(self.r, d, style))

    def T(self, h=None, m=None, style=None):
        r = self.r
        h = r.randrange(24) if h is None else h
        m = r.randrange(60) if m is None else m
        if style is None and h == 12 and m == 0 and r.random() < 0.5:
            return r.choice(['at ', '@ ']) + P('TIME', 'noon')
        return P('TIME', fmt_time(r, h, m, style))

    def PH(self, kind=None):
        return phone_markup(self.r, kind)

    def ago(self, days):
        return self.today - dt.timedelta(days=days)

    def maybe(self, p):
        return self.r.random() < p

    def c(self, seq):
        return self.r.choice(seq)

    def old_age(self):
        """A relative aged 90+ (AGE PHI) in many surface forms."""
        r = self.r
        a = r.randrange(90, 102)
        g = self.ggm
        rel = r.choice(['great-grandmother', 'great-grandma', 'MGGM', 'PGGM', 'great-gran']) if g.sex == 'F' else r.choice(['great-grandfather', 'great-grandpa', 'MGGF', 'PGGF'])
        pro = 'her' if g.sex == 'F' else 'his'
        w = NUMWORDS.get(a, 'ninety')
        forms = [
            '%s %s (%s y/o)' % (rel, self.N(g, 'first'), P('AGE', str(a))),
            '%s, who is %s' % (rel, P('AGE', w)),
            '%s (a %s year old)' % (rel, P('AGE', w.replace('-', ' '))),
            '%syo %s' % (P('AGE', str(a)), rel),
            '%s, %s%s' % (rel, P('AGE', str(a)), g.sex),
            '%s, in %s %s' % (rel, pro, P('AGE', '90s')),
            '%s y/o %s' % (P('AGE', str(a)), rel),
            '%s %s, age %s' % (rel, self.N(g, 'full'), P('AGE', str(a))),
            '%s-year-old %s' % (P('AGE', w), rel),
        ]
        return r.choice(forms)

    def holiday(self):
        r = self.r
        y = self.today.year - r.randrange(0, 3)
        return P('DATE', r.choice(['Christmas %d' % y, 'Thanksgiving %d' % y, 'Easter %d' % y, 'July 4th, %d' % y, "New Year's Eve %d" % y,
                                   'Halloween %d' % y, 'Memorial Day %d' % y, 'Christmas Eve %d' % y, 'Labor Day weekend %d' % y]))

    def opt(self):
        if not hasattr(self, '_keep'):
            self._keep = self.r.uniform(0.2, 0.95)
        return self.r.random() < self._keep

    def young_rel(self):
        r = self.r
        return r.choice(['MGM (in her %d0s)' % r.randrange(4, 8), 'grandfather, %d' % r.randrange(45, 89), 'great-grandmother, %d y/o' % r.randrange(68, 89),
                         'grandma, age %d' % r.randrange(38, 80), 'PGF in his %d0s' % r.randrange(5, 9)])

    def addr_lines(self, sep='\n'):
        r = self.r
        num, st = street_addr(r)
        s = P('LOC', num) + ' ' + P('LOC', st)
        if self.maybe(0.3):
            s += r.choice([', Apt ', ' Apt. ', ' #', ', Unit ']) + P('LOC', str(r.randrange(1, 40)) + r.choice(['', '', 'A', 'B', 'R']))
        s += sep + P('LOC', self.town) + ', ' + P('LOC', self.state) + ' ' + P('LOC', self.zip)
        return s

    def kid_dob(self, years=None, months=None):
        r = self.r
        if years is not None:
            return self.today - dt.timedelta(days=int(years * 365.25) + r.randrange(0, 300))
        return self.today - dt.timedelta(days=int((months or 1) * 30.4) + r.randrange(0, 20))

    def baby_header_name(self, idx=0):
        """Newborn name as it appears on wristbands / headers."""
        r = self.r
        sexw = 'Girl' if self.sex == 'F' else 'Boy'
        L = self.famlast
        tw = ''
        if self.mult > 1:
            tw = ' ' + 'ABC'[idx]
        forms = [
            'Baby %s%s %s' % (sexw, tw, P('NAME', L)),
            '%s, Baby %s%s' % (P('NAME', L), sexw, tw),
            '%s, %s%s' % (P('NAME', L), 'BG' if sexw == 'Girl' else 'BB', tw),
            '%s, %s' % (P('NAME', L), 'Twin' + tw if tw else 'Baby ' + sexw),
            '%s Baby%s' % (P('NAME', L), tw),
        ]
        if self.mult == 1 and self.maybe(0.35):
            forms.append(self.N(self.kid, 'LF'))
            forms.append(self.N(self.kid, 'full'))
        return r.choice(forms)

    def ga(self, plain_p=0.3):
        w, d = self.ga_w, self.ga_d
        s = self.c(['%d %d/7 weeks' % (w, d), '%d+%d weeks' % (w, d), '%dw%dd' % (w, d), '%d %d/7 wks' % (w, d)])
        if self.maybe(plain_p):
            return s
        return P('ms', s)

    def bw(self):
        g = self.bw_g()
        return P('ms', self.c(['%d g' % g, '%d grams' % g, '%.2f kg' % (g / 1000.0), '%d gm' % g]))

    def bw_g(self):
        if not hasattr(self, '_bw'):
            base = {23: 580, 24: 650, 25: 760, 26: 880, 27: 1000, 28: 1150, 29: 1300, 30: 1450, 31: 1620, 32: 1800,
                    33: 2000, 34: 2250, 35: 2500, 36: 2700, 37: 2950, 38: 3150, 39: 3350, 40: 3450, 41: 3550}
            self._bw = int(base.get(self.ga_w, 3300) * self.r.uniform(0.75, 1.25) * (0.88 if self.mult > 1 else 1))
        return self._bw

    def apgar(self):
        r = self.r
        a1 = r.randrange(1, 10) if self.ga_w < 32 else r.randrange(5, 10)
        a5 = min(10, a1 + r.randrange(0, 4))
        return r.choice(['[[ep|Apgars]] [[fr|%d/%d]]' % (a1, a5), '[[ep|APGAR]] scores [[fr|%d]] and [[fr|%d]] at 1 and 5 minutes' % (a1, a5),
                         '[[ep|Apgars]] [[fr|%d]], [[fr|%d]]' % (a1, a5), '[[ep|Apgar]] [[fr|%d/%d]]' % (a1, a5)])

    def neo_vitals(self):
        r = self.r
        t = round(r.uniform(36.3, 37.6), 1)
        return r.choice([
            '[[vt|T %.1f]] [[vt|HR %d]] [[vt|RR %d]] [[vt|BP %d/%d]] [[vt|SpO2 %d%%]]' % (t, r.randrange(120, 175), r.randrange(30, 70), r.randrange(45, 80), r.randrange(25, 50), r.randrange(88, 100)),
            'Temp [[vt|%.1f C]], [[vt|HR %d-%d]], [[vt|RR %d-%d]], [[vt|MAP %d]], sats [[vt|%d-%d%%]]' % (t, r.randrange(120, 145), r.randrange(150, 180), r.randrange(30, 45), r.randrange(46, 70), r.randrange(30, 50), r.randrange(88, 93), r.randrange(94, 100)),
            'VS: [[vt|T %.1f]], [[vt|P %d]], [[vt|R %d]], [[vt|BP %d/%d (%d)]], [[vt|O2 sat %d%% on RA]]' % (t, r.randrange(120, 175), r.randrange(30, 70), r.randrange(50, 80), r.randrange(25, 50), r.randrange(35, 55), r.randrange(93, 100)),
        ])

    def resp_support(self):
        r = self.r
        return r.choice([
            '[[st|CPAP +%d]] [[st|FiO2 %d%%]]' % (r.randrange(5, 8), r.randrange(21, 45)),
            '[[st|SIMV %d/%d]] x [[st|rate %d]], [[st|FiO2 %d%%]]' % (r.randrange(16, 26), r.randrange(5, 7), r.randrange(20, 50), r.randrange(21, 60)),
            'HFOV [[st|MAP %d]], [[st|amplitude %d]], [[st|10 Hz]], [[st|FiO2 %d%%]]' % (r.randrange(9, 16), r.randrange(18, 35), r.randrange(25, 70)),
            '[[st|NIPPV %d/%d]] [[st|rate %d]] [[st|FiO2 0.%d]]' % (r.randrange(16, 24), r.randrange(5, 7), r.randrange(20, 40), r.randrange(21, 40)),
            'HFNC [[st|%d L]] [[st|FiO2 %d%%]]' % (r.randrange(1, 6), r.randrange(21, 35)),
            'room air',
            '[[dv|RAM cannula]] [[st|CPAP 6]], [[st|FiO2 25%]]',
            'AC [[st|%d/%d/%d/0.%d]]' % (r.randrange(20, 40), r.randrange(10, 25), r.randrange(5, 7), r.randrange(30, 40)),
            '[[st|PEEP %d]], [[st|PIP %d]], [[st|iNO 20 ppm]], [[st|FiO2 %d%%]]' % (r.randrange(5, 8), r.randrange(16, 26), r.randrange(40, 100)),
        ])

    def labs_neo(self):
        r = self.r
        items = ['[[vt|Na %d]]' % r.randrange(128, 148), '[[vt|K %.1f]]' % r.uniform(3.5, 6.5), '[[vt|glucose %d]]' % r.randrange(40, 120),
                 '[[vt|Hct %d]]' % r.randrange(35, 60), '[[vt|WBC %.1f]]' % r.uniform(5, 25), '[[vt|Plt %d]]' % r.randrange(90, 400),
                 '[[vt|CRP %.1f]]' % r.uniform(0.1, 4), '[[vt|T bili %.1f]]' % r.uniform(3, 16), '[[vt|pH 7.%02d]]' % r.randrange(15, 45),
                 '[[vt|pCO2 %d]]' % r.randrange(35, 70), '[[vt|iCa %.2f]]' % r.uniform(1.0, 1.4)]
        r.shuffle(items)
        return ', '.join(items[:r.randrange(3, 7)])


# ---------------------------------------------------------------------------
# Document templates. Each returns a markup string.
# ---------------------------------------------------------------------------
def cap(s):
    return s[:1].upper() + s[1:]


def social_extra(c):
    r = c.r
    k = r.random()
    mom = c.N(c.mom, 'first')
    if k < 0.3:
        return r.choice(['Household includes %s.' % c.old_age(), '%s helps with childcare.' % cap(c.old_age()),
                         'Lives with mom and %s.' % c.old_age(), 'Mom is also caregiver for %s.' % c.old_age()])
    if k < 0.5:
        return r.choice(['%s helps with childcare.' % cap(c.young_rel()), 'Household: mom, %s, and 2 sibs.' % c.young_rel()])
    if k < 0.68:
        return r.choice(['Mom (%s) prefers email: %s.' % (mom, P('CONTACT', email_for(r, c.mom))),
                         "Mother's instagram %s reviewed by SW with consent." % P('CONTACT', handle_for(r, c.mom)),
                         'Family portal username %s.' % P('CONTACT', handle_for(r, c.mom).lstrip('@')),
                         'FOB reachable on WhatsApp %s.' % c.PH('plus1'),
                         'Photos shared via %s.' % P('CONTACT', 'www.' + r.choice(['caringbridge.org/visit/', 'gofundme.com/f/']) + re.sub(r'[^a-z]', '', c.kid.first.lower()) + r.choice(['-nicu-journey', 'strong', '', '-fund']))])
    if k < 0.84:
        return r.choice(['Family traveled to %s over %s.' % (P('LOC', c.country), c.holiday()),
                         'Last seen by PCP around %s.' % c.holiday(),
                         'Symptoms started after %s.' % c.holiday(),
                         'Sibling born at %s on %s.' % (P('HOSP', c.birth_hosp), c.holiday())])
    yy = c.today.year - r.randrange(2, 30)
    return r.choice(["Mom with seizure disorder since '%02d." % (yy % 100) if False else "Mom with seizure disorder since " + P('DATE', "'%02d" % (yy % 100)) + '.',
                     'Parents moved from %s in %s.' % (P('LOC', c.town2), P('DATE', str(yy))),
                     'Older sib had NICU stay (%s) at %s.' % (P('DATE', str(yy)), P('HOSP', c.birth_hosp)),
                     'MGM came from %s in %s.' % (P('LOC', c.country), c.D(dt.date(yy, r.randrange(1, 13), 1), 'my'))])


def sig_block(c, p, role='MD', when=None):
    r = c.r
    if when is None:
        when = c.opt()
    cred = {'MD': r.choice(['MD', 'M.D.', 'DO']), 'RN': r.choice(['RN', 'RN, BSN']), 'NP': r.choice(['NNP-BC', 'CPNP', 'NP']),
            'CNM': 'CNM', 'SW': r.choice(['LICSW', 'MSW, LCSW'])}.get(role, 'MD')
    k = r.random()
    t = ''
    if k < 0.35:
        t = 'Electronically signed by: %s, %s' % (c.N(p, r.choice(['full', 'fml'])), cred)
    elif k < 0.55:
        t = '%s, %s' % (c.N(p, 'fml'), cred)
    elif k < 0.7:
        t = '-- %s' % c.N(p, 'init')
    elif k < 0.85:
        t = 'Signed: %s %s' % (c.N(p, 'LFM'), cred)
    else:
        t = '%s %s %s' % (cred, c.N(p, 'full'), c.PH('pager'))
    if when:
        t += ' ' + c.D(c.today, r.choice(['mdY', 'mdy', 'iso', 'mdY_nz'])) + ' ' + c.T()
    return t


def t_nicu_admit(c):
    r = c.r
    bdate = c.today - dt.timedelta(days=r.choice([0, 0, 1]))
    h, m = r.randrange(24), r.randrange(60)
    L = []
    L.append(c.c(['NICU ADMISSION NOTE', 'Neonatal Intensive Care Unit - Admission History & Physical', 'NICU Admit H&P']))
    L.append('Patient: %s   MRN: [[ID|%s]]' % (c.baby_header_name(), c.mrn))
    L.append('DOB: %s  Time of birth: %s' % (c.D(bdate, c.c(['mdY', 'mdY_nz', 'iso', 'long'])), c.T(h, m)))
    if c.maybe(0.6):
        L.append("Mother: %s  Mother's MRN: [[ID|%s]]" % (c.N(c.mom, c.c(['LF', 'full', 'LFM'])), c.mom_mrn))
    if c.opt():
        L.append('Location: %s, %s' % (P('LOC', c.unit), c.c(['bed 14', 'pod C', 'room 3', 'bay 2'])))
    if c.opt():
        L.append('Attending: %s' % c.staff(c.att, 'MD'))
    L.append('')
    mult = '' if c.mult == 1 else c.c([' twin A', ' Baby B of twins', ' triplet C', ' twin B']) if c.mult == 2 else ' Triplet %s' % c.c('ABC')
    L.append('HPI: %s%s %s born at %s via %s to a %d yo G%dP%d mother%s. ' % (
        c.ga(), mult, 'female' if c.sex == 'F' else 'male', P('HOSP', c.hosp) if c.maybe(0.5) else 'this hospital',
        c.c(['SVD', 'primary C-section', 'repeat CS', 'urgent C/S for NRFHT', 'vacuum-assisted delivery']), c.mom_age, c.grav, c.para,
        (' (' + c.N(c.mom, 'first') + ')') if c.maybe(0.4) else ''))
    L[-1] += 'Pregnancy complicated by %s. ' % c.c(['preterm labor', 'preeclampsia with severe features', 'PPROM at %s' % P('ms', '%d weeks' % max(20, c.ga_w - 1)), 'GDM on [[dr|insulin]]', 'chorioamnionitis', 'IUGR with absent EDF', 'limited prenatal care'])
    L.append(('Mother received [[dr|betamethasone]] x2 (last dose %s at %s) and [[dr|magnesium sulfate]]. ROM %s hrs prior to delivery, fluid clear. GBS %s, received [[dr|penicillin G]] x %d doses.' % (
        c.D(bdate - dt.timedelta(days=r.randrange(1, 4)), c.c(['md', 'mdy', 'MonDth'])), c.T(), r.randrange(0, 40), c.c(['positive', 'negative', 'unknown']), r.randrange(1, 4))) if c.opt() else 'Mother received [[dr|betamethasone]] x2 and [[dr|magnesium sulfate]].')
    L.append('Maternal labs: O+/antibody neg, HBsAg neg, HIV neg, RPR NR, rubella immune.')
    L.append('Delivery room: %s. %s, birth weight %s (%dth %%ile).' % (
        c.c(['dried, stimulated, required PPV x 30 sec then CPAP', 'intubated with 3.0 [[dv|ETT]] for apnea and given [[dr|Curosurf]] [[ms|2.5 mL/kg]]', 'vigorous, delayed cord clamping x [[ms|60 sec]]', 'placed in plastic wrap on [[dv|radiant warmer]]']),
        c.apgar(), c.bw(), r.randrange(3, 90)))
    L.append('')
    L.append('EXAM: ' + c.neo_vitals())
    L.append('Gen: %s infant in %s, %s.' % ('preterm' if c.ga_w < 37 else 'term',c.c(['[[dv|isolette]]', 'giraffe bed', '[[dv|radiant warmer]]']), c.c(['NAD', 'mild retractions', 'grunting'])))
    L.append('HEENT: AFOF, sutures approximated, palate intact%s. Resp: %s. CV: RRR, %s. Abd: soft, 3-vessel cord. Neuro: %s reflex %s, tone appropriate for GA.' % (
        c.c(['', ', [[ep|Epstein pearls]]']), c.c(['CTAB', 'coarse BS bilaterally, subcostal retractions']),
        c.c(['no murmur', '[[fr|2/6]] systolic murmur LUSB']), '[[ep|Moro]]', c.c(['incomplete', 'symmetric', 'present'])))
    L.append('')
    L.append('ASSESSMENT/PLAN:')
    L.append('- Resp: RDS. On %s. CXR pending. [[dr|caffeine citrate]] [[ms|20 mg/kg]] load then [[ms|5 mg/kg]] daily.' % c.resp_support())
    L.append('- FEN: NPO, TPN/[[dr|Intralipid]] via [[dv|UVC]], TF [[ms|80 mL/kg/day]]. Glucose checks q3h.')
    L.append('- ID: sepsis risk, CBC/BCx sent. [[dr|ampicillin]] [[ms|100 mg/kg]] q12h and [[dr|gentamicin]] [[ms|4 mg/kg]] q24h x 48h r/o.')
    L.append('- Lines: [[dv|UVC]] double lumen, [[dv|UAC]]; confirm placement on babygram.')
    soc = '- Social: '
    bits = []
    bits.append('%s updated at bedside by %s' % (c.c(['Parents', 'Mom', 'FOB', 'Father %s' % c.N(c.dad, 'first')]), c.staff(c.att, 'MD')))
    if c.maybe(0.4):
        bits.append('mother lives in %s, %s and works at %s' % (P('LOC', c.town), P('LOC', c.state), P('ORG', c.employer)))
    if c.maybe(0.4):
        bits.append('best contact %s %s' % (c.c(["mom's cell", 'FOB cell', 'home']), c.PH()))
    if c.maybe(0.25):
        bits.append('mother transferred from %s' % P('HOSP', c.birth_hosp))
    if c.maybe(0.2):
        bits.append('family recently arrived from %s' % P('LOC', c.country))
    L.append(soc + '; '.join(bits) + '.' + (' ' + social_extra(c) if c.maybe(0.4) else ''))
    L.append('')
    L.append(sig_block(c, c.res, 'MD'))
    if c.maybe(0.5) and c.opt():
        L.append('Attending attestation: I saw and examined the infant with %s and agree with the plan. %s' % (c.staff(c.res, 'MD'), c.staff(c.att, 'MD')))
    return '\n'.join(L)


def t_nicu_progress(c):
    r = c.r
    dol = r.randrange(1, 60)
    bdate = c.ago(dol)
    cga_w = c.ga_w + (c.ga_d + dol) // 7
    cga_d = (c.ga_d + dol) % 7
    L = []
    L.append(c.c(['NICU Progress Note', 'NEONATOLOGY DAILY PROGRESS NOTE', 'Daily Note - NICU', 'Neonatal Progress Note']) + ' ' + c.D(c.today))
    L.append('%s  %s' % (c.baby_header_name(r.randrange(c.mult)), 'MRN [[ID|%s]]' % c.mrn if c.maybe(0.7) else ''))
    L.append('DOL %d, CGA %d %d/7 wks. BW %s, today wt %s (%s %s g).' % (
        dol, cga_w, cga_d, c.bw(), P('ms', '%d g' % (c.bw_g() + dol * r.randrange(-5, 25))), c.c(['up', 'down']), r.randrange(5, 40)))
    L.append('')
    L.append('Events overnight: %s' % c.c([
        '%d A/B/D events, %d requiring stim.' % (r.randrange(0, 8), r.randrange(0, 3)),
        'none. Tolerating feeds.',
        'desat to 70s at %s with feed, resolved with blowby.' % c.T(),
        'temp instability overnight, weaned out of [[dv|isolette]] at %s.' % c.T()]))
    L.append('Resp: %s. [[dr|caffeine citrate]] [[ms|%d mg/kg/day]].' % (c.resp_support(), r.choice([5, 8, 10])))
    L.append('CV: %s. %s' % (c.neo_vitals(), c.c(['Echo from the %s showed small PDA.' % P('DATE', ordinal(bdate.day + 2 if bdate.day < 26 else 3)),
                                                  'No murmur.', 'PDA s/p [[dr|ibuprofen lysine]] course.'])))
    L.append('FEN: TF [[ms|%d mL/kg/d]], EBM/DHM fortified to [[ms|24 kcal/oz]] via [[dv|OGT]], %s. %s' % (
        r.randrange(120, 170), c.c(['q3h over 30 min', 'continuous', 'bolus q3h']),
        c.c(['Mom pumping ~[[ms|%d mL]] per session.' % r.randrange(5, 120), 'Started [[dr|Poly-Vi-Sol]] and [[dr|ferrous sulfate]] [[ms|2 mg/kg]].', ''])))
    L.append('Labs: ' + c.labs_neo())
    L.append('Heme/bili: %s' % c.c(['under [[dv|phototherapy lights]], bili %s, rebound tomorrow.' % P('vt', '%.1f' % r.uniform(5, 14)),
                                    's/p PRBC transfusion [[ms|15 mL/kg]] on %s.' % c.D(c.ago(r.randrange(1, 6)), c.c(['md', 'MonDth'])), 'stable.']))
    L.append('Neuro: HUS %s %s' % (c.c(['on DOL 7', 'from %s' % c.D(c.ago(r.randrange(2, 20)), 'md'), 'on the %s' % P('DATE', ordinal(r.randrange(1, 29)))]),
                                   c.c(['normal.', 'with grade I IVH on left.', 'no IVH/PVL.'])))
    L.append('Access: %s' % c.c(['[[dv|PICC]] RUE, tip at T4 on film.', '[[dv|UVC]] tip T9, day %d.' % r.randrange(1, 10), 'PIV only.', 'none.']))
    soc = 'Social: '
    who = c.c(['Mom %s' % c.N(c.mom, 'first'), 'Parents', 'FOB %s' % c.N(c.dad, 'first'), 'MGM %s' % c.N(c.mgm, 'full'), 'mother']) 
    soc += '%s %s %s.' % (who, c.c(['visited and did skin-to-skin at', 'called for update at', 'at bedside for rounds at']), c.T())
    if c.maybe(0.3):
        soc += ' d/w %s re: discharge planning.' % c.staff(c.sw, 'SW')
    if c.maybe(0.2):
        soc += ' Family meeting set for %s at %s.' % (c.D(c.today + dt.timedelta(days=r.randrange(1, 6)), c.c(['md', 'wk_long', 'long'])), c.T(r.randrange(9, 17), r.choice([0, 30])))
    if c.maybe(0.35):
        soc += ' ' + social_extra(c)
    L.append(soc)
    L.append('')
    L.append(sig_block(c, c.c([c.np, c.res, c.att]), c.c(['MD', 'NP'])))
    return '\n'.join(L)


def t_nicu_nursing(c):
    r = c.r
    dol = r.randrange(1, 40)
    L = []
    L.append(c.c(['nsg note', 'NICU RN note', 'Nursing Progress Note', 'rn shift note']) + ' ' + c.D(c.today, c.c(['md', 'mdy', 'mdY'])) + ' ' + c.c([P('TIME', '0700') + '-' + P('TIME', '1900'), P('TIME', '1900') + '-' + P('TIME', '0700'), P('TIME', '7a') + '-' + P('TIME', '7p'), 'days', 'nights']))
    L.append('pt: %s dol %d' % (c.baby_header_name(r.randrange(c.mult)), dol))
    s = []
    s.append('infant in %s, temp stable, %s. ' % (c.c(['[[dv|isolette]] on servo', 'open crib', '[[dv|radiant warmer]]']), c.neo_vitals()))
    s.append('resp: on %s, %d brady events this shift, %s. ' % (c.resp_support(), r.randrange(0, 5), c.c(['self resolved', 'needed gentle stim', 'none w desat'])))
    s.append('feeds: [[ms|%d mL]] EBM q3h %s, %s. voiding/stooling. ' % (r.randrange(3, 60), c.c(['via [[dv|OGT]] over 30 min', 'PO/gavage', 'nippled x2 w cues']), c.c(['no spits', 'one small spit', 'abd soft, girth [[ms|24 cm]]'])))
    if c.maybe(0.5):
        s.append('meds given per MAR incl [[dr|%s]]. ' % c.c(['caffeine citrate', 'ferrous sulfate', 'Poly-Vi-Sol', 'ampicillin', 'gentamicin', 'vitamin D']))
    fam = []
    mf = c.N(c.mom, 'first')
    fam.append('%s in at %s, %s' % (c.c(['mom ' + mf, 'mother ' + mf, 'mom', 'MOB ' + mf, 'parents']), c.T(), c.c(['did kangaroo care x 1 hr', 'changed diaper & took temp', 'pumping at bedside, teaching done re: milk storage', 'updated by this rn'])))
    if c.maybe(0.4):
        fam.append('dad %s called at %s for update, call back %s' % (c.N(c.dad, 'first'), c.T(), c.PH(c.c(['paren', 'seven', 'dash']))))
    if c.maybe(0.3):
        fam.append('%s visited w/ sibling %s (%d yo)' % (c.c(['MGM', 'grandma', 'paternal grandmother']), c.N(c.sib, 'first'), r.randrange(2, 12)))
    if c.maybe(0.25):
        fam.append('per FOB, family staying at %s while baby here' % c.c(['the ' + P('LOC', 'Ronald McDonald House'), 'the ' + P('LOC', 'Hosteler House'), "his sister's in " + P('LOC', c.town2), 'an aunt\'s apartment in ' + P('LOC', c.hood)]))
    if c.maybe(0.2):
        fam.append('%s came w/ family' % c.old_age())
    if c.maybe(0.2):
        fam.append(social_extra(c).rstrip('.'))
    s.append('; '.join(fam) + '. ')
    s.append('handoff given to %s at %s.' % (c.staff(c.rn2, 'RN'), c.T(c.c([7, 19]), 0, c.c(['mil', '24', 'milh']))))
    L.append(''.join(s))
    L.append(c.c(['-- ', '']) + c.staff(c.rn, 'RN') if c.maybe(0.7) else c.N(c.rn, 'init'))
    return '\n'.join(L)


def t_nursery(c):
    r = c.r
    c.ga_w = r.randrange(35, 42)
    bdate = c.today - dt.timedelta(days=r.choice([0, 1, 1, 2]))
    hrs = r.randrange(6, 60)
    L = []
    L.append(c.c(['NEWBORN NURSERY ADMISSION NOTE', 'Well Baby Nursery - Newborn H&P', 'Newborn Exam', 'NEWBORN DISCHARGE EXAM']))
    L.append('Name: %s' % c.baby_header_name())
    L.append('DOB/Time: %s %s' % (c.D(bdate, c.c(['mdY', 'mdy', 'iso', 'long', 'dMonY'])), c.T()))
    L.append('MRN: [[ID|%s]]   Mother: %s (MRN [[ID|%s]])' % (c.mrn, c.N(c.mom, c.c(['LF', 'full'])), c.mom_mrn))
    if c.opt():
        L.append('PCP: %s, %s  Ph %s' % (c.staff(c.pcp, 'MD'), P('HOSP', c.clinic), c.PH()))
    L.append('')
    L.append('Born at %s to a %d yo G%dP%d %s mother by %s. ROM %d hrs, %s fluid. %s. BW %s (%d%%ile), length [[ms|%.1f cm]], HC [[ms|%.1f cm]].' % (
        c.ga(0.5), c.mom_age, c.grav, c.para, c.c(['O+', 'A+', 'B-', 'O-']), c.c(['NSVD', 'C/S', 'VAVD']), r.randrange(0, 30),
        c.c(['clear', 'meconium-stained']), c.apgar(), c.bw(), r.randrange(5, 95), r.uniform(45, 54), r.uniform(31, 37)))
    L.append('Prenatal: %s. Prenatal care at %s.' % (c.c(['uncomplicated', 'GDM diet-controlled', 'maternal HSV hx, no active lesions', 'late entry to care', 'A2GDM on [[dr|metformin]]']), P('HOSP', c.ob_clinic)))
    L.append('Exam at %d hrs: %s. AFOF, red reflex present bilat, palate intact. Lungs CTAB. RRR no murmur, femoral pulses 2+. Hips: [[ep|Ortolani]] and [[ep|Barlow]] negative. %s. [[ep|Moro]] symmetric, suck strong.' % (
        hrs, c.neo_vitals(), c.c(['Sacral dimple, base visible', 'Congenital dermal melanocytosis over sacrum', 'Erythema toxicum on trunk', 'Skin pink, no jaundice'])))
    L.append('Screens: hearing %s; CCHD pass ([[vt|%d%%]] RH / [[vt|%d%%]] foot); [[vt|TcB %.1f]] at %d hrs, low-intermediate risk; NBS card #[[ID|%s]] sent %s.' % (
        c.c(['pass bilat', 'refer L, repeat before d/c']), r.randrange(96, 101), r.randrange(96, 101), r.uniform(3, 12), hrs, r.randrange(10 ** 7, 10 ** 8), c.D(c.today, c.c(['md', 'mdy']))))
    L.append('Meds: [[dr|vitamin K]] [[ms|1 mg]] IM and [[dr|erythromycin ointment]] given. [[dr|Hep B]] vaccine #1 given %s, lot [[ID|%s]].' % (c.D(bdate, c.c(['md', 'mdY'])), lot(r)))
    L.append('Feeding: %s.' % c.c(['breastfeeding q2-3h, LATCH 8, seen by ' + c.staff(c.lc, 'LC'), 'formula [[ms|15-30 mL]] q3h', 'combo feeding']))
    soc = 'Social: '
    soc += c.c(['Mom (%s) and FOB (%s) at bedside.' % (c.N(c.mom, 'first'), c.N(c.dad, 'first')),
                'Lives with mother and %s in %s.' % (c.old_age(), P('LOC', c.town)),
                'Older sibling %s attends %s.' % (c.N(c.sib, 'first'), P('ORG', c.daycare)),
                'Mother emigrated from %s in %s; interpreter used.' % (P('LOC', c.country), P('DATE', str(c.today.year - r.randrange(1, 12))))])
    if c.maybe(0.4):
        soc += ' ' + social_extra(c)
    L.append(soc)
    L.append('Plan: routine newborn care, anticipate d/c %s. F/u with PCP within 48h of discharge.' % c.c(['tomorrow', 'at 48 hrs', 'on ' + c.D(c.today + dt.timedelta(days=1), c.c(['md', 'wk_long']))]))
    L.append(sig_block(c, c.c([c.res, c.pcp, c.np]), 'MD'))
    return '\n'.join(L)


def t_peds_ed(c):
    r = c.r
    age = r.randrange(1, 17)
    dob = c.kid_dob(years=age)
    he, sh = 'he' if c.sex == 'M' else 'she', 'his' if c.sex == 'M' else 'her'
    L = []
    L.append(c.c(['PEDIATRIC EMERGENCY DEPARTMENT NOTE', 'Pediatric ED Provider Note', 'Peds ED - Physician Documentation']))
    L.append('Patient: %s   DOB: %s   MRN: [[ID|%s]]' % (c.N(c.kid, c.c(['LF', 'LFM', 'full'])), c.D(dob, c.c(['mdY', 'mdY_nz', 'iso'])), c.mrn))
    if c.opt():
        L.append('Arrival: %s %s   CSN: [[ID|%d]]' % (c.D(c.today, c.c(['mdY', 'mdy'])), c.T(), r.randrange(10 ** 9, 10 ** 10)))
    cc = c.c(['fever and cough', 'barky cough', 'vomiting and diarrhea', 'wheezing', 'fall from monkey bars', 'ingestion', 'rash', 'ear pain'])
    L.append('CC: ' + cc)
    src = c.c(['mother', 'father', 'grandmother', 'foster mother', 'both parents', 'EMS (BIBA)'])
    hpi = 'HPI: %d yo %s with %s x %d days, brought in by %s' % (age, 'M' if c.sex == 'M' else 'F', cc, r.randrange(1, 6), src)
    if src == 'mother':
        hpi += ' (' + c.N(c.mom, c.c(['first', 'full'])) + ')'
    elif src == 'foster mother':
        hpi += ' ' + c.N(c.foster, 'full') + ' via ' + P('ORG', c.agency)
    hpi += '. Tmax [[vt|%.1f]] at home, gave [[dr|%s]] [[ms|%d mg]] at %s. ' % (r.uniform(38, 40.5), c.c(['ibuprofen', 'Tylenol', 'Motrin', 'acetaminophen']), r.choice([80, 120, 160, 200, 240, 325]), c.T())
    hpi += c.c(['Attends %s where several kids have been sick. ' % P('ORG', c.c([c.daycare, c.school])),
                'Recently returned from %s visiting family. ' % P('LOC', c.country),
                'Sick contacts: older sib %s with similar sx. ' % c.N(c.sib, 'first'),
                'No sick contacts. '])
    hpi += 'Decreased PO, %d wet diapers today. No rash.' % r.randrange(1, 6) if age < 3 else 'Eating less, drinking ok.'
    L.append(hpi)
    L.append('PMH: %s. Meds: %s. NKDA. Imms UTD per %s.' % (
        c.c(['ex-%d weeker, NICU stay at %s' % (r.randrange(25, 36), P('HOSP', c.birth_hosp)), 'asthma, on [[dr|Flovent]] [[ms|44 mcg]] 2 puffs BID', 'none', 'eczema', 'sickle cell disease (SS)']),
        c.c(['none', '[[dr|albuterol]] prn', '[[dr|cetirizine]] [[ms|5 mg]]', '[[dr|Miralax]] [[ms|8.5 g]] daily']), c.c(['mom', 'MIIC', 'PCP records'])))
    L.append('SH: lives with %s in %s. %s' % (
        c.c(['mom, stepdad and 2 sibs', 'parents', 'MGM ' + c.N(c.mgm, 'first'), 'foster family']), P('LOC', c.c([c.town, c.hood])),
        c.c(['Smoke exposure: dad smokes outside.', 'In %s grade at %s.' % (ordinal(max(1, age - 5)), P('ORG', c.school)) if age > 5 else 'Home with mom.', '']))
        + (' ' + social_extra(c) if c.maybe(0.4) else ''))
    L.append('Exam: %s' % c.c([
        '[[vt|T %.1f]] [[vt|HR %d]] [[vt|RR %d]] [[vt|SpO2 %d%% on RA]] [[vt|Wt %.1f kg]]' % (r.uniform(36.5, 40), r.randrange(80, 180), r.randrange(18, 60), r.randrange(88, 100), r.uniform(8, 60)),
        'VS [[vt|T 38.9]] [[vt|HR 162]] [[vt|RR 44]] [[vt|BP 98/60]] sats [[vt|94% RA]]']))
    L.append('%s. TMs %s. Lungs: %s. [[fr|GCS 15]]. Cap refill < 2 sec.' % (c.c(['NAD', 'Tired-appearing but consolable', 'Well appearing, playful']), c.c(['clear bilat', 'L TM bulging, erythematous']),
                                                                               c.c(['CTAB', 'diffuse exp wheeze, subcostal retractions', 'crackles RLL', 'stridor at rest, [[ep|Westley croup score]] [[fr|4]]'])))
    L.append('ED course: %s' % c.c(['[[dr|dexamethasone]] [[ms|0.6 mg/kg]] PO x1, [[dr|racemic epinephrine]] neb x1 at %s with improvement.' % c.T(),
                                   '[[dr|albuterol]] [[ms|5 mg]] neb x3, [[dr|prednisolone]] [[ms|2 mg/kg]]. CXR: no focal opacity.',
                                   '[[dr|ondansetron]] [[ms|0.15 mg/kg]] ODT, PO challenge passed at %s.' % c.T(),
                                   'CXR with RLL consolidation; [[dr|amoxicillin]] [[ms|90 mg/kg/day]] div BID x 7d.']))
    L.append('Dispo: home. Discussed with %s (attending). PCP %s at %s notified, %s. Return precautions reviewed with %s. School note given, may return %s.' % (
        c.staff(c.att, 'MD'), c.staff(c.pcp, 'MD'), P('HOSP', c.clinic), c.PH(c.c(['paren', 'dash', 'dot'])), c.c(['mom', 'dad', 'family', 'grandmother']),
        c.D(c.today + dt.timedelta(days=r.randrange(1, 4)), c.c(['md', 'MonDth', 'mdy']))))
    L.append(sig_block(c, c.res, 'MD'))
    return '\n'.join(L)


def t_well_child(c):
    r = c.r
    visit = c.c([('2 month', 2), ('4 month', 4), ('6 month', 6), ('9 month', 9), ('12 month', 12), ('15 month', 15), ('18 month', 18), ('2 year', 24), ('4 year', 48), ('5 year', 60)])
    dob = c.kid_dob(months=visit[1])
    L = []
    L.append('%s WELL CHILD VISIT' % visit[0].upper() if c.maybe(0.5) else 'Well Child Check - %s' % visit[0])
    L.append('%s | DOB %s | MRN [[ID|%s]] | Seen %s' % (c.N(c.kid, c.c(['LF', 'full', 'LFM'])), c.D(dob, c.c(['mdY', 'mdy', 'iso'])), c.mrn, c.D(c.today, c.c(['mdY', 'long', 'dMonY']))))
    if c.opt():
        L.append('Accompanied by: %s' % c.c(['mother ' + c.N(c.mom, 'first'), 'father ' + c.N(c.dad, 'full'), 'Mom and Dad', 'MGM (' + c.N(c.mgm, 'full') + '), legal guardian', 'foster mother ' + c.N(c.foster, 'full')]))
    L.append('')
    wt = r.uniform(4, 20)
    L.append('Growth: Wt [[ms|%.2f kg]] (%dth %%ile), Length [[ms|%.1f cm]] (%dth %%ile), HC [[ms|%.1f cm]] (%dth %%ile). Weight-for-length %dth percentile.' % (
        wt, r.randrange(2, 98), r.uniform(55, 110), r.randrange(2, 98), r.uniform(38, 50), r.randrange(2, 98), r.randrange(5, 95)))
    L.append('Diet: %s. Elimination: normal. Sleep: %s.' % (c.c(['breastfeeding on demand', 'formula [[ms|6 oz]] q4h', 'whole milk [[ms|16 oz]]/day, table foods', 'picky eater, juice 1 cup/day']), c.c(['in crib, on back', 'wakes 1-2x/night', 'sleeps through the night'])))
    ms_ = {2: 'social smile, coos', 4: 'rolls front to back, laughs', 6: 'sits without support, babbles', 9: 'pulls to stand, says mama/dada', 12: 'cruising, first words', 15: 'walks, 3-5 words', 18: 'walks well, 10-20 words', 24: 'runs, 2-word phrases', 48: 'hops, draws a cross', 60: 'skips, counts to 10'}
    L.append('Development: %s; [[ep|Denver II]] / ASQ passed in all domains. %s' % (ms_[visit[1]],
                                                                            c.c(['Attends %s 3 days/wk.' % P('ORG', c.daycare), 'Home with %s while parents work.' % c.c(['grandmother', c.old_age()]), 'Starts at %s in the fall.' % P('ORG', c.school), ''])))
    L.append('Exam: normal well child exam. AFOF. Red reflex +. Hips stable. Tanner 1. %s' % c.c(['[[fr|1/6]] vibratory murmur, [[ep|Still\'s]].', 'Mild eczema on cheeks.', 'Normal.']))
    L.append('')
    L.append('Immunizations given today:')
    vac = list(VACCINES)
    r.shuffle(vac)
    for v in vac[:r.randrange(2, 5)]:
        line = '  * [[dr|%s]] %s, lot [[ID|%s]], exp %s, %s' % (v, c.c(['IM L thigh', 'IM R thigh', 'PO', 'IM L deltoid']), lot(r),
                                                           c.D(c.today + dt.timedelta(days=r.randrange(60, 700)), 'my'), c.c(['VIS given', 'VIS %s' % c.D(c.ago(r.randrange(300, 2000)), c.c(['mdy', 'mdY'])), 'given by ' + c.staff(c.rn, 'RN')]))
        L.append(line)
    if c.maybe(0.4):
        L.append('Social: ' + social_extra(c))
    L.append('Anticipatory guidance: car seat, safe sleep, [[dr|vitamin D]] [[ms|400 IU]] daily, poison control.')
    L.append('RTC at next WCC ~%s or sooner prn. Mom\'s cell %s.' % (c.D(c.today + dt.timedelta(days=r.randrange(60, 180)), 'my'), c.PH()))
    L.append(sig_block(c, c.pcp, c.c(['MD', 'NP'])))
    return '\n'.join(L)


def t_school_form(c):
    r = c.r
    age = r.randrange(2, 15)
    dob = c.kid_dob(years=age)
    kind = r.random()
    L = []
    org = c.school if age >= 5 else c.daycare
    if kind < 0.4:
        L.append('%s - MEDICATION ADMINISTRATION AUTHORIZATION' % P('ORG', org))
        L.append('Student: %s    DOB: %s    Grade/Class: %s' % (c.N(c.kid, c.c(['full', 'LF'])), c.D(dob, c.c(['mdY', 'mdY_nz'])), c.c(['K', str(max(1, age - 5)), 'Toddler room', 'Pre-K'])))
        L.append('Teacher: %s' % c.c(['Ms. ', 'Mrs. ', 'Mr. ', '']) + c.N(c.teacher, 'last'))
        med = c.c(['[[dr|albuterol]] HFA [[ms|90 mcg]]/puff, 2 puffs via [[dv|spacer]] q4h prn wheeze', '[[dr|EpiPen]] Jr [[ms|0.15 mg]] IM for anaphylaxis (peanut allergy)',
                   '[[dr|cetirizine]] [[ms|5 mg]] PO daily', '[[dr|methylphenidate]] [[ms|10 mg]] daily at [[TIME|noon]]', '[[dr|diphenhydramine]] [[ms|12.5 mg]] PO prn hives'])
        L.append('Medication/dose/route: ' + med)
        L.append('Diagnosis: %s' % c.c(['asthma, mild persistent', 'peanut and tree nut allergy', 'ADHD, combined type', 'allergic rhinitis']))
        L.append('Start date: %s   End date: %s' % (c.D(c.today, c.c(['mdY', 'mdy'])), c.D(c.today + dt.timedelta(days=r.randrange(90, 365)), c.c(['mdY', 'mdy', 'long']))))
        L.append('Prescriber: %s   Practice: %s' % (c.staff(c.pcp, 'MD'), P('HOSP', c.clinic)))
        L.append('Office phone: %s   Fax: %s' % (c.PH(), c.PH(c.c(['paren', 'dash', 'dot']))))
        L.append('Parent/Guardian: %s   Relationship: %s' % (c.N(c.mom, 'full'), c.c(['mother', 'Mom', 'guardian'])))
        L.append('Home/cell: %s   Email: %s' % (c.PH(), P('CONTACT', email_for(r, c.mom))))
        L.append('I authorize school staff to administer the above medication. Signature: ________  Date: %s' % c.D(c.today, c.c(['mdy', 'mdY_nz'])))
        L.append('School nurse review: %s' % c.staff(c.rn, 'RN'))
    elif kind < 0.7:
        L.append(c.c(['RETURN TO SCHOOL/DAYCARE NOTE', 'School Excuse', 'Note for Child Care']))
        L.append('Date: %s' % c.D(c.today, c.c(['long', 'mdY'])))
        L.append('To whom it may concern at %s:' % P('ORG', org))
        L.append('%s (DOB %s) was seen in our office today for %s. %s may return to %s on %s. %s' % (
            c.N(c.kid, 'full'), c.D(dob, c.c(['mdY', 'mdy'])), c.c(['strep pharyngitis', 'hand-foot-mouth disease', 'conjunctivitis', 'a viral illness', 'a forearm fracture']),
            'He' if c.sex == 'M' else 'She', c.c(['school', 'daycare', 'class']), c.D(c.today + dt.timedelta(days=r.randrange(1, 4)), c.c(['md', 'wk_long', 'long', 'MonDth'])),
            c.c(['Please excuse absences from %s through %s.' % (c.D(c.ago(3), 'md'), c.D(c.today, 'md')), 'No gym for 4 weeks while in [[dv|cast]].', 'On [[dr|amoxicillin]] [[ms|500 mg]] BID, no longer contagious after 24 h of antibiotics.', ''])))
        L.append('Please contact our office with questions at %s.' % c.PH())
        L.append('Sincerely,')
        L.append(c.c(['%s, MD' % c.N(c.pcp, 'full'), 'Dr. %s' % c.N(c.pcp, 'last'), '%s, CPNP' % c.N(c.np, 'fml')]))
        L.append(P('HOSP', c.clinic) + '\n' + c.addr_lines())
    else:
        L.append(c.c(['CHILD HEALTH ASSESSMENT / SCHOOL ENTRY FORM', 'Day Care Health Form', 'Pre-Participation Sports Physical']))
        L.append('Child: %s  Sex: %s  DOB: %s' % (c.N(c.kid, 'LFM'), c.sex, c.D(dob, 'mdY')))
        L.append('Address: %s' % c.addr_lines(', '))
        L.append('Parent: %s  Phone %s' % (c.N(c.c([c.mom, c.dad]), 'full'), c.PH()))
        L.append('Facility: %s' % P('ORG', org))
        L.append('Exam date: %s  Ht [[ms|%d cm]] Wt [[ms|%.1f kg]] BMI %dth %%ile [[vt|BP %d/%d]]' % (c.D(c.today, 'mdY_nz'), r.randrange(85, 160), r.uniform(12, 50), r.randrange(5, 95), r.randrange(90, 118), r.randrange(50, 78)))
        L.append('Vision: R [[fr|20/20]] L [[fr|20/25]]. Hearing: pass. Lead: %s ([[ms|<1 mcg/dL]]) on %s. TB risk: low.' % (c.c(['normal', 'screened']), c.D(c.ago(r.randrange(100, 900)), c.c(['mdy', 'my']))))
        L.append('Immunizations (dates): DTaP %s, %s, %s; MMR %s; Varicella %s.' % tuple(c.D(dob + dt.timedelta(days=d + r.randrange(0, 20)), c.c(['mdy', 'mdY_nz', 'mdY'])) for d in (60, 120, 180, 366, 370)))
        L.append('Conditions: %s' % c.c(['none', 'asthma - [[dr|albuterol]] at school', 'food allergy (eggs)', 'seizure disorder on [[dr|levetiracetam]]'.replace('levetiracetam', 'levetiracetam')]))
        L.append('Health care provider: %s  %s  %s' % (c.staff(c.pcp, 'MD'), P('HOSP', c.clinic), c.PH()))
    return '\n'.join(L)


def t_social_work(c):
    r = c.r
    dol = r.randrange(1, 20)
    L = []
    L.append(c.c(['SOCIAL WORK NOTE', 'Social Work Assessment - Child Protection', 'CPT / Social Work Progress Note', 'Psychosocial Assessment']))
    L.append('Pt: %s  MRN [[ID|%s]]  Date: %s' % (c.c([c.baby_header_name(), c.N(c.kid, 'LF')]), c.mrn, c.D(c.today)))
    L.append('Reason for referral: %s' % c.c(['maternal substance use (positive UDS for opiates), infant on ESC/[[ep|Finnegan score]] monitoring', 'unexplained fracture on skeletal survey', 'concern for neglect, missed follow-up', 'late prenatal care, housing instability', 'bruising in non-mobile infant']))
    L.append('')
    s = 'SW met with %s at bedside at %s. ' % (c.c(['mother %s' % c.N(c.mom, c.c(['full', 'first'])), 'MOB', 'both parents', 'Ms. %s' % c.N(c.mom, 'last')]), c.T())
    s += 'Mother is a %d yo %s who %s. ' % (c.mom_age, c.c(['G%dP%d' % (c.grav, c.para), 'single mother', 'married woman']),
                                           c.c(['emigrated from %s in %s' % (P('LOC', c.country), P('DATE', str(c.today.year - r.randrange(1, 15)))),
                                                'reports living at %s' % c.addr_lines(', '),
                                                'has been couch-surfing in %s since %s' % (P('LOC', c.town), c.D(c.ago(r.randrange(30, 300)), 'my')),
                                                'works at %s' % P('ORG', c.employer)]))
    s += 'FOB %s is %s. ' % (c.N(c.dad, c.c(['full', 'first'])), c.c(['involved and supportive', 'incarcerated', 'not involved, whereabouts unknown', 'present, %d yo' % c.dad_age]))
    s += 'Other supports: %s. ' % c.c(['MGM %s (%s)' % (c.N(c.mgm, 'full'), c.PH()), 'church community at %s' % P('ORG', c.church), c.old_age() + ', who lives with the family', 'aunt in ' + P('LOC', c.town2)])
    if c.maybe(0.5):
        s += social_extra(c)
    L.append(s)
    L.append('%s filed with DCF on %s; intake # [[ID|%s]]. Assigned worker %s, %s. %s' % (
        c.c(['51A', 'Report', 'CPS report']), c.D(c.ago(r.randrange(0, 5)), c.c(['md', 'mdY', 'MonDth'])), c.c(['%d-%05d' % (r.randrange(10, 30), r.randrange(100000)), str(r.randrange(10 ** 6, 10 ** 8))]),
        c.N(c.dcf, 'full'), c.PH(c.c(['paren', 'dash', 'ext'])), c.c(['Safety plan in place.', 'Supervised visits only per DCF.', 'Hospital hold until DCF assessment complete.'])))
    if c.maybe(0.6):
        L.append('Disposition plan: infant to be discharged to %s %s through %s. Address: %s' % (
            c.c(['foster mother', 'kinship foster placement with', 'pre-adoptive family,']), c.N(c.foster, 'full'), P('ORG', c.agency), c.addr_lines(', ')))
    else:
        L.append('Disposition plan: discharge home with mother and MGM once cleared by DCF. Early intervention referral to %s.' % P('ORG', c.c(['Bright Beginnings EI', 'Thom Child & Family EI', 'Riverbend Early Intervention', 'Kids Together EI'])))
    L.append('Medical: infant DOL %d, %s. %s' % (dol, c.c(['tolerating [[ms|60 mL]] formula q3h', 'on [[dr|morphine]] [[ms|0.04 mg/kg]] q3h wean', 'skeletal survey completed %s' % c.D(c.ago(1), 'md')]),
                                              c.c(['d/w %s.' % c.staff(c.att, 'MD'), 'per %s.' % c.staff(c.rn, 'RN'), '']))) 
    L.append('SW will follow. %s' % c.staff(c.sw, 'SW') + ' ' + c.PH(c.c(['ext', 'pager', 'paren'])))
    return '\n'.join(L)


def t_ob_triage(c):
    r = c.r
    c.ga_w = r.randrange(24, 42)
    lmp = c.today - dt.timedelta(days=c.ga_w * 7 + c.ga_d)
    edc = lmp + dt.timedelta(days=280)
    L = []
    L.append(c.c(['OB TRIAGE NOTE', 'Labor & Delivery Triage Evaluation', 'OB Triage - MFM', 'L&D TRIAGE']))
    L.append('Patient: %s   MRN [[ID|%s]]   Arrived %s' % (c.N(c.mom, c.c(['LF', 'LFM', 'full'])), c.mom_mrn, c.T()))
    L.append('%s is a %d yo G%dP%d at %s by %s, EDC %s, who presents with %s since %s.' % (
        c.N(c.mom, c.c(['full', 'first', 'last'])), c.mom_age, c.grav, c.para, c.ga(0.2), c.c(['LMP %s' % c.D(lmp, c.c(['md', 'mdy', 'mdY'])), 'first trimester US', '%s-week US' % (r.randrange(7, 13))]),
        c.D(edc, c.c(['mdY', 'mdy', 'long', 'MonDth'])), c.c(['painful contractions q%d min' % r.randrange(2, 8), 'LOF', 'decreased fetal movement', 'vaginal bleeding', 'headache and elevated BP at clinic']),
        c.c([c.T(), 'this morning', 'yesterday']) ))
    L.append('Prenatal care at %s with %s. Pregnancy c/b %s.' % (P('HOSP', c.ob_clinic), c.staff(c.c([c.ob, c.cnm]), c.c(['MD', 'CNM'])), c.c(['cHTN on [[dr|labetalol]] [[ms|200 mg]] BID', 'A1GDM', 'anemia, on [[dr|ferrous sulfate]]', 'twin gestation (di/di)', 'nothing significant'])))
    hist = []
    for i in range(min(c.para, 3)):
        y = c.today.year - r.randrange(1, 12)
        hist.append('%s (%s) %s' % (c.c(['SVD', 'LTCS', 'VAVD', 'SAB', 'pLTCS for breech']), c.c([P('DATE', str(y)), P('DATE', "'" + str(y % 100).zfill(2)), 'in ' + P('DATE', str(y))]), c.c(['term', '%d wks' % r.randrange(30, 41), 'at %s' % P('HOSP', hospital_name(r)), ''])))
    L.append('OB hx: ' + ('; '.join(hist) if hist else 'primigravida') + '.')
    L.append('PMH: %s. Meds: [[dr|prenatal vitamins]]%s. Allergies: NKDA.' % (c.c(['none', 'asthma', 'hypothyroid', 'anxiety']), c.c(['', ', [[dr|aspirin 81]] mg', ', [[dr|nifedipine]] [[ms|30 mg]] XL'])))
    L.append('Vitals: [[vt|BP %d/%d]], [[vt|HR %d]], [[vt|T %.1f]], [[vt|RR %d]].' % (r.randrange(100, 170), r.randrange(60, 110), r.randrange(70, 120), r.uniform(36.4, 38.5), r.randrange(14, 22)))
    L.append('FHT: baseline [[vt|%d]], moderate variability, + accels, %s decels. Cat %s. Toco: ctx q%d-%d min.' % (r.randrange(120, 160), c.c(['no', 'occasional variable', 'early']), c.c(['I', 'I', 'II']), r.randrange(2, 5), r.randrange(5, 10)))
    L.append('SVE: [[fr|%d/%d/%d]] (%s). %s' % (r.randrange(0, 8), r.choice([50, 60, 70, 80, 90]), r.randrange(-3, 2), c.staff(c.c([c.res, c.cnm]), c.c(['MD', 'CNM'])),
                                            c.c(['[[ep|Nitrazine]] neg, ferning neg.', '[[ep|Bishop score]] [[fr|%d]].' % r.randrange(2, 11), 'SSE deferred.', '[[ep|Leopold maneuvers]]: vertex.'])))
    L.append('Labs: %s, [[vt|Plt %d]], [[vt|Cr 0.%d]], UPC 0.%d. GBS %s.' % (c.c(['[[vt|Hgb %.1f]]' % r.uniform(8.5, 13), 'CBC wnl']), r.randrange(90, 300), r.randrange(4, 9), r.randrange(1, 9), c.c(['neg', 'pos', 'unknown'])))
    L.append('A/P: %s' % c.c(['Preterm labor. [[dr|betamethasone]] [[ms|12 mg]] IM q24h x2, [[dr|magnesium sulfate]] for neuroprotection, [[dr|nifedipine]] tocolysis. NICU consult (%s).' % c.staff(c.att, 'MD'),
                               'Preeclampsia w/o severe features. Admit for IOL with [[dr|misoprostol]] [[ms|25 mcg]] and [[ep|Foley bulb]].',
                               'Early labor, reassuring. Discharged home with labor precautions at %s.' % c.T(),
                               'SROM confirmed. Admit, [[dr|penicillin G]] for GBS, [[dr|Pitocin]] augmentation.']))
    L.append('Support person: %s %s.' % (c.c(['FOB', 'husband', 'partner', 'mother', 'sister']), c.N(c.c([c.dad, c.mgm]), c.c(['first', 'full']))) + c.c(['', ' Contact: ' + c.PH()]))
    if c.maybe(0.3):
        L.append('SH: ' + social_extra(c))
    L.append('d/w %s. %s' % (c.staff(c.ob, 'MD'), sig_block(c, c.c([c.res, c.cnm]), c.c(['MD', 'CNM']))))
    return '\n'.join(L)


def t_delivery(c):
    r = c.r
    c.ga_w = r.randrange(28, 42)
    h, m = r.randrange(24), r.randrange(60)
    L = []
    L.append(c.c(['DELIVERY NOTE', 'Vaginal Delivery Note', 'Brief Operative Note - Cesarean Delivery', 'Delivery Summary']))
    L.append('Patient: %s  (MRN [[ID|%s]])' % (c.N(c.mom, c.c(['LF', 'full', 'LFM'])), c.mom_mrn))
    L.append('Date: %s' % c.D(c.today, c.c(['mdY', 'long', 'wk_long', 'dMonY', 'iso'])))
    L.append('%d yo G%dP%d at %s, %s.' % (c.mom_age, c.grav, c.para, c.ga(0.3), c.c(['spontaneous labor', 'IOL for preeclampsia', 'IOL for post-dates', 'PPROM']) if c.mult == 1 else c.c(['twin gestation, di/di', 'di/di twins', 'mo/di twins']) if c.mult == 2 else 'triplet gestation'))
    L.append('Anesthesia: %s. Attending: %s. Resident: %s. Peds: %s.' % (c.c(['epidural', 'spinal', 'none', 'CSE']), c.staff(c.ob, 'MD'), c.staff(c.res, 'MD'), c.c(['present (%s)' % c.staff(c.att, 'MD'), 'not present', 'NICU team present'])))
    L.append('')
    for i in range(c.mult):
        tm = (h * 60 + m + i * r.randrange(1, 20))
        lab = ('Baby %s' % 'ABC'[i]) if c.mult > 1 else 'Infant'
        sex = c.c(['female', 'male'])
        L.append('%s: viable %s delivered at %s via %s, %s presentation. %s. Weight %s. %s' % (
            lab, sex, c.T(tm // 60 % 24, tm % 60), c.c(['NSVD', 'LTCS', 'VAVD with [[dv|Kiwi vacuum]]', 'forceps-assisted']), c.c(['OA', 'vertex', 'breech', 'ROA']), c.apgar(), c.bw(),
            c.c(['Nuchal cord x1 reduced.', 'Shoulder dystocia x %d sec, resolved with [[ep|McRoberts maneuver]] and suprapubic pressure.' % r.randrange(20, 90), 'Cord gases sent.', 'Delayed cord clamping [[ms|60 seconds]].', ''])))
    L.append('Placenta: delivered %s at %s, %s, 3VC. %s' % (c.c(['spontaneously', 'manually']), c.T(), c.c(['[[ep|Schultze]]', '[[ep|Duncan]]', 'intact']), c.c(['Sent to pathology.', ''])))
    L.append('Lacerations: %s. EBL/QBL [[ms|%d mL]]. [[dr|%s]] given.' % (c.c(['2nd degree, repaired with 3-0 vicryl', 'none', '1st degree, hemostatic', 'hysterotomy closed in 2 layers']), r.randrange(150, 1400),
                                                                         c.c(['Pitocin', 'oxytocin', 'tranexamic acid', 'Methergine'])))
    L.append('Mother and %s stable, %s. %s' % (c.c(['baby', 'infants', 'newborn']), c.c(['to postpartum', 'baby to NICU ([[ms|%d weeks]])' % c.ga_w, 'skin-to-skin, breastfeeding initiated']),
                                           c.c(['FOB %s at bedside, cut cord.' % c.N(c.dad, 'first'), 'Support: %s.' % c.N(c.mgm, 'full'), 'Pediatrician: %s at %s.' % (c.staff(c.pcp, 'MD'), P('HOSP', c.clinic)), ''])))
    L.append(sig_block(c, c.c([c.res, c.cnm, c.ob]), c.c(['MD', 'CNM'])))
    return '\n'.join(L)


def rad_header(c, exam):
    r = c.r
    L = []
    when = c.today
    L.append('%s' % exam)
    nm = c.baby_header_name(r.randrange(c.mult)) if c.maybe(0.6) else c.N(c.kid, c.c(['LF', 'LFM']))
    L.append('PATIENT: %s   MRN: [[ID|%s]]' % (nm, c.mrn))
    if c.maybe(0.5):
        L.append("MOTHER'S MRN: [[ID|%s]]" % c.mom_mrn)
    L.append('ACCESSION: [[ID|%s]]   EXAM DATE: %s %s' % (acc(r), c.D(when, c.c(['mdY', 'wk_long', 'mdy', 'iso'])), c.T()))
    if c.opt():
        L.append('ORDERING: %s   LOCATION: %s' % (c.staff(c.c([c.att, c.np, c.res]), c.c(['MD', 'NP'])), c.c([P('LOC', c.unit), 'NICU', P('HOSP', c.hosp) + ' NICU', 'NEWBORN NURSERY'])))
    return L


def t_babygram(c):
    r = c.r
    L = rad_header(c, c.c(['XR BABYGRAM (CHEST AND ABDOMEN) 1 VIEW', 'PORTABLE CHEST/ABDOMEN AP (BABYGRAM)', 'RADIOGRAPH CHEST ABDOMEN NEONATE']))
    dol = r.randrange(0, 20)
    L.append('')
    L.append('CLINICAL HISTORY: %s preterm infant, DOL %d, %s.' % (c.ga(0.6), dol, c.c(['line placement', 'respiratory distress', 'abdominal distension', 'ETT position', 'bilious emesis'])))
    cmpd = c.ago(r.randrange(1, 6))
    L.append('COMPARISON: %s' % c.c(['None.', c.D(cmpd, c.c(['mdY', 'mdy'])) + '.', 'Study of the %s.' % P('DATE', ordinal(cmpd.day)), 'Outside films from %s dated %s.' % (P('HOSP', c.c([c.birth_hosp, c.imaging])), c.D(cmpd, 'md'))]))
    L.append('')
    L.append('FINDINGS:')
    f = []
    f.append(c.c(['[[dv|ETT]] tip at T%d, %s.' % (r.randrange(1, 4), c.c(['1 cm above the carina', 'appropriately positioned', 'recommend withdrawal by [[ms|0.5 cm]]'])), 'No [[dv|ETT]].']))
    f.append('[[dv|UVC]] tip projects at T%d%s. [[dv|UAC]] tip at T%d.' % (r.randrange(7, 12), c.c(['', ', at the IVC/right atrial junction', ', in the liver; recommend advancing']), r.randrange(6, 11)))
    f.append('[[dv|%s]] tip in the stomach.' % c.c(['OG tube', 'Replogle tube', 'NG tube', 'orogastric tube']).replace('Replogle tube', 'Replogle tube'))
    f.append('Lungs are expanded to the %s posterior rib. %s' % (ordinal(r.randrange(7, 10)), c.c(['Diffuse granular opacities with air bronchograms, consistent with surfactant deficiency.', 'Clear.', 'Streaky perihilar opacities, likely retained fluid.', 'Bubbly lucencies in keeping with evolving BPD.'])))
    f.append('Heart size normal%s. No pneumothorax or effusion.' % c.c(['', ', cardiothoracic ratio [[fr|0.55]]', ' (CTR [[fr|0.6]])']))
    f.append('Bowel gas pattern %s. %s' % (c.c(['nonobstructive', 'with mildly dilated loops', 'normal']), c.c(['No pneumatosis or portal venous gas.', 'No free air on this supine view.', 'Pneumatosis in the RLQ.'])))
    f.append('Osseous: %s' % c.c(['11 pairs of ribs. Vertebral bodies normally segmented L1-L5.', 'No acute abnormality.', 'Healing fracture of the right 5th rib.', 'Hemivertebra at T10.']))
    L.append(' '.join(f))
    L.append('')
    L.append('IMPRESSION:')
    L.append('1. %s' % c.c(['Lines and tubes as above; [[dv|UVC]] tip high, at the right atrium.', 'Findings consistent with RDS.', 'Appropriately positioned support devices.', 'No NEC.']))
    L.append('2. %s' % c.c(['No pneumothorax.', 'Nonobstructive bowel gas pattern.', 'Stable compared with prior.']))
    if c.maybe(0.5):
        L.append('Findings discussed with %s at %s by %s.' % (c.staff(c.np, 'NP'), c.T(), c.staff(c.res, 'MD')))
    L.append('')
    if c.opt():
        L.append('Dictated by: %s   Signed by: %s' % (c.staff(c.res, 'MD'), c.staff(c.rad, 'MD')))
        L.append('Signed: %s %s' % (c.D(c.today, c.c(['mdY', 'mdy'])), c.T()))
    else:
        L.append('Electronically signed by %s' % c.staff(c.rad, 'MD'))
    if c.maybe(0.3):
        L.append('Tech: %s' % c.N(c.tech, c.c(['init', 'FL', 'full'])))
    return '\n'.join(L)


def t_peds_cxr(c):
    r = c.r
    age = r.randrange(1, 17)
    L = rad_header(c, c.c(['CHEST 2 VIEWS (PA AND LATERAL)', 'XR CHEST PA/LAT', 'CHEST AP PORTABLE', 'CHEST RADIOGRAPH 2V']))
    L.append('')
    L.append('INDICATION: %d yo %s with %s.' % (age, 'boy' if c.sex == 'M' else 'girl', c.c(['fever and cough', 'hypoxia', 'wheezing, r/o PNA', 'foreign body aspiration?', 'chest pain after fall', 'fever in sickle cell'])))
    pr = c.ago(r.randrange(30, 1500))
    L.append('COMPARISON: %s' % c.c(['None.', c.D(pr, c.c(['mdY', 'mdy', 'dMonY'])) + '.', 'Outside films from %s, %s.' % (P('HOSP', c.imaging), c.D(pr, 'my')), 'Prior from %s.' % P('DATE', str(pr.year))]))
    L.append('FINDINGS: %s The cardiothymic silhouette is %s. %s No pleural effusion or pneumothorax. %s' % (
        c.c(['Patchy consolidation in the right middle lobe.', 'Bilateral peribronchial cuffing and hyperinflation.', 'Retrocardiac opacity in the LLL.', 'The lungs are clear.', 'Round pneumonia in the RUL.']),
        c.c(['normal', 'within normal limits', 'mildly enlarged (CTR [[fr|0.58]])']),
        c.c(['[[ep|Kerley B lines]] are not seen.', 'No hyperlucent lung to suggest air trapping.', '']),
        c.c(['Osseous structures unremarkable.', 'Old healed left 6th rib fracture.', '[[dv|Port-a-Cath]] tip at the cavoatrial junction.', 'Sternotomy wires intact.'.replace('Sternotomy wires', '[[dv|Sternotomy wires]]')])))
    L.append('IMPRESSION: %s' % c.c(['RML pneumonia.', 'Findings suggestive of viral bronchiolitis / reactive airway disease.', 'No acute cardiopulmonary process.', 'LLL atelectasis vs pneumonia.']))
    if c.maybe(0.4):
        L.append('Preliminary read by %s communicated to %s %s at %s.' % (c.staff(c.res, 'MD'), c.c(['ED provider', 'PA', 'Dr.']), c.N(c.pa, 'last'), c.T()))
    L.append('Attending radiologist: %s  %s' % (c.staff(c.rad, 'MD'), c.D(c.today, c.c(['mdY', 'mdy']))))
    return '\n'.join(L)


def t_nicu_dc(c):
    r = c.r
    los = r.randrange(5, 110)
    adm = c.ago(los)
    L = []
    L.append(c.c(['NICU DISCHARGE SUMMARY', 'Neonatal Discharge Summary', 'Discharge Summary - Special Care Nursery']))
    L.append('Name: %s   MRN: [[ID|%s]]' % (c.c([c.N(c.kid, c.c(['LF', 'full'])), c.baby_header_name()]), c.mrn))
    L.append('DOB: %s   Admit: %s   Discharge: %s' % (c.D(adm, 'mdY'), c.D(adm, c.c(['mdY', 'mdy'])), c.D(c.today, c.c(['mdY', 'mdy', 'long']))))
    L.append('GA at birth: %s   BW: %s   Discharge wt: [[ms|%d g]]' % (c.ga(0.3), c.bw(), c.bw_g() + los * r.randrange(10, 30)))
    L.append('')
    L.append('HOSPITAL COURSE:')
    L.append('Resp: %s' % c.c(['intubated DOL 0-%d, [[dr|Curosurf]] x2, extubated to CPAP, weaned to RA on DOL %d.' % (r.randrange(1, 10), r.randrange(10, 60)), 'CPAP x %d days, now RA.' % r.randrange(1, 10), 'BPD, discharged on [[dv|nasal cannula]] [[st|1/8 L]] [[st|100%]].']))
    L.append('FEN: full PO feeds of %s [[ms|%d kcal/oz]], ~[[ms|%d mL/kg/d]].' % (c.c(['EBM fortified to', 'Neosure', 'Similac Special Care']), c.c([22, 24, 27]), r.randrange(140, 180)))
    L.append('ID: %s' % c.c(['r/o sepsis, 48h [[dr|ampicillin]]/[[dr|gentamicin]], cultures neg.', 'GBS bacteremia, 10 days [[dr|ampicillin]].', 'no issues.']))
    L.append('Neuro: HUS %s. ROP: %s.' % (c.c(['normal x2', 'grade II IVH resolved']), c.c(['stage 1 zone II, f/u 2 wks', 'mature', 'n/a'])))
    L.append('Screens: hearing pass %s; car seat test passed %s; CCHD pass; NBS normal x2.' % (c.D(c.ago(r.randrange(1, 5)), c.c(['md', 'mdy'])), c.D(c.ago(1), 'md')))
    L.append('Immunizations: [[dr|Hep B]] %s (lot [[ID|%s]]); %s.' % (c.D(c.ago(r.randrange(1, los)), c.c(['mdy', 'mdY'])), lot(r), c.c(['[[dr|Synagis]] [[ms|15 mg/kg]] given %s' % c.D(c.ago(1), 'md'), '[[dr|Beyfortus]] [[ms|50 mg]] given', '2-month vaccines given ' + c.D(c.ago(3), 'md')])))
    L.append('Discharge meds: [[dr|Poly-Vi-Sol]] with iron [[ms|1 mL]] daily%s.' % c.c(['', ', [[dr|chlorothiazide]] [[ms|20 mg/kg]] BID', ', [[dr|famotidine]] [[ms|0.5 mg/kg]]']))
    L.append('')
    L.append('FOLLOW-UP:')
    L.append('- PCP %s, %s, %s on %s at %s' % (c.staff(c.pcp, 'MD'), P('HOSP', c.clinic), c.PH(), c.D(c.today + dt.timedelta(days=r.randrange(1, 4)), c.c(['md', 'wk_long', 'mdy'])), c.T(r.randrange(8, 17), r.choice([0, 15, 30, 45]), c.c(['ampm', '24']))))
    L.append('- Developmental follow-up clinic %s; Early Intervention (%s) referral faxed.' % (c.D(c.today + dt.timedelta(days=r.randrange(30, 120)), c.c(['my', 'long', 'md'])), P('ORG', c.c(['Riverbend EI', 'Cape Cod Early Childhood Partners', 'Bright Start EI', 'Toddler Bridges']))))
    if c.maybe(0.5) and c.opt():
        L.append('- Eye exam with %s at %s, %s.' % (c.staff(make_person(r), 'MD'), P('HOSP', r.choice(FAC_ROOTS) + ' ' + r.choice(['Eye Associates', 'Pediatric Ophthalmology', 'Retina Center'])), c.D(c.today + dt.timedelta(days=14), c.c(['md', 'mdy']))))
    if c.maybe(0.35):
        L.append('Social: ' + social_extra(c))
    L.append('Discharged to %s. Home: %s. Phone %s.' % (c.c(['parents', 'mother %s' % c.N(c.mom, 'full'), 'foster parents (%s)' % P('ORG', c.agency)]), c.addr_lines(', '), c.PH()))
    L.append(sig_block(c, c.c([c.np, c.att]), c.c(['MD', 'NP'])))
    return '\n'.join(L)


def t_phone(c):
    r = c.r
    mon = r.randrange(1, 60)
    dob = c.kid_dob(months=mon)
    L = []
    L.append(c.c(['TELEPHONE ENCOUNTER', 'Phone Note', 'Nurse Triage Call', 'after-hours call']))
    L.append('%s  DOB %s  %s' % (c.N(c.kid, c.c(['LF', 'full', 'LFM'])), c.D(dob, c.c(['mdY', 'mdy'])), c.c(['MRN [[ID|%s]]' % c.mrn, ''])))
    L.append('Call received %s at %s from %s, callback %s.' % (c.D(c.today, c.c(['mdY', 'md', 'mdy'])), c.T(), c.c(['mother ' + c.N(c.mom, 'full'), 'dad ' + c.N(c.dad, 'first'), 'grandmother ' + c.N(c.mgm, 'full'), 'daycare provider at ' + P('ORG', c.daycare)]), c.PH(c.c(['paren', 'dash', 'dot', 'seven']))))
    L.append('%s' % c.c([
        'Pt is a %d mo with fever [[vt|T 101.8]] since last night, taking fluids, %d wet diapers. No rash, no lethargy. Advised [[dr|acetaminophen]] [[ms|15 mg/kg]] (= [[ms|%.1f mL]] of 160mg/5mL) q4-6h prn.' % (mon, r.randrange(2, 7), r.uniform(2, 7)),
        'Mom reports rash after starting [[dr|amoxicillin]] [[ms|400 mg]] BID on %s. Hives, no swelling of lips, no wheeze. Advised stop med, [[dr|cetirizine]] [[ms|2.5 mg]], appt tomorrow.' % c.D(c.ago(3), c.c(['md', 'MonDth'])),
        'Caller concerned about spit up after feeds, baby gaining weight, [[ms|%.1f kg]] at last visit. Reassurance given.' % r.uniform(3, 8),
        'Pt with wheezing, using [[dr|albuterol]] q3h. Advised to go to %s ED now.' % P('HOSP', c.hosp)]))
    L.append('Disposition: %s. Caller verbalized understanding.' % c.c(['home care advice', 'appt booked %s at %s with %s' % (c.D(c.today + dt.timedelta(days=1), 'md'), c.T(r.randrange(8, 17), 15 * r.randrange(4), 'ampm'), c.staff(c.pcp, 'MD')), 'ED referral', 'call back if worse']))
    if c.maybe(0.3):
        L.append('Portal message also sent to %s.' % P('CONTACT', email_for(r, c.c([c.mom, c.dad]))))
    L.append(c.staff(c.rn, 'RN') + ' ' + c.c([c.PH('ext'), '']))
    return '\n'.join(L)


def t_peds_clinic(c):
    r = c.r
    age = r.randrange(6, 18)
    dob = c.kid_dob(years=age)
    L = []
    L.append(c.c(['Pediatric Clinic Note', 'SICK VISIT', 'Adolescent Medicine Visit', 'Follow-up Visit - Pediatrics']))
    L.append('Pt: %s  Age: %d y  DOB: %s  Visit: %s  Provider: %s' % (c.N(c.kid, c.c(['LF', 'full'])), age, c.D(dob, c.c(['mdY', 'iso'])), c.D(c.today, c.c(['mdY', 'long'])), c.staff(c.pcp, 'MD')))
    L.append('')
    L.append('S: %s' % c.c([
        '%d yo here with %s for follow-up of asthma. Using [[dr|albuterol]] 2-3x/wk, night cough. On [[dr|Flovent]] [[ms|110 mcg]] 2 puffs BID. Last ED visit %s at %s.' % (age, c.c(['mom', 'dad', 'grandma']), c.D(c.ago(r.randrange(20, 200)), 'my'), P('HOSP', c.hosp)),
        'Teen seen alone for part of visit. Plays soccer at %s. %s' % (P('ORG', c.school), c.c(['Interested in contraception.', 'Reports low mood since parents separated.', 'Knee pain with running, ?[[ep|Osgood-Schlatter]].'])),
        'Ear pain x 2 days, fever to [[vt|102.3 F]]. Attends %s.' % P('ORG', c.c([c.daycare, c.school])),
        'ADHD f/u. On [[dr|methylphenidate]] ER [[ms|18 mg]]. Teacher %s reports better focus. Sleep ok with [[dr|melatonin]] [[ms|1 mg]].' % c.c(['Ms. ' + c.N(c.teacher, 'last'), 'Mr. ' + c.N(c.teacher, 'last'), c.N(c.teacher, 'full')])]))
    if c.maybe(0.35):
        L.append('Family hx: %s.' % c.c(['MGM with T2DM, dad with asthma', 'sibling %s with eczema' % c.N(c.sib, 'first'), c.old_age() + ' with dementia, lives with family', 'no early cardiac death']))
    L.append('O: [[vt|T %.1f]] [[vt|HR %d]] [[vt|BP %d/%d]] Wt [[ms|%.1f kg]] (%dth %%ile). %s' % (r.uniform(36.5, 39), r.randrange(70, 130), r.randrange(90, 125), r.randrange(50, 80), r.uniform(10, 70), r.randrange(3, 97),
                                                                                     c.c(['Lungs with scattered end-exp wheeze.', 'R TM bulging with purulent effusion.', 'Tender tibial tubercle bilat.', 'Normal exam.', '[[ep|Tanner stage]] 3.'])))
    L.append('A/P: %s' % c.c(['Mild persistent asthma, not well controlled: step up to [[dr|Flovent]] [[ms|110 mcg]], asthma action plan given, school form completed.',
                               'AOM R: [[dr|amoxicillin]] [[ms|90 mg/kg/day]] div BID x 10d.',
                               'Continue current dose. Refill x 30 days.',
                               '[[ep|Osgood-Schlatter]] disease: ice, NSAIDs, activity as tolerated.']))
    if c.maybe(0.2):
        L.append('Video visit: patient at home in %s, %s; joined via %s from IP %s.' % (P('LOC', c.town), P('LOC', c.state),
                 P('CONTACT', 'https://' + r.choice(['doxy.me/', 'telehealth.example-peds.org/room/', 'vv.' + re.sub(r'[^a-z]', '', c.clinic.split()[0].lower()) + '.org/']) + re.sub(r'[^a-z]', '', c.pcp.last.lower())),
                 P('CONTACT', ip_addr(r))))
    if c.maybe(0.3):
        L.append('SH: ' + social_extra(c))
    if c.maybe(0.4):
        L.append('Interpreter (%s) used, ID # [[ID|%d]].' % (c.c(['Spanish', 'Haitian Creole', 'Portuguese', 'Arabic', 'Somali', 'Ukrainian']), r.randrange(10000, 999999)))
    L.append(sig_block(c, c.c([c.pcp, c.res, c.np]), c.c(['MD', 'NP'])))
    return '\n'.join(L)


# --- PHI-free documents -----------------------------------------------------
def t_nophi_rad(c):
    r = c.r
    L = [c.c(['PORTABLE CHEST, 1 VIEW', 'BABYGRAM', 'ABDOMEN 2 VIEWS (SUPINE AND LEFT LATERAL DECUBITUS)', 'CHEST AP'])]
    L.append('INDICATION: %s.' % c.c(['Respiratory distress in premature infant', 'Line placement', 'Feeding intolerance, abdominal distension', 'Tachypnea']))
    L.append('COMPARISON: Prior study from yesterday.')
    L.append('FINDINGS: %s [[dv|UVC]] tip at T%d. [[dv|OG tube]] tip in the stomach. Lungs expanded to the %s rib with %s. No pneumothorax. Bowel gas pattern %s, no pneumatosis or free air. %s' % (
        c.c(['[[dv|ETT]] tip at T2.', 'No [[dv|ETT]].']), r.randrange(7, 11), ordinal(r.randrange(7, 10)), c.c(['diffuse ground-glass opacity', 'improved aeration', 'coarse interstitial markings']), c.c(['nonobstructive', 'unremarkable']),
        c.c(['Vertebral bodies T12-L5 normally formed.', 'Thymus prominent, normal for age.', ''])))
    L.append('IMPRESSION: %s' % c.c(['1. Support devices in appropriate position. 2. Mild RDS.', 'No evidence of NEC.', 'Improving lung aeration.']))
    return '\n'.join(L)


def t_nophi_teach(c):
    r = c.r
    L = [c.c(['PARENT EDUCATION - NEWBORN JAUNDICE', 'Discharge teaching: safe sleep', 'NICU FEEDING PLAN', 'Caregiver instructions - fever'])]
    L.append('Reviewed with parents at bedside:')
    items = ['- Always place baby on back to sleep, in own crib, no bumpers or blankets.',
             '- Feed every 2-3 hours, at least 8-12 times a day. Expect 6+ wet diapers by day 5.',
             '- Call the clinic for fever [[vt|T >= 38.0 C]] (100.4 F) in infants under 2 months.',
             '- [[dr|vitamin D]] [[ms|400 IU]] (1 mL) by mouth once daily for breastfed infants.',
             '- Bilirubin level was [[vt|%.1f]] at %d hours of life, below phototherapy threshold.' % (r.uniform(6, 14), r.randrange(24, 72)),
             '- Fortify EBM to [[ms|24 kcal/oz]]; offer [[ms|%d mL]] q3h, gavage remainder via [[dv|NG tube]].' % r.randrange(20, 60),
             '- [[dr|acetaminophen]] [[ms|15 mg/kg]] every 6 hours as needed; do not give [[dr|ibuprofen]] under 6 months.',
             '- Car seat: rear-facing, straps at or below shoulders. Car seat challenge passed (90 min).',
             '- Return for lethargy, poor feeding, fewer than 4 wet diapers, or jaundice below the knees.']
    r.shuffle(items)
    L += items[:r.randrange(5, 9)]
    L.append('Teach-back completed. Questions answered. RN to reinforce with next feed.')
    return '\n'.join(L)


def t_nophi_note(c):
    r = c.r
    dol = r.randrange(1, 40)
    L = [c.c(['Interval note', 'NICU night float note', 'Cross-cover note'])]
    L.append('Called to bedside for %s in DOL %d ex-%d weeker now on %s.' % (c.c(['desaturations', 'bradycardia', 'emesis', 'temp instability']), dol, r.randrange(24, 34), c.resp_support()))
    L.append('On exam: %s. Abd soft, nondistended. Good tone, [[ep|Moro]] present.' % c.neo_vitals())
    L.append('Labs: %s' % c.labs_neo())
    L.append('Plan: %s. Will reassess in 2 hours. Parents updated by phone.' % c.c(['increase FiO2 and obtain CXR', 'hold feeds x 1, KUB, CBC/CRP', 'bolus [[dr|caffeine citrate]] [[ms|10 mg/kg]]', 'continue to monitor']))
    L.append('Hospital day %d. Mother is a %d yo, father %d yo, both at home with 2 older siblings (ages %d and %d).' % (dol + 1, c.mom_age, c.dad_age, r.randrange(2, 8), r.randrange(8, 15)))
    return '\n'.join(L)


TEMPLATES = [
    # fn, weight, (mixed, upper, lower), noise
    (t_nicu_admit, 9, (80, 10, 10), 1),
    (t_nicu_progress, 10, (80, 8, 12), 1),
    (t_nicu_nursing, 8, (45, 5, 50), 2),
    (t_nursery, 8, (85, 8, 7), 1),
    (t_peds_ed, 9, (80, 10, 10), 1),
    (t_peds_clinic, 6, (85, 5, 10), 1),
    (t_well_child, 7, (85, 10, 5), 1),
    (t_school_form, 6, (80, 15, 5), 0),
    (t_social_work, 6, (85, 5, 10), 1),
    (t_ob_triage, 7, (80, 10, 10), 1),
    (t_delivery, 6, (80, 10, 10), 1),
    (t_babygram, 7, (50, 45, 5), 0),
    (t_peds_cxr, 5, (50, 45, 5), 0),
    (t_nicu_dc, 5, (85, 10, 5), 1),
    (t_phone, 5, (70, 5, 25), 1),
]
NOPHI = [(t_nophi_rad, 1, (40, 55, 5), 0), (t_nophi_teach, 1, (80, 5, 15), 1), (t_nophi_note, 1, (70, 5, 25), 1)]


# ---------------------------------------------------------------------------
# Generation and self-check
# ---------------------------------------------------------------------------
def make_doc(seed, i):
    r = random.Random('gen_j|%s|%d' % (seed, i))
    for attempt in range(40):
        c = Ctx(r)
        pool = NOPHI if r.random() < 0.14 else TEMPLATES
        fn, _, cw, noise = r.choices(pool, weights=[t[1] for t in pool])[0]
        markup = fn(c)
        markup = re.sub(r'\b(\d+)th\b', lambda m: ordinal(int(m.group(1))), markup)
        markup = re.sub(r'[ \t]+\n', '\n', markup)
        markup = re.sub(r'\n{3,}', '\n\n', markup).strip() + '\n'
        markup = re.sub(r'(?<=\S)  +(?=\S)', ' ', markup) if r.random() < 0.6 else markup
        case = r.choices(['mixed', 'upper', 'lower'], weights=cw)[0]
        b = Builder(r).x(markup)
        text, phi, prot = b.render(case, noise)
        if 300 <= len(text) <= 2500:
            return {'id': 'gen_j-%s-%05d' % (seed, i), 'text': text, 'phi': phi, 'protected': prot, '_tmpl': fn.__name__}
    raise RuntimeError('could not generate a document within length bounds')


def check(rec):
    errs = []
    text = rec['text']
    if not (300 <= len(text) <= 2500):
        errs.append('length %d' % len(text))
    for key in ('phi', 'protected'):
        prev_end = -1
        prev_start = -1
        for s in rec[key]:
            a, b = s['start'], s['end']
            if not (0 <= a < b <= len(text)):
                errs.append('%s span out of range/empty %r' % (key, s))
                continue
            frag = text[a:b]
            if frag != frag.strip():
                errs.append('%s span has outer whitespace %r' % (key, frag))
            if a < prev_end:
                errs.append('%s spans overlap at %d' % (key, a))
            if a < prev_start:
                errs.append('%s spans not sorted' % key)
            prev_end, prev_start = b, a
    for s in rec['phi']:
        if s['label'] not in PHI_TAGS.values():
            errs.append('bad label %s' % s['label'])
        for q in rec['protected']:
            if s['start'] < q['end'] and q['start'] < s['end']:
                errs.append('phi %r overlaps protected %r' % (s, q))
    for q in rec['protected']:
        if q['kind'] not in PROT_TAGS.values():
            errs.append('bad kind %s' % q['kind'])
    if '[[' in text or ']]' in text:
        errs.append('unrendered markup')
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--seed', required=True)
    ap.add_argument('--n', type=int, required=True)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    given = set()
    for o, d in NAMES.items():
        given.update(d['f'])
        given.update(d['m'])
    surn = set(s for d in NAMES.values() for s in d['s'])
    assert len(given) >= 300 and len(surn) >= 300, (len(given), len(surn))
    assert len(set(REAL_TOWNS) | set(INVENTED_TOWNS)) >= 200
    bad = 0
    with open(args.out, 'w', encoding='utf-8') as fh:
        for i in range(args.n):
            rec = make_doc(args.seed, i)
            rec.pop('_tmpl', None)
            errs = check(rec)
            if errs:
                bad += 1
                sys.stderr.write('SELF-CHECK FAILED %s: %s\n' % (rec['id'], '; '.join(errs[:5])))
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + '\n')
    if bad:
        sys.stderr.write('%d of %d records failed self-check\n' % (bad, args.n))
        sys.exit(1)
    sys.stderr.write('wrote %d records to %s; self-check passed\n' % (args.n, args.out))


if __name__ == '__main__':
    main()
