"""Writes of the survey app: one web answer, and a whole paper-survey file (all or nothing)."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from catalog.models import Booth, Service

from .elements import FIELDS
from .models import AGE_BANDS, EDUCATION, OCCUPATIONS, SEXES, SurveyResponse

REQUIRED_COLUMNS = ["booth", "service", *FIELDS]
OPTIONAL_COLUMNS = ["age_band", "sex", "education", "occupation", "submitted_at"]
PROFILE_CHOICES = {
    "age_band": {code for code, _label in AGE_BANDS},
    "sex": {code for code, _label in SEXES},
    "education": {code for code, _label in EDUCATION},
    "occupation": {code for code, _label in OCCUPATIONS},
}
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 50_000


def submit_survey_response(mall, scores, *, booth=None, service=None, profile=None, suggestion=""):
    if service is not None and booth is None:
        booth = service.booth
    return SurveyResponse.objects.create(
        mall=mall,
        booth=booth,
        service=service,
        suggestion=suggestion.strip(),
        source=SurveyResponse.WEB,
        **scores,
        **(profile or {}),
    )


@dataclass
class ImportResult:
    created: int = 0
    errors: list = field(default_factory=list)  # [(line number, reason)]

    @property
    def ok(self):
        return not self.errors


class _RowError(Exception):
    pass


def _read_text(data):
    if len(data) > MAX_IMPORT_BYTES:
        raise _RowError(f"Berkas lebih dari {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _RowError("Berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8.") from exc


def _check_header(header):
    if header[: len(REQUIRED_COLUMNS)] != REQUIRED_COLUMNS:
        raise _RowError("Kolom pertama harus persis: " + ",".join(REQUIRED_COLUMNS) + ".")
    unknown = [c for c in header[len(REQUIRED_COLUMNS) :] if c not in OPTIONAL_COLUMNS]
    if unknown:
        raise _RowError("Kolom tidak dikenal: " + ", ".join(unknown) + ". Boleh: " + ", ".join(OPTIONAL_COLUMNS) + ".")
    if len(set(header)) != len(header):
        raise _RowError("Ada nama kolom yang ganda.")


def _parse_time(text, mall):
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            naive = datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
        when = naive.replace(tzinfo=mall.zone)
        if when > timezone.now():
            raise _RowError(f"submitted_at “{text}” ada di masa depan")
        return when
    raise _RowError(f"submitted_at “{text}” bukan tanggal YYYY-MM-DD atau YYYY-MM-DD HH:MM")


def _build_row(values, mall, booths, services, now):
    reasons = []
    booth = booths.get(values.get("booth", "").strip())
    if booth is None:
        reasons.append(f"booth “{values.get('booth', '')}” tidak ada di mal ini")
    service = None
    service_slug = values.get("service", "").strip()
    if service_slug:
        service = services.get(service_slug)
        if service is None:
            reasons.append(f"layanan “{service_slug}” tidak ada di mal ini")
        elif booth is not None and service.booth_id and service.booth_id != booth.id:
            reasons.append(f"layanan “{service_slug}” tidak dilayani di booth “{booth.slug}”")
    scores = {}
    for name in FIELDS:
        text = (values.get(name) or "").strip()
        if text == "":
            scores[name] = None
        elif text in {"1", "2", "3", "4"}:
            scores[name] = int(text)
        else:
            reasons.append(f"{name} harus 1, 2, 3 atau 4 (atau kosong), bukan “{text}”")
    if all(v is None for v in scores.values()):
        reasons.append("tidak ada jawaban U1–U9")
    profile = {}
    for name, allowed in PROFILE_CHOICES.items():
        text = (values.get(name) or "").strip()
        if text and text not in allowed:
            reasons.append(f"{name} “{text}” tidak dikenal (boleh: {', '.join(sorted(allowed))})")
        profile[name] = text
    submitted_at = now
    when_text = (values.get("submitted_at") or "").strip()
    if when_text:
        try:
            submitted_at = _parse_time(when_text, mall)
        except _RowError as exc:
            reasons.append(str(exc))
    if reasons:
        raise _RowError("; ".join(reasons))
    return SurveyResponse(
        mall=mall,
        booth=booth,
        service=service,
        source=SurveyResponse.PAPER,
        submitted_at=submitted_at,
        **scores,
        **profile,
    )


def import_skm(mall, data):
    """Import paper questionnaires from CSV bytes. Any bad row: nothing is saved, every bad row is listed."""
    result = ImportResult()
    try:
        reader = csv.reader(io.StringIO(_read_text(data)))
        header = [c.strip().lower() for c in next(reader, [])]
        if not header:
            raise _RowError("Berkas kosong.")
        _check_header(header)
    except (_RowError, csv.Error) as exc:
        result.errors.append((1, str(exc)))
        return result

    booths = {b.slug: b for b in Booth.objects.for_mall(mall)}
    services = {s.slug: s for s in Service.objects.for_mall(mall)}
    now = timezone.now()
    rows = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) + len(result.errors) >= MAX_IMPORT_ROWS:
                result.errors.append((line, f"lebih dari {MAX_IMPORT_ROWS} baris; bagi berkasnya"))
                break
            if len(cells) != len(header):
                result.errors.append((line, f"ada {len(cells)} kolom, seharusnya {len(header)}"))
                continue
            try:
                rows.append(_build_row(dict(zip(header, cells, strict=True)), mall, booths, services, now))
            except _RowError as exc:
                result.errors.append((line, str(exc)))
    except csv.Error as exc:
        result.errors.append((reader.line_num, f"CSV rusak: {exc}"))
    if not rows and not result.errors:
        result.errors.append((2, "tidak ada baris jawaban"))
    if result.errors:
        return result
    with transaction.atomic():
        SurveyResponse.objects.bulk_create(rows, batch_size=1000)
    result.created = len(rows)
    return result
