"""scan(pattern, screen, text) must give exactly pattern.finditer(text): same spans, same groups."""

from __future__ import annotations

import re

import pytest

from checker.checks import numbers as number_rules
from checker.numbers import chinese, english
from checker.numbers.scan import scan

TEXTS = [
    "improves accuracy by 12.4% (from 70.1 to 82.5) over GPT-4o and Qwen2.5-7B, 3x faster, -36.8% error",
    "Section 3.2 of arXiv:2401.12345 reports ten benchmarks, twenty-five tasks, a third of the cost; twice as fast",
    "在FBP数据集上，相比U-Net(4c)提升19.21% mIoU，约22.6万条样本，三个数据集，两阶段，1）编码；2）解码；5）掩码",
    "①感知②时序③认知，第20届，64x48，1/10，百分之五十，三成，2015至2025年，－３．５％",
    "", "-", "1", ".5", "a-1", "(2)", "一种", "for a task",
]
PATTERNS = [
    (english._QUANTITY, english._QUANTITY_SCREEN),
    (english._QUANTITY, english._QUANTITY_SCREEN_ASCII),
    (english._NUMBER_WORDS, english._NUMBER_WORDS_SCREEN),
    (chinese._ARABIC, chinese._ARABIC_SCREEN),
    (chinese._CHINESE_COUNT, chinese._CHINESE_COUNT_SCREEN),
    (number_rules._MARKER, number_rules._MARKER_START),
]


def _read(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in matches]


@pytest.mark.parametrize(("pattern", "screen"), PATTERNS)
def test_scan_gives_the_matches_of_finditer(pattern: re.Pattern[str], screen: re.Pattern[str]) -> None:
    for text in TEXTS:
        if screen is english._QUANTITY_SCREEN_ASCII and not text.isascii():
            continue
        text = text.lower() if pattern is english._NUMBER_WORDS else chinese.normalize_chinese(text)
        assert _read(scan(pattern, screen, text)) == _read(list(pattern.finditer(text)))


def test_scan_finds_quantities_after_a_failed_candidate() -> None:
    text = "a - b 12.5% and -3"
    assert [m.group(0) for m in scan(english._QUANTITY, english._QUANTITY_SCREEN_ASCII, text)] == ["12.5%", "-3"]
