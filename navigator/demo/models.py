from django.db import models


class LoadedRecord(models.Model):
    """What the demo loader last wrote for one record of the data files, so an unchanged record is skipped."""

    kind = models.CharField(max_length=50)
    slug = models.CharField(max_length=255)
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="unique_loaded_record")]

    def __str__(self):
        return f"{self.kind}:{self.slug}"
