package io.jixiao.budget.domain;

import io.jixiao.platform.api.StoredDocument;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The sheet of a department-year as GET answers it, written with every change (materialised read). */
@Entity
@Table(name = "sheet_document")
public class SheetDocument extends StoredDocument {

    @EmbeddedId
    public FilingLock.Key key;
}
