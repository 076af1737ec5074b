"""People named in a report, their designation and their role at the event.

A name is found after an honorific ("श्री.", "श्रीमती", "Dr", "آقای"), after
a designation and before the words that follow a name ("अपर जिल्हाधिकारी
बप्पासाहेब थोरात यांनी"), or before the verbs of reported speech in Persian
("مهدی لطیفی در گفتوگو با"). The role is the cue in the same sentence
nearest the name ("प्रमुख पाहुणे", "की अध्यक्षता में", "vote of thanks"), the
session the sentence names ("समारोप सत्रास": valedictory).
"""

import re
from dataclasses import dataclass
from functools import cache

from .organisers import is_body
from .patterns import END, LETTER, START, TOKEN, alternation, cue_patterns, sentence_at, words

HONORIFICS = (
    "श्री.|श्री|श्रीमती|सौ.|सुश्री|कु.|मा.|डॉ.|डॉ|प्रा.|प्रो.|shri|sri|smt.|smt|sushri|"
    "mr.|mr|mrs.|mrs|ms.|ms|dr.|dr|prof.|prof|آقای|خانم|دکتر|مهندس|سرکار خانم|جناب آقای"
)
# Posts, as the start of a word: "संचालिका", "directors", "مدیرکل".
POSTS = words(
    "संचालक संचालिका अध्यक्ष मंत्री सचिव आयुक्त अधिकारी जिल्हाधिकारी "
    "व्यवस्थापक प्रतिनिधी प्रतिनिधि उपसंचालक महासंचालक सहसंचालक निदेशक "
    "प्रबंधक उद्योजक सदस्य कलेक्टर जिलाधिकारी जिलाधिकारी महाप्रबंधक सभापती "
    "सभापति उपाध्यक्ष आमदार खासदार सांसद विधायक director minister secretary "
    "chairman chairperson president commissioner officer collector manager "
    "ceo head chief founder consul ambassador member entrepreneur مدیر رئیس "
    "مسئول استاندار وزیر معاون دبیر سفیر فرماندار نماینده سرپرست"
)  # Words after a name: Marathi's respectful "यांनी", Hindi's "ने", the comma.
AFTER_NAME = {
    "mr": "यांनी|यांच्या|यांचे|यांची|यांना|यांचा|यांच्यासह|यांसह|हे|ह्यांनी",
    "hi": "ने|की|के|का|द्वारा|जी|सहित|को",
    "fa": "در گفتگو|در گفتوگو|گفت|افزود|اظهار|تصریح|بیان|اضافه",
    "en": "said|who|has|had|was|is|will",
}
# Roles by their cue words, most telling first.
ROLES = {
    "chief_guest": "chief guest|guest of honour|प्रमुख पाहुणे|प्रमुख पाहुणा|प्रमुख अतिथी|"
    "मुख्य अतिथि|मुख्य अतिथी|विशेष अतिथि|مهمان ویژه",
    "presided": "presided|chaired|chairmanship|presidency|अध्यक्षतेखाली|अध्यक्षस्थानी|अध्यक्षता|ریاست",
    "inaugurated": "inaugurated|inaugurate|हस्ते|उद्घाटन केले|उद्घाटन किया|لافتتاح|افتتاح",
    "guided": "guidance of|guided|मार्गदर्शनाखाली|मार्गदर्शन केले|मार्गदर्शन किया|راهنمایی",
    "vote_of_thanks": "vote of thanks|thanked|आभार मानले|आभार|धन्यवाद ज्ञापन|धन्यवाद",
    "speaker": "addressed|presentation|spoke|explained|सादरीकरण|संबोधित|माहिती दिली|सांगितले|"
    "प्रास्ताविक|कहा|जानकारी दी|जानकारी दिली|"
    "سخنران|سخنرانی|گفت|افزود",
    "present": "present|attended|उपस्थित|मौजूद|حضور",
}
SESSIONS = {
    "inaugural": "inaugural session|opening session|उद्घाटन सत्र|उद्घाटन सत्रा|उद्घाटन सत्रात|"
    "उद्घाटन सत्रास|उद्घाटन सत्राला|उद्घाटन समारोह|उद्घाटन सत्र में|مراسم افتتاحیه|افتتاحیه",
    "valedictory": "valedictory|closing session|concluding session|समारोप सत्र|समारोप सत्रास|"
    "समारोप सत्राला|समारोप|समापन सत्र|समापन समारोह|समापन|اختتامیه",
    "technical": "technical session|guidance session|मार्गदर्शन सत्र|तकनीकी सत्र|पैनल चर्चा",
}
# Words that cannot be part of a name.
NOT_NAME = set(
    words(
        "व आणि तसेच या ही हे ते की के का में से ने और एवं तथा यांनी यांच्या "
        "उपस्थित सह and the of for with at in by from was were is said who has "
        "had also و در با به از که را این آن گفت افزود होते होता होती होत्या आहे "
        "आहेत था थे थी है हैं रहे रहीं सहभागी झाले झाली झाला"
    )
)
_NAME_WORDS = 3
_INITIAL = 2
_APPOSITION = re.compile(r"[,،]")
# How many words after the comma may hold the post: ", General Manager".
_POST_AFTER = 3
# How much further a role cue before a name is taken to be than one after it.
_BEFORE_NAME = 200
_DESIGNATION_WORDS = 4
# Words around names that are no part of a post: "ही कार्यशाळा विकास आयुक्त".
COMMON = set(
    words(
        "ही हा तर यावेळी कार्यशाळा कार्यशाळेला कार्यक्रम कार्यक्रमाच्या परिषद "
        "बैठक आयोजित उत्तर देते हुए लोकसभा में राज्यसभा at the meeting"
    )
)


@dataclass
class Mention:
    name: tuple  # (start, end)
    designation: tuple | None
    role: str | None
    session: str | None
    confidence: float


@cache
def _patterns(language):
    honorific = re.compile(rf"{START}(?:{alternation(HONORIFICS.split('|'))})(?!{LETTER})")
    after = re.compile(rf"\s*(?:[,،]|(?:{AFTER_NAME.get(language, AFTER_NAME['en'])}){END})")
    return honorific, after


@cache
def _role_cues():
    return cue_patterns(ROLES), cue_patterns(SESSIONS)


@cache
def _honorific_words():
    return {word for honorific in HONORIFICS.split("|") for word in TOKEN.findall(honorific)}


@cache
def _role_words():
    cues = "|".join([*ROLES.values(), *SESSIONS.values()]).split("|")
    return {word for cue in cues for word in TOKEN.findall(cue)}


@cache
def _post_pattern():
    return re.compile(alternation(POSTS))


def _is_post(word):
    """Whether a word is a post or begins with one ("संचालिका", "مدیرکل")."""
    return _post_pattern().match(word) is not None


def _name_after(normal, position, limit=_NAME_WORDS):
    """The name's words from `position`: up to three, none a post or a common word."""
    words = []
    for token in TOKEN.finditer(normal, position):
        gap = normal[(words[-1].end() if words else position) : token.start()]
        # An initial ("पु. ल.", "K.") may end in a full stop; other punctuation
        # ends the name.
        stop = "." if words and len(words[-1].group()) <= _INITIAL else ""
        if (words and gap.strip() not in ("", stop)) or (not words and gap.strip(" .")):
            break
        word = token.group()
        if _not_name(word) or len(words) == limit:
            break
        words.append(token)
    return words


def _name_before(normal, position, language, sentence=True):
    """Two words before a cue, if they can be a name: "मनीषा कुंभार यांनी"."""
    tokens = list(TOKEN.finditer(normal, max(0, position - 60), position))[-2:]
    if len(tokens) < 2:
        return []
    stop = "." if len(tokens[0].group()) <= _INITIAL else ""
    if normal[tokens[0].end() : tokens[1].start()].strip() not in ("", stop):
        return []
    if normal[tokens[1].end() : position].strip():
        return []
    # Persian puts posts before "گفت" too ("مسئول سازمان ... گفت"): there a name
    # is only the two words that open the sentence.
    if language == "fa" and sentence:
        sentence_start = sentence_at(normal, tokens[0].start())[0]
        if normal[sentence_start : tokens[0].start()].strip():
            return []
    if any(_not_name(token.group()) for token in tokens):
        return []
    return tokens


def _not_name(word):
    """Words no name is made of: common words, posts, bodies, roles, numbers."""
    return (
        word in NOT_NAME
        or word in _honorific_words()
        or word in _role_words()
        or _is_post(word)
        or is_body(word)
        or word[0].isdigit()
    )


def _designation(normal, start):
    """The post written just before a name: "महामंडळाचे व्यवस्थापकीय संचालक".

    From the last post word back over at most four words that are not
    common words, within the clause.
    """
    clause = max(normal.rfind(c, 0, start) for c in ",;:।\n،()") + 1
    tokens = list(TOKEN.finditer(normal, max(clause, sentence_at(normal, start)[0]), start))
    posts = [i for i, token in enumerate(tokens) if _is_post(token.group())]
    if not posts:
        return None
    last = posts[-1]
    first = last
    while first > 0 and last - first < _DESIGNATION_WORDS:
        word = tokens[first - 1].group()
        if word in NOT_NAME or word in COMMON or word[0].isdigit():
            break
        first -= 1
    return tokens[first].start(), tokens[last].end()


_CLAUSE = re.compile(rf"[,;،]|{START}(?:तर|while|whereas){END}")


def _clause_at(normal, start, end, sentence):
    """The clause around a name: "..., तर MAITRI पोर्टलची माहिती मनीषा कुंभार यांनी दिली"."""
    first, last = sentence
    before = [m.end() for m in _CLAUSE.finditer(normal, first, start)]
    after = _CLAUSE.search(normal, end, last)
    return (before[-1] if before else first), (after.start() if after else last)


def _cues(normal, scope, patterns):
    start, end = scope
    return [
        (name, start + m.start(), start + m.end())
        for name, pattern in patterns.items()
        for m in pattern.finditer(normal[start:end])
    ]


def _nearest_role(normal, scope, name, sessions):
    """The telling role nearest the name, "present" only when there is no other.

    Hindi, Marathi and Persian say the role after the name, and so does an
    English sentence unless it says "inaugurated by X": a cue before the name
    counts as further away.
    """
    roles = _role_cues()[0]
    # "उद्घाटन सत्र", "افتتاحیه" name a session, not the role.
    session_spans = [(a, b) for _name, a, b in sessions]
    best = None
    for role, a, b in _cues(normal, scope, roles):
        if any(a < e and s < b for s, e in session_spans):
            continue
        distance = a - name[1] if a >= name[1] else name[0] - b + _BEFORE_NAME
        key = (role == "present", distance)
        if best is None or key < best[0]:
            best = (key, role)
    return best[1] if best else None


def role_at(normal, name_start, name_end):
    """The role the report gives a person, and the session it names, clause first."""
    sessions = _role_cues()[1]
    sentence = sentence_at(normal, name_start)
    clause = _clause_at(normal, name_start, name_end, sentence)
    role, session = None, None
    for scope in (clause, sentence):
        found = _cues(normal, scope, sessions)
        session = session or (found[0][0] if found else None)
        role = role or _nearest_role(normal, scope, (name_start, name_end), found)
    return role, session


def _capitalised(source, words):
    """The words up to the first one English does not capitalise (names are)."""
    if not words or not source.original_of(words[0].start(), words[0].end()).isascii():
        return words
    kept = []
    for word in words:
        if not source.original_of(word.start(), word.end())[:1].isupper():
            break
        kept.append(word)
    return kept


def _before_apposition(source, language):
    """Names followed by a comma and a post: "محمدرضا صادقی، رئیس", "K. Ramesh, General
    Manager" (Persian and English put the post after the name)."""
    if language not in ("fa", "en"):
        return []
    normal, spans = source.normal, []
    for match in _APPOSITION.finditer(normal):
        following = list(TOKEN.finditer(normal, match.end(), match.end() + 40))[:_POST_AFTER]
        if not any(_is_post(token.group()) for token in following):
            continue
        words = _capitalised(source, _name_before(normal, match.start(), language, sentence=False))
        if len(words) == 2:
            spans.append((words[0].start(), words[-1].end(), 0.5))
    return spans


def find_people(source, language):
    """Mentions of people, in the order the text names them."""
    normal = source.normal
    honorific, after = _patterns(language)
    spans = []
    for match in honorific.finditer(normal):
        words = _capitalised(source, _name_after(normal, match.end()))
        if words:
            spans.append((words[0].start(), words[-1].end(), 0.8))
    for token in TOKEN.finditer(normal):
        if not _is_post(token.group()):
            continue
        words = _name_after(normal, token.end())
        named = _capitalised(source, words) if language == "en" else []
        if (len(words) >= 2 and after.match(normal, words[-1].end())) or len(named) >= 2:
            words = named or words
            spans.append((words[0].start(), words[-1].end(), 0.6))
    cue = re.compile(rf"{START}(?:{AFTER_NAME.get(language, AFTER_NAME['en'])}){END}")
    if language in ("mr", "fa"):
        for match in cue.finditer(normal):
            words = _name_before(normal, match.start(), language)
            if words:
                spans.append((words[0].start(), words[-1].end(), 0.5))
    spans += _before_apposition(source, language)
    mentions, seen = [], []
    for start, end, confidence in sorted(spans):
        if any(start < e and s < end for s, e in seen):
            continue
        seen.append((start, end))
        role, session = role_at(normal, start, end)
        mentions.append(
            Mention((start, end), _designation(normal, start), role, session, confidence)
        )
    return mentions
