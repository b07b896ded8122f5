"""Place-name renderings: heteronyms, ethnic groups and banner suffixes; other names in pinyin
word by word, in the same style."""

from __future__ import annotations

import pytest

from graph import Store
from graph.build.labels import name_pinyin, place_english, place_pinyin

CASES = [
    ("长沙市", "Chángshā Shì", "Changsha"),
    ("长治市", "Chángzhì Shì", "Changzhi"),
    ("朝阳市", "Cháoyáng Shì", "Chaoyang"),
    ("漯河市", "Luòhé Shì", "Luohe"),
    ("重庆市", "Chóngqìng Shì", "Chongqing"),
    ("花都区", "Huādū Qū", "Huadu District"),
    ("万柏林区", "Wànbǎilín Qū", "Wanbailin District"),
    ("井陉矿区", "Jǐngxíng Kuàngqū", "Jingxing Mining District"),
    ("西安市", "Xī'ān Shì", "Xi'an"),
    ("吕梁市", "Lǚliáng Shì", "Lüliang"),
    (
        "阿坝藏族羌族自治州",
        "Ābà Zàngzú Qiāngzú Zìzhìzhōu",
        "Aba Tibetan and Qiang Autonomous Prefecture",
    ),
    ("延边朝鲜族自治州", "Yánbiān Cháoxiǎnzú Zìzhìzhōu", "Yanbian Korean Autonomous Prefecture"),
    ("科尔沁右翼前旗", "Kē'ěrqìn Yòuyì Qiánqí", "Ke'erqin Right Front Banner"),
    ("长子县", "Zhǎngzǐ Xiàn", "Zhangzi County"),
    ("长宁区", "Chángníng Qū", "Changning District"),
    ("喀什地区", "Kāshí Dìqū", "Kashi Prefecture"),
    ("管城回族区", "Guǎnchéng Huízú Qū", "Guancheng Hui District"),
    ("东乡族自治县", "Dōngxiāngzú Zìzhìxiàn", "Dongxiang Autonomous County"),
    ("锡林郭勒盟", "Xīlínguōlè Méng", "Xilinguole League"),
    # Heteronyms read as in place names.
    ("兴安盟", "Xīng'ān Méng", "Xing'an League"),
    ("张掖市", "Zhāngyè Shì", "Zhangye"),
    ("闵行区", "Mǐnháng Qū", "Minhang District"),
    ("单县", "Shàn Xiàn", "Shan County"),
    ("筠连县", "Jūnlián Xiàn", "Junlian County"),
    ("涡阳县", "Guōyáng Xiàn", "Guoyang County"),
    ("浚县", "Xùn Xiàn", "Xun County"),
    ("天台县", "Tiāntāi Xiàn", "Tiantai County"),
    ("监利市", "Jiānlì Shì", "Jianli"),
    ("阆中市", "Làngzhōng Shì", "Langzhong"),
    ("沛县", "Pèi Xiàn", "Pei County"),
    ("城区", "Chéngqū", "Chengqu"),
]


@pytest.mark.parametrize(("zh", "pinyin", "english"), CASES)
def test_place_renderings(zh: str, pinyin: str, english: str) -> None:
    assert (place_pinyin(zh), place_english(zh)) == (pinyin, english)


NAMES = [
    ("国家先进制造业集群", "Guójiā Xiānjìn Zhìzàoyè Jíqún"),
    ("中国（安徽）自由贸易试验区", "Zhōngguó (Ānhuī) Zìyóu Màoyì Shìyànqū"),
    ("赣州市稀土新材料及应用集群", "Gànzhōu Shì Xītǔ Xīn Cáiliào jí Yìngyòng Jíqún"),
    (
        "第一批符合《稀土行业准入条件》企业名单",
        "Dìyīpī Fúhé “Xītǔ Hángyè Zhǔnrù Tiáojiàn” Qǐyè Míngdān",
    ),
    (
        "2022年国家先进制造业集群名单（45个）",
        "2022 Nián Guójiā Xiānjìn Zhìzàoyè Jíqún Míngdān (45 Gè)",
    ),
    ("长株潭国家自主创新示范区", "Cháng Zhū Tán Guójiā Zìzhǔ Chuàngxīn Shìfànqū"),
]


@pytest.mark.parametrize(("zh", "pinyin"), NAMES)
def test_names_are_written_word_by_word_as_divisions_are(zh: str, pinyin: str) -> None:
    assert name_pinyin(zh) == pinyin


def test_no_label_in_the_graph_is_one_syllable_per_word(built: Store) -> None:
    rows = built.select(
        """SELECT ?x ?zh ?pinyin WHERE {
          ?x skos:prefLabel ?zh , ?pinyin .
          FILTER(LANG(?zh) = "zh-hans" && LANG(?pinyin) = "zh-latn-pinyin")
        }"""
    )
    syllabic = sorted(
        r["x"].value
        for r in rows
        if len(r["zh"].value) >= 4 and len(r["pinyin"].value.split()) >= len(r["zh"].value)
    )
    assert (len(rows) > 3000, syllabic) == (True, [])
