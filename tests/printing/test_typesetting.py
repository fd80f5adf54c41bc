"""Line breaking and font runs: Chinese breaks anywhere, Latin at spaces, punctuation stays put."""

from __future__ import annotations

from fieldcrm.printing import fonts
from fieldcrm.printing.typesetting import typesetter


def test_latin_and_chinese_are_drawn_in_their_own_fonts() -> None:
    runs = typesetter().runs("C-AB12 联华超市 No.3")
    assert runs == [(fonts.LATIN, "C-AB12 "), (fonts.CJK, "联华超市"), (fonts.LATIN, " No.3")]


def test_bold_latin_uses_the_bold_face_and_chinese_the_one_cjk_face() -> None:
    assert typesetter().runs("V-01 拜访", bold=True) == [(fonts.LATIN_BOLD, "V-01 "), (fonts.CJK, "拜访")]


def test_a_character_no_font_has_is_printed_as_a_question_mark() -> None:
    assert typesetter().runs("店😀") == [(fonts.CJK, "店"), (fonts.LATIN, fonts.REPLACEMENT)]


def test_text_that_fits_stays_on_one_line() -> None:
    assert typesetter().wrap("联华超市", 200, 10) == ["联华超市"]


def test_chinese_breaks_between_characters_and_fills_each_line() -> None:
    ts = typesetter()
    text = "浙江省杭州市西湖区文三路四百七十八号华星时代广场"
    width = ts.width("浙江省杭州市", 10) + 0.1
    lines = ts.wrap(text, width, 10)
    assert "".join(lines) == text
    assert all(ts.width(line, 10) <= width for line in lines)
    assert len(lines[0]) == 6


def test_latin_words_are_not_split() -> None:
    ts = typesetter()
    lines = ts.wrap("weekly promotion with display racks", ts.width("weekly promotion", 10) + 0.1, 10)
    assert lines == ["weekly promotion", "with display racks"]


def test_closing_punctuation_never_starts_a_line() -> None:
    ts = typesetter()
    width = ts.width("好好好好", 10) + 0.1
    lines = ts.wrap("好好好好，好好", width, 10)
    assert not any(line.startswith("，") for line in lines)
    assert "".join(lines) == "好好好好，好好"


def test_a_word_longer_than_the_line_is_broken_between_letters() -> None:
    ts = typesetter()
    lines = ts.wrap("W" * 40, ts.width("W" * 10, 10) + 0.1, 10)
    assert [len(line) for line in lines] == [10, 10, 10, 10]


def test_newlines_and_blank_lines_are_kept() -> None:
    assert typesetter().wrap("第一行\n\n第三行", 300, 10) == ["第一行", "", "第三行"]
