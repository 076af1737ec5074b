"""The small lists of real words the generated records are made of.

Each entry holds one name or phrase in several languages, written "en|hi|mr"
or "en|hi|mr|fa" (or "en|fa" for Iran): place names as each language spells
them, not transliterations made up on the spot. A phrase with `{place}`,
`{sector}` or `{topic}` takes the same word in the same language. Indian
records are written in English, Hindi and Marathi, Iranian ones in English
and Persian; the demo data's states, districts and sectors
(events/demo_data.py) are used as they are and not repeated here.
"""

INDIA = ("en", "hi", "mr")
IRAN = ("en", "fa")
ALL = ("en", "hi", "mr", "fa")


def _texts(entries, languages):
    return [dict(zip(languages, entry.split("|"), strict=True)) for entry in entries]


# Districts beyond the demo data's, by state (demo_data.INDIAN_STATES keys).
# None shares its web address name with a state (Chandigarh, Lakshadweep and
# Puducherry are left to their union territory).
_DISTRICTS = {
    "andhra-pradesh": [
        "Visakhapatnam|विशाखापत्तनम|विशाखापट्टणम|ویشاکاپاتنام",
        "Krishna|कृष्णा|कृष्णा|کریشنا",
        "Guntur|गुंटूर|गुंटूर|گونتور",
        "Chittoor|चित्तूर|चित्तूर|چیتور",
        "East Godavari|पूर्वी गोदावरी|पूर्व गोदावरी|گوداواری شرقی",
    ],
    "arunachal-pradesh": [
        "Papum Pare|पापुम पारे|पापुम पारे|پاپوم پاره",
        "Tawang|तवांग|तवांग|تاوانگ",
    ],
    "assam": [
        "Kamrup Metropolitan|कामरूप महानगर|कामरूप महानगर|کامروپ متروپولیتن",
        "Dibrugarh|डिब्रूगढ़|दिब्रुगड|دیبروگار",
        "Jorhat|जोरहाट|जोरहाट|جورهات",
        "Sivasagar|शिवसागर|शिवसागर|شیواساگار",
    ],
    "bihar": [
        "Patna|पटना|पटणा|پتنا",
        "Muzaffarpur|मुज़फ़्फ़रपुर|मुझफ्फरपूर|مظفرپور",
        "Bhagalpur|भागलपुर|भागलपूर|باگالپور",
        "Darbhanga|दरभंगा|दरभंगा|داربانگا",
    ],
    "chhattisgarh": [
        "Raipur|रायपुर|रायपूर|رایپور",
        "Bilaspur|बिलासपुर|बिलासपूर|بیلاسپور",
        "Durg|दुर्ग|दुर्ग|دورگ",
    ],
    "goa": [
        "North Goa|उत्तर गोवा|उत्तर गोवा|گوای شمالی",
        "South Goa|दक्षिण गोवा|दक्षिण गोवा|گوای جنوبی",
    ],
    "gujarat": [
        "Ahmedabad|अहमदाबाद|अहमदाबाद|احمدآباد",
        "Surat|सूरत|सुरत|سورات",
        "Vadodara|वडोदरा|वडोदरा|وادودارا",
        "Rajkot|राजकोट|राजकोट|راجکوت",
        "Kutch|कच्छ|कच्छ|کچ",
        "Morbi|मोरबी|मोरबी|موربی",
        "Jamnagar|जामनगर|जामनगर|جامناگار",
    ],
    "haryana": [
        "Gurugram|गुरुग्राम|गुरुग्राम|گوروگرام",
        "Faridabad|फरीदाबाद|फरिदाबाद|فریدآباد",
        "Panipat|पानीपत|पानिपत|پانی‌پت",
        "Ambala|अंबाला|अंबाला|آمبالا",
        "Karnal|करनाल|कर्नाल|کرنال",
    ],
    "himachal-pradesh": [
        "Shimla|शिमला|शिमला|شیملا",
        "Kangra|कांगड़ा|कांगडा|کانگرا",
        "Solan|सोलन|सोलन|سولان",
    ],
    "jharkhand": [
        "Ranchi|रांची|रांची|رانچی",
        "East Singhbhum|पूर्वी सिंहभूम|पूर्व सिंहभूम|سینگبوم شرقی",
        "Dhanbad|धनबाद|धनबाद|دانباد",
    ],
    "karnataka": [
        "Bengaluru Urban|बेंगलुरु शहरी|बंगळूरु शहर|بنگالورو شهری",
        "Mysuru|मैसूरु|म्हैसूर|میسور",
        "Belagavi|बेलगावी|बेळगाव|بلگاوی",
        "Dharwad|धारवाड़|धारवाड|دارواد",
        "Dakshina Kannada|दक्षिण कन्नड़|दक्षिण कन्नड|داکشینا کانادا",
        "Kalaburagi|कलबुर्गी|कलबुर्गी|کالابوراگی",
    ],
    "kerala": [
        "Thiruvananthapuram|तिरुवनंतपुरम|तिरुवनंतपुरम|تیرووانانتاپورام",
        "Ernakulam|एर्णाकुलम|एर्नाकुलम|ارناکولام",
        "Kozhikode|कोझिकोड|कोझिकोड|کوژیکود",
        "Thrissur|त्रिशूर|त्रिशूर|تریشور",
        "Kollam|कोल्लम|कोल्लम|کولام",
    ],
    "madhya-pradesh": [
        "Bhopal|भोपाल|भोपाळ|بوپال",
        "Indore|इंदौर|इंदूर|ایندور",
        "Jabalpur|जबलपुर|जबलपूर|جبلپور",
        "Gwalior|ग्वालियर|ग्वाल्हेर|گوالیور",
        "Ujjain|उज्जैन|उज्जैन|اوجین",
    ],
    "maharashtra": [
        "Nashik|नासिक|नाशिक|ناسیک",
        "Nagpur|नागपुर|नागपूर|ناگپور",
        "Thane|ठाणे|ठाणे|تانه",
        "Kolhapur|कोल्हापुर|कोल्हापूर|کلهاپور",
        "Solapur|सोलापुर|सोलापूर|سولاپور",
        "Chhatrapati Sambhajinagar|छत्रपति संभाजीनगर|छत्रपती संभाजीनगर|چاتراپاتی سامباجی‌نگر",
        "Sangli|सांगली|सांगली|سانگلی",
        "Satara|सातारा|सातारा|ساتارا",
        "Jalgaon|जलगांव|जळगाव|جلگائون",
        "Ratnagiri|रत्नागिरी|रत्नागिरी|راتناگیری",
        "Amravati|अमरावती|अमरावती|امراوتی",
    ],
    "manipur": [
        "Imphal West|इम्फाल पश्चिम|इंफाळ पश्चिम|ایمفال غربی",
        "Thoubal|थौबल|थौबल|تئوبال",
    ],
    "meghalaya": [
        "East Khasi Hills|पूर्वी खासी हिल्स|पूर्व खासी हिल्स|تپه‌های خاسی شرقی",
        "West Garo Hills|पश्चिमी गारो हिल्स|पश्चिम गारो हिल्स|تپه‌های گارو غربی",
    ],
    "mizoram": [
        "Aizawl|आइजोल|ऐझॉल|آیزاول",
        "Lunglei|लुंगलेई|लुंगलेई|لونگلی",
    ],
    "nagaland": [
        "Kohima|कोहिमा|कोहिमा|کوهیما",
        "Dimapur|दीमापुर|दिमापूर|دیماپور",
    ],
    "odisha": [
        "Khordha|खोरधा|खोर्धा|خوردا",
        "Cuttack|कटक|कटक|کاتاک",
        "Ganjam|गंजाम|गंजाम|گانجام",
        "Sundargarh|सुंदरगढ़|सुंदरगड|سوندرگار",
    ],
    "punjab": [
        "Ludhiana|लुधियाना|लुधियाना|لودهیانا",
        "Jalandhar|जालंधर|जालंधर|جالندهر",
        "Amritsar|अमृतसर|अमृतसर|امریتسر",
        "Patiala|पटियाला|पटियाला|پاتیالا",
    ],
    "rajasthan": [
        "Jaipur|जयपुर|जयपूर|جیپور",
        "Jodhpur|जोधपुर|जोधपूर|جودپور",
        "Udaipur|उदयपुर|उदयपूर|اودایپور",
        "Bhilwara|भीलवाड़ा|भिलवाडा|بیلوارا",
        "Kota|कोटा|कोटा|کوتا",
    ],
    "sikkim": [
        "Gangtok|गंगटोक|गंगटोक|گنگتوک",
        "Namchi|नामची|नामची|نامچی",
    ],
    "tamil-nadu": [
        "Chennai|चेन्नई|चेन्नई|چنای",
        "Tiruppur|तिरुप्पुर|तिरुपूर|تیروپور",
        "Madurai|मदुरै|मदुराई|مادورای",
        "Tiruchirappalli|तिरुचिरापल्ली|तिरुचिरापल्ली|تیروچیراپالی",
        "Vellore|वेल्लोर|वेल्लोर|ولور",
        "Kancheepuram|कांचीपुरम|कांचीपुरम|کانچی‌پورام",
    ],
    "telangana": [
        "Hyderabad|हैदराबाद|हैदराबाद|حیدرآباد",
        "Rangareddy|रंगारेड्डी|रंगारेड्डी|رانگارددی",
        "Warangal|वारंगल|वरंगल|ورنگل",
        "Karimnagar|करीमनगर|करीमनगर|کریم‌نگر",
    ],
    "tripura": [
        "West Tripura|पश्चिम त्रिपुरा|पश्चिम त्रिपुरा|تریپورای غربی",
        "Gomati|गोमती|गोमती|گوماتی",
    ],
    "uttar-pradesh": [
        "Kanpur Nagar|कानपुर नगर|कानपूर नगर|کانپور ناگار",
        "Varanasi|वाराणसी|वाराणसी|واراناسی",
        "Agra|आगरा|आग्रा|آگرا",
        "Moradabad|मुरादाबाद|मुरादाबाद|مرادآباد",
        "Gautam Buddha Nagar|गौतम बुद्ध नगर|गौतम बुद्ध नगर|گوتام بودا ناگار",
        "Firozabad|फ़िरोज़ाबाद|फिरोजाबाद|فیروزآباد",
        "Prayagraj|प्रयागराज|प्रयागराज|پرایاگراج",
        "Meerut|मेरठ|मेरठ|میروت",
        "Gorakhpur|गोरखपुर|गोरखपूर|گورکپور",
        "Aligarh|अलीगढ़|अलीगड|علیگره",
    ],
    "uttarakhand": [
        "Dehradun|देहरादून|डेहराडून|دهرادون",
        "Haridwar|हरिद्वार|हरिद्वार|هریدوار",
        "Udham Singh Nagar|ऊधम सिंह नगर|उधमसिंह नगर|اودام سینگ ناگار",
        "Nainital|नैनीताल|नैनिताल|نینی‌تال",
    ],
    "west-bengal": [
        "Kolkata|कोलकाता|कोलकाता|کلکته",
        "Howrah|हावड़ा|हावडा|هاورا",
        "Darjeeling|दार्जिलिंग|दार्जिलिंग|دارجیلینگ",
        "Purba Bardhaman|पूर्व बर्धमान|पूर्व बर्धमान|باردامان شرقی",
        "Murshidabad|मुर्शिदाबाद|मुर्शिदाबाद|مرشدآباد",
    ],
    "andaman-and-nicobar-islands": [
        "South Andaman|दक्षिण अंडमान|दक्षिण अंदमान|آندامان جنوبی",
    ],
    "dadra-and-nagar-haveli-and-daman-and-diu": [
        "Daman|दमन|दमण|دامان",
        "Dadra and Nagar Haveli|दादरा और नगर हवेली|दादरा आणि नगर हवेली|دادرا و نگار هاولی",
    ],
    "delhi": [
        "New Delhi|नई दिल्ली|नवी दिल्ली|دهلی نو",
        "South Delhi|दक्षिण दिल्ली|दक्षिण दिल्ली|دهلی جنوبی",
    ],
    "jammu-and-kashmir": [
        "Srinagar|श्रीनगर|श्रीनगर|سرینگر",
        "Jammu|जम्मू|जम्मू|جامو",
    ],
    "ladakh": [
        "Leh|लेह|लेह|له",
        "Kargil|कारगिल|कारगिल|کارگیل",
    ],
    "puducherry": [
        "Karaikal|कराईकल|कारैकल|کارایکال",
    ],
}
DISTRICTS = {state: _texts(entries, ALL) for state, entries in _DISTRICTS.items()}

# Iranian provinces beyond the demo data's Markazi, each with its counties;
# "Province" keeps a province's web address apart from its capital's.
_PROVINCES = {
    "Tehran Province|तेहरान प्रांत|तेहरान प्रांत|استان تهران": [
        "Tehran|तेहरान|तेहरान|تهران",
    ],
    "Isfahan Province|इस्फ़हान प्रांत|इस्फहान प्रांत|استان اصفهان": [
        "Isfahan|इस्फ़हान|इस्फहान|اصفهان",
        "Kashan|काशान|काशान|کاشان",
    ],
    "Razavi Khorasan|रज़वी ख़ुरासान प्रांत|रझवी खोरासान प्रांत|استان خراسان رضوی": [
        "Mashhad|मशहद|मशहद|مشهد",
    ],
    "Fars|फ़ार्स प्रांत|फार्स प्रांत|استان فارس": [
        "Shiraz|शिराज़|शिराझ|شیراز",
    ],
    "East Azerbaijan|पूर्वी अज़रबैजान प्रांत|पूर्व अझरबैजान प्रांत|استان آذربایجان شرقی": [
        "Tabriz|तबरेज़|तबरीझ|تبریز",
    ],
    "Hormozgan|होर्मोज़गान प्रांत|होर्मोझगान प्रांत|استان هرمزگان": [
        "Bandar Abbas|बंदर अब्बास|बंदर अब्बास|بندرعباس",
    ],
    "Khuzestan|ख़ूज़ेस्तान प्रांत|खुझेस्तान प्रांत|استان خوزستان": [
        "Ahvaz|अहवाज़|अहवाझ|اهواز",
    ],
    "Gilan|गीलान प्रांत|गिलान प्रांत|استان گیلان": [
        "Rasht|रश्त|रश्त|رشت",
    ],
}
PROVINCES = [
    (_texts([province], ALL)[0], _texts(counties, ALL)) for province, counties in _PROVINCES.items()
]
# More counties of the demo data's Markazi province.
MARKAZI_COUNTIES = _texts(["Saveh|सावेह|सावेह|ساوه"], ALL)

# State codes as Udyam registration numbers write them (UDYAM-MH-26-0012345).
UDYAM_STATE_CODES = {
    "andhra-pradesh": "AP",
    "arunachal-pradesh": "AR",
    "assam": "AS",
    "bihar": "BR",
    "chhattisgarh": "CG",
    "goa": "GA",
    "gujarat": "GJ",
    "haryana": "HR",
    "himachal-pradesh": "HP",
    "jharkhand": "JH",
    "karnataka": "KR",
    "kerala": "KL",
    "madhya-pradesh": "MP",
    "maharashtra": "MH",
    "manipur": "MN",
    "meghalaya": "ML",
    "mizoram": "MZ",
    "nagaland": "NL",
    "odisha": "OD",
    "punjab": "PB",
    "rajasthan": "RJ",
    "sikkim": "SK",
    "tamil-nadu": "TN",
    "telangana": "TS",
    "tripura": "TR",
    "uttar-pradesh": "UP",
    "uttarakhand": "UK",
    "west-bengal": "WB",
    "andaman-and-nicobar-islands": "AN",
    "chandigarh": "CH",
    "dadra-and-nagar-haveli-and-daman-and-diu": "DD",
    "delhi": "DL",
    "jammu-and-kashmir": "JK",
    "ladakh": "LA",
    "lakshadweep": "LD",
    "puducherry": "PY",
}
# Where official records are written in Marathi; Hindi elsewhere in India.
MARATHI_STATES = {"maharashtra", "goa"}

# People. Indian names in English, Hindi and Marathi; Iranian ones in English
# and Persian; foreign buyers' staff in English only.
INDIAN_MEN = _texts(
    [
        "Rahul|राहुल|राहुल",
        "Amit|अमित|अमित",
        "Sanjay|संजय|संजय",
        "Vijay|विजय|विजय",
        "Suresh|सुरेश|सुरेश",
        "Rajesh|राजेश|राजेश",
        "Anil|अनिल|अनिल",
        "Prakash|प्रकाश|प्रकाश",
        "Mahesh|महेश|महेश",
        "Nitin|नितिन|नितीन",
        "Ashok|अशोक|अशोक",
        "Ravi|रवि|रवी",
        "Deepak|दीपक|दीपक",
        "Manoj|मनोज|मनोज",
        "Arun|अरुण|अरुण",
        "Vikram|विक्रम|विक्रम",
        "Ganesh|गणेश|गणेश",
        "Rohit|रोहित|रोहित",
        "Sunil|सुनील|सुनील",
        "Ajay|अजय|अजय",
    ],
    INDIA,
)
INDIAN_WOMEN = _texts(
    [
        "Priya|प्रिया|प्रिया",
        "Sunita|सुनीता|सुनीता",
        "Anjali|अंजलि|अंजली",
        "Kavita|कविता|कविता",
        "Meena|मीना|मीना",
        "Neha|नेहा|नेहा",
        "Pooja|पूजा|पूजा",
        "Rekha|रेखा|रेखा",
        "Swati|स्वाति|स्वाती",
        "Deepa|दीपा|दीपा",
        "Asha|आशा|आशा",
        "Shweta|श्वेता|श्वेता",
        "Lata|लता|लता",
        "Madhuri|माधुरी|माधुरी",
        "Vaishali|वैशाली|वैशाली",
    ],
    INDIA,
)
INDIAN_SURNAMES = _texts(
    [
        "Sharma|शर्मा|शर्मा",
        "Patil|पाटिल|पाटील",
        "Deshmukh|देशमुख|देशमुख",
        "Kulkarni|कुलकर्णी|कुलकर्णी",
        "Joshi|जोशी|जोशी",
        "Verma|वर्मा|वर्मा",
        "Gupta|गुप्ता|गुप्ता",
        "Singh|सिंह|सिंह",
        "Yadav|यादव|यादव",
        "Reddy|रेड्डी|रेड्डी",
        "Nair|नायर|नायर",
        "Iyer|अय्यर|अय्यर",
        "Shah|शाह|शाह",
        "Mehta|मेहता|मेहता",
        "Pawar|पवार|पवार",
        "Jadhav|जाधव|जाधव",
        "Shinde|शिंदे|शिंदे",
        "Chavan|चव्हाण|चव्हाण",
        "Mishra|मिश्रा|मिश्रा",
        "Tiwari|तिवारी|तिवारी",
        "Das|दास|दास",
        "Banerjee|बनर्जी|बॅनर्जी",
        "Rao|राव|राव",
        "Naidu|नायडू|नायडू",
        "Agarwal|अग्रवाल|अग्रवाल",
        "Jain|जैन|जैन",
        "Khan|ख़ान|खान",
        "Gill|गिल|गिल",
        "Thakur|ठाकुर|ठाकूर",
        "Kumar|कुमार|कुमार",
    ],
    INDIA,
)
IRANIAN_MEN = _texts(
    [
        "Ali|علی",
        "Mohammad|محمد",
        "Hossein|حسین",
        "Reza|رضا",
        "Mehdi|مهدی",
        "Hamid|حمید",
        "Saeed|سعید",
        "Majid|مجید",
        "Amir|امیر",
        "Javad|جواد",
    ],
    IRAN,
)
IRANIAN_WOMEN = _texts(
    [
        "Maryam|مریم",
        "Fatemeh|فاطمه",
        "Zahra|زهرا",
        "Narges|نرگس",
        "Leila|لیلا",
        "Sara|سارا",
        "Elham|الهام",
    ],
    IRAN,
)
IRANIAN_SURNAMES = _texts(
    [
        "Ahmadi|احمدی",
        "Hosseini|حسینی",
        "Karimi|کریمی",
        "Rezaei|رضایی",
        "Mousavi|موسوی",
        "Rahimi|رحیمی",
        "Jafari|جعفری",
        "Sadeghi|صادقی",
        "Moradi|مرادی",
        "Najafi|نجفی",
        "Kazemi|کاظمی",
        "Ghasemi|قاسمی",
    ],
    IRAN,
)
FOREIGN_MEN = _texts(
    ["James", "Ahmed", "Kenji", "Carlos", "Hans", "Omar", "Yusuf", "David", "Pierre", "Lucas"],
    ("en",),
)
FOREIGN_WOMEN = _texts(
    ["Anna", "Maria", "Fatima", "Olga", "Sofia", "Grace", "Elena", "Mei", "Amina", "Ingrid"],
    ("en",),
)
FOREIGN_SURNAMES = _texts(
    [
        "Müller",
        "Smith",
        "Garcia",
        "Al Mansouri",
        "Wang",
        "Tanaka",
        "Haddad",
        "Silva",
        "Ivanova",
        "Rossi",
        "Okafor",
        "Kim",
        "Nguyen",
        "Dubois",
        "Kowalski",
        "Johansson",
    ],
    ("en",),
)

# Posts, by the kind of body a person works for and its country.
DESIGNATIONS = {
    ("official", "IN"): _texts(
        [
            "General Manager, District Industries Centre|महाप्रबंधक, जिला उद्योग केंद्र"
            "|महाव्यवस्थापक, जिल्हा उद्योग केंद्र",
            "Joint Director of Industries|संयुक्त उद्योग निदेशक|उद्योग सह संचालक",
            "District Collector|जिलाधिकारी|जिल्हाधिकारी",
            "Industries Officer|उद्योग अधिकारी|उद्योग अधिकारी",
            "Managing Director|प्रबंध निदेशक|व्यवस्थापकीय संचालक",
            "Principal Secretary, Industries|प्रमुख सचिव, उद्योग|प्रधान सचिव, उद्योग",
        ],
        INDIA,
    ),
    ("official", "IR"): _texts(
        [
            "Head of the Organisation|رئیس سازمان",
            "Deputy for Trade|معاون بازرگانی",
            "Director General|مدیرکل",
        ],
        IRAN,
    ),
    ("trade", "IN"): _texts(
        [
            "President|अध्यक्ष|अध्यक्ष",
            "Vice-President|उपाध्यक्ष|उपाध्यक्ष",
            "Secretary|सचिव|सचिव",
            "Executive Director|कार्यकारी निदेशक|कार्यकारी संचालक",
            "Branch Manager|शाखा प्रबंधक|शाखा व्यवस्थापक",
        ],
        INDIA,
    ),
    ("trade", "IR"): _texts(["President|رئیس", "Secretary General|دبیرکل"], IRAN),
    ("firm", "IN"): _texts(
        [
            "Proprietor|प्रोप्राइटर|प्रोप्रायटर",
            "Managing Director|प्रबंध निदेशक|व्यवस्थापकीय संचालक",
            "Director|निदेशक|संचालक",
            "Partner|साझेदार|भागीदार",
            "Export Manager|निर्यात प्रबंधक|निर्यात व्यवस्थापक",
        ],
        INDIA,
    ),
    ("firm", "IR"): _texts(["Chief Executive|مدیرعامل", "Sales Manager|مدیر فروش"], IRAN),
    ("firm", None): _texts(
        ["Purchasing Manager", "Sourcing Director", "Chief Executive Officer", "Category Buyer"],
        ("en",),
    ),
}

# Firms. An MSME is named after its owner or a lucky name and what it makes;
# what it makes is its sector (demo_data.SECTORS keys).
FIRM_NAMES = _texts(
    [
        "Shree Ganesh|श्री गणेश|श्री गणेश",
        "Sai|साई|साई",
        "Balaji|बालाजी|बालाजी",
        "Laxmi|लक्ष्मी|लक्ष्मी",
        "Shiv Shakti|शिव शक्ति|शिवशक्ती",
        "Bharat|भारत|भारत",
        "Annapurna|अन्नपूर्णा|अन्नपूर्णा",
        "Sahyadri|सह्याद्रि|सह्याद्री",
        "Ganga|गंगा|गंगा",
        "Kaveri|कावेरी|कावेरी",
        "Narmada|नर्मदा|नर्मदा",
    ],
    INDIA,
)
PRODUCTS = {
    "leather-products": _texts(
        ["Leather Crafts|लेदर क्राफ्ट्स|लेदर क्राफ्ट्स", "Footwear|फुटवियर|फुटवेअर"], INDIA
    ),
    "gems-and-jewellery": _texts(["Jewellers|ज्वेलर्स|ज्वेलर्स", "Gems|जेम्स|जेम्स"], INDIA),
    "engineering": _texts(
        [
            "Engineering Works|इंजीनियरिंग वर्क्स|इंजिनिअरिंग वर्क्स",
            "Precision Tools|प्रिसिजन टूल्स|प्रिसिजन टूल्स",
            "Auto Components|ऑटो कंपोनेंट्स|ऑटो कंपोनंट्स",
        ],
        INDIA,
    ),
    "textiles-and-handloom": _texts(
        [
            "Textiles|टेक्सटाइल्स|टेक्स्टाईल्स",
            "Handloom|हैंडलूम|हँडलूम",
            "Garments|गारमेंट्स|गारमेंट्स",
        ],
        INDIA,
    ),
    "khadi-and-village-industries": _texts(
        ["Khadi Gramodyog|खादी ग्रामोद्योग|खादी ग्रामोद्योग"], INDIA
    ),
    "food-processing": _texts(
        [
            "Agro Foods|एग्रो फूड्स|ॲग्रो फूड्स",
            "Spices|स्पाइसेज़|स्पायसेस",
            "Food Products|फूड प्रोडक्ट्स|फूड प्रॉडक्ट्स",
        ],
        INDIA,
    ),
    "services": _texts(["Infotech|इन्फोटेक|इन्फोटेक", "Logistics|लॉजिस्टिक्स|लॉजिस्टिक्स"], INDIA),
    "handicrafts": _texts(["Handicrafts|हैंडीक्राफ्ट्स|हँडिक्राफ्ट्स", "Brassware|ब्रासवेयर|ब्रासवेअर"], INDIA),
    "industrial-products": _texts(
        [
            "Plastics|प्लास्टिक्स|प्लास्टिक्स",
            "Chemicals|केमिकल्स|केमिकल्स",
            "Industries|इंडस्ट्रीज़|इंडस्ट्रीज",
        ],
        INDIA,
    ),
}
# A firm's legal form after its name; the first, no suffix, is the commonest.
FIRM_FORMS = _texts(
    ["||", "Pvt Ltd|प्रा. लि.|प्रा. लि.", "LLP|एलएलपी|एलएलपी", "Enterprises|एंटरप्राइजेज|एंटरप्रायझेस"],
    INDIA,
)

# Foreign buyers: a trading name, what it does and the legal form usual in its country.
BUYER_NAMES = [
    "Atlas",
    "Orion",
    "Meridian",
    "Zenith",
    "Coral",
    "Horizon",
    "Nordic",
    "Falcon",
    "Cedar",
    "Summit",
    "Crescent",
    "Pacific",
    "Alpine",
    "Sahara",
    "Baltic",
    "Emerald",
    "Harbour",
    "Silverline",
]
BUYER_TRADES = ["Trading", "Imports", "Sourcing", "Distribution", "Wholesale", "Retail Group"]
LEGAL_FORMS = {
    "DE": "GmbH",
    "AT": "GmbH",
    "CH": "AG",
    "FR": "SARL",
    "BE": "SPRL",
    "US": "Inc.",
    "CA": "Inc.",
    "AE": "LLC",
    "SA": "LLC",
    "NL": "B.V.",
    "IT": "S.r.l.",
    "ES": "S.L.",
    "JP": "K.K.",
    "SE": "AB",
}
DEFAULT_LEGAL_FORM = "Ltd"
IRANIAN_BUYER_NAMES = _texts(
    [
        "Pars|پارس",
        "Arya|آریا",
        "Simorgh|سیمرغ",
        "Alborz|البرز",
        "Zagros|زاگرس",
        "Kavir|کویر",
        "Khazar|خزر",
    ],
    IRAN,
)
IRANIAN_BUYER = _texts(["{name} Trading Company|شرکت بازرگانی {name}"], IRAN)[0]
# Markets that most buyers come from; the rest come from other countries.
MAIN_MARKETS = [
    "AE",
    "US",
    "GB",
    "DE",
    "SA",
    "NL",
    "SG",
    "BD",
    "NP",
    "LK",
    "FR",
    "IT",
    "JP",
    "KE",
    "NG",
    "ZA",
    "AU",
    "CA",
    "IR",
    "MY",
]

# Public bodies, associations and the like, by kind; the place is a district
# ({place}) or, for "government" and "state_corporation", a state.
BODIES = {
    "IN": {
        "district_office": _texts(
            [
                "District Industries Centre, {place}|जिला उद्योग केंद्र, {place}"
                "|जिल्हा उद्योग केंद्र, {place}",
                "Collector Office, {place}|जिलाधिकारी कार्यालय, {place}"
                "|जिल्हाधिकारी कार्यालय, {place}",
                "Zilla Parishad, {place}|जिला परिषद, {place}|जिल्हा परिषद, {place}",
            ],
            INDIA,
        ),
        "government": _texts(
            [
                "Directorate of Industries, {place}|उद्योग निदेशालय, {place}|उद्योग संचालनालय, {place}",
                "Department of MSME and Export Promotion, {place}"
                "|सूक्ष्म, लघु एवं मध्यम उद्यम एवं निर्यात प्रोत्साहन विभाग, {place}"
                "|सूक्ष्म, लघु व मध्यम उद्योग व निर्यात प्रोत्साहन विभाग, {place}",
            ],
            INDIA,
        ),
        "state_corporation": _texts(
            [
                "{place} Small Industries Development Corporation|{place} लघु उद्योग विकास निगम"
                "|{place} लघु उद्योग विकास महामंडळ",
                "{place} Industrial Development Corporation|{place} औद्योगिक विकास निगम"
                "|{place} औद्योगिक विकास महामंडळ",
            ],
            INDIA,
        ),
        "industry_association": _texts(
            [
                "{place} Industries Association|{place} उद्योग संघ|{place} उद्योग संघटना",
                "{place} Small Manufacturers' Association|{place} लघु उत्पादक संघ"
                "|{place} लघु उत्पादक संघटना",
                "{place} Women Entrepreneurs' Association|{place} महिला उद्यमी संघ"
                "|{place} महिला उद्योजक संघटना",
            ],
            INDIA,
        ),
        "chamber": _texts(
            [
                "{place} Chamber of Commerce and Industry|{place} वाणिज्य एवं उद्योग मंडल"
                "|{place} वाणिज्य व उद्योग मंडळ",
            ],
            INDIA,
        ),
        "export_council": _texts(
            [
                "Export Promotion Council, {place} Regional Office"
                "|निर्यात संवर्धन परिषद, {place} क्षेत्रीय कार्यालय"
                "|निर्यात प्रोत्साहन परिषद, {place} प्रादेशिक कार्यालय",
            ],
            INDIA,
        ),
        "financial": _texts(
            [
                "State Bank of India, {place} Branch|भारतीय स्टेट बैंक, {place} शाखा"
                "|भारतीय स्टेट बँक, {place} शाखा",
                "SIDBI, {place} Branch|सिडबी, {place} शाखा|सिडबी, {place} शाखा",
            ],
            INDIA,
        ),
        "sez_trade_centre": _texts(
            [
                "Export Facilitation Centre, {place}|निर्यात सुविधा केंद्र, {place}"
                "|निर्यात सुविधा केंद्र, {place}",
            ],
            INDIA,
        ),
    },
    "IR": {
        "district_office": _texts(
            ["Industry, Mine and Trade Office, {place}|اداره صنعت، معدن و تجارت {place}"], IRAN
        ),
        "government": _texts(
            [
                "Industry, Mine and Trade Organisation, {place}|سازمان صنعت، معدن و تجارت {place}",
            ],
            IRAN,
        ),
        "state_corporation": _texts(
            ["Industrial Towns Company, {place}|شرکت شهرک‌های صنعتی {place}"], IRAN
        ),
        "industry_association": _texts(["{place} Industry House|خانه صنعت {place}"], IRAN),
        "chamber": _texts(["{place} Chamber of Commerce|اتاق بازرگانی {place}"], IRAN),
        "export_council": _texts(
            ["{place} Exporters' Association|انجمن صادرکنندگان {place}"], IRAN
        ),
        "financial": _texts(
            ["Export Development Bank, {place} Branch|بانک توسعه صادرات، شعبه {place}"], IRAN
        ),
        "sez_trade_centre": _texts(["{place} Trade Centre|مرکز تجارت {place}"], IRAN),
    },
}

# Events, by kind. Every language's title names the same place.
TITLES = {
    "workshop": _texts(
        [
            "District Export Workshop, {place}|जिला निर्यात कार्यशाला, {place}"
            "|जिल्हा निर्यात कार्यशाळा, {place}|کارگاه صادرات {place}",
            "Export Documentation Workshop, {place}|निर्यात प्रलेखन कार्यशाला, {place}"
            "|निर्यात दस्तऐवज कार्यशाळा, {place}|کارگاه اسناد صادراتی، {place}",
            "Workshop on Export Packaging, {place}|निर्यात पैकेजिंग कार्यशाला, {place}"
            "|निर्यात पॅकेजिंग कार्यशाळा, {place}|کارگاه بسته‌بندی صادراتی، {place}",
        ],
        ALL,
    ),
    "seminar": _texts(
        [
            "Export Awareness Seminar, {place}|निर्यात जागरूकता संगोष्ठी, {place}"
            "|निर्यात जनजागृती चर्चासत्र, {place}|همایش آشنایی با صادرات، {place}",
            "Seminar on MSME Finance and Credit, {place}|एमएसएमई वित्त एवं ऋण संगोष्ठी, {place}"
            "|एमएसएमई वित्त व कर्ज चर्चासत्र, {place}"
            "|همایش تأمین مالی بنگاه‌های کوچک و متوسط، {place}",
        ],
        ALL,
    ),
    "training": _texts(
        [
            "Export Training Programme for MSMEs, {place}"
            "|एमएसएमई निर्यात प्रशिक्षण कार्यक्रम, {place}"
            "|एमएसएमई निर्यात प्रशिक्षण कार्यक्रम, {place}"
            "|دوره آموزش صادرات برای بنگاه‌های کوچک و متوسط، {place}",
            "Training on Digital Marketing for Exporters, {place}"
            "|निर्यातकों के लिए डिजिटल मार्केटिंग प्रशिक्षण, {place}"
            "|निर्यातदारांसाठी डिजिटल मार्केटिंग प्रशिक्षण, {place}"
            "|آموزش بازاریابی دیجیتال برای صادرکنندگان، {place}",
        ],
        ALL,
    ),
    "buyer_seller_meet": _texts(
        [
            "International Buyer-Seller Meet, {place}|अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, {place}"
            "|आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद, {place}"
            "|نشست بین‌المللی خریداران و فروشندگان، {place}",
            "Reverse Buyer-Seller Meet, {place}|रिवर्स क्रेता-विक्रेता बैठक, {place}"
            "|रिव्हर्स खरेदीदार-विक्रेता संमेलन, {place}|نشست معکوس خریداران و فروشندگان، {place}",
        ],
        ALL,
    ),
    "review_meeting": _texts(
        [
            "District Export Promotion Committee Meeting, {place}"
            "|जिला निर्यात संवर्धन समिति की बैठक, {place}"
            "|जिल्हा निर्यात प्रोत्साहन समितीची बैठक, {place}|جلسه کمیته توسعه صادرات {place}",
            "MSME Schemes Review Meeting, {place}|एमएसएमई योजनाओं की समीक्षा बैठक, {place}"
            "|एमएसएमई योजनांची आढावा बैठक, {place}|جلسه بررسی طرح‌های حمایت از صنایع، {place}",
        ],
        ALL,
    ),
    "conference": _texts(
        [
            "Export Conclave, {place}|निर्यात सम्मेलन, {place}|निर्यात परिषद, {place}"
            "|همایش صادرات، {place}",
            "Investment and Export Conference, {place}|निवेश एवं निर्यात सम्मेलन, {place}"
            "|गुंतवणूक व निर्यात परिषद, {place}|همایش سرمایه‌گذاری و صادرات، {place}",
        ],
        ALL,
    ),
    "exhibition": _texts(
        [
            "ODOP Products Exhibition, {place}|ओडीओपी उत्पाद प्रदर्शनी, {place}"
            "|ओडीओपी उत्पादन प्रदर्शन, {place}|نمایشگاه محصولات صادراتی، {place}",
            "Handicrafts and Handloom Exhibition, {place}"
            "|हस्तशिल्प एवं हथकरघा प्रदर्शनी, {place}|हस्तकला व हातमाग प्रदर्शन, {place}"
            "|نمایشگاه صنایع دستی و بافندگی، {place}",
        ],
        ALL,
    ),
    "trade_fair": _texts(
        [
            "MSME Trade Fair, {place}|एमएसएमई व्यापार मेला, {place}|एमएसएमई व्यापार मेळा, {place}"
            "|نمایشگاه تجاری صنایع کوچک و متوسط، {place}",
            "International Trade Expo, {place}|अंतरराष्ट्रीय व्यापार प्रदर्शनी, {place}"
            "|आंतरराष्ट्रीय व्यापार प्रदर्शन, {place}|نمایشگاه بین‌المللی تجارت، {place}",
        ],
        ALL,
    ),
}
VENUES = {
    "IN": _texts(
        [
            "Collectorate Conference Hall, {place}|कलेक्ट्रेट सभागार, {place}"
            "|जिल्हाधिकारी कार्यालय सभागृह, {place}",
            "District Industries Centre, {place}|जिला उद्योग केंद्र, {place}|जिल्हा उद्योग केंद्र, {place}",
            "Zilla Parishad Auditorium, {place}|जिला परिषद सभागार, {place}"
            "|जिल्हा परिषद सभागृह, {place}",
            "Chamber of Commerce Hall, {place}|वाणिज्य मंडल सभागार, {place}"
            "|वाणिज्य मंडळ सभागृह, {place}",
            "Exhibition Centre, {place}|प्रदर्शनी केंद्र, {place}|प्रदर्शन केंद्र, {place}",
        ],
        INDIA,
    ),
    "IR": _texts(
        [
            "Governorate Hall, {place}|سالن فرمانداری {place}",
            "Chamber of Commerce Hall, {place}|سالن اتاق بازرگانی {place}",
            "Exhibition Centre, {place}|مرکز نمایشگاهی {place}",
        ],
        IRAN,
    ),
}
# What an event is about, by the kind of event.
DESCRIPTIONS = {
    "meet": _texts(
        [
            "Foreign buyers meet manufacturers of {place} in scheduled one-to-one meetings."
            "|विदेशी खरीदार {place} के निर्माताओं से तय समय पर आमने-सामने मिलते हैं।"
            "|परदेशी खरेदीदार {place} येथील उत्पादकांना ठरलेल्या वेळी समोरासमोर भेटतात."
            "|خریداران خارجی در دیدارهای دونفره از پیش تعیین‌شده با تولیدکنندگان {place}"
            " گفت‌وگو می‌کنند."
        ],
        ALL,
    )[0],
    "learn": _texts(
        [
            "MSMEs of {place} learn about export documentation, quality certification, "
            "packaging and finding buyers abroad."
            "|{place} के एमएसएमई निर्यात प्रलेखन, गुणवत्ता प्रमाणन, पैकेजिंग और विदेशी खरीदार "
            "खोजने के बारे में जानते हैं।"
            "|{place} येथील एमएसएमई निर्यात दस्तऐवज, गुणवत्ता प्रमाणन, पॅकेजिंग आणि परदेशी "
            "खरेदीदार शोधणे याविषयी माहिती घेतात."
            "|بنگاه‌های کوچک و متوسط {place} با اسناد صادراتی، گواهی کیفیت، بسته‌بندی و یافتن"
            " خریدار خارجی آشنا می‌شوند."
        ],
        ALL,
    )[0],
    "meet_officials": _texts(
        [
            "Exporters of {place} meet the officials of the industries department, banks "
            "and export promotion bodies."
            "|{place} के निर्यातक उद्योग विभाग, बैंकों और निर्यात संवर्धन संस्थाओं के अधिकारियों "
            "से मिलते हैं।"
            "|{place} येथील निर्यातदार उद्योग विभाग, बँका आणि निर्यात प्रोत्साहन संस्थांच्या "
            "अधिकाऱ्यांना भेटतात."
            "|صادرکنندگان {place} با مسئولان صنعت، بانک‌ها و نهادهای توسعه صادرات دیدار"
            " می‌کنند."
        ],
        ALL,
    )[0],
}
DESCRIPTION_OF_KIND = {
    "buyer_seller_meet": "meet",
    "trade_fair": "meet",
    "exhibition": "meet",
    "workshop": "learn",
    "seminar": "learn",
    "training": "learn",
    "review_meeting": "meet_officials",
    "conference": "meet_officials",
}

SESSION_TITLES = {
    "inaugural": _texts(["Inaugural session|उद्घाटन सत्र|उद्घाटन सत्र|آیین افتتاحیه"], ALL)[0],
    "technical": _texts(["Technical session|तकनीकी सत्र|तांत्रिक सत्र|نشست تخصصی"], ALL)[0],
    "b2b": _texts(["B2B meetings|बी2बी बैठकें|बी२बी बैठका|دیدارهای تجاری دوجانبه"], ALL)[0],
    "valedictory": _texts(["Valedictory session|समापन सत्र|समारोप सत्र|آیین اختتامیه"], ALL)[0],
}
TOPICS = _texts(
    [
        "Export documentation and procedures|निर्यात प्रलेखन एवं प्रक्रियाएँ"
        "|निर्यात दस्तऐवज व प्रक्रिया|اسناد و رویه‌های صادرات",
        "Export credit and insurance|निर्यात ऋण एवं बीमा|निर्यात कर्ज व विमा|اعتبار و بیمه صادرات",
        "Selling online|ऑनलाइन बिक्री|ऑनलाइन विक्री|فروش برخط",
        "Packaging and labelling for export|निर्यात हेतु पैकेजिंग एवं लेबलिंग"
        "|निर्यातीसाठी पॅकेजिंग व लेबलिंग|بسته‌بندی و برچسب‌گذاری برای صادرات",
        "Quality certification|गुणवत्ता प्रमाणन|गुणवत्ता प्रमाणन|گواهی کیفیت",
        "Finding buyers abroad|विदेशी खरीदार खोजना|परदेशी खरेदीदार शोधणे|یافتن خریدار خارجی",
        "Logistics and shipping|लॉजिस्टिक्स एवं शिपिंग|लॉजिस्टिक्स व शिपिंग|لجستیک و حمل‌ونقل",
    ],
    ALL,
)

MOU_TITLES = _texts(
    [
        "MoU on exports of {sector}, {place}|{sector} के निर्यात पर समझौता ज्ञापन, {place}"
        "|{sector} निर्यातीबाबत सामंजस्य करार, {place}|تفاهم‌نامه صادرات {sector}، {place}",
        "MoU on the supply of {sector}, {place}|{sector} की आपूर्ति हेतु समझौता ज्ञापन, {place}"
        "|{sector} पुरवठ्यासाठी सामंजस्य करार, {place}|تفاهم‌نامه تأمین {sector}، {place}",
        "MoU for an export facilitation cell, {place}"
        "|निर्यात सुविधा प्रकोष्ठ हेतु समझौता ज्ञापन, {place}"
        "|निर्यात सुविधा कक्षासाठी सामंजस्य करार, {place}"
        "|تفاهم‌نامه ایجاد دفتر تسهیل صادرات، {place}",
    ],
    ALL,
)
MOU_PURPOSE = _texts(
    [
        "To develop exports of {sector} from {place}.|{place} से {sector} के निर्यात का विकास।"
        "|{place} येथून {sector} निर्यातीचा विकास.|توسعه صادرات {sector} از {place}."
    ],
    ALL,
)[0]
