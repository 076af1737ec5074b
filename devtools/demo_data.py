"""The portal's first data: what the five seed news reports describe.

Seeds 000 and 001 are Marathi reports of events in Pune and Mumbai, 002 a
Hindi report of a review meeting in Lucknow, 003 a Hindi report of a Lok
Sabha reply on MSME schemes (not an event), 004 a Persian report of a
conference in Arak. Each record is written in its article's language and
English, and in Hindi, Marathi or Persian where a good translation exists.

Records are keyed by stable ASCII slugs (people, who have no slug, by a
key of the same form); a text field given as a dict holds its value by
language; a string where a record belongs (a region, an organisation, ...)
is that record's key, or a country's ISO code. The sample meets and B2B
meetings at the end are invented, and say so in their names; the Pune
meet's 1st edition among them is not, but its date is, and its
description says so.

The Marathi report spells English "a" sounds as अॅ (अ with a candra sign),
which fonts draw with a dotted circle; here it is the letter Marathi
orthography has for it, ॲ (U+0972): अॅण्ड -> ॲण्ड.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

IST = ZoneInfo("Asia/Kolkata")

# The 28 states and 8 union territories of India, by name in en, hi, mr, fa.
INDIAN_STATES = {
    "andhra-pradesh": {
        "en": "Andhra Pradesh",
        "hi": "आंध्र प्रदेश",
        "mr": "आंध्र प्रदेश",
        "fa": "آندرا پرادش",
    },
    "arunachal-pradesh": {
        "en": "Arunachal Pradesh",
        "hi": "अरुणाचल प्रदेश",
        "mr": "अरुणाचल प्रदेश",
        "fa": "آروناچال پرادش",
    },
    "assam": {"en": "Assam", "hi": "असम", "mr": "आसाम", "fa": "آسام"},
    "bihar": {"en": "Bihar", "hi": "बिहार", "mr": "बिहार", "fa": "بیهار"},
    "chhattisgarh": {"en": "Chhattisgarh", "hi": "छत्तीसगढ़", "mr": "छत्तीसगड", "fa": "چاتیسگار"},
    "goa": {"en": "Goa", "hi": "गोवा", "mr": "गोवा", "fa": "گوا"},
    "gujarat": {"en": "Gujarat", "hi": "गुजरात", "mr": "गुजरात", "fa": "گجرات"},
    "haryana": {"en": "Haryana", "hi": "हरियाणा", "mr": "हरियाणा", "fa": "هاریانا"},
    "himachal-pradesh": {
        "en": "Himachal Pradesh",
        "hi": "हिमाचल प्रदेश",
        "mr": "हिमाचल प्रदेश",
        "fa": "هیماچال پرادش",
    },
    "jharkhand": {"en": "Jharkhand", "hi": "झारखंड", "mr": "झारखंड", "fa": "جارکند"},
    "karnataka": {"en": "Karnataka", "hi": "कर्नाटक", "mr": "कर्नाटक", "fa": "کارناتاکا"},
    "kerala": {"en": "Kerala", "hi": "केरल", "mr": "केरळ", "fa": "کرالا"},
    "madhya-pradesh": {
        "en": "Madhya Pradesh",
        "hi": "मध्य प्रदेश",
        "mr": "मध्य प्रदेश",
        "fa": "مادیا پرادش",
    },
    "maharashtra": {"en": "Maharashtra", "hi": "महाराष्ट्र", "mr": "महाराष्ट्र", "fa": "ماهاراشترا"},
    "manipur": {"en": "Manipur", "hi": "मणिपुर", "mr": "मणिपूर", "fa": "مانیپور"},
    "meghalaya": {"en": "Meghalaya", "hi": "मेघालय", "mr": "मेघालय", "fa": "مگالایا"},
    "mizoram": {"en": "Mizoram", "hi": "मिज़ोरम", "mr": "मिझोराम", "fa": "میزورام"},
    "nagaland": {"en": "Nagaland", "hi": "नागालैंड", "mr": "नागालँड", "fa": "ناگالند"},
    "odisha": {"en": "Odisha", "hi": "ओडिशा", "mr": "ओडिशा", "fa": "اودیشا"},
    "punjab": {"en": "Punjab", "hi": "पंजाब", "mr": "पंजाब", "fa": "پنجاب"},
    "rajasthan": {"en": "Rajasthan", "hi": "राजस्थान", "mr": "राजस्थान", "fa": "راجستان"},
    "sikkim": {"en": "Sikkim", "hi": "सिक्किम", "mr": "सिक्कीम", "fa": "سیکیم"},
    "tamil-nadu": {"en": "Tamil Nadu", "hi": "तमिलनाडु", "mr": "तमिळनाडू", "fa": "تامیل نادو"},
    "telangana": {"en": "Telangana", "hi": "तेलंगाना", "mr": "तेलंगणा", "fa": "تلانگانا"},
    "tripura": {"en": "Tripura", "hi": "त्रिपुरा", "mr": "त्रिपुरा", "fa": "تریپورا"},
    "uttar-pradesh": {
        "en": "Uttar Pradesh",
        "hi": "उत्तर प्रदेश",
        "mr": "उत्तर प्रदेश",
        "fa": "اوتار پرادش",
    },
    "uttarakhand": {"en": "Uttarakhand", "hi": "उत्तराखंड", "mr": "उत्तराखंड", "fa": "اوتاراکند"},
    "west-bengal": {
        "en": "West Bengal",
        "hi": "पश्चिम बंगाल",
        "mr": "पश्चिम बंगाल",
        "fa": "بنگال غربی",
    },
    "andaman-and-nicobar-islands": {
        "en": "Andaman and Nicobar Islands",
        "hi": "अंडमान और निकोबार द्वीपसमूह",
        "mr": "अंदमान आणि निकोबार बेटे",
        "fa": "جزایر آندامان و نیکوبار",
    },
    "chandigarh": {"en": "Chandigarh", "hi": "चंडीगढ़", "mr": "चंदीगड", "fa": "چندیگر"},
    "dadra-and-nagar-haveli-and-daman-and-diu": {
        "en": "Dadra and Nagar Haveli and Daman and Diu",
        "hi": "दादरा और नगर हवेली और दमन और दीव",
        "mr": "दादरा आणि नगर हवेली आणि दमण आणि दीव",
        "fa": "دادرا و نگار هاولی و دامان و دیو",
    },
    "delhi": {"en": "Delhi", "hi": "दिल्ली", "mr": "दिल्ली", "fa": "دهلی"},
    "jammu-and-kashmir": {
        "en": "Jammu and Kashmir",
        "hi": "जम्मू और कश्मीर",
        "mr": "जम्मू आणि काश्मीर",
        "fa": "جامو و کشمیر",
    },
    "ladakh": {"en": "Ladakh", "hi": "लद्दाख", "mr": "लडाख", "fa": "لداخ"},
    "lakshadweep": {"en": "Lakshadweep", "hi": "लक्षद्वीप", "mr": "लक्षद्वीप", "fa": "لاکشادوپ"},
    "puducherry": {"en": "Puducherry", "hi": "पुदुचेरी", "mr": "पुडुचेरी", "fa": "پودوچری"},
}

# States before districts: a district names its state by key.
REGIONS = {
    **{
        slug: {"country": "IN", "kind": "state", "name": names}
        for slug, names in INDIAN_STATES.items()
    },
    "pune": {
        "country": "IN",
        "kind": "district",
        "parent": "maharashtra",
        "name": {"en": "Pune", "hi": "पुणे", "mr": "पुणे", "fa": "پونه"},
    },
    "mumbai-city": {
        "country": "IN",
        "kind": "district",
        "parent": "maharashtra",
        "name": {"en": "Mumbai City", "hi": "मुंबई शहर", "mr": "मुंबई शहर", "fa": "شهر بمبئی"},
    },
    "mumbai-suburban": {
        "country": "IN",
        "kind": "district",
        "parent": "maharashtra",
        "name": {
            "en": "Mumbai Suburban",
            "hi": "मुंबई उपनगरीय",
            "mr": "मुंबई उपनगर",
            "fa": "حومه بمبئی",
        },
    },
    "lucknow": {
        "country": "IN",
        "kind": "district",
        "parent": "uttar-pradesh",
        "name": {"en": "Lucknow", "hi": "लखनऊ", "mr": "लखनौ", "fa": "لکهنو"},
    },
    "gaya": {
        "country": "IN",
        "kind": "district",
        "parent": "bihar",
        "name": {"en": "Gaya", "hi": "गया", "mr": "गया", "fa": "گیا"},
    },
    "bokaro": {
        "country": "IN",
        "kind": "district",
        "parent": "jharkhand",
        "name": {"en": "Bokaro", "hi": "बोकारो", "mr": "बोकारो", "fa": "بوکارو"},
    },
    "coimbatore": {
        "country": "IN",
        "kind": "district",
        "parent": "tamil-nadu",
        "name": {"en": "Coimbatore", "hi": "कोयंबटूर", "mr": "कोइंबतूर", "fa": "کوئمباتور"},
    },
    "markazi": {
        "country": "IR",
        "kind": "state",
        "name": {
            "en": "Markazi",
            "hi": "मरकज़ी प्रांत",
            "mr": "मरकझी प्रांत",
            "fa": "استان مرکزی",
        },
    },
    "arak": {
        "country": "IR",
        "kind": "district",
        "parent": "markazi",
        "name": {"en": "Arak", "hi": "अराक", "mr": "अराक", "fa": "اراک"},
    },
}

SECTORS = {
    "leather-products": {
        "name": {
            "en": "Leather products",
            "hi": "चमड़ा उत्पाद",
            "mr": "चामड्याची उत्पादने",
            "fa": "محصولات چرمی",
        }
    },
    "gems-and-jewellery": {
        "name": {
            "en": "Gems and jewellery",
            "hi": "रत्न एवं आभूषण",
            "mr": "रत्ने व दागिने",
            "fa": "سنگ‌های قیمتی و جواهرات",
        }
    },
    "engineering": {
        "name": {
            "en": "Engineering",
            "hi": "इंजीनियरिंग",
            "mr": "अभियांत्रिकी",
            "fa": "مهندسی",
        }
    },
    "textiles-and-handloom": {
        "name": {
            "en": "Textiles and handloom",
            "hi": "वस्त्र एवं हथकरघा",
            "mr": "वस्त्रोद्योग व हातमाग",
            "fa": "نساجی و بافندگی دستی",
        }
    },
    "khadi-and-village-industries": {
        "name": {
            "en": "Khadi and village industries",
            "hi": "खादी एवं ग्रामोद्योग",
            "mr": "खादी व ग्रामोद्योग",
            "fa": "خادی و صنایع روستایی",
        }
    },
    "food-processing": {
        "name": {
            "en": "Food processing",
            "hi": "खाद्य प्रसंस्करण",
            "mr": "अन्न प्रक्रिया",
            "fa": "فرآوری مواد غذایی",
        }
    },
    "services": {"name": {"en": "Services", "hi": "सेवाएँ", "mr": "सेवा", "fa": "خدمات"}},
    "handicrafts": {
        "name": {"en": "Handicrafts", "hi": "हस्तशिल्प", "mr": "हस्तकला", "fa": "صنایع دستی"}
    },
    "industrial-products": {
        "name": {
            "en": "Industrial products",
            "hi": "औद्योगिक उत्पाद",
            "mr": "औद्योगिक उत्पादने",
            "fa": "تولیدات صنعتی",
        }
    },
}

# A parent organisation comes before its units. No Udyam or IEC numbers:
# none of these bodies is an MSME or exporter whose number the seeds give.
ORGANISATIONS = {
    "ministry-of-msme": {
        "kind": "government",
        "acronym": "MoMSME",
        "country": "IN",
        "region": "delhi",
        "website": "https://msme.gov.in/",
        "name": {
            "en": "Ministry of Micro, Small and Medium Enterprises",
            "hi": "सूक्ष्म, लघु और मध्यम उद्यम मंत्रालय",
            "mr": "सूक्ष्म, लघु व मध्यम उद्योग मंत्रालय",
            "fa": "وزارت بنگاه‌های خرد، کوچک و متوسط هند",
        },
        "description": {
            "en": (
                "Ministry of the Government of India. In a written reply in the Lok Sabha, "
                "the Minister of State for MSME reported that the Ministry has set up 65 "
                "Export Facilitation Centres (EFCs), which give MSMEs training, guidance and "
                "export support. It points MSMEs to the Udyam, MSME Champions, GeM, TReDS, "
                "MSME Mart and MSME Sambandh portals and to online dispute resolution."
            ),
            "hi": (
                "भारत सरकार का मंत्रालय। लोकसभा में लिखित उत्तर में केन्द्रीय एमएसएमई राज्य मंत्री "
                "ने बताया कि मंत्रालय ने 65 निर्यात सुविधा केंद्र (EFC) स्थापित किए हैं, जो एमएसएमई "
                "को प्रशिक्षण, मार्गदर्शन और निर्यात सहायता प्रदान करते हैं। उद्यम पोर्टल, एमएसएमई "
                "चैंपियंस पोर्टल, सरकारी ई-मार्केटप्लेस (जीईएम), टीआरईडीएस, एमएसएमई मार्ट, "
                "एमएसएमई संबंध और ऑनलाइन विवाद समाधान पोर्टल डिजिटल सक्षम शासन की दिशा में "
                "महत्वपूर्ण भूमिका निभा रहे हैं।"
            ),
        },
    },
    "mssidc": {
        "kind": "state_corporation",
        "acronym": "MSSIDC",
        "country": "IN",
        "region": "maharashtra",
        "name": {
            "en": "Maharashtra Small Scale Industries Development Corporation",
            "hi": "महाराष्ट्र लघु उद्योग विकास निगम",
            "mr": "महाराष्ट्र लघु उद्योग विकास महामंडळ",
        },
    },
    "india-sme-forum": {
        "kind": "industry_association",
        "country": "IN",
        "region": "maharashtra",
        "name": {
            "en": "India SME Forum",
            "hi": "इंडिया एसएमई फोरम",
            "mr": "इंडिया एस एम इ फोरम",
        },
    },
    "directorate-of-industries-maharashtra": {
        "kind": "government",
        "country": "IN",
        "region": "maharashtra",
        "name": {
            "en": "Directorate of Industries, Maharashtra",
            "hi": "उद्योग निदेशालय, महाराष्ट्र",
            "mr": "उद्योग संचालनालय, महाराष्ट्र",
        },
        "description": {
            "en": "Headed by the Development Commissioner (Industries), Government of Maharashtra.",
            "mr": "महाराष्ट्र शासनाच्या विकास आयुक्त (उद्योग) यांच्या अधिपत्याखाली.",
        },
    },
    "joint-director-of-industries-mumbai": {
        "kind": "district_office",
        "parent": "directorate-of-industries-maharashtra",
        "country": "IN",
        "region": "mumbai-city",
        "name": {
            "en": "Office of the Joint Director of Industries, Mumbai",
            "hi": "संयुक्त उद्योग निदेशक कार्यालय, मुंबई",
            "mr": "उद्योग सह संचालक कार्यालय, मुंबई",
        },
    },
    "collector-office-mumbai-city": {
        "kind": "district_office",
        "country": "IN",
        "region": "mumbai-city",
        "name": {
            "en": "Collector Office, Mumbai City",
            "hi": "जिलाधिकारी कार्यालय, मुंबई शहर",
            "mr": "जिल्हाधिकारी कार्यालय, मुंबई शहर",
        },
    },
    "wtc-mumbai": {
        "kind": "sez_trade_centre",
        "acronym": "WTC",
        "country": "IN",
        "region": "mumbai-city",
        "name": {
            "en": "World Trade Centre Mumbai",
            "hi": "वर्ल्ड ट्रेड सेंटर मुंबई",
            "mr": "वर्ल्ड ट्रेड सेंटर, मुंबई",
        },
    },
    "sepc": {
        "kind": "export_council",
        "acronym": "SEPC",
        "country": "IN",
        "region": "delhi",
        "sectors": ["services"],
        "name": {
            "en": "Services Export Promotion Council",
            "hi": "सेवा निर्यात संवर्धन परिषद",
            "mr": "सेवा निर्यात प्रोत्साहन परिषद",
        },
    },
    "fieo": {
        "kind": "export_council",
        "acronym": "FIEO",
        "country": "IN",
        "region": "delhi",
        "website": "https://www.fieo.org/",
        "name": {
            "en": "Federation of Indian Export Organisations",
            "hi": "भारतीय निर्यात संगठन परिसंघ",
            "mr": "भारतीय निर्यात संघटना महासंघ",
        },
    },
    "idbi-capital": {
        "kind": "financial",
        "country": "IN",
        "region": "maharashtra",
        "name": {
            "en": "IDBI Capital Markets & Securities Ltd",
            "hi": "आईडीबीआई कैपिटल",
            "mr": "आयडीबीआय कॅपिटल",
        },
    },
    "seepz": {
        "kind": "sez_trade_centre",
        "acronym": "SEEPZ",
        "country": "IN",
        "region": "mumbai-suburban",
        "sectors": ["gems-and-jewellery"],
        "name": {
            "en": "SEEPZ Special Economic Zone",
            "hi": "सीप्ज़ विशेष आर्थिक क्षेत्र",
            "mr": "सीप्झ विशेष आर्थिक क्षेत्र",
        },
    },
    "aiai": {
        "kind": "industry_association",
        "acronym": "AIAI",
        "country": "IN",
        "region": "maharashtra",
        "name": {
            "en": "All India Association of Industries",
            "hi": "ऑल इंडिया एसोसिएशन ऑफ इंडस्ट्रीज",
            "mr": "ऑल इंडिया असोसिएशन ऑफ इंडस्ट्रीज",
        },
    },
    "up-msme-export-promotion": {
        "kind": "government",
        "country": "IN",
        "region": "uttar-pradesh",
        "sectors": ["khadi-and-village-industries", "textiles-and-handloom"],
        "name": {
            "en": "Department of MSME and Export Promotion, Government of Uttar Pradesh",
            "hi": "सूक्ष्म, लघु एवं मध्यम उद्यम एवं निर्यात प्रोत्साहन विभाग, उत्तर प्रदेश",
        },
    },
    "basij-engineers-markazi": {
        "kind": "other",
        "country": "IR",
        "region": "markazi",
        "name": {
            "en": "Basij Organisation of Industry and Civil Engineers, Markazi Province",
            "fa": "سازمان بسیج مهندسان صنایع و عمران استان مرکزی",
        },
    },
    "industry-mine-trade-markazi": {
        "kind": "government",
        "country": "IR",
        "region": "markazi",
        "name": {
            "en": "Industry, Mine and Trade Organisation of Markazi Province",
            "fa": "سازمان صنعت، معدن و تجارت استان مرکزی",
        },
    },
    "industrial-towns-markazi": {
        "kind": "state_corporation",
        "country": "IR",
        "region": "markazi",
        "name": {
            "en": "Industrial Towns Company of Markazi Province",
            "fa": "شرکت شهرک‌های صنعتی استان مرکزی",
        },
    },
    "industry-house-markazi": {
        "kind": "industry_association",
        "country": "IR",
        "region": "markazi",
        "name": {"en": "Markazi Province Industry House", "fa": "خانه صنعت استان مرکزی"},
    },
    "arak-chamber-of-commerce": {
        "kind": "chamber",
        "country": "IR",
        "region": "arak",
        "name": {
            "en": "Arak Chamber of Commerce, Industries, Mines and Agriculture",
            "fa": "اتاق بازرگانی، صنایع، معادن و کشاورزی اراک",
        },
    },
}

# Names as each article spells them; the honorific where the article gives
# one (Marathi report 001 gives it for women only; men are Shri by custom).
PEOPLE = {
    "vikas-pansare": {
        "honorific": "shri",
        "service": "IAS",
        "organisation": "mssidc",
        "name": {"en": "Vikas Pansare", "mr": "विकास पानसरे"},
        "designation": {"en": "Managing Director", "mr": "व्यवस्थापकीय संचालक"},
    },
    "vinod-kumar": {
        "honorific": "shri",
        "organisation": "india-sme-forum",
        "name": {"en": "Vinod Kumar", "mr": "विनोद कुमार"},
        "designation": {"en": "President", "mr": "अध्यक्ष"},
    },
    "prashali-dighavkar": {
        "honorific": "smt",
        "organisation": "mssidc",
        "name": {"en": "Prashali Dighavkar", "mr": "प्रशाली दिघावकर"},
        "designation": {"en": "Joint Managing Director", "mr": "सहव्यवस्थापकीय संचालिका"},
    },
    "sushma-morthania": {
        "honorific": "smt",
        "organisation": "india-sme-forum",
        "name": {"en": "Sushma Morthania", "mr": "सुषमा मोरथानिया"},
        "designation": {"en": "Director General", "mr": "महासंचालिका"},
    },
    "narendra-jeena": {
        "honorific": "shri",
        "organisation": "ministry-of-msme",
        "name": {"en": "Narendra Jeena", "mr": "नरेंद्र जीना"},
        "designation": {
            "en": "Deputy Director, RAMP Division",
            "hi": "उप निदेशक, रैम्प प्रभाग",
            "mr": "उपसंचालक, रॅम्प विभाग",
        },
    },
    "dipendrasingh-kushwah": {
        "honorific": "shri",
        "organisation": "directorate-of-industries-maharashtra",
        "name": {"en": "Dipendrasingh Kushwah", "mr": "दिपेंद्रसिंह कुशवाह"},
        "designation": {"en": "Development Commissioner (Industries)", "mr": "विकास आयुक्त (उद्योग)"},
    },
    "bappasaheb-thorat": {
        "honorific": "shri",
        "organisation": "collector-office-mumbai-city",
        "name": {"en": "Bappasaheb Thorat", "mr": "बप्पासाहेब थोरात"},
        "designation": {
            "en": "Additional Collector, Mumbai City",
            "mr": "अपर जिल्हाधिकारी, मुंबई शहर",
        },
    },
    "viju-sirsath": {
        "honorific": "smt",
        "organisation": "joint-director-of-industries-mumbai",
        "name": {"en": "Viju Sirsath", "mr": "विजू सिरसाठ"},
        "designation": {"en": "Joint Director of Industries", "mr": "उद्योग सह संचालक"},
    },
    "vijay-kalantri": {
        "honorific": "shri",
        "organisation": "wtc-mumbai",
        "name": {"en": "Vijay Kalantri", "mr": "विजय कलंत्री"},
        "designation": {"en": "Chairman", "mr": "अध्यक्ष"},
    },
    "vivek-bakshi": {
        "honorific": "shri",
        "organisation": "sepc",
        "name": {"en": "Vivek Bakshi", "mr": "विवेक बक्षी"},
        "designation": {"en": "Representative", "mr": "प्रतिनिधी"},
    },
    "rishu-mishra": {
        "honorific": "smt",
        "organisation": "fieo",
        "name": {"en": "Rishu Mishra", "mr": "रिषु मिश्रा"},
    },
    "vikram-jain": {
        "honorific": "shri",
        "organisation": "idbi-capital",
        "name": {"en": "Vikram Jain", "mr": "विक्रम जैन"},
    },
    "shamali-banerjee": {
        "honorific": "smt",
        "organisation": "seepz",
        "name": {"en": "Shamali Banerjee", "mr": "शामली बॅनर्जी"},
    },
    # The article gives no organisation for the next three.
    "poonam-darade": {
        "honorific": "smt",
        "name": {"en": "Poonam Darade", "mr": "पूनम दराडे"},
    },
    "sachin-shinde": {
        "honorific": "shri",
        "name": {"en": "Sachin Shinde", "mr": "सचिन शिंदे"},
        "designation": {"en": "Entrepreneur, leather industry", "mr": "लेदर उद्योगातील उद्योजक"},
    },
    "manisha-kumbhar": {
        "name": {"en": "Manisha Kumbhar", "mr": "मनीषा कुंभार"},
    },
    "vilas-kumtakar": {
        "honorific": "shri",
        "organisation": "joint-director-of-industries-mumbai",
        "name": {"en": "Vilas Kumtakar", "mr": "विलास कुमटकर"},
        "designation": {"en": "Industries Officer", "mr": "उद्योग अधिकारी"},
    },
    "rakesh-sachan": {
        "honorific": "shri",
        "organisation": "up-msme-export-promotion",
        "name": {"en": "Rakesh Sachan", "hi": "राकेश सचान"},
        "designation": {
            "en": (
                "Minister for MSME, Khadi and Village Industries, Handloom and Textiles, "
                "Uttar Pradesh"
            ),
            "hi": (
                "सूक्ष्म, लघु एवं मध्यम उद्यम, खादी एवं ग्रामोद्योग तथा हथकरघा एवं वस्त्रोद्योग मंत्री, उत्तर प्रदेश"
            ),
        },
    },
    "amit-mohan-prasad": {
        "honorific": "shri",
        "organisation": "up-msme-export-promotion",
        "name": {"en": "Amit Mohan Prasad", "hi": "अमित मोहन प्रसाद"},
        "designation": {
            "en": "Additional Chief Secretary, MSME and Export Promotion",
            "hi": "अपर मुख्य सचिव, एमएसएमई एवं निर्यात प्रोत्साहन",
        },
    },
    "shobha-karandlaje": {
        "honorific": "sushri",
        "organisation": "ministry-of-msme",
        "name": {"en": "Shobha Karandlaje", "hi": "शोभा करंदलाजे"},
        "designation": {"en": "Minister of State for MSME", "hi": "केन्द्रीय एमएसएमई राज्य मंत्री"},
    },
    "mahdi-latifi": {
        "organisation": "basij-engineers-markazi",
        "name": {"en": "Mahdi Latifi", "fa": "مهدی لطیفی"},
        "designation": {"en": "Head", "fa": "مسئول"},
    },
}

SCHEMES = {
    "ramp": {
        "acronym": "RAMP",
        "owner": "ministry-of-msme",
        "name": {
            "en": "Raising and Accelerating MSME Performance",
            "hi": "एमएसएमई के कार्य-निष्पादन में वृद्धि और तेजी",
            "mr": "सूक्ष्म उद्योग कार्यक्षमता वृद्धी व गती योजना",
        },
        "description": {
            "en": (
                "A World Bank-supported programme of the Ministry of MSME to improve MSMEs' "
                "access to markets, finance and technology. The 2nd International "
                "Buyer-Seller Meet in Pune (November 2025) was held under it."
            ),
            "mr": (
                "केंद्र सरकारच्या सूक्ष्म, लघु व मध्यम उद्योग मंत्रालयाचा उपक्रम. पुणे येथील द्वितीय "
                "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद (नोव्हेंबर २०२५) या उपक्रमांतर्गत झाली."
            ),
        },
    },
    "odop": {
        "acronym": "ODOP",
        "name": {
            "en": "One District One Product",
            "hi": "एक जिला एक उत्पाद",
            "mr": "एक जिल्हा एक उत्पादन",
        },
        "description": {
            "en": (
                "Each district chooses a product to develop, brand and export. For Mumbai, "
                "leather products were chosen for Mumbai City and gems and jewellery for "
                "Mumbai Suburban. Uttar Pradesh markets its ODOP products through the ODOP "
                "Mart e-commerce portal."
            ),
            "hi": (
                "प्रत्येक जिला विकास, ब्रांडिंग और निर्यात के लिए एक उत्पाद चुनता है। उत्तर प्रदेश "
                "ओडीओपी उत्पादों का विपणन ओडीओपी मार्ट ई-कॉमर्स पोर्टल से करता है।"
            ),
            "mr": (
                "एक जिल्हा एक उत्पादन (ओडीओपी) उपक्रमांतर्गत मुंबई उपनगरासाठी जेम्स ॲण्ड ज्वेलरी "
                "तर मुंबई शहरासाठी लेदर उत्पादनांची निवड करण्यात आली आहे."
            ),
        },
    },
    "district-as-export-hub": {
        "name": {
            "en": "District as Export Hub",
            "hi": "निर्यात हब के रूप में जिला",
            "mr": "डिस्ट्रिक्ट ॲज एक्स्पोर्ट हब",
        },
        "description": {
            "en": (
                "Each district plans for its own exports. Mumbai City follows a seven-point "
                "agenda for double-digit export growth, with a proposed leather park and a "
                "gems and jewellery cluster; Uttar Pradesh is preparing a District Export "
                "Action Plan for each of its 75 districts."
            ),
            "hi": (
                "प्रत्येक जनपद को पोटेंशियल एक्सपोर्ट हब के रूप में विकसित करने के लिए उत्तर प्रदेश "
                "के समस्त 75 जनपदों में जिला निर्यात कार्य योजना तैयार की जा रही है।"
            ),
            "mr": (
                "मुंबई शहर जिल्ह्यात ‘सेव्हन पॉइंट्स अजेंडा’ राबवून निर्यातीमध्ये डबल डिजिट वाढ "
                "साध्य करण्याचे उद्दिष्ट; प्रस्तावित लेदर पार्क व जेम्स ॲण्ड ज्वेलरी क्लस्टर."
            ),
        },
    },
    "cluster-development-programme": {
        "acronym": "MSE-CDP",
        "owner": "ministry-of-msme",
        "name": {
            "en": "Micro and Small Enterprises Cluster Development Programme",
            "hi": "एमएसएमई-क्लस्टर विकास कार्यक्रम",
            "mr": "सूक्ष्म व लघु उद्योग समूह विकास कार्यक्रम",
        },
        "description": {
            "en": "Common Facility Centres for clusters of micro and small enterprises.",
            "hi": "सूक्ष्म और लघु उद्यमों के क्लस्टरों के लिए सामान्य सुविधा केंद्र।",
            "mr": "सूक्ष्म व लघु उद्योगांच्या समूहांसाठी सामाईक सुविधा केंद्रे.",
        },
    },
    "technology-centres": {
        "owner": "ministry-of-msme",
        "name": {
            "en": "Tool Rooms / Technology Centres: new Technology Centres and Extension Centres",
            "hi": "टूल रूम/प्रौद्योगिकी केंद्र: नए प्रौद्योगिकी केंद्रों/विस्तार केंद्रों की स्थापना",
            "mr": "टूल रूम / तंत्रज्ञान केंद्रे: नवीन तंत्रज्ञान केंद्रे व विस्तार केंद्रांची स्थापना",
        },
        "description": {
            "en": (
                "The Ministry is setting up 20 new Technology Centres and 100 Extension "
                "Centres across the country to give MSMEs modern machinery, training, skill "
                "development and advice suited to local needs. The 20 approved locations "
                "include the aspirational districts of Gaya (Bihar) and Bokaro (Jharkhand)."
            ),
            "hi": (
                "मंत्रालय ने देश भर में 20 नए प्रौद्योगिकी केंद्र और 100 विस्तार केंद्र स्थापित करने "
                "के लिए यह योजना शुरू की है। इन केंद्रों का उद्देश्य स्थानीय ज़रूरतों के अनुसार उद्योगों "
                "को उन्नत मशीनरी, प्रशिक्षण, कौशल विकास और परामर्श सेवाएं उपलब्ध कराना है। 20 स्वीकृत "
                "स्थानों में गया (बिहार) और बोकारो (झारखंड) जैसे आकांक्षी जिले भी शामिल हैं।"
            ),
            "mr": (
                "देशभरात २० नवीन तंत्रज्ञान केंद्रे व १०० विस्तार केंद्रे; मंजूर २० ठिकाणांमध्ये गया "
                "(बिहार) व बोकारो (झारखंड) या आकांक्षी जिल्ह्यांचा समावेश."
            ),
        },
    },
    "green-technology-financing": {
        "owner": "ministry-of-msme",
        "name": {
            "en": "Green Technology Financing Scheme",
            "hi": "हरित प्रौद्योगिकी वित्तपोषण योजना",
            "mr": "हरित तंत्रज्ञान वित्तपुरवठा योजना",
        },
        "description": {
            "en": "Financing for MSMEs that adopt green technology.",
            "hi": "हरित प्रौद्योगिकी अपनाने वाले एमएसएमई के लिए वित्तपोषण।",
            "mr": "हरित तंत्रज्ञान स्वीकारणाऱ्या उद्योगांसाठी वित्तपुरवठा.",
        },
    },
    "msme-champions": {
        "owner": "ministry-of-msme",
        "name": {
            "en": "MSME Champions",
            "hi": "एमएसएमई चैंपियंस योजना",
            "mr": "एमएसएमई चॅम्पियन्स योजना",
        },
        "description": {
            "en": (
                "The Ministry's scheme for better quality, less waste and innovation in "
                "MSMEs, with its own portal (MSME Champions)."
            ),
            "hi": "गुणवत्ता सुधार और नवाचार के लिए मंत्रालय की योजना, अपने एमएसएमई चैंपियंस पोर्टल सहित।",
        },
    },
}

# Meets held again and again. The Pune report's meet is the state's "2nd"
# (द्वितीय) International Buyer-Seller Meet: the series it is an edition of.
SERIES = {
    "international-buyer-seller-meet-pune": {
        "name": {
            "en": "International Buyer-Seller Meet, Pune",
            "hi": "अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, पुणे",
            "mr": "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे",
            "fa": "همایش بین‌المللی خریداران و فروشندگان، پونه",
        },
        "description": {
            "en": (
                "Maharashtra's International Buyer-Seller Meet in Pune, organised by MSSIDC, "
                "where foreign buyers meet the state's micro and small enterprises. The 2nd "
                "edition (November 2025) was held under the Ministry of MSME's RAMP programme "
                "with India SME Forum."
            ),
            "hi": (
                "महाराष्ट्र लघु उद्योग विकास निगम द्वारा पुणे में आयोजित महाराष्ट्र का अंतरराष्ट्रीय "
                "क्रेता-विक्रेता सम्मेलन, जिसमें विदेशी क्रेता राज्य के सूक्ष्म और लघु उद्यमों से "
                "मिलते हैं। द्वितीय सम्मेलन (नवंबर 2025) एमएसएमई मंत्रालय की रैम्प योजना के अंतर्गत "
                "इंडिया एसएमई फोरम के साथ हुआ।"
            ),
            "mr": (
                "महाराष्ट्र लघु उद्योग विकास महामंडळातर्फे पुणे येथे आयोजित राज्याची आंतरराष्ट्रिय "
                "खरेदीदार-विक्रेता परिषद: परदेशी खरेदीदार आणि राज्यातील सूक्ष्म व लघु उद्योग यांची "
                "भेट. द्वितीय परिषद (नोव्हेंबर २०२५) केंद्र सरकारच्या ‘रॅम्प’ उपक्रमांतर्गत इंडिया "
                "एस एम इ फोरमसह झाली."
            ),
            "fa": (
                "همایش بین‌المللی خریداران و فروشندگان ایالت ماهاراشترا در پونه، به برگزاری شرکت "
                "توسعه صنایع کوچک ماهاراشترا (MSSIDC)، که در آن خریداران خارجی با بنگاه‌های خرد و "
                "کوچک این ایالت دیدار می‌کنند. دومین دوره آن (نوامبر ۲۰۲۵) در چارچوب برنامه RAMP "
                "وزارت بنگاه‌های خرد، کوچک و متوسط هند و با همکاری انجمن SME هند برگزار شد."
            ),
        },
    },
}

# Events from the reports. Each names its organisers, its sessions (with
# the roles played in them) and the roles not tied to a session, in order.
EVENTS = {
    "international-buyer-seller-meet-pune-2025": {
        "kind": "buyer_seller_meet",
        "source_language": "mr",
        "title": {
            "en": "2nd International Buyer-Seller Meet, Pune",
            "hi": "द्वितीय अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, पुणे",
            "mr": "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद",
        },
        "description": {
            "en": (
                "Maharashtra's second International Buyer-Seller Meet, held under the "
                "Ministry of MSME's RAMP programme and organised jointly by MSSIDC and India "
                "SME Forum. 41 foreign buyers from 16 countries met representatives of more "
                "than 300 micro and small enterprises from Maharashtra in more than 500 "
                "business meetings on cooperation, export growth, product quality, technology "
                "exchange and new opportunities; 32 MoUs were signed between Maharashtra "
                "entrepreneurs and foreign buyers."
            ),
            "mr": (
                "केंद्र सरकारच्या सूक्ष्म, लघु व मध्यम उद्योग मंत्रालयाच्या ‘रॅम्प’ उपक्रमांतर्गत "
                "महाराष्ट्र लघु उद्योग विकास महामंडळ आणि इंडिया एस एम इ फोरम यांच्या संयुक्त "
                "विद्यमाने आयोजित परिषद. १६ देशांतील ४१ परदेशी खरेदीदार तसेच महाराष्ट्रातील ३०० हून "
                "अधिक सूक्ष्म व लघु उद्योगांचे प्रतिनिधी सहभागी झाले; ५०० हून अधिक व्यावसायिक बैठका "
                "झाल्या आणि उद्योजक व परदेशी खरेदीदार यांच्यात ३२ सामंजस्य करार करण्यात आले."
            ),
        },
        "series": "international-buyer-seller-meet-pune",
        "edition": 2,
        "start_date": date(2025, 11, 6),
        "end_date": date(2025, 11, 7),
        "venue": {
            "en": "Four Points by Sheraton, Viman Nagar",
            "mr": "फोर पॉइंट्स बाय शेरेटन हॉटेल, विमाननगर",
        },
        "city": {"en": "Pune", "hi": "पुणे", "mr": "पुणे"},
        "country": "IN",
        "region": "pune",
        "schemes": ["ramp"],
        "foreign_buyers": 41,
        "buyer_countries": 16,
        "msmes": 300,
        "msmes_qualifier": "at_least",
        "b2b_meetings": 500,
        "b2b_meetings_qualifier": "at_least",
        "mous": 32,
        "organisers": [
            {"organisation": "mssidc", "role": "organiser"},
            {"organisation": "india-sme-forum", "role": "co_organiser"},
            {"organisation": "ministry-of-msme", "role": "supporter"},
        ],
        "sessions": [
            {
                "kind": "inaugural",
                "title": {"en": "Inaugural session", "mr": "उद्घाटन सत्र"},
                # The article says they were present at the inaugural session.
                "roles": [
                    {"person": "vikas-pansare", "role": "attended"},
                    {"person": "vinod-kumar", "role": "attended"},
                    {"person": "prashali-dighavkar", "role": "attended"},
                    {"person": "sushma-morthania", "role": "attended"},
                ],
            },
            *(
                {
                    "kind": "technical",
                    "title": {"en": "Export guidance session", "mr": "निर्यातविषयक मार्गदर्शन सत्र"},
                    "topic": topic,
                }
                for topic in (
                    {
                        "en": "Opportunities in international trade",
                        "mr": "आंतरराष्ट्रीय व्यापारातील संधी",
                    },
                    {"en": "Hurdles in the export procedure", "mr": "निर्यात प्रक्रियेतील अडथळे"},
                    {"en": "Global quality norms", "mr": "गुणवत्तेचे जागतिक निकष"},
                    {"en": "Trade promotion policies", "mr": "व्यापार प्रोत्साहन धोरणे"},
                    {"en": "Technical capacity-building", "mr": "तांत्रिक सक्षमीकरण"},
                )
            ),
            {
                "kind": "b2b",
                "title": {"en": "B2B meetings", "mr": "व्यावसायिक बैठका"},
                "topic": {
                    "en": (
                        "Cooperation between firms, export growth, product quality, technology "
                        "exchange and new business opportunities"
                    ),
                    "mr": (
                        "उद्योगांमधील सहकार्य, निर्यातवृद्धी, उत्पादन गुणवत्ता, तंत्रज्ञान देवाणघेवाण "
                        "व नव्या व्यावसायिक संधी"
                    ),
                },
            },
            {
                "kind": "valedictory",
                "title": {"en": "Valedictory session", "mr": "समारोप सत्र"},
                "roles": [
                    {
                        "person": "narendra-jeena",
                        "role": "chief_guest",
                        "topic": {
                            "en": "Innovation, quality and integrity to hold out globally",
                            "mr": "जागतिक स्पर्धेत टिकून राहण्यासाठी नवकल्पना, गुणवत्ता आणि प्रामाणिकता",
                        },
                    },
                ],
            },
        ],
    },
    "ignite-2026-mumbai": {
        "kind": "workshop",
        "source_language": "mr",
        "title": {
            "en": (
                "IGNITE-2026: Industry and Government Networking for Inclusive Transformation "
                "and Empowerment"
            ),
            "hi": "IGNITE-2026 जिला स्तरीय कार्यशाला, मुंबई",
            "mr": "IGNITE–2026 जिल्हास्तरीय कार्यशाळा",
        },
        "description": {
            "en": (
                "A district-level workshop to raise the efficiency and output of Mumbai's MSMEs. "
                "Export policy, District as Export Hub, the new industrial policy and the "
                "Industries Department's initiatives were presented. Under One District One "
                "Product, leather products were chosen for Mumbai City and gems and jewellery "
                "for Mumbai Suburban. Mumbai City, a leading exporting district, aims at "
                "double-digit export growth next year through a seven-point agenda, with a "
                "proposed leather park and a gems and jewellery cluster. An MoU for ODOP "
                "branding and promotion was signed at the workshop."
            ),
            "mr": (
                "सूक्ष्म, लघु व मध्यम उद्योग (एमएसएमई) क्षेत्राची कार्यक्षमता व उत्पादन वाढवण्याच्या "
                "उद्देशाने आयोजित जिल्हास्तरीय कार्यशाळा. निर्यात धोरण, डिस्ट्रिक्ट ॲज एक्स्पोर्ट हब, "
                "नवीन औद्योगिक धोरण तसेच उद्योग विभागाच्या विविध पुढाकारांची माहिती देण्यात आली. एक "
                "जिल्हा एक उत्पादन (ओडीओपी) उपक्रमांतर्गत मुंबई उपनगरासाठी जेम्स ॲण्ड ज्वेलरी तर "
                "मुंबई शहरासाठी लेदर उत्पादनांची निवड करण्यात आली. ‘सेव्हन पॉइंट्स अजेंडा’ राबवून "
                "पुढील वर्षी निर्यातीमध्ये डबल डिजिट वाढ साध्य करण्याचे उद्दिष्ट आहे. ओडीओपी ब्रँडिंग "
                "व प्रमोशनसाठी सामंजस्य करार करण्यात आला."
            ),
        },
        "start_date": date(2026, 2, 3),
        "venue": {
            "en": "P. L. Deshpande Maharashtra Kala Academy, Prabhadevi",
            "mr": "पु. ल. देशपांडे महाराष्ट्र कला अकादमी, प्रभादेवी",
        },
        "city": {"en": "Mumbai", "hi": "मुंबई", "mr": "मुंबई"},
        "country": "IN",
        "region": "mumbai-city",
        "schemes": ["odop", "district-as-export-hub"],
        "sectors": ["leather-products", "gems-and-jewellery"],
        "participants": 180,
        "organisers": [
            {"organisation": "joint-director-of-industries-mumbai", "role": "organiser"},
            {"organisation": "directorate-of-industries-maharashtra", "role": "supporter"},
        ],
        "roles": [
            {"person": "dipendrasingh-kushwah", "role": "guided"},
            {
                "person": "bappasaheb-thorat",
                "role": "presided",
                "topic": {
                    "en": "Exports and MSMEs in Mumbai City's development",
                    "mr": "मुंबई शहराच्या विकासात निर्यात व एमएसएमई क्षेत्राचे महत्व",
                },
            },
            {"person": "viju-sirsath", "role": "attended"},
            {
                "person": "viju-sirsath",
                "role": "speaker",
                "topic": {
                    "en": "The role of IGNITE in Mumbai's business environment",
                    "mr": "मुंबईतील उद्योजकीय वातावरण वृद्धिंगत करण्यासाठी इग्नाईट कार्यशाळेची भूमिका",
                },
            },
            {"person": "vijay-kalantri", "role": "attended"},
            {"person": "vivek-bakshi", "role": "attended"},
            {"person": "rishu-mishra", "role": "attended"},
            {"person": "vikram-jain", "role": "attended"},
            {"person": "shamali-banerjee", "role": "attended"},
            {
                "person": "poonam-darade",
                "role": "presenter",
                "topic": {"en": "Export policy", "mr": "निर्यात धोरण"},
            },
            {
                "person": "vivek-bakshi",
                "role": "presenter",
                "topic": {
                    "en": "Export opportunities in services",
                    "mr": "सेवा क्षेत्रातील निर्यात संधी",
                },
            },
            {
                "person": "rishu-mishra",
                "role": "presenter",
                "topic": {"en": "ODOP export trends", "mr": "ओडीओपी निर्यात ट्रेंड्स"},
            },
            {
                "person": "sachin-shinde",
                "role": "presenter",
                "topic": {
                    "en": (
                        "His experience: production, employment and export opportunities "
                        "in the leather industry"
                    ),
                    "mr": "उत्पादन, रोजगार व निर्यात संधींबाबत अनुभव",
                },
            },
            {
                "person": "vikram-jain",
                "role": "presenter",
                "topic": {"en": "Capital support", "mr": "भांडवली मदत"},
            },
            {
                "person": "manisha-kumbhar",
                "role": "presenter",
                "topic": {"en": "The MAITRI portal", "mr": "MAITRI पोर्टल"},
            },
            {"person": "vilas-kumtakar", "role": "vote_of_thanks"},
        ],
    },
    "up-msme-review-meeting-lucknow-2024": {
        "kind": "review_meeting",
        "source_language": "hi",
        "title": {
            "en": (
                "Review meeting of Uttar Pradesh's Minister for MSME, Khadi and Village "
                "Industries, Handloom and Textiles"
            ),
            "hi": (
                "उत्तर प्रदेश के एमएसएमई, खादी एवं ग्रामोद्योग, हथकरघा एवं वस्त्रोद्योग मंत्री की समीक्षा बैठक"
            ),
        },
        "description": {
            "en": (
                "A departmental review of the work towards a one-trillion-dollar state economy; "
                "the Minister directed that exports of the departments' products be promoted "
                "as far as possible. Decisions: district industries centre officers to "
                "encourage entrepreneurs to join e-commerce companies' workshops, to make the "
                "ODOP Mart e-commerce portal more vibrant; close the gap between central and "
                "state records, since only 11,000 MSME units' contribution shows in the state's "
                "GDP; officials to visit the bodies running raw-material banks in Coimbatore "
                "(Tamil Nadu) and Odisha before one is set up; and a District Export Action "
                "Plan for all 75 districts, each to be developed as a potential export hub."
            ),
            "hi": (
                "प्रदेश की अर्थव्यवस्था को एक ट्रिलियन डॉलर के स्तर पर ले जाने के लिए विभागीय "
                "समीक्षा बैठक। मुख्य बिंदु: ओडीओपी मार्ट ई-कामर्स पोर्टल को अधिक वाईब्रेट एवं "
                "डाइनेमिक बनाना; प्रदेश की 11,000 एमएसएमई इकाईयों का योगदान ही जीडीपी में "
                "प्रदर्शित होता है, इसलिए भारत सरकार एवं प्रदेश सरकार में चल रहे गैप को पूरा करना; "
                "रॉ मैटेरियल बैंक के लिए कोयम्बटूर (तमिलनाडु) तथा ओडिशा में कार्य कर रही संस्था के "
                "अवलोकन हेतु विभागीय अधिकारियों की विजिट; तथा समस्त 75 जनपदों में जिला निर्यात "
                "कार्य योजना तैयार करना।"
            ),
        },
        "start_date": date(2024, 3, 12),
        "venue": {"en": "Niryat Bhawan", "hi": "निर्यात भवन"},
        "city": {"en": "Lucknow", "hi": "लखनऊ"},
        "country": "IN",
        "region": "lucknow",
        "schemes": ["odop", "district-as-export-hub"],
        "sectors": ["khadi-and-village-industries", "textiles-and-handloom"],
        "organisers": [{"organisation": "up-msme-export-promotion", "role": "organiser"}],
        "roles": [
            {"person": "rakesh-sachan", "role": "presided"},
            {"person": "amit-mohan-prasad", "role": "attended"},
        ],
    },
    # The report gives no date: the dates are to be announced.
    "markazi-investment-export-conference": {
        "kind": "conference",
        "source_language": "fa",
        "title": {
            "en": "Conference on the Investment and Export Opportunities of Markazi Province",
            "fa": "همایش فرصت‌های سرمایه‌گذاری و صادراتی استان مرکزی",
        },
        "description": {
            "en": (
                "A conference held for about three years now by the province's Basij "
                "Organisation of Industry and Civil Engineers, with the provincial Industry, "
                "Mine and Trade Organisation, the Industrial Towns Company, the Industry House "
                "and the Chamber of Commerce. This year it aims the province's latest "
                "industrial products at Iraq, Afghanistan, Uzbekistan and Armenia. A speaker "
                "explains the legal side of exporting to each country, and manufacturers are "
                "put in touch with export management companies. Dates to be announced."
            ),
            "fa": (
                "همایشی که حدود سه سال است سازمان بسیج مهندسان صنایع و عمران استان مرکزی با "
                "مشارکت سازمان صنعت، معدن و تجارت استان، شرکت شهرک‌های صنعتی، خانه صنعت استان و "
                "اتاق بازرگانی برگزار می‌کند. امسال کشورهای عراق، افغانستان، ازبکستان و ارمنستان "
                "برای صادرات آخرین تولیدات صنعتی استان برنامه‌ریزی شده‌اند. سخنران همایش قضایای "
                "قانونی صادرات را مطرح می‌کند و صادرات محصولات به شرکت‌های مدیریت صادرات سپرده "
                "می‌شود. زمان برگزاری متعاقباً اعلام می‌شود."
            ),
        },
        "city": {"en": "Arak", "fa": "اراک"},
        "country": "IR",
        "region": "arak",
        "sectors": ["industrial-products"],
        "target_countries": ["IQ", "AF", "UZ", "AM"],
        "organisers": [
            {"organisation": "basij-engineers-markazi", "role": "organiser"},
            {"organisation": "industry-mine-trade-markazi", "role": "partner"},
            {"organisation": "industrial-towns-markazi", "role": "partner"},
            {"organisation": "industry-house-markazi", "role": "partner"},
            {"organisation": "arak-chamber-of-commerce", "role": "partner"},
        ],
        "roles": [{"person": "mahdi-latifi", "role": "speaker"}],
    },
}

MOUS = {
    "odop-branding-mou-mumbai-2026": {
        "event": "ignite-2026-mumbai",
        "signed_on": date(2026, 2, 3),
        "title": {
            "en": "MoU for ODOP branding and promotion",
            "mr": "ओडीओपी ब्रँडिंग व प्रमोशनसाठी सामंजस्य करार",
        },
        "purpose": {
            "en": "Branding and promotion of Mumbai's One District One Product (ODOP) products.",
            "mr": "मुंबईतील एक जिल्हा एक उत्पादन (ओडीओपी) उत्पादनांचे ब्रँडिंग व प्रमोशन.",
        },
        "activities": {
            "en": (
                "Awareness programmes, industry visits, research and the “One Taluka, Ten "
                "Exporters” initiative."
            ),
            "mr": "जागरूकता कार्यक्रम, उद्योग भेटी, संशोधन व ‘एक तालुका दहा निर्यातदार’ उपक्रम.",
        },
        "parties": ["joint-director-of-industries-mumbai", "aiai", "wtc-mumbai"],
    },
}

# The Pune meet's 1st edition. The 2nd's report names it by its number
# only: it gives neither its date nor its figures. Its date is therefore a
# placeholder, a year before the 2nd, loaded with the samples and said so
# in its description; its figures are left unreported.
SAMPLE_PAST_EVENTS = {
    "international-buyer-seller-meet-pune-2024": {
        "kind": "buyer_seller_meet",
        "series": "international-buyer-seller-meet-pune",
        "edition": 1,
        "title": {
            "en": "1st International Buyer-Seller Meet, Pune (sample)",
            "hi": "प्रथम अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, पुणे (नमूना)",
            "mr": "प्रथम आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद (नमुना)",
        },
        "description": {
            "en": (
                "Sample data: the date is a placeholder. Maharashtra's first International "
                "Buyer-Seller Meet, organised by MSSIDC in Pune. The report of the 2nd edition "
                "names it only by its number; the portal holds no report of it, so its date "
                "and figures are not known."
            ),
            "mr": (
                "नमुना माहिती: तारीख अंदाजे आहे. महाराष्ट्र लघु उद्योग विकास महामंडळातर्फे पुणे "
                "येथे आयोजित राज्याची पहिली आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद. द्वितीय परिषदेच्या "
                "वृत्तात हिचा उल्लेख केवळ क्रमांकाने आहे; हिचे वृत्त पोर्टलकडे नाही, म्हणून हिची "
                "तारीख व आकडेवारी ज्ञात नाही."
            ),
        },
        "start_date": date(2024, 11, 7),
        "city": {"en": "Pune", "hi": "पुणे", "mr": "पुणे"},
        "country": "IN",
        "region": "pune",
        "organisers": [{"organisation": "mssidc", "role": "organiser"}],
    },
}

# Invented firms for the sample B2B meetings at the Pune meet.
SAMPLE_ORGANISATIONS = {
    "sample-pune-engineering-works": {
        "kind": "msme",
        "country": "IN",
        "region": "pune",
        "sectors": ["engineering"],
        "name": {
            "en": "Example Pune Engineering Works (sample)",
            "mr": "उदाहरण पुणे इंजिनिअरिंग वर्क्स (नमुना)",
        },
        "description": {
            "en": "Sample data: an invented MSME.",
            "mr": "नमुना माहिती: काल्पनिक उद्योग.",
        },
    },
    "sample-satara-agro-foods": {
        "kind": "msme",
        "country": "IN",
        "region": "maharashtra",
        "sectors": ["food-processing"],
        "name": {
            "en": "Example Satara Agro Foods (sample)",
            "mr": "उदाहरण सातारा ॲग्रो फूड्स (नमुना)",
        },
        "description": {
            "en": "Sample data: an invented MSME.",
            "mr": "नमुना माहिती: काल्पनिक उद्योग.",
        },
    },
    "sample-dubai-industrial-supplies": {
        "kind": "foreign_buyer",
        "country": "AE",
        "sectors": ["engineering", "food-processing"],
        "name": {"en": "Example Dubai Industrial Supplies (sample)"},
        "description": {"en": "Sample data: an invented foreign buyer."},
    },
    "sample-nairobi-food-importers": {
        "kind": "foreign_buyer",
        "country": "KE",
        "sectors": ["food-processing"],
        "name": {"en": "Example Nairobi Food Importers (sample)"},
        "description": {"en": "Sample data: an invented foreign buyer."},
    },
}

SAMPLE_MEETINGS = [
    {
        "event": "international-buyer-seller-meet-pune-2025",
        "buyer": "sample-dubai-industrial-supplies",
        "seller": "sample-pune-engineering-works",
        "starts_at": datetime(2025, 11, 6, 11, 0, tzinfo=IST),
        "table": "T-12",
        "status": "held",
        "outcome": "sample_order",
    },
    {
        "event": "international-buyer-seller-meet-pune-2025",
        "buyer": "sample-nairobi-food-importers",
        "seller": "sample-satara-agro-foods",
        "starts_at": datetime(2025, 11, 6, 11, 30, tzinfo=IST),
        "table": "T-07",
        "status": "held",
        "outcome": "follow_up",
    },
    {
        "event": "international-buyer-seller-meet-pune-2025",
        "buyer": "sample-dubai-industrial-supplies",
        "seller": "sample-satara-agro-foods",
        "starts_at": datetime(2025, 11, 7, 10, 0, tzinfo=IST),
        "table": "T-12",
        "status": "held",
        "outcome": "order",
        "value": Decimal("25000"),
        "currency": "USD",
    },
    {
        "event": "international-buyer-seller-meet-pune-2025",
        "buyer": "sample-nairobi-food-importers",
        "seller": "sample-pune-engineering-works",
        "starts_at": datetime(2025, 11, 7, 10, 30, tzinfo=IST),
        "table": "T-07",
        "status": "no_show",
    },
]


def sample_events(today):
    """Invented upcoming meets, dated from `today` so that "upcoming" never runs dry.

    A function, not a constant, because the dates move with the day the
    data is loaded; the slugs do not, so a rerun finds the same records.
    """

    def days(n):
        return today + timedelta(days=n)

    return {
        "sample-engineering-buyer-seller-meet-nashik": {
            "kind": "buyer_seller_meet",
            "title": {
                "en": "Engineering Buyer-Seller Meet, Nashik (sample)",
                "mr": "अभियांत्रिकी खरेदीदार-विक्रेता परिषद, नाशिक (नमुना)",
            },
            "description": {
                "en": (
                    "Sample data: not a real event. Two days of pre-scheduled B2B meetings "
                    "between engineering MSMEs of North Maharashtra and foreign buyers."
                ),
                "mr": (
                    "नमुना माहिती: हा खरा कार्यक्रम नाही. उत्तर महाराष्ट्रातील अभियांत्रिकी उद्योग "
                    "आणि परदेशी खरेदीदार यांच्यात दोन दिवस पूर्वनियोजित व्यावसायिक बैठका."
                ),
            },
            "start_date": days(20),
            "end_date": days(21),
            "city": {"en": "Nashik", "mr": "नाशिक"},
            "country": "IN",
            "region": "maharashtra",
            "schemes": ["ramp"],
            "sectors": ["engineering"],
            "organisers": [{"organisation": "mssidc", "role": "organiser"}],
            # Registration on the portal itself (participants), with the
            # questions such meets ask.
            "registration": {
                "closes_on": days(10),
                "seller_places": 30,
                "buyer_places": 10,
                "visitor_places": 20,
                "sellers_need_udyam": True,
                "questions": [
                    {
                        "text": {
                            "en": "Export turnover band",
                            "hi": "निर्यात कारोबार की श्रेणी",
                            "mr": "निर्यात उलाढालीचा गट",
                            "fa": "دامنهٔ گردش صادرات",
                        },
                        "answer": "choice",
                        "choices": {
                            "en": "None yet\nUp to ₹1 crore\n₹1–10 crore\nAbove ₹10 crore",
                            "hi": "अभी नहीं\n₹1 करोड़ तक\n₹1–10 करोड़\n₹10 करोड़ से अधिक",
                            "mr": "अद्याप नाही\n₹1 कोटीपर्यंत\n₹1–10 कोटी\n₹10 कोटींहून अधिक",
                            "fa": (
                                "هنوز نه\nتا ۱ کرور روپیه\n۱ تا ۱۰ کرور روپیه\nبیش از ۱۰ کرور روپیه"
                            ),
                        },
                        "required": True,
                        "kinds": ["seller"],
                    },
                    {
                        "text": {
                            "en": "RCMC number, if you have one",
                            "hi": "RCMC संख्या, यदि हो",
                            "mr": "RCMC क्रमांक, असल्यास",
                            "fa": "شمارهٔ RCMC، اگر دارید",
                        },
                        "kinds": ["seller"],
                    },
                    {
                        "text": {
                            "en": "Do you need an interpreter?",
                            "hi": "क्या आपको दुभाषिये की आवश्यकता है?",
                            "mr": "तुम्हाला दुभाष्याची गरज आहे का?",
                            "fa": "آیا به مترجم شفاهی نیاز دارید؟",
                        },
                        "answer": "yes_no",
                        "required": True,
                    },
                ],
            },
        },
        "sample-zed-certification-online-training": {
            "kind": "training",
            "format": "online",
            "title": {
                "en": "ZED Certification for Exporters: Online Training (sample)",
                "hi": "निर्यातकों के लिए ZED प्रमाणन: ऑनलाइन प्रशिक्षण (नमूना)",
            },
            "description": {
                "en": (
                    "Sample data: not a real event. A half-day online course on Zero Defect "
                    "Zero Effect certification for export-ready MSMEs."
                ),
                "hi": (
                    "नमूना डेटा: यह वास्तविक आयोजन नहीं है। निर्यात के लिए तैयार एमएसएमई के लिए "
                    "ज़ीरो डिफेक्ट ज़ीरो इफेक्ट प्रमाणन पर आधे दिन का ऑनलाइन पाठ्यक्रम।"
                ),
            },
            "start_date": days(30),
            "country": "IN",
            "schemes": ["msme-champions"],
            "registration_url": "https://example.org/sample/zed-training",
            "registration_deadline": days(28),
        },
        "sample-odop-handloom-exhibition-varanasi": {
            "kind": "exhibition",
            "title": {
                "en": "ODOP Handloom and Handicrafts Exhibition, Varanasi (sample)",
                "hi": "ओडीओपी हथकरघा एवं हस्तशिल्प प्रदर्शनी, वाराणसी (नमूना)",
            },
            "description": {
                "en": (
                    "Sample data: not a real event. Weavers and artisans from Uttar Pradesh's "
                    "ODOP districts show their products to buyers and exporters."
                ),
                "hi": (
                    "नमूना डेटा: यह वास्तविक आयोजन नहीं है। उत्तर प्रदेश के ओडीओपी जनपदों के बुनकर "
                    "और शिल्पकार क्रेताओं और निर्यातकों के सामने अपने उत्पाद प्रदर्शित करते हैं।"
                ),
            },
            "start_date": days(45),
            "end_date": days(47),
            "city": {"en": "Varanasi", "hi": "वाराणसी"},
            "country": "IN",
            "region": "uttar-pradesh",
            "schemes": ["odop"],
            "sectors": ["textiles-and-handloom", "handicrafts"],
            "registration_url": "https://example.org/sample/varanasi-odop-exhibition",
            "registration_deadline": days(35),
        },
        "sample-precision-engineering-workshop-coimbatore": {
            "kind": "workshop",
            "title": {
                "en": "Precision Engineering for Export: Workshop, Coimbatore (sample)",
                "hi": "निर्यात के लिए प्रिसिजन इंजीनियरिंग: कार्यशाला, कोयंबटूर (नमूना)",
            },
            "description": {
                "en": (
                    "Sample data: not a real event. Hands-on sessions at a technology centre "
                    "on machining to export tolerances."
                ),
                "hi": (
                    "नमूना डेटा: यह वास्तविक आयोजन नहीं है। निर्यात स्तर की सटीक मशीनिंग पर "
                    "प्रौद्योगिकी केंद्र में व्यावहारिक सत्र।"
                ),
            },
            "start_date": days(60),
            "city": {"en": "Coimbatore", "hi": "कोयंबटूर"},
            "country": "IN",
            "region": "coimbatore",
            "schemes": ["technology-centres"],
            "sectors": ["engineering"],
        },
        "sample-food-export-seminar-kochi": {
            "kind": "seminar",
            "title": {
                "en": "Seafood and Spices Export Seminar, Kochi (sample)",
                "hi": "समुद्री खाद्य और मसाला निर्यात संगोष्ठी, कोच्चि (नमूना)",
                "mr": "सागरी अन्न व मसाले निर्यात चर्चासत्र, कोची (नमुना)",
            },
            "description": {
                "en": (
                    "Sample data: not a real event. Export rules, packaging and cold chain "
                    "for food-processing MSMEs."
                ),
                "hi": (
                    "नमूना डेटा: यह वास्तविक आयोजन नहीं है। खाद्य प्रसंस्करण एमएसएमई के लिए निर्यात "
                    "नियम, पैकेजिंग और कोल्ड चेन।"
                ),
            },
            "start_date": days(75),
            "city": {"en": "Kochi", "hi": "कोच्चि", "mr": "कोची"},
            "country": "IN",
            "region": "kerala",
            "schemes": ["district-as-export-hub"],
            "sectors": ["food-processing"],
        },
        "sample-industrial-export-fair-arak": {
            "kind": "trade_fair",
            "title": {
                "en": "Markazi Industrial Export Fair, Arak (sample)",
                "fa": "نمایشگاه صادرات تولیدات صنعتی استان مرکزی، اراک (نمونه)",
            },
            "description": {
                "en": (
                    "Sample data: not a real event. Manufacturers of Markazi province meet "
                    "buyers from neighbouring countries."
                ),
                "fa": (
                    "داده نمونه: این رویداد واقعی نیست. تولیدکنندگان استان مرکزی با خریداران "
                    "کشورهای همسایه دیدار می‌کنند."
                ),
            },
            "start_date": days(100),
            "end_date": days(103),
            "city": {"en": "Arak", "fa": "اراک"},
            "country": "IR",
            "region": "arak",
            "sectors": ["industrial-products"],
            "target_countries": ["IQ", "AF", "UZ", "AM"],
        },
    }
