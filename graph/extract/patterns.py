"""Generic keyword tables and patterns: approval cues, plans that are not designations,
designation nouns, levels, issuer names and the words that end designee names."""

from __future__ import annotations

import re

APPROVE = re.compile(
    r"\b(?:approv\w*|designat\w*|named|names|selected|select(?:s|ion)|listed|included|includes?"
    r"|added|awarded|granted|recogni[sz]ed|upgraded|chosen|chose|picked|made the list|accredited"
    r"|unveiled|announced|published|released|confirmed|certified|green.?lit|was given|won"
    r"|issued|set up|established|launched the list)\b"
    r"|批复|批准|获批|认定|公布|公示|发布|入选|列入|纳入|确定|授予|命名|升级为|同意|上榜|获评"
    r"|评为|遴选|晋升|授牌|印发"
)
NEGATIVE = re.compile(
    r"\b(?:aims? to|aiming to|plans? to|planning to|will (?:strive|seek|apply|try|push|work|bid)"
    r"|strives? to|striving to|seeks? to|seeking to|hopes? to|hoping to|bid to|bidding to"
    r"|is applying|apply for|applying for|application for|call for applications|intends? to"
    r"|preparing to|prepares to|being created|to be created|push(?:es|ing)? to (?:create|build)"
    r"|working towards?|goal|target|would like to|wants? to|expects? to|is expected to"
    r"|seek(?:s|ing)? approval|applied for|application (?:to|for)|await\w*|pending|submitted"
    r"|not (?:been |yet )?(?:selected|approved|named|included"
    r"|listed|designated)|failed to|could be|may be|might be|likely to|would be|revoked|stripped"
    r"|withdrawn|rumou?red)\b"
    r"|力争|计划创建|计划申报|计划建设|计划打造|争创|创建中|正在创建|正在申报|申报|争取|谋划"
    r"|积极创建|推动创建|筹建|有望|启动创建|目标是|将打造|打造成|致力于|努力建设|未入选|未获批"
    r"|落选|撤销|摘牌|取消|规划建设|拟申报|备战"
)
NOUN = re.compile(
    r"\b(?:pilots?|demonstration|clusters?|zones?|bases?|cent(?:er|re)s?|lists?|batch|programs?"
    r"|programmes?|parks?|areas?|champions?|little giants?)\b"
    r"|试点|示范|集群|基地|中心|名单|批|高新区|开发区|自贸|试验区|园区|冠军|小巨人"
)
PROVINCIAL = re.compile(
    r"省级|自治区级|\bprovincial\b|\bprovince level\b|\bautonomous region level\b"
    r"|\bregion level\b|\bregional level\b|区级(?=[^，。]*(?:试点|示范|集群|基地|中心|高新区))"
)
MUNICIPAL = re.compile(r"市级|\bmunicipal level\b|\bcity level\b")
NATIONAL = re.compile(r"国家级|国家|全国|\bnational\b|\bstate level\b|\bstate council\b")

ZH_ISSUER_CORE = re.compile(
    r"国务院(?:办公厅)?|(?:国家)?(?:工业和信息化|科学技术|科技|发展和改革|发展改革|发改|商务|财政|工信|经济和信息化"
    r"|经信|教育|农业农村|生态环境|自然资源|文化和旅游|交通运输|人力资源和社会保障|住房和城乡建设"
    r"|住房城乡建设|民政|水利|卫生健康|市场监管|中央宣传|中宣)"
    r"(?:部|厅|委员会|委|局)|人民政府"
)
EN_ISSUER = re.compile(
    r"(?:(?:[A-Z][a-z]+ ){1,3}(?:Provincial |Municipal |Autonomous Region(?:al)? |Regional )"
    r"|(?:the )?(?:National |State )?)"
    r"(?:Department|Ministry|Bureau|Commission|Administration|Office) of "
    r"[A-Z][\w&]*(?:,? (?:and |of |& )?[A-Z][\w&-]*)*|State Council"
    r"|(?:[A-Z][a-z]+ ){1,4}(?:[Pp]rovincial |[Mm]unicipal |[Cc]ity |Autonomous Region )?"
    r"(?:People's )?[Gg]overnment|\b(?:NDRC|MOFCOM|MOF|SASAC|MEE|MNR)\b"
    r"|(?:National|State) (?:[A-Z][a-z]+,? (?:and |of |& )?){1,5}"
    r"(?:Commission|Administration|Bureau|Agency)\b"
)


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one space-separated string."""
    return tuple(text.split())


def _pairs(text: str, sep: str) -> tuple[tuple[str, str], ...]:
    """A table of (word, kind) pairs written as "word:kind" items, longest words first."""
    pairs = [item.strip().rsplit(":", 1) for item in text.split(sep) if item.strip()]
    return tuple(sorted(((w, k) for w, k in pairs), key=lambda p: -len(p[0])))


# Words that end designee names, with the kind of designee they make.
ZH_SUFFIXES = _pairs(
    "高新技术产业开发区:zone 高新技术产业园区:zone 经济技术开发区:zone "
    "自由贸易试验区:zone 自主创新示范区:zone 股份有限公司:organization "
    "有限责任公司:organization 综合保税区:zone 产业示范基地:other "
    "分公司:organization 有限公司:organization 自贸试验区:zone 高新区:zone 经开区:zone 开发区:zone "
    "产业园:zone 示范区:zone 试验区:zone 研究院:organization 研究所:organization "
    "创新中心:organization 集群:cluster 大学:organization 新区:zone 基地:other "
    "科技园区:zone 科技园:zone 工业园区:zone 产业园区:zone 科学城:zone",
    " ",
)
EN_SUFFIXES = _pairs(
    "high tech industrial development zone:zone|"
    "hi tech industrial development zone:zone|"
    "economic and technological development zone:zone|pilot free trade zone:zone|"
    "pilot free trade zones:zone|"
    "free trade pilot zone:zone|free trade zone:zone|"
    "innovation demonstration zone:zone|demonstration zone:zone|high tech zone:zone|"
    "hi tech zone:zone|high tech park:zone|development zone:zone|industrial park:zone|"
    "new area:zone|co., ltd.:organization|co., ltd:organization|co. ltd.:organization|"
    "co. ltd:organization|company limited:organization|corporation:organization|co.:organization|"
    "research institute:organization|institute:organization|university:organization|"
    "innovation center:organization|innovation centre:organization|clusters:cluster|"
    "science park:zone|science city:zone|technology park:zone|hi tech park:zone|"
    "industrial zone:zone|bonded zone:zone|economic zone:zone|"
    "cluster:cluster",
    "|",
)
EN_STOP = frozenset(
    _words(
        "the a an its their as was is are were be been has have had include includes "
        "included including such with to by for in on at from that which this these those "
        "named approved selected listed among list of and or but while after before into "
        "onto than new-listed designated announced recognized recognised upgraded chosen "
        "picked awarded said says both each all other another one two three four five six "
        "seven eight nine ten it cluster clusters zone zones park parks co. ltd ltd. "
        "institute university center centre area corporation"
    )
)
GENERIC_START = frozenset(
    _words(
        "national state provincial municipal advanced emerging strategic key pilot first "
        "second third fourth fifth batch level industrial demonstration innovation high "
        "hi regional china's chinese country's nation's modern"
    )
)
ZH_CUT = _words(
    "批复同意 批复 批准 获批 同意 认定 确定 入选 列入 纳入 公布 其中 包括 "
    "包含 分别为 分别是 成为 作为 支持 推荐 以及 下属 旗下 的 将 由 为 "
    "在 是 等 了 让 使 被 把 对 给 日前 近日 名单 上榜 获评 评为 授予 "
    "命名 设立 经 建设 首个 首家 唯一 个 批 年度 年 印发 这 该 创建 "
    "打造"
)
ZH_GENERIC_START = _words(
    "国家 全国 省级 自治区级 市级 首批 第 先进制造业 该 此 这 本 各 产业 新兴 战略性"
)
TYPE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"free trade|自由贸易|自贸"), "pilot-free-trade-zone"),
    (re.compile(r"innovation cent|创新中心"), "innovation-center"),
    (re.compile(r"cluster|集群"), "cluster"),
    (re.compile(r"industriali[sz]ation base|产业化基地"), "industrialization-base"),
    (re.compile(r"demonstration base|示范基地|基地"), "demonstration-base"),
    (re.compile(r"pilot region|pilot zone|pilot area|试点区域|试点地区"), "regional-pilot"),
    (re.compile(r"pilot unit|pilot enterprise|试点单位|试点企业"), "pilot-unit"),
    (re.compile(r"pilot cit|试点城市|示范城市"), "pilot-city"),
    (re.compile(r"access|准入"), "access-list"),
    (
        re.compile(r"high tech (?:industrial development )?zone|高新区|高新技术产业开发区"),
        "national-high-tech-zone",
    ),
    (re.compile(r"demonstration zone|示范区"), "demonstration-zone"),
)
PILOT = re.compile(r"\bpilot|试点")
ZH_PROGRAM = re.compile(
    r"(?:第[一二三四五六七八九十\d]+批|首批)?(?:国家级|国家|省级|自治区级|全国)"
    r"[\u4e00-\u9fff()]{0,30}?(?:试点城市|试点单位|试点区域|试点|示范区|示范基地|示范城市|集群"
    r"|基地|创新中心|试验区|高新技术产业开发区|高新区)"
)
EN_PROGRAM = re.compile(
    r"(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r" (?:batch|group|round) of )?(?:national|state level|provincial|autonomous region level"
    r"|region level)[a-z0-9 &']{1,90}?(?:pilot (?:regions?|cit(?:y|ies)|zones?|units?"
    r"|programs?|programmes?|areas?|enterprises?)|pilots?|demonstration (?:zones?|bases?|areas?"
    r"|cit(?:y|ies))|clusters?|bases?|innovation cent(?:er|re)s?|high tech zones?"
    r"|high tech industrial development zones?|free trade zones?)\b"
)
ZH_LISTED_PROGRAM = re.compile(
    r"(?:公布|发布|确定|印发|评选出|遴选出|认定)了?(?:第[一二三四五六七八九十\d]+批|首批)?"
    r"([\u4e00-\u9fff]{2,30}?(?:试点城市|试点单位|试点区域|试点|示范区|示范基地|示范城市|集群"
    r"|创新中心))"
)
EN_LISTED_PROGRAM = re.compile(
    r"\b(?:batch|list|group) of ((?:[a-z0-9&'-]+ ){0,6}?(?:pilot|demonstration)"
    r" (?:cit(?:y|ies)|zones?|regions?|units?|bases?|areas?|enterprises?)"
    r"(?: (?:for|of|in) [a-z0-9&' ]{3,80})?)"
)
