import tempfile

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from malls.admin import MallScopedAdmin

from . import pipeline
from .models import Hotspot, Panorama, PanoramaJob

# A 16384×8192 JPEG from a 360° camera is 20–60 MB; anything far larger is not a photo we can use.
MAX_UPLOAD_BYTES = 120_000_000


class PanoramaJobForm(forms.ModelForm):
    class Meta:
        model = PanoramaJob
        fields = ["scene", "upload"]

    def clean_upload(self):
        """Rejects what the header already shows to be wrong, before the job is queued."""
        upload = self.cleaned_data["upload"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"Berkas terlalu besar ({upload.size / 1e6:.0f} MB). Batasnya {MAX_UPLOAD_BYTES / 1e6:.0f} MB."
            )
        with tempfile.NamedTemporaryFile(suffix=".upload") as temp:
            for chunk in upload.chunks():
                temp.write(chunk)
            temp.flush()
            try:
                pipeline.check_header(temp.name)
            except pipeline.PanoramaError as exc:
                raise forms.ValidationError(str(exc)) from exc
        upload.seek(0)
        return upload


@admin.register(PanoramaJob)
class PanoramaJobAdmin(MallScopedAdmin):
    mall_field = "scene__mall"
    form = PanoramaJobForm
    list_display = ["scene", "original_name", "status", "message", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "message", "original_name", "created_by", "created_at", "finished_at"]

    def get_fields(self, request, obj=None):
        return ["scene", "upload"] if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        obj.original_name = form.cleaned_data["upload"].name[:200]
        obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        # Panoramas belong to the whole mall: agency operators may not replace them.
        return super().has_add_permission(request) and not self._is_operator_only(request)


@admin.register(Panorama)
class PanoramaAdmin(MallScopedAdmin):
    mall_field = "scene__mall"
    list_display = ["scene", "source_name", "updated_at", "editor_link"]
    fields = ["scene", "source_name", "folder", "initial_yaw", "initial_pitch", "updated_at"]
    readonly_fields = ["scene", "source_name", "folder", "updated_at"]

    @admin.display(description="editor titik")
    def editor_link(self, obj):
        url = reverse("tour-editor", args=[obj.scene.mall.slug, obj.scene.slug])
        return format_html('<a href="{}">Buka editor</a>', url)

    def has_add_permission(self, request):
        return False


@admin.register(Hotspot)
class HotspotAdmin(MallScopedAdmin):
    mall_field = "scene__mall"
    list_display = ["__str__", "scene", "kind", "yaw", "pitch"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self._is_operator_only(request)
