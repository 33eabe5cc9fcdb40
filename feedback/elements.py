"""The nine SKM elements (unsur) of PermenPAN-RB 14/2017 with their questions and plain answer labels.

Regulation text, not interface text: both languages live here, as the demo catalog states them, so the
questions read the same on paper and on screen. Scores run 1 (worst) to 4 (best).
"""

from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class Element:
    code: str
    name_id: str
    name_en: str
    question_id: str
    question_en: str
    answers_id: tuple
    answers_en: tuple

    @property
    def field(self):
        return self.code.lower()

    def _en(self, lang):
        return (lang or get_language() or "id").startswith("en")

    def name(self, lang=None):
        return self.name_en if self._en(lang) else self.name_id

    def question(self, lang=None):
        return self.question_en if self._en(lang) else self.question_id

    def answers(self, lang=None):
        """[(4, "Sangat sesuai"), ..., (1, "Tidak sesuai")]: best answer first, as paper forms print them."""
        labels = self.answers_en if self._en(lang) else self.answers_id
        return [(score, labels[score - 1]) for score in (4, 3, 2, 1)]


ELEMENTS = [
    Element(
        "U1", "Persyaratan", "Requirements",
        "Apakah persyaratan layanan sesuai dengan jenis layanannya?",
        "Do the requirements fit the kind of service?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not suitable", "Somewhat unsuitable", "Suitable", "Very suitable"),
    ),
    Element(
        "U2", "Sistem, mekanisme, dan prosedur", "System, mechanism and procedure",
        "Seberapa mudah prosedur layanan ini?",
        "How easy is the procedure of this service?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ("Not easy", "Somewhat difficult", "Easy", "Very easy"),
    ),
    Element(
        "U3", "Waktu penyelesaian", "Completion time",
        "Seberapa cepat layanan ini selesai?",
        "How fast was the service completed?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ("Not fast", "Somewhat slow", "Fast", "Very fast"),
    ),
    Element(
        "U4", "Biaya/tarif", "Cost or tariff",
        "Bagaimana kewajaran biaya layanan ini?",
        "How fair is the cost of this service?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ("Very expensive", "Fairly expensive", "Cheap", "Free"),
    ),
    Element(
        "U5", "Produk spesifikasi jenis pelayanan", "Service product",
        "Apakah hasil layanan yang Anda terima sesuai dengan yang dijanjikan di standar pelayanan?",
        "Did you receive what the service standard promises?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not as promised", "Partly as promised", "As promised", "Fully as promised"),
    ),
    Element(
        "U6", "Kompetensi pelaksana", "Staff competence",
        "Seberapa mampu petugas melayani Anda?",
        "How capable were the staff who served you?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ("Not competent", "Somewhat incompetent", "Competent", "Very competent"),
    ),
    Element(
        "U7", "Perilaku pelaksana", "Staff conduct",
        "Apakah petugas sopan dan ramah?",
        "Were the staff polite and friendly?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
        ("Not polite or friendly", "Somewhat impolite", "Polite and friendly", "Very polite and friendly"),
    ),
    Element(
        "U8", "Sarana dan prasarana", "Facilities",
        "Bagaimana kualitas sarana dan prasarana layanan?",
        "How good are the facilities of the service?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
        ("Poor", "Fair", "Good", "Very good"),
    ),
    Element(
        "U9", "Penanganan pengaduan, saran, dan masukan", "Handling of complaints, suggestions and feedback",
        "Bagaimana penanganan pengaduan di layanan ini?",
        "How are complaints handled in this service?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
        ("None", "Exists but does not work", "Works, but not fully", "Well managed"),
    ),
]  # fmt: skip

FIELDS = [e.field for e in ELEMENTS]
BY_FIELD = {e.field: e for e in ELEMENTS}
