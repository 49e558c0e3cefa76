package db.migration.h2;

import com.orderdesk.app.persistence.PaymentSagaSplit;

/** The payment saga split by job (issue 29): {@link PaymentSagaSplit}. */
public class V13__payment_saga_split extends PaymentSagaSplit {
}
