"""Names generated for catalogue zones without an established English name."""

from __future__ import annotations

import pytest

from graph.build.divisions import load_divisions
from graph.build.seeds import read_reference
from graph.build.zone_names import Namer, Word, place_words, read_terms
from graph.paths import SEEDS_DIR

FOLDER = SEEDS_DIR / "reference"


@pytest.fixture(scope="module")
def namer() -> Namer:
    divisions = load_divisions(read_reference(FOLDER).places, FOLDER)
    return Namer(read_terms(FOLDER), place_words(divisions))


@pytest.mark.parametrize(
    ("zh", "en", "pinyin"),
    [
        (
            "江西赣州章贡经济开发区",
            "Jiangxi Ganzhou Zhanggong Economic Development Zone",
            "Jiāngxī Gànzhōu Zhānggòng Jīngjì Kāifāqū",
        ),
        (
            "中国（天津）自由贸易试验区",
            "China (Tianjin) Pilot Free Trade Zone",
            "Zhōngguó (Tiānjīn) Zìyóu Màoyì Shìyànqū",
        ),
        (
            "绥芬河－东宁重点开发开放试验区",
            "Suifenhe-Dongning Key Development and Opening Pilot Zone",
            "Suífēnhé-Dōngníng Zhòngdiǎn Kāifā Kāifàng Shìyànqū",
        ),
        (
            "内蒙古鄂尔多斯苏里格经济开发区",
            "Inner Mongolia Ordos Sulige Economic Development Zone",
            "Nèi Měnggǔ È'ěrduōsī Sūlǐgé Jīngjì Kāifāqū",
        ),
        ("单县经济开发区", "Shan Economic Development Zone", "Shàn Jīngjì Kāifāqū"),
        (
            "南通市、泰州市、扬州市海工装备和高技术船舶集群",
            "Nantong, Taizhou, Yangzhou Haigong Zhuangbei He Gaoji Shuchuanbo Cluster",
            "Nántōng, Tàizhōu, Yángzhōu Hǎigōng Zhuāngbèi Hé Gāojì Shùchuánbó Jíqún",
        ),
    ],
)
def test_generated_names(namer: Namer, zh: str, en: str, pinyin: str) -> None:
    assert namer.name(zh) == Word(en, pinyin)
