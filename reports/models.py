"""Who receives the monthly executive summary, and what was sent (so a month is never sent twice)."""

from django.db import models

from malls.models import Mall

LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]


class SummaryRecipient(models.Model):
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="summary_recipients", verbose_name="mal")
    name = models.CharField("nama dan jabatan", max_length=200, help_text="Misalnya “Camat Taman”.")
    email = models.EmailField("email")
    language = models.CharField("bahasa", max_length=2, choices=LANGUAGES, default="id")
    is_active = models.BooleanField("aktif", default=True)

    class Meta:
        ordering = ["mall", "name"]
        constraints = [models.UniqueConstraint(fields=["mall", "email"], name="summary_recipient_unique_email")]
        verbose_name = "penerima ringkasan"
        verbose_name_plural = "penerima ringkasan"

    def __str__(self):
        return f"{self.name} <{self.email}>"


class SummaryDelivery(models.Model):
    mall = models.ForeignKey(Mall, on_delete=models.CASCADE, related_name="summary_deliveries", verbose_name="mal")
    date_from = models.DateField("dari")
    date_to = models.DateField("sampai")
    sent_at = models.DateTimeField("dikirim", auto_now_add=True)
    recipients = models.TextField("penerima", blank=True)
    pdf_bytes = models.PositiveIntegerField("ukuran PDF (bita)", default=0)

    class Meta:
        ordering = ["-date_from"]
        constraints = [models.UniqueConstraint(fields=["mall", "date_from", "date_to"], name="summary_delivery_once")]
        verbose_name = "pengiriman ringkasan"
        verbose_name_plural = "pengiriman ringkasan"

    def __str__(self):
        return f"{self.mall} {self.date_from:%Y-%m}"
