"""The public SKM form and the paper-survey upload form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Booth

from .elements import ELEMENTS
from .models import AGE_BANDS, EDUCATION, OCCUPATIONS, SEXES, SUGGESTION_MAX

HONEYPOT = "website"


def _optional_choice(label, choices):
    return forms.ChoiceField(label=label, choices=[("", _("Tidak ingin menjawab"))] + choices, required=False)


class SurveyForm(forms.Form):
    booth = forms.ModelChoiceField(
        label=_("Loket yang Anda kunjungi"), queryset=Booth.objects.none(), required=False, to_field_name="slug"
    )
    service = forms.CharField(required=False, widget=forms.HiddenInput, max_length=50)
    age_band = _optional_choice(_("Usia"), AGE_BANDS)
    sex = _optional_choice(_("Jenis kelamin"), SEXES)
    education = _optional_choice(_("Pendidikan terakhir"), EDUCATION)
    occupation = _optional_choice(_("Pekerjaan"), OCCUPATIONS)
    suggestion = forms.CharField(
        label=_("Saran untuk perbaikan layanan"),
        required=False,
        max_length=SUGGESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": SUGGESTION_MAX}),
    )
    # Honeypot: hidden from people by CSS; a bot that fills every field gives itself away.
    website = forms.CharField(label=_("Jangan isi kolom ini"), required=False)

    def __init__(self, *args, mall, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["booth"].queryset = Booth.objects.for_mall(mall).filter(kind="services")
        for element in ELEMENTS:
            self.fields[element.field] = forms.TypedChoiceField(
                label=element.question(),
                choices=element.answers(),
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            )

    @property
    def element_fields(self):
        return [(element, self[element.field]) for element in ELEMENTS]

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT))

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(e.field) for e in ELEMENTS):
            raise forms.ValidationError(_("Jawab paling sedikit satu pertanyaan sebelum mengirim."))
        return cleaned

    def scores(self):
        return {e.field: self.cleaned_data.get(e.field) for e in ELEMENTS}


class ImportForm(forms.Form):
    mall = forms.ModelChoiceField(label="Mal", queryset=None)
    file = forms.FileField(label="Berkas CSV")

    def __init__(self, *args, malls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mall"].queryset = malls
