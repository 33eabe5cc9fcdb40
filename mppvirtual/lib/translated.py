"""Content in two languages: a field `name` (Indonesian, required) beside `name_en` (English, optional)."""

from django.utils.translation import get_language


class TranslatedMixin:
    def tr(self, field, lang=None):
        """The English text when the page is English and it exists; the Indonesian text otherwise."""
        lang = lang or get_language() or "id"
        if lang.startswith("en"):
            value = getattr(self, f"{field}_en", None)
            if value:
                return value
        return getattr(self, field)
