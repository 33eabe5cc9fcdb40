from django.contrib import admin

from malls.admin import MallFilter, MallScopedAdmin

from .models import SummaryDelivery, SummaryRecipient


@admin.register(SummaryRecipient)
class SummaryRecipientAdmin(MallScopedAdmin):
    list_display = ["name", "email", "mall", "language", "is_active"]
    list_filter = [MallFilter, "is_active", "language"]
    search_fields = ["name", "email"]


@admin.register(SummaryDelivery)
class SummaryDeliveryAdmin(MallScopedAdmin):
    list_display = ["mall", "date_from", "date_to", "sent_at", "pdf_bytes"]
    list_filter = [MallFilter]
    readonly_fields = ["mall", "date_from", "date_to", "sent_at", "recipients", "pdf_bytes"]

    def has_add_permission(self, request):
        return False
