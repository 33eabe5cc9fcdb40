from django.contrib import admin

from .access import agencies_for_user, agency_scope, malls_for_user
from .models import Mall, Membership, OpeningHours


class MallFilter(admin.SimpleListFilter):
    """Filter by mall, listing only the malls the user may see (the stock filter lists every mall)."""

    title = "mal"
    parameter_name = "mall"

    def lookups(self, request, model_admin):
        return [(m.id, m.name) for m in malls_for_user(request.user)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(mall_id=self.value())
        return queryset


class MallScopedAdmin(admin.ModelAdmin):
    """Admin for rows that carry a mall: staff see and pick only the malls (and agencies) they run."""

    mall_field = "mall"
    agency_field = None  # set on models an agency operator may edit, e.g. "agency"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        if self.agency_field is None:
            # Mall-wide rows (scenes, booths, life events, news) are for mall and district admins only.
            if self._is_operator_only(request):
                return qs.none()
            return qs.filter(**{f"{self.mall_field}__in": malls_for_user(request.user)})
        return qs.filter(agency_scope(request.user, self.mall_field, self.agency_field))

    def _is_operator_only(self, request):
        return all(m.role == Membership.AGENCY_OPERATOR for m in request.user.memberships.all())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if request.user.is_superuser or field is None:
            return field
        model = db_field.related_model
        if model is Mall:
            field.queryset = malls_for_user(request.user)
        elif model._meta.label == "catalog.Agency":
            field.queryset = agencies_for_user(request.user)
        elif hasattr(model, "mall"):
            field.queryset = field.queryset.filter(mall__in=malls_for_user(request.user))
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if not request.user.is_superuser and field is not None and hasattr(db_field.related_model, "mall"):
            field.queryset = field.queryset.filter(mall__in=malls_for_user(request.user))
        return field


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Mall)
class MallAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kabupaten", "timezone", "is_published"]
    list_filter = ["kabupaten", "is_published"]
    search_fields = ["name", "slug", "region"]
    prepopulated_fields = {"slug": ["region"]}
    inlines = [OpeningHoursInline]

    def get_queryset(self, request):
        return malls_for_user(request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "mall", "agency", "kabupaten_code"]
    list_filter = ["role"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
