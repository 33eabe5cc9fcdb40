from django.contrib import admin

from malls.access import agencies_for_user
from malls.admin import MallFilter, MallScopedAdmin

from .models import Agency, Booth, Channel, LifeEvent, LifeEventStep, NewsItem, Scene, Service


class AgencyFilter(admin.SimpleListFilter):
    """Filter by agency, listing only agencies the user may see."""

    title = "instansi"
    parameter_name = "agency"

    def lookups(self, request, model_admin):
        agencies = agencies_for_user(request.user).select_related("mall")
        return [(agency.id, f"{agency.short_name} ({agency.mall.slug})") for agency in agencies]

    def queryset(self, request, queryset):
        return queryset.filter(agency_id=self.value()) if self.value() else queryset


@admin.register(Scene)
class SceneAdmin(MallScopedAdmin):
    list_display = ["name", "mall", "kind", "order"]
    list_filter = [MallFilter, "kind"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["links_to"]


class ChannelInline(admin.TabularInline):
    model = Channel
    extra = 0
    fields = ["label", "label_en", "url", "kind", "last_check_ok", "last_checked_at"]
    readonly_fields = ["last_check_ok", "last_checked_at"]


@admin.register(Agency)
class AgencyAdmin(MallScopedAdmin):
    agency_field = "id"
    list_display = ["short_name", "mall", "kind"]
    list_filter = [MallFilter, "kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [ChannelInline]

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            obj.mall = form.instance.mall
            obj.save()
        formset.save_m2m()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(Booth)
class BoothAdmin(MallScopedAdmin):
    list_display = ["name", "mall", "scene", "kind", "order"]
    list_filter = [MallFilter, "kind"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["agencies"]


@admin.register(Channel)
class ChannelAdmin(MallScopedAdmin):
    agency_field = "agency"
    list_display = ["label", "agency", "url", "kind", "last_check_ok", "last_checked_at"]
    list_filter = [MallFilter, "kind", "last_check_ok"]
    search_fields = ["label", "url"]


@admin.register(Service)
class ServiceAdmin(MallScopedAdmin):
    agency_field = "agency"
    list_display = ["name", "agency", "booth", "status", "cost_amount", "last_reviewed"]
    list_filter = [MallFilter, "status", "fact_status", AgencyFilter]
    search_fields = ["name", "name_en", "keywords", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "last_reviewed"
    actions = ["publish", "unpublish"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "mall",
                    "agency",
                    "booth",
                    "slug",
                    "name",
                    "name_en",
                    "summary",
                    "summary_en",
                    "status",
                    "last_reviewed",
                ]
            },
        ),
        (
            "Standar pelayanan",
            {
                "description": "Enam komponen yang wajib dipublikasikan (PermenPAN-RB 15/2014).",
                "fields": [
                    "requirements",
                    "requirements_en",
                    "procedure",
                    "procedure_en",
                    "duration",
                    "duration_en",
                    "cost_amount",
                    "cost_text",
                    "cost_text_en",
                    "product",
                    "product_en",
                    "complaints",
                    "complaints_en",
                ],
            },
        ),
        (
            "Kanal, hukum, dan pencarian",
            {
                "fields": [
                    "online_channel",
                    "online_note",
                    "legal_basis",
                    "deadline",
                    "deadline_en",
                    "validity",
                    "keywords",
                    "fact_status",
                    "order",
                ],
            },
        ),
    ]

    @admin.action(description="Tayangkan layanan terpilih")
    def publish(self, request, queryset):
        queryset.update(status=Service.PUBLISHED)

    @admin.action(description="Jadikan draf (sembunyikan dari warga)")
    def unpublish(self, request, queryset):
        queryset.update(status=Service.DRAFT)


class LifeEventStepInline(admin.TabularInline):
    model = LifeEventStep
    extra = 0
    autocomplete_fields = []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "service" and not request.user.is_superuser:
            from malls.access import malls_for_user

            field.queryset = field.queryset.filter(mall__in=malls_for_user(request.user))
        return field


@admin.register(LifeEvent)
class LifeEventAdmin(MallScopedAdmin):
    list_display = ["name", "mall", "order"]
    list_filter = [MallFilter]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [LifeEventStepInline]


@admin.register(NewsItem)
class NewsItemAdmin(MallScopedAdmin):
    list_display = ["title", "mall", "published_on", "status", "is_demo"]
    list_filter = [MallFilter, "status"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related_services"]
