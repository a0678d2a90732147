"""The trigger lexicons of the languages added with issue 9 (lang/<code>/events.toml): every event
type in every language, participants from the sentence, status cues, languages written without
spaces. Sentences are our own; mentions are written by hand (see conftest)."""
from __future__ import annotations

import pytest

from dragoman.events.candidates import documents, find_candidates
from dragoman.events.lexicon import EVENT_TYPES, lexicon
from dragoman import lang as langdata

from .conftest import make_article

P, C, O, PL = "person", "country", "org", "place"
ADDED = ("zh", "ja", "ko", "ar", "fa", "pt", "ro", "nl", "uk", "el", "vi", "az", "tk", "ky", "bg", "id", "hi")

# (lang, text, names, expected type, participants the event must include)
CASES = [
    # Chinese (Simplified and Traditional)
    ("zh", "国家主席习近平在北京会见俄罗斯总统普京。",
     {"习近平": ("Xi Jinping", P), "普京": ("Vladimir Putin", P), "北京": ("Beijing", PL)},
     "meeting", ["Xi Jinping", "Vladimir Putin"]),
    ("zh", "巴西总统卢拉抵达上海，开始对中国进行国事访问。",
     {"卢拉": ("Luiz Inácio Lula da Silva", P), "中国": ("China", C)}, "visit", ["Luiz Inácio Lula da Silva", "China"]),
    ("zh", "國家主席習近平應約同美國總統拜登通電話。",
     {"習近平": ("Xi Jinping", P), "拜登": ("Joe Biden", P)}, "phone_call", ["Xi Jinping", "Joe Biden"]),
    ("zh", "上海合作组织成员国元首理事会会议在阿斯塔纳举行。",
     {"上海合作组织": ("Shanghai Cooperation Organisation", O), "阿斯塔纳": ("Astana", PL)},
     "summit", ["Shanghai Cooperation Organisation"]),
    ("zh", "中国和巴西签署了多项合作协议。", {"中国": ("China", C), "巴西": ("Brazil", C)},
     "agreement", ["China", "Brazil"]),
    ("zh", "中国与东盟启动了自由贸易区升级谈判。", {"中国": ("China", C), "东盟": ("ASEAN", O)},
     "negotiation", ["China", "ASEAN"]),
    ("zh", "普京向习近平授予俄罗斯友谊勋章。", {"普京": ("Vladimir Putin", P), "习近平": ("Xi Jinping", P)},
     "award", ["Vladimir Putin", "Xi Jinping"]),
    ("zh", "外交部发言人毛宁表示，中方欢迎双方恢复对话。", {"毛宁": ("Mao Ning", P)}, "statement", ["Mao Ning"]),
    # Japanese
    ("ja", "岸田文雄首相は首相官邸で尹錫悦大統領と会談した。",
     {"岸田文雄": ("Fumio Kishida", P), "尹錫悦": ("Yoon Suk Yeol", P)}, "meeting", ["Fumio Kishida", "Yoon Suk Yeol"]),
    ("ja", "ルラ大統領は国賓として日本を訪問した。",
     {"ルラ": ("Luiz Inácio Lula da Silva", P), "日本": ("Japan", C)}, "visit", ["Luiz Inácio Lula da Silva", "Japan"]),
    ("ja", "石破茂首相はトランプ大統領と電話会談を行った。",
     {"石破茂": ("Shigeru Ishiba", P), "トランプ": ("Donald Trump", P)}, "phone_call", ["Shigeru Ishiba", "Donald Trump"]),
    ("ja", "主要7カ国首脳会議が広島で開幕した。", {"主要7カ国": ("G7", O), "広島": ("Hiroshima", PL)}, "summit", ["G7"]),
    ("ja", "日本とインドは経済連携に関する協定に署名した。", {"日本": ("Japan", C), "インド": ("India", C)},
     "agreement", ["Japan", "India"]),
    ("ja", "日本と欧州連合は経済連携協定の交渉を開始した。",
     {"日本": ("Japan", C), "欧州連合": ("European Union", O)}, "negotiation", ["Japan", "European Union"]),
    ("ja", "日本政府はインドネシアのジョコ大統領に勲章を授与した。",
     {"ジョコ": ("Joko Widodo", P), "インドネシア": ("Indonesia", C)}, "award", ["Joko Widodo"]),
    ("ja", "林芳正官房長官は記者会見で対話を続けると述べた。", {"林芳正": ("Yoshimasa Hayashi", P)},
     "statement", ["Yoshimasa Hayashi"]),
    # Korean
    ("ko", "윤석열 대통령은 기시다 후미오 총리와 도쿄에서 정상회담을 가졌다.",
     {"윤석열": ("Yoon Suk Yeol", P), "기시다 후미오": ("Fumio Kishida", P), "도쿄": ("Tokyo", PL)},
     "meeting", ["Yoon Suk Yeol", "Fumio Kishida"]),
    ("ko", "이재명 대통령이 국빈 방문을 위해 베트남에 도착했다.",
     {"이재명": ("Lee Jae-myung", P), "베트남": ("Vietnam", C)}, "visit", ["Lee Jae-myung", "Vietnam"]),
    ("ko", "윤석열 대통령은 조 바이든 대통령과 전화 통화를 했다.",
     {"윤석열": ("Yoon Suk Yeol", P), "조 바이든": ("Joe Biden", P)}, "phone_call", ["Yoon Suk Yeol", "Joe Biden"]),
    ("ko", "아세안 정상회의가 자카르타에서 개최됐다.", {"아세안": ("ASEAN", O), "자카르타": ("Jakarta", PL)},
     "summit", ["ASEAN"]),
    ("ko", "한국과 영국은 자유무역협정 개정안에 서명했다.",
     {"한국": ("South Korea", C), "영국": ("United Kingdom", C)}, "agreement", ["South Korea", "United Kingdom"]),
    ("ko", "한국과 중국은 서비스 분야 협상을 개시했다.", {"한국": ("South Korea", C), "중국": ("China", C)},
     "negotiation", ["South Korea", "China"]),
    ("ko", "윤석열 대통령은 빌 게이츠에게 수교훈장을 수여했다.",
     {"윤석열": ("Yoon Suk Yeol", P), "빌 게이츠": ("Bill Gates", P)}, "award", ["Yoon Suk Yeol", "Bill Gates"]),
    ("ko", "박진 외교부 장관은 기자들에게 협력을 강화하겠다고 밝혔다.", {"박진": ("Park Jin", P)},
     "statement", ["Park Jin"]),
    # Arabic: clitics attach to the trigger (والتقى, بزيارة)
    ("ar", "والتقى الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي إيمانويل ماكرون في القاهرة.",
     {"عبد الفتاح السيسي": ("Abdel Fattah el-Sisi", P), "إيمانويل ماكرون": ("Emmanuel Macron", P),
      "القاهرة": ("Cairo", PL)}, "meeting", ["Abdel Fattah el-Sisi", "Emmanuel Macron"]),
    ("ar", "وصل ولي العهد السعودي الأمير محمد بن سلمان إلى باريس في زيارة رسمية.",
     {"محمد بن سلمان": ("Mohammed bin Salman", P), "باريس": ("Paris", PL)}, "visit", ["Mohammed bin Salman"]),
    ("ar", "أجرى الرئيس الإماراتي محمد بن زايد اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين.",
     {"محمد بن زايد": ("Mohamed bin Zayed Al Nahyan", P), "فلاديمير بوتين": ("Vladimir Putin", P)},
     "phone_call", ["Mohamed bin Zayed Al Nahyan", "Vladimir Putin"]),
    ("ar", "انطلقت أعمال القمة العربية في جدة بمشاركة قادة جامعة الدول العربية.",
     {"جامعة الدول العربية": ("Arab League", O), "جدة": ("Jeddah", PL)}, "summit", ["Arab League"]),
    ("ar", "وقعت السعودية وإيران اتفاقا لاستئناف العلاقات الدبلوماسية.",
     {"السعودية": ("Saudi Arabia", C), "إيران": ("Iran", C)}, "agreement", ["Saudi Arabia", "Iran"]),
    ("ar", "بدأت جولة جديدة من المفاوضات بين مصر وإثيوبيا.", {"مصر": ("Egypt", C), "إثيوبيا": ("Ethiopia", C)},
     "negotiation", ["Egypt", "Ethiopia"]),
    ("ar", "قلد الرئيس محمد بن زايد رئيس الوزراء الهندي ناريندرا مودي وسام زايد.",
     {"محمد بن زايد": ("Mohamed bin Zayed Al Nahyan", P), "ناريندرا مودي": ("Narendra Modi", P)},
     "award", ["Mohamed bin Zayed Al Nahyan", "Narendra Modi"]),
    ("ar", "قال وزير الخارجية الأردني أيمن الصفدي إن الحوار هو السبيل الوحيد.",
     {"أيمن الصفدي": ("Ayman Safadi", P)}, "statement", ["Ayman Safadi"]),
    # Portuguese
    ("pt", "O presidente Lula se reuniu com o primeiro-ministro Narendra Modi em Nova Délhi.",
     {"Lula": ("Luiz Inácio Lula da Silva", P), "Narendra Modi": ("Narendra Modi", P), "Nova Délhi": ("New Delhi", PL)},
     "meeting", ["Luiz Inácio Lula da Silva", "Narendra Modi"]),
    ("pt", "Xi Jinping chegou a Brasília para uma visita de Estado.",
     {"Xi Jinping": ("Xi Jinping", P), "Brasília": ("Brasília", PL)}, "visit", ["Xi Jinping"]),
    ("pt", "Lula e Emmanuel Macron tiveram uma conversa telefônica nesta terça-feira.",
     {"Lula": ("Luiz Inácio Lula da Silva", P), "Emmanuel Macron": ("Emmanuel Macron", P)},
     "phone_call", ["Luiz Inácio Lula da Silva", "Emmanuel Macron"]),
    ("pt", "A cúpula do Mercosul foi realizada em Montevidéu.",
     {"Mercosul": ("Mercosur", O), "Montevidéu": ("Montevideo", PL)}, "summit", ["Mercosur"]),
    ("pt", "Brasil e China assinaram acordos de cooperação em Pequim.",
     {"Brasil": ("Brazil", C), "China": ("China", C), "Pequim": ("Beijing", PL)}, "agreement", ["Brazil", "China"]),
    ("pt", "O Mercosul e a União Europeia abriram uma nova rodada de negociações.",
     {"Mercosul": ("Mercosur", O), "União Europeia": ("European Union", O)}, "negotiation", ["Mercosur", "European Union"]),
    ("pt", "Lula condecorou o presidente Emmanuel Macron com a Ordem do Cruzeiro do Sul.",
     {"Lula": ("Luiz Inácio Lula da Silva", P), "Emmanuel Macron": ("Emmanuel Macron", P)},
     "award", ["Luiz Inácio Lula da Silva", "Emmanuel Macron"]),
    ("pt", "O chanceler Mauro Vieira disse que o Brasil aposta no diálogo.", {"Mauro Vieira": ("Mauro Vieira", P)},
     "statement", ["Mauro Vieira"]),
    # Romanian
    ("ro", "Președintele Nicușor Dan s-a întâlnit cu cancelarul Friedrich Merz la Berlin.",
     {"Nicușor Dan": ("Nicușor Dan", P), "Friedrich Merz": ("Friedrich Merz", P), "Berlin": ("Berlin", PL)},
     "meeting", ["Nicușor Dan", "Friedrich Merz"]),
    ("ro", "Maia Sandu a efectuat o vizită oficială în Polonia, la invitația lui Karol Nawrocki.",
     {"Maia Sandu": ("Maia Sandu", P), "Polonia": ("Poland", C), "Karol Nawrocki": ("Karol Nawrocki", P)},
     "visit", ["Maia Sandu", "Poland"]),
    ("ro", "Emmanuel Macron a avut miercuri o convorbire telefonică cu Volodimir Zelenski.",
     {"Emmanuel Macron": ("Emmanuel Macron", P), "Volodimir Zelenski": ("Volodymyr Zelenskyy", P)},
     "phone_call", ["Emmanuel Macron", "Volodymyr Zelenskyy"]),
    ("ro", "Summitul NATO s-a desfășurat la Haga, în prezența liderilor aliați.",
     {"NATO": ("NATO", O), "Haga": ("The Hague", PL)}, "summit", ["NATO"]),
    ("ro", "România și Republica Moldova au semnat un acord privind interconectarea energetică.",
     {"România": ("Romania", C), "Republica Moldova": ("Moldova", C)}, "agreement", ["Romania", "Moldova"]),
    ("ro", "Uniunea Europeană și Mercosur au încheiat o nouă rundă de negocieri la Bruxelles.",
     {"Uniunea Europeană": ("European Union", O), "Mercosur": ("Mercosur", O), "Bruxelles": ("Brussels", PL)},
     "negotiation", ["European Union", "Mercosur"]),
    ("ro", "Nicușor Dan l-a decorat pe Mark Rutte cu Ordinul Național Steaua României.",
     {"Nicușor Dan": ("Nicușor Dan", P), "Mark Rutte": ("Mark Rutte", P)}, "award", ["Nicușor Dan", "Mark Rutte"]),
    ("ro", "Purtătorul de cuvânt Dmitri Peskov a declarat că Kremlinul rămâne deschis dialogului.",
     {"Dmitri Peskov": ("Dmitry Peskov", P), "Kremlinul": ("Kremlin", O)}, "statement", ["Dmitry Peskov"]),
    # Ukrainian
    ("uk", "Володимир Зеленський зустрівся з Дональдом Туском у Києві.",
     {"Володимир Зеленський": ("Volodymyr Zelenskyy", P), "Дональдом Туском": ("Donald Tusk", P), "Києві": ("Kyiv", PL)},
     "meeting", ["Volodymyr Zelenskyy", "Donald Tusk"]),
    ("uk", "Прем'єр-міністр Віктор Орбан прибув до Києва з візитом.",
     {"Віктор Орбан": ("Viktor Orbán", P), "Києва": ("Kyiv", PL)}, "visit", ["Viktor Orbán"]),
    ("uk", "Зеленський провів телефонну розмову з Емманюелем Макроном.",
     {"Зеленський": ("Volodymyr Zelenskyy", P), "Емманюелем Макроном": ("Emmanuel Macron", P)},
     "phone_call", ["Volodymyr Zelenskyy", "Emmanuel Macron"]),
    ("uk", "У Вашингтоні відбувся саміт НАТО.", {"Вашингтоні": ("Washington", PL), "НАТО": ("NATO", O)},
     "summit", ["NATO"]),
    ("uk", "Україна та Велика Британія підписали угоду про безпекове співробітництво.",
     {"Україна": ("Ukraine", C), "Велика Британія": ("United Kingdom", C)}, "agreement", ["Ukraine", "United Kingdom"]),
    ("uk", "Україна та Європейський Союз розпочали переговори про вступ.",
     {"Україна": ("Ukraine", C), "Європейський Союз": ("European Union", O)}, "negotiation", ["Ukraine", "European Union"]),
    ("uk", "Зеленський нагородив Андрія Сибігу орденом Ярослава Мудрого.",
     {"Зеленський": ("Volodymyr Zelenskyy", P), "Андрія Сибігу": ("Andrii Sybiha", P)},
     "award", ["Volodymyr Zelenskyy", "Andrii Sybiha"]),
    ("uk", "Андрій Сибіга заявив, що Україна готова до діалогу.", {"Андрій Сибіга": ("Andrii Sybiha", P)},
     "statement", ["Andrii Sybiha"]),
    # Dutch
    ("nl", "Premier Dick Schoof ontmoette president Emmanuel Macron in Parijs.",
     {"Dick Schoof": ("Dick Schoof", P), "Emmanuel Macron": ("Emmanuel Macron", P), "Parijs": ("Paris", PL)},
     "meeting", ["Dick Schoof", "Emmanuel Macron"]),
    ("nl", "Bondskanselier Friedrich Merz bracht een officieel bezoek aan Polen.",
     {"Friedrich Merz": ("Friedrich Merz", P), "Polen": ("Poland", C)}, "visit", ["Friedrich Merz", "Poland"]),
    ("nl", "Mark Rutte belde dinsdag met Volodymyr Zelensky.",
     {"Mark Rutte": ("Mark Rutte", P), "Volodymyr Zelensky": ("Volodymyr Zelenskyy", P)},
     "phone_call", ["Mark Rutte", "Volodymyr Zelenskyy"]),
    ("nl", "De top van de NAVO begon woensdag in Den Haag.", {"NAVO": ("NATO", O), "Den Haag": ("The Hague", PL)},
     "summit", ["NATO"]),
    ("nl", "Nederland en Duitsland ondertekenden een akkoord over samenwerking op defensiegebied.",
     {"Nederland": ("Netherlands", C), "Duitsland": ("Germany", C)}, "agreement", ["Netherlands", "Germany"]),
    ("nl", "De Europese Unie en Mercosur onderhandelen al jaren over een handelsverdrag.",
     {"Europese Unie": ("European Union", O), "Mercosur": ("Mercosur", O)}, "negotiation", ["European Union", "Mercosur"]),
    ("nl", "Koning Willem-Alexander heeft Angela Merkel onderscheiden met de Orde van de Nederlandse Leeuw.",
     {"Willem-Alexander": ("Willem-Alexander", P), "Angela Merkel": ("Angela Merkel", P)},
     "award", ["Willem-Alexander", "Angela Merkel"]),
    ("nl", "Minister van Buitenlandse Zaken David van Weel zei dat Nederland Oekraïne blijft steunen.",
     {"David van Weel": ("David van Weel", P), "Nederland": ("Netherlands", C)}, "statement", ["David van Weel"]),
    # One meeting, visit or call in each of the other added languages
    ("fa", "مسعود پزشکیان در تهران با ولادیمیر پوتین دیدار کرد.",
     {"مسعود پزشکیان": ("Masoud Pezeshkian", P), "ولادیمیر پوتین": ("Vladimir Putin", P), "تهران": ("Tehran", PL)},
     "meeting", ["Masoud Pezeshkian", "Vladimir Putin"]),
    ("el", "Ο Κυριάκος Μητσοτάκης συναντήθηκε με τον Ρετζέπ Ταγίπ Ερντογάν στην Αθήνα.",
     {"Κυριάκος Μητσοτάκης": ("Kyriakos Mitsotakis", P), "Ρετζέπ Ταγίπ Ερντογάν": ("Recep Tayyip Erdoğan", P),
      "Αθήνα": ("Athens", PL)}, "meeting", ["Kyriakos Mitsotakis", "Recep Tayyip Erdoğan"]),
    ("vi", "Chủ tịch nước Tô Lâm hội đàm với Tổng thống Joe Biden tại Hà Nội.",
     {"Tô Lâm": ("Tô Lâm", P), "Joe Biden": ("Joe Biden", P), "Hà Nội": ("Hanoi", PL)}, "meeting", ["Tô Lâm", "Joe Biden"]),
    ("az", "İlham Əliyev Bakıda Rəcəb Tayyib Ərdoğan ilə görüşüb.",
     {"İlham Əliyev": ("Ilham Aliyev", P), "Rəcəb Tayyib Ərdoğan": ("Recep Tayyip Erdoğan", P), "Bakıda": ("Baku", PL)},
     "meeting", ["Ilham Aliyev", "Recep Tayyip Erdoğan"]),
    ("tk", "Serdar Berdimuhamedow Wladimir Putin bilen telefon arkaly gürleşdi.",
     {"Serdar Berdimuhamedow": ("Serdar Berdimuhamedow", P), "Wladimir Putin": ("Vladimir Putin", P)},
     "phone_call", ["Serdar Berdimuhamedow", "Vladimir Putin"]),
    ("ky", "Садыр Жапаров Бишкекте Владимир Путин менен жолугушту.",
     {"Садыр Жапаров": ("Sadyr Japarov", P), "Владимир Путин": ("Vladimir Putin", P), "Бишкекте": ("Bishkek", PL)},
     "meeting", ["Sadyr Japarov", "Vladimir Putin"]),
    ("bg", "Румен Радев се срещна с Реджеп Тайип Ердоган в Анкара.",
     {"Румен Радев": ("Rumen Radev", P), "Реджеп Тайип Ердоган": ("Recep Tayyip Erdoğan", P), "Анкара": ("Ankara", PL)},
     "meeting", ["Rumen Radev", "Recep Tayyip Erdoğan"]),
    ("id", "Presiden Prabowo Subianto bertemu dengan Presiden Xi Jinping di Beijing.",
     {"Prabowo Subianto": ("Prabowo Subianto", P), "Xi Jinping": ("Xi Jinping", P), "Beijing": ("Beijing", PL)},
     "meeting", ["Prabowo Subianto", "Xi Jinping"]),
    ("hi", "प्रधानमंत्री नरेंद्र मोदी ने मॉस्को में राष्ट्रपति व्लादिमीर पुतिन से मुलाकात की।",
     {"नरेंद्र मोदी": ("Narendra Modi", P), "व्लादिमीर पुतिन": ("Vladimir Putin", P), "मॉस्को": ("Moscow", PL)},
     "meeting", ["Narendra Modi", "Vladimir Putin"]),
]


@pytest.mark.parametrize("lang,text,names,kind,participants", CASES,
                         ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_event_type_and_participants(extractor, lang, text, names, kind, participants):
    events = extractor(make_article(text, lang, "2025-06-10", names))
    found = [e for e in events if e.type == kind]
    assert found, [(e.type, e.participants) for e in events]
    assert set(participants) <= set(found[0].participants), found[0].participants
    assert found[0].status == "reported"


# (lang, text, names): an event announced for later
PLANNED = [
    ("zh", "普京将于下周对中国进行国事访问。", {"普京": ("Vladimir Putin", P), "中国": ("China", C)}),
    ("ja", "岸田首相はブラジルを訪問する予定だ。", {"岸田": ("Fumio Kishida", P), "ブラジル": ("Brazil", C)}),
    ("ko", "시진핑 주석이 한국을 방문할 예정이다.", {"시진핑": ("Xi Jinping", P), "한국": ("South Korea", C)}),
    ("ar", "سيزور الرئيس الصيني شي جين بينغ الرياض.", {"شي جين بينغ": ("Xi Jinping", P), "الرياض": ("Riyadh", PL)}),
    ("pt", "Lula visitará o Japão.", {"Lula": ("Luiz Inácio Lula da Silva", P), "Japão": ("Japan", C)}),
    ("ro", "Xi Jinping va efectua luna viitoare o vizită de stat în România.",
     {"Xi Jinping": ("Xi Jinping", P), "România": ("Romania", C)}),
    ("nl", "Xi Jinping zal volgende week een staatsbezoek brengen aan Frankrijk.",
     {"Xi Jinping": ("Xi Jinping", P), "Frankrijk": ("France", C)}),
    ("uk", "Зеленський незабаром відвідає Варшаву, візит запланований.",
     {"Зеленський": ("Volodymyr Zelenskyy", P), "Варшаву": ("Warsaw", PL)}),
]


@pytest.mark.parametrize("lang,text,names", PLANNED, ids=[c[0] for c in PLANNED])
def test_planned_visit(extractor, lang, text, names):
    events = extractor(make_article(text, lang, "2025-06-10", names))
    assert ("visit", "planned") in [(e.type, e.status) for e in events], [(e.type, e.status) for e in events]


@pytest.mark.parametrize("code", ADDED)
def test_added_language_has_every_section_and_type(code):
    data = langdata.load(code, "events")
    assert set(data["triggers"]) == set(EVENT_TYPES), code
    assert {"planned", "past", "appeal", "relative"} <= set(data["status"]), code
    assert data["documents"]["nouns"] and data["visit_kinds"], code
    assert set(data["topics"]) == set(langdata.load("en", "events")["topics"]), code
    for event_type, weak in data.get("weak", {}).items():
        assert set(weak) <= set(data["triggers"][event_type]), (code, event_type)  # weak = a listed trigger


def test_unspaced_scripts_match_inside_a_run_of_characters():
    # No space or punctuation around the trigger: 习近平会见普京, 首相が習主席と会談.
    assert [c.type for c in find_candidates("习近平会见普京", lexicon("zh"))] == ["meeting"]
    assert [c.type for c in find_candidates("首相が習主席と会談", lexicon("ja"))] == ["meeting"]
    # A press conference (記者会見) is no meeting, and an interview (专访) is no visit.
    assert find_candidates("記者会見で", lexicon("ja")) == []
    assert find_candidates("接受专访美国", lexicon("zh")) == []


def test_spaced_languages_keep_word_boundaries():
    assert find_candidates("The metro was closed.", lexicon("en")) == []
    assert find_candidates("Os visitantes do museu.", lexicon("pt")) == []


def test_arabic_triggers_carry_their_clitics():
    lex = lexicon("ar")
    for text, kind in [("والتقى الوزيران", "meeting"), ("في زيارته", "visit"), ("بالقمة", "summit"),
                       ("للمفاوضات", "negotiation")]:
        assert kind in [c.type for c in find_candidates(text, lex)], text


def test_chinese_document_titles():
    lex = lexicon("zh")
    (signed,) = [c for c in find_candidates("双方签署《中巴经济合作协定》。", lex) if c.type == "agreement"]
    assert documents(signed, lex) == ["中巴经济合作协定"]
    (signed,) = [c for c in find_candidates("两国签署了经济合作协定和联合声明，双方还表示欢迎", lex) if c.type == "agreement"]
    assert documents(signed, lex) == ["经济合作协定", "联合声明"]


def test_verb_final_scope_runs_to_the_sentence_end(extractor):
    # The comma closes the summit's clause, but the verb that makes it planned ends the sentence.
    text = "세 정상은 이번 정상회의에서 북한 문제와 경제안보, 공급망 협력 방안을 논의할 예정이다."
    events = extractor(make_article(text, "ko", "2023-08-10"))
    assert ("summit", "planned") in [(e.type, e.status) for e in events]
    assert lexicon("ko").verb_final and not lexicon("en").verb_final
