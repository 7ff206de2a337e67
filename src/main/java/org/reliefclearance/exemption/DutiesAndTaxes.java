package org.reliefclearance.exemption;

import java.math.BigDecimal;

/** Import duty, excise and VAT, in USD; what an exemption waives. */
public record DutiesAndTaxes(BigDecimal importDuty, BigDecimal excise, BigDecimal vat) {

    public static final DutiesAndTaxes NONE = new DutiesAndTaxes(BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    public BigDecimal total() {
        return importDuty.add(excise).add(vat);
    }

    /** Only these taxes; the others count as zero. */
    public DutiesAndTaxes only(java.util.Collection<Tax> taxes) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new DutiesAndTaxes(taxes.contains(Tax.IMPORT_DUTY) ? importDuty : zero,
                taxes.contains(Tax.EXCISE) ? excise : zero, taxes.contains(Tax.VAT) ? vat : zero);
    }

    DutiesAndTaxes plus(DutiesAndTaxes other) {
        return new DutiesAndTaxes(importDuty.add(other.importDuty), excise.add(other.excise), vat.add(other.vat));
    }

    /** For officials: "import duty 3450.00, excise 0.00, VAT 4395.00". */
    public String describe() {
        return "import duty " + importDuty.toPlainString() + ", excise " + excise.toPlainString() + ", VAT "
                + vat.toPlainString();
    }
}
