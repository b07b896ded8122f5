"""Place-name renderings: heteronyms, ethnic groups and banner suffixes."""

from __future__ import annotations

import pytest

from graph.build.labels import place_english, place_pinyin

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
