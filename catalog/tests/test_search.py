"""Behaviour of the forgiving search engine (catalog.search) over the demo catalog."""

import pytest

from catalog import search
from catalog.models import Service


def slugs(mall, query, limit=20):
    return [s.slug for s in search.search(mall, query, limit=limit)]


def test_it_finds_a_service_by_its_name(taman):
    assert slugs(taman, "Akta kematian")[0] == "akta-kematian"


def test_it_forgives_a_typo_in_a_word(taman):
    assert slugs(taman, "akta kelahran")[0] == "akta-kelahiran"


def test_it_forgives_two_typos_in_a_long_word(taman):
    assert slugs(taman, "perpanjngn sim")[0] == "perpanjangan-sim"


def test_it_does_not_count_two_swapped_letters_in_a_short_word_as_one_typo(taman):
    # Plain Levenshtein: "apspor" is two edits from "paspor", more than a 6-letter word may have.
    assert "paspor-baru" not in slugs(taman, "apspor")


def test_it_reads_colloquial_spelling_as_the_standard_word(taman):
    assert slugs(taman, "ktp ilang")[0] == "ktp-el-hilang-rusak"
    assert slugs(taman, "akte lahir")[0] == "akta-kelahiran"


def test_it_knows_the_long_names_of_abbreviations(taman):
    assert slugs(taman, "surat kelakuan baik")[0] == "skck"
    assert slugs(taman, "kartu keluarga")[0] in {"kk-baru", "kk-perubahan-data"}


def test_it_understands_english_queries(taman):
    assert slugs(taman, "lost ID card")[0] == "ktp-el-hilang-rusak"
    assert slugs(taman, "birth certificate")[0] == "akta-kelahiran"


def test_it_strips_indonesian_affixes(taman):
    assert set(slugs(taman, "menceraikan", limit=3)) & {"cerai-gugat", "cerai-talak"}


def test_it_completes_a_half_typed_word(taman):
    assert slugs(taman, "paspo")[0] == "paspor-baru"


def test_it_ignores_the_filler_words_of_a_question(taman):
    assert slugs(taman, "gimana cara bikin ktp")[:1] == slugs(taman, "ktp")[:1]


def test_it_puts_the_best_match_first(taman):
    results = slugs(taman, "ktp hilang")
    assert results[0] == "ktp-el-hilang-rusak"
    assert "laporan-kehilangan" in results[1:]


def test_it_leaves_out_services_that_match_only_weakly(taman):
    # "sppt hilang" is a keyword of the tax notice service: one word of two, far below the ID card.
    assert "lihat-cetak-esppt" not in slugs(taman, "ktp ilang")


def test_it_never_returns_draft_services(taman):
    assert "skck" in slugs(taman, "skck")
    Service.objects.filter(mall=taman, slug="skck").update(status=Service.DRAFT)
    assert "skck" not in slugs(taman, "skck")


def test_it_finds_a_service_published_after_the_index_was_built(taman):
    slugs(taman, "ktp")
    service = Service.objects.get(mall=taman, slug="skck")
    service.pk = None
    service.slug = "izin-odong-odong"
    service.name = "Izin odong-odong"
    service.keywords = "odong odong"
    service.save()
    assert slugs(taman, "odong")[0] == "izin-odong-odong"


def test_it_never_returns_services_of_another_mall(taman, sukodono):
    assert all(s.mall_id == taman.id for s in search.search(taman, "ktp"))
    assert all(s.mall_id == sukodono.id for s in search.search(sukodono, "ktp"))
    # Only Sukodono has the vehicle tax service.
    assert "bayar-pajak-kendaraan" in slugs(sukodono, "pajak motor")
    assert "bayar-pajak-kendaraan" not in slugs(taman, "pajak motor")


def test_it_respects_the_limit(taman):
    assert len(search.search(taman, "surat", limit=2)) == 2
    assert search.search(taman, "surat", limit=0) == []


def test_it_returns_services_with_agency_and_url_ready(taman, django_assert_num_queries):
    results = search.search(taman, "akta")
    with django_assert_num_queries(0):
        assert all(s.agency.short_name and s.get_absolute_url().startswith("/taman/") for s in results)


def test_it_checks_the_index_with_one_query_once_built(taman, django_assert_num_queries):
    search.search(taman, "ktp")
    with django_assert_num_queries(1):
        search.search(taman, "akte lahir anak")


def test_a_caller_changing_a_result_does_not_change_the_index(taman):
    search.search(taman, "skck")[0].name = "Changed"
    assert search.search(taman, "skck")[0].name != "Changed"


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "\x00",
        "ktp\x00\x1f",
        "x" * 10_000,
        "ktp " * 2_500,
        "'; DROP TABLE catalog_service; --",
        "' OR '1'='1",
        "🙂🙂🙂",
        "%_%_%",
        "<script>alert(1)</script>",
        "\u202e\ufeff\u200b",
        "ａｋｔａ",
    ],
)
def test_it_returns_a_list_for_any_input(taman, garbage):
    results = search.search(taman, garbage)
    assert isinstance(results, list)
    assert all(s.mall_id == taman.id for s in results)


def test_it_returns_nothing_for_words_it_does_not_know(taman):
    assert search.search(taman, "qwzxv") == []


def test_clean_query_removes_control_characters_and_cuts_length():
    assert search.clean_query("  ktp\x00 hilang\n\t ") == "ktp hilang"
    assert len(search.clean_query("a" * 10_000)) == search.MAX_QUERY
    assert search.clean_query(None) == ""
    assert search.clean_query("k\u200btp\u00ad \ud800hilang") == "ktp hilang"


def test_levenshtein_is_plain_and_stops_at_the_limit():
    assert search.levenshtein("kelahran", "kelahiran", 2) == 1
    assert search.levenshtein("apspor", "paspor", 2) == 2
    assert search.levenshtein("abcdefgh", "zzzzzzzz", 2) == 3


def test_did_you_mean_respells_words_the_catalog_does_not_know(taman):
    assert search.did_you_mean(taman, "Akta kelahran") == "akta kelahiran"
    assert search.did_you_mean(taman, "ijin keramain") == "ijin keramaian"


def test_did_you_mean_stays_quiet_when_every_word_is_known(taman):
    assert search.did_you_mean(taman, "gimana cara bikin ktp") == ""
    assert search.did_you_mean(taman, "akte lahir") == ""
    assert search.did_you_mean(taman, "qwzxv") == ""
    assert search.did_you_mean(taman, "\x00") == ""


def test_an_index_without_services_finds_nothing():
    assert search.Index([]).search("ktp", 20) == []
