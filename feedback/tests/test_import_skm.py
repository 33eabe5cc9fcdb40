"""Paper questionnaires from CSV, by command and by admin upload: all rows or none."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from feedback.actions import import_skm
from feedback.models import SurveyResponse

pytestmark = pytest.mark.django_db

HEADER = "booth,service,u1,u2,u3,u4,u5,u6,u7,u8,u9,age_band,sex,education,occupation,submitted_at\n"
GOOD = "dispenduk,ktp-el-baru,4,3,3,4,3,3,4,3,3,25-34,P,sma,swasta,2026-11-03 09:30\n"
GOOD_NO_SERVICE = "polresta-sidoarjo,,4,4,4,4,4,4,4,4,4,,,,,2026-11-04\n"


def test_it_imports_every_row_of_a_good_file(taman):
    result = import_skm(taman, (HEADER + GOOD + GOOD_NO_SERVICE).encode())
    assert result.ok and result.created == 2
    first = SurveyResponse.objects.get(service__slug="ktp-el-baru")
    assert (first.booth.slug, first.u1, first.u2, first.source) == ("dispenduk", 4, 3, SurveyResponse.PAPER)
    assert first.submitted_at.astimezone(taman.zone).strftime("%Y-%m-%d %H:%M") == "2026-11-03 09:30"
    assert SurveyResponse.objects.get(service=None).booth.slug == "polresta-sidoarjo"


def test_the_optional_columns_may_be_left_out(taman):
    text = "booth,service,u1,u2,u3,u4,u5,u6,u7,u8,u9\ndispenduk,,4,4,4,4,4,4,4,4,4\n"
    assert import_skm(taman, text.encode()).created == 1


def test_one_bad_row_imports_nothing_and_every_bad_row_is_listed(taman):
    rows = [
        GOOD,
        "no-such-booth,,4,4,4,4,4,4,4,4,4,,,,,\n",  # line 3
        GOOD,
        "dispenduk,,4,5,4,4,4,4,4,4,x,,,,,\n",  # line 5
        "dispenduk,skck,4,4,4,4,4,4,4,4,4,,,,,\n",  # line 6: SKCK is not served at Dispenduk
        "dispenduk,,4,4,4,4,4,4,4,4,4,99,X,,,\n",  # line 7
        "dispenduk,,4,4,4,4,4,4,4,4,4,,,,,2099-01-01\n",  # line 8
        "dispenduk,,4,4\n",  # line 9
    ]
    result = import_skm(taman, (HEADER + "".join(rows)).encode())
    assert result.created == 0
    assert [line for line, _reason in result.errors] == [3, 5, 6, 7, 8, 9]
    reasons = dict(result.errors)
    assert "no-such-booth" in reasons[3]
    assert "u2" in reasons[5] and "u9" in reasons[5]
    assert "skck" in reasons[6]
    assert "age_band" in reasons[7] and "sex" in reasons[7]
    assert "masa depan" in reasons[8]
    assert "kolom" in reasons[9]
    assert not SurveyResponse.objects.exists()


def test_a_wrong_header_is_refused(taman):
    result = import_skm(taman, b"loket,layanan,u1\ndispenduk,,4\n")
    assert result.errors[0][0] == 1
    assert "booth,service,u1" in result.errors[0][1]


def test_a_file_that_is_not_utf8_text_is_refused(taman):
    result = import_skm(taman, b"\xff\xfe\x00\x00garbage")
    assert not result.ok and not SurveyResponse.objects.exists()


def test_the_command_imports_and_reports(taman, tmp_path, capsys):
    path = tmp_path / "skm.csv"
    path.write_text(HEADER + GOOD)
    call_command("import_skm", "taman", str(path))
    assert "1 jawaban diimpor" in capsys.readouterr().out
    assert SurveyResponse.objects.count() == 1


def test_the_command_lists_bad_rows_and_changes_nothing(taman, tmp_path):
    path = tmp_path / "skm.csv"
    path.write_text(HEADER + GOOD + "nope,,1,1,1,1,1,1,1,1,1,,,,,\n")
    with pytest.raises(CommandError, match="baris 3: booth “nope”"):
        call_command("import_skm", "taman", str(path))
    assert not SurveyResponse.objects.exists()


def test_the_command_refuses_an_unknown_mall(taman, tmp_path):
    path = tmp_path / "skm.csv"
    path.write_text(HEADER + GOOD)
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("import_skm", "atlantis", str(path))


def test_staff_upload_paper_surveys_in_the_admin(client, personas, taman):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(personas["budi"])
    url = reverse("admin:feedback_surveyresponse_import")
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("skm.csv", (HEADER + GOOD + "nope,,1,1,1,1,1,1,1,1,1,,,,,\n").encode())
    response = client.post(url, {"mall": taman.id, "file": bad})
    assert response.status_code == 400
    assert "Baris 3" in response.content.decode()
    assert not SurveyResponse.objects.exists()
    good = SimpleUploadedFile("skm.csv", (HEADER + GOOD).encode())
    response = client.post(url, {"mall": taman.id, "file": good})
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == 1


def test_staff_cannot_import_into_a_mall_they_do_not_run(client, personas, taman, sukodono):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(personas["budi"])
    upload = SimpleUploadedFile("skm.csv", (HEADER + GOOD).encode())
    response = client.post(reverse("admin:feedback_surveyresponse_import"), {"mall": sukodono.id, "file": upload})
    assert response.status_code == 200  # form error: not a choice
    assert not SurveyResponse.objects.exists()


def test_the_answer_list_links_to_the_import_and_the_summary(client, personas, taman):
    client.force_login(personas["budi"])
    html = client.get(reverse("admin:feedback_surveyresponse_changelist")).content.decode()
    assert reverse("admin:feedback_surveyresponse_import") in html
    assert 'href="/staf/ringkasan/taman/"' in html


def test_staff_read_the_suggestions_citizens_left(client, personas, taman):
    SurveyResponse.objects.create(mall=taman, u1=2, suggestion="Antrean KTP terlalu lama, tambah loket.")
    SurveyResponse.objects.create(mall=taman, u1=4)
    client.force_login(personas["budi"])
    response = client.get(reverse("admin:feedback_surveyresponse_changelist") + "?saran=ada")
    assert "Antrean KTP terlalu lama" in response.content.decode()
    assert response.context["cl"].result_count == 1
