from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from malls.access import agency_ids_for_user, malls_for_user
from malls.admin import MallFilter, MallScopedAdmin

from .actions import MAX_IMPORT_BYTES, import_skm
from .forms import ImportForm
from .models import SurveyResponse


class SuggestionFilter(admin.SimpleListFilter):
    title = "saran"
    parameter_name = "saran"

    def lookups(self, request, model_admin):
        return [("ada", "Ada saran")]

    def queryset(self, request, queryset):
        return queryset.exclude(suggestion="") if self.value() == "ada" else queryset


@admin.register(SurveyResponse)
class SurveyResponseAdmin(MallScopedAdmin):
    list_display = [
        "submitted_at",
        "mall",
        "booth",
        "service",
        "source",
        "u1",
        "u2",
        "u3",
        "u4",
        "u5",
        "u6",
        "u7",
        "u8",
        "u9",
        "suggestion_start",
    ]
    list_filter = [MallFilter, "source", SuggestionFilter, "booth"]
    date_hierarchy = "submitted_at"
    search_fields = ["suggestion"]
    list_select_related = ["mall", "booth", "service"]
    change_list_template = "admin/feedback/surveyresponse/change_list.html"

    @admin.display(description="saran")
    def suggestion_start(self, obj):
        return obj.suggestion if len(obj.suggestion) <= 80 else obj.suggestion[:79] + "…"

    def changelist_view(self, request, extra_context=None):
        # Staff reach the executive summary of each of their malls from the survey answers.
        malls = [m for m in malls_for_user(request.user) if agency_ids_for_user(request.user, m) is None]
        return super().changelist_view(request, {**(extra_context or {}), "summary_malls": malls})

    def has_change_permission(self, request, obj=None):
        return False  # answers are what citizens said; staff may delete spam but not edit

    def get_urls(self):
        custom = [
            path(
                "impor/",
                self.admin_site.admin_view(self.import_view),
                name="feedback_surveyresponse_import",
            )
        ]
        return custom + super().get_urls()

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        malls = malls_for_user(request.user)
        form = ImportForm(request.POST or None, request.FILES or None, malls=malls)
        errors = []
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_IMPORT_BYTES:
                form.add_error("file", "Berkas lebih dari 5 MB.")
            else:
                result = import_skm(form.cleaned_data["mall"], upload.read())
                if result.ok:
                    messages.success(request, f"{result.created} jawaban diimpor.")
                    return redirect(reverse("admin:feedback_surveyresponse_changelist"))
                errors = result.errors
        context = {
            **self.admin_site.each_context(request),
            "title": "Impor kuesioner kertas (CSV)",
            "form": form,
            "errors": errors,
            "opts": self.model._meta,
        }
        return TemplateResponse(
            request, "admin/feedback/surveyresponse/import.html", context, status=400 if errors else 200
        )
